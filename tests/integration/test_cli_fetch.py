"""``scraper fetch`` through a real local server and from a file; no database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from localserver import LocalSite, Route
from newsroom import ARTICLE_PATH, PARAGRAPHS, PUBLISHED, TITLE, render_article, render_feed

from scraper.cli import cli


def test_fetch_json_from_a_server(site: LocalSite, tmp_path: Path) -> None:
    site.routes[ARTICLE_PATH] = Route(render_article(site.url("")))
    result = CliRunner().invoke(cli, ["fetch", site.url(ARTICLE_PATH), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) >= {
        "url",
        "canonical_url",
        "title",
        "body",
        "published",
        "updated",
        "language",
    }
    assert data["title"] == TITLE
    assert data["published"] == PUBLISHED
    assert data["language"] == "ar"
    assert data["canonical_url"] == site.url(ARTICLE_PATH)
    assert all(p in data["body"] for p in PARAGRAPHS)
    assert not list(tmp_path.iterdir())  # nothing written


def test_fetch_a_windows_1256_page_declared_only_in_the_header(site: LocalSite) -> None:
    html = render_article(site.url("")).replace('<meta charset="utf-8">', "")
    site.routes["/legacy"] = Route(
        html.encode("cp1256", errors="ignore"), content_type="text/html; charset=windows-1256"
    )
    result = CliRunner().invoke(cli, ["fetch", site.url("/legacy"), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["title"] == TITLE


def test_fetch_a_local_file(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(render_article("https://nile.example"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["fetch", str(page)])
    assert result.exit_code == 0, result.output
    assert TITLE in result.stdout and PARAGRAPHS[0] in result.stdout


def test_fetch_errors_are_clean_messages(site: LocalSite, tmp_path: Path) -> None:
    site.routes["/gone"] = Route(b"gone", status=410)
    result = CliRunner().invoke(cli, ["fetch", site.url("/gone")])
    assert result.exit_code == 1
    assert "410" in result.stderr and "Traceback" not in result.output
    missing = CliRunner().invoke(cli, ["fetch", str(tmp_path / "missing.html")])
    assert missing.exit_code == 1
    assert f"cannot read {tmp_path / 'missing.html'}: no such file" in missing.stderr


def test_fetch_refuses_binary_content(site: LocalSite) -> None:
    site.routes["/junk"] = Route(bytes(range(256)) * 20)
    result = CliRunner().invoke(cli, ["fetch", site.url("/junk"), "--json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout) == {
        "error": f"response is not text (binary content) ({site.url('/junk')})"
    }
    plain = CliRunner().invoke(cli, ["fetch", site.url("/junk")])
    assert plain.exit_code == 1
    assert "not text" in plain.stderr and plain.stdout == ""


def test_fetch_json_http_error_is_a_json_object(site: LocalSite) -> None:
    site.routes["/gone"] = Route(b"gone", status=410)
    result = CliRunner().invoke(cli, ["fetch", site.url("/gone"), "--json"])
    assert result.exit_code == 1
    error = json.loads(result.stdout)["error"]
    assert "410" in error and error.endswith(f"({site.url('/gone')})")


@pytest.mark.parametrize(("retries", "requests"), [(0, 1), (1, 2)], ids=["fail-fast", "one-retry"])
def test_fetch_timeout_and_retries_options(site: LocalSite, retries: int, requests: int) -> None:
    site.routes["/slow"] = Route(render_article(site.url("")), delay=1.0)
    options = ["--timeout", "0.2", "--retries", str(retries), "--no-robots"]
    result = CliRunner().invoke(cli, ["fetch", site.url("/slow"), *options])
    assert result.exit_code == 1
    assert "within 0.2 s" in result.stderr
    assert "Timeout" not in result.stderr
    assert len(site.requests_to("/slow")) == requests


def test_fetch_of_a_feed_says_it_is_a_feed(site: LocalSite) -> None:
    site.routes["/feed.xml"] = Route(render_feed(site.url("")), content_type="application/rss+xml")
    result = CliRunner().invoke(cli, ["fetch", site.url("/feed.xml"), "--json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout) == {
        "error": "this is a feed, not an article page: watch it as a source with "
        f'kind = "feed" ({site.url("/feed.xml")})'
    }
