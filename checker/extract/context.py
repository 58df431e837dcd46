"""What the calendar handlers share: the match and context objects, tokens, number words."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from checker.extract import calendar_words as cw
from checker.extract.calendar_math import (
    _MAX_YEAR,
    _MIN_YEAR,
)
from checker.extract.grammar import (
    _langs,
    _Tables,
)
from checker.lang import words
from checker.model import Kind, Mention, Offset, Precision, Qualifier

# ---------------------------------------------------------------------------------------
# Pure parsers
# ---------------------------------------------------------------------------------------


def parse_number(s: str, language: str | None = None) -> Decimal | None:
    """A small count in digits or words.

    >>> parse_number("twenty-one"), parse_number("a"), parse_number("acht", "de"), parse_number("2,5")
    (Decimal('21'), Decimal('1'), Decimal('8'), Decimal('2.5'))
    """
    word = " ".join(s.lower().split())
    if word[:1].isdigit():
        try:
            return Decimal(word.replace(",", "."))
        except InvalidOperation:
            return None
    for lang in _langs(language):
        value = cw.NUMBER_WORDS[lang].get(word)
        if value is not None:
            return value
    return _text2num(word, language)


def _text2num(word: str, language: str | None) -> Decimal | None:
    # Only the languages text2num knows, and only when the language is known: a German
    # compound read as French is nonsense.
    if language is None or language[:2] not in ("fr", "es", "de", "it", "pt"):
        return None
    try:
        from text_to_num import text2num

        value = text2num(word, language[:2])
    except (ValueError, KeyError, IndexError):
        return None
    return Decimal(value) if 0 < value < 1000 else None


# ---------------------------------------------------------------------------------------
# Extraction
# ---------------------------------------------------------------------------------------

_TOKEN_BEFORE = re.compile(r"\S+")
_CONTEXT_WORDS = frozenset(words("date_context_words"))
_HEDGE_WORDS = {**cw.HEDGES, **cw.by_value("context_hedges")}
_WEEKDAY_WORDS = frozenset(words("weekday_context_words"))


# The last word of each phrase of the context tables, for a quick "no phrase here" test;
# keyed by the identity of the (module-level, never rebuilt) table.
_LAST_WORDS: dict[int, frozenset[str]] = {
    id(table): frozenset(phrase.rsplit(" ", 1)[-1] for phrase in table)
    for table in (_CONTEXT_WORDS, _HEDGE_WORDS, _WEEKDAY_WORDS)
}


class _Match:
    """A match seen by the handlers: the figure without the character consumed before it."""

    __slots__ = ("_end", "_spans", "_start", "_text", "_whole")

    def __init__(
        self, text: str, start: int, end: int, spans: dict[str, tuple[int, int]], whole: str = ""
    ) -> None:
        self._text, self._start, self._end, self._spans = text, start, end, spans
        self._whole = whole or text[start:end]

    @classmethod
    def of(cls, m: re.Match[str]) -> _Match:
        spans = {"previous_dir": m.span("previous_dir")} if m.lastgroup == "previous" else {}
        return cls(m.string, m.start() + 1, m.end(), spans)

    def group(self, name: str | None = None) -> str:
        if name is None:
            return self._whole
        s, e = self._spans[name]
        return self._text[s:e]

    def start(self, name: str | None = None) -> int:
        return self._start if name is None else self._spans[name][0]

    def end(self, name: str | None = None) -> int:
        return self._end if name is None else self._spans[name][1]


def _last_tokens_start(chunk: str, n: int) -> int:
    """Where the last ``n`` white-space separated tokens of ``chunk`` start.

    >>> _last_tokens_start("said at  the age", 2), _last_tokens_start(" at the", 2)
    (9, 1)
    """
    rest = chunk.rstrip()
    parts = rest.rsplit(None, n)
    if len(parts) > n:  # a head before them: skip it and the white space after it
        tail = rest[len(parts[0]) :]
        return len(rest) - len(tail.lstrip())
    return len(chunk) - len(chunk.lstrip())


class _Ctx:
    """What every handler needs: the text, the article and the tables."""

    def __init__(
        self, text: str, article: str, language: str | None, published: dt.date | None, t: _Tables
    ) -> None:
        self.text = text
        self.article = article
        self.language = language
        self.published = published
        self.t = t

    def before(self, start: int, width: int = 40) -> str:
        return self.text[max(0, start - width) : start]

    def tokens_before(self, start: int) -> list[tuple[str, int]]:
        """Up to three whitespace-separated tokens right before ``start`` and their starts."""
        base = max(0, start - 40)
        chunk = self.text[base:start]
        toks = [(t.group(), base + t.start()) for t in _TOKEN_BEFORE.finditer(chunk)]
        return toks[-3:]

    def word_before(self, start: int) -> tuple[str, str]:
        """The word before ``start`` (punctuation stripped) and what separates them."""
        chunk = self.before(start)
        tail = chunk.rstrip(" \t\n,")
        sep = chunk[len(tail) :]
        word = tail.rsplit(None, 1)[-1] if tail.strip() else ""
        word = word.lstrip("\"'“‘(«[")
        return word, sep

    def phrase_before(self, start: int, table: Iterable[str] | dict[str, str]) -> tuple[str, int]:
        """The longest phrase of ``table`` (1-3 words) ending right before ``start``."""
        if start == 0 or not self.text[start - 1].isspace():
            return "", start
        last_words = _LAST_WORDS.get(id(table))
        if last_words is not None:
            # Every phrase ends with the last token: most figures have no context word,
            # and this test answers that without splitting the tokens.
            tail = self.text[max(0, start - 40) : start].rstrip()
            if not tail or tail.rsplit(None, 1)[-1].lower() not in last_words:
                return "", start
        # str.split() cuts at the same white space as ``\S+``: these are the tokens of
        # ``tokens_before``, found without a regex.
        chunk = self.before(start)
        words = chunk.split()[-3:]
        for n in (3, 2, 1):
            if len(words) >= n:
                phrase = " ".join(words[-n:]).lower()
                if phrase in table:
                    return phrase, max(0, start - 40) + _last_tokens_start(chunk, n)
        return "", start

    def context_before(self, start: int) -> tuple[str, int]:
        """The context word before ``start`` (lower-cased) and where it starts."""
        return self.phrase_before(start, _CONTEXT_WORDS)

    def hedge_before(self, start: int) -> tuple[Qualifier, int, str]:
        word, at = self.phrase_before(start, _HEDGE_WORDS)
        if not word:
            return "exact", start, ""
        return _HEDGE_WORDS[word], at, word  # type: ignore[return-value]

    def mention(
        self,
        start: int,
        end: int,
        kind: Kind,
        low: object,
        high: object,
        unit: str,
        *,
        qualifier: Qualifier = "exact",
        precision: Precision | None = None,
        offset: Offset | None = None,
        value: Decimal | None = None,
    ) -> Mention:
        if end - start > 1 and self.text[end - 1] == "." and not self.text[end : end + 1].isalnum():
            # "23." (German 23rd) and "janv." end in a dot, but at the end of a figure it
            # is usually the sentence's full stop: keep it out of the surface text.
            end -= 1
        # ``text`` starts with one padding character (see ``_scan``): spans shift back by it.
        # Positional arguments: one call per figure, and keywords cost a third more.
        return Mention(
            self.article, start - 1, end - 1, self.text[start:end], kind,
            low, high, unit, qualifier, None, precision, offset, value,  # type: ignore[arg-type]
        )  # fmt: skip


_TOKEN = re.compile(r"\d+|[^\W\d_][\w'’ʼ]*(?:-[^\W\d_]+)*")


def _tokens(s: str) -> list[str]:
    return _TOKEN.findall(s)


def _month_of(t: _Tables, word: str) -> int | None:
    return t.months.get(word.lower().rstrip("."))


@lru_cache(maxsize=4096)
def _date_parts(t: _Tables, s: str) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    """Month numbers, day numbers and years in order of appearance in a date phrase.

    Cached, like the other pure parsers here: the same phrases recur in every text.
    """
    months: list[int] = []
    days: list[int] = []
    years: list[int] = []
    for tok in _tokens(s):
        if tok.isdigit():
            n = int(tok)
            if len(tok) == 4 and _MIN_YEAR <= n <= _MAX_YEAR:
                years.append(n)
            elif len(tok) <= 2:
                days.append(n)
        else:
            month = _month_of(t, tok)
            if month is not None:
                months.append(month)
    return tuple(months), tuple(days), tuple(years)


@lru_cache(maxsize=4096)
def _bad_english_case(s: str, t: _Tables) -> bool:
    # "may" as a verb: an English month written in lower case is not a month.
    for tok in _tokens(s):
        low = tok.lower()
        if low in cw.MONTHS["en"] and low in t.months and tok[0].islower():
            other = any(low in cw.MONTHS[lang] for lang in t.langs if lang != "en")
            if not other:
                return True
    return False
