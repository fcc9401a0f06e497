"""User corrections of the story index: merge, split, and their replay after a rebuild.

A mixin of :class:`~scraper.stories.index.StoryIndex`, kept apart so each
module stays one concept: the index assigns, corrections are the user's word
and always win. It works on the index's state, declared below.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from scraper.errors import StoryError
from scraper.stories.features import StoryDoc
from scraper.stories.records import Correction

if TYPE_CHECKING:
    from scraper.stories.index import _Story
    from scraper.stories.scoring import Vector

logger = logging.getLogger(__name__)


class Corrections(ABC):
    """Merge, split and replay, for :class:`~scraper.stories.index.StoryIndex`.

    A mixin: the index state below and the two abstract methods are provided
    by :class:`~scraper.stories.index.StoryIndex`.
    """

    _docs: dict[str, StoryDoc]
    _story_of: dict[str, str]
    _stories: dict[str, _Story]
    _sf: Counter[str]
    _centroids: dict[str, tuple[int, int, Vector]]
    _aliases: dict[str, str]
    _split_to: dict[str, str]
    _corrections: list[Correction]

    @abstractmethod
    def _join(self, doc: StoryDoc, story_id: str) -> None:
        """Put ``doc`` into ``story_id`` (updating postings, counts and centroids)."""

    @abstractmethod
    def _fresh_id(self) -> str:
        """A story id not in use yet."""

    @property
    def corrections(self) -> tuple[Correction, ...]:
        """Merges and splits made so far, oldest first, for the store to keep."""
        return tuple(self._corrections)

    def merge(self, keep: str, absorb: str) -> None:
        """Move every member of story ``absorb`` into story ``keep``; remembered.

        Later :meth:`add` calls naming ``absorb`` go to ``keep``, and
        ``story(absorb)`` describes ``keep``.

        Args:
            keep: the story that remains.
            absorb: the story that disappears.

        Raises:
            StoryError: either story is unknown.
        """
        keep, absorb = self._resolve(keep), self._resolve(absorb)
        for sid in (keep, absorb):
            if sid not in self._stories:
                raise StoryError(f"unknown story {sid!r}")
        if keep == absorb:
            return
        for _ts, article_id in list(self._stories[absorb].members):
            self._join(self._docs[article_id], keep)
        self._forget(self._stories.pop(absorb))
        self._centroids.pop(absorb, None)
        self._aliases[absorb] = keep
        self._corrections.append(Correction("merge", keep, absorb))
        logger.info("merged story %s into %s", absorb, keep)

    def split(self, article_id: str, *, new_story_id: str | None = None) -> str:
        """Move one article out of its story into a story of its own; remembered.

        The split is kept: a later :meth:`add` of this article (a rebuild from
        records written before the split) puts it in its own story again. New
        articles are matched against each story's current members only, so
        follow-ups of the split article join its new story, not the old one.

        Args:
            article_id: the article to move.
            new_story_id: the id of its new story; default a fresh id.

        Returns:
            The id of the article's new story (its current one when it was
            already alone).

        Raises:
            StoryError: the article is unknown, or ``new_story_id`` is in use.
        """
        old = self._story_of.get(article_id)
        if old is None:
            raise StoryError(f"unknown article {article_id!r}")
        story = self._stories[old]
        if len(story.members) == 1:
            return old
        target = new_story_id or self._fresh_id()
        if target in self._stories or target in self._aliases:
            raise StoryError(f"story id {target!r} already exists")
        self._rebuild_story(old, [aid for _ts, aid in story.members if aid != article_id])
        self._join(self._docs[article_id], target)
        self._split_to[article_id] = target
        self._corrections.append(Correction("split", article_id, target))
        logger.info("split article %s out of story %s into %s", article_id, old, target)
        return target

    def replay(self, corrections: Iterable[Correction]) -> None:
        """Apply stored corrections again, in order, after a rebuild.

        Args:
            corrections: as returned by :attr:`corrections`.

        Raises:
            StoryError: a correction names an unknown story or article.
        """
        for fix in corrections:
            if fix.kind == "merge" and self._resolve(fix.target) not in self._stories:
                self._aliases[fix.target] = fix.subject  # records were saved merged
            elif fix.kind == "merge":
                self.merge(fix.subject, fix.target)
            elif self._story_of.get(fix.subject) != fix.target:
                self.split(fix.subject, new_story_id=fix.target)
            else:
                self._split_to[fix.subject] = fix.target
            if fix not in self._corrections:
                self._corrections.append(fix)

    def _forget(self, story: _Story) -> None:
        """Take a story that is being removed out of the entity story frequencies."""
        for key in story.counted:
            self._sf[key] -= 1

    def _rebuild_story(self, story_id: str, members: list[str]) -> None:
        old = self._stories.pop(story_id)
        self._forget(old)
        version = old.version + 1
        self._centroids.pop(story_id, None)
        for article_id in members:
            self._join(self._docs[article_id], story_id)
        self._stories[story_id].version += version

    def _resolve(self, story_id: str) -> str:
        seen = set()
        while story_id in self._aliases and story_id not in seen:
            seen.add(story_id)
            story_id = self._aliases[story_id]
        return story_id
