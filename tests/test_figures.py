"""Figures are checked as objects: axes, labels, titles and the plotted data."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import numpy as np
import pytest
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from checker.model import Claim, Difference, Evidence, Finding, Mention, RunResult
from checker.report.figures import (
    TOP_ROWS,
    VERDICT_COLOURS,
    day_number,
    plot_across_sources,
    plot_overview,
    plot_reported_vs_reference,
    plot_timeline,
)
from checker.report.figures_io import png_bytes
from tests.test_report import REF, sample_result


def _bars(ax: Axes) -> list[Rectangle]:
    return [p for p in ax.patches if isinstance(p, Rectangle) and p.get_gid() == "reported"]


def _bar_by_label(ax: Axes, label_start: str) -> Rectangle:
    """The bar on the row whose y tick label starts with ``label_start``."""
    ticks = {t.get_text(): t.get_position()[1] for t in ax.get_yticklabels()}
    ys = [y for text, y in ticks.items() if text.startswith(label_start)]
    assert len(ys) == 1, (label_start, list(ticks))
    (bar,) = [b for b in _bars(ax) if abs(b.get_y() + b.get_height() / 2 - ys[0]) < 1e-9]
    return bar


def _offsets(ax: Axes, gid: str) -> list[tuple[float, float]]:
    cols = [c for c in ax.collections if isinstance(c, PathCollection) and c.get_gid() == gid]
    return [(float(x), float(y)) for c in cols for x, y in np.asarray(c.get_offsets(), dtype=float)]


def _texts(fig: Figure) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.texts]


@pytest.fixture(scope="module")
def comparison() -> Figure:
    return plot_reported_vs_reference(sample_result())


@pytest.mark.parametrize(
    ("label", "low", "high", "reference"),
    [
        ("Kherson (yes)", 92.5, 93.5, 87.05),
        ("Zaporizhzhia (yes)", 86.5, 87.5, 93.11),
        ("Donetsk (yes)", 99.0, 100.0, 99.23),
        ("Vladimir Putin — c", 87.5, 88.5, 87.28),
    ],
    ids=["kherson", "zaporizhzhia", "donetsk-open-end", "putin"],
)
def test_bars_are_the_reported_intervals_and_diamonds_the_reference(
    comparison: Figure, label: str, low: float, high: float, reference: float
) -> None:
    ax = comparison.axes[0]
    bar = _bar_by_label(ax, label)
    assert bar.get_x() == pytest.approx(low)
    assert bar.get_x() + bar.get_width() == pytest.approx(high)
    y = bar.get_y() + bar.get_height() / 2
    assert (pytest.approx(reference), pytest.approx(y)) in _offsets(ax, "reference")


def test_comparison_titles_labels_and_colours(comparison: Figure) -> None:
    ax = comparison.axes[0]
    assert ax.get_title(loc="left") == "Reported figures vs official results"
    assert "(%)" in ax.get_xlabel()
    assert _bar_by_label(ax, "Kherson").get_facecolor()[:3] == pytest.approx(
        _rgb(VERDICT_COLOURS["discrepancy"])
    )
    assert _bar_by_label(ax, "Donetsk").get_facecolor()[:3] == pytest.approx(
        _rgb(VERDICT_COLOURS["consistent"])
    )
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert REF in ticks and "ru_presidential_2024" in ticks  # election group headers
    assert max(t for t in ax.get_xticks()) <= 100


def test_differences_are_labelled(comparison: Figure) -> None:
    texts = _texts(comparison)
    assert "−5.45 pp" in texts and "+5.61 pp" in texts and "−0.22 pp" in texts


def test_the_swap_is_drawn_between_adjacent_rows(comparison: Figure) -> None:
    ax = comparison.axes[0]
    kherson = _bar_by_label(ax, "Kherson").get_y()
    zapo = _bar_by_label(ax, "Zaporizhzhia").get_y()
    assert abs(kherson - zapo) == pytest.approx(1.0)
    assert any("swap" in t for t in _texts(comparison))
    crossing = [line for line in ax.lines if line.get_gid() == "swap"]
    assert len(crossing) == 2
    # each line runs from one claim's figure to the other row's official value
    ends = sorted(np.asarray(line.get_xdata(), dtype=float)[1] for line in crossing)
    assert ends == pytest.approx([87.05, 93.11])


def test_open_end_is_an_arrow(comparison: Figure) -> None:
    ax = comparison.axes[0]
    ((x, _y),) = _offsets(ax, "open-above")
    assert x == pytest.approx(100.0)


def _many_claims(n: int) -> RunResult:
    claims, findings = [], []
    for i in range(n):
        v = D(50 + i % 40)
        m = Mention(f"art{i}.txt", 0, 3, f"{v}%", "percent", v - D("0.5"), v + D("0.5"), "percent")
        claims.append(
            Claim(f"c{i}", m, "some_election", f"Region {i}", "vote_share", "final", f"Region {i}", "Yes")
        )
        ref = v + D(i % 7)
        verdict = "consistent" if i % 7 == 0 else "discrepancy"
        diff = Difference(D(i % 7) - D("0.5"), "percentage_point") if verdict == "discrepancy" else None
        ev = Evidence("results", f"results.csv:{i}", f"{ref}%", None, number=ref, unit="percent")
        findings.append(Finding(f"F{i:03d}", "reference", verdict, (f"c{i}",), "m", "major", diff, ev))  # type: ignore[arg-type]
    return RunResult((), (), tuple(claims), tuple(findings))


def test_long_runs_show_the_top_rows_and_count_the_rest() -> None:
    fig = plot_reported_vs_reference(_many_claims(100))
    ax = fig.axes[0]
    assert len(_bars(ax)) == TOP_ROWS
    assert any(f"Showing {TOP_ROWS} of 100" in t and f"{100 - TOP_ROWS} more" in t for t in _texts(fig))
    # the largest differences are the ones shown
    shown = {t.get_text().split(" — ")[0] for t in ax.get_yticklabels()}
    assert "Region 6 (yes)" in shown and "Region 0 (yes)" not in shown


@pytest.mark.parametrize("plot", [plot_reported_vs_reference, plot_timeline])
def test_the_showing_note_sits_below_the_tick_labels(plot: object) -> None:
    """On a short axes (two rows) the note used to be drawn over the tick labels."""
    fig = plot(sample_result(), top=2)  # type: ignore[operator]
    FigureCanvasAgg(fig)
    fig.draw_without_rendering()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    notes = [t for ax in fig.axes for t in ax.texts if t.get_text().startswith("Showing")]
    assert len(notes) == 1
    note = notes[0].get_window_extent(renderer)
    for ax in fig.axes:
        for label in [*ax.get_xticklabels(), ax.xaxis.label]:
            box = label.get_window_extent(renderer)
            if label.get_text():
                assert note.y1 <= box.y0 + 0.5, (label.get_text(), note, box)


def test_across_sources_one_row_per_article_and_the_reference_line() -> None:
    fig = plot_across_sources(sample_result())
    (ax,) = [a for a in fig.axes if _bars(a)]
    assert "Vladimir Putin" in ax.get_title(loc="left")
    c_bar, d_bar = _bar_by_label(ax, "c:"), _bar_by_label(ax, "d:")
    assert (c_bar.get_x(), c_bar.get_x() + c_bar.get_width()) == pytest.approx((87.5, 88.5))
    assert (d_bar.get_x(), d_bar.get_x() + d_bar.get_width()) == pytest.approx((87.25, 87.35))
    (line,) = [ln for ln in ax.lines if ln.get_gid() == "reference"]
    assert np.asarray(line.get_xdata(), dtype=float)[0] == pytest.approx(87.28)
    # each row keeps its own reference verdict: the outlet that got it right is not painted wrong
    assert c_bar.get_facecolor()[:3] == pytest.approx(_rgb(VERDICT_COLOURS["discrepancy"]))
    assert d_bar.get_facecolor()[:3] == pytest.approx(_rgb(VERDICT_COLOURS["consistent"]))


def test_timeline_bars_cover_the_days_and_diamonds_mark_reference_dates() -> None:
    fig = plot_timeline(sample_result())
    ax = fig.axes[0]
    assert ax.get_xlabel() == "date"
    bar = _bar_by_label(ax, "“September 20-24”")
    assert bar.get_x() == pytest.approx(day_number(dt.date(2022, 9, 20)))
    assert bar.get_x() + bar.get_width() == pytest.approx(day_number(dt.date(2022, 9, 25)))
    xs = sorted(x for x, _y in _offsets(ax, "reference"))
    assert xs == pytest.approx(
        [day_number(dt.date(2014, 4, 7)) + 0.5, day_number(dt.date(2022, 9, 23)) + 0.5]
    )
    assert "+6 days" in _texts(fig)
    assert bar.get_facecolor()[:3] == pytest.approx(_rgb(VERDICT_COLOURS["discrepancy"]))


def test_overview_counts_per_election_and_histogram() -> None:
    fig = plot_overview(sample_result())
    left, right = fig.axes[:2]
    totals: dict[str, float] = {}
    labels = [t.get_text() for t in left.get_yticklabels()]
    for patch in left.patches:
        if isinstance(patch, Rectangle) and str(patch.get_gid()).startswith("count-"):
            label = labels[round(patch.get_y() + patch.get_height() / 2)]
            totals[label] = totals.get(label, 0) + patch.get_width()
    assert totals == {REF: 7, "ru_presidential_2024": 4, "(no election)": 1}
    heights = sum(p.get_height() for p in right.patches if isinstance(p, Rectangle))
    assert heights == 5  # five findings with a difference in percentage points
    assert "percentage points" in right.get_xlabel()


@pytest.mark.parametrize(
    "plot",
    [plot_reported_vs_reference, plot_across_sources, plot_timeline, plot_overview],
    ids=lambda p: p.__name__,
)
def test_an_empty_run_gives_a_figure_that_says_so(plot: object) -> None:
    fig = plot(RunResult((), (), (), ()))  # type: ignore[operator]
    assert any(t.startswith("No ") for t in _texts(fig))


def test_png_rendering_is_deterministic() -> None:
    result = sample_result()
    assert png_bytes(plot_reported_vs_reference(result)) == png_bytes(plot_reported_vs_reference(result))


def _rgb(hex_colour: str) -> tuple[float, float, float]:
    h = hex_colour.lstrip("#")
    return (int(h[0:2], 16) / 255, int(h[2:4], 16) / 255, int(h[4:6], 16) / 255)


@pytest.fixture(scope="module")
def shared_run() -> RunResult:
    """Seeds and corpus of ../shared, checked once for the figure tests below."""
    from pathlib import Path

    from checker.pipeline import run_check

    shared = Path(__file__).resolve().parents[2] / "shared"
    return run_check([shared / "seeds", shared / "corpus"], jobs=1)


def test_across_sources_titles_name_the_figure_and_fit(shared_run: RunResult) -> None:
    """Panel titles say what was compared ("? elapsed, elapsed" and titles running off the
    right edge were what a reviewer saw), and count axes read as counts, never "1e6"."""
    fig = plot_across_sources(shared_run)
    FigureCanvasAgg(fig)
    fig.draw_without_rendering()
    panels = [ax for ax in fig.axes if _bars(ax)]
    titles = [ax.get_title(loc="left") for ax in panels]
    assert len(panels) >= 8 and all(titles)
    for title in titles:
        flat = title.replace("\n", " ")
        assert "?" not in flat and "votes, votes" not in flat and "date, date" not in flat, title
        assert all(len(line) <= 62 for line in title.splitlines()), title
    assert any(t.startswith("Length of the date range (days)") for t in titles)
    assert any(
        "Kherson (yes), vote share — ua_occupied_annexation_ref_2022" in t.replace("\n", " ") for t in titles
    )
    width = fig.get_window_extent().x1
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    for ax in panels:
        assert ax.title.get_window_extent(renderer).x1 <= width, ax.get_title(loc="left")
        if ax.get_xlabel() == "count":
            assert ax.xaxis.get_offset_text().get_text() == ""
            assert all(t.get_text().endswith(("k", "M")) for t in ax.get_xticklabels() if t.get_text())
