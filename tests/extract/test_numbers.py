"""Tests of the number extractor: the gold table, the seed articles, parsers and properties."""

from __future__ import annotations

import csv
import doctest
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import checker.extract.numbers as numbers_module
import checker.extract.numwords as numwords_module
from checker.extract.masks import find_masked_spans
from checker.extract.numbers import extract_numbers, parse_number, parse_number_words
from checker.model import Mention

HERE = Path(__file__).resolve().parent
CASES = HERE / "numbers_cases.csv"
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
NUMBER_KINDS = {"percent", "count"}


def _shared(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.fail(f"shared material missing: {path} (the tests need ../shared next to the repo)")
    return path


def _rows() -> list[dict[str, str]]:
    with CASES.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _params() -> list[object]:
    out: list[object] = []
    for row in _rows():
        marks = [pytest.mark.xfail(strict=True, reason="known gap")] if row["status"] == "xfail" else []
        out.append(pytest.param(row, id=row["id"], marks=marks))
    return out


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _extract(text: str, language: str | None) -> list[Mention]:
    """What the merge in ``checker.extract`` keeps of our mentions: nothing under a mask."""
    masks = find_masked_spans(text)
    return [m for m in extract_numbers(text, "t", language) if not any(_overlaps(m.span, s) for s in masks)]


def _bound(want: str) -> Decimal | None:
    return None if want == "" else Decimal(want)


def test_table_is_big_enough() -> None:
    rows = _rows()
    languages = {r["lang"] for r in rows}
    assert len(rows) >= 200
    assert sum(r["kind"] == "absent" for r in rows) >= 60
    assert {"en", "de", "fr", "es", "it", "pt", "pl", "hu", "ru", "uk"} <= languages


@pytest.mark.parametrize("row", _params())
def test_gold_table(row: dict[str, str]) -> None:
    text, surface = row["text"], row["surface"]
    language = None if row["lang"] == "xx" else row["lang"]
    at = text.find(surface)
    assert at >= 0, f"surface {surface!r} is not in the text"
    mentions = _extract(text, language)
    hits = [m for m in mentions if _overlaps(m.span, (at, at + len(surface)))]
    if row["kind"] == "absent":
        assert not hits, f"should not extract: {[(m.text, m.kind) for m in hits]}"
        return
    assert hits, f"nothing over {surface!r}; got {[(m.text, m.kind) for m in mentions]}"
    m = hits[0]
    assert (m.text, m.kind) == (surface, row["kind"])
    assert m.low == _bound(row["low"]), (m.text, m.low)
    assert m.high == _bound(row["high"]), (m.text, m.high)
    assert m.qualifier == row["qualifier"]
    assert m.unit == m.kind


# --- the seed articles ---------------------------------------------------------------------


def _seed_gold() -> dict[str, list[dict[str, object]]]:
    gold: dict[str, list[dict[str, object]]] = {}
    with _shared("acceptance", "seed_mentions.jsonl").open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            gold.setdefault(str(row["file"]), []).append(row)
    return gold


def _find(text: str, needle: str, occurrence: int) -> tuple[int, int]:
    at = -1
    for _ in range(occurrence):
        at = text.find(needle, at + 1)
        assert at >= 0, f"gold text {needle!r} #{occurrence} is not in the seed"
    return at, at + len(needle)


SEEDS = ["000_e6877975c975465a.txt", "001_06b3186a27bd3392.txt", "002_c49e5c77c86ab3c6.txt"]


@pytest.mark.parametrize("name", SEEDS)
def test_seed_article(name: str) -> None:
    text = _shared("seeds", name).read_text(encoding="utf-8")
    gold = _seed_gold()[name]
    mentions = _extract(text, "en")
    spans = [(row, _find(text, str(row["text"]), int(str(row["occurrence"])))) for row in gold]
    for row, span in spans:
        if row["kind"] not in NUMBER_KINDS:
            continue
        hits = [m for m in mentions if _overlaps(m.span, span) and m.kind == row["kind"]]
        assert hits, f"{row['text']!r} not found"
        m = hits[0]
        if row["text"] == "hundreds of thousands":
            assert isinstance(m.low, Decimal) and isinstance(m.high, Decimal)
            assert Decimal(100_000) <= m.low <= Decimal(200_000) and m.high >= Decimal(999_999)
            continue
        want = (Decimal(str(row["low"])), Decimal(str(row["high"])))
        assert (m.low, m.high) == want, m.text
        if "qualifier" in row:
            assert m.qualifier == row["qualifier"]
    # Every other mention must lie on a gold span (a count inside "five days" is absorbed
    # by the calendar mention when the two extractors are merged).
    extra = [m.text for m in mentions if not any(_overlaps(m.span, s) for _, s in spans)]
    assert not extra, f"extra mentions: {extra}"


# --- parsers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "value", "decimals"),
    [
        pytest.param("76,277,708", None, "76277708", 0, id="en-groups"),
        pytest.param("2.115.800", None, "2115800", 0, id="dot-groups"),
        pytest.param("1 260 032", None, "1260032", 0, id="space-groups"),
        pytest.param("1\u202f260\u202f032", "fr", "1260032", 0, id="narrow-nbsp-groups"),
        pytest.param("99,23", None, "99.23", 2, id="decimal-comma"),
        pytest.param("97,5", "en", "97.5", 1, id="decimal-comma-in-english-text"),
        pytest.param("1,234", "de", "1.234", 3, id="de-comma-is-decimal"),
        pytest.param("1.234", "de", "1234", 0, id="de-dot-groups"),
        pytest.param("1.234", "en", "1.234", 3, id="en-dot-is-decimal"),
        pytest.param("1,234,567.89", "en", "1234567.89", 2, id="en-full"),
        pytest.param("1.234.567,89", "de", "1234567.89", 2, id="de-full"),
        pytest.param("1 234 567,89", "ru", "1234567.89", 2, id="ru-full"),
    ],
)
def test_parse_number(text: str, language: str | None, value: str, decimals: int) -> None:
    parsed = parse_number(text, language)
    assert parsed is not None
    assert (parsed.value, parsed.decimals) == (Decimal(value), decimals)


@pytest.mark.parametrize("text", ["", "abc", "1,2345,678", "12:30", "1.2.3", "G20"])
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("four", "en", 4),
        ("Forty-seven", "en", 47),
        ("one million two hundred thousand", "en", 1_200_000),
        ("a dozen", "en", 12),
        ("two dozen", "en", 24),
        ("zweihundertsiebenundvierzig", "de", 247),
        ("quarante-sept", "fr", 47),
        ("cuarenta y siete", "es", 47),
        ("trentotto", "it", 38),
        ("quarenta e sete", "pt", 47),
        ("czterdzieści siedem", "pl", 47),
        ("negyvenhét", "hu", 47),
        ("двести сорок семь", "ru", 247),
        ("сорок сім", "uk", 47),
    ],
)
def test_parse_number_words(text: str, language: str, value: int) -> None:
    assert parse_number_words(text, language) == Decimal(value)


@pytest.mark.parametrize(("text", "language"), [("two three", "en"), ("семь сорок", "ru"), ("banana", "en")])
def test_parse_number_words_rejects(text: str, language: str) -> None:
    assert parse_number_words(text, language) is None


def test_doctests() -> None:
    for module in (numbers_module, numwords_module):
        result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
        assert result.failed == 0 and result.attempted > 0, module.__name__


# --- properties ----------------------------------------------------------------------------

amounts = st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False, allow_infinity=False)


def _grouped(value: Decimal, group: str, mark: str) -> str:
    whole, _, frac = f"{value:.2f}".partition(".")
    head = f"{int(whole):,}".replace(",", group)
    return f"{head}{mark}{frac}"


STYLES = [(",", ".", "en"), (".", ",", "de"), (" ", ",", "fr"), ("\u202f", ",", "fr")]


@given(amounts, st.sampled_from(STYLES))
def test_format_then_parse_gives_the_value(value: Decimal, style: tuple[str, str, str]) -> None:
    group, mark, language = style
    parsed = parse_number(_grouped(value, group, mark), language)
    assert parsed is not None
    assert parsed.value == value


@given(amounts, st.sampled_from([(",", "."), (".", ","), (" ", ","), ("\u00a0", ",")]))
def test_format_then_extract_share(value: Decimal, style: tuple[str, str]) -> None:
    text = f"The list won {_grouped(value % 100, *style)}% in the end."
    (m,) = extract_numbers(text, "p", None)
    assert m.value == value % 100


PIECES = ["percent", " and ", "between ", "million", "four", "more than ", "Sept", "\u202f"]
alphabet = st.sampled_from([*"0123456789 ,.%-–:/+$()\n", *PIECES])


@settings(max_examples=300, deadline=None)
@given(st.lists(alphabet, max_size=40).map("".join) | st.text(max_size=200))
def test_extract_never_raises_and_spans_index_the_text(text: str) -> None:
    for language in (None, "en", "de", "ru"):
        for m in extract_numbers(text, "h", language):
            assert text[m.start : m.end] == m.text
            assert m.kind in NUMBER_KINDS
            assert isinstance(m.low, Decimal)
            if m.value is not None:
                assert m.low <= m.value
                assert m.high is None or m.value <= m.high  # type: ignore[operator]


def test_long_hostile_input_finishes_with_valid_spans() -> None:
    # Linear-time patterns: these would take minutes with nested unbounded repetition.
    # (How time grows with the size: benchmarks/bench_hostile.py --exponents.)
    for text in ("1," * 50_000, "9" * 100_000, "1 " * 50_000, "four " * 20_000, "%" * 100_000):
        for m in extract_numbers(text, "h", None):
            assert text[m.start : m.end] == m.text, text[:20]
        for start, end in find_masked_spans(text):
            assert 0 <= start < end <= len(text), text[:20]
