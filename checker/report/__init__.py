"""Findings -> JSON, CSV, Markdown, PNG figures and PDF (placeholder: JSON only)."""

from __future__ import annotations

import json
from pathlib import Path

from checker.model import RunResult
from checker.report.records import run_record


def write_report(result: RunResult, out_dir: Path, parts: set[str]) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "findings.json"
    path.write_text(json.dumps(run_record(result), indent=2, ensure_ascii=False), encoding="utf-8")
    return [path]
