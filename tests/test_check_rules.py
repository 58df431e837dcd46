"""Boundary rules of the checks, on hand-built claims (no extraction involved)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from checker.checks.common import contains, distance, severity_for
from checker.checks.internal import check_share_sums
from checker.checks.temporal import Anchor, _years_ago_holds, _years_between
from checker.model import Article, Claim, Mention

ARTICLE = Article(id="a", path="a.txt", text="")


def share(text: str, low: str, high: str, option: str | None, start: int) -> Claim:
    m = Mention("a", start, start + len(text), text, "percent", D(low), D(high), "percent")
    return Claim(f"C{start}", m, election="e", region="R", option=option, measure="vote_share", scope="final")


@pytest.mark.parametrize(
    ("born", "on", "age"),
    [
        ((1952, 10, 7), (2024, 10, 6), 71),  # the day before the birthday
        ((1952, 10, 7), (2024, 10, 7), 72),  # the birthday itself
        ((1976, 6, 4), (2024, 2, 16), 47),
        ((2000, 2, 29), (2021, 2, 28), 20),  # leap-day birthday, not yet
        ((2000, 2, 29), (2021, 3, 1), 21),
    ],
    ids=["day-before-birthday", "birthday", "navalny-at-death", "leap-day-before", "leap-day-after"],
)
def test_age_boundaries(born: tuple[int, int, int], on: tuple[int, int, int], age: int) -> None:
    assert _years_between(dt.date(*born), dt.date(*on)) == age


def _anchor(d: dt.date) -> Anchor:
    return Anchor("event", d, d, "events", "events.csv:2", None, 0)


@pytest.mark.parametrize(
    ("n", "exact", "event", "published", "holds"),
    [
        (10, False, dt.date(2014, 12, 30), dt.date(2024, 1, 5), True),  # calendar years across new year
        (9, False, dt.date(2014, 12, 30), dt.date(2024, 1, 5), True),  # elapsed 9.0 years
        (12, False, dt.date(2014, 3, 16), dt.date(2024, 9, 30), False),  # Crimea: ten, not twelve
        (8, False, dt.date(2014, 4, 7), dt.date(2022, 9, 28), True),
        (1, True, dt.date(2024, 3, 17), dt.date(2025, 3, 17), True),  # exactly one year
        (1, True, dt.date(2024, 3, 17), dt.date(2025, 3, 21), False),  # four days off
        (1, True, dt.date(2024, 3, 17), dt.date(2025, 3, 20), True),  # within three days
    ],
    ids=["calendar-year", "elapsed-year", "twelve-vs-ten", "eight", "exact", "exact-4-days", "exact-3-days"],
)
def test_years_ago(n: int, exact: bool, event: dt.date, published: dt.date, holds: bool) -> None:
    ok, _ = _years_ago_holds(D(n), exact, "exact", _anchor(event), published, published)
    assert ok is holds


def test_rounding_interval_is_closed() -> None:
    m = Mention("a", 0, 5, "87.1%", "percent", D("87.05"), D("87.15"), "percent")
    assert contains(m, D("87.05")) and contains(m, D("87.15"))
    assert not contains(m, D("87.04"))
    assert distance(m, D("87.00")) == D("-0.05")


def test_open_interval_counts() -> None:
    m = Mention("a", 0, 20, "more than 81 million", "count", D(81_000_000), None, "count", "more_than")
    assert contains(m, D(81_283_501))
    assert not contains(m, D(80_000_000))


@pytest.mark.parametrize(
    ("diff", "unit", "ref", "severity"),
    [
        (D("-0.22"), "percentage_point", None, "minor"),
        (D("1.0"), "percentage_point", None, "minor"),
        (D("1.01"), "percentage_point", None, "major"),
        (D("5000"), "count", D("1000000"), "minor"),
        (D("20000"), "count", D("1000000"), "major"),
    ],
)
def test_severity(diff: D, unit: str, ref: D | None, severity: str) -> None:
    assert severity_for(diff, unit, ref) == severity


@pytest.mark.parametrize(
    ("figures", "flagged"),
    [
        ([("50%", "49.5", "50.5"), ("51%", "50.5", "51.5")], False),  # exactly 100 allowing rounding
        ([("50%", "49.5", "50.5"), ("51.1%", "51.05", "51.15")], True),
        ([("80.1%", "80.05", "80.15"), ("10.12%", "10.115", "10.125"), ("8.4%", "8.35", "8.45")], False),
        (
            [
                ("80.1%", "80.05", "80.15"),
                ("10.12%", "10.115", "10.125"),
                ("4.59%", "4.585", "4.595"),
                ("8.4%", "8.35", "8.45"),
            ],
            True,
        ),
    ],
    ids=["at-100", "over-100", "below-100", "belarus-2020"],
)
def test_share_sum(figures: list[tuple[str, str, str]], flagged: bool) -> None:
    claims = [share(t, lo, hi, f"option{i}", i * 10) for i, (t, lo, hi) in enumerate(figures)]
    found = check_share_sums(claims, ARTICLE)
    assert bool(found) is flagged
    if flagged:
        assert found[0].verdict == "discrepancy"
        assert set(found[0].claims) == {c.id for c in claims}


def test_share_sum_ignores_other_scopes() -> None:
    final = share("60%", "59.5", "60.5", "A", 0)
    partial = Claim(
        "Cp", final.mention, election="e", region="R", option="B", measure="vote_share", scope="partial"
    )
    other = share("45%", "44.5", "45.5", "B", 20)
    assert check_share_sums([final, other], ARTICLE)
    assert not check_share_sums([final, partial], ARTICLE)
