"""Frozen dataclasses shared by every stage of the pipeline.

Data flows one way: ``Article`` (load) -> ``Mention`` (extract) -> ``Claim`` (bind)
-> ``Finding`` (checks) -> report files. Every object keeps the span and raw text it
came from so that a report can always quote the article.

Intervals
---------
A mention's value is the closed interval ``[low, high]``:

* numbers (``percent``, ``count``, ``age``, ``duration``) are ``Decimal``;
* calendar kinds (``date``, ``date_range``, ``relative_date``, ``year``) are
  ``datetime.date`` (a year is ``[Jan 1, Dec 31]``);
* an unresolved relative date (no publication date) has ``low = high = None`` and keeps
  its ``offset``.

``unit`` is a pint unit name from :mod:`checker.units` (``percent``, ``count``, ``day``,
``week``, ``month``, ``year``) or ``"date"`` for calendar kinds.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from decimal import Decimal
from typing import Literal, TypeVar

Kind = Literal["percent", "count", "date", "date_range", "duration", "relative_date", "age", "year"]
KINDS: tuple[Kind, ...] = (
    "percent",
    "count",
    "date",
    "date_range",
    "duration",
    "relative_date",
    "age",
    "year",
)

# exact: a plain figure, its interval is the rounding interval.
# more_than/at_least: open below ("more than 99%" -> [99, 100]).
# less_than/at_most: open above ("under 5%" -> [0, 5]).
# about: a hedge ("about", "nearly", "roughly"): rounding interval widened by a tolerance.
# range: the text states both ends ("41 to 46%").
# vague: an order of magnitude in words ("hundreds of thousands", "several").
Qualifier = Literal["exact", "more_than", "less_than", "at_least", "at_most", "about", "range", "vague"]

# The precision of a calendar value: what the text pins down.
Precision = Literal["day", "week", "weekend", "month", "season", "year", "decade"]

Measure = Literal["vote_share", "turnout", "votes", "registered", "age", "elapsed", "date", "count", "other"]
Scope = Literal["final", "partial", "preliminary", "exit_poll", "sub_population", "claimed_by", "unknown"]
Check = Literal["reference", "cross_source", "internal", "temporal"]
# A check's place in the findings' order (the run store sorts by the same ranks).
CHECK_ORDER = {"reference": 0, "temporal": 1, "internal": 2, "cross_source": 3}
Verdict = Literal["consistent", "discrepancy", "unverifiable", "ambiguous"]
Severity = Literal["minor", "major"]

Number = Decimal
Bound = Decimal | dt.date | None


_T = TypeVar("_T")


def reduce_to_fields(cls: type[_T]) -> type[_T]:
    """Serialise instances as ``(cls, field values)`` (``__reduce__``).

    Results travel from worker processes to the main one serialised by the process pool;
    the default for a slotted dataclass rebuilds each object through a Python
    ``__setstate__`` that looks up the fields every time, which made reading the results
    back the main process's largest cost (7x the time of the same values as plain tuples).
    Calling the class with its values is about a third cheaper and builds the same object.
    """
    values = operator.attrgetter(*(f.name for f in fields(cls)))  # type: ignore[arg-type]

    def __reduce__(self: _T) -> tuple[type[_T], tuple[object, ...]]:
        got = values(self)
        return cls, got if isinstance(got, tuple) else (got,)

    cls.__reduce__ = __reduce__  # type: ignore[assignment,method-assign]
    return cls


@reduce_to_fields
@dataclass(frozen=True, slots=True)
class Article:
    """One article as the extractor sees it.

    ``text`` is the decoded text (line endings normalised to ``\\n``, front matter removed,
    HTML reduced to visible text); every span in later stages indexes it.
    """

    id: str
    path: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None  # ISO 639-1 code ("en", "de", "ru", ...)
    line: int | None = None  # line number in a JSONL file
    encoding: str | None = None  # the encoding the bytes were decoded with


@reduce_to_fields
@dataclass(frozen=True, slots=True)
class ArticleError:
    """An input that could not be (fully) read: reported, never fatal."""

    article: str
    path: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.reason}"


@reduce_to_fields
@dataclass(frozen=True, slots=True)
class Offset:
    """A calendar offset relative to an anchor date: "eight years ago" is (-8, "year").

    ``anchor`` is ``"published"`` for phrases counted from the publication date
    ("ago", "last week", "on Wednesday") and ``"previous"`` for phrases counted from an
    event named nearby ("three days earlier", "two days later").
    """

    amount: Decimal
    unit: Literal["day", "week", "month", "year", "weekday", "season"]
    anchor: Literal["published", "previous"] = "published"
    weekday: int | None = None  # 0 = Monday, for "on Wednesday"
    season: str | None = None  # "spring", ..., for "last spring"
    exact: bool = False  # "exactly one year ago", "a year ago today"


@reduce_to_fields
@dataclass(frozen=True, slots=True)
class Mention:
    """A figure found in the text, with its interval and the exact surface text."""

    article: str
    start: int
    end: int
    text: str
    kind: Kind
    low: Bound
    high: Bound
    unit: str
    qualifier: Qualifier = "exact"
    decimals: int | None = None  # number of decimals as written ("87.05%" -> 2)
    precision: Precision | None = None  # calendar kinds only
    offset: Offset | None = None  # relative dates and "N years" spans
    value: Decimal | None = None  # the number as written, before rounding/hedging

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


# Why binding stopped before a figure got an election (see :class:`Binding`).
BindStop = Literal[
    "progress",  # a share of the ballots counted ("with 50% of precincts reporting")
    "margin",  # a margin between two sides ("won by 11,779 votes")
    "change",  # a change, not a level ("turnout rose 4.2%")
    "no_measure",  # no measure, or not in a sentence about a vote
    "opinion_poll",  # an opinion poll, not a result
    "no_election",  # no election has results for what the sentence names
    "ambiguous_election",  # a name, but no one election it pins down
]
# What tells which vote a bound figure is from, in its own sentence; "none": nothing does
# (the election comes from the rest of the article).
PinnedBy = Literal["year", "name", "entity", "latest_vote", "recent", "in_progress", "none"]
# What set a claim's scope other than final (see :mod:`checker.bind.scope`).
ScopeCue = Literal["exit_poll", "claimed_by", "partial", "sub_population", "unknown_place", "before_final"]


@reduce_to_fields
@dataclass(frozen=True, slots=True)
class Binding:
    """How binding reached a claim: the facts the checks act on, and the source of the note.

    Checks read these flags, never the note (which is prose for the report, generated from
    them by :func:`checker.bind.notes.note_of`).
    """

    stop: BindStop | None = None
    region_count: bool = False  # a count of the regions that held the vote ("all four regions voted")
    respectively: bool = False  # the name came from a "respectively" list
    parallel: bool = (
        False  # the option of the shares given before it ("51.9% against 48.1% for B, X votes to Y")
    )
    region_carried: bool = False  # the place of an earlier sentence, not the country named in this one
    measure_carried: bool = False  # "In Luhansk the figure was 98.4%": the previous sentence's measure
    election_carried: bool = False  # election and region of the previous figure ("Turnout was put at 83%.")
    election_pinned_by: PinnedBy | None = None  # None: not asked (no election bound)
    other_side_of: str | None = None  # the figure whose other side of a two-way contest this is
    region_defaulted: bool = False  # no name: a place of the sentences before, or the whole contest
    scope_cue: ScopeCue | None = None
    unknown_place: str | None = None  # scope_cue "unknown_place": the place the tables do not cover
    before_final: tuple[dt.date, dt.date] | None = None  # "before_final": (published, final result date)

    @property
    def unnamed_vote(self) -> bool:
        """Bound to an election its own sentence does not name (taken from the rest of the article)."""
        return self.election_pinned_by == "none"


NO_BINDING = Binding()


@reduce_to_fields
@dataclass(frozen=True, slots=True)
class Claim:
    """A mention bound to what it is about. Unbound fields stay ``None``/"other"."""

    id: str
    mention: Mention
    election: str | None = None
    entity: str | None = None
    measure: Measure = "other"
    scope: Scope = "unknown"
    region: str | None = None  # the region whose result the figure reports (reference key)
    option: str | None = None  # the candidate/option a vote share belongs to (reference key)
    group: str | None = None  # id shared by claims bound by one "respectively" list
    sentence: tuple[int, int] = (0, 0)  # span of the sentence that holds the mention
    note: str = ""  # how the binding was made (cue words), for the report
    quote: str = ""  # the sentence's text (white space collapsed), so reports need no article text
    # How the claim was bound, for the checks of its own article. Not part of what the claim
    # says: never written out (run store, findings.json), and not compared, so a claim read
    # back from the store equals the claim bound.
    binding: Binding = field(default=NO_BINDING, compare=False, repr=False)

    @property
    def article(self) -> str:
        return self.mention.article


@reduce_to_fields
@dataclass(frozen=True, slots=True)
class Difference:
    value: Decimal
    unit: str  # "percentage_point", "day", "year", "count", ...


@reduce_to_fields
@dataclass(frozen=True, slots=True)
class Evidence:
    """What a claim was compared with: a reference row, or another article's span."""

    table: str  # "results", "people", "events", "elections", or "article"
    row: str  # row key ("results.csv:12", or "article:start-end" for cross-source evidence)
    value: str  # as shown to a person ("87.05%", "2014-04-07")
    source_url: str | None = None
    number: Decimal | None = None  # the compared value, when it is a number (for plots)
    date: dt.date | None = None  # the compared value, when it is a date (for the timeline)
    unit: str | None = None  # unit of ``number``


@reduce_to_fields
@dataclass(frozen=True, slots=True)
class Finding:
    id: str
    check: Check
    verdict: Verdict
    claims: tuple[str, ...]
    message: str
    severity: Severity | None = None
    difference: Difference | None = None
    evidence: Evidence | None = None
    extra: tuple[tuple[str, str], ...] = field(default_factory=tuple)  # more evidence lines


@dataclass(frozen=True, slots=True)
class RunResult:
    """Everything one ``check`` run produced, in deterministic order.

    ``claims`` and ``findings`` are tuples, or (from :func:`checker.pipeline.run_check`)
    sequences read from the run store on disk (:mod:`checker.store`): iterate them rather
    than copying them into lists, and :meth:`close` the result when done with it.
    """

    articles: Sequence[Article]
    errors: Sequence[ArticleError]
    claims: Sequence[Claim]
    findings: Sequence[Finding]
    reference_tables: tuple[tuple[str, str], ...] = ()  # (table name, path) used

    def close(self) -> None:
        """Remove the run store behind stored claims and findings (nothing for tuples)."""
        for rows in (self.claims, self.findings):
            store = getattr(rows, "store", None)
            if store is not None:
                store.close()
