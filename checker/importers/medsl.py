"""MIT Election Data and Science Lab, U.S. President 1976-2020 by state -> our tables.

One election row per year (``us_pres_YYYY``, election day: the Tuesday after the first
Monday of November), one result row per candidate per state: the candidate's votes summed
over the party lines the source splits them into (New York's fusion lines: Democratic and
Working Families, Republican and Conservative), and the share of the state's total votes
(``totalvotes``, which includes write-ins and scattering; ``share_basis = ballots``).
Write-in lines of a candidate who is on the ballot are not added (commissions report the
ballot line); a candidate with write-in lines only gets their sum.

Names: ``BIDEN, JOSEPH R. JR`` becomes ``Joe Biden`` through ``data/medsl_names.csv`` (the
names news use, with a surname alias where it names one candidate only); other names are
turned around and title-cased (``HAWKINS, HOWIE`` -> ``Howie Hawkins``; a quoted nickname
replaces the first name). State names come from ``data/us_states.csv``.

The copy is checked row by row: a candidate's votes over the state's total, a state whose
candidates sum past its total, a state with two different totals, a line repeated. Such
rows are reported as ``file:line`` and left out -- unless ``data/medsl_corrections.csv``
corrects them from a cited official source (the FEC's Federal Elections reports), which is
reported too. Nothing is imported silently.
"""

from __future__ import annotations

import csv
import datetime as dt
import logging
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from checker.errors import UsageError
from checker.importers.common import (
    AliasRecord,
    ElectionRecord,
    ImportReport,
    PackBuilder,
    Provenance,
    ResultRecord,
    Where,
    clean_name,
    parse_count,
    read_csv,
    share_of,
)

__all__ = ["MEDSL", "candidate_name", "election_day", "import_medsl"]

log = logging.getLogger(__name__)

DATA = Path(__file__).resolve().parent / "data"
MEDSL = Provenance(
    dataset="MEDSL U.S. President 1976-2020",
    version="20210113",
    source_url="https://doi.org/10.7910/DVN/42MVDX",
    retrieved=None,
    citation=(
        "MIT Election Data and Science Lab (2017). U.S. President 1976-2020. Harvard Dataverse, "
        "https://doi.org/10.7910/DVN/42MVDX (file version 20210113)."
    ),
)
COUNTRY = "United States"
_COLUMNS = ("year", "state_po", "candidate", "party_detailed", "writein", "candidatevotes", "totalvotes")
_NICKNAME = re.compile(r'"+([^"]+)"+')


def _read_map(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def election_day(year: int) -> dt.date:
    """The Tuesday after the first Monday of November.

    >>> election_day(2020), election_day(1988)
    (datetime.date(2020, 11, 3), datetime.date(1988, 11, 8))
    """
    first = dt.date(year, 11, 1)
    monday = first + dt.timedelta(days=(0 - first.weekday()) % 7)
    return monday + dt.timedelta(days=1)


def _title(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


def candidate_name(source: str, names: dict[str, str] | None = None) -> str:
    """The name news use for a MEDSL candidate.

    >>> candidate_name("BIDEN, JOSEPH R. JR")
    'Joe Biden'
    >>> candidate_name('PAUL, RONALD ""RON""'), candidate_name("LA RIVA, GLORIA ESTELLA")
    ('Ron Paul', 'Gloria Estella La Riva')
    """
    known = _names() if names is None else names
    if source in known:
        return known[source]
    text = clean_name(source)
    nickname = _NICKNAME.search(text)
    text = _NICKNAME.sub("", text).strip()
    if "," not in text:
        return " ".join(_title(w) for w in text.split())
    last, first = (part.strip() for part in text.split(",", 1))
    words = [w for w in first.split() if w.rstrip(".").upper() not in {"JR", "SR", "II", "III"}]
    if nickname:
        words = [nickname.group(1), *words[1:]]
    return " ".join(_title(w) for w in [*words, *last.split()])


_NAMES: dict[str, str] = {}
_SURNAMES: dict[str, str] = {}


def _names() -> dict[str, str]:
    if not _NAMES:
        for row in _read_map("medsl_names.csv"):
            _NAMES[row["source"]] = row["name"]
            if row["surname_alias"]:
                _SURNAMES[row["name"]] = row["surname_alias"]
    return _NAMES


@dataclass(slots=True)
class _Candidate:
    ballot: int = 0
    writein: int = 0
    person: bool = False  # named as 'SURNAME, FIRST' (not 'OTHER', 'SCATTERING', a blank)
    lines: list[int] = field(default_factory=list)


def import_medsl(
    file: Path, out: Path, retrieved: dt.date | None = None, corrections: bool = True
) -> ImportReport:
    """Convert MEDSL's 1976-2020-president.csv into tables in ``out``."""
    if not file.is_file():
        raise UsageError(f"no such file: {file}")
    with file.open(encoding="utf-8-sig", newline="") as fh:
        header = next(csv.reader(fh), [])
    missing = [c for c in _COLUMNS if c not in header]
    if missing:
        raise UsageError(f"{file} is not MEDSL's president file: missing column(s) {', '.join(missing)}")
    prov = Provenance(MEDSL.dataset, MEDSL.version, MEDSL.source_url, retrieved, MEDSL.citation)
    pack = PackBuilder(prov)
    names = _names()
    states = {row["code"]: row["name"] for row in _read_map("us_states.csv")}
    fixes = {
        (r["year"], r["state_po"], r["candidate"], r["party_detailed"], r["column"]): r
        for r in (_read_map("medsl_corrections.csv") if corrections else [])
    }
    src = str(file)

    # state contests: (year, state) -> total, its line, candidates, raw sum, lines
    totals: dict[tuple[str, str], tuple[int, int]] = {}
    candidates: dict[tuple[str, str], dict[str, _Candidate]] = defaultdict(dict)
    raw_sum: dict[tuple[str, str], int] = defaultdict(int)
    lines_of: dict[tuple[str, str], list[int]] = defaultdict(list)
    seen: dict[tuple[str, ...], int] = {}
    bad_states: set[tuple[str, str]] = set()
    for line, row in read_csv(file):
        where = Where(src, line)
        contest = (row["year"], row["state_po"])
        ident = (*contest, row["candidate"], row["party_detailed"], row["writein"])
        if ident in seen:
            pack.report(
                where, f"line repeats {' / '.join(ident[:4])} (first on line {seen[ident]}); left out"
            )
            continue
        seen[ident] = line
        votes, total = parse_count(row["candidatevotes"]), parse_count(row["totalvotes"])
        if votes is None or total is None or contest[1] not in states or not contest[0].isdigit():
            pack.report(where, "not a row of counts (year, state, candidatevotes, totalvotes); left out")
            continue
        fix = fixes.get((*ident[:4], "candidatevotes"))
        if fix is not None and str(votes) == fix["wrong"]:
            votes = int(fix["right"])
            pack.report_corrected(
                where,
                f"{row['candidate']} {contest[0]} {contest[1]}: candidatevotes {fix['wrong']} corrected to "
                f"{fix['right']} from {fix['source_url']} ({fix['note']})",
            )
        first_total = totals.setdefault(contest, (total, line))
        if first_total[0] != total:
            pack.report(
                where,
                f"{contest[0]} {contest[1]}: totalvotes {total} differs from {first_total[0]} "
                f"on line {first_total[1]}; the state is left out",
            )
            bad_states.add(contest)
            continue
        if votes > total:
            pack.report(
                where,
                f"{row['candidate']} {contest[0]} {contest[1]}: {votes} votes exceed the state's total "
                f"of {total}; row left out",
            )
            continue
        raw_sum[contest] += votes
        lines_of[contest].append(line)
        cand = candidates[contest].setdefault(candidate_name(row["candidate"], names), _Candidate())
        cand.person = cand.person or "," in row["candidate"]
        if row["writein"] == "TRUE":
            cand.writein += votes
        else:
            cand.ballot += votes
        cand.lines.append(line)

    for year in sorted({c[0] for c in candidates}):
        day = election_day(int(year))
        pack.add_election(
            ElectionRecord(
                f"us_pres_{year}",
                f"{year} United States presidential election",
                "presidential",
                COUNTRY,
                day,
                day,
                note="State results; shares are candidate votes over the state's total votes.",
            ),
            Where(src, None),
        )
    used: set[str] = set()
    for contest, members in candidates.items():
        total, total_line = totals[contest]
        if contest in bad_states:
            continue
        if raw_sum[contest] > total:
            lines = lines_of[contest]
            pack.report(
                Where(src, lines[0], tuple(lines[1:])),
                f"{contest[0]} {contest[1]}: the candidates' votes sum to {raw_sum[contest]}, "
                f"{raw_sum[contest] - total} more than the state's total of {total}; the state is left out",
                left_out=len(lines),
            )
            continue
        election, region = f"us_pres_{contest[0]}", states[contest[1]]
        pack.set_total(election, region, total, Where(src, total_line))
        for name, cand in members.items():
            votes = cand.ballot or cand.writein
            note = "summed over party lines" if len(cand.lines) > 1 and cand.ballot else ""
            record = ResultRecord(
                election, region, name, share=share_of(votes, total), votes=votes, note=note
            )
            if pack.add_result(record, Where(src, cand.lines[0], tuple(cand.lines[1:]))) and cand.person:
                used.add(name)
    for name in sorted(used):
        pack.add_alias(AliasRecord(name, name, "person", COUNTRY), Where(src, None))
        surname = _SURNAMES.get(name)
        if surname:
            pack.add_alias(
                AliasRecord(name, surname, "person", COUNTRY), Where(str(DATA / "medsl_names.csv"), None)
            )
    for state in states.values():
        pack.add_alias(AliasRecord(state, state, "place", COUNTRY), Where(str(DATA / "us_states.csv"), None))
    report = pack.write(out)
    log.info("MEDSL: %s", report.summary())
    return report
