"""Counselors' side of escalations: /cases, Acknowledge, Take over, resolve; supporters' /refer."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

from escalation import ladder
from escalation.case import CASE, HANDOVER, Case
from flows import buttons
from flows.buttons import ButtonData
from flows.types import SOS, ClearButtons, Effect, Inbound, Priority, Reply
from handlers import journey, screen
from handlers.context import KEYBOARDS_KEPT, Services
from handlers.dispatch import dispatch, leave_queue, withdraw_pending_offer
from handlers.escalations import (
    ACK_TIMER,
    FOLLOWUP_TIMER,
    OUTCOMES,
    SHOWN_WORDS,
    arm_followup,
    case_buttons,
    case_meta,
    clear_stale,
    held,
    ladder_state,
    live_for_chat,
    open_manual,
    outcome_rows,
    ping_params,
    readable,
    screen_note,
    shown,
    tell_chat_staff,
)
from handlers.sessions import arm_idle, chat_history, focused
from handlers.when import elapsed
from routing.lifecycles import RequestStatus, SessionStatus
from storage.models import CRISIS_TOPIC
from storage.program_models import ChatSession, Escalation, Member
from storage.uow import UnitOfWork

CRISIS = Priority.CRISIS
NOTE_FLOW = "case-note"
AWARE = "aware"  # meta of "a counselor has read your message": the case it is about
MERGE_AWARE = timedelta(minutes=2)  # an outcome this soon after it is written over it
# what an acknowledgement alone says; a take-over says more, once
ACKED_OTHERS = frozenset({"escalation-acked-others", "escalation-acked-others-coordinator"})
ACK_ONLY = frozenset({"escalation-acked", "escalation-acked-coordinator",
                      "crisis-counselor-aware", "crisis-team-aware", "crisis-acked-supporter"})


async def cases(uow: UnitOfWork, services: Services, inbound: Inbound,
                member: Member) -> list[Effect]:
    rows = await uow.escalations.unresolved()
    if not rows:
        return [Reply("cases-none")]
    now = services.clock()
    effects: list[Effect] = [Reply("cases-title", {"count": len(rows)})]
    for escalation in rows:
        params = await ping_params(uow, escalation, now)
        params["age"], params["age_unit"] = elapsed(now - escalation.created_at)
        ended = CASE.state_of(escalation) == Case.TAKEN_OVER and \
            not await held(uow, escalation)  # the counselor has it; the chat has ended
        params["state_key"] = "case-chat-ended" if ended else f"case-{escalation.status}"
        holder_id = escalation.taken_over_by or escalation.acknowledged_by
        holder = await uow.members.get(holder_id) if holder_id is not None else None
        params["holder"] = holder.name if holder is not None else "-"  # who to ask about it
        mine = escalation.taken_over_by == member.id
        shown = case_buttons(escalation, member.role, held=not (ended and mine))
        effects.append(Reply("cases-line", params, shown,
                             meta=case_meta(escalation, shown, listed=True)))
    return effects


async def refer(uow: UnitOfWork, services: Services, inbound: Inbound,
                member: Member) -> list[Effect]:
    chat = await focused(uow, member)
    if chat is None:
        return [Reply("staff-no-chat")]
    reason = inbound.text.strip()
    if not reason:
        return [Reply("refer-usage")]
    effects = await open_manual(uow, services, chat.student_chat_id, "refer", reason)
    return [*await _referred(uow, chat), *effects]


async def _referred(uow: UnitOfWork, chat: ChatSession) -> list[Effect]:
    """"A counselor is being contacted", unless the student is a practice student: then no
    counselor is (the trainee hears what would happen from handlers.practice.would_page)."""
    person = await uow.people.by_telegram_id(chat.student_chat_id)
    return [] if person is not None and person.practice_with is not None else \
        [Reply("refer-done")]


async def _acknowledge(uow: UnitOfWork, services: Services, escalation: Escalation,
                       member: Member) -> list[Effect]:
    now = services.clock()
    CASE.fire(escalation, "acknowledge")
    state = ladder.on_acknowledged(ladder_state(escalation), member.id)
    escalation.ladder = {**(escalation.ladder or {}), "acknowledged_by": member.id}
    escalation.acknowledged_by, escalation.acknowledged_at = member.id, now
    await uow.timers.cancel(ACK_TIMER, str(escalation.id))
    await arm_followup(uow, services, escalation)  # seen is not handled: check again later
    await uow.audit.add(f"member:{member.id}", "escalation.acknowledged",
                        f"escalation:{escalation.id}", {}, now)
    minutes = max(1, services.config.escalation.ack_followup // 60)
    rows = case_buttons(escalation, member.role)
    effects: list[Effect] = [
        Reply("escalation-acked" if member.role == "counselor" else
              "escalation-acked-coordinator", {"id": escalation.id, "minutes": minutes},
              rows, meta=case_meta(escalation, rows)),
        Reply("crisis-counselor-aware" if member.role == "counselor" else "crisis-team-aware",
              {"asked": _asked(escalation)},  # (a trial: "read your message" after a 🆘)
              to=escalation.student_chat_id, priority=CRISIS, keyboard=SOS,
              meta={AWARE: escalation.id}),  # (the outcome may be written over it: 🆘 now)
    ]
    # the supporter in the chat knows who has seen it and what comes next (a trial: they
    # heard nothing between "a counselor is being contacted" and the counselor, or nobody)
    effects += await tell_chat_staff(uow, escalation, "crisis-acked-supporter",
                                     {"name": member.name, "minutes": minutes,
                                      "counselor": "yes" if member.role == "counselor"
                                      else "no"}, but=member.id)
    for other_id in state.paged:
        other = await uow.members.get(other_id)
        if other is not None and other.id != member.id:
            # a coordinator's acknowledgement is not a counselor with the student: say so
            key = "escalation-acked-others" if member.role == "counselor" else \
                "escalation-acked-others-coordinator"
            effects.append(Reply(key, {"name": member.name, "id": escalation.id},
                                 to=other.telegram_id, priority=CRISIS))
    return effects


async def _take_over(uow: UnitOfWork, services: Services, escalation: Escalation,
                     member: Member) -> list[Effect]:
    if member.role != "counselor":
        return [Reply("not-allowed")]
    effects: list[Effect] = []
    # a counselor who went off duty asked for a colleague to take the case over (HANDOVER)
    leaving = await uow.members.get(escalation.taken_over_by or 0) \
        if (escalation.ladder or {}).get(HANDOVER) == escalation.taken_over_by else None
    if leaving is not None and leaving.id == member.id:
        leaving = None  # (their own Take over: the way back in, below)
    if escalation.taken_over_by not in (None, member.id) and leaving is None:
        other = await uow.members.get(escalation.taken_over_by or 0)  # never pull a
        return [Reply("escalation-already-acked",  # counselor out
                      {"name": other.name if other else "?"})]
    if CASE.state_of(escalation) == Case.TAKEN_OVER and leaving is None and \
            await held(uow, escalation):
        return [Reply("escalation-already-yours", {"id": escalation.id})]
    # whoever else was paged (or saw it) hears it was taken over, not only "seen" (a trial:
    # the coordinator read "seen, not taken over" at the second it was taken over)
    told = [] if CASE.state_of(escalation) == Case.TAKEN_OVER and leaving is None else [
        i for i in {*ladder_state(escalation).paged, escalation.acknowledged_by}  # (not:
        if i is not None and i not in (member.id, escalation.taken_over_by)]  # back into a
    # chat that ended)
    if CASE.state_of(escalation) == Case.OPEN:  # the supporter is told; the one taking over
        effects += [e for e in await _acknowledge(uow, services, escalation, member)  # and
                    if not (isinstance(e, Reply) and e.key in ACK_ONLY | ACKED_OTHERS)]  # the
        # student hear below
    for other_id in told:
        other = await uow.members.get(other_id)
        if other is not None and other.active:
            effects.append(Reply("escalation-taken-others", {"name": member.name,
                                                              "id": escalation.id},
                                 to=other.telegram_id, priority=CRISIS))
    now = services.clock()
    if CASE.state_of(escalation) != Case.TAKEN_OVER:  # else: back into a chat that ended
        CASE.fire(escalation, "take_over")
    escalation.taken_over_by = member.id
    await arm_followup(uow, services, escalation)  # checks the counselor is still there
    chat = await uow.sessions.active_for_student(escalation.student_chat_id)
    if chat is None:
        chat, withdrawn = await _session_for(uow, services, escalation)
        effects += withdrawn
    if leaving is None and chat.counselor_id not in (None, member.id):  # a case released
        leaving = await uow.members.get(chat.counselor_id or 0)  # while its counselor going
        # off duty was still in the chat (a new signal on it: handlers.escalations._update)
    if leaving is not None:  # from one counselor to the other: the one going off duty
        escalation.ladder = {k: v for k, v in (escalation.ladder or {}).items()  # leaves
                             if k != HANDOVER}
        if leaving.focus_session_id == chat.id:
            leaving.focus_session_id = None
        await uow.audit.add(f"member:{member.id}", "escalation.handed_over",
                            f"escalation:{escalation.id}", {"from": leaving.id}, now)
    chat.counselor_id = member.id
    member.focus_session_id = chat.id
    await arm_idle(uow, services, chat)
    await uow.audit.add(f"member:{member.id}", "escalation.taken_over",
                        f"escalation:{escalation.id}", {"session": chat.id}, now)
    request = await uow.requests.get(chat.request_id)
    asked = readable(uow.requests.description(request)) if request is not None else ""
    rows = outcome_rows(escalation)
    effects += [
        *await clear_stale(uow, escalation),  # nobody else's Acknowledge / Take over stays
        Reply("counselor-changed-student" if leaving is not None else
              "counselor-joined-student", to=escalation.student_chat_id, priority=CRISIS,
              keyboard=SOS),
        Reply("escalation-taken", {"pseudonym": request.pseudonym if request else "?",
                                   "recent": await chat_history(uow, services, chat, member,
                                                            escalation),
                                   # what they told when they asked for help (a trial: the
                                   # counselor never saw the intake's words of risk)
                                   "asked": "yes" if asked else "no",
                                   "description": shown(asked, SHOWN_WORDS),
                                   **await screen.so_far(uow, chat)},
              rows, meta=case_meta(escalation, rows)),
    ]
    supporter = await uow.members.get(chat.supporter_id) if chat.supporter_id else None
    if supporter is not None and supporter.id != member.id:
        effects.append(Reply("counselor-joined-supporter", {"name": member.name},
                             to=supporter.telegram_id, priority=CRISIS))
    if leaving is not None and leaving.active:
        effects.append(Reply("escalation-handed-over", {
            "name": member.name, "id": escalation.id,
            "pseudonym": request.pseudonym if request else "?"},
            to=leaving.telegram_id, priority=CRISIS))
    return effects


async def _session_for(uow: UnitOfWork, services: Services, escalation: Escalation
                       ) -> tuple[ChatSession, list[Effect]]:
    """A counselor takes over a student who is not (yet) chatting with a supporter: the chat,
    and what the supporter whose offer of the request is withdrawn is told."""
    now = services.clock()
    person = await uow.people.by_telegram_id(escalation.student_chat_id)
    assert person is not None
    request = await uow.requests.open_for(person.id)
    earlier = await uow.requests.get(escalation.request_id) if escalation.request_id else None
    if request is None and earlier is not None:  # the counselor opens the ended chat again
        request = await uow.requests.again(earlier, person.language, now)
        escalation.request_id = request.id
    if request is None:
        conversation = await uow.conversations.get(escalation.student_chat_id)
        data = conversation.data if conversation is not None else {}
        request = await uow.requests.create(
            person.id, topic=str(data.get("topic") or CRISIS_TOPIC), language=person.language,
            feeling=int(data.get("feeling", 1)),
            pseudonym=str(data.get("pseudonym") or person.pseudonym or "-"),
            description=str(data.get("description", "")), now=now,
        )
        escalation.request_id = request.id
    request.risk_level = max(request.risk_level, escalation.level)
    withdrawn = await withdraw_pending_offer(uow, request.id, now)
    if request.status == RequestStatus.QUEUED:
        await leave_queue(uow, request, "assign", now)
    chat = await uow.sessions.start(request, escalation.student_chat_id, None, now)
    await journey.move(uow, escalation.student_chat_id, "connect", now, {"session_id": chat.id})
    # the intake they were in is over: its question's buttons go (a trial: a topic tapped a
    # day later began a whole new intake)
    asked = await uow.outbox.live_buttons(escalation.student_chat_id, "in:",
                                          now - KEYBOARDS_KEPT)
    return chat, [*withdrawn, *(ClearButtons(m, to=escalation.student_chat_id) for m in asked)]


async def _outcome(uow: UnitOfWork, services: Services, escalation: Escalation,
                   member: Member, outcome: str) -> list[Effect]:
    if outcome not in OUTCOMES:
        return [Reply("error-stale-button")]
    handlers = (escalation.acknowledged_by, escalation.taken_over_by)
    if CASE.state_of(escalation) == Case.OPEN and member.id in handlers:  # open again (the
        # team is paged): the outcome button of their Seen, still on its way, is answered
        # with what is so, not "only the counselor who acknowledged" to the one who did (a
        # trial)
        return [Reply("escalation-resolve-open", {"id": escalation.id})]
    if not CASE.can(escalation, "resolve") or (member.id not in handlers
                                               and member.role != "coordinator"):
        return [Reply("escalation-resolve-not-yours")]
    holder = await uow.members.get(escalation.taken_over_by or 0)
    if holder is not None and holder.id != member.id and await held(uow, escalation):
        # a counselor is with the student: how it ended is theirs to say
        return [Reply("escalation-resolve-held", {"id": escalation.id, "name": holder.name})]
    now = services.clock()
    CASE.fire(escalation, "resolve")
    escalation.outcome, escalation.resolved_at = outcome, now
    told: list[Effect] = []
    for other_id in {i for i in handlers if i is not None and i != member.id}:
        other = await uow.members.get(other_id)
        if other is not None and other.active:  # nobody's case closes behind their back
            told.append(Reply("escalation-resolved-by", {
                "id": escalation.id, "name": member.name,
                "outcome_key": f"btn-outcome-{outcome}"}, to=other.telegram_id))
    for kind in (ACK_TIMER, FOLLOWUP_TIMER):
        await uow.timers.cancel(kind, str(escalation.id))
    await uow.audit.add(f"member:{member.id}", "escalation.resolved",
                        f"escalation:{escalation.id}", {"outcome": outcome}, now)
    if escalation.taken_over_by is None and escalation.source != "friend" and \
            outcome != "emergency":  # (seen) a student who pressed 🆘 was told a counselor
        # would come; the case was closed without a word to them
        told.append(await _closed_student(uow, services, escalation, outcome))
    cleared = [*await clear_stale(uow, escalation), *told,  # every button of the case, and
               *await dispatch(uow, services)]  # a supporter it held may take new requests
    if await uow.sessions.active_for_member(member.id):  # what they write next is for a
        return [*cleared, Reply("escalation-note-ask-command", {  # student: the note comes
            "id": escalation.id, "outcome_key": f"btn-outcome-{outcome}"})]  # by command
    await uow.conversations.save(member.telegram_id, NOTE_FLOW, "note",
                                 {"escalation": escalation.id}, now)
    return [*cleared, Reply("escalation-note-ask", {"id": escalation.id,
                                                    "outcome_key": f"btn-outcome-{outcome}"})]


def _asked(escalation: Escalation) -> str:
    """"yes" when the case is the student's own 🆘 (what the counselor saw is that they asked
    for one, not a message of theirs)."""
    return "yes" if escalation.source == "student" else "no"


async def _closed_student(uow: UnitOfWork, services: Services, escalation: Escalation,
                          outcome: str) -> Reply:
    """What the student hears of a case closed without a chat with them, with 🆘 (a trial:
    "press 🆘" with no 🆘 anywhere on the screen). Right after "a counselor has read your
    message" (the last thing they got, within ``MERGE_AWARE``), it is written over that
    message instead (a trial: the two came within three seconds, the second repeating the
    first)."""
    reply = Reply("escalation-closed-student", {"outcome": outcome,
                                                "asked": _asked(escalation)},
                  to=escalation.student_chat_id, keyboard=SOS)
    last = await uow.outbox.last_sent(escalation.student_chat_id)
    if last is not None and last[2].get(AWARE) == escalation.id and \
            services.clock() - last[1] <= MERGE_AWARE:
        return dataclasses.replace(reply, edit=last[0])  # (it brought the 🆘 key already)
    return reply


async def case_note(uow: UnitOfWork, services: Services, inbound: Inbound,
                    member: Member) -> list[Effect] | None:
    """The text after resolving is the case note (``/skip`` for none). None: not in that step."""
    conversation = await uow.conversations.get(inbound.chat_id)
    if conversation is None or conversation.flow != NOTE_FLOW:
        return None
    if inbound.kind == "command" and inbound.command != "skip":
        await uow.conversations.delete(inbound.chat_id)
        return None
    escalation = await uow.escalations.get(int(conversation.data["escalation"]))
    await uow.conversations.delete(inbound.chat_id)
    if escalation is not None and inbound.kind == "text" and inbound.text.strip():
        uow.escalations.set_note(escalation, inbound.text.strip())
        return [Reply("escalation-resolved"),  # screened as every note is
                *await screen_note(uow, services, escalation.student_chat_id, inbound.text)]
    return [Reply("escalation-resolved-no-note")]


async def casenote(uow: UnitOfWork, services: Services, inbound: Inbound,
                   member: Member) -> list[Effect]:
    """``/casenote <case> <note>``: the note on a case someone resolved while still chatting."""
    number, _, note = inbound.text.strip().partition(" ")
    case_id = buttons.ident(number.lstrip("#"))
    case = await uow.escalations.get(case_id) if case_id is not None else None
    if case_id is not None and case is None:
        return [Reply("casenote-no-case", {"id": case_id})]
    if case is not None and CASE.state_of(case) != Case.RESOLVED:
        return [Reply("casenote-still-open", {"id": case.id})]
    if case is None or not note.strip() or (
            member.id not in (case.acknowledged_by, case.taken_over_by)
            and member.role != "coordinator"):
        return [Reply("casenote-usage")]
    uow.escalations.set_note(case, note.strip())
    # a note that records new risk (as /note in a chat) pages as a referral would
    return [Reply("escalation-note-saved", {"id": case.id}),
            *await screen_note(uow, services, case.student_chat_id, note)]


# ---- buttons on a case card (who may press which: handlers.registry) ---------------------------


async def refer_button(uow: UnitOfWork, services: Services, inbound: Inbound, member: Member,
                       data: ButtonData) -> list[Effect]:
    """``es:refer:<chat>``: the one-tap *Refer* a supporter is shown on a concern."""
    chat_id = data.id(1)
    chat = await uow.sessions.get(chat_id) if chat_id is not None else None
    if chat is None or chat.status != SessionStatus.ACTIVE or chat.supporter_id != member.id:
        return [Reply("error-stale-button")]
    case = await live_for_chat(uow, chat.student_chat_id)
    if case is not None:  # pressed twice, or a counselor is already being paged: once is enough
        return [ClearButtons(inbound.message_id), Reply("refer-already", {"id": case.id})]
    return [ClearButtons(inbound.message_id), *await _referred(uow, chat),
            *await open_manual(uow, services, chat.student_chat_id, "refer", "")]


async def _open_case(uow: UnitOfWork, data: ButtonData) -> Escalation | Reply:
    """The case a button is about, or what to answer when there is none to act on."""
    case_id = data.id(1)
    escalation = await uow.escalations.get(case_id) if case_id is not None else None
    if escalation is None:
        return Reply("error-stale-button")
    if CASE.state_of(escalation) == Case.RESOLVED:
        return Reply("escalation-closed")
    return escalation


async def acknowledge_button(uow: UnitOfWork, services: Services, inbound: Inbound,
                             member: Member, data: ButtonData) -> list[Effect]:
    """``es:ack:<case>``"""
    escalation = await _open_case(uow, data)
    if isinstance(escalation, Reply):
        return [escalation]
    if not CASE.can(escalation, "acknowledge"):
        if member.id in (escalation.acknowledged_by, escalation.taken_over_by):  # their own
            rows = case_buttons(escalation, member.role)
            return [Reply("escalation-you-acked", {  # what they can do now (a trial: a
                "id": escalation.id,  # coordinator was told to take it over; she cannot)
                "state": "taken" if escalation.taken_over_by == member.id else member.role},
                rows, meta=case_meta(escalation, rows))]
        other = await uow.members.get(escalation.taken_over_by or escalation.acknowledged_by
                                      or 0)  # seen is not handled (a trial): which it is
        return [Reply("escalation-already-acked" if escalation.taken_over_by else
                      "escalation-already-seen", {"name": other.name if other else "?"})]
    return [ClearButtons(inbound.message_id),
            *await _acknowledge(uow, services, escalation, member)]


async def take_over_button(uow: UnitOfWork, services: Services, inbound: Inbound,
                           member: Member, data: ButtonData) -> list[Effect]:
    """``es:take:<case>``"""
    escalation = await _open_case(uow, data)
    if isinstance(escalation, Reply):
        return [escalation]
    return [ClearButtons(inbound.message_id),
            *await _take_over(uow, services, escalation, member)]


async def outcome_button(uow: UnitOfWork, services: Services, inbound: Inbound,
                         member: Member, data: ButtonData) -> list[Effect]:
    """``es:out:<case>:<outcome>``"""
    if len(data.parts) != 3:
        return [Reply("error-stale-button")]
    escalation = await _open_case(uow, data)
    if isinstance(escalation, Reply):
        return [escalation]
    return [ClearButtons(inbound.message_id),
            *await _outcome(uow, services, escalation, member, data.part(2))]
