"""No module outside ``checker/lang`` holds a word list in several human languages.

The rule (issue 15: words of human languages live in the language files): every string
literal of ``checker/**/*.py`` that is not a docstring is read, literals inside one list,
tuple, set or dict display counted together (``frozenset({"am", "seit", ...})`` is one
list). Its words (two letters or more, lower-cased) are looked up in the language files'
own vocabulary. A literal is a multi-language word list when it holds at least
``FOREIGN_MIN`` distinct words that the English file does not have and the words it holds
belong to two or more languages. English-only lists and the regex structure around words
pass; a list such as ``"(?:and|und|et|y|e|i|и|і)"`` fails. Run against the old files it
flags 15 literals in extract/dates.py and 6 in extract/calendar_words.py before branch
lang2 (c647ce7), 8 in checks/caution.py at 511cc43; ``test_the_rule_finds_the_old_lists``
keeps samples of them.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from checker import lang

ROOT = Path(__file__).resolve().parents[1]
# Excluded: the language package itself.
EXCLUDED = ("checker/lang/",)
# Not migrated yet (issue 15, left by branch lang2): module -> multi-language lists it holds.
# The test fails when a count grows; lower or remove an entry when its words move.
PENDING = {
    # TLDS: internet domain codes ("com", "de"), not words; flagged since "de" is a word of
    # several languages. The clock words moved to the language files (clock_*).
    "checker/extract/masks.py": 1,
    # CURRENCY_CODES: ISO 4217 codes, not words; flagged since "pln" and "huf" are in the
    # Polish and Hungarian [numbers] currency_words (branch numwords).
    "checker/extract/numbers.py": 1,
    # LANGUAGE_NAMES: ISO 639-2 codes and names of languages in metadata hints, not a word
    # list; flagged since "fra" and "por" are Italian and Spanish [numbers] words (numwords).
    "checker/language.py": 1,
}
FOREIGN_MIN = 2
WORD = re.compile(r"[^\W\d_]{2,}")
VERBOSE_COMMENT = re.compile(r"(?<!\\)#[^\n]*")


def _vocabulary() -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for code in lang.LANGUAGES:
        found: set[str] = set()
        for key in lang.filled(code):
            node: object = lang.table(code)
            for part in key.split("."):
                node = node.get(part, []) if isinstance(node, dict) else []
            for entry in node if isinstance(node, list) else []:
                word = entry[0] if isinstance(entry, list) else entry
                if isinstance(word, str):
                    found.update(w.lower() for w in WORD.findall(word))
        out[code] = frozenset(found)
    return out


VOCABULARY = _vocabulary()


def _docstrings(tree: ast.AST) -> set[int]:
    out: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                out.add(id(body[0].value))
    return out


def literal_groups(source: str) -> Iterator[tuple[int, str]]:
    """(line, text) of each string literal or display of literals in ``source``."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    grouped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.List, ast.Tuple, ast.Set, ast.Dict)):
            items = [*node.keys, *node.values] if isinstance(node, ast.Dict) else node.elts
            strings = [i for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)]
            if len(strings) >= 2:
                grouped.update(id(s) for s in strings)
                yield node.lineno, " ".join(s.value for s in strings)
    for node in ast.walk(tree):
        literal = isinstance(node, ast.Constant) and isinstance(node.value, str)
        if literal and id(node) not in skip and id(node) not in grouped:
            assert isinstance(node, ast.Constant)
            yield node.lineno, node.value


def offences(source: str) -> list[tuple[int, list[str], list[str]]]:
    """(line, languages, foreign words) of each multi-language word list in ``source``."""
    out = []
    for line, text in literal_groups(source):
        if "\n" in text:  # a VERBOSE regex: its "# ..." comments are comments, not words
            text = VERBOSE_COMMENT.sub("", text)
        tokens = {w.lower() for w in WORD.findall(text)}
        if tokens <= set(lang.LANGUAGES):
            continue  # language codes ("en", "de", "fr"), not words
        foreign = sorted(t for t in tokens - VOCABULARY["en"] if any(t in v for v in VOCABULARY.values()))
        if len(foreign) < FOREIGN_MIN:
            continue
        languages = sorted(code for code, v in VOCABULARY.items() if tokens & v)
        if len(languages) >= 2:
            out.append((line, languages, foreign))
    return out


def _modules() -> list[Path]:
    return [
        p
        for p in sorted((ROOT / "checker").rglob("*.py"))
        if not p.relative_to(ROOT).as_posix().startswith(EXCLUDED)
    ]


@pytest.mark.parametrize("path", _modules(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_multi_language_word_list(path: Path) -> None:
    found = offences(path.read_text(encoding="utf-8"))
    pending = PENDING.get(path.relative_to(ROOT).as_posix(), 0)
    assert len(found) <= pending, f"{path.relative_to(ROOT)}: {len(found)} lists, {pending} pending"
    if pending:
        return
    assert not found, f"{path.relative_to(ROOT)}: move these words to checker/lang/*.toml:\n" + "\n".join(
        f"  line {line}: {', '.join(langs)}: {' '.join(words[:8])}" for line, langs, words in found
    )


def test_the_rule_finds_the_old_lists() -> None:
    """Lists typed in code before the move fail the rule; English-only lists do not."""
    old_dates = '_AND_RANGE = re.compile(r"\\s(?:and|und|et|y|e|i|и|і)\\s", re.IGNORECASE)'
    old_context = (
        'W = frozenset("""late early on am seit bis el este na no desde hasta w we od do""".split())'
    )
    old_caution = 'RE = re.compile(r"\\b(?:per ?cent|percent|prozent|pourcent|por ?ciento|процент)")'
    for source in (old_dates, old_context, old_caution):
        assert offences(source), source
    english = 'SPAN = frozenset({"held", "spread", "staged", "conducted"})\nX = "(?:years?|yrs?)"'
    assert not offences(english)
