"""scraper: a news scraper and change monitor.

Watches news sites (RSS/Atom feeds, section pages, sitemaps, single articles),
extracts each article's text and dates, keeps every meaningful revision with
its diff, links follow-ups to the stories they continue, and sends signed
webhooks. The public API below is stable; the CLI (``scraper``) is built on it.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .config import Config, load_config
from .errors import (
    ConfigError,
    FeedError,
    FetchError,
    NotifyError,
    ParseError,
    ScraperError,
    StoreError,
)
from .models import Article, Entry, Event, FetchResult, Revision, Source, SourceOutcome, Webhook
from .parse import extract

__all__ = [
    "Article",
    "Config",
    "ConfigError",
    "Entry",
    "Event",
    "FeedError",
    "FetchError",
    "FetchResult",
    "NotifyError",
    "ParseError",
    "Revision",
    "ScraperError",
    "Source",
    "SourceOutcome",
    "StoreError",
    "Webhook",
    "__version__",
    "extract",
    "load_config",
]
