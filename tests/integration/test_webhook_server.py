"""Signed webhook delivery to a real receiver on 127.0.0.1 (the `receiver` fixture)."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime, timedelta

import httpx
from fakes import MemoryOutbox
from localserver import LocalSite, Route

from scraper.diff import compare, content_hash
from scraper.events import encode_event, revised_article_event
from scraper.models import Article, Event, Revision, Webhook
from scraper.notify import (
    DELIVERY_HEADER,
    EVENT_HEADER,
    SIGNATURE_HEADER,
    deliver_pending,
    plan_deliveries,
    retry_delay,
    verify,
)

NOW = datetime(2026, 9, 9, 6, 30, tzinfo=UTC)
SECRET = "مفتاح-سري-للاختبار"
OLD_BODY = "أعلنت الوزارة تأجيل الامتحانات أسبوعا.\n\nوسيتم نشر الجدول الجديد لاحقا."
NEW_BODY = OLD_BODY.replace("أسبوعا", "أسبوعين")


def revised_event() -> Event:
    previous = Revision(
        url="https://akhbar.example/edu/exams",
        number=1,
        fetched_at=NOW - timedelta(hours=3),
        title="تأجيل الامتحانات",
        body=OLD_BODY,
        published=NOW - timedelta(hours=4),
        updated=None,
        content_hash=content_hash("تأجيل الامتحانات", OLD_BODY),
    )
    article = Article(
        url="https://akhbar.example/edu/exams",
        canonical_url="https://akhbar.example/edu/exams",
        title="تأجيل الامتحانات",
        body=NEW_BODY,
        published=previous.published,
        language="ar",
    )
    change = compare(previous, article)
    assert change is not None
    revision = dataclasses.replace(
        previous, number=2, fetched_at=NOW, body=NEW_BODY, changed=change.changed
    )
    return revised_article_event(
        source="akhbar", revision=revision, article=article, change=change, now=NOW
    )


def setup(receiver: LocalSite) -> tuple[Event, Webhook, MemoryOutbox]:
    event = revised_event()
    hook = Webhook(
        name="desk",
        url=receiver.url("/hook"),
        secret=SECRET,
        events=("article.revised",),
        timeout=5.0,
    )
    outbox = MemoryOutbox(*plan_deliveries(event, [hook]))
    return event, hook, outbox


def test_post_arrives_signed_with_exact_bytes(receiver: LocalSite) -> None:
    receiver.routes["/hook"] = Route(body=b"ok", content_type="text/plain")
    event, hook, outbox = setup(receiver)
    with httpx.Client() as client:
        stats = deliver_pending(outbox, client, {"desk": hook}, now=NOW)
    assert (stats.delivered, stats.failed, stats.skipped) == (1, 0, 0)
    (request,) = receiver.requests_to("/hook", "POST")
    assert request.body == encode_event(event)
    assert verify(request.body, SECRET, request.headers[SIGNATURE_HEADER.lower()])
    assert not verify(request.body, "wrong secret", request.headers[SIGNATURE_HEADER.lower()])
    assert request.headers[EVENT_HEADER.lower()] == "article.revised"
    (delivery,) = outbox.rows.values()
    assert request.headers[DELIVERY_HEADER.lower()] == delivery.id
    payload = json.loads(request.body)
    assert payload["id"] == event.id
    assert payload["changed"] == ["body"]
    assert "+أعلنت الوزارة تأجيل الامتحانات أسبوعين." in payload["diff"].splitlines()
    assert outbox.statuses == [200]


def test_503_then_200_is_delivered_once_on_second_run(receiver: LocalSite) -> None:
    receiver.routes["/hook"] = Route(body=b"busy", status=503, content_type="text/plain")
    _, hook, outbox = setup(receiver)
    with httpx.Client() as client:
        first = deliver_pending(outbox, client, {"desk": hook}, now=NOW)
        (delivery,) = outbox.rows.values()
        assert (first.delivered, first.failed) == (0, 1)
        assert delivery.last_error == "HTTP 503 Service Unavailable: busy"
        assert delivery.next_attempt_at == NOW + timedelta(seconds=retry_delay(1))

        receiver.routes["/hook"] = Route(body=b"", status=200)
        too_early = deliver_pending(outbox, client, {"desk": hook}, now=NOW + timedelta(seconds=5))
        assert (too_early.delivered, too_early.failed) == (0, 0)

        second_at = NOW + timedelta(seconds=30)
        second = deliver_pending(outbox, client, {"desk": hook}, now=second_at)
        third = deliver_pending(outbox, client, {"desk": hook}, now=second_at + timedelta(hours=2))
    assert (second.delivered, second.failed) == (1, 0)
    assert (third.delivered, third.failed) == (0, 0)
    posts = receiver.requests_to("/hook", "POST")
    assert len(posts) == 2
    assert posts[0].body == posts[1].body
    assert posts[0].headers[DELIVERY_HEADER.lower()] == posts[1].headers[DELIVERY_HEADER.lower()]
    assert outbox.statuses == [503, 200]
    assert outbox.rows[delivery.id].delivered_at == second_at
    assert outbox.rows[delivery.id].attempts == 2


def test_stopped_receiver_fails_and_is_kept(receiver: LocalSite) -> None:
    _, hook, outbox = setup(receiver)
    receiver.stop()
    with httpx.Client() as client:
        stats = deliver_pending(outbox, client, {"desk": hook}, now=NOW)
    assert (stats.delivered, stats.failed, stats.skipped) == (0, 1, 0)
    (delivery,) = outbox.rows.values()
    assert delivery.delivered_at is None
    assert delivery.attempts == 1
    assert delivery.last_error is not None
    assert delivery.last_error.startswith("connection failed: ")
    assert outbox.statuses == [None]
    assert outbox.pending_deliveries(now=NOW + timedelta(seconds=30)) == [delivery]
