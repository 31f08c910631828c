"""Candidate claims in article text: which sentences predict, who says so, how sure, by when.

Rule-based and deterministic. The text is split into sentences (`split_sentences`); each
sentence is searched for cues that it speaks of the future with some belief (a phrase of
the verbal scale, an explicit probability, a forecast verb, "my guess is"), cues that do not
count are dropped (possibility alone, pledges, schedules, indirect questions, past
beliefs), and sentences that are hopes, conditionals, questions or boilerplate are left
out. What is left is a candidate, with the speaker the sentence is attributed to (None when
the writer speaks), the probability from `forecasts.probability`, and the deadline from
`forecasts.deadlines`. tests/extraction/LABELLING.md has the rules the output is measured
against.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from functools import lru_cache
from typing import Final, Literal

from forecasts.deadlines import Deadline, find_deadlines
from forecasts.probability import ICD_203, PhraseMatch, find_explicit_probability

__all__ = [
    "Candidate",
    "Quantity",
    "Sentence",
    "extract_candidates",
    "split_sentences",
]

Basis = Literal["stated", "verbal"]
CandidateKind = Literal["probability", "quantity"]


@dataclass(frozen=True, slots=True)
class Quantity:
    """The number a quantity forecast gives: a point (low == high), a range, or one bound."""

    low: float | None
    high: float | None
    unit: str


@dataclass(frozen=True, slots=True)
class Candidate:
    """A sentence that looks like a predictive claim, with what a claim needs from it.

    Offsets index the text given to `extract_candidates`: text[start:end] == sentence and
    text[span_start:span_end] == span. probability is that of the event the span states,
    with its negation read into the number: "It won't" gives 0.05 for "it will", and a
    denial of the opposite ("cannot be pushed back") gives 0.95 for the event itself.
    probability_basis is "stated" for an explicit figure ("35-40%") and "verbal" for a phrase
    of the ICD 203 scale (then verbal_phrase is that phrase, a key of the scale). reason says
    which cue made the sentence a candidate.

    kind is "quantity" when the forecast is of a number ("inflation at 2.7-2.8 percent");
    quantity holds it. probability is None, with probability_reason saying why, for a
    quantity and for a bare "will" or "would", which state no likelihood. condition is the
    clause a conditional forecast depends on ("if turnout is high"). speakers lists every
    named source when several make the claim together; speaker is the first of them.
    """

    sentence: str
    start: int
    end: int
    span: str
    span_start: int
    span_end: int
    speaker: str | None
    verbal_phrase: str | None
    probability: float | None
    probability_basis: Basis | None
    deadline_phrase: str | None
    deadline: datetime | None
    confidence: float
    reason: str
    url: str | None = None
    kind: CandidateKind = "probability"
    quantity: Quantity | None = None
    probability_reason: str | None = None
    condition: str | None = None
    speakers: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        """Plain JSON-ready data (the deadline as an ISO 8601 string)."""
        data = asdict(self)
        data["deadline"] = self.deadline.isoformat() if self.deadline else None
        data["speakers"] = list(self.speakers)
        return data


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a text: text[start:end] == text; heading for lines with no full stop."""

    text: str
    start: int
    end: int
    paragraph: int
    heading: bool = False


# --- sentences ------------------------------------------------------------------------------


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_TITLES: Final = _wordset(
    "mr mrs ms mx dr prof gen lt col maj capt cpt sgt cmdr adm brig rev fr hon pres gov sen "
    "rep st mt jr sr supt insp no nos vs messrs mme mlle sec det ft"
)
_MONTH_ABBREVIATIONS: Final = _wordset("jan feb mar apr jun jul aug sep sept oct nov dec")
_COMPANY_ABBREVIATIONS: Final = _wordset("inc ltd co corp plc llc bros etc")
_SENTENCE_STARTERS: Final = _wordset(
    "the a an he she it they we i you but and or so yet in on at for this that these those "
    "there his her its their our my your mr mrs ms dr if when while after before as since "
    "however meanwhile still now then"
)
_TERMINAL: Final = re.compile(r"[.!?…]+[\"”’')\]]*")
_LINE: Final = re.compile(r"[^\n]+")
_HEADING_MAX_WORDS: Final = 30
# How far rules look either side of a word, and back from a verb for its subject: the
# rules are about neighbouring words, and bounded windows keep long texts linear.
_LOOK_AROUND: Final = 200
_SUBJECT_WINDOW: Final = 300
_NAME_CUE_WINDOW: Final = 40


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of a text with their offsets; a line break always ends a sentence.

    Copes with quotation marks (straight and curly), abbreviations (Mr., Dr., U.S.,
    Jan. 5), initials, decimals and ellipses. In a text of several lines, a short line with
    no closing punctuation (a headline, a byline, a link) is one unit, marked as a heading.
    """
    lines = [line for line in _LINE.finditer(text) if line.group().strip()]
    headings_possible = len(lines) > 1
    sentences: list[Sentence] = []
    for paragraph, line in enumerate(lines):
        sentences.extend(_split_line(text, line.start(), line.end(), paragraph, headings_possible))
    return sentences


def _split_line(
    text: str, start: int, end: int, paragraph: int, headings_possible: bool
) -> Iterator[Sentence]:
    line = text[start:end]
    if headings_possible and _is_heading(line):
        yield _trimmed(text, start, end, paragraph, heading=True)
        return
    piece_start = start
    for match in _TERMINAL.finditer(line):
        boundary = start + match.end()
        if _ends_sentence(text, start + match.start(), boundary, end):
            yield _trimmed(text, piece_start, boundary, paragraph)
            piece_start = boundary
    if text[piece_start:end].strip():
        yield _trimmed(text, piece_start, end, paragraph)


def _is_heading(line: str) -> bool:
    """A short line with no closing punctuation: a headline, byline, dateline or link."""
    stripped = line.rstrip().rstrip("\"”’')]")
    return not stripped.endswith((".", "!", "?", "…")) and len(line.split()) <= _HEADING_MAX_WORDS


def _trimmed(text: str, start: int, end: int, paragraph: int, *, heading: bool = False) -> Sentence:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(text[start:end], start, end, paragraph, heading)


_NEXT_AFTER_SPACE: Final = re.compile(r"\s+(\S)")


def _ends_sentence(text: str, mark: int, boundary: int, line_end: int) -> bool:
    after = _NEXT_AFTER_SPACE.match(text, boundary, line_end)
    if after is None:
        return False
    first = after.group(1)
    if not (first.isupper() or first.isdigit() or first in "\"“‘'(["):
        return False
    if text[mark] != ".":
        return True
    following = text[after.start(1) : min(line_end, after.start(1) + 40)]
    return not _is_abbreviation(text, mark, following)


_WORD_BEFORE: Final = re.compile(r"[\w.'’-]*$")


def _is_abbreviation(text: str, dot: int, following: str) -> bool:
    word_match = _WORD_BEFORE.search(text, max(0, dot - 40), dot)
    word = word_match.group() if word_match else ""
    bare = word.lower().strip(".")
    next_word = re.match(r"[\w'’]+", following)
    next_lower = next_word.group().lower() if next_word else ""
    if bare in _TITLES:
        return True
    if len(bare) == 1 and word[:1].isupper():
        return True  # an initial: "John F. Kennedy"
    if bare in _MONTH_ABBREVIATIONS:
        return following[:1].isdigit()
    if re.fullmatch(r"(?:[a-z]\.)+[a-z]", bare) or bare in _COMPANY_ABBREVIATIONS:
        return next_lower not in _SENTENCE_STARTERS
    return False


# --- quotations -----------------------------------------------------------------------------


# Every character that can open or close a quotation; no other changes what is quoted.
_QUOTE_MARK: Final = re.compile("[\"“”‘’']")


def _quote_regions(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation, marks included; an unclosed one runs to the end."""
    regions: list[tuple[int, int]] = []
    opened: int | None = None
    opener = ""
    for mark in _QUOTE_MARK.finditer(text):
        index, char = mark.start(), mark.group()
        if opened is None and _opens_quote(text, index, char):
            opened, opener = index, char
        elif opened is not None and _closes_quote(text, index, char, opener):
            regions.append((opened, index + 1))
            opened = None
    if opened is not None:
        regions.append((opened, len(text)))
    return regions


def _opens_quote(text: str, index: int, char: str) -> bool:
    if char in '“"':
        return True
    return char == "‘" and (index == 0 or not text[index - 1].isalnum())


def _closes_quote(text: str, index: int, char: str, opener: str) -> bool:
    if opener == "“":
        return char == "”"
    if opener == '"':
        return char == '"'
    after = text[index + 1 : index + 2]
    return char in "’'" and not after.isalpha()


def _inside(position: int, regions: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in regions)


def _quote_only(text: str, regions: list[tuple[int, int]]) -> bool:
    """The sentence is a quotation and nothing else (a quote continued from before)."""
    if not regions:
        return False
    bounds = [0, *(edge for region in regions for edge in region), len(text)]
    outside = "".join(text[bounds[i] : bounds[i + 1]] for i in range(0, len(bounds), 2))
    return not re.search(r"[A-Za-z]", outside)


# --- names and speakers ---------------------------------------------------------------------

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
    "quarterback superintendent sheriff principal headteacher"
)
# Last words of a place's name: "Ashdown Reservoir", "Mill Lane", "Tarrant Bay".
_PLACE_WORDS: Final = _wordset(
    "reservoir river lake valley mountain mountains hill hills street road avenue lane square "
    "bay island islands beach forest moor glacier coast estuary creek"
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
    "airways petroleum utilities telecom telecoms communications solutions services software "
    "insights polling wire markets associates brands stores retail mobility logistics "
    "healthcare investments insurance resources mining minerals chemicals ventures estates "
    "enterprises properties realty shipping railways automotive semiconductors robotics "
    "therapeutics beverages brewing direct club fc united rovers athletic wanderers albion "
    "town city county council institute observatory economics pictures films studios "
    "productions entertainment alliance coalition federation league caucus bureau"
)
# Words a company's name ends with that are no part of it: "Helix Devices Inc." speaks as
# "Helix Devices" (LABELLING.md, speakers).
_LEGAL_SUFFIXES: Final = _wordset("inc ltd llc plc corp co gmbh ag sa nv bv lp llp pty")
# Capitalised words that open a name run without belonging to it: "By Leah Antonelli" in
# a byline, "In London".
_LEADING_FUNCTION_WORDS: Final = _wordset(
    "by in at on from with to for of after before as and but or my our his her their its "
    "this that when while if since until during under over about against between among"
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
    r"insurer|consultancy|brokerage|chain|club|union|center|centre|regulator|network|carrier|platform|"
    r"maker|producer|retailer|manufacturer|pollster|publisher|provider|operator|developer|"
    r"supplier|airline|exporter|importer|miner|utility|broadcaster|newspaper|website|"
    r"insurer|team|side|cartel|think\s+tank|tank|charity|studio|automaker|carmaker|"
    r"giant|conglomerate|fund|(?:asset|fund|investment|money|wealth|portfolio)\s+manager|"
    r"(?:research|brokerage|trading|investment|fashion|auction|publishing)\s+house)\s+$",
    re.IGNORECASE,
)
_ORG_CUES_BEFORE: Final = re.compile(r"\b(?:the|at|from)\s+$", re.IGNORECASE)
_DEFINITE_ORG: Final = re.compile(r"^\s*the\s+(?P<noun>[a-z-]+?)(?:['’]s)?\b", re.IGNORECASE)
# "in Kell", "to Port Aird"; not "spoke to Oskar Lindqvist", whom someone speaks to
_PLACE_CUES_BEFORE: Final = re.compile(
    r"(?:\bin|\bnear|\bacross|\bto(?<!spoke\sto)(?<!talked\sto)(?<!speaking\sto)(?<!talking\sto)"
    r"|\binto)\s+$",
    re.IGNORECASE,
)
# The last word of a public body's name, which may hold an "and": "Food and Drug
# Administration", "Monetary Policy and Financial Stability Committee".
_PUBLIC_BODY_ENDINGS: Final = (
    r"(?:Committee|Commission|Administration|Board|Council|Department|Agency|Authority|"
    r"Bureau|Office|Institute|Ministry|Services?|Survey|Tribunal|Panel)"
)
_NAME_RUN: Final = re.compile(
    r"[A-Z][\w’'.&/-]*(?:\s+(?:(?:(?:of|for)\s+the|of|for|de|van|von|der|da|di|du|le|la|al|"
    r"bin|&|and(?=\s+(?:[A-Z][\w’'.&/-]*\s+){0,3}" + _PUBLIC_BODY_ENDINGS + r"\b))\s+)?"
    r"[A-Z][\w’'.&/-]*)*"
)
_SPEECH_VERBS: Final = (
    r"said|says|say|told|tells|tell|wrote|writes|write|added|adds|warned|warns|warn|"
    r"predicted|predicts|predict|forecast|forecasts|projected|projects|(?-i:project)|expects|expect|"
    r"argued|argues|argue|believes|believe|believed|thinks?|thought|concluded|concludes|noted|"
    r"notes|estimated|estimates|claimed|claims|insisted|insists|stated|states|cautioned|"
    r"cautions|reckons|reckoned|suggested|suggests|acknowledge[sd]?|conced(?:ed|es|e)|"
    r"admit(?:ted|s)?|declared|"
    r"announced|replied|explained|predicting|insist|reported|reports|sees|see|"
    r"concurred|concurs|concur|agreed|agrees|agree|judges|judged|considers|considered|gives|gave|"
    r"recognises|recognizes|"
    r"expected|doubts|doubted|reckon|assumes|assumed|anticipates|anticipated|impl(?:ies|y)|"
    r"put\s+the\s+(?:chance|chances|odds|probability|likelihood|risk)|"
    r"issued\s+(?:the\s+following\s+|a\s+|this\s+)?statement|"
    r"puts\s+the\s+(?:chance|chances|odds|probability|likelihood|risk)|"
    r"(?:raised|lowered|cut|increased|revised|upgraded|downgraded|lifted|trimmed)\s+"
    r"(?:its|his|her|their)\s+(?:[\w-]+\s+){0,2}(?:estimate|forecast|projection|outlook|"
    r"prediction|guidance)s?"
)
# "\b(?=\w)" is the start of a word: "\b" alone holds at the end of one too, where the
# pattern's every alternative would be tried in vain.
_SPEECH: Final = re.compile(
    rf"\b(?=\w)(?:(?:has|have|had|also|now|then|later|previously|recently|already|once)\s+)*"
    rf"(?P<verb>{_SPEECH_VERBS})\b",
    re.IGNORECASE,
)
_ACCORDING_TO: Final = re.compile(r"\baccording\s+to\s+", re.IGNORECASE)
_PRONOUNS: Final = {"he": "m", "she": "f", "they": "", "i": "", "we": "", "it": ""}
# Nouns any organisation can be called by: "the firm's model" is the firm last named.
_ANY_ORG_NOUNS: Final = _wordset(
    "firm company organisation organization business group institution agency outfit maker "
    "producer manufacturer retailer lender insurer operator carrier chain club utility bank"
)
# Bodies within an institution: "the committee" of a bank named before speaks for the bank
# (LABELLING.md, round two (c)).
_BODY_NOUNS: Final = _wordset("committee board panel council commission")
# Roles of people speaking for an organisation: "A top Moody's economist", "analysts at the
# central bank", "the agency's director". With no person named, the organisation speaks.
_ROLE_NOUNS: Final = (
    r"economists?|analysts?|strategists?|researchers?|scientists?|officials?|spokes(?:man|woman|"
    r"person|people|men|women)|directors?|heads?|chiefs?|executives?|officers?|advisers?|"
    r"advisors?|forecasters?|experts?|modell?ers?|team|unit|desk|staff|model|models|"
    r"epidemiologists?|statisticians?|meteorologists?|engineers?|managers?|board|leadership"
)
_ROLE_OF_NAMED: Final = re.compile(
    rf"^(?:(?P<det>a|an|the|one|another|two|three|several|some)\s+)?"
    rf"(?:(?-i:[a-z][\w-]*)\s+){{0,2}}"
    rf"(?P<org>(?-i:[A-Z][\w&.'’-]*)(?:\s+(?-i:[A-Z&][\w&.'’-]*)){{0,4}}?)(?P<own>['’]s?)?\s+"
    rf"(?:(?-i:[a-z][\w-]*)\s+){{0,2}}(?:{_ROLE_NOUNS})$",
    re.IGNORECASE,
)
_ROLE_AT: Final = re.compile(
    rf"^(?:(?:a|an|the|one|two|three|several|some|other)\s+)?(?:\w+\s+){{0,2}}"
    rf"(?:{_ROLE_NOUNS})\s+(?:at|from|with|of|for|in)\s+(?P<org>.+)$",
    re.IGNORECASE,
)
_ROLE_OF_DEFINITE: Final = re.compile(
    rf"^(?:the|its|their)\s+(?P<noun>[a-z-]+)['’]s?\s+(?:[\w-]+\s+){{0,2}}(?:{_ROLE_NOUNS})$",
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
    "tonight yesterday christmas easter having being neither either"
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
_DEFINITE_PERSON: Final = re.compile(
    r"^\s*(?i:the)\s+(?:[a-z][\w-]*\s+){0,2}(?i:diplomat|envoy|mediator|official|economist|"
    r"analyst|scientist|expert|researcher|strategist|executive|minister|politician|veteran|"
    r"forecaster|epidemiologist|meteorologist|pollster)\s*$"
)
_GENERIC_SUBJECT: Final = re.compile(
    r"^(?:some|many|most|several|other|few|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"\d+|a|an)?\s*(?:[\w+&.'’-]+\s+){0,2}"
    r"(?:analysts|economists|scientists|experts|officials|observers|critics|sources|"
    r"forecasters|investors|traders|commentators|researchers|insiders|people|official|"
    r"delegates|diplomats|aides|lawmakers|legislators|strategists|bankers|executives|"
    r"residents|voters|members|participants|advisers|advisors|spokesmen|spokespeople|"
    r"analyst|economist|scientist|expert|observer|critic|source|forecaster|investor|trader|"
    r"commentator|researcher|insider|delegate|diplomat|aide|lawmaker|strategist|banker|"
    r"executive|resident|voter|member|participant|adviser|advisor|person|fan|fans|studios|"
    r"groups|drivers|workers|companies|retailers|landlords|campaigners|activists|rivals|"
    r"shoppers|businesses|contacts|agents|pundits|bookmakers|bookies|punters|parents|tenants|"
    r"nurses|owners|buyers"
    # a profession in the plural: "marine biologists", "pediatricians", "local doctors"
    r"|(?-i:[a-z]+(?:ists|ians|ers|ors)))$",
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
    r"canvassed|who\s+spoke)\b[^,;:]{0,60}?)?"
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


@dataclass(slots=True)
class _Document:
    """What earlier sentences tell later ones: names met, the last person, the last speaker."""

    entities: list[_Entity] = field(default_factory=list)
    last_person: list[_Entity] = field(default_factory=list)
    last_speaker: str | None = None
    last_speaker_paragraph: int = -1
    last_organisation: str | None = None
    roles: dict[str, _Entity] = field(default_factory=dict)
    # ("spokesman", "World Health Organisation") -> who holds that post, named anywhere in
    # the article (LABELLING.md, round two (c)).
    post_holders: dict[tuple[str, str], str] = field(default_factory=dict)
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
    paragraph: int = -1
    # The paragraph that last named a person.
    person_paragraph: int = -1
    # The byline, whose writer is not the one interviewed.
    byline: str = ""
    # Entities by their first and last word, latest last: lookups stay cheap on long texts.
    _by_edge_word: dict[str, list[_Entity]] = field(default_factory=dict)

    def known(self, mention: str) -> _Entity | None:
        """The fullest known entity a mention refers to ("Danilov" -> Oleksiy Danilov)."""
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
        return entity

    def body(self) -> str | None:
        """The institution of the latest committee or board named: whose members speak."""
        for entity in reversed(self.entities):
            if entity.kind == "org" and entity.nouns & _BODY_NOUNS:
                return entity.root().name
        return None

    def interviewee(self) -> str | None:
        """Who answers in a Q-and-A: the first person the article names, its writer aside."""
        for entity in self.entities:
            if entity.kind == "person" and entity.name not in self.byline:
                return entity.name
        return None

    def person_for(self, pronoun: str) -> _Entity | None:
        gender = _PRONOUNS.get(pronoun.lower(), "")
        for person in reversed(self.last_person):
            if not gender or not person.gender or person.gender == gender:
                if gender:
                    person.gender = gender
                return person
        return None

    def org_for(self, noun: str) -> _Entity | None:
        """The latest organisation that "the <noun>" can refer to ("the group" -> AutoClub)."""
        noun = noun.lower()
        body = [entity for entity in reversed(self.entities) if not entity.headline]
        headline = [entity for entity in self.entities if entity.headline]
        for entity in body + headline:
            # "the Bank" is the Central Bank of Arland, not an entity of its own
            if entity.kind == "org" and noun in entity.nouns and entity.name.lower() != noun:
                return entity.root()
        if noun in _ANY_ORG_NOUNS | _BODY_NOUNS:
            # "the group" is an organisation, not one of its boards or panels
            whole = [
                entity
                for entity in reversed(self.entities)
                if entity.kind == "org" and (noun in _BODY_NOUNS or not entity.nouns & _BODY_NOUNS)
            ]
            for entity in whole:
                if entity.name == self.last_organisation:
                    return entity.root()
            for entity in whole:
                return entity.root()
        return None

    def mention_person(self, entity: _Entity) -> None:
        if entity in self.last_person:
            self.last_person.remove(entity)
        self.last_person.append(entity)
        self.person_paragraph = self.paragraph


@dataclass(frozen=True, slots=True)
class _Mention:
    text: str
    start: int
    end: int
    title: str
    possessive: bool
    # "Norges Bank" of "Norges Bank's Monetary Policy Committee": whose the name is.
    owner: str = ""


# Each sentence is read for names twice, before and after its attribution: kept, not redone.
@lru_cache(maxsize=256)
def _name_runs(text: str) -> tuple[_Mention, ...]:
    return tuple(
        mention
        for run in _NAME_RUN.finditer(text)
        for start, end in _split_at_of(run.group(), run.start())
        for mention in _mention(text, start, end)
    )


def _split_at_of(run: str, offset: int) -> list[tuple[int, int]]:
    """ "Ben Adeyemi of Fenland University" is two names; "Bank of England" is one."""
    for connector in re.finditer(r"\s+(?:of|for)\s+the\s+|\s+of\s+", run):
        head = run[: connector.start()].split()
        # "Organisation of the Petroleum Exporting Countries" is one name; "the Monetary
        # Policy Board of the Central Bank" is a body of an institution, two names
        joined = connector.group().split()[-1] != "the" or len(head) == 1
        if head and (head[-1].lower() not in _ORG_WORDS or not joined):
            rest = _split_at_of(run[connector.end() :], offset + connector.end())
            return [(offset, offset + connector.start()), *rest]
    return [(offset, offset + len(run))]


def _mention(text: str, start: int, end: int) -> Iterator[_Mention]:
    run = text[start:end]
    # "Lumora's Teodora Vance": the organisation's possessive is not part of the name.
    owner = re.match(r"(?:[\w.&-]+\s+){0,3}[\w.&-]+['’]s\s+(?=[A-Z])", run)
    owner_name = ""
    if owner:
        owner_name = re.sub(r"['’]s\s+$", "", owner.group())
        start += owner.end()
        run = text[start:end]
    words = re.sub(r"[’']s?$", "", run).rstrip(".").split()
    while len(words) > 1 and words[0].lower() in _LEADING_FUNCTION_WORDS:
        words.pop(0)
    if len(words) > 1 and _describes_a_firm(words[0]):
        # "Chipmaker Orrin Semiconductor", "Retailer Grovemart": the kind of firm, at the
        # head of a sentence, is no part of its name
        start += run.find(words[1], len(words[0]))
        run = text[start:end]
        words.pop(0)
    while len(words) > 1 and words[-1].lower().strip(".,") in _LEGAL_SUFFIXES | {"&", "and"}:
        words.pop()
    if len(words) == 1 and (words[0].lower().strip(".,") in _LEGAL_SUFFIXES or len(words[0]) < 2):
        return  # the "Inc." of "Apogee Enterprises, Inc."; a lone letter
    if words and words[-1].lower() in _JOB_WORDS | _TRAILING_JOB_TITLES:
        return  # "Met Office Chief Meteorologist", "Bank of England Governor": a post
    inner = [i for i, word in enumerate(words[:-2]) if word.lower() in _INNER_JOB_TITLES]
    if inner and len(words) - inner[-1] - 1 >= 2:
        # "Manchester City Manager Roberto Mancini": the name follows the post
        cut = inner[-1] + 1
        after_title = run.find(words[cut - 1]) + len(words[cut - 1])
        start += max(0, run.find(words[cut], after_title))
        words = words[cut:]
    person = _person_after_organisation(words)
    if person:
        # "Oxford Research Mara Jensen": a firm run into the name of someone who works there
        cut = run.rfind(" ".join(words[-person:]))
        if cut > 0:
            yield from _mention(text, start, start + cut)
            yield from _mention(text, start + cut, end)
            return
    titles = []
    organisation = any(word.lower().strip("’'") in _ORG_WORDS for word in words)
    while (
        len(words) > 1
        and words[0].lower().strip(".") in _PERSON_TITLES | {"the"}
        and not (organisation and words[0].lower() != "the")
    ):
        titles.append(words.pop(0).lower().strip("."))
    if words and words[0].lower() == "the":
        words.pop(0)
    if "the" in titles:
        titles.remove("the")
    if words:
        possessive = bool(re.search(r"[’']s?$", text[start:end]))
        yield _Mention(" ".join(words), start, end, " ".join(titles), possessive, owner_name)


# Common nouns for a kind of firm, written before its name.
_FIRM_KINDS: Final = _wordset(
    "retailer insurer lender miner brewer pollster broker carrier airline conglomerate "
    "supermarket grocer regulator broadcaster publisher developer distributor manufacturer "
    "producer exporter importer operator supplier startup start-up rival"
)


def _describes_a_firm(word: str) -> bool:
    lowered = word.lower()
    return word[:1].isupper() and (
        (lowered.endswith("maker") and len(lowered) > 5) or lowered in _FIRM_KINDS
    )


def _person_after_organisation(words: list[str]) -> int:
    """How many words at the end of a run name a person after an organisation's name."""
    marks = [i for i, word in enumerate(words) if word.lower().strip("’'") in _ORG_WORDS]
    if not marks or len(words) - marks[-1] - 1 not in (2, 3):
        return 0
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
    r"\s+(?:[a-z-]+\s+){0,2}(?:analyst|economist|strategist|envoy|ambassador|mediator|"
    r"spokesman|spokeswoman|spokesperson|executive|director|minister|chief|head|official|"
    r"correspondent|coach|manager|captain|striker|midfielder|goalkeeper|forecaster|"
    r"meteorologist|scientist|researcher|pollster|governor|president|chair|chairman|"
    r"chairwoman)\s+(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?[A-Z]"
)


def _classify(mention: _Mention, text: str, document: _Document) -> _Entity | None:
    words = mention.text.split()
    if len(words) == 1 and not mention.title and words[0].lower() in _NOT_NAMES:
        return None  # "Tuesday", "Neither": a capital that names nobody
    if len(words) > 1 and mention.text.isupper() and document.known(mention.text) is None:
        return None  # "PORT ESTMERE, Feb. 18": a dateline's place, or a shouted heading
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
    nouns = {word.lower().strip("’'") for word in words} & _ORG_WORDS
    written = text[mention.start : mention.end].split()
    # "Harwell & Co.", "Apogee Enterprises, Inc.": a firm, whatever its words
    legal = (
        "&" in written
        or any(word.lower().strip(".,") in _LEGAL_SUFFIXES for word in written[1:])
        or bool(_LEGAL_SUFFIX_AFTER.match(text, mention.end))
    )
    if noun_before:
        nouns.add(noun_before.group("noun").lower())
    if (nouns or legal) and known is None:
        return _Entity(mention.text, "org", nouns=frozenset(nouns))
    if known is None and not mention.title and _product_name(words, before, document):
        return None  # "The glasses, called Vellum Sight, ...": a product, nobody who speaks
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
    if known is not None:
        return known
    if _PLACE_CUES_BEFORE.search(before) and not mention.title:
        return None
    context = _ORG_CONTEXT_AFTER.match(text, mention.end, mention.end + _LOOK_AROUND)
    if context and not mention.title:
        noun = context.group("noun")
        return _Entity(mention.text, "org", nouns=frozenset({noun.lower()} if noun else ()))
    if mention.start == 0 and len(words) == 1 and not mention.title:
        return None
    if not mention.title and _EMPLOYER_BEFORE_ROLE.match(text, mention.end):
        # "Jefferies analyst Kevin Grundy", "U.N. Syria envoy Staffan de Mistura": the words
        # before the post name where the person works
        return _Entity(mention.text, "org") if len(words) > 1 or known is None else known
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


_WORKS_AT_BEFORE: Final = re.compile(r"\b(?:at|(?:works|worked|working)\s+for)\s+$")
_CALLED_BEFORE: Final = re.compile(
    r"\b(?:called|named|dubbed|branded|nicknamed|known\s+as)\s+[\"“‘']?$", re.IGNORECASE
)


def _product_name(words: list[str], before: str, document: _Document) -> bool:
    """A thing given a name ("called Vellum Sight"), or a firm's name with a word added."""
    if ("ed " in before[-14:] or "as " in before[-6:]) and _CALLED_BEFORE.search(before):
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
    r"broadcaster|consultancy|club|union|charity|regulator|cartel|institute|university)\b"
    # "Lena Varga, a pollster at Civica Insight": someone who works somewhere
    r"(?!\s+(?:at|with|for|from)\s+(?-i:[A-Z]))"
    r"|\s+(?:(?:has|have|had|also|now|then|last\s+\w+|on\s+\w+day)\s+)*[a-z]+\s+its\b"
    r"|['’]s?\s+shares\b)"
)


# "Separately, the institute ...", "Meanwhile, the bank ...": a sentence adverb, no name.
_DISCOURSE_WORDS: Final = _wordset(
    "meanwhile separately elsewhere instead however still nevertheless nonetheless moreover "
    "furthermore besides overall earlier later today yesterday tomorrow now yet indeed "
    "similarly likewise separately ultimately"
)


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


def _learn_names(sentence: Sentence, regions: list[tuple[int, int]], document: _Document) -> None:
    """Record the people and organisations a sentence names, quotations excluded for people."""
    previous: tuple[_Mention, _Entity] | None = None
    for mention in _name_runs(sentence.text):
        if previous is not None and _abbreviation_of(sentence.text, previous, mention):
            # "Apogee Enterprises, Inc. (APOG)", "the Institute (VMI)": another name for it
            alias = document.remember(_Entity(mention.text, "org"))
            if alias is not previous[1]:
                alias.parent = previous[1]
            continue
        entity = _classify(mention, sentence.text, document)
        if entity is None:
            previous = None
            continue
        entity = document.remember(entity)
        _link_to_owner(mention, entity, document)
        if entity.kind == "person" and not _inside(mention.start, regions):
            document.mention_person(entity)
        if previous is not None and _part_of(sentence.text, previous, (mention, entity)):
            previous[1].parent = entity
        if entity.kind == "org" and re.fullmatch(r"\s*(?:the\s+)?", sentence.text[: mention.start]):
            document.last_organisation = entity.root().name  # the subject "it" refers to
        previous = (mention, entity)
    _learn_roles(sentence.text, document)
    group = _GROUP_OPENING.match(sentence.text)
    if group is not None:
        organisation = _role_organisation(group.group().strip(), sentence.text, 0, document)
        if organisation is not None:
            document.last_group, document.last_group_paragraph = organisation, sentence.paragraph
    opening = re.match(r"[^,;:]*?(?=\s+[a-z]+(?:ed|s)\b)", sentence.text)
    holder = _role_holder(opening.group(), document) if opening else None
    if holder is not None:
        document.mention_person(holder)


def _link_to_owner(mention: _Mention, entity: _Entity, document: _Document) -> None:
    """ "Norges Bank's Monetary Policy Committee": the committee speaks for the bank."""
    if not mention.owner or entity.kind != "org" or entity.parent is not None:
        return
    if not {part.lower() for part in entity.parts} & _BODY_NOUNS:
        return
    owner = document.known(mention.owner) or document.remember(_Entity(mention.owner, "org"))
    if owner.kind == "org" and owner.root() is not entity:
        entity.parent = owner


# A sentence that opens with people of an organisation, in the plural.
_GROUP_OPENING: Final = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}?(?i:analysts|economists|researchers|scientists|strategists|experts|"
    r"forecasters|officials|modell?ers|epidemiologists|engineers|staff)\s+(?i:at|from|with|of)\s+"
    r"(?:the\s+)?[A-Z][\w&'’.-]*(?:\s+(?:of|for|and|&)?\s*[A-Z][\w&'’.-]*)*"
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
        and bool(re.fullmatch(r"\s+(?:\([A-Z][\w&.]{1,7}\)\s+)?of\s+(?:the\s+)?", between))
    )


def _resolve_name(raw: str, text: str, start: int, document: _Document) -> str | None:
    """The canonical speaker for a piece of text that should name one."""
    mentions = [
        m
        for m in _name_runs(raw)
        if not _is_descriptor_word(m.text)
        and not m.possessive
        and (_ACRONYM.fullmatch(m.text) or m.text.lower() not in _NOT_NAMES | _DISCOURSE_WORDS)
        and _CONTRACTED.sub("", m.text.lower()) not in _PRONOUNS  # "I'd", "We'll"
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
    if entity is None:
        if (
            " " not in mention.text
            and not text[: shifted.start].strip(" \"“‘'")
            and re.match(
                r"\s+(?:with|to|the|its|his|her|their|a|an|by|from|on|at|in|of|for|that)\b",
                text[shifted.end :],
            )
            and not _ACRONYM.fullmatch(mention.text)
        ):
            return None  # "Compared with ...", "Given ...": a capital that opens a sentence
        entity = _Entity(mention.text, "org")
    entity = document.remember(entity)
    if entity.kind == "person":
        document.mention_person(entity)
        return entity.name
    entity = entity.root()
    document.last_organisation = entity.name
    return entity.name


_ACRONYM_NAME: Final = re.compile(r"[A-Z]{2,6}")
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


@dataclass(frozen=True, slots=True)
class _Attribution:
    speaker: str | None
    generic: bool = False
    verb_start: int = -1
    verb_end: int = -1
    speakers: tuple[str, ...] = ()
    # An interviewee's answer in a transcript: the speaker's own words, unquoted.
    answer: bool = False
    # The issuer of a press release, speaking where a writer would.
    issued: bool = False
    # A quotation standing alone, taken to go on with the speaker of the paragraph before
    # unless a later sentence names another.
    carried: bool = False
    # "a spokesman for X said": the post, whose holder the article may name elsewhere.
    post: str = ""


def _attribution(
    sentence: Sentence, regions: list[tuple[int, int]], document: _Document
) -> _Attribution:
    text = sentence.text
    estimate = (
        _BY_ESTIMATE.search(text)
        if ("'" in text or "’" in text) and any(word in text for word in _ESTIMATE_WORDS)
        else None
    )
    if estimate is not None and not _inside(estimate.start(), regions):
        name = _resolve_name(estimate.group("owner"), text, estimate.start("owner"), document)
        if name is not None:
            return _Attribution(name, verb_start=estimate.start(), verb_end=estimate.end())
    according = _ACCORDING_TO.search(text)
    if according and not _inside(according.start(), regions):
        # "Varda forecast revenue of ..., according to data compiled by LSEG": the forecast
        # is Varda's; "according to" says where the figures were read
        for verb in _SPEECH.finditer(text, 0, according.start()):
            if _inside(verb.start(), regions) or _noun_use(text, verb.start()):
                continue
            found = _speaker_for_verb(text, verb, regions, document)
            if found is not None and found.speaker is not None and not found.generic:
                return found
        document_source = _document_author(text, according.end(), document)
        if document_source is not None:
            comma = re.search(r"[,;:]", text[according.end() :])
            end = according.end() + comma.start() if comma else len(text)
            return _Attribution(document_source, verb_start=according.start(), verb_end=end)
        tail = re.split(r"[,;:(]|\s(?:of|at|who|on|in)\s", text[according.end() :])[0]
        name = _resolve_name(tail, text, according.end(), document)
        written = tail.rstrip(' .!?"”’')
        if name is None and _DEFINITE_NP.match(written):
            # "according to the federation": the organisation the noun was used for
            organisation = _definite_org(written, document, text[: according.start()])
            name = organisation.name if organisation is not None else None
        if name is None or re.search(r"['’]s\b", tail):
            name = (
                _inverted_speaker(text[according.end() :], text, according.end(), document)
                or _role_organisation(tail.strip(), text, according.end(), document)
                # "according to the service's latest outlook": whoever issued it
                or _report_owner(tail.rstrip(), text, according.end(), document)
            )
        if name is not None:
            comma = re.search(r"[,;:]", text[according.end() :])
            tail_end = according.end() + (comma.start() if comma else len(tail))
            return _Attribution(name, verb_start=according.start(), verb_end=tail_end)
    odds = _NAMED_ODDS.match(text) if "/" in text or "evens" in text else None
    if odds is not None:
        name = _resolve_name(odds.group("maker"), text, odds.start("maker"), document)
        if name is not None:
            return _Attribution(name, verb_start=odds.start("verb"), verb_end=odds.end("verb"))
    subordinate = _SUBORDINATE_WORD.search(text) is not None
    source = _SOURCE_OF_QUOTE.match(text)
    if source:
        name = _inverted_speaker(text[source.end() :], text, source.end(), document)
        if name is not None:
            return _Attribution(name, verb_start=source.start(), verb_end=source.end())
    for verb in _SPEECH.finditer(text):
        if _inside(verb.start(), regions) or _noun_use(text, verb.start()):
            continue
        if _AGENTLESS_PASSIVE.search(text[max(0, verb.start() - 40) : verb.start()]):
            continue  # "is expected", "was predicted": a passive names no speaker here
        if _PARTICIPLE_BEFORE.search(text, max(0, verb.start() - 20), verb.start()):
            continue  # "Having conceded a goal in each match": a participle, no speaker
        if subordinate and _SUBORDINATE_BEFORE.search(
            text, max(0, verb.start() - 40), verb.start()
        ):
            continue  # "unless the region sees rain": a condition's verb, no one speaking
        found = _speaker_for_verb(text, verb, regions, document)
        if found is not None:
            return found
    shows = _SHOWS.search(text) if "show" in text or "indicat" in text else None
    if (
        shows is not None
        and not _inside(shows.start(), regions)
        and (
            _OWNED_DOCUMENT.search(text, max(0, shows.start() - _SUBJECT_WINDOW), shows.start())
            or _THE_DOCUMENT.match(text[: shows.start()])
        )
    ):
        # "the bureau's outlook shows" speaks for the bureau; "data shows" for no one
        found = _speaker_for_verb(text, shows, regions, document)
        if found is not None:
            return found
    return _Attribution(None)


_SHOWS: Final = re.compile(r"\b(?:shows|showed|indicates|indicated|is\s+indicating)\b")


# "Carrow Bet make Linfield 4/6 favourites", "Odds Direct have the Rovers at evens": the
# bookmaker named first quotes the odds (LABELLING.md, round two).
_NAMED_ODDS: Final = re.compile(
    r"\s*(?P<maker>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3})\s+"
    r"(?P<verb>have|has|had|make|makes|made|put|puts|rate|rates|offer|offers)\s+"
    r"(?:(?i:the)\s+)?(?:[A-Z][\w'’.-]*\s+){1,4}(?:at\s+|as\s+)?(?:\d{1,3}/\d{1,3}|evens)\b"
)
_ESTIMATE_WORDS: Final = (
    "estimate",
    "reckoning",
    "calculation",
    "count",
    "forecast",
    "model",
    "view",
)
# "There is a 60% chance, by Corvane's estimate, that ...", "in the bank's view".
_BY_ESTIMATE: Final = re.compile(
    r"\b(?:by|in|on)\s+(?P<owner>(?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*)['’]s?\s+(?:own\s+)?"
    r"(?:estimate|estimates|reckoning|calculations?|count|forecast|model|view)\b"
)
# "according to a seat projection published on Friday by Nordvik Research", "according to
# the report": a document speaks for whoever wrote it.
_DOCUMENT: Final = re.compile(
    r"(?:a|an|the|its|their|this|that|latest|new|\s)+\s*(?:[\w-]+\s+){0,2}?(?P<noun>report|projection|"
    r"projections|forecast|forecasts|model|estimate|estimates|survey|analysis|study|outlook|"
    r"review|paper|assessment|note|poll)\b(?P<rest>[^,;:]*)",
    re.IGNORECASE,
)
_AUTHOR: Final = re.compile(
    r"\b(?:by|from|of)\s+(?:the\s+)?(?P<name>[A-Z][\w&'’.-]*(?:\s+(?:(?:of|for)\s+(?:the\s+)?)?"
    r"[A-Z][\w&'’.-]*)*)"
)


def _document_author(text: str, start: int, document: _Document) -> str | None:
    written = _DOCUMENT.match(text, start)
    if written is None:
        return None
    author = _AUTHOR.search(written.group("rest"))
    if author is not None:
        name = author.group("name").rstrip(".")
        if " the " in name and name.split()[0].lower() in _ORG_WORDS:
            # "the Office of the State Auditor": one body, with its article inside the name
            return document.remember(_Entity(name, "org")).root().name
        offset = start + written.start("rest") + author.start("name")
        return _resolve_name(name, text, offset, document)
    if re.match(r"\s*(?:the|its|their|this|that)\b", text[start:], re.IGNORECASE):
        return document.last_organisation
    return None


# "The line is from Andrej Hollin", "That was the verdict of Dr. Lee": a sentence that names
# the source of the quotation before it without a verb of saying.
_SOURCE_OF_QUOTE: Final = re.compile(
    r"^\s*(?:the|that|this|those|these|his|her|their)\s+(?:[a-z]+\s+)?(?:line|lines|words?|"
    r"remarks?|comments?|warning|verdict|prediction|forecast|quote|assessment|view|message|"
    r"answer|reply)\s+(?:is|was|are|were|came)\s+(?:from|of|by)\s+"
    r"|^\s*(?:that|this)\s+(?:is|was)\s+the\s+(?:[a-z]+\s+)?(?:verdict|view|prediction|forecast|"
    r"assessment|warning|message|answer|reply)\s+(?:of|from)\s+"
    r"|^\s*so\s+(?:says|said)\s+",
    re.IGNORECASE,
)


_SUBORDINATE_WORD: Final = re.compile(r"\b(?:unless|if|until|because|once|whether)\b", re.I)
_SUBORDINATE_BEFORE: Final = re.compile(
    r"\b(?:unless|if|until|because|once|whether)\s+(?:the\s+|its\s+|their\s+)?"
    r"(?-i:[a-z][\w-]*\s+){0,2}$",
    re.IGNORECASE,
)
_PARTICIPLE_BEFORE: Final = re.compile(
    r"\b(?:having|after|before|since|when|while)\s+$", re.IGNORECASE
)


def _noun_use(text: str, start: int) -> bool:
    # a determiner and one modifier are all that is looked for: the last few words will do
    before = text[max(0, start - _NOUN_USE_REACH) : start].rstrip().lower()
    if _DETERMINER_BEFORE.search(before):
        return True
    # "the company's forecasts" is a noun; "Farrow's expects" is a firm named in the possessive
    word = re.match(r"[a-z]+", text[start:].lower())
    return bool(_POSSESSIVE_BEFORE.search(before)) and (word is None or word.group() in _NOUN_FORMS)


_NOUN_USE_REACH: Final = 48
# "its latest forecasts", "its long-range forecasts": a modifier, then the noun.
_NOUN_MODIFIER: Final = (
    r"(?:\s+(?:previous|latest|new|own|last|earlier|current|initial|original|revised|"
    r"monthly|quarterly|annual|official|central|updated|[a-z]+-[a-z]+))?$"
)
_DETERMINER_BEFORE: Final = re.compile(
    r"\b(?:the|a|an|its|his|her|their|our|my|this|that)" + _NOUN_MODIFIER
)
# "the Office's updated forecasts": a possessive with a modifier is an owner too
_POSSESSIVE_BEFORE: Final = re.compile(r"['’]s" + _NOUN_MODIFIER)


# Forms of the verbs of saying that are also nouns.
_NOUN_FORMS: Final = _wordset(
    "forecast forecasts estimate estimates projects claims reports notes states doubts judges "
    "concerns warns see sees expected projected reported estimated stated noted judged"
)


def _speaker_for_verb(
    text: str, verb: re.Match[str], regions: list[tuple[int, int]], document: _Document
) -> _Attribution | None:
    before_start = max(
        (end for _, end in regions if end <= verb.start()),
        default=max(0, verb.start() - _SUBJECT_WINDOW),
    )
    # "Climate scientists have long warned", "insiders privately concede": the adverb and its
    # auxiliary are no part of the subject
    subject = text[before_start : verb.start()]
    if subject[-16:].rstrip().rsplit(" ", 1)[-1].lower() in _SPEECH_ADVERBS:
        subject = _AUXILIARY_END.sub("", subject)
    after = text[verb.end() :]
    if re.fullmatch(r"[\s,]*", subject) and before_start > 0:
        name = _inverted_speaker(after, text, verb.end(), document)
        return _Attribution(name, verb_start=verb.start(), verb_end=verb.end()) if name else None
    if _CLAUSE_THEN_COMMA.search(subject) and _NAMED_AFTER.match(after):
        # "Rents will keep rising ..., said Hamza Qureshi": the clause is what was said
        name = _inverted_speaker(after, text, verb.end(), document)
        if name is not None:
            return _Attribution(name, verb_start=verb.start(), verb_end=verb.end())
    return _subject_speaker(subject, before_start, text, document, (verb.start(), verb.end()))


_SPEECH_ADVERBS: Final = _wordset("long privately publicly openly quietly repeatedly consistently")
_AUXILIARY_END: Final = re.compile(
    r"\s(?:(?:has|have|had)\s+)?(?:long|privately|publicly|openly|quietly|repeatedly|"
    r"consistently)\s+$",
    re.IGNORECASE,
)
# A clause of several words, then a comma: what was said, before an inverted "said X".
_CLAUSE_THEN_COMMA: Final = re.compile(
    r"(?:^|[.;:“”\"]\s*)(?:(?:if|unless|once|when)\b[^,;:]*,\s*)?"
    r"[^,;:]*\b(?:will|would|could|may|might|should|can|won['’]t|"
    r"is|are|was|were|has|have|had)\b[^,;:]*,\s*$",
    re.IGNORECASE,
)
# "said Hamza Qureshi, ...", "said the agency's director, Dr. Lena Forsyth".
_NAMED_AFTER: Final = re.compile(
    r"\s+(?:(?:the|a|an|its|their)\s+[^,.;]{1,80}?,\s+)?"
    r"(?:(?:Mr|Mrs|Ms|Dr|Prof|Professor|Sir|Dame)\.?\s+)?(?-i:[A-Z][\w'’-]+\s+[A-Z][\w'’-]+)"
)


def _inverted_speaker(after: str, text: str, offset: int, document: _Document) -> str | None:
    """The name after an inverted verb ("..., said X"), past an appositive ("X's head, Y")."""
    position = 0
    for chunk in re.split(r"[,;:(]", after)[:3]:
        head = re.split(r"\s(?:of|at|who|on|in|about|to)\s", chunk)[0]
        name = _resolve_name(head, text, offset + position, document)
        if name is not None:
            return name
        if not _is_descriptor(head) and not re.search(r"[’']s\b", head):
            return None
        position += len(chunk) + 1
    return None


_ANONYMOUS: Final = re.compile(
    r"\b(?:on\s+(?:the\s+)?condition\s+of\s+anonymity|anonymously|who\s+(?:asked|declined|"
    r"requested)\s+not\s+to\s+be\s+(?:named|identified)|(?:declined|refused)\s+to\s+be\s+"
    r"(?:named|identified)|requested\s+anonymity|unnamed|anonymous)\b",
    re.IGNORECASE,
)


_FINITE_CLAUSE: Final = re.compile(
    r"\b(?:will|would|could|may|might|should|can|is|are|was|were|has|have|had|won['’]t)\s+"
    r"(?:\w+ly\s+)?(?:not\s+)?(?:be\s+)?(?!(?:what|how)\b)[a-z]",
)


# Words that join a clause to the one before: "..., although Olivier Marchetti said".
_TIME_PREPOSITIONS: Final = _wordset("for by in over after before until through beyond")
_TIME_PHRASE_WORDS: Final = 5
_CONJUNCTIONS: Final = _wordset("and but or so yet although though whereas while")


_INITIALS_IN_BRACKETS: Final = re.compile(r"\s*\((?:[A-Z][A-Za-z&.]{1,7})\)(?=\s*$)")


def _subject_speaker(
    subject: str, offset: int, text: str, document: _Document, verb: tuple[int, int]
) -> _Attribution | None:
    # "a spokesman for the World Health Organisation (WHO)": the initials add nothing
    subject = _INITIALS_IN_BRACKETS.sub(lambda m: " " * len(m.group()), subject)
    together = _joint_speakers(subject, offset, text, document)
    if len(together) > 1:
        return _Attribution(together[0], False, *verb, speakers=tuple(together))
    # An organisation a role belongs to speaks only when no person is named beside the role.
    organisation: str | None = None
    post_word = ""
    described = False
    chunks = _chunks(subject)
    for position in range(len(chunks) - 1, -1, -1):
        chunk_start, chunk = chunks[position]
        if (organisation is not None or described) and _FINITE_CLAUSE.search(chunk):
            # "Cases are likely to rise, a spokesman for X said", "Inflation will fall, the
            # bank said": what was said, not who
            break
        words = chunk.split()
        while len(words) > 1 and words[0].lower() in _CONJUNCTIONS:
            conjunction = words.pop(0)
            chunk_start += chunk.index(conjunction) + len(conjunction)
            chunk = chunk[chunk.index(conjunction) + len(conjunction) :]
        if not words or _ANONYMOUS.search(chunk):
            # ", speaking on condition of anonymity,": the source is whoever the rest names,
            # an organisation or nobody that can be tracked
            continue
        # "I'd put the chance at ...": the pronoun inside a contraction
        pronoun = re.sub(r"['’](?:d|ll|ve|m|re)$", "", words[-1].lower())
        if pronoun in _PRONOUNS and (
            len(words) == 1
            or words[-2].lower() in {"what", "that", "which", "as", "than"}
            # "For next year they see", "By June she expects": a time phrase, then the subject
            or (words[0].lower() in _TIME_PREPOSITIONS and len(words) <= _TIME_PHRASE_WORDS)
        ):
            # "he said", and "what we forecast": the pronoun right before the verb speaks
            return _pronoun_speaker(pronoun, document, verb)
        owner = _report_owner(chunk, text, offset + chunk_start, document)
        if owner is None and (built := _BUILT_BY.match(chunk)) is not None:
            # "The model built by the election analysis site Ballotline gives ...": its maker
            maker = "maker" if built.group("maker") else "author"
            written = built.group(maker)
            found = _definite_org(written, document, text[: offset + chunk_start])
            owner = found.name if found is not None else None
            if owner is None:
                at = offset + chunk_start + built.start(maker)
                owner = _resolve_name(written, text, at, document)
        if owner is not None:
            return _Attribution(owner, False, *verb)
        holder = _role_holder(chunk, document)
        if holder is not None:
            document.mention_person(holder)
            return _Attribution(holder.name, False, *verb)
        if (
            _ROLE_REFERENCE.match(chunk)
            and document.last_person
            and document.person_paragraph == document.paragraph
        ):
            # "Luca Benedetti ... '...,' the Ashford manager said": the person just named
            return _Attribution(document.last_person[-1].name, False, *verb)
        if words[0].lower() == "its" and len(words) <= 4 and document.last_organisation:
            # "Its modelling puts the chance ...": the organisation's own unit speaks for it
            return _Attribution(document.last_organisation, False, *verb)
        role = _role_organisation(chunk.strip(), text, offset + chunk_start, document)
        if role is not None:
            if organisation is None:
                post = _SINGLE_POST.search(chunk)
                organisation, post_word = role, post.group("post").lower() if post else ""
            continue
        if _DEFINITE_PERSON.match(chunk) and document.last_person:
            # "the top diplomat said": the person the article is about, not anyone at all
            person = document.last_person[-1]
            return _Attribution(person.name, False, *verb)
        if organisation is None and _MEMBERS.match(chunk) and (body := document.body()):
            # "members expected", "a minority of members thought": in minutes, the committee
            return _Attribution(body, False, *verb)
        if organisation is None and _THE_DOCUMENT.match(chunk):
            # "the minutes said", "the report says": whoever issued it
            issued_by = document.body() or document.last_organisation
            if issued_by is not None:
                return _Attribution(issued_by, False, *verb)
        if _GENERIC_SUBJECT.match(chunk.strip()) or _GENERIC_TAIL.search(chunk):
            return _Attribution(organisation, organisation is None, *verb)
        if position > 0 and _DEFINITE_ORG.match(chunk) and _bare_name(chunks[position - 1][1]):
            # "Statline, the sports data company, gives": the name before the description speaks
            described = True
            continue
        found = _definite_org(chunk, document, text[: offset + chunk_start])
        if found is not None:
            return _Attribution(found.name, False, *verb)
        possessive_name = re.fullmatch(
            r"\s*((?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*['’]s)\s*", chunk
        )
        if possessive_name:
            # "Farrow's expects": a firm named in the possessive ("Moody's", "Sainsbury's")
            written = possessive_name.group(1)
            known = document.known(re.sub(r"['’]s$", "", written))
            return _Attribution(known.root().name if known else written, False, *verb)
        if _is_descriptor(chunk):
            described = described or words[0].lower() not in _CONJUNCTIONS
            continue
        name = _resolve_name(chunk, text, offset + chunk_start, document)
        if name is not None:
            return _Attribution(name, False, *verb)
        if words[-1].lower() in _TRAILING_JOB_TITLES:
            continue  # "Paul Davies, Met Office Chief Meteorologist, said": the post, then the name
        break
    if organisation is None:
        return None
    return _Attribution(organisation, False, *verb, post=post_word)


_BARE_NAME: Final = re.compile(r"\s*[A-Z][\w&'’.-]*(?:\s+[A-Z&][\w&'’.-]*){0,4}\s*")


def _bare_name(chunk: str) -> bool:
    """A chunk that is a name and nothing else ("Statline"), not "Meanwhile" or "In London"."""
    words = chunk.split()
    return (
        bool(words)
        and _BARE_NAME.fullmatch(chunk) is not None
        and words[0].lower() not in _NOT_NAMES | _DISCOURSE_WORDS | _LEADING_FUNCTION_WORDS
    )


# The members of a committee or board, with no other body named: "Most members", "a
# minority of members", "policymakers", "one member".
_MEMBERS: Final = re.compile(
    r"^\s*(?:(?:according\s+to\s+the\s+minutes|in\s+(?:the\s+)?\w+)\s*)?(?i:the\s+)?"
    r"(?:(?i:most|many|some|several|all|both|few|a\s+few|a\s+majority|a\s+minority|one|two|"
    r"three|four|five|six|seven|eight|nine|\d+)(?:\s+(?i:of\s+the|of))?\s+)?"
    r"(?i:members?|policymakers|policy-makers|rate-setters)\s*$"
)
# A document the body issued, as the subject: "the minutes", "the statement".
_THE_DOCUMENT: Final = re.compile(
    r"^\s*(?i:the)\s+(?:(?-i:[a-z][\w-]*)\s+){0,2}(?i:minutes|statement|release|communiqu[eé]|"
    r"bulletin|outlook|forecast)\s*$"
)
# A person's post written for the person named just before: "the Ashford manager", "the
# 54-year-old", "the former minister".
_ROLE_REFERENCE: Final = re.compile(
    r"^\s*(?i:the)\s+(?:[A-Z][\w&'’.-]*\s+){0,2}(?:(?-i:[a-z])[\w-]*\s+){0,2}"
    r"(?i:manager|coach|captain|skipper|boss|chief\s+executive|chairman|chairwoman|president|"
    r"governor|mayor|minister|striker|midfielder|goalkeeper|defender|forward|founder|veteran|"
    r"\d+-year-old)\s*$"
)
# "a spokesman for the agency": one holder of a post, who may be named elsewhere.
_SINGLE_POST: Final = re.compile(
    r"\b(?:a|an|the|one)\s+(?:[\w&.'’-]+\s+){0,5}?(?P<post>spokes(?:man|woman|person)|"
    r"director|official|head|chief|economist|analyst|forecaster)\b",
    re.IGNORECASE,
)
# "WHO spokesman Tarik Jasarevic": the organisation, the post, then its holder.
_POST_HOLDER: Final = re.compile(
    r"(?P<org>[A-Z][\w&.-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w&.-]*){0,5}?)(?:['’]s?)?\s+"
    r"(?:[a-z-]+\s+){0,2}?(?P<post>spokes(?:man|woman|person)|director|official|head|chief|"
    r"economist|analyst|forecaster)\s+(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?"
    r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+)"
)


_BUILT_BY: Final = re.compile(
    r"^\s*(?i:the|a|an|its|their)\s+(?:[\w-]+\s+){0,2}(?i:model|forecast|projection|poll|survey|"
    r"analysis|simulation|nowcast)\s+(?:[\w-]+\s+)?(?i:built|run|published|produced|compiled|"
    r"released|conducted|made)\s+by\s+(?P<maker>.+?)\s*$"
    # "Modelling by the Centre suggests", "New analysis by Kell Research shows"
    r"|^\s*(?:(?i:new|recent|fresh|latest)\s+)?(?i:modell?ing|analysis|research|projections?|"
    r"estimates?)\s+by\s+(?P<author>.+?)\s*$"
)
# "Harland Institute's latest market report", "the group's monthly outlook, which": a
# document forecasts for whoever publishes it.
_OWNED_DOCUMENT: Final = re.compile(
    r"(?:^|\s)(?P<owner>(?:(?i:the)\s+)?(?:[\w&.-]+\s+){0,4}?[\w&.-]+)['’]s?\s+"
    r"(?:[\w-]+\s+){0,3}(?i:report|outlook|forecast|projections?|estimates?|survey|review|"
    r"bulletin|statement|assessment|minutes)"
    # "the agency's outlook for June to August": the period it covers
    r"(?:\s+(?i:for|on)\s+(?:[\w-]+\s+){0,4}?[\w-]+)?\s*$"
)


def _report_owner(chunk: str, text: str, offset: int, document: _Document) -> str | None:
    owned = _OWNED_DOCUMENT.search(chunk)
    if owned is None:
        return None
    owner = owned.group("owner")
    if owner.lower() in {"its", "their"}:
        return document.last_organisation
    if owner.split()[0].lower() == "the":
        found = _definite_org(owner, document, text[:offset])
        return found.name if found is not None else None
    if not owner[:1].isupper() or owner.lower() in _NOT_NAMES:
        return None
    return _resolve_name(owner, text, offset + owned.start("owner"), document)


def _role_organisation(chunk: str, text: str, offset: int, document: _Document) -> str | None:
    """The organisation a role speaks for: "A top Moody's economist" -> Moody's."""
    definite = _ROLE_OF_DEFINITE.match(chunk)
    if definite:
        found = document.org_for(definite.group("noun"))
        return found.name if found else None
    named = _ROLE_OF_NAMED.match(chunk)
    if (
        named
        and (named.group("det") or named.group("own") or re.search(r"['’]s$", named.group("org")))
        and named.group("org").lower() not in _NOT_NAMES
    ):
        written = named.group("org")
        bare = re.sub(r"['’]s$", "", written)
        known = document.known(bare)
        if known is not None:
            return known.root().name
        # "Moody's", "Sainsbury's": an owner named only in the possessive keeps it
        name = _resolve_name(bare, text, offset + named.start("org"), document)
        if name is not None:
            return written if written != bare and name == bare else name
    at = _ROLE_AT.match(chunk)
    if at:
        place = at.group("org").strip()
        found = _definite_org(place, document, "")
        if found is not None:
            return found.name
        return _resolve_name(place, text, offset + at.start("org"), document)
    return None


_DEFINITE_NP: Final = re.compile(
    r"^\s*(?i:the)\s+(?:[A-Z][\w.-]*-(?:based|headquartered|listed|owned|run|backed)\s+)?"
    r"((?:[a-z-]+\s+){0,3}[a-z-]+)(?:['’]s)?\s*$"
)


def _definite_org(chunk: str, document: _Document, earlier: str) -> _Entity | None:
    """The organisation "the central bank", "the company" or "The Bank" refers to.

    An organisation named earlier in the same sentence comes first ("Voltera's shares ...,
    and the company warned"); then the latest one that the nouns fit.
    """
    definite = _DEFINITE_ORG.match(chunk)
    if definite is None:
        return None
    np = _DEFINITE_NP.match(chunk)
    nouns = list(reversed(np.group(1).split())) if np else [definite.group("noun")]
    if nouns[0].lower() in _ANY_ORG_NOUNS and nouns[0].islower():
        # "the company" (not "The Bank of Norland", a name)
        for mention in reversed(list(_name_runs(earlier))):
            known = document.known(mention.text)
            if known is not None and known.kind == "org":
                return known.root()
    for noun in nouns:
        found = document.org_for(noun)
        if found is not None:
            return found
    return None


# "the agency's director, Dr. Lena Forsyth", "Miles Corrigan, Ardent's director of research":
# who holds a role, so that "The director also noted" is that person.
_ROLE_WORDS: Final = (
    r"director|chief|head|governor|president|chair|chairman|chairwoman|minister|secretary|"
    r"spokesman|spokeswoman|spokesperson|manager|coach|executive|economist|strategist|lead|"
    r"commissioner|mayor|founder|ceo|cfo|envoy|mediator|negotiator|captain|leader|boss|skipper|"
    r"officer|"
    r"[a-z]+(?:ist|ician|ologist|caster|grapher|nomist)"
)
_OWNER: Final = r"(?:(?i:the|its|their|his|her)|[A-Z][\w&'’-]*['’]s?)"
_ROLE_BEFORE_NAME: Final = re.compile(
    rf"\b{_OWNER}\s+(?:[\w'’-]+\s+){{0,3}}?(?P<role>{_ROLE_WORDS})(?:\s+(?:of|for)\s+[a-z\s]+?)?"
    r",\s+(?:(?:Dr|Prof|Mr|Mrs|Ms|Sir|Dame)\.?\s+)?(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+)"
)
_NAME_BEFORE_ROLE: Final = re.compile(
    r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+),\s+"
    # "Lena Moss, the region's chief medical officer": the last post word names the post
    rf"{_OWNER}\s+(?:[\w'’-]+\s+){{0,3}}(?P<role>{_ROLE_WORDS})\b"
)
_THE_ROLE: Final = re.compile(
    rf"^\s*(?i:the)\s+(?:[A-Za-z-]+(?:['’]s)?\s+){{0,2}}?(?P<role>{_ROLE_WORDS})"
    r"(?:\s+(?:also|then|later|again))?\s*$"
)
# "Paavo Lind, who has led the institute since 2019": the head of the body, whatever the
# article later calls the post ("the agency's director").
_LEADS: Final = re.compile(
    r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+),\s+who\s+(?:has\s+|had\s+)?(?:also\s+)?"
    r"(?:led|leads|heads|headed|runs|run|ran|chairs|chaired|directs|directed)\s+(?:the|its)\b"
)
_HEAD_ROLES: Final = ("director", "head", "chief", "leader")


# "Governor Ilsa Marek", "Coach Dana Holt": a title before the name is the post the article
# later calls "the governor"; a deputy's or a former holder's title is not.
_TITLE_BEFORE_NAME: Final = re.compile(
    r"\b(?P<role>Governor|Chancellor|Chairman|Chairwoman|Chair|President|Mayor|Coach|Manager|"
    r"Commissioner|Director|Minister|Secretary|Captain|Superintendent)\s+"
    r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+)"
)


# The titles alone, with no word boundary to test: a cheap look before the pattern above.
_TITLE_WORD: Final = re.compile(
    r"Governor|Chancellor|Chair|President|Mayor|Coach|Manager|Commissioner|Director|Minister|"
    r"Secretary|Captain|Superintendent"
)
_NOT_THE_HOLDER: Final = ("deputy", "vice", "assistant", "former", "acting")


def _learn_roles(text: str, document: _Document) -> None:
    titled = _TITLE_WORD.search(text) is not None
    for pattern in (_ROLE_BEFORE_NAME, _NAME_BEFORE_ROLE, _TITLE_BEFORE_NAME):
        if pattern is _TITLE_BEFORE_NAME and not titled:
            continue
        for match in pattern.finditer(text):
            if pattern is _TITLE_BEFORE_NAME and text[: match.start()].rstrip().lower().endswith(
                _NOT_THE_HOLDER
            ):
                continue
            person = document.known(match.group("name"))
            if person is not None and person.kind == "person":
                document.roles[match.group("role").lower()] = person
    for match in _POST_HOLDER.finditer(text):
        person = document.known(match.group("name"))
        organisation = document.known(match.group("org"))
        if person is not None and person.kind == "person" and organisation is not None:
            key = (match.group("post").lower(), organisation.root().name)
            document.post_holders.setdefault(key, person.name)
    for match in _LEADS.finditer(text):
        person = document.known(match.group("name"))
        if person is not None and person.kind == "person":
            for role in _HEAD_ROLES:
                document.roles.setdefault(role, person)


def _role_holder(chunk: str, document: _Document) -> _Entity | None:
    """The person "the director" refers to, when the article named the director."""
    match = _THE_ROLE.match(chunk)
    if match is None:
        return None
    role = match.group("role").lower()
    for post in _SAME_POST.get(role, (role,)):
        if (holder := document.roles.get(post)) is not None:
            return holder
    return None


# "the Rovers boss" is the manager the article named; "the skipper" its captain.
_SAME_POST: Final = {"boss": ("boss", "manager", "coach"), "skipper": ("skipper", "captain")}


_JOINT_END: Final = re.compile(r"\b(?:all|both|each|jointly|together)\s*$", re.IGNORECASE)


def _joint_speakers(subject: str, offset: int, text: str, document: _Document) -> list[str]:
    """Every person named in a subject such as "X, Y and Z all" ("X and Y both")."""
    tail_start = max((m.end() for m in re.finditer(r"[.;:]\s|[“”\"]", subject)), default=0)
    tail = subject[tail_start:]
    chunks = _chunks(tail)
    joined = _JOINT_END.search(tail) or (
        len(chunks) > 1 and chunks[-1][1].strip().lower().startswith("and ")
    )
    if not joined:
        return []
    names: list[str] = []
    for mention in _name_runs(tail):
        if mention.possessive or mention.text.lower() in _NOT_NAMES:
            continue
        shifted = _Mention(
            mention.text,
            offset + tail_start + mention.start,
            offset + tail_start + mention.end,
            mention.title,
            False,
        )
        entity = _classify(shifted, text, document)
        if entity is not None and entity.kind == "person":
            entity = document.remember(entity)
            if entity.name not in names:
                names.append(entity.name)
    return names


def _chunks(subject: str) -> list[tuple[int, str]]:
    chunks = []
    start = 0
    for match in re.finditer(r"(?<!\d),|,(?!\d)|[;:–—(]|\s-\s", subject):
        chunks.append((start, subject[start : match.start()]))
        start = match.end()
    chunks.append((start, subject[start:]))
    return [(s, c) for s, c in chunks if c.strip()]


_WHERE_EMPLOYED: Final = re.compile(
    r"\b(?:at|of|with|from|for|in|by|joined|joining)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)


_NAME_PARTICLES: Final = _wordset("de van von der da di du le la al bin ibn del della dos das ter")


def _is_descriptor(chunk: str) -> bool:
    words = chunk.split()
    if not words:
        return False
    first = words[0]
    if re.match(r"\s*(?:that|this)\s+(?:is|was)\s+(?:what|how)\s", chunk, re.IGNORECASE):
        return False  # "That is what Mirela Dobos told ...": the name follows
    if first.lower() in {"who", "which", "whose", "that", "where"} and not first.isupper():
        return True  # a relative clause; "WHO spokesman Tarik Jasarevic" is the agency
    if first.lower() == "the" and len(words) > 1 and words[1][:1].isupper():
        return False  # "the National Bank of Korvia" is a name
    named = re.search(r"(?:\s[A-Z][\w&'’.-]*)+$", chunk.rstrip())
    if (
        named
        and _ORG_NOUN_BEFORE.search(chunk[: named.start() + 1])
        and not _WHERE_EMPLOYED.search(chunk[: named.start() + 1])
    ):
        return False  # "the sports analytics firm CourtVision"; not "an official at the firm X"
    if first.lower() in _NAME_PARTICLES and len(words) > 1 and words[1][:1].isupper():
        return False  # "de Mistura", "van der Berg"
    if first[:1].islower():
        return True
    if re.search(r"[’']s$", first):
        return True
    return first.lower() in {"the", "a", "an"} and len(words) > 1 and words[1][:1].islower()


def _pronoun_speaker(pronoun: str, document: _Document, verb: tuple[int, int]) -> _Attribution:
    if pronoun in {"i", "we"}:
        return _Attribution(None, False, *verb)
    if pronoun == "they":
        if (
            document.last_group is not None
            and document.paragraph - document.last_group_paragraph <= 1
        ):
            return _Attribution(document.last_group, False, *verb)
        return _Attribution(document.last_speaker, False, *verb)
    if pronoun == "it":
        organisation = document.last_organisation or next(
            (e.root().name for e in reversed(document.entities) if e.kind == "org"), None
        )
        return _Attribution(organisation, False, *verb)
    person = document.person_for(pronoun)
    return _Attribution(person.name if person else None, False, *verb)


# --- cues -----------------------------------------------------------------------------------

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
_WOULD_PHRASES: Final = frozenset({"would", "would not"})
_WEAK_PHRASES: Final = frozenset(
    {
        "may",
        "might",
        "could",
        "can",
        "possible",
        "possibly",
        "perhaps",
        "maybe",
        "may not",
        "might not",
        "cannot be ruled out",
        "cannot rule out",
        "should",
        "should not",
        "ought to",
    }
)
_EXPECT_PHRASES: Final = frozenset(
    {"expect", "expects", "expected", "expected to", "not expected to"}
)
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

_FORECAST_VERB: Final = re.compile(
    r"\b(?:predict|predicts|predicted|forecast|forecasts|forecasted|projects|projected|"
    r"(?-i:project)|anticipates|anticipated|foresees|foresaw|foresee)\b",
    re.IGNORECASE,
)
_OPINION: Final = re.compile(
    r"\b(?:my|our)\s+(?:[a-z]+\s+)?(?:guess|read|bet|forecast|prediction|expectation|hunch|"
    r"money|(?<=base\s)case|(?<=central\s)case|scenario)\s+is\b"
    r"|\b(?:I|we)(?:['’]d|\s+would)(?:\s+not|n['’]t)?\s+be\s+(?:very\s+|quite\s+|really\s+|"
    r"genuinely\s+|extremely\s+|a\s+little\s+|a\s+bit\s+)?(?:surprised|astonished|amazed|"
    r"shocked|stunned)\s+(?:to\s+see|if)\b"
    r"|\bI\s+(?:predict|bet|reckon|forecast)\b|\bI['’]d\s+bet\b",
    re.IGNORECASE,
)
# "I think she wins", "I don't think Orion ships before October": spoken English puts a
# forecast of an outcome in the present after a verb of opinion.
_OUTCOME_PRESENT: Final = (
    r"wins|loses|beats|finishes|ends|ships|launches|falls|rises|drops|climbs|reaches|tops|"
    r"passes|hits|survives|signs|joins|leaves|happens|collapses|recovers|qualifies|clinches|"
    r"sells|doubles|halves|peaks|overtakes|makes\s+it|gets\s+(?:there|through|done)"
)
# "I don't think they cut in June": a plural subject takes the verb's bare form.
_OUTCOME_PRESENT_PLURAL: Final = (
    r"win|lose|beat|finish|ship|launch|fall|rise|drop|climb|reach|survive|recover|qualify|"
    r"peak|cut|raise|hike|move"
)
# "I think the bank cuts twice more": a rate-setter's move, told by how often or how far, so
# that "I think the cuts hurt" (a noun) is not one.
_POLICY_MOVE_PRESENT: Final = (
    r"(?:cuts|raises|hikes|lowers|holds)(?=\s+(?:rates?\s+|interest\s+rates\s+)?(?:once|twice|"
    r"again|(?:two|three|four|five)\s+(?:more\s+)?times|by\s+[\d\w]|in\s+[A-Z]|at\s+the\s+next))"
)
_THINK_PRESENT: Final = re.compile(
    r"\b(?-i:I)\s+(?:(?:do\s+not|don['’]t|really|still)\s+)?(?:think|reckon|suspect|bet|believe)\s+"
    r"(?:that\s+)?(?:[\w'’-]+\s+){1,4}?"
    rf"(?:{_OUTCOME_PRESENT}|(?<=they\s)(?:{_OUTCOME_PRESENT_PLURAL})"
    rf"|(?<=we\s)(?:{_OUTCOME_PRESENT_PLURAL})|{_POLICY_MOVE_PRESENT})\b",
    re.IGNORECASE,
)
# "Then the euro goes back below $1.10": an answer's consequent, its condition in the question
# (LABELLING.md, round two (f)).
_THEN_PRESENT: Final = re.compile(
    r"^(?:[A-Z][A-Z'’.-]+:\s+)?[\"“‘']?(?:Then|In\s+that\s+case),?\s+(?:[\w'’$.-]+\s+){1,5}?"
    rf"(?:{_OUTCOME_PRESENT}|goes\s+(?:back|up|down|above|below)|stays|comes\s+back"
    # "Then the big lenders fall ...": a plural subject, the verb's bare form
    rf"|(?<=s\s)(?:{_OUTCOME_PRESENT_PLURAL}))\b"
    # a figure or a time to check it by: "then the meeting ends" is no forecast
    r"(?=[^.;]*?(?:\d|\bby\b|\bbefore\b|\bnext\b))"
)
_NOUN_WILL: Final = re.compile(
    r"(?:\b(?:the|a|an|political|free|good|ill|his|her|their|its|our|at|of|popular|own)"
    r"|['’]s)\s+$",
    re.IGNORECASE,
)
# "This winter will test all three", "people will love it": a judgement or a taste.
_EVALUATIVE_AFTER: Final = re.compile(
    r"^\s+(?:test|love|like|enjoy|adore|hate|feel|appreciate|tell)\b"
    # "it will be the best title race in years": a judgement, not a measured outcome
    r"|^\s+be\s+(?:the|a|an|one\s+of\s+the)\s+(?:best|worst|greatest|finest|most\s+(?:exciting|"
    r"important|memorable|dramatic|interesting|remarkable|entertaining|competitive))(?![\w-])"
    r"|^\s+(?:have\s+to\s+|just\s+have\s+to\s+)?(?:see|wait\s+and\s+see)\s*(?:[.,;!”\"]|$|what\b|how\b)",
    re.IGNORECASE,
)
_HARDLY_AFTER: Final = re.compile(
    r"^\s+(?:hardly|scarcely|barely|not)\s+(?:be|have\s+been)\s+(?:\w+er|more\s+\w+|better|worse)\b",
    re.IGNORECASE,
)
# "Farrow's will lose": a name in the possessive, then the modal and its verb.
_VERB_AFTER_WILL: Final = re.compile(
    r"^\s+(?:not\s+|also\s+|still\s+|now\s+)*(?!(?:to|of|and|or|is|was|be|has|had|that|for|in|on|"
    r"at|with|by|as)\b)[a-z]+\s+(?:the|a|an|its|their|his|her|our|to|by|up|down|more|less|"
    r"[\d$€£])",
)
_WH_BEFORE: Final = re.compile(r"\b(?:how|whether|why|where|what|which|if)\b[^,;:“”\"]*$", re.I)
_PAST_BELIEF: Final = re.compile(
    r"\bhad\s+(?:\w+\s+)?(?:believed|thought|expected|predicted|hoped|assumed|promised|"
    r"said|claimed|feared|planned|forecast|forecasted|projected|estimated|warned|argued|"
    r"reckoned|anticipated|suggested|insisted|told|signalled|signaled|indicated|guessed|"
    r"calculated|concluded)\b[^.;]*$",
    re.IGNORECASE,
)
_PLEDGE_AFTER: Final = re.compile(
    r"^[\s\"“‘']*(?:(?:not|also|still|then|now|instead|personally|immediately|soon|never|"
    r"closely|carefully|always)\s+)*[\"“‘']?"
    r"(?:do\s+(?:our|my|his|her|their|its|everything|all|whatever)\b|try|strive|endeavou?r|"
    r"work\s+(?:hard\s+)?(?:to|with|on)\b|"
    r"pay|fund|refund|compensate|pause|reverse|adjust|hesitate|monitor|assess|watch|"
    r"congratulate|thank|accept|respect|welcome|listen|talk|speak|discuss|introduce|propose|table|count|veto|sign|vote|file|appeal|sue|resign|nominate|"
    r"appoint|campaign|submit|unveil|present|step\s+down|run\s+for|reconsider|consider|"
    r"put\s+it|seek|ask|call\s+for|fight|knock|open|build|stay|complete|revisit|back|say|"
    r"keep|close|launch|hire|invest|spend|take|continue|be\s+held\s+to|deliver|visit|host|"
    r"extend|maintain|resume|suspend|rest|go\s+further|be\s+(?:in|at|there|back|here)\b|"
    r"be\s+(?:intimidated|divided|silenced|bullied|deterred|cowed|moved)\b|"
    r"have\s+(?:a|an|one|another|two)\s+(?:[\w-]+\s+)?(?:practice|meeting|session|talks?|"
    r"look|vote|conversation|discussion|review))\b",
    re.IGNORECASE,
)
_PLEDGE_SUBJECT: Final = re.compile(
    r"(?:\b(?:i|we|he|she|they|it)|\b(?:his|her|their|its|our|my)\s+\w+)\s*$|['’]ll\s*$"
    r"|\bthe\s+(?:government|company|board|council|club|party|ministry|administration|firm|"
    r"cooperative|bank|committee|agency|authority|group|platform|operator|airline|chain|store|"
    r"studio|union|district|school|hospital|trust|utility)\s*$",
    re.IGNORECASE,
)
_SCHEDULE_AFTER: Final = re.compile(
    r"^\s*(?:(?:also|then|again|now|still|first)\s+)?(?:update|review|revise|be\s+(?:\w+(?:ed|en)|broadcast|held|"
    r"run|set|shown|read|sent|heard|made|given|aired|televised|streamed|played|cast)\b|visit|issue|commission|launch|host|deliver|be\s+held|take\s+place|meet|convene|publish|release|announce|decide|vote\s+on|"
    r"hold|open|(?:begin|start)(?!\s+to\b)|close|debate|hear|rule|sit|report|be\s+published|"
    r"be\s+released|be\s+announced|be\s+debated|resume|attend|present|take\s+effect|"
    r"come\s+into\s+(?:force|effect)|be\s+marked|be\s+taken\s+over|go\s+on\s+sale)\b",
    re.IGNORECASE,
)
_SCHEDULE_DATE: Final = re.compile(
    r"\b(?:on|from)\s+(?:\d{1,2}\s+)?(?-i:[A-Z][a-z]+)\.?\s*\d{0,2}\b|\bin\s+the\s+week\s+of\b"
    r"|\bon\s+the\s+(?:weekends?|nights?|mornings?|evenings?|afternoons?|days?)\s+of\b"
    r"|\bat\s+(?:its|a|their|the\s+next)\s+meeting\b"
    r"|\bat\s+(?:the|its|their)\s+(?:[\w'’.-]+\s+){0,3}meeting\b"
    r"|\bat\s+\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|gmt|utc|bst|cet|et|h)(?!\w)"
    r"|\bat\s+\d{1,2}:\d{2}\b|\bon\s+the\s+same\s+day\b|\blater\s+(?:that|the\s+same)\s+day\b"
    r"|\bon\s+(?:monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)\b",
    re.IGNORECASE,
)
# "will begin in June", "will open in the store in November": a month after the verb dates
# the act; one elsewhere in the sentence may date something else.
_SCHEDULE_MONTH: Final = re.compile(
    r"^[^.;]*?\bin\s+(?:the\s+(?:first|second|third|fourth|last|final)\s+week\s+of\s+)?"
    r"(?:(?-i:January|February|March|April|June|July|August|September|October|November|December)"
    r"|the\s+(?:spring|summer|autumn|fall|winter|new\s+year))\b",
    re.IGNORECASE,
)


def _scheduled(after: str, text: str) -> bool:
    return bool(
        _SCHEDULE_AFTER.match(after)
        and (_SCHEDULE_DATE.search(text) or _SCHEDULE_MONTH.match(after))
    )


# "the most expensive mistake this city will make": an evaluation, not a forecast.
_SUPERLATIVE_RELATIVE: Final = re.compile(
    r"\bthe\s+(?:most|least|best|worst|biggest|greatest|largest|\w+est)\s+(?:\w+\s+){1,2}"
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
_ORGANISED_EVENT: Final = re.compile(
    r"^\s*(?:hold|host|deliver|publish|issue|release|present|convene)\s+(?:[\w-]+\s+){0,3}"
    r"(?:meeting|statement|report|outlook|budget|conference|summit|results|figures|review|"
    r"hearing|session|assembly|address|speech)\b",
    re.IGNORECASE,
)
# "ministers should use ...": advice to people, not a forecast about the world.
_ADVISED_SUBJECT: Final = re.compile(
    r"\b(?:we|you|they|i|ministers|governments?|policymakers|politicians|people|officials|"
    r"leaders|investors|companies|firms|regulators|the\s+government|the\s+bank|"
    r"the\s+council|voters|households|everyone|anyone|parents|fans|adults|residents|drivers|"
    r"motorists|travell?ers|passengers|commuters|patients|customers|consumers|homeowners|"
    r"buyers|visitors|tenants|employers|schools|those)\s+$",
    re.IGNORECASE,
)
_PERFECT_INFINITIVE: Final = re.compile(
    r"^\s*(?:to\s+)?have\s+(?:been|[a-z]+(?:ed|en|wn|ne|t|ung|ought))\b", re.IGNORECASE
)
# "should stand ready to tighten", "should remain cautious": what someone ought to do.
_ADVICE_AFTER: Final = re.compile(
    r"^\s+(?:(?:also|nonetheless|nevertheless|therefore|still|now)\s+)*(?:not\s+)?"
    r"(?:use|buy|sell|lock\s+in|hedge|hold\s+off|stock\s+up|"
    r"stand\s+ready|continue|consider|focus|aim|seek|avoid|ensure|"
    r"plan|prepare|take\s+steps|act|prioriti[sz]e|refrain|resist|keep\s+(?:an\s+eye|watch)|"
    r"check|ask|book|contact|consult|make\s+sure|register|apply|secure|wear|carry|"
    r"get\s+(?:to|vaccinated|tested|checked)|arrive|allow\s+(?:extra|more|plenty)|"
    r"stay\s+(?:indoors|inside|home|away|off)|"
    r"(?:remain|be|stay)\s+(?:cautious|careful|prepared|ready|vigilant|prudent|alert|patient))\b",
    re.IGNORECASE,
)
# "the prospect of a runoff is likely": the noun names a future event.
_FUTURE_NOUN_BEFORE: Final = re.compile(
    r"\b(?:prospect|prospects|chance|chances|risk|likelihood|odds|possibility|threat)\s+"
    r"(?:of|that|for)\b[^,;]*$",
    re.IGNORECASE,
)
_SEES: Final = re.compile(
    r"\b(?:sees|see|saw)\s+(?!(?:how|what|whether|if|why|where|when|who|which)\b)"
    r"(?:[\w$%.,-]+\s+){1,5}?(?:(?!(?:during|morning|evening|nothing|something|anything|"
    r"everything|spring|thing|king|ring|bring|string|ceiling|building|funding|pricing|"
    r"housing|shipping|lending|spending|earning|meaning|warning)\b)\w+ing|at|below|above|under|over|near|"
    r"around|as|between|in\s+(?:the\s+|a\s+)?range)\b",
    re.IGNORECASE,
)
# "raised its Brent forecast for the second half of the year to an average of $86 a barrel":
# the new figure is the forecast.
_REVISED_FORECAST: Final = re.compile(
    r"\b(?:raised|lowered|cut|revised|lifted|trimmed|increased|reduced|upgraded|downgraded)\s+"
    r"(?:its|their|his|her)\s+(?:[\w-]+\s+){0,2}(?:forecast|estimate|projection|outlook|"
    r"guidance)s?\b(?:[^.;]|\.\d){0,80}?\bto\s+(?:an\s+average\s+of\s+|about\s+|around\s+)?[$€£\d]",
    re.IGNORECASE,
)
# "The Committee's forecast implies a policy rate of around 3.5 percent": a forecast's path.
_PROJECTION_IMPLIES: Final = re.compile(
    r"\b(?:forecasts?|projections?|rate\s+path)\s+(?:now\s+|also\s+)?(?:implies|imply|envisages?)\b",
    re.IGNORECASE,
)
# "expects a further cut when ...", "expects revenue of about $200 million this year".
_EXPECT_OBJECT: Final = re.compile(
    r"^\s+(?:a|an|the|its|their|his|her|our|\w+)\b[^.;]{0,100}?(?:\d|\b(?:this|next|coming)\s+"
    r"(?:\w+\s+)?(?:year|month|quarter|week|season|winter|summer|spring|autumn)s?\b|\bwhen\b|"
    r"\bby\s+\w|"
    r"\bbefore\b|\bwithin\b|\b(?:on|until|in)\s+(?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|january|february|march|april|may|june|july|august|september|october|"
    r"november|december)\b)",
    re.IGNORECASE,
)
_TO_VERB_AFTER: Final = re.compile(r"^[\s\"”’]*to\s+[a-z]", re.IGNORECASE)
_EXPECT_COMPLEMENT: Final = re.compile(
    r"^(?:\s+[\w’'%.,\"“”-]+){0,8}?\s+to\s+[a-z]|^\s+that\b", re.IGNORECASE
)
# "are (widely) expected to" with nobody named: unnamed people's expectation (LABELLING.md).
_AGENTLESS_PASSIVE: Final = re.compile(
    r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+|not\s+)?$", re.IGNORECASE
)
_BACKSHIFTED_HEDGE: Final = re.compile(r"\b(?:was|were)\s+[\"“‘]?$", re.IGNORECASE)


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
    if explicit is not None and _MARKET_IMPLIED.search(text, 0, explicit.end):
        explicit = None  # what prices imply is a fact about the market, no one's forecast
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
    cues.extend(_verb_cues(text, attribution.speaker is not None))
    # "Asked whether the harvest could fall ...": an indirect question claims nothing
    cues = [
        cue
        for cue in cues
        if not _INDIRECT_QUESTION.search(text, max(0, cue.start - _LOOK_AROUND), cue.start)
    ]
    # a quotation has a speaker even when the sentence naming it comes later
    quoted = _quote_only(text, regions)
    if (attribution.speaker is not None or quoted) and not attribution.generic:
        cues.extend(_conditional_present(text))
    return cues


# "Market pricing implied a roughly 80% chance", "futures price in a 60% probability".
_MARKET_IMPLIED: Final = re.compile(
    r"\b(?:market|markets|futures|swaps?|options|pricing|prices)\b[^.;]{0,60}?\b(?:implied|imply|"
    r"implies|priced\s+in|price\s+in|prices\s+in|pricing\s+in|point(?:s|ed)?\s+to)\b[^.;]*$",
    re.IGNORECASE,
)
_INDIRECT_QUESTION: Final = re.compile(
    r"\b(?:whether|(?:asked|asking|wondered|wondering|decide|decides|decided|deciding|"
    r"determine|determines|determined)\s+(?:\w+\s+)?(?:if|how|what|when|why))"
    r"\b[^,;:“”\"]*$",
    re.IGNORECASE,
)
_PERFECT_BEFORE: Final = re.compile(r"\b(?:has|have|had|'ve|’ve)\s+$", re.IGNORECASE)
_GROUP_DESCRIBED_BEFORE: Final = re.compile(
    r"\b(?:who|which|that)\s+(?:are|is|were|was)\s+(?:also\s+)?(?:the\s+|among\s+the\s+)?"
    r"(?:[a-z]+\s+){0,2}(?:most|least|more|less)\s+$",
    re.IGNORECASE,
)
_ADJECTIVE_HEDGES: Final = frozenset({"likely", "unlikely", "probable", "improbable"})
_ATTRIBUTIVE_BEFORE: Final = re.compile(r"\b(?:a|an)\s+$", re.IGNORECASE)
_NOUN_NEXT: Final = re.compile(r"^\s+(?!to\b)[A-Za-z]")


def _phrase_cue(
    text: str, match: PhraseMatch, regions: list[tuple[int, int]], attribution: _Attribution
) -> _Cue | None:
    phrase = match.entry.phrase
    before = text[max(0, match.start - _LOOK_AROUND) : match.start]
    after = text[match.end : match.end + _LOOK_AROUND]
    if match.text.startswith("May") and before.strip():
        return None  # the month, not the modal
    if phrase == "never" and _PERFECT_BEFORE.search(before):
        return None  # "something that has never happened": the past, not a forecast
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
        and _ATTRIBUTIVE_BEFORE.search(before)
        and _NOUN_NEXT.match(after)
    ):
        return None  # "to claim an unlikely title": a description of the thing, not a forecast
    kind: CueKind
    if phrase in _WEAK_PHRASES:
        if _HARDLY_AFTER.match(after):
            return None  # "a calendar that could hardly be kinder": a judgement of the present
        if phrase.startswith(("should", "ought")) and (
            _ADVISED_SUBJECT.search(before) or _ADVICE_AFTER.match(after)
        ):
            return None
        if match.text.startswith("Should") and not before.strip(" \"“‘'"):
            return None  # "Should the krone weaken, ...": a condition, inverted
        kind = "weak"
    elif match.entry.note.startswith(_DENIAL_NOTE_PREFIX):
        kind = "denial"
    elif phrase in _MODAL_PHRASES:
        if not _valid_modal(phrase, before + _subject_in(match.text), after, text):
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
    elif phrase in _EXPECT_PHRASES or phrase == "would expect":
        bare_verb = phrase not in {"would expect", "expected to"}
        if bare_verb and (
            _noun_use(text, match.start)
            or not (_EXPECT_COMPLEMENT.match(after) or _EXPECT_OBJECT.match(after))
        ):
            return None
        if _AGENTLESS_PASSIVE.search(before) and attribution.speaker is None:
            return None
        if re.search(r"\bhad\s+(?:\w+ly\s+)?$", before, re.IGNORECASE) or (
            "had " in before and _PAST_BELIEF.search(before)
        ):
            return None  # "traders who had expected", "had said it expected": a past belief
        if phrase == "expected" and _COMPARED_WITH_BELIEF.search(before):
            return None  # "stronger than we expected in June": measured against a past belief
        kind = "forecast_verb"
    else:
        kind = "hedge"
    return _Cue(
        kind,
        match.start,
        match.end,
        phrase,
        match.entry.probability,
        "verbal",
        _CONFIDENCE[kind],
        f"{kind.replace('_', ' ')} '{phrase}'",
    )


# A bare "will" that says how an arrangement works is no belief about an outcome: the rule,
# timetable, price list or entitlement is decided by whoever runs it ("Under the levy,
# employers will pay", "Trams will run every eight minutes", "Platforms will have to display
# the number"). A hedge word in the same sentence is a cue of its own and still counts.
_INSTRUMENT_FRAME: Final = re.compile(
    r"\bunder\s+(?:(?:the|a|an|its|their|this|these|those|new)\s+)?(?:[\w'’-]+\s+){0,4}?"
    r"(?:policy|rules?|law|act|bill|levy|order|agreement|scheme|plan|deal|package|contract|"
    r"ruling|regulations?|terms|settlement|proposals?|timetable|schedule|licen[cs]e|"
    r"framework|code|directive|decree|programme|program|arrangements?|system|reforms?)\b",
    re.IGNORECASE,
)
# "The league's rules mean that ...": what follows is the rule, described.
_RULES_MEAN: Final = re.compile(
    r"\brules\s+(?:mean|say|state|require|provide|stipulate)s?\b", re.IGNORECASE
)
# what a rule obliges, allows or entitles people to do
_DEONTIC_AFTER: Final = re.compile(
    r"^\s*(?:(?:not|also|still|now|only|then|no\s+longer|all|each)\s+)*(?:have\s+to|"
    r"need\s+(?:to|a|an)\b|be\s+(?:(?:allowed|permitted|required|obliged|able|eligible|"
    r"entitled|exempt|barred|banned|prohibited|capped|limited|subject|offered|charged|"
    r"fined)\b)|receive\b)",
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
# Where a line or service runs and how long its journey takes: a route described, not an
# outcome ("The line will run through Millbrook", "The journey will take 26 minutes").
_ROUTE_SUBJECT: Final = re.compile(
    r"\b(?:line|route|trams?|trains?|bus(?:es)?|services?|railway|pipeline|cable|tunnel|"
    r"motorway|road|bridge|extension|ferr(?:y|ies)|flights?|journey|trip|ride|crossing)\s+"
    r"(?:[a-z]+\s+){0,8}$",
    re.IGNORECASE,
)
_ROUTE_AFTER: Final = re.compile(
    r"^\s*(?:(?:also|then|now)\s+)?(?:(?:run|pass|travel)\s+(?:through|along|via|past|between)\b"
    r"|(?:leave|connect|link|serve|stop\s+at|end\s+at|terminate\s+at|call\s+at)\b"
    r"|take\s+(?:about\s+|around\s+|roughly\s+|just\s+|under\s+)?\d+\s+(?:minutes|hours)\b)",
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
    r"night|weekday)\b|\b(?:once|twice|\w+\s+times|\w+\s+days)\s+(?:a|per)\s+(?:day|week|month)\b",
    re.IGNORECASE,
)
# "The glasses will cost $1,299": a seller's list price, stated by the writer
_LIST_PRICE_AFTER: Final = re.compile(
    r"^\s*(?:cost|retail\s+(?:at|for)|sell\s+for|start\s+at|be\s+set\s+at)\s+[$€£¥]\s?\d"
)
# "From February 1, ...", "Starting in August, ...": a rule or timetable taking effect
_TAKING_EFFECT: Final = re.compile(
    r"^[\W]*(?:from|starting|beginning|as\s+of)\s+(?:in\s+|on\s+)?(?-i:[A-Z])[\w.]*"
    r"(?:\s+\d{1,2})?,",
    re.IGNORECASE,
)


def _arrangement(text: str, start: int, after: str, attribution: _Attribution) -> bool:
    if re.search(r",?\s+and\s+$", text[:start]):
        # "Fines will start at €5,000 ... and will double": the same subject, the same rule
        earlier = list(re.finditer(r"\b(?:will|would)\b", text[:start]))
        if earlier and _arrangement(
            text, earlier[-1].start(), text[earlier[-1].end() : start], attribution
        ):
            return True
    clause_end = _clause_end(text, start, [])
    clause = text[start:clause_end]
    if _INSTRUMENT_FRAME.search(text, 0, start) or _RECURRING.search(clause):
        return True
    if "rules" in text and _RULES_MEAN.search(text, 0, start):
        return True
    if attribution.speaker is not None and not attribution.issued:
        return False
    subject = text[max(0, start - _LOOK_AROUND) : start]
    return bool(
        _DEONTIC_AFTER.match(after)
        or _LIST_PRICE_AFTER.match(after)
        or _TAKING_EFFECT.match(text[:start])
        or _WORKINGS_AFTER.match(after)
        or (_ROUTE_AFTER.match(after) and _ROUTE_SUBJECT.search(subject))
        or _STARTS_FROM.search(clause)
        or subject.rstrip().rsplit(" ", 1)[-1].lower() in _CHARGE_NOUNS
        or (("you" in subject or "You" in subject) and _READER_SUBJECT.search(subject))
    )


def _subject_in(written: str) -> str:
    """The subject folded into a contraction ("I'll" -> "I"), so pledges are recognised."""
    contraction = re.match(r"(\w+)['’](?:ll|d)\b", written)
    return contraction.group(1) + " " if contraction else ""


def _valid_modal(phrase: str, before: str, after: str, text: str) -> bool:
    noun = _NOUN_WILL.search(before) if phrase.startswith("will") else None
    if noun and not (noun.group().lstrip()[:1] in "'’" and _VERB_AFTER_WILL.match(after)):
        return False
    if _ORGANISED_EVENT.match(after) or _HABITUAL_AFTER.match(after) or _ANNOUNCED.search(text):
        return False
    if _WH_BEFORE.search(before) or _SUPERLATIVE_RELATIVE.search(before):
        return False
    if _pledge(before, after) or _EVALUATIVE_AFTER.match(after):
        return False
    return not _scheduled(after, text)


# "a route that would take the decision out of the Senate's hands": what an option would
# do, described, not a claim that it will happen.
_HYPOTHETICAL_RELATIVE: Final = re.compile(
    r"\b(?:a|an)\s+(?:[\w-]+\s+){0,2}(?:that|which)\s+$", re.IGNORECASE
)


_TIMED_AFTER: Final = re.compile(
    r"^[^.;]*?\b(?:within\s+(?:a|an|\w+|the\s+next)\s+\w+|by\s+the\s+end\s+of|next\s+(?:year|month|"
    r"week|quarter|season)|in\s+(?:19|20)\d\d|by\s+(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


# "we will raise them in January", "Helix would raise the prices of its models", "it would
# add 14 routes": a business setting its own prices or growing its own operations, whoever
# the subject is.
_OWN_OPERATIONS_AFTER: Final = re.compile(
    r"^\s*(?:(?:not|also|still|then|now|only)\s+)*(?:(?:raise|lower|cut|increase|reduce|freeze|"
    r"hold)\s+(?:them\b|it\b|(?:the\s+|its\s+|our\s+|their\s+|his\s+|her\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:prices?|fares?|fees?|charges|rents?|wages|pay|salaries|dividends?|premiums)\b"
    r"(?:\s+of\s+(?:its|our|their)\b)?)"
    r"|(?:add|open|close|cut|launch|hire|recruit|shed)\s+(?:about\s+|around\s+|some\s+|up\s+to\s+)?"
    r"(?:\d[\d,]*|a\s+few|several|two|three|four|five|six|seven|eight|nine|ten|dozens\s+of)\s+"
    r"(?:new\s+|more\s+)?(?:routes|stores|shops|branches|flights|jobs|staff|workers|employees|"
    r"sites|plants|lines|outlets|locations|restaurants|services|aircraft|planes))",
    re.IGNORECASE,
)
# "has promised that the homes will be finished", "vowed the line would open": a promise
# reports a commitment, not a belief.
_PROMISED_BEFORE: Final = re.compile(
    r"\b(?:promise[sd]?|pledge[sd]?|vow(?:s|ed)?|guarantee[sd]?|undertook|committed\s+to\s+ensuring)"
    r"\b(?:\s+(?:that|to))?[^.;:“”\"]*$",
    re.IGNORECASE,
)


# Who is the speaker's own side: "I", "we", the pronoun right after the verb of saying ("said
# he would", "says it will"), or a public body acting ("the state would cover").
_SELF_SUBJECT: Final = re.compile(
    r"\b(?:i|we)\s*$|\b(?:i|we)['’]ll\s*$|\bi['’]m\s*$|\bwe['’]re\s*$"
    r"|\b(?:said|says|say|told\s+(?:[\w'’-]+\s+){1,3}?|added|adds|insisted|insists|confirmed|"
    r"confirms|announced|announces|stated|states|argued|argues|maintained|maintains)"
    r"\s+(?:on\s+\w+\s+|last\s+\w+\s+|this\s+\w+\s+)?(?:that\s+)?(?:he|she|it|we|they)\s*$"
    r"|\bthe\s+(?:government|state|ministry|administration|authority|council|city|department|"
    r"county|province|municipality|cabinet|district|company|firm|store|airline|operator|"
    r"platform|chain|studio|school|university|hospital|trust|utility)\s*$",
    re.IGNORECASE,
)
# What befalls a subject rather than what it does: these stay forecasts with any subject
# ("we will win", "said it would return to profit", "the government would fall").
_OUTCOME_AFTER: Final = re.compile(
    r"^[\s\"“‘']*(?:(?:not|also|still|then|now|never|probably|likely|certainly|easily|only|"
    r"soon|eventually|ultimately|all|both|again|finally|comfortably|narrowly)\s+)*"
    r"(?:win|lose|beat|fail|succeed|fall|rise|grow|shrink|decline|drop|slow|slip|ease|climb|"
    r"jump|surge|soar|plunge|tumble|rebound|recover|improve|worsen|deteriorate|increase|"
    r"decrease|contract|expand|peak|top|exceed|surpass|outpace|outperform|underperform|miss|"
    r"hit|reach|touch|finish|end|remain|stay|be|become|get|have|need|face|see|struggle|survive|"
    r"suffer|return|come|go|make|break|qualify|earn|gain|overtake|collapse|default|run\s+out|"
    r"take|cost|mean|happen|occur|last|lead|trail|hold\s+on|turn|prove|emerge|benefit|"
    r"manage|achieve|secure|clinch|lift|avoid|escape|experience|record|post|report|reap|"
    r"feel|find|know|learn|depend|require|bear|weigh|double|triple|halve|stabilise|"
    r"stabilize|fade|vanish|disappear|keep\s+(?:rising|falling|growing|going|climbing)|"
    r"rain|snow|freeze|thaw|flood|pour|blow)\b",
    re.IGNORECASE,
)


# "said it will certainly rain": a word of belief makes it a forecast, whatever the verb.
_BELIEF_ADVERB_AFTER: Final = re.compile(
    r"^\s*(?:probably|likely|certainly|surely|almost|possibly|undoubtedly)\b", re.IGNORECASE
)


# "We'll carry more than 9 million passengers", "we'll be in the top four": a level the
# speaker's own side will reach is decided by others too, so it is a forecast.
_THRESHOLD_OUTCOME: Final = re.compile(
    r"^(?:(?!\b(?:who|whose|which|that|if|when|where|unless)\b)[^.;,:])*?"
    r"\b(?:more\s+than|fewer\s+than|at\s+least|in\s+the\s+top\s+(?:two|three|"
    r"four|five|six|ten|\d+))\b",
    re.IGNORECASE,
)


def _pledge(before: str, after: str) -> bool:
    """A speaker's commitment about their own acts ("the company would invest").

    With the speaker's own side as the subject, any act is theirs to decide, so only a verb
    of what befalls them ("we will win") keeps the sentence a forecast.
    """
    if _OWN_OPERATIONS_AFTER.match(after) or _PROMISED_BEFORE.search(before):
        return True
    before = before.rstrip(" \"“‘'") + " "  # 'the platform "will take this ...'
    if _THRESHOLD_OUTCOME.match(after):
        return False
    subject = before
    if re.search(r"\band\s*$", before, re.IGNORECASE):
        # "said the government would not restrict exports and would release credit"
        subjects = list(_CLAUSE_SUBJECT.finditer(before))
        subject = subjects[-1].group("subject") + " " if subjects else before
    if (
        _SELF_SUBJECT.search(subject)
        and not _OUTCOME_AFTER.match(after)
        and not _BELIEF_ADVERB_AFTER.match(after)
    ):
        return True
    if not _PLEDGE_AFTER.match(after):
        return False
    if _PLEDGE_SUBJECT.search(before):
        return True
    if re.search(r"\band\s*$", before, re.IGNORECASE):
        # "the company had ordered doses and would keep ...", "... and would hire 900"
        subjects = list(_CLAUSE_SUBJECT.finditer(before))
        return bool(subjects) and bool(_PLEDGE_SUBJECT.search(subjects[-1].group("subject") + " "))
    return False


_CLAUSE_SUBJECT: Final = re.compile(
    r"(?P<subject>\b(?:the\s+\w+|i|we|he|she|they|it))\s+(?:\w+\s+)?"
    r"(?:would|will|had|has|have|was|is)\b",
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
    # interview answer, a "would" with a time of its own ("would retaliate within a month")
    reported = (
        attribution.verb_start >= 0 or (attribution.answer and bool(_TIMED_AFTER.search(after)))
    ) and not _inside(start, regions)
    if not reported:
        return False
    if _WH_BEFORE.search(before) or _PAST_BELIEF.search(before) or _HABITUAL_AFTER.match(after):
        return False
    if _HYPOTHETICAL_RELATIVE.search(before):
        return False
    if _pledge(before, after):
        return False
    if _ORGANISED_EVENT.match(after) or _ANNOUNCED.search(text):
        return False
    return not _scheduled(after, text)


def _verb_cues(text: str, sourced: bool) -> Iterator[_Cue]:
    for match in _FORECAST_VERB.finditer(text):
        if _noun_use(text, match.start()):
            continue
        if _not_a_forecast_verb(text, match) and not (sourced and _sourced_passive(text, match)):
            continue
        yield _Cue(
            "forecast_verb",
            match.start(),
            match.end(),
            None,
            None,
            None,
            _CONFIDENCE["forecast_verb"],
            f"forecast verb '{match.group().lower()}'",
        )
    for match in _PROJECTION_IMPLIES.finditer(text) if "impl" in text or "envisag" in text else ():
        yield _Cue(
            "forecast_verb",
            match.start(),
            match.end(),
            None,
            None,
            None,
            _CONFIDENCE["forecast_verb"],
            "a forecast's implication",
        )
    for match in _REVISED_FORECAST.finditer(text):
        yield _Cue(
            "forecast_verb",
            match.start(),
            match.end(),
            None,
            None,
            None,
            _CONFIDENCE["forecast_verb"],
            "revised forecast",
        )
    for match in _SEES.finditer(text):
        if _noun_use(text, match.start()) or _inside_question_word(text, match.start()):
            continue
        yield _Cue(
            "forecast_verb",
            match.start(),
            match.end(),
            None,
            None,
            None,
            _CONFIDENCE["forecast_verb"],
            "forecast verb 'sees'",
        )
    then = _THEN_PRESENT.match(text) if sourced and ("Then" in text or "In that" in text) else None
    if then is not None:
        yield _Cue(
            "opinion",
            then.start(),
            then.end(),
            None,
            None,
            None,
            _CONFIDENCE["opinion"],
            "the consequent of a condition, in the present",
        )
    for match in _THINK_PRESENT.finditer(text) if "I " in text else ():
        yield _Cue(
            "opinion",
            match.start(),
            match.end(),
            None,
            None,
            None,
            _CONFIDENCE["opinion"],
            "stated opinion about what will happen",
        )
    for match in _OPINION.finditer(text):
        yield _Cue(
            "opinion",
            match.start(),
            match.end(),
            None,
            None,
            None,
            _CONFIDENCE["opinion"],
            "stated opinion about what will happen",
        )


# "dare to forecast", "had projected", "than projected", "its sales forecast on Tuesday",
# "eleven projects": the word is there, a forecast is not.
_INFINITIVE_OR_PAST_BEFORE: Final = re.compile(
    r"\b(?:to|had|than|as|been|was|were|is|are|be)\s+(?:\w+ly\s+)?$", re.IGNORECASE
)
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
# "weaker than the Board anticipated", "as the bank had projected": an outcome measured
# against an earlier belief, which is a past fact.
_COMPARED_WITH_BELIEF: Final = re.compile(
    r"\b(?:than|as)\s+(?:the\s+|its\s+|their\s+|many\s+|most\s+|some\s+)?"
    r"(?:[\w'’&.-]+\s+){0,3}(?:had\s+|have\s+|has\s+)?(?:\w+ly\s+)?$",
    re.IGNORECASE,
)
_NOUN_AFTER: Final = re.compile(
    r"^\s*(?:on|for|of|after|in|at|by|is|was|are|were|and|during|until|through|,|\.|$)", re.I
)
# "the arguments over forecasts", "doubts about projections": after a preposition, a noun.
_PREPOSITION_BEFORE: Final = re.compile(
    r"\b(?:over|about|of|with|from|against|between|among|behind|despite|beyond|like)\s+$",
    re.IGNORECASE,
)
_COUNT_BEFORE: Final = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|many|several|new|"
    r"other|such|these|those|some|few|more|major|big|large|small)\s+$",
    re.IGNORECASE,
)


def _not_a_forecast_verb(text: str, match: re.Match[str]) -> bool:
    before = text[max(0, match.start() - 40) : match.start()]
    if _WHAT_BEFORE.search(before):
        return True  # "based upon what we forecast": a forecast referred to, not made
    if _INFINITIVE_OR_PAST_BEFORE.search(before) or _COUNT_BEFORE.search(before):
        return True
    if _COMPARED_WITH_BELIEF.search(before):
        return True
    word = match.group().lower()
    if word in _PAST_FORECAST_FORMS and _EARLIER_FORECAST.search(
        text, max(0, match.start() - _EARLIER_REACH), match.start()
    ):
        return True
    if word in {"forecast", "forecasts", "projects"} and _PREPOSITION_BEFORE.search(before):
        return True
    if word in {"forecast", "forecasts", "projects", "project"} and _NOUN_AFTER.match(
        text[match.end() :]
    ):
        return not re.search(r"\b(?:i|we|he|she|they|it)\s+$", before, re.IGNORECASE)
    return False


# "If turnout stays where it was, Quist wins by three points": a source's forecast in the
# plain present, made on a condition.
_IF_THEN_PRESENT: Final = re.compile(
    r"(?:^|[“\"‘]|:\s)\s*If\s+(?!you\b)(?P<condition>[^,;?]{3,120}),\s+"
    r"(?:(?:I|we)\s+(?:think|expect|reckon|believe|suspect|bet)\s+(?:that\s+)?)?"
    r"(?P<subject>(?:the\s+)?[A-Za-z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s+(?P<verb>[a-z]+)\b"
)
_NOT_A_CONSEQUENT_VERB: Final = _wordset(
    "will would could can may might should must shall is are was were has have had do does did "
    "need needs want wants think know mean means then also just only still probably likely "
    "won't can't don't doesn't isn't aren't"
)


def _conditional_present(text: str) -> Iterator[_Cue]:
    for match in _IF_THEN_PRESENT.finditer(text):
        verb = match.group("verb")
        if (
            verb in _NOT_A_CONSEQUENT_VERB
            or verb.endswith(("ed", "ing", "ly"))
            or re.search(r"\b(?:were|had)\b", match.group("condition"))
        ):
            continue
        yield _Cue(
            "modal",
            match.start("verb"),
            match.end("verb"),
            None,
            None,
            None,
            _CONFIDENCE["modal"],
            "conditional forecast in the present",
        )


def _sourced_passive(text: str, match: re.Match[str]) -> bool:
    """ "Growth is projected to moderate", said or quoted from a named source (LABELLING (d))."""
    before = text[max(0, match.start() - 40) : match.start()]
    return bool(
        re.search(r"\b(?:is|are)\s+(?:\w+ly\s+)?$", before, re.IGNORECASE)
        and re.match(r"\s+to\s+[a-z]", text[match.end() :])
        and not re.match(r"\s+to\s+have\b", text[match.end() :])
    )


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
        if cue.kind != "hedge" or future or _hedge_points_ahead(text, cue, attribution):
            kept.append(cue)
    return kept


# "Disruption to travel is likely.", "Gusts of 90 km/h are likely across the area": a hedge as
# the predicate of an event noun, with a place, a time or nothing after it, looks ahead; "is
# likely the cause", "is likely circulating" speak of the present.
_PREDICATIVE_BEFORE: Final = re.compile(r"\b(?:is|are)\s+(?:also\s+|now\s+|still\s+)?$", re.I)
_PREDICATIVE_AFTER: Final = re.compile(
    r"^\s*(?:[.;]|,\s|$|(?:in|across|during|over|at|from|through|throughout|within|by|on|"
    r"later|tonight|tomorrow|overnight|again|this|next|before|until)\b)",
    re.IGNORECASE,
)


# "The race seems likely headed for a runoff": a direction of travel is a forecast.
_HEADED_AFTER: Final = re.compile(
    r"^\s+(?:to\s+be\s+)?(?:headed|heading|bound|on\s+course|on\s+track)\s+(?:for|to|toward|towards)\b",
    re.IGNORECASE,
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
    before = text[max(0, cue.start - _LOOK_AROUND) : cue.start]
    if _PREDICATIVE_BEFORE.search(before) and _PREDICATIVE_AFTER.match(text[cue.end :]):
        return True  # "Power cuts are likely in the warning area": an event, ahead
    reported = 0 <= attribution.verb_start < cue.start
    return reported and bool(_BACKSHIFTED_HEDGE.search(before))


# --- sentence-level exclusions ----------------------------------------------------------

# Every alternative opens a word or a bracket, so they are tried only there.
_BOILERPLATE: Final = re.compile(
    r"(?:\b(?=\w)|(?=\[))(?:"
    r"\bsign[- ]?up\b|\bnewsletter\b|\bunsubscribe\b|\bcookies?\b|\bprivacy\s+(?:policy|notice)"
    r"|\bread\s+more\b|\bdon['’]t\s+miss\b|\badvertisement\b|\ball\s+rights\s+reserved\b"
    r"|\bclick\s+here\b|\bfollow\s+us\b|\bsubscribe\b|\bshare\s+this\s+(?:article|story)\b"
    r"|\bread\s+full\s+article\b|\bterms\s+(?:of|and)\s+(?:use|service|conditions)\b"
    r"|\[(?:REPORT|REVEAL|VIDEO|PICTURES)\s*\])",
    re.IGNORECASE,
)
_HOPE: Final = re.compile(
    r"\b(?=\w)(?:hope|hopes|hoped|hoping|hopeful|wish|wishes|wished|wishing)\b", re.I
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
    r"\b(?:declin|refus|reluctan)\w*\s+to\s+(?:predict|forecast|speculate|say|guess|comment)"
    r"|\b(?:would|will|could)\s+not\s+(?:say|comment|speculate|predict|guess|be\s+drawn)\b"
    r"|\b(?:neither|none|nobody|no\s+one)\b[^.;]{0,40}\bwould\s+(?:say|predict|guess|speculate)\b"
    r"|\b(?:too\s+(?:early|soon)|premature)\s+to\s+(?:say|tell|call|predict|judge|know|speculate)\b"
    r"|\b(?:won['’]t|will\s+not|wouldn['’]t|would\s+not|can['’]t|cannot|not\s+going\s+to)\s+"
    r"(?:(?:put|give|set)\s+(?:a|any|an\s+exact)\s+(?:date|number|figure|time|timeline|"
    r"timescale|probability|percentage|odds)\s+on\b"
    # "I won't go into them", "I'd never say that three weeks out": the speaker declines
    r"|(?:go|get)\s+into\b|say\s+that\b|discuss\b|disclose\b|reveal\b)",
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


def _excluded(sentence: Sentence) -> bool:
    text = sentence.text
    return bool(
        sentence.heading
        or "?" in text
        or _BOILERPLATE.search(text)
        or _HOPE.search(text)
        or (("%" in text or "cent" in text) and _SURVEY_SHARE.search(text) is not None)
    )


# --- span, probability, confidence ----------------------------------------------------------

_CLAUSE_BREAK: Final = re.compile(r"[,;:–—()]|\s-\s")


def _span(
    sentence: Sentence, cue: _Cue, regions: list[tuple[int, int]], attribution: _Attribution
) -> tuple[int, int]:
    """Offsets (within the sentence) of the predictive part around the main cue.

    A long quotation holding the cue is the span; after "X said (that)" the span starts
    after the attribution; otherwise it is the clause around the cue.
    """
    text = sentence.text
    for start, end in regions:
        long_quote = end - start > len(text) * 0.4 or len(text[start:end].split()) >= 6
        if start <= cue.start < end and long_quote:
            return _trim_span(text, start + 1, end - 1 if text[end - 1 : end] in _CLOSERS else end)
    if 0 <= attribution.verb_start <= cue.start:
        start = attribution.verb_end
        end = _clause_end(text, max(cue.end, start), regions)
        that = re.search(r"^\s*that\s+|\bthat\s+", text[start : max(cue.start, start + 12)])
        return _trim_span(text, start + that.end() if that else start, end)
    end = _clause_end(text, cue.end, regions)
    return _trim_span(text, _clause_start(text, cue.start, regions), end)


_CLOSERS: Final = frozenset("”\"’'")


def _clause_start(text: str, position: int, regions: list[tuple[int, int]]) -> int:
    breaks = [
        m.end()
        for m in _CLAUSE_BREAK.finditer(text, 0, position)
        if not _inside(m.start(), regions)
    ]
    return breaks[-1] if breaks else 0


def _clause_end(text: str, position: int, regions: list[tuple[int, int]]) -> int:
    for match in _CLAUSE_BREAK.finditer(text, position):
        if not _inside(match.start(), regions):
            return match.start()
    return len(text)


def _trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    strip = " \t\n.,;:!\"“”'‘’"
    while start < end and text[start] in strip and not _balanced_without(text, start, end, start):
        start += 1
    while (
        end > start and text[end - 1] in strip and not _balanced_without(text, start, end, end - 1)
    ):
        end -= 1
    return (start, end) if end > start else (0, len(text))


_PAIRS: Final = (("“", "”"), ("‘", "’"))


def _balanced_without(text: str, start: int, end: int, index: int) -> bool:
    """Whether the quote mark at index pairs with another inside [start, end) (so keep it)."""
    char = text[index]
    inside = text[start:end]
    if char == '"':
        return inside.count('"') % 2 == 0
    for opening, closing in _PAIRS:
        if char == opening:
            return closing in text[index + 1 : end]
        if char == closing:
            return opening in text[start:index]
    return False


_KIND_RANK: Final[dict[CueKind, int]] = {
    "explicit": 0,
    "denial": 1,
    "hedge": 2,
    "forecast_verb": 3,
    "opinion": 4,
    "reported": 5,
    "modal": 6,
    "weak": 7,
}


def _main_cue(cues: list[_Cue]) -> _Cue:
    return min(cues, key=lambda cue: (_KIND_RANK[cue.kind], cue.start))


def _probability_cue(cues: list[_Cue], text: str = "") -> _Cue | None:
    with_probability = [cue for cue in cues if cue.probability is not None]
    main = [cue for cue in with_probability if not _in_absolute(text, cue.start)]
    chosen = main or with_probability
    return _main_cue(chosen) if chosen else None


def _in_absolute(text: str, start: int) -> bool:
    """ "with no party likely to win outright, a coalition was unlikely": the first hedge is
    background to the claim, whose own hedge is the second."""
    clause = text[_clause_start(text, start, []) : start]
    return bool(re.match(r"\s*with\b", clause, re.IGNORECASE))


def _confidence(
    cues: list[_Cue],
    attribution: _Attribution,
    speaker: str | None,
    deadline: bool,
    anchored: bool,
    dated: bool = False,
    open_ended: bool = False,
) -> float:
    """How sure the extractor is; anchored: the sentence names a time, a number or a condition.

    dated: the sentence names a time that bounds the event ("next winter", "on Saturday").
    """
    score = max(cue.confidence for cue in cues)
    if (
        speaker is None
        and not attribution.generic
        and dated
        and score < _WRITER_HEDGED
        and any(cue.phrase in _WRITER_HEDGES for cue in cues)
    ):
        # the writer's own "might not open at all next winter": a dated, hedged forecast
        score = _WRITER_HEDGED
    if (
        score < _ATTRIBUTED_POSSIBILITY
        and speaker is not None
        and not attribution.generic
        and (dated or anchored)
        and not open_ended
        and any(cue.phrase in _ATTRIBUTABLE_POSSIBILITY for cue in cues)
    ):
        # "could", "might", "should" from a named source about a checkable event: a hedged
        # forecast of low confidence, where the writer's own "could" only says it is possible.
        score = _ATTRIBUTED_POSSIBILITY
    if len({cue.kind for cue in cues} - {"weak"}) > 1:
        score += 0.05
    if deadline:
        score += 0.05
    if speaker is not None:
        score += 0.05
    if attribution.generic:
        # "Few expect a deal", "Economists agree inflation has likely peaked": unnamed people's
        # view, however firmly stated, has no source a record can be kept against
        score = min(score, _UNATTRIBUTABLE)
    if speaker is None and not anchored and all(cue.phrase in _BARE_MODALS for cue in cues):
        # the writer's bare "will" with no time, number or condition: rarely checkable
        score = min(score, _UNANCHORED_WRITER)
    return round(min(max(score, 0.0), 0.99), 2)


_POSSESSIVE_AFTER: Final = re.compile(r"['’]s?\b")
_UNANCHORED_WRITER: Final = 0.45
_UNATTRIBUTABLE: Final = 0.3
_WRITER_HEDGED: Final = 0.5
# Not "may": the writer's "residents may collect sandbags" gives leave, it does not forecast.
_WRITER_HEDGES: Final = frozenset({"might", "could", "might not"})
# "over the coming months", "in the years ahead": no bound; "in the coming two years", "the
# coming winter" end on a day a reader can name.
_OPEN_ENDED: Final = re.compile(
    r"\b(?:coming|next\s+few)\s+(?:days|weeks|months|years|decades|quarters)\b"
    r"|\b(?:days|weeks|months|years|decades|quarters)\s+ahead\b|\bahead\s*$"
    r"|\bin\s+time\b|\beventually\b",
    re.IGNORECASE,
)
_NAMED_TIME: Final = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\b(?:next|this|in|by|"
    r"until|before|from)\s+(?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december)\b",
    re.IGNORECASE,
)
# "It won't." answers the sentence before it, which names what is meant.
_ELLIPTICAL_WORDS: Final = 4


# --- quantities ----------------------------------------------------------------------------

# Words that mark the future or a belief without a likelihood: "will", "would", their
# negations and denials, "expects", and the possibility modals. ICD 203 lists none of them,
# and neither do the UK yardstick or Kent's scale, so the extractor leaves the figure to the
# editor (Sooth's verbal scale still has one for recording a claim by its phrase).
_NO_STATED_LIKELIHOOD: Final = frozenset(
    {
        "may",
        "might",
        "could",
        "can",
        "possible",
        "possibly",
        "perhaps",
        "maybe",
        "may not",
        "might not",
        "should",
        "should not",
        "ought to",
        "expect",
        "expects",
        "expected",
        "expected to",
        "not expected to",
        "would expect",
    }
)
_BARE_MODALS: Final = frozenset(
    {
        "will",
        "shall",
        "going to",
        "is going to",
        "are going to",
        "is set to",
        "are set to",
        "would",
        "will not",
        "shall not",
        "would not",
        "is not going to",
        "are not going to",
        "not going to",
        "will not be delayed",
        "will not be much delayed",
        "will not be long",
        "will not be stopped",
        "will not miss",
        "will not fail",
        "would not be delayed",
        "would not be much delayed",
        "would not be long",
        "would not be stopped",
        "would not miss",
        "would not fail",
    }
)
_NUMBER_WORD_VALUES: Final = {
    word: float(value)
    for value, word in enumerate(
        ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
    )
}
_NUMBER: Final = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|" + "|".join(_NUMBER_WORD_VALUES) + r"|a|an"
_SCALE_WORDS: Final = {
    "thousand": 1e3,
    "million": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
_SCALE: Final = r"(?:\s?(?P<scale>thousand|million|billion|trillion|bn|tn|m)\b)?"
_PER: Final = (
    r"(?P<per>\s(?:a|per)\s(?:barrel|gallon|year|month|day|week|litre|liter|tonne|ton|"
    r"share|kilowatt-hour|megawatt-hour|mwh|kwh|head))?"
)
_HIGH_SCALE: Final = _SCALE.replace("scale", "scale2")
_NUMBER_SCALE: Final = _SCALE.replace("scale", "scale_n")
_QUANTITY: Final = re.compile(
    rf"(?P<currency>[$€£¥])\s?(?P<low>{_NUMBER}){_SCALE}"
    rf"(?:\s?(?:-|–|to|and)\s?[$€£¥]?(?P<high>{_NUMBER}))?(?(high){_HIGH_SCALE}|){_PER}"
    rf"|\b(?P<low_n>{_NUMBER})(?:\s?(?:-|–|to|and)\s?(?P<high_n>{_NUMBER}))?{_NUMBER_SCALE}"
    r"\s?(?P<unit>%|percent(?:age\s+points?)?\b|per\s+cent\b|basis\s+points?\b|bps?\b|"
    r"degrees?(?:\s+(?:celsius|fahrenheit))?\b|°[CF]|barrels?(?:\s+(?:a|per)\s+day)?\b|"
    r"tonnes?\b|tons?\b|seats\b|votes\b|jobs\b|cases\b|deaths\b|units\b|vehicles\b|"
    r"homes\b|points\b|yes\s+votes\b)",
    re.IGNORECASE,
)
# "below $60", "above 5%": a threshold, so the forecast is of an event, not of the number.
_THRESHOLD_BEFORE: Final = re.compile(
    r"\b(?:below|above|under|over|beyond|exceed|exceeds|exceeding|past|more\s+than|"
    r"less\s+than|at\s+least|at\s+most|fewer\s+than|no\s+more\s+than)\s*$",
    re.IGNORECASE,
)
# "from an expected 1.0% this year", "up from 25%": where the number starts, not the forecast.
_BASELINE_BEFORE: Final = re.compile(
    r"\b(?:from|since|versus|vs|compared\s+with)\s+(?:\w+\s+){0,2}$", re.IGNORECASE
)


def _number_value(token: str) -> float | None:
    lowered = token.lower()
    if lowered in {"a", "an"}:
        return 1.0
    if lowered in _NUMBER_WORD_VALUES:
        return _NUMBER_WORD_VALUES[lowered]
    return float(lowered.replace(",", ""))


def _quantity(text: str, start: int, end: int) -> Quantity | None:
    """The number the predictive span forecasts, if it forecasts one."""
    for match in _QUANTITY.finditer(text, start, end):
        before = text[max(0, match.start() - 40) : match.start()]
        if _THRESHOLD_BEFORE.search(before) or _BASELINE_BEFORE.search(before):
            continue
        if match.group("currency"):
            scale = _SCALE_WORDS.get((match.group("scale") or "").lower(), 1.0)
            high_scale = _SCALE_WORDS.get((match.group("scale2") or "").lower(), scale)
            low = _number_value(match.group("low"))
            high_token = match.group("high")
            high = _number_value(high_token) if high_token else low
            per = (match.group("per") or "").split()
            unit = _CURRENCIES[match.group("currency")] + ("/" + per[-1] if per else "")
            if low is None or high is None or (low == 1.0 and match.group("low").isalpha()):
                continue
            return Quantity(low * scale, high * high_scale, unit)
        unit = " ".join(match.group("unit").lower().split())
        unit = "%" if unit in {"%", "percent", "per cent"} else unit
        scale = _SCALE_WORDS.get((match.group("scale_n") or "").lower(), 1.0)
        if match.group("low_n").lower() in {"a", "an"} and unit == "%":
            continue
        low = _number_value(match.group("low_n"))
        high_token = match.group("high_n")
        high = _number_value(high_token) if high_token else low
        if low is None or high is None or low > high:
            continue
        change = _CHANGE_BEFORE.search(before)
        if change and unit == "%":
            sign = -1.0 if change.group("down") else 1.0
            low, high = sorted((sign * low, sign * high))
            unit = "% change"
        return Quantity(low * scale, high * scale, unit)
    return None


_CURRENCIES: Final = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
# "sales will drop 3.2%": a change of a level, signed, rather than the level itself.
_CHANGE_BEFORE: Final = re.compile(
    r"\b(?:(?P<down>fall|falls|fell|falling|drop|drops|dropping|decline|declines|declining|"
    r"shrink|shrinks|shrinking|contract|contracts|contracting|slump|sink|lose|cut|down)|"
    r"rise|rises|rising|grow|grows|growing|increase|increases|climb|climbs|gain|gains|up|"
    r"jump|jumps|expand|expands)\s+(?:by\s+)?(?:about\s+|around\s+|some\s+|roughly\s+|"
    r"nearly\s+|almost\s+|as\s+much\s+as\s+)?$",
    re.IGNORECASE,
)


# --- the whole ------------------------------------------------------------------------------


def extract_candidates(
    text: str,
    *,
    published_at: datetime | None = None,
    url: str | None = None,
    min_confidence: float = 0.5,
) -> list[Candidate]:
    """Sentences of an article that carry a predictive claim, in text order.

    published_at (timezone-aware) resolves deadline phrases; without it deadlines are None.
    min_confidence drops weaker candidates; lower it to see bare "may"/"could" sentences.
    """
    document = _Document()
    sentences = split_sentences(text)
    paragraphs = [line for line in _LINE.finditer(text) if line.group().strip()]
    quotes = [_quote_regions(line.group()) for line in paragraphs]
    regions = _sentence_regions(sentences, paragraphs, quotes)
    document.quote_runs_on = _quotes_running_on(paragraphs, quotes)
    document.issuer = _press_release_issuer([line.group() for line in paragraphs], document)
    labels = _transcript_labels(text)
    byline = next(
        (
            index
            for index, line in enumerate(paragraphs[:_BYLINE_REACH])
            if _BYLINE.match(line.group())
        ),
        0,
    )
    if paragraphs and _BYLINE.match(paragraphs[byline].group()):
        document.byline = paragraphs[byline].group()
    found: list[tuple[int, Candidate]] = []
    attributed: list[_Attribution] = []
    for index, sentence in enumerate(sentences):
        label = labels.get(sentence.paragraph)
        known = len(document.entities)
        attribution, candidate = _candidate(
            sentence, regions[index], document, published_at, url, label
        )
        attributed.append(attribution)
        if not _title_case_heading(sentence):
            _learn_names(sentence, regions[index], document)
            if attribution.verb_start >= 0 and attribution.speaker is not None:
                # "Raman said Okafor would win. '...,' she said": the one who spoke, not the
                # one spoken of, is whom the next pronoun means
                _keep_speaker_salient(attribution.speaker, document)
            if sentence.heading and sentence.paragraph == 0:
                for entity in document.entities[known:]:
                    entity.headline = True
        # above the byline: the headline and standfirst, which repeat the body's claims
        if candidate is not None and sentence.paragraph >= byline:
            found.append((index, candidate))
    candidates = []
    for index, candidate in found:
        post = attributed[index].post
        holder = document.post_holders.get((post, candidate.speaker or ""))
        if post and holder is not None and not candidate.speakers:
            candidate = replace(candidate, speaker=holder)
        if (candidate.speaker is None or attributed[index].carried) and _quote_only(
            sentences[index].text, regions[index]
        ):
            candidate = _attributed_later(candidate, index, sentences, regions, attributed)
        if candidate.confidence >= min_confidence:
            candidates.append(candidate)
    return candidates


def _keep_speaker_salient(speaker: str, document: _Document) -> None:
    person = document.known(speaker)
    if person is not None and person.kind == "person" and person in document.last_person:
        document.last_person.remove(person)
        document.last_person.append(person)


# "By Hugo Castellanos, Technology Reporter": everything above it is headline and standfirst.
_BYLINE: Final = re.compile(
    r"^\s*By\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)+(?:[\s,|][^.!?]{0,80})?$"
)
_BYLINE_REACH: Final = 5


def _title_case_heading(sentence: Sentence) -> bool:
    """ "Apogee Enterprises Boosts FY23 Outlook As Q1 Results Top View": capitals mark no names."""
    if not sentence.heading:
        return False
    words = [
        word
        for word in sentence.text.split()
        if word[:1].isalpha() and word.lower() not in _HEADLINE_SMALL_WORDS
    ]
    capitalised = sum(1 for word in words if word[:1].isupper())
    return len(words) >= 4 and capitalised >= 0.8 * len(words)


# Words a title-case headline leaves in lower case: "Shipments on Pace to Decline in 2009".
_HEADLINE_SMALL_WORDS: Final = _wordset("a an the of on in to for by at as and or but with from")


def _sentence_regions(
    sentences: list[Sentence],
    paragraphs: list[re.Match[str]],
    quotes: list[list[tuple[int, int]]],
) -> list[list[tuple[int, int]]]:
    """Quotations as the paragraph has them, clipped to each sentence: a quotation of several
    sentences marks the middle ones as quoted too."""
    by_paragraph = [
        [(line.start() + start, line.start() + end) for start, end in regions]
        for line, regions in zip(paragraphs, quotes, strict=True)
    ]
    clipped = []
    for sentence in sentences:
        regions = by_paragraph[sentence.paragraph] if sentence.paragraph < len(by_paragraph) else []
        clipped.append(
            [
                (
                    max(start, sentence.start) - sentence.start,
                    min(end, sentence.end) - sentence.start,
                )
                for start, end in regions
                if start < sentence.end and end > sentence.start
            ]
        )
    return clipped


def _quotes_running_on(
    paragraphs: list[re.Match[str]], quotes: list[list[tuple[int, int]]]
) -> frozenset[int]:
    running = set()
    for index, (line, regions) in enumerate(zip(paragraphs, quotes, strict=True)):
        paragraph = line.group()
        stripped = paragraph.rstrip()
        unclosed = (
            bool(regions)
            and regions[-1][1] == len(paragraph)
            and not (stripped[-1:] in _CLOSERS and regions[-1][1] - 1 > regions[-1][0])
        )
        if unclosed or stripped.endswith(":"):
            running.add(index)
    return frozenset(running)


# "Press release - Met Office", "News release", "Statement by the Monetary Policy Board":
# the line that marks a release, near the top, with the issuer on it or on the next line.
_RELEASE_LINE: Final = re.compile(
    # "Kell Water Authority - Media release - 3 May": the issuer may stand before the marker
    r"^\s*(?:(?P<lead>[^-–—:|]{3,80}?)\s*[-–—:|]\s*(?=(?:press|media|news)\s+release))?"
    r"(?:(?:press|media|news)\s+release|statement|communiqu[eé]|(?:[\w-]+\s+)?warning|"
    r"(?:[\w-]+\s+)?(?:alert|advisory|bulletin)|issued)\b"
    r"(?:\s*(?:[-–—:|,]|\bby\b|\bfrom\b)\s*(?P<issuer>.+))?$",
    re.IGNORECASE,
)
_RELEASE_REACH: Final = 4


def _press_release_issuer(paragraphs: list[str], document: _Document) -> str | None:
    """The organisation a press release is issued by, when the text is one."""
    for index, line in enumerate(paragraphs[:_RELEASE_REACH]):
        marker = _RELEASE_LINE.match(line.strip())
        if marker is None or not _is_heading(line):
            continue
        # the issuer stands on the marker's line or a heading line beside it ("Fennmark
        # Meteorological Service" above "Issued: 10:00")
        beside = [paragraphs[index - 1]] if index > 1 else []  # the title is no issuer line
        for written in [
            marker.group("lead") or "",
            marker.group("issuer") or "",
            *paragraphs[index + 1 : index + 3],
            *beside,
        ]:
            if not _is_heading(written):
                continue
            organisation = _issuing_organisation(written.strip(), document)
            if organisation is not None:
                return organisation
        # else the body names it first: "The Monetary Policy Board of the Central Bank of
        # Estmark decided ...", above the marker or below it
        body = next((text for text in paragraphs[1:] if not _is_heading(text)), "")
        opening = re.split(r"(?<=[.!?])\s", body, maxsplit=1)[0]
        organisation = _issuing_organisation(opening, document)
        if organisation is not None:
            return organisation
    return None


def _issuing_organisation(line: str, document: _Document) -> str | None:
    found: _Entity | None = None
    end = 0
    for mention in _name_runs(line):
        words = mention.text.split()
        if not any(word.lower().strip("’'") in _ORG_WORDS for word in words):
            if found is not None:
                break
            continue
        if found is not None and not re.fullmatch(
            r"\s+of\s+(?:the\s+)?", line[end : mention.start]
        ):
            break
        entity = document.remember(
            _Entity(
                mention.text,
                "org",
                nouns=frozenset(word.lower() for word in words if word.lower() in _ORG_WORDS),
            )
        )
        _link_to_owner(mention, entity, document)
        if found is not None and entity is not found:
            # "the Monetary Policy Board of the Central Bank of Estmark": the bank issues it
            found.parent = entity
        found, end = entity, mention.end
    return found.root().name if found is not None else None


# "VANCE: Both, honestly." in an interview transcript; "Q:" is the interviewer.
_TRANSCRIPT_LABEL: Final = re.compile(
    r"^\s*(?P<label>[A-Z][A-Z'’.-]*(?:\s+[A-Z][A-Z'’.-]+){0,2}"
    r"|[A-Z][a-z'’-]+(?:\s+(?:de\s+|van\s+)?[A-Z][a-z'’-]+){0,2})\s*:\s"
)
# "Goodhart:" alone on its line: a surname is enough there.
_LABEL_LINE: Final = re.compile(r"^\s*(?P<label>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s*:\s*$")
_INTERVIEWER_LABELS: Final = frozenset({"Q", "QUESTION", "INTERVIEWER"})
# "A:" answers in a Q-and-A: the interviewee speaks, whoever the article introduced.
_ANSWER_LABELS: Final = frozenset({"A", "ANSWER"})
_NOTE_LABELS: Final = frozenset({"NOTE"})
# The label an interviewer's turn gets: no one's answer (LABELLING.md, round two (f)).
_QUESTION_TURN: Final = "Q"


def _transcript_labels(text: str) -> dict[int, str]:
    paragraphs = [line.group() for line in _LINE.finditer(text) if line.group().strip()]
    labels = {}
    # "Goodhart:" on a line of its own speaks for the paragraphs below it, up to the next tag
    below: dict[int, str] = {}
    turn: str | None = None
    counts: dict[str, int] = {}
    for index, paragraph in enumerate(paragraphs):
        match = _TRANSCRIPT_LABEL.match(paragraph + " ") or _LABEL_LINE.match(paragraph)
        if match is None or match.group("label") in _NOTE_LABELS:
            if match is None and turn is not None:
                below[index] = turn
            continue
        label = match.group("label")
        label = _QUESTION_TURN if label in _INTERVIEWER_LABELS else label
        counts[label] = counts.get(label, 0) + 1
        if paragraph[match.end() - 1 :].strip() and match.re is _TRANSCRIPT_LABEL:
            labels[index], turn = label, None
        else:
            turn = label
    # "Dave Wilson: ..." counts as a speaker's tag only when it recurs, as in a transcript;
    # once, it is more likely a heading ("Full Statement: ...")
    labels = {
        index: label for index, label in labels.items() if label.isupper() or counts[label] > 1
    }
    labels.update((index, label) for index, label in below.items() if counts[label] > 1)
    return labels or _untagged_turns(paragraphs)


# An interviewer's question printed as a paragraph of its own, with no tag before it.
_QUESTION_PARAGRAPH_WORDS: Final = 40
_UNTAGGED_QUESTIONS_MIN: Final = 3
_FIRST_PERSON: Final = re.compile(r"\b(?:I|I'[a-z]+|I’[a-z]+|we|We|my|My|our|Our)\b")


def _untagged_turns(paragraphs: list[str]) -> dict[int, str]:
    """An interview whose questions stand as paragraphs of their own, with no names before
    the turns: short paragraphs that end in "?" are the interviewer's, and the paragraphs
    after each, up to the next question, are the interviewee's answer. It takes three such
    questions, each answered, and answers in the first person, to read a text as one."""
    if sum(paragraph.count("?") for paragraph in paragraphs) < _UNTAGGED_QUESTIONS_MIN:
        return {}
    questions = [
        index
        for index, paragraph in enumerate(paragraphs)
        if index > 0
        and paragraph.rstrip().endswith("?")
        and len(paragraph.split()) <= _QUESTION_PARAGRAPH_WORDS
        and not _QUOTE_MARK.search(paragraph.replace("’", "").replace("'", ""))
    ]
    labels: dict[int, str] = {}
    answered = 0
    for number, question in enumerate(questions):
        following = questions[number + 1] if number + 1 < len(questions) else len(paragraphs)
        answer = range(question + 1, following)
        if not answer:
            continue
        labels[question] = _QUESTION_TURN
        labels.update((index, "A") for index in answer)
        answered += any(_FIRST_PERSON.search(paragraphs[index]) for index in answer)
    if answered < _UNTAGGED_QUESTIONS_MIN or 2 * answered < len(questions):
        return {}
    return labels


def _label_speaker(label: str, document: _Document) -> str | None:
    if label in _ANSWER_LABELS:
        return document.interviewee()
    name = " ".join(word.capitalize() for word in label.split())
    # "MARSH:" is a person: Dr. Helen Marsh, not her firm Marsh Lindqvist Research
    words = name.split()
    people = [
        entity
        for entity in document.entities_by_edge(words[-1])
        if entity.kind == "person" and entity.parts[-len(words) :] == words
    ]
    if not people:
        # "SOLHEIM-BAPTISTE", "O'NEILL": capitals that .capitalize() does not give back
        people = [
            entity
            for entity in document.entities
            if entity.kind == "person"
            and [part.upper() for part in entity.parts[-len(words) :]] == label.split()
        ]
    if not people and not label.isupper() and len(words) == 1:
        return None  # "Update:" twice in a live page: a surname tags a turn, a word does not
    known = max(people, key=lambda person: person.order) if people else document.known(name)
    if known is None and len(label) <= 3 and label.isupper():
        # "DW:" after "Dave Wilson:": the initials of someone named before
        known = next(
            (
                entity
                for entity in reversed(document.entities)
                if entity.kind == "person" and "".join(p[0] for p in entity.parts) == label
            ),
            None,
        )
    return known.name if known is not None else name


# A quotation is attributed at most this many sentences later ("... ," he said.), across
# one paragraph break at most.
_QUOTE_ATTRIBUTION_REACH: Final = 3


def _attributed_later(
    candidate: Candidate,
    index: int,
    sentences: list[Sentence],
    regions: list[list[tuple[int, int]]],
    attributed: list[_Attribution],
) -> Candidate:
    """A bare quotation takes the speaker named in the next sentence that says who spoke."""
    paragraph = sentences[index].paragraph
    for later in range(index + 1, min(len(sentences), index + 1 + _QUOTE_ATTRIBUTION_REACH)):
        if sentences[later].paragraph > paragraph + 1:
            break
        attribution = attributed[later]
        if (
            candidate.speaker is not None
            and sentences[later].paragraph != paragraph
            and not regions[later]
        ):
            # a quotation carried on from the paragraph before keeps its speaker against a
            # later paragraph that quotes no one ("..., according to figures from X")
            break
        if attribution.verb_start >= 0:
            if attribution.speaker is None or attribution.generic:
                break
            return replace(
                candidate,
                speaker=attribution.speaker,
                speakers=attribution.speakers,
                confidence=_boosted(candidate.confidence),
            )
        if not _quote_only(sentences[later].text, regions[later]):
            break
    return candidate


def _boosted(confidence: float) -> float:
    return round(min(confidence + 0.05, 0.99), 2)


def _candidate(
    sentence: Sentence,
    regions: list[tuple[int, int]],
    document: _Document,
    published_at: datetime | None,
    url: str | None,
    label: str | None,
) -> tuple[_Attribution, Candidate | None]:
    attribution = _sentence_attribution(sentence, regions, document)
    # the interviewer's turn speaks as the writer would; its questions are left out below
    answerer = None
    if label is not None and label != _QUESTION_TURN:
        answerer = _label_speaker(label, document)
    if answerer is not None and attribution.speaker is None and not attribution.generic:
        attribution = _Attribution(answerer, answer=True)
    elif (
        document.issuer is not None
        and attribution.speaker is None
        and not attribution.generic
        and not _quote_only(sentence.text, regions)
    ):
        attribution = _Attribution(document.issuer, issued=True)
    if _excluded(sentence) or _dated_before(sentence.text, attribution, published_at):
        return attribution, None
    found = _cues(sentence, regions, attribution)
    declined = _DECLINED.search(sentence.text) or (
        _NEVER_SAY.search(sentence.text) if "never" in sentence.text else None
    )
    if declined is not None:
        # "The ministry, which forecasts growth of 1.1%, declined to comment": what comes
        # before the refusal still stands; what it refuses to say does not
        found = [cue for cue in found if cue.end <= declined.start()]
    # Deadlines are the costliest search: look for them only where a cue is.
    if not found:
        return attribution, None
    deadlines = [
        deadline
        for deadline in find_deadlines(sentence.text, published_at=published_at)
        # "this year's rise could unwind": the year names the rise, it bounds no event
        if not _POSSESSIVE_AFTER.match(sentence.text, deadline.end)
    ]
    cues = _oriented(found, sentence.text, regions, attribution, bool(deadlines))
    if not cues:
        return attribution, None
    return attribution, _build(sentence, cues, regions, attribution, deadlines, url)


_YEAR: Final = re.compile(r"\b(?:19|20)\d\d\b")
_PERFECT_VERB: Final = re.compile(r"^(?:has|have)\b", re.IGNORECASE)
_CLAUSE_MARK: Final = re.compile(r"[,;:\"“”]")


def _dated_before(text: str, attribution: _Attribution, published_at: datetime | None) -> bool:
    """ "A 2019 review predicted ...", "In 2021 the bank forecast ...": a belief reported from a
    year before publication is a past belief, whatever it was about."""
    if published_at is None or not _YEAR.search(text):
        return False
    verb_start, verb_end = attribution.verb_start, attribution.verb_end
    if verb_start < 0 and text[:1] not in "\"“‘'":
        # "A 2019 review ... predicted": a source with no name is still dated
        verb = _SPEECH.search(text)
        verb_start, verb_end = (verb.start(), verb.end()) if verb else (-1, -1)
    if verb_start <= 0 or _PERFECT_VERB.match(text[verb_start:verb_end]):
        return False
    if text[verb_start : verb_start + 9].lower() == "according":
        return False
    # the year must date the source itself: in the clause that names it, or opening the
    # sentence ("In 2019, ..."), not inside a quotation or a condition
    clause = max((m.end() for m in _CLAUSE_MARK.finditer(text, 0, verb_start)), default=0)
    subject = text[clause:verb_start]
    opening = re.match(r"\s*(?:In|Back\s+in)\s+((?:19|20)\d\d)\b", text)
    years = [int(year.group()) for year in _YEAR.finditer(subject)]
    if opening:
        years.append(int(opening.group(1)))
    return (
        bool(years)
        and max(years) < published_at.year
        and not re.search(r"\b(?:since|from|between|if|unless)\b", subject, re.IGNORECASE)
    )


def _sentence_attribution(
    sentence: Sentence, regions: list[tuple[int, int]], document: _Document
) -> _Attribution:
    """Who speaks: an attribution in the sentence, or the speaker of the quote it continues."""
    document.paragraph = sentence.paragraph
    if _quote_only(sentence.text, regions):
        if document.last_speaker_paragraph == sentence.paragraph:
            return _Attribution(document.last_speaker)
        if (
            document.last_speaker_paragraph == sentence.paragraph - 1
            and sentence.paragraph - 1 in document.quote_runs_on
            and sentence.text[:1] in "\"“‘'"
        ):
            # a statement quoted over several paragraphs: each opens with a quotation mark
            # and only the last one closes, so the speaker carries on
            document.last_speaker_paragraph = sentence.paragraph
            return _Attribution(document.last_speaker)
        if (
            document.last_speaker_paragraph == sentence.paragraph - 1
            and document.last_speaker is not None
            and sentence.text[:1] in "\"“‘'"
        ):
            # "“Nothing is won yet,” he said." then a paragraph that is only a quotation:
            # reporting goes on with the same voice
            document.last_speaker_paragraph = sentence.paragraph
            return _Attribution(document.last_speaker, carried=True)
        return _Attribution(None)
    _learn_names_before_attribution(sentence, regions, document)
    attribution = _attribution(sentence, regions, document)
    if attribution.verb_start >= 0:
        document.last_speaker = attribution.speaker
        document.last_speaker_paragraph = sentence.paragraph
        known = document.known(attribution.speaker) if attribution.speaker else None
        if known is not None and known.kind == "org":
            document.last_organisation = known.root().name
    return attribution


def _learn_names_before_attribution(
    sentence: Sentence, regions: list[tuple[int, int]], document: _Document
) -> None:
    """Full names introduced in this very sentence ("Oleksiy Danilov, ..., said")."""
    if _title_case_heading(sentence):
        return
    previous: tuple[_Mention, _Entity] | None = None
    for mention in _name_runs(sentence.text):
        if _inside(mention.start, regions):
            continue
        if previous is not None and _abbreviation_of(sentence.text, previous, mention):
            # "The Ostrova Meteorological Organization (OMO) expects": the initials speak for
            # the full name in this sentence already
            alias = document.remember(_Entity(mention.text, "org"))
            if alias is not previous[1]:
                alias.parent = previous[1]
            continue
        entity = _classify(mention, sentence.text, document)
        if entity is not None and len(entity.name.split()) > 1:
            previous = (mention, document.remember(entity))
            _link_to_owner(mention, previous[1], document)
        else:
            previous = None


def _build(
    sentence: Sentence,
    cues: list[_Cue],
    regions: list[tuple[int, int]],
    attribution: _Attribution,
    deadlines: list[Deadline],
    url: str | None,
) -> Candidate:
    main = _main_cue(cues)
    span_start, span_end = _span(sentence, main, regions, attribution)
    probability_cue = _probability_cue(cues, sentence.text)
    deadline = _deadline_in(deadlines, span_start, span_end)
    quantity = None
    if probability_cue is None or probability_cue.basis != "stated":
        quantity = _quantity(sentence.text, span_start, span_end)
    probability, reason = _likelihood(probability_cue, quantity)
    condition = _condition(sentence.text)
    # "over the coming months" bounds nothing a reader could check; "on Saturday" does
    open_ended = bool(deadlines) and all(_OPEN_ENDED.search(d.phrase) for d in deadlines)
    dated = any(not _OPEN_ENDED.search(d.phrase) for d in deadlines) or bool(
        _NAMED_TIME.search(sentence.text)
    )
    return Candidate(
        sentence=sentence.text,
        start=sentence.start,
        end=sentence.end,
        span=sentence.text[span_start:span_end],
        span_start=sentence.start + span_start,
        span_end=sentence.start + span_end,
        speaker=attribution.speaker,
        verbal_phrase=(
            probability_cue.phrase
            if probability_cue and probability_cue.basis == "verbal"
            else None
        ),
        probability=probability,
        probability_basis=(
            probability_cue.basis if probability is not None and probability_cue else None
        ),
        deadline_phrase=deadline.phrase if deadline else None,
        deadline=deadline.deadline if deadline else None,
        confidence=_confidence(
            cues,
            attribution,
            attribution.speaker,
            deadline is not None,
            dated=dated,
            open_ended=open_ended
            and not (quantity or condition or _FIGURE_IN.search(sentence.text)),
            anchored=bool(
                deadlines
                or quantity
                or condition
                or _FIGURE_IN.search(sentence.text)
                or _VAGUE_TIME.search(sentence.text)
                or len(sentence.text.split()) <= _ELLIPTICAL_WORDS
            ),
        ),
        reason=main.reason,
        url=url,
        kind="quantity" if quantity is not None else "probability",
        quantity=quantity,
        probability_reason=reason,
        condition=condition,
        speakers=attribution.speakers,
    )


def _likelihood(cue: _Cue | None, quantity: Quantity | None) -> tuple[float | None, str | None]:
    """The candidate's probability, or None and the reason there is none."""
    if quantity is not None and (cue is None or cue.kind not in {"hedge", "denial", "explicit"}):
        return None, "a forecast of a number: its likelihood is not stated"
    if cue is None or cue.probability is None:
        return None, "no figure or hedge word states a likelihood"
    if cue.phrase in _BARE_MODALS or cue.phrase in _NO_STATED_LIKELIHOOD:
        return None, (
            f"'{cue.phrase}' states no likelihood, and none of ICD 203, the UK yardstick or "
            "Kent's scale gives it one; the editor chooses the figure"
        )
    return cue.probability, None


def _deadline_in(deadlines: list[Deadline], start: int, end: int) -> Deadline | None:
    inside = [d for d in deadlines if start <= d.start < end]
    ordered = inside + [d for d in deadlines if d not in inside]
    resolved = [d for d in ordered if d.deadline is not None]
    return resolved[0] if resolved else (ordered[0] if ordered else None)
