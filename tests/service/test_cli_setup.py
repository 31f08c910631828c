"""The command line where a newcomer trips: a database that is not there, the serving port."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from service.cli import app
from service.cli.server import _links_follow


def test_a_command_run_where_there_is_no_database_says_where_it_looked_and_creates_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    env = {"SOOTH_DATABASE_URL": "", "SOOTH_VAR_DIR": "var"}
    for command in (["keys", "list"], ["verify"], ["report", "scores"], ["demo"]):
        result = CliRunner().invoke(app, command, env=env)
        assert result.exit_code == 1, (command, result.output)
        assert f"no database at {elsewhere / 'var' / 'sooth.db'}" in result.output
        assert "SOOTH_VAR_DIR=var" in result.output and "sooth migrate" in result.output
    assert list(elsewhere.iterdir()) == [], "nothing may be created where no database was"


def test_a_missing_database_named_by_url_is_reported_as_such(tmp_path: Path) -> None:
    missing = tmp_path / "nope.db"
    result = CliRunner().invoke(
        app, ["keys", "list"], env={"SOOTH_DATABASE_URL": f"sqlite:///{missing}"}
    )
    assert result.exit_code == 1
    assert f"no database at {missing} (from SOOTH_DATABASE_URL" in result.output
    assert not missing.exists()


def test_links_in_emails_follow_the_serving_port_unless_the_base_url_is_set(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("SOOTH_BASE_URL", raising=False)
    monkeypatch.setenv("SOOTH_VAR_DIR", "var")
    _links_follow(host="127.0.0.1", port=8010)
    assert os.environ["SOOTH_BASE_URL"] == "http://127.0.0.1:8010"
    assert capsys.readouterr().err == ""

    monkeypatch.setenv("SOOTH_BASE_URL", "http://127.0.0.1:8000")
    _links_follow(host="127.0.0.1", port=8010)
    assert os.environ["SOOTH_BASE_URL"] == "http://127.0.0.1:8000"
    warning = capsys.readouterr().err
    assert "SOOTH_BASE_URL is http://127.0.0.1:8000 but Sooth listens on port 8010" in warning

    monkeypatch.setenv("SOOTH_BASE_URL", "https://sooth.example.org")
    _links_follow(host="127.0.0.1", port=8010)
    assert capsys.readouterr().err == "", "a public address behind a proxy is not a mismatch"
