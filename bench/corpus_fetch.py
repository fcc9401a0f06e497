"""Serve a folder of saved pages on 127.0.0.1 and run each through ``scraper fetch --json``.

Usage: python bench/corpus_fetch.py --data ../shared/bench/extraction [--limit N]

The folder has ``html/*.html.gz`` (the extraction benchmark's layout). Every page
goes through the real CLI command in-process (fetch over HTTP, charset decoding,
extraction, JSON output). Prints how many pages succeeded, crashed, came back
with an empty body or title, how many had dates, and the time per page.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from scraper.cli import cli
from scraper.localsite import LocalSite, Route


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    pages = sorted((args.data / "html").glob("*.html.gz"))
    if args.limit:
        pages = pages[: args.limit]
    site = LocalSite().start()
    counts = {"ok": 0, "crashed": 0, "exit_nonzero": 0, "empty_body": 0, "no_title": 0,
              "published": 0, "updated": 0}  # fmt: skip
    times: list[float] = []
    runner = CliRunner()
    try:
        for page in pages:
            path = f"/{page.name.removesuffix('.html.gz')}"
            site.routes[path] = Route(gzip.decompress(page.read_bytes()))
            started = time.perf_counter()
            result = runner.invoke(cli, ["fetch", site.url(path), "--json", "--no-robots"])
            times.append(time.perf_counter() - started)
            if result.exception and not isinstance(result.exception, SystemExit):
                counts["crashed"] += 1
                print(f"CRASH {page.name}: {result.exception!r}", file=sys.stderr)
                continue
            if result.exit_code != 0:
                counts["exit_nonzero"] += 1
                message = result.stderr.strip()
                print(f"exit {result.exit_code} {page.name}: {message}", file=sys.stderr)
                continue
            data = json.loads(result.stdout)
            counts["ok"] += 1
            counts["empty_body"] += not data["body"]
            counts["no_title"] += not data["title"]
            counts["published"] += bool(data["published"])
            counts["updated"] += bool(data["updated"])
    finally:
        site.stop()
    print(f"pages: {len(pages)}")
    for key, value in counts.items():
        print(f"{key}: {value}")
    if times:
        times.sort()
        print(f"ms/page (whole command, median): {statistics.median(times) * 1000:.1f}")
        print(f"ms/page (p95): {times[int(len(times) * 0.95) - 1] * 1000:.1f}")
    return 1 if counts["crashed"] else 0


if __name__ == "__main__":
    sys.exit(main())
