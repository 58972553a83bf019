"""PostgreSQL ``LISTEN``: a connection kept open that calls back on each notification (#14:
the timer sweepers of every worker are woken when any of them, or an operator's command,
arms a timer; storage.uow sends the ``NOTIFY`` when such a transaction commits)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

log = logging.getLogger("sejawat.storage")


class Listener:
    """``LISTEN channel`` on a connection of its own, for as long as it is started."""

    def __init__(self, engine: AsyncEngine, channel: str, callback: Callable[[], None]) -> None:
        self._engine = engine
        self._channel = channel
        self._callback = callback
        self._connection: AsyncConnection | None = None
        self._driver: Any = None

    def _notified(self, *_args: object) -> None:
        self._callback()

    async def start(self) -> None:
        connection = await self._engine.connect()
        try:
            raw = await connection.get_raw_connection()
            self._driver = raw.driver_connection
            await self._driver.add_listener(self._channel, self._notified)
        except BaseException:
            await connection.close()
            raise
        self._connection = connection

    async def stop(self) -> None:
        connection, self._connection = self._connection, None
        if connection is None:
            return
        try:
            await self._driver.remove_listener(self._channel, self._notified)
        except Exception:  # the connection is gone already: nothing listens any more
            log.info("listener: %s was already closed", self._channel)
        await connection.invalidate()  # never back to the pool with a listener on it
        await connection.close()
