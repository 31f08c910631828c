"""How well extract_candidates finds the labelled forecasts of the corpus, split by split.

The corpus (tests/extraction/corpus/<split>/, rules in LABELLING.md) has a dev split, on
which the extractor may be developed, and a test split, which is scored and never tuned
on. Per split: precision (a candidate is right when its sentence contains a labelled
positive, or lies inside one), recall (a labelled positive is found when a candidate's
sentence contains it), speaker accuracy over the found positives (the candidate's speaker
matches the label's "speaker" or any of its "speakers"), and the share of found positives
with a labelled probability that the candidate gives within 0.05, and the share of found
positives with a labelled deadline that the candidate gives to the day. Run with -s for the
table; it is also in the message of any failing assertion.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from forecasts.extraction import Candidate, extract_candidates, split_sentences

HERE = Path(__file__).parent
CORPUS = HERE / "corpus"
SEED = "article-2023-08-01-second-march"

DEV_PRECISION = 0.95
DEV_RECALL = 0.95
DEV_SPEAKER = 0.95
# Deadlines are read less well than the rest (contests dated elsewhere in the article,
# fiscal years, answers whose time is in the question): a floor against losing ground.
DEV_DEADLINE = 0.76
# The present test split's first and only scoring run (P 0.90, R 0.88, speaker 0.91,
# probability within 0.05: 0.96, deadlines to the day: 0.75), less 0.02: a regression
# floor, not a target to tune towards. Earlier splits and their figures are in LABELLING.md.
TEST_FLOOR = {"precision": 0.88, "recall": 0.86, "speaker": 0.89, "deadline": 0.73}
PROBABILITY_TOLERANCE = 0.05


@dataclass(frozen=True)
class Positive:
    sentence: str
    speakers: tuple[str | None, ...]
    probability: float | None
    deadline: date | None = None


@dataclass(frozen=True)
class Article:
    name: str
    text: str
    published_at: datetime
    positives: list[Positive]
    hard_negatives: list[dict[str, str]]


@dataclass(frozen=True)
class Score:
    name: str
    true_positives: int
    predicted: int
    found: int
    labelled: int
    speakers_right: int
    probabilities_labelled: int
    probabilities_right: int
    deadlines_labelled: int = 0
    deadlines_right: int = 0

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.labelled if self.labelled else 1.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speakers_right / self.found if self.found else 1.0

    @property
    def probability_accuracy(self) -> float:
        if not self.probabilities_labelled:
            return 1.0
        return self.probabilities_right / self.probabilities_labelled

    @property
    def deadline_accuracy(self) -> float:
        return self.deadlines_right / self.deadlines_labelled if self.deadlines_labelled else 1.0


def load(path: Path) -> Article:
    labels: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    meta = labels["article"]
    positives = [
        Positive(
            sentence=item["sentence"],
            speakers=(item["speaker"], *item.get("speakers", ())),
            probability=item.get("probability"),
            deadline=date.fromisoformat(item["deadline"]) if item.get("deadline") else None,
        )
        for item in labels["positives"]
    ]
    return Article(
        name=path.name.removesuffix(".labels.json"),
        text=(path.parent / meta["file"]).read_text(encoding="utf-8"),
        published_at=datetime.fromisoformat(meta["published_at"].replace("Z", "+00:00")),
        positives=positives,
        hard_negatives=labels["hard_negatives"],
    )


def split(name: str) -> list[Article]:
    """The labelled articles of one split, by name."""
    return [load(path) for path in sorted((CORPUS / name).glob("*.labels.json"))]


def normalised(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("“", '"').replace("”", '"').split())


def canonical_speaker(name: str | None) -> str | None:
    if name is None:
        return None
    lowered = normalised(name).lower().removeprefix("the ")
    return re.sub(r"['’]s$", "", lowered)


def same_speaker(predicted: str | None, labelled: tuple[str | None, ...]) -> bool:
    return canonical_speaker(predicted) in {canonical_speaker(name) for name in labelled}


def matches(candidate: Candidate, positive: Positive) -> bool:
    found, labelled = normalised(candidate.sentence), normalised(positive.sentence)
    return labelled in found or found in labelled


def deadline_day(candidate: Candidate) -> date | None:
    """The last day a candidate's deadline allows: the day before a midnight deadline (the
    first instant after the day it names), else the deadline's own day."""
    deadline = candidate.deadline
    if deadline is None:
        return None
    if (deadline.hour, deadline.minute, deadline.second) == (0, 0, 0):
        return (deadline - timedelta(days=1)).date()
    return deadline.date()


def score(article: Article) -> Score:
    candidates = extract_candidates(article.text, published_at=article.published_at)
    true_positives = sum(
        any(matches(candidate, positive) for positive in article.positives)
        for candidate in candidates
    )
    found = speakers_right = probabilities_labelled = probabilities_right = 0
    deadlines_labelled = deadlines_right = 0
    for positive in article.positives:
        hits = [candidate for candidate in candidates if matches(candidate, positive)]
        if positive.probability is not None:
            probabilities_labelled += 1
        if not hits:
            continue
        found += 1
        speakers_right += any(same_speaker(hit.speaker, positive.speakers) for hit in hits)
        if positive.deadline is not None:
            deadlines_labelled += 1
            deadlines_right += any(deadline_day(hit) == positive.deadline for hit in hits)
        if positive.probability is not None:
            probabilities_right += any(
                hit.probability is not None
                and abs(hit.probability - positive.probability) <= PROBABILITY_TOLERANCE + 1e-9
                for hit in hits
            )
    return Score(
        article.name,
        true_positives,
        len(candidates),
        found,
        len(article.positives),
        speakers_right,
        probabilities_labelled,
        probabilities_right,
        deadlines_labelled,
        deadlines_right,
    )


def overall(name: str, scores: list[Score]) -> Score:
    return Score(
        name,
        sum(s.true_positives for s in scores),
        sum(s.predicted for s in scores),
        sum(s.found for s in scores),
        sum(s.labelled for s in scores),
        sum(s.speakers_right for s in scores),
        sum(s.probabilities_labelled for s in scores),
        sum(s.probabilities_right for s in scores),
        sum(s.deadlines_labelled for s in scores),
        sum(s.deadlines_right for s in scores),
    )


def table(scores: list[Score]) -> str:
    header = (
        f"{'article':<52} {'P':>5} {'R':>5} {'spk':>5} {'p±.05':>5} {'date':>5}  tp/pred found/gold"
    )
    lines = [header, "-" * len(header)]
    for s in scores:
        lines.append(
            f"{s.name:<52} {s.precision:5.2f} {s.recall:5.2f} {s.speaker_accuracy:5.2f}"
            f" {s.probability_accuracy:5.2f} {s.deadline_accuracy:5.2f}"
            f"  {s.true_positives}/{s.predicted}"
            f" {s.found}/{s.labelled}"
        )
    return "\n".join(lines)


def split_score(name: str) -> tuple[Score, str]:
    articles = split(name)
    if not articles:
        pytest.skip(f"the {name} split has no labelled articles yet")
    scores = [score(article) for article in articles]
    total = overall(f"{name} overall ({len(articles)} articles)", scores)
    report = table([*scores, total])
    print("\n" + report)
    return total, report


DEV = split("dev")
TEST = split("test")


def _domains(name: str) -> set[str]:
    return {
        json.loads(path.read_text(encoding="utf-8"))["article"]["domain"]
        for path in (CORPUS / name).glob("*.labels.json")
    }


def test_the_dev_split_holds_the_seed_and_several_domains() -> None:
    assert SEED in {article.name for article in DEV}
    assert len(_domains("dev")) >= 6


def test_the_test_split_holds_articles_of_several_domains() -> None:
    # An empty split would score 1.0 on everything.
    assert len(TEST) >= 10 and len(_domains("test")) >= 6


@pytest.mark.parametrize("article", DEV + TEST, ids=lambda a: a.name)
def test_labelled_sentences_are_in_the_article(article: Article) -> None:
    text = normalised(article.text)
    labelled = [p.sentence for p in article.positives] + [
        item["sentence"] for item in article.hard_negatives
    ]
    missing = [sentence for sentence in labelled if normalised(sentence) not in text]
    assert not missing, f"labelled but not in the text: {missing}"


@pytest.mark.parametrize("article", DEV, ids=lambda a: a.name)
def test_dev_labelled_sentences_are_not_split_apart(article: Article) -> None:
    sentences = [normalised(sentence.text) for sentence in split_sentences(article.text)]
    labelled = [normalised(p.sentence) for p in article.positives]
    torn = [s for s in labelled if not any(s in sentence for sentence in sentences)]
    assert not torn, f"split across sentences: {torn}"


def test_seed_positives_include_the_claims_of_claims_json() -> None:
    claims = json.loads((HERE / "second-march.claims.json").read_text(encoding="utf-8"))
    (seed,) = [a for a in DEV if a.name == SEED]
    labelled = {positive.sentence for positive in seed.positives}
    assert set(claims["extraction_labels"]["positives"]) <= labelled


def test_seed_candidates_carry_the_probabilities_the_words_state() -> None:
    claims = json.loads((HERE / "second-march.claims.json").read_text(encoding="utf-8"))
    (seed,) = [a for a in DEV if a.name == SEED]
    candidates = extract_candidates(seed.text, published_at=seed.published_at)
    for claim in claims["claims"]:
        words = claim["quote"].split()[:4]
        (candidate,) = [c for c in candidates if " ".join(words) in c.sentence.replace("“", "")]
        assert candidate.verbal_phrase == claim["verbal_phrase"]
        if claim["verbal_phrase"].startswith("would"):
            # a bare "would" states no likelihood: the editor picks the figure
            assert candidate.probability is None and candidate.probability_reason
        else:
            assert candidate.probability == claim["probability"]


def test_the_scorer_counts_as_an_independent_count_does() -> None:
    text = "Ann Lee said rates would fall. Prices rose. Bo Chan said sales will likely drop."
    article = Article(
        "made-up",
        text,
        datetime.fromisoformat("2024-01-01T00:00:00+00:00"),
        [
            Positive("Ann Lee said rates would fall.", ("Ann Lee",), None, date(2024, 12, 31)),
            Positive("Bo Chan said sales will likely drop.", ("Someone Else",), 0.7),
            Positive("Prices rose.", (None,), 0.5),
        ],
        [],
    )
    result = score(article)
    assert (result.true_positives, result.predicted) == (2, 2)
    assert (result.found, result.labelled, result.speakers_right) == (2, 3, 1)
    assert (result.probabilities_labelled, result.probabilities_right) == (2, 1)
    # no time in the sentence: the labelled deadline is not given
    assert (result.deadlines_labelled, result.deadlines_right) == (1, 0)


def test_dev_split_reaches_the_bar() -> None:
    total, report = split_score("dev")
    assert total.precision >= DEV_PRECISION, f"precision below {DEV_PRECISION}\n{report}"
    assert total.recall >= DEV_RECALL, f"recall below {DEV_RECALL}\n{report}"
    assert total.speaker_accuracy >= DEV_SPEAKER, f"speakers below {DEV_SPEAKER}\n{report}"
    assert total.deadline_accuracy >= DEV_DEADLINE, f"deadlines below {DEV_DEADLINE}\n{report}"


def test_test_split_holds_its_first_score() -> None:
    total, report = split_score("test")
    assert total.precision >= TEST_FLOOR["precision"], report
    assert total.recall >= TEST_FLOOR["recall"], report
    assert total.speaker_accuracy >= TEST_FLOOR["speaker"], report
    assert total.deadline_accuracy >= TEST_FLOOR["deadline"], report
