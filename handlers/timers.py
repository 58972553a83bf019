"""What each durable timer does when it fires (once, even across restarts)."""

from __future__ import annotations

from datetime import timedelta

from flows import buttons
from flows.selfhelp import TIMER as SELFHELP
from flows.types import Effect, Reply
from handlers import escalations, handback, privacy, selfhelp
from handlers.context import Services
from handlers.dispatch import (
    COOLDOWN,
    OFFER_TIMEOUT,
    UNATTENDED,
    dispatch,
    offer_outcome,
    settle_offer,
    unattended,
)
from handlers.duty import go_off_duty
from handlers.sessions import HANDBACK, end_session, handoff_failed
from handlers.shifts import fire_shift
from routing.lifecycles import OfferStatus, RequestStatus, SessionStatus
from storage.program_models import Member, Timer
from storage.uow import UnitOfWork


async def fire(uow: UnitOfWork, services: Services, timer: Timer) -> list[Effect]:
    ref = buttons.ident(timer.ref) or 0
    if timer.kind == OFFER_TIMEOUT:
        return await _offer_timeout(uow, services, ref)
    if timer.kind == "idle_check":
        return await _idle_check(uow, services, ref)
    if timer.kind == "idle_close":
        return await _idle_close(uow, services, ref)
    if timer.kind == "followup":
        return await _followup(uow, services, ref, int(timer.payload.get("chat_id", 0)))
    if timer.kind in ("shift_start", "shift_end", "shift_reminder"):
        return await fire_shift(uow, services, timer.kind, ref, timer.due_at)
    if timer.kind == escalations.ACK_TIMER:
        return await escalations.on_timeout(uow, services, ref)
    if timer.kind == escalations.FOLLOWUP_TIMER:
        return await escalations.on_followup(uow, services, ref)
    if timer.kind == "dispatch":
        return await dispatch(uow, services)
    if timer.kind == COOLDOWN:  # the supporter's rest after a crisis chat is over
        return await _rested(uow, services, ref)
    if timer.kind == UNATTENDED:
        return await unattended(uow, services, ref, dict(timer.payload))
    if timer.kind == HANDBACK:
        return await handback.due(uow, services, ref)
    if timer.kind == SELFHELP:  # a breathing exercise's next step
        return await selfhelp.tick(uow, services, ref, dict(timer.payload), timer.due_at)
    if timer.kind == escalations.SCREENING_OPEN:  # a day on: typed words are words again
        return []
    if timer.kind == "retention":
        await privacy.purge(uow, services)
        return []
    return []


async def _rested(uow: UnitOfWork, services: Services, member_id: int) -> list[Effect]:
    """A supporter's rest after a crisis chat is over: if they are still on duty they hear
    that new requests come again, and whoever waits is offered at once."""
    member = await uow.members.get(member_id)
    told: list[Effect] = []
    if member is not None and member.active and member.on_duty:
        told.append(Reply("wellbeing-cooldown-over", to=member.telegram_id))
    return told + await dispatch(uow, services)


async def _offer_timeout(uow: UnitOfWork, services: Services, offer_id: int) -> list[Effect]:
    offer = await uow.offers.get(offer_id)
    if offer is None or offer.status != OfferStatus.PENDING:
        return []
    now = services.clock()
    effects = await settle_offer(uow, offer, "expire", now)
    member = await uow.members.get(offer.member_id)
    await uow.audit.add("system", "offer.expired", f"request:{offer.request_id}",
                        {"offer": offer.id}, now)
    request = await uow.requests.get(offer.request_id)
    if request is not None and request.status == RequestStatus.ACTIVE:
        effects += await handoff_failed(uow, request, member)
    away = await _missed_too_many(uow, services, member)
    if away and member is not None:  # not at their phone: off duty (one message says so),
        return effects + await go_off_duty(uow, services, member, missed=away)  # the student
    effects += await dispatch(uow, services)  # goes on; else offered again: to another, or
    return await offer_outcome(uow, request, member, "expired") + effects  # to them again


async def _missed_too_many(uow: UnitOfWork, services: Services, member: Member | None) -> int:
    """The number of offers in a row this on-duty supporter let expire, when it reached
    ``routing.missed_offers_off_duty`` and they have no chat open; else 0."""
    limit = services.config.routing.missed_offers_off_duty
    if member is None or not member.on_duty or not limit:
        return 0
    missed = await uow.offers.missed_in_a_row(member.id, member.duty_changed_at)
    if missed < limit or await uow.sessions.active_for_member(member.id):
        return 0
    return missed


async def _idle_check(uow: UnitOfWork, services: Services, session_id: int) -> list[Effect]:
    chat = await uow.sessions.get(session_id)
    if chat is None or chat.status != SessionStatus.ACTIVE:
        return []
    now = services.clock()
    idle = timedelta(seconds=services.config.routing.idle_close)
    if now - chat.last_activity_at < idle:  # there was activity: check again later
        await uow.timers.set("idle_check", str(chat.id), chat.last_activity_at + idle)
        return []
    chat.idle_warned = True
    grace = services.config.routing.idle_grace
    await uow.timers.set("idle_close", str(chat.id), now + timedelta(seconds=grace))
    minutes = max(1, grace // 60)
    effects: list[Effect] = [Reply("session-idle-check", {"minutes": minutes},
                                   to=chat.student_chat_id)]
    request = await uow.requests.get(chat.request_id)
    params: dict[str, str | int] = {"pseudonym": request.pseudonym if request else "?",
                                    "minutes": minutes}
    effects += [Reply("session-idle-check-staff", params, to=member.telegram_id)
                for member in await uow.sessions.staff(chat)]
    return effects


async def _idle_close(uow: UnitOfWork, services: Services, session_id: int) -> list[Effect]:
    chat = await uow.sessions.get(session_id)
    if chat is None or chat.status != SessionStatus.ACTIVE or not chat.idle_warned:
        return []  # someone wrote after the gentle check: the chat stays open
    return await end_session(uow, services, chat, "idle")


async def _followup(uow: UnitOfWork, services: Services, request_id: int,
                    chat_id: int) -> list[Effect]:
    request = await uow.requests.get(request_id)
    if request is None or not chat_id:
        return []
    if await uow.requests.open_for(request.person_id) is not None:
        return []  # they are already back in touch
    keyboard = ((buttons.button("fu", "btn-followup-ok", "ok"),),
                (buttons.button("fu", "btn-followup-again", "again"),))
    return [Reply("followup-check", {}, keyboard, to=chat_id)]
