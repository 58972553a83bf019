"""Entry point of the application layer: who is writing, and which handler gets the update."""

from __future__ import annotations

from flows.types import Effect, Inbound, Reply
from handlers.context import Services
from handlers.student import handle_student
from storage.uow import UnitOfWork


async def handle(uow: UnitOfWork, services: Services, inbound: Inbound) -> list[Effect]:
    if not inbound.is_private:
        return [Reply("private-only")]
    language = services.catalog.language_for(inbound.language_code)
    person = await uow.people.get_or_create(inbound.sender_id, language, services.clock())
    if person.blocked_bot:
        await uow.people.mark_blocked(inbound.sender_id, blocked=False)  # they are back
        person.blocked_bot = False
    return await handle_student(uow, services, inbound, person)
