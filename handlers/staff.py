"""Supporters, counselors and coordinators: commands and buttons, each checked against the
member's role and state in the database before anything changes."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from flows import buttons
from flows.types import ClearButtons, Effect, Inbound, Reply
from handlers import cases, coordinator, escalations
from handlers.context import MAX_TEXT, Services
from handlers.dispatch import candidate, offer_effects
from handlers.duty import END, HANDOFF, go_off_duty, go_on_duty
from handlers.sessions import (
    FOCUS,
    accept,
    decline,
    end_session,
    focused,
    relay_from_staff,
    relay_media,
)
from routing.matching import Need, rank
from storage.program_models import Member
from storage.uow import UnitOfWork

DUTY, OFFER = "dt", "of"
SERVES = ("supporter", "counselor")
Handler = Callable[[UnitOfWork, Services, Inbound, Member], Awaitable[list[Effect]]]


async def handle_staff(uow: UnitOfWork, services: Services, inbound: Inbound,
                       member: Member) -> list[Effect]:
    if not member.active:
        return [Reply("member-inactive")]
    if inbound.kind == "button":
        return await _button(uow, services, inbound, member)
    noted = await cases.case_note(uow, services, inbound, member)
    if noted is not None:
        return noted
    if inbound.kind == "command":
        handler = COMMANDS.get(inbound.command) or coordinator.COMMANDS.get(inbound.command)
        if handler is None:
            return [Reply("error-unknown-command")]
        return await handler(uow, services, inbound, member)
    if inbound.kind == "media":
        chat = await focused(uow, member)
        if chat is None:
            return [Reply("staff-no-chat")]
        role = "counselor" if chat.counselor_id == member.id else "supporter"
        return await relay_media(uow, services, chat, role, inbound.chat_id,
                                 inbound.message_id, inbound.media_kind)
    if len(inbound.text) > MAX_TEXT:
        return [Reply("error-too-long", {"max": MAX_TEXT})]
    chat = await focused(uow, member)
    if chat is None:
        chats = await uow.sessions.active_for_member(member.id)
        return [Reply("staff-choose-chat" if chats else "staff-no-chat")]
    return await relay_from_staff(uow, services, member, chat, inbound.text)


async def _help(uow: UnitOfWork, services: Services, inbound: Inbound,
                member: Member) -> list[Effect]:
    return [Reply(f"help-{member.role}")]


async def _start(uow: UnitOfWork, services: Services, inbound: Inbound,
                 member: Member) -> list[Effect]:
    return [Reply("staff-welcome", {"role_key": f"role-{member.role}", "name": member.name}),
            Reply(f"help-{member.role}")]


async def _duty(uow: UnitOfWork, services: Services, inbound: Inbound,
                member: Member) -> list[Effect]:
    if member.role not in SERVES:
        return [Reply("not-allowed")]
    load = len(await uow.sessions.active_for_member(member.id))
    if member.on_duty:
        keyboard = ((buttons.button(DUTY, "btn-duty-off", "off"),),)
        return [Reply("duty-status-on", {"chats": load}, keyboard)]
    if not member.trained:
        return [Reply("duty-needs-training")]
    keyboard = ((buttons.button(DUTY, "btn-duty-on", "on"),),)
    return [Reply("duty-status-off", {"chats": load}, keyboard)]


async def _end(uow: UnitOfWork, services: Services, inbound: Inbound,
               member: Member) -> list[Effect]:
    chat = await focused(uow, member)
    if chat is None:
        return [Reply("staff-no-chat")]
    return await end_session(uow, services, chat, f"member:{member.id}")


async def _note(uow: UnitOfWork, services: Services, inbound: Inbound,
                member: Member) -> list[Effect]:
    chat = await focused(uow, member)
    if chat is None:
        return [Reply("staff-no-chat")]
    if not inbound.text.strip():
        return [Reply("note-usage")]
    await uow.notes.add(chat.request_id, member.id, inbound.text.strip(), services.clock())
    # a note that records risk is a signal too (S7): a counselor is paged about the student
    return [Reply("note-saved"),
            *await escalations.screen_note(uow, services, chat.student_chat_id, inbound.text)]


async def _chats(uow: UnitOfWork, services: Services, inbound: Inbound,
                 member: Member) -> list[Effect]:
    chats = await uow.sessions.active_for_member(member.id)
    if not chats:
        return [Reply("staff-no-chat")]
    rows = []
    for chat in chats:
        request = await uow.requests.get(chat.request_id)
        assert request is not None
        mark = "btn-focus-current" if chat.id == member.focus_session_id else "btn-focus"
        rows.append((buttons.button(FOCUS, mark, "focus", str(chat.id),
                                    {"pseudonym": request.pseudonym}),))
    return [Reply("staff-chats", {"count": len(chats)}, tuple(rows))]


async def _handoff(uow: UnitOfWork, services: Services, inbound: Inbound,
                   member: Member) -> list[Effect]:
    chat = await focused(uow, member)
    if chat is None:
        return [Reply("staff-no-chat")]
    others = await _handoff_targets(uow, chat.request_id, member)
    rows = tuple((buttons.button(HANDOFF, "btn-handoff-to", str(chat.id), str(m.id),
                                 {"name": m.name}),) for m in others)
    any_row = ((buttons.button(HANDOFF, "btn-handoff-any", str(chat.id), "any"),),)
    return [Reply("handoff-choose", {"count": len(others)}, (*rows, *any_row))]


async def _handoff_targets(uow: UnitOfWork, request_id: int, member: Member) -> list[Member]:
    """Who can take this chat: on duty, trained, free capacity, the student's language."""
    request = await uow.requests.get(request_id)
    assert request is not None
    loads = await uow.sessions.loads()
    supporters = {m.id: m for m in await uow.members.all("supporter")}
    ranked = rank([candidate(m, loads.get(m.id, 0)) for m in supporters.values()],
                  Need(request.id, request.language, request.topic), exclude={member.id})
    return [supporters[c.member_id] for c in ranked]


async def _hand_over(uow: UnitOfWork, services: Services, member: Member, chat_id: int,
                     target: str) -> list[Effect]:
    chat = await uow.sessions.get(chat_id)
    if chat is None or chat.status != "active" or chat.supporter_id != member.id:
        return [Reply("error-stale-button")]
    request = await uow.requests.get(chat.request_id)
    assert request is not None
    if await uow.offers.pending_for_request(request.id) is not None:
        return [Reply("handoff-pending")]
    now = services.clock()
    others = await _handoff_targets(uow, request.id, member)
    chosen = next((m for m in others if str(m.id) == target), None)
    if chosen is None and target == "any" and others:
        chosen = others[0]  # the best candidate (matching order)
    if chosen is None:
        return [Reply("handoff-nobody")]
    await uow.audit.add(f"member:{member.id}", "handoff.requested", f"request:{request.id}",
                        {"to": chosen.id}, now)
    return [Reply("handoff-offered", {"name": chosen.name}),
            *await offer_effects(uow, services, request, chosen, now)]


async def _button(uow: UnitOfWork, services: Services, inbound: Inbound,
                  member: Member) -> list[Effect]:
    prefix, _, rest = inbound.button.partition(":")
    first, _, second = rest.partition(":")
    cleared: list[Effect] = [ClearButtons(inbound.message_id)]
    first_id, second_id = buttons.ident(first), buttons.ident(second)
    if prefix == coordinator.ROSTER or prefix == coordinator.SHIFTS:
        return await coordinator.button(uow, services, inbound, member)
    if prefix == OFFER and second_id is not None and first in ("accept", "decline"):
        act = accept if first == "accept" else decline
        return cleared + await act(uow, services, member, second_id)
    if prefix == DUTY and member.role in SERVES:
        if first == "on":
            if not member.trained:
                return [Reply("duty-needs-training")]
            return cleared + (await go_on_duty(uow, services, member) or [Reply("duty-already")])
        if first == "off":
            return cleared + (await go_off_duty(uow, services, member) or [Reply("duty-already")])
    if prefix == HANDOFF and first_id is not None:
        return cleared + await _hand_over(uow, services, member, first_id, second)
    if prefix == END and first_id is not None:
        chat = await uow.sessions.get(first_id)
        if chat is None or member.id not in (chat.supporter_id, chat.counselor_id):
            return [Reply("error-stale-button")]
        return cleared + await end_session(uow, services, chat, f"member:{member.id}")
    if prefix == FOCUS and second_id is not None:
        chat = await uow.sessions.get(second_id)
        if chat is None or chat.status != "active" or member.id not in (
                chat.supporter_id, chat.counselor_id):
            return [Reply("error-stale-button")]
        member.focus_session_id = chat.id
        return [Reply("staff-focused")]
    if prefix == "es":
        return await cases.button(uow, services, inbound, member)
    return [Reply("error-stale-button")]


COMMANDS: dict[str, Handler] = {
    "start": _start, "help": _help, "duty": _duty, "end": _end, "note": _note,
    "chats": _chats, "handoff": _handoff, "cases": cases.cases, "refer": cases.refer,
}
