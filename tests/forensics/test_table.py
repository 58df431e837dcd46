"""Reading precinct tables: column matching, presets on the real CEC headers, bad rows."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from checker.errors import TableError, UsageError
from checker.forensics.table import (
    Layout,
    load_table,
    match_column,
    read_header,
    resolve_layout,
    resolve_preset,
)

from .conftest import PRESET_OF_YEAR, load_ru, ru_path

HEADER = ["Station", "Registered voters", "Ballots issued early", "Ballots issued today", "Valid", "Invalid"]


@pytest.mark.parametrize(
    ("wanted", "expected"),
    [
        pytest.param("Valid", "Valid", id="exact-beats-prefix-of-invalid"),
        pytest.param("registered", "Registered voters", id="case-insensitive-prefix"),
        pytest.param("Ballots   issued early", "Ballots issued early", id="white-space-collapsed"),
        pytest.param("today", "Ballots issued today", id="unique-substring"),
        pytest.param("Ballots issued", None, id="ambiguous-prefix"),
        pytest.param("turnout", None, id="absent"),
    ],
)
def test_match_column(wanted: str, expected: str | None) -> None:
    assert match_column(HEADER, wanted) == expected


# Expected per year: issued parts, whether a valid column exists, candidates, leader prefix.
PRESET_CASES = {
    "2004": (3, True, 7, "Путин"),
    "2007": (3, True, 11, "10.Всероссийская политическая партия «ЕДИНАЯ РОССИЯ»"),
    "2008": (3, True, 4, "Медведев"),
    "2011": (3, True, 7, '6. Всероссийская политическая партия "ЕДИНАЯ РОССИЯ"'),
    "2012": (3, True, 5, "Путин"),
    "2016": (3, True, 14, '4. Всероссийская политическая партия "ЕДИНАЯ РОССИЯ"'),
    "2018": (3, True, 8, "Путин"),
    "2020": (1, False, 2, "ДА"),
    "2021": (3, True, 14, '5. Всероссийская политическая партия "ЕДИНАЯ РОССИЯ"'),
    "2024": (3, True, 4, "Путин"),
}


@pytest.mark.parametrize("year", sorted(PRESET_CASES))
def test_presets_resolve_every_real_header(year: str) -> None:
    path = ru_path(year)
    layout = resolve_preset(PRESET_OF_YEAR[year], read_header(path), str(path))
    n_issued, has_valid, n_candidates, _ = PRESET_CASES[year]
    assert len(layout.issued) == n_issued
    assert (layout.valid is not None) == has_valid
    assert len(layout.candidates) == n_candidates
    assert "выданных" in layout.issued[0]
    assert layout.registered.startswith("Число")
    # Absentee-certificate columns (2011/2012) must not be taken for counts of ballots.
    assert not any("откреп" in c for c in layout.columns())


@pytest.mark.parametrize("year", ["2012", "2020", "2024"])
def test_real_tables_load_with_the_right_leader(year: str) -> None:
    table = load_ru(year)
    assert table.leader_name.startswith(PRESET_CASES[year][3])
    assert table.skipped_bad == 0
    assert table.n + table.skipped_empty == table.rows_read
    assert 90_000 < table.n < 100_000


def test_2024_rows_without_numbers_are_skipped_and_counted() -> None:
    table = load_ru("2024")
    assert table.skipped_empty == 2268
    assert table.n == 94_214 - 2268


def test_unknown_preset_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown preset 'ru-cec-mayor'; choose one of"):
        resolve_preset("ru-cec-mayor", HEADER)


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _layout(path: Path, **kw: Any) -> Layout:
    opts: dict[str, Any] = {
        "registered": "reg",
        "issued": ["iss"],
        "valid": "ok",
        "invalid": "bad",
        "file": str(path),
    }
    opts.update(kw)
    return resolve_layout(read_header(path), **opts)


def test_missing_column_names_it_and_lists_the_columns(tmp_path: Path) -> None:
    path = _write(tmp_path / "t.csv", "reg,iss,ok,A,B\n100,50,50,30,20\n")
    with pytest.raises(TableError) as info:
        _layout(path)
    assert (
        str(info.value) == f"{path}:1: no invalid column 'bad'; the columns are: 'reg', 'iss', 'ok', 'A', 'B'"
    )


def test_bad_rows_are_reported_skipped_and_counted(tmp_path: Path) -> None:
    text = (
        "uik,reg,iss,ok,bad,A,B\n"
        "1,1000,600,590,10,400,190\n"
        "2,800,-5,0,0,0,0\n"  # negative count
        "3,900,500,480,20,400,200\n"  # 600 votes for 480 valid ballots
        "4,,,,,,\n"  # no numbers at all
        "5,700,4x0,400,0,300,100\n"  # not a number
        "6,1200,700,690,10,300,390\n"
    )
    path = _write(tmp_path / "t.csv", text)
    table = load_table(path, _layout(path))
    assert table.n == 2
    assert (table.skipped_empty, table.skipped_bad) == (1, 3)
    assert [str(p) for p in table.problems] == [
        f"{path}:3: row skipped: a negative count (-5)",
        f"{path}:6: row skipped: '4x0' is not a number",
        f"{path}:4: row skipped: candidates' votes (600) exceed valid ballots (480)",
    ]
    # Without --leader the candidate with the most votes leads.
    assert table.leader_name == "A"
    assert table.registered.tolist() == [1000, 1200]


def test_issued_parts_are_added_and_valid_defaults_to_the_candidates(tmp_path: Path) -> None:
    path = _write(tmp_path / "t.csv", "reg,early,today,A,B\n1000,100,500,350,250\n")
    table = load_table(path, _layout(path, issued=["early", "today"], valid=None, invalid=None, leader="B"))
    assert table.issued.tolist() == [600]
    assert table.valid.tolist() == [600]
    assert table.invalid.tolist() == [0]
    assert table.leader_name == "B"
    assert np.isclose(table.result()[0], 250 / 600)


def test_zip_holding_one_csv_is_read(tmp_path: Path) -> None:
    path = tmp_path / "t.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("inner.csv", "reg,iss,ok,bad,A\n500,250,245,5,200\n")
    assert load_table(path, _layout(path)).n == 1


def test_a_table_with_no_usable_row_raises(tmp_path: Path) -> None:
    path = _write(tmp_path / "t.csv", "reg,iss,ok,bad,A\n,,,,\n")
    with pytest.raises(TableError, match=r"no usable rows \(1 read, 1 without numbers\)"):
        load_table(path, _layout(path))
