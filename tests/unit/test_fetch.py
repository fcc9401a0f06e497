"""Unit tests of scraper.fetch with httpx.MockTransport, a fake clock and a recording sleep."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest
from fakes import FakeTime

from scraper.errors import (
    FetchError,
    FetchNetworkError,
    FetchStatusError,
    FetchTimeout,
    FetchTooLarge,
    RobotsDisallowed,
)
from scraper.fetch import Fetcher, FetchOptions, retry_after_seconds
from scraper.hostlimits import HostGate
from scraper.models import Validators

Handler = Callable[[httpx.Request], httpx.Response]
ARABIC_PAGE = (
    "<html><head><title>أخبار المدينة</title></head><body><p>أعلنت البلدية اليوم "
    "افتتاح حديقة جديدة في وسط المدينة، وقال رئيس البلدية إن المشروع استغرق "
    "عامين من العمل المتواصل.</p></body></html>"
)


def make(handler: Handler, fake: FakeTime | None = None, **options: object) -> Fetcher:
    opts: dict[str, object] = {"respect_robots": False, "per_host_delay": 0.0}
    opts.update(options)
    fake = fake or FakeTime()
    client = httpx.Client(transport=httpx.MockTransport(handler))
    return Fetcher(
        client=client,
        options=FetchOptions(**opts),  # type: ignore[arg-type]
        sleep=fake.sleep,
        clock=fake.clock,
    )


def test_conditional_headers_and_user_agent_are_sent() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, text="ok")

    validators = Validators(etag='"abc-1"', last_modified="Sun, 29 Nov 2026 08:00:00 GMT")
    make(handler).get("https://news.example/feed", validators=validators)
    assert seen[0].headers["if-none-match"] == '"abc-1"'
    assert seen[0].headers["if-modified-since"] == "Sun, 29 Nov 2026 08:00:00 GMT"
    assert seen[0].headers["user-agent"].startswith("scraper/0.1")


def test_no_conditional_headers_without_validators() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, text="ok")

    make(handler).get("https://news.example/feed")
    assert "if-none-match" not in seen[0].headers
    assert "if-modified-since" not in seen[0].headers


def test_304_is_a_value_with_updated_validators() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(304, headers={"ETag": '"abc-2"'})

    old = Validators(etag='"abc-1"', last_modified="Sun, 29 Nov 2026 08:00:00 GMT")
    result = make(handler).get("https://news.example/feed", validators=old)
    assert result.not_modified is True
    assert result.status_code == 304
    assert result.content == b""
    assert result.text == ""
    assert result.validators == Validators(
        etag='"abc-2"', last_modified="Sun, 29 Nov 2026 08:00:00 GMT"
    )


def test_200_without_validators_forgets_the_old_ones() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, text="new content")

    old = Validators(etag='"abc-1"', last_modified="Sun, 29 Nov 2026 08:00:00 GMT")
    result = make(handler).get("https://news.example/feed", validators=old)
    assert result.validators == Validators()
    assert result.text == "new content"


def test_200_result_fields_and_redirect() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/old":
            return httpx.Response(301, headers={"Location": "/new"})
        return httpx.Response(
            200,
            content=b"<p>hello</p>",
            headers={
                "Content-Type": "text/html; charset=utf-8",
                "ETag": '"v7"',
                "Last-Modified": "Mon, 30 Nov 2026 09:00:00 GMT",
            },
        )

    before = datetime.now(UTC)
    result = make(handler).get("https://news.example/old")
    assert result.url == "https://news.example/old"
    assert result.final_url == "https://news.example/new"
    assert result.status_code == 200
    assert result.text == "<p>hello</p>"
    assert result.encoding == "utf-8"
    assert result.headers["etag"] == '"v7"'
    assert result.validators == Validators('"v7"', "Mon, 30 Nov 2026 09:00:00 GMT")
    assert result.fetched_at.tzinfo is UTC
    assert result.fetched_at >= before
    assert result.not_modified is False


def test_too_many_redirects() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": "/loop"})

    with pytest.raises(FetchError, match="more than 3 redirects"):
        make(handler, max_redirects=3).get("https://news.example/loop")


def test_retries_with_exponential_backoff() -> None:
    statuses = iter([503, 502, 200])

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(next(statuses), text="body")

    fake = FakeTime()
    result = make(handler, fake, retries=2, backoff=1.5).get("https://news.example/a")
    assert result.status_code == 200
    assert fake.sleeps == [1.5, 3.0]
    assert result.elapsed == 4.5


def test_retry_after_seconds_is_honoured() -> None:
    statuses = iter([(429, {"Retry-After": "7"}), (200, {})])

    def handler(request: httpx.Request) -> httpx.Response:
        status, headers = next(statuses)
        return httpx.Response(status, headers=headers, text="x")

    fake = FakeTime()
    make(handler, fake).get("https://news.example/a")
    assert fake.sleeps == [7.0]


def test_a_long_retry_after_ends_the_fetch_and_holds_the_host_until_then() -> None:
    later = format_datetime(datetime.now(UTC) + timedelta(hours=2), usegmt=True)
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        if len(calls) == 1:
            return httpx.Response(503, headers={"Retry-After": later}, text="busy")
        return httpx.Response(200, text="x")

    fake = FakeTime()
    fetcher = make(handler, fake)
    with pytest.raises(FetchStatusError, match=r"HTTP 503 with Retry-After: no request to "):
        fetcher.get("https://news.example/a")
    with pytest.raises(FetchStatusError) as held:
        fetcher.get("https://news.example/b")  # same host: nothing is sent
    assert held.value.status_code == 503
    assert fake.sleeps == []
    assert calls == ["https://news.example/a"]
    fetcher.get("https://other.example/c")  # other hosts are not held
    fake.now += 2 * 3600 + 1
    assert fetcher.get("https://news.example/b").status_code == 200
    assert calls == ["https://news.example/a", "https://other.example/c", "https://news.example/b"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("120", 120.0, id="delay-seconds"),
        pytest.param("Mon, 30 Nov 2026 10:00:30 GMT", 30.0, id="http-date"),
        pytest.param("Mon, 30 Nov 2026 09:00:00 GMT", 0.0, id="date-in-the-past"),
        pytest.param("soon", None, id="garbage"),
        pytest.param(None, None, id="missing"),
    ],
)
def test_retry_after_parsing(value: str | None, expected: float | None) -> None:
    now = datetime(2026, 11, 30, 10, 0, 0, tzinfo=UTC)
    assert retry_after_seconds(value, now=now) == expected


def test_5xx_fails_after_retries() -> None:
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        return httpx.Response(500, text="oops")

    fake = FakeTime()
    with pytest.raises(FetchStatusError) as info:
        make(handler, fake, retries=2, backoff=1.0).get("https://news.example/a")
    assert info.value.status_code == 500
    assert info.value.url == "https://news.example/a"
    assert len(calls) == 3
    assert fake.sleeps == [1.0, 2.0]


def test_404_is_not_retried() -> None:
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        return httpx.Response(404, text="gone")

    with pytest.raises(FetchStatusError) as info:
        make(handler, retries=2).get("https://news.example/missing")
    assert info.value.status_code == 404
    assert len(calls) == 1


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        pytest.param(httpx.ReadTimeout("slow"), FetchTimeout, id="read-timeout"),
        pytest.param(httpx.ConnectError("refused"), FetchNetworkError, id="connect-error"),
    ],
)
def test_transport_errors_are_retried_then_mapped(
    exc: httpx.HTTPError, expected: type[FetchError]
) -> None:
    calls: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        raise exc

    fake = FakeTime()
    with pytest.raises(expected) as info:
        make(handler, fake, retries=1, backoff=0.5).get("https://news.example/a")
    assert info.value.__cause__ is exc
    assert len(calls) == 2
    assert fake.sleeps == [0.5]


def _all_subclasses(cls: type[Exception]) -> Iterator[type[Exception]]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _all_subclasses(sub)


def _instance(cls: type[Exception]) -> Exception:
    request = httpx.Request("GET", "https://news.example/a")
    if issubclass(cls, httpx.HTTPStatusError):
        response = httpx.Response(500, request=request)
        return cls("boom", request=request, response=response)
    if issubclass(cls, httpx.RequestError | httpx.TooManyRedirects):
        return cls("boom", request=request)
    if issubclass(cls, httpx.StreamError) and cls is not httpx.StreamError:
        no_arg: Callable[[], Exception] = cls  # StreamConsumed, StreamClosed... take no message
        return no_arg()
    return cls("boom")


FOREIGN: list[type[Exception]] = sorted(
    {
        httpx.HTTPError,
        *_all_subclasses(httpx.HTTPError),
        httpx.InvalidURL,
        httpx.StreamError,
        *_all_subclasses(httpx.StreamError),
        httpx.CookieConflict,
    },
    key=lambda c: c.__name__,
)


@pytest.mark.parametrize("cls", FOREIGN, ids=lambda c: c.__name__)
def test_every_httpx_exception_is_mapped(cls: type[Exception]) -> None:
    exc = _instance(cls)

    def handler(request: httpx.Request) -> httpx.Response:
        raise exc

    with pytest.raises(FetchError) as info:
        make(handler, retries=0).get("https://news.example/a")
    assert info.value.__cause__ is exc
    assert info.value.url == "https://news.example/a"


def test_the_exception_list_covers_the_known_classes() -> None:
    names = {c.__name__ for c in FOREIGN}
    assert {"ReadTimeout", "ConnectError", "RemoteProtocolError", "TooManyRedirects"} <= names
    assert {"UnsupportedProtocol", "DecodingError", "InvalidURL", "HTTPStatusError"} <= names


@pytest.mark.parametrize(
    ("url", "message"),
    [
        pytest.param("ftp://news.example/file", "unsupported URL scheme 'ftp'", id="ftp"),
        pytest.param("news.example/page", "unsupported URL scheme '(none)'", id="no-scheme"),
        pytest.param("http:///path", "no host", id="no-host"),
        pytest.param("http://[::1/x", "invalid URL", id="bad-ipv6"),
    ],
)
def test_invalid_urls_raise_fetch_error(url: str, message: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise AssertionError("no request expected")

    with pytest.raises(FetchError, match=re.escape(message)) as info:
        make(handler).get(url)
    assert type(info.value) is FetchError


def test_content_length_over_cap_is_too_large() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b"x" * 2048)

    with pytest.raises(FetchTooLarge, match="Content-Length 2048"):
        make(handler, max_bytes=1024).get("https://news.example/big")


def test_streamed_body_over_cap_is_too_large() -> None:
    chunks_sent: list[int] = []

    def chunks() -> Iterator[bytes]:
        for _ in range(100):
            chunks_sent.append(1)
            yield b"y" * 512

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=chunks())  # chunked: no Content-Length

    with pytest.raises(FetchTooLarge, match="body is over the 1024-byte cap"):
        make(handler, max_bytes=1024).get("https://news.example/big")
    assert len(chunks_sent) < 100  # stopped reading early


def test_body_at_cap_is_accepted() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b"z" * 1024)

    assert len(make(handler, max_bytes=1024).get("https://news.example/ok").content) == 1024


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        pytest.param("text/html; charset=windows-1256", ARABIC_PAGE, id="header-cp1256"),
        pytest.param(
            "text/html",
            ARABIC_PAGE.replace("<head>", '<head><meta charset="windows-1256">'),
            id="meta-only-cp1256",
        ),
        pytest.param("text/html", ARABIC_PAGE, id="undeclared-cp1256"),
    ],
)
def test_arabic_cp1256_is_decoded(content_type: str, body: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, content=body.encode("cp1256"), headers={"Content-Type": content_type}
        )

    result = make(handler).get("https://news.example/ar/1")
    assert result.text == body
    assert result.encoding == "cp1256"
    assert "حديقة جديدة" in result.text


ROBOTS = "User-agent: *\nDisallow: /admin/\n\nUser-agent: scraper\nDisallow: /private/\n"


def _robots_site(robots: httpx.Response, log: list[str]) -> Handler:
    def handler(request: httpx.Request) -> httpx.Response:
        log.append(request.url.path)
        if request.url.path == "/robots.txt":
            return robots
        if request.url.path == "/jump":
            return httpx.Response(302, headers={"Location": "/private/secret"})
        return httpx.Response(200, text="page")

    return handler


def test_robots_disallow_blocks_before_any_request() -> None:
    log: list[str] = []
    fetcher = make(_robots_site(httpx.Response(200, text=ROBOTS), log), respect_robots=True)
    with pytest.raises(RobotsDisallowed) as info:
        fetcher.get("https://news.example/private/report")
    assert info.value.url == "https://news.example/private/report"
    assert fetcher.get("https://news.example/admin/x").text == "page"  # group for * not ours
    assert fetcher.get("https://news.example/news/1").status_code == 200
    assert log == ["/robots.txt", "/admin/x", "/news/1"]  # robots.txt fetched once


def test_robots_checked_on_redirect_target() -> None:
    log: list[str] = []
    fetcher = make(_robots_site(httpx.Response(200, text=ROBOTS), log), respect_robots=True)
    with pytest.raises(RobotsDisallowed):
        fetcher.get("https://news.example/jump")
    assert "/private/secret" not in log


@pytest.mark.parametrize(
    "robots",
    [
        pytest.param(httpx.Response(404), id="404-allows"),
        pytest.param(httpx.Response(503), id="503-allows-by-choice"),
    ],
)
def test_robots_failures_allow(robots: httpx.Response) -> None:
    log: list[str] = []
    fetcher = make(_robots_site(robots, log), respect_robots=True, retries=0)
    assert fetcher.get("https://news.example/private/report").text == "page"
    assert log == ["/robots.txt", "/private/report"]


def test_robots_network_error_allows() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            raise httpx.ConnectError("refused")
        return httpx.Response(200, text="page")

    assert make(handler, respect_robots=True).get("https://news.example/x").text == "page"


def test_robots_cache_expires_after_an_hour() -> None:
    log: list[str] = []
    fake = FakeTime()
    fetcher = make(_robots_site(httpx.Response(200, text=ROBOTS), log), fake, respect_robots=True)
    fetcher.get("https://news.example/a")
    fake.now += 1800
    fetcher.get("https://news.example/b")
    fake.now += 1801
    fetcher.get("https://news.example/c")
    assert log.count("/robots.txt") == 2


def test_robots_crawl_delay_spaces_requests() -> None:
    log: list[str] = []
    robots = httpx.Response(200, text="User-agent: *\nCrawl-delay: 5\n")
    fake = FakeTime()
    fetcher = make(_robots_site(robots, log), fake, respect_robots=True, per_host_delay=1.0)
    fetcher.get("https://news.example/a")
    fetcher.get("https://news.example/b")
    # robots.txt -> /a waits the gate's 1 s; /a -> /b waits the 5 s crawl delay
    assert fake.sleeps == [1.0, 5.0]


def test_per_host_delay_accounting() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, text="ok")

    fake = FakeTime()
    fetcher = make(handler, fake, per_host_delay=2.0)
    fetcher.get("https://a.example/1")
    fetcher.get("https://a.example/2")
    fetcher.get("https://b.example/1")  # other host: no wait
    fake.now += 0.5
    fetcher.get("https://a.example/3")  # 2 s after /2, minus the 0.5 s that passed
    assert fake.sleeps == [2.0, 1.5]


def test_host_gate_spaces_slots_across_threads() -> None:
    sleeps: list[float] = []
    lock = threading.Lock()

    def sleep(seconds: float) -> None:
        with lock:
            sleeps.append(seconds)

    gate = HostGate(delay=1.0, concurrency=4, sleep=sleep, clock=lambda: 0.0)

    def work() -> None:
        with gate.slot("a.example"):
            pass

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(sleeps) == [1.0, 2.0, 3.0]  # every thread got its own slot


def test_per_host_concurrency_is_capped() -> None:
    lock = threading.Lock()
    state = {"now": 0, "max": 0}
    release = threading.Event()

    def handler(request: httpx.Request) -> httpx.Response:
        with lock:
            state["now"] += 1
            state["max"] = max(state["max"], state["now"])
        release.wait(0.05)
        with lock:
            state["now"] -= 1
        return httpx.Response(200, text="ok")

    fetcher = make(handler, per_host_concurrency=2)
    results: list[int] = []

    def work(i: int) -> None:
        results.append(fetcher.get(f"https://a.example/{i}").status_code)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [200] * 6
    assert 1 <= state["max"] <= 2


def test_close_only_closes_own_client() -> None:
    client = httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(200)))
    with Fetcher(client=client) as fetcher:
        assert fetcher.options.respect_robots is True
    assert client.is_closed is False
    own = Fetcher()
    own.close()
    assert own._client.is_closed is True


def test_holds_from_another_process_are_honoured_and_new_ones_reported() -> None:
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        if request.url.host == "busy.example":
            return httpx.Response(429, headers={"Retry-After": "600"}, text="slow down")
        return httpx.Response(200, text="x")

    later = datetime.now(UTC) + timedelta(minutes=30)
    kept: list[tuple[str, datetime, int]] = []
    fake = FakeTime()
    fetcher = Fetcher(
        client=httpx.Client(transport=httpx.MockTransport(handler)),
        options=FetchOptions(respect_robots=False, per_host_delay=0.0),
        sleep=fake.sleep,
        clock=fake.clock,
        holds={"held.example": (later, 503)},
        on_hold=lambda host, until, status: kept.append((host, until, status)),
    )
    with pytest.raises(FetchStatusError, match=r"HTTP 503 with Retry-After: no request to held"):
        fetcher.get("https://held.example/a")
    with pytest.raises(FetchStatusError, match=r"HTTP 429"):
        fetcher.get("https://busy.example/b")
    assert calls == ["https://busy.example/b"]
    ((host, until, status),) = kept
    assert (host, status) == ("busy.example", 429)
    assert timedelta(seconds=590) < until - datetime.now(UTC) <= timedelta(seconds=600)
