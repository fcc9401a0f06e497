"""Frozen, typed records passed between the stages; no I/O here.

Data flow: ``Source -> FetchResult -> Entry/Article -> Revision -> Event ->
Delivery``. All datetimes are timezone-aware; times we generate are UTC.
Durations are seconds (float), sizes are bytes (int).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

SourceKind = Literal["feed", "page", "index", "sitemap"]
EventType = Literal[
    "article.new", "article.revised", "story.followup", "article.removed", "article.restored"
]
EVENT_TYPES: tuple[str, ...] = (
    "article.new",
    "article.revised",
    "story.followup",
    "article.removed",
    "article.restored",
)


@dataclass(frozen=True, slots=True)
class SiteRules:
    """Per-source CSS selectors that override the parser's heuristics.

    Attributes:
        body: selectors whose matches, in document order, are the article body.
        remove: selectors of nodes dropped before any extraction (ads, widgets).
        title, published, updated, author: selector of the node holding that field;
            for dates the node's ``datetime``/``content`` attribute or its text is read.
        timezone: IANA zone name (``"Asia/Riyadh"``) of the site's local times, given
            to dates that state no zone when the page states none elsewhere
            (default: UTC).
    """

    body: tuple[str, ...] = ()
    remove: tuple[str, ...] = ()
    title: str | None = None
    published: str | None = None
    updated: str | None = None
    author: str | None = None
    timezone: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """One watched source from config.toml.

    Attributes:
        name: unique short name (``"world"``).
        url: feed, index, sitemap or article URL.
        kind: ``feed`` (RSS/Atom), ``page`` (one article), ``index`` (section front),
            ``sitemap`` (sitemaps.org XML or news sitemap).
        interval: seconds between polls (> 0).
        rules: selector overrides for this source's article pages.
        alert_on_first_poll: emit ``article.new`` for entries found on the first poll.
        max_articles: at most this many entries are fetched per poll (newest first).
    """

    name: str
    url: str
    kind: SourceKind = "feed"
    interval: float = 900.0
    rules: SiteRules = field(default_factory=SiteRules)
    alert_on_first_poll: bool = False
    max_articles: int = 50


@dataclass(frozen=True, slots=True)
class Validators:
    """Conditional-GET validators remembered per URL (RFC 9110 §13).

    Attributes:
        etag: the last ``ETag`` response header, sent back as ``If-None-Match``.
        last_modified: the last ``Last-Modified`` header (HTTP-date string), sent
            back verbatim as ``If-Modified-Since``.
    """

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class FetchResult:
    """The outcome of one polite HTTP GET.

    Attributes:
        url: the URL asked for.
        final_url: the URL after redirects.
        status_code: HTTP status (200, 304, ...).
        content: the raw body bytes (empty for 304).
        text: the body decoded with ``encoding`` ("" for 304).
        encoding: the charset used (from header, ``<meta charset>`` or detection).
        headers: response headers, lower-cased names.
        validators: ETag / Last-Modified of this response, to send next time.
        not_modified: True for a 304 answer to a conditional GET.
        fetched_at: aware UTC datetime of the response.
        elapsed: seconds the request took, retries included.
    """

    url: str
    final_url: str
    status_code: int
    content: bytes
    text: str
    encoding: str | None
    headers: Mapping[str, str]
    validators: Validators
    not_modified: bool
    fetched_at: datetime
    elapsed: float = 0.0


@dataclass(frozen=True, slots=True)
class Entry:
    """A link to an article found in a feed, sitemap or index page.

    Attributes:
        url: absolute article URL (canonicalized: no fragment, no tracking params).
        guid: stable id (RSS ``guid`` / Atom ``id``; else the URL).
        title: the entry title as the source gives it, or None.
        published, updated: aware datetimes from the source, or None.
    """

    url: str
    guid: str
    title: str | None = None
    published: datetime | None = None
    updated: datetime | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """What the parser extracted from one article page.

    Attributes:
        url: the page URL it was fetched from.
        canonical_url: ``<link rel=canonical>``/``og:url`` resolved, else ``url``.
        title: headline without the site-name suffix, or None.
        body: main text, paragraphs separated by one blank line ("" when none).
        published, updated: aware datetimes, or None.
        language: BCP 47 / ISO 639-1 code (``"ar"``), or None.
        authors: author names in page order.
        description: meta/og description, or None.
        site_name: ``og:site_name`` or equivalent, or None.
        links: absolute URLs linked from inside the body, in order (follow-up evidence).
        reason: why ``body`` is empty (``"no article found"``...), else None.
    """

    url: str
    canonical_url: str
    title: str | None
    body: str
    published: datetime | None = None
    updated: datetime | None = None
    language: str | None = None
    authors: tuple[str, ...] = ()
    description: str | None = None
    site_name: str | None = None
    links: tuple[str, ...] = ()
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Revision:
    """One stored, meaningful version of an article.

    Attributes:
        url: the article's canonical URL (its key).
        number: 1 for the first version, then 2, 3, ...
        fetched_at: aware UTC datetime the version was seen.
        title, body, published, updated: the extracted fields of that version.
        content_hash: hex SHA-256 of the normalized title and body.
        changed: fields that differ from the previous revision (``("body",)``);
            empty for revision 1.
    """

    url: str
    number: int
    fetched_at: datetime
    title: str | None
    body: str
    published: datetime | None
    updated: datetime | None
    content_hash: str
    changed: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Change:
    """A meaningful difference between two versions of an article.

    Attributes:
        changed: names of changed fields, among ``title``, ``body``, ``published``,
            ``updated``.
        diff: unified diff (``difflib``) of the normalized bodies, paragraph per line.
        added, removed: paragraphs added / removed, in order.
    """

    changed: tuple[str, ...]
    diff: str
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    """An alert, stored in the outbox before any delivery is tried.

    Attributes:
        id: unique event id (UUID4 hex string).
        type: ``article.new``, ``article.revised``, ``story.followup``,
            ``article.removed`` or ``article.restored``.
        created_at: aware UTC datetime.
        source: the source name that produced it.
        payload: the JSON-ready webhook body (a dict of plain JSON types).
    """

    id: str
    type: str
    created_at: datetime
    source: str
    payload: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Webhook:
    """A configured webhook receiver.

    Attributes:
        name: unique short name.
        url: the endpoint that receives POSTs.
        secret: the HMAC-SHA256 key (UTF-8 encoded before use).
        events: event types it receives.
        timeout: seconds per delivery attempt.
        keywords: when not empty, ``story.followup`` events are sent only if the
            story label or key terms contain one of these (case-insensitive).
        followed_only: ``story.followup`` events only for followed stories.
    """

    name: str
    url: str
    secret: str
    events: tuple[str, ...] = ("article.new", "article.revised")
    timeout: float = 10.0
    keywords: tuple[str, ...] = ()
    followed_only: bool = False


@dataclass(frozen=True, slots=True)
class Delivery:
    """One pending or finished delivery of an event to one webhook.

    Attributes:
        id: delivery id (UUID4 hex), sent as ``X-Scraper-Delivery``.
        event_id, event_type: the event delivered.
        webhook: the webhook name.
        body: the exact JSON bytes to POST (signed as is).
        attempts: attempts made so far.
        next_attempt_at: aware UTC datetime before which no retry is made.
        delivered_at: aware UTC datetime of the 2xx answer, or None.
        last_error: the last failure message, or None.
    """

    id: str
    event_id: str
    event_type: str
    webhook: str
    body: bytes
    attempts: int = 0
    next_attempt_at: datetime | None = None
    delivered_at: datetime | None = None
    last_error: str | None = None


@dataclass(frozen=True, slots=True)
class DeliveryResult:
    """The outcome of one delivery attempt.

    Attributes:
        ok: True on a 2xx answer.
        status_code: the HTTP status, or None when no answer came.
        error: failure message, or None.
    """

    ok: bool
    status_code: int | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class SourceOutcome:
    """Summary of one check of one source.

    Attributes:
        source: source name.
        new, revised, unchanged, failed: article counts for this check.
        not_modified: the feed/page answered 304.
        error: the source-level error message, or None.
        errors: per-article error messages (``"url: message"``).
        baseline: True when this was the source's first poll (no ``article.new``).
        seconds: wall time of the check.
        removed: stored articles that answered 404/410 and were marked removed in
            this check (not failures: they are not in ``failed`` nor ``errors``).
        restored: removed articles that answered 200 again in this check.
    """

    source: str
    new: int = 0
    revised: int = 0
    unchanged: int = 0
    failed: int = 0
    followups: int = 0
    not_modified: bool = False
    error: str | None = None
    errors: tuple[str, ...] = ()
    baseline: bool = False
    seconds: float = 0.0
    removed: int = 0
    restored: int = 0

    @property
    def ok(self) -> bool:
        """True when neither the source nor any of its articles failed."""
        return self.error is None and self.failed == 0


@dataclass(frozen=True, slots=True)
class SourceState:
    """What the store remembers of a source between checks.

    Attributes:
        name, url, kind: as configured at the last check.
        first_polled_at: aware UTC datetime of the first completed poll, or None
            (None means the next poll is the baseline).
        last_checked_at, last_ok_at, last_error_at: aware UTC datetimes, or None.
        last_error: the last source-level error message, or None once a check succeeds.
        consecutive_failures: failed checks since the last success.
        checks: total checks run.
    """

    name: str
    url: str
    kind: str
    first_polled_at: datetime | None = None
    last_checked_at: datetime | None = None
    last_ok_at: datetime | None = None
    last_error_at: datetime | None = None
    last_error: str | None = None
    consecutive_failures: int = 0
    checks: int = 0


@dataclass(frozen=True, slots=True)
class Removal:
    """A period during which a stored article answered 404 Not Found or 410 Gone.

    Attributes:
        url: the article key (canonical URL).
        removed_at: aware UTC datetime of the first 404/410 answer.
        status: that HTTP status (404 or 410; RFC 9110 §15.5.5, §15.5.11).
        revision: number of the latest revision when it disappeared.
        restored_at: aware UTC datetime of the first 200 answer after it, or
            None while the article is still gone.
    """

    url: str
    removed_at: datetime
    status: int
    revision: int
    restored_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class ErrorRecord:
    """A recorded failure: a source that could not be read or an article that failed.

    Attributes:
        source: source name.
        url: the URL that failed.
        at: aware UTC datetime.
        kind: the error class name (``FetchTimeout``, ``FeedError``...).
        message: the error message.
    """

    source: str
    url: str
    at: datetime
    kind: str
    message: str
