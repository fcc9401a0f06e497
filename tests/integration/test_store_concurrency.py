"""Two processes writing one database at once: ``scraper check`` run twice in
parallel (a cron job beside the daemon) and ``scraper deliver`` run twice in
parallel. Nothing fails with "database is locked", no revision is stored twice,
no webhook is sent twice."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from localserver import LocalSite, Route
from newsroom import render_story, write_config

from scraper.models import Delivery, Event
from scraper.store import Store

STORIES = 12


def _story(number: int, *, edited: bool) -> dict[str, object]:
    paragraphs = [
        f"أعلنت بلدية المدينة رقم {number} أنها ستفتح حديقة عامة جديدة قرب السوق القديم "
        "في الربيع المقبل، بعد أشهر من أعمال التشجير.",
        f"وقال رئيس البلدية إن الحديقة رقم {number} ستضم ملعبا للأطفال وممرات للمشي "
        "ومقاعد مظللة لكبار السن.",
        "وأضاف أن كلفة المشروع بلغت نحو مليوني دينار، تمول البلدية نصفها.",
    ]
    if edited:
        paragraphs.append("وفي وقت لاحق، أعلنت البلدية تأجيل الافتتاح أسبوعين بسبب الأمطار.")
    return {
        "path": f"/local/2026/11/30/park-{number}",
        "title": f"بلدية المدينة تفتتح الحديقة العامة رقم {number} في الربيع",
        "published": "2026-11-30T09:00:00+03:00",
        "paragraphs": paragraphs,
    }


def _publish(site: LocalSite, *, edited: bool) -> list[str]:
    base = site.url("")
    items = []
    for number in range(STORIES):
        story = _story(number, edited=edited)
        site.routes[str(story["path"])] = Route(render_story(base, story))
        items.append(
            f"<item><title>{story['title']}</title><link>{base}{story['path']}</link>"
            f"<guid>{base}{story['path']}</guid></item>"
        )
    feed = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>المدينة</title><link>{base}</link>{''.join(items)}</channel></rss>"
    )
    site.routes["/feed.xml"] = Route(feed, content_type="application/rss+xml")
    return [f"{base}{_story(n, edited=edited)['path']}" for n in range(STORIES)]


def _in_parallel(config: Path, *args: str) -> list[subprocess.CompletedProcess[str]]:
    env = {**os.environ, "SCRAPER_CONFIG": str(config)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "scraper", *args],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    done = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        done.append(subprocess.CompletedProcess(proc.args, proc.returncode, out, err))
    return done


def test_two_checks_at_once_store_each_revision_once(tmp_path: Path, site: LocalSite) -> None:
    urls = _publish(site, edited=False)
    config = tmp_path / "config.toml"  # not write_config: two busy processes need time
    config.write_text(
        f'[[sources]]\nname = "city"\nurl = "{site.url("/feed.xml")}"\nkind = "feed"\n'
        'max_articles = 50\n\n[storage]\npath = "scraper.db"\n\n'
        '[fetch]\ntimeout = "30s"\nretries = 0\nper_host_delay = 0\n',
        encoding="utf-8",
    )
    for edited in (False, True):
        _publish(site, edited=edited)
        runs = _in_parallel(config, "check")
        with Store(tmp_path / "scraper.db") as store:
            errors = store.errors()
            counts = [len(store.revisions(url)) for url in urls]
        for run in runs:
            assert run.returncode == 0, (run.stdout, run.stderr[-3000:], errors)
        assert counts == [2 if edited else 1] * STORIES, errors
        assert errors == []
    with Store(tmp_path / "scraper.db") as store:
        revised = store.events(type="article.revised", limit=100)
        assert sorted(e["article_url"] for e in revised) == sorted(urls)  # one each


def test_two_deliver_runs_at_once_send_each_delivery_once(
    tmp_path: Path, receiver: LocalSite
) -> None:
    receiver.routes["/hook"] = Route(b"ok", content_type="text/plain", delay=0.3)
    config = write_config(
        tmp_path / "config.toml",
        f'[[webhooks]]\nname = "desk"\nurl = "{receiver.url("/hook")}"\nsecret = "k"\n',
    )
    created = datetime.now(UTC) - timedelta(minutes=5)
    events, deliveries = [], []
    for n in range(6):
        payload = {"id": f"ev-{n}", "type": "article.new", "article": {"url": f"https://n.example/{n}"}}
        body = json.dumps(payload).encode("utf-8")
        events.append(Event(f"ev-{n}", "article.new", created, "city", payload))
        deliveries.append(Delivery(f"dl-{n}", f"ev-{n}", "article.new", "desk", body))
    with Store(tmp_path / "scraper.db") as store:
        store.add_events(events, deliveries)

    runs = _in_parallel(config, "deliver")

    assert [r.returncode for r in runs] == [0, 0], [r.stderr for r in runs]
    sent = [r.headers["x-scraper-delivery"] for r in receiver.requests_to("/hook", "POST")]
    assert sorted(sent) == [f"dl-{n}" for n in range(6)]  # each once, none twice
    totals = [int(r.stdout.split()[1].rstrip(",")) for r in runs]  # "delivered N, ..."
    assert sum(totals) == 6
    with Store(tmp_path / "scraper.db") as store:
        assert store.deliveries(pending_only=True) == []
