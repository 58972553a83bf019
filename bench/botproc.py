"""The bot under test, in its own process: ``python -m bench.botproc SPEC.json``.

``kind: sejawat`` runs the real bot (``bootstrap``) with the given config and staff; ``kind:
echo`` runs a minimal aiogram or python-telegram-bot bot that answers every text with the same
text, with the same polling settings as Sejawat's transports (serial handling, 10 s long poll,
the same allowed updates). Prints ``READY`` once polling, ``STATS {json}`` after SIGTERM.

With ``"time_detector": true`` the Sejawat bot screens with :class:`TimedDetector`, and each
SIGUSR1 prints ``PROBE {json}``: the detector's calls and CPU seconds so far and the process's
CPU seconds so far, so that a bench can take the detector's share of what the same process spent
between two probes.
"""

from __future__ import annotations

import asyncio
import json
import logging
import signal
import sys
import time
from collections.abc import Awaitable, Callable
from typing import Any

from bot.transport.base import UPDATE_TYPES
from escalation.detector import Detector, RiskAssessment

Stopper = Callable[[], Awaitable[dict[str, Any]]]


class TimedDetector(Detector):
    """The real detector, counting its calls and the CPU time (this thread's) spent in them."""

    def __init__(self, real: Detector) -> None:
        super().__init__(real.lexicon)
        self.calls = 0
        self.cpu_s = 0.0
        self.wall_s = 0.0

    def assess(self, text: str) -> RiskAssessment:
        cpu0, wall0 = time.thread_time(), time.perf_counter()
        try:
            return super().assess(text)
        finally:
            self.cpu_s += time.thread_time() - cpu0
            self.wall_s += time.perf_counter() - wall0
            self.calls += 1

    def probe(self) -> dict[str, Any]:
        return {"detector_calls": self.calls, "detector_cpu_s": self.cpu_s,
                "detector_wall_s": self.wall_s, "process_cpu_s": time.process_time()}


def _profile_sql(engine: Any) -> dict[str, tuple[int, float]]:
    """Time every SQL statement (bench diagnostics only: ``"sql_profile": true`` in the spec)."""
    import time

    from sqlalchemy import event

    times: dict[str, tuple[int, float]] = {}

    def before(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        conn.info.setdefault("bench_t0", []).append(time.perf_counter())

    def after(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        elapsed = time.perf_counter() - conn.info["bench_t0"].pop()
        count, total = times.get(statement, (0, 0.0))
        times[statement] = (count + 1, total + elapsed)

    event.listen(engine, "before_cursor_execute", before)
    event.listen(engine, "after_cursor_execute", after)
    return times


async def start_sejawat(spec: dict[str, Any]) -> Stopper:
    from bot.app import bootstrap
    from bot.config import Config

    config = Config.model_validate(spec["config"])
    config.check()
    timed = TimedDetector(Detector.load()) if spec.get("time_detector") else None
    app = bootstrap(config, detector=timed)
    if timed is not None:
        def probe() -> None:
            print("PROBE " + json.dumps(timed.probe()), flush=True)

        asyncio.get_running_loop().add_signal_handler(signal.SIGUSR1, probe)
    sql_times = _profile_sql(app.engine.sync_engine) if spec.get("sql_profile") else None
    await app.prepare()
    if spec.get("staff"):
        now = app.services.clock()
        async with app.store() as uow:
            for person in spec["staff"]:
                member = await uow.members.add(
                    person["telegram_id"], person["role"], person["name"], now,
                    languages=("id", "en"), topics=(), trained=True,
                    capacity=person["capacity"])
                member.on_duty = person["on_duty"]
                await uow.people.get_or_create(person["telegram_id"], "en", now)
            await uow.commit()
    await app.start()

    async def stop() -> dict[str, Any]:
        await app.stop()
        stats: dict[str, Any] = {"processed": app.dispatcher.processed,
                                 "sent": app.sender.sent_count}
        if timed is not None:
            stats["detector"] = timed.probe()
        if sql_times is not None:
            top = sorted(sql_times.items(), key=lambda kv: -kv[1][1])[:15]
            stats["sql_top"] = [{"sql": k[:300], "count": n, "total_s": t}
                                for k, (n, t) in top]
        return stats

    return stop


async def start_echo_aiogram(spec: dict[str, Any]) -> Stopper:
    from aiogram import Bot, Dispatcher
    from aiogram.client.session.aiohttp import AiohttpSession
    from aiogram.client.telegram import TelegramAPIServer
    from aiogram.types import Message

    session = AiohttpSession(api=TelegramAPIServer.from_base(spec["api_base"]))
    bot = Bot(spec["token"], session=session)
    dp = Dispatcher()
    handled = [0]

    @dp.message()
    async def echo(message: Message) -> None:
        handled[0] += 1
        if message.text:
            await message.answer(message.text)

    await bot.get_me()
    await bot.delete_webhook(drop_pending_updates=False)
    polling = asyncio.create_task(dp.start_polling(
        bot, handle_as_tasks=False, handle_signals=False, close_bot_session=False,
        allowed_updates=UPDATE_TYPES, polling_timeout=10,
    ))

    async def stop() -> dict[str, Any]:
        await dp.stop_polling()
        await asyncio.wait_for(polling, 15)
        await bot.session.close()
        return {"processed": handled[0], "sent": handled[0]}

    return stop


async def start_echo_ptb(spec: dict[str, Any]) -> Stopper:
    from telegram import Update
    from telegram.ext import Application, ContextTypes, MessageHandler, filters
    from telegram.request import HTTPXRequest

    base = spec["api_base"]
    app = (
        Application.builder().token(spec["token"]).base_url(f"{base}/bot")
        .base_file_url(f"{base}/file/bot")
        .request(HTTPXRequest(connection_pool_size=64, pool_timeout=5.0))
        .get_updates_request(HTTPXRequest(connection_pool_size=1, read_timeout=10))
        .build()
    )
    handled = [0]

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        handled[0] += 1
        if update.message is not None and update.message.text:
            await update.message.reply_text(update.message.text, do_quote=False)

    app.add_handler(MessageHandler(filters.TEXT, echo))
    await app.initialize()
    assert app.updater is not None
    await app.updater.start_polling(timeout=10, allowed_updates=UPDATE_TYPES)
    await app.start()

    async def stop() -> dict[str, Any]:
        assert app.updater is not None
        await app.updater.stop()
        await app.stop()
        await app.shutdown()
        return {"processed": handled[0], "sent": handled[0]}

    return stop


async def main(path: str) -> int:
    with open(path, encoding="utf-8") as handle:
        spec: dict[str, Any] = json.load(handle)
    logging.basicConfig(level=logging.ERROR, stream=sys.stderr)
    if spec["kind"] == "sejawat":
        stop = await start_sejawat(spec)
    elif spec["transport"] == "ptb":
        stop = await start_echo_ptb(spec)
    else:
        stop = await start_echo_aiogram(spec)
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stopping.set)
    loop.add_signal_handler(signal.SIGINT, stopping.set)
    print("READY", flush=True)
    await stopping.wait()
    stats = await stop()
    print("STATS " + json.dumps(stats), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main(sys.argv[1])))
