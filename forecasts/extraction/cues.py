"""Cues that a sentence speaks of the future with some belief, and the ones that do not count."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final, Literal

from forecasts.extraction.modals import (
    _PAST_BELIEF,
    _PROMISED_BEFORE,
    _WH_BEFORE,
    _arrangement,
    _subject_in,
    _valid_modal,
    _valid_would,
)
from forecasts.extraction.names import (
    MORE_OR_LESS_CAUTIOUS,
    MOVED_FORECAST,
    PASSIVE_BY_AGENT,
    PENCILLED_IN,
    TIPPED_TO,
)
from forecasts.extraction.quantities import EXPECT_PHRASES, POSSIBILITY_MODALS
from forecasts.extraction.sentences import (
    _LOOK_AROUND,
    _MONTH_NAMES,
    Sentence,
    _quote_only,
    _wordset,
)
from forecasts.extraction.speakers import _AGENTLESS_PASSIVE, _Attribution, _noun_use
from forecasts.probability import ICD_203, PhraseMatch, find_explicit_probability

Basis = Literal["stated", "verbal"]


CueKind = Literal[
    "explicit", "hedge", "denial", "modal", "reported", "forecast_verb", "opinion", "weak"
]


@dataclass(frozen=True, slots=True)
class _Cue:
    kind: CueKind
    start: int
    end: int
    phrase: str | None
    probability: float | None
    basis: Basis | None
    confidence: float
    reason: str


_MODAL_PHRASES: Final = frozenset(
    {
        "will",
        "shall",
        "going to",
        "is going to",
        "are going to",
        "is set to",
        "are set to",
        "will not",
        "shall not",
        "is not going to",
        "are not going to",
        "not going to",
        "only a matter of time",
    }
)


_WOULD_PHRASES: Final = frozenset({"would", "would not", "was set to", "were set to"})


_WEAK_PHRASES: Final = POSSIBILITY_MODALS | {"cannot be ruled out", "cannot rule out"}


_DENIAL_NOTE_PREFIX: Final = "Sooth rule 6"


_CONFIDENCE: Final[dict[CueKind, float]] = {
    "explicit": 0.9,
    "hedge": 0.8,
    "denial": 0.8,
    "forecast_verb": 0.8,
    "opinion": 0.75,
    "modal": 0.7,
    "reported": 0.65,
    "weak": 0.3,
}


_ATTRIBUTED_POSSIBILITY: Final = 0.55


_FIGURE_IN: Final = re.compile(r"\d")


# "soon", "not have to wait long": a time, if a vague one.
_VAGUE_TIME: Final = re.compile(
    r"\b(?:soon|shortly|imminently|before\s+long|wait\s+long|any\s+day\s+now)\b", re.IGNORECASE
)


_ATTRIBUTABLE_POSSIBILITY: Final = frozenset(
    {"may", "might", "could", "should", "may not", "might not", "should not", "ought to"}
)


# What a quantity "is seen" doing next: moving, or holding where it is.
_SEEN_MOVING: Final = (
    r"(?:rising|falling|growing|slowing|shrinking|contracting|expanding|averaging|peaking|"
    r"hitting|reaching|topping|climbing|easing|dropping|declining|increasing|staying|"
    r"remaining|holding|ending|finishing|returning|recovering|rebounding|narrowing|widening)\b"
)


_FORECAST_VERB: Final = re.compile(
    r"\b"
    + TIPPED_TO
    + r"|\b(?:predict|predicts|predicted|forecast|forecasts|forecasted|projects|projected|"
    r"(?-i:project)|anticipates|anticipated|foresees|foresaw|foresee)\b"
    + r"|\b"
    + PENCILLED_IN
    # "Inflation is forecast by the Bank to fall": a passive forecast whose agent is named
    + r"|(?<=\s)(?:forecast|projected|predicted)"
    r"(?=\s+by\s+(?:the\s+)?[A-Z][^,;]{0,60}?\s+to\s+[a-z])"
    # "Korvex guided for revenue of $4.1 billion", "guides to a margin of 21%": a company's
    # guidance is its forecast of its own figures
     + r"|\b(?:guides|guided)\s+(?:for|to|towards)\s+(?:[\w-]+\s+){0,5}?[$€£]?\d"
    # "Orbis, another research firm, was less gloomy, forecasting a 2% decline": a clause
    # hung on its subject
    # ("..., forecasting growth of just 0.5%": the measure, then its figure)
    r"|(?<=,\s)(?:forecasting|predicting|projecting)\b"
    r"(?=\s+(?:an?|that|\d|[a-z]+\s+(?:[a-z-]+\s+)?of\s+(?:just\s+|about\s+|around\s+)?[$€£]?\d))"
    # "X is at the gloomy end of the range, pencilling in a jump to 5.3%": the same, written in
    r"|(?<=,\s)pencil(?:l?ing)\s+in\b(?=\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:to|of|at)\s+"
    r"(?:about\s+|around\s+)?[$€£]?\d)"
    # "We look for two more cuts of 25bp", "we now pencil in a rebound to 2% growth": a
    # forecaster's own idiom for what it expects, with the figure it expects; "I'd pencil in
    # growth of around 0.8%": the same, in the conditional of modesty
    r"|(?:(?<=\bI\s)|(?<=\bwe\s)|(?<=\bnow\s)|(?<=\bstill\s)|(?<=\bI['’]d\s)|(?<=\bwe['’]d\s)"
    r"|(?<=\bwould\s))(?:look\s+for|pencil\s+in)\b"
    r"(?=\s+(?:an?\s+)?(?:[\w-]+\s+){0,5}?(?:[$€£]?\d|(?:a|an|further|more)\s+(?:[\w-]+\s+)?"
    r"(?:to|of)\s+[$€£]?\d))"
    # "AgriSight was more pessimistic, estimating the harvest at 23.8 million tonnes"
    r"|(?<=,\s)estimating\b(?=\s+(?:[\w'’-]+\s+){1,5}?at\s+(?:about\s+|around\s+)?[$€£]?\d)"
    # "We're forecasting global shipments of about 1.21 billion": the forecast being made
    r"|(?:(?<=['’]re\s)|(?<=\bare\s)|(?<=\bam\s)|(?<=['’]m\s)|(?<=\bis\s))"
    r"(?:forecasting|predicting|projecting)\b(?=\s+(?:an?\s|that\b|\d|[a-z]+\s+(?:[a-z-]+\s+)?of\b))"
    # "Aurum is betting that the market keeps growing", "..., betting that demand will hold
    # up": a wager on what comes (not "is betting heavily on holidaymakers", a strategy)
    r"|(?:(?<=\bis\s)|(?<=\bare\s)|(?<=['’]s\s)|(?<=['’]re\s)|(?<=,\s))betting(?=\s+that\b)"
    # "Growth is seen at 1.5% next year", "Inflation is seen rising to 4%": the wires'
    # passive of a forecast, with a figure or a movement after it
    r"|(?:(?<=\bis\s)|(?<=\bare\s)|(?<=\bis\snow\s)|(?<=\bare\snow\s)|(?<=\bwidely\s))seen"
    rf"(?=\s+(?:(?:at|around|near|between)\s+(?:about\s+|around\s+)?[$€£]?\d|{_SEEN_MOVING}))",
    re.IGNORECASE,
)


_OPINION: Final = re.compile(
    r"\b(?:my|our)\s+(?:[a-z]+\s+)?(?:guess|read|bet|call|forecast|prediction|expectation|hunch|pick|"
    # "Our planning assumption is that diversions continue for the whole year"
    r"tip|assumption|"
    # "My guess would be between half a degree and a degree": the same, put modestly
    r"money|(?<=base\s)case|(?<=central\s)case|scenario)\s+(?:is|would\s+be)\b"
    # "My central estimate is around 1,400 at the peak": the figure the speaker expects; not
    # "is that 30% of homes are damp now", an estimate of today
    r"|\b(?:my|our)\s+(?:central|best)\s+estimate\s+is\b"
    r"(?![^.;]*\b(?:now|today|currently|at\s+present|so\s+far|already)\b)"
    # "My view is that Brent is back below $80 by the end of the summer": a view of a time to
    # come; not "my view is that the policy was a mistake", a judgement
    r"|\b(?:my|our)\s+(?:own\s+)?view\s+is\s+(?:that\s+)?(?=[^.;]*?(?:\b(?:will|won['’]t|"
    r"going\s+to|by|before|until|next|in\s+(?:19|20)\d\d)\b|\bin\s+(?:early\s+|late\s+|mid-)?"
    rf"(?:{_MONTH_NAMES})\b))"
    # "My number for the third quarter is $88": a forecaster's figure for a time to come; not
    # "my number for last year", a figure gone by
    r"|\b(?:my|our)\s+(?:own\s+|central\s+|base\s+)?number\s+"
    r"(?:for\s+(?!(?:last|the\s+(?:last|past|previous))\b)[^.;,]{1,40}?\s+)?is\s+"
    r"(?=(?:about\s+|around\s+|roughly\s+)?[$€£]?\d)"
    r"(?![^.;]*\b(?:now|today|currently|at\s+present|so\s+far|already)\b)"
    r"|\b(?:I|we)(?:['’]d|\s+would)(?:\s+not|n['’]t)?\s+be\s+(?:very\s+|quite\s+|really\s+|"
    r"genuinely\s+|extremely\s+|a\s+little\s+|a\s+bit\s+)?(?:surprised|astonished|amazed|"
    # "I'd be very disappointed if we did not have it by December": the expected outcome
    # denied is what would disappoint
    r"shocked|stunned|disappointed)\s+(?:to\s+see|if)\b"
    # "Our best guess: the Social Alliance finishes first": the call after a colon
    r"|\b(?:my|our)\s+(?:best\s+|own\s+)?guess\s*:\s"
    r"|\bI\s+(?:predict|bet|reckon|forecast)\b|\bI['’]d\s+bet\b"
    # "I would not bet on a move in June", "I wouldn't bet against a cut": a wager declined
    # is a call that the event will not come, or will
    r"|\b(?:I|we)(?:['’]d|\s+would)(?:\s+not|n['’]t)\s+bet\s+(?:on|against)\b"
    # "I would put good money on 2029 being the warmest", "we'd bet our house on a cut"
    r"|\b(?:I|we)(?:['’]d|\s+would)\s+(?:put|bet|stake)\s+(?:good\s+|serious\s+|real\s+|"
    r"(?:my|our)\s+(?:own\s+)?)?(?:money|house|shirt|mortgage|life)\s+on\b"
    # "I'm going for Kelton by two points", "I'm backing Kelton to win it", "I fancy Rovers
    # to edge it": a pundit's pick of a named side
    r"|\b(?:I|we)(?:['’]m|['’]re|\s+am|\s+are)\s+(?:going|plumping|sticking)\s+(?:for|with)\s+"
    rf"(?!(?:Christmas|Easter|the\s|{_MONTH_NAMES}|Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)\b)(?-i:[A-Z])"
    r"|\b(?:I|we)(?:(?:['’]m|['’]re|\s+am|\s+are)\s+(?:backing|tipping)|\s+(?:fancy|back|tip))\s+"
    r"(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,2}\s+to\s+(?:win|beat|finish|go|reach|lift|"
    r"take|edge|claim|retain|top|stay|survive|sneak|nick|come)\b"
    # "she was confident of a place in the runoff", "is confident of winning": sure of an
    # outcome to come, named by its noun or its "-ing"
    # 'was "quietly confident" of taking the seat': the words may be quoted
    r"|\b(?:is|was|are|were|remains?|remained|feels?|felt)\s+[\"“‘']?(?:(?:very|quietly|fully|"
    r"still|increasingly|now)\s+)?confident[\"”’']?\s+of\s+(?:(?:(?:a|an|the|his|her|their|its|our)\s+)?"
    r"(?:[\w-]+\s+)?(?:victory|win|place|spot|seat|berth|majority|promotion|survival|title|deal|"
    r"agreement|result)\b|[a-z]{3,}ing\b)",
    re.IGNORECASE,
)


# "Plan on rates staying where they are for the summer", "Don't count on a cut", "Expect
# fares to rise again in May": advice to act on an outcome is a call that it comes. The
# imperative opens the sentence, after an interview turn's tag.
_PLAN_ON: Final = re.compile(
    r"^\W*(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}:\s*)?(?:(?:Do\s+not|Don['’]t)\s+)?"
    r"(?:(?i:plan|count|bank)\s+on\s+(?:(?:an?|the|any)\s+[\w-]+\b|(?:[\w'’-]+\s+){1,3}?[a-z]+ing\b)"
    r"|(?i:expect)\s+(?:[\w'’-]+\s+){1,4}?to\s+[a-z]+\b)"
)


# "a runoff", "a recession", "relegation": an event whose escape a record shows.
_AVOIDED_EVENT: Final = (
    r"(?:(?:a|an|the)\s+)?(?:[\w-]+\s+)?(?:runoff|run-off|second\s+round|recession|default|"
    r"relegation|shutdown|strike|downgrade|defeat|penalty\s+shoot-?out|replay|lockdown)\b"
)


# "until December", "until the autumn", "till 2029": a time named, not "until it is ready".
_TIME_NAMED: Final = (
    r"(?:(?-i:[A-Z])\w+|\d+|the\s+(?:first|second|third|fourth|next|new\s+year|end|spring|"
    r"summer|autumn|fall|winter)\b)"
)


# "make January", "make the deadline": the month or deadline an event comes in time for, the
# clause ending on it.
_DATE_MET: Final = (
    rf"(?:(?:{_MONTH_NAMES})(?=\s*(?:[.,;!?\"”’]|$))|(?:the|its|their)\s+(?:\w+\s+)?deadline\b)"
)


# "I think she wins", "I don't think Orion ships before October": spoken English puts a
# forecast of an outcome in the present after a verb of opinion.
_OUTCOME_PRESENT: Final = (
    r"wins|loses|beats|finishes|ends|ships|launches|falls|rises|drops|climbs|reaches|tops|"
    r"passes|hits|survives|signs|joins|leaves|happens|collapses|recovers|qualifies|clinches|"
    r"sells|doubles|halves|peaks|overtakes|makes\s+it|gets\s+(?:there|through|done)|"
    r"bottoms\s+out|slows|eases|rebounds|resumes|slips|stalls|"
    # "I don't think he sees Christmas": a holder lasting in post to a time named
    r"sees\s+(?:out\s+)?(?:Christmas|the\s+New\s+Year|(?:the\s+)?(?:end\s+of\s+the\s+)?"
    r"(?:season|year|month|summer|winter|spring|autumn|window)\b|" + _MONTH_NAMES + r")|"
    # "I don't think anyone makes an operating profit in 2028": a result the accounts show
    r"(?:makes|turns|posts)\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:profit|loss)|breaks\s+even|"
    # "I think it's very likely she avoids a runoff": an event a record shows escaped; not
    # "he avoids questions", a habit
    r"avoids\s+" + _AVOIDED_EVENT + "|"
    # "we think it goes above $45", "I think it settles at around 3.3%": where a figure goes
    r"(?:goes|gets|stays|settles|remains)\s+(?:above|below|over|under|past|at|around|near)\s+"
    r"(?:(?:about|around|roughly)\s+)?[$€£]?\d+|"
    # "I think foldables stay below 3%": a plural subject, the verb's bare form, the same mark
    r"(?<=s\s)(?:go|get|stay|settle|remain)\s+(?:above|below|over|under|past|at|around|near)\s+"
    r"(?:(?:about|around|roughly)\s+)?[$€£]?\d+|"
    # "I think the price comes down by a fifth": a move told by how far it goes
    r"(?:comes|goes)\s+(?:down|up)\s+(?:by|to)\s|"
    # "I suspect the measure goes down": a vote lost, a side relegated; not "goes down well",
    # how something is received
    r"goes\s+down\b(?!\s+(?:well|badly|poorly|a\s+storm|as|in\s+history)\b)|"
    # "I think Rovers nick it": a contest won, narrowly or not, the "it" the match or the
    # title; a side is plural in British English
    r"(?:nicks|edges|shades|sneaks)\s+it\b|(?:win|nick|edge|shade|sneak)\s+it\b|"
    # "I think we are about two to three weeks from the peak": how far off an event is
    r"(?:is|are)\s+(?:only\s+|just\s+)?(?:about\s+|around\s+|roughly\s+)?(?:[\w-]+\s+){1,3}?"
    r"(?:days|weeks|months)\s+(?:away\s+)?from\s+(?:the|a|an|its|their)\b|"
    # "We think this goes to extra time": a match's course
    r"goes\s+(?:the\s+distance|to\s+(?:extra\s+time|penalties|a\s+(?:replay|runoff|run-off|"
    r"decider|shoot-?out|tie-?break|second\s+round|deciding\s+\w+)))|"
    # "we think the next cut comes in August": an event arriving at a time named
    r"comes\s+(?:in|by|before)\s+(?:(?-i:[A-Z])\w+|the\s+(?:first|second|third|fourth|next)|"
    r"\d+)|"
    # "we think contract prices flatten out in the third quarter": a level that stops moving
    r"(?:flattens|levels|bottoms)\s+(?:out|off)\b|(?<=s\s)(?:flatten|level|bottom)\s+(?:out|off)\b|"
    # "We think the board waits until December": a move put off to a time named
    r"waits\s+(?:until|till)\s+" + _TIME_NAMED + "|"
    # "I don't think Orion makes the deadline", "I doubt she makes March": a date met
    r"makes\s+" + _DATE_MET
)


# "I don't think they cut in June": a plural subject takes the verb's bare form.
_OUTCOME_PRESENT_PLURAL: Final = (
    r"win|lose|beat|finish|ship|launch|fall|rise|drop|climb|reach|survive|recover|qualify|"
    r"peak|cut|raise|hike|move|go\s+down|"
    # "I think they roll over the cuts": a policy or deal kept for another term
    r"roll\s+over|come\s+down\s+(?:by|to)|"
    # "I don't think they get below 40 next year": a mark passed
    r"(?:go|get|stay)\s+(?:above|below|over|under|past)\s+(?:(?:about|around|roughly)\s+)?"
    r"[$€£]?\d+|"
    # "I doubt they hit 95% before November", "I doubt we get there by spring": a mark reached
    r"hit|top|pass|exceed|make\s+it|get\s+(?:there|through)|avoid\s+" + _AVOIDED_EVENT + "|"
    # "I think they wait until the autumn": a move put off to a time named
    r"wait\s+(?:until|till)\s+" + _TIME_NAMED + "|"
    # "I don't think they make January": a date or deadline met, not "make January sales"
    r"make\s+" + _DATE_MET
)


# "I think the bank cuts twice more": a rate-setter's move, told by how often or how far, so
# that "I think the cuts hurt" (a noun) is not one.
_POLICY_MOVE_PRESENT: Final = (
    r"(?:cuts|raises|hikes|lowers|holds)(?=\s+(?:rates?\s+|interest\s+rates\s+)?(?:once|twice|"
    r"again|(?:two|three|four|five)\s+(?:more\s+)?times|by\s+[\d\w]|in\s+[A-Z]|at\s+the\s+next"
    # "We think the Fed cuts 25 basis points in September": the size of the move
    r"|(?:\d+|a\s+quarter|half\s+a)[\s-]+(?:basis[\s-]+points?|bps?|(?:percentage[\s-]+)?points?)\b))"
)


# "I think they extend the cuts again", "we doubt they lift the sanctions before the summit": a
# measure kept or ended by those who set it, its continuation still to be decided.
_MEASURE_MOVE_PRESENT: Final = (
    r"(?<=they\s)(?:extend|renew|prolong|deepen|unwind|lift|scrap|end)\s+(?:the|their|its)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:cuts|curbs|quotas|sanctions|tariffs|restrictions|ban|cap|freeze|"
    r"moratorium|embargo)\b"
)


# "by four or five points", "by two goals": a winning margin, which only a result settles.
_MARGIN: Final = (
    r"(?:(?:it|this|that|the\s+[\w-]+|[A-Z][\w'’-]+)\s+)?by\s+(?:about\s+|around\s+)?"
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a\s+(?:few|couple\s+of))"
    r"(?:\s+(?:or|to)\s+(?:\d+|[a-z]+))?\s+(?:percentage\s+)?(?:points?|goals?|seats?|votes?|"
    r"runs?|wickets?|lengths?)\b"
)


# "Our prediction: City to retain the title", "Our call: Dravec, by two to four points",
# "Our view: whoever leads, the Liberal Centre will be in it": a preview's own call, after a
# colon. A call, verdict, view or pick names an outcome (a side to win, a margin, a future);
# "Our view: the levy is unfair" is an opinion of today. "My bet: the count passes 400 before
# ..." stakes a bet on an outcome still to come ("Our best bet: the early ferry" is advice).
_OUR_CALL: Final = re.compile(
    r"\b(?:my|our)\s+(?:[a-z]+\s+)?(?:(?:prediction|forecast|tip|(?<!\bbest\s)bet)\s*:|"
    r"(?:call|verdict|view|pick)\s*:(?=[^.;!?]*?(?:\bto\s+(?:win|take|beat|finish|lift|top|"
    rf"retain|hold|keep|go\s+through|stay)\b|{_MARGIN}|\b(?:will|won['’]t|(?:un)?likely)\b)))",
    re.IGNORECASE,
)


# "A full treaty is at least a year away", "a cure is probably years off": a wait estimated,
# which a bound or a hedge marks as a call on when the outcome comes; a calendar's "the vote
# is six weeks away" or "still months away" needs neither.
_ESTIMATED_WAIT: Final = re.compile(
    r"\b(?:is|are|remains?|looks?|seems?)\s+(?:at\s+least|at\s+most|(?:no\s+)?more\s+than|"
    r"(?:no\s+)?less\s+than|probably|likely|almost\s+certainly|perhaps|possibly)\s+"
    r"(?:an?\s+|one\s+|two\s+|three\s+|a\s+few\s+|several\s+|many\s+)?(?:years?|months?|"
    r"weeks?|decades?|generation)\s+(?:away|off)\b"
)


# A time still to come: "next year", "in 2027", "for most of next year".
_FUTURE_TIME: Final = (
    r"(?=[^.;]*\b(?:next\s+(?:year|month|quarter|week|season|winter|summer|spring|autumn|fall)"
    r"|in\s+20[2-9]\d))"
)


# "Prices are going up next year", "even half that surplus keeps Brent under $65 for most of
# next year": a source's present tense with a time to come is a forecast.
_PRESENT_TREND: Final = re.compile(
    r"(?:(?:\b(?:is|are)|['’](?:s|re))\s+(?:going\s+(?:up|down)|rising|falling|climbing|"
    r"dropping|coming\s+down|heading\s+(?:up|down|higher|lower))\b"
    r"|\bkeeps?\s+(?:[\w$-]+\s+){1,3}(?:under|below|above|over)\s+[$€£]?\d"
    # "Capital spending grows again in 2029, maybe 15% or so": a change dated to a year to come
    r"|\b(?:grows|rises|falls|shrinks|declines|recovers|rebounds)\s+(?:again\s+)?"
    r"(?=(?:next\s+year|in\s+20[2-9]\d)\b)"
    # "The commercial version ships in the fourth quarter": a product's release, dated
    # ("usually ships in the fourth quarter" is a season's habit)
    r"|(?<!\busually\s)(?<!\btypically\s)(?<!\balways\s)(?<!\bnormally\s)"
    r"\b(?:ships|launches)\s+(?=in\s+the\s+(?:first|second|third|fourth)\s+quarter\b)"
    r"(?![^.;]*\b(?:usually|typically|always|normally|every|each)\b)"
    r")(?:" + _FUTURE_TIME + r"|(?=in\s+the\s+(?:first|second|third|fourth)\s+quarter\b))",
    re.IGNORECASE,
)


# "By the end of August it's back below 45 per cent", "By June, prices are at about $80": a
# source's level for a time they name, told in the present (a level gone by takes "was").
_LEVEL_BY_THEN: Final = re.compile(
    r"^\W*(?:[A-Z][A-Z'’.-]*:\s+)?By\s+(?:the\s+(?:end|middle|start)\s+of\s+)?"
    rf"(?i:{_MONTH_NAMES}|next\s+\w+|the\s+(?:spring|summer|autumn|winter))\s*,?\s+"
    r"(?:it|they|[\w-]+(?:\s+[\w-]+)?)(?:['’]s|['’]re|\s+is|\s+are)\s+(?:back\s+|still\s+|already\s+)?"
    r"(?:below|above|under|over|at|around|near|down\s+to|up\s+to)\s+(?:about\s+|around\s+)?[$€£]?\d"
)


# "She wins the runoff by four or five points.": a source's call of the result, in the
# present, told by the margin a count will settle.
_MARGIN_PRESENT: Final = re.compile(
    # not "would lose by ten points", whose modal is a cue of its own, or "to win by"
    r"(?<!\bwould\s)(?<!\bwill\s)(?<!\bto\s)(?<!\bdid\s)(?<!\bcould\s)(?<!\bmight\s)"
    rf"\b(?:wins|loses|beats|carries|takes|win|lose|beat|carry|take)\s+{_MARGIN}"
)


_THINK_PRESENT: Final = re.compile(
    r"\b(?-i:I|We|we)(?:\s+(?:(?:do\s+not|don['’]t|really|still|very\s+much|strongly|seriously)\s+)?"
    r"(?:think|reckon|suspect|bet|"
    # "I doubt we cut before December": the doubt is a call that the outcome will not come
    r"believe|doubt)"
    # "I'd say it goes to extra time": the speaker's call, in the conditional of modesty
    r"|(?:['’]d|\s+would)\s+say)"
    # "The levy, I suspect, goes down": the verb of opinion set between subject and verb
    r"(?:,\s+|\s+(?:that\s+)?(?:[\w'’-]+\s+){1,6}?)"
    rf"(?:{_OUTCOME_PRESENT}|(?<=they\s)(?:{_OUTCOME_PRESENT_PLURAL})"
    rf"|(?<=we\s)(?:{_OUTCOME_PRESENT_PLURAL})|{_POLICY_MOVE_PRESENT}|{_MEASURE_MOVE_PRESENT}"
    # "I think we are two to three weeks away from it": how long until the event comes
    r"|(?:is|are)\s+(?:(?:only|just|still|about|around|perhaps|maybe)\s+)?(?:[\w-]+\s+){1,3}?"
    r"(?:days|weeks|months|years)\s+away"
    # "I think Kelmarsh win it by five points": a side is plural in British English
    rf"|(?:{_OUTCOME_PRESENT_PLURAL})(?=\s+{_MARGIN}))\b",
    re.IGNORECASE,
)


# "Okafor reckons the bill passes": another's call on an outcome, in the same present.
_RECKONS_PRESENT: Final = re.compile(
    r"\b(?:reckons|suspects|thinks|bets)\s+(?:that\s+)?(?:[\w'’-]+\s+){1,6}?"
    rf"(?:{_OUTCOME_PRESENT})\b",
    re.IGNORECASE,
)


# "so I'm going for 1-1", "I'll go for 2-0 to the visitors": a tipster's score for a match.
_GOING_FOR_SCORE: Final = re.compile(
    r"\b(?:I|we)(?:['’]m|['’]re|\s+am|\s+are)\s+(?:going|plumping|opting)\s+for\s+(?:an?\s+)?"
    r"\d{1,2}-\d{1,2}\b|\b(?:I|we)(?:['’]ll|\s+will|['’]d|\s+would)\s+go\s+for\s+(?:an?\s+)?"
    r"\d{1,2}-\d{1,2}\b",
    re.IGNORECASE,
)


# Words that set a clause in the past or the present state, not in a future told in the
# present tense.
_PAST_OR_STATE: Final = (
    r"(?:is|are|was|were|am|be|been|being|had|has|have|did|does|do|made|took|got|went|saw|"
    r"came|lost|won|fell|rose|grew|gave|left|sold|bought|ran|began|kept|paid|[\w'’-]+ed|"
    r"will|would|could|should|might|may|can|must|isn['’]t|aren['’]t|wasn['’]t|weren['’]t)"
)


# "We think inventories build by about 1.2 million barrels a day in the last three months of
# the year", "We think she gets one more, in May": a call in the present tense for a time
# still to come, with no past or state verb before the time it names.
_THINK_DATED_PRESENT: Final = re.compile(
    r"\b(?-i:I|We|we)\s+(?:(?:still|really|now)\s+)?(?:think|reckon|suspect)\s+(?:that\s+)?"
    r"(?-i:[A-Za-z])(?:(?!" + _PAST_OR_STATE + r"\b)[\w'’$€£%.,-]+\s+){1,12}?"
    r"(?:next\s+(?:year|month|quarter|week|season|spring|summer|autumn|winter)|"
    r"in\s+(?:the\s+)?(?:last|first|second|third|fourth|final)\s+(?:(?:three|six)\s+months|"
    r"quarter|half)|(?:in|by|before)\s+(?:" + _MONTH_NAMES + r"|20\d\d)\b)",
    re.IGNORECASE,
)


# "Hale expects shipments to pass a million in 2031. Quorvant thinks that happens in 2029.":
# the event just named, dated by another source in the present tense.
_DATED_IN_PRESENT: Final = re.compile(
    r"\b(?:thinks?|reckons?|believes?|expects?)\s+(?:that\s+)?(?:that|it|this)\s+(?:happens|"
    r"comes|arrives|occurs|takes\s+place)\s+(?:in|by|before|around)\s+(?:(?:early|late|mid-?)\s*)?"
    r"(?:19|20)\d\d\b"
)


# "Then the euro goes back below $1.10": an answer's consequent, its condition in the question
# (LABELLING.md, round two (f)).
_THEN_PRESENT: Final = re.compile(
    r"^(?:[A-Z][A-Z'’.-]*:\s+)?[\"“‘']?(?:Then|In\s+that\s+case),?\s+(?:[\w'’$.-]+\s+){1,5}?"
    rf"(?:{_OUTCOME_PRESENT}|goes\s+(?:back|up|down|above|below)|stays|comes\s+back"
    # "Then the ten-year yield drifts back toward 2.4%": a market's move
    r"|(?:drifts|edges|slides|heads|moves|settles|climbs|sinks)\s+(?:back|up|down|higher|lower|"
    r"toward|towards|to|above|below)"
    # "Then the big lenders fall ...": a plural subject, the verb's bare form; "Then you lose
    # the main engine of investment": spoken English's general "you"
    rf"|(?<=s\s)(?:{_OUTCOME_PRESENT_PLURAL})|(?<=\byou\s)(?:{_OUTCOME_PRESENT_PLURAL}|get|see)"
    # "Then you'd see shipments fall by double digits": the same, with the modal
    r"|(?:(?<=\byou['’]d\s)|(?<=\byou\swould\s))(?:get|see))\b"
    # a figure or a time to check it by: "then the meeting ends" is no forecast; a point in
    # "the U.S. fall" ends no sentence
    r"(?=(?:[^.;]|\.(?=\s?\w))*?(?:\d|\bby\b|\bbefore\b|\bnext\b))"
)


# "On our numbers, the president is still the favourite", "On these figures, nobody governs
# alone": a result read off a forecaster's numbers, told in the present.
_ON_THE_NUMBERS: Final = re.compile(
    r"^(?:[A-Z][A-Z'’.-]*:\s+)?[\"“‘']?On\s+(?:our|my|their|these|those|the|current|today['’]s)\s+"
    r"(?:(?:current|latest|own|present)\s+)?(?:numbers|figures|polling|polls|models?|"
    r"projections?|estimates|data)\s*,\s+[^.;!?]{0,60}?\b(?:favourites?|favorites?|wins?|"
    r"loses?|governs?|majority|largest|biggest)\b"
)


# "calls that \"a long shot\"", "believes that is achievable": a source's odds on, or belief
# in, the event the sentence has just named.
_JUDGED_REACHABLE: Final = re.compile(
    r"\b(?:calls?|called|considers?|rates?)\s+(?:that|it|this)\s+[\"“‘']?(?:a|an)\s+"
    r"(?:long\s+shot|outside\s+(?:chance|bet)|remote\s+prospect)\b"
    r"|\b(?:I|[Ww]e|[Hh]e|[Ss]he|[Tt]hey)\s+(?:still\s+)?(?:believe|believes|think|thinks)\s+"
    r"(?:that\s+)?(?:that|it|this|the\s+target|the\s+goal)\s+(?:is|remains)\s+(?:still\s+)?"
    r"(?:achievable|attainable|within\s+reach|doable|out\s+of\s+reach|unachievable)\b"
)


# "Then she probably wins.": the hedge marks the consequent as a call, where the bare "then the
# meeting ends" needs a figure or a time to be one.
_THEN_HEDGED: Final = re.compile(
    r"^(?:[A-Z][A-Z'’.-]*:\s+)?[\"“‘']?(?:Then|In\s+that\s+case),?\s+(?:[\w'’$.-]+\s+){1,4}?"
    r"(?:probably|almost\s+certainly|most\s+likely|very\s+likely|likely|surely)\s+"
    rf"(?:{_OUTCOME_PRESENT}|{_OUTCOME_PRESENT_PLURAL})\b"
)


# "however tempting a giveaway may look", "however hard it might be": a concession granted
# for the sake of the argument, whatever degree the adjective names; no event is claimed.
_CONCESSIVE_BEFORE: Final = re.compile(
    # (not "however the bank could ...", a "but" without its comma)
    r"\b(?:however|no\s+matter\s+how)\s+(?!(?:the|a|an|it|this|that|they|we|he|she|i)\b)"
    r"[a-z]+\s+[^,;:.“”\"]{0,60}$",
    re.IGNORECASE,
)


_HARDLY_AFTER: Final = re.compile(
    r"^\s+(?:hardly|scarcely|barely|not)\s+(?:be|have\s+been)\s+(?:\w+er|more\s+\w+|better|worse)\b",
    re.IGNORECASE,
)


# "faster than the world could burn them": the subject of a comparison's clause.
_THAN_SUBJECT_BEFORE: Final = re.compile(r"\bthan\s+(?:[\w'’-]+\s+){1,3}$", re.IGNORECASE)
# "held on to their workers for as long as they could", "as fast as it can": an equal
# comparison whose measure is what someone was able to do, no outcome to come
_AS_SUBJECT_BEFORE: Final = re.compile(
    r"\bas\s+(?:long|much|far|many|fast|quickly|soon|hard|well|best|often|little|few)\s+as\s+"
    r"(?:[\w'’-]+\s+){1,3}$",
    re.IGNORECASE,
)


# "ministers should use ...": advice to people, not a forecast about the world.
_ADVISED_SUBJECT: Final = re.compile(
    r"\b(?:we|you|they|i|ministers|governments?|policymakers|politicians|people|officials|"
    r"leaders|investors|companies|firms|regulators|the\s+government|the\s+bank|"
    r"the\s+council|voters|households|everyone|anyone|parents|fans|adults|residents|drivers|"
    r"motorists|travell?ers|passengers|commuters|patients|customers|consumers|homeowners|"
    r"buyers|visitors|tenants|employers|schools|those|ministries|departments|authorities|"
    r"lawmakers|legislators|businesses|central\s+banks|the\s+ministry|farmers|growers|"
    # "GPs should not prescribe antibiotics": clinical advice to those who treat patients
    r"gps|doctors|nurses|clinicians|pharmacists|hospitals|clinics|care\s+homes)"
    # "People with heart and lung conditions should keep warm": the group, then who in it;
    # "People over 65 who have not yet had a flu jab should get one": the who may narrow it
    r"(?:\s+(?:with|over|under|aged|in|who\s+(?:have|are))\s+(?:[\w'’-]+\s+){0,8}?[\w'’-]+)?\s+$",
    re.IGNORECASE,
)


# "are expected to have fallen", "to have left": not "expects to have about 300 vehicles", whose
# "about" only ends like "left" or "spent".
_PERFECT_INFINITIVE: Final = re.compile(
    r"^\s*(?:to\s+)?have\s+(?!(?:about|almost|at|just|most|that|what|first|best|next)\b)"
    r"(?:been|[a-z]+(?:ed|en|wn|ne|t|ung|ought))\b",
    re.IGNORECASE,
)


_AS_IT_SHOULD_BEFORE: Final = re.compile(r"\b(?:how|as)\s+(?:it|things|they)\s+$", re.I)


# "We should see the count peak by June": what the speaker expects to observe, not advice.
_WE_SHOULD_SEE: Final = re.compile(r"\b(?i:we)\s+should\s+see\b")


# "should stand ready to tighten", "should remain cautious": what someone ought to do.
_ADVICE_AFTER: Final = re.compile(
    r"^\s+(?:(?:also|nonetheless|nevertheless|therefore|still|now)\s+)*(?:not\s+)?"
    r"(?:use|buy|sell|lock\s+in|hedge|hold\s+off|stock\s+up|"
    r"stand\s+ready|continue|consider|focus|aim|seek|avoid|ensure|"
    r"plan|prepare|take\s+steps|act|prioriti[sz]e|refrain|resist|keep\s+(?:an\s+eye|watch)|"
    r"check|ask|book|contact|consult|make\s+sure|register|apply|secure|wear|carry|"
    # "should look out for a letter from their surgery": what to watch for, urged
    r"(?:look|watch)\s+out\s+for|keep\s+an\s+eye\s+out|"
    # "should not rush to renew", "Nobody should pretend otherwise": haste or candour urged
    r"rush|hurry|panic|pretend|"
    # "should report crop damage to their district offices": a duty asked of them
    r"report\s+(?:any\s+|the\s+)?(?:[\w-]+\s+)?(?:damage|losses|cases|symptoms|incidents)\s+to\b|"
    r"get\s+(?:to|vaccinated|tested|checked)|arrive|allow\s+(?:extra|more|plenty)|"
    r"stay\s+(?:indoors|inside|home|away|off)|"
    r"(?:remain|be|stay)\s+(?:cautious|careful|prepared|ready|vigilant|prudent|alert|patient)|"
    # "it should fix the planning rules", "should stop promising a boom": a policy urged; not
    # "should stop rising", where a trend is called
    r"fix|scrap|abandon|overhaul|simplify|streamline|(?:stop|start)\s+(?!(?:rising|falling|"
    r"growing|increasing|declining|climbing|dropping|easing|slowing|picking|recovering)\b)"
    r"[a-z]+ing)\b",
    re.IGNORECASE,
)


# "the prospect of a runoff is likely": the noun names a future event.
_FUTURE_NOUN_BEFORE: Final = re.compile(
    r"\b(?:prospect|prospects|chance|chances|risk|likelihood|odds|possibility|threat)\s+"
    r"(?:of|that|for)\b[^,;]*$",
    re.IGNORECASE,
)


_SEES: Final = re.compile(
    # "X is more bullish, seeing Brent at $85 by September": the view, as a participle after
    # the stance it explains, with the level it puts a price at
    r"(?<=,\s)seeing\s+(?:[\w$%.&-]+\s+){1,4}?(?:at|below|above|near|around)\s+[$€£]?\d"
    # "X is more cautious, seeing shipments of 9 million to 10 million in 2029": or the amount
    # of what is to come, after the stance itself
    r"|\b" + MORE_OR_LESS_CAUTIOUS + r",\s+seeing\s+(?:[a-z][\w-]*\s+){1,3}?of\s+"
    r"(?:about\s+|around\s+|roughly\s+)?[$€£]?\d"
    r"|\b(?:sees|see|saw)\s+(?!(?:how|what|whether|if|why|where|when|who|which)\b)"
    # "see the S&P 500 ending the year at 6,300": an index's name may hold an ampersand
    r"(?:[\w$%.,&-]+\s+){1,5}?(?:(?!(?:during|morning|evening|nothing|something|anything|"
    r"everything|spring|thing|king|ring|bring|string|ceiling|funding|pricing|"
    # "a new building in town" is a noun; "stocks building through May" is stocks growing
    r"building(?!\s+(?:up|through|again|steadily|further|in\s+(?:every|each)))|"
    r"(?<=\ba\s)building|(?<=\bthe\s)building|"
    r"housing|shipping|lending|spending|earning|meaning|warning)\b)\w+ing|at|below|above|under|over|near|"
    r"around|as|between|in\s+(?:the\s+|a\s+)?range)\b"
    # "now sees nine hurricanes", "sees two more rate cuts", "sees 1.2% growth": a count or a
    # figure of what is to come; not "sees three reasons", which is an argument
    r"|\b(?:sees|see)\s+(?:about\s+|around\s+|roughly\s+|just\s+|only\s+|at\s+least\s+|"
    r"at\s+most\s+|up\s+to\s+|as\s+many\s+as\s+|more\s+than\s+|fewer\s+than\s+)?"
    r"(?:[$€£]?\d[\d.,]*\s?%?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?:more\s+|further\s+|fewer\s+|additional\s+)?(?!(?:reasons|ways|problems|options|"
    r"issues|things|signs|areas|factors|scenarios|risks|questions|lessons|possibilities)\b)"
    # "I see three parties' posters on the same block": a count of owners, of what is in view
    r"[a-z][\w-]*\b(?!['’])"
    # "sees a supply surplus of more than 3 million bpd": an amount of what is to come
    r"|\b(?:sees|see)\s+an?\s+(?:[a-z][\w-]*\s+){0,2}(?:surplus|deficit|shortfall|glut|"
    r"rise|fall|increase|decrease|decline|drop|gain|loss|growth|contraction|cut|hike|"
    r"profit|return|slowdown|rebound|recovery)\s+of\s+(?:about\s+|around\s+|roughly\s+|"
    r"almost\s+|nearly\s+|at\s+least\s+|up\s+to\s+|more\s+than\s+)?[$€£]?\d"
    # "now sees full-year revenue of about $16 billion": a measure's figure to come (not "sees
    # a collection of 40 paintings", which is what there is to be seen)
    r"|\b(?:sees|see)\s+(?:[a-z][\w-]*\s+){0,2}?(?:revenues?|sales|growth|inflation|earnings|"
    r"profits?|margins?|demand|output|production|deficits?|surplus|unemployment|shipments|"
    r"volumes|spending|investment|returns?|losses|income|gdp|exports|imports)\s+of\s+"
    # "now see growth of just 0.5%": a figure weighed as it is given
    r"(?:about\s+|around\s+|roughly\s+|almost\s+|nearly\s+|at\s+least\s+|up\s+to\s+|"
    r"more\s+than\s+|between\s+|just\s+|only\s+)?[$€£]?\d"
    # "We don't see a return to the canal before the summer": an event a time bounds
    r"|\b(?:sees|see)\s+an?\s+(?:[a-z][\w-]*\s+){0,2}?(?:return|recovery|rebound|pick-up|"
    r"upturn|turnaround|reopening|deal|cut|hike|rise|fall)\b(?=[^.;]{0,60}?\b(?:before|until|by|"
    r"this|next|in\s+(?:the\s+)?(?:first|second|spring|summer|autumn|winter|(?:19|20)\d\d))\b)"
    # "sees the Civic Union narrowly ahead, with 55 to 59 seats": a standing at the count, told
    # by the seats or the share it gives
    r"|\bsees\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'’&-]*\s+){1,4}?(?:[a-z]+ly\s+)?(?:ahead|behind|"
    r"in\s+front|on\s+top|level|first|second|third|largest)\b(?=,?\s+(?:with|on|at)\s+"
    r"(?:about\s+|around\s+|roughly\s+|between\s+)?\d[\d.,]*\s*(?:(?:to|-|and)\s*\d[\d.,]*\s*)?"
    r"(?:seats|%|per\s*cent|percent|points)\b)"
    # "sees volumes roughly flat", "sees demand unchanged": a level held, as a forecast
    r"|\bsees\s+(?:[a-z][\w-]*\s+){1,3}?(?:roughly\s+|broadly\s+|more\s+or\s+less\s+)?"
    r"(?:flat|unchanged|steady|stable)\b",
    re.IGNORECASE,
)


# "see the squeeze as temporary", "sees the risks as skewed to the upside": a judgement of
# what a thing is, with no event or time to check it by.
_SEEN_AS_A_JUDGEMENT: Final = re.compile(
    r"\s+(?:(?:largely|mostly|only|probably|likely)\s+)?(?:temporary|transitory|short-lived|"
    r"passing|manageable|overdone|overblown|exaggerated|limited|skewed)\b(?!\s+(?:until|to\s+\d))",
    re.IGNORECASE,
)


# "the committee wants to see clearer evidence", "would like to see rates at 3%": a wish.
_WISH_TO_SEE: Final = re.compile(
    r"\b(?:wants?|wanted|wanting|like|hopes?|hoped|hoping|needs?|needed|wish(?:es)?|waiting)\s+"
    r"to\s+$",
    re.IGNORECASE,
)


# "we saw it coming": hindsight about the present, no forecast.
_SAW_IT_COMING: Final = re.compile(r"(?:saw|see|seen)\s+(?:it|this|that|them)\s+coming\b", re.I)


# "estimates this year's crop at 22 million tonnes", "put the 2025-26 harvest at 1.1 million
# tonnes": a figure for a season or year not yet over.
# Who puts a figure or a turn somewhere: a model, or a forecaster ("I would put", "she puts").
_PUTS: Final = (
    r"(?:\b(?:models?|projections?|simulations?|forecasts?)\s+(?:now\s+|also\s+)?puts?"
    r"|(?<![\w'’])(?:I|[Ww]e)(?:['’]d|\s+would)?\s+put|\bputs)\s+"
)


# "Our models put the second-quarter increase at 12% to 15%", "I'd put the rise at 3%": a
# model's or a forecaster's size for a change; "puts last year's rise at 3%" of a writer's
# source may be a past figure, so only a model or a hedged "I'd put" says it of the future.
_MODEL_PUTS_CHANGE: Final = (
    r"|(?:\b(?:models?|projections?|simulations?)\s+(?:now\s+|also\s+)?puts?"
    r"|(?<![\w'’])(?:I|[Ww]e)(?:['’]d|\s+would)\s+put)\s+"
    r"(?:the\s+|its\s+)?(?:[\w-]+\s+){0,2}?(?:increase|rise|fall|decline|drop|growth|gain)\s+at\s+"
    r"(?:somewhere\s+)?(?:between\s+|about\s+|around\s+|roughly\s+)?[$€£]?\d"
)


_ESTIMATE_AT: Final = re.compile(
    r"\b(?:estimates|estimated|estimate|puts|put)\s+(?:the\s+|its\s+)?"
    r"(?:(?:this|next|the\s+coming)\s+(?:year|season|crop\s+year)['’]s\s+|"
    r"(?:19|20)\d\d(?:[-/](?:19|20)?\d\d)?\s+)"
    r"(?:[\w-]+\s+){0,2}?(?:crop|harvest|output|production|deficit|surplus|growth|demand|"
    r"supply|yield|exports|imports|shortfall)\s+at\s+(?:about\s+|around\s+|roughly\s+)?[$€£]?\d"
    # "Our models put the peak at between 5,000 and 6,000 a week": a model's figure to come
    r"|" + _PUTS + r"(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:peak|trough|high|low|top|bottom|total|count"
    # "Our models put the number of measles cases this year at between 300 and 450", "put
    # the number at 60 to 120"
    r"|number(?:\s+[\w-]+){0,5}?)\s+(?:at|nearer(?:\s+to)?|closer\s+to)\s+"
    r"(?:somewhere\s+)?(?:between\s+|about\s+|around\s+|roughly\s+)?[$€£]?\d"
    # "Our models put the peak in the second half of December": the model's timing of a turn
    r"|" + _PUTS + r"(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:peak|trough|turning\s+point)\s+"
    r"(?:in|around|by|before|nearer(?:\s+to)?|closer\s+to)\s+"
    r"(?:the\s+)?(?:(?:first|second|last|final)\s+(?:half|week|weeks|fortnight)\s+of\s+|"
    r"(?:early|mid|late)[\s-]+)?(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December|spring|summer|autumn|fall|winter|next\s+\w+"
    # "I would put the peak around Jan. 10": a month written short, with its day
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d{1,2})\b" + _MODEL_PUTS_CHANGE,
    re.IGNORECASE,
)


# "I'd put a June cut at about 60-40 in favour", "We would put a second term at 70%": the
# speaker's own odds on an event, named as a noun.
_PUT_CHANCE_AT: Final = re.compile(
    # "I'd put it at better than 80%": the event just named, by its pronoun
    # "Our staff put it at about 15 per cent": the speaker's own forecasters' figure, given as
    # the speaker's answer
    r"(?:(?<![\w'’])(?:I|[Ww]e)(?:['’]d|\s+would)\s+put|\b(?:[Oo]ur|[Mm]y)\s+(?:staff|team|"
    r"economists|forecasters|models?)\s+puts?)\s+(?:it\s+|(?:a|an|the)\s+(?:[\w-]+\s+){1,4}?)at\s+"
    r"(?:about\s+|around\s+|roughly\s+|better\s+than\s+|less\s+than\s+|more\s+than\s+)?"
    r"(?:\d{1,3}(?:\.\d)?\s?(?:%|per\s*cent|percent)|\d{2}-\d{2}\b(?:\s+(?:in\s+favou?r|against))?)"
)


# "I have the unemployment rate at 4.8% by the end of next year", "we have Brent at $60 in
# the fourth quarter": a forecaster "has" a figure for a time still to come in their model.
# "I have the Labour Alliance on 44 to 50 seats": a seat count is of the election to come,
# with no time named.
_HAVE_AT: Final = re.compile(
    r"\b(?:I|[Ww]e)\s+(?:(?:still|now)\s+)?(?:have|['’]ve\s+got|pencil(?:led)?\s+in)\s+"
    # not "we have seen prices rising to $90 in March", what was watched
    r"(?!(?:seen|had|been|watched|noticed|heard|got)\b)"
    r"(?:the\s+|our\s+|my\s+)?(?:[\w.'’-]+\s+){1,4}?"
    # "I have U.S. output rising to about 14.4 million barrels a day by December", "we have
    # Brent averaging $68 in the third quarter": the figure's course in the forecaster's model
    r"(?:at|on|(?:rising|falling|climbing|dropping|declining|growing|averaging|reaching|hitting|"
    r"peaking|ending|finishing|settling|easing|slipping)(?:\s+(?:to|at|around|near))?)\s+"
    r"(?:about\s+|around\s+|roughly\s+)?"
    r"[$€£]?\d[\d.,]*\s*%?"
    r"(?=[^.;]*?\b(?:by|in|through|next|until|at\s+the\s+end)\b"
    r"|(?:\s*(?:to|-|or)\s*\d+)?\s+seats\b)"
)


# "We model 38.5% for 2029", "I model about 4% in the fourth quarter": an analyst's own figure
# for a period to come, in a research note's idiom.
_WE_MODEL: Final = re.compile(
    r"\b(?:I|[Ww]e)\s+(?:(?:now|still)\s+)?(?:model|are\s+modell?ing|['’]re\s+modell?ing)\s+"
    r"(?:about\s+|around\s+|roughly\s+)?[$€£]?\d[\d.,]*\s*(?:%|per\s*cent|percent)?"
    r"(?:\s+[\w-]+){0,3}?\s+(?:for|in|by|over)\s+(?:(?:19|20)\d\d|next\b|this\b|"
    r"the\s+(?:first|second|third|fourth|full|coming|next)\b)"
)


# What a forecaster revises: "its forecast", "its 2026 Brent average", "their price target on
# the stock" (an analyst's forecast of the share price).
_FORECAST_NOUNS: Final = (
    r"(?:(?:forecast|estimate|projection|outlook|guidance|average)s?\b|price\s+target\b|"
    r"target\s+price\b|target(?=\s+(?:on|for)\s+(?:the\s+|its\s+)?(?:stock|shares)\b))"
)


# "raised its Brent forecast for the second half of the year to an average of $86 a barrel":
# the new figure is the forecast.
_REVISED_FORECAST: Final = re.compile(
    r"\b(?:raised|lowered|cut|revised|lifted|trimmed|increased|reduced|upgraded|downgraded|"
    r"(?<=,\s)(?:raising|lowering|cutting|lifting|trimming|revising))\s+"
    # "We have lowered our 2029 forecast for real GDP to 1.3%": a forecaster's own, in the
    # first person of a research note
    rf"(?:its|their|his|her|our)\s+(?:[\w-]+\s+){{0,2}}{_FORECAST_NOUNS}"
    # "cut its forecast ... to a 1.1% decline"
    r"(?:[^.;]|\.\d){0,80}?\bto\s+(?:an\s+average\s+of\s+|about\s+|around\s+|an?\s+)?[$€£\d]"
    # "kept its 2026 Brent average at $65", "was keeping its forecast of 1.1% growth": a
    # forecast restated
    r"|\b(?:kept|held|left|maintained|reaffirmed|keeping|holding|maintaining|reaffirming|"
    # "For 2030 we keep our forecast of 1.8%": the same restated in the present
    r"(?<=\bwe\s)(?:keep|hold|leave|maintain|reaffirm))\s+"
    r"(?:its|their|his|her|our)\s+(?:[\w-]+\s+){0,2}"
    # "kept its forecast for Brent to average $61": the figure after the verb it forecasts
    rf"{_FORECAST_NOUNS}(?:[^.;]|\.\d){{0,40}}?\b(?:at|of|to\s+(?:average|reach|hit|be))\s+"
    r"(?:about\s+|around\s+)?[$€£\d]"
    # "pushed back their forecast for the first cut to September from June": when it comes
    r"|\b(?:push(?:ed|es|ing)?\s+back|(?:brought|brings|bring(?:ing)?|mov(?:ed|es|ing)|"
    r"pull(?:ed|s|ing)?)\s+forward)" + MOVED_FORECAST + r"\s+[^.;]{1,60}?"
    r"\bto\s+(?:early\s+|mid-?|late\s+)?(?:(?-i:January|February|March|April|May|June|July|"
    r"August|September|October|November|December|Q[1-4])\b|next\s+year|(?:19|20)\d\d|"
    r"the\s+(?:first|second|third|fourth)\s+quarter)"
    # "Our 12-month price target falls to $142 from $156": a research note's own revision, told
    # in the present
    rf"|\b(?:our|my)\s+(?:[\w-]+\s+){{0,2}}{_FORECAST_NOUNS}\s+(?:(?:for|on)\s+[^.;]{{1,30}}?\s+)?"
    r"(?:falls|rises|goes|moves|drops|climbs|is\s+(?:cut|raised|lowered|trimmed|lifted|"
    r"reduced|increased))\s+to\s+(?:about\s+|around\s+)?[$€£\d]",
    re.IGNORECASE,
)


# "The Committee's forecast implies a policy rate of around 3.5 percent": a forecast's path.
_PROJECTION_IMPLIES: Final = re.compile(
    # "The center's drought outlook, released alongside the maps, shows drought developing":
    # an outlook, with an aside on when it came out
    # "The projected path for the policy rate implies a level of about 3%": the same path
    r"\b(?:forecasts?|projections?|rate\s+path|outlooks?|projected\s+path(?:\s+(?:for|of)\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,2}?[\w-]+)?)(?:,\s+(?:released|published|issued)"
    # "pointed to the bank's projected rate path, which shows the rate flat": a relative clause
    r"\b[^,;.]{1,80},|,\s+which"
    # "projections, which she said still held, show": a relative clause set aside
    r"|,\s+which\s+[^,;.]{1,80},"
    # "The policy rate path in the Monetary Policy Report implies": the report it is set out in
    r"|\s+in\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,4}?(?:report|statement|outlook|"
    r"review|update|bulletin)"
    # "projections published last month show": the same aside without commas; "published
    # today in the June Monetary Policy Report": where they came out
    r"|\s+(?:released|published|issued)\s+(?:(?:last|this|on|in)\s+[\w-]+|today|yesterday)"
    r"(?:\s+(?:in|with|alongside)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?(?:report|statement|"
    r"decision|outlook|review|update|bulletin))?"
    # "The policy rate path published with this decision": the decision it came out with
    r"|\s+(?:released|published|issued)\s+(?:with|alongside)\s+(?:this|the|today['’]s)\s+"
    r"(?:[\w'’-]+\s+){0,3}?(?:report|statement|decision|outlook|review|update|bulletin))?"
    r"\s+(?:now\s+|also\s+)?(?:implies|imply|envisages?|"
    # "is consistent with a rate of 3.25 per cent at the end of 2029": a level the path implies
    r"(?:is|are)\s+consistent\s+with\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:of\s+)?"
    r"(?:about\s+|around\s+|roughly\s+)?\d|"
    # "The bank's updated forecasts show inflation returning to 2.5%": what the body projects
    # "The revised outlook also pencilled in growth of 1.4%": a figure it writes down
    r"pencil(?:l?ed|s)?\s+in|"
    r"shows?|see|sees|points?\s+to)\b",
    re.IGNORECASE,
)


# "Modelling by the ministry's surveillance unit shows the outbreak infecting 600,000 people by
# the end of June": a course the modelling projects; what it "shows" of the past is a finding.
_MODELLING_SHOWS: Final = re.compile(
    r"\b(?i:modell?ing)(?:\s+(?:by|from)\s+[^,;.]{1,80}?)?\s+(?:now\s+)?(?:shows?|sees?|"
    r"points?\s+to|suggests?)\s+(?:the\s+|an?\s+)?(?:[\w'’-]+\s+){0,3}?[a-z]+ing\b"
    # "The models are leaning towards a weak El Niño developing by late summer": the outcome
    # the models favour, and when
    r"|\b(?i:models?)\s+(?:are\s+|is\s+)?(?:now\s+)?(?i:lean(?:s|ing)?)\s+(?i:towards?)\s+"
    r"(?:the\s+|an?\s+)?(?:[\w'’-]+\s+){0,3}?[a-z]+ing\s+(?i:by|in|before|through|over|into)\b"
    # "The institute's models put the peak in the week of Dec. 11": where a model puts the
    # turning point of a course still to come
    r"|\b(?:models?|modell?ing|projections?|simulations?)\s+(?:now\s+|also\s+)?puts?\s+the\s+"
    r"(?:[\w-]+\s+)?(?:peak|trough|top|bottom|high|low|height|crest|turning\s+point)\s+"
    r"(?:in|at|on|around|between|by)\b"
    # "Its modelling team put the number in hospital at the peak at between 2,400 and 3,600":
    # the level a model gives
    r"|\b(?:models?|modell?ing(?:\s+(?:team|unit|group))?|projections?|simulations?)\s+"
    # "The institute's modelling unit puts cumulative cases at between 350 and 450": the same,
    # for a count named by what it counts
    r"(?:now\s+|also\s+)?puts?\s+(?:the\s+)?(?:[\w-]+\s+)?(?:number|total|toll|count|figure|cost|"
    r"level|cases|deaths|infections|admissions)\b"
    r"(?:[^.;]|\.\d){0,120}?\bat\s+(?:between\s+|about\s+|around\s+|roughly\s+)?[$€£]?\d"
    # "At its height, they show between 80 and 120 patients admitted each day": the figures
    # at the course's peak, from the models just named
    r"|^\W*At\s+(?:its|the|their)\s+(?:height|peak),\s+(?:they|the\s+models?)\s+(?:show|see|have|"
    r"give|project)\s+(?:between\s+|about\s+|around\s+|roughly\s+|up\s+to\s+)?\d"
)


# "Its seat projection for May 3 gives the Greens between 40 and 46 seats", "the club's
# season simulations have Rovers finishing on 71 points": the figures a projection assigns.
# "gives the Greens 40 of the assembly's 90 seats": a share of a whole named by its owner.
# "The central projection has the jobless rate rising to 6%": a path to a figure.
_PROJECTION_GIVES: Final = re.compile(
    r"\b(?:projections?|simulations?|(?<=\bits\s)models?|(?<=\btheir\s)models?|"
    # "Its model has Labour winning 410 seats": a forecaster's model, by its owner
    r"(?<=\bour\s)models?|(?<=['’]s\s)models?|"
    # "its forecast, published in December, has the rate peaking at 4.9%": a body's forecast
    r"(?<=\bits\s)forecasts?|(?<=\btheir\s)forecasts?|(?<=\bour\s)forecasts?|"
    r"(?<=['’]s\s)forecasts?|"
    # "Our revised quarterly profile has output contracting by 0.2%": the forecaster's own
    # path for a figure, under the name a research note gives it
    r"(?<=\bour\s)(?:[\w-]+\s+){0,2}?(?:profile|baseline|base\s+case|central\s+case)|"
    # "They have the economy growing by 0.9% this year": the projections just named, again
    r"(?<=^They\s)(?=have\b)|(?<=\.\sThey\s)(?=have\b)|"
    # "It has Labour on 52 seats": the poll or projection just named, placing a party on a
    # count, where "It has 150 seats" or "it has won 52 seats" only tells what a body holds
    r"(?<=^It\s)(?=has\s+(?:the\s+)?(?:[\w'’-]+\s+){1,4}?on\s+\d))"
    # "The same projection puts Labour on 44 seats": where it puts a party, by its count
    r"\b[^;]{0,100}?\b(?:gives?|gave|has|have|puts?(?=\s+(?:the\s+)?(?:[\w'’-]+\s+){1,4}?on\s))\s+"
    r"(?:the\s+)?(?:[\w'’-]+\s+){1,4}?(?:(?:between\s+|about\s+|around\s+|roughly\s+)?"
    r"\d[\d.,]*\s*(?:%|per\s*cent\b|percent\b|seats\b|points\b|of\s+(?:the\s+)?(?:[\w-]+['’]s\s+)?"
    r"\d|and\s+\d)|(?:falling|rising|shrinking|growing|climbing|dropping|declining|increasing|"
    r"easing|peaking)\s+(?:to|by|at)\s+(?:about\s+|around\s+|roughly\s+)?[$€£]?\d"
    # "has the region needing 4,000 more workers by 2030", "have Vasquez finishing the year on
    # about 410 points": what the projection has someone do, measured
    r"|(?-i:[a-z]{3,}ing)\s+(?:[\w'’-]+\s+){0,4}?(?:about\s+|around\s+|roughly\s+|some\s+)?"
    r"[$€£]?\d[\d.,]*(?!\d))",
    re.IGNORECASE,
)


# "The Board's central projection, published today, is for inflation to fall to 2.5%": the
# forecast held now, stated as the course it sets for a figure.
_FORECAST_IS_FOR: Final = re.compile(
    r"\b(?:projections?|forecasts?|outlook|baseline|base\s+case|central\s+case)\b"
    r"(?:,[^,;]{1,100},)?\s+(?:is|remains|is\s+still)\s+for\s+(?:[\w'’-]+\s+){1,5}?to\s+"
    r"(?:fall|rise|slow|grow|climb|drop|ease|peak|stay|remain|reach|hit|average|return|decline|"
    r"increase|shrink|contract|expand|pick\s+up|recover|settle)\b",
    re.IGNORECASE,
)


# "In the bank's projections, inflation declines to 2.3 percent in 2028", "the ratio rises
# from 31 today to 38 in 2035 in the main projection": a path told in the present inside a
# projection named as its setting is the projection's, not a fact.
_PATH_IN_PROJECTION: Final = re.compile(
    r"^\s*(?:In|Under)\s+(?:(?:the\s+)?(?:[\w&.-]+\s+){0,4}?[\w&.-]+['’]s?|the|its|their|our)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:projections?|forecasts?|baseline|central\s+case)\b"
    # "In our projections, unemployment peaks at 5.4%": the level the course reaches
    r"[^.;,]{0,60},\s+[^.;]{1,80}?\b(?-i:[a-z]{2,}s)\s+(?:(?:from\s+(?:[^.;]|\.\d){1,40}?\s+)?"
    r"(?:to|(?<=peaks\s)at|(?<=bottoms\sout\s)at|(?<=tops\sout\s)at)\s+"
    r"(?:about\s+|around\s+|roughly\s+)?[$€£]?-?\d"
    # "In the Committee's projections, the output gap closes in the first half of 2030": the
    # year the course reaches its end
    r"|(?:in|by|during)\s+(?:[\w-]+\s+){0,5}?(?:19|20)\d\d\b)"
    r"|\b(?-i:[a-z]{3,}s)\s+(?:from\s+(?:[^.;]|\.\d){1,40}?\s+)?to\s+"
    r"(?:about\s+|around\s+|roughly\s+)?[$€£]?-?\d(?:[^.;]|\.\d)*?\bin\s+(?:the|its|their)\s+(?:main|central|baseline|latest)\s+"
    r"(?:projection|forecast)s?(?:,|\.?\s*$)"
)


# "Tolland's own forecast for growth is 0.7%": a body's forecast stated as its figure.
# "Its central projection is 61 seats for Unity", "The bank's central forecast is for growth
# of 1.2%", "Talbot's base case is two cuts next year": the same without what it is of.
_OWN_FORECAST_IS: Final = re.compile(
    r"(?:['’]s?|\b(?:its|their))\s+(?:(?:own|latest|new|current|central|main)\s+)?"
    r"(?:[\w-]+\s+)?(?P<noun>forecasts?|projections?|estimates?|(?<=base\s)case)\s+"
    r"(?:(?:for|of)\s+[^.;,]{1,60}?\s+)?(?:is|are|stands\s+at)\s+"
    r"(?:for\s+(?:[a-z][\w-]*\s+){0,3}?(?:of\s+)?)?(?:about\s+|around\s+|roughly\s+)?"
    r"(?:[$€£]?-?\d|(?:two|three|four|five|six)\s+[a-z])",
    re.IGNORECASE,
)


# "said the government's forecast of 1.3% growth next year still stood": a forecast reaffirmed
# by its figure, which the speaker still holds.
_FORECAST_STANDS: Final = re.compile(
    r"(?:['’]s?|\b(?:its|their|his|her|our))\s+(?:(?:own|latest|current|central)\s+)?"
    r"(?:forecasts?|projections?)\s+(?:of|for)\s+(?:about\s+|around\s+)?[$€£]?-?\d"
    r"(?:[^.;,]|\.\d){0,60}?\s+(?:still\s+)?(?:stood|stands|holds|held|remains|remained)\b"
    r"(?!\s+(?:at|in|on|by)\b)",
    re.IGNORECASE,
)


# "Marrow is slightly more cautious, at 1.6% growth": a forecaster set beside another by
# how far its figure goes.
_MORE_CAUTIOUS_AT: Final = re.compile(
    r"\b(?:is|are)\s+"
    + MORE_OR_LESS_CAUTIOUS
    + r"(?:\s+(?:on|about)\s+[^.;,]{1,30}?)?,?\s+at\s+(?:about\s+|around\s+)?[$€£]?-?\d",
    re.IGNORECASE,
)


# "expects a further cut when ...", "expects revenue of about $200 million this year".
_EXPECT_OBJECT: Final = re.compile(
    r"^\s+(?:a|an|the|its|their|his|her|our|\w+)\b[^.;]{0,100}?(?:\d|\b(?:this|next|coming|"
    r"current)\s+(?:\w+\s+)?(?:year|month|quarter|week|season|winter|summer|spring|autumn)s?\b|"
    # "a recovery in the second half", "a pick-up over the rest of the year"
    r"\b(?:first|second|third|fourth)\s+(?:quarter|half)\b|\b(?:rest|remainder)\s+of\s+the\b|"
    r"\bwhen\b|"
    r"\bby\s+\w|"
    # "a winter wave as large as last year's", "a season worse than 2024": measured against
    # one that a reader can look up
    r"\bas\s+(?:large|big|severe|bad|strong|high|low|long|early|late|deep|wet|dry|hot|cold)\s+as\b|"
    r"\b(?:larger|bigger|worse|better|stronger|weaker|higher|lower|longer|shorter|deeper|"
    r"wetter|drier|hotter|colder|earlier|later)\s+than\b|"
    # "expects a milder and wetter winter than usual", "a tougher year": a season still to come,
    # told by how it will differ
    r"\b(?:milder|wetter|drier|warmer|colder|hotter|stormier|snowier|busier|quieter|tougher|"
    r"harder|better|worse)\s+(?:and\s+[a-z]+er\s+)?(?:[a-z]+\s+)?(?:winter|summer|spring|"
    r"autumn|season|year|quarter|harvest|crop)\b|"
    # "expects a draw", "expects a narrow home win": a match's result, settled when it is played
    r"\b(?:draw|win|victory|defeat)\b|"
    # "expects a rebound in the spring": a season named as the one to come
    r"\b(?:in|by|over)\s+the\s+(?:spring|summer|autumn|fall|winter|new\s+year)\b|"
    # "I expect the peak in late May": the part of the month it comes in
    r"\bbefore\b|\bwithin\b|\b(?:on|until|in)\s+(?:(?:early|mid|late)[\s-]+)?(?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|january|february|march|april|may|june|july|august|september|october|"
    r"november|december)\b)",
    re.IGNORECASE,
)


# "We are not in a recession and we do not expect one": the event denied now is expected, or
# not, in the time just ahead.
_DENIED_NOW: Final = re.compile(
    r"\b(?:not|no\s+longer)\s+in\s+an?\s+(?!position\b)(?:[a-z-]+\s+){0,2}?[a-z-]+,?\s+"
    r"(?:and|but)\s+"
    r"(?:[a-z’']+\s+){1,4}$",
    re.IGNORECASE,
)
_ONE_AFTER: Final = re.compile(r"^\s+one\b(?!\s+(?:of|in|day|more)\b)", re.IGNORECASE)


_TO_VERB_AFTER: Final = re.compile(r"^[\s\"”’]*to\s+[a-z]", re.IGNORECASE)


_EXPECT_COMPLEMENT: Final = re.compile(
    # "expects AI PCs, machines with dedicated chips for ..., to account for": an object
    # described in an aside between commas; "expect sales in the remaining eight weeks of the
    # year to be flat": an object with the period it is measured over
    r"^(?:\s+[\w’'%.,\"“”-]+){0,12}?(?:,[^,.;:]{1,100},)?\s+to\s+[a-z]|^\s+that\b",
    re.IGNORECASE,
)


# "said a coalition was (increasingly) likely": the hedge of a reported view, backshifted
_BACKSHIFTED_HEDGE: Final = re.compile(
    r"\b(?:was|were)\s+(?:increasingly\s+|now\s+|still\s+|also\s+)?[\"“‘]?$", re.IGNORECASE
)


def _cues(
    sentence: Sentence,
    regions: list[tuple[int, int]],
    attribution: _Attribution,
) -> list[_Cue]:
    """Every cue in the sentence, before asking whether its hedge words look ahead."""
    text = sentence.text
    cues = [
        cue
        for match in ICD_203.find(text)
        if (cue := _phrase_cue(text, match, regions, attribution)) is not None
    ]
    explicit = find_explicit_probability(text)
    if explicit is not None and (
        _MARKET_IMPLIED.search(text, 0, explicit.end)
        or ("pric" in text and _MARKET_PRICED.search(text, 0, explicit.start))
    ):
        explicit = None  # what prices imply is a fact about the market, no one's forecast
    if explicit is not None and "had " in text and _HAD_PUT.search(text, 0, explicit.start):
        explicit = None  # "the agency had put the chance ... at 80%": a belief since revised
    general = _CHANCE_IN_GENERAL.match(text) if explicit is not None else None
    if explicit is not None and general is not None and explicit.start < general.end():
        explicit = None  # "A 60% chance is not a promise.": a chance of no event at all
    if explicit is not None and attribution.speaker is None and _unnamed_odds(explicit.text):
        explicit = None  # "is out at 10/1": odds with no bookmaker named (LABELLING.md)
    if explicit is not None:
        cues.append(
            _Cue(
                "explicit",
                explicit.start,
                explicit.end,
                explicit.text,
                explicit.probability,
                "stated",
                _CONFIDENCE["explicit"],
                "explicit probability",
            )
        )
    # "..., the national weather service said": a body the next sentences name is a source
    cues.extend(_verb_cues(text, attribution.speaker is not None or attribution.verb_start >= 0))
    likeliest = _LIKELIEST_OUTCOME.search(text) if "likel" in text else None
    if likeliest is not None:
        # the hedge words name which outcome is called, on no scale of likelihood
        cues = [
            cue
            for cue in cues
            if not (cue.kind == "hedge" and likeliest.start() <= cue.start < likeliest.end())
        ]
        cues.append(
            _plain_cue("opinion", likeliest.start(), likeliest.end(), "the likeliest outcome named")
        )
    if "hear" in text or " tell" in text or " told" in text:
        # "I keep hearing that prices will come down", "Anyone who tells you prices will never
        # go back up": what others say, passed on or mocked, is not the speaker's call
        cues = [
            cue
            for cue in cues
            if not _HEARSAY_BEFORE.search(text, max(0, cue.start - _LOOK_AROUND), cue.start)
        ]
    if "defin" in text or "mean" in text:
        # 'it defines "highly unlikely" as a 10% to 20% chance': a scale's words explained
        defined = _DEFINED_TERM.search(text)
        cues = [cue for cue in cues if defined is None or cue.start < defined.start()]
    rating = _RACE_RATING.search(text) if "Lean" in text or "Toss" in text else None
    if rating is not None:
        cues = [cue for cue in cues if not rating.start() <= cue.start < rating.end()]
        cues.append(_rating_cue(rating))
    # "Asked whether the harvest could fall ...": an indirect question claims nothing
    cues = [
        cue
        for cue in cues
        if not _INDIRECT_QUESTION.search(text, max(0, cue.start - _LOOK_AROUND), cue.start)
        or _odds_on_whether(text, cue)
    ]
    if "had " in text:
        # 'the institute had said the truce would "probably not survive"': a belief recalled
        cues = [cue for cue in cues if not _recalled_belief(text, cue.start)]
    if "ago" in text or "In " in text:
        # "Three years ago, an importer could expect a bill of $7,000": what held then
        cues = [cue for cue in cues if not _PAST_FRAME_COULD.search(text, 0, cue.start)]
    # a quotation has a speaker even when the sentence naming it comes later
    quoted = _quote_only(text, regions)
    if (attribution.speaker is not None or quoted) and not attribution.generic:
        cues.extend(_conditional_present(text))
    return cues


# "The most likely outcome of next week's round is a narrow deal", "The likeliest winner, on
# current polling, is Ortiz": what is called the likeliest of outcomes still to be decided is
# a call on it, with no figure of likelihood (LABELLING.md, seventeenth and twenty-sixth
# splits); "the most likely cause was" looks back, and its noun is not one of these.
_LIKELIEST_OUTCOME: Final = re.compile(
    r"\b(?:most\s+likely|likeliest)\s+(?:outcome|result|scenario|winner|loser|opponent|"
    r"replacement|successor|challenger|nominee|coalition|government|next\s+(?:step|move))\b"
    r"(?:\s+(?:of|in|for|at)\s+[^,;.]{1,60}?)?(?:,\s+[^,;.]{1,60}?,)?\s+(?:is|will\s+be)\s",
    re.IGNORECASE,
)


# "A 60% chance is not a promise.", "A one-in-three chance means ...": a figure spoken of as
# such, opening the sentence with an indefinite article and no "of" or "that" to name an event.
_CHANCE_IN_GENERAL: Final = re.compile(
    r"^\W*(?:a|an|any)\s+(?:[\w.%-]+\s+){1,3}?(?:chance|probability|likelihood)\s+"
    r"(?:is|isn['’]t|was|wasn['’]t|means|does|doesn['’]t|still)\b(?!\s+(?:what|the\s+\w+\s+we)\b)",
    re.IGNORECASE,
)


# "moved the race from Likely Democratic to Lean Democratic", 'rates the seat "Toss Up"': a
# race rating, the rater's call on who is ahead; its category words are no hedge of their own.
_RACE_RATING: Final = re.compile(
    r"\b(?:rates|rated|rate|moved|moves|shifted|shifts|changed|changes)\s+"
    r"(?:[\w'’.-]+\s+){1,4}?(?:from\s+[\"“]?(?:Safe|Solid|Likely|Lean|Tilt|Toss)\b[^.;]{0,40}?\s+)?"
    r"(?:to\s+|as\s+)?[\"“]?(?:an?\s+)?"
    r"(?P<rating>(?:Lean|Leans|Tilt|Tilts)\s+[A-Z][\w'’-]+|Toss[- ]?[Uu]p)\b"
)


def _rating_cue(rating: re.Match[str]) -> _Cue:
    """A toss-up gives even odds; a lean names a favourite with no figure."""
    if rating.group("rating").startswith("Toss"):
        return _Cue(
            "opinion",
            rating.start(),
            rating.end(),
            "toss-up",
            0.5,
            "verbal",
            _CONFIDENCE["opinion"],
            "a race rated a toss-up",
        )
    return _plain_cue("opinion", rating.start(), rating.end(), "a race rating")


def _recalled_belief(text: str, start: int) -> bool:
    """A cue inside what someone "had said" or "had expected", with no later view ("but now
    says") turning the sentence to the present."""
    window = max(0, start - _LOOK_AROUND)
    belief = _PAST_BELIEF.search(text, window, start)
    if belief is None or _LATER_VIEW.search(text, belief.start(), start) is not None:
        return False
    revised = _AND_THEN.search(text, belief.start(), start) and _REVISION_VERB.match(text, start)
    return not revised


_LATER_VIEW: Final = re.compile(
    r"\b(?:but|now|however|while|whereas|yet|since)\b|\b(?:says|expects|thinks)\b",
    re.IGNORECASE,
)
# "... than they had expected and pushed back their forecast": the main clause goes on with a
# revision of its own, after the belief it recalls.
_AND_THEN: Final = re.compile(r"\band\s+(?:also\s+|then\s+)?$")
_REVISION_VERB: Final = re.compile(
    r"(?:pushed|brought|moved|pulled|raised|lowered|cut|revised|lifted|trimmed|upgraded|"
    r"downgraded)\b"
)


# "Three years ago, ... could expect", "In 2019, a buyer could expect": past ability, framed
# by a time gone by at the head of the sentence.
_PAST_FRAME_COULD: Final = re.compile(
    r"^\W*(?:(?:\w+\s+){1,2}(?:years?|months?|decades?)\s+ago|in\s+(?:19|20)\d\d),[^.;]*"
    r"\bcould\s+(?:\w+ly\s+)?$",
    re.IGNORECASE,
)


# "In May, the agency's decadal update had put the chance ... at 80%": the pluperfect sets the
# figure before a later view, as "had expected" does.
_HAD_PUT: Final = re.compile(
    r"\bhad\s+(?:\w+\s+)?(?:put|given|rated|estimated|seen|priced|assessed|set)\b[^;]*$",
    re.IGNORECASE,
)


# "Market pricing implied a roughly 80% chance", "futures price in a 60% probability".
# ("5-2 against", "4-6 on": the same odds written with a hyphen)
_FRACTIONAL_ODDS: Final = re.compile(
    r"(?P<a>\d{1,3})(?:/|-(?=\d{1,3}\s+(?:against|on)\b))(?P<b>\d{1,3})|evens", re.IGNORECASE
)


def _unnamed_odds(figure: str) -> bool:
    """A bookmaker's odds ("at 10/1", "evens"), not a split of a hundred ("50/50")."""
    odds = _FRACTIONAL_ODDS.search(figure)
    return odds is not None and (
        odds.group("a") is None or int(odds.group("a")) + int(odds.group("b")) != 100
    )


# "Traders are pricing in an 85% chance", "futures markets priced roughly a 60% chance":
# market pricing, a fact (LABELLING.md, seventh split).
_MARKET_PRICED: Final = re.compile(
    r"\b(?:traders|markets?|futures|investors|swaps?|options|money\s+markets)\b[^.;]{0,40}?"
    r"\bpric(?:ed|es|ing|e)\b(?:\s+in)?[^.;]{0,30}$",
    re.IGNORECASE,
)


_MARKET_IMPLIED: Final = re.compile(
    r"\b(?:market|markets|futures|swaps?|options|pricing|prices)\b[^.;]{0,60}?\b(?:implied|imply|"
    r"implies|priced\s+in|price\s+in|prices\s+in|pricing\s+in|point(?:s|ed)?\s+to)\b[^.;]*$"
    # "Futures markets now put the probability of a cut at about 90%": the market's odds
    # "contracts on the Bellwether exchange put his chances at about 55%": a prediction
    # market's price, as a futures market's
    r"|\b(?:markets|futures|traders|investors|swaps|contracts)"
    r"(?:\s+(?:on|at|in)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:exchange|market|platform))?"
    r"\s+(?:now\s+|currently\s+)?(?:put|see|assign|"
    r"give)\s+(?:the\s+|a\s+|an\s+)?(?:(?:[\w%.'’-]+\s+){0,3}?(?:probability|odds|chances?|"
    r"likelihood)\b|(?:about\s+|around\s+|roughly\s+)?\d)[^.;]*$",
    re.IGNORECASE,
)


# "I keep hearing that", "we are told that", "anyone who tells you": a view heard from others.
_HEARSAY_BEFORE: Final = re.compile(
    r"(?:\b(?:I|we)\s+(?:keep\s+|kept\s+|have\s+|'ve\s+|’ve\s+)?(?:hearing|hear|heard)|"
    r"\b(?:I|we)\s+(?:am|are|was|were|'m|’m|'re|’re|keep\s+being|have\s+been)\s+(?:being\s+)?told|"
    r"\b(?:anyone|anybody|whoever|those|people)\s+who\s+(?:tells?|told|says?|said|claims?)"
    r"(?:\s+(?:you|us|me))?)\s+(?:that\s+)?[^,;:.]*$",
    re.IGNORECASE,
)


# 'defines "likely" as', '"remote" means', 'uses "probable" to mean': a word of a scale explained.
_DEFINED_TERM: Final = re.compile(
    r"\b(?:defines?|defined|defining)\s+[\"“‘'][^\"“”’]{1,40}[\"”’']\s+as\b"
    r"|[\"“‘'][^\"“”’]{1,40}[,.]?[\"”’']\s+(?:means|meant|stands\s+for|corresponds\s+to)\b"
    r"|\buses?\s+[\"“‘'][^\"“”’]{1,40}[\"”’']\s+(?:to\s+mean|for)\b",
    re.IGNORECASE,
)


# "Asked whether ...", "Asked who would win, he said ...": a question put, not a claim
_INDIRECT_QUESTION: Final = re.compile(
    r"\b(?:whether|(?:asked|asking|wondered|wondering|decide|decides|decided|deciding|"
    r"determine|determines|determined)\s+(?:\w+\s+)?(?:if|how|what|when|why|who|which)"
    # "he was blunt about what that might mean": the question a remark was about
    r"|about\s+(?:what|how|whether|who|which))"
    r"\b[^,;:“”\"]*$",
    re.IGNORECASE,
)


# "Whether the Greens or Homeland finishes third is a coin toss": the whether-clause is the
# event the odds are given on, not a question put.
_WHETHER_SUBJECT: Final = re.compile(r"^\W*Whether\s")


def _odds_on_whether(text: str, cue: _Cue) -> bool:
    return _WHETHER_SUBJECT.match(text) is not None and bool(
        _PREDICATIVE_BEFORE.search(text[max(0, cue.start - _LOOK_AROUND) : cue.start])
    )


# "with cheaper fuel " before "expected to": an absolute clause, its passive nobody's view.
_WITH_BEFORE: Final = re.compile(
    r"\bwith\s+(?:(?!(?:is|are|was|were|has|have|had|said|says)\b)[\w'’$%.-]+\s+){1,5}$",
    re.IGNORECASE,
)


_PERFECT_BEFORE: Final = re.compile(r"\b(?:has|have|had|'ve|’ve)\s+$", re.IGNORECASE)


_GROUP_DESCRIBED_BEFORE: Final = re.compile(
    r"\b(?:who|which|that)\s+(?:are|is|were|was)\s+(?:also\s+)?(?:the\s+|among\s+the\s+)?"
    r"(?:[a-z]+\s+){0,2}(?:most|least|more|less)\s+$",
    re.IGNORECASE,
)


_ADJECTIVE_HEDGES: Final = frozenset({"likely", "unlikely", "probable", "improbable"})


# "is widely seen as", "are considered", "was thought": a judgement in the passive, with its
# holders left unnamed (LABELLING.md, unattributable).
_JUDGED_PASSIVE_BEFORE: Final = re.compile(
    r"\b(?:is|are|was|were|be|been)\s+(?:\w+ly\s+|now\s+|still\s+)?(?:seen|viewed|regarded|"
    r"considered|thought|deemed|judged)\s+(?:as\s+)?(?:(?:very|highly|increasingly|more|less)\s+)?$",
    re.IGNORECASE,
)


_ATTRIBUTIVE_BEFORE: Final = re.compile(r"\b(?:a|an)\s+$", re.IGNORECASE)


# "will never accept", 'would "never" prop up': a refusal, which the one refusing decides.
_REFUSAL_AFTER: Final = re.compile(
    r"^[\s\"”’']*(?:accept|allow|tolerate|permit|recogni[sz]e|agree\s+to|give\s+up|surrender|"
    r"cede|back\s+down|bow\s+to|negotiate|prop\s+up|support|endorse|sign|abandon|betray)\b",
    re.IGNORECASE,
)


# The speaker's own side as the subject: "we", "I", "my government", "his party".
_OWN_SIDE_BEFORE: Final = re.compile(
    r"(?:\b(?:i|we)|\b(?:my|our|his|her|their)\s+(?:[\w-]+\s+)?(?:government|party|country|"
    r"side|people|nation|administration|movement|union|club|company|coalition))"
    r"\s+(?:will|would|shall)?\s*[\"“‘']?\s*$",
    re.IGNORECASE,
)


_NOUN_NEXT: Final = re.compile(r"^\s+(?!to\b)[A-Za-z]")


# "X is certain.", "She is sure of it.": a person's certainty, with no event after it; "A win
# is certain." names the event before the word, and is a forecast.
_STANCE_WORDS: Final = frozenset({"certain", "sure", "confident", "almost certain"})
_STANCE_END: Final = re.compile(r"^\s*(?:of\s+(?:it|that|this))?\s*[.;!]")
_IS_BEFORE: Final = re.compile(
    r"\b(?:is|are|was|were|seems|sounds)\s+(?:(?:very|quite|so|just\s+as|as)\s+)?$"
)
# What a record can settle as the subject: "A majority is certain", "Their defeat is certain".
_ITS_OUTCOME_BEFORE: Final = re.compile(
    r"\b(?:win|victory|defeat|majority|recession|cut|rise|fall|deal|outcome|result|"
    r"approval|collapse|return|increase|decline|default|strike|merger|agreement)s?\b"
    r"(?:\s+(?:now|still|all\s+but|virtually|almost|nearly))*\s+(?:is|are|was|were|seems)\b"
)


def _phrase_cue(
    text: str, match: PhraseMatch, regions: list[tuple[int, int]], attribution: _Attribution
) -> _Cue | None:
    phrase = match.entry.phrase
    before = text[max(0, match.start - _LOOK_AROUND) : match.start]
    after = text[match.end : match.end + _LOOK_AROUND]
    if match.text.startswith("May") and before.strip():
        return None  # the month, not the modal
    if "poll" in before and _TOLD_POLLSTERS_BEFORE.search(before):
        return None  # "a quarter of voters tell pollsters they would never": a survey's finding
    if " who " in before and _SAY_OF_THEMSELVES_BEFORE.search(before):
        return None  # "among voters who say they are certain to vote": which voters are counted
    if phrase == "never" and _PERFECT_BEFORE.search(before):
        return None  # "something that has never happened": the past, not a forecast
    if "never" in phrase and _REFUSAL_AFTER.match(after) and _OWN_SIDE_BEFORE.search(before):
        return None  # "his government will never accept": a stance on its own acts, a vow
    if _PERFECT_INFINITIVE.match(after) and (phrase.endswith(" to") or after.lstrip()[:3] == "to "):
        return None  # "are expected to have fallen last week": a belief about the past
    if (
        phrase == "likely"
        and before.rstrip().endswith(("most", "least", "more", "less"))
        and _GROUP_DESCRIBED_BEFORE.search(before)
    ):
        return None  # "homeowners, who are the people most likely to vote": who they are
    if (
        phrase in _ADJECTIVE_HEDGES
        and attribution.speaker is None
        and _JUDGED_PASSIVE_BEFORE.search(before)
    ):
        return None  # "A return to $80 is seen as unlikely": judged so by no one named
    if (
        phrase in _ADJECTIVE_HEDGES
        and _ATTRIBUTIVE_BEFORE.search(before)
        and _NOUN_NEXT.match(after)
    ):
        return None  # "to claim an unlikely title": a description of the thing, not a forecast
    if (
        phrase in _STANCE_WORDS
        and _STANCE_END.match(after)
        and _IS_BEFORE.search(before)
        and not _ITS_OUTCOME_BEFORE.search(before)
    ):
        return None  # "Kalder, naturally, is certain.": how sure a person is, of nothing named
    if "surprised" in phrase and _SURPRISED_BY_AFTER.match(after):
        return None  # "People will be surprised by this team": a feeling about a thing
    kind: CueKind
    if phrase in _WEAK_PHRASES:
        if _HARDLY_AFTER.match(after):
            return None  # "a calendar that could hardly be kinder": a judgement of the present
        if (
            phrase.startswith(("should", "ought"))
            and (_ADVISED_SUBJECT.search(before) or _ADVICE_AFTER.match(after))
            and not _WE_SHOULD_SEE.search(before + match.text + after[:8])
        ):
            return None
        if phrase == "should" and _AS_IT_SHOULD_BEFORE.search(before):
            return None  # "that is how it should be": a judgement of what is right
        if match.text.startswith("Should") and not before.strip(" \"“‘'"):
            return None  # "Should the krone weaken, ...": a condition, inverted
        if phrase in {"could", "might"} and _THAN_SUBJECT_BEFORE.search(before):
            return None  # "faster than the world could burn them": a comparison's measure
        if phrase in {"could", "might", "can"} and _AS_SUBJECT_BEFORE.search(before):
            return None  # "for as long as they could": the measure of an equal comparison
        if phrase == "could" and _NOT_AFTER.match(after) and _PAST_AND_BEFORE.search(before):
            return None  # "looked at the polls and could not resist": past ability
        if phrase in {"could", "might", "may"} and _VAGUE_OUTCOME.match(after):
            return None  # "could come under pressure": nothing a reader could check
        if phrase in {"may", "might"} and _HAVE_TO_AFTER.match(after):
            return None  # "Some clinics may have to close": a bare may of need, a possibility
        if phrase == "may" and _PERMITTED_ACT.match(after):
            return None  # "Visitors may return at once": a permission (LABELLING.md, (b))
        if phrase in {"could", "might", "may"} and _CONCESSIVE_BEFORE.search(before):
            return None  # "however tempting a tax cut may look": a concession, no event
        kind = "weak"
    elif match.entry.note.startswith(_DENIAL_NOTE_PREFIX):
        kind = "denial"
    elif phrase in _MODAL_PHRASES:
        if not _valid_modal(phrase, before + _subject_in(match.text), after, text, attribution.own):
            return None
        if _arrangement(text, match.start, after, attribution):
            return None
        kind = "modal"
    elif phrase in _WOULD_PHRASES:
        if not _valid_would(match.start, before, after, text, regions, attribution):
            return None
        if _arrangement(text, match.start, after, attribution):
            return None
        kind = "reported"
    elif phrase in EXPECT_PHRASES:
        bare_verb = phrase not in {"would expect", "expected to"}
        if (
            bare_verb
            and (
                _noun_use(text, match.start)
                or not (
                    _EXPECT_COMPLEMENT.match(after)
                    or _EXPECT_OBJECT.match(after)
                    or (_ONE_AFTER.match(after) and _DENIED_NOW.search(before))
                )
            )
            and not (phrase == "expected" and _sourced_figure_expected(before, after, attribution))
        ):
            return None
        if _AGENTLESS_PASSIVE.search(before) and attribution.speaker is None:
            return None
        if (
            phrase == "expected to"
            and attribution.verb_start in (-1, match.start)
            and _WITH_BEFORE.search(before)
        ):
            return None  # "shares rose, with cheaper fuel expected to lift margins": unsourced
        if _WH_EXPECT_BEFORE.search(before):
            return None  # "how political scientists expect the vote to go": a topic announced
        if _NOBODY_BEFORE.search(before):
            return None  # "Nobody expects us to win": no one holds it, a mood reported
        if _DEMANDED_OF.match(after):
            return None  # "expected both sides to honour the truce": a demand
        if (
            _DOING_AFTER.match(after)
            and _FIRST_PERSON_BEFORE.search(before)
            and not _FIGURE_IN.search(text)
        ):
            return None  # "I expect to be writing this column again": what I will be doing
        if phrase == "expecting" and _EXPECTING_A_CHILD.match(after):
            return None  # "she is expecting a baby in March": a pregnancy, not a forecast
        if re.search(r"\bhad\s+(?:been\s+)?(?:\w+ly\s+)?$", before, re.IGNORECASE) or (
            "had " in before and _PAST_BELIEF.search(before)
        ):
            return None  # "traders who had expected", "had said it expected": a past belief
        if phrase == "expected" and _COMPARED_WITH_BELIEF.search(before):
            return None  # "stronger than we expected in June": measured against a past belief
        if phrase == "expected" and _SETTLED_SINCE.match(after):
            return None  # "We expected it to hold at 30, and it went to 45": settled since
        if (
            phrase in {"expected to", "expects", "expect", "expecting"}
            and _PUBLISHES_AFTER.match(after)
            and not _SHARE_COUNTED_AFTER.match(after)
            and not _count_results_expected(before, after)
        ):
            return None  # "it expected to publish official results on Monday": a timetable
        if phrase == "expected to" and _THAN_BEFORE.search(before):
            return None  # "more resilient than expected to tariffs": measured, not expected
        kind = "forecast_verb"
    else:
        kind = "hedge"
    probability = match.entry.probability
    if probability is not None and "surprised" in phrase and _NEGATED_IF_AFTER.match(after):
        # "I'd be surprised if this isn't a severe season": the surprise is at the outcome
        # not coming, so the outcome is as likely as its absence would be unlikely
        probability = round(1 - probability, 3)
    if (
        probability is not None
        and kind == "hedge"
        and phrase.endswith(" not")
        and _NOT_UNTIL_AFTER.match(after)
    ):
        # "with the result probably not known until Monday": "not ... until" dates the event
        # rather than denying it, so the hedge is of its coming then, a delay
        probability = round(1 - probability, 3)
    return _Cue(
        kind,
        match.start,
        match.end,
        phrase,
        probability,
        "verbal",
        _CONFIDENCE[kind],
        f"{kind.replace('_', ' ')} '{phrase}'",
    )


# "will be surprised by this team", "would be surprised at how quickly": surprise at a thing
# or a manner, which no likelihood scale reads, unlike "surprised if" or "surprised to see".
_SURPRISED_BY_AFTER: Final = re.compile(r"\s+(?:by|at)\b", re.IGNORECASE)


# "probably not known until", "almost certainly not be finished until the spring"
_NOT_UNTIL_AFTER: Final = re.compile(
    r"\s+(?:be\s+|have\s+|get\s+)?(?:[a-z]+\s+){0,2}?until\b", re.IGNORECASE
)


# "surprised if this isn't ...", "surprised if they didn't cut": the outcome, denied
_NEGATED_IF_AFTER: Final = re.compile(
    r"\s+if\s+[^,;.]{0,60}?\b(?:isn['’]t|aren['’]t|wasn['’]t|weren['’]t|doesn['’]t|don['’]t|"
    r"didn['’]t|won['’]t|wouldn['’]t|not|never)\b",
    re.IGNORECASE,
)


_EXPECTING_A_CHILD: Final = re.compile(
    r"\s+(?:a\s+(?:baby|child|son|daughter)|twins|(?:her|their|his)\s+(?:first|second|third)\s+"
    r"(?:child|baby))\b",
    re.IGNORECASE,
)


# "Roughly a quarter of voters tell pollsters they would never vote for her": what those
# surveyed say of themselves today, a share measured, not anyone's forecast.
_TOLD_POLLSTERS_BEFORE: Final = re.compile(
    r"\b(?:tell|tells|told|telling)\s+(?:the\s+)?(?:pollsters|polls?|surveys?)\s+(?:that\s+)?"
    r"(?:they|he|she|it)\s+(?:still\s+)?$",
    re.IGNORECASE,
)


# "among voters who say they are certain to take part", "those who said they would": a
# group picked out by what its members say of themselves, not anyone's forecast.
_SAY_OF_THEMSELVES_BEFORE: Final = re.compile(
    r"\bwho\s+(?:say|says|said|tell\s+pollsters|told\s+pollsters)\s+(?:that\s+)?they\s+"
    r"(?:are|were|'re|’re)?\s*(?:(?:absolutely|very|fairly|quite)\s+)?$",
    re.IGNORECASE,
)


# "Here is ... how political scientists expect the vote to go", "what traders expect": an
# expectation named as a topic, not held.
_WH_EXPECT_BEFORE: Final = re.compile(
    r"\b(?:how|what|whether|when)\s+(?:(?:the\s+|most\s+|many\s+)?[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)


# "I expect to be writing", "we expect to be working": the speaker's own activity in the
# progressive, what they will be busy with, planned; with a figure ("we expect to be selling
# a million a year") it is a level others decide too.
_DOING_AFTER: Final = re.compile(r"^\s+to\s+be\s+[a-z]+ing\b")
_FIRST_PERSON_BEFORE: Final = re.compile(r"\b(?:i|we)\s+(?:(?:still|fully)\s+)?$", re.IGNORECASE)


_NOBODY_BEFORE: Final = re.compile(
    r"\b(?:nobody|no\s+one|no-one)\s+(?:(?:really|seriously|here|else)\s+)?$", re.IGNORECASE
)


def _plain_cue(kind: CueKind, start: int, end: int, reason: str) -> _Cue:
    """A cue of `kind` at its usual confidence that states no phrase or likelihood itself."""
    return _Cue(kind, start, end, None, None, None, _CONFIDENCE[kind], reason)


def _verb_cues(text: str, sourced: bool) -> Iterator[_Cue]:
    for match in _FORECAST_VERB.finditer(text):
        if _noun_use(text, match.start()):
            continue
        if _not_a_forecast_verb(text, match) and not (sourced and _sourced_passive(text, match)):
            continue
        yield _plain_cue(
            "forecast_verb", match.start(), match.end(), f"forecast verb '{match.group().lower()}'"
        )
    projects = any(
        word in text for word in ("impl", "envisag", "show", "see", "point", "consistent", "pencil")
    )
    for match in _PROJECTION_IMPLIES.finditer(text) if projects else ():
        yield _plain_cue("forecast_verb", match.start(), match.end(), "a forecast's implication")
    gives = (
        "ion" in text
        or "model" in text
        or "forecast" in text
        or "They have" in text
        or text.startswith("It has ")
        or "ur " in text
    )
    modelled = "odel" in text or "ection" in text or "ulation" in text or "At " in text
    for match in _MODELLING_SHOWS.finditer(text) if modelled else ():
        yield _plain_cue("forecast_verb", match.start(), match.end(), "a model's projected course")
    for match in _PROJECTION_GIVES.finditer(text) if gives else ():
        yield _plain_cue("forecast_verb", match.start(), match.end(), "a projection's figures")
    for match in _FORECAST_IS_FOR.finditer(text) if " for " in text else ():
        yield _plain_cue("forecast_verb", match.start(), match.end(), "a forecast's course")
    framed = "In " in text or "Under " in text or " projection" in text or " forecast" in text
    for match in _PATH_IN_PROJECTION.finditer(text) if framed else ():
        yield _plain_cue("forecast_verb", match.start(), match.end(), "a path in a projection")
    owned = "'" in text or "’" in text or "ts " in text or "eir " in text
    for match in _OWN_FORECAST_IS.finditer(text) if owned else ():
        yield _plain_cue("forecast_verb", match.start(), match.end(), "a forecast's figure")
    for match in (
        _FORECAST_STANDS.finditer(text) if " forecast" in text or "project" in text else ()
    ):
        yield _plain_cue(
            "forecast_verb", match.start(), match.end(), "a forecast that still stands"
        )
    for match in _MORE_CAUTIOUS_AT.finditer(text) if "ore " in text or "ess " in text else ():
        yield _plain_cue("forecast_verb", match.start(), match.end(), "a figure set beside another")
    for match in _ESTIMATE_AT.finditer(text) if "estimat" in text or "put" in text else ():
        yield _plain_cue(
            "forecast_verb", match.start(), match.end(), "an estimate of a quantity still to come"
        )
    put = _PUT_CHANCE_AT.search(text) if "put" in text else None
    if put is not None:
        yield _plain_cue("opinion", put.start(), put.end(), "a forecaster's odds on an event")
    for match in _HAVE_AT.finditer(text) if "I " in text or "e " in text else ():
        yield _plain_cue(
            "opinion", match.start(), match.end(), "a forecaster's figure for a time to come"
        )
    for match in _WE_MODEL.finditer(text) if "model" in text else ():
        yield _plain_cue(
            "opinion", match.start(), match.end(), "a forecaster's figure for a time to come"
        )
    left = _TIME_LEFT.search(text) if sourced and ("has " in text or "have " in text) else None
    if left is not None:
        yield _plain_cue(
            "opinion", left.start(), left.end(), "the time a source gives before an end"
        )
    track = _ON_TRACK.search(text) if sourced and ("on " in text or "head" in text) else None
    if track is not None:
        yield _plain_cue(
            "reported", track.start(), track.end(), "a course said to lead to an outcome"
        )
    for match in _REVISED_FORECAST.finditer(text):
        yield _plain_cue("forecast_verb", match.start(), match.end(), "revised forecast")
    for match in _SEES.finditer(text):
        if _noun_use(text, match.start()) or _inside_question_word(text, match.start()):
            continue
        if _WISH_TO_SEE.search(text, 0, match.start()) or _SAW_IT_COMING.match(text, match.start()):
            continue
        if match.group().endswith(("as", "As")) and _SEEN_AS_A_JUDGEMENT.match(text, match.end()):
            continue
        if _PROMISED_BEFORE.search(text, 0, match.start()):
            continue  # "has promised that the government will see 40,000 homes completed"
        yield _plain_cue("forecast_verb", match.start(), match.end(), "forecast verb 'sees'")
    then = (
        _THEN_PRESENT.match(text) or _THEN_HEDGED.match(text)
        if sourced and ("Then" in text or "In that" in text)
        else None
    )
    if then is not None:
        yield _plain_cue(
            "opinion", then.start(), then.end(), "the consequent of a condition, in the present"
        )
    judged = _JUDGED_REACHABLE.search(text) if sourced else None
    if judged is not None:
        yield _plain_cue("opinion", judged.start(), judged.end(), "odds on the event just named")
    numbers = _ON_THE_NUMBERS.match(text) if sourced and "On " in text else None
    if numbers is not None:
        yield _plain_cue(
            "opinion", numbers.start(), numbers.end(), "a result read off a forecaster's numbers"
        )
    thinks = "I " in text or "we " in text.lower() or "I'd" in text or "I’d" in text
    for match in _THINK_PRESENT.finditer(text) if thinks else ():
        yield _plain_cue(
            "opinion", match.start(), match.end(), "stated opinion about what will happen"
        )
    reckons = _RECKONS_PRESENT.search(text) if sourced and "s " in text else None
    if reckons is not None:
        yield _plain_cue(
            "opinion", reckons.start(), reckons.end(), "a source's call in the present"
        )
    for match in _OPINION.finditer(text):
        yield _plain_cue(
            "opinion", match.start(), match.end(), "stated opinion about what will happen"
        )
    for match in _GOING_FOR_SCORE.finditer(text) if " for " in text else ():
        yield _plain_cue("opinion", match.start(), match.end(), "a tipster's score")
    for match in _THINK_DATED_PRESENT.finditer(text) if thinks else ():
        yield _plain_cue("opinion", match.start(), match.end(), "a call in the present tense")
    dated = _DATED_IN_PRESENT.search(text) if "pens" in text or "es " in text else None
    if dated is not None:
        yield _plain_cue("opinion", dated.start(), dated.end(), "the event just named, dated")
    call = _OUR_CALL.search(text) if ":" in text else None
    if call is not None:
        yield _plain_cue("opinion", call.start(), call.end(), "a preview's own call")
    plan = _PLAN_ON.match(text) if "on " in text or "xpect" in text else None
    if plan is not None:
        yield _plain_cue("opinion", plan.start(), plan.end(), "advice to act on an outcome")
    away = _ESTIMATED_WAIT.search(text) if " away" in text or " off" in text else None
    if away is not None:
        yield _plain_cue("opinion", away.start(), away.end(), "how long an outcome is away")
    # a quotation is someone's words, whoever the sentences after it say they are
    voiced = sourced or text.lstrip()[:1] in '"“'
    trend = (
        _PRESENT_TREND.search(text)
        if voiced and ("next" in text or " 20" in text or "quarter" in text)
        else None
    )
    if trend is not None:
        yield _plain_cue("opinion", trend.start(), trend.end(), "a trend told in the present")
    level = _LEVEL_BY_THEN.match(text) if voiced and "By " in text else None
    if level is not None:
        yield _plain_cue(
            "opinion", level.start(), level.end(), "a level by a time named, in the present"
        )
    margin = _MARGIN_PRESENT.search(text) if voiced and " by " in text else None
    if margin is not None:
        yield _plain_cue("opinion", margin.start(), margin.end(), "a result called by its margin")


# "output was on track to reach a record", "is on course for a narrow defeat": where a source
# says things are heading is its forecast (LABELLING.md, eleventh split).
# "He has maybe a year", "the fund has perhaps six months left": how long a source gives a
# holder in post, or a thing before it runs out, is a call that the end comes by then; not
# "has perhaps two weeks to decide", a time allowed for an act.
_TIME_LEFT: Final = re.compile(
    r"\b(?:has|have)\s+(?:got\s+)?(?:maybe|perhaps|probably|possibly|at\s+most)\s+"
    r"(?:a|an|one|two|three|four|five|six|\d{1,2}|a\s+few|another)\s+(?:more\s+)?"
    r"(?:days?|weeks?|months?|years?|seasons?)\b(?:\s+left\b)?(?!\s+(?:to|of|in\s+which)\b)",
    re.IGNORECASE,
)


_ON_TRACK: Final = re.compile(
    r"\b(?:is|are|was|were|remains?|remained|seems?|looks?|appears?)\s+"
    # 'were "on course for their worst result"': the phrase may be quoted, the result theirs
    r"(?:still\s+|now\s+|firmly\s+|well\s+)?[\"“‘']?on\s+(?:track|course)\s+"
    r"(?:to\s+(?!be\s+(?:announced|published|released|held)\b)[a-z]+|for\s+(?:a|an|the|their|"
    r"its|his|her)\b)"
    # "Southern Australia is heading for a warmer and drier spring than usual"
    r"|\b(?:is|are|was|were|seems?|looks?)\s+(?:still\s+|now\s+)?(?:heading|headed)\s+(?:for|towards?)\s+"
    r"(?:(?:a|an|the|its|their)\s+)?(?:[\w-]+\s+){0,5}?(?:than|spring|summer|autumn|winter|season|year|"
    r"defeat|win|victory|loss|recession|surplus|deficit|record|runoff|majority)\b"
    # "is heading for about 31% of the vote": a share a count will settle
    # 'says her party is "heading for six per cent"', "Inflation is heading towards 4%": a
    # share or a rate, in figures or in words
    r"|\b(?:is|are|was|were|seems?|looks?)\s+(?:still\s+|now\s+)?[\"“‘']?(?:heading|headed|"
    r"on\s+course)\s+(?:for|towards?)\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|"
    r"almost\s+)?(?:\d[\d.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty)(?:\s+and\s+a\s+half)?\s*(?:%|per\s*cent|percent)"
    r"(?:\s+of\s+the\s+(?:vote|seats))?(?![\w-])",
    re.IGNORECASE,
)


# "dare to forecast", "had projected", "than projected", "its sales forecast on Tuesday",
# "eleven projects": the word is there, a forecast is not.
_INFINITIVE_OR_PAST_BEFORE: Final = re.compile(
    r"\b(?:to|had|than|as|been|was|were|is|are|be)\s+(?:\w+ly\s+)?$", re.IGNORECASE
)


_BE_BEFORE: Final = re.compile(r"\b(?:is|are|was|were)\s+(?:\w+ly\s+)?$", re.IGNORECASE)


_WHAT_BEFORE: Final = re.compile(
    r"\b(?:what|whatever|how\s+much|how\s+many)\s+(?:[\w'’]+\s+){0,2}$", re.IGNORECASE
)


# "In its previous forecast, issued in March, X predicted", "the June forecast, which
# anticipated": a forecast since replaced, reported as a past fact, not one now made.
_EARLIER_FORECAST: Final = re.compile(
    r"\b(?:previous|earlier|prior|former|original|old|last|(?-i:January|February|March|April|"
    r"May|June|July|August|September|October|November|December)(?:['’]s)?)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:forecasts?|outlook|estimates?|projections?|predictions?|guidance)"
    r"\s*(?:,|\b(?:which|that)\b)(?![^.;]*\b(?:now|today|this\s+time)\b)[^.;]*$",
    re.IGNORECASE,
)


_EARLIER_REACH: Final = 80


_PAST_FORECAST_FORMS: Final = _wordset(
    "predicted forecast forecasted projected anticipated foresaw"
)


# "We expected fares to hold and they rose 8%", "I expected a draw, but it went the other
# way": the outcome reported in the past in the same sentence makes the expectation a past one.
_SETTLED_SINCE: Final = re.compile(
    r"^[^.;]*?,?\s+(?:and|but)\s+(?:then\s+)?(?:it|they|that|this|he|she|we)\s+"
    r"(?:went|rose|fell|came|climbed|dropped|ended|turned\s+out|was|were|did|didn['’]t|hit|"
    r"reached|stayed|doubled|halved|jumped|slumped|soared|collapsed|won|lost|finished)\b",
    re.IGNORECASE,
)


# "weaker than the Board anticipated", "as the bank had projected": an outcome measured
# against an earlier belief, which is a past fact.
_COMPARED_WITH_BELIEF: Final = re.compile(
    r"\b(?:than|as)\s+(?:the\s+|its\s+|their\s+|many\s+|most\s+|some\s+)?"
    r"(?:[\w'’&.-]+\s+){0,3}(?:had\s+|have\s+|has\s+)?(?:\w+ly\s+)?$",
    re.IGNORECASE,
)


_NOT_AFTER: Final = re.compile(r"\s*(?:not|n['’]t)\b", re.IGNORECASE)


# "expected both sides to honour the exchange", "expects Kelmark to abide by the truce": what
# a party says others are bound to do is a demand (LABELLING.md, advice), not a belief about
# what they will do ("expects the deal to be honoured" stays a forecast).
_DEMANDED_OF: Final = re.compile(
    r"\s+(?:[\w'’.-]+\s+){1,4}?to\s+(?:honou?r|abide\s+by|respect|comply\s+with|fulfill?|"
    r"live\s+up\s+to|uphold|adhere\s+to|keep\s+(?:to\s+)?(?:their|its|his|her)\s+"
    r"(?:word|promises?|commitments?|side\s+of\s+the\s+bargain))\b",
    re.IGNORECASE,
)


# "Forecasts made in winter are unreliable", "Forecast tables are available to clients": the
# word opening the sentence and followed by another is its subject, a noun, not a verb with
# nobody to make the forecast ("Forecast: ..." a label, stays).
_OPENING_NOUN: Final = re.compile(r"^\W*$")
_WORD_AFTER: Final = re.compile(r"\s+[A-Za-z]")


# A past-tense verb, then "and", in the same clause: "she looked at the polls and".
_PAST_AND_BEFORE: Final = re.compile(
    r"\b(?:[a-z]+ed|saw|took|went|made|came|got|had|was|were|thought|knew|felt|found|gave|"
    r"left|ran|heard|met|lost|won|sat|stood|told|tried)\b[^,;.]{0,60}\band\s+$"
)


# Possibilities with nothing to check (LABELLING.md, round two (b)): "could come under
# pressure", "might find some support", "may gain momentum".
_VAGUE_OUTCOME: Final = re.compile(
    r"\s+(?:also\s+|well\s+|still\s+)?(?:come\s+under\s+(?:\w+\s+)?(?:pressure|scrutiny|fire)|"
    r"find\s+(?:some\s+|more\s+|fresh\s+)?support|"
    r"(?:gain|lose|find)\s+(?:some\s+|more\s+|fresh\s+)?(?:momentum|traction|steam|favour|favor)|"
    r"face\s+(?:more\s+|fresh\s+|growing\s+|tough\s+)?(?:pressure|questions|scrutiny|criticism)|"
    # "Gold could go anywhere", "the vote could go either way": no direction to check
    r"go\s+(?:anywhere|either\s+way|any\s+way|both\s+ways)|"
    # "could still shift the debate", "might change the picture": a mood, nothing to count
    r"(?:shift|change|sway|alter|reshape|colou?r|complicate|muddy|cloud)\s+(?:the|that|this)\s+"
    r"(?:debate|picture|calculus|conversation|mood|narrative|discussion|argument)|"
    # "which could make for a scrappy game": what a match may be like to watch
    r"make\s+for\s+(?:a|an)\s+(?:[\w,-]+\s+){0,3}?(?:game|match|contest|race|tie|derby|"
    r"afternoon|evening|night|spectacle|watch)|"
    # "The Committee may look back on this summer as a turning point": a verdict to come
    r"look\s+back\s+on\s+[^,;.]{1,40}?\s+as\s+(?:a|an|the)\s+(?:[\w-]+\s+)?(?:turning\s+point|"
    r"watershed|mistake|missed\s+opportunity|moment|high\s+point|low\s+point))\b",
    re.IGNORECASE,
)


# "may have to postpone", "might well have to": what could become needed, not a claim it will.
_HAVE_TO_AFTER: Final = re.compile(r"\s+(?:well\s+|yet\s+|also\s+|still\s+)?have\s+to\b", re.I)


# What people may do when allowed to: "may return", "may apply", "may park".
_PERMITTED_ACT: Final = re.compile(
    r"\s+(?:also\s+|still\s+|now\s+)?(?:return|attend|apply|enter|leave|resume|park|bring|"
    r"register|collect|request|claim|opt|choose|visit|call|contact|book|use)\b",
    re.IGNORECASE,
)


# "expects to publish its results on Monday": an organised event, the body's own timetable.
# "expected to report results from its trial in May": a study's findings put out when its
# owner chooses, whatever they turn out to say.
_PUBLISHES_AFTER: Final = re.compile(
    # "The Executive Board is expected to discuss the staff report in June": a meeting's business
    r"^\s*(?:to\s+)?(?:publish|release|announce|declare|issue|present|discuss|consider|"
    r"report)\s+"
    r"(?:[\w-]+\s+){0,3}"
    r"(?:results|figures|data|report|statement|outlook|budget|findings|decision)\b",
    re.IGNORECASE,
)


# "expects to publish preliminary results from about 90% of polling stations by midnight":
# how far the count will have got turns on the stations too (LABELLING.md, eleventh split).
_SHARE_COUNTED_AFTER: Final = re.compile(
    r"^\s*(?:to\s+)?(?:publish|release|announce|declare)\s+(?:[\w-]+\s+){0,2}results\s+"
    r"(?:from|covering|for|of)\s+(?:about\s+|around\s+|roughly\s+|at\s+least\s+|more\s+than\s+)?"
    r"\d[\d.]*\s*(?:%|per\s*cent|percent)\s+of\s+(?:the\s+)?(?:polling\s+stations|"
    r"precincts|votes|ballots|constituencies|districts)\b",
    re.IGNORECASE,
)


_THAN_BEFORE: Final = re.compile(r"\bthan\s+$", re.IGNORECASE)


# "The Electoral Commission expects to publish preliminary results for most districts by
# 1 a.m.": how far an election count gets by then (LABELLING.md: an electoral body expecting
# to publish most results by midnight forecasts).
_COUNT_RESULTS_AFTER: Final = re.compile(
    r"^\s*(?:to\s+)?(?:publish|release|announce|declare)\s+(?:the\s+)?"
    r"(?:(?:most|all|final|preliminary|provisional|partial|first|first-round|constituency)\s+"
    r"(?:of\s+the\s+)?)+results\b"
    # "by 2 a.m.", "shortly after midnight": how far the count gets by then, where "official
    # results on Monday evening" is the day set for them
    r"[^.;]*?\b(?:by|shortly\s+after|within)\s",
    re.IGNORECASE,
)


_ELECTORAL_BODY_BEFORE: Final = re.compile(
    r"\b(?:electoral|election|elections|commission|council)\b", re.IGNORECASE
)


def _count_results_expected(before: str, after: str) -> bool:
    """An electoral body expecting to publish a count's results, which is no mere timetable."""
    return bool(_COUNT_RESULTS_AFTER.match(after) and _ELECTORAL_BODY_BEFORE.search(before))


_NOUN_AFTER: Final = re.compile(
    # not "forecast on Monday that it would deliver": the day it was made, then the verb's clause
    # (whole words: "forecasts inflation at 1.6%" is the verb, "in" or no "in")
    r"^\s*(?:(?:on(?!\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+that\b)|"
    r"for|of|after|in|at|by|is|was|are|were|and|during|until|through|"
    # "the forecasts issued on Monday", "its projections show": a noun, then its own verb
    r"issued|published|released|compiled|from|show|shows|showed|suggest|suggests|have|has|had|"
    r"will|would)\b|,|\.|$)",
    re.I,
)


# "the arguments over forecasts", "doubts about projections", "an office for projects that
# cross borders": after a preposition, a noun.
_PREPOSITION_BEFORE: Final = re.compile(
    r"\b(?:over|about|of|with|from|against|between|among|behind|despite|beyond|like|for|on|in|"
    r"into|under|by|across|within|without|through|towards?)\s+"
    # "spend $6 billion on capital projects": a lower-case modifier between
    r"(?-i:[a-z][a-z-]*\s+)?$",
    re.IGNORECASE,
)


_PROJECTED_ONTO: Final = re.compile(r"[^.;]{0,80}?\b(?:onto|on\s+to)\b", re.IGNORECASE)


_COUNT_BEFORE: Final = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|many|several|new|"
    r"other|such|these|those|some|few|more|major|big|large|small)\s+$",
    re.IGNORECASE,
)


# "has predicted the last three recessions", "correctly forecast every election since
# 2010": events that have come, the forecaster's record.
_PAST_EVENTS_AFTER: Final = re.compile(
    r"\s+(?:(?:each|every|all|both|none)\s+(?:of\s+)?)?the\s+(?:last|past|previous)\s+"
    r"(?:(?:\w+|\d+)\s+)?[a-z]+s\b|\s+every\s+[a-z]+\s+since\b",
    re.IGNORECASE,
)


def _not_a_forecast_verb(text: str, match: re.Match[str]) -> bool:
    before = text[max(0, match.start() - 40) : match.start()]
    if _WHAT_BEFORE.search(before):
        return True  # "based upon what we forecast": a forecast referred to, not made
    # "is forecasting a fall", "are predicting that": the progressive, a view held now
    progressive = match.group().lower().endswith("ing") and _BE_BEFORE.search(before)
    if (_INFINITIVE_OR_PAST_BEFORE.search(before) and not progressive) or _COUNT_BEFORE.search(
        before
    ):
        return True
    if _PAST_EVENTS_AFTER.match(text, match.end()):
        return True  # "has predicted the last three recessions": a record, not a forecast
    if _COMPARED_WITH_BELIEF.search(before):
        return True
    word = match.group().lower()
    if word in _PAST_FORECAST_FORMS and _EARLIER_FORECAST.search(
        text, max(0, match.start() - _EARLIER_REACH), match.start()
    ):
        return True
    if (
        word in {"forecast", "forecasts"}
        and _OPENING_NOUN.match(text, 0, match.start())
        and _WORD_AFTER.match(text, match.end())
    ):
        return True
    if word in {"forecast", "forecasts", "projects"} and _PREPOSITION_BEFORE.search(before):
        return True
    if word in {"project", "projects"} and _PROJECTED_ONTO.match(text, match.end()):
        return True  # "glasses which project subtitles onto the lenses": light, not numbers
    if word in {"forecast", "forecasts", "projects", "project"} and _NOUN_AFTER.match(
        text[match.end() :]
    ):
        if _TRAILING_SOURCE_BEFORE.search(before) and _SENTENCE_END_AFTER.match(text, match.end()):
            # "Labour is on course for 52 seats, the Kell Institute projects.": the source and
            # its verb after the claim, as "..., the bank said" is
            return False
        return not re.search(r"\b(?:i|we|he|she|they|it)\s+$", before, re.IGNORECASE)
    return False


_TRAILING_SOURCE_BEFORE: Final = re.compile(
    r",\s+(?:the\s+)?(?-i:[A-Z])[\w'’.-]*(?:\s+(?:of\s+)?(?-i:[A-Z])[\w'’.-]*){0,4}\s+$"
)
_SENTENCE_END_AFTER: Final = re.compile(r"\s*[.!]?[\"”’']?\s*$")


# "If turnout stays where it was, Quist wins by three points": a source's forecast in the
# plain present, made on a condition.
_IF_THEN_PRESENT: Final = re.compile(
    r"(?:^|[“\"‘]|:\s)\s*If\s+(?!you\b)(?P<condition>[^,;?]{3,120}),\s+"
    # "If the levy passes, as expected, fares fall": an aside on the condition before the call
    r"(?:as\s+[^,;?]{1,40},\s+)?"
    r"(?:(?:I|we)\s+(?:think|expect|reckon|believe|suspect|bet)\s+(?:that\s+)?)?"
    r"(?P<subject>(?:the\s+)?[A-Za-z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s+(?P<verb>[a-z]+)\b"
)


_NOT_A_CONSEQUENT_VERB: Final = _wordset(
    "will would could can may might should must shall is are was were has have had do does did "
    "need needs want wants think know mean means then also just only still probably likely "
    "won't can't don't doesn't isn't aren't "
    # "If the list finishes second, she said, ...": the attribution, not the consequent
    "said says added adds told tells warned warns argued argues noted notes explained"
)


# "If your phone works, keep it.", "If prices dip, buy the shares": the word after the
# consequent's first word is its object, so that word is an imperative verb, advice, with no
# subject whose future is told.
_IMPERATIVE_OBJECT: Final = _wordset(
    "it them him her me us you this that these those the a an your their our my his its some any"
)


_MODAL_CONTRACTION: Final = re.compile(r"['’](?:ll|d)$")


# "would jump to around 3.8%": a conditional's consequent that names the level it reaches.
_WOULD_REACH_FIGURE: Final = re.compile(
    r"\s+[a-z]+\s+(?:to\s+|by\s+)?(?:about\s+|around\s+|roughly\s+)?[$€£]?\d"
)


def _conditional_present(text: str) -> Iterator[_Cue]:
    for match in _IF_THEN_PRESENT.finditer(text):
        verb = match.group("verb")
        if re.search(r"\b(?:were|had)\b", match.group("condition")):
            continue  # "If it were up to me": a condition that does not hold
        if verb == "would" and _WOULD_REACH_FIGURE.match(text, match.end("verb")):
            # "If the subsidy lapses, CPI would jump to 3.8%": a source's projection on a
            # condition, checkable by its figure
            yield _plain_cue(
                "modal", match.start("verb"), match.end("verb"), "conditional projection"
            )
            continue
        if (
            verb in _NOT_A_CONSEQUENT_VERB
            # "If he's not fit, I'll name the same side": a "will" of its own, judged as one
            or _MODAL_CONTRACTION.search(match.group("subject"))
            or verb.endswith(("ed", "ing", "ly"))
            or verb in _IMPERATIVE_OBJECT
        ):
            continue
        yield _plain_cue(
            "modal", match.start("verb"), match.end("verb"), "conditional forecast in the present"
        )


def _agent_named_after(text: str, verb: int) -> bool:
    """Whether the passive verb at `verb` names its agent ("is forecast by the Bank to")."""
    passive = PASSIVE_BY_AGENT.search(text, max(0, verb - 12))
    return passive is not None and passive.start("verb") == verb


def _sourced_passive(text: str, match: re.Match[str]) -> bool:
    """ "Growth is projected to moderate", said or quoted from a named source (LABELLING (d))."""
    before = text[max(0, match.start() - 40) : match.start()]
    after = text[match.end() :]
    return bool(
        re.search(r"\b(?:is|are)\s+(?:\w+ly\s+)?$", before, re.IGNORECASE)
        and (
            (re.match(r"\s+to\s+[a-z]", after) and not re.match(r"\s+to\s+have\b", after))
            # "Inflation is forecast by the Bank to fall": its agent between
            or _agent_named_after(text, match.start())
            # "Demand growth is projected at 770,000 bpd next year": a figure
            or _AT_FIGURE.match(after) is not None
            # "Inflation is seen rising to 4% by December": a movement
            or re.match(rf"\s+{_SEEN_MOVING}", after) is not None
        )
    )


def _sourced_figure_expected(before: str, after: str, attribution: _Attribution) -> bool:
    """ "A crowd of about 82,000 is expected, the association said": a figure expected, with
    its source named (LABELLING.md, round two (d))."""
    return (
        attribution.speaker is not None
        and _FIGURE_IS_BEFORE.search(before) is not None
        and re.match(r"\s*[,;]", after) is not None
    )


# "A crowd of about 82,000 is": a figure in the subject, then the passive's "is".
_FIGURE_IS_BEFORE: Final = re.compile(r"\d[^,;]{0,40}\b(?:is|are)\s+(?:now\s+|also\s+)?$")


_AT_FIGURE: Final = re.compile(r"\s+at\s+(?:about\s+|around\s+|roughly\s+)?[$€£]?\d")


def _inside_question_word(text: str, start: int) -> bool:
    return bool(_WH_BEFORE.search(text[max(0, start - 60) : start]))


def _oriented(
    cues: list[_Cue],
    text: str,
    regions: list[tuple[int, int]],
    attribution: _Attribution,
    has_deadline: bool,
) -> list[_Cue]:
    """Hedge words count only when they point at the future, not at the present or past."""
    future = has_deadline or any(
        cue.kind in {"modal", "reported", "denial", "forecast_verb", "opinion"} for cue in cues
    )
    kept = []
    for cue in cues:
        if cue.kind == "hedge" and (_hedged_past(text, cue) or _group_trait(text, cue)):
            continue
        if cue.kind != "hedge" or future or _hedge_points_ahead(text, cue, attribution):
            kept.append(cue)
    return kept


# "The economy likely contracted in the third quarter", "had probably shrunk": a hedge on a
# verb in the past is a belief about what has happened, whatever period the sentence names.
_PAST_VERB_AFTER: Final = re.compile(
    r"^\s+(?!(?:headed|destined|poised|slated|scheduled|tipped|set)\b)"
    r"(?:[a-z]{2,}(?<!e)ed|shrank|shrunk|grew|grown|fell|fallen|rose|risen|sank|sunk|"
    r"slid|won|lost|hit|saw|took|came|went|began|ended|held|kept|made|found|gave|got|left|"
    r"paid|sold|spent|built|brought|bought|caught|ran|led|met|stood|wrote|drove|chose|became|"
    r"told|felt|sent)\b",
    re.IGNORECASE,
)


_AUXILIARY_BEFORE: Final = re.compile(
    r"\b(?:will|would|could|should|may|might|can|is|are|was|were|be|been|being|to|get|gets)"
    r"\s+(?:\w+ly\s+)?$|['’]ll\s+$",
    re.IGNORECASE,
)


# "the voters who do show up are older and more likely to own their homes": a comparison
# of who people are and how they live, a trait of a group today; "more likely to come in
# below our figure" compares outcomes still to come.
_MORE_OR_LESS_BEFORE: Final = re.compile(r"\b(?:more|less)\s+$", re.IGNORECASE)
_TRAIT_AFTER: Final = re.compile(
    r"^\s+(?:than\s+[\w-]+(?:\s+[\w-]+)?\s+)?to\s+(?:own|rent|live|smoke|commute|earn|read|"
    r"drive|cycle|attend|belong)\b",
    re.IGNORECASE,
)


def _group_trait(text: str, cue: _Cue) -> bool:
    return (cue.phrase or "").lower() == "likely" and bool(
        _MORE_OR_LESS_BEFORE.search(text, max(0, cue.start - 6), cue.start)
        and _TRAIT_AFTER.match(text[cue.end :])
    )


def _hedged_past(text: str, cue: _Cue) -> bool:
    before = text[max(0, cue.start - _LOOK_AROUND) : cue.start]
    if re.search(r"\bhad\s+$", before, re.IGNORECASE):
        return True
    return _PAST_VERB_AFTER.match(text[cue.end :]) is not None and not _AUXILIARY_BEFORE.search(
        before
    )


# "Disruption to travel is likely.", "Gusts of 90 km/h are likely across the area": a hedge as
# the predicate of an event noun, with a place, a time or nothing after it, looks ahead; "is
# likely the cause", "is likely circulating" speak of the present.
_PREDICATIVE_BEFORE: Final = re.compile(
    # "a Reform win now looks almost certain": how an event looks is a forecast of it
    # "a February move is a coin toss": the odds as a noun take their article
    # "Against Varga, it's a coin toss": the verb may be contracted
    r"(?:\b(?:is|are|looks|seems|appears|look|seem|appear)|(?<=\w)['’]s)\s+(?:also\s+|now\s+|still\s+|"
    r"increasingly\s+)?"
    r"(?:close\s+to\s+|nearly\s+|almost\s+)?(?:an?\s+)?$"
    # "I'd call it a coin toss": the odds the speaker gives the event named before; 'called
    # the runoff "close to a coin toss"': the event named, the words quoted
    r"|\b(?:call|calls|called|calling)\s+(?:it|the\s+(?:[\w'’-]+\s+){0,2}[\w'’-]+)\s+"
    r"[\"“‘']?(?:close\s+to\s+|nearly\s+|almost\s+)?(?:an?\s+)?$",
    re.I,
)


_PREDICATIVE_AFTER: Final = re.compile(
    # '"A recession is likely," she said': the quotation may close on it
    r"^\s*(?:[.;]|,[\"”’']?\s|$|(?:in|across|during|over|at|from|through|throughout|within|by|on|"
    r"later|tonight|tomorrow|overnight|again|this|next|before|until)\b)",
    re.IGNORECASE,
)


# "The race seems likely headed for a runoff": a direction of travel is a forecast.
_HEADED_AFTER: Final = re.compile(
    r"^\s+(?:to\s+be\s+)?(?:headed|heading|bound|on\s+course|on\s+track)\s+(?:for|to|toward|towards)\b",
    re.IGNORECASE,
)


# Odds stated as even, then the event they are the odds of.
_EVEN_ODDS: Final = frozenset(
    {"50-50", "fifty-fifty", "toss-up", "coin flip", "coin toss", "even chance", "even odds"}
)


# "a roughly even chance that it sets a record", "of that happening": the event the odds are on
# 'was "probably 50-50" for Sunday': fit for a match, the quotation closed before the event
_ODDS_OF_AFTER: Final = re.compile(r"^[\"”’']?\s*(?:whether|that|on|if|of|for)\b", re.IGNORECASE)


def _even_odds(phrase: str) -> bool:
    """ "even chance", graded or not ("a roughly even chance"), or near it ("a realistic
    possibility of a deal")."""
    return (
        phrase in _EVEN_ODDS
        or phrase.removeprefix("roughly ") in _EVEN_ODDS
        or phrase == "realistic possibility"
    )


def _hedge_points_ahead(text: str, cue: _Cue, attribution: _Attribution) -> bool:
    phrase = (cue.phrase or "").lower()
    if re.search(r"\b(?:will|would|going|set)\b|['’]ll\b", phrase):
        return True
    if _TO_VERB_AFTER.match(text[cue.end :]) or _HEADED_AFTER.match(text[cue.end :]):
        return True
    if phrase.endswith(" to") and re.match(r"\s+[a-z]", text[cue.end :]):
        return True  # "is unlikely to start"
    if _FUTURE_NOUN_BEFORE.search(text[max(0, cue.start - _LOOK_AROUND) : cue.start]):
        return True
    if _even_odds(phrase) and _ODDS_OF_AFTER.match(text[cue.end :]):
        return True  # "it's about 50-50 whether I start": the odds of what is yet to happen
    before = text[max(0, cue.start - _LOOK_AROUND) : cue.start]
    if _PREDICATIVE_BEFORE.search(before) and _PREDICATIVE_AFTER.match(text[cue.end :]):
        return True  # "Power cuts are likely in the warning area": an event, ahead
    reported = 0 <= attribution.verb_start < cue.start
    if attribution.verb_start >= cue.end and _BACKSHIFTED_HEDGE.search(before):
        # 'A deal was "not possible" while the troops remained, he told the wire': the telling
        # after the claim backshifts it as the telling before does
        return _BACKSHIFTED_CLAUSE_END.match(text, cue.end) is not None
    return reported and bool(_BACKSHIFTED_HEDGE.search(before))


# The end of a backshifted hedge's clause: the comma before the telling, or the condition the
# outcome waits on.
_BACKSHIFTED_CLAUSE_END: Final = re.compile(
    r"[\"”’']?\s*(?:,|(?:while|until|unless|before|so\s+long\s+as|as\s+long\s+as)\b)",
    re.IGNORECASE,
)
