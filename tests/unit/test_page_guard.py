"""The parse guard: pathologically nested HTML is refused before Lexbor sees it."""

from __future__ import annotations

import pytest

from scraper.parse import extract
from scraper.parse.page import MAX_UNCLOSED, unclosed_depth

ARTICLE = (
    "<html><body><article><h1>Bridge reopens</h1>"
    + "<p>The bridge reopened to traffic after four months of repairs to its deck.</p>" * 5
    + "</article></body></html>"
)


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        pytest.param("<div>" * 20_000, 20_000, id="divs"),
        pytest.param("<SECTION class='x'>" * 12_000, 12_000, id="upper-case-with-attributes"),
        pytest.param("<div></div>" * 20_000, 0, id="closed-divs"),
        pytest.param("<p>" * 60_000, 0, id="paragraphs-close-themselves"),
        pytest.param("<div>" * 9_000, 0, id="too-short-to-nest-that-deep"),
        pytest.param("<br>" * 30_000, 0, id="void-elements-do-not-nest"),
    ],
)
def test_unclosed_depth(html: str, expected: int) -> None:
    assert unclosed_depth(html) == expected


def test_deep_page_gives_a_reason_and_no_fields() -> None:
    html = "<html><body>" + "<div>" * (MAX_UNCLOSED + 5) + ARTICLE + "</body></html>"
    article = extract(html, "https://news.example/deep")
    assert article.body == "" and article.title is None
    assert article.reason == f"not parsed: {MAX_UNCLOSED + 5} unclosed container tags (limit 10000)"
    assert article.url == "https://news.example/deep"


def test_nesting_just_under_the_limit_is_parsed() -> None:
    html = "<html><body>" + "<div>" * (MAX_UNCLOSED - 100) + ARTICLE[12:]
    article = extract(html, "https://news.example/deep")
    assert article.reason is None
    assert article.title == "Bridge reopens"
    assert article.body.count("four months of repairs") == 5
