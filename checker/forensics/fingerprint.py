"""The turnout vs leader's result "fingerprint" (Klimek, Yegorov, Hanel & Thurner 2012).

In a clean election the stations form one roughly round cloud: turnout and the leader's
result vary, but not together. Ballot stuffing moves stations up and to the right at
once, smearing the cloud toward (100%, 100%) and correlating turnout with result. The
marginal histograms at 0.1-point bins show the integer-percentage peaks of
:mod:`checker.forensics.integer`.

The figure is a picture to look at, not a test: a positive correlation also arises when
the leader is simply more popular where turnout is high (rural areas, some regions).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import numpy as np
from numpy.typing import NDArray

from checker.forensics.table import PrecinctTable

# Corner that ballot stuffing fills: both turnout and result at or above this share.
HIGH = 0.8


@dataclass(frozen=True, slots=True, eq=False)
class Fingerprint:
    """2-D station counts at 1-point bins and marginal counts at 0.1-point bins (0-100%).

    ``statistic`` is the Pearson correlation of turnout and result across stations
    (weighted by voters), ``high_corner`` the share of voters in stations with turnout and
    result both >= 80%. No p-value: the figure has no null model.
    """

    n: int
    statistic: float
    high_corner: float
    grid: NDArray[np.int64]  # (100, 100): rows = turnout bins, columns = result bins
    turnout_hist: NDArray[np.int64]  # (1000,)
    result_hist: NDArray[np.int64]  # (1000,)
    leader: str
    summary: str

    name: ClassVar[str] = "fingerprint"
    title: ClassVar[str] = "Turnout vs result fingerprint"
    p_value: ClassVar[None] = None


def _hist(values: NDArray[np.float64], bins: int) -> NDArray[np.int64]:
    # A value exactly at 100% belongs to the last bin, not to a bin beyond it.
    idx = np.minimum((values * bins).astype(np.int64), bins - 1)
    return np.bincount(idx, minlength=bins).astype(np.int64)


def check_fingerprint(table: PrecinctTable) -> Fingerprint:
    """Bin stations by turnout and leader's result (stations with voters and ballots only).

    >>> from checker.forensics.synthetic import synthetic_table
    >>> fp = check_fingerprint(synthetic_table(3000, seed=2))
    >>> bool(fp.grid.sum() == fp.n), fp.turnout_hist.size
    (True, 1000)
    """
    keep = (table.registered > 0) & (table.ballots > 0)
    turnout = np.clip(table.turnout()[keep], 0.0, 1.0)
    result = np.clip(table.result()[keep], 0.0, 1.0)
    weights = table.issued[keep].astype(np.float64)
    n = int(keep.sum())
    if n > 1 and weights.sum() > 0 and turnout.std() > 0 and result.std() > 0:
        cov = np.cov(turnout, result, aweights=weights if weights.sum() else None)
        corr = float(cov[0, 1] / np.sqrt(cov[0, 0] * cov[1, 1]))
    else:
        corr = float("nan")
    corner = (turnout >= HIGH) & (result >= HIGH)
    high = float(weights[corner].sum() / weights.sum()) if weights.sum() else float("nan")
    grid_idx = np.minimum((turnout * 100).astype(np.int64), 99) * 100 + np.minimum(
        (result * 100).astype(np.int64), 99
    )
    grid = np.bincount(grid_idx, minlength=10000).reshape(100, 100).astype(np.int64)
    summary = (
        f"Across {n} stations the correlation of turnout with {table.leader_name}'s result is "
        f"{corr:.2f} (voter-weighted) and {100 * high:.1f}% of voters are at stations where both "
        "exceed 80%. A cloud smeared toward the top right corner is what ballot stuffing looks "
        "like; the same shape can come from honest differences between places, so this is a "
        "picture to read with local knowledge, not a test."
    )
    return Fingerprint(
        n=n,
        statistic=corr,
        high_corner=high,
        grid=grid,
        turnout_hist=_hist(turnout, 1000),
        result_hist=_hist(result, 1000),
        leader=table.leader_name,
        summary=summary,
    )
