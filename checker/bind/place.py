"""The region/option step: the reference keys of a bound figure.

A candidate's share is the share in the place named around it ("Putin won 95.23% in the
occupied Donetsk region"), else in the whole contest; a place's figure is that place's.
"51.9% to 48.1%" gives the second figure to the other side of a two-way contest. A share
of a referendum takes its side from the words next to it ("backed joining Russia": yes).
"""

from __future__ import annotations

from checker.bind.context import OPTION_TYPES, PLACE_TYPES, Context, Draft, Figure, clause, found, hits_in
from checker.bind.cues import (
    RE_AFTER_STOP,
    RE_AGAINST,
    RE_OPTION_BEFORE,
    RE_OWN_OPTION,
    RE_VERB_GAP,
    RE_YES_WORDS,
)
from checker.bind.entity import carried_place, excluded, forward_entity
from checker.model import Mention
from checker.reference import Election, ReferenceData
from checker.sentences import Sentence


def national_region(ref: ReferenceData, election: Election) -> str | None:
    """The region whose rows are the whole contest's, if one is (remembered per election)."""
    known: dict[str, str | None] = ref.derived("bind.national_region", lambda _: {})
    if election.id not in known:
        known[election.id] = _find_national_region(ref, election)
    return known[election.id]


def _find_national_region(ref: ReferenceData, election: Election) -> str | None:
    regions = {row.region for row in ref.results_for(election.id)}
    if len(regions) == 1:
        return next(iter(regions))
    canonical = ref.gazetteer.canonical(election.country)
    if canonical in regions:
        return canonical
    for region in regions:
        if region.lower() == election.country.lower():
            return region
    return None


def place_before(ctx: Context, m: Mention, sentence: Sentence, election: Election) -> str | None:
    """A place named earlier in the figure's clause, for a candidate's share: in "In the
    occupied Donetsk region, officials said Putin won more than 95%" the share is Donetsk's.
    The country itself, named in passing, is not such a place."""
    a, _b = clause(ctx, sentence, m.start)
    national = national_region(ctx.ref, election)
    for h in reversed(hits_in(ctx, a, m.start, PLACE_TYPES)):
        if excluded(ctx, h):
            continue
        if h.canonical != national and h.canonical.lower() != election.country.lower():
            return h.canonical
    return None


def place_after(
    ctx: Context, m: Mention, sentence: Sentence, election: Election, next_start: int
) -> str | None:
    """A place right after a candidate's share: "Putin won 95.23% in the occupied Donetsk
    region" is Donetsk's share, not Russia's."""
    hit = forward_entity(ctx, m, sentence, next_start, PLACE_TYPES)
    if hit is None or hit.canonical == national_region(ctx.ref, election):
        return None
    return hit.canonical if hit.canonical.lower() != election.country.lower() else None


def options(ref: ReferenceData, election: str) -> frozenset[str]:
    """The options with rows in ``election`` (remembered per election)."""
    known: dict[str, frozenset[str]] = ref.derived("bind.options", lambda _: {})
    if election not in known:
        known[election] = frozenset(row.option for row in ref.results_for(election) if row.option)
    return known[election]


def two_way_other(ctx: Context, election: str, region: str | None, option: str | None) -> str | None:
    """The other option of a region with exactly two, ``option`` being one of them."""
    choices = {r.option for r in ctx.ref.results_for(election) if r.option and r.region == region}
    if option not in choices or len(choices) != 2:
        return None
    return next(o for o in choices if o != option)


def referendum_option(ctx: Context, election: Election, fig: Figure) -> str | None:
    """'backed joining Russia' is the yes option of a referendum; 'against' is no.

    The words between the neighbouring figures and this one are its own; the rest of the
    sentence counts only when it names one side.
    """
    if "referendum" not in election.kind:
        return None
    m = fig.m
    # The option written right after the figure wins over the sentence's words: in
    # "50.46% voting Yes and 49.54% No" each share has its own.
    after = RE_AFTER_STOP.split(ctx.low[m.end : m.end + 40], maxsplit=1)[0]
    own = RE_OWN_OPTION.search(after)
    before = RE_OPTION_BEFORE.search(ctx.low, max(fig.prev_end, m.start - 12), m.start)
    if own is not None:
        wanted = "No" if own.group("no") else "Yes"
    elif before is not None:
        wanted = "Yes" if before.group("yes") else "No"
    else:
        wanted = side_near(ctx, m, fig.sentence, fig.around) or ""
    return wanted if wanted in options(ctx.ref, election.id) else None


def side_near(ctx: Context, m: Mention, sentence: Sentence, around: tuple[int, int]) -> str | None:
    """The side the words around a referendum figure take: first those up to the next
    figure, then those since the previous one, then the sentence if it names one side only."""
    lo, hi = max(sentence.start, around[0]), min(sentence.end, around[1])
    for start, end, last in ((m.end, hi, False), (lo, m.start, True)):
        hits = _sides(ctx, start, end)
        if hits:
            return (max if last else min)(hits)[1]
    no = found(ctx, RE_AGAINST, sentence.start, sentence.end)
    yes = found(ctx, RE_YES_WORDS, sentence.start, sentence.end)
    if no != yes:
        return "No" if no else "Yes"
    return None


def _sides(ctx: Context, start: int, end: int) -> list[tuple[int, str]]:
    """The side words in [start, end), as (position, side). A Yes word right before a No word
    is the verb of that No ("backed staying in Ukraine", "supported the no campaign"): dropped."""
    no = [(h.start(), h.end()) for h in RE_AGAINST.finditer(ctx.low, start, end)]
    yes = [(h.start(), h.end()) for h in RE_YES_WORDS.finditer(ctx.low, start, end)]
    yes = [(a, b) for a, b in yes if not any(RE_VERB_GAP.fullmatch(ctx.low, b, c) for c, _ in no)]
    return sorted([(a, "No") for a, _ in no] + [(a, "Yes") for a, _ in yes])


def bind_region_option(ctx: Context, fig: Figure, d: Draft) -> None:
    """Step: the reference keys ``region`` and ``option`` (see the module docstring)."""
    election = d.election
    assert election is not None
    if d.entity is not None and d.entity_type in OPTION_TYPES:
        d.option = d.entity
        d.region = (
            place_before(ctx, fig.m, fig.sentence, election)
            or place_after(ctx, fig.m, fig.sentence, election, fig.next_start)
            or national_region(ctx.ref, election)
        )
    elif d.entity is not None:
        d.region = d.entity
    versus = d.versus
    if versus is not None and versus.election == election.id and versus.option is not None:
        other = two_way_other(ctx, election.id, versus.region, versus.option)
        if other is not None and d.option in (None, versus.option):
            d.region, d.option, d.entity = versus.region, other, other
            d.other_side_of = versus.mention.text
    if d.region is None and d.entity is None:
        d.region = carried_place(ctx, fig.si, election) or national_region(ctx.ref, election)
        # noted for shares and counts only (a turnout without a place is the contest's as a rule)
        d.region_defaulted = d.region is not None and d.measure not in ("turnout", "registered")
        d.entity = d.region
    if d.measure in ("vote_share", "votes") and d.option is None and d.region is not None:
        d.option = d.carried_option or referendum_option(ctx, election, fig)
    if d.measure == "vote_share" and fig.m.kind == "percent":
        ctx.previous_share[fig.sentence.paragraph] = (
            d.measure,
            d.option if d.option in ("Yes", "No") else None,
        )
