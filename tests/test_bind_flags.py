"""The note is prose for the report: rewording it changes no binding and no finding."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest

from checker.bind import notes
from checker.load import iter_articles
from checker.model import Article, Claim, Finding
from checker.records import claim_record
from checker.reference import ReferenceData, load_reference
from checker.runner import process_article
from checker.store import decode_claim, encode_claim

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
SETS = [SHARED / "seeds", SHARED / "corpus" / "articles"]


@pytest.fixture(scope="module")
def ref() -> ReferenceData:
    return load_reference([])


# Our own: an explainer's figure that its sentence does not date (the "unnamed vote" flag
# keeps it from being a discrepancy).
OWN = Article(
    id="explainer",
    path="",
    text="Russia has held many votes under Vladimir Putin.\n\nThe presidential election is one of them. "
    "Turnout then was 50%.",
    published=dt.date(2026, 1, 10),
)


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    found = [a for a in iter_articles([p for p in SETS if p.exists()]) if isinstance(a, Article)]
    return [OWN, *found]


def _run(articles: list[Article], ref: ReferenceData) -> tuple[list[Claim], list[Finding]]:
    claims: list[Claim] = []
    findings: list[Finding] = []
    for article in articles:
        c, f = process_article(article, ref)
        claims += c
        findings += f
    return claims, findings


def _reworded(text: str, key: str) -> str:
    """Other words, the same placeholders."""
    return " ".join([f"reworded {key}", *re.findall(r"\{\w+\}", text)])


def test_rewording_notes_changes_no_binding_or_verdict(
    articles: list[Article], ref: ReferenceData, monkeypatch: pytest.MonkeyPatch
) -> None:
    claims, findings = _run(articles, ref)
    monkeypatch.setattr(notes, "NOTES", {k: _reworded(v, k) for k, v in notes.NOTES.items()})
    claims2, findings2 = _run(articles, ref)
    assert [c.note for c in claims] != [c.note for c in claims2]  # the rewording took effect
    # the flags the checks read are exercised: an unnamed vote, a count of regions
    assert any(f.verdict == "ambiguous" and "which vote" in f.message for f in findings)
    assert any(c.binding.region_count for c in claims) or not SHARED.exists()
    assert [(dataclasses.replace(c, note=""), c.binding) for c in claims] == [
        (dataclasses.replace(c, note=""), c.binding) for c in claims2
    ]
    assert findings == findings2


def test_binding_is_not_written_out(articles: list[Article], ref: ReferenceData) -> None:
    claims, _ = process_article(articles[0], ref)
    for claim in claims:
        assert "binding" not in claim_record(claim)
        assert decode_claim(encode_claim(claim)) == claim  # equal: the binding is not compared
