"""Folders -> article files in a stable order, with the sidecar ``articles.csv`` rows
that describe them."""

from __future__ import annotations

import csv
import io
import logging
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from checker.files import printable
from checker.load.decode import _load_text, _os_reason, _Unreadable
from checker.load.metadata import Metadata, parse_metadata
from checker.model import ArticleError

log = logging.getLogger(__name__)

SIDECAR = "articles.csv"
TEXT_SUFFIXES = frozenset({".txt", ".text"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES


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
        return None, ArticleError(article=printable(path.name), path=printable(path), reason=reason)

    try:
        text, _codec = _load_text(path)
    except _Unreadable as err:
        return error(f"sidecar metadata not used: {err.reason}")
    rows: dict[str, Metadata] = {}
    where: dict[str, int] = {}  # the line each file's row came from
    shown = printable(path)
    try:
        reader = csv.DictReader(io.StringIO(text))
        columns = [(c or "").strip().lower() for c in reader.fieldnames or []]
    except csv.Error as err:
        return error(f"sidecar metadata not used: not valid CSV ({err})")
    if "file" not in columns:
        return error("sidecar metadata not used: it has no 'file' column")
    while True:
        start = reader.line_num + 1  # a row may span lines: it starts after the last one
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as err:  # a cell over the csv module's limit (128 KB), a stray NUL
            log.warning("%s:%d: sidecar row skipped: not valid CSV (%s)", shown, start, err)
            continue
        lowered = {(k or "").strip().lower(): (v if isinstance(v, str) else "") for k, v in row.items()}
        name = lowered.get("file", "").strip().replace("\\", "/").removeprefix("./")
        if not name:
            continue
        if name in rows:
            log.warning(
                "%s:%d: a second row for %r; it replaces the one on line %d", shown, start, name, where[name]
            )
        where[name] = start
        rows[name] = parse_metadata(
            {k: v.strip() for k, v in lowered.items() if v.strip()}, f"{shown}:{start}"
        )
    return _Sidecar(path.parent, rows), None


@dataclass(frozen=True, slots=True)
class _File:
    path: Path
    root: Path  # the folder named on the command line, or the file itself
    sidecars: tuple[_Sidecar, ...]  # outermost first

    @property
    def relative(self) -> str:
        """The path from the folder named on the command line, printable (see :func:`printable`)."""
        if self.root == self.path:
            return printable(self.path.as_posix())
        return printable(self.path.relative_to(self.root).as_posix())

    @property
    def name(self) -> str:
        return printable(self.path.name)

    @property
    def shown(self) -> str:
        """The full path, printable: what ids and the report show (the file opens by ``path``)."""
        return printable(self.path)

    def sidecar_metadata(self) -> Metadata:
        for sidecar in reversed(self.sidecars):
            if (meta := sidecar.lookup(self.path)) is not None:
                return meta
        return Metadata()


# Folders that hold no articles and must never be walked: reading /proc or /dev can block
# forever or never end (a symbolic link to "/" inside an article folder leads there).
SYSTEM_FOLDERS = ("/proc", "/sys", "/dev")
# A report folder of ours: the lock file every run takes, or a findings.json in our layout.
REPORT_MARK = ".checkfigures.lock"
REPORT_FILE = "findings.json"
RE_OUR_FINDINGS = re.compile(
    rb"""
    \A \{ \s{0,20}                        # the object opens
    "version" \s{0,5} : \s{0,5} "[^"]{0,40}" \s{0,5} , \s{0,20}  # "version": "0.1.0",
    "(?:reference_tables|articles)" \s{0,5} :  # then our first section
    """,
    re.VERBOSE,
)


def _system_folder(folder: Path) -> str | None:
    """The system folder (/proc, /sys, /dev) ``folder`` really is or lies in, else None."""
    real = os.path.realpath(folder)
    for system in SYSTEM_FOLDERS:
        if real == system or real.startswith(system + "/"):
            return system
    return None


def _is_report_folder(entries: Sequence[os.DirEntry[str]]) -> bool:
    """True for a folder a run of ours wrote its report into (reading it back as articles
    would add the last report's quotes to every next run)."""
    for entry in entries:
        if entry.name == REPORT_MARK:
            return True
        if entry.name == REPORT_FILE:
            try:
                with open(entry.path, "rb") as handle:
                    head = handle.read(256)
            except OSError:
                continue
            if RE_OUR_FINDINGS.match(head):
                return True
    return False


def _entry_kind(entry: os.DirEntry[str]) -> str:
    """ "dir", "file" or "other" for a folder entry, following symbolic links.

    Raises OSError when a link's target cannot be checked (a link to itself, a target name
    over 255 bytes, a path through a file).
    """
    if entry.is_dir():
        return "dir"
    return "file" if entry.is_file() else "other"


def _walk(root: Path, skip: frozenset[tuple[int, int]] = frozenset()) -> Iterator[_File | ArticleError]:
    """Article files under a folder in sorted order, depth first; each folder visited once.

    ``skip`` holds (device, inode) of folders left out (the run's own output folder);
    report folders of earlier runs and the system folders are left out too.
    """
    seen: set[tuple[int, int]] = set(skip)
    stack: list[tuple[Iterator[os.DirEntry[str]], tuple[_Sidecar, ...]]] = []

    def failed(where: Path, reason: str) -> ArticleError:
        return ArticleError(article=printable(where.name), path=printable(where), reason=reason)

    def enter(folder: Path, sidecars: tuple[_Sidecar, ...]) -> ArticleError | None:
        if system := _system_folder(folder):
            return failed(folder, f"not walked: {system} holds system files, not articles")
        try:
            info = folder.stat()
            key = (info.st_dev, info.st_ino)
            if key in seen:
                if key in skip:
                    log.info("%s: the output folder; not read as articles", printable(folder))
                else:
                    log.warning("%s: folder already read (a symbolic link loop?); skipped", printable(folder))
                return None
            seen.add(key)
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as err:
            return failed(folder, f"cannot read folder: {_os_reason(err)}")
        if _is_report_folder(entries):
            log.info("%s: a checkfigures report folder; not read as articles", printable(folder))
            return None
        error = None
        if any(e.name == SIDECAR and _safe_is_file(e) for e in entries):
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
            log.debug("%s: hidden, skipped", printable(path))
            continue
        try:
            kind = _entry_kind(entry)
        except OSError as err:
            yield failed(path, f"cannot follow the link: {_os_reason(err)}")
            continue
        if kind == "dir":
            if error := enter(path, sidecars):
                yield error
        elif kind == "other":
            log.warning("%s: not a regular file (a broken link?); skipped", printable(path))
        elif entry.name == SIDECAR:
            continue
        elif path.suffix.lower() in ARTICLE_SUFFIXES:
            yield _File(path, root, sidecars)
        else:
            log.debug("%s: not an article file type; skipped", printable(path))


def _safe_is_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


def _folder_keys(folders: Sequence[Path]) -> frozenset[tuple[int, int]]:
    keys = set()
    for folder in folders:
        try:
            info = folder.stat()
        except OSError:
            continue  # not there yet: nothing to leave out
        keys.add((info.st_dev, info.st_ino))
    return frozenset(keys)


def _iter_files(paths: Sequence[Path], exclude: Sequence[Path] = ()) -> Iterator[_File | ArticleError]:
    """The article files of the paths named on the command line, with the errors that stand
    for what cannot be walked; folders in ``exclude`` (the output folder) are left out."""
    skip = _folder_keys(exclude)
    sidecars: dict[Path, tuple[_Sidecar, ...]] = {}
    for root in paths:
        if root.is_dir():
            yield from _walk(root, skip)
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
