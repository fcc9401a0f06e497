"""Signed webhook delivery and the outbox loop, over httpx.MockTransport (no sockets)."""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import random
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from fakes import MemoryOutbox

from scraper.events import encode_event, new_article_event
from scraper.models import Article, Delivery, Event, Revision, Webhook
from scraper.notify import (
    DELIVERY_HEADER,
    EVENT_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    deliver_pending,
    plan_deliveries,
    post_delivery,
    retry_delay,
    sign,
    verify,
)
from scraper.notify.webhook import USER_AGENT

NOW = datetime(2026, 7, 1, 12, 0, 0, tzinfo=UTC)
SECRET = "correct horse ☂ battery"
HOOK = Webhook(name="desk", url="https://hooks.example/in", secret=SECRET, timeout=2.5)


def make_event(event_id: str = "ev1") -> Event:
    article = Article(
        url="https://akhbar.example/a/9",
        canonical_url="https://akhbar.example/a/9",
        title="انقطاع الكهرباء في ثلاثة أحياء",
        body="عادت الكهرباء بعد أربع ساعات.",
        published=NOW - timedelta(hours=1),
        language="ar",
    )
    revision = Revision(
        url=article.canonical_url,
        number=1,
        fetched_at=NOW,
        title=article.title,
        body=article.body,
        published=article.published,
        updated=None,
        content_hash="0" * 64,
    )
    return new_article_event(
        source="akhbar", revision=revision, article=article, now=NOW, event_id=event_id
    )


def make_delivery(delivery_id: str = "d1", *, webhook: str = "desk", attempts: int = 0) -> Delivery:
    event = make_event()
    return Delivery(
        id=delivery_id,
        event_id=event.id,
        event_type=event.type,
        webhook=webhook,
        body=encode_event(event),
        attempts=attempts,
    )


Handler = Callable[[httpx.Request], httpx.Response]


def client_for(handler: Handler, seen: list[httpx.Request] | None = None) -> httpx.Client:
    def record(request: httpx.Request) -> httpx.Response:
        if seen is not None:
            request.read()
            seen.append(request)
        return handler(request)

    return httpx.Client(transport=httpx.MockTransport(record))


def test_sign_known_vector() -> None:
    # HMAC-SHA256 test vector (key "key", the "quick brown fox" message).
    assert sign(b"The quick brown fox jumps over the lazy dog", "key") == (
        "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"
    )


def test_sign_uses_utf8_secret() -> None:
    body = '{"title":"خبر"}'.encode()
    expected = hmac.new(SECRET.encode("utf-8"), body, hashlib.sha256).hexdigest()
    assert sign(body, SECRET) == "sha256=" + expected


@pytest.mark.parametrize(
    ("body", "secret", "signature", "expected"),
    [
        pytest.param(b"abc", "k", sign(b"abc", "k"), True, id="valid"),
        pytest.param(b"abc", "k", sign(b"abc", "k") + "\n", True, id="valid-trailing-newline"),
        pytest.param(b"abd", "k", sign(b"abc", "k"), False, id="tampered-body"),
        pytest.param(b"abc", "other", sign(b"abc", "k"), False, id="wrong-secret"),
        pytest.param(b"abc", "k", sign(b"abc", "k")[7:], False, id="missing-prefix"),
        pytest.param(b"abc", "k", "sha256=é", False, id="non-ascii"),
        pytest.param(b"abc", "k", "", False, id="empty"),
    ],
)
def test_verify(body: bytes, secret: str, signature: str, expected: bool) -> None:
    assert verify(body, secret, signature) is expected


def test_post_delivery_signs_exact_bytes_and_sends_headers() -> None:
    seen: list[httpx.Request] = []
    delivery = make_delivery()
    with client_for(lambda r: httpx.Response(202), seen) as client:
        result = post_delivery(client, HOOK, delivery, now=NOW)
    assert result.ok is True
    assert result.status_code == 202
    assert result.error is None
    (request,) = seen
    assert request.method == "POST"
    assert str(request.url) == "https://hooks.example/in"
    assert request.content == delivery.body
    assert request.headers[SIGNATURE_HEADER] == sign(delivery.body, SECRET)
    assert verify(request.content, SECRET, request.headers[SIGNATURE_HEADER])
    assert request.headers[EVENT_HEADER] == "article.new"
    assert request.headers[DELIVERY_HEADER] == "d1"
    assert request.headers[TIMESTAMP_HEADER] == "1782907200"
    assert request.headers["content-type"] == "application/json"
    assert request.headers["user-agent"] == USER_AGENT
    assert USER_AGENT.startswith("scraper-webhook/")
    assert request.extensions["timeout"] == {"connect": 2.5, "read": 2.5, "write": 2.5, "pool": 2.5}


def test_post_delivery_non_2xx_keeps_status_and_body_snippet() -> None:
    answer = httpx.Response(503, text="down for\nmaintenance " + "x" * 500)
    with client_for(lambda r: answer) as client:
        result = post_delivery(client, HOOK, make_delivery(), now=NOW)
    assert result.ok is False
    assert result.status_code == 503
    assert result.error is not None
    assert result.error.startswith("HTTP 503 Service Unavailable: down for maintenance xxx")
    assert len(result.error) < 260


def test_post_delivery_does_not_follow_redirects() -> None:
    seen: list[httpx.Request] = []
    answer = httpx.Response(302, headers={"Location": "https://elsewhere.example/"})
    with client_for(lambda r: answer, seen) as client:
        result = post_delivery(client, HOOK, make_delivery(), now=NOW)
    assert (result.ok, result.status_code) == (False, 302)
    assert result.error == "HTTP 302 Found"
    assert len(seen) == 1


def _httpx_errors() -> list[type[Exception]]:
    """Every exception class httpx defines that sending a request can raise."""
    found: list[type[Exception]] = []
    for value in vars(httpx).values():
        if not (isinstance(value, type) and issubclass(value, Exception)):
            continue
        if value.__module__.startswith("httpx") and value is not httpx.CookieConflict:
            found.append(value)
    return sorted(found, key=lambda cls: cls.__name__)


def _instance(cls: type[Exception], request: httpx.Request) -> Exception:
    if issubclass(cls, httpx.HTTPStatusError):
        return cls("bad status", request=request, response=httpx.Response(500))
    if issubclass(cls, httpx.RequestError):
        return cls("boom", request=request)
    if issubclass(cls, httpx.StreamError) and cls is not httpx.StreamError:
        return cls()  # StreamConsumed, StreamClosed...: fixed messages
    return cls("boom")


@pytest.mark.parametrize("error_class", _httpx_errors(), ids=lambda cls: cls.__name__)
def test_every_httpx_error_becomes_a_failed_result(error_class: type[Exception]) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise _instance(error_class, request)

    with client_for(handler) as client:
        result = post_delivery(client, HOOK, make_delivery(), now=NOW)
    assert result.ok is False
    assert result.status_code is None
    assert result.error


@pytest.mark.parametrize(
    ("error", "message"),
    [
        pytest.param(httpx.ConnectError, "connection failed: boom", id="connect"),
        pytest.param(httpx.ConnectTimeout, "connect timeout after 2.5 s", id="connect-timeout"),
        pytest.param(httpx.ReadTimeout, "timeout after 2.5 s (ReadTimeout)", id="read-timeout"),
        pytest.param(
            httpx.RemoteProtocolError,
            "receiver broke the HTTP protocol: boom",
            id="protocol",
        ),
        pytest.param(httpx.ReadError, "network error (ReadError): boom", id="read-error"),
    ],
)
def test_error_messages_are_specific(error: type[httpx.RequestError], message: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise error("boom", request=request)

    with client_for(handler) as client:
        result = post_delivery(client, HOOK, make_delivery(), now=NOW)
    assert result.error == message


def test_invalid_webhook_url_is_a_failed_result() -> None:
    hook = dataclasses.replace(HOOK, url="ftp://hooks.example/in")
    with httpx.Client() as client:
        result = post_delivery(client, hook, make_delivery(), now=NOW)
    assert result.ok is False
    assert result.error is not None
    assert result.error.startswith("invalid webhook URL: ")


@pytest.mark.parametrize(
    ("attempts", "seconds"),
    [(0, 30.0), (1, 30.0), (2, 60.0), (3, 120.0), (7, 1920.0), (8, 3600.0), (10_000, 3600.0)],
)
def test_retry_delay_backs_off_to_one_hour(attempts: int, seconds: float) -> None:
    assert retry_delay(attempts) == seconds


def test_retry_delay_jitter_stays_in_bounds() -> None:
    rng = random.Random(7)
    delays = [retry_delay(3, jitter=0.5, rng=rng) for _ in range(50)]
    assert all(60.0 <= d <= 120.0 for d in delays)
    assert len(set(delays)) > 1


def test_deliver_pending_success_marks_delivered() -> None:
    outbox = MemoryOutbox(make_delivery("d1"), make_delivery("d2"))
    seen: list[httpx.Request] = []
    with client_for(lambda r: httpx.Response(204), seen) as client:
        stats = deliver_pending(outbox, client, {"desk": HOOK}, now=NOW)
    assert (stats.delivered, stats.failed, stats.skipped) == (2, 0, 0)
    assert [r.headers[DELIVERY_HEADER] for r in seen] == ["d1", "d2"]
    assert all(d.delivered_at == NOW for d in outbox.rows.values())
    assert outbox.pending_deliveries(now=NOW + timedelta(days=1)) == []


def test_deliver_pending_500_is_kept_and_backs_off() -> None:
    outbox = MemoryOutbox(make_delivery("d1"))
    with client_for(lambda r: httpx.Response(500)) as client:
        first = deliver_pending(outbox, client, {"desk": HOOK}, now=NOW)
        row = outbox.rows["d1"]
        assert (first.delivered, first.failed) == (0, 1)
        assert row.attempts == 1
        assert row.next_attempt_at == NOW + timedelta(seconds=retry_delay(1))
        assert row.next_attempt_at == NOW + timedelta(seconds=30)
        assert outbox.failures == [("d1", "HTTP 500 Internal Server Error", 500)]
        assert outbox.pending_deliveries(now=NOW + timedelta(seconds=29)) == []

        later = NOW + timedelta(seconds=30)
        second = deliver_pending(outbox, client, {"desk": HOOK}, now=later)
    assert second.failed == 1
    assert outbox.rows["d1"].attempts == 2
    assert outbox.rows["d1"].next_attempt_at == later + timedelta(seconds=60)


def test_deliver_pending_at_the_cap_keeps_retrying() -> None:
    outbox = MemoryOutbox(make_delivery("d1", attempts=500))
    with client_for(lambda r: httpx.Response(500)) as client:
        stats = deliver_pending(outbox, client, {"desk": HOOK}, now=NOW)
    assert stats.failed == 1
    assert outbox.rows["d1"].next_attempt_at == NOW + timedelta(hours=1)
    assert outbox.rows["d1"].delivered_at is None


def test_deliver_pending_connection_error_is_failed() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno 111] Connection refused", request=request)

    outbox = MemoryOutbox(make_delivery("d1"))
    with client_for(refuse) as client:
        stats = deliver_pending(outbox, client, {"desk": HOOK}, now=NOW)
    assert (stats.delivered, stats.failed, stats.skipped) == (0, 1, 0)
    assert outbox.failures == [("d1", "connection failed: [Errno 111] Connection refused", None)]
    assert outbox.rows["d1"].delivered_at is None


def test_unknown_webhook_is_not_attempted_and_stays_pending() -> None:
    seen: list[httpx.Request] = []
    outbox = MemoryOutbox(make_delivery("gone", webhook="removed"), make_delivery("d1"))
    with client_for(lambda r: httpx.Response(200), seen) as client:
        stats = deliver_pending(outbox, client, {"desk": HOOK}, now=NOW)
    assert (stats.delivered, stats.failed, stats.skipped) == (1, 0, 0)
    assert [r.headers[DELIVERY_HEADER] for r in seen] == ["d1"]
    assert [d.id for d in outbox.pending_deliveries(now=NOW)] == ["gone"]
    assert outbox.rows["gone"].attempts == 0


def test_deliver_pending_respects_limit() -> None:
    outbox = MemoryOutbox(*(make_delivery(f"d{i}") for i in range(5)))
    with client_for(lambda r: httpx.Response(200)) as client:
        stats = deliver_pending(outbox, client, {"desk": HOOK}, now=NOW, limit=3)
    assert stats.delivered == 3
    assert len(outbox.pending_deliveries(now=NOW)) == 2


def test_plan_deliveries_one_per_interested_webhook() -> None:
    event = make_event("ev7")
    hooks = [
        HOOK,
        Webhook(
            name="revisions", url="https://r.example/", secret="x", events=("article.revised",)
        ),
        Webhook(name="all", url="https://a.example/", secret="y"),
    ]
    ids = iter(["p1", "p2", "p3"])
    planned = plan_deliveries(event, hooks, delivery_ids=lambda: next(ids))
    assert [(d.id, d.webhook) for d in planned] == [("p1", "desk"), ("p2", "all")]
    assert all(d.body == encode_event(event) for d in planned)
    assert all((d.event_id, d.event_type, d.attempts) == ("ev7", "article.new", 0) for d in planned)
    assert planned[0].next_attempt_at is None


def test_an_unreachable_receiver_is_tried_once_per_run() -> None:
    seen: list[httpx.Request] = []
    outbox = MemoryOutbox(*(make_delivery(f"d{i}") for i in range(4)))

    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    with client_for(refuse, seen) as client:
        stats = deliver_pending(outbox, client, {"desk": HOOK}, now=NOW)
    assert (stats.delivered, stats.failed, stats.skipped) == (0, 1, 3)
    assert len(seen) == 1
    assert sorted(d.attempts for d in outbox.rows.values()) == [0, 0, 0, 1]


def test_deliver_pending_claims_each_delivery_for_its_timeout_and_a_margin() -> None:
    outbox = MemoryOutbox(make_delivery("d1"))
    with client_for(lambda r: httpx.Response(204), []) as client:
        deliver_pending(outbox, client, {"desk": HOOK}, now=NOW)
    assert outbox.claims == [("d1", NOW + timedelta(seconds=2.5 + 60))]


def test_deliver_pending_skips_a_delivery_another_process_claimed() -> None:
    class Claimed(MemoryOutbox):
        def claim_delivery(self, delivery_id: str, *, now: datetime, until: datetime) -> bool:
            return delivery_id != "d1"

    outbox = Claimed(make_delivery("d1"), make_delivery("d2"))
    seen: list[httpx.Request] = []
    with client_for(lambda r: httpx.Response(204), seen) as client:
        stats = deliver_pending(outbox, client, {"desk": HOOK}, now=NOW)
    assert [r.headers[DELIVERY_HEADER] for r in seen] == ["d2"]
    assert (stats.delivered, stats.failed, stats.skipped, stats.busy) == (1, 0, 0, 1)
    assert outbox.rows["d1"].delivered_at is None


def test_a_long_run_claims_and_records_each_delivery_at_its_own_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A slow receiver makes a run last minutes: the second delivery starts 100 s in.
    ticks = iter([0.0, 0.2, 100.4, 100.5])
    monkeypatch.setattr("scraper.notify.outbox.time.monotonic", lambda: next(ticks))
    outbox = MemoryOutbox(make_delivery("d1"), make_delivery("d2"))
    with client_for(lambda r: httpx.Response(204), []) as client:
        deliver_pending(outbox, client, {"desk": HOOK}, now=NOW)
    assert outbox.claims == [
        ("d1", NOW + timedelta(seconds=62.5)),
        ("d2", NOW + timedelta(seconds=100 + 62.5)),
    ]
    assert outbox.rows["d2"].delivered_at == NOW + timedelta(seconds=100)


def test_deliver_pending_starts_nothing_once_stopping() -> None:
    outbox = MemoryOutbox(make_delivery("d1"), make_delivery("d2"), make_delivery("d3"))
    stop = threading.Event()
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        stop.set()  # the daemon is told to stop while the first POST is in flight
        return httpx.Response(204)

    with client_for(answer, seen) as client:
        stats = deliver_pending(outbox, client, {"desk": HOOK}, now=NOW, stop=stop)
    assert [r.headers[DELIVERY_HEADER] for r in seen] == ["d1"]
    assert stats.delivered == 1
    assert [d.id for d in outbox.pending_deliveries(now=NOW)] == ["d2", "d3"]
