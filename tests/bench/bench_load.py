"""Load benchmark: `sooth serve` under wrk against a bare FastAPI endpoint, same run, same way.

For SQLite and PostgreSQL, with one uvicorn worker and with two, wrk measures throughput
and p50/p99 latency of

- GET /api/v1/questions/{id}      (a random question of the ledger, with claims and verdicts)
- GET /api/v1/claims?source=...    (a random source's newest claims, a page of 50)
- POST /api/v1/claims              (a new claim on a random question, with an editor's key)

and, just before each of them, of GET /constant on tests/bench/bare_app.py served by
uvicorn exactly as `sooth serve` serves Sooth. Servers with one worker and with two run
side by side, and a round measures, back to back, the bare endpoint and the endpoint with
one worker, then both with two. Each endpoint is measured in three rounds (--rounds): its
figures are the medians of its rounds, and each ratio the median of the rounds' ratios,
each taken within a round, so that a machine whose speed drifts moves both sides of a
ratio alike. Before the first round of a read, each server reads for a while, so that its
read cache is as full as a server's in service. Targets, all with no errors: with one
worker, reads reach 53% and writes 28% of the bare endpoint on SQLite, 40% and 20% on
PostgreSQL; with two, 50% and 25% on SQLite, and on PostgreSQL 1.6 times one worker's reads
and 1.3 times its writes.

The ledger is the demo data scaled to 100,000 claims (tests/bench/scaled_ledger.py),
built once into var/bench/ and copied for each run, since the POSTs add to it; on
PostgreSQL it is built into a database of the benchmark's own, dropped at the end. The
verification of the whole ledger (`sooth verify`) is timed on each as well.

Reads go without a key, as the public does, so the anonymous rate limit is turned off
(SOOTH_ANON_RATE_LIMIT=off); the scheduler is off so that its jobs do not land in the
figures. Run: python tests/bench/bench_load.py [--duration 5] [--rounds 3] [--postgres URL |
--no-postgres] [--rebuild]. Exits non-zero when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from forecasts.domain import Role, utc_now  # noqa: E402
from service.database import Database  # noqa: E402
from service.keys import create_key  # noqa: E402
from service.migrations_runner import migrate  # noqa: E402
from service.verification import verify  # noqa: E402
from tests.bench.scaled_ledger import (  # noqa: E402
    GENERATOR_VERSION,
    MADE_AT,
    build_ledger,
    ledger_facts,
)

BENCH_DIR = ROOT / "var" / "bench"
CLAIMS = 100_000
CONNECTIONS = 16
THREADS = 2
WARMUP_SECONDS = 2
# Each process keeps the JSON of what it read last (service/read_cache.py). Before the
# first round of a read, every server reads for this long, so that its cache is in the
# state of a server in service: full, its share of reads answered from it steady. Two
# workers fill two caches, each with half the reads; after the short warm-up alone, the
# two-worker server ran with colder caches than the one-worker server in every round.
CACHE_WARMUP_SECONDS = 20
READ_TARGET = 0.50
WRITE_TARGET = 0.25
# One worker on SQLite keeps the figures it had (56% of bare on reads, 31% on POST), less
# three points; one worker on PostgreSQL reaches 40% on reads and 20% on POST, and two
# serve 1.6 times one on reads and 1.3 times on POST.
SQLITE_READ, SQLITE_WRITE = 0.53, 0.28
POSTGRES_READ, POSTGRES_WRITE = 0.40, 0.20
POSTGRES_SCALING_READ, POSTGRES_SCALING_WRITE = 1.6, 1.3
POSTGRES_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
SECRET = "bench-secret-key-not-for-production"

DONE = """
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format(
    'RESULT {"requests": %d, "seconds": %f, "p50_us": %d, "p99_us": %d, "errors": %d,'
    .. ' "status_errors": %d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50),
    latency:percentile(99), errors, summary.errors.status))
end
"""


@dataclass(frozen=True)
class Figure:
    """One wrk run: throughput, latency percentiles, failed requests."""

    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int


@dataclass(frozen=True)
class Round:
    """An endpoint measured once: the bare endpoint's figure and its own, by workers."""

    bare: dict[int, Figure]
    figure: dict[int, Figure]

    def ratio(self, workers: int) -> float:
        """The endpoint's throughput as a share of the bare endpoint's."""
        return self.figure[workers].requests_per_second / self.bare[workers].requests_per_second

    def scaling(self) -> float:
        """Two workers' throughput as a multiple of one worker's."""
        return self.figure[2].requests_per_second / self.figure[1].requests_per_second


@dataclass(frozen=True)
class Row:
    """A line of the table: an endpoint's figures with some workers over its rounds."""

    backend: str
    workers: int
    endpoint: str
    rounds: list[Round]

    @property
    def passed(self) -> bool:
        """The target met, and no request failed."""
        return judged(self)[1] and self.errors == 0

    @property
    def target(self) -> str:
        return judged(self)[0]

    @property
    def figure(self) -> Figure:
        return median_figure([r.figure[self.workers] for r in self.rounds])

    @property
    def bare(self) -> Figure:
        return median_figure([r.bare[self.workers] for r in self.rounds])

    @property
    def ratio(self) -> float:
        """The median of the rounds' ratios to the bare endpoint."""
        return median([r.ratio(self.workers) for r in self.rounds])

    @property
    def scaling(self) -> float:
        """The median of the rounds' ratios of two workers' throughput to one worker's."""
        return median([r.scaling() for r in self.rounds])

    @property
    def errors(self) -> int:
        return sum(r.figure[self.workers].errors for r in self.rounds)


def free_port() -> int:
    """A TCP port on loopback nobody is listening on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def lua_scripts(question_ids: range, slugs: list[str], key: str) -> dict[str, Path]:
    """The wrk scripts of each endpoint, written under var/bench/."""
    quoted = ", ".join(json.dumps(slug) for slug in slugs)
    # Each wrk thread seeds its own generator with its own number: seeded from the clock
    # alone, two threads started together draw the same claims, and the repeats are 409s.
    seed = (
        "local threads = 0\n"
        'setup = function(thread) threads = threads + 1; thread:set("number", threads) end\n'
        "init = function(args)\n"
        '  math.randomseed(os.time() * 1000 + tonumber(wrk.thread:get("number")))\n'
        "end\n"
    )
    scripts = {
        "bare": 'request = function() return wrk.format("GET", "/constant") end\n',
        "GET /api/v1/questions/{id}": seed
        + "request = function()\n"
        + f'  return wrk.format("GET", "/api/v1/questions/" .. math.random({question_ids.start},'
        + f" {question_ids.stop - 1}))\nend\n",
        "GET /api/v1/claims?source=": seed
        + f"local slugs = {{{quoted}}}\n"
        + "request = function()\n"
        + '  return wrk.format("GET", "/api/v1/claims?source=" .. slugs[math.random(#slugs)])\n'
        + "end\n",
        "POST /api/v1/claims": seed
        + f"local slugs = {{{quoted}}}\n"
        + 'local headers = {["Content-Type"] = "application/json",'
        + f' ["Authorization"] = "Bearer {key}"}}\n'
        + "request = function()\n"
        + "  local body = string.format("
        # A quote of its own per request: an exact repeat of a claim is refused with 409.
        + '\'{"source": "%s", "question_id": %d, "probability": %.2f, "quote": "Load test %d.",'
        + f' "made_at": "{MADE_AT.isoformat()}"}}\','
        + f" slugs[math.random(#slugs)], math.random({question_ids.start},"
        + f" {question_ids.stop - 1}), math.random(1, 99) / 100, math.random(1, 1000000000))\n"
        + '  return wrk.format("POST", "/api/v1/claims", headers, body)\n'
        + "end\n",
    }
    paths = {}
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    for number, (name, body) in enumerate(scripts.items()):
        path = BENCH_DIR / f"load-{number}.lua"
        path.write_text(body + DONE, encoding="utf-8")
        paths[name] = path
    return paths


def run_wrk(base_url: str, script: Path, seconds: int, warmup: int = WARMUP_SECONDS) -> Figure:
    """wrk for `seconds` after `warmup` seconds of the same load; the figures its done()
    hook prints.
    """
    for duration in (warmup, seconds):
        completed = subprocess.run(
            [
                "wrk",
                f"-t{THREADS}",
                f"-c{CONNECTIONS}",
                f"-d{duration}s",
                "--timeout",
                "10s",
                "-s",
                str(script),
                base_url,
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    line = next(x for x in completed.stdout.splitlines() if x.startswith("RESULT "))
    data = json.loads(line.removeprefix("RESULT "))
    return Figure(
        requests_per_second=data["requests"] / data["seconds"],
        p50_ms=data["p50_us"] / 1000,
        p99_ms=data["p99_us"] / 1000,
        errors=data["errors"],
    )


def median_figure(figures: list[Figure]) -> Figure:
    """The figure of median throughput, with the errors of all of them."""
    middle = sorted(figures, key=lambda f: f.requests_per_second)[len(figures) // 2]
    return Figure(
        requests_per_second=middle.requests_per_second,
        p50_ms=middle.p50_ms,
        p99_ms=middle.p99_ms,
        errors=sum(f.errors for f in figures),
    )


def median(values: list[float]) -> float:
    """The middle value; of an even number, the upper of the two middle ones."""
    return sorted(values)[len(values) // 2]


def measured_round(
    bare_urls: dict[int, str], urls: dict[int, str], scripts: tuple[Path, Path], seconds: int
) -> Round:
    """One round of an endpoint: for each number of workers, the bare endpoint just before
    the endpoint itself, so that the figures a ratio compares are taken moments apart and
    the median of the rounds leaves out one a burst of other work on the machine landed on.
    """
    bare_script, script = scripts
    bare: dict[int, Figure] = {}
    figure: dict[int, Figure] = {}
    for workers in sorted(urls):
        bare[workers] = run_wrk(bare_urls[workers], bare_script, seconds)
        figure[workers] = run_wrk(urls[workers], script, seconds)
    return Round(bare, figure)


@contextmanager
def served(command: list[str], env: dict[str, str], port: int, probe: str) -> Iterator[str]:
    """A server process on `port`, ready once `probe` answers 200; stopped at the end."""
    log = (BENCH_DIR / f"server-{port}.log").open("w")
    process = subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    try:
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"server exited; see {log.name}")
            try:
                with urllib.request.urlopen(base_url + probe, timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"server did not answer {probe}; see {log.name}")
            time.sleep(0.2)  # waiting for a server to start, not for a schedule
        yield base_url
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        log.close()


def uvicorn_command(app: str, port: int, workers: int) -> list[str]:
    """The app served exactly as `sooth serve` serves Sooth (service/serving.py)."""
    call = (
        "from service.serving import serve; "
        f"serve({app!r}, host='127.0.0.1', port={port}, workers={workers})"
    )
    return [sys.executable, "-c", call]


def sooth_command(port: int, workers: int) -> list[str]:
    """`sooth serve` itself."""
    sooth = Path(sys.executable).with_name("sooth")
    return [
        str(sooth),
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(workers),
    ]


def sqlite_ledger(rebuild: bool) -> Path:
    """The cached SQLite ledger of 100,000 claims, built when missing."""
    path = BENCH_DIR / f"ledger-{CLAIMS}-v{GENERATOR_VERSION}.db"
    if rebuild or not path.exists():
        for stale in BENCH_DIR.glob(f"{path.name}*"):
            stale.unlink()
        started = time.perf_counter()
        print(f"building {path.name} (once) ...", flush=True)
        build_ledger(f"sqlite:///{path.with_suffix('.tmp')}", claims=CLAIMS)
        path.with_suffix(".tmp").rename(path)
        print(f"  built in {time.perf_counter() - started:.0f} s", flush=True)
    return path


@contextmanager
def postgres_ledger(server: str) -> Iterator[str]:
    """A database of this run's own on `server`, holding the scaled ledger; dropped after."""
    name = f"sooth_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(make_url(server), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(server).set(database=name).render_as_string(hide_password=False)
    try:
        started = time.perf_counter()
        print(f"building the ledger in PostgreSQL database {name} ...", flush=True)
        build_ledger(url, claims=CLAIMS)
        # A database in service is vacuumed and analysed by autovacuum; one loaded a moment
        # ago is not yet, and its counts would read every row's page for visibility.
        vacuum = create_engine(make_url(url), isolation_level="AUTOCOMMIT")
        with vacuum.connect() as connection:
            connection.execute(text("VACUUM ANALYZE"))
        vacuum.dispose()
        print(f"  built in {time.perf_counter() - started:.0f} s", flush=True)
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def editor_key(url: str) -> str:
    """A fresh editor's API key on the database at `url`."""
    database = Database(url)
    try:
        with database.writing() as session:
            _, clear = create_key(session=session, name="bench", role=Role.editor, now=utc_now())
        return clear
    finally:
        database.dispose()


def timed_verify(url: str) -> tuple[float, int, bool]:
    """Seconds to verify the whole ledger, the entries verified, and whether it was ok."""
    database = Database(url)
    try:
        started = time.perf_counter()
        result = verify(database)
        return time.perf_counter() - started, result.count, result.ok
    finally:
        database.dispose()


def bench_backend(backend: str, url: str, seconds: int, rounds: int) -> list[Row]:
    """Every endpoint with one and with two workers, each against the bare endpoint."""
    database = Database(url)
    facts = ledger_facts(database)
    with database.engine.connect() as connection:
        first = connection.execute(
            text("SELECT min(id) FROM question WHERE created_by = 'bench'")
        ).scalar_one()
    database.dispose()
    question_ids = range(int(first), facts.question_ids[-1] + 1)
    scripts = lua_scripts(question_ids, facts.source_slugs, editor_key(url))
    env = os.environ | {
        "PYTHONPATH": str(ROOT),
        "SOOTH_DATABASE_URL": url,
        "SOOTH_VAR_DIR": str(BENCH_DIR / "var"),
        "SOOTH_SECRET_KEY": SECRET,
        "SOOTH_SCHEDULER": "false",
        "SOOTH_ANON_RATE_LIMIT": "off",
    }
    rows: list[Row] = []
    with ExitStack() as servers:
        bare_urls: dict[int, str] = {}
        urls: dict[int, str] = {}
        for workers in (1, 2):
            bare_port, port = free_port(), free_port()
            bare_app = uvicorn_command("tests.bench.bare_app:create_app", bare_port, workers)
            bare_urls[workers] = servers.enter_context(
                served(bare_app, env, bare_port, "/constant")
            )
            urls[workers] = servers.enter_context(
                served(sooth_command(port, workers), env, port, "/api/v1/health")
            )
        for endpoint, script in scripts.items():
            if endpoint == "bare":
                continue
            if endpoint.startswith("GET"):
                for url in urls.values():
                    run_wrk(url, script, 1, warmup=CACHE_WARMUP_SECONDS)
            measured = [
                measured_round(bare_urls, urls, (scripts["bare"], script), seconds)
                for _ in range(rounds)
            ]
            for workers in (1, 2):
                rows.append(Row(backend, workers, endpoint, measured))
                print_row(rows[-1])
    return rows


def print_row(row: Row) -> None:
    """A row's figures as soon as they are measured, with each round's ratio."""
    spread = ", ".join(f"{r.ratio(row.workers):.0%}" for r in row.rounds)
    scaling = ""
    if row.workers == 2:
        scaling = "; 2 workers / 1, per round " + ", ".join(
            f"{r.scaling():.2f}x" for r in row.rounds
        )
    print(
        f"  {row.backend}, {row.workers} worker(s), {row.endpoint}: "
        f"{row.figure.requests_per_second:,.0f} req/s, {row.errors} errors; "
        f"bare {row.bare.requests_per_second:,.0f} req/s; ratio per round {spread}{scaling}",
        flush=True,
    )


def judged(row: Row) -> tuple[str, bool]:
    """The target a row's figures are held to, and whether they meet it (errors aside):
    the median of the rounds' ratios, each taken within its round.
    """
    backend, workers = row.backend, row.workers
    write = row.endpoint.startswith("POST")
    if backend == "postgresql" and workers == 2:
        wanted = POSTGRES_SCALING_WRITE if write else POSTGRES_SCALING_READ
        return f">= {wanted}x 1 worker, no errors", row.scaling >= wanted
    targets = {
        ("sqlite", 1): (SQLITE_WRITE, SQLITE_READ),
        ("sqlite", 2): (WRITE_TARGET, READ_TARGET),
        ("postgresql", 1): (POSTGRES_WRITE, POSTGRES_READ),
    }
    wanted = targets[backend, workers][0 if write else 1]
    return f">= {wanted:.0%} of bare, no errors", row.ratio >= wanted


def bench_verified(
    backend: str, name: str, url: str, timing: tuple[int, int], checks: list[str]
) -> list[Row]:
    """bench_backend between two runs of `sooth verify`, whose outcomes go into `checks`."""
    took, entries, ok = timed_verify(url)
    checks.append(
        f"sooth verify on {name}: {entries:,} entries in {took:.1f} s, {'ok' if ok else 'FAILED'}"
    )
    rows = bench_backend(backend, url, *timing)
    _, entries, ok = timed_verify(url)
    checks.append(
        f"after the run, {name} ledger of {entries:,} entries: "
        f"{'verifies' if ok else 'does NOT verify'}"
    )
    return rows


def print_table(rows: list[Row]) -> None:
    """The results as a Markdown table."""
    print()
    print(
        "| backend | workers | endpoint | req/s | p50 ms | p99 ms | errors | bare req/s "
        "| ratio | 2 workers / 1 | target | result |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        scaling = f"{row.scaling:.2f}x" if row.workers == 2 else ""
        print(
            f"| {row.backend} | {row.workers} | {row.endpoint} | "
            f"{row.figure.requests_per_second:,.0f} | {row.figure.p50_ms:.1f} | "
            f"{row.figure.p99_ms:.1f} | {row.errors} | "
            f"{row.bare.requests_per_second:,.0f} | {row.ratio:.0%} | {scaling} | "
            f"{row.target} | {'PASS' if row.passed else 'FAIL'} |"
        )


def main() -> int:
    """Run the benchmark and print its table; non-zero when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=5, help="Seconds per measurement.")
    parser.add_argument(
        "--rounds", type=int, default=3, help="Measurements per figure; the median is taken."
    )
    parser.add_argument("--postgres", default=POSTGRES_SERVER, help="A server to bench on.")
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only.")
    parser.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only.")
    parser.add_argument(
        "--postgres-ledger",
        help="A PostgreSQL database already holding the scaled ledger, used as it is "
        "(the POSTs add to it) instead of one built for the run.",
    )
    parser.add_argument("--rebuild", action="store_true", help="Rebuild the cached ledger.")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        print("wrk is missing: apt-get install -y wrk", file=sys.stderr)
        return 2

    timing = (args.duration, args.rounds)
    rows: list[Row] = []
    checks: list[str] = []
    if not args.no_sqlite:
        cached = sqlite_ledger(args.rebuild)
        working = BENCH_DIR / "run-sqlite.db"
        for stale in BENCH_DIR.glob("run-sqlite.db*"):
            stale.unlink()
        shutil.copyfile(cached, working)
        url = f"sqlite:///{working}"
        migrate(url)  # a cached ledger may predate the latest migration
        rows += bench_verified("sqlite", "SQLite", url, timing, checks)
    if args.postgres_ledger:
        rows += bench_verified("postgresql", "PostgreSQL", args.postgres_ledger, timing, checks)
    elif not args.no_postgres:
        with postgres_ledger(args.postgres) as pg_url:
            rows += bench_verified("postgresql", "PostgreSQL", pg_url, timing, checks)

    print_table(rows)
    print()
    for line in checks:
        print(line)
    failed = [row for row in rows if not row.passed]
    missed = failed or any("FAILED" in c or "NOT" in c for c in checks)
    print("\nall load targets met" if not missed else f"\n{len(failed)} target(s) missed")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
