"""`sooth import` killed with SIGKILL at random moments leaves a sound SQLite database.

Ten times, a real `sooth import` process of a file of thousands of claims is killed at a
seeded random moment. Afterwards the file passes PRAGMA integrity_check, the ledger
verifies, and every import happened whole or not at all.
"""

from __future__ import annotations

import csv
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from service.database import Database
from service.verification import verify
from tests.factories import make_source

CLAIMS = 2000
ROUNDS = 10
SEED = 20260302
# Kill moments, in seconds after the process starts: past interpreter start-up, and within
# a budget that keeps the test near a minute (a fast machine finishes some imports first).
KILL_AFTER = (1.0, 6.0)


def _write_claims(path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "source",
                "quote",
                "probability",
                "made_at",
                "question_title",
                "question_resolution_criteria",
                "question_deadline",
                "question_tags",
            ]
        )
        for number in range(CLAIMS):
            writer.writerow(
                [
                    "ann",
                    f"Event {number} will happen, “surely”.",
                    f"{(number % 99 + 1) / 100}",
                    "2025-01-01T00:00:00Z",
                    f"Will event {number} happen?",
                    "Yes if it does.",
                    "2026-06-01T00:00:00Z",
                    "crash;test",
                ]
            )


def _claims(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        count: int = connection.execute("SELECT count(*) FROM claim").fetchone()[0]
    return count


def _sooth() -> list[str]:
    script = Path(sys.executable).with_name("sooth")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from service.cli import app; sys.exit(app())"]


def test_killed_imports_leave_a_sound_database_and_import_whole_or_not_at_all(
    sqlite_template: Path, tmp_path: Path
) -> None:
    path = tmp_path / "sooth.db"
    shutil.copyfile(sqlite_template, path)
    url = f"sqlite:///{path}"
    database = Database(url)
    with database.writing() as session:
        make_source(session, "ann")
    database.dispose()
    claims = tmp_path / "claims.csv"
    _write_claims(claims)
    env = os.environ | {"SOOTH_DATABASE_URL": url, "SOOTH_VAR_DIR": str(tmp_path / "var")}

    moments = random.Random(SEED)
    killed_midway = completed = 0
    for round_number in range(ROUNDS):
        before = _claims(path)
        process = subprocess.Popen(
            [*_sooth(), "import", str(claims)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            process.wait(timeout=moments.uniform(*KILL_AFTER))
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
            process.wait()
        stderr = process.stderr.read().decode() if process.stderr else ""
        after = _claims(path)
        assert after in (before, before + CLAIMS), (round_number, before, after, stderr)
        if process.returncode == -signal.SIGKILL:
            killed_midway += after == before
        else:
            assert process.returncode == 0, stderr
            completed += 1

    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    database = Database(url)
    try:
        result = verify(database)
    finally:
        database.dispose()
    assert result.ok, result.problem
    if killed_midway == 0:
        pytest.fail(
            f"no import was killed part-way ({completed} completed): the test tested nothing"
        )
