"""The second look before a discrepancy (checker/checks/caution.py), on sentences of our own."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checker.checks.caution import doubt
from checker.model import Claim, Mention


def _claim(sentence: str, figure: str, region: str = "Russia") -> Claim:
    start = sentence.index(figure)
    m = Mention("a", start, start + len(figure), figure, "percent", Decimal(0), Decimal(100), "percent")
    return Claim("c", m, "ru_pres_2024", "Vladimir Putin", "vote_share", region=region,
                 sentence=(0, len(sentence)), quote=sentence)  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "figure", "word"),
    [
        ("With 60% of precincts reporting, Putin had 86.1% of the vote.", "86.1%", "reporting"),
        ("Nach Auszählung von 50 Prozent erhielt Putin 86,1 Prozent.", "86,1 Prozent", "auszählung"),
        ("Con lo scrutinio del 50 per cento, Putin ha l'86 per cento.", "86 per cento", "scrutin"),
        ("After 24% of protocols were processed, Putin had 87.97%.", "87.97%", "processed"),
        ("A final poll had Putin on 80% ahead of the vote.", "80%", "poll"),
        ("Экзитпол ВЦИОМ дал Путину 85% голосов.", "85%", "экзит"),
        ("За рубежом Путин получил около 72% голосов.", "72%", "за рубеж"),
        ("Abroad, Putin won 72% of the votes cast.", "72%", "abroad"),
        ("According to the opposition, González won 67% of the vote.", "67%", "according to the opposition"),
        ("In the capital, Putin won 71% of the vote.", "71%", "capital"),
    ],
)
def test_a_sentence_that_may_not_give_the_final_result_is_doubted(
    sentence: str, figure: str, word: str
) -> None:
    reason = doubt(_claim(sentence, figure), 2024, "Russia")
    assert reason is not None and f"'{word}'" in reason


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("Putin won 87.28% of the vote in the presidential election.", "87.28%"),
        ("After 100% of protocols were processed, Putin had 87.28%.", "87.28%"),
        ("With all ballots counted, Putin won 87.28% of the vote.", "87.28%"),
        ("The final results gave Putin 87.28% after the count was completed.", "87.28%"),
        ("Putin won 87.28% in 2024, up from 76.69% six years earlier.", "87.28%"),
        ("Putin won 89% of the vote, up from 76.7% in 2018.", "89%"),  # 2018 belongs to the other figure
    ],
)
def test_a_plain_final_result_is_not_doubted(sentence: str, figure: str) -> None:
    assert doubt(_claim(sentence, figure), 2024, "Russia") is None


def test_another_years_figure_is_doubted_in_its_own_clause_only() -> None:
    sentence = "Putin won 87.28% of the vote, up from 67.54% in the 2018 election."
    assert doubt(_claim(sentence, "87.28%"), 2024, "Russia") is None
    reason = doubt(_claim(sentence, "67.54%"), 2024, "Russia")
    assert reason is not None and "2018" in reason


def test_a_place_word_doubts_a_national_figure_only() -> None:
    sentence = "In the Donetsk region, Putin won 95.23% of the vote."
    assert doubt(_claim(sentence, "95.23%", region="Russia"), 2024, "Russia") is not None
    assert doubt(_claim(sentence, "95.23%", region="Donetsk People's Republic"), 2024, "Russia") is None
