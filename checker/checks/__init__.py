"""Claims + tables -> findings."""

from __future__ import annotations

from collections.abc import Sequence

from checker.model import Article, Claim, Finding
from checker.reference import ReferenceData


def run_checks(articles: Sequence[Article], claims: Sequence[Claim], ref: ReferenceData) -> list[Finding]:
    return []
