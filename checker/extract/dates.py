"""Dates, date ranges, years, durations, relative dates and ages.

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
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Literal

from checker.extract import calendar_words as cw
from checker.model import Kind, Mention, Offset, Precision, Qualifier
from checker.trie import trie
from checker.units import DAYS_PER

log = logging.getLogger(__name__)

ParsedDate = tuple[dt.date, dt.date, Precision]
OffsetUnit = Literal["day", "week", "month", "year", "weekday", "season"]

# Tolerance of "about"/"roughly" on durations and offsets: a quarter of the amount, so
# "roughly a month" is [0.75, 1.25] months, which contains both 30 and 31 days.
HEDGE_TOLERANCE = Decimal("0.25")
# A year-less date may be this many days after publication (an upcoming event).
AHEAD_DAYS = 92
# Days either side of "exactly N years/months ago".
EXACT_TOLERANCE_DAYS = 3
# What "in recent days/weeks/months" reaches back to.
RECENT_SPAN = {"day": 14, "week": 8 * 7, "month": 366}
_MIN_YEAR, _MAX_YEAR = 1900, 2099


# ---------------------------------------------------------------------------------------
# Regex building blocks
# ---------------------------------------------------------------------------------------


def _trie(words: Iterable[str], *, folded: bool = False) -> str:
    """A regex alternation of ``words`` as a character trie (see :func:`checker.trie.trie`).

    Spaces inside a phrase match any run of whitespace; ``folded``: the pattern is used
    ignoring case, so no continuation is shared and the alternatives keep their order.

    >>> _trie(["may", "march", "mar"])
    '(?:ma(?:r(?:ch)?|y))'
    """
    return trie(words, space=r"\s+", share_tails=True, folded=folded, wrap=True)


def _first(words: Iterable[str]) -> str:
    """A character class of the first characters of ``words``.

    >>> _first(["may", "June"])
    '[Jm]'
    """
    chars = sorted({w[0] for w in words if w})
    return "[" + "".join(re.escape(ch) for ch in chars) + "]" if chars else "(?!)"


def _cased(words: Iterable[str], *, lower: bool = True) -> set[str]:
    """Lower-case words plus their capitalised form (sentence starts, German nouns).

    >>> sorted(_cased(["mai"]))
    ['Mai', 'mai']
    """
    out: set[str] = set()
    for w in words:
        out.add(w[:1].upper() + w[1:])
        if lower:
            out.add(w)
    return out


def _langs(language: str | None) -> tuple[str, ...]:
    if language is None:
        return cw.LANGUAGES
    code = language.lower()[:2]
    return ("en", code) if code in cw.LANGUAGES and code != "en" else ("en",)


class _Tables:
    """Lookup tables (lower-case key -> value) for one language set."""

    def __init__(self, langs: tuple[str, ...], full: bool) -> None:
        self.langs = langs
        self.months: dict[str, int] = {}
        for lang in langs:
            for name, num in cw.MONTHS[lang].items():
                # Without a known language only full names and English abbreviations are
                # safe: "set", "mar", "sie" are common words elsewhere.
                if full or lang == "en" or len(name) > 4:
                    self.months[name] = num
        self.weekdays = {k: v for lang in langs for k, v in cw.WEEKDAYS[lang].items()}
        self.weekday_lang = {k: lang for lang in langs for k in cw.WEEKDAYS[lang]}
        self.units = {k: v for lang in langs for k, v in cw.UNITS[lang].items()}
        self.unit_langs: dict[str, set[str]] = {}
        for lang in langs:
            for k in cw.UNITS[lang]:
                self.unit_langs.setdefault(k, set()).add(lang)
        self.numbers = {k: v for lang in langs for k, v in cw.NUMBER_WORDS[lang].items()}
        self.number_langs: dict[str, set[str]] = {}
        for lang in langs:
            for k in cw.NUMBER_WORDS[lang]:
                self.number_langs.setdefault(k, set()).add(lang)
        self.phrases = {k: v for lang in langs for k, v in cw.RELATIVE_PHRASES.get(lang, {}).items()}


# Fragments shared by every language set. Each is a VERBOSE regex with a comment per line.
DAY = r"""
    (?:3[01]|[12][0-9]|0?[1-9])                  # day of month 1-31
    (?!\d)                                       # not the start of a longer number
"""
ORDINAL = r"""
    (?:st|nd|rd|th|er|\.)?                      # 23rd, 1er, 23.
"""
YEAR = r"""
    (?:19|20)\d\d                                # 1900-2099
    (?![\d,.]\d|\d)                              # not 2,0145 or 20145
"""
YEAR_WORD = r"""
    (?:\s*(?:года|году|г\.|року|р\.|roku|r\.))?  # Russian/Ukrainian/Polish "year" after a year
"""
DASH = r"""
    \s?[-–—]\s?                                  # hyphen or dashes, optional single spaces
"""
RANGE_WORD = r"""
    (?:to|through|thru|until|till|and|bis(?:\s+zum)?|au|al|a|y|e|et|und|i|do|по|до|и|і)
"""
RANGE_YEAR = r"""
    (?:and|to|through|until|bis|à|a|al|до|do)   # 2014 and 2022, 2014 bis 2022
"""
DE_OF = r"""
    (?:de|del|of)                                # 23 de septiembre, 23rd of September
"""
CASE_ARTICLE = r"""
    (?:zum|il|el|le|lo)                          # bis zum 27., al 27, le 27
"""
MORE = r"""
    (?:more|further|additional|straight|consecutive)  # six more years
"""
DATE_SUFFIX = r"""
    (?:-(?:án|én|jén|ján|ig|tól|től|i|a|e))?    # Hungarian case suffixes: "23-án"
"""
DIGITS = r"""
    (?<![\w.,/-])                                # not inside a number, word or path
    \d{1,3}(?:[.,]\d{1,2})?                      # 5, 48, 1.5, 2,5
    (?![\d/:]|[.,]\d)                            # not a longer number, time or fraction
"""


def _num(words: str) -> str:
    return rf"""
    (?:{DIGITS}                                  # digits
      | {words}(?!\w)                            # or a number word
    )
    """


def _head(word: str) -> str:
    """The leading run of word characters of a word or phrase.

    Every match of a word table in the calendar regex is followed by a non-word character,
    so the text's first word at a match is exactly the head of one of the table's words.

    >>> [_head(w) for w in ["September", "twenty one", "Sept.", "a few"]]
    ['September', 'twenty', 'Sept', 'a']
    """
    m = RE_HEAD.match(word)
    return m.group() if m else ""


RE_HEAD = re.compile(r"\w*")  # the leading word characters

# The calendar regex's keyword branches, each reduced to a condition that every match of
# the branch meets: (word, what must follow it).
TRIGGER_KEYWORDS: tuple[tuple[str, str], ...] = (
    *((w, r"(?=\s+(?:the|recent)\s)") for w in ("In", "in")),  # in the past days, in recent days
    *((w, r"(?=\s+the\s)") for w in ("Over", "over", "During", "during", "Within", "within")),
    *((w, r"(?=\s+(?:the\s|age))") for w in ("At", "at")),  # at the weekend, at the age of
    *((w, r"(?=\s)") for w in ("Last", "last", "This", "this", "Next", "next", "Past", "past")),
    *((w, "") for w in ("Yesterday", "yesterday", "Today", "today", "Tonight", "tonight")),
    *((w, "") for w in ("Tomorrow", "tomorrow", "Age", "age")),  # tomorrow, aged 47, age 47
    ("the", r"(?=\s+age)"),  # the age of
)
RE_NAME_AGE_TRIGGER = r"[A-ZÀ-ÞА-ЯЁІЇЄҐ](?=[^\W\d_]{0,29},\s(?:de\s)?\d)"  # Putin, 71, / de 78 años,


def _trigger(words: Iterable[str], folded: Iterable[tuple[str, list[str]]]) -> str:
    """Where the calendar regex can match: before a digit, a keyword or a table's word.

    The calendar regex tries about twenty alternatives after every non-word character;
    this pattern, a look-ahead right after that character, picks the few positions where
    one of them can start, so the alternatives run only there (all in one ``finditer``,
    with no Python loop over candidates). It must accept every position the calendar
    regex accepts (a superset). ``words`` are the case-sensitive tables
    (months, weekdays, number words, seasons); ``folded`` the case-insensitive phrase
    tables with the first-character class their calendar branch is guarded by.

    Alternatives are grouped by their first character and each group opens with that
    literal, which sre rejects without saving state: the scan stays several times faster
    than the calendar regex.
    """
    # first character -> regexes for the rest of the word
    by_first: dict[str, list[str]] = {}
    heads: dict[str, set[str]] = {}
    for h in {_head(w) for w in words}:
        heads.setdefault(h[:1], set()).add(h[1:])
    for first, rests in heads.items():
        by_first.setdefault(first, []).append(_trie(rests) + r"(?!\w)")
    opens_with_punctuation = False
    for word, after in TRIGGER_KEYWORDS:
        by_first.setdefault(word[0], []).append(re.escape(word[1:]) + after)
    for guard, table in folded:
        guard_chars = re.fullmatch(r"\[(.*)\]", guard)
        if guard_chars is None or not table:
            continue  # "(?!)": the branch never runs
        folded_heads = {_head(w) for w in table}
        opens_with_punctuation |= "" in folded_heads
        # the text's first character is one of the guard's and matches a table word's
        # first character ignoring case (sre's own rule, so tested with sre)
        for ch in set(re.findall(r"\\.|.", guard_chars.group(1))):
            literal = ch[-1]
            rests = {h[1:] for h in folded_heads if h and re.fullmatch(f"(?i:{re.escape(h[0])})", literal)}
            if rests:
                by_first.setdefault(literal, []).append(f"(?i:{_trie(rests, folded=True)})(?!\\w)")
    # every digit branch of the calendar regex refuses a digit after ".", ",", "/" or "-"
    parts = [r"\d(?<![.,/\-]\d)", RE_NAME_AGE_TRIGGER]
    if opens_with_punctuation or "" in by_first:
        parts.append(r"(?=\W)")  # a word that opens with punctuation: accept any such start
    parts += [f"{re.escape(c)}(?:{'|'.join(by_first[c])})" for c in sorted(by_first) if c]
    return "|".join(parts)


@lru_cache(maxsize=16)
def _compile(langs: tuple[str, ...], full: bool) -> tuple[re.Pattern[str], _Tables]:
    t = _Tables(langs, full)
    month_words = _cased([k for k in t.months if k not in cw.MONTHS["en"]])
    # English month and weekday names must be capitalised: "may" and "march" are words.
    month_words |= _cased(cw.MONTHS["en"], lower=False)
    month = rf"(?:{_trie(month_words)}\.?(?!\w))"
    weekday_words = _cased([k for k in t.weekdays if t.weekday_lang[k] != "en"])
    weekday_words |= _cased(cw.WEEKDAYS["en"], lower=False)
    weekday = rf"(?:{_trie(weekday_words)}(?!\w))"
    number = _num(_trie(_cased([*t.numbers, *cw.VAGUE_WORDS])))
    unit = rf"(?:{_trie(_cased(t.units))}(?!\w))"
    unit_en_sg = r"(?:day|week|month|year|hour|decade)"
    ago_after = _trie(w for lang in langs for w in cw.AGO_AFTER.get(lang, ()))
    # Phrases are matched ignoring case ("letzte Woche", "im Alter von"); the first-letter
    # lookahead in front of them keeps that cost off the scan.
    ago_before = "(?i:" + _trie((w for lang in langs for w in cw.AGO_BEFORE.get(lang, ())), folded=True) + ")"
    age_before = "(?i:" + _trie((w for lang in langs for w in cw.AGE_BEFORE.get(lang, ())), folded=True) + ")"
    age_years = (
        "(?i:" + _trie((w for lang in langs for w in cw.AGE_YEAR_WORDS.get(lang, ())), folded=True) + ")"
    )
    phrases = "(?i:" + _trie(t.phrases, folded=True) + ")" if t.phrases else "(?!)"
    season = _trie(_cased(cw.SEASONS))
    # Each alternative opens with a lookahead on its possible first characters, so that at
    # a word start sre rejects it with one set test instead of walking its word trie; the
    # branch names are empty groups at the end (``lastgroup``) for the same reason.
    f_month = _first(month_words)
    f_weekday = _first(weekday_words)
    f_number = _first(_cased([*t.numbers, *cw.VAGUE_WORDS]))
    f_ago_before = _first(_cased(w for lang in langs for w in cw.AGO_BEFORE.get(lang, ())))
    f_age_before = _first(_cased(w for lang in langs for w in cw.AGE_BEFORE.get(lang, ())))
    f_phrases = _first(_cased(t.phrases)) if t.phrases else "(?!)"
    trigger = _trigger(
        [
            *month_words,
            *weekday_words,
            *_cased([*t.numbers, *cw.VAGUE_WORDS]),
            *_cased(cw.SEASONS),
        ],
        [
            (f_ago_before, [w for lang in langs for w in cw.AGO_BEFORE.get(lang, ())]),
            (f_age_before, [w for lang in langs for w in cw.AGE_BEFORE.get(lang, ())]),
            (f_phrases, list(t.phrases)),
        ],
    )
    pattern = rf"""
    [^\w]                                        # the character before the figure: a charset
                                                 # first op lets sre skip inside words in C
    (?=(?-x:{trigger}))                          # a cheap test of what follows (``_trigger``)
    (?:
      (?=[12])(?<![\d.,/$€£#-]){YEAR}            # led by a year ...
      (?:
          -(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\d-])   # 2022-09-23
          (?P<iso>)
        | \.\s+{month}\s+{DAY}\.?{DATE_SUFFIX}  # 2022. szeptember 23.
          (?P<hu_date>)
        | (?:{DASH}|\s+{RANGE_YEAR}\s+){YEAR}(?![\w-])  # 2014-2022, 2014 and 2022
          (?P<year_range>)
        | (?:s|['’]s)?(?![\w%-]|[.,]\d)          # 1993, 2014's, the 1990s
          (?P<year>)
      )
    | (?=\d)(?<![\d.,/-]){DAY}                   # ... by a day of the month ...
      (?:
          \.(?:0?[1-9]|1[0-2])\.{YEAR}(?!\.\d)   # 23.09.2022
          (?P<dotted>)
        | {ORDINAL}(?:\s+(?:de\s+)?{month})?     # 15-17 March 2024, 23. bis 27. September
          (?:{DASH}|\s+{RANGE_WORD}\s+)
          (?:{CASE_ARTICLE}\s+)?{DAY}{ORDINAL}\s+(?:{DE_OF}\s+)?{month}
          (?:,?\s+(?:{DE_OF}\s+)?{YEAR}{YEAR_WORD})?
          (?P<dmy_range>)
        | {ORDINAL}\s+(?:{DE_OF}\s+)?{month}     # 23 September 2022, 23 de septiembre de 2022
          (?:,?\s+(?:{DE_OF}\s+)?{YEAR}{YEAR_WORD})?
          (?P<dmy>)
      )
    | (?={f_month}){month}                       # ... by a month name ...
      (?:
          \s+{DAY}{ORDINAL}{DATE_SUFFIX}(?:,?\s+{YEAR})?   # September 23-27
          (?:{DASH}|\s+{RANGE_WORD}\s+)          # June 25 through July 1
          (?:{month}\s+)?{DAY}{ORDINAL}{DATE_SUFFIX}
          (?:,?\s+{YEAR})?
          (?P<mdy_range>)
        | \s+{DAY}{ORDINAL}{DATE_SUFFIX}(?!\s?[-–—:]\s?\d)  # September 23, Sept. 23, 2022
          (?:,?\s+{YEAR})?
          (?P<mdy>)
        | \s+(?:{DE_OF}\s+)?{YEAR}{YEAR_WORD}    # March 2024, marzo de 2024
          (?P<month_year>)
        | (?!\s*\d)                              # in May (the context word is checked after)
          (?P<month_only>)
      )
    | (?=\d|{f_number}){number}                  # ... by a number ...
      (?:
          \s+{unit}\s+{ago_after}(?!\w)(?:\s+[Tt]oday\b)?   # eight years ago, восемь лет назад
          (?P<ago>)
        | [-\s](?:years?|yrs?)[-\s]old(?!\w)     # 47-year-old, 47 year old
          (?P<age_old>)
        | (?:-(?:[Jj]ährige[nrms]?|летн[а-я]{{1,3}}|річн[а-яі]{{1,3}}|letni[a-ząęóśłżźćń]{{0,3}})
          |\s+éves)(?!\w)                       # 47-jährige, Der 66-Jährige, 78-letni
          (?P<age_suffix>)
        | -{unit_en_sg}(?:-long)?(?![\w-])       # three-day vote, a 19-year sentence
          (?P<duration_adj>)
        | \s+(?:{MORE}\s+)?{unit}\s+             # three days earlier, a month after
          (?P<previous_dir>earlier|later|before|after|afterwards|beforehand|previously)(?!\w)
          (?P<previous>)
        | \s+(?:{MORE}\s+)?{unit}(?!\s*-?\s*old\b)   # five days, six more years, пять дней
          (?P<duration>)
      )
    | (?={f_ago_before}){ago_before}\s+          # vor acht Jahren, il y a huit ans
      (?:{number}|[^\W\d_]{{2,20}})\s+{unit}
      (?P<ago_before>)
    | (?=[SsFfAaWw]){season}\s+(?:of\s+)?{YEAR}  # spring 2022, the spring of 2022
      (?P<season_year>)
    | (?=[IiOoDdWw])(?:[Ii]n|[Oo]ver|[Dd]uring|[Ww]ithin)\s+the\s+(?:past|last|previous)\s+
      (?:{number}\s+)?{unit}                     # in the past five days, over the last week
      (?P<past_span>)
    | (?=[Ii])[Ii]n\s+recent\s+(?:days|weeks|months)\b   # in recent days
      (?P<recent>)
    | (?=[OoAaDdLlTtNnPp])                       # over the weekend, last weekend
      (?:(?:[Oo]ver|[Aa]t|[Dd]uring)\s+the|[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast)\s+weekend\b
      (?P<weekend>)
    | (?=[LlTtNnPp])(?:[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast)\s+(?:week|month|year|{season})\b
      (?P<this_last>)                            # last week, this year, last spring
    | (?={f_weekday}){weekday}                   # Wednesday morning, Mittwochabend
      (?:\s+(?:morning|afternoon|evening|night)\b
        |(?:abend|morgen|nachmittag|vormittag)\b)?
      (?P<weekday>)
    | (?=[YyTtl])                                # yesterday, today, last night
      (?:[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow|last\s+night|this\s+morning
        |this\s+afternoon|this\s+evening)\b
      (?P<day_word>)
    | (?={f_phrases}){phrases}(?!\w)             # la semaine dernière, в прошлом году
      (?P<phrase>)
    | (?=[Aa]|the)                               # at the age of 47, aged 47, age 47
      (?:(?:[Aa]t\s+)?(?:the\s+)?age\s+of|[Aa]ged?)\s+{number}(?!\s*(?:%|-|per))
      (?P<age_of>)
    | (?={f_age_before}){age_before}\s+          # im Alter von 47 Jahren, в возрасте 47 лет
      (?:{number})(?:\s+{age_years}(?!\w))?
      (?P<age_before>)
    | [A-ZÀ-ÞА-ЯЁІЇЄҐ][^\W\d_]{{1,29}}           # Putin, 71, said
      ,\s(?:(?:1[89]|[2-9]\d|10\d|110),(?=\s)
          |(?:de\s+)?(?:1[89]|[2-9]\d|10\d|110)\s(?:ans|años|anni|anos|lat|Jahre|éves|лет|года?|років|роки|рік)
           (?=[,;)]))                            # Maia Sandu, 52 ans, / Trump, de 78 años,
      (?P<name_age>)
    )
    """
    return re.compile(pattern, re.VERBOSE), t


# ---------------------------------------------------------------------------------------
# Calendar arithmetic
# ---------------------------------------------------------------------------------------


def _days_in_month(year: int, month: int) -> int:
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return (nxt - dt.timedelta(days=1)).day


def _add_months(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    year = d.year + y
    return dt.date(year, m + 1, min(d.day, _days_in_month(year, m + 1)))


def _month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, _days_in_month(year, month))


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int, published: dt.date) -> dt.date | None:
    """The latest date with this month/day not more than AHEAD_DAYS after publication.

    >>> _infer_year(10, 5, dt.date(2022, 9, 28)), _infer_year(12, 28, dt.date(2023, 1, 3))
    (datetime.date(2022, 10, 5), datetime.date(2022, 12, 28))
    """
    limit = published + dt.timedelta(days=AHEAD_DAYS)
    for year in (published.year + 1, published.year, published.year - 1, published.year - 2):
        d = _make_date(year, month, day)
        if d is not None and d <= limit:
            return d
    return None


_SEASON_BOUNDS = {  # (start month, end month, end day) - astronomical end kept inside
    "spring": (3, 6, 20),
    "summer": (6, 9, 22),
    "autumn": (9, 12, 21),
    "winter": (12, 3, 20),
}


def _season(name: str, year: int) -> tuple[dt.date, dt.date]:
    """The season that starts in ``year`` (winter runs into the next year)."""
    start_m, end_m, end_d = _SEASON_BOUNDS[name]
    end_year = year + 1 if end_m < start_m else year
    return dt.date(year, start_m, 1), dt.date(end_year, end_m, end_d)


def _relative_season(name: str, amount: int, published: dt.date) -> tuple[dt.date, dt.date]:
    """last (-1), this (0) or next (+1) season of that name relative to ``published``."""
    cands = [_season(name, y) for y in range(published.year - 2, published.year + 2)]
    if amount < 0:
        return [c for c in cands if c[1] < published][-1]
    if amount > 0:
        return next(c for c in cands if c[0] > published)
    inside = [c for c in cands if c[0] <= published <= c[1]]
    return inside[0] if inside else next(c for c in cands if c[0] > published)


def _week_bounds(d: dt.date) -> tuple[dt.date, dt.date]:
    monday = d - dt.timedelta(days=d.weekday())
    return monday, monday + dt.timedelta(days=6)


def _weekday_date(weekday: int, amount: int, published: dt.date) -> dt.date:
    """News weekdays: 0 = latest on or before publication, -1 strictly before, +1 after.

    >>> _weekday_date(2, 0, dt.date(2022, 9, 28)), _weekday_date(4, 0, dt.date(2022, 9, 28))
    (datetime.date(2022, 9, 28), datetime.date(2022, 9, 23))
    """
    back = (published.weekday() - weekday) % 7
    if amount < 0 and back == 0:
        back = 7
    if amount > 0:
        ahead = (weekday - published.weekday()) % 7 or 7
        return published + dt.timedelta(days=ahead)
    return published - dt.timedelta(days=back)


def _shift(d: dt.date, amount: Decimal, unit: str) -> dt.date:
    """``d`` moved by ``amount`` units (fractions of months/years go through days)."""
    if unit in ("month", "year"):
        months = amount * (12 if unit == "year" else 1)
        whole = int(months)
        rest = (months - whole) * DAYS_PER["month"]
        return _add_months(d, whole) + dt.timedelta(days=round(float(rest)))
    days = amount * (7 if unit == "week" else 1)
    return d + dt.timedelta(days=round(float(days)))


def _clamp(d: dt.date) -> dt.date:
    return min(max(d, dt.date(1, 1, 2)), dt.date(9999, 12, 30))


def resolve_ago(
    amount: Decimal, unit: str, published: dt.date, qualifier: Qualifier = "exact", exact: str = ""
) -> tuple[dt.date | None, dt.date | None, Precision]:
    """The interval of "``amount`` ``unit`` ago" (see the module docstring for the rules).

    ``exact`` is "" (a plain "ago"), "exactly" or "today" ("a year ago today").

    >>> resolve_ago(Decimal(8), "year", dt.date(2022, 9, 28))
    (datetime.date(2014, 1, 1), datetime.date(2015, 3, 28), 'year')
    >>> resolve_ago(Decimal(1), "year", dt.date(2025, 3, 17), exact="today")
    (datetime.date(2024, 3, 17), datetime.date(2024, 3, 17), 'day')
    """
    base = _shift(published, -amount, unit)
    if exact:
        tol = 0 if exact == "today" or unit in ("day", "week") else EXACT_TOLERANCE_DAYS
        lo, hi = base - dt.timedelta(days=tol), base + dt.timedelta(days=tol)
        precision: Precision = "day"
    elif unit == "day":
        lo = hi = base
        precision = "day"
    elif unit == "week":
        lo, hi = base - dt.timedelta(days=3), base + dt.timedelta(days=3)
        precision = "week"
    elif unit == "month":
        m_lo, m_hi = _month_bounds(base.year, base.month)
        lo, hi = min(m_lo, base - dt.timedelta(days=15)), max(m_hi, base + dt.timedelta(days=15))
        precision = "month"
    else:
        y_lo, y_hi = dt.date(base.year, 1, 1), dt.date(base.year, 12, 31)
        lo, hi = min(y_lo, _add_months(base, -6)), max(y_hi, _add_months(base, 6))
        precision = "year"
    if qualifier == "about":
        slack = _shift(published, -amount * HEDGE_TOLERANCE, unit)
        widen = published - slack
        lo, hi = lo - widen, hi + widen
    if qualifier in ("more_than", "at_least"):
        return None, hi, precision
    if qualifier in ("less_than", "at_most"):
        return lo, published, precision
    return _clamp(lo), _clamp(hi), precision


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


# ---------------------------------------------------------------------------------------
# Extraction
# ---------------------------------------------------------------------------------------

_TOKEN_BEFORE = re.compile(r"\S+")
_CONTEXT_WORDS = frozenset(
    """between from on late early last next this since until by at in during vom du del dal de
    с od з від entre zwischen tra fra""".split()
) | {"the age of"}
_HEDGE_WORDS = {**cw.HEDGES, "just over": "more_than", "just under": "less_than", "more or less": "about"}
_WEEKDAY_WORDS = frozenset(
    """late early on last next this since until by from am seit bis el este na no nesta neste desde
    hasta w we od do в во с до у з""".split()
) | {"late on", "early on"}


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


def _h_single_date(c: _Ctx, m: _Match) -> Mention | None:
    s = m.group()
    if _bad_english_case(s, c.t):
        return None
    months, days, years = _date_parts(c.t, s)
    if not months or not days:
        return None
    if years:
        d = _make_date(years[0], months[0], days[0])
    elif c.published is not None:
        d = _infer_year(months[0], days[0], c.published)
    else:
        return None  # a date needs bounds; without a year or publication date it has none
    if d is None:
        return None
    return c.mention(m.start(), m.end(), "date", d, d, "date", precision="day")


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


_AND_RANGE = re.compile(r"\s(?:and|und|et|y|e|i|и|і)\s", re.IGNORECASE)
_FIRST_DATE = re.compile(r"\S+\s+\d{1,2}")  # "September 23" of "September 23 and 27"
_DASH = re.compile(r"[-–—]")


def _h_mdy_range(c: _Ctx, m: _Match) -> Mention | None:
    s = m.group()
    if _bad_english_case(s, c.t):
        return None
    ctx, _ = c.context_before(m.start())
    if _AND_RANGE.search(s) and ctx not in ("between", "entre", "zwischen", "tra", "fra"):
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
    if _AND_RANGE.search(s) and ctx not in ("between", "entre", "zwischen", "tra", "fra"):
        return None
    months, days, years = _date_parts(c.t, s)
    return _range_mention(c, m.start(), m.end(), months, days, years, month_first=False)


def _h_year_range(c: _Ctx, m: _Match) -> Mention | None:
    _months, _days, years = _date_parts(c.t, m.group())
    if len(years) != 2 or years[1] <= years[0]:
        return None
    if not _DASH.search(m.group()):
        ctx, _ = c.context_before(m.start())
        if ctx not in ("between", "from", "vom", "de", "du", "entre", "zwischen", "od", "с", "з", "від"):
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
    if c.published is None or ctx not in ("in", "since", "until", "by", "early", "late", "during"):
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


_STRAIGHT = re.compile(r"\s+(?:straight|consecutive)$")  # "five days straight"
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
    num_s = low_s.split(" more ")[0].split(" further ")[0].split(" additional ")[0]
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
_SPAN_VERBS = frozenset(
    {"held", "spread", "staged", "conducted", "stretched", "run", "ran", "place", "organised", "organized"}
)

_FREQUENCY_BEFORE = frozenset({"once", "twice", "thrice", "times", "per", "every", "each"})


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
_CAPITALISED_OK = frozenset(
    {"on", "late", "early", "last", "next", "this", "since", "until", "by", "from", "am", "el", "na", "no"}
)


def _h_weekday(c: _Ctx, m: _Match) -> Mention | None:
    s = m.group()
    name = _WEEKDAY_NAME.match(s)
    if name is None:
        return None
    key = name.group().lower()
    # German compounds "Mittwochabend": strip the time-of-day part.
    for part in ("abend", "morgen", "nachmittag", "vormittag"):
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


def _h_age_before(c: _Ctx, m: _Match) -> Mention | None:
    toks = _tokens(m.group().lower())
    year_words = {w for ws in cw.AGE_YEAR_WORDS.values() for w in ws}
    has_year_word = toks[-1] in year_words
    if c.language and c.language[:2] in cw.AGE_NEEDS_YEAR_WORD and not has_year_word:
        return None
    if toks[0] in ("a", "aos", "com") and not has_year_word:
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
        found.append(mention)
        last_end = mention.end
    return found


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
