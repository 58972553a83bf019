"""Privacy on schedule and on request: the retention purge and a student's /forgetme."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, select, update

from flows import buttons
from flows.types import ClearButtons, Effect, Inbound, Reply
from handlers.context import Services
from handlers.dispatch import leave_queue
from handlers.escalations import unresolved_for_chat
from storage.models import Conversation, HelpRequest, InboxUpdate, OutboxMessage, Person
from storage.program_models import Escalation, Feedback, Note, RelayMessage
from storage.uow import UnitOfWork

FORGET = "fm"
PURGE_EVERY = timedelta(days=1)


async def purge(uow: UnitOfWork, services: Services) -> int:
    """Delete what is older than ``privacy.retention_days``: messages, payloads, notes,
    comments, excerpts, idle conversations; descriptions of finished requests are blanked.
    Re-arms itself daily. Returns the number of rows changed."""
    now = services.clock()
    cutoff = now - timedelta(days=services.config.privacy.retention_days)
    s = uow.session
    changed = 0
    for statement in (
        delete(InboxUpdate).where(InboxUpdate.status != "pending",
                                  InboxUpdate.received_at < cutoff),
        delete(OutboxMessage).where(OutboxMessage.status != "pending",
                                    OutboxMessage.created_at < cutoff),
        delete(RelayMessage).where(RelayMessage.created_at < cutoff),
        delete(Note).where(Note.created_at < cutoff),
        update(Feedback).where(Feedback.created_at < cutoff).values(comment_enc=None),
        update(Escalation).where(Escalation.status == "resolved",
                                 Escalation.resolved_at < cutoff)
        .values(excerpt_enc=None, note_enc=None),
        update(HelpRequest).where(HelpRequest.status.in_(("closed", "withdrawn")),
                                  HelpRequest.updated_at < cutoff)
        .values(description_enc=uow.cipher.encrypt("")),
        delete(Conversation).where(Conversation.updated_at < cutoff),
    ):
        result = await s.execute(statement)
        changed += int(getattr(result, "rowcount", 0) or 0)
    await uow.audit.add("system", "retention.purged", "database", {"rows": changed}, now)
    await uow.timers.set("retention", "daily", now + PURGE_EVERY)
    return changed


async def ask(uow: UnitOfWork, services: Services, inbound: Inbound,
              person: Person) -> list[Effect]:
    keyboard = ((buttons.button(FORGET, "btn-forget-yes", "yes"),),
                (buttons.button(FORGET, "btn-forget-no", "no"),))
    return [Reply("forget-confirm", {}, keyboard)]


async def answer(uow: UnitOfWork, services: Services, inbound: Inbound,
                 person: Person) -> list[Effect]:
    choice = buttons.parse(FORGET, inbound.button).name
    cleared: list[Effect] = [ClearButtons(inbound.message_id)]
    if choice != "yes":
        return cleared + [Reply("forget-kept")]
    chat = inbound.chat_id
    if await uow.sessions.active_for_student(chat) is not None or \
            await unresolved_for_chat(uow, chat) is not None:
        return cleared + [Reply("forget-not-now")]
    now = services.clock()
    waiting = await uow.requests.open_for(person.id)
    if waiting is not None and waiting.status == "queued":  # out of the queue, offers withdrawn
        await leave_queue(uow, waiting, "forget", now)
        offer = await uow.offers.pending_for_request(waiting.id)
        if offer is not None:
            await uow.offers.decide(offer, "withdraw", now)
            await uow.timers.cancel("offer_timeout", str(offer.id))
    s = uow.session
    await s.execute(delete(Conversation).where(Conversation.chat_id == chat))
    await s.execute(delete(InboxUpdate).where(InboxUpdate.chat_id == chat,
                                              InboxUpdate.status != "pending"))
    await s.execute(delete(OutboxMessage).where(OutboxMessage.chat_id == chat,
                                                OutboxMessage.status != "pending"))
    for escalation in (await s.scalars(select(Escalation).where(
            Escalation.student_chat_id == chat))).all():
        escalation.excerpt_enc, escalation.note_enc = None, None
        escalation.student_chat_id = 0
    await s.delete(person)  # requests, sessions, messages, notes, feedback go with it
    await s.flush()
    await uow.audit.add("system", "person.forgotten", "person:-", {}, now)
    return cleared + [Reply("forget-done")]
