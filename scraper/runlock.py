"""One daemon per database: ``scraper run`` holds a lock file beside it.

Two daemons on one database would poll every source twice and race to store
the same revisions (both are safe, see :mod:`scraper.store`, but wasteful and
confusing). The lock is an advisory ``flock`` (POSIX) on ``<database>.run.lock``,
released by the operating system when the process ends, even by ``kill -9``:
a stale lock file never blocks a restart. One-shot commands (``check``,
``deliver``) do not take it.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from .errors import ScraperError


def lock_path(database: str | Path) -> Path | None:
    """The lock file of ``database`` (``scraper.db`` -> ``scraper.db.run.lock``), or
    None for an in-memory database."""
    if str(database) in ("", ":memory:"):
        return None
    path = Path(database)
    return path.with_name(f"{path.name}.run.lock")


@contextlib.contextmanager
def single_daemon(database: str | Path) -> Iterator[None]:
    """Hold the daemon lock of ``database`` for the ``with`` block.

    Args:
        database: the SQLite path from the config (``[storage] path``).

    Raises:
        ScraperError: another running process holds the lock; the message names
            its pid as written in the lock file.
    """
    path = lock_path(database)
    if path is None:
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            raise ScraperError(
                f"another `scraper run` (pid {holder}) is already watching {database}; "
                "stop it first, or give this one its own [storage] path"
            ) from exc
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


__all__ = ["lock_path", "single_daemon"]
