"""/api/v1/questions: the propositions claims are about, and their resolutions."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response, status

from forecasts.domain import Status
from forecasts.questions import (
    QuestionFilters,
    create_question,
    list_questions,
    question_public,
    tags_by_question,
    update_question,
)
from forecasts.schemas import (
    Instant,
    Page,
    QuestionCreate,
    QuestionDetail,
    QuestionPublic,
    QuestionUpdate,
    ResolutionCreate,
    ResolutionPublic,
)
from resolvers.resolutions import resolution_public, resolve_question
from service.api.deps import (
    Editor,
    Limit,
    NowDep,
    Offset,
    PathId,
    Reader,
    ReadSessionDep,
    ReviewerRole,
    WriteSessionDep,
    get_database,
)
from service.views import question_detail_data

router = APIRouter(prefix="/questions", tags=["questions"])


@router.post("", status_code=status.HTTP_201_CREATED)
def post_question(
    data: QuestionCreate, session: WriteSessionDep, caller: Editor, now: NowDep
) -> QuestionPublic:
    """Record a new question. One whose deadline has passed starts out due."""
    question = create_question(session=session, data=data, actor=caller.actor, now=now)
    return question_public(question, data.tags)


@router.get("")
def get_questions(
    session: ReadSessionDep,
    _: Reader,
    status: Status | None = None,
    tag: str | None = None,
    source: str | None = None,
    deadline_before: Instant | None = None,
    deadline_after: Instant | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[QuestionPublic]:
    """List questions, soonest deadline first, filtered by status, tag, source or deadline."""
    filters = QuestionFilters(
        status=status,
        tag=tag,
        source=source,
        deadline_before=deadline_before,
        deadline_after=deadline_after,
    )
    items, total = list_questions(session=session, filters=filters, limit=limit, offset=offset)
    tags = tags_by_question(session=session, ids=(q.id for q in items if q.id is not None))
    return Page(
        items=[question_public(q, tags.get(q.id or 0, [])) for q in items],
        total=total,
        limit=limit,
        offset=offset,
    )


@router.get("/{question_id}", response_model=QuestionDetail)
async def get_one_question(question_id: PathId, _: Reader, request: Request) -> Response:
    """One question with every claim on it and its whole resolution history."""

    # The most read route: prepared reads, the dict written out as JSON as it is rather
    # than built into models and validated again by FastAPI (service/views.py), and kept
    # until the database changes (service/read_cache.py). The database straight from the
    # request, as post_claim takes it.
    body = await (await get_database(request)).read_json(
        ("question", question_id), lambda snapshot: question_detail_data(snapshot, question_id)
    )
    return Response(body, media_type="application/json")


@router.patch("/{question_id}")
def patch_question(
    question_id: PathId,
    data: QuestionUpdate,
    session: WriteSessionDep,
    caller: Editor,
    now: NowDep,
) -> QuestionPublic:
    """Change a question's tags or reviewer; nothing else about a question may change."""
    question = update_question(
        session=session, question_id=question_id, data=data, actor=caller.actor, now=now
    )
    tags = tags_by_question(session=session, ids=[question_id]).get(question_id, [])
    return question_public(question, tags)


@router.post("/{question_id}/resolutions", status_code=status.HTTP_201_CREATED)
def post_resolution(
    question_id: PathId,
    data: ResolutionCreate,
    session: WriteSessionDep,
    caller: ReviewerRole,
    now: NowDep,
) -> ResolutionPublic:
    """Resolve a question yes, no or annulled. A later resolution supersedes, with a reason."""
    resolution = resolve_question(
        session=session, question_id=question_id, data=data, actor=caller.actor, now=now
    )
    return resolution_public(resolution)
