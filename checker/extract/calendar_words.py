"""Calendar word tables per language, built once at import time.

Provenance:

* month and weekday names come from CLDR through babel (``get_month_names`` and
  ``get_day_names``, both the ``format`` and ``stand-alone`` contexts, widths ``wide``
  and ``abbreviated``), so genitive forms such as Russian "марта", Polish "września" or
  Ukrainian "вересня" come with them;
* CLDR has no locative ("в сентябре", "we wrześniu") or accusative weekday forms ("в
  среду", "w środę"), nor Hungarian case suffixes ("szerdán"): those few forms are typed
  below, each table saying which case it adds;
* unit words, number words (1-12, 20, 30), "ago" words and hedges are typed here; they
  are ordinary vocabulary, checked against the tests in ``tests/extract/dates_cases.csv``.

Keys are lower case; the extractor matches case-insensitively where a language writes
these words in lower case and restores case rules (English month names must be
capitalised: "may" is a verb, "march" a noun) in :mod:`checker.extract.dates`.

>>> MONTHS["ru"]["марта"], MONTHS["pl"]["września"], WEEKDAYS["en"]["wednesday"]
(3, 9, 2)
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from babel.dates import get_day_names, get_month_names

from checker.lang import LANGUAGES, by_language, pairs
from checker.lang import table as lang_table
from checker.lang import words as lang_words

# Unicode apostrophes vary by outlet: "п'ятниця", "пʼятниця", "п’ятниця".
_APOSTROPHES = ("'", "\u2019", "\u02bc")


def _variants(word: str) -> set[str]:
    """Lower-case spellings of one CLDR name: with and without its dot and apostrophe form."""
    w = word.lower()
    out = {w, w.rstrip(".")}
    for a in _APOSTROPHES:
        for b in _APOSTROPHES:
            out |= {v.replace(a, b) for v in list(out)}
    return {v for v in out if v}


def _cldr_months(locale: str) -> dict[str, int]:
    table: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, context, locale).items():
                for v in _variants(name):
                    table[v] = int(number)
    return table


def _cldr_weekdays(locale: str) -> dict[str, int]:
    table: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for number, name in get_day_names("wide", context, locale).items():
            for v in _variants(name):
                table[v] = int(number)  # babel: 0 = Monday, like datetime.weekday()
    return table


# Locative month forms ("in September") and accusative weekday forms after "в/у/w" ("в
# среду"), absent from CLDR: data keys month_locative (January first) and
# weekday_accusative (Monday first; Hungarian "szerdán" is a case ending).
_MONTH_LOCATIVE: Final[dict[str, tuple[str, ...]]] = by_language("month_locative")
_WEEKDAY_ACCUSATIVE: Final[dict[str, tuple[str, ...]]] = by_language("weekday_accusative")


def _build_months() -> dict[str, dict[str, int]]:
    out = {lang: _cldr_months(lang) for lang in LANGUAGES}
    for lang, forms in _MONTH_LOCATIVE.items():
        for i, form in enumerate(forms, start=1):
            out[lang][form] = i
    # "Sept." is common in English news (AP style) but not CLDR's abbreviation.
    for lang in LANGUAGES:
        for word, number in pairs("month_extra_abbreviations", (lang,)):
            out[lang][word] = number
    return out


def _build_weekdays() -> dict[str, dict[str, int]]:
    out = {lang: _cldr_weekdays(lang) for lang in LANGUAGES}
    for lang, forms in _WEEKDAY_ACCUSATIVE.items():
        for i, form in enumerate(forms):
            for v in _variants(form):
                out[lang][v] = i
    return out


MONTHS: Final[dict[str, dict[str, int]]] = _build_months()
WEEKDAYS: Final[dict[str, dict[str, int]]] = _build_weekdays()

# Weekday names a language writes bare ("said Wednesday", "a déclaré mercredi"); the
# others need a preposition ("el miércoles", "в среду") because the bare word is also a
# name or common word ("Domingo", "среда" = environment).
WEEKDAY_BARE: Final = frozenset({"en", "de", "fr", "it", "hu"})
WEEKDAY_PREPOSITIONS: Final[dict[str, tuple[str, ...]]] = {
    lang: lang_words("weekday_prepositions", (lang,)) for lang in LANGUAGES
}

# Unit words -> (unit, multiplier). Hours become days and fortnights weeks because the
# gold and the checks compare days/weeks/months/years only.
_UNIT_NAMES = ("day", "week", "month", "year", "hour", "fortnight", "decade")
_UNIT_FORMS: Final[dict[str, dict[str, tuple[str, ...]]]] = {
    lang: {unit: forms for unit in _UNIT_NAMES if (forms := lang_words(f"duration_units.{unit}", (lang,)))}
    for lang in LANGUAGES
}

# canonical unit -> (unit used in the mention, multiplier)
UNIT_SCALE: Final[dict[str, tuple[str, Decimal]]] = {
    "day": ("day", Decimal(1)),
    "week": ("week", Decimal(1)),
    "month": ("month", Decimal(1)),
    "year": ("year", Decimal(1)),
    "hour": ("day", Decimal(1) / Decimal(24)),
    "fortnight": ("week", Decimal(2)),
    "decade": ("year", Decimal(10)),
}


def _build_units() -> dict[str, dict[str, str]]:
    return {
        lang: {form: unit for unit, forms in table.items() for form in forms}
        for lang, table in _UNIT_FORMS.items()
    }


UNITS: Final[dict[str, dict[str, str]]] = _build_units()


def _number_words(lang: str) -> dict[str, Decimal]:
    """The data's number words of ``lang``, English compounds ("twenty-one", "twenty one")
    built from its tens and ones, then the phrases that are a number ("a", "a dozen")."""
    table = {word: Decimal(value) for word, value in pairs("number_words", (lang,))}
    ones = [(w, v) for w, v in table.items() if 1 <= v <= 9]
    for joiner in lang_words("number_compound_joiners", (lang,)):
        for tens, ten in [(w, v) for w, v in table.items() if v >= 20 and v % 10 == 0]:
            for one, value in ones:
                table[f"{tens}{joiner}{one}"] = ten + value
    table |= {word: Decimal(value) for word, value in pairs("article_numbers", (lang,))}
    return table


# Small number words per language: enough for "eight years ago", "vor acht Jahren".
# German/French/Spanish/Italian/Portuguese compounds fall back to text2num.
NUMBER_WORDS: Final[dict[str, dict[str, Decimal]]] = {lang: _number_words(lang) for lang in LANGUAGES}

# Vague English quantities -> [low, high] ("several days" is 3 to 9 days).
VAGUE_WORDS: Final[dict[str, tuple[Decimal, Decimal]]] = {
    word: (Decimal(low), Decimal(high)) for word, low, high in pairs("vague_quantities")
}

# "ago" is a word before the number in some languages, after the unit in others.
AGO_BEFORE: Final[dict[str, tuple[str, ...]]] = by_language("ago_before")
AGO_AFTER: Final[dict[str, tuple[str, ...]]] = by_language("ago_after")
# Hungarian "nyolc éve" is "eight years ago" with no separate word.
AGO_SUFFIXED_UNITS: Final[dict[str, frozenset[str]]] = {
    lang: frozenset(units) for lang, units in by_language("ago_suffixed_units").items()
}


def by_value(table: str) -> dict[str, str]:
    """``word -> name`` of a data table of word lists keyed by name (``[hedges]``)."""
    out: dict[str, str] = {}
    for lang in LANGUAGES:
        node = lang_table(lang).get(table, {})
        for name in node:
            for word in lang_words(f"{table}.{name}", (lang,)):
                out[word] = name
    return out


# Hedge words -> qualifier. Longer phrases first is handled by the regex builder.
HEDGES: Final[dict[str, str]] = by_value("hedges")

SEASONS: Final[dict[str, str]] = by_value("seasons")

# Words after a four-digit number that make it read as a year ("the 1993 constitution").
YEAR_NOUNS: Final = frozenset(lang_words("year_nouns"))
# Words before a four-digit number that make it read as a year ("since 1999").
YEAR_PREPOSITIONS: Final = frozenset(lang_words("year_prepositions"))
# Words before a number that make it something other than a date or year.
NOT_CALENDAR_BEFORE: Final = frozenset(lang_words("not_calendar_before"))

# Phrases for "last week", "this year"... in the other languages: phrase -> (amount, unit).
RELATIVE_PHRASES: Final[dict[str, dict[str, tuple[int, str]]]] = {
    lang: {phrase: (amount, unit) for phrase, amount, unit in pairs("relative_phrases", (lang,))}
    for lang in LANGUAGES
    if pairs("relative_phrases", (lang,))
}

# Words that introduce an age: "im Alter von 47 Jahren", "в возрасте 47 лет".
AGE_BEFORE: Final[dict[str, tuple[str, ...]]] = by_language("age_before")
# Words after the number that say the age is in years ("47 Jahren", "47 лет").
AGE_YEAR_WORDS: Final[dict[str, tuple[str, ...]]] = by_language("age_year_words")
# Whether the year word is required after AGE_BEFORE ("a los 47" alone is too vague).
AGE_NEEDS_YEAR_WORD: Final = frozenset({"es", "pt"})

# Capitalised words that turn a weekday into a name ("Super Tuesday", "Good Friday").
WEEKDAY_NAME_PREFIXES: Final = frozenset(lang_words("weekday_name_prefixes"))

__all__ = [
    "AGE_BEFORE",
    "AGE_NEEDS_YEAR_WORD",
    "AGE_YEAR_WORDS",
    "AGO_AFTER",
    "AGO_BEFORE",
    "AGO_SUFFIXED_UNITS",
    "HEDGES",
    "LANGUAGES",
    "MONTHS",
    "NOT_CALENDAR_BEFORE",
    "NUMBER_WORDS",
    "RELATIVE_PHRASES",
    "SEASONS",
    "UNITS",
    "UNIT_SCALE",
    "VAGUE_WORDS",
    "WEEKDAYS",
    "WEEKDAY_BARE",
    "WEEKDAY_NAME_PREFIXES",
    "WEEKDAY_PREPOSITIONS",
    "YEAR_NOUNS",
    "YEAR_PREPOSITIONS",
    "by_value",
]
