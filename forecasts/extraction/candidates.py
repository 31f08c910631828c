"""Candidate claims and `extract_candidates`, which reads an article sentence by sentence and
builds them.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace
from datetime import datetime
from typing import Final, Literal

from forecasts.deadlines import _FULL_MONTHS, Deadline, find_deadlines
from forecasts.extraction.confidence import _confidence, _main_cue, _probability_cue
from forecasts.extraction.cues import _FIGURE_IN, _VAGUE_TIME, Basis, _Cue, _cues, _oriented
from forecasts.extraction.events import (
    DatedEvent,
    dated_events,
    event_deadline,
    financial_year_deadline,
    financial_year_end,
    fiscal_quarter_end,
    season_deadline,
    season_end,
    southern_hemisphere,
    span_from_event,
)
from forecasts.extraction.exclusions import (
    _DECLINED,
    _DISCLAIMED,
    _NEVER_SAY,
    _condition,
    _excluded,
    _hope_start,
)
from forecasts.extraction.layout import (
    _BYLINE,
    _BYLINE_REACH,
    _QUESTION_TURN,
    _ROUNDUP_HEADER,
    _label_speaker,
    _press_release_issuer,
    _quotes_running_on,
    _sentence_regions,
    _title_case_heading,
    _transcript_labels,
)
from forecasts.extraction.modals import (
    _AT_THE_CURRENT_RATE,
    _CHECKABLE_PREDICATE,
    _checkable_predicate,
)
from forecasts.extraction.names import (
    _GENERIC_SUBJECT,
    _SPEECH,
    _agency_credit,
    _classify,
    _Document,
    _Entity,
    _link_to_owner,
    _Mention,
    _mentions_in,
    _name_runs,
    _part_of,
    _remembered_as_alias,
)
from forecasts.extraction.quantities import _BARE_MODALS, _NO_STATED_LIKELIHOOD, Quantity, _quantity
from forecasts.extraction.sentences import (
    _LINE,
    _LOOK_AROUND,
    _MONTH_NAMES,
    _NAME_TAG_OPENING,
    Sentence,
    _inside,
    _quote_only,
    _quote_regions,
    split_sentences,
)
from forecasts.extraction.spans import _span, _trim_span
from forecasts.extraction.speakers import (
    _FIRM_NAMING_REACH,
    _NAMED_ODDS,
    _NOT_A_PICK,
    _PANELLIST,
    _PRICED_WITH,
    _TIPSTER,
    _Attribution,
    _attribution,
    _central_bank_named_later,
    _firm_named_later,
    _fullest_org,
    _group_gives,
    _learn_names,
    _learn_unnamed_bodies,
    _named_in_full,
    _organisations_of,
    _post_holder_next,
    _report_owner,
)

CandidateKind = Literal["probability", "quantity"]


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


_POSSESSIVE_AFTER: Final = re.compile(r"['’]s?\b")


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
    # "should fall steadily through January": the month the course runs to
    rf"until|before|from|through|into)\s+(?:{_MONTH_NAMES})\b"
    # "December should be close to normal": the month as the subject is the time the claim is
    # about
    rf"|^\W*(?:{_MONTH_NAMES})\s+(?=(?:should|will|would|could|might|may|is|looks)\b)",
    re.IGNORECASE,
)


# "Second, Strom will top the first round.": a numbered point in a list of calls, the event
# it names the thing to be checked. "First, it should stop promising ...": a numbered piece of
# advice is no call.
_NUMBERED_POINT: Final = re.compile(
    r"^\W*(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)(?:ly)?,\s"
    r"(?:(?!\b(?:should|must|ought|needs?)\b)[^.;])*?\b(?:will|won['’]t)\b",
    re.IGNORECASE,
)


# "It won't." answers the sentence before it, which names what is meant.
_ELLIPTICAL_WORDS: Final = 4
# "That is not going to happen.": as short as "That won't happen." once the modal is one word.
_GOING_TO: Final = re.compile(r"\b(?:is|are|am)\s+(?:not\s+)?going\s+to\b", re.IGNORECASE)


def _elliptical(text: str) -> bool:
    if len(text.split()) <= _ELLIPTICAL_WORDS:
        return True
    return "going" in text and len(_GOING_TO.sub("will", text).split()) <= _ELLIPTICAL_WORDS


# "They may be.", "It could.": a bare possibility leans on nothing it could be checked by.
_BARE_POSSIBILITIES: Final = frozenset({"may", "might", "could"})


def _short_and_checkable(text: str, cues: list[_Cue]) -> bool:
    """A sentence short enough to take its event from the one before ("It won't."), unless
    all it says is that something may be (LABELLING.md, possibility): "They may be." rules
    nothing out, whatever the question was."""
    if not _elliptical(text):
        return False
    return not all(cue.phrase in _BARE_POSSIBILITIES for cue in cues)


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
    reading = _RETIRED.sub(lambda retired: " " * len(retired.group()), text)
    found = _candidates(reading, published_at, url, min_confidence)
    if reading == text:
        return found
    return [
        replace(
            candidate,
            sentence=text[candidate.start : candidate.end],
            span=text[candidate.span_start : candidate.span_end],
        )
        for candidate in found
    ]


# "Col. (ret.) Anna Holm": the rules read the rank and the name as if the aside were not
# there; blanked to spaces of its own length, so every offset holds in the text as given.
_RETIRED: Final = re.compile(r"(?<=\.)\s\([Rr]et\.\)(?=\s)")


def _candidates(
    text: str, published_at: datetime | None, url: str | None, min_confidence: float
) -> list[Candidate]:
    document = _Document(article=text, southern=southern_hemisphere(text))
    sentences = split_sentences(text)
    paragraphs = [line for line in _LINE.finditer(text) if line.group().strip()]
    quotes = [_quote_regions(line.group()) for line in paragraphs]
    regions = _sentence_regions(sentences, paragraphs, quotes)
    document.quote_runs_on = _quotes_running_on(paragraphs, quotes)
    document.issuer = _press_release_issuer([line.group() for line in paragraphs], document)
    labels = _transcript_labels(text)
    chairs = _chairs([line.group() for line in paragraphs], labels) if labels else set()
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
    known_before: list[int] = []
    # "Where is the rate at the end of next year?" - "Three percent.": the time the question
    # names dates the short answer that takes its claim from it
    asked_by: Deadline | None = None
    # "How big is the risk of a recession?" - "I'd put it at about 15%.": the figure put on
    # "it" is the chance the question asks for
    asked_odds = False
    for index, sentence in enumerate(sentences):
        label = labels.get(sentence.paragraph)
        known = len(document.entities)
        known_before.append(known)
        document.known_before_sentence = known
        if label == _QUESTION_TURN:
            document.begin_questions(sentence.paragraph)
        elif (
            label is not None
            and document.question_paragraph >= 0
            and sentence.paragraph - 1 not in labels
            and labels.get(sentence.paragraph - 2) != label
            and document.previous_paragraph == sentence.paragraph - 1
        ):
            # "We asked six people: how many seats?" - "Priya Sandoval-Hart, analyst" -
            # "Around 63.": under each name-and-role line, the shared question answered again
            document.question_paragraph = sentence.paragraph - 1
        elif _second_guest_answers(sentence, label, labels, document):
            # "PENNICK: Three percent." - "SOLHEIM-RUIZ: Between 3.25% and 3.5%.": a second
            # guest answers the question the first just did
            document.question_paragraph = sentence.paragraph - 1
        attribution, candidate = _candidate(
            sentence, regions[index], document, published_at, url, label, sentences, index
        )
        attributed.append(attribution)
        if label in chairs and not _relays_news(sentence, attribution, sentences, index):
            # the chair hands the floor and runs the session; what they announce is its order
            candidate = None
        if (
            candidate is not None
            and candidate.deadline is None
            and asked_by is not None
            and candidate.reason == _SHORT_ANSWER_CUE.reason
            and sentence.paragraph == document.question_paragraph + 1
        ):
            candidate = replace(
                candidate, deadline_phrase=asked_by.phrase, deadline=asked_by.deadline
            )
        if (
            candidate is not None
            and asked_odds
            and candidate.probability is None
            and sentence.paragraph == document.question_paragraph + 1
        ):
            candidate = _odds_put_on_it(candidate)
        if not _title_case_heading(sentence):
            _learn_names(sentence, regions[index], document)
            if attribution.verb_start >= 0 and attribution.speaker is not None:
                # "Raman said Okafor would win. '...,' she said": the one who spoke, not the
                # one spoken of, is whom the next pronoun means
                _keep_speaker_salient(attribution.speaker, document)
            if sentence.heading and sentence.paragraph == 0:
                for entity in document.entities[known:]:
                    entity.headline = True
        if sentence.heading and document.issuer is not None and sentence.paragraph > byline:
            document.signed_by = _commentary_signer(sentence.text)
        # "Can anyone win a majority?": whether an outcome is to come asks about the future too
        ahead = (
            _FUTURE_QUESTION.search(sentence.text) is not None
            or _CAN_THEY_WIN.match(sentence.text) is not None
        )
        if sentence.text.rstrip().endswith("?") or (
            # "Q: Some analysts say your growth will stop in 2029." - "I don't think so.": an
            # interviewer's turn that ends on a claim, not a question, puts it to be answered
            label == _QUESTION_TURN
            and document.asked_paragraph != sentence.paragraph
            and (
                index + 1 == len(sentences) or sentences[index + 1].paragraph != sentence.paragraph
            )
        ):
            follow_up = _follows_up_ahead(sentence, document)
            handed_on = _hands_question_on(sentence, document)
            document.asked_paragraph = sentence.paragraph
            if ahead or follow_up or handed_on or document.ahead_paragraph == sentence.paragraph:
                # "Twelve months from now, where is Brent? Sigrid?": the name that hands the
                # question on keeps the time it asked about
                same_turn = handed_on or document.question_paragraph == sentence.paragraph
                document.question_paragraph = sentence.paragraph
                asked_odds = _ASKS_ODDS.search(sentence.text) is not None or (
                    same_turn and asked_odds
                )
                asked_by = next(
                    (
                        deadline
                        for deadline in find_deadlines(
                            sentence.text, published_at=published_at, southern=document.southern
                        )
                        if deadline.firm and deadline.deadline is not None
                    ),
                    asked_by if same_turn else None,
                )
        if ahead:
            document.ahead_paragraph = sentence.paragraph
        document.previous_paragraph = sentence.paragraph
        # above the byline: the headline and standfirst, which repeat the body's claims
        if candidate is not None and sentence.paragraph >= byline:
            found.append((index, candidate))
    candidates = []
    events = dated_events(text, published_at=published_at) if published_at is not None else []
    year_end = financial_year_end(text, published_at=published_at) if published_at else None
    last_day = season_end(text, published_at=published_at) if published_at else None
    for index, candidate in found:
        post = attributed[index].post
        holder = document.post_holders.get((post, candidate.speaker or "")) or _named_later(
            post, known_before[index], document
        )
        if post and holder is not None and not candidate.speakers:
            candidate = replace(candidate, speaker=holder)
        if (holder := _lede_post_holder(index, sentences, known_before, document)) is not None:
            candidate = replace(candidate, speaker=holder, speakers=())
        if candidate.speaker is None and not attributed[index].generic:
            candidate = replace(
                candidate,
                speaker=_central_bank_named_later(sentences[index].text, document)
                or _firm_named_later(
                    sentences[index].text,
                    [later.text for later in sentences[index + 1 : index + 1 + _FIRM_NAMING_REACH]],
                    document,
                ),
            )
        if candidate.speakers:
            # "two consultancies said ...", then "Portwise expects ...": a firm named again by
            # the short form of a name the article gave in full
            candidate = replace(
                candidate,
                speaker=candidate.speaker and _fullest_org(candidate.speaker, document),
                speakers=tuple(_fullest_org(name, document) for name in candidate.speakers),
            )
        full = _named_in_full(candidate.speaker, document) if candidate.speaker else None
        if full is not None:
            candidate = replace(candidate, speaker=full)
        if (candidate.speaker is None or attributed[index].carried) and _quote_only(
            sentences[index].text, regions[index]
        ):
            candidate = _attributed_later(candidate, index, sentences, regions, attributed)
            candidate = _holder_in_full(candidate, document)
        candidate = _dated_by_article(
            candidate, sentences[index], events, year_end, last_day, published_at
        )
        if candidate.confidence >= min_confidence:
            candidates.append(candidate)
    return candidates


# The first name of whoever speaks in a turn: "VIKTOR HALE (Capital Wire): " -> "VIKTOR".
_TURN_FIRST_NAME: Final = re.compile(r"^\s*(?P<first>[A-Z][A-Za-z'’-]+)[^:\n]{0,60}:\s")

# How often a label must call on the next speaker by name to be taken for the chair.
_CHAIR_CALLS: Final = 2


# "said this week it expected", "said today that it expects": a source's forecast reported as
# news of the day, with when it was made.
_DATED_REPORT: Final = re.compile(
    r"\bsaid\s+(?:in\s+a\s+[\w-]+\s+)?(?:this\s+(?:week|morning|afternoon|evening|month)|today|"
    r"yesterday|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\s+(?:that\s+)?"
    r"(?:it|they|he|she)\s+(?:now\s+)?(?:expects?|expected|forecasts?|predicts?|predicted|"
    r"projects?|projected|sees|saw)\b"
)


# "How big is the risk of a recession?", "What are the odds of a cut?": a question that asks
# how likely an event is.
_ASKS_ODDS: Final = re.compile(
    r"\b(?:risks?|chances?|odds|likelihood|probability)\s+(?:of|that|is|are)\b", re.IGNORECASE
)


# "put it at about 15 per cent": a percentage on "it", the event the question named.
_PUT_IT_PERCENT: Final = re.compile(
    r"\bputs?\s+it\s+at\s+(?:about\s+|around\s+|roughly\s+)?(?P<figure>\d{1,2}(?:\.\d)?)\s?"
    r"(?:%|per\s*cent|percent)(?!\s+(?:a\s+year|growth|inflation|of\b))"
)


def _odds_put_on_it(candidate: Candidate) -> Candidate:
    put = _PUT_IT_PERCENT.search(candidate.sentence)
    if put is None:
        return candidate
    return replace(
        candidate,
        probability=round(float(put.group("figure")) / 100, 3),
        probability_basis="stated",
        probability_reason=None,
        kind="probability",
        quantity=None,
    )


def _relays_news(
    sentence: Sentence, attribution: _Attribution, sentences: list[Sentence], index: int
) -> bool:
    """A host's turn that reads out a named source's dated statement before the question
    ("The central bank said this week it expected ... Is that realistic?"): the view is the
    source's, reported as news; the question comes after it in the same turn."""
    return (
        attribution.speaker is not None
        and not attribution.generic
        and attribution.verb_start >= 0
        and index + 1 < len(sentences)
        and sentences[index + 1].paragraph == sentence.paragraph
        and not sentence.text.rstrip().endswith("?")
        and _DATED_REPORT.search(sentence.text) is not None
    )


def _chairs(paragraphs: list[str], labels: dict[int, str]) -> set[str]:
    """Labels of a moderator: turns that call on whoever speaks next by first name
    ("Rania.", "Viktor, you had your hand up first.", "Last question, Dmitri.")."""
    calls: dict[str, int] = {}
    for index, label in labels.items():
        if label == _QUESTION_TURN or index + 1 >= len(paragraphs):
            continue
        following = _TURN_FIRST_NAME.match(paragraphs[index + 1])
        if following is None:
            continue
        name = following.group("first").title()
        turn = paragraphs[index].split(":", 1)[-1].strip()
        if re.match(rf"{re.escape(name)}\b[.,]", turn) or turn.endswith(f", {name}."):
            calls[label] = calls.get(label, 0) + 1
    return {label for label, count in calls.items() if count >= _CHAIR_CALLS}


def _holder_in_full(candidate: Candidate, document: _Document) -> Candidate:
    """ "That is the view of Dr. Ostrowski-Adebayo": the person a later sentence credits by
    surname, given by the fullest name the article has for her."""
    known = document.known(candidate.speaker) if candidate.speaker else None
    if known is None or known.kind != "person" or known.name == candidate.speaker:
        return candidate
    return replace(candidate, speaker=known.name)


def _second_guest_answers(
    sentence: Sentence, label: str | None, labels: dict[int, str], document: _Document
) -> bool:
    """A guest's turn straight after another guest's answer to the question above both."""
    before = labels.get(sentence.paragraph - 1)
    return (
        label is not None
        and sentence.paragraph == document.question_paragraph + 2
        and document.previous_paragraph == sentence.paragraph - 1
        and before not in (None, _QUESTION_TURN, label)
    )


def _dated_by_article(
    candidate: Candidate,
    sentence: Sentence,
    events: list[DatedEvent],
    year_end: datetime | None,
    last_day: Deadline | None,
    published_at: datetime | None,
) -> Candidate:
    """A claim's deadline from what the article says elsewhere: "within a month of polling
    day" counted from the dated vote; "in the third quarter" of a company whose year ends in
    May, its own quarter; and for a claim with no time of its own, the day of the contest
    it is about, the last day of the season ("we will stay up"), or the end of the
    financial year ("full-year revenue")."""
    candidate = _with_deadline(candidate, span_from_event(sentence.text, events))
    if published_at is not None and candidate.deadline_phrase is not None:
        end = fiscal_quarter_end(
            candidate.deadline_phrase, year_end=year_end, published_at=published_at
        )
        candidate = candidate if end is None else replace(candidate, deadline=end)
    if candidate.deadline is None:
        candidate = _with_deadline(candidate, event_deadline(sentence.text, sentence.start, events))
    if candidate.deadline is None:
        candidate = _with_deadline(candidate, season_deadline(sentence.text, last_day))
    if candidate.deadline is None and published_at is not None:
        found = financial_year_deadline(sentence.text, year_end=year_end, published_at=published_at)
        candidate = _with_deadline(candidate, found)
    return candidate


def _with_deadline(candidate: Candidate, deadline: Deadline | None) -> Candidate:
    if deadline is None:
        return candidate
    return replace(candidate, deadline_phrase=deadline.phrase, deadline=deadline.deadline)


def _lede_post_holder(
    index: int, sentences: list[Sentence], known_before: list[int], document: _Document
) -> str | None:
    """The person a paragraph's closing "..., the chief medical officer told MPs" means, when
    the next paragraph opens on them."""
    sentence = sentences[index]
    following = sentences[index + 1] if index + 1 < len(sentences) else None
    if following is None or following.paragraph != sentence.paragraph + 1:
        return None
    return _post_holder_next(sentence.text, following.text, known_before[index], document)


def _keep_speaker_salient(speaker: str, document: _Document) -> None:
    person = document.known(speaker)
    if person is not None and person.kind == "person" and person in document.last_person:
        document.last_person.remove(person)
        document.last_person.append(person)


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
        holder = _view_holder(sentences[later].text)
        if holder is not None:
            return replace(candidate, speaker=holder, confidence=_boosted(candidate.confidence))
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


# "..., according to the last poll published before the vote." then "The survey by Institut
# Lémanique, ...": a lede's source, named in the sentence after.
_UNNAMED_SOURCE: Final = re.compile(
    r"\baccording\s+to\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(?P<noun>poll|survey|forecast|"
    r"projection|study|report|model|analysis)\b",
    re.IGNORECASE,
)


_SOURCE_NAMED: Final = (
    r"(?:[Tt]he|[Tt]hat|[Tt]his)\s+(?:[\w-]+\s+)?{noun},?\s+"
    r"(?:(?:conducted|carried\s+out|published|run|compiled)\s+)?by\s+"
)


def _source_named_next(index: int, sentences: list[Sentence]) -> _Attribution | None:
    """A writer's sentence "according to the latest poll" takes the pollster the next
    sentence names ("The survey by Kell Research, ..."), as the reader does."""
    text = sentences[index].text
    if "ccording" not in text:
        revised = _COUNTED_REVISERS.search(text)
        if revised is None and (" said" in text or "ing " in text):
            revised = _COUNTED_SAYERS.search(text)
        return _sources_named_after(revised, index, sentences) if revised else None
    counted = _COUNTED_SOURCES.search(text) or _COUNTED_ACCORDING.search(text)
    if counted is not None:
        return _sources_named_after(counted, index, sentences)
    unnamed = _UNNAMED_SOURCE.search(text)
    if unnamed is None:
        return None
    noun = unnamed.group("noun").lower()
    named = re.compile(_SOURCE_NAMED.format(noun="(?:poll|survey)" if noun in _POLLS else noun))
    for later in sentences[index + 1 : index + 1 + _SOURCE_REACH]:
        match = named.search(later.text)
        if match is None:
            continue
        runs = _name_runs(later.text[match.end() :])
        if not runs or runs[0].start > 0:
            return None  # "The survey by the broadcaster ...": no name to give it
        return _Attribution(runs[0].text, verb_start=unnamed.start(), verb_end=unnamed.end())
    return None


_POLLS: Final = frozenset({"poll", "survey"})


# "..., according to forecasts published this week by two research firms.", then each firm
# opening a sentence of its own ("Calloway Data Group said ...").
_COUNTED_SOURCES: Final = re.compile(
    r"\baccording\s+to\s+(?:[\w-]+\s+){0,3}?(?:forecasts|estimates|projections|surveys|"
    r"reports|analyses)\b[^.;]{0,40}?\bby\s+(?P<count>two|three|four)\s+(?:[\w-]+\s+)?"
    r"(?:firms|groups|companies|banks|consultancies|agencies|institutes|organisations|"
    r"organizations)\b",
    re.IGNORECASE,
)


# "two banks", "three forecasting firms": a count of bodies, to be named one by one.
_COUNTED_BODIES: Final = (
    # "two U.S. banks": a place's initials may say where they are
    r"(?:\b(?P<count>two|three|four)\s+(?:(?:[A-Z]\.){2,}\s+|[\w-]+\s+)?(?:banks|firms|"
    r"brokerages|consultancies|agencies|forecasters|institutes)"
    # "Two of the biggest commodity desks in London": which ones, and where they are
    r"|\b(?P<among>two|three|four)\s+of\s+the\s+(?:[\w-]+\s+){0,2}(?:banks|firms|desks|houses|"
    r"brokerages|consultancies)(?:\s+in\s+[A-Z][\w-]*)?)"
)


# "..., according to two U.S. banks that cut their forecasts on Thursday.": the count, as the
# lede's source.
_COUNTED_ACCORDING: Final = re.compile(r"\baccording\s+to\s+" + _COUNTED_BODIES, re.IGNORECASE)


# "..., and two banks cut their price forecasts for next year, saying a glut would build":
# a lede's count of forecasters, each named at the head of a sentence after it.
_COUNTED_REVISERS: Final = re.compile(
    _COUNTED_BODIES + r"\s+(?:cut|raised|lowered|trimmed|lifted|revised|"
    r"downgraded|upgraded)\s+(?:their|its)\s+[^.;]{0,80}?,\s+(?:saying|predicting|"
    r"forecasting|warning)\b",
    re.IGNORECASE,
)


# "..., and two banks said Brent would likely slip below $70": the same count, saying it.
_COUNTED_SAYERS: Final = re.compile(
    # "two banks told clients that ...": a note to clients says it too
    # "with two major banks predicting that ...": the count as the subject of a participle
    _COUNTED_BODIES + r"\s+(?:said|told\s+(?:clients|investors|customers)|predicting|"
    r"forecasting|expecting|projecting)\b",
    re.IGNORECASE,
)


_COUNTS: Final = {"two": 2, "three": 3, "four": 4}


def _counted_bodies_speak(text: str) -> bool:
    """ "Oil fell after OPEC+ held output, and two banks cut their forecasts, saying ...": the
    counted banks hold the claim, not the body the clause before them names."""
    return _COUNTED_REVISERS.search(text) is not None or _COUNTED_SAYERS.search(text) is not None


def _sources_named_after(
    counted: re.Match[str], index: int, sentences: list[Sentence]
) -> _Attribution | None:
    """The firms a lede counts, named one by one at the head of the sentences after it."""
    wanted = _COUNTS[(counted.group("count") or counted.group("among")).lower()]
    names: list[str] = []
    for later in sentences[index + 1 : index + 1 + _COUNTED_REACH]:
        names.extend(name for name in _heading_firms(later.text) if name not in names)
        if len(names) >= wanted:
            break
    if not names:
        return None
    # "two banks said", then one bank heading its paragraph and the other's analyst quoted
    # ("..., wrote X, head of commodities at Y"): the bank named first is still one of them
    return _Attribution(
        names[0], verb_start=counted.start(), verb_end=counted.end(), speakers=tuple(names)
    )


_COUNTED_REACH: Final = 8


# "Analysts at Stellard Bank cut their forecast": the firm the analysts speak for.
_ANALYSTS_AT: Final = re.compile(r"(?:Analysts|Economists|Strategists)\s+(?:at|from)\s+")


def _heading_firms(text: str) -> list[str]:
    """The firms a sentence opens on as the subject of a forecast: "Harrowgate Bank cut its
    forecast", "Analysts at X and Y cut their forecasts", "X and Y both said"."""
    analysts = _ANALYSTS_AT.match(text)
    start = analysts.end() if analysts else 0
    runs = [run for run in _name_runs(text) if run.start >= start]
    # "Its analysts said": a pronoun's capital, no firm
    if not runs or runs[0].start != start or runs[0].text.lower() in _NOT_FIRMS:
        return []
    names, end = [runs[0].text], runs[0].end
    if len(runs) > 1 and re.fullmatch(r"\s+and\s+", text[end : runs[1].start]):
        names, end = [*names, runs[1].text], runs[1].end
    return names if _FIRM_SPEAKS.match(text, end) else []


_NOT_FIRMS: Final = frozenset({"its", "their", "the", "both"})


# "Calloway Data Group said on Tuesday that it now expects", "Penrose Analytics forecasts"
_FIRM_SPEAKS: Final = re.compile(
    # "X and Y, in separate notes on Monday, cut their forecasts": an aside before the verb
    r"(?:,[^,;.]{1,60},)?"
    r",?\s+(?:\w+\s+){0,2}?(?:said|says|expects|expected|forecast|forecasts|predicts|predicted|"
    r"sees|saw|estimates|estimated|projects|projected|"
    # "Harbourline Capital lowered its 2027 Brent forecast": a revision names the forecaster
    r"(?:cut|raised|lowered|trimmed|lifted|revised)\s+(?:its|their))\b"
)


_SOURCE_REACH: Final = 2


# "That is the view of Dorian Haque, who ...": a feature's way to name whose quotation opened
# it.
_VIEW_OF: Final = re.compile(
    r"^\s*(?:That|This|Such)\s+(?:is|was)\s+the\s+(?:view|verdict|assessment|prediction|"
    r"forecast|opinion|message|warning|reading|call)\s+(?:of|from)\s+"
    # "The speaker, Dmitri Lund, has traded crude for three decades": the quotation's owner,
    # introduced after it
    r"|^\s*The\s+speaker(?:,\s+|\s+(?:is|was)\s+)"
)


# "Karoline Dahl, chief economist at X, made that call in a phone interview": the same, with
# the holder first.
_MADE_THAT_CALL: Final = re.compile(
    r"(?:,[^,;]{1,120},)?\s+(?:made|gave|offered|delivered)\s+(?:that|this|the)\s+"
    r"(?:call|prediction|forecast|assessment|verdict|view)\b"
)


def _view_holder(text: str) -> str | None:
    opening = _VIEW_OF.match(text)
    if opening is None:
        runs = _name_runs(text[:_VIEW_HOLDER_REACH])
        if runs and runs[0].start == 0 and _MADE_THAT_CALL.match(text, runs[0].end):
            return runs[0].text
        return None
    rest = text[opening.end() :]
    runs = _name_runs(rest)
    if not runs or runs[0].start != 0:
        return None
    post = _POST_THEN_HOLDER.match(rest, runs[0].end)
    if post is not None and len(runs) > 1 and runs[1].start == post.end():
        # "That was the view of Rainier's head of energy strategy, Omar Feldt-Casey": the
        # holder of the firm's post, not the firm
        return runs[1].text
    return runs[0].text


# "(Rainier)'s head of energy strategy, ": a firm's post in lower case, its holder's name
# after it (the firm's name run holds its "'s").
_POST_THEN_HOLDER: Final = re.compile(
    r"(?:['’]s)?\s+(?:[a-z][\w-]*\s+){0,5}?[a-z][\w-]*,\s+(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?"
)


# How far into a sentence its holder's name may run.
_VIEW_HOLDER_REACH: Final = 80


def _boosted(confidence: float) -> float:
    return round(min(confidence + 0.05, 0.99), 2)


def _candidate(
    sentence: Sentence,
    regions: list[tuple[int, int]],
    document: _Document,
    published_at: datetime | None,
    url: str | None,
    label: str | None,
    sentences: list[Sentence],
    index: int,
) -> tuple[_Attribution, Candidate | None]:
    attribution = _sentence_attribution(sentence, regions, document)
    if attribution.speaker is None and "/" in sentence.text:
        attribution = _bookmaker_before(index, sentences) or attribution
    if attribution.speaker is None and "):" in sentence.text:
        attribution = _boxed_quote(sentence.text) or attribution
    if " they " in sentence.text:
        # the group the sentence opens on is whom its "which they give" means, not a speaker
        # of an earlier sentence
        attribution = _group_gives(sentence.text, document) or attribution
    # "..., now that OPEC+ has agreed ..., according to two U.S. banks": the count is the
    # source, not a body the clause names
    counted = "ccording" in sentence.text and _COUNTED_ACCORDING.search(sentence.text) is not None
    counted = counted or _counted_bodies_speak(sentence.text)
    if attribution.speaker is None or counted:
        named = _source_named_next(index, sentences)
        # "two banks cut their forecasts": a count of unnamed banks, each named after
        if named is not None and (not attribution.generic or named.speakers):
            attribution = named
    if label == _QUESTION_TURN and not _relays_news(sentence, attribution, sentences, index):
        # "Q: Your rival says calls will be available in 2028. Will they?", "Q: The ministry
        # expects growth of 1.4%.": whatever the interviewer puts to the interviewee, a named
        # source's view among it, frames a question (LABELLING.md, thirteenth split)
        return attribution, None
    answerer = None
    if label is not None and label != _QUESTION_TURN:
        answerer = _label_speaker(label, document)
    if answerer is not None and (
        (attribution.speaker is None and not attribution.generic)
        or _TOLD_THE_ANSWERER.match(sentence.text, max(attribution.verb_start, 0))
    ):
        # "the Treasury has told us as much": what the interviewee was told backs their own
        # claim, which stays theirs
        attribution = _Attribution(answerer, answer=True)
        if _OUR_MODELS.match(sentence.text) is not None:
            # "Our models put the peak at ...": the interviewee speaks for the institution
            # whose models they are
            institution = document.first_organisation()
            attribution = _Attribution(institution or answerer, answer=True)
    elif (
        document.issuer is not None
        and attribution.speaker is None
        and not attribution.generic
        and not _quote_only(sentence.text, regions)
    ):
        # a commentary signed inside the release is its signer's; the rest is the issuer's
        attribution = _Attribution(document.signed_by or document.issuer, issued=True)
    if (
        not attribution.answer
        and attribution.speaker is not None
        and (
            _OUR_MODELS.match(sentence.text)
            or _OUR_BASE_CASE.match(sentence.text)
            or _WE_PRICE.match(sentence.text)
        )
    ):
        # "'Our model has them on 48 seats,' she said": a named employee quoting her firm's
        # or agency's forecasting work speaks for it (LABELLING.md); "'We make X 5/4,' he
        # said": a bookmaker's trader quotes the firm's prices
        employer = _employer(attribution.speaker, document)
        if employer is not None:
            attribution = replace(attribution, speaker=employer, own=())
    if attribution.answer and attribution.speaker and _WE_PRICE.match(sentence.text):
        # "We make National Renewal 4/6": a bookmaker's trader quotes the firm's prices
        employers = _organisations_of(attribution.speaker, document)
        if employers:
            attribution = _Attribution(employers[0], answer=True)
    if _excluded(sentence) or _dated_before(sentence.text, attribution, published_at):
        return attribution, None
    if (
        attribution.speaker is not None
        and not attribution.answer
        and _OWN_LABEL.match(sentence.text)
    ):
        # "Our view: Whitcombe wins the runoff": the label makes the pick the writer's, not a
        # claim of the side it names
        attribution = _Attribution(None)
    if attribution.speaker is not None:
        speaker = attribution.speaker
        own = _organisations_of(speaker, document)
        known = document.known(speaker)
        if (attribution.issued and speaker == document.issuer) or (
            known is not None and known.kind == "org"
        ):
            # "The Ministry will expand the programme" in its release, "Veltrion will begin
            # shipments in March, the company said": a body's own acts are its to decide
            own = (speaker, *own)
        attribution = replace(attribution, own=own)
    found = _cues(sentence, regions, attribution)
    short = (
        attribution.answer
        # an explainer's "Probably." under its question heading is the writer's answer
        or (attribution.speaker is None and _HEDGE_ANSWER.match(sentence.text) is not None)
        or _QUOTED_ANSWER.match(sentence.text) is not None
    ) and _short_answer(sentence, document)
    short = short or _answers_question_before(sentence, sentences, index)
    short = short or _answers_asked_whether(sentence.text)
    short = short or (
        attribution.answer
        and (
            _bare_answer_to_will(sentence, sentences, index)
            or _other_case(sentence, sentences, index)
        )
    )
    short = short or (
        # "They are fitter. Port Allin by a goal.": a source's tip inside their quotation
        # a panellist's pick under the line that names them is theirs
        (attribution.speaker is None or attribution.answer or _quote_only(sentence.text, regions))
        and _TIP.match(sentence.text) is not None
    )
    short = (
        short
        # "Our verdict: Kelsall to edge it, but ...": a pick the writer labels as theirs
        or _VERDICT_TIP.match(sentence.text) is not None
        or (":" in sentence.text and _COLON_TIP.search(sentence.text) is not None)
        # a panellist's answer under the panel's question is a pick as the writer's is
        or (
            (attribution.speaker is None or attribution.answer)
            and _under_picks_heading(sentences, index)
        )
        or (attribution.speaker is None and _after_picks_lead_in(sentences, index))
        or (
            (attribution.speaker is None or attribution.answer)
            and ":" in sentence.text
            and _labelled_pick(sentences, index, label if attribution.answer else None)
        )
        # '"Kelsall 2-1, after extra time," he said.': a source's pick, quoted and attributed
        or (attribution.speaker is not None and _SAID_TIP.match(sentence.text) is not None)
        or (attribution.speaker is not None and _panel_pick(sentence.text))
        # "Redvale and Ashmoor go down.": a panellist's pick of the sides that go down
        or (attribution.answer and _SIDES_GOING.match(sentence.text) is not None)
        # "Pushed for a pick: 1-1, ...", "Prediction, then: Ambersley by four": the call the
        # label says it is, the writer's or a panellist's
        or (
            (attribution.speaker is None or attribution.answer)
            and ":" in sentence.text
            and _CALL_LABEL.match(sentence.text) is not None
        )
        or (attribution.answer and ":" in sentence.text and _labelled_name(sentence.text, label))
    )
    if short and all(cue.kind == "weak" for cue in found):
        # "Perhaps 11, if the pier opens.": the question makes the hedge a forecast, whose
        # weight the answer's "perhaps" does not lower
        found = [*found, _SHORT_ANSWER_CUE]
    declined = _DECLINED.search(sentence.text) or (
        _NEVER_SAY.search(sentence.text) if "never" in sentence.text else None
    )
    if declined is not None:
        # "The ministry, which forecasts growth of 1.1%, declined to comment": what comes
        # before the refusal still stands; what it refuses to say does not
        found = [cue for cue in found if cue.end <= declined.start()]
    market = (
        _MARKET_EXPECTATION.search(sentence.text)
        if "expectations" in sentence.text
        or "bets" in sentence.text
        or "speculation" in sentence.text
        else None
    )
    if market is not None:
        # "Oil fell ... against expectations that OPEC+ will extend its cuts": the market's
        # expectation, nobody's to track; what the sentence says before it still stands
        found = [cue for cue in found if cue.end <= market.start()]
    disclaimed = _DISCLAIMED.search(sentence.text) if " not " in sentence.text else None
    if disclaimed is not None:
        # "We are not saying every week will be hot, but ...": what is disowned is no claim
        found = [cue for cue in found if not disclaimed.start() <= cue.start < disclaimed.end()]
    if "hop" in sentence.text or "wish" in sentence.text:
        # "..., a wave of robots that start-ups hope will reach homes": what is hoped is no claim
        hoped = _hope_start(sentence.text)
        found = [cue for cue in found if cue.end <= hoped]
    # Deadlines are the costliest search: look for them only where a cue is.
    if not found:
        return attribution, None
    deadlines = [
        deadline
        for deadline in find_deadlines(
            sentence.text, published_at=published_at, southern=document.southern
        )
        # "this year's rise could unwind": the year names the rise, it bounds no event
        if not _POSSESSIVE_AFTER.match(sentence.text, deadline.end)
    ]
    # a time named in passing dates a claim found otherwise, and is no sign of one itself
    dated = any(deadline.firm for deadline in deadlines)
    cues = _oriented(found, sentence.text, regions, attribution, dated)
    if not cues and short:
        # "Probably.": the hedge has no event of its own to look ahead to; the question has
        cues = [cue for cue in found if cue.kind == "hedge"] or [_SHORT_ANSWER_CUE]
    if not cues:
        return attribution, None
    # a short answer's bare "it will be worse" takes what to check from the question
    if not short and _nothing_to_check(sentence.text, cues, regions, attribution, dated):
        return attribution, None
    called = _writer_s_call(sentence.text, cues, attribution) and (
        # "Redfern will lose at least two of the four wards": a bound on a count, in words, is
        # the number a record settles, as a figure would be
        _BOUND_IN_WORDS.search(sentence.text) is not None
        # "He will not carry every province": a contest's result, which the count settles
        or any(_CONTEST_RESULT.match(sentence.text, cue.end) is not None for cue in cues)
        or _writer_s_picks(sentences, index)
    )
    return attribution, _build(sentence, cues, regions, attribution, deadlines, url, called)


def _writer_s_call(text: str, cues: list[_Cue], attribution: _Attribution) -> bool:
    """The writer's bare "will" about an outcome a record settles ("X will finish first",
    "will enter parliament with between eight and twelve seats"), not an act of a body
    ("works will close the line"), which timetables announce."""
    if attribution.speaker is not None or attribution.generic:
        return False
    if not all(cue.kind in _BARE_KINDS and cue.phrase in _BARE_MODALS for cue in cues):
        return False
    return _RANGE_IN_WORDS.search(text) is not None or any(
        _CHECKABLE_PREDICATE.match(after) is not None and _BE_NAMED.match(after) is None
        for cue in cues
        if (after := text[cue.end : cue.end + _LOOK_AROUND])
    )


# "with between eight and twelve seats", "three or four points": a range counted in words.
_NUMBER_WORD: Final = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)"
)
_RANGE_IN_WORDS: Final = re.compile(
    rf"\b{_NUMBER_WORD}\s+(?:and|to|or)\s+{_NUMBER_WORD}\s+[a-z]", re.IGNORECASE
)


# "at least two of the four wards", "more than three seats"; not "at least three weeks", how
# long an absence or a closure lasts.
_BOUND_IN_WORDS: Final = re.compile(
    rf"\b(?:at\s+least|at\s+most|more\s+than|fewer\s+than|no\s+more\s+than)\s+{_NUMBER_WORD}\b"
    r"(?!\s+(?:more\s+)?(?:days?|weeks?|months?|years?|games?|matches)\b)",
    re.IGNORECASE,
)


# "will not carry every province", "will win the runoff", "will lose the seat": the result
# of a vote or a match; not "will lose their jobs" or "will win support".
_CONTEST_RESULT: Final = re.compile(
    r"\s+(?:not\s+)?(?:win|lose|carry)\s+(?:the|this|that|every|each|its|their|his|her)\s+"
    r"(?:[\w-]+\s+)?(?:race|election|vote|runoff|primary|referendum|seats?|wards?|districts?|"
    r"provinces?|states?|count(?:y|ies)|regions?|constituency|title|final|match|game|series|"
    r"league|cup|contest)\b"
)


# "The referee will be Jonathan Ferrier": who fills a post, as often announced as called.
_BE_NAMED: Final = re.compile(r"^\s*be\s+(?:the\s+)?(?-i:[A-Z])")


def _writer_s_picks(sentences: list[Sentence], index: int) -> bool:
    """A text the writer has introduced as their calls: its title ("My picks for the March
    election: ..."), a heading or a lead-in ("Here is how I think it goes.") before the
    sentence. There the writer's bare "will" is a call, not narrative."""
    if sentences and _PICKS_TITLE.match(sentences[0].text):
        return True
    return any(
        _PICKS_LEAD_IN.search(earlier.text)
        or (earlier.heading and _PICKS_HEADING.match(earlier.text))
        for earlier in sentences[:index]
    )


# "My picks for Kestria's March election: ...", "Our predictions for 2029": a title that says
# the text is the writer's calls.
_PICKS_TITLE: Final = re.compile(
    r"^\W*(?:My|Our)\s+(?:[\w'’-]+\s+){0,2}?(?i:predictions|picks|calls|forecasts|tips|bets)\b"
)


# "on expectations that", "amid bets that", "against speculation that": what moved a market,
# an expectation held by no one named (LABELLING.md, unattributable).
_MARKET_EXPECTATION: Final = re.compile(
    r"\b(?:amid|against|on|despite|with)\s+(?:growing\s+|rising\s+|mounting\s+|fresh\s+|"
    r"renewed\s+)?(?:expectations|bets|speculation)\s+that\b"
)


# "until Christmas", "through the end of the year", "on the night", "by the time it is ready":
# a time a record can be read at, though no calendar date is given.
_TIME_PHRASE: Final = re.compile(
    r"\b(?:until|till|before|by|through|throughout|into|over|during|from|after|at|on|in|for)\s+"
    r"(?:at\s+least\s+)?(?:the\s+|an?\s+)?(?:(?:early|late|mid|end\s+of\s+the|start\s+of\s+the|"
    r"rest\s+of\s+the|this|next|coming|first|second|third|fourth|final|last)[\s-]+){0,2}"
    r"(?:christmas|easter|new\s+year|spring|summer|autumn|fall|winter|weekend|night|day|"
    r"season|election|vote|playoffs|holidays|year|month|week|quarter|half|session|leg|round|"
    rf"{_MONTH_NAMES})\b"
    r"|\bby\s+the\s+time\b|\b(?:tonight|tomorrow)\b|\b(?:this|next|coming)\s+(?:year|month|week|quarter|season|"
    r"session|spring|summer|autumn|winter)\b",
    re.IGNORECASE,
)


# "a million barrels a day", "three lists", "a few months after": a count or a measure in
# words; "the chance", "the odds": a likelihood the sentence gives.
_MEASURE_WORDS: Final = re.compile(
    r"\bone\s+in\b|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|hundred|thousand|million|billion|trillion|dozen|half|(?:a\s+)?few\s+"
    r"(?:days|weeks|months|years)|several\s+(?:days|weeks|months|years)|chance|chances|"
    r"odds|probability|likelihood)\b",
    re.IGNORECASE,
)


def _nothing_to_check(
    text: str,
    cues: list[_Cue],
    regions: list[tuple[int, int]],
    attribution: _Attribution,
    dated: bool,
) -> bool:
    """A source's bare future with nothing a record could settle ("We will get through
    this", "Summers like this will become normal"): no figure, time or condition in the
    sentence, and no outcome a record shows in the predicate the modal heads, is an evaluation
    or a reassurance (LABELLING.md, evaluation)."""
    if not all(cue.kind in _BARE_KINDS and cue.phrase in _BARE_MODALS for cue in cues):
        return False
    if attribution.speaker is None and not any(_inside(cue.start, regions) for cue in cues):
        return False  # the writer's own bare future, which _confidence weighs
    if (
        dated
        or _FIGURE_IN.search(text)
        or _NAMED_TIME.search(text)
        or _VAGUE_TIME.search(text)
        or _TIME_PHRASE.search(text)
        or _MEASURE_WORDS.search(text)
        or _condition(text)
    ):
        return False
    return not any(
        not _VAGUE_SUBJECT.search(text[: cue.start])
        or _checkable_predicate(text[cue.end : cue.end + _LOOK_AROUND], text[: cue.start])
        for cue in cues
    )


# Whose future it is, when the words do not name a thing a record follows: the speaker's
# own side ("We will", "his side would"), a pronoun or a demonstrative ("This will", "it
# will", "nobody will"), people in general ("People who wait will"), a relative clause
# ("jobs that will not come back"), a kind of thing ("Summers like this will"). A named
# body, market or event as the subject ("The central bank will cut rates") is left to the
# other rules: what it will do is checkable in nearly every wording.
_VAGUE_SUBJECT: Final = re.compile(
    r"(?:^|[\s\"“‘'(,;:—-])(?:we|i|you|they|it|this|that|these|those|things|nobody|"
    r"no\s+one|everyone|everybody|anyone|anybody|someone|neither(?:\s+side)?|none|either|"
    r"who|which|people(?:\s+who\s+[^,.;]+?)?|"
    r"(?:his|her|their|our|my|your)\s+(?:side|team|club|lads|players|people)|"
    r"[\w-]+\s+like\s+(?:this|these|that|those)(?:\s+one)?|(?:this|these|that|those)\s+[\w-]+)"
    # "His side, he said, would play": the saying set between the subject and its verb
    r"(?:,\s*(?:he|she|they)\s+(?:said|says|added|insisted),)?"
    r"\s*(?:(?:really|just|also|all|still|simply|certainly|definitely|never|not)\s+)?$",
    re.IGNORECASE,
)


_BARE_KINDS: Final = frozenset({"modal", "reported"})


# "Fairline Bet make Redbridge 8/11 favourites to reach the final. Calloway are 5/2 to go on
# and win the league": the bookmaker who priced the one race prices the next.
_BOOKMAKER_PRICES: Final = re.compile(
    r"\s+(?:make|makes|made|have|has|offer|offers|offered|quote|quotes|quoted|price|prices|"
    r"priced)\s+[^.;]{0,60}?\b\d{1,3}/\d{1,3}\b"
)


# "Calloway are 5/2 to go on and win the league", "Owain Pryce, the world No. 2, is 3/1.": a
# runner's price, with what it is for or standing alone at the end.
# "Calloway are 5/2, with Redbridge at 8/1.": a second runner's price set beside it.
_RUNNER_PRICED: Final = re.compile(
    # "Okonjo is out to 7/2.": a price that has drifted, as it now stands
    r"\b(?:are|is)\s+(?:(?:out|in)\s+to\s+)?\d{1,3}/\d{1,3}(?:\s+to\s+[a-z]|\s*[.;]?\s*$"
    r"|,\s+with\s+[^.;]{1,40}?\s+at\s+\d{1,3}/\d{1,3}\s*[.;]?\s*$)"
)


def _bookmaker_before(index: int, sentences: list[Sentence]) -> _Attribution | None:
    """The bookmaker that opens the sentence before, in the same paragraph, for a runner's
    odds given without one."""
    if index == 0 or sentences[index - 1].paragraph != sentences[index].paragraph:
        return None
    if _RUNNER_PRICED.search(sentences[index].text) is None:
        return None
    before = sentences[index - 1].text
    priced = _PRICED_WITH.search(before) if "with" in before else None
    if priced is not None:
        # "X is the 7/4 favourite with bookmaker Carrow Bet to win. Y is 3/1."
        return _Attribution(priced.group("maker"))
    runs = _name_runs(before)
    maker: str | None = None
    if runs and runs[0].start == 0 and _BOOKMAKER_PRICES.match(before, runs[0].end):
        maker = runs[0].text
    else:
        # "Bookmaker Greyhill Bet makes Ashford the 4/5 favourites.", "Castlebet, the country's
        # biggest bookmaker, makes ...": the bookmaker after its trade or before a description
        # "Betting firm Kestrel Odds has cut Sarrano to 1/5": the one who moved a price
        named = _NAMED_ODDS.match(before)
        maker = named.group("maker") or named.group("mover") if named is not None else None
    if maker is None or _GENERIC_SUBJECT.match(maker) or _TRADE_ONLY.match(maker):
        return None  # "Bookmakers make Rovers 4/6": no bookmaker named (LABELLING.md)
    return _Attribution(maker)


# '• Castlemore Bank (analysts led by Yusra Delacourt): "We see ..."', '• Pell Markets (Tom Bell,
# head of metals): "..."': a box of banks' notes, each quotation under the bank and the
# person who wrote it.
_BOXED_QUOTE: Final = re.compile(
    r"^\W*(?P<org>[A-Z][\w&'’.-]*(?:\s+(?:&\s+)?[A-Z][\w&'’.-]*){0,3})\s+\((?:(?:analysts|"
    r"economists|strategists)\s+led\s+by\s+)?(?:(?:Dr|Prof)\.?\s+)?"
    r"(?P<person>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})(?:,[^()]{1,60})?\):\s*[\"“]"
)


def _boxed_quote(text: str) -> _Attribution | None:
    """The person a note's label names, whose quotation it is (LABELLING.md: "analysts led by
    X" names X; a named employee's "We expect" is hers)."""
    boxed = _BOXED_QUOTE.match(text)
    return _Attribution(boxed.group("person")) if boxed is not None else None


# "Bookmakers", "The bookies": the trade, with no firm named.
_TRADE_ONLY: Final = re.compile(
    r"(?i:the\s+)?(?i:bookmakers?|bookies?|betting\s+(?:firms?|companies|sites?)|punters)$"
)


_TOLD_THE_ANSWERER: Final = re.compile(r"(?:told|tells|tell|has\s+told)\s+(?:us|me)\b")


# An answer opening on its institution's forecasting work: "Our models put ...", "Our central
# projection has ...". A name tag may open the answer.
_OUR_MODELS: Final = re.compile(
    # "In our projections, unemployment peaks at 5.4%": the same work, as where it is shown
    _NAME_TAG_OPENING + r"(?:(?:In|On|Under)\s+our|Our)\s+(?:[\w-]+\s+)?"
    r"(?:models?|modelling|modeling|projections?|forecasts?|estimates?|scenarios?|simulations?)\b"
)


# "'Our base case is that ...,' said X, an analyst at Y": the scenario her firm's forecast rests
# on, quoted (an interview answer's "Our base case" stays the interviewee's, LABELLING.md).
_OUR_BASE_CASE: Final = re.compile(r"\W*Our\s+(?:base|central)\s+case\b")


# "the agency's director, Dr. Anaru Whitfield-Kaur": a post held at a body written by its kind.
_POST_AT_BODY_BEFORE_NAME: Final = re.compile(
    r"\b(?i:the)\s+(?P<noun>[a-z]+)['’]s\s+(?:[a-z-]+\s+){0,3}?"
    r"(?:director|head|chief|economist|analyst|scientist|strategist|spokes\w+),?\s+"
    r"(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?$"
)


def _employer(speaker: str, document: _Document) -> str | None:
    """The organisation a speaking person works for, by its fullest name: "a senior analyst at
    Orvane" -> Orvane Research, "the agency's director, Dr. X" -> the agency met before."""
    employers = _organisations_of(speaker, document)
    if employers:
        return _fullest_org(employers[0], document)
    start = document.article.find(speaker)
    if start < 0:
        return None
    post = _POST_AT_BODY_BEFORE_NAME.search(document.article, max(0, start - 80), start)
    if post is None:
        return None
    body = document.org_for(post.group("noun"))
    return body.name if body is not None else None


# "We make National Renewal 4/6 to win", "We have Rovers at 7/2": a price its maker sets.
_WE_PRICE: Final = re.compile(
    r"^\W*(?:[A-Z][\w'’.-]*:\s*)?We\s+(?:make|have|price|rate|quote)\s+[^.;]{1,60}?\b\d+/\d+\b"
)


_YEAR: Final = re.compile(r"\b(?:19|20)\d\d\b")
# "the 2026-27 season", "fiscal 2026/27": a span of two years, dated by the year it ends in.
_YEAR_OR_SPAN: Final = re.compile(r"\b(?P<century>19|20)(?P<year>\d\d)(?:[-–/](?P<end>\d\d)\b)?")


# "Not next year.", "Not before the autumn.", "Not until 2027.": the question's event, later
# than asked; the answer names its own time, so any question above it gives the event.
_TIMED_DENIAL: Final = (
    # "Not this decade.": the question's "ever" denied for a span as long as ten years
    r"(?:Not\s+(?:this|next)\s+(?:year|month|season|quarter|week|winter|summer|spring|autumn|time|"
    r"decade)|"
    r"Not\s+(?:soon|any\s+time\s+soon)|"
    # "Not by 2030.": the claim put to the answerer, denied for the time it names
    r"Not\s+(?:before|until|by)\s+(?:the\s+)?(?:(?:next\s+)?(?:year|spring|summer|autumn|fall|winter)|"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)|(?:19|20)\d\d)"
    # "Not this year, and not in the first half of next year either.": a second, later time
    # denied after the first
    r")(?:,\s+(?:and\s+)?not\s+(?:in\s+|before\s+|by\s+)?(?:the\s+)?[\w\s-]{3,40}?"
    r"(?:\s+either)?(?=\s*[.!]?\s*$))?"
)


_MARGIN: Final = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})"


# The winner and the score or margin a pick gives.
_PICKED_SCORE: Final = (
    # "Kestria, 3-1.", "Rovers, comfortably.": a panel's pick may set its score off by a comma
    r"(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2},?"
    # "Caldmoor win it 2-1": the winner and the score, in the tipster's present
    r"(?:\s+(?:win|wins|edge|edges|nick|nicks|take|takes)\s+it)?\s+(?:\d{1,2}-\d{1,2}|"
    r"(?:comfortably|narrowly|easily)(?=\s*[,.])|by\s+"
    r"(?:a|one|two|three|\d)\s+(?:goals?|points?|runs?|tries|wickets?)"
    # "Harrowgate by six or seven": a margin, its unit left to the sport
    r"|by\s+" + _MARGIN + r"(?:\s+(?:or|to)\s+" + _MARGIN + r")?"
    r"(?:\s+(?:goals?|points?|runs?|tries|wickets?))?(?=\s*[,.]))"
)


# "City to win 2-0.", "Dekeyser to win from a group of three, with X second.": a tip with no
# verb of its own, the writer's pick for a contest still to be decided; a headline, which has
# no full stop, is left alone.
_TIP: Final = re.compile(
    r"^\s*(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s+to\s+(?:win|beat|finish|lift|"
    # "Carrick-Nolan to defend his title, at 12 under.": the holder picked to win again
    r"take|top|qualify|go\s+through|(?:defend|retain)\s+(?:his|her|their|its|the)\s+title)\b"
    r"(?![^.;!?]*\b(?:is|are|was|were|will|would|has|have|had|said|says)\b)[^.;!?]*\.\s*$"
    # "Ashford 2-1, after extra time.", "Port Allin by a goal, probably in extra time.": the
    # winner and the score or margin a pick gives, alone; not "Ashford 2-1 Kelvin Park", a
    # result line
    # "For the cup, Harlow 2-1.": the contest the pick is for may open it
    r"|^\s*[\"“]?(?:For\s+the\s+[\w'’-]+(?:\s+[\w'’-]+)?,\s+)?" + _PICKED_SCORE + r"(?=\s*[,.])"
    r"(?![^.;!?]*\b(?:is|are|was|were|will|would|has|have|had|said|says|won|lost|beat|scored|"
    r"came|went|took|[a-z]{3,}ed)\b)"
    r"[^.;!?]*\.[\"”]?\s*$"
)


# '"Kelsall 2-1, after extra time," he said.': a score pick alone in a quotation, with the
# one who gave it named after it.
_SAID_TIP: Final = re.compile(
    r"^\s*[\"“]" + _PICKED_SCORE + r"(?:,\s+[^.;!?\"”]{1,40}?)?[,.]?[\"”],?\s+"
    r"(?:he|she|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?:said|says|predicted|predicts|added|"
    r"reckons|tipped)\s*\.\s*$"
)


# 'Ola Brenn, television analyst: "Kessler, if his knee holds up."': a panellist's pick, the
# runner's name opening the quotation with no verb of its own ("Yes, ..." or "I think ..."
# are answers of another kind).
_PICKED_NAME: Final = re.compile(
    # the quotation marks a panellist's pick has and a tipster's ("X: Kessler, if ...") lacks
    rf"[\"“]?(?:the\s+)?(?!{_NOT_A_PICK})[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,2}}"
    # "Kingsmoor again.": the holder picked to repeat
    r"(?=(?:\s+again)?[,.])"
)


def _panel_pick(text: str) -> bool:
    panellist = (_PANELLIST.match(text) or _TIPSTER.match(text)) if ":" in text else None
    return panellist is not None and _PICKED_NAME.match(text, panellist.end()) is not None


# "Our verdict: Kelsall to edge it", "My prediction: Ashford 2-1.": a pick under the label
# that says it is one.
_VERDICT_TIP: Final = re.compile(
    r"^\s*(?:Our|My|The)\s+(?:verdict|prediction|tip|pick|call|forecast|view)"
    # "Our tip for Saturday: Rovers by two": the label may name the day or the match
    r"(?:\s+for\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,2}?)?\s*:\s*(?:"
    + _PICKED_SCORE
    + r"|(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s+to\s+(?:win|beat|edge|finish|"
    r"lift|take|top|qualify|go\s+through|sneak|nick|shade)\b"
    # "Our verdict: a Kalder win, 2-1", "Our verdict: Albion, but only just": the winner named
    # by the kind of its win or by how narrowly it comes
    r"|an?\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s+(?:win|victory)\b"
    # "Our view: Whitcombe wins the runoff": the pick in the tipster's present
    r"|(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s+(?:wins|beats|takes|retains|edges|"
    r"clinches)\b"
    r"|(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2},\s+(?:but\s+only\s+just|narrowly|"
    r"comfortably|easily|just)\b"
    # "Our verdict: a draw, with Kelsey to score first": the result named by its kind
    r"|an?\s+(?:(?:score|goalless|scoreless|high-scoring|low-scoring|narrow|comfortable)\s+)?"
    r"(?:draw|home\s+win|away\s+win|tie)\b)"
)


# "Our view:", "My prediction for Sunday:": the writer's own label, opening the line.
_OWN_LABEL: Final = re.compile(
    r"^\s*(?:Our|My)\s+(?:verdict|prediction|tip|pick|call|forecast|view)\b[^:.;]{0,30}:\s"
)


# "Our prediction", "My predictions for 2029", "Our tipsters' picks": a heading that says the
# lines under it are the writer's or the panel's picks.
_PICKS_HEADING: Final = re.compile(
    r"^\W*(?i:our|my|the)\s+(?:[\w'’-]+\s+)?(?i:verdict|predictions?|tips?|picks?|calls?|"
    r"forecasts?|view|bets?)(?:\s+for\s+[^\n.!?]{1,40})?\s*:?\s*$"
)


# "3. One bold prediction?": a panel's question that asks each for a pick of their own.
_PICKS_QUESTION: Final = re.compile(
    r"^\W*(?:\d{1,2}[.)]\s+)?(?:One|A|Your|Any)\s+(?:[\w'’-]+\s+)?(?:prediction|call|tip|pick)"
    r"\s*\?\s*$"
)


# "1. Who wins the series, and by how much?", "Who will be top scorer?": a panel's question
# about a contest still to be decided, the picks under it answers.
_CONTEST_QUESTION: Final = re.compile(
    r"^\W*(?:\d{1,2}[.)]\s+)?(?:Who|Which\s+[\w-]+)\s+(?:wins|will|goes|takes|lifts|finishes|"
    r"tops|comes)\b[^\n]*\?\s*$"
)


# A panellist's name or role set on a line of its own under the question: "RAVI SHARMA",
# "Former captain, 62 Tests"; a longer heading opens another section.
_NAME_LINE_WORDS: Final = 8


# "Marquard in straight sets", "The Greens clear the threshold, just.", "Kestria, 3-1.": a
# line that names a side and the result it gets, in a tipster's present or infinitive.
_PICK_LINE: Final = re.compile(
    r"^\W*(?:\d{1,2}[.)]\s+)?(?:The\s+(?:[\w'’-]+\s+){0,3}?|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}"
    r",?\s+)(?:to\s+(?:win|beat|lose|reach|finish|take|edge|lift|qualify|clear)|wins|win|beats|"
    r"beat|clears|clear|takes|retains|retain|finishes|finish|tops|top|"
    r"is\s+(?:the\s+)?(?:[\w-]+\s+)?(?:minister|president|mayor|chancellor|champions?|leader|"
    r"premier|governor)|"
    r"in\s+straight\s+sets|\d{1,2}-\d{1,2}|by\s+(?:a|one|two|three|four|five|six|\d+)|"
    # "Morrow scores, because ...", "Akintola scores from a set piece": a scorer picked; not
    # "scores freely", a habit
    r"scores(?=\s*[,.]|\s+(?:first|twice|again|late|early|the\s+winner|from\s+(?:a|the)\b|"
    r"a\s+hat-trick|in\s+the\s+final)))\b"
)


# How far under its heading a list of picks may run, in paragraphs.
_PICKS_REACH: Final = 10


# "I hope I'm wrong, but Kestria win 4-0.": a rueful opening before the pick, which stands.
_RUEFUL_OPENING: Final = re.compile(
    r"^\W*(?:I\s+hope\s+I(?:['’]m|\s+am)\s+wrong|Sadly|Sorry|Regrettably|Reluctantly),?\s+"
    r"(?:but\s+)?"
)


def _under_picks_heading(sentences: list[Sentence], index: int) -> bool:
    """A pick-shaped line in the section a picks heading or a panel's question about a
    contest opens, before the next heading other than a panellist's name or role."""
    sentence = sentences[index]
    text = sentence.text
    rueful = _RUEFUL_OPENING.match(text)
    if rueful is not None:
        text = text[rueful.end() :]
    if len(text.split()) > _PICK_WORDS:
        return False
    first = index == 0 or sentences[index - 1].paragraph != sentence.paragraph
    named = first and _NAMED_PRESENT.match(text) is not None
    pick = _PICK_LINE.match(text) is not None or _SIDES_GOING.match(text) is not None
    # "Ana Berg: ...": a panellist's tag opening the line names them as a name line would
    tag = re.match(_ANSWER_TAG, text)
    tagged = tag is not None and bool(tag.group().strip())
    if not (pick or named):
        return False
    # each panellist's block is short: the reach runs from the last name line passed
    floor = sentence.paragraph
    for position in range(index - 1, -1, -1):
        earlier = sentences[position]
        if earlier.paragraph < floor - _PICKS_REACH:
            return False
        if (
            (floor < sentence.paragraph or tagged)
            and pick
            and _CONTEST_QUESTION.match(earlier.text)
        ):
            return True  # a panel: the question, then each panellist's name and answer
        if earlier.paragraph < sentence.paragraph and _PICKS_QUESTION.match(earlier.text):
            return True
        if earlier.heading and earlier.paragraph < sentence.paragraph:
            if _PICKS_HEADING.match(earlier.text):
                return True
            if not _name_line(sentences, position):
                return False
            floor = earlier.paragraph
    return False


def _name_line(sentences: list[Sentence], position: int) -> bool:
    """A panellist's name in capitals on a line of its own, or the role line under it."""
    line = sentences[position].text
    if len(line.split()) > _NAME_LINE_WORDS or "?" in line:
        return False
    if line.isupper():
        return True
    if _ROUNDUP_HEADER.match(line):
        return True  # "Grace Ottoline, former captain": a name and the role after it
    above = sentences[position - 1] if position > 0 else None
    return above is not None and above.heading and above.text.isupper()


# "Okafor retires at the end of the season.": a named person or side and what they do, in
# the tipster's present, told first in the pick's paragraph.
_NAMED_PRESENT: Final = re.compile(
    r"^\W*(?:The\s+)?(?!(?:That|This|These|Those|It|There|Here|What|Which|Some|Many|Most|All|"
    r"Both|Each|Every|Eleven|Twelve|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)\b)"
    r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}\s+(?!(?:is|has|was|does|says|this|its|his)\b)"
    r"[a-z]{3,}s\s+(?:at|in|on|by|before|after|from|the|a|an|his|her|their|its|out|up|down|off)\b"
)


# A pick is told in a line; a longer sentence under the heading argues for it.
_PICK_WORDS: Final = 30


# "So here, for what they are worth, are my calls.", "Here is how I see it:": the writer
# announces that the lines after are their picks.
_PICKS_LEAD_IN: Final = re.compile(
    r"\b(?i:here|below)\b[^.:;!?]{0,40}\b(?:are|is)\s+(?:my|our)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:calls?|predictions?|picks?|forecasts?|tips?|verdicts?|guesses)\b[^.:;!?]{0,30}[.:]\s*$"
    r"|\b(?i:here)\s+is\s+how\s+(?:I|we)\s+see\s+(?:it|things|(?:the\s+)?[\w-]+)"
    r"(?:\s+(?:going|playing\s+out|unfolding))?\s*[.:]\s*$"
    # "Here is how I think it goes.", "Here's how we think it will play out:"
    r"|\b(?i:here)(?:\s+is|['’]s)\s+how\s+(?:I|we)\s+(?:think|expect)\s+(?:it|things|(?:the\s+)?"
    r"[\w-]+)\s+(?:goes|go|will\s+go|plays?\s+out|will\s+play\s+out|ends?|unfolds?)\s*[.:]\s*$"
)


# "Turnout: below 65%.", "Top scorer: Okafor, with around 40 goals.": a pick given as a label
# and its value, as a list of calls sets them out.
_LABELLED_PICK: Final = re.compile(
    r"^\W*(?:\d{1,2}[.)]\s+)?[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,4}:\s+[^\s:][^:;!?]{0,100}[.!]\s*$"
)


# "The Liberals could drop out altogether.", "The Independents hold their seats.": a named
# side and what befalls it, hedged or in the tipster's present.
_MODAL_PICK: Final = re.compile(
    r"^\W*(?:The\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}\s+(?:could|might|may|should|will|"
    r"(?:hold|keep|lose|gain|stay|fall|rise|reach|form|lead|drop|slip|sneak|scrape|hang|"
    r"return|survive|collapse)s?|(?:miss|finish)(?:es)?|goes|go|comes|come)\s"
)


# How many short paragraphs a list of picks after its lead-in may run to.
_LEAD_IN_REACH: Final = 8


def _after_picks_lead_in(sentences: list[Sentence], index: int) -> bool:
    """A pick in the run of lines a writer's "here are my calls" opens: the rest of its
    paragraph and the paragraph after it, then further one-line paragraphs, as a list has;
    a heading or a question ends the run."""
    sentence = sentences[index]
    if len(sentence.text.split()) > _PICK_WORDS or sentence.text.rstrip().endswith("?"):
        return False
    if not (
        _PICK_LINE.match(sentence.text)
        or (_LABELLED_PICK.match(sentence.text) and not _label_over_fact(sentence.text))
        or _MODAL_PICK.match(sentence.text)
    ):
        return False
    paragraph = sentence.paragraph
    for position in range(index - 1, -1, -1):
        earlier = sentences[position]
        if _PICKS_LEAD_IN.search(earlier.text):
            return earlier.paragraph >= paragraph - 1
        if earlier.heading or earlier.text.rstrip().endswith("?"):
            return False
        if earlier.paragraph < sentence.paragraph - _LEAD_IN_REACH:
            return False
        if earlier.paragraph < paragraph - 1:
            return False
        if earlier.paragraph < paragraph:
            # a paragraph between the pick and the lead-in must be a one-line pick itself;
            # sentences run in the text's order, so its neighbours tell whether it is alone
            if sentences[position + 1].paragraph == earlier.paragraph or (
                position > 0 and sentences[position - 1].paragraph == earlier.paragraph
            ):
                return False
            paragraph = earlier.paragraph
    return False


# "Winner: Vestria.", "Turnout: below 65%.": the label that opens a line of a list.
_LINE_LABEL: Final = re.compile(
    r"^\W*(?:\d{1,2}[.)]\s+)?(?P<label>[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,4}):\s+\S"
)


# "Kick-off: 8pm.", "Result: Vestria won 31-29.", "Capacity: 12,000 (was 9,000).": a label
# over a time of day or a past result states a fact, not a pick.
_FACT_VALUE: Final = re.compile(
    r"\b(?:\d{1,2}(?:[.:]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)|was|were|won|lost|beat|scored|"
    r"finished|came|took|had|did|has|have|opened|founded|built)\b",
    re.IGNORECASE,
)


# "Top scorer: no idea.", "Winner: pass.": a panellist who gives no pick.
_NO_PICK: Final = re.compile(
    r"\s*(?:no\s+idea|(?:I\s+)?(?:don['’]t|do\s+not)\s+know|pass|who\s+knows|not\s+a\s+clue|"
    r"no\s+(?:call|pick|comment))\b",
    re.IGNORECASE,
)


def _label_over_fact(text: str) -> bool:
    """ "Kick-off: 8pm.", "Last meeting: Rovers won 2-1.", "Top scorer: no idea.": a line
    under a label that gives a schedule's time, a past result or no pick at all."""
    label = _LINE_LABEL.match(text)
    if label is None:
        return False
    value = label.end() - 1
    return _FACT_VALUE.search(text, value) is not None or _NO_PICK.match(text, value) is not None


def _labelled_paragraph(sentences: list[Sentence], paragraph: int, start: int) -> str | None:
    """The label the first sentence of a paragraph opens with, if it opens with one; start is
    the index of a sentence near it, from which to look."""
    position = start
    while position > 0 and sentences[position].paragraph > paragraph:
        position -= 1
    while position < len(sentences) and sentences[position].paragraph < paragraph:
        position += 1
    if position >= len(sentences) or sentences[position].paragraph != paragraph:
        return None
    # walking back lands on the paragraph's last sentence: "Top scorer: no idea. Ask me
    # later." opens with its label all the same
    while position > 0 and sentences[position - 1].paragraph == paragraph:
        position -= 1
    first = sentences[position]
    label = _LINE_LABEL.match(first.text)
    return label.group("label") if label is not None and not first.heading else None


def _in_list_of_labels(sentences: list[Sentence], index: int) -> bool:
    """A line of a list set out as labels: the paragraph before or after it opens with a
    label of its own, other than this one ("Winner: ...", "Top scorer: ...", "Hosts: ...")."""
    sentence = sentences[index]
    own = _labelled_paragraph(sentences, sentence.paragraph, index)
    return own is not None and any(
        (label := _labelled_paragraph(sentences, sentence.paragraph + step, index)) is not None
        and label != own
        for step in (-1, 1)
    )


def _labelled_pick(sentences: list[Sentence], index: int, turn: str | None) -> bool:
    """ "Winner: Vestria.", "The Greens: fewer than 20 seats.": a label and its value, as a
    list of picks sets them out, when the list is one of picks: it stands in a panellist's
    section under their name, or a picks heading or the writer's "here is how I think it
    goes" opens it. turn is the tag of the transcript turn the line stands in; a label in
    capitals or the turn's own tag ("Achterberg: No.") is a transcript's tag, and a time of
    day or a past result under a label ("Kick-off: 8pm.") is a fact box's or a schedule's
    line, as "no idea" is no pick."""
    sentence = sentences[index]
    label = _LINE_LABEL.match(sentence.text)
    if (
        label is None
        or label.group("label").isupper()
        or (turn is not None and label.group("label").lower().endswith(turn.lower()))
        or not _LABELLED_PICK.match(sentence.text)
        or _label_over_fact(sentence.text)
        or not _in_list_of_labels(sentences, index)
    ):
        return False
    if turn is not None:
        return True
    for position in range(index - 1, -1, -1):
        earlier = sentences[position]
        if earlier.paragraph < sentence.paragraph - _PICKS_REACH:
            return False
        if _PICKS_LEAD_IN.search(earlier.text) or _PICKS_HEADING.match(earlier.text):
            return True
        if earlier.heading and earlier.paragraph > 0:
            return False
    return False


def _labelled_name(text: str, turn: str | None) -> bool:
    """ "Cup: Harlow, but it goes to penalties.": a panellist's pick for the contest the label
    names, a side and no verb of its own ("Cup: I can't call it." gives none); the turn's own
    tag ("Halloran-Mutu: Strong.") labels an answer, not a contest."""
    label = _LINE_LABEL.match(text)
    return (
        label is not None
        and not label.group("label").isupper()
        and (turn is None or not turn.lower().endswith(label.group("label").lower()))
        and len(label.group("label").split()) <= _CALL_LABEL_WORDS
        and _PICKED_NAME.match(text, label.end() - 1) is not None
    )


# A pick's label is a word or two ("Cup:", "Top scorer:"), not a clause.
_CALL_LABEL_WORDS: Final = 2


# "Pushed for a pick: 1-1, and Caldmoor on penalties.", "Prediction, then, for the record:
# Ambersley by four": a label that says what follows is a call, and a value after it.
_CALL_LABEL: Final = re.compile(
    r"^\W*(?:[\w'’]+\s+){0,4}?(?i:pick|prediction|tip|guess)(?:,\s+then)?"
    r"(?:,?\s+for\s+the\s+record)?,?\s*:\s+(?=[A-Z\d])"
)


# "So take this with a pinch of salt: Dunmoor to reach the cup final.": a pick in the tipster's
# infinitive closes the sentence after its caveat.
_COLON_TIP: Final = re.compile(
    r":\s*(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s+to\s+(?:win|beat|edge|lift|"
    r"retain|qualify|go\s+through|stay\s+up|go\s+down|be\s+relegated|reach\s+the\s+(?:[\w-]+\s+)?"
    r"(?:final|semi-?finals?|quarter-?finals?|play-?offs?|knockout\s+stages?))\b[^.;:!?]{0,50}[.!]\s*$"
)


# "Probably the Civic Alliance, led by the former mayor.": a hedge and the name it picks,
# answering "Who will come first?", whose event it is.
_HEDGED_PICK: Final = (
    r"(?:Probably|Almost\s+certainly|Very\s+likely|Most\s+likely)\s+(?:the\s+)?"
    r"[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){0,3}"
    r"(?:,\s+(?:led|run|headed|chaired|founded|backed)\s+by\s+[^.;!?]{1,80}?)?(?=\s*[.!]\s*$)"
)


# "In the second half of next year.", "Probably in the first two weeks of January.": when the
# question's event comes, a time of the calendar and no more.
_TIME_ANSWER: Final = (
    # "On an operating basis, in the second half of 2029.": the measure the time is for
    r"(?:On\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){1,2}basis,\s+)?"
    r"(?:(?:Probably|Most\s+likely|Very\s+likely|Likely|Almost\s+certainly)\s+)?"
    r"(?i:in|by|before|around|during|sometime\s+in|towards?\s+the\s+end\s+of)\s+(?:the\s+)?"
    r"(?:(?:first|second|third|fourth|last|final|next)\s+(?:[\w-]+\s+)?(?:half|quarter|weeks?|"
    r"days|months?)\s+of\s+(?:the\s+)?)?(?:(?:early|late|mid)[\s-]+)?"
    r"(?:(?:next|this)\s+(?:year|month|spring|summer|autumn|fall|winter|season)|(?:19|20)\d\d|"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)|(?:spring|summer|autumn|fall|winter|new\s+year))"
)


# "For at least two more years, yes.", "For another year or so.": how long the asked-about
# state goes on, a time still to run.
_DURATION_ANSWER: Final = (
    r"(?:(?:Probably|Most\s+likely|Likely)\s+)?(?i:for)\s+(?:at\s+least\s+|about\s+|another\s+|"
    r"the\s+next\s+)?(?:(?:a|one|two|three|four|five|a\s+few|several|\d+)\s+(?:more\s+)?)?"
    r"(?:years?|months?|seasons?|quarters?|winters?|summers?)(?:\s+or\s+(?:so|two|three))?"
)


# "I'd put it lower than that, maybe one in ten.": a figure of the answerer's own for the
# chance or level the question gave.
_PUT_IT_ANSWER: Final = (
    r"(?:I['’]d|I\s+would|We['’]d|We\s+would)\s+put\s+it\s+(?:(?:(?:a\s+(?:bit|little)|much|"
    r"slightly|far|a\s+lot)\s+)?(?:lower|higher)(?:\s+than\s+that)?,?\s+(?:maybe|perhaps|"
    r"about|around|at|closer\s+to)\s+|at\s+(?:about\s+|around\s+)?)"
    r"(?:[$€£]?\d[\d.,]*\s*(?:%|per\s+cent|percent)?|one\s+in\s+[\w-]+)[^\n]*?"
)


# "Yes, a little.", "Yes, but only slightly.": the question's event granted, by how much; a
# bare "Yes" is left alone, as the answer tags' own turns are.
_DEGREE_YES: Final = (
    r"Yes,\s+(?:but\s+)?(?:only\s+)?(?:a\s+little|a\s+bit|slightly|modestly|somewhat|marginally)"
)


# What a hedged answer may add to the question's event: by how little ("Probably, but only
# slightly."), or on what it rests ("Probably not, as long as the pumps keep running.").
_HEDGE_RIDER: Final = (
    r"(?:,\s+(?:but\s+)?(?:only\s+)?(?:a\s+little|a\s+bit|slightly|modestly|somewhat|"
    r"marginally|just)|,\s+(?:(?:as|so)\s+long\s+as|if|unless|provided(?:\s+that)?)\s+"
    r"[^.;!?]{3,100}?)?"
)


# "I think so, probably twice.": the event granted, with a hedged count or time of it; "I
# don't think so, not this year.": or denied, for the time the answer names.
_HEDGED_COUNT: Final = (
    r"(?:,\s+(?:(?:probably|maybe|perhaps|possibly)\s+(?:once|twice|(?:two|three|four)\s+times|"
    r"(?:this|next)\s+(?:year|month|season|quarter|week|spring|summer|autumn|winter))|"
    r"not\s+(?:this|next)\s+(?:year|month|season|quarter|week|spring|summer|autumn|winter)))?"
)


# The end of a short answer: "Not next year, no.", "I think so, yes."
# "Almost certainly not alone.", "Probably not outright.": the question's event denied to one
# side acting by itself, granted to several.
_ALONE: Final = r"(?:\s+(?:alone|outright|on\s+(?:its|their|his|her)\s+own))?"


# "Not before 2032, I'd say.": the answer, then whose view it is
_ANSWER_END: Final = (
    r"(?:,\s*(?:no|yes|I['’]d\s+say|I\s+would\s+say|I\s+think|I\s+reckon|I\s+suspect))?"
    r"\s*[.!]?\s*$"
)


# The turn's tag ("A:", "SOLBERG:") may stand before an answer.
_ANSWER_TAG: Final = r"^\s*(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}:\s*)?"


# "Marcus Lind: Dunmore and Ashgrove are both going down.": a panellist's pick of the sides
# that go down or up, in the present that a tipster uses for the season ahead.
_SIDES_GOING: Final = re.compile(
    _ANSWER_TAG + r"(?:The\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}"
    r"(?:\s+and\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})?"
    r"\s+(?:(?:are|is)\s+(?:both\s+)?(?:going\s+(?:down|up)|staying\s+up)\b"
    # "Redvale and Ashmoor go down.": the same in the tipster's present, ending the line
    r"|(?:both\s+)?(?:go|goes)\s+(?:down|up)(?:\s+(?:too|again))?\s*[.!]\s*$|"
    r"(?:both\s+)?(?:stay|stays)\s+up(?:\s+(?:too|again))?\s*[.!]\s*$)"
)


# "By the end of next year, about 900": when the figure that follows is reached.
_BY_WHEN: Final = (
    r"(?:By|In|Before)\s+(?:the\s+(?:end|middle|start)\s+of\s+)?(?:(?:next|this)\s+"
    r"(?:year|decade|season|summer|winter|spring|autumn)|(?:19|20)\d\d),\s+"
)


# "Three percent.", "Twelve, if the parts arrive.": the whole answer a figure in words, as
# spoken on air, alone or on a condition; what it counts is the question's. "Sixty-two
# dollars, give or take.": a price in words, loosely.
_WORDED_FIGURE: Final = (
    r"(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Fifteen|Twenty|"
    r"Thirty|Forty|Fifty|Sixty|Seventy|Eighty|Ninety)(?:-(?:one|two|three|four|five|six|seven|"
    r"eight|nine))?(?:\s+(?:percent|per\s+cent|thousand|million|billion))?"
    r"(?:\s+(?:dollars|euros|pounds|cents|pence|a\s+barrel))?"
    r"(?=\s*[.!]?\s*$|,\s+(?:if|unless|assuming|provided)\s|,\s+give\s+or\s+take\b)[^\n]*?"
)


# "Slightly lower, around 60%.": a figure for what the question asked about; "Then closer to
# 2,500.": the figure for the case a follow-up question puts.
_FIGURE_ANSWER: Final = (
    # "Close to it, maybe 45%.", "Not quite, perhaps 40%.": how near the asked figure comes,
    # then the answerer's own
    r"(?:(?:Close\s+to\s+it|Near\s+it|Not\s+quite|Just\s+short\s+of\s+it|Short\s+of\s+it|"
    r"Just\s+under|Not\s+far\s+off),\s+(?=(?i:maybe|perhaps|about|around|roughly)\s))?"
    r"(?:(?:Then,?\s+)?(?:(?:Slightly|A\s+bit|A\s+little|Much|Far)\s+)?(?:(?:higher|lower|more|"
    r"less|fewer),?\s+)?(?:(?i:somewhere\s+)?(?i:about|around|roughly|close\s+to|closer\s+to|"
    # "Somewhere between 3 million and 3.5 million": a range for it
    r"near|maybe|perhaps|between)\s+)|"
    # "I'd say 2.75%, give or take a quarter point.": the figure is the hedge's own
    # "I'd say by 1% to 3%.": the size of the change the question asks about
    r"(?:I['’]d|I\s+would)\s+say\s+(?:(?i:by|about|around|roughly|(?:somewhere\s+)?(?:around|"
    r"between))\s+)?)"
    r"[$€£]?\d[\d.,]*(?:\s+(?:thousand|million|billion)|\s*%(?=\s+(?:and|to)\s))?"
    r"(?:\s+(?:and|to)\s+[$€£]?\d[\d.,]*(?:\s+(?:thousand|million|billion))?)?"
    r"\s*(?:%|per\s+cent|percent|seats|points|euros|dollars|pounds)?"
    # "Somewhere around 3.5%, and I think we get there by ...": the figure, then its timing
    # "About 4,000, if the regulators sign off": the figure, on a condition
    # "Around 20%, give or take.": the figure, loosely
    # "Between 58 and 64 seats, which would make them the largest party": and what it means
    r"(?=[.!]|,\s*(?:yes|no)\b|,\s+give\s+or\s+take\b|,\s+(?:and|by|in|probably|maybe|if|unless|"
    r"assuming|provided|which)\s|\s*$"
    # "Between 250 and 400 before this is over": the figure, then how long it takes to reach
    r"|\s+(?:before|by|within|over)\s+(?:this|that|it|the|next|then)\b)"
    r"[^\n]*?"
)


# "I'd say it's a coin toss.": even odds for the question's event, which "it" stands for.
_EVEN_ODDS_ANSWER: Final = (
    r"(?:I['’]d\s+say\s+|I\s+would\s+say\s+|I\s+think\s+)?(?:it['’]s|it\s+is)\s+"
    r"(?:about\s+|roughly\s+|pretty\s+much\s+)?(?:a\s+)?(?:coin\s+(?:toss|flip)|toss-up|50-50|"
    r"fifty-fifty)"
)


# "I think so.", "I don't think so.", "Not this year.": an answer whose claim is the
# question's (LABELLING.md, seventh and eighth splits).
_SHORT_ANSWER: Final = re.compile(
    _ANSWER_TAG + r"(?:(?:I|We)\s+(?:(?:do\s+not|don['’]t)\s+)?(?:think|believe|expect)\s+(?:so|"
    # "Does the bank cut on the 22nd?" - "I think it does, yes.": the question's verb echoed
    r"(?:it|they|he|she)\s+(?:does|do|will|doesn['’]t|don['’]t|won['’]t)"
    # "Will it be worse this winter?" - "I think it will be worse, yes.": its comparison too
    r"(?:\s+be\s+(?:(?:a\s+(?:little|bit|lot)|much|slightly|even)\s+)?(?:worse|better|[a-z]+er)"
    r"(?=,\s*(?:yes|no)\b))?"
    # "Will the ceasefire hold through the winter?" - "I think it holds through the winter,
    # yes.": the question's event echoed in the present, then granted
    r"|(?:it|they|he|she)\s+(?!(?:was|were|had|did)\b)[a-z]+s?\b[^.;!?,]{0,50}(?=,\s*(?:yes|no)\b)"
    r")" + _HEDGED_COUNT + r"|"
    # "I very much doubt it.", "I seriously doubt it.": the doubt, graded
    r"(?:I\s+)?(?:(?:very\s+)?much\s+|really\s+|seriously\s+|rather\s+|strongly\s+)?doubt\s+it|"
    + _TIMED_DENIAL
    + "|"
    + _TIME_ANSWER
    + "|"
    # "Yes, for at least two more quarters.": the state granted, and how long it goes on
    + r"(?:Yes,\s+)?"
    + _DURATION_ANSWER
    + "|"
    + _PUT_IT_ANSWER
    + "|"
    + _DEGREE_YES
    + "|"
    # "Yes, to somewhere between 3.5% and 4% by the middle of next year.": the course the
    # question asks about granted, with where it ends and by when
    r"Yes,\s+(?:to|at|by)\s+(?:(?i:somewhere\s+)?(?i:between|about|around|roughly|close\s+to)\s+)?"
    r"[$€£]?\d(?:[^.;!?]|\.\d){0,40}?(?:\s+(?:by|in|before|until|over)\s+[^.;!?]{3,40})?|"
    # "Not in 2028.": later than the year the question asks about, whose event it is
    r"Not\s+in\s+(?:19|20)\d\d|"
    # "Not for flu, no.": the question's event denied for the part of it the answer names
    r"Not\s+for\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?(?=,\s*no\b)|"
    # "Not yet." answers a question about the future; under "Is it under control?" it is
    # about today
    r"Not\s+yet|"
    # "Probably.", "Almost certainly not.": a hedge that answers the question whole;
    # "Probably not this season.": and the time it grants or denies
    r"(?:Probably|Almost\s+certainly|Very\s+likely|Very\s+unlikely|Unlikely|Likely)"
    r"(?:\s+not)?"
    + _ALONE
    + r"(?:\s+(?:this|next)\s+(?:year|month|season|quarter|week|winter|summer|spring|"
    # "Probably not this round.": a round of talks, a round of a contest
    r"autumn|time|round|term))?" + _HEDGE_RIDER + r"|" + _HEDGED_PICK + r"|"
    # "Drift higher, but slowly.", "Lower.": the way the asked-about figure goes
    r"(?:(?:Drift|Edge|Inch|Move|Trend|Grind|Go)\s+)?(?:[Hh]igher|[Ll]ower|Up|Down)"
    r"(?:,?\s+(?:but\s+)?(?:only\s+)?(?:slowly|gradually|modestly|slightly|steadily|sharply|"
    r"quickly|a\s+little|a\s+bit))?|"
    + "(?:"
    + _BY_WHEN
    + ")?"
    + _FIGURE_ANSWER
    + "|"
    + _EVEN_ODDS_ANSWER
    + "|"
    + _WORDED_FIGURE
    + r")"
    + _ANSWER_END
)


# "In 2028, yes.", "By next spring, yes.": the question's event, granted for a time it names.
_TIMED_YES: Final = re.compile(
    _ANSWER_TAG + r"(?:(?:In|By)\s+(?:(?:19|20)\d\d|(?:the\s+)?(?:next|following)\s+(?:year|season|"
    r"quarter|spring|summer|autumn|winter)"
    # "In the first half, yes.": the part of the year the question asks about
    r"|the\s+(?:first|second|third|fourth|last|final)\s+(?:half|quarter|months?|weeks?))"
    r"|Next\s+(?:year|season|quarter|spring|summer|autumn|winter)),\s+yes\s*[.!]?\s*$"
)


# "That depends on the permit. I'd say it's a coin toss.", "We start hiring in May. By the end
# of next year, about 900.": a call after the reasons or the plans, still the answer's.
_LATER_ANSWER: Final = re.compile(
    r"^\s*(?:"
    + _BY_WHEN
    + _FIGURE_ANSWER
    # "Probably, but only slightly. I'd say by 1% to 3%.": the hedge, then the figure it means
    + r"|(?=I['’]d\s+say\s|I\s+would\s+say\s)"
    + _FIGURE_ANSWER
    + "|"
    + _EVEN_ODDS_ANSWER
    + ")"
    + _ANSWER_END
)


_TIMED_ANSWER: Final = re.compile(_ANSWER_TAG + "(?:" + _TIMED_DENIAL + ")" + _ANSWER_END)


# '"Yes, but not dramatically," said X': a source's answer to a question heading, quoted
# before its speaker; the claim is the question's. A bare "Yes" or "No" is left alone, as the
# answer tags' own turns are.
_QUOTED_ANSWER: Final = re.compile(
    r"^\s*[\"“](?:Yes|No),\s+but\s+(?:not\s+)?[\w\s-]{1,40}?[,.]?[\"”],?\s+"
    r"(?:said|says|according\s+to)\s"
)


_HEDGE_ANSWER: Final = re.compile(
    r"^\s*(?:(?:Probably|Almost\s+certainly|Very\s+likely|Very\s+unlikely|Unlikely|Likely)"
    r"(?:\s+not)?"
    + _ALONE
    # "Probably not this round.", "Not before next year.": an explainer's answer under its
    # question heading, with the time it grants or denies
    + r"(?:\s+(?:this|next)\s+(?:year|month|season|quarter|week|winter|summer|spring|autumn|time|"
    r"round|term))?|" + _HEDGED_PICK + r"|" + _TIMED_DENIAL + r"|" + _DEGREE_YES + r")\s*[.!]\s*$"
)


# "Will rates fall?", "Does that continue?": a question about what is to come; not "Has the
# season peaked?" or "Is the outbreak under control?", which ask about the present.
_FUTURE_QUESTION: Final = re.compile(
    r"\b(?:will|would|won['’]t|shall|going\s+to|next|before|by\s+the\s+end|continue|"
    # "Markets are pricing three cuts by December. Are they right?": a deadline to come
    r"by\s+(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)|"
    r"expect|ever|again|coming|future|(?:19|20)\d\d|"
    # "Twelve months from now, where is Brent?": a time counted forward from today
    r"from\s+now|"
    # "Does the bank cut on the 22nd?": a day of the month, asked of in the present for a
    # meeting to come
    r"on\s+the\s+\d{1,2}(?:st|nd|rd|th)|"
    # "What about the risk of recession?": a chance is of something still to come
    r"risks?|chances?|odds|likelihood|probability|prospects?|outlook|"
    # "Where does it settle?", "Where do rates end up?": where a figure comes to rest; not
    # "Have we reached the peak?", whose peak is a noun and whose question is about today
    r"settles?|end\s+up|ends\s+up|land|lands|(?<!\bthe\s)(?<!\bits\s)peaks?|heading|"
    # "Does that last?": whether a state goes on
    r"(?:does|do|can|could)\s+(?:that|this|it|they|these|those)\s+(?:last|persist)|"
    # "And if the approvals slip?": what follows in a case still to come
    r"(?:and|but|what)\s+if)\b|"
    # "You sold 700,000 last year. How many this year?": the count of a period still running,
    # asked without a verb that would set it in the past or the present
    r"\bhow\s+(?:many|much)\s+(?:(?!(?:did|do|does|have|has|had|is|are|was|were)\b)[\w-]+\s+)"
    r"{0,3}?this\s+(?:year|season|quarter|month|winter|summer|spring|autumn)\s*\?",
    re.IGNORECASE,
)


_SHORT_ANSWER_CUE: Final = _Cue(
    "opinion", 0, 0, None, None, None, 0.75, "a short answer to a question about the future"
)


# "Q: Will they raise spending in 2028?" - "A: I think so." - "Q: By how much?": a question
# with no verb of its own asks on about the event of the one before, and so about the future
# when that one did.
_FOLLOW_UP: Final = re.compile(
    _ANSWER_TAG + r"(?:(?:And|So|But)\s+)?(?:(?:By|To|For|Until)\s+)?(?i:how\s+(?:much|many|far|"
    r"long|soon|quickly|fast|big|high|low)|when|what\s+size)(?:,?\s+then)?\s*\?\s*$"
)


def _follows_up_ahead(sentence: Sentence, document: _Document) -> bool:
    return (
        document.question_paragraph == document.asked_paragraph >= 0
        and sentence.paragraph - document.asked_paragraph <= 2
        and _FOLLOW_UP.match(sentence.text) is not None
    )


# "Rosa?", "And you, Tomas?", "What about you, Lise?": the host hands the question just asked
# to the next guest, and it asks what that one did.
_HAND_OVER: Final = re.compile(
    r"^\s*(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}:\s*)?(?:(?:And|What\s+about|How\s+about)"
    r"\s+)?(?:you,?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s*\?\s*$"
)


# How many paragraphs on the question may still be handed on: the answer and the host's turn.
_HAND_OVER_REACH: Final = 3


def _hands_question_on(sentence: Sentence, document: _Document) -> bool:
    return (
        document.question_paragraph == document.asked_paragraph >= 0
        and sentence.paragraph - document.asked_paragraph <= _HAND_OVER_REACH
        and _HAND_OVER.match(sentence.text) is not None
    )


def _short_answer(sentence: Sentence, document: _Document) -> bool:
    """The first words of an answer to the question in the paragraph just above."""
    if sentence.paragraph == document.question_paragraph + 1 and _TIMED_YES.match(sentence.text):
        return True  # "Probably not next year. In 2028, yes.": a later time, granted
    if document.previous_paragraph == sentence.paragraph:
        return (
            sentence.paragraph == document.question_paragraph + 1
            and _LATER_ANSWER.match(sentence.text) is not None
        )
    if sentence.paragraph == document.question_paragraph + 1:
        return (
            _SHORT_ANSWER.match(sentence.text) is not None
            or _QUOTED_ANSWER.match(sentence.text) is not None
        )
    # "So no recession?" - "Not next year, no.": the answer's time makes the event a future one
    return (
        sentence.paragraph == document.asked_paragraph + 1
        and _TIMED_ANSWER.match(sentence.text) is not None
    )


# "Will the bank cut in March? Kell Partners thinks so.": a news story's question answered
# by a named source, whose claim is the question's (LABELLING.md, thirteenth split); "Could
# rings replace watches? Moreau-Ito thinks not.": or its denial.
_BELIEVES_SO: Final = re.compile(
    r"^\s*(?:[\w&'’.,-]+\s+){1,8}?(?:(?:still|also)\s+)?(?:believes?|thinks?|expects?|"
    r"reckons?|suspects?)\s+(?:so|not)\s*[.!]\s*$"
)


def _answers_question_before(sentence: Sentence, sentences: list[Sentence], index: int) -> bool:
    if index == 0 or not _BELIEVES_SO.match(sentence.text):
        return False
    asked = sentences[index - 1].text
    # not "Is the labour market cracking?", which asks about the present
    return (
        asked.rstrip().endswith("?")
        and sentences[index - 1].paragraph >= sentence.paragraph - 1
        and (_FUTURE_QUESTION.search(asked) is not None or _CAN_THEY_WIN.match(asked) is not None)
    )


# 'Asked whether rates could go back up, she said: "Not this year."': a reporter's question
# put as a clause, answered in a short quotation whose claim is the question's.
_ASKED_WHETHER: Final = re.compile(
    # "Asked by Ola Brenn of Kell Partners whether ...": an analyst on a call puts it
    r"^\W*Asked\s+(?:by\s+[^,;:]{3,80}?\s+)?(?:whether|if)\s+(?P<asked>[^,;:]{5,160}),\s+"
    r"(?:[\w.'’-]+\s+){1,4}?"
    r"(?:said|replied|answered)\s*:?\s*[\"“](?P<answer>[^\"”]{2,100})[\"”]\s*$"
)


# '"I don't think so," she said, when Ola Brenn of Kell Partners asked whether prices would
# keep rising': the answer first, then the question it answered.
_ANSWERED_WHEN_ASKED: Final = re.compile(
    r"^\W*[\"“](?P<answer>[^\"”]{2,100}?)[,.]?[\"”],?\s+(?:[\w.'’-]+\s+){1,4}?"
    r"(?:said|replied|answered),?\s+(?:when|after)\s+[^;:\"“”]{1,80}?\basked\s+(?:whether|if)\s+"
    r"(?P<asked>[^;:]{5,160}?)[.!]?\s*$"
)


# "Yes, in the fourth quarter, to two customers.": the question's event granted, and when.
_YES_WITH_TIME: Final = re.compile(
    r"(?:Yes|No),\s+(?:"
    + _TIME_ANSWER
    + r"|(?i:in|by|before|during)\s+the\s+(?:first|second|third|fourth)\s+(?:quarter|half))\b"
)


# What the question clause asks about is still to come: "could go back up", "would cut".
_ASKED_AHEAD: Final = re.compile(r"\b(?:could|might|can|may)\b")


def _answers_asked_whether(text: str) -> bool:
    asked = _ASKED_WHETHER.match(text) or _ANSWERED_WHEN_ASKED.match(text)
    if asked is None or (
        _SHORT_ANSWER.match(asked.group("answer")) is None
        and _YES_WITH_TIME.match(asked.group("answer")) is None
    ):
        return False
    question = asked.group("asked")
    return (
        _FUTURE_QUESTION.search(question) is not None or _ASKED_AHEAD.search(question) is not None
    )


# "About 4,000, if the suppliers move with us. Without them, perhaps half that.": the figure
# for the case the answer's own condition leaves out, as hedged as the first.
_OTHER_CASE: Final = re.compile(
    r"^\W*(?:Without\s+(?:it|them|that|those|this|these)|Otherwise|If\s+not),\s+"
    r"(?:(?:perhaps|maybe|probably|about|around|roughly|closer\s+to|nearer|only)\s+)+"
    r"(?:half|a\s+third|a\s+quarter|two-thirds|[$€£]?\d[\d.,]*)\b[^.;!?]{0,40}[.!]\s*$",
    re.IGNORECASE,
)


def _other_case(sentence: Sentence, sentences: list[Sentence], index: int) -> bool:
    if index == 0 or not _OTHER_CASE.match(sentence.text):
        return False
    before = sentences[index - 1]
    return before.paragraph == sentence.paragraph and _condition(before.text) is not None


# "Q: Will they?" - "A: No.": a bare yes or no, the whole of the answer, to whether others
# will do something is a call on it; to "Will you ...?" it is the answerer's own pledge.
_BARE_YES_NO: Final = re.compile(_ANSWER_TAG + r"(?:Yes|No)\s*[.!]?\s*$")
_WILL_THEY: Final = re.compile(
    r"^\W*(?:[A-Z][\w'’.-]*:\s*)?(?:(?:Will|Won['’]t)\s+(?!(?:you|we|I)\b)|"
    r"(?:Is|Are)\s+(?!(?:you|we)\b)[\w\s'’-]{1,40}?\bgoing\s+to\b)[^?]*\?\s*$"
)


# What makes the reasons after a bare "No." a claim of their own: a view or a look ahead.
# Reasons that only describe today ("Their yields are still behind the leaders.") leave the
# claim with the "No.".
_VIEW_AHEAD: Final = re.compile(
    r"\b(?:will|would|won['’]t|wouldn['’]t|shall|going\s+to|think|thinks|expect|expects|believe|"
    r"doubt|probably|likely|unlikely|could|may|might|should|chance|never|next|until|by)\b|['’]ll\b",
    re.IGNORECASE,
)


def _bare_answer_to_will(sentence: Sentence, sentences: list[Sentence], index: int) -> bool:
    if index == 0 or not _BARE_YES_NO.match(sentence.text):
        return False
    rest = [later.text for later in sentences[index + 1 :] if later.paragraph == sentence.paragraph]
    if any(_VIEW_AHEAD.search(text) for text in rest):
        return False  # "No. I think they stay below 3%": the reasons carry the claim
    asked = sentences[index - 1]
    return asked.paragraph == sentence.paragraph - 1 and _WILL_THEY.match(asked.text) is not None


# "Can they end that run?", "Can Labour hold the seat?": whether an outcome is to come; not
# "Can the defence cope?", which asks what a side is able to do
_CAN_THEY_WIN: Final = re.compile(
    r"^\W*(?:Can|Could)\s+(?:[\w&'’.-]+\s+){1,4}?(?:win|beat|end|stop|avoid|survive|hold|reach|"
    r"catch|overtake|retain|keep|clinch|escape|break|snap|extend|"
    # "Could rings replace watches altogether?": one product taking another's place
    r"replace|displace|outsell)\b"
)


_PERFECT_VERB: Final = re.compile(r"^(?:has|have)\b", re.IGNORECASE)


_CLAUSE_MARK: Final = re.compile(r"[,;:\"“”]")


# "A year ago, ", "Two months ago ": a time gone by, opening the sentence.
_TIME_AGO_OPENING: Final = (
    r"^\W*(?:a|one|two|three|four|five|six|\d+)\s+(?:years?|months?|weeks?)\s+ago,?\s+"
)


# "X last month forecast that": a forecast made before the article, reported as a fact
# (LABELLING.md, fact); "said last month" may still report a view the source holds.
_FORECAST_MADE_BEFORE: Final = re.compile(
    r"\blast\s+(?:week|month|year|quarter|spring|summer|autumn|fall|winter)\s+"
    r"(?:forecast|forecasted|predicted|projected|estimated)\s+(?:that\b|\w+\s+(?:would|to)\b)"
    # "Last year the agency forecast growth of 2%": the time opens the sentence
    # "Last December, the bank projected ...": a month gone by names when it was made
    r"|^\W*last\s+(?:week|month|year|quarter|spring|summer|autumn|fall|winter|"
    + _MONTH_NAMES
    + r"),?\s+"
    r"(?:the\s+)?(?:[\w&'’.-]+\s+){1,4}?(?:forecast|forecasted|predicted|projected|estimated"
    # "Last year it put the same chance at 25%": a figure given then, recalled
    r"|put|gave|rated|priced|assessed)\b"
    # "A year ago, I predicted in these pages that ...": a time ago opens the sentence
    + r"|"
    + _TIME_AGO_OPENING
    + r"(?:[\w&'’.-]+\s+){1,5}?(?:forecast|forecasted|predicted|projected|estimated)\b"
    # "A year ago, in this column, I wrote that ...": the writer's own call, recalled
    r"|"
    + _TIME_AGO_OPENING
    + r"(?:[\w&'’.-]+,?\s+){0,4}?(?:i|we)\s+(?:wrote|said|argued|predicted|forecast|warned)\b"
    # "Last time, in 2021, I said X would win", "HOST: Last season you said Rovers would win":
    # a call recalled from an earlier contest, a past belief whatever came of it
    r"|^\W*(?:\w+:\s*)?last\s+(?:time|season|year|election|campaign|cycle|spring|summer|"
    r"autumn|fall|winter)\b[^.;:]{0,30}?\b(?:i|you|he|she|we|they)\s+"
    r"(?:said|predicted|forecast|tipped|called\s+it\s+for)\b",
    re.IGNORECASE,
)


# "In January, the firm expected shipments to rise 3.5%": a month opening the sentence and a
# belief verb in the past tense after its subject date the belief, not the event; a view
# held then and since changed is a past belief (LABELLING.md, fact). "forecast" alone is left
# out, as "In March, analysts forecast ..." may be the present.
# "X predicted 14 to 18 storms for 2027": a past forecast for a year, which publication in a
# later year finds settled.
# ("forecast growth of just 1.2% for 2028": a decimal point ends no clause)
_PREDICTED_FOR_A_YEAR: Final = re.compile(
    r"\b(?:predicted|forecast|forecasted|projected)\s+(?:(?:[^.;,]|(?<=\d)[.,](?=\d)){1,60}?\s)?"
    r"for\s+"
    r"(?P<year>(?:19|20)\d\d)\b(?![\s-]*\d)"
)


_MONTH_BELIEF_BEFORE: Final = re.compile(
    r"^\W*(?:in|back\s+in|as\s+recently\s+as)\s+(?:(?:our|its|their|his|her|the)\s+)?"
    rf"(?:early\s+|late\s+|mid-)?(?:{_MONTH_NAMES})"
    # "In our February note we expected ...": a note dated by its month
    r"(?:\s+(?:note|report|outlook|update|statement|bulletin|column|review|forecast|survey))?"
    r"(?:\s+(?:19|20)\d\d)?,?\s+(?:the\s+)?(?:[\w&'’.-]+\s+){1,4}?"
    r"(?:expected|forecasted|predicted|projected|estimated|guided|"
    r"had\s+(?:expected|forecast|predicted))\b",
    re.IGNORECASE,
)


# "Last November the bank forecast 2%, and it now expects 1%": the view it holds today
# follows the one it recalls, and is the claim.
_HELD_NOW: Final = re.compile(
    r"\b(?:now|still|currently)\s+(?:expects?|forecasts?|sees?|projects?|predicts?|thinks?|"
    r"believes?)\b"
)


# "Rosa, you said on this show in January that we'd see $80": an interviewer recalling the
# guest's earlier call, neither the interviewer's claim nor the guest's view today.
_YOUR_CALL_RECALLED: Final = re.compile(
    r"\byou\s+(?:said|predicted|forecast|wrote|argued|told\s+(?:us|me|listeners|viewers|"
    r"readers))\b[^.;:?\"“”]{0,60}?\bthat\b",
    re.IGNORECASE,
)


# "In January I wrote that Ruiz-Castell would struggle": the writer's own call, recalled as
# a record of what was said then; a view still held says so ("and I still think").
_MY_CALL_RECALLED: Final = re.compile(r"\bI\s+(?:wrote|predicted)\b[^.;:?\"“”]{0,60}?\bthat\b")


def _dated_before(text: str, attribution: _Attribution, published_at: datetime | None) -> bool:
    """ "A 2019 review predicted ...", "In 2021 the bank forecast ...": a belief reported from a
    year before publication is a past belief, whatever it was about."""
    if "you " in text and _YOUR_CALL_RECALLED.search(text) and not _HELD_NOW.search(text):
        return True
    if "I " in text and _MY_CALL_RECALLED.search(text) and not _HELD_NOW.search(text):
        return True
    if (
        ("last " in text or "Last " in text or " ago" in text)
        and _FORECAST_MADE_BEFORE.search(text)
        and not _HELD_NOW.search(text)
    ):
        return True  # "The agency last month forecast that ...": a past forecast, reported
    if _MONTH_BELIEF_BEFORE.search(text):
        return True
    if published_at is None or not _YEAR.search(text):
        return False
    settled = _PREDICTED_FOR_A_YEAR.search(text) if "for " in text else None
    if settled is not None and int(settled.group("year")) < published_at.year:
        return True  # "NOAA predicted 14 to 18 storms for 2027": a year already over
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
    years = [_last_year_of(span) for span in _YEAR_OR_SPAN.finditer(subject)]
    if opening:
        years.append(int(opening.group(1)))
    if not years or max(years) >= published_at.year:
        return False
    if re.search(r"\b(?:since|from|between|if|unless)\b", subject, re.IGNORECASE):
        return False
    if _STUDY.search(subject) is not None:
        # "A 2026 study projected that rainfall would fall 12% by 2050": a study's projection
        # of a year still to come stands until a later one replaces it
        ahead = _BY_YEAR.search(text, verb_end)
        if ahead is not None and int(ahead.group("year")) > published_at.year:
            return False
    return True


# A published piece of research, whose projections stand until replaced.
_STUDY: Final = re.compile(r"\b(?:study|paper|research|assessment|analysis)\b", re.IGNORECASE)
_BY_YEAR: Final = re.compile(r"\b(?:by|in|until)\s+(?P<year>(?:20|21)\d\d)\b(?![\s-]*\d)")


def _last_year_of(span: re.Match[str]) -> int:
    """The year a year or a span of two years ("2026-27") ends in."""
    return int(span["century"] + (span["end"] or span["year"]))


def _named_later(post: str, known: int, document: _Document) -> str | None:
    """ "the United Nations envoy said ... the envoy, Dr. Amara Osei-Lindholm, said": a lede
    names a source by the post, and a later paragraph names whoever holds it."""
    holder = document.roles.get(post) if post in _PERSONAL_POSTS else None
    if holder is None or holder not in document.entities[known:]:
        return None
    return holder.name


# Posts one person holds in a process, so that "the envoy, Dr. X" later is the same person;
# a director or a spokesman named later may be another body's.
_PERSONAL_POSTS: Final = frozenset({"envoy", "mediator", "negotiator"})


# "By Dr. Amara Ruiz, Head of Agricultural Statistics", "Commentary by Dr. Lena Voss, Chief
# Labour Economist": a commentary signed inside a release, down to the next heading.
_SIGNED_COMMENTARY: Final = re.compile(
    r"^\s*(?:(?:Commentary|Comment|Analysis|Viewpoint|A\s+note)\s+by|By"
    # "Opening statement by Governor Mirela Santoso at the media conference": a speech the
    # release carries, in its giver's words
    r"|(?:(?:Opening|Introductory)\s+)?(?i:statement|remarks|speech|address)\s+by)\s+"
    r"(?:(?:Dr|Prof|Mr|Ms|Mrs)\.?\s+|(?:Deputy\s+)?(?:Governor|Chair|President)\s+)?"
    r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})"
    # "By Dr. Henrike Saalfeld-Amadi, chief economist of the Agency": the post in lower case
    r"(?:,\s+[A-Za-z]|\s+(?:at|to|before)\s)"
)


def _commentary_signer(heading: str) -> str | None:
    signed = _SIGNED_COMMENTARY.match(heading)
    return signed.group("name") if signed else None


def _sentence_attribution(
    sentence: Sentence, regions: list[tuple[int, int]], document: _Document
) -> _Attribution:
    """Who speaks: an attribution in the sentence, or the speaker of the quote it continues."""
    document.paragraph = sentence.paragraph
    if _quote_only(sentence.text, regions):
        if document.last_speaker_paragraph == sentence.paragraph:
            carried = document.carried_paragraph == sentence.paragraph
            return _Attribution(document.last_speaker, carried=carried)
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
            document.carried_paragraph = sentence.paragraph
            return _Attribution(document.last_speaker, carried=True)
        return _Attribution(None)
    _learn_names_before_attribution(sentence, regions, document)
    subject = document.last_organisation
    attribution = _attribution(sentence, regions, document)
    attribution = _document_reported(sentence.text, attribution, document) or attribution
    if (
        attribution.speaker is not None
        and attribution.verb_start >= 0
        and sentence.text.rstrip().endswith(":")
        and _INTRODUCES_WRITING.search(sentence.text, attribution.verb_start)
    ):
        # "Our polling analyst, Sam Whitcombe, writes:": the next paragraph is theirs
        document.introduced_paragraph = sentence.paragraph + 1
        document.introduced_by = attribution.speaker
    if (
        document.introduced_by is not None
        and sentence.paragraph == document.introduced_paragraph + 1
        and document.previous_paragraph == document.introduced_paragraph
        and not sentence.heading
    ):
        # "Our analyst writes:" over two paragraphs: the writing runs on until a heading
        # opens the next entry
        document.introduced_paragraph = sentence.paragraph
    if (
        attribution.speaker is None
        and not attribution.generic
        and document.introduced_paragraph == sentence.paragraph
    ):
        return _Attribution(document.introduced_by)
    if attribution.speaker is None and not attribution.generic:
        attribution = _continued_projection(sentence, document) or attribution
    if attribution.verb_start >= 0:
        document.last_speaker = attribution.speaker
        document.last_speaker_paragraph = sentence.paragraph
        known = document.known(attribution.speaker) if attribution.speaker else None
        if _DATA_SOURCE.match(sentence.text, attribution.verb_start):
            document.last_organisation = subject
        elif known is not None and known.kind == "org":
            document.last_organisation = known.root().name
    return attribution


# "Spending on devices is forecast to fall in the first half": an agentless projection.
_AGENTLESS_PROJECTION: Final = re.compile(
    r"^\W*(?:[\w&'’.,%$-]+\s+){1,8}?(?:is|are)\s+(?:now\s+|also\s+)?(?:forecast|projected|"
    r"expected|seen|predicted)\s+to\s+[a-z]"
)


def _continued_projection(sentence: Sentence, document: _Document) -> _Attribution | None:
    """ "X will rise 9.4%, Tallis said. Spending on devices is forecast to fall ...": an
    agentless projection that carries on, in the same paragraph, what an organisation just
    said is that organisation's (LABELLING.md, seventh split), as a reader takes it."""
    if (
        document.last_speaker is None
        or document.last_speaker_paragraph != sentence.paragraph
        or _AGENTLESS_PROJECTION.match(sentence.text) is None
    ):
        return None
    known = document.known(document.last_speaker)
    if known is None or known.kind != "org":
        return None
    return _Attribution(known.root().name)


# "Castell noted that the bank's latest forecasts, published in August, see growth picking
# up": an official reporting her body's published forecasts speaks for the body.
_REPORTED_DOCUMENT: Final = re.compile(
    r"\s+(?:that\s+)?(?P<document>(?i:the|its|their)\s+(?:[\w&.-]+\s+){0,3}?[\w&.-]+['’]s?\s+"
    r"(?:[\w-]+\s+){0,2}(?i:forecasts|projections|outlook|forecast|projection))"
    r"(?:,[^,;]{1,60},)?\s+(?:see|sees|show|shows|project|projects|imply|implies|point\s+to)\b"
)


def _document_reported(
    text: str, attribution: _Attribution, document: _Document
) -> _Attribution | None:
    if attribution.speaker is None or attribution.verb_end < 0:
        return None
    reported = _REPORTED_DOCUMENT.match(text, attribution.verb_end)
    if reported is None:
        # "The institute's models give a one-in-three chance of ..., Marås said": the same,
        # with the official named after what the body's models show
        reported = _DOCUMENT_OPENS.match(text)
        if reported is None or reported.end() > attribution.verb_start:
            return None
    owner = _report_owner(reported.group("document"), text, reported.start("document"), document)
    if owner is None or owner == attribution.speaker:
        return None
    return replace(attribution, speaker=owner, speakers=())


_DOCUMENT_OPENS: Final = re.compile(
    r"^\W*(?P<document>(?i:the|its|their)\s+(?:[\w&.-]+\s+){0,3}?[\w&.-]+['’]s?\s+"
    r"(?:[\w-]+\s+){0,2}(?i:forecasts|projections|outlook|forecast|projection|models?))"
    r"\s+(?:see|sees|show|shows|give|gives|project|projects|imply|implies|point\s+to)\b"
)


# "..., according to data compiled by LSEG": where figures were read, not the body the
# article goes on to call "it".
_DATA_SOURCE: Final = re.compile(
    r"according\s+to\s+(?:(?:the|its|latest|new|official|preliminary)\s+)*(?:data|figures|"
    r"statistics|numbers|estimates\s+compiled)\b",
    re.IGNORECASE,
)


_INTRODUCES_WRITING: Final = re.compile(r"\b(?:writes|wrote|explains|reports|adds)\s*:\s*$")


def _learn_names_before_attribution(
    sentence: Sentence, regions: list[tuple[int, int]], document: _Document
) -> None:
    """Full names introduced in this very sentence ("Oleksiy Danilov, ..., said")."""
    if _title_case_heading(sentence):
        return
    _learn_unnamed_bodies(sentence.text, document)
    previous: tuple[_Mention, _Entity] | None = None
    credit = _agency_credit(sentence.text)
    for mention in _mentions_in(sentence.text, document):
        if _inside(mention.start, regions):
            continue
        if credit is not None and credit[0] <= mention.start < credit[1]:
            continue  # the outlet that filed the story reports it, and never says its claims
        if _remembered_as_alias(sentence.text, previous, mention, document):
            # "The Ostrova Meteorological Organization (OMO) expects": the initials speak for
            # the full name in this sentence already
            continue
        entity = _classify(mention, sentence.text, document)
        if entity is not None and len(entity.name.split()) > 1:
            current = (mention, document.remember(entity))
            _link_to_owner(mention, current[1], document)
            _join_unit_to_body(sentence.text, previous, current, document)
            previous = current
        else:
            previous = None


def _join_unit_to_body(
    text: str,
    unit: tuple[_Mention, _Entity] | None,
    body: tuple[_Mention, _Entity],
    document: _Document,
) -> None:
    """ "The Climate Prediction Center, part of the National Oceanic and Atmospheric
    Administration, said": the unit speaks for the body it belongs to, in this very sentence
    and in the "it" of the next one."""
    if unit is None or not _part_of(text, unit, body):
        return
    unit[1].parent = body[1]
    if document.last_organisation == unit[1].name:
        document.last_organisation = body[1].root().name


def _build(
    sentence: Sentence,
    cues: list[_Cue],
    regions: list[tuple[int, int]],
    attribution: _Attribution,
    deadlines: list[Deadline],
    url: str | None,
    called: bool = False,
) -> Candidate:
    """called: the writer's call in a text of their calls or on a count bounded in words,
    checkable though it names no time."""
    main = _main_cue(cues)
    span_start, span_end = _span(sentence, main, regions, attribution)
    if main is _SHORT_ANSWER_CUE:
        # "NAKAMURA: Seventy-five dollars.": the answer has no cue word of its own; all of it
        # after the speaker's tag is what it says
        tag = re.match(_ANSWER_TAG, sentence.text)
        span_start, span_end = _trim_span(
            sentence.text, tag.end() if tag else 0, len(sentence.text)
        )
    probability_cue = _probability_cue(cues, sentence.text)
    deadline = _deadline_in(deadlines, span_start, span_end, main.start)
    deadlines = [d for d in deadlines if d.firm]
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
            deadline is not None and deadline.firm,
            dated=dated,
            open_ended=open_ended
            and not (quantity or condition or _FIGURE_IN.search(sentence.text)),
            figure=quantity is not None,
            conditional=condition is not None and _CONDITION_FIRST.match(sentence.text) is not None,
            anchored=bool(
                called
                or deadlines
                or quantity
                or condition
                or _FIGURE_IN.search(sentence.text)
                or _VAGUE_TIME.search(sentence.text)
                or _short_and_checkable(sentence.text, cues)
                or _NUMBERED_POINT.match(sentence.text) is not None
                or (" than " in sentence.text and _THAN_A_PAST_PERIOD.search(sentence.text))
                or _HEDGED_RESULT.search(sentence.text) is not None
                # "On current building rates, that target will be missed": a trend projected
                or _AT_THE_CURRENT_RATE.match(sentence.text) is not None
                or _NEXT_OFFICE.search(sentence.text) is not None
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


# "If turnout falls below 35%, X could overtake Y": a scenario set out before the outcome it
# leads to, the writer's conditional forecast; "X could loosen further if exports keep
# falling" trails its condition after a possibility, as often a caution as a call.
_CONDITION_FIRST: Final = re.compile(r"^\W*(?:If|Unless)\s")


# "milder than last year", "worse than in 2026": measured against a period a record holds.
_THAN_A_PAST_PERIOD: Final = re.compile(
    r"\bthan\s+(?:(?:it\s+|they\s+)?(?:was|were|did)\s+)?(?:in\s+)?(?:(?:last|previous)\s+"
    r"(?:year|season|winter|summer|spring|autumn|month|quarter|week|time)\b|(?:19|20)\d\d\b)",
    re.IGNORECASE,
)


# "Ruiz-Castell will be Sardova's next president": who takes an office still to be filled,
# which the election or the appointment settles.
_NEXT_OFFICE: Final = re.compile(
    r"\b(?:will|won['’]t)\s+(?:not\s+)?be\s+(?:the\s+|[A-Z][\w-]*['’]s\s+)next\s+"
    r"(?:(?:prime|first|deputy)\s+)?(?:president|minister|premier|chancellor|mayor|governor|"
    r"leader|chief\s+executive|manager|coach|captain|chair|speaker|secretary-general|pope)\b"
)


# "City should win this comfortably", "Rovers could be relegated": a hedged result of a
# contest, which the result settles whatever time the sentence gives.
_HEDGED_RESULT: Final = re.compile(
    r"\b(?:should|could|might)\s+(?:still\s+|well\s+)?(?:win|beat|lose\s+to|qualify|go\s+through|"
    r"retain\s+(?:the|their|his|her|its)\s+(?:title|trophy|crown|seat)|be\s+relegated|"
    r"reach\s+the\s+(?:final|semi-?finals?|quarter-?finals?|play-?offs?))\b"
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
    if cue.phrase in _AT_LEAST_EVEN:
        return 0.5, None
    return cue.probability, None


# "I would put the odds at better than even": the stated floor is even odds, the figure a
# reader can check against (LABELLING.md, eleventh split); the scale's row would add a margin
# the speaker never gave.
_AT_LEAST_EVEN: Final = frozenset({"better than even"})


_BARE_MONTH: Final = re.compile(_FULL_MONTHS)


def _deadline_in(deadlines: list[Deadline], start: int, end: int, cue: int) -> Deadline | None:
    """The deadline of the claim: in its span, after its cue first ("order books turned up in
    December, and I expect growth to return in the first quarter"), then anywhere in it."""
    inside = [d for d in deadlines if start <= d.start < end]
    after_cue = [d for d in inside if d.start >= cue]
    ordered = after_cue + [d for d in inside if d not in after_cue]
    ordered += [d for d in deadlines if d not in inside]
    # "would follow a January cut with another in March": a month named bare, in passing,
    # only where no other time is named
    ordered.sort(key=lambda d: _BARE_MONTH.fullmatch(d.phrase) is not None)
    resolved = [d for d in ordered if d.deadline is not None]
    return resolved[0] if resolved else (ordered[0] if ordered else None)
