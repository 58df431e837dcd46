"""Calendar arithmetic of the date scanner: month lengths, seasons, weekdays, "ago".

Pure functions of dates; the resolution rules they implement are in
:mod:`checker.extract.dates`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from checker.model import Precision, Qualifier
from checker.units import DAYS_PER

ParsedDate = tuple[dt.date, dt.date, Precision]
OffsetUnit = Literal["day", "week", "month", "year", "weekday", "season"]

# Tolerance of "about"/"roughly" on durations and offsets: a quarter of the amount, so
# "roughly a month" is [0.75, 1.25] months, which contains both 30 and 31 days.
HEDGE_TOLERANCE = Decimal("0.25")
# A year-less date may be this many days after publication (an upcoming event).
AHEAD_DAYS = 92
# Days either side of "exactly N years/months ago".
EXACT_TOLERANCE_DAYS = 3
# What "in recent days/weeks/months" reaches back to.
RECENT_SPAN = {"day": 14, "week": 8 * 7, "month": 366}
_MIN_YEAR, _MAX_YEAR = 1900, 2099


# ---------------------------------------------------------------------------------------
# Calendar arithmetic
# ---------------------------------------------------------------------------------------


def _days_in_month(year: int, month: int) -> int:
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return (nxt - dt.timedelta(days=1)).day


def _add_months(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    year = d.year + y
    return dt.date(year, m + 1, min(d.day, _days_in_month(year, m + 1)))


def _month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, _days_in_month(year, month))


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int, published: dt.date) -> dt.date | None:
    """The latest date with this month/day not more than AHEAD_DAYS after publication.

    >>> _infer_year(10, 5, dt.date(2022, 9, 28)), _infer_year(12, 28, dt.date(2023, 1, 3))
    (datetime.date(2022, 10, 5), datetime.date(2022, 12, 28))
    """
    limit = published + dt.timedelta(days=AHEAD_DAYS)
    for year in (published.year + 1, published.year, published.year - 1, published.year - 2):
        d = _make_date(year, month, day)
        if d is not None and d <= limit:
            return d
    return None


_SEASON_BOUNDS = {  # (start month, end month, end day) - astronomical end kept inside
    "spring": (3, 6, 20),
    "summer": (6, 9, 22),
    "autumn": (9, 12, 21),
    "winter": (12, 3, 20),
}


def _season(name: str, year: int) -> tuple[dt.date, dt.date]:
    """The season that starts in ``year`` (winter runs into the next year)."""
    start_m, end_m, end_d = _SEASON_BOUNDS[name]
    end_year = year + 1 if end_m < start_m else year
    return dt.date(year, start_m, 1), dt.date(end_year, end_m, end_d)


def _relative_season(name: str, amount: int, published: dt.date) -> tuple[dt.date, dt.date]:
    """last (-1), this (0) or next (+1) season of that name relative to ``published``."""
    cands = [_season(name, y) for y in range(published.year - 2, published.year + 2)]
    if amount < 0:
        return [c for c in cands if c[1] < published][-1]
    if amount > 0:
        return next(c for c in cands if c[0] > published)
    inside = [c for c in cands if c[0] <= published <= c[1]]
    return inside[0] if inside else next(c for c in cands if c[0] > published)


def _week_bounds(d: dt.date) -> tuple[dt.date, dt.date]:
    monday = d - dt.timedelta(days=d.weekday())
    return monday, monday + dt.timedelta(days=6)


def _weekday_date(weekday: int, amount: int, published: dt.date) -> dt.date:
    """News weekdays: 0 = latest on or before publication, -1 strictly before, +1 after.

    >>> _weekday_date(2, 0, dt.date(2022, 9, 28)), _weekday_date(4, 0, dt.date(2022, 9, 28))
    (datetime.date(2022, 9, 28), datetime.date(2022, 9, 23))
    """
    back = (published.weekday() - weekday) % 7
    if amount < 0 and back == 0:
        back = 7
    if amount > 0:
        ahead = (weekday - published.weekday()) % 7 or 7
        return published + dt.timedelta(days=ahead)
    return published - dt.timedelta(days=back)


def _shift(d: dt.date, amount: Decimal, unit: str) -> dt.date:
    """``d`` moved by ``amount`` units (fractions of months/years go through days)."""
    if unit in ("month", "year"):
        months = amount * (12 if unit == "year" else 1)
        whole = int(months)
        rest = (months - whole) * DAYS_PER["month"]
        return _add_months(d, whole) + dt.timedelta(days=round(float(rest)))
    days = amount * (7 if unit == "week" else 1)
    return d + dt.timedelta(days=round(float(days)))


def _clamp(d: dt.date) -> dt.date:
    return min(max(d, dt.date(1, 1, 2)), dt.date(9999, 12, 30))


def resolve_ago(
    amount: Decimal, unit: str, published: dt.date, qualifier: Qualifier = "exact", exact: str = ""
) -> tuple[dt.date | None, dt.date | None, Precision]:
    """The interval of "``amount`` ``unit`` ago" (see the module docstring for the rules).

    ``exact`` is "" (a plain "ago"), "exactly" or "today" ("a year ago today").

    >>> resolve_ago(Decimal(8), "year", dt.date(2022, 9, 28))
    (datetime.date(2014, 1, 1), datetime.date(2015, 3, 28), 'year')
    >>> resolve_ago(Decimal(1), "year", dt.date(2025, 3, 17), exact="today")
    (datetime.date(2024, 3, 17), datetime.date(2024, 3, 17), 'day')
    """
    base = _shift(published, -amount, unit)
    if exact:
        tol = 0 if exact == "today" or unit in ("day", "week") else EXACT_TOLERANCE_DAYS
        lo, hi = base - dt.timedelta(days=tol), base + dt.timedelta(days=tol)
        precision: Precision = "day"
    elif unit == "day":
        lo = hi = base
        precision = "day"
    elif unit == "week":
        lo, hi = base - dt.timedelta(days=3), base + dt.timedelta(days=3)
        precision = "week"
    elif unit == "month":
        m_lo, m_hi = _month_bounds(base.year, base.month)
        lo, hi = min(m_lo, base - dt.timedelta(days=15)), max(m_hi, base + dt.timedelta(days=15))
        precision = "month"
    else:
        y_lo, y_hi = dt.date(base.year, 1, 1), dt.date(base.year, 12, 31)
        lo, hi = min(y_lo, _add_months(base, -6)), max(y_hi, _add_months(base, 6))
        precision = "year"
    if qualifier == "about":
        slack = _shift(published, -amount * HEDGE_TOLERANCE, unit)
        widen = published - slack
        lo, hi = lo - widen, hi + widen
    if qualifier in ("more_than", "at_least"):
        return None, hi, precision
    if qualifier in ("less_than", "at_most"):
        return lo, published, precision
    return _clamp(lo), _clamp(hi), precision
