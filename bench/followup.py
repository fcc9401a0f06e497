"""Replay a labeled news stream through the story index and print follow-up figures.

Usage::

    python bench/followup.py --data /path/to/dev-stream.jsonl.gz [--json] [--out FILE]

The stream (JSON lines, optionally gzip: id, story_id, language, published,
title, text, url) is sorted by the parsed instant, ties broken by id, and fed
one article at a time to :meth:`StoryIndex.assign`, which sees only earlier
articles. Printed per language and overall: B-cubed and pairwise P/R/F1 of the
final assignment, P/R/F1 of the follow-up decision (the alert) and linking
accuracy, for the whole stream and for two splits, each part replayed on its
own: a development and a holdout part of the stories (split by a hash of the
gold story id), and a time split (the first ``--time-split`` share of the
articles by publication time, then the rest; a story running across the cut
is in both parts, its later articles opening a story of their own).
Then the assignment speed: articles/s on the stream (after the one-time gazetteer and country-table
load, timed apart), and per-article cost with
1k, 10k and 100k synthetic articles already in the history.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import itertools
import json
import math
import random
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scraper.stories import AssignOptions, StoryDoc, StoryIndex, make_doc  # noqa: E402
from scraper.stories.arabic_countries import country_forms  # noqa: E402
from scraper.stories.latin_countries import country_keys  # noqa: E402
from scraper.stories.places import gazetteer  # noqa: E402

Row = dict[str, Any]


def load(path: Path) -> list[Row]:
    """Read the JSON lines stream and sort it by (instant, id)."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    for row in rows:
        row["_at"] = datetime.fromisoformat(row["published"])
    rows.sort(key=lambda r: (r["_at"], r["id"]))
    return rows


def holdout(story_id: str, mod: int) -> bool:
    """Deterministic holdout: about 1/mod of the stories, by SHA-1 of the gold id."""
    return int(hashlib.sha1(story_id.encode()).hexdigest(), 16) % mod == 0


def prf(tp: float, fp: float, fn: float) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def bcubed(gold: dict[str, str], pred: dict[str, str]) -> dict[str, float]:
    """B-cubed precision/recall/F1 (Bagga & Baldwin 1998), averaged over articles."""
    gsets: dict[str, set[str]] = defaultdict(set)
    psets: dict[str, set[str]] = defaultdict(set)
    for aid in gold:
        gsets[gold[aid]].add(aid)
        psets[pred[aid]].add(aid)
    p = r = 0.0
    for aid in gold:
        inter = len(gsets[gold[aid]] & psets[pred[aid]])
        p += inter / len(psets[pred[aid]])
        r += inter / len(gsets[gold[aid]])
    n = len(gold)
    p, r = p / n, r / n
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r), 4)}


def pairwise(gold: dict[str, str], pred: dict[str, str]) -> dict[str, float]:
    """Pair-counting P/R/F1 from the contingency table (as the Priberam scorer)."""
    cont = Counter((gold[a], pred[a]) for a in gold)

    def pairs(counts: Any) -> int:
        return sum(c * (c - 1) // 2 for c in counts)

    tp = pairs(cont.values())
    same_pred = pairs(Counter(pred[a] for a in gold).values())
    same_gold = pairs(Counter(gold[a] for a in gold).values())
    return prf(tp, same_pred - tp, same_gold - tp)


def score(rows: Sequence[Row], decisions: dict[str, tuple[str, bool, tuple[str, ...]]]) -> Row:
    """All quality figures for the given rows (one language or all)."""
    gold = {r["id"]: r["story_id"] for r in rows}
    pred = {r["id"]: decisions[r["id"]][0] for r in rows}
    gold_all = {aid: st for aid, st in ((r["id"], r["story_id"]) for r in rows)}
    seen: set[str] = set()
    tp = fp = fn = linked_ok = 0
    for row in rows:
        truth = row["story_id"] in seen
        seen.add(row["story_id"])
        _story, said, previous = decisions[row["id"]]
        tp += truth and said
        fp += said and not truth
        fn += truth and not said
        if truth and said:
            same = sum(1 for p in previous if gold_all.get(p) == row["story_id"])
            linked_ok += same * 2 > len(previous)
    alert = prf(tp, fp, fn)
    alert["linking_accuracy"] = round(linked_ok / (tp + fn), 4) if tp + fn else 1.0
    return {
        "articles": len(rows),
        "stories": len(set(gold.values())),
        "bcubed": bcubed(gold, pred),
        "pairwise": pairwise(gold, pred),
        "followup": alert,
    }


def replay(rows: Sequence[Row], docs: dict[str, StoryDoc], options: AssignOptions) -> Row:
    """Feed the rows in order; return decisions, figures per language and speed."""
    counter = itertools.count(1)
    index = StoryIndex(options=options, new_id=lambda: f"s{next(counter):05d}")
    decisions: dict[str, tuple[str, bool, tuple[str, ...]]] = {}
    start = time.perf_counter()
    for row in rows:
        got = index.assign(docs[row["id"]])
        decisions[row["id"]] = (got.story_id, got.is_followup, got.previous)
    elapsed = time.perf_counter() - start
    by_lang: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        by_lang[row["language"]].append(row)
    figures = {lang: score(part, decisions) for lang, part in sorted(by_lang.items())}
    figures["overall"] = score(rows, decisions)
    return {"figures": figures, "decisions": decisions, "seconds": elapsed}


def resampled(
    rows: Sequence[Row], docs: dict[str, StoryDoc], options: AssignOptions, *, draws: int, seed: int
) -> Row:
    """Mean and spread of the figures over random halves of the stories.

    On a stream of a hundred articles one decision can merge two stories and
    move B-cubed F1 by several points; averaging over ``draws`` sub-streams
    (each story kept with probability 1/2, each sub-stream replayed on its
    own) compares two settings more steadily than one replay.
    """
    rng = random.Random(seed)
    stories = sorted({r["story_id"] for r in rows})
    samples: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for _draw in range(draws):
        kept = {story for story in stories if rng.random() < 0.5}
        figures = replay([r for r in rows if r["story_id"] in kept], docs, options)["figures"]
        for lang, fig in figures.items():
            samples[lang].append((fig["bcubed"]["f1"], fig["followup"]["f1"]))
    out: Row = {}
    for lang, pairs in sorted(samples.items()):
        b3 = [b for b, _f in pairs]
        fu = [f for _b, f in pairs]
        out[lang] = {
            "draws": len(pairs),
            "bcubed_f1_mean": round(statistics.fmean(b3), 4),
            "bcubed_f1_sd": round(statistics.pstdev(b3), 4),
            "followup_f1_mean": round(statistics.fmean(fu), 4),
        }
    return out


def synthetic_docs(n: int, *, start: datetime, days: float, seed: int) -> list[StoryDoc]:
    """Articles drawn from a Zipf-like vocabulary, grouped in stories of 1-12."""
    rng = random.Random(seed)
    syll = ["ka", "lo", "mi", "ter", "sa", "nu", "dra", "pel", "ost", "vi", "ran", "gu", "bel"]
    vocab = [
        "".join(rng.choice(syll) for _ in range(rng.randint(2, 4))) + str(i % 97)
        for i in range(60000)
    ]
    cum = list(itertools.accumulate(1.0 / (rank + 10) for rank in range(len(vocab))))
    docs: list[StoryDoc] = []
    times = sorted(rng.uniform(0, days) for _ in range(n))
    story_terms: list[str] = []
    story = ""
    for i, offset in enumerate(times):
        if not story_terms or rng.random() < 0.25:
            story_terms = rng.sample(vocab[2000:], 12)
            story = f"story-{seed}-{i}"
        body = rng.choices(vocab, cum_weights=cum, k=30) + rng.sample(story_terms, 8)
        counts = Counter(body)
        terms = {t: 1.0 + math.log(c) for t, c in counts.items()}
        docs.append(
            StoryDoc(
                article_id=f"syn-{seed}-{i}",
                url=None,
                language="xx",
                published=start + timedelta(days=offset),
                title=story,
                terms=terms,
                entities=tuple(story_terms[:3]),
            )
        )
    return docs


def scale(sizes: Sequence[int], *, probes: int, options: AssignOptions) -> list[Row]:
    """Per-article assignment cost with ``size`` synthetic articles already stored.

    The history spreads over 365 days (so the 30-day window holds about 8% of
    it); the probes are the next articles of the same synthetic stream, a mix
    of follow-ups of stored stories and new stories, timed through ``assign``.
    """
    out = []
    origin = datetime(2020, 1, 1, tzinfo=UTC)
    for size in sizes:
        index = StoryIndex(options=options)
        days = 365.0 * (size + probes) / size
        stream = synthetic_docs(size + probes, start=origin, days=days, seed=size)
        for doc in stream[:size]:
            index.add(doc, doc.title)  # synthetic docs carry their story id as title
        begin = time.perf_counter()
        followups = sum(index.assign(doc).is_followup for doc in stream[size:])
        spent = time.perf_counter() - begin
        out.append(
            {
                "history": size,
                "probes": probes,
                "followups": followups,
                "us_per_article": round(spent / probes * 1e6, 1),
                "articles_per_s": round(probes / spent, 1),
            }
        )
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--holdout-mod", type=int, default=4)
    parser.add_argument("--time-split", type=float, default=0.6)
    parser.add_argument("--draws", type=int, default=0, help="random story halves to average")
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--probes", type=int, default=1000)
    parser.add_argument("--window-days", type=float, default=AssignOptions().window_days)
    parser.add_argument("--threshold", type=float, default=AssignOptions().threshold)
    parser.add_argument("--conflict-factor", type=float, default=AssignOptions().conflict_factor)
    parser.add_argument("--topic-factor", type=float, default=AssignOptions().topic_factor)
    args = parser.parse_args(argv)
    options = AssignOptions(
        window_days=args.window_days,
        threshold=args.threshold,
        conflict_factor=args.conflict_factor,
        topic_factor=args.topic_factor,
    )
    rows = load(args.data)
    begin = time.perf_counter()
    gazetteer()  # built once per process: timed apart from the per-article cost
    country_forms()  # so are the country tables (Arabic forms, stems of cased names)
    for language in sorted({str(r.get("language")) for r in rows}):
        country_keys(language)
    gazetteer_load = time.perf_counter() - begin
    begin = time.perf_counter()
    docs = {
        r["id"]: make_doc(
            article_id=r["id"],
            title=r.get("title") or "",
            body=r.get("text") or "",
            published=r["_at"],
            language=r.get("language"),
            url=r.get("url"),
        )
        for r in rows
    }
    featurize = time.perf_counter() - begin
    full = replay(rows, docs, options)
    cut = round(len(rows) * args.time_split)
    parts = {
        "dev": replay(
            [r for r in rows if not holdout(r["story_id"], args.holdout_mod)], docs, options
        ),
        "holdout": replay(
            [r for r in rows if holdout(r["story_id"], args.holdout_mod)], docs, options
        ),
        "time-dev": replay(rows[:cut], docs, options),
        "time-holdout": replay(rows[cut:], docs, options),
    }
    sizes = [int(s) for s in args.sizes.split(",") if s]
    halves = resampled(rows, docs, options, draws=args.draws, seed=1) if args.draws else {}
    report = {
        "data": str(args.data),
        "options": {
            "window_days": options.window_days,
            "threshold": options.threshold,
            "conflict_factor": options.conflict_factor,
            "topic_factor": options.topic_factor,
        },
        "all": full["figures"],
        **{name: part["figures"] for name, part in parts.items()},
        "halves": halves,
        "speed": {
            "make_doc_per_s": round(len(rows) / featurize, 1),
            "gazetteer_load_s": round(gazetteer_load, 2),
            "assign_per_s_stream": round(len(rows) / full["seconds"], 1),
            "scale": scale(sizes, probes=args.probes, options=options) if sizes else [],
        },
    }
    if args.out:
        with args.out.open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(
                    json.dumps({"id": row["id"], "story": full["decisions"][row["id"]][0]}) + "\n"
                )
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
    else:
        print_report(report)
    return 0


def _prf(fig: Row) -> str:
    return f"{fig['p']:.3f}/{fig['r']:.3f}/{fig['f1']:.3f}"


def print_report(report: Row) -> None:
    """Print the figures as aligned text tables."""
    print(f"data: {report['data']}  options: {report['options']}")
    for part in ("all", "dev", "holdout", "time-dev", "time-holdout"):
        print(
            f"\n[{part}]  {'lang':8} {'n':>4} {'stories':>7}  B3 P/R/F1            "
            f"pairwise P/R/F1       follow-up P/R/F1      link-acc"
        )
        for lang, fig in report[part].items():
            b, pw, fu = fig["bcubed"], fig["pairwise"], fig["followup"]
            print(
                f"{'':9}{lang:8} {fig['articles']:>4} {fig['stories']:>7}  "
                f"{_prf(b)}  {_prf(pw)}  {_prf(fu)}  {fu['linking_accuracy']:.3f}"
            )
    if report["halves"]:
        print(f"\n[halves]  {'lang':8} draws  B3 F1 mean (sd)   follow-up F1 mean")
        for lang, fig in report["halves"].items():
            print(
                f"{'':10}{lang:8} {fig['draws']:>5}  {fig['bcubed_f1_mean']:.3f} "
                f"({fig['bcubed_f1_sd']:.3f})    {fig['followup_f1_mean']:.3f}"
            )
    speed = report["speed"]
    print(
        f"\nmake_doc: {speed['make_doc_per_s']} articles/s;  assign on the stream: "
        f"{speed['assign_per_s_stream']} articles/s;  gazetteer and country tables load (once): "
        f"{speed['gazetteer_load_s']} s"
    )
    for row in speed["scale"]:
        print(
            f"history {row['history']:>7}: {row['us_per_article']:>8} us/article  "
            f"{row['articles_per_s']:>8} articles/s  ({row['probes']} probes, "
            f"{row['followups']} follow-ups)"
        )


if __name__ == "__main__":
    raise SystemExit(main())
