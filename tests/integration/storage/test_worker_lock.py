"""One worker per database (storage.worker_lock): a second worker is refused with a message
that says why, on SQLite (another process holding the lock file) and on PostgreSQL (an
advisory lock); a worker killed with SIGKILL leaves no lock behind; a stopped one neither."""

from __future__ import annotations

import asyncio
import signal
import sys
from pathlib import Path

import pytest

from storage.db import create_engine
from storage.worker_lock import AnotherWorker, WorkerLock

HOLD = """
import asyncio, sys
from storage.db import create_engine
from storage.worker_lock import WorkerLock

async def main() -> None:
    url = sys.argv[1]
    lock = WorkerLock(create_engine(url), url)
    await lock.acquire()
    print("held", flush=True)
    await asyncio.sleep(3600)

asyncio.run(main())
"""


async def _holder(url: str) -> asyncio.subprocess.Process:
    """Another process that takes the lock and keeps it."""
    root = Path(__file__).resolve().parents[3]
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", HOLD, url, cwd=root, stdout=asyncio.subprocess.PIPE)
    assert process.stdout is not None
    line = await asyncio.wait_for(process.stdout.readline(), 60)
    assert line.strip() == b"held"
    return process


async def _refused_then_free_after_sigkill(url: str) -> str:
    holder = await _holder(url)
    engine = create_engine(url)
    lock = WorkerLock(engine, url)
    try:
        with pytest.raises(AnotherWorker) as refused:
            await lock.acquire()
        assert not lock.held
        holder.send_signal(signal.SIGKILL)  # no cleanup at all
        await holder.wait()
        for _ in range(50):  # the server notices the dropped connection within moments
            try:
                await lock.acquire()
                break
            except AnotherWorker:
                await asyncio.sleep(0.2)
        assert lock.held, "a killed worker's lock is gone"
        return str(refused.value)
    finally:
        if holder.returncode is None:
            holder.kill()
            await holder.wait()
        await lock.release()
        await engine.dispose()


async def test_a_second_worker_on_sqlite_is_refused_and_a_killed_one_leaves_no_lock(
    tmp_path: Path,
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'bot.sqlite3'}"
    said = await _refused_then_free_after_sigkill(url)
    assert "another Sejawat worker (pid " in said
    assert "is already running on the database" in said
    assert "stop it first" in said


@pytest.mark.postgres
async def test_a_second_worker_on_postgresql_is_refused_and_a_killed_one_leaves_no_lock(
    postgres_url: str,
) -> None:
    said = await _refused_then_free_after_sigkill(postgres_url)
    assert "another Sejawat worker is already running on this PostgreSQL database" in said


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
