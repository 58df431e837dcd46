"""Article sets -> Article (placeholder: plain UTF-8 .txt only)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path

from checker.model import Article, ArticleError


def iter_articles(
    paths: Sequence[Path], published: dt.date | None = None
) -> Iterator[Article | ArticleError]:
    for root in paths:
        files = sorted(root.rglob("*.txt")) if root.is_dir() else [root]
        for f in files:
            text = f.read_text(encoding="utf-8").replace("\r\n", "\n")
            yield Article(id=f.name, path=str(f), text=text, published=published)
