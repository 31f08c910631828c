"""Two sources head to head: GET /api/v1/compare and the /compare page."""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pandas as pd
from scipy import stats

from forecasts.claims import record_claim, retract_claim
from forecasts.comparison import paired_bootstrap_interval
from forecasts.domain import Outcome
from forecasts.schemas import ClaimCreate
from service.database import Database
from tests.factories import T0, make_claim, make_question, make_resolution, make_source
from tests.pages.markup import main_of, text_of

# (question, outcome, alice's claims, bob's claims); each claim is (probability, days after T0)
LEDGER = [
    ("q1", Outcome.yes, [(0.8, 0), (0.6, 5)], [(0.4, 0)]),
    ("q2", Outcome.no, [(0.3, 0)], [(0.2, 0), (0.9, 3)]),
    ("q3", Outcome.yes, [(0.9, 0)], [(0.55, 0)]),
    ("q4", Outcome.no, [(0.8, 0)], [(0.7, 0)]),
    ("q5", Outcome.yes, [(0.3, 0)], [(0.5, 0)]),
    ("q6", Outcome.no, [(0.35, 0)], []),  # bob has no claim: not shared
    ("q7", Outcome.annulled, [(0.9, 0)], [(0.1, 0)]),  # annulled: not scored
    ("q8", None, [(0.9, 0)], [(0.1, 0)]),  # never resolved
]


def _build(database: Database) -> pd.DataFrame:
    """The ledger above, plus a claim of bob's on q3 that he retracted."""
    rows = []
    with database.writing() as session:
        alice = make_source(session, "alice", name="Alice Analyst")
        bob = make_source(session, "bob", name="Bob Pundit")
        for title, outcome, alice_claims, bob_claims in LEDGER:
            question = make_question(session, title=f"Will {title} happen?")
            for source, claims in ((alice, alice_claims), (bob, bob_claims)):
                for probability, days in claims:
                    made_at = T0 + timedelta(days=days)
                    make_claim(session, source, question, probability=probability, made_at=made_at)
                    rows.append((source.slug, title, probability, made_at, outcome))
            if title == "q3":
                late = make_claim(
                    session, bob, question, probability=0.01, made_at=T0 + timedelta(days=9)
                )
                retract_claim(
                    session=session,
                    claim_id=late.id,
                    reason="misattributed",
                    actor="test",
                    now=T0 + timedelta(days=9),
                )
            if outcome is not None:
                make_resolution(session, question, outcome)
    return pd.DataFrame(rows, columns=["source", "question", "p", "made_at", "outcome"])


def _independent(claims: pd.DataFrame) -> pd.DataFrame:
    """Per shared resolved question, each source's latest claim and its Brier score."""
    scored = claims[claims["outcome"].isin([Outcome.yes, Outcome.no])].copy()
    scored["y"] = (scored["outcome"] == Outcome.yes).astype(float)
    latest = scored.sort_values("made_at").groupby(["source", "question"]).tail(1)
    latest = latest.assign(brier=(latest["p"] - latest["y"]) ** 2)
    wide = latest.pivot(index="question", columns="source", values="brier").dropna()
    return wide.sort_index()


def test_compare_matches_an_independent_computation_of_the_paired_differences(client, database):
    claims = _build(database)
    expected = _independent(claims)
    differences = (expected["alice"] - expected["bob"]).to_numpy()

    answer = client.get("/api/v1/compare", params={"a": "alice", "b": "bob"})

    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert set(body) == {
        "a",
        "b",
        "n_shared",
        "brier_a",
        "brier_b",
        "difference",
        "ci_low",
        "ci_high",
    }
    assert body["a"] == "alice" and body["b"] == "bob"
    assert body["n_shared"] == 5 == len(expected)
    assert np.isclose(body["brier_a"], expected["alice"].mean())
    assert np.isclose(body["brier_b"], expected["bob"].mean())
    assert np.isclose(body["difference"], differences.mean())
    assert np.isclose(body["difference"], body["brier_a"] - body["brier_b"])
    # SciPy's percentile bootstrap draws other resamples: the ends agree to within noise.
    reference = stats.bootstrap(
        (differences,), np.mean, method="percentile", n_resamples=20_000, random_state=7
    ).confidence_interval
    assert abs(body["ci_low"] - reference.low) < 0.02
    assert abs(body["ci_high"] - reference.high) < 0.02
    assert body["ci_low"] <= body["difference"] <= body["ci_high"]


def test_compare_gives_the_same_interval_for_the_same_data(client, database):
    _build(database)
    first = client.get("/api/v1/compare", params={"a": "alice", "b": "bob"}).json()
    again = client.get("/api/v1/compare", params={"a": "alice", "b": "bob"}).json()
    assert first == again
    swapped = client.get("/api/v1/compare", params={"a": "bob", "b": "alice"}).json()
    assert np.isclose(swapped["difference"], -first["difference"])


def test_compare_of_sources_with_no_shared_resolved_question_is_empty(client, database):
    with database.writing() as session:
        make_source(session, "alice")
        make_source(session, "bob")
    body = client.get("/api/v1/compare", params={"a": "alice", "b": "bob"}).json()
    assert body["n_shared"] == 0
    assert body["difference"] is None and body["ci_low"] is None and body["ci_high"] is None


def test_compare_names_the_unknown_source_and_refuses_a_source_with_itself(client, database):
    with database.writing() as session:
        make_source(session, "alice")
    missing = client.get("/api/v1/compare", params={"a": "alice", "b": "nobody"})
    assert missing.status_code == 404
    assert "nobody" in missing.text and "b" in str(missing.json())
    itself = client.get("/api/v1/compare", params={"a": "alice", "b": "alice"})
    assert itself.status_code == 422
    assert "itself" in itself.text


def test_paired_bootstrap_interval_brackets_a_clear_difference():
    differences = np.full(40, -0.2) + np.linspace(-0.01, 0.01, 40)
    low, high = paired_bootstrap_interval(differences)
    assert -0.21 < low < high < -0.19


def test_compare_page_says_in_plain_words_when_the_data_cannot_tell_them_apart(client, database):
    _build(database)
    page = client.get("/compare", params={"a": "alice", "b": "bob"})
    assert page.status_code == 200
    text = text_of(main_of(page.text))
    assert "5 shared questions" in text
    assert "The data cannot tell them apart yet" in text
    assert "Will q6 happen?" not in text  # bob made no claim on it
    assert "Will q1 happen?" in text


def test_compare_page_names_the_more_accurate_source_when_the_interval_excludes_zero(
    client, database
):
    with database.writing() as session:
        sharp = make_source(session, "sharp", name="Sharp Forecaster")
        vague = make_source(session, "vague", name="Vague Pundit")
        for index in range(12):
            outcome = Outcome.yes if index % 2 else Outcome.no
            question = make_question(session)
            make_claim(session, sharp, question, probability=0.9 if index % 2 else 0.1)
            make_claim(session, vague, question, probability=0.5)
            make_resolution(session, question, outcome)
    text = text_of(main_of(client.get("/compare?a=vague&b=sharp").text))
    assert "Sharp Forecaster was more accurate than Vague Pundit" in text


def test_source_page_links_to_a_comparison(client, database):
    with database.writing() as session:
        source = make_source(session, "alice")
        question = make_question(session)
        make_claim(session, source, question)
        make_resolution(session, question, Outcome.yes)
    page = client.get("/sources/alice")
    assert 'href="/compare?a=alice"' in page.text
    picker = client.get("/compare?a=alice")
    assert picker.status_code == 200
    assert '<option value="alice" selected>' in picker.text


def test_compare_leaves_out_unevidenced_hindsight_unless_asked(client, database, clock):
    with database.writing() as session:
        alice = make_source(session, "alice")
        make_source(session, "bob")
        question = make_question(session)
        make_claim(session, alice, question, probability=0.9)
        make_resolution(session, question, Outcome.yes)
    # Bob's claim is recorded after the verdict and cites nothing: hindsight, unevidenced.
    clock.set(T0 + timedelta(days=60))
    with database.writing() as session:
        record_claim(
            session=session,
            data=ClaimCreate(
                source="bob", question_id=question.id, probability=0.99, quote="Yes.", made_at=T0
            ),
            actor="test",
            now=clock.now,
        )
    assert client.get("/api/v1/compare?a=alice&b=bob").json()["n_shared"] == 0
    assert client.get("/api/v1/compare?a=alice&b=bob&hindsight=all").json()["n_shared"] == 1
