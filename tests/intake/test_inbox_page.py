"""The /inbox page: pending candidates by article, accepted one or several at once, rejected."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

import httpx
from fastapi.testclient import TestClient
from sqlmodel import select

from forecasts.domain import CandidateStatus
from forecasts.models import Claim, ClaimCandidate
from service.articles import IntakeResult, prepare_text, store_prepared
from service.database import Database
from service.demo import demo_article
from service.pages.inbox import ARTICLES_SHOWN
from tests.factories import make_source
from tests.intake.forms import form_in

LEVY = (
    "Council splits over transit levy\n\n"
    '"There is a 70% chance that the levy passes by the end of the year," said council '
    "member Ana Ruiz.\n\n"
    "The weather was sunny on Tuesday and the council met at noon.\n\n"
    "Oleksiy Danilov said a second mutiny would not be much delayed.\n"
)
PUBLISHED = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)
QUESTION = {
    "title": "Will the transit levy pass before 2025?",
    "resolution_criteria": "Yes if the council adopts it before 2025.",
    "deadline": "2025-01-01T00:00",
}


def stored(database: Database, text: str = LEVY) -> IntakeResult:
    prepared = prepare_text(
        text=text, url="https://news.example/levy", title="Levy", published_at=PUBLISHED
    )
    with database.writing() as session:
        result, _ = store_prepared(
            session=session, prepared=prepared, feed_id=None, actor="test", now=PUBLISHED
        )
    return result


def accept_form(
    page: str, article_id: int, ids: list[int], **changes: dict[str, str]
) -> dict[str, Any]:
    _, fields = form_in(page, f"article-{article_id}")
    for number, values in changes.items():
        fields |= {f"c{number.removeprefix('c')}-{k}": v for k, v in values.items()}
    return fields | {"listed": [str(i) for i in ids]}


def reject_token(page: str, candidate_id: int) -> str:
    match = re.search(
        rf'id="reject-{candidate_id}"[^>]*><input type="hidden" name="csrf_token" '
        r'value="([^"]+)"',
        page,
    )
    assert match is not None
    return match.group(1)


def statuses(database: Database) -> dict[int, CandidateStatus]:
    with database.reading() as session:
        return {c.id: c.status for c in session.exec(select(ClaimCandidate)).all() if c.id}


def claims(database: Database) -> list[Claim]:
    with database.reading() as session:
        return list(session.exec(select(Claim)).all())


def test_the_inbox_asks_to_sign_in(client: TestClient, database: Database) -> None:
    stored(database)
    page = client.get("/inbox")
    assert page.status_code == 200
    assert "/login?next=/inbox" in page.text
    assert "70% chance" not in page.text


def test_pending_candidates_are_grouped_by_article_with_the_sentence_marked(
    editor_client: TestClient, database: Database
) -> None:
    result = stored(database)
    with database.writing() as session:
        make_source(session, "oleksiy-danilov", name="Oleksiy Danilov")
    page = editor_client.get("/inbox").text
    article = result.article.id
    assert f'id="article-{article}"' in page
    assert '<span class="candidate__span">' in page
    assert "weather was sunny" not in page
    danilov = next(c for c in result.candidates if "mutiny" in c.sentence)
    _, fields = form_in(page, f"article-{article}")
    assert fields[f"c{danilov.id}-source"] == "oleksiy-danilov"  # suggested and chosen
    assert fields[f"c{danilov.id}-made_at"] == "2024-03-01T09:00"
    ruiz = next(c for c in result.candidates if "70%" in c.sentence)
    assert fields[f"c{ruiz.id}-new_name"] == "Ana Ruiz"
    assert fields[f"c{ruiz.id}-new_slug"] == "ana-ruiz"
    assert fields[f"c{ruiz.id}-probability"] == "0.7"


def test_accepting_one_records_its_claim_and_it_leaves_the_inbox(
    editor_client: TestClient, database: Database
) -> None:
    result = stored(database)
    ruiz = next(c for c in result.candidates if "70%" in c.sentence)
    page = editor_client.get("/inbox").text
    ids = [c.id for c in result.candidates]
    data = accept_form(page, result.article.id, ids, **{f"c{ruiz.id}": QUESTION}) | {
        "only": str(ruiz.id)
    }
    response = editor_client.post("/inbox/accept", data=data, follow_redirects=False)
    assert response.status_code == 303, response.text
    (claim,) = claims(database)
    assert claim.quote == ruiz.sentence
    assert (claim.probability, claim.made_at) == (0.7, PUBLISHED)
    assert claim.citation_url == "https://news.example/levy"
    assert statuses(database)[ruiz.id] is CandidateStatus.accepted
    after = editor_client.get("/inbox?accepted=1").text
    assert "Recorded 1 claim." in after
    assert f'id="candidate-{ruiz.id}"' not in after


def test_several_ticked_candidates_are_accepted_together_or_not_at_all(
    editor_client: TestClient, database: Database
) -> None:
    result = stored(database)
    ids = [c.id for c in result.candidates]
    page = editor_client.get("/inbox").text
    incomplete = accept_form(page, result.article.id, ids, **{f"c{ids[0]}": QUESTION})
    refused = editor_client.post(
        "/inbox/accept", data=incomplete | {"accept": [str(i) for i in ids]}
    )
    assert refused.status_code == 422
    assert "Nothing was recorded" in refused.text
    assert "Give the question a title" in refused.text
    assert claims(database) == []
    complete = accept_form(page, result.article.id, ids, **{f"c{i}": QUESTION for i in ids})
    response = editor_client.post(
        "/inbox/accept", data=complete | {"accept": [str(i) for i in ids]}, follow_redirects=False
    )
    assert response.status_code == 303, response.text
    assert len(claims(database)) == len(ids)
    assert set(statuses(database).values()) == {CandidateStatus.accepted}


def test_rejecting_keeps_the_reason(editor_client: TestClient, database: Database) -> None:
    result = stored(database)
    first = result.candidates[0].id
    page = editor_client.get("/inbox").text
    token = reject_token(page, first)
    empty = editor_client.post(f"/inbox/{first}/reject", data={"csrf_token": token, "reason": ""})
    assert empty.status_code == 422
    response = editor_client.post(
        f"/inbox/{first}/reject",
        data={"csrf_token": token, "reason": "a hope, not a forecast"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    with database.reading() as session:
        candidate = session.get(ClaimCandidate, first)
        assert candidate is not None
        assert (candidate.status, candidate.reason) == (
            CandidateStatus.rejected,
            "a hope, not a forecast",
        )


def test_inbox_forms_need_the_session_token(editor_client: TestClient, database: Database) -> None:
    result = stored(database)
    ruiz = result.candidates[0].id
    page = editor_client.get("/inbox").text
    data = accept_form(page, result.article.id, [ruiz], **{f"c{ruiz}": QUESTION})
    forged = data | {"csrf_token": "forged", "only": str(ruiz)}
    assert editor_client.post("/inbox/accept", data=forged).status_code == 403
    rejected = editor_client.post(f"/inbox/{ruiz}/reject", data={"reason": "x"})
    assert rejected.status_code == 403
    assert claims(database) == []
    assert set(statuses(database).values()) == {CandidateStatus.pending}


def test_extract_records_through_the_inbox_and_never_twice(
    editor_client: TestClient, preview: Any, database: Database
) -> None:
    page = preview(demo_article(), url="https://example.com/second-march")
    action, fields = form_in(page, "candidate-3")
    fields |= {
        "title": "Will a second mutiny take place in Russia before 1 Feb 2024?",
        "resolution_criteria": "Yes if armed units rebel against the Russian government.",
        "deadline": "2024-02-01T00:00",
    }
    first: httpx.Response = editor_client.post(action, data=fields, follow_redirects=False)
    assert first.status_code == 303, first.text
    again: httpx.Response = editor_client.post(action, data=fields, follow_redirects=False)
    assert again.status_code == 422
    assert "already recorded as claim" in again.text
    assert len(claims(database)) == 1
    with database.reading() as session:
        candidates = session.exec(select(ClaimCandidate)).all()
    assert sum(c.status is CandidateStatus.accepted for c in candidates) == 1
    # The article's other candidates wait in the inbox.
    inbox = editor_client.get("/inbox").text
    assert len(candidates) > 1
    assert inbox.count('class="candidate-card"') == len(candidates) - 1


def test_a_long_inbox_is_shown_a_page_of_articles_at_a_time(
    editor_client: TestClient, database: Database
) -> None:
    ids = []
    for number in range(ARTICLES_SHOWN + 3):
        prepared = prepare_text(
            text=f"Ferry strike, day {number}\n\nThe union will probably end the strike by May.\n",
            url=f"https://news.example/ferry/{number}",
            title=f"Ferry strike, day {number}",
            published_at=PUBLISHED,
        )
        with database.writing() as session:
            result, _ = store_prepared(
                session=session, prepared=prepared, feed_id=None, actor="test", now=PUBLISHED
            )
        ids.append(result.article.id)

    newest = editor_client.get("/inbox").text
    shown = [int(n) for n in re.findall(r'<section[^>]*id="article-(\d+)"', newest)]
    assert shown == sorted(ids, reverse=True)[:ARTICLES_SHOWN]
    assert f"{ARTICLES_SHOWN + 3} articles with candidates waiting" in newest
    older = re.search(r'href="(/inbox\?before=\d+)" rel="next"', newest)
    assert older is not None and "Newest articles" not in newest

    rest = editor_client.get(older.group(1)).text
    shown = [int(n) for n in re.findall(r'<section[^>]*id="article-(\d+)"', rest)]
    assert shown == sorted(ids, reverse=True)[ARTICLES_SHOWN:]
    assert 'rel="next"' not in rest and 'href="/inbox">Newest articles' in rest
    refused = editor_client.get("/inbox?before=0")
    assert refused.status_code == 400 and "before" in refused.text
