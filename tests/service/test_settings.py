"""Settings: the environment, a .env file, and the locally generated secret."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.settings import Settings


def test_env_file_and_environment_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text("SOOTH_PUBLIC_READ=false\nSOOTH_BASE_URL=https://x.org\n")
    monkeypatch.setenv("SOOTH_BASE_URL", "https://sooth.example")
    settings = Settings()
    assert settings.public_read is False
    assert settings.base_url == "https://sooth.example"
    assert settings.resolved_database_url() == "sqlite:///var/sooth.db"


def test_local_secret_is_generated_once_and_kept_private(tmp_path: Path) -> None:
    settings = Settings(var_dir=tmp_path, _env_file=None)
    first = settings.resolved_secret_key()
    assert len(first) >= 40
    assert Settings(var_dir=tmp_path, _env_file=None).resolved_secret_key() == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_configured_secret_wins_and_is_not_shown(tmp_path: Path) -> None:
    settings = Settings(var_dir=tmp_path, secret_key="s3cret-value", _env_file=None)
    assert settings.resolved_secret_key() == "s3cret-value"
    assert "s3cret-value" not in repr(settings)
    assert not (tmp_path / "secret_key").exists()
