"""``scraper check`` and ``run`` refuse a config that watches nothing, the same way."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from scraper.cli import cli


@pytest.mark.parametrize("command", [["check"], ["check", "--json"], ["run", "--for", "1"]])
def test_no_sources_is_an_error(tmp_path: Path, command: list[str]) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[storage]\npath = "watch.db"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, [*command, "--config", str(config)])
    assert result.exit_code == 1
    assert f"{config}: no [[sources]] configured; nothing to watch" in result.stderr
    assert result.stdout == ""
    assert not (tmp_path / "watch.db").exists()
