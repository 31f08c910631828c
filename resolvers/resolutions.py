"""Recording a question's resolution, and correcting it by supersession."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from forecasts.chain import Action, append_entry
from forecasts.dialects import lock_for_update
from forecasts.domain import ConflictError, DomainError, Outcome, QuestionKind
from forecasts.models import Question, Resolution
from forecasts.prepared import Cursor
from forecasts.questions import get_question
from forecasts.schemas import ResolutionCreate, ResolutionPublic, resolution_payload


def resolution_public(resolution: Resolution) -> ResolutionPublic:
    """The API shape of one resolution."""
    return ResolutionPublic.model_validate(resolution)


def current_resolution(*, session: Session, question_id: int) -> Resolution | None:
    """The newest resolution of a question, which is the one that counts."""
    return session.exec(
        select(Resolution)
        .where(Resolution.question_id == question_id)
        .order_by(col(Resolution.sequence).desc())
        .limit(1)
    ).first()


def _lock_question(session: Session, question_id: int) -> Question:
    """Load the question, locking its row on PostgreSQL so concurrent verdicts queue up."""
    question = get_question(session=session, question_id=question_id)
    lock_for_update(session, question)
    return question


def verdict(data: ResolutionCreate, *, kind: QuestionKind) -> Outcome:
    """The outcome a resolution records: yes, no or annulled, or a measured value."""
    outcome = data.outcome
    if outcome is None:
        if data.value is None:
            field = "value" if kind is QuestionKind.quantity else "outcome"
            raise DomainError(field, "is required")
        outcome = Outcome.value
    if outcome not in kind.outcomes:
        allowed = ", ".join(o.value for o in kind.outcomes)
        if kind is QuestionKind.quantity:
            raise DomainError(
                "outcome", f'a quantity question resolves with {{"value": v}} or {allowed}'
            )
        raise DomainError("outcome", f"a yes-or-no question resolves {allowed}")
    if outcome is Outcome.value and data.value is None:
        raise DomainError("value", "is required: the measured value, in the question's unit")
    if outcome is not Outcome.value and data.value is not None:
        raise DomainError("value", f"goes with a measured value, not with outcome {outcome.value}")
    return outcome


def resolve_question(
    *, session: Session, question_id: int, data: ResolutionCreate, actor: str, now: datetime
) -> Resolution:
    """Append a resolution; a second one supersedes the first and must give a reason."""
    question = _lock_question(session, question_id)
    outcome = verdict(data, kind=question.kind)
    previous = current_resolution(session=session, question_id=question_id)
    reason = (data.reason or "").strip() or None
    if previous is not None and reason is None:
        raise DomainError(
            "reason",
            f"question {question_id} is already resolved ({previous.outcome.value}); "
            "say why this resolution supersedes it",
        )
    if outcome is Outcome.no and now < question.deadline:
        raise ConflictError(
            "outcome",
            f"a question cannot resolve no before its deadline ({question.deadline.isoformat()})",
        )
    resolution = Resolution(
        question_id=question_id,
        sequence=1 if previous is None else previous.sequence + 1,
        outcome=outcome,
        value=data.value if outcome is Outcome.value else None,
        evidence_url=data.evidence_url,
        note=data.note,
        reason=reason,
        resolved_at=now,
        resolved_by=actor,
    )
    session.add(resolution)
    question.status = outcome.status
    session.add(question)
    session.flush()
    assert resolution.id is not None
    append_entry(
        Cursor.of_session(session),
        action=Action.question_resolved if previous is None else Action.resolution_corrected,
        entity="resolution",
        entity_id=resolution.id,
        payload=resolution_payload(resolution_public(resolution)),
        actor=actor,
        now=now,
    )
    return resolution
