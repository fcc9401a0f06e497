"""APScheduler (3.x) wiring only: one interval job per source, one delivery job.

Each source is a job with an :class:`~apscheduler.triggers.interval.IntervalTrigger`
of the source's interval, ``max_instances=1`` (a slow check never overlaps
itself) and ``coalesce=True`` (missed runs collapse into one). Jobs run in a
thread pool; the first run of every job is immediate.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from types import FrameType
from typing import Any

from apscheduler.events import EVENT_JOB_MAX_INSTANCES, JobSubmissionEvent
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger

from .errors import Cancelled
from .models import Source

logger = logging.getLogger(__name__)


def build_scheduler(
    sources: Sequence[Source],
    *,
    check: Callable[[Source], object],
    deliver: Callable[[], object],
    deliver_interval: float,
    workers: int = 4,
) -> BackgroundScheduler:
    """Create (not start) the scheduler with one job per source and a delivery job.

    Args:
        sources: the configured sources; job ids are ``source:<name>``.
        check: called with a source in a worker thread; its exceptions are logged
            and never stop the scheduler.
        deliver: called every ``deliver_interval`` seconds (job id ``deliver``).
        deliver_interval: seconds between delivery runs.
        workers: size of the thread pool (int).

    Returns:
        A configured, not yet started ``BackgroundScheduler`` (UTC).
    """
    scheduler = BackgroundScheduler(
        executors={"default": ThreadPoolExecutor(max_workers=workers)},
        job_defaults={"max_instances": 1, "coalesce": True, "misfire_grace_time": None},
        timezone=UTC,
    )
    scheduler.add_listener(_still_running, EVENT_JOB_MAX_INSTANCES)
    _SKIPPED_RUN.install()
    now = datetime.now(UTC)
    for source in sources:
        scheduler.add_job(
            _guard(check, f"source:{source.name}"),
            IntervalTrigger(seconds=source.interval, timezone=UTC),
            args=[source],
            id=f"source:{source.name}",
            name=f"check {source.name}",
            next_run_time=now,
        )
    scheduler.add_job(
        _guard(deliver, "deliver"),
        IntervalTrigger(seconds=deliver_interval, timezone=UTC),
        id="deliver",
        name="deliver webhooks",
        next_run_time=now,
    )
    return scheduler


def _still_running(event: JobSubmissionEvent) -> None:
    """A job's turn came while its last run was still going (a slow or hanging
    source): that turn is skipped, which is expected, so INFO rather than
    APScheduler's WARNING every interval."""
    logger.info("%s: still running from its last turn; this turn is skipped", event.job_id)


class _SkippedRunFilter(logging.Filter):
    """Drops APScheduler's WARNING for a skipped turn (see :func:`_still_running`)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "maximum number of running instances reached" not in str(record.msg)

    def install(self) -> None:
        target = logging.getLogger("apscheduler.scheduler")
        if self not in target.filters:
            target.addFilter(self)


_SKIPPED_RUN = _SkippedRunFilter()


def _guard(func: Callable[..., object], job_id: str) -> Callable[..., None]:
    def run(*args: object) -> None:
        try:
            func(*args)
        except Cancelled:
            logger.info("job %s interrupted: the daemon is stopping", job_id)
        except Exception:  # the daemon must survive any job failure
            logger.exception("job %s failed", job_id)

    return run


def run_until_stopped(
    scheduler: BackgroundScheduler,
    *,
    duration: float | None = None,
    stop: threading.Event | None = None,
) -> None:
    """Start the scheduler and block until SIGINT/SIGTERM, ``stop`` is set, or ``duration``.

    On stop, running jobs end at their next safe point (a request in flight is
    abandoned, a retry wait cut short; see :class:`~scraper.errors.Cancelled`,
    never recorded as a source error) and are waited for
    (``shutdown(wait=True)``), so a check never stops halfway through a database
    write. A second signal exits at once.

    Args:
        scheduler: from :func:`build_scheduler`.
        duration: seconds to run before stopping by itself, or None for no limit.
        stop: an event another thread may set to stop the daemon.
    """
    stop = stop or threading.Event()
    previous: dict[signal.Signals, Any] = {}

    def handle(signum: int, frame: FrameType | None) -> None:
        if stop.is_set():  # a second Ctrl-C: leave now (SQLite transactions are atomic)
            os._exit(130)
        logger.info("received signal %d: stopping (again to quit at once)", signum)
        stop.set()

    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGINT, signal.SIGTERM):
            previous[sig] = signal.signal(sig, handle)
    scheduler.start()
    try:
        stop.wait(timeout=duration)
    finally:
        stop.set()  # also at the end of `duration`: running jobs stop at their next safe point
        scheduler.shutdown(wait=True)
        for sig, old in previous.items():
            signal.signal(sig, old)
