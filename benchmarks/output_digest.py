"""SHA-256 of findings.json and findings.csv on fixed article sets: refactors must not move them.

Runs ``checkfigures check --format json --format csv`` on the seeds, the shared corpus,
``examples/articles``, ``tests/data`` and a generated benchmark set, and prints one line per
set and file. ``--save FILE`` writes the digests; ``--compare FILE`` exits 1 when any differs.

    .venv/bin/python -m benchmarks.output_digest --save /tmp/before.json
    .venv/bin/python -m benchmarks.output_digest --compare /tmp/before.json
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.corpus import write_articles

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FILES = ("findings.json", "findings.csv")


def article_sets(generated: Path) -> dict[str, list[Path]]:
    sets = {
        "seeds": [SHARED / "seeds"],
        "corpus": [SHARED / "corpus" / "articles"],
        "examples": [ROOT / "examples" / "articles"],
        "generated": [generated],
    }
    for folder in sorted(p for p in (ROOT / "tests" / "data").iterdir() if p.is_dir()):
        sets[f"tests/data/{folder.name}"] = [folder]
    return sets


def digest(paths: list[Path], out: Path) -> dict[str, str]:
    cmd = [sys.executable, "-m", "checker", "check", *map(str, paths), "--out", str(out), "--quiet"]
    cmd += ["--format", "json", "--format", "csv", "--fail-on", "never", "--jobs", "1"]
    subprocess.run(cmd, check=True, cwd=ROOT)
    return {name: hashlib.sha256(_portable((out / name).read_bytes(), out)).hexdigest() for name in FILES}


def _portable(data: bytes, out: Path) -> bytes:
    """The output with this checkout's and the run's folders written as placeholders.

    Article paths are part of the output; a worktree elsewhere or another temporary folder
    must not count as a change.
    """
    places = {out.parent.parent: "<TMP>", ROOT: "<ROOT>", SHARED: "<SHARED>", SHARED.resolve(): "<SHARED>"}
    for folder, name in sorted(places.items(), key=lambda kv: -len(str(kv[0]))):
        for text in {str(folder), json.dumps(str(folder))[1:-1]}:
            data = data.replace(text.encode(), name.encode())
    return data


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--save", type=Path)
    parser.add_argument("--compare", type=Path)
    parser.add_argument("--generated", type=int, default=500, help="generated articles (default 500)")
    args = parser.parse_args()
    result: dict[str, dict[str, str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        generated = Path(tmp) / "generated"
        write_articles(generated, args.generated, seed=0)
        for name, paths in article_sets(generated).items():
            result[name] = digest(paths, Path(tmp) / "out" / name.replace("/", "_"))
    changed = 0
    before = json.loads(args.compare.read_text()) if args.compare else {}
    for name, files in result.items():
        for file, sha in files.items():
            old = before.get(name, {}).get(file)
            mark = "" if not before else "new" if old is None else "same" if old == sha else "CHANGED"
            changed += mark == "CHANGED"
            print(f"{name:28} {file:14} {sha[:16]} {mark}")
    if args.save:
        args.save.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n")
    return 1 if changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
