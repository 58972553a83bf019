"""On SQLite, one transaction at a time in the process, the most urgent first.

SQLite lets one transaction write at a time, and every transaction here takes the write lock up
front (``BEGIN IMMEDIATE``, storage.db). Left to SQLite, transactions that find the lock taken
sleep in its busy handler and try again (after 1, 2, 5, 10 … up to 100 ms), so under load the
lock stood idle between holders while a dozen waited, and which one got it next was luck: a
student's crisis message could wait for its turn to be *stored* behind every ordinary update
being processed. The gate queues them in the process instead: the lock passes at once from
one transaction to the next, and storing an update and the crisis fast lane (``URGENT``) go
before processing, sending and timers (``NORMAL``), in arrival order within each. (SQLite
databases have one worker: storage.worker_lock.)

PostgreSQL needs none of this: its transactions run side by side.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import itertools
from collections.abc import Iterator
from contextvars import ContextVar

URGENT = 0  # storing an update, the crisis fast lane
NORMAL = 1  # everything else
_urgency: ContextVar[int] = ContextVar("sejawat_urgency", default=NORMAL)


@contextlib.contextmanager
def urgent() -> Iterator[None]:
    """Units of work opened inside go through the gate first."""
    token = _urgency.set(URGENT)
    try:
        yield
    finally:
        _urgency.reset(token)


class Gate:
    """A lock handed from holder to holder in order of urgency, then of arrival."""

    def __init__(self) -> None:
        self._locked = False
        self._owner: asyncio.Task[object] | None = None
        self._depth = 0
        self._waiting: list[tuple[int, int, asyncio.Future[None]]] = []
        self._order = itertools.count()

    async def acquire(self) -> None:
        task = asyncio.current_task()
        if self._locked and self._owner is task:  # nested in one task: SQLite itself will
            self._depth += 1  # say no to the inner transaction, as it always did
            return
        if not self._locked:
            self._locked, self._owner, self._depth = True, task, 1
            return
        turn: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._waiting, (_urgency.get(), next(self._order), turn))
        try:
            await turn
        except asyncio.CancelledError:
            if turn.done() and not turn.cancelled():  # handed over just as it was cancelled
                self._owner, self._depth = task, 1
                self.release()
            raise
        self._owner, self._depth = task, 1  # handed over: still locked

    def release(self) -> None:
        self._depth -= 1
        if self._depth > 0:
            return
        self._owner = None
        while self._waiting:
            _, _, turn = heapq.heappop(self._waiting)
            if not turn.done():  # a cancelled waiter is skipped
                turn.set_result(None)
                return
        self._locked = False
