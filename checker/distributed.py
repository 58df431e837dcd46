"""Run the per-article work on a Dask cluster (optional extra ``checkfigures[dask]``).

The unit of work is the same as in the local pipeline — extract, bind and check one batch
of articles — so results are identical; they come back in input order, and only claims
and findings travel back to the client. Each worker loads the reference tables once
(cached per worker process) from the folders given, which must be readable on the
workers (a shared file system or the same checkout on every machine).

Real cluster::

    dask scheduler                       # on the scheduler machine
    dask worker tcp://SCHEDULER:8786     # on every worker machine
    checkfigures check archive/ --engine dask --scheduler tcp://SCHEDULER:8786
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any

from checker.errors import UsageError
from checker.model import Article, Claim, Finding
from checker.reference import ReferenceData, load_reference

BATCH = 64
IN_FLIGHT = 16


@lru_cache(maxsize=4)
def _reference(dirs: tuple[str, ...]) -> ReferenceData:
    return load_reference([Path(d) for d in dirs])


def work_batch(batch: list[Article], dirs: tuple[str, ...]) -> list[tuple[list[Claim], list[Finding]]]:
    """Extract, bind and check a batch of articles on a worker."""
    from checker.pipeline import process_article

    ref = _reference(dirs)
    return [process_article(a, ref) for a in batch]


def _client(scheduler: str | None) -> Any:
    try:
        from dask.distributed import Client
    except ImportError:
        raise UsageError(
            "the dask engine needs the optional extra: pip install 'checkfigures[dask]'"
        ) from None
    if scheduler is None:
        raise UsageError("--engine dask needs --scheduler ADDRESS (e.g. tcp://127.0.0.1:8786)")
    return Client(scheduler)


def process_on_dask(
    articles: Iterable[Article], reference_dirs: Sequence[str], scheduler: str | None
) -> Iterator[tuple[list[Claim], list[Finding]]]:
    """Per-article results in input order, computed on the cluster at ``scheduler``."""
    client = _client(scheduler)
    dirs = tuple(reference_dirs)
    try:
        pending: deque[Any] = deque()
        it = iter(articles)
        while batch := list(islice(it, BATCH)):
            pending.append(client.submit(work_batch, batch, dirs, pure=False))
            if len(pending) >= IN_FLIGHT:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        client.close()
