"""Privacy in SQL: the retention purge, forgetting one student, and the program's counts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, delete, exists, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.crypto import Cipher
from storage.models import (
    CRISIS_TOPIC,
    Conversation,
    Exercise,
    HelpRequest,
    InboxUpdate,
    OutboxMessage,
    Person,
)
from storage.program_models import (
    ChatSession,
    Escalation,
    Feedback,
    Note,
    Offer,
    RelayMessage,
)
from storage.repositories import Conversations


class Privacy:
    def __init__(self, session: AsyncSession, cipher: Cipher,
                 conversations: Conversations | None = None) -> None:
        self._s = session
        self._c = cipher
        self._conversations = conversations  # told what it deletes of theirs (their rows)

    async def purge(self, cutoff: datetime) -> int:
        """Delete what is older than ``cutoff``: messages, payloads, notes, comments, excerpts,
        idle conversations; descriptions of finished requests are blanked. Returns the rows
        changed."""
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
            .values(excerpt_enc=None, detail_enc=None, note_enc=None),
            update(HelpRequest).where(HelpRequest.status.in_(("closed", "withdrawn")),
                                      HelpRequest.updated_at < cutoff)
            .values(description_enc=self._c.encrypt("")),
            delete(Conversation).where(Conversation.updated_at < cutoff),
            delete(Exercise).where(Exercise.ended_at < cutoff),
        ):
            result = await self._s.execute(statement)
            changed += int(getattr(result, "rowcount", 0) or 0)
        if self._conversations is not None:
            self._conversations.forget()
        return changed

    async def forget(self, person: Person, chat_id: int) -> None:
        """Delete a student and everything they wrote (escalations keep no words of theirs)."""
        s = self._s
        await s.execute(delete(Conversation).where(Conversation.chat_id == chat_id))
        if self._conversations is not None:
            self._conversations.forget(chat_id)
        await s.execute(delete(InboxUpdate).where(InboxUpdate.chat_id == chat_id,
                                                  InboxUpdate.status != "pending"))
        await s.execute(delete(OutboxMessage).where(OutboxMessage.chat_id == chat_id,
                                                    OutboxMessage.status != "pending"))
        for case in (await s.scalars(select(Escalation).where(
                Escalation.student_chat_id == chat_id))).all():
            case.excerpt_enc, case.detail_enc, case.note_enc = None, None, None
            case.student_chat_id = 0
            case.request_id = None  # the case itself stays on record (its request goes)
        await s.delete(person)  # requests, sessions, messages, notes, feedback go with it
        await s.flush()

    async def counts(self) -> dict[str, int]:
        """How the program is doing, in numbers (for /stats)."""
        async def count(model: type[object], *where: object) -> int:
            query = select(func.count()).select_from(model)
            for clause in where:
                query = query.where(clause)  # type: ignore[arg-type]
            return int(await self._s.scalar(query) or 0)

        # practice (the sandbox's training: handlers.practice) is not the program's work
        real = HelpRequest.person_id.not_in(
            select(Person.id).where(Person.practice_with.is_not(None)))
        real_chat = ChatSession.request_id.in_(select(HelpRequest.id).where(real))
        # a chat a counselor opened with a student who asked nobody (a crisis case taken over
        # before any request: its request is the counselor's, topic "crisis") is not a peer
        # chat, nor a request (a trial: /stats counted it as both)
        # a supporter was in it: one is now, or one joined it while it lasted (the offer
        # accepted as it started, or a handover to them); a supporter's id is cleared when
        # they leave (a trial: chats left, handed back or taken over by a counselor were
        # counted as the counselor's: "with a supporter: 1 finished, a counselor only: 7")
        joined = exists().where(
            Offer.request_id == ChatSession.request_id, Offer.status == "accepted",
            Offer.decided_at >= ChatSession.started_at,
            or_(ChatSession.ended_at.is_(None), Offer.decided_at < ChatSession.ended_at,
                Offer.decided_at == ChatSession.started_at))
        peer = or_(ChatSession.supporter_id.is_not(None), joined)
        alone = and_(ChatSession.supporter_id.is_(None), ~joined)
        return {
            "requests": await count(HelpRequest, real, HelpRequest.topic != CRISIS_TOPIC),
            "queued": await count(HelpRequest, real, HelpRequest.status == "queued"),
            "active": await count(ChatSession, real_chat, peer, ChatSession.status == "active"),
            "closed": await count(ChatSession, real_chat, peer, ChatSession.status == "closed"),
            "counselor_active": await count(ChatSession, real_chat, alone,
                                            ChatSession.status == "active"),
            "counselor_closed": await count(ChatSession, real_chat, alone,
                                            ChatSession.status == "closed"),
            "escalations": await count(Escalation),
            "open_escalations": await count(Escalation, Escalation.status != "resolved"),
        }
