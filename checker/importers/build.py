"""Regenerate the bundled packs from the raw datasets: ``python -m checker.importers.build``.

Reads ``../shared/data/reference-sources/`` (or ``--sources DIR``) and writes
``checker/data/packs/parlgov/`` and ``checker/data/packs/medsl/``, each with its validated
``index.json`` (what ``load_reference`` reads at run time instead of parsing the CSV files);
the packs are committed, and ``tests/test_importers.py`` checks that they equal what this
produces.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
from pathlib import Path

from checker.importers.common import ImportReport
from checker.importers.medsl import import_medsl
from checker.importers.parlgov import import_parlgov
from checker.reference import PACKS_DIR, write_pack_index

__all__ = ["RETRIEVED", "SOURCES", "build_packs"]

log = logging.getLogger(__name__)

SOURCES = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "reference-sources"
# When the raw copies in reference-sources/ were taken (their SHA256SUMS pin the bytes).
RETRIEVED = dt.date(2026, 12, 4)


def build_packs(sources: Path = SOURCES, packs: Path = PACKS_DIR) -> dict[str, ImportReport]:
    """Convert the raw ParlGov and MEDSL copies into ``packs/parlgov`` and ``packs/medsl``,
    then validate each pack and write its index (what loading reads instead of the CSVs)."""
    reports = {
        "parlgov": import_parlgov(sources / "parlgov", packs / "parlgov", retrieved=RETRIEVED),
        "medsl": import_medsl(
            sources / "medsl" / "1976-2020-president.csv", packs / "medsl", retrieved=RETRIEVED
        ),
    }
    for name in reports:
        write_pack_index(packs / name)
    return reports


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=SOURCES)
    parser.add_argument("--out", type=Path, default=PACKS_DIR)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    for name, report in build_packs(args.sources, args.out).items():
        log.info("%s: %s", name, report.summary())
        for problem in report.problems:
            log.info("  %s", problem)


if __name__ == "__main__":
    main()
