"""Text -> mentions. No reference data is used here.

``extract_mentions`` runs the number extractor (percent, count) and the calendar
extractor (date, date_range, year, duration, relative_date, age), drops anything inside a
masked span (clock times, URLs, e-mail, phone numbers, names with digits, list
numbering), and resolves overlaps so that every character belongs to at most one mention.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from operator import attrgetter

from checker.extract.dates import extract_calendar
from checker.extract.masks import find_masked_spans
from checker.extract.numbers import extract_numbers
from checker.model import Article, Mention

_SPAN = attrgetter("start", "end")  # the sort key of text order

# When two mentions overlap, the longer one wins; on equal length, the more specific kind.
_KIND_RANK = {
    "date_range": 0,
    "relative_date": 1,
    "age": 2,
    "duration": 3,
    "date": 4,
    "percent": 5,
    "year": 6,
    "count": 7,
}


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def resolve_overlaps(mentions: Iterable[Mention]) -> list[Mention]:
    """Keep the best of each group of overlapping mentions, in text order.

    Mentions are swept in text order into clusters of overlapping spans (O(n log n));
    within a cluster, the longer span wins, then the more specific kind.

    >>> from decimal import Decimal as D
    >>> a = Mention("x", 0, 9, "five days", "duration", D(5), D(5), "day")
    >>> b = Mention("x", 0, 4, "five", "count", D(5), D(5), "count")
    >>> [m.text for m in resolve_overlaps([b, a])]
    ['five days']
    """
    return _resolve_sorted(sorted(mentions, key=_SPAN))


def _resolve_sorted(ordered: list[Mention]) -> list[Mention]:
    """``resolve_overlaps`` of mentions already sorted by span."""
    kept: list[Mention] = []
    cluster: list[Mention] = []
    cluster_end = -1
    contested = False  # a cluster of two or more: the kept ones may leave text order
    for m in ordered:
        if m.start >= cluster_end:  # a new cluster (most are a single mention)
            if len(cluster) == 1:
                kept.append(cluster[0])
            elif cluster:
                kept += _best_of(cluster)
                contested = True
            cluster = [m]
            cluster_end = m.end
        else:
            cluster.append(m)
            cluster_end = max(cluster_end, m.end)
    kept += _best_of(cluster)
    if contested or len(cluster) > 1:
        kept.sort(key=_SPAN)
    return kept


def _best_of(cluster: list[Mention]) -> list[Mention]:
    if len(cluster) <= 1:
        return cluster
    ranked = sorted(cluster, key=lambda m: (-(m.end - m.start), _KIND_RANK[m.kind], m.start))
    chosen: list[Mention] = []
    for m in ranked:
        if not any(_overlaps(m.span, k.span) for k in chosen):
            chosen.append(m)
    return chosen


def _drop_masked(mentions: Iterable[Mention], masks: Sequence[tuple[int, int]]) -> list[Mention]:
    """Mentions that overlap no masked span (both sorted: one linear sweep)."""
    ordered = sorted(mentions, key=_SPAN)
    if not masks:
        return ordered
    out: list[Mention] = []
    i = 0
    for m in ordered:
        while i < len(masks) and masks[i][1] <= m.start:
            i += 1
        if i < len(masks) and masks[i][0] < m.end:
            continue
        out.append(m)
    return out


def extract_mentions(article: Article) -> list[Mention]:
    """Every figure in ``article.text``, in text order, without overlaps."""
    text = article.text
    masks = find_masked_spans(text)
    found = extract_numbers(text, article.id, article.language)
    found += extract_calendar(text, article.id, article.language, article.published)
    return _resolve_sorted(_drop_masked(found, masks))


__all__ = ["extract_mentions", "resolve_overlaps"]
