"""APScheduler drives the durable timers: every tick, due rows of the timers table fire once."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.outbox import queue_effects
from handlers.context import Services
from handlers.timers import fire
from storage.uow import Store

log = logging.getLogger("sejawat.timers")


class TimerSweeper:
    def __init__(self, store: Store, services: Services, on_outbox: Callable[[], None],
                 interval: float = 1.0) -> None:
        self._store = store
        self._services = services
        self._on_outbox = on_outbox
        self._interval = interval
        self._scheduler: AsyncIOScheduler | None = None
        self._ticks: set[asyncio.Task[object]] = set()
        self.fired = 0

    def start(self) -> None:
        self._scheduler = AsyncIOScheduler(timezone="UTC")
        self._scheduler.add_job(self._tick, "interval", seconds=self._interval,
                                max_instances=1, coalesce=True, id="timers")
        self._scheduler.start()

    async def _tick(self) -> int:
        """One scheduled sweep; remembered so that stop() can wait for it to end."""
        task = asyncio.current_task()
        if task is not None:
            self._ticks.add(task)
        try:
            return await self.sweep()
        finally:
            if task is not None:
                self._ticks.discard(task)

    async def stop(self, grace: float = 10.0) -> None:
        """No new sweeps; the one running (if any) finishes its timer's transaction.

        APScheduler's shutdown does not wait for a coroutine job: it cancels it and returns,
        and the cancelled sweep then still ran (rolling back, returning its connection) after
        the database was closed, or after the event loop had closed. Wait for it here instead.
        """
        scheduler, self._scheduler = self._scheduler, None
        if scheduler is not None and scheduler.running:
            scheduler.pause()  # no new runs while the current one finishes
            running = set(self._ticks)
            if running:
                await asyncio.wait(running, timeout=grace)
            scheduler.shutdown(wait=False)  # cancels a sweep still running after the grace
        if self._ticks:
            await asyncio.wait(set(self._ticks))

    async def sweep(self) -> int:
        """Fire every due timer, each in its own transaction, exactly once."""
        now = self._services.clock()
        async with self._store() as uow:
            due = [(t.id, t.kind) for t in await uow.timers.due(now)]
        count = 0
        for timer_id, kind in due:
            try:
                async with self._store() as uow:
                    timer = await uow.timers.claim(timer_id, self._services.clock())
                    if timer is None:
                        continue
                    effects = await fire(uow, self._services, timer)
                    await queue_effects(uow, self._services.catalog, effects, 0,
                                        self._services.clock())
                    await uow.commit()
                count += 1
            except Exception:
                log.exception("timer %s (%s) failed; it will be retried", timer_id, kind)
        self.fired += count
        if count:
            self._on_outbox()
        return count
