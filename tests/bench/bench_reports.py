"""Benchmark: GET /api/v1/reports/scores.csv over a ledger of 1,000,000 scored claims.

Prints, from one run on one SQLite file:

- the end-to-end time of GET /api/v1/reports/scores.csv through the ASGI app (routing,
  the report's SQL, pandas, CSV), best of a few runs;
- the bare SQL GROUP BY that sums the same quantities (the same rules for which claims
  count, written by hand), run by the sqlite3 module on the same file, best of a few;
- their ratio against the target "within 2 times that query", PASS or FAIL;
- for scale, the floor: a plain claim-resolution join summing per source and bin with
  none of the rules (it gives other numbers on this ledger, which holds claims that do
  not count);
- the peak memory of the report, measured in a fresh process (its peak resident set,
  which counts SQLite's and numpy's allocations too; target under 500 MB), with
  tracemalloc's peak of the Python allocations during the request beside it.

The ledger is generated once (a minute or so) and cached under var/bench/, keyed by its
parameters: 10,000 sources, 100 scored claims each over 50,000 resolved questions, plus
what must not count: superseded and retracted claims, annulled and open questions, and
corrected resolutions. Run with `python tests/bench/bench_reports.py [--rebuild]
[--postgres URL]`; with --postgres the ledger is also copied once into a database of its
own on that server and the same comparison made there, in wall time. Exits non-zero when
a target is missed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from fastapi.testclient import TestClient  # noqa: E402

from forecasts.bins import tenths  # noqa: E402

TARGET_RATIO = 2.0
TARGET_MEMORY_MB = 500.0
REPEATS = 3
GENERATOR_VERSION = 1


@dataclass(frozen=True)
class LedgerShape:
    """What the generated ledger holds; its file name is derived from these."""

    sources: int = 10_000
    scored_per_source: int = 100
    sources_per_question: int = 20
    annulled_questions: int = 1_000
    open_questions: int = 2_000
    superseded_share: float = 0.05
    retracted_share: float = 0.01
    corrected_questions: int = 500
    tags: int = 30
    seed: int = 20260302

    @property
    def resolved_questions(self) -> int:
        """Questions resolved yes or no: every scored claim is on one of them."""
        return self.sources * self.scored_per_source // self.sources_per_question

    @property
    def scored_claims(self) -> int:
        """How many claims count in the report."""
        return self.sources * self.scored_per_source

    def path(self) -> Path:
        """Where the ledger built with these parameters is cached."""
        key = "-".join(f"{value}" for value in asdict(self).values())
        return ROOT / "var" / "bench" / f"reports-v{GENERATOR_VERSION}-{key}.db"


# --- building the ledger -----------------------------------------------------------------


def _instants(base: np.datetime64, offsets_s: np.ndarray) -> list[str]:
    """SQLAlchemy's SQLite storage format for UTC instants: 'YYYY-MM-DD HH:MM:SS.ffffff'."""
    values = base + offsets_s.astype("timedelta64[s]")
    text = np.datetime_as_string(values.astype("datetime64[us]"), unit="us")
    return [value.replace("T", " ") for value in text.tolist()]


def build_ledger(shape: LedgerShape, path: Path) -> None:
    """Migrate a new SQLite file and fill it with raw SQL in one transaction."""
    from service.migrations_runner import migrate

    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    migrate(f"sqlite:///{partial}")
    rng = np.random.default_rng(shape.seed)
    base = np.datetime64("2024-01-01T00:00:00")
    started = time.perf_counter()

    n_sources = shape.sources
    n_resolved = shape.resolved_questions
    n_questions = n_resolved + shape.annulled_questions + shape.open_questions
    per_question = shape.sources_per_question

    # Questions: resolved first, then annulled, then open; deadlines ten minutes apart.
    question_ids = np.arange(1, n_questions + 1)
    deadline_s = (question_ids * 600).astype(np.int64)
    status = np.array(
        ["resolved"] * n_resolved
        + ["annulled"] * shape.annulled_questions
        + ["open"] * shape.open_questions,
        dtype=object,
    )
    happened = (rng.random(n_questions) < 0.4).astype(np.int64)

    # Each question's sources: consecutive slices of permutations of all sources, so a
    # source claims at most once per question and exactly scored_per_source times over
    # the resolved questions.
    permutations = np.concatenate(
        [rng.permutation(n_sources) + 1 for _ in range(-(-n_questions * per_question // n_sources))]
    )
    claim_source = permutations[: n_questions * per_question]
    claim_question = np.repeat(question_ids, per_question)
    n_pairs = claim_source.size

    skill = rng.uniform(0.0, 1.5, n_sources + 1)
    bias = rng.normal(0.0, 0.4, n_sources + 1)
    y = happened[claim_question - 1]
    z = (2 * y - 1) * skill[claim_source] + rng.normal(0.0, 1.0, n_pairs) + bias[claim_source]
    probability = 1.0 / (1.0 + np.exp(-z))
    style = rng.random(n_pairs)
    probability = np.where(
        style < 0.6,
        np.round(probability, 1),
        np.where(style < 0.8, np.round(probability, 2), probability),
    )
    made_s = deadline_s[claim_question - 1] - rng.integers(86_400, 200 * 86_400, n_pairs)

    # What must not count: an earlier claim the same source superseded, a later one it
    # retracted.
    superseded = np.flatnonzero(rng.random(n_pairs) < shape.superseded_share)
    retracted = np.flatnonzero(rng.random(n_pairs) < shape.retracted_share)
    sources_all = np.concatenate([claim_source, claim_source[superseded], claim_source[retracted]])
    questions_all = np.concatenate(
        [claim_question, claim_question[superseded], claim_question[retracted]]
    )
    probability_all = np.concatenate(
        [probability, rng.random(superseded.size), rng.random(retracted.size)]
    )
    made_all = np.concatenate([made_s, made_s[superseded] - 30 * 86_400, made_s[retracted] + 3_600])
    retracted_at = [None] * (n_pairs + superseded.size) + _instants(base, made_s[retracted] + 7_200)
    made_text = _instants(base, made_all)
    claims = list(
        zip(
            questions_all.tolist(),
            sources_all.tolist(),
            probability_all.tolist(),
            made_text,
            made_text,
            retracted_at,
            strict=True,
        )
    )

    resolution_rows: list[tuple[int, int, str, str | None, str]] = []
    outcomes = np.where(happened == 1, "yes", "no").astype(object)
    corrected = set(rng.choice(n_resolved, shape.corrected_questions, replace=False).tolist())
    deadline_text = _instants(base, deadline_s)
    resolved_text = _instants(base, deadline_s + 2 * 86_400)
    corrected_text = _instants(base, deadline_s + 3 * 86_400)
    for index in range(n_resolved + shape.annulled_questions):
        question_id = index + 1
        outcome = outcomes[index] if index < n_resolved else "annulled"
        if index in corrected:
            wrong = "no" if outcome == "yes" else "yes"
            resolution_rows.append((question_id, 1, wrong, None, resolved_text[index]))
            resolution_rows.append(
                (question_id, 2, outcome, "misread evidence", corrected_text[index])
            )
        else:
            resolution_rows.append((question_id, 1, outcome, None, resolved_text[index]))

    tag_count = rng.integers(1, 3, n_questions)
    tag_rows: list[tuple[int, str]] = []
    for question_id, count in zip(question_ids.tolist(), tag_count.tolist(), strict=True):
        first = (question_id * 7) % shape.tags
        tag_rows.extend(
            (question_id, f"tag-{(first + k * 11) % shape.tags:02d}") for k in range(count)
        )

    connection = sqlite3.connect(partial, isolation_level=None)
    connection.execute("PRAGMA journal_mode=OFF")
    connection.execute("PRAGMA synchronous=OFF")
    connection.execute("BEGIN")
    created = "2024-01-01 00:00:00.000000"
    connection.executemany(
        "INSERT INTO source (id, slug, name, kind, description, created_at, created_by) "
        "VALUES (?, ?, ?, 'person', '', ?, 'bench')",
        [(k, f"source-{k:05d}", f"Source {k:05d}", created) for k in range(1, n_sources + 1)],
    )
    connection.executemany(
        "INSERT INTO question (id, title, resolution_criteria, deadline, status, created_at, "
        "created_by) VALUES (?, ?, 'Yes if it happens.', ?, ?, ?, 'bench')",
        [
            (question_id, f"Will event {question_id} happen?", deadline_text[i], status[i], created)
            for i, question_id in enumerate(question_ids.tolist())
        ],
    )
    connection.executemany("INSERT INTO question_tag (question_id, tag) VALUES (?, ?)", tag_rows)
    connection.executemany(
        "INSERT INTO claim (question_id, source_id, probability, probability_basis, quote, "
        "made_at, recorded_at, recorded_by, retracted_at) "
        "VALUES (?, ?, ?, 'stated', 'q', ?, ?, 'bench', ?)",
        claims,
    )
    connection.executemany(
        "INSERT INTO resolution (question_id, sequence, outcome, reason, resolved_at, "
        "resolved_by) VALUES (?, ?, ?, ?, ?, 'bench')",
        resolution_rows,
    )
    connection.execute("COMMIT")
    connection.execute("PRAGMA journal_mode=WAL")
    connection.close()
    partial.replace(path)
    print(
        f"built {path.name}: {len(claims):,} claims ({shape.scored_claims:,} scored) on "
        f"{n_questions:,} questions in {time.perf_counter() - started:.0f} s",
        flush=True,
    )


# --- what is measured ------------------------------------------------------------------


def bare_query(*, rules: bool, postgres: bool = False) -> str:
    """The hand-written GROUP BY over the ledger, in the fastest form known, with or without
    the rules for which claims count.

    Fastest form: resolved questions first, then their claims through ix_claim_scoring
    (CROSS JOIN fixes that order in SQLite, whose planner otherwise walks claims in source
    order at several times the cost), and EXISTS (SELECT 1 ...) answered from indexes.
    """
    scheme = tenths()
    bins = " ".join(
        f"WHEN c.probability < {cut!r} THEN {index}" for index, cut in enumerate(scheme.cuts)
    )
    p = "c.probability"
    if postgres:
        y = "(CASE WHEN r.outcome = 'yes' THEN 1 ELSE 0 END)"
        clipped = f"least(greatest({p}, 0.001), 0.999)"
        yes = "r.outcome = 'yes'"
    else:
        y = "(r.outcome = 'yes')"
        clipped = f"min(max({p}, 0.001), 0.999)"
        yes = y
    # PostgreSQL has no CROSS JOIN ... ON, and its planner needs no help with the order.
    join = "JOIN" if postgres else "CROSS JOIN"
    # A claim's standing (docs/scoring.md): 0 contemporaneous, 1 evidenced hindsight, 2 not.
    own, theirs = _standing("c"), _standing("later")
    selection = (
        f"""
        AND c.retracted_at IS NULL
        AND c.made_at <= q.deadline
        AND NOT EXISTS (
            SELECT 1 FROM resolution newer
            WHERE newer.question_id = r.question_id AND newer.sequence > r.sequence)
        AND {own} <= 1
        AND NOT EXISTS (
            SELECT 1 FROM claim later
            WHERE later.question_id = c.question_id AND later.source_id = c.source_id
              AND later.retracted_at IS NULL AND later.made_at <= q.deadline
              AND (((later.made_at > c.made_at
                     OR (later.made_at = c.made_at AND later.id > c.id)) AND {theirs} <= {own})
                   OR ({own} > 0 AND {theirs} < {own}))
              AND {theirs} <= 1)
        """
        if rules
        else ""
    )
    first = (
        f"{join} resolution f ON f.question_id = r.question_id AND f.sequence = 1" if rules else ""
    )
    return f"""
        SELECT c.source_id, CASE {bins} ELSE {len(scheme.cuts)} END AS bin,
               count(*), sum({p}), sum({y}), sum({p} * {p}), sum({p} * {y}),
               sum(-ln(CASE WHEN {yes} THEN {clipped} ELSE 1 - {clipped} END))
        FROM resolution r
        {join} question q ON q.id = r.question_id
        {first}
        {join} claim c ON c.question_id = r.question_id
        WHERE r.outcome IN ('yes', 'no') {selection}
        GROUP BY 1, 2
    """


def _standing(claim: str) -> str:
    """A claim's standing for scoring as a CASE, given q (its question) and f (its first
    resolution)."""
    return f"""(CASE WHEN {claim}.recorded_at < q.deadline AND {claim}.recorded_at < f.resolved_at
        THEN 0
        WHEN {claim}.citation_url IS NOT NULL AND {claim}.citation_url <> ''
          AND {claim}.published_at IS NOT NULL AND {claim}.published_at <= q.deadline
          AND {claim}.published_at <= f.resolved_at THEN 1
        ELSE 2 END)"""


@dataclass
class Timing:
    """The fastest of several runs, in wall-clock and in CPU seconds of this process."""

    wall: float = float("inf")
    cpu: float = float("inf")

    def measure(self, run: Callable[[], object]) -> object:
        """Run once, keep the better times, return what run returned."""
        wall, cpu = time.perf_counter(), time.process_time()
        result = run()
        self.wall = min(self.wall, time.perf_counter() - wall)
        self.cpu = min(self.cpu, time.process_time() - cpu)
        return result


def run_sql(path: Path, sql: str) -> list[tuple[object, ...]]:
    """Run sql with the sqlite3 module on its own connection and fetch every row."""
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def report_client(path: Path, url: str | None = None) -> TestClient:
    """A TestClient of the app on the ledger file, or on url (entered by the caller)."""
    from service.app import create_app
    from service.settings import Settings

    settings = Settings(
        database_url=url or f"sqlite:///{path}",
        var_dir=ROOT / "var" / "bench",
        scheduler=False,
        secret_key="bench",
        _env_file=None,
    )
    return TestClient(create_app(settings))


def fetch_csv(client: TestClient, params: dict[str, str] | None = None) -> str:
    """GET /api/v1/reports/scores.csv and return its body, failing on any other status."""
    response = client.get("/api/v1/reports/scores.csv", params=params or {})
    if response.status_code != 200:
        raise SystemExit(f"scores.csv answered {response.status_code}: {response.text[:500]}")
    return str(response.text)


def peak_rss_mb() -> float:
    """This process's peak resident set in MB: VmHWM, where Linux gives it.

    Not ru_maxrss: Linux carries that across exec from the process that started this one,
    so a probe started by a bench that had just built the ledger reported the builder's
    peak (613 MB) rather than its own (about 320 MB).
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text(encoding="utf-8").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def memory_probe(path: Path) -> dict[str, float]:
    """In this (fresh) process: the peak RSS before and after one report, tracemalloc's peak."""
    import tracemalloc

    client = report_client(path)
    with client:
        client.get("/api/v1/health")
        before = peak_rss_mb()
        tracemalloc.start()
        body = fetch_csv(client)
        _, traced_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        after = peak_rss_mb()
    return {
        "rss_before_mb": before,
        "rss_peak_mb": after,
        "traced_peak_mb": traced_peak / 2**20,
        "csv_bytes": len(body),
    }


def compare_with_bare(path: Path, body: str) -> float:
    """Largest difference between the CSV's n and brier and those from the bare query."""
    import io

    import pandas as pd

    rows = run_sql(path, bare_query(rules=True))
    sums = pd.DataFrame(rows, columns=["source_id", "bin", "n", "p", "y", "p2", "py", "ll"])
    per_source = sums.groupby("source_id")[["n", "y", "p2", "py"]].sum()
    brier = (per_source["p2"] - 2 * per_source["py"] + per_source["y"]) / per_source["n"]
    report = pd.read_csv(io.StringIO(body))
    report.index = report["source"].str.removeprefix("source-").astype(int)
    n_gap = (report["n"] - per_source["n"].reindex(report.index)).abs().max()
    return float(max(n_gap, (report["brier"] - brier.reindex(report.index)).abs().max()))


def postgres_database(path: Path, server: str, shape: LedgerShape) -> str:
    """A PostgreSQL copy of the SQLite ledger (made once, named by its parameters); its URL."""
    import psycopg
    from sqlalchemy.engine import make_url

    from service.migrations_runner import migrate

    name = f"sooth_bench_reports_{hashlib.sha1(path.stem.encode()).hexdigest()[:12]}"
    base = make_url(server)
    url = base.set(database=name).render_as_string(hide_password=False)
    plain = base.set(drivername="postgresql")
    admin_url = plain.render_as_string(hide_password=False)
    with psycopg.connect(admin_url, autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists is not None:
            migrate(url)
            return url
        admin.execute(f'CREATE DATABASE "{name}"')
    migrate(url)
    started = time.perf_counter()
    tables = {
        "source": "id, slug, name, kind, description, created_at, created_by",
        "question": "id, title, resolution_criteria, deadline, status, created_at, created_by",
        "question_tag": "question_id, tag",
        "claim": "id, question_id, source_id, probability, probability_basis, quote, made_at, "
        "recorded_at, recorded_by, retracted_at",
        "resolution": "id, question_id, sequence, outcome, reason, resolved_at, resolved_by",
    }
    instants = {"created_at", "deadline", "made_at", "recorded_at", "retracted_at", "resolved_at"}
    source = sqlite3.connect(path)
    database_url = plain.set(database=name).render_as_string(hide_password=False)
    with psycopg.connect(database_url) as target:
        for table, columns in tables.items():
            utc = [column.strip() in instants for column in columns.split(",")]
            with target.cursor().copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in source.execute(f"SELECT {columns} FROM {table}"):
                    copy.write_row(
                        [
                            f"{v}+00" if is_utc and v is not None else v
                            for v, is_utc in zip(row, utc, strict=True)
                        ]
                    )
        target.execute("ANALYZE")
    print(
        f"copied the ledger to PostgreSQL database {name} in {time.perf_counter() - started:.0f} s"
    )
    return url


def run_postgres(url: str, sql: str) -> list[tuple[object, ...]]:
    """Run sql with psycopg on its own connection and fetch every row."""
    import psycopg
    from sqlalchemy.engine import make_url

    plain = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(plain) as connection:
        return connection.execute(sql).fetchall()


def bench_postgres(path: Path, server: str, shape: LedgerShape) -> bool:
    """The same comparison on PostgreSQL, in wall time (the work is in the server's processes)."""
    url = postgres_database(path, server, shape)
    bare, report = Timing(), Timing()
    sql = bare_query(rules=True, postgres=True)
    run_postgres(url, sql)
    with report_client(path, url=url) as client:
        fetch_csv(client)
        for _ in range(REPEATS):
            bare.measure(lambda: run_postgres(url, sql))
            report.measure(lambda: fetch_csv(client))
    ratio = report.wall / bare.wall
    ok = ratio <= TARGET_RATIO
    print(f"{'PostgreSQL, best of ' + str(REPEATS):58} {'wall s':>8}")
    print(f"{'GET /api/v1/reports/scores.csv, end to end (ASGI app)':58} {report.wall:8.3f}")
    print(f"{'bare SQL GROUP BY, same rules, psycopg':58} {bare.wall:8.3f}")
    print(
        f"report / bare query on PostgreSQL: {ratio:.2f} in wall time "
        f"(target <= {TARGET_RATIO:g}): {'PASS' if ok else 'FAIL'}"
    )
    return ok


def main() -> int:
    """Build or reuse the ledger, measure, print the figures; non-zero when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rebuild", action="store_true", help="Regenerate the cached ledger.")
    parser.add_argument(
        "--postgres",
        metavar="URL",
        help="Also compare on PostgreSQL: a server URL such as "
        "postgresql+psycopg://postgres@127.0.0.1:5432/test (the ledger is copied once).",
    )
    parser.add_argument("--memory-probe", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_probe is not None:
        print(json.dumps(memory_probe(args.memory_probe)))
        return 0

    shape = LedgerShape()
    path = shape.path()
    if args.rebuild or not path.exists():
        build_ledger(shape, path)
    # A ledger cached before a later migration is brought up to date, as `sooth migrate` would.
    from service.migrations_runner import migrate

    migrate(f"sqlite:///{path}")
    print(f"ledger: {path.relative_to(ROOT)} ({path.stat().st_size / 2**20:,.0f} MB)")

    # Warm the page cache once so that neither side pays for the first read from disk,
    # then alternate the measured runs so that a busy spell on a shared machine falls on
    # both sides alike.
    bare, floor, report = Timing(), Timing(), Timing()
    run_sql(path, bare_query(rules=True))
    body = ""
    with report_client(path) as client:
        fetch_csv(client)
        for _ in range(REPEATS):
            bare.measure(lambda: run_sql(path, bare_query(rules=True)))
            floor.measure(lambda: run_sql(path, bare_query(rules=False)))
            body = str(report.measure(lambda: fetch_csv(client)))
    gap = compare_with_bare(path, body)
    groups = body.count("\n") - 1

    probe = subprocess.run(
        [sys.executable, __file__, "--memory-probe", str(path)],
        check=True,
        capture_output=True,
        text=True,
        env=os.environ | {"PYTHONPATH": str(ROOT)},
    )
    memory = json.loads(probe.stdout.strip().splitlines()[-1])

    ratio_cpu = report.cpu / bare.cpu
    ratio_wall = report.wall / bare.wall
    time_ok = ratio_cpu <= TARGET_RATIO
    memory_ok = memory["rss_peak_mb"] < TARGET_MEMORY_MB
    agree = gap < 1e-9
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"scored claims: {shape.scored_claims:,}; sources: {shape.sources:,}; rows: {groups:,}")
    print(f"machine: {os.cpu_count()} CPUs, load average {load}")
    print(f"{'best of ' + str(REPEATS):58} {'wall s':>8} {'CPU s':>8}")
    for label, timing in (
        ("GET /api/v1/reports/scores.csv, end to end (ASGI app)", report),
        ("bare SQL GROUP BY, same rules, sqlite3", bare),
        ("floor: the join's GROUP BY without the rules, sqlite3", floor),
    ):
        print(f"{label:58} {timing.wall:8.3f} {timing.cpu:8.3f}")
    print(
        f"report / bare query: {ratio_cpu:.2f} in CPU time, {ratio_wall:.2f} in wall time "
        f"(target <= {TARGET_RATIO:g}, judged on CPU time, which other processes on a shared "
        f"machine do not inflate): {'PASS' if time_ok else 'FAIL'}"
    )
    print(
        f"peak memory of the report process: {memory['rss_peak_mb']:.0f} MB peak RSS "
        f"({memory['rss_before_mb']:.0f} MB before the request; Python allocations during it "
        f"peaked at {memory['traced_peak_mb']:.1f} MB) (target < {TARGET_MEMORY_MB:g} MB): "
        f"{'PASS' if memory_ok else 'FAIL'}"
    )
    print(
        f"report agrees with the bare query (n and brier per source): largest gap {gap:.1e}: "
        f"{'PASS' if agree else 'FAIL'}"
    )
    postgres_ok = bench_postgres(path, args.postgres, shape) if args.postgres else True
    return 0 if time_ok and memory_ok and agree and postgres_ok else 1


if __name__ == "__main__":
    sys.exit(main())
