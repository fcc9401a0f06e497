"""Follow-up detection: which story a new article continues.

Pure and in memory: :func:`make_doc` turns an article into a :class:`StoryDoc`
(language-aware terms, entities, links); :class:`StoryIndex` assigns each new
doc to a known story or opens a new one (:class:`Assignment`), and keeps user
corrections (merge, split). The store persists docs, story ids and
corrections; the pipeline calls :meth:`StoryIndex.assign` once per new article.
"""

from __future__ import annotations

from scraper.stories.features import (
    StoryDoc,
    extract_countries,
    extract_entities,
    make_doc,
    weigh_terms,
)
from scraper.stories.index import StoryIndex
from scraper.stories.places import extract_places, find_arabic_places
from scraper.stories.records import Assignment, Correction, StoryInfo
from scraper.stories.scoring import AssignOptions, Signals
from scraper.stories.text import base_language, detect_language, normalize_arabic, terms

__all__ = [
    "AssignOptions",
    "Assignment",
    "Correction",
    "Signals",
    "StoryDoc",
    "StoryIndex",
    "StoryInfo",
    "base_language",
    "detect_language",
    "extract_countries",
    "extract_entities",
    "extract_places",
    "find_arabic_places",
    "make_doc",
    "normalize_arabic",
    "terms",
    "weigh_terms",
]
