"""extract_title: each source in order, and site-name stripping in several scripts."""

from __future__ import annotations

import pytest

from scraper.models import SiteRules
from scraper.parse.meta import site_names
from scraper.parse.page import build_page
from scraper.parse.title import extract_title, strip_site_name


def _page(head: str = "", body: str = "") -> str:
    return (
        f'<!doctype html><html><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'
    )


def _title(html: str, rules: SiteRules | None = None) -> str | None:
    return extract_title(build_page(html), rules=rules or SiteRules())


LD = '<script type="application/ld+json">{"@type":"NewsArticle","headline":"%s"}</script>'

CASES = [
    pytest.param(
        _page(
            LD % "Dam plan approved" + '<meta property="og:title" content="Other | Site">'
            "<title>Third - Site</title>",
            "<h1>Fourth</h1>",
        ),
        "Dam plan approved",
        id="jsonld-headline-first",
    ),
    pytest.param(
        _page(
            '<meta property="og:title" content="Dam plan approved">'
            '<meta name="twitter:title" content="Twitter text"><title>Dam | Site</title>'
        ),
        "Dam plan approved",
        id="og-title",
    ),
    pytest.param(
        _page('<meta name="twitter:title" content="Tram line extended"><title>T | Site</title>'),
        "Tram line extended",
        id="twitter-title",
    ),
    pytest.param(
        _page(
            "<title>Schools close early as heat wave grips region | The Daily Planet</title>",
            "<h1>Schools close early as heat wave grips region</h1>",
        ),
        "Schools close early as heat wave grips region",
        id="h1-before-title",
    ),
    pytest.param(
        _page(
            "<title>Schools close early as heat wave grips region | The Daily Planet</title>",
            "<h1>The Daily Planet</h1><h1>Schools close early as heat wave grips region</h1>",
        ),
        "Schools close early as heat wave grips region",
        id="h1-best-match-over-logo-h1",
    ),
    pytest.param(
        _page(
            '<meta property="og:site_name" content="The Daily Planet">'
            "<title>Schools close early | The Daily Planet</title>",
            "<h1>The Daily Planet</h1>",
        ),
        "Schools close early",
        id="h1-equal-to-site-name-skipped",
    ),
    pytest.param(
        _page("<title>Council votes to expand bike lanes across the city - Metro Herald</title>"),
        "Council votes to expand bike lanes across the city",
        id="title-unknown-suffix-guessed",
    ),
    pytest.param(
        _page(
            '<meta property="og:site_name" content="Metro Herald">'
            '<meta property="og:title" content="Council votes on bike lanes | Metro Herald">'
        ),
        "Council votes on bike lanes",
        id="og-title-known-site-suffix",
    ),
    pytest.param(
        _page(
            '<meta property="og:title" content="Council votes on bike lanes - Metro Herald">',
            "<h1>Council votes on bike lanes</h1>",
        ),
        "Council votes on bike lanes",
        id="og-title-segment-equal-to-h1",
    ),
    pytest.param(
        _page(
            '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Dam plan",'
            '"publisher":{"@type":"Organization","name":"Valley Times"}}</script>'
            "<title>Valley Times: Dam plan approved</title>"
        ),
        "Dam plan",
        id="jsonld-publisher-known",
    ),
    pytest.param(
        _page(
            '<script type="application/ld+json">{"@type":"Organization","name":"Valley Times"}'
            "</script><title>Valley Times: Dam plan approved after long debate</title>"
        ),
        "Dam plan approved after long debate",
        id="title-site-prefix-colon",
    ),
    pytest.param(
        _page(
            LD % "Parliament passes the long-awaited housing bill after a night of…",
            "<h1>Parliament passes the long-awaited housing bill after a night of debate</h1>",
        ),
        "Parliament passes the long-awaited housing bill after a night of debate",
        id="truncated-headline-uses-h1",
    ),
    pytest.param(
        _page("<title>  Storm\n   warning   issued </title>"),
        "Storm warning issued",
        id="whitespace-collapsed",
    ),
    pytest.param(_page("", "<p>No title anywhere.</p>"), None, id="none"),
]


@pytest.mark.parametrize(("html", "expected"), CASES)
def test_title_sources(html: str, expected: str | None) -> None:
    assert _title(html) == expected


def test_rules_selector_wins() -> None:
    html = _page('<meta property="og:title" content="Meta title">', '<div class="hl">Chosen</div>')
    assert _title(html, SiteRules(title=".hl")) == "Chosen"


def test_rules_selector_without_match_falls_back() -> None:
    html = _page('<meta property="og:title" content="Meta title">')
    assert _title(html, SiteRules(title=".missing")) == "Meta title"


SUFFIXES = [
    pytest.param(
        "Harbour reopens | Coastal Ledger", ["Coastal Ledger"], "Harbour reopens", id="latin-pipe"
    ),
    pytest.param(
        "Harbour reopens - Coastal Ledger",
        ["coastal ledger"],
        "Harbour reopens",
        id="latin-dash-case",
    ),
    pytest.param(
        "Harbour reopens — Coastal Ledger", ["Coastal Ledger"], "Harbour reopens", id="em-dash"
    ),
    pytest.param(
        "Coastal Ledger: Harbour reopens", ["Coastal Ledger"], "Harbour reopens", id="prefix-colon"
    ),
    pytest.param(
        "افتتاح معرض الكتاب | صحيفة المدار",
        ["صحيفة المدار"],
        "افتتاح معرض الكتاب",
        id="arabic-pipe",
    ),
    pytest.param(
        "صحيفة المدار - افتتاح معرض الكتاب",
        ["صحيفة المدار"],
        "افتتاح معرض الكتاب",
        id="arabic-prefix",
    ),
    pytest.param(
        "В городе откроют метро — Вечерний вестник",
        ["Вечерний вестник"],
        "В городе откроют метро",
        id="cyrillic",
    ),
    pytest.param(
        "Νέα γέφυρα στην πόλη | Η Καθημερινή Ειδήσεις",
        ["Η Καθημερινή Ειδήσεις"],
        "Νέα γέφυρα στην πόλη",
        id="greek",
    ),
    pytest.param(
        "גשר חדש נפתח לתנועה - חדשות העיר", ["חדשות העיר"], "גשר חדש נפתח לתנועה", id="hebrew"
    ),
    pytest.param("新しい橋が開通 | 港町新聞", ["港町新聞"], "新しい橋が開通", id="japanese"),
    pytest.param(
        "新しい橋が開通｜港町新聞", ["港町新聞"], "新しい橋が開通", id="japanese-fullwidth-bar"
    ),
    pytest.param(
        "新大桥正式通车_港口日报", ["港口日报"], "新大桥正式通车", id="chinese-underscore"
    ),
    pytest.param("Headline without site", ["Coastal Ledger"], "Headline without site", id="absent"),
]


@pytest.mark.parametrize(("title", "names", "expected"), SUFFIXES)
def test_strip_site_name(title: str, names: list[str], expected: str) -> None:
    assert strip_site_name(title, names) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        pytest.param(
            "بلدية المدينة تطلق حملة لتشجير الأحياء | موقع الضفة",
            "بلدية المدينة تطلق حملة لتشجير الأحياء",
            id="arabic-suffix",
        ),
        pytest.param(
            "Les Échos du Port | Le tramway prolongé jusqu'à l'aéroport de la ville",
            "Le tramway prolongé jusqu'à l'aéroport de la ville",
            id="french-prefix",
        ),
        pytest.param(
            "Storm damage across the north coast | Recovery continues through the weekend",
            "Storm damage across the north coast | Recovery continues through the weekend",
            id="two-long-segments-kept",
        ),
        pytest.param(
            "Harbour Gazette | Ferry strike ends after talks",
            "Ferry strike ends after talks",
            id="short-prefix-dropped",
        ),
    ],
)
def test_strip_site_name_guess(title: str, expected: str) -> None:
    assert strip_site_name(title, [], guess=True) == expected


def test_site_names_order() -> None:
    html = _page(
        '<meta property="og:site_name" content="OG Name">'
        '<meta name="twitter:site" content="@handle">'
        '<script type="application/ld+json">{"@type":"NewsArticle",'
        '"publisher":{"name":"Publisher Name"}}</script>'
    )
    assert site_names(build_page(html)) == ["OG Name", "Publisher Name", "handle"]


def test_arabic_page_title() -> None:
    html = (
        '<html lang="ar" dir="rtl"><head><title>ارتفاع أسعار الذهب - بوابة الاقتصاد</title>'
        '<meta property="og:site_name" content="بوابة الاقتصاد"></head>'
        "<body><h1>ارتفاع أسعار الذهب</h1></body></html>"
    )
    assert _title(html) == "ارتفاع أسعار الذهب"


def test_double_escaped_entities_decoded() -> None:
    html = _page('<meta property="og:title" content="&amp;#8216;Medium&amp;#8217; &amp;amp; more">')
    assert _title(html) == "\u2018Medium\u2019 & more"


def test_short_unrelated_h1_loses_to_separated_title() -> None:
    title = "<title>엘제이-류화영 진흙탕 싸움, 공적인 사안으로 봐야 | Entermedia</title>"
    html = _page(title, "<h1>엔터 미디어</h1>")
    assert _title(html) == "엘제이-류화영 진흙탕 싸움, 공적인 사안으로 봐야"


def test_jsonld_headline_of_this_page() -> None:
    ld = (
        '<script type="application/ld+json">'
        '{"@type":"NewsArticle","url":"%s","headline":"%s"}</script>'
    )
    html = _page(
        ld % ("https://n.example/a", "Related story") + ld % ("https://n.example/b", "This story")
    )
    page = build_page(html, "https://n.example/b?utm_source=x")
    assert extract_title(page, rules=SiteRules()) == "This story"


def test_meta_title_equal_to_site_name_skipped() -> None:
    html = _page(
        '<meta property="og:site_name" content="Valley Times">'
        '<meta property="og:title" content="Valley Times">',
        "<h1>Dam plan approved after long debate</h1>",
    )
    assert _title(html) == "Dam plan approved after long debate"


def test_invalid_rule_selector_is_a_config_error() -> None:
    from scraper.errors import ConfigError

    with pytest.raises(ConfigError, match="selectors.title"):
        _title(_page(), SiteRules(title="[["))


def test_direction_marks_around_a_title_are_dropped() -> None:
    page = build_page(
        '<html lang="ar"><head><title>\u200fتأجيل مباراة القمة بسبب الأمطار\u200f</title></head>'
        "<body></body></html>"
    )
    assert extract_title(page, rules=SiteRules()) == "تأجيل مباراة القمة بسبب الأمطار"


def test_a_junk_jsonld_headline_loses_to_the_page() -> None:
    page = build_page(
        '<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"x"}'
        "</script><title>Council approves new harbour budget | Bay Courier</title></head>"
        "<body><h1>Council approves new harbour budget</h1></body></html>"
    )
    assert extract_title(page, rules=SiteRules()) == "Council approves new harbour budget"
