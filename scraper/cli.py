"""The ``scraper`` command line: a thin click layer over the library.

Each command calls one library function and turns :class:`ScraperError` into a
clean message and exit status 1. This is the only module that builds the real
HTTP clients, the database and the clock, and configures logging.
"""

from __future__ import annotations

import json
import logging
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import replace
from datetime import datetime
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click
import httpx
from rich.console import Console
from rich.markup import escape
from rich.progress import Progress
from rich.table import Table

from . import __version__
from .config import Config, config_path, load_config
from .delivery import deliver
from .diff import unified_diff
from .errors import ScraperError
from .models import SourceOutcome
from .parse import preload
from .pipeline import Services, check
from .runlock import single_daemon
from .scheduler import build_scheduler, run_until_stopped
from .services import open_services
from .sources.urls import canonicalize_url
from .store import Store

F = TypeVar("F", bound=Callable[..., Any])
console = Console()
err_console = Console(stderr=True)
logger = logging.getLogger("scraper")


def _errors_to_exit(func: F) -> F:
    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ScraperError as exc:
            err_console.print(
                f"[bold red]error:[/] {escape(str(exc))}", highlight=False, soft_wrap=True
            )
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


config_option = click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Config file (default: $SCRAPER_CONFIG or ./config.toml).",
)


@click.group()
@click.version_option(__version__, prog_name="scraper")
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
def cli(verbose: int) -> None:
    """Watch news sites: new articles, stealth edits and follow-ups, as signed webhooks."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for noisy in ("httpx", "httpcore", "apscheduler.executors.default", "apscheduler.scheduler"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))


def _load(config_file: Path | None) -> Config:
    return load_config(config_path(config_file))


def _require_sources(config: Config) -> None:
    """Raise ScraperError when the config watches nothing (``run`` and ``check``)."""
    if not config.sources:
        raise ScraperError(f"{config.path}: no [[sources]] configured; nothing to watch")


def resolve_article(store: Store, url: str) -> str | None:
    """The stored article key for a URL as the user typed it (tracking parameters,
    fragment and letter case of scheme/host do not matter), or None."""
    return store.resolve(url) or store.resolve(canonicalize_url(url))


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


#: Sources checked at the same time by ``scraper check`` (per-host limits still apply).
CHECK_WORKERS = 4


def run_checks(config: Config, services: Services, *, show_progress: bool) -> list[SourceOutcome]:
    """Check every configured source once, up to :data:`CHECK_WORKERS` at a time (a
    slow or hanging source does not hold up the others), then deliver pending
    webhooks. Outcomes are in config order."""
    sources = config.sources
    with (
        Progress(console=err_console, transient=True, disable=not show_progress) as progress,
        ThreadPoolExecutor(max_workers=min(CHECK_WORKERS, len(sources) or 1)) as pool,
    ):
        task = progress.add_task("checking", total=len(sources))
        futures = {pool.submit(check, source, services): source for source in sources}
        for future in as_completed(futures):
            progress.update(task, description=f"checked {futures[future].name}")
            progress.advance(task)
        outcomes = [future.result() for future in futures]
    with httpx.Client() as client:
        deliver(services.store, services.webhooks, client)
    return outcomes


@cli.command(name="check")
@config_option
@click.option("--json", "as_json", is_flag=True, help="Print a JSON summary per source.")
@click.option("--source", "only", multiple=True, help="Check only this source (repeatable).")
@_errors_to_exit
def check_command(config_file: Path | None, as_json: bool, only: tuple[str, ...]) -> None:
    """Check every configured source once and print what changed; exit 1 if any failed.

    Example: scraper check --config config.toml --json
    """
    config = _load(config_file)
    _require_sources(config)
    if only:
        config = replace(config, sources=tuple(config.source(n) for n in only))
    with open_services(config) as services:
        outcomes = run_checks(config, services, show_progress=not as_json)
        pending = len(services.store.deliveries(pending_only=True))
    if as_json:
        _echo_json({"sources": [_outcome_json(o) for o in outcomes], "pending_deliveries": pending})
    else:
        _print_outcomes(outcomes, pending)
    if not all(o.ok for o in outcomes):
        sys.exit(1)


def _outcome_json(outcome: SourceOutcome) -> dict[str, Any]:
    return {
        "source": outcome.source,
        "ok": outcome.ok,
        "new": outcome.new,
        "revised": outcome.revised,
        "unchanged": outcome.unchanged,
        "failed": outcome.failed,
        "followups": outcome.followups,
        "removed": outcome.removed,
        "restored": outcome.restored,
        "not_modified": outcome.not_modified,
        "baseline": outcome.baseline,
        "error": outcome.error,
        "errors": list(outcome.errors),
        "seconds": round(outcome.seconds, 3),
    }


def _print_outcomes(outcomes: list[SourceOutcome], pending: int) -> None:
    table = Table(title="check summary")
    columns = ("source", "new", "revised", "unchanged", "failed", "removed", "restored")
    for col in (*columns, "follow-ups", "status"):
        table.add_column(col, overflow="fold")
    for o in outcomes:
        status = "[green]ok[/]" if o.ok else f"[red]{o.error or 'some articles failed'}[/]"
        if o.not_modified:
            status = "[green]not modified (304)[/]"
        elif o.baseline and o.ok:
            status = "[green]ok (baseline: no alerts)[/]"
        table.add_row(
            o.source,
            str(o.new),
            str(o.revised),
            str(o.unchanged),
            str(o.failed),
            str(o.removed),
            str(o.restored),
            str(o.followups),
            status,
        )
    console.print(table)
    for o in outcomes:
        for line in o.errors[:5]:
            err_console.print(f"[red]{o.source}[/]: {line}", highlight=False)
    if pending:
        noun = "delivery" if pending == 1 else "deliveries"
        console.print(f"{pending} webhook {noun} pending (retried later; see `scraper outbox`)")


@cli.command()
@config_option
@click.option("--for", "duration", type=float, default=None, help="Stop after this many seconds.")
@_errors_to_exit
def run(config_file: Path | None, duration: float | None) -> None:
    """Run the daemon: poll each source on its interval, deliver webhooks; stop with Ctrl-C.

    Example: scraper run --config config.toml
    """
    config = _load(config_file)
    _require_sources(config)
    logging.getLogger().setLevel(min(logging.getLogger().level, logging.INFO))
    stop = threading.Event()
    preload()  # load the language model once, not inside the first check
    with (
        single_daemon(config.database),
        open_services(config, stop=stop) as services,
        httpx.Client() as client,
    ):
        scheduler = build_scheduler(
            config.sources,
            check=lambda source: check(source, services),
            deliver=lambda: deliver(services.store, services.webhooks, client, stop=stop),
            deliver_interval=config.deliver_interval,
        )
        count = len(config.sources)
        noun = "source" if count == 1 else "sources"
        console.print(f"watching {count} {noun}; database {config.database}")
        run_until_stopped(scheduler, duration=duration, stop=stop)
    console.print("stopped")


@cli.command()
@config_option
@click.argument("url")
@click.option("--json", "as_json", is_flag=True, help="Print the revisions as JSON.")
@_errors_to_exit
def history(config_file: Path | None, url: str, as_json: bool) -> None:
    """List an article's revisions, oldest first, and when it was removed (404/410) or restored.

    Example: scraper history https://news.example/world/story.html --json
    """
    config = _load(config_file)
    with Store(config.database) as store:
        key = resolve_article(store, url)
        revisions = store.revisions(key) if key else []
        removals = store.removals(key) if key else []
    if not revisions:
        raise ScraperError(f"no stored article for {url} (see `scraper check`)")
    rows: list[dict[str, Any]] = [
        {
            "revision": r.number,
            "fetched_at": _iso(r.fetched_at),
            "title": r.title,
            "published": _iso(r.published),
            "updated": _iso(r.updated),
            "changed": list(r.changed),
            "content_hash": r.content_hash,
            "removals": [
                {
                    "removed_at": _iso(m.removed_at),
                    "status": m.status,
                    "restored_at": _iso(m.restored_at),
                }
                for m in removals
                if m.revision == r.number
            ],
        }
        for r in revisions
    ]
    if as_json:
        _echo_json(rows)
        return
    table = Table(title=key)
    for col in ("rev", "fetched at", "title", "updated", "changed"):
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(
            str(row["revision"]),
            row["fetched_at"],
            row["title"] or "",
            row["updated"] or "",
            ", ".join(row["changed"]),
        )
    console.print(table)
    for m in removals:
        line = f"removed {_iso(m.removed_at)} (HTTP {m.status}) after revision {m.revision}; "
        line += f"restored {_iso(m.restored_at)}" if m.restored_at else "still gone"
        console.print(line, highlight=False, soft_wrap=True)


@cli.command(name="diff")
@config_option
@click.argument("url")
@click.option(
    "--from",
    "from_",
    type=click.IntRange(min=1),
    default=None,
    help="Older revision (default: to - 1).",
)
@click.option(
    "--to", type=click.IntRange(min=1), default=None, help="Newer revision (default: the latest)."
)
@_errors_to_exit
def diff_command(config_file: Path | None, url: str, from_: int | None, to: int | None) -> None:
    """Print the unified diff of an article's body between two revisions.

    Exits 1 when there is nothing to compare: the article has one revision only,
    --from is the latest, --to is the first, or --from and --to are the same.

    Example: scraper diff https://news.example/world/story.html --from 1 --to 2
    """
    config = _load(config_file)
    with Store(config.database) as store:
        key = resolve_article(store, url)
        revisions = {r.number: r for r in (store.revisions(key) if key else [])}
    if not revisions:
        raise ScraperError(f"no stored article for {url} (see `scraper check`)")
    latest = max(revisions)
    if latest == 1:
        raise ScraperError(_nothing_to_compare(1, latest))
    given_from = from_ is not None
    to = to if to is not None else latest
    from_ = from_ if from_ is not None else max(to - 1, 1)
    for n in (to, from_):
        if n not in revisions:
            raise ScraperError(f"{url} has no revision {n} (it has 1..{latest})")
    if from_ == to:
        raise ScraperError(_nothing_to_compare(from_, latest, from_given=given_from))
    old, new = revisions[from_], revisions[to]
    text = unified_diff(
        old.body, new.body, from_label=f"revision {from_}", to_label=f"revision {to}"
    )
    if old.title != new.title:
        click.echo(f"title: {old.title!r} -> {new.title!r}")
    click.echo(text or "(no body changes)")


def _nothing_to_compare(number: int, latest: int, *, from_given: bool = True) -> str:
    """The message when ``diff`` would compare revision ``number`` with itself.

    Args:
        number: the revision both sides resolved to.
        latest: the article's latest revision number.
        from_given: False when ``--from`` was not given (``diff --to 1``).

    Returns:
        One line saying why and, when there is something else to compare, which
        option to use.
    """
    if latest == 1:
        return "nothing to compare: the article has only one revision so far"
    if not from_given:
        return f"revision {number} is the first: nothing before it to compare (use --to {latest})"
    if number == latest:
        return f"nothing to compare: revision {number} is the latest (use --from {number - 1})"
    return f"nothing to compare: --from and --to are both revision {number} (use --to {latest})"


def main() -> None:
    """Console-script entry point (``scraper``)."""
    cli()


# The other command groups register themselves on ``cli`` when imported.
from . import cli_fetch, cli_status, cli_stories  # noqa: E402, F401
