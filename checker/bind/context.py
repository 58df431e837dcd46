"""What binding knows about one article, one figure, and the claim being built.

:class:`Context` is made once per article: its lower-cased text, sentences, the known names
found in it (:class:`Hit`), its elections ranked, and answers kept because several figures
ask the same question. :class:`Figure` is a number with its neighbours in the sentence;
:class:`Draft` collects what the steps of :func:`checker.bind.binder.bind_number` decide.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from checker.bind.cues import RE_PINNING_YEAR, RE_PROGRESS_AFTER
from checker.elections import NO_NAMES
from checker.model import (
    Article,
    Binding,
    BindStop,
    Claim,
    Measure,
    Mention,
    PinnedBy,
    Scope,
    ScopeCue,
)
from checker.reference import Election, ReferenceData
from checker.sentences import Sentence, SentenceIndex, clause_bounds, quote

PLACE_TYPES = frozenset({"place"})
OPTION_TYPES = frozenset({"person", "party", "option"})


def claim_id(m: Mention) -> str:
    """A stable id: the same mention of the same article always gets the same id."""
    digest = hashlib.sha1(f"{m.article}\0{m.start}\0{m.end}\0{m.kind}".encode()).hexdigest()
    return "C" + digest[:10]


@dataclass(frozen=True, slots=True)
class Hit:
    """A known name found in the text (gazetteer), with its canonical form and type."""

    start: int
    end: int
    canonical: str
    type: str


@dataclass(slots=True)
class Context:
    article: Article
    ref: ReferenceData
    low: str  # lower-cased text
    sentences: SentenceIndex
    hits: list[Hit]
    ranked: list[Election]
    years: set[int]
    progress: list[Mention]
    progress_ids: set[int] = field(default_factory=set)  # id() of the progress figures
    hit_starts: list[int] = field(default_factory=list)
    numeric: list[Mention] = field(default_factory=list)  # the percents and counts, in text order
    numeric_index: dict[int, int] = field(default_factory=dict)  # id(mention) -> position
    bound: dict[int, Claim] = field(default_factory=dict)  # id(mention) -> its claim, for pairs
    # the last claim bound with an election and a region (what "Turnout was put at 83%." right
    # after a result carries on): kept as it comes, so no figure looks back over the others
    placed: Claim | None = None
    # paragraph -> the measure and option of its last vote share (carried by "the figure was")
    previous_share: dict[int, tuple[Measure, str | None]] = field(default_factory=dict)
    entities: dict[str, frozenset[str]] = field(default_factory=dict)  # see entity_tables
    election_counts: dict[str, int] = field(default_factory=dict)
    quotes: dict[tuple[int, int], str] = field(default_factory=dict)  # sentence span -> quote
    # Sentences and clauses are asked about once per figure in them: answers are kept.
    found: dict[tuple[re.Pattern[str], int, int], bool] = field(default_factory=dict)
    clauses: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    sentence_elections: dict[int, Election | None] = field(default_factory=dict)  # by start
    respectively: dict[int, re.Match[str] | None] = field(default_factory=dict)  # by start
    election_ranks: dict[str, int | None] = field(default_factory=dict)  # see election_rank
    implied: list[Election] = field(default_factory=list)  # ranked ones the article is about
    # "Six years ago" resolved against the publication date: (start, its possible years)
    relative_years: list[tuple[int, tuple[int, ...]]] = field(default_factory=list)
    # the countries the article is about (see article_countries): only their imported
    # elections and names count
    countries: frozenset[str] = frozenset()


@dataclass(slots=True)
class Figure:
    """A percent or count with its sentence and the figures next to it in that sentence."""

    m: Mention
    sentence: Sentence
    si: int  # index of the sentence
    idx: int  # position among the article's percents and counts
    prev: Mention | None  # the figure before, in the same sentence
    nxt: Mention | None  # the figure after, in the same sentence
    prev_end: int  # end of the figure before, else the sentence start
    next_start: int  # start of the figure after, else the sentence end
    left: str  # lower-cased text just before (up to the figure before, 60 at most)
    right: str  # lower-cased text just after (up to the figure after, 60 at most)
    span: tuple[int, int]  # the sentence's
    around: tuple[int, int]  # (prev_end, next_start)


def figure_at(ctx: Context, m: Mention, sentence: Sentence) -> Figure:
    numeric = ctx.numeric
    idx = ctx.numeric_index[id(m)]
    prev = numeric[idx - 1] if idx > 0 and numeric[idx - 1].start >= sentence.start else None
    nxt = numeric[idx + 1] if idx + 1 < len(numeric) and numeric[idx + 1].start < sentence.end else None
    prev_end = prev.end if prev else sentence.start
    next_start = nxt.start if nxt else sentence.end
    left = ctx.low[max(prev_end, sentence.start, m.start - 60) : m.start]
    right = ctx.low[m.end : min(next_start, sentence.end, m.end + 60)]
    return Figure(
        m,
        sentence,
        ctx.sentences.index_of(m.start),
        idx,
        prev,
        nxt,
        prev_end,
        next_start,
        left,
        right,
        (sentence.start, sentence.end),
        (prev_end, next_start),
    )


@dataclass(slots=True)
class Draft:
    """The claim as the steps build it, with the flags that become its :class:`Binding`."""

    measure: Measure | None = None
    entity: str | None = None
    entity_type: str | None = None  # the gazetteer type of the entity the entity step found
    named_here: str | None = None  # a name of this sentence (not one carried from elsewhere)
    carried_option: str | None = None  # the option carried with the measure
    or_pair: Claim | None = None  # "87.28% of the vote, or 76,277,708 ballots": the first
    versus: Claim | None = None  # "51.9% to 48.1%": the first
    followed_by_share: bool = False  # a count followed by ", or 48.3%"
    election: Election | None = None
    region: str | None = None
    option: str | None = None
    scope: Scope = "unknown"
    stop: BindStop | None = None
    region_count: bool = False
    respectively: bool = False
    parallel: bool = False
    region_carried: bool = False
    measure_carried: bool = False
    election_carried: bool = False
    pinned_by: PinnedBy | None = None
    other_side_of: str | None = None
    region_defaulted: bool = False
    scope_cue: ScopeCue | None = None
    unknown_place: str | None = None
    before_final: tuple[dt.date, dt.date] | None = None

    def binding(self) -> Binding:
        return Binding(
            stop=self.stop,
            region_count=self.region_count,
            respectively=self.respectively,
            parallel=self.parallel,
            region_carried=self.region_carried,
            measure_carried=self.measure_carried,
            election_carried=self.election_carried,
            election_pinned_by=self.pinned_by,
            other_side_of=self.other_side_of,
            region_defaulted=self.region_defaulted,
            scope_cue=self.scope_cue,
            unknown_place=self.unknown_place,
            before_final=self.before_final,
        )


def found(ctx: Context, pattern: re.Pattern[str], start: int, end: int) -> bool:
    """Whether ``pattern`` occurs in the lower-cased ``text[start:end]`` (remembered)."""
    key = (pattern, start, end)
    hit = ctx.found.get(key)
    if hit is None:
        hit = ctx.found[key] = pattern.search(ctx.low[start:end]) is not None
    return hit


def clause(ctx: Context, sentence: Sentence, offset: int) -> tuple[int, int]:
    """``clause_bounds`` of the figure at ``offset`` (remembered: several rules ask)."""
    key = (sentence.start, offset)
    span = ctx.clauses.get(key)
    if span is None:
        span = ctx.clauses[key] = clause_bounds(ctx.article.text, sentence, offset)
    return span


def quote_of(ctx: Context, span: tuple[int, int]) -> str:
    """The quote of a sentence: one string per sentence, shared by its claims."""
    got = ctx.quotes.get(span)
    if got is None:
        got = ctx.quotes[span] = quote(ctx.article.text, span)
    return got


def hits_in(ctx: Context, start: int, end: int, types: frozenset[str] | None = None) -> list[Hit]:
    """Names inside [start, end), in text order (hits are sorted: a bisect, not a scan)."""
    i = bisect.bisect_left(ctx.hit_starts, start)
    out = []
    while i < len(ctx.hits) and ctx.hits[i].start < end:
        h = ctx.hits[i]
        if h.end <= end and (types is None or h.type in types):
            out.append(h)
        i += 1
    return out


def hit_over(ctx: Context, start: int, end: int) -> bool:
    """Whether a known name overlaps [start, end) (hits are sorted and do not overlap)."""
    i = bisect.bisect_left(ctx.hit_starts, end) - 1
    return i >= 0 and ctx.hits[i].end > start


def entities(ctx: Context, election: str) -> frozenset[str]:
    """``election_entities`` from the tables the context holds (asked several times per figure)."""
    return ctx.entities.get(election, NO_NAMES)


def election_count(ctx: Context, canonical: str) -> int:
    return max(1, ctx.election_counts.get(canonical, 0))


def weak(ctx: Context, canonical: str) -> bool:
    """A name that has results in many elections (a country) says little about which one."""
    return election_count(ctx, canonical) >= 3


def election_rank(ctx: Context, canonical: str) -> int | None:
    """Position of the best-ranked election with results for ``canonical`` (None: none)."""
    if canonical not in ctx.election_ranks:  # asked for every name near every figure
        ctx.election_ranks[canonical] = next(
            (i for i, e in enumerate(ctx.ranked) if canonical in entities(ctx, e.id)), None
        )
    return ctx.election_ranks[canonical]


def years_in(ctx: Context, start: int, end: int, relative: bool = True) -> list[int]:
    """Pinning years that start in [start, end), written ("in 2018") or resolved from a
    relative date ("Six years ago Putin took 76.69%"); what follows ``end`` is seen by the
    look-ahead ("2018 (67,54 Prozent)" belongs to the figure after it)."""
    text = ctx.article.text
    out = [
        int(y.group(1))
        for y in RE_PINNING_YEAR.finditer(text, start, min(len(text), end + 8))
        if y.start() < end
    ]
    for at, years in ctx.relative_years if relative else ():
        if start <= at < end:
            out += years
    return out


def relative_years(mentions: Sequence[Mention]) -> list[tuple[int, tuple[int, ...]]]:
    """Years that "N years ago", "a year ago today", "Пять лет назад" resolve to (at most
    two: "six years ago" may be either side of a new year)."""
    out = []
    for m in mentions:
        if m.kind != "relative_date" or not isinstance(m.low, dt.date) or not isinstance(m.high, dt.date):
            continue
        if m.offset is None or m.offset.unit != "year" or m.high.year - m.low.year > 1:
            continue
        out.append((m.start, tuple(range(m.low.year, m.high.year + 1))))
    return out


def is_progress(ctx: Context, m: Mention) -> bool:
    """A share of the ballots counted ("with 50% of precincts reporting"), not a result."""
    if m.kind != "percent":
        return False
    after = ctx.low[m.end : m.end + 80]
    return bool(RE_PROGRESS_AFTER.search(after)) and not (isinstance(m.low, Decimal) and m.low >= 100)


def has_progress_figure(ctx: Context, sentence: Sentence) -> bool:
    return any(sentence.start <= m.start < sentence.end for m in ctx.progress)
