"""The charts at a phone's width: sizes chosen by width, and no label over another."""

from __future__ import annotations

import io
from itertools import combinations

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure
from matplotlib.image import imread
from matplotlib.text import Text

from forecasts.charts import calibration_chart_png, history_chart, history_chart_png


def _size(png: bytes) -> tuple[int, int]:
    height, width = imread(io.BytesIO(png), format="png").shape[:2]
    return width, height


def _weeks(count: int) -> tuple[list[str], list[float | None], list[int]]:
    weeks = [f"2026-W{w:02d}" for w in range(1, count + 1)]
    return weeks, [0.1 + 0.004 * w for w in range(count)], [10 * w + 3 for w in range(count)]


def _visible_labels(figure: Figure) -> list[Text]:
    figure.canvas.draw()
    labels = []
    for axes in figure.axes:
        labels += [t for t in axes.get_xticklabels() if t.get_text() and t.get_visible()]
        labels += [t for t in axes.texts if t.get_text()]
    return labels


@pytest.mark.parametrize("width", [360, 800])
@pytest.mark.parametrize("count", [3, 12, 52])
def test_history_chart_labels_never_overlap(width, count):
    weeks, brier, n = _weeks(count)
    figure = history_chart(weeks=weeks, brier=brier, n=n, title="A source", width=width)
    figure.tight_layout()
    labels = _visible_labels(figure)
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    boxes = [label.get_window_extent(renderer) for label in labels]
    for (a, box_a), (b, box_b) in combinations(zip(labels, boxes, strict=True), 2):
        assert not box_a.overlaps(box_b), f"{a.get_text()!r} overlaps {b.get_text()!r}"
    ticks = [t.get_text() for t in figure.axes[1].get_xticklabels() if t.get_text()]
    assert ticks[0] == "2026-W01" and len(ticks) <= count


def test_history_chart_labels_bars_with_their_counts_where_they_fit():
    weeks, brier, n = _weeks(4)
    wide = history_chart(weeks=weeks, brier=brier, n=n, title="A source", width=800)
    assert [t.get_text() for t in wide.axes[1].texts] == ["3", "13", "23", "33"]
    weeks, brier, n = _weeks(40)
    narrow = history_chart(weeks=weeks, brier=brier, n=n, title="A source", width=360)
    assert len(narrow.axes[1].texts) == 0


def test_charts_are_drawn_at_the_width_asked_for():
    weeks, brier, n = _weeks(5)
    assert _size(history_chart_png(weeks=weeks, brier=brier, n=n, title="A", width=360)) == (
        360,
        342,
    )
    table = pd.DataFrame(
        {
            "mean_probability": [0.2, 0.8],
            "observed_frequency": [0.25, 0.7],
            "ci_lower": [0.1, 0.5],
            "ci_upper": [0.45, 0.85],
            "n": [8, 10],
        }
    )
    assert _size(calibration_chart_png(table, title="A", width=360)) == (360, 342)
    assert _size(calibration_chart_png(table, title="A")) == (800, 600)
    with pytest.raises(ValueError, match="width must be 320-1600 pixels"):
        calibration_chart_png(table, title="A", width=100)


def test_history_chart_leaves_weeks_without_a_score_as_gaps():
    figure = history_chart(
        weeks=["2026-W01", "2026-W02", "2026-W03"],
        brier=[0.2, None, 0.1],
        n=[1, 0, 2],
        title="A source",
    )
    line = figure.axes[0].get_lines()[0]
    assert np.isnan(np.asarray(line.get_ydata(), dtype=float)).tolist() == [False, True, False]
