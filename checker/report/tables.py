"""findings.csv rows and the summary.md text (pure: result in, text out).

The CSV has one row per finding, ordered by article, position of the first claim, check
and id, so that it reads article by article and is the same for the same input. The
Markdown summary counts, ranks and points to the CSV for the long tail.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from decimal import Decimal
from typing import IO

from checker.files import defuse
from checker.model import Claim, Finding, RunResult
from checker.report.view import (
    CHECK_TITLES,
    CHECKS,
    VERDICTS,
    Index,
    check_counts,
    collapse,
    decimal_text,
    format_difference,
    format_interval,
    source_of,
    verdict_counts,
    worst_discrepancies,
)
from checker.store import StoredRows, select

CSV_COLUMNS = (
    "finding_id",
    "article",
    "check",
    "verdict",
    "severity",
    "claim_text",
    "sentence",
    "reported_low",
    "reported_high",
    "reported_unit",
    "qualifier",
    "reference_value",
    "reference_number",
    "reference_date",
    "reference_unit",
    "difference",
    "difference_unit",
    "election",
    "entity",
    "region",
    "option",
    "measure",
    "scope",
    "evidence_table",
    "evidence_row",
    "source_url",
    "message",
    "claim_ids",
)
# Columns that hold numbers or dates we formatted ourselves ("-5.45" is a number to a
# spreadsheet, not a formula). Every other cell can carry text from an article, a file name,
# a JSON id or a reference table (region names via aliases.csv, source URLs, evidence rows):
# such a cell must not turn into a formula when a reviewer opens the CSV (a cell starting
# with = + - @ is evaluated by Excel/LibreOffice), so `finding_row` defuses all of them.
NUMBER_COLUMNS = frozenset(
    {"reported_low", "reported_high", "reference_number", "reference_date", "difference"}
)
TEXT_COLUMNS = frozenset(CSV_COLUMNS) - NUMBER_COLUMNS
WORST_IN_SUMMARY = 10

_CHECK_ORDER = {c: i for i, c in enumerate(CHECKS)}


def _bound(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return decimal_text(value)
    return str(value)  # datetime.date -> ISO


def csv_order(result: RunResult, index: Index) -> Iterable[Finding]:
    """Findings by article, position of the first claim, check and id."""
    if isinstance(result.findings, StoredRows):
        return select(result.findings, order="csv")  # sorted by the store, on disk

    def key(f: Finding) -> tuple[str, int, int, str]:
        claims = index.claims_of(f)
        start = claims[0].mention.start if claims else int(dict(f.extra).get("start", "0") or 0)
        return (index.article_of(f), start, _CHECK_ORDER.get(f.check, 9), f.id)

    return sorted(result.findings, key=key)


def finding_row(f: Finding, index: Index) -> dict[str, str]:
    """One CSV row (all values text); the interval and bindings are the first claim's.

    >>> from checker.model import Article, Claim, Mention, RunResult
    >>> m = Mention("a.txt", 4, 7, "93%", "percent", Decimal("92.5"), Decimal("93.5"), "percent")
    >>> r = RunResult((), (), (Claim("c1", m, quote="Yes: 93% of votes."),), ())
    >>> f = Finding("F1", "reference", "unverifiable", ("c1",), "No reference row.")
    >>> row = finding_row(f, Index(r))
    >>> row["claim_text"], row["sentence"], row["reported_low"]
    ('93%', 'Yes: 93% of votes.', '92.5')
    """
    claims = index.claims_of(f)
    first = claims[0] if claims else None
    m = first.mention if first else None
    ev = f.evidence
    row = {
        "finding_id": f.id,
        "article": index.article_of(f),
        "check": f.check,
        "verdict": f.verdict,
        "severity": f.severity or "",
        "claim_text": collapse(index.finding_text(f)),
        "sentence": index.finding_sentences(f),
        "reported_low": _bound(m.low) if m else "",
        "reported_high": _bound(m.high) if m else "",
        "reported_unit": m.unit if m else "",
        "qualifier": m.qualifier if m else "",
        "reference_value": ev.value if ev else "",
        "reference_number": _bound(ev.number) if ev else "",
        "reference_date": _bound(ev.date) if ev else "",
        "reference_unit": (ev.unit or "") if ev else "",
        "difference": decimal_text(f.difference.value) if f.difference else "",
        "difference_unit": f.difference.unit if f.difference else "",
        "election": (first.election or "") if first else "",
        "entity": (first.entity or "") if first else "",
        "region": (first.region or "") if first else "",
        "option": (first.option or "") if first else "",
        "measure": first.measure if first else "",
        "scope": first.scope if first else "",
        "evidence_table": ev.table if ev else "",
        "evidence_row": ev.row if ev else "",
        "source_url": (ev.source_url or "") if ev else "",
        "message": collapse(f.message),
        "claim_ids": " ".join(f.claims),
    }
    return {k: defuse(v) if k in TEXT_COLUMNS else v for k, v in row.items()}  # CSV_COLUMNS order


def write_findings_csv(result: RunResult, handle: IO[bytes], index: Index | None = None) -> None:
    """findings.csv (header + one row per finding) as UTF-8, ``\r\n`` line ends as RFC 4180,
    written row by row."""
    index = index or Index(result)
    text = io.TextIOWrapper(handle, encoding="utf-8", newline="", write_through=False)
    try:
        writer = csv.writer(text, lineterminator="\r\n")
        writer.writerow(CSV_COLUMNS)
        for f in csv_order(result, index):
            writer.writerow(finding_row(f, index).values())
        text.flush()
    finally:
        text.detach()  # the caller owns (and closes) the byte stream


def findings_csv(result: RunResult, index: Index | None = None) -> str:
    """The whole findings.csv as one string (for tests and the Python API)."""
    out = io.BytesIO()
    write_findings_csv(result, out, index)
    return out.getvalue().decode("utf-8")


# --- summary.md ---------------------------------------------------------------------------

_MD_SPECIAL = str.maketrans(
    {c: "\\" + c for c in "\\`*_[]<>|#"}
    # a line break or other control character in a file name would end a list item or a
    # table row: show it as its escape ("\n"), as a shell listing does
    | {chr(i): repr(chr(i))[1:-1] for i in (*range(32), 127)}
)


def md_escape(text: str) -> str:
    """Article text made inert in Markdown (no emphasis, links, HTML or table breaks).

    >>> md_escape("a *b* <i>|")
    'a \\\\*b\\\\* \\\\<i\\\\>\\\\|'
    >>> print(md_escape("two\\nlines.txt"))
    two\\nlines.txt
    """
    return text.translate(_MD_SPECIAL)


def reported_text(claim: Claim) -> str:
    """The figure as written and its interval: “93%” (92.5%–93.5%)."""
    return f"“{md_escape(claim.mention.text)}” ({md_escape(format_interval(claim))})"


def md_quote(index: Index, f: Finding) -> str:
    """The finding's sentence in curly quotes, the figure in bold."""
    quote = index.finding_quote(f)
    if not quote.text:
        return ""
    body = "".join(f"**{md_escape(t)}**" if bold else md_escape(t) for t, bold in quote.segments())
    return f"“{body}”"


def summary_markdown(result: RunResult, index: Index | None = None, csv_name: str = "findings.csv") -> str:
    """summary.md: counts per verdict and check, unreadable inputs, the worst discrepancies."""
    index = index or Index(result)
    findings = result.findings
    lines = [
        "# checkfigures report",
        "",
        f"{len(result.articles)} articles read, {len(result.errors)} input(s) could not be read, "
        f"{len(result.claims)} claims, {len(findings)} findings.",
        "",
        "## Verdicts",
        "",
        "| verdict | findings |",
        "|---|---:|",
    ]
    lines += [f"| {v} | {n} |" for v, n in verdict_counts(findings).items()]
    lines += ["", "## Per check", "", "| check | " + " | ".join(VERDICTS) + " | total |"]
    lines.append("|---|" + "---:|" * (len(VERDICTS) + 1))
    for check, counts in check_counts(findings).items():
        cells = " | ".join(str(counts[v]) for v in VERDICTS)
        lines.append(f"| {CHECK_TITLES[check]} | {cells} | {sum(counts.values())} |")
    worst = worst_discrepancies(result, index, WORST_IN_SUMMARY)
    lines += ["", "## Worst discrepancies", ""]
    if not worst:
        lines.append("No discrepancies found.")
    for i, f in enumerate(worst, 1):
        diff = format_difference(f.difference)
        head = f"{i}. **{f.severity or 'discrepancy'}**" + (f", {diff}" if diff else "")
        head += f" — {CHECK_TITLES[f.check].lower()}, article {md_escape(index.article_of(f))}"
        lines.append(head)
        quote = md_quote(index, f)
        if quote:
            lines.append(f"   > {quote}")
        claims = index.claims_of(f)
        reported = "reported " + ", ".join(reported_text(c) for c in claims) if claims else ""
        evidence = (
            f"reference {md_escape(f.evidence.value)} ({md_escape(f.evidence.row)})" if f.evidence else ""
        )
        facts = "; ".join(x for x in (reported, evidence) if x)
        if facts:
            lines.append(f"   {facts}.")
        lines.append(f"   {md_escape(collapse(f.message))}")
        source = source_of(f)
        if source:
            autolink = source.startswith(("http://", "https://")) and not any(c in source for c in " <>")
            lines.append(f"   Source: <{source}>" if autolink else f"   Source: {md_escape(source)}")
    rest = verdict_counts(findings)["discrepancy"] - len(worst)
    if rest > 0:
        lines += ["", f"{rest} more discrepancies are listed in `{csv_name}`."]
    lines += ["", "## Inputs that could not be read", ""]
    if not result.errors:
        lines.append("None.")
    lines += [f"- {md_escape(str(e))}" for e in result.errors]
    lines += [
        "",
        f"Every finding (one row each) is in `{csv_name}`; the full record is in `findings.json`.",
        "",
    ]
    return "\n".join(lines)
