"""Any CSV table of results -> our tables, through a column map (``--map col=field,...``).

Fields a column can map to (or that ``--set field=value`` gives for every row):

* the election: ``election_id`` (else made from country code, kind and date), ``name``,
  ``kind``, ``country``, ``country_code`` (ISO alpha-2, for the id), ``date`` (or
  ``start_date`` and ``end_date``);
* the figure: ``region`` (default: the country), ``option``, ``option_label``, ``stage``,
  ``share_pct``, ``share_basis``, ``turnout_pct``, ``votes``, ``registered``, ``total``
  (the contest's ballots: votes are checked against it, and a missing share is computed
  from it), ``note``.

Every row is checked like the other importers' rows; problems are ``file:line``.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from pathlib import Path

from checker.errors import UsageError
from checker.importers.common import (
    ElectionRecord,
    ImportReport,
    PackBuilder,
    Provenance,
    ResultRecord,
    Where,
    election_id,
    parse_count,
    parse_date,
    parse_decimal,
    read_csv,
    share_of,
)
from checker.reference import ELECTION_KINDS, SHARE_BASES, STAGES

__all__ = ["FIELDS", "import_csv", "parse_pairs"]

log = logging.getLogger(__name__)

FIELDS = (
    "election_id",
    "name",
    "kind",
    "country",
    "country_code",
    "date",
    "start_date",
    "end_date",
    "region",
    "option",
    "option_label",
    "stage",
    "share_pct",
    "share_basis",
    "turnout_pct",
    "votes",
    "registered",
    "total",
    "note",
)


def parse_pairs(text: str, what: str) -> dict[str, str]:
    """``a=b,c=d`` -> ``{"a": "b", "c": "d"}`` (a usage error names the bad part).

    >>> parse_pairs("Party=option, Pct=share_pct", "--map")
    {'Party': 'option', 'Pct': 'share_pct'}
    """
    pairs: dict[str, str] = {}
    for part in text.split(","):
        if not part.strip():
            continue
        key, sep, value = part.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise UsageError(f"{what}: {part.strip()!r} is not NAME=VALUE")
        pairs[key.strip()] = value.strip()
    return pairs


def import_csv(
    file: Path,
    out: Path,
    columns: Mapping[str, str],
    constants: Mapping[str, str],
    provenance: Provenance,
) -> ImportReport:
    """Convert ``file`` with ``columns`` (source column -> field) and ``constants`` (field -> value)."""
    unknown = sorted({*columns.values(), *constants} - set(FIELDS))
    if unknown:
        raise UsageError(f"unknown field(s) {', '.join(unknown)}; the fields are {', '.join(FIELDS)}")
    if not file.is_file():
        raise UsageError(f"no such file: {file}")
    pack = PackBuilder(provenance)
    src = str(file)
    for line, raw in read_csv(file):
        missing = [c for c in columns if c not in raw]
        if missing:
            raise UsageError(f"{src}: no column(s) {', '.join(missing)}; the columns are {', '.join(raw)}")
        row = dict(constants)
        row.update({field: (raw[col] or "").strip() for col, field in columns.items()})
        _row(pack, row, Where(src, line))
    report = pack.write(out)
    log.info("csv import: %s", report.summary())
    return report


def _row(pack: PackBuilder, row: dict[str, str], where: Where) -> None:
    get = row.get
    start = parse_date(get("start_date") or get("date") or "")
    end = parse_date(get("end_date") or get("date") or "") or start
    kind, country = get("kind", ""), get("country", "")
    if start is None or end is None or kind not in ELECTION_KINDS or not country:
        pack.report(where, "needs a date (YYYY-MM-DD), a kind of election and a country; row left out")
        return
    eid = get("election_id") or (
        election_id(get("country_code", ""), kind, start) if get("country_code") else ""
    )
    if not eid:
        pack.report(where, "needs election_id or country_code to name the election; row left out")
        return
    if not pack.has_election(eid):
        name = get("name") or f"{start.year} {country} {kind.replace('_', ' ')}"
        if not pack.add_election(ElectionRecord(eid, name, kind, country, start, end), where):
            return
    stage, basis = get("stage") or "final", get("share_basis") or "ballots"
    if stage not in STAGES or basis not in SHARE_BASES:
        pack.report(where, f"stage '{stage}' or share_basis '{basis}' is not known; row left out")
        return
    numbers = {f: get(f, "") for f in ("share_pct", "turnout_pct", "votes", "registered", "total")}
    share, turnout = parse_decimal(numbers["share_pct"]), parse_decimal(numbers["turnout_pct"])
    votes, registered = parse_count(numbers["votes"]), parse_count(numbers["registered"])
    total = parse_count(numbers["total"])
    for f, value in (
        ("share_pct", share),
        ("turnout_pct", turnout),
        ("votes", votes),
        ("registered", registered),
    ):
        if numbers[f] and value is None:
            pack.report(where, f"{f} '{numbers[f]}' is not a number; row left out")
            return
    region = get("region") or country
    record = ResultRecord(
        eid,
        region,
        get("option") or None,
        share=share if share is not None or votes is None or not total else share_of(votes, total),
        share_basis=basis,
        turnout=turnout,
        votes=votes,
        registered=registered,
        option_label=get("option_label", ""),
        note=get("note", ""),
        stage=stage,
    )
    if total is not None:
        if not pack.check_votes(record, total, where):
            return
        pack.set_total(eid, region, total, where)
    pack.add_result(record, where)


def provenance_of(dataset: str, version: str, source_url: str, retrieved: dt.date | None) -> Provenance:
    return Provenance(dataset, version, source_url, retrieved, f"{dataset} ({version}). {source_url}")
