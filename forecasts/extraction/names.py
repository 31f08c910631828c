"""Names in a sentence: runs of capitalised words, people and organisations, and the
document's record of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Final, Literal

from forecasts.extraction.sentences import _LOOK_AROUND, _NAME_CUE_WINDOW, _wordset

_PERSON_TITLES: Final = _wordset(
    "mr mrs ms mx miss dr prof professor sir dame lord lady gen general major lt lieutenant "
    "colonel col captain capt sgt sergeant admiral president vice prime minister chancellor "
    "secretary governor gov senator senators sen rep representative congressman congresswoman "
    "councillor councilman councilwoman mayor judge justice senate house majority minority "
    "leader speaker chief executive officer director commissioner inspector father rev "
    "reverend pope king queen prince princess deputy foreign defence defense finance home "
    "interior health attorney ambassador chair chairman chairwoman ceo cfo opinion financial "
    "operating technology information marketing economist analyst strategist founder managing "
    "envoy mediator manager coach spokesman spokeswoman head senior midfielder striker "
    "defender goalkeeper winger forward substitute captain skipper batsman bowler pitcher "
    "quarterback superintendent sheriff principal headteacher mp mep msp mla premier"
)


# "Republican Sen. Tom Hadley", "Labour MP Ana Ruiz": the party before a title is no part
# of the name.
_PARTY_WORDS: Final = _wordset(
    "republican democratic democrat gop labour labor conservative tory liberal green "
    "socialist independent centrist"
)


# "Social Democrat", "Christian Democrat": the first word of a party member's two.
_PARTY_PREFIXES: Final = _wordset("social christian free")


# Last words of a place's name: "Ashdown Reservoir", "Mill Lane", "Tarrant Bay".
_PLACE_WORDS: Final = _wordset(
    "reservoir river lake valley mountain mountains hill hills street road avenue lane square "
    "bay island islands beach forest moor glacier coast estuary creek "
    # "on Fourth St.", "Harbour Rd": a street's name, abbreviated
    "st rd ave blvd"
)


# Titles only a person bears.
_COURTESY_TITLES: Final = _wordset("mr mrs ms mx miss dr prof professor sir dame")


_FEMALE_TITLES: Final = _wordset("mrs ms miss dame lady queen princess congresswoman")


_MALE_TITLES: Final = _wordset("mr sir lord king prince congressman councilman")


_ORG_WORDS: Final = _wordset(
    "bank institute university college centre center research securities union water chamber "
    "ministry forces force group advisory council party fund agency service office department "
    "committee commission association corporation corp inc ltd plc llc forum board authority "
    "foundation trust reserve capital partners management analytics consulting company "
    "guard army navy police court parliament congress government administration society "
    "network media news times post journal press energy motors airlines holdings "
    "organisation organization institution cooperative co-operative foods food systems "
    "devices technologies labs laboratories industries electronics pharmaceuticals pharma "
    # "Veyra Air's chief executive": an airline or aircraft maker, not a person
    "airways air petroleum utilities telecom telecoms communications solutions services software "
    "insights polling wire markets associates brands stores retail mobility logistics "
    "healthcare investments insurance resources mining minerals chemicals ventures estates "
    "enterprises properties realty shipping railways automotive semiconductors robotics "
    "semiconductor biologics biosciences aerospace platforms networks dynamics materials "
    "instruments engineering payments financial bancorp apparel hotels resorts cruises "
    "therapeutics beverages brewing direct club fc united rovers athletic wanderers albion "
    "town city county council institute observatory economics pictures films studios "
    "productions entertainment alliance coalition federation confederation league caucus bureau "
    "statistics "
    # "the Division of Elections", "the Directorate of Fisheries": a public body's department
    "division directorate "
    # "a pundit for NorthSport TV": a broadcaster, not a person
    "tv television radio broadcasting"
)


def _org_word(word: str) -> bool:
    """A word that marks an organisation's name: "Institute", "Bank", and the compounds a
    central bank's name is often written as ("Bundesbank", "Riksbank", "Nationalbank")."""
    lowered = word.lower().strip("’'")
    return lowered in _ORG_WORDS or (len(lowered) > 6 and lowered.endswith("bank"))


def _org_noun(word: str) -> str:
    lowered = word.lower().strip("’'")
    return lowered if lowered in _ORG_WORDS else "bank"


# Words of a firm's name that name an industry on their own: "Retail", "Energy", "Mining".
_INDUSTRY_WORDS: Final = _wordset(
    "retail energy mining insurance healthcare media food foods water shipping logistics "
    "software telecom telecoms pharma pharmaceuticals markets investments resources minerals "
    "chemicals estates properties realty automotive robotics entertainment services solutions "
    "systems devices technologies electronics semiconductors semiconductor aerospace "
    "communications utilities petroleum"
)


# Traded goods that open market reports: "Oil prices slipped", "Copper rose".
_COMMODITY_WORDS: Final = _wordset(
    "oil crude gas gold silver copper aluminium aluminum nickel zinc lithium platinum "
    "palladium wheat corn soybeans cocoa coffee sugar cotton"
)


# Words a company's name ends with that are no part of it: "Helix Devices Inc." speaks as
# "Helix Devices" (LABELLING.md, speakers).
_LEGAL_SUFFIXES: Final = _wordset("inc ltd llc plc corp co gmbh ag sa nv bv lp llp pty")


# Capitalised words that open a name run without belonging to it: "By Leah Antonelli" in
# a byline, "In London".
_LEADING_FUNCTION_WORDS: Final = _wordset(
    "by in at on from with to for of after before as and but or my our his her their its "
    "this that when while if since until during under over about against between among "
    # "Both Osmanov and Lindgren think": the determiner of the pair, no first name
    "both either neither "
    # "Former England captain Ola Brenn": what someone was, no part of a name
    "former "
    # "Analysis: Why Brandt is still the favourite": a heading's question word, not a name
    "why how what where who whom whose which whether "
    # "On Sunday Dana Ruiz told the crowd": the day, not a first name
    "monday tuesday wednesday thursday friday saturday sunday"
)


# The verbs a yes-or-no question opens on, before the one it asks about.
_QUESTION_VERBS: Final = _wordset(
    "can could will would should shall may might must does do did is are was were has have had"
)


# "Hannah Sato, Political Correspondent": a job, not a name.
_JOB_WORDS: Final = _wordset(
    "correspondent editor reporter writer columnist contributor staff desk producer "
    "presenter anchor"
)


# Posts that end a run of capitalised words which then names nobody.
_TRAILING_JOB_TITLES: Final = _wordset(
    "meteorologist economist strategist analyst scientist officer executive director manager "
    "governor chair chairman chairwoman president secretary minister spokesman spokeswoman "
    "spokesperson coach commissioner head chief adviser advisor"
)


# Posts inside a run, before the holder's name: "Manchester City Manager Roberto Mancini".
_INNER_JOB_TITLES: Final = _wordset(
    "manager coach governor chairman chairwoman chair president minister secretary director "
    "economist strategist meteorologist analyst spokesman spokeswoman spokesperson ceo cfo "
    "commissioner officer executive envoy ambassador mediator leader mayor senator chancellor "
    "judge inspector captain founder"
)


_ORG_NOUN_BEFORE: Final = re.compile(
    r"\b(?=\w)(?P<noun>group|firm|company|start-up|startup|body|agency|outlet|bank|lender|broker|"
    r"bookmaker|bookie|site|(?:estate|letting|property|travel|shipping)\s+agent|portal|tracker|"
    # "the reinsurer Halden Re": an insurers' insurer
    r"(?:re)?insurer|consultancy|brokerage|chain|club|union|center|centre|regulator|network|"
    r"carrier|platform|"
    r"maker|producer|retailer|manufacturer|pollster|publisher|provider|operator|developer|"
    r"supplier|airline|exporter|importer|miner|utility|broadcaster|newspaper|website|"
    r"insurer|team|side|cartel|think\s+tank|tank|charity|studio|automaker|carmaker|"
    r"giant|conglomerate|fund|(?:asset|fund|investment|money|wealth|portfolio)\s+manager|"
    r"(?:research|brokerage|trading|investment|fashion|auction|publishing)\s+house|"
    # "the opposition Kell Party", "the governing coalition Kell Alliance": a political body
    r"opposition|party|coalition|"
    # "the poll aggregator Stemmeur", "the election forecaster Ballotline": bodies that
    # publish forecasts, named by what they do
    r"aggregator|forecaster|modell?er|newsletter)\s+$",
    re.IGNORECASE,
)


_ORG_CUES_BEFORE: Final = re.compile(r"\b(?:the|at|from)\s+$", re.IGNORECASE)


_DEFINITE_ORG: Final = re.compile(r"^\s*the\s+(?P<noun>[a-z-]+?)(?:['’]s)?\b", re.IGNORECASE)


# "in Kell", "to Port Aird"; not "spoke to Oskar Lindqvist", whom someone speaks to
_PLACE_CUES_BEFORE: Final = re.compile(
    r"(?:\bin|\bnear|\bacross|\bto(?<!spoke\sto)(?<!talked\sto)(?<!speaking\sto)(?<!talking\sto)"
    # "Those words belong to Pernille Ravn": whose the quotation is, a person, not a place
    r"(?<!belong\sto)(?<!belongs\sto)(?<!belonged\sto)(?<!credited\sto)(?<!attributed\sto)"
    # "according to Tobias Berg": a source, named as one, whom a later "he" means
    r"(?<!according\sto)"
    r"|\binto)\s+$",
    re.IGNORECASE,
)


# The last word of a public body's name, which may hold an "and": "Food and Drug
# Administration", "Monetary Policy and Financial Stability Committee".
_PUBLIC_BODY_ENDINGS: Final = (
    r"(?:Committee|Commission|Administration|Board|Council|Department|Agency|Authority|"
    r"Bureau|Office|Institute|Ministry|Services?|Survey|Tribunal|Panel)"
)


# "Qassem al-Darrani", "Amr el-Sayed", "Khalid bin-Salem": a particle joined to the family
# name by a hyphen, in lower case.
_HYPHENED_PARTICLE: Final = r"\b(?:al|el|ad|ar|as|an|at|ash|az|abu|bin|ibn|ben)-(?=[A-Z])"


# "Al-Darrani", capitalised to open a sentence: the particle its name has in lower case.
_OPENING_PARTICLE: Final = re.compile(
    r"\b(?:Al|El|Ad|Ar|As|An|At|Ash|Az|Abu|Bin|Ibn|Ben)-(?=[A-Z])"
)


# A capital that opens a name, accented ones too: "Rasmus Øyen", "Émile Roux".
_CAPITAL: Final = r"[A-ZÀ-ÖØ-Þ]"


_NAME_RUN: Final = re.compile(
    # "Channel 4", "Radio 3": a broadcaster's numbered channel is named by its number too
    r"(?:(?:Channel|Canal|Kanal|Kanaal|Radio|TV)\s+\d{1,2}(?![\w%]|[.,]\d)|"
    # "OPEC+", "Canal+": a closing plus is part of the name, a body other than the one without
    # "al-Darrani said": a family name with its particle joined by a hyphen
    r"(?:"
    + _HYPHENED_PARTICLE
    + r")?"
    + _CAPITAL
    + r"[\w’'.&/-]*\+?)(?:\s+(?:(?:(?:of|for)\s+the|of|for|de|van|von|der|da|di|du|le|la|al|"
    r"bin|&|and(?=\s+(?:[A-Z][\w’'.&/-]*\s+){0,3}" + _PUBLIC_BODY_ENDINGS + r"\b))\s+"
    # "Ruud van der Kolk", "Ana de la Cruz": two particles before a family name
    r"(?:(?:der|den|de|la|los|las)\s+(?=[A-Z]))?)?"
    r"(?:" + _HYPHENED_PARTICLE + r")?" + _CAPITAL + r"[\w’'.&/-]*\+?"
    # "Banca d'Italia", "Institut Lémanique d'Opinion": an elided "de" joins the name
    r"|\s+d['’][A-Z][\w’'.&/-]*)*"
)


# "Verhaegen tipped them to reach the last four": a pundit's pick, which reports who is
# picked and is itself a forecast. "tipped Dylan Marsh, who won the youth title, to reach":
# an aside about the pick may stand between.
TIPPED_TO: Final = (
    # "picks Port Esk to edge it", "backs the Kings to win": a pundit's pick, as a tip
    r"(?:tipped|tips|picks|backs)(?=\s+(?:(?:[\w'’-]+\s+){1,4}?"
    r"|(?:[\w'’-]+\s+){0,3}[\w'’-]+,[^,;]{1,80},\s+)to\s+(?:win|reach|finish|go|lift|make|take|"
    r"claim|beat|top|retain|qualify|edge|nick|sneak|prevail|triumph)\b)"
)


# What a forecaster moves the date of: "(pushed back) their forecast for", "(brought forward)
# its call for".
MOVED_FORECAST: Final = (
    r"\s+(?:its|his|her|their)\s+(?:[\w-]+\s+){0,2}(?:forecasts?|calls?|expectations?|"
    r"predictions?|estimates?)\s+(?:for|of)"
)


# "Inflation is forecast by the Bank to fall to 2%": a passive whose agent is named.
PASSIVE_BY_AGENT: Final = re.compile(
    r"\b(?:is|are|was|were)\s+(?:now\s+|also\s+)?(?P<verb>forecast|projected|expected|predicted)"
    r"\s+by\s+(?P<agent>(?:the\s+)?(?:[A-Z][\w&'’.-]*\s+(?:of\s+(?:the\s+)?)?){0,4}[A-Z][\w&'’.-]*)"
    r"\s+to\s+[a-z]"
)


# "he penciled in two cuts for next year": the moves a forecaster has written down, counted
# (not "the VAT rise it has pencilled in for January", a plan).
PENCILLED_IN: Final = (
    r"pencil(?:l?ed|s)?\s+in(?=\s+(?:an?\s+|about\s+|around\s+)?(?:\d|two|three|four|five|six|"
    r"one|another|a\s+(?:further|second|third)|(?:a\s+)?(?:single|first|rate)\b))"
)


# "Marrow is slightly more cautious", "Quillon is less bullish": a forecaster set beside
# another by how far its view goes.
MORE_OR_LESS_CAUTIOUS: Final = (
    r"(?:(?:slightly|a\s+little|somewhat|a\s+bit|much|far|even)\s+)?(?:more|less)\s+"
    r"(?:cautious|optimistic|pessimistic|bullish|bearish|upbeat|gloomy)"
)


_SPEECH_VERBS: Final = (
    r"said|says|say|told|tells|tell|wrote|writes|write|added|adds|warned|warns|warn|"
    r"predicted|predicts|predict|forecast|forecasts|projected|projects|(?-i:project)|expects|expect|"
    r"argued|argues|argue|believes|believe|believed|thinks?|thought|concluded|concludes|noted|"
    r"notes|estimated|estimates|estimate|claimed|claims|insisted|insists|stated|states|cautioned|"
    r"cautions|reckons|reckoned|suggested|suggests|acknowledge[sd]?|conced(?:ed|es|e)|"
    r"admit(?:ted|s)?|declared|conceding|admitting|acknowledging|"
    # "X was more upbeat, arguing that prices would fall": a clause hung on its subject
    r"(?<=,\s)(?:arguing|saying|warning)(?=\s+that\b)|"
    # "the Office of Revenue and Forecasting said": a capital marks a name's last word, no verb
    r"announced|replied|explained|(?-i:predicting|forecasting)|betting(?=\s+that\b)|insist|"
    r"reported|"
    # 'Our analyst, Ana Roth, answers: "I expect ..."': a reply given as a quotation
    r"(?:answers|answered|replies)(?=[:,]?\s*[\"“])|"
    # "moved the race from Lean Okoro to Toss Up": a rater's verdict on a race
    r"(?-i:mov(?:ed|es)|shift(?:ed|s)|rat(?:ed|es))(?=\s+(?:the|its|this|that)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:race|contest|seat|district|runoff)\b)|"
    # 'called the runoff "close to a coin toss"': the words it is called by, quoted
    r"(?-i:call(?:ed|s))(?=\s+(?:[\w'’-]+\s+){1,8}?[\"“])|"
    # "X is more bullish, seeing Brent at $85": the level X puts it at
    r"(?<=,\s)(?:estimating|seeing)(?=\s+(?:[\w'’-]+\s+){1,5}?at\s+(?:about\s+|around\s+)?"
    r"[$€£]?\d)|"
    # "X was less sure, putting the chance of a cut in June at 30%": the chance X gives
    r"(?<=,\s)(?:putting|giving)(?=\s+(?:the|its|their|his|her|a|an)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:chances?|odds|probability|likelihood|risk)\b)|"
    # '"I don't buy it," countered Paul Grey': a reply in the argument, said all the same
    r"countered|counters|retorted|responded|observed|remarked|stressed|emphasi[sz]ed|"
    + TIPPED_TO
    + r"|"
    # 'X tipped Port Allin: "They are fitter."': the tip, then the quotation that argues it
    r"(?:tipped|tips|backed|backs)(?=\s+(?:[\w'’-]+\s+){0,3}[\w'’-]+\s*:\s*[\"“])|"
    r"reports|sees|see|" + PENCILLED_IN + r"|"
    # "Korvex guided for revenue of $4.1 billion": guidance is the company's own forecast
    r"(?:guides|guided)(?=\s+(?:for|to|towards)\s)|"
    # "It saw inflation returning to target in 2028": a view of a course, reported
    r"saw(?=\s+(?:[\w$%.,-]+\s+){1,4}?(?:returning|rising|falling|reaching|peaking|growing|"
    r"easing|staying|remaining|hitting|slowing|picking)\b)|"
    # "Statline rates Norland the most likely to win", "Its model has Kell as the likeliest
    # champions": a runner called the likeliest
    r"(?:rates|rated|rate|has|have|had)(?=\s+(?:[\w'’.-]+\s+){1,4}?(?:as\s+)?the\s+"
    r"(?:likeliest|most\s+likely|(?:clear\s+|strong\s+)?favou?rites?)\b)|"
    # "The Halworth Report rates the race Lean Republican", "rated the seat a Toss-up": a race
    # rating, the rater's call on who is ahead
    r"(?:rates|rated|rate)(?=\s+(?:[\w'’.-]+\s+){1,4}?(?:an?\s+)?(?-i:(?:Safe|Solid|Likely|Lean|Leans|"
    r"Tilt|Tilts)\s+[A-Z][a-z]+|Toss-?[Uu]p|toss-up)\b)|"
    # "its match model makes City narrow favourites: 41% for a home win": a pick, priced
    r"(?:makes|make|made)(?=\s+(?:[\w'’.-]+\s+){1,4}?(?:(?:narrow|clear|strong|heavy|slight)\s+)?"
    r"favou?rites\s*:)|"
    # "Scorewise's model makes her a 70% chance to score": a chance the model gives
    r"(?:makes|make|made)(?=\s+(?:[\w'’.-]+\s+){1,4}?an?\s+\d{1,3}(?:\.\d+)?\s*(?:%|per\s*cent\b)"
    r"\s+(?:chance|shot|probability)\b)|"
    r"concurred|concurs|concur|agreed|agrees|agree|judges|judged|considers|considered|gives|gave|"
    # "Some industry executives fear the shortage could last": a belief, held by whom it says
    r"fears|fear|feared|"
    # "Some investors worry that capacity will outrun demand": a fear by another name
    r"(?:worries|worry|worried)(?=\s+that\b)|"
    r"recognises|recognizes|"
    # "Kell is confident the government will approve the plan": a belief held, as "believes"
    r"(?:is|are|remains?)\s+(?:(?:very|fairly|quite|now|still|increasingly)\s+)?"
    r"(?:confident|convinced)(?=\s+(?:that\s+)?(?!(?:to|in|of|about|on|with|for|and|but|enough)\b)"
    r"[a-z])|"
    r"expected|doubts|doubted|reckon|assumes|assumed|anticipates|anticipated|impl(?:ies|y)|"
    # "put the chance at", "puts Arce's chances at", "put her odds of winning at"
    # "put Mr. Aas's chances", "put Real Madrid's odds": a name of two words in the possessive
    # "puts bottom club Ashmoor's chances": what the team is, before its name
    r"puts?\s+(?:the|his|her|their|its|(?:(?-i:[a-z][a-z-]*)\s+){0,2}?"
    r"(?:(?-i:[A-Z])[\w.-]*\s+)?(?-i:[A-Z])[\w'’.-]*['’]s?)\s+"
    r"(?:[\w-]+\s+)?"
    r"(?:chance|chances|odds|probability|likelihood|risk|peak|trough"
    # "Its models put the total at between 90 and 130": a figure for what is to come
    r"|(?:total|number)(?=\s+(?:[\w-]+\s+){0,5}?at\s+(?:between\s+|about\s+|"
    r"around\s+|roughly\s+)?[$€£]?\d))|"
    # "The modelling unit puts cumulative cases at between 350 and 450": a count by what it
    # counts
    r"puts?\s+(?:(?-i:[a-z][a-z-]*)\s+)?(?:cases|deaths|infections|admissions)(?=\s+at\s+"
    r"(?:between\s+|about\s+|around\s+|roughly\s+)?\d)|"
    r"issued\s+(?:the\s+following\s+|a\s+|this\s+)?statement|"
    # "signalled on Friday that rates were unlikely to fall", "hinted in a speech last week
    # that": a view given, as "said that"
    r"(?:signall?ed|hinted|indicated)(?=\s+(?:[\w,]+\s+){0,6}?that\b"
    # "signalled it could start cutting in June": the view, without "that"
    r"|\s+(?:it|they|he|she|rates|policymakers)\s+(?:could|would|might|was|were|will|may)\b)|"
    r"(?:raised|lowered|cut|increased|revised|upgraded|downgraded|lifted|trimmed|kept|held|"
    r"maintained|reaffirmed|stuck\s+to|sticks\s+to|stood\s+by|stands\s+by|"
    # "were more upbeat, raising their price target": a clause hung on its subject
    r"(?<=,\s)(?:raising|lowering|cutting|lifting|trimming|revising))\s+"
    r"(?:its|his|her|their|the)\s+(?:[\w-]+\s+){0,2}(?:(?:estimate|forecast|projection|outlook|"
    r"prediction|guidance|average)s?|price\s+target|target(?=\s+on\s+the\s+stock)"
    # "stuck to its view that demand would grow": a view restated
    r"|view(?=\s+that\b)"
    # "lifted its recession probability to 45%", "raised the odds of a recession"
    r"|odds|probability|chances?|likelihood)"
    # "pushed back their forecast for the first cut to September": a forecast's date moved
    r"|(?:push(?:ed|es)?\s+back|(?:brought|brings|bring|moved|moves|pulled|pulls)\s+forward)"
    r"(?=" + MOVED_FORECAST + r"\b)"
    # "assigns a 30% probability to a recession": a chance given
    r"|(?:assigns|assigned|attaches|attached)(?=\s+(?:an?\s+)?(?:[\w.%-]+\s+){1,3}"
    r"(?:probability|chance|likelihood|odds)\b)"
)


# "\b(?=\w)" is the start of a word: "\b" alone holds at the end of one too, where the
# pattern's every alternative would be tried in vain.
_SPEECH: Final = re.compile(
    # "She did say she expected ...": an emphatic "did" is no part of the subject
    rf"\b(?=\w)(?:(?:has|have|had|also|now|then|later|previously|recently|already|once|still|did|"
    # "He did not expect the group to cut": the negation is no part of the subject either
    rf"does|(?:did|does|do)\s+not|(?:didn|doesn|don)['’]t)\s+)*"
    rf"(?P<verb>{_SPEECH_VERBS})\b",
    re.IGNORECASE,
)


_ACCORDING_TO: Final = re.compile(r"\baccording\s+to\s+", re.IGNORECASE)


_PRONOUNS: Final = {"he": "m", "she": "f", "they": "", "i": "", "we": "", "it": ""}


# Nouns any organisation can be called by: "the firm's model" is the firm last named.
_ANY_ORG_NOUNS: Final = _wordset(
    "firm company organisation organization business group institution agency outfit maker "
    "producer manufacturer retailer lender insurer reinsurer operator carrier chain club "
    "utility bank "
    # "Analysts at Corvane Securities put ... The brokerage also cut": a firm by its trade
    "tracker brokerage bookmaker bookie consultancy"
)


def _any_org_noun(noun: str) -> bool:
    """ "the company", "the carmaker", "the miner": a noun any firm can be called by."""
    lowered = noun.lower()
    return (
        lowered in _ANY_ORG_NOUNS
        or lowered in _FIRM_KINDS
        or (lowered.endswith("maker") and len(lowered) > 5)
    )


# Bodies within an institution: "the committee" of a bank named before speaks for the bank
# (LABELLING.md, round two (c)).
_BODY_NOUNS: Final = _wordset("committee board panel council commission")


# "Monetary Policy Committee", "Policy Board": a central bank's rate-setting body, named with
# no institution of its own; and a central bank's name ("Bank of Merrovia", "Reserve Bank
# of Tallora", "Kestrian National Bank").
_RATE_SETTING_BODY: Final = re.compile(
    r"(?:The\s+)?(?:Monetary\s+Policy|Monetary|Policy|Rate[\s-]Setting)\s+(?:Committee|Board|Council)"
)
_CENTRAL_BANK: Final = re.compile(
    r"^(?:The\s+)?(?:(?:Central|National|Reserve|People['’]s)\s+Bank\s+of\s+\w|Bank\s+of\s+\w)"
    r"|\b(?:Central|National|Reserve)\s+Bank\b|\bRiksbank\b"
)


# Roles of people speaking for an organisation: "A top Moody's economist", "analysts at the
# central bank", "the agency's director". With no person named, the organisation speaks.
_ROLE_NOUNS: Final = (
    r"economists?|analysts?|strategists?|researchers?|scientists?|officials?|spokes(?:man|woman|"
    r"person|people|men|women)|directors?|heads?|chiefs?|executives?|officers?|advisers?|"
    r"advisors?|forecasters?|experts?|modell?ers?|team|unit|desk|staff|model|models|"
    # "The oil markets division of the Energy Office said": a unit speaks for its body; in
    # capitals it is part of a name ("the Division of Elections", "Office for Statistics")
    r"(?-i:division|arm|wing|branch|office|secretariat)|"
    r"epidemiologists?|statisticians?|meteorologists?|engineers?|managers?|board|leadership|"
    # "an underwriter at the insurer": an insurer's own staff, as an analyst is a bank's
    r"underwriters?|actuar(?:y|ies)|"
    # "Hadley's campaign said the senator would win": a candidate's campaign speaks for them
    r"campaign|camp|aides?|"
    # "Opta's supercomputer gives Arsenal a 58% chance": a firm's model speaks for the firm
    r"supercomputer|algorithm|simulations?|nowcast"
)


# Units of a body, in lower case after its possessive: "the WHO's regional office for Europe",
# "Halden Bank's research arm". The place a unit serves is no speaker; the body is
# (LABELLING.md, round two (c)).
_UNIT_NOUNS: Final = (
    r"(?-i:offices?|branch|branches|division|arm|wing)"
    r"(?:\s+(?-i:for|in)\s+(?-i:[A-Z][\w'’-]*)(?:\s+(?-i:[A-Z][\w'’-]*)){0,2})?"
)


_ROLE_OF_NAMED: Final = re.compile(
    # "Even the Housing Ministry's own modellers": a focusing word before the subject
    rf"^(?:(?:even|only|also|now)\s+)?(?:(?P<det>a|an|the|one|another|two|three|several|some)\s+)?"
    rf"(?:(?-i:[a-z][\w-]*)\s+){{0,2}}"
    rf"(?P<org>(?-i:[A-Z][\w&.'’-]*)(?:\s+(?-i:[A-Z&][\w&.'’-]*)){{0,4}}?)(?P<own>['’]s?)?\s+"
    # "the Caradon Health Board": a role written in capitals is the last word of a name
    rf"(?:(?-i:[a-z][\w-]*)\s+){{0,2}}(?-i:(?=[a-z]))(?:{_ROLE_NOUNS}|{_UNIT_NOUNS})$",
    re.IGNORECASE,
)


_ROLE_AT: Final = re.compile(
    rf"^(?:(?:a|an|the|one|two|three|several|some|other)\s+)?(?:\w+\s+){{0,2}}"
    rf"(?:{_ROLE_NOUNS})\s+(?P<prep>at|from|with|of|for|in)\s+(?P<org>.+)$",
    re.IGNORECASE,
)


_ROLE_OF_DEFINITE: Final = re.compile(
    # "the grid operator's director of system operations": a word may qualify the noun, and
    # the post may name the unit it heads
    rf"^(?:the|its|their)\s+(?:(?-i:[a-z-]+)\s+)?(?P<noun>[a-z-]+)['’]s?\s+(?:[\w-]+\s+){{0,2}}"
    rf"(?:{_ROLE_NOUNS})(?:\s+(?:of|for)\s+(?:(?-i:[a-z-]+)\s+){{0,3}}(?-i:[a-z-]+))?$",
    re.IGNORECASE,
)


# A capitalised word at the head of a sentence that names nobody.
_NOT_NAMES: Final = _wordset(
    "should would could will may might must can if when while whether unless although though "
    "but and or so yet instead also still even only another one two three four five six seven "
    "eight nine ten some many most several both all each every no none asked in on at for "
    "with by from after before as since however meanwhile then now this that these those "
    "there here it its they their we our i you he she his her a an the what which who why how "
    "q interview analysis monday tuesday wednesday thursday friday saturday sunday january "
    "february march april june july august september october november december today tomorrow "
    "tonight yesterday christmas easter having being neither either fewer more less "
    # "Not this time, says the council": a negation or an answer word opens no name
    "not nor never yes perhaps maybe probably "
    # "Whatever the exit poll says, ...": a concessive clause's opener, whose verb reports
    # no speaker
    "whatever whichever whoever whenever wherever "
    # "Let me say plainly what I think": an imperative, the writer speaking
    "let"
)


_GENERIC_PLURALS: Final = (
    r"analysts|economists|scientists|experts|officials|observers|critics|sources|forecasters|"
    r"investors|traders|commentators|researchers|insiders|people|delegates|diplomats|aides|"
    r"lawmakers|legislators|strategists|bankers|executives|residents|voters|members|"
    r"participants|advisers|advisors|respondents|farmers|growers|fans|pundits|bookmakers|"
    r"punters|markets|economists|banks|firms|brokerages|brokers|lenders|houses|institutions|"
    r"studios|groups|drivers|workers|companies|retailers|landlords|campaigners|activists|"
    r"rivals|shoppers|businesses|contacts"
)


_GENERIC_NOUNS: Final = _GENERIC_PLURALS + r"|analyst|economist|expert|official|observer|source"


# People named by their trade, in the plural, before their names.
_PEOPLE_OF_A_TRADE: Final = _wordset(
    "analysts economists scientists experts officials forecasters strategists researchers "
    "commentators pundits pollsters epidemiologists meteorologists bankers executives"
)


_DEFINITE_PERSON: Final = re.compile(
    r"^\s*(?i:the)\s+(?:[a-z][\w-]*\s+){0,2}(?i:diplomat|envoy|mediator|official|economist|"
    r"analyst|scientist|expert|researcher|strategist|executive|minister|politician|veteran|"
    r"forecaster|epidemiologist|meteorologist|pollster)\s*$"
)


_GENERIC_SUBJECT: Final = re.compile(
    # the quantifier a word of its own: "Alders said" opens on a surname, not on "a"
    r"^(?:(?:some|many|most|several|other|few|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|\d+|a|an)\s+)?"
    # "pollsters and political analysts": unnamed people of two kinds
    r"(?:(?-i:[a-z]+(?:ers|ists|ians|ors|ants))\s+(?:and|or)\s+)?(?:[\w+&.'’-]+\s+){0,2}"
    r"(?:analysts|economists|scientists|experts|officials|observers|critics|sources|"
    r"forecasters|investors|traders|commentators|researchers|insiders|people|official|"
    r"delegates|diplomats|aides|lawmakers|legislators|strategists|bankers|executives|"
    r"residents|voters|members|participants|advisers|advisors|spokesmen|spokespeople|"
    r"policymakers|policy-makers|rate-setters|"
    r"analyst|economist|scientist|expert|observer|critic|source|forecaster|investor|trader|"
    r"commentator|researcher|insider|delegate|diplomat|aide|lawmaker|strategist|banker|"
    r"executive|resident|voter|member|participant|adviser|advisor|person|fan|fans|studios|"
    r"groups|drivers|workers|companies|retailers|landlords|campaigners|activists|rivals|"
    r"shoppers|businesses|contacts|agents|pundits|bookmakers|bookies|punters|parents|tenants|"
    r"nurses|owners|buyers|consultancies|consultants|candidates|"
    # "Crews have told the union they expect ...", "Supporters say ...": a trade or a side,
    # unnamed, opening the sentence with its capital
    r"crews|supporters|opponents|insurers|builders|developers|farmers|growers|lenders"
    # a profession in the plural: "marine biologists", "pediatricians", "local doctors"
    r"|(?-i:[a-z]+(?:ists|ians|ers|ors))"
    # "Pharmacists say", "Physicians expect": one opening the sentence takes its capital
    r"|(?-i:[A-Z][a-z]+(?:ists|ians)))"
    # "in the area", "at the count": where they are, not whom they work for
    r"(?:\s+(?:in|at|across|around|on|near)\s+(?-i:(?:the\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}"
    # "Memory makers in South Korea and the United States": places named, still no one
    r"|(?:the\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?:\s+and\s+(?:the\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?"
    r"))?$",
    re.IGNORECASE,
)


_QUANTIFIER: Final = (
    r"(?:only\s+|just\s+|nearly\s+|almost\s+)?(?:not\s+everyone|not\s+everybody|not\s+all|"
    r"no\s+one|nobody|everyone|everybody|"
    r"some|many|most|several|other|others|few|a\s+few|"
    r"all|both|none|half|a\s+majority|a\s+minority|\d+|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|a\s+handful)"
)


# Unnamed people as the subject however the sentence reaches them: "Few expect", "several
# have told retailers", "Traders in the capital expect", "Most economists polled by the wire
# expect", "a market that many forecasters already expect", "Only four of them forecast".
_GENERIC_TAIL: Final = re.compile(
    rf"(?:^|\b(?:that|which|who|whom|while|whereas)\s+|[-–—:]\s*)\s*"
    rf"(?:(?i:{_QUANTIFIER})(?:\s+(?i:of)\s+(?i:them|those|these|us|the\s+[\w-]+(?:\s+[\w-]+)?))?"
    rf"(?:\s+(?:[a-z][\w-]*\s+){{0,2}}?(?i:{_GENERIC_NOUNS}))?"
    rf"|(?:(?i:the)\s+)?(?:[a-z][\w-]*\s+){{0,2}}(?i:{_GENERIC_PLURALS}))"
    r"(?:\s+(?:in|across|around|on|from|polled|surveyed|questioned|asked|interviewed|contacted|"
    # "diplomats involved said", "officials familiar with the talks": still no one named
    r"canvassed|who\s+spoke|involved|concerned|familiar|close\s+to|briefed)\b[^,;:]{0,60}?)?"
    r"(?:\s+(?:\w+ly|already|still|now|also|too|all|generally|broadly))*\s*$",
)


@dataclass(slots=True)
class _Entity:
    name: str
    kind: Literal["person", "org"]
    gender: str = ""
    # Common nouns an organisation can be called by: "the group", "the center".
    nouns: frozenset[str] = frozenset()
    parts: list[str] = field(default_factory=list)
    order: int = -1
    # Named only in the headline, whose capitals mark words as well as names ("Bank of
    # Arland raises Bank Rate"): the body's names come first, then the headline's in order.
    headline: bool = False
    # Written only by its kind and field ("the state health department"), its name unknown.
    unnamed: bool = False
    # "the Monetary Policy Board of the Central Bank": a body speaks for its institution.
    parent: _Entity | None = None

    def __post_init__(self) -> None:
        self.parts = self.name.split()

    def root(self) -> _Entity:
        """The institution this one belongs to, or itself."""
        entity = self
        for _ in range(5):
            if entity.parent is None:
                break
            entity = entity.parent
        return entity


# How many paragraphs above a Q-and-A's first question may introduce who answers it ("Dr. X
# spoke to us. The interview has been edited for length.").
_ANSWERER_INTRODUCED_REACH: Final = 2


_COURTESY_THEN_SURNAME: Final = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.?\s+([A-Z][\w'’-]+)")


@dataclass(slots=True)
class _Document:
    """What earlier sentences tell later ones: names met, the last person, the last speaker."""

    entities: list[_Entity] = field(default_factory=list)
    last_person: list[_Entity] = field(default_factory=list)
    last_speaker: str | None = None
    last_speaker_paragraph: int = -1
    last_organisation: str | None = None
    # How many entities were known before the sentence being read: those it names itself
    # come after, and "the company" opening it cannot mean one named later in it.
    known_before_sentence: int = 0
    roles: dict[str, _Entity] = field(default_factory=dict)
    # ("spokesman", "World Health Organisation") -> who holds that post, named anywhere in
    # the article (LABELLING.md, round two (c)).
    post_holders: dict[tuple[str, str], str] = field(default_factory=dict)
    # "spokesman" -> the body the last unnamed spokesman spoke for ("a spokesman for the
    # Southern Hospitals Group said"), whom a later "the spokesman said" still speaks for.
    post_bodies: dict[str, str] = field(default_factory=dict)
    # Paragraphs whose quotation runs on into the next one (no closing mark at the end), or
    # that end in a colon introducing a quotation.
    quote_runs_on: frozenset[int] = frozenset()
    # The body that issues a press release speaks in its own name where the writer would
    # (LABELLING.md, round two (e)): its passives and hedges are its forecasts.
    issuer: str | None = None
    # "Analysts at the Halbrook Centre ...": the organisation a plural "they" then speaks for,
    # and the paragraph that named it.
    last_group: str | None = None
    last_group_paragraph: int = -1
    # "His model gives ...", "The exit poll, conducted by X, projects ...": whose instrument a
    # sentence reported, which the next "It gives" in the paragraph goes on reporting.
    instrument_owner: str | None = None
    instrument_paragraph: int = -1
    # "Two members, Ana Roth and Liv Berg, preferred ...": people named together, whom the
    # next "they" in the paragraph means, and that paragraph.
    last_pair: tuple[str, ...] = ()
    last_pair_paragraph: int = -1
    # "Three members, A, B and C, preferred to cut": the minority of a vote, named once,
    # whom "the three members who preferred a cut" means later.
    minority: tuple[str, ...] = ()
    # A paragraph that is only a quotation, given the voice of the paragraph before until a
    # later sentence names whose it is.
    carried_paragraph: int = -1
    paragraph: int = -1
    # The paragraph that last named a person, and the people it names, in order.
    person_paragraph: int = -1
    paragraph_people: list[_Entity] = field(default_factory=list)
    # The byline, whose writer is not the one interviewed.
    byline: str = ""
    # The paragraph of the last question not about the past, and the paragraph of the
    # sentence before this one: a short answer replies to the question just above it.
    question_paragraph: int = -2
    # The paragraph of the last question of any kind ("So no recession?").
    asked_paragraph: int = -2
    # The paragraph of the last sentence that looks ahead: "Your staff see inflation at 2%
    # next year. Do you believe them?" asks about the future the sentence before it names.
    ahead_paragraph: int = -2
    # "Our polling analyst, X, writes:" introduces a paragraph that is X's own writing.
    introduced_paragraph: int = -1
    introduced_by: str | None = None
    # "Among the report's key judgements:" introduces a list, one paragraph an item, that is
    # the body's own voice until a paragraph names a speaker of its own; the last item's.
    listed_by: str | None = None
    listed_paragraph: int = -1
    # "Dr. X answered questions by phone." above a Q-and-A: the person the paragraphs just
    # before its first question name, who answers its "A:" turns. None until that question.
    answerer: _Entity | None = None
    questions_begun: bool = False
    # The signer of a commentary inside a release ("By Dr. X, Head of ..."), until a heading.
    signed_by: str | None = None
    # The organisations each speaking person works for, found in the article once.
    own_organisations: dict[str, tuple[str, ...]] = field(default_factory=dict)
    previous_paragraph: int = -1
    # The name that opened the sentence before this one, as its subject.
    opening: _Entity | None = None
    # Whether that name had a title ("Dr. Hanna Eld"): a person's, whatever follows it.
    opening_titled: bool = False
    # The team the sentence before opened on and called "their" ("Redbridge are without
    # their captain."): whom "the club" opening the next sentence means.
    team_opening: _Entity | None = None
    # The whole article: "federal forecasters said" in a lede speaks for an agency named later.
    article: str = ""
    # An article about the southern hemisphere, whose seasons fall six months from the north's
    southern: bool = False
    # Entities by their first and last word, latest last: lookups stay cheap on long texts.
    _by_edge_word: dict[str, list[_Entity]] = field(default_factory=dict)
    _titled_surnames: frozenset[str] | None = None

    def called_by_title(self, surname: str) -> bool:
        """Whether the article calls someone "Ms. <surname>", read once for the article."""
        if self._titled_surnames is None:
            self._titled_surnames = frozenset(
                match.group(1) for match in _COURTESY_THEN_SURNAME.finditer(self.article)
            )
        return surname in self._titled_surnames

    def known(self, mention: str) -> _Entity | None:
        """The fullest known entity a mention refers to ("Danilov" -> Oleksiy Danilov)."""
        if "-" in mention:
            # "Al-Darrani said", opening a sentence, is the "Qassem al-Darrani" named before
            mention = _OPENING_PARTICLE.sub(lambda particle: particle.group().lower(), mention)
        words = mention.split()
        if not words:
            return None
        candidates = self._by_edge_word.get(words[0], []) + self._by_edge_word.get(words[-1], [])
        for entity in sorted(candidates, key=lambda known: known.order, reverse=True):
            parts = entity.parts
            if entity.name == mention or (
                len(words) < len(parts)
                and (parts[-len(words) :] == words or parts[: len(words)] == words)
            ):
                return entity
        return None

    def entities_by_edge(self, word: str) -> list[_Entity]:
        """The entities whose name begins or ends with a word."""
        return self._by_edge_word.get(word, [])

    def remember(self, entity: _Entity) -> _Entity:
        existing = self.known(entity.name)
        if existing is not None and len(existing.parts) >= len(entity.parts):
            if entity.gender and not existing.gender:
                existing.gender = entity.gender
            return existing
        entity.order = len(self.entities)
        self.entities.append(entity)
        for word in {entity.parts[0], entity.parts[-1]}:
            self._by_edge_word.setdefault(word, []).append(entity)
        if entity.kind == "org":
            self._join_short_forms(entity)
            self._join_issuer(entity)
            self._join_central_bank(entity)
        return entity

    def _join_central_bank(self, entity: _Entity) -> None:
        """ "The Monetary Policy Committee expects ...": a rate-setting committee or board with
        no institution in its name is the central bank's the article names, and speaks for it,
        whichever of the two the article names first."""
        if _RATE_SETTING_BODY.fullmatch(entity.name):
            committees, banks = [entity], self._central_banks()
        elif _CENTRAL_BANK.search(entity.name):
            committees, banks = self._rate_setting_bodies(), [entity]
        else:
            return
        if len(banks) != 1:
            return
        for committee in committees:
            if committee.parent is None and banks[0].root() is not committee:
                committee.parent = banks[0]

    def _central_banks(self) -> list[_Entity]:
        return [
            other
            for other in self.entities
            if other.kind == "org" and other.parent is None and _CENTRAL_BANK.search(other.name)
        ]

    def _rate_setting_bodies(self) -> list[_Entity]:
        return [
            other
            for other in self.entities
            if other.kind == "org" and _RATE_SETTING_BODY.fullmatch(other.name)
        ]

    def _join_issuer(self, entity: _Entity) -> None:
        """ "Governing Council expects" in a bank's own release: a board, committee or council
        with no institution in its name is the issuer's, and speaks for it (LABELLING.md,
        round two (c) and (e)).
        """
        if (
            self.issuer is None
            or entity.parent is not None
            or entity.parts[-1].lower() not in _BODY_NOUNS
            or {"of", "for"} & set(entity.parts)
        ):
            return
        issuer = self.known(self.issuer)
        if issuer is not None and issuer is not entity and issuer.root() is not entity:
            entity.parent = issuer

    def spelled_out(self, acronym: str) -> _Entity | None:
        """The organisation met last whose initials `acronym` is: "NOAA" for the National
        Oceanic and Atmospheric Administration."""
        return next(
            (
                other
                for other in reversed(self.entities)
                if other.kind == "org" and len(other.parts) > 1 and _initials(other.name) == acronym
            ),
            None,
        )

    def _join_short_forms(self, entity: _Entity) -> None:
        """ "IEA" or "Corvale" and "International Energy Agency" or "Corvale Semiconductor"
        are one body, which speaks by its fullest name (LABELLING.md, speakers), whichever
        form the article gives first.
        """
        if len(entity.parts) == 1 and _ACRONYM_NAME.fullmatch(entity.name):
            full = self.spelled_out(entity.name)
            if full is not None and full.root() is not entity:
                entity.parent = full
            return
        initials = _initials(entity.name)
        # "Bank of Arland Monetary Committee" is a body of the bank, not the bank
        body = entity.parts[-1].lower() in _BODY_NOUNS
        shorter = [
            other
            for other in self._by_edge_word.get(entity.parts[0], [])
            + self._by_edge_word.get(initials, [])
            if other is not entity
            and other.kind == "org"
            and other.parent is None
            and len(other.parts) < len(entity.parts)
            and (
                other.name == initials
                or (not body and entity.parts[: len(other.parts)] == other.parts)
            )
        ]
        for other in shorter:
            if entity.root() is not other:
                other.parent = entity

    def body(self) -> str | None:
        """The institution of the latest committee or board named: whose members speak."""
        for entity in reversed(self.entities):
            if entity.kind == "org" and entity.nouns & _BODY_NOUNS:
                return entity.root().name
        return None

    def interviewee(self) -> str | None:
        """Who answers in a Q-and-A: the person introduced just above its first question, else
        the first person the article names, its writer aside."""
        if self.answerer is not None:
            return self.answerer.name
        for entity in self.entities:
            if entity.kind == "person" and entity.name not in self.byline:
                return entity.name
        return None

    def first_organisation(self) -> str | None:
        """The institution an interview names first, in its body or else its headline (which
        keeps the names its body repeats): the interviewee's."""
        organisations = [entity for entity in self.entities if entity.kind == "org"]
        body = [entity for entity in organisations if not entity.headline]
        first = body or organisations
        return first[0].root().name if first else None

    def first_person_in_body(self) -> _Entity | None:
        """The person the story is about: the first its body names, its writer aside."""
        for entity in self.entities:
            if entity.kind == "person" and not entity.headline and entity.name not in self.byline:
                return entity
        return None

    def person_for(self, pronoun: str, spoken_of: frozenset[str] = frozenset()) -> _Entity | None:
        """The latest person the pronoun can mean, passing over those whose names are in
        `spoken_of` (a speaker's quotation names others, not the speaker)."""
        gender = _PRONOUNS.get(pronoun.lower(), "")
        for person in reversed(self.last_person):
            if spoken_of and spoken_of.intersection(person.parts):
                continue
            if not gender or not person.gender or person.gender == gender:
                if gender:
                    person.gender = gender
                return person
        return None

    def org_for(self, noun: str, *, earlier_only: bool = False) -> _Entity | None:
        """The latest organisation that "the <noun>" can refer to ("the group" -> AutoClub);
        with `earlier_only`, one named before this sentence, as a sentence's subject means."""
        noun = noun.lower()
        entities = self.entities
        if earlier_only:
            entities = [
                entity
                for entity in entities
                if entity.unnamed or entity.order < self.known_before_sentence
            ]
        body = [entity for entity in reversed(entities) if not entity.headline]
        headline = [entity for entity in entities if entity.headline]
        for entity in body + headline:
            # "the Bank" is the Central Bank of Arland, not an entity of its own
            if entity.kind == "org" and noun in entity.nouns and entity.name.lower() != noun:
                return entity.root()
        if _any_org_noun(noun) or noun in _BODY_NOUNS:
            # "the group" is an organisation, not one of its boards or panels
            whole = [
                entity
                for entity in reversed(entities)
                if entity.kind == "org"
                and (noun in _BODY_NOUNS or not entity.nouns & _BODY_NOUNS)
                # "the electoral commission" is no committee of the university quoted before
                and not (noun in _BODY_NOUNS and entity.nouns and entity.nouns <= _NO_BOARDS)
            ]
            fitting = [entity for entity in whole if _fits(noun, entity)]
            for entity in fitting:
                if entity.name == self.last_organisation:
                    return entity.root()
            for entity in fitting:
                return entity.root()
        return None

    def begin_questions(self, paragraph: int) -> None:
        """The first interviewer's turn: a story that ends in a Q-and-A ("Dr. X answered
        questions from us by phone.") introduces whoever answers it in the paragraphs just
        above, after the people its own reporting quoted."""
        if self.questions_begun:
            return
        self.questions_begun = True
        if self.person_paragraph < paragraph - _ANSWERER_INTRODUCED_REACH:
            return
        # "Prof. X, who ..., spoke to Ravi Menon": the subject the paragraph opens with, not the
        # writer who asks
        self.answerer = next(
            (person for person in self.paragraph_people if person.name not in self.byline), None
        )

    def mention_person(self, entity: _Entity) -> None:
        if entity in self.last_person:
            self.last_person.remove(entity)
        self.last_person.append(entity)
        if self.person_paragraph != self.paragraph:
            self.paragraph_people = []
        if entity not in self.paragraph_people:
            self.paragraph_people.append(entity)
        self.person_paragraph = self.paragraph


# Kinds of firm, and the public bodies and institutes that are none of them: "the
# manufacturer" is not the institute last named.
_FIRM_KINDS_OF_NOUN: Final = _wordset(
    "firm company business maker producer manufacturer retailer lender insurer reinsurer "
    "operator carrier chain broker brokerage bookmaker bookie consultancy"
)


_PUBLIC_NOUNS: Final = _wordset(
    "institute university college centre center agency ministry department council committee "
    "commission board authority office bureau service party union court government parliament "
    "police observatory foundation trust society association federation confederation league"
)


# Bodies whose boards and committees are not what news quotes as "the commission".
_NO_BOARDS: Final = _wordset("university college school hospital institute observatory club")


# What a research house's name is made of: "the firm" or "the researcher", not "the company".
_RESEARCH_NOUNS: Final = _wordset("research analytics")


def _fits(noun: str, entity: _Entity) -> bool:
    """Whether "the <noun>" can be `entity` by its kind: no "company" is a public office, and
    no "bank" is a public body that is not one ("the statistics agency")."""
    if noun == "bank" and entity.nouns and "bank" not in entity.nouns:
        return not _public_body(entity)
    if noun == "company" and entity.nouns and entity.nouns <= _RESEARCH_NOUNS:
        return False  # "Orla Research" is "the firm"; "the company" is a maker met beside it
    return not (noun in _FIRM_KINDS_OF_NOUN and entity.nouns and _public_body(entity))


def _public_body(entity: _Entity) -> bool:
    """A body whose name's words are all public ones, or whose name ends on one: the "Energy
    Regulatory Office" is an office, whatever industry it oversees, and no "company"."""
    last = entity.name.split()[-1].lower() if entity.name.split() else ""
    return entity.nouns <= _PUBLIC_NOUNS or last in _PUBLIC_NOUNS


@dataclass(frozen=True, slots=True)
class _Mention:
    text: str
    start: int
    end: int
    title: str
    possessive: bool
    # "Norges Bank" of "Norges Bank's Monetary Policy Committee": whose the name is.
    owner: str = ""


# A wire dateline: "FRANKFURT, Dec 2 (Reuters) - ", "OAKLAND, California, Dec 2 - ",
# "DELFT - ", "(AP) - " and "Nov 25 (TechLedger) - ", the place left out.
_DATELINE: Final = re.compile(
    r"^(?:[A-Z][A-Z.'’/-]{2,}(?:\s+[A-Z][A-Z.'’/-]*)*(?:,[^()–—]{0,80}?)?\s+"
    r"|(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s+)?(?=\())"
    # "(Halyard News) -- ": a wire's double hyphen for a dash
    r"(?:\((?P<agency>[^()]{2,60})\)\s*)?(?:--|[-–—])\s+"
)


def _agency_credit(text: str) -> tuple[int, int] | None:
    """Where the dateline's credited agency stands in a lede, if it has one."""
    dateline = _DATELINE.match(text)
    return dateline.span("agency") if dateline and dateline.group("agency") else None


def _after_dateline(text: str) -> int:
    """Where the sentence proper starts: after its dateline, if it opens with one."""
    dateline = _DATELINE.match(text)
    return dateline.end() if dateline else 0


# Each sentence is read for names twice, before and after its attribution: kept, not redone.
@lru_cache(maxsize=256)
def _name_runs(text: str) -> tuple[_Mention, ...]:
    mentions: list[_Mention] = []
    covered = 0
    for run in _NAME_RUN.finditer(text):
        if run.start() < covered:
            continue  # the "Control" of "... Prevention and Control", already taken
        end = run.end()
        joins_and = " for " in run.group() or _MINISTRY_OF.match(run.group()) is not None
        if joins_and and (tail := _AND_LAST_WORD.match(text, end)) is not None:
            # "European Centre for Disease Prevention and Control", "Ministry of Finance and
            # Economy": one body's name
            end = tail.end()
        covered = end
        for start, stop in _split_at_of(text[run.start() : end], run.start()):
            mentions.extend(_mention(text, start, stop))
    return tuple(mentions)


def _led_by(mention: _Mention, document: _Document) -> list[_Mention]:
    """ "the Moderate Union of Kristina Falk": a party and its leader, when the article calls
    her "Ms. Falk"; "the Bank of New Zealand" stays one name."""
    head, of, tail = mention.text.rpartition(" of ")
    words = tail.split()
    if not of or len(words) not in (2, 3) or not all(word[:1].isupper() for word in words):
        return [mention]
    if not document.called_by_title(words[-1]):
        return [mention]
    tail_start = mention.end - len(tail) - (2 if mention.possessive else 0)  # "Falk's"
    head_end = tail_start - len(of)
    return [
        _Mention(head, mention.start, head_end, mention.title, False, mention.owner),
        _Mention(tail, tail_start, mention.end, "", mention.possessive),
    ]


def _mentions_in(text: str, document: _Document) -> list[_Mention]:
    """The names a sentence gives, a party's leader apart from the party."""
    return [part for run in _name_runs(text) for part in _led_by(run, document)]


# "Ministry of Economy and Finance", "Department of Agriculture and Forestry": a ministry's
# name lists its portfolios.
# "Office of Budget and Management", "Bureau of Mines and Geology": a public body's "of" and
# the two fields after it; "Pellavia's Ministry of Finance and Planning": with its country's
# name before it
_MINISTRY_OF: Final = re.compile(
    r"(?:[A-Z][\w.-]*['’]s\s+)?(?:The\s+)?"
    r"(?:Ministry|Department|Secretariat|Office|Bureau|Directorate)\s+of\s+[A-Z]"
)


# " and Control" closing a name whose "for" says what the body is for; not " and Jones Ltd"
_AND_LAST_WORD: Final = re.compile(r"\s+and\s+[A-Z][a-z]+\b(?!\s+[A-Z])(?!['’])")


# "Coordination", "Study", "Advancement": an abstract noun, what a body is for.
# Not "Evening" or "Morning", which open a newspaper's name ("Kantora Research for the Evening
# Clarion" names the pollster's client).
_PURPOSE_NOUN: Final = re.compile(
    r"(?!(?:Evening|Morning|Sunday|Daily|Weekly)\b)"
    r"[A-Z][a-z]+(?:tion|sion|ment|ance|ence|ship|ing|y)\b"
)


# "Stellan Institute for NVT", "Kantor Polling for Harbour News": a pollster working for a
# broadcaster or a paper, its client named as an acronym or by an outlet's word; not "Institute
# for Economic Research" or "Centre for Independent Journalism", a field the body is for.
_FOR_OUTLET: Final = re.compile(
    r"\s+for\s+(?=(?:[A-Z]{2,5}|(?:[A-Z][\w'’-]+\s+){1,3}(?:News|Times|Post|Herald|Television|"
    r"TV|Radio|Courier|Clarion|Gazette|Journal|Tribune|Telegraph|Broadcasting|Channel|Wire|"
    r"Chronicle|Observer|Express|Mail|Standard|Mirror))(?![\w'’-]|\s+[A-Z]))"
)


def _split_at_of(run: str, offset: int) -> list[tuple[int, int]]:
    """ "Ben Adeyemi of Fenland University" is two names; "Bank of England" is one."""
    if _OF_POST.match(run):
        return [(offset, offset + len(run))]  # "Secretary of State Ngozi Nwachukwu": one post
    client = _FOR_OUTLET.search(run)
    if client is not None:
        rest = _split_at_of(run[client.end() :], offset + client.end())
        return [*_split_at_of(run[: client.start()], offset), *rest]
    for connector in re.finditer(r"\s+(?:of|for)\s+the\s+|\s+of\s+", run):
        head = run[: connector.start()].split()
        # "Organisation of the Petroleum Exporting Countries" is one name; "the Monetary
        # Policy Board of the Central Bank" is a body of an institution, two names
        # ("The Organization of the ..." opening a sentence: its "The" is no part of the name)
        core = head[1:] if head and head[0].lower() == "the" else head
        joined = connector.group().split()[-1] != "the" or len(core) == 1
        if (
            head
            and head[-1].lower() in _ORG_WORDS
            and connector.group().split()[0] == "for"
            and _PURPOSE_NOUN.match(run, connector.end())
        ):
            # "United Nations Office for the Coordination of Humanitarian Affairs": what the
            # body is for is part of its name, down to the end ("Meridex Research for the
            # Brennick Courier" names a client, two names)
            return [(offset, offset + len(run))]
        # "British Chambers of Commerce": an organisation's word in the plural holds too
        last = head[-1].lower() if head else ""
        if head and ((last not in _ORG_WORDS and last[:-1] not in _ORG_WORDS) or not joined):
            rest = _split_at_of(run[connector.end() :], offset + connector.end())
            return [(offset, offset + connector.start()), *rest]
    return [(offset, offset + len(run))]


# "Secretary of State Ngozi Nwachukwu", "Minister of Health Ana Ruiz": a post named with its
# portfolio, then the holder's name of two words or more.
_OF_POST: Final = re.compile(
    r"(?:Secretary|Minister|Chancellor|Secretary-General)\s+of\s+(?:the\s+)?[A-Z][a-z]+\s+"
    r"(?=[A-Z][\w'’-]+\s+[A-Z][\w'’-]+)"
)


def _mention(text: str, start: int, end: int) -> Iterator[_Mention]:
    run = text[start:end]
    post = _OF_POST.match(run)
    if post is not None:
        start += post.end()
        run = text[start:end]
    # "Lumora's Teodora Vance": the organisation's possessive is not part of the name.
    owner = re.match(r"(?:[\w.&-]+\s+){0,5}[\w.&-]+['’]s\s+(?=[A-Z])", run)
    owner_name = ""
    if owner and not _unit_of_institution(owner.group(), run[owner.end() :]):
        owner_name = re.sub(r"['’]s\s+$", "", owner.group())
        named = owner_name.split()
        while named and named[0].lower() in _LEADING_FUNCTION_WORDS:
            named.pop(0)
        if owner_name.split()[0].lower().strip(".") in _PERSON_TITLES or (
            len(named) in (2, 3) and all(w[:1].isupper() for w in named)
        ):
            # "Prime Minister Erik Tolander's Social Democrats": the leader is named too; "But
            # Matteo Brandt's Velox team": and the driver, whom "Brandt" means later
            yield from _mention(text, start, start + len(owner_name))
        start += owner.end()
        run = text[start:end]
    words = re.sub(r"[’']s?$", "", run).rstrip(".").split()
    while len(words) > 1 and words[0].lower() in _LEADING_FUNCTION_WORDS:
        words.pop(0)
    contracted = _CONTRACTED.search(words[0]) if len(words) > 1 else None
    if contracted is not None and words[0][: contracted.start()].lower() in _PRONOUNS:
        # "I'm Dana Whitcombe", "We're Halden Audio": a speaker introducing themselves; the
        # pronoun and its verb are no part of the name
        start += run.find(words[1], len(words[0]))
        run = text[start:end]
        words.pop(0)
    if len(words) > 1 and _opening_adverb(words[0], text, start):
        # "Then Rick Alvarado, who ...", "Meanwhile Ana Ruiz said": the adverb opening the
        # sentence is no part of the name that follows it
        start += run.find(words[1], len(words[0]))
        run = text[start:end]
        words.pop(0)
    if (
        len(words) > 2
        and words[0].lower() in _QUESTION_VERBS
        and words[1].lower().strip(".") in _PERSON_TITLES
    ):
        # "Can Mr. Hale win?", "Will Ms. Okafor hold on?": the question's verb, not a first
        # name (a title cannot follow a first name)
        start += run.find(words[1], len(words[0]))
        run = text[start:end]
        words.pop(0)
    if len(words) > 1 and _LOCATED.search(words[0]):
        # "the Frankfurt-based Duval Research": where the firm is, no part of its name
        start += run.find(words[1], len(words[0]))
        run = text[start:end]
        words.pop(0)
    if len(words) > 2 and words[0].lower() in _PEOPLE_OF_A_TRADE:
        # "Economists Anna Berg, Tomas Ruiz and ...": the trade, at the head of a sentence
        start += run.find(words[1], len(words[0]))
        run = text[start:end]
        words.pop(0)
    if len(words) > 1 and _describes_a_firm(words[0]):
        # "Chipmaker Orrin Semiconductor", "Retailer Grovemart": the kind of firm, at the
        # head of a sentence, is no part of its name
        start += run.find(words[1], len(words[0]))
        run = text[start:end]
        words.pop(0)
    while (
        len(words) > 1
        and words[-1].lower().strip(".,") in _LEGAL_SUFFIXES | {"&", "and"}
        and not (len(words) > 2 and words[-2] == "&")
    ):
        words.pop()  # "Apogee Enterprises, Inc." speaks as Apogee; "Marsh & Co" keeps its "& Co"
    if len(words) == 1 and (words[0].lower().strip(".,") in _LEGAL_SUFFIXES or len(words[0]) < 2):
        return  # the "Inc." of "Apogee Enterprises, Inc."; a lone letter
    if words and words[-1].lower() in _JOB_WORDS | _TRAILING_JOB_TITLES:
        return  # "Met Office Chief Meteorologist", "Bank of England Governor": a post
    # "Deputy Secretary-General Ingrid Solvang": a hyphenated post is a post too
    inner = [
        i
        for i, word in enumerate(words[:-2])
        if word.lower() in _INNER_JOB_TITLES or word.lower().split("-")[0] in _INNER_JOB_TITLES
    ]
    if inner and len(words) - inner[-1] - 1 >= 2 and words[inner[-1] + 1][:1].isupper():
        # "Manchester City Manager Roberto Mancini": the name follows the post; not "Office
        # of the UN High Commissioner for Refugees", whose "for" goes on the body's name
        cut = inner[-1] + 1
        after_title = run.find(words[cut - 1]) + len(words[cut - 1])
        start += max(0, run.find(words[cut], after_title))
        words = words[cut:]
    titled = next(
        (
            i
            for i, word in enumerate(words[:-2])
            if i > 0 and word.lower().strip(".") in _COURTESY_TITLES
        ),
        None,
    )
    if titled is not None:
        # "Entomologist Dr. Pilar Ostrowski-Adebayo" in a caption: the trade before the title
        # is no part of the name
        start += run.find(words[titled], len(words[0]))
        run = text[start:end]
        words = words[titled:]
    person = _person_after_organisation(words)
    if person:
        # "Oxford Research Mara Jensen": a firm run into the name of someone who works there
        cut = run.rfind(" ".join(words[-person:]))
        if cut > 0:
            yield from _mention(text, start, start + cut)
            yield from _mention(text, start + cut, end)
            return
    party = 2 if len(words) > 3 and words[0].lower() in _PARTY_PREFIXES else 1
    if (
        len(words) > party + 1
        and words[party - 1].lower() in _PARTY_WORDS
        and (
            words[party].lower().strip(".") in _PERSON_TITLES
            # "Social Democrat Matthias Odeyemi": a member's party, then the member
            or not any(_org_word(word) or word.lower() in _PLACE_WORDS for word in words[party:])
        )
    ):
        start += run.find(words[party], len(" ".join(words[:party])))
        run = text[start:end]
        del words[:party]
    titles = []
    organisation = any(_org_word(word) for word in words)
    while (
        len(words) > 1
        and words[0].lower().strip(".") in _PERSON_TITLES | {"the"}
        and not (organisation and words[0].lower() != "the")
    ):
        titles.append(words.pop(0).lower().strip("."))
    if words and words[0].lower() == "the":
        words.pop(0)
    if len(words) > 1 and words[0] in {"A", "An"}:
        words.pop(0)  # "A Treasury spokesperson": the article, no part of the name
    if "the" in titles:
        titles.remove("the")
    if words:
        possessive = bool(re.search(r"[’']s?$", text[start:end]))
        yield _Mention(" ".join(words), start, end, " ".join(titles), possessive, owner_name)


# "Children's", "Women's": the people a body is for, inside its own name.
_FOR_WHOM: Final = re.compile(r"\b(?:Children|Women|Men|People)['’]s\s*$")


def _unit_of_institution(owner: str, owned: str) -> bool:
    """ "the University of Heidelberg's Institute of Global Health": a unit of an institution,
    named in full, since the unit's own name could be anyone's (LABELLING.md, speakers); a
    board or committee speaks for its owner instead ("Norges Bank's Monetary Committee").
    """
    owned_words = {word.lower() for word in owned.split()}
    if _FOR_WHOM.search(owner):
        return True  # "Vasby Children's Hospital", "the People's Bank": whom it is for, one name
    if owned_words & _BODY_NOUNS:
        return False
    if _UNION_OF_STATES.search(owner):
        # "the European Union's Copernicus Climate Change Service": a union of states owns
        # its agencies as a government does, and the agency speaks by its own name
        return False
    owner_words = {word.lower().strip("’'s") for word in owner.split()}
    if owner_words & _PUBLIC_AGENCY_WORDS and owned_words & _AGENCY_UNIT_WORDS:
        # "NOAA's Climate Prediction Center", "the Met Office's Hadley Centre": a public
        # agency's unit speaks for the agency (LABELLING.md, ninth and tenth splits)
        return False
    if len(owned_words) == 1 and owned_words <= _ORG_WORDS:
        return True  # "the Swiss People's Party", "Children's Hospital": one name
    return bool({word.lower().strip("’'s") for word in owner.split()} & _ORG_WORDS) and bool(
        owned_words & _ORG_WORDS
    )


# "European Union", "African Union": a union named for a continent or a people, not a trade
# union or a party.
_UNION_OF_STATES: Final = re.compile(r"\b[A-Z][a-z]+an\s+Union['’]s\s*$")


_PUBLIC_AGENCY_WORDS: Final = _wordset(
    "administration agency service organization organisation ministry department office"
)


_AGENCY_UNIT_WORDS: Final = _wordset("center centre unit division bureau")


# Common nouns for a kind of firm, written before its name.
_FIRM_KINDS: Final = _wordset(
    "retailer insurer reinsurer lender miner brewer pollster broker carrier airline conglomerate "
    "supermarket grocer regulator broadcaster publisher developer distributor manufacturer "
    "producer exporter importer operator supplier startup start-up rival"
)


# Firms of advisers, named the same way ("Consultancy Larchmont Energy") but not used on
# their own for any firm last named, as "the consultancy Carrow" must still find Carrow.
_ADVISER_KINDS: Final = _wordset("consultancy brokerage shipbroker forecaster")


def _describes_a_firm(word: str) -> bool:
    lowered = word.lower()
    return word[:1].isupper() and (
        (lowered.endswith("maker") and len(lowered) > 5)
        or lowered in _FIRM_KINDS
        or lowered in _ADVISER_KINDS
    )


def _person_after_organisation(words: list[str]) -> int:
    """How many words at the end of a run name a person after an organisation's name."""
    marks = [i for i, word in enumerate(words) if word.lower().strip("’'") in _ORG_WORDS]
    first = 1 if words[0].lower() == "the" else 0
    if not marks or marks[-1] == first or len(words) - marks[-1] - 1 not in (2, 3):
        return 0  # "United Auto Workers": an organisation word first opens the name
    if any(word in {"of", "for", "the", "&"} for word in words):
        return 0  # "Organisation of the Petroleum Exporting Countries" is one long name
    tail = words[marks[-1] + 1 :]
    if all(
        re.fullmatch(r"[A-Z][a-z]+(?:['’-][A-Za-z]+)*", word)
        and not word.endswith("ing")
        and word.lower() not in _NOT_NAMES | _PERSON_TITLES | _LEGAL_SUFFIXES | _NAME_PARTICLES
        for word in tail
    ):
        return len(tail)
    return 0


_LEGAL_SUFFIX_AFTER: Final = re.compile(
    r",?\s*(?:Inc|Ltd|LLC|plc|PLC|Corp|Co|GmbH|AG|SA|NV|BV|LP|LLP|Pty)\b\.?"
)


_EMPLOYER_BEFORE_ROLE: Final = re.compile(
    # "Ruth Marr said midfielder Jon Ash had trained": a verb between, and the name before it
    # is the one who speaks, not where the player works
    r"\s+(?:(?!(?:said|says|told|tells|added|adds|thinks|thought|believes|believed|expects|"
    r"expected|hopes|hoped|warned|warns|confirmed|confirms|admitted|admits)\b)[a-z-]+\s+){0,2}"
    r"(?:analyst|economist|strategist|envoy|ambassador|mediator|"
    r"spokesman|spokeswoman|spokesperson|executive|director|minister|chief|head|official|"
    r"correspondent|coach|manager|captain|striker|midfielder|goalkeeper|forecaster|"
    r"meteorologist|scientist|researcher|pollster|governor|president|chair|chairman|"
    r"chairwoman)\s+(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?[A-Z]"
)


# "Your American rival", "My party": whose someone is, said by the one speaking, begins no name.
_SPEAKER_OWNERS: Final = frozenset({"Your", "My"})


# "Like-for-like", "Year-on-year": a compound whose later parts are in lower case, as a name's
# are not ("Oyelaran-Beck", "Rolls-Royce").
_LOWER_COMPOUND: Final = re.compile(r"-[a-z]")


def _opening_compound(mention: _Mention, text: str, start: int) -> bool:
    return (
        " " not in mention.text
        and not mention.title
        and _LOWER_COMPOUND.search(mention.text) is not None
        and not text[:start].strip(" \"“‘'")
    )


# The word a photograph's caption credits its taker by, run on from the caption's last name.
_CREDIT_WORDS: Final = frozenset({"Photograph", "Photo", "Picture", "Illustration"})


# A US state as wires abbreviate it after a town: "Orvieto Falls, Ore.", "Tempe, Ariz.".
_US_STATE: Final = re.compile(
    r"(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Kans|Ky|La|Md|Mass|Mich|Minn|"
    r"Miss|Mo|Mont|Neb|Nev|N\.H|N\.J|N\.M|N\.Y|N\.C|N\.D|Okla|Ore|Pa|R\.I|S\.C|S\.D|Tenn|"
    r"Tex|Vt|Va|Wash|W\.Va|Wis|Wyo)\.(?=[\s,;:)]|$)"
)
_TOWN_THEN_COMMA: Final = re.compile(r"[A-Z][\w'’.-]*,\s+$")


def _state_after_town(text: str, start: int) -> bool:
    """Whether the name at `start` is a state's abbreviation after a town and a comma: a
    place, never a speaker, though it is capitalised and stands alone."""
    return (
        _US_STATE.match(text, start) is not None
        and _TOWN_THEN_COMMA.search(text, max(0, start - _NAME_CUE_WINDOW), start) is not None
    )


def _in_capitals(written: str, document: _Document) -> _Entity | None:
    """ "OYELARAN-BECK:" tagging a transcript's turn, a name in a heading set in capitals: the
    person or body the article names in ordinary case ("Paul Oyelaran-Beck"), as it is."""
    if not written.isupper() or _ACRONYM_NAME.fullmatch(written) is not None:
        return None
    titled = written.title()
    return document.known(titled) if titled != written else None


# "led by former mayor of Velmora Irina Castell": a place written right before a person.
_PLACE_PREPOSITION_BEFORE: Final = re.compile(r"\b(?:of|in|from)\s+$")


def _place_before_person(mention: _Mention, text: str, document: _Document) -> bool:
    """Whether the first of three capitalised words after "of", "in" or "from" is a place
    the article names on its own elsewhere ("the University of Velmora", "in central
    Velmora"), run together with the person's name after it."""
    words = mention.text.split()
    if (
        len(words) != 3
        or mention.title
        or mention.possessive
        or any(_org_word(word) for word in words)
        or not _PLACE_PREPOSITION_BEFORE.search(text, max(0, mention.start - 6), mention.start)
    ):
        return False
    alone = re.compile(
        rf"\b(?:of|in|at|from|near|central|northern|southern|eastern|western)\s+"
        rf"{re.escape(words[0])}\b(?!\s+{re.escape(words[1])}\b)"
    )
    return alone.search(document.article) is not None


def _classify(mention: _Mention, text: str, document: _Document) -> _Entity | None:
    words = mention.text.split()
    if _place_before_person(mention, text, document):
        start = mention.start + mention.text.index(words[1], len(words[0]))
        mention = replace(mention, text=" ".join(words[1:]), start=start)
        words = words[1:]
    if len(words) == 1 and not mention.title and words[0].lower() in _NOT_NAMES:
        return None  # "Tuesday", "Neither": a capital that names nobody
    if len(words) > 1 and words[0] in _SPEAKER_OWNERS:
        return None  # "Your American rival says": an interviewer's "your", not a name
    capitals = _in_capitals(mention.text, document)
    if capitals is not None:
        return capitals
    if len(words) > 1 and mention.text.isupper() and document.known(mention.text) is None:
        return None  # "PORT ESTMERE, Feb. 18": a dateline's place, or a shouted heading
    if _opening_compound(mention, text, mention.start):
        return None  # "Like-for-like sales rose": a compound capitalised to open the sentence
    if words[-1] in _CREDIT_WORDS:
        return None  # "... in front of the Quay End. Photograph: A. Lee": a caption's credit
    if len(words) == 1 and _state_after_town(text, mention.start):
        return None  # "based in Orvieto Falls, Ore.": the state a town is in, nobody who speaks
    if _titled_document(words) and not _RATER_AFTER.match(text, mention.end):
        return None  # "its Oil Market Report", "Bank Rate": a publication or a rate says nothing
    if _LOCATED.search(words[-1]):
        return None  # "The New York-based institute": where a body is, not its name
    if _NATIONAL_MODIFIER.fullmatch(mention.text) and _LOWER_NOUN_AFTER.match(text, mention.end):
        return None  # "the U.N. agency", "the EU executive": whose body it is, not its name
    if _time_phrase(words):
        return None  # "Last August", "Early Monday": a time, nobody who speaks
    if _named_day(words, text, mention.start):
        return None  # "early on Christmas Day", "until Election Day": a date, nobody who speaks
    # "Ashdown Reservoir", "Harbour Street": a place speaks for no one; "Marsh & Lane" is a
    # firm of partners, not a street
    place = words[-1].lower() in _PLACE_WORDS and "&" not in words
    if len(words) > 1 and place and not mention.title:
        return None
    if len(words) == 1 and not mention.title and _sentence_adverb(words[0], text, mention.start):
        return None
    if len(words) == 1 and mention.possessive and _ACRONYM_NAME.fullmatch(words[0]):
        # "OPEC's output", "the IMF's forecast": initials in the possessive name a body
        return document.known(words[0]) or _Entity(words[0], "org")
    if len(words) == 1 and not mention.title and words[0].lower() in _INDUSTRY_WORDS:
        return None  # "Retail sales fell", "Energy prices": an industry, nobody's name
    if len(words) == 1 and not mention.title and words[0].lower() in _COMMODITY_WORDS:
        return None  # "Oil prices slipped": a market, nobody's name
    if len(words) == 1 and words[0].lower() in _ORG_WORDS:
        # "the Institute" after the Caledon Institute of Public Health is that institute
        found = document.org_for(words[0])
        if found is not None:
            return found
    known = document.known(mention.text)
    # the cues before a name are a word or two: a short window keeps the end-anchored
    # patterns from scanning far
    before = text[max(0, mention.start - _NAME_CUE_WINDOW) : mention.start]
    noun_before = _ORG_NOUN_BEFORE.search(before)
    # "the bank" is the Bundesbank as it is the Bank of Kell
    nouns = {_org_noun(word) for word in words if _org_word(word)}
    written = text[mention.start : mention.end].split()
    # "Harwell & Co.", "Apogee Enterprises, Inc.": a firm, whatever its words
    legal = (
        "&" in written
        or any(word.lower().strip(".,") in _LEGAL_SUFFIXES for word in written[1:])
        or bool(_LEGAL_SUFFIX_AFTER.match(text, mention.end))
    )
    if noun_before:
        nouns.add(noun_before.group("noun").lower())
        if (
            known is not None
            and known.kind == "person"
            and (known.headline or not known.gender)
            and not mention.title
        ):
            # "Brenner Velo sees return to growth" read as a person in the headline, or
            # "Corvid Insight and Tallis Data agree" in the standfirst; "e-bike maker Brenner
            # Velo" in the body shows it is a firm
            known.kind = "org"
            known.nouns = frozenset(nouns)
    if (nouns or legal) and known is None:
        return _Entity(mention.text, "org", nouns=frozenset(nouns))
    if known is None and len(words) > 1 and _initials_follow(text, mention):
        # "Kessington Metropolitan Transport (KMT)": a body gives its initials; a person doesn't
        return _Entity(mention.text, "org")
    if known is None and not mention.title and _product_name(words, before, document):
        return None  # "The glasses, called Vellum Sight, ...": a product, nobody who speaks
    if _POST_OF_BEFORE.search(before) and not mention.title and known is None and len(words) > 1:
        # "the chief marketing officer of Hollis Mobile": a post held at a body
        return _Entity(mention.text, "org")
    if _ORG_CUES_BEFORE.search(before) and not mention.title and known is None:
        return _Entity(mention.text, "org") if len(words) > 1 else None
    if (
        known is not None
        and known.kind == "org"
        and set(mention.title.split()) & _COURTESY_TITLES
        and not any(part.lower() in _ORG_WORDS for part in known.parts)
    ):
        # "pollster Helen Marsh" read as a firm, then "Dr. Helen Marsh": a person after all
        known.kind, known.nouns = "person", frozenset()
        known.gender = known.gender or _gender_of(mention.title)
    if (
        known is not None
        and known.kind == "person"
        and not known.gender
        and not mention.title
        and _WORKS_AT_BEFORE.search(before)
    ):
        # "president of distribution at Halberd": where someone works is an organisation
        known.kind = "org"
    after_noun = _ORG_NOUN_AFTER.match(text, mention.end) if not mention.title else None
    if after_noun is not None and (known is None or known.kind == "org"):
        # "the Ifo institute said": the noun after the name is what "the institute" means later
        noun = after_noun.group("noun").lower()
        if known is None:
            return _Entity(mention.text, "org", nouns=frozenset({noun}))
        known.nouns = known.nouns | {noun}
    aside = (
        (_KIND_ASIDE.match(text, mention.end) or _KIND_BEFORE_ASIDE.search(before))
        if not mention.title
        else None
    )
    if aside is not None and (known is None or known.kind == "org"):
        # "Vaerstat, the national weather service, ...": what "the service" means later
        noun = aside.group("noun")
        if known is None:
            return _Entity(mention.text, "org", nouns=frozenset({noun}))
        known.nouns = known.nouns | {noun}
    context = (
        _ORG_CONTEXT_AFTER.match(text, mention.end, mention.end + _LOOK_AROUND)
        if not mention.title
        else None
    )
    if known is not None and known.kind == "person" and not known.gender and context:
        # "Corran Grid's outlook" read as a person, then "Corran Grid, which runs ...": only
        # an organisation is followed by "which" or called "the operator"
        known.kind = "org"
    if known is not None:
        return known
    if _PLACE_CUES_BEFORE.search(before) and not mention.title:
        return None
    if context:
        noun = context.group("noun")
        return _Entity(mention.text, "org", nouns=frozenset({noun.lower()} if noun else ()))
    if len(words) == 1 and _acronym_of_a_body(words[0], text, mention.end):
        return _Entity(words[0], "org")
    if mention.start == 0 and len(words) == 1 and not mention.title:
        return None
    if not mention.title and _EMPLOYER_BEFORE_ROLE.match(text, mention.end):
        # "Jefferies analyst Kevin Grundy", "U.N. Syria envoy Staffan de Mistura": the words
        # before the post name where the person works
        return _Entity(mention.text, "org") if len(words) > 1 or known is None else known
    if len(words) >= 2 and not mention.title and _opened_by_known_org(words, document):
        return _Entity(mention.text, "org")  # "Corvale Semiconductor" after "Corvale"
    if len(words) >= 2 or mention.title:
        if not mention.title and (
            words[0].lower() in _COMPASS_WORDS or any(w.lower() in _WATER_WORDS for w in words)
        ):
            return None  # "South Australia", "Indian Ocean Dipole": a region, nobody's name
        gender = _gender_of(mention.title)
        return _Entity(mention.text, "person", gender)
    return None


# First words of a region's name, never a person's: "Northern Territory", "West Falmouth".
_COMPASS_WORDS: Final = _wordset(
    "north south east west northern southern eastern western central north-east north-west "
    "south-east south-west"
)


_WATER_WORDS: Final = _wordset("ocean sea gulf strait peninsula")


# "Last August", "Next Spring", "Early Monday": words that make a time of the word after.
_TIME_MODIFIERS: Final = _wordset("last next this early late mid since until by every")


def _time_phrase(words: list[str]) -> bool:
    """ "Last December", "Early Monday": a time written with capitals, no name."""
    return len(words) > 1 and words[0].lower() in _TIME_MODIFIERS and words[1].lower() in _TIMES


_TIMES: Final = _wordset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday spring summer autumn fall winter "
    "christmas easter"
)


_DAY_WORDS: Final = frozenset({"Day", "Eve", "Night"})
_TIME_PREPOSITION_BEFORE: Final = re.compile(
    r"\b(?:on|until|till|before|after|by|since|through|over|from)\s+$", re.IGNORECASE
)


def _named_day(words: list[str], text: str, start: int) -> bool:
    """A holiday's name after a preposition of time: "on Christmas Day", "before New Year's Eve"."""
    if len(words) < 2 or words[-1] not in _DAY_WORDS:
        return False
    if words[0].lower() in _OCCASIONS:
        return True  # "Boxing Day preview:", "Election Night coverage": the day, wherever
    return bool(_TIME_PREPOSITION_BEFORE.search(text, max(0, start - 12), start))


# Occasions that give a day or night its name, never a first name: "Boxing Day".
_OCCASIONS: Final = _wordset(
    "boxing christmas election polling budget deadline derby match race remembrance "
    "independence memorial labor labour victory easter thanksgiving inauguration"
)


# Last words of the title of a publication or of a rate: "Oil Market Report", "World
# Economic Outlook", "Bank Rate".
_DOCUMENT_TITLE_ENDINGS: Final = _wordset("report update outlook rate index")


# Initials of a country or a union of them, written before the noun for one of its bodies.
_NATIONAL_MODIFIER: Final = re.compile(r"U\.?N|U\.?S|U\.?K|E\.?U")


_LOWER_NOUN_AFTER: Final = re.compile(r"\.?\s+[a-z]")


_LOCATED: Final = re.compile(r"-(?:based|born|headquartered|listed|owned|run|backed|made|led)$")


# "the Ifo institute", "the Kestrel group": a name with a common noun for its kind after it.
# ", the national weather service,": the kind of body a name is, set beside it.
_ASIDE_KINDS: Final = (
    r"(?P<noun>service|institute|office|agency|bureau|authority|observatory|regulator|forecaster|"
    r"aggregator|bookmaker|consultancy|company|firm|bank|lender|broker|insurer|operator|utility|"
    r"producer|pollster)"
)
_KIND_ASIDE: Final = re.compile(
    rf",\s+(?:the|a|an)\s+(?:[a-z-]+\s+){{0,3}}?{_ASIDE_KINDS}(?=\s*[,.;]|\s*$)"
)
# "the grid operator, Kovengrid,": the kind set before the name, which "the operator" means
_KIND_BEFORE_ASIDE: Final = re.compile(rf"\bthe\s+(?:[a-z-]+\s+){{0,2}}?{_ASIDE_KINDS},\s+$")


_ORG_NOUN_AFTER: Final = re.compile(
    r"\s+(?P<noun>institute|agency|group|bank|union|party|company|firm|consultancy|lender|"
    r"insurer|regulator|think\s+tank|foundation|charity|broker|brokerage|airline|carrier|"
    r"[a-z]+maker)\b(?!['’]s)(?!\s+[A-Z])"
)


# "The Halworth Political Report rates the race Lean Republican": a newsletter that rates
# races is the rater, its title the name it goes by.
# "The Mabry Political Report on Wednesday moved the race to Lean Republican", "the Keller
# Political Report, a nonpartisan newsletter, shifted ...": a newsletter that rates races acts
# as a body, whatever its title's last word.
_RATER_AFTER: Final = re.compile(
    r"(?:,\s+(?:a|an|the)\s+[^,;]{3,80},|\s+on\s+[A-Z][a-z]+day)?"
    r"\s+(?:now\s+|still\s+|also\s+|has\s+|have\s+)?(?:rates|rated|moved|moves|shifted|shifts)\s"
)


def _titled_document(words: list[str]) -> bool:
    return len(words) > 1 and words[-1].lower() in _DOCUMENT_TITLE_ENDINGS


def _initials_follow(text: str, mention: _Mention) -> bool:
    after = text[mention.end : mention.end + 12]
    bracket = re.match(r"\s*\(([A-Z][A-Za-z&]{1,7})\)", after)
    return bracket is not None and bracket.group(1).upper() == _initials(mention.text).upper()


def _opened_by_known_org(words: list[str], document: _Document) -> bool:
    """A name whose first word is an organisation already met: "Corvale Semiconductor"."""
    first = document.known(words[0])
    return first is not None and first.kind == "org" and first.parts[0] == words[0]


# "the chief executive of", "the head of research at": a post, then where it is held.
_POST_OF_BEFORE: Final = re.compile(
    r"\b(?:officer|executive|director|chairman|chairwoman|founder|head|spokesman|spokeswoman|"
    r"spokesperson|economist|analyst)\s+(?:of|at)\s+$"
)


_WORKS_AT_BEFORE: Final = re.compile(r"\b(?:at|(?:works|worked|working)\s+for)\s+$")


_CALLED_BEFORE: Final = re.compile(
    r"\b(?:called|named|dubbed|branded|nicknamed|known\s+as)\s+[\"“‘']?$", re.IGNORECASE
)


# "a wiry man named Petar Lisic", "a farmer called Ines Roth": a person the text introduces
# by the name they go by, who is no product.
_PERSON_CALLED_BEFORE: Final = re.compile(
    r"\b(?:man|woman|men|women|boy|girl|person|fisherman|fisherwoman|farmer|resident|worker|"
    r"mother|father|son|daughter|widow|pensioner|student|teacher|nurse|doctor|driver|trader|"
    r"owner|manager|engineer|officer|official)\s+(?:called|named)\s+$",
    re.IGNORECASE,
)


def _product_name(words: list[str], before: str, document: _Document) -> bool:
    """A thing given a name ("called Vellum Sight"), or a firm's name with a word added."""
    if (
        ("ed " in before[-14:] or "as " in before[-6:])
        and _CALLED_BEFORE.search(before)
        and not _PERSON_CALLED_BEFORE.search(before)
    ):
        return True
    return len(words) > 1 and any(
        entity.kind == "org" and entity.parts[0] == words[0] and len(entity.parts) > 1
        for entity in document.entities_by_edge(words[0])
    )


# What follows a name that only an organisation takes: "Nordbanken, the country's largest
# mortgage lender", "X, which represents", "X cut its forecast", "X's shares".
_ORG_CONTEXT_AFTER: Final = re.compile(
    r"(?:['’]s?)?(?:,\s+which\b|,\s+(?:the|a|an)\s+"
    r"(?:(?!(?:at|of|for|with|from|in|on|who|and)\b)[\w'’-]+\s+){0,5}?"
    r"(?P<noun>company|firm|group|lender|bank|insurer|retailer|maker|producer|manufacturer|"
    r"chain|carrier|airline|operator|agency|body|association|organisation|organization|"
    r"pollster|platform|provider|utility|exporter|miner|developer|supplier|publisher|"
    r"broadcaster|consultancy|club|union|charity|regulator|cartel|institute|university|"
    # "The Ledger, the election data site,": a publication or a site that forecasts
    r"site|website|newspaper|newsletter|magazine|outlet|aggregator)\b"
    # "Ilse Brandt, the institute's head of forecasting": a post at the body, held by a person
    r"(?!['’]s\b)"
    # "Lena Varga, a pollster at Civica Insight": someone who works somewhere
    r"(?!\s+(?:at|with|for|from)\s+(?-i:[A-Z]))"
    r"|\s+(?:(?:has|have|had|also|now|then|last\s+\w+|on\s+\w+day)\s+)*[a-z]+\s+its\b"
    # "Lumoria, founded in 2019, sold ...": a body is founded; a person is born
    r"|,\s+(?:founded|established|set\s+up|incorporated)\s+(?:in|by)\b"
    r"|['’]s?\s+shares\b)"
)


# "Separately, the institute ...", "Meanwhile, the bank ...": a sentence adverb, no name.
_DISCOURSE_WORDS: Final = _wordset(
    "meanwhile separately elsewhere instead however still nevertheless nonetheless moreover "
    "further furthermore besides overall earlier later today yesterday tomorrow now yet indeed "
    "similarly likewise separately ultimately"
)


# Adverbs that open a sentence and run on into a name: "Then Rick Alvarado began spending".
_OPENING_ADVERBS: Final = _DISCOURSE_WORDS | _wordset("then also even only thus hence soon")


def _opening_adverb(word: str, text: str, start: int) -> bool:
    return word.lower() in _OPENING_ADVERBS and not text[:start].strip(" \"“‘'")


def _sentence_adverb(word: str, text: str, start: int) -> bool:
    if text[:start].strip(" \"“‘'"):
        return False
    lowered = word.lower()
    return lowered in _DISCOURSE_WORDS or (
        lowered.endswith("ly") and text[start + len(word) : start + len(word) + 1] == ","
    )


def _gender_of(titles: str) -> str:
    words = set(titles.split())
    if words & _FEMALE_TITLES:
        return "f"
    if words & _MALE_TITLES:
        return "m"
    return ""


def _link_to_owner(mention: _Mention, entity: _Entity, document: _Document) -> None:
    """ "Norges Bank's Monetary Policy Committee": the committee speaks for the bank."""
    if not mention.owner or entity.kind != "org" or entity.parent is not None:
        return
    parts = {part.lower() for part in entity.parts}
    owner_words = {word.lower() for word in mention.owner.split()}
    known_owner = document.known(mention.owner)
    if known_owner is None and _ACRONYM_NAME.fullmatch(mention.owner):
        known_owner = document.spelled_out(mention.owner)
    if known_owner is not None:
        # "NOAA's Climate Prediction Center": the owner by its initials, an administration
        # by the full name the article gave it
        owner_words |= {part.lower() for part in known_owner.root().parts}
    if not parts & _BODY_NOUNS and not (
        parts & _AGENCY_UNIT_WORDS and owner_words & _PUBLIC_AGENCY_WORDS
    ):
        return
    owner = document.known(mention.owner) or document.remember(_Entity(mention.owner, "org"))
    if owner.kind == "org" and owner.root() is not entity:
        entity.parent = owner


# A sentence that opens with people of an organisation, in the plural.
_GROUP_OPENING: Final = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}?(?i:analysts|economists|researchers|scientists|strategists|experts|"
    r"forecasters|officials|modell?ers|epidemiologists|engineers|staff)\s+(?i:at|from|with|of)\s+"
    r"(?:the\s+)?"
    # "Analysts at the Vienna-based consultancy Greyline Risk": where the firm is and its kind
    # come before its name, which "Vienna-based" is no part of
    r"(?:[A-Z][\w.-]*-(?:based|headquartered|listed)\s+(?:[a-z-]+\s+){1,2}?(?=[A-Z]))?"
    r"[A-Z][\w&'’.-]*(?:\s+(?:of|for|and|&)?\s*[A-Z][\w&'’.-]*)*"
)


def _abbreviation_of(text: str, previous: tuple[_Mention, _Entity], mention: _Mention) -> bool:
    """ "(APOG)" right after an organisation's name: its ticker or initials."""
    between = text[previous[0].end : mention.start]
    return (
        previous[1].kind == "org"
        and bool(re.fullmatch(r"[\s,.]*(?:(?:Inc|Ltd|plc|Corp|Co|LLC)\.?[\s,]*)?\(", between))
        and (
            bool(re.fullmatch(r"[A-Z][A-Z0-9&.+-]{1,7}", mention.text))
            or _initials(previous[0].text) == mention.text.upper()
        )
        and text[mention.end : mention.end + 1] == ")"
    )


def _remembered_as_alias(
    text: str, previous: tuple[_Mention, _Entity] | None, mention: _Mention, document: _Document
) -> bool:
    """Whether `mention` is another name for the organisation named just before it ("Apogee
    Enterprises, Inc. (APOG)", "the Institute (VMI)"); if so, it is remembered as one.
    """
    if previous is None or not _abbreviation_of(text, previous, mention):
        return False
    alias = document.remember(_Entity(mention.text, "org"))
    if alias is not previous[1]:
        alias.parent = previous[1]
    return True


def _initials(name: str) -> str:
    """ "Organisation of the Petroleum Exporting Countries" -> "OPEC", as "(Opec)" spells it."""
    return "".join(word[0] for word in name.split() if word[:1].isupper())


def _part_of(
    text: str, body: tuple[_Mention, _Entity], institution: tuple[_Mention, _Entity]
) -> bool:
    """ "The Monetary Policy Board of the Central Bank": the board is part of the bank, and
    so is "the Policy Committee (PC) of the Bank", its initials between them."""
    (body_mention, body_entity), (mention, entity) = body, institution
    between = text[body_mention.end : mention.start]
    return (
        body_entity.kind == entity.kind == "org"
        and body_entity is not entity
        and entity.root() is not body_entity
        and bool(_PART_OF.fullmatch(between))
    )


_PART_OF: Final = re.compile(
    r"\s+(?:\([A-Z][\w&.]{1,7}\)\s+)?of\s+(?:the\s+)?"
    # "The Climate Prediction Center, part of the National Oceanic and Atmospheric
    # Administration,": a unit described as the body's own
    r"|,\s+(?:(?:a|an)\s+)?(?:part|unit|arm|division|branch)\s+of\s+(?:the\s+)?"
)


def _resolve_name(raw: str, text: str, start: int, document: _Document) -> str | None:
    """The canonical speaker for a piece of text that should name one."""
    credit = _agency_credit(text) or (0, 0)
    mentions = [
        m
        for m in _name_runs(raw)
        # the outlet credited in the dateline files the story and says none of it
        if not credit[0] <= start + m.start < credit[1]
        and not _is_descriptor_word(m.text)
        and not m.possessive
        and m.text.split()[0] not in _SPEAKER_OWNERS
        and (_ACRONYM.fullmatch(m.text) or m.text.lower() not in _NOT_NAMES | _DISCOURSE_WORDS)
        and _CONTRACTED.sub("", m.text.lower()) not in _PRONOUNS  # "I'd", "We'll"
        and m.text.lower() not in _COMMODITY_WORDS  # "Oil prices slipped after ... said"
        and m.text.lower() not in _MEASURE_INITIALS  # "GDP growth is forecast to": a measure
    ]
    if not mentions:
        return None
    # "Prof. Yannick Obuya of the Alpine Research Institute": the person, not the institute
    heads = [m for m in mentions if not _COMPLEMENT_BEFORE.search(raw, 0, m.start)]
    mention = (heads or mentions)[-1]
    if mention.text.lower() in _ORG_WORDS:
        found = document.org_for(mention.text)
        if found is not None:
            document.last_organisation = found.name
            return found.name
    shifted = _Mention(
        mention.text, start + mention.start, start + mention.end, mention.title, False
    )
    entity = _classify(shifted, text, document)
    if entity is None and _titled_document(mention.text.split()):
        return None
    if entity is None:
        if " " not in mention.text and _sentence_adverb(mention.text, text, shifted.start):
            return None  # "Nationally, the agency said": the adverb names nobody
        if _time_phrase(mention.text.split()):
            return None  # "Last December the bank forecast": when, not who
        if _opening_compound(mention, text, shifted.start):
            return None  # "Like-for-like sales rose": a compound that opens the sentence
        if (
            " " not in mention.text
            and not text[: shifted.start].strip(" \"“‘'")
            and re.match(
                r"\s+(?:with|to|the|its|his|her|their|a|an|by|from|on|at|in|of|for|that|"
                r"ahead|further|forward|back)\b",
                text[shifted.end :],
            )
            and not _ACRONYM.fullmatch(mention.text)
        ):
            # "Compared with ...", "Given ...", "Looking further ahead, ...": a capital that
            # opens a sentence
            return None
        entity = _Entity(mention.text, "org")
    entity = document.remember(entity)
    if entity.kind == "person":
        document.mention_person(entity)
        return entity.name
    entity = entity.root()
    document.last_organisation = entity.name
    return entity.name


_ACRONYM_NAME: Final = re.compile(r"[A-Z]{2,6}")


def _acronym_of_a_body(word: str, text: str, end: int) -> bool:
    """ "OPEC itself remains upbeat", "NATO says": initials that act as a subject name a
    body, as "GDP grew" names a measure that does not."""
    return (
        _ACRONYM.fullmatch(word.rstrip("+")) is not None
        and word.lower() not in _MEASURE_INITIALS
        and _ACTS_AS_SUBJECT.match(text, end) is not None
    )


# Initials of measures, markets and things, never of a body that speaks.
_MEASURE_INITIALS: Final = _wordset(
    "gdp gnp cpi ppi pmi hicp pce lng lpg ev evs ai ipo ipos etf etfs ceo cfo coo cto "
    "usd eur gbp jpy cny chf yen api gpu gpus cpu cpus ram dram nand hbm sme smes vat mps"
)


# A verb or "itself" right after the initials: "OPEC said", "OPEC itself", "NATO has".
_ACTS_AS_SUBJECT: Final = re.compile(
    r"\s+(?:itself\b|(?:has|have|had|is|was|will|would|said|says|expects|expected|"
    r"remains|sees|forecast|forecasts|projects|predicts|warned|warns|estimates)\b)"
)


_CONTRACTED: Final = re.compile(r"['’](?:d|ll|ve|m|re)$")


# "WHO", "NATO": an acronym spelled like a function word is still a name.
_ACRONYM: Final = re.compile(r"[A-Z]{3,}")


# "Olivier Marchetti of energy research group Ostrova": the name is still a complement
# after a few common nouns.
_COMPLEMENT_BEFORE: Final = re.compile(
    r"\b(?:of|at|from|for|with|in|on|to|by)\s+(?:(?:the|a|an)\s+)?(?-i:[a-z][\w-]*\s+){0,4}$",
    re.IGNORECASE,
)


def _is_descriptor_word(word: str) -> bool:
    return word.lower() in {"analysts", "economists", "officials", "experts", "scientists"}


_NAME_PARTICLES: Final = _wordset("de van von der da di du le la al bin ibn del della dos das ter")
