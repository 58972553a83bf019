"""Durable timers fire when they are due, woken by what arms them, instead of a sweep every
second (#14): on SQLite by the commit that armed them in this process; on PostgreSQL also by
``NOTIFY`` from any worker (or an operator's command), which every worker ``LISTEN``s for."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.fernet import Fernet

from bot.app import App, bootstrap
from bot.config import Config
from storage.crypto import Cipher
from storage.db import create_engine, migrate, sessionmaker
from storage.listen import Listener
from storage.uow import TIMERS_CHANNEL, Store
from tests.integration.bot.test_reliability import FakeTransport


@pytest.fixture
async def running(make_config: Callable[..., Config]) -> AsyncIterator[App]:
    application = bootstrap(make_config(telegram={"token": "1:fake"}), transport=FakeTransport)
    await application.start()
    yield application
    await application.stop()


async def status_of(app: App, ref: str) -> str | None:
    async with app.store() as uow:
        timer = await uow.timers.get("test", ref)
        return None if timer is None else timer.status


async def test_a_timer_fires_when_due_and_an_idle_bot_does_not_sweep_every_second(
        running: App) -> None:
    await asyncio.sleep(0.5)  # the first sweep, at start, is over
    before = running.timers.sweeps
    await asyncio.sleep(3)
    idle = running.timers.sweeps - before
    assert idle <= 1, f"{idle} sweeps in 3 idle seconds"
    async with running.store() as uow:  # as a handler arms one: due in half a second
        await uow.timers.set("test", "soon", datetime.now(UTC) + timedelta(seconds=0.5))
        await uow.commit()
    assert await status_of(running, "soon") == "pending"
    for _ in range(60):  # long before the 5-s sweep that would catch it anyway
        if await status_of(running, "soon") == "fired":
            break
        await asyncio.sleep(0.05)
    assert await status_of(running, "soon") == "fired"


async def test_timers_armed_while_a_sweep_runs_are_not_missed(running: App) -> None:
    """A timer fired by a sweep often arms the next one (an escalation ladder's next rung):
    the sweep plans its successor for it."""
    async with running.store() as uow:
        await uow.timers.set("test", "first", datetime.now(UTC) + timedelta(seconds=0.2))
        await uow.commit()
    real_sweep = running.timers.sweep

    async def sweep_that_arms() -> int:
        fired = await real_sweep()
        if fired:
            async with running.store() as uow:
                if await uow.timers.get("test", "second") is None:
                    await uow.timers.set("test", "second",
                                         datetime.now(UTC) + timedelta(seconds=0.3))
                    await uow.commit()
        return fired

    running.timers.sweep = sweep_that_arms  # type: ignore[method-assign]
    for _ in range(60):
        if await status_of(running, "second") == "fired":
            break
        await asyncio.sleep(0.05)
    assert await status_of(running, "first") == "fired"
    assert await status_of(running, "second") == "fired"


async def test_postgres_workers_are_notified_of_a_timer_armed_elsewhere(
        postgres_url: str) -> None:
    engine = create_engine(postgres_url)
    try:
        await migrate(engine)
        store = Store(sessionmaker(engine), Cipher(Fernet.generate_key().decode()))
        assert store.notify
        heard = asyncio.Event()
        listener = Listener(engine, TIMERS_CHANNEL, heard.set)
        await listener.start()
        try:
            async with store() as uow:  # arms nothing: no notification
                await uow.timers.pending()
                await uow.commit()
            await asyncio.sleep(0.3)
            assert not heard.is_set()
            async with store() as uow:  # another worker, or an operator's command
                await uow.timers.set("test", "elsewhere", datetime.now(UTC))
                await uow.commit()
            await asyncio.wait_for(heard.wait(), 5)
        finally:
            await listener.stop()
    finally:
        await engine.dispose()
