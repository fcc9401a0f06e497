"""The outbox side of delivery: plan deliveries for an event, then send what is due.

Events and their deliveries are stored (by ``store.py``) before any POST is
tried, so a crash or an unreachable receiver loses nothing. Rules:

- A failed delivery is kept and retried after :func:`~scraper.notify.webhook.retry_delay`
  (30 s, 60 s, ... capped at one hour); there is no attempt limit that drops it.
- A delivery whose webhook is no longer configured is left pending (and not
  even read), so re-adding the webhook resumes it.
- When a receiver does not answer at all (refused, timeout), its other due
  deliveries are skipped for the rest of the run, so one dead receiver costs
  one timeout per run, not one per pending event.
- Delivery is at-least-once: receivers dedupe on ``X-Scraper-Delivery`` (one
  id per event and webhook) or on the event ``id`` in the body. Each attempt
  first claims its delivery in the store, so two processes delivering from one
  database (the daemon and ``scraper deliver``) do not both send it.

No SQL here: storage is behind the :class:`Outbox` protocol.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

import httpx

from scraper.events import encode_event, wants
from scraper.models import Delivery, Event, Webhook
from scraper.notify.webhook import post_delivery, retry_delay

logger = logging.getLogger(__name__)


class Outbox(Protocol):
    """Storage of pending deliveries (implemented by ``scraper.store.Store``)."""

    def pending_deliveries(
        self, *, now: datetime, limit: int = 100, webhooks: Collection[str] | None = None
    ) -> list[Delivery]:
        """Undelivered deliveries with ``next_attempt_at`` <= ``now`` or null, oldest
        first; only for the named ``webhooks`` when given."""
        ...

    def claim_delivery(self, delivery_id: str, *, now: datetime, until: datetime) -> bool:
        """Take the delivery for one attempt until ``until`` (aware UTC); False when
        it was delivered meanwhile or another process's claim has not run out."""
        ...

    def mark_delivered(self, delivery_id: str, *, at: datetime, status_code: int) -> None:
        """Record a 2xx answer at ``at`` (aware UTC); the delivery leaves the queue."""
        ...

    def mark_failed(
        self,
        delivery_id: str,
        *,
        at: datetime,
        error: str,
        status_code: int | None,
        next_attempt_at: datetime,
    ) -> None:
        """Record a failed attempt: attempts + 1, last error, next attempt time."""
        ...


#: Seconds a delivery stays claimed past its attempt's timeout (then another
#: process may send it: the claimer died).
CLAIM_MARGIN = 60.0


@dataclass(frozen=True, slots=True)
class DeliveryStats:
    """Counts of one :func:`deliver_pending` run.

    Attributes:
        delivered: deliveries answered with 2xx.
        failed: attempts that failed (kept, retried later).
        skipped: deliveries whose webhook is no longer configured (kept pending).
        busy: deliveries another process was sending (claimed), left to it.
    """

    delivered: int = 0
    failed: int = 0
    skipped: int = 0
    busy: int = 0


def plan_deliveries(
    event: Event,
    webhooks: Iterable[Webhook],
    *,
    followed: bool = False,
    delivery_ids: Callable[[], str] | None = None,
) -> list[Delivery]:
    """The deliveries to store for ``event``: one per webhook that wants it.

    Args:
        event: an event from :mod:`scraper.events`.
        webhooks: the configured webhooks.
        followed: True when the event's story is followed (see
            :func:`scraper.events.wants`).
        delivery_ids: makes delivery ids; UUID4 hex when None.

    Returns:
        Pending deliveries (``attempts=0``, ``next_attempt_at=None``) whose
        ``body`` is :func:`scraper.events.encode_event` of the event, in
        webhook order.
    """
    new_id = delivery_ids or (lambda: uuid.uuid4().hex)
    body = encode_event(event)
    return [
        Delivery(
            id=new_id(),
            event_id=event.id,
            event_type=event.type,
            webhook=webhook.name,
            body=body,
        )
        for webhook in webhooks
        if wants(webhook, event, followed=followed)
    ]


def deliver_pending(
    outbox: Outbox,
    client: httpx.Client,
    webhooks: Mapping[str, Webhook],
    *,
    now: datetime,
    limit: int = 100,
    delay: Callable[[int], float] = retry_delay,
    stop: threading.Event | None = None,
) -> DeliveryStats:
    """Attempt every due delivery once and record each outcome in ``outbox``.

    Args:
        outbox: the delivery store.
        client: the HTTP client used for the POSTs.
        webhooks: configured webhooks by name.
        now: aware UTC datetime of this run; the attempt time recorded, and the
            base of ``next_attempt_at``.
        limit: at most this many deliveries are attempted.
        delay: seconds to wait after n failed attempts (default
            :func:`~scraper.notify.webhook.retry_delay`).
        stop: when set (the daemon is stopping), no further delivery is started;
            the rest stay pending for the next run.

    Returns:
        The counts of delivered, failed and skipped deliveries.

    Raises:
        StoreError: when the outbox cannot be read or written (from the store).
    """
    delivered = failed = skipped = busy = 0
    unreachable: set[str] = set()
    started = time.monotonic()
    for delivery in outbox.pending_deliveries(now=now, limit=limit, webhooks=list(webhooks)):
        if stop is not None and stop.is_set():
            logger.info("webhooks: stopping; the other pending deliveries are kept")
            break
        webhook = webhooks.get(delivery.webhook)
        if webhook is None or webhook.name in unreachable:
            # not configured, or already found down in this run: kept pending, not attempted
            skipped += 1
            continue
        # A run against a slow receiver lasts minutes: claims, signatures and records
        # use the time of each attempt (``now`` plus the whole seconds elapsed).
        at = now + timedelta(seconds=int(time.monotonic() - started))
        lease = at + timedelta(seconds=webhook.timeout + CLAIM_MARGIN)
        if not outbox.claim_delivery(delivery.id, now=at, until=lease):
            busy += 1  # being sent by another process (the daemon beside `scraper deliver`)
            continue
        result = post_delivery(client, webhook, delivery, now=at)
        if result.ok and result.status_code is not None:
            outbox.mark_delivered(delivery.id, at=at, status_code=result.status_code)
            delivered += 1
            continue
        if result.status_code is None:  # no answer at all: do not hammer it this run
            unreachable.add(webhook.name)
        attempts = delivery.attempts + 1
        outbox.mark_failed(
            delivery.id,
            at=at,
            error=result.error or "delivery failed",
            status_code=result.status_code,
            next_attempt_at=at + timedelta(seconds=delay(attempts)),
        )
        failed += 1
    if delivered or failed or skipped or busy:
        logger.info(
            "webhooks: %d delivered, %d failed, %d skipped, %d being sent by another process",
            delivered, failed, skipped, busy,
        )  # fmt: skip
    return DeliveryStats(delivered=delivered, failed=failed, skipped=skipped, busy=busy)


__all__ = ["DeliveryStats", "Outbox", "deliver_pending", "plan_deliveries"]
