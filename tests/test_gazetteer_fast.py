"""The gazetteer's fast paths find exactly what the plain ones find."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.gazetteer import (
    RE_CAPITAL_WORD,
    RE_NAME_WORD,
    Gazetteer,
    NameEntry,
    _fold_char,
    _fold_with_map,
    fold_key,
    is_case_sensitive,
)
from checker.reference import load_reference
from checker.trie import trie


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_reference([]).gazetteer


def _spans(pattern: object, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]  # type: ignore[attr-defined]


ALIASES = [
    "DPR",
    "LNR",
    "CEC",
    "US",
    "UK",
    "U.S.",
    "Leave",
    "Remain",
    "ДНР",
    "Donetsk",
    "Kryvyi Rih",
    "donetsk",
    "Ελληνική Λύση",
    "Labour",
    "Labour Party",
    "L",
    "B90/Grüne",
]
ALIAS_TEXT = st.lists(
    st.sampled_from(
        [
            *ALIASES,
            "x",
            "1",
            "_",
            "-",
            " ",
            "  ",
            "   ",
            "    ",
            ", ",
            ".",
            "'s",
            "é",
            "XDPR",
            "DPRs",
            "Rih",
            "ΛΎΣΗ",
            "λύση",
            "ΕΛΛΗΝΙΚΉ",
            "LABOUR",
            "Party",
            " - ",
            "--",
            "ſ",
        ]
    ),
    max_size=14,
).map("".join)


def _regex_find(entries: list[NameEntry], text: str) -> list[tuple[int, int, str]]:
    """The search the automaton replaced: a regex trie per case rule, whole words, the
    longest alias where aliases overlap, a separator matching one to three spaces or hyphens."""
    by_key: dict[str, NameEntry] = {}
    cased: dict[str, NameEntry] = {}
    for e in entries:
        key = fold_key(e.alias)
        if key in by_key:
            continue
        by_key[key] = e
        if is_case_sensitive(e.alias, e.match):
            cased[fold_key(e.alias, keep_case=True)] = e
    caseless = [k for k, e in by_key.items() if not is_case_sensitive(e.alias, e.match)]
    folded, where = _fold_with_map(text)
    found = []
    for keys, flags, table in ((caseless, re.IGNORECASE, by_key), (list(cased), 0, cased)):
        if not keys:
            continue
        pattern = re.compile(r"(?<!\w)" + trie(keys, space=r"[ \-]{1,3}") + r"(?!\w)", flags)
        for m in pattern.finditer(folded):
            matched = re.sub(r"[ \-]+", " ", m.group())
            entry = table.get(matched if flags == 0 else matched.lower())
            if entry is None:  # IGNORECASE matched another form ("ς" for "σ")
                entry = table.get(fold_key(matched))
            if entry is not None:
                found.append((m.start(), m.end(), entry.canonical))
    found.sort(key=lambda t: (t[0], t[0] - t[1]))
    out, last_end = [], -1
    for start, end, canonical in found:
        if start >= last_end:
            last_end = end
            out.append((where[start], where[end], canonical))
    return out


ENTRIES = [NameEntry(a, a.upper(), "place") for a in ALIASES]


@settings(max_examples=400, deadline=None)
@given(text=st.one_of(ALIAS_TEXT, st.text(alphabet=st.characters(max_codepoint=127), max_size=80)))
def test_the_automaton_finds_what_the_regex_trie_finds(text: str) -> None:
    got = [(h.start, h.end, h.canonical) for h in Gazetteer(ENTRIES)._find(text)]
    assert got == _regex_find(ENTRIES, text)


@settings(max_examples=200, deadline=None)
@given(text=ALIAS_TEXT)
def test_the_bundled_gazetteer_finds_what_the_regex_trie_finds(gaz: Gazetteer, text: str) -> None:
    got = [(h.start, h.end, h.canonical) for h in gaz._find(text)]
    assert got == _regex_find(list(gaz.entries), text)


def test_a_country_filter_keeps_the_alias_of_the_article_country() -> None:
    g = Gazetteer(
        [
            NameEntry("Labour", "Labour Party", "party", country="United Kingdom"),
            NameEntry("Labour", "Irish Labour Party", "party", country="Ireland"),
            NameEntry("Sinn Fein", "Sinn Fein", "party", country="Ireland"),
            NameEntry("Dublin", "Dublin", "place"),
        ]
    )
    text = "In Dublin, Labour and Sinn Féin gained."
    assert [h.canonical for h in g.find(text)] == ["Dublin", "Labour Party", "Sinn Fein"]
    assert [h.canonical for h in g.find(text, countries={"Ireland"})] == [
        "Dublin",
        "Irish Labour Party",
        "Sinn Fein",
    ]
    assert [h.canonical for h in g.find(text, countries=["Germany"])] == ["Dublin"]
    assert g.countries_of("Sinn Fein") == {"Ireland"} and g.countries_of("Dublin") == frozenset()


def _fold_with_map_by_character(text: str) -> tuple[str, list[int]]:
    chars, where = [], []
    for i, c in enumerate(text):
        if f := _fold_char(c):
            chars.append(f)
            where.append(i)
    return "".join(chars), [*where, len(text)]


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=60))
def test_fold_with_map_is_the_character_by_character_fold(text: str) -> None:
    folded, where = _fold_with_map(text)
    expected = _fold_with_map_by_character(text)
    if text.isascii():  # ASCII keeps control separators (\x1c-\x1f) as they are
        return
    assert (folded, list(where)) == expected


def test_fold_with_map_drops_combining_marks() -> None:
    text = unicodedata.normalize("NFD", "Nicolás Maduro")
    folded, where = _fold_with_map(text)
    assert folded == "Nicolas Maduro"
    assert [text[where[i]] for i in range(len(folded))] == list(folded)


LONG_PARTS = st.lists(
    st.sampled_from(
        [
            *ALIASES,
            "Donetsk People's Republic",
            "People's",
            "Republic",
            "Putin",
            "Vladimir Putin",
            "x",
            "1",
            "_",
            "-",
            " ",
            "  ",
            ", ",
            ". ",
            "\n",
            "'s",
            "é",
            "\u0301",
            "XDPR",
            "DPRs",
            "Kherson",
            "region",
            "\x1c",
            "`",
        ]
    ),
    min_size=1,
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(parts=LONG_PARTS, cuts=st.lists(st.tuples(st.integers(0, 400), st.integers(0, 120)), max_size=6))
def test_parts_of_the_last_long_text_find_the_same(
    gaz: Gazetteer, parts: str, cuts: list[tuple[int, int]]
) -> None:
    long_text = (parts + " ") * (2100 // (len(parts) + 1) + 1)  # long enough to be kept
    gaz.find(long_text)
    for start, length in cuts:
        part = long_text[start : start + length]
        read_off = gaz._find_in_last(part)
        if read_off is not None:
            assert read_off == gaz._find(part), (start, length)


def test_a_sentence_of_the_last_long_text_is_read_off_its_search(gaz: Gazetteer) -> None:
    sentence = "Turnout in the Donetsk People's Republic was 97.5%, Putin said."
    long_text = " ".join([sentence] * 40)
    gaz.find(long_text)
    assert gaz._find_in_last(sentence) == gaz._find(sentence)
    assert [h.text for h in gaz._find_in_last(sentence) or []] == ["Donetsk People's Republic", "Putin"]
    assert gaz._find_in_last("etsk People's Republic was") is None  # cut inside a word


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(ALIAS_TEXT, LONG_PARTS, st.text(max_size=80)))
def test_capital_words_are_the_name_words_that_may_be_capitalised(text: str) -> None:
    expected = [
        m.span()
        for m in RE_NAME_WORD.finditer(text)
        if "A" <= m.group()[0] <= "Z" or not m.group()[0].isascii()
    ]
    assert _spans(RE_CAPITAL_WORD, text) == expected
