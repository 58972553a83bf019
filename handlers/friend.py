"""Help a friend (issue: care around the chat). The intake's first choice is *for me* or *I'm
worried about a friend* (flows.intake: guidance, then a supporter about them, a counselor
alerted, or that is all). ``/friend`` takes a student there from anywhere: when they are free,
into that route; in a chat or a request, the guidance and *Alert a counselor about my friend*
(``fr:alert:``), which pages a counselor with what they wrote so far."""

from __future__ import annotations

from flows.buttons import ButtonData, button
from flows.intake import INTAKE
from flows.journey import RISK
from flows.types import AlertFriend, ClearButtons, Effect, Inbound, Reply
from handlers import escalations, journey
from handlers.context import Services, machine_context
from storage.models import Person
from storage.uow import UnitOfWork

FRIEND = "fr"


async def friend(uow: UnitOfWork, services: Services, inbound: Inbound,
                 person: Person) -> list[Effect]:
    for event in ("begin", "to_friend"):  # free, or in an intake not sent yet
        if await journey.may(uow, inbound.chat_id, event):
            ctx = machine_context(services, person.language)
            saved = await uow.conversations.get(inbound.chat_id)
            data = {"lang": person.language, "for": "friend", "topic": "friend",
                    "pseudonym": person.pseudonym or ctx.new_pseudonym(),
                    **({RISK: saved.data[RISK]} if saved is not None and RISK in saved.data
                       else {})}  # (a risk seen in the intake so far is kept)
            await journey.move(uow, inbound.chat_id, event, services.clock(), data, "friend")
            return list(INTAKE.states["friend"].prompt(ctx, data))
    row = (button(FRIEND, "btn-friend-alert", "alert"),)
    return [Reply("friend-guidance"), Reply("friend-in-chat", {}, (row,))]


async def alert_button(uow: UnitOfWork, services: Services, inbound: Inbound,
                       person: Person, data: ButtonData) -> list[Effect]:
    """``fr:alert:``: a counselor is paged about the friend, with what the student wrote so far
    (in the chat, or their request); pressed twice, the case is already in hand."""
    words = await escalations.recent_words(uow, inbound.chat_id, person)
    effects = await escalations.about_a_friend(
        uow, services, inbound.chat_id, person, AlertFriend(words, "", "unsure"))
    chat = await uow.sessions.active_for_student(inbound.chat_id)
    if chat is not None:  # whoever is with them knows why a counselor may join
        effects += [Reply("friend-alert-staff", to=m.telegram_id)
                    for m in await uow.sessions.staff(chat)]
    return [ClearButtons(inbound.message_id), *effects]
