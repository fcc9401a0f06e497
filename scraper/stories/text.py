"""Language-aware tokenization and normalization for story matching; pure, no I/O.

Every function here maps text to *terms*: normalized, stemmed strings that two
articles of the same language share when they use the same word in another
inflection or spelling. Terms of different languages are never compared: the
index keys them by language (see :mod:`scraper.stories.index`).

Rules by script:

- **Arabic**: diacritics (harakat, U+064B-U+0652, superscript alef U+0670) and
  tatweel (U+0640) are removed; alef forms (أ إ آ ٱ) become ا, final ى becomes ي,
  taa marbuta ة becomes ه, hamza seats ؤ/ئ become و/ي, and the accusative
  alef of tanween (موعداً) is dropped (the usual IR normalization, Larkey et
  al. 2007 "light10"). The article and its compounds
  (ال وال بال فال كال لل) are stripped; a bare one-letter proclitic (و ف ب ل ك)
  is ambiguous (وزير "minister" starts with و) so both readings are emitted,
  each at half weight. A few plural/dual/feminine suffixes are stripped when
  at least three letters remain.
- **Latin, Cyrillic, Greek** and other cased scripts: lower-cased, French/Italian
  elisions (l', d', qu') dropped, stop words removed (the ``stop-words``
  package), then a Snowball stemmer (``snowballstemmer``) when one exists for
  the language.
- **CJK** (Han, Hiragana, Katakana, Hangul): overlapping character bigrams,
  since these scripts do not separate words with spaces.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterator
from functools import lru_cache

import snowballstemmer
from stop_words import AVAILABLE_LANGUAGES, get_stop_words

from scraper.stories.lexicon import ARABIC_EXTRA_STOP, LANG_NAMES, WEEKDAYS

logger = logging.getLogger(__name__)

ARABIC_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC_MAP = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        "ی": "ي",
        "ک": "ك",
    }
)
_ARABIC_MAP_KEEP_TAA = str.maketrans({k: v for k, v in _ARABIC_MAP.items() if k != ord("ة")})
ARTICLES = ("وبال", "وال", "بال", "فال", "كال", "لل", "ال")
_PROCLITICS = frozenset("وفبلك")
_SUFFIXES = ("هما", "ات", "ون", "ين", "ها", "يه", "يا", "ه", "ي")
_TANWEEN_ALEF = re.compile(r"(?:ا\u064b|\u064bا)(?=\W|$)")

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*", re.UNICODE)
_ELISION = re.compile(r"^(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)['’]", re.IGNORECASE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+")
ARABIC_CHAR = re.compile(r"[\u0600-\u06ff]")

CJK_LANGUAGES = frozenset({"zh", "ja", "ko"})


def base_language(language: str | None) -> str | None:
    """Reduce a BCP 47 tag to its lower-case primary subtag (``"ar-EG"`` -> ``"ar"``).

    Args:
        language: a BCP 47 / ISO 639-1 tag, or None.

    Returns:
        The two- or three-letter primary language code, or None when empty.
    """
    if not language:
        return None
    code = language.strip().replace("_", "-").split("-", 1)[0].lower()
    return code or None


def detect_language(text: str) -> str | None:
    """Guess the ISO 639-1 language of ``text`` with py3langid.

    Used only when the page does not declare its language.

    Args:
        text: any text; the first 2,000 characters are used.

    Returns:
        A code such as ``"ar"``/``"en"``, or None for text without letters.
    """
    sample = text[:2000]
    if not any(ch.isalpha() for ch in sample):
        return None
    import py3langid  # deferred: loading its model takes a moment

    code, _score = py3langid.classify(sample)
    return str(code)


def normalize_arabic(text: str, *, keep_taa_marbuta: bool = False) -> str:
    """Apply the Arabic orthographic normalization described in the module docstring.

    Args:
        text: any text; non-Arabic characters pass through unchanged.
        keep_taa_marbuta: leave ة as it is (place names, see
            :mod:`scraper.stories.arabic_places`: a name transcribed with a
            final ه is no feminine noun in ة).

    Returns:
        The text without diacritics and tatweel, with unified alef/yaa (and
        taa marbuta, unless kept).
    """
    text = _TANWEEN_ALEF.sub("", text)
    table = _ARABIC_MAP_KEEP_TAA if keep_taa_marbuta else _ARABIC_MAP
    return ARABIC_DIACRITICS.sub("", text).translate(table)


def _strip_suffix(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=65536)
def arabic_stems(word: str) -> tuple[str, ...]:
    """Light-stem one normalized Arabic word (a variant of Larkey's light10).

    Args:
        word: a word already passed through :func:`normalize_arabic`.

    Returns:
        One stem, or two (with and without a one-letter proclitic) when the
        prefix is ambiguous; empty for stop words and one-letter words.
    """
    if len(word) < 2 or word in _ar_stop():
        return ()
    for article in ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= 2:
            return (_strip_suffix(word[len(article) :]),)
    if word[0] in _PROCLITICS and len(word) >= 4:
        rest = word[1:]
        if rest in _ar_stop():
            return ()
        return (_strip_suffix(word), _strip_suffix(rest))
    return (_strip_suffix(word),)


@lru_cache(maxsize=1)
def _ar_stop() -> frozenset[str]:
    words = {normalize_arabic(w) for w in get_stop_words("arabic")}
    return frozenset(words | ARABIC_EXTRA_STOP)


@lru_cache(maxsize=64)
def stop_words(language: str) -> frozenset[str]:
    """The stop words of a language, lower-cased (empty when none are known).

    Args:
        language: an ISO 639-1 code.

    Returns:
        The ``stop-words`` package list for the language, plus Arabic additions
        and weekday names.
    """
    if language == "ar":
        return _ar_stop()
    name = LANG_NAMES.get(language)
    if name is None or name not in AVAILABLE_LANGUAGES:
        return WEEKDAYS
    return frozenset(w.lower() for w in get_stop_words(name)) | WEEKDAYS


@lru_cache(maxsize=64)
def _stemmer(language: str) -> snowballstemmer.stemmer | None:
    name = LANG_NAMES.get(language)
    if name is None or name not in snowballstemmer.algorithms():
        return None
    return snowballstemmer.stemmer(name)


def fold(word: str) -> str:
    """Drop combining accents, so « événement » meets « evenement ».

    Args:
        word: any text.

    Returns:
        The text in NFKD form without combining marks.
    """
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _cjk_bigrams(run: str) -> Iterator[tuple[str, float]]:
    if len(run) == 1:
        yield run, 1.0
        return
    for i in range(len(run) - 1):
        yield run[i : i + 2], 1.0


def iter_terms(text: str, language: str | None) -> Iterator[tuple[str, float]]:
    """Yield ``(term, weight)`` for each token of ``text``, in order.

    Args:
        text: plain text (a headline or a body).
        language: ISO 639-1 code of the text, or None (script rules still apply).

    Yields:
        Normalized terms with weight 1.0, or 0.5 for each of two readings of an
        ambiguous Arabic proclitic. Numbers, stop words and one-letter tokens are
        dropped.
    """
    lang = base_language(language) or ""
    stops = stop_words(lang) if lang else frozenset()
    stemmer = _stemmer(lang) if lang and lang != "ar" else None
    for cjk in _CJK.findall(text):
        yield from _cjk_bigrams(cjk)
    text = _CJK.sub(" ", text)
    if ARABIC_CHAR.search(text):
        text = normalize_arabic(text)  # before splitting: harakat are not word characters
    for match in _WORD.finditer(text):
        token = match.group(0)
        if token[0].isdigit():
            continue
        if ARABIC_CHAR.match(token):
            stems = arabic_stems(token)
            for stem in stems:
                yield stem, 1.0 / len(stems)
            continue
        word = _ELISION.sub("", token.lower().replace("’", "'"))
        if len(word) < 2 or word in stops:
            continue
        yield fold(stemmer.stemWord(word) if stemmer else word), 1.0


def surface_words(
    text: str, language: str | None, wanted: Collection[str], *, limit: int = 20_000
) -> dict[str, str]:
    """A readable written form for each of some terms: the word the text uses
    most often for it ("الرئيس" for the term «رييس», "strikes" for "strike").

    Args:
        text: plain text (headline and body).
        language: ISO 639-1 code, or None.
        wanted: the terms to name (e.g. an article's heaviest).
        limit: characters of ``text`` read (a long article's terms all occur early).

    Returns:
        term -> written form (diacritics and tatweel removed, otherwise as
        written; a lower-case form when the text has one), for the wanted
        terms found; ties go to the first seen.
    """
    seen: dict[str, Counter[str]] = {}
    clean = ARABIC_DIACRITICS.sub("", text[:limit])  # harakat would split words
    for match in _WORD.finditer(clean):
        word = match.group(0)
        if word[:1].isdigit() or len(word) < 2:
            continue
        for term in terms(word, language):
            if term in wanted:
                seen.setdefault(term, Counter())[word] += 1
    return {term: _readable(forms) for term, forms in seen.items()}


def _readable(forms: Counter[str]) -> str:
    """The most frequent form, lower case preferred: a capital that only opens a
    sentence ("Additional") is not part of the word, a name's always is."""
    lower = [(n, w) for w, n in forms.items() if not w[:1].isupper()]
    if lower:
        return max(lower, key=lambda item: item[0])[1]
    return forms.most_common(1)[0][0]


def terms(text: str, language: str | None) -> list[str]:
    """The terms of ``text`` in order (ambiguous Arabic readings both included).

    Args:
        text: plain text.
        language: ISO 639-1 code, or None.

    Returns:
        A list of normalized, stemmed terms.
    """
    return [term for term, _weight in iter_terms(text, language)]


def lexicon_terms(phrase: str, language: str | None) -> list[str]:
    """The terms of a word list entry (a country name, a topic word), one per word.

    A word of a name is written in full in a list, so an ambiguous Arabic
    proclitic is read as part of the word only: «لبنان» gives «لبنان», not
    also «بنان» (as :func:`terms` does for running text, where «لبنان» and
    «للبنان» need both readings to meet «اللبناني»).

    Args:
        phrase: one entry, words separated by spaces.
        language: ISO 639-1 code, or None.

    Returns:
        The terms in order: one per Arabic word, every one of a hyphenated
        Latin word ("Royaume-Uni"); stop words give none.
    """
    found: list[str] = []
    for word in phrase.split():
        readings = terms(word, language)
        found.extend(readings[:1] if ARABIC_CHAR.match(word) else readings)
    return found
