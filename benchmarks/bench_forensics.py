"""Forensics benchmark and power study (a script, not a test).

    .venv/bin/python benchmarks/bench_forensics.py            # everything (~5 minutes on 2 cores)
    .venv/bin/python benchmarks/bench_forensics.py --quick    # timing only

1. Time to load the 2018 Russian table and run 1,000 Monte Carlo replicates on it.
2. False-positive rate of each test on honest synthetic elections (many seeds).
3. Detection power of the integer test against the share of stations with rounded figures,
   and of every test against ballot stuffing.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import numpy as np

from checker.forensics.digits import check_last_digit, check_second_digit
from checker.forensics.integer import check_integer_excess
from checker.forensics.synthetic import synthetic_table
from checker.forensics.table import load_table, read_header, resolve_preset

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "ru-precincts" / "2018.csv.zip"


def bench_2018() -> None:
    t0 = time.perf_counter()
    table = load_table(DATA, resolve_preset("ru-cec-presidential", read_header(DATA), str(DATA)))
    t1 = time.perf_counter()
    res = check_integer_excess(table, replicates=1000, seed=0)
    t2 = time.perf_counter()
    print(
        f"2018: load {t1 - t0:.2f} s ({table.rows_read} rows); 1,000 replicates over {res.n} stations "
        f"{t2 - t1:.1f} s on {os.cpu_count()} cores; excess {res.excess:.1f} (published 1708.8), "
        f"sd {res.mc_sd:.1f}"
    )


def p_values(seed: int, n: int, replicates: int, **kw: float | str) -> tuple[float, float, float]:
    table = synthetic_table(n, seed=seed, **kw)
    ie = check_integer_excess(table, replicates=replicates, seed=seed)
    return (
        ie.p_value,
        check_second_digit(table.leader_votes).p_value,
        check_last_digit(table.leader_votes).p_value,
    )


def false_positives(seeds: int, n: int) -> None:
    ps = np.array([p_values(10_000 + s, n, 1000) for s in range(seeds)])
    print(f"\nHonest elections: {seeds} seeds x {n} stations, 1,000 replicates")
    print("| test | rejected at 0.05 | rejected at 0.001 |\n|---|---|---|")
    for i, name in enumerate(("integer excess", "second digit (2BL)", "last digit")):
        print(f"| {name} | {(ps[:, i] < 0.05).mean():.1%} | {(ps[:, i] < 0.001).mean():.1%} |")


def power(seeds: int, n: int) -> None:
    print(
        f"\nPower ({seeds} seeds x {n} stations, 1,000 replicates): share of elections flagged at alpha 0.001"
    )
    print("| manipulation | share of stations | integer excess | 2BL | last digit |\n|---|---|---|---|---|")
    cases: list[tuple[str, float, dict[str, float | str]]] = [
        ("rounding (both)", s, {"rounding": s, "target": "both"}) for s in (0.0025, 0.005, 0.01, 0.02, 0.05)
    ]
    cases += [("rounding (result)", s, {"rounding": s, "target": "result"}) for s in (0.005, 0.01)]
    cases += [("stuffing 50%", s, {"stuffing": s}) for s in (0.05, 0.2)]
    for label, share, kw in cases:
        ps = np.array([p_values(20_000 + s, n, 1000, **kw) for s in range(seeds)])
        hits = (ps < 0.001).mean(axis=0)
        print(f"| {label} | {share:.2%} | {hits[0]:.0%} | {hits[1]:.0%} | {hits[2]:.0%} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="timing only")
    parser.add_argument("--seeds", type=int, default=100)
    parser.add_argument("--stations", type=int, default=10_000)
    args = parser.parse_args()
    bench_2018()
    if not args.quick:
        false_positives(args.seeds, args.stations)
        power(max(args.seeds // 4, 10), args.stations)


if __name__ == "__main__":
    main()
