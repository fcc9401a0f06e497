"""Pure revision logic: text normalization, "is this a revision?", and diffs.

Fact-checkers use these diffs to spot stealth edits, so the rule is strict in
one direction: normalization removes only what a reader cannot see or what a
CMS rewrites on its own (invisible characters, Arabic tatweel, typographic
quote and dash variants, whitespace), and never a letter, digit or punctuation
mark that can change meaning. A changed number is always a revision.

Texts are compared paragraph by paragraph; a paragraph is a run of text
between blank lines (the ``Article.body`` convention). No I/O here.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata
from collections.abc import Sequence

from scraper.models import Article, Change, Revision

# Invisible characters dropped before comparison: zero-width space/joiners and
# LRM/RLM (U+200B-U+200F), bidi embeddings and overrides (U+202A-U+202E), bidi
# isolates (U+2066-U+2069), word joiner (U+2060), Arabic letter mark (U+061C),
# byte order mark / ZWNBSP (U+FEFF), soft hyphen (U+00AD) and Arabic tatweel
# (U+0640, a purely typographic elongation of the letter joins).
_INVISIBLE = dict.fromkeys(
    [
        *range(0x200B, 0x2010),
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
        0x2060,
        0x061C,
        0xFEFF,
        0x00AD,
        0x0640,
    ]
)

# Typographic variants a CMS substitutes on its own ("smart quotes", dash
# styles); they are folded to their ASCII form. Guillemets and the Arabic comma
# are NOT folded: they are a real editorial choice and visible.
_TYPOGRAPHIC = str.maketrans(
    {
        "\u2018": "'",  # left single quotation mark
        "\u2019": "'",  # right single quotation mark / apostrophe
        "\u201a": "'",  # single low-9 quotation mark
        "\u201b": "'",  # single high-reversed-9 quotation mark
        "\u201c": '"',  # left double quotation mark
        "\u201d": '"',  # right double quotation mark
        "\u201e": '"',  # double low-9 quotation mark
        "\u201f": '"',  # double high-reversed-9 quotation mark
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2012": "-",  # figure dash
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2015": "-",  # horizontal bar
        "\u2212": "-",  # minus sign
    }
)

_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*|\u2029\s*")
_WHITESPACE = re.compile(r"\s+")
# One token per CJK ideograph/kana (those scripts do not separate words with
# spaces); any other run of non-space characters is one word (Latin, Arabic...).
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
_TOKEN = re.compile(rf"\s*(?:[{_CJK}]|[^\s{_CJK}]+)")

CHANGE_FIELDS: tuple[str, ...] = ("title", "body", "published", "updated")
"""Fields a :class:`Change` may name, in the order they are listed."""


def _clean(text: str) -> str:
    """NFKC, invisible characters dropped, typography folded, line ends unified."""
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE).translate(_TYPOGRAPHIC)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def paragraphs(text: str) -> list[str]:
    """Split a body into normalized, non-empty paragraphs.

    Args:
        text: a body with paragraphs separated by blank lines (``"\\n\\n"``, also
            ``"\\r\\n\\r\\n"`` or U+2029 PARAGRAPH SEPARATOR); single line breaks
            inside a paragraph count as spaces.

    Returns:
        The paragraphs in order, each normalized as :func:`normalize_text`
        describes; paragraphs that are empty after normalization are dropped.
    """
    parts = (_WHITESPACE.sub(" ", part).strip() for part in _PARAGRAPH_BREAK.split(_clean(text)))
    return [part for part in parts if part]


def normalize_text(text: str) -> str:
    """Normalize a text for comparison (never for display or storage).

    Rules, in order:

    1. Unicode NFKC (UAX #15): compatibility forms such as Arabic presentation
       forms, full-width Latin letters and no-break spaces become their
       ordinary equivalents.
    2. Invisible characters are dropped: U+200B-U+200F (zero-width, LRM/RLM),
       U+202A-U+202E and U+2066-U+2069 (bidi controls), U+2060, U+061C, U+FEFF,
       the soft hyphen U+00AD and the Arabic tatweel U+0640.
    3. Typographic quotes fold to ``'`` and ``"``; hyphen and dash variants
       (U+2010-U+2015) and the minus sign U+2212 fold to ``-``.
    4. Whitespace runs inside a paragraph become one space; paragraphs are
       joined with ``"\\n\\n"``; the result is stripped.

    Letters, digits (Arabic-Indic digits are kept as they are), diacritics and
    other punctuation are left untouched, so a changed number or word still
    makes the texts differ.

    Args:
        text: any text; paragraphs separated by blank lines.

    Returns:
        The normalized text ("" when nothing visible remains).
    """
    return "\n\n".join(paragraphs(text))


def content_hash(title: str | None, body: str) -> str:
    """Fingerprint an article version so that invisible edits do not change it.

    Args:
        title: the headline, or None (hashed as "").
        body: the body text, paragraphs separated by blank lines.

    Returns:
        The hex SHA-256 (64 characters) of ``normalize_text(title) + "\\n\\n" +
        normalize_text(body)`` encoded as UTF-8.
    """
    normalized = normalize_text(title or "") + "\n\n" + normalize_text(body)
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()


def unified_diff(old_body: str, new_body: str, *, from_label: str, to_label: str) -> str:
    """Unified diff of two bodies, one normalized paragraph per line.

    Args:
        old_body, new_body: bodies with paragraphs separated by blank lines.
        from_label, to_label: the ``---``/``+++`` header names
            (``"revision 1"``, ``"revision 2"``).

    Returns:
        The :func:`difflib.unified_diff` lines (3 paragraphs of context) joined
        with ``"\\n"`` and no trailing newline; "" when the normalized bodies are
        equal. Right-to-left text is kept in logical order, bidi controls removed.
    """
    lines = difflib.unified_diff(
        paragraphs(old_body),
        paragraphs(new_body),
        fromfile=from_label,
        tofile=to_label,
        lineterm="",
    )
    return "\n".join(lines)


def _added_removed(old: Sequence[str], new: Sequence[str]) -> tuple[list[str], list[str]]:
    """Paragraphs only in ``new`` (added) and only in ``old`` (removed), in order."""
    added: list[str] = []
    removed: list[str] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("replace", "delete"):
            removed.extend(old[i1:i2])
        if tag in ("replace", "insert"):
            added.extend(new[j1:j2])
    return added, removed


def _first_change(article: Article) -> Change:
    """The Change of a first version: every present field, every paragraph added."""
    present = {
        "title": bool(article.title and normalize_text(article.title)),
        "body": bool(paragraphs(article.body)),
        "published": article.published is not None,
        "updated": article.updated is not None,
    }
    changed = tuple(name for name in CHANGE_FIELDS if present[name])
    return Change(changed=changed, diff="", added=tuple(paragraphs(article.body)))


def compare(previous: Revision | None, article: Article) -> Change | None:
    """Decide whether ``article`` is a new revision of ``previous``, and how.

    Rule: only the title and the body make a revision. Two versions whose
    normalized titles and bodies (see :func:`normalize_text`) are equal are the
    same revision, whatever their ``published``/``updated`` timestamps say: many
    sites bump ``dateModified`` on every page render. When the title or body
    did change, timestamp changes are reported too.

    Args:
        previous: the last stored revision, or None when the article is new.
        article: the freshly extracted version.

    Returns:
        None when ``previous`` exists and nothing meaningful changed. Otherwise a
        :class:`Change` whose ``changed`` lists, in the order title, body,
        published, updated, the fields that differ (for a new article: the
        fields present); ``diff`` is the unified paragraph diff labelled
        ``"revision N"``/``"revision N+1"`` ("" for a new article or a
        title-only change); ``added``/``removed`` are the normalized paragraphs
        that appeared/disappeared, in order.
    """
    if previous is None:
        return _first_change(article)
    old_paragraphs = paragraphs(previous.body)
    new_paragraphs = paragraphs(article.body)
    differs = {
        "title": normalize_text(previous.title or "") != normalize_text(article.title or ""),
        "body": old_paragraphs != new_paragraphs,
        "published": previous.published != article.published,
        "updated": previous.updated != article.updated,
    }
    if not (differs["title"] or differs["body"]):
        return None
    diff = unified_diff(
        previous.body,
        article.body,
        from_label=f"revision {previous.number}",
        to_label=f"revision {previous.number + 1}",
    )
    added, removed = _added_removed(old_paragraphs, new_paragraphs)
    return Change(
        changed=tuple(name for name in CHANGE_FIELDS if differs[name]),
        diff=diff,
        added=tuple(added),
        removed=tuple(removed),
    )


def _tokens(text: str) -> list[str]:
    """Words of a normalized text, each with the whitespace that precedes it."""
    return _TOKEN.findall(normalize_text(text))


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """Word-level differences inside a changed paragraph, for display.

    Words are whitespace-separated runs (Latin, Arabic, Hebrew, Cyrillic...);
    each CJK ideograph or kana counts as one word, since those scripts do not
    separate words with spaces. Both texts are normalized first.

    Args:
        old, new: the two versions of a paragraph (or of any short text).

    Returns:
        ``(op, text)`` segments in reading (logical) order, where ``op`` is
        ``"="`` (kept), ``"-"`` (only in ``old``) or ``"+"`` (only in ``new``);
        each segment's text keeps the single space before its words, so the
        ``"="`` and ``"+"`` segments concatenated give the normalized ``new``.
        Empty when both texts are empty.
    """
    old_tokens, new_tokens = _tokens(old), _tokens(new)
    matcher = difflib.SequenceMatcher(
        a=[token.strip() for token in old_tokens],
        b=[token.strip() for token in new_tokens],
        autojunk=False,
    )
    segments: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            segments.append(("=", "".join(new_tokens[j1:j2])))
            continue
        if i2 > i1:
            segments.append(("-", "".join(old_tokens[i1:i2])))
        if j2 > j1:
            segments.append(("+", "".join(new_tokens[j1:j2])))
    return segments


__all__ = [
    "CHANGE_FIELDS",
    "compare",
    "content_hash",
    "normalize_text",
    "paragraphs",
    "unified_diff",
    "word_diff",
]
