"""(4) Escalation latency under load: high-risk message in -> counselor ping out.

``python -m bench.bench_escalation [--students N] [--crisis C] [--quick]``

Sejawat (aiogram, SQLite) in a child process with 5 on-duty counselors. The load of bench (1):
N students doing the whole intake at once, no pauses (the bot saturated). During it, C other
students, starting at random moments in the first 20 s, go through the intake to the
description and send an imminent-risk text. Latency = injection of that text -> the counselor
ping (``escalation-ping``, carrying the message's excerpt) sent to a counselor; also reported:
-> the crisis resources shown to the student.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import re
import time
from typing import Any

from bench.common import (
    BotProcess,
    Collected,
    StaffSpec,
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
from bench.drivers import (
    FIRST_STUDENT,
    Step,
    create_users,
    gather_bounded,
    intake_steps,
    run_step,
    student,
)
from sandbox.types import BotMessage

COUNSELORS = [StaffSpec(9200 + i, "counselor", f"Counselor{i}") for i in range(5)]
IMMINENT = "aku udah nggak kuat lagi, malam ini aku mau gantung diri"
TAG_RE = re.compile(r"\bk(\d+)\b")
CRISIS_FIRST = FIRST_STUDENT + 5_000_000


async def run(students: int, crisis: int) -> dict[str, Any]:
    log(f"escalation: {crisis} crisis students during {students} students' intake")
    async with sandbox_server() as api, database("sqlite") as url:
        tracker = Tracker(api)
        bot = BotProcess(sejawat_spec(raw_config(api.base_url, url), COUNSELORS))
        for staff in COUNSELORS:
            await api.create_user(staff.telegram_id, first_name=staff.name, language_code="en")
        await bot.start()
        pings = Collected()
        replies = Collected()
        injected: dict[str, float] = {}
        counselor_ids = {c.telegram_id for c in COUNSELORS}

        def on_sent(record: BotMessage) -> None:
            if record.chat_id not in counselor_ids:
                return
            match = TAG_RE.search(record.text or "")
            if match and match.group(0) in injected:
                pings.mark(injected.pop(match.group(0)), record.sent_at)

        tracker.on_sent.append(on_sent)
        rng = random.Random(9)

        async def in_crisis(user_id: int) -> None:
            await asyncio.sleep(rng.uniform(0, 20))
            for step in intake_steps()[:4]:
                await run_step(api, tracker, user_id, step, None)
            tag = f"k{user_id - CRISIS_FIRST}"
            injected[tag] = time.monotonic()
            latency = await run_step(api, tracker, user_id, Step("text", f"{tag} {IMMINENT}",
                                                                  None), None)
            replies.latencies.append(latency)

        try:
            ids = list(range(FIRST_STUDENT, FIRST_STUDENT + students))
            crisis_ids = list(range(CRISIS_FIRST, CRISIS_FIRST + crisis))
            await create_users(api, [*ids, *crisis_ids])
            load = Collected()
            started = time.monotonic()
            tasks = [asyncio.create_task(student(api, tracker, i, intake_steps(), load))
                     for i in ids]
            tasks += [asyncio.create_task(in_crisis(i)) for i in crisis_ids]
            await gather_bounded(tasks, 300)
            deadline = time.monotonic() + 20
            while injected and time.monotonic() < deadline:
                await asyncio.sleep(0.2)
            load_rate = load.updates / load.wall
            elapsed = time.monotonic() - started
        finally:
            await bot.stop()
            tracker.close()
    return {"students": students, "crisis": crisis, "load_updates_per_s": load_rate,
            "load_latency": latency_summary(load.latencies), "elapsed_s": elapsed,
            "pinged": len(pings.latencies), "missing": len(injected),
            "ping_latency": latency_summary(pings.latencies),
            "student_reply_latency": latency_summary(replies.latencies)}


def report(result: dict[str, Any]) -> None:
    print(f"\n(4) Escalation under load: {result['crisis']} imminent-risk messages while "
          f"{result['students']} students do the intake "
          f"({result['load_updates_per_s']:.0f} updates/s); {result['pinged']} pings")
    rows = []
    for name, key in (("risk message -> counselor ping", "ping_latency"),
                      ("risk message -> student reply", "student_reply_latency"),
                      ("ordinary update -> reply (load)", "load_latency")):
        lat = result[key]
        rows.append([name, lat["p50_ms"], lat["p99_ms"], lat["max_ms"]])
    print_table(["", "p50 ms", "p99 ms", "max ms"], rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--students", type=int, default=150)
    parser.add_argument("--crisis", type=int, default=20)
    parser.add_argument("--quick", action="store_true", help="50 students, 10 in crisis")
    args = parser.parse_args(argv)
    students, crisis = (50, 10) if args.quick else (args.students, args.crisis)
    result = asyncio.run(run(students, crisis))
    report(result)
    print(f"wrote {write_result('escalation', result)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
