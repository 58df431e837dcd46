"""Language tables for the number extractor: number words, scale words, percent words, hedges.

The words are data: the ``[numbers]`` table of each language file (``checker/lang/*.toml``,
written down by hand from common newsroom usage), read once at import into one
:class:`LanguageTable` per language. Decimal and group symbols are *not* there, they come
from CLDR through babel in :mod:`checker.extract.numbers`; month names (to skip day
numbers) also come from CLDR. Every table is lower case; matching is case-insensitive.

Hedges map a phrase to how it bends the interval of the figure after it:

* ``more_than`` / ``at_least``: open above (``[x, 100]`` for a share, ``[x, None]`` for a count);
* ``less_than`` / ``at_most``: ``[0, x]``;
* ``about``: the rounding interval widened by a tolerance on both sides;
* ``nearly``: just below the figure, ``[x - tolerance, x]`` ("almost 1.3 million");
* ``just_over``: just above the figure, ``[x, x + tolerance]``;
* ``exactly``: the figure as written.

Vague magnitudes map to a closed interval: "hundreds of thousands" is at least two hundred
thousand and below a million, so ``[200000, 1000000]``.

Fractions map to the share they stand for, in percent ("two-thirds" -> 66.67).

>>> TABLES["en"].scales["million"]
Decimal('1000000')
>>> TABLES["de"].hedges["mehr als"]
'more_than'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType
from typing import Any, Literal, get_args

from checker.lang import LANGUAGES, pairs, words

Hedge = Literal["more_than", "less_than", "at_least", "at_most", "about", "nearly", "just_over", "exactly"]

D = Decimal


@dataclass(frozen=True, slots=True)
class LanguageTable:
    """The words one language uses around figures (all lower case)."""

    code: str
    percent_words: tuple[str, ...]
    # "percentage points" is a difference between shares, never a share: such figures are
    # dropped rather than reported as percentages.
    point_words: tuple[str, ...]
    scales: Mapping[str, Decimal]
    # Words (or, for compounding languages, word parts) that spell numbers.
    number_words: Mapping[str, Decimal]
    # Parts that join number words ("forty and two", "cuarenta y dos") and carry no value.
    joiners: tuple[str, ...]
    # Number words that are not counts when they stand alone ("one of them", "un voto").
    not_alone: frozenset[str]
    # True when numbers are written as one word made of parts ("siebenundvierzig").
    compounding: bool
    hedges: Mapping[str, Hedge]
    vague: Mapping[str, tuple[Decimal, Decimal]]
    fractions: Mapping[str, Decimal]
    # Words after a fraction that make it a share ("two-thirds of"); empty: no such word.
    of_words: tuple[str, ...]
    # Connectors of a list of figures that share the unit after the last one.
    list_words: tuple[str, ...]
    # Connectors of a range ("41 to 46%") and the word that opens "between X and Y".
    range_words: tuple[str, ...]
    between_words: tuple[str, ...]
    # "from X to Y" is a change, not a range.
    from_words: tuple[str, ...]
    # Nouns that make a year-like number a count ("2014 votes").
    count_nouns: tuple[str, ...]
    # Words after a figure that make it money or a measure, not a count.
    currency_words: tuple[str, ...]
    measure_words: tuple[str, ...]
    # Ordinal endings written after digits ("5th", "5-й", "5e").
    ordinal_suffixes: tuple[str, ...]
    # Articles allowed between a hedge and the figure ("oltre il 60%").
    articles: tuple[str, ...] = field(default=())


def _values(entries: tuple[tuple[Any, ...], ...]) -> Mapping[str, Decimal]:
    """``{word: value}`` of ``[word, value]`` entries (a later repeat wins, as in a dict)."""
    return MappingProxyType({word: D(value) for word, value in entries})


# The languages that write a number as one word made of parts ("siebenundvierzig").
COMPOUNDING = frozenset({"de", "it", "hu"})
HEDGES: tuple[Hedge, ...] = get_args(Hedge)


def _table(code: str) -> LanguageTable:
    """The table of ``code``, from the ``[numbers]`` table of its language file."""
    lang = (code,)

    def _list(key: str) -> tuple[str, ...]:
        return words(f"numbers.{key}", lang)

    return LanguageTable(
        code=code,
        percent_words=_list("percent_words"),
        point_words=_list("point_words"),
        scales=_values(pairs("numbers.scales", lang)),
        number_words=_values(pairs("numbers.number_words", lang)),
        joiners=_list("joiners"),
        not_alone=frozenset(_list("not_alone")),
        compounding=code in COMPOUNDING,
        hedges=MappingProxyType({phrase: hedge for hedge in HEDGES for phrase in _list(f"hedges.{hedge}")}),
        vague=MappingProxyType(
            {phrase: (D(low), D(high)) for phrase, low, high in pairs("numbers.vague", lang)}
        ),
        fractions=_values(pairs("numbers.fractions", lang)),
        of_words=_list("of_words"),
        list_words=_list("list_words"),
        range_words=_list("range_words"),
        between_words=_list("between_words"),
        from_words=_list("from_words"),
        count_nouns=_list("count_nouns"),
        currency_words=_list("currency_words"),
        measure_words=_list("measure_words"),
        ordinal_suffixes=_list("ordinal_suffixes"),
        articles=_list("articles"),
    )


TABLES: Mapping[str, LanguageTable] = MappingProxyType({code: _table(code) for code in LANGUAGES})

# text2num spells numbers in these languages; the others use our own table parser.
TEXT2NUM_LANGUAGES = frozenset({"en", "fr", "es", "de", "it", "pt"})

# Words after a fraction that are not a population, in any language: "a quarter of a
# century", "half an hour".
FRACTION_STOP = frozenset(words("numbers.fraction_stop"))

__all__ = ["TABLES", "TEXT2NUM_LANGUAGES", "Hedge", "LanguageTable"]
