"""Hostile text: loading, extraction and binding finish on it and stay linear in its size.

The default suite only checks that hostile input is handled (it finishes, spans index the
text); how time grows with the size is measured in ``benchmarks/bench_hostile.py
--exponents``. The size-ratio checks below are marked ``slow`` (run by ``.ci/run`` with
``pytest -m slow``): each pattern is repeated to two sizes, and the larger run may take at
most ``SLACK`` times the time that linear growth allows (timings are the best of a few
alternating runs with the garbage collector paused, measured again before a failure). A
regex with nested unbounded quantifiers, or a loop that rescans the sentence for every
figure, grows quadratically and fails by a wide margin.
"""

from __future__ import annotations

import datetime as dt
import gc
import time
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.bind import bind_mentions
from checker.extract import extract_mentions
from checker.load import clean_text, extract_html_text, parse_front_matter
from checker.model import Article
from checker.reference import ReferenceData
from checker.sentences import split_sentences

SLACK = 2.5  # allowed excess over linear growth
FLOOR = 0.05  # seconds: below this, timer noise dominates

HOSTILE: dict[str, str] = {
    "digit-run": "12345678901234567890",
    "separators": "1,234.5 6 7.890,12 ",
    "separator-only": ",.,. ,, .. ",
    "percent-signs": "%% 5% %%% 12.5 % ",
    "month-names": "September March May 23 Sept. ",
    "open-parens": "((((((((((58%",
    "close-parens": "58%)))))) ",
    "more-than": "more than more than more than 58% ",
    "dashes": "1-2-3-4-5-6-",
    "number-words": "five hundred thousand and twenty ",
    "relative-dates": "eight years ago last week on Wednesday ",
    "digits-and-spaces": "1 2 3 4 5 6 7 8 ",
    "short-lines": "58%\n",
    "ranges": "between September 23 and 27 from 1 to ",
    "dotted-numbers": "1.2.3.4.5.6.",
    "cyrillic": "явка 58% выборы 12 марта ",
    "ages": "aged 47, at the age of 81, 12-year-old ",
}


def _text(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _time_once(work: Callable[[], object]) -> float:
    gc.collect()
    gc.disable()  # a collection landing in one run only is noise, not growth
    try:
        start = time.perf_counter()
        work()
        return time.perf_counter() - start
    finally:
        gc.enable()


def _assert_linear(
    small: Callable[[], object],
    large: Callable[[], object],
    factor: int,
    what: str,
    repeats: int = 2,
    attempts: int = 3,
) -> None:
    """Fail when ``large`` (``factor`` times the input) takes more than linear growth allows.

    Small and large runs alternate, so a machine that slows down for a while slows both; a
    failing comparison is measured again (up to ``attempts`` times) before the test fails. A
    quadratic loop takes ``factor`` times longer than allowed on every attempt, so it still
    fails; a busy CI neighbour does not.
    """
    for _ in range(attempts):
        t_small = t_large = float("inf")
        for _ in range(repeats):
            t_small = min(t_small, _time_once(small))
            t_large = min(t_large, _time_once(large))
        allowed = SLACK * factor * max(t_small, FLOOR)
        if t_large <= allowed:
            return
    pytest.fail(
        f"{what}: {t_small:.3f} s -> {t_large:.3f} s for {factor}x the input (allowed {allowed:.2f} s)"
    )


def _article(text: str) -> Article:
    return Article(id="hostile", path="hostile", text=text, published=dt.date(2024, 3, 21), language="en")


@pytest.mark.slow
@pytest.mark.parametrize("unit", HOSTILE.values(), ids=HOSTILE.keys())
def test_extraction_is_linear_on_hostile_text(unit: str) -> None:
    small, large = _text(unit, 40_000), _text(unit, 160_000)
    _assert_linear(
        lambda: extract_mentions(_article(small)), lambda: extract_mentions(_article(large)), 4, "extract"
    )


@pytest.mark.slow
@pytest.mark.parametrize("unit", HOSTILE.values(), ids=HOSTILE.keys())
def test_sentence_splitting_and_cleaning_are_linear(unit: str) -> None:
    small, large = _text(unit, 100_000), _text(unit, 400_000)
    _assert_linear(
        lambda: (split_sentences(small), clean_text(small), parse_front_matter("---\n" + small)),
        lambda: (split_sentences(large), clean_text(large), parse_front_matter("---\n" + large)),
        4,
        "sentences",
        repeats=3,
    )


HOSTILE_HTML: dict[str, str] = {
    "unclosed-meta": "<meta <meta ",
    "nested-divs": "<div><p>1% ",
    "unclosed-comments": "<!-- <p>5%</p> ",
    "attribute-soup": "<p a=\"1\" b='2' c=3 d ",
    "cdata": "<![CDATA[ 9% ",
    "entities": "&amp;&#37;&percnt;&#x25;58 ",
}


@pytest.mark.slow
@pytest.mark.parametrize("unit", HOSTILE_HTML.values(), ids=HOSTILE_HTML.keys())
def test_html_reduction_is_linear_on_hostile_markup(unit: str) -> None:
    small = "<html><body>" + _text(unit, 25_000)
    large = "<html><body>" + _text(unit, 100_000)
    _assert_linear(lambda: extract_html_text(small), lambda: extract_html_text(large), 4, "html", repeats=1)


@pytest.mark.parametrize("unit", HOSTILE_HTML.values(), ids=HOSTILE_HTML.keys())
def test_html_reduction_finishes_on_hostile_markup(unit: str) -> None:
    text, _meta = extract_html_text("<html><body>" + _text(unit, 100_000))
    assert clean_text(text) == text


# Binding must stay linear in the number of figures: each figure's position is a dict
# lookup, names are found by bisection, and sentences are cut at MAX_SENTENCE characters.
# (benchmarks/bench_hostile.py shows the many-short-sentences case at larger sizes.)
BIND_CASES = {"one-long-sentence": "%% 5% "}


@pytest.mark.slow
@pytest.mark.parametrize("unit", BIND_CASES.values(), ids=BIND_CASES.keys())
def test_binding_is_linear_on_dense_figures(unit: str, reference: ReferenceData) -> None:
    small, large = _article(_text(unit, 1_000)), _article(_text(unit, 8_000))
    m_small, m_large = extract_mentions(small), extract_mentions(large)
    _assert_linear(
        lambda: bind_mentions(small, m_small, reference),
        lambda: bind_mentions(large, m_large, reference),
        8,
        "bind",
        repeats=1,
    )


@pytest.mark.parametrize("unit", HOSTILE.values(), ids=HOSTILE.keys())
def test_binding_sparse_hostile_text_finishes(unit: str, reference: ReferenceData) -> None:
    # Hostile fragments inside ordinary prose (a figure every few sentences): bind must
    # not blow up on them, and every claim keeps a mention of the article.
    prose = "The committee met again in the capital and the talks went on late into the evening. " * 12
    article = _article(_text(prose + unit + ". ", 200_000))
    mentions = extract_mentions(article)
    spans = {(m.start, m.end) for m in mentions}
    for claim in bind_mentions(article, mentions, reference):
        assert (claim.mention.start, claim.mention.end) in spans


FRAGMENTS = st.sampled_from(
    [*HOSTILE.values(), *HOSTILE_HTML.values(), " ", "\n", ". ", "Putin ", "turnout "]
)


@settings(
    max_examples=15,
    deadline=None,  # speed is measured in benchmarks/, not here
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,
)
@given(st.lists(st.tuples(FRAGMENTS, st.integers(1, 400)), min_size=1, max_size=40))
def test_extract_handles_100kb_of_mixed_hostile_text(pieces: list[tuple[str, int]]) -> None:
    text = "".join(fragment * count for fragment, count in pieces)
    text = _text(text, 100_000) if len(text) > 100_000 else text
    mentions = extract_mentions(_article(text))
    for m in mentions:
        assert text[m.start : m.end] == m.text


@pytest.mark.slow
def test_linearity_check_catches_quadratic_work() -> None:
    def pairs(n: int) -> Callable[[], object]:
        return lambda: sum(i ^ j for i in range(n) for j in range(n))

    with pytest.raises(pytest.fail.Exception, match="quadratic"):
        _assert_linear(pairs(1000), pairs(5000), 5, "quadratic", attempts=1)  # 25x the time; 12.5x allowed
