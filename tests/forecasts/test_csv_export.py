"""CSV reports: hostile names arrive as inert text, numbers as numbers, gaps as gaps."""

from __future__ import annotations

import csv
import io
import math

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from forecasts.bins import parse_bins
from forecasts.calibration import calibrate_claims
from forecasts.reports import to_csv
from forecasts.scoring import SCORE_COLUMNS, score_claims

# Timings on a shared machine vary too much for a per-example deadline to mean anything.
untimed = settings(deadline=None)

# Written out here rather than imported, so that a trigger dropped from the code fails.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")

HOSTILE_NAMES = (
    "=cmd|' /C calc'!A0",
    "=1+1",
    "+1",
    "-1",
    "-2+3",
    "@SUM(A1:A2)",
    "\tindented",
    "\rreturn",
    "\nnewline",
    'say "hi"',
    '"=quoted"',
    "comma, separated",
    "line\nbreak",
    "nan",
    "NaN",
    "'already quoted",
    "Олексій Данилов",
    "李 ✓ 🙂",
    " =leading space",
)

names = st.one_of(
    st.sampled_from(HOSTILE_NAMES),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=12),
)


def expected_cell(name: str) -> str:
    return "'" + name if name.startswith(FORMULA_TRIGGERS) else name


def without_added_quote(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_TRIGGERS) else cell


def read_back(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def scores_for(groups: list[str]) -> pd.DataFrame:
    rng = np.random.default_rng(len(groups))
    claims = pd.DataFrame(
        {
            # object dtype: numpy's fixed-width strings would drop a trailing NUL
            "group": np.repeat(np.array(groups, dtype=object), 3),
            "probability": rng.random(3 * len(groups)),
            "outcome": rng.integers(0, 2, 3 * len(groups)),
        }
    )
    annulled = pd.Series({"only annulled": 2, "=annulled": 1})
    return score_claims(claims, parse_bins("tenths"), annulled)


@settings(untimed, max_examples=150)
@given(groups=st.lists(names, min_size=1, max_size=8, unique=True))
def test_hostile_group_names_are_exported_inert_and_round_trip(groups: list[str]) -> None:
    scores = scores_for(groups)
    rows = read_back(to_csv(scores))
    assert [row["group"] for row in rows] == [expected_cell(name) for name in scores["group"]]
    for row, name in zip(rows, scores["group"], strict=True):
        assert not row["group"].startswith(FORMULA_TRIGGERS)
        if not name.startswith("'"):  # such a name is ambiguous once quotes are added
            assert without_added_quote(row["group"]) == name


@settings(untimed, max_examples=50)
@given(groups=st.lists(names, min_size=1, max_size=8, unique=True))
def test_pandas_reads_the_export_back_to_the_same_numbers(groups: list[str]) -> None:
    scores = scores_for(groups)
    parsed = pd.read_csv(
        io.StringIO(to_csv(scores)), dtype={"group": str}, keep_default_na=False, na_values=[""]
    )
    assert parsed["group"].tolist() == [expected_cell(name) for name in scores["group"]]
    numeric = list(SCORE_COLUMNS[1:])
    # Full precision: every float survives the text round trip bit for bit.
    pd.testing.assert_frame_equal(parsed[numeric], scores[numeric], check_dtype=False, rtol=0)


def test_numbers_stay_numbers_and_a_negative_one_is_not_quoted() -> None:
    frame = pd.DataFrame({"group": ["-1", "b"], "calibration_in_the_large": [-0.25, 0.1 + 0.2]})
    assert to_csv(frame) == (
        "group,calibration_in_the_large\r\n'-1,-0.25\r\nb,0.30000000000000004\r\n"
    )


def test_missing_values_are_empty_cells_never_nan() -> None:
    scores = scores_for(["a"])
    text = to_csv(scores)
    rows = read_back(text)
    annulled_only = next(row for row in rows if row["group"] == "only annulled")
    assert annulled_only["n"] == "0"
    assert all(annulled_only[column] == "" for column in SCORE_COLUMNS[3:])
    for row in rows:
        for column in SCORE_COLUMNS[1:]:
            assert row[column].lower() not in {"nan", "none", "<na>"}
            assert row[column] == "" or not math.isnan(float(row[column]))


def test_calibration_table_export_neutralises_groups_and_keeps_bin_labels() -> None:
    claims = pd.DataFrame({"group": "=evil()", "probability": [0.3, 0.9], "outcome": [0, 1]})
    rows = read_back(to_csv(calibrate_claims(claims, parse_bins("0,0.5,1"))))
    assert [row["group"] for row in rows] == ["'=evil()", "'=evil()"]
    assert [row["bin"] for row in rows] == ["[0, 0.5)", "[0.5, 1]"]
    assert [row["bin_lower"] for row in rows] == ["0.0", "0.5"]


def test_text_in_a_mixed_column_is_neutralised_and_numbers_in_it_are_left_alone() -> None:
    frame = pd.DataFrame(
        {"note": pd.Series(["+33 1 23", -4, None, "ok"], dtype=object), "n": [1, 2, 3, 4]}
    )
    assert to_csv(frame).splitlines() == ["note,n", "'+33 1 23,1", "-4,2", ",3", "ok,4"]


def test_a_carriage_return_inside_a_name_is_quoted_so_the_row_stays_whole() -> None:
    text = to_csv(pd.DataFrame({"group": ["a\rb", "c"], "n": [1, 2]}))
    assert text == 'group,n\r\n"a\rb",1\r\nc,2\r\n'
    assert [row["group"] for row in read_back(text)] == ["a\rb", "c"]


def test_hostile_column_names_are_neutralised_too() -> None:
    assert to_csv(pd.DataFrame({"=x": [1]})).splitlines()[0] == "'=x"
