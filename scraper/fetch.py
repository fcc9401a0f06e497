"""The polite HTTP client: conditional GET, robots.txt, per-host limits, retries.

:class:`Fetcher` wraps a synchronous ``httpx.Client`` and is safe to share
between threads. It knows nothing of articles or stores: it turns a URL (and
the validators remembered from last time) into a :class:`FetchResult`.

Every httpx exception is translated to our :mod:`scraper.errors` tree in one
place, :func:`scraper.transfer.translate`; nothing from httpx escapes
:meth:`Fetcher.get`.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from types import TracebackType
from urllib.parse import urljoin, urlsplit

import httpx

from scraper.charset import charset_from_content_type, decode_document
from scraper.errors import (
    Cancelled,
    FetchError,
    FetchNetworkError,
    FetchStatusError,
    FetchTimeout,
    RobotsDisallowed,
)
from scraper.hostlimits import (
    MAX_RETRY_DELAY,
    HostGate,
    HostHolds,
    retry_after_seconds,
    retry_delay,
)
from scraper.models import FetchResult, Validators
from scraper.robots import MAX_ROBOTS_BYTES, RobotsCache
from scraper.transfer import FOREIGN_ERRORS, Job, Raw, read_capped, translate, unknown_host

logger = logging.getLogger(__name__)

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
"""Statuses worth another attempt (RFC 9110 §15.6 and RFC 6585 §4 for 429)."""
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
POLL_INTERVAL = 0.2
"""Seconds between two looks at the stop event and the deadline while a request waits."""


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """How politely and patiently to fetch.

    Attributes:
        user_agent: the User-Agent header; its product token is matched in robots.txt.
        timeout: seconds. Bounds each of connect/read/write/pool, *and* the whole
            request: connecting, the headers and the complete body must arrive within
            ``timeout`` seconds of the request start (after any per-host wait), or
            FetchTimeout ("did not finish within 20 s") is raised, so a server
            dripping a few bytes a second cannot hold a check. Each retry gets a new
            ``timeout``.
        max_bytes: body size cap in bytes, checked on ``Content-Length`` and on the
            decoded (decompressed) body while streaming; bigger raises FetchTooLarge.
        retries: extra attempts after a timeout, a network error or a 429/500/502/503/504
            (a host name that does not resolve fails at once). Each wait before a retry
            is logged as a WARNING.
        backoff: seconds; the n-th retry (0-based) waits ``backoff * 2**n`` unless the
            server sent ``Retry-After``; every wait is capped at 60 s. A 429 or 503
            whose ``Retry-After`` is longer (RFC 6585 §4, RFC 9110 §10.2.3) ends the
            fetch at once, and nothing more is sent to that host until then: every
            request to it fails at once with FetchStatusError naming the time
            (see ``holds`` and ``on_hold`` of :class:`Fetcher` to keep it across
            processes).
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
        clock: monotonic clock in seconds (per-host delay, robots cache, ``elapsed``,
            the per-request deadline).
        holds: hosts that asked earlier (in another process) to be left alone:
            host -> (aware ``until``, HTTP status), e.g. from the store.
        on_hold: called with (host, aware ``until``, status) when a host asks for a
            hold (429/503 ``Retry-After``), so it can be kept for other processes.
        stop: when set (the daemon is stopping), a request in flight is abandoned
            within about :data:`POLL_INTERVAL` seconds, even while it waits for
            headers, and every call raises :class:`~scraper.errors.Cancelled`
            instead of a fetch error. ``sleep`` should also end early then (the
            CLI's does), so retry and politeness waits do not hold the stop.

    Each request runs in a short-lived daemon helper thread that this thread
    watches, so a stop or the deadline is noticed while the helper is blocked
    in a socket read; an abandoned helper stops at its next chunk, or at its
    read timeout at the latest, and its result is dropped.
    """

    def __init__(
        self,
        *,
        client: httpx.Client | None = None,
        options: FetchOptions = FetchOptions(),  # noqa: B008 - frozen, immutable
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        stop: threading.Event | None = None,
        holds: Mapping[str, tuple[datetime, int]] | None = None,
        on_hold: Callable[[str, datetime, int], None] | None = None,
    ) -> None:
        self.options = options
        self._stop = stop
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
        self._holds = HostHolds(clock=clock, known=holds, on_hold=on_hold)

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
            Cancelled: ``stop`` was set before or during the fetch.
            RobotsDisallowed: robots.txt forbids the URL (or a redirect target).
            FetchTimeout: no data for ``timeout`` seconds, or the response did not
                finish within ``timeout`` seconds of its start, after the retries.
            FetchNetworkError: connection/TLS failure after the retries; an unknown
                host name at once.
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

    def _follow(self, url: str, headers: dict[str, str]) -> Raw:
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

    def _with_retries(self, url: str, headers: dict[str, str]) -> Raw:
        """One URL, retried on timeouts, network errors and retryable statuses."""
        host = _check_url(url)
        self._check_hold(host, url)  # before robots.txt: a held host gets nothing at all
        if self.options.respect_robots and not self._robots.allowed(url):
            raise RobotsDisallowed("robots.txt disallows this URL", url=url)
        crawl_delay = self._robots.crawl_delay(url) if self.options.respect_robots else None
        attempt = 0
        while True:
            try:
                with self._gate.slot(host, min_delay=crawl_delay):
                    raw = self._request(url, headers, self.options.max_bytes)
            except (FetchTimeout, FetchNetworkError) as exc:
                if attempt >= self.options.retries or unknown_host(exc):
                    raise
                delay, what, note = retry_delay(attempt, backoff=self.options.backoff), str(exc), ""
            else:
                after = raw.headers.get("retry-after")
                self._note_hold(host, url, raw.status, after)
                if raw.status not in RETRY_STATUSES or attempt >= self.options.retries:
                    return raw
                delay = retry_delay(attempt, backoff=self.options.backoff, retry_after=after)
                what, note = f"HTTP {raw.status} from {url}", ""
                if (retry_after_seconds(after) or 0.0) > MAX_RETRY_DELAY:
                    note = f"; the server asked for Retry-After {after}, capped at {delay:g} s"
            tries = self.options.retries + 1
            logger.warning(
                "%s; retrying in %.3g s (attempt %d of %d%s)", what, delay, attempt + 2, tries, note
            )
            if delay > 0:
                self._sleep(delay)
            self._check_stop(url)
            attempt += 1

    def _note_hold(self, host: str, url: str, status: int, after: str | None) -> None:
        """Remember a 429/503 ``Retry-After``; one longer than a retry wait
        (:data:`MAX_RETRY_DELAY`) ends this fetch at once (see :meth:`_check_hold`)."""
        seconds = retry_after_seconds(after) if status in (429, 503) else None
        if seconds:
            self._holds.hold(host, seconds, status)
            if seconds > MAX_RETRY_DELAY:
                self._check_hold(host, url)

    def _check_hold(self, host: str, url: str) -> None:
        """FetchStatusError, sending nothing, while ``host`` asked to be left alone."""
        held = self._holds.held(host)
        if held is not None:
            until, status = held
            raise FetchStatusError(
                f"HTTP {status} with Retry-After: no request to {host} before "
                f"{until:%Y-%m-%d %H:%M:%S} UTC, as the server asked",
                url=url,
                status_code=status,
            )

    def _check_stop(self, url: str) -> None:
        """Cancelled when the stop event is set."""
        if self._stop is not None and self._stop.is_set():
            raise Cancelled(f"stopping: request to {url} abandoned")

    def _request(
        self, url: str, headers: dict[str, str], max_bytes: int, *, truncate: bool = False
    ) -> Raw:
        """One GET without redirects, within the deadline, abandoned on stop.

        The exchange runs in a daemon helper thread (:meth:`_exchange`); this
        thread looks at the stop event and the deadline every
        :data:`POLL_INTERVAL` seconds while it waits, and on either tells the
        helper to give up and raises at once.
        """
        self._check_stop(url)
        deadline = self._clock() + self.options.timeout
        job = Job(url=url, deadline=deadline)
        helper = threading.Thread(
            target=self._exchange,
            args=(job, headers, max_bytes, truncate),
            name=f"fetch {url[:80]}",
            daemon=True,
        )
        helper.start()
        while not job.done.wait(POLL_INTERVAL):
            if self._stop is not None and self._stop.is_set():
                job.abandon.set()
                self._check_stop(url)
            if self._clock() >= deadline:
                job.abandon.set()
                raise self._overdue(url)
        if job.error is not None:
            self._check_stop(url)  # a request failing during the stop is cancelled, not failed
            raise job.error
        assert job.raw is not None
        return job.raw

    def _overdue(self, url: str) -> FetchTimeout:
        return FetchTimeout(f"did not finish within {self.options.timeout:g} s", url=url)

    def _exchange(self, job: Job, headers: dict[str, str], max_bytes: int, truncate: bool) -> None:
        """The helper thread: run :meth:`_transfer`, put its answer or error in ``job``."""
        try:
            job.raw = self._transfer(job, headers, max_bytes, truncate)
        except Exception as exc:  # noqa: BLE001 - handed over, raised by the waiting thread
            job.error = exc
        finally:
            job.done.set()

    def _transfer(self, job: Job, headers: dict[str, str], max_bytes: int, truncate: bool) -> Raw:
        """Send, and read the capped body; the boundary where httpx exceptions become ours."""
        url = job.url

        def check() -> None:  # between body chunks: a drip cannot outlast the deadline
            self._check_stop(url)
            if job.abandon.is_set() or self._clock() >= job.deadline:
                raise self._overdue(url)

        try:
            request = self._client.build_request("GET", url, headers=headers, timeout=self._timeout)
            response = self._client.send(request, stream=True, follow_redirects=False)
            try:
                resp_headers = {k.lower(): v for k, v in response.headers.items()}
                content = read_capped(response, url, max_bytes, truncate=truncate, check=check)
            finally:
                response.close()
        except FOREIGN_ERRORS as exc:
            raise translate(exc, url) from exc
        return Raw(str(response.url), response.status_code, resp_headers, content)

    def _load_robots(self, robots_url: str) -> tuple[int | None, bytes]:
        """Fetch robots.txt for :class:`RobotsCache`: (status, body) or (None, b"").

        A connection failure or timeout is logged at DEBUG only: the page fetch
        that follows meets, and reports, the same failure.
        """
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
        except (FetchTimeout, FetchNetworkError) as exc:
            logger.debug("could not get %s: %s", robots_url, exc)
            return None, b""
        except FetchError as exc:
            logger.warning("could not get %s (allowing everything for now): %s", robots_url, exc)
            return None, b""
        return None, b""
