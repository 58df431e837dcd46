"""Plain-dict records of the output contract (DESIGN.md), shared by every writer.

Dates are ISO strings, Decimals are JSON numbers (floats), and key order is fixed, so
that ``json.dumps(..., sort_keys=False)`` is deterministic.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from decimal import Decimal
from itertools import chain
from typing import Any

from checker import __version__
from checker.model import Article, ArticleError, Claim, Finding, Mention, RunResult

Record = dict[str, Any]


def plain(value: object) -> Any:
    """A JSON-ready form of a bound: ISO string for dates, int/float for Decimals.

    >>> plain(Decimal("92.5")), plain(Decimal("4")), plain(dt.date(2022, 9, 23))
    (92.5, 4, '2022-09-23')
    """
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        if value == value.to_integral_value() and abs(value) < Decimal(10) ** 15:
            return int(value)
        return float(value)
    return value


def _figure(m: Mention) -> Record:
    """The contract fields a mention and its claim share (DESIGN.md)."""
    return {
        "article": m.article,
        "start": m.start,
        "end": m.end,
        "text": m.text,
        "kind": m.kind,
        "low": plain(m.low),
        "high": plain(m.high),
        "unit": m.unit,
        "qualifier": m.qualifier,
    }


def mention_record(m: Mention) -> Record:
    rec = _figure(m) | {"decimals": m.decimals, "precision": m.precision}
    if m.offset is not None:
        rec["offset"] = {
            "amount": plain(m.offset.amount),
            "unit": m.offset.unit,
            "anchor": m.offset.anchor,
            "exact": m.offset.exact,
        }
    return rec


def claim_record(c: Claim) -> Record:
    return (
        {"id": c.id}
        | _figure(c.mention)
        | {
            "election": c.election,
            "entity": c.entity,
            "region": c.region,
            "option": c.option,
            "measure": c.measure,
            "scope": c.scope,
            "group": c.group,
            "sentence": [c.sentence[0], c.sentence[1]],
            "quote": c.quote,
            "note": c.note,
        }
    )


def finding_record(f: Finding) -> Record:
    return {
        "id": f.id,
        "check": f.check,
        "verdict": f.verdict,
        "severity": f.severity,
        "claims": list(f.claims),
        "difference": None
        if f.difference is None
        else {"value": plain(f.difference.value), "unit": f.difference.unit},
        "evidence": None
        if f.evidence is None
        else {
            "table": f.evidence.table,
            "row": f.evidence.row,
            "value": f.evidence.value,
            "source_url": f.evidence.source_url,
            "number": plain(f.evidence.number),
            "date": plain(f.evidence.date),
            "unit": f.evidence.unit,
        },
        "message": f.message,
        "details": dict(f.extra),
    }


def article_record(a: Article, errors: list[ArticleError]) -> Record:
    return {
        "id": a.id,
        "path": a.path,
        "title": a.title,
        "published": plain(a.published),
        "source": a.source,
        "url": a.url,
        "language": a.language,
        "errors": [{"line": e.line, "reason": e.reason} for e in errors],
    }


def error_article_record(e: ArticleError) -> Record:
    return {
        "id": e.article,
        "path": e.path,
        "title": None,
        "published": None,
        "source": None,
        "url": None,
        "language": None,
        "errors": [{"line": e.line, "reason": e.reason}],
    }


def run_sections(result: RunResult) -> Iterator[tuple[str, str | Iterable[Record]]]:
    """The top-level keys of findings.json with their values; list values are generators,
    so a writer can stream one record at a time instead of building the whole document."""
    by_article: dict[str, list[ArticleError]] = {}
    for e in result.errors:
        by_article.setdefault(e.article, []).append(e)
    known = {a.id for a in result.articles}
    yield "version", __version__
    yield "reference_tables", [{"table": t, "path": p} for t, p in result.reference_tables]
    yield (
        "articles",
        chain(
            (article_record(a, by_article.get(a.id, [])) for a in result.articles),
            (error_article_record(e) for e in result.errors if e.article not in known),
        ),
    )
    yield "claims", (claim_record(c) for c in result.claims)
    yield "findings", (finding_record(f) for f in result.findings)


def run_record(result: RunResult) -> Record:
    """The whole findings.json document (in memory: for tests and the Python API)."""
    return {
        key: value if isinstance(value, str | list) else list(value) for key, value in run_sections(result)
    }
