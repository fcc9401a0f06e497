"""robots.txt rules (RFC 9309) read with protego, cached per origin.

The loading itself is injected (``load(robots_url) -> (status, body)``), so
this module does no I/O and is tested with plain strings.

Failure policy (RFC 9309 §2.3.1):

* 2xx: the file is parsed (at most :data:`MAX_ROBOTS_BYTES` are read, §2.5).
* 4xx ("unavailable"): everything is allowed, as the RFC says.
* 5xx or a network error ("unreachable"): the RFC says to assume a complete
  disallow. We deliberately **allow** instead: this is a low-rate monitor of a
  few pages per site, and a broken robots.txt should not silently stop a
  source. The failure is cached only :data:`FAILURE_TTL` seconds so the real
  rules are picked up soon after the server recovers.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from protego import Protego  # type: ignore[import-untyped,unused-ignore]

logger = logging.getLogger(__name__)

ROBOTS_TTL = 3600.0
"""Seconds a fetched robots.txt is trusted (RFC 9309 §2.4 asks for at most 24 h)."""
FAILURE_TTL = 300.0
"""Seconds a 5xx/network failure to get robots.txt is remembered."""
MAX_ROBOTS_BYTES = 512_000
"""Bytes of robots.txt parsed (RFC 9309 §2.5: at least 500 KiB)."""

RobotsLoader = Callable[[str], tuple[int | None, bytes]]
"""``load(robots_url) -> (status_code or None on network error, body bytes)``."""


@dataclass(frozen=True, slots=True)
class _Rules:
    parser: Protego | None  # None: allow everything
    expires: float


def robots_url(url: str) -> str:
    """The robots.txt URL of ``url``'s origin (scheme, host, port), RFC 9309 §2.3."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/robots.txt"


def product_token(user_agent: str) -> str:
    """The product token of a User-Agent (``"scraper"`` of ``"scraper/0.1 (...)"``).

    RFC 9309 §2.2.1 matches ``User-agent`` lines against the product token only.
    """
    return user_agent.split("/", 1)[0].split(" ", 1)[0].strip() or user_agent


class RobotsCache:
    """Answers "may this User-Agent fetch this URL?" with per-origin cached rules.

    Args:
        load: fetches a robots.txt URL, see :data:`RobotsLoader`.
        user_agent: our full User-Agent; its product token is matched.
        clock: monotonic clock in seconds.
        ttl: seconds a parsed file is kept.
        failure_ttl: seconds a 5xx/network failure is kept.
    """

    def __init__(
        self,
        load: RobotsLoader,
        *,
        user_agent: str,
        clock: Callable[[], float],
        ttl: float = ROBOTS_TTL,
        failure_ttl: float = FAILURE_TTL,
    ) -> None:
        self._load = load
        self._agent = product_token(user_agent)
        self._clock = clock
        self._ttl = ttl
        self._failure_ttl = failure_ttl
        self._rules: dict[str, _Rules] = {}
        self._lock = threading.Lock()
        self._origin_locks: dict[str, threading.Lock] = {}

    def _origin_lock(self, origin: str) -> threading.Lock:
        with self._lock:
            return self._origin_locks.setdefault(origin, threading.Lock())

    def _get(self, url: str) -> _Rules:
        origin = robots_url(url)
        with self._origin_lock(origin):  # one fetch per origin, even across threads
            rules = self._rules.get(origin)
            if rules is None or rules.expires <= self._clock():
                rules = self._fetch(origin)
                self._rules[origin] = rules
            return rules

    def _fetch(self, origin: str) -> _Rules:
        status, body = self._load(origin)
        now = self._clock()
        if status is not None and 200 <= status < 300:
            text = body[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace")
            return _Rules(Protego.parse(text), now + self._ttl)
        if status is not None and 400 <= status < 500:
            logger.debug("%s answered %s: allowing everything", origin, status)
            return _Rules(None, now + self._ttl)
        if status is None:  # the loader logged why; the page fetch reports it too
            logger.debug("%s unreachable: allowing everything for now", origin)
        else:
            logger.warning(
                "%s answered %s: allowing everything for %g s", origin, status, self._failure_ttl
            )
        return _Rules(None, now + self._failure_ttl)

    def allowed(self, url: str) -> bool:
        """True when robots.txt lets our User-Agent fetch ``url`` (RFC 9309 §2.2)."""
        if urlsplit(url).path == "/robots.txt":
            return True
        parser = self._get(url).parser
        return parser is None or bool(parser.can_fetch(url, self._agent))

    def crawl_delay(self, url: str) -> float | None:
        """The ``Crawl-delay`` (seconds) for our agent at ``url``'s origin, or None.

        Crawl-delay is a widespread extension, not part of RFC 9309.
        """
        parser = self._get(url).parser
        if parser is None:
            return None
        delay = parser.crawl_delay(self._agent)
        return float(delay) if delay is not None else None
