"""``scraper check`` and ``diff`` through a real local site: messages a new user can act on."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from localserver import LocalSite, Route
from newsroom import ADDED_PARAGRAPH, ARTICLE_PATH, LATER_UPDATE, publish, write_config

from scraper.cli import cli
from scraper.store import Store


def _page_source(tmp_path: Path, url: str) -> Path:
    body = f'[[sources]]\nname = "nile-page"\nurl = "{url}"\nkind = "page"\ninterval = "5m"\n'
    return write_config(tmp_path / "config.toml", body)


def _check(config: Path) -> tuple[int, dict]:
    result = CliRunner().invoke(cli, ["check", "--config", str(config), "--json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, json.loads(result.stdout)


def test_a_page_source_pointed_at_a_feed_is_a_clear_source_error(
    tmp_path: Path, site: LocalSite
) -> None:
    publish(site)  # serves /feed.xml as application/rss+xml
    feed_url = site.url("/feed.xml")
    config = _page_source(tmp_path, feed_url)
    code, summary = _check(config)
    assert code == 1
    (outcome,) = summary["sources"]
    assert outcome["error"] == (
        f"source 'nile-page' is a feed, not an article page: set kind = \"feed\" ({feed_url})"
    )
    assert (outcome["new"], outcome["failed"]) == (0, 0)
    with Store(tmp_path / "scraper.db") as store:
        assert store.resolve(feed_url) is None  # nothing stored as an article
        (state,) = store.source_states()
        assert state.last_error == outcome["error"]


def test_a_feed_served_as_html_is_recognized_by_its_root(tmp_path: Path, site: LocalSite) -> None:
    publish(site)
    feed = site.routes["/feed.xml"].body
    site.routes["/latest"] = Route(feed, content_type="text/html; charset=utf-8")
    code, summary = _check(_page_source(tmp_path, site.url("/latest")))
    assert code == 1
    assert 'is a feed, not an article page: set kind = "feed"' in summary["sources"][0]["error"]


def test_diff_from_the_latest_revision_says_there_is_nothing_to_compare(
    tmp_path: Path, site: LocalSite
) -> None:
    publish(site)
    url = site.url(ARTICLE_PATH)
    config = _page_source(tmp_path, url)
    assert _check(config)[0] == 0
    publish(site, extra=f"<p>{ADDED_PARAGRAPH}</p>", updated=LATER_UPDATE)
    code, summary = _check(config)
    assert (code, summary["sources"][0]["revised"]) == (0, 1)

    latest = CliRunner().invoke(cli, ["diff", "--config", str(config), url, "--from", "2"])
    assert latest.exit_code == 1
    assert latest.stdout == ""
    assert latest.stderr.strip() == (
        "error: nothing to compare: revision 2 is the latest (use --from 1)"
    )

    same = CliRunner().invoke(
        cli, ["diff", "--config", str(config), url, "--from", "1", "--to", "1"]
    )
    assert same.exit_code == 1
    assert "--from and --to are both revision 1 (use --to 2)" in same.stderr

    older = CliRunner().invoke(cli, ["diff", "--config", str(config), url, "--from", "1"])
    assert older.exit_code == 0, older.output
    assert f"+{ADDED_PARAGRAPH}" in older.stdout.splitlines()


def test_a_retry_after_hour_is_honoured_by_the_next_check_run(
    tmp_path: Path, site: LocalSite
) -> None:
    site.routes["/busy"] = Route("slow down", status=429, headers={"Retry-After": "3600"})
    config = _page_source(tmp_path, site.url("/busy"))
    first_code, first = _check(config)  # one request; the server asks for an hour
    second_code, second = _check(config)  # a new run (cron): nothing is sent
    assert (first_code, second_code) == (1, 1)
    assert len(site.requests_to("/busy", "GET")) == 1
    assert len(site.requests_to("/robots.txt", "GET")) == 1  # not even robots.txt again
    host = site.url("").split("//", 1)[1].rstrip("/")
    for summary in (first, second):
        (outcome,) = summary["sources"]
        assert outcome["error"].startswith(f"HTTP 429 with Retry-After: no request to {host} ")
