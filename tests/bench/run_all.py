"""Run every benchmark script in this folder in turn; exit non-zero if any misses its target."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# Scripts run more than once, each time with these arguments.
RUNS = {"bench_reports.py": [[], ["--quantities"]]}


def main() -> int:
    """Run tests/bench/bench_*.py in turn and report which missed their targets."""
    here = Path(__file__).parent
    failed = []
    for script in sorted(here.glob("bench_*.py")):
        for arguments in RUNS.get(script.name, [[]]):
            name = " ".join([script.name, *arguments])
            print(f"\n=== {name} ===", flush=True)
            command = [sys.executable, str(script), *arguments]
            if subprocess.run(command, check=False).returncode != 0:
                failed.append(name)
    print("\nall benchmarks met their targets" if not failed else f"\nmissed targets: {failed}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
