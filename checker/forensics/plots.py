"""Figures for the forensics screens. Each ``plot_*`` returns a Figure; nothing is saved or shown.

Figures are built with :class:`matplotlib.figure.Figure` directly (no pyplot), so no
global state is touched and no GUI backend is needed.
"""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

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
    ax.set_title(f"Integer-percentage excess{' — ' + table if table else ''} (p = {res.p_value:.3g})")
    ax.legend(loc="upper right", fontsize=8)
    fig.tight_layout()
    return fig


def plot_fingerprint(fp: Fingerprint, table: str = "") -> Figure:
    """Turnout vs leader's result (1-point bins) with 0.1-point marginal histograms.

    >>> from checker.forensics.fingerprint import check_fingerprint
    >>> from checker.forensics.synthetic import synthetic_table
    >>> fig = plot_fingerprint(check_fingerprint(synthetic_table(800, seed=1)))
    >>> [ax.get_xlabel() for ax in fig.axes[:1]]
    ['Turnout, %']
    """
    fig = Figure(figsize=(7.0, 7.0))
    grid = fig.add_gridspec(2, 2, width_ratios=(4, 1.2), height_ratios=(1.2, 4), hspace=0.05, wspace=0.05)
    main = fig.add_subplot(grid[1, 0])
    top = fig.add_subplot(grid[0, 0], sharex=main)
    side = fig.add_subplot(grid[1, 1], sharey=main)
    shown = np.ma.masked_equal(fp.grid.T, 0)  # empty bins stay white
    main.imshow(
        shown, origin="lower", extent=(0, 100, 0, 100), aspect="auto", cmap="viridis", interpolation="nearest"
    )
    main.set_xlabel("Turnout, %")
    main.set_ylabel(f"{fp.leader} result, %")
    fine = np.arange(1000) / 10 + 0.05
    top.plot(fine, fp.turnout_hist, lw=0.6, color="#2c3e50")
    side.plot(fp.result_hist, fine, lw=0.6, color="#2c3e50")
    top.set_ylabel("Stations")
    side.set_xlabel("Stations")
    top.tick_params(labelbottom=False)
    side.tick_params(labelleft=False)
    top.set_title(f"Turnout vs result{' — ' + table if table else ''} (r = {fp.statistic:.2f})")
    return fig


def plot_digits(res: DigitTest, table: str = "") -> Figure:
    """Observed vs expected share of each digit 0-9.

    >>> from checker.forensics.digits import check_last_digit
    >>> fig = plot_digits(check_last_digit(np.arange(10, 2000)))
    >>> len(fig.axes[0].patches)
    10
    """
    fig = Figure(figsize=SIZE)
    ax = fig.add_subplot()
    digits = np.arange(10)
    total = max(res.n, 1)
    ax.bar(digits, np.asarray(res.counts) / total, color="#9aa7b8", label=f"Observed ({res.n} counts)")
    ax.plot(digits, np.asarray(res.expected) / total, "o-", color="#c0392b", label="Expected")
    ax.set_xticks(digits)
    which = "Second" if res.test == "second_digit" else "Last"
    ax.set_xlabel(f"{which} digit of {res.column}")
    ax.set_ylabel("Share of counts")
    ax.set_title(f"{res.title}{' — ' + table if table else ''} (p = {res.p_value:.3g})")
    ax.legend(loc="upper right", fontsize=8)
    fig.tight_layout()
    return fig
