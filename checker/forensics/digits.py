"""Digit screens on vote counts: second-digit Benford (Mebane's 2BL) and last digits.

Both are screens. The second digit of precinct counts follows Benford's law only
approximately even in clean elections: it depends on how station sizes and support vary
(Deckert, Myagkov & Ordeshook 2011; Mebane's own caveat). A chi-square test against the
law therefore rejects every large honest table: on our generator a clean election of
97,699 stations was rejected in 20 of 20 seeds. So neither test here is judged against the
law. Each is judged against a *calibrated reference*: the same table counted again
honestly, every station's leader count redrawn as Binomial(ballots, observed share)
(the null of the integer test). That keeps each station's size, turnout and support, so
whatever departure from the law honest counting of such stations gives is in the
reference too.

* 2BL (Mebane): the mean second digit of the leader's counts >= 10, against the mean of
  the reference (z score from the reference's spread, two-sided p). The effect size is
  the difference in digits; the mean under Benford's law (4.187) is reported beside it.
* Last digit (Beber & Scacco 2012): chi-square of the last digits of the same counts
  against the reference's digit shares (close to uniform, with a few more low digits
  for small counts). People who invent numbers favour some final digits.

Without ballots (counts alone) the tests fall back to the law itself and say so.
Neither test sees ballot stuffing added to real counts, and neither says which
stations differ.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import ClassVar

import numpy as np
from numpy.typing import NDArray
from scipy import stats

from checker.forensics.table import IntArray
from checker.forensics.verdict import ALPHA, alpha_text, format_p

MIN_COUNT = 10
# Replicates of the calibrated reference. Its mean and spread are what the tests use
# (a z score for 2BL, expected digit shares for the last digit), so 200 replicates give
# p-values far below 1/200; each replicate over 97,000 stations takes about 10 ms.
REFERENCE_REPLICATES = 200
BATCH = 25
LN10 = math.log(10)


def _benford_second() -> NDArray[np.float64]:
    d1 = np.arange(1, 10)[:, None]
    d2 = np.arange(10)[None, :]
    return np.asarray(np.log10(1 + 1 / (10 * d1 + d2)).sum(axis=0), dtype=np.float64)


# P(second digit = d), d = 0..9, under Benford's law; its mean is 4.187.
BENFORD_SECOND = _benford_second()
BENFORD_SECOND_MEAN = float((np.arange(10) * BENFORD_SECOND).sum())
UNIFORM = np.full(10, 0.1)


@dataclass(frozen=True, slots=True)
class DigitTest:
    """One digit position of the leader's counts >= 10, against a calibrated reference.

    ``counts`` are the observed digits 0-9; ``expected`` the counts the law gives
    (Benford or uniform) and ``reference`` those of the honest-recount reference (``None``
    without ballots). ``statistic`` is a z score (2BL, ``statistic_name`` "z_mean_second_digit")
    or a chi-square with 9 df (last digit); ``chi_square_law`` is the old chi-square against
    the law, kept as a description only. ``p_value`` may underflow to 0; ``log10_p`` does not.
    """

    test: str  # "second_digit" or "last_digit"
    column: str
    n: int
    statistic: float
    statistic_name: str
    p_value: float
    log10_p: float
    mean_digit: float
    expected_mean: float  # under the law
    reference_mean: float | None
    reference_sd: float | None
    counts: tuple[int, ...]
    expected: tuple[float, ...]
    reference: tuple[float, ...] | None
    chi_square_law: float
    replicates: int
    alpha: float
    summary: str

    titles: ClassVar[dict[str, str]] = {
        "second_digit": "Second-digit Benford test (2BL)",
        "last_digit": "Last-digit uniformity test",
    }

    @property
    def name(self) -> str:
        return self.test

    @property
    def title(self) -> str:
        return self.titles[self.test]

    @property
    def df(self) -> int:
        return 9

    @property
    def flagged(self) -> bool:
        return self.p_value < self.alpha

    @property
    def p_text(self) -> str:
        return format_p(self.p_value, log10=self.log10_p)


def second_digits(counts: IntArray) -> IntArray:
    """The second digit of each count (counts must be >= 10).

    >>> second_digits(np.array([10, 47, 1234, 99999])).tolist()
    [0, 7, 2, 9]
    """
    power = np.floor(np.log10(counts)).astype(np.int64)
    # log10 can land just below an exact power of ten; nudge it up where it did.
    power += counts >= 10 ** (power + 1)
    power -= counts < 10**power
    return np.asarray((counts // 10 ** (power - 1)) % 10, dtype=np.int64)


@dataclass(frozen=True, slots=True)
class Reference:
    """What honest recounts of the table give: per-replicate mean second digit, digit shares."""

    second_means: NDArray[np.float64]
    second_shares: NDArray[np.float64]
    last_shares: NDArray[np.float64]


def honest_reference(counts: IntArray, ballots: IntArray, replicates: int, seed: int) -> Reference:
    """Redraw each count as Binomial(ballots, count/ballots) ``replicates`` times (seeded).

    >>> ref = honest_reference(np.full(2000, 300), np.full(2000, 600), 20, 0)
    >>> ref.second_means.shape, round(float(ref.last_shares.sum()), 6)
    ((20,), 1.0)
    """
    c = np.asarray(counts, dtype=np.int64)
    b = np.asarray(ballots, dtype=np.int64)
    keep = b > 0
    c, b = c[keep], b[keep]
    share = c / b
    rng = np.random.default_rng(np.random.SeedSequence([seed, 2]))
    means: list[float] = []
    second = np.zeros(10)
    last = np.zeros(10)
    done = 0
    while done < replicates:
        size = min(BATCH, replicates - done)
        draws = rng.binomial(b, share, size=(size, b.size))
        for row in draws:
            x = row[row >= MIN_COUNT]
            if x.size == 0:
                means.append(float("nan"))
                continue
            d2 = second_digits(x)
            means.append(float(d2.mean()))
            second += np.bincount(d2, minlength=10) / x.size
            last += np.bincount(x % 10, minlength=10) / x.size
        done += size
    return Reference(np.asarray(means), second / replicates, last / replicates)


def _law_chi_square(counts: NDArray[np.int64], probs: NDArray[np.float64]) -> float:
    n = counts.sum()
    if n == 0:
        return 0.0
    expected = probs * n
    return float(((counts - expected) ** 2 / expected).sum())


def _two_sided_normal(z: float) -> tuple[float, float]:
    if not math.isfinite(z):
        return 1.0, 0.0
    logp = math.log(2) + float(stats.norm.logsf(abs(z)))
    return min(1.0, math.exp(logp)), min(0.0, logp / LN10)


def check_second_digit(
    counts: IntArray,
    column: str = "votes",
    ballots: IntArray | None = None,
    replicates: int = REFERENCE_REPLICATES,
    seed: int = 0,
    reference: Reference | None = None,
) -> DigitTest:
    """Mebane's 2BL on counts >= 10: the mean second digit against a calibrated reference.

    >>> res = check_second_digit(np.arange(10, 100000), "all numbers")
    >>> res.n, round(res.mean_digit, 2), res.reference_mean is None
    (99990, 4.5, True)
    """
    c = np.asarray(counts, dtype=np.int64)
    if reference is None and ballots is not None:
        reference = honest_reference(c, ballots, replicates, seed)
    x = c[c >= MIN_COUNT]
    digits = second_digits(x)
    hist = np.bincount(digits, minlength=10).astype(np.int64)
    n = int(x.size)
    mean = float(digits.mean()) if n else float("nan")
    law_chi = _law_chi_square(hist, BENFORD_SECOND)
    where = f"The mean second digit of {n} counts of {column} is {mean:.3f}"
    ref_mean: float | None
    ref_sd: float | None
    if reference is not None and n:
        ref_mean = float(np.nanmean(reference.second_means))
        sd = float(np.nanstd(reference.second_means, ddof=1)) if reference.second_means.size > 1 else 0.0
        ref_sd = sd
        z = (mean - ref_mean) / sd if sd > 0 else float("nan")
        p, lp = _two_sided_normal(z)
        verdict = "differs from" if p < ALPHA else "is consistent with"
        reps = len(reference.second_means)
        summary = (
            f"{where}; honest recounts of the same stations give {ref_mean:.3f} (sd {sd:.3f}, "
            f"{reps} replicates) and Benford's law {BENFORD_SECOND_MEAN:.3f}. The table {verdict} its "
            f"honest reference at {alpha_text()} (difference {mean - ref_mean:+.3f} digits, "
            f"z = {z:.2f}, {format_p(p)})."
        )
        ref_counts: tuple[float, ...] | None = tuple(float(v) for v in reference.second_shares * n)
        stat, name = z, "z_mean_second_digit"
    else:
        # No ballots: only the law is left, and it rejects large honest tables.
        ref_mean = ref_sd = None
        stat, name = law_chi, "chi_square_benford"
        p = float(stats.chi2.sf(law_chi, 9)) if n else 1.0
        lp = float(stats.chi2.logsf(law_chi, 9)) / LN10 if n else 0.0
        verdict = "differ from" if p < ALPHA else "are consistent with"
        summary = (
            f"{where}; the second digits {verdict} Benford's law at {alpha_text()} (chi-square "
            f"{law_chi:.1f}, 9 df, {format_p(p)}). Uncalibrated: without ballots there is no honest "
            "reference, and large honest tables depart from the law too."
        )
        ref_counts = None
        reps = 0
    summary += " A screen, never proof: ballot stuffing added to real counts can leave the digits unchanged."
    return DigitTest(
        test="second_digit",
        column=column,
        n=n,
        statistic=stat,
        statistic_name=name,
        p_value=p,
        log10_p=lp,
        mean_digit=mean,
        expected_mean=BENFORD_SECOND_MEAN,
        reference_mean=ref_mean,
        reference_sd=ref_sd,
        counts=tuple(int(v) for v in hist),
        expected=tuple(float(v) for v in BENFORD_SECOND * n),
        reference=ref_counts,
        chi_square_law=law_chi,
        replicates=reps,
        alpha=ALPHA,
        summary=summary,
    )


def check_last_digit(
    counts: IntArray,
    column: str = "votes",
    ballots: IntArray | None = None,
    replicates: int = REFERENCE_REPLICATES,
    seed: int = 0,
    reference: Reference | None = None,
) -> DigitTest:
    """Beber & Scacco's last-digit test on counts >= 10, against the calibrated digit shares.

    >>> check_last_digit(np.arange(10, 1010), "a ramp").p_value
    1.0
    """
    c = np.asarray(counts, dtype=np.int64)
    if reference is None and ballots is not None:
        reference = honest_reference(c, ballots, replicates, seed)
    x = c[c >= MIN_COUNT]
    n = int(x.size)
    hist = np.bincount(x % 10, minlength=10).astype(np.int64)
    law_chi = _law_chi_square(hist, UNIFORM)
    probs = UNIFORM if reference is None else reference.last_shares
    probs = np.clip(probs, 1e-12, None)
    stat = _law_chi_square(hist, probs / probs.sum())
    p = float(stats.chi2.sf(stat, 9)) if n else 1.0
    lp = float(stats.chi2.logsf(stat, 9)) / LN10 if n else 0.0
    mean = float((x % 10).mean()) if n else float("nan")
    verdict = "differ from" if p < ALPHA else "are consistent with"
    against = (
        f"the digit shares of honest recounts of the same stations ({len(reference.second_means)} replicates)"
        if reference is not None
        else "uniform digits (uncalibrated: no ballots given)"
    )
    summary = (
        f"The last digits of {n} counts of {column} {verdict} {against} at {alpha_text()} "
        f"(chi-square {stat:.1f}, 9 df, {format_p(p)}; mean digit {mean:.3f} vs 4.5). "
        "Invented numbers tend to favour some final digits; a pass does not rule out "
        "manipulation that changes counts without writing them by hand."
    )
    return DigitTest(
        test="last_digit",
        column=column,
        n=n,
        statistic=stat,
        statistic_name="chi_square",
        p_value=p,
        log10_p=lp,
        mean_digit=mean,
        expected_mean=4.5,
        reference_mean=None if reference is None else float((np.arange(10) * reference.last_shares).sum()),
        reference_sd=None,
        counts=tuple(int(v) for v in hist),
        expected=tuple(float(v) for v in UNIFORM * n),
        reference=None if reference is None else tuple(float(v) for v in reference.last_shares * n),
        chi_square_law=law_chi,
        replicates=0 if reference is None else len(reference.second_means),
        alpha=ALPHA,
        summary=summary,
    )
