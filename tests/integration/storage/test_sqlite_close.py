"""Found by the five-in-a-row run (issue 10): a bot restarted in the same process could not
open its database ("database is locked" after 15 s). A query cancelled mid-way (a shutdown
cancelling a task inside a unit of work) leaves its cursor with an unfinished statement, kept
alive by the CancelledError's traceback; SQLAlchemy then closes the connection without a
rollback, and since Python 3.11 SQLite keeps such a connection as a "zombie" that holds its
transaction, and the write lock, until that cursor is freed. storage.db's connections close
their cursors and roll back before closing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import text

from storage.db import _SQLiteConnection, create_engine


def can_write(path: Path) -> bool:
    other = sqlite3.connect(path, timeout=0.1)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        other.close()


def half_read(connection: sqlite3.Connection) -> sqlite3.Cursor:
    """In a write transaction, a SELECT stepped once, rows still pending (as a cancelled
    query leaves it)."""
    connection.isolation_level = None
    connection.execute("CREATE TABLE IF NOT EXISTS t(x)")
    connection.execute("BEGIN IMMEDIATE")
    connection.executemany("INSERT INTO t VALUES (?)", [(i,) for i in range(5)])
    cursor = connection.execute("SELECT x FROM t")
    cursor.fetchone()
    return cursor


def test_closing_with_a_half_read_cursor_releases_the_write_lock(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    connection = sqlite3.connect(path, factory=_SQLiteConnection)
    cursor = half_read(connection)  # still referenced, as a traceback would keep it
    assert not can_write(path)
    connection.close()
    assert can_write(path), "the closed connection still holds the write lock"
    assert cursor is not None


async def test_the_engine_opens_its_sqlite_connections_that_way(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}")
    try:
        async with engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
            raw = await connection.get_raw_connection()
            driver = raw.driver_connection
            assert driver is not None
            assert isinstance(driver._connection, _SQLiteConnection)  # aiosqlite's sqlite3
    finally:
        await engine.dispose()
