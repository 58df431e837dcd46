"""Time load + extract + bind on hostile text of growing size; print seconds per MB.

Linear code gives a roughly constant time per MB as the size doubles; a super-linear step
shows as a growing column. Each pattern is written to one file (one article) of 1, 2, 4
and 8 MB and run through the loader, the extractors and the binder, each size in a child
process that is stopped after ``--budget`` seconds; a pattern stops growing at the first
size over budget (the next would take at least twice as long).

    .venv/bin/python -m benchmarks.bench_hostile
    .venv/bin/python -m benchmarks.bench_hostile --sizes 1 2 4 8 --budget 120 --only prose digit-run
"""

from __future__ import annotations

import argparse
import multiprocessing
import tempfile
import time
from pathlib import Path

from checker.bind import bind_mentions
from checker.extract import extract_mentions
from checker.load import iter_articles
from checker.model import Article
from checker.reference import load_reference

MB = 1024 * 1024

# Patterns repeated to the target size. "prose" is ordinary text with a figure every ~60
# sentences (what a long real page looks like); the others are adversarial.
PATTERNS: dict[str, str] = {
    "prose": "The committee met again in the capital and the talks went on late into the evening. " * 60
    + "Turnout was 58% in the town. ",
    "digit-run": "12345678901234567890",
    "separators": "1,234.5 6 7.890,12 ",
    "percent-signs": "%% 5% %%% ",
    "month-names": "September March May 23 Sept. ",
    "nested-parens": "((((((((((58%",
    "more-than": "more than more than more than 58% ",
    "number-words": "five hundred thousand and twenty ",
    "short-sentences": "Turnout was 58% in Crimea on 16 March 2014. ",
}


def _run(path: Path) -> tuple[float, float, float, int]:
    ref = load_reference([])
    start = time.perf_counter()
    (article,) = iter_articles([path])
    loaded = time.perf_counter()
    assert isinstance(article, Article), article
    mentions = extract_mentions(article)
    extracted = time.perf_counter()
    bind_mentions(article, mentions, ref)
    bound = time.perf_counter()
    return loaded - start, extracted - loaded, bound - extracted, len(mentions)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 2, 4, 8], help="sizes in MB")
    parser.add_argument("--budget", type=float, default=60.0, help="stop growing a pattern after this many s")
    parser.add_argument("--only", nargs="+", choices=sorted(PATTERNS), help="patterns to run")
    args = parser.parse_args(argv)
    names = args.only or list(PATTERNS)
    print(
        f"{'pattern':<16} {'MB':>4} {'mentions':>9} {'load s':>7} {'extract s':>9} {'bind s':>8} {'s/MB':>7}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            unit = PATTERNS[name]
            for size in args.sizes:
                n = int(size * MB)
                path = Path(tmp) / f"{name}.txt"
                path.write_text((unit * (n // len(unit) + 1))[:n], encoding="utf-8")
                with multiprocessing.Pool(1) as pool:
                    job = pool.apply_async(_run, (path,))
                    try:
                        load_s, extract_s, bind_s, count = job.get(timeout=args.budget)
                    except multiprocessing.TimeoutError:
                        pool.terminate()
                        print(f"{name:<16} {size:>4g} over the {args.budget:g} s budget: stopped", flush=True)
                        break
                total = load_s + extract_s + bind_s
                print(
                    f"{name:<16} {size:>4g} {count:>9} {load_s:>7.2f} {extract_s:>9.2f} {bind_s:>8.2f} "
                    f"{total / size:>7.2f}",
                    flush=True,
                )
                if total > args.budget:
                    print(f"{name:<16} over the {args.budget:g} s budget: larger sizes skipped", flush=True)
                    break


if __name__ == "__main__":
    main()
