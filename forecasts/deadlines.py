"""Deadline phrases ("by the end of the year", "within six months") resolved to UTC instants.

A deadline is the first instant at which the claim is over: "by X" means "before X is
over", so the deadline is the first instant after X, in UTC. Phrases are read against the
article's published_at (converted to UTC first). The conventions:

- "by the end of the year", "this year", "later this year", "by year-end", "for the rest
  of the year": the first instant of next year (published 2023-08-01 -> 2024-01-01T00:00Z).
- "next year", "by the end of next year": the first instant of the year after next.
- "by 2030", "in 2030", "by the end of 2030", "by end-2030": 2031-01-01 (the year is
  included); "before 2030": 2030-01-01. "in 2019" from a 2023 article is the past and no
  deadline.
- "early" / "mid" / "late" a year end on 1 May, 1 July and 1 January after it; of a
  month, on the 11th, the 16th and the 1st of the next month; "the middle of" a month is
  "mid-", and "before mid-November" is up to the 14th.
- "by March", "in March", "by the end of March": the end of the next March that has not
  ended (published in August -> next year's); "before March": its first instant.
  "by March 1" / "by 1 March": the end of that day; "before March 1": its start.
- "the second half of April" ends with April, "the first half" of a month on the 15th;
  "of the month" is of the month named before it, else the one under way.
- "the middle of next year" (or of 2027, or of the year) is "mid-", as "by mid-year" is;
  "the first three months of 2028" end with March; "between 2026 and 2030" with the last year.
- "through", "over", "into" and "beyond" a month, season or year, and "until at least ...",
  end with it, as "by" does. "Before the summer is out" is by its end; "before the fourth
  quarter" at its start.
- A month already past this year, just told of as done ("which it began installing in
  April", "revised down from 1.6% in March"), is no deadline.
- "in the first half" ends on 1 July, "in the second half" with the year (the next such half
  that has not ended); "by Christmas" at the end of 25 December, "before Christmas" at its
  start; "in the year to February", "the six months to March": at the end of that month;
  "in the second half, which ends on Feb. 27": at the end of that day.
- Seasons are meteorological and northern: spring Mar-May, summer Jun-Aug,
  autumn Sep-Nov, winter Dec-Feb; with southern=True (an article about Australia) six
  months on: spring Sep-Nov, summer Dec-Feb. "by the summer" is the end of the next summer that has
  not ended, "before the summer" its start.
- "within six months", "in the next 12 months", "over the next decade", "five years from
  now", "in two weeks' time": published_at plus that many calendar units ("for next year"
  names the calendar year, "over the next year" a span) (a month past
  the end of a shorter month is clamped to its last day).
- "at least five years away" is five years on, named in passing.
- Vague spans: "in the coming days" 14 days, "weeks" 8 weeks, "months" 6 months, "years"
  5 years; "the next few weeks" 3 weeks (a few = 3).
- "next week" / "next month" / "next quarter": the end of that calendar week (ISO,
  Monday first), month or quarter; "this ...", "the current ..." / "by the end of the
  ...": of the current one. "In the second quarter", "for the second quarter",
  "second-quarter revenue": the end of the next such quarter that has not ended.
- "by Friday", "until at least Thursday": the end of the next such day (of the day after
  a week with "next"); "before Monday": its start; "this weekend": the end of the coming
  Sunday. "On Friday" (and "on Thursday and Friday": the last) is a deadline unless its
  clause tells of something said or done that day ("said on Friday", "won 46% on Sunday").
- "between March and May", "from December to February", "by February to April", "the
  April-June quarter", "the December-to-February period": the end of the last month. A
  season named without "this" or "next" ("a warmer-than-normal spring", "the coming
  winter") is the next that has not ended; in January and February "the winter" is the one
  under way. "The marketing year that starts on Aug. 1" ends with the 31 July after it.
- "the March quarter" ends with March; "the first week of January" on the 7th, "the first
  two weeks" and "the second week" on the 14th, "the last week of December" with the
  month; "at the end of March" as "by"; "its fourth-quarter Brent forecast" is the
  quarter's. "The week of Dec. 11" ends with the Sunday of the week that holds that day.
- Either of two times ("in late December or the first week of January") holds until the
  later is over.
- A time denied and then a later one ("not this year, and not in the first half of next
  year either") holds until the later is over.
- "Before" an event dated in the sentence ("before the recess, which begins on 20 July")
  ends at the start of its day.
- Times named in passing (Deadline.firm is False) date a forecast without marking a sentence
  as one: "on Friday", a season without "this" or "next", "the second quarter" without a
  preposition, "on Christmas Day", a month named bare ("expects July to be warmer") within
  the next seven months (or after "next").
- Events with no date of their own ("before the election", "ahead of the summit", "by
  the 2032 season") are recognised, so a page can show them, but resolve to None: an
  editor has to set the date.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Final

__all__ = [
    "Deadline",
    "UnknownDeadlineError",
    "find_deadline",
    "find_deadlines",
    "resolve_deadline",
]


class UnknownDeadlineError(ValueError):
    """A phrase that is not a deadline phrase this module knows."""


class DeadlineOutOfRangeError(ValueError):
    """A phrase that, from its publication time, runs past the last instant of year 9999."""


@dataclass(frozen=True, slots=True)
class Deadline:
    """A deadline phrase as it stands in a text and the instant it resolves to (or None).

    `firm` is False for a time named in passing ("on Saturday", "a wet spring"): it dates a
    forecast, but unlike "by Saturday" it does not on its own make a sentence look ahead.
    """

    phrase: str
    deadline: datetime | None
    start: int
    end: int
    firm: bool = True


_Resolver = Callable[[re.Match[str], datetime], datetime | None]

_MONTHS: Final[dict[str, int]] = (
    {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
    | {abbr.lower(): number for number, abbr in enumerate(calendar.month_abbr) if abbr}
    | {"sept": 9}
)
_SEASON_START: Final[dict[str, int]] = {
    "spring": 3,
    "summer": 6,
    "autumn": 9,
    "fall": 9,
    "winter": 12,
}
_COUNTS: Final[dict[str, int]] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "eighteen": 18,
    "twenty": 20,
    "twenty-four": 24,
    "thirty": 30,
    "thirty-six": 36,
    "fifty": 50,
    "a couple of": 2,
    "a few": 3,
    "few": 3,
    "several": 3,
}
_VAGUE_SPAN: Final[dict[str, tuple[str, int]]] = {
    "day": ("day", 14),
    "week": ("week", 8),
    "month": ("month", 6),
    "year": ("year", 5),
}

# Month names must be capitalised: "may" is a modal verb and "march" a noun.
_FULL_MONTHS: Final = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
# "May" alone is as often the modal verb
_MONTHS_BUT_MAY: Final = _FULL_MONTHS.replace("|May|", "|")
_MONTH_RE: Final = (
    rf"(?-i:(?P<month>{_FULL_MONTHS}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec))\.?"
)
_YEAR_RE: Final = r"(?P<year>(?:19|20|21)\d\d)"
_MONTH_NAMED: Final = re.compile(rf"\b{_MONTH_RE}(?P<year>)")
_COUNT_RE: Final = (
    r"(?P<count>\d{1,3}|a couple of|a few|few|several|twenty-four|thirty-six|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|"
    r"twenty|thirty|fifty|an|a)"
)
_UNIT_RE: Final = r"(?P<unit>(?:day|week|month|quarter|year|decade)s?)"
_BY: Final = (
    r"(?P<by>by|before|until|till|in|during|within|ahead of|no later than|on|through|throughout|"
    # "persist into February", "last beyond March", "until at least mid-June"
    r"over|into|beyond|at)(?:\s+at\s+least)?"
)
_WEEKDAYS: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY_NAMES: Final = "|".join(_WEEKDAYS)
_WEEKDAY_RE: Final = rf"(?:(?-i:{_WEEKDAY_NAMES}),?\s+)"
_PART_RE: Final = r"(?:(?P<part>early|mid|late)[\s-]+)"
# A verb of a deed done: "said", "published", "won" (not "expected" or "planned", which look
# ahead, nor "United", a name)
_DEED: Final = (
    r"(?-i:(?!(?:expect|schedul|plann|forecast|need)ed\b)[a-z]+ed)|said|wrote|won|fell|rose|was"
    r"|were"
)
# Words of a clause whose "on Friday" is the day something was said, published or done:
# "said on Friday", "a poll published on Friday", "won 46% on Sunday"
_TOLD_ON: Final = re.compile(
    rf"\b(?:{_DEED}|says|told|tells|shows|forecast|lost|cut|beat|tore|had|did|note|statement|"
    r"poll|interview|outlook|update|report|briefing|conference|speech|meeting|session|trade|"
    r"trading|rally|supporters|campaigning|happens|than|from)\b",
    re.IGNORECASE,
)
_WORD: Final = re.compile(r"[A-Za-z]+")
# The words just before a month told of as done: a deed, or a figure revised from
_DONE: Final = re.compile(
    rf"(?:{_DEED}|began|took|grew|from|since|gave|made|came|went|saw|held)", re.IGNORECASE
)
_AHEAD: Final = re.compile(
    r"(?i:will|would|could|should|might|may|to|expects?|(?:un)?likely|probably)"
)
# What a seasonal outlook says a season will be: "warmer-than-normal", "hotter and drier"
_SEASON_ADJECTIVE: Final = (
    r"(?:[a-z]+er(?:\s+and\s+[a-z]+er)?(?:-than-(?:normal|usual|average))?"
    r"|[a-z]+-than-(?:normal|usual|average)|wet|dry|cold|hot|mild|warm|snowy|stormy)"
)


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(
            f"published_at must include a timezone, e.g. 2024-02-01T00:00:00Z; got {moment}"
        )
    return moment.astimezone(UTC)


def _year_start(year: int) -> datetime:
    return datetime(year, 1, 1, tzinfo=UTC)


def _month_start(year: int, month: int) -> datetime:
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return datetime(year, month, 1, tzinfo=UTC)


def _add_months(moment: datetime, months: int) -> datetime:
    index = moment.month - 1 + months
    year, month = moment.year + index // 12, index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def _add(moment: datetime, unit: str, count: int) -> datetime:
    if unit == "day":
        return moment + timedelta(days=count)
    if unit == "week":
        return moment + timedelta(weeks=count)
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120}[unit]
    return _add_months(moment, months * count)


def _count(text: str) -> int:
    key = re.sub(r"\s+", " ", text.lower())
    return _COUNTS[key] if key in _COUNTS else int(key)


def _before(match: re.Match[str]) -> bool:
    return (match.group("by") or "").lower() in {"before", "ahead of"}


# --- resolvers ------------------------------------------------------------------------------


def _this_year(match: re.Match[str], now: datetime) -> datetime:
    return _year_start(now.year + 1)


def _next_year(match: re.Match[str], now: datetime) -> datetime:
    return _year_start(now.year + 2)


def _decade_end(match: re.Match[str], now: datetime) -> datetime:
    return _year_start((now.year // 10 + 1) * 10)


def _named_year(match: re.Match[str], now: datetime) -> datetime | None:
    year = int(match.group("year"))
    by = (match.group("by") or "").lower()
    if (
        by in {"", "in", "during", "on", "over", "through", "throughout", "into"}
        and year < now.year
    ):
        return None
    part = (match.group("part") or "").lower()
    if _before(match) and not match.group("end"):
        return _year_start(year) if not part else _part_of_year(year, part, start=True)
    if part:
        return _part_of_year(year, part, start=False)
    return _year_start(year + 1)


def _which_year(match: re.Match[str], now: datetime) -> int:
    """The year "next year", "this year" or a named year stands for."""
    if match.group("year"):
        return int(match.group("year"))
    return now.year + 1 if match.group("next") else now.year


def _year_middle(match: re.Match[str], now: datetime) -> datetime:
    middle = _month_start(_which_year(match, now), 7)
    # "by the middle of the year", written in December: the coming year's
    return middle if middle > now or match.group("year") else _month_start(now.year + 1, 7)


def _first_months(match: re.Match[str], now: datetime) -> datetime:
    return _month_start(_which_year(match, now), _count(match.group("count")) + 1)


def _part_of_year(year: int, part: str, *, start: bool) -> datetime:
    if start:
        return {
            "early": _year_start(year),
            "mid": _month_start(year, 5),
            "late": _month_start(year, 9),
        }[part]
    return {
        "early": _month_start(year, 5),
        "mid": _month_start(year, 7),
        "late": _year_start(year + 1),
    }[part]


def _month_year(match: re.Match[str], now: datetime) -> tuple[int, int]:
    month = _MONTHS[match.group("month").lower().rstrip(".")]
    if match.group("year"):
        return int(match.group("year")), month
    year = now.year if month >= now.month else now.year + 1
    return year, month


def _named_month(match: re.Match[str], now: datetime) -> datetime | None:
    year, month = _month_year(match, now)
    if year > now.year and not match.group("year") and _done_just_before(match):
        # "robots, which it began installing in April", written in June: last April
        return None
    part = "mid" if match.groupdict().get("middle") else (match.group("part") or "").lower()
    if _before(match) and not match.group("end"):
        # "not before mid-November": the middle is the 15th, so up to the 14th
        return datetime(year, month, 15, tzinfo=UTC) if part == "mid" else _month_start(year, month)
    if part == "early":
        return datetime(year, month, 11, tzinfo=UTC)
    if part == "mid":
        return datetime(year, month, 16, tzinfo=UTC)
    return _month_start(year, month + 1)


def _month_in_passing(match: re.Match[str], now: datetime) -> datetime | None:
    """A month named bare is one of the next few ("expects July to be warmer", written in
    June); one most of a year off is more often one gone by ("made up for a weak October",
    written in November, "above June levels") unless "next" says so."""
    month = _MONTHS[match.group("month").lower()]
    ahead = (month - now.month) % 12
    if ahead > _MONTHS_AHEAD_IN_PASSING and not _NEXT_BEFORE.search(match.string, 0, match.start()):
        return None
    return _named_month(match, now)


_MONTHS_AHEAD_IN_PASSING: Final = 7
_NEXT_BEFORE: Final = re.compile(r"\bnext\s+$", re.IGNORECASE)


def _named_day(match: re.Match[str], now: datetime) -> datetime | None:
    year, month = _month_year(match, now)
    day = int(match.group("day"))
    if day > calendar.monthrange(year, month)[1]:
        return None
    start = datetime(year, month, day, tzinfo=UTC)
    return start if _before(match) else start + timedelta(days=1)


def _week_of(match: re.Match[str], now: datetime) -> datetime | None:
    """The week that holds the day named, ended on its Sunday (ISO weeks start on Monday)."""
    day = _named_day(match, now)
    if day is None:
        return None
    if _before(match):
        return day - timedelta(days=day.weekday())
    return day + timedelta(days=(6 - (day - timedelta(days=1)).weekday()))


def _season(match: re.Match[str], now: datetime, *, southern: bool = False) -> datetime:
    first_month = _SEASON_START[match.group("season").lower()]
    if southern:
        # the southern spring is the northern autumn's months, and so on round the year
        first_month = (first_month + 5) % 12 + 1
    which = (match.group("which") or "").lower()
    if match.group("year"):
        start = _month_start(int(match.group("year")), first_month)
    else:
        # in January and February the winter under way began the December before
        start = _month_start(now.year - (first_month == 12 and now.month < 3), first_month)
        # "next" and "before" want one that has not begun, "by" one that has not ended
        starting = which == "next" or (_before(match) and not match.group("end"))
        already_begun = start <= now if starting else _add_months(start, 3) <= now
        if which != "this" and already_begun:
            start = _add_months(start, 12)
    if _before(match) and not match.group("end"):
        return start
    return _add_months(start, 3)


def _season_in_passing(match: re.Match[str], now: datetime) -> datetime:
    return _season(match, now)


def _span(match: re.Match[str], now: datetime) -> datetime:
    unit_text = match.group("unit").lower()
    unit = unit_text.rstrip("s")
    if match.group("count"):
        return _add(now, unit, _count(match.group("count")))
    if unit_text.endswith("s") and unit in _VAGUE_SPAN:
        vague_unit, count = _VAGUE_SPAN[unit]
        return _add(now, vague_unit, count)
    return _add(now, unit, 1)


def _span_away(match: re.Match[str], now: datetime) -> datetime:
    return _span(match, now)


def _vague_span(match: re.Match[str], now: datetime) -> datetime:
    unit = match.group("unit") or match.group("unit2") or match.group("unit3")
    unit_name, count = _VAGUE_SPAN[unit.lower()]
    return _add(now, unit_name, count)


def _calendar_period(match: re.Match[str], now: datetime) -> datetime:
    which = (match.group("which") or match.group("which2") or "").lower()
    unit = match.group("unit").lower()
    shift = 1 if which == "next" else 0
    if unit == "week":
        day = datetime(now.year, now.month, now.day, tzinfo=UTC)
        return day - timedelta(days=now.weekday()) + timedelta(weeks=1 + shift)
    if unit == "month":
        return _month_start(now.year, now.month + 1 + shift)
    quarter_first_month = (now.month - 1) // 3 * 3 + 1
    return _month_start(now.year, quarter_first_month + 3 * (1 + shift))


def _named_quarter(match: re.Match[str], now: datetime) -> datetime:
    quarter = int(match.group("quarter")) if match.group("quarter") else 0
    if not quarter:
        ordinal = match.group("ordinal") or match.group("ordinal2")
        quarter = {"first": 1, "second": 2, "third": 3, "fourth": 4}[ordinal.lower()]
    return _period_end(match, now, quarter * 3 + 1)


def _quarter_in_passing(match: re.Match[str], now: datetime) -> datetime:
    return _named_quarter(match, now)


def _weeks_of_month(match: re.Match[str], now: datetime) -> datetime | None:
    year, month = _month_year(match, now)
    if match.group("which").lower() == "last":
        return _month_start(year, month + 1)
    weeks = {"two": 2, "three": 3}.get((match.group("count") or "").lower(), 1)
    # "the second week of January" ends on the 14th, as "the first two weeks" do
    weeks *= {"second": 2, "third": 3}.get(match.group("which").lower(), 1)
    end = datetime(year, month, min(7 * weeks, 28), tzinfo=UTC) + timedelta(days=1)
    # "since the first week of December", written later in December: the past
    return end if end > now else None


def _half_year(match: re.Match[str], now: datetime) -> datetime:
    return _period_end(match, now, 7 if match.group("half").lower() == "first" else 13)


def _half_of(match: re.Match[str], now: datetime) -> datetime | None:
    first = match.group("half").lower() == "first"
    if match.group("next"):
        return _month_start(now.year + 1, 7 if first else 13)
    if match.group("this"):
        # "frost in January, most likely in the second half of the month": the month named
        # before, else the one under way
        named = list(_MONTH_NAMED.finditer(match.string, 0, match.start()))
        month_match = named[-1] if named else None
        year, month = _month_year(month_match, now) if month_match else (now.year, now.month)
    else:
        year, month = _month_year(match, now)
    end = datetime(year, month, 16, tzinfo=UTC) if first else _month_start(year, month + 1)
    return end if end > now else None  # "a survey carried out in the first half of June"


def _period_end(match: re.Match[str], now: datetime, end_month: int) -> datetime:
    """The end of a part of the year that ends as `end_month` begins: of the year the match
    names, else the next such part that has not ended; "before" a quarter, its start."""
    groups = match.groupdict()
    if groups.get("year"):
        end = _month_start(int(groups["year"]), end_month)
    elif groups.get("next"):
        end = _month_start(now.year + 1, end_month)
    else:
        end = _month_start(now.year, end_month)
        end = end if end > now else _add_months(end, 12)
    if groups.get("by") and _before(match) and not groups.get("end"):
        return _add_months(end, -3)
    return end


def _christmas(match: re.Match[str], now: datetime) -> datetime:
    day = datetime(now.year, 12, 25, tzinfo=UTC)
    if day + timedelta(days=1) <= now:
        day = day.replace(year=now.year + 1)
    return day if _before(match) else day + timedelta(days=1)


def _christmas_in_passing(match: re.Match[str], now: datetime) -> datetime:
    return _christmas(match, now)


def _year_starting(match: re.Match[str], now: datetime) -> datetime | None:
    """The end of a year of twelve months that begins on the day named, the next such day."""
    month_name = (match.group("month") or match.group("month2")).lower().rstrip(".")
    month, day = _MONTHS[month_name], int(match.group("day") or match.group("day2"))
    year = now.year if (month, day) >= (now.month, now.day) else now.year + 1
    if day > calendar.monthrange(year, month)[1]:
        return None
    return _add_months(datetime(year, month, day, tzinfo=UTC), 12)


_YEAR_THAT_STARTS: Final = (
    r"(?:marketing|crop|financial|fiscal|school|academic)\s+year,?\s+(?:that|which)\s+"
    r"(?:starts|begins|opens)\s+(?:on\s+)?"
)


def _period_to(match: re.Match[str], now: datetime) -> datetime:
    year, month = _month_year(match, now)
    return _month_start(year, month + 1)


def _next_weekday(name: str, today: datetime) -> datetime:
    """The first instant of the next day named `name` ("Friday"), `today` itself included."""
    return today + timedelta(days=(_WEEKDAYS.index(name.title()) - today.weekday()) % 7)


def _weekday(match: re.Match[str], now: datetime) -> datetime:
    day = _next_weekday(match.group("weekday"), _day_start(now))
    if match.group("next"):
        day += timedelta(weeks=1)
    return day if _before(match) else day + timedelta(days=1)


def _weekday_ahead(match: re.Match[str], now: datetime) -> datetime | None:
    return None if _told_of(match) else _weekday(match, now)


def _done_just_before(match: re.Match[str]) -> bool:
    """Whether the few words before a time tell of something done then ("who endorsed him
    in January", "published in April"), with nothing looking ahead among them."""
    words = _WORD.findall(match.string, max(0, match.start() - 60), match.start())[-4:]
    # "should see at least one prolonged Arctic outbreak in January": a word looking ahead
    # earlier in the clause makes "prolonged" an adjective, not a deed
    clause = re.split(r"[,;:(]", match.string[max(0, match.start() - 80) : match.start()])[-1]
    return _DONE.fullmatch(words[-1] if words else "") is not None or (
        any(_DONE.fullmatch(word) for word in words)
        and not any(_AHEAD.fullmatch(word) for word in _WORD.findall(clause)[-8:])
    )


def _told_of(match: re.Match[str]) -> bool:
    """Whether the clause a time ends tells of something said or done then."""
    clause = re.split(r"[,;:(\u2014]", match.string[: match.start()])[-1]
    return _TOLD_ON.search(clause) is not None


def _weekend(match: re.Match[str], now: datetime) -> datetime:
    return _next_weekday("Sunday", _day_start(now)) + timedelta(days=1)


def _day_start(now: datetime) -> datetime:
    return datetime(now.year, now.month, now.day, tzinfo=UTC)


def _tomorrow(match: re.Match[str], now: datetime) -> datetime:
    return _day_start(now) + timedelta(days=2)


def _unresolvable(match: re.Match[str], now: datetime) -> None:
    return None


_END: Final = r"(?P<end>(?:the\s+)?end[\s-]+of\s+|end-)?"
_EVENT_NOUNS: Final = (
    r"(?:general\s+|presidential\s+|midterm\s+|next\s+|party\s+|leadership\s+|"
    r"\d{4}\s+)*(?:elections?|votes?|referendum|summit|budget|primar(?:y|ies)|conventions?|"
    r"deadline|season|championship|olympics|world\s+cup|congress|conference|ceasefire|"
    r"talks|negotiations|inauguration|spending\s+review)"
)

_RULES: Final[tuple[tuple[re.Pattern[str], _Resolver], ...]] = tuple(
    (re.compile(pattern, re.IGNORECASE), resolver)
    for pattern, resolver in (
        (
            # "until at least the end of the year": the same end, held as a floor
            r"\b(?:(?:by|before|until|till)(?:\s+at\s+least)?\s+(?:the\s+)?end[\s-]+of\s+"
            r"(?:the\s+|this\s+)?year"
            r"|(?:by\s+)?year[\s-]end|(?:later\s+)?this\s+year|before\s+the\s+year\s+is\s+out"
            # "for the rest of the year", "in the current year"
            r"|(?:for|over|through|throughout|in|during)\s+the\s+(?:rest|remainder)\s+of\s+"
            r"(?:the|this)\s+year|(?:for|in|during)\s+the\s+current\s+year"
            # "ends the year at 2.75%", "exit the year with": a level at the year's close
            r"|(?:ends?|ending|exits?|exiting)\s+the\s+year)\b",
            _this_year,
        ),
        (
            r"\b(?:(?:by|before|until)(?:\s+at\s+least)?\s+(?:the\s+)?end[\s-]+of\s+next\s+year"
            r"|(?:sometime\s+|some\s+time\s+|early\s+|late\s+)?next\s+year)\b",
            _next_year,
        ),
        (r"\b(?:by|before)\s+the\s+end\s+of\s+the\s+decade\b", _decade_end),
        (
            # "by the middle of next year", "in the middle of 2027": as "mid-2027"
            rf"\b(?:{_BY}\s+)?the\s+middle\s+of\s+(?:(?P<next>next)\s+year|(?:this|the)\s+year"
            rf"|{_YEAR_RE})\b",
            _year_middle,
        ),
        # "cut by mid-year": the middle of the year under way
        (r"\b(?:by|until|till)\s+(?:the\s+)?mid-?year\b(?P<next>)(?P<year>)", _year_middle),
        (
            # "in the first three months of 2028", "the first six months of next year"
            rf"\b(?:{_BY}\s+)?the\s+first\s+(?P<count>three|six|nine)\s+months\s+of\s+"
            rf"(?:(?P<next>next)\s+year|(?:this|the)\s+year|{_YEAR_RE})\b",
            _first_months,
        ),
        (
            # "at least one year between 2026 and 2030 will be the warmest": the last of them
            rf"\b(?:between|from)\s+(?:19|20|21)\d\d\s+(?:and|to)\s+{_YEAR_RE}\b"
            r"(?P<by>)(?P<part>)(?P<end>)",
            _named_year,
        ),
        (
            rf"\b(?P<by>by|before|until|till|ahead\s+of)\s+(?:the\s+)?{_EVENT_NOUNS}\b",
            _unresolvable,
        ),
        (
            # "peak in the week of Dec. 11": the week that holds that day, to its Sunday
            rf"\b(?:{_BY}\s+)?the\s+week\s+(?:of|beginning|starting)\s+{_MONTH_RE}\s+"
            rf"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR_RE})?",
            _week_of,
        ),
        (
            rf"\b{_BY}\s+(?:the\s+)?{_END}{_PART_RE}?(?:the\s+middle\s+of\s+)?{_WEEKDAY_RE}?"
            rf"{_MONTH_RE}\s+"
            rf"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR_RE})?",
            _named_day,
        ),
        (
            # "at its June 22 meeting", "at the June 1 renewals": the day of a dated event the
            # claim is about, written before it
            rf"\b(?:its|the|their|this|next)\s+{_MONTH_RE}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
            r"\s+(?:(?:policy|rate|board|council|committee|budget)\s+)?(?:meeting|renewals?|"
            r"decision|deadline|summit|hearing|auction|vote|election|primary|runoff|final)\b"
            r"(?P<by>)(?P<year>)",
            _named_day,
        ),
        (
            rf"\b{_BY}\s+{_WEEKDAY_RE}?(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?"
            rf"{_MONTH_RE}"
            rf"(?:,?\s+{_YEAR_RE})?\b",
            _named_day,
        ),
        (
            # "by the middle of February" is "by mid-February"
            rf"\b{_BY}\s+(?:(?P<middle>the\s+middle\s+of\s+)|{_END}{_PART_RE}?)"
            rf"{_MONTH_RE}(?:,?\s+{_YEAR_RE})?\b(?![\s-]*\d)",
            _named_month,
        ),
        (
            rf"\b{_BY}\s+(?:the\s+)?{_END}(?:(?P<which>this|next)\s+)?(?P<season>spring|summer|"
            rf"autumn|fall|winter)(?:\s+(?:of\s+)?{_YEAR_RE})?\b",
            _season,
        ),
        (
            # "before the summer is out": by its end
            r"\bbefore\s+(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter)\s+is\s+"
            r"(?:out|over)\b(?P<which>)(?P<by>)(?P<end>)(?P<year>)",
            _season,
        ),
        (
            r"\b(?:(?P<which>this|next)\s+(?P<season>spring|summer|autumn|fall|winter)\b)"
            r"(?P<by>)(?P<end>)(?P<year>)",
            _season,
        ),
        (
            # Every part before the year is optional: "(?=\w)" keeps the search to the
            # start of a word, where "\b" alone would try all of them at a word's end too.
            rf"\b(?=\w)(?:{_BY}\s+)?(?:the\s+)?{_END}{_PART_RE}?{_YEAR_RE}\b(?![\s-]*(?:season|\d))",
            _named_year,
        ),
        (
            # "over the next year", "within the coming 12 months", "in the next two weeks"; not
            # "for next year" or "in next year's budget", which name the calendar year
            rf"\b(?:within|in|over|during|for)\s+(?:the\s+(?:next|coming|following)|"
            rf"(?:next|coming|following)(?=\s+{_COUNT_RE.replace('(?P<count>', '(?:')}\s))\s+"
            rf"(?:{_COUNT_RE}\s+)?{_UNIT_RE}\b",
            _span,
        ),
        (rf"\bwithin\s+(?:the\s+)?{_COUNT_RE}\s+{_UNIT_RE}\b", _span),
        # "for at least two more years", "for another two years": a stretch still to run
        (rf"\bfor\s+(?:at\s+least\s+)?another\s+{_COUNT_RE}\s+{_UNIT_RE}\b", _span),
        (rf"\bfor\s+(?:at\s+least\s+)?{_COUNT_RE}\s+more\s+{_UNIT_RE}\b", _span),
        (rf"\bin\s+{_COUNT_RE}\s+{_UNIT_RE}(?:['’]s?)?\s+time\b", _span),
        (rf"\b{_COUNT_RE}\s+{_UNIT_RE}\s+from\s+now\b", _span),
        # "at least five years away": a span named in passing
        (rf"\b{_COUNT_RE}\s+{_UNIT_RE}\s+away\b", _span_away),
        (
            r"\b(?:in|within|over)\s+(?:the\s+)?(?:coming|next)\s+(?P<unit>day|week|month|year)s\b"
            r"|\b(?:in|over)\s+the\s+(?P<unit2>day|week|month|year)s\s+ahead\b"
            r"|\bwithin\s+(?P<unit3>day|week|month|year)s\b",
            _vague_span,
        ),
        (
            r"\b(?:(?:by|before)\s+the\s+end\s+of\s+(?:the\s+)?(?P<which>this|next)?\s*"
            r"|(?:later\s+)?(?P<which2>this|next)\s+"
            # "revenue for the current quarter": the one under way
            r"|(?:for|in|during)\s+the\s+(?P<current>current)\s+)(?P<unit>week|month|quarter)\b",
            _calendar_period,
        ),
        (
            rf"\b{_BY}\s+(?:the\s+)?{_END}(?:(?P<ordinal>first|second|third|fourth)\s+quarter"
            rf"|q(?P<quarter>[1-4]))(?:\s+(?:of\s+)?(?:{_YEAR_RE}|(?P<next>next)\s+year))?\b",
            _named_quarter,
        ),
        (
            # "revenue for the second quarter", "third-quarter revenue of $4 billion": the
            # figure of a quarter, known when it ends
            r"\b(?:for\s+the\s+(?P<ordinal>first|second|third|fourth)\s+quarter"
            r"|(?P<ordinal2>first|second|third|fourth)-quarter(?=\s+(?:revenue|sales|earnings|"
            r"profits?|results|output|growth|GDP|deliveries|shipments|forecast|estimate|"
            # "its second-quarter Brent forecast"
            r"average)\b|\s+(?-i:[A-Z])\w*\s+(?:forecast|estimate|average)\b))"
            r"(?P<quarter>)(?P<year>)",
            _named_quarter,
        ),
        (
            # "the March quarter", "until at least the June quarter": quarters named by their
            # last month
            rf"\b(?:{_BY}\s+)?the\s+{_MONTH_RE}\s+quarter\b(?P<year>)",
            _period_to,
        ),
        (
            # "peak in the first week of January", "the last two weeks of December"
            rf"\b(?:{_BY}\s+)?the\s+(?P<which>first|second|third|last)\s+(?:(?P<count>two|three)\s+)?"
            rf"weeks?\s+of\s+{_MONTH_RE}(?:\s+{_YEAR_RE})?\b",
            _weeks_of_month,
        ),
        (
            # "the second quarter will be our strongest": the next such quarter, in passing
            r"\bthe\s+(?P<ordinal>first|second|third|fourth)\s+quarter\b(?!\s+of\s+(?:last|\d))"
            r"(?P<quarter>)(?P<year>)(?P<by>)",
            _quarter_in_passing,
        ),
        (r"\b(?:by\s+|before\s+)?tomorrow\b", _tomorrow),
        (
            # "this weekend", "through the weekend": the end of the coming Sunday
            r"\b(?:this|next|over\s+the|through\s+the|at\s+the|by\s+the)\s+weekend\b",
            _weekend,
        ),
        (
            # "until at least Thursday", "by Friday": a day of the coming week; "on Friday" is
            # as often the day something was said, and is left alone
            r"\b(?P<by>by|before|until|till|through|into|beyond)(?:\s+at\s+least)?\s+"
            rf"(?:(?P<next>next)\s+)?(?-i:(?P<weekday>{_WEEKDAY_NAMES}))\b(?!,?\s+(?:the\s+)?\d)"
            rf"(?![,\s]+(?-i:{_FULL_MONTHS})\b)",
            _weekday,
        ),
        (
            # "likely to reach 34C on Saturday": the day a forecast is for, unless the clause
            # tells of something said or done on it (_told_on)
            rf"\bon\s+(?:(?-i:{_WEEKDAY_NAMES})\s+(?:and|or|to)\s+)?"
            rf"(?-i:(?P<weekday>{_WEEKDAY_NAMES}))\b(?!,?\s+(?:the\s+)?\d)"
            rf"(?![,\s]+(?-i:{_FULL_MONTHS})\b)(?P<by>)(?P<next>)",
            _weekday_ahead,
        ),
        (
            # "in the second half of April", "of the month", "of next year"
            rf"\b(?:in|during|over|through|by\s+the\s+end\s+of|for)\s+the\s+(?P<half>first|second)"
            rf"\s+half\s+of\s+(?:{_MONTH_RE}(?:\s+{_YEAR_RE})?|(?P<this>the|this)\s+month"
            r"|(?P<next>next)\s+year)\b",
            _half_of,
        ),
        (
            # "in the second half", "over the first half of 2027"
            rf"\b(?:in|during|over|through|by\s+the\s+end\s+of|for)\s+the\s+(?P<half>first|second)"
            rf"\s+half(?:\s+of\s+(?:the\s+year|this\s+year|{_YEAR_RE}))?\b",
            _half_year,
        ),
        (
            # "between now and Christmas"
            r"\b(?P<by>by|before|until|till|ahead\s+of|over|at|and)\s+Christmas(?:\s+Day)?\b"
            r"(?!\s+Eve)",
            _christmas,
        ),
        (r"\bon\s+Christmas(?:\s+Day)?\b(?!\s+Eve)(?P<by>)", _christmas_in_passing),
        (
            # "between March and May", "from December to February", "the April-June
            # quarter": a stretch of months, over when its last month is
            # ("by February to April", "persisting through December to February")
            rf"\b(?:(?:between|from|in|over|for|during|by|through|until|into)\s+)?"
            rf"(?-i:{_FULL_MONTHS}|Jan|Feb|Mar|Apr|Jun|"
            rf"Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?(?:\s+(?:to|and|through|until)\s+|-(?:to-)?)"
            rf"{_MONTH_RE}(?:,?\s+{_YEAR_RE})?\b(?![\s-]*\d)",
            _period_to,
        ),
        (
            # a season forecast without "this" or "next": "a warmer-than-normal spring",
            # "a hotter and drier summer than usual", "the coming winter": the next that has
            # not ended
            rf"\b(?:a|an|the(?:\s+coming)?)\s+(?:{_SEASON_ADJECTIVE}\s+)?"
            r"(?P<season>spring|summer|autumn|winter)\b"
            r"(?!\s+(?:of\s+)?\d|\s+(?:in\s+which|has|had|was|were)\b|\s+(?:\w+\s+)?season\b)"
            r"(?P<which>)(?P<by>)(?P<end>)(?P<year>)",
            _season_in_passing,
        ),
        (
            # a sentence that opens on one: "Spring is likely to be wet"
            r"^(?-i:(?P<season>Spring|Summer|Autumn|Winter))(?=\s+(?:will|is|in|looks|should|"
            r"could|would)\b)(?P<which>)(?P<by>)(?P<end>)(?P<year>)",
            _season_in_passing,
        ),
        (
            # "December should be close to normal", "expects July to be warmer", "a colder
            # January": a month still to come, named as what the claim is about, in passing;
            # not a date ("March 5"), a month's data ("March's figures") or one gone by
            r"(?<!\blast\s)(?<!\bsince\s)(?<!\bfrom\s)(?<!\bthe\s)(?<!-)"
            rf"\b(?-i:(?P<month>{_MONTHS_BUT_MAY}))\b"
            r"(?![\s-]*\d|['’]s\b)(?P<by>)(?P<year>)(?P<part>)(?P<end>)",
            _month_in_passing,
        ),
        (
            # "in the year to February", "the six months to February 2027": a period's end
            rf"\b(?:year|(?:\w+|\d+)\s+months|quarter|half|weeks?)\s+(?:to|ending(?:\s+in)?)\s+"
            rf"(?:the\s+end\s+of\s+)?{_MONTH_RE}(?:\s+{_YEAR_RE})?\b(?![\s-]*\d)",
            _period_to,
        ),
        (
            # "for the three months ending June 30": a period still running, to the day
            rf"\b(?:year|(?:\w+|\d+)\s+months|quarter|half|weeks?)\s+ending\s+{_MONTH_RE}\s+"
            rf"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR_RE})?(?P<by>)",
            _named_day,
        ),
        (
            # "in the second half, which ends on Feb. 27": the part of a company's year to the
            # day it says that part ends
            r"\b(?:in|during|over|for|by\s+the\s+end\s+of)\s+the\s+(?:first|second|third|fourth)"
            r"\s+(?:half|quarter),?\s+(?:which|that)\s+ends\s+(?:on\s+)?"
            rf"{_MONTH_RE}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR_RE})?(?P<by>)",
            _named_day,
        ),
        (
            # "in the marketing year that starts on Aug. 1": the year that day begins, over a
            # year on
            rf"\b{_YEAR_THAT_STARTS}(?:{_MONTH_RE}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
            rf"|(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?"
            rf"{_MONTH_RE.replace('<month>', '<month2>')})\b(?P<year>)",
            _year_starting,
        ),
    )
)


# Times named in passing (see Deadline.firm)
_IN_PASSING: Final = (
    _span_away,
    _month_in_passing,
    _weekday_ahead,
    _season_in_passing,
    _quarter_in_passing,
    _christmas_in_passing,
)
# Resolvers whose None means "not a deadline after all" rather than an undated event
_NOT_A_DEADLINE_WHEN_NONE: Final = (
    _named_year,
    _month_in_passing,
    _named_month,
    _weekday_ahead,
    _weeks_of_month,
    _half_of,
)


def _all_matches(text: str) -> list[tuple[re.Match[str], _Resolver]]:
    found = [(match, resolver) for pattern, resolver in _RULES for match in pattern.finditer(text)]
    found.sort(key=lambda item: (item[0].start(), -(item[0].end() - item[0].start())))
    kept: list[tuple[re.Match[str], _Resolver]] = []
    for match, resolver in found:
        if kept and match.start() < kept[-1][0].end():
            continue
        kept.append((match, resolver))
    return kept


def _resolved(
    resolver: _Resolver, match: re.Match[str], now: datetime, *, southern: bool = False
) -> datetime | None:
    try:
        if southern and resolver in (_season, _season_in_passing):
            return _season(match, now, southern=True)
        return resolver(match, now)
    except (OverflowError, ValueError):
        # datetime says "year 10000 is out of range" or "date value out of range".
        raise DeadlineOutOfRangeError(
            f"{match.group().strip()!r} from {now.date().isoformat()} runs past year 9999"
        ) from None


def find_deadlines(
    text: str, *, published_at: datetime | None, southern: bool = False
) -> list[Deadline]:
    """Every deadline phrase in a text, in order, resolved against published_at if given;
    southern reads seasons as the southern hemisphere's.

    Raises DeadlineOutOfRangeError when a phrase resolves past year 9999.
    """
    now = _utc(published_at) if published_at is not None else None
    deadlines: list[Deadline] = []
    for match, resolver in _all_matches(text):
        if now is None:
            deadline = None
        else:
            deadline = _resolved(resolver, match, now, southern=southern)
            if deadline is None and resolver in _NOT_A_DEADLINE_WHEN_NONE:
                continue
        firm = resolver not in _IN_PASSING
        found = Deadline(match.group().strip(), deadline, match.start(), match.end(), firm)
        if deadlines and (
            _either_of(deadlines[-1], found, text) or _denied_then_later(deadlines[-1], found, text)
        ):
            found = _later_of(deadlines.pop(), found, text)
        event = _event_dated(found, text)
        if event is not None:
            if deadlines and deadlines[-1].deadline is None and deadlines[-1].start >= event:
                deadlines.pop()  # "before the summit", now dated by the day it gives
            found = _day_before(found, event, text)
        deadlines.append(found)
    return deadlines


# "in the last week of December or the first week of January": either time, so the claim
# holds until the later one is over
_OR_BETWEEN: Final = re.compile(r",?\s+or\s+(?:(?:in|by|during)\s+)?")


def _either_of(first: Deadline, second: Deadline, text: str) -> bool:
    return (
        first.deadline is not None
        and second.deadline is not None
        and _OR_BETWEEN.fullmatch(text, first.end, second.start) is not None
    )


# "Not this year, and not in the first half of next year either": the first time denied, then
# a later one; the claim is about the later time
_NOT_BEFORE: Final = re.compile(r"\bnot\s+$", re.IGNORECASE)
_AND_NOT_BETWEEN: Final = re.compile(r",?\s+(?:and|or)\s+not\s+|,?\s+nor\s+", re.IGNORECASE)


def _denied_then_later(first: Deadline, second: Deadline, text: str) -> bool:
    return (
        first.deadline is not None
        and second.deadline is not None
        and _NOT_BEFORE.search(text, max(0, first.start - 5), first.start) is not None
        and _AND_NOT_BETWEEN.fullmatch(text, first.end, second.start) is not None
    )


# "before the council's summer recess, which begins on 20 July", "ahead of the vote on 3
# March": an event dated by the day it falls on; "before" it ends the day before that day
_EVENT_ON: Final = re.compile(
    r"\b(?:before|ahead\s+of)\s+(?:[\w'’-]+\s+){0,4}?"
    rf"(?:{_EVENT_NOUNS}|recess|holidays?|break|meeting|launch|opening|hearing|final|match|race)"
    r"(?:,\s+which\s+(?:begins|starts|opens|falls|is\s+held|takes\s+place)|\s+(?:begins|starts|opens))?"
    r"\s+$",
    re.IGNORECASE,
)
# How far before the day's phrase the event may begin.
_EVENT_REACH: Final = 90


def _event_dated(found: Deadline, text: str) -> int | None:
    """Where "before <event>" begins, when the deadline found is the day it is "on"."""
    if found.deadline is None or not found.phrase.lower().startswith("on "):
        return None
    event = _EVENT_ON.search(text, max(0, found.start - _EVENT_REACH), found.start)
    return event.start() if event is not None else None


def _day_before(found: Deadline, start: int, text: str) -> Deadline:
    """The day's start, not its end: before the event, not on it."""
    assert found.deadline is not None
    return Deadline(
        text[start : found.end], found.deadline - timedelta(days=1), start, found.end, True
    )


def _later_of(first: Deadline, second: Deadline, text: str) -> Deadline:
    later = max(d.deadline for d in (first, second) if d.deadline is not None)
    return Deadline(
        text[first.start : second.end],
        later,
        first.start,
        second.end,
        first.firm or second.firm,
    )


def find_deadline(text: str, *, published_at: datetime | None) -> Deadline | None:
    """The first deadline phrase in a text (see the module docstring for the conventions)."""
    deadlines = find_deadlines(text, published_at=published_at)
    resolved = [d for d in deadlines if d.deadline is not None]
    return resolved[0] if resolved else (deadlines[0] if deadlines else None)


def resolve_deadline(phrase: str, *, published_at: datetime) -> datetime | None:
    """The UTC instant a deadline phrase stands for; None when it names an undated event.

    Raises UnknownDeadlineError when the phrase is not a deadline phrase at all, and
    DeadlineOutOfRangeError when it resolves past year 9999.
    """
    now = _utc(published_at)
    text = phrase.strip()
    for pattern, resolver in _RULES:
        match = pattern.fullmatch(text)
        if match is not None:
            return _resolved(resolver, match, now)
    raise UnknownDeadlineError(
        f"not a deadline phrase: {phrase!r}; expected e.g. 'by the end of the year', "
        "'within six months', 'next year', 'by March 2025', 'by 2030'"
    )
