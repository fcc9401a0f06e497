"""HTML -> :class:`~scraper.models.Article`: pure functions of (html, url, rules).

``extract`` is the one entry point the CLI, the pipeline and the benchmark use.
Each field has its own module and function, tried in the order its docstring
documents: ``title.py``, ``dates.py``, ``body.py``, ``meta.py``.
"""

from __future__ import annotations

from datetime import datetime

from ..charset import decode_html
from ..models import Article, SiteRules
from .body import extract_body
from .dates import extract_dates
from .meta import (
    extract_authors,
    extract_canonical_url,
    extract_description,
    extract_language,
    extract_site_name,
)
from .page import build_page, refusal
from .title import extract_title


def extract(
    html: str | bytes,
    url: str | None = None,
    *,
    rules: SiteRules | None = None,
    now: datetime | None = None,
) -> Article:
    """Extract an article's fields from one HTML page. Pure and thread-safe.

    Args:
        html: the page, as text or as raw bytes (bytes are decoded by BOM,
            ``<meta charset>``, then detection).
        url: the page's URL, used to resolve the canonical URL and links and as a
            last source of dates; None for a local file.
        rules: per-source CSS selector overrides (config ``[sources.selectors]``).
        now: aware datetime treated as "now": the time the page was fetched,
            which relative dates ("2 hours ago", "منذ ساعتين") count back from and
            past which dates are rejected as future (default: the current UTC time).

    Returns:
        An :class:`Article`. A page with no article gives ``body == ""`` and a
        ``reason``; this function does not raise on malformed HTML. A page nesting
        container elements :data:`~scraper.parse.page.MAX_DEPTH` or more deep
        (the parser's time grows with the square of the depth), or with more
        than :data:`~scraper.parse.page.MAX_START_TAGS` elements, is not parsed
        at all and gives only a ``reason`` (:func:`~scraper.parse.page.refusal`).
    """
    text = decode_html(html) if isinstance(html, bytes) else html
    refused = refusal(text)
    if refused is not None:
        return _unparsed(url, f"not parsed: {refused}")
    page = build_page(text, url)
    rules = rules or SiteRules()
    published, updated = extract_dates(page, rules=rules, now=now)
    canonical = extract_canonical_url(page) or url or ""
    title = extract_title(page, rules=rules)
    authors = extract_authors(page, rules=rules)
    # Last reader of the DOM: the body is cut down in place, not copied.
    body = extract_body(page, rules=rules, consume=True)
    return Article(
        url=url or canonical,
        canonical_url=canonical,
        title=title,
        body=body.text,
        published=published,
        updated=updated,
        language=extract_language(page, body.text),
        authors=authors,
        description=extract_description(page),
        site_name=extract_site_name(page),
        links=body.links,
        reason=body.reason,
    )


def _unparsed(url: str | None, reason: str) -> Article:
    """The Article of a page refused before parsing: no fields, and why."""
    return Article(url=url or "", canonical_url=url or "", title=None, body="", reason=reason)


def preload() -> None:
    """Load what :func:`extract` otherwise loads lazily on first need: the
    py3langid language model (about half a second, once per process).

    Long-running processes and benchmarks call it once at startup so that the
    cost is not charged to whichever page first lacks a declared language.
    """
    extract_language(build_page("<html><body></body></html>"), "preload " * 4)


__all__ = ["extract", "preload"]
