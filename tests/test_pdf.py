"""report.pdf: checked through the text pypdf extracts, its outline and its page count."""

from __future__ import annotations

import io
import re
from decimal import Decimal as D

import pytest
from pypdf import PdfReader

from checker.model import Article, ArticleError, Claim, Difference, Evidence, Finding, Mention, RunResult
from checker.report import pdf as pdf_module
from checker.report.figures_io import render_figures
from checker.report.pdf import md_text, render_pdf
from tests.test_report import sample_result


def _read(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def _text(reader: PdfReader, page: int | None = None) -> str:
    pages = reader.pages if page is None else [reader.pages[page]]
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pages))


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory: pytest.TempPathFactory) -> PdfReader:
    result = sample_result()
    return _read(render_pdf(result, render_figures(result, tmp_path_factory.mktemp("out"))))


def test_outline_has_one_bookmark_per_section(sample_pdf: PdfReader) -> None:
    titles = [item.title for item in sample_pdf.outline]  # type: ignore[union-attr]
    assert titles == [
        "Summary",
        "Overview",
        "Reference check",
        "Temporal check",
        "Internal check",
        "Cross-source check",
        "Appendix: every finding",
        "Appendix: inputs that could not be read",
    ]


def test_page_count_and_every_section_starts_a_page(sample_pdf: PdfReader) -> None:
    assert 7 <= len(sample_pdf.pages) <= 9
    firsts = [_text(sample_pdf, i)[:40] for i in range(len(sample_pdf.pages))]
    for title in ("Overview", "Reference check", "Temporal check", "Internal check", "Cross-source check"):
        assert any(f.startswith(title) for f in firsts), title


def test_page_one_says_what_was_checked_the_counts_and_the_worst(sample_pdf: PdfReader) -> None:
    page = _text(sample_pdf, 0)
    assert page.startswith("checkfigures report")
    assert "6 articles read, 1 input(s) could not be read, 11 claims, 12 findings." in page
    assert "reference_data/results.csv" in page
    assert "in/broken.html" in page
    assert "Reference check 4 1 0 2 7" in page
    assert "all checks 7 1 1 3 12" in page
    assert "“They said Kherson and Zaporizhzhia returned 93% and 87% in favour, respectively,”" in page
    assert "https://example.org/cec/results-2022" in page
    assert page.index("major") < page.index("Worst discrepancies") + 400


def test_unicode_survives(sample_pdf: PdfReader) -> None:
    text = _text(sample_pdf)
    assert "Явка составила 71% по всей области" in text
    assert "“republics”" in text
    assert "2022-09-23–2022-09-27" in text  # en dash
    assert "−5.45 pp" in text  # minus sign


def test_sections_quote_the_sentence_and_the_finding(sample_pdf: PdfReader) -> None:
    text = _text(sample_pdf)
    assert "“Exit polls had the front-runner on 61% and the challenger on 47% of the same vote.”" in text
    assert "Shares of one contest add up to more than 100%" in text
    assert "Sources disagree on the vote share for Vladimir Putin" in text


def test_article_text_that_looks_like_markdown_is_printed_as_is() -> None:
    sentence = "He said -- twice -- that **this** was __final__ [see](here) at 93%."
    m = Mention("m.txt", 60, 63, "93%", "percent", D("92.5"), D("93.5"), "percent")
    claim = Claim("m#1", m, "e1", "Somewhere", "vote_share", quote=sentence)
    finding = Finding("F1", "reference", "unverifiable", ("m#1",), "Nothing to ~~compare~~ with.")
    text = _text(_read(render_pdf(RunResult((), (), (claim,), (finding,)), {})))
    assert "-- twice -- that **this** was __final__ [see]" in text
    assert "~~compare~~" in text


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [("a--b", "a\\--b"), ("**x**", "\\**x\\**"), ("back\\slash", "back\\slash"), ("\\**", "\\\\\\**")],
    ids=["dashes", "bold", "lone-backslash", "backslash-before-marker"],
)
def test_md_text_escapes_markers(raw: str, escaped: str) -> None:
    assert md_text(raw) == escaped


def test_tables_and_appendix_are_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_module, "SECTION_ROWS", 5)
    monkeypatch.setattr(pdf_module, "APPENDIX_ROWS", 12)
    claims, findings = [], []
    for i in range(30):
        m = Mention(f"a{i:02d}.txt", 0, 3, "50%", "percent", D("49.5"), D("50.5"), "percent")
        claims.append(Claim(f"c{i}", m, "e1", "X", "vote_share", quote=f"Sentence number {i} says 50%."))
        findings.append(Finding(f"F{i:02d}", "reference", "unverifiable", (f"c{i}",), f"finding {i}"))
    text = _text(_read(render_pdf(RunResult((), (), tuple(claims), tuple(findings)), {})))
    assert "Top 5 of 30, discrepancies first" in text
    assert "The first 12 of 30 findings; every finding is in findings.csv." in text
    assert "finding 11" in text and "finding 29" not in text


def test_a_huge_id_or_path_is_cut_and_the_pdf_still_renders() -> None:
    # A 2,000-character JSON id and a 4 KB path made a table row taller than a page: fpdf
    # raised "row too high" and the whole PDF was dropped.
    long_id = "story-" + "x" * 2000
    long_path = "/".join(["d" * 200] * 20) + "/results.csv:2"
    m = Mention(long_id, 0, 3, "93%", "percent", D("92.5"), D("93.5"), "percent")
    claim = Claim(long_id + "#1", m, "e1", "Somewhere", "vote_share", quote="93% voted yes.")
    evidence = Evidence("results", long_path, "87.05%", source_url=long_path)
    finding = Finding(
        "F1",
        "reference",
        "discrepancy",
        (claim.id,),
        "Off.",
        "major",
        Difference(D("5"), "percentage_point"),
        evidence,
    )
    article = Article(long_id, long_path, "", "t", None)
    error = ArticleError(long_path, long_path, "cannot decode " * 300)
    text = _text(_read(render_pdf(RunResult((article,), (error,), (claim,), (finding,)), {})))
    assert "story-xxx" in text and "results.csv:2" in text
    assert "x" * 200 not in text
