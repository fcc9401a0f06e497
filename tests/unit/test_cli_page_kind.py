"""A ``kind = "page"`` source that points at a feed or a sitemap is told so."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from scraper.doctype import listing_kind
from scraper.models import FetchResult, Validators

RSS = '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel></channel></rss>'
ATOM = '<?xml version="1.0"?>\n<!-- أخبار الواحة -->\n<feed xmlns="http://www.w3.org/2005/Atom">'
RDF = '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
STYLED = '<?xml version="1.0"?>\n<?xml-stylesheet href="/rss.xsl"?>\n<rss version="2.0">'
SITEMAP = '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
PAGE = '<!doctype html><html lang="ar" dir="rtl"><head><title>خبر</title></head></html>'
XHTML = '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body></body></html>'
MENTIONS = "<!doctype html><html><body><pre>&lt;rss version=2.0&gt;</pre><p>feed</p></body></html>"


def _result(text: str, content_type: str) -> FetchResult:
    return FetchResult(
        url="https://oasis.example/x",
        final_url="https://oasis.example/x",
        status_code=200,
        content=text.encode("utf-8"),
        text=text,
        encoding="utf-8",
        headers={"content-type": content_type} if content_type else {},
        validators=Validators(),
        not_modified=False,
        fetched_at=datetime(2026, 11, 30, 9, 0, tzinfo=UTC),
    )


@pytest.mark.parametrize(
    ("text", "content_type", "kind"),
    [
        (RSS, "application/rss+xml; charset=utf-8", "feed"),
        (RSS, "text/html", "feed"),
        (ATOM, "application/xml", "feed"),
        (RDF, "", "feed"),
        (STYLED, "text/xml", "feed"),
        ("\ufeff" + RSS, "text/plain", "feed"),
        ("", "application/atom+xml", "feed"),
        (SITEMAP, "application/xml", "sitemap"),
        (PAGE, "text/html; charset=utf-8", None),
        (XHTML, "application/xhtml+xml", None),
        (XHTML, "text/xml", None),
        (MENTIONS, "text/html", None),
    ],
    ids=[
        "rss-type",
        "rss-as-html",
        "atom-with-comment",
        "rdf-no-type",
        "stylesheet-pi",
        "bom",
        "atom-type-only",
        "sitemap",
        "html-page",
        "xhtml",
        "xhtml-as-xml",
        "page-mentioning-rss",
    ],
)
def test_listing_kind(text: str, content_type: str, kind: str | None) -> None:
    assert listing_kind(_result(text, content_type)) == kind
