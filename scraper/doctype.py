"""What kind of document a response is: a feed, a sitemap or (None) a page.

A pure function of a :class:`~scraper.models.FetchResult`; the pipeline uses it
to tell a user whose ``kind = "page"`` source points at a feed what to change.
"""

from __future__ import annotations

import re
from typing import Literal

from .models import FetchResult

# Feed media types: RSS (RSS Advisory Board), Atom (RFC 4287), RDF/RSS 1.0, JSON Feed 1.1.
_FEED_TYPES = re.compile(r"^\s*application/(rss\+xml|atom\+xml|rdf\+xml|feed\+json)", re.IGNORECASE)
# Generic XML (RFC 7303): a feed or a sitemap, told apart by the root element.
# application/xhtml+xml is an HTML page and is not matched.
_XML_TYPES = re.compile(r"^\s*(application|text)/xml\b", re.IGNORECASE)
# The root element after an optional BOM, XML declaration, comments, doctype and
# processing instructions (such as xml-stylesheet).
_ROOT = re.compile(
    r"^\ufeff?\s*(?:<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*|<\?[^>]*\?>\s*)*<([A-Za-z][\w:.-]*)",
    re.DOTALL,
)
_ROOT_KINDS = {"rss": "feed", "feed": "feed", "rdf:RDF": "feed"}
_ROOT_KINDS.update({"urlset": "sitemap", "sitemapindex": "sitemap"})


def listing_kind(result: FetchResult) -> Literal["feed", "sitemap"] | None:
    """The source kind a response belongs to when it is a listing, not an HTML page.

    Rules, in order: a feed media type (``application/rss+xml``,
    ``application/atom+xml``, ``application/rdf+xml``, ``application/feed+json``)
    is a feed; otherwise the root element decides, whatever the media type says:
    ``<rss>`` (RSS 2.0), ``<feed>`` (Atom, RFC 4287) and ``<rdf:RDF>`` (RSS 1.0)
    are feeds, ``<urlset>`` and ``<sitemapindex>`` (sitemaps.org) are sitemaps.
    Any other document (an HTML page, ``<html>`` served as ``text/xml``) is None.

    Args:
        result: the fetched response (headers with lower-cased names, text).

    Returns:
        ``"feed"``, ``"sitemap"`` or None.
    """
    if _FEED_TYPES.match(result.headers.get("content-type", "")):
        return "feed"
    root = _ROOT.match(result.text[:4096])
    kind = _ROOT_KINDS.get(root.group(1)) if root else None
    if kind == "feed":
        return "feed"
    if kind == "sitemap":
        return "sitemap"
    return None


__all__ = ["listing_kind"]
