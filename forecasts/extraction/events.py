"""Dated events an article names, and the claims about them that give no time of their own.

"Voters head to the polls on Sunday, May 24", "Saturday's Cup final", "the general election
on March 14": a claim about who wins, by how much or on what turnout has the date of the
contest it is about, though the sentence itself names none (LABELLING.md, deadlines). Only
events still to come count: the nearest Saturday on or after publication, the next March 14.
A sentence that tells of a contest already played ("beat Dekeyser at the Grand Prix on
Saturday") names none.

The financial year is dated the same way: where the article says once when a company's year
ends, "this financial year" and "full-year" figures elsewhere in it are due then, and a
quarter named bare ("in the third quarter") is the company's own.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Final

from forecasts.deadlines import (
    _COUNT_RE,
    _MONTHS,
    _UNIT_RE,
    _WEEKDAYS,
    Deadline,
    _add,
    _count,
    _next_weekday,
)

# Contests whose result a claim can be about; "final" only as a noun ("the Cup final at
# Wembley", not "a final televised debate"), "polls" only as the place voters go to.
_EVENT: Final = (
    r"(?P<noun>(?:general\s+|presidential\s+|parliamentary\s+|mayoral\s+|local\s+|snap\s+|"
    r"regional\s+|legislative\s+|national\s+)?(?:elections?|by-elections?|run-?offs?|"
    r"referendum|primar(?:y|ies)|caucus(?:es)?|ballot|vote)"
    r"|(?:first|second)[\s-]round(?:\s+vote)?|(?:to|at)\s+the\s+polls|election\s+day|polling\s+day"
    # ("go into Saturday's Cup final as favourites")
    r"|finals?(?=\s+(?:at|on|in|against|between|of|is|will|was|as|,)\b|[,.;])"
    # "Kelby and Marlow meet at Halden Park on Sunday": two sides meeting at a named ground
    # ("meet in a runoff" is the runoff's)
    r"|meet(?=\s+(?:at|in)\s+(?-i:[A-Z]))"
    r"|(?:semi|quarter)-?finals?|match|game|derby|(?:cup\s+)?tie|grand\s+prix|fight|bout|decider|"
    # "Saturday's big race at Kellsworth": a race meeting's feature, on its day
    r"race|downhill|slalom|super-g|marathon|"
    # "The 108th Ronde van Hagelo starts in Brugmoorde at 10:15 on Sunday": a race's day
    r"(?:starts|begins)(?=\s+(?:at|in)\s)|"
    r"(?:first|second)\s+leg|final\s+day|kick-?off"
    # "Norvast elects a president on April 11"
    r"|elects?\s+(?:a|its|their)\s+(?:new\s+)?(?:president|parliament|mayor|governor|assembly)"
    # "Voters elect all 200 members of the assembly on Sunday, June 25"
    r"|elects?\s+all\s+(?:\d+\s+|the\s+)?members\s+of)"
)
_WEEKDAY: Final = r"(?P<weekday>" + "|".join(_WEEKDAYS) + r")"
# Capitalised, as the names are written ("may" is a verb, "march" a noun).
_MONTH: Final = (
    r"(?P<month>" + "|".join(sorted(map(str.title, _MONTHS), key=len, reverse=True)) + r")\.?"
)
# "May 24", "24 May", "Jan. 24, 2027", "Sunday, May 24", "Sunday", "tomorrow": a day, its
# weekday optional before a date. Names of days and months are capitalised ("may" is a verb).
_DAY: Final = re.compile(
    # most words start in lower case, and no day does but "tomorrow": a cheap first test
    r"\b(?=[A-Z\d]|tomorrow)(?:(?:"
    + _WEEKDAY
    + r",?\s+)?(?:"
    + _MONTH
    + r"\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    r"|(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH.replace("month", "month2") + r")"
    r"(?:,?\s+(?P<year>20\d\d))?|" + _WEEKDAY.replace("weekday", "weekday2") + r"|(?i:tomorrow))\b"
)
# "Sunday's runoff", "the May 31 first round", "Tuesday's cup tie": the day, then the event
_EVENT_AFTER_DAY: Final = re.compile(
    # not across "and": "on March 24 and holds a runoff on April 7"
    r"(?:['’]s)?\s+(?:(?!and\b|or\b|then\b)[\w-]+\s+){0,3}?" + _EVENT + r"\b",
    re.IGNORECASE,
)
# "the general election on March 14", "a runoff on June 21", "the first round, on March 15",
# "Voters head to the polls on Sunday, May 24", "Election day is May 19": the event, then
# the day it is on
_EVENT_BEFORE_DAY: Final = re.compile(
    # not across "and": "elects a president on March 24 and holds a runoff ... on April 7";
    # the place may be long: "the final of the women's handball World Championship at the
    # Ardenza Arena on Sunday"
    r"\b" + _EVENT + r"\b(?:(?!\band\b)[^.;!?,\"“”]){0,72}?(?:,\s+)?\b(?:on|is|falls\s+on|for)"
    r"(?:\s+the\s+night\s+of)?\s+$",
    re.IGNORECASE,
)
_EVENT_REACH: Final = 90


# A contest told of as over: "beat Dekeyser in a sprint at the Grand Prix on Saturday".
_PLAYED: Final = re.compile(
    r"\b(?:beat|won|lost|drew|scored|finished|was|were|had|took|claimed|edged|crashed|voted|"
    r"elected|played|went|called)\b",
    re.IGNORECASE,
)
# What a claim about a contest is about: who wins, by how much, with what share or turnout.
_CONTEST_OUTCOME: Final = re.compile(
    r"\b(?:win|wins|winning|winner|beat|beats|lose|loses|losing|defeat|victory|seats?|turnout|"
    r"votes?|share|points|margin|majority|runoff|run-off|round|score|scores|scoring|goals?|"
    r"pole|podium|finish|finishes|qualify|edge|edges|prevail|triumph|favourites?|favorites?|"
    r"odds|chance|lead|clean\s+sheet|\d+-\d+"
    # a seat or a trophy kept or taken ("unlikely to hold Eastmere", "to lift the cup"), a
    # price ("Port Allin are 6/4", "at evens"), a draw, the crowd at the ground
    r"|hold|holds|retain|retains|carry|carries|lift|lifts|trophy|threshold|evens|\d+/\d+|"
    r"draw|penalt(?:y|ies)|shootout|extra\s+time|crowd|attendance)\b",
    re.IGNORECASE,
)
# A claim about a whole season or a standing, whose day is not one contest's.
_SEASON_OUTCOME: Final = re.compile(
    r"\b(?:title|season|league|relegat\w*|promot\w*|champions(?:hip)?|table|standings|top\s+"
    r"(?:four|two|three|six|half)|term|presidency|next\s+year|this\s+year)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DatedEvent:
    """A contest the article dates: how it is written, where, and the first instant after
    its day (UTC)."""

    phrase: str
    noun: str
    start: int
    deadline: datetime


def _day_of(published_at: datetime) -> datetime:
    """The start of the UTC day the article was published on."""
    return published_at.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)


def dated_events(text: str, *, published_at: datetime) -> list[DatedEvent]:
    """The contests still to come that the text names with their day, in text order."""
    today = _day_of(published_at)
    events = []
    for day_named in _DAY.finditer(text):
        event = _event_of(text, day_named)
        if event is None or (_told_as_played(text, event.start()) and not _to_come(event)):
            continue
        day = _day(day_named, today)
        if day is None or day < today:
            continue
        start, end = min(event.start(), day_named.start()), max(event.end(), day_named.end())
        noun = " ".join(event.group("noun").lower().split())
        day += timedelta(days=_DAYS_AFTER_FIRST if _four_day_tournament(text, event, day) else 0)
        events.append(DatedEvent(text[start:end], noun, start, day + timedelta(days=1)))
    return events


# "The Kessington Open begins at Royal Ardmoor on Thursday": a golf tournament's four rounds
# run Thursday to Sunday, and claims about it are settled on the last
_TOURNAMENT: Final = re.compile(
    r"\b(?:(?-i:Open|Championship|Classic|Masters|Invitational)|tournament)\b", re.IGNORECASE
)
_DAYS_AFTER_FIRST: Final = 3
_THURSDAY: Final = 3


def _four_day_tournament(text: str, event: re.Match[str], day: datetime) -> bool:
    """Whether the event is a tournament that begins on a Thursday."""
    if day.weekday() != _THURSDAY or not event.group("noun").lower().startswith(("begin", "start")):
        return False
    sentence_start = max(text.rfind(". ", 0, event.start()), text.rfind("\n", 0, event.start())) + 1
    return _TOURNAMENT.search(text, sentence_start, event.start()) is not None


def _event_of(text: str, day: re.Match[str]) -> re.Match[str] | None:
    """The event a named day is the day of, right after it or just before it."""
    after = _EVENT_AFTER_DAY.match(text, day.end())
    if after is not None:
        return after
    reach = max(0, day.start() - _EVENT_REACH)
    return _EVENT_BEFORE_DAY.search(text, reach, day.start())


def event_deadline(sentence: str, start: int, events: list[DatedEvent]) -> Deadline | None:
    """The deadline of a claim about a contest that gives no time of its own: the dated
    event the sentence names, else the one the article is about (the first it dates)."""
    if not events or not _CONTEST_OUTCOME.search(sentence) or _SEASON_OUTCOME.search(sentence):
        return None
    named_in = _named(sentence)
    if "runoff" in named_in and _REACHING_RUNOFF.search(sentence):
        named_in = named_in - {"runoff"} | {"first round"}
    named = [event for event in events if _named(event.noun) & named_in]
    if not named and "first round" in named_in:
        # the first round dated as the election ("voters go to the polls on May 3"), never
        # as the runoff after it
        named = [event for event in events if "runoff" not in _named(event.noun)]
        if not named:
            return None
    before = [event for event in named if event.start <= start]
    event = before[-1] if before else named[0] if named else events[0]
    return Deadline(event.phrase, event.deadline, -1, -1)


# "We will form a government within a month of polling day": a span that runs from the
# vote's day, not from publication (LABELLING.md, deadlines)
_SPAN_FROM_VOTE: Final = re.compile(
    rf"\bwithin\s+{_COUNT_RE}\s+{_UNIT_RE}\s+of\s+(?:the\s+)?(?:vote|election|polling\s+day"
    r"|election\s+day)\b",
    re.IGNORECASE,
)


def span_from_event(sentence: str, events: list[DatedEvent]) -> Deadline | None:
    """The deadline of "within a month of the vote": that span after the vote the article is
    about, the first it dates."""
    span = _SPAN_FROM_VOTE.search(sentence)
    if span is None or not events:
        return None
    event = events[0]
    unit = span.group("unit").lower().rstrip("s")
    # a month from February 28 is March 28: counted from the day itself, then to its end
    day = event.deadline - timedelta(days=1)
    end = _add(day, unit, _count(span.group("count"))) + timedelta(days=1)
    return Deadline(span.group(), end, span.start(), span.end())


# Whether there is a runoff, and who is in it, the first round settles: "the chance of a
# runoff", "reach the runoff", "her opponent in the runoff will be"
_REACHING_RUNOFF: Final = re.compile(
    r"\b(?:(?:chance|odds|prospect)\s+of|face[sd]?|facing|avoid(?:s|ed|ing)?|forc(?:e|es|ed|ing)|"
    r"be|need(?:s|ed)?)\s+a\s+run-?off\b|\ba\s+run-?off\s+(?:is|was|looks|seems|will)\b"
    r"|\b(?:reach(?:es|ing)?|make|makes|making|into|to|opponent\s+in)\s+the\s+run-?off\b",
    re.IGNORECASE,
)


def _named(text: str) -> set[str]:
    """The kinds of contest a text names: "the second round" and "a run-off" are one."""
    words = (" ".join(word.lower().split()) for word in _KIND_WORD.findall(text))
    return {_KIND_OF.get(word, word) for word in words}


_KIND_WORD: Final = re.compile(
    r"\b(?:first[\s-]round|second[\s-]round|run-?offs?|(?:semi|quarter)-?finals?|finals?|"
    r"elections?|"
    r"by-elections?|referendum|primar(?:y|ies)|polls|match|game|derby|tie|leg|grand\s+prix)\b",
    re.IGNORECASE,
)
_KIND_OF: Final = {
    **dict.fromkeys(["first round", "first-round"], "first round"),
    **dict.fromkeys(
        ["second round", "second-round", "runoff", "runoffs", "run-off", "run-offs"], "runoff"
    ),
    **dict.fromkeys(["final", "finals"], "final"),
    **dict.fromkeys(["semi-final", "semifinal", "semi-finals", "semifinals"], "semi-final"),
    **dict.fromkeys(
        ["quarter-final", "quarterfinal", "quarter-finals", "quarterfinals"], "quarter-final"
    ),
    **dict.fromkeys(["election", "elections", "polls"], "election"),
    **dict.fromkeys(["by-election", "by-elections"], "by-election"),
    **dict.fromkeys(["primary", "primaries"], "primary"),
}


def _to_come(event: re.Match[str]) -> bool:
    """Whether the event is told of in the present, as still to come ("Two clubs who have not
    won anything since 2017 meet at Halden Park on Sunday"): a deed before it is another's."""
    return event.group("noun").lower() in _PRESENT_EVENT_VERBS


_PRESENT_EVENT_VERBS: Final = frozenset({"meet", "starts", "begins"})


def _told_as_played(text: str, start: int) -> bool:
    sentence_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    return _PLAYED.search(text, sentence_start, start) is not None


def _day(match: re.Match[str], today: datetime) -> datetime | None:
    groups = {name: value for name, value in match.groupdict().items() if value}
    month = groups.get("month") or groups.get("month2")
    day = groups.get("day") or groups.get("day2")
    if month is not None and day is not None:
        year = int(groups.get("year") or today.year)
        try:
            date = datetime(year, _MONTHS[month.rstrip(".").lower()], int(day), tzinfo=UTC)
        except (KeyError, ValueError):
            return None
        if "year" not in groups and date < today - timedelta(days=180):
            date = date.replace(year=year + 1)  # "on January 12" in a December article
        return date
    weekday = groups.get("weekday") or groups.get("weekday2")
    if weekday is not None:
        return _next_weekday(weekday, today)
    if "tomorrow" in match.group().lower():
        return today + timedelta(days=1)
    return None


# --- the financial year -----------------------------------------------------------------------
#
# "We expect sales to grow 3% this financial year", "full-year revenue of $9 billion": a
# results story's figures are due when the company's year ends, which the article says once,
# often far from the claim ("Its financial year ends on Jan. 31", "the fourth quarter, which
# ends May 31", "for the year to April 2028"). Without it, a full year is the calendar year.

_FY_MONTH: Final = _MONTH + r"(?:\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?)?(?:,?\s+(?P<year>20\d\d))?"
_FY_DAY_FIRST: Final = r"(?P<day2>[0-3]?\d)\s+" + _MONTH.replace("month", "month2")
# Where the article says the year ends: its own words for it, or its last quarter or half
_FINANCIAL_YEAR_ENDS: Final = re.compile(
    # ("fiscal 2027, which ends on May 31", not "the first quarter of fiscal 2028, which
    # ended on April 1")
    r"\b(?:(?:financial|fiscal)\s+year|(?<!of\s)fiscal\s+20\d\d|fourth\s+quarter|second\s+half)"
    r",?\s+"
    r"(?:(?:which|that)\s+)?(?:ends|ending|ended|to)\s+(?:on\s+|in\s+)?"
    rf"(?:{_FY_DAY_FIRST}|{_FY_MONTH})\b",
    re.IGNORECASE,
)
# "for the year to March 31", "in the year to April 2028": a year still running, named by its
# last day or its year; "inflation in the year to September" is a statistic's window
_YEAR_TO: Final = re.compile(rf"\byear\s+(?:to|ending)\s+{_FY_MONTH}\b")
# The claim's year, current or next: "this financial year", "full-year revenue", "growth for
# the year", "in the next fiscal year"
_FINANCIAL_YEAR: Final = re.compile(
    r"\b(?:(?P<next>next)|this|the\s+(?:current|new)|its(?:\s+current)?|the)\s+"
    r"(?:financial|fiscal)\s+year\b(?!,?\s+(?:(?:which|that)\s+)?ended\b)",
    re.IGNORECASE,
)
_FULL_YEAR: Final = re.compile(
    r"\b(?:full[\s-]year|for\s+the\s+(?:full\s+)?year(?:\s+as\s+a\s+whole)?)\b"
    r"(?!\s+(?:to|ending|ended|ahead|before|after|earlier)\b)",
    re.IGNORECASE,
)


def financial_year_end(text: str, *, published_at: datetime) -> datetime | None:
    """The first instant after the financial year under way, where the article says when its
    year ends; None when it does not."""
    today = _day_of(published_at)
    for pattern, future_only in ((_FINANCIAL_YEAR_ENDS, False), (_YEAR_TO, True)):
        for match in pattern.finditer(text):
            end = _year_end_named(match, today, future_only=future_only)
            if end is not None:
                return end
    return None


def _year_end_named(match: re.Match[str], today: datetime, *, future_only: bool) -> datetime | None:
    """The next end of a year whose last day (or month) the match names; a bare "year to"
    counts only with a day or a year still to come."""
    groups = {name: value for name, value in match.groupdict().items() if value}
    month_name = (groups.get("month") or groups.get("month2") or "").rstrip(".").lower()
    day = groups.get("day") or groups.get("day2")
    if month_name not in _MONTHS or (day is not None and not 1 <= int(day) <= 31):
        return None
    month = _MONTHS[month_name]
    if future_only:
        named = _day_after(int(groups.get("year") or today.year), month, day)
        if not (day or groups.get("year")) or named <= today:
            return None
    # "the fiscal year that ended in January": the same day ends the year under way
    end = _day_after(today.year, month, day)
    return end if end > today else _day_after(today.year + 1, month, day)


def _day_after(year: int, month: int, day: str | None) -> datetime:
    """The first instant after a day (the month's last when no day is named)."""
    last = calendar.monthrange(year, month)[1]
    return datetime(year, month, min(int(day), last) if day else last, tzinfo=UTC) + timedelta(
        days=1
    )


def financial_year_deadline(
    sentence: str, *, year_end: datetime | None, published_at: datetime
) -> Deadline | None:
    """The deadline of a claim about a financial year that names no time of its own:
    "this financial year" and "full-year" end with the year under way, "next financial year"
    a year later; a full year with no financial year known is the calendar year."""
    named = _FINANCIAL_YEAR.search(sentence)
    if named is not None and year_end is not None:
        end = _add(year_end, "year", 1) if named.group("next") else year_end
        return Deadline(named.group(), end, -1, -1)
    full = _FULL_YEAR.search(sentence)
    if full is None:
        return None
    end = year_end or datetime(published_at.astimezone(UTC).year + 1, 1, 1, tzinfo=UTC)
    return Deadline(full.group(), end, -1, -1)


# "gross margin would dip in the third quarter", from a company whose year ends on May 31:
# its own third quarter, which ends with February, not September
_QUARTER_PHRASE: Final = re.compile(
    r"(?:(?:in|for|during|by)\s+the\s+)?(?P<ordinal>first|second|third|fourth)[\s-]quarter",
    re.IGNORECASE,
)
_ORDINALS: Final = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def fiscal_quarter_end(
    phrase: str, *, year_end: datetime | None, published_at: datetime
) -> datetime | None:
    """The end of a quarter named bare ("the third quarter") of a company whose financial year
    the article says ends other than with December: the next such quarter not yet over."""
    named = _QUARTER_PHRASE.fullmatch(phrase)
    if named is None or year_end is None or (year_end.month, year_end.day) == (1, 1):
        return None
    quarters_left = 4 - _ORDINALS[named.group("ordinal").lower()]
    end = _add(year_end, "month", -3 * quarters_left)
    while end <= published_at:
        end = _add(end, "month", 12)
    return end


# --- the hemisphere ---------------------------------------------------------------------------
#
# "Southern Australia is heading for a warmer and drier spring": in an article about the
# southern hemisphere, its seasons are meant (LABELLING.md, sixth split). The article says so in
# its headline or dateline, or by giving a season its southern months.

_SOUTHERN_PLACE: Final = re.compile(
    r"\b(?:Australia|New\s+Zealand|Argentina|Chile|Uruguay|Paraguay|South\s+Africa|"
    r"Sydney|Melbourne|Brisbane|Adelaide|Canberra|Wellington|Auckland|Christchurch|"
    r"Buenos\s+Aires|Montevideo|Johannesburg|Cape\s+Town|Pretoria|RBA|RBNZ)\b"
)
# "SYDNEY, Aug. 28 -": a paragraph opening on a place in capitals
_DATELINE: Final = re.compile(r"^\s*(?P<place>[A-Z][A-Z .'-]+[A-Z]),", re.MULTILINE)
_SEASON_NAMED: Final = re.compile(r"\b(?P<season>summer|autumn|winter|spring)\b", re.IGNORECASE)
# The first of the three months a season has in the south, as an outlook writes its span
# ("which covers December to February")
_SOUTHERN_FIRST_MONTH: Final = {
    "summer": r"Dec(?:ember|\.)?",
    "autumn": r"Mar(?:ch|\.)?",
    "winter": r"June?",
    "spring": r"Sep(?:tember|t?\.)?",
}


def southern_hemisphere(text: str) -> bool:
    """Whether an article is about the southern hemisphere: its headline or dateline names a
    place there, or its headline's season is given its southern months ("Hot, dry summer
    ahead" over "the outlook, which covers December to February")."""
    headline = text.lstrip().split("\n", 1)[0]
    if _SOUTHERN_PLACE.search(headline):
        return True
    for dateline in _DATELINE.finditer(text, 0, _DATELINE_REACH):
        if _SOUTHERN_PLACE.search(dateline.group("place").title()):
            return True
    season = _SEASON_NAMED.search(headline)
    if season is None:
        return False
    first = _SOUTHERN_FIRST_MONTH[season.group("season").lower()]
    for span in re.finditer(rf"\b(?-i:{first})\s*(?:to|through|-)\s*(?-i:[A-Z])", text):
        sentence_start = max(text.rfind(". ", 0, span.start()), text.rfind("\n", 0, span.start()))
        # "in the southern hemisphere, where winter runs from June to August": another place's
        if not _ELSEWHERE_SOUTH.search(text, sentence_start + 1, span.start()):
            return True
    return False


_ELSEWHERE_SOUTH: Final = re.compile(r"\bsouthern\s+hemisphere\b|" + _SOUTHERN_PLACE.pattern)


_DATELINE_REACH: Final = 2000


# --- the season's last day ---------------------------------------------------------------------
#
# "the rest of the season, which ends on May 24", "The final round of matches is on May 16":
# a claim about a league season (the title, relegation, a top-four place, a scorer's tally)
# is settled on its last day, which the article gives once (LABELLING.md, ninth and tenth
# splits).

_SEASON_ENDS: Final = re.compile(
    # (a month's abbreviation may stand between: "starts on Sept. 6 ... and ends on May 16")
    # ("a hurricane season, which runs from June 1 to Nov. 30": the later day)
    r"\b(?:(?:season|campaign)\b(?:[^.;]|\.(?=\s+\d)){0,120}?"
    r"\b(?:ends\s+on|runs\s+from\s+[\w.]+\s+[\w.]+\s+(?:to|until|through))"
    r"|final\s+(?:day|round(?:\s+of\s+(?:matches|games|fixtures))?)(?:\s+of\s+the\s+season)?,?"
    r"(?:\s+is)?(?:\s+on)?)\s+" + _DAY.pattern[len(r"\b(?=[A-Z\d]|tomorrow)") :],
)
# What a whole season settles: the title, the table, who goes up or down, a season's tally
_SEASON_CLAIM: Final = re.compile(
    r"\b(?:title|league|champions(?:hip)?|relegat\w*|promot\w*|top\s+(?:two|three|four|five|six|"
    r"half)|table|standings|stay\s+up|go(?:es)?\s+down|survive|survival|season|league\s+goals|"
    r"finish\s+(?:first|second|third|fourth|above|below|in\s+the)|last\s+(?:two|three|four)\s+"
    r"(?:games|matches)"
    # a storm season's tally: "14 to 20 named storms", "nine hurricanes", "a landfall"
    r"|named\s+storms|hurricanes|typhoons|cyclones|landfalls?)\b",
    re.IGNORECASE,
)


def season_end(text: str, *, published_at: datetime) -> Deadline | None:
    """The last day of the season under way, where the article gives it."""
    today = _day_of(published_at)
    for match in _SEASON_ENDS.finditer(text):
        day = _day(match, today)
        if day is not None and day < today and not match.group("year"):
            # "ends on May 16", in a preview written in August: next May
            day = _add(day, "year", 1)
        if day is not None and day >= today:
            return Deadline(match.group(), day + timedelta(days=1), match.start(), match.end())
    return None


def season_deadline(sentence: str, end: Deadline | None) -> Deadline | None:
    """A claim about the season, with no time of its own: the season's last day."""
    if end is None or _SEASON_CLAIM.search(sentence) is None:
        return None
    return end
