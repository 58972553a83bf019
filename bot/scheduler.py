"""APScheduler drives the durable timers: due rows of the timers table fire once each.

The sweep runs when the earliest armed timer is due, not every second (#14): a commit that
arms a timer tells this process's sweeper when it is due (storage.uow), and on PostgreSQL it
also notifies every worker (``LISTEN``/``NOTIFY`` on ``sejawat_timers``: ``listen``). A sweep
at least every ``interval`` seconds catches what no signal reaches (a timer armed by another
process on SQLite: an operator's command)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.outbox import queue_effects
from handlers.context import Services
from handlers.timers import fire
from storage.uow import Store

log = logging.getLogger("sejawat.timers")


JOB = "timers"


class TimerSweeper:
    def __init__(self, store: Store, services: Services, on_outbox: Callable[[], None],
                 interval: float = 5.0) -> None:
        self._store = store
        self._services = services
        self._on_outbox = on_outbox
        self._interval = interval
        self._scheduler: AsyncIOScheduler | None = None
        self._ticks: set[asyncio.Task[object]] = set()
        self._sweeping = False
        self._armed_meanwhile: datetime | None = None  # told while a sweep ran
        self.fired = 0
        self.sweeps = 0

    def start(self) -> None:
        self._scheduler = AsyncIOScheduler(timezone="UTC")
        self._scheduler.add_job(self._tick, "interval", seconds=self._interval,
                                max_instances=1, coalesce=True, id=JOB,
                                next_run_time=datetime.now(UTC))
        self._scheduler.start()

    def wake(self, due_at: datetime) -> None:
        """A timer was armed, due at ``due_at`` (by the app's clock): sweep then, if that is
        before the next sweep."""
        if self._sweeping:  # the sweep looks for the next due timer when it ends
            if self._armed_meanwhile is None or due_at < self._armed_meanwhile:
                self._armed_meanwhile = due_at
            return
        scheduler = self._scheduler
        job = scheduler.get_job(JOB) if scheduler is not None and scheduler.running else None
        if job is None:
            return
        wait = max(timedelta(0), due_at - self._services.clock())
        when = datetime.now(UTC) + wait
        if job.next_run_time is None or when < job.next_run_time:
            job.modify(next_run_time=when)

    def wake_now(self) -> None:
        """Another worker armed a timer (PostgreSQL NOTIFY): look now."""
        self.wake(self._services.clock())

    async def _tick(self) -> int:
        """One scheduled sweep, then the next one planned for the earliest armed timer;
        remembered so that stop() can wait for it to end."""
        task = asyncio.current_task()
        if task is not None:
            self._ticks.add(task)
        self._sweeping, self._armed_meanwhile = True, None
        next_due: datetime | None = None
        try:
            fired = await self.sweep()
            async with self._store.read() as uow:
                next_due = await uow.timers.next_due()
            return fired
        finally:
            self._sweeping = False
            if task is not None:
                self._ticks.discard(task)
            for due_at in (self._armed_meanwhile, next_due):
                if due_at is not None:
                    self.wake(due_at)

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
        self.sweeps += 1
        now = self._services.clock()
        async with self._store.read() as uow:
            due = await uow.timers.due_ids(now)
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
