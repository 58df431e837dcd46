"""Forensics report files: forensics.json, forensics.csv, figures/*.png and forensics.pdf.

Every file is written atomically (temporary file in the same folder, then ``os.replace``)
and deterministically: no timestamps, stable names and order, seeded simulations.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import matplotlib
from matplotlib.figure import Figure

from checker import __version__
from checker.errors import OutputError, TableError
from checker.files import defuse, write_bytes_atomic
from checker.forensics.digits import DigitTest
from checker.forensics.fingerprint import Fingerprint
from checker.forensics.integer import IntegerExcess
from checker.forensics.plots import plot_digits, plot_fingerprint, plot_integer_excess
from checker.forensics.run import TableReport, TestResult
from checker.forensics.verdict import alpha_text

log = logging.getLogger(__name__)

CSV_COLUMNS = (
    "table",
    "test",
    "statistic_name",
    "statistic",
    "p_value",
    "log10_p",
    "alpha",
    "flagged",
    "n",
    "excess_turnout_or_result",
    "excess_result",
    "excess_turnout",
    "mc_sd",
    "mc_99_9_pct",
    "summary",
)
FONT = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
RE_UNSAFE = re.compile(r"[^\w.-]+")  # anything but letters, digits, '_', '.', '-' in a file stem


def _num(x: float | None, places: int = 4) -> float | None:
    if x is None or x != x:  # NaN becomes null: JSON has no NaN
        return None
    return round(float(x), places)


def statistic_of(res: TestResult) -> tuple[str, float | None]:
    """The headline statistic of a result and its name (for the CSV and the summary)."""
    return res.statistic_name, res.statistic


def headline(res: TestResult) -> str:
    """One console line for a result: title, statistic, p and the verdict with its alpha.

    Built from the numbers, never cut out of the summary (a party named "6. Единая Россия"
    has a ". " in its name).
    """
    name, value = statistic_of(res)
    verdict = "flagged" if res.flagged else "not flagged"
    shown = "nan" if value is None or value != value else f"{value:.4g}"
    return f"{res.title}: {name} {shown}, {res.p_text}; {verdict} at alpha {res.alpha:g}"


def _p(x: float) -> float:
    """A p-value at full precision (a float's repr round-trips; 4.69e-126 stays 4.69e-126)."""
    return float(x)


def _log10_p(res: TestResult) -> float | None:
    return _num(res.log10_p, 3)


def result_record(res: TestResult) -> dict[str, Any]:
    """A JSON-ready record of one test result."""
    name, value = statistic_of(res)
    rec: dict[str, Any] = {
        "test": res.name,
        "title": res.title,
        "statistic_name": name,
        "statistic": _num(value),
        "p_value": _p(res.p_value),
        "log10_p": _log10_p(res),
        "p_text": res.p_text,
        "alpha": res.alpha,
        "flagged": res.flagged,
        "n": res.n,
        "summary": res.summary,
    }
    if isinstance(res, IntegerExcess):
        rec.update(
            observed={
                "turnout_or_result": res.observed,
                "result": res.observed_result,
                "turnout": res.observed_turnout,
            },
            expected={
                "turnout_or_result": _num(res.expected, 1),
                "result": _num(res.expected_result, 1),
                "turnout": _num(res.expected_turnout, 1),
            },
            excess_turnout_or_result=_num(res.excess, 1),
            excess_result=_num(res.excess_result, 1),
            excess_turnout=_num(res.excess_turnout, 1),
            mc_sd=_num(res.mc_sd, 1),
            mc_99_9_pct=_num(res.mc_99_9, 1),
            replicates=res.replicates,
            seed=res.seed,
        )
    elif isinstance(res, Fingerprint):
        rec.update(
            leader=res.leader,
            corner_observed=res.corner_observed,
            corner_expected=_num(res.corner_expected, 1),
            corner_sd=_num(res.corner_sd, 2),
            top_fifth_stations=res.top_turnout,
            districts=res.districts,
            correlation=_num(res.correlation),
            high_corner_voter_share=_num(res.high_corner),
        )
    elif isinstance(res, DigitTest):
        rec.update(
            column=res.column,
            df=res.df,
            mean_digit=_num(res.mean_digit),
            law_mean=_num(res.expected_mean),
            reference_mean=_num(res.reference_mean),
            reference_sd=_num(res.reference_sd, 5),
            reference_replicates=res.replicates,
            chi_square_against_law=_num(res.chi_square_law, 2),
            counts=list(res.counts),
            expected_under_law=[_num(e, 2) for e in res.expected],
            expected_reference=None if res.reference is None else [_num(e, 2) for e in res.reference],
        )
    return rec


def forensics_record(
    reports: Sequence[TableReport], errors: Sequence[tuple[str, TableError]], replicates: int, seed: int
) -> dict[str, Any]:
    """The content of forensics.json."""
    tables = []
    for i, rep in enumerate(reports):
        t = rep.table
        layout = t.layout
        tables.append(
            {
                "path": rep.path,
                "name": t.name,
                "rows_read": t.rows_read,
                "stations": t.n,
                "skipped_without_numbers": t.skipped_empty,
                "skipped_bad_rows": t.skipped_bad,
                "problems": [str(p) for p in t.problems],
                "leader": t.leader_name,
                "candidates": list(t.candidates),
                "columns": None
                if layout is None
                else {
                    "registered": layout.registered,
                    "issued": list(layout.issued),
                    "valid": layout.valid,
                    "invalid": layout.invalid,
                },
                "tests": [result_record(r) for r in rep.results()],
                "figures": [f"figures/{figure_stem(i, rep)}-{r.name}.png" for r in rep.results()],
            }
        )
    return {
        "version": __version__,
        "settings": {"replicates": replicates, "seed": seed},
        "tables": tables,
        "errors": [{"path": path, "problems": [str(p) for p in err.problems]} for path, err in errors],
    }


def forensics_csv(reports: Sequence[TableReport]) -> str:
    """forensics.csv: one row per table and test."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for rep in reports:
        for res in rep.results():
            name, value = statistic_of(res)
            ie = res if isinstance(res, IntegerExcess) else None
            writer.writerow(
                [
                    defuse(rep.path),
                    res.name,
                    name,
                    _cell(value),
                    repr(_p(res.p_value)),
                    _cell(res.log10_p, 3),
                    repr(res.alpha),
                    "yes" if res.flagged else "no",
                    res.n,
                    *(
                        (_cell(ie.excess, 1), _cell(ie.excess_result, 1), _cell(ie.excess_turnout, 1))
                        if ie
                        else ("", "", "")
                    ),
                    *((_cell(ie.mc_sd, 1), _cell(ie.mc_99_9, 1)) if ie else ("", "")),
                    res.summary,
                ]
            )
    return buf.getvalue()


def _cell(x: float | None, places: int = 4) -> str:
    v = _num(x, places)
    return "" if v is None else repr(v)


def figure_stem(index: int, rep: TableReport) -> str:
    """A file-name stem for a table's figures: its position and a cleaned name."""
    name = Path(rep.path).name
    for suffix in (".zip", ".csv"):
        name = name.removesuffix(suffix)
    return f"{index + 1:02d}-{RE_UNSAFE.sub('_', name).strip('._') or 'table'}"


def figures_of(rep: TableReport) -> list[tuple[TestResult, Figure]]:
    """The figure of each test of a table, in report order."""
    label = Path(rep.path).name
    return [
        (rep.integer, plot_integer_excess(rep.integer, label)),
        (rep.fingerprint, plot_fingerprint(rep.fingerprint, label)),
        (rep.second_digit, plot_digits(rep.second_digit, label)),
        (rep.last_digit, plot_digits(rep.last_digit, label)),
    ]


def _png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=120, metadata={"Software": None})
    return buf.getvalue()


def forensics_pdf(reports: Sequence[TableReport], pngs: dict[tuple[int, str], bytes]) -> bytes:
    """The PDF: an overview page, then one page per table and test (figure and sentence)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    # fpdf2 always writes a creation date; the Unix epoch (the SOURCE_DATE_EPOCH=0 convention
    # of reproducible builds) keeps the file free of the run's time: same input, same bytes.
    pdf.set_creation_date(dt.datetime(1970, 1, 1, tzinfo=dt.UTC))
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=16)
    pdf.add_page()
    pdf.multi_cell(0, 9, "Election forensics screens", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", size=10)
    pdf.multi_cell(
        0,
        5,
        "Each test below is a screen: it flags patterns worth a closer look, with its statistic "
        "and p-value. None of them is proof of fraud, and a pass is not proof of a clean count.",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(3)
    for rep in reports:
        t = rep.table
        line = (
            f"{rep.path}: {t.n} stations used of {t.rows_read} rows ({t.skipped_empty} without numbers, "
            f"{t.skipped_bad} bad rows skipped); leader {t.leader_name}; integer excess "
            f"{rep.integer.excess:.0f} ({rep.integer.p_text}); fingerprint corner {rep.fingerprint.p_text}; "
            f"2BL {rep.second_digit.p_text}; last digit {rep.last_digit.p_text}. Every verdict at "
            f"{alpha_text()}."
        )
        pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
    for i, rep in enumerate(reports):
        for res in rep.results():
            pdf.add_page()
            pdf.set_font("DejaVu", size=13)
            pdf.multi_cell(0, 7, f"{res.title} — {Path(rep.path).name}", new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("DejaVu", size=10)
            pdf.image(io.BytesIO(pngs[(i, res.name)]), w=pdf.epw)
            pdf.ln(2)
            pdf.multi_cell(0, 5, res.summary, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def write_forensics(
    reports: Sequence[TableReport],
    errors: Sequence[tuple[str, TableError]],
    out_dir: Path,
    replicates: int,
    seed: int,
) -> list[Path]:
    """Write every report file into ``out_dir`` and return their paths (I/O)."""
    try:
        (out_dir / "figures").mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(str(out_dir), exc.strerror or str(exc)) from exc
    written: list[Path] = []
    pngs: dict[tuple[int, str], bytes] = {}
    for i, rep in enumerate(reports):
        for res, fig in figures_of(rep):
            data = _png(fig)
            pngs[(i, res.name)] = data
            written.append(
                write_bytes_atomic(out_dir / "figures" / f"{figure_stem(i, rep)}-{res.name}.png", data)
            )
    record = forensics_record(reports, errors, replicates, seed)
    text = json.dumps(record, ensure_ascii=False, indent=2) + "\n"
    written.append(write_bytes_atomic(out_dir / "forensics.json", text.encode("utf-8")))
    written.append(write_bytes_atomic(out_dir / "forensics.csv", forensics_csv(reports).encode("utf-8")))
    if reports:
        written.append(write_bytes_atomic(out_dir / "forensics.pdf", forensics_pdf(reports, pngs)))
    for path in written:
        log.info("wrote %s", path)
    return written
