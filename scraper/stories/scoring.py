"""Pure scoring of "does this article continue that story?", with its evidence.

The score of a candidate story for a new article combines four signals, each in
0..1, with weights from :class:`AssignOptions` (one set for every language; the
per-language part is only the document frequencies, counted separately per
language by the index):

- ``similarity``: the best TF-IDF cosine between the article and one member of
  the story published inside the time window (Salton's vector space model, with
  smoothed IDF ``ln((N + 1) / (df + 0.5))``);
- ``centroid``: the cosine with the story centroid (the sum of its members'
  unit vectors), which lets a paraphrase match vocabulary spread over several
  earlier articles;
- ``entities``: the IDF-weighted share of the article's named-entity keys found
  in the story, so one famous name shared by many stories weighs little;
- ``linked``: the article links to an earlier member (explicit previous
  coverage, or a site's "related" box), which on its own makes the score at
  least ``link_score``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

Vector = dict[str, float]


@dataclass(frozen=True, slots=True)
class AssignOptions:
    """Settings of the streaming story assignment; one set for all languages.

    The default weights and threshold were chosen on the development part of the
    labeled stream replayed by ``bench/followup.py`` (stories whose id hash is
    not in the holdout), never per language.

    Attributes:
        window_days: only stories with a member published at most this many days
            (float) before the new article are candidates.
        threshold: the lowest score (0..1) that makes an article a follow-up.
        member_weight, centroid_weight, entity_weight: weights of the signals,
            summing to 1 (see the module docstring).
        link_score: the score given to a story the article explicitly links to.
        query_terms: how many of the article's heaviest terms look up candidates.
        candidates: how many candidate stories are scored in full.
        members_scored: at most this many of a story's latest in-window members are
            compared one by one.
        max_df_share: terms found in more than this share of a language's
            articles are too common to look up candidates with.
        key_terms: how many key terms a story reports.
        same_language: follow explicit links only to stories of the same language
            (text is never compared across languages: terms are keyed by language).
    """

    window_days: float = 30.0
    threshold: float = 0.06
    member_weight: float = 0.2
    centroid_weight: float = 0.6
    entity_weight: float = 0.2
    link_score: float = 0.9
    query_terms: int = 16
    candidates: int = 4
    members_scored: int = 4
    max_df_share: float = 0.2
    key_terms: int = 10
    same_language: bool = True


def idf(df: int, n_docs: int) -> float:
    """Smoothed inverse document frequency, never negative.

    Args:
        df: number of stored articles (of the language) containing the term.
        n_docs: number of stored articles of the language.

    Returns:
        ``ln((n_docs + 1) / (df + 0.5))``, at least 0.
    """
    return max(0.0, math.log((n_docs + 1.0) / (df + 0.5)))


def unit_vector(weights: Mapping[str, float], idf_of: Callable[[str], float]) -> Vector:
    """Turn term weights into a unit-length TF-IDF vector.

    Args:
        weights: term -> term-frequency weight (as in ``StoryDoc.terms``).
        idf_of: term -> IDF.

    Returns:
        term -> weight, with Euclidean norm 1 (empty when every weight is 0).
    """
    vec = {term: w * idf_of(term) for term, w in weights.items()}
    norm = math.sqrt(sum(x * x for x in vec.values()))
    if norm == 0.0:
        return {}
    return {term: x / norm for term, x in vec.items() if x > 0.0}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Dot product of two unit vectors (their cosine), iterating the smaller one.

    Args:
        a, b: unit vectors from :func:`unit_vector`.

    Returns:
        The cosine in 0..1.
    """
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(term, 0.0) for term, x in a.items())


def shared_terms(a: Mapping[str, float], b: Mapping[str, float], *, limit: int = 10) -> list[str]:
    """Terms of both vectors, the largest contributions to their cosine first.

    Args:
        a, b: unit vectors.
        limit: at most this many terms.

    Returns:
        A list of terms.
    """
    common = [(x * b[term], term) for term, x in a.items() if term in b]
    common.sort(key=lambda pair: (-pair[0], pair[1]))
    return [term for _w, term in common[:limit]]


def entity_overlap(
    entities: Iterable[str],
    story_entities: Mapping[str, int],
    members: int,
    idf_of: Callable[[str], float],
) -> tuple[float, list[str]]:
    """IDF-weighted share of an article's entity keys that a story is about.

    A key counts by the share of the story's members that name it (square
    root, so a key in a quarter of them counts half): a name mentioned once in
    a long story does not make every article that names it a follow-up. A
    multi-word key also matches through its last word (``"recep tayyip
    erdogan"`` meets ``"erdogan"``), the usual way news text shortens names.

    Args:
        entities: the article's entity keys.
        story_entities: entity key -> number of members naming it (the last
            words of multi-word keys included).
        members: number of members of the story (>= 1).
        idf_of: entity key -> IDF.

    Returns:
        ``(share in 0..1, shared keys in article order)``.
    """
    total = 0.0
    found = 0.0
    shared: list[str] = []
    for key in entities:
        weight = idf_of(key)
        total += weight
        count = story_entities.get(key) or story_entities.get(key.rsplit(" ", 1)[-1], 0)
        if count:
            found += weight * min(1.0, count / max(1, members)) ** 0.5
            shared.append(key)
    return (found / total if total > 0.0 else 0.0), shared


@dataclass(frozen=True, slots=True)
class Signals:
    """The measured signals of one (article, candidate story) pair.

    Attributes:
        similarity: best cosine with one in-window member (0..1).
        matched_article: the id of that member, or None.
        centroid: cosine with the story centroid (0..1).
        entities: IDF-weighted entity overlap (0..1).
        shared_entities: entity keys found in both.
        shared_terms: the heaviest terms in common.
        linked: URLs of story members that the article links to.
        gap_days: days (float) from the story's latest earlier member to the article.
    """

    similarity: float
    matched_article: str | None
    centroid: float
    entities: float
    shared_entities: tuple[str, ...] = ()
    shared_terms: tuple[str, ...] = ()
    linked: tuple[str, ...] = ()
    gap_days: float = 0.0


def combine(signals: Signals, options: AssignOptions) -> float:
    """The score of a candidate story from its signals.

    Args:
        signals: the measured :class:`Signals`.
        options: weights and the link score.

    Returns:
        The score in 0..1.
    """
    score = (
        options.member_weight * signals.similarity
        + options.centroid_weight * signals.centroid
        + options.entity_weight * signals.entities
    )
    if signals.linked:
        score = max(score, options.link_score)
    return min(1.0, max(0.0, score))


def evidence(signals: Signals) -> dict[str, Any]:
    """The JSON-ready evidence of a decision, as stored and sent in webhooks.

    Args:
        signals: the signals of the chosen story.

    Returns:
        ``{"shared_terms": [...], "shared_entities": [...], "similarity": float,
        "centroid": float, "entities": float, "linked": [urls],
        "matched_article": id or None}``.
    """
    return {
        "shared_terms": list(signals.shared_terms),
        "shared_entities": list(signals.shared_entities),
        "similarity": round(signals.similarity, 4),
        "centroid": round(signals.centroid, 4),
        "entities": round(signals.entities, 4),
        "linked": list(signals.linked),
        "matched_article": signals.matched_article,
        "gap_days": round(signals.gap_days, 3),
    }
