"""Time load + extract + bind on hostile text of growing size; print seconds per MB.

Linear code gives a roughly constant time per MB as the size doubles; a super-linear step
shows as a growing column. Each pattern is written to one file (one article) of 1, 2, 4
and 8 MB and run through the loader, the extractors and the binder, each size in a child
process that is stopped after ``--budget`` seconds; a pattern stops growing at the first
size over budget (the next would take at least twice as long).

    .venv/bin/python -m benchmarks.bench_hostile
    .venv/bin/python -m benchmarks.bench_hostile --sizes 1 2 4 8 --budget 120 --only prose digit-run

``--exponents`` reports instead how time grows with the size, per shape and stage: each
shape (the patterns above, the hostile HTML ones, the sentence splitter and cleaner) is
timed at 1x, 4x and 16x a base size (``--base``, in KB), best of ``--repeats`` runs, and
the exponent k of time ~ size^k is printed for 1x->4x and 4x->16x. Linear code gives k
near 1 (below 1 while fixed costs dominate); a quadratic step gives k near 2. These are
the measurements that used to run as timed unit tests (tests/robustness/test_hostile_text.py
keeps them as ``slow`` size-ratio checks).

    .venv/bin/python -m benchmarks.bench_hostile --exponents
    .venv/bin/python -m benchmarks.bench_hostile --exponents --base 25 --only digit-run unclosed-meta
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import math
import multiprocessing
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from checker.bind import bind_mentions
from checker.checks import check_article
from checker.extract import extract_mentions
from checker.load import clean_text, extract_html_text, iter_articles, parse_front_matter
from checker.model import Article
from checker.reference import load_reference
from checker.sentences import split_sentences

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
    # Shapes that once made bind or the checks quadratic (issue 18): one figure restated
    # with two values (every pair compared), one value restated, share-and-count pairs in
    # one paragraph (the paragraph sliced per pair), figures that bind to nothing (each
    # looked back over every earlier claim).
    "restated": "In Kherson, 93% voted yes in the referendum. In Kherson, 87% voted yes in the referendum. ",
    "restated-one": "In Kherson, 93% voted yes in the referendum. ",
    "share-count": "Putin won 87.28%, or 76,277,708 votes, and Kharitonov won 4.31%, or 3,768,470 votes. ",
    "unbound": "Turnout was 58% in the town. ",
}


# Markup that once made HTML parsers quadratic (the stdlib parser on unclosed tags).
HTML_PATTERNS: dict[str, str] = {
    "unclosed-meta": "<meta <meta ",
    "nested-divs": "<div><p>1% ",
    "unclosed-comments": "<!-- <p>5%</p> ",
    "attribute-soup": "<p a=\"1\" b='2' c=3 d ",
    "cdata": "<![CDATA[ 9% ",
    "entities": "&amp;&#37;&percnt;&#x25;58 ",
}
FACTORS = (1, 4, 16)


def size_exponent(small_s: float, large_s: float, factor: float) -> float:
    """The k of time ~ size^k between two runs, ``factor`` times apart in size.

    >>> round(size_exponent(0.5, 2.0, 4), 2), round(size_exponent(0.5, 8.0, 4), 2)
    (1.0, 2.0)
    """
    return math.log(max(large_s, 1e-9) / max(small_s, 1e-9)) / math.log(factor)


def _best(work: Callable[[], object], repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        gc.collect()
        gc.disable()  # a collection landing in one run only is noise, not growth
        try:
            start = time.perf_counter()
            work()
            best = min(best, time.perf_counter() - start)
        finally:
            gc.enable()
    return best


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _stages(shape: str, text: str) -> dict[str, Callable[[], object]]:
    """The stages timed for a shape: extract, bind and the per-article checks for text, HTML
    reduction for markup."""
    if shape in HTML_PATTERNS:
        page = "<html><body>" + text
        return {"html": lambda: extract_html_text(page)}
    article = Article(id="h", path="h", text=text, published=dt.date(2024, 3, 21), language="en")
    mentions = extract_mentions(article)
    ref = load_reference([])
    claims = bind_mentions(article, mentions, ref)
    return {
        "sentences": lambda: (split_sentences(text), clean_text(text), parse_front_matter("---\n" + text)),
        "extract": lambda: extract_mentions(article),
        "bind": lambda: bind_mentions(article, mentions, ref),
        "check": lambda: check_article(article, claims, ref),
    }


def exponents(base_kb: float, repeats: int, names: list[str]) -> None:
    """Print, per shape and stage, the seconds at 1x/4x/16x the base size and the exponents."""
    print(f"{'shape':<18} {'stage':<10} " + " ".join(f"{f'{f}x s':>8}" for f in FACTORS) + "  k 1-4  k 4-16")
    for shape in names:
        unit = PATTERNS.get(shape) or HTML_PATTERNS[shape]
        seconds: dict[str, list[float]] = {}
        for factor in FACTORS:
            for stage, work in _stages(shape, _repeat(unit, int(base_kb * 1024 * factor))).items():
                if factor == FACTORS[0]:
                    work()  # warm up: imports and caches are not growth
                seconds.setdefault(stage, []).append(_best(work, repeats))
        for stage, (s1, s4, s16) in seconds.items():
            print(
                f"{shape:<18} {stage:<10} {s1:>8.3f} {s4:>8.3f} {s16:>8.3f}  "
                f"{size_exponent(s1, s4, 4):>5.2f}  {size_exponent(s4, s16, 4):>5.2f}",
                flush=True,
            )


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
    parser.add_argument(
        "--only", nargs="+", choices=sorted({*PATTERNS, *HTML_PATTERNS}), help="patterns to run"
    )
    parser.add_argument("--exponents", action="store_true", help="size exponents at 1x/4x/16x per shape")
    parser.add_argument("--base", type=float, default=10.0, help="--exponents: base size in KB")
    parser.add_argument("--repeats", type=int, default=2, help="--exponents: best of this many runs")
    args = parser.parse_args(argv)
    if args.exponents:
        exponents(args.base, args.repeats, args.only or [*PATTERNS, *HTML_PATTERNS])
        return
    names = [n for n in args.only or PATTERNS if n in PATTERNS]
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
