"""Cheap language detection for articles: metadata first, then script, then stop words.

It runs once per article, so it only looks at the first few KB of text and does three
passes of simple counting. It answers with an ISO 639-1 code or ``None`` when unsure:
a wrong language is worse than none, because later stages pick number formats and month
names by language.

Order of evidence:

1. a metadata hint (JSON ``language`` field, front matter, ``<html lang>``): "en-GB",
   "de_DE", "rus" or "Russian" are all understood;
2. the script: Cyrillic text is ``ru`` or ``uk`` by the letters only one of them uses
   (і ї є ґ against ы э ъ ё), and a few scripts used by one language map directly
   (Georgian, Armenian, Greek, Hebrew, Hangul, kana, Thai);
3. for Latin script, counts of a handful of very common words per language
   (``STOP_WORDS`` below); the winner needs enough hits and a clear lead.

>>> detect_language("Turnout was 58%, the commission said on Sunday, and the result was final.")
'en'
>>> detect_language("Явка была 77,49%, сообщили в избирательной комиссии.")
'ru'
>>> detect_language("Hello", hint="de-AT")
'de'
"""

from __future__ import annotations

import re
from collections import Counter

from checker.lang import by_language, words

# --- data --------------------------------------------------------------------------------

# A handful of the most frequent function words per language (``[detection] stop_words``
# of the language files), chosen to overlap little between languages (words shared by
# several languages count for each of them, which is fine: the decision needs a clear
# lead). Cyrillic languages have none: their letters decide.
STOP_WORDS: dict[str, frozenset[str]] = {
    code: frozenset(entries) for code, entries in by_language("detection.stop_words").items()
}

# Letters that only Ukrainian (resp. Russian) uses among the two; Belarusian has ў.
UKRAINIAN_LETTERS = frozenset("іїєґІЇЄҐ")
RUSSIAN_LETTERS = frozenset("ыэъёЫЭЪЁ")
BELARUSIAN_LETTERS = frozenset("ўЎ")
# Letters of other Cyrillic alphabets (Serbian, Macedonian, Kazakh, Mongolian...): we do not
# guess those languages.
OTHER_CYRILLIC_LETTERS = frozenset("ђћџјљњѓќѕәөүұңқғһЂЋЏЈЉЊЃЌЅӘӨҮҰҢҚҒҺ")
# Common Russian words that Ukrainian and Bulgarian spell differently.
RUSSIAN_WORDS = frozenset(words("detection.russian_words", ("ru",)))
# Cyrillic text this long without one Ukrainian letter is not Ukrainian (і is very common).
MIN_CYRILLIC_FOR_DEFAULT = 150

# Scripts written by one language in news text: (first code point, last code point, code).
SINGLE_LANGUAGE_SCRIPTS: tuple[tuple[int, int, str], ...] = (
    (0x10A0, 0x10FF, "ka"),  # Georgian
    (0x0530, 0x058F, "hy"),  # Armenian
    (0x0370, 0x03FF, "el"),  # Greek
    (0x0590, 0x05FF, "he"),  # Hebrew
    (0xAC00, 0xD7AF, "ko"),  # Hangul syllables
    (0x3040, 0x30FF, "ja"),  # Hiragana and Katakana
    (0x0E00, 0x0E7F, "th"),  # Thai
)

# Hints written as 3-letter codes or English names.
LANGUAGE_NAMES: dict[str, str] = {
    "eng": "en",
    "english": "en",
    "deu": "de",
    "ger": "de",
    "german": "de",
    "deutsch": "de",
    "fra": "fr",
    "fre": "fr",
    "french": "fr",
    "spa": "es",
    "spanish": "es",
    "ita": "it",
    "italian": "it",
    "por": "pt",
    "portuguese": "pt",
    "pol": "pl",
    "polish": "pl",
    "hun": "hu",
    "hungarian": "hu",
    "rus": "ru",
    "russian": "ru",
    "ukr": "uk",
    "ukrainian": "uk",
    "bel": "be",
    "belarusian": "be",
    "kat": "ka",
    "geo": "ka",
    "georgian": "ka",
}

SAMPLE_CHARS = 4000  # the first few KB decide; enough for a reliable count
MIN_LETTERS = 20  # fewer letters than this: too little to say anything
MIN_HITS = 3  # stop-word hits the winner needs
LEAD = 1.5  # the winner needs this many times the runner-up's hits
MIN_HIT_SHARE = 0.08  # and this share of all words (rules out languages we have no table for)

# --- code --------------------------------------------------------------------------------

RE_WORD = re.compile(
    r"""
    [^\W\d_]{1,40}      # a run of letters (bounded: words are short, hostile input is not)
    """,
    re.VERBOSE,
)

RE_HINT = re.compile(
    r"""
    ^\s*
    (?P<code>[A-Za-z]{2,12})  # "en", "eng", "English"
    (?:[-_][A-Za-z0-9]{1,8})* # region or script subtags: "-GB", "_DE", "-Latn"
    \s*$
    """,
    re.VERBOSE,
)


def parse_language_hint(hint: str | None) -> str | None:
    """The ISO 639-1 code a metadata value names, or None.

    >>> parse_language_hint("en-GB"), parse_language_hint("Russian"), parse_language_hint("x")
    ('en', 'ru', None)
    """
    if not hint:
        return None
    m = RE_HINT.match(hint)
    if not m:
        return None
    code = m.group("code").lower()
    if len(code) == 2:
        return code
    return LANGUAGE_NAMES.get(code)


def _script_language(sample: str) -> tuple[str | None, bool]:
    """(language, decided): decided is True when the script settles the question."""
    cyrillic = latin = 0
    scripts: Counter[str] = Counter()
    for ch in sample:
        if not ch.isalpha():
            continue
        code = ord(ch)
        if code < 0x250:
            latin += 1
        elif 0x400 <= code <= 0x52F:
            cyrillic += 1
        else:
            for first, last, lang in SINGLE_LANGUAGE_SCRIPTS:
                if first <= code <= last:
                    scripts[lang] += 1
                    break
    letters = cyrillic + latin + sum(scripts.values())
    if letters < MIN_LETTERS:
        return None, True
    if cyrillic > letters / 2:
        return _cyrillic_language(sample, cyrillic), True
    if scripts:
        lang, count = scripts.most_common(1)[0]
        if count > letters / 2:
            return lang, True
    if latin > letters / 2:
        return None, False
    return None, True


def _cyrillic_language(sample: str, cyrillic: int) -> str | None:
    uk = sum(ch in UKRAINIAN_LETTERS for ch in sample)
    ru = sum(ch in RUSSIAN_LETTERS for ch in sample)
    be = sum(ch in BELARUSIAN_LETTERS for ch in sample)
    if any(ch in OTHER_CYRILLIC_LETTERS for ch in sample):
        return None
    if be and uk:  # Belarusian writes і and ў; Ukrainian never writes ў
        return "be"
    if uk > ru:
        return "uk"
    # ъ alone is Bulgarian at least as often as Russian: require a letter or a word
    # Bulgarian and Ukrainian lack, or a long text without any Ukrainian letter.
    if uk == 0 and (
        any(ch in "ыэёЫЭЁ" for ch in sample)
        or any(w.lower() in RUSSIAN_WORDS for w in RE_WORD.findall(sample))
        or (cyrillic >= MIN_CYRILLIC_FOR_DEFAULT and ru == 0)
    ):
        return "ru"
    return None


def _stop_word_language(sample: str) -> str | None:
    words = [w.lower() for w in RE_WORD.findall(sample)]
    if not words:
        return None
    hits = Counter({lang: sum(w in table for w in words) for lang, table in STOP_WORDS.items()})
    ranked = hits.most_common(2)
    best, best_hits = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if best_hits < MIN_HITS or best_hits < LEAD * runner_up or best_hits < MIN_HIT_SHARE * len(words):
        return None
    return best


def detect_language(text: str, hint: str | None = None) -> str | None:
    """The article's language as an ISO 639-1 code, or None when unsure.

    A usable ``hint`` (metadata) wins over the text.

    >>> detect_language("Die Wahlkommission teilte mit, dass die Beteiligung bei 58 Prozent lag.")
    'de'
    >>> detect_language("Центральна виборча комісія оголосила, що явка становила 77%.")
    'uk'
    >>> detect_language("12 345 678 99,2%") is None
    True
    """
    from_hint = parse_language_hint(hint)
    if from_hint:
        return from_hint
    sample = text[:SAMPLE_CHARS]
    lang, decided = _script_language(sample)
    if decided:
        return lang
    return _stop_word_language(sample)


__all__ = ["STOP_WORDS", "detect_language", "parse_language_hint"]
