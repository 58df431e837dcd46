"""The date of an article's own wire dateline ("MINSK, Sept. 23, 2020 —")."""

from __future__ import annotations

import datetime as dt
import re

# A wire dateline at the start of one of the first paragraphs: "MINSK, Sept. 23, 2020 —",
# "WASHINGTON (Dec. 10, 2024) —", "Moskau, 18. März 2024 –", "TBILISI, Oct 27, 2024
# (Example Agency) —". The place is a few capitalised words; the date is read by the
# calendar extractor; a dash must follow.
RE_DATELINE_PLACE = re.compile(
    r"[\"“']?[^\W\d_][\w.'’-]{0,30}(?:[ /-][^\W\d_][\w.'’-]{0,30}){0,3}(?:,\s?|\s?\(|\s)"
)
RE_DATELINE_END = re.compile(r"\s?\)?\s?(?:\([^()\n]{1,40}\)\s?)?[—–-]")
DATELINE_PARAGRAPHS = 3
# Words that start a sentence with a date rather than a dateline ("On Monday, March 4, 2024").
_NOT_DATELINE = frozenset(
    """on in at by from since until till after before last this next early late and but the
    monday tuesday wednesday thursday friday saturday sunday""".split()
)


def dateline_date(text: str, language: str | None) -> dt.date | None:
    """The date of a wire dateline in the first paragraphs, if there is one.

    >>> dateline_date("Vote ends\\n\\nMINSK, Sept. 23, 2020 — Alexander Lukashenko...", "en")
    datetime.date(2020, 9, 23)
    >>> dateline_date("Vote ends\\n\\nOn Monday, Sept. 21, 2020 - he was sworn in.", "en") is None
    True
    """
    from checker.extract.dates import extract_calendar  # the loader needs it for datelines only

    start = 0
    for _ in range(DATELINE_PARAGRAPHS):
        while start < len(text) and text[start] in " \t\n":
            start += 1
        head = text[start : start + 120]
        place = RE_DATELINE_PLACE.match(head)
        words = set(head[: place.end()].lower().replace(",", " ").split()) if place else set()
        if place is not None and head[0].isupper() and not _NOT_DATELINE & words:
            for m in extract_calendar(head, "dateline", language):
                if m.kind != "date" or m.precision != "day" or not isinstance(m.low, dt.date):
                    continue
                if m.start <= place.end() + 1 and RE_DATELINE_END.match(head, m.end):
                    return m.low
                break
        end = text.find("\n\n", start)
        if end < 0:
            return None
        start = end
    return None
