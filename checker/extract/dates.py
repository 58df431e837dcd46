"""Dates, date ranges, years, durations, relative dates and ages: the calendar scan.

This module holds the date handlers, the scan loop and the public entry points; the
rest is split by job: :mod:`~checker.extract.grammar` (the regex and its fragments),
:mod:`~checker.extract.calendar_math` (date arithmetic), :mod:`~checker.extract.context`
(what handlers share), :mod:`~checker.extract.relative`, :mod:`~checker.extract.ages` and
:mod:`~checker.extract.durations` (their handlers).

One compiled regex per language set (built from named fragments, cached) is scanned with
``finditer``; each alternative is a named group whose handler turns the match into a
:class:`~checker.model.Mention` or rejects it. Words that only give context ("on", "late",
"between", "roughly", "since") are read by looking back a few characters from the match
instead of being alternatives of their own, so the scan only stops at digits, month and
weekday names, number words and a few keywords.

Resolution rules (all against the publication date ``published``):

* a date without a year takes the latest year whose date is not more than 92 days after
  publication. The brief's rule was "the most recent date not after publication"; the
  92 days keep "the vote on October 5" in an article of September 28 in the same year
  (AP style omits the year of upcoming dates), and a wrong year is a false accusation.
  Without a publication date a year-less date is not emitted: a date needs bounds.
* a weekday ("on Wednesday", "late Tuesday") is the latest such day on or before
  publication; "last Wednesday" is strictly before, "next Wednesday" strictly after.
* "N days ago" is the day; "N weeks ago" ± 3 days; "N months ago" ± 15 days; "N years ago"
  is the union of the calendar year ``published.year - N`` and ``published - N years ±
  6 months`` (journalists count calendar years as well as anniversaries: an article of
  September 2022 says "eight years ago" of March 2014). "exactly"/"ago today" narrow that
  to ± 3 days (``exact``) or the day itself ("today"); hedges widen it by a quarter.
* seasons are meteorological (spring = March-May) widened to the astronomical end
  (spring ends June 20), so either reading is inside the interval.
* phrases counted from another event ("three days earlier", "a month before.") keep
  ``offset.anchor = "previous"`` and stay unresolved. "a month after <event>" is a gap
  between two events: it is emitted as a ``duration`` that also carries the offset.
* open bounds are ``None``: "more than a week" is ``[1, None]`` weeks.

>>> from datetime import date
>>> [(m.kind, m.text, str(m.low)) for m in extract_calendar(
...     "Voting ended on Tuesday, eight years ago.", "a", "en", date(2022, 9, 28))]
[('relative_date', 'on Tuesday', '2022-09-27'), ('relative_date', 'eight years ago', '2014-01-01')]
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from functools import lru_cache

from checker.extract import calendar_words as cw
from checker.extract.ages import (
    _h_age_before,
    _h_age_of,
    _h_age_old,
    _h_age_suffix,
    _h_name_age,
)
from checker.extract.calendar_math import (
    ParsedDate,
    _infer_year,
    _make_date,
    _month_bounds,
    _season,
    resolve_ago,
)
from checker.extract.context import (
    _bad_english_case,
    _Ctx,
    _date_parts,
    _Match,
    _month_of,
    parse_number,
)
from checker.extract.durations import (
    _h_duration,
    _h_duration_adj,
)
from checker.extract.grammar import (
    _compile,
    _langs,
)

# checker.bind imports the trie builder from here (tests/test_layers.py KNOWN); kept as an
# alias until bind takes it from checker.trie.
from checker.extract.grammar import _trie as _trie
from checker.extract.numwords import TABLES
from checker.extract.relative import (
    _h_ago,
    _h_day_word,
    _h_past_span,
    _h_phrase,
    _h_previous,
    _h_recent,
    _h_this_last,
    _h_weekday,
    _h_weekend,
)
from checker.lang import alternation, words
from checker.model import Mention

log = logging.getLogger(__name__)


def parse_date(s: str, published: dt.date | None = None, language: str | None = None) -> ParsedDate | None:
    """A single date (day, month or season precision) as ``(low, high, precision)``.

    >>> parse_date("Sept. 23, 2022")
    (datetime.date(2022, 9, 23), datetime.date(2022, 9, 23), 'day')
    >>> parse_date("March 2024")[1], parse_date("23 марта 2024 года")[0]
    (datetime.date(2024, 3, 31), datetime.date(2024, 3, 23))
    >>> parse_date("September 23") is None, parse_date("September 23", dt.date(2022, 9, 28))[0]
    (True, datetime.date(2022, 9, 23))
    """
    for m in _scan(s, "whole", language, published):
        if m.kind == "date":
            assert isinstance(m.low, dt.date) and isinstance(m.high, dt.date)
            return m.low, m.high, m.precision or "day"
    return None


def parse_date_range(
    s: str, published: dt.date | None = None, language: str | None = None
) -> tuple[dt.date, dt.date] | None:
    """A date range as ``(first day, last day)``.

    >>> parse_date_range("June 25 through July 1, 2022")
    (datetime.date(2022, 6, 25), datetime.date(2022, 7, 1))
    >>> parse_date_range("du 23 au 27 septembre 2022", language="fr")
    (datetime.date(2022, 9, 23), datetime.date(2022, 9, 27))
    """
    for m in _scan(s, "whole", language, published):
        if m.kind == "date_range":
            assert isinstance(m.low, dt.date) and isinstance(m.high, dt.date)
            return m.low, m.high
    return None


def parse_duration(s: str, language: str | None = None) -> tuple[Decimal, Decimal | None, str] | None:
    """A duration as ``(low, high, unit)``; ``high`` is None when open above.

    >>> parse_duration("roughly a month")
    (Decimal('0.75'), Decimal('1.25'), 'month')
    >>> parse_duration("48 hours"), parse_duration("a fortnight")
    ((Decimal('2'), Decimal('2'), 'day'), (Decimal('2'), Decimal('2'), 'week'))
    """
    for m in _scan(s, "whole", language, None):
        if m.kind == "duration":
            assert isinstance(m.low, Decimal)
            high = m.high if isinstance(m.high, Decimal) else None
            return m.low, high, m.unit
    return None


def _h_single_date(c: _Ctx, m: _Match) -> Mention | None:
    s = m.group()
    if _bad_english_case(s, c.t):
        return None
    months, days, years = _date_parts(c.t, s)
    if not months or not days:
        return None
    if not years and _amount_after(c.language).match(c.text, m.end()):
        return None  # "w marcu 2 proc.", "In May 12 million voters": an amount, not a day
    if years:
        d = _make_date(years[0], months[0], days[0])
    elif c.published is not None:
        d = _infer_year(months[0], days[0], c.published)
    else:
        return None  # a date needs bounds; without a year or publication date it has none
    if d is None:
        return None
    return c.mention(m.start(), m.end(), "date", d, d, "date", precision="day")


@lru_cache(maxsize=16)
def _amount_after(language: str | None) -> re.Pattern[str]:
    """What makes the number before it an amount: a percent sign or word, a scale word."""
    codes = [language[:2]] if language and language[:2] in TABLES else list(TABLES)
    amount_words = {w for code in codes for w in (*TABLES[code].percent_words, *TABLES[code].scales)}
    return re.compile(
        rf"[\s\u00a0\u202f]{{0,2}}(?:[%％٪]|{_trie(amount_words, folded=True)}(?!\w))", re.IGNORECASE
    )


def _h_iso(c: _Ctx, m: _Match) -> Mention | None:
    try:
        d = dt.date.fromisoformat(m.group())
    except ValueError:
        return None
    return c.mention(m.start(), m.end(), "date", d, d, "date", precision="day")


def _h_dotted(c: _Ctx, m: _Match) -> Mention | None:
    word, _sep = c.word_before(m.start())
    if word.lower() in cw.NOT_CALENDAR_BEFORE:
        return None
    day, month, year = (int(x) for x in m.group().split("."))
    d = _make_date(year, month, day)
    if d is None:
        return None
    return c.mention(m.start(), m.end(), "date", d, d, "date", precision="day")


def _h_hu_date(c: _Ctx, m: _Match) -> Mention | None:
    months, days, years = _date_parts(c.t, m.group())
    if not (months and days and years):
        return None
    d = _make_date(years[0], months[0], days[0])
    if d is None:
        return None
    return c.mention(m.start(), m.end(), "date", d, d, "date", precision="day")


def _range_mention(
    c: _Ctx,
    start: int,
    end: int,
    months: Sequence[int],
    days: Sequence[int],
    years: Sequence[int],
    month_first: bool,
) -> Mention | None:
    if len(days) != 2 or not months:
        return None
    # "June 25 through July 1" / "25 June to 1 July": first and last month name; one
    # month name serves both days ("September 23-27", "23 au 27 septembre").
    m1, m2 = months[0], months[-1]
    y_end = years[-1] if years else None
    y_start = years[0] if len(years) == 2 else None
    if y_end is None:
        if c.published is None:
            return None
        first = _infer_year(m1, days[0], c.published)
        if first is None:
            return None
        y_start = first.year
        y_end = first.year if (m2, days[1]) >= (m1, days[0]) else first.year + 1
    elif y_start is None:
        y_start = y_end if (m2, days[1]) >= (m1, days[0]) else y_end - 1
    lo, hi = _make_date(y_start, m1, days[0]), _make_date(y_end, m2, days[1])
    if lo is None or hi is None or hi <= lo or (hi - lo).days > 366:
        return None
    return c.mention(start, end, "date_range", lo, hi, "date", precision="day")


_AND_RANGE = re.compile(rf"\s{alternation('range_and_words')}\s", re.IGNORECASE)
# Context words that make "A and B" a range of dates / of years, and that let a lone
# month name stand for the month ("in May").
_BETWEEN = frozenset(words("between_words"))
_YEAR_RANGE_CONTEXT = frozenset(words("year_range_context_words"))
_MONTH_CONTEXT = frozenset(words("month_context_words"))
_FIRST_DATE = re.compile(r"\S+\s+\d{1,2}")  # "September 23" of "September 23 and 27"
_DASH = re.compile(r"[-–—]")


def _h_mdy_range(c: _Ctx, m: _Match) -> Mention | None:
    s = m.group()
    if _bad_english_case(s, c.t):
        return None
    ctx, _ = c.context_before(m.start())
    if _AND_RANGE.search(s) and ctx not in _BETWEEN:
        # "September 23 and 27" is two dates unless "between" says it is a range.
        first = _FIRST_DATE.match(s)
        if first is None:
            return None
        return _h_single_date(c, _Match(c.text, m.start(), m.start() + first.end(), {}))
    months, days, years = _date_parts(c.t, s)
    return _range_mention(c, m.start(), m.end(), months, days, years, month_first=True)


def _h_dmy_range(c: _Ctx, m: _Match) -> Mention | None:
    s = m.group()
    if _bad_english_case(s, c.t):
        return None
    ctx, _ = c.context_before(m.start())
    if _AND_RANGE.search(s) and ctx not in _BETWEEN:
        return None
    months, days, years = _date_parts(c.t, s)
    return _range_mention(c, m.start(), m.end(), months, days, years, month_first=False)


def _h_year_range(c: _Ctx, m: _Match) -> Mention | None:
    _months, _days, years = _date_parts(c.t, m.group())
    if len(years) != 2 or years[1] <= years[0]:
        return None
    if not _DASH.search(m.group()):
        ctx, _ = c.context_before(m.start())
        if ctx not in _YEAR_RANGE_CONTEXT:
            return None
    lo, hi = dt.date(years[0], 1, 1), dt.date(years[1], 12, 31)
    return c.mention(m.start(), m.end(), "date_range", lo, hi, "date", precision="year")


def _h_month_year(c: _Ctx, m: _Match) -> Mention | None:
    s = m.group()
    if _bad_english_case(s, c.t):
        return None
    months, _days, years = _date_parts(c.t, s)
    if not months or not years:
        return None
    lo, hi = _month_bounds(years[0], months[0])
    return c.mention(m.start(), m.end(), "date", lo, hi, "date", precision="month")


def _h_season_year(c: _Ctx, m: _Match) -> Mention | None:
    words = m.group().lower().split()
    years = [int(w) for w in words if w.isdigit()]
    lo, hi = _season(cw.SEASONS[words[0]], years[0])
    return c.mention(m.start(), m.end(), "date", lo, hi, "date", precision="season")


def _h_month_only(c: _Ctx, m: _Match) -> Mention | None:
    ctx, _ = c.context_before(m.start())
    if c.published is None or ctx not in _MONTH_CONTEXT:
        return None
    if _bad_english_case(m.group(), c.t):
        return None
    month = _month_of(c.t, m.group())
    if month is None:
        return None
    first = _infer_year(month, 1, c.published)
    if first is None:
        return None
    lo, hi = _month_bounds(first.year, month)
    return c.mention(m.start(), m.end(), "date", lo, hi, "date", precision="month")


_YEAR_NOUN_AFTER = re.compile(r"\s+(?:[a-z][\w-]*\s+)?([a-z][\w-]*)")


def _h_year(c: _Ctx, m: _Match) -> Mention | None:
    s = m.group()
    year = int(s[:4])
    if s.endswith("s") and not s.endswith("'s") and not s.endswith("’s"):
        decade = year - year % 10
        if decade != year:
            return None
        lo, hi = dt.date(decade, 1, 1), dt.date(decade + 9, 12, 31)
        return c.mention(m.start(), m.end(), "year", lo, hi, "date", precision="decade")
    word, _sep = c.word_before(m.start())
    low_word = word.lower().rstrip(".,")
    if word.lower() in cw.NOT_CALENDAR_BEFORE or low_word in cw.NOT_CALENDAR_BEFORE:
        return None
    ctx, _ = c.context_before(m.start())
    after = _YEAR_NOUN_AFTER.match(c.text, m.end(), min(len(c.text), m.end() + 40))
    if not ctx and low_word not in cw.YEAR_PREPOSITIONS and after is not None:
        # "2014 votes": a lower-case word after a bare number makes it a count,
        # unless that word is about an event ("the 1993 constitution").
        nxt = c.text[m.end() : after.end()].split()
        if not any(w.lower() in cw.YEAR_NOUNS for w in nxt):
            return None
    lo, hi = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return c.mention(m.start(), m.start() + 4, "year", lo, hi, "date", precision="year")


_HANDLERS: dict[str, Callable[[_Ctx, _Match], Mention | None]] = {
    "iso": _h_iso,
    "dotted": _h_dotted,
    "hu_date": _h_hu_date,
    "year_range": _h_year_range,
    "mdy_range": _h_mdy_range,
    "dmy_range": _h_dmy_range,
    "mdy": _h_single_date,
    "dmy": _h_single_date,
    "month_year": _h_month_year,
    "season_year": _h_season_year,
    "month_only": _h_month_only,
    "ago": _h_ago,
    "ago_before": _h_ago,
    "age_old": _h_age_old,
    "age_suffix": _h_age_suffix,
    "duration_adj": _h_duration_adj,
    "previous": _h_previous,
    "duration": _h_duration,
    "past_span": _h_past_span,
    "recent": _h_recent,
    "weekend": _h_weekend,
    "this_last": _h_this_last,
    "weekday": _h_weekday,
    "day_word": _h_day_word,
    "phrase": _h_phrase,
    "age_of": _h_age_of,
    "age_before": _h_age_before,
    "name_age": _h_name_age,
    "year": _h_year,
}


def _scan(text: str, article_id: str, language: str | None, published: dt.date | None) -> list[Mention]:
    langs = _langs(language)
    regex, tables = _compile(langs, language is not None)
    found: list[Mention] = []
    last_end = 0
    # The regex consumes the character before each figure; a leading newline gives the
    # first word one, and every span below is shifted back by it.
    padded = "\n" + text
    ctx = _Ctx(padded, article_id, language, published, tables)
    for m in regex.finditer(padded):
        branch = m.lastgroup
        if branch is None or branch not in _HANDLERS:
            continue
        try:
            mention = _HANDLERS[branch](ctx, _Match.of(m))
        except (ValueError, OverflowError, ArithmeticError) as err:
            # Calendar arithmetic at the edges of datetime's range: skip, never raise.
            log.debug("skipped %r at %d: %s", m.group(), m.start(), err)
            continue
        if mention is None:
            continue
        if mention.text[:1].isalpha() and _inside_compound(text, mention.start):
            continue  # "huit ans" of "dix-huit ans" is not eight years (the compound is not in our tables)
        if mention.start < last_end:
            # a context word reached back into the previous mention: keep the figure only
            mention = _trim_start(text, mention, last_end)
            if mention is None:
                continue
        if found and _weekday_of_date(text, found[-1], mention):
            found.pop()  # "Sunday, December 12, 1993": the date says which Sunday
        found.append(mention)
        last_end = mention.end
    return found


_WEEKDAY_DATE_GAP = re.compile(r",?\s{1,3}(?:the\s+)?")  # "Sunday, Oct. 26", "Sunday the 26th"


def _weekday_of_date(text: str, weekday: Mention, date: Mention) -> bool:
    """Whether ``weekday`` ("Sunday") names the day of the explicit ``date`` right after it."""
    return (
        date.kind in ("date", "date_range")
        and weekday.kind == "relative_date"
        and weekday.offset is not None
        and weekday.offset.unit == "weekday"
        and _WEEKDAY_DATE_GAP.fullmatch(text, weekday.end, date.start) is not None
    )


def _inside_compound(text: str, start: int) -> bool:
    """Whether the word at ``start`` ends a hyphenated word ("dix-huit", "vingt-deux")."""
    return start >= 2 and text[start - 1] == "-" and text[start - 2].isalpha()


def _trim_start(text: str, m: Mention, start: int) -> Mention | None:
    if start >= m.end:
        return None
    return Mention(
        m.article, start, m.end, text[start : m.end], m.kind, m.low, m.high, m.unit,
        m.qualifier, m.decimals, m.precision, m.offset, m.value,
    )  # fmt: skip


def extract_calendar(
    text: str, article_id: str, language: str | None = None, published: dt.date | None = None
) -> list[Mention]:
    """Every calendar figure in ``text``: dates, ranges, years, durations, relative dates, ages.

    Mentions are in text order and do not overlap. Relative dates are resolved against
    ``published`` when it is given and keep their :class:`~checker.model.Offset` always.

    >>> [(m.text, m.kind, str(m.low), str(m.high)) for m in extract_calendar(
    ...     "Polls were open between September 23 and 27.", "x", "en", dt.date(2022, 9, 28))]
    [('September 23 and 27', 'date_range', '2022-09-23', '2022-09-27')]
    """
    return _scan(text, article_id, language, published)


__all__ = [
    "extract_calendar",
    "parse_date",
    "parse_date_range",
    "parse_duration",
    "parse_number",
    "resolve_ago",
]
