"""One pass over a page's ``<body>`` collecting the date values its markup holds.

:func:`scan_body` walks the DOM depth-first in document order and cuts the
visible text into blocks (paragraphs, list items, headings...). In each block it
records the machine-readable date values found on elements, with their offset in
the block's text so the caller can read the words just before them:

* schema.org microdata ``itemprop`` ``datePublished``/``dateCreated``/
  ``dateModified`` (the ``content`` or ``datetime`` attribute, else the text);
* ``<time datetime>``;
* ``data-*`` attributes whose name says they hold a date (``data-ts``,
  ``data-epoch``, ``data-published``, ``data-timestamp``...);
* the ``title`` of an ``<abbr>``/``<span>`` whose class or id names a date.

A value's ``hint`` says whether its class, id or attribute name marks it as the
publication or the update date (``"entry-date"``, ``"updated"``...).

Skipped, with all they contain: ``<script>`` (JSON-LD is read elsewhere),
``<style>``, ``<nav>``, ``<footer>``, ``<aside>``, forms and other non-content
elements; elements whose ARIA role is navigation, complementary, contentinfo or
banner; elements whose class or id names related stories, comments, sidebars,
footers, site headers and the like (unless they wrap the article itself); and
the rest of a container after a "Related" / "Comments" heading
(:data:`~scraper.parse.datetext.RELATED_HEADING`).

Parsing values into datetimes and deciding which date is which is left to
:mod:`scraper.parse.dates`. Pure: the tree is only read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from selectolax.lexbor import LexborNode

from .blocks import gap_before
from .datetext import RELATED_HEADING, Kind


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_SKIP_TAGS = _word_set(
    "script style noscript template nav footer aside form button select textarea svg "
    "iframe object head dialog"
)
_BLOCK_TAGS = _word_set(
    "p div li ul ol dl dt dd section article header main h1 h2 h3 h4 h5 h6 table tr td th "
    "figure figcaption blockquote br hr address pre"
)
# Formatting elements that may sit inside a word ("<b>N</b>ews", "km<sup>2</sup>"):
# no space is put before them. Any other element starts a new word (see _walk).
_WORD_TAGS = _word_set(
    "b i em strong u s sup sub small mark wbr abbr bdi bdo big code del ins kbd "
    "q rt ruby samp tt var font"
)
_EXCLUDE_WORDS = _word_set(
    "related recommended recommendations recommend comment comments disqus replies "
    "sidebar widget footer copyright trending popular newsletter breadcrumb breadcrumbs "
    "masthead navbar ticker outbrain taboola promo teaser teasers topbar mostread "
    "readmore morestories relatedposts"
)
_EXCLUDE_PAIRS = frozenset(
    {
        ("most", "read"),
        ("read", "more"),
        ("more", "stories"),
        ("more", "news"),
        ("also", "read"),
        ("site", "header"),
        ("top", "bar"),
        ("mas", "noticias"),
        ("leggi", "anche"),
    }
)
_EXCLUDE_ROLES = frozenset({"navigation", "complementary", "contentinfo", "banner"})
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_ITEMPROP: dict[str, Kind] = {
    "datepublished": "published",
    "datecreated": "published",
    "datemodified": "updated",
}
_DATA_ATTR = re.compile(
    r"^data-(?:ts$|epoch|unix|[\w-]*(?:date|time|stamp|publish|updated|modified|created|posted))"
)
_HINT_PUBLISHED = re.compile(r"publish|pubdate|posted|created|issued|entry-date|post-date|release")
_HINT_UPDATED = re.compile(r"updat|modif|edited|revis|lastmod|last-mod|changed")


@dataclass(slots=True)
class DateValue:
    """A date value stated by an element's markup, not yet parsed.

    Attributes:
        offset: where the element starts in its block's text (characters).
        raw: the attribute value (or, for ``itemprop``, possibly the text).
        hint: the kind its class, id or attribute name announces, if any.
        own_text: the element's visible text ("" for ``itemprop`` values).
        itemprop: True for schema.org microdata; ``hint`` is then always set.
    """

    offset: int
    raw: str
    hint: Kind | None
    own_text: str
    itemprop: bool


@dataclass(slots=True)
class Block:
    """One block of visible text and the date values found inside it.

    Attributes:
        text: the block's text nodes joined as they are (not stripped).
        values: the values in document order.
        after_h1: True when the block comes after the end of an ``<h1>``.
    """

    text: str
    values: list[DateValue]
    after_h1: bool


@dataclass(slots=True)
class Scan:
    """The result of :func:`scan_body`, also its state while walking.

    Attributes:
        blocks: the non-empty blocks in document order.
        after_h1: after the walk, True when the page has an ``<h1>`` that was read.
    """

    blocks: list[Block] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    length: int = 0
    values: list[DateValue] = field(default_factory=list)
    after_h1: bool = False

    def flush(self) -> None:
        if not self.parts and not self.values:
            return
        text = "".join(self.parts)
        if text.strip() or self.values:
            self.blocks.append(Block(text, self.values, self.after_h1))
        self.parts, self.length, self.values = [], 0, []


def scan_body(body: LexborNode | None) -> Scan:
    """Cut the page body into text blocks with the date values of their markup.

    Args:
        body: the ``<body>`` node, or None when the page has none.

    Returns:
        A :class:`Scan` (no blocks when ``body`` is None).
    """
    scan = Scan()
    if body is not None:
        _walk(body, scan)
    scan.flush()
    return scan


def _walk(root: LexborNode, scan: Scan) -> None:
    """Read the subtree at ``root`` in document order, in one Lexbor (C) traversal.

    The traversal yields no closing events, so they are inferred: each visited
    node's *owner* (its nearest enclosing block element) is looked up from its
    parent's state, keyed by ``mem_id``; when it differs from the owner of the
    node read before, a block ended in between and the pending block is flushed,
    exactly where a closing tag would have flushed it. A skipped element never
    enters the state, so its whole subtree is skipped. Each element's attributes
    are read once; nothing is recursive (pages nest thousands of levels deep).
    Whitespace-only text nodes (a third of a page's nodes) are not visited: one
    space is put back where one separated two words (:func:`gap_before`).
    """
    nodes = iter(root.traverse(include_text=True, skip_empty=True))
    first = next(nodes, None)
    if first is None:
        return
    # mem_id -> (owner block's mem_id, inside an <h1>); skipped subtrees are absent.
    state: dict[int, tuple[int, bool]] = {first.mem_id: (first.mem_id, False)}
    get = state.get
    last_owner = first.mem_id
    h1_open = False  # an <h1> was entered and the walk has not left it yet
    for node in nodes:
        parent = node.parent
        found = get(parent.mem_id) if parent is not None else None
        if found is None:
            continue
        owner, in_h1 = found
        if owner != last_owner:
            scan.flush()  # a block closed between the last node read and this one
            last_owner = owner
        if h1_open and not in_h1:
            scan.after_h1, h1_open = True, False
        tag = node.tag or ""
        if tag == "-text":
            text = node.text_content or ""
            last = scan.parts[-1] if scan.parts else ""
            if last and not last[-1].isspace() and gap_before(node):
                scan.parts.append(" ")  # the whitespace-only node skipped before it
                scan.length += 1
            scan.parts.append(text)
            scan.length += len(text)
        elif tag.startswith("-") or tag in _SKIP_TAGS:
            continue
        elif tag in _HEADINGS and RELATED_HEADING.match(node.text(separator=" ") or ""):
            # A "Related" / "Comments" heading: the rest of its container is skipped.
            state.pop(parent.mem_id, None)  # type: ignore[union-attr]
        else:
            attrs = node.attributes
            if attrs and _excluded(node, attrs):
                continue
            if tag in _BLOCK_TAGS:
                scan.flush()
                owner = last_owner = node.mem_id
            elif (
                scan.parts
                and scan.parts[-1]
                and not scan.parts[-1][-1].isspace()
                and (attrs or tag not in _WORD_TAGS or gap_before(node))
            ):
                # Sibling elements laid out apart by CSS ("<span>Updated</span><span>3
                # hours ago</span>", "<span>By X</span><span class=t>نُشر منذ 3 ساعات
                # </span>"): keep their words apart so labels stay words. Formatting
                # elements without attributes may sit inside a word: no space.
                scan.parts.append(" ")
                scan.length += 1
            if tag == "h1" and not in_h1:
                in_h1 = h1_open = True
            if attrs:
                for value in _values_of(node, tag, attrs):
                    value.offset = scan.length
                    scan.values.append(value)
            state[node.mem_id] = (owner, in_h1)
    scan.flush()
    if h1_open:
        scan.after_h1 = True


def _excluded(node: LexborNode, attrs: dict[str, str | None]) -> bool:
    role = attrs.get("role")
    if role and role.lower() in _EXCLUDE_ROLES:
        return True
    classes, ident = attrs.get("class"), attrs.get("id")
    if not (classes or ident) or not _excluding_names(f"{classes or ''} {ident or ''}"):
        return False
    # Never drop a wrapper that holds the article itself ("content-sidebar-wrap").
    return node.css_first("h1, article, main, [itemprop=articleBody]") is None


@lru_cache(maxsize=8192)
def _excluding_names(names: str) -> bool:
    """Whether a class + id string names related stories, comments, sidebars..."""
    words = re.split(r"[^a-z0-9]+", names.lower())
    pairs = zip(words, words[1:], strict=False)
    return bool(_EXCLUDE_WORDS.intersection(words) or _EXCLUDE_PAIRS.intersection(pairs))


def _values_of(node: LexborNode, tag: str, attrs: dict[str, str | None]) -> list[DateValue]:
    """The date values one element states: its microdata, its ``datetime``, each of
    its date ``data-*`` attributes (``data-published`` and ``data-modified`` often
    sit on one element), or the ``title`` of a date-named ``<abbr>``/``<span>``."""
    itemprop = attrs.get("itemprop")
    if itemprop and itemprop.lower() in _ITEMPROP:
        stated = attrs.get("content") or attrs.get("datetime") or node.text(separator=" ")
        return [DateValue(0, stated or "", _ITEMPROP[itemprop.lower()], "", itemprop=True)]
    if tag == "time" and attrs.get("datetime") is not None:
        raws: list[tuple[str | None, Kind | None]] = [(attrs.get("datetime"), _names_hint(attrs))]
    else:
        raws = [
            (value, _hint(name) or _names_hint(attrs))
            for name, value in attrs.items()
            if value and name.startswith("data-") and _DATA_ATTR.match(name)
        ]
        if not raws and tag in ("abbr", "span") and attrs.get("title"):
            hint = _names_hint(attrs)
            if hint is not None:
                raws = [(attrs.get("title"), hint)]
    if not any(raw for raw, _ in raws):
        return []
    own_text = node.text(separator=" ") or ""
    return [DateValue(0, raw, hint, own_text, itemprop=False) for raw, hint in raws if raw]


def _names_hint(attrs: dict[str, str | None]) -> Kind | None:
    return _hint(f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower())


@lru_cache(maxsize=8192)
def _hint(names: str) -> Kind | None:
    if _HINT_PUBLISHED.search(names):
        return "published"
    if _HINT_UPDATED.search(names):
        return "updated"
    return None


__all__ = ["Block", "DateValue", "Scan", "scan_body"]
