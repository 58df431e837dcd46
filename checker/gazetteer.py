"""Names in news text -> canonical reference names (places, people, parties, options).

The gazetteer is built once from the reference tables (``reference_data/aliases.csv``
plus the names in the other tables) and then answers three questions:

* :meth:`Gazetteer.find` -- every alias occurrence in a text, as spans of that text;
* :meth:`Gazetteer.canonical` / :meth:`Gazetteer.type_of` -- what a name stands for;
* :meth:`Gazetteer.near_misses` -- capitalised names that look like a misspelt reference
  person ("Denis Pushlin" for Denis Pushilin).

Matching rules (why they are what they are):

* Text and aliases are *folded* the same way: diacritics dropped (news copy often loses
  them: "Nicolas Maduro"), curly apostrophes and dashes unified, every white-space
  character made a plain space. Spans are mapped back to the original text.
* Whole words only, and a space or hyphen in an alias matches one to three spaces or
  hyphens in the text ("Kryvyi-Rih", a line break inside "Donetsk People's Republic").
* Names of four letters or more match in any case. Short names and all-caps acronyms
  (DPR, US, UK, CEC, ДНР) match only as written: "us" and "uk" are ordinary words.
* A possessive needs no alias: the word boundary stops before "'s" ("Russia's").
* The longest alias wins where aliases overlap ("Donetsk People's Republic" over
  "Donetsk"); the search is a trie compiled into one regex per case rule, so its cost is
  linear in the text length.

>>> g = Gazetteer([NameEntry("DPR", "Donetsk People's Republic", "place")])
>>> [(h.text, h.canonical) for h in g.find("Officials in the DPR’s capital")]
[('DPR', "Donetsk People's Republic")]
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal, TypeVar

import ahocorasick
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from checker.lang import words

__all__ = ["MATCH_RULES", "NAME_TYPES", "Gazetteer", "NameEntry", "NameHit", "fold", "fold_key"]

NAME_TYPES = ("place", "person", "party", "option", "election", "organisation")

# auto: the default rule (case-insensitive from four letters, except all-caps acronyms);
# case: always as written ("Leave", "Remain": capitalised they name a referendum side,
# lower-case they are ordinary verbs); lookup: never searched for in text, only resolved
# by canonical()/type_of() ("Yes", "No").
MatchRule = Literal["auto", "case", "lookup"]
MATCH_RULES: tuple[MatchRule, ...] = ("auto", "case", "lookup")

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00ad"
_APOSTROPHES = "\u2019\u2018\u02bc\u0060\u00b4\u2032"
# An acronym is matched as written if it has at most this many letters ("VTsIOM" is mixed).
_ACRONYM_MAX = 6
# Aliases shorter than this many letters are matched as written.
_CASELESS_MIN = 4


@dataclass(frozen=True, slots=True)
class NameHit:
    """One name found in a text: ``text[start:end]`` is the surface form."""

    start: int
    end: int
    text: str
    canonical: str
    type: str


@dataclass(frozen=True, slots=True)
class _Searched:
    """The last long text find() searched, for find() of its parts."""

    text: str
    folded: str
    spans: list[tuple[int, int]]  # every match of the search, sorted
    longest: int  # the longest match
    hits: list[NameHit]


_RE_WORD_CHAR = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class NameEntry:
    """One alias of a canonical name (the canonical name itself is an alias too)."""

    alias: str
    canonical: str
    type: str
    match: MatchRule = "auto"
    # The country an imported name belongs to ("Labour Party" is a party of several); empty
    # for names of any country (the hand-curated tables).
    country: str = ""


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    """The folded form of one character: '' for a combining mark, else one character."""
    if c in _DASHES:
        return "-"
    if c in _APOSTROPHES:
        return "'"
    if c.isspace():
        return " "
    if unicodedata.combining(c):
        return ""
    base = unicodedata.normalize("NFD", c)[0]
    return base if not unicodedata.combining(base) else c


class _FoldTable(dict[int, str]):
    """``str.translate`` table that folds each character on first sight (see ``_fold_char``).

    One C-level ``translate`` replaces a Python loop over every character; the table
    remembers at most ``_FOLD_TABLE_MAX`` characters so hostile text cannot grow it.
    """

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        if len(self) < _FOLD_TABLE_MAX:
            self[code] = folded
        return folded


_FOLD_TABLE_MAX = 65536
_FOLD_TABLE = _FoldTable()


def _fold_with_map(text: str) -> tuple[str, Sequence[int]]:
    """Folded text and, for each folded character, its index in ``text`` (plus the end)."""
    if text.isascii():
        folded = text.replace("`", "'").translate(_ASCII_SPACES)
        return folded, range(len(text) + 1)
    folded = text.translate(_FOLD_TABLE)
    if len(folded) == len(text):
        return folded, range(len(text) + 1)  # nothing dropped: offsets are unchanged
    # Combining marks were dropped: map each kept character back to its offset.
    where = [i for i, c in enumerate(text) if _fold_char(c)]
    where.append(len(text))
    return folded, where


_ASCII_SPACES = str.maketrans({"\t": " ", "\n": " ", "\r": " ", "\f": " ", "\v": " "})


def fold(text: str) -> str:
    """Text as the gazetteer compares it: no diacritics, plain apostrophes, dashes, spaces.

    >>> fold("Nicolás Maduro’s  team")
    "Nicolas Maduro's  team"
    """
    return _fold_with_map(text)[0]


_RE_SEPARATORS = re.compile(r"[ \-]+")


def fold_key(name: str, keep_case: bool = False) -> str:
    """The lookup key of a name: folded, separators collapsed to one space, lower-cased.

    Two aliases with the same key are the same alias.

    >>> fold_key("Kryvyi-Rih"), fold_key("Zaporizhzhia  Region")
    ('kryvyi rih', 'zaporizhzhia region')
    """
    key = _RE_SEPARATORS.sub(" ", fold(name).strip())
    return key if keep_case else key.lower()


def is_case_sensitive(alias: str, rule: MatchRule = "auto") -> bool:
    """Whether an alias is matched only as written (see the module docstring).

    >>> is_case_sensitive("DPR"), is_case_sensitive("Donetsk"), is_case_sensitive("Leave", "case")
    (True, False, True)
    """
    if rule == "case":
        return True
    letters = [c for c in fold(alias) if c.isalpha()]
    if len(letters) < _CASELESS_MIN:
        return True
    return len(letters) <= _ACRONYM_MAX and all(c.isupper() for c in letters)


# --- the automaton -------------------------------------------------------------------------

# A separator in an alias ("Kryvyi Rih", "Kryvyi-Rih") matches a short run of one to three
# spaces or hyphens in the folded text. The text is searched with each such run squeezed to
# one space; a longer run is kept, so no alias runs across it.
_RE_SEPARATOR_RUN = re.compile(r"[ \-]+")
_SEPARATOR_MAX = 3


def _squeeze(folded: str) -> tuple[str, list[int] | None]:
    """``folded`` with separator runs of one to three squeezed to one space, and for each
    character of the result its index in ``folded`` (None when nothing changed).

    >>> _squeeze("Kryvyi - Rih")
    ('Kryvyi Rih', [0, 1, 2, 3, 4, 5, 6, 9, 10, 11])
    """
    if "-" not in folded and "  " not in folded:
        return folded, None
    pieces: list[str] = []
    where: list[int] = []
    pos = 0
    for m in _RE_SEPARATOR_RUN.finditer(folded):
        s, e = m.span()
        if e - s > _SEPARATOR_MAX or m.group() == " ":
            continue
        pieces += (folded[pos:s], " ")
        where += range(pos, s + 1)
        pos = e
    if not pieces:
        return folded, None
    pieces.append(folded[pos:])
    where += range(pos, len(folded))
    return "".join(pieces), where


class _CaselessTable(dict[int, str]):
    """``str.translate`` table to the form caseless aliases are searched in: each character
    case-folded when that keeps it one character ("Σ", "ς" -> "σ"; "ſ" -> "s"), else lower-cased.
    Length-preserving, so offsets stay valid; bounded like the fold table."""

    def __missing__(self, code: int) -> str:
        c = chr(code)
        folded = c.casefold()
        if len(folded) != 1:
            folded = c.lower() if len(c.lower()) == 1 else c
        if len(self) < _FOLD_TABLE_MAX:
            self[code] = folded
        return folded


_CASELESS_TABLE = _CaselessTable()


def _caseless(text: str) -> str:
    """Text in the form caseless aliases are compared in (same length as ``text``)."""
    return text.lower() if text.isascii() else text.translate(_CASELESS_TABLE)


def _is_word_char(text: str, i: int) -> bool:
    """Whether ``text[i]`` is a word character as ``re``'s ``\\w`` defines it (letter, digit, _)."""
    c = text[i]
    return c.isalnum() or c == "_"


# An automaton's value per key: (length of the key, the entry, the entry's lookup key).
_Value = tuple[int, NameEntry, str]


def _automaton(keys: Iterable[tuple[str, NameEntry, str]]) -> Any:
    """An Aho-Corasick automaton over ``keys`` (search key, entry, lookup key); None if empty."""
    auto = ahocorasick.Automaton()
    for search_key, entry, key in keys:
        if search_key:  # an empty alias would match between any two characters
            auto.add_word(search_key, (len(search_key), entry, key))
    if len(auto) == 0:
        return None
    auto.make_automaton()
    return auto


def _whole_words(auto: Any, text: str) -> Iterator[tuple[int, int, NameEntry, str]]:
    """Every match of ``auto`` in ``text`` that is a whole word: (start, end, entry, key).

    All matches come out, overlapping ones too; the caller keeps the leftmost-longest.
    """
    n = len(text)
    for last, (length, entry, key) in auto.iter(text):
        end = last + 1
        start = end - length
        if (start > 0 and _is_word_char(text, start - 1)) or (end < n and _is_word_char(text, end)):
            continue
        yield start, end, entry, key


# --- near misses ---------------------------------------------------------------------------

# A capitalised word of the folded text: an upper-case letter, then lower-case letters
# (all-caps words are acronyms, not names).
RE_NAME_WORD = re.compile(
    r"""
    (?<!\w)          # starts a word
    [^\W\d_]         # one letter (checked for upper case in code: \w has no case classes)
    [^\W\d_]{1,40}   # then at least one more letter, bounded
    (?!\w)           # ends the word
    """,
    re.VERBOSE,
)
# Titles and function words that may stand before a lone surname ("Mr. Pushlin").
_TITLES = frozenset(words("name_titles"))
_NEAR_RATIO = 85.0  # rapidfuzz ratio of the full names, 0-100
_NEAR_FIRST_RATIO = 80.0  # first names may differ a little (Nikolai/Nikolay)
_MAX_SURNAME_EDITS = 3
_MIN_SINGLE_LENGTH = 6  # a lone surname this short is too likely an ordinary word
_MAX_SINGLE_EDITS = 2


@dataclass(frozen=True, slots=True)
class _PersonName:
    canonical: str
    type: str
    first: str  # folded, lower case
    last: str


def _is_inflection(word: str, surname: str) -> bool:
    """'Navalnaya' for Navalny, 'Putina': a longer word sharing all but the last letter."""
    if len(word) <= len(surname):
        return False
    common = 0
    for a, b in zip(word, surname, strict=False):
        if a != b:
            break
        common += 1
    return common >= len(surname) - 1


def _starts_sentence(text: str, start: int) -> bool:
    """Whether ``text[start:]`` begins a sentence, paragraph or heading."""
    before = text[max(0, start - 4) : start]
    if "\n" in before:
        return True
    before = before.rstrip(" \"'(\u201c\u2018\u00ab")
    return not before or before[-1] in ".!?:"


def _capitalised(word: str) -> bool:
    if word.isascii():  # a lower-case ASCII letter is one that upper() changes: C-level tests
        return word[0].isupper() and word[1:] != word[1:].upper()
    return word[0].isupper() and any(c.islower() for c in word[1:])


# RE_NAME_WORD for words that may start with a capital: an ASCII capital or any non-ASCII
# letter (``re`` has no class for upper-case letters; code tests those). The pattern starts
# with a character set so that re skips ahead over lower-case ASCII, where most words start.
RE_CAPITAL_WORD = re.compile(
    r"""
    [A-Z\x80-\U0010ffff]   # an ASCII capital or a non-ASCII character ...
    (?<=[^\W\d_])          # ... that is a letter
    (?<!\w.)               # and starts a word (the same as RE_NAME_WORD's (?<!\w) before it)
    [^\W\d_]{1,40}         # then at least one more letter, bounded
    (?!\w)                 # ends the word
    """,
    re.VERBOSE,
)


# The word right before a name, separated by a space or ". " ("Mr. Pushlin"), as
# RE_NAME_WORD would have found it; searched only within a short reach before the name.
RE_WORD_BEFORE = re.compile(
    r"""
    (?<!\w)([^\W\d_]{2,41})   # a whole word of letters
    \.?\x20$                   # then a space, maybe after a full stop, up to the name
    """,
    re.VERBOSE,
)
_WORD_BEFORE_REACH = 44

_NEAR_MEMO_MAX = 65536  # names a near-miss memo holds before it starts afresh
_FIND_MEMO_TEXT = 2000  # find() remembers texts up to this length (sentences, titles) ...
_FIND_MEMO_MAX = 4096  # ... and this many of them (at most some 8 MB)

M = TypeVar("M", bound=dict[Any, Any])


def _room(memo: M, limit: int = _NEAR_MEMO_MAX) -> M:
    """``memo``, emptied first when full: memory stays bounded whatever the input."""
    if len(memo) >= limit:
        memo.clear()
    return memo


class Gazetteer:
    """Alias lookup and search over a fixed set of names (build once, use many times).

    >>> g = Gazetteer([NameEntry("Putin", "Vladimir Putin", "person")])
    >>> g.canonical("putin"), g.type_of("Vladimir Putin")
    ('Vladimir Putin', 'person')
    """

    __slots__ = (
        "_alternatives",
        "_automata",
        "_by_cased_key",
        "_by_key",
        "_countries",
        "_entries",
        "_found",
        "_known_keys",
        "_known_surnames",
        "_last",
        "_near_memo",
        "_persons",
        "_persons_by_types",
        "_searched",
        "_types",
    )

    def __init__(self, entries: Iterable[NameEntry]) -> None:
        self._entries: tuple[NameEntry, ...] = tuple(entries)
        self._types: dict[str, str] = {}
        self._by_key: dict[str, NameEntry] = {}
        self._by_cased_key: dict[str, NameEntry] = {}
        # Later entries of an alias that belong to a country: what find(countries=...) and
        # canonical(countries=...) choose from when the first entry is another country's.
        self._alternatives: dict[str, list[NameEntry]] = {}
        # (search key, entry, lookup key, case-sensitive) of every alias searched in texts
        self._searched: list[tuple[str, NameEntry, str, bool]] = []
        persons: list[_PersonName] = []
        surnames: set[str] = set()
        keys: dict[str, str] = {}  # alias -> fold_key(alias): names repeat across tables
        for e in self._entries:
            self._types.setdefault(e.canonical, e.type)
            key = keys.get(e.alias)
            if key is None:
                key = keys[e.alias] = fold_key(e.alias)
            if self._types[e.canonical] == "person":
                words = key.split(" ")
                surnames.add(words[-1])
                if len(words) >= 2:
                    persons.append(_PersonName(e.canonical, "person", words[0], words[-1]))
            if key in self._by_key:
                # the first entry for an alias wins (tables are merged before this)
                if e.country:
                    self._alternatives.setdefault(key, []).append(e)
                continue
            self._by_key[key] = e
            if e.match == "lookup":
                continue
            if is_case_sensitive(e.alias, e.match):
                cased_key = fold_key(e.alias, keep_case=True)
                self._by_cased_key[cased_key] = e
                self._searched.append((cased_key, e, key, True))
            else:
                self._searched.append((_caseless(key), e, key, False))
        self._known_keys = frozenset(self._by_key)
        self._persons = tuple(persons)
        self._known_surnames = frozenset(surnames)
        self._persons_by_types: dict[tuple[str, ...], tuple[tuple[_PersonName, ...], list[str]]] = {}
        # near_misses() results per distinct name, shared by every text searched
        self._near_memo: dict[tuple[str, ...], dict[Any, _PersonName | None]] = {}
        # find() of short texts, per text and country filter
        self._found: dict[tuple[str, frozenset[str] | None], tuple[NameHit, ...]] = {}
        self._last: _Searched | None = None
        self._automata: tuple[Any, Any] | None = None  # built on the first search
        self._countries: dict[str, frozenset[str]] | None = None  # canonical -> countries, on first use

    # --- lookups ---------------------------------------------------------------------------

    @property
    def entries(self) -> tuple[NameEntry, ...]:
        return self._entries

    def __len__(self) -> int:
        return len(self._by_key)

    def names(self) -> list[str]:
        """Every canonical name, sorted."""
        return sorted(self._types)

    def aliases_of(self, canonical: str) -> list[str]:
        """The aliases of a canonical name, in table order.

        >>> Gazetteer([NameEntry("UK", "United Kingdom", "place")]).aliases_of("United Kingdom")
        ['UK']
        """
        return [e.alias for e in self._entries if e.canonical == canonical]

    def canonical(self, name: str, countries: Collection[str] | None = None) -> str | None:
        """The canonical name an alias stands for, or None.

        An acronym matches as written first; any other case is accepted as a fallback,
        because callers pass names from tables, not running text. With ``countries``, only
        names of those countries (and of no country) count: see :meth:`find`.

        >>> Gazetteer([NameEntry("DPR", "Donetsk People's Republic", "place")]).canonical("DPR")
        "Donetsk People's Republic"
        >>> g = Gazetteer([NameEntry("Labour", "Labour Party", "party", country="United Kingdom"),
        ...                NameEntry("Labour", "Irish Labour Party", "party", country="Ireland")])
        >>> g.canonical("Labour"), g.canonical("Labour", {"Ireland"}), g.canonical("Labour", ["Malta"])
        ('Labour Party', 'Irish Labour Party', None)
        """
        entry = self._by_cased_key.get(fold_key(name, keep_case=True))
        if entry is None:
            entry = self._by_key.get(fold_key(name))
        if entry is not None and countries is not None:
            entry = self._of_countries(entry, fold_key(name), frozenset(countries))
        return entry.canonical if entry is not None else None

    def _of_countries(self, entry: NameEntry, key: str, countries: frozenset[str]) -> NameEntry | None:
        """``entry``, or the first later entry of its alias, that belongs to ``countries`` or
        to no country; None when every entry of the alias is another country's."""
        if not entry.country or entry.country in countries:
            return entry
        for other in self._alternatives.get(key, ()):
            if other.country in countries:
                return other
        return None

    def countries_of(self, canonical: str) -> frozenset[str]:
        """The countries whose names stand for ``canonical`` (empty: a name of no country).

        >>> g = Gazetteer([NameEntry("Greens", "Greens", "party", country="Denmark"),
        ...                NameEntry("Les Verts", "Greens", "party", country="France")])
        >>> sorted(g.countries_of("Greens"))
        ['Denmark', 'France']
        """
        if self._countries is None:
            found: dict[str, set[str]] = {}
            for e in self._entries:
                if e.country:
                    found.setdefault(e.canonical, set()).add(e.country)
            self._countries = {name: frozenset(c) for name, c in found.items()}
        return self._countries.get(canonical, frozenset())

    def alias_countries(self, alias: str) -> frozenset[str]:
        """The countries of every entry of ``alias`` (empty when one of them has none: a name
        of no country, or unknown).

        >>> g = Gazetteer([NameEntry("SPD", "SPD (DE)", "party", country="Germany"),
        ...                NameEntry("SPD", "SPD (CZ)", "party", country="Czech Republic")])
        >>> sorted(g.alias_countries("spd"))
        ['Czech Republic', 'Germany']
        """
        key = fold_key(alias)
        first = self._by_key.get(key)
        if first is None or not first.country:
            return frozenset()
        return frozenset({first.country, *(e.country for e in self._alternatives.get(key, ()))})

    def type_of(self, canonical: str) -> str | None:
        """The type of a canonical name (place, person, party, option, election, organisation)."""
        return self._types.get(canonical)

    # --- search ----------------------------------------------------------------------------

    def find(self, text: str, countries: Collection[str] | None = None) -> list[NameHit]:
        """Every alias occurrence in ``text``, sorted by position; overlaps resolved.

        With ``countries``, an alias that belongs to another country is read as the same
        alias of one of ``countries`` when there is one, and is not found when there is not
        ("Labour" in an article about Ireland is the Irish party, never the British one).

        >>> g = Gazetteer([NameEntry("Donetsk", "Donetsk People's Republic", "place"),
        ...                NameEntry("Donetsk People's Republic", "Donetsk People's Republic", "place")])
        >>> [(h.start, h.end) for h in g.find("the Donetsk People’s Republic (DPR)")]
        [(4, 29)]
        """
        if not text:
            return []
        wanted = None if countries is None else frozenset(countries)
        if len(text) > _FIND_MEMO_TEXT:
            return self._find(text, wanted, keep=wanted is None)
        # The checks ask about the same sentence or title once per figure in it.
        found = self._found.get((text, wanted))
        if found is None:
            part = self._find_in_last(text) if wanted is None else None
            found = tuple(part if part is not None else self._find(text, wanted))
            _room(self._found, _FIND_MEMO_MAX)[(text, wanted)] = found
        return list(found)

    def _search_automata(self) -> tuple[Any, Any]:
        """(caseless, case-sensitive) automata of every searched alias, built on first use."""
        if self._automata is None:
            self._automata = (
                _automaton((k, e, key) for k, e, key, cased in self._searched if not cased),
                _automaton((k, e, key) for k, e, key, cased in self._searched if cased),
            )
        return self._automata

    def _find(self, text: str, countries: frozenset[str] | None = None, keep: bool = False) -> list[NameHit]:
        """find() itself; ``keep`` remembers the search for parts of the text (_find_in_last)."""
        folded, where = _fold_with_map(text)
        squeezed, back = _squeeze(folded)
        caseless, cased = self._search_automata()
        found: list[tuple[int, int, NameEntry]] = []
        spans: list[tuple[int, int]] = []  # every whole-word match, also those of another country
        for auto, searched in ((caseless, _caseless(squeezed)), (cased, squeezed)):
            if auto is None:
                continue
            for start, end, entry, key in _whole_words(auto, searched):
                if back is not None:  # offsets in the folded text
                    start, end = back[start], back[end - 1] + 1
                spans.append((start, end))
                if countries is not None:
                    chosen = self._of_countries(entry, key, countries)
                    if chosen is None:
                        continue
                    entry = chosen
                found.append((start, end, entry))
        # Leftmost first, then longest; drop anything overlapping a kept hit.
        found.sort(key=lambda t: (t[0], t[0] - t[1]))
        hits: list[NameHit] = []
        last_end = -1
        for start, end, entry in found:
            if start < last_end:
                continue
            last_end = end
            a, b = where[start], where[end]
            hits.append(NameHit(a, b, text[a:b], entry.canonical, entry.type))
        if keep and isinstance(where, range):
            spans.sort()
            self._last = _Searched(text, folded, spans, max((e - s for s, e in spans), default=0), hits)
        return hits

    def _find_in_last(self, text: str) -> list[NameHit] | None:
        """find(text) read off the last long search, when ``text`` is a part of that text
        whose hits cannot differ; None when it is not (then it is searched).

        The checks ask about sentences of the article that binding searched. The hits of a
        part are those of the whole inside it when the part folds the same, no word
        character touches it (whole-word tests then see the same at its edges), and no
        match of the search runs across its edges.
        """
        last = self._last
        if last is None:
            return None
        s = last.text.find(text)
        if s < 0:
            return None
        e = s + len(text)
        folded, where = _fold_with_map(text)
        if not isinstance(where, range) or folded != last.folded[s:e]:
            return None
        if (s > 0 and _RE_WORD_CHAR.match(last.folded, s - 1)) or _RE_WORD_CHAR.match(last.folded, e):
            return None
        starts = [span[0] for span in last.spans]
        for edge in (s, e):
            i = bisect.bisect_left(starts, edge)
            while i > 0 and starts[i - 1] >= edge - last.longest:
                i -= 1
                if last.spans[i][1] > edge:
                    return None  # a match from before the edge runs across it
        return [
            NameHit(h.start - s, h.end - s, h.text, h.canonical, h.type)
            for h in last.hits
            if s <= h.start and h.end <= e
        ]

    def near_misses(self, text: str, types: Sequence[str] = ("person",)) -> list[NameHit]:
        """Capitalised names close to, but not equal to, a reference name: likely misspellings.

        Two-word names ("Denis Pushlin") need a full-name similarity of at least 85 with a
        reference name, a matching first name, and a surname 1-3 edits away that is no known
        surname. A lone capitalised word is checked more strictly (at least 6 letters, 1-2
        edits, not at a sentence start, never written in lower case in the same text).
        Inflected forms ("Navalnaya", "Putina") are not misspellings.

        >>> g = Gazetteer([NameEntry("Denis Pushilin", "Denis Pushilin", "person")])
        >>> [(h.text, h.canonical) for h in g.near_misses("TASS said Denis Pushlin would go.")]
        [('Denis Pushlin', 'Denis Pushilin')]
        """
        persons, surnames = self._persons_of(tuple(types))
        if not text or not persons:
            return []
        folded, where = _fold_with_map(text)
        # Only capitalised words can be names: most words of a text are not, and are never
        # looked at one by one.
        words = [w for w in RE_CAPITAL_WORD.finditer(folded) if _capitalised(w.group())]
        lower_words: set[str] | None = None
        hits: list[NameHit] = []
        used: set[int] = set()
        # Names repeat within an article and across articles: compare each distinct name once.
        pair_memo = self._near_memo.setdefault(("pair", *types), {})
        word_memo = self._near_memo.setdefault(("word", *types), {})
        for i in range(len(words) - 1):
            a, b = words[i], words[i + 1]
            if folded[a.end() : b.start()] != " ":  # one space: nothing else between them
                continue
            first, last = a.group().lower(), b.group().lower()
            if f"{first} {last}" in self._known_keys or last in self._known_surnames:
                continue
            if (first, last) not in pair_memo:
                _room(pair_memo)[(first, last)] = self._closest_full(first, last, persons, surnames)
            best = pair_memo[(first, last)]
            if best is not None:
                used.update((i, i + 1))
                s, e = where[a.start()], where[b.end()]
                hits.append(NameHit(s, e, text[s:e], best.canonical, best.type))
        for i, w in enumerate(words):
            if i in used:
                continue
            word = w.group().lower()
            if len(word) < _MIN_SINGLE_LENGTH or word in self._known_keys or word in self._known_surnames:
                continue
            # Few words are close to a surname: ask that (remembered) before the context.
            if word not in word_memo:
                _room(word_memo)[word] = self._closest_surname(word, persons, surnames)
            best = word_memo[word]
            if best is None:
                continue
            titled = False
            before = RE_WORD_BEFORE.search(folded, max(0, w.start() - _WORD_BEFORE_REACH), w.start())
            if before is not None:
                titled = before.group(1).lower() in _TITLES
                if _capitalised(before.group(1)) and not titled:
                    continue  # part of a two-word name that is not a reference name
            if not titled and _starts_sentence(text, where[w.start()]):
                continue
            if lower_words is None:  # needed only for a likely misspelling, which is rare
                lower_words = {g for g in RE_NAME_WORD.findall(folded) if g.islower()}
            if word not in lower_words:
                s, e = where[w.start()], where[w.end()]
                hits.append(NameHit(s, e, text[s:e], best.canonical, best.type))
        hits.sort(key=lambda h: (h.start, h.end))
        return hits

    def _persons_of(self, types: tuple[str, ...]) -> tuple[tuple[_PersonName, ...], list[str]]:
        """The two-word person names of ``types`` and their sorted surnames (computed once)."""
        found = self._persons_by_types.get(types)
        if found is None:
            persons = tuple(p for p in self._persons if self._types.get(p.canonical) in types)
            found = (persons, sorted({p.last for p in persons}))
            self._persons_by_types[types] = found
        return found

    @staticmethod
    def _near_surnames(
        word: str, persons: Sequence[_PersonName], surnames: Sequence[str], max_edits: int
    ) -> list[_PersonName]:
        """Persons whose surname is within ``max_edits`` of ``word`` (one C-level pass)."""
        close = {
            name
            for name, _dist, _i in process.extract(
                word, surnames, scorer=Levenshtein.distance, score_cutoff=max_edits, limit=None
            )
        }
        return [p for p in persons if p.last in close]

    @classmethod
    def _closest_full(
        cls, first: str, last: str, persons: Sequence[_PersonName], surnames: Sequence[str]
    ) -> _PersonName | None:
        best: tuple[float, _PersonName] | None = None
        candidate = f"{first} {last}"
        for p in cls._near_surnames(last, persons, surnames, _MAX_SURNAME_EDITS):
            edits = Levenshtein.distance(last, p.last)
            if not 1 <= edits <= min(_MAX_SURNAME_EDITS, len(p.last) // 2) or _is_inflection(last, p.last):
                continue
            if first != p.first and fuzz.ratio(first, p.first) < _NEAR_FIRST_RATIO:
                continue
            score = fuzz.ratio(candidate, f"{p.first} {p.last}")
            if score >= _NEAR_RATIO and (best is None or score > best[0]):
                best = (score, p)
        return best[1] if best else None

    @classmethod
    def _closest_surname(
        cls, word: str, persons: Sequence[_PersonName], surnames: Sequence[str]
    ) -> _PersonName | None:
        best: tuple[float, _PersonName] | None = None
        for p in cls._near_surnames(word, persons, surnames, _MAX_SINGLE_EDITS):
            if word[0] != p.last[0]:
                continue
            if _is_inflection(word, p.last):
                continue
            edits = Levenshtein.distance(word, p.last)
            if not 1 <= edits <= _MAX_SINGLE_EDITS:
                continue
            score = fuzz.ratio(word, p.last)
            if score >= _NEAR_RATIO and (best is None or score > best[0]):
                best = (score, p)
        return best[1] if best else None
