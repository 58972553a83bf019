"""(1) Update throughput and overhead vs a bare echo bot, per transport and database.

``python -m bench.bench_throughput [--students N] [--quick]``

For each transport (aiogram, ptb), in one run: a bare echo bot on the same library and sandbox
server, then Sejawat on SQLite and on PostgreSQL, each as a child process polling the in-process
sandbox over loopback HTTP. Two phases per bot:

* saturation: N students start the whole intake (8 updates each) at the same moment, no pauses;
  the echo bot's users send 8 texts each the same way. updates/s = updates / wall time from the
  first injection to the last reply; bot CPU per update = the child's CPU seconds / updates.
* 200 concurrent conversations: 200 students each take the first 2 intake steps with a
  human-like pause (uniform 4-12 s) before each (about 25 updates/s offered); p50/p99 of update
  injection -> the bot's reply.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import time
from typing import Any

from bench.common import (
    BotProcess,
    Collected,
    Tracker,
    database,
    echo_spec,
    latency_summary,
    log,
    postgres_available,
    print_table,
    raw_config,
    sandbox_server,
    sejawat_spec,
    write_result,
)
from bench.drivers import (
    FIRST_STUDENT,
    create_users,
    echo_user,
    gather_bounded,
    intake_steps,
    student,
)

TRANSPORTS = ("aiogram", "ptb")
CONVERSATIONS = 200
CONVERSATION_STEPS = 2  # /start, consent: 400 updates spread over ~25 s
THINK = (4.0, 12.0)
PHASE_TIMEOUT = 240.0


async def saturate(api: Any, tracker: Tracker, bot: BotProcess, kind: str, first_id: int,
                   students: int) -> dict[str, Any]:
    ids = list(range(first_id, first_id + students))
    await create_users(api, ids)
    out = Collected()
    steps = intake_steps()
    cpu0 = bot.cpu_seconds()
    if kind == "echo":
        tasks = [asyncio.create_task(echo_user(api, tracker, i, len(steps), out)) for i in ids]
    else:
        tasks = [asyncio.create_task(student(api, tracker, i, steps, out)) for i in ids]
    finished = await gather_bounded(tasks, PHASE_TIMEOUT)
    cpu = bot.cpu_seconds() - cpu0
    return {
        "students": students, "updates": out.updates, "wall_s": out.wall,
        "updates_per_s": out.updates / out.wall, "bot_cpu_s": cpu,
        "bot_cpu_ms_per_update": cpu / max(1, out.updates) * 1000,
        "latency": latency_summary(out.latencies), "errors": len(out.errors),
        "error_samples": out.errors[:3], "finished": finished,
    }


async def conversations(api: Any, tracker: Tracker, kind: str, first_id: int,
                        count: int) -> dict[str, Any]:
    ids = list(range(first_id, first_id + count))
    await create_users(api, ids)
    out = Collected()
    steps = intake_steps()[:CONVERSATION_STEPS]
    rng = random.Random(11)
    if kind == "echo":
        tasks = [asyncio.create_task(echo_user(api, tracker, i, len(steps), out, THINK, rng))
                 for i in ids]
    else:
        tasks = [asyncio.create_task(student(api, tracker, i, steps, out, THINK, rng))
                 for i in ids]
    finished = await gather_bounded(tasks, PHASE_TIMEOUT)
    return {"conversations": count, "think_s": list(THINK), "updates": out.updates,
            "updates_per_s": out.updates / out.wall, "latency": latency_summary(out.latencies),
            "errors": len(out.errors), "error_samples": out.errors[:3], "finished": finished}


async def measure(transport: str, kind: str, backend: str | None, students: int,
                  convs: int) -> dict[str, Any]:
    label = f"{transport}/{kind}" + (f"/{backend}" if backend else "")
    log(f"throughput: {label}: {students} students saturating, then {convs} conversations")
    async with sandbox_server() as api:
        tracker = Tracker(api)
        if kind == "echo":
            bot = BotProcess(echo_spec(transport, api.base_url))
            db_ctx = None
        else:
            assert backend is not None
            db_ctx = database(backend)
            url = await db_ctx.__aenter__()
            bot = BotProcess(sejawat_spec(raw_config(api.base_url, url, transport)))
        try:
            await bot.start()
            sat = await saturate(api, tracker, bot, kind, FIRST_STUDENT, students)
            conv = await conversations(api, tracker, kind, FIRST_STUDENT + 1_000_000, convs)
            final = await bot.stop()
        finally:
            await bot.stop()
            if db_ctx is not None:
                await db_ctx.__aexit__(None, None, None)
            tracker.close()
    return {"transport": transport, "bot": kind, "database": backend, "label": label,
            "saturation": sat, "conversations": conv, "bot_stats": final}


async def run(students: int, convs: int = CONVERSATIONS) -> dict[str, Any]:
    pg_problem = await postgres_available()
    rows: list[dict[str, Any]] = []
    for transport in TRANSPORTS:
        rows.append(await measure(transport, "echo", None, students, convs))
        for backend in ("sqlite", "postgres"):
            if backend == "postgres" and pg_problem:
                log(f"throughput: PostgreSQL skipped: {pg_problem}")
                continue
            rows.append(await measure(transport, "sejawat", backend, students, convs))
    echo = {r["transport"]: r for r in rows if r["bot"] == "echo"}
    for row in rows:
        base = echo[row["transport"]]
        row["ratio_to_echo"] = (row["saturation"]["updates_per_s"]
                                / base["saturation"]["updates_per_s"])
    sejawat = [r for r in rows if r["bot"] == "sejawat"]
    summary = {
        "min_ratio_to_echo": min((r["ratio_to_echo"] for r in sejawat), default=float("nan")),
        "max_p99_ms_at_200": max((r["conversations"]["latency"]["p99_ms"] for r in sejawat),
                                 default=float("nan")),
        "mean_bot_cpu_ms_per_update": (
            sum(r["saturation"]["bot_cpu_ms_per_update"] for r in sejawat) / len(sejawat)
            if sejawat else float("nan")),
        "postgres_skipped": pg_problem,
    }
    return {"students": students, "conversations": convs, "rows": rows, "summary": summary}


def report(result: dict[str, Any]) -> None:
    print(f"\n(1) Update throughput: {result['students']} students x 8 updates at once; "
          f"p50/p99 at {result['conversations']} conversations with "
          f"{THINK[0]:g}-{THINK[1]:g} s pauses")
    table = []
    for r in result["rows"]:
        sat, conv = r["saturation"], r["conversations"]
        table.append([r["label"], sat["updates_per_s"], r["ratio_to_echo"],
                      sat["bot_cpu_ms_per_update"], sat["latency"]["p50_ms"],
                      sat["latency"]["p99_ms"], conv["latency"]["p50_ms"],
                      conv["latency"]["p99_ms"], sat["errors"] + conv["errors"]])
    print_table(["bot", "upd/s", "x echo", "cpu ms/upd", "sat p50 ms", "sat p99 ms",
                 "200c p50 ms", "200c p99 ms", "errors"], table)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--students", type=int, default=60)
    parser.add_argument("--quick", action="store_true", help="20 students")
    args = parser.parse_args(argv)
    students = 20 if args.quick else args.students
    started = time.monotonic()
    result = asyncio.run(run(students))
    result["elapsed_s"] = time.monotonic() - started
    report(result)
    print(f"wrote {write_result('throughput', result)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
