"""Deliver pending webhook deliveries from the store's durable outbox.

The daemon's delivery job and ``scraper deliver`` call :func:`deliver`; the
sending, signing and backoff live in :mod:`scraper.notify`.
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Sequence
from datetime import UTC, datetime

import httpx

from .models import Delivery, Webhook
from .notify.outbox import DeliveryStats, Outbox, deliver_pending
from .store import Store

_FAR_FUTURE = datetime(9999, 1, 1, tzinfo=UTC)


def deliver(
    store: Store,
    webhooks: Sequence[Webhook],
    client: httpx.Client,
    *,
    now: datetime | None = None,
    ignore_backoff: bool = False,
    stop: threading.Event | None = None,
) -> DeliveryStats:
    """Try every due pending webhook delivery once.

    Args:
        store: the database (its outbox).
        webhooks: the configured receivers, matched to deliveries by name.
        client: the httpx client used for webhook POSTs (not the polite fetcher).
        now: aware UTC "now" (default: the current time).
        ignore_backoff: try every pending delivery, also those whose next attempt
            is later than ``now`` (the user just fixed the receiver). Attempts are
            still recorded at ``now``, and a failure is backed off as usual.
        stop: set when the daemon is stopping: no further delivery is started
            (the rest stay pending).

    Returns:
        Counts of delivered, failed (kept for retry) and skipped (webhook no
        longer configured, kept) deliveries.

    Raises:
        StoreError: the outbox could not be read or written.
    """
    hooks = {w.name: w for w in webhooks}
    outbox: Outbox = _EveryPending(store) if ignore_backoff else store
    return deliver_pending(outbox, client, hooks, now=now or datetime.now(UTC), stop=stop)


class _EveryPending:
    """The store's outbox with every undelivered delivery due, whatever its backoff."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.claim_delivery = store.claim_delivery
        self.mark_delivered = store.mark_delivered
        self.mark_failed = store.mark_failed

    def pending_deliveries(
        self, *, now: datetime, limit: int = 100, webhooks: Collection[str] | None = None
    ) -> list[Delivery]:
        """Undelivered deliveries, oldest first, ignoring ``next_attempt_at``."""
        return self._store.pending_deliveries(now=_FAR_FUTURE, limit=limit, webhooks=webhooks)
