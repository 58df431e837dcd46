"""The one place figures are rendered to PNG (Agg) and saved.

PNG bytes are deterministic: the Agg canvas, the package style, a fixed dpi and metadata
without a "Software" entry (PNG has no date unless one is added). A figure whose plot
function fails, or whose file cannot be written, raises OutputError naming its file.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Iterator
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from checker.errors import OutputError
from checker.files import safe_child, write_bytes_atomic
from checker.model import RunResult
from checker.report.figures import (
    has_source_groups,
    iter_comparison_rows,
    iter_timeline_rows,
    plot_across_sources,
    plot_overview,
    plot_reported_vs_reference,
    plot_timeline,
    style,
)
from checker.report.view import Index

log = logging.getLogger(__name__)

DPI = 150
FIGURES_FOLDER = "figures"

Plot = Callable[[RunResult], Figure]
HasData = Callable[[RunResult], bool]


def _any(items: Iterator[object]) -> bool:
    return next(items, None) is not None


# name (file stem) -> plot function, and whether the run has anything to draw
FIGURES: dict[str, tuple[Plot, HasData]] = {
    "reported_vs_reference": (plot_reported_vs_reference, lambda r: _any(iter_comparison_rows(r, Index(r)))),
    "across_sources": (plot_across_sources, lambda r: has_source_groups(r, Index(r))),
    "timeline": (plot_timeline, lambda r: _any(iter_timeline_rows(r, Index(r)))),
    "overview": (plot_overview, lambda r: len(r.findings) > 0),
}


def png_bytes(fig: Figure) -> bytes:
    """Render a figure with Agg to PNG bytes (no date or software in the metadata)."""
    FigureCanvasAgg(fig)
    buf = io.BytesIO()
    with style():
        fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": None})
    return buf.getvalue()


def render_figures(result: RunResult, out_dir: Path) -> dict[str, bytes]:
    """PNG bytes of every figure the run has data for, by name.

    ``out_dir`` is only used to name the file in an OutputError when a plot fails.
    """
    pngs: dict[str, bytes] = {}
    for name, (plot, has_data) in FIGURES.items():
        if not has_data(result):
            continue
        try:
            pngs[name] = png_bytes(plot(result))
        except Exception as exc:  # a plotting bug must not cost the other report files
            log.exception("figure %s failed", name)
            path = out_dir / FIGURES_FOLDER / f"{name}.png"
            raise OutputError(str(path), f"plotting failed ({type(exc).__name__}: {exc})") from exc
    return pngs


def write_figures(pngs: dict[str, bytes], out_dir: Path) -> list[Path]:
    """Write ``figures/<name>.png`` atomically; remove our figures this run did not draw."""
    folder = safe_child(out_dir, FIGURES_FOLDER)
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise OutputError(str(folder), exc.strerror or str(exc)) from exc
    written = [write_bytes_atomic(safe_child(folder, f"{name}.png"), data) for name, data in pngs.items()]
    for name in FIGURES:
        stale = folder / f"{name}.png"
        if name not in pngs and stale.is_file():
            # a figure left from an earlier run would show data this run does not have
            try:
                stale.unlink()
            except OSError as exc:
                raise OutputError(str(stale), f"cannot remove the stale figure ({exc.strerror})") from exc
    return written
