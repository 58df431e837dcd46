"""Claims against the official results (reference_data/results.csv).

* A ``final`` claim is measured against the final official row of its election, region
  and option; it is consistent when the official value lies in its interval.
* A claim whose scope is not final (exit poll, partial or preliminary count, a
  sub-population, a figure claimed by the opposition) is compared with the alternative rows
  of that stage; it is never a discrepancy against the final result.
* A final claim that misses the final figure but matches an alternative figure of the same
  contest (a preliminary count, the turnout inside one territory) is ``ambiguous``: the
  journalist may have quoted that figure.
* Two claims that each miss but match with their regions/options exchanged are a swap.
* A person named almost like a reference person ("Denis Pushlin") is reported.
* A count of the regions that voted ("all four regions voted") is consistent when it is
  the number of regions elections.csv gives for the vote; any other number may count a
  subset ("two of the regions"), so it is unverifiable, never a discrepancy.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal
from itertools import combinations

from checker.checks.caution import Doubt, doubt_of, figure_head
from checker.checks.common import contains, distance, finding_id, fmt_number, reported, row_key, severity_for
from checker.checks.internal import RE_MARGIN
from checker.model import Article, Claim, Difference, Evidence, Finding, Severity, Verdict
from checker.reference import ReferenceData, ResultRow
from checker.sentences import quote, sentences_of

ALTERNATIVE_GRACE_DAYS = 31
CHECKED_MEASURES = ("vote_share", "turnout", "votes", "registered")

_STAGE_WORDS = {
    "final": "official final",
    "preliminary": "preliminary",
    "partial": "partial-count",
    "exit_poll": "exit-poll",
    "sub_population": "sub-population",
    "claimed_by": "claimed",
}

_BASIS_WORDS = {"ballots": "all ballots", "valid": "valid votes", "registered": "registered voters"}

_MEASURE_WORDS = {
    "vote_share": "share",
    "turnout": "turnout",
    "votes": "vote count",
    "registered": "number of registered voters",
}


def _finding(
    ids: tuple[str, ...],
    verdict: Verdict,
    message: str,
    severity: Severity | None = None,
    difference: Difference | None = None,
    evidence: Evidence | None = None,
    extra: tuple[tuple[str, str], ...] = (),
    key: str = "",
) -> Finding:
    """A reference finding about the claims ``ids``; its id follows from them and ``key``."""
    return Finding(
        finding_id("reference", ids, key),
        "reference",
        verdict,
        ids,
        message,
        severity,
        difference,
        evidence,
        extra,
    )


def row_value(row: ResultRow, measure: str) -> Decimal | None:
    """The figure of ``row`` that a claim of ``measure`` reports."""
    if measure == "vote_share":
        return row.share
    if measure == "turnout":
        return row.turnout
    if measure == "votes":
        return Decimal(row.votes) if row.votes is not None else None
    if measure == "registered":
        return Decimal(row.registered) if row.registered is not None else None
    return None


def _unit(measure: str) -> tuple[str, str]:
    """(unit of the value, unit of the difference)."""
    if measure in ("vote_share", "turnout"):
        return "percent", "percentage_point"
    return "count", "count"


def candidate_rows(ref: ReferenceData, claim: Claim) -> list[ResultRow]:
    """Rows of the claim's contest that carry a value for its measure."""
    if claim.election is None or claim.region is None:
        return []
    rows = []
    for row in ref.results_for(claim.election):
        if row.region != claim.region:
            continue
        if claim.measure in ("vote_share", "votes") and row.option != claim.option:
            continue
        if row_value(row, claim.measure) is None:
            continue
        rows.append(row)
    return rows


def _subject(claim: Claim) -> str:
    who = claim.option if claim.measure in ("vote_share", "votes") and claim.option else None
    where = claim.region or claim.entity or "?"
    if who and who not in ("Yes", "No") and who != where:
        return who
    if who in ("Yes", "No"):
        return f"{where} ({who.lower()})"
    return where


def _evidence(row: ResultRow, measure: str) -> Evidence:
    value = row_value(row, measure)
    unit, _ = _unit(measure)
    return Evidence(
        table="results",
        row=row.key,
        value=fmt_number(value, unit) if value is not None else "",
        source_url=row.source_url,
        number=value,
        unit=unit,
    )


def _first_source(row: ResultRow) -> str:
    return row.source_url.split(" ; ")[0] if row.source_url else "reference table"


def _alternative_applies(row: ResultRow, ref: ReferenceData, claim: Claim, published: dt.date | None) -> bool:
    """Could the article be quoting this non-official figure?

    Figures of another basis, another source, a sub-population or a claimant stand for
    good; preliminary, partial and exit-poll figures only until about a month after the
    final result (an article from a year later that matches an early count is rounding).
    """
    if row.stage not in ("preliminary", "partial", "exit_poll") or published is None:
        return True
    election = ref.elections.get(claim.election or "")
    if election is None:
        return True
    final_date = election.result_date or election.end
    return published <= final_date + dt.timedelta(days=ALTERNATIVE_GRACE_DAYS)


def other_vote(claim: Claim, ref: ReferenceData) -> Doubt | None:
    """The other vote whose official final figure the claim states, for a claim that misses
    its own: the same candidate's or option's share or count, or the same place's turnout or
    register, in another election ("Putin took 63.6%" is his 2012 share, whatever year the
    binder chose). Such a figure may be about that vote: ambiguous, never a discrepancy."""
    subject = claim.option if claim.measure in ("vote_share", "votes") else claim.region
    if subject is None or claim.election is None or claim.region is None:
        return None
    for election in ref.elections_for_entity(subject):
        if election.id == claim.election:
            continue
        for row in ref.results_for(election.id, subject, "final"):
            if row.region != claim.region or (
                claim.measure in ("vote_share", "votes") and row.option != claim.option
            ):
                continue  # "Yes" in another country's referendum, another place's turnout
            value = row_value(row, claim.measure)
            if value is not None and contains(claim.mention, value):
                return Doubt(
                    "other_vote",
                    election.name,
                    f"it is the official final figure of the {election.name} "
                    f"({fmt_number(value, _unit(claim.measure)[0])}): it may be about that vote",
                )
    return None


def _check_region_count(claim: Claim, ref: ReferenceData) -> Finding | None:
    election = ref.elections.get(claim.election or "")
    if election is None or election.regions is None:
        return None
    ids = (claim.id,)
    regions = Decimal(election.regions)
    evidence = Evidence(
        table="elections",
        row=row_key(election.file, election.line),
        value=f"{election.regions} regions",
        source_url=election.source_url.split(" ; ")[0] if election.source_url else None,
        number=regions,
        unit="count",
    )
    if contains(claim.mention, regions):
        return _finding(
            ids,
            "consistent",
            f"Reported {reported(claim)} regions for the {election.name}; the reference lists "
            f"{election.regions} regions that held it.",
            evidence=evidence,
            key="regions",
        )
    return _finding(
        ids,
        "unverifiable",
        f"Reported {reported(claim)} regions for the {election.name}; the reference lists "
        f"{election.regions} that held it, and the article may be counting some of them.",
        evidence=evidence,
        key="regions",
    )


def check_claim(claim: Claim, ref: ReferenceData, published: dt.date | None = None) -> Finding | None:
    """The reference finding for one claim, or None when the claim is not checkable.

    ``published`` is the article's (given or inferred) publication date.
    """
    if claim.measure == "count" and claim.binding.region_count:
        return _check_region_count(claim, ref)
    if claim.measure not in CHECKED_MEASURES or claim.election is None:
        return None
    if claim.mention.kind not in ("percent", "count"):
        return None
    if claim.mention.qualifier == "vague":
        return None  # "millions of ballots", "tens of thousands": not a figure to check
    if claim.mention.kind == "count" and RE_MARGIN.search(figure_head(claim)):
        return None  # "a margin of barely 10,564 votes": a difference (the internal check's), no count
    if (claim.measure == "vote_share") != (claim.mention.kind == "percent") and claim.measure != "turnout":
        return None
    ids = (claim.id,)
    what = _MEASURE_WORDS[claim.measure]
    if claim.region is None:
        return _finding(
            ids,
            "ambiguous",
            f"Reported {reported(claim)} as a {what} in {claim.election}, but the text does not say "
            "for which region or candidate.",
        )
    rows = candidate_rows(ref, claim)
    finals = [r for r in rows if r.stage == "final"]
    unit, diff_unit = _unit(claim.measure)
    subject = _subject(claim)
    if claim.measure in ("vote_share", "votes") and claim.option is None:
        return _finding(
            ids,
            "ambiguous",
            f"Reported {reported(claim)} for {subject}, but the text does not say which option or "
            "candidate the figure belongs to.",
        )
    if claim.scope not in ("final", "unknown"):
        return _check_alternative(claim, rows, finals, subject, what)
    if not finals:
        return _finding(
            ids,
            "unverifiable",
            f"Reported {reported(claim)} as the {what} for {subject} in {claim.election}; the reference "
            "tables hold no official figure to compare with.",
        )
    final = finals[-1]
    value = row_value(final, claim.measure)
    assert value is not None
    evidence = _evidence(final, claim.measure)
    if contains(claim.mention, value):
        return _finding(
            ids,
            "consistent",
            f"Reported {reported(claim)} for {subject}; the official final {what} was "
            f"{fmt_number(value, unit)}, inside the reported range. Source: {_first_source(final)}",
            evidence=evidence,
        )
    for other in finals[:-1]:
        other_value = row_value(other, claim.measure)
        if other.share_basis == final.share_basis or other_value is None:
            continue
        if contains(claim.mention, other_value):
            basis = _BASIS_WORDS.get(other.share_basis, other.share_basis)
            official_basis = _BASIS_WORDS.get(final.share_basis, final.share_basis)
            return _finding(
                ids,
                "consistent",
                f"Reported {reported(claim)} for {subject}; the official final {what} was "
                f"{fmt_number(other_value, unit)} as a share of {basis} "
                f"({fmt_number(value, unit)} of {official_basis}). Source: {_first_source(other)}",
                evidence=_evidence(other, claim.measure),
            )
    tolerance = final.share_rounding if claim.measure == "vote_share" else None
    if tolerance is not None and abs(distance(claim.mention, value)) <= tolerance:
        # an alliance's share is a sum of rounded parts: the true share lies within
        # ``tolerance`` of it, so a reported figure that close may be exactly right
        return _finding(
            ids,
            "consistent",
            f"Reported {reported(claim)} for {subject}; the official shares of its parts sum to "
            f"{fmt_number(value, unit)}, which their rounding puts within ±{fmt_number(tolerance, unit)} "
            f"of the true share: the reported range fits. Source: {_first_source(final)}",
            evidence=evidence,
        )
    alternatives = [
        r
        for r in rows
        if r is not final
        and contains(claim.mention, row_value(r, claim.measure) or Decimal(-1))
        and _alternative_applies(r, ref, claim, published)
    ]
    diff = distance(claim.mention, value)
    difference = Difference(diff, diff_unit)
    if alternatives:
        alt = alternatives[0]
        alt_value = row_value(alt, claim.measure)
        assert alt_value is not None
        stage_words = "another source's" if alt.stage == "final" else _STAGE_WORDS[alt.stage]
        return _finding(
            ids,
            "ambiguous",
            f"Reported {reported(claim)} for {subject}: this matches the {stage_words} figure "
            f"{fmt_number(alt_value, unit)}{_as_of(alt)}, not the official final {what} "
            f"{fmt_number(value, unit)}; the article may quote the earlier or partial figure. "
            f"Source: {_first_source(alt)}",
            difference=difference,
            evidence=_evidence(alt, claim.measure),
            extra=(("final_row", final.key), ("final_value", fmt_number(value, unit))),
        )
    direction = "below" if diff < 0 else "above"
    election = ref.elections.get(claim.election)
    # the second look, only now that the figure misses: it decides between discrepancy and
    # ambiguous, never whether a figure that matches is consistent
    found = doubt_of(claim, election.end.year if election else None, election.country if election else None)
    found = found or other_vote(claim, ref)
    if found is not None:
        return _finding(
            ids,
            "ambiguous",
            f"Reported {reported(claim)} for {subject}; the official final {what} was "
            f"{fmt_number(value, unit)} ({fmt_number(abs(diff), diff_unit)} {direction} the reported "
            f"range), but {found.reason}, so it may not be the final official figure. "
            f"Source: {_first_source(final)}",
            difference=difference,
            evidence=evidence,
            extra=found.extra(),
        )
    return _finding(
        ids,
        "discrepancy",
        f"Reported {reported(claim)} for {subject}; the official final {what} was {fmt_number(value, unit)} "
        f"({fmt_number(abs(diff), diff_unit)} {direction} the reported range). "
        f"Source: {_first_source(final)}",
        severity=severity_for(diff, diff_unit, value),
        difference=difference,
        evidence=evidence,
    )


def _as_of(row: ResultRow) -> str:
    parts = []
    if row.counted_pct is not None:
        parts.append(f"with {fmt_number(row.counted_pct, 'percent')} counted")
    if row.as_of is not None:
        parts.append(f"as of {row.as_of.isoformat()}")
    if row.claimed_by:
        parts.append(f"claimed by {row.claimed_by}")
    return f" ({', '.join(parts)})" if parts else ""


_COMPATIBLE = {
    "partial": ("partial", "preliminary"),
    "preliminary": ("preliminary", "partial"),
    "exit_poll": ("exit_poll",),
    "sub_population": ("sub_population",),
    "claimed_by": ("claimed_by",),
}


def _check_alternative(
    claim: Claim, rows: list[ResultRow], finals: list[ResultRow], subject: str, what: str
) -> Finding:
    """A non-final claim: compare with rows of its stage; never a discrepancy."""
    ids = (claim.id,)
    unit, diff_unit = _unit(claim.measure)
    stages = _COMPATIBLE.get(claim.scope, (claim.scope,))
    same_stage = [r for r in rows if r.stage in stages]
    scope_words = {
        "exit_poll": "an exit-poll figure",
        "partial": "a partial-count figure",
        "preliminary": "a figure published before the final result",
        "sub_population": "a figure for part of the electorate",
        "claimed_by": "a figure claimed by the opposition or an independent count",
    }.get(claim.scope, "not a final figure")
    for row in same_stage:
        value = row_value(row, claim.measure)
        if value is not None and contains(claim.mention, value):
            return _finding(
                ids,
                "consistent",
                f"Reported {reported(claim)} for {subject} as {scope_words}; it matches the "
                f"{_STAGE_WORDS[row.stage]} figure {fmt_number(value, unit)}{_as_of(row)}. "
                f"Source: {_first_source(row)}",
                evidence=_evidence(row, claim.measure),
            )
    if finals:
        final = finals[-1]
        value = row_value(final, claim.measure)
        assert value is not None
        if contains(claim.mention, value):
            return _finding(
                ids,
                "consistent",
                f"Reported {reported(claim)} for {subject} as {scope_words}; the official final {what} "
                f"{fmt_number(value, unit)} lies inside it. Source: {_first_source(final)}",
                evidence=_evidence(final, claim.measure),
            )
        diff = distance(claim.mention, value)
        return _finding(
            ids,
            "ambiguous",
            f"Reported {reported(claim)} for {subject} as {scope_words}; the official final {what} was "
            f"{fmt_number(value, unit)}, which such a figure need not match (not a discrepancy). "
            f"Source: {_first_source(final)}",
            difference=Difference(diff, diff_unit),
            evidence=_evidence(final, claim.measure),
        )
    return _finding(
        ids,
        "unverifiable",
        f"Reported {reported(claim)} for {subject} as {scope_words}; the reference tables hold no "
        "figure of that kind to compare with.",
    )


def _cross_subject_pairs(claims: Sequence[Claim]) -> list[tuple[Claim, Claim]]:
    """The pairs of ``combinations(claims, 2)`` (in that order) of one article, election and
    measure but another region or option. Built by subject, never by comparing every pair: a
    figure restated a thousand times for one subject must not cost a million comparisons."""
    groups: dict[tuple[object, ...], dict[tuple[object, ...], list[int]]] = {}
    for i, c in enumerate(claims):
        subjects = groups.setdefault((c.article, c.election, c.measure), {})
        subjects.setdefault((c.region, c.option), []).append(i)
    pairs: list[tuple[int, int]] = []
    for subjects in groups.values():
        for one, other in combinations(list(subjects.values()), 2):
            pairs += [(min(i, j), max(i, j)) for i in one for j in other]
    return [(claims[i], claims[j]) for i, j in sorted(pairs)]


def check_swaps(claims: Sequence[Claim], by_id: dict[str, Finding], ref: ReferenceData) -> list[Finding]:
    """Pairs of discrepant claims that match the reference with their subjects exchanged."""
    out: list[Finding] = []
    bad = [c for c in claims if by_id.get(c.id) is not None and by_id[c.id].verdict == "discrepancy"]
    for a, b in _cross_subject_pairs(bad):
        swapped_a = Claim(a.id, a.mention, a.election, a.entity, a.measure, a.scope, b.region, b.option)
        swapped_b = Claim(b.id, b.mention, b.election, b.entity, b.measure, b.scope, a.region, a.option)
        rows_a = [r for r in candidate_rows(ref, swapped_a) if r.stage == "final"]
        rows_b = [r for r in candidate_rows(ref, swapped_b) if r.stage == "final"]
        if not rows_a or not rows_b:
            continue
        va, vb = row_value(rows_a[-1], a.measure), row_value(rows_b[-1], b.measure)
        if va is None or vb is None or not (contains(a.mention, va) and contains(b.mention, vb)):
            continue
        unit, _ = _unit(a.measure)
        ids = (a.id, b.id)
        out.append(
            _finding(
                ids,
                "discrepancy",
                f"Swapped figures: {reported(a)} is given for {_subject(a)} and {reported(b)} for "
                f"{_subject(b)}, but the official figures are the other way round "
                f"({_subject(b)} {fmt_number(va, unit)}, {_subject(a)} {fmt_number(vb, unit)}): "
                "the two figures match once swapped.",
                severity="major",
                evidence=Evidence(
                    table="results",
                    row=f"{rows_a[-1].key} ; {rows_b[-1].key}",
                    value=f"{fmt_number(va, unit)} ; {fmt_number(vb, unit)}",
                    source_url=rows_a[-1].source_url,
                ),
                key="swap",
            )
        )
    return out


def _sentence_around(text: str, start: int, end: int) -> str:
    index = sentences_of(text)
    s = index.at(start)
    return quote(text, (s.start, s.end))


def check_names(articles: Sequence[Article], ref: ReferenceData) -> list[Finding]:
    """People named almost like a reference person (a likely misspelling)."""
    out: list[Finding] = []
    for article in articles:
        if article.language not in (None, "en"):
            continue  # other languages transliterate names their own way (Charitonow, Jaritónov)
        seen: set[str] = set()
        for hit in ref.gazetteer.near_misses(article.text):
            if hit.text in seen:
                continue
            seen.add(hit.text)
            person = ref.people.get(hit.canonical)
            source = person.source_url.split(" ; ")[0] if person and person.source_url else None
            out.append(
                _finding(
                    (),
                    "discrepancy",
                    f"“{hit.text}” in {article.id} looks like a misspelling of {hit.canonical} "
                    f"(not a known spelling of the name).",
                    severity="minor",
                    evidence=Evidence(
                        table="people",
                        row=row_key(person.file, person.line) if person else hit.canonical,
                        value=hit.canonical,
                        source_url=source,
                    ),
                    extra=(
                        ("article", article.id),
                        ("start", str(hit.start)),
                        ("end", str(hit.end)),
                        ("text", hit.text),
                        ("sentence", _sentence_around(article.text, hit.start, hit.end)),
                    ),
                    key=f"{article.id}\0{hit.start}\0name",
                )
            )
    return out


def check_reference(
    articles: Sequence[Article],
    claims: Sequence[Claim],
    ref: ReferenceData,
    published: Mapping[str, dt.date | None] | None = None,
) -> list[Finding]:
    """Every reference finding: per claim, swaps, and misspelled names.

    ``published`` maps article ids to publication dates inferred from the text, for
    articles that do not give one.
    """
    dates = {a.id: a.published for a in articles}
    if published:
        dates.update({k: v for k, v in published.items() if dates.get(k) is None})
    findings: list[Finding] = []
    by_id: dict[str, Finding] = {}
    for claim in claims:
        finding = check_claim(claim, ref, dates.get(claim.article))
        if finding is not None:
            findings.append(finding)
            by_id[claim.id] = finding
    findings += check_swaps(claims, by_id, ref)
    findings += check_names(articles, ref)
    return findings
