from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from localserver import LocalSite  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def site() -> Iterator[LocalSite]:
    """A real HTTP server on 127.0.0.1 (ephemeral port), stopped after the test."""
    server = LocalSite().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def receiver() -> Iterator[LocalSite]:
    """A second local server, used as a webhook receiver."""
    server = LocalSite().start()
    try:
        yield server
    finally:
        server.stop()
