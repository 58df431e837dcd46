"""Synthetic precinct tables: honest elections and elections with injected manipulation.

Our own data for examples, tests and power measurements (the real Russian tables are
read from ``../shared`` and never copied). Everything is drawn from one seeded numpy
``Generator``, so a seed always gives the same table.

Honest model. Stations belong to regions; a region has its own mean turnout and its own
support for each candidate, and each station varies around its region (on the logit
scale). Station sizes are log-normal (a few dozen to several thousand voters). Then
ballots issued ~ Binomial(registered, turnout), invalid ~ Binomial(issued, 1.5%), and the
valid ballots are split between candidates by a multinomial draw. That gives binomial
noise around heterogeneous rates, which is what the integer-percentage null assumes.

Manipulation, each in a chosen share of stations:

* ``stuffing``: a share ``stuffing_rate`` of the voters who stayed home "vote" for the
  leader (Klimek et al.'s model): turnout and result rise together.
* ``rounding``: figures are written to a whole-percentage target, the next integer
  percentage at or above the honest figure: extra ballots for the leader bring the turnout
  to the target (``"turnout"``), votes moved from other candidates to the leader bring the
  result to it (``"result"``), or both (``"both"``).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from checker.forensics.table import IntArray, PrecinctTable

Target = Literal["turnout", "result", "both"]

CANDIDATES = ("Alder", "Birch", "Cedar", "Dogwood")
# Mean support on the logit scale: Alder leads with about half the vote.
BASE_LOGITS = np.array([1.0, 0.2, -0.2, -0.9])
SYNTHETIC_COLUMNS = (
    "station",
    "region",
    "registered",
    "issued_early",
    "issued_station",
    "issued_outside",
    "invalid",
    "valid",
)
STATIONS_PER_REGION = 400


@dataclass(frozen=True, slots=True, eq=False)
class SyntheticElection:
    """A generated table with the split of issued ballots and which stations were altered."""

    table: PrecinctTable
    issued_early: IntArray
    issued_outside: IntArray
    stuffed: NDArray[np.bool_]
    rounded: NDArray[np.bool_]


def _logistic(x: NDArray[np.float64]) -> NDArray[np.float64]:
    return np.asarray(1.0 / (1.0 + np.exp(-x)), dtype=np.float64)


def generate_election(
    n_stations: int = 10_000,
    seed: int = 0,
    *,
    stuffing: float = 0.0,
    stuffing_rate: float = 0.5,
    rounding: float = 0.0,
    target: Target = "both",
) -> SyntheticElection:
    """Generate one election; ``stuffing``/``rounding`` are the shares of stations altered.

    >>> e = generate_election(1000, seed=3, rounding=0.2)
    >>> e.table.n, int(e.rounded.sum()) > 150
    (1000, True)
    """
    if not (0 <= stuffing <= 1 and 0 <= rounding <= 1 and 0 <= stuffing_rate <= 1):
        raise ValueError("stuffing, stuffing_rate and rounding are shares between 0 and 1")
    rng = np.random.default_rng(seed)
    n_regions = max(1, n_stations // STATIONS_PER_REGION)
    region = rng.integers(0, n_regions, n_stations)
    region_turnout = rng.normal(0.3, 0.4, n_regions)  # logit scale: 45%-70% typical
    region_support = BASE_LOGITS + rng.normal(0.0, 0.35, (n_regions, BASE_LOGITS.size))

    registered = np.clip(np.rint(rng.lognormal(np.log(1200), 0.7, n_stations)), 20, 8000).astype(np.int64)
    turnout = _logistic(region_turnout[region] + rng.normal(0.0, 0.35, n_stations))
    logits = region_support[region] + rng.normal(0.0, 0.3, (n_stations, BASE_LOGITS.size))
    shares = np.exp(logits)
    shares /= shares.sum(axis=1, keepdims=True)

    issued = rng.binomial(registered, turnout)
    early = rng.binomial(issued, 0.03)
    outside = rng.binomial(issued - early, 0.06)
    invalid = rng.binomial(issued, 0.015)
    valid = issued - invalid
    votes = rng.multinomial(valid, shares).astype(np.int64)

    stuffed = rng.random(n_stations) < stuffing
    if stuffed.any():
        extra = rng.binomial(registered[stuffed] - issued[stuffed], stuffing_rate)
        issued[stuffed] += extra
        valid[stuffed] += extra
        votes[stuffed, 0] += extra

    rounded = rng.random(n_stations) < rounding
    if rounded.any() and target in ("turnout", "both"):
        _round_turnout(rounded, registered, issued, valid, votes)
    if rounded.any() and target in ("result", "both"):
        _round_result(rounded, valid + invalid, votes)

    station_issued = issued - early - outside
    table = PrecinctTable(
        name=f"synthetic-{seed}",
        registered=registered,
        issued=early + station_issued + outside,
        valid=valid,
        invalid=invalid,
        votes=votes,
        candidates=CANDIDATES,
        leader=0,
        rows_read=n_stations,
        groups=region.astype(np.int64),
    )
    return SyntheticElection(table, early, outside, stuffed, rounded)


def _round_turnout(
    chosen: NDArray[np.bool_], registered: IntArray, issued: IntArray, valid: IntArray, votes: IntArray
) -> None:
    # Next whole percentage at or above the honest turnout, reached with ballots for the leader.
    pct = np.ceil(100 * issued[chosen] / registered[chosen])
    wanted = np.rint(pct * registered[chosen] / 100).astype(np.int64)
    extra = np.clip(wanted - issued[chosen], 0, None)
    issued[chosen] += extra
    valid[chosen] += extra
    votes[chosen, 0] += extra


def _round_result(chosen: NDArray[np.bool_], ballots: IntArray, votes: IntArray) -> None:
    # Votes move from the other candidates (largest first) until the leader's result is
    # the next whole percentage; a station without enough other votes keeps what it has.
    for i in np.flatnonzero(chosen & (ballots > 0)):
        pct = np.ceil(100 * votes[i, 0] / ballots[i])
        need = int(np.rint(pct * ballots[i] / 100)) - int(votes[i, 0])
        if need <= 0 or need > votes[i, 1:].sum():
            continue
        votes[i, 0] += need
        for j in np.argsort(-votes[i, 1:]) + 1:
            take = min(need, int(votes[i, j]))
            votes[i, j] -= take
            need -= take
            if need == 0:
                break


def synthetic_table(n_stations: int = 10_000, seed: int = 0, **kwargs: float | str) -> PrecinctTable:
    """Just the table of :func:`generate_election` (same arguments).

    >>> synthetic_table(500, seed=1).n
    500
    """
    return generate_election(n_stations, seed, **kwargs).table  # type: ignore[arg-type]


def write_synthetic_csv(election: SyntheticElection, path: Path) -> Path:
    """Write the election as a CSV in the layout of the ``synthetic`` preset (I/O)."""
    t = election.table
    station_issued = t.issued - election.issued_early - election.issued_outside
    cols = np.column_stack(
        [
            np.zeros(t.n, dtype=np.int64) if t.groups is None else t.groups,
            t.registered,
            election.issued_early,
            station_issued,
            election.issued_outside,
            t.invalid,
            t.valid,
            t.votes,
        ]
    )
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow([*SYNTHETIC_COLUMNS, *t.candidates])
        for i, (region, *row) in enumerate(cols.tolist(), start=1):
            writer.writerow([f"S{i:05d}", f"R{region:03d}", *row])
    return path


# The example tables in examples/forensics/: (file name, arguments of generate_election).
EXAMPLES: tuple[tuple[str, dict[str, float | str]], ...] = (
    ("honest.csv", {}),
    ("rounded.csv", {"rounding": 0.15, "target": "both"}),
    ("stuffed.csv", {"stuffing": 0.2, "stuffing_rate": 0.6}),
)


def write_examples(folder: Path, n_stations: int = 1000, seed: int = 2024) -> list[Path]:
    """Write the example tables of examples/forensics (I/O; same files every time).

    Regenerate with ``python -c "from pathlib import Path; from checker.forensics.synthetic
    import write_examples; write_examples(Path('examples/forensics'))"``.
    """
    folder.mkdir(parents=True, exist_ok=True)
    return [
        write_synthetic_csv(generate_election(n_stations, seed, **kw), folder / name)  # type: ignore[arg-type]
        for name, kw in EXAMPLES
    ]
