"""Queries for removed articles: stored articles that answered 404 Not Found or 410 Gone.

The open mark lives on the article row (``removed_at``, ``removed_status``);
every removal period, closed or not, is a row of ``removals`` so ``history``
can show when a story was taken down and when it came back. A mark and its
event (``article.removed`` / ``article.restored``) with their deliveries are
written in one transaction, like a revision and its alerts.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from ..models import Article, Delivery, Event, Removal
from .base import StoreBase, dt, guarded, ts
from .outbox import insert_outbox

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class RemovalQueries(StoreBase):
    """Removal marks of stored articles and the log of every removal period."""

    @guarded
    def removal(self, url: str) -> Removal | None:
        """The open removal of the article with key ``url`` (still gone), or None."""
        rows = self._rows(
            "SELECT * FROM removals WHERE url = ? AND restored_at IS NULL ORDER BY id DESC LIMIT 1",
            (url,),
        )
        return _removal(rows[0]) if rows else None

    @guarded
    def removals(self, url: str) -> list[Removal]:
        """Every removal period of the article with key ``url``, oldest first."""
        rows = self._rows("SELECT * FROM removals WHERE url = ? ORDER BY removed_at, id", (url,))
        return [_removal(r) for r in rows]

    @guarded
    def mark_removed(
        self,
        url: str,
        *,
        at: datetime,
        status: int,
        revision: int,
        events: Sequence[Event] = (),
        deliveries: Sequence[Delivery] = (),
    ) -> bool:
        """Mark a stored article removed, with its events, once.

        Args:
            url: the article key (canonical URL).
            at: aware UTC datetime of the 404/410 answer.
            status: the HTTP status (404 or 410).
            revision: number of the article's latest revision.
            events, deliveries: the ``article.removed`` event and its deliveries.

        Returns:
            True when the mark was written; False when the article was already
            marked removed (nothing is written: a second 404 is not news).

        Raises:
            StoreError: on any database error (nothing is written).
        """
        with self._transaction() as db:
            if self.removal(url) is not None:
                return False
            db.table("removals").insert(
                {"url": url, "removed_at": ts(at), "status": status, "revision": revision}
            )
            db.execute(
                "UPDATE articles SET removed_at = ?, removed_status = ?, last_checked = ? "
                "WHERE url = ?",
                (ts(at), status, ts(at), url),
            )
            insert_outbox(db, events, deliveries)
        return True

    @guarded
    def clear_removed(
        self,
        url: str,
        *,
        at: datetime,
        events: Sequence[Event] = (),
        deliveries: Sequence[Delivery] = (),
    ) -> Removal | None:
        """Clear the removal mark of an article that answers again, with its events.

        Args:
            url: the article key (canonical URL).
            at: aware UTC datetime of the answer that showed it back.
            events, deliveries: the ``article.restored`` event and its deliveries.

        Returns:
            The closed removal period (``restored_at`` set), or None when the
            article was not marked removed (nothing is written).

        Raises:
            StoreError: on any database error (nothing is written).
        """
        with self._transaction() as db:
            current = self.removal(url)
            if current is None:
                return None
            db.execute(
                "UPDATE removals SET restored_at = ? WHERE url = ? AND restored_at IS NULL",
                (ts(at), url),
            )
            db.execute(
                "UPDATE articles SET removed_at = NULL, removed_status = NULL WHERE url = ?",
                (url,),
            )
            insert_outbox(db, events, deliveries)
        return Removal(
            url=current.url,
            removed_at=current.removed_at,
            status=current.status,
            revision=current.revision,
            restored_at=at,
        )

    @guarded
    def stored_article(self, url: str) -> Article | None:
        """The article as last stored (its latest revision and metadata), or None.

        ``url`` and ``canonical_url`` are both the article key; ``links`` and
        ``description`` are not stored and come back empty.
        """
        rows = self._rows(
            "SELECT a.language, a.authors, r.title, r.body, r.published, r.updated "
            "FROM articles a JOIN revisions r ON r.url = a.url AND r.number = a.revisions "
            "WHERE a.url = ?",
            (url,),
        )
        if not rows:
            return None
        row = rows[0]
        return Article(
            url=url,
            canonical_url=url,
            title=row["title"],
            body=row["body"],
            published=dt(row["published"]),
            updated=dt(row["updated"]),
            language=row["language"],
            authors=tuple(json.loads(row["authors"] or "[]")),
        )


def _removal(row: dict[str, Any]) -> Removal:
    return Removal(
        url=row["url"],
        removed_at=dt(row["removed_at"]) or _EPOCH,
        status=int(row["status"]),
        revision=int(row["revision"]),
        restored_at=dt(row["restored_at"]),
    )
