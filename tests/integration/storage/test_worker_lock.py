"""Who serves a database (storage.worker_lock): on SQLite a second worker is refused with a
message that says why and a killed one leaves no lock behind; on PostgreSQL several webhook
workers serve one database, long polling stays one process's alone, and a worker killed with
SIGKILL is noticed at once: its outbox claims end and the others take its share."""

from __future__ import annotations

import asyncio
import signal
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from storage.crypto import Cipher, generate_key
from storage.db import create_engine, migrate, sessionmaker
from storage.uow import Store
from storage.worker_lock import WORKER_LOCKS, AnotherWorker, LostWorkerLock, WorkerLock

NOW = datetime(2026, 11, 27, 8, 0, tzinfo=UTC)
HOLD = """
import asyncio, sys
from datetime import UTC, datetime
from storage.db import create_engine, migrate
from storage.worker_lock import WorkerLock

async def main() -> None:
    url, mode = sys.argv[1], sys.argv[2]
    engine = create_engine(url)
    lock = WorkerLock(engine, url, worker_id="holder")
    await lock.acquire()
    await migrate(engine)
    await lock.register(mode, datetime.now(UTC))
    print("held", flush=True)
    await asyncio.sleep(3600)

asyncio.run(main())
"""


async def _holder(url: str, mode: str = "polling") -> asyncio.subprocess.Process:
    """Another process that serves the database (a worker in ``mode``) and keeps doing so."""
    root = Path(__file__).resolve().parents[3]
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", HOLD, url, mode, cwd=root, stdout=asyncio.subprocess.PIPE)
    assert process.stdout is not None
    line = await asyncio.wait_for(process.stdout.readline(), 60)
    assert line.strip() == b"held"
    return process


async def _kill(process: asyncio.subprocess.Process) -> None:
    if process.returncode is None:
        process.send_signal(signal.SIGKILL)  # no cleanup at all
        await process.wait()


async def _start(lock: WorkerLock, mode: str) -> None:
    await lock.acquire()
    await lock.register(mode, NOW)


async def test_a_second_worker_on_sqlite_is_refused_and_a_killed_one_leaves_no_lock(
    tmp_path: Path,
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'bot.sqlite3'}"
    engine = create_engine(url)
    await migrate(engine)
    holder = await _holder(url, "webhook")  # on SQLite even webhook workers: one only
    lock = WorkerLock(engine, url)
    try:
        with pytest.raises(AnotherWorker) as refused:
            await lock.acquire()
        assert not lock.held
        said = str(refused.value)
        assert "another Sejawat worker (pid " in said
        assert "is already running on the database" in said
        assert "stop it first" in said
        await _kill(holder)
        await lock.acquire()  # the kernel dropped the killed one's lock
        assert lock.held
    finally:
        await _kill(holder)
        await lock.release()
        await engine.dispose()


@pytest.fixture
async def pg(postgres_url: str) -> str:
    engine = create_engine(postgres_url)
    await migrate(engine)
    await engine.dispose()
    return postgres_url


@pytest.mark.postgres
async def test_long_polling_on_postgresql_is_one_workers_alone(pg: str) -> None:
    engine = create_engine(pg)
    polling, webhook = WorkerLock(engine, pg), WorkerLock(engine, pg)
    holder = await _holder(pg, "polling")
    try:
        with pytest.raises(AnotherWorker) as refused:
            await _start(webhook, "webhook")  # a polling worker deletes the webhook
        assert "a Sejawat worker using long polling (holder) is already running on this " \
            "PostgreSQL database; stop it first" in str(refused.value)
        assert not webhook.held
        await _kill(holder)
        await _start(webhook, "webhook")  # the killed one is noticed at once
        with pytest.raises(AnotherWorker) as refused:
            await _start(polling, "polling")  # Telegram answers a second getUpdates with 409
        assert f"other Sejawat workers ({webhook.worker_id}) are already running on this " \
            "PostgreSQL database in webhook mode; long polling is one process's alone" \
            in str(refused.value)
    finally:
        await _kill(holder)
        await webhook.release()
        await polling.release()
        await engine.dispose()


@pytest.mark.postgres
async def test_webhook_workers_share_postgresql_and_a_killed_ones_claims_end_at_once(
    pg: str,
) -> None:
    engine = create_engine(pg)
    store = Store(sessionmaker(engine), Cipher(generate_key()))
    holder = await _holder(pg, "webhook")
    second, third = WorkerLock(engine, pg), WorkerLock(engine, pg)
    try:
        await _start(second, "webhook")
        await _start(third, "webhook")
        assert (await second.beat()).alive == 3  # each sends a third of the overall rate
        async with store() as uow:  # the holder was sending two messages when it died
            for chat in (501, 502):
                await uow.outbox.add(chat, "send", 5, {"text": "x", "buttons": []}, NOW)
            claimed = await uow.outbox.due(NOW, 10, claim_for="holder")
            await uow.commit()
        assert {m.chat_id for m in claimed} == {501, 502}
        async with store() as uow:  # nobody else may send them while it lives
            assert await uow.outbox.due(NOW + timedelta(seconds=1), 10,
                                        claim_for=second.worker_id) == []
            await uow.commit()

        await _kill(holder)
        census = await second.beat()  # missing once: maybe only its connection (below)
        assert (census.alive, census.gone) == (3, 0)
        census = await second.beat()  # missing twice: dead
        assert (census.alive, census.gone) == (2, 1)
        async with store() as uow:  # its messages are the others' at once, not in 2 minutes
            taken = await uow.outbox.due(NOW + timedelta(seconds=1), 10,
                                         claim_for=second.worker_id)
            await uow.commit()
        assert {m.chat_id for m in taken} == {501, 502}
        assert (await third.beat()).alive == 2

        await third.release()  # a worker that stops says so: its claims end with it
        assert (await second.beat()).alive == 1
    finally:
        await _kill(holder)
        await second.release()
        await third.release()
        await engine.dispose()


async def test_a_stopped_worker_lets_the_next_one_start(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'bot.sqlite3'}"
    engine = create_engine(url)
    first, second = WorkerLock(engine, url), WorkerLock(engine, url)
    await first.acquire()
    with pytest.raises(AnotherWorker):
        await second.acquire()
    await first.release()
    await second.acquire()
    assert second.held
    await second.release()
    await engine.dispose()


async def test_an_in_memory_database_needs_no_lock() -> None:
    url = "sqlite+aiosqlite:///:memory:"
    engine = create_engine(url)
    one, two = WorkerLock(engine, url), WorkerLock(engine, url)
    await one.acquire()
    await two.acquire()  # each process has its own in-memory database
    await one.release()
    await two.release()
    await engine.dispose()


@pytest.mark.postgres
async def test_a_worker_whose_own_lock_is_gone_stops_before_the_others_take_its_work(
    pg: str,
) -> None:
    """Found by a review: a worker whose connection dropped (a network blip, a server
    restart) is alive but looks dead; it went on sending what it had claimed while the
    others, having ended its claims, sent the same messages. Now it learns it at its next
    beat (LostWorkerLock: bot.cli stops it) and the others take its claims only at theirs
    after that: two beats in a row without its lock."""
    engine = create_engine(pg)
    store = Store(sessionmaker(engine), Cipher(generate_key()))
    cut_off, other = WorkerLock(engine, pg), WorkerLock(engine, pg)
    try:
        await _start(cut_off, "webhook")
        await _start(other, "webhook")
        async with store() as uow:
            await uow.outbox.add(501, "send", 5, {"text": "x", "buttons": []}, NOW)
            assert len(await uow.outbox.due(NOW, 10, claim_for=cut_off.worker_id)) == 1
            await uow.commit()
        held = ("FROM pg_locks WHERE locktype = 'advisory' AND classid = CAST(:space AS oid) "
                "AND objsubid = 2 AND objid = CAST(:key AS oid)")
        key = {"space": WORKER_LOCKS, "key": cut_off._lock_key}
        async with engine.begin() as conn:  # its connection is cut (as by a server restart)
            await conn.execute(text(f"SELECT pg_terminate_backend(pid) {held}"), key)
        for _ in range(200):  # the backend ends a moment later (found on a loaded machine:
            async with engine.begin() as conn:  # the beats below ran before it had)
                if not (await conn.execute(text(f"SELECT count(*) {held}"), key)).scalar():
                    break
            await asyncio.sleep(0.05)
        assert (await other.beat()).gone == 0  # not yet: it may still be sending
        async with store() as uow:
            assert await uow.outbox.due(NOW, 10, claim_for=other.worker_id) == []
            await uow.commit()
        with pytest.raises(LostWorkerLock):
            await cut_off.beat()  # it learns it, and stops
        assert (await other.beat()).gone == 1
        async with store() as uow:
            assert len(await uow.outbox.due(NOW, 10, claim_for=other.worker_id)) == 1
            await uow.commit()
    finally:
        await cut_off.release()
        await other.release()
        await engine.dispose()
