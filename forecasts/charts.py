"""Calibration charts as PNG bytes, drawn without pyplot so that threads can share it.

pyplot keeps global figure state that concurrent requests would trample; a Figure with
an Agg canvas of its own is independent of every other.
"""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass
from typing import Final

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure

from forecasts.bins import BinScheme
from forecasts.tallies import FloatArray

WIDTH_PX: Final = 800
HEIGHT_PX: Final = 600
DPI: Final = 100
# Below this width the chart is laid out for a phone: smaller type, the legend in a column.
NARROW_PX: Final = 600
MIN_WIDTH_PX: Final = 320
MAX_WIDTH_PX: Final = 1600

_POINT_COLOUR: Final = "#1f5fa8"
_SMALLEST_POINT: Final = 30.0
_LARGEST_POINT: Final = 400.0
_LEGEND_POINT: Final = 80.0
# Room, in pixels, a bar's count label needs so as not to touch its neighbour's.
_BAR_LABEL_PX: Final = 28
# The share of a chart's width its axes get, the rest going to labels and margins.
_PLOT_SHARE: Final = 0.75


def chart_title(*, name: str, n: int, brier: float) -> str:
    """'<name> - n = <n>, Brier <brier to 3 decimals>', the title the issue asks for."""
    return f"{name} — n = {n:,}, Brier {brier:.3f}"


@dataclass(frozen=True)
class _Layout:
    """Sizes for one chart width; type keeps its size in pixels as the chart narrows."""

    width: int
    height: int
    title: float
    label: float
    legend: float
    legend_columns: int
    wrap: int

    @classmethod
    def for_width(cls, width: int) -> _Layout:
        if not MIN_WIDTH_PX <= width <= MAX_WIDTH_PX:
            raise ValueError(f"width must be {MIN_WIDTH_PX}-{MAX_WIDTH_PX} pixels, not {width}")
        narrow = width < NARROW_PX
        return cls(
            width=width,
            height=round(width * (0.95 if narrow else 0.75)),
            title=11 if narrow else 14,
            label=9 if narrow else 12,
            legend=8 if narrow else 10,
            legend_columns=1 if narrow else 3,
            # About the characters of the title's type that fit across the chart.
            wrap=max(24, width // (8 if narrow else 10)),
        )

    def figure(self) -> Figure:
        figure = Figure(figsize=(self.width / DPI, self.height / DPI), dpi=DPI)
        FigureCanvasAgg(figure)
        return figure


def calibration_chart_png(
    table: pd.DataFrame,
    *,
    title: str,
    scheme: BinScheme | None = None,
    width: int = WIDTH_PX,
) -> bytes:
    """A PNG `width` pixels wide (800 x 600 by default): one group's calibration table
    against the diagonal y = x, laid out for a phone below 600 pixels."""
    layout = _Layout.for_width(width)
    figure = layout.figure()
    axes = figure.add_subplot()
    x_range = (scheme.lower[0], scheme.upper[-1]) if scheme is not None else (0.0, 1.0)
    _draw_frame(axes, title=title, x_range=x_range, scheme=scheme, layout=layout)
    if table.empty:
        axes.text(
            0.5,
            0.5,
            "no resolved claims yet",
            transform=axes.transAxes,
            ha="center",
            va="center",
            fontsize=16,
            color="#555555",
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 6},
        )
    else:
        _draw_points(axes, table, layout)
    return _png(figure)


def _png(figure: Figure) -> bytes:
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


def _draw_frame(
    axes: Axes,
    *,
    title: str,
    x_range: tuple[float, float],
    scheme: BinScheme | None,
    layout: _Layout,
) -> None:
    low, high = x_range
    axes.plot(
        [low, high],
        [low, high],
        linestyle="--",
        color="#888888",
        linewidth=1.2,
        label="perfect calibration",
    )
    if scheme is not None:
        for edge in scheme.lower[1:]:
            axes.axvline(edge, color="#e4e4e4", linewidth=0.8, zorder=0)
    margin = 0.04 * (high - low)
    axes.set_xlim(low - margin, high + margin)
    axes.set_ylim(-0.04, 1.04)
    axes.set_xlabel("stated probability (mean within bin)", fontsize=layout.label)
    axes.set_ylabel("observed frequency (share that came true)", fontsize=layout.label)
    axes.tick_params(labelsize=layout.label - 1)
    axes.set_title(textwrap.fill(title, layout.wrap), fontsize=layout.title)
    axes.grid(True, color="#f0f0f0")
    axes.set_axisbelow(True)


def _draw_points(axes: Axes, table: pd.DataFrame, layout: _Layout) -> None:
    x = table["mean_probability"].to_numpy(dtype=np.float64)
    y = table["observed_frequency"].to_numpy(dtype=np.float64)
    n = table["n"].to_numpy(dtype=np.float64)
    below = y - table["ci_lower"].to_numpy(dtype=np.float64)
    above = table["ci_upper"].to_numpy(dtype=np.float64) - y
    axes.errorbar(
        x,
        y,
        yerr=np.vstack([below, above]),
        fmt="none",
        ecolor=_POINT_COLOUR,
        elinewidth=1.2,
        capsize=4,
        alpha=0.7,
        label="95% Wilson interval",
    )
    # Area, not radius, grows with n, so that a bin of 4n looks four times as heavy.
    sizes = _SMALLEST_POINT + (_LARGEST_POINT - _SMALLEST_POINT) * n / n.max()
    axes.scatter(
        x,
        y,
        s=sizes,
        color=_POINT_COLOUR,
        edgecolor="white",
        linewidth=1,
        zorder=3,
        label="bin (area and label: its number of claims)",
    )
    _label_counts(axes, x, y, n, sizes)
    # Below the axes, so it can never hide a point (a bin at 0% that came true sits top left).
    legend = axes.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, -0.12 if layout.legend_columns > 1 else -0.16),
        ncol=layout.legend_columns,
        fontsize=layout.legend,
        frameon=False,
    )
    for handle in legend.legend_handles:
        if isinstance(handle, PathCollection):
            handle.set_sizes([_LEGEND_POINT])


def _label_counts(
    axes: Axes, x: FloatArray, y: FloatArray, n: FloatArray, sizes: FloatArray
) -> None:
    middle = np.mean(axes.get_xlim())
    for xi, yi, ni, size in zip(x, y, n, sizes, strict=True):
        # Beside the point on the side facing the middle, above it near the floor, so
        # that no count runs off the plot or hides under its point.
        gap = np.sqrt(size) / 2 + 3
        right, low = xi > middle, yi < 0.1
        axes.annotate(
            f"{int(ni):,}",
            (xi, yi),
            textcoords="offset points",
            xytext=(-gap if right else gap, gap if low else -gap),
            ha="right" if right else "left",
            va="bottom" if low else "top",
            fontsize=9,
            color="#333333",
        )


def history_chart_png(
    *,
    weeks: list[str],
    brier: list[float | None],
    n: list[int],
    title: str,
    width: int = WIDTH_PX,
) -> bytes:
    """history_chart as PNG bytes."""
    return _png(history_chart(weeks=weeks, brier=brier, n=n, title=title, width=width))


def history_chart(
    *,
    weeks: list[str],
    brier: list[float | None],
    n: list[int],
    title: str,
    width: int = WIDTH_PX,
) -> Figure:
    """A source's weekly snapshots: its Brier score by week above, n below.

    Week labels and bar counts are thinned to what fits the width, so none overlap.
    """
    layout = _Layout.for_width(width)
    figure = layout.figure()
    top, bottom = figure.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [3, 2]})
    positions = np.arange(len(weeks), dtype=np.float64)
    scores = np.array([np.nan if b is None else b for b in brier], dtype=np.float64)
    top.plot(positions, scores, marker="o", color=_POINT_COLOUR, linewidth=1.5)
    top.set_ylim(0, max(0.3, float(np.nanmax(scores)) * 1.1) if np.isfinite(scores).any() else 0.3)
    top.axhline(0.25, linestyle="--", color="#888888", linewidth=1)
    top.text(
        0.01,
        0.25,
        " always 50%",
        transform=top.get_yaxis_transform(),
        va="bottom",
        fontsize=layout.legend,
        color="#555555",
    )
    top.set_ylabel("Brier (lower is better)", fontsize=layout.label)
    top.set_title(textwrap.fill(title, layout.wrap), fontsize=layout.title)
    top.grid(True, color="#f0f0f0")
    counts = np.array(n, dtype=np.float64)
    bars = bottom.bar(positions, counts, color="#9bb8db", width=0.7)
    bottom.set_ylabel("scored claims", fontsize=layout.label)
    bottom.set_ylim(0, max(1.0, float(counts.max(initial=0)) * 1.25))
    plot_px = layout.width * _PLOT_SHARE
    if weeks and plot_px / len(weeks) >= _BAR_LABEL_PX:
        bottom.bar_label(bars, labels=[f"{c:,}" for c in n], fontsize=layout.legend, padding=2)
    # A label's width: its characters at about 0.6 em each, plus a gap between labels.
    tick_px = (layout.label - 1) * DPI / 72
    label_px = max((len(week) for week in weeks), default=0) * tick_px * 0.62 + tick_px
    step = max(1, int(np.ceil(len(weeks) * label_px / plot_px)))
    bottom.set_xticks(positions[::step], [weeks[i] for i in range(0, len(weeks), step)])
    for axes in (top, bottom):
        axes.tick_params(labelsize=layout.label - 1)
    return figure
