"""Who can still be reached. Nothing is dropped silently.

Telegram tells the bot when someone blocks or unblocks it (a ``my_chat_member`` update, which a
transport turns into an Inbound of kind ``member_status``); the outbox learns it from a 403.
Either way the person is recorded as having blocked the bot, and a staff member who blocked it
is taken off duty at once: their pending offers are withdrawn and every chat they hold goes back
to the queue with the student told (they stay an active member: unblocking and ``/duty`` bring
them back). A relay Telegram refuses tells its sender in words. None of this ever replies to
the person whose status changed: they may not be reachable.
"""

from __future__ import annotations

from flows.types import Effect, Inbound, Priority, Reply
from handlers.context import Services
from handlers.sessions import withdraw_member
from storage.program_models import Member
from storage.uow import UnitOfWork

BLOCKED, UNBLOCKED = "blocked", "unblocked"
STATUSES = (BLOCKED, UNBLOCKED)


def status_inbound(update_id: int, telegram_id: int, status: str) -> Inbound:
    """A member_status Inbound, as a transport makes it (also for a 403 the outbox got)."""
    return Inbound(update_id=update_id, chat_id=telegram_id, chat_type="private",
                   sender_id=telegram_id, language_code=None, kind="member_status",
                   text=status)


async def handle(uow: UnitOfWork, services: Services, inbound: Inbound) -> list[Effect]:
    """A member_status update: record it and move on whatever depended on the person."""
    if inbound.text == BLOCKED:
        return await blocked(uow, services, inbound.sender_id)
    if inbound.text == UNBLOCKED:
        await uow.people.mark_blocked(inbound.sender_id, blocked=False)
    return []


async def blocked(uow: UnitOfWork, services: Services, telegram_id: int) -> list[Effect]:
    """Someone blocked the bot. Idempotent: a second report changes nothing."""
    now = services.clock()
    await uow.people.get_or_create(telegram_id, services.catalog.default, now)
    await uow.people.mark_blocked(telegram_id)
    member = await uow.members.by_telegram_id(telegram_id)
    if member is not None and member.active:
        return await staff_unreachable(uow, services, member)
    return await _student_unreachable(uow, telegram_id)


async def staff_unreachable(uow: UnitOfWork, services: Services,
                            member: Member) -> list[Effect]:
    """A staff member can no longer be reached: off duty now, offers withdrawn, their chats
    back to the queue (each student told). They stay an active member."""
    chats = await uow.sessions.active_for_member(member.id)
    offers = await uow.offers.pending_for_member(member.id)
    if not (member.on_duty or chats or offers):
        return []
    now = services.clock()
    if member.on_duty:
        member.duty_changed_at = now
    await uow.audit.add("system", "member.unreachable", f"member:{member.id}",
                        {"reason": "blocked_bot", "was_on_duty": member.on_duty,
                         "chats": len(chats), "offers": len(offers)}, now)
    return await withdraw_member(uow, services, member)


async def _student_unreachable(uow: UnitOfWork, telegram_id: int) -> list[Effect]:
    """A student in a chat blocked the bot: whoever is with them knows their words stop here."""
    chat = await uow.sessions.active_for_student(telegram_id)
    if chat is None:
        return []
    pseudonym = await pseudonym_of(uow, telegram_id)
    return [Reply("delivery-student-blocked", {"pseudonym": pseudonym}, to=member.telegram_id,
                  priority=Priority.HIGH)
            for member in await uow.sessions.staff(chat) if member.active]


async def relay_refused(uow: UnitOfWork, services: Services, recipient: int, sender: int,
                        blocked: bool) -> list[Effect]:
    """Telegram refused a relayed message for good (400), or its recipient blocked the bot
    (403): the one who wrote it is told it did not arrive."""
    member = await uow.members.by_telegram_id(sender)
    if member is not None and member.active:  # staff wrote to a student
        key = "delivery-blocked-staff" if blocked else "delivery-refused-staff"
        return [Reply(key, {"pseudonym": await pseudonym_of(uow, recipient)}, to=sender,
                      priority=Priority.HIGH)]
    key = "delivery-blocked-student" if blocked else "delivery-refused-student"
    return [Reply(key, to=sender, priority=Priority.HIGH)]


async def pseudonym_of(uow: UnitOfWork, student_chat: int) -> str:
    person = await uow.people.by_telegram_id(student_chat)
    request = await uow.requests.latest_for(person.id) if person is not None else None
    return request.pseudonym if request is not None else "-"
