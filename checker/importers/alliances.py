"""Alliances that a dataset lists as their parts, as result rows of their own.

ParlGov lists CDU and CSU apart; the press reports them as one ("CDU/CSU 41.5%", "die
Union"). ``data/alliances.csv`` names such permanent alliances: the country, the alliance's
name and label, its parts (the dataset's party ids, ``|``-separated), its aliases and a
source. For every election in which each part has a share, the import adds a row for the
alliance: its share is the sum of the parts' shares, its votes the sum of their votes
(when every part has a count). The parts' shares are rounded (ParlGov writes one or two
decimals), so the sum may be off by the sum of their roundings: the row keeps that bound in
``share_rounding_pct`` and names its parts in ``parts``, which also keeps it out of the
check that a contest's shares add up to at most 100%.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from checker.importers.common import AliasRecord, PackBuilder, ResultRecord, Where, half_unit, search_rule

__all__ = ["ALLIANCES", "Alliance", "add_alliances", "read_alliances"]

ALLIANCES = Path(__file__).resolve().parent / "data" / "alliances.csv"
PART_SEPARATOR = " + "  # between the parts' option names in the ``parts`` column


@dataclass(frozen=True, slots=True)
class Alliance:
    country: str
    name: str
    label: str
    parts: tuple[str, ...]  # the dataset's party ids
    aliases: tuple[str, ...]
    source_url: str
    where: Where


def read_alliances(path: Path = ALLIANCES) -> list[Alliance]:
    """The alliances of ``path`` (``data/alliances.csv``)."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return [
        Alliance(
            row["country"].strip(),
            row["alliance"].strip(),
            row["label"].strip(),
            tuple(p.strip() for p in row["parts"].split("|") if p.strip()),
            tuple(a.strip() for a in row["aliases"].split("|") if a.strip()),
            row["source_url"].strip(),
            Where(str(path), line),
        )
        for line, row in enumerate(rows, start=2)
    ]


def add_alliances(
    pack: PackBuilder,
    results: Mapping[tuple[str, str], ResultRecord],
    alliances: list[Alliance],
) -> int:
    """Add a row per alliance and election where every part has a share; return how many.

    ``results`` maps (election id, party id) to the party's row in that election.
    """
    elections = sorted({election for election, _party in results})
    added = 0
    for alliance in alliances:
        found_any = False
        for election in elections:
            parts = [results.get((election, p)) for p in alliance.parts]
            rows = [r for r in parts if r is not None and r.share is not None]
            if len(rows) != len(alliance.parts) or len(rows) < 2:
                continue
            if any(r.region != alliance.country for r in rows):
                pack.report(
                    alliance.where, f"{alliance.name}: a part of {election} is not in {alliance.country}"
                )
                continue
            shares = [r.share for r in rows if r.share is not None]
            counts = [r.votes for r in rows if r.votes is not None]
            turnouts = {r.turnout for r in rows}
            row = ResultRecord(
                election,
                alliance.country,
                alliance.name,
                share=sum(shares, Decimal(0)),
                share_basis=rows[0].share_basis,
                turnout=turnouts.pop() if len(turnouts) == 1 else None,
                votes=sum(counts) if len(counts) == len(rows) else None,
                option_label=alliance.label,
                parts=tuple(r.option or "" for r in rows),
                share_rounding=sum((half_unit(s) for s in shares), Decimal(0)),
            )
            if pack.add_result(row, alliance.where):
                added += 1
                found_any = True
        if found_any:
            for name in (alliance.name, *alliance.aliases):
                pack.add_alias(
                    AliasRecord(alliance.name, name, "party", alliance.country, search_rule(name)),
                    alliance.where,
                )
    return added
