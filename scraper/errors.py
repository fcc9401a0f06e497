"""The one exception tree of `scraper`.

Every error the package raises derives from :class:`ScraperError`; foreign
exceptions (httpx, sqlite3, pydantic, feedparser) are translated at one
boundary each (``fetch.py``, ``store.py``, ``config.py``, ``notify/``) and
chained with ``raise ... from exc``. Expected outcomes (a 304, an unchanged
page) are values, never exceptions.
"""

from __future__ import annotations


class ScraperError(Exception):
    """Base of every error raised by `scraper`; the CLI prints it and exits 1."""


class ConfigError(ScraperError):
    """The configuration file is missing, unreadable or invalid.

    Attributes:
        path: the config file path (str), or None.
        key: dotted key of the offending value (``"sources[2].interval"``), or None.
    """

    def __init__(self, message: str, *, path: str | None = None, key: str | None = None) -> None:
        self.path = path
        self.key = key
        where = ""
        if path:
            where = f"{path}: "
        if key:
            where += f"{key}: "
        super().__init__(f"{where}{message}")


class FetchError(ScraperError):
    """Downloading a URL failed. Attributes: url (str)."""

    def __init__(self, message: str, *, url: str) -> None:
        self.url = url
        super().__init__(f"{message} ({url})")


class FetchTimeout(FetchError):
    """The server did not answer within the configured timeout (seconds)."""


class FetchNetworkError(FetchError):
    """DNS failure, refused connection, TLS error or a broken transfer."""


class FetchStatusError(FetchError):
    """The server answered with an error status (4xx/5xx). Attributes: status_code."""

    def __init__(self, message: str, *, url: str, status_code: int) -> None:
        self.status_code = status_code
        super().__init__(message, url=url)


class FetchTooLarge(FetchError):
    """The response body exceeded the configured size cap (bytes)."""


class RobotsDisallowed(FetchError):
    """robots.txt (RFC 9309) forbids our User-Agent from fetching the URL."""


class ParseError(ScraperError):
    """A document could not be read at all. Attributes: url (str or None)."""

    def __init__(self, message: str, *, url: str | None = None) -> None:
        self.url = url
        super().__init__(f"{message} ({url})" if url else message)


class FeedError(ParseError):
    """A feed, sitemap or index page yielded no usable entries (not a feed, broken XML)."""


class StoreError(ScraperError):
    """The SQLite database could not be opened, migrated, read or written."""


class RevisionConflict(StoreError):
    """Another process stored a revision of the same article first (two writers on
    one database): the caller compares again with the newest stored revision."""


class StoryError(ScraperError):
    """A story correction (merge, split) names an unknown story or article."""


class Cancelled(ScraperError):
    """The daemon is stopping: a check was interrupted between two requests."""


class NotifyError(ScraperError):
    """A webhook delivery failed. Attributes: endpoint (str), status_code (int or None)."""

    def __init__(self, message: str, *, endpoint: str, status_code: int | None = None) -> None:
        self.endpoint = endpoint
        self.status_code = status_code
        super().__init__(f"{message} ({endpoint})")


__all__ = [
    "Cancelled",
    "ConfigError",
    "FeedError",
    "FetchError",
    "FetchNetworkError",
    "FetchStatusError",
    "FetchTimeout",
    "FetchTooLarge",
    "NotifyError",
    "ParseError",
    "RobotsDisallowed",
    "ScraperError",
    "RevisionConflict",
    "StoreError",
    "StoryError",
]
