"""/api/v1/ledger: the hash chain's head, and verification that nothing was rewritten."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from forecasts.domain import NotFoundError, Role
from forecasts.models import LedgerVerification as StoredVerification
from forecasts.schemas import Page
from forecasts.witness import list_signed_heads, signed_at_text
from service import verification, witness
from service.api.deps import DatabaseDep, Limit, NowDep, Offset, Reader, SettingsDep

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
    verified_at: datetime = Field(description="When the verification reported here started.")
    stored: bool = Field(
        description="True: the latest stored result (the scheduler runs one hourly); "
        "false: run for this request, as admins' are."
    )


class LedgerKey(BaseModel):
    """The public key that checks signed heads."""

    algorithm: str
    public_key: str = Field(description="Base64 of the 32 raw bytes of the Ed25519 public key.")


class SignedHeadPublic(BaseModel):
    """A head the service signed: the signature covers the UTF-8 bytes of
    "sooth-ledger-head\\n{count}\\n{hash}\\n{signed_at}", signed_at exactly as given here.
    """

    count: int
    hash: str
    signed_at: str
    signature: str


@router.get("/head")
def get_head(database: DatabaseDep, _: Reader) -> LedgerHead:
    """The latest entry's hash, its id and time, and how many entries the chain holds."""
    head = verification.head(database)
    return LedgerHead(hash=head.hash, count=head.count, id=head.id, created_at=head.created_at)


@router.get(
    "/verify",
    responses={
        404: {
            "description": "No verification is stored yet: the scheduler runs one hourly.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        }
    },
)
def get_verification(
    database: DatabaseDep,
    caller: Reader,
    now: NowDep,
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
    """The latest stored verification of the chain and the tables; admins run a new one.

    A full verification reads the whole ledger: the scheduler runs one hourly and stores
    it, and that stored result is what readers get. A noted head is looked up in the
    chain as it is now. An admin's request runs a full verification at once.
    """
    if caller.key is not None and caller.key.role is Role.admin:
        noted = head is not None
        result, row = witness.run_verification(
            database=database,
            clock=lambda: now,
            run_by=caller.actor,
            noted_head=head,
            noted_count=count,
            store=not noted,  # a mistyped head is the caller's problem, not the ledger's
        )
        return _shaped(row, noted_position=result.noted_position, stored=False)
    with database.reading() as session:
        stored = witness.latest_verification(session=session)
        if stored is None:
            raise NotFoundError(
                "verification",
                "the ledger has not been verified yet: the scheduler verifies it hourly, "
                "and an admin can run a verification with this route or `sooth verify`",
            )
        if head is None:
            return _shaped(stored, noted_position=None, stored=True)
        problem, position = witness.noted_head_problem(session=session, head=head, count=count)
    shaped = _shaped(stored, noted_position=position, stored=True)
    if problem is not None and shaped.ok:
        shaped.ok = False
        shaped.problem = LedgerProblem(
            message=str(problem), entry_id=None, entity=None, entity_id=None
        )
    return shaped


def _shaped(
    row: StoredVerification, *, noted_position: int | None, stored: bool
) -> LedgerVerification:
    problem = None
    if row.problem is not None:
        problem = LedgerProblem(
            message=row.problem, entry_id=row.entry_id, entity=row.entity, entity_id=row.entity_id
        )
    return LedgerVerification(
        ok=row.ok,
        entries=row.count,
        head=row.head,
        problem=problem,
        noted_position=noted_position,
        verified_at=row.started_at,
        stored=stored,
    )


@router.get("/key")
def get_key(settings: SettingsDep, _: Reader) -> LedgerKey:
    """The Ed25519 public key that checks the signatures of /ledger/heads."""
    return LedgerKey(
        algorithm="ed25519", public_key=witness.public_key_text(witness.signing_key(settings))
    )


@router.get("/heads")
def get_heads(
    database: DatabaseDep, _: Reader, limit: Limit = 50, offset: Offset = 0
) -> Page[SignedHeadPublic]:
    """Signed heads, newest first: save them, and check them later with `sooth verify --heads`."""
    with database.reading() as session:
        heads, total = list_signed_heads(session=session, limit=limit, offset=offset)
        items = [
            SignedHeadPublic(
                count=head.count,
                hash=head.hash,
                signed_at=signed_at_text(head.signed_at),
                signature=head.signature,
            )
            for head in heads
        ]
    return Page(items=items, total=total, limit=limit, offset=offset)
