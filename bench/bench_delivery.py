"""(3) Delivery at Telegram's limits: a 5 000-message backlog to 500 chats, crisis queued last.

``python -m bench.bench_delivery [--messages N] [--chats C] [--quick]``

In one process: the sandbox with Telegram-like flood limits (``set_rate_limits(per_chat_limit=1,
global_limit=30)``, 429 + retry_after beyond them) and Sejawat's outbox ``Sender`` built by
``bootstrap`` (aiogram transport, SQLite), driven directly (no updates). N normal messages to C
chats are stored with ``uow.outbox.add``; the sender starts with the configured pacing; a few
seconds later, with the backlog still large, 50 crisis messages (priority 0, to 50 other chats:
counselor pings) are queued. Reports delivered rate / the 30/s limit, 429s, lost messages
(rows not ``sent``), and how fast the crisis messages overtook the backlog. Run at the default
pacing (``outbox.global_rate`` overall, 1/s per chat) and then, on a smaller backlog, at a
candidate rate.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from typing import Any

from sqlalchemy import func, select

from bench.common import (
    TOKEN,
    database,
    log,
    print_table,
    raw_config,
    write_result,
)
from bot.app import bootstrap
from bot.config import Config, OutboxConfig
from flows.types import Priority
from sandbox.botapi import SandboxBotApi
from storage.models import OutboxMessage

LIMIT = 30.0
CRISIS = 50
CRISIS_AFTER = 5.0  # seconds after the sender started
FIRST_CHAT = 3_000_000_001
CRISIS_CHAT = 3_900_000_001


async def deliver(messages: int, chats: int, global_rate: float, per_chat_rate: float,
                  time_limit: float) -> dict[str, Any]:
    log(f"delivery: {messages} messages to {chats} chats at global_rate={global_rate}/s, "
        f"per_chat_rate={per_chat_rate}/s")
    api = SandboxBotApi(token=TOKEN, per_chat_limit=1, global_limit=LIMIT)
    await api.start()
    try:
        async with database("sqlite") as url:
            raw = raw_config(api.base_url, url,
                             outbox={"global_rate": global_rate, "per_chat_rate": per_chat_rate})
            app = bootstrap(Config.model_validate(raw))
            await app.prepare()
            chat_ids = [FIRST_CHAT + i for i in range(chats)]
            crisis_ids = [CRISIS_CHAT + i for i in range(CRISIS)]
            for chat_id in (*chat_ids, *crisis_ids):
                await api.create_user(chat_id, first_name=f"C{chat_id}")
            await api.set_rate_limits(per_chat_limit=1, global_limit=LIMIT)
            now = app.services.clock()
            async with app.store() as uow:
                for n in range(messages):
                    chat_id = chat_ids[n % chats]
                    await uow.outbox.add(chat_id, "send", int(Priority.NORMAL),
                                         {"text": f"normal {n}", "buttons": []}, now)
                await uow.commit()
            started = time.monotonic()
            runner = asyncio.create_task(app.sender.run())
            await asyncio.sleep(CRISIS_AFTER)
            sent_before_crisis = _sent_count(api)
            in_flight = len(app.sender._in_flight)  # chats whose next message is already taken
            crisis_queued = time.monotonic()
            async with app.store() as uow:
                for n, chat_id in enumerate(crisis_ids):
                    await uow.outbox.add(chat_id, "send", int(Priority.CRISIS),
                                         {"text": f"crisis {n}", "buttons": []},
                                         app.services.clock())
                await uow.commit()
            app.sender.wake()
            total = messages + CRISIS
            deadline = started + time_limit
            while _sent_count(api) < total and time.monotonic() < deadline:
                await asyncio.sleep(0.5)
            finished = _sent_count(api) >= total
            await app.sender.stop()
            runner.cancel()
            await asyncio.gather(runner, return_exceptions=True)
            async with app.store() as uow:
                statuses = dict((await uow.session.execute(
                    select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)
                )).all())
            await app.dispatcher.stop()
            await app.transport.stop()
            await app.engine.dispose()
        records = sorted((r for rs in api.state.bot_messages.values() for r in rs),
                         key=lambda r: r.sent_at)
        crisis = [r for r in records if (r.text or "").startswith("crisis")]
        normal_after = [r for r in records
                        if (r.text or "").startswith("normal") and r.sent_at >= crisis_queued]
        last_crisis = max((r.sent_at for r in crisis), default=float("nan"))
        overtaken_by = sum(1 for r in normal_after if r.sent_at <= last_crisis)
        span = records[-1].sent_at - records[0].sent_at if len(records) > 1 else float("nan")
        rate = (len(records) - 1) / span if span == span and span > 0 else float("nan")
        return {
            "messages": messages, "chats": chats, "crisis": CRISIS,
            "global_rate": global_rate, "per_chat_rate": per_chat_rate,
            "delivered": len(records), "finished": finished,
            "statuses": {str(k): int(v) for k, v in statuses.items()},
            "lost": total - int(statuses.get("sent", 0)),
            "duplicates": len(records) - int(statuses.get("sent", 0)),
            "rate_per_s": rate, "fraction_of_limit": rate / LIMIT,
            "rate_limited_429": api.state.rate_limited,
            "sent_before_crisis_queued": sent_before_crisis,
            "crisis_delivered": len(crisis),
            "crisis_all_within_s": last_crisis - crisis_queued,
            "normal_delivered_before_last_crisis": overtaken_by,
            "in_flight_when_crisis_queued": in_flight,
            # first = no ordinary message that was still waiting when the crisis messages were
            # queued went out before the last of them (only those already in flight may)
            "crisis_first": len(crisis) == CRISIS and overtaken_by <= in_flight,
            "wall_s": time.monotonic() - started,
        }
    finally:
        await api.stop()


def _sent_count(api: SandboxBotApi) -> int:
    return sum(len(v) for v in api.state.bot_messages.values())


async def run(messages: int, chats: int, check_messages: int, check_rate: float
              ) -> dict[str, Any]:
    pacing = OutboxConfig()  # the shipped defaults
    default = await deliver(messages, chats, pacing.global_rate, pacing.per_chat_rate,
                            time_limit=messages / 20 + 60)
    candidate = await deliver(check_messages, max(1, check_messages // 10), check_rate, 1.0,
                              time_limit=check_messages / 20 + 40)
    return {"default": default, "candidate": candidate,
            # the candidate, if it loses nothing, reaches 95 % of the limit and draws 429s for
            # at most 2 % of its messages (each costs that message a retry_after, nothing more)
            "recommended_global_rate": check_rate
            if candidate["lost"] == 0 and candidate["fraction_of_limit"] >= 0.95
            and candidate["rate_limited_429"] <= 0.02 * candidate["delivered"]
            else default["global_rate"]}


def report(result: dict[str, Any]) -> None:
    print(f"\n(3) Delivery at the sandbox's limits ({LIMIT:.0f}/s overall, 1/s per chat)")
    rows = []
    for name in ("default", "candidate"):
        r = result[name]
        rows.append([f"global_rate={r['global_rate']:g}/s", r["delivered"], r["rate_per_s"],
                     f"{100 * r['fraction_of_limit']:.1f}%", r["rate_limited_429"], r["lost"],
                     f"{r['crisis_delivered']}/{r['crisis']}", r["crisis_all_within_s"],
                     r["normal_delivered_before_last_crisis"], r["in_flight_when_crisis_queued"],
                     "yes" if r["crisis_first"] else "NO"])
    print_table(["pacing", "delivered", "msg/s", "of limit", "429s", "lost", "crisis",
                 "crisis all in s", "normal first", "in flight", "crisis first"], rows)
    print(f"recommended outbox.global_rate: {result['recommended_global_rate']:g}/s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=5000)
    parser.add_argument("--chats", type=int, default=500)
    parser.add_argument("--candidate-rate", type=float, default=29.0)
    parser.add_argument("--quick", action="store_true", help="1 000 messages to 100 chats")
    args = parser.parse_args(argv)
    messages, chats = (1000, 100) if args.quick else (args.messages, args.chats)
    check = 300 if args.quick else 1000
    result = asyncio.run(run(messages, chats, check, args.candidate_rate))
    report(result)
    print(f"wrote {write_result('delivery', result)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
