"""Feed to articles to candidates to accepted claims, over HTTP from a local server."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from fastapi.testclient import TestClient

from service.database import Database
from service.feeds import feed_poll
from service.scheduler import FEED_POLL, JobRunner
from service.settings import Settings
from tests.conftest import MutableClock
from tests.intake.web import LEVY, RATES, Route, atom, rss, serving


def test_feed_entries_become_accepted_claims(
    app_factory: Callable[..., TestClient],
    settings: Settings,
    database: Database,
    clock: MutableClock,
    editor: dict[str, str],
) -> None:
    local = settings.model_copy(update={"intake_allow_private": True})
    with serving() as site, app_factory(intake_allow_private=True) as client:
        site.routes.update(
            {
                "/levy": Route(LEVY),
                "/rates": Route(RATES),
                "/rss": Route(rss(title="Harbour", links=[site.url("/levy")]), etag='"v1"'),
                "/atom": Route(atom(title="Business", links=[site.url("/rates")])),
            }
        )
        for path in ("/rss", "/atom"):
            added = client.post(
                "/api/v1/feeds", json={"url": site.url(path), "tags": ["harbour"]}, headers=editor
            )
            assert added.status_code == 201, added.text

        poll = feed_poll(local, database)
        result = JobRunner(database, clock=clock).run_io(FEED_POLL, poll)
        assert result is not None and result.count == 2

        pending = client.get("/api/v1/candidates?status=pending&limit=500", headers=editor).json()
        sentences = {c["sentence"]: c for c in pending["items"]}
        ruiz = next(c for s, c in sentences.items() if "70% chance" in s)
        moodys = next(c for s, c in sentences.items() if "Moody's" in s)
        assert pending["total"] == len(pending["items"]) >= 3

        recorded = []
        for number, candidate in enumerate((ruiz, moodys), start=1):
            response = client.post(
                f"/api/v1/candidates/{candidate['id']}/accept",
                json={
                    "new_source": {
                        "slug": f"source-{number}",
                        "name": f"S {number}",
                        "kind": "person",
                    },
                    "question": {
                        "title": f"Question {number}?",
                        "resolution_criteria": "Yes if it happens.",
                        "deadline": "2026-01-01T00:00:00Z",
                        "tags": ["harbour"],
                    },
                },
                headers=editor,
            )
            assert response.status_code == 201, response.text
            recorded.append(response.json()["claim"])

        article = client.get(
            f"/api/v1/candidates?article_id={ruiz['article_id']}", headers=editor
        ).json()["items"]
        assert {c["status"] for c in article if c["id"] == ruiz["id"]} == {"accepted"}
        assert recorded[0]["citation_url"] == site.url("/levy")
        assert recorded[0]["publisher"] == "The Harbour Times"
        assert recorded[1]["citation_title"] == "Banks brace for a cut"
        assert recorded[1]["probability_basis"] == "verbal"
        claims = client.get("/api/v1/claims").json()
        assert claims["total"] == 2

        clock.advance(timedelta(minutes=local.feed_poll_minutes))
        again = JobRunner(database, clock=clock).run_io(FEED_POLL, poll)
        assert again is not None and again.count == 0
        after = client.get("/api/v1/candidates?limit=500", headers=editor).json()
        assert after["total"] == pending["total"]
