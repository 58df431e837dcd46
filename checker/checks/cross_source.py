"""The same figure across articles.

Claims are grouped by (election, region, option, measure, scope); durations and date ranges
of voting by (election, measure). Claims of different scopes (a partial count and the final
result, an exit poll and the count) are never compared. Within a group with two or more
articles, each pair either agrees (intervals overlap) or not. A disagreement names both
articles and, where the reference has a value, which side it supports; without a reference
value neither side is called wrong.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from checker.checks.common import finding_id, fmt_number, row_key
from checker.checks.reference import candidate_rows, row_value
from checker.model import Claim, Difference, Evidence, Finding, Severity
from checker.reference import ReferenceData

DAYS = {"day": Decimal(1), "week": Decimal(7), "month": Decimal("30.44"), "year": Decimal("365.25")}


def _interval(c: Claim) -> tuple[Decimal, Decimal] | None:
    m = c.mention
    if m.kind in ("percent", "count"):
        low = m.low if isinstance(m.low, Decimal) else Decimal(0)
        high = m.high if isinstance(m.high, Decimal) else Decimal(10) ** 12
        return low, high
    if m.kind == "duration" and isinstance(m.low, Decimal) and isinstance(m.high, Decimal):
        per = DAYS.get(m.unit, Decimal(1))
        return m.low * per, m.high * per
    if m.kind == "date_range" and isinstance(m.low, dt.date) and isinstance(m.high, dt.date):
        days = Decimal((m.high - m.low).days + 1)
        return days, days
    return None


def _key(c: Claim) -> tuple[object, ...] | None:
    if c.election is None:
        return None
    if c.measure in ("vote_share", "turnout", "votes", "registered") and c.region is not None:
        if c.measure in ("vote_share", "votes") and c.option is None:
            return None
        if c.scope not in ("final", "unknown"):
            return None
        return (c.election, c.region, c.option, c.measure, c.scope)
    if c.mention.kind in ("duration", "date_range") and c.measure in ("elapsed", "date"):
        return (c.election, "voting days")
    return None


def _label(key: tuple[object, ...]) -> str:
    if key[1] == "voting days":
        return f"voting days of {key[0]}"
    election, region, option, measure = key[0], key[1], key[2], key[3]
    who = f"{option} in {region}" if option and option not in ("Yes", "No") else str(region)
    if option in ("Yes", "No"):
        who = f"{region} ({str(option).lower()})"
    return f"{measure} for {who} ({election})"


def check_cross_source(claims: Sequence[Claim], ref: ReferenceData) -> list[Finding]:
    """One finding per pair of articles that report the same figure."""
    groups: dict[tuple[object, ...], list[Claim]] = {}
    for c in claims:
        key = _key(c)
        if key is not None and _interval(c) is not None:
            groups.setdefault(key, []).append(c)
    out: list[Finding] = []
    for key in sorted(groups, key=repr):
        members = groups[key]
        per_article: dict[str, Claim] = {}
        for c in members:
            per_article.setdefault(c.article, c)
        if len(per_article) < 2:
            continue
        chosen = sorted(per_article.values(), key=lambda c: (c.article, c.mention.start))
        reference = _reference_value(chosen[0], key, ref)
        for i, a in enumerate(chosen):
            for b in chosen[i + 1 :]:
                out.append(_pair_finding(key, a, b, reference))
    return out


Reference = tuple[Decimal, str, str, str | None]  # value, table, row, source URL


def _reference_value(c: Claim, key: tuple[object, ...], ref: ReferenceData) -> Reference | None:
    if key[1] == "voting days":
        election = ref.elections.get(str(key[0]))
        if election is None:
            return None
        days = Decimal((election.end - election.start).days + 1)
        return days, "elections", row_key(election.file, election.line), election.source_url
    finals = [r for r in candidate_rows(ref, c) if r.stage == "final"]
    if not finals:
        return None
    value = row_value(finals[-1], c.measure)
    return (value, "results", finals[-1].key, finals[-1].source_url) if value is not None else None


def _pair_finding(key: tuple[object, ...], a: Claim, b: Claim, reference: Reference | None) -> Finding:
    """Agreement, or a disagreement that blames only the side the reference contradicts.

    Without a reference value the disagreement is ``ambiguous``: neither side is called wrong.
    """
    ia, ib = _interval(a), _interval(b)
    assert ia is not None and ib is not None
    ids = (a.id, b.id)
    label = _label(key)
    quote = f"“{a.mention.text}” ({a.article}) and “{b.mention.text}” ({b.article})"
    if ia[0] <= ib[1] and ib[0] <= ia[1]:
        return Finding(
            finding_id("cross_source", ids),
            "cross_source",
            "consistent",
            ids,
            f"Sources agree on the {label}: {quote}.",
        )
    diff = ib[0] - ia[1] if ib[0] > ia[1] else ib[1] - ia[0]
    unit = (
        "percentage_point" if a.mention.kind == "percent" else ("day" if key[1] == "voting days" else "count")
    )
    severity: Severity = "minor" if abs(diff) <= 1 else "major"
    if reference is None:
        return Finding(
            finding_id("cross_source", ids),
            "cross_source",
            "ambiguous",
            ids,
            f"Sources disagree on the {label}: {quote}. No reference value says which is right.",
            difference=Difference(diff, unit),
        )
    value, table, row, url = reference
    shown = fmt_number(value, "percent" if unit == "percentage_point" else "")
    if key[1] == "voting days":
        shown = f"{shown} days"
    supported = [c for c, iv in ((a, ia), (b, ib)) if iv[0] <= value <= iv[1]]
    if len(supported) == 1:
        right = supported[0]
        wrong = b if right is a else a
        return Finding(
            finding_id("cross_source", ids),
            "cross_source",
            "discrepancy",
            (wrong.id,),
            f"Sources disagree on the {label}: {quote}. The reference ({shown}) supports {right.article}.",
            severity=severity,
            difference=Difference(diff, unit),
            evidence=Evidence(
                "article",
                f"{right.article}:{right.mention.start}-{right.mention.end}",
                right.mention.text,
                url,
                number=value,
            ),
        )
    return Finding(
        finding_id("cross_source", ids),
        "cross_source",
        "discrepancy",
        ids,
        f"Sources disagree on the {label}: {quote}. The reference ({shown}) supports neither.",
        severity=severity,
        difference=Difference(diff, unit),
        evidence=Evidence(table, row, shown, url, number=value),
    )
