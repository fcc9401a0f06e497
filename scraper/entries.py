"""Which entries one check of a source looks at: its listing's, and the articles
it found before.

Called by :func:`scraper.pipeline.check` only; a pure choice over the fetched
listing and the store, no fetching except child sitemaps.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from .doctype import listing_kind
from .errors import ParseError
from .models import Entry, FetchResult, Source
from .sources import discover_entries, sitemap_children
from .sources.urls import canonicalize_url

if TYPE_CHECKING:
    from .pipeline import Services

MAX_CHILD_SITEMAPS = 3
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def entries_to_check(source: Source, result: FetchResult, services: Services) -> list[Entry]:
    """The entries to check this poll.

    A ``page`` source is its own entry. When the listing answered 304, the
    articles the source found before are re-checked (an article can be edited
    without its feed changing); otherwise the listing's entries are followed by
    the last stored articles it no longer lists (:func:`_no_longer_listed`). A
    sitemap index (sitemaps.org) is followed one level, to its first
    :data:`MAX_CHILD_SITEMAPS` child sitemaps.

    Args:
        source: the source.
        result: its listing, just fetched (or 304 Not Modified).
        services: the store and fetcher.

    Returns:
        The entries, listed ones first.

    Raises:
        ParseError: a ``page`` source answered with a feed or a sitemap.
        FetchError: a child sitemap could not be fetched.
    """
    if source.kind == "page":
        listing = None if result.not_modified else listing_kind(result)
        if listing is not None:
            raise ParseError(
                f"source {source.name!r} is a {listing}, not an article page: "
                f'set kind = "{listing}"',
                url=source.url,
            )
        url = canonicalize_url(source.url)
        return [Entry(url=url, guid=url)]
    if result.not_modified:
        urls = services.store.source_articles(source.name, limit=source.max_articles)
        return [Entry(url=url, guid=url) for url in urls]
    children = sitemap_children(result) if source.kind == "sitemap" else []
    if not children:
        entries = discover_entries(source.kind, result, limit=source.max_articles)
        return entries + _no_longer_listed(source, entries, services)
    entries = []
    for child in children[:MAX_CHILD_SITEMAPS]:
        child_result = services.fetcher.get(child)
        entries.extend(discover_entries("sitemap", child_result, limit=source.max_articles))
    entries.sort(key=lambda e: e.published or e.updated or _EPOCH, reverse=True)
    entries = entries[: source.max_articles]
    return entries + _no_longer_listed(source, entries, services)


def _no_longer_listed(source: Source, entries: list[Entry], services: Services) -> list[Entry]:
    """The source's last ``max_articles`` stored articles that its listing no
    longer shows: still re-checked (conditional GETs), so that an edit or a
    takedown just after an article leaves the feed is seen."""
    listed = {services.store.resolve(e.url) or e.url for e in entries}
    urls = services.store.source_articles(source.name, limit=source.max_articles)
    return [Entry(url=url, guid=url) for url in urls if url not in listed]


def oldest_first(entries: list[Entry]) -> list[Entry]:
    """Entries in publication order, undated ones last (in listing order).

    New articles are assigned to stories in this order, so the first report of
    a story opens it and later reports follow it up, whatever order the feed
    lists them in.
    """
    dated = sorted(
        (e for e in entries if e.published or e.updated),
        key=lambda e: e.published or e.updated or _EPOCH,
    )
    return dated + [e for e in entries if not (e.published or e.updated)]


__all__ = ["MAX_CHILD_SITEMAPS", "entries_to_check", "oldest_first"]
