"""Going on and off duty (by hand or at a shift's edges): offers and chats move on."""

from __future__ import annotations

from escalation.case import CASE, Case
from flows import buttons
from flows.types import Effect, Reply
from handlers import escalations, handback
from handlers.context import Services
from handlers.dispatch import dispatch, resting
from handlers.sessions import withdraw_offers
from storage.program_models import Member
from storage.uow import UnitOfWork

HANDOFF, END, DUTY = "ho", "en", "dt"
BACK_ON_DUTY = ((buttons.button(DUTY, "btn-duty-on", "on"),),)  # one tap back on duty


async def go_on_duty(uow: UnitOfWork, services: Services, member: Member) -> list[Effect]:
    if member.on_duty:
        return []
    person = await uow.people.by_telegram_id(member.telegram_id)
    if person is not None and person.blocked_bot:  # a shift cannot start for someone the
        return []  # bot cannot reach (writing to the bot again unblocks them)
    now = services.clock()
    member.on_duty, member.duty_changed_at = True, now
    await uow.audit.add(f"member:{member.id}", "duty.on", f"member:{member.id}", {}, now)
    why = (await resting(uow, services, now)).get(member.id)
    rest = [Reply("wellbeing-on-duty-resting", {"why": why}, to=member.telegram_id)] \
        if why is not None else []  # on duty, but no new requests yet: said, with why
    waiting = [c for c in await uow.escalations.unresolved()  # a counselor coming on duty
               if CASE.state_of(c) in (Case.OPEN, Case.ACKNOWLEDGED)  # hears of cases that
               ] if member.role == "counselor" else []  # still need one (a trial: nothing)
    cases = [Reply("duty-on-open-cases", {"count": len(waiting)}, to=member.telegram_id)] \
        if waiting else []
    return [Reply(f"duty-on-{member.role}", to=member.telegram_id), *rest, *cases,
            *await escalations.handover_kept(uow, member), *await handback.keep(uow, member),
            *await dispatch(uow, services)]


async def go_off_duty(uow: UnitOfWork, services: Services, member: Member,
                      missed: int = 0, why: str = "self") -> list[Effect]:
    """Off duty: pending offers go back to the queue; open chats are handed over or ended,
    or after ``routing.handback_after`` handed back (handlers.handback). ``missed``: set off
    duty by the program after that many offers in a row went unanswered (they are told so,
    with one tap back on duty). ``why`` ("self", "shift"), with ``missed`` "missed", is kept
    in the audit: the coordinators' roster says why someone is off duty."""
    if not member.on_duty:
        return []
    now = services.clock()
    member.on_duty, member.duty_changed_at = False, now
    await uow.audit.add(f"member:{member.id}" if not missed else "system", "duty.off",
                        f"member:{member.id}",
                        {"missed": missed, "why": "missed"} if missed else {"why": why}, now)
    effects = await withdraw_offers(uow, member, now)
    chats = await uow.sessions.active_for_member(member.id)
    if missed:
        effects.append(Reply("duty-off-missed-offers", {"count": missed}, BACK_ON_DUTY,
                             to=member.telegram_id))
        # the coordinators hear it (a trial: the last supporter on duty was set off while a
        # student waited, and the coordinator's only alert still said "offered, not answered")
        waiting = len(await uow.requests.queued())
        effects += [Reply("duty-off-missed-coordinator", {
            "name": member.name, "count": missed, "waiting": waiting,
            "others": len([m for m in await uow.members.on_duty("supporter")
                           if m.id != member.id])}, to=c.telegram_id)
            for c in await uow.members.all("coordinator") if c.active]
    minutes = max(1, -(-services.config.routing.handback_after // 60))
    handing = 0
    cases: list[Effect] = []  # what they (and colleagues) are told of each crisis chat
    per_chat: list[Effect] = []  # and of each other open chat
    for chat in chats:
        request = await uow.requests.get(chat.request_id)
        assert request is not None
        params: dict[str, str | int] = {"pseudonym": request.pseudonym, "minutes": minutes}
        end = buttons.button(END, "btn-end-chat", str(chat.id))
        handover = await escalations.hand_over(uow, services, chat, member, minutes) \
            if chat.counselor_id == member.id else None
        if handover is not None:  # their crisis case: a colleague is asked to take it over
            case, on_duty, asked, told = handover
            cases += [Reply("duty-off-counselor-case", {
                **params, "id": case.id, "asked": on_duty,
                "others": 0 if on_duty else asked}, BACK_ON_DUTY, to=member.telegram_id),
                *told]
            handing += 1
        elif chat.counselor_id == member.id:  # a chat (its case closed): they leave it
            per_chat.append(Reply("duty-off-open-chat-counselor", params, ((end,),),
                                  to=member.telegram_id))
        else:
            keyboard = ((buttons.button(HANDOFF, "btn-handoff-any", str(chat.id), "any"), end),)
            per_chat.append(Reply("duty-off-open-chat", params, keyboard,
                                  to=member.telegram_id))
        await handback.ask(uow, services, member, chat, now)
    # a crisis chat still theirs is said first, and no "thank you for today" while it is (a
    # trial: the thanks came first, then "your crisis chat is still open")
    effects += cases
    if not missed:  # "hand it over or end it" is said of the chats without a crisis case
        effects.append(Reply("duty-off", {"chats": len(chats) - handing, "cases": handing},
                             to=member.telegram_id))
    return effects + per_chat + await dispatch(uow, services)
