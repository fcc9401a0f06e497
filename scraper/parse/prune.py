"""The copy of a page that body extraction reads, with dead subtrees cut off in C.

Body extraction walks the DOM in Python, node by node; most of a news page is
navigation, footers, scripts and icons that can never be article text. Cutting
those subtrees off first, with one Lexbor CSS selection and C-level unlinking,
halves the nodes the walk has to visit. The cut is made on a clone: the
:class:`~scraper.parse.page.Page` tree is shared with the other extractors and
is never changed.

What is cut:

* ``SiteRules.remove`` matches (per-source rules win);
* elements that never render text (``script``, ``style``, ``svg``), and hidden
  ones (``hidden``, ``aria-hidden="true"``, inline ``display:none`` or
  ``visibility:hidden``: :func:`scraper.parse.hints.element_hint` says None);
* with ``chrome=True``, HTML sectioning chrome (``nav``, ``aside``, ``footer``,
  ``menu``, ``figure``: navigation, side boxes, captions), unless the element
  holds the article itself (an ``<article>``, ``<main>``, ``<h1>`` or
  ``itemprop="articleBody"`` inside: some sites wrap the whole page in one), a
  ``<blockquote>`` (embedded posts are often wrapped in a ``<figure>``) or three
  sibling paragraphs (prose is left for the scoring to judge).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .hints import element_hint

logger = logging.getLogger(__name__)

#: Cut here when cheap to select (each selector is one more pass in C); the other
#: never-text elements (``noscript``, ``iframe``, ``select``...) are skipped by the walk.
_DEAD = 'script, style, svg, [hidden], [aria-hidden], [style*="none"], [style*="hidden"]'
_DEAD_TAGS = frozenset({"script", "style", "svg"})
_KEEP_TAGS = frozenset({"html", "head", "body"})
_CHROME = "nav, aside, footer, menu, figure"
_CHROME_TAGS = frozenset({"nav", "aside", "footer", "menu", "figure"})
#: What makes a chrome element possibly the article: article markup, an ``<h1>``,
#: an embedded post, or three sibling paragraphs (prose).
_HOLDS_ARTICLE = "article, main, h1, [itemprop=articleBody], blockquote, p ~ p ~ p"


def pruned_copy(
    tree: LexborHTMLParser,
    *,
    remove: Sequence[str] = (),
    chrome: bool = True,
    in_place: bool = False,
) -> LexborNode | None:
    """A copy of the page without the subtrees that cannot hold article text.

    Without ``remove`` selectors only ``<body>`` is copied (a third of the cost of
    copying the document, whose ``<head>`` is often large); the copy lives in the
    page's own document memory, which is freed with the page. Per-source
    selectors may name any ancestor (``html.amp .story``), so with ``remove``, or
    without ``chrome``, the whole document is copied instead.

    Args:
        tree: the page's parsed document (not modified).
        remove: CSS selectors whose matches are cut first (``SiteRules.remove``);
            an invalid one is logged and ignored.
        chrome: also cut navigation, side boxes, footers and figures (see the
            module docstring); False when ``SiteRules.body`` chooses the body.
        in_place: cut ``<body>`` itself instead of a copy when neither ``remove``
            nor ``chrome=False`` asks for the whole document; for a caller that
            owns the tree and reads nothing else from it afterwards
            (:func:`scraper.parse.extract`), which saves the copy.

    Returns:
        The copy of ``<body>`` (the copy's ``<html>`` when the document was
        copied), or None for an empty document.
    """
    if remove or not chrome:
        top = tree.clone().root
        if top is None:
            return None
        for selector in remove:
            _cut_all(top, selector)
    else:
        source = tree.body or tree.root
        if source is None:
            return None
        top = source if in_place else source.clone()
    _cut_dead(top, chrome=chrome)
    return top


def _cut_all(top: LexborNode, selector: str) -> None:
    try:
        nodes = top.css(selector)
    except Exception:  # noqa: BLE001 - selectolax raises bare errors for bad CSS
        logger.warning("ignoring invalid CSS selector %r", selector)
        return
    for node in nodes:
        if node.tag not in _KEEP_TAGS:
            node.decompose(recursive=False)


def _cut_dead(top: LexborNode, *, chrome: bool) -> None:
    for node in top.css(f"{_DEAD}, {_CHROME}" if chrome else _DEAD):
        tag = node.tag or ""
        if tag in _KEEP_TAGS:
            continue
        if tag in _CHROME_TAGS:
            hidden = element_hint(node.attributes, tag) is None
            if not hidden and node.css_first(_HOLDS_ARTICLE) is not None:
                continue  # it may be the article: left for the scoring to judge
        elif tag not in _DEAD_TAGS and element_hint(node.attributes, tag) is not None:
            continue  # matched by an attribute, but not hidden
        node.decompose(recursive=False)
