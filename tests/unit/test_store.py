from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from scraper.errors import StoreError
from scraper.models import Article, Delivery, ErrorRecord, Event, Revision, Source, Validators
from scraper.store import Store

T0 = datetime(2026, 11, 29, 6, 0, tzinfo=UTC)
CAIRO = timezone(timedelta(hours=2))
URL = "https://nile.example/news/1"


def _revision(number: int, body: str) -> Revision:
    return Revision(
        url=URL,
        number=number,
        fetched_at=T0 + timedelta(hours=number),
        title="عنوان",
        body=body,
        published=datetime(2026, 11, 29, 8, 15, tzinfo=CAIRO),
        updated=None,
        content_hash=f"h{number}",
        changed=("body",) if number > 1 else (),
    )


def _event(event_id: str) -> Event:
    return Event(event_id, "article.new", T0, "nile", {"article": {"url": URL}})


def test_revisions_round_trip_and_keep_the_page_offset() -> None:
    store = Store(":memory:")
    article = Article(url=URL, canonical_url=URL, title="عنوان", body="فقرة", language="ar")
    store.save_revision(
        source="nile",
        article=article,
        revision=_revision(1, "فقرة"),
        diff="",
        aliases=[URL + "?utm_source=rss"],
    )
    store.save_revision(
        source="nile", article=article, revision=_revision(2, "فقرة\n\nجديدة"), diff="+جديدة"
    )
    revisions = store.revisions(store.resolve(URL + "?utm_source=rss") or "")
    assert [r.number for r in revisions] == [1, 2]
    assert revisions[0].published == datetime(2026, 11, 29, 8, 15, tzinfo=CAIRO)
    assert revisions[0].published.utcoffset() == timedelta(hours=2)  # type: ignore[union-attr]
    assert revisions[1].changed == ("body",)
    assert store.revision_diff(URL, 2) == "+جديدة"
    (row,) = store.articles()
    assert (row["revisions"], row["language"]) == (2, "ar")


def test_a_failed_write_leaves_nothing_behind() -> None:
    store = Store(":memory:")
    article = Article(url=URL, canonical_url=URL, title="t", body="b")
    delivery = Delivery("d1", "e1", "article.new", "hook", b"{}")
    store.save_revision(
        source="s",
        article=article,
        revision=_revision(1, "b"),
        diff="",
        events=[_event("e1")],
        deliveries=[delivery],
    )
    with pytest.raises(StoreError):  # duplicate revision number: the whole write fails
        store.save_revision(
            source="s",
            article=article,
            revision=_revision(1, "b2"),
            diff="",
            events=[_event("e2")],
            deliveries=[Delivery("d2", "e2", "x", "hook", b"")],
        )
    assert [e["id"] for e in store.events()] == ["e1"]
    assert [d.id for d in store.deliveries()] == ["d1"]


def test_outbox_keeps_failed_deliveries_until_due(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with Store(db) as store:
        store.add_events([_event("e1")], [Delivery("d1", "e1", "article.new", "hook", b"{1}")])
        store.mark_failed(
            "d1",
            at=T0,
            error="HTTP 503",
            status_code=503,
            next_attempt_at=T0 + timedelta(seconds=30),
        )
    with Store(db) as store:  # survives a restart
        assert store.pending_deliveries(now=T0 + timedelta(seconds=10)) == []
        (due,) = store.pending_deliveries(now=T0 + timedelta(seconds=31))
        assert (due.attempts, due.body) == (1, b"{1}")
        assert "HTTP 503" in (due.last_error or "")
        store.mark_delivered("d1", at=T0, status_code=200)
        assert store.deliveries(pending_only=True) == []


def test_source_state_counts_failures_and_baseline() -> None:
    store = Store(":memory:")
    source = Source(name="nile", url="https://nile.example/feed")
    assert store.source_state(source).first_polled_at is None
    store.record_check(source, at=T0, error="timed out", completed_poll=False)
    store.record_check(source, at=T0, error="timed out", completed_poll=False)
    state = store.source_state(source)
    assert (state.consecutive_failures, state.checks, state.first_polled_at) == (2, 2, None)
    store.record_check(source, at=T0 + timedelta(minutes=5), error=None, completed_poll=True)
    state = store.source_state(source)
    assert (state.consecutive_failures, state.last_error) == (0, None)
    assert state.first_polled_at == T0 + timedelta(minutes=5)


def test_validators_and_errors() -> None:
    store = Store(":memory:")
    store.save_validators(URL, Validators(etag='"abc"', last_modified=None), at=T0)
    assert store.validators(URL) == Validators(etag='"abc"', last_modified=None)
    store.save_validators(URL, Validators(), at=T0)
    assert store.validators(URL) is None
    store.record_error(ErrorRecord("nile", URL, T0, "FetchTimeout", "timed out after 20 s"))
    (error,) = store.errors(source="nile")
    assert (error.kind, error.at) == ("FetchTimeout", T0)
    assert store.errors(source="other") == []


def test_unopenable_database_is_a_store_error(tmp_path: Path) -> None:
    (tmp_path / "dir.db").mkdir()
    with pytest.raises(StoreError, match="cannot open database"):
        Store(tmp_path / "dir.db")
