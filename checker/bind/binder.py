"""Binding an article's figures, in order: each number goes through the steps of
:data:`STEPS` until one stops it.

measure -> entity -> (measure from entity) -> election -> region/option -> scope -> doubt
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from checker.bind.calendar import bind_calendar
from checker.bind.context import (
    Context,
    Draft,
    Figure,
    Hit,
    claim_id,
    figure_at,
    is_progress,
    quote_of,
    relative_years,
)
from checker.bind.cues import MAJORITY_NOUNS, MARGIN_BY, RE_MARGIN
from checker.bind.doubt import bind_doubt
from checker.bind.election import (
    bind_election,
    implied,
    rank_elections,
    stop_opinion_poll,
    stop_without_measure,
)
from checker.bind.entity import bind_entity
from checker.bind.measure import bind_measure, keep_vote_measure, measure_from_entity, stop_on_change
from checker.bind.notes import note_of
from checker.bind.place import bind_region_option
from checker.bind.scope import bind_scope
from checker.elections import article_countries, entity_tables
from checker.model import Article, Binding, Claim, Measure, Mention
from checker.reference import ReferenceData
from checker.sentences import Sentence, sentences_of

Step = Callable[[Context, Figure, Draft], None]

STEPS: tuple[Step, ...] = (
    stop_on_change,
    bind_measure,
    bind_entity,
    measure_from_entity,
    keep_vote_measure,
    stop_without_measure,
    stop_opinion_poll,
    bind_election,
    bind_region_option,
    bind_scope,
    bind_doubt,
)
# A stop keeps the name found before it only when the election is what is missing.
_KEEPS_ENTITY = (None, "no_election", "ambiguous_election")


def bind_mentions(article: Article, mentions: Sequence[Mention], ref: ReferenceData) -> list[Claim]:
    """Bind every mention of one article; unbound ones keep measure 'other'.

    >>> bind_mentions.__name__
    'bind_mentions'
    """
    ctx = new_context(article, mentions, ref)
    return [bind_one(ctx, m) for m in mentions]


def new_context(article: Article, mentions: Sequence[Mention], ref: ReferenceData) -> Context:
    """What binding knows of ``article`` before its first figure: names, elections ranked, years."""
    text = article.text
    found = ref.gazetteer.find(text)
    countries: frozenset[str] = frozenset()
    if ref.packs:  # names of the packs belong to a country: only the article's count
        named = ((h.text, h.canonical) for h in found)
        countries = article_countries(ref, text, article.language or "en", named)
        found = ref.gazetteer.find(text, countries=countries)
    hits = [Hit(h.start, h.end, h.canonical, h.type) for h in found]
    years = {int(str(m.low)[:4]) for m in mentions if m.kind in ("year", "date", "date_range") and m.low}
    relative = relative_years(mentions)
    years |= {y for _, ys in relative for y in ys}
    ctx = Context(
        article=article,
        ref=ref,
        low=text.lower(),
        sentences=sentences_of(text),
        hits=hits,
        hit_starts=[h.start for h in hits],
        ranked=[],
        years=years,
        progress=[],
        relative_years=relative,
        countries=countries,
    )
    ctx.entities, ctx.election_counts = entity_tables(ref)
    ctx.ranked = rank_elections(article, hits, ref, years, countries)
    ctx.implied = implied(ctx)
    ctx.progress = [m for m in mentions if is_progress(ctx, m)]
    ctx.progress_ids = {id(p) for p in ctx.progress}
    ctx.numeric = [m for m in mentions if m.kind in ("percent", "count")]
    ctx.numeric_index = {id(m): i for i, m in enumerate(ctx.numeric)}
    return ctx


def bind_one(ctx: Context, m: Mention) -> Claim:
    sentence = ctx.sentences.at(m.start)
    if id(m) in ctx.progress_ids:
        return _unbound(ctx, m, sentence, "other", Binding(stop="progress"))
    if m.kind not in ("percent", "count"):
        return bind_calendar(ctx, m, sentence)
    margin = RE_MARGIN.search(ctx.low[max(sentence.start, m.start - 40) : m.start])
    if margin is not None and not (
        m.kind == "percent"
        and (
            any(w in margin.group() for w in MAJORITY_NOUNS)
            or not MARGIN_BY.isdisjoint(margin.group().split())
        )
    ):  # "won by 51.9% to 48.1%" gives the shares; "won by 11,779 votes" a margin
        return _unbound(ctx, m, sentence, "count" if m.kind == "count" else "other", Binding(stop="margin"))
    claim = bind_number(ctx, m, sentence)
    ctx.bound[id(m)] = claim
    if claim.election is not None and claim.region is not None:
        ctx.placed = claim
    return claim


def _unbound(ctx: Context, m: Mention, sentence: Sentence, measure: Measure, binding: Binding) -> Claim:
    span = (sentence.start, sentence.end)
    return Claim(
        claim_id(m),
        m,
        measure=measure,
        sentence=span,
        quote=quote_of(ctx, span),
        note=note_of(binding),
        binding=binding,
    )


def bind_number(ctx: Context, m: Mention, sentence: Sentence) -> Claim:
    """The claim of a percent or count: the steps of :data:`STEPS`, in order, until one stops."""
    fig = figure_at(ctx, m, sentence)
    d = Draft()
    for step in STEPS:
        step(ctx, fig, d)
        if d.stop is not None:
            break
    binding = d.binding()
    span = fig.span
    return Claim(
        claim_id(m),
        m,
        election=d.election.id if d.election is not None else None,
        entity=d.entity if d.stop in _KEEPS_ENTITY else None,
        measure=d.measure or ("count" if m.kind == "count" else "other"),
        scope=d.scope,
        region=d.region,
        option=d.option,
        sentence=span,
        quote=quote_of(ctx, span),
        note=note_of(binding),
        binding=binding,
    )
