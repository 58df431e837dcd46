"""Claims + tables -> findings: reference, temporal, internal and cross-source checks.

``check_article`` runs every check that needs one article only (reference, temporal,
internal); it runs right after binding, in the worker that read the article, so the
article's text need not be kept. ``check_corpus`` runs the cross-source check over the
claims of all articles. Findings come out in a deterministic order: by check, then by the
first claim's article and position, then by id.
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.checks.cross_source import check_cross_source
from checker.checks.internal import check_internal
from checker.checks.reference import check_reference
from checker.checks.temporal import check_temporal
from checker.model import CHECK_ORDER, Article, Claim, Finding
from checker.reference import ReferenceData


def check_article(article: Article, claims: Sequence[Claim], ref: ReferenceData) -> list[Finding]:
    """Reference, temporal and internal findings of one article."""
    temporal, inferred = check_temporal([article], claims, ref)
    window = inferred.get(article.id)
    findings = check_reference([article], claims, ref, {article.id: window[1] if window else None})
    # figures the official final result confirms are never the ones an internal sum accuses
    confirmed = {i for f in findings if f.verdict == "consistent" for i in f.claims}
    findings += temporal
    findings += check_internal([article], claims, confirmed)
    return findings


def check_corpus(claims: Sequence[Claim], ref: ReferenceData) -> list[Finding]:
    """Findings that compare articles with each other."""
    return check_cross_source(claims, ref)


def order_findings(findings: Sequence[Finding], claims: Sequence[Claim]) -> list[Finding]:
    """Deduplicate by id and sort: check, article and position of the first claim, id."""
    position = {c.id: (c.article, c.mention.start) for c in claims}

    def order(f: Finding) -> tuple[object, ...]:
        first = position.get(f.claims[0], ("", 0)) if f.claims else (dict(f.extra).get("article", ""), 0)
        return (CHECK_ORDER[f.check], first, f.id)

    unique = {f.id: f for f in findings}
    return sorted(unique.values(), key=order)


def run_checks(articles: Sequence[Article], claims: Sequence[Claim], ref: ReferenceData) -> list[Finding]:
    """Run every check over already-bound claims and return the findings in a stable order."""
    by_article: dict[str, list[Claim]] = {}
    for c in claims:
        by_article.setdefault(c.article, []).append(c)
    findings: list[Finding] = []
    for article in articles:
        findings += check_article(article, by_article.get(article.id, []), ref)
    findings += check_corpus(claims, ref)
    return order_findings(findings, claims)
