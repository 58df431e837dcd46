"""Extraction throughput, a regex ceiling, third-party baselines, and hostile input.

Run from the repository root::

    .venv/bin/python -m benchmarks.bench_extract            # 20 MB, hostile 1-10 MB
    .venv/bin/python -m benchmarks.bench_extract --quick    # 2 MB, hostile up to 2 MB

Prints a table and writes ``benchmarks/out/bench_extract.json``. With the ``bench`` extra
(``pip install quantulum3 dateparser``) it also times ``quantulum3.parser.parse`` and
``dateparser.search.search_dates`` on a smaller slice and prints the ratios.

Hostile measurements run in a child process with a time limit, so a regex that
backtracks catastrophically shows up as a timeout instead of a hung benchmark.
"""

from __future__ import annotations

import argparse
import json
import math
import multiprocessing as mp
import platform
import re
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from benchmarks.corpus import MB, GeneratedArticle, hostile_text, iter_articles_by_size
from checker.model import Article

OUT = Path(__file__).resolve().parent / "out"

# The practical ceiling: one pass of a single simple compiled pattern that finds the same
# raw material (numbers with separators, percent signs, month names) without interpreting it.
RE_DIGITS = r"\d{1,3}(?:[,.\u00a0\u202f ]\d{3})*(?:[.,]\d+)?"  # grouped digits, optional decimals
RE_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*"  # English month names
RE_CEILING = re.compile(
    rf"""
    {RE_DIGITS} \s? (?:%|percent|per\ cent)?   # a number, maybe a percentage
    | \b{RE_MONTH}\b                           # or a month name
    """,
    re.VERBOSE,
)


@dataclass(slots=True)
class Timing:
    """One measured run: what ran, on how much text, how long, how many hits."""

    name: str
    mb: float
    seconds: float
    items: int
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def mb_per_s(self) -> float:
        return self.mb / self.seconds if self.seconds else float("inf")

    @property
    def items_per_s(self) -> float:
        return self.items / self.seconds if self.seconds else float("inf")


def to_article(g: GeneratedArticle) -> Article:
    """The loader's view of a generated article (text as is, metadata from the sidecar)."""
    return Article(
        id=g.id,
        path=f"{g.id}.txt",
        text=g.text,
        title=g.title,
        published=g.published,
        source=g.source,
        url=g.url,
        language=g.language,
    )


def size_mb(articles: Sequence[Article]) -> float:
    return sum(len(a.text.encode()) for a in articles) / MB


def time_extract(articles: Sequence[Article]) -> Timing:
    """``extract_mentions`` over every article, one process."""
    from checker.extract import extract_mentions

    kinds: Counter[str] = Counter()
    start = time.perf_counter()
    for a in articles:
        kinds.update(m.kind for m in extract_mentions(a))
    seconds = time.perf_counter() - start
    return Timing("checker extract_mentions", size_mb(articles), seconds, sum(kinds.values()), dict(kinds))


def time_stages(articles: Sequence[Article]) -> list[Timing]:
    """The parts of ``extract_mentions`` one by one, to show where the time goes."""
    from checker import extract as ex

    parts: list[tuple[str, Callable[[Article], Sequence[Any]]]] = []
    if hasattr(ex, "find_masked_spans"):
        parts.append(("  masks", lambda a: ex.find_masked_spans(a.text)))
    if hasattr(ex, "extract_numbers"):
        parts.append(("  numbers", lambda a: ex.extract_numbers(a.text, a.id, a.language)))
    if hasattr(ex, "extract_calendar"):
        parts.append(("  calendar", lambda a: ex.extract_calendar(a.text, a.id, a.language, a.published)))
    out = []
    mb = size_mb(articles)
    for name, fn in parts:
        start = time.perf_counter()
        n = sum(len(fn(a)) for a in articles)
        out.append(Timing(name, mb, time.perf_counter() - start, n))
    return out


def time_ceiling(articles: Sequence[Article]) -> Timing:
    start = time.perf_counter()
    n = sum(1 for a in articles for _ in RE_CEILING.finditer(a.text))
    return Timing("one compiled regex (ceiling)", size_mb(articles), time.perf_counter() - start, n)


def time_quantulum(articles: Sequence[Article]) -> Timing | None:
    try:
        from quantulum3 import parser
    except ImportError:
        return None
    parser.parse("warm-up: 5 percent")  # first call loads its models
    start = time.perf_counter()
    n = sum(len(parser.parse(a.text)) for a in articles)
    return Timing("quantulum3.parser.parse", size_mb(articles), time.perf_counter() - start, n)


def time_dateparser(articles: Sequence[Article]) -> Timing | None:
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None
    search_dates("warm-up on 23 September 2022", languages=["en"])
    start = time.perf_counter()
    n = 0
    for a in articles:
        found = search_dates(a.text, languages=[a.language or "en"])
        n += len(found or [])
    return Timing("dateparser.search.search_dates", size_mb(articles), time.perf_counter() - start, n)


# --- hostile input, in a child process with a time limit -----------------------------------


HOSTILE_PARTS = ("masks", "numbers", "calendar", "overlaps", "seconds")


def _hostile_child(mb: float, seed: int, conn: Connection) -> None:
    """Time each part, then the whole ``extract_mentions``; send each time as it is known,
    so that a part that never finishes still leaves the times of those before it."""
    from checker import extract as ex

    text = hostile_text(mb, seed)
    conn.send(("bytes", len(text.encode())))
    found: list[Any] = []
    parts: dict[str, Callable[[], Sequence[Any]]] = {
        "masks": lambda: ex.find_masked_spans(text),
        "numbers": lambda: ex.extract_numbers(text, "hostile", None),
        "calendar": lambda: ex.extract_calendar(text, "hostile", None, None),
        "overlaps": lambda: ex.resolve_overlaps(found),
        "seconds": lambda: ex.extract_mentions(Article(id="hostile", path="hostile.txt", text=text)),
    }
    for name, fn in parts.items():
        start = time.perf_counter()
        got = fn()
        conn.send((name, time.perf_counter() - start))
        if name in ("numbers", "calendar"):
            found.extend(got)
    conn.send(("mentions", len(got)))


def time_hostile(mb: float, seed: int, limit: float) -> dict[str, Any]:
    """Extraction on ``mb`` MB of hostile text as one article, parts first, then the whole.

    Past ``limit`` seconds the child is stopped and the result has ``timeout`` plus the
    times of the parts that finished.
    """
    ctx = mp.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_hostile_child, args=(mb, seed, send))
    deadline = time.perf_counter() + limit
    child.start()
    send.close()
    result: dict[str, Any] = {"mb": mb}
    while "mentions" not in result:
        left = deadline - time.perf_counter()
        if left <= 0 or not receive.poll(left):
            child.terminate()
            result["timeout"] = True
            break
        try:
            key, value = receive.recv()
        except EOFError:  # the child died: an exception in the extractor (its traceback is on stderr)
            result["error"] = "extraction failed"
            break
        result[key] = value
    child.join()
    return result


# --- reporting ------------------------------------------------------------------------------


def table(rows: Sequence[Timing], unit: str = "mentions") -> str:
    lines = [f"{'':34} {'MB':>7} {'seconds':>9} {'MB/s':>9} {unit:>10} {unit + '/s':>12}"]
    for t in rows:
        lines.append(
            f"{t.name:34} {t.mb:7.2f} {t.seconds:9.3f} {t.mb_per_s:9.2f} {t.items:10d} {t.items_per_s:12.0f}"
        )
    return "\n".join(lines)


def environment() -> dict[str, Any]:
    try:
        rev = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
        ).stdout.strip()
    except OSError:
        rev = ""
    return {
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "cpu_count": mp.cpu_count(),
        "git": rev,
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=20.0, help="MB of generated articles (default 20)")
    ap.add_argument("--quick", action="store_true", help="2 MB, hostile up to 2 MB, 50 KB baseline slice")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--slice-kb", type=float, default=200.0, help="KB timed with quantulum3/dateparser")
    ap.add_argument("--hostile", type=float, nargs="*", default=[1, 2, 4, 8, 10], help="hostile MB sizes")
    ap.add_argument("--limit", type=float, default=180.0, help="seconds allowed per hostile size")
    ap.add_argument("--out", type=Path, default=OUT / "bench_extract.json")
    args = ap.parse_args(argv)
    if args.quick:
        args.mb, args.slice_kb, args.hostile = min(args.mb, 2.0), 50.0, [0.05, 0.1, 0.2]

    print(f"generating {args.mb:g} MB of articles (seed {args.seed}) ...", flush=True)
    articles = [to_article(g) for g in iter_articles_by_size(args.mb, args.seed)]
    print(f"{len(articles)} articles, {size_mb(articles):.2f} MB\n", flush=True)

    main_rows = [time_extract(articles), *time_stages(articles), time_ceiling(articles)]
    print(table(main_rows))
    print("mentions by kind:", dict(sorted(main_rows[0].extra.items())), "\n", flush=True)

    slice_articles = [to_article(g) for g in iter_articles_by_size(args.slice_kb / 1000, args.seed)]
    ours = time_extract(slice_articles)
    baselines = [t for t in (time_quantulum(slice_articles), time_dateparser(slice_articles)) if t]
    ratios = {t.name: ours.mb_per_s / t.mb_per_s for t in baselines}
    if baselines:
        print(f"baselines on a {size_mb(slice_articles) * 1000:.0f} KB slice:")
        print(table([ours, *baselines], unit="hits"))
        for name, ratio in ratios.items():
            print(f"  checker is {ratio:.1f}x the speed of {name}")
    else:
        print("baselines skipped: pip install quantulum3 dateparser to time them")
    print(flush=True)

    hostile: list[dict[str, Any]] = []
    print(f"hostile input, one article each (limit {args.limit:g} s per size):")
    print(f"{'MB':>6} " + " ".join(f"{h:>9}" for h in HOSTILE_PARTS) + f" {'s/MB':>8} {'mentions':>9}")
    for mb in args.hostile:
        if any(r.get("timeout") or r.get("error") for r in hostile):
            hostile.append({"mb": mb, "skipped": True})
            print(f"{mb:6g}   skipped (a smaller size failed)")
            continue
        r = time_hostile(mb, args.seed, args.limit)
        hostile.append(r)
        cells = " ".join(f"{r[h]:9.2f}" if h in r else f"{'-':>9}" for h in HOSTILE_PARTS)
        tail = f"{r['seconds'] / mb:8.2f} {r['mentions']:9d}" if "mentions" in r else ""
        status = " TIMEOUT" if r.get("timeout") else " ERROR" if r.get("error") else ""
        print(f"{mb:6g} {cells} {tail}{status}", flush=True)
    print("(masks, numbers, calendar, overlaps: the parts of extract_mentions alone; seconds: all of it)")
    done = [r for r in hostile if "mentions" in r]
    exponent = None
    if len(done) >= 2 and done[-1]["mb"] > done[0]["mb"]:
        # time ~ size^k: k is 1 for linear work, 2 for quadratic
        exponent = math.log(done[-1]["seconds"] / done[0]["seconds"]) / math.log(
            done[-1]["mb"] / done[0]["mb"]
        )
        verdict = "linear" if exponent < 1.25 else "NOT linear"
        print(f"time grows as size^{exponent:.2f} from {done[0]['mb']:g} to {done[-1]['mb']:g} MB: {verdict}")

    report = {
        "environment": environment(),
        "args": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
        "articles": len(articles),
        "throughput": [
            {**asdict(t), "mb_per_s": t.mb_per_s, "items_per_s": t.items_per_s} for t in main_rows
        ],
        "baselines": [
            {**asdict(t), "mb_per_s": t.mb_per_s, "items_per_s": t.items_per_s} for t in [ours, *baselines]
        ],
        "ratios": ratios,
        "hostile": hostile,
        "hostile_size_exponent": exponent,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
