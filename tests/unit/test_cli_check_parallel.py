"""``scraper check`` checks sources side by side: a hanging source does not hold
up the others, and the outcomes keep the config's order."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

import scraper.cli as cli_module
from scraper.config import config_from_dict
from scraper.models import Source
from scraper.pipeline import Services, SourceOutcome
from scraper.store import Store


def test_sources_are_checked_at_the_same_time_in_config_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = ["hanging", "fast", "third"]
    config = config_from_dict(
        {
            "storage": {"path": str(tmp_path / "scraper.db")},
            "sources": [
                {"name": n, "url": f"https://{n}.example/feed", "kind": "feed"} for n in names
            ],
        },
        path=tmp_path / "config.toml",
    )
    # Each check waits until all three have started: run one after another, the
    # first would wait for ever (the barrier breaks after 10 s and the test fails).
    barrier = threading.Barrier(3, timeout=10)
    threads: set[str] = set()

    def fake_check(source: Source, services: Services) -> SourceOutcome:
        barrier.wait()
        threads.add(threading.current_thread().name)
        return SourceOutcome(source.name, new=len(source.name))

    monkeypatch.setattr(cli_module, "check", fake_check)
    with Store(tmp_path / "scraper.db") as store:
        services = Services(store=store, fetcher=None, webhooks=(), clock=None)  # type: ignore[arg-type]
        outcomes = cli_module.run_checks(config, services, show_progress=False)
    assert [(o.source, o.new) for o in outcomes] == [("hanging", 7), ("fast", 4), ("third", 5)]
    assert len(threads) == 3
