"""Integer-percentage excess: the exact integer rule, inclusion, and behaviour on synthetic data."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.forensics.integer import check_integer_excess, is_integer_percent
from checker.forensics.synthetic import synthetic_table
from checker.forensics.table import table_from_counts


@pytest.mark.parametrize(
    ("k", "n", "expected"),
    [
        pytest.param(700, 1000, True, id="exactly-70"),
        pytest.param(7005, 10000, True, id="edge-70.05-inclusive"),
        pytest.param(7006, 10000, False, id="70.06-outside"),
        pytest.param(6995, 10000, True, id="edge-69.95-inclusive"),
        pytest.param(1, 3, False, id="33.33"),
        pytest.param(50, 50, True, id="100-percent"),
        pytest.param(0, 250, True, id="zero"),
        pytest.param(1237, 2000, False, id="61.85"),
    ],
)
def test_is_integer_percent(k: int, n: int, expected: bool) -> None:
    assert bool(is_integer_percent(np.array([k]), np.array([n]))[0]) is expected


@given(st.integers(1, 100_000), st.integers(0, 100_000))
def test_integer_rule_agrees_with_decimal_arithmetic(n: int, k: int) -> None:
    from decimal import Decimal

    k = min(k, n)
    pct = Decimal(100 * k) / Decimal(n)
    exact = abs(pct - pct.to_integral_value()) <= Decimal("0.05")
    assert bool(is_integer_percent(np.array([k]), np.array([n]))[0]) is exact


def test_inclusion_rules_leave_out_small_and_near_unanimous_stations() -> None:
    table = table_from_counts(
        registered=[99, 1000, 1000, 1000, 1000],
        issued=[50, 995, 600, 600, 0],
        valid=[50, 995, 600, 600, 0],
        invalid=[0, 0, 0, 0, 0],
        votes=[[30, 20], [500, 495], [595, 5], [300, 300], [0, 0]],
        candidates=["A", "B"],
    )
    res = check_integer_excess(table, replicates=20)
    # Kept: only the 4th station (the others: < 100 registered, turnout 99.5%, result 99.2%, nobody voted).
    assert res.n == 1
    assert (res.observed, res.observed_result, res.observed_turnout) == (1, 1, 1)


def test_same_result_for_any_number_of_threads() -> None:
    table = synthetic_table(3000, seed=5)
    one = check_integer_excess(table, replicates=120, seed=9, workers=1)
    two = check_integer_excess(table, replicates=120, seed=9, workers=2)
    assert one == two


def test_honest_synthetic_election_shows_no_excess() -> None:
    res = check_integer_excess(synthetic_table(20_000, seed=11), replicates=300)
    assert abs(res.excess) < 3 * res.mc_sd
    assert res.p_value > 0.01


@pytest.mark.parametrize("target", ["turnout", "result", "both"])
def test_rounding_in_two_percent_of_stations_is_detected(target: str) -> None:
    res = check_integer_excess(synthetic_table(20_000, seed=12, rounding=0.02, target=target), replicates=300)
    assert res.excess > 3 * res.mc_sd
    assert res.p_value < 0.005
    if target == "turnout":
        assert res.excess_turnout > 3 * res.mc_sd > abs(res.excess_result)


def test_summary_says_what_it_does_not_show() -> None:
    res = check_integer_excess(synthetic_table(1000, seed=1), replicates=20)
    assert "does not show which stations" in res.summary
    assert len(res.null_excess) == 20
