"""Ages: "47-year-old", "at the age of 47", "im Alter von 47 Jahren", "Putin, 71,"."""

from __future__ import annotations

import re

from checker.extract import calendar_words as cw
from checker.extract.context import (
    _Ctx,
    _Match,
    _tokens,
    parse_number,
)
from checker.lang import words
from checker.model import Mention


def _age_mention(c: _Ctx, start: int, end: int, num_s: str) -> Mention | None:
    value = parse_number(num_s, c.language)
    if value is None or not (0 < value <= 120) or value != value.to_integral_value():
        return None
    return c.mention(start, end, "age", value, value, "year", value=value)


_YEARS_OLD = re.compile(r"[-\s](?i:years?|yrs?)")  # "47-year-old"
_DIGIT_RUN = re.compile(r"\d+")
_AGE_OF = re.compile(r"(?i)\bof\s+|\baged?\s+")  # "at the age of 47", "aged 47"


def _h_age_old(c: _Ctx, m: _Match) -> Mention | None:
    num_s = _YEARS_OLD.split(m.group())[0]
    return _age_mention(c, m.start(), m.end(), num_s)


def _h_age_suffix(c: _Ctx, m: _Match) -> Mention | None:
    num = _DIGIT_RUN.match(m.group())
    return _age_mention(c, m.start(), m.end(), num.group()) if num else None


def _h_age_of(c: _Ctx, m: _Match) -> Mention | None:
    num_s = _AGE_OF.split(m.group())[-1]
    return _age_mention(c, m.start(), m.end(), num_s)


# "a los 47", "aos 47": these words alone do not make an age without the year word.
_WEAK_AGE_BEFORE = frozenset(words("age_before_weak"))


def _h_age_before(c: _Ctx, m: _Match) -> Mention | None:
    toks = _tokens(m.group().lower())
    year_words = {w for ws in cw.AGE_YEAR_WORDS.values() for w in ws}
    has_year_word = toks[-1] in year_words
    if c.language and c.language[:2] in cw.AGE_NEEDS_YEAR_WORD and not has_year_word:
        return None
    if toks[0] in _WEAK_AGE_BEFORE and not has_year_word:
        return None
    num_tok = toks[-2] if has_year_word else toks[-1]
    return _age_mention(c, m.start(), m.end(), num_tok)


def _h_name_age(c: _Ctx, m: _Match) -> Mention | None:
    word, _sep = c.word_before(m.start() + 1)
    if not word[:1].isupper() or word.lower().rstrip(".") in c.t.months or word.lower() in c.t.weekdays:
        return None
    num = _DIGIT_RUN.search(m.group())
    assert num is not None
    return _age_mention(c, m.start() + num.start(), m.start() + num.end(), num.group())
