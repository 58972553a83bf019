"""Offer waiting requests to the best free supporters; keep students told where they stand."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from flows.buttons import button
from flows.types import Effect, Reply
from handlers.context import Services
from routing.matching import Candidate, Need, best
from routing.queue import Waiting, estimate_wait, ordered, positions, should_tell
from routing.schedule import Weekly, is_within, next_start
from storage.models import HelpRequest, Person
from storage.program_models import Member
from storage.uow import UnitOfWork

OFFER = "of"
TYPICAL_SESSION = timedelta(minutes=15)
RETRY_DECLINED_AFTER = timedelta(minutes=10)
RETRY_EVERY = timedelta(minutes=1)


def candidate(member: Member, load: int) -> Candidate:
    return Candidate(
        member_id=member.id, role=member.role, languages=frozenset(member.languages),
        topics=frozenset(member.topics), trained=member.trained, active=member.active,
        on_duty=member.on_duty, load=load, capacity=member.capacity,
        last_assigned_at=member.last_assigned_at,
    )


def program_hours(services: Services) -> list[Weekly]:
    return [Weekly(tuple(h.days), h.start, h.end) for h in services.config.program.hours]


def is_open(services: Services, now: datetime) -> bool:
    tz = ZoneInfo(services.config.program.timezone)
    return is_within(program_hours(services), now, tz)


def opens_at(services: Services, now: datetime) -> str:
    """When the program next opens, in the program's time zone: '30/11 07:00'."""
    tz = ZoneInfo(services.config.program.timezone)
    start = next_start(program_hours(services), now, tz)
    return start.astimezone(tz).strftime("%d/%m %H:%M") if start is not None else "-"


async def student_chat(uow: UnitOfWork, request: HelpRequest) -> int:
    person = await uow.session.get(Person, request.person_id)
    assert person is not None
    return person.telegram_id


async def offer_effects(uow: UnitOfWork, services: Services, request: HelpRequest,
                        member: Member, now: datetime) -> list[Effect]:
    offer = await uow.offers.create(request.id, member.id, now)
    timeout = services.config.routing.offer_timeout
    await uow.timers.set("offer_timeout", str(offer.id), now + timedelta(seconds=timeout))
    waited = max(0, int((now - request.created_at).total_seconds() // 60))
    keyboard = ((button(OFFER, "btn-accept", "accept", str(offer.id)),
                 button(OFFER, "btn-decline", "decline", str(offer.id))),)
    params: dict[str, str | int] = {
        "pseudonym": request.pseudonym, "topic_key": f"topic-{request.topic}",
        "feeling": request.feeling, "language_key": f"btn-lang-{request.language}",
        "waited": waited, "timeout": max(1, timeout // 60),
        "risk_key": f"risk-{request.risk_level}",
    }
    await uow.audit.add(f"member:{member.id}", "offer.made", f"request:{request.id}",
                        {"offer": offer.id}, now)
    return [Reply("offer", params, keyboard, to=member.telegram_id)]


async def dispatch(uow: UnitOfWork, services: Services) -> list[Effect]:
    """Offer every waiting request without a pending offer to the best free supporter."""
    now = services.clock()
    supporters = [m for m in await uow.members.all("supporter") if m.on_duty]
    loads = await uow.sessions.loads()
    for member_id, pending in (await uow.offers.pending_counts()).items():
        loads[member_id] = loads.get(member_id, 0) + pending
    queued = list(await uow.requests.queued())
    by_id = {r.id: r for r in queued}
    offered = await uow.offers.pending_request_ids()
    tried_by_request = await uow.offers.recently_tried(now - RETRY_DECLINED_AFTER)
    effects: list[Effect] = []
    unoffered = 0
    for waiting in ordered(_waiting(queued)):
        request = by_id[waiting.request_id]
        if request.id in offered:
            continue
        unoffered += 1
        tried = tried_by_request.get(request.id, set())
        need = Need(request.id, request.language, request.topic)
        chosen = best([candidate(m, loads.get(m.id, 0)) for m in supporters], need, tried)
        if chosen is None:
            continue
        member = next(m for m in supporters if m.id == chosen.member_id)
        loads[member.id] = loads.get(member.id, 0) + 1
        unoffered -= 1
        effects += await offer_effects(uow, services, request, member, now)
    effects += await _tell_positions(uow, services, queued, supporters, loads, now)
    if unoffered:  # look again soon: someone may free up, or a decline may age out
        await uow.timers.set("dispatch", "queue", now + RETRY_EVERY)
    return effects


def _waiting(requests: list[HelpRequest]) -> list[Waiting]:
    return [Waiting(r.id, r.risk_level, r.feeling, r.created_at) for r in requests]


async def _tell_positions(
    uow: UnitOfWork, services: Services, queued: list[HelpRequest], supporters: list[Member],
    loads: dict[int, int], now: datetime,
) -> list[Effect]:
    effects: list[Effect] = []
    where = positions(_waiting(queued))
    free = sum(max(0, m.capacity - loads.get(m.id, 0)) for m in supporters
               if m.trained and m.active)
    interval = timedelta(seconds=services.config.routing.queue_update_interval)
    for request in queued:
        position = where[request.id]
        if not should_tell(request.last_position, position, request.position_told_at, now,
                           interval):
            continue
        request.last_position, request.position_told_at = position, now
        wait = estimate_wait(position, free, TYPICAL_SESSION, anyone_on_duty=bool(supporters))
        chat = await student_chat(uow, request)
        if wait is None or not is_open(services, now):
            effects.append(Reply("queue-closed", {"opens": opens_at(services, now)}, to=chat))
        else:
            minutes = int(wait.total_seconds() // 60)
            effects.append(Reply("queue-position", {"position": position, "minutes": minutes},
                                 to=chat))
    return effects
