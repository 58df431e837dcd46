"""Figures (asserted on the Figure) and the ``forensics`` command (exit codes, files, messages)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import typer
from matplotlib.patches import Rectangle
from typer.testing import CliRunner

from checker.forensics.command import forensics
from checker.forensics.digits import check_second_digit
from checker.forensics.fingerprint import check_fingerprint
from checker.forensics.integer import check_integer_excess
from checker.forensics.plots import plot_digits, plot_fingerprint, plot_integer_excess
from checker.forensics.synthetic import generate_election, synthetic_table, write_synthetic_csv

app = typer.Typer()
app.command()(forensics)
runner = CliRunner()


def test_plot_integer_excess_marks_the_observed_excess() -> None:
    res = check_integer_excess(synthetic_table(2000, seed=1, rounding=0.1), replicates=40)
    fig = plot_integer_excess(res, "t.csv")
    ax = fig.axes[0]
    assert ax.get_ylabel() == "Simulations"
    assert "t.csv" in ax.get_title()
    observed_line = ax.get_lines()[0]
    assert np.asarray(observed_line.get_xdata())[0] == pytest.approx(res.excess)


def test_plot_fingerprint_has_grid_and_fine_marginals() -> None:
    fp = check_fingerprint(synthetic_table(2000, seed=1))
    fig = plot_fingerprint(fp)
    main, top, side, bar = fig.axes
    assert main.get_xlabel() == "Turnout, %" and main.get_ylabel() == "Alder result, %"
    assert "log" in bar.get_ylabel()
    assert np.asarray(top.get_lines()[0].get_xdata()).size == 1000  # 0.1-point bins
    assert np.asarray(main.get_images()[0].get_array()).shape == (100, 100)
    assert side.get_xlabel() == "Stations"


def test_plot_digits_bars_are_observed_shares() -> None:
    res = check_second_digit(np.arange(10, 5000), "A")
    ax = plot_digits(res).axes[0]
    heights = [p.get_height() for p in ax.patches if isinstance(p, Rectangle)]
    assert sum(heights[:10]) == pytest.approx(1.0)
    assert ax.get_xlabel() == "Second digit of A"


@pytest.fixture(scope="module")
def tables(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tables")
    write_synthetic_csv(generate_election(1500, seed=1), folder / "honest.csv")
    write_synthetic_csv(generate_election(1500, seed=2, rounding=0.2), folder / "rounded.csv")
    (folder / "broken.csv").write_text("registered,issued_early,A\n100,50,20\n", encoding="utf-8")
    return folder


def test_command_writes_every_file_and_exits_0(tables: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = [str(tables / "honest.csv"), str(tables / "rounded.csv"), "--preset", "synthetic"]
    result = runner.invoke(app, [*args, "--out", str(out), "--replicates", "100"])
    assert result.exit_code == 0, result.output
    record = json.loads((out / "forensics.json").read_text(encoding="utf-8"))
    assert [t["name"] for t in record["tables"]] == ["honest.csv", "rounded.csv"]
    tests = {t["test"]: t for t in record["tables"][1]["tests"]}
    assert set(tests) == {"integer_excess", "fingerprint", "second_digit", "last_digit"}
    assert tests["integer_excess"]["p_value"] < 0.02
    assert tests["second_digit"]["df"] == 9
    rows = (out / "forensics.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) == 1 + 2 * 4
    assert (out / "forensics.pdf").read_bytes().startswith(b"%PDF")
    assert len(list((out / "figures").glob("*.png"))) == 8
    # Deterministic: a second run gives the same bytes.
    again = tmp_path / "again"
    runner.invoke(app, [*args, "--out", str(again), "--replicates", "100"])
    for name in ("forensics.json", "forensics.csv", "forensics.pdf"):
        assert (out / name).read_bytes() == (again / name).read_bytes(), name


def test_unusable_table_exits_3_and_the_others_are_still_screened(tables: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    broken = tables / "broken.csv"
    result = runner.invoke(
        app,
        [
            str(broken),
            str(tables / "honest.csv"),
            "--preset",
            "synthetic",
            "-o",
            str(out),
            "--replicates",
            "20",
        ],
    )
    assert result.exit_code == 3
    assert (
        f"Error: {broken}:1: no issued column 'issued_station'; "
        "the columns are: 'registered', 'issued_early', 'A'" in result.output
    )
    record = json.loads((out / "forensics.json").read_text(encoding="utf-8"))
    assert [t["name"] for t in record["tables"]] == ["honest.csv"]
    assert record["errors"][0]["path"] == str(broken)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(
            ["--preset", "nope"], "Error: unknown preset 'nope'; choose one of", id="unknown-preset"
        ),
        pytest.param([], "Error: give --preset NAME or the columns", id="no-layout"),
        pytest.param(
            ["--preset", "synthetic", "--registered", "r"], "Error: give either --preset", id="both"
        ),
        pytest.param(
            ["--preset", "synthetic", "--replicates", "0"], "Error: --replicates must be", id="replicates"
        ),
    ],
)
def test_usage_errors_exit_2(tables: Path, tmp_path: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, [str(tables / "honest.csv"), "-o", str(tmp_path), *args])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_column_options_and_bad_row_warnings(tmp_path: Path) -> None:
    table = tmp_path / "mine.csv"
    table.write_text(
        "id,voters,ballots,spoilt,Ann,Bob\n1,1000,600,5,300,295\n2,900,500,0,450,-1\n3,1100,700,10,390,300\n",
        encoding="utf-8",
    )
    result = runner.invoke(
        app,
        [
            *(str(table), "--registered", "voters", "--issued", "ballots", "--invalid", "spoilt"),
            *("--candidate", "Ann", "--candidate", "Bob", "--leader", "Bob", "-o", str(tmp_path / "o")),
            *("--replicates", "10"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert f"Warning: {table}:3: row skipped: a negative count (-1)" in result.output
    assert "2 stations of 3 rows (0 without numbers and 1 bad rows skipped); leader: Bob" in result.output
    record = json.loads((tmp_path / "o" / "forensics.json").read_text(encoding="utf-8"))
    assert record["tables"][0]["leader"] == "Bob"
    assert record["tables"][0]["columns"]["valid"] is None
