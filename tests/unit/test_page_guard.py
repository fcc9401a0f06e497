"""The parse guard: pathologically nested HTML is refused before Lexbor sees it."""

from __future__ import annotations

import pytest

from scraper.parse import extract
from scraper.parse.page import MAX_DEPTH, nesting_depth, refusal

ARTICLE = (
    "<article><h1>Bridge reopens</h1>"
    + "<p>The bridge reopened to traffic after four months of repairs to its deck.</p>" * 5
    + "</article>"
)


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        pytest.param("<div>" * 12_000, MAX_DEPTH, id="unclosed-divs-counted-up-to-the-limit"),
        pytest.param("<div>" * 12_000 + "</div>" * 12_000, MAX_DEPTH, id="closed-but-deep"),
        pytest.param("<SECTION class='x'>" * 10_500, MAX_DEPTH, id="upper-case-attributes"),
        pytest.param("<pre>" * 12_000, MAX_DEPTH, id="pre"),
        pytest.param("<listing>" * 6_000 + "<search>" * 6_000, MAX_DEPTH, id="listing-search"),
        pytest.param("<div></div>" * 20_000, 1, id="many-siblings-are-shallow"),
        pytest.param("<ul><li>x</li></ul>" * 15_000, 1, id="lists-side-by-side"),
        pytest.param("<p>" * 60_000, 0, id="paragraphs-close-themselves"),
        pytest.param("<div>" * 9_000, 0, id="too-few-tags-to-nest-that-deep"),
        pytest.param("<br>" * 30_000, 0, id="void-elements-do-not-nest"),
    ],
)
def test_nesting_depth(html: str, expected: int) -> None:
    assert nesting_depth(html) == expected


@pytest.mark.parametrize("closed", [False, True], ids=["unclosed", "closed"])
def test_deep_page_gives_a_reason_and_no_fields(closed: bool) -> None:
    n = MAX_DEPTH + 5
    html = "<html><body>" + "<div>" * n + ARTICLE + ("</div>" * n if closed else "")
    article = extract(html + "</body></html>", "https://news.example/deep")
    assert article.body == "" and article.title is None
    assert article.reason == "not parsed: container elements nested 10000 or more deep"
    assert article.url == "https://news.example/deep"


def test_nesting_just_under_the_limit_is_parsed() -> None:
    n = MAX_DEPTH - 100
    html = "<html><body>" + "<div>" * n + ARTICLE + "</div>" * n + "</body></html>"
    article = extract(html, "https://news.example/deep")
    assert article.reason is None
    assert article.title == "Bridge reopens"
    assert article.body.count("four months of repairs") == 5


def test_a_page_of_too_many_elements_is_refused() -> None:
    html = "<html><body>" + "<span>x</span>" * 200_001 + "</body></html>"
    assert refusal(html) == "more than 200000 elements"
    assert extract(html).reason == "not parsed: more than 200000 elements"


def test_real_sized_pages_are_not_refused() -> None:
    html = "<html><body>" + ARTICLE * 400 + "</body></html>"  # 280 kB, 2,800 elements
    assert len(html) > 5 * MAX_DEPTH
    assert refusal(html) is None
