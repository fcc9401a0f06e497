"""``scraper run`` as a real process: polls on its interval, records a revision
made between two polls, fires the webhook, and stops cleanly on SIGTERM."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from localserver import LocalSite, Route
from newsroom import ADDED_PARAGRAPH, ARTICLE_PATH, LATER_UPDATE, publish, write_config

from scraper.store import Store


def _wait_for(predicate: Callable[[], bool], *, limit: float = 30.0) -> bool:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def _start_daemon(config: Path) -> subprocess.Popen[str]:
    """``python -m scraper run`` on ``config``, its output captured as text."""
    env = {**os.environ, "SCRAPER_CONFIG": str(config)}
    return subprocess.Popen(
        [sys.executable, "-m", "scraper", "run"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _run_for(config: Path, seconds: float) -> subprocess.CompletedProcess[str]:
    """``python -m scraper run --for SECONDS`` on ``config``, waited for."""
    env = {**os.environ, "SCRAPER_CONFIG": str(config)}
    return subprocess.run(
        [sys.executable, "-m", "scraper", "run", "--for", str(seconds)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def _revisions(db: Path, url: str) -> int:
    if not db.exists():
        return 0
    with Store(db) as store:
        return len(store.revisions(url))


def test_daemon_records_a_revision_between_polls_and_stops_on_sigterm(
    tmp_path: Path, site: LocalSite, receiver: LocalSite
) -> None:
    publish(site)
    receiver.routes["/hook"] = Route(b"ok")
    url = site.url(ARTICLE_PATH)
    config = write_config(
        tmp_path / "config.toml",
        f'deliver_interval = "1s"\n\n[[sources]]\nname = "story"\nurl = "{url}"\n'
        f'kind = "page"\ninterval = 1\n\n[[webhooks]]\nname = "r"\n'
        f'url = "{receiver.url("/hook")}"\nsecret = "k"\n',
    )
    proc = _start_daemon(config)
    try:
        db = tmp_path / "scraper.db"
        assert _wait_for(lambda: _revisions(db, url) == 1), "first poll never stored the page"
        publish(site, extra=f"<p>{ADDED_PARAGRAPH}</p>", updated=LATER_UPDATE)
        assert _wait_for(lambda: _revisions(db, url) == 2), "the revision was not recorded"
        assert _wait_for(lambda: len(receiver.requests_to("/hook", "POST")) == 1)
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    assert "stopped" in out
    (post,) = receiver.requests_to("/hook", "POST")
    payload = json.loads(post.body)
    assert payload["type"] == "article.revised"
    assert payload["article"]["revision"] == 2
    assert len(site.requests_to(ARTICLE_PATH, "GET")) >= 2


def test_sigint_abandons_a_request_in_flight_without_recording_an_error(
    tmp_path: Path, site: LocalSite
) -> None:
    site.routes["/slow"] = Route(b"<html><body><p>late</p></body></html>", delay=30.0)
    config = tmp_path / "config.toml"  # not write_config: this test needs a long timeout
    config.write_text(
        f'[[sources]]\nname = "slow"\nurl = "{site.url("/slow")}"\nkind = "page"\n'
        'interval = "1h"\n\n[storage]\npath = "scraper.db"\n\n'
        '[fetch]\ntimeout = "60s"\nretries = 0\nper_host_delay = 0\n',
        encoding="utf-8",
    )
    proc = _start_daemon(config)
    try:
        assert _wait_for(lambda: len(site.requests_to("/slow", "GET")) == 1), "no request made"
        time.sleep(0.5)
        asked = time.monotonic()
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=25)
        waited = time.monotonic() - asked
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    assert "stopped" in out
    assert waited < 10, f"took {waited:.1f} s: the 30 s response was waited for"
    with Store(tmp_path / "scraper.db") as store:
        assert store.errors() == []


def test_run_for_a_duration_abandons_a_hanging_request(tmp_path: Path, site: LocalSite) -> None:
    site.routes["/hang"] = Route(b"<html><body><p>late</p></body></html>", delay=30.0)
    config = tmp_path / "config.toml"
    config.write_text(
        f'[[sources]]\nname = "hang"\nurl = "{site.url("/hang")}"\nkind = "page"\n'
        'interval = "1h"\n\n[storage]\npath = "scraper.db"\n\n'
        '[fetch]\ntimeout = "60s"\nretries = 0\nper_host_delay = 0\n',
        encoding="utf-8",
    )
    started = time.monotonic()
    done = _run_for(config, 2)
    took = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    assert "stopped" in done.stdout
    assert len(site.requests_to("/hang", "GET")) == 1
    assert took < 15, f"--for 2 took {took:.1f} s: the 30 s response was waited for"


def test_a_second_daemon_on_the_same_database_refuses_to_start(
    tmp_path: Path, site: LocalSite
) -> None:
    publish(site)
    config = write_config(
        tmp_path / "config.toml",
        f'[[sources]]\nname = "story"\nurl = "{site.url(ARTICLE_PATH)}"\nkind = "page"\n'
        'interval = "1h"\n',
    )
    first = _start_daemon(config)
    try:
        db = tmp_path / "scraper.db"
        assert _wait_for(lambda: _revisions(db, site.url(ARTICLE_PATH)) == 1)
        second = _run_for(config, 1)
        first.send_signal(signal.SIGTERM)
        first.communicate(timeout=30)
    finally:
        if first.poll() is None:
            first.kill()
            first.communicate()
    assert second.returncode == 1
    assert f"another `scraper run` (pid {first.pid}) is already watching" in second.stderr
    # once the first has stopped, a new daemon starts (the lock went with its process)
    again = _run_for(config, 1)
    assert again.returncode == 0, again.stderr
