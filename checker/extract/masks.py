"""Spans of text whose digits are never figures: clock times, names with digits, URLs, ...

``extract_mentions`` drops any mention that overlaps one of these spans. Each mask is a
separate anchored pattern with bounded repetitions; a pattern only runs when a cheap
substring test says it can match (":" for clock times, "@" for e-mail, ...), so texts
without such characters cost one scan per test.

Masked: clock times ("08:00", "21:00", "8 p.m.", "8:30am", "20h30", "20 Uhr", "1800 GMT",
"à 21 heures", "alle 20 ora", "a las 12.00 horas"); footnote markers ("[1]"); names with
digits ("COVID-19", "G7", "G20", "Su-25", "MH17", "F-16", "МиГ-29"); URLs and bare domains
with a path; e-mail addresses and @handles; phone numbers ("+7 495 123-45-67",
"(202) 555-0143"); list numbering at the start of a line ("1.", "2)", "(3)"); ISBN-like
codes; hashtags. Not masked: "Article 5", "Section 3" (a number after a word and a space).

>>> text = "Polls closed at 21:00 Moscow time; see https://example.org/r/2022 or call (202) 555-0143."
>>> [text[a:b] for a, b in find_masked_spans(text)]
['21:00', 'https://example.org/r/2022', '(202) 555-0143']
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from babel.dates import get_month_names

from checker.extract.numwords import TABLES
from checker.lang import LANGUAGES, alternation, words

# Every pattern starts with a character it consumes (a digit, a capital, "+", "@", ...)
# and puts its "not inside a token" look-behind after it: ``re`` can then jump to the next
# possible first character in C instead of trying the pattern at every position.

RE_DIGIT_FIRST = re.compile(
    r"""
    [0-9](?<![\w.,:\-][0-9])              # a first digit that starts a token
    (?:
        [0-9]?[:h][0-5][0-9](?::[0-5][0-9])?   # "08:00", "20h30", "08:00:15"
        (?:\s?[ap]\.?\s?m\b\.?)?           # "8:30am", "8:30 p.m."
      |[0-9]?\s?[ap]\.\s?m\.               # "8 p.m.", "8a.m."
      |[0-9]?\s?[ap]m\b                     # "8pm", "8 am"
      |[0-9]?(?:[.:][0-5][0-9])?\s"""  # "20 Uhr", "20.30 Uhr", "9 órakor"
    + alternation("clock_hour_words")
    + r"""\b
      |[0-9]?h                              # "21h", "à 20h" (French, Portuguese)
      |[0-9]{3}\s?(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|MSK)\b  # "1800 GMT"
      |[0-9]{0,3}(?:-[0-9]{2,4}){3,5}        # "8-800-333-33-50", "1-866-272-6272"
      |(?<=0)[0-9]{1,3}(?:\s[0-9]{2,4}){2,4}  # "022 251 451": no count starts with 0
      |[0-9]{2}[.\-][0-9]{3}[.\-][0-9]{4}    # "202-555-0143"
      |[0-9]{2}-[0-9]{1,5}-[0-9]{1,7}-[0-9]{1,7}-[0-9Xx]  # a bare ISBN-13
      |(?<=[1-9])[GD]                       # "5G", "3D"
    )
    (?![\w:\-])
    """,
    re.VERBOSE,
)

# A clock time after the word for "at" that most languages put before it: "à 21 heures",
# "a las 12.00 horas", "às 17 horas", "alle 20 ora locale", "alle 12", "um 18 Uhr".
RE_CLOCK_AFTER_AT = re.compile(
    rf"""
    (?<!\w){alternation("clock_at_words")}\s+
    (?P<t>[0-9]{{1,2}}(?:[.:h][0-5][0-9])?
    (?:\s?{alternation("clock_units")}\b
      |(?<=[0-9])(?![0-9]|[.,][0-9]|\s?%|\s?{alternation("clock_not_after")})))
    """,
    re.VERBOSE | re.IGNORECASE,
)
# A footnote marker: "76.69%[1]".
RE_FOOTNOTE = re.compile(r"\[[0-9]{1,3}\]")

RE_NAME_DIGITS = re.compile(
    r"""
    [A-ZА-ЯЁІЇЄҐ](?<![\w\-].)               # a capital that starts a token
    [A-Za-zА-Яа-яЁёІіЇїЄєҐґ]{0,5}           # "COVID", "Su", "МиГ", "G", "MH"
    -?[0-9]{1,4}                            # "-19", "7", "20", "-25", "17"
    (?:[A-Za-z]{1,3}[0-9]{0,3})?            # "H1N1", "A320neo"
    (?![\w\-])
    """,
    re.VERBOSE,
)
RE_COVID = re.compile(r"covid-?19(?![\w\-])")  # lower case; "COVID-19" is a name above

RE_URL = re.compile(
    r"""
    (?:https?://|www\.)[^\s<>"'«»]{1,2000}    # scheme or www. and everything up to a space
    (?<![.,;:!?)\]])                          # minus trailing punctuation
    """,
    re.VERBOSE,
)

TLDS = (
    "com",
    "org",
    "net",
    "ru",
    "ua",
    "de",
    "fr",
    "uk",
    "pl",
    "hu",
    "es",
    "it",
    "pt",
    "eu",
    "gov",
    "info",
    "io",
)
RE_DOMAIN_PATH = re.compile(
    rf"""
    \.(?:{"|".join(TLDS)})/                   # ".org/" after a domain name ...
    [^\s<>"'«»]{{0,2000}}(?<![.,;:!?)\]])      # ... and its path
    """,
    re.VERBOSE,
)
RE_DOMAIN_NAME = re.compile(r"(?<![\w@.])[A-Za-z0-9][A-Za-z0-9\-]{0,62}(?:\.[A-Za-z0-9\-]{1,63}){0,4}\Z")

RE_EMAIL = re.compile(
    r"""
    @(?:[\w\-]{1,63}(?:\.[\w\-]{1,63}){1,8}    # the domain of an address
       |\w{1,50})                              # or a handle, "@user2024"
    """,
    re.VERBOSE,
)
RE_EMAIL_LOCAL = re.compile(r"(?<![\w.+\-])[\w.+\-]{1,64}\Z")

RE_PHONE = re.compile(
    r"""
    \+(?<![\w+]\+)[0-9]{1,3}                   # country code, "+7"
    (?:[\s.\-]?\(?[0-9]{2,4}\)?)              # area code, "495", "(495)"
    (?:[\s.\-][0-9]{2,4}){2,4}                  # "123-45-67"
    (?![\w])
    |\((?<![\w(]\()[0-9]{3}\)\s?[0-9]{3}[\s.\-][0-9]{4}(?![\w])   # "(202) 555-0143"
    """,
    re.VERBOSE,
)


def _months() -> str:
    names = {
        n.lower().rstrip(".")
        for code in LANGUAGES
        for ctx in ("format", "stand-alone")
        for n in get_month_names("wide", ctx, code).values()
    }
    return "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))


RE_LIST_NUMBER = re.compile(
    rf"""
    ^[ \t]{{0,8}}                             # at the start of a line
    (?:[0-9]{{1,3}}[.)]|\([0-9]{{1,3}}\))     # "1.", "2)", "(3)"
    (?=[ \t])                                 # then a space
    (?![ \t]{{1,3}}(?:{_months()})(?!\w))     # not "23. September" (a date)
    """,
    re.VERBOSE | re.MULTILINE | re.IGNORECASE,
)

RE_CODE = re.compile(
    r"""
    (?:ISBN|isbn)(?:-1[03])?:?\s?(?:[0-9][\-\s]?){9,12}[0-9Xx]\b   # "ISBN 978-3-16-148410-0"
    |ISSN:?\s?[0-9]{4}-[0-9]{3}[0-9Xx]\b                          # "ISSN 1234-5679"
    |(?:DOI|doi):?\s?10\.[0-9]{4,9}/[^\s]{1,200}                 # "doi 10.1000/xyz"
    """,
    re.VERBOSE,
)

RE_HASHTAG = re.compile(
    r"""
    \#(?<![\w#&]\#)\w{1,100}                  # "#Election2024" (not "&#39;")
    """,
    re.VERBOSE,
)

_SCALES = sorted({w for table in TABLES.values() for w in table.scales}, key=len, reverse=True)
_CURRENCIES = sorted({w for table in TABLES.values() for w in table.currency_words}, key=len, reverse=True)
# Money written with a scale word and a linking word ("3 millones de dólares", "1,2 milliard
# d'euros") or an inflected currency ("500 forintba"): an amount, never a vote count.
RE_MONEY = re.compile(
    rf"""
    [0-9](?<![\w.,][0-9])                   # a first digit that starts a token
    [0-9]{{0,2}}(?:[.,\u00a0\u202f ][0-9]{{1,3}}){{0,4}}  # 1,2 / 500 000
    (?:\s{{1,3}}(?i:{"|".join(re.escape(w) for w in _SCALES)})\.?(?!\w))?  # millones, Mrd.
    \s{{1,3}}(?:{alternation("extract.money_links")}\s{{0,3}})?  # de, di, d'
    (?:{alternation("extract.money_after_scale")}  # forintba
      |(?i:{"|".join(re.escape(w) for w in _CURRENCIES)}))(?!\w)  # dólares, euro
    """,
    re.VERBOSE,
)

# (pattern, substrings of which one must be present for it to match)
MASKS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (RE_URL, ("http", "www.")),
    (RE_PHONE, ("+", "(")),
    (RE_DIGIT_FIRST, ("",)),
    (RE_NAME_DIGITS, ("",)),
    (RE_COVID, ("covid",)),
    (RE_LIST_NUMBER, (".", ")")),
    (RE_CODE, ("ISBN", "isbn", "ISSN", "DOI", "doi:", "doi 1")),
    (RE_HASHTAG, ("#",)),
    (RE_CLOCK_AFTER_AT, words("clock_at_hints")),
    (RE_FOOTNOTE, ("[",)),
    (RE_MONEY, ("",)),
)


# The group a pattern masks: the time "t" of "à 21 heures", not the word before it; else all.
_MASKED_GROUP = {pattern: "t" if "t" in pattern.groupindex else 0 for pattern, _ in MASKS}


def _backwards(text: str, spans: list[tuple[int, int]], head: re.Pattern[str], width: int) -> None:
    """Extend spans found from their middle ("@", ".org/") back to where the token starts."""
    for i, (a, b) in enumerate(spans):
        m = head.search(text, max(0, a - width), a)
        spans[i] = (m.start(), b) if m else (a, b)


def _merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def find_masked_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, non-overlapping ``(start, end)`` spans that must not yield figures.

    >>> text = "COVID-19 hit G20 states; 1. the Su-25 fell at 8 p.m."
    >>> [text[a:b] for a, b in find_masked_spans(text)]
    ['COVID-19', 'G20', 'Su-25', '8 p.m.']
    """
    spans: list[tuple[int, int]] = []
    for pattern, needles in MASKS:
        if any(n in text for n in needles):
            group = _MASKED_GROUP[pattern]
            spans.extend(m.span(group) for m in pattern.finditer(text))
    if "@" in text:
        found = [m.span() for m in RE_EMAIL.finditer(text)]
        _backwards(text, found, RE_EMAIL_LOCAL, 64)
        spans.extend(found)
    if "/" in text and any(f".{tld}/" in text for tld in TLDS):
        found = [m.span() for m in RE_DOMAIN_PATH.finditer(text)]
        _backwards(text, found, RE_DOMAIN_NAME, 300)
        spans.extend(found)
    return _merge(spans)


__all__ = ["find_masked_spans"]
