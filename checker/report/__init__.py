"""Findings -> findings.json, findings.csv, summary.md, figures/*.png and report.pdf.

``write_report`` writes the parts in that order, each atomically, into a staging folder
whose files replace the previous run's when it ends (:func:`~checker.files.staging`),
so a failure in a later part (a plot, the PDF) leaves the earlier files complete, no
half-written file behind, and never the files of two runs side by side. Any failure is an
:class:`~checker.errors.OutputError` naming the file; the CLI turns it into exit code 3.

    >>> from checker.model import RunResult
    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp())
    >>> [p.name for p in write_report(RunResult((), (), (), ()), out, {"json", "md"})]
    ['findings.json', 'summary.md']
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from checker.errors import OutputError, UsageError
from checker.files import safe_child, staging, write_atomic, write_bytes_atomic
from checker.model import RunResult
from checker.records import claim_record, finding_record, run_sections
from checker.report.figures_io import FIGURES_FOLDER, render_figures, write_figures
from checker.report.pdf import render_pdf
from checker.report.tables import summary_markdown, write_findings_csv
from checker.report.view import Index
from checker.store import records

log = logging.getLogger(__name__)

PARTS = ("json", "csv", "md", "png", "pdf")
FILE_NAMES = {"json": "findings.json", "csv": "findings.csv", "md": "summary.md", "pdf": "report.pdf"}
OWNED = (*FILE_NAMES.values(), FIGURES_FOLDER)  # what a run owns in its report folder


def write_findings_json(result: RunResult, handle: IO[bytes]) -> None:
    """findings.json (DESIGN.md contract) as UTF-8, one record per line inside each list.

    One line per article, claim and finding keeps the file greppable and diffable and lets
    the C JSON encoder do the work (a 100 MB ``indent=2`` dump takes ~10x longer). Records
    are encoded and written one at a time, never as one document in memory. Key
    order is fixed by the record builders, so the bytes are deterministic.
    """
    write = handle.write  # a buffered file: many small writes cost little
    write(b"{")
    for i, (key, value) in enumerate(_encoded_sections(result)):
        write((("," if i else "") + "\n  " + json.dumps(key) + ": ").encode())
        if isinstance(value, str):
            write(value.encode())
            continue
        first = True
        for item in value:
            write(("[\n    " if first else ",\n    ").encode() + item.encode())
            first = False
        write(b"[]" if first else b"\n  ]")
    write(b"\n}\n")


def _encoded_sections(result: RunResult) -> Iterator[tuple[str, str | Iterator[str]]]:
    """:func:`run_sections` with every value JSON-encoded; stored claims and findings come
    as the records encoded when they were made (the same bytes, without rebuilding them)."""
    for key, value in run_sections(result):
        if isinstance(value, str):
            yield key, json.dumps(value, ensure_ascii=False)
        elif key == "claims":
            yield key, records(result.claims, claim_record)
        elif key == "findings":
            yield key, records(result.findings, finding_record)
        else:
            yield key, (json.dumps(item, ensure_ascii=False) for item in value)


def write_report(result: RunResult, out_dir: Path, parts: set[str]) -> list[Path]:
    """Write the requested parts of the report into ``out_dir``; return the paths written.

    ``parts`` is a subset of {"json", "csv", "md", "png", "pdf"}. findings.json is always
    first. The PDF embeds the figures whether or not "png" is asked for.
    """
    unknown = set(parts) - set(PARTS)
    if unknown:
        raise UsageError(f"unknown report part(s) {', '.join(sorted(unknown))}; use {', '.join(PARTS)}")
    written: list[str] = []
    with staging(out_dir, OWNED) as stage:
        try:
            for path in _write_parts(result, stage, parts):
                written.append(path.relative_to(stage).as_posix())
        except OutputError as err:  # name the file where the user will look for it
            raise OutputError(err.path.replace(str(stage), str(out_dir), 1), err.reason) from err
    return [out_dir / name for name in written]


def _write_parts(result: RunResult, out_dir: Path, parts: set[str]) -> Iterator[Path]:
    """Write the parts into ``out_dir`` (the staging folder), yielding each file when done."""
    index = Index(result)
    if "json" in parts:
        path = safe_child(out_dir, FILE_NAMES["json"])
        yield (write_atomic(path, lambda handle: write_findings_json(result, handle)))
    if "csv" in parts:
        path = safe_child(out_dir, FILE_NAMES["csv"])
        yield (write_atomic(path, lambda handle: write_findings_csv(result, handle, index)))
    if "md" in parts:
        data = summary_markdown(result, index).encode("utf-8")
        yield (write_bytes_atomic(safe_child(out_dir, FILE_NAMES["md"]), data))
    if "png" in parts or "pdf" in parts:
        pngs = render_figures(result, out_dir)
        if "png" in parts:
            yield from write_figures(pngs, out_dir)
        if "pdf" in parts:
            path = safe_child(out_dir, FILE_NAMES["pdf"])
            try:
                data = render_pdf(result, pngs, index)
            except OutputError:
                raise
            except Exception as exc:  # a layout bug must not cost the files already written
                log.exception("PDF rendering failed")
                raise OutputError(str(path), f"PDF rendering failed ({type(exc).__name__}: {exc})") from exc
            yield (write_bytes_atomic(path, data))


__all__ = ["PARTS", "write_findings_json", "write_report"]
