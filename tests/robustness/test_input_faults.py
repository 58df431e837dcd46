"""Input faults: every bad file becomes an error row and costs the good articles nothing.

Each case puts one bad input next to the good articles (conftest.GOOD_ARTICLES) and runs
the pipeline. Two things must hold: the bad input shows up in findings.json as an article
with ``errors`` (or, for inputs we can repair, as a readable article), and the articles,
claims and findings of the good articles are exactly those of a run without the bad input.
"""

from __future__ import annotations

import codecs
import json
import os
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from checker.load import UNDECODABLE, iter_articles
from checker.model import Article, ArticleError
from checker.reference import ReferenceData

from .conftest import GOOD_IDS, Record, error_rows, good_part, record_of

# A readable text with a figure that binds to no election, so that a bad-but-repairable
# input adds no cross-source comparison with the good articles.
PLAIN = "Works on the bridge are now 58% complete, the city engineer said."


def _same_good_results(record: Record, baseline: Record) -> None:
    """The good articles' rows are identical to the baseline run, paths aside."""
    got, want = good_part(record), good_part(baseline)

    def articles(rows: list[Record]) -> list[Record]:
        return [{k: v for k, v in a.items() if k != "path"} for a in rows]

    assert articles(got[0]) == articles(want[0])
    assert got[1] == want[1], "claims of the good articles changed"
    assert got[2] == want[2], "findings of the good articles changed"


def _utf16(text: str, codec: str, bom: bytes) -> bytes:
    return bom + text.encode(codec)


@dataclass(frozen=True)
class Bad:
    """One bad input: a file name, its bytes, and what the report must say about it."""

    name: str
    data: bytes
    error: str | None  # the reason reported; None: the file is repaired and read
    text: str | None = None  # for a readable file, the text the extractor must see


BAD_INPUTS = [
    Bad("empty.txt", b"", "empty file"),
    Bad("blank.txt", b" \n\t\n  \r\n", "empty file (only white space)"),
    Bad("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary file (PNG image)"),
    Bad("report.pdf.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary file (PDF document)"),
    Bad("zeros.txt", b"\x00" * 4096, "binary file (contains NUL bytes)"),
    Bad("noise.txt", random.Random(7).randbytes(8192), UNDECODABLE),
    Bad(
        "controls.txt",
        b"Turnout \x01\x02\x03\x04\x05\x06 was \x07\x08\x0e\x0f\x10\x11 58% \x12\x13\x14\x15\x16",
        "binary file (mostly control characters)",
    ),
    Bad("bad_bom.txt", codecs.BOM_UTF8 + b"Turnout \xff\xfe was 58%", "not valid UTF-8-SIG"),
    Bad("deep.json", b"[" * 100_000 + b"]" * 100_000, "JSON nested too deeply"),
    Bad("broken.json", b'{"text": "Turnout was 58%", ', "not valid JSON"),
    Bad("number.json", b"42", "JSON file holds neither an article object nor a list of them"),
    Bad("notext.json", b'{"title": "Only a title"}', "record has no text"),
    Bad(
        "empty.html", b"<html><head><script>var a = '58%';</script></head><body></body></html>", "no visible"
    ),
    Bad("only_front.md", b"---\ntitle: Nothing else\n---\n\n", "no text after the front matter"),
    # Repaired, not refused: the extractor sees the text below (offsets kept).
    Bad(
        "cp1252.txt",
        PLAIN.replace("city", "cit\xe9").encode("cp1252"),
        None,
        PLAIN.replace("city", "cit\xe9"),
    ),
    Bad("utf16le_bom.txt", _utf16(PLAIN, "utf-16-le", codecs.BOM_UTF16_LE), None, PLAIN),
    Bad("utf16be_bom.txt", _utf16(PLAIN, "utf-16-be", codecs.BOM_UTF16_BE), None, PLAIN),
    Bad("utf16_no_bom.txt", PLAIN.encode("utf-16-le"), None, PLAIN),
    Bad("utf8_bom.txt", codecs.BOM_UTF8 + PLAIN.encode(), None, PLAIN),
    Bad("utf32_bom.txt", codecs.BOM_UTF32_LE + PLAIN.encode("utf-32-le"), None, PLAIN),
    Bad("stray_nul.txt", PLAIN.replace(" now", "\x00now").encode(), None, PLAIN.replace(" now", " now")),
    Bad("crlf_ctrl.txt", b"Line one.\r\n" + PLAIN.encode() + b"\x0c", None, "Line one.\n" + PLAIN + " "),
]


@pytest.mark.parametrize("bad", BAD_INPUTS, ids=[b.name for b in BAD_INPUTS])
def test_bad_file_is_an_error_row_and_good_results_are_unchanged(
    bad: Bad, good_folder: Path, baseline: Record, reference: ReferenceData
) -> None:
    (good_folder / bad.name).write_bytes(bad.data)
    record = record_of([good_folder], reference)
    _same_good_results(record, baseline)
    rows = [a for a in record["articles"] if a["path"].endswith(bad.name)]
    assert len(rows) == 1, record["articles"]
    if bad.error is None:
        assert rows[0]["errors"] == []
        claims = [c for c in record["claims"] if c["article"] == rows[0]["id"]]
        assert [c["text"] for c in claims] == ["58%"]
        assert bad.text is not None
        start = bad.text.index("58%")
        assert (claims[0]["start"], claims[0]["end"]) == (start, start + 3)
    else:
        assert [e["reason"] for e in rows[0]["errors"]] != []
        assert bad.error in rows[0]["errors"][0]["reason"]


@pytest.mark.parametrize("bad", [b for b in BAD_INPUTS if b.text], ids=[b.name for b in BAD_INPUTS if b.text])
def test_repaired_file_text_is_what_the_extractor_sees(bad: Bad, tmp_path: Path) -> None:
    path = tmp_path / bad.name
    path.write_bytes(bad.data)
    (article,) = iter_articles([path])
    assert isinstance(article, Article)
    assert article.text == bad.text


def test_mixed_encodings_in_one_file_keep_every_figure(tmp_path: Path) -> None:
    # A paragraph pasted from a cp1252 page into a UTF-8 file: not valid UTF-8 as a whole.
    data = "Turnout in Kraków was 61.5%.\n".encode() + "Le taux à Besançon était de 48%.\n".encode("cp1252")
    path = tmp_path / "mixed.txt"
    path.write_bytes(data)
    (article,) = iter_articles([path])
    assert isinstance(article, Article)
    assert "61.5%" in article.text and "48%" in article.text
    assert article.text.endswith("Besançon était de 48%.\n")


def test_invalid_utf8_line_in_jsonl_is_read_in_its_own_encoding(
    good_folder: Path, baseline: Record, reference: ReferenceData
) -> None:
    good = json.dumps({"id": "ok-1", "text": PLAIN}).encode()
    latin = json.dumps({"id": "ok-2", "text": "Le chantier est achevé à 58%."}, ensure_ascii=False)
    (good_folder / "feed.jsonl").write_bytes(good + b"\n" + latin.encode("cp1252") + b"\n")
    record = record_of([good_folder], reference)
    _same_good_results(record, baseline)
    texts = {c["article"]: c["text"] for c in record["claims"] if c["article"] in ("ok-1", "ok-2")}
    assert texts == {"ok-1": "58%", "ok-2": "58%"}


def test_jsonl_broken_line_is_reported_with_its_number(
    good_folder: Path, baseline: Record, reference: ReferenceData
) -> None:
    lines = [
        json.dumps({"id": "feed-a", "text": PLAIN}),
        "",
        '{"id": "feed-b", "text": "cut off in the middle',
        json.dumps({"id": "feed-c", "text": "The new school is 40% built."}),
        "[1, 2, 3]",
        json.dumps({"id": "feed-d", "title": "no body"}),
    ]
    (good_folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    record = record_of([good_folder], reference)
    _same_good_results(record, baseline)
    errors = sorted((line, reason.split(":")[1].strip()) for _, _, line, reason in error_rows(record))
    assert errors == [
        (3, "not valid JSON"),
        (5, "not a JSON object"),
        (6, "record has no text (no text, body or content field)"),
    ]
    claimed = {c["article"] for c in record["claims"]}
    assert {"feed-a", "feed-c"} <= claimed


def test_huge_json_list_loads_every_record(tmp_path: Path) -> None:
    records = [{"id": f"r{i}", "text": f"Item {i}: the tower is {i % 100}% finished."} for i in range(20_000)]
    path = tmp_path / "archive.json"
    path.write_text(json.dumps({"articles": records}), encoding="utf-8")
    items = list(iter_articles([path]))
    assert [i.id for i in items if isinstance(i, Article)] == [r["id"] for r in records]
    assert len(items) == len(records)


def test_huge_json_string_is_one_article(tmp_path: Path) -> None:
    body = "The count is still going on. " * 400_000 + "In the end 58% took part."
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"id": "big", "text": body}), encoding="utf-8")
    (article,) = iter_articles([path])
    assert isinstance(article, Article) and article.text.endswith("58% took part.")


HOSTILE_HTML = """<!DOCTYPE html>
<html lang="en"><head><title>Results night</title>
<style>p::after { content: "31%"; }</style>
<script>var turnout = "99%"; document.write("<p>88%</p>");</script>
<script type="text/template"><p>Template 12%</p></script>
</head><body>
<!-- draft: turnout 77% -->
<p>Turnout was 61% in the city.<![CDATA[ hidden 44% ]]></p>
<p style="display:none">Hidden 23%</p>
<template><p>Another 19%</p></template>
<div><p>Unclosed paragraph with 35% of the vote <b>in bold <i>and italic
<div><p>A second unclosed block where 42% backed the plan
<table><tr><td>Row 1<td>5%
"""


def test_hostile_html_keeps_visible_text_only(
    good_folder: Path, baseline: Record, reference: ReferenceData
) -> None:
    (good_folder / "page.html").write_text(HOSTILE_HTML, encoding="utf-8")
    record = record_of([good_folder], reference)
    _same_good_results(record, baseline)
    (article,) = iter_articles([good_folder / "page.html"])
    assert isinstance(article, Article)
    for invisible in ("31%", "99%", "88%", "12%", "77%", "44%", "23%", "19%"):
        assert invisible not in article.text, invisible
    for visible in ("61%", "35%", "42%", "5%"):
        assert visible in article.text, visible


def _single_line(size: int) -> tuple[str, int]:
    filler = "The committee met again in the capital and the talks went on late into the evening. "
    block = filler * 60 + "Turnout was 58% in the town. "
    count = size // len(block)
    return block * count, count


def _check_single_line(tmp_path: Path, reference: ReferenceData, size: int) -> None:
    text, count = _single_line(size)
    path = tmp_path / "one_line.txt"
    path.write_text(text, encoding="utf-8")
    record = record_of([path], reference)
    assert record["articles"][0]["errors"] == []
    assert [c["text"] for c in record["claims"]] == ["58%"] * count


def test_5mb_single_line_file(tmp_path: Path, reference: ReferenceData) -> None:
    # ~10 s alone on 2 cores; a quadratic or backtracking path would take many minutes.
    # Speed lives in benchmarks/ (bench_hostile.py, pattern "prose": one line of text).
    _check_single_line(tmp_path, reference, 5 * 2**20)


@pytest.mark.slow
def test_50mb_single_line_file(tmp_path: Path, reference: ReferenceData) -> None:
    # ~60 s on 2 cores, most of it in bind (see the report: numeric.index is O(n) per claim).
    _check_single_line(tmp_path, reference, 50 * 2**20)


def test_symlink_loops_are_walked_once(good_folder: Path, baseline: Record, reference: ReferenceData) -> None:
    sub = good_folder / "sub"
    sub.mkdir()
    (sub / "inner.txt").write_text(PLAIN, encoding="utf-8")
    os.symlink(good_folder, sub / "back_to_top")
    os.symlink(sub, sub / "self")
    os.symlink(good_folder / "missing_target", good_folder / "dangling.txt")
    record = record_of([good_folder], reference)
    _same_good_results(record, baseline)
    assert [a["id"] for a in record["articles"]].count("sub/inner.txt") <= 1
    assert sum(1 for c in record["claims"] if c["text"] == "58%") == 1


def _deny(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Make reading ``name`` fail as chmod 000 would (root ignores file modes)."""
    real_open = Path.open

    def guarded(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == name:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", guarded)


@pytest.mark.parametrize("name", ["locked.txt", "locked.jsonl", "locked.json", "locked.html"])
def test_unreadable_file_is_an_error_row(
    name: str, good_folder: Path, baseline: Record, reference: ReferenceData, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = good_folder / name
    path.write_text(json.dumps({"text": PLAIN}) if "json" in name else PLAIN, encoding="utf-8")
    path.chmod(0)
    if os.access(path, os.R_OK):  # running as root: chmod does not stop reads
        _deny(monkeypatch, name)
    try:
        record = record_of([good_folder], reference)
    finally:
        path.chmod(0o644)
    _same_good_results(record, baseline)
    reasons = [reason for _, file, _, reason in error_rows(record) if file == name]
    assert reasons == ["cannot read file: permission denied"]


def test_unreadable_folder_is_an_error_row(
    good_folder: Path, baseline: Record, reference: ReferenceData, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = good_folder / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text(PLAIN, encoding="utf-8")
    locked.chmod(0)
    if os.access(locked, os.R_OK):
        real_scandir = os.scandir

        def guarded(path: object) -> object:
            if Path(str(path)).name == "locked":
                raise PermissionError(13, "Permission denied", str(path))
            return real_scandir(path)  # type: ignore[call-overload]

        monkeypatch.setattr(os, "scandir", guarded)
    try:
        record = record_of([good_folder], reference)
    finally:
        locked.chmod(0o755)
    _same_good_results(record, baseline)
    assert [(file, reason) for _, file, _, reason in error_rows(record)] == [
        ("locked", "cannot read folder: permission denied")
    ]


DuplicateSetup = Callable[[Path], None]


def _same_name_in_two_folders(folder: Path) -> None:
    for sub, figure in (("2023", "40%"), ("2024", "45%")):
        (folder / sub).mkdir()
        (folder / sub / "note.txt").write_text(f"The dam is {figure} full, engineers said.", encoding="utf-8")


def _same_record_id_twice(folder: Path) -> None:
    rows = [{"id": "dup", "text": "The dam is 40% full."}, {"id": "dup", "text": "The dam is 45% full."}]
    (folder / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")


def _record_id_equals_a_file_name(folder: Path) -> None:
    (folder / "a.jsonl").write_text(json.dumps({"id": "note.txt", "text": "The dam is 40% full."}), "utf-8")
    (folder / "note.txt").write_text("The dam is 45% full.", encoding="utf-8")


def _error_file_shares_a_name_with_a_good_one(folder: Path) -> None:
    # The empty file sorts first; before the fix the readable one took its id and the
    # report showed the readable article with the empty file's error, and lost the other.
    (folder / "a").mkdir()
    (folder / "a" / "note.txt").write_bytes(b"")
    (folder / "b").mkdir()
    (folder / "b" / "note.txt").write_text("The dam is 40% full.", encoding="utf-8")
    (folder / "c").mkdir()
    (folder / "c" / "note.txt").write_text("The dam is 45% full.", encoding="utf-8")


def _broken_jsonl_line_id_equals_a_record(folder: Path) -> None:
    (folder / "feed.jsonl").write_text(
        '{"broken\n' + json.dumps({"id": "feed.jsonl:1", "text": "The dam is 40% full."})
    )
    (folder / "other.txt").write_text("The dam is 45% full.", encoding="utf-8")


DUPLICATES: dict[str, DuplicateSetup] = {
    "same-file-name-in-two-folders": _same_name_in_two_folders,
    "same-record-id-twice": _same_record_id_twice,
    "record-id-equals-file-name": _record_id_equals_a_file_name,
    "error-file-shares-a-name": _error_file_shares_a_name_with_a_good_one,
    "broken-line-id-equals-record-id": _broken_jsonl_line_id_equals_a_record,
}


@pytest.mark.parametrize("setup", DUPLICATES.values(), ids=DUPLICATES.keys())
def test_duplicate_ids_are_made_unique_and_nothing_is_lost(
    setup: DuplicateSetup, good_folder: Path, baseline: Record, reference: ReferenceData
) -> None:
    extra = good_folder / "extra"
    extra.mkdir()
    setup(extra)
    record = record_of([good_folder], reference)
    _same_good_results(record, baseline)
    ids = [a["id"] for a in record["articles"]]
    assert len(ids) == len(set(ids)), ids
    assert not GOOD_IDS & {a["id"] for a in record["articles"] if "extra" in a["path"]}
    figures = sorted(c["text"] for c in record["claims"] if c["article"] not in GOOD_IDS)
    assert figures == ["40%", "45%"]
    for a in record["articles"]:
        own = [c for c in record["claims"] if c["article"] == a["id"]]
        assert not (a["errors"] and own), f"{a['id']} has both errors and claims: two inputs merged"


def test_loader_yields_errors_in_place_and_keeps_streaming(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(PLAIN, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_text(PLAIN, encoding="utf-8")
    kinds = [(isinstance(i, ArticleError), Path(i.path).name) for i in iter_articles([tmp_path])]
    assert kinds == [(False, "a.txt"), (True, "b.txt"), (False, "c.txt")]
