"""Sources: feeds, sitemaps and index pages -> entries (links with GUIDs and dates).

Each source kind is registered by its config name in :data:`EXTRACTORS`; a
``page`` source is its own single entry.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from scraper.models import Entry, FetchResult, SourceKind
from scraper.sources.feed import entries_from_feed
from scraper.sources.index import entries_from_index
from scraper.sources.sitemap import entries_from_sitemap, sitemap_children
from scraper.sources.urls import canonicalize_url

Extractor = Callable[[FetchResult], list[Entry]]

EXTRACTORS: dict[str, Extractor] = {
    "feed": entries_from_feed,
    "sitemap": entries_from_sitemap,
    "index": entries_from_index,
}
"""Source kind -> function reading a fetched document into entries."""


def _page_entry(result: FetchResult) -> list[Entry]:
    url = canonicalize_url(result.final_url)
    return [Entry(url=url, guid=url)]


def _newest_first(entries: list[Entry]) -> list[Entry]:
    """Dated entries newest first (published, else updated), then undated in source order."""

    def when(entry: Entry) -> datetime | None:
        return entry.published or entry.updated

    dated = [e for e in entries if when(e) is not None]
    undated = [e for e in entries if when(e) is None]
    dated.sort(key=lambda e: when(e) or datetime.min, reverse=True)  # stable for ties
    return dated + undated


def discover_entries(kind: SourceKind, result: FetchResult, *, limit: int = 50) -> list[Entry]:
    """The entries a fetched source document points to.

    Args:
        kind: ``feed``, ``sitemap``, ``index`` or ``page`` (see :class:`Source`).
        result: the fetched document (not a 304).
        limit: at most this many entries are returned (>= 0).

    Returns:
        Entries deduplicated by URL (first kept), newest first when dates are
        known (undated ones after, in source order), cut to ``limit``. A
        ``page`` source gives one entry: its canonical final URL.

    Raises:
        FeedError: the document cannot be read as ``kind`` (see each extractor).
        ValueError: an unknown ``kind``.
    """
    if kind == "page":
        return _page_entry(result)[:limit]
    extractor = EXTRACTORS.get(kind)
    if extractor is None:
        raise ValueError(f"unknown source kind {kind!r}; known: page, {', '.join(EXTRACTORS)}")
    seen: set[str] = set()
    unique: list[Entry] = []
    for entry in extractor(result):
        if entry.url not in seen:
            seen.add(entry.url)
            unique.append(entry)
    return _newest_first(unique)[: max(0, limit)]


__all__ = [
    "EXTRACTORS",
    "canonicalize_url",
    "discover_entries",
    "entries_from_feed",
    "entries_from_index",
    "entries_from_sitemap",
    "sitemap_children",
]
