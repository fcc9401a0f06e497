"""The article headline, without the site name a ``<title>`` usually carries.

Sources in order (see :func:`extract_title`): selector rule, JSON-LD ``headline``,
``og:title``, ``twitter:title``, the ``<h1>`` that best matches those, ``<title>``.
"""

from __future__ import annotations

import html
import logging
import re

from ..models import SiteRules
from . import jsonld
from .meta import ranked_jsonld, select_rule, site_names
from .page import Page

logger = logging.getLogger(__name__)

#: Title separators; "_" and the full-width "｜" are common on Chinese/Japanese sites.
_SEP_CHARS = "|｜-–—·•»~/:_"
_SPLIT = re.compile(r"\s+(?:[|｜\-–—·•»~/]|::)\s+|\s*[|｜·•»]\s*")
_MAX_SITE_WORDS = 5
_ELLIPSIS = ("…", "...")


def strip_site_name(title: str, names: list[str], *, guess: bool = False) -> str:
    """Remove a site name used as a suffix or prefix of a title.

    Handles ``"Headline | Site"``, ``"Headline - Site"``, ``"Headline — Site"``,
    ``"Site: Headline"`` and ``"Site | Headline"`` in any script (``"العنوان | الموقع"``).
    With ``guess``, and no known name matching, the last (else first) segment is
    dropped when it has at most five words and is shorter than the rest: a site
    name convention, not a rule, so it is only used for ``<title>``.

    Args:
        title: the raw title (whitespace already collapsed).
        names: known site names (:func:`scraper.parse.meta.site_names`), compared
            case-insensitively.
        guess: strip an unknown short segment too.

    Returns:
        The headline; ``title`` unchanged when nothing could be stripped.
    """
    for name in names:
        stripped = _strip_suffix(title, name) or _strip_prefix(title, name)
        if stripped:
            return stripped
    if not guess:
        return title
    parts = [p for p in _SPLIT.split(title) if p.strip()]
    if len(parts) < 2:
        return title
    separators = list(_SPLIT.finditer(title))
    last, first = separators[-1], separators[0]
    head, tail = title[: last.start()].strip(), title[last.end() :].strip()
    if len(tail.split()) <= _MAX_SITE_WORDS and len(tail) < len(head):
        return head
    lead, rest = title[: first.start()].strip(), title[first.end() :].strip()
    if len(lead.split()) <= _MAX_SITE_WORDS and len(lead) < len(rest):
        return rest
    return title


def _strip_suffix(title: str, name: str) -> str | None:
    """``"Headline | Site"`` -> ``"Headline"`` (string operations: no pattern per name)."""
    text = title.rstrip()
    if len(text) <= len(name) or text[-len(name):].lower() != name.lower():
        return None
    head = text[: -len(name)].rstrip()
    if not head or head[-1] not in _SEP_CHARS:
        return None
    return head.rstrip(_SEP_CHARS).strip() or None


def _strip_prefix(title: str, name: str) -> str | None:
    """``"Site: Headline"`` -> ``"Headline"``."""
    text = title.lstrip()
    if len(text) <= len(name) or text[: len(name)].lower() != name.lower():
        return None
    rest = text[len(name):].lstrip()
    if not rest or rest[0] not in _SEP_CHARS:
        return None
    return rest.lstrip(_SEP_CHARS).strip() or None


#: Direction marks, embeddings and zero-width characters a CMS leaves at either
#: end of a right-to-left title (Unicode bidirectional algorithm, UAX #9).
_INVISIBLE = (
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff "
)


def _clean(text: str | None) -> str | None:
    """Collapse whitespace; decode entities a CMS escaped twice (``&amp;#8216;``);
    drop invisible direction marks at both ends."""
    if not text:
        return None
    if "&" in text:
        text = html.unescape(text)
    cleaned = " ".join(text.split()).strip(_INVISIBLE)
    return cleaned or None


def _similarity(a: str, b: str) -> float:
    left, right = set(a.casefold().split()), set(b.casefold().split())
    if not left or not right:
        return 0.0
    return len(left & right) / len(left | right)


def _best_h1(page: Page, hints: list[str], names: list[str]) -> str | None:
    h1s = [t for t in (_clean(n.text(separator=" ")) for n in page.tree.css("h1")[:20]) if t]
    h1s = [t for t in h1s if t.casefold() not in {n.casefold() for n in names}]
    if not h1s:
        return None
    if hints:
        score, best = max((max(_similarity(h, x) for x in hints), h) for h in reversed(h1s))
        if score >= 0.5:
            return best
        if score == 0.0 and len(h1s[0].split()) < 3 and _SPLIT.search(hints[-1]):
            return None  # a logo or section <h1> next to a "headline | site" <title>
    return h1s[0]


def _from_parts(title: str, h1: str | None) -> str | None:
    """The segment of a separated title that is the ``<h1>``, if one is."""
    if h1 is None:
        return None
    for part in _SPLIT.split(title):
        if part.strip() and part.strip().casefold() == h1.casefold():
            return part.strip()
    return None


def _meta_titles(page: Page) -> list[str | None]:
    """JSON-LD headline (or name) of the article object, og:title, twitter:title."""
    headline = None
    for obj in ranked_jsonld(page):
        if jsonld.is_article(obj):
            headline = jsonld.text(obj.get("headline")) or jsonld.text(obj.get("name"))
            if headline:
                break
    return [
        _clean(headline),
        _clean(page.first_meta("og:title")),
        _clean(page.first_meta("twitter:title")),
    ]


def extract_title(page: Page, *, rules: SiteRules) -> str | None:
    """The article headline.

    Order: the ``rules.title`` selector's text; JSON-LD ``headline`` (then ``name``)
    of the article object (schema.org NewsArticle), replaced by the ``<h1>`` when
    the headline is truncated with an ellipsis; ``og:title`` (Open Graph);
    ``twitter:title`` (Twitter Cards); the ``<h1>`` most like those titles (else
    the first ``<h1>`` that is not the site name); ``<title>``. A candidate equal to
    the site name is skipped. Site names known
    from :func:`scraper.parse.meta.site_names` are stripped from every candidate;
    a meta title made of separated segments, one of which is the ``<h1>``, gives
    that segment; ``<title>`` also loses a short unknown suffix or prefix
    (:func:`strip_site_name`). Among several JSON-LD articles, the one whose URL is
    the page's canonical or fetched URL is read first.

    Args:
        page: the parsed page (not modified).
        rules: per-site selectors; ``rules.title`` wins when it matches text.

    Returns:
        The headline with whitespace collapsed, or None when the page has none.

    Raises:
        ConfigError: ``rules.title`` is not a valid CSS selector.
    """
    if rules.title:
        nodes = select_rule(page, rules.title, field="title")
        text = _clean(nodes[0].text(separator=" ")) if nodes else None
        if text:
            return text
    names = site_names(page)
    metas = _meta_titles(page)
    title_node = page.tree.css_first("title")
    html_title = _clean(title_node.text()) if title_node is not None else None
    hints = [strip_site_name(t, names) for t in (*metas, html_title) if t]
    h1 = _best_h1(page, hints, names)
    folded = {n.casefold() for n in names}
    for position, meta in enumerate(metas):
        if not meta or meta.casefold() in folded or sum(ch.isalpha() for ch in meta) < 2:
            continue  # absent, the site's own name used as a title, or junk ("x")
        if position == 0 and h1 and meta.endswith(_ELLIPSIS):
            stem = meta.rstrip(".… ")
            if h1.startswith(stem):
                return h1
        return _from_parts(meta, h1) or strip_site_name(meta, names)
    if h1:
        return h1
    if html_title:
        return strip_site_name(html_title, names, guess=True)
    return None


__all__ = ["extract_title", "strip_site_name"]
