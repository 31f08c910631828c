"""/api/v1/sources/{slug}/history: how a source's record moved, week by week."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from forecasts.sources import get_source
from resolvers.snapshots import SnapshotPublic, source_history
from service.api.deps import Reader, ReadSessionDep

router = APIRouter(prefix="/sources", tags=["sources"])


class SourceHistory(BaseModel):
    """A source's weekly calibration snapshots, oldest first."""

    source: str
    snapshots: list[SnapshotPublic]


@router.get("/{slug}/history")
def get_source_history(slug: str, session: ReadSessionDep, _: Reader) -> SourceHistory:
    """The source's n, Brier score, log loss, ECE and calibration table as of each week.

    Snapshots are taken once a week by the scheduler (and by `sooth remind`); they are
    the record as it stood then. For the record as it stands now, use the reports.
    """
    source = get_source(session=session, slug=slug)
    assert source.id is not None
    return SourceHistory(
        source=source.slug, snapshots=source_history(session=session, source_id=source.id)
    )
