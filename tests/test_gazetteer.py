"""Gazetteer: names found in our own sentences and in the shared articles; near misses."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.gazetteer import Gazetteer, NameEntry, NameHit, fold, fold_key, is_case_sensitive
from checker.reference import load_reference

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO / ".." / "shared"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_reference([]).gazetteer


def _found(g: Gazetteer, text: str) -> list[tuple[str, str]]:
    return [(h.text, h.canonical) for h in g.find(text)]


# --- our own sentences ------------------------------------------------------------------------------

# (id, text, expected [(surface text, canonical)] in order)
FIND_CASES = [
    (
        "possessive_curly",
        "Russia’s parliament met while Putin’s aides travelled.",
        [("Russia", "Russia"), ("Putin", "Vladimir Putin")],
    ),
    (
        "longest_wins",
        "Officials of the Donetsk People's Republic said Donetsk had voted.",
        [
            ("Donetsk People's Republic", "Donetsk People's Republic"),
            ("Donetsk", "Donetsk People's Republic"),
        ],
    ),
    (
        "acronym_case_sensitive",
        "The DPR and the LNR told us that the US and the UK objected.",
        [
            ("DPR", "Donetsk People's Republic"),
            ("LNR", "Luhansk People's Republic"),
            ("US", "United States"),
            ("UK", "United Kingdom"),
        ],
    ),
    ("lowercase_acronym_is_a_word", "Tell us about the dpr of it.", []),
    (
        "caseless_long_names",
        "THE KHERSON REGION and zaporizhzhia",
        [("KHERSON REGION", "Kherson"), ("zaporizhzhia", "Zaporizhzhia")],
    ),
    (
        "diacritics_either_way",
        "Nicolas Maduro met Edmundo Gonzalez; later Nicolás Maduro spoke.",
        [
            ("Nicolas Maduro", "Nicolás Maduro"),
            ("Edmundo Gonzalez", "Edmundo González"),
            ("Nicolás Maduro", "Nicolás Maduro"),
        ],
    ),
    (
        "hyphen_for_space",
        "Voters in Kryvyi-Rih and Zaporizhzhia-region",
        [("Kryvyi-Rih", "Kryvyi Rih"), ("Zaporizhzhia-region", "Zaporizhzhia")],
    ),
    (
        "line_break_inside_a_name",
        "the self-styled Luhansk\nPeople's Republic (LPR)",
        [("Luhansk\nPeople's Republic", "Luhansk People's Republic"), ("LPR", "Luhansk People's Republic")],
    ),
    ("whole_words_only", "Prussia and Russian-style rule in Kyivan times", []),
    ("leave_as_a_verb_is_not_an_option", "Many will leave; Leave won anyway.", [("Leave", "Leave")]),
    ("yes_no_are_lookup_only", "Yes, said one. No, said another.", []),
    (
        "cyrillic",
        "ДНР и Херсонская область; Владимир Путин",
        [
            ("ДНР", "Donetsk People's Republic"),
            ("Херсонская область", "Kherson"),
            ("Владимир Путин", "Vladimir Putin"),
        ],
    ),
    (
        "german",
        "In Donezk, Cherson und Saporischschja",
        [("Donezk", "Donetsk People's Republic"), ("Cherson", "Kherson"), ("Saporischschja", "Zaporizhzhia")],
    ),
    (
        "election_names",
        "The Brexit referendum and the annexation referendums",
        [
            ("Brexit referendum", "uk_eu_ref_2016"),
            ("annexation referendums", "ua_occupied_annexation_ref_2022"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in FIND_CASES], ids=[c[0] for c in FIND_CASES])
def test_find(gaz: Gazetteer, text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(gaz, text) == expected


def test_spans_index_the_original_text_after_combining_marks(gaz: Gazetteer) -> None:
    # A decomposed accent (e + U+0301) is two characters: later spans must still fit.
    text = "Cafe\u0301 owners in Sevastopol and Nicola\u0301s Maduro"
    hits = gaz.find(text)
    assert [(text[h.start : h.end], h.canonical) for h in hits] == [
        ("Sevastopol", "Sevastopol"),
        ("Nicola\u0301s Maduro", "Nicolás Maduro"),
    ]


def test_hit_types(gaz: Gazetteer) -> None:
    hits = gaz.find("Georgian Dream beat the CEC estimate; Lukashenko was in Minsk.")
    assert [(h.canonical, h.type) for h in hits] == [
        ("Georgian Dream", "party"),
        ("Central Election Commission", "organisation"),
        ("Alexander Lukashenko", "person"),
        ("Minsk", "place"),
    ]


@pytest.mark.parametrize(
    ("name", "canonical", "kind"),
    [
        ("Donetsk Oblast", "Donetsk People's Republic", "place"),
        ("Lugansk", "Luhansk People's Republic", "place"),
        ("Cherson", "Kherson", "place"),
        ("zaporizhzhya", "Zaporizhzhia", "place"),
        ("Britain", "United Kingdom", "place"),
        ("Russian Federation", "Russia", "place"),
        ("Lukashenka", "Alexander Lukashenko", "person"),
        ("Yes", "Yes", "option"),
        ("Remain", "Remain", "option"),
        ("Georgian Dream – Democratic Georgia", "Georgian Dream", "party"),
        ("referendums on joining Russia", "ua_occupied_annexation_ref_2022", "election"),
        ("ru_pres_2024", "ru_pres_2024", "election"),
    ],
)
def test_canonical_and_type(gaz: Gazetteer, name: str, canonical: str, kind: str) -> None:
    assert gaz.canonical(name) == canonical
    assert gaz.type_of(canonical) == kind


@pytest.mark.parametrize("misspelling", ["Denis Pushlin", "Leonid Pasnik", "Pushlin", "Pasnik"])
def test_seed_misspellings_are_not_aliases(gaz: Gazetteer, misspelling: str) -> None:
    assert gaz.canonical(misspelling) is None


def test_fold_helpers() -> None:
    assert fold("Zelenskyy’s – “plan”") == "Zelenskyy's - “plan”"
    assert fold_key("Georgian Dream – Democratic Georgia") == "georgian dream democratic georgia"
    assert [is_case_sensitive(a) for a in ("US", "ДНР", "VTsIOM", "Krym", "Kyiv")] == [
        True,
        True,
        False,
        False,
        False,
    ]


# --- near misses -----------------------------------------------------------------------------------

# (id, text, expected [(surface text, canonical)])
NEAR_CASES = [
    (
        "two_word_misspelling",
        "Officials said Denis Pushlin left for Moscow.",
        [("Denis Pushlin", "Denis Pushilin")],
    ),
    (
        "titled_surname",
        "Speaking later, Mr. Pasechnyk and Mr. Pushlin agreed.",
        [("Pasechnyk", "Leonid Pasechnik"), ("Pushlin", "Denis Pushilin")],
    ),
    ("correct_names", "Denis Pushilin, Leonid Pasechnik and Volodymyr Saldo signed; Pushilin smiled.", []),
    ("aliases_are_correct", "Denys Pushylin met Yevhen Balytskyi and Svetlana Tikhanovskaya.", []),
    ("other_real_people", "Dmitry Peskov and Michael Carpenter commented; Yulia Navalnaya spoke.", []),
    ("inflected_forms", "Critics of Ms. Navalnaya and Putina were quiet.", []),
    ("sentence_start_words", "Pushing ahead, officials met. Saldos were counted.", []),
    (
        "first_name_must_fit",
        "Crowds cheered Vladimir Sardo and Gennady Pasechnek.",
        [("Vladimir Sardo", "Volodymyr Saldo")],
    ),
    ("diacritics_and_curly_apostrophe", "Denis Pushlín’s aides", [("Denis Pushlín", "Denis Pushilin")]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in NEAR_CASES], ids=[c[0] for c in NEAR_CASES])
def test_near_misses(gaz: Gazetteer, text: str, expected: list[tuple[str, str]]) -> None:
    hits = gaz.near_misses(text)
    assert [(h.text, h.canonical) for h in hits] == expected
    assert all(h.type == "person" and text[h.start : h.end] == h.text for h in hits)


def test_near_misses_only_of_the_requested_types(gaz: Gazetteer) -> None:
    assert gaz.near_misses("Officials said Denis Pushlin left.", types=("party",)) == []


# --- the shared articles ---------------------------------------------------------------------------


def _articles() -> list[tuple[str, str]]:
    """(id, text) of every seed and corpus article, decoded as the loader would."""
    seeds, corpus = SHARED / "seeds", SHARED / "corpus" / "articles"
    assert seeds.is_dir() and corpus.is_dir(), f"{SHARED} must hold seeds/ and corpus/articles/"
    out: list[tuple[str, str]] = []
    for path in sorted(seeds.glob("*.txt")) + sorted(corpus.glob("c*")):
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("cp1252")  # the corpus has one Windows-1252 file on purpose
        if path.suffix == ".jsonl":
            out += [(json.loads(line)["id"], json.loads(line)["text"]) for line in text.splitlines() if line]
        else:
            out.append((path.name, text))
    return out


ARTICLES = dict(_articles())

# (article, surface text as written, canonical)
SHARED_NAMES = [
    ("000_e6877975c975465a.txt", "Vladimir Putin", "Vladimir Putin"),
    ("000_e6877975c975465a.txt", "Russia", "Russia"),  # "Russia’s annexation plans"
    ("000_e6877975c975465a.txt", "Zaporizhzhya", "Zaporizhzhia"),
    ("000_e6877975c975465a.txt", "Kherson region", "Kherson"),
    ("000_e6877975c975465a.txt", "Donetsk", "Donetsk People's Republic"),
    ("000_e6877975c975465a.txt", "Luhansk People’s Republic", "Luhansk People's Republic"),
    ("000_e6877975c975465a.txt", "Volodymyr Saldo", "Volodymyr Saldo"),
    ("001_06b3186a27bd3392.txt", "Zaporizhia Region", "Zaporizhzhia"),
    ("001_06b3186a27bd3392.txt", "Kherson Region", "Kherson"),
    ("001_06b3186a27bd3392.txt", "Lugansk People’s Republic", "Luhansk People's Republic"),
    ("001_06b3186a27bd3392.txt", "LPR", "Luhansk People's Republic"),
    ("001_06b3186a27bd3392.txt", "DPR", "Donetsk People's Republic"),
    ("001_06b3186a27bd3392.txt", "Donetsk People’s Republic", "Donetsk People's Republic"),
    ("002_c49e5c77c86ab3c6.txt", "Alexei Navalny", "Alexei Navalny"),
    ("002_c49e5c77c86ab3c6.txt", "Alexander Lukashenko", "Alexander Lukashenko"),
    ("c01_russia_2024_final.txt", "Nikolai Kharitonov", "Nikolay Kharitonov"),
    ("c01_russia_2024_final.txt", "Leonid Slutsky", "Leonid Slutsky"),
    ("c02_referendum_figures_wrong.txt", "Donetsk region", "Donetsk People's Republic"),
    ("c02_referendum_figures_wrong.txt", "Luhansk", "Luhansk People's Republic"),
    ("c04_brexit_result.txt", "Britain", "United Kingdom"),
    ("c04_brexit_result.txt", "Leave", "Leave"),
    ("c05_belarus_2020_sum.txt", "Sviatlana Tsikhanouskaya", "Sviatlana Tsikhanouskaya"),
    ("c08_belarus_2025_arithmetic.txt", "Sergei Syrankov", "Sergei Syrankov"),
    ("c09_us_2020_popular_vote.txt", "Joe Biden", "Joe Biden"),
    ("c11_venezuela_disputed.txt", "Nicolás Maduro", "Nicolás Maduro"),
    ("c11_venezuela_disputed.txt", "González", "Edmundo González"),
    ("c12_georgia_2024.html", "Georgian Dream", "Georgian Dream"),
    ("c13a", "Sevastopol", "Sevastopol"),
    ("c13b", "Crimeans", "Crimea"),
    ("c14_kherson_cp1252.txt", "Kherson", "Kherson"),
    ("c15_russia_2024_ru.txt", "Владимир Путин", "Vladimir Putin"),
    ("c16_referendum_de.txt", "Donezk", "Donetsk People's Republic"),
    ("c16_referendum_de.txt", "Cherson", "Kherson"),
    ("c16_referendum_de.txt", "Saporischschja", "Zaporizhzhia"),
]


@pytest.mark.parametrize(("article", "surface", "canonical"), SHARED_NAMES, ids=lambda v: str(v)[:28])
def test_finds_names_in_shared_articles(gaz: Gazetteer, article: str, surface: str, canonical: str) -> None:
    assert article in ARTICLES, f"{article} not found under {SHARED}"
    assert (surface, canonical) in _found(gaz, ARTICLES[article])


@pytest.mark.parametrize("article", sorted(ARTICLES), ids=str)
def test_near_misses_in_shared_articles(gaz: Gazetteer, article: str) -> None:
    expected = (
        [("Denis Pushlin", "Denis Pushilin"), ("Leonid Pasnik", "Leonid Pasechnik")]
        if article.startswith("000_")
        else []
    )
    assert [(h.text, h.canonical) for h in gaz.near_misses(ARTICLES[article])] == expected


# --- any text ---------------------------------------------------------------------------------------

SMALL = Gazetteer(
    [
        NameEntry("DPR", "Donetsk People's Republic", "place"),
        NameEntry("Donetsk", "Donetsk People's Republic", "place"),
        NameEntry("Donetsk People's Republic", "Donetsk People's Republic", "place"),
        NameEntry("Denis Pushilin", "Denis Pushilin", "person"),
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("DonetskPR Pushilnié’'-\n\u0301ДНР.")), max_size=200))
def test_find_never_raises_and_spans_fit(text: str) -> None:
    hits = SMALL.find(text) + SMALL.near_misses(text)
    for h in hits:
        assert isinstance(h, NameHit)
        assert 0 <= h.start < h.end <= len(text) and text[h.start : h.end] == h.text
    found = SMALL.find(text)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_possessives_in_seed_000(gaz: Gazetteer) -> None:
    text = ARTICLES["000_e6877975c975465a.txt"]
    possessive = [h for h in gaz.find(text) if text[h.end : h.end + 2] == "’s"]
    assert {(h.text, h.canonical) for h in possessive} == {("Russia", "Russia"), ("Ukraine", "Ukraine")}
    assert len(possessive) == text.count("Russia’s") + text.count("Ukraine’s")
