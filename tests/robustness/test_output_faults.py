"""Output faults: nothing half-written ever looks complete.

Each report file is written to a temporary file and moved into place, so a write that
fails (no permission, full disk, Ctrl-C) leaves either no file or the previous complete
one, never a truncated findings.json, and no temporary file. The error names the path and
the exit code is not 0.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import IO

import pytest
from typer.testing import CliRunner

import checker.report as report_module
from checker import files as files_module
from checker.cli import app
from checker.errors import OutputError
from checker.model import RunResult
from checker.pipeline import run_check
from checker.reference import ReferenceData
from checker.report import write_findings_json, write_report

from .conftest import write_good

PARTS = ["--format", "json", "--format", "csv", "--format", "md"]


def _writer(data: bytes) -> files_module.Writer:
    def write(handle: IO[bytes]) -> None:
        handle.write(data)

    return write


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.name.endswith(".tmp"))


def _check(tmp_path: Path, out: Path) -> tuple[int, str]:
    articles = write_good(tmp_path / "articles")
    result = CliRunner().invoke(app, ["check", str(articles), "--out", str(out), "--quiet", *PARTS])
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory, reference: ReferenceData) -> RunResult:
    return run_check([write_good(tmp_path_factory.mktemp("arts"))], reference=reference)


def test_output_path_under_a_regular_file(tmp_path: Path) -> None:
    blocker = tmp_path / "report.txt"
    blocker.write_text("not a folder", encoding="utf-8")
    out = blocker / "out"
    code, output = _check(tmp_path, out)
    assert code == 3
    assert output.splitlines()[-1].startswith(f"Error: cannot write {out}: cannot create the output folder")
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_output_path_is_a_file(tmp_path: Path) -> None:
    out = tmp_path / "findings"
    out.write_text("x", encoding="utf-8")
    code, output = _check(tmp_path, out)
    assert code == 3
    assert output.splitlines()[-1] == f"Error: cannot write {out}: the output path exists and is not a folder"


Fault = Callable[[pytest.MonkeyPatch], None]


def _replace_denied(monkeypatch: pytest.MonkeyPatch) -> None:
    def deny(src: str, dst: str) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", dst)

    monkeypatch.setattr(files_module.os, "replace", deny)


def _temp_file_denied(monkeypatch: pytest.MonkeyPatch) -> None:
    def deny(*args: object, **kwargs: object) -> object:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(files_module.tempfile, "NamedTemporaryFile", deny)


def _disk_full(monkeypatch: pytest.MonkeyPatch) -> None:
    real = write_findings_json

    def half_then_full(result: RunResult, handle: IO[bytes]) -> None:
        handle.write(b'{\n  "version": "0.1.0", "articles": [')  # the start of a valid-looking file
        raise OSError(errno.ENOSPC, "No space left on device")

    assert real is not half_then_full
    monkeypatch.setattr(report_module, "write_findings_json", half_then_full)


def _fsync_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(files_module.os, "fsync", fail)


FAULTS: dict[str, tuple[Fault, str]] = {
    "os.replace-permission-denied": (_replace_denied, "Permission denied"),
    "temp-file-permission-denied": (_temp_file_denied, "Permission denied"),
    "disk-full-ENOSPC": (_disk_full, "No space left on device"),
    "fsync-EIO": (_fsync_fails, "Input/output error"),
}


@pytest.mark.parametrize(("fault", "reason"), FAULTS.values(), ids=FAULTS.keys())
def test_write_fault_names_the_path_and_leaves_nothing_partial(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fault: Fault, reason: str
) -> None:
    out = tmp_path / "out"
    fault(monkeypatch)
    code, output = _check(tmp_path, out)
    assert code == 3
    assert output.splitlines()[-1] == f"Error: cannot write {out / 'findings.json'}: {reason}"
    assert not (out / "findings.json").exists()
    assert _leftovers(out) == []


@pytest.mark.parametrize(("fault", "reason"), FAULTS.values(), ids=FAULTS.keys())
def test_write_fault_keeps_the_previous_complete_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, result: RunResult, fault: Fault, reason: str
) -> None:
    out = tmp_path / "out"
    write_report(result, out, {"json"})
    before = (out / "findings.json").read_bytes()
    fault(monkeypatch)
    with pytest.raises(OutputError) as err:
        write_report(result, out, {"json", "csv"})
    assert err.value.path == str(out / "findings.json")
    assert reason in str(err.value)
    assert (out / "findings.json").read_bytes() == before
    json.loads(before)
    assert _leftovers(out) == []


def test_disk_full_on_a_later_part_keeps_the_earlier_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, result: RunResult
) -> None:
    real = files_module.write_atomic

    def full_for_csv(path: Path, write: files_module.Writer) -> Path:
        if path.name == "findings.csv":
            raise OutputError(str(path), os.strerror(errno.ENOSPC))
        return real(path, write)

    monkeypatch.setattr(report_module, "write_atomic", full_for_csv)
    monkeypatch.setattr(report_module, "write_bytes_atomic", lambda p, d: full_for_csv(p, _writer(d)))
    out = tmp_path / "out"
    with pytest.raises(OutputError) as err:
        write_report(result, out, {"json", "csv", "md"})
    assert err.value.path == str(out / "findings.csv")
    json.loads((out / "findings.json").read_bytes())
    assert not (out / "findings.csv").exists()
    assert _leftovers(out) == []


@pytest.mark.parametrize("part", ["findings.json", "findings.csv"])
def test_keyboard_interrupt_during_the_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, part: str
) -> None:
    real = files_module.write_atomic

    def interrupted(path: Path, write: files_module.Writer) -> Path:
        def half(handle: IO[bytes]) -> None:
            handle.write(b'{"version": ')
            if path.name == part:
                raise KeyboardInterrupt
            write(handle)

        if path.name != part:
            return real(path, write)
        return real(path, half)

    monkeypatch.setattr(report_module, "write_atomic", interrupted)
    monkeypatch.setattr(report_module, "write_bytes_atomic", lambda p, d: interrupted(p, _writer(d)))
    out = tmp_path / "out"
    code, _ = _check(tmp_path, out)
    assert code != 0
    assert not (out / part).exists()
    assert _leftovers(out) == []
    if part == "findings.csv":  # written before the interrupt: complete
        json.loads((out / "findings.json").read_bytes())


SIGINT_CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    import checker.report as report
    from checker.model import RunResult

    def slow(result, handle):
        handle.write(b'{"version": "0.1.0", "articles": [')
        handle.flush()
        print("ready", flush=True)
        time.sleep(30)

    report.write_findings_json = slow
    report.write_report(RunResult((), (), (), ()), Path(sys.argv[1]), {"json"})
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_sigint_while_writing_leaves_no_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    child = subprocess.Popen(
        [sys.executable, "-c", SIGINT_CHILD, str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    assert _leftovers(out), "the temporary file should exist while the write is under way"
    child.send_signal(signal.SIGINT)
    _, err = child.communicate(timeout=30)
    assert child.returncode != 0
    assert "KeyboardInterrupt" in err
    assert not (out / "findings.json").exists()
    assert _leftovers(out) == []


def test_report_file_names_stay_inside_the_output_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for name in ["../escape.json", "/etc/passwd", "..", ".", "a/b", "a\\b", "", "x\0y"]:
        with pytest.raises(OutputError):
            files_module.safe_child(out, name)
    assert files_module.safe_child(out, "findings.json") == out / "findings.json"


def test_a_failed_run_does_not_leave_the_old_runs_files_beside_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, result: RunResult
) -> None:
    # A run that failed after findings.json left it next to the previous run's csv and md:
    # a reviewer read one run's findings with another run's summary.
    out = tmp_path / "out"
    write_report(result, out, {"json", "csv", "md"})
    (out / "summary.md").write_text("the old run", encoding="utf-8")
    real = files_module.write_atomic

    def full_for_csv(path: Path, write: files_module.Writer) -> Path:
        if path.name == "findings.csv":
            raise OutputError(str(path), os.strerror(errno.ENOSPC))
        return real(path, write)

    monkeypatch.setattr(report_module, "write_atomic", full_for_csv)
    with pytest.raises(OutputError) as err:
        write_report(result, out, {"json", "csv", "md"})
    assert err.value.path == str(out / "findings.csv")
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["findings.json"]
    assert not list(out.glob(f"{files_module.STAGING_PREFIX}*"))


def test_a_run_with_fewer_parts_removes_the_earlier_runs_other_parts(
    tmp_path: Path, result: RunResult
) -> None:
    out = tmp_path / "out"
    write_report(result, out, {"json", "csv", "md"})
    write_report(result, out, {"json"})
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["findings.json"]


SIGKILL_CHILD = SIGINT_CHILD.replace("time.sleep(30)", "time.sleep(60)")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_sigkill_keeps_the_previous_report_and_the_next_run_cleans_up(
    tmp_path: Path, result: RunResult
) -> None:
    out = tmp_path / "out"
    write_report(result, out, {"json", "csv"})
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and not p.name.startswith(".")}
    child = subprocess.Popen(
        [sys.executable, "-c", SIGKILL_CHILD, str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    child.kill()
    child.communicate(timeout=30)
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and not p.name.startswith(".")}
    assert after == before  # the old run, whole
    assert list(out.glob(f"{files_module.STAGING_PREFIX}*")), "the killed run's staging folder is left"
    write_report(result, out, {"json"})
    assert not list(out.glob(f"{files_module.STAGING_PREFIX}*"))
    assert not (out / "findings.csv").exists()


def test_dates_past_year_9999_on_the_timeline_do_not_cost_the_figures(tmp_path: Path) -> None:
    # A front-matter date of 9000 and dates of 9000 in the text: matplotlib cannot place
    # days past 9999, and the timeline's failure dropped every PNG and the PDF.
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.md").write_text(
        "---\npublished: 9000-03-01\n---\nElection\n\nPutin won 87.28% on March 17, 9000, "
        "exactly one year ago, when turnout was 77.49%.\n",
        encoding="utf-8",
    )
    write_good(articles)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["check", str(articles), "--out", str(out), "--quiet"])
    assert result.exit_code in (0, 1), result.output
    assert (out / "report.pdf").is_file() and (out / "figures" / "timeline.png").is_file()


def test_a_publication_date_past_2200_on_the_command_line_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["check", str(tmp_path), "--published", "9000-01-01"])
    assert result.exit_code == 2
    assert "between 1800 and 2200" in result.output
