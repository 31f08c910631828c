"""Calibration charts: 800 x 600 PNGs, with or without claims, safe to draw concurrently."""

from __future__ import annotations

import io
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pandas as pd
from PIL import Image
from scipy import ndimage

from forecasts.bins import parse_bins
from forecasts.calibration import calibrate_claims
from forecasts.charts import calibration_chart_png, chart_title

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
POINT_RGB = (0x1F, 0x5F, 0xA8)


def a_table(n: int = 500, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    p = rng.choice(np.linspace(0.0, 1.0, 11), size=n)
    claims = pd.DataFrame(
        {"group": "Oleksiy Danilov", "probability": p, "outcome": (rng.random(n) < p).astype(int)}
    )
    return calibrate_claims(claims, parse_bins("tenths"))


def decode(png: bytes) -> Image.Image:
    assert png.startswith(PNG_SIGNATURE)
    image = Image.open(io.BytesIO(png))
    image.load()
    return image


def pixels_of(image: Image.Image, rgb: tuple[int, int, int]) -> int:
    array = np.asarray(image.convert("RGB"))
    return int(np.all(array == np.array(rgb, dtype=np.uint8), axis=-1).sum())


def test_chart_is_an_800_by_600_png_with_the_points_drawn() -> None:
    image = decode(calibration_chart_png(a_table(), title="Oleksiy Danilov"))
    assert image.size == (800, 600)
    assert pixels_of(image, POINT_RGB) > 500


def test_chart_without_claims_is_a_valid_png_with_no_points() -> None:
    image = decode(calibration_chart_png(a_table().iloc[:0], title="Nobody yet"))
    assert image.size == (800, 600)
    assert pixels_of(image, POINT_RGB) == 0


# Five bins of 20 claims each: stated p, and how many of the 20 came true.
SPREAD = ((0.6, 4), (0.7, 18), (0.8, 10), (0.9, 2), (0.97, 14))


def spread_claims() -> pd.DataFrame:
    rows = [
        {"group": "g", "probability": p, "outcome": int(k < happened)}
        for p, happened in SPREAD
        for k in range(20)
    ]
    return pd.DataFrame(rows)


def point_centres(image: Image.Image, count: int) -> np.ndarray:
    """The pixel centres (x, y) of the `count` largest blobs of the points' colour."""
    array = np.asarray(image.convert("RGB"))
    mask = np.all(array == np.array(POINT_RGB, dtype=np.uint8), axis=-1)
    labels, found = ndimage.label(mask)
    sizes = ndimage.sum(mask, labels, index=range(1, found + 1))
    largest = np.argsort(sizes)[::-1][:count] + 1
    centres = ndimage.center_of_mass(mask, labels, index=largest)
    return np.array([(x, y) for y, x in centres])


def fitted(pixels: np.ndarray, values: np.ndarray) -> tuple[float, float]:
    """Slope of pixels against values, and the largest distance of a pixel from the line."""
    slope, intercept = np.polyfit(values, pixels, 1)
    return float(slope), float(np.abs(pixels - (slope * values + intercept)).max())


def test_points_land_where_the_table_puts_them_folded_over_the_upper_half() -> None:
    scheme = parse_bins("folded")
    table = calibrate_claims(spread_claims(), scheme)
    assert len(table) == len(SPREAD)
    folded = decode(calibration_chart_png(table, title="g", scheme=scheme))
    whole = decode(
        calibration_chart_png(calibrate_claims(spread_claims(), parse_bins("tenths")), title="g")
    )
    assert folded.size == whole.size == (800, 600)

    slopes = []
    for image in (folded, whole):
        centres = point_centres(image, len(SPREAD))
        order = np.argsort(centres[:, 0])  # left to right: the bins in order of stated p
        x_slope, x_miss = fitted(centres[order, 0], np.array([p for p, _ in SPREAD]))
        y_slope, y_miss = fitted(
            centres[order, 1], np.array([happened / 20 for _, happened in SPREAD])
        )
        assert x_miss < 2 and y_miss < 2  # every point on the line its axis draws
        assert x_slope > 0 and y_slope < 0  # further right as p grows, higher as y does
        slopes.append(x_slope)
    # The folded chart spans 0.5 to 1 where the whole one spans 0 to 1: twice the scale.
    assert 1.8 < slopes[0] / slopes[1] < 2.2


def test_concurrent_charts_equal_the_same_chart_drawn_alone() -> None:
    tables = [a_table(seed=seed) for seed in range(6)]
    alone = [calibration_chart_png(table, title=f"source {k}") for k, table in enumerate(tables)]
    with ThreadPoolExecutor(max_workers=6) as pool:
        together = list(
            pool.map(
                lambda item: calibration_chart_png(item[1], title=f"source {item[0]}"),
                enumerate(tables),
            )
        )
    assert together == alone
    assert len(set(alone)) == len(alone)


def test_chart_title_names_the_source_with_n_and_brier() -> None:
    assert chart_title(name="Oleksiy Danilov", n=1234, brier=0.18349) == (
        "Oleksiy Danilov — n = 1,234, Brier 0.183"
    )
