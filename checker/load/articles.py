"""Files and records -> ``Article``: the inputs of a run, in order, and the articles they give."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from checker.errors import InputError
from checker.files import printable
from checker.language import detect_language
from checker.load.dateline import dateline_date
from checker.load.decode import _check_text, _decode_bytes, _load_bytes, _load_text, _os_reason, _Unreadable
from checker.load.html import _declared_charset, extract_html_text
from checker.load.ids import Ids, Loaded
from checker.load.metadata import (
    Metadata,
    _first_line_title,
    parse_front_matter,
    parse_metadata,
    plausible_published,
)
from checker.load.records import _iter_records, _json_record
from checker.load.walk import (
    HTML_SUFFIXES,
    JSON_SUFFIXES,
    JSONL_SUFFIXES,
    MARKDOWN_SUFFIXES,
    _File,
    _iter_files,
)
from checker.model import Article, ArticleError


def _make_article(
    article_id: str,
    path: Path,
    text: str,
    meta: Metadata,
    published: dt.date | None,
    encoding: str | None,
    line: int | None = None,
) -> Article:
    # metadata of any kind (front matter, HTML meta, JSON, sidecar) is checked here, once
    where = printable(path) + (f":{line}" if line else "")
    if meta.published is not None and plausible_published(meta.published, where) is None:
        meta = replace(meta, published=None)
    language = detect_language(text, meta.language)
    if meta.published is None:
        # The article's own dateline beats a date given for the whole run (--published).
        published = dateline_date(text, language) or published
    return Article(
        id=article_id,
        path=printable(path),
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
        meta = parse_metadata(found, where=printable(path))
        if not text.strip():
            raise _Unreadable("no text after the front matter")
    if meta.title is None:
        meta = replace(meta, title=_first_line_title(text, markdown))
    return text, codec, meta


def _load_records(file: _File, published: dt.date | None) -> Iterator[Loaded]:
    name = file.name
    defaults = replace(file.sidecar_metadata(), id=None, title=None)
    for line, index, record, codec, reason in _iter_records(file):
        number = line or index
        where = f"{name}:{number}" if number else name
        # An error row is an entry of the report too: its id must not be one that a
        # readable article of the run also uses, or the report would merge the two.
        relative = f"{file.relative}:{number}" if number else file.relative
        error_ids = (where, relative, f"{file.shown}:{number or ''}".rstrip(":"))
        if reason:
            error = ArticleError(article=where, path=file.shown, reason=reason, line=line)
            yield Loaded(error, error_ids)
            continue
        parsed = _json_record(record, where)
        if isinstance(parsed, str):
            label = f"line {line}" if line else f"record {index}" if index else ""
            sentence = f"{label}: {parsed}" if label else parsed
            error = ArticleError(article=where, path=file.shown, reason=sentence, line=line)
            yield Loaded(error, error_ids)
            continue
        text, meta = parsed
        meta = meta.over(defaults)
        own_id = meta.id or where
        choices = (own_id, f"{file.relative}:{meta.id or number or ''}".rstrip(":"), f"{file.shown}:{own_id}")
        yield Loaded(_make_article(own_id, file.path, text, meta, published, codec or "utf-8", line), choices)


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
            choices = (self.sidecar.id or printable(self.path.name), self.relative, printable(self.path))
            return Loaded(ArticleError(article=choices[0], path=choices[2], reason=err.reason), choices)
        meta = self.sidecar.over(own)
        choices = (meta.id or printable(self.path.name), self.relative, printable(self.path))
        return Loaded(_make_article(choices[0], self.path, text, meta, self.published, codec), choices)


Input = Loaded | DocumentTask


def _file_inputs(file: _File, published: dt.date | None) -> Iterator[Input]:
    suffix = file.path.suffix.lower()
    if suffix in JSON_SUFFIXES or suffix in JSONL_SUFFIXES:
        yield from _load_records(file, published)
    else:
        yield DocumentTask(file.path, file.relative, file.sidecar_metadata(), published)


def _check_roots(paths: Sequence[Path]) -> list[Path]:
    roots = [Path(p) for p in paths]
    for root in roots:
        try:
            found = root.exists()
        except OSError as err:  # a link whose target name is too long, say
            raise InputError(printable(root), _os_reason(err)) from None
        if not found:
            raise InputError(printable(root), "no such file or folder")
    return roots


def iter_inputs(
    paths: Sequence[Path], published: dt.date | None = None, exclude: Sequence[Path] = ()
) -> Iterator[Input]:
    """The inputs of a run in order: documents still to read, JSON records already read.

    This is the first half of :func:`iter_articles`, for callers that read documents
    elsewhere (worker processes): ``DocumentTask.load()`` anywhere, then
    :meth:`Ids.settle` in input order gives exactly what :func:`iter_articles` yields.
    Raises InputError, before anything is read, when a path does not exist. Folders in
    ``exclude`` (the run's output folder) are not walked.
    """
    return _inputs(_check_roots(paths), published, exclude)


def _inputs(
    roots: Sequence[Path], published: dt.date | None, exclude: Sequence[Path] = ()
) -> Iterator[Input]:
    for item in _iter_files(roots, exclude):
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
