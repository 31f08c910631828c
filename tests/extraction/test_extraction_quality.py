"""How well extract_candidates finds the labelled predictive sentences (LABELLING.md).

Precision and recall of predictive-sentence detection, and speaker accuracy over the true
positives, per article and overall. Run with -s to see the table; it is also in the message
of any failing assertion.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from forecasts.extraction import Candidate, extract_candidates, split_sentences

HERE = Path(__file__).parent
LABEL_FILES = sorted(HERE.glob("*.labels.json"))
SEED = "article-2023-08-01-second-march"
THRESHOLD = 0.8


@dataclass(frozen=True)
class Article:
    name: str
    text: str
    published_at: datetime
    positives: dict[str, str | None]
    hard_negatives: list[dict[str, str]]


@dataclass(frozen=True)
class Score:
    name: str
    true_positives: int
    predicted: int
    labelled: int
    speakers_right: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.labelled if self.labelled else 1.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speakers_right / self.true_positives if self.true_positives else 1.0


def load(path: Path) -> Article:
    labels: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    meta = labels["article"]
    return Article(
        name=path.name.removesuffix(".labels.json"),
        text=(HERE / meta["file"]).read_text(encoding="utf-8"),
        published_at=datetime.fromisoformat(meta["published_at"].replace("Z", "+00:00")),
        positives={item["sentence"]: item["speaker"] for item in labels["positives"]},
        hard_negatives=labels["hard_negatives"],
    )


ARTICLES = [load(path) for path in LABEL_FILES]


def same_speaker(predicted: str | None, labelled: str | None) -> bool:
    def canonical(name: str | None) -> str | None:
        if name is None:
            return None
        lowered = " ".join(name.lower().split())
        return lowered.removeprefix("the ")

    return canonical(predicted) == canonical(labelled)


def score(article: Article) -> Score:
    candidates: dict[str, Candidate] = {
        c.sentence: c for c in extract_candidates(article.text, published_at=article.published_at)
    }
    hits = [sentence for sentence in candidates if sentence in article.positives]
    speakers_right = sum(same_speaker(candidates[s].speaker, article.positives[s]) for s in hits)
    return Score(article.name, len(hits), len(candidates), len(article.positives), speakers_right)


def overall(scores: list[Score]) -> Score:
    return Score(
        "overall",
        sum(s.true_positives for s in scores),
        sum(s.predicted for s in scores),
        sum(s.labelled for s in scores),
        sum(s.speakers_right for s in scores),
    )


def table(scores: list[Score]) -> str:
    header = f"{'article':<48} {'P':>5} {'R':>5} {'spk':>5}  tp/pred/gold"
    lines = [header, "-" * len(header)]
    for s in scores:
        lines.append(
            f"{s.name:<48} {s.precision:5.2f} {s.recall:5.2f} {s.speaker_accuracy:5.2f}"
            f"  {s.true_positives}/{s.predicted}/{s.labelled}"
        )
    return "\n".join(lines)


def test_there_are_the_seed_and_at_least_four_more_articles() -> None:
    names = {article.name for article in ARTICLES}
    assert SEED in names
    assert len(names) >= 5


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.name)
def test_labelled_sentences_are_sentences_of_the_article(article: Article) -> None:
    sentences = {sentence.text for sentence in split_sentences(article.text)}
    labelled = list(article.positives) + [item["sentence"] for item in article.hard_negatives]
    missing = [sentence for sentence in labelled if sentence not in sentences]
    assert not missing, f"labelled but not split out as a sentence: {missing}"


def test_seed_labels_are_the_ones_in_claims_json() -> None:
    claims = json.loads((HERE / "second-march.claims.json").read_text(encoding="utf-8"))
    (seed,) = [a for a in ARTICLES if a.name == SEED]
    assert set(seed.positives) == set(claims["extraction_labels"]["positives"])


def test_seed_candidates_carry_the_labelled_probabilities() -> None:
    claims = json.loads((HERE / "second-march.claims.json").read_text(encoding="utf-8"))
    (seed,) = [a for a in ARTICLES if a.name == SEED]
    candidates = extract_candidates(seed.text, published_at=seed.published_at)
    for claim in claims["claims"]:
        words = claim["quote"].split()[:4]
        (candidate,) = [c for c in candidates if " ".join(words) in c.sentence.replace("“", "")]
        assert candidate.verbal_phrase == claim["verbal_phrase"]
        assert candidate.probability == claim["probability"]


def test_precision_recall_and_speaker_accuracy_reach_the_bar() -> None:
    scores = [score(article) for article in ARTICLES]
    total = overall(scores)
    report = table([*scores, total])
    print("\n" + report)
    (seed,) = [s for s in scores if s.name == SEED]
    for s in (total, seed):
        assert s.precision >= THRESHOLD, f"{s.name} precision below {THRESHOLD}\n{report}"
        assert s.recall >= THRESHOLD, f"{s.name} recall below {THRESHOLD}\n{report}"
        assert s.speaker_accuracy >= THRESHOLD, f"{s.name} speakers below {THRESHOLD}\n{report}"
