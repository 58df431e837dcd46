"""Tests of the calendar extractor: a gold table, the seed articles, and properties."""

from __future__ import annotations

import csv
import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract.dates import extract_calendar, parse_date, parse_date_range, parse_duration, resolve_ago
from checker.model import Mention

HERE = Path(__file__).resolve().parent
CASES = HERE / "dates_cases.csv"
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
CALENDAR_KINDS = {"date", "date_range", "year", "duration", "relative_date", "age"}


def _shared(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.fail(f"shared material missing: {path} (the tests need ../shared next to the repo)")
    return path


def _rows() -> list[dict[str, str]]:
    with CASES.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _params() -> list[object]:
    out: list[object] = []
    for row in _rows():
        marks = [pytest.mark.xfail(strict=True, reason="known gap")] if row["status"] == "xfail" else []
        out.append(pytest.param(row, id=row["id"], marks=marks))
    return out


def _overlapping(mentions: list[Mention], span: tuple[int, int]) -> list[Mention]:
    return [m for m in mentions if m.start < span[1] and span[0] < m.end]


def _same(got: object, want: str) -> bool:
    if want == "":
        return got is None
    if isinstance(got, dt.date):
        return got.isoformat() == want
    if isinstance(got, Decimal):
        return got == Decimal(want)
    return False


@pytest.mark.parametrize("row", _params())
def test_gold_table(row: dict[str, str]) -> None:
    text, surface = row["text"], row["surface"]
    published = dt.date.fromisoformat(row["published"]) if row["published"] else None
    mentions = extract_calendar(text, row["id"], row["lang"] or None, published)
    at = text.find(surface)
    assert at >= 0, f"surface {surface!r} is not in the text"
    hits = _overlapping(mentions, (at, at + len(surface)))
    if row["kind"] == "absent":
        assert not hits, f"should not extract: {[(m.text, m.kind) for m in hits]}"
        return
    assert hits, f"nothing extracted over {surface!r}; got {[(m.text, m.kind) for m in mentions]}"
    m = hits[0]
    assert m.kind == row["kind"], (m.text, m.kind)
    assert text[m.start : m.end] == m.text
    if (row["low"] or row["high"] or row["kind"] == "relative_date") and row["qualifier"] != "about":
        assert _same(m.low, row["low"]), (m.text, m.low)
        assert _same(m.high, row["high"]), (m.text, m.high)
    if row["unit"]:
        assert m.unit == row["unit"]
    if row["qualifier"]:
        assert m.qualifier == row["qualifier"]
    if m.kind == "relative_date":
        assert m.offset is not None, "relative dates always carry their offset"


def test_gold_table_size() -> None:
    rows = _rows()
    assert len(rows) >= 150
    assert sum(r["kind"] == "absent" for r in rows) >= 30
    assert {r["lang"] for r in rows} >= {"en", "de", "fr", "es", "it", "pt", "pl", "hu", "ru", "uk"}


def _seed_texts() -> tuple[dict[str, str], dict[str, dt.date | None]]:
    seeds = _shared("seeds")
    with (seeds / "articles.csv").open(encoding="utf-8") as f:
        published = {
            r["file"]: dt.date.fromisoformat(r["published"]) if r["published"] else None
            for r in csv.DictReader(f)
        }
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))}
    assert texts, f"no seed articles in {seeds}"
    return texts, published


def _find(text: str, needle: str, occurrence: int) -> tuple[int, int]:
    idx = -1
    for _ in range(occurrence):
        idx = text.find(needle, idx + 1)
        assert idx >= 0, f"gold text {needle!r} not found"
    return idx, idx + len(needle)


def test_seed_articles_match_gold() -> None:
    texts, published = _seed_texts()
    gold_path = _shared("acceptance", "seed_mentions.jsonl")
    gold = [json.loads(line) for line in gold_path.open(encoding="utf-8") if line.strip()]
    gold = [g for g in gold if g["kind"] in CALENDAR_KINDS]
    found = {name: extract_calendar(text, name, None, published.get(name)) for name, text in texts.items()}
    problems: list[str] = []
    gold_spans: dict[str, list[tuple[int, int]]] = {name: [] for name in texts}
    for g in gold:
        span = _find(texts[g["file"]], g["text"], g["occurrence"])
        gold_spans[g["file"]].append(span)
        hits = [m for m in _overlapping(found[g["file"]], span) if m.kind == g["kind"] or
                (g["kind"] == "year" and m.kind == "date")]  # fmt: skip
        label = f"{g['file'][:3]} {g['text']!r}#{g['occurrence']}"
        if not hits:
            if g.get("required", True):
                problems.append(f"{label}: not found as {g['kind']}")
            continue
        m = hits[0]
        if g["kind"] == "year":
            ok = str(m.low)[:4] == str(g["low"]) and str(m.high)[:4] == str(g["high"])
        elif g["text"] == "roughly a month":
            days = {"day": 1, "week": 7, "month": 30.44, "year": 365.25}[m.unit]
            lo, hi = m.low, m.high
            ok = (
                isinstance(lo, Decimal)
                and isinstance(hi, Decimal)
                and float(lo) * days <= 30 <= float(hi) * days
            )
        elif g["kind"] in ("duration", "age") and "low" in g:
            ok = m.low == Decimal(g["low"]) and m.high == Decimal(g["high"]) and m.unit == g["unit"]
        elif "low" in g:
            ok = str(m.low) == g["low"] and str(m.high) == g["high"]
        else:
            ok = True
        if g.get("qualifier") and g["qualifier"] != "about":
            ok = ok and m.qualifier == g["qualifier"]
        if not ok:
            problems.append(f"{label}: wrong value {m.kind} {m.low}..{m.high} {m.unit} {m.qualifier}")
    for name, mentions in found.items():
        for m in mentions:
            if not _overlapping_any(m, gold_spans[name]):
                problems.append(f"{name[:3]} extra mention {m.text!r} ({m.kind})")
    assert not problems, "\n".join(problems)


def _overlapping_any(m: Mention, spans: list[tuple[int, int]]) -> bool:
    return any(m.start < e and s < m.end for s, e in spans)


def test_seed_relative_dates_unresolved_without_publication() -> None:
    texts, published = _seed_texts()
    undated = [name for name, pub in published.items() if pub is None and name in texts]
    assert undated, "the seed set should hold an article without a publication date"
    for name in undated:
        rel = [m for m in extract_calendar(texts[name], name) if m.kind == "relative_date"]
        assert rel
        assert all(m.low is None and m.high is None and m.offset is not None for m in rel)


# --- pure parsers ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "want"),
    [
        ("Sept. 23, 2022", None, (dt.date(2022, 9, 23), dt.date(2022, 9, 23), "day")),
        ("March 2024", None, (dt.date(2024, 3, 1), dt.date(2024, 3, 31), "month")),
        ("September 23", None, None),
        ("September 23", dt.date(2022, 9, 28), (dt.date(2022, 9, 23), dt.date(2022, 9, 23), "day")),
        ("February 30, 2022", None, None),
        ("nothing here", None, None),
    ],
    ids=["abbrev", "month", "yearless-unpublished", "yearless", "impossible", "none"],
)
def test_parse_date(text: str, published: dt.date | None, want: object) -> None:
    assert parse_date(text, published) == want


def test_parse_range_and_duration() -> None:
    assert parse_date_range("December 28 through January 3", dt.date(2023, 1, 10)) == (
        dt.date(2022, 12, 28),
        dt.date(2023, 1, 3),
    )
    assert parse_duration("at least three weeks") == (Decimal(3), None, "week")
    assert parse_duration("nothing") is None


@pytest.mark.parametrize(
    ("published", "amount", "unit", "low", "high"),
    [
        (dt.date(2022, 9, 28), 8, "year", dt.date(2014, 1, 1), dt.date(2015, 3, 28)),
        (dt.date(2023, 1, 5), 1, "year", dt.date(2021, 7, 5), dt.date(2022, 12, 31)),
        (dt.date(2022, 3, 31), 1, "month", dt.date(2022, 2, 1), dt.date(2022, 3, 15)),
        (dt.date(2022, 9, 28), 2, "week", dt.date(2022, 9, 11), dt.date(2022, 9, 17)),
    ],
    ids=["8y", "1y-across-new-year", "1m-end-of-month", "2w"],
)
def test_resolve_ago(published: dt.date, amount: int, unit: str, low: dt.date, high: dt.date) -> None:
    lo, hi, _precision = resolve_ago(Decimal(amount), unit, published)
    assert (lo, hi) == (low, high)
    assert lo is not None and hi is not None and lo <= hi


# --- properties ------------------------------------------------------------------------

_PIECES = [
    *"0123456789 -–.,:/'’ay",
    "September ",
    "Wednesday ",
    "days ",
    "ago ",
    "марта ",
    "aged ",
    "Putin, ",
]
_NEWSY = st.lists(st.sampled_from(_PIECES), max_size=80).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(max_size=300), _NEWSY), lang=st.sampled_from([None, "en", "ru", "hu", "de"]))
def test_never_raises_and_spans_index_text(text: str, lang: str | None) -> None:
    for published in (None, dt.date(2022, 9, 28)):
        mentions = extract_calendar(text, "h", lang, published)
        last = 0
        for m in mentions:
            assert 0 <= m.start < m.end <= len(text)
            assert text[m.start : m.end] == m.text
            assert m.start >= last, "mentions overlap or are out of order"
            last = m.end
            if m.low is not None and m.high is not None:
                assert m.low <= m.high  # type: ignore[operator]


def test_hostile_input_finishes_with_valid_spans() -> None:
    # (How time grows with the size: benchmarks/bench_hostile.py --exponents.)
    for chunk in ("1" * 50, "September 23-", "a " * 20, "Putin, 71, ", "vor " * 10, "2014–"):
        text = chunk * (200_000 // len(chunk))
        for m in extract_calendar(text, "x", None, dt.date(2022, 9, 28)):
            assert text[m.start : m.end] == m.text, chunk
