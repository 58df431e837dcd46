r"""The words of human languages the checker matches, one data file per language.

Each ``<code>.toml`` in this package holds every word the project matches in that
language, grouped by purpose under stable keys (``poll_words``, ``percent_stems``, ...;
see README.md here). Modules never type a word: they build their ``RE_*`` from
:func:`alternation` (the structure -- ``\b``, windows, lookaheads -- stays in their code).

TOML, read with the standard library's ``tomllib`` (Python 3.11+): no new dependency,
comments next to each list, literal strings (``'...'``) that keep regex backslashes
as written, and one obvious way to write a list of strings -- unlike JSON (no comments,
every backslash doubled) or YAML (a third-party parser, implicit typing).

>>> words("percent_stems", ("de", "pl"))
('prozent', 'proc')
>>> alternation("margin_hedges", before=r"\b")
'(?:\\babout|\\balmost|\\bnearly|\\bsome)'
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

# The languages the project reads, in the order their words enter an alternation.
LANGUAGES: tuple[str, ...] = ("en", "de", "fr", "es", "it", "pt", "pl", "hu", "ru", "uk")
_HERE = Path(__file__).parent
GAPS = "gaps"  # the table that says why a key English has is empty in a language


@cache
def table(language: str) -> Mapping[str, Any]:
    """The parsed data file of ``language`` (read once)."""
    with (_HERE / f"{language}.toml").open("rb") as f:  # shipped as package data
        return tomllib.load(f)


def _node(data: Mapping[str, Any], key: str) -> list[Any]:
    node: Any = data
    for part in key.split("."):
        if not isinstance(node, Mapping) or part not in node:
            return []
        node = node[part]
    if not isinstance(node, list):
        raise TypeError(f"{key}: a list is expected, found {type(node).__name__}")
    return node


def _lookup(data: Mapping[str, Any], key: str) -> list[str]:
    node = _node(data, key)
    if any(not isinstance(entry, str) for entry in node):
        raise TypeError(f"{key}: a list of words is expected; use pairs() for a table of values")
    return node


@cache
def _words(key: str, languages: tuple[str, ...]) -> tuple[str, ...]:
    out: dict[str, None] = {}
    for language in languages:
        for word in _lookup(table(language), key):
            out.setdefault(word, None)
    return tuple(out)


def words(key: str, languages: Iterable[str] = LANGUAGES) -> tuple[str, ...]:
    """The entries of ``key`` (dotted for a sub-table: ``duration_units.day``) across
    ``languages``, in language order then file order; an entry repeated in another
    language is kept once, at its first place."""
    return _words(key, tuple(languages))


def by_language(key: str, languages: Iterable[str] = LANGUAGES) -> dict[str, tuple[str, ...]]:
    """``{language: entries}`` of ``key`` for the languages that have entries."""
    out = {lang: tuple(_lookup(table(lang), key)) for lang in languages}
    return {lang: entries for lang, entries in out.items() if entries}


def pairs(key: str, languages: Iterable[str] = LANGUAGES) -> tuple[tuple[Any, ...], ...]:
    """The entries of a value table ``key`` (each an array ``[word, value, ...]``, such as
    ``number_words = [['one', 1]]``) across ``languages``, in language then file order;
    repeats are kept (the caller's dict decides, as a later assignment would).

    >>> pairs("number_words", ("de",))[:2]
    (('ein', 1), ('eine', 1))
    """
    out: list[tuple[Any, ...]] = []
    for language in languages:
        for entry in _node(table(language), key):
            if not isinstance(entry, list) or not entry or not isinstance(entry[0], str):
                raise TypeError(f"{language}: {key}: {entry!r} is not an array [word, value, ...]")
            out.append(tuple(entry))
    return tuple(out)


def alternation(
    key: str | Iterable[str],
    languages: Iterable[str] = LANGUAGES,
    *,
    before: str = "",
    after: str = "",
) -> str:
    r"""A non-capturing group of the entries of ``key`` (or of several keys, in order),
    each written between ``before`` and ``after``; ``(?!)`` (never matches) when empty.

    >>> alternation(["margin_links", "margin_by"], ("en",))
    '(?:of|by)'
    """
    keys = [key] if isinstance(key, str) else list(key)
    langs = tuple(languages)
    entries: dict[str, None] = {}
    for k in keys:
        for word in _words(k, langs):
            entries.setdefault(word, None)
    if not entries:
        return "(?!)"
    return "(?:" + "|".join(before + w + after for w in entries) + ")"


def keys(language: str) -> set[str]:
    """Every key ``language`` fills or explains in its gaps (dotted for sub-tables)."""
    return filled(language) | set(table(language).get(GAPS, {}))


def missing(language: str) -> list[str]:
    """The keys English has that ``language`` neither fills nor explains in its gaps; a
    gap that names a sub-table (``hedges``) explains every key under it."""
    have = keys(language)
    gaps = set(table(language).get(GAPS, {}))
    return sorted(key for key in keys("en") - have if not any(key.startswith(gap + ".") for gap in gaps))


def filled(language: str) -> set[str]:
    """The keys of ``language`` that hold a list (maybe empty)."""
    out: set[str] = set()

    def walk(node: Mapping[str, Any], prefix: str) -> None:
        for name, value in node.items():
            if prefix == "" and name == GAPS:
                continue
            if isinstance(value, Mapping):
                walk(value, f"{prefix}{name}.")
            else:
                out.add(prefix + name)

    walk(table(language), "")
    return out


__all__ = [
    "GAPS",
    "LANGUAGES",
    "alternation",
    "by_language",
    "filled",
    "keys",
    "missing",
    "pairs",
    "table",
    "words",
]
