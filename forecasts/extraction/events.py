"""Dated events an article names, and the claims about them that give no time of their own.

"Voters head to the polls on Sunday, May 24", "Saturday's Cup final", "the general election
on March 14": a claim about who wins, by how much or on what turnout has the date of the
contest it is about, though the sentence itself names none (LABELLING.md, deadlines). Only
events still to come count: the nearest Saturday on or after publication, the next March 14.
A sentence that tells of a contest already played ("beat Dekeyser at the Grand Prix on
Saturday") names none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Final

from forecasts.deadlines import _MONTHS, _WEEKDAYS, Deadline, _next_weekday

# Contests whose result a claim can be about; "final" only as a noun ("the Cup final at
# Wembley", not "a final televised debate"), "polls" only as the place voters go to.
_EVENT: Final = (
    r"(?P<noun>(?:general\s+|presidential\s+|parliamentary\s+|mayoral\s+|local\s+|snap\s+|"
    r"regional\s+|legislative\s+|national\s+)?(?:elections?|by-elections?|run-?offs?|"
    r"referendum|primar(?:y|ies)|caucus(?:es)?|ballot|vote)"
    r"|(?:first|second)[\s-]round(?:\s+vote)?|(?:to|at)\s+the\s+polls|election\s+day|polling\s+day"
    r"|finals?(?=\s+(?:at|on|in|against|between|of|is|will|was|,)\b|[,.;])"
    r"|(?:semi|quarter)-?finals?|match|game|derby|(?:cup\s+)?tie|grand\s+prix|fight|bout|decider|"
    # "Saturday's big race at Kellsworth": a race meeting's feature, on its day
    r"race|"
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
    # not across "and": "elects a president on March 24 and holds a runoff ... on April 7"
    r"\b" + _EVENT + r"\b(?:(?!\band\b)[^.;!?,\"“”]){0,60}?(?:,\s+)?\b(?:on|is|falls\s+on|for)"
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
    r"odds|chance|lead|clean\s+sheet|\d+-\d+)\b",
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


def dated_events(text: str, *, published_at: datetime) -> list[DatedEvent]:
    """The contests still to come that the text names with their day, in text order."""
    today = published_at.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    events = []
    for day_named in _DAY.finditer(text):
        event = _event_of(text, day_named)
        if event is None or _told_as_played(text, event.start()):
            continue
        day = _day(day_named, today)
        if day is None or day < today:
            continue
        start, end = min(event.start(), day_named.start()), max(event.end(), day_named.end())
        noun = " ".join(event.group("noun").lower().split())
        events.append(DatedEvent(text[start:end], noun, start, day + timedelta(days=1)))
    return events


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
