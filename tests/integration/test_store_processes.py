"""Several processes opening one new database at once (the daemon and a CLI reader)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from scraper.store.schema import MIGRATIONS

OPEN = "import sys; from scraper.store import Store; print(Store(sys.argv[1]).schema_version)"


def test_concurrent_first_opens_migrate_once(tmp_path: Path) -> None:
    for attempt in range(5):
        db = tmp_path / f"new-{attempt}.db"
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", OPEN, str(db)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(4)
        ]
        results = [p.communicate(timeout=60) for p in procs]
        versions = [out.strip() for out, _ in results]
        assert versions == [str(len(MIGRATIONS))] * 4, [err for _, err in results]
