"""A source whose check outlasts its interval: its next turns are skipped and
logged at INFO by us, not as APScheduler WARNINGs every interval."""

from __future__ import annotations

import logging
import threading

import pytest

from scraper.models import Source
from scraper.scheduler import build_scheduler, run_until_stopped


def test_a_turn_skipped_while_the_last_one_runs_is_info_not_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    stop = threading.Event()
    started = threading.Event()

    def hanging_check(source: Source) -> None:
        started.set()
        stop.wait(30)  # like a request that hangs until the daemon stops

    source = Source(name="slow", url="https://slow.example/feed", kind="feed", interval=1.0)
    scheduler = build_scheduler(
        [source], check=hanging_check, deliver=lambda: None, deliver_interval=3600
    )
    with caplog.at_level(logging.INFO):
        run_until_stopped(scheduler, duration=2.6, stop=stop)
    assert started.is_set()
    skipped = [r for r in caplog.records if "still running from its last turn" in r.getMessage()]
    assert skipped and {r.levelno for r in skipped} == {logging.INFO}
    expected = "source:slow: still running from its last turn; this turn is skipped"
    assert skipped[0].getMessage() == expected
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
