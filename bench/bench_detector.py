"""Detector benchmark: throughput and latency vs a naive substring baseline, and its share of
the bot's per-update processing.

``python -m bench.bench_detector [--quick] [--no-share]`` builds 100 000 messages (``--quick``:
20 000) from the evaluation set with variation (case, padding, emoji, joined messages), times
``Detector.assess`` and a naive lower-case substring search over the same phrase list.

Share of per-update processing (the issue's "< 5 %"), measured in one run of the real bot: the
bot runs as in the throughput bench (its own process, SQLite, polling the in-process sandbox)
with a detector that counts its calls and the CPU time spent in them; students take the whole
intake at once (8 updates each), then each sends benign free texts from the eval set (the
"still waiting" path), one after the other. Per phase: the detector's CPU seconds / the bot
process's CPU seconds over the same updates (both read inside the bot before and after).

Prints tables and writes ``bench/results/detector.json``. Reported, never asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import pathlib
import platform
import random
import statistics
import time
from collections.abc import Callable
from typing import Any

from bench.common import (
    BotProcess,
    Collected,
    Tracker,
    database,
    log,
    print_table,
    raw_config,
    sandbox_server,
    sejawat_spec,
)
from bench.drivers import FIRST_STUDENT, Step, create_users, gather_bounded, intake_steps, student
from escalation.detector import Detector, RiskLevel
from escalation.evaluate import load_examples

RESULTS = pathlib.Path(__file__).with_name("results") / "detector.json"
N_MESSAGES = 100_000
QUICK_MESSAGES = 20_000
SHARE_STUDENTS, SHARE_TEXTS = 40, 8
QUICK_STUDENTS, QUICK_TEXTS = 20, 5
PHASE_TIMEOUT = 240.0
TARGET_SHARE = 0.05
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


def benign_texts(n: int, seed: int = 5) -> list[str]:
    """``n`` eval messages labelled none (what most student messages are), seeded."""
    texts = [e.text for e in load_examples() if e.level is RiskLevel.NONE]
    return random.Random(seed).sample(texts, n)


def _delta(before: dict[str, Any], after: dict[str, Any], updates: int) -> dict[str, Any]:
    calls = after["detector_calls"] - before["detector_calls"]
    det = after["detector_cpu_s"] - before["detector_cpu_s"]
    cpu = after["process_cpu_s"] - before["process_cpu_s"]
    n = max(1, updates)
    return {
        "updates": updates,
        "detector_calls": calls,
        "detector_calls_per_update": calls / n,
        "detector_cpu_s": det,
        "bot_cpu_s": cpu,
        "detector_us_per_update": det / n * 1e6,
        "detector_us_per_call": det / max(1, calls) * 1e6,
        "bot_cpu_ms_per_update": cpu / n * 1e3,
        "share": det / cpu if cpu > 0 else float("nan"),
    }


async def share_of_update(students: int, texts: int) -> dict[str, Any]:
    """The detector's share of the bot's CPU per update, intake and free texts, in one run."""
    log(f"detector share: {students} students x 8 intake updates, then {texts} free texts each")
    async with sandbox_server() as api, database("sqlite") as url:
        tracker = Tracker(api)
        bot = BotProcess(sejawat_spec(raw_config(api.base_url, url), time_detector=True))
        await bot.start()
        try:
            ids = list(range(FIRST_STUDENT, FIRST_STUDENT + students))
            await create_users(api, ids)
            intake, free = Collected(), Collected()
            p0 = await bot.probe()
            ok1 = await gather_bounded(
                [asyncio.create_task(student(api, tracker, i, intake_steps(), intake))
                 for i in ids], PHASE_TIMEOUT)
            await asyncio.sleep(0.5)  # what the last replies set in motion
            p1 = await bot.probe()
            pool = benign_texts(min(students * texts, 150))
            rng = random.Random(9)
            ok2 = await gather_bounded(
                [asyncio.create_task(student(
                    api, tracker, i, [Step("text", rng.choice(pool), None) for _ in range(texts)],
                    free)) for i in ids], PHASE_TIMEOUT)
            await asyncio.sleep(0.5)
            p2 = await bot.probe()
        finally:
            await bot.stop()
            tracker.close()
    phases = {
        "intake": _delta(p0, p1, intake.updates),
        "free_text": _delta(p1, p2, free.updates),
        "all": _delta(p0, p2, intake.updates + free.updates),
    }
    return {
        "students": students,
        "texts_per_student": texts,
        "phases": phases,
        "errors": len(intake.errors) + len(free.errors),
        "error_samples": (intake.errors + free.errors)[:3],
        "finished": ok1 and ok2,
        "target_share": TARGET_SHARE,
    }


def report_share(share: dict[str, Any]) -> None:
    print(f"\nDetector share of per-update processing (one run of the bot, SQLite): "
          f"{share['students']} students, intake then {share['texts_per_student']} free texts "
          f"each; errors {share['errors']}")
    print_table(
        ["phase", "updates", "det calls/upd", "det µs/call", "det µs/upd", "bot cpu ms/upd",
         "share %"],
        [[name, ph["updates"], ph["detector_calls_per_update"], ph["detector_us_per_call"],
          ph["detector_us_per_update"], ph["bot_cpu_ms_per_update"], 100 * ph["share"]]
         for name, ph in share["phases"].items()],
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true",
                        help=f"{QUICK_MESSAGES} messages; {QUICK_STUDENTS} students for the share")
    parser.add_argument("--no-share", action="store_true",
                        help="only the detector on its own (no bot process)")
    args = parser.parse_args(argv)
    n_messages = QUICK_MESSAGES if args.quick else N_MESSAGES
    detector = Detector.load()
    messages = build_messages(n_messages)
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
    result: dict[str, Any] = {
        "python": platform.python_version(),
        "messages": n_messages,
        "results": rows,
        "ratio_detector_over_naive": ratio,
        "naive_phrases": len(phrases),
    }
    if not args.no_share:
        students, texts = ((QUICK_STUDENTS, QUICK_TEXTS) if args.quick
                           else (SHARE_STUDENTS, SHARE_TEXTS))
        result["share_of_update"] = asyncio.run(share_of_update(students, texts))
        report_share(result["share_of_update"])
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
