"""The main cue of a sentence, the cue that gives its probability, and how confident a
candidate is.
"""

from __future__ import annotations

import re
from typing import Final

from forecasts.extraction.cues import (
    _ATTRIBUTABLE_POSSIBILITY,
    _ATTRIBUTED_POSSIBILITY,
    CueKind,
    _Cue,
    _even_odds,
)
from forecasts.extraction.quantities import _BARE_MODALS
from forecasts.extraction.sentences import _clause_start
from forecasts.extraction.speakers import _Attribution

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
    main = [
        cue for cue in with_probability if not _background_absolute(text, cue, with_probability)
    ]
    chosen = main or with_probability
    if not chosen:
        return None
    best = _main_cue(chosen)
    graded = next(
        (
            cue
            for cue in chosen
            if best.kind == "hedge"
            and cue.start >= best.end
            and (cue.kind == "explicit" or _even_odds((cue.phrase or "").lower()))
            and _GRADING_GAP.fullmatch(text, best.end, cue.start)
        ),
        None,
    )
    if graded is not None:
        # 'he was "probably 50-50"': the hedge word grades the odds stated after it, and the
        # odds are the figure
        return graded
    earlier = [cue for cue in chosen if cue.end <= best.start]
    if earlier and _odds_of_another_event(text, earlier[0].end, best.start):
        return earlier[0]
    return best


def _odds_of_another_event(text: str, start: int, end: int) -> bool:
    """ "X is very likely to finish first, but I would put the odds of an outright majority at
    one in three": a figure after the turn gives the odds of an event it names, not of the
    first claim."""
    turn = _CONTRAST.search(text, start, end)
    return turn is not None and _ODDS_OF.search(text, turn.end(), end) is not None


_GRADING_GAP: Final = re.compile(r"[\s\"“‘']*(?:(?:a|an)\s+)?")


_CONTRAST: Final = re.compile(r"(?:,|;)\s+(?:but|though|although|while|whereas)\b|;\s")


_ODDS_OF: Final = re.compile(
    r"\b(?:odds|chances?|probability|likelihood|risk)\s+(?:of|that)\b", re.IGNORECASE
)


def _background_absolute(text: str, cue: _Cue, cues: list[_Cue]) -> bool:
    """A likelihood in a "with" clause is background to a claim that follows it; a figure or a
    hedge in one that closes the sentence ("We expect a dry summer, with a 65% chance that
    totals fall in the driest third", "expects growth to be weak, with output likely to
    contract") states the odds of the claim before it."""
    if not _in_absolute(text, cue.start):
        return False
    return any(other.start > cue.end for other in cues)


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
    figure: bool = False,
    conditional: bool = False,
) -> float:
    """How sure the extractor is; anchored: the sentence names a time, a number or a condition.

    dated: the sentence names a time that bounds the event ("next winter", "on Saturday");
    figure: it forecasts a number ("should slow to around 3%");
    conditional: the claim hangs on a condition the sentence states ("if turnout falls").
    """
    score = max(cue.confidence for cue in cues)
    hedges = _WRITER_HEDGES | _WRITER_FIGURE_HEDGES if figure else _WRITER_HEDGES
    if (
        speaker is None
        and not attribution.generic
        and (dated or conditional)
        and score < _WRITER_HEDGED
        and any(cue.phrase in hedges for cue in cues)
    ):
        # the writer's own "might not open at all next winter": a dated, hedged forecast;
        # "if turnout falls, X could overtake Y": the condition names the case the outcome is
        # checked in, as a date does (LABELLING.md, round two (a))
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


_UNANCHORED_WRITER: Final = 0.45


_UNATTRIBUTABLE: Final = 0.3


_WRITER_HEDGED: Final = 0.5


# The writer's "Wage growth should slow to around 3% by next June": a figure and a date make
# "should" a forecast, where alone it is as often advice.
_WRITER_FIGURE_HEDGES: Final = frozenset({"should"})


# Not "may": the writer's "residents may collect sandbags" gives leave, it does not forecast.
_WRITER_HEDGES: Final = frozenset({"might", "could", "might not"})
