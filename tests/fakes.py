"""Test doubles shared by unit and integration tests."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection
from datetime import datetime

from scraper.models import Delivery


class MemoryOutbox:
    """In-memory Outbox with the due / oldest-first rules of the SQLite store.

    ``rows`` maps delivery id to its current state; ``statuses`` lists the HTTP
    status of every recorded attempt (None when no answer came); ``failures``
    lists ``(delivery id, error, status)`` of failed attempts.
    """

    def __init__(self, *deliveries: Delivery) -> None:
        self.rows: dict[str, Delivery] = {d.id: d for d in deliveries}
        self.statuses: list[int | None] = []
        self.failures: list[tuple[str, str, int | None]] = []
        self.claims: list[tuple[str, datetime]] = []

    def pending_deliveries(
        self, *, now: datetime, limit: int = 100, webhooks: Collection[str] | None = None
    ) -> list[Delivery]:
        due = [
            d
            for d in self.rows.values()
            if d.delivered_at is None
            and (d.next_attempt_at is None or d.next_attempt_at <= now)
            and (webhooks is None or d.webhook in webhooks)
        ]
        return due[:limit]

    def claim_delivery(self, delivery_id: str, *, now: datetime, until: datetime) -> bool:
        """Always granted unless delivered (one process); ``claims`` records them."""
        self.claims.append((delivery_id, until))
        return self.rows[delivery_id].delivered_at is None

    def mark_delivered(self, delivery_id: str, *, at: datetime, status_code: int) -> None:
        row = self.rows[delivery_id]
        self.rows[delivery_id] = dataclasses.replace(
            row, delivered_at=at, attempts=row.attempts + 1
        )
        self.statuses.append(status_code)

    def mark_failed(
        self,
        delivery_id: str,
        *,
        at: datetime,
        error: str,
        status_code: int | None,
        next_attempt_at: datetime,
    ) -> None:
        row = self.rows[delivery_id]
        self.rows[delivery_id] = dataclasses.replace(
            row, attempts=row.attempts + 1, next_attempt_at=next_attempt_at, last_error=error
        )
        self.statuses.append(status_code)
        self.failures.append((delivery_id, error, status_code))


class FakeTime:
    """A monotonic clock that only moves when ``sleep`` is called; records sleeps
    (seconds). Give ``clock`` and ``sleep`` to a Fetcher."""

    def __init__(self, start: float = 100.0) -> None:
        self.now = start
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
