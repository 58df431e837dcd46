"""Interval arithmetic, severities, ids and wording shared by every check.

A reported figure is the closed interval ``[low, high]`` of its mention (rounding and
hedges included); ``high = None`` means open above ("more than 81 million"). A reference
value inside the interval is consistent; outside, the difference is the distance from the
nearest end, signed as reference minus reported (negative: the reported figure is too high).

Severity (documented in the README): a discrepancy is ``minor`` when it is within 1
percentage point for shares, 1% of the value for counts, 1 day for dates or 1 year for
ages and elapsed years; ``major`` otherwise.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from checker.model import Claim, Mention, Severity

MINOR_POINTS = Decimal(1)
MINOR_RELATIVE = Decimal("0.01")


def contains(m: Mention, value: Decimal) -> bool:
    """True when ``value`` lies in the mention's closed interval.

    >>> from checker.model import Mention
    >>> m = Mention("a", 0, 5, "87.1%", "percent", Decimal("87.05"), Decimal("87.15"), "percent")
    >>> contains(m, Decimal("87.05"))
    True
    """
    low = m.low if isinstance(m.low, Decimal) else None
    high = m.high if isinstance(m.high, Decimal) else None
    if low is not None and value < low:
        return False
    return not (high is not None and value > high)


def distance(m: Mention, value: Decimal) -> Decimal:
    """Reference minus the nearest end of the reported interval (0 when inside)."""
    low = m.low if isinstance(m.low, Decimal) else None
    high = m.high if isinstance(m.high, Decimal) else None
    if low is not None and value < low:
        return value - low
    if high is not None and value > high:
        return value - high
    return Decimal(0)


def severity_for(difference: Decimal, unit: str, reference: Decimal | None = None) -> Severity:
    """``minor`` within 1 point (shares) or 1% of the value (counts), else ``major``.

    >>> severity_for(Decimal("-0.22"), "percentage_point"), severity_for(Decimal("5.45"), "percentage_point")
    ('minor', 'major')
    """
    size = abs(difference)
    if unit in ("percentage_point", "day", "year"):
        return "minor" if size <= MINOR_POINTS else "major"
    if reference is not None and reference != 0:
        return "minor" if size <= abs(reference) * MINOR_RELATIVE else "major"
    return "major"


def finding_id(check: str, claims: tuple[str, ...], key: str = "") -> str:
    """A stable finding id from the check, the claims and a discriminating key."""
    digest = hashlib.sha1("\0".join((check, *claims, key)).encode()).hexdigest()
    return "F" + digest[:10]


def fmt_number(value: Decimal, unit: str = "") -> str:
    """Human formatting: ``87.05%``, ``76,277,708``, ``5.45 points``.

    >>> fmt_number(Decimal("87.05"), "percent"), fmt_number(Decimal("76277708"))
    ('87.05%', '76,277,708')
    """
    normalized = value.normalize()
    integral = normalized == normalized.to_integral_value()
    text = f"{int(normalized):,}" if integral else f"{normalized:,f}"
    if unit == "percent":
        return text + "%"
    if unit == "percentage_point":
        return text + (" point" if abs(value) == 1 else " points")
    if unit in ("day", "year", "week", "month"):
        return f"{text} {unit}" + ("" if abs(value) == 1 else "s")
    return text


def row_key(file: str, line: int) -> str:
    """A reference row as ``table.csv:line`` (no machine-specific folder).

    >>> row_key("/srv/checkout/reference_data/events.csv", 15)
    'events.csv:15'
    """
    return f"{_file_name(file)}:{line}"


@lru_cache(maxsize=256)
def _file_name(file: str) -> str:
    return Path(file).name  # asked once per finding, of a handful of table files


def reported(claim: Claim) -> str:
    """The claim's surface text, quoted."""
    return f"“{claim.mention.text}”"


def date_range_text(low: dt.date, high: dt.date) -> str:
    return low.isoformat() if low == high else f"{low.isoformat()}–{high.isoformat()}"
