"""Queries for the event outbox: pending webhook deliveries and their attempts.

Implements the ``Outbox`` protocol of :mod:`scraper.notify.outbox`. A delivery
row is written in the same transaction as the revision that caused it and is
only ever marked delivered, never deleted, so a restart or a receiver outage
loses nothing (at-least-once delivery).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from ..models import Delivery, Event
from .base import StoreBase, dt, guarded, ts


class OutboxQueries(StoreBase):
    """The outbox of events and deliveries."""

    @guarded
    def add_events(self, events: Sequence[Event], deliveries: Sequence[Delivery]) -> None:
        """Store events and their pending deliveries atomically (no revision attached)."""
        with self._transaction() as db:
            insert_outbox(db, events, deliveries)

    @guarded
    def pending_deliveries(
        self, *, now: datetime, limit: int = 100, webhooks: Collection[str] | None = None
    ) -> list[Delivery]:
        """Undelivered deliveries due at ``now`` (aware UTC), oldest first (in insertion
        order at equal times, so ``article.restored`` precedes its ``article.revised``).

        Args:
            now: deliveries whose ``next_attempt_at`` is later are not due.
            limit: at most this many.
            webhooks: only deliveries to these webhook names (None: all).
        """
        names = list(webhooks) if webhooks is not None else []
        only = f"AND webhook IN ({', '.join('?' * len(names))}) " if webhooks is not None else ""
        rows = self._rows(
            "SELECT * FROM deliveries WHERE delivered_at IS NULL "
            f"AND (next_attempt_at IS NULL OR next_attempt_at <= ?) {only}"
            "ORDER BY created_at, rowid LIMIT ?",
            (ts(now), *names, limit),
        )
        return [_delivery(r) for r in rows]

    @guarded
    def deliveries(self, *, pending_only: bool = False, limit: int = 50) -> list[Delivery]:
        """Recent deliveries (newest first), optionally only the undelivered ones."""
        where = "WHERE delivered_at IS NULL" if pending_only else ""
        rows = self._rows(
            f"SELECT * FROM deliveries {where} ORDER BY created_at DESC, rowid DESC LIMIT ?",
            (limit,),
        )
        return [_delivery(r) for r in rows]

    @guarded
    def claim_delivery(self, delivery_id: str, *, now: datetime, until: datetime) -> bool:
        """Take the delivery for one attempt, unless another process holds it.

        Args:
            delivery_id: the delivery.
            now: aware UTC time of the attempt; an older claim has run out.
            until: when this claim runs out (the attempt's timeout and a margin
                after ``now``), so a delivery claimed by a process that died is
                sent again (at-least-once).

        Returns:
            True when the delivery is undelivered and was not claimed by a
            running attempt; it is now claimed until ``until``.
        """
        cursor = self._db.execute(
            "UPDATE deliveries SET claimed_until = ? WHERE id = ? AND delivered_at IS NULL "
            "AND (claimed_until IS NULL OR claimed_until <= ?)",
            (ts(until), delivery_id, ts(now)),
        )
        return cursor.rowcount == 1

    @guarded
    def mark_delivered(self, delivery_id: str, *, at: datetime, status_code: int) -> None:
        """Record a 2xx answer for the delivery."""
        self._db.execute(
            "UPDATE deliveries SET delivered_at = ?, attempts = attempts + 1, last_status = ?, "
            "last_error = NULL, claimed_until = NULL WHERE id = ?",
            (ts(at), status_code, delivery_id),
        )

    @guarded
    def mark_failed(
        self,
        delivery_id: str,
        *,
        at: datetime,
        error: str,
        status_code: int | None,
        next_attempt_at: datetime,
    ) -> None:
        """Record a failed attempt; the delivery stays pending until ``next_attempt_at``."""
        self._db.execute(
            "UPDATE deliveries SET attempts = attempts + 1, last_error = ?, last_status = ?, "
            "next_attempt_at = ?, claimed_until = NULL WHERE id = ?",
            (f"{ts(at)}: {error}", status_code, ts(next_attempt_at), delivery_id),
        )

    @guarded
    def events(self, *, limit: int = 50, type: str | None = None) -> list[dict[str, Any]]:  # noqa: A002
        """Recent events as plain dicts (``id``, ``type``, ``created_at``, ``payload``...)."""
        where, params = ("WHERE type = ?", (type, limit)) if type else ("", (limit,))
        rows = self._rows(
            f"SELECT * FROM events {where} ORDER BY created_at DESC, rowid DESC LIMIT ?", params
        )
        for row in rows:
            row["payload"] = json.loads(row["payload"])
        return rows


def insert_outbox(db: Any, events: Sequence[Event], deliveries: Sequence[Delivery]) -> None:
    """Insert events and their deliveries with ``db`` (inside the caller's transaction)."""
    for event in events:
        article = event.payload.get("article") or {}
        db.table("events").insert(
            {
                "id": event.id,
                "type": event.type,
                "created_at": ts(event.created_at),
                "source": event.source,
                "article_url": article.get("url") if isinstance(article, dict) else None,
                "payload": json.dumps(event.payload, ensure_ascii=False, sort_keys=True),
            }
        )
    created = {e.id: ts(e.created_at) for e in events}
    for delivery in deliveries:
        db.table("deliveries").insert(
            {
                "id": delivery.id,
                "event_id": delivery.event_id,
                "event_type": delivery.event_type,
                "webhook": delivery.webhook,
                "body": delivery.body,
                "attempts": delivery.attempts,
                "created_at": created.get(delivery.event_id) or ts(delivery.next_attempt_at),
                "next_attempt_at": ts(delivery.next_attempt_at),
            }
        )


def _delivery(row: dict[str, Any]) -> Delivery:
    return Delivery(
        id=row["id"],
        event_id=row["event_id"],
        event_type=row["event_type"],
        webhook=row["webhook"],
        body=bytes(row["body"]),
        attempts=row["attempts"],
        next_attempt_at=dt(row["next_attempt_at"]),
        delivered_at=dt(row["delivered_at"]),
        last_error=row["last_error"],
    )
