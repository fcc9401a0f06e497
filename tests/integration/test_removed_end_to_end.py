"""A watched article taken down (410) and put back, through real 127.0.0.1 servers
and the ``scraper`` CLI: signed ``article.removed`` / ``article.restored`` webhooks
and the removal in ``history``."""

from __future__ import annotations

import hashlib
import hmac
import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from localserver import LocalSite, Request, Route
from newsroom import ARTICLE_PATH, TITLE, publish, write_config

from scraper.cli import cli

SECRET = "sirr-al-ikhtibar"


def _config(tmp_path: Path, site: LocalSite, receiver: LocalSite) -> Path:
    receiver.routes["/hook"] = Route(b"ok", content_type="text/plain")
    body = (
        f'[[sources]]\nname = "nile"\nurl = "{site.url("/feed.xml")}"\nkind = "feed"\n'
        f'interval = "5m"\n\n'
        # no `events` list: the webhook receives every event type
        f'[[webhooks]]\nname = "archive"\nurl = "{receiver.url("/hook")}"\n'
        f'secret = "{SECRET}"\n'
    )
    return write_config(tmp_path / "config.toml", body)


def _check(config: Path) -> dict[str, Any]:
    result = CliRunner().invoke(cli, ["check", "--config", str(config), "--json"])
    assert result.exit_code == 0, result.output
    (source,) = json.loads(result.stdout)["sources"]
    return dict(source)


def _history(config: Path, url: str, *extra: str) -> str:
    result = CliRunner().invoke(cli, ["history", "--config", str(config), url, *extra])
    assert result.exit_code == 0, result.output
    return result.stdout


def _signed_payload(post: Request) -> dict[str, Any]:
    expected = "sha256=" + hmac.new(SECRET.encode(), post.body, hashlib.sha256).hexdigest()
    assert post.headers["x-scraper-signature"] == expected
    payload: dict[str, Any] = json.loads(post.body)
    assert post.headers["x-scraper-event"] == payload["type"]
    return payload


def test_an_article_taken_down_and_put_back(
    tmp_path: Path, site: LocalSite, receiver: LocalSite
) -> None:
    publish(site)
    config = _config(tmp_path, site, receiver)
    url = site.url(ARTICLE_PATH)
    assert _check(config)["new"] == 1  # baseline: stored, no alert
    assert receiver.requests_to("/hook") == []

    live = site.routes[ARTICLE_PATH]
    site.routes[ARTICLE_PATH] = Route("<html><body><p>الصفحة غير موجودة</p></body></html>", 410)
    summary = _check(config)
    assert (summary["removed"], summary["failed"], summary["ok"]) == (1, 0, True)
    (post,) = receiver.requests_to("/hook", "POST")
    removed = _signed_payload(post)
    assert removed["type"] == "article.removed"
    assert removed["status"] == 410
    assert (removed["article"]["url"], removed["article"]["title"]) == (url, TITLE)
    assert removed["article"]["revision"] == 1

    text = _history(config, url)
    line = f"removed {removed['removed_at']} (HTTP 410) after revision 1; still gone"
    assert line in text
    (revision,) = json.loads(_history(config, url, "--json"))
    assert revision["removals"] == [
        {"removed_at": removed["removed_at"], "status": 410, "restored_at": None}
    ]

    summary = _check(config)  # still gone: nothing new
    assert (summary["removed"], summary["failed"]) == (0, 0)
    assert len(receiver.requests_to("/hook", "POST")) == 1

    site.routes[ARTICLE_PATH] = live
    summary = _check(config)
    assert (summary["restored"], summary["revised"], summary["unchanged"]) == (1, 0, 1)
    posts = receiver.requests_to("/hook", "POST")
    assert len(posts) == 2
    restored = _signed_payload(posts[1])
    assert restored["type"] == "article.restored"
    assert (restored["article"]["url"], restored["status"]) == (url, 410)
    assert restored["removed_at"] == removed["removed_at"]
    assert restored["restored_at"] > removed["removed_at"]

    (revision,) = json.loads(_history(config, url, "--json"))
    assert revision["removals"] == [
        {"removed_at": removed["removed_at"], "status": 410, "restored_at": restored["restored_at"]}
    ]
    assert f"restored {restored['restored_at']}" in _history(config, url)


def test_the_check_table_counts_removals(
    tmp_path: Path, site: LocalSite, receiver: LocalSite
) -> None:
    publish(site)
    config = _config(tmp_path, site, receiver)
    _check(config)
    site.routes[ARTICLE_PATH] = Route("<html><body><p>gone</p></body></html>", 410)
    result = CliRunner().invoke(cli, ["check", "--config", str(config)], terminal_width=200)
    assert result.exit_code == 0, result.output
    row = next(line for line in result.output.splitlines() if line.startswith("│ nile"))
    cells = [c.strip() for c in row.strip("│ ").split("│")]
    # source, new, revised, unchanged, failed, removed, restored, follow-ups, status
    assert cells[:7] == ["nile", "0", "0", "0", "0", "1", "0"]
