"""The safety plan (issue: care around the chat): built step by step in the chat
(flows.safety_plan), kept encrypted (storage Plans), shown with ``/myplan`` any time, changed by
going through it again (each part shows what it says now; *Keep* keeps it). Offered after a
chat with a crisis (a button on the goodbye) and by a counselor or supporter in a chat
(``/offerplan``). A counselor or supporter in a chat with the student sees it (``/theirplan``)
only if the student said yes to that; each look is audited. Goes with ``/forgetme``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta

from flows.buttons import ButtonData, button
from flows.safety_plan import PARTS, PLAN, SAFETY_PLAN
from flows.types import SOS, Button, ClearButtons, Effect, Inbound, Reply, SavePlan
from handlers import journey
from handlers.context import Services, machine_context
from handlers.sessions import chat_in_view, focused
from storage.models import Person
from storage.program_models import Member
from storage.uow import UnitOfWork

AFTER_CHAT = timedelta(hours=24)  # /theirplan about the chat that ended last, within a day


def make_button() -> tuple[Button, ...]:
    return (button(PLAN, "btn-plan-make", "begin"),)


def show(parts: Mapping[str, str], share: bool, key: str = "plan-show",
         to: int | None = None) -> Reply:
    params: dict[str, str | int] = {part: parts.get(part) or "-" for part in PARTS}
    return Reply(key, {**params, "share": "yes" if share else "no",
                       "has_pros": "yes" if parts.get("pros") else "no"}, to=to)


async def myplan(uow: UnitOfWork, services: Services, inbound: Inbound,
                 person: Person) -> list[Effect]:
    """``/myplan``: the plan and *Change my plan*, or *Make my plan* when there is none (or
    "after your chat" while they are telling the bot, waiting or in a chat)."""
    building = await uow.conversations.get(inbound.chat_id)
    if building is not None and building.flow == "plan":  # (seen: "you have no plan yet")
        return [Reply("plan-already")]
    saved = await uow.plans.get(person.id)
    now_ok = await journey.may(uow, inbound.chat_id, "plan")
    if saved is None or not saved[0]:
        if not now_ok:
            return [Reply("plan-none-not-now")]
        return [Reply("plan-none", {}, (make_button(),))]
    parts, share = saved
    rows = ((button(PLAN, "btn-plan-change", "begin"),),) if now_ok else ()
    return [show(parts, share), *([Reply("plan-change", {}, rows)] if rows else [])]


async def begin_button(uow: UnitOfWork, services: Services, inbound: Inbound,
                       person: Person, data: ButtonData) -> list[Effect]:
    """``sp:begin:``: start (or go through again) the plan, from where they are allowed to."""
    if not await journey.may(uow, inbound.chat_id, "plan"):
        saved = await uow.conversations.get(inbound.chat_id)
        if saved is not None and saved.flow == "plan":
            return [Reply("plan-already")]
        return [Reply("plan-not-now")]
    saved_plan = await uow.plans.get(person.id)
    parts, share = saved_plan if saved_plan is not None else ({}, None)
    step = SAFETY_PLAN.enter(machine_context(services, person.language),
                             {"plan": parts, "share": share})
    await journey.move(uow, inbound.chat_id, "plan", services.clock(), step.data, step.state)
    await uow.audit.add(f"person:{person.id}", "plan.started", f"person:{person.id}",
                        {"again": saved_plan is not None}, services.clock())
    return [ClearButtons(inbound.message_id), Reply("plan-intro"), *step.effects]


async def save(uow: UnitOfWork, services: Services, person: Person,
               effect: SavePlan) -> list[Effect]:
    """The flow's ``SavePlan``: stored encrypted; at the end, the plan is shown back."""
    now = services.clock()
    await uow.plans.save(person.id, dict(effect.parts), effect.share, now)
    await uow.audit.add(f"person:{person.id}", "plan.saved", f"person:{person.id}",
                        {"parts": len(effect.parts), "done": effect.done}, now)
    if not effect.done:
        return []
    return [show(effect.parts, bool(effect.share), "plan-saved")]


# ---- the team ---------------------------------------------------------------------------------


async def offer(uow: UnitOfWork, services: Services, inbound: Inbound,
                member: Member) -> list[Effect]:
    """``/offerplan`` in a chat: the student gets *Make my safety plan* (it starts once the
    chat is over, or at once if they are free)."""
    chat = await focused(uow, member)
    if chat is None:
        return [Reply("staff-no-chat")]
    await uow.audit.add(f"member:{member.id}", "plan.offered", f"session:{chat.id}", {},
                        services.clock())
    who = "counselor" if member.id == chat.counselor_id else "supporter"
    person = await uow.people.by_telegram_id(chat.student_chat_id)
    has = person is not None and await uow.plans.get(person.id) is not None
    row = (button(PLAN, "btn-plan-change", "begin"),) if has else make_button()
    return [Reply("plan-offered", {"who": who, "has": "yes" if has else "no"}, (row,),
                  to=chat.student_chat_id, keyboard=SOS),
            Reply("plan-offer-sent")]


async def theirs(uow: UnitOfWork, services: Services, inbound: Inbound,
                 member: Member) -> list[Effect]:
    """``/theirplan`` (counselors): the plan of the student in the chat (or the chat that ended
    last, within a day), only if they said a counselor with them may see it."""
    chat = await chat_in_view(uow, member, services.clock() - AFTER_CHAT)
    if isinstance(chat, Reply):
        return [chat]
    if chat is None:
        return [Reply("staff-no-chat")]
    person = await uow.people.by_telegram_id(chat.student_chat_id)
    saved = await uow.plans.get(person.id) if person is not None else None
    request = await uow.requests.get(chat.request_id)
    about = {"pseudonym": request.pseudonym if request is not None else "?"}
    if saved is None or person is None or not saved[0]:  # (nothing written is no plan)
        return [Reply("plan-staff-none", about)]
    parts, share = saved
    if not share:
        return [Reply("plan-staff-not-shared", about)]
    await uow.audit.add(f"member:{member.id}", "plan.viewed", f"person:{person.id}", {},
                        services.clock())
    shown = show(parts, share, "plan-staff-show")
    return [Reply(shown.key, {**shown.params, **about})]
