"""One worker per database, until several are supported.

Two ``sejawat run`` processes on one database each send every queued message (seen: 40 sent
for 20 queued) and each fire every timer: the outbox, the timers and the per-chat order are
not yet claimed row by row. So a worker holds a lock for as long as it runs, and a second one
is refused with a message that says why:

- SQLite: an exclusive ``flock`` on ``<database>.worker.lock`` (the kernel drops it when the
  process dies, even by SIGKILL);
- PostgreSQL: a session advisory lock on a connection kept for the process's life (the server
  drops it when that connection goes, crash included).

An in-memory SQLite database belongs to its process alone: nothing to lock.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import IO

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from flows.errors import SejawatError

ADVISORY_KEY = 0x53656A6177  # "Sejaw": the one worker lock on a PostgreSQL database


class AnotherWorker(SejawatError):
    """Another worker already runs on this database."""


class WorkerLock:
    def __init__(self, engine: AsyncEngine, url: str) -> None:
        self._engine = engine
        self._url = make_url(url)
        self._file: IO[str] | None = None
        self._connection: AsyncConnection | None = None

    @property
    def held(self) -> bool:
        return self._file is not None or self._connection is not None

    async def acquire(self) -> None:
        """Take the lock, or raise AnotherWorker naming where the other one runs."""
        if self.held:
            return
        if self._url.get_backend_name() == "sqlite":
            self._lock_file()
        else:
            await self._lock_server()

    def _lock_file(self) -> None:
        database = self._url.database
        if not database or database == ":memory:" or database.startswith("file::memory:"):
            return
        import fcntl  # POSIX; the bot runs on Linux (and macOS)

        path = Path(f"{database}.worker.lock")
        handle = path.open("a+", encoding="utf-8")
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            other = handle.read().strip() or "?"
            handle.close()
            raise AnotherWorker(
                f"another Sejawat worker (pid {other}) is already running on the database "
                f"{database}; stop it first. Several workers on one database are not "
                "supported (on SQLite they never will be: use PostgreSQL when one process "
                "is not enough)") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        self._file = handle

    async def _lock_server(self) -> None:
        connection = await self._engine.connect()
        try:
            got = await connection.scalar(text("SELECT pg_try_advisory_lock(:key)"),
                                          {"key": ADVISORY_KEY})
            await connection.commit()
        except BaseException:
            await connection.close()
            raise
        if not got:
            await connection.close()
            raise AnotherWorker(
                "another Sejawat worker is already running on this PostgreSQL database; stop "
                "it first. Several workers on one database are not supported yet: each would "
                "send every queued message")
        self._connection = connection

    async def release(self) -> None:
        handle, self._file = self._file, None
        if handle is not None:
            with contextlib.suppress(OSError):
                handle.seek(0)
                handle.truncate()
            handle.close()  # closing the descriptor drops the flock
        connection, self._connection = self._connection, None
        if connection is not None:
            with contextlib.suppress(Exception):  # a lost connection already dropped it
                await connection.execute(text("SELECT pg_advisory_unlock(:key)"),
                                         {"key": ADVISORY_KEY})
                await connection.commit()
            with contextlib.suppress(Exception):
                await connection.close()
