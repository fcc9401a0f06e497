"""Golden pages: ``tests/fixtures/pages/<site>-<slug>.html`` with ``<site>-<slug>.json``.

The JSON holds the expected fields; only the keys present are checked:
``url`` (passed to extract), ``title``, ``published``, ``updated`` (ISO 8601 or
null), ``canonical_url``, ``language``, ``authors`` (list), ``body_contains`` and
``body_excludes`` (lists of strings), ``body_paragraphs`` (exact count),
``body_empty`` (true for pages with no article) and ``reason_contains``.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from scraper.parse import extract

PAGES = Path(__file__).parent.parent / "fixtures" / "pages"
CASES = sorted(PAGES.glob("*.json"))


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_golden_page(case: Path) -> None:
    expected = json.loads(case.read_text(encoding="utf-8"))
    html = case.with_suffix(".html").read_bytes()
    article = extract(
        html, expected.get("url"), now=datetime.fromisoformat("2026-11-30T12:00:00+00:00")
    )
    for key in ("title", "canonical_url", "language"):
        if key in expected:
            assert getattr(article, key) == expected[key], key
    for key in ("published", "updated"):
        if key in expected:
            want = expected[key]
            got = getattr(article, key)
            if want is None:
                assert got is None, key
            else:
                assert got is not None, key
                assert got == datetime.fromisoformat(want), key
                assert got.utcoffset() is not None, key
    if "authors" in expected:
        assert list(article.authors) == expected["authors"]
    for text in expected.get("body_contains", []):
        assert text in article.body, text
    for text in expected.get("body_excludes", []):
        assert text not in article.body, text
    if "body_paragraphs" in expected:
        assert (
            len([p for p in article.body.split("\n\n") if p.strip()]) == expected["body_paragraphs"]
        )
    if expected.get("body_empty"):
        assert article.body == ""
        assert article.reason
        if "reason_contains" in expected:
            assert expected["reason_contains"] in article.reason


def test_there_are_golden_pages() -> None:
    assert len(CASES) >= 1
