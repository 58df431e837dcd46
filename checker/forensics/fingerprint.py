"""The turnout vs leader's result "fingerprint" (Klimek, Yegorov, Hanel & Thurner 2012).

In a clean election the stations form one roughly round cloud: turnout and the leader's
result vary, but not together. Ballot stuffing moves stations up and to the right at
once, smearing the cloud toward (100%, 100%). The marginal histograms at 0.1-point bins
show the integer-percentage peaks of :mod:`checker.forensics.integer`.

The whole-table correlation is no test: places differ, and on our generator an honest
10,000-station election (25 regions) reached r = 0.23 by where its regions happened to
fall, while 20% stuffing gave a median 0.26. The calibrated statistic is the **corner
excess within districts**: in each district (a territorial commission, a region of our
generator) the stations in the top fifth by turnout and the top fifth by result are
counted, and compared with what pairing turnout and result at random within the district
gives. Under that null the count of each district is hypergeometric, so the total has an
exact mean and variance, and the one-sided p-value is the normal tail of
``(observed - expected - 0.5) / sd``. Honest differences *between* districts do not move
it; stuffing, which raises turnout and result of the same stations, fills the corner.
Honest differences *within* a district (town and village polling stations of one
commission) can, so it too is a screen. Without district columns the whole table is one
district and geography counts against it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import numpy as np
from numpy.typing import NDArray
from scipy import stats

from checker.forensics.table import IntArray, PrecinctTable
from checker.forensics.verdict import ALPHA, alpha_text, format_p

# Corner that ballot stuffing fills (descriptive): both turnout and result at or above this share.
HIGH = 0.8
# The calibrated corner: the top fifth of a district's stations by turnout and by result.
TOP = 0.2


@dataclass(frozen=True, slots=True, eq=False)
class Fingerprint:
    """2-D station counts at 1-point bins and marginal counts at 0.1-point bins (0-100%).

    ``statistic`` is the corner excess within districts: stations in both top fifths beyond
    what random pairing gives, as a share of the stations in the top fifths by turnout
    (0: none beyond chance; 0.8 at most). ``corner_*`` are the counts behind it and
    ``p_value`` its one-sided p. ``correlation`` (voter-weighted Pearson of turnout and
    result) and ``high_corner`` (share of voters where both exceed 80%) describe the picture.
    """

    n: int
    statistic: float
    corner_observed: int
    corner_expected: float
    corner_sd: float
    top_turnout: int
    districts: int
    p_value: float
    log10_p: float
    correlation: float
    high_corner: float
    grid: NDArray[np.int64]  # (100, 100): rows = turnout bins, columns = result bins
    turnout_hist: NDArray[np.int64]  # (1000,)
    result_hist: NDArray[np.int64]  # (1000,)
    leader: str
    summary: str

    name: ClassVar[str] = "fingerprint"
    title: ClassVar[str] = "Turnout vs result fingerprint"
    alpha: ClassVar[float] = ALPHA
    statistic_name: ClassVar[str] = "corner_excess_within_districts"

    @property
    def flagged(self) -> bool:
        return self.p_value < ALPHA

    @property
    def p_text(self) -> str:
        return format_p(self.p_value, log10=self.log10_p)


def _hist(values: NDArray[np.float64], bins: int) -> NDArray[np.int64]:
    # A value exactly at 100% belongs to the last bin, not to a bin beyond it.
    idx = np.minimum((values * bins).astype(np.int64), bins - 1)
    return np.bincount(idx, minlength=bins).astype(np.int64)


def _top_in_group(
    values: NDArray[np.float64], groups: IntArray, key: NDArray[np.float64]
) -> NDArray[np.bool_]:
    """Whether each station is among the top ``TOP`` share of its district (ties: random key)."""
    sizes = np.bincount(groups)
    start = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    order = np.lexsort((key, -values, groups))
    rank = np.empty(values.size, dtype=np.int64)
    rank[order] = np.arange(values.size) - start[groups[order]]
    k = np.floor(TOP * sizes).astype(np.int64)
    return np.asarray(rank < k[groups])


def corner_test(
    turnout: NDArray[np.float64], result: NDArray[np.float64], groups: IntArray, seed: int = 0
) -> tuple[int, float, float, int]:
    """Observed and expected count in both top fifths within districts, its sd, top-fifth size.

    >>> rng = np.random.default_rng(0)
    >>> t = rng.random(5000)
    >>> obs, exp, sd, k = corner_test(t, t, np.zeros(5000, dtype=np.int64))
    >>> obs, exp, k
    (1000, 200.0, 1000)
    """
    rng = np.random.default_rng(np.random.SeedSequence([seed, 3]))
    _, g = np.unique(groups, return_inverse=True)
    g = g.astype(np.int64)
    top_t = _top_in_group(turnout, g, rng.random(turnout.size))
    top_r = _top_in_group(result, g, rng.random(result.size))
    n_g = np.bincount(g).astype(np.float64)
    k_g = np.floor(TOP * n_g)
    use = n_g > 1
    n_u, k_u = n_g[use], k_g[use]
    expected = float((k_u**2 / n_u).sum())
    var = float((k_u**2 * (n_u - k_u) ** 2 / (n_u**2 * (n_u - 1))).sum())
    return int((top_t & top_r).sum()), expected, float(np.sqrt(var)), int(k_g.sum())


def check_fingerprint(table: PrecinctTable, seed: int = 0) -> Fingerprint:
    """Bin stations by turnout and leader's result, and test the corner within districts.

    Stations with voters and ballots only; turnout above 100% (impossible, warned at load)
    is drawn at 100%.

    >>> from checker.forensics.synthetic import synthetic_table
    >>> fp = check_fingerprint(synthetic_table(3000, seed=2))
    >>> bool(fp.grid.sum() == fp.n), fp.turnout_hist.size, fp.districts
    (True, 1000, 7)
    """
    keep = (table.registered > 0) & (table.ballots > 0)
    turnout = np.clip(table.turnout()[keep], 0.0, 1.0)
    result = np.clip(table.result()[keep], 0.0, 1.0)
    weights = table.issued[keep].astype(np.float64)
    groups = np.zeros(turnout.size, dtype=np.int64) if table.groups is None else table.groups[keep]
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
    obs, exp, sd, k = corner_test(turnout, result, groups, seed) if n else (0, 0.0, 0.0, 0)
    if sd > 0:
        z = (obs - exp - 0.5) / sd
        p = float(stats.norm.sf(z))
        lp = float(stats.norm.logsf(z)) / np.log(10)
    else:
        p, lp = 1.0, 0.0
    excess = (obs - exp) / k if k else float("nan")
    districts = int(np.unique(groups).size) if n else 0
    verdict = "more than" if p < ALPHA else "no more than"
    summary = (
        f"Within {districts} district{'s' if districts != 1 else ''}, {obs} of {n} stations are in the "
        f"top fifth by both turnout and {table.leader_name}'s result, against {exp:.0f} (sd {sd:.1f}) "
        f"if turnout and result were paired at random: {verdict} chance at {alpha_text()} (corner "
        f"excess {excess:+.3f} of the top-turnout stations; {format_p(p, log10=lp)}). Ballot stuffing "
        "fills this corner; so can honest differences between stations of one district (town and "
        f"village), so read it with the picture. Whole-table correlation {corr:.2f} (voter-weighted); "
        f"{100 * high:.1f}% of voters are at stations where turnout and result both exceed 80%."
    )
    return Fingerprint(
        n=n,
        statistic=excess,
        corner_observed=obs,
        corner_expected=exp,
        corner_sd=sd,
        top_turnout=k,
        districts=districts,
        p_value=p,
        log10_p=lp,
        correlation=corr,
        high_corner=high,
        grid=grid,
        turnout_hist=_hist(turnout, 1000),
        result_hist=_hist(result, 1000),
        leader=table.leader_name,
        summary=summary,
    )
