"""Every check on our own sentences: the verdict each figure must get (tests/check_cases.csv)."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from checker.bind import bind_mentions
from checker.checks import check_article
from checker.extract import extract_mentions
from checker.model import Article
from checker.reference import ReferenceData, load_reference
from checker.runner import process_article

HERE = Path(__file__).resolve().parent
CASES = list(csv.DictReader((HERE / "check_cases.csv").open(encoding="utf-8")))


@pytest.fixture(scope="module")
def ref() -> ReferenceData:
    return load_reference([])


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_verdict(ref: ReferenceData, case: dict[str, str]) -> None:
    article = Article(case["id"], "", case["text"], published=dt.date.fromisoformat(case["published"]))
    claims, found = process_article(article, ref)  # as a run does (a wrong dateline year binds again)
    start = case["text"].index(case["figure"])
    mine = {c.id for c in claims if c.mention.start <= start < c.mention.end}
    assert mine, f"{case['figure']!r} not extracted: {[c.mention.text for c in claims]}"
    findings = [f for f in found if mine & set(f.claims) and f.check == case["check"]]
    verdicts = sorted({f.verdict for f in findings})
    expected = [] if case["verdict"] == "none" else [case["verdict"]]  # none: no finding of that check
    assert verdicts == expected, [f.message for f in findings] or [c.note for c in claims if c.id in mine]


@pytest.mark.parametrize(
    ("language", "flagged"), [("en", ["Nikolai Haritonov"]), ("de", []), ("es", [])], ids=["en", "de", "es"]
)
def test_name_spellings_are_checked_in_english_only(
    ref: ReferenceData, language: str, flagged: list[str]
) -> None:
    """Other languages transliterate names their own way (German "Charitonow" is no typo)."""
    text = "Nikolai Haritonov came second in the presidential election with 4.31% of the vote."
    article = Article("names", "", text, published=dt.date(2024, 3, 22), language=language)
    claims = bind_mentions(article, extract_mentions(article), ref)
    names = [f.message.split("”")[0].lstrip("“") for f in check_article(article, claims, ref) if not f.claims]
    assert names == flagged
