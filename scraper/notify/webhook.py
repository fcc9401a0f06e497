"""Signed webhook delivery: one POST per attempt, every httpx error mapped here.

Each POST carries the event JSON exactly as stored in the outbox, plus:

- ``X-Scraper-Signature``: ``sha256=<hex HMAC-SHA256 of the body>``, keyed with
  the webhook secret (UTF-8); the convention of GitHub's ``X-Hub-Signature-256``.
  Receivers recompute it over the raw body bytes, before any JSON parsing.
- ``X-Scraper-Event``: the event type; ``X-Scraper-Delivery``: the delivery id.
- ``X-Scraper-Timestamp``: Unix time (integer seconds) of this attempt. It is
  not signed; the signed body carries ``id`` and ``created_at``.

Delivery is at-least-once (a receiver may answer 2xx and the answer be lost),
so receivers must dedupe on ``X-Scraper-Delivery`` or the event ``id``.
This module is the one boundary where httpx errors become values: a failed
attempt is a :class:`~scraper.models.DeliveryResult` with ``ok=False``.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import random
from datetime import UTC, datetime
from importlib import metadata

import httpx

from scraper.models import Delivery, DeliveryResult, Webhook

logger = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Scraper-Signature"
EVENT_HEADER = "X-Scraper-Event"
DELIVERY_HEADER = "X-Scraper-Delivery"
TIMESTAMP_HEADER = "X-Scraper-Timestamp"

RETRY_BASE = 30.0
"""Seconds before the first retry."""
RETRY_CAP = 3600.0
"""Longest wait between two attempts, in seconds (one hour)."""
_ERROR_SNIPPET = 200  # bytes of a non-2xx answer kept in the error message


def _user_agent() -> str:
    """``scraper-webhook/<version>`` from the installed package metadata."""
    try:
        version = metadata.version("scraper")
    except metadata.PackageNotFoundError:
        version = "0"
    return f"scraper-webhook/{version}"


USER_AGENT = _user_agent()


def sign(body: bytes, secret: str) -> str:
    """Sign a webhook body.

    Args:
        body: the exact bytes sent.
        secret: the webhook secret, UTF-8 encoded to form the HMAC key.

    Returns:
        ``"sha256="`` + lowercase hex HMAC-SHA256 (RFC 2104) of ``body``, as
        GitHub's ``X-Hub-Signature-256``.
    """
    digest = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def verify(body: bytes, secret: str, signature: str) -> bool:
    """Check a signature header in constant time (for receivers and tests).

    Args:
        body: the raw request body bytes, as received.
        secret: the shared webhook secret.
        signature: the ``X-Scraper-Signature`` header value.

    Returns:
        True when ``signature`` equals :func:`sign` of ``body``; False otherwise,
        including for malformed or non-ASCII values.
    """
    expected = sign(body, secret).encode("ascii")
    return hmac.compare_digest(expected, signature.strip().encode("utf-8", "replace"))


def retry_delay(
    attempts: int,
    *,
    base: float = RETRY_BASE,
    cap: float = RETRY_CAP,
    jitter: float = 0.0,
    rng: random.Random | None = None,
) -> float:
    """Seconds to wait before the next attempt, after ``attempts`` failures.

    Exponential backoff ``base * 2 ** (attempts - 1)`` capped at ``cap``
    (30 s, 60 s, 120 s, ... then 1 hour forever): a failed delivery is never
    dropped, it keeps being retried at the cap.

    Args:
        attempts: failed attempts so far (values below 1 count as 1).
        base: seconds after the first failure.
        cap: the maximum delay in seconds.
        jitter: fraction in [0, 1] of the delay that is randomly removed, so that
            many deliveries failing together do not retry together.
        rng: random source for the jitter (``random.Random(seed)`` in tests).

    Returns:
        The delay in seconds, between ``(1 - jitter) * delay`` and ``delay``.
    """
    exponent = min(max(attempts, 1) - 1, 64)
    delay = min(cap, base * 2.0**exponent)
    if jitter > 0:
        fraction = min(jitter, 1.0) * (rng or random).random()
        delay -= delay * fraction
    return delay


def _unix_seconds(now: datetime | None) -> str:
    """Integer Unix time of ``now`` (current time when None), as a string."""
    moment = now if now is not None else datetime.now(UTC)
    return str(int(moment.timestamp()))


def _status_error(response: httpx.Response, snippet: bytes) -> str:
    """A failure message for a non-2xx answer, with the start of its body."""
    text = " ".join(snippet.decode("utf-8", "replace").split())
    message = f"HTTP {response.status_code} {response.reason_phrase}".rstrip()
    return f"{message}: {text}" if text else message


def _map_error(exc: Exception, timeout: float) -> str:
    """A specific failure message for an httpx (or URL) error."""
    if isinstance(exc, httpx.ConnectTimeout):
        return f"connect timeout after {timeout:g} s"
    if isinstance(exc, httpx.TimeoutException):
        return f"timeout after {timeout:g} s ({type(exc).__name__})"
    if isinstance(exc, httpx.ConnectError):
        return f"connection failed: {exc}"
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return f"invalid webhook URL: {exc}"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"receiver broke the HTTP protocol: {exc}"
    if isinstance(exc, httpx.TransportError):
        return f"network error ({type(exc).__name__}): {exc}"
    return f"HTTP client error ({type(exc).__name__}): {exc}"


def _send(client: httpx.Client, request: httpx.Request) -> tuple[httpx.Response, bytes]:
    """Send ``request``; return the response and the first bytes of its body."""
    snippet = b""
    response = client.send(request, stream=True, follow_redirects=False)
    try:
        if not response.is_success:
            for chunk in response.iter_bytes():
                snippet += chunk
                if len(snippet) >= _ERROR_SNIPPET:
                    break
    finally:
        response.close()
    return response, snippet[:_ERROR_SNIPPET]


def post_delivery(
    client: httpx.Client,
    webhook: Webhook,
    delivery: Delivery,
    *,
    now: datetime | None = None,
) -> DeliveryResult:
    """Make one delivery attempt: POST ``delivery.body`` to ``webhook.url``.

    Redirects are not followed (a 3xx is a failure: the receiver URL should be
    fixed in config). Never raises for HTTP or network failures.

    Args:
        client: the HTTP client (an ``httpx.MockTransport`` one in unit tests).
        webhook: the receiver: URL, secret and ``timeout`` (seconds).
        delivery: what to send; ``body`` is posted and signed byte for byte.
        now: aware datetime sent as ``X-Scraper-Timestamp``; the current time
            when None.

    Returns:
        ``DeliveryResult(ok=True, status_code)`` on a 2xx answer; otherwise
        ``ok=False`` with the status code (None when no answer came) and an
        error message (``"HTTP 503 Service Unavailable: ..."``,
        ``"connection failed: ..."``, ``"timeout after 10 s (ReadTimeout)"``).
    """
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        SIGNATURE_HEADER: sign(delivery.body, webhook.secret),
        EVENT_HEADER: delivery.event_type,
        DELIVERY_HEADER: delivery.id,
        TIMESTAMP_HEADER: _unix_seconds(now),
    }
    try:
        request = client.build_request(
            "POST",
            webhook.url,
            content=delivery.body,
            headers=headers,
            timeout=httpx.Timeout(webhook.timeout),
        )
        response, snippet = _send(client, request)
    except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError) as exc:
        error = _map_error(exc, webhook.timeout)
        logger.warning("webhook %s: delivery %s failed: %s", webhook.name, delivery.id, error)
        return DeliveryResult(ok=False, status_code=None, error=error)
    if response.is_success:
        logger.info(
            "webhook %s: delivered %s (%s) with HTTP %d",
            webhook.name,
            delivery.id,
            delivery.event_type,
            response.status_code,
        )
        return DeliveryResult(ok=True, status_code=response.status_code)
    error = _status_error(response, snippet)
    logger.warning("webhook %s: delivery %s failed: %s", webhook.name, delivery.id, error)
    return DeliveryResult(ok=False, status_code=response.status_code, error=error)


__all__ = [
    "DELIVERY_HEADER",
    "EVENT_HEADER",
    "RETRY_BASE",
    "RETRY_CAP",
    "SIGNATURE_HEADER",
    "TIMESTAMP_HEADER",
    "USER_AGENT",
    "post_delivery",
    "retry_delay",
    "sign",
    "verify",
]
