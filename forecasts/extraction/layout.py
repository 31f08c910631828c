"""What an article's layout tells about speakers: headline and byline, press-release issuer,
transcript labels and untagged interview turns.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise, takewhile
from typing import Final

from forecasts.extraction.names import (
    _BODY_NOUNS,
    _PERSON_TITLES,
    _after_dateline,
    _Document,
    _Entity,
    _link_to_owner,
    _name_runs,
    _org_noun,
    _org_word,
)
from forecasts.extraction.sentences import _LINE, _QUOTE_MARK, Sentence, _is_heading, _wordset
from forecasts.extraction.spans import _CLOSERS

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


# "Press release - Met Office", "News release", "Statement by the Monetary Policy Board",
# "Statistics Kell | Statistical release" (a statistics office issues its projections):
# the line that marks a release, near the top, with the issuer on it or on the next line.
# "Press release", and the documents a bank, broker or rating agency issues in its own voice
# ("Tarnwell Securities | Research note", "Rating action commentary"), whose "we" is theirs.
_ISSUED_DOCUMENT: Final = (
    r"(?:(?:press|media|news|statistical)\s+release|(?:research|client|economics?)\s+note|"
    r"rating\s+action(?:\s+commentary)?|credit\s+(?:opinion|update))"
)
_RELEASE_LINE: Final = re.compile(
    # "Kell Water Authority - Media release - 3 May": the issuer may stand before the marker,
    # with what the release is about between them ("Bank of Kell - Rate decision - Press
    # release"), or a date ("6 May 2027 | Regulatory announcement | For immediate release")
    rf"^\s*(?:(?!{_ISSUED_DOCUMENT})(?P<lead>[^-–—:|]{{3,80}}?)\s*[-–—:|]\s*(?:[^-–—:|]{{3,60}}?\s*[-–—:|]\s*)?"
    rf"(?={_ISSUED_DOCUMENT}|for\s+immediate\s+release))?"
    rf"(?:(?:for\s+immediate\s+)?{_ISSUED_DOCUMENT}|for\s+immediate\s+release|"
    r"statement|communiqu[eé]|(?:[\w-]+\s+)?warning|"
    r"(?:[\w-]+\s+)?(?:alert|advisory|bulletin)|issued"
    # "Released 23 February 2027, 10:00 | Next release: 27 April": a statistical release's
    # dated line, its issuer on the line above
    r"|released\s+(?:on\s+)?\d{1,2}\s+(?-i:[A-Z])[a-z]+\s+\d{4}\b.*?)\b"
    # "press release no. 14/2027": the release's number
    r"(?:\s+no\.?\s*\d[\w/.-]*)?"
    r"(?:\s*(?:[-–—:|,]|\bby\b|\bfrom\b)\s*(?P<issuer>.+))?$",
    re.IGNORECASE,
)


_RELEASE_REACH: Final = 4


# The contact line of a release: "Media Relations", "Press Office", "Communications".
_PRESS_OFFICE: Final = re.compile(
    r"(?:media|press|public)\s+(?:relations|office|enquiries|inquiries|contacts?)$|"
    r"communications(?:\s+department)?$",
    re.IGNORECASE,
)


# "ORRINGTON, April 27, 2028 /Wirepoint/ -- Brisk Foods Inc. today reported ...": a release
# sent out through a distribution service, named between slashes in its dateline (news wires
# credit themselves in brackets); the body its lede opens on issues it, and speaks as "we".
_DISTRIBUTED_RELEASE: Final = re.compile(
    r"^\s*[A-Z][A-Z.'’ -]{2,},[^/\n]{3,60}?\s/[A-Z][^/\n]{1,40}/\s*[-–—]{1,2}\s+"
)


def _distributed_release_issuer(paragraphs: list[str], document: _Document) -> str | None:
    for line in paragraphs[:_RELEASE_REACH]:
        dateline = _DISTRIBUTED_RELEASE.match(line)
        if dateline is not None:
            opening = re.split(r"(?<=[.!?])\s", line[dateline.end() :], maxsplit=1)[0]
            return _issuing_organisation(opening, document)
    return None


# "The following is a statement by the Monetary Council of the Bank of Dorvenia.": a text
# that says, above it, whose statement it is.
_STATEMENT_BY: Final = re.compile(
    r"^\s*the\s+following\s+is\s+(?:the\s+(?:full\s+)?text\s+of\s+)?(?:a|an|the)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:statement|release|note|commentary|announcement)\s+"
    r"(?:(?:issued|released|published)\s+(?:[\w-]+\s+){0,3}?)?(?:by|from)\s+",
    re.IGNORECASE,
)


# "Merrow Ratings has today affirmed ...", "Brisk Foods today reported ...": a lede in the
# words a body uses of itself in its own release ("today", not the news's "on Tuesday").
_TODAY_LEDE: Final = re.compile(
    r"(?:[Tt]he\s+)?[A-Z][^.;:]{1,80}?(?:,?\s+(?:Inc|Ltd|plc|LLC|Corp|Co|AG|SA|NV)\.?,?)?\s+"
    r"(?:has\s+|have\s+)?today\s+[a-z]{3,}(?:ed|s)\b"
)


# "We expect revenue to ...", "we now see a 35% probability", "Our base case is that ...",
# "In our view, ...": a forecast in the first person plural of whoever issues the text.
_WE_FORECAST: Final = re.compile(
    r"\b(?:[Ww]e\s+(?:(?:now|still|also|do\s+not|don't|no\s+longer|continue\s+to)\s+)?"
    r"(?:expect|forecast|project|estimate|see|anticipate|think|believe|look\s+for|pencil|"
    r"(?:cut|raised?|lower(?:ed)?|revised?|trimmed)\s+our)|"
    r"[Oo]ur\s+(?:base\s+case|central\s+(?:case|scenario)|(?:revised\s+|latest\s+|new\s+)?"
    r"(?:forecasts?|projections?|estimates?))\s+(?:is|are|has|have|shows?|puts?|sees?)|"
    r"[Ii]n\s+our\s+(?:view|projections?|forecasts?))\b"
)


_DOUBLE_QUOTE: Final = re.compile(r"[\"“”]")


def _speaks_as_we(paragraphs: list[str]) -> bool:
    """Whether the paragraphs after the first (a title, or a lede) forecast in their own
    "we", outside any quotation: a quoted "we" is the quoted speaker's, already attributed."""
    return any(
        _WE_FORECAST.search(text) is not None and _DOUBLE_QUOTE.search(text) is None
        for text in paragraphs[1:]
    )


# "Would you cut rates?": a question put to someone, as an interviewer puts them; a note's
# own headings ask about their subject ("What could change the rating?").
_ASKS_YOU: Final = re.compile(r"\byou(?:r|rs)?\b", re.IGNORECASE)


def _interview(paragraphs: list[str]) -> bool:
    """Whether the text is an interview or transcript, whose "we" is the one who answers."""
    if any(text.rstrip().endswith("?") and _ASKS_YOU.search(text) for text in paragraphs):
        return True
    return bool(_transcript_labels("\n".join(paragraphs)))


# The pieces of a header line ("Harrowgate Bank | Economics Research | 9 Jan. 2029") and of
# a byline ("By A and B, economists at Castellan Bank"): the body's name stands alone in one.
_HEADER_PIECES: Final = re.compile(
    r"\s*[|–—]\s*|\s+-\s+|,\s+(?:[a-z-]+\s+){0,4}?(?:at|of|for|with)\s+(?:the\s+)?"
)
# "Economics Research", "Sovereign Research", "Macro Strategy": the unit, not the body.
_UNIT_PIECE: Final = re.compile(
    r"(?:(?:Global|Economic|Macro|Equity|Credit|Fixed\s+Income|Investment|Rates|FX|Sovereign|"
    r"Corporate|Markets?)\s+)*(?:Research|Economics|Strategy|Ratings?\s+Research)"
    r"(?:\s+(?:note|team|department))?",
    re.IGNORECASE,
)
# "Fennick Partners Global Research", "Tarnwell Securities economists": the body's unit or
# team written after its name, in one piece ("Institute for Economic Research" keeps it).
_UNIT_AFTER_NAME: Final = re.compile(
    r"(?<!\bfor)(?<!\bof)(?<!\band)\s+(?:(?:(?:Global|Economic|Macro|Equity|Credit|Investment|"
    r"Sovereign)\s+)+(?:Research|Economics|Strategy)|(?:Research|Economics)\s+[Tt]eam|"
    r"economists|strategists|analysts)$"
)
_ISSUED_DOCUMENT_PIECE: Final = re.compile(_ISSUED_DOCUMENT, re.IGNORECASE)
_DATE_PIECE: Final = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|\d")


def _body_in_line(line: str, document: _Document) -> str | None:
    """The first organisation a header, byline or title line names in a piece of its own:
    a name with a word that says it is a body ("Harrowgate Saxby Bank"), or a name of two or
    more words alone in its piece ("Castellan Ratings", "Corbel & Finch")."""
    for piece in _HEADER_PIECES.split(line.strip()):
        piece = _UNIT_AFTER_NAME.sub("", piece.strip())
        if (
            not piece
            or _UNIT_PIECE.fullmatch(piece)
            or _ISSUED_DOCUMENT_PIECE.fullmatch(piece)
            or _DATE_PIECE.search(piece)
        ):
            continue
        body = _issuing_organisation(piece, document) or _named_slot(piece, document)
        if body is not None:
            return body
    return None


# "© 2028 Tarnwell Securities. All rights reserved.", "This note was prepared by the research
# department of Castellan Bank": a note's closing lines name the body it comes from.
_NAME_TEXT: Final = r"[A-Z][\w'’.-]*(?:\s+(?:&\s+|and\s+|of\s+)?[A-Z][\w'’.-]*){0,4}"
_SIGN_OFF: Final = re.compile(
    rf"(?:©|\((?i:c)\)|\b(?i:copyright))\s*(?:\d{{4}}\s+)?(?:by\s+)?(?:the\s+)?(?P<body>{_NAME_TEXT})|"
    r"\b(?i:note|report|research|publication|document|analysis)\s+(?:was|is|has\s+been)\s+"
    r"(?:prepared|issued|published|produced|written)\s+by\s+(?:the\s+)?"
    r"(?:(?:[a-z]+\s+){0,2}(?i:research|economics|strategy)\s+(?:department|team|unit|division)\s+"
    rf"(?:of|at)\s+(?:the\s+)?)?(?P<signer>{_NAME_TEXT})"
)
_SIGN_OFF_REACH: Final = 3


def _signed_off_body(paragraphs: list[str], document: _Document) -> str | None:
    for text in paragraphs[-_SIGN_OFF_REACH:]:
        found = _SIGN_OFF.search(text)
        if found is not None:
            written = found.group("body") or found.group("signer")
            body = re.split(r"\.\s", written, maxsplit=1)[0].rstrip(".")
            if body[:1].isupper() and len(body) > 2:
                return document.remember(_Entity(body, "org")).root().name
    return None


def _written_by_a_person(header: list[str], document: _Document) -> bool:
    """A byline that names its writer and no body: a column's "we" is its writer's."""
    return any(
        _BYLINE.match(line) is not None and _body_in_line(line, document) is None for line in header
    )


def _we_voice_issuer(paragraphs: list[str], document: _Document) -> str | None:
    """Who issues a text that forecasts in its own unquoted "we" and is no interview: the
    first organisation named by the lines above its body (header, byline, standfirst), else
    by its title, else by its closing lines (LABELLING.md, round two (c) and (e)). A research
    note, a rating agency's report and a bank's statement look alike in this, whatever shape
    their header takes."""
    if len(paragraphs) < 2 or not _speaks_as_we(paragraphs) or _interview(paragraphs):
        return None
    header = list(takewhile(_is_heading, paragraphs[1:]))
    if _written_by_a_person(header, document):
        return None
    for line in header:
        body = _body_in_line(line, document)
        if body is not None:
            return body
    return _body_in_line(_title_head(paragraphs[0]), document) or _signed_off_body(
        paragraphs[1:], document
    )


def _title_head(title: str) -> str:
    """The part of a title that can name who issues the text: before its colon ("Halvard
    Ratings: outlook cut"), or the whole when it is a header line ("Pellham Brothers |
    Economics"); a headline's sentence ("Bank of Arland must cut") names what it is about."""
    if ":" in title:
        return title.split(":", 1)[0]
    return title if _HEADER_PIECES.search(title) else ""


def _own_voice_issuer(paragraphs: list[str], document: _Document) -> str | None:
    """The body a text with no release marker is issued by, in its own voice: named by a
    line above it ("The following is a statement by X"), by the lines that head a text in
    its own "we", or opening a lede written as a release is ("X today reported")."""
    for text in paragraphs[:3]:
        statement = _STATEMENT_BY.match(text)
        if statement is not None:
            return _issuing_organisation(text[statement.end() :], document) or _named_slot(
                text[statement.end() :].rstrip(" .:"), document
            )
    issuer = _we_voice_issuer(paragraphs, document)
    if issuer is not None:
        return issuer
    body = [text for text in paragraphs[1:] if not _is_heading(text)]
    opening = body[0] if body else ""
    if not _TODAY_LEDE.match(opening, _after_dateline(opening)) or any(
        text.rstrip().endswith("?") for text in paragraphs[1:]
    ):
        # a paragraph that is a question makes the text an interview, whose "we" is the
        # organisation of the person who answers, and the person's claim
        return None
    if not _speaks_as_we(body):
        return None  # no forecast in "we" after the lede
    return _issuing_organisation(opening, document)


def _press_release_issuer(paragraphs: list[str], document: _Document) -> str | None:
    """The organisation a press release, or a text in a body's own voice, is issued by."""
    issuer = _release_issuer(paragraphs, document)
    return _institution_of(issuer, paragraphs, document) if issuer is not None else None


def _institution_of(issuer: str, paragraphs: list[str], document: _Document) -> str:
    """ "PRESS RELEASE | Monetary Policy Committee": a committee or board heading a release
    speaks for the body it belongs to (LABELLING.md, round two (c)), which the title or the
    opening names ("The Monetary Policy Committee of the Bank of Valdoria today decided")."""
    entity = document.known(issuer)
    if entity is None or entity.parent is not None or entity.parts[-1].lower() not in _BODY_NOUNS:
        return issuer
    body = next((text for text in paragraphs[1:] if not _is_heading(text)), "")
    for line in (paragraphs[0], re.split(r"(?<=[.!?])\s", body, maxsplit=1)[0]):
        _issuing_organisation(line, document)
        if entity.root() is not entity:
            return entity.root().name
    # "Statement by the Monetary Policy Board" over "Reserve Bank of Kalendra | Media
    # Release | 8 May": the body the release's marker line names issues what its board says
    for line in takewhile(_is_heading, paragraphs[1:_RELEASE_REACH]):
        marker = _RELEASE_LINE.match(line.strip())
        lead = marker.group("lead") if marker is not None else None
        owner = _issuing_organisation(lead.strip(), document) if lead else None
        if owner is not None and owner != entity.name:
            owning = document.known(owner)
            if owning is not None and owning.root() is not entity:
                entity.parent = owning
            break
    return entity.root().name


def _release_issuer(paragraphs: list[str], document: _Document) -> str | None:
    distributed = _distributed_release_issuer(paragraphs, document)
    if distributed is not None:
        return distributed
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
            if not _is_heading(written) or _PRESS_OFFICE.match(written.strip()):
                continue  # "Media Relations" under the marker is whom to call, not who issues
            organisation = _issuing_organisation(written.strip(), document)
            if organisation is not None:
                return organisation
        slot = _named_slot(marker.group("lead") or marker.group("issuer") or "", document)
        if slot is not None:
            return slot
        # else the body names it first: "The Monetary Policy Board of the Central Bank of
        # Estmark decided ...", above the marker or below it
        body = next((text for text in paragraphs[1:] if not _is_heading(text)), "")
        opening = re.split(r"(?<=[.!?])\s", body, maxsplit=1)[0]
        organisation = _issuing_organisation(opening, document)
        if organisation is not None:
            return organisation
    return _own_voice_issuer(paragraphs, document)


# "Press release | Halvard Ratings | 20 October 2028": the piece of the marker line before
# the next separator.
_SLOT_PIECE: Final = re.compile(r"[^|–—]+?(?=\s*(?:[|–—]|\s-\s|$))")


def _named_slot(written: str, document: _Document) -> str | None:
    """The issuer the release marker names beside it, a name of two or more words though none
    of them says it is a body ("Halvard Ratings", "Tarn & Vale")."""
    piece = _SLOT_PIECE.match(written.strip())
    if piece is None:
        return None
    mentions = _name_runs(piece.group())
    if len(mentions) != 1 or mentions[0].text != piece.group().strip():
        return None
    name = mentions[0].text
    if len(name.split()) < 2 or name.isupper() or any(char.isdigit() for char in name):
        return None
    return document.remember(_Entity(name, "org")).root().name


# "The Monetary Policy Committee (MPC) of the National Bank", "The Monetary Policy Committee
# (the Committee) of the Bank of Kestland": the short name a body goes by, given beside its
# name, stands between it and the "of" that names whose it is.
_ALIAS_OPEN: Final = re.compile(r"\s*\(\s*(?:the\s+)?")
_OF_OWNER: Final = re.compile(
    r"(?:\s*\(\s*(?:[A-Z][A-Z&]+|(?:the\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s*\))?\s+of\s+"
    r"(?:the\s+)?"
)


# "Halvard Ratings has today affirmed ...", "Tarnwell Securities today published ...": the
# verb after the name a release's lede opens on, which makes that name its subject.
_LEDE_VERB: Final = re.compile(
    r"(?:,?\s+(?:Inc|Ltd|plc|LLC|Corp|Co|AG|SA|NV|ASA|AB)\.?,?)?\s+(?:has\s+|have\s+)?"
    r"(?:today\s+|(?:on|this)\s+[A-Z]?[a-z]+\s+)?(?:said|says|[a-z]{3,}ed|[a-z]{3,}s)\b"
)


def _issuing_organisation(line: str, document: _Document) -> str | None:
    found: _Entity | None = None
    end = 0
    opening = _after_dateline(line)
    for mention in _name_runs(line):
        words = mention.text.split()
        if len(words) > 1 and mention.text.isupper():
            continue  # "EASTMOOR COUNTY - The ...": the dateline's place
        if (
            found is None
            and len(words) > 1
            and mention.start - opening in (0, 4)
            and not mention.possessive
            and not any(_org_word(word) for word in words)
            and _LEDE_VERB.match(line, mention.end)
        ):
            # "Halvard Ratings has today affirmed Nimbra Telecom plc's rating": the body the
            # lede opens on issues the release, though no word of its name says it is a
            # body, and not the one its action is about
            entity = document.remember(_Entity(mention.text, "org"))
            _link_to_owner(mention, entity, document)
            return entity.root().name
        if (
            found is not None
            and _ALIAS_OPEN.fullmatch(line, end, mention.start)
            and line[mention.end : mention.end + 2].lstrip().startswith(")")
        ):
            continue  # "(MPC)", "(the Committee)": the short name it goes by
        if not any(_org_word(word) for word in words):
            if found is not None:
                break
            continue
        if found is not None and not _OF_OWNER.fullmatch(line, end, mention.start):
            break
        entity = document.remember(
            _Entity(
                mention.text,
                "org",
                nouns=frozenset(_org_noun(word) for word in words if _org_word(word)),
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
    # "Benedetti-Kwan:", "McAllister:": a name word may hold one more capital inside it
    r"|(?:[A-Z][a-z'’-]+){1,2}(?:\s+(?:de\s+|van\s+)?(?:[A-Z][a-z'’-]+){1,2}){0,2})"
    # "VIKTOR HALE (Capital Wire):": a press conference's questioner, with the outlet
    r"(?P<outlet>\s+\([^()\n]{1,40}\))?\s*:\s"
)


# "Miriam Achterberg, chief executive officer: ..." then "Achterberg: ...": a call's or a
# hearing's transcript names each speaker in full, with a role, at their first turn, and by
# surname after.
_NAME_WORD: Final = r"[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?"
_TITLED_LABEL: Final = re.compile(
    rf"^\s*(?P<label>{_NAME_WORD}(?:\s+(?:de\s+|van\s+)?{_NAME_WORD}){{1,2}}),\s+"
    r"[^:.!?;\"“”]{2,60}?\s*:\s"
)
_SURNAME_LABEL: Final = re.compile(rf"^\s*(?P<label>{_NAME_WORD})\s*:\s")


def _titled_turns(paragraphs: list[str]) -> dict[int, str]:
    """Turns tagged "Name, role:" and, after them, by the same person's surname alone; none
    unless a surname turn follows, which shows the tags are a transcript's and not a list of
    names and roles."""
    titled = {
        index: match.group("label")
        for index, paragraph in enumerate(paragraphs)
        if (match := _TITLED_LABEL.match(paragraph + " ")) is not None
    }
    surnames = {name.split()[-1] for name in titled.values()}
    later = {
        index: match.group("label")
        for index, paragraph in enumerate(paragraphs)
        if index not in titled
        and (match := _SURNAME_LABEL.match(paragraph + " ")) is not None
        and match.group("label") in surnames
    }
    if not later:
        return {}
    # "Tom Bell, Harwell Bank: Rivals say prices will fall. Does that worry you?": an analyst's
    # turn that ends on a question puts what it relays to the speakers, as an interviewer does
    asked = {
        index: _QUESTION_TURN
        for index in titled
        if paragraphs[index].rstrip().rstrip("\"”’'").endswith("?")
    }
    return {**titled, **later, **asked}


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
        if match.re is _TRANSCRIPT_LABEL and match.group("outlet") and _asks(paragraph):
            label = _QUESTION_TURN  # a reporter, named with the outlet, puts a question
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
    panel = _name_heading_turns(paragraphs)
    if panel and labels and labels.keys() <= panel.keys():
        # "Winner: Vestria." under each pundit's name: the labels of a panel's picks, which
        # recur as a transcript's tags do but each stand inside a named pundit's section
        return panel
    labels.update((index, label) for index, label in below.items() if counts[label] > 1)
    labels.update(_titled_turns(paragraphs))
    labels.update(_turns_running_on(labels, paragraphs))
    asker = _named_interviewer(labels, paragraphs)
    if asker is not None:
        labels = {
            index: _QUESTION_TURN if label == asker else label for index, label in labels.items()
        }
    return (
        labels
        or _roundup_turns(paragraphs)
        or _name_heading_turns(paragraphs)
        or _untagged_turns(paragraphs)
    )


def _asks(paragraph: str) -> bool:
    return paragraph.rstrip().rstrip("\"”’'").endswith("?")


def _turns_running_on(labels: dict[int, str], paragraphs: list[str]) -> dict[int, str]:
    """ "GOVERNOR X: Good afternoon. ..." then two paragraphs with no tag, then "MODERATOR:":
    an answer that runs on over paragraphs is the tagged speaker's up to the next tag. Only
    between two tags, as the text after the last may be the article's own; only for one who
    speaks more than once, as a transcript's speakers do and a live page's headings
    ("UP: 'far too early'") do not; and never an interviewer's, whose question may be
    answered below it with no tag."""
    tagged = sorted(labels)
    turns = Counter(labels.values())
    return {
        index: labels[start]
        for start, following in pairwise(tagged)
        if labels[start] != _QUESTION_TURN and turns[labels[start]] > 1
        for index in range(start + 1, following)
    }


# "Leona Farrant-Obi, professor of politics, University of Kestholm" on a line of its own,
# her answer in the paragraphs below it: a roundup of people answering the same questions
# under name-and-role lines, with no quotation marks to show whose the words are.
_ROUNDUP_HEADER: Final = re.compile(
    # not "By Katrin Avellaneda-Roos, political correspondent": the writer's byline
    # "DR. INES HALLORAN, sports psychologist": a title before the name
    r"^\s*(?!By\s)(?:(?:DR|Dr|PROF|Prof)\.?\s+)?(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})"
    # "Dev Osei (former Rovers striker)", "Ana Berg, The Courier:": the role in brackets, and
    # a colon that opens the picks below; "former world No. 9": a rank's abbreviation
    r"(?:,\s+(?:[^.!?:;\"“”]|(?<=No)\.(?=\s?\d)){3,100}?|\s+\([^()\"“”]{3,80}\))\s*:?\s*$"
)
_ROUNDUP_HEADERS_MIN: Final = 3
# "We asked two pundits for their picks": a panel the text announces may have only two.
_PANEL_ANNOUNCED: Final = re.compile(
    r"\b(?:we\s+asked|our\s+(?:panel|pundits|experts|tipsters)|pundits|panel(?:lists)?|"
    r"tipsters|(?:their|our)\s+(?:picks|predictions|verdicts|tips))\b",
    re.IGNORECASE,
)
# A line this short that does not end a sentence ("What happens after the vote?") is a
# heading, which ends the last answer.
_HEADING_WORDS: Final = 12


def _roundup_turns(paragraphs: list[str]) -> dict[int, str]:
    headers = [
        (index, match.group("name"))
        for index, paragraph in enumerate(paragraphs)
        if index > 0
        and index + 1 < len(paragraphs)
        and (match := _ROUNDUP_HEADER.match(paragraph)) is not None
        and _ROUNDUP_HEADER.match(paragraphs[index + 1]) is None
    ]
    announced = bool(headers) and any(
        _PANEL_ANNOUNCED.search(paragraph) for paragraph in paragraphs[: headers[0][0]]
    )
    if len(headers) < _ROUNDUP_HEADERS_MIN - announced:
        return {}
    labels: dict[int, str] = {}
    for number, (header, name) in enumerate(headers):
        following = headers[number + 1][0] if number + 1 < len(headers) else len(paragraphs)
        for index in range(header + 1, following):
            text = paragraphs[index].strip()
            if len(text.split()) <= _HEADING_WORDS and not text.endswith((".", "!", "”", '"')):
                break
            # the label as a transcript writes it, which names the person the line introduced
            labels[index] = name.upper()
    return labels


# "DR. ANA LINDQVIST-OBI" on a line of its own, perhaps with a line giving her role under it,
# and her picks in the paragraphs below: a panel whose sections each pundit's name heads.
_CAPITAL_NAME_LINE: Final = re.compile(
    r"^\s*(?P<name>(?:(?:DR|PROF|SIR|DAME|MR|MRS|MS)\.?\s+)?[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+){1,2})"
    r"\s*$"
)
# "Karin Solvang" on a line of its own: a name in the case a name is written, which heads a
# panellist's section only with a line giving the role under it ("The Verdict" has none).
_TITLED_NAME_LINE: Final = re.compile(
    r"^\s*(?!(?:The|Our|My|What|How|Why|Who|When|Where|Full|Live|More|Read)\s)"
    r"(?P<name>[A-Z][a-z][\w'’-]*(?:\s+[A-Z][\w'’-]+){1,2})\s*$"
)
_PANEL_NAMES_MIN: Final = 2


# "Former Coravia head coach, who left the job in the summer after six years": the role
# under a pundit's name may run on in a clause about them.
_ROLE_WORDS: Final = 20


def _role_line(paragraph: str, words: int = _HEADING_WORDS) -> bool:
    """ "Former Rovers captain, 62 caps": a short line under a name that says who they are."""
    text = paragraph.strip()
    return (
        len(text.split()) <= words
        and not text.endswith((".", "!", "?", "”", '"'))
        and any(char.islower() for char in text)
    )


def _name_heading_turns(paragraphs: list[str]) -> dict[int, str]:
    """Sections headed by a name in capitals, each the named pundit's up to the next heading.
    A line in capitals is a name's heading when the same name heads another section or a
    line with a role stands under it ("OUR VERDICT" does neither), and it takes two names."""
    lines = {
        index: _untitled_label(match.group("name"))
        for index, paragraph in enumerate(paragraphs)
        if index > 0 and (match := _CAPITAL_NAME_LINE.match(paragraph)) is not None
    }
    recurring = Counter(lines.values())
    headers = [
        (index, name)
        for index, name in lines.items()
        if recurring[name] > 1
        or (index + 1 < len(paragraphs) and _role_line(paragraphs[index + 1]))
    ]
    headers = sorted(headers + _titled_name_headers(paragraphs))
    if len({name for _, name in headers}) < _PANEL_NAMES_MIN:
        return {}
    labels: dict[int, str] = {}
    for number, (header, name) in enumerate(headers):
        following = headers[number + 1][0] if number + 1 < len(headers) else len(paragraphs)
        start = header + 1
        if start < following and _role_line(paragraphs[start], _ROLE_WORDS):
            start += 1  # the role under the name
        for index in range(start, following):
            text = paragraphs[index].strip()
            if len(text.split()) <= _HEADING_WORDS and not text.endswith((".", "!", "”", '"')):
                break  # "2. Who will be top scorer?", "OUR VERDICT": the panel's own headings
            labels[index] = name
    return labels


def _titled_name_headers(paragraphs: list[str]) -> list[tuple[int, str]]:
    """ "Karin Solvang" over "Former captain, 212 caps": a name written as names are heads a
    pundit's section when the line under it gives her role and a paragraph follows that."""
    return [
        (index, match.group("name"))
        for index, paragraph in enumerate(paragraphs)
        if 0 < index < len(paragraphs) - 2
        and (match := _TITLED_NAME_LINE.match(paragraph)) is not None
        and _role_line(paragraphs[index + 1], _ROLE_WORDS)
        and not _role_line(paragraphs[index + 2])
    ]


# "PRICE: ... Is she right?": an interviewer tagged by name, not "Q", is the one of two or
# more tags whose turns nearly all end on a question.
_INTERVIEWER_TURNS_MIN: Final = 3
_INTERVIEWER_QUESTION_SHARE: Final = 0.75


def _named_interviewer(labels: dict[int, str], paragraphs: list[str]) -> str | None:
    if _QUESTION_TURN in labels.values() or len(set(labels.values())) < 2:
        return None
    asking = [
        label
        for label in set(labels.values())
        if (turns := [index for index, tag in labels.items() if tag == label])
        and len(turns) >= _INTERVIEWER_TURNS_MIN
        and sum(paragraphs[index].rstrip().rstrip("\"”’'").endswith("?") for index in turns)
        >= _INTERVIEWER_QUESTION_SHARE * len(turns)
    ]
    return asking[0] if len(asking) == 1 else None


# An interviewer's question printed as a paragraph of its own, with no tag before it.
_QUESTION_PARAGRAPH_WORDS: Final = 40


_UNTAGGED_QUESTIONS_MIN: Final = 3


_FIRST_PERSON: Final = re.compile(r"\b(?:I|I'[a-z]+|I’[a-z]+|we|We|my|My|our|Our)\b")


# "We asked Ada Roth, head of research at Keystead, five questions.", "Dr. Lund answered our
# questions": the line that opens a Q-and-A at the end of a story.
_QUESTIONS_PUT: Final = re.compile(
    r"\b(?:we|I)\s+(?:asked|put)\b[^.?!]{1,120}?\bquestions?\b|\banswered\s+(?:[\w-]+\s+){0,3}?"
    r"questions\b",
    re.IGNORECASE,
)


# Answers in the first person it takes to read a text as an interview, unless a line above
# the first question says one follows.
_FIRST_PERSON_ANSWERS_INTRODUCED: Final = 1


def _untagged_turns(paragraphs: list[str]) -> dict[int, str]:
    """An interview whose questions stand as paragraphs of their own, with no names before
    the turns: short paragraphs that end in "?" are the interviewer's, and the paragraphs
    after each, up to the next question, are the interviewee's answer. It takes three such
    questions, each answered, and answers in the first person, to read a text as one; a line
    above them that says questions were put ("We asked X five questions.") makes one such
    answer enough, as the rest may be a bare "No." or a claim in the third person."""
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
    introduced = bool(questions) and _QUESTIONS_PUT.search(paragraphs[questions[0] - 1])
    if introduced and answered >= _FIRST_PERSON_ANSWERS_INTRODUCED:
        return labels
    if answered < _UNTAGGED_QUESTIONS_MIN or 2 * answered < len(questions):
        return {}
    return labels


def _untitled_label(label: str) -> str:
    """ "GOVERNOR ANKERSTROM:", "DEPUTY GOVERNOR OYELARAN-BECK:": the post before a surname
    is no part of the name the article gives the person in full."""
    words = label.split()
    while len(words) > 1 and words[0].lower().strip(".") in _PERSON_TITLES:
        words = words[1:]
    return " ".join(words)


def _label_speaker(label: str, document: _Document) -> str | None:
    if label in _ANSWER_LABELS:
        return document.interviewee()
    label = _untitled_label(label)
    # "OYELARAN-BECK" is "Oyelaran-Beck", each part of the name capitalised
    name = label.title() if label.isupper() else label
    # "MARSH:" is a person: Dr. Helen Marsh, not her firm Marsh Lindqvist Research
    words = name.split()
    people = [
        entity
        for entity in document.entities_by_edge(words[-1])
        if entity.kind == "person" and entity.parts[-len(words) :] == words
    ]
    if not people:
        # "SOLHEIM-BAPTISTE", "O'NEILL", "Oyelaran-Price": capitals that .capitalize() does
        # not give back
        people = [
            entity
            for entity in document.entities
            if entity.kind == "person"
            and [part.upper() for part in entity.parts[-len(words) :]] == label.upper().split()
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
    # "OLAFSSON", met only in the tags, is written as a name is
    if known is None or (known.kind == "person" and known.name.isupper()):
        return name
    return known.name
