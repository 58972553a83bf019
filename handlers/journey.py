"""Moving a student between flows, through the declared table in ``flows.journey``.

A flow saves its own steps; when a student moves to another flow (a chat starts, ends or goes
back to the queue) the move is asked of the journey table here, which says whether it may
happen, and the new place is saved as that flow's first step. A move the table does not list
raises :class:`flows.errors.IllegalTransition`: a defect, never a silent overwrite.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from flows import selfhelp
from flows.journey import JOURNEY, RISK, SAVED_AS, Place, Where, place_of
from storage.uow import UnitOfWork

__all__ = ["RISK", "may", "move", "raise_risk", "stop_exercise_if_moved", "where"]


async def where(uow: UnitOfWork, chat_id: int) -> Place:
    saved = await uow.conversations.get(chat_id)
    return place_of(saved.flow if saved else None, saved.state if saved else None)


async def may(uow: UnitOfWork, chat_id: int, event: str) -> bool:
    return JOURNEY.can(Where((await where(uow, chat_id)).value), event)


async def move(uow: UnitOfWork, chat_id: int, event: str, now: datetime,
               data: dict[str, Any] | None = None, state: str | None = None) -> Place:
    """Move the student in ``chat_id`` along the journey; save (or clear) their new place.

    ``data``: the new flow's first data; ``state``: its first step where the table leaves it
    to the flow (feedback)."""
    here = await where(uow, chat_id)
    target = JOURNEY.fire(Where(here.value), event)
    if here is Place.PLAN and target is not Place.NONE:  # (seen) a counselor took them into a
        await _keep_plan(uow, chat_id, now)  # chat mid-plan: what they wrote is not lost
    if target is Place.NONE:
        await uow.conversations.delete(chat_id)
        return target
    flow, first = SAVED_AS[target]
    step = state or first
    assert step is not None, f"{target} needs its first step"
    await uow.conversations.save(chat_id, flow, step, data or {}, now)
    await stop_exercise_if_moved(uow, chat_id, now, target)
    return target


async def stop_exercise_if_moved(uow: UnitOfWork, chat_id: int, now: datetime,
                                 here: Place | None = None) -> None:
    """A self-help exercise runs only where the student is not telling the bot anything or
    chatting (flows.selfhelp.ALLOWED): a chat that starts (or an intake begun) stops it at
    once; its message says so on the timer's next sweep (handlers.selfhelp.tick). Called
    wherever a student's place changes: ``move`` here, and a flow's own step saved by
    handlers.student.converse (``here``: the place now, when the caller knows it)."""
    place = here if here is not None else await where(uow, chat_id)
    if place in selfhelp.ALLOWED:
        return
    exercise = await uow.exercises.live(chat_id)
    if exercise is None:
        return
    selfhelp.EXERCISE.fire(exercise, "interrupt")
    exercise.ended_at = now
    await uow.timers.set(selfhelp.TIMER, str(exercise.id), now,
                         {"interrupted": place.value})


async def _keep_plan(uow: UnitOfWork, chat_id: int, now: datetime) -> None:
    saved = await uow.conversations.get(chat_id)
    person = await uow.people.by_telegram_id(chat_id)
    if saved is None or person is None:
        return
    parts = {str(k): str(v) for k, v in dict(saved.data.get("plan") or {}).items() if v}
    if parts:
        await uow.plans.save(person.id, parts, None, now)


async def raise_risk(uow: UnitOfWork, chat_id: int, level: int, now: datetime) -> bool:
    """Remember a risk signal for a request that does not exist yet (intake in progress).
    False when the student is not telling the bot what they need right now."""
    saved = await uow.conversations.get(chat_id)
    here = place_of(saved.flow if saved else None, saved.state if saved else None)
    if saved is None or not JOURNEY.can(Where(here.value), "raise_risk"):
        return False
    JOURNEY.fire(Where(here.value), "raise_risk")
    data = {**saved.data, RISK: max(int(saved.data.get(RISK, 0)), level)}
    await uow.conversations.save(chat_id, saved.flow, saved.state, data, now)
    return True
