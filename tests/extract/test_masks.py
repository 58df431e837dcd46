"""Tests of the masks: spans whose digits are never figures."""

from __future__ import annotations

import doctest
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import checker.extract.masks as masks_module
from checker.extract.masks import find_masked_spans


def _masked(text: str) -> list[str]:
    return [text[a:b] for a, b in find_masked_spans(text)]


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        pytest.param("Polls opened at 08:00 in the east.", "08:00", id="clock-24h"),
        pytest.param("Counting stopped at 21:00 Moscow time.", "21:00", id="clock-moscow"),
        pytest.param("The result came at 8 p.m. on Sunday.", "8 p.m.", id="clock-pm-dots"),
        pytest.param("Queues formed by 8:30am outside.", "8:30am", id="clock-am-attached"),
        pytest.param("Doors shut at 7pm sharp.", "7pm", id="clock-pm"),
        pytest.param("Les bureaux ferment à 20h30.", "20h30", id="clock-fr"),
        pytest.param("Die Wahllokale schließen um 18 Uhr.", "18 Uhr", id="clock-de"),
        pytest.param("Rules from the COVID-19 era stayed.", "COVID-19", id="covid"),
        pytest.param("The G7 statement was short.", "G7", id="g7"),
        pytest.param("The G20 met later.", "G20", id="g20"),
        pytest.param("A Su-25 crashed near the town.", "Su-25", id="su25"),
        pytest.param("The MH17 case returned to court.", "MH17", id="mh17"),
        pytest.param("More F-16 jets were promised.", "F-16", id="f16"),
        pytest.param("Над городом пролетел МиГ-29.", "МиГ-29", id="mig29-cyrillic"),
        pytest.param("The 5G masts were down.", "5G", id="5g"),
        pytest.param(
            "At https://example.org/r/2024/87.html now.", "https://example.org/r/2024/87.html", id="url"
        ),
        pytest.param("See www.example.com/2022/09/28.", "www.example.com/2022/09/28", id="url-www-final-dot"),
        pytest.param("Tables at example.org/data/2024 are open.", "example.org/data/2024", id="bare-domain"),
        pytest.param("Mail desk2024@example.org for data.", "desk2024@example.org", id="email"),
        pytest.param("Follow @counter2024 for updates.", "@counter2024", id="handle"),
        pytest.param("Call +7 495 123-45-67 to complain.", "+7 495 123-45-67", id="phone-ru"),
        pytest.param("Call (202) 555-0143 to complain.", "(202) 555-0143", id="phone-us"),
        pytest.param("Call 202-555-0143 to complain.", "202-555-0143", id="phone-us-dashes"),
        pytest.param("Steps:\n1. Register", "1.", id="list-dot"),
        pytest.param("Steps:\n2) Vote", "2)", id="list-paren"),
        pytest.param("Steps:\n(3) Wait", "(3)", id="list-both-parens"),
        pytest.param("Guide: ISBN 978-3-16-148410-0.", "ISBN 978-3-16-148410-0", id="isbn"),
        pytest.param("Posts tagged #Vote2024 spread.", "#Vote2024", id="hashtag"),
        pytest.param("Polls closed at 1800 GMT.", "1800 GMT", id="clock-gmt"),
        pytest.param("Les résultats à 21 heures.", "21 heures", id="clock-fr-heures"),
        pytest.param("Les bureaux ferment à 20h.", "20h", id="clock-fr-h"),
        pytest.param("Un exit poll alle 20 ora locale.", "20 ora", id="clock-it-ora"),
        pytest.param("Alle 12, l'affluenza era alta.", "12", id="clock-it-bare"),
        pytest.param("Cierre a las 12.00 horas.", "12.00 horas", id="clock-es"),
        pytest.param("Fecho às 17 horas.", "17 horas", id="clock-pt"),
        pytest.param("Hajnali 2 órakor zártak.", "2 órakor", id="clock-hu"),
        pytest.param("Call the hotline 8-800-333-33-50 today.", "8-800-333-33-50", id="phone-hyphens-ru"),
        pytest.param("Call 1-866-272-6272 to vote.", "1-866-272-6272", id="phone-hyphens-us"),
        pytest.param("Helpline 022 251 451 is open.", "022 251 451", id="phone-leading-zero"),
        pytest.param("Putin won 76.69%[1] of the vote.", "[1]", id="footnote"),
    ],
)
def test_masked(text: str, masked: str) -> None:
    assert masked in _masked(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Article 5 was invoked.", id="article-number"),
        pytest.param("Turnout was 77.49% at 20.30 in the report.", id="decimal-not-clock"),
        pytest.param("He won 87.28% of 76,277,708 ballots.", id="figures"),
        pytest.param("The vote was held on 23 September 2022.", id="date"),
        pytest.param("Stimmen:\n23. September war der Tag.", id="de-date-at-line-start"),
        pytest.param("Between 18 and 25 percent, said 1 260 032 voters.", id="range-and-groups"),
        pytest.param("A 3:2 ratio of seats was agreed.", id="ratio"),
        pytest.param("Mid-line 1. is not a list.", id="list-mid-line"),
        pytest.param("Prices &#39;rose&#39; again.", id="html-entity"),
        pytest.param("La votación duró 48 horas.", id="es-duration-not-clock"),
        pytest.param("Alle 12 per cento delle sezioni.", id="it-percent-not-clock"),
        pytest.param("The count reached 1 260 032 on 2022-09-23.", id="groups-and-iso-date"),
    ],
)
def test_not_masked(text: str) -> None:
    assert _masked(text) == []


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_spans_sorted_and_disjoint(text: str) -> None:
    spans = find_masked_spans(text)
    assert all(0 <= a < b <= len(text) for a, b in spans)
    assert all(b1 < a2 for (_, b1), (a2, _) in itertools.pairwise(spans))


def test_doctests() -> None:
    result = doctest.testmod(masks_module)
    assert result.failed == 0 and result.attempted > 0
