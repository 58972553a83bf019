"""Engine creation (SQLite WAL + foreign keys, or PostgreSQL), migrations, data-key check."""

from __future__ import annotations

import contextlib
import functools
import sqlite3
import weakref
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config as AlembicConfig
from sqlalchemy import event, insert, select
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlalchemy.orm import Session
from sqlalchemy.util import await_

from storage.crypto import Cipher, DataKeyError
from storage.inline_sqlite import BUSY_MS, connector
from storage.inline_sqlite import Connection as InlineConnection
from storage.models import Meta

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
KEY_CHECK = "data-key-check"
KEY_CHECK_TEXT = "sejawat data key check"


# Every PostgreSQL session: a worker that stalls or is cut off (a host frozen, a network
# partition) must not hold a chat, a timer or its place among the workers for long: the server
# ends a transaction left idle for 30 s and notices a dead peer within about 25 s (found by a
# review: the defaults are never and two hours), and a lock is waited for 10 s at most (the
# work is then retried, as after any failure).
POSTGRES_SESSION = {
    "idle_in_transaction_session_timeout": "30000",
    "lock_timeout": "10000",
    "tcp_keepalives_idle": "10",
    "tcp_keepalives_interval": "5",
    "tcp_keepalives_count": "3",
    "application_name": "sejawat",
}


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


class _SQLiteConnection(sqlite3.Connection):
    """Roll back and reset every cursor before closing.

    Since Python 3.11 ``close()`` is ``sqlite3_close_v2()``: while any cursor still holds an
    unfinished statement (e.g. one kept alive by the traceback of a CancelledError), SQLite
    keeps the connection as a "zombie" with its open transaction - and the write lock - until
    that cursor is garbage collected. SQLAlchemy closes (terminates) the connection without a
    rollback when a query is cancelled, so a cancelled unit of work could lock the database
    for the rest of the process.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._cursors: weakref.WeakSet[sqlite3.Cursor] = weakref.WeakSet()

    def cursor(self, *args: Any, **kwargs: Any) -> sqlite3.Cursor:  # type: ignore[override]
        cursor: sqlite3.Cursor = super().cursor(*args, **kwargs)
        self._cursors.add(cursor)
        return cursor

    def close(self) -> None:
        try:  # a connection already broken still closes
            with contextlib.suppress(sqlite3.Error):
                for cursor in list(self._cursors):
                    cursor.close()  # resets and releases its statement
                if self.in_transaction:
                    self.rollback()
        finally:
            super().close()


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # we issue BEGIN ourselves (below)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_MS}")  # longer: storage.inline_sqlite
    cursor.close()


READ_ONLY = "sejawat_read_only"  # a connection's execution option (storage.uow: Store.read)


def _sqlite_begin(conn: Connection) -> None:
    # Take the write lock up front: no deadlock when two transactions upgrade read -> write.
    # A unit of work that only reads takes none: in WAL mode it reads beside the writer.
    read_only = conn.get_execution_options().get(READ_ONLY)
    sql = "BEGIN" if read_only else "BEGIN IMMEDIATE"
    driver = conn.connection.driver_connection
    if isinstance(driver, InlineConnection):  # (always, but for a test's own engine)
        # still a statement to whoever counts or times them (tests, bench --sql-profile)
        conn.dispatch.before_cursor_execute(conn, None, sql, (), None, False)
        try:
            await_(driver.begin(sql))
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc):  # anything else as SQLAlchemy handles it (a
                conn.exec_driver_sql(sql)  # connection lost is invalidated, ...)
                return
            raise DBAPIError.instance(sql, (), exc, sqlite3.Error,
                                      dialect=conn.dialect) from exc  # waited LOCK_WAIT_S
        except (sqlite3.Error, ValueError):
            conn.exec_driver_sql(sql)
            return
        conn.dispatch.after_cursor_execute(conn, None, sql, (), None, False)
    else:
        conn.exec_driver_sql(sql)


def create_engine(url: str, *, echo: bool = False) -> AsyncEngine:
    if is_sqlite(url):
        parsed = make_url(url)
        database = parsed.database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        connect = connector(database or ":memory:", _SQLiteConnection,
                            uri=parsed.query.get("uri") == "true")
        engine = create_async_engine(url, echo=echo, async_creator=connect)
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        event.listen(engine.sync_engine, "begin", _sqlite_begin)
        return engine
    return create_async_engine(url, echo=echo, pool_size=10, max_overflow=10, pool_pre_ping=True,
                               connect_args={"server_settings": POSTGRES_SESSION})


HELD = "sejawat_held"  # a session's info: the rows it loaded, kept alive (storage.uow)


class HoldingSession(Session):
    """A session that keeps every row it loads for as long as it lives (the identity map
    alone holds rows weakly: a row read again by the next handler was read again from the
    database). Listened for once, on the class: listening per session cost more than the
    statements it saved."""


@event.listens_for(HoldingSession, "loaded_as_persistent")
def _hold(session: Session, instance: object) -> None:
    session.info.setdefault(HELD, []).append(instance)


def sessionmaker(engine: AsyncEngine) -> async_sessionmaker[Any]:
    return async_sessionmaker(engine, expire_on_commit=False, sync_session_class=HoldingSession)


def _alembic_config(connection: Connection) -> AlembicConfig:
    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


@functools.cache
def _head() -> str | None:
    """The newest migration this code knows (read from the scripts once per process)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(MIGRATIONS)).get_current_head()


def _upgrade(connection: Connection) -> None:
    if _current(connection) == _head():  # a restart: nothing to do, no scripts to load
        return
    command.upgrade(_alembic_config(connection), "head")


def _current(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


async def migrate(engine: AsyncEngine) -> None:
    """Apply every Alembic migration not yet applied (idempotent)."""
    async with engine.begin() as conn:
        await conn.run_sync(_upgrade)


async def current_revision(engine: AsyncEngine) -> str | None:
    async with engine.connect() as conn:
        return await conn.run_sync(_current)


async def check_data_key(engine: AsyncEngine, cipher: Cipher) -> bool:
    """Fail fast if the database was written with another key; remember the key otherwise.
    True when the database is new (no key was remembered yet)."""
    async with engine.begin() as conn:
        row = (await conn.execute(select(Meta.value).where(Meta.key == KEY_CHECK))).first()
        if row is None:
            await conn.execute(
                insert(Meta).values(key=KEY_CHECK, value=cipher.encrypt(KEY_CHECK_TEXT))
            )
            return True
    if cipher.decrypt(row[0]) != KEY_CHECK_TEXT:  # pragma: no cover - Fernet authenticates
        raise DataKeyError("privacy.data_key does not match this database")
    return False
