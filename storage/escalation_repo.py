"""Escalation cases: the reads the crisis path needs, shaped like its work."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import bindparam, delete, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from escalation.case import CASE, HANDOVER, Case
from storage.crypto import Cipher
from storage.program_models import CaseMessage, Escalation, RelayMessage

# built once (#14: building a statement cost more CPU than running it)
_UNRESOLVED_FOR_CHAT = (select(Escalation)
                        .where(Escalation.student_chat_id == bindparam("b_chat_id"),
                               Escalation.status != "resolved")
                        .order_by(Escalation.id.desc()).limit(1))
_SINCE = (Escalation.student_chat_id == bindparam("b_chat_id"),
          Escalation.created_at >= bindparam("b_since"),
          or_(Escalation.outcome.is_(None), Escalation.outcome != "false_alarm"))
_HIGHEST_SINCE = select(func.max(Escalation.level)).where(*_SINCE)
_LATEST_SINCE = select(Escalation).where(*_SINCE).order_by(Escalation.id.desc()).limit(1)
_MOST_SERIOUS_SINCE = (select(Escalation).where(*_SINCE)
                       .order_by(Escalation.level.desc(), Escalation.id.desc()).limit(1))
_CASE_MESSAGES = select(CaseMessage.id, CaseMessage.message_id).where(
    CaseMessage.escalation_id == bindparam("b_escalation_id"),
    CaseMessage.chat_id == bindparam("b_chat_id"), CaseMessage.until == bindparam("b_until"))


class Escalations:
    def __init__(self, session: AsyncSession, cipher: Cipher) -> None:
        self._s = session
        self._c = cipher

    async def get(self, escalation_id: int) -> Escalation | None:
        return await self._s.get(Escalation, escalation_id)

    async def open(self, *, chat_id: int, request_id: int | None, level: int,
                   categories: Sequence[str], source: str, words: str, detail: str,
                   now: datetime) -> Escalation:
        case = Escalation(
            request_id=request_id, student_chat_id=chat_id, level=level,
            categories=list(categories), source=source,
            excerpt_enc=self._c.encrypt(words) if words else None,
            detail_enc=self._c.encrypt(detail) if detail else None,
            status=CASE.initial.value, ladder={}, created_at=now,
        )
        self._s.add(case)
        await self._s.flush()
        return case

    async def unresolved_for_chat(self, chat_id: int) -> Escalation | None:
        """The newest case for this student that is not resolved."""
        return await self._s.scalar(_UNRESOLVED_FOR_CHAT, {"b_chat_id": chat_id})

    async def highest_since(self, chat_id: int, since: datetime) -> int:
        """The highest level of this student's cases opened since ``since`` that were not
        closed as a false alarm (0 when none)."""
        level = await self._s.scalar(_HIGHEST_SINCE, {"b_chat_id": chat_id, "b_since": since})
        return int(level or 0)

    async def latest_since(self, chat_id: int, since: datetime) -> Escalation | None:
        """This student's latest case opened since ``since`` that was not closed as a false
        alarm (the one that makes a new request of theirs count as risky)."""
        return (await self._s.scalars(
            _LATEST_SINCE, {"b_chat_id": chat_id, "b_since": since})).first()

    async def most_serious_since(self, chat_id: int, since: datetime) -> Escalation | None:
        """This student's case of the highest level opened since ``since`` (the latest of
        those, if several), not closed as a false alarm: the one ``highest_since`` reads its
        level from."""
        return (await self._s.scalars(
            _MOST_SERIOUS_SINCE, {"b_chat_id": chat_id, "b_since": since})).first()

    async def earlier(self, case: Escalation) -> Escalation | None:
        """The same student's case before this one, if any."""
        return (await self._s.scalars(
            select(Escalation).where(Escalation.student_chat_id == case.student_chat_id,
                                     Escalation.id < case.id)
            .order_by(Escalation.id.desc()).limit(1))).first()

    async def unresolved(self) -> Sequence[Escalation]:
        return (await self._s.scalars(
            select(Escalation).where(Escalation.status != "resolved").order_by(Escalation.id)
        )).all()

    async def shown(self, escalation_id: int, chat_id: int, message_id: int, until: str,
                    replace: bool = True) -> tuple[bool, list[int]]:
        """A message with the case's buttons reached ``chat_id`` as ``message_id``; they mean
        something until the case is ``until`` (taken over, or resolved). Returns whether they
        still do (False, nothing recorded: that happened while the message was on its way)
        and the earlier messages of the case in that chat with the same buttons, which this
        one replaces (forgotten here, so the caller clears them: one live ping per person,
        however long the ladder climbed). ``replace=False``: it replaces none of them (a list
        the member asked for, shown beside the ping)."""
        case = await self.get(escalation_id)
        if case is None or _over(case, until):
            return False, []
        earlier = (await self._s.execute(_CASE_MESSAGES, {
            "b_escalation_id": escalation_id, "b_chat_id": chat_id, "b_until": until})).all() \
            if replace else []
        if earlier:
            await self._s.execute(delete(CaseMessage).where(
                CaseMessage.id.in_([row_id for row_id, _ in earlier])))
        self._s.add(CaseMessage(escalation_id=escalation_id, chat_id=chat_id,
                                message_id=message_id, until=until))
        return True, [int(replaced) for _, replaced in earlier]

    async def stale_messages(self, case: Escalation) -> list[tuple[int, int]]:
        """The (chat, message) whose buttons the case's new status makes meaningless, once
        each: forgotten here, so the caller clears them."""
        untils = [u for u in _OVER if _over(case, u)]
        if not untils:
            return []
        rows = (await self._s.scalars(
            select(CaseMessage).where(CaseMessage.escalation_id == case.id,
                                      CaseMessage.until.in_(untils)).order_by(CaseMessage.id)
        )).all()
        await self._s.execute(delete(CaseMessage).where(
            CaseMessage.id.in_([r.id for r in rows])))
        return [(r.chat_id, r.message_id) for r in rows]

    def words(self, case: Escalation) -> str:
        return self._c.decrypt(case.excerpt_enc) if case.excerpt_enc else ""

    def detail(self, case: Escalation) -> str:
        return self._c.decrypt(case.detail_enc) if case.detail_enc else ""

    def set_note(self, case: Escalation, note: str) -> None:
        case.note_enc = self._c.encrypt(note)

    def set_detail(self, case: Escalation, detail: str) -> None:
        case.detail_enc = self._c.encrypt(detail)

    def set_words(self, case: Escalation, words: str) -> None:
        if words:
            case.excerpt_enc = self._c.encrypt(words)

    async def student_words(self, session_id: int, limit: int = 3) -> list[str]:
        """The student's last messages in a chat session, oldest first (decrypted)."""
        rows = (await self._s.scalars(
            select(RelayMessage).where(RelayMessage.session_id == session_id,
                                       RelayMessage.sender == "student")
            .order_by(RelayMessage.id.desc()).limit(limit)
        )).all()
        return [self._c.decrypt(r.body_enc) for r in reversed(rows)]


_OVER = {  # a case message's buttons are over once the case is in one of these states
    "taken": frozenset({Case.TAKEN_OVER.value, Case.RESOLVED.value}),
    # outcome buttons: over once resolved, and while the case is open again (paging: nobody
    # has seen it now, and an open case cannot be closed; a trial: a coordinator's outcome
    # button from her Seen, pressed after the re-page, was refused). The new ping's Seen
    # brings them back.
    "resolved": frozenset({Case.RESOLVED.value, Case.OPEN.value}),
    # a colleague's request to take the case over (escalation.case.HANDOVER): over once it
    # is resolved, or taken over by anyone while no handover is asked for any more
    "handover": frozenset({Case.RESOLVED.value}),
}


def _over(case: Escalation, until: str) -> bool:
    if until == "handover" and case.status == Case.TAKEN_OVER.value:
        return not (case.ladder or {}).get(HANDOVER)
    return case.status in _OVER[until]
