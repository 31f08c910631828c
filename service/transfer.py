"""Import and export of the ledger: CSV or JSON lines in, JSON lines out.

Import is all-or-nothing per file: every row is tried inside one transaction, each in a
savepoint, and any error rolls the whole file back after listing every bad row. A claim
already on the record is skipped and counted, so importing a file again adds nothing.
Export writes sources, reviewers, questions, claims and resolutions with their ids and
timestamps, then the ledger's entries as they are, and importing that file into an empty
database restores it exactly: the same rows, and the same chain, entry for entry, with
its head hash (retractions and question updates are entries of their own, which
re-deriving the chain from the rows would fold in). An import checks the restored tables
against the restored chain, as `sooth verify` would. An export without entries (from
before they were exported) is restored with one entry per row, as it was.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy import func
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, SQLModel, col, select

from forecasts.chain import Action, append_entry
from forecasts.claims import claim_payload, claim_record, record_claim
from forecasts.dialects import move_sequences_past_ids
from forecasts.domain import DomainError, RepeatError, probability_from_text
from forecasts.models import Claim, LedgerEntry, Question, QuestionTag, Resolution, Reviewer, Source
from forecasts.prepared import Cursor
from forecasts.questions import question_payload, question_public, tags_by_question
from forecasts.schemas import ClaimCreate, resolution_payload
from forecasts.sources import source_public
from forecasts.verify import verify_ledger
from resolvers.resolutions import resolution_public

RECORD_TYPES = ("source", "reviewer", "question", "claim", "resolution", "ledger_entry")
CSV_LIST_SEPARATOR = ";"
# The columns a claims CSV may have, with what each holds; a row gives question_id or the
# question_ columns, and a probability (or verbal_phrase) or the quantity_ columns.
CSV_COLUMNS: tuple[tuple[str, str], ...] = (
    ("source", "the slug of an existing source (required)"),
    ("quote", "the words the claim was made in (required)"),
    ("made_at", "when it was made, with a time zone: 2023-08-01T12:00:00Z (required)"),
    ("probability", "0 to 1, or a percentage: 0.6, 60%"),
    ("verbal_phrase", "the hedge it was made in, from the verbal scale: very likely"),
    ("probability_basis", "stated, verbal or assessed"),
    ("quantity_point", "on a quantity question: the value forecast"),
    ("quantity_low", "on a quantity question: the low end of a range"),
    ("quantity_high", "on a quantity question: the high end of a range"),
    ("quantity_confidence", "how likely the range is to hold the value, 0 to 1: 0.8"),
    ("citation_url", "where the claim was published"),
    ("citation_title", "the title of the article cited"),
    ("publisher", "who published it"),
    ("published_at", "when the article was published, with a time zone"),
    ("question_id", "an existing question; or give the question_ columns below"),
    ("question_title", "a new question's title"),
    ("question_resolution_criteria", "how it will be decided"),
    ("question_deadline", "when it closes, with a time zone"),
    ("question_tags", "its tags, separated by ;"),
    ("question_kind", "binary (the default) or quantity"),
    ("question_unit", "a quantity question's unit: %"),
    ("question_reviewer_id", "the reviewer who resolves it"),
)


@dataclass(frozen=True)
class RowError:
    """One bad row: where it is, which field, and what is wrong."""

    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.field}: {self.message}"


@dataclass
class ImportResult:
    """What an import did, or every reason it did nothing."""

    rows: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    errors: list[RowError] = field(default_factory=list)
    # Claims already on the record (an earlier import of the same file): skipped.
    repeated: int = 0

    @property
    def ok(self) -> bool:
        """True when the file was imported."""
        return not self.errors


class ImportFailedError(Exception):
    """Raised inside the import transaction so that it rolls back; carries the errors."""

    def __init__(self, result: ImportResult) -> None:
        super().__init__(f"{len(result.errors)} bad rows")
        self.result = result


def read_rows(path: Path) -> list[tuple[int, dict[str, Any]]]:
    """The file's rows with their line numbers: CSV by its .csv suffix, JSON lines otherwise."""
    raw = path.read_bytes()
    try:
        # Decoded as is: reading as text would turn a quote's CR LF into LF.
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return [(line, {"__error__": f"is not UTF-8 text (byte {error.start + 1} of the file)"})]
    if path.suffix.lower() == ".csv":
        return list(_csv_rows(content))
    return list(_json_rows(content))


def _json_rows(content: str) -> Iterator[tuple[int, dict[str, Any]]]:
    # Lines end at LF only: str.splitlines() would also split inside a JSON string at
    # U+2028, U+0085 and the like, which an export writes unescaped.
    for number, line in enumerate(content.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            yield number, {"__error__": f"not valid JSON ({error.msg} at column {error.colno})"}
            continue
        yield number, row if isinstance(row, dict) else {"__error__": "each line must be an object"}


def _csv_rows(content: str) -> Iterator[tuple[int, dict[str, Any]]]:
    reader = csv.DictReader(io.StringIO(content, newline=""))
    try:
        for row in reader:
            yield reader.line_num, _csv_claim(row)
    except csv.Error as error:
        yield reader.line_num, {"__error__": f"cannot be read as CSV ({error})"}


def _csv_claim(row: dict[str | Any, Any]) -> dict[str, Any]:
    claim: dict[str, Any] = {}
    question: dict[str, Any] = {}
    quantity: dict[str, Any] = {}
    for name, value in row.items():
        if name is None or value is None or value == "":
            continue
        if name.startswith("question_") and name != "question_id":
            question[name.removeprefix("question_")] = value
        elif name.startswith("quantity_"):
            quantity[name.removeprefix("quantity_")] = value
        elif name == "probability":
            claim[name] = _probability_cell(value)
        else:
            claim[name] = value
    if quantity:
        claim["quantity"] = quantity
    if "tags" in question:
        question["tags"] = [t for t in question["tags"].split(CSV_LIST_SEPARATOR) if t.strip()]
    if question:
        claim["question"] = question
    return claim


def _probability_cell(value: str) -> str | float:
    """'60%' as 0.6, as the forms take it; anything unreadable is left for validation to name."""
    try:
        return probability_from_text(value)
    except ValueError:
        return value


def import_rows(
    *,
    session: Session,
    rows: Iterable[tuple[int, dict[str, Any]]],
    actor: str,
    now: datetime,
    progress: Callable[[int], None] = lambda _: None,
) -> ImportResult:
    """Import every row or none: raises ImportFailedError, listing all bad rows, to roll back."""
    result = ImportResult()
    restoring = False
    rows = list(rows)
    chained = any(row.get("type") == "ledger_entry" for _, row in rows)
    for line, row in rows:
        result.rows += 1
        kind = str(row.pop("type", "claim"))
        try:
            if "__error__" in row:
                raise DomainError("line", row["__error__"])
            if kind != "claim" or "id" in row:
                if not restoring:
                    _require_empty(session)
                    restoring = True
                _restore_in_savepoint(session, kind, row, chained=chained)
            else:
                with session.begin_nested():
                    record_claim(
                        session=session, data=ClaimCreate.model_validate(row), actor=actor, now=now
                    )
            result.counts[kind] = result.counts.get(kind, 0) + 1
        except RepeatError:
            result.repeated += 1
        except ValidationError as error:
            for problem in error.errors():
                where = ".".join(str(part) for part in problem["loc"]) or kind
                result.errors.append(RowError(line, where, problem["msg"]))
        except DomainError as error:
            result.errors.append(RowError(line, error.field, error.message))
        progress(1)
    if result.errors:
        raise ImportFailedError(result)
    if restoring:
        _reset_sequences(session)
    if chained:
        session.flush()
        mismatch = verify_ledger(session=session).problem
        if mismatch is not None:
            result.errors.append(
                RowError(0, "ledger_entry", f"the restored ledger does not verify: {mismatch}")
            )
            raise ImportFailedError(result)
    return result


def _restore_in_savepoint(
    session: Session, kind: str, row: dict[str, Any], *, chained: bool
) -> None:
    """Restore one exported row, or refuse it as a row error if it is not one."""
    try:
        with session.begin_nested():
            _restore(session, kind, row, chained=chained)
    except (DomainError, ValidationError):
        raise
    except (SQLAlchemyError, TypeError, ValueError) as error:
        # Export rows are not validated field by field: a mangled one fails in the model or
        # the database, and the savepoint has already undone it.
        reason = str(getattr(error, "orig", None) or error).splitlines()[0]
        raise DomainError(kind, f"is not a row of an export ({reason})") from error


def _require_empty(session: Session) -> None:
    for model in (Source, Question, Claim, Resolution, Reviewer, LedgerEntry):
        if session.exec(select(func.count()).select_from(model)).one():
            raise DomainError(
                "type",
                "an export (rows with ids) restores only into an empty database; "
                f"this one already has {model.__tablename__} rows",
            )


_MODELS: dict[str, type[SQLModel]] = {
    "source": Source,
    "reviewer": Reviewer,
    "question": Question,
    "claim": Claim,
    "resolution": Resolution,
    "ledger_entry": LedgerEntry,
}


def _restore(session: Session, kind: str, row: dict[str, Any], *, chained: bool) -> None:
    """Insert one exported row as it was; without the file's chain, log it as it was written."""
    if kind not in _MODELS:
        raise DomainError("type", f"unknown record type {kind!r}; expected one of {RECORD_TYPES}")
    tags = row.pop("tags", []) if kind == "question" else []
    if kind == "claim":
        slug = row.pop("source", None)
        source = session.exec(select(Source).where(Source.slug == slug)).first()
        if source is None:
            raise DomainError("source", f"no source with slug {slug!r} earlier in the file")
        row["source_id"] = source.id
    instance = _MODELS[kind].model_validate(row)
    for name in _MODELS[kind].model_fields:
        value = getattr(instance, name)
        if isinstance(value, str) and name.endswith(("_at", "deadline")):
            setattr(instance, name, datetime.fromisoformat(value))
    session.add(instance)
    session.flush()
    for tag in tags:
        session.add(QuestionTag(question_id=row["id"], tag=tag))
    session.flush()
    if not chained:
        _log_restored(session, kind, instance, tags)


def _log_restored(session: Session, kind: str, instance: Any, tags: list[str]) -> None:
    if kind == "source":
        action, payload = Action.source_created, source_public(instance).model_dump(mode="json")
        actor, when = instance.created_by, instance.created_at
    elif kind == "question":
        action = Action.question_created
        payload = question_payload(question_public(instance, tags))
        actor, when = instance.created_by, instance.created_at
    elif kind == "claim":
        slug = session.get(Source, instance.source_id)
        assert slug is not None
        action, payload = (
            Action.claim_recorded,
            claim_payload(claim_record(instance, slug.slug)),
        )
        actor, when = instance.recorded_by, instance.recorded_at
    elif kind == "resolution":
        action = Action.question_resolved if instance.sequence == 1 else Action.resolution_corrected
        payload = resolution_payload(resolution_public(instance))
        actor, when = instance.resolved_by, instance.resolved_at
    else:
        return
    append_entry(
        Cursor.of_session(session),
        action=action,
        entity=kind,
        entity_id=instance.id,
        payload=payload,
        actor=actor,
        now=when,
    )


def _reset_sequences(session: Session) -> None:
    """After inserting explicit ids, move PostgreSQL's sequences past them."""
    move_sequences_past_ids(
        session, ("source", "reviewer", "question", "claim", "resolution", "ledger_entry")
    )


def export_records(*, session: Session) -> Iterator[dict[str, Any]]:
    """Every source, reviewer, question, claim and resolution, in an order import can replay."""
    for source in session.exec(select(Source).order_by(col(Source.id))):
        yield {"type": "source", **source.model_dump(mode="json")}
    for reviewer in session.exec(select(Reviewer).order_by(col(Reviewer.id))):
        yield {"type": "reviewer", **reviewer.model_dump(mode="json")}
    questions = session.exec(select(Question).order_by(col(Question.id))).all()
    tags = tags_by_question(session=session, ids=(q.id for q in questions if q.id is not None))
    for question in questions:
        yield {
            "type": "question",
            **question.model_dump(mode="json"),
            "tags": tags.get(question.id or 0, []),
        }
    slugs = dict(session.exec(select(Source.id, Source.slug)).all())
    for claim in session.exec(select(Claim).order_by(col(Claim.id))):
        record = claim.model_dump(mode="json")
        record["source"] = slugs[record.pop("source_id")]
        yield {"type": "claim", **record}
    for resolution in session.exec(select(Resolution).order_by(col(Resolution.id))):
        yield {"type": "resolution", **resolution.model_dump(mode="json")}
    for entry in session.exec(select(LedgerEntry).order_by(col(LedgerEntry.id))):
        yield {"type": "ledger_entry", **entry.model_dump(mode="json")}


def write_export(*, session: Session, out: io.TextIOBase | Any) -> int:
    """Write the export as JSON lines to `out`; returns the number of records."""
    count = 0
    for record in export_records(session=session):
        out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
        count += 1
    return count
