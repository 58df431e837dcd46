"""Shared fixtures: the real precinct data in ../shared and small synthetic tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.forensics.table import PrecinctTable, load_table, read_header, resolve_preset

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
RU = SHARED / "data" / "ru-precincts"

PRESET_OF_YEAR = {
    "2004": "ru-cec-presidential",
    "2007": "ru-cec-duma",
    "2008": "ru-cec-presidential",
    "2011": "ru-cec-duma",
    "2012": "ru-cec-presidential",
    "2016": "ru-cec-duma",
    "2018": "ru-cec-presidential",
    "2020": "ru-cec-2020-vote",
    "2021": "ru-cec-duma",
    "2024": "ru-cec-presidential",
}


def ru_path(year: str) -> Path:
    path = RU / f"{year}.csv.zip"
    if not path.is_file():
        pytest.fail(f"missing shared precinct data {path}: ../shared must sit beside the repository")
    return path


def load_ru(year: str) -> PrecinctTable:
    path = ru_path(year)
    return load_table(path, resolve_preset(PRESET_OF_YEAR[year], read_header(path), str(path)))
