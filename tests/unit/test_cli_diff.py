"""``scraper diff``: every "nothing to compare" case exits 1 with a message that fits it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from scraper.cli import cli
from scraper.models import Article, Revision
from scraper.store import Store

URL = "https://harbour.example/news/2026/11/30/ferry-timetable"
TITLE = "جدول جديد لرحلات العبّارة بين الميناءين"
BODIES = [
    "أعلنت إدارة الميناء جدولا جديدا لرحلات العبّارة يبدأ العمل به الأسبوع المقبل.",
    "أعلنت إدارة الميناء جدولا جديدا لرحلات العبّارة يبدأ العمل به الأسبوع المقبل."
    "\n\nوتضاف رحلة مسائية رابعة في أيام العطل.",
]
T0 = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def _config(tmp_path: Path, revisions: int) -> Path:
    config = tmp_path / "config.toml"
    config.write_text('[storage]\npath = "watch.db"\n', encoding="utf-8")
    with Store(tmp_path / "watch.db") as store:
        for number, body in enumerate(BODIES[:revisions], start=1):
            article = Article(url=URL, canonical_url=URL, title=TITLE, body=body)
            revision = Revision(
                url=URL,
                number=number,
                fetched_at=T0 + timedelta(hours=number),
                title=TITLE,
                body=body,
                published=None,
                updated=None,
                content_hash=f"{number:064x}",
                changed=("body",) if number > 1 else (),
            )
            store.save_revision(source="harbour", article=article, revision=revision, diff="")
    return config


@pytest.mark.parametrize(
    ("revisions", "options", "message"),
    [
        pytest.param(
            1, [], "nothing to compare: the article has only one revision so far", id="one-revision"
        ),
        pytest.param(
            1,
            ["--to", "1"],
            "nothing to compare: the article has only one revision so far",
            id="one-revision-to-1",
        ),
        pytest.param(
            2,
            ["--to", "1"],
            "revision 1 is the first: nothing before it to compare (use --to 2)",
            id="to-the-first",
        ),
        pytest.param(
            2,
            ["--from", "2"],
            "nothing to compare: revision 2 is the latest (use --from 1)",
            id="from-the-latest",
        ),
        pytest.param(
            2,
            ["--from", "1", "--to", "1"],
            "nothing to compare: --from and --to are both revision 1 (use --to 2)",
            id="same-revision",
        ),
    ],
)
def test_nothing_to_compare_exits_1(
    tmp_path: Path, revisions: int, options: list[str], message: str
) -> None:
    config = _config(tmp_path, revisions)
    result = CliRunner().invoke(cli, ["diff", "--config", str(config), URL, *options])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.strip() == f"error: {message}"


def test_two_revisions_print_the_added_paragraph(tmp_path: Path) -> None:
    config = _config(tmp_path, 2)
    result = CliRunner().invoke(cli, ["diff", "--config", str(config), URL, "--to", "2"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "+وتضاف رحلة مسائية رابعة في أيام العطل." in lines
    assert lines[:2] == ["--- revision 1", "+++ revision 2"]
