"""(2) Relay latency: student -> supporter in many concurrent sessions, vs the sandbox round trip.

``python -m bench.bench_relay [--sessions N] [--quick]``

Sejawat (aiogram, SQLite) in a child process with 20 on-duty supporters (capacity 10 each). N
students (default 200) complete the intake; the supporters accept every offer; then every student
sends 2 messages, pausing 4-12 s before each (about N/8 messages/s). Latency = injection
of the student's message -> the relayed copy appearing in the supporter's chat. The sandbox's own
round trip is measured in the same run with a bare aiogram echo bot and the same traffic
(same users, pauses and message count): added latency = Sejawat's minus the echo bot's.
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
    echo_spec,
    latency_summary,
    log,
    print_table,
    prompt_head,
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
from sandbox.types import BotMessage

SUPPORTERS = [StaffSpec(9100 + i, "supporter", f"Supporter{i}", capacity=10) for i in range(20)]
MESSAGES = 2
THINK = (4.0, 12.0)
TOKEN_RE = re.compile(r"\br(\d+)x(\d+)\b")


async def accept_offers(api: Any, tracker: Tracker, supporter: int, stop: asyncio.Event) -> int:
    pressed: set[int] = set()

    def offer() -> BotMessage | None:
        for record in tracker.messages(supporter):
            if record.message_id in pressed or record.deleted:
                continue
            if any(d.startswith("of:accept:") for d in record.button_data()):
                return record
        return None

    while not stop.is_set():
        try:
            record = await tracker.wait(supporter, offer, 1.0)
        except TimeoutError:
            continue
        pressed.add(record.message_id)
        data = next(d for d in record.button_data() if d.startswith("of:accept:"))
        await api.press_button(supporter, record.message_id, data)
    return len(pressed)


async def sejawat_relay(sessions: int) -> dict[str, Any]:
    log(f"relay: {sessions} students complete the intake, {len(SUPPORTERS)} supporters accept")
    async with sandbox_server() as api, database("sqlite") as url:
        tracker = Tracker(api)
        raw = raw_config(api.base_url, url)
        started_head = prompt_head(raw, "id", "session-started-student")
        bot = BotProcess(sejawat_spec(raw, SUPPORTERS))
        for staff in SUPPORTERS:
            await api.create_user(staff.telegram_id, first_name=staff.name, language_code="en")
        await bot.start()
        try:
            stop = asyncio.Event()
            acceptors = [asyncio.create_task(accept_offers(api, tracker, s.telegram_id, stop))
                         for s in SUPPORTERS]
            ids = list(range(FIRST_STUDENT, FIRST_STUDENT + sessions))
            await create_users(api, ids)
            intake = Collected()
            setup_started = time.monotonic()
            await gather_bounded([asyncio.create_task(
                student(api, tracker, i, intake_steps(), intake)) for i in ids], 300)

            def started(user_id: int) -> bool | None:
                return any(started_head in (r.text or "") for r in tracker.messages(user_id)) \
                    or None

            async def wait_started(user_id: int) -> None:
                await tracker.wait(user_id, lambda: started(user_id), 120)

            await gather_bounded([asyncio.create_task(wait_started(i)) for i in ids], 130)
            in_session = [i for i in ids if started(i)]
            setup = time.monotonic() - setup_started
            log(f"relay: {len(in_session)} sessions active after {setup:.0f} s; relaying")
            out = Collected()
            injected: dict[str, float] = {}

            def on_sent(record: BotMessage) -> None:
                if record.chat_id < 9100 or record.chat_id >= 9200:
                    return
                match = TOKEN_RE.search(record.text or "")
                if match and match.group(0) in injected:
                    out.mark(injected.pop(match.group(0)), record.sent_at)

            tracker.on_sent.append(on_sent)
            rng = random.Random(3)

            async def talk(user_id: int) -> None:
                for k in range(MESSAGES):
                    await asyncio.sleep(rng.uniform(*THINK))
                    token = f"r{user_id}x{k}"
                    injected[token] = time.monotonic()
                    await api.send_text(user_id, f"{token} kak aku mau cerita soal tugas")
                    out.updates += 1

            await gather_bounded([asyncio.create_task(talk(i)) for i in in_session], 120)
            deadline = time.monotonic() + 30
            while injected and time.monotonic() < deadline:
                await asyncio.sleep(0.2)
            stop.set()
            await asyncio.gather(*acceptors, return_exceptions=True)
        finally:
            await bot.stop()
            tracker.close()
    return {"sessions": len(in_session), "setup_s": setup, "messages": out.updates,
            "relayed": len(out.latencies), "missing": len(injected),
            "latency": latency_summary(out.latencies), "intake_errors": len(intake.errors)}


async def echo_baseline(users: int) -> dict[str, Any]:
    log(f"relay: echo baseline, {users} users x {MESSAGES} messages")
    async with sandbox_server() as api:
        tracker = Tracker(api)
        bot = BotProcess(echo_spec("aiogram", api.base_url))
        await bot.start()
        try:
            ids = list(range(FIRST_STUDENT, FIRST_STUDENT + users))
            await create_users(api, ids)
            out = Collected()
            rng = random.Random(3)
            await gather_bounded([asyncio.create_task(
                echo_user(api, tracker, i, MESSAGES, out, THINK, rng)) for i in ids], 150)
        finally:
            await bot.stop()
            tracker.close()
    return {"users": users, "messages": out.updates, "latency": latency_summary(out.latencies)}


async def run(sessions: int) -> dict[str, Any]:
    relay = await sejawat_relay(sessions)
    echo = await echo_baseline(sessions)
    added_p50 = relay["latency"]["p50_ms"] - echo["latency"]["p50_ms"]
    added_p99 = relay["latency"]["p99_ms"] - echo["latency"]["p99_ms"]
    return {"sessions_requested": sessions, "relay": relay, "echo": echo,
            "added_p50_ms": added_p50, "added_p99_ms": added_p99}


def report(result: dict[str, Any]) -> None:
    relay, echo = result["relay"], result["echo"]
    print(f"\n(2) Relay latency: {relay['sessions']} sessions, {MESSAGES} messages each, "
          f"{THINK[0]:g}-{THINK[1]:g} s apart ({relay['relayed']}/{relay['messages']} relayed)")
    print_table(["", "p50 ms", "p99 ms", "max ms"], [
        ["student -> supporter", relay["latency"]["p50_ms"], relay["latency"]["p99_ms"],
         relay["latency"]["max_ms"]],
        ["sandbox round trip (echo)", echo["latency"]["p50_ms"], echo["latency"]["p99_ms"],
         echo["latency"]["max_ms"]],
        ["added by Sejawat", result["added_p50_ms"], result["added_p99_ms"], ""],
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=200)
    parser.add_argument("--quick", action="store_true", help="40 sessions")
    args = parser.parse_args(argv)
    result = asyncio.run(run(40 if args.quick else args.sessions))
    report(result)
    print(f"wrote {write_result('relay', result)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
