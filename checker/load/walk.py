"""Folders -> article files in a stable order, with the sidecar ``articles.csv`` rows
that describe them."""

from __future__ import annotations

import csv
import io
import logging
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

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
