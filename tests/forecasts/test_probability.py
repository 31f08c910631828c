"""The ICD 203 verbal probability scale and explicit probability figures."""

from __future__ import annotations

import pytest

from forecasts.probability import (
    ICD_203,
    ICD_203_NAME,
    UnknownPhraseError,
    find_explicit_probability,
    known_phrases,
    lookup,
    parse_explicit_probability,
    scale_records,
)


@pytest.mark.parametrize(
    ("phrase", "probability"),
    [
        ("not possible", 0.02),
        ("would not be much delayed", 0.8),
        ("cannot be pushed back", 0.95),
        ("will likely", 0.7),
    ],
)
def test_seed_phrases_give_the_seed_probabilities(phrase: str, probability: float) -> None:
    assert lookup(phrase).probability == probability


@pytest.mark.parametrize(
    ("phrase", "lower", "upper", "point"),
    [
        ("almost no chance", 0.01, 0.05, 0.05),
        ("remote", 0.01, 0.05, 0.05),
        ("very unlikely", 0.05, 0.20, 0.10),
        ("highly improbable", 0.05, 0.20, 0.10),
        ("unlikely", 0.20, 0.45, 0.30),
        ("roughly even chance", 0.45, 0.55, 0.50),
        ("roughly even odds", 0.45, 0.55, 0.50),
        ("likely", 0.55, 0.80, 0.70),
        ("probable", 0.55, 0.80, 0.70),
        ("very likely", 0.80, 0.95, 0.90),
        ("highly probable", 0.80, 0.95, 0.90),
        ("almost certain", 0.95, 0.99, 0.95),
        ("nearly certain", 0.95, 0.99, 0.95),
    ],
)
def test_icd_203_rows_have_the_directives_ranges(
    phrase: str, lower: float, upper: float, point: float
) -> None:
    entry = lookup(phrase)
    assert (entry.lower, entry.upper, entry.probability) == (lower, upper, point)
    assert entry.standard == ICD_203_NAME


def test_every_point_lies_inside_its_range() -> None:
    for entry in ICD_203:
        assert entry.lower <= entry.probability <= entry.upper, entry


@pytest.mark.parametrize(
    ("phrase", "probability"),
    [
        ("impossible", 0.02),
        ("no chance", 0.02),
        ("cannot happen", 0.02),
        ("will not", 0.05),
        ("won't", 0.05),
        ("would not", 0.20),
        ("not likely", 0.30),
        ("almost certainly", 0.95),
        ("almost certainly not", 0.05),
        ("highly unlikely", 0.10),
        ("very likely", 0.90),
        ("will", 0.95),
        ("would", 0.80),
        ("should", 0.55),
        ("could", 0.50),
        ("may", 0.50),
        ("might", 0.50),
        ("inevitable", 0.98),
    ],
)
def test_negations_intensifiers_and_modals(phrase: str, probability: float) -> None:
    assert lookup(phrase).probability == probability


def test_negation_mirrors_the_range() -> None:
    will, will_not = lookup("will"), lookup("will not")
    assert will_not.lower == pytest.approx(1 - will.upper)
    assert will_not.upper == pytest.approx(1 - will.lower)
    assert lookup("likely").probability + lookup("not likely").probability == pytest.approx(1)


@pytest.mark.parametrize(
    "written",
    ["Will  Likely", "WILL LIKELY", "will\nlikely", "“will likely”", " will likely. "],
)
def test_lookup_ignores_case_spacing_and_quote_marks(written: str) -> None:
    assert lookup(written).phrase == "will likely"


def test_lookup_reads_curly_apostrophes_and_contractions() -> None:
    assert lookup("won’t").phrase == "will not"
    assert lookup("can’t be pushed back").phrase == "cannot be pushed back"
    assert lookup("would “not be much delayed”").probability == 0.8


def test_unknown_phrase_is_an_error_that_lists_the_known_phrases() -> None:
    with pytest.raises(UnknownPhraseError) as raised:
        lookup("perchance")
    message = str(raised.value)
    assert "perchance" in message
    for phrase in ("almost certain", "not possible", "will likely", "roughly even chance"):
        assert phrase in message
    assert isinstance(raised.value, ValueError)


def test_known_phrases_are_sorted_and_all_look_up() -> None:
    phrases = known_phrases()
    assert phrases == sorted(phrases)
    assert all(lookup(phrase).phrase == phrase for phrase in phrases)


def test_scale_records_are_plain_data_for_the_api() -> None:
    records = scale_records()
    assert len(records) == len(known_phrases())
    first = records[0]
    assert set(first) == {"phrase", "probability", "lower", "upper", "standard", "note"}
    assert all(isinstance(record["probability"], float) for record in records)
    assert [r["probability"] for r in records] == sorted(r["probability"] for r in records)


def test_find_locates_the_longest_phrase_in_a_sentence() -> None:
    sentence = "A second mutiny would “not be much delayed”, he concluded."
    (match,) = ICD_203.find(sentence)
    assert match.entry.phrase == "would not be much delayed"
    assert sentence[match.start : match.end] == "would “not be much delayed”"


def test_find_does_not_join_words_across_a_comma() -> None:
    assert [m.entry.phrase for m in ICD_203.find("it will, likely")] == ["will", "likely"]


@pytest.mark.parametrize(
    ("text", "probability"),
    [
        ("35-40%", 0.375),
        ("35–40%", 0.375),
        ("35% to 40%", 0.375),
        ("a 60 percent chance", 0.6),
        ("a 60 per cent chance", 0.6),
        ("one in three", 1 / 3),
        ("1 in 4", 0.25),
        ("nine out of ten", 0.9),
        ("70%", 0.7),
        ("put the probability at no more than one in five", 0.2),
        ("there is roughly a 65% chance that it rains", 0.65),
        ("a 90% likely outcome", 0.9),
    ],
)
def test_explicit_figures_parse(text: str, probability: float) -> None:
    assert parse_explicit_probability(text) == pytest.approx(probability, abs=1e-6)


@pytest.mark.parametrize(
    "text",
    [
        "inflation will be 3% next year",
        "one in three Americans owns a dog",
        "48 percent of likely voters support the levy",
        "no figure at all",
        "40-35%",
        "150%",
    ],
)
def test_quantities_and_nonsense_are_not_probabilities(text: str) -> None:
    assert parse_explicit_probability(text) is None


def test_find_explicit_probability_reports_where_the_figure_is() -> None:
    text = "Harbourview raised the chance of recession to 35-40%, up from 25%."
    found = find_explicit_probability(text)
    assert found is not None
    assert text[found.start : found.end] == "35-40%"
    assert found.probability == 0.375


def test_odds_in_words_are_probabilities() -> None:
    assert parse_explicit_probability("I'd make it 60-40 that the bill passes") == 0.6
    assert parse_explicit_probability("she put the odds at 80-20 against") == 0.2
    assert parse_explicit_probability("a rescue is four to one against") == 0.2
    assert parse_explicit_probability("they are three to one on.") == 0.75
    assert parse_explicit_probability("the bookmakers make her evens") == 0.5
    assert parse_explicit_probability("he put the chances of a deal at about even") == 0.5
    # a score, a vote split and "even" as an adverb state no odds
    assert find_explicit_probability("Dunmore won 70-30 on Saturday.") is None
    assert find_explicit_probability("The motion passed 60-40.") is None
    assert find_explicit_probability("The odds are even longer now.") is None


def test_a_bookmaker_s_fractional_odds_are_probabilities() -> None:
    assert parse_explicit_probability("Carrow Bet make Linfield 4/6 favourites") == 0.6
    assert parse_explicit_probability("with the Rovers at 3/1 to go down") == 0.25
    # round-the-clock care and a date are no odds
    assert find_explicit_probability("nurses at 24/7 clinics") is None
    assert find_explicit_probability("The count ends on 10/12.") is None


def test_a_runner_named_with_its_article_takes_the_first_price() -> None:
    text = "Holt Bet makes the Greens 1/4 to top the poll, with Labour at 5/2."
    assert parse_explicit_probability(text) == 0.8


def test_a_runner_named_by_a_pronoun_takes_the_first_price() -> None:
    text = "Holt Bet makes them 1/4 to top the poll, with Labour at 5/2."
    assert parse_explicit_probability(text) == 0.8


def test_a_level_the_event_in_a_that_clause_reaches_is_no_probability() -> None:
    text = "There is a good chance that the jobless rate would climb above 6% by June."
    assert find_explicit_probability(text) is None
    assert parse_explicit_probability("There is a 30% chance that the rate would climb.") == 0.3


def test_odds_shortened_to_a_price_take_the_new_price() -> None:
    text = "Holt Bet has cut its odds on Kell winning the seat to 1/3, from 2/1 on Monday."
    assert parse_explicit_probability(text) == 0.75


def test_today_s_level_in_an_aside_is_no_probability() -> None:
    text = "There is a risk that inflation, currently 4.1 per cent, falls more slowly."
    assert find_explicit_probability(text) is None
    assert parse_explicit_probability("the risk is now 20%") == 0.2


def test_a_ratio_with_its_noun_inside_is_a_probability() -> None:
    assert parse_explicit_probability("I give it about one chance in five.") == 0.2
    assert parse_explicit_probability("We rate it 3 chances in 10.") == 0.3
