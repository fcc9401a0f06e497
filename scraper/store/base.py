"""The connection, its lock, and the one place sqlite3 errors become StoreError."""

from __future__ import annotations

import contextlib
import functools
import sqlite3
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import sqlite_utils

from ..errors import StoreError
from .schema import migrate

P = ParamSpec("P")
R = TypeVar("R")


def ts(value: datetime | None) -> str | None:
    """An aware datetime as an ISO 8601 UTC string; naive values are taken as UTC."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat()


def iso_keep_zone(value: datetime | None) -> str | None:
    """An aware datetime as ISO 8601 keeping its own UTC offset (article dates)."""
    return value.isoformat() if value else None


def dt(value: str | None) -> datetime | None:
    """Parse a stored ISO 8601 string back into an aware datetime."""
    return datetime.fromisoformat(value) if value else None


def guarded(method: Callable[P, R]) -> Callable[P, R]:
    """Run a store method under the store lock, mapping sqlite3 errors to StoreError."""

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        self = args[0]
        assert isinstance(self, StoreBase)
        with self._lock:
            try:
                return method(*args, **kwargs)
            except sqlite3.Error as exc:
                raise StoreError(f"database error in {method.__name__}: {exc}") from exc

    return wrapper


class StoreBase:
    """Owns the SQLite connection; subclasses add the queries.

    One connection is shared by the scheduler's worker threads and serialized by
    a re-entrant lock; SQLite runs in WAL mode so readers (the CLI) do not block
    the daemon.
    """

    def __init__(self, path: str | Path | None = None) -> None:
        """Open (creating if needed) and migrate the database.

        Args:
            path: the SQLite file; None or ``":memory:"`` for an in-memory database.

        Raises:
            StoreError: the file cannot be opened or migrated.
        """
        self._lock = threading.RLock()
        self.path = None if path in (None, ":memory:") else Path(path)
        try:
            if self.path is not None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(
                str(self.path) if self.path else ":memory:",
                check_same_thread=False,
                timeout=30.0,
                isolation_level=None,
            )
            self._db = sqlite_utils.Database(conn)
            if self.path is not None:
                self._db.enable_wal()
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            self.schema_version = migrate(conn)
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"cannot open database {path}: {exc}") from exc

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite_utils.Database]:
        """A write transaction that takes the write lock first (``BEGIN IMMEDIATE``).

        A deferred ``BEGIN`` reads before it writes, and SQLite answers "database
        is locked" at once, without waiting, when such a reader must become a
        writer while another process writes (WAL mode, https://sqlite.org/wal.html);
        taking the lock up front waits up to the connection's 30 s busy timeout.
        Nested calls use savepoints.
        """
        conn = self._db.conn
        if conn.in_transaction:
            with self._db.atomic():
                yield self._db
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def _rows(
        self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()
    ) -> list[dict[str, Any]]:
        cursor = self._db.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def close(self) -> None:
        """Close the connection. Safe to call twice."""
        with self._lock, contextlib.suppress(sqlite3.Error):
            self._db.conn.close()
