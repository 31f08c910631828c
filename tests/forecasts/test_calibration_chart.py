"""Calibration charts: 800 x 600 PNGs, with or without claims, safe to draw concurrently."""

from __future__ import annotations

import io
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pandas as pd
from PIL import Image

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


def test_folded_chart_is_drawn_over_the_upper_half_of_the_scale() -> None:
    scheme = parse_bins("folded")
    rng = np.random.default_rng(1)
    claims = pd.DataFrame(
        {"group": "g", "probability": rng.random(300), "outcome": rng.integers(0, 2, 300)}
    )
    png = calibration_chart_png(calibrate_claims(claims, scheme), title="g", scheme=scheme)
    assert decode(png).size == (800, 600)


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
