"""The doubt step: whether the figure's own sentence says which vote it is from.

A figure bound to an election only through the rest of the article (an explainer's
"Turnout then was 68.8%") is flagged ``election_pinned_by == "none"``; the checks then do
not call it a discrepancy against that election's final result.
"""

from __future__ import annotations

from checker.bind.context import Context, Draft, Figure, entities, years_in
from checker.bind.cues import RE_LATEST_VOTE
from checker.bind.election import election_names, in_progress
from checker.model import PinnedBy
from checker.reference import Election
from checker.sentences import Sentence

# How long after a vote an article naming its people or places is taken to be about it.
RECENT_DAYS = 400


def pinned_by(
    ctx: Context, sentence: Sentence, election: Election, entity: str | None, around: tuple[int, int]
) -> PinnedBy:
    """What in the sentence says which vote its figure is from: the vote's year or name, a
    person or place of that vote alone among the article's, or (for the vote the article is
    mainly about, reported within a year) any of its names; "none" when nothing does. An
    explainer's "Turnout then was 68.8%" or "The SPD won 25.7%, on a turnout of 76.6%" is not."""
    for a, b in (around, (sentence.start, around[1])):  # the figure's own years, as pick_election reads them
        years = set(years_in(ctx, a, b, relative=False))  # "Three years ago" says when, not which vote
        if years:
            if years & {election.start.year, election.end.year}:
                return "year"
            break
    low = ctx.low[sentence.start : sentence.end]
    if any(n in low for n in election_names(ctx.ref)[election.id]):
        return "name"
    if entity is not None:
        having = [e for e in ctx.ranked if entity in entities(ctx, e.id)]
        if having == [election]:
            return "entity"
        if RE_LATEST_VOTE.search(low) and max(having, key=lambda e: e.end) is election:
            return "latest_vote"  # "in the last Russian presidential elections, ... Putin received 88%"
    return _own_vote(ctx, election, entity)


def _own_vote(ctx: Context, election: Election, entity: str | None) -> PinnedBy:
    """The article's own vote: named by its people or places within a year ("recent"), or
    any figure of a story written while it is counted or just after ("in_progress")."""
    published = ctx.article.published
    if published is None or not ctx.ranked or ctx.ranked[0] is not election:
        return "none"
    if entity is not None and (published - election.end).days <= RECENT_DAYS:
        return "recent"
    return "in_progress" if in_progress(election, published) else "none"


def bind_doubt(ctx: Context, fig: Figure, d: Draft) -> None:
    """Step: ``election_pinned_by`` for the election bound (from the name of this sentence)."""
    assert d.election is not None
    around = (max(fig.prev_end, fig.sentence.start), fig.next_start)
    d.pinned_by = pinned_by(ctx, fig.sentence, d.election, d.named_here, around)
