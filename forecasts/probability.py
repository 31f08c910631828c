"""Verbal probability: hedge phrases mapped to probabilities, and explicit figures parsed.

The scale is built on the US Intelligence Community Directive 203, *Analytic Standards*
(2 January 2015), whose tradecraft standard on expressing uncertainty fixes seven
expressions of likelihood, in two parallel sets of words that products should not mix:

    almost no chance / remote                  01-05%
    very unlikely / highly improbable          05-20%
    unlikely / improbable                      20-45%
    roughly even chance / roughly even odds    45-55%
    likely / probable                          55-80%
    very likely / highly probable              80-95%
    almost certain(ly) / nearly certain        95-99%

ICD 203 only lists those words. Articles also speak in modal verbs, negations and
denials, so Sooth adds reading rules that place every other phrase inside (a part of) one
of those ranges. The rules, applied in this order:

1. ICD 203 words take their row. The point is the centre of the row rounded to the
   nearest 5 percentage points, ties away from even odds: 0.05, 0.10, 0.30, 0.50, 0.70,
   0.90, 0.95. Points on a 5% grid fall squarely inside calibration bins, and the table
   stays symmetric (likely 0.70 / unlikely 0.30), so rule 5 is exact.
2. A bare modal verb is not an ICD 203 expression and is the loosest way to speak of the
   future, so it takes the row it most plausibly belongs to and the point at that row's
   edge nearest even odds (the conservative reading):
   "will", "is going to" -> almost certain, 0.95; "would" (the reported, back-shifted
   "will") -> very likely, 0.80; "should" -> likely, 0.55. "will" or "would" together
   with an ICD 203 word ("will likely", "would almost certainly") takes that word's row:
   the verb marks the future, the word gives the likelihood.
3. Possibility ("may", "might", "could", "possible") only says the event is not ruled
   out: it spans the unlikely and roughly even chance rows (20-55%), point 0.50.
4. Impossibility and certainty ("not possible", "impossible", "no chance" / "certain",
   "inevitable") are stronger than "almost no chance" and "almost certain": they take the
   outer half of those rows, 1-3% and 97-99%, and the centre of it, 0.02 and 0.98.
   Sooth never records 0 or 1 (the log score of a miss would be infinite), and ICD 203
   itself stops at 1% and 99%.
5. Negation mirrors: "not X" has the range [1 - upper, 1 - lower] and the point 1 - p
   ("would not" -> 0.20, "not likely" -> 0.30). Negating possibility is the exception:
   it states impossibility (rule 4).
6. Denying the opposite affirms the event. "cannot be pushed back", "cannot be stopped",
   "would not be (much) delayed" deny that the event fails or is postponed; they read as
   the plain modal ("will" 0.95, "would" 0.80), not as certainty, because the recorded
   event is one inference away from the words.

Seed check (shared/seed/claims.json): "not possible" 0.02 (rule 4), "cannot be pushed
back" 0.95 (rule 6), "would not be much delayed" 0.80 (rules 6 and 2), "will likely"
0.70 (rules 2 and 1).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Final, NamedTuple, TypedDict

__all__ = [
    "ICD_203",
    "ICD_203_NAME",
    "PhraseMatch",
    "UnknownPhraseError",
    "VerbalProbability",
    "VerbalScale",
    "VerbalScaleRecord",
    "find_explicit_probability",
    "known_phrases",
    "lookup",
    "normalise_phrase",
    "parse_explicit_probability",
    "scale_records",
]

ICD_203_NAME: Final = "ICD 203 (2015)"


class UnknownPhraseError(ValueError):
    """A phrase the verbal scale does not know; the message lists the phrases it does."""


@dataclass(frozen=True, slots=True)
class VerbalProbability:
    """One phrase of a verbal scale with the probability and range it stands for."""

    phrase: str
    probability: float
    lower: float
    upper: float
    standard: str
    row: str
    note: str


class VerbalScaleRecord(TypedDict):
    """A scale entry as plain data, for JSON (GET /api/v1/scales/verbal)."""

    phrase: str
    probability: float
    lower: float
    upper: float
    standard: str
    note: str


@dataclass(frozen=True, slots=True)
class _Entry:
    phrases: tuple[str, ...]
    probability: float
    lower: float
    upper: float
    row: str
    note: str


# ICD 203 rows: (row name, lower, upper, the directive's own words).
_ICD_ROWS: Final[tuple[tuple[str, float, float, tuple[str, ...]], ...]] = (
    ("almost no chance", 0.01, 0.05, ("almost no chance", "remote")),
    ("very unlikely", 0.05, 0.20, ("very unlikely", "highly improbable")),
    ("unlikely", 0.20, 0.45, ("unlikely", "improbable", "improbably")),
    ("roughly even chance", 0.45, 0.55, ("roughly even chance", "roughly even odds")),
    ("likely", 0.55, 0.80, ("likely", "probable", "probably")),
    ("very likely", 0.80, 0.95, ("very likely", "highly probable")),
    ("almost certain", 0.95, 0.99, ("almost certain", "almost certainly", "nearly certain")),
)

# Common wordings that mean an ICD 203 row (rule 1), with the modal combinations of rule 2.
_ROW_SYNONYMS: Final[dict[str, tuple[str, ...]]] = {
    "almost no chance": (
        "almost certainly not",
        "virtually no chance",
        "remote chance",
        "remote possibility",
        "will almost certainly not",
        "would almost certainly not",
        "almost certainly will not",
    ),
    "very unlikely": (
        "highly unlikely",
        "very improbable",
        "little chance",
        "slim chance",
        "very little chance",
    ),
    "unlikely": (
        "not likely",
        "not probable",
        "probably not",
        "doubtful",
        "not expected to",
        "will probably not",
        "would probably not",
        "probably will not",
        "probably would not",
        "likely will not",
        "is unlikely to",
        "will be surprised",
        "would be surprised",
        "would be very surprised",
    ),
    "roughly even chance": (
        "would not be surprised",
        "will not be surprised",
        "even chance",
        "even odds",
        "fifty-fifty",
        "50-50",
        "toss-up",
        "coin flip",
        "coin toss",
        "as likely as not",
    ),
    "likely": (
        "will likely",
        "would likely",
        "will probably",
        "would probably",
        "is likely to",
        "more likely than not",
        "good chance",
        "better than even",
        "expected to",
        "expected",
        "expects",
        "expect",
        "expecting",
        "would expect",
        "likely will",
        "probably will",
    ),
    "very likely": (
        "highly likely",
        "very probable",
        "very probably",
        "will very likely",
        "would very likely",
        "strong chance",
    ),
    "almost certain": (
        "will almost certainly",
        "would almost certainly",
        "nearly certainly",
        "virtually certain",
    ),
}

_MODAL_NOTE: Final = (
    "Sooth rule 2: a bare modal verb takes the edge of its ICD 203 row nearest even odds"
)
_POSSIBILITY_NOTE: Final = (
    "Sooth rule 3: possibility only rules the event in; it spans ICD 203's unlikely and "
    "roughly even chance rows"
)
_IMPOSSIBLE_NOTE: Final = (
    "Sooth rule 4: impossibility takes the outer half (1-3%) of ICD 203's almost no chance row"
)
_CERTAIN_NOTE: Final = (
    "Sooth rule 4: certainty takes the outer half (97-99%) of ICD 203's almost certain row"
)
_REALISTIC_NOTE: Final = "PHIA yardstick: a realistic possibility is 40-50%, its centre taken"
_DENIAL_NOTE: Final = "Sooth rule 6: denying that the event fails or waits reads as the plain modal"


def _rounded_centre(lower: float, upper: float) -> float:
    """The centre of a range on the 5% grid, ties away from even odds (rule 1)."""
    centre = (lower + upper) / 2
    twentieths = centre * 20
    floor = int(twentieths)
    fraction = twentieths - floor
    if abs(fraction - 0.5) < 1e-9:
        step = floor + 1 if centre > 0.5 else floor
    else:
        step = round(twentieths)
    return round(step / 20, 4)


def _mirror(entry: _Entry, phrases: tuple[str, ...], row: str, note: str) -> _Entry:
    """The negation of an entry (rule 5): range and point reflected about one half."""
    return _Entry(
        phrases=phrases,
        probability=round(1 - entry.probability, 4),
        lower=round(1 - entry.upper, 4),
        upper=round(1 - entry.lower, 4),
        row=row,
        note=note,
    )


def _icd_entries() -> list[_Entry]:
    entries = []
    for row, lower, upper, words in _ICD_ROWS:
        entries.append(
            _Entry(
                phrases=words + _ROW_SYNONYMS[row],
                probability=_rounded_centre(lower, upper),
                lower=lower,
                upper=upper,
                row=row,
                note=f"ICD 203 row '{row}' ({lower:.0%}-{upper:.0%}); point: the rounded centre",
            )
        )
    return entries


def _rule_entries() -> list[_Entry]:
    will = _Entry(
        phrases=(
            "will",
            "shall",
            "is going to",
            "are going to",
            "going to",
            "is set to",
            "are set to",
            "only a matter of time",
        ),
        probability=0.95,
        lower=0.95,
        upper=0.99,
        row="almost certain",
        note=_MODAL_NOTE,
    )
    would = _Entry(
        # "said the year was set to end as the second-warmest": the back-shifted "is set to"
        phrases=("would", "was set to", "were set to"),
        probability=0.80,
        lower=0.80,
        upper=0.95,
        row="very likely",
        note=_MODAL_NOTE + "; 'would' is the reported, back-shifted 'will'",
    )
    should = _Entry(
        phrases=("should", "ought to"),
        probability=0.55,
        lower=0.55,
        upper=0.80,
        row="likely",
        note=_MODAL_NOTE,
    )
    possible = _Entry(
        phrases=(
            "may",
            "might",
            "could",
            "can",
            "possible",
            "possibly",
            "perhaps",
            "maybe",
            "cannot be ruled out",
            "cannot rule out",
        ),
        probability=0.50,
        lower=0.20,
        upper=0.55,
        row="unlikely to roughly even chance",
        note=_POSSIBILITY_NOTE,
    )
    impossible = _Entry(
        phrases=(
            "not possible",
            "impossible",
            "no chance",
            "zero chance",
            "no way",
            "cannot happen",
            "will never",
            "would never",
            "never",
        ),
        probability=0.02,
        lower=0.01,
        upper=0.03,
        row="almost no chance",
        note=_IMPOSSIBLE_NOTE,
    )
    certain = _Entry(
        phrases=(
            "certain",
            "certainly",
            "inevitable",
            "inevitably",
            "definitely",
            "will definitely",
            "guaranteed",
            "bound to",
            "is sure to",
            "unavoidable",
        ),
        probability=0.98,
        lower=0.97,
        upper=0.99,
        row="almost certain",
        note=_CERTAIN_NOTE,
    )
    denial_will = _Entry(
        phrases=(
            "cannot be pushed back",
            "cannot be stopped",
            "cannot be prevented",
            "cannot be avoided",
            "cannot be reversed",
            "cannot be halted",
            "will not be delayed",
            "will not be much delayed",
            "will not be long",
            "will not be stopped",
            "will not miss",
            "will not fail",
        ),
        probability=will.probability,
        lower=will.lower,
        upper=will.upper,
        row=will.row,
        note=_DENIAL_NOTE + " 'will' (rule 2)",
    )
    denial_would = _Entry(
        phrases=(
            "would not be delayed",
            "would not be much delayed",
            "would not be long",
            "would not be stopped",
            "would not miss",
            "would not fail",
        ),
        probability=would.probability,
        lower=would.lower,
        upper=would.upper,
        row=would.row,
        note=_DENIAL_NOTE + " 'would' (rule 2)",
    )
    # The UK Professional Head of Intelligence Assessment's yardstick gives "realistic
    # possibility" 40-50%, a row of its own between ICD 203's unlikely and even chance.
    realistic = _Entry(
        phrases=("realistic possibility",),
        probability=0.45,
        lower=0.40,
        upper=0.50,
        row="unlikely to roughly even chance",
        note=_REALISTIC_NOTE,
    )
    negation = "Sooth rule 5: negation mirrors the range about one half"
    return [
        realistic,
        will,
        would,
        should,
        possible,
        impossible,
        certain,
        denial_will,
        denial_would,
        _mirror(
            will,
            ("will not", "is not going to", "are not going to", "not going to", "shall not"),
            "almost no chance",
            negation + " ('will', rule 2)",
        ),
        _mirror(would, ("would not",), "very unlikely", negation + " ('would', rule 2)"),
        _mirror(should, ("should not",), "unlikely", negation + " ('should', rule 2)"),
        _mirror(
            possible,
            ("may not", "might not"),
            "roughly even chance to likely",
            negation + " (possibility, rule 3)",
        ),
    ]


_QUOTES_TO_DROP: Final = re.compile(r"[\"“”„«»‘’‚‹›`]")
_CONTRACTIONS: Final[tuple[tuple[re.Pattern[str], str], ...]] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"\bwon't\b", "will not"),
        (r"\bcan't\b", "cannot"),
        (r"\bcan not\b", "cannot"),
        (r"\bshan't\b", "shall not"),
        (r"\b(would|should|is|are|was|were|could|does|do|did)n't\b", r"\1 not"),
        (r"\b(i|you|we|they|he|she|it)'ll\b", r"\1 will"),
        (r"\b(i|you|we|they|he|she|it)'d\b", r"\1 would"),
        (r"\b(it|he|she|that|there)'s\b", r"\1 is"),
    )
)


@lru_cache(maxsize=4096)
def normalise_phrase(phrase: str) -> str:
    """Lower case, straight apostrophes, no quote marks, contractions expanded, one space."""
    text = phrase.replace("’", "'").replace("‘", "'").lower()
    for pattern, replacement in _CONTRACTIONS:
        text = pattern.sub(replacement, text)
    text = re.sub(r"(?<![a-z])'|'(?![a-z])", " ", text)
    text = _QUOTES_TO_DROP.sub(" ", text)
    text = re.sub(r"[\s\u00a0]+", " ", text).strip(" .,;:!?()[]")
    return text


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    """A known phrase found in a text, with its offsets in that text."""

    entry: VerbalProbability
    start: int
    end: int
    text: str


_WORD: Final = re.compile(r"[A-Za-z0-9]+(?:[-'’][A-Za-z0-9]+)*")
# Only spaces and quote marks may separate the words of one phrase: a comma ends it.
_JOINER: Final = re.compile(r"[\s\u00a0\"“”‘’'«»]*")


class VerbalScale:
    """A named verbal probability scale: phrase -> probability, range and provenance."""

    def __init__(self, *, name: str, entries: Iterable[_Entry]) -> None:
        self.name = name
        self._by_phrase: dict[str, VerbalProbability] = {}
        for entry in entries:
            for phrase in entry.phrases:
                key = normalise_phrase(phrase)
                if key in self._by_phrase:
                    raise ValueError(f"phrase {phrase!r} appears twice in scale {name}")
                self._by_phrase[key] = VerbalProbability(
                    phrase=key,
                    probability=entry.probability,
                    lower=entry.lower,
                    upper=entry.upper,
                    standard=name,
                    row=entry.row,
                    note=entry.note,
                )
        self._by_tokens = {tuple(key.split()): value for key, value in self._by_phrase.items()}
        self._first_words = frozenset(tokens[0] for tokens in self._by_tokens)
        self._longest = max(len(tokens) for tokens in self._by_tokens)

    def __contains__(self, phrase: object) -> bool:
        return isinstance(phrase, str) and normalise_phrase(phrase) in self._by_phrase

    def __iter__(self) -> Iterator[VerbalProbability]:
        return iter(sorted(self._by_phrase.values(), key=lambda v: (v.probability, v.phrase)))

    def lookup(self, phrase: str) -> VerbalProbability:
        """The entry for a phrase (case, spacing, quote marks and contractions ignored)."""
        key = normalise_phrase(phrase)
        try:
            return self._by_phrase[key]
        except KeyError:
            raise UnknownPhraseError(
                f"unknown verbal probability phrase {phrase!r} in scale {self.name}; "
                f"known phrases: {', '.join(self.known_phrases())}"
            ) from None

    def known_phrases(self) -> list[str]:
        """Every phrase the scale knows, in normalised form, alphabetically."""
        return sorted(self._by_phrase)

    def records(self) -> list[VerbalScaleRecord]:
        """The scale as plain data, lowest probability first."""
        return [
            VerbalScaleRecord(
                phrase=value.phrase,
                probability=value.probability,
                lower=value.lower,
                upper=value.upper,
                standard=value.standard,
                note=value.note,
            )
            for value in self
        ]

    def find(self, text: str) -> list[PhraseMatch]:
        """Known phrases in a text, longest first at each position, not overlapping."""
        words = _words(text)
        matches: list[PhraseMatch] = []
        index = 0
        while index < len(words):
            match = (
                self._longest_match_at(text, words, index)
                if words[index].word in self._first_words
                else None
            )
            if match is None:
                index += 1
                continue
            matches.append(match[0])
            index = match[1]
        return matches

    def _longest_match_at(
        self, text: str, words: list[_Word], index: int
    ) -> tuple[PhraseMatch, int] | None:
        for length in range(min(self._longest, len(words) - index), 0, -1):
            window = words[index : index + length]
            if not _joined_by_spaces(text, window):
                continue
            value = self._by_tokens.get(tuple(word.word for word in window))
            if value is not None:
                start = window[0].start
                end = _close_quote(text, start, window[-1].end)
                return PhraseMatch(value, start, end, text[start:end]), index + length
        return None


class _Word(NamedTuple):
    """A normalised word with the offsets of the written token it comes from.

    One written token can give several words ("won't" -> "will", "not"); they share offsets.
    A tuple, since every word of every sentence is made into one: cheaper to build than a
    frozen dataclass.
    """

    word: str
    start: int
    end: int


def _words(text: str) -> list[_Word]:
    return [
        _Word(word, match.start(), match.end())
        for match in _WORD.finditer(text)
        for word in normalise_phrase(match.group()).split()
    ]


_OPENING_TO_CLOSING: Final = {"“": "”", "‘": "’"}


def _close_quote(text: str, start: int, end: int) -> int:
    """Extend a match past the quote mark that closes one opened inside it, for highlighting."""
    inside = text[start:end]
    for opening, closing in _OPENING_TO_CLOSING.items():
        if inside.count(opening) > inside.count(closing) and text.startswith(closing, end):
            return end + 1
    return end


def _joined_by_spaces(text: str, window: list[_Word]) -> bool:
    return all(
        left.end == right.end or _JOINER.fullmatch(text, left.end, right.start) is not None
        for left, right in pairwise(window)
    )


ICD_203: Final = VerbalScale(name=ICD_203_NAME, entries=_icd_entries() + _rule_entries())


def lookup(phrase: str) -> VerbalProbability:
    """The ICD 203 entry for a phrase; raises UnknownPhraseError listing the known phrases."""
    return ICD_203.lookup(phrase)


def known_phrases() -> list[str]:
    """Every phrase of the ICD 203 scale, normalised, alphabetically."""
    return ICD_203.known_phrases()


def scale_records(scale: VerbalScale = ICD_203) -> list[VerbalScaleRecord]:
    """The scale as a list of plain dicts (phrase, probability, lower, upper, standard, note)."""
    return scale.records()


# --- explicit figures ---------------------------------------------------------------------

_NUMBER_WORDS: Final[dict[str, int]] = {
    "one": 1,
    "a": 1,
    "an": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twenty": 20,
    "hundred": 100,
    "a hundred": 100,
    "thousand": 1000,
    "a thousand": 1000,
}
_NUM: Final = r"\d{1,3}(?:\.\d+)?"
_PERCENT: Final = r"(?:%|\s?per\s?cent\b|\s?percent\b|\s?pc\b)"
_DASH: Final = r"\s?(?:-|–|—|to)\s?"
_WORDNUM: Final = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty)"
_DENOM: Final = (
    r"(?:two|three|four|five|six|seven|eight|nine|ten|twenty"
    r"|(?:a\s)?hundred|(?:a\s)?thousand|\d{1,4})"
)

_FIGURE: Final = re.compile(
    rf"(?P<range>(?P<lo>{_NUM}){_PERCENT}?{_DASH}(?P<hi>{_NUM}){_PERCENT})"
    rf"|(?P<single>(?P<pct>{_NUM}){_PERCENT})"
    # "\b(?=\w)": a ratio is tried where a word starts, not also where one ends
    # "one chance in ten": the ratio with its noun inside; "in about one simulation in four":
    # a model's share of its runs, as "in 25% of simulations" is
    rf"|(?P<ratio>\b(?=\w)(?P<num>\d{{1,4}}|{_WORDNUM})"
    rf"(?P<noun>\s+(?:chances?|simulations?|model\s+runs?))?[\s-](?:in|out\sof)"
    rf"[\s-](?P<den>{_DENOM})\b)",
    re.IGNORECASE,
)
# Words that make a figure a probability rather than a quantity ("a 3% rise").
_CONTEXT_AFTER: Final = re.compile(
    r"^[\s\"”’]*(?:(?!of\b)\w+\s)?(?:chance|chances|probability|likelihood|odds|risk|"
    r"possibility|shot)\b|^[\s\"”’]*(?:likely|certain|sure)\b"
    # "winning the league in 54.2% of simulations", "in 63% of its 10,000 runs": a model's
    # share of its simulated outcomes is its probability
    r"|^\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[\d,]+\s+)?(?:simulations|simulated\s+\w+|"
    r"model\s+runs|runs|scenarios|iterations)\b",
    re.IGNORECASE,
)
# "the odds of a recession around 35-40%": a figure after the word, with no other figure
# between them, is the one it gives.
_CONTEXT_BEFORE: Final = re.compile(
    r"\b(?:chance|chances|probability|likelihood|odds|risk)s?\b[^.;%]{0,80}?"
    r"(?:\b(?:at|of|to|is|was|are|were|as)\b)?[\s\"“‘]*(?:about|around|roughly|some|"
    r"just|only|no more than|no less than|at least|at most|nearly|almost|over|under|"
    r"below|above|less than|more than)?[\s\"“‘]*$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class ExplicitProbability:
    """An explicit probability figure found in a text."""

    text: str
    probability: float
    start: int
    end: int


def _figure_value(match: re.Match[str]) -> float | None:
    if match.group("range"):
        low, high = float(match.group("lo")), float(match.group("hi"))
        if low > high:
            return None
        value = (low + high) / 200
    elif match.group("single"):
        value = float(match.group("pct")) / 100
    else:
        numerator = _word_or_number(match.group("num"))
        denominator = _word_or_number(match.group("den"))
        if denominator == 0 or numerator > denominator:
            return None
        value = numerator / denominator
    return round(value, 6) if 0.0 <= value <= 1.0 else None


def _word_or_number(token: str) -> int:
    key = re.sub(r"\s+", " ", token.lower())
    return _NUMBER_WORDS[key] if key in _NUMBER_WORDS else int(key)


def _in_probability_context(text: str, match: re.Match[str]) -> bool:
    before = text[max(0, match.start() - 120) : match.start()]
    return bool(
        match.group("noun")
        or _CONTEXT_AFTER.search(text[match.end() : match.end() + 40])
        or (
            _CONTEXT_BEFORE.search(before)
            and not _ARTICLE_BEFORE.search(before)
            and not _EVENT_THRESHOLD.search(before)
            and not _PRESENT_LEVEL_BEFORE.search(before)
        )
        or ("put" in text and _PUT_CHANCE_AT.search(text, 0, match.start()))
        or (
            "weight" in text
            and _WEIGHT_AFTER.match(text, match.end())
            and _SCENARIO_GIVEN_BEFORE.search(before)
        )
        or (
            ("likel" in text or "favo" in text)
            and match.group().endswith("%")
            and _LIKELIEST_AT.search(text, 0, match.start()) is not None
        )
        or (
            ("put it" in text or "putting it" in text or "give it" in text)
            and (put := _PUT_IT_AT.search(text, 0, match.start())) is not None
            and (
                match.group("ratio") is not None
                or put.group("graded") is not None
                or _SHORT_OF_CERTAIN.match(text, match.end()) is not None
            )
        )
        or (
            "of the time" in text
            and _OF_THE_TIME.match(text, match.end()) is not None
            and _HAS_IT_HAPPENING.search(text, 0, match.start()) is not None
        )
    )


# "I'd put it at better than 80%", "at something like 70% rather than a certainty": a figure
# graded as odds are ("better than") or set against certainty is a chance, not a rate.
_SHORT_OF_CERTAIN: Final = re.compile(
    r",?\s+(?:rather\s+than|short\s+of|not|but\s+not|which\s+is\s+not)\s+(?:a\s+)?"
    r"(?:certainty|certain|sure\s+thing|done\s+deal|given)\b",
    re.IGNORECASE,
)


# "its model has Kalder winning 44% of the time", "the simulations show the bill passing 70% of
# the time": a model's share of the runs in which the event happens is its probability.
_OF_THE_TIME: Final = re.compile(r"\s+of\s+the\s+time\b", re.IGNORECASE)
_HAS_IT_HAPPENING: Final = re.compile(
    r"\b(?:has|have|had|shows?|showed|gives?|gave)\s+(?:[\w'’.-]+\s+){1,4}?[a-z]{2,}ing\s+"
    r"(?:(?:about|around|roughly|just|only|nearly|almost)\s+)?$",
    re.IGNORECASE,
)


# "The upside case, a rebound in exports, gets a 15% weight": the weight a forecaster puts on
# one of its scenarios is that scenario's probability; an index's or portfolio's "30% weight"
# in a sector names no case or scenario before it.
_SCENARIO_GIVEN_BEFORE: Final = re.compile(
    r"\b(?:case|scenario)\b[^.;]{0,120}?\b(?:gets|get|carries|carry|has|have|is\s+given|"
    r"are\s+given|receives|receive)\s+(?:a|an)\s+(?:about\s+|around\s+|roughly\s+)?$",
    re.IGNORECASE,
)
_WEIGHT_AFTER: Final = re.compile(r"\s*(?:probability\s+)?(?:weight|weighting)\b", re.IGNORECASE)


# "a risk that wage growth, currently 3.4 per cent, proves slower": an aside giving today's
# level of what the event is about, not its odds.
_PRESENT_LEVEL_BEFORE: Final = re.compile(
    r",\s*(?:currently|presently|now|at\s+present|already)\s+(?:at\s+|running\s+at\s+|about\s+|"
    r"around\s+|roughly\s+|just\s+)?$",
    re.IGNORECASE,
)


# "the chance of it rising above 6%", "the odds of inflation hitting 3%": the figure is the
# level the event reaches, not its odds ("the chance of winning at 60%" is the odds).
_EVENT_THRESHOLD: Final = re.compile(
    # "the chance of rainfall in the south between March and May falling below 80% of the
    # average", "even odds of clearing the 5% threshold": a level or a bar the event passes
    r"\bof\s+(?:[\w'’-]+\s+){0,10}?[a-z]{2,}ing\s+(?:(?:above|below|over|under|past|beyond|"
    r"through|to)\s+)?(?:the\s+)?(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+)?$"
    # "an even chance that the two-year fixed rate would fall below 4%": the event in a clause
    r"|\bthat\s+(?:[\w'’-]+\s+){0,8}?(?:would|will|could|might|may|can)\s+(?:[a-z]+\s+)?"
    r"(?:above|below|over|under|past|beyond|through|to)\s+"
    r"(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+)?$",
    re.IGNORECASE,
)


# "A yes is not impossible, but I would put it at one in three": "it" is the event, and a
# ratio of people to people is no quantity here ("put it at 3%" may be a rate, so a percentage
# counts only when graded as odds are, "better than 80%", or set against a certainty).
_PUT_IT_AT: Final = re.compile(
    # "..., putting it at around one in five": the same, hung on the clause before
    r"\bput(?:s|ting)?\s+it\s+at\s+(?:(?:no\s+(?:more|better)\s+than|less\s+than|about|around|"
    r"roughly|just|at\s+(?:most|best|least)|(?P<graded>better\s+than|worse\s+than)|something\s+like|"
    r"maybe|perhaps)\s+)?$"
    # "I'd give it one in three that we list in 2030": the odds given to the event after
    r"|\bgive\s+it\s+(?:(?:about|around|roughly|maybe|perhaps|no\s+more\s+than)\s+)?$"
    # "I'd put it lower than that, maybe one in ten": the answerer's own odds against the
    # ones put to them
    r"|\bput\s+it\s+(?:(?:a\s+(?:bit|little|lot)|much|slightly|far)\s+)?(?:lower|higher)"
    r"(?:\s+than\s+that)?,?\s+(?:maybe|perhaps|about|around|roughly|closer\s+to|at)\s+$",
    re.IGNORECASE,
)


# "put the chance that the five-year mean exceeds 1.5C ... at 70%": the event may take many
# words to state before the figure.
_PUT_CHANCE_AT: Final = re.compile(
    r"\bput(?:s|ting)?\s+(?:the|its|their)\s+(?:chances?|odds|probability|likelihood|risk)\b"
    # a point inside the event: a decimal, or initials ("of a U.S. recession")
    # 'at "around 60%"': the figure may be quoted
    r"(?:[^.;]|\.(?=\s?[a-z\d])){0,300}?\bat\s+[\"“‘']?(?:about\s+|around\s+|roughly\s+|just\s+)?$",
    re.IGNORECASE,
)


# "rates Norland the most likely to reach the final, at 41%", "has Kell as the likeliest
# champions, at 38%": the odds of the runner called most likely, given after it.
_LIKELIEST_AT: Final = re.compile(
    r"\b(?:(?:most|least)\s+likely|likeliest|favou?rites?)\b[^.;%]{0,120}?,\s*at\s+"
    r"(?:about\s+|around\s+|roughly\s+|just\s+)?$"
    # "makes City narrow favourites: 41% for a home win": the favourites' odds, set out
    r"|\bfavou?rites?\s*:\s*$",
    re.IGNORECASE,
)


# "the risk of a 3% fall": a figure after an article is the size of something, not the odds.
_ARTICLE_BEFORE: Final = re.compile(r"\b(?:a|an)\s+$", re.IGNORECASE)


def find_explicit_probability(text: str) -> ExplicitProbability | None:
    """The first figure in a text that is stated as a probability ("a 60% chance", "70-30")."""
    found = []
    for match in _FIGURE.finditer(text):
        value = _figure_value(match)
        if value is not None and _in_probability_context(text, match):
            found.append(ExplicitProbability(match.group(), value, match.start(), match.end()))
            break
    odds = _odds(text)
    if odds is not None:
        found.append(odds)
    return min(found, key=lambda figure: figure.start) if found else None


# Odds in words: a split that adds up to 100 ("I'd make it 70-30 that"), odds for or against
# ("three to one against" -> 1/4, "two to one on" -> 2/3), and even money ("evens", "the
# chances at about even").
_ODDS_NUMBER: Final = rf"(?:\d{{1,3}}|{_WORDNUM}|eleven|twelve|fifty|a\s+hundred)"
_SPLIT: Final = re.compile(
    r"(?:\b(?:make|makes|made|put|puts|call|calls|called|rate|rates|rated)\s+(?:it|that|this|"
    r"them|the\s+(?:odds|chances?))\s+(?:at\s+)?(?:about\s+|around\s+|roughly\s+)?"
    r"|\b(?:odds|chances?)\s+(?:are|were|of|at)\s+(?:about\s+|around\s+|roughly\s+)?"
    # "I'd put the odds of a landfall on the U.S. coast at 70-30": the event, then the split
    r"|\bput(?:s|ting)?\s+(?:the|its|their|my|our)\s+(?:odds|chances?)\s+(?:of|that)\b"
    r"(?:[^.;]|\.(?=\s?[a-z\d])){0,200}?\bat\s+(?:about\s+|around\s+|roughly\s+)?"
    # 'the odds of it spreading north this summer were "better than even, maybe 60-40"': the
    # event, its verb, and the split after a few words of grading
    r"|\b(?:odds|chances?)\s+(?:of|that)\b(?:[^.;\d]|\.(?=\s?[a-z])){0,200}?\b(?:are|were|is|was)\s+"
    r"[\"“‘']?(?:[a-z]+,?\s+){0,4}?)"
    r"[\"“‘']?(?P<a>\d{1,2})\s?[-–/]\s?(?P<b>\d{1,2})\b(?P<against>\s+against\b)?",
    re.IGNORECASE,
)
# "I'd put a June cut at about 60-40 in favour": a split the speaker puts something "at" and
# that says which side it favours is odds, with no "make it" or "the odds" before it ("the
# vote went 60-40 in favour" is a result, not odds).
_SPLIT_IN_FAVOUR: Final = re.compile(
    r"\bat\s+(?:about\s+|around\s+|roughly\s+)?"
    r"(?P<a>\d{1,2})\s?[-–]\s?(?P<b>\d{1,2})\s+in\s+favou?r\b",
    re.IGNORECASE,
)
_SIDE: Final = re.compile(r"\b(?:against|on(?=\s*(?:[,.;:\"”’)]|$)))", re.IGNORECASE)
_ODDS_BEFORE_SIDE: Final = re.compile(
    rf"\b(?P<a>{_ODDS_NUMBER})(?:\s+to\s+|\s?[-–/]\s?)(?P<b>{_ODDS_NUMBER})\s+$",
    re.IGNORECASE,
)
_SPLIT_FIGURES: Final = re.compile(r"\d\s?[-–/]\s?\d")
# "on" closing a phrase, as odds on are written: "two to one on."
_ON_AT_END: Final = (" on.", " on,", " on;", " on:", ' on"', " on”", " on’", " on)")
# A bookmaker's fractional odds: "4/6 favourites" (stake 6 to win 4) -> 6/10, "at 2/1" -> 1/3.
_BOOKMAKER_FRACTION: Final = re.compile(
    r"(?:\bat\s+)?\b(?P<a>\d{1,3})/(?P<b>\d{1,3})(?=\s+(?:favourites?|favorites?|shot|"
    r"outsiders?|chance)\b)"
    r"|\bat\s+(?P<a2>\d{1,3})/(?P<b2>\d{1,3})(?=\s+(?:to|for|and|with|or)\b|\s*[,.;)])"
    # "Hatton Bet offers 2/1 on Eastmere winning", "offers odds of 4/6 on"
    r"|\b(?:offers?|offering|quotes?|quoting)\s+(?:(?:odds|a\s+price)\s+of\s+)?(?P<a3>\d{1,3})/(?P<b3>\d{1,3})(?=\s+(?:on|for)\b)"
    # "The champions are 9/2 to lift the trophy": the runner's odds of what follows
    r"|\b(?:are|is)\s+(?:(?:out|in)\s+to\s+)?(?P<a4>\d{1,3})/(?P<b4>\d{1,3})(?=\s+to\s+[a-z]|\s*[.;]?\s*$"
    # "Kelso are 5/2, with Ashby at 8/1.": the subject's price, then another runner's
    r"|,\s+with\s+[^.;]{1,40}?\s+at\s+\d{1,3}/\d{1,3}\b"
    # "Rovers are 4/6 with bookmaker Paddington to retain the trophy": the price's maker first
    r"|\s+with\s+(?:the\s+)?(?:bookmakers?\s+|bookies?\s+)?(?-i:[A-Z])[^.;,]{0,40}?\s+to\s+[a-z])"
    # "Carraway make Morocco 20/1.", "makes the DC 1/5 to win": a bookmaker's price on a
    # runner it names; "makes them 4/5 to lift the cup": or one the sentence before named
    r"|\b(?:make|makes|made|have|has)\s+(?:(?:the\s+)?(?-i:[A-Z][\w'’.-]*\s+){1,3}|"
    r"(?:him|her|them|it)\s+)"
    r"(?P<a5>\d{1,3})/(?P<b5>\d{1,3})(?=\s*[,.;)]|\s+(?:to|for|and|with)\b)"
    # "has shortened its odds on Salo-Mbeki becoming prime minister to 1/5, from 4/6": the new price
    # "has cut Sarrano to 1/5 to win": the runner's new price, its name the object
    r"|(?:\bodds\s+on\b[^.;]{1,100}?|\b(?:cut|shortened|lengthened|eased|trimmed)\s+"
    # "Its odds on Dragan have drifted to 9-4": a price moved in a sentence about odds is
    # fractional odds, written with a dash as well as a slash
    r"(?-i:[A-Z])[^.;]{0,60}?|\b(?:drifted|drifts|drift|eased|eases)\s+)\bto\s+(?P<a6>\d{1,3})"
    r"(?:/|[-–](?=\d{1,3}\b(?![-–/])))(?P<b6>\d{1,3})\b",
    re.IGNORECASE,
)
# 'put the chance that the new line would open before the strike ends at "roughly even"': the
# event may take many words to state, and the odds may be quoted.
_EVENS: Final = re.compile(
    r"\bevens\b(?!\s+(?:out|up))|\b(?:odds|chances?|probability|likelihood)\b[^.;]{0,200}?\bat\s+"
    r"[\"“‘']?(?:about\s+|around\s+|roughly\s+|close\s+to\s+|near\s+)?even\b(?![\s-]+(?:more|less|higher|lower|"
    r"better|worse|further|if|though|as|when|with|money\s+on))",
    re.IGNORECASE,
)


# A bookmaker's decimal price: "at 1.65 to win", "has Strandqvist at 2.60.", "offers 3.50 on
# Szabolcs", "makes Brelland 1.40 favourites". Two decimals, in a sentence about betting.
_DECIMAL_ODDS: Final = re.compile(
    r"(?:\bat\s+|\b(?:offers?|offering|quotes?|quoting)\s+|"
    r"\b(?:make|makes|made)\s+(?:(?:the\s+)?(?-i:[A-Z][\w'’.-]*\s+){1,3}|(?:him|her|them|it)\s+))"
    r"(?P<price>\d{1,2}\.\d{2})\b(?!\s*(?:%|per\s*cent|percent|[a-z]*metres|m\b|kg|seconds))"
    r"(?=\s*[,.;)]|\s+(?:to|for|on|and|with|favourites?|favorites?)\b)"
)
_BETTING: Final = re.compile(
    r"\b(?:[Bb]et\w*|[Bb]ookmakers?|[Bb]ookies?|[Oo]dds|favou?rites?)\b"
    # "Lunabet prices Valmark at 1.65": the verb with a runner, not "the share price"
    r"|\bprice[sd]?\s+(?-i:[A-Z])"
    # "Norbet prices the defending champion, X, at 2.50": a runner named by its standing
    r"|\bprice[sd]?\s+the\s+(?:defending\s+|reigning\s+)?(?:champions?|holders?|title-holders?|"
    r"favou?rites?)\b"
)


def _odds(text: str) -> ExplicitProbability | None:
    found: list[ExplicitProbability] = []
    dashed = "-" in text or "–" in text or "/" in text
    split = _SPLIT.search(text) if dashed and _SPLIT_FIGURES.search(text) else None
    if split is None and dashed and " favo" in text:
        split = _SPLIT_IN_FAVOUR.search(text)
    if split is not None:
        share, rest = int(split.group("a")), int(split.group("b"))
        if share + rest == 100:
            value = (rest if split.groupdict().get("against") else share) / 100
            found.append(ExplicitProbability(split.group(), value, split.start(), split.end()))
    sided = "against" in text or any(mark in text for mark in _ON_AT_END) or text.endswith(" on")
    for side in _SIDE.finditer(text) if sided else ():
        match = _ODDS_BEFORE_SIDE.search(text, max(0, side.start() - 40), side.start())
        if match is None:
            continue
        against, on = _word_or_number(match.group("a")), _word_or_number(match.group("b"))
        if against + on == 0:
            continue
        odds_on = side.group().lower() == "on"
        value = round((against if odds_on else on) / (against + on), 6)
        found.append(
            ExplicitProbability(text[match.start() : side.end()], value, match.start(), side.end())
        )
        break
    fraction = (
        _BOOKMAKER_FRACTION.search(text)
        if "/" in text or ("odds" in text and "-" in text)
        else None
    )
    if fraction is not None:
        sides = [group for group in fraction.groups() if group is not None]
        against, on = int(sides[0]), int(sides[1])
        if against + on:
            value = round(on / (against + on), 6)
            found.append(
                ExplicitProbability(fraction.group(), value, fraction.start(), fraction.end())
            )
    decimal = _DECIMAL_ODDS.search(text) if "." in text and _BETTING.search(text) else None
    if decimal is not None and float(decimal.group("price")) > 1:
        # "prices Valmark at 1.65", "makes Brelland 1.40 favourites": decimal odds return the
        # price for each unit staked, so the chance they imply is its reciprocal
        value = round(1 / float(decimal.group("price")), 6)
        found.append(ExplicitProbability(decimal.group(), value, decimal.start(), decimal.end()))
    evens = _EVENS.search(text) if " even" in text or "Even" in text else None
    if evens is not None:
        found.append(ExplicitProbability(evens.group(), 0.5, evens.start(), evens.end()))
    return min(found, key=lambda figure: figure.start) if found else None


def parse_explicit_probability(text: str) -> float | None:
    """The probability an explicit figure states: "35-40%" -> 0.375, "one in three" -> 1/3.

    A figure counts when the text is nothing but the figure ("70%") or when a word such as
    chance, probability, odds or risk makes it a probability ("a 60 percent chance");
    "inflation of 3%" is a quantity and gives None. Ranges give their midpoint.
    """
    found = find_explicit_probability(text)
    if found is not None:
        return found.probability
    stripped = text.strip().strip("\"“”‘’'.()")
    for prefix in ("a ", "an ", "about ", "around ", "roughly "):
        if stripped.lower().startswith(prefix):
            stripped = stripped[len(prefix) :]
    match = _FIGURE.fullmatch(stripped)
    return _figure_value(match) if match else None
