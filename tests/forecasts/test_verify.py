"""Verification catches an attacker with database access, on SQLite and PostgreSQL.

Each tampering test first lifts the append-only triggers (as someone holding the database
credentials could), rewrites something directly in SQL, and expects `verify_ledger` to name
the first entry or row that no longer matches.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from sqlalchemy import event, text

from forecasts.chain import entry_hash
from forecasts.claims import retract_claim
from forecasts.domain import Outcome
from forecasts.questions import update_question
from forecasts.schemas import QuestionUpdate
from forecasts.verify import Verification, chain_head, field_differences, verify_ledger
from service.database import Database
from tests.factories import T0, make_claim, make_question, make_resolution, make_source

PLUS_TWO = timezone(timedelta(hours=2))
APPEND_ONLY_TABLES = ("claim", "resolution", "ledger_entry")
SQLITE_TRIGGERS = (
    "claim_fixed_columns",
    "claim_no_delete",
    "resolution_no_update",
    "resolution_no_delete",
    "ledger_entry_no_update",
    "ledger_entry_no_delete",
)


@pytest.fixture
def attacker(database: Database) -> Iterator[Database]:
    """The database with its append-only triggers lifted, put back afterwards on PostgreSQL."""
    with database.engine.begin() as connection:
        if database.dialect == "postgresql":
            for table in APPEND_ONLY_TABLES:
                connection.execute(text(f"ALTER TABLE {table} DISABLE TRIGGER USER"))
        else:
            for trigger in SQLITE_TRIGGERS:
                connection.execute(text(f"DROP TRIGGER {trigger}"))
    yield database
    if database.dialect == "postgresql":
        with database.engine.begin() as connection:
            for table in APPEND_ONLY_TABLES:
                connection.execute(text(f"ALTER TABLE {table} ENABLE TRIGGER USER"))


@pytest.fixture
def ledger(database: Database) -> Database:
    """Two sources, three questions (one retagged), four claims (one retracted), two verdicts."""
    with database.writing() as session:
        ann, bob = make_source(session, "ann"), make_source(session, "bob")
        first, second = make_question(session), make_question(session, tags=["a", "b"])
        # Times given with an offset are stored in UTC; they must still verify.
        third = make_question(session, deadline=datetime(2026, 3, 1, 2, tzinfo=PLUS_TWO))
        make_claim(session, ann, first, 0.7, citation_url="https://example.org/a")
        make_claim(session, bob, first, 0.2, made_at=datetime(2026, 1, 1, 7, tzinfo=PLUS_TWO))
        make_claim(session, ann, second, 0.9, verbal_phrase="almost certain")
        claim = make_claim(session, bob, third, 0.4)
        assert claim.id is not None and second.id is not None
        retract_claim(session=session, claim_id=claim.id, reason="misquoted", actor="x", now=T0)
        update_question(
            session=session,
            question_id=second.id,
            data=QuestionUpdate(tags=["b", "c"]),
            actor="x",
            now=T0,
        )
        make_resolution(session, first, Outcome.yes)
        make_resolution(
            session, first, Outcome.no, reason="misread", now=first.deadline + timedelta(days=2)
        )
    return database


def _verify(database: Database, **noted: Any) -> Verification:
    with database.reading() as session:
        return verify_ledger(session=session, **noted)


def _sql(database: Database, statement: str, **params: Any) -> None:
    with database.engine.begin() as connection:
        connection.execute(text(statement), params)


def _failed(database: Database) -> str:
    result = _verify(database)
    assert not result.ok and result.problem is not None
    return str(result.problem)


def _rehash(database: Database, entry_id: int, prev_hash: str | None = None) -> None:
    """Recompute one entry's hash from its (possibly rewritten) fields, as an attacker would."""
    with database.engine.begin() as connection:
        row = (
            connection.execute(text("SELECT * FROM ledger_entry WHERE id = :id"), {"id": entry_id})
            .mappings()
            .one()
        )
        created_at = row["created_at"]
        if isinstance(created_at, str):
            created_at = datetime.fromisoformat(created_at)
        if created_at.tzinfo is None:
            created_at = created_at.replace(tzinfo=UTC)
        prev = prev_hash or row["prev_hash"]
        digest = entry_hash(
            prev_hash=prev,
            action=row["action"],
            entity=row["entity"],
            entity_id=row["entity_id"],
            payload=row["payload"],
            actor=row["actor"],
            created_at=created_at,
        )
        connection.execute(
            text("UPDATE ledger_entry SET hash = :hash, prev_hash = :prev WHERE id = :id"),
            {"hash": digest, "prev": prev, "id": entry_id},
        )


def _entry_ids(database: Database) -> list[int]:
    with database.reading() as session:
        return list(session.execute(text("SELECT id FROM ledger_entry ORDER BY id")).scalars())


def test_an_untouched_ledger_verifies(ledger: Database) -> None:
    result = _verify(ledger)
    assert result.ok, result.problem
    assert result.count == len(_entry_ids(ledger)) == 13
    with ledger.reading() as session:
        head = chain_head(session=session)
    assert result.head == head.hash and head.count == 13 and head.id == _entry_ids(ledger)[-1]


def test_an_empty_ledger_verifies(database: Database) -> None:
    result = _verify(database)
    assert result.ok and result.count == 0 and result.head == "0" * 64


EARLIER = T0 - timedelta(days=3)
# Claim 1: ann on question 1, p 0.7, stated, cited, not retracted. Each value differs.
CLAIM_CHANGES: dict[str, object] = {
    "question_id": 3,
    "source_id": 2,
    "probability": 0.71,
    "probability_basis": "assessed",
    "verbal_phrase": "a toss-up",
    "quote": "It will not happen.",
    "made_at": EARLIER,
    "citation_url": "https://example.org/forged",
    "citation_title": "Forged",
    "publisher": "Forged Press",
    "published_at": EARLIER,
    "recorded_at": EARLIER,
    "recorded_by": "someone",
    "retracted_at": EARLIER,
    "retraction_reason": "withdrawn",
}


@pytest.mark.parametrize("column", sorted(CLAIM_CHANGES))
def test_changing_any_claim_column_is_detected(
    ledger: Database, attacker: Database, column: str
) -> None:
    _sql(ledger, f"UPDATE claim SET {column} = :value WHERE id = 1", value=CLAIM_CHANGES[column])
    problem = _failed(ledger)
    field = {"source_id": "source"}.get(column, column)
    assert problem.startswith("ledger entry 6, claim 1: it differs from what the ledger recorded")
    assert problem.endswith(f" {field}")


def test_renumbering_a_claim_is_detected(ledger: Database, attacker: Database) -> None:
    _sql(ledger, "UPDATE claim SET id = 99 WHERE id = 1")
    assert "claim 99: it is in the database but the ledger has no entry" in _failed(ledger)


# Resolution 2 corrects resolution 1 of question 1. Each value differs.
RESOLUTION_CHANGES: dict[str, object] = {
    "question_id": 2,
    "sequence": 7,
    "outcome": "annulled",
    "evidence_url": "https://example.org/forged",
    "note": "forged",
    "reason": "forged",
    "resolved_at": EARLIER,
    "resolved_by": "someone",
}


@pytest.mark.parametrize("column", sorted(RESOLUTION_CHANGES))
def test_changing_any_resolution_column_is_detected(
    ledger: Database, attacker: Database, column: str
) -> None:
    _sql(
        ledger,
        f"UPDATE resolution SET {column} = :value WHERE id = 2",
        value=RESOLUTION_CHANGES[column],
    )
    problem = _failed(ledger)
    assert problem == (
        f"ledger entry 13, resolution 2: it differs from what the ledger recorded in {column}"
    )


def test_renumbering_a_resolution_is_detected(ledger: Database, attacker: Database) -> None:
    _sql(ledger, "UPDATE resolution SET id = 99 WHERE id = 2")
    assert "resolution 99: it is in the database but the ledger has no entry" in _failed(ledger)


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("DELETE FROM claim WHERE id = 2", "records claim 2, which is no longer in the database"),
        ("DELETE FROM resolution WHERE id = 2", "records resolution 2, which is no longer"),
        ("DELETE FROM question_tag WHERE tag = 'c'", "question 2: it differs from what the"),
        ("UPDATE question SET title = 'Forged?' WHERE id = 1", "question 1: it differs"),
        ("UPDATE source SET name = 'Forged' WHERE slug = 'bob'", "source 2: it differs"),
        ("INSERT INTO question_tag (question_id, tag) VALUES (1, 'forged')", "question 1"),
    ],
)
def test_deleting_or_changing_rows_is_detected(
    ledger: Database, attacker: Database, statement: str, expected: str
) -> None:
    _sql(ledger, statement)
    assert expected in _failed(ledger)


def test_a_row_inserted_without_an_entry_is_detected(ledger: Database) -> None:
    _sql(
        ledger,
        "INSERT INTO claim (question_id, source_id, probability, probability_basis, quote,"
        " made_at, recorded_at, recorded_by) VALUES (1, 1, 0.99, 'stated', 'Forged', :t, :t, 'x')",
        t=T0,
    )
    problem = _failed(ledger)
    assert "claim 5: it is in the database but the ledger has no entry for it" in problem


def test_an_entry_rewritten_and_rehashed_alone_breaks_the_next_link(
    ledger: Database, attacker: Database
) -> None:
    ids = _entry_ids(ledger)
    target = ids[5]
    _sql(
        ledger,
        "UPDATE ledger_entry SET payload = replace(payload, '0.7', '0.9') WHERE id = :id",
        id=target,
    )
    _rehash(ledger, target)
    problem = _failed(ledger)
    assert problem.startswith(f"ledger entry {ids[6]}, claim 2: it names")
    assert f"entry {target}'s hash" in problem


def test_the_last_entry_rewritten_and_rehashed_no_longer_matches_its_row(
    ledger: Database, attacker: Database
) -> None:
    last = _entry_ids(ledger)[-1]
    _sql(
        ledger,
        "UPDATE ledger_entry SET payload = replace(payload, 'misread', 'forged') WHERE id = :id",
        id=last,
    )
    _rehash(ledger, last)
    assert "resolution 2: it differs from what the ledger recorded in reason" in _failed(ledger)


def test_an_entry_edited_without_rehashing_is_named(ledger: Database, attacker: Database) -> None:
    _sql(ledger, "UPDATE ledger_entry SET actor = 'someone' WHERE id = 3")
    assert _failed(ledger).startswith("ledger entry 3, question 1: its stored hash")


def test_reordered_entries_are_detected(ledger: Database, attacker: Database) -> None:
    _sql(ledger, "UPDATE ledger_entry SET id = -1 WHERE id = 4")
    _sql(ledger, "UPDATE ledger_entry SET id = 4 WHERE id = 5")
    _sql(ledger, "UPDATE ledger_entry SET id = 5 WHERE id = -1")
    assert _failed(ledger).startswith("ledger entry 4, question 3: it names")


def test_a_removed_entry_is_detected(ledger: Database, attacker: Database) -> None:
    _sql(ledger, "DELETE FROM ledger_entry WHERE id = 7")
    assert _failed(ledger).startswith("ledger entry 8, claim 3:")


def test_a_removed_entry_with_the_chain_rehashed_after_it_is_still_detected(
    ledger: Database, attacker: Database
) -> None:
    ids = _entry_ids(ledger)
    _sql(ledger, "DELETE FROM ledger_entry WHERE id = :id", id=ids[6])
    _relink(ledger, ids[6] - 1)
    # On SQLite the ids must run without a gap; on PostgreSQL (whose sequences skip
    # numbers after a rollback) the claim the deleted entry recorded has no entry left.
    assert not _verify(ledger).ok


def _relink(database: Database, after: int) -> None:
    """Rehash every entry after `after`, chaining each to the one before: a full rewrite."""
    ids = [i for i in _entry_ids(database) if i > after]
    with database.reading() as session:
        prev = session.execute(
            text("SELECT hash FROM ledger_entry WHERE id = :id"), {"id": after}
        ).scalar_one()
    for entry_id in ids:
        # Move the old hashes out of the way first: hash and prev_hash are unique.
        _sql(
            database,
            "UPDATE ledger_entry SET hash = 'x' || id, prev_hash = 'y' || id WHERE id = :id",
            id=entry_id,
        )
    for entry_id in ids:
        _rehash(database, entry_id, prev_hash=prev)
        with database.reading() as session:
            prev = session.execute(
                text("SELECT hash FROM ledger_entry WHERE id = :id"), {"id": entry_id}
            ).scalar_one()


def test_a_consistent_rewrite_is_caught_by_a_noted_head(
    ledger: Database, attacker: Database
) -> None:
    noted = _verify(ledger)
    with ledger.writing() as session:
        make_question(session)
    assert _verify(ledger, noted_head=noted.head, noted_count=noted.count).noted_position == 13
    # Rewrite claim 1's probability in its row and entry, and rehash the chain from there.
    _sql(ledger, "UPDATE claim SET probability = 0.75 WHERE id = 1")
    first = 6
    assert '"probability":0.7,' in _payload_of(ledger, first)
    _sql(
        ledger,
        "UPDATE ledger_entry SET payload = replace(payload, :old, :new) WHERE id = :id",
        old='"probability":0.7,',
        new='"probability":0.75,',
        id=first,
    )
    _relink(ledger, first - 1)
    assert _verify(ledger).ok  # consistent in itself ...
    result = _verify(ledger, noted_head=noted.head, noted_count=noted.count)
    assert not result.ok and result.problem is not None  # ... but not with what was noted
    assert "noted head" in str(result.problem) and "not in the chain" in str(result.problem)


def _payload_of(database: Database, entry_id: int) -> str:
    with database.reading() as session:
        payload: str = session.execute(
            text("SELECT payload FROM ledger_entry WHERE id = :id"), {"id": entry_id}
        ).scalar_one()
    return payload


def test_a_noted_head_at_another_position_is_refused(ledger: Database) -> None:
    noted = _verify(ledger)
    assert _verify(ledger, noted_head=noted.head, noted_count=noted.count).ok
    result = _verify(ledger, noted_head=noted.head, noted_count=noted.count + 1)
    assert not result.ok and "entry number 13 of the chain, not 14" in str(result.problem)
    assert not _verify(ledger, noted_head="f" * 64).ok


def test_verification_streams_without_a_query_per_entry(database: Database) -> None:
    def statements_for(claims: int) -> int:
        with database.writing() as session:
            source = make_source(session)
            for _ in range(claims):
                make_claim(session, source, make_question(session, tags=["x", "y"]))
        seen: list[str] = []

        def count(*_: object) -> None:
            seen.append("statement")

        event.listen(database.engine, "before_cursor_execute", count)
        try:
            assert _verify(database).ok
        finally:
            event.remove(database.engine, "before_cursor_execute", count)
        return len(seen)

    assert statements_for(5) == statements_for(300)


def test_two_spellings_of_one_instant_are_the_same_value() -> None:
    recorded = {"made_at": "2026-01-01T02:00:00+02:00", "quote": "x", "p": 0.5}
    current = {"made_at": "2026-01-01T00:00:00Z", "quote": "x", "p": 0.5}
    assert field_differences(recorded, current) == []
    assert field_differences(recorded, current | {"quote": "y", "extra": 1}) == ["extra", "quote"]
    assert field_differences({"t": "2026-01-01"}, {"t": "2026-01-01T00:00:00Z"}) == ["t"]


@pytest.mark.parametrize(
    ("question_id", "status", "said"),
    [
        (1, "open", "its status is open but should be resolved, as resolution 2 says"),
        (1, "due", "its status is due but should be resolved, as resolution 2 says"),
        (1, "annulled", "its status is annulled but should be resolved, as resolution 2 says"),
        (
            2,
            "resolved",
            "its status is resolved but should be open or due, as it has no resolution",
        ),
        (
            3,
            "annulled",
            "its status is annulled but should be open or due, as it has no resolution",
        ),
    ],
)
def test_a_status_its_resolutions_do_not_explain_is_detected(
    ledger: Database, question_id: int, status: str, said: str
) -> None:
    _sql(
        ledger, "UPDATE question SET status = :status WHERE id = :id", status=status, id=question_id
    )
    assert _failed(ledger) == f"question {question_id}: {said}"


def test_due_and_open_both_stand_for_an_unresolved_question(ledger: Database) -> None:
    # Marking questions due is the hourly job's business, without a ledger entry.
    _sql(ledger, "UPDATE question SET status = 'due' WHERE id = 3")
    assert _verify(ledger).ok
