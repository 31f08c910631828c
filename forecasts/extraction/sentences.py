"""Sentences of an article: splitting into sentences and paragraphs, quotation regions,
clause bounds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a text: text[start:end] == text; heading for lines with no full stop."""

    text: str
    start: int
    end: int
    paragraph: int
    heading: bool = False


_MONTH_NAMES: Final = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
)


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_TITLES: Final = _wordset(
    "mr mrs ms mx dr prof gen lt col maj capt cpt sgt cmdr adm brig rev fr hon pres gov sen "
    "rep st mt jr sr supt insp vs messrs mme mlle sec det ft "
    # "Gen. (ret.) Anna Holm": retired, after a rank
    "ret"
)


# "No. 10", "Nos. 3 and 4": abbreviations only before a number; "Not next year, no. I ..."
# ends a sentence.
_NUMBER_ABBREVIATIONS: Final = _wordset("no nos")


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


# An interview's name tag that may open an answer: "OKAFOR: ", "DR. LEE: ".
_NAME_TAG_OPENING: Final = r"\W*(?:[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+)*:\s*)?"


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
    credit = _CREDIT_AT_END.search(line) if ":" in line else None
    if credit is not None and headings_possible:
        # the caption's sentences are split as body text; its credit names whoever took the
        # picture, no one who speaks, and is left out
        credit_start = start + credit.start() + 1
        yield from _split_line(text, start, credit_start, paragraph, headings_possible=False)
        return
    piece_start = start
    for match in _TERMINAL.finditer(line):
        boundary = start + match.end()
        if _ends_sentence(text, start + match.start(), boundary, end):
            yield _trimmed(text, piece_start, boundary, paragraph)
            piece_start = boundary
    if text[piece_start:end].strip():
        yield _trimmed(text, piece_start, end, paragraph)


# "... in October. The ice here, she says, will not last. Photograph: Tiago Renner": a
# caption's sentences, then the credit that closes it without a full stop.
_CREDIT_AT_END: Final = re.compile(
    r"[.!?][\"”’')\]]*\s+(?:Photograph|Photo|Picture|Illustration|Image|Credit)s?\s*:\s*"
    r"[^.!?:\n]{1,80}$"
)


def _is_heading(line: str) -> bool:
    """A short line with no closing punctuation: a headline, byline, dateline or link; not a
    caption whose sentences end before its credit."""
    stripped = line.rstrip().rstrip("\"”’')]")
    return (
        not stripped.endswith((".", "!", "?", "…"))
        and len(line.split()) <= _HEADING_MAX_WORDS
        and (":" not in line or _CREDIT_AT_END.search(stripped) is None)
    )


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
    opening = dot - len(word)
    if len(bare) == 1 and word[:1].isupper() and text[opening - 1 : opening] != "&":
        return True  # an initial: "John F. Kennedy"; not the last letter of "M&A."
    if bare in _MONTH_ABBREVIATIONS or bare in _NUMBER_ABBREVIATIONS:
        return following[:1].isdigit()
    if re.fullmatch(r"(?:[a-z]\.)+[a-z]", bare) or bare in _COMPANY_ABBREVIATIONS:
        return next_lower not in _SENTENCE_STARTERS
    return False


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


# Not the comma of a figure's thousands ("$2,600"), which no clause ends at.
_CLAUSE_BREAK: Final = re.compile(r"(?<!\d),|,(?!\d{3}(?!\d))|[;:–—()]|\s-\s")


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
