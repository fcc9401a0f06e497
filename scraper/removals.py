"""Removed articles: a stored article that answers 404 or 410 is marked, not failed.

Newsrooms unpublish stories; a monitor that keeps history honest records when.
Rules (the pipeline calls these around each article fetch):

- Only a :class:`~scraper.errors.FetchStatusError` with status 404 Not Found or
  410 Gone (RFC 9110 §15.5.5, §15.5.11) for an article already stored with a
  revision marks it removed. Timeouts, network errors, 5xx, robots.txt refusals
  and a 404 for a never-stored URL stay failures.
- The first such answer stores the mark (time, status) and one
  ``article.removed`` event with its deliveries, atomically; later 404s while
  the mark is open write nothing and emit nothing.
- The first readable 200 (or a 304) afterwards clears the mark and emits
  ``article.restored``; the normal revision logic then runs on the page, so a
  changed article also gets ``article.revised``.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from .errors import FetchStatusError
from .events import removed_article_event, restored_article_event
from .models import Article, Removal, Revision, Source
from .notify.outbox import plan_deliveries
from .sources.urls import canonicalize_url

if TYPE_CHECKING:
    from .pipeline import Services
    from .store import Store

logger = logging.getLogger(__name__)

GONE_STATUSES: frozenset[int] = frozenset({404, 410})
"""HTTP statuses that mean "unpublished" (RFC 9110 §15.5.5 Not Found, §15.5.11 Gone)."""


def gone_status(exc: BaseException) -> int | None:
    """The status of a 404/410 :class:`FetchStatusError`, else None.

    Args:
        exc: any exception raised while fetching.

    Returns:
        404 or 410, or None for every other error (timeouts, 5xx, robots, network).
    """
    if isinstance(exc, FetchStatusError) and exc.status_code in GONE_STATUSES:
        return exc.status_code
    return None


def mark_removed(key: str, source: Source, services: Services, *, status: int) -> bool:
    """Mark the stored article ``key`` removed and emit ``article.removed``, once.

    Args:
        key: the article key (canonical URL) of a stored article.
        source: the source being checked (named in the event).
        services: store, webhooks and clock.
        status: the HTTP status that answered (404 or 410).

    Returns:
        True when the article was newly marked removed; False when it already
        was (nothing written) or has no stored revision.

    Raises:
        StoreError: the database failed.
    """
    store = services.store
    if store.removal(key) is not None:
        return False
    stored = _last_stored(store, key)
    if stored is None:
        return False
    revision, article = stored
    now = services.clock()
    removal = Removal(url=key, removed_at=now, status=status, revision=revision.number)
    event = removed_article_event(
        source=source.name, revision=revision, article=article, removal=removal, now=now
    )
    marked = store.mark_removed(
        key,
        at=now,
        status=status,
        revision=revision.number,
        events=[event],
        deliveries=plan_deliveries(event, services.webhooks),
    )
    if marked:
        logger.info("article %s removed (HTTP %d)", key, status)
    return marked


def restore_if_removed(key: str, source: Source, services: Services) -> bool:
    """Clear the removal mark of ``key`` and emit ``article.restored`` when it has one.

    Call it once the article answered again with a readable page (or a 304).

    Args:
        key: the article key (canonical URL).
        source: the source being checked (named in the event).
        services: store, webhooks and clock.

    Returns:
        True when a removal mark was cleared; False when the article was not removed.

    Raises:
        StoreError: the database failed.
    """
    store = services.store
    current = store.removal(key)
    if current is None:  # the common case: one indexed lookup
        return False
    stored = _last_stored(store, key)
    if stored is None:
        return False
    revision, article = stored
    now = services.clock()
    closed = Removal(
        url=key,
        removed_at=current.removed_at,
        status=current.status,
        revision=current.revision,
        restored_at=now,
    )
    event = restored_article_event(
        source=source.name, revision=revision, article=article, removal=closed, now=now
    )
    cleared = store.clear_removed(
        key, at=now, events=[event], deliveries=plan_deliveries(event, services.webhooks)
    )
    if cleared is not None:
        logger.info("article %s restored (removed since %s)", key, current.removed_at)
    return cleared is not None


def _last_stored(store: Store, key: str) -> tuple[Revision, Article] | None:
    """The latest revision of ``key`` and its article as stored, or None without one."""
    revision = store.latest_revision(key)
    article = store.stored_article(key)
    return None if revision is None or article is None else (revision, article)


def removed_page(source: Source, exc: BaseException, services: Services) -> bool | None:
    """Handle a ``page`` source whose own URL answered 404/410.

    Args:
        source: the source; only ``kind = "page"`` sources are handled.
        exc: the error raised fetching the source URL.
        services: store, webhooks and clock.

    Returns:
        None when this is not a stored page gone (the caller records a failure);
        else True when it was newly marked removed, False when it already was.

    Raises:
        StoreError: the database failed.
    """
    status = gone_status(exc)
    if source.kind != "page" or status is None:
        return None
    key = services.store.resolve(canonicalize_url(source.url))
    if key is None or services.store.latest_revision(key) is None:
        return None
    return mark_removed(key, source, services, status=status)
