"""The probe sets are well-formed; whether the tool passes them is measured by benchmarks/probe_eval.py."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

PROBES = Path(__file__).resolve().parent / "data" / "probes"
SETS = sorted(p for p in PROBES.iterdir() if p.is_dir())
VERDICTS = {"consistent", "discrepancy", "unverifiable", "not_discrepancy", "ambiguous"}
CHECKS = {"any", "reference", "temporal", "internal", "cross_source"}
FIGURES = {"share", "turnout", "votes", "registered", "date", "age", "elapsed", "other"}
LANGUAGES = {"en", "de", "fr", "es", "it", "pt", "pl", "hu", "ru", "uk"}


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_enough_articles_in_every_language() -> None:
    metas = [row for folder in SETS for row in _rows(folder / "articles.csv")]
    assert len(metas) >= 150
    assert {m["language"] for m in metas} == LANGUAGES
    english = sum(m["language"] == "en" for m in metas)
    assert len(metas) / 4 <= english <= len(metas) / 2


@pytest.mark.parametrize("folder", SETS, ids=lambda p: p.name)
def test_sidecar_lists_every_article(folder: Path) -> None:
    meta = _rows(folder / "articles.csv")
    listed = {m["file"] for m in meta}
    on_disk = {p.name for p in folder.glob("*.txt")}
    assert listed == on_disk
    for m in meta:
        assert m["published"][:2] in ("19", "20") and len(m["published"]) == 10, m
        assert m["title"] and m["source"] and m["url"] and m["language"] in LANGUAGES, m
        words = len((folder / m["file"]).read_text(encoding="utf-8").split())
        assert 80 <= words <= 400, (m["file"], words)


@pytest.mark.parametrize("folder", SETS, ids=lambda p: p.name)
def test_expected_rows_point_at_text(folder: Path) -> None:
    listed = {m["file"] for m in _rows(folder / "articles.csv")}
    rows = _rows(folder / "expected.csv")
    assert rows
    for row in rows:
        assert row["file"] in listed, row
        text = (folder / row["file"]).read_text(encoding="utf-8")
        # every occurrence up to the stated one exists (overlapping finds count, as in the matcher)
        found, start = 0, -1
        while (start := text.find(row["text"], start + 1)) >= 0:
            found += 1
        assert 1 <= int(row["occurrence"]) <= found, row
        assert row["verdict"] in VERDICTS and row["check"] in CHECKS, row
        assert row["required"] in ("yes", "no") and row["figure"] in FIGURES, row
        counted = row["figure"] in FIGURES - {"age", "elapsed", "other"} and row["verdict"] in (
            "consistent",
            "discrepancy",
        )
        assert row["election_figure"] == ("yes" if counted else "no"), row


def test_traps_never_expect_a_discrepancy() -> None:
    assert all(row["verdict"] != "discrepancy" for row in _rows(PROBES / "traps" / "expected.csv"))


def test_the_gate_fails_on_more_false_discrepancies_or_a_lower_checked_rate() -> None:
    from benchmarks.probe_eval import SetResult, gate_problems

    limits = {"s": {"false_discrepancies": 1, "unlabelled": 0, "checked_rate": 0.5, "pass_rate": 0.5}}
    fine = SetResult("s", rows=4, passed=3, false_discrepancies=1, election_rows=2, election_checked=1)
    assert gate_problems([fine], limits) == []
    worse = SetResult("s", rows=4, passed=1, false_discrepancies=2, election_rows=2, election_checked=0)
    assert len(gate_problems([worse], limits)) == 3
    assert gate_problems([worse], {}) == []  # a set with no limits is only reported
