"""Metadata of an article: JSON fields, front matter, sidecar rows, dates, titles."""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

from checker.files import printable

log = logging.getLogger(__name__)

# A news article's publication year: outside these a date is a typo (9000), or a year read
# wrong, and would shift every relative date it resolves.
PUBLISHED_YEARS = (1800, 2200)
TITLE_MAX_CHARS = 300  # a "first line" longer than this is a paragraph, cut for display
FRONT_MATTER_MAX_CHARS = 16 * 1024  # a front-matter block is a few lines

# Field names, in order of preference (JSON records, front matter and sidecar columns).
TEXT_FIELDS = ("text", "body", "content")
ID_FIELDS = ("id",)
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("published", "date", "published_at", "publication_date", "datepublished")
SOURCE_FIELDS = ("source", "outlet", "publisher")
URL_FIELDS = ("url", "link")
LANGUAGE_FIELDS = ("language", "lang")

RE_ISO_DATE = re.compile(
    r"""
    ^\s*
    (?P<year>\d{4}) [-/.]         # 2024-
    (?P<month>\d{1,2}) [-/.]      # 03-
    (?P<day>\d{1,2})              # 21
    (?: [T\s] .{0,40} )?          # an optional time part, ignored: the date as published
    \s*$
    """,
    re.VERBOSE,
)

RE_COMPACT_DATE = re.compile(
    r"""
    ^\s*
    (?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})  # 20240321
    \s*$
    """,
    re.VERBOSE,
)

RE_FOUR_DIGITS = re.compile(
    r"""
    (?<![+\-\d])                   # not a time zone offset (+0300) or part of a longer number
    \d{4}
    (?!\d)
    """,
    re.VERBOSE,
)

RE_FRONT_MATTER_LINE = re.compile(
    r"""
    ^(?P<key>[A-Za-z_][A-Za-z0-9_.-]{0,40})  # a key: title, published, og.title
    \s{0,5} : (?:\s{1,20}|$)               # a colon, then space or the end of the line
    (?P<value>.*)$                          # the value, up to the end of the line
    """,
    re.VERBOSE,
)

RE_FRONT_MATTER_OTHER = re.compile(
    r"""
    ^(?: \s*$                     # a blank line
       | \s*\#                    # a comment
       | \s{1,40}\S               # an indented continuation line
       | \s{0,40}-\s               # a YAML list item
    )
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Metadata:
    """What is known about an article besides its text; ``None`` means unknown."""

    id: str | None = None
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None

    def over(self, other: Metadata) -> Metadata:
        """These fields, with ``other``'s filling the gaps.

        >>> Metadata(title="A").over(Metadata(title="B", source="wire"))
        Metadata(id=None, title='A', published=None, source='wire', url=None, language=None)
        """
        values = {}
        for f in fields(self):
            mine = getattr(self, f.name)
            values[f.name] = mine if mine is not None else getattr(other, f.name)
        return Metadata(**values)


def parse_published(value: object) -> dt.date | None:
    """The date part of an ISO date/datetime (or an RFC 2822 date), else None.

    >>> parse_published("2024-03-21T10:00:00+03:00"), parse_published("Thu, 21 Mar 2024 08:00:00 GMT")
    (datetime.date(2024, 3, 21), datetime.date(2024, 3, 21))
    >>> parse_published("last Tuesday") is None, parse_published("Mon, 01 Jan 0001 00:00:00 +0000") is None
    (True, True)
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip() or len(value) > 100:
        return None
    m = RE_ISO_DATE.match(value) or RE_COMPACT_DATE.match(value)
    if m:
        try:
            return dt.date(int(m["year"]), int(m["month"]), int(m["day"]))
        except ValueError:
            return None
    try:
        day = email.utils.parsedate_to_datetime(value.strip()).date()
    except (TypeError, ValueError, IndexError):
        return None
    # email.utils reads a year under 100 as two digits ("0001" -> 2001): a four-digit year
    # written in the date must be the one read.
    years = RE_FOUR_DIGITS.findall(value)
    if years and f"{day.year:04d}" not in years:
        return None
    return day


def plausible_published(day: dt.date | None, where: str) -> dt.date | None:
    """``day`` when its year is a publication year (:data:`PUBLISHED_YEARS`), else None
    with a warning naming ``where``.

    >>> plausible_published(dt.date(2024, 3, 21), "a.md"), plausible_published(dt.date(9000, 1, 1), "a.md")
    (datetime.date(2024, 3, 21), None)
    """
    low, high = PUBLISHED_YEARS
    if day is None or low <= day.year <= high:
        return day
    log.warning(
        "%s: publication date %s is not between %d and %d; ignored", where, day.isoformat(), low, high
    )
    return None


def _text_value(value: object) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None  # JSON NaN/Infinity: refused earlier in a record (see non_finite_field)
    if isinstance(value, int | float | str):
        text = printable(str(value).strip())
        return text or None
    return None


def non_finite_field(record: Mapping[str, object]) -> str | None:
    """The first metadata field of a JSON record that is NaN or Infinity, else None.

    ``json`` reads the bare words NaN and Infinity as floats; as an id or title they would
    become "nan" and "inf", which no one wrote.

    >>> non_finite_field({"id": float("nan"), "text": "x"}), non_finite_field({"id": 7})
    ('id', None)
    """
    for names in (ID_FIELDS, TITLE_FIELDS, DATE_FIELDS, SOURCE_FIELDS, URL_FIELDS, LANGUAGE_FIELDS):
        for name in names:
            value = record.get(name)
            if isinstance(value, float) and not math.isfinite(value):
                return name
    return None


def _first(record: Mapping[str, object], names: Sequence[str]) -> object:
    for name in names:
        value = record.get(name)
        if value is not None and value != "":
            return value
    return None


def parse_metadata(record: Mapping[str, Any], where: str = "") -> Metadata:
    """Metadata from a JSON object, a front-matter block or a sidecar row (keys any case).

    A date that cannot be read is logged and left out: the article is still checked,
    only its relative dates stay unresolved.

    >>> meta = parse_metadata({"Headline": "Vote", "date": "2024-03-21T09:00:00Z", "lang": "ru"})
    >>> meta.title, meta.published, meta.language
    ('Vote', datetime.date(2024, 3, 21), 'ru')
    """
    lowered = {str(k).strip().lower(): v for k, v in record.items()}
    raw_date = _first(lowered, DATE_FIELDS)
    published = parse_published(raw_date)
    if raw_date is not None and published is None:
        log.warning("%s: cannot read the date %r; use YYYY-MM-DD", where or "metadata", raw_date)
    return Metadata(
        id=_text_value(_first(lowered, ID_FIELDS)),
        title=_text_value(_first(lowered, TITLE_FIELDS)),
        published=published,
        source=_text_value(_first(lowered, SOURCE_FIELDS)),
        url=_text_value(_first(lowered, URL_FIELDS)),
        language=_text_value(_first(lowered, LANGUAGE_FIELDS)),
    )


def parse_front_matter(text: str) -> tuple[dict[str, str], str] | None:
    """Split a ``---`` front-matter block from the top of a Markdown text.

    Returns (fields, the rest of the text), or None when the text has no such block. A
    block must close with a ``---`` (or ``...``) line and hold only ``key: value`` lines,
    comments, list items or indented lines; otherwise the leading ``---`` is a rule.

    >>> parse_front_matter("---\\ntitle: Vote\\n---\\nBody")
    ({'title': 'Vote'}, 'Body')
    >>> parse_front_matter("---\\nJust a rule.\\n---\\nBody") is None
    True
    """
    if not text.startswith("---\n"):
        return None
    head = text[4 : 4 + FRONT_MATTER_MAX_CHARS]
    found: dict[str, str] = {}
    pos = 0
    while True:
        end = head.find("\n", pos)
        if end < 0:
            if head[pos:] not in ("---", "..."):
                return None
            return found, text[4 + len(head) :]
        line = head[pos:end]
        if line.rstrip() in ("---", "..."):
            return found, text[4 + end + 1 :]
        m = RE_FRONT_MATTER_LINE.match(line)
        if m:
            key = m["key"].lower()
            found.setdefault(key, _unquote(m["value"].strip()))
        elif not RE_FRONT_MATTER_OTHER.match(line):
            return None
        pos = end + 1


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _first_line_title(text: str, markdown: bool = False) -> str | None:
    for line in text.split("\n", 200)[:200]:
        title = line.strip()
        if markdown:
            title = title.lstrip("#").strip()
        if title:
            return title if len(title) <= TITLE_MAX_CHARS else title[: TITLE_MAX_CHARS - 1] + "…"
    return None
