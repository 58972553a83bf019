"""SQLite's calls run on the event loop's thread (storage.inline_sqlite, #14): what a thread
gave before must still hold. Another process holding the write lock (an operator's CLI
command) makes a transaction wait, not fail, and the bot keeps answering meanwhile; a lock
never released ends in "database is locked" after the wait, as before."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from storage import inline_sqlite
from storage.crypto import Cipher
from storage.db import create_engine, migrate, sessionmaker
from storage.gate import Gate
from storage.uow import Store


def hold_write_lock(path: Path) -> sqlite3.Connection:
    """Another process's connection in a write transaction (as `sejawat roster add` would be)."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    return other


async def test_a_write_lock_held_elsewhere_is_waited_for_while_the_loop_runs_on(
        tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    engine = create_engine(f"sqlite+aiosqlite:///{path}")
    try:
        async with engine.begin() as connection:
            await connection.execute(text("CREATE TABLE t (x INTEGER)"))
        other = hold_write_lock(path)
        ticks = 0

        async def loop_alive() -> None:  # what the bot does meanwhile (HTTP, timers)
            nonlocal ticks
            while True:
                await asyncio.sleep(0.01)
                ticks += 1

        alive = asyncio.create_task(loop_alive())

        async def write() -> None:
            async with engine.begin() as connection:
                await connection.execute(text("INSERT INTO t VALUES (1)"))

        writing = asyncio.create_task(write())
        await asyncio.sleep(0.5)
        assert not writing.done(), "the transaction did not wait for the lock"
        assert ticks >= 10, f"the event loop stood still while waiting ({ticks} ticks in 0.5 s)"
        other.execute("ROLLBACK")
        other.close()
        await asyncio.wait_for(writing, 5)
        alive.cancel()
        async with engine.connect() as connection:
            assert (await connection.execute(text("SELECT count(*) FROM t"))).scalar() == 1
    finally:
        await engine.dispose()


async def test_a_lock_never_released_ends_in_database_is_locked(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inline_sqlite, "LOCK_WAIT_S", 0.3)
    path = tmp_path / "db.sqlite3"
    engine = create_engine(f"sqlite+aiosqlite:///{path}")
    try:
        async with engine.begin() as connection:
            await connection.execute(text("CREATE TABLE t (x INTEGER)"))
        other = hold_write_lock(path)
        try:
            with pytest.raises(OperationalError, match="database is locked"):
                async with engine.begin() as connection:
                    await connection.execute(text("INSERT INTO t VALUES (1)"))
        finally:
            other.execute("ROLLBACK")
            other.close()
        async with engine.begin() as connection:  # and the engine is usable afterwards
            await connection.execute(text("INSERT INTO t VALUES (2)"))
            assert (await connection.execute(text("SELECT x FROM t"))).scalars().all() == [2]
    finally:
        await engine.dispose()


async def test_statements_errors_and_rollback_behave_as_with_a_driver_thread(
        tmp_path: Path) -> None:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}")
    try:
        async with engine.begin() as connection:
            await connection.execute(text("CREATE TABLE t (x INTEGER PRIMARY KEY, y TEXT)"))
            await connection.execute(text("INSERT INTO t VALUES (:x, :y)"),
                                     [{"x": i, "y": str(i)} for i in range(5)])

        async def half_then_fail() -> None:
            async with engine.begin() as connection:
                await connection.execute(text("INSERT INTO t VALUES (9, 'nine')"))
                await connection.execute(text("SELECT nothing FROM nowhere"))

        with pytest.raises(OperationalError):
            await half_then_fail()
        async with engine.connect() as connection:  # the failed transaction left nothing
            rows = (await connection.execute(text("SELECT x, y FROM t ORDER BY x"))).all()
            assert [tuple(r) for r in rows] == [(i, str(i)) for i in range(5)]
            mode = (await connection.execute(text("PRAGMA journal_mode"))).scalar()
            assert mode == "wal"
    finally:
        await engine.dispose()


async def test_a_reader_does_not_wait_behind_a_writer(tmp_path: Path) -> None:
    """#14: on SQLite a unit of work that only reads (the sender's look at what is due next,
    /healthz, /metrics) takes no write lock and does not queue at the gate: it answers while
    an update's transaction holds both."""
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}")
    try:
        await migrate(engine)
        store = Store(sessionmaker(engine), Cipher(Fernet.generate_key().decode()), Gate())
        release = asyncio.Event()
        holding = asyncio.Event()

        async def writer() -> None:
            async with store() as uow:
                await uow.outbox.add(42, "send", 5, {"text": "halo", "buttons": []},
                                     datetime.now(UTC))
                holding.set()
                await release.wait()
                await uow.commit()

        task = asyncio.create_task(writer())
        await holding.wait()
        async with asyncio.timeout(5):
            async with store.read() as uow:
                assert await uow.outbox.pending_count() == 0  # not committed yet
        assert not task.done()
        release.set()
        await task
        async with store.read() as uow:
            assert await uow.outbox.pending_count() == 1
            with pytest.raises(RuntimeError, match="cannot commit"):
                await uow.commit()
    finally:
        await engine.dispose()
