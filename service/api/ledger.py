"""/api/v1/ledger: the hash chain's head, and verification that nothing was rewritten."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel

from service import verification
from service.api.deps import DatabaseDep, Reader

router = APIRouter(prefix="/ledger", tags=["ledger"])

HASH_PATTERN = r"^[0-9a-f]{64}$"


class LedgerHead(BaseModel):
    """The newest entry: note its hash and count to prove later that nothing before changed."""

    hash: str
    count: int
    id: int | None
    created_at: datetime | None


class LedgerProblem(BaseModel):
    """The first mismatch found: what is wrong, and in which entry or row."""

    message: str
    entry_id: int | None
    entity: str | None
    entity_id: int | None


class LedgerVerification(BaseModel):
    """Whether the chain and the tables agree; `problem` names the first mismatch."""

    ok: bool
    entries: int
    head: str
    problem: LedgerProblem | None
    noted_position: int | None


@router.get("/head")
def get_head(database: DatabaseDep, _: Reader) -> LedgerHead:
    """The latest entry's hash, its id and time, and how many entries the chain holds."""
    head = verification.head(database)
    return LedgerHead(hash=head.hash, count=head.count, id=head.id, created_at=head.created_at)


@router.get("/verify")
def get_verification(
    database: DatabaseDep,
    _: Reader,
    head: Annotated[
        str | None,
        Query(
            pattern=HASH_PATTERN,
            description="A head hash noted earlier: check it is still in the chain.",
        ),
    ] = None,
    count: Annotated[
        int | None,
        Query(ge=1, description="The count noted with that head: its position must match."),
    ] = None,
) -> LedgerVerification:
    """Recompute the chain and compare every source, question, claim and resolution with it."""
    result = verification.verify(database, noted_head=head, noted_count=count)
    problem = result.problem
    return LedgerVerification(
        ok=result.ok,
        entries=result.count,
        head=result.head,
        problem=None
        if problem is None
        else LedgerProblem(
            message=str(problem),
            entry_id=problem.entry_id,
            entity=problem.entity,
            entity_id=problem.entity_id,
        ),
        noted_position=result.noted_position,
    )
