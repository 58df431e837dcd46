"""Percentages and counts (placeholder)."""

from __future__ import annotations

from checker.model import Mention


def extract_numbers(text: str, article_id: str, language: str | None = None) -> list[Mention]:
    return []
