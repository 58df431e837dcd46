"""The bundled example set (examples/articles, written by us): exactly its deliberate errors.

Every discrepancy the run reports must be one we put there, and each one we put there must
be found: a new false alarm on our own articles, or a lost finding, fails here.
"""

from __future__ import annotations

from pathlib import Path

from checker.pipeline import run_check

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"

# (article, figure as written, check): the errors the example articles were written with.
DELIBERATE = {
    ("ex01_annexation_tallies.txt", "96.4%", "reference"),  # Luhansk: 98.42% officially
    ("ex03_uk_referendum.html", "71.2%", "reference"),  # turnout 72.21%
    ("ex02_russia_2024.md", "72", "temporal"),  # Putin was 71
    ("ex04b", "nine years ago", "temporal"),  # the Crimea vote was ten years before
    ("ex04a", "9.5%", "internal"),  # the shares add up to more than 100%
}


def test_the_examples_give_their_deliberate_errors_and_nothing_else() -> None:
    result = run_check([EXAMPLES])
    claims = {c.id: c for c in result.claims}
    found = set()
    for f in result.findings:
        if f.verdict != "discrepancy" or not f.claims:
            continue
        last = claims[f.claims[-1]]  # a sum names its last share
        found.add((last.article, last.mention.text, f.check))
    assert found == DELIBERATE
