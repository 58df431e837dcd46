"""Spans that must never yield a figure (placeholder: replaced by the masks module)."""

from __future__ import annotations


def find_masked_spans(text: str) -> list[tuple[int, int]]:
    return []
