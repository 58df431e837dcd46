"""Percentages and counts in news text.

One compiled alternation per language finds candidate figures (digits, number words,
vague magnitudes, fractions) in a single ``finditer`` pass; each candidate then looks a
few characters around itself (unit after, hedge before) with anchored regexes. Nothing
walks the text character by character and no pattern nests unbounded repetition, so the
cost is linear in the text.

Intervals (closed, ``[low, high]``; ``high=None`` means open above):

* a figure with d decimals covers ±0.5·10^-d: "93%" -> [92.5, 93.5], "87.1%" -> [87.05, 87.15];
  "1.2 million" -> [1.15e6, 1.25e6]; a plain count is exact as written: "5,000" -> [5000, 5000];
* "more than"/"at least" x: [x, 100] for a share, [x, None] for a count;
  "less than"/"at most" x: [0, x];
* "about" x: the rounding interval widened by ``PERCENT_TOLERANCE`` (1 point) for shares, or
  by ``COUNT_TOLERANCE`` (2% of x) for counts; a hedged round count is first read as rounded
  at its last non-zero digit ("about 500,000" -> [450000, 550000] before the 2%);
  "nearly"/"almost"/"just under" x: [x - tolerance, x]; "just over" x: [x, x + tolerance];
* ranges "41 to 46%", "60-65%", "between 18 and 25 percent": [low of the first, high of the
  second], qualifier ``range``; "from 41 to 46%" is a change, so two figures;
* vague magnitudes ("hundreds of thousands") come from the language tables, qualifier ``vague``;
* fractions ("two-thirds of") are shares: kind ``percent``, the share ± 1 point, qualifier ``about``.

Never extracted: "one" (and "un", "ein", ...) alone, ordinals, bare years 1900–2099 (unless
a count noun follows: "2014 votes"), day numbers next to a month name, money, measures,
percentage-point differences ("a 5-point lead" is not a share), signed changes ("+3%"),
bare non-integer numbers without a unit, and digits glued to letters ("G20", "MH17").

>>> [(m.text, str(m.low), str(m.high), m.qualifier) for m in extract_numbers("Turnout: more than 99%.", "a")]
[('more than 99%', '99', '100', 'more_than')]
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from types import MappingProxyType
from typing import Literal, NamedTuple

from babel.dates import get_month_names
from babel.numbers import get_decimal_symbol
from text_to_num import text2num

from checker.extract.numwords import FRACTION_STOP, TABLES, TEXT2NUM_LANGUAGES, Hedge, LanguageTable
from checker.lang import alternation
from checker.model import Mention, Qualifier
from checker.trie import trie

log = logging.getLogger(__name__)

D = Decimal
ZERO, ONE, HUNDRED = D(0), D(1), D(100)
HALF_UNIT = D("0.5")
# "about 88%" may be 87 or 89 in the source: one point either side of the rounding interval.
PERCENT_TOLERANCE = D(1)
# "about 1.3 million": 2% of the figure either side of the rounding interval.
COUNT_TOLERANCE = D("0.02")
# Fractions in words are loose: "two-thirds" is said of 65% as well as of 68%.
FRACTION_TOLERANCE = D(1)
# How far back a hedge ("more than", "in excess of the") may start.
HEDGE_WINDOW = 40
# The longest text between two figures of one list or range ("93, 87 and 81%").
GAP_LIMIT = 24
# Years are the dates module's; a count needs a noun after it to be one.
YEAR_LOW, YEAR_HIGH = 1900, 2099
ATTACHED_ONLY_SCALES = frozenset({"m", "mn", "bn"})
SPACE_CHARS = " \u00a0\u202f\u2009'’"
CURRENCY_SIGNS = frozenset("$€£¥₽₴₹₺₩₾₸")
SIGNS = frozenset("+±−")
_NO_SPACES = str.maketrans("", "", SPACE_CHARS)  # deletes group spaces and apostrophes

Unit = Literal["percent", "count"]


@dataclass(frozen=True, slots=True)
class ParsedNumber:
    """A number as written: its value and how many decimals the writer gave."""

    value: Decimal
    decimals: int


# --- regex building ----------------------------------------------------------------------


def _trie(words: Iterable[str]) -> str:
    """A regex that matches any of ``words``, factored by prefix (fast on long lists).

    A space inside a word matches one to three white-space characters.

    >>> _trie(["four", "fourteen", "five"])
    'f(?:ive|our(?:teen)?)'
    """
    return trie(words, space=r"\s{1,3}")


def _cased(words: Iterable[str]) -> set[str]:
    """Each lower-case word as written at a sentence start, in a title and in capitals.

    Matching case-sensitively on these variants is several times faster than
    ``re.IGNORECASE``, which stops ``re`` from skipping ahead to possible first letters.
    """
    return {v for w in words for v in (w, w[:1].upper() + w[1:], w.title(), w.upper())}


def _month_words() -> tuple[str, ...]:
    """Month names and abbreviations of every table language, from CLDR."""
    names: set[str] = set()
    for code in TABLES:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for name in get_month_names(width, context, code).values():
                    names.add(name.lower().rstrip("."))
    names.update({"sept", "sep"})
    return tuple(sorted(n for n in names if len(n) >= 3))


RE_MONTH_AFTER = re.compile(
    rf"""
    \.?[\s\u00a0]{{0,3}}                 # "23 September", "23. September"
    (?:(?:de|of)\s{{1,3}})?              # "23 de septiembre", "23rd of May"
    (?:{_trie(_month_words())})          # a month name, any table language
    (?!\w)
    """,
    re.IGNORECASE | re.VERBOSE,
)
RE_MONTH_BEFORE = re.compile(
    rf"""
    (?<!\w)(?:{_trie(_month_words())})   # a month name
    \.?[\s\u00a0]{{1,3}}\Z               # "September 23", "Sept. 23"
    """,
    re.IGNORECASE | re.VERBOSE,
)

RE_DIGITS = re.compile(
    r"""
    [0-9](?<![\w.,/][0-9])               # a first digit that does not continue a token
    (?:
        [0-9]{0,2}                        # the rest of the leading group
        (?P<g>[,.\u00a0\u202f\u2009\x20'’])  # the group separator, the same all along
        [0-9]{3}(?:(?P=g)[0-9]{3}){0,5}   # exactly three digits per group
        (?:(?!(?P=g))[.,][0-9]{1,6})?     # decimals, with the other mark
      |[0-9]{0,14}                        # or no grouping
        (?:[.,][0-9]{1,6})?               # decimals, either mark
    )
    (?![.,]?[0-9])(?!/)                   # not a date, a version or a fraction
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class _Lang:
    """Compiled patterns and lookup tables of one language (or of ``None``)."""

    table: LanguageTable  # number words, hedges, fractions, vague words
    words: re.Pattern[str]
    words_at_start: re.Pattern[str]
    suffix: re.Pattern[str]
    hedge: re.Pattern[str]
    between: re.Pattern[str] | None
    from_: re.Pattern[str] | None
    word_part: re.Pattern[str]
    noun: re.Pattern[str]
    scales: Mapping[str, Decimal]
    decimal_mark: str | None
    list_gaps: frozenset[str]
    range_gaps: frozenset[str]
    and_gaps: frozenset[str]
    hedge_ends: tuple[str, ...]  # last words of the hedges and articles, lower case
    no_suffix: frozenset[str]  # ASCII characters no unit word (nor "%", nor a space) starts with


# English phrases that open a number without a number word: "a dozen", "half a million".
EN_LEADS = ("a dozen", "a hundred", "a thousand", "a million", "a billion", "an hundred")
EN_LEADS_HALF = ("half a million", "half a billion", "half a dozen")


def _lead_words(t: LanguageTable) -> set[str]:
    """Every phrase that can open a match: number words, vague words, fractions."""
    extra = (*EN_LEADS, *EN_LEADS_HALF) if t.code == "en" else ()
    return {*t.number_words, *t.vague, *t.fractions, *extra}


def _words_regex(t: LanguageTable) -> str:
    """Number words, vague magnitudes and fractions in one pattern keyed by first letter.

    One prefix tree for every opening phrase keeps the work per word start small; which
    of the three it is gets decided in Python, on the (few) matches.
    """
    part = _trie(_cased(t.number_words))
    lead = _trie(_cased(_lead_words(t)))
    joiner = f"(?:{_trie(t.joiners)})" if t.joiners else None
    more = ""
    if t.compounding:  # "sieben|und|vierzig", "negyven|hét"
        more = f"(?:(?:{joiner})?(?:{part})){{0,5}}" if joiner else f"(?:{part}){{0,5}}"
    sep = rf"(?:\s{{1,3}}(?:{joiner}\s{{1,3}})?|-)" if joiner else r"(?:\s{1,3}|-)"
    return f"(?:{lead}){more}(?:{sep}(?:{part}){more}){{0,7}}"


def _last_words(phrases: Iterable[str]) -> tuple[str, ...]:
    """The last word of each phrase, lower case, with either apostrophe (for ``endswith``).

    >>> sorted(_last_words(["more than", "plus d'"]))
    ["d'", 'd’', 'than']
    """
    last = {p.split()[-1].lower() for p in phrases if p.strip()}
    return tuple(sorted({v for w in last for v in (w, w.replace("'", "’"), w.replace("’", "'"))}))


def _folds_to_ascii(words: Iterable[str]) -> bool:
    """Whether a non-ASCII letter of ``words`` matches an ASCII one ignoring case, as "ſ"
    matches "s": then lower-casing is no stand-in for the regex (``_hedge``'s quick test).

    >>> _folds_to_ascii(["über", "более"]), _folds_to_ascii(["ſome"])
    (False, True)
    """
    ascii_chars = "".join(map(chr, range(128)))
    odd = {ch for w in words for ch in w if not ch.isascii()}
    return any(re.search(re.escape(ch), ascii_chars, re.IGNORECASE) for ch in odd)


def _cannot_start(words: Iterable[str]) -> frozenset[str]:
    """ASCII characters that can open no match of the suffix pattern (tested with sre, so
    its case folding decides); "-" is left out, it has a branch of its own.

    >>> sorted(_cannot_start(["percent"]) & set("pP%a "))
    ['a']
    """
    chars = "".join(re.escape(c) for c in sorted({w[0] for w in words if w}))
    first = re.compile(rf"[\s\u00a0\u202f%％٪{chars}]", re.IGNORECASE)
    return frozenset(c for c in map(chr, range(128)) if c != "-" and not first.match(c))


def _compile(code: str | None) -> _Lang:
    t = TABLES[code] if code else TABLES["en"]
    # Without a language hint every convention is accepted for units, but words (number
    # words, hedges, vague words) stay English: "once", "sei" or "hat" mean other things.
    unit_tables = [t] if code else list(TABLES.values())
    percent = {w for u in unit_tables for w in u.percent_words}
    points = {w for u in unit_tables for w in u.point_words}
    scales: dict[str, Decimal] = {}
    for u in reversed(unit_tables):  # English last so that its meaning of "billion" wins
        scales.update(u.scales)
    currency = {w for u in unit_tables for w in u.currency_words}
    measure = {w for u in unit_tables for w in u.measure_words}
    ordinals = {w for u in unit_tables for w in u.ordinal_suffixes}
    firsts = "".join(sorted({w[0] for w in _cased(_lead_words(t))}))
    # The leading character (anything but a word character or a hyphen) lets ``re`` jump
    # from one word start to the next in C, and the look-ahead drops most words in one
    # test; the text's first word is matched separately.
    body = rf"(?=[{re.escape(firsts)}])(?P<w>{_words_regex(t)})(?![\w-])"
    words = re.compile(rf"[^\w\-]{body}")
    words_at_start = re.compile(body)
    suffix = re.compile(
        rf"""
        (?P<space>[\s\u00a0\u202f]{{0,2}})
        (?:
            (?P<pct>[%％٪])                                        # a percent sign
            |(?P<point>(?:{_trie(points)})(?!\w))                    # percentage points
            |(?P<pword>(?:{_trie(percent)})(?!\w))                   # "percent", "Prozent"
            |(?P<scale>(?:{_trie(scales)})(?!\w))                    # "million", "Mio.", "млн"
            |(?P<cur>(?:{_trie(currency)})(?!\w))                    # money, not a count
            |(?P<meas>(?:{_trie(measure)})(?!\w))                    # a measure, not a count
            |(?P<ord>(?:{_trie(ordinals) if ordinals else "(?!)"})(?!\w))  # "5th", "5-й"
        )?
        """,
        re.IGNORECASE | re.VERBOSE,
    )
    articles = f"(?:(?:{_trie(t.articles)})(?:\\s{{1,3}}|(?<=['’])))?" if t.articles else ""
    hedge = re.compile(
        rf"""
        (?<!\w)(?P<h>{_trie(t.hedges)})       # the hedge phrase
        (?:\s{{1,3}}|(?<=['’]))               # then a space ("plus d'" needs none)
        {articles}                            # "oltre il 60%"
        \Z
        """,
        re.IGNORECASE | re.VERBOSE,
    )

    def before(words: tuple[str, ...]) -> re.Pattern[str] | None:
        if not words:
            return None
        return re.compile(rf"(?<!\w)(?:{_trie(words)})\s{{1,3}}(?:the\s{{1,3}})?\Z", re.IGNORECASE)

    hedge_words = [*t.hedges, *t.articles]  # the hedges and the articles that may follow them
    # The list word that means "and" (second in every table), for "between X and Y".
    and_words = {t.list_words[1], *t.joiners, *(("та", "й") if t.code == "uk" else ())}
    return _Lang(
        table=t,
        words=words,
        words_at_start=words_at_start,
        suffix=suffix,
        hedge=hedge,
        between=before(t.between_words),
        from_=before(t.from_words),
        word_part=re.compile(_trie(t.number_words), re.IGNORECASE),
        noun=re.compile(rf"[\s\u00a0]{{1,3}}(?:{_trie(t.count_nouns)})(?!\w)", re.IGNORECASE),
        scales=MappingProxyType(scales),
        decimal_mark=get_decimal_symbol(code) if code else None,
        list_gaps=frozenset(t.list_words),
        range_gaps=frozenset(t.range_words),
        and_gaps=frozenset(and_words),
        hedge_ends=_last_words(hedge_words) if not _folds_to_ascii(hedge_words) else ("",),
        no_suffix=_cannot_start([*points, *percent, *scales, *currency, *measure, *ordinals]),
    )


LANGS: Mapping[str | None, _Lang] = MappingProxyType(
    {None: _compile(None), **{c: _compile(c) for c in TABLES}}
)


# --- parsers -------------------------------------------------------------------------------


def _lang_code(language: str | None) -> str | None:
    code = (language or "").strip().lower()[:2]
    return code if code in TABLES else None


# The parsers below are pure functions of short strings that recur in every text (years,
# days, "50%", "per cent", "two"): caching them saves most of their work.
@lru_cache(maxsize=8192)
def _read_digits(s: str, decimal_mark: str | None, context: Literal["count", "share"]) -> ParsedNumber | None:
    """Read digits with group and decimal marks; ``decimal_mark`` None means "decide by shape".

    A single ``,`` or ``.`` followed by exactly three digits is the ambiguous case: the
    language's CLDR decimal symbol decides, and without a language a plain count reads it
    as grouping (a count is a whole number) while a share or a scaled figure reads it as
    decimals ("12,345%" is 12.345%).
    """
    if s.isdigit():  # the common case
        return ParsedNumber(D(s), 0)
    body = s.translate(_NO_SPACES)
    spaced = len(body) != len(s)
    marks = [ch for ch in body if ch in ",."]
    if not marks:
        digits, decimals = body, ""
    elif spaced or len(set(marks)) == 2:
        # spaces (or the other mark) group: the one mark left, if last, is the decimal mark
        last = max(body.rfind(","), body.rfind("."))
        head, decimals = body[:last], body[last + 1 :]
        if any(ch in ",." for ch in head) and spaced:
            return None
        digits = head.replace(",", "").replace(".", "")
    elif len(marks) > 1:
        digits, decimals = body.replace(marks[0], ""), ""
    else:
        head, _, tail = body.partition(marks[0])
        if len(tail) != 3 or len(head) > 3:
            is_decimal = True
        elif decimal_mark is not None:
            is_decimal = marks[0] == decimal_mark
        else:
            is_decimal = context == "share"
        digits, decimals = (head, tail) if is_decimal else (head + tail, "")
    if not digits.isdigit() or (decimals and not decimals.isdigit()):
        return None
    try:
        value = D(f"{digits}.{decimals}") if decimals else D(digits)
    except InvalidOperation:
        return None
    return ParsedNumber(value, len(decimals))


def parse_number(s: str, language: str | None = None) -> ParsedNumber | None:
    """Parse digits as newspapers write them; ``None`` when ``s`` is not one number.

    The language picks the decimal mark (from CLDR) when the shape does not decide.

    >>> parse_number("76,277,708")
    ParsedNumber(value=Decimal('76277708'), decimals=0)
    >>> parse_number("99,23")
    ParsedNumber(value=Decimal('99.23'), decimals=2)
    >>> parse_number("2.115.800"), parse_number("1 260 032")
    (ParsedNumber(value=Decimal('2115800'), decimals=0), ParsedNumber(value=Decimal('1260032'), decimals=0))
    >>> parse_number("1,234", "de"), parse_number("1,234", "en")
    (ParsedNumber(value=Decimal('1.234'), decimals=3), ParsedNumber(value=Decimal('1234'), decimals=0))
    >>> parse_number("twelve") is None
    True
    """
    s = s.strip()
    lang = LANGS[_lang_code(language)]
    if not RE_DIGITS.fullmatch(s):
        return None
    return _read_digits(s, lang.decimal_mark, "count")


def _small_words(values: list[Decimal]) -> Decimal | None:
    """Add up number-word values in the usual big-to-small order ("сорок семь" -> 47)."""
    total, current, last = ZERO, ZERO, None
    for v in values:
        if v >= 1000:
            total += (current or ONE) * v
            current, last = ZERO, None
        elif v == HUNDRED and ZERO < current < 10:
            current *= v  # "két száz"
            last = current
        else:
            if last is not None:
                tail = 10 ** (len(str(int(last))) - len(str(int(last)).rstrip("0")))
                if v >= tail:
                    return None
            current += v
            last = v
    return total + current


RE_EN_ONE_SCALE = re.compile(r"^(?:an?|one)\s(?=dozen|hundred|thousand|million|billion)")  # "a million"
RE_EN_HALF_A = re.compile(r"^half a\s(?=million|billion|dozen)")  # "half a million"
RE_WORD_GLUE = re.compile(r"[\s\-'’]")  # what may join the parts of a number word


def parse_number_words(s: str, language: str | None = "en") -> Decimal | None:
    """The value of a number written in words; ``None`` when it is not one number.

    >>> parse_number_words("forty-seven"), parse_number_words("One million two hundred thousand")
    (Decimal('47'), Decimal('1200000'))
    >>> parse_number_words("a dozen"), parse_number_words("siebenundvierzig", "de")
    (Decimal('12'), Decimal('47'))
    >>> parse_number_words("сорок семь", "ru"), parse_number_words("two three")
    (Decimal('47'), None)
    """
    code = _lang_code(language) or "en"
    t = TABLES[code]
    text = " ".join(s.lower().replace("’", "'").split())
    if code == "en":
        text = RE_EN_ONE_SCALE.sub("one ", text)
        text = RE_EN_HALF_A.sub("0.5 ", text)
        if text.endswith("dozen"):
            head = text[: -len("dozen")].strip()
            times = ONE if head in ("", "one") else parse_number_words(head, code)
            return None if times is None else times * 12
        if text.startswith("0.5 "):
            rest = parse_number_words("one " + text[4:], code)
            return None if rest is None else rest / 2
    if code in TEXT2NUM_LANGUAGES:
        try:
            return D(text2num(text, code))
        except (ValueError, TypeError, KeyError, IndexError):
            return None
    parts = LANGS[code].word_part.findall(text)
    if "".join(parts).replace("'", "") != RE_WORD_GLUE.sub("", text):
        return None
    words = {k.replace("’", "'"): v for k, v in t.number_words.items()}
    try:
        values = [words[p.lower().replace("’", "'")] for p in parts]
    except KeyError:
        return None
    return _small_words(values) if values else None


_word_value = lru_cache(maxsize=4096)(parse_number_words)


# --- candidates ----------------------------------------------------------------------------

AtomKind = Literal["num", "words", "vague", "frac"]
AtomUnit = Literal["percent", "count", "drop"] | None

RE_NEXT_WORDS = re.compile(r"[\s\u00a0]{1,3}([^\W\d_]+['’]?)(?:[\s\u00a0]{1,3}([^\W\d_]+))?")
CURRENCY_CODES = ("usd", "eur", "gbp", "rub", "uah", "us$", "r$", "chf", "pln", "huf")
RE_CURRENCY_BEFORE = re.compile(
    rf"(?<!\w)(?:{'|'.join(re.escape(c) for c in CURRENCY_CODES)})\s{{0,2}}\Z", re.IGNORECASE
)
# The ASCII letters a code can end with, in either case (``_signed``'s quick test).
CURRENCY_CODE_ENDS = frozenset(ch for c in CURRENCY_CODES for ch in (c[-1], c[-1].upper()))
RE_WORD_TOKEN = re.compile(r"[^\s\-]+")
RE_AND_BEFORE = re.compile(
    rf"(?<!\w){alternation('range_and_words')}\s{{1,3}}\Z", re.IGNORECASE
)  # "two and a half"


class _Atom(NamedTuple):
    """One candidate figure and what its surroundings say about it.

    A named tuple rather than a frozen dataclass: there is one per number in the text and
    building a tuple is several times cheaper.
    """

    start: int  # where the figure starts
    end: int  # end of the number itself
    stop: int  # end of the number and its unit word or sign
    kind: AtomKind
    value: Decimal | None  # unscaled, as written
    decimals: int
    unit: AtomUnit  # None: a bare number, which may take the unit of a later one
    scale: Decimal = ONE  # "million" after digits
    round_unit: Decimal = ZERO  # words ending in a scale word round at that scale
    vague: tuple[Decimal, Decimal] | None = None
    alone_ok: bool = True  # may stand alone as a count
    month: bool = False  # next to a month name: a day, the dates module's


@lru_cache(maxsize=8192)
def _normal(s: str) -> str:
    return " ".join(s.lower().replace("’", "'").split())


def _lookup(table: Mapping[str, Decimal], word: str) -> Decimal | None:
    key = _normal(word)
    return table.get(key, table.get(key.replace("'", "’")))


def _hedge(lang: _Lang, text: str, start: int) -> tuple[Hedge, int] | None:
    # A hedge ends with a space or an apostrophe right before the figure, and the last word
    # before it ends with a hedge's (or an article's) last word. Most figures fail these
    # string tests, which are much cheaper than the search. Lower-casing stands in for the
    # regex's case folding only for ASCII words; other words always go to the search.
    if start == 0:
        return None
    ch = text[start - 1]
    if not (ch.isspace() or ch in "'’"):
        return None
    lo = max(0, start - HEDGE_WINDOW)
    words = text[lo:start].rsplit(None, 1)
    if not words:
        return None
    if words[-1].isascii() and not words[-1].lower().endswith(lang.hedge_ends):
        return None
    m = lang.hedge.search(text, lo, start)
    if not m:
        return None
    word = _normal(m.group("h"))
    hedges = lang.table.hedges
    found = hedges.get(word) or hedges.get(word.replace("'", "’"))
    return (found, m.start()) if found else None


def _suffix(lang: _Lang, text: str, end: int) -> tuple[AtomUnit, Decimal, int]:
    """(unit, scale, stop) from the words right after a number."""
    if text[end : end + 1] in lang.no_suffix:  # "2022," "23.": nothing can follow, skip the match
        return None, ONE, end
    su = lang.suffix.match(text, end)
    if su is None or su.lastgroup in (None, "space"):
        if text[end : end + 1] == "-":  # "a 10-point lead" is a difference, "a 5-percent rise" a share
            joined = lang.suffix.match(text, end + 1)
            if joined is not None and joined.lastgroup == "point":
                return "drop", ONE, joined.end()
        return None, ONE, end
    kind, word, spaced = su.lastgroup, su.group(su.lastgroup), bool(su.group("space"))
    if kind in ("pct", "pword"):
        return "percent", ONE, su.end()
    if kind == "scale":
        if spaced and _normal(word) in ATTACHED_ONLY_SCALES:
            return None, ONE, end
        scale = _lookup(lang.scales, word) or ONE
        after = lang.suffix.match(text, su.end())
        if after is not None and after.lastgroup in ("cur", "meas"):
            return "drop", scale, after.end()
        return None, scale, su.end()
    if kind == "ord" and spaced:
        return None, ONE, end
    return "drop", ONE, su.end()  # percentage points, money, measures, ordinals


def _signed(text: str, start: int) -> bool:
    """A sign or a currency before the number: a change or money, not a share or a count."""
    if start == 0:
        return False
    c = text[start - 1]
    if c in SIGNS or c in CURRENCY_SIGNS:
        return True
    if c == "-" and (start < 2 or not text[start - 2].isalnum()):
        return True
    if c not in " \u00a0" or start < 2:
        return False
    before = text[start - 2]
    if before in CURRENCY_SIGNS:
        return True
    if not before.isalpha() or (before.isascii() and before not in CURRENCY_CODE_ENDS):
        return False  # no currency code ends with this letter: skip the search
    return bool(RE_CURRENCY_BEFORE.search(text, max(0, start - 6), start))


def _month_near(text: str, start: int, end: int) -> bool:
    return bool(RE_MONTH_AFTER.match(text, end) or RE_MONTH_BEFORE.search(text, max(0, start - 16), start))


def _num_atom(lang: _Lang, text: str, start: int, end: int) -> _Atom | None:
    unit, scale, stop = _suffix(lang, text, end)
    context: Literal["count", "share"] = "share" if unit == "percent" or scale != ONE else "count"
    span = text[start:end]
    parsed = _read_digits(span, lang.decimal_mark, context)
    if parsed is None:
        return None
    if _signed(text, start):
        unit = "drop"
    value = parsed.value
    month = False
    alone_ok = True
    if unit is None and scale == ONE:
        if parsed.decimals:
            alone_ok = False  # "3.5" with no unit is a rating or a score, not a count
        if span.isdigit():  # not grouped: compare as an int, cheaper than the Decimal
            whole = int(span)
            if YEAR_LOW <= whole <= YEAR_HIGH and not lang.noun.match(text, end):
                alone_ok = False
            month = whole <= 31 and _month_near(text, start, end)
    return _Atom(start, end, stop, "num", value, parsed.decimals, unit, scale, ZERO, None, alone_ok, month)


def _word_atoms(lang: _Lang, code: str, text: str, start: int, end: int) -> list[_Atom]:
    span = text[start:end]
    value = _word_value(span, code)
    if value is None:
        # several numbers glued by "and" or spaces ("two and three"): read each word alone
        out: list[_Atom] = []
        for w in RE_WORD_TOKEN.finditer(span):
            if _normal(w.group()) in lang.table.joiners:
                continue
            sub = _word_value(w.group(), code)
            if sub is not None:
                out.append(_word_atom(lang, text, start + w.start(), start + w.end(), sub, w.group()))
        return out
    return [_word_atom(lang, text, start, end, value, span)]


def _word_atom(lang: _Lang, text: str, start: int, end: int, value: Decimal, span: str) -> _Atom:
    tokens = [t for t in RE_WORD_TOKEN.findall(span) if _normal(t) not in lang.table.joiners]
    last = _lookup(lang.table.number_words, tokens[-1]) if tokens else None
    round_unit = last if last is not None and last >= 1000 else ZERO
    alone_ok = not (len(tokens) == 1 and _normal(tokens[0]) in lang.table.not_alone)
    if round_unit and span.lower().startswith(("half a", "half an")):
        round_unit = ZERO  # "half a million" is itself the figure
    unit, scale, stop = _suffix(lang, text, end)
    if unit == "drop" or _signed(text, start):
        unit = "drop"
    return _Atom(start, end, stop, "words", value, 0, unit, scale, round_unit=round_unit, alone_ok=alone_ok)


def _frac_atom(lang: _Lang, text: str, start: int, end: int) -> _Atom | None:
    share = _lookup(lang.table.fractions, text[start:end])
    if share is None:
        return None
    nxt = RE_NEXT_WORDS.match(text, end)
    first = _normal(nxt.group(1)) if nxt else ""
    second = _normal(nxt.group(2) or "") if nxt else ""
    if lang.table.of_words:
        if first not in lang.table.of_words or second in FRACTION_STOP:
            return None
    elif first in FRACTION_STOP:
        return None
    if RE_AND_BEFORE.search(text[max(0, start - 6) : start]):
        return None  # "two and a half"
    return _Atom(start, end, end, "frac", share, 2, "percent")


def _vague_atom(lang: _Lang, text: str, start: int, end: int) -> _Atom | None:
    interval = lang.table.vague.get(_normal(text[start:end]))
    if interval is None:
        return None
    unit, _scale, _stop = _suffix(lang, text, end)
    if unit in ("drop", "percent"):
        return None
    return _Atom(start, end, end, "vague", None, 0, "count", vague=interval)


def _atoms(lang: _Lang, code: str, text: str) -> list[_Atom]:
    out: list[_Atom] = []
    for m in RE_DIGITS.finditer(text):
        a = _num_atom(lang, text, m.start(), m.end())
        if a is not None:
            out.append(a)
    found = [m for m in [lang.words_at_start.match(text)] if m is not None]
    vague, fractions = lang.table.vague, lang.table.fractions
    for m in (*found, *lang.words.finditer(text)):
        start, end = m.span("w")
        key = _normal(m.group("w"))
        if key in vague:
            a = _vague_atom(lang, text, start, end)
        elif key in fractions:
            a = _frac_atom(lang, text, start, end)
        else:
            out += _word_atoms(lang, code, text, start, end)
            continue
        if a is not None:
            out.append(a)
    out.sort(key=lambda a: a.start)
    return out


# --- intervals -----------------------------------------------------------------------------


# Half a unit of the last written decimal, 0.5·10^-d, for the decimals RE_DIGITS allows.
_HALF_UNITS = tuple(HALF_UNIT * D(10) ** -d for d in range(7))


def _half_unit(decimals: int) -> Decimal:
    """0.5·10^-decimals: "87.1%" is ±0.05.

    >>> _half_unit(0), _half_unit(2)
    (Decimal('0.5'), Decimal('0.005'))
    """
    return _HALF_UNITS[decimals] if decimals < len(_HALF_UNITS) else HALF_UNIT * D(10) ** -decimals


def _round_half(value: Decimal) -> Decimal:
    """Half a unit of the last non-zero digit of a whole number: "500,000" -> 50000."""
    digits = str(int(value))
    zeros = len(digits) - len(digits.rstrip("0"))
    return HALF_UNIT * D(10) ** zeros if zeros and value else ZERO


def _interval(
    a: _Atom, unit: Unit, scale: Decimal, hedge: Hedge | None
) -> tuple[Decimal, Decimal | None, Qualifier]:
    """The closed interval a figure covers once its rounding and hedge are applied."""
    assert a.value is not None
    x = a.value * scale
    if unit == "percent":
        half = _half_unit(a.decimals) if a.kind != "frac" else FRACTION_TOLERANCE
    elif scale != ONE:
        half = _half_unit(a.decimals) * scale
    else:
        half = a.round_unit / 2
    lo, hi = x - half, x + half
    qualifier: Qualifier = "about" if a.kind == "frac" else "exact"
    top: Decimal | None = HUNDRED if unit == "percent" and x <= HUNDRED else None
    if hedge in ("more_than", "at_least"):
        return x, top, hedge
    if hedge in ("less_than", "at_most"):
        return ZERO, x, hedge
    if hedge in ("about", "nearly", "just_over"):
        if unit == "percent":
            tol = PERCENT_TOLERANCE
        else:
            if half == ZERO:
                half = _round_half(x)
                lo, hi = x - half, x + half
            tol = COUNT_TOLERANCE * x
        lo, hi = lo - tol, hi + tol
        if hedge == "nearly":
            hi = x
        elif hedge == "just_over":
            lo = x
        qualifier = "about"
    lo = max(lo, ZERO)
    high: Decimal | None = hi if top is None else min(hi, top)
    return lo, high, qualifier


# --- lists and ranges ----------------------------------------------------------------------


def _gap(text: str, a: _Atom, b: _Atom) -> str | None:
    if b.start - a.stop > GAP_LIMIT:
        return None
    gap = _normal(text[a.stop : b.start])
    return gap[1:].strip() if gap.startswith(".") else gap  # German "23. bis 27."


def _before(pattern: re.Pattern[str] | None, text: str, start: int) -> int | None:
    if pattern is None:
        return None
    m = pattern.search(text, max(0, start - 20), start)
    return m.start() if m else None


@dataclass(frozen=True, slots=True)
class _Plan:
    """How the atoms become mentions: ranges, units shared along lists, days to skip."""

    ranges: dict[int, tuple[int, int]]  # index of the first atom -> (index of the last, start)
    shared: dict[int, int]  # bare atom -> index of the atom whose unit it takes
    days: set[int]


def _plan(lang: _Lang, text: str, atoms: list[_Atom]) -> _Plan:
    ranges: dict[int, tuple[int, int]] = {}
    range_ends: set[int] = set()  # the last atom of each range, kept as ranges are added
    shared: dict[int, int] = {}
    days = {i for i, a in enumerate(atoms) if a.month}
    linkable = lang.range_gaps | lang.and_gaps | lang.list_gaps
    for i in range(1, len(atoms)):
        p, a = atoms[i - 1], atoms[i]
        gap = _gap(text, p, a)
        if gap is None:
            continue
        if gap in linkable and (i in days or i - 1 in days) and a.kind == p.kind == "num":
            days.update((i - 1, i))  # "September 23 and 27", "15–17 марта"
            continue
        if (
            p.kind not in ("num", "words")
            or a.kind not in ("num", "words")
            or p.unit == "drop"
            or a.unit == "drop"
        ):
            continue
        if i - 1 in ranges or i - 1 in shared or i - 1 in range_ends:
            continue
        between = _before(lang.between, text, p.start) if gap in lang.and_gaps else None
        change = gap in lang.range_gaps and _before(lang.from_, text, p.start) is not None
        bare = p.unit is None and p.scale == ONE
        if between is not None or (gap in lang.range_gaps and not change):
            same_unit = p.unit == a.unit and p.scale == a.scale
            dash_or_between = gap in ("-", "–", "—") or between is not None
            both_counts = bare and a.unit is None and a.scale == ONE
            units_ok = bare or (same_unit and dash_or_between)
            counts_ok = not both_counts or (p.alone_ok and a.alone_ok)
            assert p.value is not None and a.value is not None
            ordered = p.value * (p.scale if p.scale != ONE else a.scale) <= a.value * a.scale
            if units_ok and counts_ok and ordered:  # "3-1" is a score, not a range
                ranges[i - 1] = (i, between if between is not None else p.start)
                range_ends.add(i)
                continue
        if (gap in lang.list_gaps or change) and bare and (a.unit == "percent" or a.scale != ONE):
            limit = HUNDRED if a.unit == "percent" else D(1000)
            if p.value is not None and p.value <= limit:
                shared[i - 1] = i
    # a list shares the unit of its last figure: "93, 87 and 81%"
    for i in sorted(shared, reverse=True):
        shared[i] = shared.get(shared[i], shared[i])
    return _Plan(ranges, shared, days)


# --- mentions ------------------------------------------------------------------------------


def _mention(
    article_id: str,
    text: str,
    start: int,
    stop: int,
    unit: Unit,
    interval: tuple[Decimal, Decimal | None, Qualifier],
    value: Decimal | None,
    decimals: int | None,
) -> Mention:
    lo, hi, qualifier = interval
    # positional: one per figure, and keyword arguments cost a third more
    return Mention(
        article_id, start, stop, text[start:stop], unit, lo, hi, unit, qualifier, decimals, None, None, value
    )


def extract_numbers(text: str, article_id: str, language: str | None = None) -> list[Mention]:
    """Every percentage and count in ``text``, in text order.

    ``language`` is an ISO 639-1 hint; without it every digit convention is accepted and
    number words are read as English.

    >>> ms = extract_numbers("Turnout: 93% and 87%, hundreds of thousands voting in four regions.", "x")
    >>> [(m.text, m.kind, str(m.low), str(m.high), m.qualifier) for m in ms]  # doctest: +NORMALIZE_WHITESPACE
    [('93%', 'percent', '92.5', '93.5', 'exact'), ('87%', 'percent', '86.5', '87.5', 'exact'),
     ('hundreds of thousands', 'count', '200000', '1000000', 'vague'),
     ('four', 'count', '4', '4', 'exact')]
    """
    code = _lang_code(language)
    lang = LANGS[code]
    atoms = _atoms(lang, code or "en", text)
    if not atoms:
        return []
    plan = _plan(lang, text, atoms)
    range_ends = {j for j, _ in plan.ranges.values()}
    out: list[Mention] = []
    for i, a in enumerate(atoms):
        if i in range_ends or a.unit == "drop" or i in plan.days:
            continue
        if i in plan.ranges:
            j, start = plan.ranges[i]
            b = atoms[j]
            unit: Unit = "percent" if "percent" in (a.unit, b.unit) else "count"
            scale = a.scale if a.scale != ONE else b.scale
            lo = _interval(a, unit, scale, None)[0]
            hi = _interval(b, unit, b.scale, None)[1]
            out.append(_mention(article_id, text, start, b.stop, unit, (lo, hi, "range"), None, None))
            continue
        if a.vague is not None:
            out.append(_mention(article_id, text, a.start, a.stop, "count", (*a.vague, "vague"), None, None))
            continue
        carrier = atoms[plan.shared[i]] if i in plan.shared else a
        if carrier.unit == "percent":
            unit = "percent"
        elif a.unit is None and carrier.scale == ONE and not a.alone_ok:
            continue
        else:
            unit = "count"
        scale = a.scale if a.scale != ONE else carrier.scale
        found = _hedge(lang, text, a.start)
        hedge, start = found if found else (None, a.start)
        if hedge == "exactly":
            hedge = None
        interval = _interval(a, unit, scale, hedge)
        assert a.value is not None
        value = a.value if unit == "percent" else a.value * scale
        out.append(
            _mention(
                article_id,
                text,
                start,
                a.stop,
                unit,
                interval,
                value,
                a.decimals if a.kind != "frac" else None,
            )
        )
    return out


__all__ = ["ParsedNumber", "extract_numbers", "parse_number", "parse_number_words"]
