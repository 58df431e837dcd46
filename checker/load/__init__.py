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

from checker.load.articles import DocumentTask, Input, iter_articles, iter_inputs
from checker.load.dateline import dateline_date
from checker.load.decode import MAX_BYTES, UNDECODABLE, clean_text
from checker.load.html import extract_html_text
from checker.load.ids import Ids, Loaded
from checker.load.metadata import Metadata, parse_front_matter, parse_metadata, parse_published

__all__ = [
    "MAX_BYTES",
    "UNDECODABLE",
    "DocumentTask",
    "Ids",
    "Input",
    "Loaded",
    "Metadata",
    "clean_text",
    "dateline_date",
    "extract_html_text",
    "iter_articles",
    "iter_inputs",
    "parse_front_matter",
    "parse_metadata",
    "parse_published",
]
