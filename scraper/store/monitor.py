"""Queries for sources, the conditional-GET cache, articles, revisions and errors."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from ..errors import RevisionConflict
from ..models import (
    Article,
    Delivery,
    ErrorRecord,
    Event,
    Revision,
    Source,
    SourceState,
    Validators,
)
from .base import StoreBase, dt, guarded, iso_keep_zone, ts
from .outbox import insert_outbox


class MonitorQueries(StoreBase):
    """Sources, HTTP validators, articles and their revisions, per-source errors."""

    # -- sources -----------------------------------------------------------------

    @guarded
    def source_state(self, source: Source) -> SourceState:
        """The remembered state of ``source`` (a fresh state when never checked)."""
        rows = self._rows("SELECT * FROM sources WHERE name = ?", (source.name,))
        if not rows:
            return SourceState(name=source.name, url=source.url, kind=source.kind)
        return _state(rows[0])

    @guarded
    def source_states(self) -> list[SourceState]:
        """Every source ever checked, by name."""
        return [_state(r) for r in self._rows("SELECT * FROM sources ORDER BY name")]

    @guarded
    def record_check(
        self, source: Source, *, at: datetime, error: str | None, completed_poll: bool
    ) -> None:
        """Record that ``source`` was checked at ``at`` (aware UTC).

        Args:
            source: the configured source.
            at: when the check finished.
            error: the source-level error message, or None on success.
            completed_poll: the source's entries were read (sets ``first_polled_at``
                once, ending the baseline).
        """
        state = self.source_state(source)
        row: dict[str, Any] = {
            "name": source.name,
            "url": source.url,
            "kind": source.kind,
            "last_checked_at": ts(at),
            "checks": state.checks + 1,
            "first_polled_at": ts(state.first_polled_at) or (ts(at) if completed_poll else None),
        }
        if error is None:
            row.update(last_ok_at=ts(at), last_error=None, consecutive_failures=0)
        else:
            row.update(
                last_error=error,
                last_error_at=ts(at),
                consecutive_failures=state.consecutive_failures + 1,
            )
        self._db.table("sources").upsert(row, pk="name")

    # -- conditional GET cache ---------------------------------------------------

    @guarded
    def validators(self, url: str) -> Validators | None:
        """The ETag / Last-Modified last seen for ``url``, or None."""
        rows = self._rows("SELECT etag, last_modified FROM http_cache WHERE url = ?", (url,))
        if not rows:
            return None
        return Validators(etag=rows[0]["etag"], last_modified=rows[0]["last_modified"])

    @guarded
    def save_validators(self, url: str, validators: Validators, *, at: datetime) -> None:
        """Remember the validators of ``url`` for the next conditional GET."""
        if validators.etag is None and validators.last_modified is None:
            self._db.execute("DELETE FROM http_cache WHERE url = ?", (url,))
            return
        self._db.table("http_cache").upsert(
            {
                "url": url,
                "etag": validators.etag,
                "last_modified": validators.last_modified,
                "updated_at": ts(at),
            },
            pk="url",
        )

    # -- articles and revisions ----------------------------------------------------

    @guarded
    def resolve(self, url: str) -> str | None:
        """The canonical article URL stored for ``url`` (itself or an alias), or None."""
        rows = self._rows(
            "SELECT url FROM articles WHERE url = ? "
            "UNION ALL SELECT article_url FROM aliases WHERE url = ? LIMIT 1",
            (url, url),
        )
        return rows[0]["url"] if rows else None

    @guarded
    def save_host_hold(self, host: str, *, until: datetime, status: int) -> None:
        """Remember that ``host`` asked (HTTP ``status`` 429/503 with ``Retry-After``)
        to get no request before ``until`` (aware); a later ``until`` already stored wins."""
        self._db.execute(
            "INSERT INTO host_holds (host, until, status) VALUES (?, ?, ?) "
            "ON CONFLICT(host) DO UPDATE SET until = MAX(until, excluded.until), "
            "status = CASE WHEN excluded.until > until THEN excluded.status ELSE status END",
            (host, ts(until), status),
        )

    @guarded
    def host_holds(self, *, now: datetime) -> dict[str, tuple[datetime, int]]:
        """Hosts still asking to be left alone at ``now``: host -> (until, HTTP status)."""
        rows = self._rows("SELECT * FROM host_holds WHERE until > ?", (ts(now),))
        return {
            str(r["host"]): (datetime.fromisoformat(r["until"]), int(r["status"])) for r in rows
        }

    @guarded
    def latest_revision(self, url: str) -> Revision | None:
        """The newest revision of the article at (canonical or alias) ``url``, or None."""
        rows = self._rows(
            "SELECT * FROM revisions WHERE url = ? ORDER BY number DESC LIMIT 1", (url,)
        )
        return _revision(rows[0]) if rows else None

    @guarded
    def revisions(self, url: str) -> list[Revision]:
        """Every revision of the article, oldest first (empty when unknown)."""
        rows = self._rows("SELECT * FROM revisions WHERE url = ? ORDER BY number", (url,))
        return [_revision(r) for r in rows]

    @guarded
    def revision_diff(self, url: str, number: int) -> str:
        """The stored unified diff from revision ``number - 1`` to ``number`` ("" for 1)."""
        rows = self._rows("SELECT diff FROM revisions WHERE url = ? AND number = ?", (url, number))
        return str(rows[0]["diff"]) if rows else ""

    @guarded
    def save_revision(
        self,
        *,
        source: str,
        article: Article,
        revision: Revision,
        diff: str,
        events: Sequence[Event] = (),
        deliveries: Sequence[Delivery] = (),
        aliases: Sequence[str] = (),
    ) -> None:
        """Store a new revision with its events and pending deliveries, atomically.

        Either all of it is written or none: a crash never leaves a revision
        without its alert, nor an alert without its revision.

        Args:
            source: the source name that found the article.
            article: the extracted article (for the article row's metadata).
            revision: the revision to add; ``revision.url`` is the article key and
                ``revision.number`` must be the latest number + 1.
            diff: unified diff from the previous revision ("" for the first).
            events: events produced by this revision (outbox).
            deliveries: one pending delivery per (event, webhook) that wants it.
            aliases: other URLs (as fetched, as listed in feeds) of this article.

        Raises:
            RevisionConflict: the newest stored revision is not ``revision.number - 1``:
                another process stored one meanwhile (nothing is written).
            StoreError: on any database error (nothing is written).
        """
        with self._transaction() as db:
            row = db.execute(
                "SELECT MAX(number) FROM revisions WHERE url = ?", (revision.url,)
            ).fetchone()
            if (row[0] or 0) != revision.number - 1:
                raise RevisionConflict(
                    f"revision {row[0]} of {revision.url} was stored by another process"
                )
            db.table("revisions").insert(_revision_row(revision, diff))
            row = _article_row(source, article, revision)
            if revision.number == 1:
                db.table("articles").upsert(row, pk="url")
            else:
                db.table("articles").update(revision.url, row)
            for alias in aliases:
                if alias != revision.url:
                    db.table("aliases").upsert(
                        {"url": alias, "article_url": revision.url}, pk="url"
                    )
            insert_outbox(db, events, deliveries)

    @guarded
    def touch_article(self, url: str, *, at: datetime, aliases: Sequence[str] = ()) -> None:
        """Record that the article was checked at ``at`` and had not changed."""
        with self._transaction() as db:
            db.execute("UPDATE articles SET last_checked = ? WHERE url = ?", (ts(at), url))
            for alias in aliases:
                if alias != url:
                    db.table("aliases").upsert({"url": alias, "article_url": url}, pk="url")

    @guarded
    def source_articles(self, source: str, *, limit: int = 50) -> list[str]:
        """URLs of the articles ``source`` found, newest first (its last known entries)."""
        rows = self._rows(
            "SELECT url FROM articles WHERE source = ? ORDER BY first_seen DESC, url LIMIT ?",
            (source, limit),
        )
        return [str(r["url"]) for r in rows]

    @guarded
    def articles(self, *, source: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
        """Recently changed articles as plain rows (url, title, revisions, ...), newest first."""
        where, params = ("WHERE source = ?", (source, limit)) if source else ("", (limit,))
        return self._rows(
            f"SELECT url, source, title, published, updated, language, revisions, "
            f"first_seen, last_changed, last_checked, story_id FROM articles {where} "
            f"ORDER BY last_changed DESC LIMIT ?",
            params,
        )

    # -- errors ------------------------------------------------------------------

    @guarded
    def record_error(self, error: ErrorRecord) -> None:
        """Append a failure to the per-source error log."""
        self._db.table("errors").insert(
            {
                "source": error.source,
                "url": error.url,
                "at": ts(error.at),
                "kind": error.kind,
                "message": error.message,
            }
        )

    @guarded
    def errors(self, *, source: str | None = None, limit: int = 20) -> list[ErrorRecord]:
        """The most recent recorded failures, newest first."""
        where, params = ("WHERE source = ?", (source, limit)) if source else ("", (limit,))
        rows = self._rows(f"SELECT * FROM errors {where} ORDER BY id DESC LIMIT ?", params)
        return [
            ErrorRecord(r["source"], r["url"], dt(r["at"]) or datetime.min, r["kind"], r["message"])
            for r in rows
        ]


def _state(row: dict[str, Any]) -> SourceState:
    return SourceState(
        name=row["name"],
        url=row["url"],
        kind=row["kind"],
        first_polled_at=dt(row["first_polled_at"]),
        last_checked_at=dt(row["last_checked_at"]),
        last_ok_at=dt(row["last_ok_at"]),
        last_error_at=dt(row["last_error_at"]),
        last_error=row["last_error"],
        consecutive_failures=row["consecutive_failures"],
        checks=row["checks"],
    )


def _revision(row: dict[str, Any]) -> Revision:
    return Revision(
        url=row["url"],
        number=row["number"],
        fetched_at=dt(row["fetched_at"]) or datetime.min,
        title=row["title"],
        body=row["body"],
        published=dt(row["published"]),
        updated=dt(row["updated"]),
        content_hash=row["content_hash"],
        changed=tuple(json.loads(row["changed"])),
    )


def _revision_row(revision: Revision, diff: str) -> dict[str, Any]:
    return {
        "url": revision.url,
        "number": revision.number,
        "fetched_at": ts(revision.fetched_at),
        "title": revision.title,
        "body": revision.body,
        "published": iso_keep_zone(revision.published),
        "updated": iso_keep_zone(revision.updated),
        "content_hash": revision.content_hash,
        "changed": json.dumps(list(revision.changed)),
        "diff": diff,
    }


def _article_row(source: str, article: Article, revision: Revision) -> dict[str, Any]:
    row: dict[str, Any] = {
        "url": revision.url,
        "source": source,
        "last_checked": ts(revision.fetched_at),
        "last_changed": ts(revision.fetched_at),
        "title": revision.title,
        "published": iso_keep_zone(revision.published),
        "updated": iso_keep_zone(revision.updated),
        "language": article.language,
        "authors": json.dumps(list(article.authors), ensure_ascii=False),
        "revisions": revision.number,
        "content_hash": revision.content_hash,
    }
    if revision.number == 1:
        row["first_seen"] = ts(revision.fetched_at)
    return row
