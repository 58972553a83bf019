"""Entry point of the application layer: who is writing, and which handler gets the update.

Roles come from the database on every update (a member is whoever the members table says);
everyone else is a student. A student's text is screened for crisis risk before anything else.
A change of someone's status towards the bot (blocked, unblocked) comes before all of that and
never gets a reply.
"""

from __future__ import annotations

from flows.types import Effect, Inbound, Reply
from handlers import escalations, onboarding, presence
from handlers.context import Services
from handlers.staff import handle_staff
from handlers.student import handle_student
from storage.uow import UnitOfWork

COUNSELOR_NOW = "ss:counselor"  # the 🆘 button works wherever it was shown, at any time


async def screen_first(uow: UnitOfWork, services: Services,
                       inbound: Inbound) -> list[Effect] | None:
    """The crisis fast lane, run when an update is stored, before the chat's queue: the crisis
    part of what a student (or someone joining the team) wrote. None when it is not theirs to
    screen (staff, groups); the ordinary path then does everything else, without screening
    again."""
    if not inbound.is_private:
        return None
    language = services.catalog.language_for(inbound.language_code)
    person = await uow.people.get_or_create(inbound.sender_id, language, services.clock())
    member = await uow.members.by_telegram_id(inbound.sender_id)
    if member is not None and member.active:
        return None
    saved = await uow.conversations.get(inbound.chat_id)
    source = "onboarding" if saved is not None and saved.flow == "onboarding" else "detector"
    return await escalations.screen(uow, services, inbound, person, source)


async def handle(uow: UnitOfWork, services: Services, inbound: Inbound, *,
                 screened: bool = False) -> list[Effect]:
    """``screened``: the fast lane already screened this update (nothing is screened twice)."""
    if inbound.kind == "member_status":
        return await presence.handle(uow, services, inbound)
    if not inbound.is_private:
        return [Reply("private-only")]
    language = services.catalog.language_for(inbound.language_code)
    person = await uow.people.get_or_create(inbound.sender_id, language, services.clock())
    if person.blocked_bot:
        await uow.people.mark_blocked(inbound.sender_id, blocked=False)  # they are back
        person.blocked_bot = False
    member = await uow.members.by_telegram_id(inbound.sender_id)
    if member is not None and member.active:
        return await handle_staff(uow, services, inbound, member)
    # an inactive member is helped like any student (they may need support themselves)
    if inbound.kind == "command" and inbound.command == "start" and \
            onboarding.looks_like_invite(inbound.text) and member is None:
        return await onboarding.begin(uow, services, inbound, person)
    saved = await uow.conversations.get(inbound.chat_id)
    if saved is not None and saved.flow == "onboarding":  # joining the team: screened too
        crisis = [] if screened else await escalations.screen(uow, services, inbound, person,
                                                              "onboarding")
        return crisis + await onboarding.continue_onboarding(uow, services, inbound, person,
                                                             saved)
    if inbound.kind == "button" and inbound.button.startswith(f"{escalations.SCREEN}:"):
        return await escalations.screening_answer(uow, services, inbound, person)
    if inbound.kind == "button" and inbound.button.startswith(COUNSELOR_NOW):
        return await escalations.ask_for_counselor(uow, services, inbound.chat_id)
    crisis = [] if screened else await escalations.screen(uow, services, inbound, person)
    return crisis + await handle_student(uow, services, inbound, person)
