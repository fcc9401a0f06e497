"""meta.py: canonical URL, language, authors, description, site name."""

from __future__ import annotations

import pytest

from scraper.models import SiteRules
from scraper.parse.meta import (
    extract_authors,
    extract_canonical_url,
    extract_description,
    extract_language,
    extract_site_name,
)
from scraper.parse.page import build_page

URL = "https://news.example/world/story-1?ref=home"


def _page(head: str = "", body: str = "", lang: str | None = None) -> str:
    attr = f' lang="{lang}"' if lang else ""
    head = f'<head><meta charset="utf-8">{head}</head>'
    return f"<!doctype html><html{attr}>{head}<body>{body}</body></html>"


@pytest.mark.parametrize(
    ("head", "url", "expected"),
    [
        pytest.param(
            '<link rel="canonical" href="https://news.example/world/story-1">',
            URL,
            "https://news.example/world/story-1",
            id="absolute",
        ),
        pytest.param(
            '<link rel="canonical" href="/world/story-1#top">',
            URL,
            "https://news.example/world/story-1",
            id="relative-fragment-dropped",
        ),
        pytest.param(
            '<link rel="Canonical Alternate" href="../a/b">',
            URL,
            "https://news.example/a/b",
            id="rel-tokens-case",
        ),
        pytest.param(
            '<meta property="og:url" content="https://news.example/og">',
            URL,
            "https://news.example/og",
            id="og-url",
        ),
        pytest.param(
            '<link rel="canonical" href="https://news.example/c">'
            '<meta property="og:url" content="https://news.example/og">',
            URL,
            "https://news.example/c",
            id="link-before-og",
        ),
        pytest.param('<link rel="canonical" href="/relative">', None, None, id="relative-no-base"),
        pytest.param('<link rel="canonical" href="javascript:void(0)">', URL, None, id="not-http"),
        pytest.param("", URL, None, id="none"),
    ],
)
def test_canonical_url(head: str, url: str | None, expected: str | None) -> None:
    assert extract_canonical_url(build_page(_page(head), url)) == expected


ARABIC_BODY = (
    "أعلنت وزارة الصحة اليوم عن إطلاق حملة تطعيم موسمية تشمل جميع المحافظات وتستمر شهرا كاملا."
)
FRENCH_BODY = "La ligne de tramway a été prolongée jusqu'à l'aéroport après deux années de travaux."


@pytest.mark.parametrize(
    ("html", "body", "expected"),
    [
        pytest.param(_page(lang="ar-EG"), "", "ar", id="html-lang-region-dropped"),
        pytest.param(
            _page('<meta property="og:locale" content="pt_BR">'), "", "pt", id="og-locale"
        ),
        pytest.param(
            _page('<meta http-equiv="content-language" content="de-AT">'),
            "",
            "de",
            id="content-language",
        ),
        pytest.param(
            _page(
                '<script type="application/ld+json">{"@type":"NewsArticle",'
                '"inLanguage":"tr-TR"}</script>'
            ),
            "",
            "tr",
            id="jsonld-inlanguage",
        ),
        pytest.param(_page(lang="ara"), "", "ar", id="three-letter-mapped"),
        pytest.param(
            _page(lang="en", head='<meta property="og:locale" content="fr_FR">'),
            "",
            "en",
            id="html-lang-first",
        ),
        pytest.param(_page(), ARABIC_BODY, "ar", id="identified-arabic"),
        pytest.param(_page(), FRENCH_BODY, "fr", id="identified-french"),
        pytest.param(_page(lang="x-klingon"), FRENCH_BODY, "fr", id="invalid-lang-identified"),
        pytest.param(_page(), "ok", None, id="too-short"),
    ],
)
def test_language(html: str, body: str, expected: str | None) -> None:
    assert extract_language(build_page(html), body) == expected


@pytest.mark.parametrize(
    ("html", "rules", "expected"),
    [
        pytest.param(
            _page(
                '<script type="application/ld+json">{"@type":"NewsArticle","author":'
                '[{"@type":"Person","name":"Megan Ashdown"},'
                '{"@type":"Person","name":"Ali Hassan"}]}'
                '</script><meta name="author" content="Desk">'
            ),
            SiteRules(),
            ("Megan Ashdown", "Ali Hassan"),
            id="jsonld-list",
        ),
        pytest.param(
            _page(
                '<script type="application/ld+json">{"@type":"NewsArticle","author":"سارة أحمد"}'
                "</script>"
            ),
            SiteRules(),
            ("سارة أحمد",),
            id="jsonld-string-arabic",
        ),
        pytest.param(
            _page(
                '<meta property="article:author" content="https://news.example/staff/megan">'
                '<meta name="author" content="By Tom Reyes and Ana Ruiz">'
            ),
            SiteRules(),
            ("Tom Reyes", "Ana Ruiz"),
            id="meta-url-skipped-byline-split",
        ),
        pytest.param(
            _page(
                body='<span itemprop="author" itemscope><span itemprop="name">Lucie Martin</span>'
                "</span>"
            ),
            SiteRules(),
            ("Lucie Martin",),
            id="microdata",
        ),
        pytest.param(
            _page(body='<a rel="author" href="/u/1">بقلم: خالد يوسف</a>'),
            SiteRules(),
            ("خالد يوسف",),
            id="rel-author-arabic-prefix",
        ),
        pytest.param(
            _page(
                '<meta name="author" content="Desk">',
                '<p class="by">Par Jean Dupont et Marie Roy</p>',
            ),
            SiteRules(author=".by"),
            ("Jean Dupont", "Marie Roy"),
            id="rules-win",
        ),
        pytest.param(
            _page(body='<p class="byline">بقلم: ليلى حداد و سامي نصر</p><p>نص الخبر.</p>'),
            SiteRules(),
            ("ليلى حداد", "سامي نصر"),
            id="visible-arabic-byline-class",
        ),
        pytest.param(
            _page(
                body='<p class="byline">بقلم: <a href="/a/1">سلمى يوسف</a>، مراسلة الشؤون'
                " السياسية</p>"
            ),
            SiteRules(),
            ("سلمى يوسف",),
            id="visible-byline-title-after-comma-dropped",
        ),
        pytest.param(
            _page(body='<div class="author">About the author: she covers courts.</div>'),
            SiteRules(),
            (),
            id="author-box-without-byline-word-ignored",
        ),
        pytest.param(
            _page(
                '<script type="application/ld+json">{"@type":"NewsArticle",'
                '"author":[null, 5, {"name": ["x"]}]}</script>'
            ),
            SiteRules(),
            (),
            id="junk-jsonld-authors-dropped",
        ),
        pytest.param(_page(), SiteRules(), (), id="none"),
    ],
)
def test_authors(html: str, rules: SiteRules, expected: tuple[str, ...]) -> None:
    assert extract_authors(build_page(html), rules=rules) == expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        pytest.param(
            '<meta property="og:description" content=" OG  text ">'
            '<meta name="description" content="Plain">',
            "OG text",
            id="og-first",
        ),
        pytest.param(
            '<meta name="description" content="Plain text">', "Plain text", id="description"
        ),
        pytest.param(
            '<meta name="twitter:description" content="Tweet text">', "Tweet text", id="twitter"
        ),
        pytest.param(
            '<script type="application/ld+json">{"@type":"NewsArticle",'
            '"description":"وصف قصير"}</script>',
            "وصف قصير",
            id="jsonld",
        ),
        pytest.param("", None, id="none"),
    ],
)
def test_description(head: str, expected: str | None) -> None:
    assert extract_description(build_page(_page(head))) == expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        pytest.param(
            '<meta property="og:site_name" content="Coastal Ledger">', "Coastal Ledger", id="og"
        ),
        pytest.param(
            '<meta name="application-name" content="Metro Herald">', "Metro Herald", id="app-name"
        ),
        pytest.param(
            '<script type="application/ld+json">{"@type":"NewsArticle","publisher":'
            '{"@type":"Organization","name":"بوابة الاقتصاد"}}</script>',
            "بوابة الاقتصاد",
            id="jsonld-publisher",
        ),
        pytest.param(
            '<script type="application/ld+json">{"@graph":[{"@type":"WebSite",'
            '"name":"Valley Times"}]}</script>',
            "Valley Times",
            id="jsonld-website",
        ),
        pytest.param(
            '<meta name="twitter:site" content="@harbournews">', "harbournews", id="twitter"
        ),
        pytest.param("", None, id="none"),
    ],
)
def test_site_name(head: str, expected: str | None) -> None:
    assert extract_site_name(build_page(_page(head))) == expected


def test_page_urls() -> None:
    from scraper.parse.meta import page_urls

    page = build_page(_page('<link rel="canonical" href="/c">'), URL)
    assert page_urls(page) == ("https://news.example/c", URL)
    assert page_urls(build_page(_page())) == ()


def test_invalid_author_selector_is_a_config_error() -> None:
    from scraper.errors import ConfigError

    with pytest.raises(ConfigError, match="selectors.author"):
        extract_authors(build_page(_page()), rules=SiteRules(author="a >"))
