"""The one place that chains the stages: load -> extract -> bind -> check -> report.

This is also the Python API::

    from checker.pipeline import run_check
    result = run_check(["articles/"])
    for f in result.findings:
        print(f.verdict, f.message)
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator, Sequence
from pathlib import Path

from checker.bind import bind_mentions
from checker.checks import run_checks
from checker.extract import extract_mentions
from checker.load import iter_articles
from checker.model import Article, ArticleError, Claim, Mention, RunResult
from checker.reference import ReferenceData, load_reference

log = logging.getLogger(__name__)

PathLike = str | Path


def iter_extracted(
    paths: Sequence[PathLike], published: dt.date | None = None
) -> Iterator[tuple[Article, list[Mention]] | ArticleError]:
    """Stream (article, mentions) pairs; unreadable inputs come through as errors."""
    for item in iter_articles([Path(p) for p in paths], published=published):
        if isinstance(item, ArticleError):
            yield item
            continue
        yield item, extract_mentions(item)


def process_article(article: Article, ref: ReferenceData) -> list[Claim]:
    """Extract and bind one article (the unit of work that runs in parallel)."""
    return bind_mentions(article, extract_mentions(article), ref)


def run_check(
    paths: Sequence[PathLike],
    *,
    reference_dirs: Sequence[PathLike] = (),
    published: dt.date | None = None,
    reference: ReferenceData | None = None,
    jobs: int = 1,
) -> RunResult:
    """Run every stage but the report and return what was found.

    Reference data is loaded (and validated) before any article is read, so a broken
    user table stops the run before anything is half-checked.
    """
    ref = reference if reference is not None else load_reference([Path(d) for d in reference_dirs])
    articles: list[Article] = []
    errors: list[ArticleError] = []
    claims: list[Claim] = []
    for item in iter_articles([Path(p) for p in paths], published=published):
        if isinstance(item, ArticleError):
            errors.append(item)
            continue
        articles.append(item)
        claims.extend(process_article(item, ref))
    findings = run_checks(articles, claims, ref)
    return RunResult(
        articles=tuple(articles),
        errors=tuple(errors),
        claims=tuple(claims),
        findings=tuple(findings),
        reference_tables=ref.table_paths,
    )
