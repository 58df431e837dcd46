"""The command line: exit codes, exact error lines, and the files a run writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker import __version__
from checker.cli import app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "articles"
SEEDS = ROOT.parent / "shared" / "seeds"
runner = CliRunner()


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"checkfigures {__version__}"


def test_extract_jsonl_contract() -> None:
    if not SEEDS.is_dir():
        pytest.fail(f"{SEEDS} is missing: ../shared must sit beside the checkout")
    result = runner.invoke(app, ["extract", str(SEEDS), "--format", "jsonl"])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {"article", "start", "end", "text", "kind", "low", "high", "unit", "qualifier"} <= set(rows[0])
    texts = {r["text"] for r in rows}
    assert {"93%", "87%", "more than 99%", "eight years ago", "at the age of 47"} <= texts


@pytest.mark.parametrize(
    ("fail_on", "code"),
    [("discrepancy", 1), ("major", 1), ("never", 0)],
)
def test_check_exit_codes(tmp_path: Path, fail_on: str, code: int) -> None:
    result = runner.invoke(
        app, ["check", str(EXAMPLES), "--out", str(tmp_path), "--fail-on", fail_on, "--format", "json", "-q"]
    )
    assert result.exit_code == code, result.output
    data = json.loads((tmp_path / "findings.json").read_text(encoding="utf-8"))
    assert any(f["verdict"] == "discrepancy" for f in data["findings"])
    # the broken JSONL line is reported with its line number, the other records are checked
    errors = [e for a in data["articles"] for e in a["errors"]]
    assert any(e["line"] == 3 for e in errors)
    assert {"ex04a", "ex04b"} <= {a["id"] for a in data["articles"]}


def test_check_writes_every_part(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(EXAMPLES), "--out", str(tmp_path), "-q"])
    assert result.exit_code == 1
    for name in ("findings.json", "findings.csv", "summary.md", "report.pdf"):
        assert (tmp_path / name).is_file(), name
    assert list((tmp_path / "figures").glob("*.png"))


def test_missing_input_is_exit_3_with_error_line(tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    result = runner.invoke(app, ["check", str(missing), "--out", str(tmp_path / "out")])
    assert result.exit_code == 3
    assert f"Error: {missing}: no such file or folder" in result.output
    assert not (tmp_path / "out" / "findings.json").exists()


def test_bad_date_is_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(EXAMPLES), "--published", "2024-13-01", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "is not a date; use YYYY-MM-DD" in result.output


def test_broken_reference_stops_before_articles(tmp_path: Path) -> None:
    ref = tmp_path / "ref"
    ref.mkdir()
    (ref / "people.csv").write_text(
        "name,born,died,source_url,note\nJane Doe,not-a-date,,,\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    result = runner.invoke(app, ["check", str(EXAMPLES), "--reference", str(ref), "--out", str(out)])
    assert result.exit_code == 3
    assert result.output.startswith("Error: reference data has")
    assert "people.csv:2:" in result.output
    assert not out.exists()


def test_reference_validate_ok() -> None:
    result = runner.invoke(app, ["reference", "validate"])
    assert result.exit_code == 0
    assert result.stdout.startswith("OK: ")


def _main_exit(monkeypatch: pytest.MonkeyPatch, argv: list[str], error: Exception) -> int:
    import checker.pipeline
    from checker import cli

    def broken(*_args: object, **_kwargs: object) -> None:
        raise error

    monkeypatch.setattr(checker.pipeline, "run_check", broken)
    monkeypatch.setattr("sys.argv", ["checkfigures", *argv])
    with pytest.raises(SystemExit) as stop:
        cli.main()
    assert isinstance(stop.value.code, int)
    return stop.value.code


def test_an_unexpected_error_is_exit_4_with_one_line_naming_the_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Exit 1 says "discrepancies found": a bug must never look like that to a pipeline.
    code = _main_exit(monkeypatch, ["check", "examples/articles", "--out", str(tmp_path)], KeyError("boom"))
    err = capsys.readouterr().err
    assert code == 4
    assert err.count("\n") == 1 and "examples/articles" in err and "KeyError" in err
    assert "Traceback" not in err


def test_debug_shows_the_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    argv = ["--debug", "check", "examples/articles", "--out", str(tmp_path)]
    assert _main_exit(monkeypatch, argv, KeyError("boom")) == 4
    assert "Traceback" in capsys.readouterr().err


def test_a_full_disk_is_exit_3(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import sqlite3

    error = sqlite3.OperationalError("database or disk is full")
    assert _main_exit(monkeypatch, ["check", "examples/articles", "--out", str(tmp_path)], error) == 3
    assert "disk is full" in capsys.readouterr().err
