"""Shared helpers for the robustness tests: good articles, runs, and comparisons.

The good articles are our own sentences, written to tmp_path; nothing from ../shared is
copied. Every fault test adds one bad input next to them and checks that the report of the
good ones is exactly what a run without the bad input gives.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from checker.pipeline import run_check
from checker.records import run_record
from checker.reference import ReferenceData, load_reference

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO / ".." / "shared"
EXAMPLES = REPO / "examples" / "articles"

# Three small articles with figures that bind and check (one consistent, one a
# discrepancy, one JSON record with its own date), so a lost or changed result shows.
GOOD_ARTICLES: dict[str, str] = {
    "good_putin.txt": (
        "Russia's election commission closes the count\n\n"
        "Vladimir Putin was declared the winner of the March 2024 presidential election with "
        "87.3% of the vote, according to the commission. Turnout was 77.5%, officials said on Monday.\n"
    ),
    "good_luhansk.txt": (
        "Tallies from the occupied east\n\n"
        "In the Luhansk People's Republic the yes vote in the 2022 referendum was 91.4%, the local "
        "commission said, a figure that critics dismissed as fiction. The vote ran for five days, "
        "from September 23 to 27.\n"
    ),
    "good_wire.json": json.dumps(
        {
            "id": "wire-1",
            "title": "Brief",
            "published": "2024-03-20",
            "text": "Putin won 87.28% of the vote in the election held last weekend, the commission "
            "said. Turnout reached 77.49%.",
        }
    ),
}
GOOD_IDS = frozenset({"good_putin.txt", "good_luhansk.txt", "wire-1"})

Record = dict[str, Any]


def require(path: Path) -> Path:
    """Fail (never skip) when shared or example data is missing."""
    assert path.exists(), f"test data missing: {path.resolve()} (is ../shared cloned next to the repo?)"
    return path


def write_good(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in GOOD_ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def reference() -> ReferenceData:
    return load_reference([])


def record_of(paths: list[Path], reference: ReferenceData) -> Record:
    """findings.json of a run over ``paths``, as a dict (no files written)."""
    return run_record(run_check(paths, reference=reference, jobs=1))


def good_part(record: Record) -> tuple[list[Record], list[Record], list[Record]]:
    """(articles, claims, findings) of the good articles only, in report order."""
    articles = [a for a in record["articles"] if a["id"] in GOOD_IDS]
    claims = [c for c in record["claims"] if c["article"] in GOOD_IDS]
    ids = {c["id"] for c in claims}
    findings = [f for f in record["findings"] if set(f["claims"]) & ids]
    return articles, claims, findings


@pytest.fixture(scope="session")
def baseline(tmp_path_factory: pytest.TempPathFactory, reference: ReferenceData) -> Record:
    """The report of the good articles alone."""
    folder = write_good(tmp_path_factory.mktemp("baseline"))
    record = record_of([folder], reference)
    articles, claims, findings = good_part(record)
    # Guard the guard: the comparison means nothing if the good set finds nothing.
    assert len(articles) == 3 and len(claims) >= 6, record
    assert {f["verdict"] for f in findings} >= {"consistent", "discrepancy"}, findings
    return record


@pytest.fixture
def good_folder(tmp_path: Path) -> Path:
    return write_good(tmp_path / "articles")


@pytest.fixture
def copy_examples(tmp_path: Path) -> Callable[[], Path]:
    def copy() -> Path:
        target = tmp_path / "examples"
        shutil.copytree(require(EXAMPLES), target)
        return target

    return copy


def error_rows(record: Record) -> Iterator[tuple[str, str, int | None, str]]:
    """(id, path name, line, reason) of every error in the report."""
    for a in record["articles"]:
        for e in a["errors"]:
            yield a["id"], Path(a["path"]).name, e["line"], e["reason"]
