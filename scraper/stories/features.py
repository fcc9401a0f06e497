"""Per-article features for story matching: :class:`StoryDoc` and :func:`make_doc`; pure.

A :class:`StoryDoc` holds what the story index needs of one article, already
tokenized, so the store can keep it as JSON and rebuild the index at start-up
without re-reading article text.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any

from scraper.errors import ParseError
from scraper.stories.arabic_countries import find_arabic_countries
from scraper.stories.countries import COUNTRY_TABLE, TABLE_LANGUAGES
from scraper.stories.latin_countries import find_cased_countries
from scraper.stories.lexicon import ARABIC_NAME_CUES, CALENDAR
from scraper.stories.places import find_arabic_places
from scraper.stories.text import (
    ARABIC_CHAR,
    ARTICLES,
    base_language,
    detect_language,
    fold,
    iter_terms,
    lexicon_terms,
    normalize_arabic,
    stop_words,
    surface_words,
    terms,
)

logger = logging.getLogger(__name__)

MAX_TERMS = 80
TITLE_WEIGHT = 2.0
_BOUNDARY = re.compile(r"[.!?؟。！？:;\n«»\"“”]")
_POSSESSIVE = re.compile(r"['’]s$")
_LATIN_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@dataclass(frozen=True, slots=True)
class StoryDoc:
    """The features of one article used to match it to a story.

    Attributes:
        article_id: the article's canonical URL in the product (any unique id in
            the benchmark).
        url: the article URL, used to resolve links from later articles; or None.
        language: ISO 639-1 code (``"ar"``), or None when unknown.
        published: aware datetime the article was published (or first seen).
        title: the headline, used as the story label when it opens a story.
        terms: normalized, stemmed term -> weight (sublinear term frequency,
            headline terms counted twice); at most ``MAX_TERMS`` entries.
        entities: named-entity-like keys, most frequent first (capitalized word
            runs in cased scripts; in uncased scripts such as Arabic, words never
            written with the article ال in the text and used at least twice, and
            words after a title such as «الرئيس»).
        links: absolute URLs linked from the body (explicit earlier coverage).
        places: Arabic-script place names written in the text (normalized,
            without article; see :mod:`scraper.stories.arabic_places`);
            Latin-script places are read from ``entities``.
        countries: ISO 3166-1 alpha-2 codes of the countries the text names,
            read from its surface word forms (Arabic, see
            :mod:`scraper.stories.arabic_countries`); None when not read so
            (other languages, and docs stored before the field existed),
            and :func:`doc_countries` then reads them from ``terms``.
        words: a written form for each of its terms (term -> the word the text
            writes most often for it, «رييس» -> «الرئيس»), to show key terms to
            people; empty in docs stored before the field.
    """

    article_id: str
    url: str | None
    language: str | None
    published: datetime
    title: str
    terms: Mapping[str, float]
    entities: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    countries: tuple[str, ...] | None = None
    words: Mapping[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict (``published`` as an ISO 8601 string).

        Returns:
            ``{"article_id", "url", "language", "published", "title", "terms",
            "entities", "links", "places", "countries", "words"}`` with plain JSON types
            (``countries`` is null when not read from the text).
        """
        return {
            "article_id": self.article_id,
            "url": self.url,
            "language": self.language,
            "published": self.published.isoformat(),
            "title": self.title,
            "terms": dict(self.terms),
            "entities": list(self.entities),
            "links": list(self.links),
            "places": list(self.places),
            "countries": None if self.countries is None else list(self.countries),
            "words": dict(self.words),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> StoryDoc:
        """Rebuild a doc from :meth:`to_dict` output.

        Args:
            data: the dict, e.g. as loaded from JSON. Keys added after the first
                release (``entities``, ``links``, ``places``, ``countries``, ``words``) may be
                missing, as in docs stored before them: ``countries`` is then
                None.

        Returns:
            The equal :class:`StoryDoc`.

        Raises:
            ParseError: a key is missing, or ``published`` is not an aware ISO 8601
                timestamp.
        """
        try:
            published = datetime.fromisoformat(str(data["published"]))
            countries = data.get("countries")
            doc = cls(
                article_id=str(data["article_id"]),
                url=data.get("url"),
                language=data.get("language"),
                published=published,
                title=str(data["title"]),
                terms={str(k): float(v) for k, v in dict(data["terms"]).items()},
                entities=tuple(str(e) for e in data.get("entities", ())),
                links=tuple(str(u) for u in data.get("links", ())),
                places=tuple(str(p) for p in data.get("places", ())),
                countries=None if countries is None else tuple(str(c) for c in countries),
                words={str(k): str(v) for k, v in dict(data.get("words") or {}).items()},
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ParseError(f"invalid story doc: {exc}") from exc
        if published.tzinfo is None:
            raise ParseError(f"story doc {doc.article_id}: naive published datetime")
        return doc


def weigh_terms(title: str, body: str, language: str | None) -> dict[str, float]:
    """Weighted key terms of one article.

    Args:
        title: the headline (its terms count ``TITLE_WEIGHT`` times).
        body: the body text.
        language: ISO 639-1 code, or None.

    Returns:
        term -> ``1 + ln(tf)`` for the ``MAX_TERMS`` heaviest terms.
    """
    counts: dict[str, float] = {}
    for term, weight in iter_terms(title, language):
        counts[term] = counts.get(term, 0.0) + TITLE_WEIGHT * weight
    for term, weight in iter_terms(body, language):
        counts[term] = counts.get(term, 0.0) + weight
    top = sorted(counts.items(), key=lambda kv: -kv[1])[:MAX_TERMS]
    return {term: round(1.0 + math.log(max(tf, 1.0)) if tf >= 1.0 else tf, 4) for term, tf in top}


def _latin_entities(text: str, language: str | None) -> Counter[str]:
    """Runs of capitalized words, lower-cased, accents folded, possessive 's dropped.

    A capitalized word at the start of a sentence counts unless the text also
    writes it in lower case (a lede often opens with the name that matters);
    but that word alone ending in "s", most often a plural common noun
    ("Thousands", "Forecasters"), counts only when the text also capitalizes
    it inside a sentence, as names are. Stop words, weekdays and months never
    count. A run ends at any punctuation ("England, Wales" gives two keys).
    """
    stops = stop_words(language or "en") | CALENDAR
    tokens: list[tuple[str, bool, bool]] = []  # (word, starts a sentence, follows a comma...)
    prev_end = 0
    for match in _LATIN_TOKEN.finditer(text):
        gap = text[prev_end : match.start()]
        word = _POSSESSIVE.sub("", match.group(0))
        tokens.append((word, prev_end == 0 or bool(_BOUNDARY.search(gap)), bool(gap.strip())))
        prev_end = match.end()
    lower = {tok for tok, _first, _sep in tokens if tok.islower()}
    inside = {fold(tok.lower()) for tok, first, _sep in tokens if not first and tok[:1].isupper()}
    found: Counter[str] = Counter()
    run: list[str] = []
    opens_sentence = False
    for token, first, separated in [*tokens, ("", True, True)]:
        low = token.lower()
        if run and separated:
            _close_run(run, opens_sentence, inside, found)
        if token and token[0].isupper() and low not in stops and not (first and low in lower):
            opens_sentence = opens_sentence if run else first
            run.append(fold(low))
            continue
        _close_run(run, opens_sentence, inside, found)
    return found


def _close_run(run: list[str], opens_sentence: bool, inside: set[str], found: Counter[str]) -> None:
    """Count a finished run of capitalized words as a key, then empty it."""
    plural_opener = len(run) == 1 and opens_sentence and run[0].endswith("s")
    if run and (not plural_opener or run[0] in inside):
        found[" ".join(run)] += 1
    run.clear()


def _drop_article(word: str) -> str:
    for article in ARTICLES:
        if word.startswith(article):
            return word[len(article) :]
    return word


def _uncased_entities(title: str, body: str, language: str | None) -> Counter[str]:
    """Name-like words of an uncased script (Arabic).

    A word counts when the text never writes that very word with the article
    ال (names rarely take it: أردوغان, دمشق, خوي; the adjective «الأذربيجاني»
    does not hide «أذربيجان») and it is used at least twice (title and body
    together: a headline verb such as «يضرب» is written once); so do words
    after a title cue («الرئيس», «وزير»). Both readings of an
    ambiguous proclitic are kept, as in the terms.
    """
    words = [w.strip('.,:;!?«»"()') for w in normalize_arabic(f"{title}\n{body}").split()]
    definite = {_drop_article(w) for w in words if w.startswith(ARTICLES)}
    found: Counter[str] = Counter()
    for word, count in Counter(words).items():
        bare = word[1:] if word[:1] in "وبفلك" and len(word) > 4 else word
        stems = terms(word, language)
        if word.startswith(ARTICLES) or bare in definite or word in definite or not stems:
            continue
        if count >= 2:
            for stem in stems:
                found[stem] += count
    for cue, word in zip(words, words[1:], strict=False):
        if cue in ARABIC_NAME_CUES:
            for stem in terms(word, language):
                found[stem] += 1
    return found


def extract_entities(
    title: str, body: str, language: str | None, *, limit: int = 20
) -> tuple[str, ...]:
    """Named-entity-like keys of an article, most frequent first.

    Args:
        title: the headline.
        body: the body text.
        language: ISO 639-1 code, or None.
        limit: at most this many keys.

    Returns:
        Lower-cased keys (``"recep tayyip erdogan"``, ``"erdogan"``) for cased
        scripts; normalized stems for Arabic and other uncased scripts.
    """
    text = f"{title}.\n{body}"
    cased = not ARABIC_CHAR.search(text[:400])
    found = _latin_entities(text, language) if cased else _uncased_entities(title, body, language)
    return tuple(key for key, _n in sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))[:limit])


@lru_cache(maxsize=16)
def _country_keys(language: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """(code, stems of one name) for every country name written in ``language``."""
    if language not in TABLE_LANGUAGES:
        return ()
    column = 1 + TABLE_LANGUAGES.index(language)
    keys: list[tuple[str, frozenset[str]]] = []
    for line in COUNTRY_TABLE.strip().splitlines():
        cells = [cell.strip() for cell in line.split("|")]
        for name in cells[column].split(";"):
            stems = frozenset(lexicon_terms(name.strip(), language))
            if stems:
                keys.append((cells[0], stems))
    return tuple(keys)


def extract_countries(doc_terms: Mapping[str, float], language: str | None) -> frozenset[str]:
    """The countries an article names, from its terms (see :mod:`.countries`).

    Args:
        doc_terms: the article's terms (``StoryDoc.terms``).
        language: its ISO 639-1 code; languages without a column find nothing.

    Returns:
        ISO 3166-1 alpha-2 codes of the countries whose name (every stem of one
        of its names, or its adjective) is among the terms.
    """
    keys = _country_keys(base_language(language) or "")
    return frozenset(code for code, stems in keys if stems <= doc_terms.keys())


def doc_countries(doc: StoryDoc) -> frozenset[str]:
    """The countries a doc names: as read from its text, or else from its terms.

    Args:
        doc: a doc from :func:`make_doc` or :meth:`StoryDoc.from_dict`.

    Returns:
        ISO 3166-1 alpha-2 codes: ``doc.countries`` when set, else
        :func:`extract_countries` of its terms (docs stored before the field,
        and languages read by stems).
    """
    if doc.countries is not None:
        return frozenset(doc.countries)
    return extract_countries(doc.terms, doc.language)


def written_forms(members: Sequence[StoryDoc], key_terms: Sequence[str]) -> tuple[str, ...]:
    """Each key term as the latest member naming it writes it (``StoryDoc.words``),
    else the term itself; for showing a story's key terms to people."""
    out = []
    for term in key_terms:
        word = next((doc.words[term] for doc in reversed(members) if term in doc.words), term)
        out.append(word)
    return tuple(out)


def make_doc(
    *,
    article_id: str,
    title: str,
    body: str,
    published: datetime,
    language: str | None = None,
    url: str | None = None,
    links: Sequence[str] = (),
) -> StoryDoc:
    """Compute the story features of one article.

    Args:
        article_id: unique article id (the canonical URL in the product).
        title: headline ("" when none).
        body: body text, paragraphs separated by blank lines.
        published: aware datetime of publication (or of first sight).
        language: the page's declared language (BCP 47), or None to detect it
            with py3langid.
        url: the article URL, or None.
        links: absolute URLs linked from the body, in order.

    Returns:
        The :class:`StoryDoc`.

    Raises:
        ParseError: ``published`` is a naive datetime.
    """
    if published.tzinfo is None:
        raise ParseError(f"naive published datetime for {article_id}", url=url)
    text = f"{title}\n{body}"
    lang = base_language(language) or detect_language(text)
    arabic = lang == "ar"
    doc_terms = weigh_terms(title, body, lang)
    return StoryDoc(
        article_id=article_id,
        url=url,
        language=lang,
        published=published,
        title=title.strip(),
        terms=doc_terms,
        entities=extract_entities(title, body, lang),
        links=tuple(dict.fromkeys(link for link in links if link and link != url)),
        places=find_arabic_places(text) if arabic else (),
        countries=(
            find_arabic_countries(text) if arabic else find_cased_countries(text, doc_terms, lang)
        ),
        words=surface_words(text, lang, frozenset(doc_terms)),
    )
