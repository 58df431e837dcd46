"""Digit tests (2BL, last digit) and the turnout-result fingerprint."""

from __future__ import annotations

import numpy as np
import pytest

from checker.forensics.digits import (
    BENFORD_SECOND,
    BENFORD_SECOND_MEAN,
    check_last_digit,
    check_second_digit,
    second_digits,
)
from checker.forensics.fingerprint import check_fingerprint
from checker.forensics.synthetic import generate_election, synthetic_table


@pytest.mark.parametrize(
    ("count", "digit"),
    [(10, 0), (19, 9), (100, 0), (999, 9), (1000, 0), (1099, 0), (4567, 5), (10**9, 0), (123456789, 2)],
)
def test_second_digit(count: int, digit: int) -> None:
    assert second_digits(np.array([count])).tolist() == [digit]


def test_benford_second_digit_law() -> None:
    assert BENFORD_SECOND.sum() == pytest.approx(1.0)
    assert BENFORD_SECOND[0] == pytest.approx(0.11968, abs=1e-5)
    assert round(BENFORD_SECOND_MEAN, 3) == 4.187


def test_second_digit_accepts_benford_numbers_and_rejects_narrow_counts() -> None:
    rng = np.random.default_rng(0)
    benford = np.floor(10 ** rng.uniform(1, 6, 20_000)).astype(np.int64)  # log-uniform: Benford
    assert check_second_digit(benford).p_value > 0.001
    narrow = rng.integers(500, 560, 20_000)  # second digits only 0-5
    res = check_second_digit(narrow, "A")
    assert res.p_value < 1e-12
    assert "never proof" in res.summary


def test_last_digit_flags_invented_round_numbers() -> None:
    rng = np.random.default_rng(1)
    counts = rng.integers(10, 3000, 5000)
    assert check_last_digit(counts).p_value > 0.001
    counts[:600] = np.round(counts[:600], -1)  # 12% of counts rounded to tens
    res = check_last_digit(counts, "invented")
    assert res.p_value < 1e-6
    assert res.counts[0] > 1.5 * res.expected[0]


def test_counts_below_ten_are_left_out() -> None:
    res = check_last_digit(np.array([0, 3, 9, 10, 25]))
    assert res.n == 2


def test_fingerprint_bins_every_station_and_stuffing_raises_the_correlation() -> None:
    honest = check_fingerprint(synthetic_table(8000, seed=21))
    stuffed = check_fingerprint(synthetic_table(8000, seed=21, stuffing=0.3, stuffing_rate=0.7))
    assert honest.grid.sum() == honest.n == honest.turnout_hist.sum() == honest.result_hist.sum()
    assert stuffed.statistic > honest.statistic + 0.2
    assert stuffed.high_corner > 10 * max(honest.high_corner, 0.001)


def test_generator_marks_what_it_altered_and_is_seeded() -> None:
    a = generate_election(2000, seed=3, stuffing=0.1, rounding=0.05)
    b = generate_election(2000, seed=3, stuffing=0.1, rounding=0.05)
    assert np.array_equal(a.table.votes, b.table.votes)
    assert 0.07 < a.stuffed.mean() < 0.13 and 0.03 < a.rounded.mean() < 0.07
    t = a.table
    assert (t.votes.sum(axis=1) == t.valid).all()
    assert (t.issued == t.valid + t.invalid).all()
    assert (t.issued <= t.registered).all()
