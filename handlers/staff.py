"""Supporters, counselors and coordinators: their commands, buttons and what they write.

Who may send which command or press which button is declared once, in handlers.registry, and
checked by the router before any of these run; each still checks the state it acts on (the
chat is theirs, the offer still pending)."""

from __future__ import annotations

from datetime import timedelta

from flows import buttons
from flows.buttons import ButtonData
from flows.types import ClearButtons, Effect, Inbound, Reply
from handlers import escalations, practice
from handlers.context import MAX_TEXT, Services
from handlers.dispatch import candidate, offer_effects, resting
from handlers.duty import BACK_ON_DUTY, DUTY, END, HANDOFF, go_off_duty, go_on_duty
from handlers.sessions import (
    FOCUS,
    accept,
    chat_in_view,
    decline,
    end_by_member,
    focused,
    passed_as_text,
    relay_from_staff,
    relay_media,
)
from routing.lifecycles import SessionStatus
from routing.matching import Need, rank
from storage.program_models import ChatSession, Member
from storage.uow import UnitOfWork

OFFER = "of"
NOTE_AFTER_CHAT = timedelta(hours=24)  # /note with no chat open: on the last one, this recent


async def write(uow: UnitOfWork, services: Services, inbound: Inbound,
                member: Member) -> list[Effect]:
    """Plain text or media from a member goes to the student of the chat they focus on, or,
    as a reply to a student's message, to that student's chat."""
    if inbound.kind == "text" and len(inbound.text) > MAX_TEXT:
        return [Reply("error-too-long", {"max": MAX_TEXT})]
    said = (await uow.sessions.said(inbound.chat_id, inbound.reply_to)
            if inbound.reply_to else None)
    if said is not None and not _in(member, said.chat):  # never to another student instead
        request = await uow.requests.get(said.chat.request_id)
        return [Reply("staff-reply-chat-ended",
                      {"pseudonym": request.pseudonym if request else "?"})]
    chat = said.chat if said is not None else await focused(uow, member)
    if chat is None:  # written to the bot itself: if it is about them, it is theirs
        own = await escalations.own_words(uow, services, inbound, in_practice=False)
        chats = await uow.sessions.active_for_member(member.id)
        return own or [Reply("staff-choose-chat" if chats else "staff-no-chat")]
    if inbound.kind == "media":
        role = "counselor" if chat.counselor_id == member.id else "supporter"
        told = await relay_media(uow, services, chat, role, inbound.chat_id,
                                 inbound.message_id, inbound.media_kind)
        caption = inbound.text.strip()
        if caption and not services.config.routing.allow_media:  # the words go on as text
            told = [*passed_as_text(told, "relay-media-caption-passed-team"),
                    *await relay_from_staff(uow, services, member, chat, caption)]
        return told
    # a practice chat's student is scripted: words about the trainee are the trainee's
    request = await uow.requests.get(chat.request_id)
    own = await escalations.own_words(uow, services, inbound, in_practice=True) \
        if request is not None and await practice.for_request(uow, request) is not None else []
    return [*own, *await relay_from_staff(uow, services, member, chat, inbound.text)]


def _in(member: Member, chat: ChatSession) -> bool:
    """The member is (still) in this chat, and it is open."""
    return chat.status == SessionStatus.ACTIVE and \
        member.id in (chat.supporter_id, chat.counselor_id)


# ---- commands (who may send which: handlers.registry) -----------------------------------------


async def help_(uow: UnitOfWork, services: Services, inbound: Inbound,
                member: Member) -> list[Effect]:
    return [Reply(f"help-{member.role}")]


async def welcome(uow: UnitOfWork, services: Services, inbound: Inbound,
                 member: Member) -> list[Effect]:
    return [Reply("staff-welcome", {"role_key": f"role-{member.role}", "name": member.name}),
            Reply(f"help-{member.role}")]


async def duty(uow: UnitOfWork, services: Services, inbound: Inbound,
               member: Member) -> list[Effect]:
    load = len(await uow.sessions.active_for_member(member.id))
    if member.on_duty:
        keyboard = ((buttons.button(DUTY, "btn-duty-off", "off"),),)
        return [Reply("duty-status-on", {"chats": load}, keyboard)]
    if not member.trained:
        return [Reply("duty-needs-training")]
    return [Reply("duty-status-off", {"chats": load}, BACK_ON_DUTY)]


async def end(uow: UnitOfWork, services: Services, inbound: Inbound,
              member: Member) -> list[Effect]:
    """Asks first: *Yes, end it* (``en:<chat>:``) or *No, keep chatting* (``en:<chat>:keep``).
    A counselor who holds the student's open case is shown its outcome buttons at once
    (recording the outcome is what ends that chat)."""
    chat = await focused(uow, member)
    if chat is None:
        return [Reply("staff-no-chat")]
    case = await uow.escalations.unresolved_for_chat(chat.student_chat_id)
    if case is not None and case.taken_over_by == member.id:
        return await end_by_member(uow, services, chat, member)
    request = await uow.requests.get(chat.request_id)
    params: dict[str, str | int] = {"pseudonym": request.pseudonym if request else "?"}
    # what "yes" will do, said before it is pressed (a trial: "they get a short goodbye"
    # was asked of a supporter whose student had a counselor with them, or an open case,
    # and the chat did not end: the supporter left it): sessions.end_by_member
    counselor = await uow.members.get(chat.counselor_id) if chat.counselor_id else None
    key, yes = "staff-end-confirm", "btn-end-yes"
    if counselor is not None and counselor.id != member.id and (
            case is None or case.taken_over_by == counselor.id):
        key, yes, params["name"] = "staff-leave-confirm-counselor", "btn-leave-yes", \
            counselor.name
    elif case is not None:
        key, yes, params["id"] = "staff-leave-confirm-case", "btn-leave-yes", case.id
    row = (buttons.button(END, yes, str(chat.id)),
           buttons.button(END, "btn-end-keep", str(chat.id), "keep"))
    return [Reply(key, params, (row,))]


async def note(uow: UnitOfWork, services: Services, inbound: Inbound,
               member: Member) -> list[Effect]:
    # seen (newcomer hour): a supporter had more to write once the chat ended
    chat = await chat_in_view(uow, member, services.clock() - NOTE_AFTER_CHAT)
    if isinstance(chat, Reply):
        return [chat]
    saved = "note-saved-ended" if chat is not None and chat.ended_at else "note-saved"
    if chat is None:
        return [Reply("staff-no-chat")]
    if not inbound.text.strip():
        return [Reply("note-usage")]
    await uow.notes.add(chat.request_id, member.id, inbound.text.strip(), services.clock())
    request = await uow.requests.get(chat.request_id)
    about = {"pseudonym": request.pseudonym if request else "?"} if chat.ended_at else {}
    # a note that records risk is a signal too (S7): a counselor is paged about the student
    return [Reply(saved, about),
            *await escalations.screen_note(uow, services, chat.student_chat_id, inbound.text)]


async def chats(uow: UnitOfWork, services: Services, inbound: Inbound,
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


async def handoff(uow: UnitOfWork, services: Services, inbound: Inbound,
                  member: Member) -> list[Effect]:
    chat = await focused(uow, member)
    if chat is None:
        return [Reply("staff-no-chat")]
    others = await _handoff_targets(uow, services, chat.request_id, member)
    rows = tuple((buttons.button(HANDOFF, "btn-handoff-to", str(chat.id), str(m.id),
                                 {"name": m.name}),) for m in others)
    any_row = ((buttons.button(HANDOFF, "btn-handoff-any", str(chat.id), "any"),),)
    return [Reply("handoff-choose", {"count": len(others)}, (*rows, *any_row))]


async def _handoff_targets(uow: UnitOfWork, services: Services, request_id: int,
                           member: Member) -> list[Member]:
    """Who can take this chat: on duty, trained, not resting, free capacity, the student's
    language."""
    request = await uow.requests.get(request_id)
    assert request is not None
    loads = await uow.sessions.loads()
    rest = await resting(uow, services, services.clock())
    supporters = {m.id: m for m in await uow.members.all("supporter")}
    ranked = rank([candidate(m, loads.get(m.id, 0), m.id in rest)
                   for m in supporters.values()],
                  Need(request.id, request.language, request.topic), exclude={member.id})
    return [supporters[c.member_id] for c in ranked]


# ---- buttons ----------------------------------------------------------------------------------


async def answer_offer(uow: UnitOfWork, services: Services, inbound: Inbound, member: Member,
                       data: ButtonData) -> list[Effect]:
    """``of:accept:<offer>`` / ``of:decline:<offer>``"""
    offer_id = data.id(1)
    if offer_id is None or len(data.parts) != 2:
        return [Reply("error-stale-button")]
    act = accept if data.part(0) == "accept" else decline
    return [ClearButtons(inbound.message_id), *await act(uow, services, member, offer_id)]


async def duty_on(uow: UnitOfWork, services: Services, inbound: Inbound, member: Member,
                  data: ButtonData) -> list[Effect]:
    """``dt:on:``"""
    if not member.trained:
        return [Reply("duty-needs-training")]
    return [ClearButtons(inbound.message_id),
            *(await go_on_duty(uow, services, member) or [Reply("duty-already")])]


async def duty_off(uow: UnitOfWork, services: Services, inbound: Inbound, member: Member,
                   data: ButtonData) -> list[Effect]:
    """``dt:off:``"""
    return [ClearButtons(inbound.message_id),
            *(await go_off_duty(uow, services, member) or [Reply("duty-already")])]


async def hand_over(uow: UnitOfWork, services: Services, inbound: Inbound, member: Member,
                    data: ButtonData) -> list[Effect]:
    """``ho:<chat>:<member or "any">``: offer the chat to another supporter."""
    chat_id = data.id(0)
    if chat_id is None:
        return [Reply("error-stale-button")]
    target = ":".join(data.parts[1:])
    cleared: list[Effect] = [ClearButtons(inbound.message_id)]
    chat = await uow.sessions.get(chat_id)
    if chat is None or chat.status != SessionStatus.ACTIVE or chat.supporter_id != member.id:
        return cleared + [Reply("error-stale-button")]
    request = await uow.requests.get(chat.request_id)
    assert request is not None
    if await uow.offers.pending_for_request(request.id) is not None:
        return cleared + [Reply("handoff-pending")]
    now = services.clock()
    others = await _handoff_targets(uow, services, request.id, member)
    chosen = next((m for m in others if str(m.id) == target), None)
    if chosen is None and target == "any" and others:
        chosen = others[0]  # the best candidate (matching order)
    if chosen is None:
        return cleared + [Reply("handoff-nobody")]
    await uow.audit.add(f"member:{member.id}", "handoff.requested", f"request:{request.id}",
                        {"to": chosen.id}, now)
    return cleared + [Reply("handoff-offered", {"name": chosen.name}),
                      *await offer_effects(uow, services, request, chosen, now)]


async def end_chat(uow: UnitOfWork, services: Services, inbound: Inbound, member: Member,
                   data: ButtonData) -> list[Effect]:
    """``en:<chat>:`` ends the chat; ``en:<chat>:keep`` (the answer to /end's question) keeps
    it, and the question says so in place."""
    chat_id = data.id(0)
    chat = await uow.sessions.get(chat_id) if chat_id is not None else None
    if chat is None or member.id not in (chat.supporter_id, chat.counselor_id):
        return [Reply("error-stale-button")]
    if data.part(1) == "keep":
        if chat.status != SessionStatus.ACTIVE:
            return [Reply("error-stale-button")]
        request = await uow.requests.get(chat.request_id)
        return [Reply("staff-end-kept", {"pseudonym": request.pseudonym if request else "?"},
                      edit=inbound.message_id or None)]
    return [ClearButtons(inbound.message_id),
            *await end_by_member(uow, services, chat, member)]


async def focus(uow: UnitOfWork, services: Services, inbound: Inbound, member: Member,
                data: ButtonData) -> list[Effect]:
    """``fx:focus:<chat>``: write to this student from now on."""
    chat_id = data.id(1)
    chat = await uow.sessions.get(chat_id) if chat_id is not None else None
    if chat is None or chat.status != SessionStatus.ACTIVE or member.id not in (
            chat.supporter_id, chat.counselor_id):
        return [Reply("error-stale-button")]
    member.focus_session_id = chat.id
    request = await uow.requests.get(chat.request_id)
    return [Reply("staff-focused", {"pseudonym": request.pseudonym if request else "?"})]
