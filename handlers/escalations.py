"""Crisis screening and escalation to counselors.

Every student text is screened before anything else happens to it. High or imminent risk opens
an escalation: the student gets the emergency numbers at once, the on-duty counselor is pinged
(Acknowledge / Take over), and a durable timer walks the acknowledgement ladder
(escalation/ladder.py) until someone acknowledges. Concern nudges the supporter or asks the
student a direct screening question. Every step is audited; crisis traffic is sent first.
"""

from __future__ import annotations

import logging
from dataclasses import asdict
from datetime import datetime, timedelta

from sqlalchemy import select

from escalation import ladder
from escalation.detector import RiskLevel
from escalation.policy import (
    SCREENING_CHOICES,
    Action,
    Decision,
    Situation,
    decide,
    decide_referral,
    decide_screening,
)
from flows import buttons
from flows.types import ClearButtons, Effect, Inbound, Priority, Reply
from handlers.context import Services
from storage.models import HelpRequest, Person
from storage.program_models import ChatSession, Escalation, Member
from storage.uow import UnitOfWork

log = logging.getLogger("sejawat.escalation")

ESC, SCREEN = "es", "sc"
OUTCOMES = ("safe", "referred", "emergency", "false_alarm")
STAFF_ROLES = ("counselor", "coordinator")
CRISIS = Priority.CRISIS
ACK_STAYS_LIVE = timedelta(hours=12)


# ---- screening -------------------------------------------------------------------------------


async def screen(uow: UnitOfWork, services: Services, inbound: Inbound,
                 person: Person) -> list[Effect]:
    """Screen one student text (a message, a caption, a command's words); return the crisis
    effects, to be sent before anything else."""
    if inbound.kind == "button" or not inbound.text.strip():
        return []
    assessment = services.detector.assess(inbound.text)
    if assessment.level == RiskLevel.NONE:
        return []
    situation = await _situation(uow, inbound.chat_id, person, assessment.level,
                                 services.clock())
    await uow.audit.add(f"person:{person.id}", "risk.detected", f"person:{person.id}",
                        {"level": assessment.level.name.lower(),
                         "categories": list(assessment.categories)}, services.clock())
    return await act(uow, services, decide(situation), inbound.chat_id, person,
                     assessment.level, assessment.categories, "detector",
                     assessment.excerpt(160))


async def _situation(uow: UnitOfWork, chat_id: int, person: Person, level: RiskLevel,
                     now: datetime) -> Situation:
    request = await uow.requests.open_for(person.id)
    conversation = await uow.conversations.get(chat_id)
    sticky = RiskLevel(request.risk_level) if request is not None else RiskLevel(
        int(conversation.data.get("risk", 0)) if conversation is not None else 0)
    return Situation(
        level=level, sticky_level=sticky,
        in_session=await uow.sessions.active_for_student(chat_id) is not None,
        in_intake=conversation is not None and conversation.flow == "intake",
        open_escalation=await live_for_chat(uow, chat_id, now) is not None,
    )


async def unresolved_for_chat(uow: UnitOfWork, chat_id: int) -> Escalation | None:
    return await uow.session.scalar(
        select(Escalation).where(Escalation.student_chat_id == chat_id,
                                 Escalation.status != "resolved")
        .order_by(Escalation.id.desc()).limit(1)
    )


async def live_for_chat(uow: UnitOfWork, chat_id: int, now: datetime) -> Escalation | None:
    """The escalation that is really being handled now, if any: its ladder is still paging,
    or the counselor who took it over is active and still in a chat with the student, or the
    one who acknowledged it is active, on duty, and did so recently. Anything else (a case
    left unresolved after the chat ended, a handler gone off duty) must not absorb a new
    crisis: that opens a new escalation with a fresh ladder."""
    escalation = await unresolved_for_chat(uow, chat_id)
    if escalation is None or escalation.status == "open":
        return escalation
    handler_id = escalation.taken_over_by or escalation.acknowledged_by
    handler = await uow.members.get(handler_id) if handler_id else None
    if handler is None or not handler.active:
        return None
    if escalation.status == "taken_over":
        chat = await uow.sessions.active_for_student(chat_id)
        return escalation if chat is not None and chat.counselor_id == handler.id else None
    acknowledged = escalation.acknowledged_at
    if handler.on_duty and acknowledged is not None and now - acknowledged < ACK_STAYS_LIVE:
        return escalation
    return None


async def act(uow: UnitOfWork, services: Services, decision: Decision, chat_id: int,
              person: Person, level: RiskLevel, categories: tuple[str, ...], source: str,
              excerpt: str) -> list[Effect]:
    await _raise_sticky(uow, services, chat_id, person, decision.new_sticky_level)
    effects: list[Effect] = []
    chat = await uow.sessions.active_for_student(chat_id)
    for action in decision.actions:
        if action == Action.ESCALATE:
            effects += await open_escalation(uow, services, chat_id, person, level, categories,
                                             source, excerpt)
        elif action == Action.UPDATE_ESCALATION:
            effects += await _update(uow, services, chat_id, level, excerpt)
        elif action == Action.SEND_RESOURCES:
            effects.append(Reply("crisis-resources", to=chat_id, priority=CRISIS))
        elif action == Action.TELL_SUPPORTER and chat is not None:
            effects += await _tell_staff(uow, chat, "crisis-tell-supporter", level)
        elif action == Action.NUDGE_SUPPORTER and chat is not None:
            effects += await _nudge(uow, chat)
        elif action == Action.ASK_SCREENING:
            keyboard = tuple((buttons.button(SCREEN, f"btn-screen-{c}", c),)
                             for c in SCREENING_CHOICES)
            effects.append(Reply("screening-question", {}, keyboard, to=chat_id,
                                 priority=Priority.HIGH))
    return effects


async def _raise_sticky(uow: UnitOfWork, services: Services, chat_id: int, person: Person,
                        level: RiskLevel) -> None:
    """Risk is sticky for the request: it only goes up (and escalated requests jump the queue)."""
    request = await uow.requests.open_for(person.id)
    if request is not None:
        request.risk_level = max(request.risk_level, int(level))
        return
    conversation = await uow.conversations.get(chat_id)
    if conversation is not None and conversation.flow == "intake":
        data = {**conversation.data, "risk": max(int(conversation.data.get("risk", 0)),
                                                 int(level))}
        await uow.conversations.save(chat_id, "intake", conversation.state, data,
                                     services.clock())


async def _tell_staff(uow: UnitOfWork, chat: ChatSession, key: str,
                      level: RiskLevel) -> list[Effect]:
    request = await uow.session.get(HelpRequest, chat.request_id)
    name = request.pseudonym if request else "?"
    params: dict[str, str | int] = {"pseudonym": name, "level_key": _level_key(level)}
    return [Reply(key, params, to=member.telegram_id, priority=CRISIS)
            for member in await uow.sessions.staff(chat)]


async def _nudge(uow: UnitOfWork, chat: ChatSession) -> list[Effect]:
    supporter = await uow.members.get(chat.supporter_id) if chat.supporter_id else None
    request = await uow.session.get(HelpRequest, chat.request_id)
    if supporter is None or request is None:
        return []
    keyboard = ((buttons.button(ESC, "btn-refer", "refer", str(chat.id)),),)
    return [Reply("concern-nudge", {"pseudonym": request.pseudonym}, keyboard,
                  to=supporter.telegram_id, priority=Priority.HIGH)]


def _level_key(level: RiskLevel) -> str:
    return f"risk-{int(level)}"


# ---- the escalation and its ladder -----------------------------------------------------------


def _timeouts_pair(services: Services) -> tuple[timedelta, timedelta]:
    config = services.config.escalation
    return (timedelta(seconds=config.ack_timeout_imminent),
            timedelta(seconds=config.ack_timeout_high))


def _timeouts(services: Services) -> ladder.Timeouts:
    config = services.config.escalation
    return ladder.Timeouts(imminent=timedelta(seconds=config.ack_timeout_imminent),
                           high=timedelta(seconds=config.ack_timeout_high))


async def _staff(uow: UnitOfWork) -> tuple[list[ladder.Staff], dict[int, Member]]:
    members = [m for m in await uow.members.all() if m.role in STAFF_ROLES]
    members.sort(key=lambda m: (m.last_assigned_at is not None, m.last_assigned_at, m.id))
    staff = [ladder.Staff(m.id, m.role, m.on_duty, m.active) for m in members]
    return staff, {m.id: m for m in members}


def _state(escalation: Escalation) -> ladder.LadderState:
    raw = escalation.ladder or {}
    return ladder.LadderState(
        step=int(raw.get("step", 0)), paged=tuple(raw.get("paged", ())),
        failed=tuple(raw.get("failed", ())), acknowledged_by=raw.get("acknowledged_by"),
        broadcast_step=int(raw.get("broadcast_step", 0)),
    )


async def open_escalation(uow: UnitOfWork, services: Services, chat_id: int, person: Person,
                          level: RiskLevel, categories: tuple[str, ...], source: str,
                          excerpt: str) -> list[Effect]:
    now = services.clock()
    request = await uow.requests.open_for(person.id)
    escalation = Escalation(
        request_id=request.id if request else None, student_chat_id=chat_id, level=int(level),
        categories=list(categories), source=source,
        excerpt_enc=uow.cipher.encrypt(excerpt) if excerpt else None,
        status="open", ladder={}, created_at=now,
    )
    uow.session.add(escalation)
    await uow.session.flush()
    await uow.audit.add(f"person:{person.id}", "escalation.opened",
                        f"escalation:{escalation.id}",
                        {"level": level.name.lower(), "source": source}, now)
    staff, members = await _staff(uow)
    state, page = ladder.start(level, staff, _timeouts(services))
    return await _carry_out(uow, services, escalation, state, page, members)


async def _carry_out(uow: UnitOfWork, services: Services, escalation: Escalation,
                     state: ladder.LadderState, page: ladder.Page,
                     members: dict[int, Member]) -> list[Effect]:
    """Persist the ladder, ping who the page names, arm the next check."""
    now = services.clock()
    escalation.ladder = asdict(state)
    effects: list[Effect] = []
    params = await _ping_params(uow, escalation, now)
    keyboard = ((buttons.button(ESC, "btn-ack", "ack", str(escalation.id)),
                 buttons.button(ESC, "btn-take-over", "take", str(escalation.id))),)
    key = "escalation-broadcast" if page.broadcast else "escalation-ping"
    for member_id in page.member_ids:
        member = members.get(member_id)
        if member is not None:
            if not page.broadcast:
                member.last_assigned_at = now  # rotate who is paged first next time
            effects.append(Reply(key, params, keyboard, to=member.telegram_id, priority=CRISIS,
                                 meta={"escalation": escalation.id, "member": member.id}))
    if page.member_ids:
        await uow.audit.add("system", "escalation.paged", f"escalation:{escalation.id}",
                            {"step": page.step, "members": list(page.member_ids)}, now)
    elif page.next_check_in is not None:
        log.error("escalation %s: NOBODY could be paged (no counselor or coordinator "
                  "reachable); the student has the emergency numbers; retrying", escalation.id)
        await uow.audit.add("system", "escalation.unreachable", f"escalation:{escalation.id}",
                            {"step": page.step}, now)
    if page.notify_student_again:
        effects.append(Reply("crisis-still-here", to=escalation.student_chat_id,
                             priority=CRISIS))
    if page.next_check_in is not None:
        await uow.timers.set("escalation_ack", str(escalation.id), now + page.next_check_in,
                             {"step": page.step})
    return effects


async def _ping_params(uow: UnitOfWork, escalation: Escalation,
                       now: datetime) -> dict[str, str | int]:
    request = (await uow.session.get(HelpRequest, escalation.request_id)
               if escalation.request_id else None)
    person = await uow.people.by_telegram_id(escalation.student_chat_id)
    pseudonym = (request.pseudonym if request else None) or (
        person.pseudonym if person and person.pseudonym else "-")
    since = request.created_at if request else escalation.created_at
    excerpt = (uow.cipher.decrypt(escalation.excerpt_enc)
               if escalation.excerpt_enc else "-")
    return {
        "id": escalation.id, "pseudonym": pseudonym,
        "topic_key": f"topic-{request.topic}" if request else "topic-other",
        "level_key": _level_key(RiskLevel(escalation.level)),
        "categories": ", ".join(escalation.categories) or escalation.source,
        "excerpt": excerpt, "waited": max(0, int((now - since).total_seconds() // 60)),
    }


async def _update(uow: UnitOfWork, services: Services, chat_id: int, level: RiskLevel,
                  excerpt: str) -> list[Effect]:
    now = services.clock()
    escalation = await live_for_chat(uow, chat_id, now)
    if escalation is None:
        return []
    if int(level) > escalation.level:
        escalation.level = int(level)
        if escalation.status == "open":  # the ladder speeds up to the new level's timeout
            sooner = now + ladder.ack_timeout(level, *_timeouts_pair(services))
            current = next((t for t in await uow.timers.pending("escalation_ack")
                            if t.ref == str(escalation.id)), None)
            if current is None or current.due_at > sooner:
                await uow.timers.set("escalation_ack", str(escalation.id), sooner,
                                     dict(current.payload) if current else {})
    escalation.excerpt_enc = uow.cipher.encrypt(excerpt)
    await uow.audit.add("system", "escalation.updated", f"escalation:{escalation.id}",
                        {"level": RiskLevel(escalation.level).name.lower()}, now)
    state = _state(escalation)
    params = await _ping_params(uow, escalation, now)
    effects: list[Effect] = []
    notify = [state.acknowledged_by] if state.acknowledged_by else [
        m for m in state.paged if m not in state.failed]
    if escalation.taken_over_by:
        notify = [escalation.taken_over_by]
    for member_id in notify:
        member = await uow.members.get(member_id) if member_id else None
        if member is not None:
            effects.append(Reply("escalation-update", params, to=member.telegram_id,
                                 priority=CRISIS))
    return effects


async def on_timeout(uow: UnitOfWork, services: Services, escalation_id: int) -> list[Effect]:
    escalation = await uow.session.get(Escalation, escalation_id)
    if escalation is None or escalation.status != "open":
        return []
    staff, members = await _staff(uow)
    state, page = ladder.on_timeout(_state(escalation), RiskLevel(escalation.level), staff,
                                    _timeouts(services))
    await uow.audit.add("system", "escalation.unacknowledged", f"escalation:{escalation.id}",
                        {"step": page.step}, services.clock())
    return await _carry_out(uow, services, escalation, state, page, members)


async def on_delivery_failed(uow: UnitOfWork, services: Services, escalation_id: int,
                             member_id: int) -> list[Effect]:
    """Telegram refused a ping (blocked, or a permanent error): page the next person now."""
    escalation = await uow.session.get(Escalation, escalation_id)
    if escalation is None or escalation.status != "open":
        return []
    staff, members = await _staff(uow)
    await uow.audit.add("system", "escalation.ping_failed", f"escalation:{escalation.id}",
                        {"member": member_id}, services.clock())
    state, page = ladder.on_delivery_failed(_state(escalation), member_id,
                                            RiskLevel(escalation.level), staff,
                                            _timeouts(services))
    return await _carry_out(uow, services, escalation, state, page, members)


async def open_manual(uow: UnitOfWork, services: Services, chat_id: int, source: str,
                      reason: str) -> list[Effect]:
    """A supporter's /refer or the student's "I need a counselor now"."""
    person = await uow.people.by_telegram_id(chat_id)
    if person is None:
        return []
    situation = await _situation(uow, chat_id, person, RiskLevel.NONE, services.clock())
    decision = decide_referral(situation)
    await uow.audit.add(f"person:{person.id}", "escalation.requested", f"person:{person.id}",
                        {"source": source}, services.clock())
    effects = await act(uow, services, decision, chat_id, person, RiskLevel.HIGH, (), source,
                        reason)
    if source == "student":
        effects.insert(0, Reply("counselor-requested", to=chat_id, priority=CRISIS))
    return effects


async def screening_answer(uow: UnitOfWork, services: Services, inbound: Inbound,
                           person: Person) -> list[Effect]:
    """The student answered the direct screening question."""
    answer = buttons.parse(SCREEN, inbound.button).name
    if answer not in SCREENING_CHOICES:
        return [Reply("error-stale-button")]
    situation = await _situation(uow, inbound.chat_id, person, RiskLevel.NONE,
                                 services.clock())
    decision = decide_screening(situation, answer)
    await uow.audit.add(f"person:{person.id}", "screening.answered", f"person:{person.id}",
                        {"answer": answer}, services.clock())
    level = RiskLevel.IMMINENT if answer == "now" else RiskLevel.HIGH
    effects: list[Effect] = [ClearButtons(inbound.message_id)]
    effects += await act(uow, services, decision, inbound.chat_id, person, level,
                         ("suicide",), "screening", f"screening: {answer}")
    if not decision.actions:
        effects.append(Reply("screening-thanks"))
    return effects
