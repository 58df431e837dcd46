"""Figures for the forensics screens. Each ``plot_*`` returns a Figure; nothing is saved or shown.

Figures are built with :class:`matplotlib.figure.Figure` directly (no pyplot), so no
global state is touched and no GUI backend is needed.
"""

from __future__ import annotations

import textwrap

import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import LogNorm
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator
from numpy.typing import NDArray

from checker.forensics.digits import DigitTest
from checker.forensics.fingerprint import Fingerprint
from checker.forensics.integer import IntegerExcess

SIZE = (7.0, 4.2)


def plot_integer_excess(res: IntegerExcess, table: str = "") -> Figure:
    """Histogram of the Monte Carlo null excess with the observed excess marked.

    >>> from checker.forensics.integer import check_integer_excess
    >>> from checker.forensics.synthetic import synthetic_table
    >>> fig = plot_integer_excess(check_integer_excess(synthetic_table(800, seed=1), replicates=50))
    >>> fig.axes[0].get_xlabel()
    'Stations with an integer turnout or result, minus the expected number'
    """
    fig = Figure(figsize=SIZE)
    ax = fig.add_subplot()
    null = np.asarray(res.null_excess)
    ax.hist(null, bins=40, color="#9aa7b8", label=f"Honest-count simulations ({res.replicates})")
    ax.axvline(res.excess, color="#c0392b", lw=2, label=f"Observed excess {res.excess:.0f}")
    ax.axvline(res.mc_99_9, color="#34495e", ls="--", lw=1, label=f"99.9th percentile {res.mc_99_9:.0f}")
    ax.set_xlabel("Stations with an integer turnout or result, minus the expected number")
    ax.set_ylabel("Simulations")
    flag = "flagged" if res.flagged else "not flagged"
    ax.set_title(
        f"Integer-percentage excess{' — ' + table if table else ''}\n"
        f"{res.p_text}, {flag} at alpha {res.alpha:g}",
        fontsize=10,
    )
    ax.legend(loc="upper right", fontsize=8)
    fig.tight_layout()
    return fig


# What a reviewer should look for, printed under the fingerprint.
FINGERPRINT_CAPTION = (
    "Each cell counts stations (log colour scale). Clean counts form one round cloud; ballot "
    "stuffing smears it toward the top right (100%, 100%). The side histograms (0.1-point bins) "
    "show integer-percentage peaks as spikes at whole numbers. Spikes at 50%, 33.3%, 66.7%, 25% "
    "... come from honest small stations too (simple fractions of small counts); the 100% spike "
    "is clipped and labelled so that the rest stays readable."
)
# A marginal's y axis ends above the tallest bin below 99.5%, so the 100% spike of stations
# where everybody voted (or voted for the leader) does not flatten the integer peaks.
SPIKE_FROM = 995


def _clipped_marginal(ax: Axes, hist: NDArray[np.int64], horizontal: bool) -> None:
    fine = np.arange(hist.size) / 10 + 0.05
    body = float(hist[:SPIKE_FROM].max()) if hist[:SPIKE_FROM].size else 1.0
    limit = max(1.0, 1.15 * body)
    if horizontal:
        ax.plot(fine, hist, lw=0.6, color="#2c3e50")
        ax.set_ylim(0, limit)
    else:
        ax.plot(hist, fine, lw=0.6, color="#2c3e50")
        ax.set_xlim(0, limit)
    spike = int(hist[SPIKE_FROM:].sum())
    if spike > limit:
        text = f"{spike:,} at 99.5-100% (clipped)"
        if horizontal:
            ax.annotate(
                text,
                xy=(99.5, limit),
                xytext=(97, 0.92 * limit),
                ha="right",
                va="top",
                fontsize=7,
                arrowprops={"arrowstyle": "->", "lw": 0.6},
            )
        else:
            ax.annotate(
                text,
                xy=(limit, 99.5),
                xytext=(0.95 * limit, 93),
                ha="right",
                va="top",
                fontsize=7,
                rotation=90,
                arrowprops={"arrowstyle": "->", "lw": 0.6},
            )


def plot_fingerprint(fp: Fingerprint, table: str = "") -> Figure:
    """Turnout vs leader's result (1-point bins, log colour scale) with 0.1-point marginals.

    >>> from checker.forensics.fingerprint import check_fingerprint
    >>> from checker.forensics.synthetic import synthetic_table
    >>> fig = plot_fingerprint(check_fingerprint(synthetic_table(800, seed=1)))
    >>> [ax.get_xlabel() for ax in fig.axes[:1]]
    ['Turnout, %']
    """
    fig = Figure(figsize=(7.6, 8.2))
    grid = fig.add_gridspec(
        2,
        3,
        width_ratios=(4, 1.2, 0.15),
        height_ratios=(1.2, 4),
        hspace=0.08,
        wspace=0.08,
        left=0.1,
        right=0.9,
        top=0.93,
        bottom=0.19,
    )
    main = fig.add_subplot(grid[1, 0])
    top = fig.add_subplot(grid[0, 0], sharex=main)
    side = fig.add_subplot(grid[1, 1], sharey=main)
    bar = fig.add_subplot(grid[1, 2])
    shown = np.ma.masked_equal(fp.grid.T, 0)  # empty bins stay white
    vmax = max(int(fp.grid.max()), 2)
    image = main.imshow(
        shown,
        origin="lower",
        extent=(0, 100, 0, 100),
        aspect="auto",
        cmap="viridis",
        interpolation="nearest",
        norm=LogNorm(vmin=1, vmax=vmax),
    )
    fig.colorbar(image, cax=bar, label="Stations per 1 x 1 point cell (log)")
    main.set_xlabel("Turnout, %")
    main.set_ylabel(f"{fp.leader} result, %")
    _clipped_marginal(top, fp.turnout_hist, horizontal=True)
    _clipped_marginal(side, fp.result_hist, horizontal=False)
    top.set_ylabel("Stations")
    side.set_xlabel("Stations")
    top.tick_params(labelbottom=False)
    side.tick_params(labelleft=False)
    # The side panel's "0" would run into the main panel's "100": start its ticks above zero.
    side.xaxis.set_major_locator(MaxNLocator(nbins=3, prune="lower"))
    top.yaxis.set_major_locator(MaxNLocator(nbins=3, prune="lower"))
    flag = "flagged" if fp.flagged else "not flagged"
    top.set_title(
        f"Turnout vs result{' — ' + table if table else ''}\ncorner test within {fp.districts} districts: "
        f"{fp.p_text}, {flag} at alpha {fp.alpha:g}",
        fontsize=10,
    )
    fig.text(0.1, 0.105, textwrap.fill(FINGERPRINT_CAPTION, 110), va="top", ha="left", fontsize=7.5)
    return fig


def plot_digits(res: DigitTest, table: str = "") -> Figure:
    """Observed share of each digit 0-9 against the expected share and its sampling band.

    The expected share is the calibrated reference (honest recounts) when there is one,
    with a band of +/- 2 binomial standard errors for this many counts; the law (Benford
    or uniform) is drawn dashed. The y axis is zoomed on the data, not started at 0, so
    departures of half a point are visible.

    >>> from checker.forensics.digits import check_last_digit
    >>> fig = plot_digits(check_last_digit(np.arange(10, 2000)))
    >>> len(fig.axes[0].patches)
    10
    """
    fig = Figure(figsize=(7.0, 4.6))
    ax = fig.add_subplot()
    digits = np.arange(10)
    total = max(res.n, 1)
    observed = np.asarray(res.counts) / total
    law = np.asarray(res.expected) / total
    ref = law if res.reference is None else np.asarray(res.reference) / total
    band = 2 * np.sqrt(ref * (1 - ref) / total)
    ax.bar(digits, observed, color="#9aa7b8", width=0.6, label=f"Observed ({res.n:,} counts)")
    ref_label = (
        f"Honest-recount reference ({res.replicates} replicates)"
        if res.reference is not None
        else ("Benford's law" if res.test == "second_digit" else "Uniform")
    )
    ax.fill_between(
        digits,
        ref - band,
        ref + band,
        color="#c0392b",
        alpha=0.18,
        step=None,
        label="Reference +/- 2 standard errors",
    )
    ax.plot(digits, ref, "o-", color="#c0392b", ms=4, label=ref_label)
    if res.reference is not None:
        law_name = "Benford's law" if res.test == "second_digit" else "Uniform (law)"
        ax.plot(digits, law, "--", color="#34495e", lw=1, label=law_name)
    low = float(min(observed.min(), (ref - band).min(), law.min()))
    high = float(max(observed.max(), (ref + band).max(), law.max()))
    pad = 0.15 * (high - low) + 1e-4
    ax.set_ylim(max(0.0, low - pad), high + pad)
    ax.set_xticks(digits)
    which = "Second" if res.test == "second_digit" else "Last"
    ax.set_xlabel(f"{which} digit of {res.column}")
    ax.set_ylabel("Share of counts (axis does not start at 0)")
    flag = "flagged" if res.flagged else "not flagged"
    ax.set_title(
        f"{res.title}{' — ' + table if table else ''}\n{res.p_text}, {flag} at alpha {res.alpha:g}",
        fontsize=10,
    )
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2, fontsize=7.5, frameon=False)
    fig.tight_layout()
    return fig
