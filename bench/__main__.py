"""``python -m bench`` (= ``make bench``): every benchmark in order, then a summary of targets.

``--quick`` runs each one small (a 1-minute soak; a few minutes in all). The default sizes are
chosen so that the whole run stays under 20 minutes on a 2-core machine; ``--full`` uses the
issue's sizes (2 000 students in (1), 10 000 open conversations in (6)), which takes longer.

(7), several webhook workers on one PostgreSQL database, runs right after (1).

Bench (3) (delivery at Telegram's limits) runs in its own process during the soak of (6): it is
paced by the sandbox's flood limits (25-30 messages/s, a few % of a core) and the soak by its
students' pauses, so neither saturates a core; ``--serial`` runs them one after the other.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
import time
from typing import Any

from bench import (
    bench_detector,
    bench_escalation,
    bench_memory,
    bench_multiworker,
    bench_relay,
    bench_throughput,
)
from bench.common import ROOT, log, print_table, read_result, write_result

BUDGET_S = 20 * 60


def sizes(quick: bool, full: bool) -> dict[str, Any]:
    if quick:
        return {"students": 20, "mw_students": 20, "sessions": 40, "esc_students": 50,
                "crisis": 10, "open": 1000, "soak": 60.0, "delivery": ["--quick"]}
    if full:
        return {"students": 2000, "mw_students": 60, "sessions": 200, "esc_students": 300,
                "crisis": 20, "open": 10_000, "soak": 600.0, "delivery": []}
    return {"students": 50, "mw_students": 60, "sessions": 200, "esc_students": 100,
            "crisis": 15, "open": 3000, "soak": 600.0, "delivery": []}


async def delivery_process(args: list[str]) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bench.bench_delivery", *args, cwd=str(ROOT))


async def memory_and_delivery(size: dict[str, Any], serial: bool) -> None:
    memory = await bench_memory.open_conversations(size["open"])
    proc = None
    if serial:
        proc = await delivery_process(size["delivery"])
        await asyncio.wait_for(proc.wait(), 600)
        proc = None
    else:
        proc = await delivery_process(size["delivery"])
    try:
        steady = await bench_memory.soak(size["soak"])
    finally:
        if proc is not None:
            try:
                await asyncio.wait_for(proc.wait(), 600)
            except TimeoutError:
                with contextlib.suppress(ProcessLookupError):
                    proc.kill()
    result = {"memory": memory, "soak": steady}
    bench_memory.report(result)
    print(f"wrote {write_result('memory', result)}")


def _ok(passed: bool | None) -> str:
    return "-" if passed is None else ("pass" if passed else "MISS")


def multiworker_rows() -> list[list[object]]:
    """(7): updates/s and p99 with 1, 2, 3 webhook workers; lost and duplicated (must be 0)."""
    mw = read_result("multiworker") or {}
    if mw.get("skipped"):
        return [["(7) several webhook workers (PostgreSQL)", "report", "skipped", "-"]]
    summ = mw.get("summary", {})
    rate, p99 = summ.get("updates_per_s", {}), summ.get("p99_ms", {})
    if not rate:
        return [["(7) several webhook workers (PostgreSQL)", "report", "-", "-"]]
    workers = sorted(rate, key=int)
    lost, dup = summ.get("lost"), summ.get("duplicated")
    return [
        [f"(7) updates/s with {'/'.join(workers)} webhook workers ({mw.get('cpus')} cores)",
         "report", " / ".join(f"{rate[w]:.0f}" for w in workers), "-"],
        [f"(7) p99 reply with {'/'.join(workers)} webhook workers", "report",
         " / ".join(f"{p99[w]:.0f}" for w in workers) + " ms", "-"],
        ["(7) several workers: lost + duplicated", "0", f"{lost} + {dup}",
         _ok(lost == 0 and dup == 0 if lost is not None and dup is not None else None)],
    ]


def summary(elapsed: float) -> list[list[object]]:
    rows: list[list[object]] = []
    tp = read_result("throughput") or {}
    summ = tp.get("summary", {})
    ratio = summ.get("min_ratio_to_echo")
    rows.append(["(1) throughput / echo bot (worst config)", "≥ 0.5",
                 f"{ratio:.3f}" if ratio is not None else "-",
                 _ok(ratio >= 0.5 if ratio is not None else None)])
    p99 = summ.get("max_p99_ms_at_200")
    rows.append(["(1) p99 reply at 200 conversations (worst)", "< 50 ms",
                 f"{p99:.0f} ms" if p99 is not None else "-",
                 _ok(p99 < 50 if p99 is not None else None)])
    rows.extend(multiworker_rows())
    relay = read_result("relay") or {}
    added = relay.get("added_p99_ms")
    rows.append(["(2) relay p99 added over sandbox round trip", "< 20 ms",
                 f"{added:.0f} ms" if added is not None else "-",
                 _ok(added < 20 if added is not None else None)])
    delivery = (read_result("delivery") or {}).get("default", {})
    frac = delivery.get("fraction_of_limit")
    rows.append(["(3) delivered rate / limit (default pacing)", "≥ 95 %",
                 f"{100 * frac:.1f} %" if frac is not None else "-",
                 _ok(frac >= 0.95 if frac is not None else None)])
    lost = delivery.get("lost")
    rows.append(["(3) lost messages (429s received)", "0",
                 f"{lost} ({delivery.get('rate_limited_429')} 429s)" if lost is not None
                 else "-", _ok(lost == 0 if lost is not None else None)])
    first = delivery.get("crisis_first")
    rows.append(["(3) crisis queued last delivered first", "yes",
                 f"all in {delivery.get('crisis_all_within_s', float('nan')):.1f} s"
                 if first is not None else "-", _ok(first)])
    esc = (read_result("escalation") or {}).get("ping_latency", {})
    esc_p99 = esc.get("p99_ms")
    rows.append(["(4) escalation ping p99 under load", "< 1 s",
                 f"{esc_p99:.0f} ms" if esc_p99 is not None else "-",
                 _ok(esc_p99 < 1000 if esc_p99 is not None else None)])
    det = read_result("detector") or {}
    phases = det.get("share_of_update", {}).get("phases", {})
    for name, label in (("all", "all student updates"), ("free_text", "free texts")):
        ph = phases.get(name)
        share = ph["share"] if ph else None
        rows.append([f"(5) detector / bot CPU per update, {label}", "< 5 %",
                     f"{100 * share:.2f} % ({ph['detector_us_per_update']:.0f} µs / "
                     f"{ph['bot_cpu_ms_per_update']:.1f} ms)" if ph and share is not None
                     else "-", _ok(share < 0.05 if share is not None else None)])
    mem = read_result("memory") or {}
    memory, soak = mem.get("memory", {}), mem.get("soak", {})
    if memory:
        rows.append([f"(6) peak RSS, {memory['students']} open conversations", "report",
                     f"{memory['peak_rss_mib']:.0f} MiB, "
                     f"{memory['rss_per_conversation_kib']:.1f} KiB each", "-"])
    if soak:
        rows.append([f"(6) soak {soak['seconds']:.0f} s: RSS growth", "noise",
                     f"{soak['rss_growth_mib']:+.1f} MiB", _ok(bool(soak["no_growth"]))])
        lost_soak = soak["lost_updates"] + soak["lost_messages"]
        rows.append(["(6) soak: lost updates + messages", "0",
                     f"{soak['lost_updates']} + {soak['lost_messages']}",
                     _ok(lost_soak == 0 and bool(soak["drained"]))])
    rows.append(["make bench wall time", "< 20 min", f"{elapsed / 60:.1f} min",
                 _ok(elapsed < BUDGET_S)])
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, 1-minute soak")
    parser.add_argument("--full", action="store_true", help="the issue's sizes (slower)")
    parser.add_argument("--serial", action="store_true", help="delivery not during the soak")
    args = parser.parse_args(argv)
    size = sizes(args.quick, args.full)
    started = time.monotonic()

    log("(1) throughput")
    result = asyncio.run(bench_throughput.run(size["students"]))
    bench_throughput.report(result)
    print(f"wrote {write_result('throughput', result)}")

    log("(7) several webhook workers")
    multi = asyncio.run(bench_multiworker.run(size["mw_students"]))
    bench_multiworker.report(multi)
    print(f"wrote {write_result('multiworker', multi)}")

    log("(2) relay")
    relay = asyncio.run(bench_relay.run(size["sessions"]))
    bench_relay.report(relay)
    print(f"wrote {write_result('relay', relay)}")

    log("(4) escalation")
    esc = asyncio.run(bench_escalation.run(size["esc_students"], size["crisis"]))
    bench_escalation.report(esc)
    print(f"wrote {write_result('escalation', esc)}")

    log("(5) detector")
    print("\n(5) Detector: mixed messages, and its share of the bot's per-update processing")
    bench_detector.main(["--quick"] if args.quick else [])

    log("(6) memory and soak, with (3) delivery alongside")
    asyncio.run(memory_and_delivery(size, args.serial))

    elapsed = time.monotonic() - started
    print("\nSummary (targets from issue 7; every comparison measured in this run)")
    rows = summary(elapsed)
    print_table(["target", "goal", "measured", "result"], rows)
    write_result("summary", {"elapsed_s": elapsed, "sizes": size,
                             "rows": [[str(c) for c in row] for row in rows]})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
