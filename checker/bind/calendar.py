"""Ages, spans and dates: whose age, and which vote a date or a span is about.

An age is the person's named right before it ("Ksenia Sobchak, 36,"), else the nearest
person in the sentence; an age at death takes the one person named just before. A date or
a span in a sentence about a vote is bound to that sentence's election.
"""

from __future__ import annotations

from checker.bind.context import Context, claim_id, found, hits_in, quote_of
from checker.bind.cues import RE_APPOSED_NAME, RE_DEATH, RE_VOTE_WORDS
from checker.bind.election import sentence_election
from checker.bind.entity import backward_entity
from checker.model import Claim, Measure, Mention
from checker.sentences import Sentence

PERSON = frozenset({"person"})


def _person_of_age(ctx: Context, m: Mention, sentence: Sentence) -> str | None:
    person = backward_entity(ctx, m, sentence, PERSON)
    apposed = RE_APPOSED_NAME.search(ctx.article.text, max(sentence.start, m.start - 60), m.start)
    if apposed is not None and (person is None or person.end < apposed.start()):
        # "Ksenia Sobchak, 36, won 1.68%": the age of the name just before it, known or not
        person = None
    elif person is None:
        hits = hits_in(ctx, m.end, sentence.end, PERSON)
        person = hits[0] if hits else None
    if person is None and apposed is None and RE_DEATH.search(ctx.low, sentence.start, sentence.end):
        # "... died ... at the age of 47" after a sentence that names him (and only him:
        # with two people named before, which one died is not known)
        before = hits_in(ctx, max(0, sentence.start - 400), sentence.start, PERSON)
        if len({h.canonical for h in before}) == 1:
            person = before[-1]
    return person.canonical if person else None


def bind_calendar(ctx: Context, m: Mention, sentence: Sentence) -> Claim:
    """The claim of an age, a span, a date or a year."""
    span = (sentence.start, sentence.end)
    if m.kind == "age":
        person = _person_of_age(ctx, m, sentence)
        return Claim(claim_id(m), m, entity=person, measure="age", sentence=span, quote=quote_of(ctx, span))
    measure: Measure = "elapsed" if m.kind == "duration" else "date"
    election = None
    if found(ctx, RE_VOTE_WORDS, sentence.start, sentence.end):
        election = sentence_election(ctx, sentence)
    return Claim(
        claim_id(m),
        m,
        election=election.id if election else None,
        measure=measure,
        scope="final" if election else "unknown",
        sentence=span,
        quote=quote_of(ctx, span),
    )
