"""Feeds -> entries: RSS 0.9x/1.0/2.0 and Atom (RFC 4287) via feedparser, JSON Feed by hand.

feedparser is given the raw bytes so it can honour the XML encoding
declaration itself. JSON Feed (https://jsonfeed.org/version/1.1), which
feedparser 6 does not read, is recognised by its ``version`` member.
"""

from __future__ import annotations

import calendar
import codecs
import json
import logging
import re
import time
from datetime import UTC, datetime
from typing import Any

import feedparser  # type: ignore[import-untyped,unused-ignore]

from scraper.errors import FeedError
from scraper.models import Entry, FetchResult
from scraper.sources.sitemap import w3c_datetime
from scraper.sources.urls import canonicalize_url

logger = logging.getLogger(__name__)

JSON_FEED_PREFIX = "https://jsonfeed.org/version/"
_HTML_START = (b"<!doctype html", b"<html")


def _struct_to_utc(value: time.struct_time | None) -> datetime | None:
    """feedparser's ``*_parsed`` (a UTC struct_time) as an aware UTC datetime."""
    if value is None:
        return None
    return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)


def _rfc3339(value: object) -> datetime | None:
    """An RFC 3339 date-time string (JSON Feed dates) as aware UTC, or None."""
    return w3c_datetime(value) if isinstance(value, str) else None


def _clean_title(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    title = " ".join(value.split())
    return title or None


def _looks_like_json_feed(result: FetchResult) -> bool:
    ctype = result.headers.get("content-type", "").lower()
    return "json" in ctype or result.content.lstrip()[:1] == b"{"


def _looks_like_html(result: FetchResult) -> bool:
    ctype = result.headers.get("content-type", "").lower()
    head = result.content.lstrip()[:200].lower()
    return "text/html" in ctype or head.startswith(_HTML_START)


def _json_feed(result: FetchResult) -> list[Entry]:
    """Entries of a JSON Feed 1.0/1.1 document (items[].id, url, title, date_*)."""
    try:
        document = json.loads(result.text or result.content.decode("utf-8", "replace"))
    except ValueError as exc:
        raise FeedError(f"broken JSON feed: {exc}", url=result.url) from exc
    if not isinstance(document, dict) or not str(document.get("version", "")).startswith(
        JSON_FEED_PREFIX
    ):
        raise FeedError("not a feed: JSON without a jsonfeed.org version", url=result.url)
    items = document.get("items")
    if not isinstance(items, list):
        raise FeedError("JSON feed has no items list", url=result.url)
    entries = [e for e in (_json_item(i, result.final_url) for i in items) if e is not None]
    if items and not entries:
        raise FeedError("no entries with links in JSON feed", url=result.url)
    return entries


def _entry(
    link: object,
    guid: object,
    *,
    base: str,
    title: object,
    published: datetime | None,
    updated: datetime | None,
) -> Entry | None:
    """An Entry for a feed item with a usable link; the GUID falls back to its URL."""
    if not isinstance(link, str) or not link.strip():
        return None
    url = canonicalize_url(link, base=base)
    guid_text = str(guid).strip() if guid not in (None, "") else ""
    return Entry(
        url=url,
        guid=guid_text or url,
        title=_clean_title(title),
        published=published,
        updated=updated,
    )


def _json_item(item: object, base: str) -> Entry | None:
    if not isinstance(item, dict):
        return None
    return _entry(
        item.get("url") or item.get("external_url"),
        item.get("id"),
        base=base,
        title=item.get("title"),
        published=_rfc3339(item.get("date_published")),
        updated=_rfc3339(item.get("date_modified")),
    )


def _xml_entry(item: dict[str, Any], base: str) -> Entry | None:
    guid = item.get("id")
    return _entry(
        item.get("link"),
        guid if isinstance(guid, str) else None,
        base=base,
        title=item.get("title"),
        # dict.get: FeedParserDict's own lookup falls back from updated to published
        published=_struct_to_utc(dict.get(item, "published_parsed")),
        updated=_struct_to_utc(dict.get(item, "updated_parsed")),
    )


_XML_ENCODING = re.compile(rb"^\s*<\?xml[^>]*\bencoding\s*=", re.IGNORECASE)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def _feed_bytes(result: FetchResult) -> tuple[bytes, dict[str, str]]:
    """The document and headers handed to feedparser.

    A feed that states its charset nowhere (no ``charset`` in Content-Type, no XML
    encoding declaration, no BOM) is given as the fetcher decoded it (charset
    detection: an undeclared windows-1256 Arabic feed), re-encoded as UTF-8 and
    declared so; feedparser would otherwise read it as UTF-8, else windows-1252.
    """
    ctype = result.headers.get("content-type", "application/xml")
    headers = {"content-type": ctype, "content-location": result.final_url}
    declared = (
        "charset=" in ctype.lower()
        or _XML_ENCODING.match(result.content[:300]) is not None
        or result.content.startswith(_BOMS)
    )
    if declared or not result.text or _is_utf8(result.encoding):
        return result.content, headers
    headers["content-type"] = f"{ctype.split(';')[0].strip()}; charset=utf-8"
    return result.text.encode("utf-8"), headers


def _is_utf8(encoding: str | None) -> bool:
    try:
        return encoding is None or codecs.lookup(encoding).name in ("utf-8", "ascii")
    except LookupError:
        return True  # unknown: leave the bytes to feedparser


def _xml_feed(result: FetchResult) -> list[Entry]:
    """Entries of an RSS or Atom document, via feedparser."""
    content, headers = _feed_bytes(result)
    parsed = feedparser.parse(content, response_headers=headers)
    items: list[dict[str, Any]] = list(parsed.entries)
    if not items:
        if not parsed.version and _looks_like_html(result):
            raise FeedError(
                'not a feed: got text/html page (set kind = "page" or "index"?)', url=result.url
            )
        if not parsed.version and result.content.lstrip()[:1] != b"<":
            ctype = result.headers.get("content-type") or "no Content-Type"
            raise FeedError(f"not a feed: no XML markup ({ctype})", url=result.url)
        if parsed.bozo:
            problem = parsed.get("bozo_exception")
            raise FeedError(f"broken feed XML: {problem}", url=result.url)
        if not parsed.version:
            raise FeedError("not a feed: no RSS or Atom root element", url=result.url)
        return []
    if parsed.bozo:
        logger.warning("%s: feed is not well-formed (%s); read leniently",
                       result.url, parsed.get("bozo_exception"))  # fmt: skip
    entries = [e for e in (_xml_entry(i, result.final_url) for i in items) if e is not None]
    if items and not entries:
        raise FeedError(f"no entries with links among {len(items)} entries", url=result.url)
    return entries


def entries_from_feed(result: FetchResult) -> list[Entry]:
    """The entries of an RSS, Atom or JSON Feed document, in document order.

    ``guid`` is the RSS ``guid`` / Atom ``id`` / JSON Feed ``id``, else the
    canonical link. Dates are aware UTC datetimes (``published`` from
    pubDate/published/date_published, ``updated`` from updated/date_modified).
    A well-formed feed with zero items gives ``[]``: an empty feed is a state,
    not a failure. Entries without a link are skipped.

    Args:
        result: the fetched document (``content`` bytes are parsed).

    Returns:
        The entries, URLs canonicalized against ``result.final_url``.

    Raises:
        FeedError: the document is an HTML page or another non-feed, the XML or
            JSON is broken with no entries (feedparser's bozo message included),
            or there are entries but none has a link.
    """
    if _looks_like_json_feed(result):
        return _json_feed(result)
    return _xml_feed(result)
