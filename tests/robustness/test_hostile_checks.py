"""Hostile figures: restated values, share-and-count lists, figures that bind to nothing.

Findings per group of one quantity stay bounded (one finding lists the restatements), and
bind and the per-article checks grow linearly with the text (the size-ratio checks are
``slow``, as in test_hostile_text.py; ``benchmarks/bench_hostile.py --exponents`` measures
the same shapes).
"""

from __future__ import annotations

import random
from collections import Counter
from decimal import Decimal

import pytest

from checker.bind import bind_mentions
from checker.checks import check_article
from checker.checks.internal import _Layout
from checker.extract import extract_mentions
from checker.model import Claim, Finding, Mention
from checker.reference import ReferenceData

from .test_hostile_text import _article, _assert_linear, _text

SHAPES = {
    "restated": "In Kherson, 93% voted yes in the referendum. In Kherson, 87% voted yes in the referendum. ",
    "restated-one": "In Kherson, 93% voted yes in the referendum. ",
    "share-count": "Putin won 87.28%, or 76,277,708 votes, and Kharitonov won 4.31%, or 3,768,470 votes. ",
    "unbound": "Turnout was 58% in the town. ",
}


def _run(text: str, reference: ReferenceData) -> tuple[list[Claim], list[Finding]]:
    article = _article(text)
    claims = bind_mentions(article, extract_mentions(article), reference)
    return claims, check_article(article, claims, reference)


def _restated(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.check == "internal" and "for what reads as the same figure" in f.message]


def test_a_figure_restated_with_two_values_gives_one_finding(reference: ReferenceData) -> None:
    claims, findings = _run(SHAPES["restated"] * 50, reference)
    assert len(claims) == 100
    [finding] = _restated(findings)  # it was one per disagreeing pair: 2,500
    assert finding.verdict == "ambiguous"
    assert finding.message.startswith("The article gives “93%” (50 times) and “87%” (50 times) for what")
    assert len(finding.claims) == 2
    assert finding.difference is not None and finding.difference.value == 5  # 92.5 - 87.5


def test_one_disagreeing_pair_keeps_its_pair_finding(reference: ReferenceData) -> None:
    text = SHAPES["restated-one"] * 3 + "In Kherson, 87% voted yes in the referendum. "
    [listing] = _restated(_run(text, reference)[1])  # three pairs disagree: one finding
    assert listing.message.startswith("The article gives “93%” (3 times) and “87%” for what")
    text = "In Kherson, 93% voted yes in the referendum. In Kherson, 87% voted yes in the referendum."
    [pair] = _restated(_run(text, reference)[1])
    assert pair.message.startswith("The article gives “93%” and “87%” for what reads as the same figure")


def test_many_values_are_listed_up_to_a_bound(reference: ReferenceData) -> None:
    text = "".join(f"In Kherson, {60 + n}% voted yes in the referendum. " for n in range(30))
    [finding] = _restated(_run(text, reference)[1])
    assert len(finding.claims) == 10
    assert "and 20 other values" in finding.message


def test_one_value_restated_gives_no_restatement(reference: ReferenceData) -> None:
    assert not _restated(_run(SHAPES["restated-one"] * 200, reference)[1])


def test_share_count_lists_check_each_pair_once(reference: ReferenceData) -> None:
    _claims, findings = _run(SHAPES["share-count"] * 40, reference)
    internal = Counter(f.verdict for f in findings if f.check == "internal")
    assert internal == {"consistent": 80}


def _naive_same_paragraph(text: str, a: int, b: int) -> bool:
    lo, hi = sorted((a, b))
    return bool(text) and "\n\n" not in text[lo:hi]


def _naive_same_line(text: str, a: int, b: int) -> bool:
    lo, hi = sorted((a, b))
    return _naive_same_paragraph(text, a, b) and "\n" not in text[lo:hi]


def test_layout_lookups_agree_with_slicing_the_text() -> None:
    rng = random.Random(18)
    for _ in range(300):
        text = "".join(rng.choice(["a", "b", " ", "\n", "\n\n", "\n\n\n"]) for _ in range(rng.randint(1, 40)))
        starts = [i for i, ch in enumerate(text) if ch != "\n"]
        if len(starts) < 2:
            continue
        layout = _Layout(text)
        for _ in range(10):
            a, b = rng.choice(starts), rng.choice(starts)
            ca, cb = _claim_at(a), _claim_at(b)
            assert layout.same_paragraph(ca, cb) == _naive_same_paragraph(text, a, b), (text, a, b)
            assert layout.same_list(ca, cb) == _naive_same_line(text, a, b), (text, a, b)


def _claim_at(start: int) -> Claim:
    mention = Mention("x", start, start + 1, "5", "count", Decimal(5), Decimal(5), "count")
    return Claim(f"C{start}", mention, sentence=(start, start))  # sentences never equal: lines decide


@pytest.mark.slow
@pytest.mark.parametrize("unit", SHAPES.values(), ids=SHAPES.keys())
def test_bind_and_checks_are_linear_on_hostile_figures(unit: str, reference: ReferenceData) -> None:
    small, large = _article(_text(unit, 20_000)), _article(_text(unit, 80_000))
    small_m, large_m = extract_mentions(small), extract_mentions(large)
    _assert_linear(
        lambda: bind_mentions(small, small_m, reference),
        lambda: bind_mentions(large, large_m, reference),
        4,
        "bind",
    )
    small_c, large_c = bind_mentions(small, small_m, reference), bind_mentions(large, large_m, reference)
    _assert_linear(
        lambda: check_article(small, small_c, reference),
        lambda: check_article(large, large_c, reference),
        4,
        "check",
    )
