"""The scope step: whether a figure is the final result or something short of it.

Cue words in the figure's clause or sentence ("exit poll", "the opposition says",
"preliminary", "with 50% of ballots counted", "votes abroad"), a place the reference tables
do not cover ("In Wales, Leave won 52.5%"), and the calendar: an article published before
the final result was announced reports preliminary figures.
"""

from __future__ import annotations

from checker.bind.context import Context, Draft, Figure, clause, found, has_progress_figure, hit_over
from checker.bind.cues import (
    NOT_PLACES,
    RE_CLAIMED_BY,
    RE_EXIT_POLL,
    RE_NAME_GAP,
    RE_NAME_WORD,
    RE_PLACE_BEFORE,
    RE_PLACE_SUBJECT,
    RE_PRELIMINARY,
    RE_SUB_POPULATION,
)
from checker.model import Mention, Scope, ScopeCue
from checker.sentences import Sentence

# The scope each cue gives.
SCOPE_OF: dict[ScopeCue, Scope] = {
    "exit_poll": "exit_poll",
    "claimed_by": "claimed_by",
    "partial": "partial",
    "sub_population": "sub_population",
    "unknown_place": "sub_population",
    "before_final": "preliminary",
}


def unknown_place(ctx: Context, sentence: Sentence, m: Mention) -> str | None:
    """The capitalised place name the sentence puts the figure in, when no table knows it.

    Such a figure is about a part of the contest our tables do not hold; checked against
    the national result it would be a false discrepancy.
    """
    text = ctx.article.text
    start = -1
    for match in RE_PLACE_BEFORE.finditer(text, sentence.start, m.start):
        start = max(start, match.start("place"))
    subject = RE_PLACE_SUBJECT.match(text, sentence.start, m.start)
    if subject is not None and all(
        w[0].isupper() for w in text[subject.start("place") : subject.start("verb")].split()
    ):
        start = max(start, subject.start("place"))  # "Northern Ireland backed", not "Days later it went"
    if start < 0 or not text[start].isupper():
        return None
    words: list[str] = []
    for w in RE_NAME_WORD.finditer(text, start, m.start):
        if not w.group()[0].isupper() or hit_over(ctx, w.start(), w.end()):
            break  # the name ends before a known name ("in Wales Leave won")
        words.append(w.group())
        if not RE_NAME_GAP.match(text, w.end()):
            break  # at most four words, joined by white space only
        if len(words) == 4:
            break
    if not words or words[0].lower().rstrip(".") in NOT_PLACES or words[0].isupper():
        return None  # a month, a pronoun, an all-caps dateline or acronym, a known name
    return " ".join(words).rstrip(".,")


def _cue(ctx: Context, fig: Figure, d: Draft) -> ScopeCue | None:
    m, sentence = fig.m, fig.sentence
    a, b = clause(ctx, sentence, m.start)
    if found(ctx, RE_EXIT_POLL, a, b):
        return "exit_poll"
    if found(ctx, RE_CLAIMED_BY, sentence.start, sentence.end):
        return "claimed_by"
    if has_progress_figure(ctx, sentence) or found(ctx, RE_PRELIMINARY, sentence.start, sentence.end):
        return "partial"
    if found(ctx, RE_SUB_POPULATION, a, b):
        return "sub_population"
    d.unknown_place = unknown_place(ctx, sentence, m)
    if d.unknown_place is not None:
        return "unknown_place"
    published = ctx.article.published
    if d.election is not None and published is not None:
        final_date = d.election.result_date or d.election.end
        if published < final_date:
            d.before_final = (published, final_date)
            return "before_final"
    return None


def bind_scope(ctx: Context, fig: Figure, d: Draft) -> None:
    """Step: the scope, and the cue that set it when it is not final."""
    d.scope_cue = _cue(ctx, fig, d)
    d.scope = "final" if d.scope_cue is None else SCOPE_OF[d.scope_cue]
