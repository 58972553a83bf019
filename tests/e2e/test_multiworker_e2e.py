"""Three `sejawat run` processes on one PostgreSQL database, in webhook mode behind a
round-robin proxy, one killed with SIGKILL half-way (storage.worker_lock, Inbox.lock_chat,
Outbox claims, timers claimed as they fire).

30 students at once: 25 go through the intake, 5 write words of imminent risk; three
supporters take chats and talk; nobody acknowledges the cases, so each climbs its ladder
(the next counselor, then everyone). Afterwards every update has been processed once, each
student saw each step of their intake exactly once and in order, and every rung of every
ladder paged each person once."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from sqlalchemy import func, select

from bot.app import App, bootstrap
from bot.config import Config
from sandbox.botapi import SandboxBotApi
from storage.models import InboxUpdate, Worker
from tests.e2e.conftest import free_port
from tests.e2e.e2e_support import TOKEN, Staff, User, complete_intake, seed, shown
from tests.e2e.test_restart_e2e import AFTER_RESTART, BotProcess

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]

REPEAT = 10.0  # seconds: the imminent ack timeout; the ladder repeats a broadcast this long after

SECRET = "e2e-webhook-secret-0123456789"
COUNSELOR_A = Staff(9201, "counselor", "Pak Budi", on_duty=True)
COUNSELOR_B = Staff(9202, "counselor", "Bu Rina", on_duty=True)
COORDINATOR = Staff(9001, "coordinator", "Bu Sari")
SUPPORTERS = [Staff(9101 + i, "supporter", name, on_duty=True, capacity=1)
              for i, name in enumerate(("Dimas", "Ayu", "Tono"))]
IMMINENT = "aku udah nggak kuat lagi, malam ini aku mau gantung diri"
STUDENTS = range(6001, 6031)
RISKY = set(range(6001, 6031, 6))  # 5 of the 30
STEPS = ("intake-consent", "intake-description", "intake-feeling", "intake-queued")


class RoundRobin:
    """A reverse proxy in front of the workers: each webhook request goes to the next one;
    a worker that does not answer (killed) is skipped, as a proxy's health check would."""

    def __init__(self, ports: list[int]) -> None:
        self.ports = ports
        self.served = dict.fromkeys(ports, 0)
        self._next = itertools.cycle(ports)
        self._runner: web.AppRunner | None = None
        self._http: aiohttp.ClientSession | None = None

    async def start(self, port: int) -> None:
        self._http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30))
        app = web.Application()
        app.router.add_post("/telegram", self._forward)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", port).start()

    async def _forward(self, request: web.Request) -> web.Response:
        assert self._http is not None
        body = await request.read()
        headers = {k: v for k, v in request.headers.items()
                   if k.lower() in ("content-type", "x-telegram-bot-api-secret-token")}
        for _ in self.ports:
            port = next(self._next)
            try:
                async with self._http.post(f"http://127.0.0.1:{port}/telegram", data=body,
                                           headers=headers) as answer:
                    self.served[port] += 1
                    return web.Response(status=answer.status, body=await answer.read(),
                                        content_type="application/json")
            except aiohttp.ClientConnectionError:
                continue
        return web.Response(status=502)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
        if self._http is not None:
            await self._http.close()


@pytest.fixture
async def workers(
    make_config: Callable[..., Config], sandbox: SandboxBotApi, postgres_url: str,
    tmp_path: Path,
) -> AsyncIterator[tuple[App, list[BotProcess], RoundRobin]]:
    ports = [free_port() for _ in range(3)]
    proxy_port = free_port()

    def config(port: int) -> Config:
        return make_config(
            database={"url": postgres_url},
            telegram={"token": TOKEN, "api_base": sandbox.base_url, "transport": "aiogram",
                      "mode": "webhook",
                      "webhook": {"url": f"http://127.0.0.1:{proxy_port}/telegram",
                                  "host": "127.0.0.1", "port": port, "secret": SECRET}})

    app = bootstrap(config(ports[0]))  # not started: seeds the staff, renders what is seen
    await app.prepare()
    await seed(app, sandbox, [COUNSELOR_A, COUNSELOR_B, COORDINATOR, *SUPPORTERS])
    processes = []
    for index, port in enumerate(ports):
        process = BotProcess(config(port), tmp_path / f"worker{index}.log")
        process.env["SEJAWAT_ESCALATION__ACK_TIMEOUT_IMMINENT"] = str(int(REPEAT))
        processes.append(process)
    proxy = RoundRobin(ports)
    await proxy.start(proxy_port)
    try:
        yield app, processes, proxy
    finally:
        for process in processes:
            await process.stop()
        await proxy.stop()
        await app.transport.stop()
        await app.engine.dispose()
        for process in processes:  # pytest shows this only when the test failed
            if process.log.exists():
                print(f"--- {process.log.name} ---")
                print("\n".join(process.log.read_text(errors="replace").splitlines()[-40:]))


async def _count(app: App, query: Any) -> int:
    async with app.store() as uow:
        return int(await uow.session.scalar(query) or 0)


async def _eventually(check: Callable[[], Any], timeout: float) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not await check():
        assert loop.time() < deadline, "timed out"
        await asyncio.sleep(0.2)


def _firsts(texts: list[str], heads: list[str]) -> list[int]:
    """Where each head appears, and that it appears exactly once."""
    places = []
    for head in heads:
        found = [i for i, text in enumerate(texts) if head in text]
        assert len(found) == 1, f"{head!r} shown {len(found)} times: {texts!r}"
        places.append(found[0])
    return places


async def test_three_workers_on_postgresql_one_killed_midway_lose_and_repeat_nothing(
    workers: tuple[App, list[BotProcess], RoundRobin], sandbox: SandboxBotApi,
) -> None:
    app, processes, proxy = workers
    for process in processes:
        await process.start()
    await _eventually(lambda: _at_least(app, 3), AFTER_RESTART)

    students = {}
    for user_id in STUDENTS:
        await sandbox.create_user(user_id, first_name=f"Siswa{user_id}", language_code="id")
        students[user_id] = User(sandbox, user_id)

    async def one(user: User) -> None:
        if user.id in RISKY:
            await user.say("/start")
            await user.press("in:consent:yes")
            await user.press("in:lang:id")
            await user.press("in:topic:low_mood")
            await user.expect(shown(app, "id", "intake-description", min=20, max=1500))
            await user.say(IMMINENT)
            await user.expect(shown(app, "id", "crisis-resources"), timeout=AFTER_RESTART)
        else:
            await complete_intake(app, user, "id")

    async def kill_midway() -> None:
        done = select(func.count()).select_from(InboxUpdate).where(
            InboxUpdate.status == "done")
        await _eventually(lambda: _more_than(app, done, 60), 120)
        await processes[1].kill()  # SIGKILL: whatever it held, it never lets go of itself

    await asyncio.gather(kill_midway(), *(one(u) for u in students.values()))
    assert all(proxy.served[p] > 0 for p in proxy.ports)  # each worker took its turn

    # three supporters take a chat each and talk through the bot
    for supporter in SUPPORTERS:
        staff = User(sandbox, supporter.telegram_id)
        await staff.press_starting("of:accept:", timeout=AFTER_RESTART)
        await staff.expect(shown(app, "en", "session-started-supporter"))
    started = shown(app, "id", "session-started-student")
    paired = [s for s in students.values()
              if any(started in t for t in await s.texts())]
    assert len(paired) == 3
    for student in paired:
        await student.say("halo kak, makasih udah mau dengerin")
    for supporter in SUPPORTERS:
        await User(sandbox, supporter.telegram_id).expect("halo kak, makasih udah mau")

    # every case climbs its ladder once: the other counselor, then everyone
    people = [User(sandbox, s.telegram_id) for s in (COUNSELOR_A, COUNSELOR_B, COORDINATOR)]
    cases = range(1, len(RISKY) + 1)
    for case in cases:
        for person in people:
            await person.expect(shown(app, "en", "escalation-broadcast", id=case,
                                      level_key="risk-3"), timeout=AFTER_RESTART)
    await asyncio.sleep(3)  # anything sent twice would have arrived by now

    for case in cases:
        ping = shown(app, "en", "escalation-ping", id=case, level_key="risk-3")
        broadcast = shown(app, "en", "escalation-broadcast", id=case, level_key="risk-3")
        counts = [(sum(ping in t for t in await p.texts()),
                   await _broadcasts(sandbox, p.id, broadcast)) for p in people]
        assert counts == [(1, 1), (1, 1), (0, 1)], (case, counts)
    for student in students.values():
        texts = await student.texts()
        if student.id in RISKY:
            _firsts(texts, [shown(app, "id", "crisis-resources")])
        else:
            places = _firsts(texts, [shown(app, "id", key, min=20, max=1500)
                                     for key in STEPS])
            assert places == sorted(places), f"out of order for {student.id}: {texts!r}"
    pending = select(func.count()).select_from(InboxUpdate).where(
        InboxUpdate.status != "done")
    assert await _count(app, pending) == 0
    assert await _count(app, select(func.count()).select_from(Worker)) == 2  # the dead: gone


async def _broadcasts(sandbox: SandboxBotApi, chat_id: int, head: str) -> int:
    """The broadcast's copies before its ladder repeats it: a copy sent twice comes at once; a
    repeat (the ladder pages everyone again, ``REPEAT`` after the broadcast, never giving up)
    is a later page, not a duplicate (a slow run reached case 1's repeat: CI failed on it)."""
    times = sorted(m.sent_at for m in await sandbox.messages(chat_id) if head in (m.text or ""))
    return sum(1 for t in times if times and t - times[0] < REPEAT * 0.8)


async def _at_least(app: App, workers: int) -> bool:
    return await _count(app, select(func.count()).select_from(Worker)) >= workers


async def _more_than(app: App, query: Any, count: int) -> bool:
    with contextlib.suppress(Exception):
        return await _count(app, query) > count
    return False
