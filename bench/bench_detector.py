"""Detector benchmark: throughput and latency vs a naive substring baseline.

``python -m bench.bench_detector`` builds 100 000 messages from the evaluation set with variation
(case, padding, emoji, joined messages), times ``Detector.assess`` and a naive lower-case substring
search over the same phrase list, prints a table and writes ``bench/results/detector.json``.
Reported, never asserted.
"""

from __future__ import annotations

import json
import pathlib
import platform
import random
import statistics
import time
from collections.abc import Callable

from escalation.detector import Detector
from escalation.evaluate import load_examples

RESULTS = pathlib.Path(__file__).with_name("results") / "detector.json"
N_MESSAGES = 100_000
_FILLERS = ["", " kak", " 😭", " wkwk", " pls", " ...", " hari ini", " tbh", "!!", " 🙏"]


def build_messages(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    texts = [e.text for e in load_examples()]
    out: list[str] = []
    for _ in range(n):
        text = rng.choice(texts)
        roll = rng.random()
        if roll < 0.2:
            text = text.upper()
        elif roll < 0.35:
            text = f"{text}. {rng.choice(texts)}"
        out.append(text + rng.choice(_FILLERS))
    return out


def baseline_phrases(detector: Detector) -> list[str]:
    """The lexicon's positive examples, lower-cased: what a naive filter would look for."""
    return sorted({p.lower() for r in detector.lexicon.entries for p in r.positive})


def time_each(fn: Callable[[str], object], messages: list[str]) -> tuple[float, list[float]]:
    latencies: list[float] = []
    clock = time.perf_counter
    start = clock()
    for msg in messages:
        t0 = clock()
        fn(msg)
        latencies.append(clock() - t0)
    return clock() - start, latencies


def summarize(name: str, total: float, lat: list[float]) -> dict[str, float | str]:
    ordered = sorted(lat)
    return {
        "name": name,
        "messages": len(lat),
        "msgs_per_s": len(lat) / total,
        "p50_us": ordered[len(ordered) // 2] * 1e6,
        "p99_us": ordered[int(len(ordered) * 0.99)] * 1e6,
        "mean_us": statistics.fmean(lat) * 1e6,
    }


def main() -> int:
    detector = Detector.load()
    messages = build_messages(N_MESSAGES)
    phrases = baseline_phrases(detector)

    def naive(text: str) -> bool:
        low = text.lower()
        return any(p in low for p in phrases)

    for msg in messages[:2000]:  # warm caches
        detector.assess(msg)
    rows = [
        summarize("detector", *time_each(detector.assess, messages)),
        summarize("naive substring", *time_each(naive, messages)),
    ]
    ratio = float(rows[0]["msgs_per_s"]) / float(rows[1]["msgs_per_s"])
    print(f"{'':18}{'msgs/s':>12}{'p50 µs':>10}{'p99 µs':>10}{'mean µs':>10}")
    for row in rows:
        print(
            f"{row['name']!s:18}{row['msgs_per_s']:>12.0f}{row['p50_us']:>10.1f}"
            f"{row['p99_us']:>10.1f}{row['mean_us']:>10.1f}"
        )
    print(f"throughput ratio detector / naive: {ratio:.2f}  (naive phrases: {len(phrases)})")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "python": platform.python_version(),
                "messages": N_MESSAGES,
                "results": rows,
                "ratio_detector_over_naive": ratio,
                "naive_phrases": len(phrases),
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
