"""Candidate claims in article text: which sentences predict, who says so, how sure, by when.

Rule-based and deterministic. The text is split into sentences (`split_sentences`); each
sentence is searched for cues that it speaks of the future with some belief (a phrase of
the verbal scale, an explicit probability, a forecast verb, "my guess is"), cues that do not
count are dropped (possibility alone, pledges, schedules, indirect questions, past
beliefs), and sentences that are hopes, conditionals, questions or boilerplate are left
out. What is left is a candidate, with the speaker the sentence is attributed to (None when
the writer speaks), the probability from `forecasts.probability`, and the deadline from
`forecasts.deadlines`, or, for a claim about a contest that names no time of its own, the
day of the contest the article dates (`events`). tests/extraction/LABELLING.md has the
rules the output is measured against.
"""

from forecasts.extraction.candidates import Candidate, extract_candidates
from forecasts.extraction.quantities import Quantity
from forecasts.extraction.sentences import Sentence, split_sentences

__all__ = [
    "Candidate",
    "Quantity",
    "Sentence",
    "extract_candidates",
    "split_sentences",
]
