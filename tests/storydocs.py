"""Builds StoryDoc test inputs from (headline, body) fixture pairs."""

from __future__ import annotations

from datetime import datetime, timedelta

from scraper.stories import StoryDoc, make_doc


def story_doc(
    article_id: str, text: tuple[str, str], *, start: datetime, hours: float, language: str
) -> StoryDoc:
    """The features of a fixture article published ``hours`` after ``start``."""
    return make_doc(
        article_id=article_id,
        title=text[0],
        body=text[1],
        published=start + timedelta(hours=hours),
        language=language,
    )
