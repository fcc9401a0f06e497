"""The SQLite store (sqlite-utils, WAL): the only place that writes SQL.

:class:`Store` combines the query groups: sources, HTTP validators, articles
and revisions (:mod:`.monitor`), removed articles (:mod:`.removals`), the event
outbox (:mod:`.outbox`) and stories (:mod:`.stories`). Every sqlite3 error is raised as
:class:`~scraper.errors.StoreError`.
"""

from __future__ import annotations

from .monitor import MonitorQueries
from .outbox import OutboxQueries
from .removals import RemovalQueries
from .stories import StoryQueries


class Store(MonitorQueries, RemovalQueries, OutboxQueries, StoryQueries):
    """The monitor's database. Thread-safe; open with ``Store(path)``, close with ``close()``.

    Example:
        >>> store = Store(":memory:")
        >>> store.schema_version
        3
    """

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = ["Store"]
