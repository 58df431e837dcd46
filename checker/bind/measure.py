"""The measure step: what a figure measures (turnout, a vote share, a number of votes...).

Cue words around the figure decide ("turnout", "took part", "backed", "received ... of the
vote", "votes", "registered"); a figure paired with its neighbour (", or", "to") takes that
one's measure. Once the entity is known, a candidate's percentage in a sentence about a vote
is a share, and "In Luhansk the figure was 98.4%" carries the measure of the sentence before.
A measure outside a sentence about a vote is dropped: such a figure is never checked.
"""

from __future__ import annotations

from checker.bind.context import OPTION_TYPES, Context, Draft, Figure, clause, found
from checker.bind.cues import (
    RE_CHANGE_AFTER,
    RE_CHANGE_BEFORE,
    RE_CHOICE,
    RE_OR_PAIR,
    RE_OWN_OPTION,
    RE_REGISTERED,
    RE_REGISTERED_BEFORE,
    RE_SAME_MEASURE,
    RE_SHARE,
    RE_TOOK_PART_AFTER,
    RE_TURNOUT,
    RE_TURNOUT_AFTER,
    RE_TURNOUT_SUBJECT,
    RE_VERSUS,
    RE_VOTE_CONTEXT,
    RE_VOTES_AFTER,
)
from checker.model import Measure


def is_change(left: str, right: str) -> bool:
    """Whether a percentage measures a change ("turnout rose 4.2%", "a 3% swing").

    >>> is_change("turnout rose ", " on 2018"), is_change("turnout was ", "")
    (True, False)
    """
    return bool(RE_CHANGE_BEFORE.search(left) or RE_CHANGE_AFTER.match(right))


def stop_on_change(ctx: Context, fig: Figure, d: Draft) -> None:
    """Step: a percentage that measures a change is not bound ("rose by almost 10%")."""
    if fig.m.kind == "percent" and is_change(fig.left, fig.right):
        d.stop = "change"


def cue_measure(ctx: Context, fig: Figure) -> Measure | None:
    """The measure the words around the figure name, if any."""
    m, left, right = fig.m, fig.left, fig.right
    if m.kind == "percent":
        if RE_TURNOUT_SUBJECT.search(ctx.low[max(fig.prev_end, fig.sentence.start) : m.start]):
            return "turnout"  # "Turnout in the referendum, which Leave won, was 72.2%"
        cues = list(RE_TURNOUT.finditer(left))
        cue = cues[-1] if cues else None
        # "82.86% of those who took part voted yes, with 12.78% voting no": the second
        # figure is a share of the participants, not the turnout
        if (cue is not None and not RE_CHOICE.search(left, cue.end())) or RE_TURNOUT_AFTER.match(right):
            return "turnout"
        if RE_TOOK_PART_AFTER.match(right):
            return "turnout"
        a, b = clause(ctx, fig.sentence, m.start)
        if RE_SHARE.search(left) or RE_SHARE.search(right) or found(ctx, RE_SHARE, a, b):
            return "vote_share"
        return None
    # counts
    if RE_REGISTERED.search(right[:40]) or _registered_before(ctx, fig):
        return "registered"
    if RE_VOTES_AFTER.search(right) or RE_OWN_OPTION.match(right):
        return "votes"  # "684,946 votes", "684,946 voted No"
    return None


def _registered_before(ctx: Context, fig: Figure) -> bool:
    """Registered voters named right before the count: "an electorate of 6.8 million"; not when
    they are the noun of the count before ("Of 6,815,667 registered voters, 4,440,830 voted Yes")."""
    if RE_REGISTERED_BEFORE.search(fig.left[-30:]) is None:
        return False
    prev = fig.prev
    # the count before is the registered one when the cue follows it
    return not (
        prev is not None
        and prev.kind == "count"
        and fig.m.start - len(fig.left) == prev.end
        and RE_REGISTERED.search(fig.left[:40]) is not None
    )


def bind_measure(ctx: Context, fig: Figure, d: Draft) -> None:
    """Step: the measure from cue words, else from the figure paired with this one."""
    m, prev, nxt = fig.m, fig.prev, fig.nxt
    d.measure = cue_measure(ctx, fig)
    prev_claim = ctx.bound.get(id(prev)) if prev else None
    # A share and its count joined by ", or": same subject.
    if prev is not None and RE_OR_PAIR.search(ctx.low[prev.end : m.start]):
        d.or_pair = prev_claim
    d.followed_by_share = (
        nxt is not None
        and nxt.kind == "percent"
        and RE_OR_PAIR.search(ctx.low[m.end : nxt.start]) is not None
    )
    if d.measure is None and m.kind == "count" and d.followed_by_share:
        d.measure = "votes"
    if d.measure is None and d.or_pair is not None and d.or_pair.measure in ("vote_share", "votes"):
        d.measure = "votes" if m.kind == "count" else "vote_share"
    if prev is not None and prev.kind == m.kind and RE_VERSUS.search(ctx.low[prev.end : m.start]):
        d.versus = prev_claim
    if d.measure is None and d.versus is not None and d.versus.measure != "other":
        d.measure = d.versus.measure


def measure_from_entity(ctx: Context, fig: Figure, d: Draft) -> None:
    """Step (after the entity): a candidate's percentage is a share ("Kharitonov came second
    with 4.31%"); "the figure was" carries the measure of the paragraph's last share."""
    if d.measure is not None or fig.m.kind != "percent" or d.entity is None:
        return
    if d.entity_type in OPTION_TYPES and found(ctx, RE_VOTE_CONTEXT, *fig.span):
        d.measure = "vote_share"
        return
    paragraph = fig.sentence.paragraph
    earlier = ctx.previous_share.get(paragraph) or ctx.previous_share.get(paragraph - 1)
    if earlier is not None and RE_SAME_MEASURE.search(ctx.low[fig.span[0] : fig.span[1]]):
        d.measure, d.carried_option = earlier
        d.measure_carried = True


def keep_vote_measure(ctx: Context, fig: Figure, d: Draft) -> None:
    """Step: a measure outside a sentence about a vote is dropped (unless the measure was
    carried from a sentence about one)."""
    if d.measure is None or found(ctx, RE_VOTE_CONTEXT, *fig.span):
        return
    prev_sentence = ctx.sentences.sentences[fig.si - 1] if fig.si > 0 else None
    if not (
        d.measure_carried  # the previous sentence's measure, in a sentence about a vote
        and prev_sentence is not None
        and found(ctx, RE_VOTE_CONTEXT, prev_sentence.start, prev_sentence.end)
    ):
        d.measure = None  # not a sentence about a vote: never checked against results
