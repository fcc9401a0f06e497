"""Webhook payloads (scraper.events): the JSON contract, its bytes and routing."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from scraper.diff import compare, content_hash
from scraper.events import (
    encode_event,
    followup_event,
    new_article_event,
    revised_article_event,
    wants,
)
from scraper.models import Article, Change, Event, Revision, Webhook

NOW = datetime(2026, 5, 2, 9, 15, 30, tzinfo=UTC)
CAIRO = timezone(timedelta(hours=2))
PUBLISHED = datetime(2026, 5, 2, 7, 0, tzinfo=CAIRO)

ARTICLE = Article(
    url="https://akhbar.example/local/rain?utm_source=x",
    canonical_url="https://akhbar.example/local/rain",
    title="أمطار غزيرة تغلق طرق المدينة",
    body="أغلقت السلطات ثلاثة طرق صباح اليوم.\n\nوتعمل فرق الصيانة منذ الفجر.",
    published=PUBLISHED,
    updated=None,
    language="ar",
)


def stored(number: int = 1) -> Revision:
    return Revision(
        url=ARTICLE.canonical_url,
        number=number,
        fetched_at=NOW,
        title=ARTICLE.title,
        body=ARTICLE.body,
        published=ARTICLE.published,
        updated=ARTICLE.updated,
        content_hash=content_hash(ARTICLE.title, ARTICLE.body),
    )


EXPECTED_ARTICLE = {
    "url": "https://akhbar.example/local/rain?utm_source=x",
    "title": "أمطار غزيرة تغلق طرق المدينة",
    "published": "2026-05-02T07:00:00+02:00",
    "updated": None,
    "revision": 1,
    "language": "ar",
    "canonical_url": "https://akhbar.example/local/rain",
}


def test_new_article_event_payload() -> None:
    event = new_article_event(
        source="akhbar", revision=stored(), article=ARTICLE, now=NOW, event_id="e1"
    )
    assert event.id == "e1"
    assert event.type == "article.new"
    assert event.created_at == NOW
    assert event.source == "akhbar"
    assert dict(event.payload) == {
        "id": "e1",
        "type": "article.new",
        "created_at": "2026-05-02T09:15:30+00:00",
        "source": "akhbar",
        "article": EXPECTED_ARTICLE,
    }


def test_event_id_defaults_to_unique_uuid4_hex() -> None:
    first = new_article_event(source="s", revision=stored(), article=ARTICLE, now=NOW)
    second = new_article_event(source="s", revision=stored(), article=ARTICLE, now=NOW)
    assert re.fullmatch(r"[0-9a-f]{32}", first.id)
    assert first.id[12] == "4"
    assert first.id != second.id
    assert first.payload["id"] == first.id


def test_created_at_is_converted_to_utc() -> None:
    local_now = NOW.astimezone(CAIRO)
    event = new_article_event(source="s", revision=stored(), article=ARTICLE, now=local_now)
    assert event.payload["created_at"] == "2026-05-02T09:15:30+00:00"
    assert event.created_at.utcoffset() == timedelta(0)


def test_revised_article_event_has_diff_and_changed() -> None:
    previous = stored(1)
    edited = Article(
        url=ARTICLE.url,
        canonical_url=ARTICLE.canonical_url,
        title=ARTICLE.title,
        body=ARTICLE.body.replace("ثلاثة", "أربعة"),
        published=PUBLISHED,
        updated=datetime(2026, 5, 2, 8, 40, tzinfo=CAIRO),
        language="ar",
    )
    change = compare(previous, edited)
    assert change is not None
    event = revised_article_event(
        source="akhbar", revision=stored(2), article=edited, change=change, now=NOW
    )
    payload = event.payload
    assert event.type == "article.revised"
    assert payload["type"] == "article.revised"
    assert payload["changed"] == ["body", "updated"]
    assert payload["diff"] == change.diff
    assert "+أغلقت السلطات أربعة طرق صباح اليوم." in payload["diff"].splitlines()
    assert payload["article"]["revision"] == 2
    assert payload["article"]["updated"] == "2026-05-02T08:40:00+02:00"


def test_followup_event_story_object() -> None:
    story: dict[str, Any] = {
        "id": 17,
        "label": "فيضانات المدينة القديمة",
        "score": 0.82,
        "evidence": {"shared_terms": ("أمطار", "طرق"), "linked": True, "seen": PUBLISHED},
        "previous": [
            {
                "url": "https://akhbar.example/a/1",
                "title": "تحذير من أمطار",
                "published": PUBLISHED,
            },
            Article(
                url="https://akhbar.example/a/2",
                canonical_url="https://akhbar.example/a/2",
                title="إغلاق مدرسة",
                body="",
                published=None,
            ),
        ],
    }
    event = followup_event(
        source="akhbar", revision=stored(), article=ARTICLE, story=story, now=NOW, event_id="f1"
    )
    assert event.payload["type"] == "story.followup"
    assert event.payload["story"] == {
        "id": 17,
        "label": "فيضانات المدينة القديمة",
        "score": 0.82,
        "evidence": {
            "shared_terms": ["أمطار", "طرق"],
            "linked": True,
            "seen": "2026-05-02T07:00:00+02:00",
        },
        "previous": [
            {
                "url": "https://akhbar.example/a/1",
                "title": "تحذير من أمطار",
                "published": "2026-05-02T07:00:00+02:00",
            },
            {"url": "https://akhbar.example/a/2", "title": "إغلاق مدرسة", "published": None},
        ],
    }
    assert json.loads(encode_event(event)) == event.payload


def test_encode_event_exact_bytes() -> None:
    event = new_article_event(
        source="akhbar", revision=stored(), article=ARTICLE, now=NOW, event_id="e1"
    )
    body = encode_event(event)
    assert body.startswith(b'{"article":{"canonical_url":"https://akhbar.example/local/rain",')
    assert body.endswith(b',"id":"e1","source":"akhbar","type":"article.new"}')
    assert "أمطار غزيرة".encode() in body
    assert b"\\u" not in body
    assert b" " not in body.replace("أمطار غزيرة تغلق طرق المدينة".encode(), b"")
    assert json.loads(body.decode("utf-8")) == event.payload
    assert encode_event(event) == body


def _event(event_type: str, label: str = "", terms: tuple[str, ...] = ()) -> Event:
    payload: dict[str, Any] = {"type": event_type}
    if event_type == "story.followup":
        payload["story"] = {"label": label, "evidence": {"shared_terms": list(terms)}}
    return Event(id="x", type=event_type, created_at=NOW, source="s", payload=payload)


HOOK = Webhook(name="h", url="http://127.0.0.1:9/hook", secret="s3cret")


@pytest.mark.parametrize(
    ("webhook", "event", "followed", "expected"),
    [
        pytest.param(HOOK, _event("article.new"), False, True, id="default-new"),
        pytest.param(HOOK, _event("article.revised"), False, True, id="default-revised"),
        pytest.param(HOOK, _event("story.followup", "x"), True, False, id="default-no-followup"),
        pytest.param(
            Webhook(name="h", url="u", secret="s", events=("article.revised",)),
            _event("article.new"),
            False,
            False,
            id="type-filtered-out",
        ),
        pytest.param(
            Webhook(name="h", url="u", secret="s", events=("story.followup",)),
            _event("story.followup", "Budget vote"),
            False,
            True,
            id="followup-no-filters",
        ),
        pytest.param(
            Webhook(name="h", url="u", secret="s", events=("story.followup",), followed_only=True),
            _event("story.followup", "Budget vote"),
            False,
            False,
            id="followed-only-not-followed",
        ),
        pytest.param(
            Webhook(name="h", url="u", secret="s", events=("story.followup",), followed_only=True),
            _event("story.followup", "Budget vote"),
            True,
            True,
            id="followed-only-followed",
        ),
        pytest.param(
            Webhook(
                name="h", url="u", secret="s", events=("story.followup",), keywords=("BUDGET",)
            ),
            _event("story.followup", "City budget vote"),
            False,
            True,
            id="keyword-case-insensitive",
        ),
        pytest.param(
            Webhook(name="h", url="u", secret="s", events=("story.followup",), keywords=("flood",)),
            _event("story.followup", "City budget vote"),
            False,
            False,
            id="keyword-missing",
        ),
        pytest.param(
            Webhook(
                name="h", url="u", secret="s", events=("story.followup",), keywords=("فيضانات",)
            ),
            _event("story.followup", "فيضـــانات المدينة"),
            False,
            True,
            id="arabic-keyword-with-tatweel-label",
        ),
        pytest.param(
            Webhook(name="h", url="u", secret="s", events=("story.followup",), keywords=("Flood",)),
            _event("story.followup", "City council", terms=("budget", "flooding")),
            False,
            True,
            id="keyword-in-shared-terms",
        ),
        pytest.param(
            Webhook(name="h", url="u", secret="s", events=("article.new",), keywords=("flood",)),
            _event("article.new"),
            False,
            True,
            id="keywords-only-apply-to-followups",
        ),
    ],
)
def test_wants(webhook: Webhook, event: Event, followed: bool, expected: bool) -> None:
    assert wants(webhook, event, followed=followed) is expected


def test_title_only_revision_payload() -> None:
    event = revised_article_event(
        source="s",
        revision=stored(2),
        article=ARTICLE,
        change=Change(changed=("title",), diff=""),
        now=NOW,
        event_id="r",
    )
    assert json.loads(encode_event(event))["changed"] == ["title"]
    assert json.loads(encode_event(event))["diff"] == ""
