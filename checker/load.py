"""Article sets -> ``Article``: files and folders of text, Markdown, HTML, JSON and JSONL.

:func:`iter_articles` streams one article at a time, in a stable order (paths as given;
inside a folder, names sorted and sub-folders walked in place; records of a JSON or JSONL
file in file order). Bad input never stops the run: an unreadable file or record becomes an
:class:`~checker.model.ArticleError` and the next one is read. Only a path named on the
command line that does not exist raises :class:`~checker.errors.InputError`, before
anything is read.

Formats
-------
``.txt`` (``.text``)
    The decoded file. Its first non-empty line is the title.
``.md`` (``.markdown``)
    As ``.txt``, with an optional front-matter block (``key: value`` lines between ``---``
    lines at the very top: title, published|date, source|outlet, url, id, language|lang),
    which is removed from the text.
``.html`` / ``.htm`` (``.xhtml``)
    Visible article text only. trafilatura (made for news pages) picks the article body;
    when it returns nothing, only its last-resort dump (all text in one paragraph, cells
    and list items merged) or much less than the page's visible text (under
    ``FALLBACK_SHARE`` of it), our own visible-text walk over lxml's parse is used
    instead (lxml, not the stdlib parser: it is linear on hostile markup). Neither keeps
    script, style, noscript, template, comments, CDATA or hidden elements; the fallback
    also drops nav/aside and header/footer outside ``<article>``/``<main>``, and blocks
    made mostly of links. Blocks (p, h1-h6, li, div, ...) are separated by a blank line,
    ``<br>`` by a line break, table cells by a tab. The headline (``<h1>``) is put first
    when trafilatura left it out. Title: og:title, ``<h1>``, ``<title>``. Date: meta
    tags (article:published_time, date, pubdate, ...), ``<time datetime>`` marked as the
    publication time, then trafilatura's metadata (without its guesses from the running
    text: a wrong publication date shifts every relative date).
``.json``
    One article object, a list of them, or ``{"articles": [...]}``.
``.jsonl`` (``.ndjson``)
    One object per line, read line by line (blank lines skipped).

JSON fields: text|body|content (a string, a list of paragraph strings, or HTML, which
is reduced to visible text), title|headline, published|date (ISO date or datetime; the date
part is kept), source|outlet|publisher, url|link, id, language|lang.

Metadata
--------
A sidecar ``articles.csv`` in a folder (column ``file``, plus any of id, title,
published|date, source|outlet, url, language; other columns are ignored) describes the
files of that folder; ``file`` may also be a path relative to the folder
(``2024/a.txt``). For a file the sidecar row wins over what the file says about itself
(it is the user's own manifest); for JSON records the record's fields win and the sidecar
fills gaps (id and title excepted). The ``published`` argument fills the date of articles
that have none; before it, an article's own wire dateline ("MINSK, Sept. 23, 2020 —") in one
of its first paragraphs dates it (:func:`dateline_date`). Language: metadata, ``<html lang>``, else
:func:`checker.language.detect_language`.

Ids
---
A file's id is its name ("000_e6877975c975465a.txt"); a record's id is its ``id`` field,
else ``<file name>:<line>`` (JSONL) or ``<file name>:<n>`` (JSON list, n counted from 1).
Ids are unique within a run: when a later article would repeat an id (two folders holding
a file of the same name), it gets the file's path relative to the folder given on the
command line instead ("2024/report.txt", or "2024/feed.jsonl:c13a" for a record), then its
full path, then a "#2", "#3"... suffix. Error rows (an unreadable file, a broken JSONL
line) take part: a file that cannot be read never shares its id with one that can.

Text and offsets
----------------
Spans index ``Article.text``: for ``.txt``/``.md`` the decoded file with line endings
normalised to ``\\n`` (CRLF and lone CR) and the front matter removed, so a plain UTF-8
file is indexed as it is. Control characters (NUL, C0 other than tab and newline, DEL, C1)
are replaced by one space each, so the text keeps its length.

Encodings (tried in this order)
-------------------------------
1. a byte-order mark: UTF-32 (LE/BE), UTF-8, UTF-16 (LE/BE); the BOM is dropped;
2. UTF-16 without BOM, when every other byte is NUL (such text is valid UTF-8 too);
3. UTF-8 (strict); pure ASCII ends here. A file whose lines are partly valid non-ASCII
   UTF-8 and partly not (a paragraph pasted from an old page) keeps its UTF-8 lines and
   decodes the others with the codec chosen as in 5 (``Article.encoding`` "utf-8+cp1252");
4. for HTML, the charset its ``<meta>`` declares;
5. charset-normalizer's guesses among the encodings news is written in (``NEWS_CODECS``),
   then cp1252, cp1250, cp1251 and KOI8-R. Detection is unreliable on short texts, so the
   first of these whose text looks plausible wins: no symbols glued to letters ("³" in
   "wynios³a" is Polish read as cp1252), no capitals after small letters inside words
   ("éÔÏÇÉ" is KOI8-R read as cp1252); otherwise the least implausible, ties going to the
   earlier codec. A word that switches script mid-way ("Krakรณw": Polish read as Thai
   cp874) counts as implausible too. latin-1 guesses come out as cp1252 (which has quotes and dashes where
   latin-1 has control codes);
6. otherwise the file is an error: "not valid UTF-8, cp1252 or any detected encoding".

``Article.encoding`` names the codec used ("utf-8", "utf-8-sig", "utf-16", "cp1252"...).

Errors (one plain sentence each)
--------------------------------
"empty file", "empty file (only white space)", "binary file (contains NUL bytes)",
"binary file (mostly control characters)", "binary file (PDF document)",
"cannot read file: permission denied", "file too large (312 MB; the limit is 200 MB)",
"not valid UTF-8, cp1252 or any detected encoding", "line 3: not valid JSON: Expecting
',' delimiter", "line 4: record has no text (no text, body or content field)",
"JSON nested too deeply", "cannot read folder: permission denied". Files over
``LARGE_BYTES`` are read (with an info log line); files over ``MAX_BYTES`` are refused.
Symlinked folders are followed once (a loop is logged and not walked again). Hidden files
and folders (".name") and files of other types in a folder are skipped with a debug log
line; a file named on the command line with another extension is read as ``.txt``.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import email.utils
import io
import json
import logging
import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from checker.errors import InputError
from checker.language import detect_language
from checker.model import Article, ArticleError

log = logging.getLogger(__name__)

# --- limits and names ----------------------------------------------------------------------

MEGABYTE = 1024 * 1024
MAX_BYTES = 200 * 1024 * 1024  # beyond this a "news article" is a mistake (a dump, a disk image)
LARGE_BYTES = 50 * 1024 * 1024  # read, but worth a log line
SAMPLE_BYTES = 64 * 1024  # what binary checks and encoding detection look at
BINARY_NUL_SHARE = 0.01  # more NUL bytes than this share (and than BINARY_MIN_NULS): binary
BINARY_MIN_NULS = 8  # a few stray NULs in a short text are damage, not a binary format
BINARY_CONTROL_SHARE = 0.05  # more control characters than this after decoding: binary
IMPLAUSIBLE_SHARE = 0.02  # a decoding with more wrong-code-page marks than this is garbage
IMPLAUSIBLE_MIN = 3  # ... and than this many (a stray "km²" is fine)
FALLBACK_SHARE = 0.4  # trafilatura text shorter than this share of the visible text: fall back
LINK_HEAVY_SHARE = 0.5  # fallback blocks with more link text than this are menus
TITLE_MAX_CHARS = 300  # a "first line" longer than this is a paragraph, cut for display
FRONT_MATTER_MAX_CHARS = 16 * 1024  # a front-matter block is a few lines

SIDECAR = "articles.csv"
TEXT_SUFFIXES = frozenset({".txt", ".text"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES

# Field names, in order of preference (JSON records, front matter and sidecar columns).
TEXT_FIELDS = ("text", "body", "content")
ID_FIELDS = ("id",)
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("published", "date", "published_at", "publication_date", "datepublished")
SOURCE_FIELDS = ("source", "outlet", "publisher")
URL_FIELDS = ("url", "link")
LANGUAGE_FIELDS = ("language", "lang")

# File signatures of binary formats people drop into article folders by mistake.
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\xd0\xcf\x11\xe0", "old Office document"),
)

# Byte-order marks; UTF-32 LE first because its BOM starts with the UTF-16 LE one.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Encodings news text is written in. charset-normalizer also proposes DOS and exotic code
# pages (cp775, cp1125, hp-roman8, shift_jis_2004...) for short texts; decoding with one of
# those garbles letters, so its guesses are limited to these.
NEWS_CODECS = frozenset(
    {
        "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258",
        "iso8859-1", "iso8859-2", "iso8859-4", "iso8859-5", "iso8859-7", "iso8859-9", "iso8859-13",
        "iso8859-15", "iso8859-16", "koi8-r", "koi8-u", "mac-cyrillic", "cp866", "gb2312", "gbk",
        "gb18030", "big5", "big5hkscs", "shift_jis", "cp932", "euc_jp", "iso2022_jp", "euc_kr",
        "cp949", "cp874", "tis-620", "utf-16", "utf-16-le", "utf-16-be", "utf-32",
    }
)  # fmt: skip

# Tried after charset-normalizer's guesses: the code pages of most non-UTF-8 news archives
# in the languages we cover (Western, Central European, Russian/Ukrainian x2).
FALLBACK_CODECS = ("cp1252", "cp1250", "cp1251", "koi8-r")

UNDECODABLE = "not valid UTF-8, cp1252 or any detected encoding"

# Control characters that cannot be part of article text, each replaced by one space so
# that offsets do not move: C0 except tab and newline, DEL, and C1.
_CONTROL_CODES = [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, *range(0x80, 0xA0)]
CONTROL_TO_SPACE = {code: " " for code in _CONTROL_CODES}
RE_CONTROL = re.compile("[" + "".join(map(chr, _CONTROL_CODES)) + "]")

# --- regexes -------------------------------------------------------------------------------

_CHARSET_NAME = r"[A-Za-z0-9_.:-]{1,40}"

RE_META_CHARSET = re.compile(
    rb"""
    <meta\b [^>]{0,300}?          # a meta tag, its attributes before the charset (bounded)
    charset \s{0,5} = \s{0,5}     # charset=, in <meta charset> or in http-equiv content
    ["']? \s{0,5}                 # optional quote
    (?P<name>"""
    + _CHARSET_NAME.encode()
    + rb""")                      # the encoding label
    """,
    re.VERBOSE | re.IGNORECASE,
)

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

RE_HTML_START = re.compile(
    r"""
    ^\s{0,200}                    # leading white space (bounded)
    <(?:!doctype|html|body|article|section|div|p|h[1-6]|ul|ol|table|span|br)\b  # a tag that starts HTML
    """,
    re.VERBOSE | re.IGNORECASE,
)

RE_HTML_SPACE = re.compile(
    r"""
    [ \t\n\r\f\v]+                # ASCII white space, which HTML renders as one space
    """,
    re.VERBOSE,
)

RE_BLOCK_SPACES = re.compile(
    r"""
    [ ]{2,}                       # spaces left where text nodes met
    """,
    re.VERBOSE,
)

RE_SPACE_AROUND_BREAK = re.compile(
    r"""
    [ ]?                          # one space before a break (runs are already collapsed)
    (?P<brk>[\n\t])                # a line break (<br>) or a cell break
    [ ]?                          # one space after it
    """,
    re.VERBOSE,
)

RE_NON_ASCII_BYTE = re.compile(
    rb"""
    [\x80-\xff]                   # the first byte outside ASCII
    """,
    re.VERBOSE,
)

RE_XML_DECLARATION = re.compile(
    r"""
    ^\s{0,100}                    # leading white space (bounded)
    <\?xml\b [^>]{0,200} \?>      # <?xml version="1.0" encoding="..."?>
    """,
    re.VERBOSE,
)

RE_DISPLAY_NONE = re.compile(
    r"""
    (?:display\s{0,5}:\s{0,5}none          # display: none
     | visibility\s{0,5}:\s{0,5}hidden)    # visibility: hidden
    """,
    re.VERBOSE | re.IGNORECASE,
)


# --- metadata ------------------------------------------------------------------------------


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
    >>> parse_published("last Tuesday") is None
    True
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
        return email.utils.parsedate_to_datetime(value.strip()).date()
    except (TypeError, ValueError, IndexError):
        return None


def _text_value(value: object) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float | str):
        text = str(value).strip()
        return text or None
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


# --- bytes -> text -------------------------------------------------------------------------


class _Unreadable(Exception):
    """An input that cannot become an article; ``reason`` is the sentence to report."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def clean_text(text: str) -> str:
    """Line endings to ``\\n``; every other control character to one space.

    >>> clean_text("a\\r\\nb\\rc\\x00d")
    'a\\nb\\nc d'
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.translate(CONTROL_TO_SPACE)


def _codec_name(label: str) -> str | None:
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _try_decode(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _too_many_nuls(nuls: int, size: int) -> bool:
    # A stray NUL or two in text is damage to repair; binary formats are full of them.
    return nuls > max(BINARY_MIN_NULS, BINARY_NUL_SHARE * size)


def _utf16_without_bom(sample: bytes) -> str | None:
    """The UTF-16 codec whose ASCII high bytes (NUL) sit at every other position, if any."""
    if len(sample) < 8:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _detected(data: bytes) -> list[str]:
    """charset-normalizer's guesses that news text plausibly uses, best first, as codec names."""
    from charset_normalizer import from_bytes

    guesses = []
    for match in from_bytes(data):
        name = _codec_name(match.encoding)
        if name == "iso8859-1":  # as browsers do: cp1252 is latin-1 plus quotes and dashes
            name = "cp1252"
        if name and name in NEWS_CODECS and name not in guesses:
            guesses.append(name)
    return guesses


def _decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode an article's bytes: (text, codec name). See the module docstring for the order.

    Raises ``_Unreadable`` with the reason to report.

    >>> _decode_bytes("Turnout “76%” – final".encode("cp1252"))
    ('Turnout “76%” – final', 'cp1252')
    """
    if not data:
        raise _Unreadable("empty file")
    for bom, codec in BOMS:
        if data.startswith(bom):
            text = _try_decode(data, codec)
            if text is None:
                raise _Unreadable(f"not valid {codec.upper()} although it starts with a {codec.upper()} mark")
            return text.lstrip("\ufeff"), codec
    for signature, kind in BINARY_SIGNATURES:
        if data.startswith(signature):
            raise _Unreadable(f"binary file ({kind})")
    sample = data[:SAMPLE_BYTES]
    nul = sample.count(0)
    # ASCII in UTF-16 is valid UTF-8 too (with a NUL after every letter): test it first.
    codec16 = _utf16_without_bom(sample) if nul else None
    if codec16 and (text := _try_decode(data, codec16)) is not None:
        return text, codec16
    text = _try_decode(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    if _too_many_nuls(nul, len(sample)):
        raise _Unreadable("binary file (contains NUL bytes)")
    mixed = _decode_mixed(data, declared)
    if mixed is not None:
        return mixed
    window = _non_ascii_window(data)
    return _most_plausible(data, window, _candidates(window, declared))


def _candidates(window: bytes, declared: str | None) -> list[str]:
    """Legacy codecs to try, best first: a declared charset, detection's guesses, fallbacks."""
    candidates: list[str] = []
    if declared and (name := _codec_name(declared)) and name not in ("utf-8", "utf-16", "utf-32"):
        candidates.append(name)
    return [*candidates, *_detected(window), *FALLBACK_CODECS]


def _decode_mixed(data: bytes, declared: str | None) -> tuple[str, str] | None:
    """A UTF-8 file with some lines in a legacy code page: each line in its own encoding.

    Text pasted from an old page into a UTF-8 file is not valid UTF-8 as a whole, but its
    UTF-8 lines must not be re-read as cp1252 ("KrakÃ³w") or worse (cp874 gives Thai
    letters). When at least one line holds valid non-ASCII UTF-8, the UTF-8 lines are kept
    and the other lines are decoded together with the most plausible legacy codec. Returns
    None when no line is UTF-8 beyond ASCII (a legacy file: the caller decides).
    """
    lines = data.splitlines(keepends=True)
    utf8 = [
        _try_decode(line, "utf-8") if RE_NON_ASCII_BYTE.search(line) else line.decode("ascii")
        for line in lines
    ]
    if not any(text is not None and not text.isascii() for text in utf8):
        return None
    legacy = b"".join(line for line, text in zip(lines, utf8, strict=True) if text is None)
    window = _non_ascii_window(legacy)
    _, codec = _most_plausible(legacy, window, _candidates(window, declared))
    parts = [
        text if text is not None else line.decode(codec, errors="replace")
        for line, text in zip(lines, utf8, strict=True)
    ]
    return "".join(parts), f"utf-8+{codec}"


def _implausible(text: str) -> int:
    """How many characters look like a wrong code page: a low count means a plausible text.

    Counts symbols glued to letters ("wynios³a", "£odzi": Polish read as cp1252), control
    characters, and capitals right after a small letter ("éÔÏÇÉ": KOI8-R read as cp1252,
    "иТОГИ": KOI8-R read as cp1251), which real words almost never have.
    """
    count = 0
    previous_lower = False
    previous_script = ""
    for i, ch in enumerate(text):
        if ch.isalpha():
            script = _script(ch)
            if (previous_lower and ch.isupper()) or (previous_script and script != previous_script):
                count += 1
            previous_lower = ch.islower()
            previous_script = script
            continue
        previous_lower = False
        previous_script = ""
        if ord(ch) < 0x80:
            continue
        category = unicodedata.category(ch)
        glued = (i > 0 and text[i - 1].isalpha()) or (i + 1 < len(text) and text[i + 1].isalpha())
        if category[0] == "C" or (glued and (category[0] == "S" or category == "No")):
            count += 1
    return count


def _script(ch: str) -> str:
    """The script of a letter, coarsely: a word that switches script mid-way ("Krakรณw",
    Polish read as Thai cp874) is a wrong code page, not a real word."""
    code = ord(ch)
    if code < 0x250 or 0x1E00 <= code < 0x1F00:
        return "latin"
    if 0x370 <= code < 0x400 or 0x1F00 <= code < 0x2000:
        return "greek"
    if 0x400 <= code < 0x530:
        return "cyrillic"
    return "other"


def _non_ascii_window(data: bytes) -> bytes:
    """The bytes that tell encodings apart: a window from just before the first non-ASCII byte.

    An article can run for pages of ASCII before its first "é" or "Я"; detection and
    plausibility must look there, not at the ASCII head.
    """
    m = RE_NON_ASCII_BYTE.search(data)
    start = max(0, m.start() - 1024) if m else 0
    return data[start : start + 4 * SAMPLE_BYTES]


def _most_plausible(data: bytes, window: bytes, codecs_to_try: Sequence[str]) -> tuple[str, str]:
    """Decode with the candidate codec whose text looks least like a wrong code page.

    Statistical detection is unreliable on short texts (a news item is short): Polish in
    cp1250 passes for cp1252, KOI8-R for Shift-JIS. Ties go to the first codec tried (a
    declared charset, then charset-normalizer's best guesses, then cp1252).
    """
    best: tuple[int, str, str] | None = None
    for codec in dict.fromkeys(codecs_to_try):
        text = _try_decode(data, codec)
        if text is None:
            continue
        # The window may cut a multi-byte character at its ends: ignore those bytes there.
        score = _implausible(window.decode(codec, errors="ignore"))
        if best is None or score < best[0]:
            best = (score, text, codec)
        if score == 0:
            break
    if best is None or best[0] > max(IMPLAUSIBLE_MIN, IMPLAUSIBLE_SHARE * len(window)):
        raise _Unreadable(UNDECODABLE)
    score, text, codec = best
    if codec != "cp1252" and _try_decode(data, "cp1252") == text:
        codec = "cp1252"  # cp1250 and others agree with it on most bytes: name the commonest
    return text, codec


def _check_text(text: str) -> None:
    """Reject decoded text that is empty or mostly control characters."""
    if not text.strip():
        raise _Unreadable("empty file (only white space)")
    sample = text[:SAMPLE_BYTES]
    controls = len(RE_CONTROL.findall(sample))
    if _too_many_nuls(sample.count("\x00"), len(sample)):
        raise _Unreadable("binary file (contains NUL bytes)")
    if controls > BINARY_CONTROL_SHARE * len(sample):
        raise _Unreadable("binary file (mostly control characters)")


def _os_reason(err: OSError) -> str:
    if isinstance(err, PermissionError):
        return "permission denied"
    return (err.strerror or str(err)).lower()


def _load_bytes(path: Path) -> bytes:
    """Read a regular file of at most ``MAX_BYTES``; raises ``_Unreadable`` otherwise."""
    try:
        info = path.stat()
    except OSError as err:
        raise _Unreadable(f"cannot read file: {_os_reason(err)}") from None
    if not stat.S_ISREG(info.st_mode):
        raise _Unreadable("not a regular file")
    if info.st_size > MAX_BYTES:
        size, limit = info.st_size // MEGABYTE, MAX_BYTES // MEGABYTE
        raise _Unreadable(f"file too large ({size} MB; the limit is {limit} MB)")
    if info.st_size > LARGE_BYTES:
        log.info("%s: large file (%d MB)", path, info.st_size // (1024 * 1024))
    try:
        with path.open("rb") as f:
            # read(n) allocates n bytes up front: ask for the size stat gave (plus one byte to
            # notice a file that grew since), not for the limit, which cost 200 MB a file
            data = f.read(min(info.st_size, MAX_BYTES) + 1)
            if len(data) > info.st_size:
                data += f.read(MAX_BYTES + 1 - len(data))
    except OSError as err:
        raise _Unreadable(f"cannot read file: {_os_reason(err)}") from None
    if len(data) > MAX_BYTES:
        raise _Unreadable(f"file too large (over {MAX_BYTES // (1024 * 1024)} MB)")
    return data


def _load_text(path: Path, declared: str | None = None) -> tuple[str, str]:
    """Read and decode a file: (text as the extractor sees it, codec name)."""
    text, codec = _decode_bytes(_load_bytes(path), declared)
    _check_text(text)
    return clean_text(text), codec


# --- HTML ----------------------------------------------------------------------------------

INVISIBLE_TAGS = frozenset(
    {"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "canvas", "select"}
)
BOILERPLATE_TAGS = frozenset({"nav", "aside"})
PAGE_FRAME_TAGS = frozenset({"header", "footer"})  # boilerplate outside <article>/<main> only
BOILERPLATE_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search"})
ARTICLE_TAGS = frozenset({"article", "main"})
VOID_TAGS = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)
BLOCK_TAGS = frozenset(
    {
        "address", "article", "blockquote", "body", "caption", "center", "dd", "details", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "hr", "html", "legend", "li", "main", "ol", "p", "pre", "section", "summary", "table",
        "tbody", "tfoot", "thead", "tr", "ul",
    }
)  # fmt: skip
CELL_TAGS = frozenset({"td", "th"})
# Meta names that carry the publication date, best first.
DATE_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publication_date",
    "date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "sailthru.date",
    "parsely-pub-date",
)


@dataclass(frozen=True, slots=True)
class _Block:
    text: str
    in_article: bool
    link_chars: int


class _VisibleText:
    """Visible text blocks and page metadata, from one walk over lxml's parse of the page.

    lxml (libxml2) parses in linear time and repairs broken markup; the stdlib HTMLParser
    of Python 3.11 is quadratic on unclosed tags ("<meta <meta <meta ..."), which a
    hostile page can use to hang the run.
    """

    def __init__(self) -> None:
        self.blocks: list[_Block] = []
        self.meta: dict[str, str] = {}
        self.lang: str | None = None
        self.time: str | None = None
        self._parts: list[str] = []
        self._links = 0
        self._skip: str | None = None
        self._skip_depth = 0
        self._article_depth = 0
        self._link_depth = 0
        self._title: list[str] | None = None
        self._h1: list[str] | None = None
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []

    # Elements that hide their content until their end tag.
    def _hidden(self, tag: str, attrs: dict[str, str | None]) -> bool:
        if tag in VOID_TAGS:
            return False
        if tag in INVISIBLE_TAGS or tag in BOILERPLATE_TAGS:
            return True
        if tag in PAGE_FRAME_TAGS and self._article_depth == 0:
            return True
        return _hidden_attrs(attrs) or (attrs.get("role") or "").lower() in BOILERPLATE_ROLES

    def _collect_meta(self, tag: str, attrs: dict[str, str | None]) -> None:
        if tag == "html" and attrs.get("lang") and self.lang is None:
            self.lang = attrs["lang"]
        elif tag == "meta":
            content = (attrs.get("content") or "").strip()
            for key in ("property", "name", "itemprop", "http-equiv"):
                name = (attrs.get(key) or "").strip().lower()
                if name and content:
                    self.meta.setdefault(name, content)
        elif tag == "time" and attrs.get("datetime") and self.time is None and self._skip is None:
            # Only a <time> marked as the publication time, or the first in the article:
            # the first on the page is often today's date in the header.
            marked = "pubdate" in attrs or (attrs.get("itemprop") or "").lower() == "datepublished"
            if marked or self._article_depth:
                self.time = attrs["datetime"]

    def handle_starttag(self, tag: str, attr_list: list[tuple[str, str | None]]) -> None:
        attrs = dict(attr_list)
        self._collect_meta(tag, attrs)
        if self._skip is not None:
            if tag == self._skip:
                self._skip_depth += 1
            return
        if self._hidden(tag, attrs):
            if tag in BLOCK_TAGS or tag in PAGE_FRAME_TAGS or tag in BOILERPLATE_TAGS:
                self._flush()
            self._skip, self._skip_depth = tag, 1
            return
        if tag == "title":
            self._title = self.title_parts
        elif tag == "h1" and not self.h1_parts:
            self._h1 = self.h1_parts
        elif tag in ARTICLE_TAGS:
            self._article_depth += 1
        elif tag == "a":
            self._link_depth += 1
        if tag in BLOCK_TAGS:
            self._flush()
        elif tag == "br":
            self._parts.append("\n")
        elif tag in CELL_TAGS:
            self._parts.append("\t")

    def handle_endtag(self, tag: str) -> None:
        if self._skip is not None:
            if tag == self._skip:
                self._skip_depth -= 1
                if self._skip_depth == 0:
                    self._skip = None
            return
        if tag == "title":
            self._title = None
        elif tag == "h1":
            self._h1 = None
        elif tag in ARTICLE_TAGS:
            self._article_depth = max(0, self._article_depth - 1)
        elif tag == "a":
            self._link_depth = max(0, self._link_depth - 1)
        if tag in BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._skip is not None:
            return
        if self._title is not None:
            self._title.append(data)
            return
        if self._h1 is not None:
            self._h1.append(data)
        text = RE_HTML_SPACE.sub(" ", data)
        self._parts.append(text)
        if self._link_depth:
            self._links += len(text.strip())

    def walk(self, tree: Any) -> None:
        """Feed the tree's events to the handlers, in document order."""
        from lxml import etree

        for event, el in etree.iterwalk(tree, events=("start", "end", "comment", "pi")):
            if event == "start":
                self.handle_starttag(el.tag.lower(), [(str(k).lower(), v) for k, v in el.attrib.items()])
                self.handle_data(el.text or "")
            elif event == "end":
                self.handle_endtag(el.tag.lower())
                self.handle_data(el.tail or "")
            else:  # a comment or processing instruction: invisible, but its tail is not
                self.handle_data(el.tail or "")
        self._flush()

    def _flush(self) -> None:
        if not self._parts:
            return
        text = _join_block(self._parts)
        if text:
            self.blocks.append(_Block(text, self._article_depth > 0, self._links))
        self._parts = []
        self._links = 0

    def text(self) -> str:
        """The visible text: the article's blocks when the page marks them, link lists dropped."""
        blocks = self.blocks
        if any(b.in_article for b in blocks):
            blocks = [b for b in blocks if b.in_article]
        kept = [b.text for b in blocks if b.link_chars <= LINK_HEAVY_SHARE * len(b.text)]
        return "\n\n".join(kept)


def _join_block(parts: Iterable[str]) -> str:
    """One block's text: white space already collapsed in ``parts``; "\n" and "\t" are breaks."""
    text = RE_BLOCK_SPACES.sub(" ", "".join(parts))
    return RE_SPACE_AROUND_BREAK.sub(lambda m: m.group("brk"), text).strip(" \n\t")


def _hidden_attrs(attrs: Mapping[str, str | None]) -> bool:
    """An element the page hides: ``hidden``, ``aria-hidden="true"``, ``display: none``."""
    if "hidden" in attrs or (attrs.get("aria-hidden") or "").lower() == "true":
        return True
    return bool(RE_DISPLAY_NONE.search(attrs.get("style") or ""))


def _collapse(parts: Iterable[str]) -> str | None:
    text = RE_HTML_SPACE.sub(" ", "".join(parts)).strip()
    return text or None


def _lxml_document(html: str) -> Any:
    """lxml's tree of a page, or None when there is nothing to parse."""
    from lxml import etree
    from lxml import html as lxml_html

    # lxml refuses str input that declares its encoding; the text is already decoded.
    html = RE_XML_DECLARATION.sub("", html, count=1)
    try:
        return lxml_html.document_fromstring(html)
    except (ValueError, etree.ParserError) as err:
        log.debug("lxml cannot parse the page: %s", err)
        return None


def _parse_html(html: str) -> _VisibleText:
    parser = _VisibleText()
    tree = _lxml_document(html)
    if tree is not None:
        parser.walk(tree)
    return parser


def _is_baseline(body: Any) -> bool:
    """trafilatura's last resort: all the page's text in one ``<p>``, lines and cells merged."""
    children = list(body)
    return len(children) == 1 and children[0].tag == "p" and len(children[0]) == 0


def _tree_text(body: Any) -> str:
    """Text of trafilatura's output tree, with our block conventions."""
    from lxml import etree

    blocks: list[str] = []
    parts: list[str] = []

    def flush() -> None:
        text = _join_block(parts)
        if text:
            blocks.append(text)
        parts.clear()

    block_tags = {"p", "head", "item", "quote", "row", "code", "list", "table", "div"}
    for event, el in etree.iterwalk(body, events=("start", "end")):
        if not isinstance(el.tag, str) or el is body:
            continue
        if event == "start":
            if el.tag in block_tags:
                flush()
            elif el.tag == "lb":
                parts.append("\n")
            elif el.tag == "cell" and el.getprevious() is not None:
                parts.append("\t")
            parts.append(RE_HTML_SPACE.sub(" ", el.text or ""))
        else:
            if el.tag in block_tags:
                flush()
            parts.append(RE_HTML_SPACE.sub(" ", el.tail or ""))
    flush()
    return "\n\n".join(blocks)


def _pruned_tree(html: str) -> Any:
    """The page as an lxml tree without the invisible elements trafilatura would keep.

    trafilatura keeps the text of ``<template>`` and of ``hidden`` elements; a figure
    there is not something the reader saw. Returns the string when lxml cannot parse it.
    """
    from lxml import etree

    tree = _lxml_document(html)
    if tree is None:
        return html
    doomed = []
    for el in tree.iter():
        if not isinstance(el.tag, str):
            # trafilatura loses the text after a comment ("<p>61%<!-- x --> of votes</p>").
            doomed.append(el)
            continue
        attrs = {str(k).lower(): v for k, v in el.attrib.items()}
        tag = el.tag.lower()
        if tag in INVISIBLE_TAGS or (tag not in VOID_TAGS and _hidden_attrs(attrs)):
            doomed.append(el)
    for el in doomed:
        if el.getparent() is not None:
            _drop_keeping_tail(el, etree)
    return tree


def _drop_keeping_tail(el: Any, etree: Any) -> None:
    """Remove an element (or comment) but keep the text that follows it, which is visible."""
    parent = el.getparent()
    tail = el.tail or ""
    previous = el.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(el)


def _trafilatura(html: str) -> tuple[str, str | None, str | None]:
    """(body text, title, date) from trafilatura, working on the string (never the network)."""
    try:
        import trafilatura

        doc = trafilatura.bare_extraction(
            _pruned_tree(html),
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            # No dates guessed from the running text: a wrong publication date would
            # shift every "last week" and "a year ago" in the article.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as err:  # a third-party parser failing on one page must not stop the run
        log.warning("trafilatura failed: %s", err)
        return "", None, None
    if doc is None:
        return "", None, None
    body = getattr(doc, "body", None)
    if body is None or _is_baseline(body):
        return "", getattr(doc, "title", None), getattr(doc, "date", None)
    text = _tree_text(body)
    return text, getattr(doc, "title", None), getattr(doc, "date", None)


def extract_html_text(html: str) -> tuple[str, Metadata]:
    """Visible article text of an HTML page and the metadata the page gives.

    >>> text, meta = extract_html_text(
    ...     "<html lang='en'><title>T</title><script>var x='9%'</script><p>Turnout was 58%.</p></html>")
    >>> text, meta.title, meta.language
    ('Turnout was 58%.', 'T', 'en')
    """
    page = _parse_html(html)
    visible = page.text()
    body, traf_title, traf_date = _trafilatura(html)
    h1 = _collapse(page.h1_parts)
    if not body.strip() or len(body) < FALLBACK_SHARE * len(visible):
        log.debug("using our visible text (%d chars) over trafilatura's (%d)", len(visible), len(body))
        text = visible
    else:
        text = body if not h1 or h1 in body else f"{h1}\n\n{body}"
    published = None
    for name in DATE_META:
        if name in page.meta and (published := parse_published(page.meta[name])):
            break
    published = published or parse_published(page.time) or parse_published(traf_date)
    title = _text_value(page.meta.get("og:title")) or h1 or _collapse(page.title_parts) or traf_title
    language = page.lang or page.meta.get("content-language") or page.meta.get("og:locale")
    url = _text_value(page.meta.get("og:url"))
    return clean_text(text), Metadata(title=title, published=published, url=url, language=language)


def _declared_charset(data: bytes) -> str | None:
    m = RE_META_CHARSET.search(data[:4096])
    return m["name"].decode("ascii") if m else None


# --- JSON ----------------------------------------------------------------------------------


def _record_text(record: Mapping[str, Any]) -> str | None:
    value = _first(record, TEXT_FIELDS)
    if isinstance(value, list) and all(isinstance(p, str) for p in value):
        value = "\n\n".join(p.strip() for p in value if p.strip())
    if not isinstance(value, str) or not value.strip():
        return None
    if RE_HTML_START.match(value):
        # CMS exports often carry the body as HTML: the extractor must see visible text.
        value = _parse_html(value).text()
    text = clean_text(value)
    return text if text.strip() else None


def _json_record(record: object, where: str) -> tuple[str, Metadata] | str:
    """(text, metadata) of one JSON record, or the reason it is unusable."""
    if not isinstance(record, dict):
        return "not a JSON object"
    lowered = {str(k).strip().lower(): v for k, v in record.items()}
    text = _record_text(lowered)
    if text is None:
        return "record has no text (no text, body or content field)"
    meta = parse_metadata(lowered, where=where)
    if meta.title is None:
        meta = replace(meta, title=_first_line_title(text))
    return text, meta


def _parse_json(text: str) -> tuple[object, str | None]:
    try:
        return json.loads(text, strict=False), None
    except json.JSONDecodeError as err:
        return None, f"not valid JSON: {err.msg}"
    except RecursionError:
        return None, "JSON nested too deeply"
    except MemoryError:
        return None, "JSON too large to load"


def _json_codec(sample: bytes) -> str:
    """The codec a JSONL stream is read with: its BOM's, else UTF-8.

    Lines that are not UTF-8 are decoded one by one (see ``_iter_jsonl_lines``): a feed
    assembled from several sources can mix encodings.
    """
    for bom, codec in BOMS:
        if sample.startswith(bom):
            return codec
    return "utf-8"


def _iter_jsonl_lines(path: Path) -> Iterator[tuple[int, object, str | None, str | None]]:
    """(line number, parsed object or None, error reason or None, codec) per non-blank line.

    Line number 0 stands for the whole file.
    """
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            yield 0, None, "not a regular file", None
            return
        raw = path.open("rb")
    except OSError as err:
        yield 0, None, f"cannot read file: {_os_reason(err)}", None
        return
    with raw:
        sample = raw.read(SAMPLE_BYTES)
        raw.seek(0)
        if not sample:
            yield 0, None, "empty file", None
            return
        codec = _json_codec(sample)
        wide = codec.startswith(("utf-16", "utf-32"))
        if not wide and _too_many_nuls(sample.count(0), len(sample)):
            yield 0, None, "binary file (contains NUL bytes)", None
            return
        stream = io.TextIOWrapper(raw, encoding=codec, errors="surrogateescape", newline=None)
        limit = MAX_BYTES
        number = 0
        seen_any = False
        while True:
            number += 1
            try:
                line = stream.readline(limit + 1)
            except (UnicodeDecodeError, OSError) as err:
                yield number, None, f"line {number}: cannot read the rest of the file: {err}", codec
                return
            if not line:
                break
            if len(line) > limit and not line.endswith("\n"):
                while (rest := stream.readline(limit)) and not rest.endswith("\n"):
                    pass
                yield (
                    number,
                    None,
                    f"line {number}: record too large (over {limit // (1024 * 1024)} MB)",
                    codec,
                )
                continue
            if not line.strip():
                continue
            seen_any = True
            if any("\udc80" <= ch <= "\udcff" for ch in line):
                # Bytes the file's codec could not decode: this line may be in another one.
                try:
                    line, line_codec = _decode_bytes(line.encode(codec, "surrogateescape"))
                except (_Unreadable, UnicodeEncodeError):
                    yield number, None, f"line {number}: {UNDECODABLE}", None
                    continue
            else:
                line_codec = codec
            obj, reason = _parse_json(line)
            yield number, obj, (f"line {number}: {reason}" if reason else None), line_codec
        if not seen_any:
            yield 0, None, "empty file (only white space)", codec


# --- sidecars and folders ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Sidecar:
    folder: Path
    rows: Mapping[str, Metadata]  # by path relative to the folder ("a.txt", "2024/b.txt")

    def lookup(self, path: Path) -> Metadata | None:
        try:
            rel = path.relative_to(self.folder).as_posix()
        except ValueError:
            return None
        return self.rows.get(rel)


def _load_sidecar(path: Path) -> tuple[_Sidecar | None, ArticleError | None]:
    """Read an ``articles.csv``: per-file metadata, or the error that makes it unusable."""

    def error(reason: str) -> tuple[None, ArticleError]:
        return None, ArticleError(article=path.name, path=str(path), reason=reason)

    try:
        text, _codec = _load_text(path)
    except _Unreadable as err:
        return error(f"sidecar metadata not used: {err.reason}")
    rows: dict[str, Metadata] = {}
    try:
        reader = csv.DictReader(io.StringIO(text))
        columns = [(c or "").strip().lower() for c in reader.fieldnames or []]
        if "file" not in columns:
            return error("sidecar metadata not used: it has no 'file' column")
        for row in reader:
            lowered = {(k or "").strip().lower(): (v if isinstance(v, str) else "") for k, v in row.items()}
            name = lowered.get("file", "").strip().replace("\\", "/").removeprefix("./")
            if not name:
                continue
            where = f"{path}:{reader.line_num}"
            rows[name] = parse_metadata({k: v.strip() for k, v in lowered.items() if v.strip()}, where)
    except csv.Error as err:
        return error(f"sidecar metadata not used: not valid CSV ({err})")
    return _Sidecar(path.parent, rows), None


@dataclass(frozen=True, slots=True)
class _File:
    path: Path
    root: Path  # the folder named on the command line, or the file itself
    sidecars: tuple[_Sidecar, ...]  # outermost first

    @property
    def relative(self) -> str:
        if self.root == self.path:
            return self.path.as_posix()
        return self.path.relative_to(self.root).as_posix()

    def sidecar_metadata(self) -> Metadata:
        for sidecar in reversed(self.sidecars):
            if (meta := sidecar.lookup(self.path)) is not None:
                return meta
        return Metadata()


def _walk(root: Path) -> Iterator[_File | ArticleError]:
    """Article files under a folder in sorted order, depth first; each folder visited once."""
    seen: set[tuple[int, int]] = set()
    stack: list[tuple[Iterator[os.DirEntry[str]], tuple[_Sidecar, ...]]] = []

    def enter(folder: Path, sidecars: tuple[_Sidecar, ...]) -> ArticleError | None:
        try:
            info = folder.stat()
            key = (info.st_dev, info.st_ino)
            if key in seen:
                log.warning("%s: folder already read (a symbolic link loop?); skipped", folder)
                return None
            seen.add(key)
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as err:
            return ArticleError(
                article=folder.name, path=str(folder), reason=f"cannot read folder: {_os_reason(err)}"
            )
        error = None
        if any(e.name == SIDECAR and e.is_file() for e in entries):
            sidecar, error = _load_sidecar(folder / SIDECAR)
            if sidecar is not None:
                sidecars = (*sidecars, sidecar)
        stack.append((iter(entries), sidecars))
        return error

    if error := enter(root, ()):
        yield error
    while stack:
        entries, sidecars = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            continue
        path = Path(entry.path)
        if entry.name.startswith("."):
            log.debug("%s: hidden, skipped", path)
        elif entry.is_dir():
            if error := enter(path, sidecars):
                yield error
        elif not entry.is_file():
            log.warning("%s: not a regular file (a broken link?); skipped", path)
        elif entry.name == SIDECAR:
            continue
        elif path.suffix.lower() in ARTICLE_SUFFIXES:
            yield _File(path, root, sidecars)
        else:
            log.debug("%s: not an article file type; skipped", path)


# --- ids -----------------------------------------------------------------------------------


class Ids:
    """Keeps ids unique within a run (see "Ids" in the module docstring)."""

    def __init__(self) -> None:
        self._seen: set[str] = set()

    def claim(self, *choices: str) -> str:
        for choice in choices:
            if choice not in self._seen:
                self._seen.add(choice)
                return choice
        n = 2
        while f"{choices[-1]}#{n}" in self._seen:
            n += 1
        chosen = f"{choices[-1]}#{n}"
        self._seen.add(chosen)
        return chosen

    def settle(self, loaded: Loaded) -> Article | ArticleError:
        """The item with its run-unique id (call in input order)."""
        chosen = self.claim(*loaded.choices)
        item = loaded.item
        if isinstance(item, ArticleError):
            return item if item.article == chosen else replace(item, article=chosen)
        return item if item.id == chosen else replace(item, id=chosen)


# --- articles ------------------------------------------------------------------------------


# A wire dateline at the start of one of the first paragraphs: "MINSK, Sept. 23, 2020 —",
# "WASHINGTON (Dec. 10, 2024) —", "Moskau, 18. März 2024 –", "TBILISI, Oct 27, 2024
# (Example Agency) —". The place is a few capitalised words; the date is read by the
# calendar extractor; a dash must follow.
RE_DATELINE_PLACE = re.compile(
    r"[\"“']?[^\W\d_][\w.'’-]{0,30}(?:[ /-][^\W\d_][\w.'’-]{0,30}){0,3}(?:,\s?|\s?\(|\s)"
)
RE_DATELINE_END = re.compile(r"\s?\)?\s?(?:\([^()\n]{1,40}\)\s?)?[—–-]")
DATELINE_PARAGRAPHS = 3
# Words that start a sentence with a date rather than a dateline ("On Monday, March 4, 2024").
_NOT_DATELINE = frozenset(
    """on in at by from since until till after before last this next early late and but the
    monday tuesday wednesday thursday friday saturday sunday""".split()
)


def dateline_date(text: str, language: str | None) -> dt.date | None:
    """The date of a wire dateline in the first paragraphs, if there is one.

    >>> dateline_date("Vote ends\\n\\nMINSK, Sept. 23, 2020 — Alexander Lukashenko...", "en")
    datetime.date(2020, 9, 23)
    >>> dateline_date("Vote ends\\n\\nOn Monday, Sept. 21, 2020 - he was sworn in.", "en") is None
    True
    """
    from checker.extract.dates import extract_calendar  # the loader needs it for datelines only

    start = 0
    for _ in range(DATELINE_PARAGRAPHS):
        while start < len(text) and text[start] in " \t\n":
            start += 1
        head = text[start : start + 120]
        place = RE_DATELINE_PLACE.match(head)
        words = set(head[: place.end()].lower().replace(",", " ").split()) if place else set()
        if place is not None and head[0].isupper() and not _NOT_DATELINE & words:
            for m in extract_calendar(head, "dateline", language):
                if m.kind != "date" or m.precision != "day" or not isinstance(m.low, dt.date):
                    continue
                if m.start <= place.end() + 1 and RE_DATELINE_END.match(head, m.end):
                    return m.low
                break
        end = text.find("\n\n", start)
        if end < 0:
            return None
        start = end
    return None


def _make_article(
    article_id: str,
    path: Path,
    text: str,
    meta: Metadata,
    published: dt.date | None,
    encoding: str | None,
    line: int | None = None,
) -> Article:
    language = detect_language(text, meta.language)
    if meta.published is None:
        # The article's own dateline beats a date given for the whole run (--published).
        published = dateline_date(text, language) or published
    return Article(
        id=article_id,
        path=str(path),
        text=text,
        title=meta.title,
        published=meta.published or published,
        source=meta.source,
        url=meta.url,
        language=language,
        line=line,
        encoding=encoding,
    )


def _load_document(path: Path) -> tuple[str, str, Metadata]:
    """(text, codec, metadata the file gives) for .txt, .md and .html files."""
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        data = _load_bytes(path)
        html, codec = _decode_bytes(data, _declared_charset(data))
        _check_text(html)
        text, meta = extract_html_text(html)
        if not text.strip():
            raise _Unreadable("no visible text in the HTML page")
        return text, codec, meta
    text, codec = _load_text(path)
    markdown = suffix in MARKDOWN_SUFFIXES
    meta = Metadata()
    if markdown and (split := parse_front_matter(text)):
        found, text = split
        meta = parse_metadata(found, where=str(path))
        if not text.strip():
            raise _Unreadable("no text after the front matter")
    if meta.title is None:
        meta = replace(meta, title=_first_line_title(text, markdown))
    return text, codec, meta


def _iter_records(file: _File) -> Iterator[tuple[int | None, int | None, object, str | None, str | None]]:
    """(line, index, record, codec, error) for the records of a JSON or JSONL file."""
    if file.path.suffix.lower() in JSONL_SUFFIXES:
        for number, obj, reason, codec in _iter_jsonl_lines(file.path):
            yield (number or None), None, obj, codec, reason
        return
    try:
        text, codec = _load_text(file.path)
    except _Unreadable as err:
        yield None, None, None, None, err.reason
        return
    data, reason = _parse_json(text)
    if reason:
        yield None, None, None, codec, reason
        return
    if isinstance(data, dict) and _first({str(k).lower(): v for k, v in data.items()}, TEXT_FIELDS) is None:
        data = data.get("articles", data)
    if isinstance(data, dict):
        yield None, None, data, codec, None
    elif isinstance(data, list):
        for index, record in enumerate(data, start=1):
            yield None, index, record, codec, None
    else:
        yield None, None, None, codec, "JSON file holds neither an article object nor a list of them"


def _load_records(file: _File, published: dt.date | None) -> Iterator[Loaded]:
    name = file.path.name
    defaults = replace(file.sidecar_metadata(), id=None, title=None)
    for line, index, record, codec, reason in _iter_records(file):
        number = line or index
        where = f"{name}:{number}" if number else name
        # An error row is an entry of the report too: its id must not be one that a
        # readable article of the run also uses, or the report would merge the two.
        relative = f"{file.relative}:{number}" if number else file.relative
        error_ids = (where, relative, f"{file.path}:{number or ''}".rstrip(":"))
        if reason:
            error = ArticleError(article=where, path=str(file.path), reason=reason, line=line)
            yield Loaded(error, error_ids)
            continue
        parsed = _json_record(record, where)
        if isinstance(parsed, str):
            label = f"line {line}" if line else f"record {index}" if index else ""
            sentence = f"{label}: {parsed}" if label else parsed
            error = ArticleError(article=where, path=str(file.path), reason=sentence, line=line)
            yield Loaded(error, error_ids)
            continue
        text, meta = parsed
        meta = meta.over(defaults)
        own_id = meta.id or where
        choices = (own_id, f"{file.relative}:{meta.id or number or ''}".rstrip(":"), f"{file.path}:{own_id}")
        yield Loaded(_make_article(own_id, file.path, text, meta, published, codec or "utf-8", line), choices)


@dataclass(frozen=True, slots=True)
class Loaded:
    """An article (or the error that stands for it) before its id is made unique in the run.

    The item carries ``choices[0]`` as its id; :meth:`Ids.settle` gives it the first of
    ``choices`` that no earlier input of the run took (see "Ids" above).
    """

    item: Article | ArticleError
    choices: tuple[str, ...]

    def load(self) -> Loaded:
        """Already read (so every :data:`Input` can be ``load()``-ed alike)."""
        return self


@dataclass(frozen=True, slots=True)
class DocumentTask:
    """A .txt/.md/.html file still to be read: small, picklable, readable in any process.

    The sidecar row is looked up when the task is made, so a worker needs neither the
    sidecar file nor the folder walk.
    """

    path: Path
    relative: str
    sidecar: Metadata
    published: dt.date | None

    def load(self) -> Loaded:
        """Read, decode and clean the file; an unreadable one becomes its error entry."""
        try:
            text, codec, own = _load_document(self.path)
        except _Unreadable as err:
            choices = (self.sidecar.id or self.path.name, self.relative, str(self.path))
            return Loaded(ArticleError(article=choices[0], path=str(self.path), reason=err.reason), choices)
        meta = self.sidecar.over(own)
        choices = (meta.id or self.path.name, self.relative, str(self.path))
        return Loaded(_make_article(choices[0], self.path, text, meta, self.published, codec), choices)


Input = Loaded | DocumentTask


def _file_inputs(file: _File, published: dt.date | None) -> Iterator[Input]:
    suffix = file.path.suffix.lower()
    if suffix in JSON_SUFFIXES or suffix in JSONL_SUFFIXES:
        yield from _load_records(file, published)
    else:
        yield DocumentTask(file.path, file.relative, file.sidecar_metadata(), published)


def _iter_files(paths: Sequence[Path]) -> Iterator[_File | ArticleError]:
    sidecars: dict[Path, tuple[_Sidecar, ...]] = {}
    for root in paths:
        if root.is_dir():
            yield from _walk(root)
            continue
        folder = root.parent
        if folder not in sidecars:
            sidecars[folder] = ()
            candidate = folder / SIDECAR
            if candidate.is_file() and candidate != root:
                sidecar, error = _load_sidecar(candidate)
                if error:
                    yield error
                sidecars[folder] = (sidecar,) if sidecar else ()
        yield _File(root, root, sidecars[folder])


def _check_roots(paths: Sequence[Path]) -> list[Path]:
    roots = [Path(p) for p in paths]
    for root in roots:
        if not root.exists():
            raise InputError(str(root), "no such file or folder")
    return roots


def iter_inputs(paths: Sequence[Path], published: dt.date | None = None) -> Iterator[Input]:
    """The inputs of a run in order: documents still to read, JSON records already read.

    This is the first half of :func:`iter_articles`, for callers that read documents
    elsewhere (worker processes): ``DocumentTask.load()`` anywhere, then
    :meth:`Ids.settle` in input order gives exactly what :func:`iter_articles` yields.
    Raises InputError, before anything is read, when a path does not exist.
    """
    return _inputs(_check_roots(paths), published)


def _inputs(roots: Sequence[Path], published: dt.date | None) -> Iterator[Input]:
    for item in _iter_files(roots):
        if isinstance(item, ArticleError):  # an unreadable folder or sidecar
            yield Loaded(item, (item.article, item.path))
        else:
            yield from _file_inputs(item, published)


def iter_articles(
    paths: Sequence[Path], published: dt.date | None = None
) -> Iterator[Article | ArticleError]:
    """Stream the articles of files and folders, one at a time; bad input becomes errors.

    Raises InputError, before anything is read, when a path does not exist.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Vote result\\nTurnout was 58%.\\n", encoding="utf-8")
    >>> [(a.id, a.title, a.published) for a in iter_articles([folder], dt.date(2024, 3, 21))]
    [('a.txt', 'Vote result', datetime.date(2024, 3, 21))]
    """
    return _articles(_check_roots(paths), published)


def _articles(roots: Sequence[Path], published: dt.date | None) -> Iterator[Article | ArticleError]:
    ids = Ids()
    for unit in _inputs(roots, published):
        yield ids.settle(unit.load())


__all__ = [
    "MAX_BYTES",
    "DocumentTask",
    "Ids",
    "Input",
    "Loaded",
    "Metadata",
    "clean_text",
    "extract_html_text",
    "iter_articles",
    "iter_inputs",
    "parse_front_matter",
    "parse_metadata",
    "parse_published",
]
