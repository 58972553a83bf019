"""No chat stays with someone who left (invariant S3).

A member who goes off duty (by hand or at the end of a shift) with open chats is asked to hand
each one over or end it. From that moment a durable ``handback`` timer runs per chat, due
``routing.handback_after`` seconds later; its payload remembers who was asked and when each
of them is due (``{"members": {"<member id>": "<ISO due time>"}}``), so two members leaving
the same chat are each given their full time. When it fires, everyone who was asked and still
holds the chat while off duty or inactive leaves it (handlers.sessions.hand_back): a colleague
in the chat keeps it; a chat left empty goes back to the front of the queue and is offered to
the next eligible supporter, whose briefing has the notes so far. Going back on duty first
keeps the chats.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from flows.types import Effect, Reply
from handlers.context import Services
from handlers.dispatch import dispatch
from handlers.sessions import HANDBACK, hand_back
from routing.lifecycles import SessionStatus
from storage.program_models import ChatSession, Member
from storage.uow import UnitOfWork


async def _asked(uow: UnitOfWork, chat: ChatSession) -> dict[str, str]:
    timer = await uow.timers.get(HANDBACK, str(chat.id))
    if timer is None or timer.status != "pending":
        return {}
    return {str(k): str(v) for k, v in dict(timer.payload.get("members", {})).items()}


async def _save(uow: UnitOfWork, chat: ChatSession, asked: dict[str, str]) -> None:
    if not asked:
        await uow.timers.cancel(HANDBACK, str(chat.id))
        return
    due = min(datetime.fromisoformat(at) for at in asked.values())
    await uow.timers.set(HANDBACK, str(chat.id), due, {"members": asked})


async def ask(uow: UnitOfWork, services: Services, member: Member, chat: ChatSession,
              now: datetime) -> None:
    """``member`` was just asked to hand this chat over: start their time."""
    asked = await _asked(uow, chat)
    due = now + timedelta(seconds=services.config.routing.handback_after)
    asked[str(member.id)] = due.isoformat()
    await _save(uow, chat, asked)


async def keep(uow: UnitOfWork, member: Member) -> list[Effect]:
    """``member`` is back on duty: the chats they were asked about stay with them."""
    kept = 0
    for chat in await uow.sessions.active_for_member(member.id):
        asked = await _asked(uow, chat)
        if asked.pop(str(member.id), None) is not None:
            kept += 1
            await _save(uow, chat, asked)
    return [Reply("handback-kept", {"chats": kept}, to=member.telegram_id)] if kept else []


async def due(uow: UnitOfWork, services: Services, chat_id: int) -> list[Effect]:
    """The ``handback`` timer fired: whoever was asked and has not come back leaves."""
    chat = await uow.sessions.get(chat_id)
    if chat is None or chat.status != SessionStatus.ACTIVE:
        return []
    now = services.clock()
    timer = await uow.timers.get(HANDBACK, str(chat.id))
    asked = {str(k): str(v) for k, v in dict(
        (timer.payload if timer is not None else {}).get("members", {})).items()}
    leaving: list[Member] = []
    later: dict[str, str] = {}
    for member_id, at in asked.items():
        member = await uow.members.get(int(member_id))
        if member is None or member.id not in (chat.supporter_id, chat.counselor_id):
            continue  # handed over, ended, or already gone
        if member.on_duty and member.active:
            continue  # came back: keeps the chat
        if datetime.fromisoformat(at) > now:
            later[member_id] = at
        else:
            leaving.append(member)
    effects: list[Effect] = []
    for member in leaving:
        if chat.status == SessionStatus.ACTIVE:
            effects += await hand_back(uow, services, chat, member)
    if chat.status == SessionStatus.ACTIVE:
        await _save(uow, chat, later)
    return effects + (await dispatch(uow, services) if leaving else [])
