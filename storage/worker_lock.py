"""Who serves a database: one worker on SQLite, several webhook workers on PostgreSQL.

On **SQLite** a worker holds an exclusive ``flock`` on ``<database>.worker.lock`` for as long as
it runs (the kernel drops it when the process dies, even by SIGKILL), and a second one is
refused with a message that says why: SQLite serializes every write, so a second process adds
nothing but risk. An in-memory SQLite database belongs to its process alone: nothing to lock.

On **PostgreSQL** several ``sejawat run`` processes may serve one database in webhook mode
(behind a reverse proxy). What makes that safe lives where the work is claimed: each chat's
updates are processed under the chat's advisory lock (``Inbox.lock_chat``), each outgoing
message is claimed by the worker that sends it (``Outbox.due(claim_for=...)``), each timer
fires in the transaction that marks it fired. This module keeps the list of workers:

- a worker holds a session advisory lock ``(WORKER_LOCKS, lock_key)`` on a connection kept for
  its life and has a row in ``workers``; it is alive exactly while the server holds that lock,
  which the server drops the moment the connection goes (a SIGKILL included);
- ``beat()`` (every couple of seconds) finds workers whose lock has been gone for two beats in
  a row, ends their outbox claims, removes them, and says how many are alive (each sender
  keeps to its share of Telegram's overall rate). A worker whose *own* lock is gone (its
  connection dropped, the server restarted) may still be running: it raises LostWorkerLock
  at its next beat and stops (bot.cli exits; the service manager starts it again), before
  the others, a beat later, take over what it claimed (found by a review: it used to go on
  sending what the others were sending too);
- starting workers take turns (``ADVISORY_KEY``) from ``acquire()`` to ``register()``, so
  migrations and the check below never race;
- long polling is one process's alone (Telegram answers a second getUpdates with 409, and a
  polling worker deletes the webhook): a polling worker is refused while any other worker is
  alive, and any worker is refused while a polling one is.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import socket
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO

from sqlalchemy import delete, insert, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from flows.errors import SejawatError
from storage.models import Worker
from storage.repositories import end_claims

ADVISORY_KEY = 0x53656A6177  # "Sejaw": starting workers take turns on it
WORKER_LOCKS = 0x536A57  # the advisory lock space of live workers: (WORKER_LOCKS, lock_key)
EXCLUSIVE_MODES = ("polling", "sandbox")
_LIVE_KEYS = text(
    "SELECT objid::bigint FROM pg_locks WHERE locktype = 'advisory' AND granted "
    "AND objsubid = 2 AND classid = CAST(:space AS oid) "
    "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")
MISSES = 2  # beats in a row without its lock before a worker is taken for dead


async def _live_keys(conn: AsyncConnection) -> set[int]:
    """The lock keys of the workers alive now (their connection holds their lock)."""
    return {int(k) for k in await conn.scalars(_LIVE_KEYS, {"space": WORKER_LOCKS})}


class AnotherWorker(SejawatError):
    """Another worker runs on this database in a way this one cannot join."""


class LostWorkerLock(SejawatError):
    """This worker's own lock is gone (its connection dropped, the server restarted): the
    others take it for dead and send what it claimed, so it must stop at once."""


@dataclass(frozen=True)
class Census:
    alive: int  # workers serving the database now, this one included
    gone: int  # workers found dead (and cleaned up) by this beat


def new_worker_id() -> str:
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{secrets.token_hex(3)}"


class WorkerLock:
    def __init__(self, engine: AsyncEngine, url: str, worker_id: str | None = None) -> None:
        self._engine = engine
        self._url = make_url(url)
        self.worker_id = worker_id or new_worker_id()
        self._file: IO[str] | None = None
        self._connection: AsyncConnection | None = None
        self._turn = False  # holding ADVISORY_KEY (between acquire and register)
        self._registered = False
        self._lock_key = 0
        self._missing: set[str] = set()  # workers without their lock at the last beat

    @property
    def held(self) -> bool:
        return self._file is not None or self._connection is not None

    @property
    def server(self) -> bool:
        return self._url.get_backend_name() != "sqlite"

    async def acquire(self) -> None:
        """SQLite: take the file lock or raise AnotherWorker naming the other one's pid.
        PostgreSQL: take this worker's own lock and wait for its turn to start."""
        if self.held:
            return
        if self.server:
            await self._lock_server()
        else:
            self._lock_file()

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
                "supported on SQLite (use PostgreSQL when one process is not enough)"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        self._file = handle

    async def _lock_server(self) -> None:
        connection = await self._engine.connect()
        try:
            while True:  # a key no live worker holds (a clash is one in two billion)
                key = secrets.randbelow(2**31 - 1) + 1
                if await connection.scalar(text("SELECT pg_try_advisory_lock(:space, :key)"),
                                           {"space": WORKER_LOCKS, "key": key}):
                    break
            await connection.execute(text("SELECT pg_advisory_lock(:key)"),
                                     {"key": ADVISORY_KEY})
            await connection.commit()
        except BaseException:
            with contextlib.suppress(Exception):  # never back to the pool with a lock held
                await connection.invalidate()
            await connection.close()
            raise
        self._connection, self._lock_key, self._turn = connection, key, True

    async def register(self, mode: str, now: datetime) -> None:
        """After migrations: join the workers of this database (PostgreSQL), or refuse with
        AnotherWorker if ``mode`` cannot run beside them; ends the turn taken by acquire().
        On SQLite, the one worker ends whatever claims a crashed predecessor left."""
        if self._registered:
            return
        if not self.server:
            async with self._engine.begin() as conn:
                await conn.execute(end_claims())
            self._registered = True
            return
        assert self._connection is not None, "acquire() first"
        try:
            async with self._engine.begin() as conn:  # those whose lock is there (the
                # others are dead or stopping: beats remove them)
                live = await _live_keys(conn)
                others = [(w, m) for w, m, key in (await conn.execute(
                    select(Worker.id, Worker.mode, Worker.lock_key)
                    .where(Worker.id != self.worker_id))).all() if key in live]
                exclusive = [w for w, m in others if m in EXCLUSIVE_MODES]
                if exclusive:
                    raise AnotherWorker(
                        f"a Sejawat worker using long polling ({exclusive[0]}) is already "
                        "running on this PostgreSQL database; stop it first (long polling "
                        "is one process's alone; several workers need webhook mode)")
                if others and mode in EXCLUSIVE_MODES:
                    raise AnotherWorker(
                        f"other Sejawat workers ({', '.join(w for w, _ in others)}) are "
                        "already running on this PostgreSQL database in webhook mode; long "
                        "polling is one process's alone: stop them, or start this one in "
                        "webhook mode too")
                await conn.execute(insert(Worker).values(
                    id=self.worker_id, lock_key=self._lock_key, mode=mode, started_at=now))
            self._registered = True
        except BaseException:
            await self.release()
            raise
        await self._end_turn()

    async def _end_turn(self) -> None:
        if self._turn and self._connection is not None:
            self._turn = False
            await self._connection.execute(text("SELECT pg_advisory_unlock(:key)"),
                                           {"key": ADVISORY_KEY})
            await self._connection.commit()

    async def beat(self) -> Census:
        """Find the workers that died (their lock gone at two beats in a row): end their
        outbox claims (what they were sending is sent by the others at once) and remove
        them. Raises LostWorkerLock if this worker's own lock is gone."""
        if not self.server:
            return Census(1, 0)
        async with self._engine.begin() as conn:
            live = await _live_keys(conn)
            if self._registered and self._lock_key not in live:
                raise LostWorkerLock(
                    "this worker's lock on the database is gone (its connection dropped or "
                    "the server restarted); stopping, so that nothing is sent twice")
            rows = (await conn.execute(select(Worker.id, Worker.lock_key))).all()
            missing = {w for w, key in rows if key not in live}
            gone = sorted(missing & self._missing)
            self._missing = missing - set(gone)
            if gone:
                await conn.execute(end_claims(gone))
                await conn.execute(delete(Worker).where(Worker.id.in_(gone)))
        alive = len(rows) - len(gone) + (0 if self._registered else 1)
        return Census(max(1, alive), len(gone))

    async def release(self) -> None:
        handle, self._file = self._file, None
        if handle is not None:
            with contextlib.suppress(OSError):
                handle.seek(0)
                handle.truncate()
            handle.close()  # closing the descriptor drops the flock
        connection, self._connection = self._connection, None
        registered, self._registered, self._turn = self._registered, False, False
        if connection is not None:
            with contextlib.suppress(Exception):  # a lost connection already dropped it all
                if registered:  # what it claimed and did not send: the others' at once
                    await connection.execute(end_claims([self.worker_id]))
                    await connection.execute(delete(Worker).where(Worker.id == self.worker_id))
                    await connection.commit()  # gone from the list before its lock goes
                await connection.execute(text("SELECT pg_advisory_unlock_all()"))
                await connection.commit()
            with contextlib.suppress(Exception):
                await connection.close()
