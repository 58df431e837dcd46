"""The run store gives back what the in-memory pipeline holds, in the same order.

The reference run is the seeds and the shared corpus checked article by article in memory
(``process_article`` + ``check_corpus`` + ``order_findings``, the pre-store path); the store
run is :func:`run_check`. Codec, order, CSV order, counts, ranking and clean-up are compared.
"""

from __future__ import annotations

import dataclasses
import io
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.corpus import write_articles
from checker.checks import check_corpus, order_findings
from checker.load import iter_articles
from checker.model import Article, Claim, Finding, RunResult
from checker.pipeline import run_check
from checker.reference import ReferenceData, load_reference
from checker.report.figures_io import render_figures
from checker.report.pdf import render_pdf
from checker.report.tables import csv_order, write_findings_csv
from checker.report.view import Index, rank_findings, top_findings
from checker.runner import process_article
from checker.store import (
    RunStore,
    StoredRows,
    decode_claim,
    decode_finding,
    election_tally,
    encode_claim,
    encode_finding,
    select,
    tally,
)

SHARED = Path(__file__).resolve().parents[2] / "shared"
REPO = Path(__file__).resolve().parents[1]
INPUTS = [SHARED / "seeds", SHARED / "corpus", REPO / "tests/data/newsstyle", REPO / "examples/articles"]

pytestmark = pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="../shared not beside the checkout")


@pytest.fixture(scope="module")
def reference() -> ReferenceData:
    return load_reference([])


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    generated = tmp_path_factory.mktemp("generated")
    write_articles(generated, 150, seed=3)
    return [*INPUTS, generated]


@pytest.fixture(scope="module")
def in_memory(reference: ReferenceData, inputs: list[Path]) -> RunResult:
    articles: list[Article] = []
    claims: list[Claim] = []
    findings: list[Finding] = []
    for item in iter_articles(inputs):
        if isinstance(item, Article):
            got_claims, got_findings = process_article(item, reference)
            articles.append(item)
            claims += got_claims
            findings += got_findings
    findings += check_corpus(claims, reference)
    return RunResult(tuple(articles), (), tuple(claims), tuple(order_findings(findings, claims)))


@pytest.fixture(scope="module")
def stored(reference: ReferenceData, inputs: list[Path]) -> Iterator[RunResult]:
    result = run_check(inputs, reference=reference)
    yield result
    result.close()


def test_codec_gives_back_equal_objects(in_memory: RunResult) -> None:
    assert len(in_memory.claims) > 3000 and len(in_memory.findings) > 1000
    for c in in_memory.claims:
        assert decode_claim(encode_claim(c)) == c
    for f in in_memory.findings:
        assert decode_finding(encode_finding(f)) == f


def test_stored_run_is_the_in_memory_run(in_memory: RunResult, stored: RunResult) -> None:
    assert isinstance(stored.claims, StoredRows) and isinstance(stored.findings, StoredRows)
    assert list(stored.claims) == list(in_memory.claims)
    assert list(stored.findings) == list(in_memory.findings)
    assert len(stored.findings) == len(in_memory.findings)


def test_indexing_and_slices(stored: RunResult) -> None:
    everything = list(stored.findings)
    assert stored.findings[0] == everything[0]
    assert stored.findings[-1] == everything[-1]
    assert stored.findings[3:9] == everything[3:9]
    assert stored.findings[::40] == everything[::40]
    assert stored.findings[: 10**6] == everything
    with pytest.raises(IndexError):
        stored.findings[len(everything)]


def test_csv_order_from_the_store_is_the_sorted_order(in_memory: RunResult, stored: RunResult) -> None:
    expected = list(csv_order(in_memory, Index(in_memory)))
    assert list(csv_order(stored, Index(stored))) == expected


def test_counts_selections_and_ranking(in_memory: RunResult, stored: RunResult) -> None:
    assert tally(stored.findings) == tally(in_memory.findings)
    for verdict in ("discrepancy", "consistent", None):
        for check in ("reference", "cross_source", "temporal", None, "nonsense"):
            got = list(select(stored.findings, verdict=verdict, check=check))
            assert got == list(select(in_memory.findings, verdict=verdict, check=check))
    index = Index(stored)
    ranked = rank_findings(in_memory.findings, Index(in_memory))
    assert top_findings(lambda: iter(stored.findings), index, 25) == ranked[:25]
    discrepancies = [f for f in ranked if f.verdict == "discrepancy"]
    assert discrepancies, "the corpus holds deliberate errors"


def test_claim_lookup_reads_claims_by_id(stored: RunResult, in_memory: RunResult) -> None:
    index = Index(stored)
    for c in in_memory.claims[::17]:
        assert index.claims[c.id] == c
    assert "no-such-claim" not in index.claims
    assert index.claims.get("no-such-claim") is None


def test_the_store_file_is_removed_on_close(tmp_path: Path) -> None:
    store = RunStore(str(tmp_path))
    assert Path(store.path).exists()
    store.close()
    store.close()  # twice is harmless
    assert not list(tmp_path.iterdir())


def test_a_cli_run_leaves_no_store_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from checker.cli import app

    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    got = CliRunner().invoke(app, ["check", str(SHARED / "seeds"), "--out", str(tmp_path / "out"), "--quiet"])
    assert got.exit_code == 1, got.output  # the seeds hold deliberate errors
    assert not list(scratch.iterdir())
    assert (tmp_path / "out" / "findings.json").stat().st_size > 0


@pytest.mark.parametrize("kinds", [("percent", "count"), ("date", "date_range", "relative_date", "year")])
def test_claim_kinds_narrow_stored_selections_exactly(
    in_memory: RunResult, stored: RunResult, kinds: tuple[str, ...]
) -> None:
    index = Index(in_memory)
    narrowed = 0
    for check in ("reference", "temporal", "cross_source"):
        expected = [
            f
            for f in select(in_memory.findings, check=check)
            if any(c.mention.kind in kinds for c in index.claims_of(f))
        ]
        narrowed += len(select_all := list(select(in_memory.findings, check=check))) - len(expected)
        assert list(select(stored.findings, check=check, claim_kinds=kinds)) == expected
        assert select_all
        # in memory the kinds are only a hint: nothing is dropped
        assert list(select(in_memory.findings, check=check, claim_kinds=kinds)) == list(
            select(in_memory.findings, check=check)
        )
    assert narrowed > 100  # the hint drops findings of other kinds


def test_election_tally_from_the_store(in_memory: RunResult, stored: RunResult) -> None:
    index = Index(in_memory)
    expected = election_tally(in_memory.findings, index.election_of)
    assert len({e for e, _ in expected}) > 5
    assert election_tally(stored.findings, Index(stored).election_of) == expected


def test_the_report_from_the_store_is_the_in_memory_report(
    in_memory: RunResult, reference: ReferenceData, inputs: list[Path]
) -> None:
    """Every figure, the PDF and the CSV: the store's SQL short cuts change no byte.

    The texts are kept, as in memory: a finding without claims (a misspelt name) quotes
    the article text itself."""
    stored = run_check(inputs, reference=reference, keep_text=True)
    same_inputs = dataclasses.replace(
        in_memory, errors=stored.errors, reference_tables=stored.reference_tables
    )
    outputs = []
    for result in (same_inputs, stored):
        pngs = render_figures(result, Path("unused"))
        csv = io.BytesIO()
        write_findings_csv(result, csv)
        outputs.append((pngs, render_pdf(result, pngs), csv.getvalue()))
    stored.close()
    assert set(outputs[0][0]) == {"reported_vs_reference", "across_sources", "timeline", "overview"}
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigterm_leaves_no_store_and_no_partial_file(tmp_path: Path, jobs: str) -> None:
    """A pipeline's timeout sends SIGTERM: the run ends with 143 and cleans up after itself."""
    import os
    import signal
    import subprocess
    import sys
    import time

    articles, scratch, out = tmp_path / "articles", tmp_path / "tmp", tmp_path / "out"
    scratch.mkdir()
    write_articles(articles, 400, seed=5)
    env = {**os.environ, "TMPDIR": str(scratch)}
    cmd = [sys.executable, "-m", "checker", "check", str(articles), "-o", str(out), "-q", "-j", jobs]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not any(p.name.startswith("checkfigures-run-") for p in scratch.iterdir()):
        assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
        time.sleep(0.02)
    time.sleep(0.5)  # into the articles
    proc.send_signal(signal.SIGTERM)
    _stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signal.SIGTERM, stderr.decode()
    assert not list(scratch.iterdir())
    assert not out.exists() or not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
