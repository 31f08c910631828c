"""Sentence splitting and candidate extraction: behaviour on small texts, and properties."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from forecasts.extraction import Candidate, Quantity, extract_candidates, split_sentences

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


def test_no_ends_a_sentence_unless_a_number_follows() -> None:
    assert texts("He lives at No. 4 Mill Lane. Will it pass? Not this time, no. It fails.") == [
        "He lives at No. 4 Mill Lane.",
        "Will it pass?",
        "Not this time, no.",
        "It fails.",
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


# --- patterns of real reporting ------------------------------------------------------------


def speakers_of(text: str) -> list[str | None]:
    return [c.speaker for c in extract_candidates(text, published_at=PUBLISHED)]


def test_a_quotation_is_attributed_by_the_sentence_after_it() -> None:
    text = "“Rates will fall to 3% by the end of the year.” Fiona Gallagher said."
    assert speakers_of(text) == ["Fiona Gallagher"]


def test_a_quotation_is_attributed_by_a_he_said_a_paragraph_later() -> None:
    text = (
        "Mark Tull runs the fund.\n\n"
        "“Prices will double by 2030.”\n\n"
        "“We have seen nothing like it,” he said."
    )
    assert speakers_of(text) == ["Mark Tull"]


def test_a_pronoun_reaches_back_to_the_name_in_an_earlier_paragraph() -> None:
    text = (
        "Alasdair Reith, a geologist, has studied the basin for decades.\n\n"
        "Instead, he argued, output will fall by a third by 2030."
    )
    assert speakers_of(text) == ["Alasdair Reith"]


def test_a_role_without_a_name_speaks_for_its_organisation() -> None:
    text = (
        "A top Moody's economist, who asked not to be named, said a recession was unlikely "
        "before 2026."
    )
    assert speakers_of(text) == ["Moody's"]


def test_analysts_at_an_organisation_named_before_speak_for_it() -> None:
    text = (
        "The Bank of Arland kept rates on hold. Analysts at the bank expect inflation to fall "
        "below 3% next year."
    )
    assert speakers_of(text) == ["Bank of Arland"]


def test_according_to_a_role_at_an_organisation_names_the_organisation() -> None:
    text = (
        "A recession is likely within a year if oil stays above $100, according to analysts "
        "at Harwich Partners."
    )
    assert speakers_of(text) == ["Harwich Partners"]


def test_an_organisation_and_its_director_speak() -> None:
    text = (
        "The World Meteorological Organization warned that 2025 would likely be among the "
        "three warmest years on record. Gartner predicts that sales will drop 3.2% in 2025."
    )
    assert speakers_of(text) == ["World Meteorological Organization", "Gartner"]


def test_a_named_person_is_preferred_to_the_role_beside_the_name() -> None:
    text = (
        "The Harwick Public Health Authority met. Dr. Samuel Adeyemi, the authority's chief "
        "epidemiologist, said cases would probably keep rising until at least mid-November."
    )
    assert speakers_of(text) == ["Samuel Adeyemi"]


def test_several_speakers_of_one_claim_are_all_named() -> None:
    text = (
        "Ingrid Solberg, Alasdair Reith and Ama Mensah-Clark all concurred that the basin "
        "would produce less oil in 2030 than it does today."
    )
    (candidate,) = extract_candidates(text, published_at=PUBLISHED)
    assert candidate.speaker == "Ingrid Solberg"
    assert candidate.speakers == ("Ingrid Solberg", "Alasdair Reith", "Ama Mensah-Clark")


def test_reporting_frames_name_the_speaker() -> None:
    text = "\n".join(
        [
            "According to Priya Raman, growth will likely slow next year.",
            "Jon Bell told the Daily Ledger that the merger would probably fail by June.",
            "Kay Moss wrote in a report warning that prices would likely rise in 2025.",
            "Lee Park expects the bank to cut rates twice next year.",
        ]
    )
    assert speakers_of(text) == ["Priya Raman", "Jon Bell", "Kay Moss", "Lee Park"]


def test_the_figure_belongs_to_the_claim_it_is_given_for() -> None:
    candidate = only(
        "Julius Okia said: “I put the odds of a recession around 35-40% over the next year, "
        "but the odds of a slowdown are close to 100%.”"
    )
    assert candidate.probability == 0.375
    assert candidate.probability_basis == "stated"


def test_a_bare_will_carries_no_probability_and_says_why() -> None:
    candidate = only("Nia Okoro said the ceasefire will hold until the end of March.")
    assert candidate.probability is None
    assert candidate.verbal_phrase == "will"
    assert candidate.probability_reason is not None
    assert "'will' states no likelihood" in candidate.probability_reason


def test_hedges_give_their_scale_probability() -> None:
    text = "\n".join(
        [
            "The prospect of a runoff is likely, Miles Corrigan added.",
            "He is unlikely to start on Saturday, Fran Ortiz said.",
            "Ana Ruiz said the likelihood of a strike will increase to 70% by May.",
        ]
    )
    found = extract_candidates(text, published_at=PUBLISHED)
    assert [c.probability for c in found] == [0.7, 0.3, 0.7]


def test_could_might_and_should_from_a_named_source_are_low_confidence_forecasts() -> None:
    text = "\n".join(
        [
            "Vera Lind said inflation should come close to three percent this year.",
            "Omar Said warned that prices could reach their peak in April.",
            "Prices could reach their peak.",
            "Tim Cole said ministers should plan for a faster decline.",
        ]
    )
    found = extract_candidates(text, published_at=PUBLISHED)
    assert [c.speaker for c in found] == ["Vera Lind", "Omar Said"]
    assert all(c.confidence < 0.7 for c in found)


def test_the_writers_could_or_might_counts_only_with_a_time_that_bounds_it() -> None:
    text = "\n".join(
        [
            "Prices could reach their peak next April.",
            "The lifts might not open at all next winter.",
            "Prices could reach their peak over the coming months.",
            "Residents may collect sandbags on Friday.",
            "The effect could fade.",
        ]
    )
    found = extract_candidates(text, published_at=PUBLISHED)
    assert [c.sentence for c in found] == [
        "Prices could reach their peak next April.",
        "The lifts might not open at all next winter.",
    ]
    assert all(c.speaker is None and c.confidence < 0.7 for c in found)


def test_forecasts_of_a_number_are_quantities() -> None:
    cases = {
        "Vera Lind said inflation should come close to three percent this year.": (3, 3, "%"),
        "“We expect full-year inflation at 2.7-2.8 percent,” Ian Ross said.": (2.7, 2.8, "%"),
        "Gartner predicts that sales will drop 3.2% in 2025.": (-3.2, -3.2, "% change"),
        "Northbridge said Brent would average $62 a barrel in 2025.": (62, 62, "USD/barrel"),
    }
    for text, (low, high, unit) in cases.items():
        candidate = only(text)
        assert candidate.kind == "quantity", text
        assert candidate.quantity == Quantity(low, high, unit), text
        assert candidate.probability is None and candidate.probability_reason, text


def test_a_threshold_is_an_event_not_a_quantity() -> None:
    candidate = only("Olivia Grant put the odds of Brent trading below $60 next year at 40%.")
    assert (candidate.kind, candidate.quantity, candidate.probability) == (
        "probability",
        None,
        0.4,
    )


def test_a_conditional_forecast_is_kept_with_its_condition() -> None:
    candidate = only("Ada Kim said the party would likely benefit if turnout was high.")
    assert candidate.condition == "if turnout was high"
    assert candidate.probability == 0.7
    assert candidate.speaker == "Ada Kim"


def test_deadlines_are_resolved_against_publication() -> None:
    expected = {
        "in the coming two years": datetime(2026, 3, 12, 14, 30, tzinfo=UTC),
        "next winter": datetime(2025, 3, 1, tzinfo=UTC),
        "in January": datetime(2025, 2, 1, tzinfo=UTC),
        "within the next 12 months": datetime(2025, 3, 12, 14, 30, tzinfo=UTC),
    }
    for phrase, deadline in expected.items():
        candidate = only(f"Ada Kim said prices would likely fall {phrase}.")
        assert (candidate.deadline_phrase, candidate.deadline) == (phrase, deadline)


def test_titles_and_abbreviations_keep_the_sentence_and_its_speaker() -> None:
    text = (
        "Prof. Petteri Taalas said the U.S. Federal Reserve would likely cut rates in Jan. "
        "2025. Mr. Okia said growth would probably slow."
    )
    sentences = texts(text)
    assert len(sentences) == 2
    assert speakers_of(text) == ["Petteri Taalas", "Okia"]


def test_a_transcript_label_names_the_speaker_of_the_answer() -> None:
    text = (
        "We spoke to Lumora's chief executive, Teodora Vance.\n\n"
        "Q: What comes next?\n\n"
        "VANCE: Our revenue will probably double next year."
    )
    assert speakers_of(text) == ["Teodora Vance"]


def test_schedules_pledges_and_advice_are_not_forecasts() -> None:
    text = "\n".join(
        [
            "The next seasonal outlook will be issued on 12 August 2025.",
            "The cooperative will hold its annual meeting a week later.",
            "Oren Bakshi said he would stay in the race until the end.",
            "Tim Cole said ministers should plan for a faster decline by 2030.",
            "The economy grew less than the Board had projected in March.",
            "Asked whether the striker would start in May, Fran Ortiz would not say.",
        ]
    )
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_an_appositive_name_after_a_role_is_the_speaker() -> None:
    text = (
        "Analysts at Korvia's central bank, the National Bank of Korvia, wrote in a report "
        "that the economy would shrink by 2% this year if the fighting continued."
    )
    (candidate,) = extract_candidates(text, published_at=PUBLISHED)
    assert candidate.speaker == "National Bank of Korvia"
    assert candidate.condition == "if the fighting continued"


def test_a_reported_would_can_be_attributed_after_it() -> None:
    text = (
        "Eastmoor Water runs the reservoirs. "
        "Only a very wet June would change that, the company said."
    )
    (candidate,) = extract_candidates(text, published_at=PUBLISHED)
    assert candidate.speaker == "Eastmoor Water"


def test_a_clause_then_said_and_a_name_is_an_inverted_attribution() -> None:
    text = "Prices will keep rising for another year, said Ana Ruiz, head of research at Brell."
    assert speakers_of(text) == ["Ana Ruiz"]


def test_a_person_of_an_institution_speaks_not_the_institution() -> None:
    text = (
        "Prof. Ian Moss of the Polar Research Institute, who has studied the shelf for years, "
        "told me that the shelf was very likely to break up within five years."
    )
    assert speakers_of(text) == ["Ian Moss"]


def test_the_named_role_holder_is_the_director_and_she() -> None:
    text = "\n".join(
        [
            '"Rain is coming," said the agency\'s director, Dr. Rosa Lind.',
            "Tom Berg, a forecaster, spoke too.",
            "The director also noted that reservoirs were low. She said they were unlikely "
            "to refill before next summer.",
        ]
    )
    assert speakers_of(text)[-1] == "Rosa Lind"


def test_organisations_are_told_from_people_by_what_follows_them() -> None:
    text = "\n".join(
        [
            "Norvel Foods cut its sales forecast on Tuesday.",
            "The maker of frozen meals now expects sales to drop 3% this year.",
            "The Landlords Forum, which represents 40,000 landlords, predicted that rents "
            "would rise 5% next year.",
            "Harlow's expects profit of £10 million to £12 million this year.",
        ]
    )
    assert speakers_of(text) == ["Norvel Foods", "Landlords Forum", "Harlow's"]


def test_a_statement_quoted_over_paragraphs_keeps_its_speaker() -> None:
    text = "\n".join(
        [
            "At the end of the visit, Ms. Ada Quist issued the following statement:",
            '"The economy recovered well last year.',
            '"Growth is projected to slow to 2 percent in 2025. Without reform, the pension '
            'fund will run a deficit from 2029."',
        ]
    )
    assert set(speakers_of(text)) == {"Ada Quist"}
    assert len(speakers_of(text)) == 2


def test_legal_suffixes_are_no_part_of_a_speaker() -> None:
    text = "Kestrel Devices Inc. said it expected the phone to reach stores by September."
    assert speakers_of(text) == ["Kestrel Devices"]


def test_pledges_schedules_past_beliefs_and_judgements_are_not_forecasts() -> None:
    for text in [
        "He said the company would invest $1 billion over five years, and would hire 900 "
        "engineers.",
        "A spokesman said the chain had ordered more doses and would keep its clinics open "
        "through March.",
        "The debate will be broadcast on Dec. 4.",
        "The next meeting is on Jan. 29, when it will also publish new projections.",
        "Stocks are expected to have fallen 2% last week, according to a Rell poll.",
        "Prices rose after the group said it would extend its cuts, surprising traders who "
        "had expected a smaller move by June.",
        "This winter will test all three.",
        '"We think people will love it," he said.',
        "I will be in Brussels for it next week.",
    ]:
        assert extract_candidates(text, published_at=PUBLISHED) == [], text


def test_a_sources_conditional_forecast_in_the_present_counts() -> None:
    text = '"If turnout stays where it was, Quist wins by three points," Ana Ruiz said.'
    assert speakers_of(text) == ["Ana Ruiz"]
    assert speakers_of('"If you look at the data, it shows a slowdown," Ana Ruiz said.') == []


def test_an_aside_on_the_condition_leaves_the_conditional_forecast_standing() -> None:
    text = '"If the duty goes to 20% in May, as planned, our costs rise by a tenth," Ana Ruiz said.'
    assert speakers_of(text) == ["Ana Ruiz"]
    aside = '"If the rain holds off, as it usually does, the harvest starts early," Ana Ruiz said.'
    assert speakers_of(aside) == ["Ana Ruiz"]
    # the aside's verb is not the consequent: an order after it is still advice
    advice = '"If prices dip, as they did in March, buy the shares," Ana Ruiz said.'
    assert speakers_of(advice) == []


def test_a_sources_conditional_projection_to_a_figure_counts() -> None:
    note = (
        "Kelmar Economics: We trim our growth call\n\nTarrow & Vale | Global Research\n\n"
        "We cut our 2029 growth forecast to 0.8%.\n\n"
        "If the fuel duty lapses in April, petrol would jump to around 2.1 crowns a litre in May."
    )
    assert speakers_of(note) == ["Tarrow & Vale", "Tarrow & Vale"]
    # a condition that cannot hold is no projection
    unreal = note.replace("the fuel duty lapses", "the fuel duty were gone")
    assert speakers_of(unreal) == ["Tarrow & Vale"]


def test_a_hedge_in_a_with_clause_gives_way_to_the_main_claims() -> None:
    text = (
        "Ana Ruiz said that, with no party likely to win outright, a coalition was unlikely "
        "before March."
    )
    candidate = only(text)
    assert candidate.verbal_phrase == "unlikely"
    assert candidate.probability is not None and candidate.probability < 0.5


def test_a_revised_forecast_to_a_figure_is_a_forecast() -> None:
    text = "Cardew & Finch raised its Brent forecast for next year to an average of $86 a barrel."
    (candidate,) = extract_candidates(text, published_at=PUBLISHED)
    assert candidate.speaker == "Cardew & Finch"
    assert candidate.quantity == Quantity(86, 86, "USD/barrel")


def sentences_of(text: str) -> list[str]:
    return [c.sentence for c in extract_candidates(text, published_at=PUBLISHED)]


def test_a_press_release_speaks_in_its_issuers_name() -> None:
    release = (
        "Storm warning for the north\n\nPress release - Northfold Weather Service\n\n"
        "The storm is forecast to reach the coast late on Friday. Flooding is likely in low "
        "valleys during the storm. Snow is expected widely by midday on Saturday. The service "
        "will update the warning at 16:00 on Thursday."
    )
    assert speakers_of(release) == ["Northfold Weather Service"] * 3
    wire = "Storm warning for the north\n\nSnow is expected widely by midday on Saturday."
    assert speakers_of(wire) == []  # no issuer: an expectation nobody holds


def test_a_committee_given_with_its_initials_speaks_for_its_bank_in_the_release() -> None:
    release = (
        "Rates held\n\nPress release | 3 May 2027\n\n"
        "The Rate Setting Board (RSB) of the Reserve Bank of Ostmark decided on Tuesday to keep "
        "the policy rate at 4%.\n\n"
        "Inflation is projected to fall to 2.5% by the end of this year."
    )
    assert speakers_of(release) == ["Reserve Bank of Ostmark"]


def test_a_committee_given_with_its_short_name_speaks_for_its_bank_in_the_release() -> None:
    release = (
        "Rates held\n\nPress release | 3 May 2027\n\n"
        "The Rate Setting Board (the Board) of the Reserve Bank of Ostmark decided on Tuesday "
        "to keep the policy rate at 4%.\n\n"
        "The Board expects inflation to fall to 2.5% by the end of this year. Unemployment is "
        "projected to peak at 6% next spring."
    )
    assert speakers_of(release) == ["Reserve Bank of Ostmark", "Reserve Bank of Ostmark"]


def test_a_regional_office_of_a_body_speaks_for_the_body_not_its_region() -> None:
    text = (
        "The International Labour Organization's regional office for Asia expects "
        "unemployment in the region to rise to 5% next year."
    )
    assert speakers_of(text) == ["International Labour Organization"]
    arm = "Halden Bank's research arm expects the rate to fall to 3% by June."
    assert speakers_of(arm) == ["Halden Bank"]


def test_a_body_s_own_modellers_after_a_focusing_word_speak_for_the_body() -> None:
    text = "Even the Transport Ministry's own forecasters expect traffic to fall 4% next year."
    assert speakers_of(text) == ["Transport Ministry"]


def test_a_hedge_as_the_predicate_of_an_event_looks_ahead() -> None:
    assert speakers_of("Power cuts are likely in the north, Ines Varga said.") == ["Ines Varga"]
    assert speakers_of('"A recession is likely," Ines Varga said.') == ["Ines Varga"]
    assert speakers_of("The virus is likely circulating already, Ines Varga said.") == []
    assert speakers_of("City are chasing an unlikely title, Ines Varga said.") == []


def test_a_quotation_standing_alone_keeps_the_voice_before_it() -> None:
    text = "“Nothing is won yet,” Rui Castell said.\n\n“We will win both of our last two games.”"
    assert speakers_of(text) == ["Rui Castell"]
    argued = (
        "Ruben Oduya argued that households were in better shape.\n\n"
        '"There will be no recession in Korvia this year."'
    )
    assert speakers_of(argued) == ["Ruben Oduya"]


def test_a_quotation_takes_the_source_named_after_it_without_a_verb_of_saying() -> None:
    told = (
        "“Wheat will be over 260 crowns a tonne by Christmas.” That is what Mira Dobos, who "
        "trades grain, told members on Friday."
    )
    assert speakers_of(told) == ["Mira Dobos"]
    line = (
        "The talks broke up.\n\n“There will be no agreement before August.”\n\nThe line is from "
        "Andrej Hollin, the deputy minister."
    )
    assert speakers_of(line) == ["Andrej Hollin"]


def test_a_quoted_conditional_in_the_present_waits_for_its_speaker() -> None:
    text = (
        '"If they turn out like they did in 2021, the Progressives hold on to five seats.\n\n'
        '"They won\'t turn out like that," Rashid Okafor said.'
    )
    assert speakers_of(text)[0] == "Rashid Okafor"
    assert speakers_of(
        '"If fuel stays below $90 a barrel, we think Aurelle beats its range," Elin Moss wrote.'
    ) == ["Elin Moss"]


def test_speakers_behind_contractions_firms_and_appositives() -> None:
    interview = (
        "Interview\n\nSZABO: I'd put the chance of a measles wave before April at one in four."
    )
    assert speakers_of(interview) == ["Szabo"]
    broker = (
        "Marcus Feld, who follows chips for the brokerage Harwell & Co., doubts the date.\n\n"
        "He predicts that Hallam will not produce in volume before 2027."
    )
    assert speakers_of(broker) == ["Marcus Feld"]
    appositive = (
        "The EU is likely to extend the restrictions in July, Tomas Wieland, a former trade "
        "official now at the consultancy Bramble Strategy, told the Herald."
    )
    assert speakers_of(appositive) == ["Tomas Wieland"]


def test_they_after_analysts_of_a_named_body_is_that_body() -> None:
    text = (
        "Marguerite Ozols said the ceasefire would hold. Analysts at the Halbrook Centre for "
        "Security Studies were less sure. In a report, they put the risk of renewed fighting "
        'within the next 12 months at "roughly one in three".'
    )
    assert speakers_of(text)[-1] == "Halbrook Centre for Security Studies"


def test_a_sentence_adverb_names_nobody_and_a_head_takes_any_title() -> None:
    text = (
        "The outlook was presented by Paavo Lind, who has led the institute since 2019. "
        "Separately, the institute published figures.\n\nThe agency's director said next "
        "winter was very unlikely to be as cold as that of 2010."
    )
    assert speakers_of(text) == ["Paavo Lind"]


def test_unnamed_people_reached_however_the_sentence_goes_are_unattributable() -> None:
    for text in [
        "Few expect a deal before the summer.",
        "The squeeze has started: several have told retailers that allocations will be smaller "
        "in the first quarter.",
        "Traders in the capital expect imports to fill the gap by March.",
        "MERIDIAN, Feb. 12 (Corvel Wire) - Most economists polled by Corvel Wire expect the "
        "economy to slow sharply this year.",
        "Prices fell on signs of a glut in a market that many forecasters already expect to "
        "be oversupplied next year.",
        "Only four of them forecast a contraction in any quarter of the year.",
    ]:
        assert extract_candidates(text, published_at=PUBLISHED) == [], text
    assert speakers_of("Ana Ruiz and other economists expect growth of 2% next year.") == [
        "Ana Ruiz"
    ]
    # a hedged claim from unnamed sources has nobody to hold it: below the default bar, and
    # there for an editor who lowers it, as a bare "could" is
    sources = (
        "OPEC and its allies are likely to stick to their deal in November, three OPEC+ "
        "sources said on Monday."
    )
    named = sources.replace("three OPEC+ sources", "Tina Teng")
    assert extract_candidates(sources, published_at=PUBLISHED) == []
    (unnamed,) = extract_candidates(sources, published_at=PUBLISHED, min_confidence=0.2)
    assert unnamed.speaker is None
    assert unnamed.confidence < only(named).confidence


def test_commitments_about_a_speakers_own_acts_are_pledges() -> None:
    for text in [
        "The ministry has said it will pay drought relief to farms next year.",
        "“We will raise them in January,” said Ines Koval, purchasing director at Brightside.",
        "If memory prices keep rising, Mr. Cole said, Helix would raise the prices of its "
        "mid-range models in the second quarter.",
        "The company said it would add 14 routes from the airport next summer.",
        "The minister has promised that the first 20,000 homes will be finished by the end "
        "of 2026.",
        "If inflation proves persistent, the Board will not hesitate to adjust its policy.",
        "The Board will closely monitor developments in the labour market next year.",
        "A briefing for the media will be held at 4pm on Tuesday.",
        'The group said it would "pause or reverse" the increases if markets required.',
    ]:
        assert extract_candidates(text, published_at=PUBLISHED) == [], text


def test_outcomes_measured_against_earlier_beliefs_are_facts() -> None:
    for text in [
        "Activity has been weaker than the Board anticipated.",
        "Sales were stronger than the company had projected in March.",
    ]:
        assert extract_candidates(text, published_at=PUBLISHED) == [], text


def test_a_refusal_drops_only_what_it_refuses_to_say() -> None:
    kept = (
        "The Ministry of Finance, which forecasts growth of 1.1% this year, declined to "
        "comment on the poll."
    )
    assert speakers_of(kept) == ["Ministry of Finance"]
    assert speakers_of("Ms. Marsh declined to predict whether rates would fall in May.") == []
    assert speakers_of("Interview\n\nSZABO: I won't put a date on it.") == []


def test_more_shapes_of_a_forecast() -> None:
    for text in [
        "But I would be astonished to see the mortgage rate below 4% before next summer.",
        "Its chairman, Piet Lagerwey, warned that at least five members might sell up in the "
        "coming two years.",
        "The Bank's staff now project GDP growth of between 1.1% and 1.4% in 2026, the Bank said.",
        "The race seems likely headed for a runoff, says pollster Matt Towery.",
    ]:
        assert len(sentences_of(text)) == 1, text
    for text in [
        "Part of this year's rise could unwind in time.",
        "Prices could fade over the coming months, Ana Ruiz said.",
        '"Then we will see," Ana Ruiz said.',
    ]:
        assert sentences_of(text) == [], text


def test_posts_days_and_tickers_are_not_speakers() -> None:
    assert speakers_of(
        "Manchester City Manager Roberto Mancini said City will win the derby on Saturday."
    ) == ["Roberto Mancini"]
    assert speakers_of(
        'Paul Davies, Met Office Chief Meteorologist, said: "The winds will bring down trees '
        'on Wednesday."'
    ) == ["Paul Davies"]
    assert speakers_of(
        "Jefferies analyst Kevin Grundy said the shares should trade up to $100 by March."
    ) == ["Kevin Grundy"]
    ticker = (
        "Apogee Enterprises, Inc. (APOG) raised its guidance on Thursday. Intel reported a "
        "profit.\n\nFor fiscal 2023, Apogee now projects earnings of $3.50 to $3.90 per share."
    )
    assert speakers_of(ticker) == ["Apogee Enterprises"]
    assert "Thursday" not in speakers_of(
        "Thursday will see less windy weather, with rain likely by Friday."
    )
    particle = (
        "Staffan de Mistura arrived in Geneva.\n\nAs the talks focus on politics, de Mistura "
        "said he expected more rounds of talks in Astana by June."
    )
    assert speakers_of(particle) == ["Staffan de Mistura"]


def test_transcript_tags_in_initials_or_recurring_names_speak() -> None:
    initials = (
        "Interview\n\nDRUK: When will stock arrive?\n\nDave Wilson was asked about it.\n\n"
        "DW: Shipments will reach the UK before Christmas, I am told."
    )
    assert speakers_of(initials) == ["Dave Wilson"]
    named = (
        "Ana Ruiz: Prices will fall 3% by March.\n\nQ: And after that?\n\n"
        "Ana Ruiz: They will rise again by June."
    )
    assert speakers_of(named) == ["Ana Ruiz", "Ana Ruiz"]
    assert speakers_of("Full Statement: the Board will cut rates by June.") in ([], [None])


def test_efforts_opinions_and_references_to_a_forecast() -> None:
    for text in [
        "We will do our best to ensure they arrive by Christmas, he said.",
        "“We will try to win on Saturday,” Castell said.",
        "We planned to deliver this number by March based upon what we forecast for output.",
        "Indeed, Ana Ruiz said the plan was a good one.",
    ]:
        assert extract_candidates(text, published_at=PUBLISHED) == [], text
    assert (
        len(sentences_of("My personal prediction is that the six-cylinder will outsell it.")) == 1
    )
    assert speakers_of("The plan will work by March, Ana Ruiz said.") == ["Ana Ruiz"]


def test_a_participle_clause_names_no_speaker() -> None:
    text = (
        "Having conceded a goal in each match, the side would find a clean sheet hard on "
        "Friday, Ana Ruiz said."
    )
    assert speakers_of(text) == ["Ana Ruiz"]


def test_acts_of_the_speakers_own_side_are_pledges_and_outcomes_are_forecasts() -> None:
    for text in [
        "Mayor Ana Ruiz said the city would repave the harbour road by June.",
        "Petra Lind said she would appoint a new finance chief next month.",
        "The water board says it will replace 4,000 meters in the spring.",
        "“If costs rise again in May, we will raise the levy again,” Ana Ruiz said.",
    ]:
        assert extract_candidates(text, published_at=PUBLISHED) == [], text
    assert speakers_of("Petra Lind said she would win the seat in May.") == ["Petra Lind"]
    assert speakers_of("The firm says it will return to profit next year, Ana Ruiz said.") != []


def test_past_dated_sources_questions_refusals_and_anonymous_sources_claim_nothing() -> None:
    for text in [
        "Tomas Berg had forecast in March that prices would average $70 this year.",
        "A 2019 study by the Harlow Institute predicted that the levy would add 900 homes.",
        "Asked whether the plant could close by June, Ana Ruiz said it was too early to say.",
        "One official, speaking on condition of anonymity, said the tariff would stay until May.",
        "Not everyone expects rents to keep rising next year.",
        "Residents should check the bin calendar before the holidays, the council said.",
        "Repairs will close the line on the weekends of Jan. 6 and Jan. 13, the operator said.",
    ]:
        assert extract_candidates(text, published_at=PUBLISHED) == [], text
    assert speakers_of(
        "A senior economist at Harlow Bank, speaking on condition of anonymity, said growth "
        "would slow to 1% next year."
    ) == ["Harlow Bank"]


def test_text_above_the_byline_is_headline_and_standfirst() -> None:
    text = (
        "Lender trims outlook\n\nHarlow Bank now sees growth slowing to 1% this year.\n\n"
        "By Ana Ruiz, Economics Reporter\n\n"
        "Harlow Bank said on Monday that growth would slow to 1% this year."
    )
    assert sentences_of(text) == [
        "Harlow Bank said on Monday that growth would slow to 1% this year."
    ]


def test_documents_and_releases_speak_for_who_issued_them() -> None:
    report = (
        "The party will win 40 seats, according to a projection published on Friday by "
        "Nordcast Research."
    )
    assert speakers_of(report) == ["Nordcast Research"]
    release = (
        "Rates held at 3%\n\nPress release\n12 March 2024\n\n"
        "The Policy Committee of the Bank of Valmora decided to hold the rate at 3%. "
        "Inflation is likely to rise in the second quarter before easing."
    )
    assert speakers_of(release) == ["Bank of Valmora"]
    warning = (
        "Gale warning for the coast\n\nValmora Weather Service\nIssued: 09:00 Tuesday\n\n"
        "Gusts of 100 km/h are likely on the coast on Wednesday."
    )
    assert speakers_of(warning) == ["Valmora Weather Service"]


def test_unnamed_groups_stay_unattributable_however_firm_their_words() -> None:
    for text in [
        "Economists now broadly agree that inflation has likely peaked and will ease next year.",
        "Three banks forecast it to come in lower, at 3.5 percent, next month.",
        "“The meeting will probably be one of the toughest ever,” one delegate said.",
    ]:
        assert extract_candidates(text, published_at=PUBLISHED) == [], text


def test_forecasts_since_replaced_are_reported_facts() -> None:
    for text in [
        "In its previous forecast, issued in March, Kestrel Group predicted growth of 2.8% "
        "this year.",
        "The new outlook is brighter than Kestrel Group's June forecast, which anticipated a "
        "6 percent decline this year.",
        "“Demand is running stronger than we expected back in June,” said Ana Ruiz of "
        "Kestrel Group.",
    ]:
        assert extract_candidates(text, published_at=PUBLISHED) == [], text
    raised = "Kestrel Group raised its previous forecast and predicted growth of 3% next year."
    assert speakers_of(raised) == ["Kestrel Group"]


def test_an_acronym_spelled_like_a_function_word_is_a_name() -> None:
    assert speakers_of("Cases will rise next month, WHO spokesman Tarik Jasarevic said.") == [
        "Tarik Jasarevic"
    ]
    assert speakers_of("Cases will rise sharply next month, WHO said.") == ["WHO"]


def test_the_clause_before_a_role_is_what_was_said_not_who_said_it() -> None:
    text = (
        "Cases are likely to rise in the capital next month, a spokesman for the Halvard "
        "Health Institute said."
    )
    assert speakers_of(text) == ["Halvard Health Institute"]


def test_a_meeting_to_decide_if_something_should_happen_claims_nothing() -> None:
    text = (
        "The agency said it would meet on Monday to decide if the outbreak should be declared "
        "an emergency."
    )
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_a_firm_run_into_a_persons_name_leaves_the_person() -> None:
    text = (
        "In this context, senior adviser at Fallow Economics Marta Lindqvist expects "
        "inflation to reach 1.3% next year."
    )
    assert speakers_of(text) == ["Marta Lindqvist"]
    # a long name with "of the" in it is not a person after a firm
    text = (
        "Demand will fall next year, the Association of the Northern Grain Exporting "
        "Countries said."
    )
    assert speakers_of(text) == ["Association of the Northern Grain Exporting Countries"]


def test_a_person_of_a_firm_described_in_common_nouns_is_the_speaker() -> None:
    text = (
        "Prices fell on Monday, although Olivier Marchetti of energy research group Ostrova "
        "said the cut may be limited to 500,000 barrels a day next month."
    )
    assert speakers_of(text) == ["Olivier Marchetti"]


def test_a_report_speaks_for_whoever_publishes_it() -> None:
    text = (
        "Harland Institute's latest market report, published on Nov. 12, forecast that "
        "demand would fall far below output next year."
    )
    assert speakers_of(text) == ["Harland Institute"]


def test_a_committee_speaks_for_the_bank_the_headline_names() -> None:
    text = (
        "Central Bank of Varnia raises Policy Rate by 0.5 pp to 5%\n\n"
        "Inflation will return to target next year, the bank said. The committee recognises "
        "that wage pressures are likely to take longer to unwind next year."
    )
    assert speakers_of(text) == ["Central Bank of Varnia", "Central Bank of Varnia"]


def test_a_title_case_headline_names_nobody() -> None:
    text = (
        "Kestrel Says Global Tablet Sales on Track to Fall 3 Percent in 2024\n\n"
        "Tablet sales will fall 3 percent this year, according to the latest forecast by "
        "Kestrel, Inc."
    )
    assert speakers_of(text) == ["Kestrel"]


def test_initials_defined_in_the_text_speak_as_the_full_name() -> None:
    text = (
        "The Ostrova Meteorological Organization (OMO) expects a weak event next year, it "
        "said.\n\nThe OMO said rain would probably return in the spring."
    )
    assert speakers_of(text) == ["Ostrova Meteorological Organization"] * 2
    text = (
        "Demand for grain will fall next year, the Association of Northern Grain Exporters "
        "(Ange) said.\n\nAnge said prices would rise next year."
    )
    assert speakers_of(text) == ["Association of Northern Grain Exporters"] * 2


def test_a_capitalised_sentence_opener_is_not_a_name() -> None:
    text = "Compared with its previous forecast, Kestrel Group now predicts growth of 3% next year."
    assert speakers_of(text) == ["Kestrel Group"]
    assert speakers_of("Gartner predicts growth of 3% next year.") == ["Gartner"]


def test_a_spokesman_named_elsewhere_in_the_article_is_the_speaker() -> None:
    text = (
        "Cases are likely to rise next month, a spokesman for the Halvard Health Institute "
        "(HHI) said.\n\n"
        '"The numbers will go up," HHI spokesman Piet Olsen told reporters.'
    )
    assert speakers_of(text) == ["Piet Olsen", "Piet Olsen"]
    unnamed = (
        "Cases are likely to rise next month, a spokesman for the Halvard Health Institute "
        "said.\n\nHalvard Health Institute director Ana Lind met ministers on Monday."
    )
    assert speakers_of(unnamed) == ["Halvard Health Institute"]


def test_a_rule_says_how_things_will_work_and_forecasts_nothing() -> None:
    rules = (
        "Under the new licensing scheme, landlords will pay £300 a year for each flat. "
        "From April 6, every landlord will need a licence from the council. "
        "Tenants will be allowed to end a lease with two months' notice. "
        "Agents will have to show the licence number in every advert. "
        "Penalties will start at £2,000 and will double for a second breach. "
        "Shoppers who sign up before May will receive a free tote bag."
    )
    assert sentences_of(rules) == []
    # a named source's belief about what the rule will bring is still a forecast
    forecast = "Rents will rise 5% next year under the scheme, said Ilse Marten, an economist."
    assert sentences_of(forecast) == [forecast]


def test_a_timetable_or_a_list_price_is_no_forecast() -> None:
    text = (
        "Ferries will run every 30 minutes between the two piers. "
        "The route will operate three times a week through the winter. "
        "The headset will cost $499 in the U.S. "
        "Building work will begin in June. "
        "The bakery will open in the store in November."
    )
    assert sentences_of(text) == []
    # "begin to" is a process under way, not an act on a timetable
    process = "Prices will begin to fall in June, said Ilse Marten."
    assert sentences_of(process) == [process]


def test_an_organisation_s_own_acts_reported_by_its_head_are_pledges() -> None:
    text = (
        "Chief executive Tomas Reyl said the company would not cut prices this year and "
        "would open a depot in Larne. "
        "Superintendent Ada Quill said the district would spend $40,000 on new buses."
    )
    assert sentences_of(text) == []
    # a level its own side will reach depends on others too: a forecast
    level = "Tomas Reyl said the company would carry more than 2 million passengers this year."
    assert sentences_of(level) == [level]


def test_unnamed_groups_of_rivals_and_workers_are_unattributable() -> None:
    text = (
        "Rival studios expect the film to lose most of its screens by New Year. "
        "Local business groups have warned that the works will cost shops 10% of sales this year."
    )
    assert sentences_of(text) == []


def test_a_q_and_a_gives_answers_to_the_person_interviewed() -> None:
    text = (
        "Interview: the harbour master on the new season\n\n"
        "By Pia Lund, Ports Reporter\n\n"
        "Captain Noor Haddad has run the port of Velm for nine years. We asked her about 2025.\n\n"
        "Q: Traffic fell last year. Will it recover?\n\n"
        "A: Container traffic will probably pass 2 million boxes next year.\n\n"
        "Q: And the dredging?\n\n"
        "A: It's almost certain the dredging finishes by June."
    )
    assert speakers_of(text) == ["Noor Haddad", "Noor Haddad"]


def test_a_source_s_view_reported_in_an_interviewer_s_question_is_a_question() -> None:
    text = (
        "Interview: the harbour master on the new season\n\n"
        "Captain Noor Haddad has run the port of Velm for nine years.\n\n"
        "Q: Brokers at Kessel Partners say your port will lose its biggest line next year. "
        "Will it?\n\n"
        "A: No.\n\n"
        "Q: The Ports Agency said in May that traffic would fall 5% next year. Do you agree?\n\n"
        "A: I do.\n\n"
        "Q: The Treasury expects growth of 1.2% next year.\n\n"
        "A: That is too high."
    )
    # the questions put others' views and claim nothing; the bare "No." to "Will it?" is
    # the harbour master's own call
    assert speakers_of(text) == ["Noor Haddad"]


def test_a_surname_tag_names_the_person_not_a_firm_with_that_name() -> None:
    text = (
        "Dr. Ines Corbel runs the consultancy Corbel Varga Advisory.\n\n"
        "Q: What next?\n\n"
        "CORBEL: This time I'd expect the levy to pass by May.\n\n"
        "Q: And the vote?\n\n"
        "CORBEL: I would be very surprised to see it fail."
    )
    assert speakers_of(text) == ["Ines Corbel", "Ines Corbel"]


def test_a_courtesy_title_makes_a_person_of_a_name_first_read_as_a_firm() -> None:
    text = (
        "Forecasts by pollster Rhea Tamsin differ.\n\n"
        "Dr. Rhea Tamsin has polled the city for years. She said the mayor would lose in May."
    )
    assert speakers_of(text) == ["Rhea Tamsin"]


def test_a_committee_named_in_the_possessive_speaks_for_its_owner() -> None:
    text = (
        "Rates held at 3%\n\n"
        "Verrin Bank's Monetary Policy and Financial Stability Committee has decided to hold "
        "the policy rate at 3 percent.\n\n"
        "Press release, 3 March 2024\n\n"
        "The Committee expects inflation to fall to 2 percent by the end of 2025."
    )
    assert speakers_of(text) == ["Verrin Bank"]


def test_a_public_body_s_name_may_hold_an_and() -> None:
    text = "The Ports and Harbours Authority said traffic would rise 5% next year."
    assert speakers_of(text) == ["Ports and Harbours Authority"]


def test_initials_met_only_in_the_possessive_name_an_organisation() -> None:
    text = "OPEC's output rose in May. The group expects demand to grow 2% next year."
    assert speakers_of(text) == ["OPEC"]


def test_a_pronoun_does_not_take_a_firm_a_day_or_a_dateline_for_a_person() -> None:
    text = (
        "KELL HARBOUR, May 2 (Lune Wire) - Ines Varo covers the port for the research house "
        "Tarn Macro. Neither firm commented on Tuesday.\n\n"
        "She put the chance of a strike before June at 30%."
    )
    assert speakers_of(text) == ["Ines Varo"]


def test_minutes_give_the_members_views_to_the_institution() -> None:
    text = (
        "Minutes of the Ardel Central Bank's Rate Committee were published on Wednesday. "
        "According to the minutes, members expected inflation to fall to 2.1% by December. "
        "Growth is projected to pick up in 2026, the minutes said. "
        "A minority of members thought the jobless rate would rise above 6% next year."
    )
    assert speakers_of(text) == ["Ardel Central Bank"] * 3


def test_a_forecast_s_implication_is_a_forecast_of_its_issuer() -> None:
    text = (
        "Tarn Bank's Policy Board kept rates at 4%. "
        "The Board's forecast implies a policy rate of around 3.5 percent at the end of 2025."
    )
    assert speakers_of(text) == ["Tarn Bank"]


def test_an_inverted_should_is_a_condition_not_a_hedge() -> None:
    text = "Should the krone weaken sharply, the bank would raise rates, Ola Berg said."
    assert [c.reason for c in extract_candidates(text, published_at=PUBLISHED)] == [
        "reported 'would'"
    ]
    assert only(text).condition == "Should the krone weaken sharply"


def test_market_implied_odds_and_same_day_or_evening_timetables_are_no_forecasts() -> None:
    text = (
        "Market pricing on Friday implied a 75% chance of a cut in June. "
        "The new report will be published on the same day. "
        "Counting will begin at 10 p.m. on polling day."
    )
    assert sentences_of(text) == []


def test_an_explainer_s_account_of_duties_routes_charges_and_start_dates_is_no_forecast() -> None:
    text = (
        "Landlords will be responsible for fitting the alarms within 28 days. "
        "Letting agents will carry the same duties as landlords. "
        "Penalties will reach up to £30,000 for each breach. "
        "The council will publish a list of licensed homes in March, and a review of the "
        "fees will open in the spring. "
        "Your current tenancy will carry on as before. "
        "The new bus route will run through Oakfield and Dray Green before ending at the "
        "hospital, and the journey from the station will take 18 minutes. "
        "Residents will be able to park free, and the shuttle will stop at the gate from Monday."
    )
    assert sentences_of(text) == []
    # the writer's plain forecast with a time stays one
    forecast = "The storm will pass through the valley by Tuesday and cut power to 5,000 homes."
    assert sentences_of(forecast) == [forecast]


def test_odds_given_as_a_split_against_or_even_are_read_as_probabilities() -> None:
    cases = {
        '"I\'d make it 60-40 that she signs for Corran," Ilse Marten said.': 0.6,
        'Ilse Marten put the odds of a new contract at "four to one against."': 0.2,
        "Ilse Marten put the chances of a deal by Friday at about even.": 0.5,
    }
    for text, probability in cases.items():
        assert only(text).probability == probability


def test_shares_of_a_survey_unnamed_groups_and_judgements_are_no_forecasts() -> None:
    text = (
        "In the chamber's spring survey, 44% of builders expected orders to rise next quarter. "
        "A poll of 200 shops found that 58% expected sales to fall by Christmas. "
        "Marine biologists have long warned that the reef will bleach again by 2030. "
        "Club insiders privately concede the stadium will open late next year. "
        "The fixture list could hardly be kinder to the leaders. "
        '"Whatever happens, it will be the best final this city has seen," Ada Lind said. '
        "The rules mean that if the sides draw, the cup will be shared, something that has "
        "never happened. "
        "Under county rules, pupils will be kept at home for ten days."
    )
    assert sentences_of(text) == []


def test_the_name_before_a_descriptive_appositive_speaks() -> None:
    text = (
        "Dunmore Athletic lead the table. "
        "Scoreline, the sports data company, gives Dunmore a 64% chance of the title."
    )
    assert speakers_of(text) == ["Scoreline"]


def test_by_an_organisation_s_estimate_names_the_source() -> None:
    text = "There is a 30% chance, by Harrow Analytics' estimate, of a strike before June."
    assert speakers_of(text) == ["Harrow Analytics"]


def test_a_named_forecaster_keeps_the_claim_when_according_to_gives_the_data_source() -> None:
    text = (
        "Quillon Devices forecast revenue of $2 billion next quarter, above the average "
        "estimate, according to data compiled by Markline."
    )
    assert speakers_of(text) == ["Quillon Devices"]


def test_a_kind_of_firm_or_a_based_adjective_is_no_part_of_its_name() -> None:
    text = (
        "Carmaker Velda Motors Inc. said it expected sales to rise 4% next year. "
        "Harwick Metals Research publishes a quarterly outlook. "
        "In that outlook, the Oslo-based research firm said nickel would fall below $15,000 "
        "by June."
    )
    assert speakers_of(text) == ["Velda Motors", "Harwick Metals Research"]


def test_a_studio_and_a_name_someone_works_at_are_organisations_not_people() -> None:
    text = (
        "Tallow Pictures bets on its sequel. Dana Reyes heads the studio. Corvel Lane said "
        "little.\n\n"
        "Ivy Moss, head of sales at Corvel Lane, was careful. "
        '"We\'ll be the No. 1 film in the country on Sunday," she said.'
    )
    assert speakers_of(text) == ["Ivy Moss"]


def test_a_post_written_for_the_person_just_named_is_that_person() -> None:
    text = (
        "Harlow Albion drew again on Saturday.\n\n"
        'Ola Brenn has never been shy. "We will win the cup," the Harlow manager said.'
    )
    assert speakers_of(text) == ["Ola Brenn"]


def test_an_opinion_in_the_present_about_an_outcome_is_a_forecast() -> None:
    forecasts = [
        '"I think Harlow wins the cup, probably on penalties," Ola Brenn said.',
        '"I don\'t think the Kestrel phone ships before October," Ola Brenn said.',
    ]
    for text in forecasts:
        assert sentences_of(text) == [text]
    # an opinion about how things are now is not
    assert sentences_of('"I think the plan works well," Ola Brenn said.') == []


def test_an_opinion_in_the_present_calls_votes_contests_and_moves() -> None:
    forecasts = [
        '"I suspect the stadium bond goes down," Ola Brenn said.',
        '"I think Kelby Town nick it in the last minute," Ola Brenn said.',
        '"I think the fare comes down by a quarter within a year," Ola Brenn said.',
        '"I think they roll over the quotas," Ola Brenn said.',
        '"I don\'t think they get above 60 this season," Ola Brenn said.',
        "Ola Brenn, the club's former chairman, reckons the stadium bond passes.",
    ]
    for text in forecasts:
        assert sentences_of(text) == [text]
    # how a speech is received, and another's view of how things are, are no calls
    assert sentences_of('"I think the speech goes down well with voters," Ola Brenn said.') == []
    assert sentences_of("Ola Brenn, the club's former chairman, reckons the plan works.") == []


def test_pundits_picks_in_the_present_under_name_and_role_lines_are_theirs() -> None:
    text = (
        "Cup final preview: Alder v Brookfield\n\n"
        "The final is on Sunday at the Marsh Road ground.\n\n"
        "Our pundits' picks\n\n"
        "Ola Brenn, former Alder captain\n"
        "Alder win it 3-1. Kaspar scores from a corner. Kaspar scores freely in the league.\n\n"
        "Mia Holt, football writer\n"
        "Dunne scores, as he did in the semi-final.\n\n"
        "Ivo Lund, chief football writer\n"
        "Pushed for a pick: 2-2, and Alder on penalties."
    )
    found = [(c.speaker, c.sentence) for c in extract_candidates(text, published_at=PUBLISHED)]
    assert found == [
        ("Ola Brenn", "Alder win it 3-1."),
        ("Ola Brenn", "Kaspar scores from a corner."),
        ("Mia Holt", "Dunne scores, as he did in the semi-final."),
        ("Ivo Lund", "Pushed for a pick: 2-2, and Alder on penalties."),
    ]


def test_a_panels_picks_in_the_present_are_each_panellists() -> None:
    text = (
        "Run-in special\n\n"
        "We asked three people who will win the league and the cup.\n\n"
        "Ola Brenn, former Alder captain\n\n"
        "Alder have the deeper squad. For the cup, Alder win it 3-1.\n\n"
        "Mia Holt, football writer\n\n"
        "Brookfield look tired. Cup: Alder, but it goes to extra time.\n\n"
        "Ivo Lund, broadcaster\n\n"
        "Rowley and Carlow go down. Cup: I can't call it."
    )
    found = [(c.speaker, c.sentence) for c in extract_candidates(text, published_at=PUBLISHED)]
    assert found == [
        ("Ola Brenn", "For the cup, Alder win it 3-1."),
        ("Mia Holt", "Cup: Alder, but it goes to extra time."),
        ("Ivo Lund", "Rowley and Carlow go down."),
    ]


def test_a_columnists_labelled_prediction_is_their_call() -> None:
    text = "Prediction, for the record: Ostrow by six, and the bond measure short."
    assert speakers_of(text) == [None]
    # the label names what the line is about, not a call of the writer's
    assert speakers_of("Prediction markets: Ostrow leads there, at 62 cents.") == []


def test_a_sources_product_release_in_a_quarter_is_a_forecast() -> None:
    text = '"The new scanner ships in the third quarter," Ola Brenn said.'
    assert speakers_of(text) == ["Ola Brenn"]
    # a season's habit is no forecast
    habit = '"Most of our volume usually ships in the fourth quarter," Ola Brenn said.'
    assert speakers_of(habit) == []


def test_a_writers_opinion_set_inside_the_clause_is_their_call() -> None:
    text = "The stadium bond on the autumn ballot, I suspect, goes down."
    assert speakers_of(text) == [None]


def test_someone_described_as_working_at_a_firm_is_a_person() -> None:
    text = (
        "Mara Voss, a pollster at Tidal Insight, spoke on Monday.\n\n"
        "Instead, she argued, the seat would go to the Green List by June."
    )
    assert speakers_of(text) == ["Mara Voss"]


def test_refusals_resolve_advice_and_past_beliefs_are_no_forecasts() -> None:
    text = "\n\n".join(
        [
            '"I won\'t go into the numbers," Ada Lind said.',
            '"I\'d never say that a month out," Ada Lind said.',
            '"We will not be intimidated," Ada Lind told the rally.',
            "Farmers should use the dry spell to lock in feed prices, Ada Lind said.",
            "Policy should nonetheless remain cautious for now, the Board said.",
            'Its lawyer, Ada Lind, said the platform "will take this to the highest court."',
            "In May, Tarn Motors had said it expected the van to ship in June.",
            "Ada Lind said renters, who are the people most likely to move, were unhappy.",
            "Marshals will be on the High Street from 7 a.m. on the day.",
        ]
    )
    assert sentences_of(text) == []


def test_a_firm_called_the_bank_or_the_federation_later_keeps_its_claims() -> None:
    text = (
        "Harrow Capital cut its copper forecast on Monday. "
        "Copper stocks will keep building through the winter, the bank said.\n\n"
        "The Federation of Road Hauliers met in May. "
        "Freight volumes are set to fall over the next two quarters, according to the "
        "federation.\n\n"
        'Tallow Films expects "Quiet Harbour" to open with more than $5 million. '
        "Harwick Health Agency issued figures on Friday. "
        "The agency expects further cases over the next three weeks.\n\n"
        "Contacts in the bank's regional survey expect output to rise over the next six months."
    )
    assert speakers_of(text) == [
        "Harrow Capital",
        "Federation of Road Hauliers",
        "Tallow Films",
        "Harwick Health Agency",
    ]


def test_a_speaker_tag_on_a_line_of_its_own_speaks_for_the_paragraphs_below() -> None:
    text = (
        "A conversation with Ines Corbel, economist\n\n"
        "Reyes:\n\nWhere is inflation going?\n\n"
        "Corbel:\n\nI think it falls to 2% by the summer.\n\n"
        "Prices will probably keep easing through next year.\n\n"
        "Reyes:\n\nAnd wages?\n\n"
        "Corbel:\n\nWage growth will slow to 3% in 2025."
    )
    assert speakers_of(text) == ["Ines Corbel"] * 3


def test_a_place_or_a_condition_s_verb_never_speaks() -> None:
    text = (
        "Kelda Water supplies the valley. At Marlow Reservoir, walkers crossed the dry bed.\n\n"
        "Lake levels will fall below 40% by the end of August unless the region sees rain, "
        "the company warned."
    )
    assert speakers_of(text) == ["Kelda Water"]


def test_a_model_speaks_for_its_maker_and_a_leading_condition_keeps_an_inverted_source() -> None:
    text = (
        "The model built by the data site Pollcast gives the party a 30% chance of a majority. "
        "If rain comes by June, yields might still match the average at harvest in August, "
        "said Rhea Tamsin, an agronomist at the Karvo Institute."
    )
    assert speakers_of(text) == ["Pollcast", "Rhea Tamsin"]


def test_a_product_named_after_its_maker_is_no_person_a_pronoun_can_find() -> None:
    text = (
        "Tarrow Devices Inc. unveiled a headset on Tuesday. The headset, called Tarrow Halo, "
        "will cost $899. Tarrow expects to ship it in March.\n\n"
        "Ines Varo, an analyst at Kell Research, spoke after the launch. "
        '"Tarrow Halo could take a tenth of the market by 2027," she said.'
    )
    assert speakers_of(text) == ["Tarrow Devices", "Ines Varo"]


def test_a_bureau_is_an_organisation_the_bureau_refers_back_to() -> None:
    text = (
        "The Census Bureau of Varnland reported on Monday.\n\n"
        "Household numbers will grow by 2% next year in Upper Kell and Lower Kell, "
        "the bureau said. "
        "The bureau puts the chance of a rise in births this year at around 40%."
    )
    assert speakers_of(text) == ["Census Bureau of Varnland"] * 2


def test_a_committee_named_with_its_initials_still_speaks_for_its_bank() -> None:
    text = (
        "The Rate Setting Committee (RSC) of the Reserve Bank of Tolmark held its rate at 4%.\n\n"
        "The Committee expects inflation to fall to 2.5% by the end of next year."
    )
    assert speakers_of(text) == ["Reserve Bank of Tolmark"]


def test_a_region_or_a_sea_is_no_person_a_pronoun_can_find() -> None:
    text = (
        "Dr. Ilse Marrow, a hydrologist at the Delta Institute, spoke on Monday.\n\n"
        "Rain fell short in the orchards of West Marlow and along the Tarn Sea shore. "
        "She expects the lake to rise by another 10 centimetres by the end of May.\n\n"
        "Ruben Sallow farms outside the town. Southern Caldera had its wettest winter in "
        "years. He expects his harvest to fall by a fifth this year."
    )
    assert speakers_of(text) == ["Ilse Marrow", "Ruben Sallow"]


def test_a_body_s_outlook_for_a_period_shows_what_the_body_forecasts() -> None:
    text = (
        "The Varnland Weather Agency met on Monday.\n\n"
        "The agency's seasonal outlook for June to August shows a 70% chance of a wetter "
        "summer than usual. Official data shows prices will rise by 3% next year."
    )
    assert speakers_of(text) == ["Varnland Weather Agency", None]


def test_modelling_or_analysis_by_a_body_speaks_for_the_body() -> None:
    text = (
        "Modelling by the regional Office for Water Planning suggests reservoirs will be "
        "full by April.\n\n"
        "The Tolmark Grid Agency runs the network. New analysis by the agency suggests "
        "demand will rise by 4% next year."
    )
    assert speakers_of(text) == ["Office for Water Planning", "Tolmark Grid Agency"]


def test_a_bookmaker_named_first_quotes_the_odds() -> None:
    text = (
        "Title race preview.\n\n"
        "Carrow Bet make Linfield Rovers 4/6 favourites to win the league this season. "
        "Odds Direct have Tolbury Town at evens for relegation this season."
    )
    assert speakers_of(text) == ["Carrow Bet", "Odds Direct"]


def test_a_pronoun_that_speaks_means_the_last_speaker_not_the_person_spoken_of() -> None:
    text = (
        "Mayor Tomas Berrow faces Ilka Dunne in the vote on Sunday.\n\n"
        "Wren Halloway said she expected the late count to favour Berrow.\n\n"
        '"If the rain holds off, Dunne wins by three points," she said.'
    )
    assert speakers_of(text) == ["Wren Halloway", "Wren Halloway"]


def test_a_carried_quotation_keeps_its_speaker_against_a_later_paragraph_quoting_no_one() -> None:
    text = (
        '"Stocks of jet fuel will keep falling," said Ola Brennick, an analyst at Tarn Capital.'
        '\n\n"By June, tanks at the coast will be at their lowest in a decade."\n\n'
        "Fuel imports fell by 2% in April, according to figures from the Kell Ports Board."
    )
    assert speakers_of(text) == ["Ola Brennick", "Ola Brennick"]


def test_a_pronoun_after_an_opening_time_phrase_is_the_subject() -> None:
    text = (
        "Marta Quell, an economist at Tarn Capital, was upbeat.\n\n"
        "For next year she sees growth of 1.5%, as wages rise."
    )
    assert speakers_of(text) == ["Marta Quell"]


def test_an_interviewee_s_forecasts_in_the_present_are_found() -> None:
    text = (
        "A conversation with Oskar Lindqvist, chief economist at Tarn Capital\n\n"
        "REYES: Will the bank move in July?\n\n"
        "LINDQVIST: I don't think they cut in July. My base case is two cuts next year.\n\n"
        "REYES: And if the bank holds while others ease?\n\n"
        "LINDQVIST: Then the krona goes above 11 to the euro by the end of the year.\n\n"
        "REYES: Thanks.\n\n"
        "LINDQVIST: Then the meeting ends, I suppose."
    )
    found = extract_candidates(text, published_at=PUBLISHED)
    assert [c.sentence for c in found] == [
        "LINDQVIST: I don't think they cut in July.",
        "My base case is two cuts next year.",
        "LINDQVIST: Then the krona goes above 11 to the euro by the end of the year.",
    ]
    assert {c.speaker for c in found} == {"Oskar Lindqvist"}


def test_a_title_before_a_name_tells_who_the_role_noun_means_later() -> None:
    text = (
        "The Bank of Varn held its rate. Governor Ilsa Marek spoke at a press conference.\n\n"
        "Inflation will fall to 2% next year, the governor said.\n\n"
        '"We expect one more cut by June."'
    )
    assert speakers_of(text) == ["Ilsa Marek", "Ilsa Marek"]


def test_the_club_boss_named_as_its_manager_a_paragraph_before_speaks() -> None:
    text = (
        "Tolbury Rovers lost 2-0 on Saturday. Their manager, Ed Fane, was calm afterwards.\n\n"
        "The Rovers will finish in the top six this season, the Tolbury boss insisted."
    )
    assert speakers_of(text) == ["Ed Fane"]


def test_according_to_a_body_s_outlook_the_body_speaks() -> None:
    text = (
        "The Kell Weather Service met on Monday.\n\n"
        "According to the service's latest outlook, rainfall will be below average until May."
    )
    assert speakers_of(text) == ["Kell Weather Service"]


def test_a_surname_alone_tags_a_transcript_turn_a_recurring_word_does_not() -> None:
    text = (
        "Oskar Lindqvist, chief economist at Tarn Capital, talked rates with Mara Venn.\n\n"
        "Venn: Will the bank cut in July?\n\n"
        "Lindqvist: I expect a cut in July, and another by December.\n\n"
        "Venn: And the krona?\n\n"
        "Lindqvist: It will weaken to 11.5 per euro by the end of the year.\n\n"
        "Update: The bank will publish its minutes on Friday.\n\n"
        "Update: Prices will probably rise by 2% next year, Tarn Capital said."
    )
    assert speakers_of(text) == ["Oskar Lindqvist", "Oskar Lindqvist", "Tarn Capital"]


def test_the_person_spoken_to_is_a_person_not_a_place() -> None:
    text = (
        "Mara Venn spoke to Oskar Lindqvist of Tarn Capital.\n\n"
        "VENN: Will the bank cut in July?\n\n"
        "Lindqvist: I expect a cut in July, and another by December.\n\n"
        "VENN: And the krona?\n\n"
        "Lindqvist: It will weaken to 11.5 per euro by the end of the year."
    )
    assert speakers_of(text) == ["Oskar Lindqvist", "Oskar Lindqvist"]


def test_the_health_officer_named_earlier_speaks_as_the_health_officer() -> None:
    text = (
        "Kell County has 40 measles cases. The county's health officer, Dr. Ana Ruiz, urged "
        "parents to vaccinate.\n\n"
        "Cases will keep rising until March, the health officer said."
    )
    assert speakers_of(text) == ["Ana Ruiz"]


def test_the_outlook_or_forecast_of_a_body_named_before_speaks_for_it() -> None:
    text = (
        "The Kell Weather Service issued its spring outlook on Monday.\n\n"
        "The long-range forecast shows a 70% chance of warmer than average days this spring. "
        "The service's outlook for spring is indicating a 60% chance of above median rain. "
        "The forecast suggests heavy rain is likely in the north this spring."
    )
    assert speakers_of(text) == ["Kell Weather Service"] * 3


def test_an_issuer_named_before_the_release_marker_speaks_in_its_own_voice() -> None:
    text = (
        "Reservoir levels fall again\n\n"
        "Kell Water Authority - Media release - 3 May 2026\n\n"
        "We expect reservoir levels to fall below 50% by August. "
        "Demand is likely to rise by 5% this summer."
    )
    assert speakers_of(text) == ["Kell Water Authority"] * 2


def test_a_post_of_several_words_after_a_possessive_is_learned_by_its_last_word() -> None:
    text = (
        "Dr. Lena Moss, the region's chief medical officer, spoke on Monday.\n\n"
        "The chief medical officer added that admissions were likely to rise this month."
    )
    assert speakers_of(text) == ["Lena Moss"]


def test_forecasts_after_a_compound_modifier_or_a_modified_possessive_are_a_noun() -> None:
    text = (
        "The agency updates its long-range forecasts every week and will issue its autumn "
        "outlook in late August. The Kell Fiscal Council's updated forecasts will be released "
        "on the same day."
    )
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_a_school_or_county_post_before_a_name_is_left_out_of_the_speaker() -> None:
    text = (
        "Superintendent Dr. Alan Whitcombe said enrolment would fall by 10% next year. "
        "Sheriff Ana Dorr said crime would fall by 5% by the end of 2025."
    )
    assert speakers_of(text) == ["Alan Whitcombe", "Ana Dorr"]


def test_estate_agents_pundits_or_parents_in_general_are_no_speaker() -> None:
    text = (
        "Estate agents say prices will rise by 5% next year. "
        "Pundits say the Rovers will win the league this season."
    )
    assert extract_candidates(text, published_at=PUBLISHED) == []


UNTAGGED_INTERVIEW = (
    "Marit Solvang on the housing market\n\n"
    "Marit Solvang is chief economist at Fjordhavn Credit. She spoke to us about prices, rates "
    "and the builders.\n\n"
    "How was last year for the market?\n\n"
    "Better than we feared. Prices held up in most cities.\n\n"
    "And rates?\n\n"
    "I think the central bank cuts twice more this year. I think the cuts help buyers.\n\n"
    "And if the builders keep going bust?\n\n"
    "Then the big lenders fall at least 20% from their highs by December.\n\n"
    "What about a slump?\n\n"
    "I'd put it at a one-in-five chance of prices falling next year. We are watching closely."
)


def test_an_interview_with_untagged_question_paragraphs_gives_answers_to_the_interviewee() -> None:
    found = extract_candidates(UNTAGGED_INTERVIEW, published_at=PUBLISHED)
    assert [c.sentence for c in found] == [
        "I think the central bank cuts twice more this year.",
        "Then the big lenders fall at least 20% from their highs by December.",
        "I'd put it at a one-in-five chance of prices falling next year.",
    ]
    assert {c.speaker for c in found} == {"Marit Solvang"}


def test_question_paragraphs_in_a_report_do_not_make_it_an_interview() -> None:
    text = (
        "Will the levy pass?\n\n"
        "Councillor Ada Brun said the levy would pass by May.\n\n"
        "What happens next?\n\n"
        "The treasurer, Oren Falk, set out the figures on Monday.\n\n"
        "Who pays?\n\n"
        "Households, mostly, according to the council's figures."
    )
    assert speakers_of(text) == ["Ada Brun"]


def test_a_hyphenated_ratio_is_a_probability() -> None:
    candidate = only("Dr. Lena Ortiz said there was a one-in-three chance of recession next year.")
    assert candidate.probability is not None and abs(candidate.probability - 1 / 3) < 0.01


def test_a_firm_of_partners_joined_by_an_ampersand_is_no_street() -> None:
    text = (
        "Brokers cut their targets on Tuesday. Harrow & Lane lowered its target to $40.\n\n"
        "Its analysts expect sales to fall 10% next year."
    )
    assert speakers_of(text) == ["Harrow & Lane"]


def test_a_short_form_or_initials_speak_by_the_fullest_name_and_a_report_title_by_no_one() -> None:
    text = (
        "Halvane forecasts revenue above estimates, flags delay to new vessel\n\n"
        "OSLO, March 11 (Northgate Wire) - Halvane Marine beat estimates on Tuesday, and the "
        "Nordic Shipping Agency warned of a glut of vessels.\n\n"
        "The company expects revenue of about $2 billion next year.\n\n"
        "In its quarterly Freight Market Report, the Oslo-based agency said it expects rates "
        "to fall by a fifth next year.\n\n"
        "Rates will keep falling into the spring, the NSA said."
    )
    speakers = [c.speaker for c in extract_candidates(text, published_at=PUBLISHED)]
    assert speakers == ["Halvane Marine", "Nordic Shipping Agency", "Nordic Shipping Agency"]


def test_a_release_for_immediate_release_speaks_through_its_own_council_and_passives() -> None:
    text = (
        "Central Bank of Veltria keeps key rate at 3%\n\n"
        "FOR IMMEDIATE RELEASE\n\n"
        "Media Relations\nValdra\nMarch 12, 2024\n\n"
        "The Central Bank of Veltria today held its policy rate at 3%.\n\n"
        "Exports have been more resilient than expected to the new tariffs. Inflation was "
        "2.8% in February. Policy Council expects inflation to ease to 2.4% by the end of the "
        "year. Annual GDP growth is projected to average 1.4% in 2025. Households that missed "
        "the deadline may apply again in May."
    )
    found = [(c.speaker, c.sentence[:20]) for c in extract_candidates(text, published_at=PUBLISHED)]
    assert found == [
        ("Central Bank of Veltria", "Policy Council expec"),
        ("Central Bank of Veltria", "Annual GDP growth is"),
    ]


def test_a_time_phrase_or_a_quantifier_opening_a_sentence_is_no_speaker() -> None:
    text = (
        "Dr. Hanne Solberg has counted ticks in the Vestfold forests since 2004. Last August a "
        "single trap near a campsite held more than 300.\n\n"
        '"Within a decade they will be common in Tromso," she said.\n\n'
        "Fewer than half of the wind farms announced for the coast since 2022 will be running "
        "by 2030."
    )
    speakers = [c.speaker for c in extract_candidates(text, published_at=PUBLISHED)]
    assert speakers == ["Hanne Solberg", None]


def test_odds_are_a_claim_only_when_a_named_bookmaker_quotes_them() -> None:
    text = (
        "Quickstep Bet makes him the 5/4 favourite, ahead of Oskar Lind at 3/1. The holder, "
        "Jonas Berg, is out at 12/1 and has not raced since March. Bookmakers make Lind 3/1 "
        "favourite for the sprint."
    )
    candidate = only(text)
    assert candidate.speaker == "Quickstep Bet"
    assert candidate.probability is not None and abs(candidate.probability - 4 / 9) < 0.001


def test_a_rule_s_duties_a_declared_dividend_or_a_results_date_are_no_forecasts() -> None:
    text = (
        "New federal labelling rules, which take effect on Jan. 1, will require bakers to list "
        "every allergen. Ostrel Foods will pay a final dividend of 6 cents a share on May 3. "
        "Results will be announced ward by ward through the evening of June 14. Counting will "
        "not start until Friday morning, and the first results are due at noon. Bread prices "
        "will rise by 4% next year."
    )
    assert only(text).sentence == "Bread prices will rise by 4% next year."


def test_a_price_target_raised_or_an_average_kept_is_the_firm_s_forecast() -> None:
    text = (
        "Analysts at Tarrow Securities raised their price target on the stock to 520 pence from "
        "480 pence. Fenwick & Co kept its 2025 copper average at $9,800 a tonne. The central "
        "bank kept its policy rate at 4%."
    )
    speakers = [c.speaker for c in extract_candidates(text, published_at=PUBLISHED)]
    assert speakers == ["Tarrow Securities", "Fenwick & Co"]


def test_a_company_s_expectation_voiced_by_a_named_person_is_that_person_s() -> None:
    text = (
        "Corvina Foods reported higher sales on Monday. Corvina expects to open 40 stores next "
        "year, up from 25, Chief Executive Mira Sandoval said in an interview. Tellmark, whose "
        "ovens went on sale in May, expects to sell a million units by the end of next year, "
        "its chief executive, Aron Pike, told investors last month. Corvina also expects "
        "margins to narrow next year, the company said."
    )
    speakers = [c.speaker for c in extract_candidates(text, published_at=PUBLISHED)]
    assert speakers == ["Mira Sandoval", "Aron Pike", "Corvina Foods"]


def test_analysts_led_by_a_named_person_speak_as_that_person() -> None:
    candidate = only(
        "Copper is unlikely to climb back above $10,000 by the end of June, analysts led by "
        "Tomas Ferreira wrote in a note to clients."
    )
    assert candidate.speaker == "Tomas Ferreira"


def test_the_operator_agency_or_manufacturer_is_the_body_of_that_kind_named_last() -> None:
    text = (
        "Harbin Valley Light Rail (HVLR) has published its timetable. The operator expects to "
        "run half of normal services on Friday.\n\n"
        "The Nordic Centre for Tick Surveillance and Control now counts ticks in 12 regions. "
        "The agency expects cases to rise next year.\n\n"
        "Researchers at the University of Tromsdal's Institute of Arctic Health project that the "
        "tick season will lengthen by two weeks by 2035.\n\n"
        "A vaccine, made by Kesteven Biologics, is approved for adults. The manufacturer said it "
        "expected regulators to approve it for children next year.\n\n"
        "Goldfield Bank raised its copper forecast to $9,500 on Monday. Other banks were less "
        "moved. Marrow & Co kept its 2025 copper average at $9,000. The bank expects stocks to "
        "rise next year."
    )
    speakers = [c.speaker for c in extract_candidates(text, published_at=PUBLISHED)]
    assert speakers == [
        "Harbin Valley Light Rail",
        "Nordic Centre for Tick Surveillance and Control",
        "University of Tromsdal's Institute of Arctic Health",
        "Kesteven Biologics",
        "Goldfield Bank",
        "Marrow & Co",
        "Marrow & Co",
    ]


def test_a_forecast_made_last_month_and_unnamed_groups_where_they_are_are_no_claims() -> None:
    text = (
        "The Northern Grain Board last month forecast that wheat would average $240 a tonne in "
        "2025. Some pharmacists in the region say the outbreak is likely to spread. Tory "
        "sources at the count are already privately conceding that the party is likely to "
        "finish third. Feed prices will rise by 5% next year."
    )
    assert only(text).sentence == "Feed prices will rise by 5% next year."


def test_the_chance_put_at_a_figure_many_words_later_is_the_probability() -> None:
    text = (
        "The Nordic Weather Agency said on Monday that summers would get hotter. The agency put "
        "the chance that the average temperature over the five years from 2025 to 2029 exceeds "
        "1.5C above pre-industrial levels at 70%, up from 47% in last year's update."
    )
    candidate = extract_candidates(text, published_at=PUBLISHED)[-1]
    assert candidate.speaker == "Nordic Weather Agency"
    assert candidate.probability == 0.7


def test_a_hyphenated_post_before_a_name_is_left_out_of_the_speaker() -> None:
    text = (
        "NWA Deputy Director-General Ingrid Solheim said the record could fall next year. "
        "Solheim said 2026 could overtake 2024 as the hottest year."
    )
    speakers = [c.speaker for c in extract_candidates(text, published_at=PUBLISHED)]
    assert speakers == ["Ingrid Solheim", "Ingrid Solheim"]


def test_a_short_answer_to_a_question_about_the_future_is_the_interviewee_s_claim() -> None:
    text = (
        "Interview: Halden Air's Marit Vold on fuel and fares\n\n"
        "Marit Vold has run Halden Air since 2019.\n\n"
        "Q: Will fares come down before the summer?\n\n"
        "A: Not this year. Fuel is still too dear.\n\n"
        "Q: Has the strike hurt bookings?\n\n"
        "A: I think so. Bookings fell 4% in May.\n\n"
        "Q: Will the new airport open on time?\n\n"
        "A: I don't think so."
    )
    found = [(c.speaker, c.sentence) for c in extract_candidates(text, published_at=PUBLISHED)]
    assert found == [("Marit Vold", "A: Not this year."), ("Marit Vold", "A: I don't think so.")]


def test_a_passage_a_live_blog_introduces_as_another_writer_s_is_theirs() -> None:
    text = (
        "21:40 GMT\n\n"
        "Our data editor, Priya Lund, writes:\n\n"
        "On our model, the Greens have around a 60% chance of holding the seat. Turnout will "
        "probably fall below 30%.\n\n"
        "21:55 GMT\n\n"
        "The count will probably run past 4am."
    )
    speakers = [c.speaker for c in extract_candidates(text, published_at=PUBLISHED)]
    assert speakers == ["Priya Lund", "Priya Lund", None]


def test_what_a_speaker_s_party_committee_or_company_would_do_is_a_pledge() -> None:
    text = (
        "Ada Lorne said the party would field candidates in every ward at the next election. "
        "She said the committee would look past a brief rise in fuel costs. Finance chief Tom "
        "Ekker said Brivant would raise capital spending to about $2 billion next year. Lorne "
        "said the party would finish second in the city."
    )
    found = [c.sentence[:10] for c in extract_candidates(text, published_at=PUBLISHED)]
    assert found == ["Lorne said"]


def test_a_speaker_s_condition_with_only_a_vague_possibility_after_it_is_no_forecast() -> None:
    text = (
        "If the Greens finish third, she said, the mayor could come under pressure to resign. "
        "Should the bank wait until June, he added, the krona could find some support. If the "
        "Greens finish third, she said, the mayor could lose the run-off in June."
    )
    assert only(text).sentence.endswith("lose the run-off in June.")


def test_could_not_after_a_past_verb_is_past_ability() -> None:
    text = (
        "The truth, I suspect, is that he saw the early polls in March and could not wait. "
        "Without a deal, the port could close by June."
    )
    assert only(text).sentence.startswith("Without a deal")


def test_sourced_passives_with_a_figure_and_the_report_speak_for_their_body() -> None:
    text = (
        "The Halden Institute for Economic Research published its winter forecast on Monday. "
        "Retail sales fell 1% in December. Inflation, which stood at 3.1% in May, should fall "
        "back to 2.4% by the end of the year, the report said. Demand growth is projected at "
        "500,000 bpd next year, the institute said. A crowd of about 60,000 is expected, the "
        "Rugby Union said on Friday."
    )
    speakers = [c.speaker for c in extract_candidates(text, published_at=PUBLISHED)]
    assert speakers == ["Halden Institute for Economic Research"] * 2 + ["Rugby Union"]


def test_a_name_with_a_possessive_before_its_one_organisation_word_is_whole() -> None:
    candidate = only("The Free People's Party predicts the levy will fail by 2027.")
    assert candidate.speaker == "Free People's Party"


def test_a_firm_named_before_its_economists_speaks_and_market_pricing_is_no_forecast() -> None:
    text = (
        "Harrow Capital economists now expect the central bank to cut rates twice this year, "
        "they wrote in a note. Traders are pricing in an 80% chance of a cut in June, "
        "according to futures data. Climate scientists expect hotter summers by 2040."
    )
    candidate = only(text)
    assert candidate.speaker == "Harrow Capital"


def test_the_carmaker_a_union_opening_with_united_and_we_think_in_the_present() -> None:
    text = (
        "Halbrook Motors cut its profit forecast on Thursday. The carmaker now expects operating "
        'profit of $2 billion next year. "We think the market in Europe bottoms out in the '
        'spring," Chief Executive Lena Marsh said. The United Dock Workers union said it '
        "expected talks to end before the May 15 deadline."
    )
    speakers = [c.speaker for c in extract_candidates(text, published_at=PUBLISHED)]
    assert speakers == ["Halbrook Motors", "Lena Marsh", "United Dock Workers"]


def test_a_firm_s_supercomputer_or_simulations_speak_for_the_firm() -> None:
    text = (
        "Statline Analytics updated its title odds on Monday. Statline Analytics' supercomputer "
        "gives Kingsmere a 58% chance of winning the league."
    )
    candidate = only(text)
    assert candidate.speaker == "Statline Analytics"
    assert candidate.probability == 0.58


def test_a_body_s_forecasts_that_show_an_outcome_are_the_body_s_forecast() -> None:
    text = (
        "The Central Bank of Orvia held its key rate at 3% on Tuesday.\n\n"
        "The central bank's updated forecasts show inflation returning to 2% by mid-2025."
    )
    assert only(text).speaker == "Central Bank of Orvia"


def test_a_body_s_next_forecast_is_a_noun_and_its_publication_a_schedule() -> None:
    text = (
        "The Fiscal Council will publish its next forecast alongside the budget on Nov. 26. "
        "Zoopla expects prices to fall 2% next year."
    )
    assert only(text).speaker == "Zoopla"


def test_holding_a_seat_or_reaching_a_figure_comfortably_is_a_forecast_not_a_plan() -> None:
    text = (
        "Brann, a former nurse, told a hustings in Kell on Tuesday night that he would hold the "
        'seat "comfortably". Ada Voss told staff in a memo that the company would '
        '"comfortably" reach $1 billion in revenue in 2025.'
    )
    speakers = [c.speaker for c in extract_candidates(text, published_at=PUBLISHED)]
    assert speakers == ["Brann", "Ada Voss"]


def test_a_plan_dropped_rather_than_kept_leaves_the_new_date_a_forecast() -> None:
    text = (
        "Mara Quist said the new scanner would begin shipping in the first quarter of 2025, "
        "rather than late this year as previously planned. The plant will open in March, as "
        "previously announced."
    )
    assert only(text).speaker == "Mara Quist"


def test_the_noun_after_a_name_is_what_the_body_is_later_called() -> None:
    text = (
        "The economy will shrink again in 2025, the Kessel institute said on Thursday. The "
        "Munich-based institute now expects output to fall 0.2% this year."
    )
    speakers = [c.speaker for c in extract_candidates(text, published_at=PUBLISHED)]
    assert speakers == ["Kessel", "Kessel"]


def test_rallies_a_results_timetable_and_a_commission_that_is_no_university_s() -> None:
    text = (
        "Anna Kowal, a political scientist at Orvia University, said turnout would top 60% on "
        "Sunday. His campaign chief, Piotr Lis, said the candidate would hold rallies in six "
        "cities before the vote. The electoral commission said it expected to publish official "
        "results on Monday evening. The electoral commission said it expected turnout to top "
        "70% on Sunday."
    )
    found = [(c.speaker, c.sentence[:12]) for c in extract_candidates(text, published_at=PUBLISHED)]
    # the commission is never named: it speaks by its kind and field, not as the university's
    assert found == [("Anna Kowal", "Anna Kowal, "), ("electoral commission", "The electora")]


def test_an_estimate_of_a_season_still_to_come_is_a_forecast() -> None:
    text = (
        "The Millers' Federation estimates this year's crop at 4 million tonnes. Asvoll, which "
        "represents large farms, estimated the 2024-25 harvest at 1.1 million tonnes."
    )
    speakers = [c.speaker for c in extract_candidates(text, published_at=PUBLISHED)]
    assert speakers == ["Millers' Federation", "Asvoll"]


def test_a_discount_a_scheme_grants_is_no_forecast() -> None:
    text = (
        "The toll will apply between 7am and 7pm, and residents will get a 90% discount. "
        "Traffic will fall by a fifth by 2026."
    )
    assert only(text).sentence == "Traffic will fall by a fifth by 2026."


def test_the_size_of_what_a_government_will_do_is_no_threshold_outcome() -> None:
    text = (
        "Mara Ito said the government would compile a stimulus package worth more than 10 "
        "billion euros. Ito said the airline would carry more than 9 million passengers in 2025."
    )
    assert only(text).sentence.startswith("Ito said the airline")


def test_what_an_interviewee_was_told_backs_their_own_claim() -> None:
    text = (
        "Interview: Halden Air's Marit Vold on fuel duty\n\n"
        "Marit Vold has run Halden Air since 2019.\n\n"
        "Q: Will fuel duty rise again?\n\n"
        "A: It's almost certain the duty goes up again in the spring budget; the Finance "
        "Ministry has told us as much in every meeting."
    )
    assert only(text).speaker == "Marit Vold"


def test_a_bookmaker_offering_odds_on_an_outcome_quotes_its_probability() -> None:
    candidate = only("Quickstep Bet offers 2/1 on Lind winning in straight sets.")
    assert candidate.speaker == "Quickstep Bet"
    assert candidate.probability is not None and abs(candidate.probability - 1 / 3) < 0.001


def test_an_age_the_calendar_settles_is_no_forecast() -> None:
    text = (
        "She poses for a photo with two pupils who will not be old enough to vote until 2027. "
        "Turnout will fall below 40% in 2025."
    )
    assert only(text).sentence.startswith("Turnout")


def test_a_statistics_office_s_statistical_release_speaks_through_its_projections() -> None:
    text = (
        "Household projections 2027-2060\n\n"
        "Statistics Orvania | Statistical release | 4 March 2027\n\n"
        "The number of households is projected to reach 2.9 million in 2045. "
        "By 2060 it is projected to be 3.1 million."
    )
    assert speakers_of(text) == ["Statistics Orvania"] * 2


def test_a_meeting_or_update_dated_early_in_a_month_or_next_is_a_schedule() -> None:
    assert (
        extract_candidates("Ana Bell said the agency would update its outlook in early August.")
        == []
    )
    assert extract_candidates("The council's members will next meet on June 12.") == []
    assert len(extract_candidates("Ana Bell said prices would rise in early August.")) == 1


def test_odds_put_on_an_event_as_a_split_are_its_probability() -> None:
    text = (
        "Dana Fell is an economist at Kell Bank. \"I'd put the odds of a strike at the "
        'U.S. plant this year at 70-30," she said.'
    )
    assert only(text).probability == 0.7


def test_a_release_s_conditional_projection_with_a_would_is_its_issuer_s() -> None:
    text = (
        "Household projections 2027-2060\n\n"
        "Statistics Orvania | Statistical release | 4 March 2027\n\n"
        "If births recover, the number of households would pass 3 million by 2040. "
        "In the high-migration variant, households would grow faster in 2050."
    )
    assert speakers_of(text) == ["Statistics Orvania"] * 2


def test_we_will_see_with_no_object_leaves_the_answer_to_events() -> None:
    assert extract_candidates('"Whether it lasts, we will see in June," said Ola Brenn.') == []
    assert extract_candidates('"We\'ll see what happens," said Ola Brenn.') == []
    assert len(extract_candidates('"We will see prices fall in June," said Ola Brenn.')) == 1


def test_beliefs_of_anonymous_sources_markets_and_surveys_are_nobody_s() -> None:
    for text in (
        "Board members expect the club to sell two players, according to people familiar "
        "with the talks.",
        "Market pricing implies that the policy rate will fall to 3% by the end of 2027.",
        "A monthly survey of 20 economists found they expected inflation to average 3% in 2027.",
        '"Long-range outlooks do not predict individual floods," said Ola Brenn.',
    ):
        assert extract_candidates(text) == [], text
    kept = "Ola Brenn expects a cut in June, sooner than the market is pricing."
    assert len(extract_candidates(kept)) == 1


def test_a_source_who_will_not_be_named_is_nobody_to_track() -> None:
    for text in (
        "A senior Green, speaking on condition of anonymity, said the party would lose Kell.",
        "Kell Rovers' directors privately expect the manager to leave in the summer.",
        "Two bankers said privately that the merger would probably collapse.",
    ):
        assert extract_candidates(text) == [], text
    for text in (
        "An analyst at Orme Bank, speaking on condition of anonymity, said rates would "
        "probably fall in June.",
        '"It will pass," Ola Brenn said, adding that two rivals had told her privately they '
        "would back it.",
    ):
        assert len(extract_candidates(text)) == 1, text


def test_a_price_on_an_exchange_is_a_fact_not_a_forecast() -> None:
    for text in (
        "On the Kell betting exchange, Ola Brenn was trading at 3.10 to win on Sunday.",
        "Contracts on a Tory majority are trading at 1.45, implying a chance of about 70%.",
    ):
        assert extract_candidates(text) == [], text
    kept = "Brent, which is trading at $82, will fall to $70 by June, Ola Brenn said."
    assert len(extract_candidates(kept)) == 1


def test_a_doubt_that_leaves_its_event_in_the_sentence_before_is_not_a_forecast() -> None:
    for text in (
        '"Rovers say they can stay up. I doubt they will," said Ola Brenn.',
        "Ola Brenn said prices had not fallen yet. She is not sure they will next year either.",
    ):
        assert [c.sentence for c in extract_candidates(text)] == [], text
    kept = "Ola Brenn said she doubts the bill will pass before the summer."
    assert len(extract_candidates(kept)) == 1


def test_what_a_forecaster_does_not_forecast_is_no_forecast() -> None:
    for text in (
        "The Kell Met Office said its monthly guide does not predict single storms, which "
        "can be forecast only days ahead.",
        'Asked about rents, Ola Brenn said: "That is not something we forecast."',
    ):
        assert extract_candidates(text) == [], text
    kept = "The Kell Met Office does not forecast a dry summer, which will ease the drought."
    assert len(extract_candidates(kept)) == 1


def test_advice_to_doctors_and_to_a_narrowed_group_is_not_a_forecast() -> None:
    opening = "The Kell Health Agency said on Monday that flu cases would rise in December. "
    for advice in (
        "Doctors should not hand out antibiotics for a cough, and patients should rest until "
        "they have been free of fever for two days, the agency said.",
        "People over 70 who have not yet had this winter's booster should get one now, the "
        "agency said.",
    ):
        assert len(extract_candidates(opening + advice)) == 1, advice
    kept = opening + "Admissions should fall to about 300 a week by February, the agency said."
    assert len(extract_candidates(kept)) == 2


def test_a_campaign_saying_it_will_carry_a_state_forecasts_the_vote() -> None:
    for text in (
        '"Whatever they throw at us, we\'re going to carry this county," Ola Brenn said.',
        "Ola Brenn said her party would carry every district in the north.",
    ):
        assert len(extract_candidates(text)) == 1, text
    assert (
        extract_candidates('"We will carry the banner for working families," Ola Brenn said.') == []
    )


def test_a_side_saying_it_will_be_in_that_runoff_forecasts_the_vote() -> None:
    text = '"We will be in that second round, and then it is a new race," Ola Brenn said.'
    assert len(extract_candidates(text)) == 1
    assert extract_candidates('"We will be in that town hall on Monday," Ola Brenn said.') == []


def test_seeing_a_level_after_a_stance_is_the_source_s_forecast() -> None:
    (candidate,) = extract_candidates(
        "Ola Brenn is gloomier, seeing the krone at 11.2 against the euro by June."
    )
    assert candidate.speaker == "Ola Brenn"
    assert extract_candidates("After seeing the krone at 11.2 last week, Ola Brenn sold.") == []


def test_a_bookmaker_s_price_after_the_race_it_is_for_is_the_bookmaker_s() -> None:
    (candidate,) = extract_candidates("In the final, Kellbet prices Ola Brenn at 2.50 to win.")
    assert candidate.speaker == "Kellbet"


def test_a_decimal_price_on_a_runner_named_by_its_standing_is_the_bookmaker_s() -> None:
    (candidate,) = extract_candidates(
        "Kellbet prices the defending champion, Ola Brenn, at 2.50 to keep her crown."
    )
    assert candidate.speaker == "Kellbet"
    assert candidate.probability == 0.4
    assert extract_candidates("Kellco prices the new shares at 12.50 each.") == []


def test_until_at_least_the_end_of_the_year_is_the_year_s_end() -> None:
    candidate = only(
        "Ola Brenn expects Kellco to keep its plant shut until at least the end of the year."
    )
    assert candidate.deadline_phrase == "until at least the end of the year"
    assert candidate.deadline is not None and candidate.deadline.year in {2024, 2025}


def test_a_rival_s_price_a_shade_longer_is_the_rival_s() -> None:
    text = (
        "Bookmaker Kellbet makes Ola Brenn the 2/1 favourite. Its rival Orme Sports has Ola "
        "Brenn a shade longer at 9/4."
    )
    rival = extract_candidates(text)[-1]
    assert (rival.speaker, rival.probability) == ("Orme Sports", round(4 / 13, 6))


def test_a_dated_meeting_named_before_its_noun_gives_the_deadline() -> None:
    candidate = only(
        "Ola Brenn expects the Kell central bank to hold rates at its April 9 meeting."
    )
    assert candidate.deadline_phrase == "its April 9 meeting"
    assert candidate.deadline == datetime(2024, 4, 10, tzinfo=UTC)


def test_a_unit_of_an_agency_named_by_its_initials_speaks_for_the_agency() -> None:
    text = (
        "The Kell Marine Administration published its outlook on Monday. KMA's Storm "
        "Forecast Centre expects 12 named storms this season, according to the centre."
    )
    (candidate,) = extract_candidates(text)
    assert candidate.speaker == "Kell Marine Administration"


def test_a_rate_setting_committee_with_no_owner_speaks_for_the_central_bank() -> None:
    text = (
        "The Reserve Bank of Kell lowered its main rate to 3% on Thursday. The Monetary Policy "
        "Board expects that inflation will settle near 2% in the second half of next year."
    )
    (candidate,) = extract_candidates(text)
    assert candidate.speaker == "Reserve Bank of Kell"


def test_a_panellist_named_before_the_colon_owns_the_quoted_pick() -> None:
    text = (
        "We asked two former riders for their picks.\n\n"
        'Ola Brenn, the 2019 champion: "Kessler, and I don\'t think he loses a stage."'
    )
    (candidate,) = extract_candidates(text)
    assert candidate.speaker == "Ola Brenn"


def test_a_panellist_s_pick_of_a_name_alone_is_a_forecast() -> None:
    opening = "We asked two former riders for their picks.\n\n"
    (candidate,) = extract_candidates(
        opening + 'Ola Brenn, television analyst: "Kessler, if his knee holds up."'
    )
    assert candidate.speaker == "Ola Brenn"
    text = opening + 'Ola Brenn, television analyst: "Honestly, it is too close to call."'
    assert extract_candidates(text) == []


def test_a_short_answer_to_a_question_an_analyst_asked_on_a_call_is_a_forecast() -> None:
    text = (
        "Asked by Ola Brenn of Kell Partners whether margins would widen next year, the "
        'finance chief said: "I think so."'
    )
    assert len(extract_candidates(text)) == 1


def test_yes_with_a_time_answers_a_question_about_the_future() -> None:
    text = (
        "Asked whether the new reactor would reach full power this year, Ola Brenn said: "
        '"Yes, in the third quarter, once the second turbine is connected."'
    )
    assert len(extract_candidates(text)) == 1


def test_a_short_answer_before_the_question_it_answered_is_a_forecast() -> None:
    text = (
        '"I think so," Ola Brenn said, when an analyst from Kell Partners asked whether '
        "freight rates would keep falling through the summer."
    )
    (candidate,) = extract_candidates(text)
    assert candidate.speaker == "Ola Brenn"


def test_that_is_how_much_points_at_the_figure_just_given() -> None:
    text = (
        "The number of the week: 41 million.\n\n"
        "That is how many phones Europe will buy this year, according to a forecast by Kell "
        "Insight."
    )
    (candidate,) = extract_candidates(text)
    assert candidate.speaker == "Kell Insight"
    assert extract_candidates("Nobody knows how many phones Europe will buy this year.") == []


def test_we_think_an_event_comes_at_a_named_time_is_a_forecast() -> None:
    (candidate,) = extract_candidates('Ola Brenn said: "We think the first hike comes in October."')
    assert candidate.speaker == "Ola Brenn"
    assert extract_candidates('Ola Brenn said: "We think the new model comes in handy."') == []


def test_we_think_a_level_flattens_out_is_a_forecast() -> None:
    text = 'Ola Brenn said: "Mills have cut output, and we think paper prices level off by spring."'
    (candidate,) = extract_candidates(text)
    assert candidate.speaker == "Ola Brenn"


def test_a_post_described_by_its_place_is_the_person_named_the_paragraph_before() -> None:
    text = (
        "Ola Brenn, the election commissioner, published the list of candidates on Monday.\n\n"
        "The country's chief electoral officer said she expected turnout of about 60% in the "
        "first round."
    )
    (candidate,) = extract_candidates(text)
    assert candidate.speaker == "Ola Brenn"


def test_even_odds_after_a_contracted_verb_are_a_forecast() -> None:
    (candidate,) = extract_candidates('"Kell or Orme, it\'s a toss-up," Ola Brenn said.')
    assert (candidate.speaker, candidate.probability) == ("Ola Brenn", 0.5)


def test_the_writer_s_short_denial_with_going_to_answers_the_sentence_before() -> None:
    text = "The council wants the new bridge open by Easter. That is not going to happen."
    (candidate,) = extract_candidates(text)
    assert candidate.sentence == "That is not going to happen."


def test_a_forecast_for_a_year_already_over_is_a_past_belief() -> None:
    text = "The Kell Met Office predicted 9 to 12 storms for 2023; the season brought 11."
    assert extract_candidates(text, published_at=PUBLISHED) == []
    kept = "The Kell Met Office predicted 9 to 12 storms for 2024, its outlook said on Monday."
    assert len(extract_candidates(kept, published_at=PUBLISHED)) == 1


def test_what_moved_a_market_on_expectations_is_nobody_s_forecast() -> None:
    text = "Copper rose 2% on Monday amid bets that Kell will cut its export quota next month."
    assert extract_candidates(text) == []
    kept = (
        "Ola Brenn said copper would reach $11,000 by June, amid bets that Kell will cut its "
        "export quota."
    )
    assert len(extract_candidates(kept)) == 1


def test_a_period_ending_on_a_day_gives_that_day_as_the_deadline() -> None:
    candidate = only("Kellco expects revenue of $3 billion for the quarter ending June 15.")
    assert candidate.deadline_phrase == "quarter ending June 15"
    assert candidate.deadline == datetime(2024, 6, 16, tzinfo=UTC)


def test_a_level_at_which_something_ends_the_year_is_due_at_the_year_s_end() -> None:
    candidate = only("Ola Brenn expects the krone to end the year at 10.8 against the euro.")
    assert candidate.deadline_phrase == "end the year"
    assert candidate.deadline == datetime(2025, 1, 1, tzinfo=UTC)


def test_forecasts_after_two_modifiers_are_a_noun_a_body_will_publish() -> None:
    text = "The Kell Fiscal Office will publish its own updated forecasts alongside the budget."
    assert extract_candidates(text) == []


def test_what_the_rules_give_the_winners_is_no_forecast() -> None:
    text = "The winners will qualify for next season's Kell Cup and take home 3 million pounds."
    assert extract_candidates(text) == []
    assert len(extract_candidates("Ola Brenn said the winners would be Kell Rovers.")) == 1


def test_a_buyback_sales_channels_and_a_service_run_are_a_body_s_own_operations() -> None:
    for text in (
        "Ola Brenn said Kellco would buy back $2 billion of its shares over the next two years.",
        "Kellco will sell the Orbit glasses through its own website and stores, with a monthly "
        "plan starting at $35.",
        "Small firms have a year longer to comply, and the authority says it will run a free "
        "advice service for firms with fewer than 250 staff.",
    ):
        assert extract_candidates(text) == [], text


def test_a_preview_s_own_prediction_after_a_colon_is_the_writer_s() -> None:
    text = "Our prediction: Kell Rovers to win the title, with Dunmore second."
    assert speakers_of(text) == [None]
    assert extract_candidates("Our verdict: a fine film.") == []


def test_what_voters_will_decide_on_the_ballot_is_a_schedule() -> None:
    assert extract_candidates("Voters will also decide a $185 million bond for roads.") == []
    kept = "Voters will punish the governor in November, Ola Brenn said."
    assert speakers_of(kept) == ["Ola Brenn"]


def test_a_forecast_in_a_clause_hung_on_its_subject_is_the_subject_s() -> None:
    text = (
        "Orbis Insight, another research firm, was less gloomy, forecasting a 2% decline in "
        "2027 to about 266 million units."
    )
    assert speakers_of(text) == ["Orbis Insight"]


def test_an_opinion_on_a_match_going_to_extra_time_or_a_resumption_is_a_forecast() -> None:
    assert len(extract_candidates("We think this goes to penalties, and Kell should edge it.")) == 1
    assert len(extract_candidates("We think the cartel resumes increases in June.")) == 1
    assert extract_candidates("I think this goes to show how hard it is.") == []


def test_a_titled_leader_named_in_the_possessive_is_remembered_by_full_name() -> None:
    text = (
        "Prime Minister Ola Brennvik's Labour Alliance has lost its lead.\n\n"
        '"We are going to win this election," Brennvik told supporters on Saturday.'
    )
    assert speakers_of(text) == ["Ola Brennvik"]


def test_a_league_expanding_from_a_named_season_is_a_schedule() -> None:
    text = "The Kell League will expand to 16 teams from the 2027-28 season, with no play-off."
    assert extract_candidates(text) == []
    assert len(extract_candidates("Ola Brenn said sales would rise from the 2027 season.")) == 1


def test_a_passive_expectation_according_to_a_body_is_the_bodys() -> None:
    text = (
        "Refinery runs rose in May.\n\n"
        "Crude output is expected to average 13.1 million barrels a day in 2027, according to "
        "the U.S. Energy Information Administration."
    )
    assert speakers_of(text) == ["U.S. Energy Information Administration"]
    opening = text.replace("Crude output", "U.S. crude output")
    assert speakers_of(opening) == ["U.S. Energy Information Administration"]


def test_a_company_described_by_its_city_and_state_is_the_company_named_before() -> None:
    text = (
        "Halvern Devices reported higher sales on Tuesday.\n\n"
        "The Austin, Texas-based company expects revenue of $2 billion in the three months to "
        "the end of June."
    )
    assert speakers_of(text) == ["Halvern Devices"]
    assert speakers_of(text.replace("Austin, Texas-based", "New York-based")) == ["Halvern Devices"]


def test_a_research_note_speaks_for_the_firm_that_wrote_it() -> None:
    text = (
        "Brenner Capital analysts wrote in a note that supply was tight.\n\n"
        '"We expect Brent to average $70 next year," the note said.'
    )
    assert speakers_of(text) == ["Brenner Capital"]


def test_a_forecast_opening_with_a_phrase_then_said_x_is_xs() -> None:
    text = (
        "Mayor Dana Ruiz faces a runoff.\n\n"
        "In a runoff against Ruiz, Bell would probably win, said Omar Tate, a consultant who "
        "ran two campaigns."
    )
    assert speakers_of(text) == ["Omar Tate"]


def test_odds_put_on_an_event_named_with_initials_are_read() -> None:
    text = "I put the odds of a U.S. recession in the next twelve months at 25-30%."
    assert [c.probability for c in extract_candidates(text, published_at=PUBLISHED)] == [0.275]


def test_a_person_whose_post_is_at_the_body_stays_a_person() -> None:
    text = (
        "The Halden Institute cut its outlook on Monday.\n\n"
        '"Demand has stalled," said Mira Sandvold, the institute\'s head of forecasting.\n\n'
        "She added that unemployment would rise to 5.8% by the autumn.\n\n"
        "The institute expects inflation to average 2.4% next year."
    )
    assert speakers_of(text) == ["Mira Sandvold", "Halden Institute"]


def test_a_name_first_read_as_a_person_is_a_body_once_which_follows_it() -> None:
    text = (
        "Tarsel Grid's annual review shows reservoirs at a high.\n\n"
        "Tarsel Grid, which supplies the northern counties, published the review on Friday.\n\n"
        "Demand this summer is forecast to reach 2.1 billion litres a day, the review said."
    )
    assert speakers_of(text) == ["Tarsel Grid"]


def test_a_body_opening_a_sentence_by_its_kind_is_the_it_that_follows() -> None:
    text = (
        "The Varnholt Institute cut its growth forecast on Monday.\n\n"
        "Brook Capital, a lender, said on Tuesday that it disagreed with the cut.\n\n"
        "The institute's report also looked at public finances. It estimated that the deficit "
        "would widen to 3.5% of output next year."
    )
    assert speakers_of(text) == ["Varnholt Institute"]


def test_where_a_firm_is_based_is_no_part_of_its_name() -> None:
    text = "Analysts at the Leipzig-based Orvan Research expect growth of 1.2% next year."
    assert speakers_of(text) == ["Orvan Research"]


def test_a_source_who_would_not_forecast_or_make_a_call_declines() -> None:
    assert speakers_of("Omar Prell said he would not forecast rainfall totals for May.") == []
    assert speakers_of("Ines Roca said she would not make a call on the runoff until June.") == []


def test_modelling_published_by_a_body_s_unit_is_the_body_s() -> None:
    text = (
        "The Norland Health Agency reported 210 cases of mumps last week.\n\n"
        "Analysis published by the agency's surveillance team projects between 400 and 600 "
        "cases by the end of June."
    )
    assert speakers_of(text) == ["Norland Health Agency"]


def test_a_pronoun_after_an_opening_phrase_of_several_words_is_the_subject() -> None:
    text = (
        "The Kestrel Energy Forum met in Oslo.\n\n"
        "In its latest quarterly market review it forecast that gas demand would fall 2% "
        "next year."
    )
    assert speakers_of(text) == ["Kestrel Energy Forum"]


def test_the_firm_an_article_calls_the_company_stays_the_company() -> None:
    text = (
        "Marlow Kitchenware raised its outlook on Tuesday.\n\n"
        "The Leeds-based company said it expects sales of $900 million this year.\n\n"
        "Analysts at Fenwright & Hale wrote in a note that margins could fall below 30% this "
        "year.\n\n"
        "The company now expects first-quarter sales to grow 4%."
    )
    assert speakers_of(text) == ["Marlow Kitchenware", "Fenwright & Hale", "Marlow Kitchenware"]


def test_a_source_of_data_is_not_the_it_that_follows() -> None:
    text = (
        "Orrin Foods said on Monday it expects sales of $2 billion this year. Analysts had "
        "expected $1.9 billion, according to data compiled by Vantor.\n\n"
        "It also forecast earnings per share of $1.20 for the year."
    )
    assert speakers_of(text) == ["Orrin Foods", "Orrin Foods"]


def test_a_post_in_lower_case_before_a_name_speaks_for_its_holder() -> None:
    text = (
        '"Buyers are back," chief executive Lorna Vedder told analysts on a call. "We think '
        'sales will pass $2 billion next year."'
    )
    assert speakers_of(text) == ["Lorna Vedder"]


def test_a_company_betting_that_its_market_will_grow_forecasts_it() -> None:
    text = (
        "Ostrel Robotics on Monday launched a warehouse robot, betting that demand for "
        "automation will double within three years."
    )
    assert speakers_of(text) == ["Ostrel Robotics"]


def test_what_ministries_or_lawmakers_should_do_is_advice() -> None:
    text = (
        "Lena Hoss said the plan was sound but that ministries should hurry the tenders.\n\n"
        "Piet Ammer said lawmakers should pass the budget before the summer."
    )
    assert speakers_of(text) == []


def test_unnamed_people_of_two_kinds_are_unattributable() -> None:
    text = (
        "Mayor Tomas Reile leads the race, but pollsters and local commentators say he is "
        "likely to face a runoff in May."
    )
    assert speakers_of(text) == []


def test_odds_put_on_it_as_one_in_n_are_its_probability() -> None:
    text = '"A second term is possible, but I would put it at one in four," Ida Marsh said.'
    assert [c.probability for c in extract_candidates(text, published_at=PUBLISHED)] == [0.25]
    rate = '"I would put it at 3% by June," Ida Marsh said of inflation.'
    assert all(c.probability is None for c in extract_candidates(rate, published_at=PUBLISHED))


def test_a_source_saying_things_are_on_track_for_an_outcome_forecasts_it() -> None:
    text = (
        "The Karsten Mining Board said on Monday that copper output was on track to reach "
        "a record 900,000 tonnes by December."
    )
    assert speakers_of(text) == ["Karsten Mining Board"]
    assert speakers_of("Copper output was on track to reach a record last year.") == []


def test_a_spokesman_of_a_kind_of_body_speaks_for_the_body_named_before() -> None:
    text = (
        "The Trade Ministry kept its outlook on Monday.\n\n"
        "A ministry spokesman said exports would grow 2% next year."
    )
    assert speakers_of(text) == ["Trade Ministry"]
    firm = (
        "Velko Appliances cut its outlook on Monday.\n\n"
        "A company spokeswoman said sales would fall 3% next year."
    )
    assert speakers_of(firm) == ["Velko Appliances"]


def test_a_body_never_named_speaks_by_its_kind_and_field() -> None:
    text = (
        "The transport ministry kept its outlook on Monday.\n\n"
        "A ministry spokesman said rail traffic would grow 2% next year."
    )
    assert speakers_of(text) == ["transport ministry"]
    placed = "Chile's mining regulator said copper output would reach a record next year."
    assert speakers_of(placed) == ["Chile's mining regulator"]


def test_a_will_that_goes_on_from_a_stated_plan_is_part_of_the_plan() -> None:
    text = (
        "The firm plans to open a plant in Ohio next year and will hire about 300 engineers "
        "there, Mara Quist said."
    )
    assert speakers_of(text) == []
    outcome = (
        "The firm plans to open a plant in Ohio, and demand will double by 2028, Mara Quist said."
    )
    assert speakers_of(outcome) == ["Mara Quist"]


def test_the_article_before_a_body_s_name_is_no_part_of_it() -> None:
    text = "A Treasury spokesperson said borrowing would fall to 3% of output next year."
    assert speakers_of(text) == ["Treasury"]


def test_a_bookmaker_s_price_on_a_named_runner_is_its_probability() -> None:
    def found(text: str) -> list[tuple[str | None, float | None]]:
        return [
            (c.speaker, c.probability) for c in extract_candidates(text, published_at=PUBLISHED)
        ]

    assert found("Bookmaker Marsh & Lyle make Rovers 4/6 favourites to win the cup.") == [
        ("Marsh & Lyle", 0.6)
    ]
    assert found("Carrow Bet has Linfield at evens. Carrow make Glenavon 9/1.") == [
        ("Carrow Bet", 0.5),
        ("Carrow Bet", 0.1),
    ]
    assert found("The holders are 3/1 to retain the title with bookmaker Odds Direct.") == [
        ("Odds Direct", 0.25)
    ]


def test_analysts_at_a_firm_who_estimate_an_outcome_forecast_it() -> None:
    text = "Analysts at Corby Research estimate Talvane will sell 2 million units in 2026."
    assert speakers_of(text) == ["Corby Research"]


def test_a_past_hope_of_others_does_not_make_a_forecast_a_hope() -> None:
    text = (
        "Nora Vell said sales would reach 40,000 units next year, short of the 60,000 that "
        "some investors had hoped for."
    )
    assert speakers_of(text) == ["Nora Vell"]
    assert speakers_of("Nora Vell said she hoped sales would reach 40,000 next year.") == []


def test_we_should_see_an_outcome_is_a_forecast_not_advice() -> None:
    text = '"We should see hospital admissions fall by the end of May," Ruth Amsel said.'
    assert speakers_of(text) == ["Ruth Amsel"]
    assert speakers_of('"You should see a pharmacist by May," Ruth Amsel said.') == []


def test_an_expectation_whose_object_is_described_in_an_aside_is_read() -> None:
    text = (
        "Tarvo Insight expects heat pumps, machines that draw warmth from the outside air and "
        "move it indoors, to make up most boiler sales in 2027."
    )
    assert speakers_of(text) == ["Tarvo Insight"]


def test_a_forecast_cut_to_a_decline_or_kept_for_a_level_is_a_forecast() -> None:
    cut = "Orla Metrics cut its 2026 forecast for tablet shipments to a 2.4% decline."
    assert speakers_of(cut) == ["Orla Metrics"]
    kept = "Dunmore Capital Group kept its forecast for copper to average $9,800 next year."
    assert speakers_of(kept) == ["Dunmore Capital Group"]


def test_the_bank_after_analysts_at_a_securities_firm_is_that_firm() -> None:
    text = (
        "Tove Lind, head of research at Ostby Bank, was bearish.\n\n"
        "Analysts at Marlow Securities were less gloomy. The bank expects Brent to average "
        "$64 next year."
    )
    assert speakers_of(text) == ["Marlow Securities"]


def test_a_source_that_sees_a_count_or_a_figure_forecasts_it() -> None:
    assert speakers_of("Tamsin Bank sees two more rate cuts this year.") == ["Tamsin Bank"]
    assert speakers_of("Tamsin Bank now sees 1.4% growth in 2026.") == ["Tamsin Bank"]
    assert speakers_of("Omar Vell said he sees three reasons for concern this year.") == []


def test_a_body_that_sticks_to_its_view_that_an_outcome_comes_forecasts_it() -> None:
    text = "Halden Bank stuck to its view that rates would fall twice next year."
    assert speakers_of(text) == ["Halden Bank"]


def test_a_body_named_of_the_something_at_a_sentence_start_keeps_its_full_name() -> None:
    text = (
        "The Federation of the Nordic Timber Producers said on Monday that exports would "
        "fall 4% next year."
    )
    assert speakers_of(text) == ["Federation of the Nordic Timber Producers"]


def test_what_i_am_not_going_to_do_is_the_speaker_s_own_act() -> None:
    text = '"I am not going to prejudge the board\'s vote next month," Lina Roos said.'
    assert speakers_of(text) == []


def test_a_direction_nobody_can_check_is_no_forecast() -> None:
    text = '"Sterling could go either way this month," Tom Arden said on Tuesday.'
    assert speakers_of(text) == []


def test_how_things_should_be_is_a_judgement_not_a_forecast() -> None:
    text = (
        '"Rivals want to beat us, and that is how it should be," Rovers manager Tom Arden said '
        "at the season launch on Tuesday."
    )
    assert speakers_of(text) == []


def test_federal_forecasters_speak_for_the_agency_the_article_names() -> None:
    text = (
        "Winter will be milder than normal across the north, federal forecasters said on "
        "Thursday.\n\n"
        "The outlook from the Norland Weather Service covers December through February."
    )
    assert speakers_of(text) == ["Norland Weather Service"]
    anonymous = "Winter will be milder than normal across the north, forecasters said."
    assert speakers_of(anonymous) == []


def test_a_pundit_who_tipped_a_side_to_win_forecasts_it() -> None:
    text = "Former striker Ola Brenn tipped Eastmere to reach the final again this season."
    assert speakers_of(text) == ["Ola Brenn"]
    assert speakers_of("Eastmere are tipped to reach the final this season.") == []


def test_a_target_raised_in_a_clause_hung_on_its_subject_is_the_subject_s() -> None:
    text = (
        "Analysts at Harrow Securities were more upbeat, raising their price target on "
        "Velta's stock to $140 from $120."
    )
    assert speakers_of(text) == ["Harrow Securities"]


def test_my_pick_or_my_tip_is_a_stated_opinion_about_the_outcome() -> None:
    text = '"My tip is Norland. They have the deepest squad," Ivo Marr said.'
    assert speakers_of(text) == ["Ivo Marr"]


def test_a_pundit_or_a_specialist_named_after_the_word_for_them_is_the_speaker() -> None:
    text = '"Norland will win the group," pundit Ivo Marr said on Monday.'
    assert speakers_of(text) == ["Ivo Marr"]
    other = '"Cases will peak in May," epidemiologist Sara Lunde told reporters.'
    assert speakers_of(other) == ["Sara Lunde"]


def test_a_firm_then_a_post_in_lower_case_then_a_name_is_the_named_person() -> None:
    text = "Kerrow's Analytics chief economist Lise Tamm said growth would slow to 1% next year."
    assert speakers_of(text) == ["Lise Tamm"]


def test_policymakers_reported_by_their_body_are_the_body_s() -> None:
    text = (
        "The Norland Reserve Bank held rates on Thursday.\n\n"
        "Policymakers expect inflation to return to 2% next year, the bank said."
    )
    assert speakers_of(text) == ["Norland Reserve Bank"]
    alone = "Policymakers expect inflation to return to 2% next year."
    assert speakers_of(alone) == []


def test_a_forecast_dated_by_an_opening_last_year_is_a_past_belief() -> None:
    assert speakers_of("Last month, Orvia Bank predicted that rates would fall twice.") == []
    assert speakers_of("Last year the agency forecast growth of 2% for 2025.") == []


def test_an_organised_act_set_for_next_week_or_tomorrow_is_a_schedule() -> None:
    assert speakers_of("The bill will be debated in parliament next week.") == []
    assert speakers_of("The council will begin its spraying programme tomorrow.") == []
    assert speakers_of("The storm will be at its worst tomorrow.") == [None]


def test_better_than_even_gives_the_even_odds_it_states_as_a_floor() -> None:
    text = '"I would put the odds of a cold snap at better than even," Rena Odell said.'
    assert [c.probability for c in extract_candidates(text, published_at=PUBLISHED)] == [0.5]


def test_a_central_bank_named_by_one_compound_word_issues_its_release() -> None:
    release = (
        "Rate left at 2%\n\nVarholm Statsbank | Press release | 12 March 2024\n\n"
        "The Executive Board of the Statsbank has decided to leave the rate at 2%. "
        "The Executive Board's assessment is that the rate is likely to stay at this level "
        "this year. Inflation is expected to fall to 1.9% next year."
    )
    assert speakers_of(release) == ["Varholm Statsbank", "Varholm Statsbank"]


def test_a_body_named_in_capitals_that_will_keep_watching_makes_a_pledge() -> None:
    text = (
        "The Monetary Policy Committee will continue to monitor developments closely, "
        "the Bank of Varholm said."
    )
    assert speakers_of(text) == []
    assert speakers_of("The Executive Board will adjust policy if needed, the bank said.") == []


def test_forecasts_gathered_or_issued_by_a_body_are_a_noun() -> None:
    for text in [
        "The survey, which compiles forecasts from 30 banks, is read closely by traders.",
        "The agency, which has issued quarterly forecasts since 1990, raised its estimate.",
    ]:
        assert extract_candidates(text, published_at=PUBLISHED) == [], text
    assert speakers_of("Orvia Bank forecasts growth of 2% next year.") == ["Orvia Bank"]


def test_was_set_to_in_reported_speech_is_a_back_shifted_forecast() -> None:
    (candidate,) = extract_candidates(
        "Rena Odell said the year was set to end as the warmest on record.",
        published_at=PUBLISHED,
    )
    assert candidate.speaker == "Rena Odell" and candidate.probability is None
    assert extract_candidates("The meeting was set to end at noon.", published_at=PUBLISHED) == []


def test_a_body_called_by_its_country_s_or_union_s_initials_is_the_one_named_before() -> None:
    text = (
        "The Valmora Climate Organization published its annual update on Friday.\n\n"
        "The U.N. agency put the chance of a wet winter at 60%."
    )
    assert speakers_of(text) == ["Valmora Climate Organization"]
    fed = (
        "The Orvia Reserve held rates on Tuesday.\n\n"
        "The U.S. central bank expects inflation to fall to 2% next year."
    )
    assert speakers_of(fed) == ["Orvia Reserve"]


def test_a_result_called_by_its_margin_in_the_present_is_a_forecast() -> None:
    quoted = "“She wins the runoff by four or five points,” pollster Dara Quist said."
    assert speakers_of(quoted) == ["Dara Quist"]
    british = 'Dara Quist, a pundit, was sure. "I think Norland win it by two goals," she said.'
    assert speakers_of(british) == ["Dara Quist"]
    for past in [
        '"In 2019 the polls said we would lose by ten points, and we lost by three," '
        "Dara Quist said.",
        "Norland won by two goals on Saturday, Dara Quist said.",
    ]:
        assert speakers_of(past) == [], past


def test_people_named_in_an_aside_about_the_subject_are_not_whom_he_means() -> None:
    text = (
        "Tomas Ekberg, a consultant who ran Anton Varga's first campaign, was blunter. "
        '"My guess is she wins by three points," he said.'
    )
    assert speakers_of(text) == ["Tomas Ekberg"]


def test_a_runner_rated_the_likeliest_at_a_figure_has_that_probability() -> None:
    text = "Of the three, Norvale Analytics rates Kell the most likely to go through, at 41%."
    (candidate,) = extract_candidates(text, published_at=PUBLISHED)
    assert (candidate.speaker, candidate.probability) == ("Norvale Analytics", 0.41)
    has = "Norvale Analytics has Kell as the likeliest champions, at 38%."
    assert [c.probability for c in extract_candidates(has, published_at=PUBLISHED)] == [0.38]


def test_former_before_a_post_is_no_part_of_the_name_of_a_body() -> None:
    text = (
        "Former Kell Rovers captain Ola Brenn now works as a pundit.\n\n"
        "The club said it expects to finish in the top three this season."
    )
    assert speakers_of(text) == ["Kell Rovers"]


def test_its_after_a_source_with_no_sex_or_title_shows_that_source_is_a_body() -> None:
    text = (
        "Kell Rovers lost again on Saturday.\n\n"
        "The league's data partner, Norvale Stats, gives Rovers a 22% chance of promotion. "
        "Its model has Kell as the likeliest champions, at 38%."
    )
    assert speakers_of(text) == ["Norvale Stats", "Norvale Stats"]


def test_should_urging_a_body_to_stop_or_fix_something_is_advice() -> None:
    for text in [
        "First, it should stop pretending that the new levy alone will pay for the line.",
        "The ministry should fix the rules that keep new homes from being built.",
    ]:
        assert extract_candidates(text, published_at=PUBLISHED) == [], text
    trend = "Rents should stop rising by the end of next year, Orvia Bank said."
    assert speakers_of(trend) == ["Orvia Bank"]


def test_projects_or_forecasts_after_for_or_on_are_nouns() -> None:
    for text in [
        "The office approves permits for projects that cross county lines.",
        "The plan relies on forecasts that are two years old.",
    ]:
        assert extract_candidates(text, published_at=PUBLISHED) == [], text


def test_a_profession_in_the_plural_opening_a_sentence_is_unattributable() -> None:
    for text in [
        "Pharmacists say they expect demand for flu drugs to jump next month.",
        "Physicians expect the wave to peak in January.",
    ]:
        assert extract_candidates(text, published_at=PUBLISHED) == [], text


def test_a_product_that_would_go_on_sale_months_ahead_is_a_forecast() -> None:
    launch = "Orvia Devices said on Monday its first headset would go on sale in Europe in May."
    assert speakers_of(launch) == ["Orvia Devices"]
    tickets = "The club said tickets would go on sale on Friday at 9am."
    assert speakers_of(tickets) == []


def test_where_and_with_whom_a_company_makes_its_goods_is_its_own_operation() -> None:
    for text in [
        "Orvia Devices will manufacture the headset at a plant in Malaysia, Lena Ross said.",
        "Lena Ross said Orvia would build the headsets with a partner in Malaysia.",
    ]:
        assert extract_candidates(text, published_at=PUBLISHED) == [], text


def test_a_device_that_projects_images_onto_a_surface_forecasts_nothing() -> None:
    text = "The headset, which projects maps and messages onto the visor, weighs 80 grams."
    assert extract_candidates(text, published_at=PUBLISHED) == []
    assert speakers_of("Orvia Bank projects growth of 2% next year.") == ["Orvia Bank"]


def test_a_wish_to_see_something_or_hindsight_that_it_was_coming_forecasts_nothing() -> None:
    for text in [
        '"The board wants to see clearer evidence that prices are coming down," Lena Ross said.',
        '"This time we saw it coming and we were ready," Lena Ross said.',
    ]:
        assert extract_candidates(text, published_at=PUBLISHED) == [], text


def test_the_bank_capitalised_is_the_central_bank_not_the_last_firm_called_bank() -> None:
    text = (
        "The Bank of Valmora held rates on Thursday.\n\n"
        'Lena Ross, an economist at Kellway Bank, said: "It was the right call."\n\n'
        "In its latest report, the Bank projected that inflation would fall to 2% next year."
    )
    assert speakers_of(text) == ["Bank of Valmora"]


def test_a_coin_toss_is_an_even_chance() -> None:
    text = '"A cut in June is a coin toss," Lena Ross said.'
    assert [c.probability for c in extract_candidates(text, published_at=PUBLISHED)] == [0.5]


def test_the_day_a_forecast_was_told_does_not_make_it_a_schedule() -> None:
    text = "Dana Ruiz said on Saturday that the election would be settled in the first round."
    assert speakers_of(text) == ["Dana Ruiz"]
    assert speakers_of("Dana Ruiz said the vote would be held on Saturday.") == []


def test_a_pronoun_after_an_opening_place_and_day_is_who_spoke() -> None:
    text = (
        "Dana Ruiz is running for mayor.\n\n"
        "At a rally in Port Aird she told supporters that turnout would top 60%."
    )
    assert speakers_of(text) == ["Dana Ruiz"]


def test_a_weekday_opening_a_sentence_is_no_part_of_the_name_after_it() -> None:
    text = "On Sunday Dana Ruiz told the crowd that turnout would top 60%."
    assert speakers_of(text) == ["Dana Ruiz"]


def test_an_emphatic_did_before_the_verb_of_saying_keeps_the_speaker() -> None:
    text = (
        "Lena Ross would not discuss the title race. "
        "She did say she expected Norland to sign a new striker by the end of January."
    )
    assert speakers_of(text) == ["Lena Ross"]


def test_putting_good_money_on_an_outcome_is_a_forecast_with_no_probability() -> None:
    text = '"I would put good money on 2027 being the wettest year yet," Lena Ross said.'
    (candidate,) = extract_candidates(text, published_at=PUBLISHED)
    assert (candidate.speaker, candidate.probability) == ("Lena Ross", None)


def test_expecting_an_event_measured_against_a_past_one_is_a_forecast() -> None:
    text = "Lena Ross said she did not expect a flu season as severe as last year's."
    assert speakers_of(text) == ["Lena Ross"]
    other = "Lena Ross said she expects a harvest bigger than the record of 2023."
    assert speakers_of(other) == ["Lena Ross"]


def test_a_hedge_or_a_figure_alone_answers_a_question_about_the_future() -> None:
    text = (
        "Interview: Norpoll's Marit Vold on the March vote\n\n"
        "Marit Vold has run Norpoll since 2019.\n\n"
        "Q: Will the Greens do better than last time?\n\n"
        "A: Probably. They are polling above it.\n\n"
        "Q: What turnout do you expect this time?\n\n"
        "A: Slightly lower, around 60%. People are tired.\n\n"
        "Q: Has the campaign been dull?\n\n"
        "A: Probably."
    )
    probably, figure = extract_candidates(text, published_at=PUBLISHED)
    assert probably.sentence == "A: Probably."
    assert figure.sentence == "A: Slightly lower, around 60%."
    assert probably.probability is not None and abs(probably.probability - 0.675) <= 0.05
    assert (probably.speaker, figure.speaker) == ("Marit Vold", "Marit Vold")


def test_the_writer_s_should_with_a_figure_and_a_date_is_a_forecast() -> None:
    text = "Wage growth should slow to around 3% by next June."
    (candidate,) = extract_candidates(text, published_at=PUBLISHED)
    assert (candidate.speaker, candidate.kind) == (None, "quantity")
    for advice in [
        "Households should lock in a fixed rate by next June.",
        "Wage growth should slow.",
    ]:
        assert extract_candidates(advice, published_at=PUBLISHED) == [], advice


def test_an_outlook_with_an_aside_on_its_release_that_shows_an_event_is_a_forecast() -> None:
    text = (
        "The Valmora Weather Agency issued its seasonal maps on Thursday.\n\n"
        "The agency's drought outlook, released alongside the maps, shows drought developing "
        "in the south by the end of January."
    )
    assert speakers_of(text) == ["Valmora Weather Agency"]


def test_a_public_agency_s_center_speaks_for_the_agency() -> None:
    text = (
        "The outlook from the Valmora Ocean and Atmosphere Administration's Climate Outlook "
        "Center covers December to February.\n\n"
        "The center put the chance of a wet winter at 55%."
    )
    assert speakers_of(text) == ["Valmora Ocean and Atmosphere Administration"]


def test_a_poll_in_a_lede_takes_the_pollster_the_next_sentence_names() -> None:
    text = (
        "The levy is on course for a narrow defeat next week, according to the last poll "
        "published before the vote.\n\n"
        "The survey by Norpoll Research, carried out for Radio Kell, found 46% in favour."
    )
    assert speakers_of(text) == ["Norpoll Research"]


def test_an_elided_de_joins_the_name_of_a_body() -> None:
    text = "Institut Valmorais d'Opinion expects the levy to fail next week."
    assert speakers_of(text) == ["Institut Valmorais d'Opinion"]


def test_even_odds_whether_something_happens_are_a_forecast_of_it() -> None:
    text = '"Honestly, it\'s about 50-50 whether I play," Lena Ross said.'
    assert [c.probability for c in extract_candidates(text, published_at=PUBLISHED)] == [0.5]


def test_a_side_that_will_stay_up_forecasts_its_survival() -> None:
    text = '"They have written us off, but we will stay up," Norland manager Ivo Marr said.'
    assert speakers_of(text) == ["Ivo Marr"]
    pledge = '"We will stay in the coalition," party leader Ivo Marr said.'
    assert speakers_of(pledge) == []


def test_an_outcome_that_looks_almost_certain_is_the_writer_s_forecast() -> None:
    text = "With the Greens squeezed in the suburbs, a Labour win now looks almost certain."
    (candidate,) = extract_candidates(text, published_at=PUBLISHED)
    assert candidate.speaker is None
    assert candidate.probability is not None and candidate.probability >= 0.95


def test_a_trend_told_in_the_present_with_a_time_to_come_is_a_forecast() -> None:
    for text in [
        '"Prices for cheap phones are going up next year," Lena Ross said.',
        '"Even half that surplus keeps Brent under $65 for most of next year," said Lena Ross.',
    ]:
        assert speakers_of(text) == ["Lena Ross"], text
    assert speakers_of('"Prices are going up," Lena Ross said.') == []


def test_that_is_the_view_of_x_gives_the_quotation_before_it_its_speaker() -> None:
    text = (
        "Norland Telecom cut its outlook on Monday.\n\n"
        '"Prices for the phones people buy are going up next year."\n\n'
        "That is the view of Lena Ross, a senior analyst at Kellway Research, who says makers "
        "must pass on costs."
    )
    assert speakers_of(text) == ["Lena Ross"]


def test_unnamed_people_in_named_places_stay_unattributable() -> None:
    for text in [
        "Chip makers in South Korea and the United States have said output will rise next year.",
        "Farmers in Norland expect the harvest to fall 10% this year.",
    ]:
        assert speakers_of(text) == [], text


def test_a_forecast_made_a_year_ago_is_a_past_belief() -> None:
    for text in [
        "A year ago, I predicted that inflation would fall below 3% by the summer.",
        "Two months ago, Orvia Bank forecast that rates would fall twice this year.",
    ]:
        assert speakers_of(text) == [], text


def test_what_a_source_will_know_or_learn_later_is_no_forecast() -> None:
    for text in [
        '"We will know much more once the tariff talks end," Lena Ross said.',
        '"We will have a clearer picture in March," Lena Ross said.',
    ]:
        assert speakers_of(text) == [], text


def test_could_shift_the_debate_has_nothing_to_check() -> None:
    for text in [
        "Lena Ross said the jobs figures due next week could still shift the debate.",
        "Lena Ross said a weak harvest might change the picture in March.",
    ]:
        assert speakers_of(text) == [], text


def test_how_or_what_people_expect_announced_as_a_topic_is_no_forecast() -> None:
    for text in [
        "Here is what the law would do and how Orvia Bank expects the vote to go next month.",
        "Lena Ross explained what Kellway Research expects inflation to do next year.",
    ]:
        assert extract_candidates(text, published_at=PUBLISHED) == [], text
    assert speakers_of("Orvia Bank expects the vote to pass next month.") == ["Orvia Bank"]


def test_not_before_or_until_a_time_answers_a_question_about_the_future() -> None:
    text = (
        "Interview: Kellway Bank's Marit Vold on rates\n\n"
        "Marit Vold has been chief economist at Kellway Bank since 2019.\n\n"
        "Q: Will the bank cut again?\n\n"
        "A: Not before the autumn. Inflation is at target.\n\n"
        "Q: Will it hike?\n\n"
        "A: Not until 2027."
    )
    found = [c.sentence for c in extract_candidates(text, published_at=PUBLISHED)]
    assert found == ["A: Not before the autumn.", "A: Not until 2027."]


def test_a_direction_or_a_rough_figure_answers_a_question_about_the_future() -> None:
    text = (
        "Interview: Kellway Bank's Marit Vold on prices\n\n"
        "Marit Vold has been chief economist at Kellway Bank since 2019.\n\n"
        "Q: What do you expect for rents next year?\n\n"
        "A: Edge lower, but slowly. Supply is catching up.\n\n"
        "Q: Where does inflation settle?\n\n"
        "A: Somewhere near 2.5%, and we get there by the end of next year. Energy helps.\n\n"
        "Q: So no recession?\n\n"
        "A: Not this year, no. Hiring is steady.\n\n"
        "Q: Is the housing market under control?\n\n"
        "A: Not yet. Prices are still high."
    )
    found = extract_candidates(text, published_at=PUBLISHED)
    assert [c.sentence for c in found] == [
        "A: Edge lower, but slowly.",
        "A: Somewhere near 2.5%, and we get there by the end of next year.",
        "A: Not this year, no.",
    ]
    assert {c.speaker for c in found} == {"Marit Vold"}


def test_a_forecaster_who_has_a_figure_at_a_time_to_come_forecasts_it() -> None:
    for text in [
        '"I have the jobless rate at 5.1% by the end of next year," said Ines Marr.',
        '"We have Brent at about $64 in the fourth quarter," said Ines Marr.',
    ]:
        candidate = only(text)
        assert (candidate.speaker, candidate.kind) == ("Ines Marr", "quantity"), text
    for text in [
        '"I have my doubts at 5.1% growth," said Ines Marr.',
        '"We have the rate at 4% today," said Ines Marr.',
    ]:
        assert extract_candidates(text, published_at=PUBLISHED) == [], text


def test_a_speaker_s_own_side_in_recession_or_surplus_is_a_forecast_not_a_pledge() -> None:
    for text in [
        '"We are not in a recession and we will not be in one next year," Ines Marr said.',
        '"We will be in surplus by 2027," Ines Marr said.',
    ]:
        assert only(text).speaker == "Ines Marr", text
    assert extract_candidates('"We will be in Brussels on Monday," Ines Marr said.') == []


def test_a_quoted_word_inside_the_clause_leaves_the_subject_before_it_speaking() -> None:
    for text, speaker in [
        (
            'Analysts at Orrin Partners called the plan "brave" and said they expected profit '
            "to fall next year.",
            "Orrin Partners",
        ),
        (
            'Ines Marr described the target as "a stretch" but said sales would rise next year.',
            "Ines Marr",
        ),
    ]:
        assert only(text).speaker == speaker, text


def test_a_firm_that_puts_a_candidate_s_chances_at_a_figure_is_the_speaker() -> None:
    for text in [
        "Kell Partners, a consultancy in Oslo, put Ruiz's chances of winning at 60% on Monday.",
        "Kell Partners put her odds of winning at 60%.",
    ]:
        candidate = only(text)
        assert (candidate.speaker, candidate.probability) == ("Kell Partners", 0.6), text


def test_a_consensus_of_forecasters_as_the_subject_is_a_fact() -> None:
    for text in [
        "Economists polled by Kell Wire expected the bank to hold its rate at 3% next week.",
        "All nine economists in a Kell Wire survey expected the rate to stay at 3% in June.",
        "Analysts had on average expected profit of 40 million euros next year.",
    ]:
        assert extract_candidates(text, published_at=PUBLISHED) == [], text
    guidance = (
        "Orrin Systems said it expects revenue of $90 million next quarter, above the $85 "
        "million analysts had on average expected."
    )
    assert only(guidance).speaker == "Orrin Systems"


def test_the_same_firm_s_odds_are_the_bookmaker_s_named_before() -> None:
    text = (
        "Carrow & Finch make Eastmere 4/6 favourites to win on Saturday. The same firm offers "
        "6/4 on Eastmere finishing the season as champions."
    )
    favourites, champions = extract_candidates(text, published_at=PUBLISHED)
    assert (champions.speaker, champions.probability) == ("Carrow & Finch", 0.4)
    assert favourites.speaker == "Carrow & Finch"


def test_what_it_will_take_to_win_is_a_forecast_not_a_pledge() -> None:
    text = "Dean Fry played for Eastmere. Fry reckons it will take 80 points to win the title."
    assert [c.speaker for c in extract_candidates(text, published_at=PUBLISHED)] == ["Dean Fry"]
    assert extract_candidates('"We will take action," Dean Fry said.') == []


def test_a_source_who_believes_so_answers_the_question_before_in_a_news_story() -> None:
    text = "Will the bank cut again in March? Economists at Kell Partners think so."
    assert [c.speaker for c in extract_candidates(text, published_at=PUBLISHED)] == [
        "Kell Partners"
    ]
    text = "Can Eastmere win at the Vale? Their manager, Dora Brant, believes so."
    assert [c.speaker for c in extract_candidates(text, published_at=PUBLISHED)] == ["Dora Brant"]
    assert extract_candidates("Sales rose in May. Dora Brant believes so.") == []


def test_a_party_heading_for_a_share_of_the_vote_in_a_poll_is_the_pollster_s_forecast() -> None:
    text = (
        "The Green Left is heading for about 24% of the vote in March's election, according "
        "to a survey by the pollster Norpoll published on Sunday."
    )
    assert only(text).speaker == "Norpoll"
    assert extract_candidates("Turnout is heading for the exit.", published_at=PUBLISHED) == []


def test_a_hope_set_off_at_the_end_leaves_the_claim_before_it() -> None:
    text = (
        "Orrin Devices said its phone would reach stores by June, the first of several that "
        "rivals hope will follow next year."
    )
    assert [c.span for c in extract_candidates(text, published_at=PUBLISHED)] != []
    for hope in [
        "Officials hope prices will fall next year.",
        "Orrin Devices hopes its phone will reach stores by June.",
    ]:
        assert extract_candidates(hope, published_at=PUBLISHED) == [], hope


def test_it_in_a_clause_means_the_organisation_the_sentence_opens_with() -> None:
    text = (
        "LYON, March 3 (Kell Wire) - Orrin Devices unveiled a phone on Tuesday that it said "
        "would reach stores in the European Union by the end of June."
    )
    assert only(text).speaker == "Orrin Devices"


def test_what_awaits_whoever_wins_is_the_schedule_not_a_forecast() -> None:
    for text in [
        "Polls close at 8 p.m. on Sunday, and the winner will be sworn in on March 1.",
        "Ines Marr noted that whoever wins will face a parliament with no majority next year.",
        "Whichever party wins will inherit a deficit of 4% next year, Ines Marr said.",
    ]:
        assert extract_candidates(text, published_at=PUBLISHED) == [], text
    assert only("Ines Marr said the winner would be Dora Brant on Sunday.").speaker == "Ines Marr"


def test_a_body_that_says_it_will_make_up_for_an_excess_pledges() -> None:
    for text in [
        "Norland said this week it would make up for the excess with extra cuts by June.",
        "The ministry said it would make further payments to farmers by March.",
    ]:
        assert extract_candidates(text, published_at=PUBLISHED) == [], text
    assert only("Orrin Devices said it would make a loss next year.").speaker == "Orrin Devices"


def test_an_official_pointing_to_the_bank_s_rate_path_speaks_for_the_bank() -> None:
    text = (
        "The Bank of Kellmark held its rate on Thursday, Governor Ada Brun said. She pointed to "
        "the bank's projected rate path, which shows the rate flat until the end of next year."
    )
    (candidate,) = extract_candidates(text, published_at=PUBLISHED)
    assert candidate.speaker == "Bank of Kellmark"


def test_an_agentless_projection_carrying_on_a_firm_s_forecast_is_the_firm_s() -> None:
    text = (
        "Cloud spending will rise 12% next year, research firm Orrin Analytics said on Monday. "
        "Spending on phones is forecast to fall 3% in the first half of next year."
    )
    assert [c.speaker for c in extract_candidates(text, published_at=PUBLISHED)] == [
        "Orrin Analytics",
        "Orrin Analytics",
    ]
    apart = (
        "Cloud spending will rise 12% next year, research firm Orrin Analytics said.\n\n"
        "Spending on phones is forecast to fall 3% in the first half of next year."
    )
    assert [c.speaker for c in extract_candidates(apart, published_at=PUBLISHED)] == [
        "Orrin Analytics"
    ]


def test_a_ministry_named_by_its_portfolios_keeps_its_whole_name() -> None:
    text = (
        "Kellmark's agriculture ministry cut its forecast for the wheat harvest next year to 4 "
        "million tonnes.\n\n"
        "The Ministry of Agriculture and Forestry had forecast 5 million tonnes in April."
    )
    assert only(text).speaker == "Ministry of Agriculture and Forestry"


def test_the_body_s_models_quoted_by_its_official_are_the_body_s() -> None:
    text = (
        "The Kellmark Weather Service issued its winter outlook on Monday. Its director, Ada "
        "Brun, presented it.\n\n"
        "The service's models give a one-in-four chance of a cold snap before the end of "
        "January, Brun said. Brun said snow would come early next year."
    )
    models, snow = extract_candidates(text, published_at=PUBLISHED)
    assert (models.speaker, snow.speaker) == ("Kellmark Weather Service", "Ada Brun")


def test_a_leader_s_plan_for_her_own_party_or_a_tax_freeze_is_a_pledge() -> None:
    for text in [
        "Dora Brant said her party would cut fuel duty in its first budget and would not "
        "govern with the Greens.",
        "Dora Brant has said she would freeze council tax rates for two years if elected.",
        "Dora Brant said his government would raise the minimum wage next year.",
    ]:
        assert extract_candidates(text, published_at=PUBLISHED) == [], text
    for text in [
        "Dora Brant said her party would win the election in May.",
        "Dora Brant said it would freeze overnight on Friday.",
    ]:
        assert only(text).speaker == "Dora Brant", text


def test_then_and_a_market_s_move_in_the_present_answers_a_conditional_question() -> None:
    text = (
        "Interview: Kellway Bank's Marit Vold on bonds\n\n"
        "Marit Vold has been chief economist at Kellway Bank since 2019.\n\n"
        "Q: What happens to yields if the budget is delayed?\n\n"
        "A: Then the ten-year yield drifts back toward 2.4%, perhaps lower.\n\n"
        "Q: And the currency?\n\n"
        "A: It holds."
    )
    found = [c.sentence for c in extract_candidates(text, published_at=PUBLISHED)]
    assert found == ["A: Then the ten-year yield drifts back toward 2.4%, perhaps lower."]


def test_then_you_and_an_outcome_answers_a_conditional_question() -> None:
    text = (
        "Interview: Kellway Bank's Marit Vold on trade\n\n"
        "Marit Vold has been chief economist at Kellway Bank since 2019.\n\n"
        "Q: What happens if the tariffs stay?\n\n"
        "A: Then you lose a point of growth by the end of next year.\n\n"
        "Q: And if they go?\n\n"
        "A: Then you see what the factories can do."
    )
    found = [c.sentence for c in extract_candidates(text, published_at=PUBLISHED)]
    assert found == ["A: Then you lose a point of growth by the end of next year."]


def test_a_pronoun_that_did_not_expect_an_outcome_is_the_person_just_named() -> None:
    text = (
        "Ines Marr, head of research at Orrin Securities, said she expected Brent to average "
        "$70 next year. She did not expect the group to cut output on Sunday. She doesn't "
        "expect a deal in March either."
    )
    speakers = [c.speaker for c in extract_candidates(text, published_at=PUBLISHED)]
    assert speakers == ["Ines Marr", "Ines Marr", "Ines Marr"]


def test_a_quotation_paragraph_is_the_one_the_next_paragraph_says_made_that_call() -> None:
    text = (
        "The Bank of Kellmark cut its rate on Thursday.\n\n"
        '"They have left the door open. I think they cut once more, in the spring."\n\n'
        "Ines Marr, chief economist at Orrin Partners, made that call in an interview on Friday."
    )
    assert only(text).speaker == "Ines Marr"


def test_a_lede_s_two_banks_that_cut_their_forecasts_are_the_banks_named_after() -> None:
    text = (
        "LONDON, March 3 (Kell Wire) - Copper fell on Tuesday, and two banks cut their price "
        "forecasts for next year, saying a surplus would build through 2025.\n\n"
        "Copper was down 1%.\n\n"
        "Orrin Capital lowered its 2025 copper forecast to $8,000 a tonne from $9,000.\n\n"
        "Kell Bank cut its forecast to $8,200, saying demand would slow next year."
    )
    lede = extract_candidates(text, published_at=PUBLISHED)[0]
    assert lede.speakers == ("Orrin Capital", "Kell Bank")


def test_a_month_as_the_subject_dates_a_source_s_should() -> None:
    text = (
        "The Kellmark Weather Service issued its winter outlook on Monday. February should be "
        "close to normal, with mild spells in the south, according to the outlook."
    )
    assert only(text).speaker == "Kellmark Weather Service"
    vague = (
        "The Kellmark Weather Service issued its winter outlook on Monday. Things should be "
        "close to normal, according to the outlook."
    )
    assert extract_candidates(vague, published_at=PUBLISHED) == []


def test_what_would_not_change_a_trend_is_too_vague_to_check() -> None:
    for text in [
        "Even a wet spring would not change the long-term drying trend, Ada Brun said.",
        "Ada Brun said the strike would not alter the direction of the market.",
    ]:
        assert extract_candidates(text, published_at=PUBLISHED) == [], text
    assert only("Ada Brun said the vote would change the result in May.").speaker == "Ada Brun"


def test_that_was_the_warning_from_a_person_names_the_quotation_above() -> None:
    text = (
        "Cases rose 20% last week, the health minister, Ada Brun, said on Monday. Brun said "
        "cases would peak in January, she said.\n\n"
        '"We will run out of beds by Christmas."\n\n'
        "That was the warning from Dr. Oren Falk, medical director of Kell General Hospital."
    )
    found = extract_candidates(text, published_at=PUBLISHED)
    assert found[-1].speaker == "Oren Falk"


def test_a_negation_or_answer_word_opening_a_sentence_is_never_a_speaker() -> None:
    for text, word in [
        ("Not next year, though, predicts the bank.", "Not"),
        ("Never, said the minister, would the rate rise above 5% next year.", "Never"),
        ("Yes, predicted the bank, growth will rise 2% next year.", "Yes"),
    ]:
        assert only(text).speaker != word, text


def test_an_electoral_body_expecting_results_from_a_share_of_stations_forecasts() -> None:
    text = (
        "The electoral tribunal said it expects to publish preliminary results from about 80% "
        "of polling stations by midnight on Sunday."
    )
    assert only(text).speaker == "electoral tribunal"
    timetable = "The electoral tribunal said it expects to publish official results on Monday."
    assert extract_candidates(timetable, published_at=PUBLISHED) == []


def test_the_worst_of_something_as_the_subject_is_no_superlative_judgement() -> None:
    text = '"The worst of the rain will have passed by Friday," said forecaster Lena Ross.'
    assert speakers_of(text) == ["Lena Ross"]
    judgement = "It is the worst decision this council will make."
    assert extract_candidates(judgement, published_at=PUBLISHED) == []


def test_a_body_s_own_assessment_that_found_an_outcome_coming_is_the_body_s() -> None:
    text = (
        "Kell Town Council's own impact assessment, published in March, found that footfall "
        "would fall by 5% next year."
    )
    assert speakers_of(text) == ["Kell Town Council"]


def test_a_body_a_lede_writes_by_kind_takes_the_full_name_given_later() -> None:
    text = (
        "KELL, Feb 19 (Tallis Wire) - A flu outbreak is likely to keep spreading for at least "
        "three more months, the state health department said on Thursday.\n\n"
        "Lena Ross, a spokeswoman for the Valmora Department of Public Health, said clinics "
        "were busy."
    )
    assert speakers_of(text) == ["Valmora Department of Public Health"]


def test_firms_a_lede_counts_are_the_ones_the_next_sentences_name() -> None:
    text = (
        "Phone shipments are set to fall next year, according to forecasts published this "
        "week by two research firms.\n\n"
        "Norvale Data said on Tuesday that it now expects shipments to drop 2% in 2025. "
        "Prices of memory chips have jumped since September.\n\n"
        "Kellway Analytics forecasts a steeper fall of 3%."
    )
    (lede, *_) = extract_candidates(text, published_at=PUBLISHED)
    assert lede.speakers == ("Norvale Data", "Kellway Analytics")


def test_the_same_model_is_the_one_just_quoted_and_speaks_for_its_maker() -> None:
    text = (
        "Norvale Research's seat model projects the Greens to win 44 seats. The same model "
        "gives the party a 78% chance of finishing first."
    )
    assert speakers_of(text) == ["Norvale Research", "Norvale Research"]


def test_a_long_or_tough_time_ahead_is_a_judgement_not_a_forecast() -> None:
    for text in [
        '"It is going to be a long quarter for the producers," Lena Ross said.',
        '"This will be a tough winter for farmers," Lena Ross said.',
    ]:
        assert speakers_of(text) == [], text


def test_a_source_saying_something_is_heading_for_an_outcome_forecasts_it() -> None:
    for text in [
        "The north is heading for a wetter winter than usual, the Norland Weather Service said.",
        "The levy is headed for defeat next week, according to Norpoll Research.",
    ]:
        assert len(speakers_of(text)) == 1, text
    assert speakers_of("The ship is heading for the port, Lena Ross said.") == []


def test_according_to_a_body_s_own_assessment_ending_the_sentence_gives_the_body() -> None:
    text = (
        "The Valmora Standards Authority published the rules on Monday. The rules are "
        "expected to cost firms about £400 million a year, according to the authority's own "
        "impact assessment."
    )
    assert speakers_of(text) == ["Valmora Standards Authority"]


def test_an_official_reporting_her_body_s_published_forecasts_speaks_for_the_body() -> None:
    text = (
        "The Reserve Bank of Valmora held rates on Tuesday.\n\n"
        "Deputy Governor Lena Ross noted that the bank's latest forecasts, published in "
        "August, see growth picking up to around 2.1% by the end of next year."
    )
    assert speakers_of(text) == ["Reserve Bank of Valmora"]
    own = "Deputy Governor Lena Ross said she expected growth to pick up to 2.1% next year."
    assert speakers_of(own) == ["Lena Ross"]


def test_an_explainer_s_probably_under_a_question_heading_is_the_writer_s_forecast() -> None:
    text = (
        "Flu in Norland: what happens next\n\n"
        "Will the clinics stay open over Christmas?\n\n"
        "Probably. The ministry has paid for extra staff until January.\n\n"
        "Has the wave peaked?\n\n"
        "Probably."
    )
    found = [(c.sentence, c.speaker) for c in extract_candidates(text, published_at=PUBLISHED)]
    assert found == [("Probably.", None)]


def test_the_agency_credited_in_a_dateline_never_speaks_for_the_lede_s_firm() -> None:
    text = (
        "Tollrun Cycles sees sales rise after glut clears\n\n"
        "By Mara Lind\n\n"
        "ARLEN, Dec 2 (Northgate Wire) - Bicycle maker Tollrun Cycles reported results on "
        "Wednesday.\n\n"
        "Shares in the company rose 5% in early trading.\n\n"
        "Tollrun, whose year ends in September, now expects revenue of 900 million euros in "
        "2027. It sees its operating margin improving in the new financial year."
    )
    assert speakers_of(text) == ["Tollrun Cycles", "Tollrun Cycles"]


def test_the_agency_credited_in_a_placeless_dateline_never_speaks() -> None:
    text = (
        "Nov 25 (Northgate Wire) - Ring shipments rose 4% in the quarter.\n\n"
        "It expects prices to rise next year."
    )
    assert speakers_of(text) == [None]


def test_sees_at_least_a_count_or_an_amount_of_something_to_come_forecasts_it() -> None:
    assert speakers_of(
        "Lena Ross, an economist at Dalby Bank, spoke on Monday. "
        "She sees at least three quarter-point cuts by the end of next year."
    ) == ["Lena Ross"]
    assert speakers_of(
        "The Norland Energy Agency, by contrast, sees a supply surplus of more than "
        "2 million barrels a day next year."
    ) == ["Norland Energy Agency"]
    assert speakers_of("She sees a collection of 40 paintings in the museum.") == []


def test_an_interviewer_s_question_framed_by_an_unnamed_rival_is_no_claim() -> None:
    text = (
        "We spoke to Dalby Orbital's chief executive, Mara Lind.\n\n"
        "Q: Your American rival says satellite calls will be available to the public in "
        "2028. Will they?\n\n"
        "LIND: Not in 2028. Maybe later."
    )
    found = [(c.sentence, c.speaker) for c in extract_candidates(text, published_at=PUBLISHED)]
    assert found == [("LIND: Not in 2028.", "Mara Lind")]


def test_a_lede_s_country_s_central_bank_is_the_bank_the_story_names_not_the_wire() -> None:
    text = (
        "ARLEN, Dec 3 (Northgate Wire) - Norland's central bank held its main rate at 4% on "
        "Thursday and said inflation was likely to stay above its target next year.\n\n"
        "The National Bank of Norland's board voted 5-2 to hold."
    )
    assert speakers_of(text) == ["National Bank of Norland"]


def test_it_saw_a_figure_returning_to_target_is_the_body_s_view() -> None:
    text = (
        "The National Bank of Norland held rates on Thursday.\n\n"
        "It saw inflation returning to the 2% target only in the second half of 2028."
    )
    assert speakers_of(text) == ["National Bank of Norland"]


def test_a_body_closing_its_sites_or_running_its_services_makes_no_forecast() -> None:
    for text in [
        "Tollrun cut 600 jobs and will close its assembly plant in Arlen by June.",
        "The Norland Hospitals Trust said it would postpone some planned operations in "
        "January to free up beds.",
        "Pharmacies will offer walk-in appointments on Saturdays until Dec. 19.",
        "Superintendent Mara Lind said all teachers would be offered positions at other "
        "schools in the district.",
        "Dalby Mobile said it would announce pricing closer to launch.",
    ]:
        assert speakers_of(text) == [], text
    assert len(speakers_of("Lena Ross said Tollrun would close the gap on its rival by 2027.")) == 1


def test_a_poll_read_as_seats_if_an_election_were_held_today_is_present() -> None:
    for text in [
        "If an election were held today, those shares would give the Greens 58 of the 169 "
        "seats in parliament, Norpoll said.",
        "Were a general election held now, Labour would win 300 seats, Norpoll said.",
    ]:
        assert speakers_of(text) == [], text
    assert speakers_of("Norpoll said the Greens would win 58 seats at the election.") == ["Norpoll"]


def test_a_model_run_for_a_body_by_another_speaks_as_the_one_that_runs_it() -> None:
    text = (
        "The Norland Hockey League opened its season in October.\n\n"
        "The league's statistical model, run by its data partner Dalby Sports Data, "
        "projects the Comets to finish the regular season with 29 wins."
    )
    assert speakers_of(text) == ["Dalby Sports Data"]


def test_the_company_opening_a_sentence_is_not_a_firm_named_later_in_it() -> None:
    text = (
        "Dalby Orbital, a satellite start-up, has 14 satellites in orbit.\n\n"
        "The company expects its service to reach customers of its first partner, the "
        "Dutch operator Kade Mobile, in the second half of 2027."
    )
    assert "Kade Mobile" not in speakers_of(text)
    named = text.replace("satellite start-up", "satellite company")
    assert speakers_of(named) == ["Dalby Orbital"]


def test_a_sentence_adverb_before_a_body_names_no_speaker() -> None:
    assert speakers_of(
        "Nationally, the Tarn Health Security Agency said on Thursday that it expected cases "
        "to keep rising for at least the next fortnight."
    ) == ["Tarn Health Security Agency"]


def test_a_plus_closing_a_name_makes_another_body() -> None:
    assert speakers_of(
        "Oil fell after the meeting.\n\nOPEC+ said it expected demand to grow more slowly in 2027."
    ) == ["OPEC+"]


def test_a_party_of_its_leader_is_two_names_when_she_is_called_by_title() -> None:
    text = (
        "The poll put the centre-right Moderate Union of Kristina Lund on 22.8%.\n\n"
        "Ms. Lund, whose party has never led a government, said she expected the Moderate "
        'Union to finish first "for the first time".'
    )
    assert speakers_of(text) == ["Kristina Lund"]


def test_a_lede_s_company_called_by_its_kind_is_the_firm_named_next() -> None:
    text = (
        "Driverless taxis to start trials\n\n"
        "By Tom Ash\n\n"
        "Self-driving taxis could be carrying paying passengers by next autumn, the company "
        "behind the service said yesterday.\n\n"
        "Arrow Mobility, a London start-up, will begin trials in March."
    )
    assert speakers_of(text) == ["Arrow Mobility"]


def test_a_person_described_by_age_is_the_one_the_story_is_about() -> None:
    text = (
        "Kolk eyes third title\n\n"
        "By Neil Farr\n\n"
        "Defending champion Ruud van der Berg is the favourite to win a third title.\n\n"
        "The tournament runs until Jan. 3.\n\n"
        '"I will be holding that trophy again on Jan. 3," the 31-year-old Dutchman said.'
    )
    assert speakers_of(text)[-1] == "Ruud van der Berg"


def test_how_hard_a_time_will_feel_is_no_forecast() -> None:
    assert sentences_of('"The next two months will be difficult," Ana Roth said.') == []
    assert sentences_of('"January will be tough, but we will be back to growth by June," she said.')


def test_a_verb_with_nothing_to_check_is_no_forecast() -> None:
    assert sentences_of('"The members will decide," Ana Roth said.') == []
    assert sentences_of('"Discipline will pay off," Ana Roth said.') == []


def test_a_superlative_judgement_of_an_event_is_no_forecast() -> None:
    assert sentences_of("This will be the most consequential vote since 1990.") == []


def test_a_firm_pausing_its_own_work_is_a_plan() -> None:
    assert (
        sentences_of("Norvik will pause work on three of its sites in the spring, he said.") == []
    )


def test_a_speaker_s_own_approach_is_hers_to_choose() -> None:
    assert sentences_of("Coach Ana Roth said the injury would not change her approach.") == []


def test_an_association_s_acts_are_its_own() -> None:
    assert sentences_of("Its chair, Ana Roth, said the association would appeal the ruling.") == []
    assert (
        sentences_of("Its chair, Ana Roth, said the association would challenge the ruling.") == []
    )


def test_the_state_an_act_of_today_leaves_holds_now() -> None:
    text = "Ana Roth said rates would remain above neutral even after today's cut."
    assert sentences_of(text) == []
    assert sentences_of("Ana Roth said rates would remain above neutral through 2027.")


def test_what_voters_tell_pollsters_of_themselves_is_a_finding() -> None:
    text = "About a third of voters tell pollsters they would never vote for him."
    assert sentences_of(text) == []
    assert sentences_of("About a third of voters would never vote for him, Ana Roth said.")


_INTERVIEW = "We spoke to Lumora's chief executive, Teodora Vance.\n\n"


def test_a_forecast_being_made_is_a_forecast() -> None:
    text = _INTERVIEW + "Q: And next year?\n\nVANCE: We're forecasting sales of about 4 million."
    assert speakers_of(text) == ["Teodora Vance"]


def test_a_later_time_granted_after_a_denial_answers_the_question() -> None:
    text = (
        _INTERVIEW + "Q: Will the chip ship next year?\n\nVANCE: Probably not next year. In "
        "2028, yes. The design is late."
    )
    assert sentences_of(text) == ["VANCE: Probably not next year.", "In 2028, yes."]


def test_then_you_would_see_answers_a_question_s_condition() -> None:
    text = (
        _INTERVIEW + "Q: What happens if tariffs rise?\n\n"
        "VANCE: Then you'd see imports into the U.S. fall by a fifth."
    )
    assert speakers_of(text) == ["Teodora Vance"]


def test_an_imperative_opening_a_writer_s_sentence_names_no_one() -> None:
    assert speakers_of("Let me say what I think will happen: the mayor will lose in May.") == [None]


def test_odds_given_after_a_turn_belong_to_the_event_they_name() -> None:
    candidate = only(
        "Ana Roth said the Greens were likely to finish first, but put the odds of a majority "
        "at one in four."
    )
    assert candidate.probability == 0.7
    assert (
        only("Ana Roth said a recession was unlikely, putting the odds at one in five.").probability
        == 0.2
    )


def test_a_course_that_runs_through_a_month_is_dated() -> None:
    text = "Cases have passed their peak, Dr Ana Roth said, and should fall steadily through May."
    assert speakers_of(text) == ["Ana Roth"]


def test_a_competition_s_format_is_no_forecast() -> None:
    assert sentences_of("Group games will be played over the best of 11 legs.") == []
    assert sentences_of("Okafor will win the best-of-seven series in 2027.")


def test_odds_a_source_had_put_before_are_a_past_belief() -> None:
    text = "In March, the agency had put the chance of a record year at 70%, Ana Roth said."
    assert sentences_of(text) == []
    assert sentences_of("The agency puts the chance of a record year at 70%, Ana Roth said.")


def test_a_wait_no_one_could_time_is_no_forecast() -> None:
    text = '"Sellers are going to be waiting a long time," Ana Roth said.'
    assert sentences_of(text) == []


def test_a_bookmaker_s_price_carries_to_the_next_runner_it_prices() -> None:
    text = (
        "Harbour Bet make Norland 4/6 favourites to reach the final. Kell are 3/1 to win the cup."
    )
    assert speakers_of(text) == ["Harbour Bet", "Harbour Bet"]
    assert speakers_of("Norland won on Saturday. Kell are 3/1 to win the cup.") == []


def test_its_means_the_body_a_sentence_opens_with_after_its_kind() -> None:
    text = (
        "Calloway United host Redbridge Athletic on Saturday.\n\n"
        "The data firm Dalby Metrics is less convinced. Its model gives Calloway a 52% chance "
        "of reaching the final."
    )
    assert speakers_of(text) == ["Dalby Metrics"]


def test_a_claim_the_speaker_says_they_are_not_making_is_no_claim() -> None:
    assert sentences_of('"I am not saying the river will flood," said Ana Ruiz.') == []
    text = '"We are not saying it will snow, but the roads will freeze by Friday," said Ana Ruiz.'
    assert sentences_of(text) == [text]


def test_a_speaker_who_does_not_make_predictions_declines() -> None:
    text = '"I don\'t make forecasts that far ahead," Ana Roth said.'
    assert sentences_of(text) == []
    text = '"I\'m not going to make predictions about the title in March," Ana Roth said.'
    assert sentences_of(text) == []
    text = '"I\'m not going to sit here and say we will win the title," Ana Roth said.'
    assert sentences_of(text) == []
    assert sentences_of('"We will win the title," Ana Roth said.')


def test_a_holiday_after_a_preposition_of_time_is_a_date_not_a_speaker() -> None:
    text = (
        "Traffic analysts at Roadpulse predict that Friday will be the worst day to travel. "
        "The roads are likely to be quietest early on Boxing Day, the firm said."
    )
    assert speakers_of(text) == ["Roadpulse", "Roadpulse"]


def test_a_person_described_by_age_is_the_one_the_paragraph_before_introduced() -> None:
    text = (
        "Norland manager Ana Roth spoke on Monday about the cup.\n\n"
        "Kell have won only once in seven games. Their captain, Liv Berg, was in a bullish "
        "mood.\n\n"
        '"We will finish in the top four," the 31-year-old Swede said.'
    )
    assert speakers_of(text) == ["Liv Berg"]


def test_a_person_described_by_age_and_post_is_the_post_s_holder() -> None:
    text = (
        '"The headset will ship in March," Chief Executive Joel Marsh said on the call.\n\n'
        "Dana Holt, an analyst at Greyfield, said sales were slow.\n\n"
        "The 54-year-old chief executive, who returned in 2024, also said he expected the "
        "unit to turn a profit next year."
    )
    assert speakers_of(text) == ["Joel Marsh", "Joel Marsh"]


def test_could_measuring_a_comparison_is_no_forecast() -> None:
    text = (
        "Prices fell on Monday after producers added barrels faster than the world could use them."
    )
    assert sentences_of(text) == []
    assert sentences_of("Prices could fall below $50 next year, Ana Roth said.")


def test_should_for_a_group_described_by_who_is_in_it_is_advice() -> None:
    text = (
        "The Health Agency said on Monday that flu cases would rise. People with heart "
        "conditions should keep their homes heated to at least 18C, the agency said."
    )
    assert speakers_of(text) == ["Health Agency"]


def test_a_fear_is_held_by_its_subject() -> None:
    assert sentences_of("Some industry executives fear the shortage could last into 2029.") == []
    assert speakers_of("Kestrel Semiconductor fears the shortage could last into 2029.") == [
        "Kestrel Semiconductor"
    ]


def test_a_forecast_published_by_a_firm_of_a_kind_is_the_firm_s() -> None:
    text = (
        "Server sales will rise 31% next year, according to a forecast published on Monday by "
        "the research firm Dalby Metrics."
    )
    assert speakers_of(text) == ["Dalby Metrics"]


def test_a_name_the_standfirst_gave_is_a_firm_once_the_body_calls_it_one() -> None:
    text = (
        "IT spending to rise\nDalby Metrics and Orrin Data agree on servers\n\n"
        "Server sales will rise 31% next year, according to a forecast published on Monday by "
        "the research firm Dalby Metrics.\n\n"
        "Software sales will reach $6.3 trillion in 2027, the firm said."
    )
    assert speakers_of(text) == ["Dalby Metrics", "Dalby Metrics"]


def test_a_lede_s_body_called_by_its_kind_is_the_one_the_next_sentence_names() -> None:
    text = (
        "Mild winter likely, say forecasters\n\n"
        "Winter in Norland is likely to be milder than average, the national weather service "
        "said on Tuesday, although its forecasters warned of a cold snap.\n\n"
        "The Norland Meteorological Service's seasonal outlook gives a 60 per cent chance that "
        "temperatures will be above average."
    )
    assert speakers_of(text) == ["Norland Meteorological Service"] * 2


def test_a_lede_s_body_may_be_named_after_an_opening_phrase_of_the_next_sentence() -> None:
    text = (
        "Wet spring ahead\n\n"
        "Spring in Ostvik will probably be wetter than usual, the national weather service said "
        "on Monday.\n\n"
        "In its quarterly outlook, the Ostvik Hydrological Office put the chance of a wet spring "
        "at 60%."
    )
    assert speakers_of(text) == ["Ostvik Hydrological Office"] * 2


def test_a_lede_s_course_said_by_a_body_called_by_its_kind_is_its_forecast() -> None:
    text = (
        "Cold winter ahead\n\n"
        "Ostvik is heading for a colder winter than usual, the national weather service said "
        "on Monday.\n\n"
        "The Ostvik Hydrological Office said frost would come early."
    )
    assert speakers_of(text) == ["Ostvik Hydrological Office"] * 2


def test_unnamed_people_after_an_inverted_verb_hold_the_view() -> None:
    text = "Mild winter likely, say forecasters, but a cold snap could come in January."
    assert speakers_of(text) == []


def test_those_told_after_the_verb_are_its_object_not_its_subject() -> None:
    text = (
        '"We will see between 150 and 200 cases," the authority\'s director, Dr. Ana Roth, '
        "told reporters."
    )
    assert speakers_of(text) == ["Ana Roth"]


def test_they_after_people_named_together_are_those_people() -> None:
    text = (
        "The Bank of Norland cut its rate to 3%. Two members, Deputy Governor Ana Roth and "
        "external member Liv Berg, preferred to hold. They judged that inflation would remain "
        "above 4 per cent next year."
    )
    (candidate,) = extract_candidates(text, published_at=PUBLISHED)
    assert candidate.speaker == "Ana Roth"
    assert candidate.speakers == ("Ana Roth", "Liv Berg")


def test_a_quotation_paragraph_is_the_speaker_the_next_paragraph_introduces() -> None:
    text = (
        "Analysts at Sundberg Bank, led by Clara Holt, wrote that stocks would swell.\n\n"
        "\"People keep waiting for a cut. I don't think it will come before the summer. "
        'Brent will stay below $55 next year."\n\n'
        "The speaker, Dmitri Lund, has traded crude for three decades."
    )
    assert speakers_of(text) == ["Clara Holt", "Dmitri Lund", "Dmitri Lund"]


def test_an_electorate_choosing_a_president_is_a_schedule() -> None:
    text = "Three months from now, Norlanders will choose a president."
    assert sentences_of(text) == []
    assert sentences_of("Three months from now, Norlanders will choose Ana Roth as president.")


def test_what_would_have_happened_in_a_past_that_did_not_is_no_forecast() -> None:
    for text in [
        "Had the vote been held last week, the Greens would have finished first in nine "
        "regions, Norpoll said.",
        "If the referendum had been held in June, the proposal would have passed, Norpoll said.",
    ]:
        assert speakers_of(text) == [], text
    assert speakers_of("Norpoll said the Greens would finish first in nine regions.") == ["Norpoll"]


def test_the_writer_s_numbered_calls_are_forecasts_and_numbered_advice_is_not() -> None:
    text = (
        "By Ada Quill\n\n"
        "Second, Varga will top the first round. The opposition has split.\n\n"
        "Fourth, and here I am on thinner ice, Lund will win the runoff.\n\n"
        "First, the council should stop promising that the fund will deliver a boom."
    )
    assert [c.sentence for c in extract_candidates(text, published_at=PUBLISHED)] == [
        "Second, Varga will top the first round.",
        "Fourth, and here I am on thinner ice, Lund will win the runoff.",
    ]


def test_a_hedged_answer_with_the_time_it_denies_answers_the_question() -> None:
    text = _INTERVIEW + "Q: Will you reach the target?\n\nVANCE: Probably not this season."
    assert speakers_of(text) == ["Teodora Vance"]
    assert only(text).probability is not None


def test_an_opinion_of_where_a_figure_goes_or_how_far_off_an_event_is_is_a_forecast() -> None:
    for text in [
        '"We think it goes above $45 by the middle of 2027," said Ana Roth, an analyst.',
        '"We think it settles at around 3.3% by the end of 2027," said Ana Roth, an economist.',
        '"I think we are about two to three weeks from the peak," said Ana Roth, a doctor.',
    ]:
        assert speakers_of(text) == ["Ana Roth"], text
    assert speakers_of('"I think we are two weeks from home," said Ana Roth, a sailor.') == []


def test_they_after_a_group_led_by_a_named_analyst_is_that_analyst() -> None:
    text = (
        "Analysts at Corvel Bank led by Ana Roth said they expected Brent to average $58 "
        "next year.\n\n"
        '"The market will be in surplus in every quarter of 2027," they wrote in a note.'
    )
    assert speakers_of(text) == ["Ana Roth", "Ana Roth"]


def test_unnamed_people_who_worry_hold_no_trackable_forecast() -> None:
    assert (
        sentences_of("Some investors worry that the new plants will produce a glut in 2028.") == []
    )
    assert speakers_of(
        "Tarnell Capital worries that the new plants will produce a glut in 2028."
    ) == ["Tarnell Capital"]


def test_its_after_a_firm_introduced_as_an_aside_is_that_firm() -> None:
    text = (
        "Tablet shipments will fall 2% next year, the research firm Kessel Data said. "
        "A rival firm, Orrin Analytics, is gloomier. "
        "Its analysts expect shipments to drop 4% in 2027."
    )
    assert speakers_of(text) == ["Kessel Data", "Orrin Analytics"]


def test_a_bookmaker_offering_odds_of_a_price_on_a_runner_gives_its_chance() -> None:
    text = "Bookmaker Fenwick Bet offers odds of 4/6 on the Greens finishing as the largest party."
    candidates = extract_candidates(text, published_at=PUBLISHED)
    assert [(c.speaker, c.probability) for c in candidates] == [("Fenwick Bet", 0.6)]


def test_a_strain_to_come_with_nothing_to_measure_it_by_is_no_forecast() -> None:
    text = "HERALD: Will the clinics cope?\n\nMARKS-ODUYA: They will be stretched."
    assert sentences_of(text) == []
    assert sentences_of("It will be tight.") == []
    assert sentences_of("They will be relegated in May.") == ["They will be relegated in May."]


def test_a_model_making_a_side_favourites_gives_the_odds_it_sets_out() -> None:
    text = (
        "The data firm Pitchline expects Rovers to finish fourth. For Sunday, its match model "
        "makes Rovers narrow favourites: 44% for a home win, 26% for a draw and 30% for Kell."
    )
    candidates = extract_candidates(text, published_at=PUBLISHED)
    assert [(c.speaker, c.probability) for c in candidates][1:] == [("Pitchline", 0.44)]


def test_an_answer_quoted_before_its_speaker_under_a_question_takes_the_question() -> None:
    text = (
        "Hiring slowed in the autumn.\n\nWill prices keep rising in 2027?\n\n"
        '"Yes, but not by much," said Ilse Varga-Moreau, chief economist at Tolland Bank.'
    )
    assert speakers_of(text) == ["Ilse Varga-Moreau"]


def test_a_call_recalled_from_the_last_contest_is_a_past_belief() -> None:
    assert sentences_of("Last time, in 2019, I said Marta Ilves would win the mayoralty.") == []
    assert sentences_of("HOST: Last season you said Dunmore would win the cup.") == []
    assert sentences_of("I said Marta Ilves would win the mayoralty next month.") != []


def test_a_speaker_who_will_not_make_calls_about_a_year_gives_none() -> None:
    text = 'Asked about the risk, Olsen said she would not "make calls about 2029 this early."'
    assert sentences_of(text) == []


def test_a_party_forming_the_next_government_waits_on_the_voters() -> None:
    text = (
        "Nora Vance leads the Civic Party. "
        '"We will form the next government before Easter," she told a crowd at the docks.'
    )
    assert speakers_of(text) == ["Nora Vance"]
    assert sentences_of('"We will form a working group on rents," she said.') == []
    assert sentences_of("Vance has said she will form a government with any party.") == []


def test_the_seats_a_projection_gives_are_its_owners_forecast() -> None:
    text = (
        "Varden Analytics published its final model on Sunday. But Varden's projection for "
        "Oct. 9 itself, which allows for late swings, gives the Greens between 40 and 46 "
        "seats, short of a majority."
    )
    assert speakers_of(text) == ["Varden Analytics"]
    text = "A seat projection published by Ostra Research on Friday gave the Labour Union 61 seats."
    assert speakers_of(text) == ["Ostra Research"]
    text = (
        "The Federal Office for Energy Statistics' projection, published last month, has "
        "demand growing 1.2% in 2027."
    )
    assert speakers_of(text) == ["Federal Office for Energy Statistics"]
    text = (
        "The data firm Pitchline expects Rovers to finish fourth. Its season simulations have "
        "Dunmore finishing on 71 points, three behind the leaders."
    )
    assert speakers_of(text) == ["Pitchline", "Pitchline"]


def test_a_pledge_for_a_partys_government_is_no_forecast() -> None:
    text = "Ms. Marren has said a Labour Union government would scrap the levy within a year."
    assert sentences_of(text) == []
    text = "Ms. Marren has said a Labour Union government would struggle to pass a budget in 2025."
    assert speakers_of(text) == ["Marren"]


def test_some_of_a_group_warning_is_no_one_to_track() -> None:
    assert sentences_of("Some MPs have warned that waiting lists will lengthen in January.") == []
    assert sentences_of("Some NHS managers fear that waiting lists will lengthen by May.") == []
    text = "Some ferry sailings will almost certainly be cancelled on Friday, the service said."
    assert sentences_of(text) != []


def test_a_pundit_who_expects_a_draw_forecasts_the_result() -> None:
    text = "Former Rovers captain Ian Moss, now a radio pundit, expects a draw."
    assert speakers_of(text) == ["Ian Moss"]
    assert sentences_of("Ian Moss expects a quiet week.") == []


def test_hoping_to_be_wrong_leaves_the_forecast_standing() -> None:
    text = "I hope I am wrong about the count, which I expect to fall below 40% in the runoff."
    assert sentences_of(text) == [text]
    assert sentences_of("I hope turnout will rise above 40% in the second round.") == []


def test_a_banks_own_forecast_stated_as_its_figure_is_the_banks() -> None:
    text = "Tolland Bank expects a slowdown. Tolland's own forecast for overall growth is 0.7%."
    assert speakers_of(text)[-1:] == ["Tolland Bank"]
    assert sentences_of("The bank's forecast for 2023 was 2.4%.") == []


def test_a_body_named_in_a_relative_clause_gives_the_chance() -> None:
    text = (
        "The warming reflects a weak El Nino, which the World Weather Council said last week "
        "had a 70% chance of persisting through March."
    )
    assert [
        (c.speaker, c.probability) for c in extract_candidates(text, published_at=PUBLISHED)
    ] == [("World Weather Council", 0.7)]


def test_handing_the_question_to_the_voters_declines_it() -> None:
    text = 'Asked if he would keep his seat, Holm said: "The voters will decide that, not me."'
    assert sentences_of(text) == []


def test_a_firm_more_cautious_than_another_at_a_figure_forecasts_it() -> None:
    text = (
        "Tessaly Insights expects shipments to grow 2% next year. "
        "Varnum Data is slightly more cautious, at 1.4% growth."
    )
    assert speakers_of(text) == ["Tessaly Insights", "Varnum Data"]


def test_we_will_see_who_leaves_the_choice_to_the_day() -> None:
    assert sentences_of('"We will see who is ready on Friday," said coach Ilse Varga.') == []
    assert sentences_of('"We will see which of them starts," Varga said.') == []


def test_a_group_picked_out_by_what_it_will_do_is_a_description() -> None:
    text = '"There are plenty of renters who simply will not move this year," said Ana Ruiz.'
    assert sentences_of(text) == []
    assert len(sentences_of('"Renters will not move this year," said Ana Ruiz.')) == 1


def test_a_subject_with_a_future_relative_clause_and_a_present_verb_is_present() -> None:
    text = "The flats that will open this spring are mostly sold already, Ana Ruiz said."
    assert sentences_of(text) == []
    likely = "The flats that will open this spring are likely to sell out by June, Ana Ruiz said."
    assert len(sentences_of(likely)) == 1
    named = "The side that will win the title is Rovers, Ana Ruiz said."
    assert len(sentences_of(named)) == 1


def test_going_there_to_win_is_an_aim_not_a_forecast() -> None:
    assert sentences_of('"We will go out to win on Sunday," said coach Ilse Varga.') == []
    assert len(sentences_of('"We will win on Sunday," said coach Ilse Varga.')) == 1


def test_a_reported_aim_to_win_is_an_aim_not_a_forecast() -> None:
    assert sentences_of("Coach Ilse Varga said her team would go out to win on Sunday.") == []
    assert len(sentences_of("Coach Ilse Varga said her team would win on Sunday.")) == 1


def test_an_unnamed_delegate_of_an_unnamed_member_is_nobody_to_track() -> None:
    text = "A trader at one Asian refiner said Brent would probably fall below $60 by June."
    assert sentences_of(text) == []
    assert len(sentences_of("Ana Ruiz said Brent would probably fall below $60 by June.")) == 1


def test_a_bare_may_have_to_is_a_possibility() -> None:
    text = "Ana Ruiz said several schools may have to close their pools in March."
    assert sentences_of(text) == []
    assert len(sentences_of("Ana Ruiz said several schools would have to shut in March.")) == 1


def test_stocks_seen_building_through_a_season_are_a_forecast() -> None:
    text = (
        "Tollard Bank expects a glut. "
        '"We see stocks building in every month through June," wrote Tollard Bank\'s head of '
        "energy research, Ana Ruiz."
    )
    assert speakers_of(text) == ["Ana Ruiz"]
    assert sentences_of('"We see a building in every town," said Ana Ruiz.') == []


def test_its_analyst_named_is_the_speaker_not_the_firm() -> None:
    text = (
        "Varnum Data cut its forecast for tablet shipments to a 4% fall this year. "
        "Its analyst Tomas Ekberg said prices were likely to rise by 6% in the first half."
    )
    assert speakers_of(text) == ["Varnum Data", "Tomas Ekberg"]


def test_a_projected_path_that_implies_a_level_is_a_forecast() -> None:
    text = (
        "The Tarn Reserve Bank held its policy rate at 3.5% on Thursday. "
        "The projected path for the policy rate implies a level of about 2.9% by mid-2028."
    )
    assert sentences_of(text) == [
        "The projected path for the policy rate implies a level of about 2.9% by mid-2028."
    ]


def test_a_model_that_puts_the_peak_at_a_figure_is_a_forecast() -> None:
    text = '"Our simulations put the peak at about 900 cases a day," said Ana Ruiz.'
    assert speakers_of(text) == ["Ana Ruiz"]


def test_an_aim_to_win_with_the_day_of_the_match_is_a_hope() -> None:
    for text in [
        '"We will go there on Saturday to win," Lena Ross said.',
        '"We\'ll go out next week to win it," Lena Ross said.',
    ]:
        assert sentences_of(text) == [], text


def test_a_writers_call_recalled_from_a_year_ago_is_a_past_belief() -> None:
    for text in [
        "Two years ago, on this page, I wrote that rents in Orvia would fall by the spring.",
        "Six months ago we argued that the bank would cut rates twice this year.",
    ]:
        assert sentences_of(text) == [], text


def test_advice_to_a_group_narrowed_twice_is_no_forecast() -> None:
    text = (
        "Lena Ross, of the Orvia Health Board, said residents over 70 who missed the autumn "
        "round should get the shot soon."
    )
    assert sentences_of(text) == []


def test_not_yet_under_a_question_whether_a_peak_is_reached_is_about_today() -> None:
    text = (
        "Mara Lund is chief epidemiologist at the Orvia Health Board.\n\n"
        "HOST: Has the measles wave passed its peak?\n\n"
        "LUND: Not yet. Cases are still rising."
    )
    assert sentences_of(text) == []


def test_a_strain_to_come_on_a_plural_noun_is_too_vague_to_check() -> None:
    text = (
        "Mara Lund is chief epidemiologist at the Orvia Health Board.\n\n"
        "HOST: How bad will the winter be?\n\n"
        "LUND: Clinics will be under serious pressure. Staff are tired."
    )
    assert sentences_of(text) == []


def test_where_an_event_can_be_watched_is_an_arrangement_not_a_forecast() -> None:
    release = (
        "Orvia Bank holds rate at 3%\n\nPRESS RELEASE\n\n"
        "The Board of the Orvia Bank decided today to keep the policy rate at 3%.\n\n"
        "The governor's briefing will be broadcast live on the Bank's website."
    )
    assert sentences_of(release) == []
    text = "The governor's speech will be streamed on its website, Orvia Bank said."
    assert sentences_of(text) == []


def test_team_news_of_a_missing_player_is_no_forecast() -> None:
    text = (
        "The visitors will be without their captain, Lena Ross, who hurt a knee in last "
        "weekend's 2-0 win over Dunmore. Kell will also be without the suspended Ana Ruiz on "
        "Saturday."
    )
    assert sentences_of(text) == []


def test_a_utility_resetting_its_own_timetable_is_a_pledge() -> None:
    for text in [
        "Orvia Water said it would ask households to save water and would bring forward work "
        "on its pipes from April.",
        "Kell Power said it would bring forward the upgrade of its northern grid to 2027.",
    ]:
        assert sentences_of(text) == [], text


def test_how_a_manager_means_his_side_to_play_is_a_pledge() -> None:
    for text in [
        "Kell manager Lena Ross insists her side will not sit back in the return leg.",
        "Kell manager Lena Ross insists her side will not play for a draw in the return leg.",
    ]:
        assert sentences_of(text) == [], text


def test_a_forecast_a_body_is_keeping_is_restated() -> None:
    text = (
        "Trade Minister Lena Ross said the ministry was keeping its forecast of 2.4% export growth."
    )
    assert speakers_of(text) == ["Lena Ross"]


def test_a_party_described_before_its_name_speaks_for_itself() -> None:
    text = "The opposition Kell Alliance said on Friday that the levy would cost 4,000 jobs."
    assert speakers_of(text) == ["Kell Alliance"]


def test_a_boast_that_nobody_can_ignore_the_speaker_is_no_forecast() -> None:
    for text in [
        '"After the spring vote no one will be able to write us off," Lena Ross said.',
        '"No one will be able to ignore them after May," Lena Ross said.',
    ]:
        assert sentences_of(text) == [], text


def test_seeing_a_thing_as_passing_is_a_judgement_not_a_forecast() -> None:
    for text in [
        "Kell Research's analysts see the price spike as transitory.",
        "Kell Research sees the slump in orders as largely temporary.",
    ]:
        assert sentences_of(text) == [], text


def test_how_long_a_speaker_thinks_until_an_event_is_a_forecast() -> None:
    text = (
        "Mara Lund is chief epidemiologist at the Orvia Health Board.\n\n"
        "HOST: Has the wave crested?\n\n"
        "LUND: No. I think we are one to two weeks away from it."
    )
    assert speakers_of(text) == ["Mara Lund"]
    assert speakers_of('"I think we are a few weeks away from it," said Lena Ross.') == [
        "Lena Ross"
    ]


def test_what_a_match_may_be_like_to_watch_is_no_forecast() -> None:
    text = (
        "Strong wind is expected at the ground on Sunday, which could make for a messy, "
        "stop-start derby."
    )
    assert sentences_of(text) == []


def test_a_lede_crediting_two_banks_takes_the_banks_named_after_it() -> None:
    text = (
        "Copper prices fell on Monday, and two banks said copper was likely to drop below "
        "$9,000 a tonne by June.\n\n"
        "Three-month copper was down 1.2% at $9,410.\n\n"
        "Kell Bank cut its copper forecast to $8,900 from $9,500.\n\n"
        "Orvia Capital said it expected a surplus of 200,000 tonnes this year."
    )
    lede = extract_candidates(text, published_at=PUBLISHED)[0]
    assert (lede.speaker, lede.speakers) == ("Kell Bank", ("Kell Bank", "Orvia Capital"))


def test_a_projection_s_share_of_a_whole_or_path_to_a_figure_is_a_forecast() -> None:
    text = "The latest projection gives the Farmers' League 31 of the assembly's 120 seats."
    assert len(sentences_of(text)) == 1
    text = "The bureau's central projection has the jobless rate climbing to 6.2% next year."
    assert len(sentences_of(text)) == 1
    text = (
        "Regional Planning Agency projections released last week show rents in the city "
        "rising by 9% by 2030."
    )
    assert len(sentences_of(text)) == 1


def test_declining_to_make_a_single_prediction_is_no_forecast() -> None:
    text = "LUND: I'm not going to make a prediction about which team will win the title in May."
    assert sentences_of(text) == []


def test_an_interviewer_reporting_what_some_of_a_group_are_saying_is_no_forecast() -> None:
    text = (
        "Tomas Vell is director of the Orvia Transport Board.\n\n"
        "KEANE: Some economists are saying there will be a recession by the autumn."
    )
    assert sentences_of(text) == []
    assert sentences_of("Some economists are saying prices will fall by 5% next year.") == []


def test_an_interviewee_s_our_models_speaks_for_their_institution() -> None:
    text = (
        "Ravi Stenholm is head of forecasting at the Orvia Water Authority. He spoke to "
        "Jo Bell about the drought.\n\n"
        "BELL: How low will the reservoirs go?\n\n"
        "STENHOLM: It has been a dry winter. Our models put the peak at about 400 call-outs "
        "a day in late August.\n\n"
        "BELL: Will there be a hosepipe ban?\n\n"
        "STENHOLM: I think there will be one by July."
    )
    assert speakers_of(text) == ["Orvia Water Authority", "Ravi Stenholm"]


def test_a_lede_s_counted_banks_take_the_one_named_after_it_never_the_commodity() -> None:
    text = (
        "Copper prices fell on Monday after two banks said a surplus would drag copper below "
        "$9,000 a tonne by June.\n\n"
        "Three-month copper was down 1.2% at $9,410.\n\n"
        "Kell Bank cut its copper forecast to $8,900 from $9,500.\n\n"
        "Copper could test $8,700 in the summer, wrote Ana Brook, an analyst at Orvia Capital."
    )
    lede = extract_candidates(text, published_at=PUBLISHED)[0]
    assert lede.speaker == "Kell Bank"


def test_a_forecast_named_by_its_month_is_a_noun_and_a_past_expectation_history() -> None:
    text = "In its June forecast the agency had expected exports to grow 2.4% this year."
    assert sentences_of(text) == []


def test_an_actor_s_own_plans_carried_out_are_pledges() -> None:
    text = "He said the council would go ahead with the planned bridge repairs in the spring."
    assert sentences_of(text) == []
    text = "Orvia Rail said it was reviewing the timetable and would consult passengers."
    assert sentences_of(text) == []
    text = "Kelso Ferries will run extra evening sailings for islanders in the autumn, it said."
    assert sentences_of(text) == []


def test_a_change_framed_by_a_decision_named_after_it_is_an_arrangement() -> None:
    text = (
        "Parking charges in the centre will rise by 10% on June 1, under a decision taken by "
        "the board."
    )
    assert sentences_of(text) == []


def test_a_list_price_with_its_currency_after_the_figure_is_no_forecast() -> None:
    assert sentences_of("A day pass on the ferry will cost 12 euros.") == []
    assert len(sentences_of("The new bridge will cost 3 billion euros.")) == 1


def test_a_fare_set_at_nothing_is_a_price_not_a_forecast() -> None:
    assert sentences_of("Museum entry will be free next week.") == []
    assert len(sentences_of("The port will be free of debt by 2030.")) == 1


def test_an_appearance_in_the_diary_is_a_schedule() -> None:
    assert sentences_of("The central bank's chief will speak at 10 a.m. in Frankfurt.") == []
    assert sentences_of("The finance minister will testify before the committee on Friday.") == []


def test_projects_after_a_preposition_and_a_modifier_are_a_noun() -> None:
    text = "Orvia Power plans to spend about $2 billion on grid projects next year, its chief said."
    assert sentences_of(text) == []


def test_a_conditional_selection_in_the_first_person_is_a_pledge() -> None:
    text = 'Tom Bell said Kerr had trained. "If Kerr is fit, I\'ll name the same eleven."'
    assert sentences_of(text) == []
    assert len(sentences_of('"If it snows, we\'ll lose the tie," he said.')) == 1


def test_reaching_a_later_round_is_an_outcome_not_a_place_to_go() -> None:
    text = '"We\'ll be in the quarter-finals, no doubt," said City manager Ana Ruiz on Friday.'
    assert speakers_of(text) == ["Ana Ruiz"]


def test_a_body_named_before_its_projections_without_a_possessive_speaks() -> None:
    text = (
        "Regional Planning Agency projections released last week show rents in the city "
        "rising by 9% by 2030."
    )
    assert speakers_of(text) == ["Regional Planning Agency"]


def test_the_projection_just_credited_speaks_for_its_maker() -> None:
    text = (
        "The Greens will win the most seats, according to a projection published on Monday "
        "by the polling firm Ostra Research.\n\n"
        "The projection gives the Greens 44 of the assembly's 120 seats."
    )
    assert speakers_of(text) == ["Ostra Research", "Ostra Research"]


def test_a_speakers_own_side_doing_what_it_chooses_is_a_pledge() -> None:
    pledges = [
        "The envoy, Mara Lind, said her team would begin inspections at the port next week.",
        'Coach Ben Ortiz said his squad would "press high" and would not be using the heat '
        "as an excuse.",
        'The ministry said that the cabinet "remains committed to reform" and would not raise '
        "fuel duty.",
        "Tessel Air said on Monday it would ground nine jets on its northern routes until at "
        "least June.",
        'The premier, Joan Aske, said his envoys would "come in good faith" to the summit.',
    ]
    for text in pledges:
        assert sentences_of(text) == [], text
    forecast = "Festival director Lena Moss said they would pass 300,000 visitors this summer."
    assert len(sentences_of(forecast)) == 1


def test_a_speakers_view_of_what_a_rule_will_bring_about_is_a_forecast() -> None:
    text = (
        "Farm economist Ida Brandt said the new rules would force growers to cull a fifth "
        "of their herds by 2030."
    )
    assert speakers_of(text) == ["Ida Brandt"]
    assert sentences_of("New rules, which take effect in May, will force growers to cull.") == []


def test_a_meeting_in_the_diary_with_its_business_is_no_forecast() -> None:
    schedules = [
        "Union and employer delegates will return to the table in Varno on March 3.",
        "The council's audit panel will discuss the inspectors' findings in early June.",
    ]
    for text in schedules:
        assert sentences_of(text) == [], text


def test_a_belief_recalled_or_a_past_expectation_is_no_forecast() -> None:
    past = [
        'Last spring the bureau had said the drought would "probably ease by July".',
        "Five years ago, a commuter on the coastal line could expect a fare of about $4.",
    ]
    for text in past:
        assert sentences_of(text) == [], text
    revised = 'The bureau had said the drought would ease, but now says it will "probably" last.'
    assert len(sentences_of(revised)) == 1


def test_the_kind_of_adviser_before_a_firms_name_is_no_part_of_it() -> None:
    text = "Consultancy Brannock Partners now expects the toll to rise to $9 by 2028."
    assert speakers_of(text) == ["Brannock Partners"]


def test_a_dated_statistical_release_speaks_for_the_body_above_its_date_line() -> None:
    text = (
        "Wheat Harvest Estimate: first estimate\n\n"
        "Northern Grain Statistics Agency\n\n"
        "Released 4 March 2027, 09:30 | Next release: 6 May 2027\n\n"
        "Wheat production is forecast at 3.1 million tonnes, 4% below last season.\n\n"
        "Figures will be revised as more returns arrive.\n\n"
        "The poorer wheat harvest will matter well beyond the mills.\n\n"
        "Growers in the northern valleys should report frost damage to their district "
        "offices by 1 May."
    )
    assert speakers_of(text) == ["Northern Grain Statistics Agency"]


def test_a_season_spanning_two_years_is_dated_by_the_year_it_ends_in() -> None:
    # "2026-27" names the season still to be harvested, not a year gone by.
    text = (
        "Barley Harvest Estimate, 2026-27 season: first estimate\n\n"
        "Office of Farm Statistics\n\n"
        "Released 12 February 2027, 09:30 | Next release: 16 April 2027\n\n"
        "Barley production for the 2026-27 season is forecast at 3.4 million tonnes, 8% "
        "below the 2025-26 crop."
    )
    released = datetime(2027, 2, 12, 9, 30, tzinfo=UTC)
    found = extract_candidates(text, published_at=released)
    assert [candidate.speaker for candidate in found] == ["Office of Farm Statistics"]


def test_a_commentary_signed_inside_a_release_is_its_signers() -> None:
    text = (
        "Wool Clip Estimate: first estimate\n\n"
        "Southern Fibre Statistics Agency\n\n"
        "Released 4 March 2027, 09:30 | Next release: 6 May 2027\n\n"
        "Wool production is forecast at 310,000 tonnes.\n\n"
        "Commentary\n\n"
        "By Dr. Tomas Ferreira-Lund, Head of Fibre Statistics\n\n"
        "Exports will probably fall to about 200,000 tonnes next season."
    )
    assert speakers_of(text) == ["Southern Fibre Statistics Agency", "Tomas Ferreira-Lund"]
    titled = text.replace(
        "Commentary\n\nBy Dr. Tomas",
        "Shearing ended early after a dry spring.\n\nCommentary by Dr. Tomas",
    )
    assert speakers_of(titled) == ["Southern Fibre Statistics Agency", "Tomas Ferreira-Lund"]


def test_a_named_player_missing_is_team_news() -> None:
    text = '"We will be without Tane Rewi for the opening month," coach Mere Paku said.'
    assert sentences_of(text) == []


def test_what_a_body_is_for_stays_in_its_name() -> None:
    text = (
        "The Regional Centre for the Protection of Coastal Wetlands expects the marsh to "
        "shrink by 8% by 2035."
    )
    assert speakers_of(text) == ["Regional Centre for the Protection of Coastal Wetlands"]
    client = "Tallow Research for the Harbour Gazette expects turnout to fall to 55%."
    assert speakers_of(client) == ["Tallow Research"]


def test_a_plan_said_in_a_statement_is_a_pledge() -> None:
    text = "Vantor Ports said in a statement that it would add six new berths by the autumn."
    assert sentences_of(text) == []
    outcome = "Kelvar Steel said in a note that it would return to profit by June."
    assert len(sentences_of(outcome)) == 1


def test_keeping_a_service_going_at_least_until_a_date_is_a_pledge() -> None:
    text = '"We will keep the night buses running at least until the end of June," Ola Brenn said.'
    assert sentences_of(text) == []


def test_a_town_or_team_doing_what_its_head_says_and_a_budget_kept_are_pledges() -> None:
    pledges = [
        "The mayor of Orlby, Ada Fenn, said the town would hire four extra snowplough crews.",
        "Coach Ivo Brandt said the team would attack from the first climb.",
        "Its finance chief said Velmor would keep capital spending at about 2 billion euros.",
    ]
    for text in pledges:
        assert sentences_of(text) == [], text
    outcome = "Coach Ivo Brandt said the team would win the stage by a minute."
    assert len(sentences_of(outcome)) == 1


def test_a_promise_to_see_something_done_is_a_pledge() -> None:
    text = "The minister, Ola Vik, has pledged that the state will see 300 buses replaced."
    assert sentences_of(text) == []
    forecast = "The transport minister, Ola Vik, sees 300 buses replaced by 2028."
    assert len(sentences_of(forecast)) == 1


def test_a_release_s_own_revisions_records_and_a_measure_s_scope_are_no_forecasts() -> None:
    arrangements = [
        "Sales are adjusted for working days; figures for the latest quarter will be revised.",
        "The briefing will be held in Orlby, and a transcript will be posted the same evening.",
        "The duties will apply to about 40,000 tonnes of cheese a year and will be reviewed "
        "after two years.",
    ]
    for text in arrangements:
        assert sentences_of(text) == [], text
    assert len(sentences_of("The vaccine will be available in pharmacies by October.")) == 1


def test_a_service_an_actor_runs_expanded_is_a_pledge() -> None:
    pledges = [
        "The Board will expand its apprenticeship scheme by 4,000 places this year.",
        '"We are going to expand free screening to 30 more clinics in May," Ana Roe said.',
    ]
    for text in pledges:
        assert sentences_of(text) == [], text
    outcome = '"Orvia will expand its lead at the top this spring," Ana Roe said.'
    assert len(sentences_of(outcome)) == 1


def test_a_measure_dated_by_whoever_takes_it_is_a_schedule() -> None:
    schedules = [
        "The watchdog, Ofpow, will reset the price cap on October 1.",
        "Kessia will impose a 15% duty on imported cars from May 1, the trade ministry said.",
    ]
    for text in schedules:
        assert sentences_of(text) == [], text
    forecast = "Trade lawyer Ida Sund expects Kessia to impose a duty on imported cars by May."
    assert len(sentences_of(forecast)) == 1


def test_a_bookmaker_named_after_its_trade_and_then_as_it_quotes_odds() -> None:
    text = (
        "The bookmaker Marlbet makes Ostrova the 7/4 favourite to win the stage. It offers "
        "4/1 on the Czech rider Pavel Kuna, who won the prologue on Sunday."
    )
    found = extract_candidates(text, published_at=PUBLISHED)
    assert [(c.speaker, c.probability) for c in found] == [
        ("Marlbet", 0.363636),
        ("Marlbet", 0.2),
    ]
    offer = "Betting firm Holt & Carr offers odds of 1/2 on the Greens topping the poll."
    assert speakers_of(offer) == ["Holt & Carr"]


def test_a_chance_given_last_year_and_recalled_is_a_past_belief() -> None:
    text = (
        "The Orlby Flood Office puts the chance of a major flood this spring at 30%. "
        "Last year it put the same chance at 20%, and the river stayed within its banks."
    )
    assert speakers_of(text) == ["Orlby Flood Office"]


def test_a_recalled_forecast_followed_by_the_view_held_now_is_a_forecast() -> None:
    recalled = "Last March the Tenby Institute forecast a surplus for 2025."
    held_now = (
        "Last March the Tenby Institute forecast a surplus for 2025, and it still expects "
        "the deficit to close by 2027."
    )
    assert sentences_of(recalled) == []
    assert speakers_of(held_now) == ["Tenby Institute"]


def test_haste_or_candour_urged_is_advice() -> None:
    advice = [
        '"Savers with bonds maturing in June should not rush to reinvest," said Ada Kell.',
        '"No one should pretend this is easy," said Ada Kell.',
    ]
    for text in advice:
        assert sentences_of(text) == [], text


def test_a_player_named_after_his_role_and_missing_is_team_news() -> None:
    text = "Kessel will be without the Dutch sprinter, Arno Valk, who crashed on May 2."
    assert sentences_of(text) == []


def test_what_a_group_will_do_by_what_its_members_can_do_is_no_forecast() -> None:
    text = "Owners who can hold on will hold on, and those who cannot will sell by May."
    assert sentences_of(text) == []
    assert len(sentences_of("Owners who hold on will sell by May at a loss of 10%.")) == 1


def test_the_throughput_of_an_actor_s_own_site_is_a_pledge() -> None:
    text = "Orvia will raise output at its southern field to 300,000 bpd in May, the minister said."
    assert sentences_of(text) == []
    outcome = "Orvia's output will rise to 300,000 bpd in May, the analyst Ada Kell said."
    assert len(sentences_of(outcome)) == 1


def test_a_plan_going_on_with_its_planner_named_again_is_a_pledge() -> None:
    text = (
        "Kelvar plans to spend about $2 billion on new lines this year, and it will start "
        "production at a third plant in Dorn by the end of next year."
    )
    assert sentences_of(text) == []


def test_a_named_player_picked_to_start_is_the_manager_s_selection() -> None:
    picks = [
        "Coach Ada Kell said striker Tomas Brev would start, despite a sore ankle.",
        "Ada Kell said winger Tomas Brev had recovered from a knock and would start.",
    ]
    for text in picks:
        assert sentences_of(text) == [], text
    trend = "Analyst Ada Kell said house prices would start to fall by the summer."
    assert len(sentences_of(trend)) == 1


def test_how_hard_a_day_will_feel_is_an_evaluation() -> None:
    assert sentences_of('"No team will have a comfortable afternoon," Ada Kell said.') == []
    assert len(sentences_of('"No team will have a lead at half-time," Ada Kell said.')) == 1


def test_a_forecast_made_on_a_day_named_before_its_clause_is_a_verb() -> None:
    text = "Kelvar Trucks forecast on Tuesday that it would deliver 80,000 to 90,000 trucks."
    assert speakers_of(text) == ["Kelvar Trucks"]


def test_a_numbered_release_speaks_for_its_issuer_and_its_signer() -> None:
    text = (
        "Jobs report, May 2027\n\n"
        "Orvia Labour Office - press release no. 9/2027\n\n"
        "Unemployment rose by 4,000 in May, the Orvia Labour Office said on Friday.\n\n"
        "Vacancies fell to 210,000, the lowest since 2021.\n\n"
        "Short-time work was notified for 12,000 employees.\n\n"
        "Commentary\n\n"
        "By Dr. Ada Kell, chief economist of the Orvia Labour Office\n\n"
        "Hiring is likely to stay weak through the autumn.\n\n"
        "The Board is expected to discuss the report in July."
    )
    assert speakers_of(text) == ["Ada Kell"]


def test_a_decimal_does_not_hide_the_time_of_a_release_s_conditional_projection() -> None:
    text = (
        "Jobs report, May 2027\n\n"
        "Orvia Labour Office - press release no. 9/2027\n\n"
        "Unemployment rose by 4,000 in May, the Orvia Labour Office said on Friday.\n\n"
        "Vacancies fell to 210,000, the lowest since 2021.\n\n"
        "Short-time work was notified for 12,000 employees.\n\n"
        "Should exports weaken further, the jobless rate would pass 7.5% by the end of the year."
    )
    assert speakers_of(text) == ["Orvia Labour Office"]


def test_a_firm_s_post_then_its_holder_after_an_inverted_verb_speaks() -> None:
    text = (
        "If the new pipeline opens by May, gas prices would ease to 30 euros next winter, "
        "said Orvia's head of gas research, Dr. Ada Kell."
    )
    assert speakers_of(text) == ["Ada Kell"]


def test_a_model_s_number_for_a_time_to_come_is_a_forecast() -> None:
    text = (
        "Ada Kell leads the modelling unit at the Orvia Health Institute. She spoke to Jo "
        "Bell.\n\n"
        "BELL: What are you expecting?\n\n"
        "KELL: Our models put the number of mumps cases next year at between 80 and 120."
    )
    assert speakers_of(text) == ["Orvia Health Institute"]
    bare = text.replace("the number of mumps cases next year at", "the number at")
    assert speakers_of(bare) == ["Orvia Health Institute"]


def test_a_hedged_pick_under_a_question_heading_is_the_writer_s_answer() -> None:
    text = (
        "What happens on Sunday?\n\n"
        "Voters in Orvia choose a new council.\n\n"
        "Who will come first?\n\n"
        "Probably the Green List, led by the former deputy mayor, Ada Kell. Its rivals are "
        "split."
    )
    found = extract_candidates(text, published_at=PUBLISHED)
    assert [(c.speaker, c.probability) for c in found] == [(None, 0.7)]
    assert sentences_of("Probably the Green List, led by Ada Kell.") == []


def test_a_verbless_tip_is_the_writer_s_pick() -> None:
    text = "The derby is on Sunday.\n\nOur tip\n\nRovers to win 3-1, with Kell scoring twice."
    found = extract_candidates(text, published_at=PUBLISHED)
    assert [(c.sentence, c.speaker) for c in found] == [
        ("Rovers to win 3-1, with Kell scoring twice.", None)
    ]
    assert sentences_of("Rovers to win, the club's owner has said.") == []


def test_the_speaker_s_own_organisation_by_name_acting_is_a_pledge() -> None:
    text = (
        "Kelvar's chief executive, Mina Osei, spoke in Dorn on Monday.\n\n"
        "She said Kelvar would not order any new trucks this year and would use its cash "
        "to pay down debt."
    )
    assert sentences_of(text) == []
    outcome = (
        "Kelvar's chief executive, Mina Osei, spoke in Dorn on Monday.\n\n"
        "She said Kelvar would return to profit this year."
    )
    assert speakers_of(outcome) == ["Mina Osei"]
    other = (
        "Mina Osei, an analyst at Dorn Research, spoke on Monday.\n\n"
        "She said Kelvar would not order any new trucks this year."
    )
    assert speakers_of(other) == ["Mina Osei"]


def test_a_count_s_timetable_and_a_rule_taking_effect_are_schedules() -> None:
    schedules = [
        "The election board will certify the final results within a week of the vote.",
        "Overseas ballots, which made up 9% of the total in 2023, will be counted the following "
        "morning.",
        "The new parking rules will apply for the first time on June 3.",
    ]
    for text in schedules:
        assert sentences_of(text) == [], text


def test_a_ministry_named_with_its_field_funding_a_scheme_pledges() -> None:
    text = (
        "The Ministry of Transport will fund 12 extra night buses in the city, and drivers "
        "will be paid an extra £20 for each late shift."
    )
    assert sentences_of(text) == []


def test_feelings_unreadiness_and_long_waits_are_evaluations() -> None:
    evaluations = [
        '"After a warm autumn, many drivers will be caught out by the ice," Ada Kell said.',
        '"No tenant in this block will ever trust the landlord again," Ada Kell said.',
        '"Buyers who hold out for a crash are going to wait a long time," Ada Kell said.',
    ]
    for text in evaluations:
        assert sentences_of(text) == [], text
    assert len(sentences_of('"The bill will not pass," Ada Kell said.')) == 1


def test_unnamed_goals_vague_changes_feelings_and_memories_are_evaluations() -> None:
    evaluations = [
        '"The reforms are slow, but we will get there," Ada Kell said.',
        '"It will change the way this town shops," Ada Kell said.',
        '"Floods like this will start to feel normal," Ada Kell said.',
        "Win or lose, Sunday will be a night the village will remember.",
    ]
    for text in evaluations:
        assert sentences_of(text) == [], text
    kept = [
        '"We will get there by June," Ada Kell said.',
        '"The new bridge will change the bus routes in May," Ada Kell said.',
    ]
    for text in kept:
        assert sentences_of(text) == [text], text


def test_a_pronoun_after_afterwards_is_who_spoke() -> None:
    text = (
        "Mira Holt, leader of the Green List, spoke in Dorn on Friday. Afterwards she said "
        "her party would win at least 30 seats in May."
    )
    assert speakers_of(text) == ["Mira Holt"]


def test_a_bookmaker_described_between_commas_or_as_its_rival_quotes_odds() -> None:
    text = (
        "Marlbet, the region's oldest betting shop, makes Ostrova the 7/4 favourite to win the "
        "stage. Its rival Kell Odds offers odds of 4/1 on Pavel Kuna taking the yellow jersey."
    )
    found = extract_candidates(text, published_at=PUBLISHED)
    assert [(c.speaker, c.probability) for c in found] == [
        ("Marlbet", 0.363636),
        ("Kell Odds", 0.2),
    ]


def test_a_bookmaker_that_shortens_its_odds_quotes_the_new_price() -> None:
    text = "Bookmaker Holt & Carr has shortened its odds on Mira Holt winning to 1/4, from 1/2."
    found = extract_candidates(text, published_at=PUBLISHED)
    assert [(c.speaker, c.probability) for c in found] == [("Holt & Carr", 0.8)]


def test_a_runner_s_bare_price_after_a_bookmaker_s_favourite_is_its_odds() -> None:
    text = (
        "Mira Holt is the 5/4 favourite with bookmaker Holt & Carr to win the title. "
        "Ana Roe, the world No. 3, is 4/1."
    )
    found = extract_candidates(text, published_at=PUBLISHED)
    assert [(c.speaker, c.probability) for c in found] == [
        ("Holt & Carr", 0.444444),
        ("Holt & Carr", 0.2),
    ]


def test_a_firm_that_sees_a_level_held_forecasts_it() -> None:
    text = "Orvia Research is more upbeat on tablets and sees shipments broadly flat next year."
    assert speakers_of(text) == ["Orvia Research"]


def test_a_source_s_bare_future_with_nothing_to_check_is_an_evaluation() -> None:
    evaluations = [
        '"We will come through this stronger," Ada Kell said.',
        '"Heatwaves like this one will become ordinary," Ada Kell said.',
        '"We will not be hurried," Ada Kell said.',
        '"This will be slow and painful," Ada Kell said.',
        "Ada Kell said it would help the town.",
    ]
    for text in evaluations:
        assert sentences_of(text) == [], text
    checkable = [
        '"Heatwaves like this one will become ordinary by 2040," Ada Kell said.',
        '"This will be slow until the spring," Ada Kell said.',
        '"Rents will keep rising," Ada Kell said.',
        '"We will be in the final," Ada Kell said.',
        '"The sale will be delayed," Ada Kell said.',
        "Ada Kell said the levy would fail.",
        '"Three clubs will go down," Ada Kell said.',
    ]
    for text in checkable:
        assert sentences_of(text) == [text], text


def test_declining_to_give_a_forecast_with_a_reason_is_no_forecast() -> None:
    text = (
        "Asked about next year, Ada Kell declined to give a forecast, saying the tariff talks "
        "made it almost impossible to call."
    )
    assert sentences_of(text) == []


def test_an_expectation_whose_outcome_the_sentence_reports_is_a_past_one() -> None:
    assert (
        sentences_of('"We expected fares to hold at 2 euros and they rose to 2.40," Ada Kell said.')
        == []
    )
    text = '"We expected fares to hold at 2 euros this year," Ada Kell said.'
    assert sentences_of(text) == [text]


def test_a_question_turn_that_names_a_future_before_asking_gets_a_short_answer() -> None:
    text = (
        "Interview: Halden Air's Marit Vold on fuel and fares\n\n"
        "Marit Vold has run Halden Air since 2019.\n\n"
        "Q: Your planners see fares back at 2019 levels next year. Do you trust them?\n\n"
        "VOLD: Probably, yes. Fuel is the risk.\n\n"
        "Q: Fares fell last winter. Did that help?\n\n"
        "VOLD: Probably, yes."
    )
    found = [(c.speaker, c.sentence) for c in extract_candidates(text, published_at=PUBLISHED)]
    assert found == [("Marit Vold", "VOLD: Probably, yes.")]


def test_a_wager_declined_is_a_call() -> None:
    for text in (
        '"I would not bet on a rate rise before the summer," Ada Kell said.',
        '"We wouldn\'t bet against a third term for the mayor," Ada Kell said.',
    ):
        assert sentences_of(text) == [text], text


def test_a_doubt_about_an_outcome_in_the_present_is_a_call() -> None:
    text = '"I doubt they finish in the top four this season," Ada Kell said.'
    assert sentences_of(text) == [text]
    assert sentences_of('"I doubt the figures," Ada Kell said.') == []


def test_a_figure_the_interviewee_would_say_answers_the_question_above() -> None:
    text = (
        "Ada Kell runs the port of Velm.\n\n"
        "Q: Where will the harbour fee be at the end of the year?\n\n"
        "KELL: I'd say 40 euros, give or take five.\n\n"
        "Q: What was it last year?\n\n"
        "KELL: I'd say 30 euros."
    )
    found = [(c.speaker, c.sentence) for c in extract_candidates(text, published_at=PUBLISHED)]
    assert found == [("Ada Kell", "KELL: I'd say 40 euros, give or take five.")]


def test_advice_to_act_on_an_outcome_is_a_call_that_it_comes() -> None:
    for text in (
        "Plan on fees staying where they are until the autumn.",
        "Don't count on a cut before Christmas.",
        "Expect fares to rise again in May.",
    ):
        assert sentences_of(text) == [text], text
    for text in ("Plan on arriving early.", "Count on us to help."):
        assert sentences_of(text) == [], text


def test_a_preview_s_call_verdict_or_view_that_names_an_outcome_is_the_writer_s() -> None:
    calls = [
        "Our call: Okafor, by three to five points.",
        "Our verdict: Harlow to win the league on goal difference.",
        "Our view: whatever the polls say, the Greens will hold the seat.",
    ]
    for text in calls:
        found = [(c.speaker, c.sentence) for c in extract_candidates(text, published_at=PUBLISHED)]
        assert found == [(None, text)], text
    assert sentences_of("Our view: the levy is unfair to renters.") == []


def test_a_place_named_in_apposition_after_a_description_is_not_the_speaker() -> None:
    text = (
        "Ines Marlow, a trader at Kessel Partners in the port city, Velm, said fees would rise "
        "5% by June."
    )
    assert speakers_of(text) == ["Ines Marlow"]


def test_a_body_s_name_with_and_in_apposition_to_its_description_is_whole() -> None:
    text = (
        "The county's farming council, Field and Fold Growers, expects yields to fall 8% this year."
    )
    assert speakers_of(text) == ["Field and Fold Growers"]


def test_a_former_player_described_after_his_name_is_the_one_just_named() -> None:
    text = (
        "Can Harlow win without Mensah?\n\n"
        "Tom Ekker is sure of it. The former Harlow goalkeeper, now a columnist for the "
        "Evening Post, predicted a 3-1 win for the visitors."
    )
    found = [c.speaker for c in extract_candidates(text, published_at=PUBLISHED)]
    assert found[-1] == "Tom Ekker"


def test_a_lede_s_envoy_named_by_post_is_the_holder_a_later_paragraph_names() -> None:
    text = (
        "VIENNA, June 2 (Harbour Wire) - Talks on the river border will resume next week, and "
        "the European Union mediator leading them said a deal was likely by the end of August."
        "\n\nAfter meeting both delegations, the mediator, Dr. Hanne Vossberg, said the gap "
        "had narrowed."
    )
    assert speakers_of(text) == ["Hanne Vossberg"]


def test_a_rule_coming_into_force_is_its_timetable_not_a_forecast() -> None:
    for text in (
        "The tenancy act passed last week. It will come into force on 1 March and will oblige "
        "landlords to register every flat within six months.",
        "The levy will take effect in January.",
    ):
        assert sentences_of(text) == [], text


def test_works_that_close_a_line_are_its_timetable() -> None:
    text = (
        "The railway between Kell Quay and Upper Marsh will close for six weeks this summer "
        "while Norline Rail relays 8 kilometres of track."
    )
    assert sentences_of(text) == []


def test_what_is_done_whenever_a_condition_holds_is_a_standing_rule() -> None:
    text = "Flood warnings will be sent when the river is forecast to pass 4 metres at Kell Bridge."
    assert sentences_of(text) == []
    forecast = "Flood warnings will be sent to 2,000 homes by Friday as the river rises."
    assert sentences_of(forecast) == [forecast]


def test_a_release_issuer_s_own_programme_is_its_plan_not_a_forecast() -> None:
    text = (
        "Farm Outlook: spring\n\n"
        "MINISTRY OF FARMING AND FOOD\nPress release\n4 March 2027\n\n"
        "The Ministry of Farming and Food today publishes its spring outlook.\n\n"
        "Farm incomes are projected to fall 4% this year.\n\n"
        "Measures\n\n"
        "The Ministry will expand the Hedgerow Fund grant scheme to 5,000 farms from September "
        "and will fund 300 additional farm apprenticeships in the coming two years."
    )
    assert sentences_of(text) == ["Farm incomes are projected to fall 4% this year."]
    assert sentences_of("The economy will expand 2% next year.") != []


def test_a_pseudo_cleft_frames_the_interviewee_s_own_claim() -> None:
    text = (
        "Ada Kell runs the port of Velm.\n\n"
        "Q: Will the harbour fee rise?\n\n"
        "KELL: What I will tell you is that the fee will rise to 40 euros by June."
    )
    found = [(c.speaker, c.sentence) for c in extract_candidates(text, published_at=PUBLISHED)]
    assert found == [
        ("Ada Kell", "KELL: What I will tell you is that the fee will rise to 40 euros by June.")
    ]
    assert sentences_of("Nobody knows what the board will do about fees.") == []


def test_where_a_thing_will_be_is_no_one_s_act() -> None:
    text = '"It will be in every chemist by March," Ada Kell said of the new nasal vaccine.'
    assert sentences_of(text) == [text]
    assert sentences_of('"We will be in Brussels on Monday," Ada Kell said.') == []


def test_a_denial_for_one_part_of_the_question_is_a_short_answer() -> None:
    text = (
        "Ada Kell runs the port of Velm.\n\n"
        "Q: Will any ferries be cancelled this winter?\n\n"
        "KELL: Not for the islands, no. The mainland routes are another matter.\n\n"
        "Q: Did the storm close the port last year?\n\n"
        "KELL: Not for long, no."
    )
    found = [(c.speaker, c.sentence) for c in extract_candidates(text, published_at=PUBLISHED)]
    assert found == [("Ada Kell", "KELL: Not for the islands, no.")]


def test_a_question_about_a_month_s_deadline_gets_a_short_answer() -> None:
    text = (
        "Ada Kell runs the port of Velm.\n\n"
        "Q: Shippers are pricing a fee rise by October. Are they right?\n\n"
        "KELL: I don't think so. Costs are flat."
    )
    found = [(c.speaker, c.sentence) for c in extract_candidates(text, published_at=PUBLISHED)]
    assert found == [("Ada Kell", "KELL: I don't think so.")]


def test_a_source_s_bare_future_of_a_decision_a_deal_or_a_spread_stays_a_forecast() -> None:
    forecasts = [
        "The central bank will cut rates again, said Ada Kell, an economist at Vessel Bank.",
        '"The regulator will ban the drug," said Ada Kell, an analyst at Vessel Bank.',
        '"The merger will go ahead," said Ada Kell, an analyst at Vessel Bank.',
        '"The bill will become law," said Ada Kell, a professor at Lune University.',
        '"The truce will hold," said Ada Kell, a mediator.',
        '"The licence will be revoked," said Ada Kell, an analyst at Vessel Bank.',
        '"Tomas Brand will be the next governor," said Ada Kell, an analyst at Vessel Bank.',
        '"The outbreak will spread," said Ada Kell, an epidemiologist at the Lune Institute.',
        '"Core inflation will stay sticky," said Ada Kell, an analyst at Vessel Bank.',
    ]
    for text in forecasts:
        assert sentences_of(text) == [text], text
    assert sentences_of('"We will be pushed around by nobody," Ada Kell said.') == []


def test_a_future_relative_clause_in_a_later_clause_s_subject_is_no_forecast() -> None:
    stated = [
        "I say so because the bridges that will open this year were designed in 2019.",
        "Not from malice, but because the flats that will be let this spring are, in the "
        "main, already taken.",
        "Most of the trains that will run in 2028 were ordered in 2024.",
    ]
    for text in stated:
        assert sentences_of(text) == [], text
    assert sentences_of("Most of the trains that will run in 2028 are likely to be late.") == [
        "Most of the trains that will run in 2028 are likely to be late."
    ]


def test_a_present_call_keeps_its_force_under_an_intensifier() -> None:
    for text in (
        "I very much doubt they win the league this season.",
        "I strongly suspect the bank cuts in June.",
    ):
        assert sentences_of(text) == [text], text


def test_a_timetable_stays_a_timetable_when_it_opens_formally() -> None:
    text = "The election office said voting would formally open on Sept. 4."
    assert sentences_of(text) == []


def test_a_rival_bookmaker_set_off_by_commas_quotes_its_own_odds() -> None:
    text = (
        "Bookmaker Orvabet makes the Kestrels 4/6 favourites to win the cup. Its rival, Lune "
        "Bet, offers 11/10 against a draw after extra time."
    )
    assert speakers_of(text) == ["Orvabet", "Lune Bet"]


def test_a_dividend_paid_on_a_date_is_a_schedule() -> None:
    text = "Velm Foods' interim dividend will be paid on Nov. 14 to shareholders on the register."
    assert sentences_of(text) == []


def test_a_timetable_or_condition_of_service_is_an_arrangement_whoever_gives_it() -> None:
    arrangements = [
        "The first bus will leave Kell Square at 6.15 a.m. and the last at midnight.",
        "Ada Kell, the operator's director, said the night ferry would depart at 10.30 p.m.",
        "Bikes brought without a reservation will be carried only if there is room.",
        "A spokesman for the ministry, Tomas Brand, said the talks would last three days.",
        "Ada Kell, a steward, said extra checks would be in place at every gate.",
        "If the teams are level after 90 minutes, the replay will go to extra time.",
    ]
    for text in arrangements:
        assert sentences_of(text) == [], text
    forecasts = [
        "The recession will last two years, said Ada Kell, an economist at Vessel Bank.",
        "If the teams are level after 90 minutes, Lune will win it, said Ada Kell.",
    ]
    for text in forecasts:
        assert sentences_of(text) == [text], text


def test_a_competition_s_rules_hold_for_each_clause_of_the_statement() -> None:
    text = (
        "The Lune Rugby Union has said that the final will be played to a finish, with extra "
        "time if needed, and that the video referee will be used for the first time in a final."
    )
    assert sentences_of(text) == []


def test_a_guide_s_charges_and_concessions_are_arrangements() -> None:
    arrangements = [
        "Vans will pay 40 pounds a day; coaches will pay 80 pounds.",
        "The fine for parking on the verge will be 70 euros.",
        "Any flat let for under 90 days will pay a 50% surcharge on its rates.",
        "Conductors will fine anyone without a pass 30 euros.",
        "Students with a rail card will also travel free after 7 p.m.",
    ]
    for text in arrangements:
        assert sentences_of(text) == [], text
    text = "Households will pay 300 pounds a year more for heating, said Ada Kell."
    assert sentences_of(text) == [text]


def test_a_verdict_to_come_or_a_delay_with_no_measure_is_no_forecast() -> None:
    stated = [
        "Ada Kell, an economist at Vessel Bank, said the change would take time to reach shoppers.",
        "Ada Kell, an economist at Vessel Bank, said retail sales would be a key indicator of "
        "demand.",
        '"Drivers will notice," said Ada Kell, an analyst at Vessel Bank.',
        "Ada Kell, an economist at Vessel Bank, said investors would look back on this spring "
        "as a turning point.",
        'The interior ministry said the checks would continue "as long as necessary."',
    ]
    for text in stated:
        assert sentences_of(text) == [], text
    text = "The recovery will take until 2029, said Ada Kell, an economist at Vessel Bank."
    assert sentences_of(text) == [text]


def test_a_force_s_orders_are_its_own_to_give() -> None:
    text = (
        "The defence minister, Tomas Brand, said his country would defend its waters, and that "
        "its coastguard would escort fishing boats from Monday."
    )
    assert sentences_of(text) == []


def test_a_mailing_dated_by_its_sender_is_a_schedule() -> None:
    text = (
        "The Lune Electoral Commission will send every household a guide to the new rules in "
        "October."
    )
    assert sentences_of(text) == []


def test_an_unnamed_someone_and_a_disowned_forecast_are_no_claims() -> None:
    stated = [
        "Each spring, someone tells commuters that the new line will open next year.",
        "Rents will keep rising faster than pay as long as the council builds too few flats, "
        "and that is a warning, not a forecast.",
    ]
    for text in stated:
        assert sentences_of(text) == [], text


def test_a_doubt_that_a_mark_is_reached_is_a_call() -> None:
    for text in (
        '"I doubt they hit 80% before March," said Ada Kell, a union official.',
        '"I doubt we get there before the summer," said Ada Kell, a union official.',
    ):
        assert sentences_of(text) == [text], text


def test_a_present_call_that_an_event_is_escaped_is_a_forecast() -> None:
    for text in (
        '"I think it\'s very likely he avoids a second round," said Ada Kell, a pollster.',
        '"I think they avoid a recession this year," said Ada Kell, an economist.',
    ):
        assert sentences_of(text) == [text], text
    assert sentences_of('"I think he avoids questions," said Ada Kell.') == []


def test_a_time_of_the_calendar_answers_a_question_about_when() -> None:
    for answer in ("In the first half of next year.", "Probably in the last week of March."):
        text = (
            "Ada Kell runs the Lune shipyard.\n\nQ: When will the first ship be delivered?\n\n"
            f"KELL: {answer} The hull is finished."
        )
        found = [(c.speaker, c.sentence) for c in extract_candidates(text, published_at=PUBLISHED)]
        assert found == [("Ada Kell", f"KELL: {answer}")], answer


def test_an_explainer_s_hedged_or_timed_answer_under_its_question_heading() -> None:
    for answer, probability in (("Probably not this round.", 0.3), ("Not before next year.", None)):
        text = (
            "What the canal talks mean\n\nBy Ada Kell\n\nWill there be a deal on tolls?\n\n"
            f"{answer} Both sides are far apart."
        )
        (candidate,) = extract_candidates(text, published_at=PUBLISHED)
        assert (candidate.sentence, candidate.speaker) == (answer, None), answer
        assert candidate.probability == probability, answer


def test_an_answer_that_puts_the_odds_lower_gives_its_own_figure() -> None:
    text = (
        "Ada Kell is a virologist.\n\nQ: Markets give a one-in-three chance of a peak before "
        "March. Do you agree?\n\nKELL: I'd put it lower than that, maybe one in eight."
    )
    (candidate,) = extract_candidates(text, published_at=PUBLISHED)
    assert candidate.speaker == "Ada Kell"
    assert candidate.probability == 0.125


def test_a_bookmaker_named_after_its_trade_or_before_a_description_prices_the_next_runner() -> None:
    for opening in (
        "Bookmaker Lune Bet makes Kell Rovers the 4/6 favourites to lift the cup.",
        "Lune Bet, the region's oldest bookmaker, makes Kell Rovers 4/6 to lift the cup.",
    ):
        text = f"{opening} Ashby Town are 11/8."
        assert speakers_of(text) == ["Lune Bet", "Lune Bet"], opening
    text = "Bookmakers make Kell Rovers 4/6 to lift the cup. Ashby Town are 11/8."
    assert speakers_of(text) == []


def test_a_favourite_named_in_apposition_is_priced_by_the_bookmaker() -> None:
    text = "Bookmaker Lune Bet makes the Liberal candidate, Ada Kell, the 2/5 favourite."
    assert speakers_of(text) == ["Lune Bet"]
    assert only(text).probability == round(5 / 7, 6)


def test_a_disappointment_if_an_outcome_fails_is_a_call_that_it_comes() -> None:
    text = '"I\'d be very disappointed if we did not open the plant by June," Ada Kell said.'
    assert sentences_of(text) == [text]


def test_a_best_guess_after_a_colon_is_the_writer_s_call() -> None:
    text = "Our best guess: the Greens finish second, and Kell is still mayor in May."
    assert sentences_of(text) == [text]


def test_a_projection_that_has_someone_doing_a_measured_thing_gives_its_figures() -> None:
    for text in (
        "Vessel Research's simulations have Kell Rovers winning the league with 84 points.",
        "The ministry's latest projection has the county needing 3,000 more nurses by 2031.",
    ):
        assert sentences_of(text) == [text], text
    text = "The ministry's projections, first published in 2019, have been revised three times."
    assert sentences_of(text) == []


def test_an_outside_source_s_call_on_a_company_s_act_is_a_forecast() -> None:
    text = '"Velm Foods will raise its dividend," said Ada Kell, an analyst at Vessel Bank.'
    assert sentences_of(text) == [text]
    for text in (
        "Velm Foods will raise its dividend in May, said Ada Kell, a spokeswoman for Velm Foods.",
        "Tomas Brand, Velm Foods' chief executive, said Velm would raise its dividend in May.",
    ):
        assert sentences_of(text) == [], text


def test_i_d_say_is_a_verb_of_opinion_before_a_present_call() -> None:
    text = '"Lune by a goal, and I\'d say it goes to extra time," said Ada Kell, a pundit.'
    assert sentences_of(text) == [text]


def test_a_verbless_pick_of_winner_and_score_is_a_tip() -> None:
    for text in ("Kell Rovers 2-1, after extra time.", "Kell Rovers by two goals."):
        assert sentences_of(text) == [text], text
    for text in ("Kell Rovers 2-1 Ashby Town.", "Kell Rovers 2-1, a result that stunned them."):
        assert sentences_of(text) == [], text


def test_a_pundit_s_tip_inside_the_quotation_after_tipped_is_the_pundit_s() -> None:
    text = (
        'Tomas Brand said Ashby would win "with something to spare." Ada Kell, a former '
        'captain, tipped Kell Rovers: "They are quicker. Kell Rovers by a goal, probably on '
        'penalties."'
    )
    found = [(c.speaker, c.sentence) for c in extract_candidates(text, published_at=PUBLISHED)]
    assert ("Ada Kell", 'Kell Rovers by a goal, probably on penalties."') in found


def test_a_verdict_to_come_under_may_is_no_forecast() -> None:
    text = "Ada Kell, the governor, said the board may look back on this spring as a turning point."
    assert sentences_of(text) == []


def test_an_unnamed_trade_or_side_opening_the_sentence_is_unattributable() -> None:
    for text in (
        "Crews have told the company they expect the new engines to fail by June.",
        "Supporters say the bridge will cut journey times by 20 minutes.",
        "Insurers have warned that claims could exceed 2 billion euros this year.",
    ):
        assert sentences_of(text) == [], text


def test_a_forecaster_s_model_gives_its_figures_as_a_projection_does() -> None:
    for text in ("Its model has the Greens winning 41 seats.", "Its model has the Greens on 12%."):
        assert sentences_of(text) == [text], text
    assert sentences_of("Lune Motors' new model has a range of 500 km.") == []


def test_a_yes_with_a_degree_answers_a_question_about_the_future() -> None:
    text = (
        "What the frost means\n\nBy Ada Kell\n\nWill the frost push up apple prices this "
        "autumn?\n\nYes, a little. Stores hold plenty of fruit."
    )
    assert sentences_of(text) == ["Yes, a little."]
    text = "What the frost means\n\nBy Ada Kell\n\nIs the frost over?\n\nYes, a little."
    assert sentences_of(text) == []


def test_a_quantity_seen_at_a_figure_or_moving_is_a_forecast() -> None:
    at = only("Growth is seen at 1.4% next year, the Selbury Finance Ministry said.")
    assert (at.speaker, at.quantity) == (
        "Selbury Finance Ministry",
        Quantity(low=1.4, high=1.4, unit="%"),
    )
    moving = only("Rents are seen falling in the first half of next year, analysts at Orme said.")
    assert moving.speaker == "Orme"
    assert extract_candidates("She is seen as the favourite, analysts at Orme Bank said.") == []


def test_a_hedge_on_a_verb_in_the_past_is_no_forecast() -> None:
    text = (
        "The economy probably shrank in the third quarter, the Selbury Statistics Office said. "
        "Economists at Orme Bank said output had probably fallen in the quarter to September. "
        "They said the central bank will probably cut rates in the first quarter."
    )
    assert [c.sentence for c in extract_candidates(text, published_at=PUBLISHED)] == [
        "They said the central bank will probably cut rates in the first quarter."
    ]


def test_an_inverted_said_takes_a_name_after_its_role_in_lower_case() -> None:
    assert speakers_of(
        "Rates will probably fall in March, said central bank governor Ana Ruiz."
    ) == ["Ana Ruiz"]
    assert speakers_of("The side is unlikely to lose before March, said coach Ian Boyd.") == [
        "Ian Boyd"
    ]


def test_an_inverted_said_of_a_role_at_an_organisation_names_the_organisation() -> None:
    assert speakers_of("Rates will probably fall in March, said an economist at Orme Bank.") == [
        "Orme Bank"
    ]
    assert speakers_of("Rents will probably rise next year, say analysts at Orme.") == ["Orme"]


def test_seats_picked_up_or_flipped_are_the_voters_to_give() -> None:
    text = '"I think we are going to pick up seats," the party leader, Rhona Vail, told reporters.'
    assert speakers_of(text) == ["Rhona Vail"]
    assert speakers_of("Rhona Vail said her party would flip at least six districts.") == [
        "Rhona Vail"
    ]


def test_what_holds_whoever_wins_forecasts_nothing() -> None:
    assert speakers_of("Whoever wins the runoff will inherit a deficit, said Ann Lee.") == []
    assert speakers_of("Whichever side wins will have earned it, said Ann Lee.") == []
    assert speakers_of("Whoever wins, rates will rise next year, said Ann Lee.") == ["Ann Lee"]


def test_a_scaled_figure_is_the_number_the_words_give() -> None:
    revenue = only("Norvale expects revenue of $8.2 billion for the quarter ending in January.")
    assert revenue.quantity == Quantity(low=8_200_000_000.0, high=8_200_000_000.0, unit="USD")


def test_a_report_speaks_for_whoever_wrote_it() -> None:
    text = (
        "A report by the consultancy Halden & Roe estimated that the outbreaks will cost "
        "health systems 3 billion euros a year by 2035."
    )
    assert speakers_of(text) == ["Halden & Roe"]


def test_a_body_that_expands_an_object_of_its_own_makes_a_pledge() -> None:
    text = (
        "The Selbury health ministry said it would expand mosquito surveillance to 40 more "
        "provinces next year. Orme Bank said the economy would expand by 2% next year."
    )
    assert speakers_of(text) == ["Orme Bank"]


def test_a_runner_priced_with_a_bookmaker_before_what_the_price_is_for() -> None:
    named = only("Rovers are 4/6 with bookmaker Padwell to retain the trophy.")
    assert (named.speaker, named.probability) == ("Padwell", 0.6)
    assert speakers_of("Rovers are 4/6 with Padwell Bet to retain the trophy.") == ["Padwell Bet"]


def test_a_limit_the_speakers_own_side_will_use_up_is_a_forecast() -> None:
    text = '"At current rates, we will exhaust the budget by early 2029," said Mira Havel.'
    assert speakers_of(text) == ["Mira Havel"]


def test_an_expected_event_in_a_period_now_under_way_or_its_later_part_is_a_forecast() -> None:
    for period in ("in the current quarter", "in the second half", "over the rest of the year"):
        text = f'"We expect a recovery {period}," Ryo Tamura told reporters.'
        assert speakers_of(text) == ["Ryo Tamura"], period


def test_a_question_about_a_risk_asks_about_the_future() -> None:
    text = (
        "Interview with Mara Lenz, chief economist at Orme Bank.\n\n"
        "Q: What about the risk of a recession?\n\n"
        "LENZ: I would put it at 20% over the next 12 months.\n"
    )
    assert speakers_of(text) == ["Mara Lenz"]


def test_a_single_name_before_a_firms_staff_is_the_firm() -> None:
    assert speakers_of("Kessling analysts expect the yen to weaken to 160 by March.") == [
        "Kessling"
    ]
    assert speakers_of("Italian economists expect the lira to weaken by March.") == []
    assert speakers_of("Market analysts expect the yen to weaken to 160 by March.") == []


def test_odds_that_markets_or_traders_put_are_the_markets_pricing() -> None:
    text = (
        "Futures markets now put the probability of a quarter-point cut at about 90%. "
        "Traders see a 60% chance of a cut in December, according to Tessel data."
    )
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_a_view_signalled_or_hinted_in_a_speech_is_the_speakers() -> None:
    text = "Governor Ana Ruiz signalled in a speech last week that a cut in March was likely."
    assert speakers_of(text) == ["Ana Ruiz"]


def test_an_index_with_an_ampersand_is_seen_at_a_level() -> None:
    text = "Kessling strategists see the S&P 500 ending next year at 6,300."
    assert speakers_of(text) == ["Kessling"]


def test_it_is_the_firm_a_describing_word_opened_the_sentence_before_with() -> None:
    text = (
        "KDC said shipments would grow 2% this year.\n\n"
        "Rival tracker Corbel Research was more cautious. It sees shipments rising 1.5% this year."
    )
    assert speakers_of(text) == ["KDC", "Corbel Research"]


def test_what_a_source_is_expecting_is_a_forecast() -> None:
    text = (
        '"We are expecting cases to keep rising over the next several weeks," said Dr. Ines '
        "Marlow. Traders had been expecting a cut in March, said Ann Lee. She is expecting a "
        "baby in March, Ann Lee said."
    )
    assert speakers_of(text) == ["Ines Marlow"]


def test_a_favourite_priced_with_a_bookmaker_named_last() -> None:
    favourite = only("Defending champion Ana Sabal is the 3/1 favourite with Betwell.")
    assert (favourite.speaker, favourite.probability) == ("Betwell", 0.25)


def test_an_event_increasingly_likely_is_a_forecast() -> None:
    text = (
        "Ursula Brand said a three-party coalition was increasingly likely. A minority "
        "government is increasingly likely, said Tom Vey."
    )
    assert speakers_of(text) == ["Ursula Brand", "Tom Vey"]


def test_a_belief_dated_by_an_opening_month_in_the_past_tense_is_a_past_belief() -> None:
    assert speakers_of("In February, Tallis Data expected sales to grow 4% in 2025.") == []
    assert speakers_of("Tallis Data expects sales to grow 4% in 2025.") == ["Tallis Data"]


def test_a_bookmaker_set_off_as_a_rival_quotes_its_price() -> None:
    assert speakers_of("Its rival, Pellbet, has Ostrova at 5/2.") == ["Pellbet"]
    assert speakers_of("Corran Bet's nearest rival, Pellbet, offers 7/4 against a draw.") == [
        "Pellbet"
    ]


def test_a_bookmaker_prices_a_runner_named_by_what_it_is() -> None:
    assert speakers_of("Bookmaker Pellbet makes the holders 3/1 favourites to win the cup.") == [
        "Pellbet"
    ]


def test_the_central_bank_is_the_one_named_not_a_lender_quoted_since() -> None:
    text = (
        "The Bank of Ostland left its main rate at 3% on Wednesday. "
        "Mira Holt, an economist at Grange Bank, said the decision was no surprise. "
        "Analysts at the central bank see inflation easing to 2.1% in 2025."
    )
    assert speakers_of(text) == ["Bank of Ostland"]


def test_the_company_is_no_public_office_named_after_an_industry() -> None:
    text = (
        "Shares in Tamsin Energy rose 3% after the Energy Standards Office approved its prices. "
        "The company expects full-year revenue of $1.4 billion."
    )
    assert speakers_of(text) == ["Tamsin Energy"]


def test_a_source_named_among_unnamed_ones_holds_their_view() -> None:
    text = "Most pollsters, including Rhea Lund of Carse Research, think the mayor will lose."
    assert speakers_of(text) == ["Rhea Lund"]


def test_what_the_rules_provide_for_a_case_is_a_schedule() -> None:
    text = "If the tie is level after two legs, a play-off will be played at a neutral ground."
    assert speakers_of(text) == []
    assert speakers_of("If the strike goes ahead, fares will rise 4%, said Ann Lee.") == ["Ann Lee"]


def test_a_chance_spoken_of_as_such_is_no_forecast() -> None:
    assert speakers_of("An 80% chance is no guarantee, Ann Lee said.") == []
    assert speakers_of("There is an 80% chance of a cut in June, Ann Lee said.") == ["Ann Lee"]


def test_when_the_answer_comes_is_no_forecast_of_it() -> None:
    assert speakers_of("We will find out in June whether the trial worked, Ann Lee said.") == []
    assert speakers_of("We'll know more by Friday, Ann Lee said.") == []
    assert speakers_of("Prices will rise 2% next year, Ann Lee said.") == ["Ann Lee"]


def test_a_writers_promise_to_revisit_is_a_pledge() -> None:
    assert speakers_of("I will come back to these calls next year.") == []
    assert speakers_of("Exports will return to growth next year, Kim Doyle said.") == ["Kim Doyle"]


def test_a_player_who_will_start_is_team_news() -> None:
    assert speakers_of("Ria Dunn is fit and will start, Kim Doyle said.") == []
    assert speakers_of("Ria Dunn is fit and will start in goal, Kim Doyle said.") == []


def test_a_score_pick_quoted_and_attributed_is_the_sources() -> None:
    text = 'Tom Ruddock is confident. "Harwick 3-1, on penalties," he said.'
    assert speakers_of(text) == ["Tom Ruddock"]


def test_a_pick_under_a_verdict_label_is_the_writers() -> None:
    text = "Our verdict: Harwick to edge it, but not before Dalby have made a game of it."
    assert speakers_of(text) == [None]


def test_a_broadcaster_is_no_person_a_pronoun_could_mean() -> None:
    text = (
        "Former winger Tom Ruddock, now a pundit for Eastvale TV, knows the ground well. "
        '"Harwick will score first," he said.'
    )
    assert speakers_of(text) == ["Tom Ruddock"]


def test_a_models_timing_of_a_peak_is_a_forecast() -> None:
    text = "The Ostmark Institute's models put the peak in early February, Lena Stahl said."
    assert speakers_of(text) == ["Lena Stahl"]


def test_a_graded_doubt_answers_the_question_before_it() -> None:
    text = (
        "Ada Kell runs the port of Velm.\n\n"
        "Q: Will the dockers strike before Christmas?\n\n"
        "KELL: I very much doubt it. Talks are going well."
    )
    found = [(c.speaker, c.sentence) for c in extract_candidates(text, published_at=PUBLISHED)]
    assert found == [("Ada Kell", "KELL: I very much doubt it.")]


def test_an_interviewer_tagged_by_name_puts_questions_not_claims() -> None:
    text = (
        "Ada Kell runs the port of Velm.\n\n"
        "MORROW: Will the dockers strike?\n\n"
        "KELL: Not this year. Talks are going well.\n\n"
        "MORROW: The minister says volumes will rise 5% next year. Is he right?\n\n"
        "KELL: Probably. Trade is picking up.\n\n"
        "MORROW: And fees?\n\n"
        "KELL: They will rise 2% in January."
    )
    found = [(c.speaker, c.sentence) for c in extract_candidates(text, published_at=PUBLISHED)]
    assert ("MORROW", "MORROW: The minister says volumes will rise 5% next year.") not in found
    assert [speaker for speaker, _ in found] == ["Ada Kell", "Ada Kell", "Ada Kell"]


def test_a_party_in_the_next_government_is_where_votes_put_it() -> None:
    assert speakers_of('"We will be in the next government," Ada Kell said.') == ["Ada Kell"]
    assert speakers_of('"We will be in Velm on Monday," Ada Kell said.') == []


def test_a_named_speakers_role_set_off_by_commas_describes_the_speaker() -> None:
    text = "Mary Lee, the chief economist, said rates would fall next year."
    assert speakers_of(text) == ["Mary Lee"]


def test_a_course_said_to_lead_somewhere_may_be_quoted_and_the_result_theirs() -> None:
    text = 'Ann Vey told the Courier the Greens were "on course for their worst result in years".'
    assert speakers_of(text) == ["Ann Vey"]


def test_a_candidate_who_will_freeze_the_citys_tax_rate_makes_a_pledge() -> None:
    text = "Ochoa, 44, says he will freeze the city's property tax rate for two years if elected."
    assert speakers_of(text) == []


def test_what_voters_will_elect_is_what_the_vote_is_for() -> None:
    text = (
        "Voters will elect 120 members of parliament, who will then choose a prime minister. "
        "Voters will elect Mara Lind as mayor, said pollster Ian Marsh."
    )
    assert speakers_of(text) == ["Ian Marsh"]


def test_a_forecasters_record_of_events_past_is_no_forecast() -> None:
    text = (
        "Ian Marsh has predicted the last three recessions. He correctly forecast every "
        "election since 2010. Marsh predicts the last two quarters of next year will be weak."
    )
    assert speakers_of(text) == ["Ian Marsh"]


def test_a_rate_setters_move_called_by_its_size_in_the_present() -> None:
    text = '"We think the bank cuts 25 basis points in September," said Mara Feld.'
    assert speakers_of(text) == ["Mara Feld"]


def test_a_lead_author_named_before_the_firm_speaks_for_the_group() -> None:
    assert speakers_of(
        "Analysts led by Ola Brenn at Tessel Bank wrote that copper would reach $11,000 by June."
    ) == ["Ola Brenn"]


def test_how_long_an_arrangement_already_open_runs_is_its_timetable() -> None:
    assert (
        speakers_of("The booster drive opened on Sept. 4 and will run until the end of May.") == []
    )
    assert speakers_of("The consultation will run until Dec. 5.") == []
    assert speakers_of(
        "The rally began in March and will run until the end of the year, Ada Kell said."
    ) == ["Ada Kell"]


def test_being_sure_of_what_a_body_will_do_is_a_belief_not_a_pledge() -> None:
    text = (
        "Ada Kell runs the harbour trust at Velm.\n\n"
        "Kell said she was confident the ministry would approve the new breakwater by June."
    )
    assert speakers_of(text) == ["Ada Kell"]
    assert speakers_of("Kell said the ministry would approve the new breakwater by June.") == []


def test_a_pronoun_after_and_means_the_person_the_sentence_opened_on() -> None:
    text = (
        "Bea Lund runs a cafe on the front.\n\n"
        "Mayor Ada Kell has asked the fund for 9 million crowns, and she said she was confident "
        "the ministry would approve the grant by the spring."
    )
    assert speakers_of(text) == ["Ada Kell"]


def test_an_appositive_on_the_clause_leaves_the_inverted_verb_its_speaker() -> None:
    assert speakers_of(
        "Yards will deliver 140 new ships in 2028, a record, wrote Ola Brenn of Tessel Research."
    ) == ["Ola Brenn"]


def test_an_underwriter_at_an_insurer_speaks_for_it() -> None:
    text = (
        "Velm Mutual, which insures most farms in the valley, raised its rates in May. "
        "An underwriter at the company, who asked not to be named, said claims were likely to "
        "rise by 10% next year."
    )
    assert speakers_of(text) == ["Velm Mutual"]


def test_advice_after_a_condition_is_no_conditional_forecast() -> None:
    assert speakers_of("If your laptop still runs, repair it, Ada Kell said.") == []
    assert speakers_of("If prices dip, buy the shares, Ada Kell said.") == []
    assert speakers_of("If rates rise, demand falls next year, Ada Kell said.") == ["Ada Kell"]


def test_could_measuring_an_equal_comparison_is_no_possibility() -> None:
    assert (
        speakers_of('"Shops have kept prices down for as long as they could," Ada Kell said.') == []
    )
    assert speakers_of("Prices could rise as much as 10% next year, Ada Kell said.") == ["Ada Kell"]


def test_a_plural_subject_staying_past_a_mark_after_i_think_is_a_forecast() -> None:
    text = (
        "Ada Kell is an analyst at Tessel Research.\n\n"
        "Q: Where do e-bikes go from here?\n\n"
        "KELL: I think e-bikes stay below 8% of bicycle sales through 2029."
    )
    assert speakers_of(text) == ["Ada Kell"]


def test_a_bookmaker_pricing_a_runner_shorter_than_a_rival_quotes_the_odds() -> None:
    assert speakers_of("Its rival Stakewell has Dunmore slightly longer, at 9/2.") == ["Stakewell"]


def test_a_verdict_naming_the_result_by_its_kind_is_the_writers_pick() -> None:
    assert speakers_of("Our verdict: a score draw, with Dunmore to equalise late.") == [None]
    assert speakers_of("Our verdict: a fine end to the season.") == []


def test_a_source_confident_of_an_outcome_holds_the_view() -> None:
    text = (
        "Mayor Ana Kell is confident the government will approve the plan by March. "
        "The bank is confident in its models, Ana Kell said."
    )
    assert speakers_of(text) == ["Ana Kell"]


def test_a_surname_that_reads_as_a_plural_after_a_is_still_a_name() -> None:
    text = (
        "Governor Piet Alders kept the rate on hold.\n\n"
        "Alders said the fuel subsidy would shave half a point off inflation next year."
    )
    assert speakers_of(text) == ["Piet Alders"]


def test_half_a_percentage_point_is_half_of_one() -> None:
    text = (
        "Piet Alders said the subsidy would shave half a percentage point off inflation next year."
    )
    [candidate] = extract_candidates(text, published_at=PUBLISHED)
    assert candidate.quantity is not None
    assert (candidate.quantity.low, candidate.quantity.unit) == (0.5, "percentage point")


def test_a_firm_described_by_its_trade_before_its_name_holds_the_view() -> None:
    text = (
        "Home prices will fall by around 4% next year, estate agent Marlow & Reed predicted. "
        "Tanker rates will double by March, ship tracker Voyagr said."
    )
    assert speakers_of(text) == ["Marlow & Reed", "Voyagr"]


def test_a_companys_guidance_is_its_forecast_of_its_own_figures() -> None:
    text = (
        "Orvane guided for fourth-quarter revenue of $2.1 billion to $2.3 billion. "
        "In August, Orvane guided for third-quarter revenue of $1.9 billion, a figure it beat."
    )
    [candidate] = extract_candidates(text, published_at=PUBLISHED)
    assert candidate.speaker == "Orvane"
    assert candidate.quantity == Quantity(2.1e9, 2.3e9, "USD")


def test_a_source_that_sees_a_figure_of_a_measure_forecasts_it() -> None:
    text = (
        "Orvane now sees full-year revenue of about $9 billion, up from $8.5 billion. "
        "We see plenty of 5% mortgages in the market today."
    )
    [candidate] = extract_candidates(text, published_at=PUBLISHED)
    assert candidate.speaker == "Orvane"
    assert candidate.quantity == Quantity(9e9, 9e9, "USD")


def test_a_sides_bare_future_for_a_stretch_of_time_is_checkable() -> None:
    text = "Coach Lena Marsh said her side would be without their captain for at least a month."
    assert speakers_of(text) == ["Lena Marsh"]


def test_unnamed_officials_view_given_by_a_named_person_at_the_end_is_theirs() -> None:
    text = (
        "Health officials expect cases to peak in mid-January, Dr. Rosa Imrie, the agency's "
        "director, told reporters."
    )
    assert speakers_of(text) == ["Rosa Imrie"]


def test_a_forecast_revised_by_an_amount_to_a_level_is_of_the_level() -> None:
    cut = "Analysts at Orme Bank cut their 2028 Brent forecast by $4 to $67 a barrel."
    ranged = "Orme Bank expects consumer prices to rise by 2 to 3% next year."
    [revised] = extract_candidates(cut, published_at=PUBLISHED)
    [spread] = extract_candidates(ranged, published_at=PUBLISHED)
    assert revised.quantity == Quantity(67.0, 67.0, "USD/barrel")
    assert spread.quantity == Quantity(2.0, 3.0, "% change")


def test_a_figure_compared_with_is_a_threshold_not_the_forecast() -> None:
    text = "Turnout is expected to be lower than the 79% of 2023, the Electoral Board said."
    [candidate] = extract_candidates(text, published_at=PUBLISHED)
    assert (candidate.kind, candidate.quantity) == ("probability", None)


def test_a_bookmaker_that_now_has_a_runner_at_a_price_quotes_the_odds() -> None:
    text = "Betting firm Tollstake now has the Liberals as 6/4 favourites to lead the government."
    assert speakers_of(text) == ["Tollstake"]


def test_a_forecasters_central_projection_stated_as_its_figure_is_its_forecast() -> None:
    text = (
        "The forecasting site Pollwise gives Unity a 58% chance of winning the most seats. "
        "Its central projection is 61 seats for Unity. "
        "Orme Bank's base case is two cuts next year."
    )
    assert speakers_of(text) == ["Pollwise", "Pollwise", "Orme Bank"]


def test_a_forecaster_who_puts_the_peak_somewhere_forecasts_it() -> None:
    text = (
        '"I would put the peak closer to April," Dr. Ines Calder said. '
        "Rafe Osman puts the peak in late March."
    )
    assert speakers_of(text) == ["Ines Calder", "Rafe Osman"]


def test_expecting_a_season_told_by_how_it_will_differ_is_a_forecast() -> None:
    text = "The Weather Bureau expects a milder and wetter winter than usual across the south."
    assert speakers_of(text) == ["Weather Bureau"]


def test_a_denial_that_anything_is_settled_is_no_forecast() -> None:
    text = "None of this is inevitable. A recession next year is now inevitable."
    assert speakers_of(text) == [None]


def test_a_name_before_its_post_in_commas_speaks_not_the_person_before() -> None:
    text = (
        "Anna Berg said growth would slow in the coming two years.\n\n"
        "Mr. Okia, the finance minister, said the deficit would narrow to 3% of GDP in January."
    )
    assert speakers_of(text) == ["Anna Berg", "Okia"]


def test_people_named_after_their_trade_are_the_people() -> None:
    text = (
        "Economists Ines Varga, Tom Ruland and Priya Shah all concurred that growth would "
        "slow in the coming two years."
    )
    [candidate] = extract_candidates(text, published_at=PUBLISHED)
    assert candidate.speakers == ("Ines Varga", "Tom Ruland", "Priya Shah")


def test_the_central_bank_is_never_a_commercial_lender_named_before() -> None:
    text = (
        "Inflation should come close to 3% this year, said Ivan Petrov, an economist at "
        "Sberbank. Price growth could reach its maximum in April, the central bank said."
    )
    assert speakers_of(text) == ["Ivan Petrov", None]


def test_a_body_naming_itself_for_an_act_of_its_own_plans_it() -> None:
    text = (
        "Tessel Robotics reported a wider loss for the third quarter. "
        "Tessel will begin volume deliveries of its new forklift in the second quarter of "
        "2028, the company said."
    )
    assert speakers_of(text) == []
    text = (
        "Tessel Robotics reported a wider loss for the third quarter. "
        "Tessel will return to profit in the second quarter of 2028, the company said."
    )
    assert speakers_of(text) == ["Tessel Robotics"]


def test_a_rate_setters_stance_towards_the_data_is_no_forecast() -> None:
    text = (
        "The deputy governor, Ada Kell, said on Tuesday that the board would look through "
        "one month of high food prices and would not be hurried into raising rates."
    )
    assert speakers_of(text) == []
    assert speakers_of('Rate-setters "will not be in any hurry" to cut, Ada Kell said.') == []
    assert speakers_of("Policymakers would cut rates in March, Ada Kell said.") == ["Ada Kell"]


def test_voters_going_back_to_the_polls_on_a_date_is_the_day_of_the_vote() -> None:
    text = (
        "Voters in Malden will go back to the polls on March 3 to pick a mayor, after no "
        "candidate won half the vote on Sunday."
    )
    assert speakers_of(text) == []
    assert speakers_of("Voters will return Mara Lind as mayor on March 3, said Ian Marsh.") == [
        "Ian Marsh"
    ]


def test_respondents_to_a_survey_of_forecasters_are_its_result() -> None:
    text = (
        "Respondents to the ministry's quarterly survey of economists expect unemployment of "
        "5.1% at the end of next year."
    )
    assert speakers_of(text) == []
    assert speakers_of("Tessel Research expects unemployment of 5.1% at the end of next year.") == [
        "Tessel Research"
    ]


def test_what_nobody_expects_is_no_ones_forecast() -> None:
    assert (
        speakers_of('"No one expects us to stay up, and we like it that way," Ian Marsh said.')
        == []
    )
    text = '"No one expects us to stay up, but we will finish above Dunmore," Ian Marsh said.'
    assert speakers_of(text) == ["Ian Marsh"]


def test_a_hedge_judged_in_the_passive_by_no_one_named_is_unattributable() -> None:
    assert speakers_of("A rate cut is widely seen as likely in March.") == []
    assert speakers_of("A rate cut is considered unlikely before June.") == []
    assert speakers_of("A rate cut is seen as likely in March, Ada Kell said.") == ["Ada Kell"]


def test_voters_picked_out_by_what_they_say_of_themselves_are_counted_not_forecast() -> None:
    text = (
        "The latest Tessel Research poll has Lind on 47% among voters who say they are "
        "almost certain to vote."
    )
    assert speakers_of(text) == []
    assert speakers_of("Lind is almost certain to win on Sunday, said Ian Marsh.") == ["Ian Marsh"]


def test_under_a_pronoun_for_a_scheme_named_before_the_will_is_the_schemes_working() -> None:
    text = (
        "The ministry published its new licensing scheme for taxi drivers on Monday. "
        "Under it, drivers will have 30 days to renew a licence, or it will lapse."
    )
    assert speakers_of(text) == []
    assert speakers_of("Taxi fares will rise 5% next year, Ada Kell said.") == ["Ada Kell"]


def test_what_i_expect_to_be_doing_is_my_own_plan() -> None:
    assert speakers_of('"Come the spring, we expect to be hiring again," Ada Kell said.') == []
    text = '"By 2030 we expect to be selling 40,000 heat pumps a year," Ada Kell said.'
    assert speakers_of(text) == ["Ada Kell"]


def test_what_a_structure_will_hold_once_built_is_its_design() -> None:
    text = (
        "The port authority is spending 60 million euros on a grain terminal. "
        "The new terminal will store up to 120,000 tonnes of wheat."
    )
    assert speakers_of(text) == []
    assert speakers_of(
        "The new terminal will handle 40% of the country's grain exports by 2029."
    ) == [None]


def test_a_figure_on_a_condition_and_the_figure_for_the_other_case_answer_the_question() -> None:
    text = (
        "Ada Kell runs Tessel Ferries.\n\n"
        "HOST: You run nine boats today. How many will you run next summer?\n\n"
        "KELL: Around 14, if the new pier at Velm opens in May.\n\n"
        "HOST: And if it is late?\n\n"
        "KELL: Then closer to 11. We have the crews already."
    )
    assert speakers_of(text) == ["Ada Kell", "Ada Kell"]


def test_a_time_answer_qualified_by_the_measure_it_is_for_answers_the_question() -> None:
    text = (
        "Ada Kell runs Tessel Ferries.\n\n"
        "HOST: When will the ferries turn a profit?\n\n"
        "KELL: On a cash basis, in the first half of next year."
    )
    assert speakers_of(text) == ["Ada Kell"]


def test_a_profit_called_in_the_present_after_a_verb_of_opinion_is_a_forecast() -> None:
    text = '"I don\'t think the airline turns a profit before 2029," said Ada Kell.'
    assert speakers_of(text) == ["Ada Kell"]
    assert speakers_of('"I think the airline makes its money on cargo," said Ada Kell.') == []


def test_its_models_putting_a_peak_at_a_figure_speak_for_the_body_before() -> None:
    text = (
        "Measles cases have doubled in a month, the Velm Public Health Agency said on Monday.\n\n"
        "The agency counted 212 cases in the week to March 3.\n\n"
        "Its models put the peak at between 400 and 520 cases a week."
    )
    assert speakers_of(text) == ["Velm Public Health Agency"]


def test_a_projection_published_on_a_day_by_a_firm_is_the_firms() -> None:
    text = (
        "A seat projection released on Monday by the research group Kell Insight gives the "
        "Greens 22 of the 90 seats in the assembly."
    )
    assert speakers_of(text) == ["Kell Insight"]


def test_the_model_after_its_owners_forecast_is_the_owners() -> None:
    text = (
        "Tessel Research's election model gives the Greens a 58% chance of finishing first. "
        "The model also expects turnout below 60% on Sunday."
    )
    assert speakers_of(text) == ["Tessel Research", "Tessel Research"]


def test_a_view_hung_on_its_holder_by_arguing_that_is_theirs() -> None:
    text = (
        "Ada Kell, a strategist at Tessel Research, was gloomier, arguing that the bank would "
        "cut rates twice before June."
    )
    assert speakers_of(text) == ["Ada Kell"]


def test_a_forecaster_who_pencils_in_a_count_of_moves_forecasts_them() -> None:
    text = (
        "Reserve Bank deputy Ola Brandt, speaking after a speech on Monday, said he penciled in "
        "two cuts for next year. The council pencilled in a meeting for Tuesday. If the "
        "government goes ahead with the tax rise it has pencilled in for May, prices will jump."
    )
    assert speakers_of(text) == ["Ola Brandt", None]


def test_a_policy_level_named_beside_a_forecast_is_not_its_figure() -> None:
    text = (
        "Governor Lena Cole said she expects inflation to resume its decline toward the "
        "central bank's 2% goal over the course of next year."
    )
    [candidate] = extract_candidates(text, published_at=PUBLISHED)
    assert (candidate.kind, candidate.quantity) == ("probability", None)


def test_a_forecaster_a_relative_pronoun_stands_for_holds_the_view() -> None:
    text = (
        "Tablet sales will grow 3% next year, research firm Vantor said. That is more "
        "optimistic than rival Tabgauge, which forecasts growth of 1.5%."
    )
    assert speakers_of(text) == ["Vantor", "Tabgauge"]


def test_a_further_move_is_a_change_of_its_size() -> None:
    text = "Chip prices will climb a further 15% in the first half of next year, Orme Bank said."
    [candidate] = extract_candidates(text, published_at=PUBLISHED)
    assert candidate.quantity == Quantity(15.0, 15.0, "% change")


def test_a_pundits_pick_of_a_named_side_is_a_forecast() -> None:
    text = (
        '"I\'m going for Kelsall by two points," Rob Dane said. '
        '"I\'m backing Kelsall to win it," Ada Pike said. '
        '"We\'re going for Christmas in Kelsall," Ada Pike said.'
    )
    assert speakers_of(text) == ["Rob Dane", "Ada Pike"]


def test_a_models_share_of_simulated_outcomes_is_its_probability() -> None:
    text = (
        "Goalcast's supercomputer makes Rovers favourites, winning the league in 54.2% of "
        "simulations."
    )
    [candidate] = extract_candidates(text, published_at=PUBLISHED)
    assert (candidate.speaker, candidate.probability) == ("Goalcast", 0.542)


def test_a_politician_named_with_party_and_title_is_the_person() -> None:
    text = (
        "Republican Sen. Tom Hadley said the bill would pass by March. "
        "Labour MP Ana Ruiz said the vote would fail in April."
    )
    assert speakers_of(text) == ["Tom Hadley", "Ana Ruiz"]


def test_a_candidates_campaign_speaks_for_the_candidate() -> None:
    text = (
        "Sen. Tom Hadley still leads in most polls.\n\n"
        "Hadley's campaign said in a statement that the senator would win on Nov. 5."
    )
    assert speakers_of(text) == ["Tom Hadley"]


def test_surprise_at_an_outcome_not_coming_makes_it_likely() -> None:
    text = (
        "\"I'd be surprised if this isn't a severe season,\" said Dr. Kai Ames. "
        '"I\'d be surprised if the bank cuts in March," said Dr. Kai Ames.'
    )
    found = [c.probability for c in extract_candidates(text, published_at=PUBLISHED)]
    assert found == [0.7, 0.3]


def test_a_verb_that_closes_the_sentence_predicts_the_clause_before_it() -> None:
    text = (
        "House prices will fall by around 3% next year, the Surveyors' Institute predicted "
        "on Wednesday."
    )
    [candidate] = extract_candidates(text, published_at=PUBLISHED)
    assert candidate.quantity == Quantity(-3.0, -3.0, "% change")
    assert candidate.deadline_phrase == "next year"


def test_a_reply_in_an_argument_names_who_goes_on_speaking() -> None:
    text = (
        '"Prices will reach $90 by the summer," said Mara Quill of Orme Bank.\n\n'
        '"I don\'t buy the shortage story," countered Paul Grey of Hexa Research. '
        '"Demand will disappoint, and prices will be lower a year from now."'
    )
    assert speakers_of(text) == ["Mara Quill", "Paul Grey"]


def test_a_cut_to_a_measure_by_a_share_is_a_change() -> None:
    text = "Ada Kell said a strike was likely to cut output by 5% in the first quarter."
    [candidate] = extract_candidates(text, published_at=PUBLISHED)
    assert candidate.quantity == Quantity(-5.0, -5.0, "% change")


def test_one_named_among_others_holds_the_view_and_diplomats_involved_are_no_one() -> None:
    text = (
        "Talks between Varnia and Kestria stalled on Monday, and diplomats involved said a "
        "deal was unlikely before the end of the month. Others, including Sara Vell at Orme "
        "Risk, put the chance of a full ceasefire this year at no more than 30%."
    )
    assert speakers_of(text) == ["Sara Vell"]


def test_a_firm_estimating_a_figure_in_a_clause_hung_on_it_forecasts_it() -> None:
    text = (
        "Private consultancy Agrisent was even more pessimistic, estimating the harvest at "
        "23.8 million tonnes."
    )
    assert speakers_of(text) == ["Agrisent"]


def test_an_issuer_before_the_subject_of_its_release_speaks_for_the_passive_projections() -> None:
    text = (
        "Policy rate held at 4 percent\n\n"
        "Central Bank of Tessmark - Interest rate decision - Press release, 4 March 2027\n\n"
        "The Monetary Board has today decided to keep the policy rate at 4 percent.\n\n"
        "Consumer price growth is projected to ease to 2.4 percent in 2028. "
        "Exports are expected to rise by about 2 percent next year."
    )
    assert speakers_of(text) == ["Central Bank of Tessmark"] * 2


def test_a_path_told_in_the_present_inside_a_named_projection_is_the_projections() -> None:
    text = (
        "In the council's latest projections, public debt climbs to 71% of output in 2029, "
        "the Tessmark Fiscal Council said on Tuesday. "
        "Pension spending rises from 9.5% of output today to 12% in 2040 in the central "
        "projection, the council said."
    )
    assert speakers_of(text) == ["Tessmark Fiscal Council"] * 2
    assert speakers_of("In the council's view, public debt climbed to 71% of output.") == []


def test_a_thing_named_by_when_it_was_announced_is_no_speaker_of_the_answer() -> None:
    text = (
        "Ada Kell runs Tessel Wind.\n\n"
        "HOST: Are the new offshore farms on time?\n\n"
        "KELL: Permits are slow. Most of the farms announced last year will not produce "
        "power before 2030."
    )
    assert speakers_of(text) == ["Ada Kell"]


def test_an_answer_to_a_claim_the_interviewer_puts_without_a_question_mark_takes_it_up() -> None:
    text = (
        "Ada Kell runs Tessel Ferries.\n\n"
        "Q: Your rivals say fares will double by 2029.\n\n"
        "A: I don't think so."
    )
    assert speakers_of(text) == ["Ada Kell"]
    present = (
        "Ada Kell runs Tessel Ferries.\n\nQ: Your rivals say fares are too high.\n\n"
        "A: I don't think so."
    )
    assert speakers_of(present) == []


def test_a_range_in_millions_answers_the_question_about_the_future() -> None:
    text = (
        "Ada Kell runs Tessel Ferries.\n\n"
        "HOST: How many passengers will you carry in 2029?\n\n"
        "KELL: Somewhere between 4 million and 4.5 million, and then the routes are full."
    )
    assert speakers_of(text) == ["Ada Kell"]


def test_how_long_a_state_lasts_answers_whether_it_lasts() -> None:
    text = (
        "Ada Kell runs Tessel Ferries.\n\n"
        "HOST: Freight now pays for half your crossings. Does that last?\n\n"
        "KELL: For another three years, yes. After that, who knows."
    )
    assert speakers_of(text) == ["Ada Kell"]


def test_a_bare_no_to_whether_others_will_act_is_a_call_and_to_you_a_pledge() -> None:
    text = (
        "Ada Kell runs Tessel Ferries.\n\n"
        "HOST: Your rival says it will cut fares in half next year. Will it?\n\n"
        "KELL: No.\n\n"
        "HOST: Will you match them if they do?\n\n"
        "KELL: No."
    )
    assert speakers_of(text) == ["Ada Kell"]


def test_a_figure_answered_with_perhaps_is_a_forecast_at_full_weight() -> None:
    text = (
        "Ada Kell runs Tessel Ferries.\n\n"
        "HOST: How many boats will you run next summer?\n\n"
        "KELL: Perhaps 11, if the pier at Velm opens in May."
    )
    assert speakers_of(text) == ["Ada Kell"]


def test_the_figure_for_the_case_an_answer_s_condition_leaves_out_is_a_forecast() -> None:
    text = (
        "Ada Kell runs Tessel Ferries.\n\n"
        "HOST: How many crossings will you run in 2029?\n\n"
        "KELL: About 9,000, if the second pier is built. Otherwise, maybe 6,000."
    )
    assert speakers_of(text) == ["Ada Kell", "Ada Kell"]


def test_a_lede_s_agency_by_kind_is_the_service_of_that_field_named_below() -> None:
    text = (
        "Tessmark will probably have a wetter spring than normal, the national weather "
        "agency said on Tuesday.\n\n"
        "The Tessmark Weather Office's outlook gives a 70% chance of above-average rain."
    )
    assert speakers_of(text) == ["Tessmark Weather Office"] * 2


def test_a_model_that_makes_a_player_a_chance_speaks_for_its_owner() -> None:
    text = "Kell Analytics' model makes Ruiz a 64% chance to score in Saturday's derby."
    assert speakers_of(text) == ["Kell Analytics"]


def test_a_former_player_of_a_named_club_after_a_quotation_is_the_speaker() -> None:
    text = (
        '"Kelsall will win, probably by two goals," former Tessel Rovers striker Ola Brenn '
        "told Radio Velm."
    )
    assert speakers_of(text) == ["Ola Brenn"]


def test_consultancies_counted_in_a_lede_are_the_firms_named_after_it() -> None:
    text = (
        "Steel prices fell for a third week, and two consultancies said the slide would run "
        "into the spring.\n\n"
        "Harwick Metals Research expects prices to average $610 a tonne in the first "
        "quarter.\n\n"
        "Tamsin Steel Consulting sees them falling to $580 by March."
    )
    assert speakers_of(text)[0] == "Harwick Metals Research"


def test_a_counted_firm_named_by_the_short_form_of_its_name_is_given_in_full() -> None:
    text = (
        "Steel prices fell for a third week, and two consultancies said the slide would run "
        "into the spring.\n\n"
        "The Velm Steel Index, compiled by Harwick Analytics, fell 3% last week.\n\n"
        "Harwick expects the index to average $610 a tonne in the first quarter, while "
        "Tamsin Steel Consulting sees it falling to $580 by March."
    )
    assert speakers_of(text)[0] == "Harwick Analytics"


def test_a_passive_forecast_whose_agent_is_named_is_the_agents() -> None:
    text = (
        "The Reserve Bank of Orland held rates on Thursday.\n\n"
        "Inflation is forecast by the Bank to fall to 2% by the middle of next year."
    )
    assert speakers_of(text) == ["Reserve Bank of Orland"]


def test_an_organisation_named_with_a_plural_before_of_is_one_name() -> None:
    text = (
        "Growth will stall next quarter, the Varnian Chambers of Commerce warned.\n\n"
        "The VCC now expects growth of just 0.1% in the first quarter."
    )
    assert speakers_of(text) == ["Varnian Chambers of Commerce"] * 2


def test_a_projection_by_a_named_body_gives_its_share_of_the_seats() -> None:
    text = (
        "A projection by the Centre for Voting Studies gives the Alliance 118 of the 300 seats "
        "and the National Front 97."
    )
    [candidate] = extract_candidates(text, published_at=PUBLISHED)
    assert candidate.speaker == "Centre for Voting Studies"
    assert candidate.quantity == Quantity(118.0, 118.0, "seats")


def test_a_view_given_as_someones_holds_it() -> None:
    text = (
        "Orme Bank cut its outlook on Monday. The bank's Jan Berg expects prices to rise 4% "
        "next year. In Ina Vell's view, rents will rise 6% next year. Wages will rise 3% next "
        "year, in the view of Tom Hale."
    )
    assert speakers_of(text) == ["Jan Berg", "Ina Vell", "Tom Hale"]


def test_a_body_that_assigns_or_revises_a_probability_gives_it() -> None:
    text = (
        "Orme Bank assigns a 30% probability to a recession next year. "
        "Tallis Capital raised the odds of a recession next year to 45% from 30%. "
        "Vell Securities lifted its recession probability to 40%."
    )
    assert speakers_of(text) == ["Orme Bank", "Tallis Capital", "Vell Securities"]


def test_a_central_bank_story_reads_the_bank_as_the_central_bank() -> None:
    text = (
        "FRANKFURT, April 11 (Newswire) - The Varnian Central Bank kept rates on hold on "
        "Thursday but signalled it could start cutting them in June.\n\n"
        '"We expect three cuts in total this year," said Carla Brent of Orme Bank.\n\n'
        "The bank's staff projections, published in March, see inflation at 2.3% this year."
    )
    assert speakers_of(text) == ["Varnian Central Bank", "Carla Brent", "Varnian Central Bank"]


def test_a_body_whose_name_holds_a_document_word_is_named_not_a_document() -> None:
    text = (
        "Forecasters at the Gulf Weather Center predicted on Thursday that the season would "
        "be busy.\n\n"
        "La Nina has a 77% chance of forming by late summer, according to the Climate "
        "Forecast Office."
    )
    assert speakers_of(text) == ["Gulf Weather Center", "Climate Forecast Office"]


def test_expecting_an_outcome_in_a_season_to_come_is_a_forecast() -> None:
    text = (
        '"One bad month doesn\'t make a trend," said Ravi Osei of Tellus Economics, who '
        "expects a rebound in the spring."
    )
    assert speakers_of(text) == ["Ravi Osei"]


def test_a_dated_line_ending_for_immediate_release_makes_the_text_its_issuer_s() -> None:
    text = (
        "Tamsin Brewing plc: half-year trading update\n\n"
        "14 May 2027 | Stock exchange notice | For immediate release\n\n"
        "Tamsin Brewing plc, the regional brewer and pub group, today reports on trading for "
        "the 26 weeks to 10 May 2027.\n\n"
        "We expect full-year revenue of between £410 million and £420 million. "
        "Beer volumes are expected to be around 2% lower than last year."
    )
    assert speakers_of(text) == ["Tamsin Brewing"] * 2


def test_a_long_object_with_its_period_before_to_be_is_still_expected() -> None:
    text = (
        '"We expect passenger numbers in the remaining four months of the year to be broadly '
        'flat," said Ada Kell, chief executive of Kell Airports.'
    )
    assert speakers_of(text) == ["Ada Kell"]


def test_a_one_word_name_founded_in_a_year_is_the_firm_called_the_company_next() -> None:
    text = (
        "Tavrik, founded in Velm in 2016, makes batteries for electric ferries. "
        "The company expects sales of about 90 million crowns this year."
    )
    assert speakers_of(text) == ["Tavrik"]


def test_calling_a_contest_a_coin_toss_gives_it_even_odds() -> None:
    text = (
        "Dr. Mira Tessel of Velm University said the mayor would easily win the first round. "
        '"The second round is another story," she said. '
        '"Against Brandt, I would call it a coin toss."'
    )
    (*_, last) = extract_candidates(text, published_at=PUBLISHED)
    assert (last.speaker, last.probability) == ("Mira Tessel", 0.5)


def test_how_many_this_year_asked_without_a_verb_is_a_question_about_the_future() -> None:
    text = (
        "Ada Kell runs Tessel Ferries.\n\n"
        "HOST: You carried 2.1 million passengers last year. How many this year?\n\n"
        "KELL: Somewhere around 2.4 million."
    )
    assert speakers_of(text) == ["Ada Kell"]
    asked_of_the_past = text.replace("How many this year?", "How many did you carry this year?")
    assert speakers_of(asked_of_the_past) == []


def test_the_part_of_the_year_granted_with_yes_answers_the_question() -> None:
    text = (
        "Ada Kell runs Tessel Ferries.\n\n"
        "HOST: Fuel is dear. Will it hurt your margins this year?\n\n"
        "KELL: In the second half, yes."
    )
    assert speakers_of(text) == ["Ada Kell"]


def test_a_claim_put_to_the_answerer_denied_by_its_year_is_a_call() -> None:
    text = (
        "Ada Kell runs Tessel Ferries.\n\n"
        "Q: Your rival says electric ferries will be cheaper to run than diesel ones by "
        "2029.\n\n"
        "A: Not by 2029."
    )
    assert speakers_of(text) == ["Ada Kell"]


def test_a_call_after_the_reasons_in_an_answer_still_answers_the_question() -> None:
    odds = (
        "Ada Kell runs Tessel Ferries.\n\n"
        "HOST: Will the Velm bridge reopen before the summer?\n\n"
        "KELL: That depends on the inspectors, who report in April. I'd say it's a coin toss."
    )
    assert [(c.speaker, c.probability) for c in extract_candidates(odds)] == [("Ada Kell", 0.5)]
    figure = (
        "Ada Kell runs Tessel Ferries.\n\n"
        "HOST: How many people will work at the new yard?\n\n"
        "KELL: We start hiring in June, and the yard opens in September. By the end of next "
        "year, about 400, if the order book holds."
    )
    assert speakers_of(figure) == ["Ada Kell"]


def test_an_opening_phrase_looking_ahead_names_nobody_before_a_body_s_team() -> None:
    for opening in ("Looking further ahead", "Further ahead", "Looking ahead"):
        text = (
            "The Kell Weather Office measured record snow on Monday. "
            f"{opening}, the office's seasonal team gives a 60% chance that the spring will "
            "be wetter than normal."
        )
        assert speakers_of(text) == ["Kell Weather Office"]


def test_a_kind_before_a_name_introduces_that_body_not_one_met_before() -> None:
    text = (
        "The Velm burst its banks in 2021. "
        "Analysts at the insurer Kessel Mutual said on Monday that storm claims would likely "
        "top 200 million crowns this year."
    )
    assert speakers_of(text) == ["Kessel Mutual"]


def test_a_party_member_s_party_before_the_name_is_no_part_of_it() -> None:
    text = (
        "Christian Democrat Ilse Brandauer trails the mayor by four points. "
        '"We will win in May," she told supporters in Velm on Sunday.'
    )
    assert speakers_of(text) == ["Ilse Brandauer"]


def test_a_bank_s_forecast_written_up_by_analysts_led_by_someone_is_the_lead_s() -> None:
    text = (
        "Tessel Bank now expects copper to average $9,100 a tonne this year, analysts led by "
        "Jonas Aberle wrote in a note to clients."
    )
    assert speakers_of(text) == ["Jonas Aberle"]


def test_a_description_of_the_bank_a_role_is_at_does_not_name_another_body() -> None:
    text = (
        "Velm City Council approved its budget on Monday. "
        "The chief economist at Tessel Savings Bank, the city's biggest lender, expects house "
        "prices to rise by 2% this year."
    )
    assert speakers_of(text) == ["Tessel Savings Bank"]


def test_a_confederation_named_in_full_is_a_body_that_speaks() -> None:
    text = "The Confederation of Velm Industry says the new levy will cost 12,000 jobs."
    assert speakers_of(text) == ["Confederation of Velm Industry"]


def test_a_bookmakers_decimal_price_is_the_reciprocal_of_its_chance() -> None:
    text = (
        "Bookmaker Tollbet prices Varga at 1.60 to win the title. "
        "Its rival Slopeline Bet has Marek at 2.50. "
        "The share price closed at 12.50 on Friday."
    )
    found = [(c.speaker, c.probability) for c in extract_candidates(text, published_at=PUBLISHED)]
    assert found == [("Tollbet", 0.625), ("Slopeline Bet", 0.4)]


def test_a_figure_with_a_thousands_comma_is_read_whole() -> None:
    text = (
        '"Buying provides a floor," said Ana Kost, a strategist at Ridgeway Capital, who '
        "expects gold to reach $2,600 by year-end."
    )
    [candidate] = extract_candidates(text, published_at=PUBLISHED)
    assert candidate.quantity == Quantity(2600.0, 2600.0, "USD")


def test_figures_in_other_house_styles_are_read() -> None:
    def figure(text: str) -> Quantity | None:
        [candidate] = extract_candidates(text, published_at=PUBLISHED)
        return candidate.quantity

    assert figure("Inflation will slow to 2.5pc next year, Orme Bank said.") == Quantity(
        2.5, 2.5, "%"
    )
    assert figure("Rates will fall to 4.25%-4.50% by December, Orme Bank said.") == Quantity(
        4.25, 4.5, "%"
    )
    assert figure("Temperatures will reach 45C in July, the Weather Bureau said.") == Quantity(
        45.0, 45.0, "C"
    )


def test_an_event_seen_or_assumed_for_a_time_to_come_is_a_forecast() -> None:
    text = (
        '"We don\'t see a return to the canal before the summer," Lars Ekberg told reporters. '
        '"Our planning assumption is that diversions continue for the whole year," he said. '
        '"We see a lot of interest," he added.'
    )
    assert speakers_of(text) == ["Lars Ekberg", "Lars Ekberg"]


def test_a_post_named_with_its_portfolio_is_no_part_of_the_name() -> None:
    text = (
        "Secretary of State Ada Okwu said she expected turnout in the primaries to top 35%. "
        "Minister of Health Lena Brandt said cases would peak in January."
    )
    assert speakers_of(text) == ["Ada Okwu", "Lena Brandt"]


def test_a_named_unit_of_a_body_speaks_for_the_body() -> None:
    text = (
        "The World Meteorological Council's European office said in a statement that heat "
        "waves were likely to grow more frequent this year."
    )
    assert speakers_of(text) == ["World Meteorological Council"]


def test_a_stretch_still_to_run_dates_the_writers_forecast() -> None:
    text = "Rents will keep rising faster than wages for at least two more years."
    [candidate] = extract_candidates(text, published_at=PUBLISHED)
    assert candidate.deadline_phrase == "for at least two more years"
    assert candidate.deadline == datetime(2026, 3, 12, 14, 30, tzinfo=UTC)


def test_a_figure_s_thousands_comma_does_not_end_the_clause_said_by_the_name_after_it() -> None:
    text = (
        "The economy will probably add fewer than 120,000 jobs a month this year, said Ines "
        "Moreau, chief economist at Calder Bank."
    )
    assert speakers_of(text) == ["Ines Moreau"]


def test_a_place_the_sentence_opens_on_is_not_who_holds_the_view() -> None:
    assert speakers_of(
        "In Norway, economists at Fjordline Bank expect the krone to weaken next year."
    ) == ["Fjordline Bank"]
    assert speakers_of("Across Europe, analysts at Pell & Hart expect a wet summer this year.") == [
        "Pell & Hart"
    ]


def test_unnamed_people_who_broadly_or_widely_expect_are_still_unnamed() -> None:
    assert speakers_of("Economists widely expect the central bank to cut rates in June.") == []
    assert speakers_of("In Sweden, pollsters broadly expect the Greens to win 40 seats.") == []
    assert speakers_of("Analysts at Orme Bank broadly expect oil to fall next year.") == [
        "Orme Bank"
    ]


def test_an_outcome_we_will_see_is_a_forecast_what_happens_is_not() -> None:
    text = (
        '"We are going to see more outbreaks," said Ola Brekke, the agency\'s director. '
        '"We will see a recession," said Ida Lunde, an economist at Orme Bank. '
        '"We will see what happens," Brekke said.'
    )
    assert speakers_of(text) == ["Ola Brekke", "Ida Lunde"]


def test_a_claim_about_a_contest_the_article_dates_takes_the_contest_s_day() -> None:
    text = (
        "Voters in Marrow go to the polls on Sunday, March 24. The runoff is set for April 7.\n\n"
        "Ana Pell will probably win, said Tomas Ruiz, director of the pollster Civica.\n\n"
        "He expects her to win the runoff by five points.\n\n"
        "Pell beat Ruiz in the primary on Saturday, and analysts at Civica expect her to win "
        "the seat."
    )
    first, runoff, after_past = extract_candidates(text, published_at=PUBLISHED)
    assert (first.deadline_phrase, first.deadline) == (
        "to the polls on Sunday, March 24",
        datetime(2024, 3, 25, tzinfo=UTC),
    )
    assert runoff.deadline == datetime(2024, 4, 8, tzinfo=UTC)
    # the primary told as played names no day to come; the election's is the article's
    assert after_past.deadline == datetime(2024, 3, 25, tzinfo=UTC)


def test_a_match_day_dates_the_match_and_not_the_season() -> None:
    text = (
        "Kell Rovers face Orme City in Saturday's cup final at the Marsh Stadium.\n\n"
        '"Rovers will win it 2-1," said former striker Ivo Lind.\n\n'
        "Lind also expects Rovers to win the league title."
    )
    match, season = extract_candidates(text, published_at=PUBLISHED)
    assert match.deadline == datetime(2024, 3, 17, tzinfo=UTC)
    assert season.deadline is None


def test_a_closing_q_and_a_is_answered_by_the_person_introduced_above_it() -> None:
    text = (
        "HALDEN, March 3 (Wire) - Mara Lindqvist, a hydrologist at the Fenwater Agency, said "
        "the river would rise above flood level next week.\n\n"
        "Dr. Tomas Reyes, an engineer at Halden University, answered questions by phone.\n\n"
        "Q: Will the dam hold through April?\n\n"
        "A: I think so.\n"
    )
    assert speakers_of(text) == ["Mara Lindqvist", "Tomas Reyes"]


def test_a_hedged_short_answer_may_add_a_condition_a_degree_or_a_count() -> None:
    text = (
        "Ines Tavner runs the Orrin Valley water board.\n\n"
        "Q: Will the reservoir run dry this summer?\n\n"
        "A: Probably not, as long as the spring rains arrive.\n\n"
        "Q: Will water bills rise next year?\n\n"
        "A: Probably, but only a little.\n\n"
        "Q: Will the board ban hosepipes before August?\n\n"
        "A: I think so, maybe twice.\n"
    )
    found = [(c.speaker, c.condition) for c in extract_candidates(text, published_at=PUBLISHED)]
    assert found == [
        ("Ines Tavner", "as long as the spring rains arrive"),
        ("Ines Tavner", None),
        ("Ines Tavner", None),
    ]


def test_a_range_answer_may_say_by_when_it_is_reached() -> None:
    text = (
        "Petra Unsworth studies landslides at Carrow University.\n\n"
        "Q: How many roads will the slips close?\n\n"
        "A: I'd say between 12 and 20 before the thaw ends, most of them in the hills.\n"
    )
    assert speakers_of(text) == ["Petra Unsworth"]


def test_a_figure_the_answerer_would_say_after_a_hedge_is_the_answer_too() -> None:
    text = (
        "Ines Tavner runs the Orrin Valley water board.\n\n"
        "Q: Will water bills rise next year?\n\n"
        "A: Probably, but only a little. I'd say by 2% to 4%.\n"
    )
    found = [(c.speaker, c.sentence) for c in extract_candidates(text, published_at=PUBLISHED)]
    assert found == [
        ("Ines Tavner", "A: Probably, but only a little."),
        ("Ines Tavner", "I'd say by 2% to 4%."),
    ]


def test_questions_a_line_says_were_put_to_someone_are_an_interview_without_tags() -> None:
    text = (
        "Ferry fares to climb\n\n"
        "Oskar Brill, who runs a cafe on the quay, said trade was slow.\n\n"
        "We asked Helga Strand, an analyst at the consultancy Tidewell, four questions.\n\n"
        "Will fares rise this year?\n\n"
        "Probably, but only a little.\n\n"
        "Is the timetable too thin?\n\n"
        "I think so, for the outer islands.\n\n"
        "Will the new ferry arrive before the summer?\n\n"
        "No.\n\n"
        "And fuel?\n\n"
        "Diesel will cost more than it does now until at least 2030.\n"
    )
    assert speakers_of(text) == ["Helga Strand", "Helga Strand", "Helga Strand"]


def test_a_short_quoted_answer_to_a_reported_question_takes_the_question_s_claim() -> None:
    text = (
        "Governor Alma Fennick said the board would meet again in June. Asked whether the "
        'bank could raise rates again, she said: "Not next year." Asked whether the slowdown '
        'was over, she said: "Not yet."'
    )
    found = [c.sentence for c in extract_candidates(text, published_at=PUBLISHED)]
    assert found == ['Asked whether the bank could raise rates again, she said: "Not next year."']


def test_a_denial_may_name_the_time_it_denies_the_question_for() -> None:
    text = (
        "Bram Oduya runs the Kessel port authority.\n\n"
        "Q: Will the new berth open before the autumn?\n\n"
        "A: I don't think so, not this summer.\n"
    )
    assert speakers_of(text) == ["Bram Oduya"]


def test_the_outcome_a_writer_calls_likeliest_is_a_call_with_no_figure() -> None:
    text = (
        "The likeliest winner, on the latest count, is Rosa Quint of the Farmers' Party. "
        "The most likely cause of the delay was a fault in the scanners."
    )
    found = [(c.sentence, c.probability) for c in extract_candidates(text, published_at=PUBLISHED)]
    assert found == [
        ("The likeliest winner, on the latest count, is Rosa Quint of the Farmers' Party.", None)
    ]


def test_a_lede_source_called_by_its_kind_is_the_body_named_just_after() -> None:
    def lede_speaker(text: str) -> str | None:
        return extract_candidates(text, published_at=PUBLISHED)[0].speaker

    assert (
        lede_speaker(
            "Rail fares in Ostvale will rise by about 6% in May, according to the region's "
            "biggest operator, as energy costs climb.\n\n"
            "Northway Transit Group said on Monday that it expected passenger numbers to hold up."
        )
        == "Northway Transit Group"
    )
    assert (
        lede_speaker(
            "Temperatures in Sorvik are very likely to break records in July, the national "
            "weather service has warned.\n\n"
            "In its summer outlook published on Tuesday, the Sorvik Meteorological Office "
            "said the spring had been the driest since 1976."
        )
        == "Sorvik Meteorological Office"
    )
    assert (
        lede_speaker(
            "Measles has spread to four more provinces, and the country's public health "
            "institute says cases will probably peak in May.\n\n"
            "Figures published by the Kessel Institute of Health on Monday showed 810 cases."
        )
        == "Kessel Institute of Health"
    )


def test_what_a_source_says_its_side_will_have_to_do_is_a_contingency_plan() -> None:
    text = (
        '"If the river keeps falling, we will have to close the lower locks in June," said '
        "Maren Holt, the waterway board's director. The ferry firm Tollvik Lines has said it "
        "would need to cancel sailings if fuel stays above $100. Maren Holt said rival "
        "carriers would probably have to raise fares by July."
    )
    found = [c.sentence for c in extract_candidates(text, published_at=PUBLISHED)]
    assert found == ["Maren Holt said rival carriers would probably have to raise fares by July."]


def test_a_decimal_figure_does_not_end_a_recalled_forecast() -> None:
    text = (
        "The Treasury of Orlanda cut its outlook on Friday. In its spring outlook, the Treasury "
        "had projected growth of 2.3% for this year and said unemployment would stay below "
        "4.5% until the autumn."
    )
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_what_will_be_done_on_a_day_every_week_is_a_timetable() -> None:
    text = (
        "The Velden Water Office will publish its drought bulletin every Monday until "
        "September. The office said reservoirs would fall below 40% by August."
    )
    found = [c.sentence for c in extract_candidates(text, published_at=PUBLISHED)]
    assert found == ["The office said reservoirs would fall below 40% by August."]


def test_a_company_named_by_a_trade_word_like_platforms_or_networks_is_no_person() -> None:
    text = (
        "Corlan Platforms expects second-quarter revenue of $4 billion, Chief Financial "
        "Officer Nadia Ruiz said on a call with analysts. Vessel Networks expects sales to "
        "fall 3% this year, chief executive Ivo Lind said."
    )
    assert speakers_of(text) == ["Nadia Ruiz", "Ivo Lind"]


def test_people_in_a_place_are_not_a_body_of_that_name() -> None:
    assert speakers_of("Public health officials in Norland said cases would rise next year.") == []
    assert speakers_of("Analysts in Tessby expect the krone to fall next year.") == []
    assert speakers_of(
        "Economists in the Tessby Finance Ministry expect the krone to fall next year."
    ) == ["Tessby Finance Ministry"]


def test_a_unit_written_in_lower_case_before_of_speaks_for_its_body() -> None:
    assert speakers_of(
        "The oil markets division of the Orme Energy Office said supply would exceed demand "
        "in the second quarter."
    ) == ["Orme Energy Office"]


def test_the_chance_a_named_forecaster_puts_in_a_participle_clause_is_theirs() -> None:
    text = "Ivo Lind of Orme Markets was less sure, putting the chance of a cut in June at 30%."
    [candidate] = extract_candidates(text, published_at=PUBLISHED)
    assert (candidate.speaker, candidate.probability) == ("Ivo Lind", 0.3)


def test_a_wire_s_agency_before_a_double_hyphen_is_no_speaker() -> None:
    text = (
        "(Halden News) -- Tessby's economy shrank again, and the country's main economic "
        "forecaster said the slump would last at least until the summer.\n\n"
        "The Tessby Institute for Economic Research now sees output shrinking a further 0.2% "
        "in the second quarter, it said in a report."
    )
    assert speakers_of(text) == [
        "Tessby Institute for Economic Research",
        "Tessby Institute for Economic Research",
    ]


def test_a_capital_opening_a_phrase_is_not_the_body_a_lede_meant() -> None:
    text = (
        "(Halden News) -- Tessby's economy shrank again, and the country's main economic "
        "forecaster said the slump would last at least until the summer.\n\n"
        "Gross domestic product fell 0.3% in the first quarter."
    )
    assert speakers_of(text) == [None]


def test_a_forecast_whose_date_is_moved_is_the_forecaster_s_new_call() -> None:
    text = (
        "Economists at Orme Bank said the decision was more hawkish than they had expected "
        "and pushed back their forecast for the first cut to September from June. Tessby "
        "Capital brought forward its call for the first rate hike to March."
    )
    assert speakers_of(text) == ["Orme Bank", "Tessby Capital"]
    assert speakers_of("Traders pushed back their bets to next year.") == []


def test_a_hope_the_speaker_guesses_others_will_have_leaves_the_guess_a_claim() -> None:
    text = (
        '"My guess is they keep the quotas and hope the summer season does the work for '
        'them," said Ivo Lind, an analyst at Orme Bank. "I hope they cut rates in June," '
        "Lind added."
    )
    assert speakers_of(text) == ["Ivo Lind"]


def test_a_pundit_who_picks_or_backs_a_side_to_win_makes_a_forecast() -> None:
    text = (
        "Former lock Ivo Lind picks Kell Rovers to edge it. Ana Berg, a television analyst, "
        "backs Orme City to win the final."
    )
    assert speakers_of(text) == ["Ivo Lind", "Ana Berg"]


def test_a_quoted_pick_of_a_margin_with_no_unit_is_a_tip() -> None:
    text = (
        'Former lock Ivo Lind is sure of the winner. "Kell Rovers by six or seven, and it '
        "won't feel that close,\" he said."
    )
    assert speakers_of(text) == ["Ivo Lind"]


def test_modelling_that_shows_a_course_to_come_is_a_forecast_a_finding_is_not() -> None:
    text = (
        "The Tessby Health Ministry expects cases to rise. Modelling by the ministry's "
        "surveillance unit shows the outbreak infecting as many as 90,000 people by the end "
        "of June, the ministry said in a statement. Modelling shows that last year's outbreak "
        "infected 60,000 people."
    )
    assert speakers_of(text) == ["Tessby Health Ministry", "Tessby Health Ministry"]


def test_a_forecast_verb_before_a_word_that_starts_like_a_preposition_is_a_verb() -> None:
    text = (
        "The Tessby Central Bank forecasts inflation at 1.6% in 2026. Bank staff now project "
        "interest rates of 3% next year. The bank forecasts issued on Monday were gloomy."
    )
    assert speakers_of(text) == ["Tessby Central Bank", "Tessby Central Bank"]


def test_a_claim_s_deadline_is_the_time_after_its_cue_before_a_past_one() -> None:
    text = (
        '"Order books turned up in December, and I expect the economy to return to growth '
        'in the first quarter," said Ivo Lind, an economist at Orme Bank.'
    )
    [candidate] = extract_candidates(text, published_at=datetime(2027, 1, 21, tzinfo=UTC))
    assert candidate.deadline_phrase == "in the first quarter"


def test_a_distributed_release_speaks_as_the_company_its_lede_opens_on() -> None:
    text = (
        "Marrowfield Foods Reports Second Quarter Results\n\n"
        "BRACKENDALE, June 3, 2027 /Newsline Direct/ -- Marrowfield Foods, Inc. (FEX: MRF), a "
        "maker of frozen meals, today reported results for its second quarter.\n\n"
        "Outlook\n\n"
        "We expect third-quarter sales of $410 million to $430 million.\n\n"
        "Adjusted gross margin is expected to be about 34%.\n\n"
        "About Marrowfield Foods\n\n"
        "Marrowfield Foods makes frozen meals in four countries."
    )
    found = [(c.speaker, c.sentence) for c in extract_candidates(text, published_at=PUBLISHED)]
    assert found == [
        ("Marrowfield Foods", "We expect third-quarter sales of $410 million to $430 million."),
        ("Marrowfield Foods", "Adjusted gross margin is expected to be about 34%."),
    ]


def test_a_loose_figure_answers_a_follow_up_to_a_question_about_the_future() -> None:
    text = (
        "Q&A with a shipping analyst\n\n"
        "Odile Brannaway, senior analyst at Corlan Freight Research, spoke to us this week.\n\n"
        "Q: Will container rates rise again before the summer?\n\n"
        "A: I think so. The carriers have already said as much.\n\n"
        "Q: By how much?\n\n"
        "A: Somewhere around 15%, give or take.\n"
    )
    found = [(c.speaker, c.sentence) for c in extract_candidates(text, published_at=PUBLISHED)]
    assert ("Odile Brannaway", "A: Somewhere around 15%, give or take.") in found


def test_a_yes_with_how_long_answers_whether_a_state_goes_on() -> None:
    text = (
        "Q&A with a grain trader\n\n"
        "Tomasz Feldhaven, head of grains at Vellory Commodities, spoke to us this week.\n\n"
        "Q: Will wheat stay above $300 a tonne?\n\n"
        "A: Yes, for at least three more months.\n"
    )
    found = [(c.speaker, c.sentence) for c in extract_candidates(text, published_at=PUBLISHED)]
    assert found == [("Tomasz Feldhaven", "A: Yes, for at least three more months.")]


def test_how_near_the_asked_figure_comes_then_a_hedged_figure_is_an_answer() -> None:
    text = (
        "Q&A with a transit planner\n\n"
        "Leontyne Harrowby, chief planner at the Osterfield Transit Board, spoke to us.\n\n"
        "Q: Will ridership be back to a million a day by next year?\n\n"
        "A: Close to it, maybe 950,000.\n"
    )
    (candidate,) = extract_candidates(text, published_at=PUBLISHED)
    assert (candidate.speaker, candidate.sentence, candidate.probability) == (
        "Leontyne Harrowby",
        "A: Close to it, maybe 950,000.",
        None,
    )


def test_a_models_size_for_a_change_is_its_forecast() -> None:
    text = (
        "Halvard Petrosyan, chief economist at the Denmoor Housing Institute, said on Monday "
        "that prices had risen 4% in the first quarter. Our simulations put the third-quarter "
        "rise at 2% to 3%, he said."
    )
    found = [c.sentence for c in extract_candidates(text, published_at=PUBLISHED)]
    assert found == ["Our simulations put the third-quarter rise at 2% to 3%, he said."]


def test_a_bare_no_keeps_its_claim_when_the_reasons_only_describe_today() -> None:
    text = (
        "Q&A with a retail analyst\n\n"
        "Saskia Ombredane, lead analyst at Harcourt Retail Insight, spoke to us.\n\n"
        "Q: Will Brindle Stores open 200 shops by 2030?\n\n"
        "A: No. Their margins are thin and their rents are rising.\n\n"
        "Q: Will Fallow Mart close its depots?\n\n"
        "A: No. I think they keep all of them.\n"
    )
    found = [(c.speaker, c.sentence) for c in extract_candidates(text, published_at=PUBLISHED)]
    # the second "No." leaves its claim to the view after it
    assert found == [("Saskia Ombredane", "A: No.")]


def test_a_headings_question_word_is_no_part_of_a_name() -> None:
    text = (
        "Live: Tarrow County mayoral primary\n\n"
        "Early returns have state Sen. Odessa Fairhurst at 52% of the vote.\n\n"
        "Analysis: Why Fairhurst is still the favourite\n\n"
        "Fairhurst took no questions but told supporters she would win the runoff in June."
    )
    found = [(c.speaker, c.sentence) for c in extract_candidates(text, published_at=PUBLISHED)]
    assert found == [
        (
            "Odessa Fairhurst",
            "Fairhurst took no questions but told supporters she would win the runoff in June.",
        )
    ]


def test_a_newsletter_that_rates_a_race_is_the_rater_not_its_rating() -> None:
    text = (
        "The Ostrava Political Report rates the governor's race Lean Democratic, meaning it "
        "still sees Councillor Priya Vandermolen as the favourite."
    )
    assert only(text).speaker == "Ostrava Political Report"


def test_a_division_of_a_state_is_one_body_with_its_of() -> None:
    text = (
        "The Marlow State Division of Motor Vehicles said on Monday that it expected to "
        "clear its licence backlog by June."
    )
    assert only(text).speaker == "Marlow State Division of Motor Vehicles"


def test_being_confident_of_an_outcome_is_a_forecast() -> None:
    text = (
        "Councillor Bertrand Oyelaja-Finch told supporters in Marsh End he was confident of a "
        "seat on the new council. He was confident in his staff, he added."
    )
    found = [(c.speaker, c.sentence) for c in extract_candidates(text, published_at=PUBLISHED)]
    assert found == [
        (
            "Bertrand Oyelaja-Finch",
            "Councillor Bertrand Oyelaja-Finch told supporters in Marsh End he was confident of "
            "a seat on the new council.",
        )
    ]


def test_a_name_called_a_site_in_apposition_is_the_body_it_means_later() -> None:
    text = (
        "The Corlan Statehouse Office said on Monday it expected turnout of about 40%. "
        "Fieldwise, the polling data website, has been revising its model all evening. "
        "It now gives Mayor Tobias Ekwueme a 58% chance of re-election."
    )
    found = {c.sentence: c.speaker for c in extract_candidates(text, published_at=PUBLISHED)}
    assert found["It now gives Mayor Tobias Ekwueme a 58% chance of re-election."] == "Fieldwise"


def test_a_nominees_named_opponent_on_a_date_is_a_fixture() -> None:
    text = (
        "Councillor Ysolde Marchetti-Obi won the Green nomination on Tuesday. She will face "
        "Sen. Hollis Brandvold, who ran unopposed, in November. Pollster Corvane Insight said "
        "Brandvold would probably win by ten points."
    )
    found = [c.sentence for c in extract_candidates(text, published_at=PUBLISHED)]
    assert found == ["Pollster Corvane Insight said Brandvold would probably win by ten points."]


def test_handing_a_player_a_start_is_team_selection() -> None:
    text = (
        "Coach Brannagh Lutterworth will hand a first league start to 19-year-old Oskar "
        "Vellinga at scrum-half. Pundit Delphine Arkwright-Soto said the visitors would win "
        "by ten points."
    )
    found = [c.sentence for c in extract_candidates(text, published_at=PUBLISHED)]
    assert found == ["Pundit Delphine Arkwright-Soto said the visitors would win by ten points."]


def test_contracts_on_an_exchange_giving_chances_are_market_pricing() -> None:
    text = (
        "Contracts on the Fenwick prediction exchange put Mayor Idris Calloway-Nunes's chances "
        "of re-election at about 62%. Pollster Tamsin Obradovic said Calloway-Nunes would "
        "probably win."
    )
    found = [c.sentence for c in extract_candidates(text, published_at=PUBLISHED)]
    assert found == ["Pollster Tamsin Obradovic said Calloway-Nunes would probably win."]


def test_an_introduced_writers_words_run_on_until_the_next_heading() -> None:
    text = (
        "9:05 p.m.\n"
        "Analysis: a long night ahead\n\n"
        "Our polling editor, Rosalind Achebe-Thorne, writes:\n\n"
        "The cities have barely started counting.\n\n"
        "The mayor is popular, and I'd be surprised if the challenger got within ten points.\n\n"
        "9:40 p.m.\n"
        "Count paused\n\n"
        "I'd be surprised if the count finished before dawn.\n"
    )
    found = [(c.speaker, c.sentence) for c in extract_candidates(text, published_at=PUBLISHED)]
    assert found == [
        (
            "Rosalind Achebe-Thorne",
            "The mayor is popular, and I'd be surprised if the challenger got within ten points.",
        ),
        (None, "I'd be surprised if the count finished before dawn."),
    ]


def test_the_person_words_belong_to_is_no_place() -> None:
    text = (
        "Brackley Ironworks shut its furnace in March, and the company has said nothing since.\n\n"
        '"Nobody has told us anything."\n\n'
        "Those words belong to Ingrid Sowande-Lund, a welder at the works.\n\n"
        "She expects the works to cut another 200 jobs before the end of the year.\n"
    )
    assert only(text).speaker == "Ingrid Sowande-Lund"


def test_a_source_less_sure_than_the_last_gives_her_own_chance() -> None:
    text = (
        "Most economists expect the Bank of Arvendal to cut in May. Odalys Fenwick-Mbeki of "
        "Trevane Securities was less sure, putting the chance of a May cut at 40%."
    )
    found = {c.sentence: c.speaker for c in extract_candidates(text, published_at=PUBLISHED)}
    assert (
        found[
            "Odalys Fenwick-Mbeki of Trevane Securities was less sure, putting the chance of a "
            "May cut at 40%."
        ]
        == "Odalys Fenwick-Mbeki"
    )


def test_further_forecast_cuts_are_a_noun_not_a_forecast() -> None:
    text = (
        "Further forecast downgrades from other lenders are expected in the coming days. "
        "Marisol Ekundayo of Penrith Capital said copper would fall below $8,000 by June."
    )
    found = [c.sentence for c in extract_candidates(text, published_at=PUBLISHED)]
    assert found == [
        "Marisol Ekundayo of Penrith Capital said copper would fall below $8,000 by June."
    ]


def test_seeing_a_count_of_owners_things_is_a_scene_not_a_forecast() -> None:
    text = (
        '"Ten years ago this street was all one colour," said Halvard Ostby-Nakamura. "Now I '
        "see four candidates' banners on one lamp post.\" He said he saw two more candidates "
        "entering the race by May."
    )
    found = [c.sentence for c in extract_candidates(text, published_at=PUBLISHED)]
    assert found == ["He said he saw two more candidates entering the race by May."]


def test_unnamed_candidates_of_a_party_are_unnamed() -> None:
    text = (
        "Several Green Union candidates said privately that they expected to lose their "
        "seats. Ana Berg, the party's leader, said she expected to keep hers."
    )
    assert speakers_of(text) == ["Ana Berg"]


def test_forecasts_that_are_being_cut_are_revised_not_made() -> None:
    text = (
        "Investment banks have been cutting their oil forecasts steadily since the autumn. "
        "Orme Bank cut its oil forecast to $60 a barrel for next year."
    )
    assert speakers_of(text) == ["Orme Bank"]


def test_a_service_offering_a_jab_or_a_vaccine_is_its_own_act() -> None:
    text = (
        "Pharmacies will offer the jab without an appointment from next week. Clinics will "
        "offer boosters to everyone over 65. Cases will probably peak in January, the "
        "Orme Health Agency said."
    )
    assert speakers_of(text) == ["Orme Health Agency"]


def test_a_weekday_or_season_named_in_passing_dates_a_claim_but_makes_none() -> None:
    # 12 March 2024 is a Tuesday
    text = (
        "Temperatures are likely to reach 34C in the capital on Saturday, the weather office "
        "said on Tuesday. Spring is likely to be drier than normal across the south. "
        "The club's striker will have a fitness test on Friday."
    )
    found = [
        (c.deadline_phrase, c.deadline) for c in extract_candidates(text, published_at=PUBLISHED)
    ]
    assert found == [
        ("on Saturday", datetime(2024, 3, 17, tzinfo=UTC)),
        ("Spring", datetime(2024, 6, 1, tzinfo=UTC)),
    ]


def test_who_reaches_a_runoff_is_settled_on_the_day_of_the_first_round() -> None:
    text = (
        "Marrow elects a president on March 24 and holds a runoff between the top two on "
        "April 7.\n\n"
        "Tomas Ruiz, director of the pollster Civica, puts the chance of a runoff at 90%.\n\n"
        "He expects Ana Pell to reach the runoff.\n\n"
        "Ruiz expects Pell to win the runoff by five points."
    )
    days = [c.deadline for c in extract_candidates(text, published_at=PUBLISHED)]
    first_round, runoff = datetime(2024, 3, 25, tzinfo=UTC), datetime(2024, 4, 8, tzinfo=UTC)
    assert days == [first_round, first_round, runoff]


def test_a_first_round_claim_takes_no_runoff_s_day() -> None:
    text = (
        "The runoff is set for April 7.\n\n"
        "Turnout in the first round will fall below 60%, said Tomas Ruiz of the pollster "
        "Civica."
    )
    [candidate] = extract_candidates(text, published_at=PUBLISHED)
    assert candidate.deadline is None


def test_the_final_is_not_the_quarter_finals_before_it() -> None:
    text = (
        "The tournament has its quarter-finals on March 14 and ends with the final on "
        "March 17.\n\n"
        '"Lind will win the final," said Ivo Marsh, a former champion.'
    )
    [candidate] = extract_candidates(text, published_at=PUBLISHED)
    assert candidate.deadline == datetime(2024, 3, 18, tzinfo=UTC)


def test_a_developer_expecting_to_report_its_own_trial_results_keeps_a_timetable() -> None:
    timetable = (
        "Pellora Biotech said it expected to report results from its late-stage study "
        "of the vaccine in October."
    )
    assert extract_candidates(timetable, published_at=PUBLISHED) == []
    outcome = "Pellora Biotech said it expected the vaccine to win approval in October."
    assert only(outcome).speaker == "Pellora Biotech"


def test_a_recalled_call_that_has_already_come_true_is_no_forecast() -> None:
    settled = (
        "The pollster Mira Delgado told us on Friday that Ostrander would come second, and she did."
    )
    assert extract_candidates(settled, published_at=PUBLISHED) == []
    open_call = "The pollster Mira Delgado told us on Friday that Ostrander would come second."
    assert only(open_call).speaker == "Mira Delgado"


def test_what_a_projection_assumes_is_no_claim_of_its_own() -> None:
    assumed = (
        "Kelvin Ash, the fund's chief strategist, said its target assumed that the central "
        "bank would cut rates twice."
    )
    assert extract_candidates(assumed, published_at=PUBLISHED) == []
    claimed = (
        "Kelvin Ash, the fund's chief strategist, said that the central bank would cut rates twice."
    )
    assert only(claimed).speaker == "Kelvin Ash"


def test_refusing_to_go_out_on_a_limb_makes_no_call() -> None:
    refusal = '"I am not going to go that far out on a limb on the score," said analyst Rhea Voss.'
    assert extract_candidates(refusal, published_at=PUBLISHED) == []
    call = '"I will not be surprised if the final goes to penalties," said analyst Rhea Voss.'
    assert only(call).speaker == "Rhea Voss"


def test_an_operation_repeated_on_a_rota_is_a_schedule() -> None:
    rota = (
        "The council's pest officer, Omar Lindqvist, said inspections would take place every "
        "two weeks until the end of October."
    )
    assert extract_candidates(rota, published_at=PUBLISHED) == []
    forecast = (
        "The council's pest officer, Omar Lindqvist, said cases would rise every week until "
        "the end of October."
    )
    assert only(forecast).speaker == "Omar Lindqvist"


def test_a_minister_telling_what_his_country_will_do_states_its_policy() -> None:
    policy = (
        "Tarvian energy minister Idris Kaltenborn said on Monday that his country would raise "
        "gas exports to 40 million cubic metres a day in August."
    )
    assert extract_candidates(policy, published_at=PUBLISHED) == []
    forecast = (
        "Tarvian energy minister Idris Kaltenborn said on Monday that his country would face "
        "a gas shortage in August."
    )
    assert only(forecast).speaker == "Idris Kaltenborn"


def test_an_airline_named_with_air_is_a_company_not_the_interviewee() -> None:
    text = (
        '"We will fly by spring": Corvel Air\'s Dana Whitmore-Lutz\n\n'
        "Corvel Air has built a two-seat electric plane. Its chief executive, Dana "
        "Whitmore-Lutz, spoke to us on Monday.\n\n"
        "Q: When will the plane be certified?\n\n"
        "A: We expect certification in the second half of next year."
    )
    assert [c.speaker for c in extract_candidates(text, published_at=PUBLISHED)] == [
        "Dana Whitmore-Lutz"
    ]


def test_a_short_answer_takes_its_deadline_from_the_question() -> None:
    text = (
        "Mirela Tosk is chief economist at Harwick Bank. She spoke to us on Friday.\n\n"
        "Q: Where will inflation be at the end of next year?\n\n"
        "A: About 2.5%."
    )
    found = only(text)
    assert (found.speaker, found.deadline) == (
        "Mirela Tosk",
        datetime(2026, 1, 1, tzinfo=UTC),
    )


def test_a_figure_in_words_answers_a_question_about_the_future() -> None:
    text = (
        "Lotte Brandvik is chief economist at Fenmark Bank. She spoke to us on Friday.\n\n"
        "Q: Where will unemployment be at the end of next year?\n\n"
        "A: Six percent, if the export orders hold up.\n\n"
        "Q: Where was it at the end of last year?\n\n"
        "A: Five percent."
    )
    (found,) = extract_candidates(text, published_at=PUBLISHED)
    assert (found.speaker, found.sentence[:12]) == ("Lotte Brandvik", "A: Six perce")


_ROUND = (
    "Oil call\n\nThe host, Mara Quist, spoke to Tomas Ekberg of Fenwick Bank and Lise Ahl of "
    "Rowan Energy.\n\n"
    "QUIST: Twelve months from now, where is the oil price? Tomas?\n\n"
    "EKBERG: I'd say $70.\n\n"
    "QUIST: Lise?\n\n"
    "AHL: Eighty-five dollars, give or take.\n\n"
    "QUIST: And the low so far this year?\n\n"
    "AHL: Sixty-two dollars was the low in January."
)


def test_a_price_in_words_answers_a_question_handed_on_by_name() -> None:
    found = extract_candidates(_ROUND, published_at=PUBLISHED)
    a_year_on = datetime(2025, 3, 12, 14, 30, tzinfo=UTC)
    assert [(c.speaker, c.quantity, c.deadline) for c in found] == [
        ("Tomas Ekberg", Quantity(70.0, 70.0, "USD"), a_year_on),
        ("Lise Ahl", Quantity(85.0, 85.0, "USD"), a_year_on),
    ]


def test_a_short_answer_may_close_on_whose_view_it_is() -> None:
    text = (
        "Nils Orre runs the robot maker Tavik Robotics. He spoke to us on Monday.\n\n"
        "Q: When will your robots work in homes?\n\n"
        "A: Not before 2030, I'd say."
    )
    assert only(text).speaker == "Nils Orre"


def test_a_second_guest_answering_the_same_question_takes_its_claim() -> None:
    text = (
        "The presenter, Jonna Vale, spoke to Petra Illing of Osk Bank and Rune Hadley of "
        "Tarn Capital.\n\n"
        "VALE: Where will the policy rate be at the end of next year?\n\n"
        "ILLING: About 3%.\n\n"
        "HADLEY: Somewhere between 2.5% and 2.75%."
    )
    found = extract_candidates(text, published_at=PUBLISHED)
    assert [c.speaker for c in found] == ["Petra Illing", "Rune Hadley"]


def test_i_think_it_does_answers_a_present_tense_question_about_a_coming_day() -> None:
    text = (
        "Ivo Marsh is chief economist at Kell Bank. He spoke to us on Monday.\n\n"
        "Q: Does the central bank raise rates on the 14th?\n\n"
        "A: I think it does, yes."
    )
    assert only(text).speaker == "Ivo Marsh"


def test_a_vote_for_all_members_of_an_assembly_dates_the_claims_about_it() -> None:
    text = (
        "Voters in Tarsk elect all 120 members of the assembly on Sunday, March 17. Kell "
        "Research projects 44 seats for the Farmers' Party."
    )
    found = extract_candidates(text, published_at=PUBLISHED)
    assert [(c.speaker, c.deadline) for c in found] == [
        ("Kell Research", datetime(2024, 3, 18, tzinfo=UTC))
    ]


def test_answers_under_name_and_role_lines_belong_to_the_person_named() -> None:
    text = (
        "Three people on the harvest\n\n"
        "By Ola Strand, farming correspondent\n\n"
        "We asked three people how big this year's wheat crop will be.\n\n"
        "Hanne Lykke, grain analyst, Morrow Commodities\n\n"
        "I expect the crop to come in at about 4.1 million tonnes, down from 4.4 million.\n\n"
        "Piet Vandal, chair, Westfield Growers\n\n"
        "The rain came too late. I think yields will fall by a tenth.\n\n"
        "Rosa Brink, lecturer in agronomy, Kell University\n\n"
        "Output will probably match last year's, give or take a few percent."
    )
    found = extract_candidates(text, published_at=PUBLISHED)
    assert [c.speaker for c in found] == ["Hanne Lykke", "Piet Vandal", "Rosa Brink"]


def test_not_this_decade_answers_a_question_about_ever() -> None:
    text = (
        "Nils Orre runs the robot maker Tavik Robotics. He spoke to us on Monday.\n\n"
        "Q: Will your robots ever drive lorries on public roads?\n\n"
        "A: Not this decade."
    )
    assert only(text).speaker == "Nils Orre"


def test_a_short_answer_under_a_roundup_line_answers_the_shared_question() -> None:
    text = (
        "We asked three forecasters one question. How many homes will be built next year?\n\n"
        "Hanne Lykke, economist, Morrow Bank\n\n"
        "About 180,000.\n\n"
        "Piet Vandal, chair, Builders' Federation\n\n"
        "Around 165,000.\n\n"
        "Rosa Brink, lecturer in housing, Kell University\n\n"
        "Somewhere between 150,000 and 170,000."
    )
    found = extract_candidates(text, published_at=PUBLISHED)
    assert [c.speaker for c in found] == ["Hanne Lykke", "Piet Vandal", "Rosa Brink"]


def test_a_figure_answer_may_go_on_to_say_what_it_would_mean() -> None:
    text = (
        "Ines Korr is a pollster at Tallis Research. She spoke to us on Monday.\n\n"
        "Q: How many seats will the Greens win?\n\n"
        "A: About 30, which would make them kingmakers."
    )
    assert only(text).speaker == "Ines Korr"


def test_a_tipster_s_pick_after_her_name_and_a_colon_is_hers() -> None:
    text = (
        "We asked two of our racing writers, Moira Quell and Dev Astani, for their picks.\n\n"
        "Moira Quell: Copper Kettle, and she wins going away.\n\n"
        "Dev Astani: I would not back anything at these odds."
    )
    found = extract_candidates(text, published_at=PUBLISHED)
    assert [(c.speaker, c.sentence[:11]) for c in found] == [("Moira Quell", "Moira Quell")]


def test_a_which_tells_you_comment_names_no_speaker() -> None:
    text = (
        "Mara Holt is a trader at Pellby Bet. She spoke to us on Monday.\n\n"
        "Q: Who wins the title?\n\n"
        "A: We make Orme Rovers 4/6 to win the title and 7/2 to win the cup, which tells you "
        "what our customers think of the draw."
    )
    assert only(text).speaker == "Mara Holt"


def test_a_bookmaker_s_trader_quoting_we_make_gives_the_firm_s_price() -> None:
    text = (
        "We asked three people who will win the league.\n\n"
        "Mara Holt, head of football trading, Pellby Bet\n\n"
        "We make Orme Rovers 4/6 to win the league.\n\n"
        "Ivo Brandt, chief analyst, Tallis Research\n\n"
        "I expect Orme Rovers to win the league.\n\n"
        "Lena Ruiz, columnist, The Kell Courier\n\n"
        "I think Kell City will finish second."
    )
    found = extract_candidates(text, published_at=PUBLISHED)
    assert [c.speaker for c in found] == ["Pellby Bet", "Ivo Brandt", "Lena Ruiz"]


def test_a_race_on_a_named_day_dates_the_prices_for_it() -> None:
    text = (
        "The betting for Saturday's big race at Tallow Park\n\n"
        "Pellby Bet makes Copper Kettle the 5/2 favourite."
    )
    (found,) = extract_candidates(text, published_at=PUBLISHED)
    assert found.deadline == datetime(2024, 3, 17, tzinfo=UTC)


def test_a_rival_bookmaker_a_shade_bigger_on_the_favourite_quotes_its_own_price() -> None:
    text = (
        "Pellby Bet makes Copper Kettle the 5/2 favourite for the Oaks. Tarnfield Sports is a "
        "shade bigger on the favourite at 11/4."
    )
    found = extract_candidates(text, published_at=PUBLISHED)
    assert [c.speaker for c in found] == ["Pellby Bet", "Tarnfield Sports"]


def test_a_source_dating_the_event_just_named_in_the_present_forecasts_it() -> None:
    text = (
        "Kell Research expects electric vans to outsell diesel ones in 2031. Orme Analytics "
        "thinks that happens in 2028."
    )
    found = extract_candidates(text, published_at=PUBLISHED)
    assert [(c.speaker, c.deadline) for c in found] == [
        ("Kell Research", datetime(2032, 1, 1, tzinfo=UTC)),
        ("Orme Analytics", datetime(2029, 1, 1, tzinfo=UTC)),
    ]


def test_a_forecaster_putting_an_event_at_odds_forecasts_it() -> None:
    text = '"I\'d put a rate rise in May at about 70%," said Ivo Marsh, an economist at Kell Bank.'
    assert only(text).speaker == "Ivo Marsh"


def test_how_a_runner_will_be_ridden_is_its_trainer_s_tactics() -> None:
    tactics = "Its trainer, Ada Quist, said the colt would be held up for a late run."
    assert extract_candidates(tactics, published_at=PUBLISHED) == []
    forecast = "Its trainer, Ada Quist, said the colt would finish in the first three."
    assert only(forecast).speaker == "Ada Quist"


def test_a_price_set_for_the_launch_is_the_seller_s_plan() -> None:
    plan = (
        "At launch, a seat on the ferry will cost 40 euros, said Rhea Lund, the operator's "
        "chief executive."
    )
    assert extract_candidates(plan, published_at=PUBLISHED) == []
    forecast = (
        "By the summer, a seat on the ferry will cost 60 euros, said Ivo Marsh, an analyst at "
        "Kell Bank."
    )
    assert only(forecast).speaker == "Ivo Marsh"


def test_putting_the_event_just_named_at_odds_forecasts_it() -> None:
    text = (
        "Mara Holt runs the ferry operator Pellby Lines. She spoke to us on Monday.\n\n"
        "Q: Will the new route open this summer?\n\n"
        "A: The ships are ready and the crews are hired. I'd put it at better than 70%."
    )
    found = extract_candidates(text, published_at=PUBLISHED)
    assert [(c.speaker, c.sentence[:8]) for c in found] == [("Mara Holt", "I'd put ")]


def test_a_split_put_on_an_event_in_favour_is_its_probability() -> None:
    text = (
        "Omar Vance is a strategist at Fenwick Bank. \"I'd put a strike at the port this "
        'spring at about 70-30 in favour," he said.'
    )
    assert only(text).probability == 0.7


def test_an_employee_quoting_her_firm_s_model_speaks_for_the_firm() -> None:
    text = (
        "Marta Quell, chief forecaster at Brenlow Analytics, spoke on Tuesday. "
        '"Our model has the Green Party on 31 seats by polling day," she said. '
        '"I expect turnout to fall below 60%," Quell said.'
    )
    assert speakers_of(text) == ["Brenlow Analytics", "Marta Quell"]


def test_an_agency_director_quoting_its_models_speaks_for_the_agency() -> None:
    text = (
        "The Norland Institute for Public Health said cases rose again in May. "
        '"Our models put the peak at about 900 cases a day in late June," the institute\'s '
        "director, Dr. Ines Kovar, told reporters."
    )
    assert speakers_of(text) == ["Norland Institute for Public Health"]


def test_an_analyst_s_base_case_is_her_firm_s_named_in_full() -> None:
    text = (
        "Tablet sales will fall next year, according to Halvern Research. "
        '"Prices are high," said Rui Sato, an analyst at Halvern. "Our base case is that '
        'a mid-range tablet costs less than $300 by the end of next year."'
    )
    assert speakers_of(text)[-1] == "Halvern Research"


def test_a_quotation_from_an_unnamed_economist_at_a_bank_is_the_bank_s() -> None:
    text = (
        '"Mortgage rates are likely to ease a little by the autumn," said a senior economist '
        "at Dorran Mutual Bank, who asked not to be named because the bank's view is private."
    )
    assert speakers_of(text) == ["Dorran Mutual Bank"]


def test_where_a_firm_is_based_is_not_the_name_of_the_analysts_employer() -> None:
    text = (
        "Analysts at the Oslo-based consultancy Tarnwick Advisory put the chance of a deal "
        "by 2029 at 40%. They expect tariffs to be cut within a year of any deal."
    )
    assert speakers_of(text) == ["Tarnwick Advisory", "Tarnwick Advisory"]


def test_a_move_put_off_until_a_named_time_after_we_think_is_a_forecast() -> None:
    text = (
        '"We think the council waits until March," analysts at Orme Bank wrote. '
        '"I think she waits until it is ready," said Ana Bell.'
    )
    assert speakers_of(text) == ["Orme Bank"]


def test_a_date_or_deadline_an_event_will_not_make_is_a_forecast() -> None:
    text = (
        '"I don\'t think they make October," said Ana Bell. '
        '"I doubt Kell makes the June deadline," she added. '
        '"I think they make January sales hard," said Tom Reyes.'
    )
    assert speakers_of(text) == ["Ana Bell", "Ana Bell"]


def test_a_more_cautious_source_seeing_an_amount_of_what_is_to_come_forecasts_it() -> None:
    text = (
        "Tarnwick Advisory, a rival research firm, is more cautious, seeing sales of "
        "2 million to 3 million e-bikes in 2026."
    )
    assert speakers_of(text) == ["Tarnwick Advisory"]


def test_both_firms_are_the_two_bodies_the_article_has_quoted() -> None:
    text = (
        "Sales of e-bikes in the United States will rise next year, according to Halvern "
        "Research. Tarnwick Advisory expects a smaller rise. Both firms estimate that about "
        "1 million e-bikes will sell in the United States this year."
    )
    last = extract_candidates(text, published_at=PUBLISHED)[-1]
    assert last.speakers == ("Halvern Research", "Tarnwick Advisory")


def test_a_source_thinking_not_in_answer_to_a_story_s_question_denies_it() -> None:
    text = (
        "Ana Bell is an analyst at Kell Research. Will e-bikes outsell cars in cities by 2030? "
        "Bell thinks not. Could e-scooters replace buses altogether? Bell thinks not."
    )
    assert speakers_of(text) == ["Ana Bell", "Ana Bell"]


def test_a_forecast_said_to_still_stand_is_reaffirmed_by_the_speaker() -> None:
    text = (
        "Finance Minister Ola Brenn welcomed the cut and said the government's forecast of "
        "2.1% growth next year still stood."
    )
    assert speakers_of(text) == ["Ola Brenn"]


def test_an_answer_s_change_in_the_present_dated_to_a_year_to_come_is_a_forecast() -> None:
    text = (
        "Q: What about the e-bike market?\n\n"
        "BELL: Spending on e-bikes grows again in 2026, maybe 10% or so. It grew in 2023."
    )
    (candidate,) = extract_candidates(text, published_at=PUBLISHED)
    assert "grows again in 2026" in candidate.sentence


def test_a_lede_s_envoy_is_the_holder_named_below_with_the_post_s_initials() -> None:
    text = (
        "The two sides are likely to sign a ceasefire before the end of May, the United "
        "Nations envoy leading the talks said on Monday.\n\n"
        "Lidia Avramova-Kent, the U.N. secretary-general's special envoy, told reporters "
        "that most issues were settled."
    )
    assert speakers_of(text) == ["Lidia Avramova-Kent"]


def test_a_lede_s_two_banks_are_the_banks_named_below_not_a_body_its_clause_names() -> None:
    text = (
        "Copper could slide toward $8,000 a tonne by the end of the year now that Chile has "
        "eased export rules, according to two U.S. banks that cut their forecasts on Monday.\n\n"
        "Marsh Hollow Bank lowered its fourth-quarter copper forecast to $8,100 from $8,900."
    )
    assert speakers_of(text)[0] == "Marsh Hollow Bank"


def test_the_view_of_a_firm_s_post_holder_named_after_it_is_the_holder_s() -> None:
    text = (
        '"We struggle to see copper back above $9,000 this year."\n\n'
        "That was the view of Kestrel's head of metals research, Ana Lindqvist, who spoke "
        "to reporters on Monday."
    )
    assert speakers_of(text) == ["Ana Lindqvist"]


def test_a_trader_quoting_the_firm_s_price_speaks_for_the_bookmaker() -> None:
    text = (
        "Lea Brandvold, head of racing at the bookmaker Cobbett, spoke on Friday. "
        '"We make Silver Arrow 4/6 to win the Derby," she said.'
    )
    assert speakers_of(text) == ["Cobbett"]


def test_a_full_year_or_this_financial_year_ends_where_the_article_says_the_year_ends() -> None:
    text = (
        "Tolland Stores now expects full-year operating profit of 410 million pounds. "
        "Its finance chief, Ada Merrow, said sales would grow by 2% this financial year "
        "and that margins would widen in the next financial year. "
        "Tolland's financial year ends on Jan. 31."
    )
    candidates = extract_candidates(text, published_at=PUBLISHED)
    assert [(c.deadline_phrase, c.deadline) for c in candidates] == [
        ("full-year", datetime(2025, 2, 1, tzinfo=UTC)),
        ("this financial year", datetime(2025, 2, 1, tzinfo=UTC)),
    ]


def test_a_full_year_with_no_financial_year_named_is_the_calendar_year() -> None:
    candidate = only("The bank now expects growth of 1.1% for the year as a whole.")
    assert candidate.deadline_phrase == "for the year as a whole"
    assert candidate.deadline == datetime(2025, 1, 1, tzinfo=UTC)


def test_seasons_in_an_article_datelined_in_the_southern_hemisphere_are_southern() -> None:
    text = (
        "Bureau sees a dry winter\n\n"
        "MELBOURNE, March 12 (Coastline Wire) - Rainfall is likely to be below average across "
        "Victoria this winter, the Bureau of Meteorology said on Tuesday."
    )
    candidate = only(text)
    assert candidate.deadline_phrase == "this winter"
    assert candidate.deadline == datetime(2024, 9, 1, tzinfo=UTC)


def test_a_headline_season_given_its_southern_months_makes_the_seasons_southern() -> None:
    text = (
        "Wet autumn ahead for Tallarin, forecasters say\n\n"
        "Tallarin is likely to have a wetter autumn than normal, the weather service said on "
        "Tuesday. Its outlook covers March to May."
    )
    candidate = only(text)
    assert candidate.deadline == datetime(2024, 6, 1, tzinfo=UTC)


def test_a_body_named_with_its_article_then_described_speaks_in_its_own_name() -> None:
    text = (
        "Analysts at Harrow Bank expect the currency to weaken. "
        "The IOM, the U.N. migration agency, expects about 12,000 people to cross the border "
        "before the end of the year."
    )
    candidates = extract_candidates(text, published_at=PUBLISHED)
    assert [c.speaker for c in candidates] == ["Harrow Bank", "IOM"]


def test_a_body_named_after_the_place_it_belongs_to_speaks_in_its_own_name() -> None:
    text = (
        "Harlow City Council approved the budget on Monday. "
        "The state's Office of Fiscal Planning and Review projects a shortfall of $40 million "
        "next year."
    )
    assert only(text).speaker == "Office of Fiscal Planning and Review"


def test_how_a_candidate_says_he_will_pay_for_a_plan_is_a_pledge() -> None:
    text = (
        "Ms. Arden has promised to add 300 buses. "
        'Ms. Arden said she would find the funding by "selling the old depot."'
    )
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_a_question_opening_on_can_before_a_titled_name_does_not_make_can_a_first_name() -> None:
    text = (
        "Dana Whitlock is running for governor. "
        "Can Ms. Whitlock win in a state like this? "
        "Ms. Whitlock said turnout would rise to 60% next year."
    )
    assert only(text).speaker == "Dana Whitlock"


def test_a_forecast_verb_in_the_progressive_is_its_subjects_forecast() -> None:
    text = (
        "Corrin Devices makes smart watches. "
        "Corrin is forecasting a rise of about 6% in sales next year."
    )
    candidate = only(text)
    assert candidate.speaker == "Corrin Devices"
    assert candidate.reason == "forecast verb 'forecasting'"


def test_unnamed_people_forecasting_in_the_progressive_are_no_source() -> None:
    assert (
        extract_candidates("Traders are forecasting a cut in June.", published_at=PUBLISHED) == []
    )


def test_a_firm_betting_that_its_market_grows_forecasts_it() -> None:
    text = (
        "Halvard Audio makes headphones. "
        "Halvard, for its part, is betting that demand keeps rising through next year."
    )
    candidate = only(text)
    assert candidate.speaker == "Halvard Audio"
    assert candidate.reason == "forecast verb 'betting'"


def test_a_pundit_who_has_a_party_on_a_seat_count_forecasts_it() -> None:
    candidate = only('"I have the Greens on 31 to 35 seats," said Ana Berg, a political scientist.')
    assert candidate.speaker == "Ana Berg"
    assert candidate.reason == "a forecaster's figure for a time to come"


def test_room_a_policymaker_will_have_to_act_is_no_forecast() -> None:
    text = '"There will be scope to ease policy if demand weakens," the finance minister said.'
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_an_adjective_in_ed_before_a_month_to_come_does_not_make_it_past() -> None:
    text = "Kell Weather said the north should see at least one prolonged cold snap in January."
    candidate = only(text)
    assert candidate.deadline_phrase == "in January"
    assert candidate.deadline == datetime(2025, 2, 1, tzinfo=UTC)


def test_a_month_to_come_named_bare_dates_the_claim_about_it() -> None:
    candidate = only("The Kell Weather Institute expects April to be warmer than normal.")
    assert (candidate.deadline_phrase, candidate.deadline) == (
        "April",
        datetime(2024, 5, 1, tzinfo=UTC),
    )


def test_a_bare_month_gives_way_to_a_time_the_claim_names() -> None:
    candidate = only("Ms. Kell said the bank would follow an April cut with another in June.")
    assert candidate.deadline_phrase == "in June"


def test_a_bare_month_most_of_a_year_off_is_a_reference_not_a_deadline() -> None:
    candidate = only("Ms. Kell said rents would stay at least 10% above February levels.")
    assert candidate.deadline is None


def test_the_second_week_of_a_month_ends_on_its_fourteenth() -> None:
    candidate = only("Cases are likely to peak in the second week of April, the agency said.")
    assert candidate.deadline == datetime(2024, 4, 15, tzinfo=UTC)


def test_either_of_two_times_holds_until_the_later_is_over() -> None:
    candidate = only(
        "Ms. Roe said cases were likely to peak in late May or the first week of June."
    )
    assert candidate.deadline_phrase == "in late May or the first week of June"
    assert candidate.deadline == datetime(2024, 6, 8, tzinfo=UTC)


def test_a_panellists_pick_after_her_name_and_paper_is_hers() -> None:
    text = (
        "We asked our panel for their picks.\n\n"
        "Jo Marrin: Haldane, by a shot.\n\n"
        "Peter Lusk, Fairway Weekly: Okonjo. He is playing the best golf of his life."
    )
    candidates = extract_candidates(text, published_at=PUBLISHED)
    assert [(c.sentence, c.speaker) for c in candidates] == [
        ("Jo Marrin: Haldane, by a shot.", "Jo Marrin"),
        ("Peter Lusk, Fairway Weekly: Okonjo.", "Peter Lusk"),
    ]


def test_a_verbless_pick_of_the_holder_to_defend_his_title_is_the_writers() -> None:
    text = "Our prediction\n\nHaldane to defend his title, at 9 under."
    candidate = only(text)
    assert (candidate.sentence, candidate.speaker) == (
        "Haldane to defend his title, at 9 under.",
        None,
    )


def test_a_claim_about_the_season_is_due_on_its_last_day_as_the_article_gives_it() -> None:
    text = (
        "Kelby Rovers sit 18th with nine games left. The final round of matches is on May 18.\n\n"
        '"We will stay up," manager Anna Kerr said.'
    )
    candidate = only(text)
    assert candidate.deadline == datetime(2024, 5, 19, tzinfo=UTC)


def test_a_manager_leaving_the_standing_to_a_later_date_makes_no_call() -> None:
    text = (
        '"We go match by match, and we will see where we stand at Easter," the Harlow coach '
        "Mia Dunne said."
    )
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_a_note_that_a_bank_gave_no_forecast_is_no_claim() -> None:
    text = (
        "Harwell Bank (analysts led by Ines Moro): sees copper at $9,500 by December.\n\n"
        "Pell & Co: no copper forecast provided."
    )
    (candidate,) = extract_candidates(text, published_at=PUBLISHED)
    assert candidate.sentence.startswith("Harwell Bank")


def test_a_swearing_in_and_a_launch_event_on_a_set_day_are_schedules() -> None:
    text = (
        "The new governor will be sworn in on 12 January. "
        "Brellan confirmed that it will unveil its next tablet on Oct. 3."
    )
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_a_speaker_s_own_activity_in_progress_is_a_pledge() -> None:
    text = (
        'Health minister Ana Vik said: "We will be running a poster campaign from May to '
        'raise uptake, and we will be sending reminders to every parent."'
    )
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_a_bookmaker_s_price_on_a_runner_named_with_its_standing_is_the_bookmaker_s() -> None:
    text = "Bookmaker Fairbet makes holders Dunmore Town 8/11 favourites to win the cup again."
    candidate = only(text)
    assert candidate.speaker == "Fairbet"
    assert candidate.probability is not None and abs(candidate.probability - 11 / 19) < 0.01


def test_a_rival_bookmaker_more_generous_at_a_price_quotes_its_own_odds() -> None:
    text = (
        "Bookmaker Fairbet makes Dunmore Town 4/5 favourites to win the cup. "
        "Fairbet's rival Oddsline is slightly more generous on Dunmore at 10/11."
    )
    assert speakers_of(text) == ["Fairbet", "Oddsline"]


def test_runners_priced_together_after_the_bookmaker_s_favourite_are_its_prices() -> None:
    text = (
        "Bookmaker Fairbet makes Dunmore Town 4/5 favourites to win the cup. "
        "Kelso Rovers are 3/1, with Ashby Park at 9/1."
    )
    assert speakers_of(text) == ["Fairbet", "Fairbet"]
    second = extract_candidates(text, published_at=PUBLISHED)[1]
    assert second.probability is not None and abs(second.probability - 0.25) < 0.01


def test_a_bookmaker_cutting_a_runner_to_a_price_quotes_its_odds() -> None:
    text = "Betting firm Oddsline has cut Brenner to 2/7 to win the governorship, from 1/2."
    candidate = only(text)
    assert candidate.speaker == "Oddsline"
    assert candidate.probability is not None and abs(candidate.probability - 7 / 9) < 0.01


def test_a_runner_out_to_a_price_after_a_bookmaker_s_cut_is_that_bookmaker_s() -> None:
    text = (
        "Betting firm Oddsline has cut Brenner to 2/7 to win the governorship. Marsh is out to 5/1."
    )
    candidates = extract_candidates(text, published_at=PUBLISHED)
    assert [c.speaker for c in candidates] == ["Oddsline", "Oddsline"]
    assert candidates[1].probability is not None and abs(candidates[1].probability - 1 / 6) < 0.01


def test_surprise_at_a_team_is_a_feeling_not_a_likelihood() -> None:
    text = '"Fans will be surprised by this squad," said the Harlow coach Mia Dunne.'
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_a_season_becoming_the_new_normal_is_a_verdict_not_a_forecast() -> None:
    text = (
        "Dr. Ana Moro, a hydrologist at Kell University, said floods like these would become "
        '"the new normal" by the 2050s.'
    )
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_a_weakness_that_will_show_is_a_verdict_not_a_forecast() -> None:
    text = (
        "Harlow's back line is a year slower, and it will show by April. "
        "If her knee is still sore, it will show on the clay."
    )
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_a_call_transcript_s_turns_tagged_by_name_and_role_then_surname_are_theirs() -> None:
    text = (
        "Operator: Welcome to the Kellan Foods results call.\n\n"
        "Ana Moro-Quist, chief financial officer: Thank you. We expect sales of $2 billion "
        "next year.\n\n"
        "Operator: Our first question comes from Tom Bell.\n\n"
        "Tom Bell, Harwell Bank: What happens to margins?\n\n"
        "Moro-Quist: We see margins of 12% to 13% in 2025."
    )
    assert speakers_of(text) == ["Ana Moro-Quist", "Ana Moro-Quist"]


def test_an_analyst_s_turn_on_a_call_relaying_a_rival_s_claim_is_a_question() -> None:
    text = (
        "Ana Moro-Quist, chief financial officer: Thank you. We expect sales of $2 billion "
        "next year.\n\n"
        "Tom Bell, Harwell Bank: Kell Research says demand will fall 5% by June. Does that "
        "worry you?\n\n"
        "Moro-Quist: We see margins of 12% to 13% in 2025."
    )
    assert speakers_of(text) == ["Ana Moro-Quist", "Ana Moro-Quist"]


def test_an_answer_echoing_the_question_s_comparison_takes_its_claim_from_it() -> None:
    text = (
        "Dr. Ana Moro gave evidence to the committee.\n\n"
        "BELL: Doctor, last spring was dry. Will it be drier this spring?\n\n"
        "MORO: I think it will be drier, yes. We have seen little rain."
    )
    (candidate,) = extract_candidates(text, published_at=PUBLISHED)
    assert candidate.speaker == "Ana Moro"
    assert "drier, yes" in candidate.sentence


def test_a_speaker_s_central_estimate_at_a_future_peak_is_a_forecast() -> None:
    text = (
        "Dr. Ana Moro gave evidence to the committee. "
        '"My central estimate is about 900 cases a week at the peak," she said. '
        '"My best estimate is that 30% of homes are damp now," she said.'
    )
    assert speakers_of(text) == ["Ana Moro"]


def test_a_rival_firm_more_cautious_at_a_figure_gives_its_own_forecast() -> None:
    text = (
        "The research firm Kell Data forecasts that robot sales will grow 30% this year. "
        "A rival firm, Marsh Analytics, is more cautious, at 20% growth. "
        "Pell Research expects e-bikes to make up 20% of sales this year. "
        "Its rival Tomo Insights is more cautious, at 15%."
    )
    assert speakers_of(text) == ["Kell Data", "Marsh Analytics", "Pell Research", "Tomo Insights"]


def test_neither_firm_is_the_two_firms_just_quoted_agreeing_on_a_denial() -> None:
    text = (
        "The research firm Kell Research forecasts that robot sales will grow 30% this year. "
        "The consultancy Marsh Insights expects growth of 20% this year.\n\n"
        "Neither firm expects prices to fall this year."
    )
    last = extract_candidates(text, published_at=PUBLISHED)[-1]
    assert last.speakers == ("Kell Research", "Marsh Insights")


def test_a_word_quoted_in_a_relative_clause_leaves_the_subject_the_speaker() -> None:
    text = (
        "Kellan Foods Inc. said sales rose. Analysts at Harwell Securities, who rate the "
        'shares "hold," expect Kellan to lose market share to Pell next year.'
    )
    assert speakers_of(text) == ["Harwell Securities"]


def test_a_source_named_after_according_to_is_whom_the_next_pronoun_means() -> None:
    text = (
        "Ana Lund spoke on Monday. Rates are unlikely to fall before June, according to "
        "Tomas Berg-Okafor. He puts the chance of a cut in May at about 20%."
    )
    assert speakers_of(text) == ["Tomas Berg-Okafor", "Tomas Berg-Okafor"]


def test_a_person_named_before_a_party_role_is_the_speaker_not_another_party_figure() -> None:
    text = (
        "That is the view of Lena Brandt, who ran the party's southern campaign in 2022.\n\n"
        '"We will win the most seats," Mira Halvorsen-Obi, the Green Party leader, told '
        "supporters on Friday."
    )
    assert speakers_of(text) == ["Mira Halvorsen-Obi"]


def test_a_note_s_quotation_under_a_bank_and_its_named_analysts_is_the_lead_analyst_s() -> None:
    text = (
        "WHAT THE BANKS SAY\n\n"
        '• Harwell Bank (analysts led by Ines Moro): "We see copper at $9,500 by December."\n\n'
        '• Pell Markets (Tom Bell, head of metals): "We see nickel falling to $15,000 by June."'
    )
    assert speakers_of(text) == ["Ines Moro", "Tom Bell"]


def test_a_course_ending_in_a_year_inside_a_projection_is_the_projection_s_claim() -> None:
    text = (
        "Bank of Kell - Monetary policy statement\n\n"
        "The Monetary Policy Committee of the Bank of Kell held Bank Rate at 3.5%.\n\n"
        "In the Committee's projections, the spare capacity in the economy disappears by the "
        "end of 2026."
    )
    (candidate,) = extract_candidates(text, published_at=PUBLISHED)
    assert "spare capacity" in candidate.sentence


def test_a_pundit_s_pick_after_name_role_and_colon_without_quotes_is_the_pundit_s() -> None:
    text = (
        "We asked two of our writers for their champions.\n\n"
        "Nadia Kerr-Obi, former Dunmore captain: Dunmore Town, by three points. They look "
        "fitter.\n\n"
        "Ana Moro-Quist, chief executive officer: Thanks, Tom."
    )
    assert speakers_of(text) == ["Nadia Kerr-Obi"]


def test_a_pundit_s_pick_of_the_holders_again_is_a_pick() -> None:
    text = (
        "We asked two of our writers for their champions.\n\n"
        "Nadia Kerr-Obi, Sportsday columnist: Dunmore again. Nobody else has the squad."
    )
    assert speakers_of(text) == ["Nadia Kerr-Obi"]


def test_forecasters_at_a_body_giving_a_chance_in_a_relative_clause_are_the_body() -> None:
    text = (
        "The Kell Energy Agency said on Tuesday that output would average 3 million barrels "
        "a day in 2025.\n\n"
        "Forecasters at the Tropical Storm Office were watching a wave off Cape Verde on "
        "Monday, which they gave a 40% chance of becoming a storm within five days."
    )
    assert speakers_of(text) == ["Kell Energy Agency", "Tropical Storm Office"]


def test_its_model_after_an_opening_phrase_is_the_model_of_the_body_just_quoted() -> None:
    text = (
        "The data company Statline, which simulates the season 10,000 times, gives Kell a 57% "
        "chance of winning the title. For Saturday's game, its model has Pell winning 41% of "
        "the time."
    )
    assert speakers_of(text) == ["Statline", "Statline"]


def test_a_rival_firm_named_by_its_trade_alone_quotes_its_own_odds() -> None:
    text = (
        "Bookmaker Fairbet makes Dunmore 4/5 favourites to win on Saturday. "
        "Rival firm Oddsline offers 6/4 on a Kelso win on Saturday."
    )
    assert speakers_of(text) == ["Fairbet", "Oddsline"]


def test_a_trade_before_a_courtesy_title_is_no_part_of_the_name() -> None:
    text = (
        "Volcanologist Dr. Ines Halvorsen-Tay checks a sensor on the crater rim. "
        "She expects the next eruption within the next six months."
    )
    assert speakers_of(text) == ["Ines Halvorsen-Tay"]


def test_a_person_named_as_the_owner_of_a_team_is_whom_the_surname_means_later() -> None:
    text = (
        "But Lena Okafor-Dahl's Kestrel team arrives with new parts, and Okafor-Dahl was "
        "quickest in practice.\n\n"
        '"I would be surprised if we are not in the top three," Okafor-Dahl told reporters.'
    )
    assert speakers_of(text) == ["Lena Okafor-Dahl"]


def test_a_quotation_credited_after_it_by_surname_takes_the_full_name() -> None:
    text = (
        "Dr. Maren Solheim-Ortiz has counted ticks in the Kell hills for ten years.\n\n"
        '"If the spring stays wet, we will see Lyme cases double by August."\n\n'
        "That is the view of Dr. Solheim-Ortiz, who leads the survey unit."
    )
    assert speakers_of(text) == ["Maren Solheim-Ortiz"]


def test_its_modelling_putting_a_figure_is_the_body_s_forecast() -> None:
    text = (
        "The Kell Institute of Health has recorded 900 cases since October.\n\n"
        "Its modelling puts the most likely number of cases by the end of May at between "
        "1,500 and 2,000."
    )
    assert speakers_of(text) == ["Kell Institute of Health"]


def test_a_seat_held_or_wards_carried_in_a_dated_contest_are_due_on_its_day() -> None:
    text = (
        "Voters in Marrow go to the polls on Sunday, March 24.\n\n"
        "The Greens are unlikely to hold Northfield, the pollster Ana Vell said.\n\n"
        "Ms. Vell expects the mayor to carry at least six of the nine wards."
    )
    candidates = extract_candidates(text, published_at=PUBLISHED)
    assert [c.deadline for c in candidates] == [datetime(2024, 3, 25, tzinfo=UTC)] * 2


def test_a_claim_about_two_sides_meeting_at_a_named_ground_is_due_on_that_day() -> None:
    text = (
        "Kelby Town and Marlow meet at Westfield Park on Saturday for the Shield.\n\n"
        "Bookmaker Quillbet makes Kelby the 4/6 favourites to lift the trophy."
    )
    assert only(text).deadline == datetime(2024, 3, 17, tzinfo=UTC)


def test_a_claim_in_a_preview_of_saturday_s_final_as_favourites_is_due_that_day() -> None:
    text = (
        "Kelby Town go into Saturday's Shield final as favourites.\n\n"
        "Bookmaker Quillbet makes Kelby 4/6 to lift the trophy."
    )
    assert only(text).deadline == datetime(2024, 3, 17, tzinfo=UTC)


def test_a_claim_about_a_race_that_starts_somewhere_on_a_day_is_due_that_day() -> None:
    text = (
        "The 90th Tour of Kelby starts in Marlow at 10:15 on Sunday.\n\n"
        "Bookmaker Quillbet makes Anna Vos the 6/4 favourite."
    )
    assert only(text).deadline == datetime(2024, 3, 18, tzinfo=UTC)


def test_a_claim_about_a_tournament_that_begins_on_thursday_is_due_on_sunday() -> None:
    text = (
        "The 40th Marlow Open begins at Kelby Links on Thursday.\n\n"
        "Bookmaker Quillbet makes Anna Vos the 9/1 favourite."
    )
    assert only(text).deadline == datetime(2024, 3, 18, tzinfo=UTC)


def test_a_storm_season_s_tally_is_due_on_the_day_the_article_says_the_season_ends() -> None:
    text = (
        "The Atlantic hurricane season starts on June 1 and ends on Nov. 30.\n\n"
        "The agency expects 15 to 19 named storms."
    )
    assert only(text).deadline == datetime(2024, 12, 1, tzinfo=UTC)


def test_a_season_that_runs_from_one_day_to_another_ends_on_the_later() -> None:
    text = (
        "The agency expects 15 to 19 named storms in the Atlantic hurricane season, which runs "
        "from June 1 to Nov. 30."
    )
    assert only(text).deadline == datetime(2024, 12, 1, tzinfo=UTC)


def test_two_sides_who_have_not_won_for_years_meeting_on_a_day_still_date_the_claim() -> None:
    text = (
        "Two clubs who have not won a trophy since 2010 meet at Westfield Park on Saturday.\n\n"
        "Bookmaker Quillbet makes Kelby the 4/6 favourites to lift the cup."
    )
    assert only(text).deadline == datetime(2024, 3, 17, tzinfo=UTC)


def test_a_span_counted_from_polling_day_runs_from_the_dated_vote() -> None:
    text = (
        "Voters in Marrow go to the polls on Sunday, March 24.\n\n"
        '"We will form a government within a month of polling day," Ana Vell said.'
    )
    assert only(text).deadline == datetime(2024, 4, 25, tzinfo=UTC)


def test_a_quarter_of_a_company_whose_year_ends_in_may_is_its_own_quarter() -> None:
    text = (
        "Kelby Chips, whose financial year ends on May 31, reported results on Monday.\n\n"
        "Its finance chief, Ana Vell, said gross margin would probably rise to 44% in the third "
        "quarter."
    )
    assert only(text).deadline == datetime(2025, 3, 1, tzinfo=UTC)


def test_fiscal_2025_which_ends_on_may_31_gives_the_company_s_year_and_quarters() -> None:
    text = (
        "Kelby Chips raised its forecast for fiscal 2025, which ends on May 31.\n\n"
        "Its finance chief, Ana Vell, said gross margin would probably rise to 44% in the third "
        "quarter."
    )
    assert only(text).deadline == datetime(2025, 3, 1, tzinfo=UTC)


def test_a_final_named_with_its_competition_and_arena_before_its_day_dates_claims() -> None:
    text = (
        "Kelby and Marlow meet in the final of the women's European Handball Shield at the new "
        "Westfield Arena on Sunday.\n\n"
        "Bookmaker Quillbet makes Kelby the 4/6 favourites to lift the trophy."
    )
    assert only(text).deadline == datetime(2024, 3, 18, tzinfo=UTC)


def test_the_club_is_the_team_the_sentence_before_opened_on_and_called_their() -> None:
    text = (
        "Kellby Hawks host Stanmoor Foxes at Brook Park on Saturday.\n\n"
        "Statistics firm Goalgrid Analytics is less sure. Its model gives Kellby a 40% chance "
        "of winning.\n\n"
        "The Foxes have their own injury worries. The club said on Thursday that Ivo Brask "
        "would miss at least five weeks with a knee injury."
    )
    assert speakers_of(text) == ["Goalgrid Analytics", "Stanmoor Foxes"]


def test_it_after_a_data_site_named_by_its_kind_is_that_site() -> None:
    text = (
        "Kell wins the vote; Varga concedes\n\n"
        "The polling site Votecast has rerun its model with the late returns. It now gives "
        "Kell a 64% chance of winning the runoff."
    )
    assert speakers_of(text) == ["Votecast"]


def test_a_lede_s_two_banks_are_the_firms_whose_analysts_or_names_head_the_next_sentences() -> None:
    analysts = (
        "OSLO, May 2 (Kell Wire) - Copper slipped on Tuesday, and two banks said the metal "
        "would average less than $8,000 a tonne in the third quarter.\n\n"
        "Analysts at Marrow Bank cut their forecast to $7,800, and Tiller Capital lowered its "
        "own to $7,900."
    )
    both = (
        "OSLO, May 2 (Kell Wire) - Grain freight rose on Tuesday after the Kell Port Authority "
        "closed a berth, and two consultancies said the delays were likely to last into June.\n\n"
        "Ostra Shipping Consultants and Pell Freight Research both said in notes that the "
        "berth would not reopen soon."
    )
    assert speakers_of(analysts) == ["Marrow Bank", "Marrow Bank"]
    assert speakers_of(both)[0] == "Ostra Shipping Consultants"


def test_a_lede_s_counted_banks_hold_the_claim_over_a_body_named_before_them() -> None:
    text = (
        "OSLO, May 2 (Kell Wire) - Copper fell on Tuesday after the Kell Mining Council agreed "
        "to lift quotas, and two banks cut their forecasts, saying a surplus would keep prices "
        "below $8,000 a tonne for most of next year.\n\n"
        "Marrow Bank lowered its forecast to $7,800, and said stocks had risen for months.\n\n"
        "Tiller Capital cut its own to $7,900."
    )
    assert speakers_of(text)[0] == "Marrow Bank"


def test_a_lede_s_post_told_mps_is_the_person_the_next_paragraph_opens_on() -> None:
    text = (
        "Measles cases in Kellmark will probably double by March, the country's chief "
        "nursing officer told MPs on Tuesday.\n\n"
        "Dr. Ines Varga-Holt was giving evidence to the health committee alongside officials "
        "from the vaccine agency."
    )
    assert speakers_of(text) == ["Ines Varga-Holt"]


def test_a_centre_that_is_part_of_a_named_agency_speaks_for_the_agency() -> None:
    text = (
        "The Storm Outlook Centre, part of the Kellish Marine and Weather Administration, said "
        "on Monday there was a 70% chance of a stormy autumn. It expects four to six gales."
    )
    assert speakers_of(text) == [
        "Kellish Marine and Weather Administration",
        "Kellish Marine and Weather Administration",
    ]


def test_a_capitalised_forecasting_ending_a_body_s_name_is_no_verb() -> None:
    text = "The state's Office of Parking and Forecasting said fees would probably rise next year."
    assert speakers_of(text) == ["Office of Parking and Forecasting"]


def test_an_office_of_two_fields_joined_by_and_is_one_name() -> None:
    text = "The Bureau of Harbours and Dredging expects cargo volumes to rise 4% next year."
    assert speakers_of(text) == ["Bureau of Harbours and Dredging"]


def test_people_close_to_the_talks_are_no_one_to_track_even_after_a_joined_clause() -> None:
    text = (
        "GENEVA, May 3 (Kell Wire) -- Ostra and Pelland failed on Tuesday to agree terms for "
        "a fishing deal that expires on June 30, and two people close to the talks said a "
        "deal before the deadline now looked unlikely."
    )
    assert speakers_of(text) == []


def test_an_electoral_commission_expecting_to_publish_preliminary_results_forecasts() -> None:
    text = (
        "The Kellish Electoral Commission said it expected to publish preliminary results "
        "for most provinces by 4 a.m. on Monday."
    )
    assert speakers_of(text) == ["Kellish Electoral Commission"]


def test_a_model_s_one_simulation_in_four_is_its_probability() -> None:
    text = (
        "The data firm Setpoint runs the draw 10,000 times. Its model has the qualifier Ada "
        "Kell reaching the quarter-finals in about one simulation in five."
    )
    found = extract_candidates(text, published_at=PUBLISHED)
    assert [(c.speaker, c.probability) for c in found] == [("Setpoint", 0.2)]


def test_a_pollster_working_for_an_evening_paper_is_named_without_its_client() -> None:
    text = (
        "A survey by Marlow Polling for the Evening Sentinel, published on Friday, put the "
        "Greens on 30%. Marlow's seat projection has the Greens winning 40 to 46 seats."
    )
    assert speakers_of(text)[-1] == "Marlow Polling"


def test_a_clause_forecasting_a_measure_of_a_figure_is_its_subject_s_forecast() -> None:
    text = "Analysts at Tarrow Bank were gloomier, predicting inflation of about 3.5% in 2027."
    assert speakers_of(text) == ["Tarrow Bank"]


def test_a_moderator_calling_on_reporters_by_name_makes_no_claim() -> None:
    text = (
        "HANNA VOGT: Welcome. The minister will speak first and then we will take questions.\n\n"
        "MINISTER ARNE BOLT: Thank you. We expect exports to grow 3% next year.\n\n"
        "HANNA VOGT: Petra, you were first.\n\n"
        "PETRA LUND (Morgenbladet): Will the deficit shrink?\n\n"
        "MINISTER ARNE BOLT: I think it will fall to 2% of output by 2026.\n\n"
        "HANNA VOGT: Jonas, and then the state secretary will take the tax question.\n\n"
        "JONAS EKBERG (Radio Nord): Do you expect rates to fall?\n\n"
        "MINISTER ARNE BOLT: That is for the central bank.\n"
    )
    found = [candidate.sentence for candidate in extract_candidates(text, published_at=PUBLISHED)]
    assert all(
        "HANNA VOGT" not in sentence and "take questions" not in sentence for sentence in found
    )
    assert any("exports to grow 3%" in sentence for sentence in found)


def test_a_reporter_s_turn_tagged_with_the_outlet_states_a_premise_not_a_claim() -> None:
    text = (
        "LENA HOLT: Next question.\n\n"
        "ERIK SAND (Aftenposten): The central bank forecasts inflation of 2.5% next year. "
        "Do you agree?\n\n"
        "GOVERNOR MAI RUUD: We see it nearer 3% by the end of next year.\n\n"
        "LENA HOLT: Thank you.\n"
    )
    found = [candidate.sentence for candidate in extract_candidates(text, published_at=PUBLISHED)]
    assert not any("forecasts inflation" in sentence for sentence in found)


def test_a_question_asked_with_who_is_no_claim() -> None:
    text = (
        "Asked who would win the final, coach Ruth Akers said that was "
        '"a matter for the players, not for me."'
    )
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_a_body_saying_it_would_act_as_needed_or_stay_flexible_is_a_pledge() -> None:
    text = (
        'The Harwick Monetary Authority said on Monday that it would "remain vigilant and act '
        'as necessary." Chair Ola Dunne said the authority would "act as needed" if the '
        "currency fell."
    )
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_an_absolute_with_clause_of_an_expectation_has_no_source() -> None:
    text = (
        "Shares in Kestrel Haulage fell 2.1%, with higher diesel costs expected to squeeze "
        "profits in the second half. Retailer shares rose 1%, with lower energy bills expected "
        "to lift spending in the spring."
    )
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_a_second_verb_of_a_timetabled_clause_is_the_same_schedule() -> None:
    text = (
        "The inquiry's report will be released on June 4 and will list every recommendation "
        "in full, the commission said."
    )
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_surcharges_notices_and_services_put_in_the_diary_are_schedules() -> None:
    text = (
        "Hauliers in the federation will add fuel surcharges to invoices from April 1, the "
        "federation said. The registry said it would post the revised list at 9 a.m. Friday. "
        "The screening programme for over-60s will run until June 30, and clinics will offer "
        "evening slots from Monday, the health board said."
    )
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_a_hedge_on_an_irregular_past_verb_is_about_the_past() -> None:
    for text in (
        "Booking figures from the operator Travelo suggest tourists probably spent less again.",
        "Receipts from the tax office suggest households probably held off again in February.",
    ):
        assert extract_candidates(text, published_at=PUBLISHED) == []


def test_a_scale_s_word_defined_as_a_range_is_no_forecast() -> None:
    text = (
        'The agency publishes its wording guide: it defines "likely" as a 55% to 80% chance. '
        'In its reports, "remote" means less than 5%.'
    )
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_a_chance_put_at_a_quoted_figure_after_a_long_event_is_its_probability() -> None:
    candidate = only(
        "Greta Lind of Norvale Capital put the chance that the city council approves funding of "
        "more than 40 million crowns for the second harbour bridge and the new ring road at its "
        'June 3 session at "roughly 70%."'
    )
    assert candidate.probability == 0.7


def test_calling_a_named_contest_close_to_a_coin_toss_gives_even_odds() -> None:
    candidate = only(
        'The pollster Ida Brekke called the mayoral race "close to a coin toss, with a small '
        'edge to the incumbent."'
    )
    assert candidate.probability == 0.5
    assert only("Ida Brekke said the final is close to a coin toss.").probability == 0.5


def test_a_race_moved_to_toss_up_is_rated_at_even_odds() -> None:
    candidate = only('The Tern Report moved the governor\'s race from "Lean Hale" to "Toss Up".')
    assert candidate.probability == 0.5
    assert only("The Tern Report rates the seat Lean Republican.").probability is None


def test_a_newsletter_described_as_a_source_is_not_boilerplate() -> None:
    found = extract_candidates(
        "The Tern Report, an independent newsletter that rates county races, moved the "
        "sheriff's race from Likely Democratic to Lean Democratic.",
        published_at=PUBLISHED,
    )
    assert len(found) == 1


def test_quoted_confidence_of_an_outcome_is_a_forecast() -> None:
    candidate = only('Councillor Ada Finch said she was "quietly confident" of holding the ward.')
    assert candidate.speaker == "Ada Finch"
    assert len(extract_candidates('The union said it was "confident" of a deal by Friday.')) == 1


def test_a_body_s_forecast_and_its_projections_continued_give_figures() -> None:
    text = (
        "The Tarn Institute published its outlook on Monday. Its forecast, released with the "
        "report, has unemployment peaking at 6.1% in the autumn. They have the economy "
        "shrinking by 0.4% this year. In the institute's projections, the deficit peaks at "
        "4.2% of output next year."
    )
    found = extract_candidates(text, published_at=PUBLISHED)
    assert [candidate.quantity.low for candidate in found if candidate.quantity] == [
        6.1,
        -0.4,
        4.2,
    ]


def test_where_models_put_a_peak_and_what_they_show_at_it_are_forecasts() -> None:
    text = (
        "The Coastal Health Agency's models put the peak in the first week of April. "
        "At its height, they show between 300 and 450 new cases a day."
    )
    found = extract_candidates(text, published_at=PUBLISHED)
    assert len(found) == 2


def test_an_effect_measured_as_taking_an_amount_off_is_no_pledge() -> None:
    text = (
        "Q: What would the levy do to you?\n\n"
        "OKORO: If it passes in this form, it would take roughly 2% off our sales next year.\n\n"
        "Q: Thank you.\n"
    )
    candidate = only(text)
    assert candidate.quantity is not None and candidate.quantity.low == 2.0


def test_my_call_and_a_figure_pencilled_in_are_forecasts() -> None:
    assert only("My call is 3.4%, the lowest in a decade.").quantity == Quantity(3.4, 3.4, "%")
    candidate = only(
        "Rui Sato at Quay Markets is the most hawkish, pencilling in a rise to 4.75% in June."
    )
    assert candidate.quantity is not None and candidate.quantity.low == 4.75


def test_a_source_s_should_measured_against_a_past_period_is_a_hedged_forecast() -> None:
    candidate = only('"Hay fever should be worse than last year in the north," said Dr Lena Voss.')
    assert candidate.speaker == "Lena Voss"


def test_doing_an_amount_of_business_is_an_outcome_not_a_pledge() -> None:
    candidate = only('"We\'ll do about $45 million in sales next year," said Imke Rast.')
    assert candidate.quantity is not None and candidate.quantity.low == 45_000_000


def test_yes_with_where_the_course_ends_and_when_answers_a_question_ahead() -> None:
    text = (
        "Q: Do you expect house prices to keep falling?\n\n"
        "MARTA QUILL: Yes, to roughly 4% below today's level by the end of next year.\n\n"
        "Q: Thank you.\n"
    )
    candidate = only(text)
    assert candidate.speaker == "Marta Quill"


def test_the_week_of_a_named_day_ends_on_its_sunday() -> None:
    candidate = only("The agency expects admissions to peak in the week of April 8.")
    # Monday 8 April 2024: the week ends with Sunday 14 April
    assert candidate.deadline == datetime(2024, 4, 15, tzinfo=UTC)


def test_an_act_under_a_convention_and_a_count_tonight_are_arrangements() -> None:
    text = (
        "The speaker will call the largest party's leader to the palace within two days of the "
        "count, under a convention that goes back to 1911. The clerk said that all postal votes "
        "would be verified tonight."
    )
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_a_view_heard_from_others_is_not_the_speaker_s_call() -> None:
    text = (
        '"We keep hearing that rents will fall next year, so we are waiting," said Ola Brisk. '
        '"Whoever says the port will reopen in May is dreaming," said Tove Lang.'
    )
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_a_party_s_own_policy_is_a_pledge() -> None:
    for text in (
        "The Green List says it will raise the basic pension by 5% in its first year and will "
        "drop the fuel-duty plan.",
        "The Green List says it will raise child benefits by 3% in its first year and will "
        "scrap the road levy.",
    ):
        assert extract_candidates(text, published_at=PUBLISHED) == []


def test_projections_with_an_aside_on_where_they_came_out_still_show_a_course() -> None:
    text = (
        "The Bank of Orlen's projections published today in the autumn Financial Stability "
        "Report show lending growing by 2.5% next year. Its forecasts, which the governor "
        "called prudent, show unemployment rising to 6% in 2025."
    )
    assert len(extract_candidates(text, published_at=PUBLISHED)) == 2


def test_the_level_a_modelling_team_puts_a_count_at_is_its_forecast() -> None:
    text = (
        "The agency's modelling unit puts the number of daily admissions at the peak next "
        "month at between 90 and 140."
    )
    assert len(extract_candidates(text, published_at=PUBLISHED)) == 1


def test_odds_hung_on_the_clause_before_with_putting_it_at() -> None:
    candidate = only(
        'Economist Lars Wend said that a rate rise by June was "not out of the question", '
        "putting it at about one in four."
    )
    assert candidate.probability == 0.25


def test_a_transcript_tag_with_a_post_before_a_surname_names_the_person_in_full() -> None:
    text = (
        "Speakers: Edda Marrowby-Tull, Commissioner; Osric Fenn, Chair.\n\n"
        "MODERATOR: First question.\n\n"
        "COMMISSIONER MARROWBY-TULL: Fares will probably rise again in the spring. "
        "I would be surprised to see them fall before 2031.\n\n"
        "MODERATOR: Next.\n\n"
        "CHAIR FENN: Ridership is likely to recover by next summer."
    )
    assert speakers_of(text) == ["Edda Marrowby-Tull", "Edda Marrowby-Tull", "Osric Fenn"]


def test_a_titled_person_s_tag_opening_a_turn_is_no_firm_for_the_next_the_company() -> None:
    text = (
        "Dr. Ines Halloway-Prest runs the vaccine unit at the Norsk Health Agency.\n\n"
        "Q: When will the new shot arrive?\n\n"
        "HALLOWAY-PREST: Probably in October. The company has told us as much.\n\n"
        "Q: And next winter?\n\n"
        "HALLOWAY-PREST: I expect a milder flu season than this one."
    )
    assert speakers_of(text)[-1] == "Ines Halloway-Prest"


def test_an_adverb_opening_the_sentence_is_no_part_of_the_name_after_it() -> None:
    text = (
        "The incumbent looked safe. Then Greta Sallowmere, a dentist who has never run for "
        "office, entered the race. She told reporters she would probably win by ten points."
    )
    assert speakers_of(text) == ["Greta Sallowmere"]


def test_a_projection_from_a_body_its_kind_named_first_is_that_body_s() -> None:
    text = (
        "The latest projection from the research firm Oldacre Metrics, released on Monday, "
        "gives the Farmers' League 22 to 26 seats. A simulation by the data site Pollwise "
        "gives the Greens a 30% chance of entering government."
    )
    assert speakers_of(text) == ["Oldacre Metrics", "Pollwise"]


def test_a_broadcaster_s_numbered_channel_is_named_with_its_number() -> None:
    text = "Projections from Kanal 7 give the Centre Party 40 to 44 seats once all votes are in."
    assert speakers_of(text) == ["Kanal 7"]


def test_a_body_named_for_the_people_it_serves_keeps_its_possessive_word() -> None:
    text = (
        "Admissions for bronchiolitis will probably peak before Christmas, according to "
        "Ostrava Women's Hospital."
    )
    assert speakers_of(text) == ["Ostrava Women's Hospital"]


def test_a_caption_s_credit_word_is_no_body_a_later_the_club_means() -> None:
    text = (
        "Kelbrook beat Dunmore 1-0 on Saturday.\n\n"
        "Ada Brisk heads in the winner in front of the North Stand. Photograph: Lee Marr/Pix\n\n"
        "The winger hurt his knee in training, and the club said he would miss at least a "
        "month."
    )
    assert not any("Photograph" in (speaker or "") for speaker in speakers_of(text))


def test_a_name_taking_a_plural_verb_is_the_team_the_next_the_club_means() -> None:
    text = (
        "Marrick Town were without their captain against Ostervale on Saturday.\n\n"
        "Marrick Town were unlucky with injuries against Ostervale. The full-back went off "
        "after ten minutes, and the club said he would probably miss the next two games."
    )
    assert speakers_of(text) == ["Marrick Town"]


def test_a_transcript_turn_runs_on_over_untagged_paragraphs_to_the_next_tag() -> None:
    text = (
        "CHAIR: Welcome, everyone.\n\n"
        "COMMISSIONER VALLEN: Thank you. Ridership rose 4% last year.\n\n"
        "I expect ridership to pass its 2019 level by the end of next year.\n\n"
        "CHAIR: Questions, please.\n\n"
        "COMMISSIONER VALLEN: Happy to take them."
    )
    assert speakers_of(text) == ["Vallen"]


def test_a_reporter_tagged_with_the_outlet_puts_a_question_and_makes_no_claim() -> None:
    text = (
        "ANNA BRYCE (Harbour Times): The treasury forecasts growth of 2% next year. "
        "Is that realistic?\n\n"
        "MINISTER OLAFSSON: It is within reach.\n\n"
        "TOM KERR (Radio North): And unemployment?\n\n"
        "MINISTER OLAFSSON: Unemployment will probably fall below 5% by next summer."
    )
    assert speakers_of(text) == ["Olafsson"]


def test_a_report_s_listed_judgements_are_its_issuer_s_until_a_speaker_is_named() -> None:
    text = (
        "The Talvik Centre for Energy Policy said in a report on Monday that gas prices had "
        "peaked.\n\n"
        "The report's main conclusions:\n\n"
        "Wholesale gas prices will probably fall by a fifth next year.\n\n"
        "No new import terminal is likely to open before 2030.\n\n"
        "Mira Hollund, a trader at Oskar Energy, said the rally would likely resume.\n\n"
        "Storage levels are expected to stay high through the winter."
    )
    assert speakers_of(text) == [
        "Talvik Centre for Energy Policy",
        "Talvik Centre for Energy Policy",
        "Mira Hollund",
    ]


def test_a_verb_of_saying_inside_a_place_s_name_is_no_verb() -> None:
    text = (
        "Wheat exports from the United States are expected to fall 6% this season, "
        "according to the Grain Trade Council."
    )
    assert speakers_of(text) == ["Grain Trade Council"]


def test_a_chance_put_on_a_team_described_before_its_name_is_the_putter_s() -> None:
    text = "Goalcast puts newly promoted Ferrow's chances of staying up at one in three."
    assert speakers_of(text) == ["Goalcast"]


def test_a_body_introduced_by_its_kind_and_set_beside_another_speaks() -> None:
    text = "The analytics firm Numbrel is less sure, putting the chance of a rate cut at 40%."
    assert speakers_of(text) == ["Numbrel"]


def test_its_model_means_the_body_named_earlier_in_the_same_sentence() -> None:
    text = (
        "Ladbury Bet makes Kinross 8/11 favourites. The stats site Goalmetric is a little "
        "more cautious about the visitors: its model gives Kinross a 41% chance of winning."
    )
    assert speakers_of(text)[-1] == "Goalmetric"


def test_a_manager_saying_a_player_will_start_is_a_person_not_his_employer() -> None:
    text = (
        "Kelby manager Orla Fenwick said striker Dan Mayhew had recovered. "
        'Fenwick was upbeat. "We will probably win the league," she said.'
    )
    assert speakers_of(text) == ["Orla Fenwick"]


def test_a_lower_case_compound_opening_a_sentence_is_no_body_the_company_means() -> None:
    text = (
        "Brackley Stores raised its outlook on Thursday.\n\n"
        "Year-on-year sales rose 4% in the ten weeks to May 2, ahead of the 3% analysts "
        "had expected.\n\n"
        "The company now expects annual profit of about 300 million pounds."
    )
    assert speakers_of(text)[-1] == "Brackley Stores"


def test_a_street_named_in_short_is_no_one_a_later_he_means() -> None:
    text = (
        "Tomas Grell-Okafor addressed volunteers at the depot on Mercer Rd. after midnight.\n\n"
        '"We will probably win this seat by a mile," he told them.'
    )
    assert speakers_of(text) == ["Tomas Grell-Okafor"]


def test_an_occasion_s_day_in_a_standfirst_is_no_one_the_story_is_about() -> None:
    text = (
        "Rovers boss says the title is still on\n\n"
        "Derby Day preview: Kelby Rovers trail by six points with a dozen games left\n\n"
        "Elin Marsh-Abara has seen bigger gaps closed.\n\n"
        "The Rovers manager, who won the cup as a player in 2009, was in a defiant mood.\n\n"
        '"We are not done yet," the 47-year-old said. "Ashby will probably slip up in March."'
    )
    assert speakers_of(text) == ["Elin Marsh-Abara"]


def test_a_titled_surname_gives_way_to_the_full_name_given_later() -> None:
    text = (
        "Inflation will probably fall below 3% by the summer, Commissioner Dalgaard-Rey said "
        "on Monday. Ingrid Dalgaard-Rey took up the post in 2026."
    )
    assert speakers_of(text) == ["Ingrid Dalgaard-Rey"]


def test_handing_the_forecast_to_others_is_declining() -> None:
    text = (
        'Pia Lundgren-Ade leads the Farmers Party.\n\n"I leave forecasts to the betting firms," '
        "she told the rally on Friday."
    )
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_not_biting_is_declining() -> None:
    text = (
        "Kelby Rovers top the table by four points, and bookmakers make them favourites.\n\n"
        'Barrant-Lee, sensibly, won\'t bite. "We play Saturday," he said.'
    )
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_a_refusal_of_ones_own_side_is_a_vow() -> None:
    text = (
        "The interior minister, Aldo Venkat-Ruiz, said his country would never accept a "
        'border drawn by outsiders. He added that "we will never surrender the islands."'
    )
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_a_forecast_made_last_month_by_name_is_a_past_belief() -> None:
    text = (
        "Last October, the ministry projected that the deficit would narrow to 2% by the end "
        "of 2025, a figure it no longer stands by."
    )
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_a_hedged_consequent_answers_the_question_s_condition() -> None:
    text = (
        "Transcript: the pollster Idris Malmo-Kent on the mayoral race\n\n"
        "HOST: What if the Greens stand down in the east?\n\n"
        "MALMO-KENT: Then he probably wins. The east is where it is decided."
    )
    candidate = only(text)
    assert candidate.sentence.endswith("Then he probably wins.")
    assert candidate.speaker == "Idris Malmo-Kent"


def test_a_peak_put_on_a_short_month_and_day_is_an_estimate() -> None:
    text = (
        "Dr. Hana Quist-Obi, who models infections at Tarrow University, was more cautious. "
        '"I would put the peak around Feb. 3," she said.'
    )
    assert only(text).speaker == "Hana Quist-Obi"


def test_a_measure_set_against_a_past_record_is_checkable() -> None:
    text = (
        "Transcript: the pollster Idris Malmo-Kent on the mayoral race\n\n"
        "HOST: Is the race over?\n\n"
        "MALMO-KENT: It will be tighter than the last election.\n\n"
        "HOST: And the count?\n\n"
        "MALMO-KENT: It will be tighter than people think."
    )
    assert [c.sentence for c in extract_candidates(text, published_at=PUBLISHED)] == [
        "MALMO-KENT: It will be tighter than the last election."
    ]


def test_a_result_read_off_the_forecaster_s_numbers_is_a_call() -> None:
    text = (
        '"On our figures, the Farmers Party is still the favourite," said Ines Rowe-Abba, who '
        "runs the polling unit at Kelvin Research.\n\n"
        '"On current figures, inflation is 3%," she added.'
    )
    assert only(text).sentence.startswith('"On our figures, the Farmers Party')


def test_seeing_a_party_ahead_with_a_seat_range_is_a_projection() -> None:
    text = (
        "Another pollster, Garran Insight, sees the Liberal Front comfortably ahead, with 71 to "
        "75 seats. It sees danger ahead for the smaller parties."
    )
    candidate = only(text)
    assert candidate.sentence.startswith("Another pollster, Garran Insight, sees")
    assert candidate.speaker == "Garran Insight"


def test_calling_the_event_just_named_a_long_shot_is_a_call_on_it() -> None:
    text = (
        "Tove Brask-Imani of Orrin Capital also thinks Delmar could part company with their coach, "
        'but calls that "a long shot."'
    )
    assert only(text).speaker == "Tove Brask-Imani"


def test_believing_the_target_achievable_is_a_call_on_it() -> None:
    text = (
        "The airline's finance chief, Ruth Okoro-Lind, was asked about the goal of a 9% margin "
        'next year. "We think that is achievable, but there is little room for error," she said.'
    )
    assert only(text).sentence.startswith('"We think that is achievable')


def test_a_tip_label_may_name_the_day_it_is_for() -> None:
    text = "Preview: Ashby v Kelmoor\n\nBy Rhod Evans\n\nMy pick for Sunday: Kelmoor by three."
    assert only(text).sentence == "My pick for Sunday: Kelmoor by three."


def test_a_verdict_names_the_winner_by_the_kind_of_win() -> None:
    text = (
        "Preview: Ashby v Kelmoor\n\nBy Rhod Evans\n\n"
        "Our verdict: an Ashby win, 3-1, and the title back in the east.\n\n"
        "Our verdict: Kelmoor, but only just."
    )
    assert len(extract_candidates(text, published_at=PUBLISHED)) == 2


def test_a_tipster_s_infinitive_after_a_caveat_is_a_pick() -> None:
    text = (
        "Column by Rhod Evans\n\nMy record is poor, so bear that in mind: Ashby to reach the "
        "play-offs."
    )
    assert only(text).sentence.endswith("Ashby to reach the play-offs.")


def test_seeing_christmas_is_lasting_in_post_until_then() -> None:
    text = (
        "Column by Rhod Evans\n\nThe Ashby board has lost patience with its coach, Lars Penn. "
        "I don't think he sees Christmas."
    )
    assert only(text).sentence == "I don't think he sees Christmas."


def test_a_hedged_denial_to_one_side_alone_answers_a_can_question() -> None:
    text = (
        "Explainer: the regional vote\n\nCan any party win a majority?\n\n"
        "Probably not alone. The Greens need a partner."
    )
    assert only(text).sentence == "Probably not alone."


def test_a_refusal_told_to_reporters_is_a_pledge() -> None:
    text = (
        "The mayor, Rina Soto-Ek, has told reporters she will not endorse either of the two "
        "candidates."
    )
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_a_statement_an_auction_and_an_update_are_the_source_s_own_timetable() -> None:
    text = (
        "Her office said she would make a statement on Thursday afternoon.\n\n"
        "Radio Licences: The Varland regulator will auction spectrum licences in June 2025.\n\n"
        "Kell Ratings said it would update its outlook if conditions change."
    )
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_a_when_clause_then_will_do_so_sets_the_scene_of_a_meeting() -> None:
    text = (
        "When the city council meets on April 2, it will do so under pressure from tenants "
        "who have seen rents rise by 9% a year."
    )
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_short_lines_under_a_predictions_heading_are_picks() -> None:
    text = (
        "Column: the regional vote\n\nBy Rhod Evans\n\nThe vote is on Sunday, and the polls are "
        "tight.\n\nMy predictions\n\nThe Farmers Party wins a majority, with 41 of 80 seats.\n\n"
        "Lina Vass is first minister by the end of May.\n\n"
        "What the parties say\n\nThe Greens win praise for their posters."
    )
    found = [c.sentence for c in extract_candidates(text, published_at=PUBLISHED)]
    assert found == [
        "The Farmers Party wins a majority, with 41 of 80 seats.",
        "Lina Vass is first minister by the end of May.",
    ]


def test_the_writer_s_view_label_makes_the_present_pick_the_writer_s() -> None:
    text = (
        "Live: the mayoral count\n\nOur view: Tomas Rell wins the runoff, though by less than "
        "his early lead implies."
    )
    candidate = only(text)
    assert candidate.speaker is None


def test_takings_put_as_north_of_a_figure_are_a_forecast() -> None:
    text = (
        "Interview: Orla Venn, chief executive of Tamsin Games\n\nQ: And sales?\n\n"
        "VENN: This year we'll do north of $90 million."
    )
    assert only(text).speaker == "Orla Venn"


def test_a_consequent_that_slips_by_a_time_answers_the_condition() -> None:
    text = (
        "Interview: Orla Venn, chief executive of Tamsin Games\n\n"
        "Q: What if the licence is refused?\n\n"
        "VENN: Then the Asian release slips by six months, I'd guess."
    )
    assert only(text).sentence.endswith("slips by six months, I'd guess.")


def test_not_needing_funds_before_a_date_is_a_forecast() -> None:
    text = (
        "Interview: Orla Venn, chief executive of Tamsin Games\n\nQ: Is more funding coming?\n\n"
        "VENN: We won't need to borrow again before 2026 unless a deal comes along."
    )
    assert only(text).speaker == "Orla Venn"


def test_what_a_survey_s_respondents_expect_is_nobody_s_to_track() -> None:
    text = (
        "Households taking part in the Harbour Bank survey expect prices to rise by 3.1% over "
        "the next year."
    )
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_graded_even_odds_on_an_event_in_the_present_look_ahead() -> None:
    text = (
        '"There is a roughly even chance that the river breaks its bank," said Marit Solbe, '
        "a hydrologist at the flood agency.\n\n"
        '"I would put a roughly even chance of that happening," said Marit Solbe.'
    )
    found = extract_candidates(text, published_at=PUBLISHED)
    assert [c.probability for c in found] == [0.5, 0.5]


def test_odds_given_on_a_whether_clause_are_a_forecast_not_a_question() -> None:
    text = "Whether the Liberals or the Farmers come second is a toss-up, said Petra Lunde-Ek."
    assert only(text).probability == 0.5
    asked = "Asked whether the Liberals would come second, Petra Lunde-Ek shrugged."
    assert extract_candidates(asked, published_at=PUBLISHED) == []


def test_a_realistic_possibility_is_forty_to_fifty_percent() -> None:
    text = (
        "The Varn Institute's director, Elsa Roime, said a ceasefire was a realistic "
        "possibility before the summer."
    )
    assert only(text).probability == 0.45


def test_a_rating_release_speaks_for_the_agency_its_lede_opens_on_not_the_firm_it_rates() -> None:
    named_on_the_marker = (
        "Corvel Credit Downgrades Aldene Shipping to 'BB'\n\n"
        "Media release | Corvel Credit | 4 March 2024\n\n"
        "PARIS, 4 March 2024 - Corvel Credit has today downgraded Aldene Shipping plc to 'BB'.\n\n"
        "Freight Rates: We expect Aldene's revenue to fall by about 8% in 2025."
    )
    assert speakers_of(named_on_the_marker) == ["Corvel Credit"]
    named_in_the_lede = (
        "Corvel Credit Downgrades Aldene Shipping to 'BB'\n\n"
        "Press release | 4 March 2024\n\n"
        "PARIS, 4 March 2024 - Corvel Credit has today downgraded Aldene Shipping plc to 'BB'.\n\n"
        "Freight Rates: We expect Aldene's revenue to fall by about 8% in 2025."
    )
    assert speakers_of(named_in_the_lede) == ["Corvel Credit"]


def test_a_broker_s_research_note_speaks_for_the_broker_in_its_own_we() -> None:
    note = (
        "Pellandia: slowdown deepens\n\n"
        "Brannock Capital | Research note | 4 March 2024\n\n"
        "Factory orders fell for a fifth month in February.\n\n"
        "We now see a 40% probability of a recession in Pellandia within 12 months. "
        "In our view, the jobless rate will reach 7% by December."
    )
    assert speakers_of(note) == ["Brannock Capital", "Brannock Capital"]


def test_a_statement_introduced_as_a_body_s_speaks_in_that_body_s_we() -> None:
    text = (
        "Rates on hold\n\n"
        "The following is a statement by the Policy Board of the Bank of Estrellia.\n\n"
        "The Board left the policy rate at 3.5%. We expect inflation to ease to 2.4% by the "
        "end of the year."
    )
    assert speakers_of(text) == ["Bank of Estrellia"]


def test_a_lede_in_a_release_s_own_words_makes_its_we_the_body_s() -> None:
    release = (
        "Fourth-quarter results\n\n"
        "Corrowick Mills today reported a 6% rise in quarterly sales.\n\n"
        "We expect volumes to grow by about 3% in 2025, helped by new export orders."
    )
    assert speakers_of(release) == ["Corrowick Mills"]
    news = (
        "Mill sales rise\n\n"
        "Corrowick Mills today reported a 6% rise in quarterly sales.\n\n"
        '"We expect volumes to grow," said Dana Ferreol, its chief executive.\n\n'
        "Sales will probably slow in 2025 as export orders fade."
    )
    assert speakers_of(news)[-1] is None


def test_an_unquoted_we_gives_way_to_the_source_the_sentence_ends_by_naming() -> None:
    text = (
        "Copper outlook cut\n\n"
        "Harlan Brothers trimmed its copper forecast on Monday in a note to clients.\n\n"
        "We expect copper to average $8,400 a tonne next year, the bank's note said."
    )
    assert speakers_of(text) == ["Harlan Brothers"]


def test_the_spokesman_met_before_still_speaks_for_his_body() -> None:
    text = (
        "Ports brace for winter\n\n"
        "A spokesman for the Eastgate Ports Authority, which runs four harbours, said the "
        "authority had hired 50 extra pilots.\n\n"
        '"We expect traffic to fall by a tenth this winter," the spokesman said.'
    )
    assert speakers_of(text)[-1] == "Eastgate Ports Authority"


def test_both_before_a_pair_of_surnames_is_no_first_name() -> None:
    text = (
        "Talks resume\n\n"
        "The envoys, Marek Dunholt and Sela Varga, met on Monday. Both Dunholt and Varga expect "
        "a deal by May.\n\n"
        "Dunholt said the talks would probably end without a deal by June."
    )
    assert speakers_of(text)[-1] == "Marek Dunholt"


def test_a_place_written_right_before_a_person_is_no_part_of_her_name() -> None:
    text = (
        "Vote nears\n\n"
        "Polls open in central Orrick on Sunday. The opposition is led by the former mayor of "
        "Orrick Tamsin Hale.\n\n"
        "Hale said her party would probably win at least 40 seats."
    )
    assert speakers_of(text) == ["Tamsin Hale"]


def test_a_family_name_s_hyphened_particle_is_part_of_the_name() -> None:
    text = (
        "Oil output\n\n"
        "Yusuf al-Marzan, the energy minister, said on Monday that output would rise to 2 "
        "million barrels a day by June.\n\n"
        "Al-Marzan said prices would probably stay above $70 through the summer."
    )
    assert speakers_of(text) == ["Yusuf al-Marzan", "Yusuf al-Marzan"]


def test_a_bookmaker_s_price_written_with_a_hyphen_is_the_bookmaker_s() -> None:
    text = (
        "Title race\n\n"
        "Kelford Town won 2-1 on Saturday. Stakeline makes Kelford 5-2 favourites to win the "
        "league, which implies a 29% chance."
    )
    assert speakers_of(text) == ["Stakeline"]


def test_a_lede_s_counted_banks_predicting_are_the_banks_named_after_it() -> None:
    text = (
        "Copper slips\n\n"
        "Copper fell on Tuesday as the Mining Council weighed new quotas, with two large banks "
        "forecasting that prices would drop below $8,000 a tonne by June.\n\n"
        "Analysts at Pellworth Bank and Carran & Lowe both forecast copper at $7,900 in the "
        "second quarter."
    )
    (first, *_) = extract_candidates(text, published_at=PUBLISHED)
    assert first.speaker == "Pellworth Bank"
    assert first.speakers == ("Pellworth Bank", "Carran & Lowe")


def test_a_panel_s_picks_belong_to_the_pundit_whose_name_line_heads_them() -> None:
    text = (
        "Three pundits pick the final\n\n"
        'Ashbury meet Corran in Saturday\'s final. "We are ready," said Ashbury coach Lena '
        "Fisk on Thursday.\n\n"
        "Ruth Anand, former Corran captain\n\n"
        "Corran, narrowly.\n\n"
        "Pavel Nyberg (Radio Ashbury)\n\n"
        "Ashbury, 3-1.\n\n"
        "Corran will probably lose their coach in the summer.\n\n"
        "Ines Cole, The Herald:\n\n"
        "Ashbury to win after extra time."
    )
    assert speakers_of(text) == ["Ruth Anand", "Pavel Nyberg", "Pavel Nyberg", "Ines Cole"]


def test_an_announced_panel_of_two_gives_each_pick_to_its_pundit() -> None:
    text = (
        "Derby picks\n\n"
        "We asked two former players for their predictions.\n\n"
        "Sam Ortiz, ex-Wexley striker\n\n"
        "Wexley, comfortably.\n\n"
        "Noor Haddad (former Tarrow goalkeeper)\n\n"
        "Tarrow to win 2-1."
    )
    assert speakers_of(text) == ["Sam Ortiz", "Noor Haddad"]


def test_a_month_after_last_opening_a_sentence_is_no_one_who_speaks() -> None:
    text = (
        "Growth outlook\n\n"
        "The Bank of Arvena left rates unchanged on Monday.\n\n"
        "Last November the bank forecast growth of 2% for 2024, and it now expects growth to "
        "slow to 1% next year."
    )
    assert speakers_of(text) == ["Bank of Arvena"]


def test_premier_before_a_name_is_a_title_not_a_first_name() -> None:
    text = (
        "Provincial vote\n\n"
        "Premier Ada Lindqvist called the election on Monday.\n\n"
        "Lindqvist said her party would probably win a majority in May."
    )
    assert speakers_of(text) == ["Ada Lindqvist"]


def test_a_pronoun_s_speaker_is_not_the_person_her_quotation_speaks_of() -> None:
    text = (
        "Cup tie\n\n"
        "Coach Greta Lanz was upbeat. She praised her forward, Mira Sol, who has been "
        'injured. "Mira will be fit for the final, I am sure," she said.'
    )
    assert speakers_of(text) == ["Greta Lanz"]


def test_an_and_that_joins_clauses_does_not_make_the_first_subject_a_joint_speaker() -> None:
    text = (
        "Injury news\n\n"
        "Harlow coach Bea Fontaine met reporters on Friday.\n\n"
        "Harlow winger Ola Nystrom, who twisted an ankle in training, is struggling, and "
        "Fontaine said he would probably miss the final on Sunday."
    )
    assert speakers_of(text) == ["Bea Fontaine"]


def test_an_interview_under_a_release_style_lede_keeps_its_we_off_the_body() -> None:
    text = (
        "Agency cuts Ostland\n\n"
        "Merrow Ratings has today downgraded Ostland to 'BB'. Its lead analyst, Jon Vale, "
        "explained why.\n\n"
        "Why now?\n\n"
        "We expect the deficit to widen to 6% of GDP next year."
    )
    assert speakers_of(text) != ["Merrow Ratings"]


def test_a_note_signed_by_a_body_s_economists_speaks_for_the_body_in_its_we() -> None:
    signed = (
        "Pellandia: more cuts to come\n\n"
        "By Iris Monk and Theo Sandoval, economists at Oakridge Bank\n\n"
        "Inflation fell to 2.8% in February.\n\n"
        "We expect two more rate cuts by September."
    )
    assert speakers_of(signed) == ["Oakridge Bank"]
    unit = (
        "Weekly view: Pellandia\n\n"
        "Fennick Partners Global Research\n\n"
        "Inflation fell to 2.8% in February.\n\n"
        "We expect two more rate cuts by September."
    )
    assert speakers_of(unit) == ["Fennick Partners"]


def test_an_interviewee_s_in_our_projections_speaks_for_their_institution() -> None:
    text = (
        "Lena Ortmark is head of forecasting at the Bank of Velloria. She spoke to Sam Reyes "
        "about the outlook.\n\n"
        "REYES: How high will unemployment go?\n\n"
        "ORTMARK: It has been a weak year. In our projections, unemployment peaks at 6.1% "
        "early next year.\n\n"
        "REYES: And after that?\n\n"
        "ORTMARK: I think unemployment will fall back below 5% by 2026."
    )
    assert speakers_of(text) == ["Bank of Velloria", "Lena Ortmark"]


def test_a_body_s_name_after_a_lower_case_modifier_is_still_its_name() -> None:
    text = (
        "Flood risk\n\n"
        "The regional Flood Warning Service said on Monday that the river would probably "
        "burst its banks by Friday."
    )
    assert speakers_of(text) == ["Flood Warning Service"]


def test_a_race_rating_newsletter_that_moves_a_race_is_a_body_that_speaks() -> None:
    text = (
        "Governor's race tightens\n\n"
        "On Monday, the Dunmore Political Report, a nonpartisan newsletter, moved the race "
        "from Safe Republican to Likely Republican, meaning it still sees Ms. Varga as the "
        "favorite to win in November."
    )
    assert speakers_of(text) == ["Dunmore Political Report"]


def test_a_host_reading_out_a_source_s_forecast_before_the_question_reports_it() -> None:
    text = (
        "Evening Report: Can the port strike end? (transcript)\n\n"
        "PETRA LOWANDE: Good evening. With me are Dr. Simon Archer-Bey, a labour economist, "
        "and Nell Fairhurst, who ran the docks union for a decade.\n\n"
        "LOWANDE: Dr. Archer-Bey, does the strike end this month?\n\n"
        "ARCHER-BEY: I think it probably does. Both sides are running out of money.\n\n"
        "LOWANDE: Nell Fairhurst, do you agree?\n\n"
        "FAIRHURST: No. The union will hold out until the summer.\n\n"
        "LOWANDE: The Port Authority of Kelmsey said this week it expected the dispute to cost "
        "the region 1% of its output this year. Is that too gloomy?\n\n"
        "FAIRHURST: It is about right."
    )
    reported = [
        candidate
        for candidate in extract_candidates(text, published_at=PUBLISHED)
        if "Kelmsey" in candidate.sentence
    ]
    assert [candidate.speaker for candidate in reported] == ["Port Authority of Kelmsey"]


def test_lines_after_a_writer_s_here_is_how_i_see_it_are_their_picks() -> None:
    text = (
        "Opinion: the council vote\n\n"
        "The council votes in May. Most people I talk to expect a close race.\n\n"
        "Here is how I see it:\n\n"
        "Labour: 24 seats, give or take two.\n\n"
        "Turnout: below 40% for the first time since 1990.\n\n"
        "The Independents hold their three seats.\n\n"
        "Marta Velasquez is council leader by the end of the summer.\n\n"
        "The Greens could lose both their seats.\n\n"
        "That is all. The count starts at 10pm. The Liberals take the ward, I was told."
    )
    assert [candidate.sentence for candidate in extract_candidates(text)] == [
        "Labour: 24 seats, give or take two.",
        "Turnout: below 40% for the first time since 1990.",
        "The Independents hold their three seats.",
        "Marta Velasquez is council leader by the end of the summer.",
        "The Greens could lose both their seats.",
    ]


def test_a_writer_s_calls_after_here_are_my_calls_share_a_paragraph() -> None:
    text = (
        "The budget fails next week. So here, for the record, are my predictions.\n\n"
        "The Farmers' Party wins the most seats. Ana Brodsky is prime minister by July. "
        "The Pirates clear the threshold, narrowly.\n\n"
        "The Farmers' Party wins plaudits for its campaign, but that is the past."
    )
    assert [candidate.sentence for candidate in extract_candidates(text)] == [
        "The Farmers' Party wins the most seats.",
        "Ana Brodsky is prime minister by July.",
        "The Pirates clear the threshold, narrowly.",
    ]


def test_a_panellist_s_pick_under_the_panel_s_question_and_their_name_is_a_forecast() -> None:
    text = (
        "Cup final: our panel's picks\n\n"
        "We asked three pundits two questions.\n\n"
        "1. Who wins the final?\n\n"
        "JANE OKORO-BELL\nFormer Albion striker\n\n"
        "Albion 2-0. Their midfield is too strong.\n\n"
        "MARCUS FENWICK\nRadio analyst\n\n"
        "I hope I'm wrong, but Rovers win on penalties. They always do in finals.\n\n"
        "2. One bold prediction?\n\n"
        "JANE OKORO-BELL\n\n"
        "Dimitri Sauer retires at the end of the season. He is in the form of his life.\n\n"
        "OUR VERDICT\n\n"
        "Rovers by a goal."
    )
    assert [candidate.sentence for candidate in extract_candidates(text)] == [
        "Albion 2-0.",
        "I hope I'm wrong, but Rovers win on penalties.",
        "Dimitri Sauer retires at the end of the season.",
        "Rovers by a goal.",
    ]


def test_a_research_note_s_we_look_for_and_we_pencil_in_are_forecasts() -> None:
    text = (
        "Weekly outlook\n\n"
        "We look for two more 50bp hikes from the central bank by June. Beyond that, we "
        "pencil in a recovery to 2% growth in 2026. We look for opportunities in bonds."
    )
    assert [candidate.sentence for candidate in extract_candidates(text)] == [
        "We look for two more 50bp hikes from the central bank by June.",
        "Beyond that, we pencil in a recovery to 2% growth in 2026.",
    ]


def test_our_revised_profile_has_a_figure_for_a_quarter_to_come() -> None:
    text = (
        "Quarterly outlook\n\n"
        "Our revised quarterly profile, shown in the chart, has output shrinking by 0.3% in "
        "the second quarter of 2025."
    )
    assert only(text).reason == "a projection's figures"


def test_a_person_who_is_certain_of_nothing_named_states_a_stance() -> None:
    text = "Party split\n\nThe challenger, of course, is certain.\n\nA recession is certain."
    assert [candidate.sentence for candidate in extract_candidates(text)] == [
        "A recession is certain."
    ]


def test_odds_that_drift_to_a_dashed_price_are_fractional_odds() -> None:
    text = (
        "Mayoral race\n\n"
        "Harbet has made Ostrowski the favourite. Its odds on Lindqvist have drifted to 7-2.\n\n"
        "In the derby, City have drifted to 2-1 behind."
    )
    (candidate,) = [c for c in extract_candidates(text) if "Lindqvist" in c.sentence]
    assert candidate.probability is not None
    assert abs(candidate.probability - 2 / 9) < 0.001


def test_i_d_give_it_one_in_four_is_the_odds_of_the_event_after() -> None:
    text = "Listing plans\n\nI'd give it one in four that we float the company in 2026."
    candidate = only(text)
    assert candidate.probability == 0.25


def test_a_caption_s_sentences_are_split_before_its_photo_credit() -> None:
    text = (
        "The reef in retreat\n\n"
        "By Ola Brandt\n\n"
        "Dr. Kofi Menard counts bleached corals off the point in March. Most of this reef, he "
        "says, will be dead by 2040. Photograph: Lise Amundsen\n\n"
        "The survey boat leaves at dawn."
    )
    assert [candidate.sentence for candidate in extract_candidates(text)] == [
        "Most of this reef, he says, will be dead by 2040."
    ]


def test_should_look_out_for_is_advice() -> None:
    text = (
        "Flu jabs\n\n"
        "Owners of older cars should look out for a letter from the agency in March, the "
        "Health Agency said. Prices should fall by 2025, the Health Agency said."
    )
    assert [candidate.sentence for candidate in extract_candidates(text)] == [
        "Prices should fall by 2025, the Health Agency said."
    ]


def test_would_only_say_gives_no_forecast() -> None:
    text = (
        "Results\n\n"
        'The chief executive, Hanna Roe, would only say that price cuts were "not on the '
        'table this year." Roe said sales would rise 5% next year.'
    )
    assert [candidate.sentence for candidate in extract_candidates(text)] == [
        "Roe said sales would rise 5% next year."
    ]


def test_consensus_forecasts_are_no_one_s_to_track() -> None:
    text = (
        "Outlook\n\n"
        "Consensus forecasts now show inflation of 2.4% next year. Veldt Capital expects "
        "inflation of 3% next year."
    )
    assert [candidate.sentence for candidate in extract_candidates(text)] == [
        "Veldt Capital expects inflation of 3% next year."
    ]


def test_selectors_who_will_name_their_squad_on_a_day_are_a_schedule() -> None:
    text = (
        "Selection\n\n"
        "Should Rovers drop their keeper? Okafor thinks so; the selectors will name their squad "
        "on Friday."
    )
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_a_leader_s_vow_to_lead_her_party_into_the_election_is_a_pledge() -> None:
    text = (
        "Leader\n\n"
        'The first minister, Hanna Roe, faces a confidence vote. "I will serve out my full '
        'term and I will lead my party into the election," she said on Thursday.'
    )
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_a_coach_s_style_of_play_is_a_pledge() -> None:
    text = (
        "Preview\n\n"
        'Rovers coach Ana Pell said on Friday that her side would "play the same fearless '
        'rugby whatever the score." Pell said her side would win the league.'
    )
    assert [candidate.sentence for candidate in extract_candidates(text)] == [
        "Pell said her side would win the league."
    ]


def test_we_think_with_a_present_tense_call_for_a_time_to_come_is_a_forecast() -> None:
    text = (
        "Copper\n\n"
        'Omar Reyes is head of metals at Dunlin Capital. "We think stocks shrink by about '
        '200,000 tonnes in the first half," he said. "I think prices are too high in March '
        'already," Reyes said. "I think we made mistakes in 2023," Reyes said.'
    )
    assert [candidate.sentence for candidate in extract_candidates(text)] == [
        '"We think stocks shrink by about 200,000 tonnes in the first half," he said.'
    ]


def test_a_source_s_should_win_names_a_result_to_check() -> None:
    text = (
        "Derby preview\n\n"
        'Former keeper Tom Ralls, now a pundit, said: "Albion should beat them easily. They '
        'are fitter."'
    )
    candidate = only(text)
    assert candidate.speaker == "Tom Ralls"


def test_a_pundit_going_for_a_score_gives_a_tip() -> None:
    text = (
        "Derby preview\n\n"
        '"Both defences are shaky, so I\'m going for 3-2," said Mara Quist, the former captain.'
    )
    assert only(text).speaker == "Mara Quist"


def test_a_forecast_that_is_for_a_figure_to_move_is_a_forecast() -> None:
    text = (
        "Rates\n\n"
        "The Bank of Ostria held rates on Tuesday. Its forecast, set out in the report, is for "
        "unemployment to rise to 6% next year."
    )
    assert only(text).reason == "a forecast's course"


def test_a_party_heading_for_a_share_in_words_is_a_forecast() -> None:
    text = 'Polls\n\nThe Pirates\' leader, Ana Roe, says her party is "heading for nine per cent."'
    assert only(text).speaker == "Ana Roe"


def test_a_research_note_s_header_line_names_the_body_whose_we_it_is() -> None:
    text = (
        "Ostria outlook: growth call lowered\n\n"
        "Pellham Brothers | Global Research | Rates\n\n"
        "2 March 2027\n\n"
        "We now see a 40% chance that Ostria enters recession this year.\n\n"
        "Exports are likely to shrink by about 2% in 2027.\n\n"
        "What would make us more hopeful?\n\n"
        "Should oil prices fall, growth could reach 1% next year."
    )
    assert speakers_of(text) == ["Pellham Brothers"] * 3


def test_a_research_note_signed_off_at_the_end_is_its_signer_s() -> None:
    text = (
        "Ostria: the recovery stalls\n\n"
        "We expect the central bank to cut rates twice before the end of the year.\n\n"
        "Unemployment will probably rise to 7% by the autumn.\n\n"
        "© 2027 Pellham Brothers. All rights reserved."
    )
    assert speakers_of(text) == ["Pellham Brothers"] * 2


def test_a_research_note_titled_by_its_issuer_is_the_issuer_s() -> None:
    text = (
        "Dunmore Ratings: Ostria outlook revised to negative\n\n"
        "We expect Ostria's debt to exceed 90% of GDP by 2029.\n\n"
        "The deficit is likely to stay above 4% of GDP next year."
    )
    assert speakers_of(text) == ["Dunmore Ratings"] * 2


def test_a_dated_forecast_after_a_possessive_is_whose_it_is_not_who_speaks() -> None:
    text = (
        "Pellham Brothers | Economics\n\n"
        "Ostria outlook\n\n"
        "We cut our 2028 CPI inflation forecast to 2.1% from 2.6%."
    )
    assert speakers_of(text) == ["Pellham Brothers"]


def test_a_body_s_initials_after_the_take_its_documents() -> None:
    text = (
        "The Ostrian Central Bank (OCB) left its policy rate at 3% on Tuesday.\n\n"
        "The OCB's own projections, released with the decision, show the rate at 2.5% at the "
        "end of next year."
    )
    assert speakers_of(text) == ["Ostrian Central Bank"]


def test_a_pundit_s_name_heading_in_capitals_owns_the_section_below_it() -> None:
    text = (
        "Cup final: our panel's picks\n\n"
        "Rovers manager Ilse Marten-Crow said on Friday that her side would attack from the "
        "start.\n\n"
        "Who lifts the cup?\n\n"
        "DARA OKONJO-FELL\n"
        "Former Rovers defender\n\n"
        "Rovers, 2-0. Their full-backs will run the game.\n\n"
        "PROF. LIAM ASHDOWN\n"
        "Sports statistician, Goalpath\n\n"
        "My ratings give City a 55% chance of winning in normal time.\n\n"
        "THE VERDICT\n\n"
        "City will edge it."
    )
    assert speakers_of(text) == [
        "Ilse Marten-Crow",
        "Dara Okonjo-Fell",
        "Dara Okonjo-Fell",
        "Liam Ashdown",
        None,
    ]


def test_a_body_named_after_what_it_does_for_forecasts_speaks() -> None:
    text = (
        "Vote nears\n\n"
        "The poll aggregator Stemmeur, which has run since 2014, gives the Greens a 64% "
        "chance of winning."
    )
    assert speakers_of(text) == ["Stemmeur"]


def test_a_bookmaker_that_cuts_a_runner_to_hyphenated_odds_quotes_them() -> None:
    text = (
        "Runoff\n\n"
        "Crowfield Bet has cut Ionescu to 2-5 for the presidency, an implied probability "
        "of 71%."
    )
    assert speakers_of(text) == ["Crowfield Bet"]


def test_a_body_described_beside_its_name_speaks_in_a_relative_clause_and_by_its_kind() -> None:
    text = (
        "Dry winter ahead\n\n"
        "Growers are worried.\n\n"
        "The outlook comes from Vaerstat, the national weather service, which now puts the "
        "chance of a dry winter at 60%.\n\n"
        "The service also gives a 65% chance that El Nino develops by January."
    )
    assert speakers_of(text) == ["Vaerstat", "Vaerstat"]


def test_one_who_answers_in_a_quotation_speaks_it() -> None:
    text = (
        "Runoff live\n\n"
        "Reader question: who wins the runoff?\n\n"
        'Our polling analyst, Dr. Ana Kovacs, answers: "I expect Mirel to win most of the '
        'undecided voters. I doubt the margin will exceed four points."'
    )
    assert speakers_of(text) == ["Ana Kovacs", "Ana Kovacs"]


def test_a_vote_s_minority_named_once_speaks_when_called_by_its_vote() -> None:
    text = (
        "Rates cut\n\n"
        "The committee voted 6-3 to cut the rate to 3%. Three members, Dr. Ana Roth, Liv Berg "
        "and Omar Sayed, preferred to hold the rate at 3.25%.\n\n"
        "Growth has slowed.\n\n"
        "The three members who preferred to hold judged that inflation would probably stay "
        "above 3% next year.\n\n"
        "The three members who preferred a hold put more weight on wages. They judged that "
        "inflation would stay above target in 2027."
    )
    found = extract_candidates(text, published_at=PUBLISHED)
    assert [c.speakers for c in found] == [("Ana Roth", "Liv Berg", "Omar Sayed")] * 2


def test_one_who_calls_an_outcome_by_quoted_words_speaks() -> None:
    text = (
        "Runoff\n\n"
        "Polls are close.\n\n"
        "Statvia's director, Mara Lindholm, called the runoff \"close to a coin toss, with a "
        'slight edge to Reyes."'
    )
    assert speakers_of(text) == ["Mara Lindholm"]


def test_a_post_at_a_body_called_by_its_kind_speaks_for_the_body_named_beside_that_kind() -> None:
    text = (
        "Winter power\n\n"
        "Ostmark is braced for a cold spell.\n\n"
        "Reserves were 88% full, according to the grid operator, Voltnet, against 80% a year "
        "earlier.\n\n"
        "The grid operator's head of system planning expects demand to peak at 12 GW in "
        "January."
    )
    assert speakers_of(text) == ["Voltnet"]


def test_the_head_of_a_body_s_committee_speaks_for_the_body() -> None:
    text = (
        "Energy prices\n\n"
        "The head of the Ostmark Paper Federation's energy committee said that three mills "
        "would probably close for a week in February."
    )
    assert speakers_of(text) == ["Ostmark Paper Federation"]


def test_a_rater_that_moves_a_race_speaks_whatever_stands_around_its_name() -> None:
    text = (
        "Council races\n\n"
        "The Ferris Election Letter, a nonpartisan newsletter that rates council races, moved "
        'the contest from "Lean Adair" to "Toss Up" on Tuesday.\n\n'
        "The independent Ferris Election Letter on Friday moved the race to Lean Adair, meaning "
        "Adair is now likely to win."
    )
    assert speakers_of(text) == ["Ferris Election Letter", "Ferris Election Letter"]


def test_a_unit_of_her_institute_speaks_for_the_institute_she_works_at() -> None:
    text = (
        "Glacier\n\n"
        "Dr. Ana Roth, a glaciologist at the Northfell Institute of Ice Science, has measured "
        "the glacier for 20 years.\n\n"
        "Her institute's modelling unit, which runs the national simulations, projects that "
        "the glacier will lose another metre of ice next year."
    )
    assert speakers_of(text) == ["Northfell Institute of Ice Science"]


def test_a_note_headed_by_a_body_s_economists_is_the_body_s() -> None:
    text = (
        "Ostria: growth call lowered\n\n"
        "Tarnwell Securities economists\n\n"
        "We expect growth of 0.5% this year.\n\n"
        "Inflation is likely to fall below 2% by June."
    )
    assert speakers_of(text) == ["Tarnwell Securities"] * 2


def test_a_note_with_questions_put_to_you_is_an_interview_not_the_body_s() -> None:
    text = (
        "Q&A with the chief economist\n\n"
        "Tarnwell Securities | Global Research\n\n"
        "What do you expect for growth?\n\n"
        "We expect growth of 0.5% this year.\n\n"
        "Will inflation fall?\n\n"
        "Inflation is likely to fall below 2% by June."
    )
    assert "Tarnwell Securities" not in speakers_of(text)


def test_a_note_in_a_body_s_own_we_is_the_body_s_whatever_its_header_looks_like() -> None:
    text = (
        "Merrin: slower growth ahead\n\n"
        "Quarrel Hythe Bank | Economics Research | Merrin Macro Weekly | 3 Feb. 2029\n\n"
        "Factory orders fell again in January.\n\n"
        "• We expect growth of 0.7% in 2029.\n\n"
        "The budget deficit is likely to widen next year.\n\n"
        "Even so, we do not expect a recession before 2030."
    )
    assert speakers_of(text) == ["Quarrel Hythe Bank"] * 3


def test_a_committee_heading_a_bank_s_release_speaks_for_the_bank() -> None:
    text = (
        "Bank of Oskarna cuts its policy rate\n\n"
        "PRESS RELEASE | Monetary Policy Committee | 4 March 2029\n\n"
        "The Monetary Policy Committee (MPC) of the Bank of Oskarna today decided to cut the "
        "policy rate to 3%.\n\n"
        "We now expect inflation to fall to 2.2% by the end of 2029."
    )
    assert speakers_of(text) == ["Bank of Oskarna"]


def test_a_column_in_we_under_a_writer_s_byline_stays_the_writer_s() -> None:
    text = (
        "Opinion | Why the Bank of Oskarna should wait\n\n"
        "By Petra Lindqvist\n\n"
        "Prices are still climbing in the shops.\n\n"
        "We expect too much of our central bankers, and we will probably see inflation "
        "above 3% next year."
    )
    assert speakers_of(text) == [None]


def test_a_body_s_we_quoted_in_a_news_story_stays_with_whom_it_quotes() -> None:
    text = (
        "Tollan Bank sees slower growth\n\n"
        "Tollan Bank | Markets\n\n"
        '"We expect growth of 0.5% next year," said Rhea Voss, chief economist at Tollan Bank.'
    )
    assert speakers_of(text) == ["Rhea Voss"]


def test_an_interview_in_we_is_the_interviewee_s_not_the_header_s() -> None:
    text = (
        "Ten minutes with Tollan Bank's chief economist\n\n"
        "Harbour Weekly | Interviews\n\n"
        "Q: Where do you see growth next year?\n\n"
        "VOSS: We expect growth of about 0.5% next year."
    )
    assert speakers_of(text) == ["Voss"]


_TENNIS_PANEL = (
    "Open picks: who lifts the trophy?\n\n"
    "We asked three judges of the game for their picks.\n\n"
    "Hanna Brückel\n\n"
    "Former Davis Cup player, 40 ties\n\n"
    "Champion: Amadou Keller. He has the best serve on tour.\n\n"
    "Dark horse: Tomas Lind.\n\n"
    "Local star: Petra Vos goes out in the third round.\n\n"
    "Oskar Delacroix-Ma\n\n"
    "Tennis writer, The Courtside\n\n"
    "Champion: Lind, in five sets.\n\n"
    "Dark horse: no idea.\n\n"
    "Local star: Vos reaches the last eight.\n\n"
    "The verdict\n\n"
    "Both judges expect a long final."
)


def test_a_label_line_under_a_pundit_s_name_and_role_is_the_pundit_s_pick() -> None:
    found = {
        c.sentence: c.speaker for c in extract_candidates(_TENNIS_PANEL, published_at=PUBLISHED)
    }
    assert found.get("Champion: Amadou Keller.") == "Hanna Brückel"
    assert found.get("Local star: Petra Vos goes out in the third round.") == "Hanna Brückel"
    assert found.get("Champion: Lind, in five sets.") == "Oskar Delacroix-Ma"
    assert found.get("Local star: Vos reaches the last eight.") == "Oskar Delacroix-Ma"


def test_a_pundit_s_label_that_gives_no_pick_is_not_one() -> None:
    assert "Dark horse: no idea." not in sentences_of(_TENNIS_PANEL)


def test_label_lines_after_the_writer_s_lead_in_are_the_writer_s_picks() -> None:
    text = (
        "My calls for the Morland vote\n\n"
        "The vote is on 4 May. Here is how I think it goes.\n\n"
        "The Farmers' Party: more than 30 seats, up from 24.\n\n"
        "Turnout: above 70%.\n\n"
        "The Reds: out of the coalition."
    )
    found = {c.sentence: c.speaker for c in extract_candidates(text, published_at=PUBLISHED)}
    assert found.get("The Farmers' Party: more than 30 seats, up from 24.", "missing") is None
    assert found.get("Turnout: above 70%.", "missing") is None


def test_a_schedule_or_fact_box_of_labels_is_no_list_of_picks() -> None:
    text = (
        "Cup final preview\n\n"
        "Here is how I think it goes.\n\n"
        "Kick-off: 8pm at Marlow Park.\n\n"
        "Last meeting: Rovers won 2-1."
    )
    assert sentences_of(text) == []


def test_label_lines_with_no_picks_heading_or_pundit_are_not_picks() -> None:
    text = (
        "Marlow Park at a glance\n\n"
        "The ground reopens this month.\n\n"
        "Capacity: 14,000 seats.\n\n"
        "Home side: Marlow Rovers.\n\n"
        "Nearest station: Marlow Central."
    )
    assert sentences_of(text) == []


def test_an_interview_s_tag_is_not_the_label_of_a_pick() -> None:
    text = (
        "Interview with the chief executive\n\n"
        "Q: Will the plant open on time?\n\n"
        "Varga: No.\n\n"
        "Q: And the second line?\n\n"
        "Varga: Production starts there in spring.\n\n"
        "Q: Any word on prices?\n\n"
        "Varga: Not today."
    )
    assert "Varga: No." not in sentences_of(text)


def test_a_pick_under_a_name_written_as_names_are_with_a_role_under_it_is_the_pundit_s() -> None:
    text = (
        "Derby day: our pundits' picks\n\n"
        "We asked two former players for their picks.\n\n"
        "Maren Oduya\n\n"
        "Former Albion captain, who retired in the spring after nine seasons at the club\n\n"
        "Albion won't lose this one; their defence is the best in the league.\n\n"
        "Jens Kowalczyk\n\n"
        "Pundit, Northfield Radio\n\n"
        "City will win it by two goals."
    )
    assert speakers_of(text) == ["Maren Oduya", "Jens Kowalczyk"]


def test_a_state_abbreviated_after_a_town_is_no_speaker() -> None:
    text = (
        "Pellmont Devices sold more sensors in its fiscal first quarter.\n\n"
        "The company, based in Corran Springs, Ore., expects revenue of $2.1 billion in its "
        "fiscal second quarter."
    )
    assert speakers_of(text) == ["Pellmont Devices"]


def test_a_commissioner_s_office_named_for_whom_it_serves_keeps_its_whole_name() -> None:
    text = (
        "The Office of the UN High Commissioner for Migrants said it expects 50,000 people "
        "to cross the border by the end of the year."
    )
    assert speakers_of(text) == ["Office of the UN High Commissioner for Migrants"]


def test_a_high_commissioner_named_after_the_post_is_the_speaker() -> None:
    text = "UN High Commissioner Amara Velde said 50,000 people would cross the border by June."
    assert speakers_of(text) == ["Amara Velde"]


def test_analysts_under_a_firm_s_short_name_speak_for_the_firm() -> None:
    text = (
        '"Supply is tight," said Ines Arlow, head of research at Marrowby Securities.\n\n'
        "Brent would fall to $58 a barrel by June if the group adds output, Marrowby analysts "
        "wrote in a note on Tuesday. Without an increase, they see Brent near $70 over the "
        "same period."
    )
    assert speakers_of(text) == ["Marrowby Securities"] * 2


def test_scientists_under_a_word_of_a_centre_s_name_stay_unnamed() -> None:
    text = (
        "The Climate Outlook Centre published its seasonal outlook on Monday.\n\n"
        "Climate scientists said the winter would be the mildest on record, and the climate "
        "of the region was changing fast."
    )
    assert speakers_of(text) == []


def test_the_brokerage_is_the_brokerage_named_last() -> None:
    text = (
        "Analysts at Pellgrave Securities put the chance of a cut at 70%. The brokerage also "
        "cut its 2029 Brent forecast to $61 a barrel from $66."
    )
    assert speakers_of(text) == ["Pellgrave Securities"] * 2


def test_the_brokerage_after_two_firms_is_the_nearer_one() -> None:
    text = (
        "Dunmere Bank kept its forecast of $70 a barrel for next year. Analysts at Pellgrave "
        "Securities were gloomier. The brokerage expects Brent to average $61 next year."
    )
    assert speakers_of(text)[-1] == "Pellgrave Securities"


def test_the_brokerage_before_its_partners_name_is_that_firm() -> None:
    text = (
        "Dunmere Bank kept its forecast. Economists at the brokerage Tolley & Marsh said they "
        "expected the rate to end 2029 at 2.5%."
    )
    assert speakers_of(text) == ["Tolley & Marsh"]


def test_a_caption_s_relative_clause_is_the_named_body_s_not_the_person_pictured() -> None:
    text = (
        "Ilsa Brennick at the dry bed of the Tarrow reservoir, which Northmere Water expects "
        "to fall below 15% of capacity by March."
    )
    assert speakers_of(text) == ["Northmere Water"]


def test_by_its_own_projections_is_the_body_named_before() -> None:
    text = (
        "The regional utility, Northmere Water, is gloomier. By its own projections, the "
        "Tarrow reservoir will fall to 12% of capacity by the end of March."
    )
    assert speakers_of(text) == ["Northmere Water"]


def test_its_odds_moved_are_the_bookmaker_s_just_quoted() -> None:
    text = (
        "Pellbet has cut Aldana to 1-4 for the title, an implied probability of 80%. Its odds "
        "on Moreau have drifted to 5-2."
    )
    assert speakers_of(text) == ["Pellbet"] * 2


def test_a_body_s_secretariat_speaks_for_the_body_when_named_again() -> None:
    text = (
        "The Union of Grain Exporters' own secretariat has told members that wheat is likely "
        "to fall below $200 a tonne.\n\n"
        "Ministers meet next week.\n\n"
        "The secretariat's report forecast that demand would grow by 2% in 2029."
    )
    assert speakers_of(text) == ["Union of Grain Exporters"] * 2


def test_a_pronoun_after_a_person_still_takes_the_person() -> None:
    text = (
        "Pellbet cut Aldana to 1-4 on Monday. Maria Kowal, a trader at Pellbet, was unmoved. "
        "She said Moreau would win the title by three points."
    )
    assert speakers_of(text)[-1] == "Maria Kowal"


def test_a_body_s_expected_level_with_about_is_a_forecast_not_a_perfect_infinitive() -> None:
    text = (
        "Tidewell Ferries expects to have about 12 boats in service by the end of 2026.\n\n"
        "The ferries were expected to have left port by noon yesterday."
    )
    assert sentences_of(text) == [
        "Tidewell Ferries expects to have about 12 boats in service by the end of 2026."
    ]


def test_a_body_launching_its_own_product_is_a_forecast_a_launch_with_no_product_a_pledge() -> None:
    forecast = (
        "Brisk Couriers, which runs drones in two towns, says it will launch a same-day "
        "delivery service in the capital by next spring."
    )
    assert sentences_of(forecast) == [forecast]
    pledge = "Brisk Couriers says it will launch in Dunmore and Kelby next spring."
    assert sentences_of(pledge) == []


def test_a_date_the_speaker_is_confident_will_be_kept_is_a_forecast_not_a_timetable() -> None:
    text = (
        'Minister Anna Brekke-Lowe said on Monday she was "confident" the first crossing would '
        "take place before the holiday, which begins on 4 August."
    )
    assert sentences_of(text) == [text]
    timetable = (
        "Minister Anna Brekke-Lowe said on Monday the first crossing would take place before "
        "the holiday, which begins on 4 August."
    )
    assert sentences_of(timetable) == []


def test_the_writer_s_bare_will_about_an_outcome_is_a_call_in_a_text_of_their_calls() -> None:
    call = "The Harbour Party will finish first in the council vote."
    ranged = "The new Green Bloc will enter the council with between three and five seats."
    column = (
        "My predictions for the Dunmore council vote\n\n"
        "By Ilse Varnak\n\n"
        "I have covered this council for a decade. Here is how I think it goes.\n\n"
        f"{call}\n\n"
        "What about the small parties?\n\n"
        f"{ranged}"
    )
    assert sentences_of(column) == [call, ranged]
    report = f"Dunmore votes soon\n\nBy Ilse Varnak\n\nThe campaign opened quietly.\n\n{call}"
    assert sentences_of(report) == []


def test_in_a_text_of_calls_a_body_s_act_or_a_post_filled_stays_below_the_cut() -> None:
    column = (
        "Our picks for the cup final\n\n"
        "By Ilse Varnak\n\n"
        "Here is how I think it goes.\n\n"
        "Engineering works will close the ring road on the day.\n\n"
        "The referee will be Tomas Varga."
    )
    assert sentences_of(column) == []


def test_a_superlative_of_taste_is_an_evaluation_not_a_forecast() -> None:
    column = (
        "My predictions for the Dunmore council vote\n\n"
        "By Ilse Varnak\n\n"
        "Here is how I think it goes.\n\n"
        "The Harbour Party will finish first in the council vote.\n\n"
        "Turnout was 38% last time. Few voters could name their councillor.\n\n"
        "This will be the dullest race in a decade, and the most divisive since 2009."
    )
    assert sentences_of(column) == ["The Harbour Party will finish first in the council vote."]


_STRIKE_INTERVIEW = (
    "Port strike: the director speaks\n\nBORG: Director, will the strike last through the "
    "summer?\n\n"
)


def test_an_answer_echoing_the_question_s_event_in_the_present_then_yes_is_a_forecast() -> None:
    text = _STRIKE_INTERVIEW + "ILVES: I think it lasts through the summer, yes. Both are dug in."
    assert sentences_of(text) == ["ILVES: I think it lasts through the summer, yes."]


def test_a_time_denied_then_a_later_one_denied_too_answers_the_question() -> None:
    text = (
        _STRIKE_INTERVIEW + "ILVES: Not this year, and not in the spring either. Both are dug in."
    )
    assert sentences_of(text) == ["ILVES: Not this year, and not in the spring either."]


def test_an_echoed_answer_to_a_question_about_today_is_no_forecast() -> None:
    text = (
        "Port strike: the director speaks\n\nBORG: Director, is the strike hurting trade?\n\n"
        "ILVES: I think it hurts everyone, yes."
    )
    assert sentences_of(text) == []


_WEATHER_SERVICE = (
    "The Norland Weather Service (NWS) published its summer outlook on Monday. Its director, "
    "Dr. Ana Velo, presented it.\n\n"
)


def test_a_body_s_models_reported_by_its_scientist_are_the_body_s() -> None:
    text = _WEATHER_SERVICE + (
        "Dr. Velo said a drought was not out of the question, but that the service's models "
        "gave that outcome less than a one-in-four chance."
    )
    assert speakers_of(text) == ["Norland Weather Service"]


def test_a_body_by_its_initials_reported_by_its_director_is_the_body() -> None:
    text = _WEATHER_SERVICE + (
        "Dr. Velo said the NWS expected at least three heatwaves before the end of August."
    )
    assert speakers_of(text) == ["Norland Weather Service"]


def test_a_body_s_projections_with_the_person_in_an_aside_are_the_body_s() -> None:
    text = _WEATHER_SERVICE + (
        "The service's June projections, which she said still held, show rainfall falling 20% "
        "below normal in July."
    )
    assert speakers_of(text) == ["Norland Weather Service"]


def test_the_staff_s_forecast_reported_by_a_person_is_the_body_s() -> None:
    text = _WEATHER_SERVICE + (
        "The staff also see river levels dropping to record lows next month, she said."
    )
    assert speakers_of(text) == ["Norland Weather Service"]


def test_a_person_s_own_forecast_beside_the_body_s_stays_hers() -> None:
    text = _WEATHER_SERVICE + (
        "Dr. Velo said she expected the drought to end by October, whatever the models say."
    )
    assert speakers_of(text) == ["Ana Velo"]


def test_a_pollster_s_director_speaks_for_the_firm_s_model() -> None:
    text = (
        "Mara Quint, director of Halvard Polling, has run the numbers.\n\n"
        "Quint said the firm's model gave Ortega roughly a one-in-three chance of winning "
        "outright on Sunday."
    )
    assert speakers_of(text) == ["Mara Quint"]


def test_a_bare_may_in_a_short_answer_is_a_possibility() -> None:
    text = (
        "Port strike: the director speaks\n\nBORG: Director, will the unions back down?\n\n"
        "ILVES: They might. The strike won't end before June."
    )
    assert sentences_of(text) == ["The strike won't end before June."]


def test_a_short_answer_with_a_likelihood_still_answers_the_question() -> None:
    text = _STRIKE_INTERVIEW + "ILVES: Probably not. Both are dug in."
    assert sentences_of(text) == ["ILVES: Probably not."]


def test_what_officials_tell_the_reporter_privately_is_unattributable() -> None:
    text = (
        "Port strike: the director speaks\n\nBORG: Ministers tell us privately that they "
        "expect the strike to last into June. Will it?\n\n"
        "ILVES: It will last into July, I think."
    )
    assert sentences_of(text) == ["ILVES: It will last into July, I think."]


def test_what_others_told_a_named_source_privately_leaves_his_claim_standing() -> None:
    text = (
        'Harbour vote\n\n"The bill will fail in March," Tomas Ilves said, adding that three '
        "councillors had told him privately they would vote against it."
    )
    assert len(sentences_of(text)) == 1


def test_a_label_line_after_a_two_sentence_labelled_paragraph_is_still_in_the_list() -> None:
    panel = _TENNIS_PANEL.replace(
        "Dark horse: no idea.\n\n", "Dark horse: no idea. Ask me after the first week.\n\n"
    ).replace("Local star: Vos reaches the last eight.", "Local star: probably out early.")
    found = {c.sentence: c.speaker for c in extract_candidates(panel, published_at=PUBLISHED)}
    assert found.get("Local star: probably out early.") == "Oskar Delacroix-Ma"
    assert "Dark horse: no idea." not in found


_GOVERNOR = (
    "Bank of Ostmark Governor Petra Lindqvist spoke to lawmakers on Tuesday.\n\n"
    "Consumer prices rose 2.4% in May, the national statistics office said on Monday.\n\n"
)


def test_a_title_before_a_name_makes_the_body_before_it_the_employer() -> None:
    text = _GOVERNOR + (
        "The bank's spring projections, which she said still held, show inflation falling "
        "to 2% by the middle of 2027."
    )
    assert speakers_of(text) == ["Bank of Ostmark"]


def test_the_staff_reported_by_a_titled_governor_are_her_bank_s() -> None:
    text = _GOVERNOR + "The staff also see growth slowing to 0.8% next year, she said."
    assert speakers_of(text) == ["Bank of Ostmark"]


def test_a_titled_governor_s_own_forecast_stays_hers() -> None:
    text = _GOVERNOR + "Lindqvist said she expected inflation to fall to 2% by next summer."
    assert speakers_of(text) == ["Petra Lindqvist"]


def test_another_body_s_models_told_by_a_titled_governor_stay_that_body_s() -> None:
    text = _GOVERNOR + (
        "Lindqvist said the office's models gave a recession next year a one-in-four chance."
    )
    assert speakers_of(text) == ["national statistics office"]


def test_a_name_followed_by_its_is_a_body_that_the_firm_means() -> None:
    text = (
        "Tarvik Data estimates that buyers took 310 million tablets in 2026. Its numbers "
        "count shipments to shops.\n\n"
        "The firm forecasts that tablet shipments will rise 3% in 2027."
    )
    assert speakers_of(text) == ["Tarvik Data"]


def test_a_post_of_a_name_makes_it_the_body_the_company_means() -> None:
    text = (
        "Orla Research sees sales of smart glasses doubling in 2027.\n\n"
        '"Glasses are the next phone," said Ines Brask, the chief operating officer of '
        "Morrow Vision, at a launch in Oslo.\n\n"
        "The company said it expected the glasses to be on sale in nine countries by the "
        "end of May."
    )
    assert speakers_of(text)[-1] == "Morrow Vision"


def test_an_opening_phrase_without_a_comma_leaves_the_company_as_subject() -> None:
    text = (
        "Brevik Foods cut its output by 9% this year.\n\n"
        "In a filing to regulators last week the company said it expected sales to "
        "recover in the second half of 2027."
    )
    assert speakers_of(text) == ["Brevik Foods"]


def test_a_titled_person_followed_by_its_stays_a_person() -> None:
    text = (
        "Dr. Hanna Eld runs the survey. Its results come out in March.\n\n"
        "She said she expected the jobless rate to reach 5% next year."
    )
    assert speakers_of(text) == ["Hanna Eld"]


def test_her_view_is_that_is_the_view_of_whom_her_means() -> None:
    text = (
        "Lisbet Marn, who follows shipping at Koster Analytics, is less hopeful. She gives "
        "the merger even odds. Her view is that freight rates will fall 10% next year."
    )
    assert speakers_of(text)[-1] == "Lisbet Marn"


def test_his_bet_is_that_is_the_bet_of_whom_his_means() -> None:
    text = (
        "Tomas Reyl, a fund manager in Aarvik, has sold his bank shares.\n\n"
        "His bet is that the central bank will cut rates twice before the summer."
    )
    assert speakers_of(text) == ["Tomas Reyl"]


def test_an_opening_expect_to_the_reader_is_the_writer_s() -> None:
    text = (
        "My picks for the spring vote.\n\n"
        "Expect a Green-Farmer alliance, and expect the bargaining to last longer than "
        "the 30 days it took in 2024."
    )
    assert speakers_of(text) == [None]


def test_a_quoted_expect_stays_with_whoever_is_quoted() -> None:
    text = (
        'Rolf Danner, a pollster at Vinter Data, was blunt. "Expect the Greens to lose '
        'ten seats in May," he said.'
    )
    assert speakers_of(text) == ["Rolf Danner"]


def test_the_writer_s_scenario_that_opens_on_its_condition_is_a_forecast() -> None:
    text = (
        "Harbour ward by-election\n\nIf the rain keeps older voters at home, the Pirates could "
        "take the ward from the Liberals."
    )
    candidate = only(text)
    assert candidate.speaker is None
    assert candidate.condition is not None


def test_the_writer_s_possibility_with_a_trailing_condition_stays_a_possibility() -> None:
    text = (
        "Harbour ward by-election\n\nThe Pirates could take the ward from the Liberals if the "
        "rain keeps older voters at home."
    )
    assert sentences_of(text) == []


def test_a_party_leader_s_we_will_be_the_largest_party_is_a_forecast() -> None:
    text = (
        "Lowland poll\n\n"
        '"We will be the biggest party, and we will be part of the next government," Ada '
        "Frenk said."
    )
    assert only(text).speaker == "Ada Frenk"


def test_a_party_leader_s_pledge_about_its_own_vote_stays_a_pledge() -> None:
    text = 'Lowland poll\n\n"We will vote against the budget," Ada Frenk said.'
    assert sentences_of(text) == []


def test_a_grower_s_we_will_harvest_less_than_a_figure_is_a_forecast() -> None:
    text = (
        "Apple harvest\n\n"
        '"We will pick less than 9,000 tonnes this autumn," said Lina Verhoek, who runs the '
        "cooperative."
    )
    assert only(text).speaker == "Lina Verhoek"


def test_a_grower_s_plan_to_open_a_plant_stays_a_pledge() -> None:
    text = (
        'Apple harvest\n\n"We will open a juice plant this autumn," said Lina Verhoek, who '
        "runs the cooperative."
    )
    assert sentences_of(text) == []


def test_a_forecast_for_a_year_already_over_with_a_decimal_figure_is_a_past_fact() -> None:
    text = "Ostmark outlook\n\nOur team forecast inflation of 3.4% for 2023, a touch too high."
    assert sentences_of(text) == []


def test_a_forecast_for_a_year_to_come_with_a_decimal_figure_stays_a_forecast() -> None:
    text = "Ostmark outlook\n\nWe forecast inflation of 3.4% for 2025."
    assert sentences_of(text) == ["We forecast inflation of 3.4% for 2025."]


def test_forecast_opening_a_sentence_as_its_subject_noun_is_no_forecast() -> None:
    text = (
        "Ostmark outlook\n\nForecast tables are sent to subscribers by email. Forecasts issued "
        "in spring are less reliable."
    )
    assert sentences_of(text) == []


def test_a_concession_with_may_is_no_forecast() -> None:
    text = (
        "Ostmark outlook\n\nIlse Varga said ministers should hold the line, however tempting a "
        "tax cut may look before the vote."
    )
    assert sentences_of(text) == []


def test_a_plain_however_before_may_keeps_the_forecast() -> None:
    text = "Ostmark outlook\n\nThe bank however may cut rates again in June, Ilse Varga said."
    assert only(text).speaker == "Ilse Varga"


def test_expecting_another_side_to_honour_a_deal_is_a_demand() -> None:
    text = (
        "Border talks\n\nA Foreign Ministry spokesman said Ostmark expected the rebels to abide "
        "by the truce signed on Monday."
    )
    assert sentences_of(text) == []


def test_expecting_a_deal_to_be_honoured_stays_a_forecast() -> None:
    text = (
        "Border talks\n\nIlse Varga, an analyst at Merrow Risk, said she expected the truce to "
        "be honoured until the talks resume in April."
    )
    assert only(text).speaker == "Ilse Varga"


def test_a_verb_repeated_on_its_own_subject_is_no_forecast() -> None:
    text = 'Flu season\n\n"The data will show what they show," Ilse Varga said.'
    assert sentences_of(text) == []


def test_a_plan_with_a_decimal_figure_carries_to_its_and_will() -> None:
    text = (
        "Merrow results\n\nMerrow plans to trim its budget to $1.6 billion this year, and will "
        "close two depots by July."
    )
    assert sentences_of(text) == []


def test_a_company_s_expectation_to_ship_stays_a_forecast() -> None:
    text = (
        "Merrow results\n\nMerrow expects to ship its new scanner to hospitals by July, Ilse "
        "Varga said."
    )
    assert only(text).speaker == "Ilse Varga"


def test_a_will_inside_a_which_clause_with_an_if_any_aside_is_no_forecast() -> None:
    text = (
        "Run-off\n\nIlse Varga told reporters she would announce on Friday which party, if any, "
        "she will endorse."
    )
    assert sentences_of(text) == []


def test_a_call_recalled_with_its_outcome_and_a_comment_after_is_a_past_fact() -> None:
    text = (
        "Weekend column\n\nIlse Varga said in March that Osk would win the primary, and he did, "
        "so her record is good."
    )
    assert sentences_of(text) == []


def test_hyphenated_odds_from_unnamed_bookmakers_are_unattributable() -> None:
    text = "Weekend column\n\nThe bookmakers offer 7-2 against a snap poll before June."
    assert sentences_of(text) == []


def test_a_clause_then_said_and_a_surname_is_the_surname_s() -> None:
    text = (
        "Harbour ward by-election\n\nTeodora Kallis teaches politics at Lenmoor College.\n\n"
        "Participation is likely to drop below 40% in the rerun, said Kallis, who has watched "
        "the ward for twenty years."
    )
    assert speakers_of(text) == ["Teodora Kallis"]


def test_a_clause_then_said_and_a_full_name_stays_the_name_s() -> None:
    text = (
        "Harbour ward by-election\n\nParticipation is likely to drop below 40% in the rerun, "
        "said Teodora Kallis."
    )
    assert speakers_of(text) == ["Teodora Kallis"]


def test_a_surname_with_an_accented_capital_is_part_of_the_name() -> None:
    text = (
        "Harbour ward by-election\n\nThe mayor, Ivo Brandt, is standing again.\n\n"
        "His rival, Petra Ødegård, was blunt: she told supporters that the Pirates would take "
        "the ward in May."
    )
    assert speakers_of(text) == ["Petra Ødegård"]


def test_a_pronoun_after_a_colon_is_the_person_the_sentence_opened_on() -> None:
    text = (
        "Harbour ward by-election\n\nThe mayor, Ivo Brandt, is standing again.\n\n"
        "His rival, Petra Odegard, was blunt: she told supporters that the Pirates would take "
        "the ward in May."
    )
    assert speakers_of(text) == ["Petra Odegard"]


def test_a_pronoun_after_a_colon_with_no_person_opening_keeps_the_last_named() -> None:
    text = (
        "Harbour ward by-election\n\nThe mayor, Ivo Brandt, is standing again.\n\n"
        "The mood at the count was tense: he told supporters that the Pirates would take "
        "the ward in May."
    )
    assert speakers_of(text) == ["Ivo Brandt"]


def test_a_reinsurer_named_after_its_trade_is_the_speaker() -> None:
    text = (
        "Drought outlook\n\nThe reinsurer Marlow Re estimates that farm losses could top "
        "€200 million this summer."
    )
    assert speakers_of(text) == ["Marlow Re"]


def test_a_retired_rank_keeps_the_sentence_whole_and_the_name() -> None:
    text = "Gen. (ret.) Anna Holm said the truce would probably hold. It did not."
    assert texts(text) == [
        "Gen. (ret.) Anna Holm said the truce would probably hold.",
        "It did not.",
    ]
    assert only(text).speaker == "Anna Holm"


def test_a_note_s_own_lowered_forecast_states_the_new_figure() -> None:
    text = (
        "Brightwater Bank: outlook\n\nWe have cut our 2026 forecast for inflation to 2.4% "
        "from 2.9%."
    )
    candidate = only(text)
    assert candidate.kind == "quantity"
    assert candidate.quantity is not None and candidate.quantity.low == 2.4


def test_a_note_s_own_kept_forecast_states_its_figure() -> None:
    text = "Brightwater Bank: outlook\n\nFor 2027 we keep our forecast of 2.1% for inflation."
    assert only(text).kind == "quantity"


def test_our_forecast_without_a_revision_or_a_figure_is_no_claim() -> None:
    text = "Brightwater Bank: outlook\n\nWe have discussed our forecast with clients."
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_a_rate_path_in_a_named_report_implies_the_rate_to_come() -> None:
    text = (
        "The Monetary Authority of Dunmore held its rate at 4%.\n\n"
        "The rate path in the Quarterly Inflation Report implies a rate of about 3.5% at the "
        "end of next year."
    )
    assert sentences_of(text) == [
        "The rate path in the Quarterly Inflation Report implies a rate of about 3.5% at the "
        "end of next year."
    ]


def test_nothing_inevitable_over_a_horizon_is_no_claim() -> None:
    text = "Shortages at the port are bad. None of that is inevitable in the long run."
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_a_comparison_of_survey_shares_is_no_claim() -> None:
    text = "Most owners use the app to pay for parking. Far fewer expect to use it for tolls."
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_a_named_source_s_expectation_that_more_will_come_still_counts() -> None:
    text = "Ada Krell, an analyst at Pell Capital, said she expects more buyers to return in May."
    assert speakers_of(text) == ["Ada Krell"]


def test_what_a_meeting_s_minutes_will_contain_is_a_schedule() -> None:
    text = (
        "The Bank of Dunmore held its rate at 4%. The minutes of the policy meeting will set "
        "out the arguments of each member, the bank said."
    )
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_what_a_usual_season_brings_is_a_norm_not_a_forecast() -> None:
    text = (
        "Reservoirs are at 40%. \"In a typical summer you'd expect them to fall to 30% by "
        'August," said Olav Brenn, a hydrologist.'
    )
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_this_season_s_course_is_still_a_forecast() -> None:
    text = (
        'Reservoirs are at 40%. "This summer I\'d expect them to fall to 30% by August," said '
        "Olav Brenn, a hydrologist."
    )
    assert speakers_of(text) == ["Olav Brenn"]


def test_an_unnamed_diplomat_involved_in_talks_is_unattributable() -> None:
    text = 'One European diplomat involved in the talks said a deal was "very likely" by June.'
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_a_named_diplomat_involved_in_talks_is_the_speaker() -> None:
    text = 'Ines Varga, a diplomat involved in the talks, said a deal was "very likely" by June.'
    assert speakers_of(text) == ["Ines Varga"]


def test_what_whoever_wins_will_almost_certainly_need_is_a_forecast() -> None:
    text = "Whoever wins the runoff will almost certainly need the Farmers' Union to govern."
    assert sentences_of(text) == [text]


def test_what_whoever_wins_will_face_stays_no_claim() -> None:
    text = "Whoever wins the runoff will inherit a deficit of 4% of output."
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_an_answer_tagged_by_a_double_barrelled_surname_is_the_interviewee_s() -> None:
    text = (
        "Talking turbines\n\nI spoke to Ines Halloran-Mutu, chief executive of Windcrest.\n\n"
        "Q: How are orders?\n\n"
        "Halloran-Mutu: Strong. I think turbine prices will rise next year.\n\n"
        "Q: And steel?\n\n"
        "Halloran-Mutu: Flat, I would say."
    )
    assert speakers_of(text) == ["Ines Halloran-Mutu"]


def test_a_tag_with_a_capital_inside_the_surname_names_the_person_introduced() -> None:
    text = (
        "Harbour talks\n\nWe spoke to Fiona McAllister, the union's negotiator, and Ivo "
        "Brandt, for the port.\n\n"
        "McAllister: We are close. I think the port will sign the deal in May.\n\n"
        "Brandt: Perhaps.\n\nMcAllister: We shall see.\n\nBrandt: Indeed."
    )
    assert speakers_of(text) == ["Fiona McAllister"]


_PANEL = (
    "Season predictions\n\nOur panel makes its calls.\n\n"
    "Who goes down?\n\n"
    "Lena Ashford-Kim: Dunmore will go down. They have no striker.\n\n"
    "Tomas Rourke: {pick} They look tired.\n\n"
    "Lena Ashford-Kim: Nothing more from me.\n\n"
    "Tomas Rourke: Nor me."
)


def test_a_tagged_panellist_s_pick_of_sides_going_down_is_theirs() -> None:
    text = _PANEL.format(pick="Fenby and Ashgrove are both going down.")
    assert speakers_of(text) == ["Lena Ashford-Kim", "Tomas Rourke"]


def test_sides_going_down_outside_a_panel_s_question_is_no_pick() -> None:
    text = "League round-up\n\nFenby and Ashgrove are both going down the table after a bad run."
    assert speakers_of(text) == []


def test_a_pollster_for_a_broadcaster_is_the_pollster() -> None:
    text = (
        "Exit poll\n\nThe exit poll conducted by the Marrow Institute for KTV projects the "
        "Greens to win between 40 and 44 seats."
    )
    assert speakers_of(text) == ["Marrow Institute"]


def test_a_pollster_for_a_named_paper_is_the_pollster() -> None:
    text = (
        "Exit poll\n\nThe exit poll conducted by Halden Research for Harbour News projects "
        "the Greens to win between 40 and 44 seats."
    )
    assert speakers_of(text) == ["Halden Research"]


def test_an_institute_for_a_field_keeps_its_whole_name() -> None:
    text = "Outlook\n\nThe Kessel Institute for Economic Research expects growth of 1.2% next year."
    assert speakers_of(text) == ["Kessel Institute for Economic Research"]


def test_a_pollster_named_after_the_client_it_polled_for_is_the_pollster() -> None:
    text = (
        "Exit poll\n\nThe exit poll, conducted for the regional papers by Tarn Research, "
        "projects that the Greens will win 40 of the 120 seats."
    )
    assert speakers_of(text) == ["Tarn Research"]


_HIS_MODEL: str = (
    "Forecasts\n\nDr. Maren Holt, an economist at the Velde Institute, runs a widely read "
    "election model. Her model gives the Liberals a 64% chance of winning the most seats. "
    "It puts the chance of a hung parliament at about one in three."
)


def test_a_person_s_model_and_the_it_that_goes_on_with_it_are_that_person_s() -> None:
    assert speakers_of(_HIS_MODEL) == ["Maren Holt", "Maren Holt"]


def test_a_person_s_model_projects_as_that_person() -> None:
    text = (
        "Preview\n\nOskar Brandt, who runs the GoalCast model, rates the hosts as favourites. "
        "His model projects 2.4 goals in the final."
    )
    assert speakers_of(text)[-1:] == ["Oskar Brandt"]


def test_it_in_a_later_paragraph_is_not_the_model_of_the_one_before() -> None:
    text = _HIS_MODEL.replace(" It puts", "\n\nThe Velde Institute said on Monday it puts")
    assert speakers_of(text)[-1:] != ["Maren Holt"]


def test_a_projection_that_puts_a_party_on_a_seat_count_is_a_forecast() -> None:
    text = (
        "Results\n\nThe seat projection from Radio Kessel gives the Greens 41 seats. "
        "The same projection puts the Liberals on 37 seats."
    )
    assert speakers_of(text) == ["Radio Kessel", "Radio Kessel"]


def test_a_party_put_on_a_seat_count_by_no_projection_is_no_forecast() -> None:
    text = "Results\n\nThe defeat puts the Liberals on 37 seats, their lowest since 1990."
    assert speakers_of(text) == []


def test_whether_with_a_relative_aside_is_still_a_question() -> None:
    text = (
        "The open question is whether the new line, which opens to passengers next week, "
        "will pay for itself."
    )
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_a_claim_with_a_relative_aside_outside_a_question_stays() -> None:
    text = (
        "Jonas Berg, a director, said the new line, which opens to passengers next week, "
        "will pay for itself within a decade."
    )
    assert only(text).speaker == "Jonas Berg"


def test_a_plan_paid_for_from_existing_cash_is_a_pledge() -> None:
    text = (
        "Marlow Foods plans to open 30 stores next year, and said on the call that the "
        "expansion would be funded from existing cash."
    )
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_a_sales_forecast_after_a_plan_stays() -> None:
    text = (
        "Marlow Foods plans to open 30 stores next year, and said on the call that sales "
        "would rise about 5% next year."
    )
    assert only(text).speaker == "Marlow Foods"


def test_a_programme_s_own_coverage_of_a_dated_meeting_is_a_pledge() -> None:
    text = "Delegates gather in Marlow on March 4, and we'll have a live edition that night."
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_what_a_dated_meeting_will_produce_stays() -> None:
    text = "Delegates gather in Marlow on March 4, and we'll have a deal by the end of the week."
    assert len(extract_candidates(text, published_at=PUBLISHED)) == 1


def test_a_dated_meeting_s_agenda_is_a_schedule() -> None:
    text = "The committee's annual review is on Oct. 12, and they'll look at fees and at staffing."
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_when_a_dated_sitting_concludes_is_a_schedule() -> None:
    text = "The summit will conclude on 9 July, and the communique will be published the next day."
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_how_talks_will_conclude_undated_stays() -> None:
    text = "Anna Ruiz, the envoy, said the talks would conclude without a deal."
    assert only(text).speaker == "Anna Ruiz"


def test_a_dated_publication_s_contents_taken_up_by_a_pronoun_are_a_schedule() -> None:
    text = "The report will be published on 4 June and it'll set out the options for the board."
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_a_forecast_after_a_dated_publication_stays() -> None:
    text = "The report will be published on 4 June and prices will probably rise after it."
    assert only(text).probability == 0.7


def test_a_price_at_launch_is_the_seller_s_own() -> None:
    text = "ORTEGA: Retail price at launch will be 1,200 euros."
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_a_price_forecast_by_a_date_stays() -> None:
    text = "ORTEGA: The price will be 1,200 euros by Christmas, I expect."
    assert len(extract_candidates(text, published_at=PUBLISHED)) == 1


def test_you_ll_see_on_a_day_withholds_the_answer() -> None:
    text = (
        "Asked whether Okafor would play after his injury last week, Brennan said only: "
        '"You\'ll see on Sunday."'
    )
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_you_ll_see_an_outcome_on_a_day_stays() -> None:
    text = (
        "Asked whether Okafor would play after his injury last week, Brennan said only: "
        '"You\'ll see him score on Sunday."'
    )
    assert only(text).speaker == "Brennan"


def test_an_interviewer_recalling_the_guest_s_call_is_a_past_belief() -> None:
    text = "HOST: Ken, you said on this programme last spring that gold would hit $3,000."
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_a_view_held_now_after_a_recalled_call_stays() -> None:
    text = "HOST: Ken, you said last spring gold would hit $3,000; I think it will, by June."
    assert len(extract_candidates(text, published_at=PUBLISHED)) == 1


def test_an_expectation_in_a_note_dated_by_its_month_is_a_past_belief() -> None:
    text = "In our March update we expected a milder winter than has come; snow fell for ten days."
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_an_expectation_in_the_latest_note_stays() -> None:
    text = "In our latest update we expect a milder winter than usual."
    assert len(extract_candidates(text, published_at=PUBLISHED)) == 1


def test_what_a_remark_was_about_is_an_indirect_question() -> None:
    text = "The plant closes on March 3, and the mayor was candid about what that might mean."
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_a_remark_that_states_the_outcome_stays() -> None:
    text = (
        "The plant closes on March 3, and the mayor was candid: that might mean 300 lost jobs "
        "by the summer."
    )
    assert len(extract_candidates(text, published_at=PUBLISHED)) == 1


def test_a_stated_chance_closing_the_sentence_gives_the_claim_its_probability() -> None:
    text = (
        "We expect a wet autumn in the north, with a 70% chance that rainfall tops the "
        "long-run average."
    )
    assert only(text).probability == 0.7


def test_a_group_more_likely_to_own_or_rent_is_a_trait_today() -> None:
    text = "Late voters in the suburbs are less likely to own a car and more likely to rent."
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_a_group_more_likely_to_turn_out_is_a_call() -> None:
    text = "Renters in the east are more likely to turn out this time, I think."
    assert only(text).probability == 0.7


def test_a_split_after_grading_words_gives_the_odds() -> None:
    text = (
        "Dr. Ines Varga told me the odds of the beetle reaching the northern forests this "
        'summer were "better than even, maybe 60-40."'
    )
    assert only(text).probability == 0.6


def test_a_utility_keeping_its_own_restrictions_to_a_date_is_a_pledge() -> None:
    text = (
        "Kellmoor Water said on Monday that sprinkler restrictions would remain in place at "
        "least until the end of May."
    )
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_an_analyst_calling_how_long_restrictions_last_stays() -> None:
    text = (
        "Analysts at Dunmore Research said sprinkler restrictions would remain in place at "
        "least until the end of May."
    )
    assert only(text).speaker == "Dunmore Research"


def test_restrictions_kept_until_an_event_stay() -> None:
    text = (
        "Kellmoor Water said on Monday that sprinkler restrictions would remain in place "
        "until the reservoirs refill."
    )
    assert only(text).speaker == "Kellmoor Water"


def test_the_writer_s_own_call_recalled_is_a_past_belief() -> None:
    text = "In March I wrote that the mayor would struggle to win a second term."
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_the_writer_s_call_recalled_and_still_held_stays() -> None:
    text = "In March I wrote that the mayor would struggle, and I still think she will lose."
    assert len(extract_candidates(text, published_at=PUBLISHED)) == 1


def test_a_board_heading_a_release_speaks_for_the_body_its_marker_line_names() -> None:
    text = (
        "Statement by the Water Resources Board\n\n"
        "Kell River Authority | Media release | 3 June 2024\n\n"
        "At its meeting today, the Water Resources Board reviewed the summer outlook. "
        "The Board expects reservoir levels to fall below 40 per cent by August."
    )
    assert speakers_of(text) == ["Kell River Authority"]


def test_a_board_heading_a_release_with_no_body_on_its_marker_line_stays_the_board() -> None:
    text = (
        "Statement by the Water Resources Board\n\n"
        "Media release | 3 June 2024\n\n"
        "At its meeting today, the Water Resources Board reviewed the summer outlook. "
        "The Board expects reservoir levels to fall below 40 per cent by August."
    )
    assert speakers_of(text) == ["Water Resources Board"]


def test_the_initials_of_a_measure_are_no_speaker() -> None:
    text = (
        "Statement by the Policy Board\n\nMedia release | 3 June 2024\n\n"
        "GDP rose by 0.2 per cent in the first quarter, with spending held back by a slower "
        "rise in incomes than the Board had expected. GDP growth is forecast to pick up to "
        "1.5 per cent next year."
    )
    assert speakers_of(text) == ["Policy Board"]


def test_a_ministry_after_its_country_s_name_keeps_the_and_of_its_name() -> None:
    text = (
        "Budget\n\nOrvia's Ministry of Trade and Industry expects exports to grow 3% next "
        "year. The ministry also sees imports rising 2%."
    )
    assert speakers_of(text) == ["Ministry of Trade and Industry"] * 2


def test_a_concessive_whatever_clause_names_no_speaker() -> None:
    text = (
        "Election night\n\nA note from our editor: Whatever the exit poll says, it is very "
        "unlikely that a new government will take office before July."
    )
    assert speakers_of(text) == [None]


def test_a_full_stop_after_an_ampersand_initialism_ends_the_sentence() -> None:
    assert texts("We will not comment on M&A. But I think margins will rise.") == [
        "We will not comment on M&A.",
        "But I think margins will rise.",
    ]


def test_a_host_introducing_herself_is_named_without_her_i_m() -> None:
    text = (
        "Podcast\n\nHello and welcome, I'm Lara Quintero. Quintero expects Brent to reach "
        "$90 by June."
    )
    assert speakers_of(text) == ["Lara Quintero"]


_HOST_RELAYS = (
    "Podcast transcript\n\n"
    "LARA QUINTERO: Welcome back. With me is Tomas Vell of Harrow Lane. Tomas, where is oil "
    "going?\n\n"
    "TOMAS VELL: Thanks, Lara. My number for the autumn is $80.\n\n"
    "QUINTERO: {turn} Tomas, is that too high?\n\n"
    "VELL: A little, yes."
)


def test_a_host_s_turn_reporting_a_named_body_s_forecast_is_the_body_s() -> None:
    text = _HOST_RELAYS.format(
        turn="The Halvard Energy Council this week raised its estimate of 2029 demand "
        "growth to 1.2 million barrels a day."
    )
    assert speakers_of(text)[-1] == "Halvard Energy Council"


def test_an_impersonal_you_after_a_condition_leaves_the_forecast_to_the_guest() -> None:
    text = (
        "Podcast transcript\n\n"
        "LARA QUINTERO: Tomas Vell of Harrow Lane joins me. Tomas, what if the cartel adds "
        "barrels?\n\n"
        "VELL: If the Northern Producers' Group goes ahead with the increase, you could see "
        "$60 before Christmas."
    )
    assert speakers_of(text) == ["Tomas Vell"]


def test_a_person_introduced_as_a_man_named_is_who_he_means() -> None:
    text = (
        "Feature\n\nThe boats of Port Arlen stay in harbour. The harbourmaster, a wiry man "
        "named Anton Velk, keeps a log.\n\n"
        '"Forty this year," he said. "There will be a collision before the summer.'
        ' Everybody knows it."'
    )
    assert speakers_of(text) == ["Anton Velk"]


def test_in_their_view_is_the_view_of_the_pair_just_named() -> None:
    text = (
        "Minority view\n\nDeputy Governor Ana Roth and external member Liv Berg voted to cut "
        "the rate. In their view, inflation will fall below 2 per cent by March."
    )
    (candidate,) = extract_candidates(text, published_at=PUBLISHED)
    assert candidate.speakers == ("Ana Roth", "Liv Berg")


def test_a_body_introduced_by_a_kind_of_two_words_is_the_one_named() -> None:
    text = (
        "Satellites\n\nHamid Brevik, who follows the industry at Corvex Research, thinks "
        "launches will slip. The research firm Tallis Insight expects 20 per cent of users to "
        "send a satellite text by 2030."
    )
    assert speakers_of(text) == ["Hamid Brevik", "Tallis Insight"]


def test_a_kind_of_two_words_with_no_name_after_it_is_the_body_met_before() -> None:
    text = (
        "Satellites\n\nCorvex Research published its outlook on Monday. The research firm "
        "expects 20 per cent of users to send a satellite text by 2030."
    )
    assert speakers_of(text) == ["Corvex Research"]


def test_an_expected_inside_a_compound_adjective_is_no_verb_of_saying() -> None:
    text = (
        "Research note\n\nHarrow Lane Bank | Research note | 3 June 2024\n\n"
        "- We raise our Q3 2024 Brent forecast to $82/bbl from $78/bbl, on "
        "slower-than-expected growth in supply."
    )
    assert speakers_of(text) == ["Harrow Lane Bank"]


def test_his_model_is_the_model_of_the_man_just_named() -> None:
    text = (
        "Final preview\n\nYusuf Brennan-Hale, a data analyst, has built a model of the "
        "league. His model projects 2.1 goals in Saturday's final."
    )
    assert speakers_of(text) == ["Yusuf Brennan-Hale"]


def test_where_a_speaker_spoke_set_beside_them_is_not_the_speaker() -> None:
    text = (
        "Election night\n\nFormer minister Ana Holt, speaking on public broadcaster KTV, said "
        "the Greens would probably win 40 seats."
    )
    assert speakers_of(text) == ["Ana Holt"]


def test_a_speaker_named_after_an_opening_speaking_phrase_is_still_the_speaker() -> None:
    text = (
        "Election night\n\nSpeaking on public broadcaster KTV, former minister Ana Holt said "
        "the Greens would probably win 40 seats."
    )
    assert speakers_of(text) == ["Ana Holt"]


_RELEASE_WITH_SPEECH = (
    "Monetary Policy Decision\n\n"
    "Central Bank of Orlandia | Media release | 3 June 2024\n\n"
    "The Board decided today to hold the policy rate at 4 per cent. The Board expects "
    "inflation to ease to 2.5 per cent by the end of next year.\n\n"
    "{heading}\n\n"
    "Good afternoon. I expect wage growth to slow to about 3 per cent by December."
)


def test_a_statement_by_a_named_governor_in_a_release_is_the_governor_s() -> None:
    text = _RELEASE_WITH_SPEECH.format(
        heading="Opening statement by Governor Ana Roth at the media conference"
    )
    assert speakers_of(text) == ["Central Bank of Orlandia", "Ana Roth"]


def test_a_statement_heading_that_names_no_one_leaves_the_release_to_its_issuer() -> None:
    text = _RELEASE_WITH_SPEECH.format(heading="Opening statement at the media conference")
    assert speakers_of(text) == ["Central Bank of Orlandia", "Central Bank of Orlandia"]


def test_a_forecaster_s_figure_on_its_course_is_a_quantity_forecast() -> None:
    text = (
        "Rates\n\n"
        '"We have the policy rate averaging 3.5% in the second half," said Ada Lunn, an '
        'economist at Kell Bank. "We have seen the policy rate rising to 4% in recent months," '
        'she added. "We have 40 economists in 12 offices," she said.'
    )
    found = only(text)
    assert (found.speaker, found.quantity) == ("Ada Lunn", Quantity(3.5, 3.5, "%"))


def test_my_number_for_a_time_to_come_is_a_forecast_and_for_a_time_gone_is_not() -> None:
    text = (
        "Rates\n\n"
        '"My number for next year is 2.1%," said Ada Lunn, an economist at Kell Bank. '
        '"My number for last year was 1.8%," she said. "My number for last year is 1.8%," she '
        "said."
    )
    found = only(text)
    assert (found.speaker, found.quantity) == ("Ada Lunn", Quantity(2.1, 2.1, "%"))


def test_my_view_of_a_time_to_come_is_a_forecast_and_of_a_policy_is_not() -> None:
    text = (
        "Rates\n\n"
        '"My view is that the bank cuts rates in June," said Ada Lunn, an economist at Kell '
        'Bank. "My view is that the policy was a mistake," she said. "My view is that the bank '
        'is too slow," she said.'
    )
    assert only(text).sentence.startswith('"My view is that the bank cuts')


def test_a_research_note_s_modelled_figure_and_its_price_target_are_forecasts() -> None:
    text = (
        "Kell Research note on Tarvo Devices\n\n"
        "We model 6.2% for 2025, above the company's guidance. We model each store separately. "
        "Our price target falls to $48 from $52. Our price target stood at $52 in January."
    )
    found = extract_candidates(text, published_at=PUBLISHED)
    assert [c.quantity for c in found] == [Quantity(6.2, 6.2, "%"), Quantity(48.0, 48.0, "USD")]


def test_a_hedged_figure_for_one_s_own_output_is_an_estimate_not_a_plan() -> None:
    text = (
        "Tarvo Devices\n\nIda Renn is chief executive of Tarvo Devices. She spoke to us on "
        "Monday.\n\n"
        "Q: How many scooters will you sell this year?\n\n"
        "A: We plan for 1,500. I think we'll actually sell somewhere between 900 and 1,100, "
        "because the battery supply is short.\n\n"
        "Q: And the new plant?\n\n"
        "A: We will build 1,000 scooters a month there from May."
    )
    assert only(text).sentence.startswith("I think we'll actually sell")


def test_expecting_a_peak_in_part_of_a_month_is_a_forecast() -> None:
    text = (
        "Flu\n\nDr. Ana Sorel of the Kell Institute said the season was not yet over. "
        '"I expect the peak in late April," she said. "I expect the worst," she added.'
    )
    found = only(text)
    assert (found.speaker, found.deadline) == ("Ana Sorel", datetime(2024, 5, 1, tzinfo=UTC))


def test_a_percentage_put_on_the_risk_a_question_asks_about_is_its_probability() -> None:
    text = (
        "Ivo Marsh is governor of the Kell central bank. He spoke to us on Monday.\n\n"
        "Q: What are the odds of a recession?\n\n"
        "A: Small. Our economists put it at about 20 per cent over the next year.\n\n"
        "Q: Where will inflation be at the end of next year?\n\n"
        "A: Our economists put it at about 3 per cent by then."
    )
    found = extract_candidates(text, published_at=PUBLISHED)
    assert [(c.speaker, c.probability, c.kind) for c in found] == [
        ("Ivo Marsh", 0.2, "probability"),
        ("Ivo Marsh", None, "quantity"),
    ]


_EXIT_POLL: str = (
    "Results\n\nThe exit poll, conducted for the national broadcaster by Varne Polling, "
    "projects that the Liberals will win 48 of the 120 seats. It has the Greens on 31 seats "
    "and the Farmers on 12."
)


def test_it_has_a_party_on_a_seat_count_goes_on_with_the_poll_just_reported() -> None:
    assert speakers_of(_EXIT_POLL) == ["Varne Polling", "Varne Polling"]


def test_it_has_seats_or_has_won_them_is_what_a_body_holds() -> None:
    for held in ("It has 120 seats in all.", "It has won 31 seats since 1990."):
        text = _EXIT_POLL.replace("It has the Greens on 31 seats and the Farmers on 12.", held)
        assert speakers_of(text) == ["Varne Polling"]


def test_a_body_s_modelling_unit_putting_a_count_at_a_range_speaks_for_the_body() -> None:
    text = (
        "Outbreak\n\nThe Corlan Health Agency said on Monday it expects the outbreak to peak in "
        "August. The agency's modelling unit puts total infections at between 900 and 1,300 by "
        "the end of September."
    )
    assert speakers_of(text) == ["Corlan Health Agency", "Corlan Health Agency"]


def test_a_modelling_unit_s_size_is_no_forecast() -> None:
    text = (
        "Outbreak\n\nThe Corlan Health Agency said on Monday it expects the outbreak to peak in "
        "August. The agency's modelling unit has 14 staff and puts its reports out weekly."
    )
    assert speakers_of(text) == ["Corlan Health Agency"]


_GUIDANCE: str = (
    "Earnings\n\nBrannock Systems reported first-quarter revenue of $2.1bn on Tuesday. "
    "Management guided to full-year revenue of $9bn to $9.4bn."
)


def test_management_s_guidance_is_the_company_s() -> None:
    assert speakers_of(_GUIDANCE) == ["Brannock Systems"]


def test_a_firm_whose_name_ends_in_management_keeps_its_name() -> None:
    text = _GUIDANCE.replace("Management guided to", "Harwell Asset Management expects")
    assert speakers_of(text) == ["Harwell Asset Management"]


_RATE_PATH: str = (
    "Rates\n\nThe Velmar Central Bank said on Thursday it expects inflation to ease to 2% next "
    "year. The rate path published with this decision is consistent with a rate of 2.5 per "
    "cent at the end of 2027."
)


def test_a_rate_path_consistent_with_a_level_is_the_bank_s_forecast() -> None:
    assert speakers_of(_RATE_PATH) == ["Velmar Central Bank", "Velmar Central Bank"]


def test_a_rate_path_consistent_with_a_mandate_is_no_forecast() -> None:
    text = _RATE_PATH.replace("a rate of 2.5 per cent at the end of 2027", "the bank's mandate")
    assert speakers_of(text) == ["Velmar Central Bank"]


_PENCILLED: str = (
    "Budget\n\nThe Norland Treasury cut its growth forecast on Monday. The new outlook, "
    "published alongside the budget, also pencilled in growth of 1.1% for next year."
)


def test_an_outlook_that_pencils_in_a_figure_is_its_publisher_s() -> None:
    assert speakers_of(_PENCILLED) == ["Norland Treasury"]


def test_when_an_outlook_was_published_is_no_forecast() -> None:
    text = _PENCILLED.replace("also pencilled in growth of 1.1% for next year", "came out late")
    assert speakers_of(text) == []


def test_seeing_growth_of_only_a_figure_is_a_forecast() -> None:
    text = "Growth\n\nEconomists at Tessel Partners now see growth of only 0.4% this year."
    assert speakers_of(text) == ["Tessel Partners"]


def test_a_country_s_ministry_of_two_portfolios_keeps_its_whole_name() -> None:
    text = (
        "Growth\n\nNorland's Ministry of Economy and Labour said on Monday that it expects "
        "growth of 1% next year."
    )
    assert speakers_of(text) == ["Ministry of Economy and Labour"]


_STUDY: str = (
    "Drought\n\nRivers are low. A 2022 paper by the Orlen Hydrology Institute projected that "
    "river flows would drop by about 20% by 2060."
)


def test_an_earlier_study_s_projection_of_a_year_to_come_still_stands() -> None:
    assert speakers_of(_STUDY) == ["Orlen Hydrology Institute"]


def test_an_earlier_study_s_projection_of_a_year_gone_is_past() -> None:
    text = _STUDY.replace("2022 paper", "2019 paper").replace("by 2060", "by 2023")
    assert speakers_of(text) == []


def test_what_an_earlier_study_found_is_no_forecast() -> None:
    text = _STUDY.replace("projected that river flows would drop", "found that flows had dropped")
    assert speakers_of(text) == []


_LEANING: str = (
    'Drought\n\nRivers are low. "The models are leaning towards a La Niña forming by early '
    'winter," said Dr. Pia Romero, a forecaster at the Orlen Weather Service.'
)


def test_models_leaning_towards_a_course_by_a_time_are_a_forecast() -> None:
    assert speakers_of(_LEANING) == ["Pia Romero"]


def test_models_leaning_towards_caution_are_no_forecast() -> None:
    text = _LEANING.replace("a La Niña forming by early winter", "caution this year")
    assert speakers_of(text) == []


_NOT_IN_ONE: str = (
    'Growth\n\n"The country is not in a downturn, and we do not expect one," Finance Minister '
    "Ada Korv told reporters."
)


def test_an_event_denied_now_and_not_expected_is_a_forecast() -> None:
    assert speakers_of(_NOT_IN_ONE) == ["Ada Korv"]


def test_not_in_a_position_to_say_is_no_event_denied() -> None:
    text = _NOT_IN_ONE.replace(
        "The country is not in a downturn", "We are not in a position to say"
    )
    assert speakers_of(text) == []


def probability_of(text: str) -> float | None:
    candidates = extract_candidates(text, published_at=PUBLISHED)
    assert candidates
    return candidates[-1].probability


def test_a_threshold_the_event_clears_is_not_its_probability() -> None:
    text = (
        "Analyst Petra Lund said she gives the Farmers' League about even odds of clearing the "
        "4% bar for seats in the next election."
    )
    assert probability_of(text) == 0.5


def test_a_level_the_event_falls_below_is_not_its_probability() -> None:
    text = (
        "The Selvin Water Board puts the chance of reservoir levels in the northern valleys "
        "during the summer months falling below 40% of capacity at 25%."
    )
    assert probability_of(text) == 0.25


def test_the_chance_of_clearing_at_a_figure_is_still_the_odds() -> None:
    text = "Analyst Petra Lund put the chance of the Farmers' League clearing the bar at 30%."
    assert probability_of(text) == 0.3


def test_put_it_at_better_than_a_percentage_is_a_chance() -> None:
    text = (
        "Q: Will the bridge open before the summer?\n\nA: It will. \"I'd put it at better "
        'than 75%."'
    )
    assert probability_of(text) == 0.75


def test_put_it_at_a_percentage_short_of_certainty_is_a_chance() -> None:
    text = (
        "Engineer Lise Harrow said: \"I think the bridge will open in May, though I'd put it "
        'at something like 65% rather than a certainty."'
    )
    assert probability_of(text) == 0.65


def test_put_it_at_a_bare_percentage_stays_a_possible_rate() -> None:
    text = (
        "Q: Where will inflation peak next year?\n\nA: Economist Lise Harrow said inflation "
        'will peak next year. "I\'d put it at something like 4%."'
    )
    assert probability_of(text) != 0.04


def test_a_model_s_share_of_the_time_is_its_probability() -> None:
    text = (
        "Ahead of Saturday's final, the Ostwick model has Brannock winning 38% of the time, "
        "with extra time at 21%."
    )
    assert probability_of(text) == 0.38


def test_how_often_something_happens_is_no_probability() -> None:
    text = "Forecaster Ana Ruiz said it will rain on Saturday; it rains 30% of the time in May."
    assert probability_of(text) != 0.3


def test_even_odds_quoted_after_a_long_event_are_even() -> None:
    text = (
        "Minister Karl Boden put the chance that the new terminal would be ready before the "
        'holiday traffic starts at "about even," and said work would go on through the night.'
    )
    assert probability_of(text) == 0.5


def test_a_hedge_word_before_fifty_fifty_grades_the_odds() -> None:
    text = 'Coach Ida Marsh said her captain was "probably 50-50" for the final on Saturday.'
    assert probability_of(text) == 0.5


def test_a_hedge_before_going_to_is_still_the_hedge() -> None:
    text = "The city's target of 5,000 new homes is almost certainly going to be missed in 2027."
    assert probability_of(text) == 0.95


def test_a_hedge_in_a_closing_with_clause_is_the_claim_s_odds() -> None:
    text = (
        "The central bank expects output to be flat this quarter, with exports likely to fall "
        "before recovering next year."
    )
    assert probability_of(text) == 0.7


def test_a_hedge_in_an_opening_with_clause_is_background() -> None:
    text = "With no party likely to win outright, a coalition was unlikely before March, she said."
    assert probability_of(text) == 0.3


def test_probably_not_until_a_time_dates_the_event() -> None:
    text = (
        "Election officer Maria Tell warned that counting would be slow, with the final "
        "tally probably not ready until the morning of May 3."
    )
    assert probability_of(text) == 0.7


def test_probably_not_before_a_time_denies_the_event() -> None:
    text = "Maria Tell said the final tally would probably not be ready before May 3."
    assert probability_of(text) == 0.3


def _note(body: str) -> list[Candidate]:
    text = (
        "Tarnby: a slow spring\n\n"
        "Ossel Vale Bank | Commodities Research | 4 March 2024\n\n"
        "Producers met last week and kept their quotas.\n\n" + body
    )
    return extract_candidates(text, published_at=PUBLISHED)


def test_a_note_s_own_view_of_what_another_body_will_do_is_a_forecast() -> None:
    found = _note(
        "We do not think the alliance will scrap its quotas this year. "
        "We think it is likely that they extend the quotas again at their next meeting."
    )
    assert [(c.speaker, c.sentence[:13]) for c in found] == [
        ("Ossel Vale Bank", "We do not thi"),
        ("Ossel Vale Bank", "We think it i"),
    ]


def test_a_party_s_act_told_by_its_own_leader_stays_a_pledge() -> None:
    text = "Vote\n\nNola Reed, the party's leader, said the party would cut fuel duty."
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_a_measure_kept_in_the_present_after_a_belief_needs_the_measure() -> None:
    found = _note("We think it is likely that they extend their reach in the region.")
    assert found == []


def test_in_that_case_a_note_s_scenario_would_is_a_forecast() -> None:
    found = _note(
        "Our downside scenario has the strike spreading to the ports by May. "
        "In that case we think output would fall by around 3% in 2024."
    )
    assert [c.sentence[:12] for c in found] == ["In that case"]


def test_the_weight_a_note_puts_on_its_scenario_is_its_probability() -> None:
    found = _note(
        "We expect prices to ease this year. "
        "The upside case, a mild summer that lifts demand, gets a 20% weight."
    )
    assert [(c.speaker, c.probability) for c in found] == [
        ("Ossel Vale Bank", None),
        ("Ossel Vale Bank", 0.2),
    ]


def test_a_sector_s_weight_in_an_index_is_no_probability() -> None:
    text = "Markets\n\nTech stocks have a 30% weight in the Ossel index this year."
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_pencilling_a_figure_in_in_the_conditional_is_a_forecast() -> None:
    text = (
        "Growth\n\n"
        '"I\'d pencil in growth of about 1.1% for next year," said Oren Pike, an economist at '
        "Vale Bank."
    )
    assert only(text).speaker == "Oren Pike"


def test_back_in_parliament_is_where_the_voters_put_a_party_and_back_home_is_not() -> None:
    text = (
        "Election night\n\n"
        '"We\'ll be back in parliament, mark my words," Ida Voss said. '
        '"We\'ll be back in the capital on Monday," Ida Voss said.'
    )
    assert only(text).sentence.startswith("\"We'll be back in parliament")


def test_a_source_and_its_forecast_verb_after_the_claim_make_it_theirs() -> None:
    text = (
        "Seats\n\nThe Farmers' List is on course for 9 to 12 seats, the Orlen Institute projects."
    )
    assert only(text).speaker == "Orlen Institute"


def test_a_body_s_projects_ending_a_sentence_are_no_forecast() -> None:
    text = "Works\n\nThe grant went to three of the Orlen Institute projects."
    assert extract_candidates(text, published_at=PUBLISHED) == []


def test_the_time_a_source_gives_a_leader_is_a_forecast_and_a_time_to_act_is_not() -> None:
    text = (
        "Leadership\n\n"
        '"She has perhaps six months left," said Tove Arn, a former minister. '
        '"She has perhaps six months to fix the budget," said Tove Arn.'
    )
    assert only(text).sentence.startswith('"She has perhaps six months left')


def test_a_hedge_backshifted_before_the_telling_is_a_forecast() -> None:
    text = (
        "Talks\n\n"
        'A ceasefire was "unlikely" while the shelling went on, Ivo Stenberg told reporters. '
        'The shelling was "likely" the cause of the fire, Ivo Stenberg told reporters.'
    )
    assert only(text).sentence.startswith("A ceasefire")


def test_my_guess_would_be_is_a_forecast() -> None:
    text = (
        "Heat\n\nASTRID LUNE: The spring will be warm. My guess would be about a degree "
        "above the average."
    )
    assert extract_candidates(text, published_at=PUBLISHED)[-1].sentence.startswith("My guess")


def test_a_level_by_a_time_named_in_a_source_s_present_is_a_forecast() -> None:
    text = (
        '"Storage is at 40 per cent now," said Ada Ruiz. '
        '"By the end of July it\'s back below 30 per cent," she said. '
        '"By the end of July it was below 30 per cent last year," she said.'
    )
    assert only(text).sentence.startswith("\"By the end of July it's")


def test_a_pundit_s_role_line_may_carry_a_rank_or_a_title() -> None:
    text = (
        "Open: our experts pick the winners\n\n"
        "We asked three experts who will win.\n\n"
        "ANNA PIKE, coach\n\n"
        "I think Lund beats him in the final.\n\n"
        "TOMAS BERG, former world No. 4\n\n"
        "Brantsen is the pick. But I think Okoro beats him in the semi-final.\n\n"
        "On the women's side, Ivanova won't get past the quarter-finals.\n\n"
        "DR. ELSA HOLM, sports psychologist\n\n"
        "I think Lund holds her nerve and wins the final."
    )
    found = extract_candidates(text, published_at=PUBLISHED)
    assert [c.speaker for c in found] == ["Anna Pike", "Tomas Berg", "Tomas Berg", "Elsa Holm"]


def test_a_claim_read_off_a_named_body_s_figures_is_the_body_s() -> None:
    text = (
        "Seats\n\nThe Farmers' List is on course for 9 to 12 seats, the Orlen Institute "
        "projects. The nationalist Coast Party would take 4 to 6, on the institute's figures."
    )
    found = extract_candidates(text, published_at=PUBLISHED)
    assert [c.speaker for c in found] == ["Orlen Institute", "Orlen Institute"]


def test_the_writer_s_need_projected_at_the_current_rate_is_a_forecast_not_a_duty() -> None:
    text = (
        "The shelter\n\nAt this pace, the Kell shelter will need a third kitchen. "
        "Volunteers will need a badge to enter the kitchen. The shelter will be busy."
    )
    assert only(text).sentence.startswith("At this pace, the Kell shelter")


def test_the_writer_s_labelled_bet_is_a_forecast_and_a_best_bet_is_advice() -> None:
    text = (
        "Ferries\n\nMy bet: the Kell ferry strike ends before the holidays. "
        "Our best bet: the early ferry from Kell."
    )
    assert only(text).sentence.startswith("My bet: the Kell ferry")


def test_an_outcome_at_least_a_span_away_is_a_forecast_and_a_calendar_s_wait_is_not() -> None:
    text = (
        "Kell talks\n\nA final settlement of the Kell border is at least two years away. "
        "The vote on the interim deal is six weeks away, and the summit is still months away."
    )
    assert only(text).sentence.startswith("A final settlement of the Kell border")


def test_the_writer_s_will_with_a_bound_on_a_count_in_words_is_a_call() -> None:
    text = (
        "Kell council\n\nThe Greens will win at least three of the five harbour seats. "
        "Their leader, Ivo Ostby, will miss at least three weeks of the campaign."
    )
    assert only(text).sentence.startswith("The Greens will win at least three")


def test_the_writer_s_will_on_who_takes_an_office_next_is_a_call() -> None:
    text = (
        "Kell\n\nIvo Ostby will be Kell's next prime minister. "
        "The next prime minister will appoint the cabinet. Whoever wins will be the next premier."
    )
    assert only(text).sentence.startswith("Ivo Ostby will be")


def test_the_writer_s_will_on_a_contest_s_result_is_a_call_and_on_jobs_is_not() -> None:
    text = (
        "Kell runoff\n\nIvo Ostby will not carry every district in the north. "
        "Hundreds of miners will lose their jobs. His plan will win support."
    )
    assert only(text).sentence.startswith("Ivo Ostby will not carry")
