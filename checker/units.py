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


def to_days(value: Decimal, unit: str) -> Decimal:
    """Convert a calendar span to days.

    >>> to_days(Decimal(2), "week")
    Decimal('14')
    """
    return Decimal(str(Q_(value, unit).to("day").magnitude))


__all__ = ["Q_", "to_days", "ureg"]
