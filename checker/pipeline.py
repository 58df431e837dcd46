"""The one place that chains the stages: load -> extract -> bind -> check -> report.

This is also the Python API::

    from checker.pipeline import run_check
    result = run_check(["articles/"])
    for f in result.findings:
        print(f.verdict, f.message)
    result.close()  # removes the run store (also done when ``result`` is garbage-collected)

Articles are independent until the cross-source stage, so load -> extract -> bind streams
over the input one article at a time; claims and findings go to the run store on disk
(:mod:`checker.store`), so memory does not grow with them. With ``jobs > 1``
the per-article work runs in worker processes; results are merged in input order, so the
output is the same as with one job, byte for byte. With ``engine="dask"`` the same
per-article work runs on a Dask cluster (optional extra ``checkfigures[dask]``). The
per-article unit of work and the in-order merge of batches, which both engines share, are
in :mod:`checker.runner`.
"""

from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from itertools import chain, islice
from pathlib import Path

from checker.checks.cross_source import iter_group_findings
from checker.distributed import process_on_dask
from checker.errors import UsageError
from checker.extract import extract_mentions
from checker.load import Ids, Input, iter_articles, iter_inputs
from checker.model import Article, ArticleError, Mention, RunResult
from checker.reference import ReferenceData, load_reference
from checker.runner import BATCH, Outcome, batched, in_order, process_input, process_rows
from checker.store import RunStore
from checker.store import finding_rows as finding_rows_of

log = logging.getLogger(__name__)

PathLike = str | Path
Progress = Callable[[int], None]


def iter_extracted(
    paths: Sequence[PathLike], published: dt.date | None = None
) -> Iterator[tuple[Article, list[Mention]] | ArticleError]:
    """Stream (article, mentions) pairs; unreadable inputs come through as errors."""
    for item in iter_articles([Path(p) for p in paths], published=published):
        if isinstance(item, ArticleError):
            yield item
            continue
        yield item, extract_mentions(item)


# --- worker processes ----------------------------------------------------------------------

_WORKER_REF: ReferenceData | None = None
PR_SET_PDEATHSIG = 1  # prctl(2) option: the signal a process gets when its parent dies
PARENT_POLL_SECONDS = 1.0


def _init_worker(ref: ReferenceData, parent: int) -> None:
    """Set up a worker process: the reference data the main process loaded (inherited as it
    is with fork, pickled once per worker otherwise; never read again from disk), and an
    exit when the main process dies."""
    global _WORKER_REF
    # a forked worker inherits the CLI's SIGTERM handler; the pool stops workers with
    # SIGTERM, which must end them at once, not run the main process's clean-up
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _exit_with_parent(parent)
    _WORKER_REF = ref


def _exit_with_parent(parent: int) -> None:
    """End this worker when the main process ``parent`` dies, even by SIGKILL, which runs
    no clean-up there: on Linux the kernel sends SIGKILL (prctl PR_SET_PDEATHSIG); elsewhere
    a daemon thread notices that the parent changed. Without either, a killed run's workers
    would wait on their queue forever."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # it died before the line above: nobody will send the signal
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), name="watch-parent", daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)  # no clean-up to run: a worker owns no files


def _work_batch(batch: list[Input], keep_text: bool) -> list[Outcome]:
    assert _WORKER_REF is not None
    return [process_input(u, _WORKER_REF, keep_text) for u in batch]


def _in_pool(
    units: Iterable[Input], ref: ReferenceData, jobs: int, keep_text: bool = False
) -> Iterator[tuple[Input, Outcome]]:
    """Per-input outcomes in input order, with at most 2 x jobs batches in flight."""
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(ref, os.getpid())) as pool:
        try:
            yield from in_order(units, lambda batch: pool.submit(_work_batch, batch, keep_text), 2 * jobs)
        except BaseException:  # stopped (an error, Ctrl-C, SIGTERM): drop the queued batches
            pool.shutdown(wait=True, cancel_futures=True)
            raise


def _locally(units: Iterable[Input], ref: ReferenceData, keep_text: bool) -> Iterator[tuple[Input, Outcome]]:
    for unit in units:
        yield unit, process_input(unit, ref, keep_text)


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
    exclude: Sequence[PathLike] = (),
) -> RunResult:
    """Run every stage but the report and return what was found.

    Reference data is loaded (and validated) before any article is read, so a broken
    user table stops the run before anything is half-checked. Unless ``keep_text`` is
    set, articles come back without their text (claims quote their sentence). Claims and
    findings come back as sequences read from the run store (:mod:`checker.store`), in
    the run's order; :meth:`RunResult.close` removes the store.

    Files are read where they are checked (in the worker, with ``jobs > 1``); the main
    process walks the folders, reads JSON/JSONL records and merges the outcomes in input
    order. Ids are made unique there, in input order, as :func:`~checker.load.iter_articles`
    does; an input whose id had to change (a name repeated across folders, rare) is
    checked again under its final id, so claim ids always name the article's final id.
    Folders in ``exclude`` (the report folder) are not read, nor are folders holding a
    report of an earlier run.
    """
    ref = reference if reference is not None else load_reference([Path(d) for d in reference_dirs])
    jobs = jobs if jobs > 0 else (os.cpu_count() or 1)
    dirs = [str(d) for d in reference_dirs]
    units = iter_inputs([Path(p) for p in paths], published=published, exclude=[Path(p) for p in exclude])

    outcomes: Iterable[tuple[Input, Outcome]]
    if engine == "dask":
        outcomes = process_on_dask(units, dirs, scheduler, keep_text)
    elif engine != "local":
        raise UsageError(f"unknown engine {engine!r}; use 'local' or 'dask'")
    elif jobs == 1:
        outcomes = _locally(units, ref, keep_text)
    else:
        first = list(islice(units, BATCH))
        if len(first) < BATCH:  # a small run: starting processes costs more than it saves
            outcomes = _locally(first, ref, keep_text)
        else:
            outcomes = _in_pool(chain(first, units), ref, jobs, keep_text)

    ids = Ids()
    articles: list[Article] = []
    errors: list[ArticleError] = []
    store = RunStore()
    try:
        for unit, (loaded, claim_rows, finding_rows) in outcomes:
            settled = ids.settle(loaded)
            if isinstance(settled, ArticleError):
                errors.append(settled)
                continue
            if settled.id != loaded.choices[0]:  # the work was done under the provisional id
                again = unit.load()
                assert isinstance(again.item, Article)
                claim_rows, finding_rows = process_rows(replace(again.item, id=settled.id), ref)
            articles.append(settled)
            store.add(claim_rows, finding_rows)
            if progress:
                progress(1)
        store.finish()
        # cross-source findings go to the store as they come (a large run has ~10^5)
        for batch in batched(iter_group_findings(store.groups(), ref), 5000):
            store.add((), finding_rows_of(batch, store.facts))
    except BaseException:
        store.close()
        raise
    return RunResult(
        articles=tuple(articles),
        errors=tuple(errors),
        claims=store.claims(),
        findings=store.findings(),
        reference_tables=ref.table_paths,
    )
