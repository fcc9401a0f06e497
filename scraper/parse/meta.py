"""Page metadata: canonical URL, language, authors, description, site name.

Each field has one function that tries its sources in the order its docstring
gives (markup that states the value first, guesses last).
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

import py3langid
from selectolax.lexbor import LexborNode, SelectolaxError

from ..errors import ConfigError
from ..models import SiteRules
from . import jsonld
from .page import Page

logger = logging.getLogger(__name__)

_LANG = re.compile(r"^([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*$")
_ISO639_3_TO_1 = {
    "ara": "ar", "eng": "en", "fra": "fr", "fre": "fr", "deu": "de", "ger": "de", "spa": "es",
    "por": "pt", "ita": "it", "rus": "ru", "tur": "tr", "fas": "fa", "per": "fa", "urd": "ur",
    "heb": "he", "nld": "nl", "dut": "nl", "zho": "zh", "chi": "zh", "jpn": "ja",
}
_MIN_LANGID_LETTERS = 20
#: Characters given to py3langid: plenty to tell languages apart, and its cost grows
#: faster than the length.
_LANGID_CHARS = 600
_BYLINE_PREFIX = re.compile(
    r"^\s*(?:by|par|von|por|от|yazan|بقلم|كتب|كتبت|تأليف)\s*[:：]?\s+", re.IGNORECASE
)
_BYLINE_SELECTOR = (
    '[class~="byline"], [class~="by-line"], [class~="author"], [class~="article-author"], '
    '[class~="post-author"], [class~="writer"], [class~="kateb"]'
)
_BYLINE_CHARS = 120
# A visible byline's names end at a date, a separator, or a comma (after which
# bylines give the writer's title: "بقلم: سلمى يوسف، مراسلة الشؤون السياسية").
_BYLINE_END = re.compile(r"\s[|·•—–-]\s|\d|[,،]")
_LINE_ENDS = frozenset({"br", "time", "p", "div", "li", "ul", "h1", "h2", "h3", "h4"})
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|،|;|\band\b|\bet\b|\bund\b|\by\b|\be\b|&| و(?=\s))\s*")
_AUTHOR_META = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
                "dcterms.creator", "byl", "citation_author")


def site_names(page: Page) -> list[str]:
    """Names the site goes by, to strip from titles.

    Order: ``og:site_name``, ``application-name``, JSON-LD ``publisher`` names,
    JSON-LD WebSite/Organization names, ``twitter:site`` (without ``@``).

    Args:
        page: the parsed page.

    Returns:
        Distinct non-empty names, in that order.
    """
    found = [page.first_meta("og:site_name"), page.first_meta("application-name")]
    for obj in ranked_jsonld(page):
        found.extend(jsonld.names(obj.get("publisher")))
    for obj in page.jsonld:
        if jsonld.types_of(obj) & {"website", "organization", "newsmediaorganization"}:
            found.extend(jsonld.names(obj.get("name")))
    handle = page.first_meta("twitter:site")
    found.append(handle.lstrip("@") if handle else None)
    names: list[str] = []
    for name in found:
        if name and name.strip() and "://" not in name and name.strip() not in names:
            names.append(name.strip())
    return names


def select_rule(page: Page, selector: str, *, field: str) -> list[LexborNode]:
    """The nodes a per-site selector rule matches, in document order.

    Args:
        page: the parsed page.
        selector: a CSS selector from the source's ``selectors`` config table.
        field: the rule's field name (``"title"``, ``"published"``...), for the error.

    Returns:
        Matching nodes (possibly none).

    Raises:
        ConfigError: the selector is not valid CSS (``key`` is ``selectors.<field>``).
    """
    try:
        return list(page.tree.css(selector))
    except SelectolaxError as exc:
        raise ConfigError(f"invalid CSS selector {selector!r}", key=f"selectors.{field}") from exc


def page_urls(page: Page) -> tuple[str, ...]:
    """The URLs this page goes by: its canonical URL and the URL it was fetched from.

    Used to pick, among several JSON-LD articles, the one describing this page.
    """
    urls: tuple[str, ...] | None = page.memo.get("page_urls")
    if urls is None:
        canonical = extract_canonical_url(page)
        urls = page.memo["page_urls"] = tuple(u for u in (canonical, page.url) if u)
    return urls


def ranked_jsonld(page: Page) -> list[dict[str, Any]]:
    """The page's JSON-LD objects in lookup order (:func:`scraper.parse.jsonld.ranked`
    with :func:`page_urls`), computed once per page."""
    objects: list[dict[str, Any]] | None = page.memo.get("ranked_jsonld")
    if objects is None:
        objects = page.memo["ranked_jsonld"] = list(
            jsonld.ranked(page.jsonld, urls=page_urls(page))
        )
    return objects


def _first_jsonld(page: Page, key: str) -> Any:
    """The first present value of ``key`` among :func:`ranked_jsonld` objects, or None."""
    for obj in ranked_jsonld(page):
        value = obj.get(key)
        if value not in (None, "", []):
            return value
    return None


def extract_canonical_url(page: Page) -> str | None:
    """The page's canonical URL.

    Order: ``<link rel="canonical">`` (RFC 6596), then ``og:url`` (Open Graph).
    Relative values are resolved against ``page.url`` (RFC 3986 §5); the
    fragment is dropped; only http(s) results are kept.

    Args:
        page: the parsed page.

    Returns:
        An absolute http(s) URL, or None (no tag, or a relative one with no
        ``page.url`` to resolve it against).
    """
    candidates = list(page.links.get("canonical", ()))
    og = page.first_meta("og:url")
    if og:
        candidates.append(og)
    for href in candidates:
        absolute = urljoin(page.url, href) if page.url else href
        absolute = urldefrag(absolute).url
        if urlsplit(absolute).scheme in ("http", "https") and urlsplit(absolute).netloc:
            return absolute
    return None


def _primary_subtag(value: str | None) -> str | None:
    if not value:
        return None
    match = _LANG.match(value.strip())
    if match is None:
        return None
    code = match.group(1).lower()
    code = _ISO639_3_TO_1.get(code, code)
    return code if len(code) == 2 else None


def extract_language(page: Page, body: str) -> str | None:
    """The page's language as an ISO 639-1 code (``"ar"``, ``"en"``, ``"pt"``).

    Order: ``<html lang>`` (HTML §3.2.6.2), ``og:locale`` (``pt_BR``), the
    ``content-language``/``language``/``dc.language`` meta, JSON-LD ``inLanguage``,
    then identification of ``body`` (with the description when the body is short)
    by py3langid. Region subtags are dropped; three-letter codes with a two-letter
    equivalent are mapped (``ara`` -> ``ar``).

    Args:
        page: the parsed page.
        body: the extracted main text ("" when none).

    Returns:
        A lower-case two-letter code, or None when nothing states it and there is
        too little text (under 20 letters) to identify it.
    """
    root = page.tree.root
    declared: tuple[Callable[[], str | None], ...] = (
        lambda: root.attributes.get("lang") if root is not None else None,
        lambda: page.first_meta("og:locale"),
        lambda: page.first_meta("content-language", "language", "dc.language", "dcterms.language"),
        lambda: jsonld.text(_first_jsonld(page, "inLanguage")),
    )
    for source in declared:  # in order, each read only when the ones before say nothing
        code = _primary_subtag(source())
        if code:
            return code
    text = body if len(body) >= 200 else f"{body} {extract_description(page) or ''}"
    text = text[:_LANGID_CHARS]
    if sum(ch.isalpha() for ch in text) < _MIN_LANGID_LETTERS:
        return None
    lang, _score = py3langid.classify(text)
    return str(lang)


def _split_authors(raw: str) -> list[str]:
    text = _BYLINE_PREFIX.sub("", " ".join(raw.split()))
    return [p.strip(" .") for p in _AUTHOR_SPLIT.split(text) if p and p.strip(" .")]


def _is_name(value: str) -> bool:
    """A plausible author name: some letters, at least two of them, no URL or handle."""
    if not value or len(value) >= 80 or sum(ch.isalpha() for ch in value) < 2:
        return False
    return "://" not in value and not value.startswith(("/", "@"))


def extract_authors(page: Page, *, rules: SiteRules) -> tuple[str, ...]:
    """The article's authors, in page order, without duplicates.

    Order (the first source giving names wins): the ``rules.author`` selector
    (every match's text); JSON-LD ``author`` of the article object (schema.org
    Person/Organization, a string or a list); author meta tags (``author``,
    ``article:author`` when not a profile URL, ``parsely-author``,
    ``sailthru.author``, ``dc.creator``...); microdata ``itemprop="author"``
    (its ``itemprop="name"`` when present); ``rel="author"`` links; a short
    element whose class names a byline or author (``byline``, ``author``...)
    and whose text opens with "By"/"Par"/"Von"/"بقلم"/"كتب". A leading
    "By"/"Par"/"Von"/"بقلم" is removed, and meta/markup bylines are split on
    commas and "and"/"et"/"und"/"و".

    Args:
        page: the parsed page.
        rules: per-site selectors; ``rules.author`` wins when it matches.

    Returns:
        Author names (possibly empty).

    Raises:
        ConfigError: ``rules.author`` is not a valid CSS selector.
    """
    sources: tuple[Callable[[], list[str]], ...] = (
        lambda: _rule_names(page, rules.author),
        lambda: _jsonld_names(page),
        lambda: _meta_names(page),
        lambda: _microdata_names(page),
        lambda: [n for a in page.tree.css('a[rel~="author"]') for n in _split_authors(a.text())],
        lambda: _byline_names(page),
    )
    for source in sources:  # in order; each DOM selection only when needed
        unique = list(dict.fromkeys(n for n in source() if _is_name(n)))
        if unique:
            return tuple(unique)
    return ()


def _rule_names(page: Page, selector: str | None) -> list[str]:
    if not selector:
        return []
    nodes = select_rule(page, selector, field="author")
    return [t for n in nodes for t in _split_authors(n.text())]


def _jsonld_names(page: Page) -> list[str]:
    for obj in ranked_jsonld(page):
        if obj.get("author"):
            return [n for v in jsonld.names(obj.get("author")) for n in _split_authors(v)]
    return []


def _meta_names(page: Page) -> list[str]:
    for name in _AUTHOR_META:
        values = [v for v in page.meta.get(name, []) if _is_name(v.strip())]
        if values:
            return [n for v in values for n in _split_authors(v)]
    return []


def _microdata_names(page: Page) -> list[str]:
    names: list[str] = []
    for node in page.tree.css('[itemprop~="author"]'):
        inner = node.css_first('[itemprop="name"]')
        names.extend(_split_authors((inner or node).text(separator=" ")))
    return names


def _byline_names(page: Page) -> list[str]:
    """Names from a visible byline that says it is one: a short element whose class
    names a byline or author and whose text opens with "By"/"Par"/"بقلم"..."""
    names: list[str] = []
    for node in page.tree.css(_BYLINE_SELECTOR)[:10]:
        text = _BYLINE_END.split(_first_line(node), maxsplit=1)[0]
        if len(text) <= _BYLINE_CHARS and _BYLINE_PREFIX.match(text):
            names.extend(_split_authors(text))
    return names


def _first_line(node: LexborNode) -> str:
    """The text of ``node`` up to its first ``<br>``, ``<time>`` or block element
    (a byline's date or the writer's title often follows the name there)."""
    parts: list[str] = []
    for child in node.traverse(include_text=True):
        if child.tag in _LINE_ENDS and child.mem_id != node.mem_id:
            break
        if child.tag == "-text":
            parts.append(child.text_content or "")
    return " ".join("".join(parts).split())


def extract_description(page: Page) -> str | None:
    """The article's summary.

    Order: ``og:description`` (Open Graph), ``description`` meta,
    ``twitter:description``, JSON-LD ``description`` of the article object.

    Args:
        page: the parsed page.

    Returns:
        The text with whitespace collapsed and doubly escaped entities decoded, or None.
    """
    value = page.first_meta("og:description", "description", "twitter:description")
    if value is None:
        value = jsonld.text(_first_jsonld(page, "description"))
    cleaned = " ".join(html.unescape(value).split()) if value else ""
    return cleaned or None


def extract_site_name(page: Page) -> str | None:
    """The publication's name.

    Order: ``og:site_name``, ``application-name`` meta, JSON-LD ``publisher`` name,
    JSON-LD WebSite/Organization ``name``, ``twitter:site`` handle (without ``@``);
    see :func:`site_names`.

    Args:
        page: the parsed page.

    Returns:
        The name, or None.
    """
    names = site_names(page)
    return names[0] if names else None


__all__ = [
    "extract_authors",
    "extract_canonical_url",
    "extract_description",
    "extract_language",
    "extract_site_name",
    "page_urls",
    "ranked_jsonld",
    "site_names",
]
