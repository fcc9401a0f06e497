"""``check(source)``: the only module that links the stages.

One check of one source: fetch the source (conditional GET), read its entries,
fetch each article, extract it, compare it with the stored revision, store a
new revision with its events and pending deliveries, and record errors. A
failing source or article is recorded and the check goes on; nothing here
raises for bad input. A stored article gone (404/410) is marked removed
(:mod:`.removals`). Delivery of pending webhooks is :mod:`.delivery`.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol

from .charset import looks_binary
from .diff import compare, content_hash
from .entries import entries_to_check, oldest_first
from .errors import Cancelled, ParseError, RevisionConflict, ScraperError, StoreError
from .events import new_article_event, revised_article_event
from .fetch import Fetcher
from .models import (
    Article,
    Change,
    Delivery,
    Entry,
    ErrorRecord,
    Event,
    FetchResult,
    Revision,
    Source,
    SourceOutcome,
    Webhook,
)
from .notify.outbox import plan_deliveries
from .parse import extract
from .removals import gone_status, mark_removed, removed_page, restore_if_removed
from .sources.urls import article_key, canonicalize_url
from .store import Store

logger = logging.getLogger(__name__)


def utc_now() -> datetime:
    """The current time as an aware UTC datetime (the default clock)."""
    return datetime.now(UTC)


@dataclass
class Services:
    """The side effects a check uses, built by the CLI and injected here.

    Attributes:
        store: the database.
        fetcher: the polite HTTP client for sources and articles.
        webhooks: configured receivers; an event gets one delivery per receiver that wants it.
        clock: returns an aware UTC datetime ("now").
        followups: the follow-up tracker, or None to skip story assignment.
        stop: when set, a running check stops before its next article
            (raises :class:`~scraper.errors.Cancelled`).
    """

    store: Store
    fetcher: Fetcher
    webhooks: Sequence[Webhook] = ()
    clock: Callable[[], datetime] = utc_now
    followups: FollowupHook | None = None
    stop: threading.Event | None = None
    _article_lock: threading.Lock = field(default_factory=threading.Lock)


class FollowupHook(Protocol):
    """What the pipeline needs of the follow-up tracker (:mod:`scraper.followups`)."""

    def on_new_article(
        self, *, source: str, article: Article, revision: Revision, alert: bool
    ) -> list[Event]:
        """Assign a newly stored article to a story; return ``story.followup`` events.

        ``alert`` is False during a source's baseline poll: the article is still
        assigned, but no event is returned.
        """

    def is_followed(self, event: Event) -> bool:
        """True when the story of a ``story.followup`` event is followed by the user."""


@dataclass
class _Tally:
    new: int = 0
    revised: int = 0
    unchanged: int = 0
    followups: int = 0
    removed: int = 0
    restored: int = 0
    errors: list[str] = field(default_factory=list)
    # Articles read this poll, and (article, status) of those that answered 404/410
    # at some address: marked removed after the poll unless read at another one.
    seen: set[str] = field(default_factory=set)
    gone: list[tuple[str, int]] = field(default_factory=list)

    def count(self, events: Sequence[Event], *, first: bool) -> None:
        """Count a stored revision: a new article (and its follow-ups) or a revised one."""
        if first:
            self.new += 1
            self.followups += sum(1 for e in events if e.type == "story.followup")
        else:
            self.revised += 1


def check(source: Source, services: Services) -> SourceOutcome:
    """Check one source once.

    Args:
        source: the configured source.
        services: store, fetcher, webhooks, clock.

    When the source answers 304 (its listing did not change), the articles it
    listed before are still re-checked with conditional GETs: an article can be
    edited without its feed changing.

    Returns:
        A :class:`SourceOutcome`: counts of new, revised, unchanged, failed, removed
        (stored articles answering 404/410: not failures; not when the article was
        read at another address in the same poll: it moved) and restored articles, and
        the source-level error if the source itself could not be read. Fetch and parse
        failures are recorded in the store's error log and in the outcome, never raised.

    Raises:
        Cancelled: ``services.stop`` was set (the daemon is stopping); what was
            stored before that point stays stored.
        StoreError: the database failed (nothing else can be recorded then).
    """
    started = time.monotonic()
    store = services.store
    state = store.source_state(source)
    baseline = state.first_polled_at is None and not source.alert_on_first_poll
    try:
        result = services.fetcher.get(source.url, validators=store.validators(source.url))
        entries = entries_to_check(source, result, services)
    except Cancelled:
        raise
    except ScraperError as exc:
        if (gone := removed_page(source, exc, services)) is not None:  # unpublished page
            store.record_check(source, at=services.clock(), error=None, completed_poll=True)
            tally = _Tally(removed=int(gone))
            return _outcome(source, tally, not_modified=False, baseline=False, started=started)
        _record(services, source, source.url, exc)
        store.record_check(source, at=services.clock(), error=str(exc), completed_poll=False)
        logger.warning("source %s failed: %s", source.name, exc)
        return SourceOutcome(source.name, error=str(exc), seconds=time.monotonic() - started)
    tally = _Tally()
    for entry in oldest_first(entries):
        if services.stop is not None and services.stop.is_set():
            raise Cancelled(f"stopping: check of {source.name} interrupted")
        prefetched = result if source.kind == "page" else None
        try:
            _check_entry(
                entry, source, services, baseline=baseline, prefetched=prefetched, tally=tally
            )
        except Cancelled:
            raise
        except ScraperError as exc:
            _record(services, source, entry.url, exc)
            tally.errors.append(f"{entry.url}: {exc}")
    for key, status in tally.gone:
        if key not in tally.seen:  # else an old address of an article that moved
            tally.removed += mark_removed(key, source, services, status=status)
    if not tally.errors:  # else keep the old validators, so failed entries are retried
        store.save_validators(source.url, result.validators, at=services.clock())
    store.record_check(source, at=services.clock(), error=None, completed_poll=True)
    not_modified = result.not_modified and source.kind != "page"
    return _outcome(source, tally, not_modified=not_modified, baseline=baseline, started=started)


def _outcome(
    source: Source, tally: _Tally, *, not_modified: bool, baseline: bool, started: float
) -> SourceOutcome:
    outcome = SourceOutcome(
        source.name,
        new=tally.new,
        revised=tally.revised,
        unchanged=tally.unchanged,
        failed=len(tally.errors),
        followups=tally.followups,
        not_modified=not_modified,
        errors=tuple(tally.errors),
        baseline=baseline,
        seconds=time.monotonic() - started,
        removed=tally.removed,
        restored=tally.restored,
    )
    logger.info(
        "source %s: %d new, %d revised, %d unchanged, %d failed, %d removed, %d restored%s",
        source.name,
        outcome.new,
        outcome.revised,
        outcome.unchanged,
        outcome.failed,
        outcome.removed,
        outcome.restored,
        " (baseline)" if baseline else "",
    )
    return outcome


def _record(services: Services, source: Source, url: str, exc: Exception) -> None:
    services.store.record_error(
        ErrorRecord(source.name, url, services.clock(), type(exc).__name__, str(exc))
    )


def _check_entry(
    entry: Entry,
    source: Source,
    services: Services,
    *,
    baseline: bool,
    prefetched: FetchResult | None,
    tally: _Tally,
) -> None:
    """Fetch one entry, extract it and store a revision when it changed (see removals)."""
    store = services.store
    known = store.resolve(entry.url)
    try:
        result = _fetch_entry(entry, services, known=known, prefetched=prefetched)
    except ScraperError as exc:
        if known is None or (status := gone_status(exc)) is None:
            raise
        tally.gone.append((known, status))  # decided after the poll (see check)
        return
    fetched_at = services.clock()  # when this copy was read (older copies lose)
    if result is None:
        assert known is not None
        tally.seen.add(known)
        tally.restored += restore_if_removed(known, source, services)
        store.touch_article(known, at=services.clock())
        tally.unchanged += 1
        return
    article = extract(result.text, result.final_url, rules=source.rules, now=services.clock())
    if not article.body:
        raise ParseError(f"no article text: {article.reason or 'empty body'}", url=entry.url)
    candidate = article_key(article, result.final_url)
    key = known or store.resolve(candidate) or candidate
    tally.seen.add(key)
    tally.restored += restore_if_removed(key, source, services)
    aliases = sorted({entry.url, canonicalize_url(result.url), canonicalize_url(result.final_url)})
    with services._article_lock:
        for attempt in range(_CONFLICT_ATTEMPTS):
            try:
                _save_if_changed(
                    key, article, fetched_at, source, services, aliases, baseline, tally
                )
                break
            except RevisionConflict as exc:
                # Another process (a `scraper check` beside the daemon) stored this
                # article first: compare again with what it stored.
                logger.info("%s; comparing again (attempt %d)", exc, attempt + 2)
        else:
            raise StoreError(f"{key} kept changing under other writers; will retry next poll")
    store.save_validators(entry.url, result.validators, at=services.clock())


#: Comparisons tried when other processes keep storing revisions of one article.
_CONFLICT_ATTEMPTS = 3


def _save_if_changed(
    key: str,
    article: Article,
    fetched_at: datetime,
    source: Source,
    services: Services,
    aliases: Sequence[str],
    baseline: bool,
    tally: _Tally,
) -> None:
    """Compare ``article`` (read at ``fetched_at``) with its newest stored revision;
    store a new revision (with its events) when it changed, else mark it checked.
    A copy read before the newest stored revision was (another job or process
    stored a newer one while this one waited) is dropped: it must not revert it.

    Raises:
        RevisionConflict: another process stored a revision meanwhile.
        StoreError: the database failed.
    """
    store = services.store
    previous = store.latest_revision(key)
    if previous is not None and previous.fetched_at > fetched_at:
        logger.info("%s: a newer copy was stored meanwhile; this older one is dropped", key)
        tally.unchanged += 1
        return
    change = compare(previous, article)
    if change is None:
        store.touch_article(key, at=services.clock(), aliases=aliases)
        tally.unchanged += 1
        return
    revision = _revision(key, previous, article, change, fetched_at)
    events = _events(
        source, article, revision, change, services, baseline=baseline, first=previous is None
    )
    store.save_revision(
        source=source.name,
        article=article,
        revision=revision,
        diff=change.diff,
        events=events,
        deliveries=_deliveries(events, services),
        aliases=aliases,
    )
    tally.count(events, first=previous is None)


def _fetch_entry(
    entry: Entry, services: Services, *, known: str | None, prefetched: FetchResult | None
) -> FetchResult | None:
    """The entry's page, or None when it answered 304 for a stored article.

    Raises:
        FetchError: the page could not be fetched.
        ParseError: the response is binary, not text.
    """
    result = prefetched
    if result is None:
        validators = services.store.validators(entry.url) if known else None
        result = services.fetcher.get(entry.url, validators=validators)
    if result.not_modified and known is None:
        # validators cached for this URL by another source; ask again unconditionally
        result = services.fetcher.get(entry.url)
    if result.not_modified:
        return None
    if looks_binary(result.content):
        ctype = result.headers.get("content-type", "no content type")
        raise ParseError(f"response is not text ({ctype})", url=entry.url)
    return result


def _revision(
    key: str, previous: Revision | None, article: Article, change: Change, now: datetime
) -> Revision:
    return Revision(
        url=key,
        number=previous.number + 1 if previous else 1,
        fetched_at=now,
        title=article.title,
        body=article.body,
        published=article.published,
        updated=article.updated,
        content_hash=content_hash(article.title, article.body),
        changed=change.changed if previous else (),
    )


def _events(
    source: Source,
    article: Article,
    revision: Revision,
    change: Change,
    services: Services,
    *,
    baseline: bool,
    first: bool,
) -> list[Event]:
    now = services.clock()
    events: list[Event] = []
    if first:
        if not baseline:
            events.append(
                new_article_event(source=source.name, revision=revision, article=article, now=now)
            )
        if services.followups is not None:
            events.extend(
                services.followups.on_new_article(
                    source=source.name, article=article, revision=revision, alert=not baseline
                )
            )
    else:
        events.append(
            revised_article_event(
                source=source.name, revision=revision, article=article, change=change, now=now
            )
        )
    return events


def _deliveries(events: Sequence[Event], services: Services) -> list[Delivery]:
    out: list[Delivery] = []
    for event in events:
        followed = services.followups.is_followed(event) if services.followups else False
        out.extend(plan_deliveries(event, services.webhooks, followed=followed))
    return out
