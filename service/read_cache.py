"""Response bodies of the most read models, kept while the database is unchanged.

Each body is stored under the version of the database it was read at, and a read at
another version finds the cache empty: nothing is served that a commit may have changed,
and no write has to know about the cache. A ledger is read far more often than written,
and between writes the same questions and claim lists are asked for again and again.

- SQLite: PRAGMA data_version, read on a connection that never writes, changes whenever
  any other connection, in this process or another, commits (Database.read_json).
- PostgreSQL: the snapshot a statement reads (pg_current_snapshot(): the transactions
  finished and in progress when it began) decides exactly what it sees, so two statements
  with the same snapshot see the same rows. A body kept is served when the snapshot,
  read alone in a statement begun after the read was asked, is the one it was read at;
  one such statement answers every kept body asked for meanwhile (service/loop_postgres.py).
  The snapshot is the server's: any transaction that ends, in any of its databases, moves
  it, and the cache starts over more often than the ledger changes, never less.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable

DEFAULT_MAX_BYTES = 32 * 1024 * 1024


class ReadCache:
    """Bodies by key, all of one database version, at most `max_bytes` of them."""

    def __init__(self, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.max_bytes = max_bytes
        self._version: Hashable = None
        self._bodies: OrderedDict[Hashable, bytes] = OrderedDict()
        self._bytes = 0

    def get(self, key: Hashable, version: Hashable) -> bytes | None:
        """The body stored under `key` at `version`, or None."""
        if version != self._version:
            self._start_over(version)
            return None
        body = self._bodies.get(key)
        if body is not None:
            self._bodies.move_to_end(key)
        return body

    def held(self, key: Hashable) -> tuple[Hashable, bytes] | None:
        """The version the cache is at and the body kept under `key`, if there is one."""
        body = self._bodies.get(key)
        return None if body is None else (self._version, body)

    def put(self, key: Hashable, version: Hashable, body: bytes) -> None:
        """Keep `body`, read at `version`, dropping the least recently used to make room."""
        if version != self._version:
            self._start_over(version)
        if len(body) > self.max_bytes:
            return
        previous = self._bodies.pop(key, None)
        if previous is not None:
            self._bytes -= len(previous)
        while self._bytes + len(body) > self.max_bytes:
            _, dropped = self._bodies.popitem(last=False)
            self._bytes -= len(dropped)
        self._bodies[key] = body
        self._bytes += len(body)

    def __len__(self) -> int:
        return len(self._bodies)

    def _start_over(self, version: Hashable) -> None:
        self._version = version
        self._bodies.clear()
        self._bytes = 0
