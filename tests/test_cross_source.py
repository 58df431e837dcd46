"""Cross-source grouping: agreement, blame only where the reference points, linear size."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from checker.checks.cross_source import check_cross_source
from checker.model import Claim, Mention
from checker.reference import ReferenceData, load_reference


@pytest.fixture(scope="module")
def ref() -> ReferenceData:
    return load_reference([])


def share(
    article: str, text: str, low: str, high: str, election: str = "ua_occupied_annexation_ref_2022"
) -> Claim:
    m = Mention(article, 0, len(text), text, "percent", D(low), D(high), "percent")
    return Claim(f"C-{article}", m, election=election, region="Kherson", option="Yes",
                 measure="vote_share", scope="final")  # fmt: skip


def test_agreeing_sources_give_one_consistent_finding(ref: ReferenceData) -> None:
    claims = [share("a", "87%", "86.5", "87.5"), share("b", "87.05%", "87.045", "87.055")]
    found = check_cross_source(claims, ref)
    assert [f.verdict for f in found] == ["consistent"]
    assert set(found[0].claims) == {"C-a", "C-b"}


def test_only_the_side_the_reference_contradicts_is_blamed(ref: ReferenceData) -> None:
    claims = [
        share("a", "87%", "86.5", "87.5"),
        share("b", "93%", "92.5", "93.5"),
        share("c", "87.1%", "87.05", "87.15"),
    ]
    found = check_cross_source(claims, ref)
    bad = [f for f in found if f.verdict == "discrepancy"]
    assert len(bad) == 1 and bad[0].claims == ("C-b",)
    assert "supports" in bad[0].message


def test_without_reference_nobody_is_blamed(ref: ReferenceData) -> None:
    claims = [
        share("a", "60%", "59.5", "60.5", "no_such_election"),
        share("b", "60%", "59.5", "60.5", "no_such_election"),
        share("c", "70%", "69.5", "70.5", "no_such_election"),
    ]
    found = check_cross_source(claims, ref)
    assert "discrepancy" not in {f.verdict for f in found}
    outlier = [f for f in found if f.verdict == "ambiguous"]
    assert len(outlier) == 1 and outlier[0].claims == ("C-c",)


def test_findings_grow_linearly_with_articles(ref: ReferenceData) -> None:
    claims = [share(f"a{i}", "87%", "86.5", "87.5") for i in range(400)]
    claims += [share(f"b{i}", "93%", "92.5", "93.5") for i in range(100)]
    found = check_cross_source(claims, ref)
    assert len(found) == 1 + 100  # one agreement finding, one per contradicted claim


def test_a_figure_of_an_earlier_count_is_not_blamed(ref: ReferenceData) -> None:
    """88% matches the count with 24% of ballots in (87.97%), not the final 87.28%: outlets
    quoting different stages do not contradict each other (the reference check says which)."""

    def putin(article: str, text: str, low: str, high: str) -> Claim:
        m = Mention(article, 0, len(text), text, "percent", D(low), D(high), "percent")
        return Claim(f"C-{article}", m, election="ru_pres_2024", region="Russia", option="Vladimir Putin",
                     measure="vote_share", scope="final")  # fmt: skip

    claims = [putin("a", "87.28%", "87.275", "87.285"), putin("b", "87.3%", "87.25", "87.35"),
              putin("c", "88%", "87.5", "88.5"), putin("d", "91%", "90.5", "91.5")]  # fmt: skip
    verdicts = {f.claims: f.verdict for f in check_cross_source(claims, ref) if len(f.claims) == 1}
    assert verdicts == {("C-c",): "ambiguous", ("C-d",): "discrepancy"}
