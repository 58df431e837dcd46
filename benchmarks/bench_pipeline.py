"""End-to-end speed, parallel speed-up, peak memory and report cost of ``checkfigures``.

Run from the repository root::

    .venv/bin/python -m benchmarks.bench_pipeline                     # 1k, 10k, 100k articles
    .venv/bin/python -m benchmarks.bench_pipeline --sizes 1000 10000  # skip the long one
    .venv/bin/python -m benchmarks.bench_pipeline --quick             # 200 and 1000 articles

For every size it writes that many generated articles (``benchmarks.corpus``, one ``.txt``
each plus a sidecar ``articles.csv``; reused between runs) and measures, each in a fresh
process:

* ``checkfigures extract DIR --format jsonl`` (extraction alone, output discarded);
* ``checkfigures check DIR --format json --format csv --jobs J`` for each J in ``--jobs``;
* for the sizes in ``--report-sizes``: the time of ``write_report`` with every part (PDF,
  PNG figures, Markdown, JSON, CSV) after ``run_check``, and the size of ``report.pdf``.

Peak memory is ``ru_maxrss`` of the measured process (``RUSAGE_CHILDREN`` of a wrapper
that runs only it: the largest single process, workers included) and, when psutil is
installed, the peak of the summed RSS of the whole process tree (sampled every 0.1 s).
Prints a table and writes ``benchmarks/out/bench_pipeline.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.corpus import MB, write_articles

OUT = Path(__file__).resolve().parent / "out"
CLI = [sys.executable, "-m", "checker"]

# Runs one command and writes its rusage to a file: RUSAGE_CHILDREN of a process that has
# waited for nothing else is exactly the measured command (and the workers it waited for).
# An address-space cap (--max-gb) turns a runaway run into a MemoryError instead of
# pushing the machine into swap or the OOM killer.
WRAPPER = """
import json, resource, subprocess, sys, time
out, cap, cmd = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
def limit():
    if cap:
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
start = time.perf_counter()
rc = subprocess.run(cmd, stdout=subprocess.DEVNULL, preexec_fn=limit).returncode
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(out, "w") as f:
    json.dump({"rc": rc, "seconds": seconds, "max_rss_kb": usage.ru_maxrss,
               "cpu_seconds": usage.ru_utime + usage.ru_stime}, f)
"""

# The report child: check in-process, then time the report writer alone.
REPORT_CHILD = """
import json, sys, time
from pathlib import Path
from checker.pipeline import run_check
from checker.report import write_report
src, out, jobs, result_file = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
start = time.perf_counter()
result = run_check([src], jobs=jobs)
checked = time.perf_counter() - start
start = time.perf_counter()
written = write_report(result, out, parts={"json", "csv", "md", "png", "pdf"})
seconds = time.perf_counter() - start
pdf = out / "report.pdf"
with open(result_file, "w") as f:
    json.dump({"check_seconds": checked, "report_seconds": seconds, "files": len(written),
               "pdf_bytes": pdf.stat().st_size if pdf.exists() else None,
               "claims": len(result.claims), "findings": len(result.findings)}, f)
"""


def tree_rss(pid: int) -> int:
    """Summed RSS in bytes of a process and its descendants (0 without psutil)."""
    try:
        import psutil
    except ImportError:
        return 0
    try:
        proc = psutil.Process(pid)
        procs = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            continue
    return total


def measure(cmd: Sequence[str], max_bytes: int = 0) -> dict[str, Any]:
    """Run ``cmd`` in a fresh wrapper; wall time, CPU time, peak RSS (single and tree).

    A failed run (non-zero exit, e.g. MemoryError under the cap) has ``error`` set.
    """
    with tempfile.TemporaryDirectory() as tmp:
        result_file = Path(tmp) / "usage.json"
        err_file = Path(tmp) / "stderr.txt"
        wrapped = [sys.executable, "-c", WRAPPER, str(result_file), str(max_bytes), *cmd]
        with err_file.open("wb") as err:  # a file, not a pipe: a chatty run cannot block on it
            proc = subprocess.Popen(wrapped, stderr=err)
            peak = 0
            while proc.poll() is None:
                peak = max(peak, tree_rss(proc.pid))
                time.sleep(0.1)
        stderr = err_file.read_text(errors="replace")
        if not result_file.exists():
            raise RuntimeError(f"measurement of {' '.join(cmd)} failed:\n{stderr[-2000:]}")
        usage: dict[str, Any] = json.loads(result_file.read_text())
    usage["tree_peak_mb"] = peak / MB if peak else None
    usage["max_rss_mb"] = usage.pop("max_rss_kb") * 1024 / MB
    # every command is run so that success is 0 (check with --fail-on never); 1 is also
    # what Python exits with on a traceback, so it must not pass as "discrepancies found"
    if usage["rc"] != 0:
        last = stderr.strip().splitlines()[-1:] or [f"exit code {usage['rc']}"]
        usage["error"] = "out of memory" if "MemoryError" in stderr else last[0]
        print(f"    FAILED: {usage['error']}", flush=True)
    return usage


def dataset(root: Path, n: int, seed: int) -> tuple[Path, float]:
    """The folder of ``n`` generated articles (written once, reused) and its size in MB."""
    folder = root / f"articles-{n}-seed{seed}"
    marker = folder / ".complete"
    if not marker.exists():
        print(f"  writing {n} articles to {folder} ...", flush=True)
        write_articles(folder, n, seed)
        marker.write_text("ok\n")
    size = sum(p.stat().st_size for p in folder.glob("*.txt"))
    return folder, size / MB


def run_size(n: int, args: argparse.Namespace) -> dict[str, Any]:
    folder, mb = dataset(args.data, n, args.seed)
    row: dict[str, Any] = {"articles": n, "mb": mb}
    cap = int(args.max_gb * 1e9)
    with tempfile.TemporaryDirectory(dir=args.data) as tmp:
        print(f"  extract ({n} articles, {mb:.1f} MB) ...", flush=True)
        row["extract"] = measure([*CLI, "extract", str(folder), "--format", "jsonl"], cap)
        for jobs in args.jobs:
            print(f"  check --jobs {jobs} ...", flush=True)
            out = Path(tmp) / f"check-j{jobs}"
            cmd = [*CLI, "check", str(folder), "--out", str(out), "--format", "json", "--format", "csv"]
            usage = measure([*cmd, "--jobs", str(jobs), "--quiet", "--fail-on", "never"], cap)
            row[f"check_j{jobs}"] = usage
            if "error" in usage:
                return row  # the other runs of this size would fail the same way
            usage["findings_json_mb"] = (out / "findings.json").stat().st_size / MB
        if n in args.report_sizes:
            print("  report (all parts, PDF included) ...", flush=True)
            result_file = Path(tmp) / "report.json"
            out = Path(tmp) / "report"
            child = [
                sys.executable,
                "-c",
                REPORT_CHILD,
                str(folder),
                str(out),
                str(max(args.jobs)),
                str(result_file),
            ]
            usage = measure(child, cap)
            row["report"] = usage if "error" in usage else {**usage, **json.loads(result_file.read_text())}
    return row


def fmt(value: float | None, spec: str) -> str:
    return "-" if value is None else format(value, spec)


def table(rows: Sequence[dict[str, Any]], jobs: Sequence[int]) -> str:
    head = f"{'articles':>8} {'MB':>7} {'extract MB/s':>12}"
    for j in jobs:
        head += f" {f'j{j} s':>8} {f'j{j} MB/s':>8} {f'j{j} RSS MB':>10}"
    head += f" {'speed-up':>8} {'report s':>8} {'PDF KB':>8}"
    lines = [head]
    for r in rows:
        line = f"{r['articles']:8d} {r['mb']:7.1f} {r['mb'] / r['extract']['seconds']:12.2f}"
        for j in jobs:
            c = r.get(f"check_j{j}")
            if c is None or "error" in c:
                line += f" {'FAIL' if c else '-':>8} {'-':>8} {'-':>10}"
                continue
            rss = c["tree_peak_mb"] or c["max_rss_mb"]
            line += f" {c['seconds']:8.1f} {r['mb'] / c['seconds']:8.2f} {rss:10.0f}"
        speedup = r.get("speedup")
        report = r.get("report") or {}
        pdf_kb = report["pdf_bytes"] / 1000 if report.get("pdf_bytes") else None
        line += f" {fmt(speedup, '8.2f')} {fmt(report.get('report_seconds'), '8.1f')} {fmt(pdf_kb, '8.0f')}"
        lines.append(line)
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000], help="article counts")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="--jobs values to compare")
    ap.add_argument(
        "--report-sizes", type=int, nargs="*", default=[1000, 10000], help="sizes to build a PDF for"
    )
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--max-gb", type=float, default=8.0, help="address-space cap per run (0: none)")
    ap.add_argument("--data", type=Path, default=OUT / "data", help="where generated articles are kept")
    ap.add_argument("--quick", action="store_true", help="200 and 1000 articles, PDF at 200")
    ap.add_argument("--out", type=Path, default=OUT / "bench_pipeline.json")
    args = ap.parse_args(argv)
    if args.quick:
        args.sizes, args.report_sizes = [200, 1000], [200]
    args.data.mkdir(parents=True, exist_ok=True)

    rows = []
    for n in args.sizes:
        print(f"{n} articles:", flush=True)
        row = run_size(n, args)
        first, last = min(args.jobs), max(args.jobs)
        if first != last and all("error" not in row.get(f"check_j{j}", {"error": 1}) for j in (first, last)):
            row["speedup"] = row[f"check_j{first}"]["seconds"] / row[f"check_j{last}"]["seconds"]
        rows.append(row)
    print()
    print(table(rows, args.jobs))
    print("RSS: peak of the whole process tree (psutil) when available, else the largest process.")
    report = {
        "environment": {"python": sys.version.split()[0], "cpu_count": os.cpu_count()},
        "args": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
        "rows": rows,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
