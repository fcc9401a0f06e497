"""``scraper demo``: the whole pipeline, offline, in a few seconds.

Serves the bundled site (:mod:`scraper.demo_site`) and a webhook receiver on
127.0.0.1, runs two checks into a temporary database with a page revised and
a follow-up published in between, and shows what was stored and delivered.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

import httpx
from rich.console import Console
from rich.table import Table

from . import demo_site
from .config import StorySettings
from .delivery import deliver
from .diff import unified_diff
from .fetch import Fetcher, FetchOptions
from .followups import FollowupTracker
from .localsite import LocalSite, Route
from .models import Source, SourceOutcome, Webhook
from .notify.webhook import verify
from .pipeline import Services, check
from .store import Store

DEMO_SECRET = "demo-secret"


@dataclass(frozen=True, slots=True)
class DemoResult:
    """What the demo saw: the two check outcomes, revisions of the first
    article, and the webhook POSTs received as ``(event type, signature ok)``."""

    outcomes: tuple[SourceOutcome, SourceOutcome]
    revisions: int
    received: tuple[tuple[str, bool], ...]


def run_demo(console: Console, *, keep: Path | None = None) -> DemoResult:
    """Run the offline demo and print what happened.

    Args:
        console: where to print (rich).
        keep: a folder to keep the demo database in; default a temporary folder,
            removed on return (the printed database path says so).

    Returns:
        A :class:`DemoResult` (also used by the tests).
    """
    with tempfile.TemporaryDirectory(prefix="scraper-demo-") as tmp:
        folder = keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        site, receiver = LocalSite().start(), LocalSite().start()
        try:
            return _run(console, folder / "demo.db", site, receiver, kept=keep is not None)
        finally:
            site.stop()
            receiver.stop()


def _run(
    console: Console, db: Path, site: LocalSite, receiver: LocalSite, *, kept: bool
) -> DemoResult:
    base = site.url("")
    first, followup = demo_site.FIRST, demo_site.FOLLOWUP
    site.routes["/feed.xml"] = Route(
        demo_site.render_feed(base, [first]), content_type="application/rss+xml"
    )
    site.routes[str(first["path"])] = Route(demo_site.render_article(base, first))
    receiver.routes["/hook"] = Route(b"ok", content_type="text/plain")
    source = Source(
        name="al-waha",
        url=site.url("/feed.xml"),
        kind="feed",
        interval=60,
        alert_on_first_poll=True,
    )
    hook = Webhook(
        name="demo-receiver",
        url=receiver.url("/hook"),
        secret=DEMO_SECRET,
        events=("article.new", "article.revised", "story.followup"),
    )
    console.print(f"[bold]demo site[/] {base}  [bold]webhook receiver[/] {hook.url}")
    note = "" if kept else " (removed at exit; --keep FOLDER keeps it)"
    console.print(f"[bold]database[/] {db}{note}\n", highlight=False, soft_wrap=True)
    with (
        Store(db) as store,
        Fetcher(options=FetchOptions(per_host_delay=0)) as fetcher,
        httpx.Client() as client,
    ):
        services = Services(
            store=store,
            fetcher=fetcher,
            webhooks=(hook,),
            followups=FollowupTracker(store, settings=StorySettings()),
        )
        one = check(source, services)
        deliver(store, (hook,), client)
        console.print("[bold]poll 1[/]: the feed lists one article")
        _print_outcome(console, one)
        site.routes[str(first["path"])] = Route(
            demo_site.render_article(
                base, first, extra=demo_site.ADDED, updated="2026-11-28T18:20:00+03:00"
            )
        )
        site.routes[str(followup["path"])] = Route(demo_site.render_article(base, followup))
        site.routes["/feed.xml"] = Route(
            demo_site.render_feed(base, [followup, first]), content_type="application/rss+xml"
        )
        two = check(source, services)
        deliver(store, (hook,), client)
        console.print("\n[bold]poll 2[/]: the article was edited, and a follow-up was published")
        _print_outcome(console, two)
        revisions = store.revisions(site.url(str(first["path"])))
    if len(revisions) >= 2:
        console.print(f"\n[bold]diff[/] revision 1 -> 2 of {revisions[0].url}")
        console.print(
            unified_diff(
                revisions[0].body, revisions[1].body, from_label="revision 1", to_label="revision 2"
            ),
            highlight=False,
            markup=False,
        )
    received = _print_received(console, receiver)
    return DemoResult((one, two), len(revisions), received)


def _print_outcome(console: Console, outcome: SourceOutcome) -> None:
    console.print(
        f"  new {outcome.new}, revised {outcome.revised}, unchanged {outcome.unchanged}, "
        f"follow-ups {outcome.followups}, failed {outcome.failed}"
        + (f" ({outcome.error})" if outcome.error else ""),
        highlight=False,
    )
    for line in outcome.errors:
        console.print(f"  [red]{line}[/]", highlight=False)


def _print_received(console: Console, receiver: LocalSite) -> tuple[tuple[str, bool], ...]:
    table = Table(title="webhooks received by the local receiver")
    for col in ("event", "article", "signature"):
        table.add_column(col)
    received = []
    for request in receiver.requests_to("/hook", "POST"):
        payload = json.loads(request.body)
        ok = verify(request.body, DEMO_SECRET, request.headers.get("x-scraper-signature", ""))
        received.append((str(payload["type"]), ok))
        table.add_row(
            payload["type"],
            payload["article"]["title"] or "",
            "[green]valid[/]" if ok else "[red]INVALID[/]",
        )
    console.print()
    console.print(table)
    return tuple(received)
