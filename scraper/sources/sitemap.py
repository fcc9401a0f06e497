"""Sitemaps -> entries: sitemaps.org ``urlset`` and Google News sitemaps.

Protocol: https://www.sitemaps.org/protocol.html (``<url><loc>``,
``<lastmod>`` in W3C Datetime) and the Google News extension
(``<news:news><news:publication_date>``, ``<news:title>``). A
``sitemapindex`` lists child sitemaps: :func:`sitemap_children` returns their
URLs for the caller to fetch, and :func:`entries_from_sitemap` gives ``[]`` for it.

XML is parsed with defusedxml (no DTDs, no entity expansion, no external
entities). A gzipped body (``.xml.gz`` served as is) is inflated, capped at
50 MB as the protocol allows.
"""

from __future__ import annotations

import gzip
import io
import logging
import zlib
from datetime import UTC, datetime
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeET  # type: ignore[import-untyped,unused-ignore]
from defusedxml import DefusedXmlException  # type: ignore[import-untyped,unused-ignore]

from scraper.errors import FeedError
from scraper.models import Entry, FetchResult
from scraper.sources.urls import canonicalize_url

logger = logging.getLogger(__name__)

MAX_UNCOMPRESSED = 50 * 1024 * 1024
"""Bytes a sitemap may have once inflated (sitemaps.org: 50 MB)."""


def _local(tag: object) -> str:
    """The local name of ``{namespace}name`` (namespaces vary in the wild)."""
    return str(tag).rsplit("}", 1)[-1].lower()


def _child(element: Element, *names: str) -> Element | None:
    """The first descendant along the path of local ``names``."""
    current: Element | None = element
    for name in names:
        if current is None:
            return None
        current = next((c for c in current if _local(c.tag) == name), None)
    return current


def _text(element: Element, *names: str) -> str | None:
    node = _child(element, *names)
    text = (node.text or "").strip() if node is not None else ""
    return text or None


def w3c_datetime(value: str | None) -> datetime | None:
    """A W3C Datetime (``2026-11-30``, ``2026-11-30T09:15:00+03:00``) as aware UTC.

    A date alone is midnight UTC; a time without an offset is taken as UTC.
    Returns None for a missing or unreadable value.
    """
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def _inflate(result: FetchResult) -> bytes:
    data = result.content
    if not data.startswith(b"\x1f\x8b"):
        return data
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            inflated = stream.read(MAX_UNCOMPRESSED + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise FeedError(f"broken gzipped sitemap: {exc}", url=result.url) from exc
    if len(inflated) > MAX_UNCOMPRESSED:
        raise FeedError(f"sitemap is over {MAX_UNCOMPRESSED} bytes uncompressed", url=result.url)
    return inflated


def _root(result: FetchResult) -> Element:
    """The parsed root element; FeedError on broken or unsafe XML."""
    try:
        root: Element = SafeET.fromstring(_inflate(result))
    except ParseError as exc:
        raise FeedError(f"broken sitemap XML: {exc}", url=result.url) from exc
    except DefusedXmlException as exc:
        raise FeedError(f"unsafe sitemap XML refused: {exc!r}", url=result.url) from exc
    name = _local(root.tag)
    if name not in ("urlset", "sitemapindex"):
        raise FeedError(f"not a sitemap: root element <{name}>", url=result.url)
    return root


def entries_from_sitemap(result: FetchResult) -> list[Entry]:
    """The ``<url>`` entries of a ``urlset`` sitemap, in document order.

    ``url``/``guid`` is the canonical ``<loc>``; ``title`` is ``news:title``;
    ``published`` is ``news:publication_date``; ``updated`` is ``<lastmod>``
    (aware UTC). A ``sitemapindex`` yields ``[]``; use :func:`sitemap_children`.

    Args:
        result: the fetched sitemap (``content`` bytes, maybe gzipped).

    Returns:
        The entries; ``<url>`` elements without ``<loc>`` are skipped.

    Raises:
        FeedError: broken or unsafe XML, or a root other than urlset/sitemapindex.
    """
    root = _root(result)
    if _local(root.tag) == "sitemapindex":
        logger.info("%s is a sitemap index: no entries of its own", result.url)
        return []
    entries: list[Entry] = []
    for node in root:
        loc = _text(node, "loc") if _local(node.tag) == "url" else None
        if loc is None:
            continue
        url = canonicalize_url(loc, base=result.final_url)
        entries.append(
            Entry(
                url=url,
                guid=url,
                title=_text(node, "news", "title"),
                published=w3c_datetime(_text(node, "news", "publication_date")),
                updated=w3c_datetime(_text(node, "lastmod")),
            )
        )
    return entries


def sitemap_children(result: FetchResult) -> list[str]:
    """The child sitemap URLs (``<sitemap><loc>``) of a sitemap index, in order.

    Args:
        result: the fetched sitemap.

    Returns:
        Absolute URLs; ``[]`` for a ``urlset``.

    Raises:
        FeedError: broken or unsafe XML, or not a sitemap.
    """
    root = _root(result)
    if _local(root.tag) != "sitemapindex":
        return []
    locs = (_text(n, "loc") for n in root if _local(n.tag) == "sitemap")
    return [canonicalize_url(loc, base=result.final_url) for loc in locs if loc]
