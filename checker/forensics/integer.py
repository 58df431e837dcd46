"""Integer-percentage excess (Kobak, Shpilkin & Pshenichnikov 2016).

Officials who write down a result instead of counting it favour round numbers: a
turnout of exactly 70% or a leader's result of exactly 85%. Honest counts land on an
integer percentage only by chance, and how often depends on each station's size, so the
expected number is computed by a binomial Monte Carlo: every station is redrawn at its
own turnout and result, and the integer stations counted again, 1,000 times.

A station is "integer" when its percentage is within ±0.05 points of a whole number,
decided in exact integer arithmetic (no floating-point ties): ``100·k mod n`` is within
``n/20`` of 0 or of ``n``.

Inclusion (as in the paper): at least 100 registered voters, at least one ballot, and
turnout and result both at most 99% (100% stations are integer trivially).
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import ClassVar

import numpy as np
from numpy.typing import NDArray

from checker.forensics.table import IntArray, PrecinctTable
from checker.forensics.verdict import ALPHA, alpha_text, format_p

MIN_REGISTERED = 100
MAX_RATE = 0.99
# Replicates drawn at once: a (50, n) binomial draw over 95,000 stations is ~40 MB of
# int64, small enough for a laptop and large enough to keep numpy busy.
BATCH = 50


@dataclass(frozen=True, slots=True)
class IntegerExcess:
    """Observed integer stations minus the Monte Carlo expectation.

    ``excess`` is for stations whose turnout *or* result is integer (the headline number),
    ``excess_result`` and ``excess_turnout`` split it. ``mc_sd`` and ``mc_99_9`` describe
    the null distribution of the turnout-or-result excess (its standard deviation and its
    99.9th percentile), ``p_value`` is the one-sided Monte Carlo p-value
    ``(1 + #{null >= observed}) / (replicates + 1)``.
    """

    n: int
    observed: int
    observed_result: int
    observed_turnout: int
    expected: float
    expected_result: float
    expected_turnout: float
    excess: float
    excess_result: float
    excess_turnout: float
    mc_sd: float
    mc_99_9: float
    p_value: float
    exceeded: int  # replicates whose excess reached the observed one
    replicates: int
    seed: int
    null_excess: tuple[float, ...]  # one value per replicate, for the plot
    summary: str

    name: ClassVar[str] = "integer_excess"
    title: ClassVar[str] = "Integer-percentage excess"
    alpha: ClassVar[float] = ALPHA
    statistic_name: ClassVar[str] = "excess_turnout_or_result"

    @property
    def statistic(self) -> float:
        return self.excess

    @property
    def log10_p(self) -> float:
        return float(np.log10(self.p_value))

    @property
    def p_text(self) -> str:
        return format_p(self.p_value, self.exceeded, self.replicates)

    @property
    def flagged(self) -> bool:
        return self.p_value < ALPHA


def is_integer_percent(k: IntArray, n: IntArray) -> NDArray[np.bool_]:
    """Whether ``k/n`` is within ±0.05 points of a whole percentage (exact, ``n > 0``).

    >>> is_integer_percent(np.array([700, 701, 3304, 1]), np.array([1000, 1000, 10000, 3])).tolist()
    [True, False, True, False]
    """
    r = (100 * k) % n
    return (20 * r <= n) | (20 * r >= 19 * n)


def _included(table: PrecinctTable) -> NDArray[np.bool_]:
    reg, iss, bal, lead = table.registered, table.issued, table.ballots, table.leader_votes
    # Compared in integers: issued/registered <= 0.99  <=>  100·issued <= 99·registered.
    return (
        (reg >= MIN_REGISTERED) & (bal > 0) & (iss > 0) & (100 * iss <= 99 * reg) & (100 * lead <= 99 * bal)
    )


def _null_counts(
    seed_seq: np.random.SeedSequence,
    size: int,
    registered: IntArray,
    p_turnout: NDArray[np.float64],
    ballots: IntArray,
    p_result: NDArray[np.float64],
) -> IntArray:
    """(size, 3) integer-station counts: turnout-or-result, result, turnout."""
    rng = np.random.default_rng(seed_seq)
    t = is_integer_percent(rng.binomial(registered, p_turnout, size=(size, registered.size)), registered)
    r = is_integer_percent(rng.binomial(ballots, p_result, size=(size, ballots.size)), ballots)
    return np.stack([(t | r).sum(axis=1), r.sum(axis=1), t.sum(axis=1)], axis=1)


def check_integer_excess(
    table: PrecinctTable, replicates: int = 1000, seed: int = 0, workers: int | None = None
) -> IntegerExcess:
    """Count integer-percentage stations and compare with a binomial Monte Carlo null.

    Each batch of replicates has its own child seed, so the result is the same for any
    number of ``workers`` (threads: numpy releases the GIL while drawing).

    >>> from checker.forensics.synthetic import synthetic_table
    >>> res = check_integer_excess(synthetic_table(2000, seed=1), replicates=100)
    >>> res.n > 1500 and res.p_value > 0.001
    True
    """
    keep = _included(table)
    reg = table.registered[keep]
    iss = table.issued[keep]
    bal = table.ballots[keep]
    lead = table.leader_votes[keep]
    n = int(keep.sum())
    t_obs = is_integer_percent(iss, reg) if n else np.zeros(0, bool)
    r_obs = is_integer_percent(lead, bal) if n else np.zeros(0, bool)
    observed = np.array([(t_obs | r_obs).sum(), r_obs.sum(), t_obs.sum()], dtype=np.int64)
    sizes = [min(BATCH, replicates - i) for i in range(0, replicates, BATCH)]
    children = np.random.SeedSequence(seed).spawn(len(sizes))
    p_t = iss / reg if n else np.zeros(0)
    p_r = lead / bal if n else np.zeros(0)
    workers = workers or min(len(sizes), os.cpu_count() or 1)
    if workers > 1:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            parts = list(
                pool.map(
                    lambda a: _null_counts(a[0], a[1], reg, p_t, bal, p_r), zip(children, sizes, strict=True)
                )
            )
    else:
        parts = [_null_counts(c, s, reg, p_t, bal, p_r) for c, s in zip(children, sizes, strict=True)]
    null = np.concatenate(parts, axis=0).astype(np.float64)
    expected = null.mean(axis=0)
    excess = observed - expected
    null_excess = null[:, 0] - expected[0]
    exceeded = int((null[:, 0] >= observed[0]).sum())
    p_value = (1 + exceeded) / (replicates + 1)
    sd = float(null[:, 0].std(ddof=1)) if replicates > 1 else 0.0
    q999 = float(np.percentile(null_excess, 99.9))
    p_text = format_p(p_value, exceeded, replicates)
    verdict = "more than" if p_value < ALPHA else "no more than"
    if n == 0:
        summary = (
            "No station qualifies for the integer test (at least 100 registered, a ballot cast, "
            "turnout and result at most 99%); check the column mapping. No verdict."
        )
    else:
        summary = (
            f"{int(observed[0])} of {n} stations have an integer turnout or result; an honest count "
            f"would give about {expected[0]:.0f} (Monte Carlo sd {sd:.0f}), an excess of {excess[0]:.0f} "
            f"(result {excess[1]:.0f}, turnout {excess[2]:.0f}): {verdict} chance at {alpha_text()} "
            f"({p_text}). A large excess means figures were written down rather than counted at some "
            "stations; it does not show which stations, who changed them, or that the overall "
            "result would differ."
        )
    return IntegerExcess(
        n=n,
        observed=int(observed[0]),
        observed_result=int(observed[1]),
        observed_turnout=int(observed[2]),
        expected=float(expected[0]),
        expected_result=float(expected[1]),
        expected_turnout=float(expected[2]),
        excess=float(excess[0]),
        excess_result=float(excess[1]),
        excess_turnout=float(excess[2]),
        mc_sd=sd,
        mc_99_9=q999,
        p_value=p_value,
        exceeded=exceeded,
        replicates=replicates,
        seed=seed,
        null_excess=tuple(float(x) for x in null_excess),
        summary=summary,
    )
