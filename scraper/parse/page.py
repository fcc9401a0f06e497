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


#: Unclosed container start tags (``<div>`` never closed...) that make a page
#: unparseable in reasonable time: the HTML tree builder checks the stack of open
#: elements at every such tag, so its cost grows with the square of the nesting
#: (Lexbor: 20,000 nested ``<div>`` take about 0.9 s, 40,000 about 2.8 s). Real
#: pages stay under 2,000 start tags more than end tags, all elements counted.
MAX_UNCLOSED = 10_000
# Start tags that nest (no implied end tag before another of the same kind).
_NESTING_START = re.compile(
    r"<(?:div|section|article|aside|nav|header|footer|main|ul|ol|dl|blockquote|form|"
    r"fieldset|figure|figcaption|center|details|summary|menu|address|hgroup|dialog)(?=[\s/>])",
    re.IGNORECASE,
)
_NESTING_END = re.compile(
    r"</(?:div|section|article|aside|nav|header|footer|main|ul|ol|dl|blockquote|form|"
    r"fieldset|figure|figcaption|center|details|summary|menu|address|hgroup|dialog)\s*>",
    re.IGNORECASE,
)


def unclosed_depth(html: str) -> int:
    """How many nesting container start tags (``div``, ``section``, ``ul``...) of
    ``html`` have no end tag: a bound on how deep the page nests them.

    Cheap for every page: a document shorter than ``5 * MAX_UNCLOSED`` characters
    cannot nest that deep, and a longer one is only read tag by tag when its
    count of ``<`` minus its end tags already passes :data:`MAX_UNCLOSED`.

    Args:
        html: the decoded document.

    Returns:
        The count (0 when it is surely below :data:`MAX_UNCLOSED`).
    """
    if len(html) < 5 * MAX_UNCLOSED:
        return 0
    if html.count("<") - 2 * html.count("</") - html.count("<!") < MAX_UNCLOSED:
        return 0
    return len(_NESTING_START.findall(html)) - len(_NESTING_END.findall(html))


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
