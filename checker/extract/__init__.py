"""Text -> mentions. No reference data is used here.

``extract_mentions`` runs the number extractor (percent, count) and the calendar
extractor (date, date_range, year, duration, relative_date, age), drops anything inside a
masked span (clock times, URLs, e-mail, phone numbers, names with digits, list
numbering), and resolves overlaps so that every character belongs to at most one mention.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from checker.extract.dates import extract_calendar
from checker.extract.masks import find_masked_spans
from checker.extract.numbers import extract_numbers
from checker.model import Article, Mention

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

    >>> from decimal import Decimal as D
    >>> a = Mention("x", 0, 9, "five days", "duration", D(5), D(5), "day")
    >>> b = Mention("x", 0, 4, "five", "count", D(5), D(5), "count")
    >>> [m.text for m in resolve_overlaps([b, a])]
    ['five days']
    """
    ranked = sorted(mentions, key=lambda m: (-(m.end - m.start), _KIND_RANK[m.kind], m.start))
    kept: list[Mention] = []
    for m in ranked:
        if not any(_overlaps(m.span, k.span) for k in kept):
            kept.append(m)
    kept.sort(key=lambda m: (m.start, m.end))
    return kept


def _drop_masked(mentions: Iterable[Mention], masks: Sequence[tuple[int, int]]) -> list[Mention]:
    if not masks:
        return list(mentions)
    return [m for m in mentions if not any(_overlaps(m.span, s) for s in masks)]


def extract_mentions(article: Article) -> list[Mention]:
    """Every figure in ``article.text``, in text order, without overlaps."""
    text = article.text
    masks = find_masked_spans(text)
    found = extract_numbers(text, article.id, article.language)
    found += extract_calendar(text, article.id, article.language, article.published)
    return resolve_overlaps(_drop_masked(found, masks))


__all__ = ["extract_mentions", "resolve_overlaps"]
