"""Precinct tables (the ones ``checkfigures forensics`` reads) -> national and regional totals.

The columns come from the same presets and column options as the forensics command
(:mod:`checker.forensics.table`); the rows are summed per region (the ``region`` column)
and over the country. Per contest: every candidate's votes and share of the ballots
(valid + invalid, the Russian CEC's basis: Putin 2018 is 56,430,712 of 73,578,992 ballots,
76.69%), the turnout (ballots issued early, at and outside the station over the registered
voters) and the registered voters.

A row with a negative or non-numeric count, or with more candidate votes than valid
ballots, is reported as ``file:line`` and left out of the sums (and the national row's
note says how many stations were left out); rows with no numbers at all (stations that
reported nothing) are counted in the note.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from checker.errors import TableError, UsageError
from checker.forensics.table import Layout, match_column, read_header, resolve_preset
from checker.importers.common import (
    AliasRecord,
    ElectionRecord,
    ImportReport,
    PackBuilder,
    Provenance,
    ResultRecord,
    Where,
    election_id,
    share_of,
)

__all__ = ["PRESET_ELECTIONS", "RU_CEC", "import_precincts"]

log = logging.getLogger(__name__)

RU_CEC = Provenance(
    dataset="Russian CEC polling-station returns (Shpilkin; dkobak/elections)",
    version="dkobak/elections commit 8003707eb94e3a1e69f8b1b965cdf93f80153808",
    source_url="https://github.com/dkobak/elections",
    retrieved=None,
    citation=(
        "Official returns of the Central Election Commission of the Russian Federation, one row per "
        "polling station, as collected by Sergey Shpilkin and published with Kobak, Shpilkin & "
        "Pshenichnikov in https://github.com/dkobak/elections (folder data/, commit 8003707)."
    ),
)
# What a preset's tables are: (country, ISO code, kind, provenance).
PRESET_ELECTIONS: dict[str, tuple[str, str, str, Provenance]] = {
    "ru-cec-presidential": ("Russia", "RU", "presidential", RU_CEC),
    "ru-cec-duma": ("Russia", "RU", "parliamentary", RU_CEC),
    "ru-cec-2020-vote": ("Russia", "RU", "constitutional_referendum", RU_CEC),
}
_NAMES = {"presidential": "presidential election", "parliamentary": "parliamentary election"}


@dataclass(slots=True)
class _Sums:
    registered: int = 0
    issued: int = 0
    valid: int = 0
    invalid: int = 0
    votes: list[int] = field(default_factory=list)
    stations: int = 0

    def add(self, registered: int, issued: int, valid: int, invalid: int, votes: list[int]) -> None:
        self.registered += registered
        self.issued += issued
        self.valid += valid
        self.invalid += invalid
        self.votes = [a + b for a, b in zip(self.votes, votes, strict=True)] if self.votes else list(votes)
        self.stations += 1


@contextmanager
def _open(path: Path) -> Iterator[io.TextIOBase]:
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            members = [m for m in zf.namelist() if m.lower().endswith(".csv")]
            if len(members) != 1:
                raise UsageError(f"{path}: the zip must hold exactly one .csv file, it holds {len(members)}")
            with zf.open(members[0]) as raw, io.TextIOWrapper(raw, encoding="utf-8-sig", newline="") as fh:
                yield fh
        return
    with path.open(encoding="utf-8-sig", newline="") as fh:
        yield fh


def _counts(cells: list[str]) -> list[int] | str | None:
    if not any(c.strip() for c in cells):
        return None
    out: list[int] = []
    for c in cells:
        c = c.strip()
        try:
            value = float(c)
        except ValueError:
            return f"{c!r} is not a number"
        if not value.is_integer() or value < 0:
            return f"{c!r} is not a whole, non-negative count"
        out.append(int(value))
    return out


def import_precincts(
    table: Path,
    out: Path,
    *,
    preset: str,
    date: dt.date,
    names: dict[str, str] | None = None,
    retrieved: dt.date | None = None,
    provenance: Provenance | None = None,
) -> ImportReport:
    """Sum a precinct table per region and nationally into tables in ``out``.

    ``names`` maps a candidate column (or the start of it) to the name to use.
    """
    if preset not in PRESET_ELECTIONS:
        raise UsageError(
            f"no election preset {preset!r}; choose one of {', '.join(sorted(PRESET_ELECTIONS))}"
        )
    country, code, kind, default_prov = PRESET_ELECTIONS[preset]
    base = provenance or default_prov
    pack = PackBuilder(Provenance(base.dataset, base.version, base.source_url, retrieved, base.citation))
    try:
        header = read_header(table)
        layout: Layout = resolve_preset(preset, header, str(table))
    except TableError as err:
        raise UsageError("; ".join(str(p) for p in err.problems)) from None
    region_col = match_column(header, "region")
    labels = {c: c for c in layout.candidates}
    for source, name in (names or {}).items():
        found = match_column(layout.candidates, source)
        if found is None:
            raise UsageError(f"--names: no candidate column {source!r}")
        labels[found] = name
    cols = [
        layout.registered,
        *layout.issued,
        *(c for c in (layout.valid, layout.invalid) if c),
        *layout.candidates,
    ]
    file = str(table)
    nation = _Sums()
    regions: dict[str, _Sums] = {}
    empty = 0
    with _open(table) as fh:
        reader = csv.reader(fh)
        head = next(reader)
        idx = {h: i for i, h in reversed(list(enumerate(head)))}
        pos = [idx[c] for c in cols]
        region_at = idx[region_col] if region_col else None
        n_issued = len(layout.issued)
        for row in reader:
            line = reader.line_num
            if len(row) <= max(pos):
                if any(c.strip() for c in row):
                    pack.report(Where(file, line), f"only {len(row)} fields; station left out")
                continue
            parsed = _counts([row[i] for i in pos])
            if parsed is None:
                empty += 1
                continue
            if isinstance(parsed, str):
                pack.report(Where(file, line), f"{parsed}; station left out")
                continue
            registered, issued = parsed[0], sum(parsed[1 : 1 + n_issued])
            rest = parsed[1 + n_issued :]
            votes = rest[-len(layout.candidates) :]
            valid = rest[0] if layout.valid else sum(votes)
            invalid = rest[1 if layout.valid else 0] if layout.invalid else 0
            if sum(votes) > valid:
                pack.report(
                    Where(file, line),
                    f"candidates' votes ({sum(votes)}) exceed valid ballots ({valid}); station left out",
                )
                continue
            nation.add(registered, issued, valid, invalid, votes)
            if region_at is not None:
                regions.setdefault(row[region_at].strip(), _Sums()).add(
                    registered, issued, valid, invalid, votes
                )
    eid = election_id(code, kind, date)
    name = f"{date.year} {country} {_NAMES.get(kind, kind.replace('_', ' '))}"
    pack.add_election(ElectionRecord(eid, name, kind, country, date, date), Where(file, None))
    note = f"Sum of {nation.stations} polling stations"
    note += f"; {pack.left_out} left out (see the import report)" if pack.left_out else ""
    note += f"; {empty} without numbers" if empty else ""
    for region, sums, row_note in (
        (country, nation, note),
        *((r, s, "") for r, s in sorted(regions.items())),
    ):
        _contest(pack, eid, region, sums, layout, labels, Where(file, None), row_note)
    for column, label in labels.items():
        pack.add_alias(AliasRecord(label, label, "person", country), Where(file, 1))
        if label != column:
            pack.add_alias(AliasRecord(label, column, "person", country), Where(file, 1))
    report = pack.write(out)
    log.info("precincts: %s", report.summary())
    return report


def _contest(
    pack: PackBuilder,
    eid: str,
    region: str,
    sums: _Sums,
    layout: Layout,
    labels: dict[str, str],
    where: Where,
    note: str,
) -> None:
    ballots = sums.valid + sums.invalid
    turnout = share_of(sums.issued, sums.registered)
    pack.set_total(eid, region, ballots, where)
    pack.add_result(
        ResultRecord(eid, region, None, turnout=turnout, registered=sums.registered, note=note), where
    )
    for column, votes in zip(layout.candidates, sums.votes, strict=True):
        share = share_of(votes, ballots)
        pack.add_result(
            ResultRecord(
                eid, region, labels[column], share=share, turnout=turnout, votes=votes, option_label=column
            ),
            where,
        )
