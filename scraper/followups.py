"""The follow-up tracker: links the pure story index to the store and to events.

For each newly stored article it builds the article's story features, asks
the :class:`~scraper.stories.StoryIndex` which story it continues, persists the
decision, and returns a ``story.followup`` event when the article joined a
story with earlier members. The index is rebuilt from stored features at
start-up (only the configured window, default 30 days), so follow-up
detection survives restarts without re-tokenizing old articles.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from .config import StorySettings
from .errors import StoryError
from .events import followup_event
from .models import Article, Event, Revision
from .pipeline import utc_now
from .store import Store
from .stories import AssignOptions, Correction, StoryDoc, StoryIndex, make_doc

logger = logging.getLogger(__name__)


class FollowupTracker:
    """Assigns new articles to stories and produces ``story.followup`` events.

    Thread-safe (one lock around the index). Implements the pipeline's
    ``FollowupHook`` protocol.

    Args:
        store: the database holding stories and story features.
        settings: ``[stories]`` config: ``window_days`` and ``followups``
            (``"all"``: every follow-up alerts; ``"followed"``: only follow-ups of
            stories the user follows with ``scraper follow``).
        clock: returns an aware UTC datetime.
    """

    def __init__(
        self,
        store: Store,
        *,
        settings: StorySettings = StorySettings(),  # noqa: B008 - frozen
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self._store = store
        self._settings = settings
        self._clock = clock
        self._lock = threading.Lock()
        self._index: StoryIndex | None = None

    def _loaded(self) -> StoryIndex:
        if self._index is None:
            index = StoryIndex(
                options=AssignOptions(window_days=self._settings.window_days),
                new_id=lambda: uuid.uuid4().hex[:12],
            )
            since = self._clock() - timedelta(days=self._settings.window_days)
            rows = self._store.story_docs(since=since)
            for doc, story_id in rows:
                index.add(StoryDoc.from_dict(doc), story_id)
            for fix in self._corrections():
                try:
                    index.replay([fix])
                except StoryError:  # a correction about articles now outside the window
                    logger.debug("skipping correction %s outside the window", fix)
            logger.info("story index rebuilt from %d stored articles", len(rows))
            self._index = index
        return self._index

    def _corrections(self) -> list[Correction]:
        fixes = []
        for row in self._store.story_corrections():
            if row["action"] == "merge":
                fixes.append(Correction("merge", row["story_id"], row["other"]))
            elif row["action"] == "split":
                fixes.append(Correction("split", row["article_url"], row["story_id"]))
        return fixes

    def on_new_article(
        self, *, source: str, article: Article, revision: Revision, alert: bool
    ) -> list[Event]:
        """Assign a newly stored article to a story.

        Args:
            source: the source name.
            article: the extracted article.
            revision: its first revision (``revision.url`` is the article key).
            alert: False during a baseline poll (assign, but return no event).

        Returns:
            ``[story.followup event]`` when the article continues a story with
            earlier members and the ``followups`` setting allows it, else ``[]``.
        """
        doc = make_doc(
            article_id=revision.url,
            title=article.title or "",
            body=article.body,
            published=article.published or revision.fetched_at,
            language=article.language,
            url=revision.url,
            links=article.links,
        )
        with self._lock:
            index = self._loaded()
            assignment = index.assign(doc)
            info = index.story(assignment.story_id)
        label = info.label if info else (article.title or revision.url)
        terms = list(info.key_words or info.key_terms) if info else []  # shown to people
        self._store.save_story_assignment(
            article_url=revision.url,
            story_id=assignment.story_id,
            published=doc.published,
            doc=doc.to_dict(),
            label=label,
            terms=terms,
            score=assignment.score,
            evidence=assignment.evidence,
        )
        if not (assignment.is_followup and alert):
            return []
        if self._settings.followups == "followed" and not self._store.is_followed(
            assignment.story_id
        ):
            return []
        previous = self._previous(assignment.previous)
        if previous and all(_after(p["published"], doc.published) for p in previous):
            return []  # earlier coverage found late: it is not a follow-up of later reports
        story: dict[str, Any] = {
            "id": assignment.story_id,
            "label": label,
            "score": assignment.score,
            "evidence": assignment.evidence,
            "previous": previous,
        }
        return [
            followup_event(
                source=source, revision=revision, article=article, story=story, now=self._clock()
            )
        ]

    def _previous(self, ids: tuple[str, ...]) -> list[dict[str, Any]]:
        out = []
        for url in ids:
            latest = self._store.latest_revision(url)
            out.append(
                {
                    "url": url,
                    "title": latest.title if latest else None,
                    "published": latest.published if latest else None,
                }
            )
        return out

    def is_followed(self, event: Event) -> bool:
        """True when the story of a ``story.followup`` event is followed."""
        story = event.payload.get("story")
        return isinstance(story, dict) and self._store.is_followed(str(story.get("id")))

    def merge(self, keep: str, absorb: str) -> None:
        """Merge story ``absorb`` into ``keep`` in the store and the live index."""
        self._store.merge_stories(keep, absorb, at=self._clock())
        with self._lock:
            if self._index is not None:
                self._index.merge(keep, absorb)

    def split(self, article_url: str) -> str | None:
        """Move one article out into a new story; returns the new story id, or None."""
        key = self._store.resolve(article_url) or article_url
        current = self._store.story_of(key)
        story = self._store.story(current) if current else None
        if story is not None and len(story["members"]) == 1:
            return current  # already alone in its story
        latest = self._store.latest_revision(key)
        new_id = uuid.uuid4().hex[:12]
        old = self._store.split_article(
            key,
            new_story_id=new_id,
            label=(latest.title if latest else None) or key,
            at=self._clock(),
        )
        if old is None:
            return None
        with self._lock:
            if self._index is not None:
                self._index.split(key, new_story_id=new_id)
        return new_id


def _after(value: object, moment: datetime) -> bool:
    """True when ``value`` is an aware datetime later than ``moment``."""
    return isinstance(value, datetime) and value.tzinfo is not None and value > moment
