"""Slow tests (``pytest -m slow``): published integer excess on real data, false-positive rate."""

from __future__ import annotations

import csv

import numpy as np
import pytest

from checker.forensics.integer import check_integer_excess
from checker.forensics.synthetic import synthetic_table

from .conftest import RU, load_ru

pytestmark = pytest.mark.slow


def _published() -> dict[str, dict[str, float]]:
    path = RU / "published_integer_excess.csv"
    if not path.is_file():
        pytest.fail(f"missing {path}: ../shared must sit beside the repository")
    with open(path, encoding="utf-8") as fh:
        return {
            row["year"]: {k: float(v) for k, v in row.items() if k.startswith(("excess", "mc"))}
            for row in csv.DictReader(fh)
        }


@pytest.mark.parametrize("year", ["2011", "2012", "2018", "2024"])
def test_integer_excess_matches_the_published_figures(year: str) -> None:
    pub = _published()[year]
    res = check_integer_excess(load_ru(year), replicates=1000, seed=0)
    tolerance = 3 * pub["mc_sd"]
    assert abs(res.excess - pub["excess_turnout_or_result"]) < tolerance
    assert abs(res.excess_result - pub["excess_result"]) < tolerance
    assert abs(res.excess_turnout - pub["excess_turnout"]) < tolerance
    assert res.mc_sd == pytest.approx(pub["mc_sd"], rel=0.15)
    assert res.p_value < 0.002


def test_integer_excess_false_positive_rate_is_nominal() -> None:
    p = np.array(
        [
            check_integer_excess(synthetic_table(5000, seed=500 + s), replicates=1000, seed=s).p_value
            for s in range(60)
        ]
    )
    # 60 honest elections: at alpha 0.05 about 3 false alarms are expected; 9 or more would
    # happen by chance with probability < 0.5%.
    assert (p < 0.05).sum() <= 8
    assert (p < 0.001).sum() <= 1
