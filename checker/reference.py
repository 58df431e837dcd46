"""reference_data/*.csv -> validated, indexed tables (+ the gazetteer of names).

Five tables, each with a declared schema (:data:`SCHEMAS`): ``elections.csv``,
``results.csv``, ``people.csv``, ``events.csv`` and ``aliases.csv``. Their columns and
sources are described in ``reference_data/README.md``.

Where the tables come from
--------------------------
The bundled tables live in the repository's ``reference_data/`` folder, found relative to
the package (``Path(checker.__file__).parent.parent / "reference_data"``, which is where
an editable install or a source checkout has them); a packaged copy in
``checker/data/reference/`` is used instead when that folder is missing. User folders
(``--reference DIR``) are read after the bundled tables, in order: a table file with the
same name *adds* rows, and a row with the same key *replaces* the earlier row in place.

Keys: ``election_id`` (elections); election, region, option, stage, as_of, counted_pct
and claimed_by (results -- the last two tell apart partial counts and claims published on
the same day); ``name`` (people); ``event_id`` (events); the folded alias (aliases).

Every problem of every table is collected before anything is raised, so one run of
``checkfigures reference validate`` lists them all as ``file:line: message``.

>>> ref = load_reference([])
>>> ref.results_for("ru_pres_2024", "Vladimir Putin", stage="final")[0].share
Decimal('87.28')
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, TypeVar

import checker
from checker.errors import Problem, ReferenceDataError
from checker.gazetteer import MATCH_RULES, NAME_TYPES, Gazetteer, NameEntry, fold_key

__all__ = [
    "BUNDLED_DIR",
    "ELECTION_KINDS",
    "PACKS_DIR",
    "SCHEMAS",
    "SHARE_BASES",
    "STAGES",
    "Election",
    "Event",
    "Person",
    "ReferenceData",
    "ResultRow",
    "bundled_dir",
    "load_reference",
    "pack_dirs",
    "validate_reference",
]

log = logging.getLogger(__name__)

_T = TypeVar("_T")

_REPO_TABLES = Path(checker.__file__).resolve().parent.parent / "reference_data"
_PACKAGED_TABLES = Path(checker.__file__).resolve().parent / "data" / "reference"


def bundled_dir() -> Path:
    """The folder of the bundled tables: the repository's, else the packaged copy."""
    return _REPO_TABLES if _REPO_TABLES.is_dir() or not _PACKAGED_TABLES.is_dir() else _PACKAGED_TABLES


BUNDLED_DIR = bundled_dir()

# Imported datasets shipped with the package (``python -m checker.importers.build``), one
# folder each. ``check`` does not load them by default yet; ``reference list --packs`` and
# ``--reference`` do.
PACKS_DIR = Path(checker.__file__).resolve().parent / "data" / "packs"


def pack_dirs() -> list[Path]:
    """The bundled packs' folders, in name order (empty when none is installed)."""
    if not PACKS_DIR.is_dir():
        return []
    return sorted(p for p in PACKS_DIR.iterdir() if (p / "elections.csv").is_file())


ELECTION_KINDS = (
    "presidential",
    "parliamentary",
    "referendum",
    "annexation_referendum",
    "status_referendum",
    "constitutional_referendum",
    "independence_referendum",
    "european_parliament",
)
# final: the official final figure, the one a discrepancy is measured against. The others
# are alternatives a journalist may quote correctly: a partial count, a preliminary result,
# an exit poll, a part of the electorate, or a figure claimed by someone else.
STAGES = ("final", "preliminary", "partial", "exit_poll", "sub_population", "claimed_by")
# What a share is a share of: all ballots cast (what most commissions publish), valid
# votes (what Wikipedia infoboxes often show) or registered voters (Belarus 2022).
SHARE_BASES = ("ballots", "valid", "registered")
LIST_SEPARATOR = " | "

# Provenance of imported rows (``checkfigures reference import``): which dataset, which
# version of it, and when the copy was taken. Optional: hand-curated rows leave them out.
PROVENANCE_COLUMNS = ("dataset", "dataset_version", "retrieved")

ColumnKind = Literal["text", "date", "percent", "decimal", "int", "enum", "list"]


@dataclass(frozen=True, slots=True)
class Column:
    """One declared column: its type, whether the header must have it, whether a value must."""

    name: str
    kind: ColumnKind = "text"
    required: bool = True
    nonempty: bool = False
    choices: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TableSchema:
    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    sourced: bool = True  # every row needs a source_url

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    def column(self, name: str) -> Column | None:
        return next((c for c in self.columns if c.name == name), None)


SCHEMAS: tuple[TableSchema, ...] = (
    TableSchema(
        "elections",
        (
            Column("election_id", nonempty=True),
            Column("name", nonempty=True),
            Column("kind", "enum", nonempty=True, choices=ELECTION_KINDS),
            Column("country", nonempty=True),
            Column("start_date", "date", nonempty=True),
            Column("end_date", "date", nonempty=True),
            Column("result_date", "date", required=False),
            Column("names", "list", required=False),
            Column("regions", "int", required=False),
            Column("source_url"),
            Column("note", required=False),
            Column("dataset", required=False),
            Column("dataset_version", required=False),
            Column("retrieved", "date", required=False),
        ),
        key=("election_id",),
    ),
    TableSchema(
        "results",
        (
            Column("election_id", nonempty=True),
            Column("region", nonempty=True),
            Column("option"),
            Column("option_label", required=False),
            Column("stage", "enum", nonempty=True, choices=STAGES),
            Column("counted_pct", "percent", required=False),
            Column("as_of", "date", required=False),
            Column("share_pct", "percent"),
            Column("share_basis", "enum", required=False, choices=SHARE_BASES),
            Column("turnout_pct", "percent", required=False),
            Column("votes", "int", required=False),
            Column("registered", "int", required=False),
            # An alliance summed from its parts at import (CDU/CSU = CDU + CSU): the parts'
            # options (' + '-separated) and the sum of their roundings, the bound on how far
            # the true share may lie from the summed one. Such a row repeats its parts' shares,
            # so it stays out of the check that a contest's shares add up to at most 100%.
            Column("parts", required=False),
            Column("share_rounding_pct", "percent", required=False),
            Column("claimed_by", required=False),
            Column("source_url"),
            Column("note", required=False),
            Column("dataset", required=False),
            Column("dataset_version", required=False),
            Column("retrieved", "date", required=False),
        ),
        key=("election_id", "region", "option", "stage", "as_of", "counted_pct", "claimed_by", "share_basis"),
    ),
    TableSchema(
        "people",
        (
            Column("name", nonempty=True),
            Column("born", "date"),
            Column("died", "date", required=False),
            Column("source_url"),
            Column("note", required=False),
        ),
        key=("name",),
    ),
    TableSchema(
        "events",
        (
            Column("event_id", nonempty=True),
            Column("description", nonempty=True),
            Column("date", "date", nonempty=True),
            Column("election_id", required=False),
            Column("entities", "list", required=False),
            Column("source_url"),
        ),
        key=("event_id",),
    ),
    TableSchema(
        "aliases",
        (
            Column("canonical", nonempty=True),
            Column("alias", nonempty=True),
            Column("type", "enum", nonempty=True, choices=NAME_TYPES),
            Column("match", "enum", required=False, choices=MATCH_RULES),
            Column("source_url", required=False),
            # Imported party names exist in many countries ("Labour Party"): the country
            # tells them apart, and is part of the key.
            Column("country", required=False),
            Column("dataset", required=False),
            Column("dataset_version", required=False),
            Column("retrieved", "date", required=False),
        ),
        key=("alias", "country"),
        sourced=False,  # spelling variants are not figures
    ),
)
_SCHEMA = {s.name: s for s in SCHEMAS}

Value = str | Decimal | int | dt.date | tuple[str, ...] | None


# --- the public records ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Election:
    """One election or referendum: voting days (early voting included) and its names."""

    id: str
    name: str
    kind: str
    country: str
    start: dt.date
    end: dt.date
    result_date: dt.date | None
    names: tuple[str, ...]
    source_url: str
    note: str
    file: str
    line: int
    regions: int | None = None  # how many regions held the vote, when it was held in named regions only
    dataset: str = ""  # the imported dataset the row comes from; empty for hand-curated rows


def _row_key(file: str, line: int, dataset: str = "") -> str:
    """``results.csv:12``; a row of an imported dataset names it: ``parlgov/results.csv:3 (ParlGov)``."""
    key = f"{_table_name(file)}:{line}"
    return f"{key} ({dataset})" if dataset else key


@lru_cache(maxsize=256)
def _table_name(file: str) -> str:
    """How evidence names a table file (asked once per finding: a few files, remembered)."""
    path = Path(file)
    if path.parent == BUNDLED_DIR:
        return path.name
    # A user table: name its folder too, so it cannot be mistaken for a bundled row.
    return f"{path.parent.name}/{path.name}"


@dataclass(frozen=True, slots=True)
class ResultRow:
    """One reported figure of one contest: a share, turnout, vote count or register size."""

    election: str
    region: str
    option: str | None
    stage: str
    counted_pct: Decimal | None
    as_of: dt.date | None
    share: Decimal | None
    share_basis: str
    turnout: Decimal | None
    votes: int | None
    registered: int | None
    claimed_by: str | None
    source_url: str
    note: str
    file: str
    line: int
    option_label: str = ""
    dataset: str = ""  # the imported dataset the row comes from; empty for hand-curated rows
    # An alliance summed from its parts' rounded shares (CDU/CSU = CDU + CSU): how far the
    # true share may lie from ``share`` (the parts' half units added up).
    share_rounding: Decimal | None = None

    @property
    def key(self) -> str:
        """Stable row id for evidence: ``results.csv:12`` (``folder/results.csv:3`` for user tables),
        with the dataset of an imported row: ``parlgov/results.csv:3 (ParlGov)``."""
        return _row_key(self.file, self.line, self.dataset)


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    born: dt.date | None
    died: dt.date | None
    source_url: str
    note: str
    file: str
    line: int


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    description: str
    date: dt.date
    election: str | None
    entities: tuple[str, ...]
    source_url: str
    file: str
    line: int


@dataclass(frozen=True, repr=False)
class ReferenceData:
    """The merged, validated reference tables and their gazetteer.

    ``rows`` are the result rows of the hand-curated and the user's tables; the rows of the
    bundled packs (``packs``) are read per election on first use (:meth:`results_for`),
    after the rows with the same key in ``rows``, which win.
    """

    elections: Mapping[str, Election]
    rows: tuple[ResultRow, ...]
    people: Mapping[str, Person]
    events: tuple[Event, ...]
    gazetteer: Gazetteer
    table_paths: tuple[tuple[str, str], ...] = ()
    aliases: tuple[NameEntry, ...] = ()  # the rows of aliases.csv (the gazetteer adds more names)
    packs: tuple[Pack, ...] = ()
    _by_election: dict[str, tuple[ResultRow, ...]] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )
    _derived: dict[str, Any] = field(init=False, repr=False, compare=False, default_factory=dict)
    _shared: set[str] = field(init=False, repr=False, compare=False, default_factory=set)

    def __post_init__(self) -> None:
        index: dict[str, list[ResultRow]] = defaultdict(list)
        for row in self.rows:
            index[row.election].append(row)
        self._by_election.update((k, tuple(v)) for k, v in index.items())
        for pack in self.packs:
            for election in pack.result_spans:
                if election in index:  # rows in the tables and a pack: merge now (few elections)
                    self._shared.add(election)
                    self._by_election[election] = self._with_pack_rows(election)

    @property
    def results(self) -> tuple[ResultRow, ...]:
        """Every result row: the tables' rows, then the packs' (all of them read on first use)."""
        return self.derived("reference.results", _all_results)

    def _with_pack_rows(self, election: str) -> tuple[ResultRow, ...]:
        """The rows of ``election``: the tables' first, then the packs' with another key."""
        rows = list(self._by_election.get(election, ()))
        seen = {_result_key(r) for r in rows}
        for pack in self.packs:
            for row in pack.rows_of(election):
                key = _result_key(row)
                if key not in seen:
                    seen.add(key)
                    rows.append(row)
        return tuple(rows)

    def _rows_of(self, election: str) -> tuple[ResultRow, ...]:
        rows = self._by_election.get(election)
        if rows is None:
            rows = (
                self._with_pack_rows(election) if any(election in p.result_spans for p in self.packs) else ()
            )
            self._by_election[election] = rows
        return rows

    def __repr__(self) -> str:
        return f"ReferenceData({self.describe()})"

    def results_for(
        self, election: str, entity: str | None = None, stage: str | None = None
    ) -> list[ResultRow]:
        """Rows of one election, in table order; ``entity`` matches the region or the option.

        >>> ref = load_reference([])
        >>> [r.share for r in ref.results_for("uk_eu_ref_2016", "Leave")]
        [Decimal('51.89')]
        """
        return [
            r
            for r in self._rows_of(election)
            if (entity is None or entity in (r.region, r.option)) and (stage is None or r.stage == stage)
        ]

    def derived(self, name: str, build: Callable[[ReferenceData], _T]) -> _T:
        """``build(self)``, computed on first use and kept under ``name``.

        For indexes the checks derive from the tables (per election its names, per event
        its word stems): the tables are frozen, so a kept index never goes stale.

        >>> ref = load_reference([])
        >>> ref.derived("doctest.count", lambda r: len(r.events)) == len(ref.events)
        True
        """
        try:
            return self._derived[name]
        except KeyError:
            value = self._derived[name] = build(self)
            return value

    def elections_for_entity(self, canonical: str) -> list[Election]:
        """Elections with a result row whose region or option is ``canonical``, oldest first.

        >>> [e.id for e in load_reference([]).elections_for_entity("Kherson")]
        ['ua_occupied_annexation_ref_2022']
        """
        ids = {r.election for r in self.results if canonical in (r.region, r.option)}
        found = [self.elections[i] for i in ids if i in self.elections]
        return sorted(found, key=lambda e: (e.start, e.id))

    def describe(self) -> str:
        """One line of counts, e.g. ``20 elections, 95 results, 8 people, 23 events, 240 aliases``."""
        aliases = len(self.aliases)
        return (
            f"{len(self.elections)} elections, {self.result_count()} results, {len(self.people)} people, "
            f"{len(self.events)} events, {aliases} aliases"
        )

    def result_count(self) -> int:
        """How many result rows there are, without reading the packs' rows (but where tables
        and packs share an election).

        >>> ref = load_reference([])
        >>> ref.result_count() == len(ref.results)
        True
        """
        count = len(self.rows) + sum(p.result_count for p in self.packs)
        for election in self._shared:  # rows of those elections are merged already
            table_rows = sum(1 for r in self.rows if r.election == election)
            pack_rows = sum(len(p.rows_of(election)) for p in self.packs)
            count += len(self._by_election[election]) - table_rows - pack_rows
        return count

    def coverage_by_country(self) -> list[str]:
        """Per country and kind: how many elections, their years, and the datasets they come from.

        >>> load_reference([]).coverage_by_country()[1].split(":")[0]
        '  Belarus'
        """
        groups: dict[tuple[str, str], list[Election]] = defaultdict(list)
        for e in self.elections.values():
            groups[(e.country, e.kind)].append(e)
        lines = ["Coverage by country and type (elections, years, source):"]
        for (country, kind), found in sorted(groups.items()):
            years = sorted(e.start.year for e in found)
            span = str(years[0]) if years[0] == years[-1] else f"{years[0]}-{years[-1]}"
            sources = ", ".join(sorted({e.dataset or "hand-curated" for e in found}))
            lines.append(f"  {country}: {kind} {len(found)} ({span}; {sources})")
        return lines

    def coverage_lines(self) -> list[str]:
        """A human-readable listing of what the tables cover (``checkfigures reference list``)."""
        lines = [f"Reference data: {self.describe()}"]
        lines += [f"  {name:<10} {path}" for name, path in self.table_paths]
        lines.append("")
        lines.append("Elections (voting days; result date):")
        for e in sorted(self.elections.values(), key=lambda e: (e.start, e.id)):
            days = e.start.isoformat() if e.start == e.end else f"{e.start} to {e.end}"
            result = e.result_date.isoformat() if e.result_date else "no final result date"
            lines.append(f"  {e.id}: {e.name} [{e.kind}, {e.country}] {days}; {result}")
            by_region: dict[str, list[ResultRow]] = defaultdict(list)
            for r in self.results_for(e.id):
                by_region[r.region].append(r)
            for region, rows in by_region.items():
                options = sorted({r.option for r in rows if r.option})
                stages = sorted({r.stage for r in rows})
                lines.append(f"      {region}: {', '.join(options) or 'turnout only'} ({', '.join(stages)})")
        lines.append("")
        lines.append("People (born - died):")
        for p in sorted(self.people.values(), key=lambda p: p.name):
            born = p.born.isoformat() if p.born else "?"
            died = f" - {p.died.isoformat()}" if p.died else ""
            lines.append(f"  {p.name}: {born}{died}")
        lines.append("")
        lines.append("Events:")
        for ev in sorted(self.events, key=lambda ev: (ev.date, ev.id)):
            lines.append(f"  {ev.date.isoformat()} {ev.id}: {ev.description}")
        return lines


# --- reading one table -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Row:
    """One parsed row, before the tables are merged."""

    file: str
    line: int
    values: Mapping[str, Value]
    filled: frozenset[str] = frozenset()  # columns with a non-empty cell, parsable or not

    def get(self, name: str) -> Value:
        return self.values.get(name)

    def text(self, name: str) -> str:
        value = self.values.get(name)
        return value if isinstance(value, str) else ""


def _parse_decimal(raw: str) -> Decimal | None:
    try:
        value = Decimal(raw)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _parse_cell(col: Column, raw: str) -> tuple[Value, str | None]:
    """(value, problem message) for one non-empty cell."""
    if col.kind == "text":
        return raw, None
    if col.kind == "list":
        return tuple(part.strip() for part in raw.split("|") if part.strip()), None
    if col.kind == "enum":
        if raw not in col.choices:
            return None, f"column '{col.name}': '{raw}' is not one of {', '.join(col.choices)}"
        return raw, None
    if col.kind == "date":
        try:
            return dt.date.fromisoformat(raw), None
        except ValueError:
            return None, f"column '{col.name}': '{raw}' is not a date (use YYYY-MM-DD)"
    if col.kind == "int":
        if not raw.isascii() or not raw.isdigit():
            return None, f"column '{col.name}': '{raw}' is not a whole number (digits only, no separators)"
        return int(raw), None
    number = _parse_decimal(raw)
    if number is None:
        return None, f"column '{col.name}': '{raw}' is not a number"
    if col.kind == "percent" and not Decimal(0) <= number <= Decimal(100):
        return None, f"column '{col.name}': {raw} is outside 0-100"
    return number, None


def _decode(path: Path, data: bytes) -> tuple[str | None, Problem | None]:
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        byte = data[err.start]
        return None, Problem(
            str(path), line, f"not UTF-8 (byte 0x{byte:02x} cannot be decoded); save the file as UTF-8"
        )


def _read_table(schema: TableSchema, path: Path) -> tuple[list[_Row], list[Problem]]:
    """Parse one CSV file against its schema; every problem is collected."""
    file = str(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        return [], [Problem(file, None, f"cannot read the file: {err.strerror or err}")]
    text, problem = _decode(path, data)
    if text is None:
        return [], [problem] if problem else []
    if not text.strip():
        needed = ",".join(c.name for c in schema.columns if c.required)
        return [], [Problem(file, None, f"empty file; it needs at least the header line: {needed}")]
    try:
        return _read_rows(schema, file, text)
    except csv.Error as err:
        # A cell over the csv module's field limit, a NUL byte, an unterminated quote.
        return [], [
            Problem(file, _csv_error_line(text, err), f"not valid CSV: {err}; fix the row or quote it")
        ]


def _csv_error_line(text: str, err: csv.Error) -> int | None:
    """The line the csv module stopped at (it does not say; re-read to find it)."""
    reader = csv.reader(io.StringIO(text, newline=""))
    line = 1
    try:
        for _ in reader:
            line = reader.line_num + 1
    except csv.Error:
        return line
    return None


def _read_rows(schema: TableSchema, file: str, text: str) -> tuple[list[_Row], list[Problem]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip() for h in next(reader)]
    problems: list[Problem] = []
    known = {c.name for c in schema.columns}
    for name in header:
        if name not in known:
            problems.append(Problem(file, 1, f"unknown column '{name}'"))
    for col in schema.columns:
        if col.required and col.name not in header:
            problems.append(Problem(file, 1, f"missing required column '{col.name}'"))
    if problems:
        return [], problems
    rows: list[_Row] = []
    line = reader.line_num + 1
    for cells in reader:
        start, line = line, reader.line_num + 1
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(header):
            problems.append(
                Problem(file, start, f"row has {len(cells)} fields, the header has {len(header)}")
            )
            continue
        values: dict[str, Value] = {}
        for name, raw in zip(header, cells, strict=False):
            cell_column = schema.column(name)
            assert cell_column is not None
            raw = raw.strip()
            if not raw:
                values[name] = None
                continue
            value, message = _parse_cell(cell_column, raw)
            if message:
                problems.append(Problem(file, start, message))
            values[name] = value
        for col in schema.columns:
            if col.nonempty and values.get(col.name) is None and not _has_problem(problems, file, start, col):
                problems.append(Problem(file, start, f"column '{col.name}' is empty"))
        if schema.sourced and not values.get("source_url"):
            problems.append(Problem(file, start, "row has no source_url; every fact needs its source"))
        filled = frozenset(name for name, raw in zip(header, cells, strict=False) if raw.strip())
        rows.append(_Row(file, start, values, filled))
    return rows, problems


def _has_problem(problems: list[Problem], file: str, line: int, col: Column) -> bool:
    """Whether the cell already has a parse problem (so 'is empty' would be noise)."""
    tag = f"column '{col.name}':"
    return any(p.file == file and p.line == line and p.message.startswith(tag) for p in problems)


# --- row checks --------------------------------------------------------------------------------


def _check_row(schema: TableSchema, row: _Row) -> list[str]:
    """Problems of one row that involve several of its columns."""
    out: list[str] = []
    get = row.get
    if schema.name == "elections":
        start, end, result = get("start_date"), get("end_date"), get("result_date")
        if isinstance(start, dt.date) and isinstance(end, dt.date) and end < start:
            out.append(f"end_date {end} is before start_date {start}")
        if isinstance(end, dt.date) and isinstance(result, dt.date) and result < end:
            out.append(f"result_date {result} is before end_date {end}")
    elif schema.name == "results":
        if not row.filled & {"share_pct", "turnout_pct", "votes", "registered"}:
            out.append("row has no figure: give share_pct, turnout_pct, votes or registered")
        if get("option") is None and (get("share_pct") is not None or get("votes") is not None):
            out.append("share_pct and votes belong to an option; the option column is empty")
        if get("stage") == "claimed_by" and not get("claimed_by"):
            out.append("stage 'claimed_by' needs the claimant in the claimed_by column")
    elif schema.name == "people":
        born, died = get("born"), get("died")
        if isinstance(born, dt.date) and isinstance(died, dt.date) and died < born:
            out.append(f"died {died} is before born {born}")
    return out


def _key_of(schema: TableSchema, row: _Row) -> tuple[str, ...]:
    if schema.name == "aliases":
        return (fold_key(row.text("alias")), row.text("country"))
    key = tuple("" if row.get(k) is None else str(row.get(k)) for k in schema.key)
    if schema.name == "results" and not key[-1]:
        key = (*key[:-1], "ballots")  # an empty share_basis is the default basis
    return key


def _show_key(schema: TableSchema, key: tuple[str, ...]) -> str:
    """``election_id=x, region=y, ...``: the non-empty key columns, named."""
    return ", ".join(f"{name}={value}" for name, value in zip(schema.key, key, strict=True) if value)


def _merge(schema: TableSchema, files: list[list[_Row]], problems: list[Problem]) -> list[_Row]:
    """Rows of all files of one table: same key in one file is a problem, in a later file an override."""
    merged: dict[tuple[str, ...], _Row] = {}
    for rows in files:
        seen: dict[tuple[str, ...], _Row] = {}
        for row in rows:
            key = _key_of(schema, row)
            if key in seen:
                first = seen[key]
                problems.append(
                    Problem(
                        row.file,
                        row.line,
                        f"duplicate key {_show_key(schema, key)} (first on line {first.line})",
                    )
                )
                continue
            seen[key] = row
            if key in merged:
                log.info("%s:%d overrides %s:%d", row.file, row.line, merged[key].file, merged[key].line)
            merged[key] = row  # a dict keeps the first position of a key: overrides stay in place
    return list(merged.values())


def _half_unit(value: Decimal) -> Decimal:
    """Half a unit of the last written decimal: the rounding a figure may carry."""
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    return Decimal(5).scaleb(exponent - 1)


def _check_sums(rows: Iterable[_Row]) -> list[Problem]:
    """Option shares of one contest must not add up to more than 100% plus their rounding."""
    contests: dict[tuple[str, ...], list[_Row]] = defaultdict(list)
    for row in rows:
        share = row.get("share_pct")
        if isinstance(share, Decimal) and row.get("option") is not None and not row.text("parts"):
            key = tuple(
                "" if row.get(k) is None else str(row.get(k))
                for k in ("election_id", "region", "stage", "as_of", "counted_pct", "claimed_by")
            )
            contests[(*key, row.text("share_basis") or "ballots")].append(row)
    problems: list[Problem] = []
    for key, members in contests.items():
        shares = [m.get("share_pct") for m in members]
        total = sum((s for s in shares if isinstance(s, Decimal)), Decimal(0))
        slack = sum((_half_unit(s) for s in shares if isinstance(s, Decimal)), Decimal(0))
        if total > 100 + slack:
            election, region, stage, as_of, _counted, _claimed, basis = key
            when = f", as of {as_of}" if as_of else ""
            lines = ", ".join(str(m.line) for m in members)
            problems.append(
                Problem(
                    members[0].file,
                    members[0].line,
                    f"option shares of {election} / {region} ({stage}{when}, {basis} basis) sum to "
                    f"{total}%, more than 100% plus rounding; rows on lines {lines}",
                )
            )
    return problems


# --- loading -----------------------------------------------------------------------------------


def _collect(
    dirs: Sequence[Path], include_bundled: bool, known_elections: Collection[str] = ()
) -> tuple[dict[str, list[_Row]], list[tuple[str, str]], list[Problem]]:
    folders = ([bundled_dir()] if include_bundled else []) + [Path(d) for d in dirs]
    problems: list[Problem] = []
    per_table: dict[str, list[list[_Row]]] = {s.name: [] for s in SCHEMAS}
    paths: list[tuple[str, str]] = []
    for folder in folders:
        if not folder.is_dir():
            problems.append(
                Problem(str(folder), None, "no such folder; pass a folder of reference CSV tables")
            )
            continue
        found = False
        for schema in SCHEMAS:
            path = folder / schema.file
            if not path.is_file():
                continue
            found = True
            rows, table_problems = _read_table(schema, path)
            problems += table_problems
            for row in rows:
                problems += [Problem(row.file, row.line, m) for m in _check_row(schema, row)]
            per_table[schema.name].append(rows)
            paths.append((schema.name, str(path)))
        if not found:
            names = ", ".join(s.file for s in SCHEMAS)
            problems.append(Problem(str(folder), None, f"no reference tables here; expected any of {names}"))
    merged = {name: _merge(_SCHEMA[name], files, problems) for name, files in per_table.items()}
    election_ids = {r.text("election_id") for r in merged["elections"]}
    for table in ("results", "events"):
        for row in merged[table]:
            election = row.text("election_id")
            if election and election not in election_ids and election not in known_elections:
                problems.append(
                    Problem(row.file, row.line, f"unknown election_id '{election}': not in elections.csv")
                )
    problems += _check_sums(merged["results"])
    # One file after the other, top to bottom (a stable sort keeps same-line problems in order).
    problems.sort(key=lambda p: (p.file, p.line or 0))
    return merged, paths, problems


def _dec(row: _Row, name: str) -> Decimal | None:
    value = row.get(name)
    return value if isinstance(value, Decimal) else None


def _int(row: _Row, name: str) -> int | None:
    value = row.get(name)
    return value if isinstance(value, int) else None


def _date(row: _Row, name: str) -> dt.date | None:
    value = row.get(name)
    return value if isinstance(value, dt.date) else None


def _names(row: _Row, name: str) -> tuple[str, ...]:
    value = row.get(name)
    return value if isinstance(value, tuple) else ()


def _build(
    merged: Mapping[str, list[_Row]],
    paths: Sequence[tuple[str, str]],
    packs: Sequence[Pack] = (),
    localised: bool = False,
) -> ReferenceData:
    """The reference object of the merged tables, with ``packs`` below them."""
    elections: dict[str, Election] = {}
    for r in merged["elections"]:
        start, end = _date(r, "start_date"), _date(r, "end_date")
        assert start is not None and end is not None
        elections[r.text("election_id")] = Election(
            id=r.text("election_id"),
            name=r.text("name"),
            kind=r.text("kind"),
            country=r.text("country"),
            start=start,
            end=end,
            result_date=_date(r, "result_date"),
            names=_names(r, "names"),
            source_url=r.text("source_url"),
            note=r.text("note"),
            file=r.file,
            line=r.line,
            regions=_int(r, "regions"),
            dataset=r.text("dataset"),
        )
    results = tuple(
        ResultRow(
            election=r.text("election_id"),
            region=r.text("region"),
            option=r.text("option") or None,
            stage=r.text("stage"),
            counted_pct=_dec(r, "counted_pct"),
            as_of=_date(r, "as_of"),
            share=_dec(r, "share_pct"),
            share_basis=r.text("share_basis") or "ballots",
            turnout=_dec(r, "turnout_pct"),
            votes=_int(r, "votes"),
            registered=_int(r, "registered"),
            claimed_by=r.text("claimed_by") or None,
            source_url=r.text("source_url"),
            note=r.text("note"),
            file=r.file,
            line=r.line,
            option_label=r.text("option_label"),
            dataset=r.text("dataset"),
            share_rounding=_dec(r, "share_rounding_pct"),
        )
        for r in merged["results"]
    )
    people = {
        r.text("name"): Person(
            r.text("name"),
            _date(r, "born"),
            _date(r, "died"),
            r.text("source_url"),
            r.text("note"),
            r.file,
            r.line,
        )
        for r in merged["people"]
    }
    events = tuple(
        Event(
            id=r.text("event_id"),
            description=r.text("description"),
            date=_date(r, "date") or dt.date.min,
            election=r.text("election_id") or None,
            entities=_names(r, "entities"),
            source_url=r.text("source_url"),
            file=r.file,
            line=r.line,
        )
        for r in merged["events"]
    )
    entries = _name_entries(merged["aliases"], elections, results, people, localised)
    alias_rows = entries[: len(merged["aliases"])]
    for pack in packs:  # after the tables: their rows and names win
        for election in pack.elections:
            elections.setdefault(election.id, election)
        entries += pack.names
        alias_rows += pack.names[: pack.alias_count]
        paths = [*paths, *pack.table_paths()]
    return ReferenceData(
        elections, results, people, events, Gazetteer(entries), tuple(paths), tuple(alias_rows), tuple(packs)
    )


def _name_entries(
    aliases: Iterable[_Row],
    elections: Mapping[str, Election],
    results: Iterable[ResultRow],
    people: Mapping[str, Person],
    localised: bool = False,
) -> list[NameEntry]:
    """Aliases first (they carry the types), then every canonical name of the other tables.

    ``localised`` (the packs): a region, option or election name belongs to the country of
    its election, as an imported alias belongs to its country, so that binding can keep to
    the names of the article's countries.
    """
    entries: list[NameEntry] = []
    types: dict[str, str] = {}
    for r in aliases:
        rule = r.text("match") or "auto"
        assert rule in MATCH_RULES
        entries.append(
            NameEntry(r.text("alias"), r.text("canonical"), r.text("type"), rule, r.text("country"))
        )
        types.setdefault(r.text("canonical"), r.text("type"))

    def add(name: str, default_type: str, country: str = "") -> None:
        entries.append(NameEntry(name, name, types.setdefault(name, default_type), "auto", country))

    for name in people:
        add(name, "person")
    for row in results:
        election = elections.get(row.election)
        country = election.country if localised and election is not None else ""
        add(row.region, "place", country)
        if row.option:
            add(row.option, "option", country)
    for e in elections.values():
        # Election names resolve to the election id; the id itself is only looked up.
        country = e.country if localised else ""
        for name in (e.name, *e.names):
            entries.append(NameEntry(name, e.id, "election", "auto", country))
        entries.append(NameEntry(e.id, e.id, "election", "lookup", country))
    return entries


def validate_reference(dirs: Sequence[Path], include_bundled: bool = True) -> list[Problem]:
    """Every problem of the tables (bundled first, then ``dirs``), as ``Problem`` records.

    Packs among ``dirs`` are validated from their CSV files like any other folder.

    >>> validate_reference([])
    []
    """
    _merged, _paths, problems = _collect(dirs, include_bundled)
    return problems


def load_reference(
    dirs: Sequence[Path], include_bundled: bool = True, use_index: bool = True
) -> ReferenceData:
    """Load, validate and index the reference tables; raise ReferenceDataError listing every problem.

    Bundled packs among ``dirs`` (:func:`pack_dirs`) rank below the hand-curated tables,
    whatever their place: a row or alias with the same key is taken from the tables. They
    are read from their index (written and validated by ``python -m checker.importers.build``);
    ``use_index=False``, or an index that no longer fits its CSV files, reads and validates
    the CSV files instead. Every other folder is validated as it is read.

    >>> load_reference([]).describe().split(", ")[0]
    '20 elections'
    """
    packs = tuple(open_pack(Path(d), use_index) for d in dirs if is_pack(Path(d)))
    others = [Path(d) for d in dirs if not is_pack(Path(d))]
    known = {e.id for pack in packs for e in pack.elections}
    merged, paths, problems = _collect(others, include_bundled, known)
    if problems:
        raise ReferenceDataError(problems)
    ref = _build(merged, paths, packs)
    log.info("reference data: %s", ref.describe())
    return ref


# --- the bundled packs -------------------------------------------------------------------------

PACK_INDEX = "index.json"
_PACK_INDEX_FORMAT = 1
_PACK_TABLES = ("elections", "results", "aliases")
# The columns of an election in a pack's index, in order (after its line number).
_ELECTION_FIELDS = (
    "election_id",
    "name",
    "kind",
    "country",
    "start_date",
    "end_date",
    "result_date",
    "names",
    "regions",
    "source_url",
    "note",
    "dataset",
)


def is_pack(folder: Path) -> bool:
    """Whether ``folder`` is one of the bundled packs (read from an index, ranked below the tables)."""
    return folder.resolve().parent == PACKS_DIR.resolve() and (folder / "elections.csv").is_file()


@dataclass(frozen=True, repr=False)
class Pack:
    """One bundled pack: its elections and names, read from its index at load, and its result
    rows, read from ``results.csv`` one election at a time on first use."""

    folder: Path
    elections: tuple[Election, ...]
    names: tuple[NameEntry, ...]  # the gazetteer's names: the alias rows first
    alias_count: int
    result_columns: tuple[str, ...]
    result_spans: Mapping[str, tuple[int, int, int]]  # election -> start, end, line in results.csv
    result_count: int
    _text: list[str] = field(default_factory=list, compare=False)  # results.csv, once read
    _rows: dict[str, tuple[ResultRow, ...]] = field(default_factory=dict, compare=False)

    def __repr__(self) -> str:
        return f"Pack({self.folder.name}: {len(self.elections)} elections, {self.result_count} results)"

    def table_paths(self) -> list[tuple[str, str]]:
        return [(name, str(self.folder / f"{name}.csv")) for name in _PACK_TABLES]

    def rows_of(self, election: str) -> tuple[ResultRow, ...]:
        """The result rows of ``election`` in this pack, in file order (read once)."""
        rows = self._rows.get(election)
        if rows is None:
            span = self.result_spans.get(election)
            rows = () if span is None else tuple(self._read_rows(*span))
            self._rows[election] = rows
        return rows

    def _read_rows(self, start: int, end: int, first_line: int) -> Iterable[ResultRow]:
        if not self._text:
            self._text.append((self.folder / "results.csv").read_text(encoding="utf-8-sig"))
        column = {name: i for i, name in enumerate(self.result_columns)}
        file = str(self.folder / "results.csv")
        reader = csv.reader(io.StringIO(self._text[0][start:end], newline=""))
        line = first_line
        for cells in reader:
            row_line, line = line, first_line + reader.line_num
            if not any(c.strip() for c in cells):
                continue
            cell = _cell_reader(column, cells)
            yield ResultRow(
                election=cell("election_id"),
                region=cell("region"),
                option=cell("option") or None,
                stage=cell("stage"),
                counted_pct=_opt(Decimal, cell("counted_pct")),
                as_of=_opt(dt.date.fromisoformat, cell("as_of")),
                share=_opt(Decimal, cell("share_pct")),
                share_basis=cell("share_basis") or "ballots",
                turnout=_opt(Decimal, cell("turnout_pct")),
                votes=_opt(int, cell("votes")),
                registered=_opt(int, cell("registered")),
                claimed_by=cell("claimed_by") or None,
                source_url=cell("source_url"),
                note=cell("note"),
                file=file,
                line=row_line,
                option_label=cell("option_label"),
                dataset=cell("dataset"),
                share_rounding=_opt(Decimal, cell("share_rounding_pct")),
            )


def _cell_reader(column: Mapping[str, int], cells: Sequence[str]) -> Callable[[str], str]:
    def cell(name: str) -> str:
        i = column.get(name)
        return cells[i].strip() if i is not None and i < len(cells) else ""

    return cell


def _opt(parse: Callable[[str], _T], raw: str) -> _T | None:
    """``parse(raw)``, or None for an empty cell (pack cells were validated when built)."""
    return parse(raw) if raw else None


def _result_key(row: ResultRow) -> tuple[str, ...]:
    """The key of a result row, as :func:`_key_of` makes it from the table's cells."""
    return (
        row.election,
        row.region,
        row.option or "",
        row.stage,
        "" if row.as_of is None else str(row.as_of),
        "" if row.counted_pct is None else str(row.counted_pct),
        row.claimed_by or "",
        row.share_basis,
    )


def _all_results(ref: ReferenceData) -> tuple[ResultRow, ...]:
    rows = list(ref.rows)
    for pack in ref.packs:
        file = str(pack.folder / "results.csv")
        for election in pack.result_spans:
            if election in ref._shared:  # merged with the tables' rows already: the pack's that stayed
                rows += [r for r in ref.results_for(election) if r.file == file]
            else:
                rows += pack.rows_of(election)
    return tuple(rows)


def open_pack(folder: Path, use_index: bool = True) -> Pack:
    """A bundled pack, from its index when that fits the CSV files, else from the CSV files
    (validated; raises ReferenceDataError listing every problem)."""
    index = None
    if use_index:
        try:
            index = json.loads((folder / PACK_INDEX).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            log.warning("%s: no readable pack index; reading the CSV files", folder)
        if index is not None and index.get("files") != _file_sizes(folder):
            log.warning("%s: the pack index does not fit the CSV files; reading them instead", folder)
            index = None
    if index is None:
        index = pack_index(folder)
    return _pack_of(folder, index)


def _file_sizes(folder: Path) -> dict[str, int]:
    return {f"{name}.csv": (folder / f"{name}.csv").stat().st_size for name in _PACK_TABLES}


def _pack_of(folder: Path, index: Mapping[str, Any]) -> Pack:
    file = str(folder / "elections.csv")
    elections = []
    for line, *cells in index["elections"]:
        e = dict(zip(_ELECTION_FIELDS, cells, strict=True))
        elections.append(
            Election(
                id=e["election_id"],
                name=e["name"],
                kind=e["kind"],
                country=e["country"],
                start=dt.date.fromisoformat(e["start_date"]),
                end=dt.date.fromisoformat(e["end_date"]),
                result_date=_opt(dt.date.fromisoformat, e["result_date"]),
                names=tuple(e["names"]),
                source_url=e["source_url"],
                note=e["note"],
                file=file,
                line=line,
                regions=e["regions"],
                dataset=e["dataset"],
            )
        )
    names = tuple(NameEntry(*entry) for entry in index["names"])
    return Pack(
        folder=folder,
        elections=tuple(elections),
        names=names,
        alias_count=index["alias_count"],
        result_columns=tuple(index["result_columns"]),
        result_spans={k: (v[0], v[1], v[2]) for k, v in index["result_spans"].items()},
        result_count=index["result_count"],
    )


def pack_index(folder: Path) -> dict[str, Any]:
    """The index of a pack's CSV files, validated (ReferenceDataError lists every problem).

    What loading needs at once, without parsing a cell: the elections, the gazetteer's
    names (every alias, region, option and election name, with its country) and, per
    election, where its rows are in ``results.csv`` (they must be consecutive).
    """
    merged, paths, problems = _collect([folder], include_bundled=False)
    if problems:
        raise ReferenceDataError(problems)
    ref = _build(merged, paths, localised=True)
    text = (folder / "results.csv").read_text(encoding="utf-8-sig")
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    spans: dict[str, list[int]] = {}
    order = sorted(merged["results"], key=lambda r: r.line)
    for i, row in enumerate(order):
        election = row.text("election_id")
        following = order[i + 1].line if i + 1 < len(order) else None
        end = starts[following - 1] if following is not None else len(text)
        if election in spans:
            if spans[election][1] != starts[row.line - 1]:
                raise ReferenceDataError(
                    [Problem(row.file, row.line, f"rows of {election} are not consecutive; sort the file")]
                )
            spans[election][1] = end
        else:
            spans[election] = [starts[row.line - 1], end, row.line]
    names: dict[NameEntry, None] = dict.fromkeys(ref.gazetteer.entries)  # in order, once each
    header = next(csv.reader(io.StringIO(text, newline="")))
    elections = [
        [
            e.line,
            e.id,
            e.name,
            e.kind,
            e.country,
            e.start.isoformat(),
            e.end.isoformat(),
            e.result_date.isoformat() if e.result_date else "",
            list(e.names),
            e.regions,
            e.source_url,
            e.note,
            e.dataset,
        ]
        for e in ref.elections.values()
    ]
    return {
        "format": _PACK_INDEX_FORMAT,
        "files": _file_sizes(folder),
        "elections": elections,
        "result_columns": [h.strip() for h in header],
        "result_count": len(merged["results"]),
        "result_spans": spans,
        "alias_count": len(merged["aliases"]),
        "names": [[e.alias, e.canonical, e.type, e.match, e.country] for e in names],
    }


def write_pack_index(folder: Path) -> Path:
    """Validate a pack and write its index (``python -m checker.importers.build`` does)."""
    index = pack_index(folder)
    path = folder / PACK_INDEX
    # One element per line: the committed index diffs like the CSV files it indexes.
    parts = []
    for key, value in index.items():
        if isinstance(value, list) and value:
            body = "[\n" + ",\n".join(json.dumps(v, ensure_ascii=False) for v in value) + "\n]"
        elif isinstance(value, dict) and value:
            items = (f"{json.dumps(k, ensure_ascii=False)}: {json.dumps(v)}" for k, v in value.items())
            body = "{\n" + ",\n".join(items) + "\n}"
        else:
            body = json.dumps(value, ensure_ascii=False)
        parts.append(f"{json.dumps(key)}: {body}")
    path.write_text("{\n" + ",\n".join(parts) + "\n}\n", encoding="utf-8")
    return path
