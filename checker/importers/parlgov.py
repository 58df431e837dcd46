"""ParlGov (parlgov.org) -> our tables: national parliament and European Parliament elections.

Read from a folder holding ParlGov's CSV export (``view_election.csv``, ``election.csv``,
``viewcalc_election_parameter.csv``, ``party.csv``, ``party_name_change.csv``,
``country.csv``). One election row per ParlGov election, one result row per party with a
vote share (ParlGov's shares are of valid votes: ``share_basis = valid``), a turnout row
per election (ParlGov's turnout, votes cast over the electorate, with the electorate as
``registered``), and aliases: every party's native, English, short, ASCII and non-Latin
names and its earlier names, with the country they belong to. Alliances that ParlGov lists
as parts (CDU and CSU) get a row of their own, summed from the parts (``alliances.py``).

Left out and reported as ``file:line``: elections whose electorate is smaller than the
votes cast or whose valid votes exceed the votes cast, turnouts over 100%, elections dated
before the election ParlGov names as the previous one, and elections whose party shares sum
past 100% beyond rounding. ParlGov's placeholder rows (``none``, ``others``, ``one-seat``,
``no-seat``) and parties without a vote share are not figures and are skipped silently.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter, defaultdict
from pathlib import Path

from babel.core import get_global

from checker.errors import UsageError
from checker.importers.alliances import add_alliances, read_alliances
from checker.importers.common import (
    AliasRecord,
    ElectionRecord,
    ImportReport,
    PackBuilder,
    Provenance,
    ResultRecord,
    Where,
    clean_name,
    election_id,
    parse_count,
    parse_date,
    parse_decimal,
    read_csv,
    search_rule,
    unique,
)

__all__ = ["PARLGOV", "import_parlgov"]

log = logging.getLogger(__name__)

PARLGOV = Provenance(
    dataset="ParlGov",
    version="development version 2023-11-04",
    source_url="https://parlgov.org/data/parlgov-development_csv-utf-8/",
    retrieved=None,
    citation=(
        "Döring, Holger, Alexandra Quaas, Maike Hesse and Philip Manow (2023). Parliaments and "
        "governments database (ParlGov): Information on parties, elections and cabinets in established "
        "democracies. Development version. https://parlgov.org/"
    ),
)
FILES = (
    "view_election.csv",
    "election.csv",
    "viewcalc_election_parameter.csv",
    "party.csv",
    "party_name_change.csv",
    "country.csv",
)
_KINDS = {"parliament": "parliamentary", "ep": "european_parliament"}
_PLACEHOLDERS = frozenset({"none", "others", "one-seat", "no-seat"})


def _iso2(iso3: str) -> str:
    """ISO 3166 alpha-2 from alpha-3, from CLDR's territory aliases (babel)."""
    found = get_global("territory_aliases").get(iso3.upper())
    return found[0] if found else iso3[:2]


def _name(kind: str, country: str, date: dt.date) -> str:
    if kind == "european_parliament":
        return f"{date.year} European Parliament election in {country}"
    return f"{date.year} {country} parliamentary election"


def import_parlgov(folder: Path, out: Path, retrieved: dt.date | None = None) -> ImportReport:
    """Convert a ParlGov CSV export in ``folder`` into tables in ``out``."""
    missing = [f for f in FILES if not (folder / f).is_file()]
    if missing:
        raise UsageError(f"{folder} is not a ParlGov export: missing {', '.join(missing)}")
    prov = Provenance(PARLGOV.dataset, PARLGOV.version, PARLGOV.source_url, retrieved, PARLGOV.citation)
    pack = PackBuilder(prov)
    countries = {row["id"]: row for _line, row in read_csv(folder / "country.csv")}
    turnout = {
        row["election_id"]: row["turnout"]
        for _line, row in read_csv(folder / "viewcalc_election_parameter.csv")
    }
    elections = {row["id"]: (line, row) for line, row in read_csv(folder / "election.csv")}
    view = list(read_csv(folder / "view_election.csv"))
    types = {row["election_id"]: row["election_type"] for _line, row in view}
    efile = str(folder / "election.csv")

    per_year = Counter(
        (row["country_id"], types.get(eid, ""), row["date"][:4]) for eid, (_l, row) in elections.items()
    )
    ids: dict[str, str] = {}
    dates: dict[str, dt.date] = {}
    for eid, (_line, row) in elections.items():
        date = parse_date(row["date"])
        if date is not None:
            dates[eid] = date
        kind = _KINDS.get(types.get(eid, ""))
        found = countries.get(row["country_id"])
        if date is None or kind is None or found is None:
            continue  # no party rows, or no date: nothing to check an article against
        several = per_year[(row["country_id"], types[eid], row["date"][:4])] > 1
        ids[eid] = election_id(_iso2(found["name_short"]), kind, date, several)

    for eid, (line, row) in elections.items():
        if eid not in ids:
            continue
        where = Where(efile, line)
        country = countries[row["country_id"]]["name"]
        kind = _KINDS[types[eid]]
        electorate, cast, valid = (parse_count(row[c]) for c in ("electorate", "votes_cast", "votes_valid"))
        if electorate and cast and cast > electorate:
            pack.report(where, f"{ids[eid]}: {cast} votes cast exceed the electorate of {electorate}")
            continue
        if cast and valid and valid > cast:
            pack.report(where, f"{ids[eid]}: {valid} valid votes exceed the {cast} votes cast")
            continue
        previous = (
            row["previous_ep_election_id"]
            if kind == "european_parliament"
            else row["previous_parliament_election_id"]
        )
        after = tuple(
            (f"{what} election {ids.get(other, other)}", dates[other])
            for what, other in (("previous", previous), ("first-round", row["first_round_election_id"]))
            if other in dates
        )
        note = "early election" if row["early"] == "1" else ""
        record = ElectionRecord(
            ids[eid],
            _name(kind, country, dates[eid]),
            kind,
            country,
            dates[eid],
            dates[eid],
            source_url=row["wikipedia"].strip(),
            note=note,
            after=after,
        )
        if not pack.add_election(record, where):
            continue
        share = parse_decimal(turnout.get(eid, ""))
        if share is not None and share > 100:
            pack.report(
                Where(str(folder / "viewcalc_election_parameter.csv"), None),
                f"{ids[eid]} (ParlGov election {eid}): turnout {share}% is over 100; turnout left out",
            )
            share = None
        if share is not None and share <= 0:
            share = None  # ParlGov writes 0 where it has no turnout
        if share is not None or electorate:
            pack.add_result(
                ResultRecord(ids[eid], country, None, turnout=share, registered=electorate), where
            )

    vfile = str(folder / "view_election.csv")
    used_parties: dict[str, tuple[str, str]] = {}  # party id -> (canonical, country)
    by_party: dict[tuple[str, str], ResultRecord] = {}  # (our election id, party id) -> row
    # Two parties of one election with one English name (1918: two 'Conservatives') are
    # told apart by their short names.
    english = Counter((row["election_id"], clean_name(row["party_name_english"])) for _l, row in view)
    for line, row in view:
        eid = row["election_id"]
        if eid not in ids or not pack.has_election(ids[eid]):
            continue
        short = row["party_name_short"].strip()
        share = parse_decimal(row["vote_share"])
        if short.casefold() in _PLACEHOLDERS or share is None:
            continue
        canonical = clean_name(row["party_name_english"]) or clean_name(row["party_name"]) or short
        if english[(eid, clean_name(row["party_name_english"]))] > 1:
            canonical = f"{canonical} ({short})"
        country = row["country_name"]
        election_turnout = parse_decimal(turnout.get(eid, ""))
        result = ResultRecord(
            ids[eid],
            country,
            canonical,
            share=share,
            share_basis="valid",
            turnout=election_turnout if election_turnout and 0 < election_turnout <= 100 else None,
            option_label=clean_name(row["party_name"]),
        )
        if pack.add_result(result, Where(vfile, line)):
            used_parties.setdefault(row["party_id"], (canonical, country))
            by_party[(ids[eid], row["party_id"])] = result

    add_alliances(pack, by_party, read_alliances())

    _add_aliases(pack, folder, used_parties)
    report = pack.write(out)
    log.info("ParlGov: %s", report.summary())
    return report


def _add_aliases(pack: PackBuilder, folder: Path, parties: dict[str, tuple[str, str]]) -> None:
    """Every name of every party with a result: current names, then earlier ones."""
    names: dict[str, list[tuple[str, Where]]] = defaultdict(list)
    pfile, cfile = folder / "party.csv", folder / "party_name_change.csv"
    for source, columns in (
        (pfile, ("name_english", "name", "name_short", "name_ascii", "name_nonlatin")),
        (cfile, ("name_english", "name", "name_short", "name_ascii", "name_nonlatin")),
    ):
        key = "id" if source == pfile else "party_id"
        for line, row in read_csv(source):
            if row[key] not in parties:
                continue
            where = Where(str(source), line)
            for col in columns:
                value = row.get(col) or ""
                # Renamed parties are written 'PDS|Li', 'PDS | The Left': each part is a name too.
                parts = [value, *value.split("|")] if "|" in value else [value]
                names[row[key]] += [(p, where) for p in parts]
    for party, (canonical, country) in parties.items():
        seen = unique([canonical, *(n for n, _w in names[party])])
        wheres = {clean_name(n): w for n, w in reversed(names[party])}
        for name in seen:
            where = wheres.get(name, Where(str(pfile), None))
            pack.add_alias(AliasRecord(canonical, name, "party", country, search_rule(name)), where)
