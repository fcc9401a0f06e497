"""``scraper demo`` says that its temporary database is removed at exit."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from scraper.cli import cli


def test_demo_says_the_database_is_removed_and_removes_it() -> None:
    result = CliRunner().invoke(cli, ["demo"])
    assert result.exit_code == 0, result.output
    match = re.search(
        r"^database (\S+demo\.db) \(removed at exit; --keep FOLDER keeps it\)$",
        result.stdout,
        re.MULTILINE,
    )
    assert match is not None, result.stdout
    assert not Path(match.group(1)).exists()


def test_demo_with_keep_prints_the_kept_path(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["demo", "--keep", str(tmp_path)])
    assert result.exit_code == 0, result.output
    db = tmp_path / "demo.db"
    assert f"database {db}\n" in result.stdout
    assert "removed at exit" not in result.stdout
    assert db.exists()
