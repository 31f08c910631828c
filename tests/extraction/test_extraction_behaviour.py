"""Sentence splitting and candidate extraction: behaviour on small texts, and properties."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from forecasts.extraction import Candidate, extract_candidates, split_sentences

PUBLISHED = datetime(2024, 3, 12, 14, 30, tzinfo=UTC)


def texts(text: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(text)]


def only(text: str) -> Candidate:
    (candidate,) = extract_candidates(text, published_at=PUBLISHED)
    return candidate


def test_abbreviations_initials_and_decimals_do_not_end_sentences() -> None:
    text = (
        "Mr. Smith met Dr. Jones in the U.S. on Jan. 5 to discuss growth of 2.5 per cent. "
        "John F. Kennedy was mentioned. It rained."
    )
    assert texts(text) == [
        "Mr. Smith met Dr. Jones in the U.S. on Jan. 5 to discuss growth of 2.5 per cent.",
        "John F. Kennedy was mentioned.",
        "It rained.",
    ]


def test_an_initialism_can_end_a_sentence() -> None:
    assert texts("Prices rose in the U.S. The rest fell.") == [
        "Prices rose in the U.S.",
        "The rest fell.",
    ]


def test_quotations_stay_with_their_attribution() -> None:
    text = '“It will fail,” she said. “Will it?” he asked. "Yes. Soon," she said.'
    assert texts(text) == [
        "“It will fail,” she said.",
        "“Will it?” he asked.",
        '"Yes.',
        'Soon," she said.',
    ]


def test_a_short_line_without_full_stop_is_a_heading() -> None:
    (heading, body) = split_sentences("Levy heads for vote. Or not\n\nThe vote is close.")
    assert heading.heading and heading.text == "Levy heads for vote. Or not"
    assert not body.heading


def test_a_single_line_without_full_stop_is_still_read() -> None:
    (sentence,) = split_sentences("Markets will rally next year")
    assert not sentence.heading
    assert only("Markets will rally next year").verbal_phrase == "will"


def test_reported_would_with_speaker_probability_and_deadline() -> None:
    candidate = only(
        "Governor Dana Hollis said on Monday that her levy would pass the Senate by March."
    )
    assert candidate.speaker == "Dana Hollis"
    assert candidate.verbal_phrase == "would"
    assert candidate.probability is None
    assert candidate.probability_reason is not None and "'would'" in candidate.probability_reason
    assert candidate.probability_basis is None
    assert candidate.deadline_phrase == "by March"
    assert candidate.deadline == datetime(2024, 4, 1, tzinfo=UTC)
    assert candidate.span == "her levy would pass the Senate by March"


def test_explicit_probability_wins_over_the_hedge_word() -> None:
    candidate = only("Tom Reyes said a recession was “unlikely”, putting the odds at one in five.")
    assert candidate.probability == 0.2
    assert candidate.probability_basis == "stated"
    assert candidate.verbal_phrase is None


def test_pronoun_resolves_to_the_last_named_person_in_full() -> None:
    text = (
        "Oleksiy Danilov spoke on Tuesday. According to Mr Danilov, the war goes on. "
        "“Protest cannot be pushed back,” he said."
    )
    (candidate,) = extract_candidates(text)
    assert candidate.speaker == "Oleksiy Danilov"
    assert candidate.probability == 0.95


def test_a_quotation_continued_in_the_next_sentence_keeps_its_speaker() -> None:
    text = "“Rates are high,” said Fiona Gallagher. “They will fall by the end of the year.”"
    assert only(text).speaker == "Fiona Gallagher"


def test_the_group_refers_to_the_organisation_introduced_before() -> None:
    text = (
        "Prices fell, according to motoring group AutoClub. "
        "The group said it expected prices to stay low through the holidays."
    )
    assert only(text).speaker == "AutoClub"


def test_an_organisation_named_with_for_is_not_taken_for_a_person() -> None:
    text = (
        "Dr. Anita Sharma of the National Center for Infection Control spoke. "
        "“We have not seen the peak,” she said. “It will come in March.”"
    )
    assert only(text).speaker == "Anita Sharma"


def test_the_person_after_an_appositive_is_the_speaker_of_an_inverted_quote() -> None:
    text = "“Supply will swamp demand,” wrote Northbridge's head of commodities, Olivia Grant."
    assert only(text).speaker == "Olivia Grant"


def test_anonymous_and_agentless_expectations_are_not_candidates() -> None:
    text = (
        "Two delegates, who asked not to be named, said a delay was “almost certain.” "
        "State health departments are expected to follow later in the month."
    )
    assert extract_candidates(text) == []


def test_the_writer_speaks_when_nobody_is_quoted() -> None:
    assert only("The Comets will almost certainly ask for more money.").speaker is None


def test_hopes_pledges_questions_and_boilerplate_are_not_candidates() -> None:
    text = "\n".join(
        [
            "Officials are hoping the talks will succeed.",
            "If the bill fails, she will veto the alternative.",
            "Will the bank cut rates in June?",
            "Sign up to our newsletter and you will never miss a story.",
            "READ MORE Putin will fall, says puppet",
            "Wagner may now be in Belarus.",
            "The vote will be held on March 3.",
            "He declined to predict the outcome.",
        ]
    )
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_present_tense_hedges_are_not_forecasts() -> None:
    text = "The fire was probably caused by a cigarette. Most likely voters back the levy."
    assert extract_candidates(text) == []


def test_bare_possibility_from_the_writer_is_only_returned_when_asked_for() -> None:
    text = "The ceasefire could collapse."
    assert extract_candidates(text) == []
    (weak,) = extract_candidates(text, min_confidence=0.0)
    assert weak.verbal_phrase == "could"


def test_candidate_offsets_and_plain_data() -> None:
    text = "Intro line here.\n\nMarkets will rally next year, she wrote."
    (candidate,) = extract_candidates(text, published_at=PUBLISHED, url="https://example.org/a")
    assert text[candidate.start : candidate.end] == candidate.sentence
    assert text[candidate.span_start : candidate.span_end] == candidate.span
    data = candidate.to_dict()
    assert data["deadline"] == "2026-01-01T00:00:00+00:00"
    assert data["url"] == "https://example.org/a"


def test_extraction_is_deterministic() -> None:
    text = "Analysts at Cairn Research forecast that sales will double by 2030. It won't."
    assert extract_candidates(text) == extract_candidates(text)


_PIECES = (
    *"abcXYZ .,;:!?…\"“”‘’'()-–—\n\t0123456789%",
    *("Mr. ", "U.S. ", "Jan. ", "will ", "would ", "not ", "said ", "he ", "likely ", "if "),
    *("“", "”", "by 2030 ", "one in three ", "35-40% ", "cannot be pushed back ", "\n\n"),
)
_ALPHABET = st.sampled_from(_PIECES)
_TEXT = st.lists(_ALPHABET, max_size=80).map("".join) | st.text(max_size=400)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_the_extractor_never_crashes_and_offsets_slice_back(text: str) -> None:
    for candidate in extract_candidates(text, published_at=PUBLISHED, min_confidence=0.0):
        assert text[candidate.start : candidate.end] == candidate.sentence
        assert text[candidate.span_start : candidate.span_end] == candidate.span
        assert candidate.start <= candidate.span_start <= candidate.span_end <= candidate.end
        assert 0.0 <= candidate.confidence <= 1.0
        assert candidate.probability is None or 0.0 <= candidate.probability <= 1.0


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_sentences_slice_back_and_do_not_overlap(text: str) -> None:
    previous_end = 0
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
        assert sentence.text
        assert sentence.start >= previous_end
        previous_end = sentence.end
