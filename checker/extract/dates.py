"""Dates, ranges, years, durations, relative dates and ages (placeholder)."""

from __future__ import annotations

import datetime as dt

from checker.model import Mention


def extract_calendar(
    text: str, article_id: str, language: str | None = None, published: dt.date | None = None
) -> list[Mention]:
    return []
