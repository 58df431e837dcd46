"""Durations: "five days", "roughly a month", "a three-day vote" and their hedges."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from checker.extract import calendar_words as cw
from checker.extract.calendar_math import (
    HEDGE_TOLERANCE,
    OffsetUnit,
)
from checker.extract.context import (
    _Ctx,
    _Match,
    _tokens,
    parse_number,
)
from checker.extract.grammar import (
    _Tables,
)
from checker.lang import alternation, words
from checker.model import Mention, Qualifier

_STRAIGHT = re.compile(rf"\s+{alternation('straight_words')}$")  # "five days straight"
# longest first: "a couple of" before "a couple"
_VAGUE_LONGEST_FIRST = tuple(sorted(cw.VAGUE_WORDS, key=len, reverse=True))


def _number_and_unit(c: _Ctx, s: str) -> tuple[Decimal, Decimal, str, Qualifier] | None:
    """(low, high, unit, qualifier) of "five days", "several days", "a fortnight"."""
    return _amount_and_unit(c.t, c.language, s)


@lru_cache(maxsize=4096)
def _amount_and_unit(
    t: _Tables, language: str | None, s: str
) -> tuple[Decimal, Decimal, str, Qualifier] | None:
    # a pure function of the phrase ("three days" recurs in every text): cached
    low_s = " ".join(s.lower().split())
    vague = next((v for v in _VAGUE_LONGEST_FIRST if low_s.startswith(v + " ")), None)
    toks = _tokens(low_s)
    unit_word = next((tok for tok in reversed(toks) if tok in t.units), None)
    if unit_word is None:
        return None
    canonical = t.units[unit_word]
    out_unit, scale = cw.UNIT_SCALE[canonical]
    if vague is not None:
        lo, hi = cw.VAGUE_WORDS[vague]
        return _scaled(lo, scale), _scaled(hi, scale), out_unit, "vague"
    num_s = low_s
    for more in _MORE_WORDS:  # "six more years": the number is before "more"
        num_s = num_s.split(f" {more} ")[0]
    num_s = num_s[: num_s.rfind(" ")] if " " in num_s else num_s
    num_s = _STRAIGHT.sub("", num_s)
    value = parse_number(num_s, language)
    if value is None or value <= 0:
        return None
    # the number word and the unit must be of one language ("hat nap", not "hat days")
    if not num_s[:1].isdigit() and not (
        t.number_langs.get(num_s, set()) & t.unit_langs.get(unit_word, set())
    ):
        return None
    return _scaled(value, scale), _scaled(value, scale), out_unit, "exact"


def _scaled(value: Decimal, scale: Decimal) -> Decimal:
    """``value`` times a unit scale; hours (scale < 1) divide by 24 so 48 hours is exactly 2."""
    if scale < 1:
        return value / (1 / scale).to_integral_value()
    return value * scale


def _offset_unit(unit: str) -> OffsetUnit:
    return unit if unit in ("day", "week", "month", "year") else "day"  # type: ignore[return-value]


def _hedged(lo: Decimal, hi: Decimal, q: Qualifier, word: str) -> tuple[Decimal, Decimal | None, Qualifier]:
    if q == "about":
        if word in ("nearly", "almost"):
            return lo * (1 - HEDGE_TOLERANCE), hi, q
        return lo * (1 - HEDGE_TOLERANCE), hi * (1 + HEDGE_TOLERANCE), q
    if q == "more_than" and word == "over":
        # "voting over four days" is a span of four days as often as "more than four":
        # at_least holds for both readings.
        return lo, None, "at_least"
    if q in ("more_than", "at_least"):
        return lo, None, q
    if q in ("less_than", "at_most"):
        return Decimal(0), hi, q
    return lo, hi, q


# Verbs after which "over N days" states the span of an event ("held over four days").
_SPAN_VERBS = frozenset(words("span_verbs"))

_FREQUENCY_BEFORE = frozenset(words("frequency_words"))
_MORE_WORDS = words("more_words")


def _h_duration(c: _Ctx, m: _Match) -> Mention | None:
    s = m.group()
    parsed = _number_and_unit(c, s)
    if parsed is None:
        return None
    lo, hi, unit, q = parsed
    first = s.split()[0].lower()
    word, _sep = c.word_before(m.start())
    if first in ("a", "an", "one") and word.lower() in _FREQUENCY_BEFORE:
        return None  # "twice a year" is a frequency
    if first == "one" and c.text[m.end() : m.end() + 1] == ",":
        return None  # "One day, ..." is a story opening
    start = m.start()
    if q == "exact":
        hq, hstart, hword = c.hedge_before(m.start())
        if hword:
            start = hstart
            if hword.lower() == "over" and c.word_before(hstart)[0].lower() in _SPAN_VERBS:
                # "held over four days", "spread over three days": the span itself, not "more than".
                return c.mention(start, m.end(), "duration", lo, hi, unit, qualifier="exact", value=lo)
            new_lo, new_hi, q = _hedged(lo, hi, hq, hword)
            return c.mention(start, m.end(), "duration", new_lo, new_hi, unit, qualifier=q, value=lo)
    return c.mention(
        start, m.end(), "duration", lo, hi, unit, qualifier=q, value=lo if q == "exact" else None
    )


def _h_duration_adj(c: _Ctx, m: _Match) -> Mention | None:
    s = m.group().lower().replace("-long", "")
    num_s, unit_s = s.rsplit("-", 1)
    value = parse_number(num_s, "en")
    if value is None or value <= 0:
        return None
    out_unit, scale = cw.UNIT_SCALE[unit_s]
    days = _scaled(value, scale)
    return c.mention(m.start(), m.end(), "duration", days, days, out_unit, value=value)
