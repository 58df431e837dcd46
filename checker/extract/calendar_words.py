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

from checker.lang import LANGUAGES, by_language
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


# Locative / prepositional month forms ("in September"), absent from CLDR.
_MONTH_LOCATIVE: Final[dict[str, tuple[str, ...]]] = {
    "ru": ("январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе",
           "сентябре", "октябре", "ноябре", "декабре"),
    "uk": ("січні", "лютому", "березні", "квітні", "травні", "червні", "липні", "серпні",
           "вересні", "жовтні", "листопаді", "грудні"),
    "pl": ("styczniu", "lutym", "marcu", "kwietniu", "maju", "czerwcu", "lipcu", "sierpniu",
           "wrześniu", "październiku", "listopadzie", "grudniu"),
}  # fmt: skip

# Accusative weekday forms after "в/у/w" ("в среду"), absent from CLDR; Monday first.
_WEEKDAY_ACCUSATIVE: Final[dict[str, tuple[str, ...]]] = {
    "ru": ("понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье"),
    "uk": ("понеділок", "вівторок", "середу", "четвер", "пʼятницю", "суботу", "неділю"),
    "pl": ("poniedziałek", "wtorek", "środę", "czwartek", "piątek", "sobotę", "niedzielę"),
    # Hungarian says "on Wednesday" with a case suffix: "szerdán".
    "hu": ("hétfőn", "kedden", "szerdán", "csütörtökön", "pénteken", "szombaton", "vasárnap"),
}  # fmt: skip


def _build_months() -> dict[str, dict[str, int]]:
    out = {lang: _cldr_months(lang) for lang in LANGUAGES}
    for lang, forms in _MONTH_LOCATIVE.items():
        for i, form in enumerate(forms, start=1):
            out[lang][form] = i
    # "Sept." is common in English news (AP style) but not CLDR's abbreviation.
    out["en"]["sept"] = 9
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

_EN_ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_EN_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
             "seventeen", "eighteen", "nineteen")  # fmt: skip
_EN_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def _english_numbers() -> dict[str, Decimal]:
    table = {w: Decimal(i) for i, w in enumerate(_EN_ONES, start=1)}
    table |= {w: Decimal(i) for i, w in enumerate(_EN_TEENS, start=10)}
    for i, tens in enumerate(_EN_TENS, start=2):
        table[tens] = Decimal(10 * i)
        for j, one in enumerate(_EN_ONES, start=1):
            table[f"{tens}-{one}"] = Decimal(10 * i + j)
            table[f"{tens} {one}"] = Decimal(10 * i + j)
    table |= {"a": Decimal(1), "an": Decimal(1), "a dozen": Decimal(12), "a hundred": Decimal(100)}
    return table


# Small number words per language: enough for "eight years ago", "vor acht Jahren".
# German/French/Spanish/Italian/Portuguese compounds fall back to text2num.
NUMBER_WORDS: Final[dict[str, dict[str, Decimal]]] = {
    "en": _english_numbers(),
    "de": {w: Decimal(v) for w, v in (
        ("ein", 1), ("eine", 1), ("einem", 1), ("einer", 1), ("einen", 1), ("zwei", 2), ("drei", 3),
        ("vier", 4), ("fünf", 5), ("sechs", 6), ("sieben", 7), ("acht", 8), ("neun", 9),
        ("zehn", 10), ("elf", 11), ("zwölf", 12), ("zwanzig", 20), ("dreißig", 30))},
    "fr": {w: Decimal(v) for w, v in (
        ("un", 1), ("une", 1), ("deux", 2), ("trois", 3), ("quatre", 4), ("cinq", 5), ("six", 6),
        ("sept", 7), ("huit", 8), ("neuf", 9), ("dix", 10), ("onze", 11), ("douze", 12),
        ("vingt", 20), ("trente", 30))},
    "es": {w: Decimal(v) for w, v in (
        ("un", 1), ("uno", 1), ("una", 1), ("dos", 2), ("tres", 3), ("cuatro", 4), ("cinco", 5),
        ("seis", 6), ("siete", 7), ("ocho", 8), ("nueve", 9), ("diez", 10), ("once", 11),
        ("doce", 12), ("veinte", 20), ("treinta", 30))},
    "it": {w: Decimal(v) for w, v in (
        ("un", 1), ("uno", 1), ("una", 1), ("due", 2), ("tre", 3), ("quattro", 4), ("cinque", 5),
        ("sei", 6), ("sette", 7), ("otto", 8), ("nove", 9), ("dieci", 10), ("undici", 11),
        ("dodici", 12), ("venti", 20), ("trenta", 30))},
    "pt": {w: Decimal(v) for w, v in (
        ("um", 1), ("uma", 1), ("dois", 2), ("duas", 2), ("três", 3), ("quatro", 4), ("cinco", 5),
        ("seis", 6), ("sete", 7), ("oito", 8), ("nove", 9), ("dez", 10), ("onze", 11),
        ("doze", 12), ("vinte", 20), ("trinta", 30))},
    "pl": {w: Decimal(v) for w, v in (
        ("jeden", 1), ("jedna", 1), ("jednego", 1), ("dwa", 2), ("dwie", 2), ("trzy", 3),
        ("cztery", 4), ("pięć", 5), ("sześć", 6), ("siedem", 7), ("osiem", 8), ("dziewięć", 9),
        ("dziesięć", 10), ("jedenaście", 11), ("dwanaście", 12), ("dwadzieścia", 20),
        ("trzydzieści", 30))},
    "hu": {w: Decimal(v) for w, v in (
        ("egy", 1), ("két", 2), ("kettő", 2), ("három", 3), ("négy", 4), ("öt", 5), ("hat", 6),
        ("hét", 7), ("nyolc", 8), ("kilenc", 9), ("tíz", 10), ("tizenegy", 11), ("tizenkét", 12),
        ("húsz", 20), ("harminc", 30))},
    "ru": {w: Decimal(v) for w, v in (
        ("один", 1), ("одна", 1), ("одну", 1), ("два", 2), ("две", 2), ("три", 3), ("четыре", 4),
        ("пять", 5), ("шесть", 6), ("семь", 7), ("восемь", 8), ("девять", 9), ("десять", 10),
        ("одиннадцать", 11), ("двенадцать", 12), ("двадцать", 20), ("тридцать", 30))},
    "uk": {w: Decimal(v) for w, v in (
        ("один", 1), ("одна", 1), ("одну", 1), ("два", 2), ("дві", 2), ("три", 3), ("чотири", 4),
        ("пʼять", 5), ("п'ять", 5), ("п’ять", 5), ("шість", 6), ("сім", 7), ("вісім", 8),
        ("девʼять", 9), ("дев'ять", 9), ("дев’ять", 9), ("десять", 10), ("одинадцять", 11),
        ("дванадцять", 12), ("двадцять", 20), ("тридцять", 30))},
}  # fmt: skip

# Vague English quantities -> [low, high] ("several days" is 3 to 9 days).
VAGUE_WORDS: Final[dict[str, tuple[Decimal, Decimal]]] = {
    "several": (Decimal(3), Decimal(9)),
    "a few": (Decimal(2), Decimal(5)),
    "a couple of": (Decimal(2), Decimal(3)),
    "a couple": (Decimal(2), Decimal(3)),
}

# "ago" is a word before the number in some languages, after the unit in others.
AGO_BEFORE: Final[dict[str, tuple[str, ...]]] = by_language("ago_before")
AGO_AFTER: Final[dict[str, tuple[str, ...]]] = by_language("ago_after")
# Hungarian "nyolc éve" is "eight years ago" with no separate word.
AGO_SUFFIXED_UNITS: Final[dict[str, frozenset[str]]] = {
    "hu": frozenset({"éve", "napja", "hete", "hónapja"}),
}

# Hedge words -> qualifier. Longer phrases first is handled by the regex builder.
HEDGES: Final[dict[str, str]] = {
    "about": "about",
    "around": "about",
    "roughly": "about",
    "approximately": "about",
    "some": "about",
    "nearly": "about",
    "almost": "about",
    "close to": "about",
    "more than": "more_than",
    "over": "more_than",
    "upwards of": "more_than",
    "less than": "less_than",
    "fewer than": "less_than",
    "under": "less_than",
    "at least": "at_least",
    "at most": "at_most",
    "up to": "at_most",
    "exactly": "exact",
    "precisely": "exact",
}

SEASONS: Final[dict[str, str]] = {
    "spring": "spring",
    "summer": "summer",
    "autumn": "autumn",
    "fall": "autumn",
    "winter": "winter",
}

# Words after a four-digit number that make it read as a year ("the 1993 constitution").
YEAR_NOUNS: Final = frozenset(
    """election elections vote referendum referendums constitution poll polls campaign census
    race presidential parliamentary general local municipal regional midterm midterms primary
    primaries annexation war invasion crisis olympics law revolution protests protest coup
    season budget edition report survey uprising agreement accord treaty summit ballot
    legislative snap runoff run-off contest amendment amendments decree""".split()
)
# Words before a four-digit number that make it read as a year ("since 1999").
YEAR_PREPOSITIONS: Final = frozenset(
    """in since by from until till to before after during of early late mid around circa
    year spring summer autumn fall winter and or through between""".split()
)
# Words before a number that make it something other than a date or year.
NOT_CALENDAR_BEFORE: Final = frozenset(
    """no no. nr nr. page p. pp. version v v. article art. section room flight route number
    chapter paragraph item rule exhibit figure table line bus model""".split()
)

# Phrases for "last week", "this year"... in the other languages: phrase -> (amount, unit).
RELATIVE_PHRASES: Final[dict[str, dict[str, tuple[int, str]]]] = {
    "de": {"letzte woche": (-1, "week"), "vergangene woche": (-1, "week"),
           "letzten monat": (-1, "month"), "vergangenen monat": (-1, "month"),
           "letztes jahr": (-1, "year"), "vergangenes jahr": (-1, "year"),
           "im vergangenen jahr": (-1, "year"), "diese woche": (0, "week"),
           "dieses jahr": (0, "year"), "nächste woche": (1, "week"), "gestern": (-1, "day"),
           "heute": (0, "day")},
    "fr": {"la semaine dernière": (-1, "week"), "le mois dernier": (-1, "month"),
           "l'année dernière": (-1, "year"), "l'an dernier": (-1, "year"),
           "l’année dernière": (-1, "year"), "l’an dernier": (-1, "year"),
           "cette semaine": (0, "week"), "cette année": (0, "year"),
           "la semaine prochaine": (1, "week"), "hier": (-1, "day"),
           "aujourd'hui": (0, "day"), "aujourd’hui": (0, "day")},
    "es": {"la semana pasada": (-1, "week"), "el mes pasado": (-1, "month"),
           "el año pasado": (-1, "year"), "esta semana": (0, "week"), "este año": (0, "year"),
           "la próxima semana": (1, "week"), "ayer": (-1, "day"), "hoy": (0, "day")},
    "it": {"la settimana scorsa": (-1, "week"), "il mese scorso": (-1, "month"),
           "l'anno scorso": (-1, "year"), "l’anno scorso": (-1, "year"),
           "questa settimana": (0, "week"), "quest'anno": (0, "year"),
           "la prossima settimana": (1, "week"), "ieri": (-1, "day"), "oggi": (0, "day")},
    "pt": {"a semana passada": (-1, "week"), "na semana passada": (-1, "week"),
           "o mês passado": (-1, "month"), "no mês passado": (-1, "month"),
           "o ano passado": (-1, "year"), "no ano passado": (-1, "year"),
           "esta semana": (0, "week"), "este ano": (0, "year"), "ontem": (-1, "day"),
           "hoje": (0, "day")},
    "pl": {"w zeszłym tygodniu": (-1, "week"), "w ubiegłym tygodniu": (-1, "week"),
           "w zeszłym miesiącu": (-1, "month"), "w ubiegłym miesiącu": (-1, "month"),
           "w zeszłym roku": (-1, "year"), "w ubiegłym roku": (-1, "year"),
           "w tym tygodniu": (0, "week"), "w tym roku": (0, "year"), "wczoraj": (-1, "day"),
           "dzisiaj": (0, "day")},
    "hu": {"múlt héten": (-1, "week"), "a múlt héten": (-1, "week"), "tavaly": (-1, "year"),
           "ezen a héten": (0, "week"), "idén": (0, "year"), "tegnap": (-1, "day")},
    "ru": {"на прошлой неделе": (-1, "week"), "в прошлом месяце": (-1, "month"),
           "в прошлом году": (-1, "year"), "на этой неделе": (0, "week"),
           "в этом году": (0, "year"), "на следующей неделе": (1, "week"),
           "вчера": (-1, "day"), "сегодня": (0, "day")},
    "uk": {"минулого тижня": (-1, "week"), "минулого місяця": (-1, "month"),
           "минулого року": (-1, "year"), "цього тижня": (0, "week"), "цього року": (0, "year"),
           "наступного тижня": (1, "week"), "вчора": (-1, "day"), "сьогодні": (0, "day")},
}  # fmt: skip

# Words that introduce an age: "im Alter von 47 Jahren", "в возрасте 47 лет".
AGE_BEFORE: Final[dict[str, tuple[str, ...]]] = by_language("age_before")
# Words after the number that say the age is in years ("47 Jahren", "47 лет").
AGE_YEAR_WORDS: Final[dict[str, tuple[str, ...]]] = by_language("age_year_words")
# Whether the year word is required after AGE_BEFORE ("a los 47" alone is too vague).
AGE_NEEDS_YEAR_WORD: Final = frozenset({"es", "pt"})

# Capitalised words that turn a weekday into a name ("Super Tuesday", "Good Friday").
WEEKDAY_NAME_PREFIXES: Final = frozenset(
    "super black good ash holy easter palm bloody cyber maundy man great shrove".split()
)

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
]
