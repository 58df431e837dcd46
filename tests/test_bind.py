"""Binding: tables of our own sentences, each with the claim it must produce.

Each row of bind_cases.csv is one figure in one sentence (or a few), with the election,
region, option, measure and scope it must be bound to. ``step`` names the binding step the
row exercises (measure, entity, election, region_option, scope); for ``entity`` rows the
``entity`` column is checked too (empty: no person or place may be named). ``language`` is
the sentence's language. A row whose ``xfail`` column gives a reason is a known wrong
binding, kept with the right expectation: strict xfail, so a fix shows up as XPASS.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from checker.bind import bind_mentions
from checker.extract import extract_mentions
from checker.model import Article, Claim
from checker.reference import load_reference

HERE = Path(__file__).resolve().parent
CASES = list(csv.DictReader((HERE / "bind_cases.csv").open(encoding="utf-8")))
STEPS = ("measure", "entity", "election", "region_option", "scope")
LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "pl", "hu", "ru", "uk")
MIN_ROWS = 15  # per step and per language, so the table cannot shrink silently


@pytest.fixture(scope="module")
def ref():  # type: ignore[no-untyped-def]
    return load_reference([])


def _claim(ref, case: dict[str, str]) -> Claim:  # type: ignore[no-untyped-def]
    article = Article(
        id=case["id"], path="", text=case["text"], published=dt.date.fromisoformat(case["published"])
    )
    claims = bind_mentions(article, extract_mentions(article), ref)
    start = case["text"].index(case["figure"])
    hits = [c for c in claims if c.mention.start <= start < c.mention.end]
    assert hits, f"{case['figure']!r} not extracted; claims: {[c.mention.text for c in claims]}"
    return hits[0]


def _param(case: dict[str, str]):  # type: ignore[no-untyped-def]
    marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case["xfail"] else []
    return pytest.param(case, id=case["id"], marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_binding(ref, case: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    claim = _claim(ref, case)
    got = {
        "election": claim.election or "",
        "region": claim.region or "",
        "option": claim.option or "",
        "measure": claim.measure,
        "scope": claim.scope,
    }
    if case["step"] == "entity":
        got["entity"] = claim.entity or ""
    want = {k: case[k] for k in got}
    assert got == want, claim.note


def test_table_is_well_formed() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]
    for case in CASES:
        assert case["step"] in STEPS, case["id"]
        assert case["language"] in LANGUAGES, case["id"]
        assert case["figure"] in case["text"], case["id"]


def test_every_step_and_language_has_rows() -> None:
    steps = Counter(c["step"] for c in CASES)
    languages = Counter(c["language"] for c in CASES)
    assert {s: steps[s] for s in STEPS if steps[s] < MIN_ROWS} == {}
    assert {lang: languages[lang] for lang in LANGUAGES if languages[lang] < MIN_ROWS} == {}
