"""Relative dates: "eight years ago", "last week", "on Tuesday", "la semaine dernière"."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from checker.extract import calendar_words as cw
from checker.extract.calendar_math import (
    RECENT_SPAN,
    OffsetUnit,
    _add_months,
    _month_bounds,
    _relative_season,
    _shift,
    _week_bounds,
    _weekday_date,
    resolve_ago,
)
from checker.extract.context import (
    _WEEKDAY_WORDS,
    _Ctx,
    _Match,
    _tokens,
    parse_number,
)
from checker.extract.durations import (
    _hedged,
    _number_and_unit,
    _offset_unit,
    _scaled,
)
from checker.lang import words
from checker.model import Mention, Offset, Precision, Qualifier


def _ago_amount(c: _Ctx, s: str) -> tuple[Decimal, str] | None:
    parsed = _number_and_unit(c, s)
    if parsed is None or parsed[3] == "vague":
        return None
    lo, _hi, unit, _q = parsed
    return lo, unit


def _relative(
    c: _Ctx,
    start: int,
    end: int,
    offset: Offset,
    interval: tuple[dt.date | None, dt.date | None, Precision] | None,
    qualifier: Qualifier = "exact",
    precision: Precision = "day",
) -> Mention:
    lo, hi = (interval[0], interval[1]) if interval else (None, None)
    prec = interval[2] if interval else precision
    return c.mention(
        start, end, "relative_date", lo, hi, "date", qualifier=qualifier, precision=prec, offset=offset
    )


# Every language's "ago" words (a set, iterated in its own order as before), and the
# words that say "ago" before the number.
_AGO_AFTER_WORDS = {w for lang in cw.LANGUAGES for w in cw.AGO_AFTER.get(lang, ())}
_AGO_BEFORE_WORDS = tuple(w for lang in cw.LANGUAGES for w in cw.AGO_BEFORE.get(lang, ()))


def _h_ago(c: _Ctx, m: _Match) -> Mention | None:
    s = m.group()
    body = s
    today = False
    low_s = s.lower()
    if low_s.endswith("today"):
        today = True
        body = s[: low_s.rfind("today")].rstrip()
    for w in _AGO_AFTER_WORDS:
        if body.lower().endswith(w):
            body = body[: -len(w)].rstrip()
            break
    if s.lower().startswith(_AGO_BEFORE_WORDS):
        body = body.split(None, 1)[1]
        if body.lower().startswith("y a "):  # "il y a"
            body = body[4:]
    parsed = _ago_amount(c, body)
    if parsed is None:
        return None
    amount, unit = parsed
    q, hstart, hword = c.hedge_before(m.start())
    start = hstart if hword else m.start()
    exact = "today" if today else ("exactly" if q == "exact" and hword else "")
    offset = Offset(-amount, _offset_unit(unit), "published", exact=bool(exact))
    interval = resolve_ago(amount, unit, c.published, q, exact) if c.published else None
    precision: Precision = (
        "day" if exact else ("year" if unit == "year" else "month" if unit == "month" else "day")
    )
    return _relative(c, start, m.end(), offset, interval, qualifier=q, precision=precision)


def _h_ago_suffixed(c: _Ctx, m: _Match) -> Mention | None:
    return _h_ago(c, m)


_PUNCT_AFTER = re.compile(r"\s*(?:[.,;:!?)\]\"”»]|$)")


def _h_previous(c: _Ctx, m: _Match) -> Mention | None:
    s = m.group()
    direction = m.group("previous_dir").lower()
    body = s[: m.start("previous_dir") - m.start()].rstrip()
    parsed = _number_and_unit(c, body)
    if parsed is None:
        return None
    lo, hi, unit, q = parsed
    sign = -1 if direction in ("earlier", "before", "beforehand", "previously") else 1
    hq, hstart, hword = c.hedge_before(m.start())
    start = hstart if hword else m.start()
    offset = Offset(lo * sign, _offset_unit(unit), "previous", exact=hq == "exact" and bool(hword))
    if direction in ("before", "after") and not _PUNCT_AFTER.match(c.text, m.end()):
        # "a month after <event>": the gap between two events is a duration; the binder
        # reads the direction from the offset.
        end = m.start("previous_dir")
        while end > m.start() and c.text[end - 1].isspace():
            end -= 1
        d_lo, d_hi, dq = _hedged(lo, hi, hq, hword) if hword else (lo, hi, q)
        return c.mention(start, end, "duration", d_lo, d_hi, unit, qualifier=dq, offset=offset, value=lo)
    return _relative(c, start, m.end(), offset, None, qualifier=hq if hword else "exact")


def _h_past_span(c: _Ctx, m: _Match) -> Mention | None:
    s = m.group()
    toks = _tokens(s.lower())
    unit_word = toks[-1]
    canonical = c.t.units.get(unit_word)
    if canonical is None:
        return None
    out_unit, scale = cw.UNIT_SCALE[canonical]
    amount = Decimal(1)
    if len(toks) > 5 or (len(toks) == 5 and toks[3] not in ("the",)):
        value = parse_number(" ".join(toks[3:-1]), c.language)
        if value is None:
            return None
        amount = value
    amount = _scaled(amount, scale)
    offset = Offset(-amount, _offset_unit(out_unit), "published")
    interval = None
    if c.published is not None:
        interval = (_shift(c.published, -amount, out_unit), c.published, "day")
    return _relative(c, m.start(), m.end(), offset, interval)  # type: ignore[arg-type]


def _h_recent(c: _Ctx, m: _Match) -> Mention | None:
    unit = m.group().lower().split()[-1].rstrip("s")
    back = RECENT_SPAN[unit]
    offset = Offset(Decimal(-back), "day", "published")
    interval = None
    if c.published is not None:
        interval = (c.published - dt.timedelta(days=back), c.published, "day")
    return _relative(c, m.start(), m.end(), offset, interval, qualifier="vague")  # type: ignore[arg-type]


def _h_weekend(c: _Ctx, m: _Match) -> Mention | None:
    first = m.group().split()[0].lower()
    amount = {"next": 1, "this": 0}.get(first, -1)
    offset = Offset(Decimal(amount), "weekday", "published", weekday=5)
    interval = None
    p = c.published
    if p is not None:
        if amount < 0 or (amount == 0 and p.weekday() >= 5):
            # the weekend just past, or the one under way on a Saturday/Sunday
            sat = p - dt.timedelta(days=(p.weekday() - 5) % 7)
        else:
            sat = (
                p + dt.timedelta(days=(5 - p.weekday()) % 7 or 7)
                if amount > 0
                else (p + dt.timedelta(days=(5 - p.weekday()) % 7))
            )
        interval = (sat, sat + dt.timedelta(days=1), "weekend")
    return _relative(c, m.start(), m.end(), offset, interval, precision="weekend")  # type: ignore[arg-type]


def _h_this_last(c: _Ctx, m: _Match) -> Mention | None:
    words = m.group().lower().split()
    amount = {"last": -1, "past": -1, "this": 0, "next": 1}[words[0]]
    what = words[-1]
    p = c.published
    if what in cw.SEASONS:
        season = cw.SEASONS[what]
        offset = Offset(Decimal(amount), "season", "published", season=season)
        interval = (*_relative_season(season, amount, p), "season") if p else None
        return _relative(c, m.start(), m.end(), offset, interval, precision="season")  # type: ignore[arg-type]
    unit: OffsetUnit = what  # type: ignore[assignment]
    offset = Offset(Decimal(amount), unit, "published")
    if p is None:
        return _relative(c, m.start(), m.end(), offset, None, precision=unit)  # type: ignore[arg-type]
    if unit == "week":
        lo, hi = _week_bounds(p + dt.timedelta(days=7 * amount))
    elif unit == "month":
        first = _add_months(dt.date(p.year, p.month, 1), amount)
        lo, hi = _month_bounds(first.year, first.month)
    else:
        lo, hi = dt.date(p.year + amount, 1, 1), dt.date(p.year + amount, 12, 31)
    return _relative(c, m.start(), m.end(), offset, (lo, hi, unit))  # type: ignore[arg-type]


_WEEKDAY_NAME = re.compile(r"[^\W\d_][\w'’ʼ]*(?:-feira)?")  # "Mittwochabend", "segunda-feira"
_CAPITALISED_OK = frozenset(words("weekday_capitalised_ok"))
_WEEKDAY_PARTS_GLUED = words("weekday_parts_glued")


def _h_weekday(c: _Ctx, m: _Match) -> Mention | None:
    s = m.group()
    name = _WEEKDAY_NAME.match(s)
    if name is None:
        return None
    key = name.group().lower()
    # German compounds "Mittwochabend": strip the time-of-day part.
    for part in _WEEKDAY_PARTS_GLUED:
        if key not in c.t.weekdays and key.endswith(part):
            key = key[: -len(part)]
    weekday = c.t.weekdays.get(key)
    if weekday is None:
        return None
    lang = c.t.weekday_lang[key]
    ctx, ctx_start = c.phrase_before(m.start(), _WEEKDAY_WORDS)
    word, sep = c.word_before(m.start())
    if not ctx:
        if lang not in cw.WEEKDAY_BARE:
            return None
        if word.lower() in cw.WEEKDAY_NAME_PREFIXES:
            return None  # "Super Tuesday", "Good Friday"
        if word[:1].isupper() and sep.strip() == "" and word.lower() not in _CAPITALISED_OK:
            # "Black Friday", "Bloody Sunday": a capitalised word glued to it makes a name,
            # unless it starts a sentence.
            before_word = c.before(m.start() - len(word) - len(sep), 3).rstrip()
            if before_word and before_word[-1] not in '.!?\n"“«':
                return None
    amount = {"last": -1, "next": 1}.get(ctx.split()[0] if ctx else "", 0)
    start = ctx_start
    offset = Offset(Decimal(amount), "weekday", "published", weekday=weekday)
    interval = None
    if c.published is not None:
        d = _weekday_date(weekday, amount, c.published)
        interval = (d, d, "day")
    return _relative(c, start, m.end(), offset, interval)  # type: ignore[arg-type]


_DAY_WORDS = {
    "yesterday": -1,
    "today": 0,
    "tonight": 0,
    "tomorrow": 1,
    "last night": -1,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
}


def _h_day_word(c: _Ctx, m: _Match) -> Mention | None:
    key = " ".join(m.group().lower().split())
    if m.group() == "Today":
        # "Russia Today", "USA Today": a capitalised Today inside a sentence is a name.
        prev = c.before(m.start(), 3).rstrip()
        if prev and prev[-1] not in '.!?\n"“«':
            return None
    amount = _DAY_WORDS[key]
    return _day_relative(c, m.start(), m.end(), amount)


def _day_relative(c: _Ctx, start: int, end: int, amount: int) -> Mention:
    offset = Offset(Decimal(amount), "day", "published")
    interval = None
    if c.published is not None:
        d = c.published + dt.timedelta(days=amount)
        interval = (d, d, "day")
    return _relative(c, start, end, offset, interval)  # type: ignore[arg-type]


def _h_phrase(c: _Ctx, m: _Match) -> Mention | None:
    key = " ".join(m.group().lower().split())
    found = c.t.phrases.get(key)
    if found is None:
        return None
    amount, unit = found
    if unit == "day":
        return _day_relative(c, m.start(), m.end(), amount)
    word = "last" if amount < 0 else "next" if amount > 0 else "this"
    return _h_this_last(c, _Match(c.text, m.start(), m.end(), {}, f"{word} {unit}"))
