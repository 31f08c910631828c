"""Run every benchmark script in this folder in turn; exit non-zero if any misses its target."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def main() -> int:
    """Run tests/bench/bench_*.py in turn and report which missed their targets."""
    here = Path(__file__).parent
    failed = []
    for script in sorted(here.glob("bench_*.py")):
        print(f"\n=== {script.name} ===", flush=True)
        if subprocess.run([sys.executable, str(script)], check=False).returncode != 0:
            failed.append(script.name)
    print("\nall benchmarks met their targets" if not failed else f"\nmissed targets: {failed}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
