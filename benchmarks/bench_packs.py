"""Load time and memory of the bundled packs: ``python -m benchmarks.bench_packs``.

Issue 16's target: loading the bundled packs costs under 0.3 s and 150 MB per process.
Each repetition loads in a fresh process (nothing cached), the bundled tables alone and
with the packs; prints the best and median wall time and the peak RSS.
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
print(json.dumps({{"import": imported - t, "load": done - imported, "rss_mb":
    resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "what": ref.describe()}}))
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
        "what": runs[0]["what"],
    }


def main() -> None:
    for packs in (False, True):
        print(json.dumps(measure(packs)))


if __name__ == "__main__":
    main()
