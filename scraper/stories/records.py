"""The records the story index hands out: decisions, story descriptions, corrections."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal


@dataclass(frozen=True, slots=True)
class Assignment:
    """The decision for one new article.

    Attributes:
        story_id: the existing story it continues, or the fresh id of a new story.
        is_followup: True when it joined an existing story (raise the alert).
        score: the best candidate's score, 0..1 (also for a new story: how close
            the nearest story came).
        evidence: see :func:`scraper.stories.scoring.evidence`; empty when there
            was no candidate.
        previous: ids of the story's earlier members, oldest first (empty for a
            new story).
    """

    story_id: str
    is_followup: bool
    score: float
    evidence: dict[str, Any]
    previous: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StoryInfo:
    """A story as users see it.

    Attributes:
        story_id: its id.
        label: the headline of its first article.
        language: the language of its first article, or None.
        members: article ids in publication order.
        first_seen, last_seen: aware datetimes of the first and last member.
        key_terms: its heaviest normalized terms (TF-IDF over all members).
        key_words: the same terms as its members write them, for people
            («الرئيس» for the term «رييس»; the term itself when no member named it).
    """

    story_id: str
    label: str
    language: str | None
    members: tuple[str, ...]
    first_seen: datetime
    last_seen: datetime
    key_terms: tuple[str, ...]
    key_words: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Correction:
    """A user's fix, kept so a rebuild from stale records ends in the same state.

    Attributes:
        kind: ``"merge"`` (``subject`` = kept story, ``target`` = absorbed story) or
            ``"split"`` (``subject`` = article id, ``target`` = its new story id).
    """

    kind: Literal["merge", "split"]
    subject: str
    target: str
