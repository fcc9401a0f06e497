"""Store side of removed articles: migration 3, the removal mark and its log."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from scraper.errors import StoreError
from scraper.models import Article, Event, Revision
from scraper.store import Store
from scraper.store.schema import MIGRATIONS

T0 = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
URL = "https://wadi.example/akhbar/2026/11/30/jisr-al-madina"
TITLE = "افتتاح الجسر الجديد فوق النهر بعد عامين من العمل"


def _revision(number: int, body: str) -> Revision:
    return Revision(
        url=URL,
        number=number,
        fetched_at=T0 + timedelta(hours=number - 1),
        title=TITLE,
        body=body,
        published=datetime(2026, 11, 30, 7, 30, tzinfo=UTC),
        updated=None,
        content_hash=f"hash-{number}",
        changed=("body",) if number > 1 else (),
    )


def _stored(store: Store, revisions: int = 1) -> None:
    article = Article(url=URL, canonical_url=URL, title=TITLE, body="نص", language="ar")
    for number in range(1, revisions + 1):
        store.save_revision(
            source="wadi",
            article=article,
            revision=_revision(number, f"نص الخبر، النسخة {number}"),
            diff="",
        )


def _event(event_id: str, event_type: str) -> Event:
    return Event(event_id, event_type, T0, "wadi", {"article": {"url": URL}})


def test_a_new_database_has_the_removal_columns_and_table() -> None:
    store = Store(":memory:")
    assert store.schema_version == len(MIGRATIONS) == 5
    columns = {r["name"] for r in store._rows("PRAGMA table_info(articles)")}
    assert {"removed_at", "removed_status"} <= columns
    removal_columns = [r["name"] for r in store._rows("PRAGMA table_info(removals)")]
    assert removal_columns == ["id", "url", "removed_at", "status", "revision", "restored_at"]


def test_a_database_of_schema_version_2_is_migrated_keeping_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for script in MIGRATIONS[:2]:
        conn.executescript(script)
    conn.execute("PRAGMA user_version = 2")
    conn.execute(
        "INSERT INTO articles (url, source, first_seen, last_checked, last_changed, title, "
        "revisions, content_hash) VALUES (?, 'wadi', ?, ?, ?, ?, 1, 'hash-1')",
        (URL, T0.isoformat(), T0.isoformat(), T0.isoformat(), TITLE),
    )
    conn.execute(
        "INSERT INTO revisions (url, number, fetched_at, title, body, content_hash, changed) "
        "VALUES (?, 1, ?, ?, 'نص قديم', 'hash-1', '[]')",
        (URL, T0.isoformat(), TITLE),
    )
    conn.commit()
    conn.close()

    with Store(path) as store:
        assert store.schema_version == len(MIGRATIONS)
        assert [r.title for r in store.revisions(URL)] == [TITLE]
        assert store.removal(URL) is None
        assert store.removals(URL) == []
        assert store.mark_removed(URL, at=T0 + timedelta(days=1), status=410, revision=1)
    with Store(path) as reopened:  # migrating again is a no-op
        assert reopened.schema_version == len(MIGRATIONS)
        (period,) = reopened.removals(URL)
    assert (period.status, period.removed_at, period.restored_at) == (
        410,
        T0 + timedelta(days=1),
        None,
    )


def test_mark_removed_writes_the_mark_and_its_event_once() -> None:
    store = Store(":memory:")
    _stored(store, revisions=2)
    gone_at = T0 + timedelta(hours=5)
    assert store.mark_removed(
        URL, at=gone_at, status=404, revision=2, events=[_event("ev-r1", "article.removed")]
    )
    again = store.mark_removed(
        URL,
        at=gone_at + timedelta(hours=1),
        status=410,
        revision=2,
        events=[_event("ev-r2", "article.removed")],
    )
    assert again is False
    removal = store.removal(URL)
    assert removal is not None
    assert (removal.removed_at, removal.status, removal.revision) == (gone_at, 404, 2)
    assert [e["id"] for e in store.events(type="article.removed")] == ["ev-r1"]
    row = store._rows("SELECT removed_at, removed_status, last_checked FROM articles")[0]
    assert row == {
        "removed_at": gone_at.isoformat(),
        "removed_status": 404,
        "last_checked": gone_at.isoformat(),
    }


def test_clear_removed_closes_the_period_and_a_later_removal_opens_another() -> None:
    store = Store(":memory:")
    _stored(store)
    gone_at, back_at, gone_again = (T0 + timedelta(hours=h) for h in (2, 6, 30))
    store.mark_removed(URL, at=gone_at, status=410, revision=1)
    closed = store.clear_removed(URL, at=back_at, events=[_event("ev-b", "article.restored")])
    assert closed is not None
    assert (closed.removed_at, closed.restored_at, closed.status) == (gone_at, back_at, 410)
    assert store.removal(URL) is None
    assert store.clear_removed(URL, at=back_at + timedelta(hours=1)) is None
    assert [e["type"] for e in store.events()] == ["article.restored"]
    row = store._rows("SELECT removed_at, removed_status FROM articles")[0]
    assert row == {"removed_at": None, "removed_status": None}

    assert store.mark_removed(URL, at=gone_again, status=404, revision=1)
    periods = store.removals(URL)
    assert [(p.removed_at, p.status, p.restored_at) for p in periods] == [
        (gone_at, 410, back_at),
        (gone_again, 404, None),
    ]


def test_a_failed_mark_writes_nothing() -> None:
    store = Store(":memory:")
    _stored(store)
    store.add_events([_event("dup", "article.new")], [])
    with pytest.raises(StoreError):
        store.mark_removed(URL, at=T0, status=410, revision=1, events=[_event("dup", "x")])
    assert store.removal(URL) is None
    assert store.removals(URL) == []
    assert store._rows("SELECT removed_at FROM articles")[0]["removed_at"] is None


def test_stored_article_is_the_latest_revision_with_its_metadata() -> None:
    store = Store(":memory:")
    _stored(store, revisions=3)
    article = store.stored_article(URL)
    assert article is not None
    assert (article.url, article.canonical_url, article.title) == (URL, URL, TITLE)
    assert article.body == "نص الخبر، النسخة 3"
    assert article.language == "ar"
    assert article.published == datetime(2026, 11, 30, 7, 30, tzinfo=UTC)
    assert store.stored_article("https://wadi.example/none") is None


def test_host_holds_are_kept_the_latest_until_winning(tmp_path: Path) -> None:
    with Store(tmp_path / "scraper.db") as store:
        store.save_host_hold("busy.example", until=T0 + timedelta(hours=1), status=429)
        store.save_host_hold("busy.example", until=T0 + timedelta(minutes=5), status=503)
        store.save_host_hold("old.example", until=T0 - timedelta(minutes=1), status=429)
    with Store(tmp_path / "scraper.db") as reopened:
        assert reopened.host_holds(now=T0) == {"busy.example": (T0 + timedelta(hours=1), 429)}
