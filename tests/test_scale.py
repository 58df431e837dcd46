"""Scale-out gives the same answer: ``--jobs N`` and the Dask engine against one process.

The articles are generated (``benchmarks.corpus``), enough of them that the local pool gets
more than one batch per worker, so ordering across batches and workers is exercised.
Findings are compared as the bytes of ``findings.json`` (``run_record`` + ``json.dumps``).
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Literal

import pytest

from benchmarks.corpus import (
    MB,
    generate_article,
    generate_articles,
    generate_text,
    hostile_text,
    write_articles,
)
from checker import pipeline
from checker.errors import UsageError
from checker.extract import extract_mentions
from checker.model import KINDS, Article, RunResult
from checker.pipeline import run_check
from checker.records import run_record

N = 150  # > 2 batches of pipeline.BATCH (64): several batches in flight, on both workers
SEED = 11


def findings_json(result: RunResult) -> str:
    return json.dumps(run_record(result), indent=2, ensure_ascii=False)


@pytest.fixture(scope="module", params=["txt", "jsonl"])
def article_dir(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    fmt: Literal["txt", "jsonl"] = request.param
    folder = tmp_path_factory.mktemp(f"generated-{fmt}")
    write_articles(folder, N, seed=SEED, fmt=fmt)
    return folder


@pytest.fixture(scope="module")
def local_run(article_dir: Path) -> tuple[RunResult, str]:
    result = run_check([article_dir], jobs=1)
    assert len(result.articles) == N, f"expected {N} generated articles, loaded {len(result.articles)}"
    assert not result.errors, [str(e) for e in result.errors]
    assert len(result.claims) > N, "generated articles carry many figures; the run found almost none"
    return result, findings_json(result)


@pytest.fixture
def pool_calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Record the ``jobs`` of every local process pool the pipeline starts."""
    calls: list[int] = []
    original: Callable[..., Any] = pipeline._in_pool

    def spy(units: Any, reference_dirs: Any, jobs: int, keep_text: bool = False) -> Any:
        calls.append(jobs)
        return original(units, reference_dirs, jobs, keep_text)

    monkeypatch.setattr(pipeline, "_in_pool", spy)
    yield calls


def test_the_set_spans_several_batches() -> None:
    assert pipeline.BATCH * 2 < N


@pytest.mark.parametrize("jobs", [2, 3], ids=["jobs2", "jobs3"])
def test_jobs_give_the_same_findings_json_byte_for_byte(
    article_dir: Path, local_run: tuple[RunResult, str], pool_calls: list[int], jobs: int
) -> None:
    result = run_check([article_dir], jobs=jobs)
    assert pool_calls == [jobs], "the run did not go through the process pool"
    assert findings_json(result) == local_run[1]


def test_repeated_ids_across_folders_match_one_process(tmp_path: Path, pool_calls: list[int]) -> None:
    """Workers check a file under its provisional id (its name); a name that repeats in
    another folder gets its relative path in the main process, in input order, and must
    end up exactly as in one process (claims re-made under the final id)."""
    for folder in ("a", "b"):
        write_articles(tmp_path / folder, 40, seed=SEED)  # the same 40 names in both folders
    (tmp_path / "b" / "broken.txt").write_bytes(b"")
    (tmp_path / "a" / "broken.txt").write_bytes(b"\x00\x01binary\x00")
    one = run_check([tmp_path], jobs=1)
    pooled = run_check([tmp_path], jobs=2)
    assert pool_calls == [2]
    assert findings_json(pooled) == findings_json(one)
    ids = [a.id for a in pooled.articles]
    assert len(ids) == len(set(ids)) == 80
    assert any(i.startswith("b/") for i in ids)
    assert {c.article for c in pooled.claims} <= set(ids)
    assert sorted(e.article for e in pooled.errors) == ["b/broken.txt", "broken.txt"]


def test_progress_ticks_once_per_article_in_the_pool(article_dir: Path) -> None:
    ticks: list[int] = []
    run_check([article_dir], jobs=2, progress=ticks.append)
    assert sum(ticks) == N


def test_dask_engine_gives_the_same_findings_json(
    article_dir: Path, local_run: tuple[RunResult, str]
) -> None:
    distributed = pytest.importorskip(
        "dask.distributed", reason="dask is not installed: pip install 'checkfigures[dask]'"
    )
    with distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
    ) as cluster:
        result = run_check([article_dir], engine="dask", scheduler=cluster.scheduler_address)
    assert findings_json(result) == local_run[1]


def test_dask_engine_without_a_scheduler_is_a_usage_error(tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed", reason="dask is not installed: pip install 'checkfigures[dask]'")
    write_articles(tmp_path, 2, seed=SEED)
    with pytest.raises(UsageError, match="--scheduler"):
        run_check([tmp_path], engine="dask")


# --- the generator the benchmarks and the tests above rely on -------------------------------


def test_generator_is_deterministic_and_prefix_stable() -> None:
    first = list(generate_articles(20, seed=5))
    assert first == list(generate_articles(20, seed=5))
    assert first[:7] == list(generate_articles(7, seed=5))
    assert first[3] == generate_article(3, seed=5)
    assert first != list(generate_articles(20, seed=6))


def test_generated_articles_look_like_news() -> None:
    articles = list(generate_articles(300, seed=SEED))
    sizes = [len(a.text.encode()) for a in articles]
    assert min(sizes) > 1500 and max(sizes) < 6500
    languages = Counter(a.language for a in articles)
    assert set(languages) == {"en", "de", "fr", "ru"} and languages["en"] > 200
    assert len({a.id for a in articles}) == 300


def test_generate_text_reaches_the_size_asked_for() -> None:
    text = generate_text(0.2, seed=2)
    assert 0.2 * MB <= len(text.encode()) < 0.2 * MB + 7000
    assert text == generate_text(0.2, seed=2)


@pytest.mark.parametrize("fmt", ["txt", "jsonl"])
def test_write_articles(tmp_path: Path, fmt: Literal["txt", "jsonl"]) -> None:
    written = write_articles(tmp_path, 12, seed=3, fmt=fmt)
    expected = list(generate_articles(12, seed=3))
    if fmt == "jsonl":
        records = [json.loads(line) for line in written[0].read_text(encoding="utf-8").splitlines()]
        assert [r["text"] for r in records] == [a.text for a in expected]
        assert records[0]["published"] == expected[0].published.isoformat()
        return
    assert [p.read_text(encoding="utf-8") for p in written[:-1]] == [a.text for a in expected]
    with written[-1].open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["file"] for r in rows] == [p.name for p in written[:-1]]
    assert rows[4]["published"] == expected[4].published.isoformat()


def test_the_corpus_exercises_every_mention_kind() -> None:
    found: Counter[str] = Counter()
    for g in generate_articles(60, seed=SEED):
        article = Article(g.id, f"{g.id}.txt", g.text, published=g.published, language=g.language)
        found.update(m.kind for m in extract_mentions(article))
    missing = [k for k in KINDS if not found[k]]
    assert not missing, f"no {missing} mentions in 60 generated articles (found {dict(found)})"


def test_hostile_text_is_deterministic_and_hostile() -> None:
    text = hostile_text(1, seed=4)
    assert len(text.encode()) >= MB and text == hostile_text(1, seed=4)
    assert text != hostile_text(1, seed=5)
    for trap in ("7" * 1000, "((((((((((", "more than more than more than", "%%%%%%", "September September"):
        assert trap in text, trap
    mentions = extract_mentions(Article("hostile", "hostile.txt", text[:100_000]))
    assert all(0 <= m.start < m.end <= 100_000 for m in mentions)
