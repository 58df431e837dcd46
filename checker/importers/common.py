"""What every importer shares: the records it emits, the checks it runs, the writer.

An importer reads a source (ParlGov, MEDSL, precinct tables, any CSV) and hands each
election, figure and name to a :class:`PackBuilder` together with *where* in the source
it came from. The builder checks each as it comes and the contests as a whole (duplicate
keys, shares over 100 or summing past 100 beyond rounding, votes over the contest's total
or summing past it, dates out of order) and keeps a :class:`~checker.errors.Problem`
(``source file:line: message``) for every row it leaves out. :meth:`PackBuilder.write`
writes ``elections.csv``, ``results.csv`` and ``aliases.csv`` in the schema of
``reference_data/README.md``, each row with its provenance (dataset, version, source URL or
DOI, retrieval date), and a ``SOURCE.md`` with the dataset's citation; the written folder
is then loaded with :func:`checker.reference.validate_reference`, so what is written is
what ``checkfigures check --reference DIR`` accepts.
"""

from __future__ import annotations

import csv
import datetime as dt
import logging
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from checker.errors import Problem, ReferenceDataError
from checker.gazetteer import fold, fold_key
from checker.reference import ELECTION_KINDS, LIST_SEPARATOR, validate_reference

__all__ = [
    "AliasRecord",
    "ElectionRecord",
    "ImportReport",
    "PackBuilder",
    "Provenance",
    "ResultRecord",
    "Where",
    "election_id",
    "half_unit",
    "share_of",
]

log = logging.getLogger(__name__)

# The short type part of election ids, in the style of reference_data/elections.csv
# (ru_pres_2024, uk_eu_ref_2016, ge_parl_2024).
KIND_CODES = {
    "presidential": "pres",
    "parliamentary": "parl",
    "european_parliament": "ep",
    "referendum": "ref",
    "constitutional_referendum": "const_ref",
    "annexation_referendum": "annexation_ref",
    "status_referendum": "status_ref",
    "independence_referendum": "independence_ref",
}
# ISO 3166 alpha-2 codes where the existing ids use another code (uk_eu_ref_2016).
_ID_CODES = {"gb": "uk"}

ELECTION_COLUMNS = (
    "election_id",
    "name",
    "kind",
    "country",
    "start_date",
    "end_date",
    "result_date",
    "names",
    "source_url",
    "note",
    "dataset",
    "dataset_version",
    "retrieved",
)
RESULT_COLUMNS = (
    "election_id",
    "region",
    "option",
    "option_label",
    "stage",
    "share_pct",
    "share_basis",
    "turnout_pct",
    "votes",
    "registered",
    "parts",
    "share_rounding_pct",
    "source_url",
    "note",
    "dataset",
    "dataset_version",
    "retrieved",
)
ALIAS_COLUMNS = ("canonical", "alias", "type", "match", "country", "dataset", "dataset_version", "retrieved")


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a whole import comes from; written on every row and into SOURCE.md."""

    dataset: str
    version: str
    source_url: str  # URL or DOI link of the dataset
    retrieved: dt.date | None
    citation: str


@dataclass(frozen=True, slots=True)
class Where:
    """A place in a source file: the file and its line (lines of summed rows in ``more``)."""

    file: str
    line: int | None
    more: tuple[int, ...] = ()

    def problem(self, message: str) -> Problem:
        extra = f" (with lines {', '.join(map(str, self.more))})" if self.more else ""
        return Problem(self.file, self.line, message + extra)


@dataclass(frozen=True, slots=True)
class ElectionRecord:
    id: str
    name: str
    kind: str
    country: str
    start: dt.date
    end: dt.date
    result_date: dt.date | None = None
    names: tuple[str, ...] = ()
    source_url: str = ""  # besides the dataset's: the source the dataset names for this election
    note: str = ""
    after: tuple[tuple[str, dt.date], ...] = ()  # (what, date) this election must follow


@dataclass(frozen=True, slots=True)
class ResultRecord:
    """One figure of one contest (election + region); ``option`` None for turnout-only rows."""

    election: str
    region: str
    option: str | None
    share: Decimal | None = None
    share_basis: str = "ballots"
    turnout: Decimal | None = None
    votes: int | None = None
    registered: int | None = None
    option_label: str = ""
    note: str = ""
    stage: str = "final"
    # An alliance's row (``alliances.py``): the options it sums, and the sum of their roundings.
    parts: tuple[str, ...] = ()
    share_rounding: Decimal | None = None


@dataclass(frozen=True, slots=True)
class AliasRecord:
    canonical: str
    alias: str
    type: str
    country: str = ""
    match: str = ""


@dataclass(slots=True)
class ImportReport:
    """What an import did: where it wrote, how much, and every problem it found."""

    out: Path
    elections: int = 0
    results: int = 0
    aliases: int = 0
    problems: list[Problem] = field(default_factory=list)
    left_out: int = 0  # source rows left out because of a problem
    corrected: int = 0  # source rows corrected from a cited source (each also a problem line)

    def summary(self) -> str:
        return (
            f"{self.elections} elections, {self.results} results, {self.aliases} aliases written to "
            f"{self.out}; {len(self.problems)} problem(s), {self.left_out} source row(s) left out, "
            f"{self.corrected} corrected"
        )


def election_id(country_code: str, kind: str, date: dt.date, several_that_year: bool = False) -> str:
    """``{country}_{type}_{year}``, with the full date when a country held two that year.

    >>> election_id("DE", "parliamentary", dt.date(2013, 9, 22))
    'de_parl_2013'
    >>> election_id("GB", "parliamentary", dt.date(1974, 10, 10), several_that_year=True)
    'uk_parl_1974_10_10'
    """
    code = country_code.lower()
    code = _ID_CODES.get(code, code)
    when = date.strftime("%Y_%m_%d") if several_that_year else str(date.year)
    return f"{code}_{KIND_CODES[kind]}_{when}"


_TWO_PLACES = Decimal("0.01")


def share_of(part: int, whole: int) -> Decimal | None:
    """``part / whole`` in percent, two decimals (half up), as election commissions print them.

    >>> share_of(56430712, 73578992)
    Decimal('76.69')
    """
    if whole <= 0:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(_TWO_PLACES, rounding=ROUND_HALF_UP)


def half_unit(value: Decimal) -> Decimal:
    """Half a unit of the last written decimal (34.1 -> 0.05): the rounding a share may carry."""
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    return Decimal(5).scaleb(exponent - 1)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        return LIST_SEPARATOR.join(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


_SPACES = re.compile(r"\s+")


# Imported party names are searched in the running text of any article, in any language:
# a short name that is no acronym ("He", "Hat", "W", the Danish "Å") is an ordinary word
# somewhere, and so is a one-word name written in lower case ("change", "together").
_SEARCH_MIN_LETTERS = 3


def search_rule(alias: str) -> str:
    """How the gazetteer may search running text for an imported name (aliases.csv ``match``):
    ``lookup`` (never searched, only resolved) for names of at most two letters and for
    three-letter names that are not all capitals, ``case`` (only as written) for other
    one-word names that are not all capitals, else the default rule ('').

    >>> [search_rule(a) for a in ("Å", "Hat", "SPD", "Change", "CDU/CSU", "die Grünen")]
    ['lookup', 'lookup', '', 'case', '', '']
    """
    letters = [c for c in fold(alias) if c.isalpha()]
    acronym = all(c.isupper() for c in letters)
    if len(letters) < _SEARCH_MIN_LETTERS or (len(letters) == _SEARCH_MIN_LETTERS and not acronym):
        return "lookup"
    if " " not in alias.strip() and not acronym:
        return "case"
    return ""


def clean_name(text: str) -> str:
    """A name with runs of white space collapsed and Unicode in NFC form."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


class PackBuilder:
    """Collects one import's records, checks them as they come and writes the tables."""

    def __init__(self, provenance: Provenance) -> None:
        self.provenance = provenance
        self.problems: list[Problem] = []
        self.left_out = 0
        self.corrected = 0
        self._elections: dict[str, tuple[ElectionRecord, Where]] = {}
        self._results: dict[tuple[str, str, str, str, str], tuple[ResultRecord, Where]] = {}
        self._totals: dict[tuple[str, str], tuple[int, Where]] = {}
        self._aliases: dict[tuple[str, str], AliasRecord] = {}
        self._alias_where: dict[tuple[str, str], Where] = {}
        self._ambiguous: set[tuple[str, str]] = set()
        self.ambiguous_aliases = 0  # names of two things of one country, left out

    # --- problems ---------------------------------------------------------------------------

    def report(self, where: Where, message: str, left_out: int = 1) -> None:
        """A problem at ``where``; ``left_out`` source rows are not imported because of it."""
        self.problems.append(where.problem(message))
        self.left_out += left_out

    def report_corrected(self, where: Where, message: str) -> None:
        self.problems.append(where.problem(message))
        self.corrected += 1

    # --- records ----------------------------------------------------------------------------

    def add_election(self, e: ElectionRecord, where: Where) -> bool:
        if e.kind not in ELECTION_KINDS:
            self.report(where, f"election kind '{e.kind}' is not one of {', '.join(ELECTION_KINDS)}")
            return False
        if e.id in self._elections:
            first = self._elections[e.id][1]
            self.report(where, f"duplicate election id {e.id} (first on line {first.line})")
            return False
        if e.end < e.start:
            self.report(where, f"end date {e.end} is before start date {e.start}")
            return False
        if e.result_date is not None and e.result_date < e.end:
            self.report(where, f"result date {e.result_date} is before the voting ended ({e.end})")
            return False
        for what, date in e.after:
            if date >= e.start:
                self.report(where, f"dates out of order: {e.id} ({e.start}) is not after {what} ({date})")
                return False
        self._elections[e.id] = (e, where)
        return True

    def has_election(self, election: str) -> bool:
        return election in self._elections

    def add_result(self, r: ResultRecord, where: Where) -> bool:
        if r.election not in self._elections:
            self.report(where, f"result of an unknown or left-out election {r.election}")
            return False
        for name, value in (("share", r.share), ("turnout", r.turnout)):
            if value is not None and not Decimal(0) <= value <= Decimal(100):
                self.report(where, f"{name} {value}% is outside 0-100 ({r.region}, {r.option or 'turnout'})")
                return False
        for name, count in (("votes", r.votes), ("registered", r.registered)):
            if count is not None and count < 0:
                self.report(where, f"negative {name} ({count})")
                return False
        if r.votes is not None and r.registered is not None and r.votes > r.registered:
            self.report(where, f"{r.option}: {r.votes} votes exceed the {r.registered} registered voters")
            return False
        if r.share is None and r.turnout is None and r.votes is None and r.registered is None:
            self.report(where, "row has no figure (no share, turnout, votes or registered voters)")
            return False
        key = (r.election, r.region, r.option or "", r.stage, r.share_basis)
        if key in self._results:
            first = self._results[key][1]
            self.report(
                where,
                f"duplicate result {r.election} / {r.region} / {r.option or 'turnout'} "
                f"(first on line {first.line})",
            )
            return False
        self._results[key] = (r, where)
        return True

    def set_total(self, election: str, region: str, total: int, where: Where) -> None:
        """The contest's total ballots: no option may exceed it, their sum may not pass it."""
        self._totals[(election, region)] = (total, where)

    def add_alias(self, a: AliasRecord, where: Where) -> None:
        """A name; one that names two things of one country is left out (and reported)."""
        alias = clean_name(a.alias)
        if not alias or alias.casefold() in {"none", "others", "other"}:
            return
        key = (fold_key(alias), a.country)
        if key in self._ambiguous:
            return
        known = self._aliases.get(key)
        if known is None:
            self._aliases[key] = AliasRecord(a.canonical, alias, a.type, a.country, a.match)
            self._alias_where[key] = where
        elif known.canonical != a.canonical:
            self._ambiguous.add(key)
            del self._aliases[key]
            first = self._alias_where[key]
            # Not a fault of the source (two parties of one country share a short name over
            # the years): the name cannot resolve to one of them, so it is not an alias.
            log.info(
                "%s:%s: name '%s' stands for '%s' (line %s) and '%s'; left out of aliases.csv",
                where.file,
                where.line,
                alias,
                known.canonical,
                first.line,
                a.canonical,
            )
            self.ambiguous_aliases += 1

    # --- whole-contest checks -----------------------------------------------------------------

    def _leave_out(self, members: list[tuple[ResultRecord, Where]], message: str) -> None:
        """Report a contest whose rows cannot all be right, naming its first row and the rest."""
        lines = tuple(w.line for _, w in members if w.line is not None)
        first = members[0][1]
        self.report(Where(first.file, first.line, lines[1:]), message, left_out=len(members))

    def _check_contests(self) -> None:
        contests: dict[tuple[str, str, str, str], list[tuple[ResultRecord, Where]]] = defaultdict(list)
        for rkey, (r, where) in self._results.items():
            if r.option is not None and not r.parts:  # an alliance's row repeats its parts' shares
                contests[(rkey[0], rkey[1], rkey[3], rkey[4])].append((r, where))
        drop: set[tuple[str, str, str, str]] = set()
        for key, members in contests.items():
            shares = [r.share for r, _ in members if r.share is not None]
            total = sum(shares, Decimal(0))
            slack = sum((half_unit(s) for s in shares), Decimal(0))
            if total > 100 + slack:
                self._leave_out(
                    members,
                    f"option shares of {key[0]} / {key[1]} sum to {total}%, more than 100% plus rounding "
                    f"({slack}); the contest is left out",
                )
                drop.add(key)
                continue
            ballots = self._totals.get((key[0], key[1]))
            if ballots is None:
                continue
            total_votes = sum(r.votes or 0 for r, _ in members)
            if total_votes > ballots[0]:
                self._leave_out(
                    members,
                    f"the votes of {key[0]} / {key[1]} sum to {total_votes}, more than the "
                    f"{ballots[0]} ballots of the contest; the contest is left out",
                )
                drop.add(key)
        if drop:
            self._results = {
                k: v for k, v in self._results.items() if (k[0], k[1], k[3], k[4]) not in drop or not k[2]
            }

    def check_votes(self, r: ResultRecord, total: int, where: Where) -> bool:
        """One option's votes against its contest's total; a problem when they exceed it."""
        if r.votes is not None and r.votes > total:
            self.report(
                where,
                f"{r.option}: {r.votes} votes exceed the contest's total of {total} "
                f"({r.election} / {r.region}); row left out",
            )
            return False
        return True

    # --- writing ------------------------------------------------------------------------------

    def _provenance_cells(self) -> list[str]:
        p = self.provenance
        return [p.dataset, p.version, _cell(p.retrieved)]

    def write(self, out: Path) -> ImportReport:
        """Write the tables and SOURCE.md into ``out``, then validate them as the loader would."""
        self._check_contests()
        out.mkdir(parents=True, exist_ok=True)
        p = self.provenance
        elections = sorted(self._elections.values(), key=lambda ew: (ew[0].country, ew[0].start, ew[0].id))
        with (out / "elections.csv").open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(ELECTION_COLUMNS)
            for e, _where in elections:
                sources = " ; ".join(s for s in (p.source_url, e.source_url) if s)
                w.writerow(
                    [
                        e.id,
                        e.name,
                        e.kind,
                        e.country,
                        _cell(e.start),
                        _cell(e.end),
                        _cell(e.result_date),
                        _cell(e.names),
                        sources,
                        e.note,
                        *self._provenance_cells(),
                    ]
                )
        order = {e.id: i for i, (e, _w) in enumerate(elections)}
        results = sorted(self._results.values(), key=lambda rw: order[rw[0].election])  # stable
        with (out / "results.csv").open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(RESULT_COLUMNS)
            for r, _where in results:
                w.writerow(
                    [
                        r.election,
                        r.region,
                        _cell(r.option),
                        r.option_label,
                        r.stage,
                        _cell(r.share),
                        r.share_basis,
                        _cell(r.turnout),
                        _cell(r.votes),
                        _cell(r.registered),
                        " + ".join(r.parts),
                        _cell(r.share_rounding),
                        p.source_url,
                        r.note,
                        *self._provenance_cells(),
                    ]
                )
        aliases = sorted(self._aliases.values(), key=lambda a: (a.country, a.canonical, fold_key(a.alias)))
        if aliases:
            with (out / "aliases.csv").open("w", encoding="utf-8", newline="") as fh:
                w = csv.writer(fh, lineterminator="\n")
                w.writerow(ALIAS_COLUMNS)
                for a in aliases:
                    w.writerow([a.canonical, a.alias, a.type, a.match, a.country, *self._provenance_cells()])
        else:
            (out / "aliases.csv").unlink(missing_ok=True)
        (out / "SOURCE.md").write_text(_source_text(p, len(elections), len(results)), encoding="utf-8")
        written = validate_reference([out], include_bundled=False)
        if written:
            # The checks above should have caught these: a bug of the importer, not of the source.
            raise ReferenceDataError(written)
        report = ImportReport(out, len(elections), len(results), len(aliases))
        report.problems = sorted(self.problems, key=lambda pr: (pr.file, pr.line or 0))
        report.left_out, report.corrected = self.left_out, self.corrected
        log.info("import: %s", report.summary())
        return report


def _source_text(p: Provenance, elections: int, results: int) -> str:
    retrieved = p.retrieved.isoformat() if p.retrieved else "not given"
    return (
        f"# {p.dataset}\n\n"
        f"Converted by `checkfigures reference import` into {elections} elections and {results} "
        f"results.\n\n"
        f"- dataset: {p.dataset}\n- version: {p.version}\n- source: {p.source_url}\n"
        f"- retrieved: {retrieved}\n\n## Citation\n\n{p.citation}\n"
    )


def read_csv(path: Path) -> Iterable[tuple[int, dict[str, str]]]:
    """Rows of a UTF-8 CSV file with their line numbers (a quoted line break counts)."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        line = 2
        for row in reader:
            yield line, row
            line = reader.line_num + 1


def parse_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        return None


def parse_decimal(text: str) -> Decimal | None:
    text = text.strip()
    if not text or text.upper() == "NA":
        return None
    try:
        return Decimal(text)
    except ArithmeticError:
        return None


def parse_count(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isascii() and text.isdigit() else None


def unique(values: Sequence[str]) -> tuple[str, ...]:
    """The values in order, each once (by folded key), empty ones dropped."""
    seen: dict[str, str] = {}
    for v in values:
        v = clean_name(v)
        if v and fold_key(v) not in seen:
            seen[fold_key(v)] = v
    return tuple(seen.values())
