"""The one pint ``UnitRegistry`` of checkfigures.

Shares are in ``percent``; the difference between two shares is in
``percentage_point`` (a separate unit on purpose: 5% of 87% is not 5 points).
Calendar spans use ``day``/``week``/``month``/``year`` with pint's Julian year and
month (365.25 and 30.44 days), which is what "roughly a month" means in news text.

>>> ureg.Quantity(3, "percentage_point").to("percentage_point").magnitude
3
"""

from __future__ import annotations

from decimal import Decimal

import pint

ureg: pint.UnitRegistry = pint.UnitRegistry(non_int_type=Decimal)
ureg.define("percentage_point = [share_difference]")
Q_ = ureg.Quantity


# Days per calendar unit, from pint (Julian month and year), to two decimals: the one table
# every stage uses to compare spans ("five days", "roughly a month", "eight years").
DAYS_PER: dict[str, Decimal] = {
    unit: Decimal(str(Q_(1, unit).to("day").magnitude)).quantize(Decimal("0.01")).normalize()
    for unit in ("day", "week", "month", "year")
}


def to_days(value: Decimal, unit: str) -> Decimal:
    """Convert a calendar span to days (unknown units count as days).

    >>> to_days(Decimal(2), "week"), to_days(Decimal(1), "month")
    (Decimal('14'), Decimal('30.44'))
    """
    return value * DAYS_PER.get(unit, Decimal(1))


__all__ = ["DAYS_PER", "Q_", "to_days", "ureg"]
