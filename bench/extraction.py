"""Article-body extraction benchmark: quality (shingle F1) and speed, in one run.

Usage::

    .venv/bin/python bench/extraction.py --data /path/to/bench/extraction [--json] [--holdout]

The data folder is laid out like scrapinghub/article-extraction-benchmark:
``ground-truth.json`` (``{item_id: {"articleBody": str, "url": str}}``) and
``html/<item_id>.html.gz`` (UTF-8). In one process it runs, over the same pages:

- ``scraper``: this project's whole :func:`scraper.parse.extract` (every field),
  after an untimed :func:`scraper.parse.preload` (the language model, loaded once
  per process);
- ``scraper-body-only``: ``build_page`` + ``extract_body`` (the body's own cost);
- ``trafilatura``: ``trafilatura.extract(html, url=...)`` with its defaults;
- ``trafilatura-precision``: the same with ``favor_precision=True``;
- ``selectolax-parse``: the bare ``LexborHTMLParser(html)`` parse, the speed floor
  (its quality figures score the whole ``<body>`` text, not timed).

Each extractor gets one untimed warm-up call, then every page is timed alone
with ``time.perf_counter``; pages/s is pages divided by the summed page times.

The metric is upstream's: tokens are ``\\w+`` runs (case kept), shingles are
word 4-grams compared as multisets per page; page precision (pages with a
non-empty prediction only) and page recall are macro-averaged over pages and
F1 is the harmonic mean of those two corpus figures. Empty outputs are counted.
``x traf`` is pages/s divided by trafilatura's (defaults) in the same run.

Pages are split deterministically by item id: ids whose first hex digit is
``0``-``b`` are *dev*, ``c``-``f`` are *holdout*. Without ``--holdout`` only the dev
figures are printed (develop looking at dev only); with it, figures for all
pages, dev and holdout are printed. ``--blind`` prints one split of all pages, for
a set written blind to the extractor and never developed on (``bench/data/bodies``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

_WORD = re.compile(r"\w+")
HOLDOUT_DIGITS = frozenset("cdef")

Extractor = Callable[[str, str], str]


@dataclass(frozen=True, slots=True)
class Item:
    """One benchmark page: id, URL, HTML text and the reference body text."""

    item_id: str
    url: str
    html: str
    truth: str

    @property
    def split(self) -> str:
        """``"holdout"`` when the id starts with c-f, else ``"dev"``."""
        return "holdout" if self.item_id[:1].lower() in HOLDOUT_DIGITS else "dev"


@dataclass(frozen=True, slots=True)
class Run:
    """One extractor's outputs and per-page seconds, aligned with the items."""

    name: str
    outputs: tuple[str, ...]
    seconds: tuple[float, ...]


def load_items(data: Path) -> list[Item]:
    """Read ``ground-truth.json`` and every ``html/<id>.html.gz`` under ``data``.

    Args:
        data: the benchmark folder.

    Returns:
        Items sorted by id.
    """
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    items = []
    for item_id in sorted(truth):
        with gzip.open(data / "html" / f"{item_id}.html.gz", "rt", encoding="utf8") as fh:
            html = fh.read()
        entry = truth[item_id]
        items.append(Item(item_id, entry.get("url", ""), html, entry["articleBody"]))
    return items


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """Word 4-gram multiset of ``text`` (1-3 tokens give one short shingle)."""
    tokens = _WORD.findall(text)
    if not tokens:
        return Counter()
    if len(tokens) < 4:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3))


def page_scores(pred: str, truth: str) -> tuple[float | None, float | None]:
    """Precision (None when ``pred`` has no shingles) and recall of one page."""
    got, want = shingles(pred), shingles(truth)
    tp = sum((got & want).values())
    precision = tp / sum(got.values()) if got else None
    recall = tp / sum(want.values()) if want else None
    return precision, recall


def score(preds: Sequence[str], truths: Sequence[str]) -> dict[str, float | int]:
    """Corpus figures: macro precision/recall, their F1, accuracy and empty outputs."""
    precisions: list[float] = []
    recalls: list[float] = []
    exact = empty = 0
    for pred, truth in zip(preds, truths, strict=True):
        precision, recall = page_scores(pred, truth)
        if precision is None:
            empty += 1
        else:
            precisions.append(precision)
        if recall is not None:
            recalls.append(recall)
        exact += _WORD.findall(pred) == _WORD.findall(truth)
    p = statistics.fmean(precisions) if precisions else 0.0
    r = statistics.fmean(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"f1": f1, "precision": p, "recall": r, "accuracy": exact / max(len(preds), 1),
            "empty": empty, "pages": len(preds)}


def timing(seconds: Sequence[float]) -> dict[str, float]:
    """Pages per second over the summed time, median and p95 milliseconds per page."""
    total = sum(seconds)
    ordered = sorted(seconds)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))] if ordered else 0.0
    return {"pages_per_s": len(seconds) / total if total else 0.0,
            "ms_median": statistics.median(ordered) * 1000 if ordered else 0.0,
            "ms_p95": p95 * 1000}


def _scraper() -> Extractor:
    from scraper.parse import extract, preload

    preload()  # the language model: loaded once per process, not per page
    return lambda html, url: extract(html, url).body


def _scraper_body() -> Extractor:
    from scraper.models import SiteRules
    from scraper.parse.body import extract_body
    from scraper.parse.page import build_page

    rules = SiteRules()
    return lambda html, url: extract_body(build_page(html, url), rules=rules).text


def _trafilatura(**options: Any) -> Extractor:
    import trafilatura

    return lambda html, url: trafilatura.extract(html, url=url, **options) or ""


def run_extractor(name: str, extractor: Extractor, items: Sequence[Item]) -> Run:
    """Time ``extractor`` page by page (``time.perf_counter``) and keep its outputs.

    One untimed warm-up call on the first page comes first, so that one-time lazy
    loading (language models, compiled patterns) is not charged to a single page.
    """
    outputs: list[str] = []
    seconds: list[float] = []
    if items:
        extractor(items[0].html, items[0].url)
    for item in items:
        start = time.perf_counter()
        text = extractor(item.html, item.url)
        seconds.append(time.perf_counter() - start)
        outputs.append(text)
    return Run(name, tuple(outputs), tuple(seconds))


def run_floor(items: Sequence[Item]) -> Run:
    """The bare Lexbor parse, timed alone; its output (untimed) is the whole body text."""
    from selectolax.lexbor import LexborHTMLParser

    outputs: list[str] = []
    seconds: list[float] = []
    for item in items:
        start = time.perf_counter()
        tree = LexborHTMLParser(item.html)
        seconds.append(time.perf_counter() - start)
        body = tree.body
        outputs.append(body.text(separator="\n") if body is not None else "")
    return Run("selectolax-parse", tuple(outputs), tuple(seconds))


def report(runs: Sequence[Run], items: Sequence[Item], splits: Sequence[str]) -> dict[str, Any]:
    """Figures per split (``all``, ``dev``, ``holdout``) and per extractor."""
    result: dict[str, Any] = {}
    for split in splits:
        keep = [i for i, item in enumerate(items) if split == "all" or item.split == split]
        truths = [items[i].truth for i in keep]
        result[split] = {
            run.name: {**score([run.outputs[i] for i in keep], truths),
                       **timing([run.seconds[i] for i in keep])}
            for run in runs
        }
    return result


def print_table(figures: dict[str, Any]) -> None:
    """Print one aligned table per split."""
    header = (f"{'extractor':<24}{'F1':>7}{'prec':>7}{'recall':>7}{'acc':>7}{'empty':>6}"
              f"{'pages/s':>9}{'ms med':>8}{'ms p95':>8}{'x traf':>8}")
    for split, by_name in figures.items():
        pages = next(iter(by_name.values()))["pages"]
        print(f"\n== {split} ({pages} pages)")
        print(header)
        for name, f in by_name.items():
            print(f"{name:<24}{f['f1']:>7.3f}{f['precision']:>7.3f}{f['recall']:>7.3f}"
                  f"{f['accuracy']:>7.3f}{f['empty']:>6d}{f['pages_per_s']:>9.1f}"
                  f"{f['ms_median']:>8.2f}{f['ms_p95']:>8.2f}"
                  f"{f['x_trafilatura'] or 0:>8.1f}")


def print_pages(run: Run, items: Sequence[Item]) -> None:
    """Per-page precision/recall of one run, dev pages only, worst F1 first."""
    rows = []
    for item, pred in zip(items, run.outputs, strict=True):
        if item.split != "dev":
            continue
        p, r = page_scores(pred, item.truth)
        f = 2 * (p or 0) * (r or 0) / ((p or 0) + (r or 0) or 1)
        rows.append((f, p, r, item.item_id[:12], item.url))
    for f, p, r, short, url in sorted(rows, key=lambda row: row[0])[:40]:
        print(f"{f:.3f} p={p if p is None else round(p, 3)} r={r if r is None else round(r, 3)} "
              f"{short} {url}")


def run_all(items: Sequence[Item], *, with_trafilatura: bool) -> list[Run]:
    """Run the floor, this project (whole extract, and body alone) and trafilatura."""
    runs = [run_floor(items), run_extractor("scraper", _scraper(), items),
            run_extractor("scraper-body-only", _scraper_body(), items)]
    if with_trafilatura:
        runs.append(run_extractor("trafilatura", _trafilatura(), items))
        runs.append(run_extractor("trafilatura-precision",
                                  _trafilatura(favor_precision=True), items))
    return runs


def add_speedups(figures: dict[str, Any]) -> None:
    """Add ``x_trafilatura`` (pages/s over trafilatura's, same run) to every row."""
    for by_name in figures.values():
        base = by_name.get("trafilatura", {}).get("pages_per_s")
        for row in by_name.values():
            row["x_trafilatura"] = row["pages_per_s"] / base if base else None


def main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments, run every extractor once over the pages, print figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, required=True, help="benchmark folder")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--holdout", action="store_true",
                        help="also print all-pages and holdout figures")
    parser.add_argument("--blind", action="store_true",
                        help="a set never developed on (bench/data/bodies): one split of all pages")
    parser.add_argument("--only-scraper", action="store_true",
                        help="skip trafilatura (quick development runs)")
    parser.add_argument("--pages", action="store_true",
                        help="list the worst dev pages of scraper")
    args = parser.parse_args(argv)
    items = load_items(args.data)
    runs = run_all(items, with_trafilatura=not args.only_scraper)
    splits = ("all",) if args.blind else ("all", "dev", "holdout") if args.holdout else ("dev",)
    figures = report(runs, items, splits)
    add_speedups(figures)
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print_table(figures)
    if args.pages:
        print_pages(next(run for run in runs if run.name == "scraper"), items)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
