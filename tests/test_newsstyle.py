"""News-style articles we wrote in the manner of wire, newspaper and foreign-language copy
(tests/data/newsstyle): correct figures with everything real reporting wraps around them.

They hold the patterns that made false discrepancies before: places the tables do not
cover ("In Wales", "London voted"), changes written like levels ("turnout rose 15%"), years
of other votes in the sentence, referendum options after each share, "opposition
candidate" as a title, electoral votes, earlier counts quoted after the final one,
transliterated names, wire datelines without metadata, and counting progress in Spanish.
Only brexit_wrong.txt carries (two) deliberate errors.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from checker.pipeline import run_check

FOLDER = Path(__file__).resolve().parent / "data" / "newsstyle"
DELIBERATE = {("brexit_wrong.txt", "53%"), ("brexit_wrong.txt", "47%")}


def test_newsstyle_articles_raise_only_their_deliberate_errors() -> None:
    result = run_check([FOLDER])
    assert len(result.articles) == 21 and not result.errors
    claims = {c.id: c for c in result.claims}
    accused = {
        (claims[f.claims[0]].article, claims[f.claims[0]].mention.text) if f.claims else (f.message, "")
        for f in result.findings
        if f.verdict == "discrepancy"
    }
    assert accused == DELIBERATE
    verdicts = Counter(f.verdict for f in result.findings)
    assert verdicts["consistent"] >= 50, verdicts  # the checks still confirm what is right


def test_datelines_date_the_undated_articles() -> None:
    result = run_check([FOLDER])
    undated = [a.id for a in result.articles if a.published is None]
    assert undated == []


def test_every_claim_quotes_its_sentence() -> None:
    """Reports quote claims without the article text (it is dropped after the checks)."""
    result = run_check([FOLDER])
    assert all(c.quote for c in result.claims if c.sentence != (0, 0))
