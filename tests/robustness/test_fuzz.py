"""Fuzzing load + extract + bind with mutated example articles.

The seed corpus is the repository's examples/articles/ (one file per format). Hypothesis
mutates a seed's raw file: inserts random Unicode or a hostile fragment, deletes a span,
duplicates a span, or cuts the file short, then writes it with the seed's suffix and runs
the loader, the extractors and the binder on it. Nothing may raise; every mention's span
must quote the article text.

CI runs it in the slow pass (``pytest -m slow tests/robustness/test_fuzz.py``) with a fixed
budget of ``CHECKFIGURES_FUZZ_EXAMPLES`` inputs (default 15000, about 60-120 s on 2 cores).
Run it longer with, e.g.::

    CHECKFIGURES_FUZZ_EXAMPLES=20000 .venv/bin/pytest -m slow -s tests/robustness/test_fuzz.py

It prints the number of inputs tried; a crash is shrunk and printed by Hypothesis.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.bind import bind_mentions
from checker.extract import extract_mentions
from checker.load import iter_articles
from checker.model import Article, ArticleError
from checker.reference import ReferenceData

from .conftest import EXAMPLES, require

FUZZ_EXAMPLES = int(os.environ.get("CHECKFIGURES_FUZZ_EXAMPLES", "15000"))

HOSTILE_PIECES = [
    "more than more than ",
    "((((",
    "%%%",
    "1,234,567.89.0",
    "September 31-32, 2022",
    "eight years ago",
    "\x00",
    "\r\n",
    "\ufeff",
    "<script>",
    "<!--",
    "</p><p>",
    '"}\n{"text": "',
    "---\n",
    "\u202e",  # right-to-left override
    "٣٤٫٥٪",  # Arabic-Indic digits, decimal and percent signs
    "１２％",  # full-width
    "99,23 %",
    "—",
]


def _seeds() -> list[tuple[str, bytes]]:
    folder = require(EXAMPLES)
    seeds = [(p.suffix, p.read_bytes()) for p in sorted(folder.iterdir()) if p.name != "articles.csv"]
    assert {s for s, _ in seeds} >= {".txt", ".md", ".html", ".jsonl"}, seeds
    return seeds


SEEDS = _seeds()


@st.composite
def mutated_files(draw: st.DrawFn) -> tuple[str, bytes]:
    suffix, data = draw(st.sampled_from(SEEDS))
    text = data.decode("utf-8", errors="surrogateescape")
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["insert", "hostile", "delete", "duplicate", "truncate"]))
        if op == "insert":
            text = text[:at] + draw(st.text(max_size=40)) + text[at:]
        elif op == "hostile":
            text = text[:at] + draw(st.sampled_from(HOSTILE_PIECES)) * draw(st.integers(1, 50)) + text[at:]
        elif op == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 200)) :]
        elif op == "duplicate":
            span = text[at : at + draw(st.integers(1, 400))]
            text = text[:at] + span * draw(st.integers(2, 20)) + text[at:]
        else:
            text = text[:at]
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-16", "cp1252"]))
    return suffix, text.encode(encoding, errors="surrogateescape" if encoding == "utf-8" else "replace")


@pytest.mark.slow
def test_fuzz_load_extract_bind(
    reference: ReferenceData, record_property: Callable[[str, object], None]
) -> None:
    tried = {"inputs": 0, "articles": 0, "errors": 0, "mentions": 0, "claims": 0}
    folder = Path(tempfile.mkdtemp(prefix="checkfigures-fuzz-"))

    @settings(
        max_examples=FUZZ_EXAMPLES,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    @given(mutated_files())
    def run(case: tuple[str, bytes]) -> None:
        suffix, data = case
        tried["inputs"] += 1
        path = folder / f"case{suffix}"
        path.write_bytes(data)
        for item in iter_articles([path]):
            if isinstance(item, ArticleError):
                tried["errors"] += 1
                assert item.reason
                continue
            assert isinstance(item, Article)
            tried["articles"] += 1
            mentions = extract_mentions(item)
            for m in mentions:
                assert 0 <= m.start < m.end <= len(item.text)
                assert item.text[m.start : m.end] == m.text
            claims = bind_mentions(item, mentions, reference)
            assert [c.mention for c in claims] == mentions
            tried["mentions"] += len(mentions)
            tried["claims"] += len(claims)

    run()
    for key, value in tried.items():
        record_property(f"fuzz_{key}", value)
    print(f"\nfuzz: {tried}")
    assert tried["inputs"] >= min(FUZZ_EXAMPLES, 100)
