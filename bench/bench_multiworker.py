"""(7) Several webhook workers on one PostgreSQL database (issue #14).

``python -m bench.bench_multiworker [--students N] [--quick] [--workers 1,2,3] [--sql-profile]``

For 1, 2 and 3 workers, each time with a fresh PostgreSQL database and the aiogram transport:
that many Sejawat child processes in webhook mode, each listening on its own port, behind a
round-robin reverse proxy in this process (bench.proxy) whose URL is the webhook's. N students
(default 60, ``--quick`` 20) start the whole intake (8 updates each) at the same moment, no
pauses, as in bench_throughput's saturation phase.

* updates/s = updates / wall time from the first injection to the last reply; p50/p99 of update
  injection -> the bot's first reply in that chat;
* worker CPU per update = the sum of the workers' CPU seconds over the phase / updates;
* lost = student steps whose reply never came + updates the sandbox delivered that have no inbox
  row + inbox rows not ``done`` once the students are through (read from the database);
* duplicated = intake prompts a student was shown more than once, counted from what the sandbox
  recorded per chat (outbox text is encrypted, so the database cannot tell); also any bot text
  repeated in a chat, and prompts shown out of order.

Lost and duplicated must be zero. The sandbox delivers webhook updates one at a time, in order
(as Telegram does with ``max_connections=1``; Telegram itself opens up to 40 connections): the
store-and-acknowledge step is serial across workers, the processing behind it is not. On a
2-core machine the driver, the sandbox, the proxy, PostgreSQL and the workers share two cores,
so more than two workers cannot add CPU: expect throughput roughly flat, or lower, beyond two.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import copy
import os
import time
from collections import Counter
from collections.abc import AsyncIterator
from typing import Any

from bench.common import (
    BotProcess,
    Collected,
    Tracker,
    database,
    latency_summary,
    log,
    postgres_available,
    print_table,
    prompt_head,
    raw_config,
    sandbox_server,
    sejawat_spec,
    write_result,
)
from bench.drivers import FIRST_STUDENT, create_users, gather_bounded, intake_steps, student
from bench.proxy import RoundRobinProxy, free_port
from sandbox.botapi import SandboxBotApi
from sandbox.types import Event

WORKERS = (1, 2, 3)
TRANSPORT = "aiogram"
SECRET = "bench-webhook-secret-0123456789"
PHASE_TIMEOUT = 240.0
SETTLE_S = 15.0  # how long the inbox may take to show every row done once students are through
# what a student sees during the intake, in order, each exactly once
INTAKE_PROMPTS = ("intake-consent", "intake-language", "intake-topic", "intake-description",
                  "intake-feeling", "intake-anonymity", "intake-summary", "intake-queued")
CORES_NOTE = ("on a 2-core machine more workers cannot add CPU (the driver, sandbox, proxy and "
              "PostgreSQL share the same two cores): throughput roughly flat or lower beyond 2 "
              "workers is the honest expectation; the sandbox delivers webhook updates one at a "
              "time")


def webhook_config(base: dict[str, Any], proxy_url: str, port: int) -> dict[str, Any]:
    """One worker's config: ``base`` (bench.common.raw_config: the data key every worker must
    share) in webhook mode, Telegram posting to the proxy, the worker listening on ``port``."""
    raw = copy.deepcopy(base)
    raw["telegram"]["mode"] = "webhook"
    raw["telegram"]["webhook"] = {"url": proxy_url, "host": "127.0.0.1", "port": port,
                                  "secret": SECRET}
    return raw


class Deliveries:
    """What the sandbox did with the updates: delivered (by id) and failed webhook posts."""

    def __init__(self, api: SandboxBotApi) -> None:
        self.state = api.state
        self.delivered: Counter[int] = Counter()
        self.failed = 0
        self.state.listeners.append(self._on_event)

    def _on_event(self, event: Event) -> None:
        if event.type == "webhook_delivered":
            self.delivered[int(event.data["update_id"])] += 1
        elif event.type == "webhook_failed":
            self.failed += 1

    def close(self) -> None:
        with contextlib.suppress(ValueError):
            self.state.listeners.remove(self._on_event)


def _dsn(db_url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(db_url).set(drivername="postgresql").render_as_string(hide_password=False)


async def inbox_state(db_url: str, delivered: set[int], settle: float) -> dict[str, Any]:
    """The inbox and outbox once every stored update has been processed (or ``settle`` s have
    passed): rows by status, delivered updates with no row, messages not sent."""
    import asyncpg

    conn = await asyncpg.connect(_dsn(db_url))
    try:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + settle
        while True:
            rows = await conn.fetch("SELECT update_id, status FROM inbox WHERE update_id > 0")
            outbox = await conn.fetch("SELECT status, count(*) AS n FROM outbox GROUP BY status")
            statuses = Counter(str(r["status"]) for r in rows)
            unsent = sum(int(r["n"]) for r in outbox if r["status"] != "sent")
            if (statuses["pending"] == 0 and unsent == 0) or loop.time() >= deadline:
                break
            await asyncio.sleep(0.2)
        workers = int(await conn.fetchval("SELECT count(*) FROM workers"))
    finally:
        await conn.close()
    stored = {int(r["update_id"]) for r in rows}
    return {"inbox": dict(statuses), "not_done": sum(n for s, n in statuses.items()
                                                     if s != "done"),
            "missing": len(delivered - stored), "outbox": {str(r["status"]): int(r["n"])
                                                           for r in outbox},
            "outbox_unsent": unsent, "workers_registered": workers}


def duplicates(tracker: Tracker, ids: list[int], heads: list[str]) -> dict[str, Any]:
    """From the sandbox's record of each chat: prompts shown more than once, prompts out of
    order, any bot text repeated in a chat."""
    shown_twice = repeated = out_of_order = 0
    samples: list[str] = []
    for chat in ids:
        texts = [m.text or m.caption or "" for m in tracker.messages(chat)]
        places: list[int] = []
        for head in heads:
            found = [i for i, text in enumerate(texts) if head in text]
            if len(found) > 1:
                shown_twice += len(found) - 1
                if len(samples) < 5:
                    samples.append(f"{chat}: {head!r} shown {len(found)} times")
            if found:
                places.append(found[0])
        if places != sorted(places):
            out_of_order += 1
            if len(samples) < 5:
                samples.append(f"{chat}: prompts out of order {places}")
        repeated += sum(n - 1 for text, n in Counter(texts).items() if text and n > 1)
    return {"prompts_shown_twice": shown_twice, "repeated_texts": repeated,
            "chats_out_of_order": out_of_order, "samples": samples}


@contextlib.asynccontextmanager
async def workers_behind_proxy(api: SandboxBotApi, db_url: str, count: int,
                               sql_profile: bool = False,
                               ) -> AsyncIterator[tuple[list[BotProcess], RoundRobinProxy]]:
    ports = [free_port() for _ in range(count)]
    proxy = RoundRobinProxy([f"http://127.0.0.1:{port}" for port in ports])
    await proxy.start()
    base = raw_config(api.base_url, db_url, TRANSPORT)
    specs = [sejawat_spec(webhook_config(base, proxy.url, port)) for port in ports]
    for spec in specs:
        spec["sql_profile"] = sql_profile  # bench.botproc: every statement timed and counted
    bots = [BotProcess(spec) for spec in specs]
    try:
        for bot in bots:  # one after the other: the first one migrates the database
            await bot.start()
        yield bots, proxy
    finally:
        for bot in bots:
            await bot.stop()
        await proxy.stop()


def sql_totals(stats: list[dict[str, Any]], top: int = 8) -> list[dict[str, Any]]:
    """The statements the workers ran most often (``--sql-profile``), summed over workers."""
    totals: dict[str, list[float]] = {}
    for worker in stats:
        for row in worker.get("sql_top", []):
            entry = totals.setdefault(" ".join(row["sql"].split())[:120], [0, 0.0])
            entry[0] += row["count"]
            entry[1] += row["total_s"]
    ranked = sorted(totals.items(), key=lambda kv: -kv[1][0])[:top]
    return [{"sql": sql, "count": int(n), "total_s": t} for sql, (n, t) in ranked]


async def measure(count: int, students: int, sql_profile: bool = False) -> dict[str, Any]:
    log(f"multiworker: {count} worker(s), {students} students saturating")
    steps = intake_steps()
    ids = list(range(FIRST_STUDENT, FIRST_STUDENT + students))
    async with sandbox_server() as api, database("postgres") as db_url:
        tracker, deliveries = Tracker(api), Deliveries(api)
        heads = [prompt_head(raw_config(api.base_url, db_url, TRANSPORT), "id", key)
                 for key in INTAKE_PROMPTS]
        try:
            async with workers_behind_proxy(api, db_url, count, sql_profile) as (bots, proxy):
                await create_users(api, ids)
                out = Collected()
                cpu0 = [bot.cpu_seconds() for bot in bots]
                tasks = [asyncio.create_task(student(api, tracker, i, steps, out)) for i in ids]
                finished = await gather_bounded(tasks, PHASE_TIMEOUT)
                cpu = [bot.cpu_seconds() - c for bot, c in zip(bots, cpu0, strict=True)]
                db = await inbox_state(db_url, set(deliveries.delivered), SETTLE_S)
                await asyncio.sleep(1.0)  # a message sent twice would have arrived by now
                dup = duplicates(tracker, ids, heads)
                served = list(proxy.served.values())
                proxy_failed, proxy_skipped = proxy.failed, proxy.skipped
                stats = [await bot.stop() for bot in bots]
                sql = sql_totals(stats)
                for worker in stats:
                    worker.pop("sql_top", None)
            undelivered = len(api.state.pending)
        finally:
            deliveries.close()
            tracker.close()
    no_reply = len(out.errors)
    lost = no_reply + db["missing"] + db["not_done"]
    redelivered = sum(n - 1 for n in deliveries.delivered.values())
    return {
        "workers": count, "students": students, "updates": out.updates, "wall_s": out.wall,
        "updates_per_s": out.updates / out.wall, "worker_cpu_s": cpu,
        "worker_cpu_ms_per_update": sum(cpu) / max(1, out.updates) * 1000,
        "latency": latency_summary(out.latencies),
        "lost": lost, "duplicated": dup["prompts_shown_twice"],
        "no_reply": no_reply, "error_samples": out.errors[:3], "finished": finished,
        "delivered_updates": len(deliveries.delivered), "redelivered": redelivered,
        "webhook_failures": deliveries.failed, "undelivered_at_end": undelivered,
        "database": db, "shown": dup, "proxy_served": served, "proxy_failed": proxy_failed,
        "proxy_skipped": proxy_skipped, "worker_stats": stats, "sql_top": sql,
    }


async def run(students: int, workers: tuple[int, ...] = WORKERS,
              sql_profile: bool = False) -> dict[str, Any]:
    base: dict[str, Any] = {"students": students, "transport": TRANSPORT,
                            "cpus": os.cpu_count(), "note": CORES_NOTE}
    problem = await postgres_available()
    if problem:
        log(f"multiworker: skipped, PostgreSQL not reachable: {problem}")
        return {**base, "skipped": f"PostgreSQL not reachable: {problem}", "rows": [],
                "summary": {}}
    try:
        load = os.getloadavg()[0]
    except OSError:
        load = float("nan")
    rows = [await measure(count, students, sql_profile) for count in workers]
    summary = {
        "updates_per_s": {str(r["workers"]): r["updates_per_s"] for r in rows},
        "p99_ms": {str(r["workers"]): r["latency"]["p99_ms"] for r in rows},
        "lost": sum(r["lost"] for r in rows),
        "duplicated": sum(r["duplicated"] for r in rows),
        "repeated_texts": sum(r["shown"]["repeated_texts"] for r in rows),
        "out_of_order": sum(r["shown"]["chats_out_of_order"] for r in rows),
    }
    return {**base, "skipped": None, "load_average_1m_at_start": load, "rows": rows,
            "summary": summary}


def report(result: dict[str, Any]) -> None:
    print(f"\n(7) Several webhook workers on one PostgreSQL database: {result['students']} "
          f"students x 8 updates at once, {result['transport']}, round-robin proxy")
    if result.get("skipped"):
        print(f"skipped: {result['skipped']}")
        return
    table = []
    for r in result["rows"]:
        table.append([r["workers"], r["updates_per_s"], r["worker_cpu_ms_per_update"],
                      r["latency"]["p50_ms"], r["latency"]["p99_ms"], r["lost"],
                      r["duplicated"], "/".join(str(n) for n in r["proxy_served"])])
    print_table(["workers", "upd/s", "cpu ms/upd", "p50 ms", "p99 ms", "lost", "duplicated",
                 "served each"], table)
    print(f"note: {result['cpus']} CPUs; {result['note']}")
    for r in result["rows"]:
        if r["lost"] or r["duplicated"] or r["shown"]["repeated_texts"] or \
                r["shown"]["chats_out_of_order"]:
            print(f"PROBLEM with {r['workers']} worker(s): no reply {r['no_reply']}, "
                  f"database {r['database']}, shown {r['shown']}, errors {r['error_samples']}")
        if r["sql_top"]:
            print(f"statements run most often, {r['workers']} worker(s), "
                  f"{r['updates']} updates:")
            for row in r["sql_top"]:
                print(f"  {row['count']:6d}  {row['total_s']:6.2f} s  {row['sql'][:90]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=60)
    parser.add_argument("--quick", action="store_true", help="20 students")
    parser.add_argument("--workers", default=",".join(str(n) for n in WORKERS),
                        help="worker counts to measure, e.g. 1,2,3")
    parser.add_argument("--sql-profile", action="store_true",
                        help="count and time the workers' SQL statements (slower; diagnosis)")
    args = parser.parse_args(argv)
    students = 20 if args.quick else args.students
    workers = tuple(int(n) for n in args.workers.split(","))
    started = time.monotonic()
    result = asyncio.run(run(students, workers, args.sql_profile))
    result["elapsed_s"] = time.monotonic() - started
    report(result)
    print(f"wrote {write_result('multiworker', result)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
