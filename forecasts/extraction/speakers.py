"""Who says a sentence: verbs of saying, pronouns, roles, documents and subjects that
attribute it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Final

from forecasts.extraction.names import (
    _ACCORDING_TO,
    _DEFINITE_ORG,
    _DEFINITE_PERSON,
    _DISCOURSE_WORDS,
    _FIRM_KINDS_OF_NOUN,
    _GENERIC_SUBJECT,
    _GENERIC_TAIL,
    _GROUP_OPENING,
    _HYPHENED_PARTICLE,
    _INNER_JOB_TITLES,
    _LEADING_FUNCTION_WORDS,
    _NAME_PARTICLES,
    _NOT_NAMES,
    _ORG_NOUN_BEFORE,
    _ORG_WORDS,
    _PERSON_TITLES,
    _PRONOUNS,
    _PUBLIC_NOUNS,
    _ROLE_AT,
    _ROLE_OF_DEFINITE,
    _ROLE_OF_NAMED,
    _SPEECH,
    _TRAILING_JOB_TITLES,
    MORE_OR_LESS_CAUTIOUS,
    PASSIVE_BY_AGENT,
    _after_dateline,
    _agency_credit,
    _any_org_noun,
    _classify,
    _Document,
    _Entity,
    _link_to_owner,
    _Mention,
    _mentions_in,
    _name_runs,
    _org_word,
    _part_of,
    _remembered_as_alias,
    _resolve_name,
    _state_after_town,
)
from forecasts.extraction.sentences import (
    _NAME_TAG_OPENING,
    _SUBJECT_WINDOW,
    Sentence,
    _inside,
    _wordset,
)

# "VANCE:" opening a paragraph tags a transcript's turn.
_TAG_AFTER: Final = re.compile(r"\s*:")


def _learn_names(sentence: Sentence, regions: list[tuple[int, int]], document: _Document) -> None:
    """Record the people and organisations a sentence names, quotations excluded for people."""
    previous: tuple[_Mention, _Entity] | None = None
    subject: _Entity | None = None
    people: list[tuple[_Mention, _Entity]] = []
    credit = _agency_credit(sentence.text)
    before_sentence = document.opening
    if not document.opening_titled:
        _its_names_a_body(sentence.text, before_sentence, document)
    document.opening_titled = False
    document.opening = None
    document.team_opening = _team_opening(sentence.text, document)
    start = _after_dateline(sentence.text)
    for mention in _mentions_in(sentence.text, document):
        if credit is not None and credit[0] <= mention.start < credit[1]:
            continue  # the outlet that filed the story reports it, and never says its claims
        if _remembered_as_alias(sentence.text, previous, mention, document):
            continue
        entity = _classify(mention, sentence.text, document)
        if entity is None:
            previous = None
            continue
        entity = document.remember(entity)
        _link_to_owner(mention, entity, document)
        # "LUND: Probably. The company told us so.": a transcript's tag opens a turn, and
        # is no subject of a lede that "the company" could take up
        if (
            mention.start == start
            and not mention.owner
            and not _TAG_AFTER.match(sentence.text, mention.end)
        ):
            document.opening = entity
            document.opening_titled = bool(mention.title)
        if entity.kind == "person" and not _inside(mention.start, regions):
            document.mention_person(entity)
            people.append((mention, entity))
            if _APPOSITIVE_SUBJECT.match(sentence.text, mention.end) and not sentence.text[
                : mention.start
            ].strip(" \"“‘'"):
                subject = entity
        if previous is not None and _part_of(sentence.text, previous, (mention, entity)):
            previous[1].parent = entity
        if entity.kind == "org" and _opens_as_subject(sentence.text[: mention.start]):
            document.last_organisation = entity.root().name  # the subject "it" refers to
        if entity.kind == "org" and mention.possessive:
            _learn_unit(sentence.text, mention.end, entity)
        previous = (mention, entity)
    if subject is not None:
        # "Ray Gilchrist, a consultant who worked on Delgado's campaign, was blunter.": the
        # people of the aside are not whom the next "he" means
        document.mention_person(subject)
    _learn_named_together(sentence, people, document)
    _learn_roles(sentence.text, document)
    if not _firm_was_lede_subject(sentence.text, before_sentence, document):
        _learn_definite_subject(sentence.text, document)
    group = _GROUP_OPENING.match(sentence.text)
    if group is not None:
        organisation = _role_organisation(group.group().strip(), sentence.text, 0, document)
        if organisation is not None:
            speaker = _group_lead(sentence.text, group.end(), document) or organisation
            document.last_group, document.last_group_paragraph = speaker, sentence.paragraph
    opening = re.match(r"[^,;:]*?(?=\s+[a-z]+(?:ed|s)\b)", sentence.text)
    holder = _role_holder(opening.group(), document) if opening else None
    if holder is not None:
        document.mention_person(holder)


# "Its figures are ...": a sentence opening on "its", which stands for the subject before it.
_ITS_OPENS: Final = re.compile(r"\W*Its\s")


def _its_names_a_body(text: str, before: _Entity | None, document: _Document) -> None:
    """ "Calder Insight estimates that ... Its figures are based on ...": no person is "its",
    so a name read as a person's, with no title to say so, names a body."""
    if before is None or before.kind != "person" or before.gender or not _ITS_OPENS.match(text):
        return
    before.kind = "org"
    if before in document.last_person:
        document.last_person.remove(before)
    document.last_organisation = before.name


# "The Alliance of Crude Exporters' own secretariat": a unit the article goes on to call by
# its noun alone ("The secretariat's report"), which speaks for the body it belongs to.
_UNIT_AFTER_OWNER: Final = re.compile(r"\s+(?:own\s+)?(?P<unit>secretariat)\b")


def _learn_unit(text: str, end: int, entity: _Entity) -> None:
    """Call the body by the noun of the unit it was just named as owning."""
    unit = _UNIT_AFTER_OWNER.match(text, end)
    if unit is not None:
        body = entity.root()
        body.nouns = body.nouns | {unit.group("unit")}


# "Forecasters at the National Hurricane Center are watching a wave, which they give a 60%
# chance of ...": the chance the group the sentence opens on gives.
_GROUP_GIVES: Final = re.compile(
    r",\s+(?:which|that)\s+(?:they|it)\s+(?:give|gave|gives|put|puts)\b", re.IGNORECASE
)


def _group_gives(text: str, document: _Document) -> _Attribution | None:
    """The body of the group that opens a sentence and gives a chance in its relative clause
    (a group's view is its organisation's, LABELLING.md (c))."""
    group = _GROUP_OPENING.match(text)
    gives = _GROUP_GIVES.search(text, group.end()) if group is not None else None
    if group is None or gives is None:
        return None
    # the body as the sentence names it, which the article may not have learned yet
    body = _GROUP_BODY.search(group.group())
    organisation = (
        _resolve_name(group.group()[body.end() :], text, body.end(), document)
        if body is not None
        else None
    )
    if organisation is None:
        return None
    return _Attribution(organisation, False, gives.start(), gives.end())


_GROUP_BODY: Final = re.compile(r"\s(?:at|from|with|of)\s+(?:the\s+)?", re.IGNORECASE)


# "led by Rafael Quintero-Moss", "headed by Dr. Ana Ruiz": a group's named lead author.
_LED_BY_NAME: Final = (
    r"(?:led|headed)\s+by\s+(?P<name>(?:(?:Dr|Prof|Mr|Ms|Mrs)\.?\s+)?[A-Z][\w'’-]+"
    r"(?:\s+[A-Z][\w'’-]+)+)"
)


def _group_lead(text: str, end: int, document: _Document) -> str | None:
    """ "Analysts at Stanhope Bank led by Rafael Quintero-Moss ... they wrote": the named lead
    author speaks for the group (LABELLING.md), in the sentences after as in this one."""
    led = _LED_BY_AFTER.match(text, end)
    if led is None:
        return None
    return _resolve_name(led.group("name"), text, led.start("name"), document)


_LED_BY_AFTER: Final = re.compile(r",?\s+" + _LED_BY_NAME)


# Between two people named together: "Anneliese Varga and external member Rohan Castellanos".
_AND_BETWEEN: Final = re.compile(r",?\s+(?:and|&)\s+(?:[a-z-]+\s+){0,3}")


# "Two members, Dr. Ana Roth and Liv Berg, preferred to hold": a vote's minority, named.
_MINORITY_NAMED: Final = re.compile(
    r"\b(?i:two|three|four|five|\d)\s+(?:other\s+)?members?,\s+(?P<names>[^;:()]{5,200}?),\s+"
    r"(?:had\s+)?(?:preferred|voted|dissented|wanted|favou?red)\b"
)
# "The three members who preferred a cut": the minority named before, called by its vote.
_MINORITY_REFERENCE: Final = re.compile(
    r"\s*(?i:the|those)\s+(?i:two|three|four|five|\d)\s+(?:other\s+)?(?:members|dissenters)\s+"
    r"who\s+(?:had\s+)?(?:preferred|voted|dissented|wanted|favou?red)\b"
)


def _learn_minority(
    sentence: Sentence, people: list[tuple[_Mention, _Entity]], document: _Document
) -> None:
    named = _MINORITY_NAMED.search(sentence.text) if "members" in sentence.text else None
    if named is not None:
        members = tuple(
            entity.name
            for mention, entity in people
            if named.start("names") <= mention.start < named.end("names")
        )
        if len(members) > 1:
            document.minority = members
    if document.minority and _MINORITY_REFERENCE.match(sentence.text):
        # "... placed more weight on jobs. They judged ...": the next "they" means them too
        document.last_pair = document.minority
        document.last_pair_paragraph = sentence.paragraph


def _learn_named_together(
    sentence: Sentence, people: list[tuple[_Mention, _Entity]], document: _Document
) -> None:
    _learn_minority(sentence, people, document)
    for (first, one), (second, other) in pairwise(people):
        if _AND_BETWEEN.fullmatch(sentence.text, first.end, second.start):
            document.last_pair = (one.name, other.name)
            document.last_pair_paragraph = sentence.paragraph
            return


# A name opening a sentence with an aside about who they are after it.
_APPOSITIVE_SUBJECT: Final = re.compile(r",\s+(?:a|an|the|who|whose|one|now|then|once)\b")


# "the economy ministry", "Japan's finance ministry", "Brazil's oil regulator": a body the
# article never names, written by its kind and field (Reuters style keeps them lower case).
_UNNAMED_BODY: Final = re.compile(
    r"(?:\b(?i:the)\s+|\b(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?['’]s)\s+)"
    # "the state health department": a level of government may come first
    r"(?P<body>(?-i:(?:state|federal|national|regional|provincial|city|county)\s+)?"
    r"(?-i:[a-z]+)\s+(?P<noun>ministry|regulator|department|agency|bureau|office|"
    r"commission|authority|tribunal))\b(?!['’]s\s+[A-Z])"
)


def _learn_unnamed_bodies(text: str, document: _Document) -> None:
    """Remember a body written only by its kind, as its speaker's name, when no body of that
    kind has been named ("the economy ministry" -> "economy ministry")."""
    if not any(noun in text for noun in _UNNAMED_BODY_NOUNS):
        return
    for match in _UNNAMED_BODY.finditer(text):
        if match.group("body").split()[-2] in _NOT_A_FIELD:
            continue  # "the same ministry", "the new regulator": no field named
        noun = match.group("noun")
        if any(entity.kind == "org" and noun in entity.nouns for entity in document.entities):
            continue  # "the Finance Ministry" named before: "the finance ministry" is it
        place = match.group("place")
        name = f"{place} {match.group('body')}" if place else match.group("body")
        document.remember(_Entity(name, "org", nouns=frozenset({noun}), unnamed=True))


def _named_in_full(speaker: str, document: _Document) -> str | None:
    """The full name an article gives later to a body its lede wrote by kind: "the state
    health department said" then "the Montana Department of Public Health and Human
    Services"."""
    body = document.known(speaker)
    if body is not None and body.kind == "person" and " " not in speaker:
        return _surname_in_full(speaker, document) if _titled(speaker, document) else None
    if body is None or not body.unnamed:
        return None
    field = body.parts[-2].lower() if len(body.parts) > 1 else ""
    for entity in document.entities:
        parts = {part.lower() for part in entity.parts}
        if (
            entity.kind == "org"
            and not entity.unnamed
            and entity.order > body.order
            # "the national weather agency", then "the Moravia Weather Service": a public
            # body's kind is written loosely, its field is not
            and (body.nouns <= parts or (body.nouns & _AGENCY_NOUNS and parts & _AGENCY_NOUNS))
            and field in parts
        ):
            return entity.root().name
    return None


def _titled(surname: str, document: _Document) -> bool:
    """Whether the article writes the surname after a title ("Governor Ankerstrom"), as it
    does a person's, and not a word a sentence opens on ("Expect Eskara's harvest")."""
    return any(
        match.group(1).lower() in _PERSON_TITLES
        for match in re.finditer(rf"\b([A-Z][a-z]+)\.?\s+{re.escape(surname)}\b", document.article)
    )


def _surname_in_full(surname: str, document: _Document) -> str | None:
    """ "Governor Ankerstrom said ..." before the article gives "Sofia Ankerstrom": the full
    name, when only one person of that surname is named."""
    full = {
        entity.name
        for entity in document.entities_by_edge(surname)
        # not "Will Skylattice ...?" in a headline, whose capitals mark words as well
        if entity.kind == "person"
        and not entity.headline
        and len(entity.parts) > 1
        and entity.parts[-1] == surname
    }
    return full.pop() if len(full) == 1 else None


_UNNAMED_BODY_NOUNS: Final = (
    "ministry",
    "regulator",
    "department",
    "agency",
    "bureau",
    "office",
    "commission",
    "authority",
    # "the electoral tribunal", which runs an election in several countries
    "tribunal",
)


# Words before a body's kind that name no field of work.
_NOT_A_FIELD: Final = _wordset(
    "same new old other former previous local national federal state regional country's "
    "government main top"
)


# "The institute's report also examined ...", "The company said ...": a body met before,
# opening the sentence by the noun for its kind.
_DEFINITE_SUBJECT: Final = re.compile(r"\s*(?i:the)\s+(?P<noun>[a-z]+)(?:['’]s\b|\s+[a-z]+)")


# Nouns for a public body or institute; not "city", "water" or "press", which name other things.
_INSTITUTION_NOUNS: Final = _wordset(
    "institute ministry agency bureau office department centre center service authority "
    "university federation association commission committee board council fund foundation"
)


# "The company, founded in 2019, ...": a sentence opening on the noun for a kind of firm.
_FIRM_NOUN_OPENING: Final = re.compile(r"\s*(?i:the)\s+(?P<noun>[a-z-]+)\b(?!['’])")


def _opens_as_subject(before: str) -> bool:
    """Nothing, "the", or the kind of body it is ("The data firm StatPitch is less convinced")
    stands before a name that is the sentence's subject."""
    opening = _KIND_BEFORE_NAME.fullmatch(before)
    if opening is None:
        return False
    kind = opening.group("kind") or opening.group("aside")
    return kind is None or _any_org_noun(kind) or kind in _PUBLISHER_KINDS


# "The data site Ballot Compass has updated its model. It now gives ...": kinds of body that
# publish forecasts without being called a firm, whom the next "it" means.
_PUBLISHER_KINDS: Final = _wordset(
    "site website outlet newsletter aggregator modeller modeler forecaster platform service"
)


_KIND_BEFORE_NAME: Final = re.compile(
    # "A second firm, Northgate Research, is gloomier": the kind set before the name as an
    # aside names the subject too
    # "Rival tracker Counterpoint Research was more cautious": a describing word may open it
    r"\s*(?:(?:[Tt]he\s+|[A-Z][a-z-]+\s+(?=[a-z]))?(?:(?:[a-z-]+\s+){0,2}?(?P<kind>[a-z-]+)\s+)?"
    r"|(?:[Tt]he|An?)\s+(?:[a-z-]+\s+){0,2}?(?P<aside>[a-z-]+),\s+)"
)


def _firm_was_lede_subject(text: str, before: _Entity | None, document: _Document) -> bool:
    """ "DELFT - Lumenfield Orbital has 14 satellites ... The company, founded in 2019, ...":
    a lede's subject, met with no organisation before it, is the firm the next sentence
    calls "the company", though its name alone could be a person's."""
    opening = _FIRM_NOUN_OPENING.match(text)
    if (
        before is None
        or opening is None
        or not _any_org_noun(opening.group("noun"))
        or before.gender
        or any(entity.kind == "org" for entity in document.entities[: before.order])
    ):
        return False
    before.kind = "org"
    before.nouns = before.nouns | {opening.group("noun")}
    document.last_organisation = before.root().name
    return True


def _learn_definite_subject(text: str, document: _Document) -> None:
    """A body the sentence opens with is the one a later "it" refers to, as when named."""
    opening = _DEFINITE_SUBJECT.match(text)
    if opening is None or not (
        _any_org_noun(opening.group("noun")) or opening.group("noun") in _INSTITUTION_NOUNS
    ):
        return
    found = document.org_for(opening.group("noun"))
    if found is not None:
        document.last_organisation = found.name


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
    # The organisations the article says a speaking person works for ("Orsund's chief
    # executive, Henrik Saarinen-Bloom"), whose acts are that person's to announce.
    own: tuple[str, ...] = ()


# "..., which tells you what traders think", "which shows us how far it has come": the
# writer's or speaker's comment on the clause before, whose "which" is no one who speaks.
_WHICH_BEFORE: Final = re.compile(r",\s*which\s+$")
_READER_AFTER: Final = re.compile(r"\s+(?:you|us|me)\b")


def _tipster(text: str, document: _Document) -> re.Match[str] | None:
    """A tipster's name before her pick, when it is a person the article knows."""
    tipster = _TIPSTER.match(text)
    if tipster is None:
        return None
    known = document.known(tipster.group("name"))
    return tipster if known is not None and known.kind == "person" else None


# 'Ola Brenn, the 2016 champion: "Kell, and in straight sets."': a panel's answer, the
# panellist named and described before the colon that opens their quotation.
_PANELLIST: Final = re.compile(
    r"\s*(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}),\s+[^:;\"“”]{1,60}?:\s*(?=[\"“])"
)


# What opens an answer and is no runner's name: "Yes, ...", "I wouldn't touch anything".
_NOT_A_PICK: Final = (
    r"(?:Yes|No|Well|Maybe|Honestly|Look|Sure|Definitely|Absolutely|Nobody|Everyone|It|I|We|"
    # "Miriam Achterberg, chief executive officer: Thanks, Dana.": a greeting on a call
    r"They|He|She|This|That|Thanks|Thank|Good|Hello|Hi)\b"
)
# "Gina Thorsby-Wells: Silver Lantern, and he wins by a couple of lengths.": a tipster's
# pick after her full name and a colon, with no quotation marks; "Dev Kent, Sportsday
# columnist: Kingsmoor again.", "Martin Obuya, Golf Monthly: Marchbanks.": her role or
# paper may stand between.
_TIPSTER: Final = re.compile(
    r"\s*(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3})(?:,\s+[^:;\"“”]{1,60}?)?:\s+"
    # the pick: a runner's name and a comma or full stop; "Kingsmoor again.": the holder
    # picked to repeat
    rf"(?=(?:the\s+)?(?!{_NOT_A_PICK})[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,2}}(?:\s+again)?[,.])"
)


def _attribution(
    sentence: Sentence, regions: list[tuple[int, int]], document: _Document
) -> _Attribution:
    found = _attribution_in_sentence(sentence, regions, document)
    found = _body_behind_person(sentence.text, found, regions, document) or found
    if found.speaker is None:
        found = _view_of_pronoun(sentence.text, regions, document) or found
    elif _writer_s_imperative(sentence.text, found, regions):
        found = replace(found, speaker=None, speakers=())
    return _listed_item(sentence, found, document) or found


# "Expect a coalition, and expect the talks to take longer": an order to the reader that
# opens the sentence, the writer's own forecast.
_IMPERATIVE_EXPECT: Final = re.compile(r"[^\w\"“‘']*(?:(?:And|But|So)\s+)?Expect\s")


def _writer_s_imperative(text: str, found: _Attribution, regions: list[tuple[int, int]]) -> bool:
    """The writer's "Expect ..." to the reader, whose "expect" is no name's verb; not a
    quoted one nor one a person is said to have said ("Expect a cut, she said")."""
    if found.answer or found.issued or found.carried or found.verb_start < 0:
        return False
    opening = _IMPERATIVE_EXPECT.match(text)
    if opening is None or _inside(opening.end() - 1, regions):
        return False
    return text[found.verb_start : found.verb_end].lower().startswith("expect")


# "Her view is that ...", "His bet is that ...", "Their expectation is that ...": the view
# of whom the pronoun means, not the writer's.
_POSSESSIVE_VIEW: Final = re.compile(
    r"\W*(?:(?:But|And|Still|Yet)\s+)?(?P<pronoun>His|Her|Their)\s+(?:own\s+)?"
    r"(?P<view>(?:view|bet|expectation|guess|belief|hunch|forecast|prediction|"
    r"assumption|sense)\s+is)\s+that\b"
)


# "In their view, inflation will fall ...": the same view, opening the sentence as a phrase.
_IN_POSSESSIVE_VIEW: Final = re.compile(
    r"\W*(?:(?:But|And|Still|Yet)\s+)?(?P<view>In\s+(?P<pronoun>his|her|their)\s+(?:own\s+)?"
    r"(?:view|opinion|judge?ment|estimation)),"
)


_PRONOUN_OF_POSSESSIVE: Final = {"his": "he", "her": "she", "their": "they"}


def _view_of_pronoun(
    text: str, regions: list[tuple[int, int]], document: _Document
) -> _Attribution | None:
    """ "She puts the odds at 50-50. Her view is that ...": the view is hers."""
    view = _POSSESSIVE_VIEW.match(text) or _IN_POSSESSIVE_VIEW.match(text)
    if view is None or _inside(view.start("pronoun"), regions):
        return None
    found = _possessor(view, document, view.span("view"))
    return found if found.speaker is not None else None


def _possessor(
    possessive: re.Match[str], document: _Document, verb: tuple[int, int]
) -> _Attribution:
    """Whom the possessive pronoun of a match ("Her view", "His model") means."""
    pronoun = _PRONOUN_OF_POSSESSIVE[possessive.group("pronoun").lower()]
    return _pronoun_speaker(pronoun, document, verb)


# The subject of a clause that is a body's staff, its instruments or the body by its initials,
# and the verb by which it looks ahead: "the agency's models gave", "The staff also see",
# "the CMS expected", "The bank's projections, which she said still held, show".
_BODY_INSTRUMENT: Final = re.compile(
    r"(?P<instrument>(?i:the|its|their)\s+(?:[\w&.-]+['’]s?\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?i:models|model|projections|forecasts|staff|modell?ing\s+(?:team|unit)|scenarios)"
    r"|(?:(?i:the)\s+)?(?-i:[A-Z]{2,6}))"
    r"(?:,\s+which\s+[^,;]{1,60},)?"
    r"\s+(?:(?:also|still|now)\s+)?(?:see|sees|show|shows|give|gives|gave|expects?|expected|"
    r"forecasts?|projects?|projected|puts?|estimates?|estimated|implies|imply)\b"
)


# A second reported clause: "said it was not impossible, but that the agency's models ...".
_THAT_CLAUSE: Final = re.compile(r",?\s+(?:but|and)\s+that\s+")


def _reported_openings(text: str, verb_end: int) -> list[int]:
    """Where a clause a person reports may open: the sentence's start ("The staff also see
    ..., she said"), right after the verb of saying, and each "but that" after it."""
    after = re.match(r"\s+(?:that\s+)?", text[verb_end:])
    openings = [len(text) - len(text.lstrip(" \"“‘'")), verb_end + (after.end() if after else 0)]
    return openings + [that.end() for that in _THAT_CLAUSE.finditer(text, verb_end)]


def _body_behind_person(
    text: str, found: _Attribution, regions: list[tuple[int, int]], document: _Document
) -> _Attribution | None:
    """A forecast made by a body's models, staff or projections is the body's, even when a
    person reports it (LABELLING.md, round two (c)): "Dr. Aral said the agency's models gave
    that outcome a one-in-five chance" is the agency's."""
    if found.speaker is None or found.verb_end < 0 or found.speakers:
        return None
    person = document.known(found.speaker)
    if person is None or person.kind != "person":
        return None
    for opening in _reported_openings(text, found.verb_end):
        instrument = _BODY_INSTRUMENT.match(text, opening)
        if instrument is None or _inside(instrument.start(), regions):
            continue
        written = instrument.group("instrument")
        if _firm_kind_owns(written):
            # "Esquivel said the firm's model gave ...": a pollster's director and his firm's
            # model are one voice, his
            continue
        owner = _employer_owns(written, found.speaker, document) or _instrument_owner(
            written, text, instrument.start(), document
        )
        if owner is not None and _owner_fits(owner, written) and owner != found.speaker:
            return replace(found, speaker=owner)
    return None


def _employer_owns(written: str, person: str, document: _Document) -> str | None:
    """The person's employer, when "the bank's projections" names a body of its kind or "the
    staff" names none: a governor reporting "the bank's" projections means her own bank,
    whatever body spoke in the sentence before."""
    words = written.lower().replace("’", "'").split()
    if len(words) < 2 or words[0] != "the":
        return None
    employers = _organisations_of(person, document)
    if not employers:
        return None
    name = _fullest_org(employers[0], document)
    kind = words[1].removesuffix("'s").removesuffix("'")
    if kind != words[1] and kind not in name.lower().split():
        return None  # "the agency's models", told by a bank's economist: another body's
    return name


def _owner_fits(owner: str, written: str) -> bool:
    """A body not yet named by name ("the national weather agency") owns "the agency's
    models", not "the bank's projections" nor staff the sentence gives no body for."""
    return owner[:1].isupper() or owner.split()[-1] in written.lower()


def _firm_kind_owns(written: str) -> bool:
    """ "the firm's model", "the company's projections": the instrument of a firm, by kind."""
    words = written.lower().replace("’", "'").split()
    return len(words) > 1 and words[1].removesuffix("'s").removesuffix("'") in _FIRM_KINDS_OF_NOUN


def _instrument_owner(written: str, text: str, offset: int, document: _Document) -> str | None:
    """The body whose staff or instrument `written` is: the one it is named for, the one "its"
    stands for, or the body its initials stand for."""
    if written.split()[-1].isupper():
        body = document.known(written.split()[-1])
        return body.root().name if body is not None and body.kind == "org" else None
    if "'" in written or "’" in written:
        return _report_owner(written, text, offset, document)
    return document.last_organisation


# "Among the report's key judgements:", "The bank's main forecasts are:", "Its key findings:":
# a line that sets out, as a list below it, what a body or its document judges or expects.
_FINDINGS_INTRO: Final = re.compile(
    r"^\W*(?:(?i:among|of)\s+)?(?P<owner>(?i:the\s+)?(?:[\w&.-]+\s+){0,4}?[\w&.-]+?)(?:['’]s?)?"
    r"\s+(?:[a-z-]+\s+){0,2}(?:judge?ments|findings|conclusions|forecasts|projections|"
    r"predictions|expectations|assumptions)(?:\s+(?:are|were|include|included))?\s*:\s*$"
)


# Documents a body issues, whose owner is the body that issued them ("the report's").
_DOCUMENT_WORDS: Final = _wordset(
    "report study review assessment outlook statement release note paper survey bulletin"
)


def _findings_owner(text: str, document: _Document) -> str | None:
    intro = _FINDINGS_INTRO.match(text)
    if intro is None:
        return None
    owner = intro.group("owner")
    last = owner.split()[-1].lower()
    if last in _DOCUMENT_WORDS or owner.lower() in {"its", "their"}:
        # "the report's": the body the article last wrote about, which issued it
        return document.last_organisation or _last_speaking_body(document)
    if owner.lower().startswith("the "):
        body = _definite_org(owner, document, "")
        if body is not None:
            return body.name
    return _resolve_name(owner, text, intro.start("owner"), document)


def _listed_item(
    sentence: Sentence, found: _Attribution, document: _Document
) -> _Attribution | None:
    """The body whose findings a line ending in a colon introduced, for the items below it:
    each paragraph that names no speaker of its own, up to the first that does or a
    heading."""
    if sentence.text.rstrip().endswith(":") and found.speaker is None:
        document.listed_by = _findings_owner(sentence.text, document)
        document.listed_paragraph = sentence.paragraph
        return None
    if document.listed_by is None:
        return None
    if sentence.paragraph not in (document.listed_paragraph, document.listed_paragraph + 1):
        document.listed_by = None  # the list ended above
        return None
    if found.speaker is not None or found.generic or sentence.heading:
        document.listed_by = None
        return None
    document.listed_paragraph = sentence.paragraph
    return _Attribution(document.listed_by)


def _attribution_in_sentence(
    sentence: Sentence, regions: list[tuple[int, int]], document: _Document
) -> _Attribution:
    text = sentence.text
    panellist = (_PANELLIST.match(text) or _tipster(text, document)) if ":" in text else None
    if panellist is not None:
        name = _resolve_name(panellist.group("name"), text, panellist.start("name"), document)
        if name is not None:
            return _Attribution(name, verb_start=panellist.end() - 1, verb_end=panellist.end())
    estimate = (
        _BY_ESTIMATE.search(text)
        if ("'" in text or "’" in text or " of " in text)
        and any(word in text for word in _ESTIMATE_WORDS)
        else None
    )
    if estimate is not None and not _inside(estimate.start(), regions):
        owner = "owner" if estimate.group("owner") else "after"
        if estimate.group("the"):
            body = _definite_org(estimate.group("the"), document, text[: estimate.start()])
            name = body.name if body is not None else None
        elif estimate.group("its"):
            name = document.last_organisation or _last_speaking_body(document)
        else:
            name = _resolve_name(estimate.group(owner), text, estimate.start(owner), document)
        if name is not None:
            return _Attribution(name, verb_start=estimate.start(), verb_end=estimate.end())
    agent = PASSIVE_BY_AGENT.search(text) if " by " in text else None
    if agent is not None and not _inside(agent.start(), regions):
        # "Inflation is forecast by the Bank of England to fall to 2%": the agent forecasts
        written = agent.group("agent")
        body = _definite_org(written, document, text[: agent.start("agent")])
        name = body.name if body is not None else None
        name = name or _resolve_name(written, text, agent.start("agent"), document)
        if name is not None:
            return _Attribution(name, verb_start=agent.start(), verb_end=agent.end("agent"))
    according = _ACCORDING_TO.search(text)
    if according and not _inside(according.start(), regions):
        # "Varda forecast revenue of ..., according to data compiled by LSEG": the forecast
        # is Varda's; "according to" says where the figures were read
        for verb in _SPEECH.finditer(text, 0, according.start()):
            if _inside(verb.start(), regions) or _noun_use(text, verb.start()):
                continue
            if _AGENTLESS_PASSIVE.search(text[max(0, verb.start() - 40) : verb.start()]):
                continue  # "Output is expected to ..., according to X": X is the source
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
            # "according to analysts at Harwich Partners": the role's organisation stands
            # after the "at" that ends a name's tail
            clause = re.split(r"[,;:(]", text[according.end() :])[0].rstrip(' .!?"”’')
            name = (
                _inverted_speaker(text[according.end() :], text, according.end(), document)
                or _role_organisation(tail.strip(), text, according.end(), document)
                or _role_organisation(clause.strip(), text, according.end(), document)
                # "according to the service's latest outlook": whoever issued it
                # (its closing full stop aside: "... own impact assessment.")
                or _report_owner(written, text, according.end(), document)
            )
        if name is not None:
            comma = re.search(r"[,;:]", text[according.end() :])
            tail_end = according.end() + (comma.start() if comma else len(tail))
            return _Attribution(name, verb_start=according.start(), verb_end=tail_end)
    quoted = "/" in text or "evens" in text or re.search(r"\d\.\d\d\b|\d-\d", text) is not None
    odds = _NAMED_ODDS.match(text) if quoted else None
    who, quotes = ("offerer", "offers")
    if odds is not None and odds.group("maker"):
        who, quotes = ("maker", "verb")
    elif odds is not None and odds.group("mover"):
        who, quotes = ("mover", "moved")
    elif odds is not None and odds.group("comparer"):
        who, quotes = ("comparer", "compared")
    if odds is not None and not _GENERIC_SUBJECT.match(odds.group(who)):
        # "Bookmakers make Rovers 4/6 favourites": no bookmaker named (LABELLING.md)
        name = (
            document.last_speaker
            if odds.group("same")
            else _resolve_name(odds.group(who), text, odds.start(who), document)
        )
        if name is not None:
            return _Attribution(name, verb_start=odds.start(quotes), verb_end=odds.end(quotes))
    moved = _ITS_ODDS_MOVED.match(text) if quoted else None
    if moved is not None:
        # "Kestrel Bet has cut Petrescu to 1-3. Its odds on Dragan have drifted to 9-4.": the
        # bookmaker just quoted, whose prices they are, however its name reads
        name = _its_owner(document) or _last_speaking_body(document)
        if name is not None:
            return _Attribution(name, verb_start=moved.start("moved"), verb_end=moved.end("moved"))
    priced = _PRICED_WITH.search(text) if "/" in text and "with" in text else None
    if priced is not None:
        # "The champions are 9/2 to lift the trophy with bookmaker Carraway Sports"
        name = _resolve_name(priced.group("maker"), text, priced.start("maker"), document)
        if name is not None:
            return _Attribution(name, verb_start=priced.start(), verb_end=priced.end())
    subordinate = _SUBORDINATE_WORD.search(text) is not None
    source = _SOURCE_OF_QUOTE.match(text)
    if source:
        name = _inverted_speaker(text[source.end() :], text, source.end(), document)
        if name is not None:
            return _Attribution(name, verb_start=source.start(), verb_end=source.end())
    for verb in _SPEECH.finditer(text):
        if _inside(verb.start(), regions) or _noun_use(text, verb.start()):
            continue
        if _DATED_TOPIC_BEFORE.search(text, max(0, verb.start() - _NOUN_USE_REACH), verb.start()):
            continue  # "We cut our 2029 GDP growth forecast": whose forecast it is, not who
        if _agentless_passive(text, verb):
            continue  # "is expected", "was predicted": a passive names no speaker here
        if _PARTICIPLE_BEFORE.search(text, max(0, verb.start() - 20), verb.start()):
            continue  # "Having conceded a goal in each match": a participle, no speaker
        if _PARTICIPLE_THEN_VERB.match(text, verb.end()):
            continue
        if _WHICH_BEFORE.search(text, max(0, verb.start() - 12), verb.start()) and (
            _READER_AFTER.match(text, verb.end())
        ):
            # "..., which tells you what our customers think": a comment on the clause before,
            # whose verbs after it speak for no one
            break
        if subordinate and _SUBORDINATE_BEFORE.search(
            text, max(0, verb.start() - 40), verb.start()
        ):
            continue  # "unless the region sees rain": a condition's verb, no one speaking
        found = _speaker_for_verb(text, verb, regions, document)
        if found is not None and found.generic and _SAID_AT_THE_END.search(text, verb.end()):
            # "Policymakers expect ..., the bank said": the body that reports them speaks
            continue
        if found is None or (found.speaker is None and not found.generic):
            # "We expect ..., the bank's note said", "..., the spokesman said": whoever the
            # sentence ends by naming, or the body an unnamed spokesman spoke for before
            found = (
                (_said_after(text, found, regions, document) if found is not None else None)
                or _spokesman_again(text, verb, document)
                or found
            )
        if found is not None:
            if found.post and found.speaker is not None:
                document.post_bodies[found.post] = found.speaker
            return _voiced_by_person(text, found, regions, document) or found
        if _body_kind(text, verb.start()):
            # "..., the national weather service said": a body the next sentences name, not
            # whoever a later verb in the sentence belongs to; still a source, that speaks
            return _Attribution(None, verb_start=verb.start(), verb_end=verb.end())
    shows = (
        _SHOWS.search(text)
        if "show" in text
        or "indicat" in text
        or " found " in text
        or " finds " in text
        or "pencil" in text
        or "consistent" in text
        else None
    )
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
    if shows is not None and not _inside(shows.start(), regions):
        named = _NAMED_DOCUMENT.search(text, max(0, shows.start() - _SUBJECT_WINDOW), shows.start())
        # "Statistics Office projections published last month show": the body named before
        # its document, without a possessive
        name = (
            _resolve_name(named.group("owner"), text, named.start("owner"), document)
            if named is not None
            else None
        )
        if name is not None:
            return _Attribution(name, verb_start=shows.start(), verb_end=shows.end())
    gives = (
        _PROJECTION_GIVES.search(text)
        if "ion" in text or "model" in text or "computer" in text
        else None
    )
    if gives is None and ("'" in text or "’" in text or _owned_by_its(text)):
        # "Tolland's own forecast for growth is 0.7%", "Its central projection is 61 seats"
        gives = _FORECAST_IS.search(text)
    if gives is not None and not _inside(gives.start(), regions):
        # "Varden's projection ... gives the Greens 40 seats", "A projection by Varden gave"
        by = _PROJECTION_BY.match(text, gives.end("noun"))
        if by is not None:
            name = _resolve_name(by.group("maker"), text, by.start("maker"), document)
        elif (persons := _PERSON_S_INSTRUMENT.match(text, 0, gives.end("noun"))) is not None:
            # "His model gives the Alliance a 58% chance": the person the pronoun means
            name = _possessor(persons, document, (-1, -1)).speaker
        elif _ITS_BEFORE.match(text, 0, gives.start()):
            # "Its season simulations have ...", "For Sunday's match, its model has ...": the
            # body the sentence is about, or failing that the one that spoke last
            name = document.last_organisation or _last_speaking_body(document)
        else:
            name = _report_owner(text[: gives.end("noun")], text, 0, document)
            if name is None and _THE_BEFORE.match(text, 0, gives.start()):
                # "... according to a projection by Varden. The projection gives ...": the
                # one just credited, by the body that spoke last
                name = _last_speaking_body(document)
                if name is None and document.paragraph - document.instrument_paragraph <= 1:
                    # "Radio Kessel's projection gives ... The same projection puts ...": the
                    # projection just credited to its owner
                    name = document.instrument_owner
        if name is not None:
            _report_instrument(name, document)
            return _Attribution(name)
    if (
        text.startswith("It has ")
        and document.instrument_paragraph == document.paragraph
        and document.instrument_owner is not None
    ):
        # "The exit poll, conducted by X, projects ... It has Labour on 52 seats": the
        # instrument just reported goes on, in its owner's name
        return _Attribution(document.instrument_owner)
    compared = _COMPARED_FORECASTER.match(text) if "ore " in text or "ess " in text else None
    if compared is not None:
        # "Marrow is slightly more cautious, at 1.6% growth": the firm set beside another
        name = _resolve_name(compared.group("who"), text, compared.start("who"), document)
        if name is not None:
            return _Attribution(name)
    relative = _RELATIVE_SAID.search(text) if "which " in text or "that " in text else None
    if relative is not None and not _inside(relative.start(), regions):
        # "a weak La Nina, which the World Weather Council said last week had a 70% chance of
        # persisting": the body named in the relative clause gives the chance
        name = _resolve_name(relative.group("who"), text, relative.start("who"), document)
        if name is not None:
            return _Attribution(
                name, verb_start=relative.start("verb"), verb_end=relative.end("verb")
            )
    return _Attribution(None)


# A firm's name as written: up to four capitalised words, partners joined by "&"
# ("Hollins & Vane").
_FIRM_NAME: Final = r"[A-Z][\w&'’.-]*(?:\s+(?:&\s+)?[A-Z][\w&'’.-]*){0,3}"


_COMPARED_FORECASTER: Final = re.compile(
    # "Kasia Velez of Arkwright Capital was less sure, putting the chance at 30%": a source
    # set beside the last by how sure she is, her employer named after her
    r"\W*"
    # "Its rival Quorra Insights is more cautious", "A rival firm, Brightlane Analytics, is
    # more cautious": the rival of the firm just quoted, said to be one before its name
    r"(?:(?i:a|an|the|its|their)\s+(?:(?-i:[a-z][\w-]*)\s+){0,2}?(?i:rival|competitor)"
    r"(?:\s+(?-i:[a-z][\w-]*)){0,2}(?:,\s+|\s+(?=[A-Z]))"
    # "The data firm Statsmith is less sure": the kind of body, before its name
    r"|(?i:the)\s+(?:(?-i:[a-z][\w-]*)\s+){1,3}(?=[A-Z]))?"
    r"(?P<who>" + _FIRM_NAME + r")(?:\s+(?:of|at|from)\s+" + _FIRM_NAME + r")?"
    # "Tidemark Insights, a rival research firm, is more cautious": what the source is, aside
    r"(?:,\s+(?:a|an|the)\s+[^,;.]{1,50},)?,?"
    r"\s+(?:is|are|was|were)\s+(?:" + MORE_OR_LESS_CAUTIOUS + r"|(?:(?:slightly|a\s+little|much|"
    r"far|even)\s+)?(?:more|less)\s+(?:sure|certain|confident|convinced))\b"
)
_RELATIVE_SAID: Final = re.compile(
    r",\s+(?:which|that)\s+(?:the\s+)?(?P<who>[A-Z][\w&'’.-]*(?:\s+(?:(?:of|for|and|&)\s+)?"
    r"[A-Z][\w&'’.-]*){0,5})\s+(?P<verb>said|says|estimated|estimates|put|puts|gave|gives)\b"
    r"[^,;]{0,30}?\b(?:had|has|have|was|is|were|are|at)\b[^.;]{0,20}?\d{1,3}(?:\.\d)?\s?%"
)


# A projection's figures, and who made it: its owner before it or "by" after it.
_PROJECTION_GIVES: Final = re.compile(
    r"\b(?P<noun>(?i:projections?|simulations?)"
    # "Statsforge's supercomputer makes City favourites, winning in 54% of simulations"
    # "its model has Kalder winning 44%": the model of the body just named
    r"|(?:(?<=['’]s\s)|(?<=\b[Ii]ts\s)|(?<=\b[Tt]heir\s)|(?<=\b[Hh]is\s)|(?<=\b[Hh]er\s))"
    r"(?:(?i:[a-z-]+\s+)?models?|supercomputer"
    # "Its modelling puts the most likely number of cases at ...": the body's modelling unit
    r"|modell?ing(?=\s+puts\b)))\b"
    r"[^;]{0,100}?"
    r"\b(?:gives?|gave|has|have|makes?|made|puts)\s"
)
_FORECAST_IS: Final = re.compile(
    r"\b(?P<noun>(?i:forecasts?|projections?|estimates?|(?<=base\s)case))\s+"
    r"(?:(?:for|of)\s+[^.;,]{1,60}?\s+)?(?:is|are|stands\s+at)\s"
)
_ITS_BEFORE: Final = re.compile(
    r"\W*(?:(?:For|In|On|At|Over)\s+[^,;]{1,40},\s+)?(?i:its|their)\s+(?:[\w-]+\s+){0,2}$"
)


def _owned_by_its(text: str) -> bool:
    """Whether the sentence opens on "Its" or "Their", an owner named before it."""
    return text.lstrip(" \"“‘'").startswith(("Its ", "Their "))


_THE_BEFORE: Final = re.compile(r"\W*(?i:the|that|this)\s+(?:(?-i:[a-z][\w-]*)\s+){0,2}$")


def _last_speaking_body(document: _Document) -> str | None:
    """The organisation that spoke last, if it spoke in this paragraph or the one before."""
    if document.last_speaker is None or document.paragraph - document.last_speaker_paragraph > 1:
        return None
    known = document.known(document.last_speaker)
    return known.root().name if known is not None and known.kind == "org" else None


_PROJECTION_BY: Final = re.compile(
    r",?\s+(?:(?:published|released|issued)\s+)?(?:by|from)\s+"
    # "by the Centre for Electoral Studies": a body's name may take "the" and small words;
    # "from the broadcaster Kanal 5", "by the polling firm X": what kind of body it is first
    r"(?:(?:the|a|an)\s+(?:[a-z-]+\s+){0,3}?)?"
    r"(?P<maker>[A-Z][\w&'’.-]*(?:\s+(?:(?:&|of|for|on)\s+)?[A-Z0-9][\w&'’.-]*){0,4})"
)


# An attribution closing the sentence after a comma: "..., the ECB said on Thursday."
_SAID_AT_THE_END: Final = re.compile(
    # a body, not a person: "the bank", "the ECB", "the Bank of Norland"
    r",\s+(?:(?i:the)\s+(?:[\w&'’.-]+\s+){1,5}?|[A-Z]{2,6}\s+"
    # or a person named in full, perhaps with a post: "..., Dr. Ana Lopes, the agency's
    # director, told reporters"
    r"|(?:[A-Z][\w'’-]*\.?\s+){1,2}[A-Z][\w'’-]+(?:,\s+[^,;\"“”]{3,60},)?\s+)"
    r"(?:said|says|added|told)\b[^,;\"“”]{0,40}$"
)


# A verb of saying that closes a sentence: "..., Chief Executive Dana Holt said", "..., analysts
# led by Ada Kell wrote".
_SAID_AT_END: Final = re.compile(r"\b(?:said|says|told|added|wrote|writes)\b")


def _voiced_by_person(
    text: str, found: _Attribution, regions: list[tuple[int, int]], document: _Document
) -> _Attribution | None:
    """ "Aeralis expects ..., Chief Executive Declan Moriarty said": a company's expectation
    voiced by a named person is that person's (LABELLING.md, seventh split).
    """
    if found.speaker is None or found.verb_end < 0 or found.speakers:
        return None
    organisation = document.known(found.speaker)
    if organisation is None or organisation.kind != "org":
        return None
    for verb in _SAID_AT_END.finditer(text, found.verb_end):
        if _inside(verb.start(), regions):
            continue
        later = _speaker_for_verb(text, verb, regions, document)
        person = document.known(later.speaker) if later and later.speaker else None
        if person is not None and person.kind == "person":
            return later
    return None


def _said_after(
    text: str, found: _Attribution, regions: list[tuple[int, int]], document: _Document
) -> _Attribution | None:
    """ "We expect prices to recover, the bank's note said": a first person outside quotation
    marks, whose words a later verb of saying gives to a named source."""
    for verb in _SAID_AT_END.finditer(text, max(found.verb_end, 0)):
        if _inside(verb.start(), regions):
            continue
        later = _speaker_for_verb(text, verb, regions, document)
        if later is not None and later.speaker is not None and not later.generic:
            return later
    return None


# "the spokesman said", "said the spokeswoman": an unnamed spokesman met before, no body named.
_THE_SPOKESMAN_BEFORE: Final = re.compile(
    r"\bthe\s+(?P<post>spokes(?:man|woman|person))\s+$", re.IGNORECASE
)
_THE_SPOKESMAN_AFTER: Final = re.compile(
    r"\s+the\s+(?P<post>spokes(?:man|woman|person))\b(?!\s+for\b)", re.IGNORECASE
)


def _spokesman_again(text: str, verb: re.Match[str], document: _Document) -> _Attribution | None:
    """ "'We expect occupancy to exceed 95%,' the spokesman said." after "a spokesman for the
    Southern Hospitals Group said ...": the same spokesman, for the same body."""
    if not document.post_bodies:
        return None
    spokesman = _THE_SPOKESMAN_BEFORE.search(text, max(0, verb.start() - 30), verb.start())
    spokesman = spokesman or _THE_SPOKESMAN_AFTER.match(text, verb.end())
    if spokesman is None:
        return None
    body = document.post_bodies.get(spokesman.group("post").lower())
    if body is None:
        return None
    return _Attribution(body, verb_start=verb.start(), verb_end=verb.end())


# "the council's impact assessment found that footfall would fall": a body's own document
_SHOWS: Final = re.compile(
    r"\b(?:shows?|showed|indicates?|indicated|is\s+indicating|found|finds)\b(?=\s+that\b)"
    r"|\b(?:shows?|showed|indicates?|indicated|is\s+indicating)\b"
    # "The outlook also pencilled in growth of 1.4%": the figure a document writes down
    r"|\bpencil(?:l?ed|s)?\s+in\b"
    # "The rate path is consistent with a rate of 3.25 per cent": the level it implies
    r"|\b(?:is|are)\s+consistent\s+with\b(?=\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:of\s+)?"
    r"(?:about\s+|around\s+|roughly\s+)?\d)"
)


# "The bookmaker", "Betting firm": the trade named before a bookmaker's name; "Its rival":
# the bookmaker just quoted, set against the one named now.
_BOOKMAKER_TRADE: Final = (
    r"(?:(?i:(?:the\s+)?(?:online\s+)?(?:bookmakers?|bookies?|betting\s+(?:firm|company|site))"
    # "Its rival, Marlow Sports, offers ...": the rival may be set off by commas
    # "Fairline's main rival, Stakewell, offers ...": the rival of a bookmaker named by name
    r"|(?:its|their|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?['’]s?)\s+(?:nearest\s+|main\s+|biggest\s+)?"
    r"(?:rival|competitor)"
    # "Rival firm Betwater offers 2.10 on ...": a rival named by its trade alone
    r"|(?i:(?:a\s+)?rival\s+(?:firm|bookmaker|bookie|betting\s+firm)))(?:\s*,)?\s+)?"
)


# "Betfield, the country's largest bookmaker, makes ...": a description set off by commas
# between the bookmaker and its price.
# "Its rival, Kingsbet, has Velic at 6/4": the comma that closes a rival's name set off.
_BOOKMAKER_APPOSITIVE: Final = (
    r"(?:,\s+(?i:the|a|an)\s+[^,;]{1,60}?,"
    r"|(?<=\w),(?=\s+(?:offers?|has|have|makes?|puts?|rates?|quotes?)\b))?\s+"
)


# A bookmaker's price: fractional ("4/6"), even money, or decimal ("1.65").
# "6-4 favourites": a fractional price written with a hyphen, told from a score by what follows.
_PRICE: Final = (
    r"(?:\d{1,3}/\d{1,3}|evens|\d{1,2}\.\d{2}"
    r"|\d{1,3}-\d{1,3}(?=\s+(?:favou?rites?|shots?|outsiders?|on|against|to\s+[a-z]+)\b))"
)


# "Carrow Bet make Linfield 4/6 favourites", "Odds Direct have the Rovers at evens": the
# bookmaker named first quotes the odds (LABELLING.md, round two).
_NAMED_ODDS: Final = re.compile(
    # "Hollins & Vane make City 8/13 favourites": a firm of partners joined by "&"; "The
    # bookmaker Kesterbet makes ...": its trade may come first
    r"\s*"
    # "In the men's draw, Norbet prices ...": the race the price is for may open the sentence
    r"(?:(?i:in|for|on)\s+(?:the\s+)?[^,;]{1,40}?,\s+)?"
    + _BOOKMAKER_TRADE
    + r"(?P<maker>"
    + _FIRM_NAME
    + r")"
    + _BOOKMAKER_APPOSITIVE
    # "Nordstake now has ...": the price as it stands
    + r"(?:(?:now|still|also)\s+)?"
    + r"(?P<verb>have|has|had|make|makes|made|put|puts|rate|rates|offer|offers|prices|priced)\s+"
    # "makes her the 6/4 favourite": the runner may be a pronoun; "makes champions Kelso
    # City 4/6": its standing may come before its name
    r"(?:(?:(?i:the)\s+)?(?:(?:defending\s+|reigning\s+)?(?:champions|holders|hosts|leaders|"
    r"title\s+holders|favourites|newcomers)\s+)?(?:[A-Z][\w'’.-]*\s+){1,4}|(?:him|her|them|it)\s+"
    # "makes the Green candidate, Hannah Moss, the 1/3 favourite": the runner named in apposition
    r"|(?i:the)\s+(?:[\w'’.-]+\s+){0,3}?[\w'’.-]+,\s+(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*,\s+"
    # "makes the champions 2/1 favourites": a runner named by what it is, in lower case
    r"|the\s+(?:[a-z][\w'’-]*\s+){1,3}(?=\d{1,3}/\d{1,3}\s+(?:favourites?|favorites?|shots?)\b))"
    # "has Kelsey a little shorter, at 7/2", "a shade longer at 7/4": the price set against
    # the one just quoted
    r"(?:(?:(?:a\s+(?:little|bit|touch|shade|fraction)|slightly|much|even)\s+)?(?:shorter|longer),?\s+)?"
    r"(?:at\s+|as\s+|the\s+)?" + _PRICE + r"\b"
    # "Hatton Bet offers 2/1 on Eastmere winning": the odds, then the runner
    # "The same firm offers 6/4 on ...", "It offers 3/1 on ...": the bookmaker of the odds
    # just quoted
    r"|\s*" + _BOOKMAKER_TRADE + r"(?P<offerer>"
    r"(?P<same>(?i:the\s+same\s+(?:firm|bookmaker|bookie|company|betting\s+firm))|It)|"
    + _FIRM_NAME
    + r")"
    + _BOOKMAKER_APPOSITIVE
    # "offers odds of 4/6 on": the price named as such
    + r"(?P<offers>offers?|quotes?)\s+(?:(?:odds|a\s+price)\s+of\s+)?"
    + _PRICE
    + r"\s+"
    r"(?:on|for|against)\b"
    # "Bookmaker Lindqvist & Hart has shortened its odds on X becoming prime minister to 1/5"
    r"|\s*" + _BOOKMAKER_TRADE + r"(?P<mover>" + _FIRM_NAME + r")\s+"
    # "Betting firm Kestrel Odds has cut Sarrano to 1/5": or the runner named as the object
    r"(?P<moved>(?:has\s+|have\s+)?(?:shortened|cut|lengthened|eased|trimmed)\s+(?:(?:its|their)\s+"
    # "... to 1-3": odds written with a hyphen, as some bookmakers print them
    r"(?:odds|price)\s+on|(?=[A-Z])))\b[^.;]{1,100}?\bto\s+\d{1,3}[/-]\d{1,3}\b"
    # "Ridgeline Sports is slightly bigger on the favourite at 9/4": a rival's price, set
    # against the one just quoted
    r"|\s*" + _BOOKMAKER_TRADE + r"(?P<comparer>" + _FIRM_NAME + r")\s+"
    r"(?P<compared>(?:is|are)\s+(?:(?:a\s+(?:little|bit|touch|shade|fraction)|slightly|much|even|"
    # "is a little more generous on the champions at 8/11": a longer price, in the punter's
    # words
    r"fractionally)\s+)?(?:bigger|longer|shorter|smaller|(?:more|less)\s+generous|meaner)\s+"
    r"(?:on|about|to))\s+[^.;]{1,40}?,?\s+"
    r"at\s+" + _PRICE + r"\b"
)


# "Its odds on Dragan have drifted to 9-4", "Their price on the champions has been cut to
# 4/6": a bookmaker's prices moved, the bookmaker named before.
_ITS_ODDS_MOVED: Final = re.compile(
    r"\W*(?i:its|their)\s+(?:odds|prices?)\s+(?:on|for|against|about)\s+[^.;]{1,60}?\s+"
    r"(?P<moved>(?:has|have)\s+(?:been\s+)?(?:drifted|shortened|lengthened|eased|cut|trimmed|"
    r"pushed\s+out|moved))\b[^.;]{0,40}?\bto\s+(?:\d{1,3}[/-]\d{1,3}|evens|\d{1,2}\.\d{2})\b"
)


# "9/2 to lift the trophy with bookmaker Carraway Sports": the bookmaker whose price it is.
_PRICED_WITH: Final = re.compile(
    r"\d/\d{1,3}\b(?:[^.;]{0,80}?\bwith\s+(?:the\s+)?(?i:bookmakers?|bookies?)\s+"
    # "Rovers are 4/6 with Paddington to retain the trophy", "is the 3/1 favourite with
    # Betland.": the maker right after its price
    r"|\s+(?:favou?rites?\s+)?with\s+(?=" + _FIRM_NAME + r"(?:\s+to\s+[a-z]|\s*[.;,]|\s*$)))"
    r"(?P<maker>" + _FIRM_NAME + r")"
)


_ESTIMATE_WORDS: Final = (
    "estimate",
    "projection",
    "reckoning",
    "calculation",
    "count",
    "forecast",
    "model",
    "view",
    "figures",
    "numbers",
)


# "There is a 60% chance, by Corvane's estimate, that ...", "in the bank's view".
_BY_ESTIMATE: Final = re.compile(
    r"\b(?:[Bb]y|[Ii]n|[Oo]n)\s+(?:(?P<owner>(?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*)['’]s?"
    # "By its own projections, the reservoir will fall": the body the article speaks of
    r"|(?P<its>its|their)"
    # "..., on the institute's figures.": the body the noun was used for
    r"|(?<=,\son\s)(?P<the>the\s+[a-z]+)['’]s)\s+"
    r"(?:own\s+)?(?:estimate|estimates|reckoning|calculations?|count|forecasts?|projections?|"
    r"models?|view|(?<=s\s)figures|(?<=s\s)numbers)\b"
    # "in the view of Jan Berg": the owner after the noun
    r"|\b[Ii]n\s+the\s+(?:view|estimate|reckoning)\s+of\s+"
    r"(?P<after>(?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*)"
)


# "according to a seat projection published on Friday by Nordvik Research", "according to
# the report": a document speaks for whoever wrote it.
_DOCUMENT: Final = re.compile(
    r"(?:a|an|the|its|their|this|that|latest|new|\s)+\s*(?:[\w-]+\s+){0,2}?(?P<noun>report|projection|"
    r"projections|forecast|forecasts|model|estimate|estimates|survey|analysis|study|outlook|"
    # not a word inside a body's name ("the Climate Forecast Office")
    r"review|paper|assessment|note|poll)\b(?!\s+(?-i:[A-Z]))(?P<rest>[^,;:]*)",
    re.IGNORECASE,
)


_AUTHOR: Final = re.compile(
    r"\b(?:by|from|of)\s+(?:the\s+)?"
    # "published by the research firm Corvid Insight": the author's kind, then its name
    r"(?:(?:[a-z-]+\s+)?(?:firm|company|consultancy|agency|group|pollster|provider|institute|"
    r"bank|broker|house|researcher)\s+)?"
    r"(?P<name>[A-Z][\w&'’.-]*(?:\s+(?:(?:of|for)\s+(?:the\s+)?)?"
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


# "the ones announced last year will not launch", "plans unveiled in 2026 would cost": a
# participle naming a thing by when it was made public, the sentence's verb still to come; a
# time gone by cannot be the subject of a clause the verb reports.
_PARTICIPLE_THEN_VERB: Final = re.compile(
    r"\s+(?:last\s+(?:week|month|year|spring|summer|autumn|fall|winter)|earlier\s+this\s+\w+|"
    r"in\s+(?:19|20)\d\d|(?:a|one|two|three|\d+)\s+(?:weeks?|months?|years?)\s+ago)\s+"
    r"(?:(?:also|still|now)\s+)?(?:will|would|could|may|might|won['’]t|wouldn['’]t|is|are|has|have)\b",
    re.IGNORECASE,
)


def _body_before(text: str, offset: int, document: _Document) -> str | None:
    """ "The data firm Statsmith is less sure: its model gives ...": the body the sentence
    named before "its", whatever the article spoke of last."""
    for mention in reversed(_name_runs(text[:offset])):
        # named in this very sentence, perhaps for the first time ("The data firm X")
        known = _classify(mention, text, document)
        if known is not None and known.kind == "org":
            return known.root().name
    return None


def _its_owner(document: _Document) -> str | None:
    """Whom "Its model" means: the organisation last spoken of, unless the source just
    quoted is a name the article gave no sex or title, which "its" shows to be a body
    ("Optima Stats gives Rovers a 22% chance. Its model ...")."""
    last = document.known(document.last_speaker) if document.last_speaker else None
    if (
        last is not None
        and last.kind == "person"
        and not last.gender
        and len(last.parts) > 1
        and document.last_speaker_paragraph == document.paragraph
    ):
        last.kind = "org"
        return last.name
    return document.last_organisation


def _noun_use(text: str, start: int) -> bool:
    if start > 0 and text[start - 1] == "-":
        return True  # "slower-than-expected growth": the last word of a compound adjective
    if (
        text[start].isupper()
        and _WORD_OF_A_NAME.match(text, start)
        and _CAPITAL_BEFORE.search(text, max(0, start - _NOUN_USE_REACH), start)
    ):
        return True  # "the United States is expected": a word of a name, not a verb
    # a determiner and one modifier are all that is looked for: the last few words will do
    before = text[max(0, start - _NOUN_USE_REACH) : start].rstrip().lower()
    if _DETERMINER_BEFORE.search(before) or _HANDLED_BEFORE.search(before):
        return True
    # "the company's forecasts" is a noun; "Farrow's expects" is a firm named in the possessive
    word = re.match(r"[a-z]+", text[start:].lower())
    return bool(_POSSESSIVE_BEFORE.search(before)) and (word is None or word.group() in _NOUN_FORMS)


_NOUN_USE_REACH: Final = 48


# "our 2029 GDP growth forecast", "its CPI inflation estimates": after a possessive, the year
# or the measure the forecast is of makes the word a noun, whatever words stand between
# ("our Q2 2029 Brent forecast": the benchmark's name among them).
_DATED_TOPIC_BEFORE: Final = re.compile(
    r"\b(?i:its|his|her|their|our|my)\s+(?:[\w-]+\s+){0,2}?(?:(?:19|20)\d\d(?:[-/]\d\d)?|"
    r"[A-Z]{2,5})(?:\s+[A-Za-z-]+){0,2}\s+$"
)


# A capitalised word after another, then one in lower case: inside a name ("United States is"),
# where a headline in title case would go on in capitals ("Bank Says Inflation Will Ease").
_CAPITAL_BEFORE: Final = re.compile(r"\b[A-Z][\w.'’&-]*\s+$")
_WORD_OF_A_NAME: Final = re.compile(r"[A-Z][a-z]+\b(?:[,.;:]|\s+[a-z]|$)")


# "its latest forecasts", "its own updated forecasts": one or two modifiers, then the noun.
# "its September forecast", "the spring forecast": when it was made names one too.
_NOUN_MODIFIER: Final = (
    r"(?:\s+(?:previous|latest|new|own|last|earlier|current|initial|original|revised|"
    r"monthly|quarterly|annual|official|central|updated|next|first|final|full|weekly|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"spring|summer|autumn|winter|[a-z]+-[a-z]+)){0,2}$"
)


_DETERMINER_BEFORE: Final = re.compile(
    # "Further forecast cuts are expected", "fresh estimates": words that qualify a noun and,
    # unlike "many" or "some", never stand for the people who forecast
    r"\b(?:the|a|an|its|his|her|their|our|my|this|that|further|fresh)" + _NOUN_MODIFIER
)


# "an update that combines forecasts from 12 centres", "the survey compiles estimates": the
# object of a verb that gathers or issues them is a noun
_HANDLED_BEFORE: Final = re.compile(
    r"\b(?:(?:combin|blend|averag|compil|aggregat|publish|issu|produc|releas|collect|gather|"
    r"pool|us|compar|track|updat|revis)(?:es|s|ed|ing)(?:\s+[a-z]+)?"
    # "have been cutting their oil forecasts": the forecasts revised, not made
    r"|(?:cut|cuts|cutting|rais(?:es|ed|ing)|lower(?:s|ed|ing)|trimm(?:ed|ing)|trims|"
    r"slash(?:es|ed|ing)|downgrad(?:es|ed|ing)|upgrad(?:es|ed|ing))\s+(?:its|their|his|her|the)"
    r"(?:\s+[a-z]+)?)$"
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
    # 'Analysts at X, who rate the stock "buy," expect': the subject ends before its relative
    # clause, whose quoted word would read as a quotation the verb attributes
    relative = (
        _QUOTED_RELATIVE_END.search(text, max(0, verb.start() - _SUBJECT_WINDOW), verb.start())
        if '"' in text or "”" in text
        else None
    )
    subject_end = relative.start() if relative is not None else verb.start()
    before_start = _subject_start(text, subject_end, regions)
    tag = _TURN_TAG.match(text) if before_start == 0 and ":" in text[:subject_end] else None
    if tag is not None:
        # "WHITCOMBE: The energy agency raised its estimate": the turn's name tag is who talks,
        # not the subject of the verb, which may name another source
        before_start = min(tag.end(), subject_end)
    # "Climate scientists have long warned", "insiders privately concede": the adverb and its
    # auxiliary are no part of the subject
    subject = text[before_start:subject_end]
    if subject[-16:].rstrip().rsplit(" ", 1)[-1].lower() in _SPEECH_ADVERBS:
        subject = _AUXILIARY_END.sub("", subject)
    # "What I will tell you is that ...": the speaker's modal is no part of the subject either
    subject = _MODAL_END.sub(" ", subject)
    # "The Dunmore Report on Wednesday moved": the day is no part of the subject
    subject = _DAY_END.sub(" ", subject)
    if verb.group().lower().endswith("ing"):
        # "Aurum is betting that", "Analysts are now forecasting": the progressive's "is"
        subject = _PROGRESSIVE_BE_END.sub(" ", subject)
    after = text[verb.end() :]
    quoted = re.fullmatch(r"[\s,]*", subject) is not None and before_start > 0
    if quoted:
        name = _inverted_speaker(after, text, verb.end(), document)
        if name is not None:
            return _Attribution(name, verb_start=verb.start(), verb_end=verb.end())
    clause_said = _CLAUSE_THEN_COMMA.search(subject) is not None
    if clause_said or quoted:
        # "..., said an economist at Orme Bank", and after a quotation "'...,' said a senior
        # economist at Orme Bank, who asked not to be named": with no one named, the role
        # speaks for its organisation
        role = re.split(r"[,;:(]", after, maxsplit=1)[0].strip().rstrip(".!?\"”’'")
        if _ROLE_AT.match(role):
            name = _role_organisation(role, text, verb.end(), document)
            if name is not None:
                return _Attribution(name, verb_start=verb.start(), verb_end=verb.end())
    if quoted:
        return None
    if (
        verb.group().lower() in _INVERTED_VERBS
        and subject.rstrip().endswith(",")
        and _unnamed_after(after)
    ):
        # "Mild winter likely, say forecasters": unnamed people hold the view, not the
        # capitalised word that opens the clause
        return _Attribution(None, True, verb.start(), verb.end())
    if clause_said and _NAMED_AFTER.match(after):
        # "Rents will keep rising ..., said Hamza Qureshi": the clause is what was said
        name = _inverted_speaker(after, text, verb.end(), document)
        if name is not None:
            return _Attribution(name, verb_start=verb.start(), verb_end=verb.end())
    opening = _OPENING_PHRASE_THEN_PRONOUN.match(subject)
    if opening is not None:
        # "At a rally in Alajuela on Saturday she told": the place and the day open the
        # sentence; the pronoun before the verb is who spoke
        before_start += opening.start("pronoun")
        subject = subject[opening.start("pronoun") :]
    body = _OPENING_PHRASE_THEN_BODY.match(subject)
    if body is not None and _any_org_noun(body.group("noun")):
        # "In a statement to the stock exchange last month the company said": the phrase
        # opens the sentence with no comma; the body before the verb is who spoke
        before_start += body.start("body")
        subject = subject[body.start("body") :]
    return _subject_speaker(subject, before_start, text, document, (verb.start(), verb.end()))


# "OKAFOR: " opening a transcript's turn, before the turn's own words.
_TURN_TAG: Final = re.compile(_NAME_TAG_OPENING)


_DAY_END: Final = re.compile(
    r"(?<=[a-z])\s+on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s*$"
)


# ', who rate the stock "buy," ': a relative clause on the subject that ends on a quoted word.
_QUOTED_RELATIVE_END: Final = re.compile(
    r",\s+(?:who|which)\s+[^,;:\"“”]{1,40}?\s+[\"“][^\"“”]{1,30}[\"”]\s*$"
)


def _subject_start(text: str, verb: int, regions: list[tuple[int, int]]) -> int:
    """Where the subject of the verb at `verb` may begin: after the last quotation before it,
    unless that quotation is a word of the clause itself ('called the plan "brave" and said'),
    whose subject stands before it."""
    window = max(0, verb - _SUBJECT_WINDOW)
    before = [(start, end) for start, end in regions if end <= verb]
    if not before:
        return window
    start, end = before[-1]
    if _QUOTED_WORD_THEN_AND.fullmatch(text, end, verb) and not _QUOTE_CLOSED_BY_COMMA.search(
        text, start, end
    ):
        return max((end for _, end in before[:-1]), default=window)
    return end


# 'called the guidance "stretching" and said': only a conjunction between quote and verb
_QUOTED_WORD_THEN_AND: Final = re.compile(r"\s+(?:and|but)\s+(?:(?:also|then)\s+)?")


# '"Growth will slow," and ...': a quotation that ends on its own punctuation is what was said
_QUOTE_CLOSED_BY_COMMA: Final = re.compile(r"[,.!?][\"”’']?$")


_OPENING_PHRASE_THEN_PRONOUN: Final = re.compile(
    r"^\s*(?:at|in|on|after|before|during|later|earlier|afterwards?|speaking|asked)\b"
    r"[^,;:\"“”]*?\s"
    r"(?P<pronoun>he|she|they)\s+(?:(?:has|had|also|then|later|again)\s+)*$",
    re.IGNORECASE,
)


_OPENING_PHRASE_THEN_BODY: Final = re.compile(
    r"^\s*(?:at|in|on|after|before|during|later|earlier|afterwards?)\b[^,;:\"“”]*?\s"
    r"(?P<body>the\s+(?P<noun>[a-z]+))\s+(?:(?:has|had|also|then|later|again)\s+)*$",
    re.IGNORECASE,
)


_SPEECH_ADVERBS: Final = _wordset(
    "long privately publicly openly quietly repeatedly consistently broadly widely generally"
)


_MODAL_END: Final = re.compile(
    r"(?:(?<=\bI\s)|(?<=\b[Ww]e\s))(?:will|can|could|would|shall|must)\s+$"
)


_PROGRESSIVE_BE_END: Final = re.compile(
    r"(?<=\w)(?:['’]s|['’]re|\s+(?:is|are|was|were))(?:\s+(?:now|also|still|increasingly))?\s+$",
    re.IGNORECASE,
)


_AUXILIARY_END: Final = re.compile(
    r"\s(?:(?:has|have|had|are|is|were|was)\s+)?(?:already\s+)?(?:long|privately|publicly|"
    r"openly|quietly|repeatedly|"
    r"consistently|broadly|widely|generally)\s+$",
    re.IGNORECASE,
)


# A character of a clause: no break, though a figure's thousands comma ("150,000 jobs") may be.
_IN_CLAUSE: Final = r"(?:[^,;:]|(?<=\d),(?=\d{3}(?!\d)))"


# A clause of several words, then a comma: what was said, before an inverted "said X".
_CLAUSE_THEN_COMMA: Final = re.compile(
    # an opening condition or phrase of its own ("If ..., ", "In a runoff against X, ")
    r"(?:^|[.;:“”\"]\s*)(?:(?:if|unless|once|when|in|on|at|by|after|before|with|without|"
    r"against|under|for|whoever|whichever|whatever|however)\b[^,;:]*,\s*)?"
    + _IN_CLAUSE
    + r"*\b(?:will|would|could|may|might|should|can|won['’]t|"
    r"is|are|was|were|has|have|had)\b" + _IN_CLAUSE + r"*,\s*"
    # "... 2.9 million TEU in 2028, a record, wrote X": a short appositive on the clause
    r"(?:(?:a|an)\s+[^,;:]{1,30},\s*)?$",
    re.IGNORECASE,
)


# "said Hamza Qureshi, ...", "said the agency's director, Dr. Lena Forsyth".
# Verbs of saying that put their subject after them ("..., say forecasters"); "told" has an
# object there instead ("..., told reporters").
_INVERTED_VERBS: Final = _wordset("say says said added wrote warned")


def _unnamed_after(after: str) -> bool:
    """Whether an inverted verb is followed by unnamed people: "..., say forecasters"."""
    head = re.split(r"[,;:.(]", after, maxsplit=1)[0].strip()
    return bool(head) and _GENERIC_SUBJECT.match(head) is not None


_NAMED_AFTER: Final = re.compile(
    # "said Brannock's head of power markets, Dr. Greta Falkenrath": a firm's post, then its holder
    r"\s+(?:(?:the|a|an|its|their|(?-i:[A-Z])[\w&-]*['’]s)\s+[^,.;]{1,80}?,\s+)?"
    r"(?:(?:Mr|Mrs|Ms|Dr|Prof|Professor|Sir|Dame)\.?\s+)?(?-i:[A-Z][\w'’-]+\s+[A-Z][\w'’-]+)"
    # "said coach Ian Boyd", "said central bank governor Janet Orr": the role in lower case
    r"|\s+(?-i:(?:[a-z][\w'’-]*\s+){1,4}[A-Z][\w'’-]+\s+[A-Z][\w'’-]+)"
    # "said Ortega, who has studied ...": a surname alone, the person named before
    r"|\s+(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?(?-i:[A-Z][\w'’-]+)(?=\s*(?:[,.;]|$))"
)


# The role in lower case between an inverted "said" and the name it describes.
_LOWERCASE_ROLE: Final = re.compile(r"\s*(?:[a-z][\w'’-]*\s+){1,4}(?=[A-Z][a-z])")


def _inverted_speaker(after: str, text: str, offset: int, document: _Document) -> str | None:
    """The name after an inverted verb ("..., said X"), past an appositive ("X's head, Y")."""
    position = 0
    for chunk in re.split(r"[,;:(]", after)[:3]:
        head = re.split(r"\s(?:of|at|who|on|in|about|to)\s", chunk)[0]
        name = _resolve_name(head, text, offset + position, document)
        if name is not None:
            return name
        role = _LOWERCASE_ROLE.match(head)
        if role is not None and position == 0:
            # "..., said coach Ian Boyd", "said central bank governor Janet Orr"
            name = _resolve_name(head[role.end() :], text, offset + role.end(), document)
            if name is not None:
                return name
        if not _is_descriptor(head) and not re.search(r"[’']s\b", head):
            return None
        position += len(chunk) + 1
    return None


_SPEAKING_ASIDE: Final = re.compile(
    r"\s*(?:speaking|writing|appearing)\s+(?:on|to|at|in|from|after|before|during|with)\b"
)


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


# "For next year they see", "In its latest monthly report it forecast": an opening phrase of
# a few words, then the pronoun that is the subject.
_TIME_PHRASE_WORDS: Final = 7


_IMPERSONAL_YOU: Final = re.compile(
    r"\s*(?:you\s+(?:will|would|can|could|may|might|should)|you['’](?:d|ll))\s*", re.IGNORECASE
)


_CONJUNCTIONS: Final = _wordset("and but or so yet although though whereas while")


_INITIALS_IN_BRACKETS: Final = re.compile(r"\s*\((?:[A-Z][A-Za-z&.]{1,7})\)(?=\s*$)")


_COMMA_IN_LOCATION: Final = re.compile(
    r"(?<=[A-Za-z.]),(?=\s+(?:[A-Z][\w.]*\s+)*[A-Z][\w.-]*-(?:based|headquartered)\s)"
)


_SAME_DOCUMENT: Final = re.compile(
    r"^\s*(?i:the|this|that)\s+(?i:same|latest)\s+(?:[\w-]+\s+)?(?i:model|poll|survey|forecast|"
    r"projection|report|analysis|study|outlook)\s*$"
)


# ", including Ian Marsh of Eastgate Polling,", ", among them Orme Bank,": a source named
# among a group the sentence does not name.
_NAMED_AMONG: Final = re.compile(
    r"\s*(?:including|among\s+them|notably)\s+(?P<name>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3})"
)


# A chunk of a subject that is a person's full name and nothing else: "Sigrid Mallory-Voss".
_FULL_NAME_CHUNK: Final = re.compile(
    r"\s*(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2}\s*"
)


# "Both firms", "The two banks": two bodies named before, speaking together; "Neither firm
# expects ...": the two agreeing on a denial.
_BOTH_FIRMS: Final = re.compile(
    r"\s*(?:(?i:both)|(?i:the)\s+two)\s+(?:firms|banks|companies|consultancies|groups|"
    r"lenders|brokers|agencies|institutes|forecasters|research\s+firms)\s*"
    r"|\s*(?i:neither)\s+(?:firm|bank|company|consultancy|group|lender|broker|agency|institute|"
    r"forecaster|research\s+firm)\s*"
)


def _last_two_organisations(document: _Document) -> tuple[str, str] | None:
    """The last two organisations the article has quoted, in the order it quoted them (not
    "the United States", named in passing)."""
    quoted = [
        speaker
        for speaker in document.own_organisations
        if (entity := document.known(speaker)) is not None and entity.kind == "org"
    ]
    distinct = list(dict.fromkeys(quoted))
    return (distinct[-2], distinct[-1]) if len(distinct) >= 2 else None


def _subject_speaker(
    subject: str, offset: int, text: str, document: _Document, verb: tuple[int, int]
) -> _Attribution | None:
    # "a spokesman for the World Health Organisation (WHO)": the initials add nothing
    subject = _INITIALS_IN_BRACKETS.sub(lambda m: " " * len(m.group()), subject)
    # "The San Jose, California-based company": that comma is inside where the firm is based
    subject = _COMMA_IN_LOCATION.sub(" ", subject)
    together = _joint_speakers(subject, offset, text, document)
    if len(together) > 1:
        return _Attribution(together[0], False, *verb, speakers=tuple(together))
    if (
        _SAME_DOCUMENT.match(subject)
        and document.last_speaker is not None
        and document.last_speaker_paragraph == document.paragraph
    ):
        # "Harwick's seat model ... projects 44 seats. The same model gives the party a 78%
        # chance": the document just quoted, and whose it was
        return _Attribution(document.last_speaker, False, *verb)
    if document.minority and _MINORITY_REFERENCE.match(subject):
        # "The two members who preferred to hold judged": the two named for that vote
        minority = document.minority
        return _Attribution(minority[0], False, *verb, speakers=minority)
    runner = _model_runner(subject, offset, text, document)
    if runner is not None:
        _report_instrument(runner, document)
        return _Attribution(runner, False, *verb)
    persons = _PERSON_S_INSTRUMENT.match(subject)
    if persons is not None:
        # "His model projects 2.1 goals": the model of the person the pronoun means
        through = _possessor(persons, document, verb)
        if through.speaker is not None:
            _report_instrument(through.speaker, document)
            return through
    if _BOTH_FIRMS.fullmatch(subject):
        pair = _last_two_organisations(document)
        if pair is not None:
            # "Both firms estimate that ...": the two bodies the article has just named
            return _Attribution(pair[0], False, *verb, speakers=pair)
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
        joined = len(words) > 1 and words[0].lower() in _CONJUNCTIONS
        while len(words) > 1 and words[0].lower() in _CONJUNCTIONS:
            conjunction = words.pop(0)
            chunk_start += chunk.index(conjunction) + len(conjunction)
            chunk = chunk[chunk.index(conjunction) + len(conjunction) :]
        relative = position > 0 and position == len(chunks) - 1 and _RELATIVE_ONLY.fullmatch(chunk)
        named_at = position - 1
        if (
            relative
            and position > 1
            and _DEFINITE_ORG.match(chunks[position - 1][1])
            and _NAME_ENDING.search(chunks[position - 2][1])
        ):
            # "Vaerstat, the national weather service, which puts": the name the
            # description is set beside
            named_at = position - 2
        antecedent = _NAME_ENDING.search(chunks[named_at][1]) if relative else None
        if antecedent is not None:
            # "more optimistic than rival Cellgauge, which forecasts growth of 1.8%": the
            # name the relative pronoun stands for
            at = offset + chunks[named_at][0] + antecedent.start()
            name = _resolve_name(antecedent.group(), text, at, document)
            if name is not None:
                return _Attribution(name, False, *verb)
        included = _NAMED_AMONG.match(chunk) if position > 0 else None
        among = chunks[position - 1][1].strip() if included is not None else ""
        # "Others, including Sara Blum at Meridian Risk, put the chance ...": "Others" too
        if included is not None and (_GENERIC_SUBJECT.match(among) or _GENERIC_TAIL.search(among)):
            # "Most forecasters, including Ian Marsh of Eastgate Polling, think ...": the one
            # named among the unnamed holds the view and can be tracked
            at = offset + chunk_start + included.start("name")
            name = _resolve_name(included.group("name"), text, at, document)
            if name is not None:
                return _Attribution(name, False, *verb)
        national = _NATIONAL_BODY.match(chunk) if position == 0 or joined else None
        if national is not None and _kind_of_body(national.group("noun")):
            # "..., and the country's main economic forecaster said": a body the next
            # sentences name (not "X, the country's largest lender,", which describes X)
            return _Attribution(None, False, *verb)
        if position > 0 and _SPEAKING_ASIDE.match(chunk):
            # "Jonas Erdahl, speaking on public broadcaster ERT, said": where they spoke, set
            # beside the speaker named before it
            continue
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
            named = (
                _organisation_named_before(text, offset + chunk_start + len(chunk), document)
                if pronoun == "it"
                else None
            )
            if named is not None:
                # "Orrin Robotics unveiled a robot that it said would ship in May": the firm the
                # sentence has just named, not one the article named before
                return _Attribution(named, False, *verb)
            opener = (
                _PERSON_OPENING.match(text)
                if joined and len(words) == 1 and pronoun in {"he", "she"}
                else _clause_opener(text[: offset + chunk_start], pronoun, len(words))
            )
            if opener is not None and opener.end() <= offset + chunk_start:
                # "Mayor Ada Kell has applied for a grant, and she said ...": the person the
                # sentence opened on, whom the article has not yet learned
                at = opener.start("subject")
                name = _resolve_name(opener.group("subject"), text, at, document)
                if name is not None:
                    return _Attribution(name, False, *verb)
            return _pronoun_speaker(pronoun, document, verb, _named_in_quotation(text))
        coordinated = _COORDINATED_VERB.match(chunk) if chunk.endswith(("and ", "but ")) else None
        if coordinated is not None and _names_someone(coordinated.group("subject"), document):
            # "Benitez endorsed Ortega late on Sunday and said": the subject of both verbs
            at = offset + chunk_start + coordinated.start("subject")
            name = _resolve_name(coordinated.group("subject"), text, at, document)
            if name is not None:
                return _Attribution(name, False, *verb)
        if _MANAGEMENT.fullmatch(chunk) is not None:
            # "Management guided to a margin of 40%": a company's management speaks for the
            # company, and is no body of its own
            company = _definite_org("the company", document, text[: offset + chunk_start])
            if company is not None:
                return _Attribution(company.name, False, *verb)
        theirs = _PERSON_S_BODY.fullmatch(chunk)
        workplace = document.org_for(theirs.group("noun")) if theirs is not None else None
        if workplace is not None:
            # "Her institute's modelling unit projects": the body the person just quoted works
            # at, which the article named with that noun
            return _Attribution(workplace.name, False, *verb)
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
        # "Sigrid Voss, the Civic Party leader, told": the role describes the person just named,
        # whoever else the article gave a post at the party
        after_name = (
            position > 0 and _FULL_NAME_CHUNK.fullmatch(chunks[position - 1][1]) is not None
        )
        holder = None if after_name else _role_holder(chunk, document)
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
        if (
            _PLACE_ROLE_REFERENCE.match(chunk)
            and document.last_person
            and document.person_paragraph >= document.paragraph - 1
        ):
            # "Secretary of State Ana Ruiz certified ... / The state's chief elections officer
            # said": the post of the person the paragraph before named
            return _Attribution(document.last_person[-1].name, False, *verb)
        owner = (
            _body_before(text, offset + chunk_start, document) or _its_owner(document)
            # "Its analyst Mei-Ling Draper said": the person named, not the firm
            if words[0].lower() == "its"
            and len(words) <= 4
            and not any(word[:1].isupper() for word in words[1:])
            else None
        )
        if owner is not None:
            # "Its modelling puts the chance ...": the organisation's own unit speaks for it
            return _Attribution(owner, False, *verb)
        led = _LED_BY.search(chunk) if " by " in chunk else None
        if led is not None:
            # "analysts led by Priya Raman wrote": the named lead author (LABELLING.md)
            at = offset + chunk_start + led.start("name")
            name = _resolve_name(led.group("name"), text, at, document)
            if name is not None:
                return _Attribution(name, False, *verb)
        role = _role_organisation(chunk.strip(), text, offset + chunk_start, document)
        if role is not None:
            if organisation is None:
                post = _SINGLE_POST.search(chunk)
                organisation, post_word = role, post.group("post").lower() if post else ""
            continue
        by_age = _described_person(chunk, document)
        if by_age is not None:
            return _Attribution(by_age.name, False, *verb)
        if _DEFINITE_PERSON.match(chunk) and document.last_person:
            if position > 0 and _bare_name(chunks[position - 1][1]):
                continue  # "Ali Okia, the finance minister, said": the post describes him
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
        if organisation is None and _PUBLIC_FORECASTERS.match(chunk):
            # "federal forecasters said": the public agency the article is about
            agency = _public_agency(document)
            if agency is not None:
                return _Attribution(agency, False, *verb)
        if _GENERIC_SUBJECT.match(chunk.strip()) or _GENERIC_TAIL.search(chunk):
            if position > 0 and _bare_name(chunks[position - 1][1]):
                continue  # "Mary Lee, the chief economist, said": the role describes her
            return _Attribution(organisation, organisation is None, *verb)
        if (
            position > 0
            and _DEFINITE_ORG.match(chunk)
            and not _proper_name_only(chunk)
            and (
                _bare_name(chunks[position - 1][1])
                # "The UNHCR, the U.N. refugee agency,": a name written with its article
                or _the_and_name(chunks[position - 1][1])
                # "The chief economist at Kell Savings Bank, the city's largest lender,": the
                # bank a role is at, described
                or _role_at_named_body(chunks[position - 1][1])
            )
        ):
            # "Statline, the sports data company, gives": the name before the description speaks
            described = True
            continue
        # "The bank's Jan Berg expects": the person named, not the bank
        name = _name_in(_OWNED_PERSON, chunk, offset + chunk_start, text, document)
        if name is not None:
            return _Attribution(name, False, *verb)
        where = _WHERE_OWNS_NAME.fullmatch(chunk)
        if where is not None:
            # "The city's Office of Budget and Management projects": the body named, not the
            # city's council; "and" and all, as written
            body = where.group("name").strip()
            known = document.known(body)
            return _Attribution(known.root().name if known else body, False, *verb)
        found = _definite_org(chunk, document, text[: offset + chunk_start])
        if found is not None:
            return _Attribution(found.name, False, *verb, post=_post_in(chunk))
        unnamed = _UNNAMED_BODY.fullmatch(chunk.strip())
        if unnamed is not None and unnamed.group("place"):
            # "Brazil's oil regulator said": the body as the article writes it
            known = document.known(f"{unnamed.group('place')} {unnamed.group('body')}")
            if known is not None:
                return _Attribution(known.root().name, False, *verb)
        possessive_name = re.fullmatch(
            r"\s*((?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*['’]s)\s*", chunk
        )
        if possessive_name:
            # "Farrow's expects": a firm named in the possessive ("Moody's", "Sainsbury's")
            written = possessive_name.group(1)
            known = document.known(re.sub(r"['’]s$", "", written))
            return _Attribution(known.root().name if known else written, False, *verb)
        # "..., chief executive Graham Fenwick told analysts": the post, then its holder;
        # "Eklund's colleague Sofia Brandt wrote": the one named, not the one related to
        for before_name in (_TITLED_NAME, _RELATION_THEN_NAME):
            name = _name_in(before_name, chunk, offset + chunk_start, text, document)
            if name is not None:
                return _Attribution(name, False, *verb)
        object_relative = (
            _RELATIVE_THEN_NAME.fullmatch(chunk) if position == len(chunks) - 1 else None
        )
        if object_relative is not None:
            # "the reservoir, which Southvale Water expects to drop below 20%": the name after
            # the relative pronoun is the verb's subject, not the thing the clause describes
            at = offset + chunk_start + object_relative.start("name")
            name = _resolve_name(object_relative.group("name"), text, at, document)
            if name is not None:
                return _Attribution(name, False, *verb)
        if _IMPERSONAL_YOU.fullmatch(chunk):
            # "If the group adds barrels, you could see $60": the "you" of anyone at all is
            # the verb's subject, and holds no view of its own
            break
        if _is_descriptor(chunk):
            described = described or words[0].lower() not in _CONJUNCTIONS
            continue
        if (
            position > 0
            and _JOINED_NAME.fullmatch(chunk)
            and _DEFINITE_ORG.match(chunks[position - 1][1])
            and chunks[position - 1][1].split()[-1].lower() in _ORG_WORDS
        ):
            # "The regional tourism board, Coast and Moor Tourism,": the body's name in
            # apposition, "and" and all
            return _Attribution(chunk.strip(), False, *verb)
        if _WHERE_OPENING.match(chunk):
            # "In Britain, pollsters broadly expect": where the view is held, not who holds it
            continue
        if position > 0 and _state_after_town(
            text, offset + chunk_start + len(chunk) - len(chunk.lstrip())
        ):
            # "The company, based in Orvieto Falls, Ore., expects": the state the town is in;
            # the speaker comes before it
            continue
        if position > 0 and _PLACE_NOUN_END.search(chunks[position - 1][1]) and _bare_name(chunk):
            # "a strategist at Halvard Securities in Tessmark's capital, Orlen,": the place
            # the description ends on, named; the speaker comes before it
            continue
        name = _resolve_name(chunk, text, offset + chunk_start, document)
        if name is not None:
            entity = document.known(name)
            organised = entity is not None and entity.kind == "org"
            return _Attribution(name, False, *verb, post=_post_in(chunk) if organised else "")
        if words[-1].lower() in _TRAILING_JOB_TITLES:
            continue  # "Paul Davies, Met Office Chief Meteorologist, said": the post, then the name
        break
    if organisation is None:
        return None
    return _Attribution(organisation, False, *verb, post=post_word)


def _name_in(
    pattern: re.Pattern[str], chunk: str, at: int, text: str, document: _Document
) -> str | None:
    """The speaker the pattern's "name" group gives, when the whole chunk fits it."""
    fitted = pattern.fullmatch(chunk)
    if fitted is None:
        return None
    return _resolve_name(fitted.group("name"), text, at + fitted.start("name"), document)


# "The bank's Jan Berg", "its Ada Kell": a person named after the body they work for.
_OWNED_PERSON: Final = re.compile(
    r"\s*(?:(?i:the)\s+(?-i:[a-z][\w-]*)['’]s|(?i:its|their))\s+"
    r"(?P<name>(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+){1,2})\s*"
)


# A relative pronoun alone before the verb, and the name a clause ends on.
# "which currently puts": an adverb of time may stand between the pronoun and its verb
# "which Southvale Water": a relative pronoun, then the name that is the clause's subject.
_RELATIVE_THEN_NAME: Final = re.compile(
    r"\s*(?:which|that)\s+(?P<name>[A-Z][\w&'’.-]*(?:\s+(?:(?:of|for|and|&)\s+)?"
    r"[A-Z][\w&'’.-]*){0,5})\s*"
)


_RELATIVE_ONLY: Final = re.compile(
    r"\s*(?:which|who)(?:\s+(?:currently|now|still|also|already|today|again))?\s*"
)
_NAME_ENDING: Final = re.compile(
    r"(?<![\w'’])(?:[A-Z][\w&'’.-]*\s+){0,3}[A-Z][\w&'’.-]*"
    # "Priya Nandakumar of Eastgate Securities, who expects": the person, of the firm
    r"(?:\s+(?:of|at|from)\s+(?:the\s+)?(?:[A-Z][\w&'’.-]*\s+){0,3}[A-Z][\w&'’.-]*)?\s*$"
)


# "Her institute's modelling unit", "his bank's economists", "their agency": a unit of the body
# a person works at, called by its kind after the person's pronoun.
_PERSON_S_BODY: Final = re.compile(
    r"\s*(?i:his|her)\s+(?P<noun>institute|bank|agency|company|firm|university|department|"
    r"ministry|office|service|centre|center|lab|laboratory)(?:['’]s\s+(?:[a-z-]+\s+){0,3}[a-z-]+)?\s*"
)


# A name with "and" inside it: "Coast and Moor Tourism", "Harlow & Finch".
_JOINED_NAME: Final = re.compile(
    r"\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*\s+(?:and|&)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*\s*"
)


# "the country's", "the city's": where a body called by its kind is the main one.
_WHERE_MAIN: Final = r"(?:country|nation|city|region|state|island)['’]s\s+"


# "the city's Office of Budget and Management", "the state's Revenue Department": a body
# named, after where it belongs
_WHERE_OWNS_NAME: Final = re.compile(
    r"\s*(?i:the)\s+" + _WHERE_MAIN + r"(?P<name>(?-i:[A-Z])[\w&'’.-]*"
    r"(?:\s+(?:(?-i:[A-Z])[\w&'’.-]*|of|for|and|on|the|&))*)\s*"
)


# "the country's main economic forecaster", "the nation's weather service": a body called by
# its kind and where it is the main one.
_NATIONAL_BODY: Final = re.compile(
    r"\s*(?i:the)\s+" + _WHERE_MAIN + r"(?:[a-z-]+\s+){0,3}(?P<noun>[a-z-]+)\s*$"
)


# A place the sentence opens on: "In Britain,", "Across the euro zone,", "In New York".
_WHERE_OPENING: Final = re.compile(
    r"\s*(?i:in|across|throughout|around|outside|inside)\s+(?:the\s+)?"
    r"(?:[A-Z][\w.-]*|(?i:euro\s+zone|eurozone))(?:\s+[A-Z][\w.-]*)*\s*$"
)


# A description that ends on a kind of place, whose name follows in apposition: "in
# Tessmark's capital", "in the port city", "from her home town".
_PLACE_NOUN_END: Final = re.compile(
    r"\b(?:in|at|from|of|near|outside)\s+(?:[\w'’-]+\s+){0,3}(?:capital|city|town|port|village|"
    r"region|province|state|county|district|suburb|home\s+town|hometown|island)\s*$"
)


# A post in lower case, then the name of whoever holds it: "chief executive Dana Holt".
_TITLED_NAME: Final = re.compile(
    # "Moody's Analytics chief economist Mark Zandi": where the holder works may come first,
    # and when ("former Calder goalkeeper Ada Moss") before that
    r"\s*(?:(?:former|retired|ex-)\s*)?(?:(?:the|its|their)\s+|(?:[A-Z][\w&.-]*['’]?s?\s+){1,4}(?=[a-z]))?(?:[a-z-]+\s+){0,2}"
    rf"(?:{'|'.join(sorted(_INNER_JOB_TITLES))}|pundit|expert|forecaster|pollster|commentator|"
    r"researcher|adviser|advisor|striker|midfielder|defender|goalkeeper|winger|[a-z]{3,}ist)\s+"
    r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+)\s*"
)


# "the 31-year-old Dutchman", "the 54-year-old": a person written by age, for one named before.
_BY_AGE: Final = re.compile(r"^\s*(?i:the)\s+\d{1,3}-year-old(?P<noun>(?:\s+[A-Za-z-]+){0,2})\s*$")


def _described_person(chunk: str, document: _Document) -> _Entity | None:
    """Whom "the 31-year-old Dutchman said" means: the holder of the post it names ("the
    54-year-old chief executive"), else the person last named in this paragraph or the one
    before (which introduces the quotation), else the one the story is about."""
    match = _BY_AGE.match(chunk)
    if match is None:
        return None
    post = match.group("noun").split()
    holder = document.roles.get(post[-1].lower()) if post else None
    if holder is not None:
        return holder
    if document.last_person and document.person_paragraph >= document.paragraph - 1:
        return document.last_person[-1]
    return document.first_person_in_body()


# "Eklund's colleague Sofia Brandt", "Smith's deputy Ana Ruiz": someone's relation, then the
# relation's own full name.
_RELATION_THEN_NAME: Final = re.compile(
    r"\s*(?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*['’]s?\s+(?:[a-z-]+\s+){1,3}"
    r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+)\s*"
)


# "Mayor Ada Kell has applied ...": a sentence opening on a person's full name and a verb.
_PERSON_OPENING: Final = re.compile(
    r"\s*(?P<subject>(?:(?:Mr|Mrs|Ms|Dr|Mayor|Governor|Senator|President|Minister)\.?\s+)?"
    r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})\s+(?:has|had|is|was|[a-z]+ed)\b"
)


# "Her deputy, Rasmus Oyen, was less coy: he told ...": the person named, or named beside
# their post, as the subject of the clause before a colon or semicolon that a pronoun opens
# the next clause after.
_PERSON_BEFORE_COLON: Final = re.compile(
    r"\W*(?:(?:The|Her|His|Its|Their|Our|[A-Z][\w'’-]*['’]s)\s+(?:[a-z][\w-]*\s+){0,3}?"
    r"[a-z][\w-]*,\s+)?"
    r"(?P<subject>(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?[A-Z][\w'’-]+(?:\s+[^\W\d_a-z][\w'’-]+){1,2}),?"
    r"\s+(?:has|had|is|was|[a-z]+ed)\b[^,;:\"“”]*[:;]\s*"
)


def _clause_opener(before: str, pronoun: str, words: int) -> re.Match[str] | None:
    """The person a sentence opened on, when "he" or "she" alone opens the clause after its
    colon: that person, not whoever the article named last, speaks on."""
    if words != 1 or pronoun not in {"he", "she"}:
        return None
    return _PERSON_BEFORE_COLON.fullmatch(before)


# A name, its verb in the past or present, more of that clause, then "and" before the verb
# of saying the name is also the subject of.
_COORDINATED_VERB: Final = re.compile(
    r"\s*(?P<subject>(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})\s+"
    r"(?:also\s+)?[a-z]+(?:ed|es|s)\b[^,;:]*\s(?:and|but)\s+$"
)


def _names_someone(written: str, document: _Document) -> bool:
    """ "Raul Benitez", or "Benitez" once he is known; not "Prices" opening a sentence."""
    return len(written.split()) > 1 or document.known(written) is not None


# A public agency's staff, unnamed: "federal forecasters", "government meteorologists".
_PUBLIC_FORECASTERS: Final = re.compile(
    r"^\s*(?i:the\s+)?(?i:federal|government|state|national)\s+(?:weather\s+|climate\s+)?"
    r"(?i:forecasters|meteorologists|climatologists|statisticians)\s*$"
)


# Kinds of public body whose forecasters speak for it.
_AGENCY_NOUNS: Final = _wordset("agency administration service office bureau center centre")


def _public_agency(document: _Document) -> str | None:
    """The public body an article's unnamed official forecasters work for: the latest one
    named as an agency or service, else the body its headline names by initials."""
    for entity in reversed(document.entities):
        if entity.kind == "org" and (
            entity.nouns & _AGENCY_NOUNS or {p.lower() for p in entity.parts} & _AGENCY_NOUNS
        ):
            return entity.root().name
    named = _AGENCY_NAME.search(document.article)
    if named is not None:
        # a lede's "federal forecasters said", the agency named further down
        return document.remember(_Entity(named.group(), "org")).root().name
    return None


# "National Oceanic and Atmospheric Administration", "Bureau of Meteorology", "Met Office".
_AGENCY_NAME: Final = re.compile(
    r"\b(?:[A-Z][\w-]*\s+(?:(?:and|of|for|the)\s+)*){1,6}(?:Administration|Agency|Service|"
    r"Office|Bureau)\b"
    r"|\b(?:Bureau|Office|Agency|Service)\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*"
)


# "analysts led by Hanna Vos at Meridale Bank": the lead author, then the firm the group is at
_LED_BY: Final = re.compile(
    r"\b" + _LED_BY_NAME + r"(?:\s+(?:at|of|from)\s+(?:the\s+)?[A-Z][\w&'’.-]*"
    r"(?:\s+[A-Z&][\w&'’.-]*){0,4})?\s*$"
)


# "al-Darrani": a family name may open on its particle, in lower case.
_BARE_NAME: Final = re.compile(
    r"\s*(?:" + _HYPHENED_PARTICLE + r")?[A-Z][\w&'’.-]*(?:\s+[A-Z&][\w&'’.-]*){0,4}\s*"
)


def _proper_name_only(chunk: str) -> bool:
    """ "the UK Health Security Agency": a name with its article, no description of one."""
    words = chunk.split()[1:]
    return bool(words) and all(word[:1].isupper() or word in _NAME_JOINERS for word in words)


_NAME_JOINERS: Final = frozenset({"of", "for", "and", "&", "the", "on"})


def _the_and_name(chunk: str) -> bool:
    """ "The UNHCR", "the Keller Political Report": "the" and a name in capitals."""
    return chunk.split()[:1] in (["The"], ["the"]) and _proper_name_only(chunk)


def _role_at_named_body(chunk: str) -> bool:
    """ "The chief economist at Kell Savings Bank": a role at a body named in capitals."""
    at = _ROLE_AT.match(chunk.strip())
    return at is not None and _bare_name(at.group("org"))


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
    r"bulletin|outlook|forecast|report|update|review|study|assessment|survey|note|analysis|"
    # "The model also expects a tight game": the model just credited to its owner
    r"paper|model|simulations?|(?<=rate\s)path)"
    # "The revised outlook, published alongside the budget, also ...", "The rate path
    # published with this decision": when it came out
    r"(?:,\s+(?i:published|released|issued)\b[^,;]{1,80},"
    r"|\s+(?i:published|released|issued)\s+(?i:with|alongside)\s+[^,;]{1,60}?)?"
    r"(?:\s+(?i:also|now|still|then))?\s*$"
)


# A person's post written for the person named just before: "the Ashford manager", "the
# 54-year-old", "the former minister".
_ROLE_REFERENCE: Final = re.compile(
    # "the former Kingsport striker": a word for when, then the club
    r"^\s*(?i:the)\s+(?:(?:former|ex|new|old|veteran|retired|current)\s+)?"
    r"(?:[A-Z][\w&'’.-]*\s+){0,2}(?:(?-i:[a-z])[\w-]*\s+){0,2}"
    r"(?i:manager|coach|captain|skipper|boss|chief\s+executive|chairman|chairwoman|president|"
    r"governor|mayor|minister|striker|midfielder|goalkeeper|defender|forward|founder|veteran|"
    r"\d+-year-old)\s*$"
)


# "the state's chief elections officer", "the country's top prosecutor": a post described by
# the place it serves, written for a person just named.
_PLACE_ROLE_REFERENCE: Final = re.compile(
    r"^\s*(?i:the)\s+(?i:country|state|city|nation|county|province|region)['’]s\s+"
    r"(?:(?-i:[a-z])[\w-]*\s+){0,3}(?i:officer|official|secretary|commissioner|prosecutor|"
    r"regulator|registrar|auditor|statistician|administrator)\s*$"
)


def _post_in(chunk: str) -> str:
    """ "the United Nations envoy overseeing the process": the post a body's speaker holds,
    whose holder a later paragraph may name."""
    post = _SINGLE_POST.search(chunk)
    return post["post"].lower() if post else ""


# "a spokesman for the agency": one holder of a post, who may be named elsewhere.
_SINGLE_POST: Final = re.compile(
    r"\b(?:a|an|the|one)\s+(?:[\w&.'’-]+\s+){0,5}?(?P<post>spokes(?:man|woman|person)|"
    r"director|official|head|chief|economist|analyst|forecaster|envoy|mediator|negotiator)\b",
    re.IGNORECASE,
)


# "WHO spokesman Tarik Jasarevic": the organisation, the post, then its holder.
_POST_HOLDER: Final = re.compile(
    r"(?P<org>[A-Z][\w&.-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w&.-]*){0,5}?)(?:['’]s?)?\s+"
    r"(?:[a-z-]+\s+){0,2}?(?P<post>spokes(?:man|woman|person)|director|official|head|chief|"
    r"economist|analyst|forecaster)\s+(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?"
    r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+)"
)


# "Management", "The company's management", "Its management team": those who run a company,
# whose guidance is the company's.
_MANAGEMENT: Final = re.compile(
    r"\W*(?:(?i:the|its)\s+(?:(?i:company)['’]s\s+)?)?(?i:management)(?:\s+(?i:team))?\s*"
)


# "His model", "Her seat projections", "His own simulations": a person's forecasting instrument,
# through which that person forecasts.
_PERSON_S_INSTRUMENT: Final = re.compile(
    r"\W*(?P<pronoun>His|Her)\s+(?:own\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:models?|projections?|simulations?)\s*$"
)


def _report_instrument(owner: str, document: _Document) -> None:
    document.instrument_owner = owner
    document.instrument_paragraph = document.paragraph


def _model_runner(subject: str, offset: int, text: str, document: _Document) -> str | None:
    """ "The league's statistical model, run by its data partner X, projects": X, who runs
    the model, speaks for it, not the body whose model it is called."""
    built = _BUILT_BY.match(subject) if "," in subject else None
    if built is not None and built.group("maker"):
        return _resolve_name(built.group("maker"), text, offset + built.start("maker"), document)
    if " by " not in subject and " from " not in subject:
        return None
    return _name_in(_REPORT_BY, subject, offset, text, document)


# "A report by the consultancy Halden & Roe estimated", "A new study from Lund University
# finds": who wrote the document speaks through it.
_REPORT_BY: Final = re.compile(
    r"^\s*(?i:a|an|the)\s+(?:(?i:new|recent|latest|separate|fresh)\s+)?(?:[\w-]+\s+)?"
    r"(?i:report|study|paper|note|review|assessment|briefing|analysis)\s+(?i:by|from)\s+"
    r"(?P<name>[^,]+?)[\s,]*$"
)


_BUILT_BY: Final = re.compile(
    # "The league's statistical model, run by its data partner X, projects": the one who runs
    # the model speaks for it, not the body it is run for
    r"^\s*(?i:the|a|an|its|their)\s+(?:[\w'’-]+\s+){0,2}(?i:model|forecast|projection|poll|"
    r"survey|analysis|simulation|nowcast),?\s+(?:[\w-]+\s+)?(?i:built|run|published|produced|"
    r"compiled|released|conducted|made)\s+"
    # "published on Tuesday by the polling firm X": when it came out, then its maker
    r"(?:(?i:on|in|last|this|earlier\s+this)\s+[\w-]+\s+)?"
    # "conducted for the public broadcasters by X": who it was made for does not speak
    r"(?:(?i:for)\s+(?:[\w'’&.-]+\s+){1,4}?)?by\s+(?P<maker>.+?)[\s,]*$"
    # "Modelling by the Centre suggests", "New analysis by Kell Research shows"
    r"|^\s*(?:(?i:new|recent|fresh|latest)\s+)?(?i:modell?ing|analysis|research|projections?|"
    r"estimates?)\s+"
    # "Modelling published by the agency's unit": the body that published it wrote it
    r"(?:(?i:published|produced|released|compiled|carried\s+out|conducted|done)\s+)?"
    r"by\s+(?P<author>.+?)\s*$"
)


# "Statistics Office projections published last month": the body named just before its
# document, without a possessive.
_NAMED_DOCUMENT: Final = re.compile(
    r"(?P<owner>(?-i:[A-Z][\w&.-]*)(?:\s+(?-i:[A-Z][\w&.-]*)){1,5})\s+"
    r"(?i:projections|forecasts|outlook|estimates)"
    r"(?:\s+(?i:published|released|issued)\s+(?i:last|this|on|in)\s+[\w-]+)?\s+$"
)


# "Harland Institute's latest market report", "the group's monthly outlook, which": a
# document forecasts for whoever publishes it.
_OWNED_DOCUMENT: Final = re.compile(
    r"(?:^|\s)(?P<owner>(?:(?i:the)\s+)?(?:[\w&.-]+\s+){0,4}?[\w&.-]+)['’]s?\s+"
    r"(?:[\w-]+\s+){0,3}(?i:report|outlook|forecasts?|projections?|estimates?|survey|review|"
    r"bulletin|statement|assessment|minutes|models?|simulations?|supercomputer|(?<=base\s)case|"
    # "the bank's projected rate path, which shows": the path of its policy rate it publishes
    r"(?:rate|policy)\s+path)"
    # "the agency's outlook for June to August": the period it covers
    r"(?:\s+(?i:for|on)\s+(?:[\w-]+\s+){0,4}?[\w-]+)?"
    # "The center's drought outlook, released alongside the maps,": when it came out
    r"(?:,\s+(?i:released|published|issued)\b[^,;.]{1,80},|,\s+which)?\s*$"
)


# "he pointed to ", "she cited ": the clause that leads up to a document's owner.
_VERB_PHRASE_BEFORE_OWNER: Final = re.compile(
    r"^(?:[a-z]|(?:He|She|They|We|I)\s)[\w\s]*?\s(?=(?i:the|its|their)\s)"
)


def _report_owner(chunk: str, text: str, offset: int, document: _Document) -> str | None:
    owned = _OWNED_DOCUMENT.search(chunk)
    if owned is None:
        return None
    owner = owned.group("owner")
    lead = _VERB_PHRASE_BEFORE_OWNER.match(owner)
    if lead is not None:
        # "he pointed to the bank's rate path": the owner is the noun phrase, not the clause
        owner = owner[lead.end() :]
    if owner.lower() in {"its", "their"}:
        return document.last_organisation
    if owner.split()[0].lower() == "the":
        found = _definite_org(owner, document, text[:offset])
        if found is not None:
            return found.name
        # "The Strathmere Meteorological Service's outlook": a name that takes "the"
        name = owner.split(maxsplit=1)[1] if " " in owner else ""
        # "The Federal Ministry for Economic Affairs' projection": small joining words allowed;
        # "The OCB's own projections": the initials a body was given in brackets
        if not name[:1].isupper() or not all(
            word.istitle() or word.isupper() or word in _NAME_JOINERS for word in name.split()
        ):
            return None
        at = offset + owned.start("owner") + len(owner) - len(name)
        return _resolve_name(name, text, at, document)
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
        and (
            named.group("det")
            or named.group("own")
            or re.search(r"['’]s$", named.group("org"))
            # "Goldman Sachs economists expect": a firm's name of two words or more, or one
            # already met, before the role
            or _firm_before_role(named.group("org"), chunk, document)
        )
        and named.group("org").lower() not in _NOT_NAMES
    ):
        # "The World Health Organization's European office": the body whose unit it is
        written = re.split(r"['’]s\s+(?=[A-Z])", named.group("org"))[0]
        bare = re.sub(r"['’]s?$", "", written)  # "Moody's", "Statline Analytics'"
        known = document.known(bare)
        if known is not None:
            return known.root().name
        # "Moody's", "Sainsbury's": an owner named only in the possessive keeps it
        name = _resolve_name(bare, text, offset + named.start("org"), document)
        if name is not None:
            # "Hadley's campaign": a person's own name, without the possessive
            entity = document.known(name)
            if entity is not None and entity.kind == "person":
                return name
            return written if written != bare and name == bare else name
    kind = _SPOKESMAN_OF_KIND.match(chunk)
    if kind is not None:
        # "A ministry spokesman", "a central bank official": the body of that kind last named
        found = _definite_org("the " + kind.group("kind"), document, "")
        if found is not None:
            return found.name
    at = _ROLE_AT.match(chunk)
    if at:
        # "the head of the Ostland Industrial Federation's energy committee": the body whose
        # unit it is
        place = _UNIT_OF_BODY.sub("", at.group("org").strip())
        found = _definite_org(place, document, "")
        if found is not None:
            return found.name
        if at.group("prep").lower() == "in" and not any(map(_org_word, place.split())):
            return None  # "Public health officials in Texas": where they work, not for whom
        return _resolve_name(place, text, offset + at.start("org"), document)
    return None


_UNIT_OF_BODY: Final = re.compile(r"(?<=[a-z])['’]s\s+(?:[a-z-]+\s+){0,2}[a-z-]+$")


# "A ministry spokesman", "a company spokeswoman", "a senior central bank official": one who
# speaks for a body, which the article calls by its kind.
_SPOKESMAN_OF_KIND: Final = re.compile(
    r"^(?i:a|an|the|one|two|several)\s+(?:(?:senior|top|junior|second)\s+)?"
    r"(?P<kind>(?:[a-z-]+\s+)?[a-z-]+)\s+"
    r"(?:spokes(?:man|woman|person)|officials?|representatives?)$"
)


def _firm_before_role(org: str, chunk: str, document: _Document) -> bool:
    if not chunk.lstrip().startswith(org):
        return False  # "Senior Goldman economists": a modifier first
    words = org.split()
    if len(words) > 1:
        return all(word[:1].isupper() for word in words) and words[0].lower() not in _NOT_NAMES
    # "Nomura economists" once Nomura is known as a firm; "Harrowgate analysts" after
    # "Harrowgate Securities", a shortened name, and "Climate scientists" after a "Climate
    # Outlook Centre" are told apart by the test below
    known = document.known(org)
    if known is not None and (known.kind != "org" or known.name == org or org.isupper()):
        return known.kind == "org"
    # "Goldman analysts wrote": a word the article never uses in lower case, before a role
    # in the plural, is a firm's name; "Climate scientists", "Oil analysts" use a word the
    # article goes on to use as a word
    return (
        _FIRM_STAFF.match(chunk[chunk.index(org) + len(org) :]) is not None
        and org.lower() not in _NOT_NAMES
        and org.lower() not in _DESCRIBING_WORDS
        and not _NATIONALITY.search(org)
        and re.search(rf"\b{re.escape(org.lower())}\b", document.article) is None
    )


# The staff of a firm, in the plural: "analysts", "economists".
_FIRM_STAFF: Final = re.compile(
    r"\s+(?:economists|analysts|strategists|researchers|forecasters)\s*$"
)


# Words that describe analysts rather than name their firm.
_DESCRIBING_WORDS: Final = _wordset(
    "independent senior leading top private outside other western eastern foreign local "
    "regional global international financial political military security city street market "
    "industry sector equity bond credit currency commodity oil energy health climate bank "
    "government opposition academic junior veteran former"
)


# "Chinese economists", "Israeli analysts": where they are from, not whom they work for.
_NATIONALITY: Final = re.compile(
    r"(?:ian|ean|can|ese|ish|ic)$|^(?:German|French|Dutch|Czech|Greek|Thai|Israeli|Iraqi|"
    r"Pakistani|Saudi|Kuwaiti|Emirati|Omani|Qatari|Yemeni|Bangladeshi|Swiss)$"
)


_DEFINITE_NP: Final = re.compile(
    # "the New York-listed miner": where it is, then what it is
    r"^\s*(?i:the)\s+"
    r"(?:(?:[A-Z][\w.]*\s+)*[A-Z][\w.-]*-(?:based|headquartered|listed|owned|run|backed)\s+)?"
    # "the U.N. agency", "the EU executive": a country's or union's initials, then the noun
    r"(?:(?:U\.N\.|U\.S\.|U\.K\.|E\.U\.|UN|US|UK|EU)\s+)?"
    r"((?:[a-z-]+\s+){0,3}[a-z-]+)(?:['’]s)?\s*$"
)


# "the brokerage Halsey & Crane": a firm of partners keeps its "&"
_NAME_AFTER_KIND: Final = re.compile(
    r"\s+(?-i:[A-Z])[\w&'’-]*(?:\s+(?:&\s+)?(?-i:[A-Z])[\w&'’-]*)*\s*$"
)


_KINDS_THEN_NAME: Final = re.compile(
    r"\s*(?i:the)\s+(?:[a-z-]+\s+){1,2}(?P<noun>[a-z-]+)"
    r"\s+[A-Z][\w&'’-]*(?:\s+(?:&\s+)?[A-Z][\w&'’-]*)*\s*$"
)


def _definite_org(chunk: str, document: _Document, earlier: str) -> _Entity | None:
    """The organisation "the central bank", "the company" or "The Bank" refers to.

    An organisation named earlier in the same sentence comes first ("Voltera's shares ...,
    and the company warned"); then the latest one that the nouns fit.
    """
    definite = _DEFINITE_ORG.match(chunk)
    if definite is None:
        return None
    if definite.group("noun").islower() and _NAME_AFTER_KIND.match(chunk, definite.end()):
        # "the insurer Norhaven Mutual": the kind introduces the name after it, not a body
        # met before
        return None
    kinds = _KINDS_THEN_NAME.match(chunk)
    if kinds is not None and _any_org_noun(kinds.group("noun")):
        return None  # "the research firm Tallis Insight": a kind in more words, then the name
    np = _DEFINITE_NP.match(chunk)
    nouns = list(reversed(np.group(1).split())) if np else [definite.group("noun")]
    if nouns[:2] == ["bank", "central"]:
        # "Analysts at the central bank see ...": the central bank the article named, not a
        # lender quoted since ("Jon Berg, an economist at Tellus Bank, said ...")
        # and not a lender at all when none is named yet: "Sberbank" is no central bank
        return _central_bank(document)
    if nouns[0] == "bank" and (subject := _central_bank_first(document)) is not None:
        # "The bank's staff projections" in a story that opened on a central bank: the
        # bank it is about, whatever lender was quoted since
        return subject
    if nouns[0] in _TEAM_NOUNS and document.team_opening is not None:
        # "The Foxes have their own injury worries. The club said ...": that team
        return document.team_opening
    if _any_org_noun(nouns[0]) and nouns[0].islower():
        # "the company" (not "The Bank of Norland", a name)
        found = _generic_noun_org(nouns, document, earlier)
        if found is not None:
            # "The Denver-based company ..." then, after other firms, "The company now
            # expects": the article goes on calling the same firm by the same noun
            found.nouns = found.nouns | {nouns[0]}
            return found
    if nouns[0] == "Bank":
        central = _central_bank(document)
        if central is not None:
            return central
    for noun in nouns:
        found = document.org_for(noun, earlier_only=noun.islower())
        if found is not None:
            return found
    return None


# What a sports report calls a team it has just written about.
_TEAM_NOUNS: Final = _wordset("club team side franchise")


# "Redbridge are also without their captain.", "The Mariners have their own injury worries.":
# a name that opens the sentence with a verb that is not a singular one ("thinks", "is") and
# is then called "their", as reports call a team.
_TEAM_THEIR: Final = re.compile(
    r"\W*(?:(?:But|And|Yet|So)\s+)?(?:The\s+)?"
    r"(?!The\b)(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s+"
    r"(?!(?:is|was|has|does)\b|[a-z]+[^s\W]s\b)(?:will\s+)?[a-z]+\b[^.;:\"“”]*?\btheir\b"
)


# "Redbridge were less fortunate.", "Ashby have won four in a row.": a name taking a plural
# verb, as a report writes of a team.
_TEAM_PLURAL: Final = re.compile(
    r"\W*(?:(?:But|And|Yet|So)\s+)?(?!The\b)(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\s+"
    r"(?:were|are|have|had)\b(?!\s+(?:been\s+)?(?:told|asked|said)\b)"
)


def _team_opening(text: str, document: _Document) -> _Entity | None:
    """The team a sentence opens on and calls "their", as the article knows it in full, or
    one named before that the sentence opens on with a plural verb."""
    start = _after_dateline(text)
    opening = _TEAM_THEIR.match(text, start) if " their " in text else None
    plural = opening is None
    opening = opening or _TEAM_PLURAL.match(text, start)
    if opening is None:
        return None
    name = opening.group("name")
    known = document.known(name)
    if plural and known is None and f" {name.lower()}" in document.article:
        return None  # "Shares were lower": a common word, capitalised to open the sentence
    if known is None:
        return _Entity(_team_in_full(name, document.article), "org")
    # "Berglund made their case": a person named so, he or she, is no team
    return known.root() if not known.gender else None


def _team_in_full(name: str, article: str) -> str:
    """ "Redbridge" as the article names it in full once, "Redbridge Athletic"; else as written."""
    # Only where the name stands: a pattern searched over the whole article costs far more.
    fuller = re.compile(rf"\b{re.escape(name)}((?:\s+[A-Z][\w'’-]*)+)")
    at = article.find(name)
    while at != -1:
        found = fuller.match(article, at)
        if found is not None and _org_word(found.group(1).split()[-1]):
            return found.group().strip()
        at = article.find(name, at + 1)
    return name


# "VELGRAD, Dec 3 (Wire) - Ruvania's central bank kept ...": a lede that calls the bank by
# its kind and country, as wire copy does, before the body names it.
_CENTRAL_BANK_BY_KIND: Final = re.compile(
    r"(?:(?P<place>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)['’]s\s+|(?i:the)\s+)"
    r"central\s+bank\b(?!['’]s)"
)


def _central_bank_named_later(text: str, document: _Document) -> str | None:
    """The central bank a lede opening on "<country>'s central bank" means, named anywhere
    in the article: the one whose name holds the country, or the only one."""
    opening = _CENTRAL_BANK_BY_KIND.match(text, _after_dateline(text))
    if opening is None:
        return None
    banks = [
        entity.root()
        for entity in document.entities
        if entity.kind == "org" and _CENTRAL_BANK_NAME.search(entity.name)
    ]
    place = opening.group("place")
    if place is not None:
        named = [bank for bank in banks if place.split()[-1] in bank.name]
        if named:
            return named[0].name
    names = {bank.name for bank in banks}
    return names.pop() if len(names) == 1 else None


# "..., the company behind the service said", "The firm said on Tuesday": a lede's speaker
# called by its kind alone, before the article names any firm.
_FIRM_BY_KIND: Final = re.compile(
    r"(?:^|,\s+|\band\s+)(?i:the)\s+(?:" + _WHERE_MAIN + r")?"
    r"(?:[a-z-]+\s+){0,3}?(?P<noun>[a-z-]+)(?:\s+(?:behind|that|which|running|developing|"
    r"building|operating)\b[^,;:\"“”]{0,60}?)?\s+"
    # "..., the national weather service has warned": a warning is said too
    r"(?:(?:has|have)\s+)?(?:said|says|announced|expects|told|warned|warns)\b"
    # "..., according to the city's biggest mortgage lender, as ...": the source closes the
    # clause, described by where it is the biggest or the leading one
    r"|\b(?i:according\s+to)\s+(?i:the)\s+(?:" + _WHERE_MAIN + r")?"
    r"(?:[a-z-]+\s+){0,2}?(?P<source>[a-z-]+)(?=\s*(?:[,;.]|$))"
)


# "The Strathmere Meteorological Service's outlook ...": a name that opens its sentence;
# "In its seasonal outlook, the Skarland Meteorological Institute put ...": after a short
# phrase set off by a comma, whose "its" looks back to the body the lede meant.
_OPENING_THE: Final = re.compile(
    r"\W*(?:(?i:in|under|according\s+to)\s+(?i:its|their)\s+[^,;:\"“”]{1,60},\s+"
    # "A survey by the Sondra Institute published on Sunday put ...": the lede's pollster
    r"|(?i:an?|the|its)\s+(?:[a-z-]+\s+)?(?:survey|poll|forecast|report|outlook|study|projection)"
    r"\s+(?:by|from)\s+"
    # "On Monday, the State Institute measured", "Figures published by the Agency showed"
    r"|On\s+[A-Z][a-z]+,\s+|(?:Figures|Data|Numbers|Estimates)\s+(?:published|released)\s+by\s+)?"
    r"(?:(?i:the)\s+)?$"
)


# "..., the national weather service said": a body called by its kind closes the clause.
_KIND_BEFORE_VERB: Final = re.compile(r",\s+(?i:the)\s+(?:[a-z-]+\s+){0,2}(?P<noun>[a-z-]+)\s+$")


def _body_kind(text: str, verb: int) -> bool:
    """Whether the clause before `verb` ends on a body called by its kind."""
    kind = _KIND_BEFORE_VERB.search(text, 0, verb)
    return kind is not None and _kind_of_body(kind.group("noun"))


def _kind_of_body(noun: str) -> bool:
    """ "the company", "the weather service", "the public health institute": a noun a firm or a
    public body is called by."""
    return _any_org_noun(noun) or noun.lower() in _AGENCY_NOUNS or noun.lower() in _BODY_KINDS


_BODY_KINDS: Final = _wordset("institute authority ministry department commission forecaster")


# How many sentences after the lede the firm it means may be named in.
_FIRM_NAMING_REACH: Final = 2


def _firm_named_later(text: str, later: list[str], document: _Document) -> str | None:
    """The firm a lede calls "the company" before naming it: the organisation that opens one
    of the next sentences ("Orrin Mobility, a London start-up, ...")."""
    kind = _FIRM_BY_KIND.search(text, _after_dateline(text))
    if kind is None or not _kind_of_body(kind.group("noun") or kind.group("source")):
        return None
    for sentence in later:
        # "In its outlook, the X ...": the capital of the opening word is no name, nor is a
        # day in the phrase before the body ("In its outlook published on Wednesday, the X")
        for run in _name_runs(sentence)[:_OPENING_RUNS]:
            if run.text in _OPENING_WORDS or not _OPENING_THE.match(sentence, 0, run.start):
                continue
            if _CAPITAL_OF_A_PHRASE.match(sentence, run.end) and " " not in run.text:
                continue  # "Gross domestic product fell": the capital opens the sentence
            known = document.known(run.text)
            if known is not None and known.kind == "org":
                return known.root().name
    return None


# A lower-case word that goes on the phrase a single capitalised word opened, rather than
# a verb of which a name is the subject ("Gross domestic product", not "Voltaris expects").
_CAPITAL_OF_A_PHRASE: Final = re.compile(
    r"\s+(?![a-z]+(?:s|ed)\b)(?!(?:will|would|is|are|was|were|has|have|had|can|could|may|might|"
    r"should|now|also|still|cut|put|set|saw|sees|see)\b)[a-z]"
)


# How many capitalised runs may open a sentence before the body it names: "In", a day, it.
_OPENING_RUNS: Final = 3


_OPENING_WORDS: Final = frozenset({"In", "Under", "According"})


def _central_bank_first(document: _Document) -> _Entity | None:
    """The central bank the article names first, when it names no organisation before it."""
    first = next((entity for entity in document.entities if entity.kind == "org"), None)
    if first is None or not _CENTRAL_BANK_NAME.search(first.root().name):
        return None
    return first.root()


def _central_bank(document: _Document) -> _Entity | None:
    """ "the Bank", capitalised, is the central bank ("Bank of England", "Reserve Bank of
    Australia") in the style of the press that covers it, whatever firm called "... Bank"
    was named last."""
    for entity in reversed(document.entities):
        if entity.kind == "org" and _CENTRAL_BANK_NAME.search(entity.name):
            return entity.root()
    return None


_CENTRAL_BANK_NAME: Final = re.compile(
    r"^Bank\s+of\b|\b(?:Reserve|Central|National)\s+Bank\b|\bReserve$"  # "the Federal Reserve"
    r"|^(?:Banque|Banco|Banca)\s+(?:de|d['’]|del|di)\b|^(?:Riksbank|Bundesbank|Norges\s+Bank)$"
)


def _generic_noun_org(nouns: list[str], document: _Document, earlier: str) -> _Entity | None:
    """The firm "the company" means: one named earlier in the sentence, the one the article
    has called so already, or the one last spoken of whose kind is unsaid."""
    for mention in reversed(list(_name_runs(earlier))):
        known = document.known(mention.text)
        if known is not None and known.kind == "org":
            return known.root()
    called = next(
        (
            entity.root()
            for entity in reversed(document.entities)
            if entity.kind == "org"
            and not entity.headline
            and entity.order < document.known_before_sentence
            and nouns[0] in entity.nouns
            # called so by the article, not "Goldbridge Bank" named with the noun
            and nouns[0] not in {part.lower() for part in entity.parts}
        ),
        None,
    )
    if called is not None:
        return called
    subject = document.known(document.last_organisation or "")
    if (
        subject is not None
        and subject.kind == "org"
        # "Kingsmere Securities": a firm's name that says no more of its kind than "bank" does
        and not subject.nouns - _FINANCE_NAME_WORDS
        and len(nouns) == 1
        and len(subject.parts) > 1
        and nouns[0] not in _PUBLIC_NOUNS
    ):
        # "Brassfield & Co kept its forecast. The bank expects ...": the firm last spoken
        # of, whose kind the article has not said, before an older bank
        return subject.root()
    # "The company expects ... its partner, the Dutch operator Kade Mobiel": a firm the
    # sentence names after its subject is not whom "the company" opening it means
    return document.org_for(nouns[0], earlier_only=True)


# Words of a financial firm's name that a report may call "the bank" or "the firm".
_FINANCE_NAME_WORDS: Final = _wordset("securities capital markets partners investments")


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
    # "Lena Moss, the region's chief medical officer": the last post word names the post;
    # "the U.N. secretary-general's personal envoy": initials with full stops among its words
    rf"{_OWNER}\s+(?:(?:[A-Z]\.){{2,}}\s+|[\w'’-]+\s+){{0,3}}(?P<role>{_ROLE_WORDS})\b"
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
    r"Commissioner|Director|Minister|Secretary|Captain|Superintendent|(?<=Chief\s)Executive)\s+"
    r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+)"
)


# The titles alone, with no word boundary to test: a cheap look before the pattern above.
_TITLE_WORD: Final = re.compile(
    r"Governor|Chancellor|Chair|President|Mayor|Coach|Manager|Commissioner|Director|Minister|"
    r"Secretary|Captain|Superintendent|Chief\sExecutive"
)


_NOT_THE_HOLDER: Final = ("deputy", "vice", "assistant", "former", "acting")


# "..., the head of the Office for Fiscal Oversight told MPs on Monday", "..., the country's
# chief medical officer told MPs": a source given by the post alone, closing the clause.
_POST_SAID: Final = re.compile(
    rf",\s+(?i:the)\s+(?:[\w'’-]+\s+){{0,3}}?(?:{_ROLE_WORDS})"
    r"(?:\s+(?:of|at)\s+(?:the\s+)?(?:[A-Z][\w&'’-]*\s+(?:(?:of|for|and)\s+)?){1,6})?"
    r"\s*(?:told|said|says|tells|warned)\b"
)


# "Prof. Hamish Adeyemi-Berg was giving evidence ...", "Dr. Ada Kell, the office's chair,":
# a full name opening a sentence as its subject, with no post of its own elsewhere ("Ada
# Kell, an analyst at X, said" is another source).
_PERSON_OPENS: Final = re.compile(
    r"(?:(?:Dr|Prof|Mr|Mrs|Ms|Sir|Dame)\.?\s+)?(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+)"
    r"(?=\s+(?:was|is|has|had)\b|,\s+(?:the|its)\s+[\w-]+['’]s\s)"
)


def _post_holder_next(
    text: str, following: str | None, known: int, document: _Document
) -> str | None:
    """ "..., the chief medical officer told MPs." then "Prof. X was giving evidence ...": a
    lede names its source by the post, and the paragraph after it opens on the person, new to
    the article, who holds it."""
    if following is None or _POST_SAID.search(text) is None:
        return None
    opening = _PERSON_OPENS.match(following)
    person = document.known(opening.group("name")) if opening else None
    if person is None or person.kind != "person" or person.order < known:
        return None
    return person.name


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
    if not joined or _clause_between(chunks):
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


# "who has scored nine goals": a relative clause, which describes a name and joins none.
_RELATIVE_OPENING: Final = re.compile(r"\s*(?:who|which|that|whose|whom)\b")


def _clause_between(chunks: list[tuple[int, str]]) -> bool:
    """ "Tom Brennan, who has scored nine goals, is a doubt with a knee injury, and Mendes":
    a clause of its own before the last "and", which then joins clauses, not names."""
    return any(
        _FINITE_CLAUSE.search(chunk) and not _RELATIVE_OPENING.match(chunk)
        for _, chunk in chunks[:-1]
    )


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
    named = re.search(r"(?:\s(?:&\s)?[A-Z][\w&'’.-]*)+$", chunk.rstrip())  # "Harlow & Finch"
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
        # "the bank's chief economist" describes; "Britain's Met Office" names a body
        return not _proper_name_only(chunk)
    modified = _MODIFIED_BODY_NAME.fullmatch(chunk)
    if modified is not None and any(_org_word(word) for word in modified.group("name").split()):
        return False  # "The national Forest Fire Service": a body's name after a modifier
    if modified is not None and _BODY_ADJECTIVE.match(chunk) and " " in modified.group("name"):
        return False  # "The nonpartisan Dunmore Political Report": said only of a body
    return first.lower() in {"the", "a", "an"} and len(words) > 1 and words[1][:1].islower()


# Words that describe a body by how it stands, not what it is.
_BODY_ADJECTIVE: Final = re.compile(
    r"\s*(?i:the)\s+(?:nonpartisan|non-partisan|bipartisan|independent|influential|respected)\s"
)


# "The national Forest Fire Service", "the state Fire Agency": a word or two in lower case
# that say whose or what the body is, before its name.
_MODIFIED_BODY_NAME: Final = re.compile(
    r"\s*(?i:the)\s+(?:[a-z-]+\s+){1,2}"
    r"(?P<name>[A-Z][\w&'’.-]*(?:\s+(?:(?:of|for|and|&)\s+(?:the\s+)?)?[A-Z][\w&'’.-]*)*)\s*"
)


def _organisation_named_before(text: str, end: int, document: _Document) -> str | None:
    """The organisation that opens the sentence as its subject, before `end`."""
    start = _after_dateline(text)
    runs = _name_runs(text[start:end])
    if not runs or text[start : start + runs[0].start].strip(' "“'):
        return None  # the sentence does not open on a name
    known = document.known(runs[0].text)
    return known.root().name if known is not None and known.kind == "org" else None


# A quotation in double marks, and the capitalised words in it.
_QUOTATION: Final = re.compile(r"[\"“]([^\"“”]{1,400})[\"”]")
_CAPITALISED: Final = re.compile(r"\b[A-Z][\w'’-]+")


def _named_in_quotation(text: str) -> frozenset[str]:
    """ "'Dani will be back, I'm sure of it,' she said.": the names the quotation speaks of,
    whose bearers are not who says it."""
    if '"' not in text and "“" not in text:
        return frozenset()
    return frozenset(
        word
        for quotation in _QUOTATION.finditer(text)
        for word in _CAPITALISED.findall(quotation.group(1))
    )


def _pronoun_speaker(
    pronoun: str,
    document: _Document,
    verb: tuple[int, int],
    spoken_of: frozenset[str] = frozenset(),
) -> _Attribution:
    if pronoun in {"i", "we"}:
        return _Attribution(None, False, *verb)
    if pronoun == "they":
        if document.last_pair and document.last_pair_paragraph == document.paragraph:
            pair = document.last_pair
            return _Attribution(pair[0], False, *verb, speakers=pair)
        if (
            document.last_group is not None
            and document.paragraph - document.last_group_paragraph <= 1
        ):
            return _Attribution(document.last_group, False, *verb)
        return _Attribution(document.last_speaker, False, *verb)
    if pronoun == "it" and document.instrument_paragraph == document.paragraph:
        # "His model gives the Alliance a 58% chance. It puts ...": the instrument just
        # reported, whose owner speaks through it
        return _Attribution(document.instrument_owner, False, *verb)
    if pronoun == "it":
        organisation = document.last_organisation or next(
            (e.root().name for e in reversed(document.entities) if e.kind == "org"), None
        )
        return _Attribution(organisation, False, *verb)
    person = document.person_for(pronoun, spoken_of)
    return _Attribution(person.name if person else None, False, *verb)


# "are (widely) expected to" with nobody named: unnamed people's expectation (LABELLING.md).
_AGENTLESS_PASSIVE: Final = re.compile(
    r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+|not\s+)?$", re.IGNORECASE
)


def _agentless_passive(text: str, verb: re.Match[str]) -> bool:
    """ "is expected", "was predicted": a passive, whose subject is not who speaks; "is
    forecasting", "are betting that" are the progressive, whose subject is."""
    if verb.group("verb").lower().endswith("ing"):
        return False
    return _AGENTLESS_PASSIVE.search(text, max(0, verb.start() - 40), verb.start()) is not None


# "Orsund's chief executive, Henrik Saarinen-Bloom": an organisation, its post in lower case,
# then (at the end) the holder's name; "..., chief executive of Orsund Line": the post, then
# the organisation, after the holder's name.
_ORGANISATION_RUN: Final = r"(?P<org>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})"
_POST_WORDS: Final = r"(?:[a-z][\w-]*\s+){0,4}?[a-z][\w-]*"
_POST_BEFORE_NAME: Final = re.compile(
    _ORGANISATION_RUN + r"['’]s\s+" + _POST_WORDS + r",?\s+(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?$"
)
_POST_AFTER_NAME: Final = re.compile(
    r",\s+(?:the\s+|a\s+|an\s+|its\s+)?"
    + _POST_WORDS
    + r"\s+(?:of|at|for)\s+(?:the\s+)?"
    # "head of political trading at the bookmaker Fairline": the firm's kind before its name
    + r"(?:(?:bookmaker|bank|consultancy|pollster|broker|insurer|lender|firm|agency)\s+)?"
    + _ORGANISATION_RUN
)
# "Carla Mendes-Ivarsson, head of political trading, Bettmark" on a line of its own: the
# post, then the employer after a comma, the line ending there.
_POST_THEN_EMPLOYER: Final = re.compile(
    r",\s+(?:the\s+|a\s+|an\s+)?" + _POST_WORDS + r",\s+" + _ORGANISATION_RUN + r"[ \t]*$",
    re.MULTILINE,
)
_POST_REACH: Final = 80


# "Bank of Halden Governor Ilse Marquardt", "Vesterhavn Bank Chief Economist Jonas Eklund":
# the organisation's name, then the post as a title, then the holder; the organisation is
# where the holder works.
_EMPLOYER_TITLE_BEFORE_NAME: Final = re.compile(
    r"\b(?P<org>[A-Z][\w&.-]*(?:\s+(?:(?:of|for)\s+(?:the\s+)?|&\s+)?[A-Z][\w&.-]*){0,5}?)\s+"
    r"(?:(?:Deputy|Vice)\s+)?(?:Governor|Chief\s+Executive|Chief\s+Economist|CEO|Chairman|"
    r"Chairwoman|Chair|President|Managing\s+Director|Director(?:-General)?|Secretary-General)"
    r"\s+(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?$"
)


def _employer_titled_before(article: str, start: int) -> str | None:
    """The organisation written before a holder's title and name ("Bank of Halden Governor
    Ilse Marquardt"), when its words mark an organisation (not "US President X")."""
    titled = _EMPLOYER_TITLE_BEFORE_NAME.search(article, max(0, start - _POST_REACH), start)
    if titled is None or not any(map(_org_word, titled.group("org").split())):
        return None
    return titled.group("org")


def _organisations_of(speaker: str, document: _Document) -> tuple[str, ...]:
    """The organisations the article says a speaker belongs to, read once per speaker."""
    if speaker not in document.own_organisations:
        document.own_organisations[speaker] = _own_organisations(speaker, document.article)
    return document.own_organisations[speaker]


def _fullest_org(name: str, document: _Document) -> str:
    """An organisation by the fullest name the article gives it; `name` when it knows none."""
    known = document.known(name)
    return known.root().name if known is not None and known.kind == "org" else name


def _own_organisations(speaker: str, article: str) -> tuple[str, ...]:
    """The organisations the article says `speaker` works for, where it names them."""
    found: list[str] = []
    start = article.find(speaker)
    while start >= 0:
        end = start + len(speaker)
        before = _POST_BEFORE_NAME.search(article, max(0, start - _POST_REACH), start)
        after = _POST_AFTER_NAME.match(article, end, end + _POST_REACH) or (
            _POST_THEN_EMPLOYER.match(article, end, end + _POST_REACH)
        )
        orgs = [match.group("org") if match is not None else None for match in (before, after)]
        for org in [*orgs, _employer_titled_before(article, start)]:
            if org is not None and org.endswith(".") and "." not in org[:-1]:
                org = org[:-1]  # "a spokeswoman for Orvia.": the sentence's full stop
            if org is not None and org not in found:
                found.append(org)
        start = article.find(speaker, end)
    return tuple(found)
