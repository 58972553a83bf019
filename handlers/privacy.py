"""Privacy on schedule and on request: the retention purge and a student's /forgetme."""

from __future__ import annotations

from datetime import timedelta

from flows import buttons
from flows.buttons import ButtonData
from flows.types import ClearButtons, Effect, Inbound, Reply
from handlers.context import Services
from handlers.dispatch import leave_queue, withdraw_pending_offer
from handlers.escalations import unresolved_for_chat
from routing.lifecycles import RequestStatus
from storage.models import Person
from storage.uow import UnitOfWork

FORGET = "fm"
PURGE_EVERY = timedelta(days=1)


async def purge(uow: UnitOfWork, services: Services) -> int:
    """Delete what is older than ``privacy.retention_days``: messages, payloads, notes,
    comments, excerpts, idle conversations; descriptions of finished requests are blanked.
    Re-arms itself daily. Returns the number of rows changed."""
    now = services.clock()
    cutoff = now - timedelta(days=services.config.privacy.retention_days)
    changed = await uow.privacy.purge(cutoff)
    await uow.audit.add("system", "retention.purged", "database", {"rows": changed}, now)
    await uow.timers.set("retention", "daily", now + PURGE_EVERY)
    return changed


async def ask(uow: UnitOfWork, services: Services, inbound: Inbound,
              person: Person) -> list[Effect]:
    if await _not_now(uow, inbound.chat_id):  # said before asking "delete everything?"
        return [Reply("forget-not-now")]
    keyboard = ((buttons.button(FORGET, "btn-forget-yes", "yes"),),
                (buttons.button(FORGET, "btn-forget-no", "no"),))
    return [Reply("forget-confirm", {}, keyboard)]


async def _not_now(uow: UnitOfWork, chat: int) -> bool:
    """Someone is helping the student, or a counselor is following up on their safety."""
    return (await uow.sessions.active_for_student(chat) is not None
            or await unresolved_for_chat(uow, chat) is not None)


async def answer(uow: UnitOfWork, services: Services, inbound: Inbound,
                 person: Person, data: ButtonData) -> list[Effect]:
    """``fm:<yes|no>:``"""
    choice = data.flow_event(FORGET).name
    cleared: list[Effect] = [ClearButtons(inbound.message_id)]
    if choice != "yes":
        return cleared + [Reply("forget-kept")]
    chat = inbound.chat_id
    if await _not_now(uow, chat):
        return cleared + [Reply("forget-not-now")]
    now = services.clock()
    waiting = await uow.requests.open_for(person.id)
    if waiting is not None and waiting.status == RequestStatus.QUEUED:
        # out of the queue, offers withdrawn
        await leave_queue(uow, waiting, "forget", now)
        cleared += await withdraw_pending_offer(uow, waiting.id, now)
    language = person.language  # told in it, though the person is gone when it is sent
    blocked_until = person.blocked_until if person.blocked_until and \
        person.blocked_until > now else None
    await uow.privacy.forget(person, chat)
    await uow.audit.add("system", "person.forgotten", "person:-", {}, now)
    if blocked_until is not None:  # what they told us goes; a coordinator's block stays (a
        # bare row: no name, nothing they wrote), so /forgetme is not a way around it
        bare = await uow.people.get_or_create(chat, language, now)
        bare.blocked_until = blocked_until
    return cleared + [Reply("forget-done", language=language)]
