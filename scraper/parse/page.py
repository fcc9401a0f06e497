"""The parsed page shared by the field extractors: one DOM parse, meta tags, JSON-LD.

Building a :class:`Page` is the only place the HTML is parsed; each field
function (title, dates, body, meta) reads from it and never re-parses.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from typing import Any

from selectolax.lexbor import LexborHTMLParser

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Page:
    """One parsed HTML document.

    Attributes:
        tree: the Lexbor DOM (mutable; body extraction works on its own copy).
        url: the URL the page came from, or None (a local file).
        meta: ``<meta>`` values keyed by lower-cased ``name``/``property``/``itemprop``/
            ``http-equiv``, each a list of ``content`` values in document order.
        jsonld: every JSON-LD object on the page, ``@graph`` members flattened out,
            in document order (schema.org, https://schema.org/NewsArticle).
        links: ``<link href>`` values keyed by each lower-cased ``rel`` token
            (``canonical``, ``alternate``...), in document order, stripped.
        memo: values derived from the page by the field extractors and shared
            between them (``page_urls``), computed once; not part of equality.
    """

    tree: LexborHTMLParser
    url: str | None
    meta: dict[str, list[str]]
    jsonld: list[dict[str, Any]]
    links: dict[str, list[str]] = field(default_factory=dict)
    memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def first_meta(self, *names: str) -> str | None:
        """The first non-empty content of the first of ``names`` present, stripped."""
        for name in names:
            for value in self.meta.get(name, ()):
                if value.strip():
                    return value.strip()
        return None


#: Container nesting depth (``<div>`` inside ``<div>``..., closed or not) that
#: makes a page unparseable in reasonable time: the HTML tree builder checks the
#: stack of open elements at every such start tag, so its cost grows with the
#: square of the depth (Lexbor: 20,000 nested ``<div>`` take about 0.9 s, 40,000
#: about 2.8 s). Real pages have fewer than 2,000 start tags in all.
MAX_DEPTH = 10_000
# Tags whose start makes the HTML tree builder look through the stack of open
# elements (they close an open <p>), measured quadratic in Lexbor when nested.
_NESTING_TAG = re.compile(
    r"<(/?)(?:div|section|article|aside|nav|header|footer|main|ul|ol|dl|blockquote|form|"
    r"fieldset|figure|figcaption|center|details|summary|menu|address|hgroup|dialog|pre|"
    r"listing|dir|search|optgroup)(?=[\s/>])",
    re.IGNORECASE,
)


#: Start tags beyond which a document is no article page (real ones have fewer
#: than 2,000); parsing and walking are linear, but 10 MB of elements still cost
#: seconds in every later stage.
MAX_START_TAGS = 200_000


def refusal(html: str) -> str | None:
    """Why ``html`` should not be parsed at all, or None (nearly every page).

    Args:
        html: the decoded document.

    Returns:
        ``"container elements nested 10000 or more deep"`` (see
        :data:`MAX_DEPTH`) or ``"more than 200000 elements"``
        (:data:`MAX_START_TAGS`), else None.
    """
    # One count of "<" clears every real page (they have under 4,000): fewer
    # than MAX_DEPTH of them cannot nest that deep. It is the only full pass made
    # over a normal page here; the closing tags are counted only past that.
    if len(html) < 5 * MAX_DEPTH or html.count("<") < MAX_DEPTH:
        return None
    if html.count("<") - html.count("</") > MAX_START_TAGS:
        return f"more than {MAX_START_TAGS} elements"
    if nesting_depth(html) >= MAX_DEPTH:
        return f"container elements nested {MAX_DEPTH} or more deep"
    return None


def nesting_depth(html: str) -> int:
    """How deep ``html`` nests container elements (``div``, ``section``, ``ul``...),
    counted up to :data:`MAX_DEPTH`.

    Cheap for every real page: a page with fewer than ``MAX_DEPTH`` start tags
    cannot nest that deep, and is not read tag by tag.

    Args:
        html: the decoded document.

    Returns:
        The deepest nesting found, stopping at :data:`MAX_DEPTH`; 0 when the
        page has too few start tags to reach it.
    """
    if len(html) < 5 * MAX_DEPTH or html.count("<") - html.count("</") < MAX_DEPTH:
        return 0
    depth = deepest = 0
    for match in _NESTING_TAG.finditer(html):
        if match.group(1):
            depth = max(0, depth - 1)
            continue
        depth += 1
        if depth > deepest:
            deepest = depth
            if deepest >= MAX_DEPTH:
                break
    return deepest


def build_page(html: str, url: str | None = None) -> Page:
    """Parse ``html`` once and collect its meta tags, ``<link rel>`` values and JSON-LD.

    Args:
        html: the decoded document text.
        url: the page URL, used to resolve relative links; None for a file.

    Returns:
        A :class:`Page`. Never raises for malformed HTML or JSON-LD: broken
        JSON-LD blocks are skipped (logged at DEBUG).
    """
    tree = LexborHTMLParser(html)
    meta, links = _collect_head(tree)
    return Page(tree=tree, url=url, meta=meta, jsonld=_collect_jsonld(tree), links=links)


def _collect_head(tree: LexborHTMLParser) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """``<meta>`` contents by name and ``<link>`` hrefs by rel, in one selection."""
    meta: dict[str, list[str]] = {}
    links: dict[str, list[str]] = {}
    for node in tree.css("meta[content], link[rel][href]"):
        attrs = node.attributes
        if node.tag == "link":
            href = (attrs.get("href") or "").strip()
            for rel in (attrs.get("rel") or "").lower().split():
                if href:
                    links.setdefault(rel, []).append(href)
            continue
        content = attrs.get("content")
        if content is None:
            continue
        for key in ("property", "name", "itemprop", "http-equiv"):
            name = attrs.get(key)
            if name:
                meta.setdefault(name.strip().lower(), []).append(content)
    return meta, links


def _collect_jsonld(tree: LexborHTMLParser) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for node in tree.css('script[type="application/ld+json"]'):
        raw = node.text(deep=True, separator="", strip=False) or ""
        raw = raw.strip().removeprefix("<!--").removesuffix("-->").strip()
        if not raw:
            continue
        try:
            data = json.loads(raw, strict=False)
        except ValueError:
            logger.debug("skipping unreadable JSON-LD block")
            continue
        _flatten(data, found)
    return found


def _flatten(data: Any, out: list[dict[str, Any]]) -> None:
    if isinstance(data, list):
        for item in data:
            _flatten(item, out)
    elif isinstance(data, dict):
        graph = data.get("@graph")
        if isinstance(graph, list):
            _flatten(graph, out)
            rest = {k: v for k, v in data.items() if k != "@graph"}
            if len(rest) > 1:
                out.append(rest)
        else:
            out.append(data)
