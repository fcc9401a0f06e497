"""Countries named in Arabic text, matched on surface word forms; pure after loading.

Light stems of Arabic country names collide with common words: «تركيا»,
«التركي» and «الأتراك» reduce to «ترك», which is also the verb "left" («ترك
منصبه»), so a Lebanese article that says someone left office would name
Turkey. Countries are therefore read from the words as written, the way
:mod:`scraper.stories.arabic_places` reads cities:

- **Forms** (:func:`country_forms`): each Arabic name of
  :data:`scraper.stories.countries.COUNTRY_TABLE` as written, its article
  dropped, and for a one-word name its adjective (nisba) by the regular rule
  (:func:`nisba`: «تركيا» -> «تركي», «فرنسا» -> «فرنسي», «السعودية» ->
  «سعودي», «لبنان» -> «لبناني»), with the feminine and the sound plural and
  dual endings (``NISBA_ENDINGS``: «التركية», «السوريون», «اللبنانيين»).
  Irregular adjectives, broken plurals and other spellings are data
  (:data:`scraper.stories.countries.ARABIC_EXTRA_FORMS`: «الأتراك», «نمساوي»,
  «أميركا»).
- **Matching** (:func:`find_arabic_countries`), as
  :func:`scraper.stories.arabic_places.find_names` does: each word read as
  itself, without its article or article compound (ال وال بال فال كال لل وبال),
  or without one proclitic (و ف ب ل); forms of several words in order, the
  longest first. A name that the table writes without article never matches
  a word with one («القطر» is "the diameter", or "the country" in Syrian
  usage, not Qatar), and one written with it never matches a word with a bare
  proclitic («فيمن», "among whom", is no ف + «يمن»: «واليمن» is). Unlike
  city names, no list of common words blocks the proclitic reading: the
  frequent «وتركيا» and «لمصر» are country names. No stemming, so «ترك» (the verb), «تركه»
  and «تركوا» name no country while «بتركيا», «وتركيا» and «الأتراك» do.

Normalization is :func:`scraper.stories.text.normalize_arabic` with ة kept (a
final ه is also read as ة, as some writers drop its dots).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from scraper.stories.arabic_places import MAX_WORDS, MIN_LETTERS, PROCLITICS, strip_article
from scraper.stories.countries import ARABIC_EXTRA_FORMS, COUNTRY_TABLE, TABLE_LANGUAGES
from scraper.stories.text import normalize_arabic

# Endings of an adjective in ي: feminine, masculine sound plural (nominative,
# oblique), dual (nominative, oblique; masculine and feminine), feminine plural.
NISBA_ENDINGS = ("", "ة", "ون", "ين", "ان", "تان", "تين", "ات")
_YAA, _ALEF, _TAA_MARBUTA = "ي", "ا", "ة"
_WORD = re.compile(r"[\u0621-\u064a]+")


@dataclass(frozen=True, slots=True)
class CountryForms:
    """Surface forms of Arabic country names.

    Attributes:
        codes: normalized form without article (ة kept) -> ISO 3166-1 alpha-2 code.
        firsts: the first words of the forms of several words.
        bare: one-word names that the table writes without article («قطر»,
            «مصر»): a proper name never takes one, so «القطر» ("the
            country", "the diameter") names no country.
        definite: one-word names written with it («اليمن», «الروس»): after
            a proclitic they show it («واليمن»), so «فيمن» ("among whom")
            is no ف + «يمن».
    """

    codes: dict[str, str]
    firsts: frozenset[str]
    bare: frozenset[str] = frozenset()
    definite: frozenset[str] = frozenset()


def _normalize(text: str) -> str:
    return normalize_arabic(text, keep_taa_marbuta=True)


def nisba(name: str) -> str:
    """The regular adjective of a one-word country name (normalized, no article).

    Args:
        name: e.g. «تركيا», «فرنسا», «سعودية», «لبنان».

    Returns:
        The masculine singular adjective: a final «يا» or «ية» loses its last
        letter (تركي, سعودي), another final ا or ة becomes ي (فرنسي, سنغافوري),
        a final ي stays (تشيلي), and any other name takes ي (لبناني, مصري).
    """
    if name.endswith((_YAA + _ALEF, _YAA + _TAA_MARBUTA)):
        return name[:-1]
    if name.endswith((_ALEF, _TAA_MARBUTA)):
        return name[:-1] + _YAA
    if name.endswith(_YAA):
        return name
    return name + _YAA


def _key(form: str) -> str:
    words = _normalize(form).split()
    return " ".join([strip_article(words[0]), *words[1:]]) if words else ""


def _adjective_forms(adjective: str) -> Iterator[str]:
    for ending in NISBA_ENDINGS:
        yield adjective + ending


def _table_names() -> Iterator[tuple[str, str]]:
    """(code, name) of every Arabic name of the table, normalized."""
    column = 1 + TABLE_LANGUAGES.index("ar")
    for line in COUNTRY_TABLE.strip().splitlines():
        cells = [cell.strip() for cell in line.split("|")]
        for name in cells[column].split(";"):
            if name := _normalize(name.strip()):
                yield cells[0], name


def _table_forms() -> Iterator[tuple[str, str]]:
    """(code, key) of every Arabic name of the table and of its regular adjective."""
    for code, name in _table_names():
        key = _key(name)
        if key:
            yield code, key
            if " " not in key:
                for form in _adjective_forms(nisba(key)):
                    yield code, form


def _extra_names() -> Iterator[tuple[str, str]]:
    """(code, form) of every line of the irregular forms, as written."""
    for line in ARABIC_EXTRA_FORMS.strip().splitlines():
        code, _sep, forms = (cell.strip() for cell in line.partition("|"))
        for form in forms.split(";"):
            yield code, form


def _extra_forms() -> Iterator[tuple[str, str]]:
    """(code, key) of the irregular forms, an adjective in ي with its endings."""
    for code, form in _extra_names():
        key = _key(form)
        if " " not in key and key.endswith(_YAA):
            for variant in _adjective_forms(key):
                yield code, variant
        elif key:
            yield code, key


@lru_cache(maxsize=1)
def country_forms() -> CountryForms:
    """Every surface form of the Arabic country names (built once).

    A form that two countries would share is dropped (it tells neither).

    Returns:
        The :class:`CountryForms`.
    """
    codes: dict[str, str] = {}
    shared: set[str] = set()
    for code, key in [*_table_forms(), *_extra_forms()]:
        if codes.setdefault(key, code) != code:
            shared.add(key)
    for key in shared:
        del codes[key]
    firsts = frozenset(key.split(" ", 1)[0] for key in codes if " " in key)
    names = [name for _code, name in _table_names()]
    names += [_normalize(form.strip()) for _code, form in _extra_names()]
    one_word = [name for name in names if name and " " not in name]
    bare = frozenset(name for name in one_word if _key(name) == name)
    definite = frozenset(_key(name) for name in one_word if _key(name) != name)
    return CountryForms(codes, firsts, bare, definite - bare)


@lru_cache(maxsize=65536)
def _word_keys(word: str) -> tuple[tuple[str, str], ...]:
    """(reading, how it was read) for each reading of one word, itself first.

    How: ``"self"``, ``"article"`` (an article or article compound dropped,
    perhaps after a proclitic) or ``"proclitic"`` (one of و ف ب ل dropped);
    each reading in ه is also read in ة.
    """
    found = [(word, "self")]
    bare = strip_article(word)
    if bare != word:
        found.append((bare, "article"))
    elif word[:1] in PROCLITICS and len(word) > MIN_LETTERS:
        rest = word[1:]
        found.append((rest, "proclitic"))
        if (bare := strip_article(rest)) != rest:
            found.append((bare, "article"))
    taa = [(r[:-1] + _TAA_MARBUTA, how) for r, how in found if r.endswith("ه")]
    return tuple(found + taa)


def _reads_as_name(key: str, how: str, forms: CountryForms) -> bool:
    """Whether a one-word reading is a name: no article on a bare name, none missing."""
    if how == "article":
        return key not in forms.bare
    return how != "proclitic" or key not in forms.definite


def _match(words: list[str], i: int, forms: CountryForms) -> str | None:
    """The key that the words from ``i`` on start with, longest first, or None."""
    for first, how in _word_keys(words[i]):
        sizes = range(MAX_WORDS, 1, -1) if first in forms.firsts else ()
        for size in sizes:
            key = " ".join([first, *words[i + 1 : i + size]])
            if key in forms.codes:
                return key
        if first in forms.codes and _reads_as_name(first, how, forms):
            return first
    return None


def find_arabic_countries(text: str) -> tuple[str, ...]:
    """The countries that an Arabic text names, in order of first use.

    Args:
        text: plain text (a headline and a body); non-Arabic words are ignored.

    Returns:
        ISO 3166-1 alpha-2 codes, each once.
    """
    forms = country_forms()
    words = _WORD.findall(_normalize(text))
    found: dict[str, None] = {}
    for i in range(len(words)):
        key = _match(words, i, forms)
        if key is not None:
            found.setdefault(forms.codes[key])
    return tuple(found)
