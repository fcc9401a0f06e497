"""One HTTP exchange at the httpx boundary: its answer, its error, its capped body.

:class:`scraper.fetch.Fetcher` runs each request through these; they are the
only place httpx exceptions are turned into the :mod:`scraper.errors` tree
(:func:`translate`), and the body is read in chunks under a byte cap and a
caller's check (deadline, stop): :func:`read_capped`.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from scraper.errors import (
    FetchError,
    FetchNetworkError,
    FetchStatusError,
    FetchTimeout,
    FetchTooLarge,
)

FOREIGN_ERRORS = (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError, httpx.CookieConflict)
"""The httpx exception classes :func:`translate` turns into ours."""
_UNKNOWN_HOST = frozenset(
    code for code in (getattr(socket, n, None) for n in ("EAI_NONAME", "EAI_NODATA")) if code
)
"""getaddrinfo() errors meaning "this name does not exist" (not EAI_AGAIN, a transient one)."""


@dataclass(frozen=True, slots=True)
class Raw:
    """One HTTP answer, body read (within the cap)."""

    url: str
    status: int
    headers: dict[str, str]
    content: bytes


_TIMEOUT_PHASES: dict[type[httpx.TimeoutException], tuple[str, str]] = {
    httpx.ConnectTimeout: ("connect", "connecting"),
    httpx.ReadTimeout: ("read", "reading the response"),
    httpx.WriteTimeout: ("write", "sending the request"),
    httpx.PoolTimeout: ("pool", "waiting for a free connection"),
}
"""httpx timeout class -> (its key in the request's timeout settings, what was waited for)."""


def translate(exc: Exception, url: str) -> FetchError:
    """Map an httpx exception to our error tree (the single boundary).

    Args:
        exc: an instance of one of :data:`FOREIGN_ERRORS`.
        url: the URL requested.

    Returns:
        The error to raise ``from exc``: FetchTimeout (``"no answer within 20 s
        (reading the response)"``), FetchNetworkError, FetchStatusError, or
        FetchError; messages name what happened, not Python classes, where known.
    """
    if isinstance(exc, httpx.TimeoutException):
        return FetchTimeout(timeout_message(exc), url=url)
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return FetchError(f"invalid or unsupported URL: {exc}", url=url)
    if isinstance(exc, httpx.ConnectError) and unknown_host(exc):
        return FetchNetworkError(f"host name does not resolve: {exc}", url=url)
    if isinstance(exc, httpx.TransportError):
        return FetchNetworkError(f"network error: {type(exc).__name__}: {exc}", url=url)
    if isinstance(exc, httpx.HTTPStatusError):
        code = exc.response.status_code
        return FetchStatusError(f"HTTP {code}", url=url, status_code=code)
    if isinstance(exc, httpx.TooManyRedirects):
        return FetchError(f"too many redirects: {exc}", url=url)
    return FetchError(f"HTTP client error: {type(exc).__name__}: {exc}", url=url)


def timeout_message(exc: httpx.TimeoutException) -> str:
    """``"no answer within 20 s (connecting)"``: the limit and the phase that ran out.

    The limit is read from the request's ``timeout`` extension (httpx stores the
    client's connect/read/write/pool seconds there); without it, the message says
    ``"in time"`` instead of a number.

    Args:
        exc: an httpx ConnectTimeout, ReadTimeout, WriteTimeout or PoolTimeout.

    Returns:
        The message, in seconds.
    """
    key, phase = _TIMEOUT_PHASES.get(type(exc), ("", "waiting for the server"))
    try:
        limits = exc.request.extensions.get("timeout", {})
    except RuntimeError:  # an exception built without its request
        limits = {}
    seconds = limits.get(key) if isinstance(limits, dict) else None
    within = f"within {seconds:g} s" if isinstance(seconds, int | float) else "in time"
    return f"no answer {within} ({phase})"


def unknown_host(exc: BaseException) -> bool:
    """True when ``exc`` or an exception it was raised from is a DNS "no such name".

    getaddrinfo's EAI_NONAME / EAI_NODATA (RFC 3493 §6.1) mean the name does not
    exist, so retrying cannot help; EAI_AGAIN (a temporary failure) is not one.

    Args:
        exc: any exception, typically a FetchNetworkError chained to httpx's ConnectError.

    Returns:
        True for an unresolvable host name.
    """
    current: BaseException | None = exc
    for _ in range(8):  # the chain: ours <- httpx <- httpcore <- socket.gaierror
        if current is None:
            return False
        if isinstance(current, socket.gaierror) and current.errno in _UNKNOWN_HOST:
            return True
        current = current.__cause__ or current.__context__
    return False


@dataclass(slots=True)
class Job:
    """One request handed to a helper thread, and its outcome."""

    url: str
    deadline: float
    done: threading.Event = field(default_factory=threading.Event)
    abandon: threading.Event = field(default_factory=threading.Event)
    raw: Raw | None = None
    error: Exception | None = None


def read_capped(
    response: httpx.Response,
    url: str,
    max_bytes: int,
    *,
    truncate: bool = False,
    check: Callable[[], None] = lambda: None,
) -> bytes:
    """The response body, or FetchTooLarge as soon as it passes ``max_bytes``.

    With ``truncate`` the first ``max_bytes`` are returned instead (robots.txt,
    RFC 9309 §2.5). ``check`` is called once the headers are in and again as each
    chunk arrives; it raises to end the download (deadline, stop).
    """
    declared = response.headers.get("content-length", "")
    if not truncate and declared.isdigit() and int(declared) > max_bytes:
        raise FetchTooLarge(
            f"Content-Length {declared} bytes is over the {max_bytes}-byte cap", url=url
        )
    chunks: list[bytes] = []
    size = 0
    check()
    for chunk in response.iter_bytes():
        check()
        size += len(chunk)
        if size > max_bytes:
            if truncate:
                chunks.append(chunk[: len(chunk) - (size - max_bytes)])
                break
            raise FetchTooLarge(f"body is over the {max_bytes}-byte cap", url=url)
        chunks.append(chunk)
    return b"".join(chunks)


__all__ = [
    "FOREIGN_ERRORS",
    "Job",
    "Raw",
    "read_capped",
    "timeout_message",
    "translate",
    "unknown_host",
]
