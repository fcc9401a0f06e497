"""The real services of a CLI command: the store, the polite fetcher (with the
Retry-After holds other processes recorded) and the follow-up tracker."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from .config import Config
from .errors import Cancelled
from .fetch import Fetcher
from .pipeline import Services
from .store import Store


@contextmanager
def open_services(config: Config, *, stop: threading.Event | None = None) -> Iterator[Services]:
    """Build the real store, fetcher and follow-up tracker for ``config``; close them after.

    With ``stop``, waits between retries end early and requests in flight are
    abandoned, raising :class:`~scraper.errors.Cancelled` once ``stop`` is set,
    so the daemon stops within about a second.
    """
    from .followups import FollowupTracker

    def sleep(seconds: float) -> None:
        if stop is not None and stop.wait(seconds):
            raise Cancelled("stopping")
        if stop is None:
            time.sleep(seconds)

    store = Store(config.database)

    def keep_hold(host: str, until: datetime, status: int) -> None:
        store.save_host_hold(host, until=until, status=status)

    fetcher = Fetcher(
        options=config.fetch,
        sleep=sleep,
        stop=stop,
        holds=store.host_holds(now=datetime.now(UTC)),
        on_hold=keep_hold,
    )
    try:
        tracker = FollowupTracker(store, settings=config.stories)
        yield Services(
            store=store, fetcher=fetcher, webhooks=config.webhooks, followups=tracker, stop=stop
        )
    finally:
        fetcher.close()
        store.close()


__all__ = ["open_services"]
