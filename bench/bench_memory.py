"""(6) Memory with many open conversations, and a soak with steady traffic.

``python -m bench.bench_memory [--students N] [--soak-seconds S] [--quick]``

Memory: Sejawat (aiogram, SQLite) in a child process; N students (default 10 000) each send
``/start`` and so have an intake open (welcome + consent asked). Reports the bot's RSS before,
its peak RSS (VmHWM) and (peak - baseline) / N per open conversation.

Soak: a fresh bot; a steady stream of students doing the whole intake (a fixed pool of
concurrent students pausing 1-4 s between steps, replaced as they finish) for S seconds (default
600), RSS sampled every 5 s. Then the traffic stops and, once the bot has drained, every injected
update is accounted for: stored in the inbox and processed (``done``) or deliberately refused
(``failed``, the student told so), and every stored outgoing message ``sent`` (and seen by the
sandbox) or ``failed`` with a reason. ``--quick``: 1 000 students and a 60 s soak.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import time
from typing import Any

from sqlalchemy import func, select

from bench.common import (
    BotProcess,
    Collected,
    Tracker,
    database,
    latency_summary,
    log,
    print_table,
    raw_config,
    sandbox_server,
    sejawat_spec,
    write_result,
)
from bench.drivers import FIRST_STUDENT, create_users, intake_steps, student
from storage.db import create_engine
from storage.models import InboxUpdate, OutboxMessage

SOAK_POOL = 40
SOAK_THINK = (1.0, 4.0)
SAMPLE_EVERY = 5.0
DRAIN_TIMEOUT = 120.0
NOISE_FRACTION = 0.05  # RSS growth below 5 % (or 8 MiB) between the first and last thirds


async def open_conversations(students: int) -> dict[str, Any]:
    log(f"memory: {students} students open an intake")
    async with sandbox_server() as api, database("sqlite") as url:
        tracker = Tracker(api)
        bot = BotProcess(sejawat_spec(raw_config(api.base_url, url)))
        await bot.start()
        try:
            await asyncio.sleep(2.0)
            baseline = bot.memory_kib()["VmRSS"]
            ids = list(range(FIRST_STUDENT, FIRST_STUDENT + students))
            await create_users(api, ids)
            started = time.monotonic()
            expected = tracker.sent + 2 * students  # /start: welcome + consent question
            for user_id in ids:
                await api.send_text(user_id, "/start")
            deadline = started + max(120.0, students * 0.2)
            samples: list[int] = []
            while tracker.sent < expected and time.monotonic() < deadline:
                samples.append(bot.memory_kib()["VmRSS"])
                await asyncio.sleep(0.5)
            elapsed = time.monotonic() - started
            await asyncio.sleep(1.0)
            mem = bot.memory_kib()
            answered = sum(1 for i in ids if len(tracker.messages(i)) >= 2)
        finally:
            await bot.stop()
            tracker.close()
    peak = max([mem["VmHWM"], *samples])
    return {
        "students": students, "answered": answered, "elapsed_s": elapsed,
        "updates_per_s": students / elapsed, "baseline_rss_mib": baseline / 1024,
        "peak_rss_mib": peak / 1024, "final_rss_mib": mem["VmRSS"] / 1024,
        "rss_per_conversation_kib": (peak - baseline) / students,
    }


async def _count(engine: Any, model: Any) -> dict[str, int]:
    async with engine.connect() as conn:
        query = select(model.status, func.count()).group_by(model.status)
        rows = (await conn.execute(query)).all()
    return {str(status): int(n) for status, n in rows}


async def _sent_messages(engine: Any) -> int:
    """Outgoing rows that are text messages (not keyboard removals) and were sent."""
    async with engine.connect() as conn:
        return int(await conn.scalar(select(func.count()).select_from(OutboxMessage).where(
            OutboxMessage.status == "sent", OutboxMessage.method == "send")) or 0)


async def soak(seconds: float) -> dict[str, Any]:
    log(f"soak: {seconds:.0f} s of steady intake traffic")
    async with sandbox_server() as api, database("sqlite") as url:
        tracker = Tracker(api)
        bot = BotProcess(sejawat_spec(raw_config(api.base_url, url)))
        engine = create_engine(url)
        await bot.start()
        out = Collected()
        rng = random.Random(5)
        next_id = [FIRST_STUDENT]
        samples: list[tuple[float, float]] = []
        started = time.monotonic()
        stop_at = started + seconds

        async def pool_member() -> None:
            while time.monotonic() < stop_at:
                user_id = next_id[0]
                next_id[0] += 1
                await create_users(api, [user_id])
                await student(api, tracker, user_id, intake_steps(), out, SOAK_THINK, rng)

        async def sampler() -> None:
            while time.monotonic() < stop_at:
                samples.append((time.monotonic() - started, bot.memory_kib()["VmRSS"] / 1024))
                await asyncio.sleep(SAMPLE_EVERY)

        try:
            tasks = [asyncio.create_task(pool_member()) for _ in range(SOAK_POOL)]
            sampling = asyncio.create_task(sampler())
            await asyncio.wait([*tasks, sampling], timeout=seconds + 30)
            for task in (*tasks, sampling):
                task.cancel()
            await asyncio.gather(*tasks, sampling, return_exceptions=True)
            injected = len(api.state.history)
            drained = False
            drain_deadline = time.monotonic() + DRAIN_TIMEOUT
            while time.monotonic() < drain_deadline:
                inbox = await _count(engine, InboxUpdate)
                outbox = await _count(engine, OutboxMessage)
                if not api.state.pending and inbox.get("pending", 0) == 0 \
                        and outbox.get("pending", 0) == 0:
                    drained = True
                    break
                await asyncio.sleep(1.0)
            inbox = await _count(engine, InboxUpdate)
            outbox = await _count(engine, OutboxMessage)
            sent_texts = await _sent_messages(engine)
            sandbox_sent = tracker.sent
        finally:
            await bot.stop()
            await engine.dispose()
            tracker.close()
    stored = sum(inbox.values())
    accounted = inbox.get("done", 0) + inbox.get("failed", 0)
    lost_updates = injected - accounted
    # every stored text message sent must be in the sandbox (keyboard removals are edits)
    lost_messages = outbox.get("pending", 0) + max(0, sent_texts - sandbox_sent)
    mibs = [m for t, m in samples if t >= min(60.0, seconds / 4)]
    third = max(1, len(mibs) // 3)
    first, last = statistics.fmean(mibs[:third]), statistics.fmean(mibs[-third:])
    growth = last - first
    return {
        "seconds": seconds, "pool": SOAK_POOL, "think_s": list(SOAK_THINK),
        "updates_injected": injected, "updates_stored": stored, "inbox": inbox,
        "outbox": outbox, "sandbox_messages": sandbox_sent,
        "outbox_text_messages_sent": sent_texts, "drained": drained,
        "lost_updates": lost_updates, "lost_messages": lost_messages,
        "updates_per_s": out.updates / max(1e-9, seconds),
        "latency": latency_summary(out.latencies), "driver_errors": len(out.errors),
        "error_samples": out.errors[:3],
        "rss_samples": samples, "rss_first_third_mib": first, "rss_last_third_mib": last,
        "rss_growth_mib": growth,
        "no_growth": growth < max(8.0, NOISE_FRACTION * first),
    }


async def run(students: int, soak_seconds: float) -> dict[str, Any]:
    memory = await open_conversations(students)
    steady = await soak(soak_seconds)
    return {"memory": memory, "soak": steady}


def report(result: dict[str, Any]) -> None:
    mem, soak_ = result["memory"], result["soak"]
    print(f"\n(6) Memory: {mem['students']} open conversations "
          f"({mem['answered']} answered, {mem['updates_per_s']:.0f} /start per s)")
    print_table(["", "MiB / KiB"], [
        ["RSS before", mem["baseline_rss_mib"]], ["peak RSS", mem["peak_rss_mib"]],
        ["RSS per conversation (KiB)", mem["rss_per_conversation_kib"]],
    ])
    print(f"\n(6) Soak: {soak_['seconds']:.0f} s, {soak_['pool']} students at a time, "
          f"{soak_['updates_per_s']:.1f} updates/s")
    print_table(["", "value"], [
        ["RSS first third (MiB)", soak_["rss_first_third_mib"]],
        ["RSS last third (MiB)", soak_["rss_last_third_mib"]],
        ["RSS growth (MiB)", soak_["rss_growth_mib"]],
        ["updates injected", soak_["updates_injected"]],
        ["inbox done / failed", f"{soak_['inbox'].get('done', 0)} / "
                                f"{soak_['inbox'].get('failed', 0)}"],
        ["outbox sent / failed", f"{soak_['outbox'].get('sent', 0)} / "
                                 f"{soak_['outbox'].get('failed', 0)}"],
        ["text messages sent / seen by sandbox", f"{soak_['outbox_text_messages_sent']} / "
                                                 f"{soak_['sandbox_messages']}"],
        ["lost updates / messages", f"{soak_['lost_updates']} / {soak_['lost_messages']}"],
        ["reply p50 / p99 (ms)", f"{soak_['latency']['p50_ms']:.0f} / "
                                 f"{soak_['latency']['p99_ms']:.0f}"],
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--students", type=int, default=10_000)
    parser.add_argument("--soak-seconds", type=float, default=600.0)
    parser.add_argument("--quick", action="store_true", help="1 000 students, 60 s soak")
    args = parser.parse_args(argv)
    students = 1000 if args.quick else args.students
    seconds = 60.0 if args.quick else args.soak_seconds
    result = asyncio.run(run(students, seconds))
    report(result)
    print(f"wrote {write_result('memory', result)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
