"""Unit tests of scraper.sources: feeds, sitemaps, index pages and discover_entries."""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime

import pytest

from scraper.errors import FeedError
from scraper.models import Entry, FetchResult, Validators
from scraper.sources import discover_entries, sitemap_children
from scraper.sources.feed import entries_from_feed
from scraper.sources.index import entries_from_index, looks_like_article_path
from scraper.sources.sitemap import entries_from_sitemap, w3c_datetime


def fetched(
    body: str | bytes,
    content_type: str = "application/xml",
    url: str = "https://akhbar.example/feed",
) -> FetchResult:
    content = body.encode("utf-8") if isinstance(body, str) else body
    return FetchResult(
        url=url,
        final_url=url,
        status_code=200,
        content=content,
        text=content.decode("utf-8", "replace"),
        encoding="utf-8",
        headers={"content-type": content_type},
        validators=Validators(),
        not_modified=False,
        fetched_at=datetime(2026, 11, 30, 10, 0, tzinfo=UTC),
    )


RSS_ARABIC = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0">
  <channel>
    <title>أخبار الساحل</title>
    <link>https://akhbar.example/</link>
    <item>
      <title>  افتتاح ميناء الصيد الجديد  </title>
      <link>https://akhbar.example/ar/2026/11/30/ميناء-الصيد?utm_source=rss&amp;utm_medium=feed</link>
      <guid isPermaLink="false">akhbar-88121</guid>
      <pubDate>Mon, 30 Nov 2026 09:15:00 +0300</pubDate>
    </item>
    <item>
      <title>ارتفاع أسعار السمك في الأسواق</title>
      <link>/ar/2026/11/29/fish-prices#comments</link>
      <pubDate>Sun, 29 Nov 2026 18:40:00 GMT</pubDate>
    </item>
    <item>
      <title>خبر بلا رابط</title>
      <guid isPermaLink="false">akhbar-88000</guid>
    </item>
  </channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://harbour.example/">
  <title>Harbour Gazette</title>
  <id>urn:uuid:5a1c0c84-harbour</id>
  <updated>2026-11-30T08:00:00Z</updated>
  <entry>
    <title>Ferry timetable changes for winter</title>
    <id>tag:harbour.example,2026:ferry-winter</id>
    <link rel="alternate" href="/2026/11/ferry-timetable-winter"/>
    <link rel="edit" href="/admin/edit/77"/>
    <published>2026-11-29T21:00:00-05:00</published>
    <updated>2026-11-30T07:30:00Z</updated>
  </entry>
  <entry>
    <title>Lighthouse restoration finished</title>
    <id>tag:harbour.example,2026:lighthouse</id>
    <link href="https://harbour.example/2026/11/lighthouse-restored"/>
    <updated>2026-11-28T12:00:00Z</updated>
  </entry>
</feed>
"""

JSON_FEED = {
    "version": "https://jsonfeed.org/version/1.1",
    "title": "Valley Radio",
    "items": [
        {
            "id": "vr-1001",
            "url": "https://valley.example/news/flood-warning-lifted?fbclid=abc",
            "title": "Flood warning lifted",
            "date_published": "2026-11-30T09:15:00+03:00",
            "date_modified": "2026-11-30T10:00:00Z",
        },
        {"id": 1002, "external_url": "https://other.example/story/road-reopens", "title": "طريق"},
        {"id": "vr-1003", "title": "no link at all"},
    ],
}


def test_rss_with_arabic_titles() -> None:
    entries = entries_from_feed(fetched(RSS_ARABIC))
    assert entries == [
        Entry(
            url="https://akhbar.example/ar/2026/11/30/"
            "%D9%85%D9%8A%D9%86%D8%A7%D8%A1-%D8%A7%D9%84%D8%B5%D9%8A%D8%AF",
            guid="akhbar-88121",
            title="افتتاح ميناء الصيد الجديد",
            published=datetime(2026, 11, 30, 6, 15, tzinfo=UTC),
        ),
        Entry(
            url="https://akhbar.example/ar/2026/11/29/fish-prices",
            guid="https://akhbar.example/ar/2026/11/29/fish-prices",
            title="ارتفاع أسعار السمك في الأسواق",
            published=datetime(2026, 11, 29, 18, 40, tzinfo=UTC),
        ),
    ]


def test_rss_in_windows_1256_declared_in_xml() -> None:
    body = RSS_ARABIC.replace('encoding="utf-8"', 'encoding="windows-1256"').encode("cp1256")
    entries = entries_from_feed(fetched(body, content_type="application/rss+xml"))
    assert [e.title for e in entries] == [
        "افتتاح ميناء الصيد الجديد",
        "ارتفاع أسعار السمك في الأسواق",
    ]


def test_atom_entries() -> None:
    entries = entries_from_feed(fetched(ATOM, "application/atom+xml"))
    assert [(e.url, e.guid, e.title) for e in entries] == [
        (
            "https://harbour.example/2026/11/ferry-timetable-winter",
            "tag:harbour.example,2026:ferry-winter",
            "Ferry timetable changes for winter",
        ),
        (
            "https://harbour.example/2026/11/lighthouse-restored",
            "tag:harbour.example,2026:lighthouse",
            "Lighthouse restoration finished",
        ),
    ]
    assert entries[0].published == datetime(2026, 11, 30, 2, 0, tzinfo=UTC)
    assert entries[0].updated == datetime(2026, 11, 30, 7, 30, tzinfo=UTC)
    assert entries[1].published is None
    assert entries[1].updated == datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


def test_json_feed() -> None:
    entries = entries_from_feed(fetched(json.dumps(JSON_FEED), "application/feed+json"))
    assert entries == [
        Entry(
            url="https://valley.example/news/flood-warning-lifted",
            guid="vr-1001",
            title="Flood warning lifted",
            published=datetime(2026, 11, 30, 6, 15, tzinfo=UTC),
            updated=datetime(2026, 11, 30, 10, 0, tzinfo=UTC),
        ),
        Entry(url="https://other.example/story/road-reopens", guid="1002", title="طريق"),
    ]


@pytest.mark.parametrize(
    ("body", "content_type", "message"),
    [
        pytest.param(
            "<!DOCTYPE html><html><head><title>Home</title></head><body><p>hi</p></body></html>",
            "text/html; charset=utf-8",
            "not a feed: got text/html page",
            id="html-page",
        ),
        pytest.param(
            "<?xml version='1.0'?><rss version='2.0'><channel><title>a & b</titl",
            "application/rss+xml",
            "broken feed XML: .*not well-formed",
            id="broken-xml",
        ),
        pytest.param(
            "<rss version='2.0'><channel><item><title>one</title></item>"
            "<item><title>two</title></item></channel></rss>",
            "application/rss+xml",
            "no entries with links among 2 entries",
            id="entries-without-links",
        ),
        pytest.param(
            '{"title": "not a feed", "items": []}',
            "application/json",
            "not a feed: JSON without a jsonfeed.org version",
            id="plain-json",
        ),
        pytest.param(
            '{"version": "https://jsonfeed.org/version/1.1", "items": [',
            "application/feed+json",
            "broken JSON feed",
            id="broken-json",
        ),
        pytest.param("just some words", "text/plain", "not a feed", id="plain-text"),
    ],
)
def test_not_feeds_raise_feed_error(body: str, content_type: str, message: str) -> None:
    with pytest.raises(FeedError, match=message) as info:
        entries_from_feed(fetched(body, content_type))
    assert info.value.url == "https://akhbar.example/feed"


def test_empty_but_valid_feed_is_no_entries() -> None:
    body = "<rss version='2.0'><channel><title>quiet</title></channel></rss>"
    assert entries_from_feed(fetched(body)) == []


NEWS_SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url>
    <loc>https://akhbar.example/ar/2026/11/30/مجلس-المدينة-يقر-الميزانية</loc>
    <lastmod>2026-11-30T11:00:00+03:00</lastmod>
    <news:news>
      <news:publication><news:name>أخبار الساحل</news:name><news:language>ar</news:language>
      </news:publication>
      <news:publication_date>2026-11-30T09:30:00+03:00</news:publication_date>
      <news:title>مجلس المدينة يقر الميزانية</news:title>
    </news:news>
  </url>
  <url>
    <loc>https://akhbar.example/en/2026/11/29/council-budget?utm_campaign=x</loc>
    <lastmod>2026-11-29</lastmod>
  </url>
  <url><lastmod>2026-11-28</lastmod></url>
</urlset>
"""

SITEMAP_INDEX = """<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://akhbar.example/sitemaps/news.xml</loc></sitemap>
  <sitemap><loc>/sitemaps/2026-11.xml.gz</loc><lastmod>2026-11-30</lastmod></sitemap>
</sitemapindex>
"""


def test_news_sitemap() -> None:
    entries = entries_from_sitemap(fetched(NEWS_SITEMAP, url="https://akhbar.example/news.xml"))
    assert len(entries) == 2
    first, second = entries
    assert first.url.startswith("https://akhbar.example/ar/2026/11/30/%D9%85%D8%AC%D9%84%D8%B3-")
    assert first.guid == first.url
    assert first.title == "مجلس المدينة يقر الميزانية"
    assert first.published == datetime(2026, 11, 30, 6, 30, tzinfo=UTC)
    assert first.updated == datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    assert second == Entry(
        url="https://akhbar.example/en/2026/11/29/council-budget",
        guid="https://akhbar.example/en/2026/11/29/council-budget",
        updated=datetime(2026, 11, 29, tzinfo=UTC),
    )


def test_gzipped_sitemap() -> None:
    body = gzip.compress(NEWS_SITEMAP.encode("utf-8"))
    entries = entries_from_sitemap(fetched(body, "application/x-gzip"))
    assert [e.title for e in entries] == ["مجلس المدينة يقر الميزانية", None]


def test_sitemap_index_children() -> None:
    result = fetched(SITEMAP_INDEX, url="https://akhbar.example/sitemap.xml")
    assert sitemap_children(result) == [
        "https://akhbar.example/sitemaps/news.xml",
        "https://akhbar.example/sitemaps/2026-11.xml.gz",
    ]
    assert entries_from_sitemap(result) == []
    assert sitemap_children(fetched(NEWS_SITEMAP)) == []


@pytest.mark.parametrize(
    ("body", "message"),
    [
        pytest.param(
            "<urlset><url><loc>https://a.example/x</loc></url>",
            "broken sitemap XML",
            id="truncated",
        ),
        pytest.param(
            '<?xml version="1.0"?><!DOCTYPE u [<!ENTITY a "aaaaaaaaaa">'
            '<!ENTITY b "&a;&a;&a;&a;&a;">]><urlset><url><loc>&b;</loc></url></urlset>',
            "unsafe sitemap XML refused",
            id="entity-expansion",
        ),
        pytest.param(
            "<rss version='2.0'><channel></channel></rss>",
            "not a sitemap: root element <rss>",
            id="rss-given-as-sitemap",
        ),
        pytest.param(b"\x1f\x8b\x08garbage", "broken gzipped sitemap", id="bad-gzip"),
    ],
)
def test_bad_sitemaps_raise_feed_error(body: str | bytes, message: str) -> None:
    with pytest.raises(FeedError, match=message):
        entries_from_sitemap(fetched(body))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("2026-11-30", datetime(2026, 11, 30, tzinfo=UTC), id="date-only"),
        pytest.param(
            "2026-11-30T09:30:00+03:00", datetime(2026, 11, 30, 6, 30, tzinfo=UTC), id="offset"
        ),
        pytest.param("2026-11-30T09:30:00Z", datetime(2026, 11, 30, 9, 30, tzinfo=UTC), id="zulu"),
        pytest.param("yesterday", None, id="garbage"),
        pytest.param(None, None, id="missing"),
    ],
)
def test_w3c_datetime(value: str | None, expected: datetime | None) -> None:
    assert w3c_datetime(value) == expected


INDEX_PAGE = """<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head><meta charset="utf-8"><title>الاقتصاد - أخبار الساحل</title></head>
<body>
  <header>
    <a href="/">الرئيسية</a>
    <a href="/ar/2026/11/30/breaking-banner-story">عاجل</a>
  </header>
  <nav class="main-nav"><a href="/ar/economy/markets-and-trade-today">الأسواق</a></nav>
  <div class="breadcrumbs"><a href="/ar/economy/all-the-economy-news-here">الاقتصاد</a></div>
  <main>
    <article>
      <a href="/ar/2026/11/30/ميناء-الصيد-الجديد"><img src="/img/port.jpg" alt=""></a>
      <h2><a href="/ar/2026/11/30/ميناء-الصيد-الجديد?utm_source=home">افتتاح ميناء الصيد</a></h2>
      <a href="/tag/ports-and-shipping-news">موانئ</a>
      <a href="/author/salma-haddad-the-writer">سلمى حداد</a>
    </article>
    <article>
      <h2><a href="https://www.akhbar.example/ar/economy/fish-prices-rise-again#top">
        ارتفاع   أسعار السمك</a></h2>
      <a href="/category/economy/2026">المزيد</a>
    </article>
    <article>
      <h2><a href="story/88412">قصة برقم</a></h2>
      <a href="https://elsewhere.example/2026/11/30/other-site-story">موقع آخر</a>
      <a href="/ar/about">عن الموقع</a>
      <a href="/files/report-2026-annual-budget.pdf">التقرير</a>
      <a href="#comments">تعليقات</a>
      <a href="mailto:desk@akhbar.example">راسلنا</a>
    </article>
  </main>
  <aside><a href="/ar/2026/11/29/most-read-story-of-the-day">الأكثر قراءة</a></aside>
  <footer><a href="/ar/privacy">الخصوصية</a>
    <a href="/ar/2026/01/01/footer-linked-story-here">رابط</a></footer>
</body>
</html>
"""


def test_index_page_article_links_in_order() -> None:
    result = fetched(INDEX_PAGE, "text/html", url="https://akhbar.example/ar/economy/")
    entries = entries_from_index(result)
    assert [(e.url, e.title) for e in entries] == [
        (
            "https://akhbar.example/ar/2026/11/30/"
            "%D9%85%D9%8A%D9%86%D8%A7%D8%A1-%D8%A7%D9%84%D8%B5%D9%8A%D8%AF-"
            "%D8%A7%D9%84%D8%AC%D8%AF%D9%8A%D8%AF",
            "افتتاح ميناء الصيد",
        ),
        ("https://www.akhbar.example/ar/economy/fish-prices-rise-again", "ارتفاع أسعار السمك"),
        ("https://akhbar.example/ar/economy/story/88412", "قصة برقم"),
    ]
    assert all(e.guid == e.url and e.published is None for e in entries)


def test_index_page_honours_base_href() -> None:
    page = (
        '<html><head><base href="https://akhbar.example/ar/sport/"></head><body>'
        '<a href="2026/11/30/final-match-report">المباراة</a></body></html>'
    )
    entries = entries_from_index(fetched(page, "text/html", url="https://akhbar.example/x"))
    assert [e.url for e in entries] == [
        "https://akhbar.example/ar/sport/2026/11/30/final-match-report"
    ]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        pytest.param("/ar/2026/11/30/%D8%AD%D8%B1%D9%8A%D9%82", True, id="date-path"),
        pytest.param("/ar/حريق-في-الميناء-القديم", True, id="arabic-slug"),
        pytest.param("/news/a-long-story-slug", True, id="three-word-slug"),
        pytest.param("/world/123456", True, id="numeric-id"),
        pytest.param("/world/", False, id="section"),
        pytest.param("/tag/elections-2026", False, id="tag"),
        pytest.param("/ar/login", False, id="login"),
        pytest.param("/media/photo-of-the-day-2026.jpg", False, id="image-file"),
        pytest.param("/", False, id="home"),
    ],
)
def test_looks_like_article_path(path: str, expected: bool) -> None:
    assert looks_like_article_path(path) is expected


def _dated(url: str, day: int | None) -> Entry:
    when = datetime(2026, 11, day, tzinfo=UTC) if day else None
    return Entry(url=url, guid=url, published=when)


def test_discover_feed_newest_first_dedup_and_limit() -> None:
    items = "".join(
        f"<item><title>t{n}</title><link>https://a.example/s/{n}-story-slug</link>"
        f"<pubDate>{day} Nov 2026 10:00:00 GMT</pubDate></item>"
        for n, day in [(1, 27), (2, 29), (3, 28), (2, 29), (4, 30)]
    )
    result = fetched(f"<rss version='2.0'><channel>{items}</channel></rss>")
    entries = discover_entries("feed", result, limit=3)
    assert [e.title for e in entries] == ["t4", "t2", "t3"]
    assert [e.published for e in entries] == [
        datetime(2026, 11, d, 10, 0, tzinfo=UTC) for d in (30, 29, 28)
    ]


def test_discover_undated_entries_keep_source_order_after_dated() -> None:
    items = (
        "<item><title>old</title><link>https://a.example/old-story-here</link>"
        "<pubDate>01 Nov 2026 10:00:00 GMT</pubDate></item>"
        "<item><title>undated</title><link>https://a.example/undated-story-here</link></item>"
        "<item><title>new</title><link>https://a.example/new-story-here</link>"
        "<pubDate>20 Nov 2026 10:00:00 GMT</pubDate></item>"
    )
    result = fetched(f"<rss version='2.0'><channel>{items}</channel></rss>")
    assert [e.title for e in discover_entries("feed", result)] == ["new", "old", "undated"]


def test_discover_index_keeps_page_order() -> None:
    result = fetched(INDEX_PAGE, "text/html", url="https://akhbar.example/ar/economy/")
    titles = [e.title for e in discover_entries("index", result, limit=2)]
    assert titles == ["افتتاح ميناء الصيد", "ارتفاع أسعار السمك"]


def test_discover_sitemap_newest_first() -> None:
    entries = discover_entries("sitemap", fetched(NEWS_SITEMAP))
    assert [e.updated for e in entries] == [
        datetime(2026, 11, 30, 8, 0, tzinfo=UTC),
        datetime(2026, 11, 29, tzinfo=UTC),
    ]


def test_discover_page_is_its_own_entry() -> None:
    result = fetched("<html></html>", "text/html", url="https://Akhbar.example:443/ar/x#top")
    assert discover_entries("page", result) == [
        Entry(url="https://akhbar.example/ar/x", guid="https://akhbar.example/ar/x")
    ]


def test_discover_unknown_kind() -> None:
    with pytest.raises(ValueError, match="unknown source kind 'podcast'"):
        discover_entries("podcast", fetched(""))  # type: ignore[arg-type]


def test_discover_propagates_feed_error() -> None:
    with pytest.raises(FeedError, match="text/html"):
        discover_entries("feed", fetched("<html><body>hi</body></html>", "text/html"))


def test_an_undeclared_windows_1256_feed_reads_as_the_fetcher_decoded_it() -> None:
    # No charset in Content-Type, no XML encoding declaration: the fetcher's
    # charset detection found windows-1256; feedparser alone would say windows-1252.
    rss = (
        '<rss version="2.0"><channel><title>أخبار الساحل</title>'
        "<link>https://akhbar.example/</link><item>"
        "<title>الحكومة تعرض مشروع الموازنة على البرلمان</title>"
        "<link>https://akhbar.example/economy/budget</link></item></channel></rss>"
    )
    content = rss.encode("cp1256")
    result = FetchResult(
        url="https://akhbar.example/feed",
        final_url="https://akhbar.example/feed",
        status_code=200,
        content=content,
        text=content.decode("cp1256"),
        encoding="windows-1256",
        headers={"content-type": "application/rss+xml"},
        validators=Validators(),
        not_modified=False,
        fetched_at=datetime(2026, 11, 30, 10, 0, tzinfo=UTC),
    )
    (entry,) = entries_from_feed(result)
    assert entry.title == "الحكومة تعرض مشروع الموازنة على البرلمان"
    assert entry.url == "https://akhbar.example/economy/budget"
