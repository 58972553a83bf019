"""Offer waiting requests to the best free supporters; keep students told where they stand."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from escalation.case import CASE, Case
from escalation.detector import RiskLevel
from flows import buttons, screening
from flows.buttons import button
from flows.types import ClearButtons, Effect, Reply
from handlers.context import Services
from handlers.when import day_start, week_start
from routing.lifecycles import OfferStatus, RequestStatus
from routing.matching import Candidate, Need, best, eligible, why_unmatched
from routing.queue import Waiting, estimate_wait, ordered, positions, should_tell
from routing.schedule import Weekly, is_within, next_start
from storage.models import HelpRequest
from storage.program_models import Member, Offer
from storage.uow import UnitOfWork

OFFER = "of"
TYPICAL_SESSION = timedelta(minutes=15)
RETRY_DECLINED_AFTER = timedelta(minutes=10)  # who declined is not asked again for this long
RISK_MEMORY = timedelta(days=7)  # a case this recent raises the risk of a new request
ASKED = "asked"  # wait_told: "you are N in line, and a supporter is being asked right now"
# the "dispatch" timer while anything waits unoffered: when a decline that keeps a supporter
# from it ages out, else this often as a backstop (going on duty, a chat ending, a capacity
# change and a shift starting all dispatch at once anyway)
RETRY_EVERY = timedelta(minutes=5)
UNATTENDED = "unattended"  # timer kind: one alert to coordinators per request waiting too long
OFFER_TIMEOUT = "offer_timeout"  # timer kind: an offer nobody answered in time
COOLDOWN = "cooldown"  # timer kind: a supporter rests after a chat with a crisis (wellbeing)


async def settle_offer(uow: UnitOfWork, offer: Offer, event: str,
                       now: datetime) -> list[Effect]:
    """An offer is answered, expires or is withdrawn: through the offer lifecycle, its timeout
    disarmed. An offer that ended without its buttons being pressed loses them (the message
    the supporter got is known once it was delivered; see ``bot.outbox``)."""
    await uow.offers.decide(offer, event, now)
    await uow.timers.cancel(OFFER_TIMEOUT, str(offer.id))
    if offer.message_id is None or event not in ("expire", "withdraw"):
        return []
    member = await uow.members.get(offer.member_id)
    return [ClearButtons(offer.message_id, to=member.telegram_id)] if member else []


async def withdraw_pending_offer(uow: UnitOfWork, request_id: int,
                                 now: datetime) -> list[Effect]:
    """The request left the queue (cancelled, forgotten, taken over by a counselor): its offer
    goes too, and the supporter it was offered to is told there is nothing to do."""
    offer = await uow.offers.pending_for_request(request_id)
    if offer is None:
        return []
    effects = await settle_offer(uow, offer, "withdraw", now)
    member = await uow.members.get(offer.member_id)
    request = await uow.requests.get(request_id)
    if member is not None and member.active:
        effects.append(Reply("offer-withdrawn",
                             {"pseudonym": request.pseudonym if request else "?"},
                             to=member.telegram_id))
    return effects


def candidate(member: Member, load: int, resting: bool = False) -> Candidate:
    return Candidate(
        member_id=member.id, role=member.role, languages=frozenset(member.languages),
        topics=frozenset(member.topics), trained=member.trained, active=member.active,
        on_duty=member.on_duty, load=load, capacity=member.capacity,
        last_assigned_at=member.last_assigned_at, resting=resting,
    )


async def resting(uow: UnitOfWork, services: Services, now: datetime) -> dict[int, str]:
    """The supporters who get no new requests now, to look after themselves (config
    ``wellbeing``; their open chats go on), and why: ``"crisis"`` in a chat whose student has a
    crisis case open (whatever ``wellbeing`` says), ``"cooldown"`` after a chat with a crisis,
    ``"day"`` (``max_chats_per_day`` chats started today, in the program's time zone) or
    ``"week"`` (``max_hours_per_week`` hours in chats since Monday)."""
    limits = services.config.wellbeing
    why: dict[int, str] = {}
    if limits.max_hours_per_week:
        for member_id, seconds in (await uow.sessions.time_since(week_start(services, now),
                                                                 now)).items():
            if seconds >= limits.max_hours_per_week * 3600:
                why[member_id] = "week"
    if limits.max_chats_per_day:
        for member_id, count in (await uow.sessions.started_since(
                day_start(services, now))).items():
            if count >= limits.max_chats_per_day:
                why[member_id] = "day"
    for timer in await uow.timers.pending(COOLDOWN):
        if timer.due_at > now and buttons.ident(timer.ref) is not None:
            why[int(timer.ref)] = "cooldown"
    for member_id in await uow.sessions.in_crisis():  # with a student in crisis now
        why[member_id] = "crisis"
    return why


async def available(uow: UnitOfWork, services: Services, now: datetime) -> list[Member]:
    """The supporters on duty who may be offered a request now (not resting)."""
    rest = await resting(uow, services, now)
    return [m for m in await uow.members.all("supporter") if m.on_duty and m.id not in rest]


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
    person = await uow.people.get(request.person_id)
    assert person is not None
    return person.telegram_id


async def _why_risky(uow: UnitOfWork, request: HelpRequest,
                     now: datetime) -> dict[str, str | int]:
    """Why an offer says the request is risky (seen in the newcomer hour: "risk: HIGH" with no
    reason): a case of this student's open now or in the last week (which one), their
    screening answers, or what they wrote. A case is named only if the level shown is its own
    (a trial: "IMMINENT (case #2 in the last 7 days)" named the latest case, a high one, not
    the imminent case #1 of the day before): the most serious one, an open one first."""
    if request.risk_level < RiskLevel.CONCERN:
        return {"why": "none", "case": 0}
    chat = await student_chat(uow, request)
    # (a trial: "case #1 in the last 7 days" about a case still open, counselors paged now)
    open_case = await uow.escalations.unresolved_for_chat(chat)
    serious = await uow.escalations.most_serious_since(chat, now - RISK_MEMORY)
    named = open_case if open_case is not None and (
        serious is None or open_case.level >= serious.level) else serious
    if named is not None and named.level >= request.risk_level:
        still_open = named is open_case or CASE.state_of(named) != Case.RESOLVED
        return {"why": "case-open" if still_open else "case", "case": named.id}
    answers = screening.decode(request.screening)
    return {"why": "screening" if answers and screening.level(answers) else "words", "case": 0}


async def offer_effects(uow: UnitOfWork, services: Services, request: HelpRequest,
                        member: Member, now: datetime, practice: bool = False) -> list[Effect]:
    offer = await uow.offers.create(request.id, member.id, now)
    timeout = services.config.routing.offer_timeout
    await uow.timers.set(OFFER_TIMEOUT, str(offer.id), now + timedelta(seconds=timeout))
    # a student back in line after their supporter left has waited since then, not since
    # their request was first sent (a trial: "Waiting: 45 min", 40 of them in the chat)
    earlier = await uow.sessions.handed_back(request.id) \
        if request.status == RequestStatus.QUEUED else None
    since = earlier.ended_at if earlier is not None and earlier.ended_at else request.created_at
    waited = max(0, int((now - since).total_seconds() // 60))
    keyboard = ((button(OFFER, "btn-accept", "accept", str(offer.id)),
                 button(OFFER, "btn-decline", "decline", str(offer.id))),)
    params: dict[str, str | int] = {
        "pseudonym": request.pseudonym, "topic_key": f"topic-{request.topic}",
        "feeling": request.feeling, "language_key": f"btn-lang-{request.language}",
        "waited": waited, "timeout": max(1, timeout // 60),
        "risk_key": f"risk-{request.risk_level}",
        # not every offer is a new request: a colleague's hand-over, or a student whose
        # supporter had to leave (the first line says which)
        "kind": "practice" if practice else
        "handover" if request.status == RequestStatus.ACTIVE else
        # (a trial: offered again to the supporter who had left it, "their supporter")
        "returned-you" if earlier is not None and
        (await uow.offers.accepted(request.id))[-1:] == [member.id] else
        "returned" if earlier is not None else "new",
        **await _why_risky(uow, request, now),
    }
    await uow.audit.add(f"member:{member.id}", "offer.made", f"request:{request.id}",
                        {"offer": offer.id}, now)
    return [Reply("offer", params, keyboard, to=member.telegram_id, meta={"offer": offer.id})]


async def dispatch(uow: UnitOfWork, services: Services,
                   supporters: list[Member] | None = None) -> list[Effect]:
    """Offer every waiting request without a pending offer to the best free supporter.
    ``supporters``: ``available`` as the caller just read it in this unit of work, with
    nothing changed since (#14: a request sent read who rests twice)."""
    now = services.clock()
    if supporters is None:
        supporters = await available(uow, services, now)
    loads = await uow.sessions.loads()
    for member_id, pending in (await uow.offers.pending_counts()).items():
        loads[member_id] = loads.get(member_id, 0) + pending
    practising = await uow.people.practising()
    blocked = await uow.people.blocked(now)  # (handlers.blocks withdraws theirs: never offered)
    all_queued = [r for r in await uow.requests.queued() if r.person_id not in blocked]
    queued = [r for r in all_queued if r.person_id not in practising]
    by_id = {r.id: r for r in queued}
    offered = await uow.offers.pending_request_ids()
    since = now - RETRY_DECLINED_AFTER
    ended = await uow.offers.recently_any((OfferStatus.DECLINED, OfferStatus.EXPIRED), since)
    declined, expired = ended[OfferStatus.DECLINED], ended[OfferStatus.EXPIRED]
    practice = [r for r in all_queued if r.person_id in practising]
    effects, unoffered = await _offer_practice(uow, services, practice, practising, offered,
                                               declined, now)
    # pending offers now: those before and the ones just made (nothing here ends one)
    now_offered = offered | {r.id for r in practice if r.id not in unoffered}
    waiting_now = await waiting_list(uow, queued)  # (nothing here changes who came back)
    for waiting in ordered(waiting_now):
        request = by_id[waiting.request_id]
        if request.id in offered:
            continue
        unoffered.append(request.id)
        need = Need(request.id, request.language, request.topic)
        chosen = best([candidate(m, loads.get(m.id, 0)) for m in supporters], need,
                      exclude=declined.get(request.id, set()),
                      avoid=expired.get(request.id, set()))
        if chosen is None:
            continue
        member = next(m for m in supporters if m.id == chosen.member_id)
        loads[member.id] = loads.get(member.id, 0) + 1
        unoffered.remove(request.id)
        effects += await offer_effects(uow, services, request, member, now)
        now_offered.add(request.id)
    told, tell_later = await _tell_positions(uow, services, queued, supporters, loads, now,
                                             waiting_now, now_offered)
    retry = tell_later  # a changed position not told yet (updates are spaced out)
    if unoffered:  # look again when a decline ages out (someone may also free up before)
        first = await uow.offers.first_decided(OfferStatus.DECLINED, since, unoffered)
        aged = first + RETRY_DECLINED_AFTER if first is not None else now + RETRY_EVERY
        retry = min(aged, now + RETRY_EVERY, retry or aged)
    if retry is not None:
        await uow.timers.set("dispatch", "queue", max(retry, now + timedelta(seconds=1)))
    return effects + told


async def _offer_practice(uow: UnitOfWork, services: Services, requests: list[HelpRequest],
                          practising: dict[int, int], offered: set[int],
                          declined: dict[int, set[int]],
                          now: datetime) -> tuple[list[Effect], list[int]]:
    """A practice request goes to its trainee only (handlers.practice), outside the queue;
    one they declined is offered again when the decline ages out, as any other. Returns the
    offers and the practice requests left unoffered."""
    effects: list[Effect] = []
    unoffered: list[int] = []
    for request in requests:
        trainee_id = practising[request.person_id]
        if request.id in offered:
            continue
        trainee = await uow.members.get(trainee_id)
        if trainee_id in declined.get(request.id, set()) or trainee is None or \
                not trainee.active:
            unoffered.append(request.id)
            continue
        effects += await offer_effects(uow, services, request, trainee, now, practice=True)
    return effects, unoffered


async def waiting_list(uow: UnitOfWork, requests: list[HelpRequest]) -> list[Waiting]:
    back = await uow.sessions.returned([r.id for r in requests])
    return [Waiting(r.id, r.risk_level, r.feeling, r.created_at, r.id in back)
            for r in requests]


def able_on_duty(supporters: list[Member], request: HelpRequest) -> bool:
    """Is anyone on duty who could take this request once free (capacity aside)?"""
    need = Need(request.id, request.language, request.topic)
    return any(eligible(candidate(m, 0), need) for m in supporters)


OFFERED_LATE = timedelta(minutes=1)  # an offer made this long after the wait began: nobody
# could take the request before it (unless an offer of it was turned down)


async def arm_unattended(uow: UnitOfWork, services: Services, request: HelpRequest,
                         now: datetime) -> None:
    """Start counting how long this request waits (once per request: an alert already sent
    is not sent again when the request comes back to the queue)."""
    timer = await uow.timers.get(UNATTENDED, str(request.id))
    if timer is not None and timer.status == "fired":
        return
    due = now + timedelta(seconds=services.config.routing.unattended_alert)
    await uow.timers.set(UNATTENDED, str(request.id), due, {"since": now.isoformat()})


async def leave_queue(uow: UnitOfWork, request: HelpRequest, event: str,
                      now: datetime) -> None:
    """The request stops waiting (assigned, withdrawn, forgotten): no alert about it."""
    await uow.requests.fire(request, event, now)
    await uow.timers.cancel(UNATTENDED, str(request.id))


async def unattended(uow: UnitOfWork, services: Services, request_id: int,
                     payload: dict[str, Any]) -> list[Effect]:
    """The request has waited ``routing.unattended_alert`` seconds: tell every active
    coordinator once (pseudonym, wait, topic, language, why); outside program hours, count
    again from the next opening. ``payload["since"]``: when it (re)entered the queue."""
    request = await uow.requests.get(request_id)
    if request is None or request.status != RequestStatus.QUEUED or \
            request.person_id in await uow.people.practising():
        return []  # (a practice request is its trainee's: no coordinator is alerted)
    now = services.clock()
    since = (datetime.fromisoformat(str(payload["since"])) if "since" in payload
             else request.created_at)
    alert_after = timedelta(seconds=services.config.routing.unattended_alert)
    if not is_open(services, now):
        tz = ZoneInfo(services.config.program.timezone)
        opens = next_start(program_hours(services), now, tz)
        if opens is not None:
            await uow.timers.set(UNATTENDED, str(request.id), opens + alert_after, payload)
        return []
    supporters = [m for m in await uow.members.all("supporter") if m.on_duty]
    rest = await resting(uow, services, now)
    loads = await uow.sessions.loads()
    for member_id, pending in (await uow.offers.pending_counts()).items():
        loads[member_id] = loads.get(member_id, 0) + pending
    # its own offer, still unanswered, is no load: a supporter who has only that one is free
    # and has not answered (the alert said "every supporter is at capacity": seen in a trial)
    own = await uow.offers.pending_for_request(request.id)
    if own is not None:
        loads[own.member_id] = loads.get(own.member_id, 1) - 1
    why = why_unmatched([candidate(m, loads.get(m.id, 0), m.id in rest) for m in supporters],
                        Need(request.id, request.language, request.topic))
    offered_ago = 0
    if why == "not-accepted" and own is not None and \
            own.created_at - since >= OFFERED_LATE and \
            not await uow.offers.refused_since(request.id, since):
        # nobody turned it down: it waited because nobody could take it until the offer
        # now open was made (a trial: "declined or not answered" of an offer made the same
        # instant as the alert, after 30 minutes of one supporter resting, one off duty)
        why, offered_ago = "offered-late", int((now - own.created_at).total_seconds() // 60)
    student = await student_chat(uow, request)  # (read once: the case and the student's news)
    params: dict[str, str | int] = {
        "pseudonym": request.pseudonym, "topic_key": f"topic-{request.topic}",
        "language_key": f"btn-lang-{request.language}",
        "waited": max(1, int((now - since).total_seconds() // 60)),
        "why_key": f"unattended-why-{why}", "offered_ago": offered_ago,
        # (a trial: the alert did not say the same student had a crisis case open)
        "case": case.id if (case := await uow.escalations.unresolved_for_chat(
            student)) is not None else 0,
    }
    coordinators = [m for m in await uow.members.all("coordinator") if m.active]
    await uow.audit.add("system", "request.unattended", f"request:{request.id}",
                        {"why": why, "coordinators": [m.id for m in coordinators]}, now)
    # the student is not left believing someone is about to come: told it takes longer, that
    # the coordinators know (only when one was told), where they are, and the numbers; not
    # one who was told nobody can take it now (they know, and have the numbers: a trial, the
    # numbers three times in three minutes)
    told: list[Effect] = []
    if request.wait_told not in ("nobody", "closed"):
        where = positions(await waiting_list(uow, list(await uow.requests.queued())))
        told.append(Reply("queue-taking-long", {"position": where.get(request.id, 1),
                                                "told": "yes" if coordinators else "no"},
                          to=student))
    return told + [Reply("unattended-alert", params, to=m.telegram_id) for m in coordinators]


async def wait_news(uow: UnitOfWork, services: Services, request: HelpRequest,
                    now: datetime) -> dict[str, str | int]:
    """What a student just put back in line (their supporter left) is told about who can take
    them now, in the message that says so: ``wait`` "closed" (with ``opens``), "nobody" (no
    supporter on duty could take it) or "open". "closed" and "nobody" are recorded as told, as
    ``_tell_positions`` would record them, so the next dispatch does not send the same news
    (and the emergency numbers) again right after (a trial: the numbers twice back to back)."""
    told = "closed" if not is_open(services, now) else \
        "nobody" if not able_on_duty(await available(uow, services, now), request) else "open"
    if told != "open":
        practising = await uow.people.practising()
        blocked = await uow.people.blocked(now)
        queued = [r for r in await uow.requests.queued()
                  if r.person_id not in blocked and r.person_id not in practising]
        request.last_position = positions(await waiting_list(uow, queued)).get(request.id)
        request.position_told_at, request.wait_told = now, told
    return {"wait": told, "opens": opens_at(services, now) if told == "closed" else "-"}


async def offer_outcome(uow: UnitOfWork, request: HelpRequest | None, member: Member | None,
                        verb: str) -> list[Effect]:
    """What a supporter whose offer was declined or expired is told, after the request was
    offered again: the truth about where it went (another supporter, them again, nowhere yet).
    ``verb`` is "declined" or "expired"."""
    if member is None or request is None:
        return []
    params: dict[str, str | int] = {"pseudonym": request.pseudonym}
    if request.status != RequestStatus.QUEUED:  # a handover offer: the chat stays where it was
        return [Reply("offer-handoff-ended", params, to=member.telegram_id)]
    pending = await uow.offers.pending_for_request(request.id)
    if pending is not None and pending.member_id != member.id:
        key = f"offer-{verb}"  # went to another supporter
    elif pending is not None and verb == "expired":
        key = "offer-expired-again"  # nobody else is free: offered to them again, just now
    else:
        key = f"offer-{verb}-waiting"  # back in the queue, waiting for someone to be free
    return [Reply(key, params, to=member.telegram_id)]


async def _tell_positions(
    uow: UnitOfWork, services: Services, queued: list[HelpRequest], supporters: list[Member],
    loads: dict[int, int], now: datetime, waiting: list[Waiting], offered: set[int],
) -> tuple[list[Effect], datetime | None]:
    """Position updates for the students whose place in line changed, and when to look again
    for one whose change came too soon after their last update (None: nobody). ``waiting``:
    ``waiting_list`` of ``queued``; ``offered``: the requests with a pending offer now
    ("being asked right now" only if true)."""
    effects: list[Effect] = []
    later: datetime | None = None
    where = positions(waiting)
    free = sum(max(0, m.capacity - loads.get(m.id, 0)) for m in supporters
               if m.trained and m.active)
    interval = timedelta(seconds=services.config.routing.queue_update_interval)
    for request in queued:
        position = where[request.id]
        able = able_on_duty(supporters, request)
        told = "closed" if not is_open(services, now) else "nobody" if not able else \
            ASKED if request.id in offered else "position"
        if told == request.wait_told or (told in (ASKED, "position") and
                                         request.wait_told != ASKED):  # the same news, or good
            # news; but "a supporter is being asked right now" that stopped being true (the
            # offer declined or expired, nobody else asked) is told at once (a trial: it
            # stood for ten minutes)
            if not should_tell(request.last_position, position, request.position_told_at,
                               now, interval):  # (spaced out: at most once an interval)
                if position != request.last_position and request.position_told_at is not None:
                    due = request.position_told_at + interval
                    later = due if later is None else min(later, due)
                continue
        # a change for the worse (the last one who could take it left, the program closed)
        # is told at once: a student never waits believing someone is about to come
        request.last_position, request.position_told_at = position, now
        request.wait_told = told
        wait = estimate_wait(position, free if able else 0, TYPICAL_SESSION,
                             anyone_on_duty=able)
        chat = await student_chat(uow, request)
        if told == "closed":
            effects.append(Reply("queue-closed", {"opens": opens_at(services, now)}, to=chat))
        elif wait is None:
            effects.append(Reply("queue-nobody-on-duty", to=chat))
        else:
            minutes = int(wait.total_seconds() // 60)
            asked = "yes" if told == ASKED else "no"
            effects.append(Reply("queue-position", {"position": position, "minutes": minutes,
                                                    "asked": asked}, to=chat))
    return effects, later
