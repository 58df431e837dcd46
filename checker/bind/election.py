"""The election step: which vote a figure is from.

Elections are ranked per article (:func:`rank_elections`): names and regions/candidates in
the text that have results in an election, its kind and name, years in the text, and
recency relative to the publication date. A figure then takes the best-ranked election with
rows for its name (:func:`pick_election`), unless a year in its sentence pins another one,
or the figure before it in the paragraph carries its election ("Turnout was put at 83%.").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from checker.bind.context import (
    Context,
    Draft,
    Figure,
    Hit,
    clause,
    election_count,
    entities,
    found,
    hits_in,
    years_in,
)
from checker.bind.cues import (
    RE_EXIT_POLL,
    RE_LAST_ELECTION,
    RE_OPINION_POLL,
    RE_REGIONS_AFTER,
    RE_VOTE_CONTEXT,
)
from checker.elections import (
    EUROPEAN_CUE,
    KIND_CUES,
    country_names,
    election_entities,
    election_kind_family,
)
from checker.model import Article, Claim
from checker.reference import Election, ReferenceData
from checker.sentences import Sentence


def election_names(ref: ReferenceData) -> dict[str, tuple[str, ...]]:
    """Per election its names longer than five letters, lower-cased (looked for in the text)."""
    return ref.derived("bind.election_names", _election_names)


def _election_names(ref: ReferenceData) -> dict[str, tuple[str, ...]]:
    return {e.id: tuple(n.lower() for n in (e.name, *e.names) if len(n) > 5) for e in ref.elections.values()}


def in_progress(election: Election, published: dt.date) -> bool:
    """Published between the first voting day and a fortnight after the final result."""
    final = election.result_date or election.end
    return election.start <= published <= final + dt.timedelta(days=14)


def elections_by_country(ref: ReferenceData) -> tuple[list[Election], dict[str, list[Election]]]:
    """The hand-curated elections, and the imported ones per country (binding looks only at
    the article's countries, so a thousand elections cost what a few dozen do)."""
    return ref.derived("bind.by_country", _by_country)


def _by_country(ref: ReferenceData) -> tuple[list[Election], dict[str, list[Election]]]:
    curated: list[Election] = []
    imported: dict[str, list[Election]] = {}
    for e in ref.elections.values():
        if e.dataset:
            imported.setdefault(e.country, []).append(e)
        else:
            curated.append(e)
    return curated, imported


def article_families(low: str) -> frozenset[str]:
    """The kinds of election the article's words name ("european_parliament" for the EP)."""
    families = {family for family, cue in KIND_CUES.items() if cue.search(low)}
    if EUROPEAN_CUE.search(low):
        families.add("european_parliament")
    return frozenset(families)


def _kind_fits(election: Election, families: frozenset[str]) -> bool:
    """An imported election counts when the article names its kind, or names no kind (a
    European Parliament election must be named: "parliament" alone is the national one)."""
    family = election_kind_family(election.kind)
    if family == "european_parliament" or families:
        return family in families
    return True


def rank_elections(
    article: Article,
    hits: Sequence[Hit],
    ref: ReferenceData,
    years: set[int],
    countries: frozenset[str] = frozenset(),
) -> list[Election]:
    """Elections this article may be about, best first (see the module docstring).

    The hand-curated elections, and the imported ones of ``countries`` whose kind fits.
    """
    low = article.text.lower()
    names = {h.canonical for h in hits}
    scored: list[tuple[int, int, str, Election]] = []
    cued: dict[str, bool] = {}  # kind family -> its cue occurs in the text (asked per election)
    names_of = election_names(ref)
    curated, imported = elections_by_country(ref)
    pool = list(curated)
    if countries:
        families = article_families(low)
        for country in sorted(countries):
            pool += [e for e in imported.get(country, ()) if _kind_fits(e, families)]
    for election in pool:
        if article.published is not None and election.start > article.published:
            continue  # an election after the article cannot be what it reports
        entities_of = election_entities(ref, election.id)
        score = 2 * len(names & entities_of) + (5 if election.id in names else 0)
        if not names & entities_of and election.id not in names:
            continue
        family = election_kind_family(election.kind)
        cue = KIND_CUES.get(family)
        if cue is not None and family not in cued:
            cued[family] = cue.search(low) is not None
        if cued.get(family):
            score += 2
        if any(n in low for n in names_of[election.id]):
            score += 3
        if election.end.year in years or election.start.year in years:
            score += 1
        if article.published is not None and in_progress(election, article.published):
            score += 3  # an article written while the vote is on or being counted
        if article.published is not None:
            age_days = (article.published - election.end).days
        else:
            age_days = (dt.date.max - election.end).days
        scored.append((-score, age_days, election.id, election))
    scored.sort(key=lambda t: t[:3])
    return [t[3] for t in scored]


def implied(ctx: Context) -> list[Election]:
    """The ranked elections a sentence that names nobody may be about.

    Usually all of them. When the article is mostly about a country none of the reference
    elections was held in (a story on Brazil's election that quotes "US President Joe
    Biden" once), only those it names outright or dates by their year: its turnout figure
    must not be checked against the US election.
    """
    if not ctx.ranked or not _foreign_subject(ctx):
        return ctx.ranked
    names_of = election_names(ctx.ref)
    return [
        e
        for e in ctx.ranked
        if any(n in ctx.low for n in names_of[e.id]) or e.end.year in ctx.years or e.start.year in ctx.years
    ]


def _foreign_subject(ctx: Context) -> bool:
    """Whether one country without reference elections is named more often (at least twice)
    than all the countries that have them together."""
    home = ctx.ref.derived("bind.election_countries", lambda ref: {e.country for e in ref.elections.values()})
    foreign: dict[str, int] = {}
    domestic = sum(1 for h in ctx.hits if h.canonical in home)
    for m in country_names(ctx.article.language or "en").finditer(ctx.article.text):
        name = m.group()
        if name in home:
            continue
        foreign[name] = foreign.get(name, 0) + 1
    top = max(foreign.values(), default=0)
    return top >= 2 and top > domestic


def pick_election(
    ctx: Context, entity: str | None, sentence: Sentence, around: tuple[int, int] | None = None
) -> Election | None:
    """The best-ranked election with rows for ``entity`` (or any, when there is none).

    A year in the sentence pins the election. With ``around`` (the end of the figure before
    and the start of the figure after), years between those two figures come first, then
    years earlier in the sentence; a year after the next figure is that figure's: in
    "turnout was 64%, below the 66% record of 2020" the year is the record's.
    """
    windows = [(sentence.start, sentence.end)]
    if around is not None:
        windows = [around, (sentence.start, around[1])]
    sentence_years: set[int] = set()
    for a, b in windows:
        sentence_years = {y for y in years_in(ctx, a, b) if y in ctx.years}
        if sentence_years:
            break
    candidates = ctx.ranked
    if entity is not None:
        candidates = [e for e in candidates if entity in entities(ctx, e.id)]
    else:
        candidates = ctx.implied  # a sentence that names nobody: what the article is about
    if sentence_years:
        dated = [e for e in candidates if e.end.year in sentence_years or e.start.year in sentence_years]
        # A year no election of the tables has: the figure is about that other vote ("in
        # 1994, when he won the first presidential election with 80.6%").
        return dated[0] if dated else None
    if not candidates:
        return None
    if _after_coverage(ctx, candidates[0]) and not found(ctx, RE_LAST_ELECTION, sentence.start, sentence.end):
        return None  # the article is about a later vote of that country, which no table holds
    if ctx.article.published is None and len(candidates) > 1:
        # Undated article: the election must be pinned by the text ("the last election").
        sentence_low = ctx.low[sentence.start : sentence.end]
        if RE_LAST_ELECTION.search(sentence_low):
            return max(candidates, key=lambda e: e.end)
        return candidates[0] if candidates[0].end.year in ctx.years else None
    return candidates[0]


# An imported election this long before the article is not what it reports, when the
# article names a later year that no table has an election of that country in.
_STALE_DAYS = 300


def _after_coverage(ctx: Context, election: Election) -> bool:
    """Whether the article is about a vote of ``election``'s country later than every one
    the tables hold (Poland 2023 when the packs end in 2019): an imported election only."""
    published = ctx.article.published
    if not election.dataset or published is None or (published - election.end).days < _STALE_DAYS:
        return False
    _, imported = elections_by_country(ctx.ref)
    held = {e.end.year for e in imported.get(election.country, ())}
    later = [y for y in ctx.years | {published.year} if election.end.year < y <= published.year]
    return any(y not in held for y in later)


def sentence_election(ctx: Context, sentence: Sentence) -> Election | None:
    """The election a sentence is about: named outright, else by kind and names, else the article's."""
    if sentence.start not in ctx.sentence_elections:  # asked once per date in the sentence
        ctx.sentence_elections[sentence.start] = _find_sentence_election(ctx, sentence)
    return ctx.sentence_elections[sentence.start]


def _find_sentence_election(ctx: Context, sentence: Sentence) -> Election | None:
    hits = hits_in(ctx, sentence.start, sentence.end)
    for h in hits:
        if h.type == "election" and h.canonical in ctx.ref.elections:
            return ctx.ref.elections[h.canonical]
    sentence_low = ctx.low[sentence.start : sentence.end]
    families = {k for k, cue in KIND_CUES.items() if found(ctx, cue, sentence.start, sentence.end)}
    candidates = [e for e in ctx.ranked if not families or election_kind_family(e.kind) in families]
    if not candidates:
        return None
    # The article's most likely election is the prior; a sentence moves away from it only
    # when it names more of another election's regions or candidates.
    names = {h.canonical for h in hits}
    best: tuple[float, int, Election] | None = None  # the first of the highest scores
    for i, e in enumerate(candidates):
        specific = sum(2 / election_count(ctx, n) for n in names & entities(ctx, e.id)) if names else 0
        country = 1.0 if e.country[:5].lower() in sentence_low else 0.0
        prior = 1.5 if e is ctx.ranked[0] else 0.0
        score = specific + country + prior - 0.01 * i
        if best is None or score > best[0]:
            best = (score, i, e)
    assert best is not None
    return best[2]


def _pins_another_year(ctx: Context, sentence: Sentence, claim: Claim) -> bool:
    """Whether the sentence names a year of the article's votes that is not the claim's election's."""
    election = ctx.ref.elections.get(claim.election or "")
    if election is None:
        return False
    years = {y for y in years_in(ctx, sentence.start, sentence.end, relative=False) if y in ctx.years}
    return bool(years) and not years & {election.start.year, election.end.year}


def _recent_claim(ctx: Context, sentence_index: int) -> Claim | None:
    """The last bound result figure in this sentence or the one before (same paragraph).

    Only the last one can be: figures are bound in text order, so an earlier one lies in
    the same sentence as the last (the same paragraph) or further back (too far).
    """
    claim = ctx.placed
    if claim is None or not ctx.sentences.sentences:
        return None
    here = ctx.sentences.sentences[sentence_index]
    i = ctx.sentences.index_of(claim.mention.start)
    if sentence_index - i > 1 or ctx.sentences.sentences[i].paragraph != here.paragraph:
        return None
    return claim


def region_count_election(ctx: Context, fig: Figure) -> Election | None:
    """For a count of regions in a sentence about a vote ("all four regions voted"), that
    vote, when elections.csv says how many regions held it (English only)."""
    m = fig.m
    if ctx.article.language not in (None, "en") or not RE_REGIONS_AFTER.match(ctx.low, m.end):
        return None
    if not found(ctx, RE_VOTE_CONTEXT, *fig.span):
        return None
    election = pick_election(ctx, None, fig.sentence, fig.around)
    if election is None or election.regions is None:
        return None
    return election


def stop_without_measure(ctx: Context, fig: Figure, d: Draft) -> None:
    """Step: a figure without a measure is not bound to a vote, unless it counts the
    regions that held one."""
    if d.measure is not None:
        return
    d.stop = "no_measure"
    if fig.m.kind == "count":
        d.election = region_count_election(ctx, fig)
        d.region_count = d.election is not None


def stop_opinion_poll(ctx: Context, fig: Figure, d: Draft) -> None:
    """Step: an opinion poll or survey in the figure's clause is no result (an exit poll is)."""
    a, b = clause(ctx, fig.sentence, fig.m.start)
    if found(ctx, RE_OPINION_POLL, a, b) and not found(ctx, RE_EXIT_POLL, a, b):
        d.stop = "opinion_poll"


def bind_election(ctx: Context, fig: Figure, d: Draft) -> None:
    """Step: the election, carried from the previous figure or picked; stops when none is."""
    recent = _recent_claim(ctx, fig.si) if d.entity is None else None
    if recent is not None and _pins_another_year(ctx, fig.sentence, recent):
        recent = None  # "- 2004: 71.31% on a turnout of 64.32%" after the 2000 line
    if recent is not None and recent.election is not None and recent.election in ctx.ref.elections:
        # "Turnout was put at 83%." right after a sentence about the Crimean vote.
        d.election = ctx.ref.elections[recent.election]
        d.entity = recent.region
        d.election_carried = True
    else:
        d.election = pick_election(ctx, d.entity, fig.sentence, fig.around)
    if d.election is None:
        d.stop = "no_election" if d.entity is None else "ambiguous_election"
    elif d.named_here != d.entity and d.entity is not None:
        d.named_here = None  # replaced by a place carried from an earlier sentence
