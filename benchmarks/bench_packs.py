"""Load time and memory of the bundled packs: ``python -m benchmarks.bench_packs``.

Issue 16's target: loading the bundled packs costs under 0.3 s and 150 MB per process.
Each repetition loads in a fresh process (nothing cached), the bundled tables alone and
with the packs; prints the best and median wall time of the load and the peak RSS, and
what comes later on first use: the first name search (it builds the gazetteer's automaton)
and reading every result row of the packs (binding's entity tables do).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys

CHILD = """
import json, resource, time
t = time.perf_counter()
from checker.reference import load_reference, pack_dirs
imported = time.perf_counter()
ref = load_reference(pack_dirs() if {packs} else [])
done = time.perf_counter()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
ref.gazetteer.find("Labour and the SPD won 25.7% in the 2013 German federal election.")
found = time.perf_counter()
rows = len(ref.results)
print(json.dumps({{"import": imported - t, "load": done - imported, "rss_mb": rss,
    "first_find": found - done, "all_rows": time.perf_counter() - found, "rows": rows,
    "rss_all_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "what": ref.describe()}}))
"""


def measure(packs: bool, repeats: int = 3) -> dict[str, object]:
    runs = [
        json.loads(
            subprocess.run(
                [sys.executable, "-c", CHILD.format(packs=packs)], check=True, capture_output=True, text=True
            ).stdout
        )
        for _ in range(repeats)
    ]
    loads = [r["load"] for r in runs]
    return {
        "packs": packs,
        "best_s": round(min(loads), 3),
        "median_s": round(statistics.median(loads), 3),
        "rss_mb": round(max(r["rss_mb"] for r in runs), 1),
        "first_find_s": round(statistics.median(r["first_find"] for r in runs), 3),
        "all_rows_s": round(statistics.median(r["all_rows"] for r in runs), 3),
        "rss_all_rows_mb": round(max(r["rss_all_mb"] for r in runs), 1),
        "import_s": round(statistics.median(r["import"] for r in runs), 3),
        "what": runs[0]["what"],
    }


def main() -> None:
    for packs in (False, True):
        print(json.dumps(measure(packs)))


if __name__ == "__main__":
    main()
