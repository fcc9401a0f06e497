"""Decode HTML and XML bytes to text with the right charset.

Order (WHATWG HTML "determining the character encoding", simplified):
a byte-order mark, then the HTTP ``Content-Type`` charset, then a
``<meta charset>`` / ``<meta http-equiv=Content-Type>`` or XML declaration in
the first 4 KiB, then statistical detection (charset-normalizer), then UTF-8
with replacement characters. A declared charset that fails to decode the bytes
strictly is treated as a lie and the next step is tried.

A declared single-byte Latin charset (ISO-8859-1, windows-1252, ISO-8859-15)
decodes *any* bytes, so it never fails that test: an Arabic page in
windows-1256 that says ``iso-8859-1`` would come out as mojibake
(``ÇáãíäÇÁ``). Such a decoding is therefore checked for plausibility
(:func:`latin_text_is_implausible`); when it fails, the other declarations,
then strict UTF-8, then charset-normalizer's best guess are tried, and the
guess is only taken when it reads as coherent text in a non-Latin script
(:func:`_non_latin_guess`). Otherwise the declared charset is kept.
"""

from __future__ import annotations

import codecs
import logging
import re

import charset_normalizer

logger = logging.getLogger(__name__)

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_XML_DECL = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HTML_LANG = re.compile(r"""<html\b[^>]*?\blang\s*=\s*["']?\s*([A-Za-z]{2,3})\b""", re.IGNORECASE)
_MARKUP = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>", re.IGNORECASE | re.DOTALL)
_WORD = re.compile(r"[^\W\d_]+")

LATIN_CHARSETS = frozenset({"cp1252", "iso8859-1", "iso8859-15"})
"""Codec names of the single-byte Latin charsets whose declarations are checked."""
NON_LATIN_LANGUAGES = frozenset(
    {
        # ISO 639-1 codes of languages normally written in a non-Latin script
        # (ISO 15924: Arab, Hebr, Cyrl, Grek, Armn, Geor, Ethi, Indic, CJK, Thai...)
        "am", "ar", "be", "bg", "bn", "el", "fa", "gu", "he", "hi", "hy", "ja", "ka",
        "kk", "km", "kn", "ko", "ky", "lo", "mk", "ml", "mn", "mr", "my", "ne", "pa",
        "ps", "ru", "sd", "si", "ta", "te", "tg", "th", "ug", "uk", "ur", "yi", "zh",
    }
)  # fmt: skip
"""``<html lang>`` primary subtags that make a Latin charset declaration suspect."""
FOREIGN_WORD_SHARE = 0.2
"""Share of words (3+ letters) made only of non-ASCII letters above which Latin text is
mojibake. Western European words nearly always contain an ASCII letter ("été",
"Größe", "não"); Arabic, Hebrew or Cyrillic bytes read as Latin-1 never do."""
MAX_GUESS_CHAOS = 0.2
"""Highest charset-normalizer "chaos" (0 clean .. 1 noise) accepted for a guess."""
SAMPLE_CHARS = 262_144
"""Characters of a document looked at by the plausibility statistics (speed on big pages)."""
NON_LATIN_SHARE = 0.8
"""Share of the guess's non-ASCII letters that must lie beyond U+024F (Latin Extended-B)."""
LANGUAGE_LEGACY_CHARSETS = {
    # the pre-Unicode charset of each language, after the table of suggested
    # default encodings per locale in the WHATWG HTML spec ("determining the
    # character encoding")
    "ar": "cp1256", "fa": "cp1256", "ur": "cp1256", "he": "cp1255", "yi": "cp1255",
    "ru": "cp1251", "uk": "cp1251", "be": "cp1251", "bg": "cp1251", "mk": "cp1251",
    "kk": "cp1251", "el": "cp1253", "th": "cp874", "ja": "shift_jis", "ko": "euc-kr",
    "zh": "gb18030",
}  # fmt: skip
"""``<html lang>`` primary subtag -> codec tried when detection finds nothing coherent."""


def charset_from_content_type(content_type: str | None) -> str | None:
    """The ``charset`` parameter of a Content-Type header value (RFC 9110 §8.3), or None."""
    if not content_type:
        return None
    match = _HEADER_CHARSET.search(content_type)
    return match.group(1).lower() if match else None


def _normalize(name: str) -> str | None:
    try:
        codec = codecs.lookup(name.decode("ascii") if isinstance(name, bytes) else name)
    except (LookupError, UnicodeDecodeError):
        return None
    # WHATWG: a declared latin-1/ascii means windows-1252.
    if codec.name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    return codec.name


def _try(data: bytes, encoding: str | None) -> str | None:
    if not encoding:
        return None
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _prose(text: str) -> str:
    """The first :data:`SAMPLE_CHARS` of ``text`` without tags, comments, scripts and
    styles (a rough cut, for statistics)."""
    return _MARKUP.sub(" ", text[:SAMPLE_CHARS])


def latin_text_is_implausible(text: str) -> bool:
    """True when ``text``, decoded as a Latin charset, looks like mojibake.

    Two signals, either is enough:

    * at least two words of 3+ letters, and at least :data:`FOREIGN_WORD_SHARE` of
      them, consist only of non-ASCII letters (``ÇáãíäÇÁ``);
    * ``<html lang>`` names a language of :data:`NON_LATIN_LANGUAGES` and the
      text has non-ASCII letters at all.

    Args:
        text: a whole HTML/XML document decoded with a Latin charset.

    Returns:
        True when another decoding should be looked for.
    """
    words = [w for w in _WORD.findall(_prose(text)) if len(w) >= 3]
    foreign = sum(1 for w in words if all(ord(c) > 0x7F for c in w))
    if foreign >= 2 and foreign >= FOREIGN_WORD_SHARE * len(words):
        return True
    lang = _HTML_LANG.search(text[:4096])
    if lang is None or lang.group(1).lower() not in NON_LATIN_LANGUAGES:
        return False
    return any(ord(c) > 0x7F and c.isalpha() for c in _prose(text))


def _mostly_non_latin(text: str) -> bool:
    """True when at least :data:`NON_LATIN_SHARE` of the non-ASCII letters outside
    markup lie beyond the Latin blocks (above U+024F)."""
    letters = [c for c in _prose(text) if ord(c) > 0x7F and c.isalpha()]
    beyond = sum(1 for c in letters if ord(c) > 0x24F)
    return bool(letters) and beyond >= NON_LATIN_SHARE * len(letters)


def _non_latin_guess(data: bytes, text: str) -> tuple[str, str] | None:
    """A better decoding than a suspect Latin one, or None.

    First charset-normalizer's best guess, taken when its codec is not a Latin
    one, its chaos is at most :data:`MAX_GUESS_CHAOS` and its text is
    :func:`_mostly_non_latin`; then, for short texts where detection is weak,
    the legacy charset of the ``<html lang>`` language
    (:data:`LANGUAGE_LEGACY_CHARSETS`) when it decodes strictly to non-Latin text.

    Args:
        data: the raw bytes.
        text: ``data`` decoded with the suspect Latin charset (for ``<html lang>``).

    Returns:
        ``(text, codec name)`` or None.
    """
    best = charset_normalizer.from_bytes(data).best()
    if (
        best is not None
        and best.encoding
        and _normalize(best.encoding) not in LATIN_CHARSETS
        and best.chaos <= MAX_GUESS_CHAOS
        and _mostly_non_latin(str(best))
    ):
        return str(best), best.encoding
    lang = _HTML_LANG.search(text[:4096])
    legacy = LANGUAGE_LEGACY_CHARSETS.get(lang.group(1).lower()) if lang else None
    decoded = _try(data, legacy)
    if legacy and decoded is not None and _mostly_non_latin(decoded):
        return decoded, legacy
    return None


def decode_document(data: bytes, *, declared: str | None = None) -> tuple[str, str]:
    """Decode an HTML or XML document.

    Args:
        data: the raw bytes.
        declared: the charset named by the HTTP Content-Type header, or None.

    Returns:
        ``(text, encoding)``: the decoded text (BOM removed) and the codec name used.
        Never raises: undecodable bytes become U+FFFD as a last resort.
        A declared Latin charset whose text fails :func:`latin_text_is_implausible`
        is only used when nothing better is found (see the module docstring).
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(name, errors="replace"), name
    head = data[:4096]
    candidates: list[str | None] = [_normalize(declared) if declared else None]
    for pattern in (_META_CHARSET, _XML_DECL):
        match = pattern.search(head)
        if match:
            candidates.append(_normalize(match.group(1).decode("ascii", "ignore")))
    suspect: tuple[str, str] | None = None
    for encoding in candidates:
        text = _try(data, encoding)
        if text is None or encoding is None:
            continue
        if encoding in LATIN_CHARSETS and latin_text_is_implausible(text):
            suspect = suspect or (text, encoding)
            continue
        return text, encoding
    if _try(data, "utf-8") is not None:
        return data.decode("utf-8"), "utf-8"
    if suspect is not None:
        guess = _non_latin_guess(data, suspect[0])
        if guess is None:
            return suspect
        logger.debug("declared charset %s reads as mojibake; using %s", suspect[1], guess[1])
        return guess
    best = charset_normalizer.from_bytes(data).best()
    if best is not None and best.encoding:
        return str(best), best.encoding
    return data.decode("utf-8", errors="replace"), "utf-8"


def decode_html(data: bytes, *, declared: str | None = None) -> str:
    """The text of :func:`decode_document` without the encoding name."""
    return decode_document(data, declared=declared)[0]


def looks_binary(data: bytes) -> bool:
    """True when ``data`` is not text: NUL bytes, or many control bytes, in its first 4 KiB.

    Used to refuse images, archives or garbage served as ``text/html``
    before they are parsed as an article. UTF-16 documents (with a BOM) are text.

    Args:
        data: the raw response body.

    Returns:
        True for binary content; False for text in any charset (and for b"").
    """
    head = data[:4096]
    if not head or head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > len(head) * 0.05
