"""Sessions: accepting offers (race-safe), relaying text both ways, ending, handing over."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from escalation.case import CASE, Case
from escalation.detector import RiskLevel
from flows import screening
from flows.buttons import button
from flows.safety_plan import PLAN
from flows.session import FEEDBACK_MACHINE
from flows.types import NO_SOS, SOS, Button, ClearButtons, Copy, Effect, Priority, Reply
from handlers import escalations, journey, practice, selfhelp, wellbeing
from handlers.context import Services, machine_context
from handlers.dispatch import (
    COOLDOWN,
    RISK_MEMORY,
    arm_unattended,
    dispatch,
    leave_queue,
    offer_outcome,
    resting,
    settle_offer,
    student_chat,
    wait_news,
)
from routing.lifecycles import OfferStatus, RequestStatus, SessionStatus
from storage.models import HelpRequest, Person
from storage.program_models import ChatSession, Escalation, Member
from storage.program_repos import SCREENING
from storage.uow import UnitOfWork

FOCUS = "fx"
FOLLOWUP = "fu"  # the student's buttons after a chat (handlers.student.followup_answer)
PRACTICE_OVER = "practice"  # who ended a practice chat: the sandbox's training (end_practice)
BLOCKED = "blocked"  # who ended a chat: a coordinator blocked the student (handlers.blocks)
HANDBACK = "handback"  # timer kind: a chat held by someone who went off duty goes back


async def arm_idle(uow: UnitOfWork, services: Services, chat: ChatSession,
                   warned: bool = True) -> None:
    """The chat's idle check moves to its last activity + ``idle_close``; its closing, armed
    only with the gentle check (``idle_warned``), is cancelled. ``warned=False``: the chat
    was not warned before this activity, so no closing is armed (#14: one statement fewer
    per relayed message)."""
    due = chat.last_activity_at + timedelta(seconds=services.config.routing.idle_close)
    await uow.timers.set("idle_check", str(chat.id), due)
    if warned:
        await uow.timers.cancel("idle_close", str(chat.id))


async def accept(uow: UnitOfWork, services: Services, member: Member,
                 offer_id: int) -> list[Effect]:
    now = services.clock()
    offer = await uow.offers.get(offer_id)
    if offer is None or offer.member_id != member.id:
        return [Reply("offer-not-yours")]
    if offer.status == OfferStatus.ACCEPTED and any(  # pressed twice: the chat is theirs
            c.request_id == offer.request_id for c in await uow.sessions.active_for_member(
                member.id)):
        taken = await uow.requests.get(offer.request_id)
        return [Reply("offer-already-yours",
                      {"pseudonym": taken.pseudonym if taken is not None else "?"})]
    if offer.status != OfferStatus.PENDING:
        again = await uow.offers.pending_for_request(offer.request_id)
        if again is not None and again.member_id == member.id:  # the old message's button
            return [Reply("offer-offered-again")]
        return [Reply("offer-gone")]
    request = await uow.requests.lock(offer.request_id)
    student = await student_chat(uow, request) if request is not None else 0
    existing = await uow.sessions.active_for_student(student) if request is not None else None
    handoff = request is not None and request.status == RequestStatus.ACTIVE and \
        existing is not None
    if request is None or not (handoff or request.status == RequestStatus.QUEUED):
        await settle_offer(uow, offer, "withdraw", now)
        return [Reply("offer-gone")]
    practice_of = await practice.for_request(uow, request)
    if practice_of is not None and practice_of.id != member.id:
        await settle_offer(uow, offer, "withdraw", now)  # (the practice moved to another
        return [Reply("offer-gone")]                      # trainee)
    if practice_of is None and not (member.on_duty and member.trained and member.active):
        return [Reply("duty-required")]  # (practice is how a trainee gets trained)
    await settle_offer(uow, offer, "accept", now)
    member.last_assigned_at = now
    if handoff and existing is not None:
        return await _take_handoff(uow, services, member, request, existing)
    await leave_queue(uow, request, "assign", now)
    chat = await uow.sessions.start(request, student, member.id, now)
    member.focus_session_id = chat.id
    waiting = await uow.conversations.get(student)  # (what they wrote while waiting)
    concern = str(waiting.data.get(escalations.WAITING_CONCERN, "")) if waiting else ""
    await journey.move(uow, student, "connect", now, {"session_id": chat.id})
    await arm_idle(uow, services, chat)
    await uow.audit.add(f"member:{member.id}", "session.started", f"request:{request.id}",
                        {"session": chat.id}, now)
    case = await uow.escalations.unresolved_for_chat(student) if practice_of is None else None
    gone = await _holder_away(uow, case)
    # the counselor who holds the case is no longer active: nobody would read that the
    # student is back, so the case goes back to the ladder (and the briefing says it pages)
    paged = await escalations.counselor_left(uow, services, student, gone) \
        if gone is not None and not gone.active else []
    effects: list[Effect] = [
        # the name they are known by (an open case's may not be the one they just picked)
        Reply("session-started-student", {"pseudonym": request.pseudonym},
              ((button("ss", "btn-counselor-now", "counselor"),),), to=student),
        *await briefing(uow, services, member, request), *paged,
    ]
    if case is not None:
        effects += await tell_holder(uow, case, request, member)
    earlier = await uow.sessions.handed_back(request.id)
    if earlier is not None:  # their supporter had to leave: what was said, and that they know
        effects.append(Reply("handback-history", {
            "recent": await chat_history(uow, services, earlier, member),
            "who": "you" if await _left_by(uow, request, member) else "other"},
            to=member.telegram_id))
    effects += await escalations.waiting_concern(uow, chat, concern)
    if case is not None:
        # a student in crisis has their attention: the other students offered to them go
        # to someone else (S17; found by the model: an offer made the same minute stayed)
        effects += await withdraw_offers(uow, member, now)
    return effects + await dispatch(uow, services)


async def _left_by(uow: UnitOfWork, request: HelpRequest, member: Member) -> bool:
    """Did ``member`` hold this request's chat before it went back to the queue? (A trial: the
    supporter who left it and took it again read it had been with "another supporter".) The
    offer they take now is accepted already: the one before it says who held it."""
    accepted = await uow.offers.accepted(request.id)
    return len(accepted) > 1 and accepted[-2] == member.id


async def briefing(uow: UnitOfWork, services: Services, member: Member,
                   request: HelpRequest) -> list[Effect]:
    """What a supporter needs to start: the request, notes so far, their boundaries."""
    notes = await uow.notes.for_request(request.id)
    params: dict[str, str | int] = {
        "practice": await _practice(uow, request),  # 🎓: a scripted student, not a real one
        "pseudonym": request.pseudonym, "topic_key": f"topic-{request.topic}",
        "feeling": request.feeling, "description": uow.requests.description(request),
        "notes": "\n".join(f"• {n}" for n in notes), "noted": "yes" if notes else "no",
    }
    effects: list[Effect] = [Reply("session-started-supporter", params, to=member.telegram_id)]
    case = await uow.escalations.unresolved_for_chat(await student_chat(uow, request))
    holder = await _holder_away(uow, case)
    if case is not None and (CASE.state_of(case) != Case.TAKEN_OVER or holder is not None):
        # why this student matters, as the case is now: the counselors are paged, one has
        # seen it, or one took it over and their chat with the student ended (a trial: a
        # returning student's supporter read only "kasus #2 masih terbuka" in the offer; a
        # case open again, its pings saying nobody handled it, read "Pak Budi has it in
        # hand" here: he had pressed Seen before)
        about = await escalations.ping_params(uow, case, services.clock())
        if holder is not None:
            state, name = "held", holder.name
        elif CASE.state_of(case) == Case.OPEN:
            state = "reopened" if about.get("seen") == "yes" else "paging"
            name = str(about.get("seen_by", "-"))
        else:  # a coordinator who saw it takes nobody over: a counselor is still sought (a
            # trial: "Bu Sari has it in hand and may join this chat")
            acked = await uow.members.get(case.acknowledged_by or 0)
            state = "seen" if acked is None or acked.role != "counselor" else "acked"
            name = acked.name if acked is not None else "-"
        about = {**about, "acked": name, "state": state}
        effects.append(Reply("briefing-case-open", about, to=member.telegram_id))
    elif case is None:  # (seen) after a crisis chat, "yes, a peer supporter too": the
        # supporter's briefing did not say a counselor had just been with the student
        earlier = await uow.escalations.latest_since(await student_chat(uow, request),
                                                     services.clock() - RISK_MEMORY)
        if earlier is not None and earlier.outcome:
            effects.append(Reply("briefing-case-earlier", {
                "pseudonym": request.pseudonym, "id": earlier.id,
                "outcome_key": f"btn-outcome-{earlier.outcome}"}, to=member.telegram_id))
    answers = screening.decode(request.screening)
    if answers:  # the intake's or a chat's (/screen) screening: what they answered ("rather
        # not say": ask gently)
        effects.append(Reply("briefing-asq", {**screening.params(answers),
                                              "answers_key": screening.ANSWERS_KEY,
                                              "where": "chat" if screening.in_chat(
                                                  request.screening) else "intake"},
                             to=member.telegram_id))
        if screening.level(answers) == RiskLevel.CONCERN:
            effects.append(Reply("briefing-asq-gently", to=member.telegram_id))
    effects += await selfhelp.briefing(uow, services, await uow.people.get(request.person_id),
                                       request.created_at, request.pseudonym,
                                       member.telegram_id)
    return effects


async def _holder_away(uow: UnitOfWork, case: Escalation | None) -> Member | None:
    """The counselor who took ``case`` over and is not in the student's chat now (that chat
    ended with the case still open); None if nobody holds it so, or they are in the chat."""
    if case is None or CASE.state_of(case) != Case.TAKEN_OVER or case.taken_over_by is None:
        return None
    chat = await uow.sessions.active_for_student(case.student_chat_id)
    if chat is not None and chat.counselor_id == case.taken_over_by:
        return None
    return await uow.members.get(case.taken_over_by)


async def tell_holder(uow: UnitOfWork, case: Escalation, request: HelpRequest,
                      member: Member) -> list[Effect]:
    """``member`` (a peer supporter) now chats with a student whose open ``case`` a counselor
    holds (took over, or saw as a counselor): that counselor hears it, with the case's buttons
    (a trial: the counselor holding the case of a returning student knew nothing of it)."""
    holder = await _holder_away(uow, case)
    if holder is None and CASE.state_of(case) == Case.ACKNOWLEDGED:
        acked = await uow.members.get(case.acknowledged_by or 0)
        holder = acked if acked is not None and acked.role == "counselor" else None
    if holder is None or not holder.active or holder.id == member.id:
        return []
    rows = escalations.case_buttons(case, holder.role, held=False)
    return [Reply("escalation-student-with-supporter", {
        "id": case.id, "pseudonym": request.pseudonym, "name": member.name}, rows,
        to=holder.telegram_id, priority=Priority.HIGH,
        meta=escalations.case_meta(case, rows))]


async def _practice(uow: UnitOfWork, request: HelpRequest) -> str:
    """"yes" for a practice request (its messages to the trainee are marked 🎓), else "no"."""
    return "yes" if await practice.for_request(uow, request) is not None else "no"


async def _had_a_supporter_before(uow: UnitOfWork, chat: ChatSession) -> bool:
    """Seen (newcomer hour): a student who left her supporter's chat, and whom a counselor then
    wrote to in a chat of their own, was offered "the peer supporter you asked for" at its end,
    as if she had only ever talked with a counselor."""
    earlier = await uow.sessions.ended_for_student_since(
        chat.student_chat_id, chat.started_at - timedelta(days=1), before=chat.id)
    return earlier is not None and (earlier.supporter_id is not None or
                                    bool(await uow.offers.accepted(earlier.request_id)))


async def chat_history(uow: UnitOfWork, services: Services, chat: ChatSession,
                       reader: Member, case: Escalation | None = None) -> str:
    """The chat so far, one line per message, labelled by who wrote it in the reader's
    language (the rest of the message is rendered in it too when it is queued). Before any
    chat (the student wrote during intake or while waiting): the words that opened ``case``."""
    person = await uow.people.by_telegram_id(reader.telegram_id)
    language = person.language if person is not None else services.catalog.default
    history = (await uow.sessions.messages(chat.id))[-10:]
    if len(history) < 10 and case is not None:  # a supporter left before this chat: what
        # the student said to them too (a trial: a counselor taking over read only the new
        # chat, not "kak aku takut banget gagal" said to the supporter who left)
        left = await uow.sessions.handed_back(chat.request_id)
        if left is not None and left.id != chat.id:
            history = [*(await uow.sessions.messages(left.id)), *history][-10:]
    if not history and case is not None:  # seen (newcomer hour): the student left the chat
        # with their supporter before a counselor came; the counselor reopening it read only
        # the words that opened the case, not what the student and the supporter said
        ended = await uow.sessions.ended_for_student_since(chat.student_chat_id,
                                                           case.created_at)
        if ended is not None and ended.id != chat.id:
            history = (await uow.sessions.messages(ended.id))[-10:]
    opened_with = "" if case is None else uow.escalations.words(case)
    if opened_with and not history:
        history = [("student", opened_with)]
    elif opened_with and all(text != opened_with for _, text in history) and \
            opened_with != await _asked(uow, chat):  # (a trial: a chat opened again showed
        # its last ten lines, not the pills message that opened the case, said before them)
        history = [("opened", opened_with), ("cut", ""), *history]
    if not history:
        return services.catalog.render(language, "history-empty")
    return "\n".join(_history_line(services, language, who, text) for who, text in history)


def _history_line(services: Services, language: str, who: str, text: str) -> str:
    if who == "cut":
        return services.catalog.render(language, "history-cut")
    if who == SCREENING:  # a /screen answer: its question, and the answer
        question, _, answer = text.partition("=")
        return services.catalog.render(language, "history-asq",
                                       {"question": question, "answer": answer})
    return f"{services.catalog.render(language, f'history-{who}')}: {text}"


async def keep_while_waiting(uow: UnitOfWork, services: Services, person: Person,
                             text: str) -> None:
    """A waiting student's words (told nobody reads them yet) whose request was in a chat
    before, handed back: kept with that chat, so the next supporter, or a counselor taking
    the case over, reads them in order (a trial: a counselor's take-over left out what the
    student wrote between their supporter leaving and the next one joining)."""
    request = await uow.requests.open_for(person.id)
    left = await uow.sessions.handed_back(request.id) if request is not None else None
    if left is not None:
        await uow.sessions.record_waiting(left, text, services.clock())


async def _asked(uow: UnitOfWork, chat: ChatSession) -> str:
    """What the student wrote when they asked for help (shown apart, in the take-over)."""
    request = await uow.requests.get(chat.request_id)
    return uow.requests.description(request) if request is not None else ""


async def _take_handoff(uow: UnitOfWork, services: Services, member: Member,
                        request: HelpRequest, chat: ChatSession) -> list[Effect]:
    now = services.clock()
    previous = await uow.members.get(chat.supporter_id) if chat.supporter_id else None
    chat.supporter_id = member.id
    member.focus_session_id = chat.id
    await uow.audit.add(f"member:{member.id}", "session.handed_over", f"request:{request.id}",
                        {"session": chat.id, "from": previous.id if previous else None}, now)
    effects: list[Effect] = [Reply("session-handed-over-student", to=chat.student_chat_id)]
    if previous is not None:
        effects.append(Reply("handoff-done", {"pseudonym": request.pseudonym},
                             to=previous.telegram_id))
    effects += await briefing(uow, services, member, request)
    # joining a chat in the middle: what was said, and who else is in it (a crisis case)
    params: dict[str, str | int] = {"recent": await chat_history(uow, services, chat, member)}
    counselor = await uow.members.get(chat.counselor_id) if chat.counselor_id else None
    case = await uow.escalations.unresolved_for_chat(chat.student_chat_id)
    key = "handoff-history"
    if counselor is not None and case is not None:
        key = "handoff-history-counselor"
        params |= {"name": counselor.name, "id": case.id,
                   "level_key": f"risk-{case.level}"}
    return [*effects, Reply(key, params, to=member.telegram_id)]


async def decline(uow: UnitOfWork, services: Services, member: Member,
                  offer_id: int) -> list[Effect]:
    offer = await uow.offers.get(offer_id)
    if offer is None or offer.member_id != member.id:
        return [Reply("offer-not-yours")]
    if offer.status != OfferStatus.PENDING:
        return [Reply("offer-gone")]
    now = services.clock()
    await settle_offer(uow, offer, "decline", now)
    await uow.audit.add(f"member:{member.id}", "offer.declined", f"request:{offer.request_id}",
                        {"offer": offer.id}, now)
    request = await uow.requests.get(offer.request_id)
    failed = (await handoff_failed(uow, request, member)
              if request is not None and request.status == RequestStatus.ACTIVE else [])
    effects = await dispatch(uow, services)
    told = await offer_outcome(uow, request, member, "declined")
    return [*told, *failed, *effects]


async def release(uow: UnitOfWork, services: Services, chat: ChatSession,
                  student_key: str = "session-supporter-unavailable") -> list[Effect]:
    """Nobody from the team can stay in this chat (left, deactivated): the student goes back
    to the front of the queue, keeping their risk, and is told; nothing is dropped."""
    return await _requeue(uow, services, chat, student_key) + await dispatch(uow, services)


async def _case_news(uow: UnitOfWork, services: Services, case: Escalation,
                     request: HelpRequest) -> tuple[str, list[Effect]]:
    """The student's open case, as their chat goes back to the queue: "paging" (the
    counselors are paged), "held" (a counselor took it over or saw it, and is told the
    student is waiting again) or "seen" (a coordinator saw it, and is told so)."""
    state = CASE.state_of(case)
    if state == Case.OPEN:
        return "paging", []
    holder = await uow.members.get(
        (case.taken_over_by if state == Case.TAKEN_OVER else case.acknowledged_by) or 0)
    if holder is None or not holder.active:
        if state == Case.TAKEN_OVER and holder is not None:  # gone: the ladder pages
            return "paging", await escalations.counselor_left(
                uow, services, case.student_chat_id, holder)
        return "paging", []
    rows = escalations.case_buttons(case, holder.role, held=False)
    return "held" if holder.role == "counselor" else "seen", [Reply(
        "escalation-student-waiting-again", {"id": case.id, "pseudonym": request.pseudonym,
                                             "reader": holder.role}, rows,
        to=holder.telegram_id, priority=Priority.CRISIS,
        meta=escalations.case_meta(case, rows))]


async def _requeue(uow: UnitOfWork, services: Services, chat: ChatSession,
                   student_key: str, extra: dict[str, str | int] | None = None
                   ) -> list[Effect]:
    now = services.clock()
    request = await uow.requests.get(chat.request_id)
    assert request is not None
    await uow.sessions.close(chat, "handback", now)
    for kind in ("idle_check", "idle_close", HANDBACK):
        await uow.timers.cancel(kind, str(chat.id))
    if blocked_now(await uow.people.get(request.person_id), now):  # blocked from peer
        # chats: not back in the queue
        await uow.requests.fire(request, "close", now)
        await journey.move(uow, chat.student_chat_id, "blocked", now)
        await uow.audit.add("system", "session.released", f"request:{request.id}",
                            {"session": chat.id, "blocked": True}, now)
        return [Reply(student_key, {"wait": "open", "opens": "-", **(extra or {})},
                      to=chat.student_chat_id),
                Reply("blocked-student-short", to=chat.student_chat_id, keyboard=SOS)]
    await uow.requests.fire(request, "hand_back", now)  # routing.queue: front of the line
    request.last_position, request.wait_told = None, None
    await arm_unattended(uow, services, request, now)
    await journey.move(uow, chat.student_chat_id, "hand_back", now,
                       {"pseudonym": request.pseudonym})
    await uow.audit.add("system", "session.released", f"request:{request.id}",
                        {"session": chat.id}, now)
    # nobody on duty who could take it, or the program closed, is said here, with the
    # numbers once (not again by the dispatch that follows)
    return [Reply(student_key, {**await wait_news(uow, services, request, now),
                                **(extra or {})}, to=chat.student_chat_id)]


async def withdraw_offers(uow: UnitOfWork, member: Member, now: datetime) -> list[Effect]:
    """Offers waiting for this member go back to the queue (their timers with them; their
    buttons cleared)."""
    effects: list[Effect] = []
    for offer in await uow.offers.pending_for_member(member.id):
        effects += await settle_offer(uow, offer, "withdraw", now)
    return effects


async def withdraw_member(uow: UnitOfWork, services: Services,
                          member: Member) -> list[Effect]:
    """A member is deactivated or removed: their offers and chats move on, nothing strands."""
    return await hand_back_now(uow, services, member)


async def hand_back_now(uow: UnitOfWork, services: Services, member: Member) -> list[Effect]:
    """This member can no longer be reached (deactivated, blocked the bot): off duty, their
    pending offers withdrawn, and each of their chats handed back at once — a chat they share
    with a colleague stays with the colleague; a chat they held alone goes back to the front
    of the queue for the next supporter (with the notes so far). Everyone left is told; the
    member is not (they may not be able to read it)."""
    now = services.clock()
    if member.on_duty:
        member.on_duty, member.duty_changed_at = False, now
    effects = await withdraw_offers(uow, member, now)
    for chat in await uow.sessions.active_for_member(member.id):
        effects += await hand_back(uow, services, chat, member, tell_member=False,
                                   student_key="session-supporter-unavailable")
    return effects + await dispatch(uow, services)


async def hand_back(uow: UnitOfWork, services: Services, chat: ChatSession, member: Member,
                    *, tell_member: bool = True,
                    student_key: str = "handback-student") -> list[Effect]:
    """``member`` leaves this chat (without calling dispatch: the caller does, once)."""
    now = services.clock()
    request = await uow.requests.get(chat.request_id)
    assert request is not None
    role = "counselor" if chat.counselor_id == member.id else "supporter"
    if chat.supporter_id == member.id:
        chat.supporter_id = None
    if chat.counselor_id == member.id:
        chat.counselor_id = None
    if member.focus_session_id == chat.id:
        member.focus_session_id = None
    await uow.audit.add("system", "session.handed_back", f"request:{request.id}",
                        {"session": chat.id, "member": member.id}, now)
    params: dict[str, str | int] = {"pseudonym": request.pseudonym}
    # the chat's Hand over / End buttons they were shown (going off duty) go with it (a
    # trial: they stayed live after the timer handed the chat back)
    effects: list[Effect] = await _clear_chat_buttons(uow, chat, member)
    if tell_member:
        effects.append(Reply("handback-done", params, to=member.telegram_id))
    # their crisis case goes back to paging, said after the student and whoever stays in the
    # chat hear the counselor left (a trial: "we're still here, getting a counselor" came
    # before "the counselor had to leave")
    paging = await escalations.counselor_left(uow, services, chat.student_chat_id, member) \
        if role == "counselor" else []
    if role == "supporter" and await practice.for_request(uow, request) is None and \
            await crisis_in(uow, chat, counselor=False):  # a supporter who leaves a crisis
        # chat rests, as at its end
        effects += await _rest(uow, services, chat, True, now, leaving=member)
    staying = [m for m in await uow.sessions.staff(chat) if m.active]
    if not staying:
        case = await uow.escalations.unresolved_for_chat(chat.student_chat_id) \
            if student_key == "handback-student" else None
        # who left is said as who they were (a trial: a counselor who went off duty was
        # "your supporter", and the student read of the next supporter only)
        extra: dict[str, str | int] = {"who": role}
        if case is not None:
            # the counselor being paged is said too (a trial: "the next supporter will
            # read your request", and not a word of the counselor on their way), or who
            # knows of the case, and they are told (a trial: "a counselor is still being
            # contacted" while the case only reminded its counselor of its outcome); a
            # counselor who left released their case above: it pages
            student_key = "handback-student-case"
            said, told = await _case_news(uow, services, case, request)
            extra, paging = {**extra, "case": said}, paging + told
        return effects + await _requeue(uow, services, chat, student_key, extra) + paging
    stays = "counselor" if chat.counselor_id == staying[0].id else "supporter"
    urgent = Priority.CRISIS if paging else Priority.NORMAL  # (before the pages' news)
    effects.append(Reply("handback-student-stays", {"role_key": f"role-{role}",
                                                    "stays_key": f"role-{stays}"},
                         to=chat.student_chat_id, priority=urgent))
    effects += [Reply("handback-colleague", {**params, "role_key": f"role-{role}"},
                      to=m.telegram_id, priority=urgent) for m in staying]
    return effects + paging


async def _clear_chat_buttons(uow: UnitOfWork, chat: ChatSession,
                              member: Member) -> list[Effect]:
    """The messages in ``member``'s chat whose buttons act on this chat (``ho:<chat>:``
    Hand over, ``en:<chat>:`` End: handlers.duty, handlers.staff) and are still shown, to be
    cleared; none for someone who blocked the bot (nothing reaches them)."""
    person = await uow.people.by_telegram_id(member.telegram_id)
    if person is not None and person.blocked_bot:
        return []
    live: set[int] = set()
    for prefix in (f"ho:{chat.id}:", f"en:{chat.id}:"):
        live.update(await uow.outbox.live_buttons(member.telegram_id, prefix,
                                                  chat.started_at))
    return [ClearButtons(m, to=member.telegram_id) for m in sorted(live)]


async def handoff_failed(uow: UnitOfWork, request: HelpRequest,
                         declined_by: Member | None) -> list[Effect]:
    """A handover offer was declined or expired: the supporter who asked keeps the chat."""
    chat = await uow.sessions.active_for_student(await student_chat(uow, request))
    holder = await uow.members.get(chat.supporter_id) if chat and chat.supporter_id else None
    if holder is None:
        return []
    return [Reply("handoff-failed", {"pseudonym": request.pseudonym,
                                     "name": declined_by.name if declined_by else "-"},
                  to=holder.telegram_id)]


async def relay_to_supporters(uow: UnitOfWork, services: Services, chat: ChatSession,
                              text: str) -> list[Effect]:
    """A student's message: stored encrypted, shown to the supporter (and counselor)."""
    now = services.clock()
    warned = chat.idle_warned
    said = await uow.sessions.record(chat, "student", text, now)
    await arm_idle(uow, services, chat, warned)
    request = await uow.requests.get(chat.request_id)
    assert request is not None
    params: dict[str, str | int] = {"pseudonym": request.pseudonym, "text": text,
                                    "practice": await _practice(uow, request)}
    # told if Telegram refuses it; where it lands is kept, so a reply to it finds this chat
    refused = {"relay_from": chat.student_chat_id, "said": said}
    effects: list[Effect] = []
    for member in await uow.sessions.staff(chat):
        if not member.active:
            continue
        # their focus is this chat (which is active, with them in it): ``focused`` would
        # find it among their active chats; no need to read those (#14)
        here = member.focus_session_id == chat.id and chat.status == SessionStatus.ACTIVE
        target = chat if here else await focused(uow, member)
        if target is not None and target.id == chat.id:
            effects.append(Reply("relay-from-student", params, to=member.telegram_id,
                                 meta=refused))
            continue
        # their plain text goes to another student (or to nobody yet): say so, one tap away
        keyboard = ((button(FOCUS, "btn-reply-to", "focus", str(chat.id),
                            {"pseudonym": request.pseudonym}),),)
        effects.append(Reply("relay-from-student-other", params, keyboard,
                             to=member.telegram_id, meta=refused))
    if not effects:  # nobody is there to read it: never relay into the void
        return await release(uow, services, chat)
    return effects


async def relay_media(uow: UnitOfWork, services: Services, chat: ChatSession, sender: str,
                      from_chat: int, message_id: int, kind: str) -> list[Effect]:
    """A photo/voice/file in a session: forwarded without its sender only if
    ``routing.allow_media`` is on (it can reveal who someone is); else both sides know why."""
    if not services.config.routing.allow_media:
        told: list[Effect] = [Reply("relay-media-unsupported")]
        if sender == "student":  # the team knows something came that they cannot see
            request = await uow.requests.get(chat.request_id)
            for member in await uow.sessions.staff(chat):
                told.append(Reply("relay-media-withheld", {
                    "pseudonym": request.pseudonym if request else "?", "kind": kind},
                    to=member.telegram_id))
        return told
    now = services.clock()
    warned = chat.idle_warned
    await uow.sessions.record(chat, sender, f"[{kind}]", now)
    await arm_idle(uow, services, chat, warned)
    request = await uow.requests.get(chat.request_id)
    assert request is not None
    if sender == "student":
        recipients = [m for m in [await uow.members.get(i) for i in
                                  (chat.supporter_id, chat.counselor_id) if i] if m]
        label = Reply("relay-media-from-student", {"pseudonym": request.pseudonym})
        return [effect for member in recipients for effect in (
            Reply(label.key, label.params, to=member.telegram_id),
            Copy(from_chat, message_id, to=member.telegram_id))]
    return [Reply(f"relay-media-from-{sender}", to=chat.student_chat_id),
            Copy(from_chat, message_id, to=chat.student_chat_id)]


def passed_as_text(told: list[Effect], key: str) -> list[Effect]:
    """``relay_media``'s answer when a withheld photo's caption goes on as text: the sender
    hears that their words were passed on (not "please write it as text"), and the team that
    the words follow (not "they were asked to write it as text")."""
    def passed(effect: Effect) -> Effect:
        if not isinstance(effect, Reply):
            return effect
        if effect.key == "relay-media-unsupported" and effect.to is None:
            return Reply(key)
        if effect.key == "relay-media-withheld":
            return replace(effect, key="relay-media-withheld-caption")
        return effect
    return [passed(e) for e in told]


async def relay_from_staff(uow: UnitOfWork, services: Services, member: Member,
                           chat: ChatSession, text: str) -> list[Effect]:
    now = services.clock()
    role = "counselor" if chat.counselor_id == member.id else "supporter"
    warned = chat.idle_warned
    await uow.sessions.record(chat, role, text, now)
    await arm_idle(uow, services, chat, warned)
    effects: list[Effect] = [Reply(f"relay-from-{role}", {"text": text},
                                   to=chat.student_chat_id,
                                   meta={"relay_from": member.telegram_id})]
    other = chat.counselor_id if role == "supporter" else chat.supporter_id
    colleague = await uow.members.get(other) if other else None
    if colleague is not None:
        effects.append(Reply("relay-colleague", {"role_key": f"role-{role}", "text": text},
                             to=colleague.telegram_id))
    return effects


async def end_by_member(uow: UnitOfWork, services: Services, chat: ChatSession,
                        member: Member) -> list[Effect]:
    """``/end`` or *End chat* from a member. While the student's crisis case is open the chat
    is ended by nobody on staff: the counselor who holds the case records its outcome first;
    anyone else leaves the chat (a colleague in it stays with the student; else the student
    goes to the front of the queue while the case keeps paging). The student is never sent
    to the feedback questions with a crisis unresolved."""
    case = await uow.escalations.unresolved_for_chat(chat.student_chat_id)
    counselor = await uow.members.get(chat.counselor_id) if chat.counselor_id else None
    if counselor is not None and counselor.id != member.id and (
            case is None or case.taken_over_by == counselor.id):
        # the counselor's chat (its case theirs, or resolved with the counselor still with the
        # student): a supporter who ends it only leaves it; the counselor ends it
        request = await uow.requests.get(chat.request_id)
        left = Reply("end-left-counselor-stays", {
            "pseudonym": request.pseudonym if request else "?", "name": counselor.name},
            to=member.telegram_id)
        return [left, *await hand_back(uow, services, chat, member, tell_member=False),
                *await dispatch(uow, services)]
    if case is None:
        return await end_session(uow, services, chat, f"member:{member.id}")
    if case.status == Case.TAKEN_OVER and case.taken_over_by == member.id:
        rows = escalations.outcome_rows(case)
        return [Reply("end-case-first", {"id": case.id}, rows,
                      meta=escalations.case_meta(case, rows))]
    request = await uow.requests.get(chat.request_id)
    left = Reply("end-case-open-left", {"id": case.id,
                                        "pseudonym": request.pseudonym if request else "?"},
                 to=member.telegram_id)
    return [left, *await hand_back(uow, services, chat, member, tell_member=False),
            *await dispatch(uow, services)]


async def end_practice(uow: UnitOfWork, services: Services,
                       student_chat_id: int) -> list[Effect]:
    """The sandbox's training is over (its *Finish*, or the scenario's end): the practice
    chat, or the practice request still offered to its trainee, ends at once and the trainee
    is told so in words (🎓); as after every practice, no survey, no check-in, nothing
    counted. Their place for a chat is free again. Nobody but a practice student is ever
    touched; a second call finds nothing open and says nothing."""
    person = await uow.people.by_telegram_id(student_chat_id)
    if person is None or person.practice_with is None:
        return []
    chat = await uow.sessions.active_for_student(student_chat_id)
    if chat is not None:
        return await end_session(uow, services, chat, PRACTICE_OVER)
    now = services.clock()
    effects: list[Effect] = []
    request = await uow.requests.open_for(person.id)
    if request is not None and request.status == RequestStatus.QUEUED:
        await leave_queue(uow, request, "withdraw", now)
        await uow.audit.add(PRACTICE_OVER, "request.withdrawn", f"request:{request.id}", {},
                            now)
        offer = await uow.offers.pending_for_request(request.id)
        trainee = await uow.members.get(offer.member_id) if offer is not None else None
        if offer is not None:
            effects += await settle_offer(uow, offer, "withdraw", now)
        if trainee is not None and trainee.active:
            effects.append(Reply("practice-finished", {
                "pseudonym": request.pseudonym, "state": "offer"}, to=trainee.telegram_id))
    if await journey.may(uow, student_chat_id, "practice_over"):
        await journey.move(uow, student_chat_id, "practice_over", now)
    return effects


async def end_session(uow: UnitOfWork, services: Services, chat: ChatSession,
                      ended_by: str) -> list[Effect]:
    """Close a session with a clear message to everyone in it; the student gets feedback."""
    if chat.status != SessionStatus.ACTIVE:
        return []
    now = services.clock()
    await uow.sessions.close(chat, ended_by, now)
    for kind in ("idle_check", "idle_close", HANDBACK):
        await uow.timers.cancel(kind, str(chat.id))
    request = await uow.requests.get(chat.request_id)
    assert request is not None
    await uow.requests.fire(request, "close", now)
    routing = services.config.routing
    practising = await practice.for_request(uow, request) is not None
    if routing.followup and not practising:
        for earlier in await uow.timers.pending("followup"):  # one check-in, after the last
            # chat (a trial: two chats ended the same day, the check-in came twice)
            if earlier.payload.get("chat_id") == chat.student_chat_id and \
                    earlier.ref != str(request.id):
                await uow.timers.cancel("followup", earlier.ref)
        due = now + timedelta(seconds=routing.followup_after)
        await uow.timers.set("followup", str(request.id), due,
                             {"chat_id": chat.student_chat_id})
    await uow.audit.add(ended_by, "session.ended", f"request:{request.id}",
                        {"session": chat.id}, now)
    student_key = "session-ended-idle-student" if ended_by == "idle" else "session-ended-student"
    effects: list[Effect] = []
    case = await uow.escalations.unresolved_for_chat(chat.student_chat_id)
    crisis = False
    if practising or ended_by == BLOCKED:  # a scripted student (its ratings are not the
        # program's), or one blocked after a report: no survey (and for a block, no "send
        # /start whenever you want": the block's own message says what is possible)
        await journey.move(uow, chat.student_chat_id, "end_after_crisis", now)
        if ended_by != BLOCKED:
            effects.append(Reply(student_key, to=chat.student_chat_id, keyboard=NO_SOS))
    elif case is not None or chat.counselor_id is not None or \
            await uow.escalations.highest_since(chat.student_chat_id,
                                                chat.started_at) >= RiskLevel.HIGH:
        # "how helpful was this chat, 1 to 5?" is not what to ask after a crisis: one caring
        # goodbye with the numbers (once), and the peer supporter they asked for, if they
        # only ever talked with a counselor
        await journey.move(uow, chat.student_chat_id, "end_after_crisis", now)
        crisis = True
        # a supporter who left this chat (to the counselor) is cleared from it; the offers
        # accepted say they were here (a trial: "you also asked for a peer supporter" to
        # students who had talked with one)
        peer = (ended_by.startswith("member:") or ended_by == "idle") and \
            chat.supporter_id is None and \
            bool(uow.requests.description(request).strip()) and \
            not await uow.offers.accepted(request.id) and \
            not await _had_a_supporter_before(uow, chat) and \
            await uow.audit.happened("request.queued", f"request:{request.id}")
        # (only a request they sent asked for a peer supporter: one a counselor's take-over
        # made of an intake they had not finished did not: a trial, "you also asked for a
        # peer supporter" after a crisis in the middle of the intake)
        rows: tuple[tuple[Button, ...], ...] = (
            (button(FOLLOWUP, "btn-peer-yes", "peer", str(request.id)),),
            (button(FOLLOWUP, "btn-peer-no", "nopeer"),)) if peer else ()
        has_plan = await uow.plans.get(request.person_id) is not None  # (seen: "make" when
        rows += ((button(PLAN, "btn-plan-change" if has_plan else "btn-plan-make",  # they had
                         "begin"),),)  # one) a safety plan, offered
        # a case still open: a counselor may write to them here, and 🆘 stays at hand
        effects.append(Reply("session-ended-after-crisis", {
            "by": "idle" if ended_by == "idle" else "ended", "peer": "yes" if peer else "no",
            "open": "yes" if case is not None else "no"},
            rows, to=chat.student_chat_id, keyboard=SOS if case is not None else NO_SOS))
        if case is not None and CASE.state_of(case) != Case.TAKEN_OVER and \
                ended_by in ("student", "idle"):  # whoever was paged knows they left
            effects += await escalations.tell_case_staff(
                uow, chat.student_chat_id, "escalation-student-left")
    else:
        effects.append(Reply(student_key, to=chat.student_chat_id, keyboard=NO_SOS))
        feedback = FEEDBACK_MACHINE.enter(machine_context(services, services.catalog.default),
                                          {})
        await journey.move(uow, chat.student_chat_id, "end", now, feedback.data,
                           feedback.state)
        effects += [_to(e, chat.student_chat_id) for e in feedback.effects]
    ender = await uow.members.get(int(ended_by.split(":")[1])) \
        if ended_by.startswith("member:") else None
    for member in await uow.sessions.staff(chat):
        if member.focus_session_id == chat.id:
            member.focus_session_id = None
        if ended_by == PRACTICE_OVER:  # the training is over: said as such, once
            effects.append(Reply("practice-finished", {
                "pseudonym": request.pseudonym, "state": "chat"}, to=member.telegram_id))
            continue
        by = ended_by if ended_by in ("student", "idle") else "member"
        if case is not None and CASE.state_of(case) == Case.TAKEN_OVER and \
                case.taken_over_by == member.id and by != "member":
            # the case is still theirs and the student is gone from the chat: say so, with
            # the way back in (the student is told the counselor is back) and its outcome
            rows = escalations.case_buttons(case, member.role, held=False)
            effects.append(Reply("session-ended-case-open", {
                "pseudonym": request.pseudonym, "id": case.id, "by": by}, rows,
                to=member.telegram_id, priority=Priority.HIGH,
                meta=escalations.case_meta(case, rows)))
            continue
        if ender is not None and ender.id != member.id:  # a colleague ended it (a trial: a
            # counselor's /end, and the supporter only read "the chat has ended")
            by = "colleague"
        effects.append(Reply("session-ended-staff", {  # who ended it: the student, or idle
            "pseudonym": request.pseudonym, "by": by, "name": ender.name if ender else "",
            "role_key": f"role-{ender.role}" if ender else "role-supporter"},
            to=member.telegram_id))
    # the rest is for a chat a crisis happened in, not for any chat of a student whose case
    # from before is still open (a trial: a two-message chat, a case from the day before)
    effects += await _rest(uow, services, chat, crisis and await crisis_in(uow, chat), now)
    return effects + await dispatch(uow, services)


async def crisis_in(uow: UnitOfWork, chat: ChatSession, *, counselor: bool = True) -> bool:
    """A crisis happened in this chat: a counselor is in it (``counselor``: counted so), a
    case of high risk was opened while it lasted, or the student's open case was opened,
    raised or taken over while it lasted."""
    if counselor and chat.counselor_id is not None or await uow.escalations.highest_since(
            chat.student_chat_id, chat.started_at) >= RiskLevel.HIGH:
        return True
    case = await uow.escalations.unresolved_for_chat(chat.student_chat_id)
    if case is None:
        return False
    return case.created_at >= chat.started_at or await uow.audit.happened_since(
        ("escalation.updated", "escalation.taken_over", "escalation.handed_over"),
        f"escalation:{case.id}", chat.started_at)


async def _rest(uow: UnitOfWork, services: Services, chat: ChatSession, crisis: bool,
                now: datetime, leaving: Member | None = None) -> list[Effect]:
    """Looking after the supporter once their chat ends (config ``wellbeing``): after a chat
    with a crisis, no new requests for ``cooldown_after_crisis`` (a timer says when they come
    again); a chat that brought them to the day's or the week's limit says so, once their last
    open chat ends. Either way they are told why, kindly, and their open chats go on."""
    member = leaving or (await uow.members.get(chat.supporter_id) if chat.supporter_id else None)
    if member is None or not member.active:
        return []
    limits = services.config.wellbeing
    if crisis and limits.cooldown_after_crisis:
        await uow.timers.set(COOLDOWN, str(member.id),
                             now + timedelta(seconds=limits.cooldown_after_crisis),
                             {"chat": chat.id})  # the check-in's answer is kept with it
        return [Reply("wellbeing-cooldown",
                      {"minutes": max(1, limits.cooldown_after_crisis // 60)},
                      wellbeing.checkin_buttons(chat.id), to=member.telegram_id)]
    why = (await resting(uow, services, now)).get(member.id)
    if why not in ("day", "week") or await uow.sessions.active_for_member(member.id):
        return []
    limit = limits.max_chats_per_day if why == "day" else limits.max_hours_per_week
    return [Reply(f"wellbeing-limit-{why}", {"limit": limit}, to=member.telegram_id)]


def _to(effect: Effect, chat_id: int) -> Effect:
    if isinstance(effect, Reply) and effect.to is None:
        return Reply(effect.key, effect.params, effect.buttons, chat_id, effect.priority)
    return effect


def blocked_now(person: Person | None, now: datetime) -> bool:
    """A coordinator blocked this student from peer chats and the block still stands."""
    return person is not None and person.blocked_until is not None and \
        person.blocked_until > now


async def chat_in_view(uow: UnitOfWork, member: Member,
                       since: datetime) -> ChatSession | Reply | None:
    """The chat a command about "this student" means (/note, /report, /theirplan): the one
    the member's text goes to, else the one they were in that ended last, at ``since`` or
    later. A Reply asking which when several are open and none is chosen; None: no chat."""
    chat = await focused(uow, member)
    if chat is None and await uow.sessions.active_for_member(member.id):
        return Reply("staff-choose-chat")  # several open, none chosen: which one?
    return chat or await uow.sessions.last_ended_for_member(member.id, since)


async def focused(uow: UnitOfWork, member: Member) -> ChatSession | None:
    """The session a staff member's plain text goes to: the focused one, or the only one."""
    chats = list(await uow.sessions.active_for_member(member.id))
    for chat in chats:
        if chat.id == member.focus_session_id:
            return chat
    return chats[0] if len(chats) == 1 else None
