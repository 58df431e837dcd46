"""Run-unique ids: an input before its id is settled, and the ids a run has taken."""

from __future__ import annotations

from dataclasses import dataclass, replace

from checker.model import Article, ArticleError


class Ids:
    """Keeps ids unique within a run (see "Ids" in :mod:`checker.load`)."""

    def __init__(self) -> None:
        self._seen: set[str] = set()

    def claim(self, *choices: str) -> str:
        for choice in choices:
            if choice not in self._seen:
                self._seen.add(choice)
                return choice
        n = 2
        while f"{choices[-1]}#{n}" in self._seen:
            n += 1
        chosen = f"{choices[-1]}#{n}"
        self._seen.add(chosen)
        return chosen

    def settle(self, loaded: Loaded) -> Article | ArticleError:
        """The item with its run-unique id (call in input order)."""
        chosen = self.claim(*loaded.choices)
        item = loaded.item
        if isinstance(item, ArticleError):
            return item if item.article == chosen else replace(item, article=chosen)
        return item if item.id == chosen else replace(item, id=chosen)


@dataclass(frozen=True, slots=True)
class Loaded:
    """An article (or the error that stands for it) before its id is made unique in the run.

    The item carries ``choices[0]`` as its id; :meth:`Ids.settle` gives it the first of
    ``choices`` that no earlier input of the run took (see "Ids" in :mod:`checker.load`).
    """

    item: Article | ArticleError
    choices: tuple[str, ...]

    def load(self) -> Loaded:
        """Already read (so every :data:`Input` can be ``load()``-ed alike)."""
        return self
