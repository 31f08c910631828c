"""The sooth command line: keys, demo, import and export, on both databases."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, text
from sqlmodel import SQLModel, col, select
from typer.testing import CliRunner, Result

from forecasts.claims import retract_claim
from forecasts.domain import Outcome
from forecasts.models import Claim, Question, Source
from forecasts.questions import update_question
from forecasts.schemas import QuestionUpdate
from service.cli import app
from service.database import Database
from service.keys import find_key
from tests.conftest import _truncate_all as truncate_all
from tests.factories import T0, make_claim, make_question, make_resolution, make_source

Sooth = Callable[..., Result]


@pytest.fixture
def sooth(database_url: str, database: Database, tmp_path: Path) -> Sooth:
    """Run `sooth` against this test's database; by default it must succeed."""
    runner = CliRunner()
    env = {"SOOTH_DATABASE_URL": database_url, "SOOTH_VAR_DIR": str(tmp_path / "var")}

    def run(*args: str, ok: bool = True) -> Result:
        result = runner.invoke(app, list(args), env=env)
        if ok:
            assert result.exit_code == 0, result.output
        return result

    return run


def _count(database: Database, model: type[SQLModel]) -> int:
    with database.reading() as session:
        return int(session.exec(select(func.count()).select_from(model)).one())


def test_keys_create_prints_the_key_alone_on_the_last_line(
    sooth: Sooth, database: Database
) -> None:
    result = sooth("keys", "create", "--role", "editor", "--name", "newsroom")
    key = result.stdout.strip().splitlines()[-1]
    assert key.startswith("sooth_") and " " not in key
    with database.reading() as session:
        stored = find_key(session=session, clear=key)
        assert stored is not None and stored.role == "editor"
    listing = sooth("keys", "list").stdout
    assert "newsroom" in listing and key not in listing
    sooth("keys", "revoke", str(stored.id))
    with database.reading() as session:
        assert find_key(session=session, clear=key) is None
    assert sooth("keys", "create", "--role", "owner", "--name", "x", ok=False).exit_code != 0


def test_demo_loads_once(sooth: Sooth, database: Database) -> None:
    first = sooth("demo").stdout
    assert "5 claims" in first
    key_line = first.strip().splitlines()[-1]
    second = sooth("demo").stdout
    assert "already loaded" in second
    assert second.strip().splitlines()[-1] == key_line
    assert _count(database, Claim) == 5 and _count(database, Source) == 3


CSV_HEADER = (
    "source,quote,probability,made_at,question_title,question_resolution_criteria,"
    "question_deadline,question_tags\n"
)


def test_import_csv_is_all_or_nothing_and_lists_every_bad_row(
    sooth: Sooth, database: Database, tmp_path: Path
) -> None:
    sooth("demo")
    bad = tmp_path / "claims.csv"
    bad.write_text(
        CSV_HEADER
        + "oleksiy-danilov,Fine.,0.4,2025-01-01T00:00:00Z,Q1?,Yes if.,2025-06-01T00:00:00Z,a;b\n"
        + "oleksiy-danilov,Too sure.,1.4,2025-01-01T00:00:00Z,Q2?,Yes if.,2025-06-01T00:00:00Z,\n"
        + "nobody,Who?,0.5,2025-01-01T00:00:00Z,Q3?,Yes if.,2025-06-01T00:00:00Z,\n"
        + "oleksiy-danilov,Naive.,0.5,2025-01-01T00:00:00,Q4?,Yes if.,2025-06-01T00:00:00Z,\n",
        encoding="utf-8",
    )
    before = _count(database, Claim), _count(database, Question)
    result = sooth("import", str(bad), ok=False)
    assert result.exit_code == 1
    assert "line 3: probability" in result.stderr
    assert "line 4: source" in result.stderr
    assert "line 5: made_at" in result.stderr
    assert "nothing imported" in result.stderr
    assert (_count(database, Claim), _count(database, Question)) == before

    good = tmp_path / "good.csv"
    good.write_text(
        CSV_HEADER + bad.read_text(encoding="utf-8").splitlines()[1] + "\n", encoding="utf-8"
    )
    assert "1 claims" in sooth("import", str(good)).stdout
    assert _count(database, Claim) == before[0] + 1


def test_import_json_lines_of_claims(sooth: Sooth, database: Database, tmp_path: Path) -> None:
    sooth("demo")
    lines = tmp_path / "claims.jsonl"
    claim = {
        "source": "article-author",
        "quote": "It will rain.",
        "probability": 0.3,
        "made_at": "2025-01-01T00:00:00Z",
        "question": {
            "title": "Rain?",
            "resolution_criteria": "Yes if it rains.",
            "deadline": "2025-02-01T00:00:00Z",
            "tags": ["weather"],
        },
    }
    lines.write_text(json.dumps(claim) + "\n\n" + "{not json\n", encoding="utf-8")
    result = sooth("import", str(lines), ok=False)
    assert "line 3" in result.stderr and "not valid JSON" in result.stderr
    lines.write_text(json.dumps(claim) + "\n", encoding="utf-8")
    sooth("import", str(lines))
    assert _count(database, Claim) == 6


def test_import_csv_of_quantity_claims_refuses_ill_formed_ones(
    sooth: Sooth, database: Database, tmp_path: Path
) -> None:
    sooth("demo")
    header = (
        "source,quote,quantity_low,quantity_high,quantity_confidence,quantity_point,made_at,"
        "question_title,question_resolution_criteria,question_deadline,question_kind,"
        "question_unit\n"
    )
    question = "Rate?,The published rate.,2025-06-01T00:00:00Z,quantity"
    rows = [
        f"demo-economist,Range.,2.5,3,0.9,,2025-01-01T00:00:00Z,{question},%",
        f"demo-economist,Upside down.,3,2.5,,,2025-01-01T00:00:00Z,{question},%",
        f"demo-economist,No unit.,,,,4,2025-01-01T00:00:00Z,{question},",
        f"demo-economist,Sure of a point.,,,0.9,4,2025-01-01T00:00:00Z,{question},%",
    ]
    bad = tmp_path / "quantities.csv"
    bad.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    before = _count(database, Claim)
    result = sooth("import", str(bad), ok=False)
    assert "line 3: quantity.high" in result.stderr
    assert "line 4: question.unit" in result.stderr
    assert "line 5: quantity.confidence" in result.stderr
    assert _count(database, Claim) == before
    bad.write_text(header + rows[0] + "\n", encoding="utf-8")
    assert "1 claims" in sooth("import", str(bad)).stdout
    with database.reading() as session:
        claim = session.exec(select(Claim).order_by(col(Claim.id).desc())).first()
    assert claim is not None
    assert (claim.low, claim.high, claim.confidence, claim.probability) == (2.5, 3.0, 0.9, None)


def test_export_then_import_restores_exactly(
    sooth: Sooth, database_url: str, tmp_path: Path
) -> None:
    sooth("demo")
    retract_target = tmp_path / "export.jsonl"
    sooth("export", "--out", str(retract_target))
    exported = retract_target.read_text(encoding="utf-8")
    records = [json.loads(line)["type"] for line in exported.splitlines()]
    assert len([kind for kind in records if kind != "ledger_entry"]) == 17
    assert '"kind": "quantity"' in exported and '"confidence": 0.8' in exported
    assert '"value": 2.4' in exported

    other = tmp_path / "other.db"
    runner = CliRunner()
    env = {"SOOTH_DATABASE_URL": f"sqlite:///{other}", "SOOTH_VAR_DIR": str(tmp_path / "v2")}
    assert runner.invoke(app, ["migrate"], env=env).exit_code == 0
    restored = runner.invoke(app, ["import", str(retract_target)], env=env)
    assert restored.exit_code == 0, restored.output
    again = runner.invoke(app, ["export"], env=env)
    assert again.stdout == exported
    verified = runner.invoke(app, ["verify"], env=env)
    assert verified.exit_code == 0, verified.output
    refused = runner.invoke(app, ["import", str(retract_target)], env=env)
    assert refused.exit_code == 1 and "empty database" in refused.stderr


def test_commands_refuse_an_unmigrated_database(tmp_path: Path) -> None:
    env = {"SOOTH_DATABASE_URL": f"sqlite:///{tmp_path / 'new.db'}", "SOOTH_VAR_DIR": str(tmp_path)}
    result = CliRunner().invoke(app, ["demo"], env=env)
    assert result.exit_code == 1
    assert "sooth migrate" in result.stderr


def _entries(database: Database) -> list[tuple[object, ...]]:
    with database.reading() as session:
        rows = session.execute(
            text(
                "SELECT id, action, entity, entity_id, payload, actor, created_at, prev_hash, hash "
                "FROM ledger_entry ORDER BY id"
            )
        ).all()
    return [tuple(row) for row in rows]


@pytest.fixture
def empty_target(
    database: Database, database_url: str, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[Callable[[], tuple[Database, Sooth]]]:
    """An empty database to import into, and `sooth` run against it: a fresh SQLite file,
    or on PostgreSQL this test's own database emptied once the export is written.
    """
    made: list[Database] = []

    def make() -> tuple[Database, Sooth]:
        if database.dialect == "postgresql":
            truncate_all(database)
            url, target = database_url, database
        else:
            path = tmp_path / "target.db"
            shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
            url, target = f"sqlite:///{path}", Database(f"sqlite:///{path}")
            made.append(target)
        env = {"SOOTH_DATABASE_URL": url, "SOOTH_VAR_DIR": str(tmp_path / "target-var")}

        def run(*args: str, ok: bool = True) -> Result:
            result = CliRunner().invoke(app, list(args), env=env)
            if ok:
                assert result.exit_code == 0, result.output
            return result

        return target, run

    yield make
    for target in made:
        target.dispose()


def test_export_then_import_gives_the_same_ledger_entry_for_entry(
    sooth: Sooth,
    database: Database,
    tmp_path: Path,
    empty_target: Callable[[], tuple[Database, Sooth]],
) -> None:
    with database.writing() as session:
        source = make_source(session, "ann")
        question = make_question(session, tags=["a"])
        kept = make_claim(session, source, question, 0.9)
        wrong = make_claim(session, source, question, 0.4)
        retract_claim(session=session, claim_id=wrong.id, reason="misquoted", actor="x", now=T0)
        assert question.id is not None and kept.id is not None
        update_question(
            session=session,
            question_id=question.id,
            data=QuestionUpdate(tags=["b"]),
            actor="x",
            now=T0,
        )
        make_resolution(session, question, Outcome.yes)
        make_resolution(session, question, Outcome.no, reason="misread", now=question.deadline)
    before = _entries(database)
    assert len(before) == 8  # source, question, two claims, retraction, update, two verdicts
    exported = tmp_path / "export.jsonl"
    sooth("export", "--out", str(exported))

    target, into = empty_target()
    assert _entries(target) == []
    into("import", str(exported))
    assert _entries(target) == before
    assert into("verify").stdout.startswith(f"ok: 8 entries, head {before[-1][-1]}")
    with target.writing() as session:  # the restored sequences go on after the ids
        make_source(session, "bob")
    assert into("verify").stdout.startswith("ok: 9 entries")


def test_an_export_whose_rows_and_ledger_disagree_is_not_imported(
    sooth: Sooth, tmp_path: Path, empty_target: Callable[[], tuple[Database, Sooth]]
) -> None:
    sooth("demo")
    exported = tmp_path / "export.jsonl"
    sooth("export", "--out", str(exported))
    lines = exported.read_text(encoding="utf-8").splitlines()
    forged = [
        json.dumps({**record, "quote": "Forged."}) if record["type"] == "claim" else line
        for line, record in ((line, json.loads(line)) for line in lines)
    ]
    exported.write_text("\n".join(forged) + "\n", encoding="utf-8")
    target, into = empty_target()
    refused = into("import", str(exported), ok=False)
    assert refused.exit_code == 1
    assert "the restored ledger does not verify" in refused.stderr and "quote" in refused.stderr
    assert _entries(target) == [] and _count(target, Claim) == 0
