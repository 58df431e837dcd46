"""Binding step by step: each table runs the steps of ``checker.bind.binder.STEPS`` up to
one of them and reads what that step decided (tests/bind_cases.csv checks whole claims)."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.bind.binder import STEPS, Step, bind_one, new_context
from checker.bind.context import Draft, figure_at
from checker.bind.doubt import bind_doubt
from checker.bind.election import bind_election
from checker.bind.entity import bind_entity
from checker.bind.measure import bind_measure
from checker.bind.scope import bind_scope
from checker.extract import extract_mentions
from checker.model import Article
from checker.reference import ReferenceData, load_reference

PUTIN = "Vladimir Putin received 87.3% of the vote in the presidential election."
LIST = (
    "In the occupied parts of Kherson and Zaporizhzhia, officials said 88% and 91% of voters, "
    "respectively, had backed joining Russia."
)
FORWARD = "The commissions said 99% voted yes in Donetsk, 98% in Luhansk and 87% in Kherson."
EXPLAINER = (
    "Russia has held many votes under Vladimir Putin.\n\nThe presidential election is one of them. "
    "Turnout then was 50%."
)


@pytest.fixture(scope="module")
def ref() -> ReferenceData:
    return load_reference([])


def _draft(ref: ReferenceData, text: str, published: str, figure: str, until: Step) -> Draft:
    """The draft of ``figure`` after the steps up to ``until`` (the figures before it bound first)."""
    article = Article(id="t", path="", text=text, published=dt.date.fromisoformat(published))
    mentions = extract_mentions(article)
    ctx = new_context(article, mentions, ref)
    at = text.index(figure)
    m = next(x for x in mentions if x.start <= at < x.end)
    for x in mentions[: mentions.index(m)]:
        bind_one(ctx, x)
    d = Draft()
    fig = figure_at(ctx, m, ctx.sentences.at(m.start))
    for step in STEPS:
        step(ctx, fig, d)
        if step is until or d.stop is not None:
            break
    return d


MEASURE = [
    ("turnout", "In Donetsk, turnout was 97.5%, the commission said.", "2022-09-28", "97.5%", "turnout"),
    ("share", PUTIN, "2024-03-22", "87.3%", "vote_share"),
    ("votes", "Leave received 17,410,742 votes in the referendum.", "2016-06-25", "17,410,742", "votes"),
    (
        "or_pair",
        "Putin received 87.28% of the vote, or 76,277,708 ballots.",
        "2024-03-22",
        "76,277,708",
        "votes",
    ),
    ("none", "Vladimir Putin said inflation fell to 4% this year.", "2024-05-01", "4%", None),
]


@pytest.mark.parametrize(
    ("text", "published", "figure", "want"), [r[1:] for r in MEASURE], ids=[r[0] for r in MEASURE]
)
def test_measure(ref: ReferenceData, text: str, published: str, figure: str, want: str | None) -> None:
    assert _draft(ref, text, published, figure, bind_measure).measure == want


ENTITY = [
    ("forward", FORWARD, "2022-09-28", "98%", "Luhansk People's Republic", False),
    ("respectively", LIST, "2022-09-29", "91%", "Zaporizhzhia", True),
    ("nearest", PUTIN, "2024-03-22", "87.3%", "Vladimir Putin", False),
]


@pytest.mark.parametrize(
    ("text", "published", "figure", "want", "listed"), [r[1:] for r in ENTITY], ids=[r[0] for r in ENTITY]
)
def test_entity(ref: ReferenceData, text: str, published: str, figure: str, want: str, listed: bool) -> None:
    d = _draft(ref, text, published, figure, bind_entity)
    assert (d.entity, d.respectively) == (want, listed)


ELECTION = [
    ("candidate", PUTIN, "2024-03-22", "87.3%", "ru_pres_2024", None),
    (
        "poll",
        "Vladimir Putin received 70% of the vote in an opinion poll.",
        "2016-06-25",
        "70%",
        None,
        "opinion_poll",
    ),
    (
        "carried",
        "Officials said 97% voted to join Russia in Crimea in 2014. Turnout was put at 83%.",
        "2024-03-18",
        "83%",
        "crimea_status_ref_2014",
        None,
    ),
]


@pytest.mark.parametrize(
    ("text", "published", "figure", "want", "stop"), [r[1:] for r in ELECTION], ids=[r[0] for r in ELECTION]
)
def test_election(
    ref: ReferenceData, text: str, published: str, figure: str, want: str | None, stop: str | None
) -> None:
    d = _draft(ref, text, published, figure, bind_election)
    assert (d.election.id if d.election else None, d.stop) == (want, stop)
    assert d.election_carried == (figure == "83%")  # "Turnout was put at 83%." takes the figure before's


SCOPE = [
    (
        "exit_poll",
        "An exit poll gave Vladimir Putin 86% of the vote in the presidential election.",
        "2024-03-17",
        "86%",
        "exit_poll",
    ),
    (
        "claimed",
        "The opposition says Edmundo González won about 70% of the vote.",
        "2024-07-30",
        "about 70%",
        "claimed_by",
    ),
    (
        "before_final",
        "With the count nearly over, Vladimir Putin had 88% of the vote in the presidential election.",
        "2024-03-18",
        "88%",
        "before_final",
    ),
    ("final", PUTIN, "2024-03-22", "87.3%", None),
]


@pytest.mark.parametrize(
    ("text", "published", "figure", "want"), [r[1:] for r in SCOPE], ids=[r[0] for r in SCOPE]
)
def test_scope(ref: ReferenceData, text: str, published: str, figure: str, want: str | None) -> None:
    assert _draft(ref, text, published, figure, bind_scope).scope_cue == want


DOUBT = [
    ("year", "In 2016, Leave received 17,410,742 votes.", "2020-01-01", "17,410,742", "year"),
    ("recent", PUTIN, "2024-03-22", "87.3%", "recent"),
    ("unnamed", EXPLAINER, "2026-01-10", "50%", "none"),
]


@pytest.mark.parametrize(
    ("text", "published", "figure", "want"), [r[1:] for r in DOUBT], ids=[r[0] for r in DOUBT]
)
def test_doubt(ref: ReferenceData, text: str, published: str, figure: str, want: str) -> None:
    assert _draft(ref, text, published, figure, bind_doubt).pinned_by == want
