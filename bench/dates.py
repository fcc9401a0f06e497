"""Published/updated date benchmark: accuracy and speed against htmldate.

Usage::

    .venv/bin/python bench/dates.py --data bench/data/dates [--json] [--errors [SPLIT]]

The data folder holds ``*.html`` pages and one ``labels.json``::

    {"now": "2026-11-30T12:00:00+00:00",
     "pages": {"h01-....html": {"published": "2024-04-09T07:45:00+01:00",
                                "updated": null, "holdout": true, "url": "..."}}}

``url`` is optional (passed to both extractors); ``now`` is the clock given to
our ``extract_dates``. Pages marked ``holdout`` were written and labeled before
the code they test was tuned; ``batch`` names later blind batches (``b``, ``c``),
each written before its first run. Figures are printed for all pages, the dev
part and each holdout part; ``--errors`` lists misses on dev pages only unless a
split is named, so tuning looks at dev.

Scores, per field (published, updated), are the share of pages where:

- ``exact``: our value is the same instant as the label (None matching None);
- ``day``: the calendar day, read in the label's own zone, matches.

htmldate gives dates only, so it is scored at day granularity:
``htmldate.find_date(html, url=url, original_date=True)`` for published and
``original_date=False`` for updated. Speed is the mean wall time per page
(milliseconds): for us one ``build_page`` + ``extract_dates``; for htmldate its
two calls. One page is run by both before timing starts (imports, caches).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scraper.models import SiteRules  # noqa: E402
from scraper.parse.dates import extract_dates  # noqa: E402
from scraper.parse.page import build_page  # noqa: E402

FIELDS = ("published", "updated")


@dataclass
class Tally:
    """Counts for one tool over one split."""

    pages: int = 0
    exact: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    day: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    seconds: float = 0.0

    def as_dict(self, *, with_exact: bool) -> dict[str, Any]:
        n = max(self.pages, 1)
        out: dict[str, Any] = {
            "pages": self.pages,
            "ms_per_page": round(1000 * self.seconds / n, 3),
        }
        for name in FIELDS:
            if with_exact:
                out[f"{name}_exact"] = round(self.exact[name] / n, 3)
            out[f"{name}_day"] = round(self.day[name] / n, 3)
        return out


def _day_of(value: datetime, like: datetime) -> date:
    return value.astimezone(like.tzinfo).date()


def _score_ours(got: datetime | None, want: datetime | None) -> tuple[bool, bool]:
    if want is None or got is None:
        return got is want, got is want
    return got == want, _day_of(got, want) == want.date()


def _score_day(got: str | None, want: datetime | None) -> bool:
    if want is None or got is None:
        return got is None and want is None
    return got == want.date().isoformat()


def _parse(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _split_of(label: dict[str, Any]) -> str:
    if not label.get("holdout"):
        return "dev"
    return f"holdout-{label['batch']}" if label.get("batch") else "holdout"


def _measure(
    html: str, url: str | None, now: datetime
) -> tuple[tuple[datetime | None, datetime | None], float, tuple[str | None, str | None], float]:
    """Run both extractors on one page; returns each result and its seconds."""
    import htmldate

    start = time.perf_counter()
    ours = extract_dates(build_page(html, url), rules=SiteRules(), now=now)
    ours_seconds = time.perf_counter() - start
    start = time.perf_counter()
    theirs = (
        htmldate.find_date(html, url=url, original_date=True),
        htmldate.find_date(html, url=url, original_date=False),
    )
    return ours, ours_seconds, theirs, time.perf_counter() - start


def run(data: Path, *, show_errors: str | None) -> dict[str, dict[str, Any]]:
    """Score both tools on every labeled page; returns ``{split: {tool: figures}}``."""
    labels = json.loads((data / "labels.json").read_text(encoding="utf-8"))
    now = datetime.fromisoformat(labels["now"])
    tallies: dict[tuple[str, str], Tally] = {}
    pages = sorted(labels["pages"].items())
    _measure((data / pages[0][0]).read_text(encoding="utf-8"), None, now)  # warm-up
    for name, label in pages:
        html = (data / name).read_text(encoding="utf-8")
        url = label.get("url")
        want = {f: _parse(label.get(f)) for f in FIELDS}
        splits = ("all", _split_of(label))

        ours, ours_seconds, theirs, theirs_seconds = _measure(html, url, now)

        for split in splits:
            mine = tallies.setdefault((split, "scraper"), Tally())
            other = tallies.setdefault((split, "htmldate"), Tally())
            mine.pages += 1
            other.pages += 1
            mine.seconds += ours_seconds
            other.seconds += theirs_seconds
            for index, fname in enumerate(FIELDS):
                value = ours[index]
                exact, day = _score_ours(value, want[fname])
                mine.exact[fname] += exact
                mine.day[fname] += day
                other.day[fname] += _score_day(theirs[index], want[fname])
                if show_errors in (split, "all") and split != "all" and not exact:
                    got = value.isoformat() if value else None
                    print(f"MISS {name} {fname}: got {got} want {label.get(fname)}")
    return {
        split: {
            tool: tallies[(split, tool)].as_dict(with_exact=tool == "scraper")
            for tool in ("scraper", "htmldate")
            if (split, tool) in tallies
        }
        for split in sorted({s for s, _ in tallies}, key=lambda s: (s != "all", s))
    }


def _print_table(results: dict[str, dict[str, Any]]) -> None:
    columns = ("pages", "pub=", "pub~d", "upd=", "upd~d")
    print(f"{'split':8} {'tool':9} " + " ".join(f"{c:>6}" for c in columns) + f" {'ms/pg':>7}")
    for split, tools in results.items():
        for tool, fig in tools.items():
            pub_exact = fig.get("published_exact", "-")
            upd_exact = fig.get("updated_exact", "-")
            print(
                f"{split:8} {tool:9} {fig['pages']:>6} {pub_exact!s:>6} {fig['published_day']:>6} "
                f"{upd_exact!s:>6} {fig['updated_day']:>6} {fig['ms_per_page']:>7}"
            )
    print("pub=/upd= exact instant; ~d same calendar day (label's zone); htmldate is day-only.")


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run the benchmark, print a table or JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="folder with *.html + labels.json")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument(
        "--errors",
        nargs="?",
        const="dev",
        metavar="SPLIT",
        help="list our misses (exact instant) on SPLIT (default dev; 'all' for every page)",
    )
    args = parser.parse_args(argv)
    results = run(args.data, show_errors=args.errors)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        _print_table(results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
