"""Per-host politeness: a minimum delay between requests, a concurrency cap, retry waits.

The scheduler runs source checks in threads, so several threads may fetch from
the same host at once. :class:`HostGate` makes them queue: at most
``concurrency`` requests in flight per host, and request *starts* spaced at
least ``delay`` seconds apart (a reservation is taken under a lock, so two
threads never get the same slot). The clock and the sleep are injected, so
unit tests run without wall time.

How long to wait before asking a host again after a failure is computed here
too (:func:`retry_delay`): exponential backoff, or the server's ``Retry-After``.
"""

from __future__ import annotations

import email.utils
import logging
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

logger = logging.getLogger(__name__)

MAX_RETRY_DELAY = 60.0
"""Cap in seconds on one backoff / Retry-After wait."""


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


def retry_delay(attempt: int, *, backoff: float, retry_after: str | None = None) -> float:
    """Seconds to wait before retry number ``attempt`` (0-based) of one request.

    Args:
        attempt: 0 before the first retry, 1 before the second...
        backoff: seconds; without ``Retry-After`` the wait is ``backoff * 2**attempt``.
        retry_after: the server's ``Retry-After`` header value, or None.

    Returns:
        Seconds in ``[0, MAX_RETRY_DELAY]``: a server asking for longer gets the cap.
    """
    wait = retry_after_seconds(retry_after)
    if wait is None:
        wait = backoff * 2**attempt
    return min(max(0.0, wait), MAX_RETRY_DELAY)


class HostGate:
    """Spaces and caps requests per host, across threads.

    Args:
        delay: minimum seconds between the starts of two requests to one host (>= 0).
        concurrency: maximum simultaneous requests per host (>= 1).
        sleep: ``time.sleep``-like function taking seconds.
        clock: monotonic clock returning seconds (``time.monotonic``).
    """

    def __init__(
        self,
        *,
        delay: float,
        concurrency: int,
        sleep: Callable[[float], None],
        clock: Callable[[], float],
    ) -> None:
        if concurrency < 1:
            raise ValueError("concurrency must be >= 1")
        self._delay = max(0.0, delay)
        self._concurrency = concurrency
        self._sleep = sleep
        self._clock = clock
        self._lock = threading.Lock()
        self._next_start: dict[str, float] = {}
        self._semaphores: dict[str, threading.BoundedSemaphore] = {}

    def _semaphore(self, host: str) -> threading.BoundedSemaphore:
        with self._lock:
            sem = self._semaphores.get(host)
            if sem is None:
                sem = threading.BoundedSemaphore(self._concurrency)
                self._semaphores[host] = sem
            return sem

    def _reserve(self, host: str, delay: float) -> float:
        """Take the next start slot for ``host``; return the seconds to wait for it."""
        with self._lock:
            now = self._clock()
            start = max(now, self._next_start.get(host, now))
            self._next_start[host] = start + delay
            return start - now

    @contextmanager
    def slot(self, host: str, *, min_delay: float | None = None) -> Iterator[None]:
        """Hold one of ``host``'s request slots for the duration of the block.

        Args:
            host: the host key (lower-cased ``host[:port]``).
            min_delay: a larger per-host delay for this request in seconds, e.g.
                a robots.txt ``Crawl-delay``; the gate's own delay is the floor.

        Yields:
            None, once the request may start.
        """
        delay = max(self._delay, min_delay or 0.0)
        sem = self._semaphore(host)
        sem.acquire()
        try:
            wait = self._reserve(host, delay)
            if wait > 0:
                logger.debug("waiting %.2f s before the next request to %s", wait, host)
                self._sleep(wait)
            yield
        finally:
            sem.release()


class HostHolds:
    """Hosts that asked to be left alone: a 429 Too Many Requests or a 503 with
    ``Retry-After`` (RFC 6585 §4, RFC 9110 §10.2.3). Thread-safe.

    Args:
        clock: monotonic clock in seconds.
        known: holds asked for earlier, in another process: host -> (aware
            ``until``, HTTP status), e.g. read from the store.
        on_hold: called with (host, aware ``until``, status) for each new hold,
            so that it can be kept for other processes.
    """

    def __init__(
        self,
        *,
        clock: Callable[[], float],
        known: Mapping[str, tuple[datetime, int]] | None = None,
        on_hold: Callable[[str, datetime, int], None] | None = None,
    ) -> None:
        self._clock = clock
        self._on_hold = on_hold
        self._lock = threading.Lock()
        self._until: dict[str, tuple[float, int]] = {}
        now = datetime.now(UTC)
        for host, (until, status) in (known or {}).items():
            self._set(host, (until - now).total_seconds(), status)

    def _set(self, host: str, seconds: float, status: int) -> None:
        with self._lock:
            until = self._clock() + max(0.0, seconds)
            current = self._until.get(host)
            if current is None or until > current[0]:
                self._until[host] = (until, status)

    def hold(self, host: str, seconds: float, status: int) -> None:
        """Send nothing to ``host`` for ``seconds`` (a longer hold in place is kept)."""
        self._set(host, seconds, status)
        if self._on_hold is not None:
            self._on_hold(host, datetime.now(UTC) + timedelta(seconds=seconds), status)

    def held(self, host: str) -> tuple[datetime, int] | None:
        """``(aware until, HTTP status)`` while ``host`` is held, else None."""
        with self._lock:
            until, status = self._until.get(host, (0.0, 0))
            left = until - self._clock()
        if left <= 0:
            return None
        return datetime.now(UTC) + timedelta(seconds=left), status
