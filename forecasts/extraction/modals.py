"""When a bare modal ("will", "would", "may") is no forecast: pledges, schedules, announced
events, how an arrangement works; and when it is one after all.
"""

from __future__ import annotations

import re
from typing import Final

from forecasts.extraction.sentences import _LOOK_AROUND, _clause_end, _inside, _wordset
from forecasts.extraction.speakers import _Attribution

_NOUN_WILL: Final = re.compile(
    r"(?:\b(?:the|a|an|political|free|good|ill|his|her|their|its|our|at|of|popular|own)"
    r"|['’]s)\s+$",
    re.IGNORECASE,
)


# "will not be rushed", "will not be pushed around": how a side means to bear pressure.
_UNDER_PRESSURE: Final = (
    r"(?:rushed|hurried|pressured|pressed|pushed|bullied|forced|intimidated|deterred|"
    r"distracted|swayed|fooled|blackmailed|caught)"
)


# "This winter will test all three", "people will love it": a judgement or a taste.
_EVALUATIVE_AFTER: Final = re.compile(
    r"^\s+(?:(?:ever|ever\s+again)\s+)?(?:test|love|like|enjoy|adore|hate|feel|appreciate|tell|"
    # "Nobody here will ever trust these companies again": a feeling, not an event
    r"trust|forgive)\b"
    # "a lot of people will be caught out by this": unreadiness no one could count
    r"|^\s+(?:not\s+)?be\s+caught\s+(?:out|off\s+guard|napping)\b"
    # "are going to wait a long time": a wait no one could time
    r"|^\s+wait\s+(?:a\s+(?:very\s+)?long\s+time|a\s+(?:long\s+)?while)\s*(?:[.,;!”\"]|$)"
    # "the smaller crop will matter beyond the farm gate": a verdict with nothing to check
    r"|^\s+matter\b"
    # "This will be the dullest campaign in a generation": a superlative of taste, which no
    # record ranks (not "the largest party", "the warmest year", which one does)
    r"|^\s+be\s+the\s+(?:(?:most|least)\s+(?:consequential|important|significant|exciting|"
    r"interesting|boring|memorable|divisive|bitter|entertaining|depressing)|dullest|"
    r"nastiest|dirtiest|strangest|weirdest|oddest|ugliest|bitterest|saddest|silliest)\b"
    # "it is going to be a long quarter for the producers": how hard a time feels
    r"|^\s+be\s+(?:a|an)\s+(?:very\s+|really\s+)?(?:long|tough|hard|difficult|rough|busy|"
    r"challenging|bumpy|painful|testing|grim|bleak)\s+(?:year|quarter|season|winter|summer|"
    r"spring|autumn|month|week|few\s+(?:months|weeks|years)|ride|road)\b"
    # "the next three weeks will be difficult": how hard a time will feel, with nothing to check
    r"|^\s+be\s+(?:very\s+|really\s+|extremely\s+|incredibly\s+)?(?:tough|hard|difficult|rough|"
    r"challenging|bumpy|painful|testing|grim|bleak)\s*(?:[.,;!”\"]|$|for\s+(?:us|everyone|"
    r"people|families)\b)"
    # "are going to be waiting a long time": a wait no one could time
    r"|^\s+be\s+(?:waiting|in\s+for)\s+(?:a\s+(?:very\s+)?long\s+time|a\s+(?:long\s+)?while)\s*"
    r"(?:[.,;!”\"]|$)"
    # "There will be room to support the economy if ...": the room a policymaker has to act,
    # judged now, not an event
    r"|^\s+be\s+(?:(?:enough|plenty\s+of|some|more|less|little)\s+)?(?:room|scope|space|"
    r"headroom|leeway)\s+to\s+(?:support|ease|cut|loosen|tighten|act|respond|help|spend|do)\b"
    # "The voters will decide.", "Patience will pay off.": a verb with no object, time or measure
    r"|^\s+(?:decide|judge|pay\s+off|tell|blow\s+over)\s*(?:[.,;!”\"]|$)"
    # 'policymakers would "look through" a weak quarter': a stance towards the data, which no
    # record of what happens next can settle
    r"|^\s+[\"“‘']?look\s+through\b"
    # "would not be rushed into easing", "will not be in a hurry": a stance under pressure,
    # not an event
    r"|^\s+be\s+(?:" + _UNDER_PRESSURE + r"|in\s+(?:a|any)\s+(?:great\s+)?(?:hurry|rush))\b"
    # "We will know much more once the question is settled": what will be learnt, not an event
    r"|^\s+(?:know|learn|understand)\s+(?:(?:much|a\s+lot|far|a\s+bit|a\s+little)\s+)?"
    r"(?:more|better)\b|^\s+have\s+a\s+(?:much\s+)?(?:better|clearer)\s+(?:idea|picture|sense)\b"
    # "it will be the best title race in years": a judgement, not a measured outcome
    r"|^\s+be\s+(?:the|a|an|one\s+of\s+the)\s+(?:best|worst|greatest|finest|most\s+(?:exciting|"
    r"important|memorable|dramatic|interesting|remarkable|entertaining|competitive|"
    r"consequential|significant|pivotal|decisive|historic|crucial|critical|momentous|divisive|"
    r"bitter|unpredictable|open|closely[\s-]+(?:watched|fought)))(?![\w-])"
    r"|^\s+(?:have\s+to\s+|just\s+have\s+to\s+)?(?:see|wait\s+and\s+see)\s*(?:[.,;!”\"]|$|what\b|how\b)"
    # "would not change the long-term warming trend", "won't alter the direction of the
    # market": a trend no single outcome can settle
    r"|^\s+(?:change|alter|reverse|shift)\s+the\s+(?:(?:long|longer|short)-term\s+|underlying\s+|"
    r"overall\s+|broader\s+|bigger\s+|basic\s+)?(?:[\w-]+\s+)?(?:trend|picture|direction|story|"
    r"fundamentals)\b"
    # "Nobody will have an easy day": how hard a day will feel, not who wins it
    r"|^\s+have\s+(?:an?\s+)?(?:easy|easier|hard|harder|tough|tougher|comfortable|difficult)\s+"
    r"(?:day|time|ride|race|afternoon|evening|night|game|match|season|week|run)\b"
    # "Saturday will be a day the town never forgets": a day's place in memory
    r"|^\s+be\s+(?:a|an)\s+(?:[\w-]+\s+)?(?:day|night|moment|season|year|game|match|final)\s+"
    r"(?:that\s+)?(?:[\w'’-]+\s+){0,3}?(?:never\s+forgets?|will\s+(?:never\s+forget|remember)|"
    r"(?:to\s+)?remember)\b"
    # "Nobody will be able to ignore us": a boast of standing, with nothing to check
    r"|^\s+be\s+able\s+to\s+(?:(?:ignore|dismiss|overlook)\s+(?:us|them|him|her|me)\b|"
    r"write\s+(?:us|them|him|her|me)\s+off\b)"
    # "pay growth will be an important indicator of ...": what will be worth watching
    r"|^\s+be\s+(?:an?\s+)?(?:important|key|crucial|useful|good|early)\s+(?:indicator|"
    r"signal|gauge|guide|test)\b"
    # "The Committee may look back on this summer as a turning point": a verdict to come
    r"|^\s+look\s+back\s+on\s+[^,;.]{1,40}?\s+as\s+(?:a|an|the)\s+(?:[\w-]+\s+)?(?:turning\s+point|"
    r"watershed|mistake|missed\s+opportunity|moment|golden\s+age|high\s+point|low\s+point)\b"
    # "the shift would take time to show up": a delay with no measure
    r"|^\s+take\s+(?:some\s+)?time\b(?!\s+(?:until|before|to\s+\w+\s+(?:until|before)\b))"
    # 'summers like this would become "the new normal" by the 2040s': a verdict on what will
    # feel ordinary, with no measure to check it by
    r"|^\s+(?:become|be)\s+[\"“‘']?(?:the|a)\s+new\s+normal\b"
    # "it will show by March", "it will show on the backhand": a weakness becoming visible,
    # with nothing named to check (not "will show that", "will show growth")
    r"|^\s+show\s*(?:[.,;!”\"]|$|(?:by|on|in|before|at)\s)"
    # "Shoppers will notice.": a change felt, with nothing named to check
    r"|^\s+notice\s*(?:[.,;!”\"]|$)"
    # "would continue as long as necessary": an open-ended resolve
    r"|^\s+(?:continue|go\s+on|stay|remain)\s+[\"“]?(?:for\s+)?as\s+long\s+as\s+"
    r"(?:necessary|needed|required|it\s+takes)\b",
    re.IGNORECASE,
)


# "Farrow's will lose": a name in the possessive, then the modal and its verb.
_VERB_AFTER_WILL: Final = re.compile(
    r"^\s+(?:not\s+|also\s+|still\s+|now\s+)*(?!(?:to|of|and|or|is|was|be|has|had|that|for|in|on|"
    r"at|with|by|as)\b)[a-z]+\s+(?:the|a|an|its|their|his|her|our|to|by|up|down|more|less|"
    r"[\d$€£])",
)


# "what the board will do", "whether rates will fall": the modal inside a wh-clause; not
# "What I can tell you is that the committee will not cut", whose clause has closed.
_WH_BEFORE: Final = re.compile(
    # "That is how much the world will spend": the figure just given, not a question asked
    r"\b(?:(?<!\bthat\sis\s)(?<!\bthis\sis\s)(?<!\bthat['’]s\s)how|whether|why|where|what|"
    r"which|if)\b(?![^,;:“”\"]*\b(?:is|was)\s+that\b)"
    # "which candidate, if any, he will endorse": the aside leaves the clause open
    # "whether the mosquito, which can carry dengue, will spread": so does a relative clause
    r"(?:[^,;:“”\"]|,\s+if\s+(?:any|at\s+all|ever),|,\s+(?:which|who)\s[^,;:“”\"]*,)*$",
    re.I,
)


_PAST_BELIEF: Final = re.compile(
    r"\bhad\s+(?:\w+\s+)?(?:believed|thought|expected|predicted|hoped|assumed|promised|"
    r"said|claimed|feared|planned|forecast|forecasted|projected|estimated|warned|argued|"
    r"reckoned|anticipated|suggested|insisted|told|signalled|signaled|indicated|guessed|"
    # "had predicted growth of 1.6% and said inflation would": a decimal point ends no clause
    r"calculated|concluded)\b(?:[^.;]|(?<=\d)\.(?=\d))*$",
    re.IGNORECASE,
)


_PLEDGE_AFTER: Final = re.compile(
    r"^[\s\"“‘']*(?:(?:not|also|still|then|now|instead|personally|immediately|soon|never|"
    r"closely|carefully|always)\s+)*[\"“‘']?"
    r"(?:do\s+(?:our|my|his|her|their|its|everything|all|whatever)\b|try|strive|endeavou?r|"
    r"work\s+(?:hard\s+)?(?:to|with|on)\b|"
    r"pay|fund|refund|compensate|pause|reverse|adjust|hesitate|monitor|assess|watch|"
    r"congratulate|thank|accept|respect|welcome|listen|talk|speak|discuss|introduce|propose|table|count|veto|sign|vote|file|appeal|sue|resign|nominate|"
    r"appoint|campaign|submit|unveil|present|step\s+down|run\s+for|reconsider|consider|consult|"
    r"put\s+it|seek|ask|call\s+for|fight|knock|open|build|complete|revisit|back|say|"
    # "I will come back to them next year": a writer's promise to revisit, not "return to growth"
    r"(?:come\s+back|return)\s+to\s+(?:this|these|them|it|that|those|the\s+(?:subject|topic|"
    r"issue|question|matter|point|theme))\b|"
    # "we will stay in government" is theirs to decide; "we will stay up" is the league's
    r"stay(?!\s+(?:up|in\s+the\s+(?:league|division|top\s+flight|premiership|championship)))|"
    r"keep|close|launch|hire|invest|spend|continue|be\s+held\s+to|deliver|visit|host|"
    # "will drop the retirement-age plan", "would scrap the levy": a policy of its own undone
    r"drop\s+(?:the|its|their|our|his|her|my|this|that)\s|scrap|abolish|repeal|"
    # "the bank would act as needed", "it would remain flexible": a stance the speaker takes
    r"act\s+(?:as|if|when|where)\s+(?:needed|necessary|required|appropriate)\b|"
    r"remain\s+(?:flexible|vigilant|alert|nimble|agile|ready)\b|"
    # "he would find the money by cutting waste": how a speaker means to pay for a plan
    r"find\s+(?:the\s+)?(?:money|funds|funding|savings|cash|a\s+way|ways|room)\b|"
    # "we will take action" is the speaker's act; "it will take 84 points to win the league",
    # "it will take two years to recover" is what events will require
    r"take(?!\s+(?:about\s+|around\s+|roughly\s+|at\s+least\s+|more\s+than\s+|only\s+)?"
    r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several|many)\s+"
    r"(?:[\w-]+\s+)?(?:points|goals|wins|votes|seats|years|months|weeks|days|hours|"
    r"rounds|games|matches)\s+(?:to|for|before)\b"
    # "it would take about 150 basis points off gross margin": an effect measured
    r"|\s+(?:about\s+|around\s+|roughly\s+|up\s+to\s+|as\s+much\s+as\s+)?[$€£]?\d[\d.,]*\s*"
    r"(?:[\w%-]+\s+){0,2}off\b)|"
    r"extend|maintain|resume|suspend|rest|go\s+further|be\s+(?:at|there|here)\b|"
    # "its navy would escort flagged vessels": a force's orders, its own to give
    r"defend|escort|patrol|protect|guard|"
    # "I will serve out my full term", "I will lead us into the election": a leader's vow to
    # stay, hers to keep
    r"serve\s+out\b|lead\s+(?:us|them|the\s+party|(?:my|our|his|her|their)\s+party)\s+into\b|"
    # "would bring forward repairs": its own timetable, reset
    r"bring\s+forward|"
    # "his side will not sit back": how a team means to play, the manager's choice
    r"sit\s+back|park\s+the\s+bus|defend\s+deep|play\s+for\s+(?:a|the)\s+draw|"
    # "his side would play the same aggressive cricket", "we will play our own game": a style
    # of play chosen
    r"play\s+(?:the\s+same|(?:our|their|his|her|its)\s+own|(?:an?\s+)?(?:attacking|aggressive|"
    r"positive|expansive|defensive|fearless|attractive))\b|"
    # "we will be back next week" is where the speaker goes; "we will be back to growth by the
    # summer" is where trading leaves them; "we'll be back in parliament" is where the voters
    # put them
    r"be\s+back\b(?!\s+(?:to|in)\s+(?:growth|profit|profitability|surplus|the\s+black|"
    r"the\s+(?:top|(?:semi-?|quarter-?)?finals?|play-?offs?)\b|(?:the\s+)?(?:parliament|power|"
    r"government|office|legislature|assembly|senate|council)\b))|"
    # "we will be in Brussels" is where the speaker goes; "we will not be in recession", "we'll
    # be in surplus by 2028" is where events leave them
    # "we will be in the next government", "in power", "in that runoff": where votes put them
    r"be\s+in\b(?!\s+(?:the\s+next\s+|the\s+|that\s+|this\s+|a\s+)?(?:government|coalition|power|office|"
    r"opposition|runoff|run-off|second\s+round)\b)"
    r"(?!\s+(?:an?\s+)?(?:one\b|recession|deficit|surplus|trouble|profit|default|"
    r"administration|contention|decline|the\s+(?:black|red|lead|top|(?:semi-?|quarter-?)?finals?|play-?offs?)\b))|"
    r"be\s+(?:intimidated|divided|silenced|bullied|deterred|cowed|moved)\b|"
    # "we'll have a special episode that evening": a programme's own coverage
    r"have\s+(?:a|an|one|another|two)\s+(?:[\w-]+\s+)?(?:practice|meeting|session|talks?|"
    r"look|vote|conversation|discussion|review|episode|programme|program|show|edition|"
    r"broadcast|podcast|live\s+blog))\b",
    re.IGNORECASE,
)


# "It will be in shops by May": a thing, where it will be, which nobody decides by going.
_THING_SUBJECT: Final = re.compile(r"(?:^|[\s\"“‘'])(?i:it)\s*$")
_WHERE_AFTER: Final = re.compile(r"^[\s\"“‘']*be\s+(?:in|at|there|here|back)\b", re.IGNORECASE)


_PLEDGE_SUBJECT: Final = re.compile(
    r"(?:\b(?:i|we|he|she|they|it)|\b(?:his|her|their|its|our|my)\s+\w+)\s*$|['’]ll\s*$"
    # "the Executive Board", "the Monetary Policy Committee": a body named with its own words
    r"|\bthe\s+(?:(?-i:[A-Z])[\w-]*\s+){0,3}(?:government|company|board|council|club|party|"
    r"ministry|administration|firm|"
    r"cooperative|bank|committee|agency|authority|group|platform|operator|airline|chain|store|"
    r"studio|union|district|school|hospital|trust|utility)"
    # "The Ministry of Health will fund 40 extra clinics": the body and what it is of
    r"(?:\s+(?:of|for)\s+(?:the\s+)?(?-i:[A-Z])[\w-]*(?:\s+(?:and\s+)?(?-i:[A-Z])[\w-]*){0,3})?"
    r"\s*$",
    re.IGNORECASE,
)


_SCHEDULE_AFTER: Final = re.compile(
    # "would formally open on Sept. 1": a manner adverb leaves the timetable a timetable
    r"^\s*(?:(?:also|then|again|now|still|first|next|not|formally|officially)\s+)?"
    # "The dividend will be paid on Oct. 8": a payment dated by whoever makes it
    # "will be sworn in on 5 October", "will unveil its next model on Sept. 12": a ceremony
    # and a launch event in the diary
    r"(?:update|review|revise|be\s+(?:\w+(?:ed|en)|broadcast|held|paid|sworn\s+in|"
    r"run|set|shown|read|sent|heard|made|given|aired|televised|streamed|played|cast)\b|visit|issue|commission|launch|unveil|host|deliver|be\s+held|take\s+place|meet|convene|publish|release|announce|decide|vote\s+on|"
    r"hold(?!\s+(?:on\b|(?:the|his|her|their|its|our)\s+(?:seat|title|majority|lead)))|"
    r"open|(?:begin|start)(?!\s+to\b)|close|debate|hear|rule|sit|report|be\s+published|"
    r"be\s+released|be\s+announced|be\s+debated|resume|attend|present|take\s+effect|"
    r"come\s+into\s+(?:force|effect)|be\s+marked|be\s+taken\s+over|go\s+on\s+sale|"
    # "will discuss the report in late April", "will return to the table on Feb. 25": a
    # meeting in the diary, with its business
    # "they'll look at prices" at a meeting dated in the sentence: its agenda
    r"discuss|consider|look\s+at|return\s+to\s+the\s+(?:negotiating\s+)?table|"
    # "the meeting will conclude on 12 June": when a sitting in the diary ends
    r"conclude|"
    # "will send every household a leaflet in November": a mailing, dated by its sender
    r"send\s+(?:every|each|all)\s+(?:households?|homes?|voters?|residents?|customers?|"
    r"patients?|members?)|"
    # "will reset the cap on July 1", "will impose a 25% tariff from April 1": a measure
    # decided, dated by whoever takes it
    r"reset|impose|"
    # "the selectors will name their squad on Friday": a selection announced on its day
    r"name\s+(?:their|its|his|her|the|a)\s+(?:[\w-]+\s+){0,2}?(?:squad|team|side|xi|line-?up|"
    r"cabinet|shortlist|panel)\b|"
    # "will add surcharges from Sept. 1", "would post updated totals at 5 p.m.", "will offer
    # walk-in appointments from Monday": a charge, a notice, a service put in the diary
    r"add\s+(?:[\w-]+\s+){0,2}(?:surcharges?|fees?|charges?|levies|levy)\b|post|offer|"
    # "The new rules will apply for the first time on April 18": a rule taking effect
    r"apply(?!\s+(?:to\s+join|for\s+(?:a|an|membership|funding|asylum|help))\b)|"
    # "will pay an interim dividend of 4p on May 3": a payment the board has declared
    r"pay\s+(?:an?\s+|its\s+|the\s+)?(?:[\w-]+\s+){0,2}dividends?|"
    # "The league will expand to 14 teams from the 2026-27 season": a format decided
    r"expand\s+to\s+\d+\s+(?:teams|clubs|sides|members)|"
    # "The governor will speak at 11 a.m.": an appearance in the diary
    # "She will face Rep. Ada Korr in November", "will take on Kelso in the final": a
    # contest's fixture, its opponent named
    r"(?:face|play|take\s+on)\s+(?=(?-i:[A-Z]))|"
    r"speak|testify|appear\s+before|address\s+(?:the\s+)?(?:parliament|congress|conference|"
    r"committee|reporters|journalists|the\s+press)|give\s+(?:a|her|his|their|its)\s+"
    r"(?:speech|press\s+conference|statement|evidence|testimony))\b",
    re.IGNORECASE,
)


_SCHEDULE_DATE: Final = re.compile(
    r"\b(?:on|from)\s+(?:\d{1,2}\s+)?(?-i:[A-Z][a-z]+)\.?\s*\d{0,2}\b|\bin\s+the\s+week\s+of\b"
    r"|\bon\s+the\s+(?:weekends?|nights?|mornings?|evenings?|afternoons?|days?)\s+of\b"
    r"|\bat\s+(?:its|a|their|the\s+next)\s+meeting\b"
    r"|\bat\s+(?:the|its|their)\s+(?:[\w'’.-]+\s+){0,3}meeting\b"
    r"|\bat\s+\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|gmt|utc|bst|cet|et|h)(?!\w)"
    r"|\bat\s+\d{1,2}:\d{2}\b|\bon\s+the\s+same\s+day\b|\blater\s+(?:that|the\s+same)\s+day\b"
    # "all ballots would be counted tonight": the night's work, in the diary
    r"|\btonight\b"
    # "will be counted the following morning": the day after one the calendar holds
    r"|\bthe\s+(?:following|next)\s+(?:morning|afternoon|evening|day)\b"
    # "will be debated in parliament next week": a sitting the calendar already holds
    r"|\b(?:next|later\s+this)\s+week\b|\btomorrow\b"
    r"|\b(?:on|until|till)\s+(?:monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)\b"
    # "through the afternoon of June 14", "until 3 May": a day of the calendar
    r"|\b(?-i:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+\d{1,2}\b(?!,?\s*\d{4})|\b\d{1,2}\s+(?-i:January|February|March|April|May|"
    r"June|July|August|September|October|November|December)\b"
    # "from the 2026-27 season": a competition's calendar
    r"|\bfrom\s+the\s+(?:19|20)\d\d(?:[-/]\d{2,4})?\s+season\b",
    re.IGNORECASE,
)


# "will begin in June", "will open in the store in November": a month after the verb dates
# the act; one elsewhere in the sentence may date something else.
_SCHEDULE_MONTH: Final = re.compile(
    # "face Rep. Ada Korr in November": a title's full stop does not end the clause
    r"^(?:[^.;]|\b(?-i:Rep|Sen|Gov|Dr|Mr|Mrs|Ms|St|Prof|Gen)\.)*?"
    r"\bin\s+(?:the\s+(?:first|second|third|fourth|last|final)\s+week\s+of\s+)?"
    # "in early August", "in mid-March": still a month of the calendar
    r"(?:(?:early|mid|late)[\s-]+)?"
    r"(?:(?-i:January|February|March|April|June|July|August|September|October|November|December)"
    r"|the\s+(?:spring|summer|autumn|fall|winter|new\s+year))\b",
    re.IGNORECASE,
)


# "will be streamed on the bank's website", "will be shown live on Channel 4": where an event
# can be watched, arrangements made for it, with or without a date.
_WHERE_TO_WATCH: Final = re.compile(
    r"^\s*(?:also\s+)?be\s+(?:streamed|broadcast|televised|aired|shown)\s+(?:live\s+)?"
    r"(?:on|via|at)\b",
    re.IGNORECASE,
)


def _scheduled(after: str, text: str) -> bool:
    if not _SCHEDULE_AFTER.match(after):
        return False
    if _WHERE_TO_WATCH.match(after):
        return True
    if _ON_SALE.match(after):
        # "tickets will go on sale on Monday" is a date set; "the glasses would go on sale in
        # September 2027" a launch months ahead, which turns on more than a calendar
        return bool(_SCHEDULE_DATE.search(after))
    return bool(_SCHEDULE_DATE.search(text) or _SCHEDULE_MONTH.match(after))


_ON_SALE: Final = re.compile(r"^\s*(?:\w+\s+)?go\s+on\s+sale\b", re.IGNORECASE)


# "the most expensive mistake this city will make": an evaluation, not a forecast.
_SUPERLATIVE_RELATIVE: Final = re.compile(
    # not "the worst of the wind will have cleared": a part of something, the sentence's subject
    r"\bthe\s+(?:most|least|best|worst|biggest|greatest|largest|\w+est)\s+(?!of\b)(?:\w+\s+){1,2}"
    r"(?:that\s+|which\s+)?(?:this|the|our|we|i|you|they|he|she|it)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)


_HABITUAL_AFTER: Final = re.compile(
    r"^\s*(?:often|usually|always|sometimes|typically)\b|^\s*(?:depend|hinge|rest|turn)\s+on\b",
    re.IGNORECASE,
)


# "will hold its annual meeting", "will deliver the spring statement": an organised event.
_ANNOUNCED: Final = re.compile(
    r"\bas\s+(?:previously\s+|already\s+|first\s+)?(?:announced|planned|scheduled|agreed)\b",
    re.IGNORECASE,
)


def _announced(text: str) -> bool:
    """ "as previously announced"; not "rather than late this year as previously planned",
    which names the plan that was dropped."""
    found = _ANNOUNCED.search(text)
    return found is not None and _RATHER_THAN.search(text, 0, found.start()) is None


_RATHER_THAN: Final = re.compile(r"\brather\s+than\b[^,;]*$", re.IGNORECASE)


_ORGANISED_EVENT: Final = re.compile(
    # "will certify the first-round results within ten days": a count's own timetable
    r"^\s*(?:hold|host|deliver|publish|issue|release|present|convene|certify)\s+"
    r"(?:[\w-]+\s+){0,3}"
    r"(?:meeting|statement|report|outlook|budget|conference|summit|results|figures|review|"
    r"hearing|session|assembly|address|speech)\b"
    # "Calverans will choose a president": an election held, whoever wins it
    # "would make a statement on Monday": an announcement set for a time
    r"|^\s*make\s+(?:a|an|his|her|its|their)\s+(?:[\w-]+\s+)?(?:statement|announcement)\b"
    # "will auction 5G spectrum in March": a sale the seller runs to its own timetable
    r"|^\s*(?:auction|tender)\s+(?:off\s+)?(?:[\w-]+\s+){0,4}?(?:spectrum|licen[cs]es|bonds?|"
    r"gilts|rights|frequencies|permits|sites|plots|blocks|bandwidth)\b"
    # "will update this outlook if the picture changes": the source's own publication
    r"|^\s*update\s+(?:this|that|its|our|their|the)\s+(?:[\w-]+\s+)?(?:outlook|forecast|"
    r"guidance|assessment|rating|projections?)\b"
    r"|^\s*(?:choose|elect|pick)\s+(?:a|an|their|its|the)\s+(?:new\s+|next\s+)?(?:president|"
    r"parliament|government|mayor|prime\s+minister|leader|governor|assembly|congress|senate|"
    r"council|successor)\b",
    re.IGNORECASE,
)


# A bare "will" that says how an arrangement works is no belief about an outcome: the rule,
# timetable, price list or entitlement is decided by whoever runs it ("Under the levy,
# employers will pay", "Trams will run every eight minutes", "Platforms will have to display
# the number"). A hedge word in the same sentence is a cue of its own and still counts.
_UNDER_AN_INSTRUMENT: Final = (
    r"\bunder\s+(?:(?:the|a|an|its|their|this|these|those|new)\s+)?(?:[\w'’-]+\s+){0,4}?"
    r"(?:policy|rules?|law|act|bill|levy|order|agreement|scheme|plan|deal|package|contract|"
    r"ruling|regulations?|terms|settlement|proposals?|timetable|schedule|licen[cs]e|"
    r"framework|code|directive|decree|programme|program|arrangements?|system|reforms?|"
    r"decisions?|"
    # "will invite the leader of the largest party ..., under a convention": a constitutional
    # practice, followed by whoever holds the office
    r"conventions?|constitution|treaty|procedures?|protocol)\b"
)
# "Under it, councils will have 16 weeks to decide": the instrument named in the sentence
# before, taken up by a pronoun.
_INSTRUMENT_FRAME: Final = re.compile(
    _UNDER_AN_INSTRUMENT + r"|^\W*under\s+(?:it|them|this|these)\s*,", re.IGNORECASE
)
# "Fares will rise by 4% on May 1, under a decision the board took in March": the instrument
# named after the clause frames it just as well.
_INSTRUMENT_AFTER: Final = re.compile(r",\s+" + _UNDER_AN_INSTRUMENT, re.IGNORECASE)


# "The league's rules mean that ...": what follows is the rule, described.
_RULES_MEAN: Final = re.compile(
    r"\brules\s+(?:mean|say|state|require|provide|stipulate)s?\b", re.IGNORECASE
)


# What a rule, law or regulation will oblige, allow or forbid.
_RULE_OBLIGES_AFTER: Final = re.compile(
    r"^\s*(?:(?:also|now|then|only|still|not)\s+)*(?:require|oblige|force|compel|ban|bar|"
    r"prohibit|allow|permit|cap|limit|mandate|exempt|entitle|apply\s+to)\b",
    re.IGNORECASE,
)


# "will come into force on 1 October", "would take effect in January": when a rule, law or
# ban starts to bind, set by whoever made it. "The bill will become law" is not among them:
# a bill has still to pass.
_IN_FORCE_AFTER: Final = re.compile(
    r"^\s*(?:(?:also|only|now|then)\s+)?(?:(?:come|enter)\s+into\s+(?:force|effect|"
    r"operation)|take\s+effect|become\s+(?:binding|mandatory))\b",
    re.IGNORECASE,
)


# "Heat alerts will be issued when temperatures are forecast to reach 30 degrees": a standing
# rule, done whenever its condition holds, with no outcome forecast.
_ACTED_ON_RULE_AFTER: Final = re.compile(
    r"^\s*(?:(?:also|only|automatically)\s+)?be\s+(?:issued|sent|triggered|declared|raised|"
    r"activated|imposed|sounded|upgraded|lifted)\s+(?:automatically\s+)?(?:when|whenever|once|"
    r"if|each\s+time|as\s+soon\s+as)\b",
    re.IGNORECASE,
)


# The rule as the subject, a few words back: "The battery regulation", "export rules, which
# take effect on Oct. 1,".
_RULE_SUBJECT: Final = re.compile(
    # "The tariffs will apply to about 2.1 million tonnes": a measure's scope, as set
    r"\b(?:rules?|regulations?|laws?|act|directive|bill|decree|ordinance|standards?|tariffs?|"
    r"duties|quotas?|sanctions|levy|levies|"
    r"requirements?|guidelines|code|legislation|treaty|mandate)\b[^;]{0,80}$",
    re.IGNORECASE,
)


# "At the current rate,", "On current trends,", "At this pace,": a trend carried forward
# opening the sentence, which makes what follows a projection.
_AT_THE_CURRENT_RATE: Final = re.compile(
    r"^\W*(?:At|On)\s+(?:the\s+)?(?:current|present|this|that|recent|today['’]s)\s+"
    r"(?:[\w-]+\s+)?(?:rates?|pace|trends?)\s*,",
    re.IGNORECASE,
)


# what a rule obliges, allows or entitles people to do
_DEONTIC_AFTER: Final = re.compile(
    r"^\s*(?:(?:not|also|still|now|only|then|no\s+longer|all|each)\s+)*(?:have\s+to|"
    r"need\s+(?:to|a|an)\b|be\s+(?:(?:allowed|permitted|required|obliged|able|eligible|"
    r"entitled|exempt|barred|banned|prohibited|capped|limited|subject|offered|charged|"
    # "GP practices will be paid an additional £15 for each dose": what the scheme pays
    r"fined|paid\s+(?:an?\s+|the\s+)?(?:extra|additional|[$€£]\d))\b)|receive\b|"
    # "residents will get a 90% discount": an entitlement the scheme grants
    r"get\s+(?:a\s+|an\s+|the\s+)?(?:\d+%\s+|full\s+|partial\s+)?(?:discount|refund|rebate|"
    r"exemption|reduction|allowance)\b)",
    re.IGNORECASE,
)


# How a scheme works, in the writer's words: who is liable and what duties fall on whom
# ("Retailers will be responsible for removing ...", "Importers will carry the same duties").
_WORKINGS_AFTER: Final = re.compile(
    r"^\s*(?:(?:also|still|now|then|only)\s+)*(?:be\s+(?:responsible|liable|accountable)\b"
    r"|(?:carry|bear|have|take\s+on|face)\s+(?:the\s+same\s+|new\s+|extra\s+|additional\s+)?"
    r"(?:duties|obligations|responsibilities|liabilit(?:y|ies)|requirements)\b)",
    re.IGNORECASE,
)


# "Estimates will be revised as the harvest progresses": how a release's figures are kept,
# the issuer's own procedure, not a claim about the world.
# "figures for the latest month will be revised.", "will be reviewed after twelve months": a
# review the issuer keeps to, with no outcome named.
_OWN_PROCEDURE_AFTER: Final = re.compile(
    r"^\s*(?:also\s+)?be\s+(?:revised|updated|reviewed|replaced|rebased)"
    r"(?:\s+(?:as|when|once|if|after|every|annually|periodically)\b|\s*[.;]|\s*$)",
    re.IGNORECASE,
)


# "a transcript will be available the following morning": the record of an issuer's own
# event, put out as it decides.
_RECORD_SUBJECT: Final = re.compile(
    r"\b(?:transcripts?|minutes|recordings?|slides|webcast|video|replay)\s+$", re.IGNORECASE
)
_AVAILABLE_AFTER: Final = re.compile(
    r"^\s*(?:also\s+)?be\s+(?:made\s+)?(?:available|posted|published|online)\b", re.IGNORECASE
)


# Where a line or service runs and how long its journey takes: a route described, not an
# outcome ("The line will run through Millbrook", "The journey will take 26 minutes").
_ROUTE_SUBJECT: Final = re.compile(
    r"\b(?:line|route|trams?|trains?|bus(?:es)?|services?|railway|pipeline|cable|tunnel|"
    r"motorway|road|bridge|extension|ferr(?:y|ies)|flights?|journey|trip|ride|crossing)\s+"
    # "The railway between Harlow Cross and St. Brennock": the places it runs between
    r"(?:[\w.'’-]+\s+){0,8}$",
    re.IGNORECASE,
)


_ROUTE_AFTER: Final = re.compile(
    r"^\s*(?:(?:also|then|now)\s+)?(?:(?:run|pass|travel)\s+(?:through|along|via|past|between)\b"
    r"|(?:leave|connect|link|serve|stop\s+at|end\s+at|terminate\s+at|call\s+at)\b"
    r"|take\s+(?:about\s+|around\s+|roughly\s+|just\s+|under\s+)?\d+\s+(?:minutes|hours)\b"
    # "will close for 12 weeks this summer while the track is replaced": works, as planned
    r"|(?:close|shut)\s+(?:for|from|between|until|on)\s)",
    re.IGNORECASE,
)


# What a structure will hold once built: its design, not an outcome ("The reservoir will hold
# 90,000 cubic metres", "The new stand will seat 12,000"). A share ("will hold 40% of the
# market") is a level others decide.
_BUILT_SUBJECT: Final = re.compile(
    r"\b(?:reservoirs?|tanks?|dams?|basins?|silos?|stadium|arena|stand|hall|venue|theatre|"
    r"auditorium|terminal|warehouse|depot|store|facility|plant|ship|vessel|building|tower|"
    r"car\s+park|garage|hostel|shelter|ward|unit|school|prison|cavern|battery|batteries)\s+"
    r"(?:[\w.'’-]+\s+){0,4}$",
    re.IGNORECASE,
)
_CAPACITY_AFTER: Final = re.compile(
    r"^\s*(?:(?:also|then|only)\s+)?(?:hold|seat|house|store|accommodate|sleep|take)\s+"
    r"(?:up\s+to\s+|about\s+|around\s+|roughly\s+|some\s+|more\s+than\s+|nearly\s+)?"
    r"\d[\d,.]*(?!\s*(?:%|per\s*cent|percent))\b",
    re.IGNORECASE,
)


# "The bus will stop at the entrance from Monday": an arrangement that starts on a day.
_STARTS_FROM: Final = re.compile(
    r"\bfrom\s+(?:next\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b|\d{1,2}\s+(?-i:[A-Z])[a-z]+|(?-i:[A-Z])[a-z]+\.?\s+\d{1,2}\b"
    r"|\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b))",
    re.IGNORECASE,
)


# "Fines will reach up to £10 million", "Fares will rise in January": the writer states the
# charges a scheme sets.
_CHARGE_NOUNS: Final = _wordset(
    "fine fines penalty penalties fee fees charge charges levy levies fare fares surcharge "
    "surcharges toll tolls"
)


# "Your existing camera will keep working": an explainer telling the reader how things work.
_READER_SUBJECT: Final = re.compile(
    r"(?:^|[.,;:]\s*)[\"“‘']?(?:[^,;:.]*\s)?(?i:you|your)\s+(?:[\w'’-]+\s+){0,3}$"
)


# "every eight minutes", "four times a week": a recurring arrangement, not an event
_RECURRING: Final = re.compile(
    r"\bevery\s+(?:\d+|[a-z]+)\s+(?:minutes|hours)\b|\bevery\s+(?:hour|morning|evening|"
    r"night|weekday)\b|\b(?:once|twice|\w+\s+times|\w+\s+days)\s+(?:a|per)\s+(?:day|week|month)\b"
    # "will update its outlook every Thursday": a day of the week, kept by a timetable; a trend
    # ("will rise every month") keeps none
    r"|\b(?:every|each)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE,
)


# "First-round matches will be played over the best of five sets", "the final will be the best
# of 13": a competition's format, which its organisers set.
_MATCH_FORMAT_AFTER: Final = re.compile(
    r"^\s*be\s+(?:(?:played|contested|decided|fought\s+out)\s+(?:over|as|in)\s+)?(?:the\s+|a\s+)?"
    r"best[\s-]+of[\s-]+(?:\d+|three|five|seven|nine|eleven|thirteen)\b"
    # "the final will be played to a finish": no replay, by the rules
    r"|^\s*be\s+(?:played|fought)\s+to\s+a\s+finish\b",
    re.IGNORECASE,
)


# "The glasses will cost $1,299": a seller's list price, stated by the writer; "A ticket will
# cost 3.20 euros": the currency may follow the figure
_LIST_PRICE_AFTER: Final = re.compile(
    r"^\s*(?:cost|retail\s+(?:at|for)|sell\s+for|start\s+at|be\s+set\s+at)\s+"
    r"(?:[$€£¥]\s?\d|\d[\d.,]*\s+(?:pounds|euros|dollars|crowns|kronor|kroner|francs|yen|"
    r"pence|cents)\b)"
    # "Rides on Line 4 will be free all day on Sunday": a price of nothing, set; not "free of
    # debt", a state to be reached
    r"|^\s*(?:also\s+)?be\s+free(?:\s+of\s+charge)?\b(?!\s+(?:of|from)\b)"
    # "Passengers over 65 will also travel free before 9.30 a.m.": a concession, granted
    r"|^\s*(?:also\s+)?(?:continue\s+to\s+)?(?:travel|ride|park|sail|fly)\s+free\b(?!\s+(?:of|from)\b)"
)


_CURRENCY_WORDS: Final = r"(?:pounds|euros|dollars|crowns|kronor|kroner|francs|yen|pence|cents)"


# "Cars will pay 60 crowns a day", "any property empty for a year will pay a 200% surcharge",
# "inspectors will fine anyone without a ticket": what a scheme charges whom, set by whoever
# runs it; not "households will pay more", which is an outcome.
_CHARGED_AFTER: Final = re.compile(
    r"^\s*(?:(?:also|then|only|now)\s+)?pay\s+(?:(?:a|an|the)\s+)?(?:\d+(?:\.\d+)?%\s+)?"
    r"(?:[\w-]+\s+)?(?:surcharge|penalty|fine|fee|toll|levy|fare)s?\b"
    r"|^\s*(?:(?:also|then|only|now)\s+)?pay\s+(?:[$€£¥]\s?)?\d[\d.,]*\s*"
    + _CURRENCY_WORDS
    + r"?\s+(?:a|per|each)\s+(?:day|night|week|month|year|trip|journey|visit|hour|crossing|"
    r"entry)\b(?!\s+(?:more|less|extra)\b)"
    r"|^\s*(?:(?:also|then|now)\s+)?fine\s+(?:anyone|anybody|those|passengers|drivers|"
    r"motorists|riders|people)\b",
    re.IGNORECASE,
)


# "The penalty for not paying will be 500 crowns": a charge the scheme sets, by its noun.
_CHARGE_FOR_SUBJECT: Final = re.compile(
    r"\b(?:penalty|penalties|fines?|fees?|charges?|fares?|tolls?|surcharges?|levy)\s+for\s+"
    r"(?:[\w'’-]+\s+){1,4}$",
    re.IGNORECASE,
)
_AMOUNT_AFTER: Final = re.compile(
    r"^\s*(?:also\s+)?be\s+(?:[$€£¥]\s?\d|\d[\d.,]*\s+" + _CURRENCY_WORDS + r"\b)",
    re.IGNORECASE,
)


# A timetable is an arrangement whoever gives it, an official or a guide.
# "The first sailing will leave Port Ennis at 5.40 a.m.": a departure at an hour of the clock.
_DEPARTS_AT_AFTER: Final = re.compile(
    r"^\s*(?:(?:also|then|now|only)\s+)?(?:leave|depart|sail|set\s+off|kick\s+off)\b"
    r"[^,;]{0,40}?\bat\s+\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|at\s+night\b|"
    r"in\s+the\s+(?:morning|afternoon|evening)\b)",
    re.IGNORECASE,
)


# "Cars without a booking will be carried only if there is space": a standing condition of
# service, not an outcome.
_SERVED_ONLY_IF_AFTER: Final = re.compile(
    r"^\s*be\s+(?:carried|admitted|accepted|served|seated|boarded|let\s+(?:in|on)|refunded|"
    r"allowed\s+(?:in|on|to\s+board))\s+only\s+(?:if|when|with|after)\b",
    re.IGNORECASE,
)


# "A spokeswoman said the talks would last two days": how long an organised event is set to
# run; not "the downturn will last two years", which is no event anyone runs.
_EVENT_SUBJECT: Final = re.compile(
    r"\b(?:talks|negotiations|meeting|summit|conference|visit|session|hearing|strike|"
    r"walkout|stoppage|festival|tournament|closure|works|trial|tour|inquiry|exercises?|"
    r"drills?)\s+$",
    re.IGNORECASE,
)
_LASTS_AFTER: Final = re.compile(
    r"^\s*(?:only\s+)?last\s+(?:about\s+|around\s+|roughly\s+|up\s+to\s+)?(?:\d+|one|two|"
    r"three|four|five|six|seven|eight|nine|ten|a\s+few|several)\s+(?:hours|days|weeks)\b",
    re.IGNORECASE,
)


# "Bag checks would be in place at every turnstile": a measure put in place, by place.
_IN_PLACE_AT_AFTER: Final = re.compile(
    r"^\s*(?:also\s+)?be\s+in\s+place\s+(?:at|on|in)\s+(?:every|each|all)\b",
    re.IGNORECASE,
)


# "If the scores are level after 90 minutes, the final will go to extra time": what a
# competition's rules do with a draw, not a call on the match.
_LEVEL_CONDITION: Final = re.compile(
    r"\bif\s+(?:the\s+)?(?:scores?|teams?|sides?|match|game|tie|final)\s+(?:is|are|remains?|"
    r"stays?|ends?|finish(?:es)?)\s+(?:still\s+)?(?:level|tied|drawn|all\s+square)\b",
    re.IGNORECASE,
)
_TIE_BREAK_AFTER: Final = re.compile(
    r"^\s*(?:go|be\s+decided|be\s+settled)\s+(?:to|by|on|in)\s+(?:extra\s+time|penalties|"
    r"a\s+(?:penalty\s+)?shoot-?out|a\s+replay)\b",
    re.IGNORECASE,
)


# "From February 1, ...", "Starting in August, ...": a rule or timetable taking effect
_TAKING_EFFECT: Final = re.compile(
    r"^[\W]*(?:from|starting|beginning|as\s+of)\s+(?:in\s+|on\s+)?(?-i:[A-Z])[\w.]*"
    r"(?:\s+\d{1,2})?,",
    re.IGNORECASE,
)


def _judged_effect(text: str, start: int, attribution: _Attribution) -> bool:
    """'X said the rules would force owners to scrap ships': a speaker's view of what a rule
    will bring about, reported with "would", is a forecast, not the rule's text."""
    return attribution.verb_start >= 0 and text.startswith("would", start)


_FIRST_WORD: Final = re.compile(r"\s+[a-z]+\b")


def _arrangement(text: str, start: int, after: str, attribution: _Attribution) -> bool:
    # "... and that VAR will be used": a second clause of the same statement of the rules
    if re.search(r",?\s+and\s+(?:that\s+(?:[\w'’.-]+\s+){1,4})?$", text[:start]):
        # "Fines will start at €5,000 ... and will double": the same subject, the same rule
        earlier = list(re.finditer(r"\b(?:will|would)\b", text[:start]))
        if earlier and _arrangement(
            text, earlier[-1].start(), text[earlier[-1].end() : start], attribution
        ):
            return True
    if ";" in text[:start]:
        # "Cars will pay 60 crowns a day; lorries will pay 150 crowns": the same verb again in
        # the next clause, the same price list
        earlier = list(re.finditer(r"\b(?:will|would)\b", text[: text.rindex(";", 0, start)]))
        verb = _FIRST_WORD.match(after)
        if (
            earlier
            and verb is not None
            and text.startswith(verb.group(), earlier[-1].end())
            and _arrangement(
                text, earlier[-1].start(), text[earlier[-1].end() : start], attribution
            )
        ):
            return True
    clause_end = _clause_end(text, start, [])
    clause = text[start:clause_end]
    if _INSTRUMENT_FRAME.search(text, 0, start) or _RECURRING.search(clause):
        return True
    if "under" in after and _INSTRUMENT_AFTER.search(text, start):
        return True
    if "rules" in text and _RULES_MEAN.search(text, 0, start):
        return True
    if ("best" in after or "finish" in after) and _MATCH_FORMAT_AFTER.match(after):
        return True
    if _timetabled(text, start, after):
        return True
    if _IN_FORCE_AFTER.match(after) or _ACTED_ON_RULE_AFTER.match(after):
        # "It will come into force on 1 October": an instrument's own timetable; "Alerts will
        # be issued when ...": what is done whenever a condition holds
        return True
    if (
        _RULE_OBLIGES_AFTER.match(after)
        and _RULE_SUBJECT.search(text, 0, start)
        and not _judged_effect(text, start, attribution)
    ):
        return True  # "New rules, which take effect in May, will require ...": a duty described
    if attribution.speaker is not None and not attribution.issued:
        return False
    subject = text[max(0, start - _LOOK_AROUND) : start]
    return bool(
        # "At the current rate, the ward will need a second bay": a need the trend brings on,
        # projected, where a rule's "Visitors will need a permit" is a duty it lays down
        (_DEONTIC_AFTER.match(after) and not _AT_THE_CURRENT_RATE.match(text))
        or _CHARGED_AFTER.match(after)
        or (_AMOUNT_AFTER.match(after) and _CHARGE_FOR_SUBJECT.search(subject))
        or _LIST_PRICE_AFTER.match(after)
        or _TAKING_EFFECT.match(text[:start])
        or _WORKINGS_AFTER.match(after)
        or _OWN_PROCEDURE_AFTER.match(after)
        or (_AVAILABLE_AFTER.match(after) and _RECORD_SUBJECT.search(subject))
        or (_ROUTE_AFTER.match(after) and _ROUTE_SUBJECT.search(subject))
        or (_CAPACITY_AFTER.match(after) and _BUILT_SUBJECT.search(subject))
        or _STARTS_FROM.search(clause)
        or subject.rstrip().rsplit(" ", 1)[-1].lower() in _CHARGE_NOUNS
        or (("you" in subject or "You" in subject) and _READER_SUBJECT.search(subject))
    )


def _timetabled(text: str, start: int, after: str) -> bool:
    """A timetable, a condition of service or a competition's tie-break, whoever gives it."""
    subject = text[max(0, start - _LOOK_AROUND) : start]
    return bool(
        _DEPARTS_AT_AFTER.match(after)
        or _SERVED_ONLY_IF_AFTER.match(after)
        or _IN_PLACE_AT_AFTER.match(after)
        or (_LASTS_AFTER.match(after) and _EVENT_SUBJECT.search(subject))
        or (_TIE_BREAK_AFTER.match(after) and _LEVEL_CONDITION.search(text, 0, start))
        or (
            _RUNS_UNTIL_AFTER.match(after)
            and bool(_STARTED_AND.search(subject) or _OFFER_SUBJECT.search(subject))
        )
    )


# "The programme opened on Oct. 1 and will run until the end of March", "The consultation
# will run until Dec. 5": how long an arrangement already set up stays open is its organiser's
# timetable, not a call on events ("the deficit will run to 5%" is a quantity, not this).
_RUNS_UNTIL_AFTER: Final = re.compile(
    r"^\s*(?:then\s+)?run\s+(?:until|till|through|to\s+the\s+end\s+of)\b", re.IGNORECASE
)
# "opened on Oct. 1 and": begun on a day the calendar holds ("the rally began in March and"
# is a market's run, not an arrangement's)
_STARTED_AND: Final = re.compile(
    r"\b(?:opened|began|started|launched|went\s+live)\s+(?:on|from)\s+(?:\d|[A-Z][a-z]{2})"
    r"[^;]{0,40}?\band\s+$"
)
_OFFER_SUBJECT: Final = re.compile(
    r"\b(?:programme|program|scheme|campaign|exhibition|consultation|offer|sale|window|"
    r"pilot|registration|festival|season)"
    # "the vaccination campaign for pregnant women will run until": the offer and whom it is for
    r"(?:\s+(?:for|in|of|at|on)\s+[^,;]{1,50})?\s+$",
    re.IGNORECASE,
)


def _subject_in(written: str) -> str:
    """The subject folded into a contraction ("I'll" -> "I"), so pledges are recognised."""
    contraction = re.match(r"(\w+)['’](?:ll|d)\b", written)
    return contraction.group(1) + " " if contraction else ""


# "will not need to raise money before 2030": that funds last to a time is no act of the
# speaker's, though raising them would be.
_NO_NEED_AFTER: Final = re.compile(
    r"^[\s\"“‘']*need\s+to\s+(?:raise|borrow|tap|issue|sell|cut)\b[^.;]{0,40}?\b(?:before|until|"
    r"by|this|next|in\s+(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def _valid_modal(
    phrase: str, before: str, after: str, text: str, own: tuple[str, ...] = ()
) -> bool:
    if phrase.endswith("not") and "need" in after[:12] and _NO_NEED_AFTER.match(after):
        return True  # "we won't need to raise again before 2030": turns on the accounts
    noun = _NOUN_WILL.search(before) if phrase.startswith("will") else None
    if noun and not (noun.group().lstrip()[:1] in "'’" and _VERB_AFTER_WILL.match(after)):
        return False
    if _ORGANISED_EVENT.match(after) or _HABITUAL_AFTER.match(after) or _announced(text):
        return False
    if _WH_BEFORE.search(before) or _SUPERLATIVE_RELATIVE.search(before):
        return False
    if _GROUP_RELATIVE.search(before):
        return False
    if _SUBJECT_RELATIVE.search(before) and _PRESENT_PREDICATE.match(after):
        return False
    if _pledge(before, after, own) or _EVALUATIVE_AFTER.match(after) or _AGE_AFTER.match(after):
        return False
    if _STATE_AFTER_TODAY.match(after) or _TEAM_NEWS_AFTER.match(after):
        return False
    if _CONTINGENCY_RULE.match(after) and _OPENING_CONDITION.match(before):
        return False
    if _KNOWING_AFTER.match(after) or _CAME_TRUE_AFTER.search(after):
        return False
    if _TAUTOLOGY_AFTER.match(after):
        return False  # "The polls will say what they say": true whatever happens
    if _DO_SO_AFTER.match(after) and _WHEN_OPENING.match(text):
        return False  # "When the board meets, it will do so with ...": the meeting's setting
    if _COSTS_AFTER.match(after) and _AT_LAUNCH.match(text):
        return False
    if _BE_AFTER.match(after) and _PRICE_AT_LAUNCH.search(before):
        return False
    if _ASSUMED_BEFORE.search(before) or _ROUTINE_AFTER.match(after) or _RIDDEN_AFTER.match(after):
        return False
    return not _scheduled(after, text) and not _scheduled_before_and(before, text)


# "When the board meets on Oct. 19, it will do so with ...": the main clause only restates the
# act the opening clause names, already set, and describes the setting it comes in.
_DO_SO_AFTER: Final = re.compile(r"^\s+do\s+so\b", re.IGNORECASE)
_WHEN_OPENING: Final = re.compile(r"^\W*When\s[^,;]{3,120},\s+(?:it|they|he|she|we)\s+will\b")


def _scheduled_before_and(before: str, text: str) -> bool:
    """ "the minutes will be published on Sept. 28 and will set out ...": a second verb of
    the clause a timetable began, part of the same arrangement."""
    if not _AND_BEFORE.search(before):
        return False
    earlier = list(_WILL_OR_WOULD.finditer(before))
    return bool(earlier) and _scheduled(before[earlier[-1].end() :], text)


# "will be published on 22 May and they'll set out ...": the same subject, taken up again
_AND_BEFORE: Final = re.compile(r"\band\s+(?:(?:they|it)\s*)?$")
_WILL_OR_WOULD: Final = re.compile(r"\b(?:will|would)\b")


# "At launch, a trip to the city centre will cost 180 euros": the price a seller sets for
# its opening, a plan of its own, not a forecast of what the market will bear.
_AT_LAUNCH: Final = re.compile(
    r"^\W*(?:[A-Z][\w'’.-]*:\s*)?(?:At|From|On)\s+(?:launch|opening|opening\s+day)\s*,",
    re.IGNORECASE,
)
_COSTS_AFTER: Final = re.compile(r"^\s*(?:initially\s+)?cost\b", re.IGNORECASE)
# "List price at launch will be 85,000 dollars": the same price, set by its seller
_PRICE_AT_LAUNCH: Final = re.compile(
    r"\bprice\s+(?:at|on|from)\s+(?:launch|opening)\s*$", re.IGNORECASE
)
_BE_AFTER: Final = re.compile(r"^\s*be\b", re.IGNORECASE)


# "the horse would be ridden from the front", "will be held up for a late run": how a
# runner is to be ridden, its trainer's tactics and no forecast of the result.
_RIDDEN_AFTER: Final = re.compile(
    r"^\s*(?:again\s+)?be\s+(?:ridden|held\s+up|sent\s+to\s+the\s+front)\b", re.IGNORECASE
)


# "spraying would continue every ten days", "checks will be carried out every week": an
# operation's rota, kept by whoever runs it (LABELLING.md, schedule).
_ROUTINE_AFTER: Final = re.compile(
    r"^\s*(?:also\s+)?(?:continue|go\s+on|resume|run|take\s+place|be\s+(?:carried\s+out|"
    r"repeated|held|done|made|conducted))\s+(?:once\s+|twice\s+)?every\s+(?:other\s+)?"
    r"(?:\w+\s+)?(?:days?|nights?|weeks?|fortnight|months?|hours?)\b",
    re.IGNORECASE,
)


# "the bank's figure assumed that OPEC+ would keep its targets", "on the assumption that
# rates will keep falling": what a projection is built on, a stated assumption (a fact,
# LABELLING.md), not the speaker's claim.
_ASSUMED_BEFORE: Final = re.compile(
    r"\bassum(?:es|ed|ing|ptions?)\b(?:\s+(?:is|was|are|were))?\s+(?:that\s+)?[^,;:“”\"]*$",
    re.IGNORECASE,
)


# "told us last week that Orme would finish third, and he has": a call recalled with its
# outcome already in, a past fact rather than a claim still open.
_CAME_TRUE_AFTER: Final = re.compile(
    # ("..., and he did, so my record is good": the outcome's clause, then a comment on it)
    r",\s+and\s+(?:so\s+)?(?:he|she|it|they)\s+(?:has|have|did)(?:\s*[.!]?\s*$|\s*[,;–—])",
    re.IGNORECASE,
)


# "will say what they say", "will be what it will be", "will do what it does": the verb
# repeated on its own subject, a shrug that no outcome can prove wrong.
_TAUTOLOGY_AFTER: Final = re.compile(
    r"^\s*(?P<verb>[a-z]+?)(?:s|es)?\s+what(?:ever)?\s+(?:it|they|he|she|we|you|i)\s+"
    r"(?:will\s+|would\s+|can\s+)?(?P=verb)(?:s|es|ed|d)?\b",
    re.IGNORECASE,
)


# "We'll know in March.", "We will find out on Friday whether it worked": when the answer
# comes, not what it will be; nothing in it can prove the speaker wrong.
_KNOWING_AFTER: Final = re.compile(
    # "You'll see on Saturday.": a reply that withholds the answer
    r"^\s*(?:only\s+)?(?:know|find\s+out|learn|see)(?:\s+(?:more|for\s+(?:sure|certain)))?"
    r"(?=\s*(?:$|[.,;:!?\"”’)]|\s(?:in|by|on|at|after|before|when|once|whether|if|how|what|who|"
    r"which|soon|next|this|tomorrow|later|then|within)\b))",
    re.IGNORECASE,
)


# "If the scores are level after 90 minutes, extra time will be played", "If no candidate
# wins a majority, a runoff will be held": what the rules provide for a case, a schedule
# (LABELLING.md, schedule), not a forecast that the case will arise.
_CONTINGENCY_RULE: Final = re.compile(
    r"^\s*(?:then\s+)?be\s+(?:played|replayed|held|staged|contested)\b", re.IGNORECASE
)
_OPENING_CONDITION: Final = re.compile(
    r"^\W*(?:if|should|where|in\s+the\s+event\s+(?:of|that))\b[^;]*,[^,;]*$", re.IGNORECASE
)


# "The visitors will be without their captain": team news, who is injured or banned already,
# not a claim about the match.
_TEAM_NEWS_AFTER: Final = re.compile(
    r"^\s*(?:(?:again|also|still)\s+)?be\s+without\s+(?:(?i:their|its|his|her|our|the\s+"
    r"(?:injured|suspended|banned))\b"
    # "We will be without Tane Rewi for six weeks": a player named, out already
    r"|[A-Z][\w'’-]+\s+[A-Z][\w'’-]+"
    # "will be without the Belgian champion, Wout Serneels,": a player named after his role
    r"|(?i:the)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+,\s+[A-Z][\w'’-]+\s+[A-Z][\w'’-]+)"
    # "is fit and will start, the coach confirmed", "will start in goal": the manager's pick
    r"|^\s*(?:(?:again|also|still)\s+)?start(?=\s*(?:$|[,.;:\"”’])|\s+(?:in\s+goal|in\s+midfield|"
    r"in\s+defen[cs]e|up\s+front|on\s+the\s+(?:bench|wing|left|right)|at\s+(?:centre|full|"
    r"left|right|fly|scrum)[\w-]*)\b)"
    # "will hand a first cup start to Ivo Lund", "will give a debut to": a place in the side,
    # the manager's to give
    r"|^\s*(?:(?:again|also)\s+)?(?:hand|give)\s+(?:an?|his|her|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:start|debut|cap|call-up|recall)\s+to\b",
)


# "policy would remain somewhat restrictive even after today's decision": the state things
# are left in by an act done today, which holds now.
_STATE_AFTER_TODAY: Final = re.compile(
    r"^\s*(?:still\s+)?(?:remain|stay|be)\s+(?:[\w-]+\s+){1,4}?(?:even\s+)?after\s+"
    r"(?:today|this\s+(?:week|month))['’]s\s+(?:[\w-]+\s+)?(?:decision|cut|move|reduction|"
    r"increase|hike|rise|change|vote)\b",
    re.IGNORECASE,
)


# "a group of voters who simply will not show up", "the families who will need help": a
# group picked out by what its members will do, described, not a claim about the future.
_GROUP_RELATIVE: Final = re.compile(
    r"\b(?:[a-z]+s|people|children|anyone|everyone|those)\s+who\s+(?:[a-z]+ly\s+)?$"
    # "Sellers who can wait will wait, and those who cannot will cut their prices": what a
    # group will do, by what its members are able to do, a rule of thumb with no one to check
    r"|\b(?:[A-Za-z][a-z]+s|(?i:people|anyone|everyone|those))\s+who\s+(?:can|cannot|can['’]t|could|"
    r"couldn['’]t)(?:\s+[a-z]+){0,2}\s+$"
)


# "The homes that will be completed this year are already in the ground", "... but because
# the homes that will be finished this year are, by and large, already built", "Most of the
# homes that will be completed in 2027 were started in 2025": a future relative clause
# inside a clause's subject, whose main verb says how things stand now or stood.
_SUBJECT_RELATIVE: Final = re.compile(
    r"(?:^\W*|(?:[,;]|\b(?i:because|since|but|and))\s+)(?i:most\s+of\s+)?"
    r"(?i:the|these|those|any|all|most)\s+(?:[\w'’-]+\s+){1,3}?(?i:that|which|who)\s+$"
)


# The subject's main verb in the present or the past, after the relative clause: not a
# forward-looking predicate ("are likely to", "is expected to") nor a name ("is Labour"),
# which forecast.
_PRESENT_PREDICATE: Final = re.compile(
    r"^[^,;:.]*?\s(?:are|is|have|has|were|was|had)\b(?!\s+(?:\w+\s+)?(?:likely|unlikely|expected|set|going|"
    r"due|forecast|projected|bound|certain|sure|on\s+(?:course|track))\b)(?!\s+[A-Z])"
)


# "teenagers who will not be old enough to vote until 2028", "she will turn 40 in May": an
# age, which the calendar settles.
_AGE_AFTER: Final = re.compile(
    r"^\s*(?:not\s+)?(?:be\s+old\s+enough|turn\s+\d+|be\s+\d+\s+(?:years\s+old|next))\b",
    re.IGNORECASE,
)


# "a route that would take the decision out of the Senate's hands": what an option would
# do, described, not a claim that it will happen.
_HYPOTHETICAL_RELATIVE: Final = re.compile(
    r"\b(?:a|an)\s+(?:[\w-]+\s+){0,2}(?:that|which)\s+$", re.IGNORECASE
)


_TIMED_AFTER: Final = re.compile(
    # "would exceed 6.5% by the end of the year": a decimal point ends no clause
    r"^(?:[^.;]|\.\d)*?\b(?:within\s+(?:a|an|\w+|the\s+next)\s+\w+|by\s+the\s+end\s+of|next\s+(?:year|month|"
    r"week|quarter|season)|in\s+(?:19|20)\d\d|by\s+(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


# "we will raise them in January", "Helix would raise the prices of its models", "it would
# add 14 routes": a business setting its own prices or growing its own operations, whoever
# the subject is.
_OWN_OPERATIONS_AFTER: Final = re.compile(
    r"^\s*(?:(?:not|also|still|then|now|only)\s+)*(?:(?:raise|lower|cut|increase|reduce|freeze|"
    r"hold)\s+(?:them\b|it\b|(?:the\s+|its\s+|our\s+|their\s+|his\s+|her\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:prices?|fares?|fees?|charges|rents?|wages|pay|salaries|dividends?|premiums|"
    # "it will raise the minimum pension by 8%": a party's or a government's policy
    r"pensions?|allowances?|(?:child\s+)?benefits|minimum\s+wage|"
    r"(?:capital\s+)?spending|capex|investment)\b"
    r"(?:\s+of\s+(?:its|our|their)\b)?)"
    # "will raise exports from its northern terminal": the throughput of a site of its own
    r"|(?:raise|increase|lift|cut|reduce|lower)\s+(?:[\w-]+\s+)?(?:exports|output|production|"
    r"shipments|loadings)\s+(?:from|at)\s+(?:its|our|their)\b"
    # "would keep capital spending at around 3.5 billion crowns": its own budget, held
    # "the expansion would be funded from existing cash": how a body pays for its own plan
    r"|be\s+(?:(?:fully|entirely|largely|partly)\s+)?(?:funded|financed|paid\s+for)\s+"
    r"(?:from|out\s+of|with|through)\s+(?:its\s+|our\s+|their\s+)?(?:existing|own|internal|"
    r"available)\s+(?:cash|resources|reserves|funds|balance\s+sheet)\b"
    r"|(?:keep|maintain)\s+(?:its\s+|our\s+|their\s+)?(?:annual\s+)?(?:capital\s+spending|"
    r"capex|investment|spending|dividends?)\b"
    r"|(?:add|open|close|cut|launch|hire|recruit|shed)\s+(?:about\s+|around\s+|some\s+|up\s+to\s+)?"
    r"(?:\d[\d,]*|a\s+few|several|two|three|four|five|six|seven|eight|nine|ten|dozens\s+of)\s+"
    r"(?:new\s+|more\s+)?(?:routes|stores|shops|branches|flights|jobs|staff|workers|employees|"
    r"sites|plants|lines|outlets|locations|restaurants|services|aircraft|planes)"
    # "would buy back $3 billion of its shares", "will sell the phone through its stores",
    # "will run a free advice service": its own operations, whoever reports them
    # "will close its assembly plant in Kortrijk": a site of its own shut
    r"|close\s+(?:its|our|their|his|her|the)\s+(?:[\w-]+\s+){0,2}?(?:plants?|factory|"
    r"factories|mills?|mines?|sites?|stores?|shops?|offices?|branch(?:es)?|depots?|"
    r"warehouses?|refinery|refineries|clinics?|wards?)\b"
    # "would postpone some planned operations", "will offer walk-in appointments", "would
    # announce pricing closer to launch": a service it runs, managed or priced as it decides
    r"|(?:postpone|delay|cancel|defer)\s+(?:some|all|its|the|non-urgent|routine|planned|"
    r"elective|[\w-]+\s+)*?(?:operations|procedures|surgery|surgeries|appointments|"
    r"treatments|clinics)\b"
    r"|(?:offer|be\s+offered)\s+(?:[\w-]+\s+){0,2}?(?:appointments|vaccinations?|vaccines?|"
    r"jabs?|doses?|boosters?|shots|tests|places|positions|jobs|roles|refunds|discounts|sessions|"
    r"clinics)\b"
    r"|announce\s+(?:its\s+|the\s+)?(?:pricing|prices|price|details|dates?)\b"
    r"|buy\s+back\b|repurchase\b|sell\s+(?:[\w-]+\s+){1,3}?(?:through|via|online)\b"
    # "will expand its retraining programme", "expand free testing to 40 more pharmacies": a
    # service it runs, grown as it decides; not "expand its lead", which rivals settle
    r"|expand\s+(?:its\s+|our\s+|their\s+|the\s+|free\s+)?(?:[\w-]+\s+){0,2}?(?:programmes?|"
    r"programs?|schemes?|services?|network|testing|screening|clinics|fleet|hours)\b"
    # "will pause work on two of its five sites": its own work, stopped or started at will
    r"|(?:pause|halt|suspend|stop|resume|restart|mothball)\s+(?:work|construction|building|"
    r"production|operations|drilling|sales|output)\s+(?:on|at)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:its|our|their)\b"
    # "would not change her approach": how the speaker goes about things is theirs to choose
    r"|(?:change|alter|rethink)\s+(?:his|her|my|our|their|its)\s+(?:approach|plans?|strategy|"
    r"tactics|thinking|mind|selection|preparations?|game\s+plan|stance|policy)\b"
    r"|run\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:service|scheme|programme|program|helpline|"
    r"campaign|pilot|trial)\b"
    # "will run free trial trips for residents": journeys it lays on
    r"|run\s+(?:[\w-]+\s+){0,3}?(?:trips|journeys|trials|tours|excursions|shuttles|"
    r"pilots|sessions|workshops|courses|classes|sailings|flights|buses|trains|services)\b"
    # "will assemble them with a contract manufacturer", "would build the car at its plant in
    # Ohio": where and with whom it makes its goods, not how many (a forecast of output)
    r"|(?:assemble|manufacture|make|build|produce|source)\s+(?:them|it|(?:the|its|their|our)"
    r"\s+(?:[\w-]+\s+){0,2}?[\w-]+)\s+(?:with|at|in|through|from|using)\s+(?!(?:19|20)\d\d\b)"
    r"(?!(?:the\s+)?(?:first|second|third|fourth|next|coming)\b))",
    re.IGNORECASE,
)


# "has promised that the homes will be finished", "vowed the line would open": a promise
# reports a commitment, not a belief.
_PROMISED_BEFORE: Final = re.compile(
    r"\b(?:promise[sd]?|pledge[sd]?|vow(?:s|ed)?|guarantee[sd]?|undertook|committed\s+to\s+ensuring)"
    r"\b(?:\s+(?:that|to))?[^.;:“”\"]*$",
    re.IGNORECASE,
)


# "The company plans to open a second plant, Bright said, and will fund it from cash": a
# "will" that goes on from a stated plan, with no subject of its own, is part of the plan.
_PLAN_THEN_AND: Final = re.compile(
    # ("to $3.8 billion": a decimal point ends no clause)
    r"\b(?:plans?|planned|planning|intends?|intended|intending)\s+to\b"
    r"(?:[^.;:“”\"]|(?<=\d)\.(?=\d))*[\s,]and"
    # "plans to spend $7 billion ..., and it will begin volume production": the planner again
    r"(?:\s+(?:it|they|we|he|she))?\s*$",
    re.IGNORECASE,
)


# Who is the speaker's own side: "I", "we", the pronoun right after the verb of saying ("said
# he would", "says it will"), or a public body acting ("the state would cover").
_SELF_SUBJECT: Final = re.compile(
    r"\b(?:i|we)\s*$|\b(?:i|we)['’]ll\s*$|\bi['’]m\s*$|\bwe['’]re\s*$|\bi\s+am\s*$|\bwe\s+are\s*$"
    r"|\b(?:said|says|say|told(?:\s+[\w'’-]+){1,3}?|added|adds|insisted|insists|confirmed|"
    r"confirms|announced|announces|stated|states|argued|argues|maintained|maintains)"
    # "said in a statement that it would", "said at a briefing on Monday that she would": a
    # short phrase of when or how it was said, before the pronoun
    r"\s+(?:(?:on|in|at|last|this|during)\s+(?:[\w'’-]+\s+){1,5}?(?=that\b)|on\s+\w+\s+|"
    r"last\s+\w+\s+|this\s+\w+\s+)?(?:that\s+)?(?:he|she|it|we|they)\s*$"
    r"|\bthe\s+(?:government|state|ministry|administration|authority|council|city|department|"
    # "said the town would put sandbags into storage": a local council's own works
    r"county|province|municipality|cabinet|district|town|village|borough|"
    r"company|firm|store|airline|operator|"
    r"platform|chain|studio|school|university|hospital|trust|utility|"
    # "said the party would stand candidates", "the committee would look through": what a
    # body does is its members' decision; what befalls it ("would finish third") is not
    r"party|committee|board|club|union|campaign|candidate|association|federation|alliance|"
    r"coalition|organisation|organization|society|league|"
    # "said the team would try to make the race hard": how a side means to play; "would win"
    # stays an outcome
    r"team|squad|side)\s*$"
    # "said her party would cut income tax", "his government would raise the wage", "said her
    # observers would begin patrols": the speaker's own side, whose acts are theirs to decide
    r"|\b(?:said|says|told\s+(?:[\w'’-]+\s+){1,3}?|added|insisted|confirmed|announced)\s+"
    r"(?:that\s+)?(?:his|her|their|its|our|my)\s+[\w-]+\s*$"
    r"|\b(?:his|her|their|its|our|my)\s+(?:party|government|administration|campaign|coalition|"
    r"company|firm|ministry|department|council"
    # "an oil minister said his country would raise exports", "the kingdom would keep its
    # output": a state's own policy, told by its officials
    r"|country|kingdom)\s*$"
    r"|\bthe\s+kingdom\s*$"
    # "has said an Alliance government would introduce a rent cap": a party's standing pledge
    # ("said a Labour government would struggle" stays a forecast, by the verb after it)
    r"|\b(?:has\s+said|has\s+pledged|has\s+promised|pledged|promised|vowed)\s+(?:that\s+)?"
    r"(?:a|an)\s+"
    r"(?:(?-i:[A-Z])[\w'’-]*\s+){1,3}(?:government|administration|coalition)\s*$",
    re.IGNORECASE,
)


# "we're going to carry this state", "would carry the district by five points": a contest won
# at the voters' pleasure, so a forecast whoever the subject is.
_CARRY_A_CONTEST: Final = (
    r"carry\s+(?:the|this|that|every|each|its|their|his|her|our)\s+(?:[\w-]+\s+)?"
    r"(?:state|states|seat|seats|district|districts|county|counties|city|region|province|"
    r"constituency|ward|vote|election|primary|runoff|race|referendum)\b"
)


# What befalls a subject rather than what it does: these stay forecasts with any subject
# ("we will win", "said it would return to profit", "the government would fall").
_OUTCOME_AFTER: Final = re.compile(
    r"^[\s\"“‘']*(?:(?:not|also|still|then|now|never|probably|likely|certainly|easily|only|"
    # 'would "comfortably" reach': an adverb quoted on its own
    r"soon|eventually|ultimately|all|both|again|finally|comfortably|narrowly)[\"”’']?\s+)*"
    r"(?:win|lose|beat|fail|succeed|fall|rise|grow|shrink|decline|drop|slow|slip|ease|climb|"
    r"jump|surge|soar|plunge|tumble|rebound|recover|improve|worsen|deteriorate|increase|"
    # "the economy would expand (by 2%)" befalls it; "will expand the retraining programme",
    # "will expand mosquito surveillance to 40 provinces" it does, to an object of its own
    r"decrease|contract|expand(?=\s*(?:[,.;:”\"']|$)|\s+(?:by|to|from|at|in|over|during|through|"
    r"within|before|after|next|this|faster|further|again|more|sharply|slightly|strongly|"
    r"modestly|rapidly|significantly|\d))|peak|top|exceed|surpass|outpace|outperform|underperform|miss|"
    # "would not be using his absence as an excuse": an act of its own, in progress
    # "we will be running a text-message campaign", "we'll be sending reminders": an act of
    # its own in progress, unlike "we will be running a deficit"
    r"hit|reach|touch|finish|end|remain|stay|be(?!\s+(?:using|treating|relying|making\s+excuses|"
    r"running\s+(?:a|an|our|the)\s+(?![\w-]*\s*(?:deficit|surplus|risk)\b)|sending|offering|"
    r"launching|hosting|rolling\s+out|writing\s+to|contacting)\b)|become|get|have|need|face|see|struggle|survive|"
    # "would go ahead with a planned programme": its own plan carried out, not what befalls it
    # "would come in good faith", "will come prepared": the manner of its own coming, chosen
    r"suffer|return|come(?!\s+(?:in\s+good\s+faith|prepared|ready|to\s+the\s+table)\b)|"
    r"go(?!\s+ahead\b)|"
    # "would make a loss" befalls it; "would make up for the excess with extra cuts" it does
    r"make(?!\s+up\s+for\b|\s+(?:[\w-]+\s+)?(?:cuts|changes|payments|compensation)\b)|"
    r"break|qualify|earn|gain|overtake|collapse|default|run\s+out|"
    # "We'll do somewhere between $180 million and $220 million next year": takings reached
    r"do\s+(?:(?:somewhere\s+)?between\s+|about\s+|around\s+|roughly\s+|at\s+least\s+|"
    # "we'll do north of $200 million": a floor put in the trade's slang
    r"(?:north|upwards|south|in\s+excess)\s+of\s+|more\s+than\s+|over\s+)?[$€£]\d[\d,.]*|"
    # "we will exhaust the budget by 2029": a limit used up, at a pace no one decides alone
    r"exhaust|use\s+up|burn\s+through|breach|overshoot|"
    # "we're going to pick up seats", "would flip eight districts": the voters' gift
    r"pick\s+up\s+(?:[\w-]+\s+){0,3}?(?:seats?|votes?|ground|points|support|districts?|"
    r"states?|wards?)\b|flip\s+(?:[\w-]+\s+){0,3}?(?:seats?|districts?|states?|wards?)\b|"
    + _CARRY_A_CONTEST
    + r"|"
    r"take|cost|mean|happen|occur|last|lead|trail|hold\s+on|turn|prove|emerge|benefit|"
    # "he would hold the seat": kept at the voters' or the rivals' pleasure
    r"(?:hold|keep|retain)\s+(?:on\s+to\s+)?(?:the|his|her|their|its|our)\s+(?:seat|title|"
    r"majority|lead|crown)|retain|"
    # "we will form the next government" waits on the seats the voters give; "form a
    # government with any party that ..." is a choice of partners, theirs to make
    r"form\s+(?:the\s+next|a|an)\s+(?:[\w-]+\s+){0,2}?(?:government|majority)\b(?!\s+with\b)|"
    r"manage|achieve|secure|clinch|lift|avoid|escape|experience|record|post|report|reap|"
    r"feel|find|know|learn|depend|require|bear|weigh|double|triple|halve|stabilise|"
    r"stabilize|fade|vanish|disappear|keep\s+(?:rising|falling|growing|going|climbing)|"
    r"rain|snow|thaw|flood|pour|blow|"
    # "it will freeze overnight" is weather; "she would freeze property tax rates" a policy
    r"freeze(?!\s+(?:[\w'’-]+\s+){0,3}?(?:rates?|prices?|tax(?:es)?|fees|spending|hiring|wages|"
    r"pay|rents?|fares|budgets?|payments|benefits|salaries|recruitment|bills)\b))\b",
    re.IGNORECASE,
)


# "said it will certainly rain": a word of belief makes it a forecast, whatever the verb.
_BELIEF_ADVERB_AFTER: Final = re.compile(
    r"^\s*(?:probably|likely|certainly|surely|almost|possibly|undoubtedly)\b", re.IGNORECASE
)


# "We'll carry more than 9 million passengers", "we will press less than 40,000 tonnes",
# "we'll be in the top four": a level the speaker's own side will reach is decided by others
# too (buyers, the weather), so it is a forecast.
_THRESHOLD_OUTCOME: Final = re.compile(
    r"^(?:(?!\b(?:who|whose|which|that|if|when|where|unless)\b)[^.;,:])*?"
    # not "a package worth more than 17 trillion yen": the size of what is done
    r"(?<!worth\s)(?<!costing\s)(?<!valued\sat\s)"
    # not "until at least May" or "at least until May": how long an act of its own lasts, not
    # a level reached
    r"(?:\b(?:more\s+than|fewer\s+than|less\s+than|at\s+least(?!\s+until\b)|in\s+the\s+top\s+(?:two|"
    r"three|four|five|six|ten|\d+))\b(?<!until\sat\sleast)"
    # "said they would pass 2 million": a level crossed, which others decide too
    r"|^\s*(?:not\s+)?(?:pass|cross|break)\s+(?:the\s+)?[$€£]?\d)",
    re.IGNORECASE,
)


# "said goalkeeper Ben Saez would start", "Jonas Prytz had trained fully and would start": a
# player named, picked to start, is the manager's selection; "construction would start in
# May" names no one, and "would start to fall" is a trend.
_STARTS_AFTER: Final = re.compile(
    r"^\s*(?:(?:also|still|again)\s+)?start(?:\s*[,.;]|\s*$|\s+(?:on|against|alongside|"
    r"despite|up\s+front|in\s+(?:goal|his|her|their)\b))",
    re.IGNORECASE,
)
_PLAYER_NAMED_BEFORE: Final = re.compile(
    r"(?:^|[a-z\d]\s+)[A-Z][\w'’-]+\s+[A-Z][\w'’-]+\s+(?:had\s+[^,;.]*?\s+and\s+)?$"
)


# The name right before the modal, opening the sentence or after a verb of saying: "He said
# Orsund would not order", "Orsund will not order".
_NAMED_SUBJECT: Final = re.compile(
    r"(?:^\W*|\b(?:said|says|told\s+(?:[\w'’-]+\s+){1,3}?|added|insisted|confirmed|announced)"
    r"\s+(?:that\s+)?)(?P<name>(?-i:[A-Z])[\w&.-]*(?:\s+(?-i:[A-Z])[\w&.-]*){0,3})\s+$",
    re.IGNORECASE,
)


def _own_organisation(before: str, own: tuple[str, ...]) -> bool:
    """ "He said Orsund would not order ...", said by Orsund's chief executive: the subject is
    the speaker's own organisation, by its name or the first words of it."""
    if not own:
        return False
    if re.search(r"\band\s*$", before, re.IGNORECASE):
        # "He said Orsund would not order ships and would use its cash": the same subject
        earlier = list(re.finditer(r"\b(?:would|will)\b", before))
        before = before[: earlier[-1].start()] if earlier else before
    named = _NAMED_SUBJECT.search(before)
    if named is None:
        return False
    # "The Ministry will expand ...": the body by the first word of its name
    name = re.sub(r"^(?i:the)\s+", "", named.group("name"))
    return any(name == org or org.startswith(name + " ") for org in own)


# Bodies that impose restrictions: regulators, utilities and the bodies running a waterway.
_REGULATOR: Final = re.compile(
    r"\b(?:Authority|Council|Ministry|Department|Agency|Commission|Water|Utility|Utilities|"
    r"Board|Government|Port|Canal)\b",
    re.IGNORECASE,
)
_MEASURE_SUBJECT: Final = re.compile(
    r"\b(?:restrictions|limits|bans?|curbs|caps|controls|rationing)"
    r"(?:\s+on\s+[^,;:\"“”]{1,40}?)?\s*$",
    re.IGNORECASE,
)
_KEPT_UNTIL_AFTER: Final = re.compile(
    r"^\s*(?:remain|stay)\s+in\s+(?:place|force)\s+(?:at\s+least\s+)?until\s+(?:at\s+least\s+)?"
    r"(?:the\s+(?:end|middle|start)\s+of\s+)?(?:early\s+|late\s+|mid-?)?"
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b",
    re.IGNORECASE,
)


def _another_s_act(before: str, own: tuple[str, ...]) -> bool:
    """ "Orvia will raise its dividend," said an analyst at Vessel Bank: a named body's act
    called by a source from another organisation is that source's forecast, not a plan
    reported."""
    if not own:
        return False  # the writer, or a source whose organisation is not known
    named = _NAMED_SUBJECT.search(before)
    if named is None or _PRONOUN_NAME.match(named.group("name")):
        return False
    return not _own_organisation(before, own)


_PRONOUN_NAME: Final = re.compile(r"(?:i|we|he|she|they|it|the|this|that)\b", re.IGNORECASE)


# "we'll actually deliver somewhere between 4,000 and 4,500", "the group will deliver maybe
# 60% of what it promised": a hedged figure for what a side will manage is an estimate of an
# outcome it does not control; a plan states its figure ("will hire 400").
_HEDGED_FIGURE_AFTER: Final = re.compile(
    r"^[\s\"“‘']*(?:(?:actually|really|only|probably|still|end\s+up|manage\s+to)\s+)*"
    r"[a-z]+\s+(?:maybe|perhaps|possibly|probably|somewhere\s+(?:between|around|near)|"
    r"something\s+like)\s+[$€£]?\d",
    re.IGNORECASE,
)


def _pledge(before: str, after: str, own: tuple[str, ...] = ()) -> bool:
    """A speaker's commitment about their own acts ("the company would invest").

    With the speaker's own side as the subject (the organisation they work for among it),
    any act is theirs to decide, so only a verb of what befalls them ("we will win") keeps
    the sentence a forecast.
    """
    if _OWN_OPERATIONS_AFTER.match(after) and not _another_s_act(before, own):
        return True
    if (
        any(_REGULATOR.search(name) for name in own)
        and _MEASURE_SUBJECT.search(before)
        and _KEPT_UNTIL_AFTER.match(after)
    ):
        # "Hosepipe restrictions will remain in place until the end of April, the utility
        # said": a body that imposes a measure, keeping it to a date it has set; an
        # analyst's firm saying so calls another's act
        return True
    if _PROMISED_BEFORE.search(before):
        return True
    if _FORCED_ACT_AFTER.match(after) and _OWN_PRONOUN_BEFORE.search(before.rstrip(" \"“‘'")):
        # "we will have to cut transits again in May", "said it would have to ration supply
        # ... if": what the speaker's side says it will be driven to do is its contingency
        # plan, still its own act (LABELLING.md, pledge)
        return True
    if _STARTS_AFTER.match(after) and _PLAYER_NAMED_BEFORE.search(before):
        return True
    if "and" in before[-16:] and _PLAN_THEN_AND.search(before):
        return True  # "plans to open a centre ... and will hire 400 engineers": the same plan
    before = before.rstrip(" \"“‘'") + " "  # 'the platform "will take this ...'
    if _THRESHOLD_OUTCOME.match(after) or _HEDGED_FIGURE_AFTER.match(after):
        return False
    subject = before
    if re.search(r"\band\s*$", before, re.IGNORECASE):
        # "said the government would not restrict exports and would release credit"
        # (kept with the words before it, so "said her side" still shows whose side it is)
        subjects = list(_CLAUSE_SUBJECT.finditer(before))
        subject = before[: subjects[-1].end("subject")] + " " if subjects else before
    if _TO_MARKET_AFTER.match(after):
        # "says it will launch a paid service by next summer": a body's own product reaching
        # its customers turns on more than its will (licences, suppliers, readiness), so it
        # is a forecast (LABELLING.md); "will launch in two cities" names no product
        return False
    if _SURE_OF_ANOTHER.search(subject) and not _own_organisation(subject, own):
        # "she was confident the government would approve it": being sure of what a body
        # will do is a belief about another's act; one's own acts are decided, not doubted
        return False
    if (
        (_SELF_SUBJECT.search(subject) or _own_organisation(subject, own))
        and not _OUTCOME_AFTER.match(after)
        and not _BELIEF_ADVERB_AFTER.match(after)
    ):
        return True
    if not _PLEDGE_AFTER.match(after):
        return False
    if _THING_SUBJECT.search(before) and _WHERE_AFTER.match(after):
        # "it will be in pharmacies by October": where a thing will be is no one's act
        return False
    if _PLEDGE_SUBJECT.search(before):
        return True
    if re.search(r"\band\s*$", before, re.IGNORECASE):
        # "the company had ordered doses and would keep ...", "... and would hire 900"
        subjects = list(_CLAUSE_SUBJECT.finditer(before))
        return bool(subjects) and bool(_PLEDGE_SUBJECT.search(subjects[-1].group("subject") + " "))
    return False


# "launch a paid service", "launch its first electric model": a product or service put on the
# market, which a body cannot launch by deciding to.
_TO_MARKET_AFTER: Final = re.compile(
    r"^[\s\"“‘']*(?:(?:also|then|finally|commercially)\s+)?launch\s+(?:a|an|its|their|our|the)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:service|product|model|version|vehicle|car|phone|handset|device|"
    r"drug|treatment|vaccine|app|platform|network|fleet)s?\b",
    re.IGNORECASE,
)


# "will have to cut", "would need to ration": an act the speaker's side would be driven to.
_FORCED_ACT_AFTER: Final = re.compile(
    r"^[\s\"“‘']*(?:(?:also|then|again|simply)\s+)?(?:have|need)\s+to\s+(?!be\b)[a-z]",
    re.IGNORECASE,
)


# "we", or the "it" a body says of itself ("ArdoGrid has said it would").
_OWN_PRONOUN_BEFORE: Final = re.compile(
    r"\b(?:i|we)\s*$|\b(?:said|says|added|insisted|warned|warns|told\s+[\w'’-]+)\s+"
    r"(?:that\s+)?it\s*$",
    re.IGNORECASE,
)


# "was confident the government", "is sure that the regulator": a belief held about a third
# party named as the subject after it (not "I", "we", "it", the speaker's own side).
_SURE_OF_ANOTHER: Final = re.compile(
    r"\b(?:(?:confident|convinced|sure|certain)\s+"
    # "We do not think the alliance will unwind its cuts": the speaker's own belief about what
    # a body they do not speak for will do
    r"|\b(?:i|we)\s+(?:(?:do\s+not|don['’]t|still|now)\s+)?(?:think|believe|expect|doubt)\s+)"
    r"(?:that\s+)?the\s+(?:[\w'’-]+\s+){1,3}$",
    re.IGNORECASE,
)


_CLAUSE_SUBJECT: Final = re.compile(
    r"(?P<subject>\b(?:(?:the|his|her|their|its|our|my)\s+\w+|i|we|he|she|they|it))\s+(?:\w+\s+)?"
    # 'the government "remains committed to ..." and would': a quoted verb of its own state
    r"[\"“‘']?(?:would|will|had|has|have|was|is|remains|remained)\b",
    re.IGNORECASE,
)


def _valid_would(
    start: int,
    before: str,
    after: str,
    text: str,
    regions: list[tuple[int, int]],
    attribution: _Attribution,
) -> bool:
    # "X said (that) ... would", or "... would ..., X said" with the attribution after; in an
    # interview answer, a "would" with a time of its own ("would retaliate within a month");
    # in a release, its issuer's conditional projection ("If births recover, the population
    # would pass 7 million by 2040")
    reported = (
        attribution.verb_start >= 0
        or (attribution.answer and bool(_TIMED_AFTER.search(after)))
        or (attribution.issued and _conditional_projection(before, after))
    ) and not _inside(start, regions)
    if not reported:
        return False
    if _WH_BEFORE.search(before) or _PAST_BELIEF.search(before) or _HABITUAL_AFTER.match(after):
        return False
    if _CAME_TRUE_AFTER.search(after) or _ASSUMED_BEFORE.search(before):
        return False
    if _ROUTINE_AFTER.match(after) or _RIDDEN_AFTER.match(after):
        return False
    if _HYPOTHETICAL_RELATIVE.search(before):
        return False
    if (
        _pledge(before, after, attribution.own)
        or _EVALUATIVE_AFTER.match(after)
        or _STATE_AFTER_TODAY.match(after)
    ):
        return False
    if _ORGANISED_EVENT.match(after) or _announced(text):
        return False
    if _SURE_BEFORE.search(before):
        # 'she was "confident" the first ride would take place before the recess': a date
        # the speaker is sure will be kept is a belief about it, not a timetable reported
        return True
    if 0 <= attribution.verb_end <= start:
        # "At a rally on Saturday she told supporters that the vote would be settled in the
        # first round", "said on Saturday that ...": the day dates the telling, not the event
        told = text[attribution.verb_end : start]
        that = _THAT.search(told)
        return not _scheduled(after, text[attribution.verb_end + (that.start() if that else 0) :])
    return not _scheduled(after, text)


_THAT: Final = re.compile(r"\bthat\b")


# 'was "confident" the first paid ride', "is sure that the bridge": how sure the speaker is
# that what follows will happen, stated just before it.
_SURE_BEFORE: Final = re.compile(
    r"\b(?:is|was|are|were|am|remains?|remained|felt|feels|['’]m|['’]re)\s+(?:\w+ly\s+)?"
    r"[\"“‘']?(?:confident|convinced|sure|certain)[\"”’']?\s+(?:that\s+)?[^.;:!?]{1,80}$",
    re.IGNORECASE,
)


# "If births recover, ...", "In the high-migration variant, ...": the condition a release's
# alternative projection rests on.
_PROJECTION_CONDITION: Final = re.compile(
    # "In that case we think GDP would shrink ...": the scenario the sentence before set out
    r"^\s*(?:if|unless|should|in\s+(?:that|this|which)\s+case)\b|\b(?:variant|scenario)\b",
    re.IGNORECASE,
)


def _conditional_projection(before: str, after: str) -> bool:
    return bool(_PROJECTION_CONDITION.search(before) and _TIMED_AFTER.search(after))


# LABELLING.md: a positive turns into a yes/no question without inventing its content. A
# bare future from a source ("will", "would", "is going to", with no hedge, figure or verb
# of expecting) passes when its predicate names an outcome a record can settle: a level
# that moves, a contest or a vote decided, a threshold met, a stage reached, a date kept.
_CHECKABLE_PREDICATE: Final = re.compile(
    r"^[\s\"“‘']*(?:(?:not|n['’]t|also|still|then|now|never|only|all|both|again|finally|"
    r"quietly|eventually|ultimately|soon|easily|comfortably|narrowly|just|steadily|actually|"
    r"no\s+longer)[\"”’']?\s+)*"
    r"(?:"
    # a level that moves: "will keep rising", "would fall", "will push unemployment higher"
    r"(?:keep|continue|start|begin)\s+(?:to\s+)?(?:ris|fall|grow|climb|drop|declin|build|shrink|"
    r"increas|decreas|recover|improv|slow|eas)\w*"
    r"|(?:rise|fall|grow|shrink|climb|drop|decline|slow|ease|slip|jump|surge|soar|plunge|tumble|"
    r"rebound|recover|increase|decrease|contract|expand|peak|double|halve|triple|reverse|"
    r"surprise|stabili[sz]e|overshoot|undershoot|swell|balloon|dwindle|spike|sink|slide|slump|"
    r"rally|widen|narrow|weaken|strengthen|deepen|worsen|improve)\b"
    # one measure against another: "supply will swamp demand", "wages would outpace prices"
    r"|(?:swamp|outstrip|outpace|outrun|outperform|underperform|outsell|outlast)\b"
    # a time kept or missed: "frost would come early", "the year is set to end as the warmest"
    r"|[a-z]+\s+(?:early|late|earlier|later|sooner)\b|end\s+(?:as|up|the)\b"
    r"|(?:go|come|move|head|edge|drift|creep)\s+(?:back\s+)?(?:up|down|higher|lower)\b"
    r"|(?:push|drive|pull|send|take|keep)\s+(?:[\w'’-]+\s+){1,3}?(?:higher|lower|up|down|above|"
    r"below)\b"
    # a contest or a vote decided: "will win", "would finish above", "will not pass"
    r"|(?:win|lose|beat|draw|finish|qualify|top|lead|trail|overtake|retain|clinch|pass|fail|"
    r"approve|reject|veto|resign|default|collapse|survive|reach|hit|exceed|miss|surpass|"
    r"break|cross|turn\s+out|run\s+out|fall\s+short|stay\s+up|go\s+down|go\s+through|"
    r"make\s+(?:it|the)|get\s+(?:out|through|back\s+(?:over|above|into|to))|"
    r"hold\s+(?:on|onto|all|the|both|every|its|their|his|her|our)|"
    r"take\s+(?:it|the\s+(?:title|seat|league|cup|trophy|race|lead))|"
    r"form\s+(?:the|a|an)\s|go\s+to\s+(?:the\s+)?(?-i:[A-Z])\w*"
    # "we're going to pick up seats": what the voters give
    r"|(?:pick\s+up|flip|gain|take)\s+(?:[\w-]+\s+){0,3}?(?:seats?|districts?|states?|wards?))\b"
    r"|"
    + _CARRY_A_CONTEST
    # a level held: "will stay tight", "would remain well below normal"
    + r"|(?:stay|remain)\s+(?:(?:well|far|just|close|firmly)\s+)?(?:above|below|under|over|near|"
    r"at|tight|high|low|elevated|subdued|weak|strong|negative|positive|flat|unchanged|"
    r"in\s+(?:recession|surplus|deficit|profit|the\s+(?:lead|black|red)))\b"
    # a state a record shows: "will be in the final", "would be fit to start", "will be late"
    r"|be\s+(?:(?:in|into|out\s+of|back\s+(?:in|to))\s+(?:an?\s+|the\s+|that\s+|this\s+)?(?:[\w-]+\s+)?"
    r"(?:recession|surplus|deficit|profit|default|final|finals|semi-?finals?|"
    r"quarter-?finals?|play-?offs?|runoff|round|top|lead|black|red|government|opposition|"
    r"parliament|one)\b"
    r"|back\b|fit\b|full\b|late\b|early\b|on\s+(?:time|schedule|track|the\s+podium)\b|"
    r"(?:delayed|postponed|cancell?ed|dropped|scrapped|approved|rejected|passed|elected|"
    r"re-elected|relegated|promoted|closed|reopened|sold|named|appointed|confirmed)\b|"
    r"(?:negative|positive|flat|level|higher|lower|smaller|larger|bigger|cheaper|dearer|"
    r"expensive|cheap|scarce|oversupplied|undersupplied|"
    r"fewer|more|less|above|below|over|under)\b|"
    # "will be closer than the first round": a measure set against a record's, not against
    # what someone expects ("closer than the polls suggest")
    r"(?:(?:much|far|a\s+lot|even|slightly|a\s+little|a\s+bit)\s+)?(?:closer|tighter|narrower|"
    r"wider|longer|shorter|faster|slower|warmer|colder|wetter|drier|hotter|busier|quieter)\s+"
    r"than\s+(?![^.;,]{0,40}?\b(?:suggests?|suggested|impl(?:y|ies|ied)|expect\w*|think\w*|"
    r"thought|predict\w*|says?|said|hoped?|feared?|believe\w*)\b)|"
    r"no\s+(?:agreement|deal|majority|winner|cut|hike|change|recession|runoff|ceasefire)\b|"
    r"able\s+to\s+(?:govern|form|win|pass|finish|reach|hold)\b|"
    # "we will be the largest party", "will be part of the next government": where the count
    # of seats leaves a side, which the voters settle, not the side
    r"(?:the\s+)?(?:largest|biggest|second[\s-]largest)\s+(?:single\s+)?(?:party|group|bloc|"
    r"force)\b|part\s+of\s+(?:the\s+|any\s+)?(?:next\s+)?(?:government|coalition)\b|"
    # who or what it will be: "the winners would be Kell Rovers"
    r"(?:the\s+)?(?-i:[A-Z])[\w'’-]*(?:\s|[.,;!?\"”’']|$))"
    # an outcome that will come to pass: "we will see more outbreaks", "a recession"
    r"|see\s+(?:(?:more|fewer|further|higher|lower|rising|falling|record)\s+[a-z]"
    r"|(?:an?\s+|another\s+|the\s+first\s+)?(?:[\w-]+\s+){0,2}?(?:recession|rebound|recovery|"
    r"slowdown|downturn|upturn|(?:second\s+)?wave|outbreaks?|shortages?|cuts?|hikes?|"
    r"increases?|rises?|falls?|declines?|drops?|surges?|spikes?|peaks?|strikes?|defaults?|"
    r"deficits?|surplus(?:es)?|layoffs|job\s+losses|bankruptcies|closures)\b)"
    r")",
    re.IGNORECASE,
)


# "I doubt they will.", "I just don't think I will be.": the modal ends its clause, and the
# sentence before names what is meant.
_ELLIPTICAL_MODAL: Final = re.compile(
    r"^\s*(?:(?:not|n['’]t)\s+)?(?:be|have\s+to|do)?\s*[\"”’']?\s*(?:[.,;!?\"”’]|$)",
    re.IGNORECASE,
)


# What a body, a market or an event will do, said of something other than the speaker's own
# side: a decision taken ("will cut rates", "will call an election", "will go ahead"), a
# thing done to it ("will be signed", "would be sold"), a course kept ("will hold", "will
# stay sticky"), a spread, a successor named ("will be the next prime minister").
_CHECKABLE_ACT: Final = re.compile(
    r"^[\s\"“‘']*(?:(?:not|n['’]t|also|still|then|now|never|only|again|soon|eventually|"
    r"ultimately|probably)\s+)*"
    r"(?:(?:cut|raise|hike|lower|tighten|loosen|hold|pause|resume|extend|call|sign|ratify|"
    r"merge|spread|strike|become\s+(?:law|the\s+(?:next|first|largest|biggest|only))|go\s+ahead|split|default|sell|buy|close|shut|leave|join|"
    r"quit|step\s+down|cap|ban|scrap|delay|postpone|settle|agree|return|arrive|land|launch|"
    r"ship|deliver|open)\b"
    r"|be\s+(?:the\s+)?(?:next|first|last|new)\b"
    # "will not be rushed", "will not be pushed around": a stance under pressure, not an event
    r"|be\s+(?!" + _UNDER_PRESSURE + r"\b)"
    r"(?:[a-z]+(?:ed|en)|cut|set|held|built|sold|won|lost|shut|hit|paid|run|kept|met|"
    r"put|spent|struck|split)\b"
    r"|(?:stay|remain)\s+(?:[a-z]+ly\s+)?(?:sticky|volatile|weak|strong|firm|soft|stable|"
    r"steady|robust|sluggish|muted|resilient|closed|open|shut|cheap|expensive|scarce|"
    r"on\s+hold|in\s+place|in\s+power|in\s+office|out\s+of\s+power)\b)",
    re.IGNORECASE,
)
# The speaker's own side ("We will not be rushed", "I will be stronger"): what they will do
# or undergo is a pledge or a boast unless something outside them is named.
_OWN_SIDE_SUBJECT: Final = re.compile(r"\b(?:we|i|you|they)\s+$", re.IGNORECASE)


def _checkable_predicate(after: str, before: str = "") -> bool:
    if _CHECKABLE_PREDICATE.match(after) or _ELLIPTICAL_MODAL.match(after):
        return True
    return bool(_CHECKABLE_ACT.match(after)) and not _OWN_SIDE_SUBJECT.search(before[-40:])
