"""The significance level of every forensics verdict, and how p-values are written.

One alpha for every test, stated in every sentence that uses it: a screen that says
"consistent" or "differs" without its alpha hides the choice that decided the words.
p-values are kept at full precision in the JSON and CSV (and as log10 p, which does not
underflow when p is below 1e-308); a Monte Carlo p-value at the floor of its replicates
is written as a bound, never as a number it cannot resolve.
"""

from __future__ import annotations

import math

ALPHA = 0.001


def format_p(
    p: float, exceeded: int | None = None, replicates: int | None = None, log10: float | None = None
) -> str:
    """``p = 0.0034``; a Monte Carlo p that no replicate reached: ``p < 0.001 (1,000 replicates)``.

    >>> format_p(0.00341)
    'p = 0.00341'
    >>> format_p(1 / 1001, exceeded=0, replicates=1000)
    'p < 0.001 (1,000 replicates)'
    >>> format_p(0.0)
    'p < 1e-300'
    >>> format_p(0.0, log10=-1234.4)
    'p ≈ 1e-1234 (below floating point; log10 p = -1234.4)'
    """
    if replicates is not None and exceeded == 0:
        return f"p < {1 / replicates:.2g} ({replicates:,} replicates)"
    if p <= 0.0 and log10 is not None:
        return f"p ≈ 1e{log10:.0f} (below floating point; log10 p = {log10:.1f})"
    if p <= 0.0:
        return "p < 1e-300"
    return f"p = {p:.3g}"


def alpha_text() -> str:
    """``alpha 0.001``: how every verdict names its level.

    >>> alpha_text()
    'alpha 0.001'
    """
    return f"alpha {ALPHA:g}"


def log10_p(p: float) -> float | None:
    """log10 of a p-value (``None`` for p = 0, where the caller's own log is needed).

    >>> log10_p(0.01)
    -2.0
    """
    return math.log10(p) if p > 0 else None
