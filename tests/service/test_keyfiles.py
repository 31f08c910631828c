"""The var directory, the SQLite database and key files are private to the service's user,
and processes starting at once on a fresh var dir agree on the keys they generate.
"""

from __future__ import annotations

import multiprocessing
import stat
from collections.abc import Callable
from multiprocessing.synchronize import Barrier
from pathlib import Path

import pytest
from typer.testing import CliRunner

from service.cli import app
from service.settings import Settings
from service.witness import public_key_text, signing_key

PROCESSES = 4
TRIALS = 30


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_migrate_on_a_fresh_var_dir_makes_it_0700_and_the_database_0600(tmp_path: Path) -> None:
    var = tmp_path / "fresh" / "var"
    env = {"SOOTH_VAR_DIR": str(var), "SOOTH_DATABASE_URL": ""}
    result = CliRunner().invoke(app, ["migrate"], env=env)
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(app, ["demo"], env=env)
    assert result.exit_code == 0, result.output
    assert _mode(var) == 0o700
    assert _mode(var / "sooth.db") == 0o600
    assert _mode(var / "local-admin.key") == 0o600
    for leftover in var.glob("sooth.db-*"):  # the WAL and its index, while they exist
        assert _mode(leftover) == 0o600, leftover


def _secret(var_dir: Path) -> str:
    return Settings(var_dir=var_dir, _env_file=None).resolved_secret_key()


def _signing_public_key(var_dir: Path) -> str:
    return public_key_text(signing_key(Settings(var_dir=var_dir, _env_file=None)))


def _race(
    read: Callable[[Path], str], var_dir: Path, barrier: Barrier, out: multiprocessing.Queue[str]
) -> None:
    barrier.wait()
    try:
        out.put(read(var_dir))
    except Exception as error:  # the parent reports it as a disagreement
        out.put(f"failed: {error}")


@pytest.mark.parametrize(
    ("read", "name"), [(_secret, "secret_key"), (_signing_public_key, "ledger_signing_key")]
)
def test_processes_starting_at_once_on_a_fresh_var_dir_agree_on_the_key(
    tmp_path: Path, read: Callable[[Path], str], name: str
) -> None:
    context = multiprocessing.get_context("fork")
    disagreements = []
    for trial in range(TRIALS):
        var_dir = tmp_path / f"trial-{trial}" / "var"
        barrier = context.Barrier(PROCESSES)
        out: multiprocessing.Queue[str] = context.Queue()
        workers = [
            context.Process(target=_race, args=(read, var_dir, barrier, out))
            for _ in range(PROCESSES)
        ]
        for worker in workers:
            worker.start()
        seen = [out.get(timeout=30) for _ in workers]
        for worker in workers:
            worker.join(timeout=30)
        if len(set(seen)) != 1 or not seen[0] or seen[0].startswith("failed"):
            disagreements.append((trial, seen))
        assert _mode(var_dir / name) == 0o600
        assert read(var_dir) == seen[0]  # what a later start reads is what they agreed on
        assert [p.name for p in var_dir.iterdir() if p.name.endswith(".tmp")] == []
    assert disagreements == []
