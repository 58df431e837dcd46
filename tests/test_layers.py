"""The modules of ``checker/`` form layers that point one way.

Every ``import`` of every module is read with :mod:`ast` (at module level, inside
functions and under ``if TYPE_CHECKING:`` alike) and the imports between checker modules
must (a) form no cycle and (b) go only from a layer to one it may use (:data:`LAYERS`,
listed low to high; a layer may use some of the layers below it, never one above). A
module may not import a private name (``_name``) from another part of the package either:
what two parts share is public, or sits lower. Violations that other branches are fixing
are listed in :data:`KNOWN`; the test requires the violations found to be exactly these,
so it fails when a new one appears and when a known one is fixed but still listed.

Run it alone, with the table of edges between layers: ``python -m tests.test_layers``.
"""

from __future__ import annotations

import ast
import sys
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "checker"
ROOT = "checker"

# (layer, module prefixes, the lower layers it may use), low to high. A prefix names a
# module or package and everything under it ("checker.lang" covers checker/lang.py and
# checker/lang/*.py, not checker.language); the longest matching prefix wins; ROOT (the
# package's own __init__, which holds __version__) matches itself only.
LAYERS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    (
        "foundation",
        (
            ROOT,
            "checker.model",
            "checker.errors",
            "checker.units",
            "checker.lang",
            "checker.trie",
            "checker.sentences",
            "checker.language",
            "checker.files",
        ),
        (),
    ),
    # The calendar extractor reads a wire dateline for the loader: load and extract share a layer.
    ("input", ("checker.load", "checker.extract"), ("foundation",)),
    ("reference", ("checker.reference", "checker.gazetteer", "checker.elections"), ("foundation",)),
    ("bind", ("checker.bind",), ("foundation", "input", "reference")),
    # Checks judge claims (model) against tables (reference); what they share with the
    # binder (country names, election-kind words) belongs to lang/elections, not bind.
    ("checks", ("checker.checks",), ("foundation", "reference")),
    # The run store keeps rows; the cross-source group key is passed in (runner).
    ("store", ("checker.store", "checker.records"), ("foundation",)),
    ("report", ("checker.report",), ("foundation", "store")),
    (
        "runner",
        ("checker.runner", "checker.distributed", "checker.pipeline"),
        (
            "foundation",
            "input",
            "reference",
            "bind",
            "checks",
            "store",
        ),
    ),
    # Election forensics on precinct tables is a branch of its own beside the claim checker.
    ("forensics", ("checker.forensics",), ("foundation",)),
    # Importers turn open datasets and precinct tables into reference tables.
    ("importers", ("checker.importers",), ("foundation", "reference", "forensics")),
    (
        "cli",
        ("checker.cli", "checker.__main__"),
        (
            "foundation",
            "input",
            "reference",
            "bind",
            "checks",
            "store",
            "report",
            "runner",
            "forensics",
            "importers",
        ),
    ),
)

# Violations present today, each being fixed elsewhere: (importer, imported). None left.
KNOWN: frozenset[tuple[str, str]] = frozenset()


@dataclass(frozen=True, slots=True)
class Edge:
    """One import of a checker module by another."""

    importer: str
    imported: str
    line: int
    names: tuple[str, ...]  # the names taken by ``from ... import``; () for ``import``


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    """Every module of the package by dotted name."""
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _resolve(name: str, known: Mapping[str, Path]) -> str | None:
    """The checker module an import of ``name`` loads: itself, else its longest known prefix."""
    while name and name not in known:
        name = name.rpartition(".")[0]
    return name or None


def _base(module: str, path: Path, level: int, target: str | None) -> str:
    """The absolute name of a relative import (``from ..x import y``)."""
    parts = module.split(".")
    if path.name != "__init__.py":
        parts = parts[:-1]
    parts = parts[: len(parts) - (level - 1)] if level > 1 else parts
    return ".".join([*parts, target] if target else parts)


def imports(module: str, path: Path, known: Mapping[str, Path]) -> Iterator[Edge]:
    """Every import of a checker module in ``path``, wherever it sits in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == ROOT or alias.name.startswith(ROOT + "."):
                    target = _resolve(alias.name, known)
                    if target and target != module:
                        yield Edge(module, target, node.lineno, ())
        elif isinstance(node, ast.ImportFrom):
            source = _base(module, path, node.level, node.module) if node.level else node.module or ""
            if source != ROOT and not source.startswith(ROOT + "."):
                continue
            for alias in node.names:
                # "from checker.extract import calendar_words" imports a module
                target = _resolve(f"{source}.{alias.name}", known)
                if target and target != module:
                    yield Edge(module, target, node.lineno, (alias.name,))


def edges() -> list[Edge]:
    known = modules()
    return [edge for name, path in known.items() for edge in imports(name, path, known)]


def layer_of(module: str) -> str | None:
    best: tuple[int, str] | None = None
    for layer, prefixes, _uses in LAYERS:
        for prefix in prefixes:
            hit = module == prefix or (prefix != ROOT and module.startswith(prefix + "."))
            if hit and (best is None or len(prefix) > best[0]):
                best = (len(prefix), layer)
    return best[1] if best else None


def _component(module: str) -> str:
    """The part of the package a module belongs to: checker.load.html -> checker.load."""
    return ".".join(module.split(".")[:2])


def violations(found: list[Edge]) -> dict[tuple[str, str], str]:
    """(importer, imported) -> why the import is not allowed."""
    uses = {layer: set(allowed) for layer, _prefixes, allowed in LAYERS}
    bad: dict[tuple[str, str], str] = {}
    for e in found:
        mine, theirs = layer_of(e.importer), layer_of(e.imported)
        if mine is None or theirs is None:
            continue  # reported by test_every_module_has_a_layer
        if mine != theirs and theirs not in uses[mine]:
            bad[(e.importer, e.imported)] = f"{mine} -> {theirs} (line {e.line})"
        private = [n for n in e.names if n.startswith("_") and not n.startswith("__")]
        if private and _component(e.importer) != _component(e.imported):
            reason = f"private name {', '.join(private)} (line {e.line})"
            key = (e.importer, e.imported)
            bad[key] = f"{bad[key]}; {reason}" if key in bad else reason
    return bad


def cycles(found: list[Edge]) -> list[list[str]]:
    """The import cycles: strongly connected groups of more than one module (Tarjan)."""
    graph: dict[str, set[str]] = {}
    for e in found:
        graph.setdefault(e.importer, set()).add(e.imported)
        graph.setdefault(e.imported, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return groups


def _listing(pairs: Mapping[tuple[str, str], str]) -> str:
    return "\n".join(f"  {a} -> {b}: {why}" for (a, b), why in sorted(pairs.items())) or "  (none)"


# --- tests ---------------------------------------------------------------------------------


def test_the_layer_table_points_down() -> None:
    seen: set[str] = set()
    for layer, _prefixes, uses in LAYERS:
        assert set(uses) <= seen, f"layer {layer} uses a layer listed after it: {sorted(set(uses) - seen)}"
        seen.add(layer)


def test_every_module_has_a_layer() -> None:
    unmapped = sorted(m for m in modules() if layer_of(m) is None)
    assert not unmapped, "modules in no layer (add their prefix to LAYERS):\n  " + "\n  ".join(unmapped)


def test_imports_have_no_cycle() -> None:
    found = cycles(edges())
    assert not found, "import cycles:\n" + "\n".join("  " + " <-> ".join(group) for group in found)


def test_imports_point_down_except_the_known_violations() -> None:
    bad = violations(edges())
    new = {k: v for k, v in bad.items() if k not in KNOWN}
    fixed = {k: "fixed: remove it from KNOWN" for k in KNOWN if k not in bad}
    assert not new and not fixed, (
        f"imports against the layers, not in KNOWN:\n{_listing(new)}\n"
        f"listed in KNOWN but no longer found:\n{_listing(fixed)}"
    )


def test_the_checker_catches_an_upward_import_and_a_cycle() -> None:
    up = Edge("checker.model", "checker.store", 1, ("RunStore",))
    private = Edge("checker.report.view", "checker.load.decode", 1, ("_Unreadable",))
    up_key = ("checker.model", "checker.store")
    assert set(violations([up, private])) == {up_key, ("checker.report.view", "checker.load.decode")}
    assert "foundation -> store" in violations([up])[up_key]
    loop = [
        Edge("checker.a", "checker.b", 1, ()),
        Edge("checker.b", "checker.c", 1, ()),
        Edge("checker.c", "checker.a", 1, ()),
    ]
    assert cycles(loop) == [["checker.a", "checker.b", "checker.c"]]


def test_imports_are_read_everywhere_in_a_module(tmp_path: Path) -> None:
    known = {
        name: PACKAGE
        for name in ("checker", "checker.model", "checker.store", "checker.load", "checker.load.html")
    }
    source = tmp_path / "mod.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "import checker.model\n"
        "if TYPE_CHECKING:\n    from checker.store import RunStore\n"
        "def f():\n    from checker.load import html\n    from . import model\n",
        encoding="utf-8",
    )
    found = {(e.imported, e.names) for e in imports("checker.mod", source, known)}
    assert found == {
        ("checker.model", ()),
        ("checker.store", ("RunStore",)),
        ("checker.load.html", ("html",)),
        ("checker.model", ("model",)),
    }


def main() -> int:
    """Print the edges between layers and any violation; exit 1 when the test would fail."""
    found = edges()
    pairs = {(e.importer, e.imported) for e in found}
    per_layer = Counter((layer_of(a), layer_of(b)) for a, b in pairs)
    print(f"{len(modules())} modules, {len(pairs)} importer -> imported pairs; pairs between layers:")
    for (a, b), n in sorted(per_layer.items(), key=lambda kv: (str(kv[0][0]), str(kv[0][1]))):
        if a != b:
            print(f"  {a} -> {b}: {n}")
    bad = violations(found)
    print("violations (known ones marked):")
    for (a, b), why in sorted(bad.items()):
        print(f"  {'known' if (a, b) in KNOWN else 'NEW  '} {a} -> {b}: {why}")
    if not bad:
        print("  (none)")
    stale = sorted(KNOWN - set(bad))
    for a, b in stale:
        print(f"  fixed but still in KNOWN: {a} -> {b}")
    loops = cycles(found)
    for group in loops:
        print("  cycle: " + " <-> ".join(group))
    unmapped = sorted(m for m in modules() if layer_of(m) is None)
    for m in unmapped:
        print(f"  no layer: {m}")
    return 1 if (set(bad) - KNOWN) or stale or loops or unmapped else 0


if __name__ == "__main__":
    sys.exit(main())
