"""`sooth report` writes the very CSV the API serves, to a file or stdout."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from service.cli import app
from tests.reports.conftest import Ledger

OPTIONS = [
    [],
    ["--group-by", "source,tag", "--bins", "folded"],
    ["--bins", "0,0.25,0.5,1", "--tag", "politics", "--min-n", "2"],
    ["--all-claims", "--made-before", "2026-01-02T00:00:00Z", "--source", "alice"],
]


def _params(options: list[str]) -> list[tuple[str, str]]:
    """The query parameters that say what the options say."""
    params: list[tuple[str, str]] = []
    items = iter(options)
    for option in items:
        name = option.removeprefix("--").replace("-", "_")
        params.append((name, "true" if name == "all_claims" else next(items)))
    return params


@pytest.mark.parametrize("kind", ["scores", "calibration"])
@pytest.mark.parametrize("options", OPTIONS, ids=["default", "folded", "edges", "filters"])
def test_cli_report_writes_the_same_csv_as_the_api(
    client: TestClient,
    ledger: Ledger,
    database_url: str,
    tmp_path: Path,
    kind: str,
    options: list[str],
) -> None:
    expected = client.get(f"/api/v1/reports/{kind}.csv", params=_params(options))
    assert expected.status_code == 200, expected.text
    env = {"SOOTH_DATABASE_URL": database_url, "SOOTH_VAR_DIR": str(tmp_path / "var")}
    out = tmp_path / f"{kind}.csv"
    result = CliRunner().invoke(app, ["report", kind, "--out", str(out), *options], env=env)
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == expected.content
    to_stdout = CliRunner().invoke(app, ["report", kind, *options], env=env)
    assert to_stdout.exit_code == 0, to_stdout.output
    assert to_stdout.stdout_bytes == expected.content


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--bins", "0,0.5"], "--bins"),
        (["--made-after", "2026-01-01T00:00:00"], "--made-after: must include a timezone"),
        (["--resolved-before", "yesterday"], "--resolved-before"),
        (["--group-by", "question"], "--group-by"),
        (["--source", "nobody"], "--source: no source with slug 'nobody'"),
    ],
)
def test_cli_report_names_the_option_at_fault(
    ledger: Ledger, database_url: str, tmp_path: Path, options: list[str], message: str
) -> None:
    env = {"SOOTH_DATABASE_URL": database_url, "SOOTH_VAR_DIR": str(tmp_path / "var")}
    result = CliRunner().invoke(app, ["report", "scores", *options], env=env)
    assert result.exit_code != 0
    assert message in result.stderr
