"""/api/v1/sources/{slug}/history: how a source's record moved, week by week."""

from __future__ import annotations

from fastapi import APIRouter, Response
from pydantic import BaseModel

from forecasts.charts import WIDTH_PX, history_chart_png
from forecasts.sources import get_source
from resolvers.snapshots import SnapshotPublic, source_history
from service.api.deps import Reader, ReadSessionDep
from service.api.reports import ChartWidth

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


@router.get(
    "/{slug}/history.png",
    response_class=Response,
    responses={200: {"content": {"image/png": {}}, "description": "A PNG chart."}},
)
def get_source_history_chart(
    slug: str, session: ReadSessionDep, _: Reader, width: ChartWidth = WIDTH_PX
) -> Response:
    """The source's Brier score and number of scored claims week by week, as a PNG."""
    source = get_source(session=session, slug=slug)
    assert source.id is not None
    weeks = source_history(session=session, source_id=source.id)
    png = history_chart_png(
        weeks=[week.week for week in weeks],
        brier=[week.brier for week in weeks],
        n=[week.n for week in weeks],
        title=f"{source.name}: week by week",
        width=width,
    )
    return Response(content=png, media_type="image/png")
