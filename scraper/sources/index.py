"""Index pages (section fronts) -> entries: the article links, in page order.

HTML is parsed with selectolax (Lexbor). A link is kept when it

1. is http(s) on the page's own site (``www.`` ignored),
2. is not inside chrome: ``nav``/``header``/``footer``/``aside``/``form``,
   ``role=navigation|banner|contentinfo``, or an element whose class/id names
   a menu, breadcrumb, footer... (:data:`CHROME_WORDS`),
3. has no path segment naming a non-article page (:data:`NON_ARTICLE_SEGMENTS`:
   tag, category, author, login...) and is not a file (``.jpg``, ``.pdf``),
4. looks like an article: a run of 4+ digits (a year or an id) in the path, or
   a last segment that is a long slug (3+ words joined by ``-``/``_``, or 25+
   characters), Arabic slugs measured after percent-decoding.

The word lists are data, not site checks; tune them here.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from scraper.models import Entry, FetchResult
from scraper.sources.urls import canonicalize_url

logger = logging.getLogger(__name__)

CHROME_TAGS: frozenset[str] = frozenset({"nav", "header", "footer", "aside", "form"})
CHROME_ROLES: frozenset[str] = frozenset({"navigation", "banner", "contentinfo", "menu"})
CHROME_WORDS: tuple[str, ...] = (
    "nav", "menu", "breadcrumb", "footer", "masthead", "social", "share", "pagination",
)  # fmt: skip
"""Substrings of a class or id that mark page chrome rather than content."""
NON_ARTICLE_SEGMENTS: frozenset[str] = frozenset(
    {
        "tag", "tags", "topic", "topics", "category", "categories", "section", "author",
        "authors", "writer", "login", "signin", "sign-in", "logout", "register", "signup",
        "subscribe", "newsletter", "newsletters", "search", "about", "contact", "privacy",
        "terms", "cookies", "feed", "rss", "page", "account", "profile", "wp-login.php",
    }
)  # fmt: skip
"""Path segments (lower-cased, decoded) that mark listing, account or legal pages."""
FILE_SUFFIXES: tuple[str, ...] = (
    ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".pdf", ".css", ".js", ".xml",
    ".zip", ".mp3", ".mp4",
)  # fmt: skip
MIN_SLUG_WORDS = 3
MIN_SLUG_CHARS = 25
_DIGITS = re.compile(r"\d{4,}")
_WORD_SPLIT = re.compile(r"[-_]+")


def _site(host: str | None) -> str:
    host = (host or "").lower()
    return host[4:] if host.startswith("www.") else host


def _in_chrome(node: LexborNode) -> bool:
    """True when ``node`` sits inside navigation, header, footer or similar."""
    current = node.parent
    while current is not None and current.tag not in ("body", "html", "-undef"):
        if current.tag in CHROME_TAGS:
            return True
        attrs = current.attributes
        if (attrs.get("role") or "").lower() in CHROME_ROLES:
            return True
        names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
        if any(word in names for word in CHROME_WORDS):
            return True
        current = current.parent
    return False


def looks_like_article_path(path: str) -> bool:
    """The path rule (3 and 4 of the module docstring) for a URL path.

    Args:
        path: the URL path, percent-encoded or not (``/ar/2026/11/حريق-في-الميناء``).

    Returns:
        True when the path looks like one article rather than a listing or a file.
    """
    segments = [unquote(s).lower() for s in path.split("/") if s]
    if not segments:
        return False
    if any(s in NON_ARTICLE_SEGMENTS for s in segments):
        return False
    if segments[-1].endswith(FILE_SUFFIXES):
        return False
    if any(_DIGITS.search(s) for s in segments):
        return True
    last = segments[-1].rsplit(".", 1)[0]
    words = [w for w in _WORD_SPLIT.split(last) if w]
    return len(words) >= MIN_SLUG_WORDS or len(last) >= MIN_SLUG_CHARS


def _base(tree: LexborHTMLParser, page_url: str) -> str:
    base = tree.css_first("base[href]")
    href = (base.attributes.get("href") or "").strip() if base is not None else ""
    return canonicalize_url(href, base=page_url) if href else page_url


def entries_from_index(result: FetchResult) -> list[Entry]:
    """Article links of a section front, deduplicated, in page order.

    Args:
        result: the fetched index page (``text`` is parsed; links resolved
            against ``<base href>`` or ``result.final_url``).

    Returns:
        Entries with ``url == guid`` (canonical), ``title`` the link text (the
        first non-empty text among duplicate links), no dates. ``[]`` when no
        link qualifies (module docstring rules); never raises.
    """
    tree = LexborHTMLParser(result.text)
    base = _base(tree, result.final_url)
    site = _site(urlsplit(result.final_url).hostname)
    titles: dict[str, str | None] = {}
    for anchor in tree.css("a[href]"):
        href = (anchor.attributes.get("href") or "").strip()
        if not href or href.startswith("#"):
            continue
        url = canonicalize_url(href, base=base)
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or _site(parts.hostname) != site:
            continue
        if url in titles and titles[url]:
            continue
        if not looks_like_article_path(parts.path) or _in_chrome(anchor):
            continue
        text = " ".join(anchor.text(deep=True, separator=" ").split())
        titles[url] = text or titles.get(url)
    logger.debug("%s: %d article links", result.url, len(titles))
    return [Entry(url=url, guid=url, title=title) for url, title in titles.items()]
