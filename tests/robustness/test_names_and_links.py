"""Odd names and odd folders: bytes that are not UTF-8 in names, symbolic links whose target
cannot be checked, system folders, and report folders of earlier runs inside the input.

Every case runs the real command (or the real walk) and checks that the run completes, the
bad entry is named in the report, and the good articles come out as in a clean run.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.load import iter_articles
from checker.load import walk as walk_module
from checker.model import ArticleError
from checker.reference import ReferenceData

from .conftest import GOOD_IDS, Record, error_rows, good_part, record_of, require, write_good

SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds" / "000_e6877975c975465a.txt"
POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file names and links")

# Bytes that are not UTF-8 (latin-1 "ä"); os.fsdecode keeps them as lone surrogates.
MAERZ = os.fsdecode(b"Wahl_M\xe4rz")
ORDNER = os.fsdecode(b"Ordner_\xe4")


def printable(path: str | Path) -> str:
    """What the report shows for a name: each byte that is not UTF-8 as \\xNN."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _check(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["check", *args, "--quiet"])
    return result.exit_code, result.output


def _record(out: Path) -> Record:
    data: Record = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    return data


def _odd_names(folder: Path) -> Path:
    """The good articles plus a seed, a folder, a JSONL feed and an empty file, all named
    with a byte that is not UTF-8."""
    write_good(folder)
    shutil.copy(require(SEED), folder / f"{MAERZ}.txt")
    (folder / ORDNER).mkdir()
    shutil.copy(require(SEED), folder / ORDNER / "inside.txt")
    (folder / f"{MAERZ}.jsonl").write_text(
        json.dumps({"text": "Turnout was 58% in Kherson.", "title": "Feed"}) + "\n", encoding="utf-8"
    )
    (folder / f"{MAERZ}_empty.txt").write_bytes(b"")
    return folder


@POSIX
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_names_that_are_not_utf8_survive_into_every_output(tmp_path: Path, jobs: str) -> None:
    folder = _odd_names(tmp_path / "articles")
    if jobs == "2":  # enough inputs for the worker pool to start (a batch is 64)
        for n in range(70):
            (folder / f"filler_{n}.txt").write_text(f"Works are {n}% complete.", encoding="utf-8")
    out = tmp_path / "out"
    code, output = _check([str(folder), "--out", str(out), "--jobs", jobs])
    assert code in (0, 1), output
    record = _record(out)
    ids = {a["id"] for a in record["articles"]}
    assert {"Wahl_M\\xe4rz.txt", "inside.txt", "Wahl_M\\xe4rz.jsonl:1", "Wahl_M\\xe4rz_empty.txt"} <= ids
    assert ids >= GOOD_IDS
    paths = {a["id"]: a["path"] for a in record["articles"]}
    assert paths["inside.txt"].endswith("/Ordner_\\xe4/inside.txt")
    assert next(r for r in error_rows(record) if r[0] == "Wahl_M\\xe4rz_empty.txt")[3] == "empty file"
    # the seed was opened by its real name: its claims are there, under the printable id
    assert any(c["article"] == "Wahl_M\\xe4rz.txt" for c in record["claims"])
    with (out / "findings.csv").open(encoding="utf-8", newline="") as handle:
        assert any("Wahl_M\\xe4rz" in " ".join(row) for row in csv.reader(handle))
    assert "Wahl\\_M\\\\xe4rz" in (out / "summary.md").read_text(encoding="utf-8")
    assert (out / "report.pdf").is_file()


@POSIX
def test_a_seed_under_an_odd_name_gives_the_findings_of_a_clean_run(
    tmp_path: Path, reference: ReferenceData
) -> None:
    def results(name: str) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
        folder = tmp_path / name.encode("utf-8", "surrogateescape").hex()
        folder.mkdir()
        shutil.copy(require(SEED), folder / name)
        record = record_of([folder], reference)
        claims: list[tuple[object, ...]] = [
            (c["start"], c["end"], c["text"], c["kind"], c["measure"]) for c in record["claims"]
        ]
        # messages name the article: compare them under one name
        findings = [
            (f["check"], f["verdict"], f["message"].replace(printable(name), "X")) for f in record["findings"]
        ]
        return claims, sorted(findings)

    clean = results("seed.txt")
    assert clean[0] and clean[1]
    assert results(f"{MAERZ}.txt") == clean


def _without_paths(part: tuple[list[Record], list[Record], list[Record]]) -> object:
    articles, claims, findings = part
    return [{k: v for k, v in a.items() if k != "path"} for a in articles], claims, findings


@POSIX
def test_an_odd_name_on_the_command_line(tmp_path: Path) -> None:
    folder = _odd_names(tmp_path / "articles")
    out = tmp_path / "out"
    code, output = _check([str(folder / f"{MAERZ}.txt"), "--out", str(out)])
    assert code in (0, 1), output
    [article] = _record(out)["articles"]
    assert (article["id"], article["path"]) == ("Wahl_M\\xe4rz.txt", printable(folder / f"{MAERZ}.txt"))


def test_json_strings_with_lone_surrogates_are_kept_printable(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        '{"id": "a\\udce4\\ud800", "title": "t\\ud800", "text": "Turnout was 58%.\\ud800 Done."}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    code, output = _check([str(feed), "--out", str(out)])
    assert code in (0, 1), output
    [article] = _record(out)["articles"]
    assert (article["id"], article["title"]) == ("a\\xe4\\ud800", "t\\ud800")
    [loaded] = iter_articles([feed])
    assert not isinstance(loaded, ArticleError)
    assert loaded.text == "Turnout was 58%.\ufffd Done."  # one for one: offsets stay


# --- symbolic links -------------------------------------------------------------------------


@POSIX
@pytest.mark.parametrize(
    ("name", "target", "reason"),
    [
        ("self.txt", "self.txt", "cannot follow the link: too many levels of symbolic links"),
        ("selfdir", "selfdir", "cannot follow the link: too many levels of symbolic links"),
        ("notdir.txt", "/etc/passwd/x", "cannot follow the link: not a directory"),
        ("long.txt", "a" * 300, "cannot follow the link: file name too long"),
        ("proc", "/proc", "not walked: /proc holds system files, not articles"),
        ("sys", "/sys", "not walked: /sys holds system files, not articles"),
        ("dev", "/dev", "not walked: /dev holds system files, not articles"),
        ("self_fd", "/proc/self/fd", "not walked: /proc holds system files, not articles"),
    ],
)
def test_a_link_that_cannot_be_followed_is_an_error_row(
    name: str, target: str, reason: str, good_folder: Path, baseline: Record, reference: ReferenceData
) -> None:
    os.symlink(target, good_folder / name)
    record = record_of([good_folder], reference)
    assert _without_paths(good_part(record)) == _without_paths(good_part(baseline))
    assert [(r[0], r[3]) for r in error_rows(record)] == [(name, reason)]


@POSIX
def test_a_link_to_the_root_never_enters_system_folders(
    good_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Walking all of "/" would take minutes: "/" shows only its system folders and /etc
    # (with a link back to the article folder: a cycle), and every folder scanned is noted.
    os.symlink("/", good_folder / "root")
    real_scandir = os.scandir
    scanned: list[str] = []

    class Filtered:
        def __init__(self, path: str) -> None:
            self.it = real_scandir(path)
            self.top = os.path.realpath(path) == "/"

        def __enter__(self) -> Filtered:
            return self

        def __exit__(self, *exc: object) -> None:
            self.it.close()

        def __iter__(self) -> object:
            return (e for e in self.it if not self.top or e.name in {"proc", "sys", "dev"})

    def scandir(path: str) -> Filtered:
        scanned.append(os.path.realpath(path))
        return Filtered(path)

    monkeypatch.setattr(walk_module.os, "scandir", scandir)
    os.symlink(good_folder, good_folder / "loop")
    items = list(iter_articles([good_folder]))
    assert not [p for p in scanned if p.startswith(("/proc", "/sys", "/dev"))]
    errors = sorted(i.path for i in items if isinstance(i, ArticleError))
    assert errors == [str(good_folder / "root" / n) for n in ("dev", "proc", "sys")]
    assert sorted(i.id for i in items if not isinstance(i, ArticleError)) == sorted(GOOD_IDS)


# --- report folders inside the input ----------------------------------------------------------


def test_three_runs_of_check_dot_find_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = write_good(tmp_path / "articles")
    monkeypatch.chdir(folder)
    counts = []
    for _ in range(3):
        code, output = _check(["."])
        assert code in (0, 1), output
        record = _record(folder / "reports" / "articles")
        counts.append((len(record["articles"]), len(record["claims"]), len(record["findings"])))
    assert counts[0] == counts[1] == counts[2]
    assert counts[0][0] == len(GOOD_IDS)


def test_a_copied_report_folder_is_not_read_as_articles(tmp_path: Path) -> None:
    folder = write_good(tmp_path / "articles")
    out = tmp_path / "out"
    code, output = _check([str(folder), "--out", str(out)])
    assert code in (0, 1), output
    # a copy without the lock file (as a zip or an upload would keep it) is still ours
    shutil.copytree(out, folder / "old_report", ignore=shutil.ignore_patterns(".*"))
    again = tmp_path / "again"
    code, output = _check([str(folder), "--out", str(again)])
    assert code in (0, 1), output
    assert _record(again)["articles"] == _record(out)["articles"]


def test_a_findings_json_of_someone_else_is_still_read(tmp_path: Path, reference: ReferenceData) -> None:
    folder = write_good(tmp_path / "articles")
    (folder / "findings.json").write_text(
        json.dumps({"id": "theirs", "text": "Turnout was 58%."}), encoding="utf-8"
    )
    record = record_of([folder], reference)
    assert "theirs" in {a["id"] for a in record["articles"]}
