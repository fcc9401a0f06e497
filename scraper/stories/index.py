"""The story index: streaming assignment of articles to stories, and corrections.

In memory and pure (no SQL, no file I/O): the store persists each article's
:class:`~scraper.stories.features.StoryDoc`, its story id and the corrections,
and rebuilds the index at start-up with :meth:`StoryIndex.add` and
:meth:`StoryIndex.replay`.

Candidate search is an inverted index: (language, term) -> postings sorted by
publication time. A new article looks up its ``query_terms`` heaviest terms,
reads only the postings inside the time window (binary search on the time) and
skips terms too common to discriminate, so its cost follows the number of
articles in the window that share a rare term, not the size of the history.
The few best candidate stories are then scored in full by
:mod:`scraper.stories.scoring`. The user's corrections (merge, split, replay)
are in :mod:`scraper.stories.corrections`. Not thread-safe: one writer at a time.
"""

from __future__ import annotations

import bisect
import heapq
import logging
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from scraper.errors import StoryError
from scraper.stories.corrections import Corrections
from scraper.stories.features import StoryDoc, doc_countries, written_forms
from scraper.stories.places import extract_places
from scraper.stories.records import Assignment, Correction, StoryInfo
from scraper.stories.scoring import (
    AssignOptions,
    Signals,
    Vector,
    combine,
    cosine,
    entity_overlap,
    evidence,
    idf,
    place_conflict,
    shared_terms,
    unit_vector,
)
from scraper.stories.topics import main_topics, topic_conflict, topic_strengths

logger = logging.getLogger(__name__)

_DAY = 86400.0
_CENTROID_TERMS = 200
_SEP = "\x1f"


@dataclass(slots=True)
class _Story:
    story_id: str
    members: list[tuple[float, str]] = field(default_factory=list)
    centroid: dict[str, float] = field(default_factory=dict)
    entities: Counter[str] = field(default_factory=Counter)
    version: int = 0
    counted: set[str] = field(default_factory=set)  # keys counted in StoryIndex._sf
    countries: Counter[str] = field(default_factory=Counter)  # code -> members naming it
    topics_main: Counter[str] = field(default_factory=Counter)  # topic -> members about it
    topics_named: Counter[str] = field(default_factory=Counter)  # topic -> members naming it


class StoryIndex(Corrections):
    """Stories and their articles, with streaming follow-up assignment.

    Every article belongs to exactly one story. :meth:`assign` decides for a new
    article (follow-up of the best-scoring story when its score reaches
    ``options.threshold``, else a new story); :meth:`add` restores a known
    assignment. Corrections are the user's word and are kept
    (:attr:`corrections`): :meth:`merge` joins two stories for good, and
    :meth:`split` gives an article a story of its own. The index never merges or
    moves stories by itself, so a split holds: later articles are compared with
    each story's current members only, and those that match the split article
    best join its new story.

    Args:
        options: scoring and search settings.
        new_id: returns a fresh story id; default ``uuid4().hex``. Ids already in
            use are skipped.

    Raises:
        StoryError: from :meth:`assign` when ``new_id`` returns only ids in use.
    """

    def __init__(
        self, *, options: AssignOptions | None = None, new_id: Callable[[], str] | None = None
    ) -> None:
        self.options = options or AssignOptions()
        self._new_id = new_id or (lambda: uuid.uuid4().hex)
        self._docs: dict[str, StoryDoc] = {}
        self._story_of: dict[str, str] = {}
        self._stories: dict[str, _Story] = {}
        self._postings: dict[str, list[tuple[float, str]]] = {}
        self._df: Counter[str] = Counter()
        self._n: Counter[str] = Counter()
        self._sf: Counter[str] = Counter()  # (language, entity) -> stories naming it
        self._by_url: dict[str, str] = {}
        self._vectors: dict[str, tuple[int, Vector]] = {}
        self._countries: dict[str, frozenset[str]] = {}
        self._topics: dict[str, dict[str, float]] = {}
        self._centroids: dict[str, tuple[int, int, Vector]] = {}
        self._aliases: dict[str, str] = {}
        self._split_to: dict[str, str] = {}
        self._corrections: list[Correction] = []

    def __len__(self) -> int:
        return len(self._docs)

    # -- adding -----------------------------------------------------------------

    def assign(self, doc: StoryDoc) -> Assignment:
        """Decide whether ``doc`` continues a known story, then add it.

        Only articles added before are used. An article already in the index is
        not added again: its current story is returned.

        Args:
            doc: the new article's features.

        Returns:
            The :class:`Assignment` (follow-up of a story, or a new story).
        """
        if doc.article_id in self._docs:
            story_id = self._story_of[doc.article_id]
            previous = self._previous(story_id, doc.article_id)
            return Assignment(story_id, bool(previous), 1.0, {}, previous)
        best: tuple[float, str, Signals] | None = None
        for story_id in self._candidates(doc):
            signals = self._signals(doc, story_id)
            score = combine(signals, self.options)
            if best is None or score > best[0]:
                best = (score, story_id, signals)
        if best is not None and best[0] >= self.options.threshold:
            score, story_id, signals = best
            previous = self._previous(story_id, doc.article_id)
            self.add(doc, story_id)
            logger.debug("follow-up %s -> %s (%.3f)", doc.article_id, story_id, score)
            return Assignment(story_id, True, round(score, 4), evidence(signals), previous)
        story_id = self._fresh_id()
        self.add(doc, story_id)
        if best is None:
            return Assignment(story_id, False, 0.0, {})
        return Assignment(story_id, False, round(best[0], 4), evidence(best[2]))

    def add(self, doc: StoryDoc, story_id: str) -> None:
        """Add an article to a known story without any decision (rebuild from storage).

        Corrections are honoured: an id absorbed by a merge maps to the kept story,
        and an article split out goes to its own story.

        Args:
            doc: the article's features.
            story_id: the story it belongs to (created when unknown).
        """
        if doc.article_id in self._docs:
            return
        story_id = self._split_to.get(doc.article_id) or self._resolve(story_id)
        ts = doc.published.timestamp()
        lang = _lang(doc)
        self._docs[doc.article_id] = doc
        self._n[lang] += 1
        for term in doc.terms:
            key = lang + _SEP + term
            self._df[key] += 1
            _insert(self._postings.setdefault(key, []), (ts, doc.article_id))
        if doc.url:
            self._by_url.setdefault(doc.url, doc.article_id)
        self._join(doc, story_id)

    def _join(self, doc: StoryDoc, story_id: str) -> None:
        story = self._stories.get(story_id)
        if story is None:
            story = self._stories[story_id] = _Story(story_id)
        _insert(story.members, (doc.published.timestamp(), doc.article_id))
        norm = sum(w * w for w in doc.terms.values()) ** 0.5 or 1.0
        for term, w in doc.terms.items():
            story.centroid[term] = story.centroid.get(term, 0.0) + w / norm
        if len(story.centroid) > 2 * _CENTROID_TERMS:  # keep the heaviest, amortized
            top = heapq.nlargest(_CENTROID_TERMS, story.centroid.items(), key=lambda kv: kv[1])
            story.centroid = dict(top)
        lang = _lang(doc)
        for key in (lang + _SEP, *(lang + _SEP + "@" + e for e in _entity_keys(doc))):
            if key not in story.counted:  # the story count, and each entity's story frequency
                story.counted.add(key)
                self._sf[key] += 1
        for entity in _entity_keys(doc):
            story.entities[entity] += 1
        story.countries.update(self._countries_of(doc))
        topics = self._topics_of(doc)
        story.topics_named.update(topics.keys())
        story.topics_main.update(main_topics(topics))
        story.version += 1
        self._story_of[doc.article_id] = story_id

    # -- candidate search and scoring -------------------------------------------

    def _idf_of(self, lang: str) -> Callable[[str], float]:
        n = self._n[lang]
        df = self._df
        prefix = lang + _SEP
        return lambda term: idf(df[prefix + term], n)

    def _entity_idf_of(self, lang: str) -> Callable[[str], float]:
        """IDF of entity keys among the language's stories, not its articles.

        A name that many stories mention (a head of state) says little about
        which of them an article continues, however few articles name it.
        """
        n = self._sf[lang + _SEP]
        sf = self._sf
        prefix = lang + _SEP + "@"
        return lambda key: idf(sf[prefix + key], n)

    def _countries_of(self, doc: StoryDoc) -> frozenset[str]:
        found = self._countries.get(doc.article_id)
        if found is None:
            found = doc_countries(doc) | extract_places(doc.entities, arabic=doc.places)
            self._countries[doc.article_id] = found
        return found

    def _topics_of(self, doc: StoryDoc) -> dict[str, float]:
        found = self._topics.get(doc.article_id)
        if found is None:
            found = self._topics[doc.article_id] = topic_strengths(doc.terms, doc.language)
        return found

    def _vector(self, doc: StoryDoc) -> Vector:
        lang = _lang(doc)
        n = self._n[lang]
        cached = self._vectors.get(doc.article_id)
        if cached is not None and n <= cached[0] * 1.1 + 1:
            return cached[1]
        vec = unit_vector(doc.terms, self._idf_of(lang))
        self._vectors[doc.article_id] = (n, vec)
        return vec

    def _candidates(self, doc: StoryDoc) -> list[str]:
        """Story ids worth scoring: linked stories, then those sharing rare terms."""
        opts = self.options
        lang = _lang(doc)
        n = self._n[lang]
        since = doc.published.timestamp() - opts.window_days * _DAY
        max_df = max(2.0, opts.max_df_share * n)
        prefix = lang + _SEP
        df = self._df
        usable = [(w, t) for t, w in self._vector(doc).items() if 0 < df[prefix + t] <= max_df]
        usable.sort(reverse=True)
        hits: dict[str, float] = {}
        for weight, term in usable[: opts.query_terms]:
            postings = self._postings.get(prefix + term, [])
            start = bisect.bisect_left(postings, (since, ""))
            for _ts, article_id in postings[start:]:
                hits[article_id] = hits.get(article_id, 0.0) + weight
        best: dict[str, float] = {}
        for article_id, total in hits.items():
            story_id = self._story_of[article_id]
            if total > best.get(story_id, 0.0):
                best[story_id] = total
        ranked = sorted(best, key=lambda s: -best[s])[: opts.candidates]
        linked = [
            self._story_of[a]
            for a in self._linked(doc)
            if not opts.same_language or _lang(self._docs[a]) == lang
        ]
        return list(dict.fromkeys(linked + ranked))

    def _linked(self, doc: StoryDoc) -> list[str]:
        return [self._by_url[url] for url in doc.links if url in self._by_url]

    def _centroid(self, story: _Story, lang: str) -> Vector:
        n = self._n[lang]
        cached = self._centroids.get(story.story_id)
        if cached is not None and cached[0] == story.version and n <= cached[1] * 1.1 + 1:
            return cached[2]
        vec = unit_vector(story.centroid, self._idf_of(lang))
        self._centroids[story.story_id] = (story.version, n, vec)
        return vec

    def _signals(self, doc: StoryDoc, story_id: str) -> Signals:
        opts = self.options
        story = self._stories[story_id]
        lang = _lang(doc)
        qvec = self._vector(doc)
        since = doc.published.timestamp() - opts.window_days * _DAY
        now = doc.published.timestamp()
        earlier = [ts for ts, _aid in story.members if ts <= now]
        gap = (now - earlier[-1]) / _DAY if earlier else 0.0
        recent = [aid for ts, aid in story.members if ts >= since][-opts.members_scored :]
        best_sim, matched = 0.0, None
        for article_id in recent:
            member = self._docs[article_id]
            if _lang(member) != lang:
                continue
            sim = cosine(qvec, self._vector(member))
            if sim > best_sim:
                best_sim, matched = sim, article_id
        centroid = self._centroid(story, lang)
        share, shared = entity_overlap(
            doc.entities,
            story.entities,
            len(story.members),
            self._entity_idf_of(lang),
            prior=opts.entity_prior,
        )
        linked = tuple(
            self._docs[a].url or a for a in self._linked(doc) if self._story_of.get(a) == story_id
        )
        return Signals(
            similarity=best_sim,
            matched_article=matched or (story.members[-1][1] if linked else None),
            centroid=cosine(qvec, centroid),
            entities=share,
            shared_entities=tuple(shared),
            shared_terms=tuple(shared_terms(qvec, centroid)),
            linked=linked,
            gap_days=gap,
            place_conflict=place_conflict(
                self._countries_of(doc), story.countries, len(story.members)
            ),
            topic_conflict=topic_conflict(
                self._topics_of(doc), story.topics_main, story.topics_named, len(story.members)
            ),
        )

    # -- reading ----------------------------------------------------------------

    def story_of(self, article_id: str) -> str | None:
        """The story id of an article, or None when it is not in the index."""
        return self._story_of.get(article_id)

    def story(self, story_id: str) -> StoryInfo | None:
        """Describe one story (an id absorbed by a merge gives the kept story).

        Args:
            story_id: the story id.

        Returns:
            Its :class:`StoryInfo`, or None when unknown.
        """
        story = self._stories.get(self._resolve(story_id))
        if story is None or not story.members:
            return None
        first = self._docs[story.members[0][1]]
        last = self._docs[story.members[-1][1]]
        lang = _lang(first)
        centroid = self._centroid(story, lang)
        key_terms = sorted(centroid, key=lambda t: (-centroid[t], t))[: self.options.key_terms]
        return StoryInfo(
            story_id=story.story_id,
            label=first.title,
            language=first.language,
            members=tuple(aid for _ts, aid in story.members),
            first_seen=first.published,
            last_seen=last.published,
            key_terms=tuple(key_terms),
            key_words=written_forms([self._docs[a] for _ts, a in story.members], key_terms),
        )

    def stories(self) -> list[StoryInfo]:
        """Every story, the most recently updated first."""
        infos = [self.story(sid) for sid, story in self._stories.items() if story.members]
        found = [info for info in infos if info is not None]
        return sorted(found, key=lambda info: (info.last_seen, info.story_id), reverse=True)

    def _previous(self, story_id: str, article_id: str) -> tuple[str, ...]:
        story = self._stories.get(story_id)
        if story is None:
            return ()
        return tuple(aid for _ts, aid in story.members if aid != article_id)

    def _fresh_id(self) -> str:
        for _attempt in range(100):
            story_id = self._new_id()
            if story_id not in self._stories and story_id not in self._aliases:
                return story_id
        raise StoryError(f"new_id keeps returning story ids in use ({story_id!r})")


def _lang(doc: StoryDoc) -> str:
    return doc.language or "und"


def _entity_keys(doc: StoryDoc) -> set[str]:
    """A doc's entity keys, plus the last word of each multi-word key."""
    return set(doc.entities) | {e.rsplit(" ", 1)[-1] for e in doc.entities}


def _insert(items: list[tuple[float, str]], item: tuple[float, str]) -> None:
    """Keep ``items`` sorted by time; appending is the usual, fast case."""
    if not items or items[-1] <= item:
        items.append(item)
    else:
        bisect.insort(items, item)
