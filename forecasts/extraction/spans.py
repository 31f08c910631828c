"""The predictive part of a sentence around its main cue, trimmed of stray punctuation and
quote marks.
"""

from __future__ import annotations

import re
from typing import Final

from forecasts.extraction.cues import _Cue
from forecasts.extraction.sentences import Sentence, _clause_end, _clause_start
from forecasts.extraction.speakers import _Attribution


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
    if (
        0 <= attribution.verb_start <= cue.start < attribution.verb_end
        and _CLOSING_ADVERBIAL.fullmatch(text, attribution.verb_end)
        and (comma := text.rfind(",", 0, attribution.verb_start)) > 0
    ):
        # "Prices will fall 3% next year, the institute predicted on Wednesday.": the verb
        # closes the sentence, and what it predicts is the clause before its subject
        return _trim_span(text, 0, comma)
    if 0 <= attribution.verb_start <= cue.start:
        start = attribution.verb_end
        end = _clause_end(text, max(cue.end, start), regions)
        that = re.search(r"^\s*that\s+|\bthat\s+", text[start : max(cue.start, start + 12)])
        return _trim_span(text, start + that.end() if that else start, end)
    end = _clause_end(text, cue.end, regions)
    return _trim_span(text, _clause_start(text, cue.start, regions), end)


_CLOSERS: Final = frozenset("”\"’'")


# What may follow a verb of saying that ends the sentence: when and where it was said.
_CLOSING_ADVERBIAL: Final = re.compile(
    r"(?:\s+(?:on|in|at|last|this|late|early|yesterday|today)\b[^,;:\"“”]{0,60})?\s*[.!]?[\"”’]?\s*"
)


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
