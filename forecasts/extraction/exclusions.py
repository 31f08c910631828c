"""Sentences left out whatever their cues: boilerplate, hopes, declined forecasts; and a
forecast's condition.
"""

from __future__ import annotations

import re
from typing import Final

from forecasts.extraction.sentences import _NAME_TAG_OPENING, Sentence

# Every alternative opens a word or a bracket, so they are tried only there.
_BOILERPLATE: Final = re.compile(
    r"(?:\b(?=\w)|(?=\[))(?:"
    # not "a nonpartisan newsletter that rates races", "..., a newsletter, moved the race": a
    # newsletter described as a source
    r"\bsign[- ]?up\b|\bnewsletter\b(?!,?\s+(?:that|which)\b|,\s+(?:moved|rates|rated|said|"
    r"says|shifted|changed|gives|gave|puts|put)\b)|\bunsubscribe\b|\bcookies?\b|\bprivacy\s+(?:policy|notice)"
    r"|\bread\s+more\b|\bdon['’]t\s+miss\b|\badvertisement\b|\ball\s+rights\s+reserved\b"
    r"|\bclick\s+here\b|\bfollow\s+us\b|\bsubscribe\b|\bshare\s+this\s+(?:article|story)\b"
    r"|\bread\s+full\s+article\b|\bterms\s+(?:of|and)\s+(?:use|service|conditions)\b"
    r"|\[(?:REPORT|REVEAL|VIDEO|PICTURES)\s*\])",
    re.IGNORECASE,
)


_HOPE: Final = re.compile(
    # "short of the 1 million units some investors had hoped for": a past hope measures the
    # forecast, it is not the speaker hoping
    r"\b(?=\w)(?<!had\s)(?<!had\sbeen\s)"
    r"(?:hope|hopes|hoped|hoping|hopeful|wish|wishes|wished|wishing)\b"
    # "I hope I am wrong about turnout, which I expect to fall": the forecast stands
    r"(?!\s+(?:that\s+)?(?:i|we)(?:\s+am|\s+are|['’]m|['’]re)\s+(?:proved\s+|proven\s+)?wrong\b)",
    re.I,
)


# The clause a conditional forecast depends on: kept in the candidate, not a reason to drop
# it ("would likely benefit if turnout was high").
_CONDITION: Final = re.compile(
    r"(?<!\beven\s)(?<!\bas\s)(?<!\bsurprised\s)(?<!\bsee\s)(?<!\bwonder\s)(?<!\basked\s)"
    r"(?<!\bwhether\s)\b(?:if|unless|provided\s+that|as\s+long\s+as)\b[^,;:–—”\"]*"
    r"|^\W*only\b[^,]*?(?=\s+would\b)"
    r"|\b(?:failure|refusal|a\s+decision|any\s+(?:move|attempt|decision))\s+to\s+[\w\s]+?"
    r"(?=\s+(?:will|would|could|might|may)\b|[\"“”]|$)",
    re.IGNORECASE,
)


# "Should the krone weaken sharply, ...": a condition with its verb first.
_INVERTED_CONDITION: Final = re.compile(r"\W*Should\s[^,;:–—”\"]*")


def _condition(text: str) -> str | None:
    """The condition a forecast is made on, as written, or None."""
    match = _CONDITION.search(text) or _INVERTED_CONDITION.match(text)
    if match is None:
        return None
    return match.group().strip(" \t\"“”‘’'.,") or None


_DECLINED: Final = re.compile(
    r"\b(?:declin|refus|reluctan)\w*\s+to\s+(?:predict|forecast|speculate|say|guess|comment"
    # "declined to give a forecast for 2028": the same refusal, with its noun
    r"|(?:give|make|offer|provide|put\s+out)\s+(?:a|an|any)\s+(?:[\w-]+\s+)?(?:forecast|"
    r"prediction|estimate|outlook|figure|number|guidance))"
    r"|\b(?:would|will|could)\s+not\s+(?:say|comment|speculate|predict|guess|be\s+drawn|forecast"
    # "he would not make a call on second place": no prediction given
    r"|[\"“]?make\s+(?:(?:a|any)\s+(?:call|prediction|forecast)\b|(?:any\s+)?(?:calls|predictions|"
    r"forecasts)\s+(?:about|on|for)\b)|give\s+(?:a|any)\s+(?:figure|forecast))\b"
    r"|\b(?:neither|none|nobody|no\s+one)\b[^.;]{0,40}\bwould\s+(?:say|predict|guess|speculate)\b"
    # "would only say that acquisitions were not a priority": all a source would say, in
    # place of the answer sought
    r"|\b(?:would|will)\s+only\s+say\b"
    r"|\b(?:too\s+(?:early|soon)|premature)\s+to\s+(?:say|tell|call|predict|judge|know|speculate)\b"
    r"|\b(?:won['’]t|will\s+not|wouldn['’]t|would\s+not|can['’]t|cannot|not\s+going\s+to)\s+"
    r"(?:(?:put|give|set)\s+(?:a|any|an\s+exact)\s+(?:date|number|figure|time|timeline|"
    r"timescale|probability|percentage|odds)\s+on\b"
    # "I won't go into them", "I'd never say that three weeks out": the speaker declines
    r"|(?:go|get)\s+into\b|(?:sit\s+here\s+and\s+)?say\b|discuss\b|disclose\b|reveal\b"
    # "I'm not going to go that far out on a limb", "I won't stick my neck out": no call made
    # "He won't be drawn", "She won't bite": the idioms of a question not taken up
    r"|be\s+drawn\b|bite\b"
    r"|go\s+(?:that\s+|so\s+|too\s+)?(?:far\s+)?out\s+on\s+a\s+limb\b"
    r"|stick\s+(?:my|his|her|our|their)\s+necks?\s+out\b)"
    # "I'm not going to make predictions about May", "I don't make forecasts that far ahead"
    r"|\b(?:don['’]t|do\s+not|doesn['’]t|does\s+not|never|won['’]t|will\s+not|not\s+going\s+to)"
    r"\s+(?:make|do|give|offer)\s+(?:any\s+|a\s+)?(?:predictions?|forecasts?)\b"
    # "I leave forecasts to the pollsters": the call handed to others, not made
    r"|\b(?:leave|leaves|leaving)\s+(?:the\s+)?(?:forecasts?|predictions?|forecasting|"
    r"guesses|guesswork|crystal[\s-]ball\s+gazing)\s+to\b"
    # "No price forecast given.", "No new estimate was provided.": a note that a source gave
    # none, as in a list of banks' calls, with or without the bank's name before a colon
    r"|^\W*(?:[^:.;]{1,60}:\s*)?no\s+(?:[\w-]+\s+){0,2}(?:forecasts?|predictions?|estimates?|targets?|guidance|"
    r"outlook)\s+(?:was\s+|were\s+)?(?:given|provided|made|offered|issued|published)\b"
    # "The voters will decide that": the question handed back to the electorate
    r"|\b(?:the\s+)?(?:voters|electorate|people)\s+(?:will|shall|get\s+to)\s+decide\s+"
    r"(?:that|this|it)\b"
    # "we will see in May", "we'll see what happens": the answer left to events
    # "we will see who is fit on Friday": the choice left to the day; "we'll see where we are
    # at Christmas": the standing left to the season, no call on it
    r"|\bwe(?:['’]ll|\s+will|\s+shall)\s+(?:just\s+)?see\b(?=\s*(?:[.,;:!\"”’]|$)|\s+(?:in|on|"
    r"after|when|what|how|whether|if|who|which|where)\b)",
    re.IGNORECASE,
)


# "We are not saying every week will be hot": the speaker disowns the claim that follows, down
# to a "but" that makes the one they do ("..., but the odds are tilted").
_DISCLAIMED: Final = re.compile(
    r"\b(?:am|is|are|was|were|['’]m|['’]re|['’]s)\s+not\s+(?:saying|predicting|claiming|"
    r"forecasting)\b(?P<claim>[^;]*?)(?=,?\s+but\b|;|$)",
    re.IGNORECASE,
)


_NEVER_SAY: Final = re.compile(
    r"\b(?:(?:i|we|you|he|she|they)['’]d|would)\s+never\s+(?:go\s+into|say\s+that|discuss|"
    r"disclose|reveal)\b",
    re.IGNORECASE,
)


_SURVEY_SHARE: Final = re.compile(
    r"\b\d+(?:\.\d+)?\s?(?:%|percent|per\s+cent)\s+of\s+(?:\w+\s+){0,2}(?:firms|companies|"
    r"businesses|respondents|voters|people|adults|households|economists|analysts|investors|"
    r"consumers|americans|britons|members|those|managers|executives|employers|workers)\b"
    # "38% of manufacturers expected", "found that 62% expected": a share holding a belief
    r"|\b\d+(?:\.\d+)?\s?(?:%|percent|per\s+cent)\s+(?:of\s+(?:the\s+)?(?:[\w-]+\s+){1,5}?)?"
    r"(?:(?:said|say|says)\s+(?:they|that\s+they)\s+)?(?:expected|expect|anticipated|anticipate|"
    r"predicted|predict|thought|think|believed|believe|planned|plan)\b",
    re.IGNORECASE,
)


# Sentences whose belief is nobody's to track (LABELLING.md, unattributable, present, fact):
# anonymous sources ("according to people familiar with the matter"), what market prices
# imply, what a survey found, and what a kind of outlook does not do ("Seasonal outlooks do
# not predict landfalls").
_NOBODY_S_BELIEF: Final = re.compile(
    r"\b(?:people|persons?|sources?|officials?)\s+(?:familiar\s+with|with\s+(?:direct\s+)?"
    r"knowledge\s+of|briefed\s+on)\b"
    # "two people close to the talks said": as unnamed as those familiar with them
    r"|\b(?:people|persons?|sources?|officials?|diplomats?)\s+close\s+to\s+(?:the\s+)?"
    r"(?:talks|negotiations|discussions|matter|process|deal|decision)\b"
    r"|\b(?:market\s+pricing|futures\s+(?:markets?|pricing)|money\s+markets?|markets?)\s+"
    r"(?:now\s+)?(?:impl(?:y|ies|ied)|(?:are|is|were|was)\s+pricing)\s+(?:that|in|an?|\d)\b"
    # "On the exchange, X was trading at 2.62": the price a market set, whatever it implies
    # ("Brent, which is trading at $80, will fall" keeps its forecast)
    r"|(?<!\bwhich\s)(?<!\bthat\s)\b(?:is|are|was|were)\s+trading\s+at\b"
    r"|\bsurvey\b[^.;]{0,80}\bfound\b"
    # "Firms responding to our survey expect ...": the answers of a survey's respondents
    r"|\b(?:firms|households|respondents|businesses|consumers|companies|managers|executives)\s+"
    r"(?:(?:responding|replying)\s+to|(?:surveyed|polled|questioned)\s+(?:in|for|by)|"
    r"taking\s+part\s+in)\b"
    # "A delegate from one Gulf producer said": an unnamed person of an unnamed body
    r"|\b(?:an?|one|another|two|three)\s+(?:delegates?|sources?|officials?|diplomats?|traders?|"
    r"bankers?|insiders?|executives?)\s+(?:from|at|with|in)\s+(?:one|a|an|another|two|three)\s"
    r"|\b(?:outlooks?|forecasts?|models?|projections?)\s+(?:do|does)\s+not\s+(?:predict|forecast)\b"
    # "They do not forecast the weather on any given day", "That is not something we
    # forecast": what a forecaster does not do; "does not forecast a recession" is their view
    r"|\b(?:do|does)\s+not\s+(?:predict|forecast)\b(?!\s+(?:a|an|any|that|further|more)\b)"
    r"|\bnot\s+something\s+(?:we|i|they|it|the\s+\w+)\s+(?:predicts?|forecasts?)\b"
    # "Every summer, someone tells young people that ...": an unnamed someone
    r"|\b(?:someone|somebody)\s+(?:always\s+|usually\s+|still\s+)?(?:tells|says|claims|insists|"
    r"predicts|argues)\b"
    # "..., and that is a choice, not a forecast": the writer disowns the forecast
    r"|\bnot\s+(?:a|my)\s+(?:forecast|prediction)\s*[.!]?\s*$",
    re.IGNORECASE,
)
# "The winners will qualify for the cup": what the rules give whoever wins, not who will.
_PRIZE_RULE: Final = re.compile(
    # at the head of the sentence or of a clause joined on: "Polls close at 5 p.m., and the
    # winner will be sworn in on Feb. 1", "noted that whoever wins will face a split Congress"
    r"(?:^\W*|,\s+(?:and|but)\s+|\b(?:that|said|noted|added)\s+)"
    r"(?:the\s+(?:winners?|champions?|losers?|runners?-up)|whoever\s+wins|whichever\s+"
    r"(?:[\w-]+\s+){1,2}wins)\s+(?:will|would)\s+(?:also\s+)?"
    r"(?:qualify|receive|take|earn|face|play|meet|advance|progress|collect|pocket|get|inherit|"
    r"serve|go\s+(?:through|on)|be\s+(?:promoted|relegated|awarded|crowned|paid|sworn\s+in|"
    r"inaugurated))\b",
    re.IGNORECASE,
)


# "Voters will also decide a $185 million bond": what is on the ballot, a schedule.
_ON_THE_BALLOT: Final = re.compile(
    r"^\W*voters\s+(?:in\s+[\w\s]{1,30}?\s+)?(?:will|would)\s+(?:also\s+)?"
    r"(?:decide\s+(?:on\s+)?(?:a|an|whether)\b|vote\s+on\b|choose\s+between\b"
    # "Voters in X will return to the polls on 12 December": the day of the vote
    r"|(?:go|return|head)\s+(?:back\s+)?to\s+the\s+polls\b"
    # "Voters will elect 120 members of parliament": what the vote is for, not how it goes
    r"|(?:elect|choose)\s+(?:all\s+)?(?:\d[\d,]*|a|an|the|their|its)\s+(?:new\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:members?|seats?|president|mayor|governor|parliament|assembly|"
    r"council|councillors?|senators?|deputies|representatives|prime\s+minister)\b)",
    re.IGNORECASE,
)


# "If an election were held today, those shares would give X 58 seats": a poll read as seats
# today, a present standing (LABELLING.md), not a forecast of the vote.
_HELD_TODAY: Final = re.compile(
    r"\b(?:if\s+(?:an?|the)\s+(?:[\w-]+\s+)?(?:election|vote|referendum)\s+(?:were|was)|"
    r"were\s+(?:an?|the)\s+(?:[\w-]+\s+)?(?:election|vote|referendum))\s+"
    r"(?:held|to\s+be\s+held|called|to\s+take\s+place)\s+"
    r"(?:today|now|this\s+(?:week|weekend|sunday))\b",
    re.IGNORECASE,
)


# "Had the election been held last week, X would have finished first", "If the vote had been
# held in June, X would have won": what would have happened in a past that did not happen.
_PAST_COUNTERFACTUAL: Final = re.compile(
    r"^\W*(?:had\s+(?!to\b)[^,;]{1,80}|if\s+[^,;]{0,80}\bhad\s+[^,;]{1,60}),\s+"
    r"[^.;]*?\bwould(?:n['’]t|\s+not)?\s+have\s+(?!to\b)",
    re.IGNORECASE,
)


# "A senior party official, speaking on condition of anonymity, said", "Party strategists
# privately expect": a source who will not be named holds the view, nobody to track
# (LABELLING.md, unattributable). "An economist at Orme Bank, speaking on condition of
# anonymity, said" names the bank, which speaks for its staff (_AT_A_NAMED_BODY).
_ANONYMOUS_SOURCE: Final = re.compile(
    r"\bon\s+(?:the\s+)?condition\s+of\s+anonymity\b"
    r"|\bspeaking\s+(?:anonymously|privately)\b"
    r"|\b(?:said|say|says|warned)\s+privately\b"
    # "Officials tell us privately that ...": the reporter's own unnamed sources ("had told
    # him privately" is a named source's report, and his claim stands)
    r"|\b(?:tell|tells|told)\s+(?:us|me|reporters|journalists)\s+privately\b"
    r"|\bprivately\s+(?:expect|concede|doubt|predict|believe|think|fear|warn|admit)",
    re.IGNORECASE,
)
_AT_A_NAMED_BODY: Final = re.compile(r"\bat\s+(?:[A-Z]|the\s+(?:company|firm|bank)\b)")


def _anonymous_source(text: str) -> bool:
    if "anonym" not in text and "rivately" not in text:
        return False
    match = _ANONYMOUS_SOURCE.search(text)
    return match is not None and _AT_A_NAMED_BODY.search(text, 0, match.start()) is None


# Cheap words one of those patterns needs.
_NOBODY_S_WORDS: Final = (
    "familiar",
    "knowledge",
    "briefed",
    "close to",
    "impl",
    "pricing",
    "rading",
    "urvey",
    "olled",
    "not ",
    "omeone",
    "omebody",
    # an unnamed person's noun, its first letter off for either case
    "elegate",
    "ource",
    "fficial",
    "iplomat",
    "rader",
    "anker",
    "nsider",
    "xecutive",
)


# A consensus of forecasters as the sentence's subject is a fact about them, not a belief
# anyone holds (LABELLING.md, twelfth split): "Economists polled by X expected", "All 14
# economists in a poll ... expected", "Analysts had on average expected". As a yardstick
# after a company's guidance ("above the $7.9 billion analysts had expected") it is not.
_CONSENSUS: Final = re.compile(
    r"^\W*(?:(?:all|most|many|the)\s+)?(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|"
    r"of\s+the)\s+)*(?:(?:economists|analysts|strategists|forecasters)\s+"
    r"(?:(?:\w+\s+)?(?:polled|surveyed|questioned|canvassed)\s+by\b|in\s+(?:a|an|the)\s+"
    r"(?:[\w&'’.-]+\s+){0,3}(?:poll|survey)\b|(?:had\s+)?on\s+average\b)"
    # "Respondents to the Bank's Survey of External Forecasters expect": a survey's answer
    r"|respondents\s+(?:to|in)\s+(?:a|an|the)\s+(?:[\w&'’.-]+\s+){0,3}(?:poll|survey)\b"
    # "Consensus forecasts still show growth of 0.9%": the average of unnamed forecasters
    r"|(?:the\s+)?(?:market\s+)?consensus(?:\s+(?:forecasts?|estimates?|expectations?|view))?\s+"
    r"(?:(?:still|now|currently)\s+)?(?:shows?|sees?|expects?|points?|is|has|puts?|calls?)\b)",
    re.IGNORECASE,
)


# "They will be stretched.", "It will be tight.": a strain or closeness to come, with no
# measure, time or event to check it by (LABELLING.md, too vague to check). A name tag may
# open an interview's answer; "Clinics will be under real pressure": a plural noun may be
# what is strained.
_VAGUE_STATE: Final = re.compile(
    _NAME_TAG_OPENING
    + r"(?:(?i:they|it|we|things|everyone|everybody)|(?:(?i:the|our)\s+)?[A-Za-z][a-z]+s)"
    r"\s+(?i:will|would)\s+be\s+"
    r"(?i:(?:very|really|quite|pretty|badly|a\s+bit)\s+)?"
    r"(?i:stretched|strained|busy|tough|difficult|hard|tight|close|challenging|"
    r"under\s+(?:(?:real|serious|severe|intense|heavy|huge|enormous|a\s+lot\s+of)\s+)?"
    r"pressure)[.!]?[\"”’]?"
)


# "None of this is inevitable.", "Nothing is certain.": a denial that anything at all is
# settled, with no event to check (LABELLING.md, evaluation).
_NOTHING_SETTLED: Final = re.compile(
    r"\W*(?i:none\s+of\s+(?:this|that|it|these|those|them)|nothing(?:\s+about\s+\w+)?)\s+"
    r"(?i:is|was|are|were)\s+(?i:(?:yet|ever|really|truly)\s+)?"
    r"(?i:inevitable|certain|guaranteed|assured|preordained|set\s+in\s+stone)"
    # "None of this is inevitable in the long run": the horizon adds nothing to check
    r"(?:\s+(?i:in\s+the\s+(?:long|short|medium)\s+(?:run|term)|yet|either))?[.!]?[\"”’]?"
)


# "Far fewer expect to use it", "More now say they will": a comparison of a survey's shares,
# whose subject is nobody to track (LABELLING.md, fact).
_COMPARED_SHARE: Final = re.compile(
    r"^\W*(?:(?:far|many|even|still|slightly|rather|somewhat|a\s+few)\s+)?(?:fewer|more)\s+"
    r"(?:of\s+(?:them|those|these)\s+|people\s+|respondents\s+)?(?:now\s+|still\s+)?"
    r"(?:expect|think|believe|say|predict|plan|intend|anticipate)\b",
    re.IGNORECASE,
)


# "The minutes of the meeting will set out the views of members": what a meeting's record will
# contain, announced with it (LABELLING.md, schedule).
_RECORD_WILL: Final = re.compile(
    r"^\W*the\s+(?:minutes|transcripts?|record|accounts?)\s+of\s+(?:the\s+|this\s+|that\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:meeting|session|hearing|discussions?|deliberations?)\s+will\s+"
    r"(?:also\s+)?(?:set\s+out|show|include|contain|detail|describe|record|give|explain)\b",
    re.IGNORECASE,
)


# "In a normal spring you'd expect that to climb to 80%": what a usual season brings, the norm
# set beside this one, not a forecast of it (LABELLING.md, present).
_NORM_EXPECTED: Final = re.compile(
    r"\b(?:in|during|for|over)\s+an?\s+(?:normal|typical|average|usual|ordinary)\s+[\w-]+,?\s+"
    r"(?:you|we|one|I)(?:['’]d|\s+would)\s+(?:normally\s+|usually\s+)?(?:expect|see|get)\b",
    re.IGNORECASE,
)


# "One Western diplomat involved in the process said": an unnamed person of an unnamed side,
# however their part in the talks is put (LABELLING.md, unattributable).
_UNNAMED_PARTICIPANT: Final = re.compile(
    r"^\W*(?:an?|one|another|two|three)\s+(?:(?-i:[A-Z])[a-z]+\s+|senior\s+)?"
    r"(?:delegates?|sources?|officials?|diplomats?|negotiators?|mediators?|envoys?)\s+"
    r"(?:involved\s+in|taking\s+part\s+in|following|present\s+at)\s",
    re.IGNORECASE,
)


# "Some GPs have warned that ...", "Some investors fear ...": an unnamed share of a group
# holds the belief, no one to track (LABELLING.md, unattributable). "HOST: Some doctors are
# saying ...": an interviewer's name tag may open it.
_SOME_OF_A_GROUP: Final = re.compile(
    _NAME_TAG_OPENING
    + r"Some\s+(?:[\w&'’-]+\s+){1,4}?(?:(?:also|still|privately|now|have|had|already|are|were)\s+)*"
    r"(?i:warn|warned|warning|fear|feared|fearing|worry|worried|believe|believed|think|thought|"
    r"thinking|say|said|saying|predict|predicted|predicting|expect|expected|expecting|argue|"
    r"argued|arguing|suspect|suspected)\b"
)


# "We will go there to win.", "We're going out to win it": the side's aim, a hope, not a
# claim that it will win (LABELLING.md). "We will go there on Sunday to win": the day of the
# match may stand between. "His side would go there to win": the same aim, reported.
_AIM_TO_WIN: Final = re.compile(
    r"\b(?:we|i|he|she|they|(?:his|her|their|our)\s+(?:side|team|squad|players|club|men|women))"
    r"(?:['’]ll|['’]d|\s+will|\s+would|\s+(?:are|is|was|were)\s+going\s+to|['’]re\s+going\s+to|"
    r"['’]m\s+going\s+to)"
    r"\s+go\s+(?:there|out|in|into\s+(?:the|this|that)\s+[\w-]+)\s+"
    r"(?:(?:on|in|next|this)\s+(?:the\s+)?[\w-]+\s+)?"
    r"(?:to\s+win|looking\s+(?:to\s+win|for\s+(?:a|the)\s+win))\b",
    re.IGNORECASE,
)


# "Whichever party controls the House next year will set the agenda", "Whoever wins will
# inherit a deficit": what holds whatever the outcome forecasts none ("Whoever wins, rates
# will rise" names a subject of its own after the comma). A likelihood weighed ("Whoever
# leads will almost certainly need the Greens") makes it a forecast of what they will need.
_WHOEVER_WILL: Final = re.compile(
    r"^\W*(?:Whoever|Whichever|Whatever)\b[^,;:]*?\b(?:will|would|is\s+going\s+to|are\s+going\s+to)\b"
    r"(?!\s+(?:almost\s+certainly|very\s+likely|most\s+likely|probably|likely)\b)",
)


# "I doubt they will.", "I am not sure it will next year either.": a doubt whose event is
# left in the sentence before, with nothing of its own to check (LABELLING.md, evaluation).
_ELLIPTICAL_DOUBT: Final = re.compile(
    r"\b(?:doubt|not\s+sure|unsure)\s+(?:that\s+|whether\s+|if\s+)?[\w'’-]+\s+"
    r"(?:will|would|can|could)(?:\s+(?:not|either|too|again|next\s+\w+|this\s+\w+))*"
    # the sentence's end, or the quotation's before its attribution ('will," she said.')
    r"(?=\s*(?:[.!][\"”’]?\s*$|[,.!]?[\"”’]|$))",
    re.IGNORECASE,
)


def _nobody_s_belief(text: str) -> bool:
    return any(word in text for word in _NOBODY_S_WORDS) and bool(_NOBODY_S_BELIEF.search(text))


# "..., the first of a wave of robots that start-ups hope will reach consumers next year":
# a hope in a trailing clause after a comma leaves what the sentence said before it standing.
_HOPE_AFTER_A_CLAUSE: Final = re.compile(r"[,;–—]\s")


def _hoped_for(text: str) -> bool:
    """A hope that governs the sentence; one set off at its end leaves the rest a claim, and
    so does one the speaker guesses others will have ("My guess is they roll over the
    quotas and hope demand does the work")."""
    hope = _HOPE.search(text)
    if hope is None or _HOPE_AFTER_A_CLAUSE.search(text, 0, hope.start()) is not None:
        return False
    guess = _GUESS_BEFORE.search(text, 0, hope.start())
    return guess is None or _THIRD_PERSON_HOPE.search(text, guess.end(), hope.start()) is None


# "My guess is", "I suspect": the speaker's view, which may take in others' hopes.
_GUESS_BEFORE: Final = re.compile(
    r"\b(?:my|our)\s+(?:guess|bet|hunch|expectation|sense)\s+is\b"
    r"|\b(?:I|we)\s+(?:think|expect|suspect|reckon|bet)\b",
    re.IGNORECASE,
)
# "they ... and hope", "she hopes": a hope whose subject is someone else.
_THIRD_PERSON_HOPE: Final = re.compile(
    r"\b(?:they|he|she|it)\b[^.;]*?(?:\band\s+|\b(?:they|he|she|it)\s+)$", re.IGNORECASE
)


def _hope_start(text: str) -> int:
    """Where a trailing hope begins, or the sentence's length if it has none."""
    hope = _HOPE.search(text)
    return hope.start() if hope is not None else len(text)


def _excluded(sentence: Sentence) -> bool:
    text = sentence.text
    return bool(
        sentence.heading
        or "?" in text
        or _BOILERPLATE.search(text)
        or _hoped_for(text)
        or _nobody_s_belief(text)
        or _anonymous_source(text)
        or (len(text) < 160 and _ELLIPTICAL_DOUBT.search(text) is not None)
        or _CONSENSUS.match(text) is not None
        or ("Some " in text[:40] and _SOME_OF_A_GROUP.match(text) is not None)
        # "were" or "Were": the counterfactual's verb, a cheap test before the pattern
        or (("ere " in text or "was " in text) and _HELD_TODAY.search(text) is not None)
        or (" have " in text and _PAST_COUNTERFACTUAL.search(text) is not None)
        or ((" will " in text or " would " in text) and _PRIZE_RULE.search(text) is not None)
        or (text.lstrip(' "“').startswith("Voters") and _ON_THE_BALLOT.match(text) is not None)
        or (("%" in text or "cent" in text) and _SURVEY_SHARE.search(text) is not None)
        or (len(text) < 80 and _VAGUE_STATE.fullmatch(text) is not None)
        or (len(text) < 60 and _NOTHING_SETTLED.fullmatch(text) is not None)
        or (("fewer" in text or "more" in text) and _COMPARED_SHARE.match(text) is not None)
        or (" will " in text and _RECORD_WILL.match(text) is not None)
        or (
            ("'" in text or "’" in text or " would " in text)
            and _NORM_EXPECTED.search(text) is not None
        )
        or _UNNAMED_PARTICIPANT.match(text) is not None
        or (" go " in text and _AIM_TO_WIN.search(text) is not None)
        or ("ever " in text and _WHOEVER_WILL.match(text) is not None)
    )
