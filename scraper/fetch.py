"""The polite HTTP client: conditional GET, robots.txt, per-host limits, retries.

:class:`Fetcher` wraps a synchronous ``httpx.Client`` and is safe to share
between threads. It knows nothing of articles or stores: it turns a URL (and
the validators remembered from last time) into a :class:`FetchResult`.

Every httpx exception is translated to our :mod:`scraper.errors` tree in one
place, :func:`_translate`; nothing from httpx escapes :meth:`Fetcher.get`.
"""

from __future__ import annotations

import email.utils
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from types import TracebackType
from urllib.parse import urljoin, urlsplit

import httpx

from scraper.charset import charset_from_content_type, decode_document
from scraper.errors import (
    FetchError,
    FetchNetworkError,
    FetchStatusError,
    FetchTimeout,
    FetchTooLarge,
    RobotsDisallowed,
)
from scraper.hostlimits import HostGate
from scraper.models import FetchResult, Validators
from scraper.robots import MAX_ROBOTS_BYTES, RobotsCache

logger = logging.getLogger(__name__)

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
"""Statuses worth another attempt (RFC 9110 §15.6 and RFC 6585 §4 for 429)."""
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_RETRY_DELAY = 60.0
"""Cap in seconds on one backoff / Retry-After wait."""
_FOREIGN = (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError, httpx.CookieConflict)


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """How politely and patiently to fetch.

    Attributes:
        user_agent: the User-Agent header; its product token is matched in robots.txt.
        timeout: seconds for each of connect/read/write/pool.
        max_bytes: body size cap in bytes, checked on ``Content-Length`` and on the
            decoded (decompressed) body while streaming; bigger raises FetchTooLarge.
        retries: extra attempts after a timeout, a network error or a 429/500/502/503/504.
        backoff: seconds; the n-th retry (0-based) waits ``backoff * 2**n`` unless the
            server sent ``Retry-After``; every wait is capped at 60 s.
        per_host_delay: minimum seconds between two request starts to one host.
        per_host_concurrency: at most this many simultaneous requests per host.
        respect_robots: obey robots.txt (RFC 9309); see :mod:`scraper.robots`.
        max_redirects: redirects followed before giving up.
    """

    user_agent: str = "scraper/0.1 (+https://github.com/; news change monitor)"
    timeout: float = 20.0
    max_bytes: int = 10_000_000
    retries: int = 2
    backoff: float = 1.0
    per_host_delay: float = 1.0
    per_host_concurrency: int = 2
    respect_robots: bool = True
    max_redirects: int = 10


@dataclass(frozen=True, slots=True)
class _Raw:
    """One HTTP answer, body read (within the cap)."""

    url: str
    status: int
    headers: dict[str, str]
    content: bytes


def _translate(exc: Exception, url: str) -> FetchError:
    """Map an httpx exception to our error tree (the single boundary)."""
    if isinstance(exc, httpx.TimeoutException):
        return FetchTimeout(f"timed out: {type(exc).__name__}", url=url)
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return FetchError(f"invalid or unsupported URL: {exc}", url=url)
    if isinstance(exc, httpx.TransportError):
        return FetchNetworkError(f"network error: {type(exc).__name__}: {exc}", url=url)
    if isinstance(exc, httpx.HTTPStatusError):
        code = exc.response.status_code
        return FetchStatusError(f"HTTP {code}", url=url, status_code=code)
    if isinstance(exc, httpx.TooManyRedirects):
        return FetchError(f"too many redirects: {exc}", url=url)
    return FetchError(f"HTTP client error: {type(exc).__name__}: {exc}", url=url)


def _check_url(url: str) -> str:
    """The host key of ``url``; FetchError for a non-HTTP(S) or malformed URL."""
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        raise FetchError(f"invalid URL: {exc}", url=url) from exc
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(f"unsupported URL scheme {parts.scheme or '(none)'!r}", url=url)
    if not parts.hostname:
        raise FetchError("invalid URL: no host", url=url)
    return parts.netloc.lower()


def retry_after_seconds(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (RFC 9110 §10.2.3), or None.

    Args:
        value: the header value: delay-seconds (``"120"``) or an HTTP-date.
        now: aware "now" for HTTP-dates; defaults to the current UTC time.

    Returns:
        Seconds >= 0, or None when the value is missing or unreadable.
    """
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def _validators(headers: dict[str, str], old: Validators | None) -> Validators:
    old = old or Validators()
    return Validators(
        etag=headers.get("etag") or old.etag,
        last_modified=headers.get("last-modified") or old.last_modified,
    )


class Fetcher:
    """A thread-safe, polite HTTP GET client.

    Args:
        client: an ``httpx.Client`` to use (tests pass one with a MockTransport);
            by default one is created, and closed by :meth:`close`.
        options: see :class:`FetchOptions`.
        sleep: called with seconds to wait (backoff, per-host delay).
        clock: monotonic clock in seconds (per-host delay, robots cache, ``elapsed``).
    """

    def __init__(
        self,
        *,
        client: httpx.Client | None = None,
        options: FetchOptions = FetchOptions(),  # noqa: B008 - frozen, immutable
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.options = options
        self._owns_client = client is None
        self._client = client or httpx.Client(timeout=httpx.Timeout(options.timeout))
        self._timeout = httpx.Timeout(options.timeout)
        self._sleep = sleep
        self._clock = clock
        self._gate = HostGate(
            delay=options.per_host_delay,
            concurrency=options.per_host_concurrency,
            sleep=sleep,
            clock=clock,
        )
        self._robots = RobotsCache(self._load_robots, user_agent=options.user_agent, clock=clock)

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the HTTP client if this Fetcher created it."""
        if self._owns_client:
            self._client.close()

    def get(self, url: str, *, validators: Validators | None = None) -> FetchResult:
        """GET ``url`` politely, as a conditional request when validators are known.

        Sends ``If-None-Match`` / ``If-Modified-Since`` (RFC 9110 §13.1); a 304
        is a value (``not_modified=True``), not an error. Redirects are followed
        one hop at a time so every hop passes robots.txt and the per-host limits.

        Args:
            url: absolute http(s) URL.
            validators: the ETag / Last-Modified remembered from the last fetch.

        Returns:
            The :class:`FetchResult`; ``text`` decoded by
            :func:`scraper.charset.decode_document`, ``fetched_at`` aware UTC,
            ``elapsed`` in seconds including retries and waits.

        Raises:
            RobotsDisallowed: robots.txt forbids the URL (or a redirect target).
            FetchTimeout: still timing out after the retries.
            FetchNetworkError: connection/DNS/TLS failure after the retries.
            FetchStatusError: a 4xx, or a 5xx/429 after the retries.
            FetchTooLarge: the body exceeds ``max_bytes``.
            FetchError: invalid URL, unsupported scheme, too many redirects.
        """
        started = self._clock()
        headers = {"User-Agent": self.options.user_agent}
        if validators and validators.etag:
            headers["If-None-Match"] = validators.etag
        if validators and validators.last_modified:
            headers["If-Modified-Since"] = validators.last_modified
        raw = self._follow(url, headers)
        not_modified = raw.status == 304
        text, encoding = "", None
        if not not_modified:
            declared = charset_from_content_type(raw.headers.get("content-type"))
            text, encoding = decode_document(raw.content, declared=declared)
        logger.debug("GET %s -> %s, %d bytes, %s", url, raw.status, len(raw.content), encoding)
        return FetchResult(
            url=url,
            final_url=raw.url,
            status_code=raw.status,
            content=b"" if not_modified else raw.content,
            text=text,
            encoding=encoding,
            headers=raw.headers,
            # a 304 refreshes the old validators; a 200 replaces them (RFC 9110 §15.4.5)
            validators=_validators(raw.headers, validators if not_modified else None),
            not_modified=not_modified,
            fetched_at=datetime.now(UTC),
            elapsed=self._clock() - started,
        )

    def _follow(self, url: str, headers: dict[str, str]) -> _Raw:
        """Follow redirects hop by hop; return the final non-redirect answer."""
        current = url
        for _ in range(self.options.max_redirects + 1):
            raw = self._with_retries(current, headers)
            location = raw.headers.get("location")
            if raw.status not in REDIRECT_STATUSES or not location:
                if raw.status >= 400:
                    raise FetchStatusError(
                        f"HTTP {raw.status}", url=current, status_code=raw.status
                    )
                return raw
            current = urljoin(current, location.strip())
            logger.debug("redirect %s -> %s", raw.url, current)
        raise FetchError(f"more than {self.options.max_redirects} redirects", url=url)

    def _with_retries(self, url: str, headers: dict[str, str]) -> _Raw:
        """One URL, retried on timeouts, network errors and retryable statuses."""
        host = _check_url(url)
        if self.options.respect_robots and not self._robots.allowed(url):
            raise RobotsDisallowed("robots.txt disallows this URL", url=url)
        crawl_delay = self._robots.crawl_delay(url) if self.options.respect_robots else None
        attempt = 0
        while True:
            try:
                with self._gate.slot(host, min_delay=crawl_delay):
                    raw = self._request(url, headers, self.options.max_bytes)
            except (FetchTimeout, FetchNetworkError) as exc:
                if attempt >= self.options.retries:
                    raise
                delay = self._backoff(attempt, None)
                logger.info("retrying %s in %.1f s after %s", url, delay, exc)
            else:
                if raw.status not in RETRY_STATUSES or attempt >= self.options.retries:
                    return raw
                delay = self._backoff(attempt, raw.headers.get("retry-after"))
                logger.info("retrying %s in %.1f s after HTTP %s", url, delay, raw.status)
            if delay > 0:
                self._sleep(delay)
            attempt += 1

    def _backoff(self, attempt: int, retry_after: str | None) -> float:
        wait = retry_after_seconds(retry_after)
        if wait is None:
            wait = self.options.backoff * 2**attempt
        return min(max(0.0, wait), MAX_RETRY_DELAY)

    def _request(
        self, url: str, headers: dict[str, str], max_bytes: int, *, truncate: bool = False
    ) -> _Raw:
        """One GET without redirects; the body read under the size cap.

        This is the boundary where httpx exceptions become ours.
        """
        try:
            request = self._client.build_request("GET", url, headers=headers, timeout=self._timeout)
            response = self._client.send(request, stream=True, follow_redirects=False)
            try:
                resp_headers = {k.lower(): v for k, v in response.headers.items()}
                content = _read_capped(response, url, max_bytes, truncate=truncate)
            finally:
                response.close()
        except _FOREIGN as exc:
            raise _translate(exc, url) from exc
        return _Raw(str(response.url), response.status_code, resp_headers, content)

    def _load_robots(self, robots_url: str) -> tuple[int | None, bytes]:
        """Fetch robots.txt for :class:`RobotsCache`: (status, body) or (None, b"")."""
        headers = {"User-Agent": self.options.user_agent}
        current = robots_url
        try:
            for _ in range(5):  # RFC 9309 §2.3.1.2: follow at least five redirects
                with self._gate.slot(_check_url(current)):
                    raw = self._request(current, headers, MAX_ROBOTS_BYTES, truncate=True)
                location = raw.headers.get("location")
                if raw.status not in REDIRECT_STATUSES or not location:
                    return raw.status, raw.content
                current = urljoin(current, location)
        except FetchError as exc:
            logger.warning("could not get %s: %s", robots_url, exc)
            return None, b""
        return None, b""


def _read_capped(
    response: httpx.Response, url: str, max_bytes: int, *, truncate: bool = False
) -> bytes:
    """The response body, or FetchTooLarge as soon as it passes ``max_bytes``.

    With ``truncate`` the first ``max_bytes`` are returned instead (robots.txt,
    RFC 9309 §2.5).
    """
    declared = response.headers.get("content-length", "")
    if not truncate and declared.isdigit() and int(declared) > max_bytes:
        raise FetchTooLarge(
            f"Content-Length {declared} bytes is over the {max_bytes}-byte cap", url=url
        )
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            if truncate:
                chunks.append(chunk[: len(chunk) - (size - max_bytes)])
                break
            raise FetchTooLarge(f"body is over the {max_bytes}-byte cap", url=url)
        chunks.append(chunk)
    return b"".join(chunks)
