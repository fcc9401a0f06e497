"""Unit tests of the fetcher's deadline, stop, retry warnings, DNS and robots.txt logging.

httpx.MockTransport only (no sockets); a fake clock moved by the response stream
makes the per-request deadline deterministic.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
from fakes import FakeTime

from scraper.errors import Cancelled, FetchNetworkError, FetchStatusError, FetchTimeout
from scraper.fetch import Fetcher, FetchOptions, unknown_host
from scraper.hostlimits import retry_delay

URL = "https://news.example/ar/story"


def make(
    handler: httpx.MockTransport,
    fake: FakeTime,
    *,
    stop: threading.Event | None = None,
    **options: object,
) -> Fetcher:
    opts: dict[str, object] = {"respect_robots": False, "per_host_delay": 0.0}
    opts.update(options)
    return Fetcher(
        client=httpx.Client(transport=handler),
        options=FetchOptions(**opts),  # type: ignore[arg-type]
        sleep=fake.sleep,
        clock=fake.clock,
        stop=stop,
    )


def drip(fake: FakeTime, *, chunks: int, seconds_each: float, sent: list[int]) -> Iterator[bytes]:
    """A body arriving 10 bytes at a time, each chunk ``seconds_each`` later on the fake clock."""
    for i in range(chunks):
        fake.now += seconds_each
        sent.append(i)
        yield f"<p>{i:05d}</p>".encode()


def test_a_dripping_body_is_cut_at_the_overall_deadline() -> None:
    fake = FakeTime(500.0)
    sent: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=drip(fake, chunks=300, seconds_each=1.0, sent=sent))

    fetcher = make(httpx.MockTransport(handler), fake, timeout=20.0, retries=0)
    with pytest.raises(FetchTimeout) as info:
        fetcher.get(URL)
    assert str(info.value) == f"did not finish within 20 s ({URL})"
    assert len(sent) == 20  # the 20th chunk arrives at the deadline: nothing more is read


def test_a_body_within_the_deadline_is_whole() -> None:
    fake = FakeTime(500.0)
    sent: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=drip(fake, chunks=19, seconds_each=1.0, sent=sent))

    result = make(httpx.MockTransport(handler), fake, timeout=20.0, retries=0).get(URL)
    assert len(result.content) == 19 * 12
    assert result.text.endswith("<p>00018</p>")


def test_the_deadline_is_retried_like_any_timeout() -> None:
    fake = FakeTime(500.0)
    sent: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=drip(fake, chunks=50, seconds_each=1.0, sent=sent))

    fetcher = make(httpx.MockTransport(handler), fake, timeout=5.0, retries=1, backoff=2.0)
    with pytest.raises(FetchTimeout):
        fetcher.get(URL)
    assert len(sent) == 10  # 5 chunks per attempt
    assert fake.sleeps == [2.0]


def test_stop_during_the_body_cancels_without_a_fetch_error() -> None:
    fake = FakeTime(500.0)
    stop = threading.Event()
    sent: list[int] = []

    def body() -> Iterator[bytes]:
        for i in range(1000):
            if i == 3:
                stop.set()
            sent.append(i)
            yield b"<p>chunk</p>"

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body())

    fetcher = make(httpx.MockTransport(handler), fake, stop=stop, retries=2)
    with pytest.raises(Cancelled) as info:
        fetcher.get(URL)
    assert str(info.value) == f"stopping: request to {URL} abandoned"
    assert len(sent) == 4
    assert fake.sleeps == []  # not retried


def test_stop_while_waiting_for_headers_returns_at_once() -> None:
    fake = FakeTime(500.0)
    stop = threading.Event()
    release = threading.Event()  # the "server" answers only when released

    def handler(request: httpx.Request) -> httpx.Response:
        release.wait(30)
        return httpx.Response(200, text="late")

    fetcher = make(httpx.MockTransport(handler), fake, stop=stop)
    timer = threading.Timer(0.2, stop.set)
    timer.start()
    started = time.monotonic()
    try:
        with pytest.raises(Cancelled):
            fetcher.get(URL)
        waited = time.monotonic() - started
    finally:
        release.set()
        timer.join()
    assert waited < 5.0  # the handler would have held it 30 s


def test_a_set_stop_sends_nothing() -> None:
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        return httpx.Response(200, text="ok")

    stop = threading.Event()
    stop.set()
    with pytest.raises(Cancelled):
        make(httpx.MockTransport(handler), FakeTime(500.0), stop=stop).get(URL)
    assert calls == []


def test_a_failure_caused_by_the_stop_is_a_cancellation() -> None:
    stop = threading.Event()

    def handler(request: httpx.Request) -> httpx.Response:
        stop.set()  # the daemon stops while the request fails
        raise httpx.ReadTimeout("slow", request=request)

    with pytest.raises(Cancelled):
        make(httpx.MockTransport(handler), FakeTime(500.0), stop=stop, retries=2).get(URL)


def test_retry_waits_are_logged_as_warnings(caplog: pytest.LogCaptureFixture) -> None:
    statuses = iter([503, 503, 200])

    def handler(request: httpx.Request) -> httpx.Response:
        status = next(statuses)
        return httpx.Response(status, headers={"Retry-After": "30"}, text="x")

    fake = FakeTime(500.0)
    with caplog.at_level(logging.WARNING, logger="scraper.fetch"):
        result = make(httpx.MockTransport(handler), fake, retries=2).get(URL)
    assert result.status_code == 200
    assert fake.sleeps == [30.0, 30.0]
    assert [r.getMessage() for r in caplog.records] == [
        f"HTTP 503 from {URL}; retrying in 30 s (attempt 2 of 3)",
        f"HTTP 503 from {URL}; retrying in 30 s (attempt 3 of 3)",
    ]
    assert {r.levelno for r in caplog.records} == {logging.WARNING}


def test_network_retry_warning_names_the_error(caplog: pytest.LogCaptureFixture) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno 111] Connection refused", request=request)

    fake = FakeTime(500.0)
    with caplog.at_level(logging.WARNING, logger="scraper.fetch"), pytest.raises(FetchNetworkError):
        make(httpx.MockTransport(handler), fake, retries=1, backoff=0.5).get(URL)
    assert [r.getMessage() for r in caplog.records] == [
        f"network error: ConnectError: [Errno 111] Connection refused ({URL}); "
        "retrying in 0.5 s (attempt 2 of 2)"
    ]


def test_no_warning_when_the_last_attempt_fails(caplog: pytest.LogCaptureFixture) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(503)

    with caplog.at_level(logging.WARNING), pytest.raises(FetchStatusError):
        make(httpx.MockTransport(handler), FakeTime(500.0), retries=0).get(URL)
    assert caplog.records == []


def _dns_failure(code: int) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        try:
            raise socket.gaierror(code, "Name or service not known")
        except socket.gaierror as exc:
            raise httpx.ConnectError(str(exc), request=request) from exc

    calls: list[int] = []
    transport = httpx.MockTransport(handler)
    transport.calls = calls  # type: ignore[attr-defined]
    return transport


def test_an_unknown_host_fails_at_once() -> None:
    transport = _dns_failure(socket.EAI_NONAME)
    fake = FakeTime(500.0)
    with pytest.raises(FetchNetworkError) as info:
        make(transport, fake, retries=2).get("https://news.invalid/x")
    assert str(info.value).startswith("host name does not resolve: ")
    assert transport.calls == [1]  # type: ignore[attr-defined]
    assert fake.sleeps == []
    assert unknown_host(info.value)


def test_a_temporary_dns_failure_is_retried() -> None:
    transport = _dns_failure(socket.EAI_AGAIN)
    fake = FakeTime(500.0)
    with pytest.raises(FetchNetworkError) as info:
        make(transport, fake, retries=2, backoff=1.0).get("https://news.example/x")
    assert transport.calls == [1, 1, 1]  # type: ignore[attr-defined]
    assert fake.sleeps == [1.0, 2.0]
    assert not unknown_host(info.value)


def test_a_dead_host_logs_no_robots_warning(caplog: pytest.LogCaptureFixture) -> None:
    paths: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        paths.append(request.url.path)
        raise httpx.ConnectError("[Errno 111] Connection refused", request=request)

    fake = FakeTime(500.0)
    fetcher = make(httpx.MockTransport(handler), fake, respect_robots=True, retries=0)
    with caplog.at_level(logging.DEBUG, logger="scraper"), pytest.raises(FetchNetworkError):
        fetcher.get(URL)
    assert paths == ["/robots.txt", "/ar/story"]
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert warnings == []
    debug = [r.getMessage() for r in caplog.records if "robots.txt" in r.getMessage()]
    assert debug[0].startswith("could not get https://news.example/robots.txt: network error")


def test_a_robots_5xx_is_one_warning_line(caplog: pytest.LogCaptureFixture) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(503)
        return httpx.Response(200, text="page")

    fetcher = make(httpx.MockTransport(handler), FakeTime(500.0), respect_robots=True)
    with caplog.at_level(logging.WARNING, logger="scraper"):
        assert fetcher.get(URL).text == "page"
    assert [r.getMessage() for r in caplog.records] == [
        "https://news.example/robots.txt answered 503: allowing everything for 300 s"
    ]


@pytest.mark.parametrize(
    ("attempt", "backoff", "retry_after", "expected"),
    [
        pytest.param(0, 1.0, None, 1.0, id="first-backoff"),
        pytest.param(2, 1.0, None, 4.0, id="third-backoff"),
        pytest.param(0, 1.0, "7", 7.0, id="retry-after"),
        pytest.param(0, 1.0, "3600", 60.0, id="retry-after-capped"),
        pytest.param(9, 1.0, None, 60.0, id="backoff-capped"),
    ],
)
def test_retry_delay(
    attempt: int, backoff: float, retry_after: str | None, expected: float
) -> None:
    assert retry_delay(attempt, backoff=backoff, retry_after=retry_after) == expected
