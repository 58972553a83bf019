"""APScheduler drives the durable timers: every tick, due rows of the timers table fire once."""

from __future__ import annotations

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
        self.fired = 0

    def start(self) -> None:
        self._scheduler = AsyncIOScheduler(timezone="UTC")
        self._scheduler.add_job(self.sweep, "interval", seconds=self._interval,
                                max_instances=1, coalesce=True, id="timers")
        self._scheduler.start()

    def stop(self) -> None:
        if self._scheduler is not None and self._scheduler.running:
            self._scheduler.shutdown(wait=False)

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
