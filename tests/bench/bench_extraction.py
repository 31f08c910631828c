"""Benchmark: candidate extraction over a 5,000-word article; the target is a median under 200 ms.

The article is the dev split's articles (tests/extraction/corpus/dev) one after another,
paragraph by paragraph, cut at the paragraph that reaches 5,000 words: real reporting's
mix of quotations, figures and names, so the attribution and cue rules all run. Times are
CPU time of this process per extraction (on a shared machine wall-clock time swings with
other work, and extraction is single-threaded), median of several runs after a warm-up.
Exits with 1 if the median misses the target.

    python tests/bench/bench_extraction.py
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from forecasts.extraction import extract_candidates  # noqa: E402

WORDS = 5_000
RUNS = 15
TARGET_MS = 200.0
DEV = ROOT / "tests" / "extraction" / "corpus" / "dev"
PUBLISHED = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)


def article(words: int = WORDS) -> str:
    """Paragraphs of the dev articles, in name order and round again, up to `words` words."""
    paragraphs = [
        paragraph
        for path in sorted(DEV.glob("*.txt"))
        for paragraph in path.read_text(encoding="utf-8").split("\n")
        if paragraph.strip()
    ]
    if not paragraphs:
        raise SystemExit(f"no articles under {DEV}")
    chosen: list[str] = []
    count = 0
    while count < words:
        paragraph = paragraphs[len(chosen) % len(paragraphs)]
        chosen.append(paragraph)
        count += len(paragraph.split())
    return "\n\n".join(chosen)


def main() -> int:
    """Time extraction of the article and compare the median with the target."""
    text = article()
    found = extract_candidates(text, published_at=PUBLISHED)
    times = []
    for _ in range(RUNS):
        start = time.process_time()
        extract_candidates(text, published_at=PUBLISHED)
        times.append((time.process_time() - start) * 1000)
    median = statistics.median(times)
    print(f"article: {len(text.split()):,} words, {len(text):,} characters")
    print(f"candidates: {len(found)}")
    print(f"extraction (CPU): median {median:.0f} ms, best {min(times):.0f} ms over {RUNS} runs")
    print(f"target: median under {TARGET_MS:.0f} ms")
    if median >= TARGET_MS:
        print("missed the target")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
