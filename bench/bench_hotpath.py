"""CPU per update kind, in-process (#14's hot path): the whole program of the model test
(tests/model/world.py: real storage, handlers, inbox, outbox sender and timers; a fake
Telegram) goes through one fixed script of updates, again and again, each round on a fresh
start of one database (its rows as migrated and seeded, put back before each round; the
program and its engine stay, as in a running bot, so the statements are compiled once):
``/start``, an intake button, the intake's description, the
request sent (offered to a supporter), the supporter accepting, a relayed text each way and a
high-risk text in the chat. For each kind: the process's CPU to process the update (stored,
screened, handled, replies queued) and to deliver what it queued (the sender), and the SQL
statements of each, and (one more round) the Python function calls of each: a count the
machine's load does not change, unlike CPU time on a shared machine.

    python -m bench.bench_hotpath                     # 30 rounds on SQLite
    python -m bench.bench_hotpath --rounds 10 --postgres
    python -m bench.bench_hotpath --profile out.prof  # and cProfile every round

Prints a table and writes ``bench/results/hotpath.json``; asserts nothing. Everything runs in
this one process on one core, so a busy machine shows as a higher median; compare runs side
by side (old, new, new, old) and read the ratios.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import gc
import os
import pstats
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Table, event

from bench.common import DEFAULT_POSTGRES, POSTGRES_ENV, log, write_result
from flows.types import Inbound
from storage.crypto import generate_key
from storage.models import Base
from tests.model.world import START, World, make_template

STUDENT, SUPPORTER = 700100001, 9101
DESCRIPTION = "aku stres banget sama ujian minggu depan dan susah tidur"
KINDS = ("/start", "intake button", "intake text", "request sent", "supporter accepts",
         "student text relayed", "supporter text relayed", "high-risk text in a chat")


class Meter:
    """Statements executed while on (a before_cursor_execute listener)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, *_args: Any) -> None:
        self.count += 1


Sample = dict[str, tuple[float, float, int, int]]  # kind -> cpu µs process, deliver, statements


async def one_round(world: World, profiler: cProfile.Profile | None,
                    calls: dict[str, int] | None = None) -> Sample:
    """One pass of the script; ``calls``: filled with the Python function calls of each
    kind (a round of its own: counting them slows everything down)."""
    app = world.running
    meter = Meter()
    engine = app.engine.sync_engine
    event.listen(engine, "before_cursor_execute", meter)
    sample: Sample = {}

    async def measure(kind: str, make: Callable[[], Inbound]) -> None:
        inbound = make()
        counter = cProfile.Profile() if calls is not None else profiler
        if counter is not None:
            counter.enable()
        meter.count, cpu = 0, time.process_time_ns()
        await app.dispatcher.submit(inbound)
        await app.dispatcher.idle(30)
        processing, statements = time.process_time_ns() - cpu, meter.count
        meter.count, cpu = 0, time.process_time_ns()
        await world.settle()
        delivering, delivered = time.process_time_ns() - cpu, meter.count
        if counter is not None:
            counter.disable()
        if calls is not None and counter is not None:
            calls[kind] = pstats.Stats(counter).total_calls  # type: ignore[attr-defined]
        sample[kind] = (processing / 1000, delivering / 1000, statements, delivered)

    async def step(make: Callable[[], Inbound]) -> None:
        await world.submit(make())

    gc.collect()  # once a round, outside what is measured (a full collection: ~0.1 s)
    script: list[tuple[str | None, Callable[[], Inbound]]] = [
        ("/start", lambda: world.text_update(STUDENT, "/start")),
        ("intake button", lambda: world.press_update(STUDENT, "in:consent:yes")),
        (None, lambda: world.press_update(STUDENT, "in:lang:id")),
        (None, lambda: world.press_update(STUDENT, "in:topic:family")),
        ("intake text", lambda: world.text_update(STUDENT, DESCRIPTION)),
        (None, lambda: world.press_update(STUDENT, "in:feeling:3")),
        (None, lambda: world.press_update(STUDENT, "in:name:keep")),
        ("request sent", lambda: world.press_update(STUDENT, "in:confirm:")),
        ("supporter accepts", lambda: world.press_update(SUPPORTER, "of:accept:")),
        ("student text relayed",
         lambda: world.text_update(STUDENT, "makasih kak udah mau dengerin aku")),
        ("supporter text relayed",
         lambda: world.text_update(SUPPORTER, "Sama-sama, aku di sini. Cerita aja pelan-pelan.")),
        ("high-risk text in a chat",
         lambda: world.text_update(STUDENT, "jujur aku pengen mati aja rasanya")),
    ]
    try:
        for kind, make in script:
            done: Awaitable[None] = measure(kind, make) if kind else step(make)
            await done
    finally:
        event.remove(engine, "before_cursor_execute", meter)
    return sample


Rows = list[tuple[Table, list[dict[str, Any]]]]


async def snapshot(world: World) -> Rows:
    async with world.running.engine.connect() as conn:
        return [(table, [dict(row) for row in (await conn.execute(table.select())).mappings()])
                for table in Base.metadata.sorted_tables]


async def restore(world: World, rows: Rows) -> None:
    """Every table back to the snapshot, the clock back to the start, Telegram emptied."""
    async with world.running.engine.begin() as conn:
        for table, _ in reversed(rows):
            await conn.execute(table.delete())
        for table, values in rows:
            if values:
                await conn.execute(table.insert(), values)
    world.clock.now = START
    telegram = world.telegram
    telegram.messages.clear()
    telegram.by_id.clear()
    telegram.menus.clear()
    telegram.keyboards.clear()


async def run(rounds: int, warmup: int, postgres: str | None,
              profile: str | None) -> dict[str, Any]:
    key = generate_key()
    samples: list[Sample] = []
    calls: dict[str, int] = {}
    profiler = cProfile.Profile() if profile else None
    with tempfile.TemporaryDirectory(prefix="sejawat-hotpath-") as folder:
        template: Path | str = postgres or await make_template(Path(folder), key)
        world = await World.create(template, Path(folder), key)
        try:
            start = await snapshot(world)
            for number in range(warmup + rounds):
                await restore(world, start)
                measured = number >= warmup
                sample = await one_round(world, profiler if measured else None)
                if measured:
                    samples.append(sample)
            await restore(world, start)
            await one_round(world, None, calls)
        finally:
            await world.close()
    if profiler is not None and profile:
        profiler.dump_stats(profile)
        log(f"profile written to {profile}")
    rows: dict[str, dict[str, float]] = {}
    for kind in KINDS:
        processing = [s[kind][0] for s in samples]
        delivering = [s[kind][1] for s in samples]
        rows[kind] = {
            "process_us_median": statistics.median(processing),
            "process_us_min": min(processing),
            "deliver_us_median": statistics.median(delivering),
            "deliver_us_min": min(delivering),
            "statements_process": samples[-1][kind][2],
            "statements_deliver": samples[-1][kind][3],
            "python_calls": calls[kind],
        }
    totals = [sum(s[k][0] + s[k][1] for k in KINDS) for s in samples]
    return {"engine": "postgresql" if postgres else "sqlite", "rounds": rounds,
            "kinds": rows, "round_total_us_median": statistics.median(totals),
            "per_update_us_median": statistics.median(totals) / len(KINDS),
            "python_calls_per_update": sum(calls.values()) / len(KINDS),
            "load_average": os.getloadavg()}


def report(result: dict[str, Any]) -> None:
    print(f"\nCPU per update, in-process, {result['engine']}, {result['rounds']} rounds "
          f"(median; load average {result['load_average'][0]:.2f} at the end)")
    print(f"  {'update':28} {'process µs':>11} {'deliver µs':>11} {'total µs':>9}"
          f" {'statements':>11} {'calls':>7}")
    for kind, row in result["kinds"].items():
        total = row["process_us_median"] + row["deliver_us_median"]
        print(f"  {kind:28} {row['process_us_median']:11.0f} {row['deliver_us_median']:11.0f}"
              f" {total:9.0f} {row['statements_process']:5} / {row['statements_deliver']:<4}"
              f" {row['python_calls']:7}")
    print(f"  {'mean over the 8 kinds':28} {'':11} {'':11}"
          f" {result['per_update_us_median']:9.0f} {'':11}"
          f" {result['python_calls_per_update']:7.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--postgres", nargs="?", const=os.environ.get(POSTGRES_ENV,
                                                                      DEFAULT_POSTGRES))
    parser.add_argument("--profile", help="write a cProfile of the measured updates here")
    parser.add_argument("--name", default="hotpath", help="bench/results/<name>.json")
    args = parser.parse_args()
    result = asyncio.run(run(args.rounds, args.warmup, args.postgres, args.profile))
    report(result)
    path = write_result(args.name, result)
    log(f"written {path}")


if __name__ == "__main__":
    main()
