"""Queries for stories: membership, the stored features that rebuild the index,
follows, and the corrections (merge, split) users made."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from ..errors import StoreError
from .base import StoreBase, guarded, ts


class StoryQueries(StoreBase):
    """Stories and their member articles."""

    @guarded
    def save_story_assignment(
        self,
        *,
        article_url: str,
        story_id: str,
        published: datetime,
        doc: dict[str, Any],
        label: str,
        terms: Sequence[str],
        score: float | None = None,
        evidence: dict[str, Any] | None = None,
    ) -> None:
        """Record that ``article_url`` belongs to ``story_id`` (creating the story).

        Args:
            article_url: the article key (canonical URL).
            story_id: the story it joins or opens.
            published: aware datetime used to order members and window the index.
            doc: the article's story features (``StoryDoc.to_dict()``).
            label: the story label when the story is new (its first headline).
            terms: the story's key terms now.
            score, evidence: the decision's score (0..1) and evidence, or None.
        """
        at = ts(published)
        with self._transaction() as db:
            existing = self._rows(
                "SELECT first_seen, last_seen FROM stories WHERE id = ?", (story_id,)
            )
            if existing:
                first, last = existing[0]["first_seen"], existing[0]["last_seen"]
                db.execute(
                    "UPDATE stories SET first_seen = ?, last_seen = ?, terms = ? WHERE id = ?",
                    (
                        min(first, at or first),
                        max(last, at or last),
                        json.dumps(list(terms), ensure_ascii=False),
                        story_id,
                    ),
                )
            else:
                db.table("stories").insert(
                    {
                        "id": story_id,
                        "label": label,
                        "first_seen": at,
                        "last_seen": at,
                        "terms": json.dumps(list(terms), ensure_ascii=False),
                        "followed": 0,
                    }
                )
            db.table("story_docs").upsert(
                {
                    "article_url": article_url,
                    "story_id": story_id,
                    "published": at,
                    "doc": json.dumps(doc, ensure_ascii=False),
                    "score": score,
                    "evidence": json.dumps(evidence or {}, ensure_ascii=False),
                },
                pk="article_url",
            )
            db.execute("UPDATE articles SET story_id = ? WHERE url = ?", (story_id, article_url))

    @guarded
    def story_docs(self, *, since: datetime) -> list[tuple[dict[str, Any], str]]:
        """Stored features and story ids of articles published since ``since``, oldest first."""
        rows = self._rows(
            "SELECT doc, story_id FROM story_docs WHERE published >= ? "
            "ORDER BY published, article_url",
            (ts(since),),
        )
        return [(json.loads(r["doc"]), r["story_id"]) for r in rows]

    @guarded
    def stories(self, *, limit: int = 50, followed_only: bool = False) -> list[dict[str, Any]]:
        """Recent stories (``id``, ``label``, ``first_seen``, ``last_seen``, ``followed``,
        ``members``, ``terms``), most recently active first."""
        where = "WHERE s.followed = 1" if followed_only else ""
        rows = self._rows(
            f"SELECT s.*, COUNT(d.article_url) AS members FROM stories s "
            f"LEFT JOIN story_docs d ON d.story_id = s.id {where} "
            f"GROUP BY s.id HAVING members > 0 ORDER BY s.last_seen DESC LIMIT ?",
            (limit,),
        )
        for row in rows:
            row["terms"] = json.loads(row["terms"])
            row["followed"] = bool(row["followed"])
        return rows

    @guarded
    def story(self, story_id: str) -> dict[str, Any] | None:
        """One story with its members (url, title, published, source, score), in time order."""
        rows = self._rows("SELECT * FROM stories WHERE id = ?", (story_id,))
        if not rows:
            return None
        story = rows[0]
        story["terms"] = json.loads(story["terms"])
        story["followed"] = bool(story["followed"])
        story["members"] = self._rows(
            "SELECT d.article_url AS url, a.title, d.published, a.source, d.score, d.evidence "
            "FROM story_docs d LEFT JOIN articles a ON a.url = d.article_url "
            "WHERE d.story_id = ? ORDER BY d.published, d.article_url",
            (story_id,),
        )
        for member in story["members"]:
            member["evidence"] = json.loads(member["evidence"] or "{}")
        return story

    @guarded
    def story_of(self, article_url: str) -> str | None:
        """The story id of an article, or None."""
        rows = self._rows("SELECT story_id FROM story_docs WHERE article_url = ?", (article_url,))
        return rows[0]["story_id"] if rows else None

    @guarded
    def set_followed(self, story_id: str, followed: bool) -> bool:
        """Follow or unfollow a story; False when there is no such story."""
        cursor = self._db.execute(
            "UPDATE stories SET followed = ? WHERE id = ?", (int(followed), story_id)
        )
        return cursor.rowcount > 0

    @guarded
    def is_followed(self, story_id: str) -> bool:
        """True when the user follows the story."""
        rows = self._rows("SELECT followed FROM stories WHERE id = ?", (story_id,))
        return bool(rows and rows[0]["followed"])

    @guarded
    def merge_stories(self, keep: str, absorb: str, *, at: datetime) -> None:
        """Move every member of ``absorb`` into ``keep`` and remember the correction.

        Raises:
            StoreError: ``keep`` and ``absorb`` are the same story.
        """
        if keep == absorb:
            raise StoreError("cannot merge a story into itself")
        with self._transaction() as db:
            db.execute("UPDATE story_docs SET story_id = ? WHERE story_id = ?", (keep, absorb))
            db.execute("UPDATE articles SET story_id = ? WHERE story_id = ?", (keep, absorb))
            db.execute(
                "UPDATE stories SET followed = MAX(followed, "
                "(SELECT followed FROM stories WHERE id = ?)), "
                "first_seen = MIN(first_seen, (SELECT first_seen FROM stories WHERE id = ?)), "
                "last_seen = MAX(last_seen, (SELECT last_seen FROM stories WHERE id = ?)) "
                "WHERE id = ?",
                (absorb, absorb, absorb, keep),
            )
            db.execute("DELETE FROM stories WHERE id = ?", (absorb,))
            db.table("story_corrections").insert(
                {"at": ts(at), "action": "merge", "story_id": keep, "other": absorb}
            )

    @guarded
    def split_article(
        self, article_url: str, *, new_story_id: str, label: str, at: datetime
    ) -> str | None:
        """Move one article into a new story of its own; returns its old story id."""
        old = self.story_of(article_url)
        if old is None:
            return None
        with self._transaction() as db:
            published = self._rows(
                "SELECT published FROM story_docs WHERE article_url = ?", (article_url,)
            )[0]["published"]
            db.table("stories").insert(
                {
                    "id": new_story_id,
                    "label": label,
                    "first_seen": published,
                    "last_seen": published,
                    "terms": "[]",
                    "followed": 0,
                }
            )
            db.execute(
                "UPDATE story_docs SET story_id = ? WHERE article_url = ?",
                (new_story_id, article_url),
            )
            db.execute(
                "UPDATE articles SET story_id = ? WHERE url = ?", (new_story_id, article_url)
            )
            db.table("story_corrections").insert(
                {
                    "at": ts(at),
                    "action": "split",
                    "story_id": new_story_id,
                    "other": old,
                    "article_url": article_url,
                }
            )
        return old

    @guarded
    def story_corrections(self) -> list[dict[str, Any]]:
        """Every merge/split the user made, oldest first."""
        return self._rows("SELECT * FROM story_corrections ORDER BY id")
