"""Digit screens on vote counts: second-digit Benford (Mebane's 2BL) and last digits.

Both are screens. The second digit of precinct counts follows Benford's law only
approximately even in clean elections (it depends on how station sizes and support
vary), so a rejection says "look closer", never "fraud" (Deckert, Myagkov & Ordeshook
2011). Last digits of counts of 10 or more are close to uniform in honest counts;
people who invent numbers favour some digits (Beber & Scacco 2012). Neither test sees
ballot stuffing that is added to real counts, and neither says which stations differ.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import numpy as np
from numpy.typing import NDArray
from scipy import stats

from checker.forensics.table import IntArray

MIN_COUNT = 10


def _benford_second() -> NDArray[np.float64]:
    d1 = np.arange(1, 10)[:, None]
    d2 = np.arange(10)[None, :]
    return np.asarray(np.log10(1 + 1 / (10 * d1 + d2)).sum(axis=0), dtype=np.float64)


# P(second digit = d), d = 0..9, under Benford's law; its mean is 4.187.
BENFORD_SECOND = _benford_second()
BENFORD_SECOND_MEAN = float((np.arange(10) * BENFORD_SECOND).sum())


@dataclass(frozen=True, slots=True)
class DigitTest:
    """A chi-square goodness-of-fit test of one digit position (9 degrees of freedom).

    ``counts``/``expected`` hold the observed and expected number of each digit 0-9;
    ``mean_digit`` is compared with ``expected_mean`` (4.187 for 2BL, 4.5 for last digits).
    """

    test: str  # "second_digit" or "last_digit"
    column: str
    n: int
    statistic: float
    df: int
    p_value: float
    mean_digit: float
    expected_mean: float
    counts: tuple[int, ...]
    expected: tuple[float, ...]
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


def _chi_square(
    digits: IntArray, probs: NDArray[np.float64]
) -> tuple[IntArray, NDArray[np.float64], float, float]:
    counts = np.bincount(digits, minlength=10).astype(np.int64)
    expected = probs * digits.size
    stat = float(((counts - expected) ** 2 / expected).sum()) if digits.size else 0.0
    p = float(stats.chi2.sf(stat, 9)) if digits.size else 1.0
    return counts, expected, stat, p


def _result(test: str, column: str, digits: IntArray, probs: NDArray[np.float64], what: str) -> DigitTest:
    counts, expected, stat, p = _chi_square(digits, probs)
    mean = float(digits.mean()) if digits.size else float("nan")
    exp_mean = float((np.arange(10) * probs).sum())
    verdict = "differ from" if p < 0.001 else "are consistent with"
    return DigitTest(
        test=test,
        column=column,
        n=int(digits.size),
        statistic=stat,
        df=9,
        p_value=p,
        mean_digit=mean,
        expected_mean=exp_mean,
        counts=tuple(int(c) for c in counts),
        expected=tuple(float(e) for e in expected),
        summary=(
            f"The {what} of {digits.size} counts of {column} {verdict} the expected distribution "
            f"(chi-square {stat:.1f}, 9 df, p = {p:.3g}; mean digit {mean:.3f} vs {exp_mean:.3f})."
        ),
    )


def check_second_digit(counts: IntArray, column: str = "votes") -> DigitTest:
    """Mebane's second-digit Benford test (2BL) on counts of 10 or more.

    >>> res = check_second_digit(np.arange(10, 100000), "all numbers")
    >>> res.n, round(res.mean_digit, 2)
    (99990, 4.5)
    """
    c = np.asarray(counts, dtype=np.int64)
    c = c[c >= MIN_COUNT]
    res = _result("second_digit", column, second_digits(c), BENFORD_SECOND, "second digits")
    note = (
        " A screen, never proof: clean precinct counts often depart from Benford's law too, "
        "and ballot stuffing added to real counts can leave the digits unchanged."
    )
    return _replace_summary(res, res.summary + note)


def check_last_digit(counts: IntArray, column: str = "votes") -> DigitTest:
    """Beber & Scacco's last-digit test: are the final digits of counts >= 10 uniform?

    >>> check_last_digit(np.arange(10, 1010), "a ramp").p_value
    1.0
    """
    c = np.asarray(counts, dtype=np.int64)
    c = c[c >= MIN_COUNT]
    res = _result("last_digit", column, c % 10, np.full(10, 0.1), "last digits")
    note = (
        " Invented numbers tend to favour some final digits; a pass does not rule out "
        "manipulation that changes counts without writing them by hand."
    )
    return _replace_summary(res, res.summary + note)


def _replace_summary(res: DigitTest, summary: str) -> DigitTest:
    from dataclasses import replace

    return replace(res, summary=summary)
