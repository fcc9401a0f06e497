"""extract_dates: every source, in order, with (html snippet, expected) pairs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from scraper.models import SiteRules
from scraper.parse.datelines import stated_zone_in_text
from scraper.parse.dates import extract_dates
from scraper.parse.datescan import scan_body
from scraper.parse.datetext import find_text_dates, label_of, parse_value
from scraper.parse.page import build_page

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


def _dates(
    html: str, url: str | None = None, *, rules: SiteRules | None = None
) -> tuple[str | None, str | None]:
    published, updated = extract_dates(build_page(html, url), rules=rules or SiteRules(), now=NOW)
    for value in (published, updated):
        assert value is None or value.utcoffset() is not None
    return (
        published.isoformat() if published else None,
        updated.isoformat() if updated else None,
    )


def _page(head: str = "", body: str = "", lang: str = "en") -> str:
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">{head}</head>'
        f"<body>{body}</body></html>"
    )


def _ld(data: str) -> str:
    return f'<script type="application/ld+json">{data}</script>'


H1 = "<h1>Bridge reopens after repairs</h1>"

SOURCES = [
    pytest.param(
        _page(
            _ld(
                '{"@type":"NewsArticle","datePublished":"2024-03-05T10:00:00+01:00",'
                '"dateModified":"2024-03-05T12:30:00+01:00"}'
            )
        ),
        ("2024-03-05T10:00:00+01:00", "2024-03-05T12:30:00+01:00"),
        id="jsonld-newsarticle",
    ),
    pytest.param(
        _page(
            _ld(
                '{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"X"},'
                '{"@type":"BlogPosting","datePublished":"2023-12-01T08:00:00Z"}]}'
            )
        ),
        ("2023-12-01T08:00:00+00:00", None),
        id="jsonld-graph",
    ),
    pytest.param(
        _page(
            _ld(
                '{"@type":"Article","mainEntityOfPage":{"@type":"WebPage",'
                '"datePublished":"2024-02-01T09:00:00+02:00","dateModified":"2024-02-02T09:00:00+02:00"}}'
            )
        ),
        ("2024-02-01T09:00:00+02:00", "2024-02-02T09:00:00+02:00"),
        id="jsonld-main-entity-of-page",
    ),
    pytest.param(
        _page(
            _ld('{"@type":"WebPage","datePublished":"2024-01-20T00:00:00Z"}')
            + _ld('{"@type":"NewsArticle","datePublished":"2024-01-19T18:00:00Z"}')
        ),
        ("2024-01-19T18:00:00+00:00", None),
        id="jsonld-article-beats-webpage",
    ),
    pytest.param(
        _page(
            '<meta property="article:published_time" content="2024-04-01T06:00:00Z">'
            '<meta property="article:modified_time" content="2024-04-01T07:00:00Z">'
        ),
        ("2024-04-01T06:00:00+00:00", "2024-04-01T07:00:00+00:00"),
        id="og-article-times",
    ),
    pytest.param(
        _page('<meta property="og:updated_time" content="2024-04-03T07:00:00-04:00">'),
        (None, "2024-04-03T07:00:00-04:00"),
        id="og-updated-time",
    ),
    pytest.param(
        _page(
            body=H1 + '<meta itemprop="datePublished" content="2024-05-01T10:00:00+03:00">'
            '<time itemprop="dateModified" datetime="2024-05-02T10:00:00+03:00">2 May</time>'
        ),
        ("2024-05-01T10:00:00+03:00", "2024-05-02T10:00:00+03:00"),
        id="itemprop-meta-and-time",
    ),
    pytest.param(
        _page(
            '<meta name="DC.date" content="2024-06-01T08:00:00+01:00">'
            '<meta name="dcterms.modified" content="2024-06-02T08:00:00+01:00">'
        ),
        ("2024-06-01T08:00:00+01:00", "2024-06-02T08:00:00+01:00"),
        id="dublin-core-date-modified",
    ),
    pytest.param(
        _page('<meta name="dcterms.created" content="2024-06-10">'),
        ("2024-06-10T00:00:00+00:00", None),
        id="dcterms-created-date-only",
    ),
    pytest.param(
        _page('<meta name="parsely-pub-date" content="2024-07-01T12:00:00Z">'),
        ("2024-07-01T12:00:00+00:00", None),
        id="parsely-pub-date",
    ),
    pytest.param(
        _page('<meta name="sailthru.date" content="Tue, 12 Mar 2024 15:00:00 +0000">'),
        ("2024-03-12T15:00:00+00:00", None),
        id="sailthru-rfc2822",
    ),
    pytest.param(
        _page('<meta name="pubdate" content="20240305">'),
        ("2024-03-05T00:00:00+00:00", None),
        id="pubdate-compact",
    ),
    pytest.param(
        _page('<meta name="publishdate" content="2024-09-01 07:00:00">'),
        ("2024-09-01T07:00:00+00:00", None),
        id="publishdate-naive-utc",
    ),
    pytest.param(
        _page(
            '<meta name="date" content="2024-05-18">'
            '<meta http-equiv="last-modified" content="2024-05-19T08:00:00Z">'
        ),
        ("2024-05-18T00:00:00+00:00", "2024-05-19T08:00:00+00:00"),
        id="date-and-last-modified-meta",
    ),
    pytest.param(
        _page(
            body=H1 + '<time class="entry-date published" datetime="2024-04-27T08:30:00-05:00">'
            'April 27</time><time class="updated" datetime="2024-04-28T14:00:00-05:00">'
            "April 28</time>"
        ),
        ("2024-04-27T08:30:00-05:00", "2024-04-28T14:00:00-05:00"),
        id="time-class-wordpress",
    ),
    pytest.param(
        _page(
            body=H1 + '<p>Veröffentlicht am <time datetime="2024-06-11T09:30:00+02:00">11. Juni'
            "</time> · Aktualisiert am "
            '<time datetime="2024-06-12T17:05:00+02:00">12. Juni</time></p>',
            lang="de",
        ),
        ("2024-06-11T09:30:00+02:00", "2024-06-12T17:05:00+02:00"),
        id="time-german-labels",
    ),
    pytest.param(
        _page(
            body=H1 + '<div><span>نشر في</span> <span data-date="2024-10-06T09:15:00+03:00">'
            '٦ أكتوبر</span> — <span>آخر تحديث</span> <span data-date="2024-10-06T15:40:00+03:00">'
            "٣:٤٠ م</span></div>",
            lang="ar",
        ),
        ("2024-10-06T09:15:00+03:00", "2024-10-06T15:40:00+03:00"),
        id="data-attr-arabic-labels",
    ),
    pytest.param(
        _page(
            body=H1 + '<span data-published="1709633400">5 Mar</span>'
            '<span data-modified="1709719800000">6 Mar</span>'
        ),
        ("2024-03-05T10:10:00+00:00", "2024-03-06T10:10:00+00:00"),
        id="data-attr-names-epochs",
    ),
    pytest.param(
        _page(body=H1 + '<time datetime="2025-01-04T21:15:00-06:00">January 4</time>'),
        ("2025-01-04T21:15:00-06:00", None),
        id="time-unlabeled-after-h1",
    ),
    pytest.param(
        _page(
            body=H1 + "<p>نشر في: الثلاثاء ٥ مارس ٢٠٢٤ - ١٠:٣٠ ص (GMT+2)</p>"
            "<p>آخر تحديث: ٥ مارس ٢٠٢٤ - ٠٢:١٥ م (GMT+2)</p>",
            lang="ar",
        ),
        ("2024-03-05T10:30:00+02:00", "2024-03-05T14:15:00+02:00"),
        id="text-arabic-indic-digits-egyptian-months",
    ),
    pytest.param(
        _page(body=H1 + "<p>نشر في ٣ آذار ٢٠٢٤ | اخر تحديث ٤ آذار ٢٠٢٤ ١٠:٠٠</p>", lang="ar"),
        ("2024-03-03T00:00:00+00:00", "2024-03-04T10:00:00+00:00"),
        id="text-arabic-levantine-months",
    ),
    pytest.param(
        _page(body=H1 + "<p>١٤ تشرين الأول ٢٠٢٤ · تم التحديث ١٥ تشرين الأول ٢٠٢٤</p>", lang="ar"),
        ("2024-10-14T00:00:00+00:00", "2024-10-15T00:00:00+00:00"),
        id="text-arabic-two-word-month",
    ),
    pytest.param(
        _page(body=H1 + "<p>تاريخ النشر: ۱۲ أكتوبر ۲۰۲۴</p>", lang="ar"),
        ("2024-10-12T00:00:00+00:00", None),
        id="text-persian-digits",
    ),
    pytest.param(
        _page(
            body=H1 + "<p>Publié le 3 février 2025 à 08h15, mis à jour le 3 février 2025 "
            "à 11h40</p>",
            lang="fr",
        ),
        ("2025-02-03T08:15:00+00:00", "2025-02-03T11:40:00+00:00"),
        id="text-french",
    ),
    pytest.param(
        _page(
            body=H1 + "<p>Veröffentlicht: 05.03.2024, 14:20 Uhr | Aktualisiert: 06.03.2024, "
            "09:10 Uhr</p>",
            lang="de",
        ),
        ("2024-03-05T14:20:00+00:00", "2024-03-06T09:10:00+00:00"),
        id="text-german-numeric",
    ),
    pytest.param(
        _page(
            body=H1 + "<p>Publicado el 7 de marzo de 2024, 10:00 CET</p>"
            "<p>Actualizado el 8 de marzo de 2024, 12:30 CET</p>",
            lang="es",
        ),
        ("2024-03-07T10:00:00+01:00", "2024-03-08T12:30:00+01:00"),
        id="text-spanish-cet",
    ),
    pytest.param(
        _page(
            body=H1 + "<p>Publicado em 7 de março de 2024 às 10h30</p>"
            "<p>Atualizado em 8 de março de 2024 às 09h00</p>",
            lang="pt",
        ),
        ("2024-03-07T10:30:00+00:00", "2024-03-08T09:00:00+00:00"),
        id="text-portuguese",
    ),
    pytest.param(
        _page(
            body=H1 + "<p>Pubblicato il 3 aprile 2024 alle 16:40 - Aggiornato il 4 aprile 2024 "
            "alle 09:15</p>",
            lang="it",
        ),
        ("2024-04-03T16:40:00+00:00", "2024-04-04T09:15:00+00:00"),
        id="text-italian",
    ),
    pytest.param(
        _page(
            body=H1 + "<p>Опубликовано: 14 апреля 2024, 12:10 · Обновлено: 15 апреля 2024, "
            "08:00</p>",
            lang="ru",
        ),
        ("2024-04-14T12:10:00+00:00", "2024-04-15T08:00:00+00:00"),
        id="text-russian",
    ),
    pytest.param(
        _page(
            body=H1 + "<p>Yayınlanma: 12 Eylül 2024 14:30 Güncelleme: 12 Eylül 2024 18:05</p>",
            lang="tr",
        ),
        ("2024-09-12T14:30:00+00:00", "2024-09-12T18:05:00+00:00"),
        id="text-turkish",
    ),
    pytest.param(
        _page(
            body=H1 + "<p>Published March 3, 2024 10:15 a.m. ET | Updated March 3, 2024 "
            "1:40 p.m. ET</p>",
            lang="en-US",
        ),
        ("2024-03-03T10:15:00-05:00", "2024-03-03T13:40:00-05:00"),
        id="text-english-us-eastern",
    ),
    pytest.param(
        _page(body=H1 + "<p class='byline'>By Tom Reyes · June 3, 2024</p><p>Text.</p>"),
        ("2024-06-03T00:00:00+00:00", None),
        id="text-unlabeled-byline",
    ),
    pytest.param(
        _page(body=H1 + "<p>No date here.</p>"),
        ("2023-11-02T00:00:00+00:00", None),
        id="url-date",
    ),
    pytest.param(
        _page(
            body=H1 + "<p class='meta' data-published='2024-10-09T13:00:00Z' "
            "data-modified='2024-10-09T15:30:00Z'>9 October 2024</p><p>Text.</p>"
        ),
        ("2024-10-09T13:00:00+00:00", "2024-10-09T15:30:00+00:00"),
        id="data-attributes-both-on-one-element",
    ),
    pytest.param(
        _page(
            _ld(
                '{"@type":"WebPage","dateCreated":"2019-06-01T00:00:00+03:00","mainEntity":'
                '{"@type":"NewsArticle","datePublished":"2025-02-14T09:30:00+03:00",'
                '"dateModified":"2025-02-14T11:00:00+03:00"}}'
            )
        ),
        ("2025-02-14T09:30:00+03:00", "2025-02-14T11:00:00+03:00"),
        id="jsonld-article-as-webpage-main-entity",
    ),
    pytest.param(
        _page(
            body=H1 + "<p class='updated'>Updated 3:12 p.m. ET Nov. 4, 2025</p>"
            "<p class='published'>Published 9:05 a.m. ET Nov. 4, 2025</p><p>Text.</p>"
        ),
        ("2025-11-04T09:05:00-05:00", "2025-11-04T15:12:00-05:00"),
        id="us-time-and-zone-before-the-date",
    ),
    pytest.param(
        _page(
            body=H1 + "<p>2025年7月3日 18時20分（JST）</p><p>更新 2025年7月4日 9時05分</p>",
            lang="ja",
        ),
        ("2025-07-03T18:20:00+09:00", "2025-07-04T09:05:00+09:00"),
        id="japanese-hours-minutes-and-jst",
    ),
    pytest.param(
        _page(
            _ld('{"@type":"NewsArticle","datePublished":"2024-12-05"}'),
            H1 + "<p>发布时间：2024年12月05日 15:30（北京时间）</p><p>正文。</p>",
            lang="zh",
        ),
        ("2024-12-05T15:30:00+08:00", None),
        id="day-only-jsonld-made-exact-by-visible-time",
    ),
    pytest.param(
        _page(
            body="<div class='top'>جميع الأوقات بتوقيت GMT+2</div>"
            + H1
            + "<ul><li>تاريخ النشر: الخميس ١٤ آذار ٢٠٢٤ - ٠٩:١٥ ص</li></ul>",
            lang="ar",
        ),
        ("2024-03-14T09:15:00+02:00", None),
        id="all-times-are-statement-gives-the-zone",
    ),
]


@pytest.mark.parametrize(("html", "expected"), SOURCES)
def test_date_sources(html: str, expected: tuple[str | None, str | None]) -> None:
    url = "https://news.example/2023/11/02/story" if "No date here" in html else None
    assert _dates(html, url) == expected


MISLEADING = [
    pytest.param(
        _page(
            body=H1 + "<p>Body.</p><section class='related'><h2>More</h2>"
            "<time datetime='2024-04-01T10:00:00Z'>1 April 2024</time></section>"
        ),
        (None, None),
        id="related-section-time-ignored",
    ),
    pytest.param(
        _page(
            body=H1 + "<p>Body.</p><h3>Read more</h3><ul><li>Older story, 2 March 2024</li></ul>"
        ),
        (None, None),
        id="related-heading-list-ignored",
    ),
    pytest.param(
        _page(
            body=H1 + "<p>Body.</p><h3>اقرأ أيضا</h3><ul><li>خبر قديم ٢ مارس ٢٠٢٤</li></ul>",
            lang="ar",
        ),
        (None, None),
        id="arabic-read-also-ignored",
    ),
    pytest.param(
        _page(
            body=H1 + "<p>Body.</p><div id='comments'><p>Posted by Dana on November 5, 2023 at "
            "7:12 pm</p></div>"
        ),
        (None, None),
        id="comment-dates-ignored",
    ),
    pytest.param(
        _page(body=H1 + "<p>Body.</p><!-- generated 2024-05-05T10:00:00Z on 5 May 2024 -->"),
        (None, None),
        id="html-comment-ignored",
    ),
    pytest.param(
        _page(
            "<script>var built = '2024-05-05T10:00:00Z';</script>",
            H1 + "<script>document.write('5 May 2024')</script><p>Body.</p>",
        ),
        (None, None),
        id="script-dates-ignored",
    ),
    pytest.param(
        _page(body=H1 + "<p>Body.</p><footer>© 2024 Example News</footer><p>Copyright 2023</p>"),
        (None, None),
        id="copyright-year-ignored",
    ),
    pytest.param(
        _page(
            '<meta property="article:published_time" content="2029-01-01T00:00:00Z">',
            H1 + "<p>Posted June 3, 2024</p>",
        ),
        ("2024-06-03T00:00:00+00:00", None),
        id="future-date-skipped",
    ),
    pytest.param(
        _page('<meta property="article:published_time" content="2026-12-01T06:00:00Z">'),
        ("2026-12-01T06:00:00+00:00", None),
        id="within-one-day-skew-kept",
    ),
    pytest.param(
        _page(body="<div class='topbar'>Monday, November 30, 2026</div>" + H1 + "<p>Body.</p>"),
        (None, None),
        id="masthead-today-ignored",
    ),
    pytest.param(
        _page(
            body=H1 + "<p>The council's vote on June 12, 2019, allowed homeowners to build "
            "a second unit.</p>"
        ),
        (None, None),
        id="date-inside-a-sentence-ignored",
    ),
    pytest.param(
        _page(body=H1 + "<p>وبحسب دراسة نشرت في ١٥ يوليو ٢٠٢١، فإن كبار السن أكثر عرضة.</p>"),
        (None, None),
        id="arabic-date-inside-a-sentence-ignored",
    ),
]


@pytest.mark.parametrize(("html", "expected"), MISLEADING)
def test_misleading_dates(html: str, expected: tuple[str | None, str | None]) -> None:
    assert _dates(html) == expected


def test_updated_before_published_is_dropped() -> None:
    html = _page(
        _ld(
            '{"@type":"Article","datePublished":"2024-02-20T10:00:00Z",'
            '"dateModified":"2024-02-19T16:00:00Z"}'
        )
    )
    assert _dates(html) == ("2024-02-20T10:00:00+00:00", None)


def test_updated_before_published_swapped_when_both_guessed_from_words() -> None:
    html = _page(body=H1 + "<p>Updated 3 March 2024 · Published 5 March 2024</p>")
    assert _dates(html) == ("2024-03-03T00:00:00+00:00", "2024-03-05T00:00:00+00:00")


def test_updated_equal_to_published_is_kept() -> None:
    html = _page(
        '<meta property="article:published_time" content="2024-04-01T06:00:00Z">'
        '<meta property="article:modified_time" content="2024-04-01T06:00:00Z">'
    )
    assert _dates(html) == ("2024-04-01T06:00:00+00:00", "2024-04-01T06:00:00+00:00")


def test_naive_value_takes_the_page_zone() -> None:
    html = _page(
        '<meta property="article:published_time" content="2024-03-07T10:30:00-03:00">',
        H1 + "<p>Atualizado em 08/03/2024 09h00</p>",
        lang="pt-BR",
    )
    published, updated = extract_dates(build_page(html), rules=SiteRules(), now=NOW)
    assert updated == datetime(2024, 3, 8, 9, 0, tzinfo=timezone(timedelta(hours=-3)))
    assert published == datetime(2024, 3, 7, 10, 30, tzinfo=timezone(timedelta(hours=-3)))


def test_rules_selectors_win() -> None:
    html = _page(
        '<meta property="article:published_time" content="2024-01-01T00:00:00Z">',
        H1 + "<span class='pub'>2 February 2024</span>"
        "<span class='upd' content='2024-02-03T05:00:00Z'>x</span>",
    )
    rules = SiteRules(published=".pub", updated=".upd")
    assert _dates(html, rules=rules) == ("2024-02-02T00:00:00+00:00", "2024-02-03T05:00:00+00:00")


def test_rules_selector_without_match_falls_back() -> None:
    html = _page('<meta property="article:published_time" content="2024-01-01T00:00:00Z">')
    assert _dates(html, rules=SiteRules(published=".missing")) == (
        "2024-01-01T00:00:00+00:00",
        None,
    )


def test_tree_is_not_modified() -> None:
    html = _page(body=H1 + "<aside><time datetime='2024-01-01'>x</time></aside><p>Body.</p>")
    page = build_page(html)
    before = page.tree.html
    extract_dates(page, rules=SiteRules(), now=NOW)
    assert page.tree.html == before


def test_default_now_is_current_time() -> None:
    html = _page('<meta property="article:published_time" content="2999-01-01T00:00:00Z">')
    assert extract_dates(build_page(html), rules=SiteRules()) == (None, None)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("2024-03-05T10:00:00Z", "2024-03-05T10:00:00+00:00", id="iso-z"),
        pytest.param(
            "2024-03-05T10:00:00.000+0300", "2024-03-05T10:00:00+03:00", id="iso-basic-offset"
        ),
        pytest.param("1709633400", "2024-03-05T10:10:00+00:00", id="epoch-seconds"),
        pytest.param("1709633400000", "2024-03-05T10:10:00+00:00", id="epoch-millis"),
        pytest.param("Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05T10:00:00+00:00", id="rfc2822"),
        pytest.param(
            "2024-03-05T10:00:00 PST", "2024-03-05T10:00:00-08:00", id="dateutil-zone-name"
        ),
        pytest.param("٢٠٢٤-٠٣-٠٥", "2024-03-05T00:00:00", id="arabic-indic-iso"),
        pytest.param("5 mars 2024", "2024-03-05T00:00:00", id="french-text"),
        pytest.param("1985-01-01", None, id="before-1990"),
        pytest.param("soon", None, id="not-a-date"),
        pytest.param("2024", None, id="year-only"),
    ],
)
def test_parse_value(raw: str, expected: str | None) -> None:
    value = parse_value(raw)
    assert (value.isoformat() if value else None) == expected


@pytest.mark.parametrize(
    ("text", "month_first", "expected"),
    [
        pytest.param("03/05/2024", True, "2024-03-05T00:00:00", id="us-month-first"),
        pytest.param("03/05/2024", False, "2024-05-03T00:00:00", id="day-first"),
        pytest.param("25/12/2024", True, "2024-12-25T00:00:00", id="day-over-12"),
        pytest.param("5. März 2024, 9:30 Uhr", False, "2024-03-05T09:30:00", id="german"),
        pytest.param("٥ يناير ٢٠٢٤ ١٠:٠٠ م", False, "2024-01-05T22:00:00", id="arabic-pm"),
        pytest.param("5 كانون الثاني 2024", False, "2024-01-05T00:00:00", id="levantine-january"),
        pytest.param("12 жовтня", False, None, id="no-year"),
        pytest.param("March 2024", False, None, id="month-year-only"),
        pytest.param("31 February 2024", False, None, id="impossible-day"),
        pytest.param("2024年3月5日", False, "2024-03-05T00:00:00", id="cjk"),
        pytest.param(
            "北京时间2026年11月28日18:20", False, "2026-11-28T18:20:00+08:00", id="zone-before-date"
        ),
    ],
)
def test_find_text_dates(text: str, month_first: bool, expected: str | None) -> None:
    found = find_text_dates(text, month_first=month_first)
    assert (found[0].value.isoformat() if found else None) == expected


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        pytest.param("نشر في ", "published", id="ar-published"),
        pytest.param("آخر تحديث: ", "updated", id="ar-updated"),
        pytest.param("Publié le 3 mars, mis à jour le ", "updated", id="fr-nearest-wins"),
        pytest.param("Published " + "x" * 60, None, id="too-far"),
        pytest.param("Photo: Reuters ", None, id="no-label"),
    ],
)
def test_label_of(before: str, expected: str | None) -> None:
    assert label_of(before) == expected


def test_deeply_nested_page() -> None:
    html = _page(body=H1 + "<div>" * 3000 + "<p>Published 5 March 2024</p>" + "</div>" * 3000)
    assert _dates(html) == ("2024-03-05T00:00:00+00:00", None)


def test_arabic_time_after_saa_word() -> None:
    html = _page(body=H1 + "<p>الأربعاء، ١٧ نيسان ٢٠٢٤، الساعة ١٤:٣٠</p>", lang="ar")
    assert _dates(html) == ("2024-04-17T14:30:00+00:00", None)


def test_labeled_date_far_below_the_h1() -> None:
    paragraphs = "".join(f"<p>Paragraph {n} of the story.</p>" for n in range(30))
    html = _page(body=H1 + paragraphs + "<p>Last updated: 9 May 2024 18:00 GMT</p>")
    assert _dates(html) == (None, "2024-05-09T18:00:00+00:00")


def test_jsonld_article_about_this_page_wins() -> None:
    other = '{"@type":"NewsArticle","url":"https://n.example/other","datePublished":"2024-02-27T08:00:00Z"}'
    own = '{"@type":"NewsArticle","url":"https://n.example/own/","datePublished":"2024-03-01T17:20:00Z"}'
    html = _page('<link rel="canonical" href="https://www.n.example/own">' + _ld(other) + _ld(own))
    assert _dates(html) == ("2024-03-01T17:20:00+00:00", None)


@pytest.mark.parametrize(
    ("line", "lang", "expected"),
    [
        pytest.param(
            "Stand: 05.03.2024 14:20 Uhr", "de", (None, "2024-03-05T14:20:00+00:00"), id="de-stand"
        ),
        pytest.param(
            "Modificato il 13 giugno 2024 alle 12:10",
            "it",
            (None, "2024-06-13T12:10:00+00:00"),
            id="it-modificato",
        ),
        pytest.param(
            "آخر تعديل: ١٣ يونيو ٢٠٢٤",
            "ar",
            (None, "2024-06-13T00:00:00+00:00"),
            id="ar-akhir-tadil",
        ),
    ],
)
def test_update_only_labels(line: str, lang: str, expected: tuple[str | None, str | None]) -> None:
    assert _dates(_page(body=H1 + f"<p>{line}</p>", lang=lang)) == expected


def test_invalid_rule_selector_is_a_config_error() -> None:
    from scraper.errors import ConfigError

    with pytest.raises(ConfigError, match="selectors.published"):
        _dates(_page(), rules=SiteRules(published="p >"))


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        pytest.param("", "2026-11-29T21:15:00+03:00", id="source-zone-for-naive-times"),
        pytest.param(
            '<meta property="article:modified_time" content="2026-11-29T22:00:00+02:00">',
            "2026-11-29T21:15:00+02:00",
            id="a-zone-on-the-page-wins",
        ),
    ],
)
def test_source_timezone_localizes_naive_dates(head: str, expected: str) -> None:
    html = _page(head, H1 + "<p>تاريخ النشر: 29/11/2026 09:15 م</p><p>نص.</p>", lang="ar")
    rules = SiteRules(timezone="Asia/Riyadh")
    assert _dates(html, rules=rules)[0] == expected


# --- second user trial: zones named in Arabic words, sibling labels, CNN order, footers ---

_AR_BODY = "<p>أعلنت البلدية أن أعمال الصيانة في الجسر الرئيسي ستنتهي قبل نهاية الشهر المقبل.</p>"


def _ar_page(line: str, tail: str = "") -> str:
    body = f"<article><h1>افتتاح الجسر بعد الصيانة</h1>{line}{_AR_BODY}{tail}</article>"
    return _page("", body, lang="ar")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param(
            "29/11/2026 14:30 بتوقيت القدس", "2026-11-29T14:30:00+02:00", id="quds-winter"
        ),
        pytest.param(
            "15/07/2026 14:30 بتوقيت القدس", "2026-07-15T14:30:00+03:00", id="quds-summer"
        ),
        pytest.param("29/11/2026 14:30 بتوقيت القاهرة", "2026-11-29T14:30:00+02:00", id="cairo"),
        pytest.param(
            "15/07/2026 14:30 بتوقيت القاهرة", "2026-07-15T14:30:00+03:00", id="cairo-summer"
        ),
        pytest.param("29/11/2026 14:30 بتوقيت بيروت", "2026-11-29T14:30:00+02:00", id="beirut"),
        pytest.param(
            "15/07/2026 14:30 بتوقيت بيروت", "2026-07-15T14:30:00+03:00", id="beirut-summer"
        ),
        pytest.param("29/11/2026 14:30 بتوقيت أبوظبي", "2026-11-29T14:30:00+04:00", id="abudhabi"),
        pytest.param(
            "29/11/2026 14:30 بتوقيت أبو ظبي", "2026-11-29T14:30:00+04:00", id="abu-dhabi-spaced"
        ),
        pytest.param("29/11/2026 14:30 ت.غ", "2026-11-29T14:30:00+00:00", id="ta-ghain-gmt"),
        pytest.param(
            "السبت، 29 نوفمبر 2026 03:45 م (توقيت مكة المكرمة)",
            "2026-11-29T15:45:00+03:00",
            id="makkah-in-brackets-without-ba",
        ),
        pytest.param(
            "29/11/2026 14:30 heure de Paris", "2026-11-29T14:30:00+01:00", id="fr-heure-de-paris"
        ),
        pytest.param(
            "15/07/2026 14:30 Berliner Zeit", "2026-07-15T14:30:00+02:00", id="de-berliner-zeit"
        ),
    ],
)
def test_zones_named_in_words(line: str, expected: str) -> None:
    # The source's own zone is Tokyo: a zone the page names must win over it.
    html = _ar_page(f'<div class="date">{line}</div>')
    assert _dates(html, rules=SiteRules(timezone="Asia/Tokyo"))[0] == expected


def test_all_times_statement_names_makkah() -> None:
    html = _ar_page(
        '<div class="date">29/11/2026 14:30</div>',
        "<footer>جميع الأوقات بتوقيت مكة المكرمة</footer>",
    )
    assert _dates(html) == ("2026-11-29T14:30:00+03:00", None)


@pytest.mark.parametrize(
    ("body", "tail", "expected"),
    [
        pytest.param(
            '<p class="dateline">Posted 28/11/2026 23:30</p>',
            "<footer>All times are GMT+2</footer>",
            ("2026-11-28T23:30:00+02:00", None),
            id="footer-element",
        ),
        pytest.param(
            '<p class="dateline">Posted 28/11/2026 23:30</p>',
            '<div class="site-footer"><p>© 2026 The Bay Courier. All times are GMT+2.</p></div>',
            ("2026-11-28T23:30:00+02:00", None),
            id="footer-class",
        ),
        pytest.param(
            '<p class="dateline">Posted 28/11/2026 23:30 GMT+1</p>',
            "<footer>All times are GMT+2</footer>",
            ("2026-11-28T23:30:00+01:00", None),
            id="a-zone-in-the-article-wins",
        ),
    ],
)
def test_all_times_statement_outside_the_article(
    body: str, tail: str, expected: tuple[str | None, str | None]
) -> None:
    html = _page("", f"<article>{H1}{body}<p>The bridge reopened today.</p></article>{tail}")
    assert _dates(html) == expected


def test_naive_jsonld_takes_the_zone_stated_in_the_footer() -> None:
    head = _ld('{"@type": "NewsArticle", "datePublished": "2026-11-28T23:30:00"}')
    html = _page(
        head,
        f"<article>{H1}<p>The bridge reopened.</p></article><footer>All times are GMT+2</footer>",
    )
    assert _dates(html) == ("2026-11-28T23:30:00+02:00", None)


@pytest.mark.parametrize(
    ("line", "lang", "expected"),
    [
        pytest.param(
            '<div class="date"><span class="lbl">نشر في</span><span>28 نوفمبر 2026</span></div>',
            "ar",
            ("2026-11-28T00:00:00+00:00", None),
            id="ar-label-span-date-span",
        ),
        pytest.param(
            '<div class="date"><span>تحديث</span><span>منذ ساعتين</span></div>',
            "ar",
            (None, "2026-11-30T10:00:00+00:00"),
            id="ar-bare-spans-relative",
        ),
        pytest.param(
            '<div class="date"><span>Updated</span><span>3 hours ago</span></div>',
            "en",
            (None, "2026-11-30T09:00:00+00:00"),
            id="en-bare-spans-relative",
        ),
        pytest.param(
            '<div class="date"><span class="lbl">نشر في</span><time>28 نوفمبر 2026</time></div>',
            "ar",
            ("2026-11-28T00:00:00+00:00", None),
            id="ar-label-then-time-element",
        ),
        pytest.param(
            '<p class="date"><span>Published</span><span>28 November 2026</span></p>',
            "en",
            ("2026-11-28T00:00:00+00:00", None),
            id="en-bare-spans-absolute",
        ),
    ],
)
def test_label_and_date_in_sibling_elements(
    line: str, lang: str, expected: tuple[str | None, str | None]
) -> None:
    html = _page("", f"<article>{H1}{line}<p>The bridge reopened to traffic.</p></article>", lang)
    assert _dates(html) == expected


def test_scan_spaces_elements_apart_but_not_formatting_inside_words() -> None:
    html = _page("", "<p>N<b>ew</b>s km<sup>2</sup> <span>Updated</span><span>today</span></p>")
    blocks = scan_body(build_page(html).tree.body).blocks
    assert [b.text for b in blocks] == ["News km2 Updated today"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param(
            "Published 10:05 AM EST, Sat November 28, 2026",
            ("2026-11-28T10:05:00-05:00", None),
            id="published-time-zone-weekday-date",
        ),
        pytest.param(
            "Updated 10:05 AM EST, Saturday, November 28, 2026",
            (None, "2026-11-28T10:05:00-05:00"),
            id="updated-full-weekday",
        ),
        pytest.param(
            "10:05 AM EST, Sat November 28, 2026",
            ("2026-11-28T10:05:00-05:00", None),
            id="unlabeled-dateline",
        ),
        pytest.param(
            "Published 10:05 AM EST, Sat November 28, 2026 | Updated 3 hours ago",
            ("2026-11-28T10:05:00-05:00", "2026-11-30T09:00:00+00:00"),
            id="with-relative-update",
        ),
    ],
)
def test_time_zone_and_weekday_before_the_date(
    line: str, expected: tuple[str | None, str | None]
) -> None:
    html = _page("", f"<article>{H1}<p class='dateline'>{line}</p><p>Story text.</p></article>")
    assert _dates(html) == expected


@pytest.mark.parametrize(
    ("statement", "offset_hours"),
    [
        ("All times are GMT+2", 2),
        ("ALL TIMES IN UTC+3", 3),
        ("Times are GMT-5", -5),
        ("Toutes les heures sont en UTC+1", 1),
        ("Alle Zeiten GMT+1", 1),
        ("Alle Uhrzeiten UTC+2", 2),
        ("Todas las horas GMT-3", -3),
        ("Tutti gli orari UTC+1", 1),
        ("جميع الأوقات بتوقيت GMT+3", 3),
        ("كل الأوقات GMT+2", 2),
    ],
)
def test_all_times_statement_in_each_language(statement: str, offset_hours: int) -> None:
    zone = stated_zone_in_text(f"© 2026 The Courier. {statement}. Contact us")
    assert zone is not None
    assert zone.utcoffset(None) == timedelta(hours=offset_hours)
