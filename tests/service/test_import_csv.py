"""A spreadsheet's probabilities come in as people type them."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import select
from typer.testing import CliRunner

from forecasts.domain import probability_from_text
from forecasts.models import Claim
from service.cli import app
from service.database import Database
from service.transfer import CSV_COLUMNS

HEADER = (
    "source,quote,probability,made_at,"
    "question_title,question_resolution_criteria,question_deadline\n"
)
ROW = (
    "oleksiy-danilov,{quote},{probability},2025-01-01T00:00:00Z,"
    "{title},Yes if.,2025-06-01T00:00:00Z\n"
)


@pytest.mark.parametrize(
    ("text", "value"),
    [("60%", 0.6), ("60 %", 0.6), ("0.6", 0.6), ("0,6", 0.6), ("2.5%", 0.025), ("100%", 1.0)],
)
def test_probability_from_text_reads_what_people_write(text, value):
    assert probability_from_text(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["140%", "-1", "sixty", "", "1.5"])
def test_probability_from_text_refuses_what_is_not_a_probability(text):
    with pytest.raises(ValueError):
        probability_from_text(text)


def test_csv_import_takes_percentages_as_forms_do(
    database_url: str, database: Database, tmp_path: Path
) -> None:
    env = {"SOOTH_DATABASE_URL": database_url, "SOOTH_VAR_DIR": str(tmp_path / "var")}
    runner = CliRunner()
    assert runner.invoke(app, ["demo"], env=env).exit_code == 0
    rows = tmp_path / "claims.csv"
    rows.write_text(
        HEADER
        + ROW.format(quote="Likely.", probability="60%", title="Q1?")
        + ROW.format(quote="Unlikely.", probability="2.5 %", title="Q2?"),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["import", str(rows)], env=env)
    assert result.exit_code == 0, result.output
    with database.reading() as session:
        quoted = dict(session.exec(select(Claim.quote, Claim.probability)).all())
    assert quoted["Likely."] == pytest.approx(0.6)
    assert quoted["Unlikely."] == pytest.approx(0.025)

    over = tmp_path / "over.csv"
    over.write_text(
        HEADER
        + "oleksiy-danilov,Too sure.,140%,2025-01-01T00:00:00Z,Q3?,Yes if.,2025-06-01T00:00:00Z\n",
        encoding="utf-8",
    )
    refused = runner.invoke(app, ["import", str(over)], env=env)
    assert refused.exit_code == 1 and "line 2: probability" in refused.output


def test_the_sample_csv_imports_into_the_demo_ledger(
    database_url: str, database: Database, tmp_path: Path
) -> None:
    env = {"SOOTH_DATABASE_URL": database_url, "SOOTH_VAR_DIR": str(tmp_path / "var")}
    runner = CliRunner()
    assert runner.invoke(app, ["demo"], env=env).exit_code == 0
    sample = Path(__file__).resolve().parents[2] / "docs" / "import-sample.csv"
    result = runner.invoke(app, ["import", str(sample)], env=env)
    assert result.exit_code == 0, result.output
    assert "3 claims" in result.output
    with database.reading() as session:
        quoted = dict(session.exec(select(Claim.quote, Claim.probability)).all())
    assert quoted["A second march on Moscow would not be much delayed."] == pytest.approx(0.8)


def test_every_csv_column_is_in_the_readme_and_the_import_help() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    shown = CliRunner().invoke(app, ["import", "--help"], env={"COLUMNS": "200"}).output
    for name, _ in CSV_COLUMNS:
        assert f"| `{name}` |" in readme
        assert f"{name}:" in shown
    header = (Path(__file__).resolve().parents[2] / "docs" / "import-sample.csv").read_text()
    assert set(header.splitlines()[0].split(",")) <= {name for name, _ in CSV_COLUMNS}
