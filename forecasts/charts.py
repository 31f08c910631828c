"""Calibration charts as PNG bytes, drawn without pyplot so that threads can share it.

pyplot keeps global figure state that concurrent requests would trample; a Figure with
an Agg canvas of its own is independent of every other.
"""

from __future__ import annotations

import io
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

_POINT_COLOUR: Final = "#1f5fa8"
_SMALLEST_POINT: Final = 30.0
_LARGEST_POINT: Final = 400.0
_LEGEND_POINT: Final = 80.0


def chart_title(*, name: str, n: int, brier: float) -> str:
    """'<name> - n = <n>, Brier <brier to 3 decimals>', the title the issue asks for."""
    return f"{name} — n = {n:,}, Brier {brier:.3f}"


def calibration_chart_png(
    table: pd.DataFrame, *, title: str, scheme: BinScheme | None = None
) -> bytes:
    """An 800 x 600 PNG: one group's calibration table against the diagonal y = x."""
    figure = Figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    x_range = (scheme.lower[0], scheme.upper[-1]) if scheme is not None else (0.0, 1.0)
    _draw_frame(axes, title=title, x_range=x_range, scheme=scheme)
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
        _draw_points(axes, table)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


def _draw_frame(
    axes: Axes, *, title: str, x_range: tuple[float, float], scheme: BinScheme | None
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
    axes.set_xlabel("stated probability (mean within bin)", fontsize=12)
    axes.set_ylabel("observed frequency (share that came true)", fontsize=12)
    axes.set_title(title, fontsize=14)
    axes.grid(True, color="#f0f0f0")
    axes.set_axisbelow(True)


def _draw_points(axes: Axes, table: pd.DataFrame) -> None:
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
        loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=3, fontsize=10, frameon=False
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
