"""Probe evaluation: false discrepancies and checked rate on text the tool was not tuned on.

Runs `checkfigures check` on each set under tests/data/probes (and, with --corpus, on the
shared corpus), matches findings.json against the set's expected.csv and prints per set:
articles, gold rows, rows passed, false discrepancies, missed discrepancies, checked rate
(of rows marked election_figure=yes) and the discrepancies on claims no gold row covers
(to review by hand).

    .venv/bin/python -m benchmarks.probe_eval                 # every probe set
    .venv/bin/python -m benchmarks.probe_eval --set traps --verbose
    .venv/bin/python -m benchmarks.probe_eval --corpus --json > probes.json
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PROBES = ROOT / "tests" / "data" / "probes"
SHARED = ROOT.parent / "shared"
CHECKED = {"consistent", "discrepancy"}
VERDICTS = {"consistent", "discrepancy", "unverifiable", "not_discrepancy", "ambiguous"}


def nth_span(text: str, needle: str, occurrence: int) -> tuple[int, int] | None:
    """The span of the occurrence-th appearance of needle (overlapping ones count)."""
    start = -1
    for _ in range(occurrence):
        start = text.find(needle, start + 1)
        if start < 0:
            return None
    return start, start + len(needle)


def article_matches(article_id: str, file: str) -> bool:
    """True when a findings.json article id names this gold file (with or without suffix)."""
    stem = Path(file).stem
    tail = article_id.rsplit("/", 1)[-1]
    return tail in (file, stem)


@dataclass
class RowResult:
    file: str
    text: str
    want: str
    got: list[str]
    passed: bool
    election_figure: bool
    checked: bool
    false_discrepancy: bool
    missed_discrepancy: bool
    claim: bool


@dataclass
class SetResult:
    name: str
    articles: int = 0
    rows: int = 0
    passed: int = 0
    false_discrepancies: int = 0
    missed_discrepancies: int = 0
    election_rows: int = 0
    election_checked: int = 0
    unlabelled_discrepancies: list[dict[str, str]] = field(default_factory=list)
    details: list[RowResult] = field(default_factory=list)

    @property
    def checked_rate(self) -> float:
        return self.election_checked / self.election_rows if self.election_rows else 0.0

    @property
    def pass_rate(self) -> float:
        return self.passed / self.rows if self.rows else 0.0

    def summary(self) -> dict[str, Any]:
        out = {k: v for k, v in asdict(self).items() if k != "details"}
        out["checked_rate"] = round(self.checked_rate, 4)
        out["pass_rate"] = round(self.pass_rate, 4)
        return out


def read_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8").replace("\r\n", "\n")


CHECK_FLAGS: list[str] = []  # extra flags for every ``check`` run (``--packs``)


def run_check(folder: Path, out: Path) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "checker", "check", str(folder), "--out", str(out), "--quiet"]
    cmd += ["--format", "json", "--fail-on", "never", *CHECK_FLAGS]
    subprocess.run(cmd, check=True, cwd=ROOT)
    data: dict[str, Any] = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    return data


def claims_for(claims: list[dict[str, Any]], file: str, span: tuple[int, int] | None, text: str) -> set[str]:
    """Ids of the file's claims overlapping the span (or, without texts, containing the text)."""
    mine = [c for c in claims if article_matches(str(c.get("article", "")), file)]
    if span is not None:
        lo, hi = span
        return {str(c["id"]) for c in mine if int(str(c["start"])) < hi and lo < int(str(c["end"]))}
    return {
        str(c["id"]) for c in mine if c.get("text") and (str(c["text"]) in text or text in str(c["text"]))
    }


def judge(want: str, verdicts: set[str], has_claim: bool) -> bool:
    if want == "not_discrepancy":
        return has_claim and "discrepancy" not in verdicts
    if want == "unverifiable":
        return has_claim and not verdicts & CHECKED
    if want in CHECKED:
        other = "consistent" if want == "discrepancy" else "discrepancy"
        return want in verdicts and other not in verdicts
    return want in verdicts


def evaluate(
    name: str, data: dict[str, Any], rows: Iterable[dict[str, str]], texts: dict[str, str] | None
) -> SetResult:
    claims = [c for c in data.get("claims", []) if isinstance(c, dict)]
    findings = [f for f in data.get("findings", []) if isinstance(f, dict)]
    by_claim: dict[str, list[dict[str, Any]]] = {}
    for finding in findings:
        for cid in finding.get("claims", []):
            by_claim.setdefault(str(cid), []).append(finding)
    result = SetResult(name, articles=len(data.get("articles", [])))
    covered: set[str] = set()
    for row in rows:
        file, text, want = row["file"], row["text"], row["verdict"]
        span = nth_span(texts[file], text, int(row["occurrence"])) if texts is not None else None
        ids = claims_for(claims, file, span, text)
        covered |= ids
        hits = [f for cid in ids for f in by_claim.get(cid, []) if row["check"] in ("any", f.get("check"))]
        verdicts = {str(f.get("verdict")) for f in hits}
        elect = row.get("election_figure", "yes" if want in CHECKED else "no") == "yes"
        res = RowResult(
            file=file,
            text=text,
            want=want,
            got=sorted(verdicts) or (["nothing"] if ids else ["no claim"]),
            passed=judge(want, verdicts, bool(ids)),
            election_figure=elect,
            checked=bool(verdicts & CHECKED),
            false_discrepancy=want != "discrepancy" and "discrepancy" in verdicts,
            missed_discrepancy=want == "discrepancy" and "discrepancy" not in verdicts,
            claim=bool(ids),
        )
        result.rows += 1
        result.passed += res.passed
        result.false_discrepancies += res.false_discrepancy
        result.missed_discrepancies += res.missed_discrepancy
        result.election_rows += elect
        result.election_checked += elect and res.checked
        result.details.append(res)
    claim_by_id = {str(c["id"]): c for c in claims}
    seen: set[str] = set()
    for finding in findings:
        if finding.get("verdict") != "discrepancy":
            continue
        for cid in finding.get("claims", []):
            cid = str(cid)
            if cid in covered or cid in seen or cid not in claim_by_id:
                continue
            seen.add(cid)
            claim = claim_by_id[cid]
            result.unlabelled_discrepancies.append(
                {
                    "article": str(claim.get("article")),
                    "text": str(claim.get("text")),
                    "check": str(finding.get("check")),
                    "message": str(finding.get("message")),
                }
            )
    return result


def probe_sets(only: list[str] | None) -> list[Path]:
    sets = sorted(p for p in PROBES.iterdir() if (p / "expected.csv").is_file())
    return [p for p in sets if not only or p.name in only]


def run_set(folder: Path, gold: Path, with_texts: bool, name: str = "") -> SetResult:
    with tempfile.TemporaryDirectory() as tmp:
        data = run_check(folder, Path(tmp))
    rows = list(csv.DictReader(gold.open(encoding="utf-8")))
    texts = {r["file"]: read_text(folder / r["file"]) for r in rows} if with_texts else None
    return evaluate(name or folder.name, data, rows, texts)


def print_set(res: SetResult, verbose: bool) -> None:
    print(f"== {res.name}: {res.articles} articles, {res.rows} gold rows")
    print(f"   passed {res.passed}/{res.rows} ({res.pass_rate:.1%})")
    print(f"   false discrepancies (gold rows): {res.false_discrepancies}")
    print(f"   unlabelled discrepancies: {len(res.unlabelled_discrepancies)}")
    print(f"   missed discrepancies: {res.missed_discrepancies}")
    print(f"   checked rate: {res.election_checked}/{res.election_rows} ({res.checked_rate:.1%})")
    for row in res.details:
        if row.false_discrepancy:
            print(f"   FALSE DISCREPANCY {row.file} {row.text!r} want {row.want}")
    for item in res.unlabelled_discrepancies:
        print(f"   UNLABELLED {item['article']} {item['text']!r} [{item['check']}] {item['message'][:140]}")
    if verbose:
        for row in res.details:
            if not row.passed and not row.false_discrepancy:
                print(f"   FAIL {row.file} {row.text!r} want {row.want}, got {row.got}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--set", action="append", help="only this probe set (repeatable)")
    ap.add_argument("--corpus", action="store_true", help="also the shared corpus (../shared/corpus)")
    ap.add_argument("--json", action="store_true", help="print JSON instead of text")
    ap.add_argument("--verbose", action="store_true", help="list every failing gold row")
    ap.add_argument(
        "--gate",
        type=Path,
        metavar="FILE",
        help="exit 1 when a set has more false discrepancies, or a lower checked or pass rate, "
        "than FILE allows (JSON: set -> {false_discrepancies, unlabelled, checked_rate, pass_rate})",
    )
    ap.add_argument("--save-gate", type=Path, metavar="FILE", help="write this run's numbers as the gate")
    ap.add_argument("--packs", action="store_true", help="check with the bundled packs too")
    args = ap.parse_args(argv)
    CHECK_FLAGS[:] = ["--packs"] if args.packs else []
    results = [run_set(folder, folder / "expected.csv", True) for folder in probe_sets(args.set)]
    corpus = SHARED / "corpus"
    if args.corpus and (corpus / "expected_findings.csv").is_file():
        # The corpus gold file has no occurrence-safe texts for every row; match by claim text.
        results.append(run_set(corpus / "articles", corpus / "expected_findings.csv", False, "corpus"))
    if args.json:
        print(json.dumps({r.name: r.summary() for r in results}, indent=2, ensure_ascii=False))
    else:
        for res in results:
            print_set(res, args.verbose)
    if args.save_gate is not None:
        args.save_gate.write_text(
            json.dumps(gate_of(results), indent=1, sort_keys=True) + "\n", encoding="utf-8"
        )
    if args.gate is None:
        return 0
    problems = gate_problems(results, json.loads(args.gate.read_text(encoding="utf-8")))
    for line in problems:
        print(f"GATE {line}", file=sys.stderr)
    return 1 if problems else 0


def gate_of(results: list[SetResult]) -> dict[str, dict[str, float]]:
    """This run's numbers as limits (rates rounded down a little, so the same run passes)."""
    return {
        r.name: {
            "false_discrepancies": r.false_discrepancies,
            "unlabelled": len(r.unlabelled_discrepancies),
            "checked_rate": math.floor(r.checked_rate * 1000 - 1) / 1000,
            "pass_rate": math.floor(r.pass_rate * 1000 - 1) / 1000,
        }
        for r in results
    }


def gate_problems(results: list[SetResult], limits: dict[str, dict[str, float]]) -> list[str]:
    """What got worse than the committed limits: false discrepancies (gold rows and
    unlabelled) above their ceiling, checked and pass rates below their floor.

    >>> r = SetResult("s", rows=10, passed=9, false_discrepancies=1, election_rows=4, election_checked=3)
    >>> gate_problems([r], {"s": {"false_discrepancies": 0, "checked_rate": 0.8, "pass_rate": 0.9}})
    ['s: 1 false discrepancies, at most 0', 's: checked rate 75.0%, at least 80.0%']
    """
    problems = []
    for res in results:
        limit = limits.get(res.name)
        if limit is None:
            continue
        if res.false_discrepancies > limit.get("false_discrepancies", 0):
            problems.append(
                f"{res.name}: {res.false_discrepancies} false discrepancies, "
                f"at most {limit.get('false_discrepancies', 0):.0f}"
            )
        unlabelled = len(res.unlabelled_discrepancies)
        if unlabelled > limit.get("unlabelled", 0):
            problems.append(
                f"{res.name}: {unlabelled} unlabelled discrepancies, at most {limit['unlabelled']:.0f}"
            )
        if res.checked_rate < limit.get("checked_rate", 0.0):
            problems.append(
                f"{res.name}: checked rate {res.checked_rate:.1%}, at least {limit['checked_rate']:.1%}"
            )
        if res.pass_rate < limit.get("pass_rate", 0.0):
            problems.append(f"{res.name}: pass rate {res.pass_rate:.1%}, at least {limit['pass_rate']:.1%}")
    return problems


if __name__ == "__main__":
    sys.exit(main())
