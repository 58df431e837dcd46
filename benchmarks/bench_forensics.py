"""Forensics benchmark and power study (a script, not a test).

    .venv/bin/python -m benchmarks.bench_forensics             # everything (~10 minutes on 2 cores)
    .venv/bin/python -m benchmarks.bench_forensics --quick     # timing only

1. Time to load the 2018 Russian table and run 1,000 Monte Carlo replicates on it.
2. Rejection rate of every test on synthetic elections of 10,000 and 100,000 stations:
   clean (the false-positive rate), rounding in 0.5/1/2% of stations, ballot stuffing in
   5/10/20% of stations (half of the non-voters added for the leader). Seeded; the
   integer test runs with 300 Monte Carlo replicates here (its p-value floor is 1/301, so
   the table is read at alpha 0.05 and 0.01; the command's verdicts use 0.001 with 1,000).
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import numpy as np

from checker.forensics.digits import check_last_digit, check_second_digit, honest_reference
from checker.forensics.fingerprint import check_fingerprint
from checker.forensics.integer import check_integer_excess
from checker.forensics.synthetic import synthetic_table
from checker.forensics.table import load_table, read_header, resolve_preset

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "ru-precincts" / "2018.csv.zip"
TESTS = ("integer excess", "fingerprint corner", "2BL mean", "last digit")
CASES: tuple[tuple[str, dict[str, float | str]], ...] = (
    ("clean", {}),
    ("rounding 0.5%", {"rounding": 0.005}),
    ("rounding 1%", {"rounding": 0.01}),
    ("rounding 2%", {"rounding": 0.02}),
    ("stuffing 5%", {"stuffing": 0.05}),
    ("stuffing 10%", {"stuffing": 0.1}),
    ("stuffing 20%", {"stuffing": 0.2}),
)
MC_REPLICATES = 300


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


def p_values(seed: int, n: int, **kw: float | str) -> tuple[float, float, float, float]:
    table = synthetic_table(n, seed=seed, **kw)
    ref = honest_reference(table.leader_votes, table.ballots, 200, seed)
    return (
        check_integer_excess(table, replicates=MC_REPLICATES, seed=seed).p_value,
        check_fingerprint(table, seed=seed).p_value,
        check_second_digit(table.leader_votes, ballots=table.ballots, reference=ref).p_value,
        check_last_digit(table.leader_votes, ballots=table.ballots, reference=ref).p_value,
    )


def study(n: int, clean_seeds: int, seeds: int) -> None:
    print(f"\n{n:,} stations ({clean_seeds} clean seeds, {seeds} per manipulation):")
    print("| case | " + " | ".join(f"{t} (0.05 / 0.01)" for t in TESTS) + " |")
    print("|---|" + "---|" * len(TESTS))
    for label, kw in CASES:
        count = clean_seeds if not kw else seeds
        t0 = time.perf_counter()
        ps = np.array([p_values(50_000 + s, n, **kw) for s in range(count)])
        cells = [
            f"{(ps[:, i] < 0.05).mean():.0%} / {(ps[:, i] < 0.01).mean():.0%}" for i in range(len(TESTS))
        ]
        print(
            f"| {label} | " + " | ".join(cells) + f" |  <!-- {time.perf_counter() - t0:.0f} s -->", flush=True
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="timing only")
    parser.add_argument("--seeds", type=int, default=20, help="elections per manipulation at 10,000 stations")
    args = parser.parse_args()
    bench_2018()
    if not args.quick:
        study(10_000, clean_seeds=2 * args.seeds, seeds=args.seeds)
        study(100_000, clean_seeds=max(args.seeds // 2, 4), seeds=max(args.seeds // 4, 3))


if __name__ == "__main__":
    main()
