"""Run the per-article work on a Dask cluster (optional extra ``checkfigures[dask]``).

The unit of work is the same as in the local pipeline — read, extract, bind and check one
batch of inputs — so results are identical; they come back in input order, and only claims
and findings travel back to the client. Each worker loads the reference tables once
(cached per worker process) from the folders given, which must be readable on the
workers, and so must the article files (a shared file system or the same checkout on every
machine): the client sends file names, workers read the files.

Real cluster::

    dask scheduler                       # on the scheduler machine
    dask worker tcp://SCHEDULER:8786     # on every worker machine
    checkfigures check archive/ --engine dask --scheduler tcp://SCHEDULER:8786
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from checker.errors import UsageError
from checker.load import Input
from checker.reference import ReferenceData, load_reference
from checker.runner import Outcome, in_order, process_input

IN_FLIGHT = 16


@lru_cache(maxsize=4)
def _reference(dirs: tuple[str, ...]) -> ReferenceData:
    return load_reference([Path(d) for d in dirs])


def work_batch(batch: list[Input], dirs: tuple[str, ...], keep_text: bool = False) -> list[Outcome]:
    """Read, extract, bind and check a batch of inputs on a worker."""
    ref = _reference(dirs)
    return [process_input(u, ref, keep_text) for u in batch]


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
    units: Iterable[Input], reference_dirs: Sequence[str], scheduler: str | None, keep_text: bool = False
) -> Iterator[tuple[Input, Outcome]]:
    """Per-input outcomes in input order, computed on the cluster at ``scheduler``."""
    client = _client(scheduler)
    dirs = tuple(reference_dirs)
    try:
        yield from in_order(
            units, lambda batch: client.submit(work_batch, batch, dirs, keep_text, pure=False), IN_FLIGHT
        )
    finally:
        client.close()
