"""Reference faults: every schema violation is reported as ``file:line: message``, and a
broken user table stops ``checkfigures check`` (exit 3) before any article is read.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker import pipeline
from checker.cli import app
from checker.errors import ReferenceDataError
from checker.reference import load_reference

from .conftest import write_good

PEOPLE = "name,born,died,source_url,note\n"
ELECTIONS = "election_id,name,kind,country,start_date,end_date,result_date,names,source_url,note\n"
RESULTS = (
    "election_id,region,option,option_label,stage,counted_pct,as_of,share_pct,share_basis,"
    "turnout_pct,votes,registered,claimed_by,source_url,note\n"
)
EVENTS = "event_id,description,date,election_id,entities,source_url\n"
ALIASES = "canonical,alias,type,match,source_url\n"
SRC = "https://example.org/src"

# (id, table file, content, expected "line: message" problems, in order)
VIOLATIONS: list[tuple[str, str, str, list[str]]] = [
    (
        "bad-date",
        "people.csv",
        f"{PEOPLE}Ann Roe,1950-02-30,,{SRC},\n",
        ["2: column 'born': '1950-02-30' is not a date (use YYYY-MM-DD)"],
    ),
    (
        "no-source",
        "people.csv",
        f"{PEOPLE}Ann Roe,1950-02-03,,,\n",
        ["2: row has no source_url; every fact needs its source"],
    ),
    (
        "died-before-born",
        "people.csv",
        f"{PEOPLE}Ann Roe,1950-02-03,1940-01-01,{SRC},\n",
        ["2: died 1940-01-01 is before born 1950-02-03"],
    ),
    ("empty-key", "people.csv", f"{PEOPLE},1950-02-03,,{SRC},\n", ["2: column 'name' is empty"]),
    (
        "duplicate-key",
        "people.csv",
        f"{PEOPLE}Ann Roe,1950-02-03,,{SRC},\nAnn Roe,1951-02-03,,{SRC},\n",
        ["3: duplicate key name=Ann Roe (first on line 2)"],
    ),
    ("unknown-column", "people.csv", "name,born,shoe_size,source_url\n", ["1: unknown column 'shoe_size'"]),
    ("missing-column", "people.csv", "name,source_url\n", ["1: missing required column 'born'"]),
    (
        "too-many-fields",
        "people.csv",
        f"{PEOPLE}Ann Roe,1950-02-03,,{SRC},,extra\n",
        ["2: row has 6 fields, the header has 5"],
    ),
    ("not-utf8", "people.csv", "", ["2: not UTF-8 (byte 0xe9 cannot be decoded); save the file as UTF-8"]),
    (
        "bad-enum",
        "elections.csv",
        f"{ELECTIONS}x_2020,X vote,coronation,X,2020-01-01,2020-01-02,,,{SRC},\n",
        ["2: column 'kind': 'coronation' is not one of"],
    ),
    (
        "end-before-start",
        "elections.csv",
        f"{ELECTIONS}x_2020,X vote,presidential,X,2020-01-05,2020-01-02,,,{SRC},\n",
        ["2: end_date 2020-01-02 is before start_date 2020-01-05"],
    ),
    (
        "share-over-100",
        "results.csv",
        f"{RESULTS}ru_pres_2024,Russia,Ann Roe,,final,,,101,,,,,,{SRC},\n",
        ["2: column 'share_pct': 101 is outside 0-100"],
    ),
    (
        "share-not-number",
        "results.csv",
        f"{RESULTS}ru_pres_2024,Russia,Ann Roe,,final,,,lots,,,,,,{SRC},\n",
        ["2: column 'share_pct': 'lots' is not a number"],
    ),
    (
        "votes-with-separators",
        "results.csv",
        f'{RESULTS}ru_pres_2024,Russia,Ann Roe,,final,,,,,,"1,000",,,{SRC},\n',
        ["2: column 'votes': '1,000' is not a whole number"],
    ),
    (
        "no-figure",
        "results.csv",
        f"{RESULTS}ru_pres_2024,Russia,Ann Roe,,final,,,,,,,,,{SRC},\n",
        ["2: row has no figure"],
    ),
    (
        "unknown-election",
        "results.csv",
        f"{RESULTS}nowhere_1999,Russia,Ann Roe,,final,,,50,,,,,,{SRC},\n",
        ["2: unknown election_id 'nowhere_1999': not in elections.csv"],
    ),
    (
        "shares-over-100",
        "results.csv",
        f"{RESULTS}ru_pres_2024,Atlantis,A,,final,,,60,,,,,,{SRC},\nru_pres_2024,Atlantis,B,,final,,,50,,,,,,{SRC},\n",
        ["2: option shares of ru_pres_2024 / Atlantis (final, ballots basis) sum to 110%"],
    ),
    (
        "event-bad-date",
        "events.csv",
        f"{EVENTS}e1,Something,yesterday,,,{SRC}\n",
        ["2: column 'date': 'yesterday' is not a date"],
    ),
    (
        "alias-bad-type",
        "aliases.csv",
        f"{ALIASES}Ann Roe,A. Roe,planet,,\n",
        ["2: column 'type': 'planet' is not one of"],
    ),
    ("empty-file", "people.csv", "", ["empty file; it needs at least the header line"]),
    (
        "several-in-one-file",
        "people.csv",
        f"{PEOPLE}Ann Roe,1950-02-30,,,\n\nBo Lee,nope,,{SRC},\n",
        [
            "2: column 'born': '1950-02-30' is not a date (use YYYY-MM-DD)",
            "2: row has no source_url; every fact needs its source",
            "4: column 'born': 'nope' is not a date (use YYYY-MM-DD)",
        ],
    ),
]


def _write_table(folder: Path, case: str, name: str, content: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if case == "not-utf8":
        path.write_bytes(PEOPLE.encode() + "Zoé Roe,1950-02-03,,https://example.org,\n".encode("cp1252"))
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize(("case", "name", "content", "expected"), VIOLATIONS, ids=[v[0] for v in VIOLATIONS])
def test_every_schema_violation_is_reported_with_file_and_line(
    tmp_path: Path, case: str, name: str, content: str, expected: list[str]
) -> None:
    path = _write_table(tmp_path / "ref", case, name, content)
    with pytest.raises(ReferenceDataError) as err:
        load_reference([tmp_path / "ref"])
    mine = [p for p in err.value.problems if p.file == str(path)]
    shown = [str(p) for p in mine]
    assert len(shown) == len(expected), shown
    for line, want in zip(shown, expected, strict=True):
        # file:line: message, or file: message when the problem is the whole file
        assert line.startswith(f"{path}:"), line
        assert want in line, (want, line)
        if want[0].isdigit():
            assert line.startswith(f"{path}:{want.split(':')[0]}: "), line
    assert all(p.line is None or p.line >= 1 for p in mine)
    # The message the CLI prints lists each problem on its own line.
    for line in shown:
        assert f"  {line}" in str(err.value).splitlines()


def test_csv_parser_error_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    ref = tmp_path / "ref"
    ref.mkdir()
    (ref / "people.csv").write_text(f"{PEOPLE}Ann Roe,1950-02-03,,{SRC},{'n' * 200_000}\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError) as err:
        load_reference([ref])
    assert f"{ref / 'people.csv'}:2: " in str(err.value)


def test_broken_user_table_stops_check_before_any_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ref = tmp_path / "ref"
    path = _write_table(ref, "bad-date", "people.csv", f"{PEOPLE}Ann Roe,1950-02-30,,{SRC},\n")
    articles = write_good(tmp_path / "articles")
    out = tmp_path / "out"
    read: list[object] = []

    def spy(*args: object, **kwargs: object) -> object:
        read.append(args)
        raise AssertionError("an article was read before the reference data was validated")

    monkeypatch.setattr(pipeline, "iter_articles", spy)
    result = CliRunner().invoke(app, ["check", str(articles), "--reference", str(ref), "--out", str(out)])
    assert result.exit_code == 3, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Error: reference data has 1 problem(s); fix them or leave the table out:"
    assert lines[1] == f"  {path}:2: column 'born': '1950-02-30' is not a date (use YYYY-MM-DD)"
    assert read == []
    assert not (out / "findings.json").exists()
    assert not out.exists()


def test_missing_reference_folder_is_exit_3(tmp_path: Path) -> None:
    articles = write_good(tmp_path / "articles")
    missing = tmp_path / "nope"
    result = CliRunner().invoke(
        app, ["check", str(articles), "--reference", str(missing), "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 3
    assert f"  {missing}: no such folder; pass a folder of reference CSV tables" in result.output.splitlines()
    assert not (tmp_path / "o").exists()
