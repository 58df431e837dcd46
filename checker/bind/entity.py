"""The entity step: the region, candidate, party or person a figure is about.

"X and Y ... A% and B%, respectively" binds in order; "A% in X" binds forward; a share
after "A won 51.9% against 48.1% for B" follows the shares before it; a share and its
count joined by ", or" share a name; otherwise the nearest name before the figure in the
same clause that has results in the article's elections. A country named in passing
yields to the region an earlier sentence of the paragraph (or the title) names.
"""

from __future__ import annotations

from checker.bind.context import (
    OPTION_TYPES,
    PLACE_TYPES,
    Context,
    Draft,
    Figure,
    Hit,
    clause,
    election_rank,
    entities,
    hits_in,
    weak,
)
from checker.bind.cues import (
    RE_EXCLUDING_BEFORE,
    RE_FORWARD_LINK,
    RE_LIST_JOIN,
    RE_LIST_NEXT,
    RE_PAIR_LINK,
    RE_RESPECTIVELY,
    RE_REST_OF_FIELD,
    RE_VERSUS,
)
from checker.model import Mention
from checker.reference import Election
from checker.sentences import Sentence


def respectively_entity(ctx: Context, m: Mention, sentence: Sentence) -> str | None:
    """'X and Y ... A% and B%, respectively': the figure's place in its list picks the name.

    The list is the run of figures (joined by "and" or commas) nearest the keyword; the
    names are those between the figure before the run (or the sentence start) and the run.
    """
    if sentence.start not in ctx.respectively:  # asked once per figure of the sentence
        ctx.respectively[sentence.start] = RE_RESPECTIVELY.search(ctx.low, sentence.start, sentence.end)
    keyword = ctx.respectively[sentence.start]
    if keyword is None:
        return None
    figures = [
        p
        for p in ctx.numeric
        if p.kind == m.kind and sentence.start <= p.start < sentence.end and id(p) not in ctx.progress_ids
    ]
    runs: list[list[Mention]] = []
    for p in figures:
        if runs and RE_LIST_JOIN.match(ctx.low[runs[-1][-1].end : p.start]):
            runs[-1].append(p)
        else:
            runs.append([p])
    runs = [r for r in runs if len(r) >= 2]
    if not runs:
        return None
    run = min(runs, key=lambda r: min(abs(keyword.start() - r[-1].end), abs(r[0].start - keyword.end())))
    if m not in run:
        return None
    before = [p for p in figures if p.end <= run[0].start]
    names_from = before[-1].end if before else sentence.start
    return _listed_name(ctx, hits_in(ctx, names_from, run[0].start, PLACE_TYPES | OPTION_TYPES), run, m)


def _listed_name(ctx: Context, names: list[Hit], run: list[Mention], m: Mention) -> str | None:
    """The name at the figure's place in ``run``, among the last names of the first ranked
    election that has as many of them as the run has figures."""
    for election in ctx.ranked:
        known = entities(ctx, election.id)
        ordered: list[str] = []
        for h in names:
            if h.canonical in known and h.canonical not in ordered:
                ordered.append(h.canonical)
        if len(ordered) >= len(run):
            return ordered[-len(run) :][run.index(m)]
    return None


def excluded(ctx: Context, h: Hit) -> bool:
    """Whether the text leaves the name out of the figure: "excluding Sevastopol", "ohne Berlin"."""
    return RE_EXCLUDING_BEFORE.search(ctx.low, max(0, h.start - 40), h.start) is not None


def forward_entity(
    ctx: Context,
    m: Mention,
    sentence: Sentence,
    next_start: int,
    types: frozenset[str] = PLACE_TYPES | OPTION_TYPES,
) -> Hit | None:
    """'99,23% voted yes in Donetsk': a name right after the figure, joined by in/for."""
    limit = min(sentence.end, next_start)
    for h in hits_in(ctx, m.end, limit, types):
        between = ctx.low[m.end : h.start]
        if RE_LIST_NEXT.match(between):
            break  # "in Zaporizhzhia 93.11% and in Kherson 87.05%": the next item's name
        if RE_FORWARD_LINK.search(between) and not excluded(ctx, h):
            return h
        if "," in between or ";" in between:
            break
    return None


def _pair_name(ctx: Context, share: Mention, limit: int) -> Hit | None:
    """The name right after a count's share, comma allowed: "75 million, or 48.3 percent,
    for Kamala Harris"."""
    for h in hits_in(ctx, share.end, limit, OPTION_TYPES):
        return h if RE_PAIR_LINK.fullmatch(ctx.low, share.end, h.start) else None
    return None


def backward_entities(ctx: Context, m: Mention, sentence: Sentence, types: frozenset[str]) -> list[Hit]:
    """Names before the figure, nearest first: its clause first, then places earlier in the sentence."""
    a, _ = clause(ctx, sentence, m.start)
    in_clause = hits_in(ctx, a, m.start, types)
    # A candidate named in another clause ("... voted against all, while the three other
    # candidates took 9.5%") is not this figure's; a place usually still is.
    # (Hits never overlap, so those before the clause start are the ones not in it.)
    earlier = [h for h in hits_in(ctx, sentence.start, m.start, types & PLACE_TYPES) if h.start < a]
    return [h for h in (*reversed(in_clause), *reversed(earlier)) if not excluded(ctx, h)]


def backward_entity(ctx: Context, m: Mention, sentence: Sentence, types: frozenset[str]) -> Hit | None:
    hits = backward_entities(ctx, m, sentence, types)
    return hits[0] if hits else None


def carried_place(ctx: Context, sentence_index: int, election: Election | None) -> str | None:
    """A region named in the previous sentences of the paragraph, or in the title."""
    if election is None:
        return None
    known = entities(ctx, election.id)
    here = ctx.sentences.sentences[sentence_index]
    for i in range(sentence_index - 1, max(sentence_index - 3, -1), -1):
        prev = ctx.sentences.sentences[i]
        if prev.paragraph != here.paragraph and i != 0:
            break
        for h in reversed(hits_in(ctx, prev.start, prev.end, PLACE_TYPES)):
            if h.canonical in known:
                return h.canonical
    if ctx.article.title:
        for name in ctx.ref.gazetteer.find(ctx.article.title):
            if name.type in PLACE_TYPES and name.canonical in known:
                return name.canonical
    return None


def parallel_option(ctx: Context, fig: Figure) -> str | None:
    """'A won 51.9% against 48.1% for B, with X votes to Y': X is A's, like the first share."""
    numeric, idx, sentence = ctx.numeric, fig.idx, fig.sentence
    m = numeric[idx]
    nxt = numeric[idx + 1] if idx + 1 < len(numeric) else None
    if nxt is None or nxt.start >= sentence.end or not RE_VERSUS.search(ctx.low[m.end : nxt.start]):
        return None
    for j in range(idx - 1, 0, -1):
        first, second = numeric[j - 1], numeric[j]
        if first.start < sentence.start:
            return None
        a, b = ctx.bound.get(id(first)), ctx.bound.get(id(second))
        if a is None or b is None or a.option is None or b.option is None or a.option == b.option:
            continue
        if a.election == b.election and a.measure == b.measure:
            return a.option
    return None


def nearest_entity(ctx: Context, fig: Figure, d: Draft) -> str | None:
    """The nearest name that belongs to the article's most likely election: in "99.2% in
    Donetsk had backed joining Russia, with turnout of 97.5%" the turnout is Donetsk's, not
    Russia's. A country named in passing ("voted to join Russia") yields to a specific region."""
    m, sentence, nxt = fig.m, fig.sentence, fig.nxt
    types = PLACE_TYPES if d.measure in ("turnout", "registered") else PLACE_TYPES | OPTION_TYPES
    fwd = forward_entity(ctx, m, sentence, fig.next_start)
    if fwd is None and d.followed_by_share and nxt is not None:
        # "against 75 million, or 48.3 percent, for Kamala Harris": the pair's name
        after = ctx.numeric[fig.idx + 2].start if fig.idx + 2 < len(ctx.numeric) else sentence.end
        fwd = _pair_name(ctx, nxt, min(after, sentence.end))
    if fwd is not None and fwd.type not in types:
        fwd = None
    candidates = ([fwd] if fwd else []) + backward_entities(ctx, m, sentence, types)
    ranked = [
        (h.type in PLACE_TYPES and weak(ctx, h.canonical), r, i, h)
        for i, h in enumerate(candidates)
        if (r := election_rank(ctx, h.canonical)) is not None
    ]
    if not ranked:
        return None
    return min(ranked, key=lambda t: (t[0], t[1], t[2]))[3].canonical


def _rest_of_field(ctx: Context, fig: Figure, entity: str) -> bool:
    """ "..., and the three other candidates took 12%": the rest of the field, not the
    candidate named before it."""
    m = fig.m
    if ctx.ref.gazetteer.type_of(entity) not in OPTION_TYPES:
        return False
    rest = RE_REST_OF_FIELD.search(ctx.low, max(fig.prev_end, m.start - 60), m.start)
    return rest is not None and not hits_in(ctx, rest.end(), m.start, OPTION_TYPES)


def bind_entity(ctx: Context, fig: Figure, d: Draft) -> None:
    """Step: the figure's name (see the module docstring), and its gazetteer type."""
    d.entity = respectively_entity(ctx, fig.m, fig.sentence)
    if d.entity is not None:
        d.respectively = True
    elif d.versus is None and (parallel := parallel_option(ctx, fig)) is not None:
        d.entity = parallel
        d.parallel = True
    elif d.or_pair is not None and d.or_pair.entity is not None:
        d.entity = d.or_pair.entity  # the share takes its count's name (found before or after the pair)
    else:
        d.entity = nearest_entity(ctx, fig, d)
    if d.entity is not None and _rest_of_field(ctx, fig, d.entity):
        d.entity = None
        d.parallel = False
    d.named_here = d.entity
    entity = d.entity
    if (
        entity is not None
        and ctx.ranked
        and ctx.ref.gazetteer.type_of(entity) in PLACE_TYPES
        and election_rank(ctx, entity)
        and weak(ctx, entity)
    ):
        # "97% had backed joining Russia, on a turnout of 83%" in a story about Crimea.
        carried = carried_place(ctx, fig.si, ctx.ranked[0])
        if carried is not None:
            d.entity = carried
            d.region_carried = True
    d.entity_type = ctx.ref.gazetteer.type_of(d.entity) if d.entity else None
