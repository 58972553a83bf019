"""SQLite without a thread hop per call: the connection SQLAlchemy's ``aiosqlite`` dialect
drives, with every call run at once on the event loop's thread.

aiosqlite runs each call (make a cursor, execute, fetch, close, commit) in its own thread and
wakes the event loop with the answer: two thread switches and a loop wake-up per call, four
or five calls per statement. Measured here (#14), one indexed select cost 560-800 µs of CPU
that way and 115-210 µs run at once, and that hand-off was most of the CPU an update cost. A
statement on this database takes microseconds to tens of microseconds, and the process runs
one transaction at a time anyway (storage.gate), so the thread bought little: only that the
loop kept running while SQLite waited for its write lock, held by another process (an
operator's CLI command). That wait is kept off the loop here: SQLite's own busy handler waits
at most ``BUSY_MS`` at a time, and the statement that found the lock taken (the transaction's
``BEGIN IMMEDIATE``, storage.db) is tried again, sleeping on the loop, for ``LOCK_WAIT_S``.

The object below offers what the dialect calls on an aiosqlite connection (the dialect and the
URL ``sqlite+aiosqlite://`` stay as they are: only the connection is made here).
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from typing import Any

BUSY_MS = 20  # SQLite's busy handler blocks the loop at most this long per try
LOCK_WAIT_S = 15.0  # then the statement is retried on the loop until this
RETRY_S = 0.01


class Cursor:
    """An sqlite3 cursor with the awaitable methods the dialect expects of aiosqlite's."""

    __slots__ = ("_cursor",)

    def __init__(self, cursor: sqlite3.Cursor) -> None:
        self._cursor = cursor

    async def __aenter__(self) -> Cursor:
        return self

    async def __aexit__(self, *_exc: object) -> None:
        self._cursor.close()

    @property
    def description(self) -> Any:
        return self._cursor.description

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int | None:
        return self._cursor.lastrowid

    @property
    def arraysize(self) -> int:
        return self._cursor.arraysize

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._cursor.arraysize = value

    async def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] = ()) -> Cursor:
        deadline = asyncio.get_running_loop().time() + LOCK_WAIT_S
        while True:
            try:
                self._cursor.execute(sql, parameters)
                return self
            except sqlite3.OperationalError as exc:
                # the write lock is held by another process: wait for it on the loop (in
                # this process, storage.gate lets one transaction at a time ask for it)
                if "locked" not in str(exc) or asyncio.get_running_loop().time() > deadline:
                    raise
            await asyncio.sleep(RETRY_S)

    async def executemany(self, sql: str, parameters: Iterable[Any]) -> Cursor:
        self._cursor.executemany(sql, parameters)
        return self

    async def fetchone(self) -> Any:
        return self._cursor.fetchone()

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        return self._cursor.fetchmany(size if size is not None else self._cursor.arraysize)

    async def fetchall(self) -> list[Any]:
        return self._cursor.fetchall()

    async def close(self) -> None:
        self._cursor.close()


class _AtOnce:
    """Stands in for aiosqlite's queue to its thread, which the dialect uses directly to set
    ``isolation_level``: the call is made at once and its future answered."""

    @staticmethod
    def put_nowait(item: tuple[asyncio.Future[Any], Callable[[], Any]]) -> None:
        future, function = item
        try:
            future.set_result(function())
        except Exception as exc:
            future.set_exception(exc)


class Connection:
    """What the aiosqlite dialect calls on a connection, run at once."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._conn: sqlite3.Connection | None = connection
        self._tx = _AtOnce()

    @property
    def _connection(self) -> sqlite3.Connection | None:  # the dialect checks it is open
        return self._conn

    def _open(self) -> sqlite3.Connection:
        if self._conn is None:
            raise ValueError("Connection closed")  # as aiosqlite says it
        return self._conn

    @property
    def isolation_level(self) -> str | None:
        return self._open().isolation_level

    def cursor(self) -> Cursor:
        return Cursor(self._open().cursor())

    async def begin(self, sql: str) -> None:
        """Start a transaction (``BEGIN`` or ``BEGIN IMMEDIATE``), waiting for the write lock
        as any statement does (storage.db runs it here, past SQLAlchemy's execution of a
        statement: that cost ~7 % of an update's CPU for one word of SQL, #14)."""
        cursor = Cursor(self._open().cursor())
        try:
            await cursor.execute(sql)
        finally:
            cursor._cursor.close()

    async def commit(self) -> None:
        self._open().commit()

    async def rollback(self) -> None:
        self._open().rollback()

    async def create_function(self, *args: Any, **kwargs: Any) -> None:
        self._open().create_function(*args, **kwargs)

    async def close(self) -> None:
        self.stop()

    def stop(self) -> None:
        connection, self._conn = self._conn, None
        if connection is not None:
            connection.close()


def connector(database: str, factory: type[sqlite3.Connection],
              uri: bool = False) -> Callable[[], Any]:
    """``create_async_engine(..., async_creator=connector(...))``: a new connection per call."""

    async def connect() -> Connection:
        return Connection(sqlite3.connect(database, timeout=BUSY_MS / 1000, factory=factory,
                                          uri=uri, check_same_thread=False))

    return connect
