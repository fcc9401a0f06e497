"""Countries named in text of a cased script (English, French), with the case checked; pure.

The country table (:mod:`scraper.stories.countries`) is matched on Snowball
stems, and some stems are common words too: "polish" (the verb) is Poland's
adjective, "turkey" the bird, "chad" and "jordan" first names in lower case
only when they are no names, « grenade » the weapon as well as Grenada.
Names are capitalized in these scripts, so a country counts only when every
word that the table writes capitalized ("Polish", "Turkey", « Grenade »; not
the French adjective « péruvien ») is written capitalized somewhere in the
text as well. A headline in title case still capitalizes every word: the
check removes the running-text collisions, not all of them.
"""

from __future__ import annotations

import re
from collections.abc import Container, Mapping
from functools import lru_cache

from scraper.stories.countries import COUNTRY_TABLE, TABLE_LANGUAGES
from scraper.stories.text import base_language, fold, lexicon_terms, terms

# Words of a name or of the text, split at spaces, hyphens and apostrophes
# ("Royaume-Uni", « Côte d'Ivoire »).
_WORD = re.compile(r"[^\W\d_]+")
PREFIX = 3

CountryKey = tuple[str, frozenset[str], frozenset[str]]  # code, stems, capitalized stems


@lru_cache(maxsize=16)
def country_keys(language: str) -> tuple[CountryKey, ...]:
    """(code, stems of one name, stems of its capitalized words) for each name.

    Args:
        language: ISO 639-1 code; languages without a table column give none.

    Returns:
        One key per name of the language's column of the country table.
    """
    if language not in TABLE_LANGUAGES:
        return ()
    column = 1 + TABLE_LANGUAGES.index(language)
    keys: list[CountryKey] = []
    for line in COUNTRY_TABLE.strip().splitlines():
        cells = [cell.strip() for cell in line.split("|")]
        for name in cells[column].split(";"):
            stems = frozenset(lexicon_terms(name.strip(), language))
            capitals = {
                s for w in _WORD.findall(name) if w[:1].isupper() for s in terms(w, language)
            }
            if stems:
                keys.append((cells[0], stems, frozenset(capitals)))
    return tuple(keys)


def capitalized_stems(
    text: str, language: str | None, *, prefixes: Container[str] | None = None
) -> frozenset[str]:
    """The stems of the words that ``text`` writes with a capital letter.

    Args:
        text: plain text (a headline and a body).
        language: ISO 639-1 code, or None.
        prefixes: when given, only words whose first ``PREFIX`` letters
            (lower-cased, accents folded) are among them are stemmed (a stem
            starts as its word does, so this only saves time).

    Returns:
        Snowball stems (as :func:`scraper.stories.text.terms` gives them).
    """
    words = {w for w in _WORD.findall(text) if w[:1].isupper()}
    if prefixes is not None:
        words = {w for w in words if fold(w[:PREFIX].lower()) in prefixes}
    return frozenset(stem for word in words for stem in _stems(word, language))


@lru_cache(maxsize=65536)
def _stems(word: str, language: str | None) -> tuple[str, ...]:
    return tuple(terms(word, language))


def find_cased_countries(
    text: str, doc_terms: Mapping[str, float], language: str | None
) -> tuple[str, ...]:
    """The countries a cased-script text names, its capitals checked.

    Args:
        text: the headline and body.
        doc_terms: the article's weighted terms (``StoryDoc.terms``), which
            must hold every stem of a name, as for
            :func:`scraper.stories.features.extract_countries`.
        language: ISO 639-1 code; languages without a table column find nothing.

    Returns:
        ISO 3166-1 alpha-2 codes, sorted, each once.
    """
    named = [
        (code, caps)
        for code, stems, caps in country_keys(base_language(language) or "")
        if stems <= doc_terms.keys()
    ]
    if not named:  # the usual case: the case of the text is read only when needed
        return ()
    prefixes = {stem[:PREFIX] for _code, caps in named for stem in caps}
    capitals = capitalized_stems(text, language, prefixes=prefixes)
    return tuple(sorted({code for code, caps in named if caps <= capitals}))
