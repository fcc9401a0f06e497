"""``deliver --now`` ignores backoff; the pending message says when the next attempt is due."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import httpx

from scraper.cli_status import pending_summary
from scraper.delivery import deliver
from scraper.models import Delivery, Event, Webhook
from scraper.store import Store

NOW = datetime(2026, 11, 30, 13, 0, tzinfo=UTC)
HOOK = Webhook(name="desk", url="https://hooks.example/in", secret="k")


def _backed_off(store: Store, *, due: datetime) -> Delivery:
    """Store one event with one delivery that failed and waits until ``due``."""
    event = Event(
        id="ev-1",
        type="article.new",
        created_at=NOW - timedelta(minutes=10),
        source="nile",
        payload={"id": "ev-1", "type": "article.new", "article": {"url": "https://n.example/a"}},
    )
    delivery = Delivery(
        id="dl-1",
        event_id="ev-1",
        event_type="article.new",
        webhook="desk",
        body=json.dumps(dict(event.payload)).encode(),
        attempts=3,
        next_attempt_at=due,
    )
    store.add_events([event], [delivery])
    return delivery


def _client(seen: list[str]) -> httpx.Client:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["x-scraper-delivery"])
        return httpx.Response(200, text="ok")

    return httpx.Client(transport=httpx.MockTransport(handler))


def test_backed_off_delivery_waits_without_now() -> None:
    seen: list[str] = []
    with Store(":memory:") as store, _client(seen) as client:
        _backed_off(store, due=NOW + timedelta(minutes=4, seconds=30))
        stats = deliver(store, [HOOK], client, now=NOW)
        assert (stats.delivered, stats.failed, seen) == (0, 0, [])
        assert len(store.deliveries(pending_only=True)) == 1


def test_ignore_backoff_delivers_every_pending_delivery_now() -> None:
    seen: list[str] = []
    with Store(":memory:") as store, _client(seen) as client:
        _backed_off(store, due=NOW + timedelta(hours=1))
        stats = deliver(store, [HOOK], client, now=NOW, ignore_backoff=True)
        assert (stats.delivered, stats.failed, seen) == (1, 0, ["dl-1"])
        assert store.deliveries(pending_only=True) == []
        (done,) = store.deliveries()
        assert done.delivered_at == NOW and done.attempts == 4


def test_pending_summary_says_when_the_next_attempt_is_due() -> None:
    waiting = [
        Delivery("a", "e1", "article.new", "desk", b"{}", 2, NOW + timedelta(minutes=9)),
        Delivery(
            "b", "e2", "article.new", "desk", b"{}", 1, NOW + timedelta(minutes=4, seconds=30)
        ),
    ]
    assert pending_summary(waiting, now=NOW, configured={"desk"}) == (
        "2 still pending; next attempt due 2026-11-30T13:04:30+00:00 (in 4m 30s); "
        "`scraper deliver --now` retries them at once (see `scraper outbox`)"
    )


def test_pending_summary_names_webhooks_no_longer_configured() -> None:
    waiting = [Delivery("a", "e1", "article.new", "old-desk", b"{}", 0, None)]
    assert pending_summary(waiting, now=NOW, configured={"desk"}) == (
        "1 still pending; 1 for webhooks no longer in the config (old-desk) (see `scraper outbox`)"
    )
