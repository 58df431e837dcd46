"""Boundary rules of the checks, on hand-built claims (no extraction involved)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from checker.bind import bind_mentions
from checker.checks.common import contains, distance, severity_for
from checker.checks.cross_source import check_cross_source
from checker.checks.internal import check_share_sums
from checker.checks.temporal import Anchor, _years_ago_holds, _years_between
from checker.extract import extract_mentions
from checker.model import Article, Claim, Mention
from checker.reference import load_reference

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


@pytest.mark.parametrize(
    ("confirmed", "verdict", "accused"),
    [
        ({"C10"}, "discrepancy", {"C0"}),  # "53.9% to 48.1%": 48.1% is the official Remain share
        ({"C0", "C10"}, "ambiguous", {"C0", "C10"}),  # both official: they are not of one contest
    ],
    ids=["one-confirmed", "all-confirmed"],
)
def test_share_sum_never_accuses_a_confirmed_share(
    confirmed: set[str], verdict: str, accused: set[str]
) -> None:
    claims = [share("53.9%", "53.85", "53.95", "Leave", 0), share("48.1%", "48.05", "48.15", "Remain", 10)]
    (found,) = check_share_sums(claims, ARTICLE, confirmed)
    assert found.verdict == verdict
    assert set(found.claims) == accused


def _wire(article: str, text: str, published: dt.date) -> tuple[Article, list[Claim]]:
    a = Article(article, "", text, published=published)
    return a, bind_mentions(a, extract_mentions(a), REF)


REF = load_reference([])


def _cross(*texts: tuple[str, str, dt.date]) -> list[tuple[str, str, str]]:
    """(article, figure, verdict) of the cross-source findings over a few articles."""
    articles, claims = [], []
    for name, text, published in texts:
        a, cs = _wire(name, text, published)
        articles.append(a)
        claims += cs
    by_id = {c.id: c for c in claims}
    return sorted(
        (by_id[i].article, by_id[i].mention.text, f.verdict)
        for f in check_cross_source(claims, REF)
        for i in f.claims
    )


def test_cross_source_gap_after_the_vote_is_no_voting_length() -> None:
    """'three days after' the vote is a gap between events, not how long the vote ran."""
    found = _cross(
        (
            "a",
            "The annexation referendums in Donetsk, Luhansk, Kherson and Zaporizhzhia ran from Sept. 23-27.",
            dt.date(2022, 9, 28),
        ),
        (
            "b",
            "The annexation referendums were held over five days in four occupied regions.",
            dt.date(2022, 9, 29),
        ),
        (
            "c",
            "The four occupation heads signed accession treaties in the Kremlin on Friday, three days after "
            "officials announced the results of the annexation referendums.",
            dt.date(2022, 10, 1),
        ),
    )
    assert not [f for f in found if f[0] == "c"], found


def test_cross_source_doubt_only_for_a_figure_that_misses() -> None:
    """A figure that equals the official result is compared whatever its sentence says."""
    found = _cross(
        (
            "a",
            "Turnout in Russia's presidential election was 77.49%, the commission said.",
            dt.date(2024, 3, 22),
        ),
        (
            "b",
            "Turnout in Russia's presidential election reached 77.5%, the final count showed.",
            dt.date(2024, 3, 22),
        ),
        (
            "c",
            "The projection of 77.5% turnout in Russia's presidential election proved right.",
            dt.date(2024, 3, 25),
        ),
    )
    assert ("c", "77.5%", "consistent") in found, found
