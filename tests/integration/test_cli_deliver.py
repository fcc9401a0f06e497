"""``scraper deliver`` against a real receiver: backoff is explained, ``--now`` skips it."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from click.testing import CliRunner
from localserver import LocalSite, Route
from newsroom import write_config

from scraper.cli import cli
from scraper.models import Delivery, Event
from scraper.store import Store


def _setup(tmp_path: Path, receiver: LocalSite, due: datetime) -> tuple[Path, bytes]:
    receiver.routes["/hook"] = Route(b"ok", content_type="text/plain")
    config = write_config(
        tmp_path / "config.toml",
        f'[[webhooks]]\nname = "desk"\nurl = "{receiver.url("/hook")}"\nsecret = "k"\n',
    )
    payload = {"id": "ev-7", "type": "article.new", "article": {"url": "https://n.example/7"}}
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    event = Event("ev-7", "article.new", due - timedelta(hours=2), "nile", payload)
    backed_off = Delivery("dl-7", "ev-7", "article.new", "desk", body, 5, due)
    with Store(tmp_path / "scraper.db") as store:
        store.add_events([event], [backed_off])
    return config, body


def test_deliver_explains_backoff_and_now_delivers(tmp_path: Path, receiver: LocalSite) -> None:
    due = (datetime.now(UTC) + timedelta(hours=1)).replace(microsecond=0)
    config, body = _setup(tmp_path, receiver, due)

    waiting = CliRunner().invoke(cli, ["deliver", "--config", str(config)])
    assert waiting.exit_code == 0, waiting.output
    lines = waiting.stdout.splitlines()
    assert lines[0] == "delivered 0, failed 0, skipped 0"
    assert lines[1].startswith(f"1 still pending; next attempt due {due.isoformat()} (in ")
    assert lines[1].endswith(
        "; `scraper deliver --now` retries them at once (see `scraper outbox`)"
    )
    assert receiver.requests_to("/hook") == []

    now = CliRunner().invoke(cli, ["deliver", "--config", str(config), "--now"])
    assert now.exit_code == 0, now.output
    assert now.stdout.splitlines() == ["delivered 1, failed 0, skipped 0"]
    (request,) = receiver.requests_to("/hook", "POST")
    assert request.body == body
    assert request.headers["x-scraper-delivery"] == "dl-7"
    with Store(tmp_path / "scraper.db") as store:
        assert store.deliveries(pending_only=True) == []
