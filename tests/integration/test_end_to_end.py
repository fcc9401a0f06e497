"""The whole monitor through real HTTP servers on 127.0.0.1: feed -> article ->
revisions -> signed webhook, driven through the ``scraper`` CLI."""

from __future__ import annotations

import hashlib
import hmac
import json
import socket
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from localserver import LocalSite, Route
from newsroom import (
    AD_B,
    ADDED_PARAGRAPH,
    ARTICLE_PATH,
    CHROME,
    LATER_UPDATE,
    MOST_READ_B,
    PARAGRAPHS,
    PUBLISHED,
    TITLE,
    UNRELATED,
    feed_item,
    publish,
    render_article,
    render_feed,
    render_story,
    write_config,
)

from scraper.cli import cli
from scraper.store import Store

SECRET = "s3cret-for-tests"


def _config(tmp_path: Path, site: LocalSite, hook_url: str | None, extra: str = "") -> Path:
    body = (
        f'[[sources]]\nname = "nile"\nurl = "{site.url("/feed.xml")}"\nkind = "feed"\n'
        f'interval = "5m"\n\n{extra}'
    )
    if hook_url:
        body += (
            f'[[webhooks]]\nname = "newsroom"\nurl = "{hook_url}"\nsecret = "{SECRET}"\n'
            'events = ["article.new", "article.revised"]\n'
        )
    return write_config(tmp_path / "config.toml", body)


def _check(config: Path) -> tuple[int, dict]:
    result = CliRunner().invoke(cli, ["check", "--config", str(config), "--json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, json.loads(result.stdout)


def _history(config: Path, url: str) -> list[dict]:
    result = CliRunner().invoke(cli, ["history", "--config", str(config), url, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _hook(receiver: LocalSite) -> str:
    receiver.routes["/hook"] = Route(b"ok", content_type="text/plain")
    return receiver.url("/hook")


def test_first_check_stores_the_article_with_clean_body_and_dates(
    tmp_path: Path, site: LocalSite, receiver: LocalSite
) -> None:
    publish(site)
    config = _config(tmp_path, site, _hook(receiver))
    code, summary = _check(config)
    assert code == 0
    (nile,) = summary["sources"]
    assert (nile["new"], nile["revised"], nile["failed"], nile["baseline"]) == (1, 0, 0, True)
    with Store(tmp_path / "scraper.db") as store:
        key = store.resolve(site.url(ARTICLE_PATH))
        assert key == site.url(ARTICLE_PATH)
        (revision,) = store.revisions(key)
    assert revision.title == TITLE
    assert revision.published == datetime.fromisoformat(PUBLISHED)
    assert revision.updated == datetime.fromisoformat(PUBLISHED)
    for paragraph in PARAGRAPHS:
        assert paragraph in revision.body
    for chrome in CHROME:
        assert chrome not in revision.body, chrome
    # the first poll is a baseline: no article.new alert
    assert receiver.requests_to("/hook") == []


def test_added_paragraph_makes_one_revision_and_one_signed_webhook(
    tmp_path: Path, site: LocalSite, receiver: LocalSite
) -> None:
    publish(site)
    config = _config(tmp_path, site, _hook(receiver))
    _check(config)
    publish(site, extra=f"<p>{ADDED_PARAGRAPH}</p>", updated=LATER_UPDATE)
    code, summary = _check(config)
    assert code == 0
    assert summary["sources"][0]["revised"] == 1
    history = _history(config, site.url(ARTICLE_PATH))
    assert [h["revision"] for h in history] == [1, 2]
    assert history[1]["updated"] == datetime.fromisoformat(LATER_UPDATE).isoformat()
    assert "body" in history[1]["changed"]

    diff = CliRunner().invoke(cli, ["diff", "--config", str(config), site.url(ARTICLE_PATH)])
    added = [
        ln for ln in diff.stdout.splitlines() if ln.startswith("+") and not ln.startswith("+++")
    ]
    removed = [
        ln for ln in diff.stdout.splitlines() if ln.startswith("-") and not ln.startswith("---")
    ]
    assert added == [f"+{ADDED_PARAGRAPH}"]
    assert removed == []

    (post,) = receiver.requests_to("/hook", "POST")
    expected = "sha256=" + hmac.new(SECRET.encode(), post.body, hashlib.sha256).hexdigest()
    assert post.headers["x-scraper-signature"] == expected
    assert post.headers["x-scraper-event"] == "article.revised"
    payload = json.loads(post.body)
    assert payload["type"] == "article.revised"
    assert payload["article"]["url"] == site.url(ARTICLE_PATH)
    assert payload["article"]["revision"] == 2
    assert f"+{ADDED_PARAGRAPH}" in payload["diff"].splitlines()
    assert post.headers["x-scraper-delivery"]


def test_chrome_only_changes_make_no_revision_and_no_event(
    tmp_path: Path, site: LocalSite, receiver: LocalSite
) -> None:
    publish(site)
    config = _config(tmp_path, site, _hook(receiver))
    _check(config)
    publish(site, most_read=MOST_READ_B, ad=AD_B, token="tok-99c1")
    code, summary = _check(config)
    assert code == 0
    assert summary["sources"][0]["unchanged"] == 1
    assert summary["sources"][0]["revised"] == 0
    assert len(_history(config, site.url(ARTICLE_PATH))) == 1
    assert receiver.requests_to("/hook") == []
    with Store(tmp_path / "scraper.db") as store:
        assert store.events() == []


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_pending_event_is_delivered_once_when_the_receiver_comes_back(
    tmp_path: Path, site: LocalSite
) -> None:
    port = _free_port()
    publish(site)
    config = _config(
        tmp_path, site, f"http://127.0.0.1:{port}/hook", extra="alert_on_first_poll = true\n"
    )
    _check(config)  # receiver down: connection refused
    with Store(tmp_path / "scraper.db") as store:
        (pending,) = store.deliveries(pending_only=True)
        assert pending.attempts == 1 and pending.last_error
        # the retry is due later; make it due now so the next run tries it
        store._db.execute("UPDATE deliveries SET next_attempt_at = NULL")
    receiver = LocalSite(port=port).start()
    try:
        receiver.routes["/hook"] = Route(b"ok")
        _check(config)
        _check(config)
        posts = receiver.requests_to("/hook", "POST")
    finally:
        receiver.stop()
    assert len(posts) == 1
    assert json.loads(posts[0].body)["type"] == "article.new"
    assert json.loads(posts[0].body)["article"]["title"] == TITLE
    with Store(tmp_path / "scraper.db") as store:
        assert store.deliveries(pending_only=True) == []


@pytest.mark.parametrize(
    ("route", "kind"),
    [
        (Route(b"server error", status=500), "FetchStatusError"),
        (Route(b"<rss></rss>", delay=3.0), "FetchTimeout"),
        (Route("<html><body><p>Hello</p></body></html>"), "FeedError"),
    ],
    ids=["http-500", "timeout", "not-a-feed"],
)
def test_a_broken_source_is_recorded_and_the_others_still_run(
    tmp_path: Path, site: LocalSite, route: Route, kind: str
) -> None:
    publish(site)
    site.routes["/broken"] = route
    extra = f'[[sources]]\nname = "broken"\nurl = "{site.url("/broken")}"\nkind = "feed"\n\n'
    config = _config(tmp_path, site, None, extra=extra)
    code, summary = _check(config)
    assert code == 1
    by_name = {s["source"]: s for s in summary["sources"]}
    assert by_name["nile"]["ok"] is True and by_name["nile"]["new"] == 1
    assert by_name["broken"]["ok"] is False and by_name["broken"]["error"]
    result = CliRunner().invoke(cli, ["errors", "--config", str(config), "--json"])
    (error,) = json.loads(result.stdout)
    assert (error["source"], error["kind"]) == ("broken", kind)
    listing = CliRunner().invoke(cli, ["sources", "--config", str(config), "--json"])
    states = {s["name"]: s for s in json.loads(listing.stdout)}
    assert states["broken"]["consecutive_failures"] == 1
    assert states["nile"]["last_error"] is None


def test_a_page_source_uses_conditional_get(tmp_path: Path, site: LocalSite) -> None:
    from newsroom import render_article

    site.routes[ARTICLE_PATH] = Route(render_article(site.url("")), etag='"v1"')
    body = f'[[sources]]\nname = "one"\nurl = "{site.url(ARTICLE_PATH)}"\nkind = "page"\n'
    config = write_config(tmp_path / "config.toml", body)
    _, first = _check(config)
    code, second = _check(config)
    assert code == 0
    assert (first["sources"][0]["new"], second["sources"][0]["unchanged"]) == (1, 1)
    requests = site.requests_to(ARTICLE_PATH, "GET")
    assert "if-none-match" not in requests[0].headers
    assert requests[1].headers["if-none-match"] == '"v1"'
    assert len(_history(config, site.url(ARTICLE_PATH))) == 1


def test_index_and_sitemap_sources_find_the_article(tmp_path: Path, site: LocalSite) -> None:
    publish(site)
    article = site.url(ARTICLE_PATH)
    site.routes["/news"] = Route(
        '<html><body><nav><a href="/">الرئيسية</a><a href="/sports">رياضة</a></nav>'
        f'<main><h2><a href="{ARTICLE_PATH}">المفاوضات مستمرة</a></h2></main>'
        '<footer><a href="/about">من نحن</a></footer></body></html>'
    )
    site.routes["/sitemap-index.xml"] = Route(
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{site.url('/sitemap-news.xml')}</loc></sitemap></sitemapindex>",
        content_type="application/xml",
    )
    site.routes["/sitemap-news.xml"] = Route(
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{article}</loc><lastmod>2026-11-29T08:15:00+02:00</lastmod></url></urlset>",
        content_type="application/xml",
    )
    body = (
        f'[[sources]]\nname = "front"\nurl = "{site.url("/news")}"\nkind = "index"\n\n'
        f'[[sources]]\nname = "map"\nurl = "{site.url("/sitemap-index.xml")}"\nkind = "sitemap"\n'
    )
    config = write_config(tmp_path / "config.toml", body)
    code, summary = _check(config)
    assert code == 0, summary
    by_name = {s["source"]: s for s in summary["sources"]}
    # Checked side by side: one source stores the article, the other finds it stored.
    # Each sees only the article link (not the menu or footer links of the front).
    counts = sorted((by_name[n]["new"], by_name[n]["unchanged"]) for n in ("front", "map"))
    assert counts == [(0, 1), (1, 0)]
    assert len(_history(config, article)) == 1


def test_an_article_edited_while_its_feed_answers_304_is_still_revised(
    tmp_path: Path, site: LocalSite
) -> None:
    publish(site)
    site.routes["/feed.xml"].etag = '"feed-v1"'
    config = _config(tmp_path, site, None)
    _check(config)
    publish(site, extra=f"<p>{ADDED_PARAGRAPH}</p>", updated=LATER_UPDATE)
    site.routes["/feed.xml"].etag = '"feed-v1"'  # the feed itself did not change
    code, summary = _check(config)
    assert code == 0
    (nile,) = summary["sources"]
    assert (nile["not_modified"], nile["revised"]) == (True, 1)
    assert [h["revision"] for h in _history(config, site.url(ARTICLE_PATH))] == [1, 2]


def test_an_article_that_left_its_feed_is_still_watched_for_edits(
    tmp_path: Path, site: LocalSite
) -> None:
    publish(site)
    config = _config(tmp_path, site, None)
    _check(config)
    # The feed moves on: it now lists only a new story, and the old one is edited.
    base = site.url("")
    site.routes["/feed.xml"] = Route(
        render_feed(base, items=feed_item(base, UNRELATED), main=False),
        content_type="application/rss+xml",
    )
    site.routes[UNRELATED["path"]] = Route(render_story(base, UNRELATED))  # type: ignore[index]
    publish_article_only(site, extra=f"<p>{ADDED_PARAGRAPH}</p>", updated=LATER_UPDATE)
    code, summary = _check(config)
    assert code == 0
    (nile,) = summary["sources"]
    assert (nile["new"], nile["revised"]) == (1, 1)
    assert [h["revision"] for h in _history(config, site.url(ARTICLE_PATH))] == [1, 2]


def publish_article_only(site: LocalSite, **article: str) -> None:
    """Serve a new version of the main article without touching the feed."""
    site.routes[ARTICLE_PATH] = Route(render_article(site.url(""), **article))


def test_binary_garbage_served_as_html_is_an_error_not_an_article(
    tmp_path: Path, site: LocalSite
) -> None:
    site.routes["/junk"] = Route(bytes(range(256)) * 40)
    body = f'[[sources]]\nname = "junk"\nurl = "{site.url("/junk")}"\nkind = "page"\n'
    config = write_config(tmp_path / "config.toml", body)
    code, summary = _check(config)
    assert code == 1
    (junk,) = summary["sources"]
    assert (junk["new"], junk["failed"]) == (0, 1)
    assert "not text" in junk["errors"][0]


def test_pathologically_nested_page_is_refused_quickly_as_a_source_error(
    tmp_path: Path, site: LocalSite
) -> None:
    # 50,000 nested <div>: parsed, this would take Lexbor several seconds.
    nested = "<html><body>" + "<div>" * 50_000 + "<p>text</p>" + "</div>" * 50_000 + "</body>"
    site.routes["/deep"] = Route(nested.encode(), content_type="text/html; charset=utf-8")
    body = f'[[sources]]\nname = "deep"\nurl = "{site.url("/deep")}"\nkind = "page"\n'
    config = write_config(tmp_path / "config.toml", body)
    code, summary = _check(config)
    assert code == 1
    (deep,) = summary["sources"]
    assert (deep["new"], deep["failed"]) == (0, 1)
    assert "nested 10000 or more deep" in deep["errors"][0]


def test_history_accepts_the_url_as_the_feed_wrote_it(tmp_path: Path, site: LocalSite) -> None:
    publish(site)
    config = _config(tmp_path, site, None)
    _check(config)
    typed = site.url(ARTICLE_PATH).replace("http://", "HTTP://") + "?utm_source=rss#top"
    assert [h["revision"] for h in _history(config, typed)] == [1]


def test_a_stopping_daemon_interrupts_a_check_without_recording_errors(
    tmp_path: Path, site: LocalSite
) -> None:
    import threading

    from scraper.config import load_config
    from scraper.errors import Cancelled
    from scraper.fetch import Fetcher
    from scraper.pipeline import Services, check

    publish(site)
    config = load_config(_config(tmp_path, site, None))
    stop = threading.Event()
    with Store(config.database) as store, Fetcher(options=config.fetch) as fetcher:
        stop.set()
        services = Services(store=store, fetcher=fetcher, stop=stop)
        with pytest.raises(Cancelled):
            check(config.sources[0], services)
        assert store.errors() == []
        assert store.articles() == []
