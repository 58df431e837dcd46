"""The calendar regex: its fragments, word tables and the compiled pattern per language set.

:func:`_compile` builds one VERBOSE regex per language set (cached); each alternative is
a named group whose handler (in :mod:`checker.extract.dates`, ``relative``, ``ages``,
``durations``) turns the match into a mention.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from checker.extract import calendar_words as cw
from checker.lang import alternation
from checker.trie import trie

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
YEAR_WORD = rf"""
    (?:\s*{alternation("year_after_words")})?  # "year" after a year: 2024 года, 2024 roku
"""
DASH = r"""
    \s?[-–—]\s?                                  # hyphen or dashes, optional single spaces
"""
RANGE_WORD = rf"""
    {alternation("range_words")}                 # 23 to 27, du 23 au 27, 23. bis 27.
"""
RANGE_YEAR = rf"""
    {alternation("range_year_words")}            # 2014 and 2022, 2014 bis 2022
"""
DE_OF = rf"""
    {alternation("date_of_words")}               # 23 de septiembre, 23rd of September
"""
CASE_ARTICLE = rf"""
    {alternation("day_articles")}                # bis zum 27., al 27, le 27
"""
MORE = rf"""
    {alternation(["more_words", "straight_words"])}  # six more years
"""
DATE_SUFFIX = rf"""
    (?:-{alternation("date_suffixes")})?        # Hungarian case suffixes: "23-án"
"""
# Spanish "15 de marzo al 17 de marzo": the word between a range's first day and month.
DAY_MONTH_LINK = alternation("day_month_links")
# The words between a name and its age ("Trump, de 78 años,") and after that age.
NAME_AGE_LINK = alternation("name_age_links")
NAME_AGE_YEARS = alternation("name_age_year_words")
# An age as a suffix ("47-jährige") or a word after it ("47 éves").
AGE_SUFFIX = alternation("age_suffixes")
AGE_SUFFIX_WORD = alternation("age_suffix_words")
# A part of the day after a weekday ("Wednesday morning") or glued to it ("Mittwochabend").
WEEKDAY_PART = alternation("weekday_parts")
WEEKDAY_PART_GLUED = alternation("weekday_parts_glued")
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
RE_NAME_AGE_TRIGGER = (
    rf"[A-ZÀ-ÞА-ЯЁІЇЄҐ](?=[^\W\d_]{{0,29}},\s(?:{NAME_AGE_LINK}\s)?\d)"  # Putin, 71, / de 78 años,
)


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
        | {ORDINAL}(?:\s+(?:{DAY_MONTH_LINK}\s+)?{month})?  # 15-17 March 2024, 23. bis 27. September
          (?:{DASH}|\s+{RANGE_WORD}\s+)
          (?:{CASE_ARTICLE}\s+)?(?:{weekday}\s+)?  # au dimanche 17 mars
          {DAY}{ORDINAL}\s+(?:{DE_OF}\s+)?{month}
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
        | [-\s](?:years?|yrs?)[-\s]olds?(?!\w)  # 47-year-old, 47 year old, 18-year-olds
          (?P<age_old>)
        | (?:-{AGE_SUFFIX}
          |\s+{AGE_SUFFIX_WORD})(?!\w)          # 47-jährige, Der 66-Jährige, 78-letni, 47 éves
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
      (?:\s+{WEEKDAY_PART}\b
        |{WEEKDAY_PART_GLUED}\b)?
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
          |(?:{NAME_AGE_LINK}\s+)?(?:1[89]|[2-9]\d|10\d|110)\s{NAME_AGE_YEARS}
           (?=[,;)]))                            # Maia Sandu, 52 ans, / Trump, de 78 años,
      (?P<name_age>)
    )
    """
    return re.compile(pattern, re.VERBOSE), t
