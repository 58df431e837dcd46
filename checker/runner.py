"""The unit of work of a run, the same for every engine: one input read, extracted, bound
and checked (:func:`process_input`), and batches of inputs computed elsewhere and handed
back in input order (:func:`in_order`).

The local process pool (:mod:`checker.pipeline`) and the Dask engine
(:mod:`checker.distributed`) both run :func:`process_input` over batches of :data:`BATCH`
inputs and merge the outcomes with :func:`in_order`, so a run gives the same output, byte
for byte, whatever runs it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from functools import partial
from itertools import islice
from typing import Protocol, TypeVar

from checker.bind import bind_mentions
from checker.checks import check_article
from checker.checks.cross_source import group_key
from checker.checks.temporal import dateline_slip
from checker.extract import extract_mentions
from checker.load import Input, Loaded
from checker.model import Article, ArticleError, Claim, Finding
from checker.reference import ReferenceData
from checker.store import ClaimRow, FindingRow, article_rows

_T = TypeVar("_T")

# Articles handed to a worker at once: large enough to amortise pickling, small enough
# to keep memory bounded (a batch of long articles is still a few MB).
BATCH = 64


def process_article(article: Article, ref: ReferenceData) -> tuple[list[Claim], list[Finding]]:
    """Extract, bind and check one article.

    When the article's dateline gives the wrong year (it reports as news the final result
    of a vote held a year or two after its date), that is one finding, and the figures are
    bound and checked again with the date moved to the vote's year.
    """
    mentions = extract_mentions(article)
    claims = bind_mentions(article, mentions, ref)
    slip = dateline_slip(article, claims, ref)
    if slip is None:
        return claims, check_article(article, claims, ref)
    corrected, finding = slip
    moved = replace(article, published=corrected)
    claims = bind_mentions(moved, mentions, ref)
    return claims, [finding, *check_article(moved, claims, ref)]


def process_rows(article: Article, ref: ReferenceData) -> tuple[list[ClaimRow], list[FindingRow]]:
    """Extract, bind and check one article: the run store's rows of its claims and findings."""
    claims, findings = process_article(article, ref)
    return article_rows(claims, findings, partial(group_key, ref=ref))


# What one input becomes: the article as read (text dropped unless kept) with the run
# store's rows of its claims and findings, or the error that stands for it.
Outcome = tuple[Loaded, list[ClaimRow], list[FindingRow]]


def process_input(unit: Input, ref: ReferenceData, keep_text: bool = False) -> Outcome:
    """Read (when still to be read), extract, bind and check one input: the unit of work
    that runs in a worker process, so reading and decoding HTML scale out too. Claims and
    findings leave as store rows (text), which the main process inserts without decoding."""
    loaded = unit.load()
    article = loaded.item
    if isinstance(article, ArticleError):
        return loaded, [], []
    claim_rows, finding_rows = process_rows(article, ref)
    if not keep_text:
        loaded = Loaded(replace(article, text=""), loaded.choices)
    return loaded, claim_rows, finding_rows


def batched(items: Iterable[_T], size: int) -> Iterator[list[_T]]:
    """Lists of ``size`` items (the last one shorter), in order."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


class Pending(Protocol):
    """A batch's outcomes being computed elsewhere (a process pool's or Dask's future)."""

    def result(self) -> list[Outcome]: ...


def in_order(
    units: Iterable[Input], submit: Callable[[list[Input]], Pending], in_flight: int
) -> Iterator[tuple[Input, Outcome]]:
    """Per-input outcomes in input order: ``units`` go to ``submit`` in batches of
    :data:`BATCH`, with at most ``in_flight`` batches submitted and not yet handed back."""
    pending: deque[tuple[list[Input], Pending]] = deque()
    for batch in batched(units, BATCH):
        pending.append((batch, submit(batch)))
        if len(pending) >= in_flight:
            done, future = pending.popleft()
            yield from zip(done, future.result(), strict=True)
    while pending:
        done, future = pending.popleft()
        yield from zip(done, future.result(), strict=True)
