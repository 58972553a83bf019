"""Shifts put members on and off duty at their edges (durable timers, program time zone)."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from flows.types import Effect, Reply
from handlers.context import Services
from handlers.duty import go_off_duty, go_on_duty
from routing.schedule import Weekly, next_end, next_start
from storage.program_models import Shift
from storage.uow import UnitOfWork

log = logging.getLogger("sejawat.shifts")


async def plan_shift(uow: UnitOfWork, services: Services, shift: Shift) -> None:
    """Arm the next start, end and reminder timers of one shift. A timer of the shift that
    is due and not yet fired is left to fire: when several came due at once (the bot was
    down over a shift's start, or two workers), the reminder's planning moved the start to
    next week and the supporter never went on duty (found when timers stopped being fired
    after they were armed again)."""
    now = services.clock()
    tz = ZoneInfo(services.config.program.timezone)
    window = Weekly(tuple(shift.days), shift.start, shift.end)
    start = next_start([window], now, tz)
    end = next_end(window, now, tz)
    ref = str(shift.id)

    async def arm(kind: str, at: datetime) -> None:
        waiting = await uow.timers.armed(kind, ref)
        if waiting is None or waiting.due_at > now:
            await uow.timers.set(kind, ref, at)

    if start is not None:
        await arm("shift_start", start)
        ahead = timedelta(seconds=services.config.routing.shift_reminder)
        if ahead and start - ahead > now:
            await arm("shift_reminder", start - ahead)
    if end is not None:
        await arm("shift_end", end)


async def sync_config(uow: UnitOfWork, services: Services) -> None:
    """Coordinators and shifts listed in the config exist in the database, timers armed."""
    now = services.clock()
    for telegram_id in services.config.roles.coordinators:
        member = await uow.members.by_telegram_id(telegram_id)
        if member is None:
            await uow.members.add(telegram_id, "coordinator", f"Coordinator {telegram_id}",
                                  now, trained=True)
        elif member.role != "coordinator":
            log.warning("roles.coordinators lists %s, who is a %s", telegram_id, member.role)
    for shift in await uow.shifts.all():
        if shift.source == "config":
            await uow.shifts.delete(shift)
    for entry in services.config.shifts:
        member = await uow.members.by_telegram_id(entry.telegram_id)
        if member is None:
            log.warning("config shift for unknown member %s skipped (add them first)",
                        entry.telegram_id)
            continue
        await uow.shifts.add(member.id, list(entry.days), entry.start, entry.end,
                              source="config")
    for shift in await uow.shifts.all():
        await plan_shift(uow, services, shift)
    if not await uow.timers.pending("retention"):  # the daily privacy purge, first in a minute
        await uow.timers.set("retention", "daily", now + timedelta(minutes=1))


async def fire_shift(uow: UnitOfWork, services: Services, kind: str,
                     shift_id: int, due: datetime | None = None) -> list[Effect]:
    """A shift's timer fired (``due``: when it was meant to). A reminder that fires once the
    start it was for has passed (the bot was down, a run was skipped) is not sent: a trial got
    "your shift starts soon" for a shift already over."""
    shift = await uow.shifts.get(shift_id)
    if shift is None:
        return []
    member = await uow.members.get(shift.member_id)
    effects: list[Effect] = []
    if member is not None and member.active:
        if kind == "shift_reminder":
            ahead = timedelta(seconds=services.config.routing.shift_reminder)
            if due is None or services.clock() < due + ahead:  # the shift is still to come
                effects.append(Reply("shift-reminder", {"start": shift.start,
                                                        "end": shift.end},
                                     to=member.telegram_id))
        elif kind == "shift_start" and member.trained:
            effects += await go_on_duty(uow, services, member)
        elif kind == "shift_end":
            effects += await go_off_duty(uow, services, member, why="shift")
    await plan_shift(uow, services, shift)
    return effects
