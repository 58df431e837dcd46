"""checkfigures: a statistical claim-checker for reported vote figures."""

from __future__ import annotations

__version__ = "0.1.0"
