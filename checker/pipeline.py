"""The one place that chains the stages: load -> extract -> bind -> check -> report.

This is also the Python API::

    from checker.pipeline import run_check
    result = run_check(["articles/"])
    for f in result.findings:
        print(f.verdict, f.message)

Articles are independent until the cross-source stage, so load -> extract -> bind streams
over the input one article at a time and only claims (small) are kept. With ``jobs > 1``
the per-article work runs in worker processes; results are merged in input order, so the
output is the same as with one job, byte for byte. With ``engine="dask"`` the same
per-article work runs on a Dask cluster (optional extra ``checkfigures[dask]``).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace
from itertools import chain, islice
from pathlib import Path

from checker.bind import bind_mentions
from checker.checks import check_article, check_corpus, order_findings
from checker.errors import UsageError
from checker.extract import extract_mentions
from checker.load import iter_articles
from checker.model import Article, ArticleError, Claim, Finding, Mention, RunResult
from checker.reference import ReferenceData, load_reference

log = logging.getLogger(__name__)

PathLike = str | Path
Progress = Callable[[int], None]

# Articles handed to a worker at once: large enough to amortise pickling, small enough
# to keep memory bounded (a batch of long articles is still a few MB).
BATCH = 64


def iter_extracted(
    paths: Sequence[PathLike], published: dt.date | None = None
) -> Iterator[tuple[Article, list[Mention]] | ArticleError]:
    """Stream (article, mentions) pairs; unreadable inputs come through as errors."""
    for item in iter_articles([Path(p) for p in paths], published=published):
        if isinstance(item, ArticleError):
            yield item
            continue
        yield item, extract_mentions(item)


def process_article(article: Article, ref: ReferenceData) -> tuple[list[Claim], list[Finding]]:
    """Extract, bind and check one article (the unit of work that runs in parallel)."""
    claims = bind_mentions(article, extract_mentions(article), ref)
    return claims, check_article(article, claims, ref)


# --- worker processes ----------------------------------------------------------------------

_WORKER_REF: ReferenceData | None = None


def _init_worker(reference_dirs: Sequence[str]) -> None:
    global _WORKER_REF
    _WORKER_REF = load_reference([Path(d) for d in reference_dirs])


def _work_batch(batch: list[Article]) -> list[tuple[list[Claim], list[Finding]]]:
    assert _WORKER_REF is not None
    return [process_article(a, _WORKER_REF) for a in batch]


def _batched(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _in_pool(
    articles: Iterable[Article], reference_dirs: Sequence[str], jobs: int
) -> Iterator[tuple[list[Claim], list[Finding]]]:
    """Per-article results in input order, with at most 2 x jobs batches in flight."""
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(reference_dirs,)) as pool:
        pending: deque[Future[list[tuple[list[Claim], list[Finding]]]]] = deque()
        for batch in _batched(articles, BATCH):
            pending.append(pool.submit(_work_batch, batch))
            if len(pending) >= 2 * jobs:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def run_check(
    paths: Sequence[PathLike],
    *,
    reference_dirs: Sequence[PathLike] = (),
    published: dt.date | None = None,
    reference: ReferenceData | None = None,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    keep_text: bool = False,
    progress: Progress | None = None,
) -> RunResult:
    """Run every stage but the report and return what was found.

    Reference data is loaded (and validated) before any article is read, so a broken
    user table stops the run before anything is half-checked. Unless ``keep_text`` is
    set, articles come back without their text (claims quote their sentence), so memory
    grows with the number of claims, not with the size of the input.
    """
    ref = reference if reference is not None else load_reference([Path(d) for d in reference_dirs])
    jobs = jobs if jobs > 0 else (os.cpu_count() or 1)
    dirs = [str(d) for d in reference_dirs]
    articles: list[Article] = []
    errors: list[ArticleError] = []
    claims: list[Claim] = []
    findings: list[Finding] = []

    def loaded() -> Iterator[Article]:
        for item in iter_articles([Path(p) for p in paths], published=published):
            if isinstance(item, ArticleError):
                errors.append(item)
            else:
                articles.append(item if keep_text else replace(item, text=""))
                yield item

    results: Iterable[tuple[list[Claim], list[Finding]]]
    if engine == "dask":
        from checker.distributed import process_on_dask

        results = process_on_dask(loaded(), dirs, scheduler)
    elif engine != "local":
        raise UsageError(f"unknown engine {engine!r}; use 'local' or 'dask'")
    elif jobs == 1:
        results = (process_article(a, ref) for a in loaded())
    else:
        stream = loaded()
        first = list(islice(stream, BATCH))
        if len(first) < BATCH:  # a small run: starting processes costs more than it saves
            results = (process_article(a, ref) for a in first)
        else:
            results = _in_pool(chain(first, stream), dirs, jobs)
    for found_claims, found in results:
        claims.extend(found_claims)
        findings.extend(found)
        if progress:
            progress(1)
    findings += check_corpus(claims, ref)
    return RunResult(
        articles=tuple(articles),
        errors=tuple(errors),
        claims=tuple(claims),
        findings=tuple(order_findings(findings, claims)),
        reference_tables=ref.table_paths,
    )
