"""Deadline phrases resolved against a fixed publication time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from forecasts.deadlines import (
    UnknownDeadlineError,
    find_deadline,
    find_deadlines,
    resolve_deadline,
)

PUBLISHED = datetime(2023, 8, 1, 16, 0, tzinfo=UTC)


def at(year: int, month: int, day: int, hour: int = 0) -> datetime:
    return datetime(year, month, day, hour, tzinfo=UTC)


@pytest.mark.parametrize(
    ("phrase", "deadline"),
    [
        ("by the end of the year", at(2024, 1, 1)),
        ("by the end of this year", at(2024, 1, 1)),
        ("later this year", at(2024, 1, 1)),
        ("by year-end", at(2024, 1, 1)),
        ("for the rest of the year", at(2024, 1, 1)),
        ("in the second half", at(2024, 1, 1)),
        ("in the first half", at(2024, 7, 1)),
        ("over the first half of 2025", at(2025, 7, 1)),
        ("before Christmas", at(2023, 12, 25)),
        ("by Christmas", at(2023, 12, 26)),
        ("year to February", at(2024, 3, 1)),
        ("six months to March 2024", at(2024, 4, 1)),
        ("in a year's time", at(2024, 8, 1, 16)),
        ("into February", at(2024, 3, 1)),
        ("beyond March", at(2024, 4, 1)),
        ("by mid-year", at(2024, 7, 1)),
        ("by the middle of February", at(2024, 2, 16)),
        ("marketing year that starts on Sept. 1", at(2024, 9, 1)),
        ("crop year which begins on 1 April", at(2025, 4, 1)),
        ("in the second half, which ends on Feb. 24", at(2024, 2, 25)),
        ("by February to April", at(2024, 5, 1)),
        ("through December to February", at(2024, 3, 1)),
        ("before mid-November", at(2023, 11, 15)),
        ("until at least mid-September", at(2023, 9, 16)),
        ("over the summer", at(2023, 9, 1)),
        ("until Sunday 10 September", at(2023, 9, 11)),
        ("on Sunday, September 10", at(2023, 9, 11)),
        ("until at least Thursday", at(2023, 8, 4)),
        ("by next Friday", at(2023, 8, 12)),
        ("before Monday", at(2023, 8, 7)),
        ("through the weekend", at(2023, 8, 7)),
        ("next year", at(2025, 1, 1)),
        ("over the next year", at(2024, 8, 1, 16)),
        ("in coming weeks", PUBLISHED + timedelta(weeks=8)),
        ("over the remainder of this year", at(2024, 1, 1)),
        ("in the current year", at(2024, 1, 1)),
        ("for the current quarter", at(2023, 10, 1)),
        ("for the second quarter", at(2024, 7, 1)),
        ("next year", at(2025, 1, 1)),
        ("by the end of next year", at(2025, 1, 1)),
        ("by end of 2025", at(2026, 1, 1)),
        ("by the end of 2025", at(2026, 1, 1)),
        ("by 2030", at(2031, 1, 1)),
        ("in 2030", at(2031, 1, 1)),
        ("before 2030", at(2030, 1, 1)),
        ("by mid-2025", at(2025, 7, 1)),
        ("within six months", at(2024, 2, 1, 16)),
        ("in the next 12 months", at(2024, 8, 1, 16)),
        ("within a year", at(2024, 8, 1, 16)),
        ("over the next decade", at(2033, 8, 1, 16)),
        ("five years from now", at(2028, 8, 1, 16)),
        ("in two weeks' time", at(2023, 8, 15, 16)),
        ("in the coming weeks", PUBLISHED + timedelta(weeks=8)),
        ("in the coming months", at(2024, 2, 1, 16)),
        ("by March", at(2024, 4, 1)),
        ("by the end of March", at(2024, 4, 1)),
        ("before March", at(2024, 3, 1)),
        ("by March 2025", at(2025, 4, 1)),
        ("by March 1", at(2024, 3, 2)),
        ("by 1 March 2024", at(2024, 3, 2)),
        ("by September", at(2023, 10, 1)),
        ("by the summer", at(2023, 9, 1)),
        ("next summer", at(2024, 9, 1)),
        ("next week", at(2023, 8, 14)),
        ("next month", at(2023, 10, 1)),
        ("by the end of the quarter", at(2023, 10, 1)),
        ("by Q1 2024", at(2024, 4, 1)),
        ("by the end of the decade", at(2030, 1, 1)),
        ("between March and May", at(2024, 6, 1)),
        ("from December to February", at(2024, 3, 1)),
        ("April-June", at(2024, 7, 1)),
        ("a warmer-than-normal winter", at(2024, 3, 1)),
        ("a hotter and drier summer", at(2023, 9, 1)),
        ("the coming winter", at(2024, 3, 1)),
        ("until at least the June quarter", at(2024, 7, 1)),
        ("in the first week of January", at(2024, 1, 8)),
        ("the first two weeks of January", at(2024, 1, 15)),
        ("in the last week of December", at(2024, 1, 1)),
        ("by the middle of next year", at(2024, 7, 1)),
        ("in the middle of 2025", at(2025, 7, 1)),
        ("by the middle of the year", at(2024, 7, 1)),
        ("in the first three months of 2024", at(2024, 4, 1)),
        ("the first six months of next year", at(2024, 7, 1)),
        ("between 2026 and 2030", at(2031, 1, 1)),
        ("December-to-February", at(2024, 3, 1)),
        ("five years away", at(2028, 8, 1, 16)),
        ("in the second half of April", at(2024, 5, 1)),
        ("in the first half of May", at(2024, 5, 16)),
        ("in the second half of next year", at(2025, 1, 1)),
        ("in the second half of the month", at(2023, 9, 1)),
        ("before the fourth quarter", at(2023, 10, 1)),
        ("in the fourth quarter of next year", at(2025, 1, 1)),
        ("before the summer is out", at(2023, 9, 1)),
        ("at the end of March", at(2024, 4, 1)),
    ],
)
def test_phrases_resolve_to_the_documented_instant(phrase: str, deadline: datetime) -> None:
    assert resolve_deadline(phrase, published_at=PUBLISHED) == deadline


@pytest.mark.parametrize(
    "phrase", ["before the election", "ahead of the summit", "by the 2032 season"]
)
def test_events_without_a_date_are_recognised_but_unresolved(phrase: str) -> None:
    assert resolve_deadline(phrase, published_at=PUBLISHED) is None


def test_deadlines_are_aware_utc_even_when_published_at_is_not_utc() -> None:
    kyiv = timezone(timedelta(hours=3))
    published = datetime(2023, 12, 31, 23, 30, tzinfo=kyiv)  # 20:30 UTC, still 2023
    deadline = resolve_deadline("by the end of the year", published_at=published)
    assert deadline == at(2024, 1, 1)
    assert deadline is not None and deadline.tzinfo == UTC


def test_naive_published_at_is_refused_with_an_example() -> None:
    with pytest.raises(ValueError, match="timezone"):
        resolve_deadline("next year", published_at=datetime(2023, 8, 1))


def test_a_phrase_that_is_no_deadline_is_an_error() -> None:
    with pytest.raises(UnknownDeadlineError, match="not a deadline phrase"):
        resolve_deadline("soonish", published_at=PUBLISHED)


def test_find_deadline_returns_the_phrase_as_written_with_offsets() -> None:
    text = "Growth would slow to 0.6% next year, the bank said."
    found = find_deadline(text, published_at=PUBLISHED)
    assert found is not None
    assert found.phrase == "next year"
    assert text[found.start : found.end] == "next year"
    assert found.deadline == at(2025, 1, 1)


def test_without_published_at_the_phrase_is_found_but_not_resolved() -> None:
    found = find_deadline("It will pass within six months.", published_at=None)
    assert found is not None
    assert (found.phrase, found.deadline) == ("within six months", None)


def test_past_years_are_not_deadlines() -> None:
    assert find_deadlines("It happened in 2019, since 2011.", published_at=PUBLISHED) == []


def test_march_the_noun_and_may_the_verb_are_not_months() -> None:
    text = "They may march on Moscow again in may."
    assert find_deadlines(text, published_at=PUBLISHED) == []


def test_no_deadline_in_plain_text() -> None:
    assert find_deadline("The levy is popular.", published_at=PUBLISHED) is None


def test_a_quarter_s_figure_is_due_when_the_quarter_ends() -> None:
    found = find_deadline(
        "Orme expects third-quarter revenue of $4 billion.", published_at=PUBLISHED
    )
    assert found is not None
    assert (found.phrase, found.deadline) == ("third-quarter", at(2023, 10, 1))
    assert find_deadline("The third-quarter slump is over.", published_at=PUBLISHED) is None


def test_a_weekday_the_clause_tells_of_something_said_or_done_on_is_no_deadline() -> None:
    for text in (
        "Rates will rise, the bank said on Friday.",
        "The bank forecast on Friday that rates would rise.",
        "Yields will fall, down from 4.1% on Monday.",
    ):
        assert find_deadline(text, published_at=PUBLISHED) is None, text


def test_a_weekday_a_forecast_is_for_dates_it_in_passing() -> None:
    found = find_deadline(
        "Temperatures are likely to reach 34C on Saturday.", published_at=PUBLISHED
    )
    assert found is not None
    # 1 August 2023 is a Tuesday: the claim runs to the end of Saturday the 5th
    assert (found.phrase, found.deadline, found.firm) == ("on Saturday", at(2023, 8, 6), False)
    named = "Sales are likely to start in the United States on Friday."
    assert find_deadline(named, published_at=PUBLISHED) is not None
    last = find_deadline("Gales are likely on Thursday and Friday.", published_at=PUBLISHED)
    assert last is not None
    assert last.deadline == at(2023, 8, 5)
    assert find_deadline("Gales are likely by Friday.", published_at=PUBLISHED).firm  # type: ignore[union-attr]


def test_a_season_named_in_passing_is_the_next_one_unless_told_as_past() -> None:
    found = find_deadline("Spring is likely to be dry.", published_at=PUBLISHED)
    assert found is not None
    assert (found.deadline, found.firm) == (at(2024, 6, 1), False)
    told = "After the driest winter in decades, the spring has been wet."
    assert find_deadline(told, published_at=PUBLISHED) is None


def test_in_january_the_winter_under_way_began_the_december_before() -> None:
    january = datetime(2024, 1, 15, tzinfo=UTC)
    assert resolve_deadline("this winter", published_at=january) == at(2024, 3, 1)
    assert resolve_deadline("by the winter", published_at=january) == at(2024, 3, 1)
    assert resolve_deadline("before the winter", published_at=january) == at(2024, 12, 1)
    assert resolve_deadline("next winter", published_at=january) == at(2025, 3, 1)


def test_for_next_year_names_the_calendar_year_and_over_the_next_year_a_span() -> None:
    found = find_deadline("For next year it sees growth of 1.1%.", published_at=PUBLISHED)
    assert found is not None
    assert (found.phrase, found.deadline) == ("next year", at(2025, 1, 1))


def test_a_quarter_s_forecast_and_a_quarter_named_in_passing() -> None:
    forecast = find_deadline("It cut its fourth-quarter Brent forecast.", published_at=PUBLISHED)
    assert forecast is not None
    assert (forecast.phrase, forecast.deadline, forecast.firm) == (
        "fourth-quarter",
        at(2024, 1, 1),
        True,
    )
    passing = find_deadline("The third quarter will be our best.", published_at=PUBLISHED)
    assert passing is not None
    assert (passing.deadline, passing.firm) == (at(2023, 10, 1), False)


def test_christmas_day_and_eve_are_named_in_passing_and_a_past_week_is_none() -> None:
    day = find_deadline("Snow is likely on Christmas Day.", published_at=PUBLISHED)
    assert day is not None
    assert (day.deadline, day.firm) == (at(2023, 12, 26), False)
    assert find_deadline("Snow is likely on Christmas Eve.", published_at=PUBLISHED) is None
    later = datetime(2023, 12, 21, tzinfo=UTC)
    assert (
        find_deadline("They have not met since the first week of December.", published_at=later)
        is None
    )


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("The bank will cut at its Sept. 20 meeting.", at(2023, 9, 21)),
        ("Prices will not fall between now and Christmas.", at(2023, 12, 26)),
    ],
)
def test_deadlines_found_inside_a_sentence(text: str, deadline: datetime) -> None:
    found = find_deadline(text, published_at=PUBLISHED)
    assert found is not None
    assert found.deadline == deadline


def test_the_half_of_the_month_is_of_the_month_named_before_and_a_past_half_is_none() -> None:
    found = find_deadline(
        "Frost is likely in January, most likely in the second half of the month.",
        published_at=PUBLISHED,
    )
    assert found is not None
    assert found.deadline == at(2024, 2, 1)
    late_june = datetime(2023, 6, 24, tzinfo=UTC)
    survey = "The survey was carried out in the first half of June."
    assert find_deadline(survey, published_at=late_june) is None


def test_a_month_just_told_of_as_done_is_the_past_not_next_year_s() -> None:
    for text in (
        "Robots, which it began installing in April, will replace 150 jobs.",
        "Growth will be 1.4%, revised down from 1.6% in March.",
        "The forecasts, published in May, see growth of 2%.",
    ):
        assert find_deadline(text, published_at=PUBLISHED) is None, text
    ahead = find_deadline("Prices will fall in April, the bank said.", published_at=PUBLISHED)
    assert ahead is not None
    assert ahead.deadline == at(2024, 5, 1)


def test_before_an_event_dated_in_the_sentence_ends_the_day_before_it() -> None:
    for text in (
        "The bridge will reopen before the assembly's winter break, which begins on 20 April.",
        "The bill will pass before the vote on 20 April.",
    ):
        found = find_deadline(text, published_at=PUBLISHED)
        assert found is not None, text
        assert found.deadline == at(2024, 4, 20), text
    on_the_day = find_deadline("The bill will pass on 20 April.", published_at=PUBLISHED)
    assert on_the_day is not None
    assert on_the_day.deadline == at(2024, 4, 21)


def test_a_time_denied_then_a_later_one_is_about_the_later_time() -> None:
    found = find_deadline("Not this month, and not in the autumn either.", published_at=PUBLISHED)
    assert found is not None
    assert found.deadline == at(2023, 12, 1)
    # two times affirmed are two claims: the first keeps its own
    both = find_deadline("It will come in September, and in October too.", published_at=PUBLISHED)
    assert both is not None
    assert both.deadline == at(2023, 10, 1)
