"""Property tests for what Sooth parses from outside: times, probabilities, tags, CSV imports.

Whatever arrives, the answer is a value or an error that names the field (the line, for an
import), never an exception escaping, never half a file imported.
"""

from __future__ import annotations

import csv
import json
import math
import shutil
from datetime import UTC, datetime, timedelta, timezone
from itertools import count
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError
from sqlmodel import select

from forecasts.domain import TAG_PATTERN, DomainError, normalise_tags
from forecasts.models import Claim, Source
from forecasts.probability import (
    UnknownPhraseError,
    known_phrases,
    lookup,
    parse_explicit_probability,
)
from forecasts.schemas import ClaimCreate, NonEmpty, QuestionCreate
from service.database import Database
from service.transfer import ImportFailedError, import_rows, read_rows, write_export
from service.verification import verify
from tests.factories import T0, make_source

# When imports run: after every generated made_at, before every question deadline.
IMPORTED_AT = datetime(2026, 3, 1, tzinfo=UTC)

# Each example touches the database; the deadline would measure the machine, not the code.
DB_SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
PURE_SETTINGS = settings(max_examples=200, deadline=None)

offsets = st.integers(min_value=-14 * 60, max_value=14 * 60).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)
instants = st.datetimes(
    min_value=datetime(1900, 1, 1), max_value=datetime(2025, 12, 31), timezones=offsets
)
# Text a person could paste: any printable character, commas, quotes and line breaks
# included; NUL and lone surrogates are not text.
texts = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"),
    min_size=1,
    max_size=80,
)


def _claim(**fields: Any) -> dict[str, Any]:
    return {
        "source": "ann",
        "probability": 0.5,
        "quote": "It will happen.",
        "made_at": "2025-01-01T00:00:00Z",
        "question": {
            "title": "Will it happen?",
            "resolution_criteria": "Yes if it happens.",
            "deadline": "2026-02-01T00:00:00Z",
        },
    } | fields


def _ensure_source(database: Database) -> None:
    """The source the generated claims name, made once per test database."""
    with database.writing() as session:
        if session.exec(select(Source.id).where(Source.slug == "ann")).first() is None:
            make_source(session, "ann")


def _fields(error: ValidationError) -> set[str]:
    return {".".join(str(part) for part in problem["loc"]) for problem in error.errors()}


# Times


@PURE_SETTINGS
@given(instant=instants)
def test_any_offset_parses_to_the_same_instant(instant: datetime) -> None:
    parsed = ClaimCreate.model_validate(_claim(made_at=instant.isoformat())).made_at
    assert parsed == instant and parsed.utcoffset() == instant.utcoffset()


@PURE_SETTINGS
@given(instant=instants)
def test_a_time_without_an_offset_is_refused_naming_the_field(instant: datetime) -> None:
    naive = instant.replace(tzinfo=None).isoformat()
    with pytest.raises(ValidationError) as refused:
        ClaimCreate.model_validate(_claim(made_at=naive))
    assert _fields(refused.value) == {"made_at"}


@PURE_SETTINGS
@given(text=st.text(max_size=40))
def test_arbitrary_text_is_a_time_or_an_error_naming_the_field(text: str) -> None:
    try:
        parsed = QuestionCreate.model_validate(
            {"title": "T", "resolution_criteria": "R", "deadline": text}
        )
    except ValidationError as refused:
        assert _fields(refused) == {"deadline"}
    else:
        assert parsed.deadline.utcoffset() is not None


@DB_SETTINGS
@given(instant=instants)
def test_a_time_with_any_offset_is_stored_and_read_back_in_utc(
    client: TestClient, editor: dict[str, str], database: Database, instant: datetime
) -> None:
    _ensure_source(database)
    response = client.post(
        "/api/v1/claims", json=_claim(made_at=instant.isoformat()), headers=editor
    )
    assert response.status_code == 201, response.text
    stored = client.get(f"/api/v1/claims/{response.json()['id']}").json()["made_at"]
    assert stored.endswith("Z")
    assert datetime.fromisoformat(stored) == instant
    assert datetime.fromisoformat(stored).tzinfo == UTC


# Probabilities


@PURE_SETTINGS
@given(text=st.text(max_size=120))
def test_figure_parsing_never_fails_and_stays_in_the_unit_interval(text: str) -> None:
    value = parse_explicit_probability(text)
    assert value is None or 0.0 <= value <= 1.0


@PURE_SETTINGS
@given(percent=st.integers(min_value=0, max_value=100))
def test_percentages_parse_exactly(percent: int) -> None:
    assert parse_explicit_probability(f"{percent}%") == percent / 100
    assert parse_explicit_probability(f"a {percent} percent chance") == percent / 100


@PURE_SETTINGS
@given(low=st.integers(0, 100), high=st.integers(0, 100))
def test_a_range_parses_to_its_midpoint_or_not_at_all(low: int, high: int) -> None:
    value = parse_explicit_probability(f"{low}-{high}%")
    assert value == (round((low + high) / 200, 6) if low <= high else None)


@PURE_SETTINGS
@given(denominator=st.integers(1, 1000), data=st.data())
def test_n_in_m_parses_to_the_fraction(denominator: int, data: st.DataObject) -> None:
    numerator = data.draw(st.integers(0, denominator))
    assert parse_explicit_probability(f"{numerator} in {denominator}") == round(
        numerator / denominator, 6
    )


@PURE_SETTINGS
@given(phrase=st.sampled_from(known_phrases()), data=st.data())
def test_known_phrases_look_up_whatever_their_case_and_spacing(
    phrase: str, data: st.DataObject
) -> None:
    written = "".join(
        (c.upper() if data.draw(st.booleans()) else c)
        if c != " "
        else " " * data.draw(st.integers(1, 3))
        for c in phrase
    )
    assert lookup(written).probability == lookup(phrase).probability


@PURE_SETTINGS
@given(text=st.text(max_size=60))
def test_any_phrase_is_on_the_scale_or_an_unknown_phrase(text: str) -> None:
    try:
        found = lookup(text)
    except UnknownPhraseError:
        return
    assert 0.0 <= found.lower <= found.probability <= found.upper <= 1.0


@PURE_SETTINGS
@given(value=st.floats(allow_nan=True, allow_infinity=True))
def test_a_probability_is_in_the_unit_interval_or_refused_naming_the_field(value: float) -> None:
    try:
        parsed = ClaimCreate.model_validate(_claim(probability=value))
    except ValidationError as refused:
        assert _fields(refused) == {"probability"}
        assert math.isnan(value) or not 0.0 <= value <= 1.0
    else:
        assert parsed.probability == value and 0.0 <= value <= 1.0


@DB_SETTINGS
@given(value=st.floats(min_value=0.0, max_value=1.0))
def test_a_probability_is_stored_exactly(
    client: TestClient, editor: dict[str, str], database: Database, value: float
) -> None:
    _ensure_source(database)
    response = client.post("/api/v1/claims", json=_claim(probability=value), headers=editor)
    assert response.status_code == 201, response.text
    assert client.get(f"/api/v1/claims/{response.json()['id']}").json()["probability"] == value


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_json_literals_that_are_not_numbers_are_refused(
    client: TestClient, editor: dict[str, str], literal: str
) -> None:
    body = json.dumps(_claim()).replace('"probability": 0.5', f'"probability": {literal}')
    response = client.post(
        "/api/v1/claims", content=body, headers={**editor, "Content-Type": "application/json"}
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][:2] == ["body", "probability"]


# Tags

tag_lists = st.lists(st.text(max_size=70), max_size=8)


@PURE_SETTINGS
@given(tags=tag_lists)
def test_tags_normalise_to_sorted_unique_simple_words_or_an_error(tags: list[str]) -> None:
    try:
        cleaned = normalise_tags("tags", tags)
    except DomainError as refused:
        assert refused.field == "tags" and "tag " in refused.message
        return
    assert cleaned == sorted(set(cleaned))
    assert all(TAG_PATTERN.fullmatch(tag) for tag in cleaned)
    assert normalise_tags("tags", cleaned) == cleaned
    assert set(cleaned) == {tag.strip().lower() for tag in tags}


@PURE_SETTINGS
@given(tags=st.lists(st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,20}", fullmatch=True)))
def test_simple_words_are_accepted_whatever_their_case_and_padding(tags: list[str]) -> None:
    padded = [f"  {tag} " for tag in tags]
    assert normalise_tags("tags", padded) == sorted({tag.lower() for tag in tags})


@PURE_SETTINGS
@given(tags=tag_lists)
def test_question_tags_are_normalised_or_refused_naming_the_field(tags: list[str]) -> None:
    try:
        question = QuestionCreate(title="T", resolution_criteria="R", deadline=T0, tags=tags)
    except ValidationError as refused:
        assert _fields(refused) <= {"tags"} | {f"tags.{i}" for i in range(len(tags))}
        return
    assert question.tags == normalise_tags("tags", tags)


# CSV imports

CSV_COLUMNS = [
    "source",
    "quote",
    "probability",
    "made_at",
    "citation_title",
    "question_title",
    "question_resolution_criteria",
    "question_deadline",
    "question_tags",
]
claim_rows = st.fixed_dictionaries(
    {
        "quote": texts,
        "probability": st.floats(0.0, 1.0).map(repr),
        "made_at": instants.map(lambda t: t.isoformat()),
        "citation_title": texts,
        "question_title": texts,
        "question_resolution_criteria": texts,
        "question_tags": st.lists(
            st.from_regex(r"[a-z0-9][a-z0-9_.:-]{0,10}", fullmatch=True), max_size=3
        ).map(";".join),
    }
)


# The fields a claim row must fill, and the rule they are read with (whitespace stripped).
REQUIRED_TEXT = ("quote", "question_title", "question_resolution_criteria")
NON_EMPTY: TypeAdapter[str] = TypeAdapter(NonEmpty)


def _is_text(value: str) -> bool:
    try:
        NON_EMPTY.validate_python(value)
    except ValidationError:
        return False
    return True


def _write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow({"source": "ann", "question_deadline": "2026-06-01T00:00:00Z", **row})


_deadlines = count()


def _fresh_deadline() -> str:
    """A question deadline no earlier row of this run has used."""
    return (datetime(2026, 6, 1, tzinfo=UTC) + timedelta(seconds=next(_deadlines))).isoformat()


def _claims(database: Database) -> list[tuple[str, str | None, float]]:
    with database.reading() as session:
        rows = session.exec(
            select(Claim.quote, Claim.citation_title, Claim.probability).order_by(Claim.id)  # type: ignore[arg-type]
        ).all()
    return [tuple(row) for row in rows]  # type: ignore[misc]


@DB_SETTINGS
@given(rows=st.lists(claim_rows, min_size=1, max_size=6))
def test_csv_rows_import_exactly_what_was_written(
    database: Database, tmp_path_factory: pytest.TempPathFactory, rows: list[dict[str, str]]
) -> None:
    assume(all(_is_text(row[name]) for row in rows for name in REQUIRED_TEXT))
    path = tmp_path_factory.mktemp("csv") / "claims.csv"
    # Examples share the database and often repeat rows; a claim already on the record is
    # skipped, so each row gets a question of its own (a deadline a second apart).
    _write_csv(path, [row | {"question_deadline": _fresh_deadline()} for row in rows])
    _ensure_source(database)
    before = _claims(database)
    with database.writing() as session:
        result = import_rows(session=session, rows=read_rows(path), actor="t", now=IMPORTED_AT)
    assert result.counts == {"claim": len(rows)}
    added = _claims(database)[len(before) :]
    assert added == [
        (NON_EMPTY.validate_python(row["quote"]), row["citation_title"], float(row["probability"]))
        for row in rows
    ]
    assert verify(database).ok


bad_values = {
    "probability": st.sampled_from(["1.5", "-0.1", "nan", "maybe", "", "1e999"]),
    "made_at": st.sampled_from(["2025-01-01", "2025-01-01T00:00:00", "yesterday", "2030-01-01Z"]),
    "source": st.sampled_from(["nobody", "", "Ann"]),
    "question_tags": st.sampled_from(["bad tag", "ok;no way", "-x"]),
}


@DB_SETTINGS
@given(
    rows=st.lists(claim_rows, min_size=2, max_size=6),
    spoilt=st.data(),
)
def test_a_csv_with_a_bad_row_imports_nothing_and_names_its_line(
    database: Database,
    tmp_path_factory: pytest.TempPathFactory,
    rows: list[dict[str, str]],
    spoilt: st.DataObject,
) -> None:
    assume(all(_is_text(row[name]) for row in rows for name in REQUIRED_TEXT))
    index = spoilt.draw(st.integers(0, len(rows) - 1))
    column = spoilt.draw(st.sampled_from(sorted(bad_values)))
    rows[index] = {**rows[index], column: spoilt.draw(bad_values[column])}
    path = tmp_path_factory.mktemp("csv") / "claims.csv"
    _write_csv(path, rows)
    _ensure_source(database)
    before = _claims(database)
    parsed = read_rows(path)
    line = parsed[index][0]
    with pytest.raises(ImportFailedError) as failed, database.writing() as session:
        import_rows(session=session, rows=parsed, actor="t", now=IMPORTED_AT)
    assert any(error.line == line for error in failed.value.result.errors)
    assert _claims(database) == before


@DB_SETTINGS
@given(content=st.binary(max_size=300))
def test_any_bytes_are_imported_or_refused_line_by_line(
    database: Database, tmp_path_factory: pytest.TempPathFactory, content: bytes
) -> None:
    for suffix in (".csv", ".jsonl"):
        path = tmp_path_factory.mktemp("bytes") / f"file{suffix}"
        path.write_bytes(content)
        before = _claims(database)
        rows = read_rows(path)
        try:
            with database.writing() as session:
                import_rows(session=session, rows=rows, actor="t", now=IMPORTED_AT)
        except ImportFailedError as failed:
            assert failed.result.errors
            assert all(error.line >= 1 for error in failed.result.errors)
            assert _claims(database) == before


def test_csv_text_keeps_formula_characters_and_line_breaks_as_written(
    database: Database, tmp_path: Path
) -> None:
    hostile = ['=HYPERLINK("http://x")', "+1+1", "-2", "@SUM(A1)", 'a,b\n"c"\r\nd']
    path = tmp_path / "claims.csv"
    rows = [
        {
            "quote": text,
            "probability": "0.5",
            "made_at": "2025-01-01T00:00:00Z",
            "citation_title": text,
            "question_title": f"Q {i}",
            "question_resolution_criteria": "Yes if.",
            "question_tags": "",
        }
        for i, text in enumerate(hostile)
    ]
    _write_csv(path, rows)
    with database.writing() as session:
        make_source(session, "ann")
    with database.writing() as session:
        import_rows(session=session, rows=read_rows(path), actor="t", now=IMPORTED_AT)
    assert [quote for quote, _, _ in _claims(database)] == [
        NON_EMPTY.validate_python(text) for text in hostile
    ]
    assert [title for _, title, _ in _claims(database)] == hostile


# JSON lines: one claim a line, or an export restored whole

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | texts,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=6,
)
record_keys = st.sampled_from(
    [
        "type",
        "id",
        "source",
        "slug",
        "name",
        "kind",
        "quote",
        "probability",
        "made_at",
        "question_id",
        "question",
        "title",
        "resolution_criteria",
        "deadline",
        "tags",
        "outcome",
        "sequence",
        "created_at",
        "recorded_at",
        "resolved_at",
        "email",
    ]
)
records = st.dictionaries(
    record_keys,
    json_values
    | st.sampled_from(["source", "question", "claim", "resolution", "reviewer", "person"]),
    max_size=8,
)


@DB_SETTINGS
@given(lines=st.lists(records, min_size=1, max_size=4))
def test_any_json_lines_are_imported_whole_or_refused_line_by_line(
    database: Database, tmp_path_factory: pytest.TempPathFactory, lines: list[dict[str, Any]]
) -> None:
    path = tmp_path_factory.mktemp("jsonl") / "records.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    before = _claims(database)
    try:
        with database.writing() as session:
            result = import_rows(session=session, rows=read_rows(path), actor="t", now=IMPORTED_AT)
    except ImportFailedError as failed:
        assert {error.line for error in failed.result.errors} <= set(range(1, len(lines) + 1))
        assert _claims(database) == before
    else:
        assert sum(result.counts.values()) == len(lines)
    assert verify(database).ok


@settings(DB_SETTINGS, max_examples=15)
@given(quotes=st.lists(texts.filter(_is_text), min_size=1, max_size=4))
def test_an_export_of_any_text_restores_exactly(
    sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory, quotes: list[str]
) -> None:
    folder = tmp_path_factory.mktemp("export")
    for name in ("source.db", "target.db"):
        shutil.copyfile(sqlite_template, folder / name)
    source_db = Database(f"sqlite:///{folder / 'source.db'}")
    target_db = Database(f"sqlite:///{folder / 'target.db'}")
    try:
        _ensure_source(source_db)
        path = folder / "claims.csv"
        _write_csv(
            path,
            [
                {
                    "quote": quote,
                    "probability": "0.25",
                    "made_at": "2025-01-01T00:00:00+05:30",
                    "citation_title": quote,
                    "question_title": quote,
                    "question_resolution_criteria": quote,
                    "question_tags": "",
                }
                for quote in quotes
            ],
        )
        with source_db.writing() as session:
            import_rows(session=session, rows=read_rows(path), actor="t", now=IMPORTED_AT)
        export = folder / "export.jsonl"
        with source_db.reading() as session, export.open("w", encoding="utf-8") as out:
            write_export(session=session, out=out)
        with target_db.writing() as session:
            import_rows(session=session, rows=read_rows(export), actor="t", now=IMPORTED_AT)
        assert _claims(target_db) == _claims(source_db)
        assert verify(target_db).ok
    finally:
        source_db.dispose()
        target_db.dispose()
