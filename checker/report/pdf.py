"""report.pdf with fpdf2: a one-page summary, one section per check, an appendix.

fpdf2 is pure Python (no system libraries), lays out wrapped text and tables with repeated
headings across pages, embeds TTF fonts (DejaVu Sans, shipped with matplotlib, covers Latin,
Cyrillic and typographic punctuation) and writes bookmarks with ``start_section``. The PDF
has no timestamp: the creation date is a fixed constant, so the same findings give the same
bytes.

Article text reaches the PDF through fpdf2's markdown cells (for the bold figure inside the
quoted sentence), so it is escaped first: :func:`md_text`.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import struct
from collections.abc import Mapping, Sequence
from functools import partial
from pathlib import Path

import matplotlib
from fpdf import FPDF
from fpdf.fonts import FontFace

from checker import __version__
from checker.model import Finding, RunResult
from checker.report.view import (
    CHECK_TITLES,
    CHECKS,
    VERDICTS,
    Index,
    Quote,
    check_counts,
    collapse,
    format_difference,
    format_interval,
    source_of,
    top_findings,
    verdict_counts,
    worst_discrepancies,
)
from checker.store import select

FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
FONT = "DejaVu"
FONT_FILES = {
    "": "DejaVuSans.ttf",
    "B": "DejaVuSans-Bold.ttf",
    "I": "DejaVuSans-Oblique.ttf",
    "BI": "DejaVuSans-BoldOblique.ttf",
}
# A constant creation date keeps the PDF byte-identical between runs (no timestamps).
FIXED_DATE = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
SECTION_ROWS = 50
# The appendix is for reading, not for completeness (findings.csv has every finding): fpdf2
# lays out ~1,000 table rows a second, and a 2,000-row appendix was 90% of the PDF's time.
APPENDIX_ROWS = 500
ERROR_ROWS = 2000
FRONT_WORST = 5
FRONT_ARTICLES = 8
FRONT_TABLES = 8
FRONT_ERRORS = 3
MESSAGE_CAP = 300
NAME_CAP = 120  # characters of an article id, path or evidence row in a table cell
ERROR_CAP = 600

# figure shown in each check's section (figures_io names)
SECTION_FIGURES = {
    "reference": ("reported_vs_reference",),
    "temporal": ("timeline",),
    "internal": (),
    "cross_source": ("across_sources",),
}
CHECK_ABOUT = {
    "reference": "Reported figures compared with official results and reference dates.",
    "temporal": "Relative dates, elapsed times and ages compared with the calendar and reference events.",
    "internal": "Figures of one article compared with each other (shares that add up, durations, margins).",
    "cross_source": "The same figure as reported by different articles.",
}

RE_MD_ESCAPE = re.compile(
    r"""
    (?P<before>\\*)(?P<marker>\*\*|__|~~|--)  # an fpdf2 emphasis marker, maybe after backslashes
    | (?P<slashes>\\+)                         # a run of backslashes before anything else
    """,
    re.VERBOSE,
)


def _escape_token(match: re.Match[str]) -> str:
    # fpdf2 reads an odd run of k backslashes before a marker as k//2 backslashes plus a literal
    # marker, and a run of k before other text as (k+1)//2 backslashes.
    if match.group("marker"):
        return "\\" * (2 * len(match.group("before")) + 1) + match.group("marker")
    return "\\" * (2 * len(match.group("slashes")) - 1)


def md_text(text: str) -> str:
    """Text shown literally in an fpdf2 markdown cell (no emphasis, no links).

    >>> md_text("a--b **c** [x](y)")
    'a\\\\--b \\\\**c\\\\** [x]\\u2060(y)'
    """
    # a word joiner between "]" and "(" stops fpdf2 from reading "[x](y)" as a link
    return RE_MD_ESCAPE.sub(_escape_token, text).replace("](", "]\u2060(")


def md_quote(quote: Quote) -> str:
    """A quoted sentence for a markdown cell with the figures in bold.

    >>> md_quote(Quote("won 93% -- a record", ((4, 7),)))
    '“won **93%** \\\\-- a record”'
    """
    body = "".join(f"**{md_text(t)}**" if bold else md_text(t) for t, bold in quote.segments())
    return f"“{body}”"


def _cap(text: str, limit: int) -> str:
    text = collapse(text)
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _cap_name(text: str, limit: int = NAME_CAP) -> str:
    """An id or path cut in its middle (its start and its file name both tell which it is).

    A 2,000-character JSON id or a 4 KB path made a table row taller than a page, and fpdf
    dropped the whole PDF.

    >>> _cap_name("a/" * 60 + "story.txt", 20)
    'a/a/a/a/a/…story.txt'
    """
    text = collapse(text)
    if len(text) <= limit:
        return text
    tail = (limit - 1) // 2
    return text[: limit - 1 - tail] + "…" + text[-tail:]


class ReportPDF(FPDF):
    """A4 portrait with DejaVu fonts and a page footer."""

    def __init__(self) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        for style, name in FONT_FILES.items():
            self.add_font(FONT, style, str(FONT_DIR / name))
        self.set_margins(12, 12, 12)
        self.set_auto_page_break(auto=True, margin=14)
        self.set_creation_date(FIXED_DATE)
        self.set_title("checkfigures report")
        self.set_creator(f"checkfigures {__version__}")
        self.set_font(FONT, size=9)

    def footer(self) -> None:
        self.set_y(-10)
        self.set_font(FONT, size=7)
        self.set_text_color(110)
        self.cell(0, 5, f"checkfigures {__version__} — page {self.page_no()}/{{nb}}", align="C")
        self.set_text_color(0)

    # --- building blocks -------------------------------------------------------------------

    def heading(self, text: str, size: float = 13) -> None:
        self.set_font(FONT, "B", size)
        self.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
        self.ln(1.5)
        self.set_font(FONT, size=9)

    def para(self, text: str, size: float = 9, markdown: bool = False, style: str = "") -> None:
        self.set_font(FONT, style, size)
        self.multi_cell(0, size * 0.48, text, markdown=markdown, align="L", new_x="LMARGIN", new_y="NEXT")
        self.set_font(FONT, size=9)

    def figure(self, png: bytes) -> None:
        """A PNG across the text width, on a new page when it does not fit the rest of this one."""
        width_px, height_px = struct.unpack(">II", png[16:24])  # the PNG IHDR chunk
        width = self.epw
        height = width * height_px / width_px
        room = self.h - self.b_margin - self.t_margin
        left = self.h - self.b_margin - self.get_y()
        if height > left and left >= 0.6 * room:
            room = left  # most of a page is left: shrink a little rather than leave it blank
        if height > room:
            width, height = width * room / height, room
        if self.get_y() + height > self.h - self.b_margin:
            self.add_page()
        self.image(io.BytesIO(png), x=self.l_margin + (self.epw - width) / 2, w=width, h=height)
        self.ln(3)


def _counts_table(pdf: ReportPDF, findings: Sequence[Finding]) -> None:
    counts = check_counts(findings)
    totals = verdict_counts(findings)
    pdf.set_font(FONT, size=8.5)
    with pdf.table(
        col_widths=(40, 27, 25, 27, 25, 20),
        width=164,
        align="LEFT",
        text_align=("LEFT", "RIGHT", "RIGHT", "RIGHT", "RIGHT", "RIGHT"),
        headings_style=FontFace(emphasis="BOLD", fill_color=(235, 235, 235)),
        line_height=4.4,
    ) as table:
        table.row(["check", *VERDICTS, "total"])
        for check in CHECKS:
            table.row(
                [
                    CHECK_TITLES[check],
                    *(str(counts[check][v]) for v in VERDICTS),
                    str(sum(counts[check].values())),
                ]
            )
        table.row(
            ["all checks", *(str(totals[v]) for v in VERDICTS), str(len(findings))],
            style=FontFace(emphasis="BOLD"),
        )
    pdf.ln(3)


def _verdict_cell(f: Finding) -> str:
    lines = [f"**{f.verdict}**"]
    if f.severity:
        lines.append(f.severity)
    diff = format_difference(f.difference)
    if diff:
        lines.append(diff)
    return "\n".join(lines)


def _evidence_cell(f: Finding, index: Index) -> str:
    claims = index.claims_of(f)
    lines = []
    for c in claims[:3]:
        shown = format_interval(c)
        lines.append("reported " + md_text(shown if len(claims) == 1 else f"{c.mention.text}: {shown}"))
    if f.evidence is not None:
        lines.append("reference " + md_text(f.evidence.value))
        lines.append(md_text(_cap_name(f.evidence.row)))
        source = source_of(f)
        if source and source != f.evidence.row:
            lines.append(md_text(_cap(source, 90)))
    return "\n".join(lines)


def _sentence_cell(f: Finding, index: Index, cap: int) -> str:
    quote = index.finding_quote(f, cap)
    parts = [md_quote(quote)] if quote.text else []
    parts.append(f"__{md_text(_cap(f.message, MESSAGE_CAP))}__")
    return "\n".join(parts)


def _findings_table(pdf: ReportPDF, findings: Sequence[Finding], index: Index, cap: int = 300) -> None:
    pdf.set_font(FONT, size=7.5)
    with pdf.table(
        col_widths=(22, 98, 42, 24),
        markdown=True,
        text_align="LEFT",
        headings_style=FontFace(emphasis="BOLD", fill_color=(235, 235, 235)),
        line_height=3.6,
        padding=1,
    ) as table:
        table.row(
            ["verdict", "quoted sentence (figure in bold) and finding", "reported / reference", "article"]
        )
        for f in findings:
            table.row(
                [
                    _verdict_cell(f),
                    _sentence_cell(f, index, cap),
                    _evidence_cell(f, index),
                    md_text(_cap_name(index.article_of(f))),
                ]
            )
    pdf.set_font(FONT, size=9)
    pdf.ln(2)


def _front_page(pdf: ReportPDF, result: RunResult, index: Index) -> None:
    pdf.add_page()
    pdf.start_section("Summary")
    pdf.set_font(FONT, "B", 18)
    pdf.cell(0, 9, "checkfigures report", new_x="LMARGIN", new_y="NEXT")
    pdf.para(
        f"{len(result.articles)} articles read, {len(result.errors)} input(s) could not be read, "
        f"{len(result.claims)} claims, {len(result.findings)} findings.",
        size=10,
    )
    pdf.ln(2)
    pdf.heading("What was checked", 11)
    for a in result.articles[:FRONT_ARTICLES]:
        bits = [f"**{md_text(_cap_name(a.id))}**"]
        if a.title:
            bits.append(md_text(_cap(a.title, 90)))
        if a.published:
            bits.append(f"published {a.published.isoformat()}")
        pdf.para("• " + " — ".join(bits), size=8.5, markdown=True)
    if len(result.articles) > FRONT_ARTICLES:
        pdf.para(
            f"… and {len(result.articles) - FRONT_ARTICLES} more articles (see findings.json).", size=8.5
        )
    if result.reference_tables:
        pdf.ln(1)
        pdf.para("Reference tables:", size=8.5, style="B")
        for name, path in result.reference_tables[:FRONT_TABLES]:
            pdf.para(f"• {name}: {_cap_name(path)}", size=8)
        if len(result.reference_tables) > FRONT_TABLES:
            pdf.para(f"… and {len(result.reference_tables) - FRONT_TABLES} more tables.", size=8)
    if result.errors:
        pdf.ln(1)
        pdf.para("Could not be read (listed in the appendix):", size=8.5, style="B")
        for e in result.errors[:FRONT_ERRORS]:
            pdf.para(f"• {_cap(str(e), 150)}", size=8)
        if len(result.errors) > FRONT_ERRORS:
            pdf.para(f"… and {len(result.errors) - FRONT_ERRORS} more.", size=8)
    pdf.ln(2)
    pdf.heading("Verdicts", 11)
    _counts_table(pdf, result.findings)
    pdf.heading("Worst discrepancies", 11)
    worst = worst_discrepancies(result, index, FRONT_WORST)
    if not worst:
        pdf.para("No discrepancies found.")
    for i, f in enumerate(worst, 1):
        diff = format_difference(f.difference)
        head = f"{i}. **{f.severity or 'discrepancy'}**" + (f" · {diff}" if diff else "")
        head += f" · {CHECK_TITLES[f.check]} · {md_text(_cap_name(index.article_of(f)))}"
        pdf.para(head, size=9, markdown=True)
        quote = index.finding_quote(f, 260)
        if quote.text:
            pdf.set_x(pdf.l_margin + 4)
            pdf.set_font(FONT, size=8.5)
            pdf.multi_cell(pdf.epw - 4, 4.1, md_quote(quote), markdown=True, new_x="LMARGIN", new_y="NEXT")
        facts = []
        if f.evidence is not None:
            facts.append(f"Reference {md_text(f.evidence.value)} ({md_text(_cap_name(f.evidence.row))})")
        source = source_of(f)
        if source and (f.evidence is None or source != f.evidence.row):
            facts.append(f"source: {md_text(_cap(source, 110))}")
        if facts:
            pdf.set_x(pdf.l_margin + 4)
            pdf.set_font(FONT, size=7.5)
            pdf.set_text_color(70)
            # left-aligned: a long source URL on a justified line spreads the words apart
            pdf.multi_cell(
                pdf.epw - 4, 3.6, " — ".join(facts), markdown=True, align="L", new_x="LMARGIN", new_y="NEXT"
            )
            pdf.set_text_color(0)
        pdf.ln(1.2)
    rest = verdict_counts(result.findings)["discrepancy"] - len(worst)
    if rest > 0:
        pdf.para(f"{rest} more discrepancies in the sections below and in findings.csv.", size=8.5)


def render_pdf(result: RunResult, figures: Mapping[str, bytes], index: Index | None = None) -> bytes:
    """The whole report.pdf as bytes; ``figures`` maps figure names to PNG bytes."""
    index = index or Index(result)
    pdf = ReportPDF()
    _front_page(pdf, result, index)
    if "overview" in figures:
        pdf.add_page()
        pdf.start_section("Overview")
        pdf.heading("Overview")
        pdf.figure(figures["overview"])
    per_check = check_counts(result.findings)
    for check in CHECKS:
        pdf.add_page()
        title = CHECK_TITLES[check]
        pdf.start_section(title)
        pdf.heading(title)
        counts = per_check[check]
        found = sum(counts.values())
        summary = ", ".join(f"{n} {v}" for v, n in counts.items() if n) or "no findings"
        pdf.para(f"{CHECK_ABOUT[check]} {found} findings: {summary}.")
        pdf.ln(2)
        for name in SECTION_FIGURES[check]:
            if name in figures:
                pdf.figure(figures[name])
        if found:
            shown = top_findings(partial(select, result.findings, check=check), index, SECTION_ROWS)
            note = f"Top {len(shown)} of {found}, discrepancies first" if found > len(shown) else ""
            pdf.para(note or "All findings of this check, discrepancies first.", size=8, style="I")
            pdf.ln(1)
            _findings_table(pdf, shown, index)
    _appendix(pdf, result, index)
    return bytes(pdf.output())


def _appendix(pdf: ReportPDF, result: RunResult, index: Index) -> None:
    pdf.add_page()
    pdf.start_section("Appendix: every finding")
    pdf.heading("Appendix: every finding")
    findings = result.findings
    shown = findings[:APPENDIX_ROWS]
    if len(findings) > len(shown):
        pdf.para(
            f"The first {len(shown)} of {len(findings)} findings; every finding is in findings.csv.", size=8
        )
    if not findings:
        pdf.para("No findings.")
    else:
        pdf.set_font(FONT, size=6.5)
        with pdf.table(
            col_widths=(17, 16, 20, 30, 28, 75),
            markdown=True,
            text_align="LEFT",
            headings_style=FontFace(emphasis="BOLD", fill_color=(235, 235, 235)),
            line_height=3.0,
            padding=0.8,
        ) as table:
            table.row(["id", "check", "verdict", "figure", "article", "finding"])
            for f in shown:
                verdict = f.verdict + (f" {f.severity}" if f.severity else "")
                diff = format_difference(f.difference)
                table.row(
                    [
                        f.id,
                        f.check,
                        verdict + (f"\n{diff}" if diff else ""),
                        md_text(_cap(index.finding_text(f), 80)),
                        md_text(_cap_name(index.article_of(f))),
                        md_text(_cap(f.message, MESSAGE_CAP)),
                    ]
                )
    pdf.set_font(FONT, size=9)
    pdf.ln(3)
    pdf.start_section("Appendix: inputs that could not be read")
    pdf.heading("Appendix: inputs that could not be read")
    if not result.errors:
        pdf.para("Every input was read.")
        return
    errors = result.errors[:ERROR_ROWS]
    if len(result.errors) > len(errors):
        pdf.para(f"The first {len(errors)} of {len(result.errors)}; all are listed in findings.json.", size=8)
    pdf.set_font(FONT, size=7.5)
    with pdf.table(
        col_widths=(70, 116),
        text_align="LEFT",
        headings_style=FontFace(emphasis="BOLD", fill_color=(235, 235, 235)),
        line_height=3.6,
    ) as table:
        table.row(["input", "why it could not be read"])
        for e in errors:
            where = f"{e.path}:{e.line}" if e.line else e.path
            table.row([_cap_name(where), _cap(e.reason, ERROR_CAP)])
    pdf.set_font(FONT, size=9)
