"""The fetcher's overall deadline, stop, retry warnings and dead hosts, over real sockets.

Servers run on 127.0.0.1 only: tests/localserver.py, plus a small server here that
drips a body 10 bytes at a time. Times are only checked against generous bounds
("under 5 s" where the old behaviour took 8 s or more).
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from localserver import LocalSite, Route

from scraper.errors import Cancelled, FetchNetworkError, FetchStatusError, FetchTimeout
from scraper.fetch import Fetcher, FetchOptions
from scraper.models import Source
from scraper.pipeline import Services, check
from scraper.store import Store

PAGE = (
    '<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
    "<title>افتتاح المكتبة العامة</title></head><body><article><h1>افتتاح المكتبة العامة</h1>"
    "<p>فتحت المكتبة العامة أبوابها صباح اليوم بعد أعمال ترميم دامت عامًا كاملًا.</p>"
    "</article></body></html>"
).encode()
DRIP_BYTES = 10
DRIP_PAUSE = 0.1  # seconds: the whole PAGE takes about 3 s, the long one 8 s


class DripSite:
    """A 127.0.0.1 server whose GET /drip sends headers at once, then the body slowly."""

    def __init__(self, body: bytes) -> None:
        self.body = body
        self.closing = threading.Event()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                return

            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                self.send_response(200 if self.path == "/drip" else 404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(site.body)))
                self.end_headers()
                try:
                    for i in range(0, len(site.body), DRIP_BYTES):
                        if site.closing.wait(DRIP_PAUSE):
                            return
                        self.wfile.write(site.body[i : i + DRIP_BYTES])
                        self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):
                    return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/drip"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self.closing.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def drip() -> Iterator[DripSite]:
    server = DripSite(PAGE * 3)  # ~800 bytes: about 8 s at 10 bytes per 0.1 s
    try:
        yield server
    finally:
        server.close()


def options(**changes: object) -> FetchOptions:
    base: dict[str, object] = {"per_host_delay": 0.0, "respect_robots": False, "retries": 0}
    base.update(changes)
    return FetchOptions(**base)  # type: ignore[arg-type]


def stop_after(seconds: float) -> tuple[threading.Event, threading.Timer]:
    stop = threading.Event()
    timer = threading.Timer(seconds, stop.set)
    timer.start()
    return stop, timer


def test_a_dripping_server_hits_the_overall_deadline(drip: DripSite) -> None:
    started = time.monotonic()
    with Fetcher(options=options(timeout=1.0)) as fetcher, pytest.raises(FetchTimeout) as info:
        fetcher.get(drip.url)
    assert str(info.value) == f"did not finish within 1 s ({drip.url})"
    assert time.monotonic() - started < 5.0  # every read was on time: 8 s before the fix


def test_a_slow_but_complete_drip_is_accepted() -> None:
    server = DripSite(PAGE[:60])  # 6 chunks, about 0.6 s
    try:
        with Fetcher(options=options(timeout=10.0)) as fetcher:
            result = fetcher.get(server.url)
    finally:
        server.close()
    assert result.content == PAGE[:60]


def test_stop_ends_a_dripping_download(drip: DripSite) -> None:
    stop, timer = stop_after(0.3)
    started = time.monotonic()
    with Fetcher(options=options(timeout=30.0), stop=stop) as fetcher, pytest.raises(Cancelled):
        fetcher.get(drip.url)
    timer.join()
    assert time.monotonic() - started < 5.0


def test_stop_ends_the_wait_for_headers(site: LocalSite) -> None:
    site.routes["/slow"] = Route(body=PAGE, delay=8.0)
    stop, timer = stop_after(0.3)
    started = time.monotonic()
    with Fetcher(options=options(timeout=30.0), stop=stop) as fetcher, pytest.raises(Cancelled):
        fetcher.get(site.url("/slow"))
    timer.join()
    assert time.monotonic() - started < 5.0
    assert len(site.requests_to("/slow")) == 1


def test_a_stopped_check_records_no_source_error(tmp_path: Path, site: LocalSite) -> None:
    site.routes["/ar/library"] = Route(body=PAGE, delay=8.0)
    source = Source(name="library", url=site.url("/ar/library"), kind="page")
    stop, timer = stop_after(0.3)
    started = time.monotonic()
    with (
        Store(tmp_path / "scraper.db") as store,
        Fetcher(options=options(timeout=30.0, retries=2), stop=stop) as fetcher,
    ):
        services = Services(store=store, fetcher=fetcher, stop=stop)
        with pytest.raises(Cancelled):
            check(source, services)
        assert store.errors() == []
        assert store.articles() == []
    timer.join()
    assert time.monotonic() - started < 5.0


def test_429_retry_after_an_hour_is_honoured_across_fetches(site: LocalSite) -> None:
    site.routes["/busy"] = Route(body="slow down", status=429, headers={"Retry-After": "3600"})
    site.routes["/other"] = Route(body="<p>fine</p>")
    waits: list[float] = []
    fetcher = Fetcher(options=options(retries=2), sleep=waits.append)
    host = site.url("").split("//", 1)[1].rstrip("/")
    with fetcher:
        with pytest.raises(FetchStatusError) as first:
            fetcher.get(site.url("/busy"))
        with pytest.raises(FetchStatusError) as second:
            fetcher.get(site.url("/other"))  # the next poll: nothing is sent
    assert first.value.status_code == 429
    assert f"HTTP 429 with Retry-After: no request to {host} before " in str(first.value)
    assert str(second.value).startswith(f"HTTP 429 with Retry-After: no request to {host}")
    assert waits == []  # no retry within the fetch either
    assert len(site.requests_to("/busy")) == 1
    assert site.requests_to("/other") == []


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def test_a_dead_host_reports_one_error_and_no_robots_warnings(
    caplog: pytest.LogCaptureFixture,
) -> None:
    url = f"http://127.0.0.1:{_closed_port()}/ar/news"
    with (
        caplog.at_level(logging.WARNING, logger="scraper"),
        Fetcher(options=options(respect_robots=True)) as fetcher,
        pytest.raises(FetchNetworkError) as info,
    ):
        fetcher.get(url)
    assert info.value.url == url
    assert "Connection refused" in str(info.value)
    assert caplog.records == []
