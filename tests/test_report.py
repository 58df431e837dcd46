"""A realistic RunResult for the report tests (sentences written for these tests).

It mirrors what the checks produce on a small mixed run: a "respectively" list whose two
shares are swapped, a hedged share that agrees, a relative date and a voting period, a
future year, shares adding up to more than 100%, two outlets disagreeing on one figure,
a turnout without a region, a Cyrillic article, and an input that could not be read.
"""

from __future__ import annotations

import csv
import datetime as dt
import errno
import json
from decimal import Decimal as D
from pathlib import Path

import pytest

from checker.errors import OutputError, UsageError
from checker.files import safe_child, write_atomic
from checker.model import (
    Article,
    ArticleError,
    Claim,
    Difference,
    Evidence,
    Finding,
    Mention,
    RunResult,
)
from checker.report import figures_io as figures_io_module
from checker.report import write_report
from checker.report.tables import (
    CSV_COLUMNS,
    NUMBER_COLUMNS,
    finding_row,
    findings_csv,
    md_escape,
    summary_markdown,
)
from checker.report.view import Index, excerpt, format_difference, worst_discrepancies

REF = "ua_occupied_annexation_ref_2022"
PRES = "ru_presidential_2024"
CEC = "https://example.org/cec/results-2022"

TEXT_A = (
    "Moscow-installed officials published their tallies on Tuesday.\n"
    "They said Kherson and Zaporizhzhia returned 93% and 87% in favour, respectively,\n"
    "while more than 99% backed the move in Donetsk."
)
TEXT_B = (
    "The separatist “republics” were proclaimed eight years ago. "
    "Voting ran from September 20-24, the commission said – a claim it repeated in 2030 plans."
)
TEXT_C = "Putin took 88 percent of the vote, the commission said."
TEXT_D = "The official count gave Putin 87.3% — a record."
TEXT_E = "Явка составила 71% по всей области, сообщил «Интерфакс»."
TEXT_F = "Exit polls had the front-runner on 61% and the challenger on 47% of the same vote."


def _span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def _mention(
    article: str,
    text: str,
    needle: str,
    kind: str,
    low: object,
    high: object,
    unit: str,
    qualifier: str = "exact",
) -> Mention:
    start, end = _span(text, needle)
    return Mention(article, start, end, needle, kind, low, high, unit, qualifier)  # type: ignore[arg-type]


def sample_result(with_text: bool = False) -> RunResult:
    """The sample run; ``with_text`` keeps article text (else claims carry their quote)."""
    pub = dt.date(2022, 9, 28)
    articles = (
        Article("a.txt", "in/a.txt", TEXT_A if with_text else "", "Kremlin-backed votes", pub),
        Article("b.txt", "in/b.txt", TEXT_B if with_text else "", "Eight years of war", pub),
        Article("c.txt", "in/c.txt", TEXT_C if with_text else "", "Election night", dt.date(2024, 3, 18)),
        Article("d.txt", "in/d.txt", TEXT_D if with_text else "", "Final count", dt.date(2024, 3, 21)),
        Article("e.txt", "in/e.txt", TEXT_E if with_text else "", "Явка в регионе", pub),
        Article("f.txt", "in/f.txt", TEXT_F if with_text else "", "Polls", pub),
    )
    errors = (ArticleError("broken.html", "in/broken.html", "cannot decode the bytes (tried UTF-8, cp1251)"),)

    def quote(text: str, line: int = 0) -> tuple[tuple[int, int], str]:
        lines = text.split("\n")
        start = sum(len(x) + 1 for x in lines[:line])
        sentence = lines[line] if len(lines) > 1 else text
        return (start, start + len(sentence)), ("" if with_text else " ".join(sentence.split()))

    s_a1, q_a1 = quote(TEXT_A, 1)
    s_a2, q_a2 = quote(TEXT_A, 2)
    c1 = Claim(
        "a.txt#c1",
        _mention("a.txt", TEXT_A, "93%", "percent", D("92.5"), D("93.5"), "percent"),
        REF,
        "Kherson",
        "vote_share",
        "final",
        "Kherson",
        "Yes",
        "g1",
        s_a1,
        quote=q_a1,
    )
    c2 = Claim(
        "a.txt#c2",
        _mention("a.txt", TEXT_A, "87%", "percent", D("86.5"), D("87.5"), "percent"),
        REF,
        "Zaporizhzhia",
        "vote_share",
        "final",
        "Zaporizhzhia",
        "Yes",
        "g1",
        s_a1,
        quote=q_a1,
    )
    c3 = Claim(
        "a.txt#c3",
        _mention("a.txt", TEXT_A, "more than 99%", "percent", D("99"), D("100"), "percent", "more_than"),
        REF,
        "Donetsk",
        "vote_share",
        "final",
        "Donetsk",
        "Yes",
        None,
        s_a2,
        quote=q_a2,
    )
    first_b = TEXT_B.index(" Voting") + 1
    q_b1 = "" if with_text else TEXT_B[:first_b].strip()
    q_b2 = "" if with_text else TEXT_B[first_b:]
    c4 = Claim(
        "b.txt#c1",
        _mention(
            "b.txt",
            TEXT_B,
            "eight years ago",
            "relative_date",
            dt.date(2014, 1, 1),
            dt.date(2014, 12, 31),
            "date",
        ),
        REF,
        "Donetsk",
        "elapsed",
        "final",
        sentence=(0, first_b - 1),
        quote=q_b1,
    )
    c5 = Claim(
        "b.txt#c2",
        _mention(
            "b.txt",
            TEXT_B,
            "September 20-24",
            "date_range",
            dt.date(2022, 9, 20),
            dt.date(2022, 9, 24),
            "date",
        ),
        REF,
        None,
        "date",
        "final",
        sentence=(first_b, len(TEXT_B)),
        quote=q_b2,
    )
    c6 = Claim(
        "b.txt#c3",
        _mention("b.txt", TEXT_B, "2030", "year", dt.date(2030, 1, 1), dt.date(2030, 12, 31), "date"),
        None,
        None,
        "date",
        "unknown",
        sentence=(first_b, len(TEXT_B)),
        quote=q_b2,
    )
    s_c, q_c = quote(TEXT_C)
    c7 = Claim(
        "c.txt#c1",
        _mention("c.txt", TEXT_C, "88 percent", "percent", D("87.5"), D("88.5"), "percent"),
        PRES,
        "Vladimir Putin",
        "vote_share",
        "final",
        "Russia",
        "Vladimir Putin",
        None,
        s_c,
        quote=q_c,
    )
    s_d, q_d = quote(TEXT_D)
    c8 = Claim(
        "d.txt#c1",
        _mention("d.txt", TEXT_D, "87.3%", "percent", D("87.25"), D("87.35"), "percent"),
        PRES,
        "Vladimir Putin",
        "vote_share",
        "final",
        "Russia",
        "Vladimir Putin",
        None,
        s_d,
        quote=q_d,
    )
    s_e, q_e = quote(TEXT_E)
    c9 = Claim(
        "e.txt#c1",
        _mention("e.txt", TEXT_E, "71%", "percent", D("70.5"), D("71.5"), "percent"),
        REF,
        None,
        "turnout",
        "final",
        None,
        None,
        None,
        s_e,
        quote=q_e,
    )
    s_f, q_f = quote(TEXT_F)
    c10 = Claim(
        "f.txt#c1",
        _mention("f.txt", TEXT_F, "61%", "percent", D("60.5"), D("61.5"), "percent"),
        PRES,
        None,
        "vote_share",
        "exit_poll",
        "Russia",
        None,
        None,
        s_f,
        quote=q_f,
    )
    c11 = Claim(
        "f.txt#c2",
        _mention("f.txt", TEXT_F, "47%", "percent", D("46.5"), D("47.5"), "percent"),
        PRES,
        None,
        "vote_share",
        "exit_poll",
        "Russia",
        None,
        None,
        s_f,
        quote=q_f,
    )
    claims = (c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11)

    findings = (
        Finding(
            "F_kherson",
            "reference",
            "discrepancy",
            (c1.id,),
            "Reported “93%” for Kherson (yes); the official final share was 87.05% "
            "(5.45 points below the reported range). Source: " + CEC,
            severity="major",
            difference=Difference(D("-5.45"), "percentage_point"),
            evidence=Evidence("results", "results.csv:6", "87.05%", CEC, number=D("87.05"), unit="percent"),
        ),
        Finding(
            "F_zapo",
            "reference",
            "discrepancy",
            (c2.id,),
            "Reported “87%” for Zaporizhzhia (yes); the official final share was 93.11% "
            "(5.61 points above the reported range). Source: " + CEC,
            severity="major",
            difference=Difference(D("5.61"), "percentage_point"),
            evidence=Evidence("results", "results.csv:7", "93.11%", CEC, number=D("93.11"), unit="percent"),
        ),
        Finding(
            "F_swap",
            "reference",
            "discrepancy",
            (c1.id, c2.id),
            "Swapped figures: “93%” is given for Kherson (yes) and “87%” for Zaporizhzhia (yes), but the "
            "official figures are the other way round: the two figures match once swapped.",
            severity="major",
            evidence=Evidence("results", "results.csv:6 ; results.csv:7", "87.05% ; 93.11%", CEC),
        ),
        Finding(
            "F_donetsk",
            "reference",
            "consistent",
            (c3.id,),
            "Reported “more than 99%” for Donetsk (yes); the official final share was 99.23%.",
            evidence=Evidence("results", "results.csv:4", "99.23%", CEC, number=D("99.23"), unit="percent"),
        ),
        Finding(
            "F_putin_c",
            "reference",
            "discrepancy",
            (c7.id,),
            "Reported “88 percent” for Vladimir Putin; the official final share was 87.28%.",
            severity="minor",
            difference=Difference(D("-0.22"), "percentage_point"),
            evidence=Evidence(
                "results",
                "results.csv:20",
                "87.28%",
                "https://example.org/cec/2024",
                number=D("87.28"),
                unit="percent",
            ),
        ),
        Finding(
            "F_putin_d",
            "reference",
            "consistent",
            (c8.id,),
            "Reported “87.3%” for Vladimir Putin; the official final share was 87.28%.",
            evidence=Evidence(
                "results",
                "results.csv:20",
                "87.28%",
                "https://example.org/cec/2024",
                number=D("87.28"),
                unit="percent",
            ),
        ),
        Finding(
            "F_turnout",
            "reference",
            "ambiguous",
            (c9.id,),
            "Reported “71%” as a turnout, but the text does not say for which region.",
        ),
        Finding(
            "F_years",
            "temporal",
            "consistent",
            (c4.id,),
            "“eight years ago” (2014) fits the proclamation of the republics on 2014-04-07.",
            evidence=Evidence(
                "events", "events.csv:3", "2014-04-07", "https://example.org/events", date=dt.date(2014, 4, 7)
            ),
        ),
        Finding(
            "F_dates",
            "temporal",
            "discrepancy",
            (c5.id,),
            "“September 20-24”: voting ran 2022-09-23–2022-09-27, not 2022-09-20–2022-09-24.",
            severity="major",
            difference=Difference(D("6"), "day"),
            evidence=Evidence(
                "elections",
                "elections.csv:2",
                "2022-09-23–2022-09-27",
                "https://example.org/elections",
                date=dt.date(2022, 9, 23),
            ),
        ),
        Finding(
            "F_future",
            "temporal",
            "unverifiable",
            (c6.id,),
            "“2030” is in the future of the publication date; nothing to check it against.",
        ),
        Finding(
            "F_sum",
            "internal",
            "discrepancy",
            (c10.id, c11.id),
            "Shares of one contest add up to more than 100%: 61% + 47% is at least 107%.",
            severity="major",
            difference=Difference(D("7"), "percentage_point"),
            extra=(("article", "f.txt"),),
        ),
        Finding(
            "F_cross",
            "cross_source",
            "discrepancy",
            (c7.id, c8.id),
            "Sources disagree on the vote share for Vladimir Putin: “88 percent” (c.txt) and “87.3%” "
            "(d.txt). The reference (87.28%) supports d.txt.",
            severity="minor",
            difference=Difference(D("-0.15"), "percentage_point"),
            evidence=Evidence(
                "results", "results.csv:20", "87.28%", "https://example.org/cec/2024", number=D("87.28")
            ),
        ),
    )
    tables = (("results", "reference_data/results.csv"), ("events", "reference_data/events.csv"))
    return RunResult(articles, errors, claims, findings, tables)


# --- tests ----------------------------------------------------------------------------------

ALL_PARTS = {"json", "csv", "md", "png", "pdf"}


def _csv_rows(path: Path) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["finding_id"]: row for row in csv.DictReader(fh)}


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*.tmp"))


@pytest.fixture(scope="module")
def full_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    out = tmp_path_factory.mktemp("report")
    return out, write_report(sample_result(), out, ALL_PARTS)


def test_every_part_is_written_json_first(full_report: tuple[Path, list[Path]]) -> None:
    out, written = full_report
    names = [p.relative_to(out).as_posix() for p in written]
    assert names[0] == "findings.json"
    assert names[1:3] == ["findings.csv", "summary.md"]
    assert set(names[3:]) == {
        "figures/reported_vs_reference.png",
        "figures/across_sources.png",
        "figures/timeline.png",
        "figures/overview.png",
        "report.pdf",
    }
    assert _leftovers(out) == []


def test_findings_json_follows_the_contract(full_report: tuple[Path, list[Path]]) -> None:
    out, _ = full_report
    doc = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    assert {"version", "articles", "claims", "findings"} <= set(doc)
    assert [a["id"] for a in doc["articles"]][-1] == "broken.html"  # the unreadable input is listed
    kherson = next(f for f in doc["findings"] if f["id"] == "F_kherson")
    assert kherson["difference"] == {"value": -5.45, "unit": "percentage_point"}
    assert kherson["evidence"]["row"] == "results.csv:6"
    assert kherson["evidence"]["number"] == 87.05
    claim = next(c for c in doc["claims"] if c["id"] == "a.txt#c1")
    assert (claim["low"], claim["high"], claim["entity"]) == (92.5, 93.5, "Kherson")


def test_csv_has_the_columns_and_the_kherson_row(full_report: tuple[Path, list[Path]]) -> None:
    out, _ = full_report
    with (out / "findings.csv").open(encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    assert tuple(header) == CSV_COLUMNS
    row = _csv_rows(out / "findings.csv")["F_kherson"]
    assert row["article"] == "a.txt"
    assert row["claim_text"] == "93%"
    assert (
        row["sentence"] == "They said Kherson and Zaporizhzhia returned 93% and 87% in favour, respectively,"
    )
    assert (row["check"], row["verdict"], row["severity"]) == ("reference", "discrepancy", "major")
    assert (row["reported_low"], row["reported_high"], row["reported_unit"]) == ("92.5", "93.5", "percent")
    assert (row["reference_value"], row["reference_number"]) == ("87.05%", "87.05")
    assert (row["difference"], row["difference_unit"]) == ("-5.45", "percentage_point")
    assert (row["election"], row["entity"], row["measure"], row["scope"]) == (
        REF,
        "Kherson",
        "vote_share",
        "final",
    )
    assert (row["evidence_row"], row["source_url"]) == ("results.csv:6", CEC)


def test_csv_swap_row_names_both_claims(full_report: tuple[Path, list[Path]]) -> None:
    row = _csv_rows(full_report[0] / "findings.csv")["F_swap"]
    assert row["claim_text"] == "93% | 87%"
    assert row["claim_ids"] == "a.txt#c1 a.txt#c2"
    assert "swap" in row["message"].lower()


def test_csv_rows_one_per_finding_ordered_by_article(full_report: tuple[Path, list[Path]]) -> None:
    rows = list(_csv_rows(full_report[0] / "findings.csv").values())
    assert len(rows) == len(sample_result().findings)
    articles = [r["article"] for r in rows]
    assert articles == sorted(articles)


def test_sentence_comes_from_the_article_text_when_claims_carry_no_quote() -> None:
    with_text = sample_result(with_text=True)
    assert all(c.quote == "" for c in with_text.claims)
    rows = {r["finding_id"]: r for r in csv.DictReader(findings_csv(with_text).splitlines())}
    assert rows["F_kherson"]["sentence"] == (
        "They said Kherson and Zaporizhzhia returned 93% and 87% in favour, respectively,"
    )
    assert rows["F_dates"]["sentence"].startswith("Voting ran from September 20-24")


@pytest.mark.parametrize(
    "message",
    ['=HYPERLINK("http://evil.example")', "+1 point", "-5 points off", "@SUM(A1)"],
    ids=["equals", "plus", "minus", "at"],
)
def test_csv_text_cannot_become_a_spreadsheet_formula(message: str) -> None:
    base = sample_result()
    finding = Finding("F_x", "reference", "unverifiable", ("a.txt#c1",), message)
    result = RunResult(base.articles, (), base.claims, (finding,))
    row = next(csv.DictReader(findings_csv(result).splitlines()))
    assert row["message"] == "'" + message
    assert row["claim_text"] == "93%"


def test_every_free_text_column_is_defused_and_rows_follow_the_header() -> None:
    # Every field that can come from an article, a file name, a JSON id or a reference table
    # (aliases.csv regions, source URLs, a folder named "=SUM(1+1)" in an evidence row)
    # starts with a formula character; no cell of the row may, but our own numbers.
    hostile = "=cmd"
    m = Mention("=a.txt", 0, 4, "=cmd", "count", D(-4), D(4), "=unit", qualifier="=q")  # type: ignore[arg-type]
    claim = Claim(
        "c1",
        m,
        election="+e",
        entity=hostile,
        measure="-m",
        scope="@s",  # type: ignore[arg-type]
        region="=SUM(1+1)",
        option="+opt",
        quote="=cmd|' /C calc'!A0 said",
    )
    ev = Evidence(
        table="=t",
        row="=SUM(1+1)/results.csv:2",
        value=hostile,
        source_url="=HYPERLINK(1)",
        number=D("-1.5"),
        unit="-u",
    )
    diff = Difference(D("-2.5"), "@pp")
    finding = Finding(
        "=F",
        "-c",
        "+v",
        ("c1",),
        hostile,
        severity="@s",
        difference=diff,
        evidence=ev,  # type: ignore[arg-type]
    )
    row = finding_row(finding, Index(RunResult((), (), (claim,), (finding,))))
    assert tuple(row) == CSV_COLUMNS
    for column, cell in row.items():
        if column in NUMBER_COLUMNS:
            assert not cell or D(cell) is not None, column
        else:
            assert not cell.startswith(("=", "+", "-", "@")), (column, cell)
    assert row["difference"] == "-2.5" and row["region"] == "'=SUM(1+1)"


def test_long_sentence_is_cut_around_the_figure() -> None:
    filler = "the commission met again and again without publishing anything " * 12
    sentence = filler + "until it said 64.2% voted yes, " + filler
    quote = excerpt(sentence, "64.2%", cap=400)
    assert len(quote.text) <= 402
    assert quote.text.startswith("…") and quote.text.endswith("…")
    ((start, end),) = quote.spans
    assert quote.text[start:end] == "64.2%"


@pytest.mark.parametrize(
    ("diff", "shown"),
    [
        (Difference(D("-5.45"), "percentage_point"), "−5.45 pp"),
        (Difference(D("5.61"), "percentage_point"), "+5.61 pp"),
        (Difference(D("1"), "year"), "+1 year"),
        (Difference(D("-1250000"), "count"), "−1,250,000"),
        (Difference(D("0.333333"), "day"), "+0.33 days"),
    ],
    ids=["share-below", "share-above", "one-year", "votes", "fraction-of-day"],
)
def test_format_difference(diff: Difference, shown: str) -> None:
    assert format_difference(diff) == shown


def test_worst_discrepancies_rank_major_first_and_keep_the_swap_with_its_parts() -> None:
    result = sample_result()
    worst = [f.id for f in worst_discrepancies(result, Index(result), 10)]
    assert worst[-2:] == ["F_putin_c", "F_cross"]  # the two minor ones, larger difference first
    assert set(worst[:5]) == {"F_sum", "F_dates", "F_swap", "F_zapo", "F_kherson"}
    assert worst.index("F_swap") < worst.index("F_kherson")  # ranks with its larger half (5.61)


def test_summary_counts_worst_and_unreadable(full_report: tuple[Path, list[Path]]) -> None:
    text = (full_report[0] / "summary.md").read_text(encoding="utf-8")
    assert "| discrepancy | 7 |" in text
    assert "| Reference check | 4 | 1 | 0 | 2 | 7 |" in text
    assert "in/broken.html: cannot decode the bytes" in text
    assert "“They said Kherson and Zaporizhzhia returned **93%** and **87%** in favour" in text
    assert "findings.csv" in text
    worst = text.split("## Worst discrepancies", 1)[1]
    assert worst.index("**major**") < worst.index("**minor**")


def test_summary_quotes_hostile_text_inertly() -> None:
    base = sample_result()
    claim = base.claims[0]
    hostile = type(claim)(
        claim.id, claim.mention, claim.election, quote="<script>x</script> [a](b) **93%** | y"
    )
    result = RunResult(base.articles, (), (hostile,), (base.findings[0],))
    text = summary_markdown(result)
    assert "<script>" not in text
    assert md_escape("[a](b)") in text


def test_write_atomic_leaves_no_partial_file_on_enospc(tmp_path: Path) -> None:
    target = tmp_path / "findings.csv"
    target.write_bytes(b"old complete file")

    def half_then_full_disk(handle: object) -> None:
        handle.write(b"half a fi")  # type: ignore[attr-defined]
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OutputError) as err:
        write_atomic(target, half_then_full_disk)
    assert err.value.path == str(target)
    assert "No space left" in err.value.reason
    assert target.read_bytes() == b"old complete file"
    assert _leftovers(tmp_path) == []


def test_pdf_failure_keeps_json_csv_md_and_names_the_pdf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import checker.report as report

    def full_disk(*_args: object) -> bytes:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(report, "render_pdf", full_disk)
    with pytest.raises(OutputError) as err:
        write_report(sample_result(), tmp_path, ALL_PARTS)
    assert err.value.path == str(tmp_path / "report.pdf")
    for name in ("findings.json", "findings.csv", "summary.md"):
        assert (tmp_path / name).stat().st_size > 0
    assert not (tmp_path / "report.pdf").exists()
    assert _leftovers(tmp_path) == []


def test_plot_failure_names_the_figure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_result: RunResult) -> object:
        raise ValueError("no axes")

    figures = dict(figures_io_module.FIGURES)
    figures["timeline"] = (broken, figures["timeline"][1])  # type: ignore[assignment]
    monkeypatch.setattr(figures_io_module, "FIGURES", figures)
    with pytest.raises(OutputError) as err:
        write_report(sample_result(), tmp_path, ALL_PARTS)
    assert err.value.path == str(tmp_path / "figures" / "timeline.png")
    assert "no axes" in err.value.reason
    assert (tmp_path / "findings.json").is_file() and (tmp_path / "summary.md").is_file()
    assert not (tmp_path / "report.pdf").exists()


def test_output_folder_that_cannot_exist_is_an_output_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(OutputError) as err:
        write_report(sample_result(), blocker / "out", {"json"})
    assert "out" in err.value.path


@pytest.mark.parametrize("name", ["../escape.png", "/etc/passwd", "a/b.png", "..", "", "x\\..\\y"], ids=repr)
def test_file_names_cannot_leave_the_output_folder(tmp_path: Path, name: str) -> None:
    with pytest.raises(OutputError):
        safe_child(tmp_path, name)


def test_unknown_part_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        write_report(sample_result(), tmp_path, {"json", "docx"})


def test_two_writes_are_byte_identical(tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    a = write_report(sample_result(), first, ALL_PARTS)
    b = write_report(sample_result(), second, ALL_PARTS)
    assert [p.relative_to(first) for p in a] == [p.relative_to(second) for p in b]
    for p in a:
        assert p.read_bytes() == (second / p.relative_to(first)).read_bytes(), p.name


def test_a_stale_figure_from_an_earlier_run_is_removed(tmp_path: Path) -> None:
    write_report(sample_result(), tmp_path, {"png"})
    assert (tmp_path / "figures" / "timeline.png").is_file()
    base = sample_result()
    no_dates = RunResult(
        base.articles,
        base.errors,
        base.claims,
        tuple(f for f in base.findings if f.check != "temporal" and f.id != "F_dates"),
    )
    write_report(no_dates, tmp_path, {"png"})
    assert not (tmp_path / "figures" / "timeline.png").exists()
    assert (tmp_path / "figures" / "reported_vs_reference.png").is_file()


def test_misspelt_name_is_quoted_when_the_article_text_was_not_kept() -> None:
    # A name finding has no claims; a CLI run keeps no article text, so the sentence the
    # check stored is what the CSV, summary and PDF quote.
    seed = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_e6877975c975465a.txt"
    from checker.pipeline import run_check

    result = run_check([seed], jobs=1)
    try:
        rows = list(csv.DictReader(findings_csv(result).splitlines()))
        names = [r for r in rows if r["claim_ids"] == "" and "misspelling" in r["message"]]
        assert names, "the seed's misspelt names are found"
        for row in names:
            assert row["claim_text"] and row["claim_text"] in row["sentence"]
            assert len(row["sentence"]) > len(row["claim_text"]) + 20
    finally:
        result.close()
