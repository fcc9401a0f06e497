"""CLI commands that show and repair state: sources, errors, outbox, deliver, demo."""

from __future__ import annotations

import json
import math
from collections.abc import Collection, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import click
import httpx
from rich.table import Table

from .cli import _echo_json, _errors_to_exit, _iso, _load, cli, config_option, console
from .delivery import deliver
from .models import Delivery
from .pipeline import utc_now
from .store import Store


@cli.command()
@config_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@_errors_to_exit
def sources(config_file: Path | None, as_json: bool) -> None:
    """List configured sources with their last check and last error.

    Example: scraper sources
    """
    config = _load(config_file)
    with Store(config.database) as store:
        states = {s.name: s for s in store.source_states()}
    rows: list[dict[str, Any]] = []
    for source in config.sources:
        state = states.get(source.name)
        rows.append(
            {
                "name": source.name,
                "kind": source.kind,
                "url": source.url,
                "interval": source.interval,
                "checks": state.checks if state else 0,
                "last_checked_at": _iso(state.last_checked_at) if state else None,
                "last_ok_at": _iso(state.last_ok_at) if state else None,
                "consecutive_failures": state.consecutive_failures if state else 0,
                "last_error": state.last_error if state else None,
            }
        )
    if as_json:
        _echo_json(rows)
        return
    table = Table(title="sources")
    for col in ("name", "kind", "every", "checks", "last checked", "failures", "last error"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(
            r["name"],
            r["kind"],
            f"{r['interval']:g}s",
            str(r["checks"]),
            r["last_checked_at"] or "never",
            str(r["consecutive_failures"]),
            r["last_error"] or "",
        )
    console.print(table)


@cli.command()
@config_option
@click.option("--source", default=None, help="Only this source's errors.")
@click.option("--limit", default=20, show_default=True, help="How many.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@_errors_to_exit
def errors(config_file: Path | None, source: str | None, limit: int, as_json: bool) -> None:
    """Show recent fetch and parse errors, per source, newest first.

    Example: scraper errors --source world
    """
    config = _load(config_file)
    if source is not None:
        config.source(source)  # an unknown name is an error, not "no errors"
    with Store(config.database) as store:
        records = store.errors(source=source, limit=limit)
    rows = [
        {"source": e.source, "url": e.url, "at": _iso(e.at), "kind": e.kind, "message": e.message}
        for e in records
    ]
    if as_json:
        _echo_json(rows)
        return
    if not rows:
        console.print("no errors recorded")
        return
    table = Table(title="errors")
    for col in ("at", "source", "kind", "message"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(r["at"] or "", r["source"], r["kind"], r["message"])
    console.print(table)


@cli.command()
@config_option
@click.option("--all", "show_all", is_flag=True, help="Include delivered ones.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@_errors_to_exit
def outbox(config_file: Path | None, show_all: bool, as_json: bool) -> None:
    """List webhook deliveries still pending (or all with --all).

    Example: scraper outbox
    """
    config = _load(config_file)
    with Store(config.database) as store:
        items = store.deliveries(pending_only=not show_all, limit=100)
    rows = [
        {
            "id": d.id,
            "event_id": d.event_id,
            "type": d.event_type,
            "webhook": d.webhook,
            "attempts": d.attempts,
            "next_attempt_at": _iso(d.next_attempt_at),
            "delivered_at": _iso(d.delivered_at),
            "last_error": d.last_error,
            "article": json.loads(d.body).get("article", {}).get("url"),
        }
        for d in items
    ]
    if as_json:
        _echo_json(rows)
        return
    if not rows:
        console.print("no pending webhook deliveries" if not show_all else "no webhook deliveries")
        return
    table = Table(title="webhook deliveries")
    for col in ("type", "webhook", "attempts", "delivered", "next attempt", "last error"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(
            r["type"],
            r["webhook"],
            str(r["attempts"]),
            r["delivered_at"] or "pending",
            "-" if r["delivered_at"] else (r["next_attempt_at"] or "now"),
            r["last_error"] or "",
        )
    console.print(table)


@cli.command(name="deliver")
@config_option
@click.option(
    "--now",
    "ignore_backoff",
    is_flag=True,
    help="Deliver every pending delivery now, ignoring backoff (after fixing a receiver).",
)
@_errors_to_exit
def deliver_command(config_file: Path | None, ignore_backoff: bool) -> None:
    """Try every due pending webhook delivery now (with --now, every pending one).

    Example: scraper deliver --now
    """
    config = _load(config_file)
    now = utc_now()
    with Store(config.database) as store, httpx.Client() as client:
        stats = deliver(store, config.webhooks, client, now=now, ignore_backoff=ignore_backoff)
        waiting = store.deliveries(pending_only=True, limit=100_000)
    line = f"delivered {stats.delivered}, failed {stats.failed}, skipped {stats.skipped}"
    if stats.busy:  # claimed by a running daemon, or by a process that died (claim runs out)
        line += f", {stats.busy} being sent by another process (left to it)"
    console.print(line)
    if waiting:
        configured = {w.name for w in config.webhooks}
        console.print(
            pending_summary(waiting, now=now, configured=configured),
            highlight=False,
            soft_wrap=True,
        )


def pending_summary(
    waiting: Sequence[Delivery], *, now: datetime, configured: Collection[str]
) -> str:
    """One line on the deliveries still pending after a ``deliver`` run.

    Args:
        waiting: the undelivered deliveries.
        now: aware UTC datetime of the run.
        configured: names of the webhooks in the config.

    Returns:
        ``"3 still pending; next attempt due 2026-11-30T14:05:00+00:00 (in 4m 30s);
        `scraper deliver --now` retries them at once"``, plus how many wait for a
        webhook that is no longer configured.
    """
    line = f"{len(waiting)} still pending"
    later = [d.next_attempt_at for d in waiting if d.next_attempt_at and d.next_attempt_at > now]
    if later:
        due = min(later)
        line += f"; next attempt due {due.isoformat(timespec='seconds')} (in {_span(due - now)})"
    orphans = sorted({d.webhook for d in waiting if d.webhook not in configured})
    if orphans:
        count = sum(1 for d in waiting if d.webhook not in configured)
        line += f"; {count} for webhooks no longer in the config ({', '.join(orphans)})"
    if len(orphans) < len({d.webhook for d in waiting}):
        line += "; `scraper deliver --now` retries them at once"
    return line + " (see `scraper outbox`)"


def _span(delta: timedelta) -> str:
    """A positive timedelta as ``"1h 5m"``, ``"4m 30s"`` or ``"45s"`` (rounded up)."""
    seconds = math.ceil(delta.total_seconds())
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h {minutes}m"
    return f"{minutes}m {secs}s" if minutes else f"{secs}s"


@cli.command()
@click.option(
    "--keep",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Keep the demo database in this folder.",
)
@_errors_to_exit
def demo(keep: Path | None) -> None:
    """Run the whole pipeline offline against a bundled local news site, in seconds.

    Example: scraper demo
    """
    from .demo import run_demo

    run_demo(console, keep=keep)
