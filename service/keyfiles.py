"""Files only the service's user may read: the var directory, key files, the SQLite file.

A key generated on first start must come out the same in every process that starts at
once: each writes a complete candidate to a temporary file of its own (O_EXCL), syncs it,
and links it into place, which fails if another got there first; the losers then read
the winner's. A link never replaces an existing file, as a rename would, and the name
only ever points at a complete file, so nobody reads an empty or half-written key.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def private_dir(path: Path) -> Path:
    """Create the directory (and its parents) if missing; one this creates is 0700."""
    if not path.is_dir():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            path.mkdir(mode=PRIVATE_DIR)
        except FileExistsError:
            pass
        else:
            path.chmod(PRIVATE_DIR)  # mkdir's mode passes through the umask
    return path


def private_file(path: Path) -> Path:
    """Create an empty file readable by its owner alone, unless it exists already."""
    private_dir(path.parent)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        return path
    os.close(descriptor)
    return path


def read_or_create(path: Path, make: Callable[[], str]) -> str:
    """The text in `path`; made by `make` and written there first if there is none."""
    if path.exists():
        return _read(path)
    private_dir(path.parent)
    candidate = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    descriptor = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(make() + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(candidate, path)
        except FileExistsError:
            pass  # another process won: its key is the one
        else:
            _sync_dir(path.parent)
    finally:
        candidate.unlink(missing_ok=True)
    return _read(path)


def _read(path: Path) -> str:
    text = path.read_text(encoding="utf-8").strip()
    if not text:
        raise RuntimeError(f"{path} is empty; delete it and a new one is made at the next start")
    return text


def _sync_dir(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
