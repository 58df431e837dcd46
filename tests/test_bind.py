"""Binding: tables of our own sentences, each with the claim it must produce."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from checker.bind import bind_mentions
from checker.extract import extract_mentions
from checker.model import Article, Claim
from checker.reference import load_reference

HERE = Path(__file__).resolve().parent
CASES = list(csv.DictReader((HERE / "bind_cases.csv").open(encoding="utf-8")))


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


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_binding(ref, case: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    claim = _claim(ref, case)
    got = {
        "election": claim.election or "",
        "region": claim.region or "",
        "option": claim.option or "",
        "measure": claim.measure,
        "scope": claim.scope,
    }
    want = {k: case[k] for k in got}
    assert got == want, claim.note
