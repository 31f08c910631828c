"""Bin specs: the named schemes, explicit edges, and the errors for everything else."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Literal

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from forecasts.bins import BinScheme, parse_bins


def bin_labels(spec: str, probabilities: list[float]) -> list[str]:
    scheme = parse_bins(spec)
    indices = scheme.assign(np.asarray(probabilities, dtype=float))
    return [scheme.labels[index] for index in indices]


def test_tenths_is_the_default_with_eleven_bins_centred_on_round_numbers() -> None:
    scheme = parse_bins()
    assert scheme.name == "tenths"
    assert scheme.labels == tuple(f"{10 * k}%" for k in range(11))
    assert scheme.lower[1:] == pytest.approx([0.05 + 0.1 * k for k in range(10)])
    assert (scheme.lower[0], scheme.upper[-1]) == (0.0, 1.0)


def test_tenths_keeps_stated_round_numbers_in_their_own_bin() -> None:
    stated = [k / 10 for k in range(11)] + [0.3, 0.7, 0.1 + 0.2]
    expected = [f"{10 * k}%" for k in range(11)] + ["30%", "70%", "30%"]
    assert bin_labels("tenths", stated) == expected


def test_tenths_puts_a_probability_on_an_edge_in_the_bin_above() -> None:
    assert bin_labels("tenths", [0.05, 0.15, 0.95, 0.0499]) == ["10%", "20%", "100%", "0%"]


def test_uniform10_assigns_exactly_as_sklearn_calibration_curve() -> None:
    probabilities = np.concatenate(
        [np.linspace(0, 1, 11), np.linspace(0, 1, 101), np.random.default_rng(0).random(500)]
    )
    sklearn_bins = np.searchsorted(np.linspace(0.0, 1.0, 11)[1:-1], probabilities)
    np.testing.assert_array_equal(parse_bins("uniform10").assign(probabilities), sklearn_bins)


def test_uniform10_labels_show_sklearn_edge_convention() -> None:
    scheme = parse_bins("uniform10")
    assert scheme.labels[0] == "[0, 0.1]"
    assert scheme.labels[3] == "(0.3, 0.4]"
    assert scheme.labels[-1] == "(0.9, 1]"
    assert scheme.lower[3] == 0.3  # shown rounded, not as 0.30000000000000004


def test_folded_turns_a_low_probability_into_confidence_in_the_opposite_outcome() -> None:
    scheme = parse_bins("folded")
    p, y = scheme.fold(np.array([0.3, 0.8, 0.5]), np.array([0.0, 1.0, 1.0]))
    np.testing.assert_allclose(p, [0.7, 0.8, 0.5])
    np.testing.assert_array_equal(y, [1.0, 1.0, 1.0])
    assert scheme.folds


def test_folded_puts_45_and_55_percent_in_the_same_bin() -> None:
    scheme = parse_bins("folded")
    p, _ = scheme.fold(np.array([0.45, 0.55, 0.05, 0.95, 0.15, 0.85]), np.zeros(6))
    labels = [scheme.labels[k] for k in scheme.assign(p)]
    assert labels == ["60%", "60%", "95%+", "95%+", "90%", "90%"]


def test_folded_bins_are_named_by_stated_confidence() -> None:
    scheme = parse_bins("folded")
    assert scheme.labels == ("50%", "60%", "70%", "80%", "90%", "95%+")
    assert scheme.lower == (0.5, 0.55, 0.65, 0.75, 0.85, 0.925)
    assert scheme.upper[-1] == 1.0


def test_explicit_edges_make_lower_inclusive_bins_with_the_last_one_closed() -> None:
    scheme = parse_bins("0, 0.2,0.5 ,1")
    assert scheme.labels == ("[0, 0.2)", "[0.2, 0.5)", "[0.5, 1]")
    assert scheme.lower == (0.0, 0.2, 0.5)
    assert scheme.upper == (0.2, 0.5, 1.0)
    assert bin_labels("0,0.2,0.5,1", [0.0, 0.2, 0.49, 0.5, 1.0]) == [
        "[0, 0.2)",
        "[0.2, 0.5)",
        "[0.2, 0.5)",
        "[0.5, 1]",
        "[0.5, 1]",
    ]


def test_named_schemes_ignore_case_and_surrounding_space() -> None:
    assert parse_bins("  Folded ").name == "folded"
    assert parse_bins("UNIFORM10").name == "uniform10"


@pytest.mark.parametrize(
    ("spec", "problem"),
    [
        ("", "unknown bins ''"),
        ("deciles", "unknown bins 'deciles'"),
        ("0,half,1", "'half' is not a number"),
        ("0,0.5,", "'' is not a number"),
        ("0,0.5", "must start at 0 and end at 1"),
        ("0.1,0.5,1", "must start at 0 and end at 1"),
        ("0,0.6,0.4,1", "must increase strictly, but 0.4 follows 0.6"),
        ("0,0.5,0.5,1", "must increase strictly, but 0.5 follows 0.5"),
        ("0,nan,1", "must be finite"),
        ("0,inf,1", "must be finite"),
    ],
)
def test_bad_bin_specs_are_refused_naming_the_problem_and_the_accepted_forms(
    spec: str, problem: str
) -> None:
    with pytest.raises(ValueError) as refused:
        parse_bins(spec)
    message = str(refused.value)
    assert problem in message
    assert "tenths" in message and "uniform10" in message and "folded" in message
    assert "0,0.2,0.5,1" in message


@settings(deadline=None)
@given(
    cuts=st.lists(
        st.floats(min_value=1e-9, max_value=1.0, exclude_max=True), min_size=1, max_size=12
    ),
    side=st.sampled_from(["left", "right"]),
    seed=st.integers(0, 2**32 - 1),
)
def test_assignment_agrees_with_searchsorted_for_any_cuts(
    cuts: list[float], side: Literal["left", "right"], seed: int
) -> None:
    # The table lookup behind assign() must give searchsorted's answer bit for bit,
    # including for probabilities equal to a cut or one ulp either side of it.
    edges = np.unique(cuts)
    scheme = replace(parse_bins("tenths"), cuts=tuple(edges), side=side)
    rng = np.random.default_rng(seed)
    near = np.concatenate([edges, np.nextafter(edges, 0.0), np.nextafter(edges, 1.0)])
    probabilities = np.concatenate([rng.random(2_000), near, [0.0, 1.0, -0.25, 1.25]])
    expected = np.searchsorted(edges, probabilities, side=side)
    np.testing.assert_array_equal(scheme.assign(probabilities), expected)


def _stated_folded_labels(scheme: BinScheme, stated: list[str]) -> list[str]:
    """The folded bin of each stated p < 0.5, found from its exact decimal complement."""
    exact = np.array([float(Decimal(1) - Decimal(p)) for p in stated])
    return [scheme.labels[k] for k in scheme.assign(exact)]


def test_every_probability_stated_in_thousandths_folds_into_its_complements_bin() -> None:
    scheme = parse_bins("folded")
    stated = [f"{k / 1000:.3f}" for k in range(500)]
    p, _ = scheme.fold(np.array([float(s) for s in stated]), np.zeros(len(stated)))
    folded = [scheme.labels[k] for k in scheme.assign(p)]
    assert folded == _stated_folded_labels(scheme, stated)


def test_complements_of_the_cuts_fold_exactly_onto_them() -> None:
    scheme = parse_bins("folded")
    complements = np.array([0.45, 0.35, 0.25, 0.15, 0.075])
    p, _ = scheme.fold(complements, np.zeros(5))
    assert p.tolist() == list(scheme.cuts)


def test_folded_confidence_a_hair_below_a_cut_stays_in_the_bin_below() -> None:
    scheme = parse_bins("folded")
    stated = ["0.4500000000001", "0.3500000000001", "0.0750000000001"]
    p, _ = scheme.fold(np.array([float(s) for s in stated]), np.zeros(3))
    folded = [scheme.labels[k] for k in scheme.assign(p)]
    assert folded == ["50%", "60%", "90%"] == _stated_folded_labels(scheme, stated)
