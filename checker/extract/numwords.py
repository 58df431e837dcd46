"""Language tables for the number extractor: number words, scale words, percent words, hedges.

Provenance: the words are common newsroom usage in each language, written down by hand
(no list was copied); decimal and group symbols are *not* typed here, they come from CLDR
through babel in :mod:`checker.extract.numbers`; month names (to skip day numbers) also
come from CLDR. Every table is lower case; matching is case-insensitive.

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
from typing import Literal

Hedge = Literal["more_than", "less_than", "at_least", "at_most", "about", "nearly", "just_over", "exactly"]

D = Decimal
K = D(1000)
M = D(1_000_000)
G = D(1_000_000_000)
T = D(1_000_000_000_000)


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


def _words(spec: str) -> tuple[str, ...]:
    """Split a ``|``-separated spec, so tables stay one readable line per entry."""
    return tuple(w.strip() for w in spec.split("|") if w.strip())


def _values(pairs: Mapping[str, int | Decimal]) -> Mapping[str, Decimal]:
    return MappingProxyType({k: D(v) for k, v in pairs.items()})


def _spread(spec: str, value: int) -> dict[str, int]:
    """Give every form in ``spec`` (``|``-separated inflections) the same value."""
    return dict.fromkeys(_words(spec), value)


def _merge(*parts: Mapping[str, int]) -> dict[str, int]:
    out: dict[str, int] = {}
    for p in parts:
        out.update(p)
    return out


# Vague magnitudes shared in shape by every language: (low, high).
HUNDREDS_OF_THOUSANDS = (D(200_000), D(1_000_000))
TENS_OF_THOUSANDS = (D(20_000), D(100_000))
THOUSANDS = (D(2_000), D(10_000))
HUNDREDS = (D(200), D(1_000))
DOZENS = (D(24), D(100))
TENS = (D(20), D(100))
MILLIONS = (D(2_000_000), D(10_000_000))
TENS_OF_MILLIONS = (D(20_000_000), D(100_000_000))
HUNDREDS_OF_MILLIONS = (D(200_000_000), D(1_000_000_000))
SEVERAL = (D(3), D(9))
SEVERAL_HUNDRED = (D(300), D(900))
SEVERAL_THOUSAND = (D(3_000), D(9_000))
SEVERAL_MILLION = (D(3_000_000), D(9_000_000))
SEVERAL_TENS_OF_THOUSANDS = (D(20_000), D(90_000))

HALF, THIRD, TWO_THIRDS = D(50), D("33.33"), D("66.67")
QUARTER, THREE_QUARTERS, FIFTH = D(25), D(75), D(20)

_EN_NUMBERS = _merge(
    {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7},
    {"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14},
    {"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20},
    {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90},
    {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "dozen": 12},
)

EN = LanguageTable(
    code="en",
    percent_words=_words("percent | per cent | pct | pc"),
    point_words=_words("percentage points | percentage point | points | point | pts | pp | p.p."),
    scales=_values({"thousand": K, "million": M, "mln": M, "mn": M, "m": M, "billion": G, "bn": G}),
    number_words=_values(_EN_NUMBERS),
    joiners=_words("and"),
    not_alone=frozenset({"one", "zero", "hundred", "thousand", "million", "billion", "dozen"}),
    compounding=False,
    hedges=MappingProxyType(
        {
            **dict.fromkeys(
                _words(
                    "more than | over | above | exceeding | upwards of | in excess of | greater than"
                    "| higher than | well over | well above | well in excess of | north of"
                ),
                "more_than",
            ),
            **dict.fromkeys(
                _words("less than | under | below | fewer than | lower than | well under | well below"),
                "less_than",
            ),
            **dict.fromkeys(
                _words("at least | no fewer than | no less than | a minimum of | not less than"), "at_least"
            ),
            **dict.fromkeys(
                _words("at most | no more than | up to | a maximum of | not more than | as many as"),
                "at_most",
            ),
            **dict.fromkeys(
                _words(
                    "about | around | some | roughly | approximately | approx. | an estimated | estimated"
                    "| close to | circa | ca. | more or less | of about | of around | of some | nearly about"
                    "| in the region of | on the order of | an approximate"
                ),
                "about",
            ),
            **dict.fromkeys(
                _words(
                    "nearly | almost | just under | just below | slightly less than | slightly under"
                    "| a little under | a little less than | just shy of | shy of | just short of"
                    "| not quite | close on"
                ),
                "nearly",
            ),
            **dict.fromkeys(
                _words(
                    "just over | just above | slightly more than | slightly over | a little over"
                    "| a little more than | just more than | a shade over | barely over"
                ),
                "just_over",
            ),
            **dict.fromkeys(_words("exactly | precisely | a total of | all of"), "exactly"),
        }
    ),
    vague=MappingProxyType(
        {
            "hundreds of thousands": HUNDREDS_OF_THOUSANDS,
            "tens of thousands": TENS_OF_THOUSANDS,
            "several tens of thousands": SEVERAL_TENS_OF_THOUSANDS,
            "thousands": THOUSANDS,
            "hundreds": HUNDREDS,
            "dozens": DOZENS,
            "scores": (D(40), D(200)),
            "millions": MILLIONS,
            "tens of millions": TENS_OF_MILLIONS,
            "hundreds of millions": HUNDREDS_OF_MILLIONS,
            "several": SEVERAL,
            "several hundred": SEVERAL_HUNDRED,
            "several thousand": SEVERAL_THOUSAND,
            "several million": SEVERAL_MILLION,
            "a few hundred": (D(200), D(500)),
            "a few thousand": (D(2_000), D(5_000)),
            "a few million": (D(2_000_000), D(5_000_000)),
        }
    ),
    fractions=MappingProxyType(
        {
            "half": HALF,
            "one half": HALF,
            "one-half": HALF,
            "a third": THIRD,
            "one third": THIRD,
            "one-third": THIRD,
            "two thirds": TWO_THIRDS,
            "two-thirds": TWO_THIRDS,
            "a quarter": QUARTER,
            "one quarter": QUARTER,
            "one-quarter": QUARTER,
            "three quarters": THREE_QUARTERS,
            "three-quarters": THREE_QUARTERS,
            "a fifth": FIFTH,
            "one fifth": FIFTH,
            "one-fifth": FIFTH,
            "two-fifths": D(40),
            "three-fifths": D(60),
            "four-fifths": D(80),
        }
    ),
    of_words=_words("of"),
    list_words=_words(", | and | or | , and | , or | and respectively"),
    range_words=_words("to | - | – | —"),
    between_words=_words("between"),
    from_words=_words("from"),
    count_nouns=_words(
        "votes | voters | ballots | people | residents | citizens | signatures | seats | candidates"
        "| polling stations | members | delegates | observers | protesters | deputies | registered"
        "| supporters | complaints | precincts | districts | regions | municipalities"
    ),
    currency_words=_words(
        "dollars | dollar | euros | euro | pounds | sterling | rubles | roubles | hryvnias | hryvnia"
        "| yuan | yen | usd | eur | gbp | rub | uah | francs | lari | tenge | zloty"
    ),
    measure_words=_words(
        "km | kilometres | kilometers | kilometre | kilometer | miles | mile | kg | kilograms | tonnes"
        "| tons | metres | meters | feet | ft | degrees | °c | °f | mph | km/h | hectares | acres"
        "| square | sq | times"
    ),
    ordinal_suffixes=_words("st | nd | rd | th"),
    articles=_words("the | a"),
)

DE = LanguageTable(
    code="de",
    percent_words=_words("prozent | prozentsatz | v. h. | v.h. | vh"),
    point_words=_words("prozentpunkte | prozentpunkten | prozentpunkt | punkte | punkten | pp"),
    scales=_values(
        {
            "tausend": K,
            "million": M,
            "millionen": M,
            "mio.": M,
            "mio": M,
            "milliarde": G,
            "milliarden": G,
            "mrd.": G,
            "mrd": G,
            "billion": T,
            "billionen": T,
        }
    ),
    # Parts of compound number words: "zwei|hundert|sieben|und|vierzig".
    number_words=_values(
        _merge(
            {"null": 0, "eins": 1, "ein": 1, "eine": 1, "einer": 1, "zwei": 2, "zwo": 2, "drei": 3},
            {"vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "sieb": 7, "acht": 8, "neun": 9, "zehn": 10},
            {"elf": 11, "zwölf": 12, "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50},
            {"sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90, "hundert": 100},
            {"tausend": 1000, "million": 10**6, "millionen": 10**6, "milliarde": 10**9, "milliarden": 10**9},
            {"sech": 6, "dutzend": 12},
        )
    ),
    joiners=_words("und"),
    not_alone=frozenset(
        {"ein", "eine", "einer", "eins", "null", "hundert", "tausend", "million", "elf", "acht", "sieb"}
        | {"sech", "millionen", "milliarde", "milliarden", "dutzend"}
    ),
    compounding=True,
    hedges=MappingProxyType(
        {
            **dict.fromkeys(
                _words("mehr als | über | gut | weit über | deutlich über | mehr denn"), "more_than"
            ),
            **dict.fromkeys(_words("weniger als | unter | deutlich unter | weit unter"), "less_than"),
            **dict.fromkeys(_words("mindestens | wenigstens | nicht weniger als"), "at_least"),
            **dict.fromkeys(_words("höchstens | maximal | bis zu | nicht mehr als"), "at_most"),
            **dict.fromkeys(
                _words("etwa | rund | circa | ca. | ungefähr | annähernd | zirka | gegen | um die"), "about"
            ),
            **dict.fromkeys(_words("fast | beinahe | nahezu | knapp | knapp unter | gut unter"), "nearly"),
            **dict.fromkeys(_words("knapp über | etwas mehr als | leicht über"), "just_over"),
            **dict.fromkeys(_words("genau | exakt"), "exactly"),
        }
    ),
    vague=MappingProxyType(
        {
            "hunderttausende": HUNDREDS_OF_THOUSANDS,
            "zehntausende": TENS_OF_THOUSANDS,
            "tausende": THOUSANDS,
            "hunderte": HUNDREDS,
            "dutzende": DOZENS,
            "millionen": MILLIONS,
            "mehrere": SEVERAL,
            "mehrere hundert": SEVERAL_HUNDRED,
            "mehrere tausend": SEVERAL_THOUSAND,
            "mehrere millionen": SEVERAL_MILLION,
        }
    ),
    fractions=MappingProxyType(
        {
            "die hälfte": HALF,
            "der hälfte": HALF,
            "ein drittel": THIRD,
            "zwei drittel": TWO_THIRDS,
            "ein viertel": QUARTER,
            "drei viertel": THREE_QUARTERS,
            "ein fünftel": FIFTH,
        }
    ),
    of_words=(),
    list_words=_words(", | und | oder | beziehungsweise | bzw. | , beziehungsweise"),
    range_words=_words("bis | - | – | —"),
    between_words=_words("zwischen"),
    from_words=_words("von"),
    count_nouns=_words(
        "stimmen | wähler | wählern | menschen | personen | sitze | einwohner | unterschriften"
    ),
    currency_words=_words("euro | dollar | rubel | franken | pfund | eur | usd | hrywnja"),
    measure_words=_words("km | kilometer | kilo | kg | tonnen | meter | grad | mal"),
    ordinal_suffixes=(),
    articles=_words("die | den | der"),
)

_FR_NUMBERS = _merge(
    {"zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7},
    {"huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14},
    {"quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40},
    {"cinquante": 50, "soixante": 60, "cent": 100, "cents": 100, "mille": 1000},
    {"million": 10**6, "millions": 10**6, "milliard": 10**9, "milliards": 10**9, "douzaine": 12},
)

FR = LanguageTable(
    code="fr",
    percent_words=_words("pour cent | pourcent | pour-cent"),
    point_words=_words("points de pourcentage | point de pourcentage | points | point | pts"),
    scales=_values({"mille": K, "million": M, "millions": M, "milliard": G, "milliards": G, "md": G}),
    number_words=_values(_FR_NUMBERS),
    joiners=_words("et"),
    # "neuf" is also "new"; "cent" alone is rare in counts but common in "pour cent".
    not_alone=frozenset({"un", "une", "zéro", "neuf", "cent", "cents", "mille", "million", "millions"})
    | frozenset({"milliard", "milliards", "douzaine"}),
    compounding=False,
    hedges=MappingProxyType(
        {
            **dict.fromkeys(_words("plus de | plus d' | plus d’ | au-delà de | au-dessus de"), "more_than"),
            **dict.fromkeys(_words("moins de | moins d' | moins d’ | en dessous de | sous"), "less_than"),
            **dict.fromkeys(_words("au moins | pas moins de | au minimum"), "at_least"),
            **dict.fromkeys(_words("au plus | jusqu'à | jusqu’à | au maximum | pas plus de"), "at_most"),
            **dict.fromkeys(
                _words("environ | quelque | autour de | approximativement | à peu près | aux alentours de"),
                "about",
            ),
            **dict.fromkeys(
                _words("près de | presque | quasiment | un peu moins de | pas loin de"), "nearly"
            ),
            **dict.fromkeys(_words("un peu plus de | légèrement plus de | un peu plus d'"), "just_over"),
            **dict.fromkeys(_words("exactement | précisément"), "exactly"),
        }
    ),
    vague=MappingProxyType(
        {
            "des centaines de milliers": HUNDREDS_OF_THOUSANDS,
            "des dizaines de milliers": TENS_OF_THOUSANDS,
            "des milliers": THOUSANDS,
            "des centaines": HUNDREDS,
            "des dizaines": TENS,
            "des millions": MILLIONS,
            "plusieurs": SEVERAL,
            "plusieurs centaines": SEVERAL_HUNDRED,
            "plusieurs milliers": SEVERAL_THOUSAND,
            "plusieurs millions": SEVERAL_MILLION,
        }
    ),
    fractions=MappingProxyType(
        {
            "la moitié": HALF,
            "un tiers": THIRD,
            "deux tiers": TWO_THIRDS,
            "un quart": QUARTER,
            "trois quarts": THREE_QUARTERS,
            "un cinquième": FIFTH,
        }
    ),
    of_words=_words("de | des | du | d' | d’"),
    list_words=_words(", | et | ou | , et"),
    range_words=_words("à | - | – | —"),
    between_words=_words("entre"),
    from_words=_words("de"),
    count_nouns=_words("voix | votes | électeurs | personnes | habitants | sièges | signatures"),
    currency_words=_words("euros | euro | dollars | dollar | roubles | livres | francs | eur | usd"),
    measure_words=_words("km | kilomètres | kg | tonnes | mètres | degrés | fois"),
    ordinal_suffixes=_words("e | er | ère | ème | eme | re"),
    articles=_words("les | la | le"),
)

_ES_NUMBERS = _merge(
    {"cero": 0, "uno": 1, "una": 1, "un": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6},
    {"siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14},
    {"quince": 15, "dieciséis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20},
    {"veintiuno": 21, "veintidós": 22, "veintitrés": 23, "veinticuatro": 24, "veinticinco": 25},
    {"treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80},
    {"noventa": 90, "cien": 100, "ciento": 100, "doscientos": 200, "doscientas": 200, "trescientos": 300},
    {"cuatrocientos": 400, "quinientos": 500, "seiscientos": 600, "setecientos": 700},
    {"ochocientos": 800, "novecientos": 900, "mil": 1000, "millón": 10**6, "millones": 10**6},
    {"docena": 12},
)

ES = LanguageTable(
    code="es",
    percent_words=_words("por ciento | porciento | por 100"),
    point_words=_words("puntos porcentuales | punto porcentual | puntos | pp | p.p."),
    scales=_values({"mil": K, "millón": M, "millones": M, "mil millones": G, "millardo": G, "millardos": G}),
    number_words=_values(_ES_NUMBERS),
    joiners=_words("y"),
    not_alone=frozenset({"uno", "una", "un", "cero", "mil", "millón", "millones", "ciento", "docena"}),
    compounding=False,
    hedges=MappingProxyType(
        {
            **dict.fromkeys(
                _words("más de | por encima de | arriba de | superior al | superior a"), "more_than"
            ),
            **dict.fromkeys(_words("menos de | por debajo de | inferior al | inferior a"), "less_than"),
            **dict.fromkeys(_words("al menos | por lo menos | como mínimo | no menos de"), "at_least"),
            **dict.fromkeys(_words("hasta | como máximo | no más de"), "at_most"),
            **dict.fromkeys(
                _words("alrededor de | aproximadamente | unos | unas | en torno a | en torno al | cerca del"),
                "about",
            ),
            **dict.fromkeys(_words("casi | cerca de | poco menos de | rozando"), "nearly"),
            **dict.fromkeys(_words("poco más de | algo más de | ligeramente más de"), "just_over"),
            **dict.fromkeys(_words("exactamente | justo"), "exactly"),
        }
    ),
    vague=MappingProxyType(
        {
            "cientos de miles": HUNDREDS_OF_THOUSANDS,
            "centenares de miles": HUNDREDS_OF_THOUSANDS,
            "decenas de miles": TENS_OF_THOUSANDS,
            "miles": THOUSANDS,
            "cientos": HUNDREDS,
            "centenares": HUNDREDS,
            "decenas": TENS,
            "millones": MILLIONS,
            "varios": SEVERAL,
            "varias": SEVERAL,
            "varios miles": SEVERAL_THOUSAND,
            "varios millones": SEVERAL_MILLION,
            "varios cientos": SEVERAL_HUNDRED,
        }
    ),
    fractions=MappingProxyType(
        {
            "la mitad": HALF,
            "un tercio": THIRD,
            "dos tercios": TWO_THIRDS,
            "un cuarto": QUARTER,
            "tres cuartos": THREE_QUARTERS,
            "una quinta parte": FIFTH,
        }
    ),
    of_words=_words("de | del"),
    list_words=_words(", | y | o | e | , y"),
    range_words=_words("a | al | - | – | —"),
    between_words=_words("entre"),
    from_words=_words("de | del | desde"),
    count_nouns=_words("votos | votantes | electores | personas | escaños | habitantes | firmas"),
    currency_words=_words("euros | dólares | pesos | bolívares | rublos | soles | eur | usd"),
    measure_words=_words("km | kilómetros | kg | toneladas | metros | grados | veces"),
    ordinal_suffixes=_words("º | ª | o | a | er | ro | do | to | vo"),
    articles=_words("el | los | un | la"),
)

IT = LanguageTable(
    code="it",
    percent_words=_words("per cento | percento | per 100"),
    point_words=_words("punti percentuali | punto percentuale | punti | pp | p.p."),
    scales=_values(
        {"mila": K, "mille": K, "milione": M, "milioni": M, "mln": M, "miliardo": G, "miliardi": G, "mld": G}
    ),
    # Parts of compound number words: "quaranta|sette", "trent|otto", "due|cento".
    number_words=_values(
        _merge(
            {"zero": 0, "uno": 1, "una": 1, "un": 1, "due": 2, "tre": 3, "tré": 3, "quattro": 4, "cinque": 5},
            {"sei": 6, "sette": 7, "otto": 8, "nove": 9, "dieci": 10, "undici": 11, "dodici": 12},
            {"tredici": 13, "quattordici": 14, "quindici": 15, "sedici": 16, "diciassette": 17},
            {"diciotto": 18, "diciannove": 19, "venti": 20, "vent": 20, "trenta": 30, "trent": 30},
            {"quaranta": 40, "quarant": 40, "cinquanta": 50, "cinquant": 50, "sessanta": 60},
            {"sessant": 60, "settanta": 70, "settant": 70, "ottanta": 80, "ottant": 80, "novanta": 90},
            {"novant": 90, "cento": 100, "mille": 1000, "mila": 1000, "milione": 10**6, "milioni": 10**6},
            {"dozzina": 12},
        )
    ),
    joiners=(),
    # "sei" is also "you are", "otto" a name.
    not_alone=frozenset(
        {"uno", "una", "un", "zero", "sei", "otto", "vent", "trent", "quarant", "cinquant", "sessant"}
        | {"settant", "ottant", "novant", "mila", "mille", "milione", "milioni", "cento", "dozzina"}
    ),
    compounding=True,
    hedges=MappingProxyType(
        {
            **dict.fromkeys(_words("più di | oltre | sopra | superiore al | al di sopra del"), "more_than"),
            **dict.fromkeys(_words("meno di | sotto | al di sotto del | inferiore al"), "less_than"),
            **dict.fromkeys(_words("almeno | non meno di | come minimo"), "at_least"),
            **dict.fromkeys(_words("fino a | al massimo | non più di | fino al"), "at_most"),
            **dict.fromkeys(
                _words("circa | intorno a | intorno al | attorno al | all'incirca | approssimativamente"),
                "about",
            ),
            **dict.fromkeys(_words("quasi | poco meno di | vicino a | vicino al | sfiorando"), "nearly"),
            **dict.fromkeys(_words("poco più di | poco oltre | appena sopra"), "just_over"),
            **dict.fromkeys(_words("esattamente | esatto"), "exactly"),
        }
    ),
    vague=MappingProxyType(
        {
            "centinaia di migliaia": HUNDREDS_OF_THOUSANDS,
            "decine di migliaia": TENS_OF_THOUSANDS,
            "migliaia": THOUSANDS,
            "centinaia": HUNDREDS,
            "decine": TENS,
            "milioni di": MILLIONS,
            "diversi": SEVERAL,
            "diverse": SEVERAL,
            "parecchi": SEVERAL,
            "diverse migliaia": SEVERAL_THOUSAND,
            "diverse centinaia": SEVERAL_HUNDRED,
        }
    ),
    fractions=MappingProxyType(
        {
            "la metà": HALF,
            "metà": HALF,
            "un terzo": THIRD,
            "due terzi": TWO_THIRDS,
            "un quarto": QUARTER,
            "tre quarti": THREE_QUARTERS,
            "un quinto": FIFTH,
        }
    ),
    of_words=_words("di | del | dei | degli | della | delle | dell'"),
    list_words=_words(", | e | o | ed"),
    range_words=_words("a | al | - | – | —"),
    between_words=_words("tra | fra"),
    from_words=_words("da | dal"),
    count_nouns=_words("voti | elettori | persone | seggi | abitanti | firme | votanti"),
    currency_words=_words("euro | dollari | rubli | sterline | eur | usd"),
    measure_words=_words("km | chilometri | kg | tonnellate | metri | gradi | volte"),
    ordinal_suffixes=_words("º | ª | o | a"),
    articles=_words("il | l' | l’ | lo | i | gli | la | le | un"),
)

PT = LanguageTable(
    code="pt",
    percent_words=_words("por cento | porcento"),
    point_words=_words("pontos percentuais | ponto percentual | pontos | p.p. | pp"),
    scales=_values(
        {"mil": K, "milhão": M, "milhões": M, "milhao": M, "milhoes": M, "mil milhões": G, "bilhão": G}
        | {"bilhões": G, "bilhao": G, "bilhoes": G}
    ),
    number_words=_values(
        _merge(
            {"zero": 0, "um": 1, "uma": 1, "dois": 2, "duas": 2, "três": 3, "tres": 3, "quatro": 4},
            {"cinco": 5, "seis": 6, "sete": 7, "oito": 8, "nove": 9, "dez": 10, "onze": 11, "doze": 12},
            {"treze": 13, "catorze": 14, "quatorze": 14, "quinze": 15, "dezesseis": 16, "dezasseis": 16},
            {"dezessete": 17, "dezassete": 17, "dezoito": 18, "dezenove": 19, "dezanove": 19, "vinte": 20},
            {"trinta": 30, "quarenta": 40, "cinquenta": 50, "sessenta": 60, "setenta": 70, "oitenta": 80},
            {"noventa": 90, "cem": 100, "cento": 100, "duzentos": 200, "duzentas": 200, "trezentos": 300},
            {"quatrocentos": 400, "quinhentos": 500, "seiscentos": 600, "setecentos": 700},
            {"oitocentos": 800, "novecentos": 900, "mil": 1000, "milhão": 10**6, "milhões": 10**6},
            {"dúzia": 12},
        )
    ),
    joiners=_words("e"),
    not_alone=frozenset({"um", "uma", "zero", "mil", "milhão", "milhões", "cento", "dúzia"}),
    compounding=False,
    hedges=MappingProxyType(
        {
            **dict.fromkeys(_words("mais de | acima de | superior a"), "more_than"),
            **dict.fromkeys(_words("menos de | abaixo de | inferior a"), "less_than"),
            **dict.fromkeys(_words("pelo menos | no mínimo | ao menos"), "at_least"),
            **dict.fromkeys(_words("até | no máximo | não mais de"), "at_most"),
            **dict.fromkeys(
                _words("cerca de | aproximadamente | por volta de | em torno de | perto de | uns | umas"),
                "about",
            ),
            **dict.fromkeys(_words("quase | pouco menos de"), "nearly"),
            **dict.fromkeys(_words("pouco mais de | ligeiramente acima de"), "just_over"),
            **dict.fromkeys(_words("exatamente | exactamente"), "exactly"),
        }
    ),
    vague=MappingProxyType(
        {
            "centenas de milhares": HUNDREDS_OF_THOUSANDS,
            "dezenas de milhares": TENS_OF_THOUSANDS,
            "milhares": THOUSANDS,
            "centenas": HUNDREDS,
            "dezenas": TENS,
            "milhões de": MILLIONS,
            "vários": SEVERAL,
            "várias": SEVERAL,
            "vários milhares": SEVERAL_THOUSAND,
        }
    ),
    fractions=MappingProxyType(
        {
            "a metade": HALF,
            "metade": HALF,
            "um terço": THIRD,
            "dois terços": TWO_THIRDS,
            "um quarto": QUARTER,
            "três quartos": THREE_QUARTERS,
            "um quinto": FIFTH,
        }
    ),
    of_words=_words("de | do | dos | da | das"),
    list_words=_words(", | e | ou"),
    range_words=_words("a | - | – | —"),
    between_words=_words("entre"),
    from_words=_words("de | do | desde"),
    count_nouns=_words("votos | eleitores | pessoas | assentos | cadeiras | habitantes | assinaturas"),
    currency_words=_words("reais | real | euros | dólares | eur | usd"),
    measure_words=_words("km | quilômetros | quilómetros | kg | toneladas | metros | graus | vezes"),
    ordinal_suffixes=_words("º | ª | o | a"),
    articles=_words("o | os | a | as"),
)

_PL_NUMBERS = _merge(
    _spread("jeden | jedna | jedno | jednego", 1),
    _spread("dwa | dwie | dwóch | dwu | dwoma", 2),
    _spread("trzy | trzech | trzema", 3),
    _spread("cztery | czterech | czterema", 4),
    _spread("pięć | pięciu", 5),
    _spread("sześć | sześciu", 6),
    _spread("siedem | siedmiu", 7),
    _spread("osiem | ośmiu", 8),
    _spread("dziewięć | dziewięciu", 9),
    _spread("dziesięć | dziesięciu", 10),
    {"jedenaście": 11, "dwanaście": 12, "trzynaście": 13, "czternaście": 14, "piętnaście": 15},
    {"szesnaście": 16, "siedemnaście": 17, "osiemnaście": 18, "dziewiętnaście": 19},
    _spread("dwadzieścia | dwudziestu", 20),
    _spread("trzydzieści | trzydziestu", 30),
    _spread("czterdzieści | czterdziestu", 40),
    {"pięćdziesiąt": 50, "sześćdziesiąt": 60, "siedemdziesiąt": 70, "osiemdziesiąt": 80},
    {"dziewięćdziesiąt": 90, "sto": 100, "dwieście": 200, "trzysta": 300, "czterysta": 400},
    {"pięćset": 500, "sześćset": 600, "siedemset": 700, "osiemset": 800, "dziewięćset": 900},
    _spread("tysiąc | tysiące | tysięcy", 1000),
    _spread("milion | miliony | milionów", 10**6),
)

PL = LanguageTable(
    code="pl",
    percent_words=_words("procent | procenta | procentu | procentów | proc."),
    point_words=_words(
        "punktów procentowych | punkty procentowe | punkt procentowy | pkt proc. | p.p. | pkt"
    ),
    scales=_values(
        {"tys.": K, "tysiąc": K, "tysiące": K, "tysięcy": K, "mln": M, "milion": M, "miliony": M}
        | {"milionów": M, "miliona": M, "mld": G, "miliard": G, "miliardy": G, "miliardów": G}
    ),
    number_words=_values(_PL_NUMBERS),
    joiners=(),
    not_alone=frozenset({"jeden", "jedna", "jedno", "jednego", "sto", "tysiąc", "tysiące", "tysięcy"})
    | frozenset({"milion", "miliony", "milionów"}),
    compounding=False,
    hedges=MappingProxyType(
        {
            **dict.fromkeys(_words("ponad | powyżej | więcej niż | przeszło | blisko ponad"), "more_than"),
            **dict.fromkeys(_words("mniej niż | poniżej | niespełna"), "less_than"),
            **dict.fromkeys(_words("co najmniej | przynajmniej | minimum"), "at_least"),
            **dict.fromkeys(_words("najwyżej | do | maksymalnie | nie więcej niż"), "at_most"),
            **dict.fromkeys(_words("około | ok. | mniej więcej | rzędu | szacunkowo"), "about"),
            **dict.fromkeys(_words("prawie | niemal | blisko | niecałe | niecałych"), "nearly"),
            **dict.fromkeys(_words("nieco ponad | niewiele ponad | nieco więcej niż"), "just_over"),
            **dict.fromkeys(_words("dokładnie | równo"), "exactly"),
        }
    ),
    vague=MappingProxyType(
        {
            "setki tysięcy": HUNDREDS_OF_THOUSANDS,
            "dziesiątki tysięcy": TENS_OF_THOUSANDS,
            "tysiące": THOUSANDS,
            "setki": HUNDREDS,
            "dziesiątki": TENS,
            "miliony": MILLIONS,
            "kilka": SEVERAL,
            "kilku": SEVERAL,
            "kilka tysięcy": SEVERAL_THOUSAND,
            "kilkaset": SEVERAL_HUNDRED,
            "kilkadziesiąt tysięcy": SEVERAL_TENS_OF_THOUSANDS,
        }
    ),
    fractions=MappingProxyType(
        {
            "połowa": HALF,
            "połowę": HALF,
            "jedna trzecia": THIRD,
            "dwie trzecie": TWO_THIRDS,
            "jedna czwarta": QUARTER,
            "trzy czwarte": THREE_QUARTERS,
        }
    ),
    of_words=(),
    list_words=_words(", | i | oraz | lub | a"),
    range_words=_words("do | - | – | —"),
    between_words=_words("między | pomiędzy"),
    from_words=_words("od | z"),
    count_nouns=_words("głosów | głosy | wyborców | osób | ludzi | mandatów | mieszkańców | podpisów"),
    currency_words=_words("zł | złotych | złote | euro | dolarów | pln | eur | usd"),
    measure_words=_words("km | kilometrów | kg | ton | metrów | stopni | razy"),
    ordinal_suffixes=(),
)

HU = LanguageTable(
    code="hu",
    percent_words=_words(
        "százalék | százaléka | százalékkal | százalékot | százalékos | százalékát | százaléknyi"
    ),
    point_words=_words("százalékpont | százalékponttal | százalékpontos | százalékpontot"),
    scales=_values(
        {"ezer": K, "ezren": K, "millió": M, "millióan": M, "milliót": M, "milliárd": G, "mrd": G}
        | {"millió forint": M}
    ),
    # Parts of compound number words: "negyven|hét", "huszon|öt", "két|száz".
    number_words=_values(
        _merge(
            {"nulla": 0, "egy": 1, "kettő": 2, "két": 2, "három": 3, "négy": 4, "öt": 5, "hat": 6},
            {"hét": 7, "nyolc": 8, "kilenc": 9, "tíz": 10, "tizen": 10, "húsz": 20, "huszon": 20},
            {"harminc": 30, "negyven": 40, "ötven": 50, "hatvan": 60, "hetven": 70, "nyolcvan": 80},
            {"kilencven": 90, "száz": 100, "ezer": 1000, "millió": 10**6},
        )
    ),
    joiners=(),
    # "hét" is also "week", "hat" also "can affect", "egy" also "a".
    not_alone=frozenset({"egy", "hét", "hat", "tizen", "huszon", "nulla", "száz", "ezer", "millió"}),
    compounding=True,
    hedges=MappingProxyType(
        {
            **dict.fromkeys(_words("több mint | mintegy több mint | jóval több mint"), "more_than"),
            **dict.fromkeys(_words("kevesebb mint | alig kevesebb mint"), "less_than"),
            **dict.fromkeys(_words("legalább | minimum"), "at_least"),
            **dict.fromkeys(_words("legfeljebb | maximum | akár"), "at_most"),
            **dict.fromkeys(
                _words("mintegy | körülbelül | kb. | nagyjából | megközelítőleg | durván"), "about"
            ),
            **dict.fromkeys(_words("közel | csaknem | majdnem | kis híján"), "nearly"),
            **dict.fromkeys(_words("alig több mint | valamivel több mint"), "just_over"),
            **dict.fromkeys(_words("pontosan"), "exactly"),
        }
    ),
    vague=MappingProxyType(
        {
            "több százezer": HUNDREDS_OF_THOUSANDS,
            "százezrek": HUNDREDS_OF_THOUSANDS,
            "több tízezer": TENS_OF_THOUSANDS,
            "tízezrek": TENS_OF_THOUSANDS,
            "több ezer": THOUSANDS,
            "ezrek": THOUSANDS,
            "több száz": HUNDREDS,
            "százak": HUNDREDS,
            "több millió": MILLIONS,
            "néhány": SEVERAL,
        }
    ),
    fractions=MappingProxyType(
        {
            "fele": HALF,
            "harmada": THIRD,
            "kétharmada": TWO_THIRDS,
            "kétharmad": TWO_THIRDS,
            "negyede": QUARTER,
        }
    ),
    of_words=(),
    list_words=_words(", | és | illetve | vagy"),
    range_words=_words("- | – | —"),
    between_words=(),
    from_words=(),
    count_nouns=_words("szavazat | szavazatot | szavazó | választó | ember | fő | mandátum | aláírás"),
    currency_words=_words("forint | forintot | ft | euró | eurót | dollár | dollárt | huf | eur"),
    measure_words=_words("km | kilométer | kg | tonna | méter | fok | alkalommal"),
    ordinal_suffixes=(),
)

_RU_NUMBERS = _merge(
    _spread("один | одна | одно | одного | одной", 1),
    _spread("два | две | двух | двум | двумя", 2),
    _spread("три | трёх | трех | трём | трем | тремя", 3),
    _spread("четыре | четырёх | четырех | четырём | четырьмя", 4),
    _spread("пять | пяти | пятью", 5),
    _spread("шесть | шести", 6),
    _spread("семь | семи", 7),
    _spread("восемь | восьми", 8),
    _spread("девять | девяти", 9),
    _spread("десять | десяти", 10),
    {"одиннадцать": 11, "двенадцать": 12, "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15},
    {"шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19},
    _spread("двадцать | двадцати", 20),
    _spread("тридцать | тридцати", 30),
    _spread("сорок | сорока", 40),
    _spread("пятьдесят | пятидесяти", 50),
    {"шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80, "девяносто": 90, "сто": 100},
    {"двести": 200, "триста": 300, "четыреста": 400, "пятьсот": 500, "шестьсот": 600},
    {"семьсот": 700, "восемьсот": 800, "девятьсот": 900},
    _spread("тысяча | тысячи | тысяч | тысячу", 1000),
    _spread("миллион | миллиона | миллионов", 10**6),
)

RU = LanguageTable(
    code="ru",
    percent_words=_words("процент | процента | процентов | процентам | проц. | проц"),
    point_words=_words("процентных пункта | процентных пунктов | процентный пункт | п.п. | п. п."),
    scales=_values(
        {"тыс.": K, "тыс": K, "тысяча": K, "тысячи": K, "тысяч": K, "млн": M, "млн.": M, "миллион": M}
        | {"миллиона": M, "миллионов": M, "млрд": G, "млрд.": G, "миллиард": G, "миллиарда": G}
        | {"миллиардов": G}
    ),
    number_words=_values(_RU_NUMBERS),
    joiners=(),
    not_alone=frozenset({"один", "одна", "одно", "одного", "одной", "сто", "тысяча", "тысячи", "тысяч"})
    | frozenset({"тысячу", "миллион", "миллиона", "миллионов"}),
    compounding=False,
    hedges=MappingProxyType(
        {
            **dict.fromkeys(_words("более | больше | свыше | более чем | больше чем | сверх"), "more_than"),
            **dict.fromkeys(_words("менее | меньше | менее чем | меньше чем | ниже"), "less_than"),
            **dict.fromkeys(
                _words("не менее | как минимум | по меньшей мере | минимум | не меньше"), "at_least"
            ),
            **dict.fromkeys(_words("не более | до | не больше | максимум | как максимум"), "at_most"),
            **dict.fromkeys(
                _words("около | примерно | приблизительно | порядка | где-то | ориентировочно"), "about"
            ),
            **dict.fromkeys(
                _words("почти | чуть менее | чуть меньше | немногим менее | без малого"), "nearly"
            ),
            **dict.fromkeys(
                _words("чуть более | чуть больше | немногим более | немногим больше"), "just_over"
            ),
            **dict.fromkeys(_words("ровно | ровным счётом"), "exactly"),
        }
    ),
    vague=MappingProxyType(
        {
            "сотни тысяч": HUNDREDS_OF_THOUSANDS,
            "сотен тысяч": HUNDREDS_OF_THOUSANDS,
            "десятки тысяч": TENS_OF_THOUSANDS,
            "десятков тысяч": TENS_OF_THOUSANDS,
            "тысячи": THOUSANDS,
            "тысяч": THOUSANDS,
            "сотни": HUNDREDS,
            "сотен": HUNDREDS,
            "десятки": TENS,
            "десятков": TENS,
            "миллионы": MILLIONS,
            "несколько": SEVERAL,
            "нескольких": SEVERAL,
            "несколько тысяч": SEVERAL_THOUSAND,
            "несколько сотен": SEVERAL_HUNDRED,
            "несколько миллионов": SEVERAL_MILLION,
        }
    ),
    fractions=MappingProxyType(
        {
            "половина": HALF,
            "половину": HALF,
            "треть": THIRD,
            "две трети": TWO_THIRDS,
            "четверть": QUARTER,
            "три четверти": THREE_QUARTERS,
        }
    ),
    of_words=(),
    list_words=_words(", | и | или | а"),
    range_words=_words("до | - | – | —"),
    between_words=(),
    from_words=_words("от | с | со"),
    count_nouns=_words(
        "голосов | голоса | избирателей | человек | мандатов | жителей | подписей | бюллетеней"
    ),
    currency_words=_words("рублей | рубля | руб. | руб | долларов | евро | гривен | гривны | ₽"),
    measure_words=_words("км | километров | кг | тонн | метров | градусов | раз | раза"),
    ordinal_suffixes=_words("-й | -го | -я | -е | -м | -ой | -ый | -ом"),
)

_UK_NUMBERS = _merge(
    _spread("один | одна | одне | одного | однієї", 1),
    _spread("два | дві | двох | двом", 2),
    _spread("три | трьох | трьом", 3),
    _spread("чотири | чотирьох", 4),
    _spread("п'ять | п’ять | п'яти | п’яти", 5),
    _spread("шість | шести", 6),
    _spread("сім | семи", 7),
    _spread("вісім | восьми", 8),
    _spread("дев'ять | дев’ять | дев'яти | дев’яти", 9),
    _spread("десять | десяти", 10),
    {"одинадцять": 11, "дванадцять": 12, "тринадцять": 13, "чотирнадцять": 14, "п'ятнадцять": 15},
    {"шістнадцять": 16, "сімнадцять": 17, "вісімнадцять": 18, "дев'ятнадцять": 19},
    _spread("двадцять | двадцяти", 20),
    _spread("тридцять | тридцяти", 30),
    _spread("сорок | сорока", 40),
    {"п'ятдесят": 50, "п’ятдесят": 50, "шістдесят": 60, "сімдесят": 70, "вісімдесят": 80},
    {"дев'яносто": 90, "дев’яносто": 90, "сто": 100, "двісті": 200, "триста": 300, "чотириста": 400},
    {"п'ятсот": 500, "п’ятсот": 500, "шістсот": 600, "сімсот": 700, "вісімсот": 800},
    _spread("тисяча | тисячі | тисяч | тисячу", 1000),
    _spread("мільйон | мільйона | мільйонів", 10**6),
)

UK = LanguageTable(
    code="uk",
    percent_words=_words(
        "відсоток | відсотка | відсотків | відсотки | відс. | процент | процентів | процента"
    ),
    point_words=_words("відсоткових пункти | відсоткових пунктів | відсотковий пункт | в.п. | п.п."),
    scales=_values(
        {"тис.": K, "тис": K, "тисяча": K, "тисячі": K, "тисяч": K, "млн": M, "млн.": M, "мільйон": M}
        | {"мільйона": M, "мільйонів": M, "млрд": G, "млрд.": G, "мільярд": G, "мільярда": G}
        | {"мільярдів": G}
    ),
    number_words=_values(_UK_NUMBERS),
    joiners=(),
    not_alone=frozenset({"один", "одна", "одне", "одного", "однієї", "сто", "тисяча", "тисячі", "тисяч"})
    | frozenset({"тисячу", "мільйон", "мільйона", "мільйонів"}),
    compounding=False,
    hedges=MappingProxyType(
        {
            **dict.fromkeys(_words("понад | більше | більш ніж | більше ніж | понад як"), "more_than"),
            **dict.fromkeys(_words("менше | менш ніж | менше ніж | нижче"), "less_than"),
            **dict.fromkeys(_words("щонайменше | не менше | не менше ніж | принаймні | мінімум"), "at_least"),
            **dict.fromkeys(_words("не більше | до | не більше ніж | максимум"), "at_most"),
            **dict.fromkeys(_words("близько | приблизно | орієнтовно | порядку"), "about"),
            **dict.fromkeys(_words("майже | трохи менше | трохи менш ніж | без малого"), "nearly"),
            **dict.fromkeys(_words("трохи більше | трохи понад | трохи більш ніж"), "just_over"),
            **dict.fromkeys(_words("рівно | точно"), "exactly"),
        }
    ),
    vague=MappingProxyType(
        {
            "сотні тисяч": HUNDREDS_OF_THOUSANDS,
            "сотень тисяч": HUNDREDS_OF_THOUSANDS,
            "десятки тисяч": TENS_OF_THOUSANDS,
            "десятків тисяч": TENS_OF_THOUSANDS,
            "тисячі": THOUSANDS,
            "тисяч": THOUSANDS,
            "сотні": HUNDREDS,
            "десятки": TENS,
            "мільйони": MILLIONS,
            "кілька": SEVERAL,
            "декілька": SEVERAL,
            "кількох": SEVERAL,
            "кілька тисяч": SEVERAL_THOUSAND,
            "кілька сотень": SEVERAL_HUNDRED,
        }
    ),
    fractions=MappingProxyType(
        {
            "половина": HALF,
            "половину": HALF,
            "третина": THIRD,
            "третину": THIRD,
            "дві третини": TWO_THIRDS,
            "чверть": QUARTER,
            "три чверті": THREE_QUARTERS,
        }
    ),
    of_words=(),
    list_words=_words(", | і | й | та | або | а"),
    range_words=_words("до | - | – | —"),
    between_words=(),
    from_words=_words("від | з | із"),
    count_nouns=_words("голосів | голоси | виборців | людей | осіб | мандатів | мешканців | підписів"),
    currency_words=_words("гривень | гривні | грн | грн. | доларів | євро | рублів | ₴"),
    measure_words=_words("км | кілометрів | кг | тонн | метрів | градусів | разів | рази"),
    ordinal_suffixes=_words("-й | -го | -а | -е | -му | -ої | -ий | -им"),
)

TABLES: Mapping[str, LanguageTable] = MappingProxyType(
    {t.code: t for t in (EN, DE, FR, ES, IT, PT, PL, HU, RU, UK)}
)

# text2num spells numbers in these languages; the others use our own table parser.
TEXT2NUM_LANGUAGES = frozenset({"en", "fr", "es", "de", "it", "pt"})

# Words after a fraction that are not a population: "a quarter of a century", "half an hour".
FRACTION_STOP = frozenset(
    _words(
        "a | an | century | hour | mile | века | часа | століття | години | wieku | godziny | jahrhunderts"
        "| stunde | siècle | heure | siglo | hora | secolo | ora | século"
    )
)

__all__ = ["TABLES", "TEXT2NUM_LANGUAGES", "Hedge", "LanguageTable"]
