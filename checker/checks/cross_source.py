"""The same figure across articles.

Claims are grouped by (election, region, option, measure, scope); durations and date ranges
of voting by (election, measure). Claims of different scopes (a partial count and the final
result, an exit poll and the count) are never compared, nor a gap between two events ("three
days after the vote") with the length of a vote. Within a group with two or more articles,
each pair either agrees (intervals overlap) or not. A disagreement names both articles and,
where the reference has a value, which side it supports; without a reference value neither
side is called wrong. A figure that agrees with the reference agrees whatever words
surround it; the second look (:func:`~checker.checks.caution.doubt_of`) is only for one
that does not, and makes it ambiguous instead of a discrepancy.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal

from checker.checks.caution import RE_EARLY_VOTING, doubt, figure_tail
from checker.checks.common import finding_id, fmt_number, row_key
from checker.checks.reference import candidate_rows, other_vote, row_value
from checker.checks.temporal import RE_GAP_AFTER
from checker.model import Claim, Difference, Evidence, Finding, Severity
from checker.reference import ReferenceData
from checker.units import DAYS_PER


def _interval(c: Claim) -> tuple[Decimal, Decimal] | None:
    m = c.mention
    if m.kind in ("percent", "count"):
        low = m.low if isinstance(m.low, Decimal) else Decimal(0)
        high = m.high if isinstance(m.high, Decimal) else Decimal(10) ** 12
        return low, high
    if m.kind == "duration" and isinstance(m.low, Decimal) and isinstance(m.high, Decimal):
        per = DAYS_PER.get(m.unit, Decimal(1))
        return m.low * per, m.high * per
    if m.kind == "date_range" and isinstance(m.low, dt.date) and isinstance(m.high, dt.date):
        days = Decimal((m.high - m.low).days + 1)
        return days, days
    return None


def _key(c: Claim, ref: ReferenceData | None, second_look: bool = True) -> tuple[object, ...] | None:
    if c.election is None:
        return None
    if c.measure in ("vote_share", "turnout", "votes", "registered") and c.region is not None:
        if c.measure in ("vote_share", "votes") and c.option is None:
            return None
        if c.scope not in ("final", "unknown"):
            return None  # a partial count, an exit poll...: not the figure others give
        if second_look and not _confirmed(c, ref) and _doubted(c, ref):
            # the second look, for a figure the official final result does not confirm: a
            # poll, a count in progress, votes abroad, a withdrawn figure... is not the figure
            # others give (a sub-region word doubts every figure here: which level is
            # national is not known)
            return None
        return (c.election, c.region, c.option, c.measure, c.scope)
    if c.mention.kind == "date_range" and c.measure in ("elapsed", "date"):
        return (c.election, "voting days")
    if c.mention.kind == "duration" and c.measure == "elapsed" and _voting_days(c):
        return (c.election, "voting days")
    return None


# "a month after Navalny died" is not how long the vote ran; "three-day vote" is.
MAX_VOTING_DAYS = Decimal(10)


def _voting_days(c: Claim) -> bool:
    m = c.mention
    if m.unit != "day" or not isinstance(m.high, Decimal) or m.high > MAX_VOTING_DAYS:
        return False
    if RE_GAP_AFTER.match(figure_tail(c)):
        return False  # "signed treaties three days after the vote": a gap, not the vote's length
    return not (c.quote and RE_EARLY_VOTING.search(c.quote.lower()))


def _label(key: tuple[object, ...]) -> str:
    if key[1] == "voting days":
        return f"voting days of {key[0]}"
    election, region, option, measure = key[0], key[1], key[2], key[3]
    who = f"{option} in {region}" if option and option not in ("Yes", "No") else str(region)
    if option in ("Yes", "No"):
        who = f"{region} ({str(option).lower()})"
    return f"{measure} for {who} ({election})"


MAX_LISTED = 50  # claims named by one group finding; the rest are counted in its message


def check_cross_source(claims: Sequence[Claim], ref: ReferenceData) -> list[Finding]:
    """Per group of claims about the same figure: who agrees, and who does not.

    Linear in the number of claims: each article's claim is compared with the group's
    reference value when there is one, else with the group's consensus (the interval most
    of the articles' figures share). One ``consistent`` finding lists the agreeing claims;
    each disagreeing claim gets a finding of its own.
    """
    groups: dict[tuple[object, ...], list[Claim]] = {}
    for c in claims:
        key = group_key(c, ref)
        if key is not None:
            groups.setdefault(key, []).append(c)
    return check_groups((groups[key] for key in sorted(groups, key=repr)), ref)


def group_key(c: Claim, ref: ReferenceData | None = None) -> tuple[object, ...] | None:
    """The figure a claim states, for comparing across articles (None: not compared).

    With ``ref``, a figure inside the rounding interval of the official final result is
    compared whatever words surround it; only one that misses it (or any figure, without
    ``ref``) is left out when its sentence raises a doubt. Asked in the worker that read the
    article, where the claim still has its sentence.
    """
    key = _key(c, ref)
    return key if key is not None and _interval(c) is not None else None


def _doubted(c: Claim, ref: ReferenceData | None) -> bool:
    """The second look: words of the sentence, or another vote's official figure."""
    return doubt(c, country=c.region) is not None or (ref is not None and other_vote(c, ref) is not None)


def _confirmed(c: Claim, ref: ReferenceData | None) -> bool:
    """The claim's figure is inside the rounding interval of its official final result."""
    if ref is None:
        return False
    finals = [r for r in candidate_rows(ref, c) if r.stage == "final"]
    value = row_value(finals[-1], c.measure) if finals else None
    return value is not None and _contains(c, value)


def check_groups(groups: Iterable[list[Claim]], ref: ReferenceData) -> list[Finding]:
    """Findings of groups of claims that share a :func:`group_key`, each in input order."""
    return list(iter_group_findings(groups, ref))


def iter_group_findings(groups: Iterable[list[Claim]], ref: ReferenceData) -> Iterator[Finding]:
    """:func:`check_groups` one finding at a time.

    Groups come one at a time too, so a caller can stream them from disk (the run store)
    in the order ``repr(key)`` sorts them and store the findings as they come: only one
    group is held at once.
    """
    for group in groups:
        per_article: dict[str, Claim] = {}
        for c in group:
            per_article.setdefault(c.article, c)
        if len(per_article) < 2:
            continue
        chosen = sorted(per_article.values(), key=lambda c: (c.article, c.mention.start))
        key = _key(chosen[0], None, second_look=False)  # the group's own key, doubts aside
        assert key is not None
        yield from _group_findings(
            key, chosen, _reference_value(chosen[0], key, ref), _other_stages(chosen[0], ref)
        )


def _consensus(claims: list[Claim]) -> tuple[Decimal, list[Claim]]:
    """A point most intervals contain, and the claims that contain it (sweep over ends)."""
    events: list[tuple[Decimal, int]] = []
    for c in claims:
        low, high = _interval(c)  # type: ignore[misc]
        events += [(low, 0), (high, 1)]  # starts sort before ends at the same value
    best, best_at, depth = 0, Decimal(0), 0
    for value, kind in sorted(events):
        depth += 1 if kind == 0 else -1
        if kind == 0 and depth > best:
            best, best_at = depth, value
    inside = [c for c in claims if _contains(c, best_at)]
    return best_at, inside


def _contains(c: Claim, value: Decimal) -> bool:
    iv = _interval(c)
    return iv is not None and iv[0] <= value <= iv[1]


def _listing(claims: list[Claim]) -> str:
    shown = ", ".join(f"“{c.mention.text}” ({c.article})" for c in claims[:5])
    more = len(claims) - 5
    return shown + (f" and {more} more" if more > 0 else "")


def _group_findings(
    key: tuple[object, ...],
    claims: list[Claim],
    reference: Reference | None,
    earlier: Sequence[Decimal] = (),
) -> list[Finding]:
    label = _label(key)
    unit = (
        "percentage_point"
        if claims[0].mention.kind == "percent"
        else ("day" if key[1] == "voting days" else "count")
    )
    if reference is not None:
        value, table, row, url = reference
        shown = fmt_number(value, "percent" if unit == "percentage_point" else "") + (
            " days" if key[1] == "voting days" else ""
        )
        agree = [c for c in claims if _contains(c, value)]
        basis = f"the reference ({shown})"
        evidence = Evidence(table, row, shown, url, number=value)
    else:
        value, agree = _consensus(claims)
        basis = f"{len(agree)} of {len(claims)} articles"
        evidence = None
    out: list[Finding] = []
    if len(agree) >= 2:
        ids = tuple(c.id for c in agree[:MAX_LISTED])
        out.append(
            Finding(
                finding_id("cross_source", ids, repr(key)),
                "cross_source",
                "consistent",
                ids,
                f"{len(agree)} articles agree on the {label}: {_listing(agree)}.",
                evidence=evidence,
            )
        )
    # by id and article, not by comparing claims: a figure 100,000 articles state must not
    # cost 100,000 x 100,000 comparisons
    agreeing = {o.id for o in agree}
    agree_articles = {o.article for o in agree}
    for c in claims:
        if c.id in agreeing:
            continue
        iv = _interval(c)
        assert iv is not None
        diff = value - iv[1] if value > iv[1] else value - iv[0]
        others = agree if c.article not in agree_articles else [o for o in agree if o.article != c.article]
        if reference is not None and others and any(_contains(c, v) for v in earlier):
            # It matches an earlier count or another stage of the tables: the reference check
            # says so; outlets that quote different stages do not contradict each other.
            verdict = "ambiguous"
            message = (
                f"{_listing([c])} differs from {_listing(others)} on the {label}, but matches an "
                f"earlier or other-stage figure of the reference; {basis} supports the others."
            )
        elif reference is not None and others:
            # The reference supports other outlets: this one is off.
            verdict = "discrepancy"
            message = (
                f"{_listing([c])} disagrees with other sources on the {label}; {basis} supports "
                f"{_listing(others)}."
            )
        elif reference is not None:
            continue  # nobody matches the reference: the reference check already says so
        else:
            verdict = "ambiguous"  # no reference: a disagreement, not an error of either side
            message = (
                f"{_listing([c])} disagrees with {_listing(others) if others else 'the other sources'} "
                f"on the {label}; no reference value says which is right."
            )
        severity: Severity | None = (
            ("minor" if abs(diff) <= 1 else "major") if verdict == "discrepancy" else None
        )
        out.append(
            Finding(
                finding_id("cross_source", (c.id,), repr(key)),
                "cross_source",
                verdict,  # type: ignore[arg-type]
                (c.id,),
                message,
                severity=severity,
                difference=Difference(diff, unit),
                evidence=evidence,
            )
        )
    return out


Reference = tuple[Decimal, str, str, str | None]  # value, table, row, source URL


def _other_stages(c: Claim, ref: ReferenceData) -> list[Decimal]:
    """Values of the claim's contest at stages other than the final one (partial counts,
    preliminary results, claims by others)."""
    if c.mention.kind not in ("percent", "count"):
        return []
    values = (row_value(r, c.measure) for r in candidate_rows(ref, c) if r.stage != "final")
    return [v for v in values if v is not None]


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
