"""Fetcher against a real HTTP server on 127.0.0.1 (tests/localserver.py)."""

from __future__ import annotations

import pytest
from localserver import LocalSite, Route

from scraper.errors import FetchStatusError, FetchTimeout, FetchTooLarge, RobotsDisallowed
from scraper.fetch import Fetcher, FetchOptions

FAST = FetchOptions(per_host_delay=0.0, backoff=0.0, respect_robots=False, timeout=5.0)


def test_etag_round_trip_gives_304(site: LocalSite) -> None:
    site.routes["/feed.xml"] = Route(
        body="<rss version='2.0'><channel><title>أخبار</title></channel></rss>",
        content_type="application/rss+xml; charset=utf-8",
        etag='"rev-41"',
    )
    with Fetcher(options=FAST) as fetcher:
        first = fetcher.get(site.url("/feed.xml"))
        second = fetcher.get(site.url("/feed.xml"), validators=first.validators)
    assert first.status_code == 200
    assert "أخبار" in first.text
    assert first.validators.etag == '"rev-41"'
    assert second.not_modified is True
    assert second.status_code == 304
    assert second.content == b""
    assert second.validators.etag == '"rev-41"'
    sent = site.requests_to("/feed.xml")
    assert [r.headers.get("if-none-match") for r in sent] == [None, '"rev-41"']


def test_500_fails_after_retries(site: LocalSite) -> None:
    site.routes["/broken"] = Route(body="server trouble", status=500)
    options = FetchOptions(per_host_delay=0.0, backoff=0.0, retries=2, respect_robots=False)
    with Fetcher(options=options) as fetcher, pytest.raises(FetchStatusError) as info:
        fetcher.get(site.url("/broken"))
    assert info.value.status_code == 500
    assert len(site.requests_to("/broken")) == 3


def test_slow_route_times_out(site: LocalSite) -> None:
    site.routes["/slow"] = Route(body="late", delay=1.0)
    options = FetchOptions(timeout=0.3, retries=0, per_host_delay=0.0, respect_robots=False)
    with Fetcher(options=options) as fetcher, pytest.raises(FetchTimeout) as info:
        fetcher.get(site.url("/slow"))
    assert info.value.url == site.url("/slow")


def test_robots_txt_disallow(site: LocalSite) -> None:
    site.routes["/robots.txt"] = Route(
        body="User-agent: scraper\nDisallow: /drafts/\n", content_type="text/plain"
    )
    site.routes["/drafts/one"] = Route(body="draft")
    site.routes["/news/one"] = Route(body="<p>published</p>")
    options = FetchOptions(per_host_delay=0.0, respect_robots=True)
    with Fetcher(options=options) as fetcher:
        with pytest.raises(RobotsDisallowed):
            fetcher.get(site.url("/drafts/one"))
        assert fetcher.get(site.url("/news/one")).text == "<p>published</p>"
    assert site.requests_to("/drafts/one") == []
    assert len(site.requests_to("/robots.txt")) == 1


def test_size_cap(site: LocalSite) -> None:
    site.routes["/huge"] = Route(body=b"a" * 50_000)
    site.routes["/small"] = Route(body=b"b" * 900, content_type="text/plain")
    options = FetchOptions(max_bytes=1_000, per_host_delay=0.0, respect_robots=False)
    with Fetcher(options=options) as fetcher:
        with pytest.raises(FetchTooLarge):
            fetcher.get(site.url("/huge"))
        assert fetcher.get(site.url("/small")).content == b"b" * 900


def test_redirect_and_cp1256_over_the_wire(site: LocalSite) -> None:
    page = "<html><body><h1>افتتاح جسر جديد فوق النهر</h1></body></html>"
    site.routes["/old"] = Route(status=301, headers={"Location": "/ar/bridge"})
    site.routes["/ar/bridge"] = Route(
        body=page.encode("cp1256"), content_type="text/html; charset=windows-1256"
    )
    with Fetcher(options=FAST) as fetcher:
        result = fetcher.get(site.url("/old"))
    assert result.final_url == site.url("/ar/bridge")
    assert result.text == page
    assert result.encoding == "cp1256"
