"""``scraper demo`` runs the whole pipeline offline against its bundled site."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

from scraper.demo import run_demo


def test_demo_finds_the_revision_and_the_follow_up(tmp_path: Path) -> None:
    out = io.StringIO()
    result = run_demo(Console(file=out, width=120), keep=tmp_path)
    first, second = result.outcomes
    assert (first.new, first.revised, first.failed) == (1, 0, 0)
    assert (second.new, second.revised, second.failed) == (1, 1, 0)
    assert result.revisions == 2
    types = sorted(t for t, _ in result.received)
    assert types == ["article.new", "article.new", "article.revised", "story.followup"]
    assert all(ok for _, ok in result.received)
    assert (tmp_path / "demo.db").exists()
    assert "ثمانمئة مليون دولار" in out.getvalue()  # the added paragraph is in the shown diff
