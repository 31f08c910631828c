"""The demo ledger scaled up for benchmarks: written in bulk, chained as the services chain it.

The demo data is loaded through the services; then sources, questions with tags, claims,
retractions and resolutions are generated (seeded) and inserted in batches, each with
the ledger entry the service would have appended: the same public payloads, hashed in
order onto the demo's head. `sooth verify` passes on the result.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Table, func, insert, select, text
from sqlmodel import SQLModel

from forecasts.chain import Action, canonical_json, entry_hash
from forecasts.claims import claim_payload, claim_record
from forecasts.domain import Basis, Outcome, SourceKind, Status
from forecasts.models import Claim, LedgerEntry, Question, QuestionTag, Resolution, Source
from forecasts.questions import question_payload, question_public
from forecasts.schemas import ResolutionPublic, resolution_payload
from forecasts.sources import source_public
from service.database import Database
from service.demo import load_demo
from service.migrations_runner import migrate

# Bumped whenever the generated rows or payloads change, so cached ledgers are rebuilt.
GENERATOR_VERSION = 2
CLAIMS_PER_QUESTION = 4
EXTRA_SOURCES = 200
TAGS = [f"topic-{n:02d}" for n in range(30)]
ACTOR = "bench"
DEMO_LOADED_AT = datetime(2025, 6, 1, tzinfo=UTC)
WRITTEN_FROM = datetime(2025, 7, 1, tzinfo=UTC)
RESOLVED_FROM = datetime(2026, 3, 1, tzinfo=UTC)
FIRST_DEADLINE = datetime(2025, 9, 1, tzinfo=UTC)
MADE_AT = datetime(2025, 6, 15, tzinfo=UTC)
"""Every generated claim was made then: before every deadline (a benchmark may use it too)."""
BATCH = 5000


@dataclass
class LedgerFacts:
    """What a benchmark needs to know about the generated ledger."""

    claims: int = 0
    question_ids: list[int] = field(default_factory=list)
    source_slugs: list[str] = field(default_factory=list)
    entries: int = 0


@dataclass
class _Chain:
    """The running head of the chain and the entries waiting to be inserted."""

    head: str
    clock: datetime
    entries: list[dict[str, Any]] = field(default_factory=list)

    def tick(self) -> datetime:
        """The time of the next write: a second after the last."""
        self.clock += timedelta(seconds=1)
        return self.clock

    def append(self, action: Action, entity: str, entity_id: int, payload: dict[str, Any]) -> None:
        """Chain an entry written at the current tick."""
        body = canonical_json(payload)
        digest = entry_hash(
            prev_hash=self.head,
            action=action.value,
            entity=entity,
            entity_id=entity_id,
            payload=body,
            actor=ACTOR,
            created_at=self.clock,
        )
        self.entries.append(
            {
                "action": action.value,
                "entity": entity,
                "entity_id": entity_id,
                "payload": body,
                "actor": ACTOR,
                "created_at": self.clock,
                "prev_hash": self.head,
                "hash": digest,
            }
        )
        self.head = digest


def _row(instance: SQLModel, table: Table) -> dict[str, Any]:
    return {column.name: getattr(instance, column.name) for column in table.columns}


def _insert(connection: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    for start in range(0, len(rows), BATCH):
        connection.execute(insert(table), list(rows[start : start + BATCH]))


def _next_id(connection: Connection, table: Table) -> int:
    return int(connection.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one()) + 1


def build_ledger(url: str, *, claims: int = 100_000, seed: int = 7) -> LedgerFacts:
    """Migrate `url`, load the demo, and scale it up to `claims` claims in total."""
    migrate(url)
    database = Database(url)
    try:
        with database.writing() as session:
            load_demo(session=session, now=DEMO_LOADED_AT)
        with database.engine.begin() as connection:
            _generate(connection, claims=claims, rng=random.Random(seed))
            if database.dialect == "postgresql":
                _reset_sequences(connection)
                connection.execute(text("ANALYZE"))
        return ledger_facts(database)
    finally:
        database.dispose()


def ledger_facts(database: Database) -> LedgerFacts:
    """Counts, question ids and source slugs of an existing ledger."""
    with database.engine.connect() as connection:
        return LedgerFacts(
            claims=int(connection.execute(text("SELECT count(*) FROM claim")).scalar_one()),
            question_ids=list(
                connection.execute(text("SELECT id FROM question ORDER BY id")).scalars()
            ),
            source_slugs=list(
                connection.execute(text("SELECT slug FROM source ORDER BY id")).scalars()
            ),
            entries=int(connection.execute(text("SELECT count(*) FROM ledger_entry")).scalar_one()),
        )


def _generate(connection: Connection, *, claims: int, rng: random.Random) -> None:
    tables: dict[type[SQLModel], Table] = {
        model: model.__table__  # type: ignore[union-attr]
        for model in (Source, Question, QuestionTag, Claim, Resolution, LedgerEntry)
    }
    head = connection.execute(
        select(tables[LedgerEntry].c.hash).order_by(tables[LedgerEntry].c.id.desc()).limit(1)
    ).scalar_one()
    chain = _Chain(head=head, clock=WRITTEN_FROM)
    existing = int(connection.execute(select(func.count()).select_from(tables[Claim])).scalar_one())
    wanted = max(claims - existing, 0)

    sources = list(_sources(connection, tables[Source], chain, rng))
    slugs = {source.id: source.slug for source in sources}
    slugs |= dict(connection.execute(select(tables[Source].c.id, tables[Source].c.slug)).all())
    source_ids = [source_id for source_id in slugs if source_id is not None]

    question_id = _next_id(connection, tables[Question])
    claim_id = _next_id(connection, tables[Claim])
    questions: list[Question] = []
    tags: list[dict[str, Any]] = []
    claim_rows: list[Claim] = []
    while len(claim_rows) < wanted:
        deadline = FIRST_DEADLINE + timedelta(days=rng.randrange(0, 1000))
        question = Question(
            id=question_id,
            title=f"Will event {question_id} happen before {deadline.date().isoformat()}?",
            resolution_criteria="Yes if two major outlets report that it happened. No otherwise.",
            deadline=deadline,
            status=Status.due if deadline < RESOLVED_FROM else Status.open,
            created_at=chain.tick(),
            created_by=ACTOR,
        )
        question_tags = sorted(rng.sample(TAGS, rng.randint(1, 3)))
        chain.append(
            Action.question_created,
            "question",
            question_id,
            question_payload(question_public(question, question_tags)),
        )
        questions.append(question)
        tags.extend({"question_id": question_id, "tag": tag} for tag in question_tags)
        for _ in range(min(CLAIMS_PER_QUESTION, wanted - len(claim_rows))):
            source_id = rng.choice(source_ids)
            claim = Claim(
                id=claim_id,
                question_id=question_id,
                source_id=source_id,
                probability=rng.randrange(1, 100) / 100,
                probability_basis=Basis.stated,
                quote=f"I put the chances of event {question_id} at what I said.",
                made_at=MADE_AT,
                citation_url=f"https://news.example.org/{question_id}/{claim_id}",
                citation_title=f"Interview {claim_id}",
                publisher="Example News",
                published_at=MADE_AT,
                recorded_at=chain.tick(),
                recorded_by=ACTOR,
            )
            chain.append(
                Action.claim_recorded,
                "claim",
                claim_id,
                claim_payload(claim_record(claim, slugs[source_id])),
            )
            claim_rows.append(claim)
            claim_id += 1
        question_id += 1

    chain.clock = RESOLVED_FROM
    resolutions = list(_resolutions(connection, tables[Resolution], questions, chain, rng))
    for claim in rng.sample(claim_rows, len(claim_rows) // 50):
        claim.retracted_at = chain.tick()
        claim.retraction_reason = "The quote was misattributed."
        assert claim.id is not None
        chain.append(
            Action.claim_retracted,
            "claim",
            claim.id,
            claim_payload(claim_record(claim, slugs[claim.source_id])),
        )

    _insert(connection, tables[Source], [_row(s, tables[Source]) for s in sources])
    _insert(connection, tables[Question], [_row(q, tables[Question]) for q in questions])
    _insert(connection, tables[QuestionTag], tags)
    _insert(connection, tables[Claim], [_row(c, tables[Claim]) for c in claim_rows])
    _insert(connection, tables[Resolution], [_row(r, tables[Resolution]) for r in resolutions])
    _insert(connection, tables[LedgerEntry], chain.entries)


def _sources(
    connection: Connection, table: Table, chain: _Chain, rng: random.Random
) -> Iterator[Source]:
    first = _next_id(connection, table)
    kinds = list(SourceKind)
    for number in range(EXTRA_SOURCES):
        source = Source(
            id=first + number,
            slug=f"pundit-{number:03d}",
            name=f"Pundit {number:03d}",
            kind=kinds[number % len(kinds)],
            description="A generated source with opinions on everything.",
            created_at=chain.tick(),
            created_by=ACTOR,
        )
        payload = source_public(source).model_dump(mode="json")
        chain.append(Action.source_created, "source", first + number, payload)
        yield source


def _resolutions(
    connection: Connection,
    table: Table,
    questions: Iterable[Question],
    chain: _Chain,
    rng: random.Random,
) -> Iterator[Resolution]:
    resolution_id = _next_id(connection, table)
    for question in questions:
        if question.deadline >= RESOLVED_FROM or rng.random() < 0.2:
            continue
        outcome = Outcome.yes if rng.random() < 0.45 else Outcome.no
        assert question.id is not None
        resolution = Resolution(
            id=resolution_id,
            question_id=question.id,
            sequence=1,
            outcome=outcome,
            evidence_url=f"https://news.example.org/outcome/{question.id}",
            resolved_at=chain.tick(),
            resolved_by=ACTOR,
        )
        chain.append(
            Action.question_resolved,
            "resolution",
            resolution_id,
            resolution_payload(ResolutionPublic.model_validate(resolution)),
        )
        question.status = outcome.status
        resolution_id += 1
        yield resolution


def _reset_sequences(connection: Connection) -> None:
    """After explicit ids, move PostgreSQL's sequences past them."""
    for table in ("source", "question", "claim", "resolution", "ledger_entry"):
        connection.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
            )
        )
