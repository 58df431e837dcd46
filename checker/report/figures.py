"""Figures of a run: ``plot_*(result) -> Figure``. They never save or show (see figures_io).

* :func:`plot_reported_vs_reference` — each checked figure's reported interval against the
  official value, grouped by election, swapped pairs joined;
* :func:`plot_across_sources` — the same figure as reported by several articles;
* :func:`plot_timeline` — dated claims against the reference dates they were checked with;
* :func:`plot_overview` — findings per election and verdict, histogram of differences.

Figures are built on ``matplotlib.figure.Figure`` directly (no pyplot state), inside the
package style file, with the Okabe–Ito colour-blind-safe palette. Long runs are cut to the
top rows by rank (:func:`checker.report.view.rank_findings`) and say how many were left out.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from itertools import chain
from pathlib import Path
from typing import Literal

import matplotlib.dates as mdates
import matplotlib.style
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator
from matplotlib.transforms import blended_transform_factory

from checker.model import Claim, Finding, RunResult
from checker.report.view import VERDICTS, Index, format_difference, top_findings
from checker.store import election_tally, select
from checker.units import to_days

STYLE_PATH = Path(__file__).with_name("checkfigures.mplstyle")

# Okabe & Ito (2008) colour-universal-design palette.
VERDICT_COLOURS = {
    "discrepancy": "#D55E00",  # vermillion
    "consistent": "#009E73",  # bluish green
    "unverifiable": "#999999",  # grey
    "ambiguous": "#E69F00",  # orange
}
REFERENCE_COLOUR = "#000000"
SWAP_COLOUR = "#CC79A7"  # reddish purple: not a verdict colour
TOP_ROWS = 30
TOP_GROUPS = 12
TOP_ELECTIONS = 15
ROW_INCH = 0.27  # height of one row of a figure, in inches
WIDTH_INCH = 9.0
TITLE_CHARS = 62  # a panel title wraps here, to stay over its axes
CALENDAR_KINDS = ("date", "date_range", "relative_date", "year")

OpenEnd = Literal["", "above", "below"]


@contextmanager
def style() -> Iterator[None]:
    """The package style, for building and for saving a figure."""
    with matplotlib.style.context(str(STYLE_PATH)):
        yield


def _float(value: object) -> float | None:
    return float(value) if isinstance(value, Decimal) else None


def _open_end(claim: Claim) -> OpenEnd:
    q = claim.mention.qualifier
    return "above" if q in ("more_than", "at_least") else "below" if q in ("less_than", "at_most") else ""


def short_article(article: str, width: int = 18) -> str:
    """An article id short enough for an axis label.

    >>> short_article("001_06b3186a27bd3392.txt")
    '001_06b3186a27bd3…'
    """
    stem = article.rsplit("/", 1)[-1]
    stem = stem[: -len(".txt")] if stem.endswith(".txt") else stem
    return stem if len(stem) <= width else stem[: width - 1] + "…"


def subject_label(claim: Claim) -> str:
    """What the figure is about, for a row label: ``Kherson (yes)``, ``Putin``, ``Russia turnout``."""
    where = claim.region or claim.entity or "?"
    option = claim.option
    if option in ("Yes", "No"):
        text = f"{where} ({option.lower()})"
    elif option and claim.measure in ("vote_share", "votes"):
        text = option
    else:
        text = where
    if claim.measure not in ("vote_share", "other"):
        text += f" {claim.measure.replace('_', ' ')}"
    return text


def count_tick(value: float, _pos: object = None) -> str:
    """A count as a tick label a reader takes in at once, never matplotlib's "1e7" offset.

    >>> [count_tick(v) for v in (0, 950, 12_500, 2_105_000, 76_000_000, 1.5e9)]
    ['0', '950', '12.5k', '2.105M', '76M', '1.5bn']
    """
    for size, suffix in ((1e9, "bn"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= size:
            return f"{value / size:.4g}{suffix}"
    return f"{value:.4g}"


def _count_axis(ax: Axes, log: bool) -> None:
    ax.xaxis.set_major_formatter(FuncFormatter(count_tick))
    if not log:
        ax.xaxis.set_major_locator(MaxNLocator(nbins=6))


def _empty(title: str, message: str) -> Figure:
    fig = Figure(figsize=(WIDTH_INCH, 2.0), layout="constrained")
    ax = fig.subplots()
    ax.set_axis_off()
    ax.set_title(title)
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="#555555")
    return fig


def _verdict_legend(fig: Figure, verdicts: Sequence[str], extra: Sequence[Line2D | Patch] = ()) -> None:
    handles: list[Line2D | Patch] = [
        Patch(color=VERDICT_COLOURS[v], label=v) for v in VERDICTS if v in set(verdicts)
    ]
    handles += list(extra)
    if handles:
        fig.legend(handles=handles, loc="outside lower center", ncols=min(len(handles), 6))


# --- 1. reported vs reference -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ComparisonRow:
    """One reported figure and the reference value it was compared with."""

    finding: Finding
    claim: Claim
    low: float | None
    high: float | None
    reference: float
    unit: str
    open_end: OpenEnd


def comparison_rows(result: RunResult, index: Index | None = None) -> list[ComparisonRow]:
    """Reference findings on one numeric claim that carry a numeric reference value."""
    return list(iter_comparison_rows(result, index or Index(result)))


def iter_comparison_rows(result: RunResult, index: Index) -> Iterator[ComparisonRow]:
    """:func:`comparison_rows` one at a time (a run may hold millions)."""
    for f in select(result.findings, check="reference", claim_kinds=("percent", "count")):
        ev = f.evidence
        if ev is None or ev.number is None or len(f.claims) != 1 or ev.table != "results":
            continue  # only official results: a count of regions (elections.csv) is no result
        claims = index.claims_of(f)
        if not claims or claims[0].mention.kind not in ("percent", "count"):
            continue
        c = claims[0]
        if ev.unit is not None and ev.unit != c.mention.unit:
            continue  # a share compared with a count: not on one axis
        low, high = _float(c.mention.low), _float(c.mention.high)
        if low is None and high is None:
            continue
        yield ComparisonRow(f, c, low, high, float(ev.number), c.mention.unit, _open_end(c))


def _pairs(result: RunResult, shown: Sequence[ComparisonRow]) -> list[tuple[Finding, str, str]]:
    """Reference findings that name two shown claims (swapped figures): (finding, claim a, claim b)."""
    ids = {r.claim.id for r in shown}
    return [(f, a, b) for f, a, b in _two_claim_findings(result) if a in ids and b in ids]


def _two_claim_findings(result: RunResult) -> Iterator[tuple[Finding, str, str]]:
    for f in select(result.findings, check="reference"):
        if len(f.claims) == 2:
            yield f, f.claims[0], f.claims[1]


def _select_rows(
    result: RunResult, index: Index, rows: Callable[[], Iterator[ComparisonRow]], top: int
) -> tuple[list[ComparisonRow], int]:
    """The ``top`` rows by rank (in the order ``rows()`` gives them) and how many rows there
    are. ``rows()`` is read a few times and never held whole."""
    keep = {f.id for f in top_findings(lambda: (r.finding for r in rows()), index, top)}
    chosen: list[ComparisonRow] = []
    total = 0
    for r in rows():
        total += 1
        if r.finding.id in keep:
            chosen.append(r)
    # a swap is only visible with both halves: bring in the partner of a shown half
    shown_claims = {r.claim.id for r in chosen}
    wanted: list[str] = []
    for _f, a, b in _two_claim_findings(result):
        if (a in shown_claims) != (b in shown_claims):
            wanted.append(b if a in shown_claims else a)
    if wanted:
        partners = {r.claim.id: r for r in rows() if r.claim.id in set(wanted)}
        for cid in wanted:
            if cid in partners and cid not in shown_claims:
                chosen.append(partners[cid])
                shown_claims.add(cid)
    return chosen, total


def _note_below(ax: Axes, text: str) -> None:
    """A grey note under the axis label, left-aligned with the axes; placed from the label's
    box at draw time, so it never sits on the tick labels however short the axes are, and
    inside the layout, so the figure grows to hold it."""
    ax.annotate(
        text,
        xy=(0.0, 0.0),
        xycoords=("axes fraction", ax.xaxis.label),
        xytext=(0, -3),
        textcoords="offset points",
        va="top",
        ha="left",
        fontsize=8,
        color="#555555",
        annotation_clip=False,
    )


def _ordered(rows: Sequence[ComparisonRow], pairs: Sequence[tuple[Finding, str, str]]) -> list[object]:
    """Rows grouped by election (a header string each), by subject; swap partners adjacent."""
    partner: dict[str, str] = {}
    for _f, a, b in pairs:
        partner.setdefault(a, b)
        partner.setdefault(b, a)
    by_election: dict[str, list[ComparisonRow]] = defaultdict(list)
    for r in rows:
        by_election[r.claim.election or "(no election)"].append(r)
    out: list[object] = []
    for election in sorted(by_election):
        out.append(election)
        group = sorted(
            by_election[election],
            key=lambda r: (subject_label(r.claim), r.claim.article, r.claim.mention.start, r.finding.id),
        )
        placed: set[str] = set()
        for r in group:
            if r.claim.id in placed:
                continue
            out.append(r)
            placed.add(r.claim.id)
            mate = partner.get(r.claim.id)
            for other in group:
                if other.claim.id == mate and mate not in placed:
                    out.append(other)
                    placed.add(mate)
    return out


def _limits(values: Sequence[float], unit: str) -> tuple[float, float, bool]:
    """x-limits (with room for labels) and whether the axis is logarithmic."""
    lo, hi = min(values), max(values)
    if unit != "percent" and lo > 0 and hi / lo > 100:
        return lo / 2, hi * 4, True
    span = max(hi - lo, 1.0 if unit == "percent" else max(abs(hi) * 0.02, 1.0))
    left = lo - span * 0.08
    right = hi + span * 0.22  # room for the difference labels
    if unit == "percent":
        left = max(left, 0.0) if lo >= 0 else left
    return left, right, False


def _draw_comparison(
    ax: Axes, entries: Sequence[object], unit: str, pairs: Sequence[tuple[Finding, str, str]]
) -> None:
    rows = [(y, e) for y, e in enumerate(entries) if isinstance(e, ComparisonRow)]
    finite = [v for _y, r in rows for v in (r.low, r.high, r.reference) if v is not None]
    left, right, log = _limits(finite, unit)
    if log:
        ax.set_xscale("log")
    lows = [r.low if r.low is not None else left for _y, r in rows]
    highs = [r.high if r.high is not None else right for _y, r in rows]
    ys = [y for y, _r in rows]
    colours = [VERDICT_COLOURS[r.finding.verdict] for _y, r in rows]
    # a rounding interval is a sliver on a wide axis: the tick at its middle keeps it seen
    _interval_bars(ax, ys, lows, highs, colours, tick=(120, 2.5))
    for end, marker in (("above", ">"), ("below", "<")):
        pts = [
            (highs[i] if end == "above" else lows[i], y, colours[i])
            for i, (y, r) in enumerate(rows)
            if r.open_end == end
        ]
        if pts:
            xs, yy, cc = zip(*pts, strict=True)
            ax.scatter(xs, yy, marker=marker, s=42, c=list(cc), zorder=3, gid=f"open-{end}")
    refs = ax.scatter(
        [r.reference for _y, r in rows], ys, marker="D", s=26, c=REFERENCE_COLOUR, zorder=4, gid="reference"
    )
    refs.set_label("official figure")
    for i, (y, r) in enumerate(rows):
        label = format_difference(r.finding.difference)
        if label:
            ax.annotate(
                label,
                xy=(max(highs[i], r.reference), y),
                xytext=(6, 0),
                textcoords="offset points",
                va="center",
                fontsize=8,
                color=VERDICT_COLOURS[r.finding.verdict],
                fontweight="bold" if r.finding.verdict == "discrepancy" else "normal",
            )
    y_of = {r.claim.id: (y, r) for y, r in rows}
    edge = blended_transform_factory(ax.transAxes, ax.transData)
    for f, a, b in pairs:
        (ya, ra), (yb, rb) = y_of[a], y_of[b]
        mid_a = ((ra.low or left) + (ra.high or right)) / 2
        mid_b = ((rb.low or left) + (rb.high or right)) / 2
        # the X: each reported figure points at the other row's official figure
        for x0, y0, x1, y1 in ((mid_a, ya, rb.reference, yb), (mid_b, yb, ra.reference, ya)):
            ax.plot([x0, x1], [y0, y1], ls="--", lw=1.1, color=SWAP_COLOUR, zorder=2, gid="swap")
        ax.plot([1.01, 1.01], [ya, yb], transform=edge, clip_on=False, lw=2, color=SWAP_COLOUR)
        word = "swap" if "swap" in f.message.lower() else "linked"
        ax.text(
            1.02,
            (ya + yb) / 2,
            f"⇄ {word}",
            transform=edge,
            va="center",
            color=SWAP_COLOUR,
            fontsize=8,
            fontweight="bold",
        )
    labels: list[str] = []
    for y, e in enumerate(entries):
        if isinstance(e, ComparisonRow):
            labels.append(f"{subject_label(e.claim)} — {short_article(e.claim.article)}")
        else:
            labels.append(str(e))
            if y > 0:
                ax.axhline(y - 0.5, color="#bbbbbb", lw=0.6)
    ax.set_yticks(range(len(entries)), labels)
    for y, tick in enumerate(ax.get_yticklabels()):
        if not isinstance(entries[y], ComparisonRow):
            tick.set_fontweight("bold")
    ax.set_ylim(len(entries) - 0.4, -0.6)
    ax.set_xlim(left, right)
    if unit == "percent" and not log:
        # the room kept for labels must not read as shares above 100%
        ax.set_xticks([t for t in ax.get_xticks() if 0 <= t <= 100 and left <= t <= right])
    elif unit == "count":
        _count_axis(ax, log)
    ax.set_xlabel(
        "reported share and official share (%)" if unit == "percent" else f"{unit} (reported and official)"
    )


def _interval_bars(
    ax: Axes,
    ys: Sequence[float],
    lows: Sequence[float],
    highs: Sequence[float],
    colours: Sequence[str],
    tick: tuple[float, float],
) -> None:
    """Reported intervals as horizontal bars (gid "reported"), with a tick at each middle."""
    bars = ax.barh(
        ys, [h - lo for lo, h in zip(lows, highs, strict=True)], left=lows, height=0.55, color=colours
    )
    for patch in bars.patches:
        patch.set_gid("reported")
    size, width = tick
    ax.scatter(
        [(lo + h) / 2 for lo, h in zip(lows, highs, strict=True)],
        ys,
        marker="|",
        s=size,
        linewidths=width,
        c=colours,
        zorder=3,
    )


def plot_reported_vs_reference(result: RunResult, *, top: int = TOP_ROWS) -> Figure:
    """Reported interval (bar; an arrow at an open end) vs the official value (diamond).

    Rows are grouped by election then subject; colour is the verdict; discrepancies are
    labelled with the signed difference (reference minus reported, "−5.45 pp"). Two claims
    named by one reference finding (swapped figures) are drawn next to each other, joined
    by an "⇄ swap" bracket and a dashed X from each figure to the other row's official value.
    """
    index = Index(result)
    title = "Reported figures vs official results"
    with style():
        shown, total = _select_rows(result, index, lambda: iter_comparison_rows(result, index), top)
        if not total:
            return _empty(title, "No figure in this run was compared with a numeric reference value.")
        pairs = _pairs(result, shown)
        units = sorted({r.unit for r in shown}, key=lambda u: (u != "percent", u))
        layouts = [_ordered([r for r in shown if r.unit == u], pairs) for u in units]
        height = sum(len(e) for e in layouts) * ROW_INCH + 1.4 * len(units) + 0.8
        fig = Figure(figsize=(WIDTH_INCH, height), layout="constrained")
        axes = fig.subplots(len(units), 1, squeeze=False, height_ratios=[len(e) + 3 for e in layouts])
        for ax, unit, entries in zip(axes[:, 0], units, layouts, strict=True):
            unit_pairs = [
                (f, a, b) for f, a, b in pairs if any(r.claim.id == a and r.unit == unit for r in shown)
            ]
            _draw_comparison(ax, entries, unit, unit_pairs)
        axes[0, 0].set_title(title)
        extra: list[Line2D | Patch] = [
            Line2D([], [], marker="D", ls="", color=REFERENCE_COLOUR, label="official figure")
        ]
        if pairs:
            extra.append(Line2D([], [], ls="--", color=SWAP_COLOUR, label="figures match when swapped"))
        _verdict_legend(fig, [r.finding.verdict for r in shown], extra)
        hidden = total - len(shown)
        if hidden > 0:
            _note_below(
                axes[-1, 0],
                f"Showing {len(shown)} of {total} compared figures, largest discrepancies "
                f"first; {hidden} more are in findings.csv.",
            )
    return fig


# --- 2. across sources --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SourceRow:
    claim: Claim
    low: float | None
    high: float | None
    verdict: str  # the claim's reference verdict, else the worst of its cross-source findings


@dataclass(frozen=True, slots=True)
class SourceGroup:
    label: str
    unit: str
    rows: tuple[SourceRow, ...]
    reference: float | None


SOURCE_KINDS = ("percent", "count", "duration", "date_range")  # the kinds _source_interval draws


def _source_interval(claim: Claim) -> tuple[float | None, float | None, str] | None:
    m = claim.mention
    if m.kind in ("percent", "count"):
        return _float(m.low), _float(m.high), m.unit
    if m.kind == "duration" and isinstance(m.low, Decimal) and isinstance(m.high, Decimal):
        return float(to_days(m.low, m.unit)), float(to_days(m.high, m.unit)), "day"
    if m.kind == "date_range" and isinstance(m.low, dt.date) and isinstance(m.high, dt.date):
        days = float((m.high - m.low).days + 1)
        return days, days, "day"
    return None


def group_title(election: str, subject: str, measure: str, unit: str) -> str:
    """The title of one across-sources panel: who, what is measured, which vote.

    >>> group_title("ru_pres_2024", "Russia turnout", "turnout", "percent")
    'Russia, turnout — ru_pres_2024'
    >>> group_title("ua_ref_2022", "? date", "date", "day")
    'Length of the date range (days) — ua_ref_2022'
    """
    words = measure.replace("_", " ")
    who = "" if subject.startswith("?") else subject.removesuffix(f" {words}")
    if unit == "day":
        words = "length of the date range (days)" if measure == "date" else "duration (days)"
    head = f"{who}, {words}" if who else words[:1].upper() + words[1:]
    return f"{head} — {election}" if election else head


def source_groups(result: RunResult, index: Index | None = None) -> list[SourceGroup]:
    """Claims compared by cross-source findings, grouped by what they report, ranked."""
    return ranked_source_groups(result, index or Index(result), None)[0]


def has_source_groups(result: RunResult, index: Index) -> bool:
    """Whether :func:`plot_across_sources` has a group to draw (without ranking them all)."""
    compared = select(result.findings, check="cross_source", claim_kinds=SOURCE_KINDS)
    return any(_source_interval(c) is not None for f in compared for c in index.claims_of(f))


def ranked_source_groups(result: RunResult, index: Index, top: int | None) -> tuple[list[SourceGroup], int]:
    """The first ``top`` of :func:`source_groups` (all with None) and the number of groups.

    Groups are ranked by claim ids and verdicts; claims are read back only for the groups
    returned, so a run with many cross-source findings holds ids, not claims.
    """
    members: dict[tuple[str, ...], dict[str, str]] = defaultdict(dict)
    references: dict[tuple[str, ...], float] = {}
    for f in select(result.findings, check="cross_source", claim_kinds=SOURCE_KINDS):
        for c in index.claims_of(f):
            iv = _source_interval(c)
            if iv is None:
                continue
            key: tuple[str, ...] = (c.election or "", subject_label(c), str(c.measure), iv[2])
            old = members[key].get(c.id)
            if old is None or VERDICTS.index(f.verdict) < VERDICTS.index(old):
                members[key][c.id] = f.verdict
            if f.evidence is not None and f.evidence.number is not None and iv[2] != "day":
                references.setdefault(key, float(f.evidence.number))
    # a figure's own reference verdict says which side is right; the pairwise verdict only
    # says that two sources disagree, so it colours a row only when there is no reference
    compared = {cid for verdicts in members.values() for cid in verdicts}
    own = {
        f.claims[0]: f.verdict
        for f in select(result.findings, check="reference")
        if len(f.claims) == 1 and f.claims[0] in compared
    }
    for verdicts in members.values():
        for cid in verdicts:
            verdicts[cid] = own.get(cid, verdicts[cid])

    def rank(key: tuple[str, ...]) -> tuple[int, int, str]:
        verdicts = members[key].values()
        return (min(VERDICTS.index(v) for v in verdicts), -len(verdicts), group_title(*key))

    ranked = sorted(members, key=rank)
    groups: list[SourceGroup] = []
    for key in ranked if top is None else ranked[:top]:
        rows = []
        for cid, verdict in members[key].items():
            c = index.claims[cid]
            iv = _source_interval(c)
            assert iv is not None
            rows.append(SourceRow(c, iv[0], iv[1], verdict))
        rows.sort(key=lambda r: (r.claim.article, r.claim.mention.start))
        groups.append(SourceGroup(group_title(*key), key[3], tuple(rows), references.get(key)))
    return groups, len(ranked)


def plot_across_sources(result: RunResult, *, top: int = TOP_GROUPS, rows_per_group: int = 15) -> Figure:
    """One panel per reported figure: one row per article, its interval, the reference line."""
    title = "The same figure across sources"
    shown, total = ranked_source_groups(result, Index(result), top)
    with style():
        if not shown:
            return _empty(title, "No figure was reported by more than one article.")
        sizes = [min(len(g.rows), rows_per_group) for g in shown]
        height = sum(sizes) * ROW_INCH + 1.0 * len(shown) + 1.0
        fig = Figure(figsize=(WIDTH_INCH, height), layout="constrained")
        axes = fig.subplots(len(shown), 1, squeeze=False, height_ratios=[n + 2 for n in sizes])[:, 0]
        for ax, group, n in zip(axes, shown, sizes, strict=True):
            rows = group.rows[:n]
            finite = [v for r in rows for v in (r.low, r.high) if v is not None]
            if group.reference is not None:
                finite.append(group.reference)
            left, right, log = _limits(finite, group.unit if group.unit != "day" else "count")
            if log:
                ax.set_xscale("log")
            lows = [r.low if r.low is not None else left for r in rows]
            highs = [r.high if r.high is not None else right for r in rows]
            widths = [max(h - lo, (right - left) * 0.004) for lo, h in zip(lows, highs, strict=True)]
            bars = ax.barh(
                range(len(rows)),
                widths,
                left=lows,
                height=0.55,
                color=[VERDICT_COLOURS[r.verdict] for r in rows],
            )
            for patch in bars.patches:
                patch.set_gid("reported")
            if group.reference is not None:
                ax.axvline(group.reference, color=REFERENCE_COLOUR, ls="--", lw=1, gid="reference")
            labels = [f"{short_article(r.claim.article, 28)}: “{r.claim.mention.text}”" for r in rows]
            ax.set_yticks(range(len(rows)), labels)
            ax.set_ylim(len(rows) - 0.4, -0.6)
            ax.set_xlim(left, right)
            # left-aligned and wrapped: a centred long title runs off the right edge
            ax.set_title(textwrap.fill(group.label, TITLE_CHARS), fontsize=9, loc="left")
            unit = {"percent": "share (%)", "day": "days"}.get(group.unit, group.unit)
            ax.set_xlabel(unit)
            if group.unit == "count":
                _count_axis(ax, log)
            notes = [f"+{len(group.rows) - n} more articles: see findings.csv"] if len(group.rows) > n else []
            if ax is axes[-1] and total > top:
                notes.append(f"{total - top} more figures compared across sources: see findings.csv")
            if notes:
                _note_below(ax, "\n".join(notes))
        fig.suptitle(title)
        extra = [Line2D([], [], ls="--", color=REFERENCE_COLOUR, label="official figure")]
        _verdict_legend(fig, [r.verdict for g in shown for r in g.rows], extra)
    return fig


# --- 3. timeline --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TimelineRow:
    finding: Finding
    claim: Claim
    low: dt.date
    high: dt.date
    reference: dt.date | None


def timeline_rows(result: RunResult, index: Index | None = None) -> list[TimelineRow]:
    """Dated claims (resolved) in temporal or reference findings, with the reference date."""
    return list(iter_timeline_rows(result, index or Index(result)))


def iter_timeline_rows(result: RunResult, index: Index) -> Iterator[TimelineRow]:
    """:func:`timeline_rows` one at a time."""
    checks = ("reference", "temporal")
    for f in chain(*(select(result.findings, check=check, claim_kinds=CALENDAR_KINDS) for check in checks)):
        for c in index.claims_of(f):
            m = c.mention
            if m.kind in CALENDAR_KINDS and isinstance(m.low, dt.date) and isinstance(m.high, dt.date):
                ref = f.evidence.date if f.evidence is not None else None
                yield TimelineRow(f, c, m.low, m.high, ref)


def _distinct_findings(rows: Iterator[TimelineRow]) -> Iterator[Finding]:
    seen: set[str] = set()
    for r in rows:
        if r.finding.id not in seen:
            seen.add(r.finding.id)
            yield r.finding


def day_number(day: dt.date) -> float:
    """Matplotlib's number for the start of a day."""
    return float(mdates.date2num(dt.datetime(day.year, day.month, day.day)))


# Dates a timeline draws: a publication date of 9000 (a typo in front matter) or a year
# read from odd text is still in the findings, but matplotlib cannot place days past 9999,
# and one such date cost every figure and the PDF.
DRAWABLE_YEARS = (1800, 2200)


def _drawable_rows(result: RunResult, index: Index) -> Iterator[TimelineRow]:
    low, high = DRAWABLE_YEARS
    for r in iter_timeline_rows(result, index):
        days = (r.low, r.high) if r.reference is None else (r.low, r.high, r.reference)
        if all(low <= d.year <= high for d in days):
            yield r


def plot_timeline(result: RunResult, *, top: int = TOP_ROWS) -> Figure:
    """Each dated claim as a bar over the days it covers; the reference date as a diamond.

    A bar runs from the first day's start to the last day's end; the diamond sits at noon
    of the reference date. Discrepancies are vermillion and labelled with the difference.
    """
    title = "Dates in the articles vs reference dates"
    index = Index(result)
    with style():
        ranked = top_findings(lambda: _distinct_findings(_drawable_rows(result, index)), index, top)
        keep = {f.id for f in ranked}
        total = 0
        shown = []
        for r in _drawable_rows(result, index):
            total += 1
            if r.finding.id in keep:
                shown.append(r)
        if not total:
            return _empty(title, "No resolved date in this run was checked against a reference date.")
        shown.sort(key=lambda r: (r.low, r.high, r.claim.article, r.finding.id))
        shown = shown[:top]
        fig = Figure(figsize=(WIDTH_INCH, len(shown) * ROW_INCH + 2.0), layout="constrained")
        ax = fig.subplots()
        ys = list(range(len(shown)))
        lows = [day_number(r.low) for r in shown]
        ends = [day_number(r.high) + 1 for r in shown]
        colours = [VERDICT_COLOURS[r.finding.verdict] for r in shown]
        # a one-day bar is invisible on a decade axis: the tick at its middle keeps it seen
        _interval_bars(ax, ys, lows, ends, colours, tick=(160, 3))
        with_ref = [(y, r) for y, r in zip(ys, shown, strict=True) if r.reference is not None]
        if with_ref:
            ax.scatter(
                [day_number(r.reference) + 0.5 for _y, r in with_ref if r.reference is not None],
                [y for y, _r in with_ref],
                marker="D",
                s=30,
                facecolors="none",
                edgecolors=REFERENCE_COLOUR,
                linewidths=1.2,
                zorder=4,
                gid="reference",
            )
        for y, r in zip(ys, shown, strict=True):
            label = format_difference(r.finding.difference)
            if label and r.finding.verdict == "discrepancy":
                x = max(ends[y], day_number(r.reference) + 1 if r.reference else ends[y])
                ax.annotate(
                    label,
                    xy=(x, y),
                    xytext=(6, 0),
                    textcoords="offset points",
                    va="center",
                    fontsize=8,
                    color=VERDICT_COLOURS["discrepancy"],
                    fontweight="bold",
                )
        all_x = lows + ends + [day_number(r.reference) for _y, r in with_ref if r.reference is not None]
        span = max(max(all_x) - min(all_x), 6.0)
        ax.set_xlim(min(all_x) - span * 0.05, max(all_x) + span * 0.18)
        locator = mdates.AutoDateLocator()
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        ax.set_yticks(ys, [f"“{r.claim.mention.text}” — {short_article(r.claim.article)}" for r in shown])
        ax.set_ylim(len(shown) - 0.4, -0.6)
        ax.set_xlabel("date")
        ax.set_title(title)
        extra = [
            Line2D([], [], marker="D", ls="", mfc="none", color=REFERENCE_COLOUR, label="reference date")
        ]
        _verdict_legend(fig, [r.finding.verdict for r in shown], extra)
        if total > len(shown):
            note = f"Showing {len(shown)} of {total} dated claims; the rest are in findings.csv."
            _note_below(ax, note)
    return fig


# --- 4. overview --------------------------------------------------------------------------


def election_verdicts(
    result: RunResult, index: Index | None = None, top: int = TOP_ELECTIONS
) -> tuple[dict[str, Counter[str]], int, int]:
    """Findings per election and verdict for the ``top`` elections by count, plus how many
    other elections there are and how many findings they hold."""
    index = index or Index(result)
    per: dict[str, Counter[str]] = defaultdict(Counter)
    for (election, verdict), n in election_tally(result.findings, index.election_of).items():
        per[election or "(no election)"][verdict] += n
    ranked = sorted(per, key=lambda e: (-sum(per[e].values()), e))
    return (
        {e: per[e] for e in ranked[:top]},
        len(ranked[top:]),
        sum(sum(per[e].values()) for e in ranked[top:]),
    )


def plot_overview(result: RunResult, *, top: int = TOP_ELECTIONS) -> Figure:
    """Findings per election × verdict (stacked bars) and the histogram of differences in points."""
    title = "Overview of the findings"
    counts, other_elections, other_findings = election_verdicts(result, top=top)
    diffs = [
        float(f.difference.value)
        for f in result.findings
        if f.difference is not None and f.difference.unit == "percentage_point"
    ]
    with style():
        if not counts:
            return _empty(title, "No findings in this run.")
        height = max(3.2, len(counts) * ROW_INCH + 1.8)
        fig = Figure(figsize=(WIDTH_INCH, height), layout="constrained")
        left, right = fig.subplots(1, 2, width_ratios=[3, 2])
        elections = list(counts)
        base = np.zeros(len(elections))
        for verdict in VERDICTS:
            values = np.array([counts[e][verdict] for e in elections], dtype=float)
            if values.any():
                left.barh(
                    elections,
                    values,
                    left=base,
                    color=VERDICT_COLOURS[verdict],
                    label=verdict,
                    height=0.6,
                    gid=f"count-{verdict}",
                )
            base += values
        left.set_ylim(len(elections) - 0.4, -0.6)
        if other_elections:
            # a pooled bar would dwarf the others: the long tail is a line of text
            left.text(
                0.0,
                -0.16,
                f"+ {other_elections} other elections with {other_findings:,} findings (see findings.csv)",
                transform=left.transAxes,
                va="top",
                fontsize=8,
                color="#555555",
            )
        left.set_xlabel("findings (count)")
        left.set_title(title)
        if diffs:
            bins = int(min(40, max(6, np.sqrt(len(diffs)) * 2)))
            right.hist(diffs, bins=bins, color="#0072B2", gid="differences")
            right.axvline(0, color=REFERENCE_COLOUR, lw=0.8)
            right.set_xlabel("reference − reported (percentage points)")
            right.set_ylabel("findings")
            right.yaxis.set_major_locator(MaxNLocator(integer=True))
            right.set_title(f"Share differences (n = {len(diffs)})", fontsize=9)
        else:
            right.set_axis_off()
            right.text(
                0.5,
                0.5,
                "no share differences",
                ha="center",
                va="center",
                transform=right.transAxes,
                color="#555555",
            )
        _verdict_legend(fig, [v for c in counts.values() for v in c])
    return fig
