"""Repositories for staff, invites, shifts, offers, sessions, notes, feedback and timers."""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Integer, bindparam, func, insert, inspect, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.sql import Executable

from routing.lifecycles import OFFER, REPORT, SESSION, OfferStatus, ReportStatus
from storage.crypto import Cipher
from storage.models import HelpRequest, Person
from storage.program_models import (
    ChatSession,
    Escalation,
    Feedback,
    Invite,
    Member,
    Note,
    Offer,
    RelayCopy,
    RelayMessage,
    RiskReport,
    Shift,
    StudentReport,
    Timer,
)
from storage.repositories import People, flush_pending, run_core

_CANCEL = (update(Timer).where(Timer.kind == bindparam("b_kind"), Timer.ref == bindparam("b_ref"),
                               Timer.status == "pending").values(status="cancelled"))
_DUE = (select(Timer.id, Timer.kind).where(Timer.status == "pending",
                                           Timer.due_at <= bindparam("b_now"))
        .order_by(Timer.due_at, Timer.id).limit(bindparam("b_limit", type_=Integer)))


@functools.cache
def _arm_statement(dialect: str) -> Executable:
    """``Timers.set``'s upsert, built once per dialect (run with the row's values)."""
    insert = (pg_insert if dialect == "postgresql" else sqlite_insert)(Timer)
    return insert.on_conflict_do_update(
        index_elements=["kind", "ref"],
        set_={k: insert.excluded[k] for k in ("due_at", "payload", "status", "fired_at")})


SCREENING = "screening"  # a chat's history line that is a /screen answer, not a message
WAITING = "waiting"  # a student's words after their chat was handed back, read by nobody yet

# built once (#14: building a statement cost more CPU than running it); run through the
# session, so the ORM treats them as before
_MEMBER = select(Member).where(Member.telegram_id == bindparam("b_telegram_id"))
_RECORD = insert(RelayMessage)
_ACTIVITY = (update(ChatSession).where(ChatSession.id == bindparam("b_id"))
             .values(last_activity_at=bindparam("b_at"), idle_warned=False))
_MEMBERS = select(Member).order_by(Member.role, Member.id)
_MEMBERS_OF_ROLE = _MEMBERS.where(Member.role == bindparam("b_role"))
_LOCK_OFFER = select(Offer).where(Offer.id == bindparam("b_id")).with_for_update()
_PENDING_COUNTS = (select(Offer.member_id, func.count()).where(Offer.status == "pending")
                   .group_by(Offer.member_id))
_PENDING_REQUEST_IDS = select(Offer.request_id).where(Offer.status == "pending")
_RECENTLY = select(Offer.request_id, Offer.member_id).where(
    Offer.status == bindparam("b_status"), Offer.decided_at >= bindparam("b_since"))
_RECENTLY_ANY = select(Offer.status, Offer.request_id, Offer.member_id).where(
    Offer.status.in_(bindparam("b_statuses", expanding=True)),
    Offer.decided_at >= bindparam("b_since"))
_ACTIVE_FOR_STUDENT = select(ChatSession).where(
    ChatSession.student_chat_id == bindparam("b_chat_id"), ChatSession.status == "active")
_ACTIVE_FOR_MEMBER = select(ChatSession).where(
    ChatSession.status == "active",
    (ChatSession.supporter_id == bindparam("b_member_id"))
    | (ChatSession.counselor_id == bindparam("b_member_id")),
).order_by(ChatSession.id)
_SUPPORTER, _COUNSELOR = aliased(Member), aliased(Member)
_SUPPORTER_PERSON, _COUNSELOR_PERSON = aliased(Person), aliased(Person)
# a student's active chat with what relaying into it reads: its request, its supporter and
# counselor, and their persons (the language their copy is rendered in)
_ACTIVE_WITH_STAFF = (
    select(ChatSession, HelpRequest, _SUPPORTER, _SUPPORTER_PERSON, _COUNSELOR,
           _COUNSELOR_PERSON)
    .outerjoin(HelpRequest, HelpRequest.id == ChatSession.request_id)
    .outerjoin(_SUPPORTER, _SUPPORTER.id == ChatSession.supporter_id)
    .outerjoin(_SUPPORTER_PERSON, _SUPPORTER_PERSON.telegram_id == _SUPPORTER.telegram_id)
    .outerjoin(_COUNSELOR, _COUNSELOR.id == ChatSession.counselor_id)
    .outerjoin(_COUNSELOR_PERSON, _COUNSELOR_PERSON.telegram_id == _COUNSELOR.telegram_id)
    .where(ChatSession.student_chat_id == bindparam("b_chat_id"),
           ChatSession.status == "active"))
_LOADS = (select(ChatSession.supporter_id, func.count()).where(ChatSession.status == "active")
          .group_by(ChatSession.supporter_id))
_COUNSELOR_LOADS = (select(ChatSession.counselor_id, func.count())
                    .where(ChatSession.status == "active").group_by(ChatSession.counselor_id))
_HANDED_BACK = (select(ChatSession).where(ChatSession.request_id == bindparam("b_request_id"),
                                          ChatSession.ended_by == "handback")
                .order_by(ChatSession.id.desc()).limit(1))
_RETURNED = (select(ChatSession.request_id)
             .where(ChatSession.request_id.in_(bindparam("b_request_ids", expanding=True)))
             .distinct())
_COPIED = insert(RelayCopy).from_select(
    ["relay_message_id", "chat_id", "telegram_message_id"],
    select(RelayMessage.id, bindparam("b_chat_id", type_=BigInteger),
           bindparam("b_telegram_id", type_=BigInteger))
    .where(RelayMessage.id == bindparam("b_id")))
_NOTES = select(Note).where(Note.request_id == bindparam("b_request_id")).order_by(Note.id)


def hash_code(code: str) -> str:
    return hashlib.sha256(code.encode("utf-8")).hexdigest()


class Members:
    def __init__(self, session: AsyncSession) -> None:
        self._s = session
        # telegram id -> the member (None: not one), as read in this unit of work (an update
        # asks several times: the router, the staff handlers, their replies)
        self._known: dict[int, Member | None] = {}

    def known(self, telegram_id: int, member: Member | None) -> None:
        """Read already (storage.uow's first read of an update)."""
        self._known[telegram_id] = member

    async def by_telegram_id(self, telegram_id: int) -> Member | None:
        if telegram_id in self._known:
            known = self._known[telegram_id]
            if known is None or (known in self._s and not inspect(known).deleted):
                return known
        member = await self._s.scalar(_MEMBER, {"b_telegram_id": telegram_id})
        self._known[telegram_id] = member
        return member

    async def get(self, member_id: int) -> Member | None:
        return await self._s.get(Member, member_id)

    async def add(self, telegram_id: int, role: str, name: str, now: datetime, *,
                  languages: Sequence[str] = (), topics: Sequence[str] = (),
                  trained: bool = False, capacity: int = 2) -> Member:
        member = Member(telegram_id=telegram_id, role=role, name=name,
                        languages=list(languages), topics=list(topics), trained=trained,
                        active=True, capacity=capacity, on_duty=False, created_at=now)
        self._s.add(member)
        await self._s.flush()
        self._known[telegram_id] = member
        return member

    async def all(self, role: str | None = None) -> Sequence[Member]:
        if role is None:
            return (await self._s.scalars(_MEMBERS)).all()
        return (await self._s.scalars(_MEMBERS_OF_ROLE, {"b_role": role})).all()

    async def on_duty(self, role: str) -> Sequence[Member]:
        return (await self._s.scalars(
            select(Member).where(Member.role == role, Member.on_duty.is_(True),
                                 Member.active.is_(True)).order_by(Member.id)
        )).all()

    async def lock(self, member_id: int) -> Member | None:
        return await self._s.scalar(
            select(Member).where(Member.id == member_id).with_for_update()
        )

    async def delete(self, member: Member) -> None:
        self._known.pop(member.telegram_id, None)
        await self._s.delete(member)
        await self._s.flush()


class Invites:
    def __init__(self, session: AsyncSession) -> None:
        self._s = session

    async def create(self, code: str, role: str, created_by: int | None, now: datetime,
                     expires_at: datetime) -> Invite:
        invite = Invite(code_hash=hash_code(code), role=role, created_by=created_by,
                        created_at=now, expires_at=expires_at)
        self._s.add(invite)
        await self._s.flush()
        return invite

    async def get(self, invite_id: int) -> Invite | None:
        return await self._s.scalar(
            select(Invite).where(Invite.id == invite_id).with_for_update()
        )

    async def find(self, code: str) -> Invite | None:
        return await self._s.scalar(
            select(Invite).where(Invite.code_hash == hash_code(code)).with_for_update()
        )


class Shifts:
    def __init__(self, session: AsyncSession) -> None:
        self._s = session

    async def all(self) -> Sequence[Shift]:
        return (await self._s.scalars(select(Shift).order_by(Shift.id))).all()

    async def add(self, member_id: int, days: list[str], start: str, end: str,
                  source: str = "chat") -> Shift:
        shift = Shift(member_id=member_id, days=days, start=start, end=end, source=source)
        self._s.add(shift)
        await self._s.flush()
        return shift

    async def get(self, shift_id: int) -> Shift | None:
        return await self._s.get(Shift, shift_id)

    async def delete(self, shift: Shift) -> None:
        await self._s.delete(shift)
        await self._s.flush()


class Offers:
    def __init__(self, session: AsyncSession) -> None:
        self._s = session

    async def create(self, request_id: int, member_id: int, now: datetime) -> Offer:
        offer = Offer(request_id=request_id, member_id=member_id,
                      status=OFFER.initial.value, created_at=now)
        self._s.add(offer)
        await self._s.flush()
        return offer

    async def get(self, offer_id: int) -> Offer | None:
        return await self._s.scalar(_LOCK_OFFER, {"b_id": offer_id})

    async def pending_for_request(self, request_id: int) -> Offer | None:
        return await self._s.scalar(
            select(Offer).where(Offer.request_id == request_id, Offer.status == "pending")
        )

    async def accepted(self, request_id: int) -> list[int]:
        """Who accepted this request, oldest first (a chat's supporter is cleared when they
        leave it; this still says who held it)."""
        return list(await self._s.scalars(
            select(Offer.member_id).where(Offer.request_id == request_id,
                                          Offer.status == OfferStatus.ACCEPTED.value)
            .order_by(Offer.id)))

    async def joined_since(self, since: datetime) -> dict[int, int]:
        """How many chats each supporter joined at ``since`` or later: the offers they accepted
        (a new chat, one handed back or one handed over to them), the chats they left since
        included, as a chat's supporter is cleared when they leave it (the coordinators'
        /roster; practice with a scripted student is training, not counted)."""
        rows = await self._s.execute(
            select(Offer.member_id, func.count())
            .join(HelpRequest, HelpRequest.id == Offer.request_id)
            .join(Person, Person.id == HelpRequest.person_id)
            .where(Offer.status == OfferStatus.ACCEPTED.value, Offer.decided_at >= since,
                   Person.practice_with.is_(None))
            .group_by(Offer.member_id))
        return {int(member): int(count) for member, count in rows.all()}

    async def pending_for_member(self, member_id: int) -> Sequence[Offer]:
        return (await self._s.scalars(
            select(Offer).where(Offer.member_id == member_id, Offer.status == "pending")
        )).all()

    async def refused_since(self, request_id: int, since: datetime) -> bool:
        """Whether an offer of this request was declined or went unanswered at ``since`` or
        later."""
        return await self._s.scalar(select(Offer.id).where(
            Offer.request_id == request_id,
            Offer.status.in_((OfferStatus.DECLINED.value, OfferStatus.EXPIRED.value)),
            Offer.decided_at >= since).limit(1)) is not None

    async def missed_in_a_row(self, member_id: int, since: datetime | None) -> int:
        """How many of the member's latest offers (since ``since``) expired unanswered, counted
        back from the newest until one they answered (or one withdrawn)."""
        query = select(Offer.status).where(Offer.member_id == member_id,
                                           Offer.status != OfferStatus.PENDING.value)
        if since is not None:
            query = query.where(Offer.created_at >= since)
        missed = 0
        for status in await self._s.scalars(query.order_by(Offer.id.desc()).limit(20)):
            if status != OfferStatus.EXPIRED.value:
                break
            missed += 1
        return missed

    async def pending_counts(self) -> dict[int, int]:
        """Pending offers per member (they reserve capacity until answered)."""
        rows = await self._s.execute(_PENDING_COUNTS)
        return {member: int(count) for member, count in rows.all()}

    async def pending_request_ids(self) -> set[int]:
        rows = await self._s.scalars(_PENDING_REQUEST_IDS)
        return set(rows)

    async def recently(self, outcome: OfferStatus, since: datetime) -> dict[int, set[int]]:
        """request id -> members whose offer of it ended with ``outcome`` since ``since``."""
        rows = await self._s.execute(_RECENTLY, {"b_status": outcome.value, "b_since": since})
        found: dict[int, set[int]] = {}
        for request_id, member_id in rows.all():
            found.setdefault(request_id, set()).add(member_id)
        return found

    async def recently_any(self, outcomes: Sequence[OfferStatus], since: datetime
                           ) -> dict[OfferStatus, dict[int, set[int]]]:
        """``recently`` for several outcomes in one statement (#14: the queue looks at the
        declined and the expired offers each time): outcome -> request id -> members."""
        rows = await self._s.execute(_RECENTLY_ANY, {
            "b_statuses": [o.value for o in outcomes], "b_since": since})
        found: dict[OfferStatus, dict[int, set[int]]] = {o: {} for o in outcomes}
        for status, request_id, member_id in rows.all():
            found[OfferStatus(status)].setdefault(request_id, set()).add(member_id)
        return found

    async def first_decided(self, outcome: OfferStatus, since: datetime,
                            request_ids: Sequence[int]) -> datetime | None:
        """The earliest moment one of these requests' offers ended with ``outcome`` since
        ``since`` (None if none did)."""
        if not request_ids:
            return None
        return await self._s.scalar(select(func.min(Offer.decided_at)).where(
            Offer.status == outcome.value, Offer.decided_at >= since,
            Offer.request_id.in_(request_ids)))

    async def shown(self, offer_id: int, message_id: int) -> bool:
        """The offer's message reached the supporter as ``message_id`` (so its buttons can be
        cleared when it ends unanswered); False if it ended before it was delivered."""
        offer = await self.get(offer_id)
        if offer is None:
            return False
        offer.message_id = message_id
        return offer.status == OfferStatus.PENDING.value

    async def decide(self, offer: Offer, event: str, now: datetime) -> None:
        """``accept`` / ``decline`` / ``expire`` / ``withdraw`` along ``OFFER``.

        The outcome's name ("withdrawn") is still understood, for callers written before the
        lifecycle table (handlers/cases.py); new code passes the event."""
        OFFER.fire(offer, _OFFER_EVENTS.get(event, event))
        offer.decided_at = now
        await self._s.flush()


_OFFER_EVENTS = {"accepted": "accept", "declined": "decline", "expired": "expire",
                 "withdrawn": "withdraw"}


class Sessions:
    def __init__(self, session: AsyncSession, cipher: Cipher, people: People,
                 members: Members) -> None:
        self._s = session
        self._c = cipher
        self._people = people
        self._members = members
        # student chats read with no active chat in this unit of work (storage.uow's first
        # read); only start() makes one active
        self._none_active: set[int] = set()

    def none_active(self, chat_id: int) -> None:
        """Read already: no active chat has this student (storage.uow's first read)."""
        self._none_active.add(chat_id)

    async def start(self, request: HelpRequest, student_chat_id: int, supporter_id: int | None,
                    now: datetime) -> ChatSession:
        chat = ChatSession(request_id=request.id, student_chat_id=student_chat_id,
                           supporter_id=supporter_id, status=SESSION.initial.value,
                           started_at=now,
                           last_activity_at=now)
        self._s.add(chat)
        await self._s.flush()
        self._none_active.discard(student_chat_id)
        return chat

    async def get(self, session_id: int) -> ChatSession | None:
        return await self._s.get(ChatSession, session_id)

    async def active_for_student(self, chat_id: int, *, staff: bool = False
                                 ) -> ChatSession | None:
        """The student's active chat; ``staff``: read with its request, its supporter and
        counselor and their persons, in the same statement (#14: a relayed message read each
        of them after the chat, four statements), each then known to its repository."""
        if chat_id in self._none_active:
            return None
        if not staff:
            return await self._s.scalar(_ACTIVE_FOR_STUDENT, {"b_chat_id": chat_id})
        row = (await self._s.execute(_ACTIVE_WITH_STAFF, {"b_chat_id": chat_id})).first()
        if row is None:
            return None
        chat, _request, supporter, supporter_person, counselor, counselor_person = row
        for member, person in ((supporter, supporter_person), (counselor, counselor_person)):
            if member is not None:
                self._members.known(member.telegram_id, member)
            if person is not None:
                self._people.known(person)
        return chat

    async def active_for_member(self, member_id: int) -> Sequence[ChatSession]:
        return (await self._s.scalars(_ACTIVE_FOR_MEMBER, {"b_member_id": member_id})).all()

    async def ended_for_student_since(self, chat_id: int, since: datetime,
                                      before: int | None = None) -> ChatSession | None:
        """The student's chat that ended last, if it ended at ``since`` or later (and, with
        ``before``, started before the chat with that id)."""
        query = select(ChatSession).where(
            ChatSession.student_chat_id == chat_id, ChatSession.status == "closed",
            ChatSession.ended_at >= since)
        if before is not None:
            query = query.where(ChatSession.id < before)
        return await self._s.scalar(
            query.order_by(ChatSession.ended_at.desc(), ChatSession.id.desc()).limit(1))

    async def started_since(self, since: datetime) -> dict[int, int]:
        """How many chats each supporter started at ``since`` or later (wellbeing limits;
        practice with a scripted student is training, not counted)."""
        rows = await self._s.execute(
            select(ChatSession.supporter_id, func.count())
            .join(HelpRequest, HelpRequest.id == ChatSession.request_id)
            .join(Person, Person.id == HelpRequest.person_id)
            .where(ChatSession.started_at >= since, ChatSession.supporter_id.is_not(None),
                   Person.practice_with.is_(None))
            .group_by(ChatSession.supporter_id))
        return {int(member or 0): int(count) for member, count in rows.all()}

    async def time_since(self, since: datetime, now: datetime) -> dict[int, float]:
        """Seconds each supporter spent in chats between ``since`` and ``now`` (a chat still
        open counts until now)."""
        rows = await self._s.execute(
            select(ChatSession.supporter_id, ChatSession.started_at, ChatSession.ended_at)
            .join(HelpRequest, HelpRequest.id == ChatSession.request_id)
            .join(Person, Person.id == HelpRequest.person_id)
            .where(ChatSession.supporter_id.is_not(None), Person.practice_with.is_(None),
                   (ChatSession.ended_at.is_(None)) | (ChatSession.ended_at >= since)))
        spent: dict[int, float] = {}
        for member, started, ended in rows.all():
            seconds = ((ended or now) - max(started, since)).total_seconds()
            key = int(member or 0)
            spent[key] = spent.get(key, 0.0) + max(0.0, seconds)
        return spent

    async def last_ended_for_member(self, member_id: int, since: datetime
                                    ) -> ChatSession | None:
        """The chat this member was in that ended last, if it ended at ``since`` or later."""
        return await self._s.scalar(
            select(ChatSession).where(
                ChatSession.status == "closed", ChatSession.ended_at >= since,
                (ChatSession.supporter_id == member_id) | (ChatSession.counselor_id == member_id),
            ).order_by(ChatSession.ended_at.desc(), ChatSession.id.desc()).limit(1)
        )

    async def staff(self, chat: ChatSession) -> list[Member]:
        """The supporter and the counselor in a chat (whoever of them there is), in that order."""
        ids = [i for i in (chat.supporter_id, chat.counselor_id) if i]
        members = [await self._s.get(Member, i) for i in ids]
        return [m for m in members if m is not None]

    async def in_crisis(self) -> set[int]:
        """The supporters in a chat whose student has a crisis case not yet resolved: they get
        no new requests until it is (a trial: a supporter with a student on a rooftop was
        offered the next student)."""
        rows = await self._s.scalars(
            select(ChatSession.supporter_id).distinct()
            .join(Escalation, Escalation.student_chat_id == ChatSession.student_chat_id)
            .where(ChatSession.status == "active", ChatSession.supporter_id.is_not(None),
                   Escalation.status != "resolved"))
        return {int(member) for member in rows.all() if member is not None}

    async def load(self, member_id: int) -> int:
        return int(await self._s.scalar(
            select(func.count()).select_from(ChatSession).where(
                ChatSession.status == "active", ChatSession.supporter_id == member_id)
        ) or 0)

    async def loads(self) -> dict[int, int]:
        """Open chats per supporter (their capacity is counted in these)."""
        rows = await self._s.execute(_LOADS)
        return {member: int(count) for member, count in rows.all() if member is not None}

    async def chats_per_member(self) -> dict[int, int]:
        """Open chats per member, a supporter's and a counselor's (who took a student over):
        what the roster shows (a trial: a counselor alone with a student read "chats: 0")."""
        counts = dict(await self.loads())
        for member, count in (await self._s.execute(_COUNSELOR_LOADS)).all():
            if member is not None:
                counts[member] = counts.get(member, 0) + int(count)
        return counts

    async def record(self, chat: ChatSession, sender: str, body: str, now: datetime) -> int:
        """Store one message of the chat (encrypted); its id."""
        # one prebuilt INSERT past the ORM (#14: an object and a flush per relayed message);
        # nothing reads it back as an object in the same unit of work
        result = await run_core(self._s, _RECORD, {
            "session_id": chat.id, "sender": sender, "body_enc": self._c.encrypt(body),
            "created_at": now})
        if chat.last_activity_at != now or chat.idle_warned:
            # the chat's activity, one prebuilt UPDATE (#14: the ORM flushed the chat for it,
            # before the idle timer's statement); the object says what the row says
            await run_core(self._s, _ACTIVITY, {"b_id": chat.id, "b_at": now})
            set_committed_value(chat, "last_activity_at", now)
            set_committed_value(chat, "idle_warned", False)
        return int(result.inserted_primary_key[0])

    async def record_screening(self, chat: ChatSession, question: str, answer: str,
                               now: datetime) -> None:
        """A ``/screen`` question's answer, kept in the chat's history where it was given
        (``SCREENING``: read as the question and its answer, in the reader's language)."""
        await self.record(chat, SCREENING, f"{question}={answer}", now)

    async def record_waiting(self, chat: ChatSession, body: str, now: datetime) -> None:
        """What the student wrote after this chat was handed back, while nobody was in a
        chat with them (``WAITING``, encrypted): kept after the chat's messages, so whoever
        reads the chat next reads it too, in order. The chat is over: no activity in it."""
        await run_core(self._s, _RECORD, {"session_id": chat.id, "sender": WAITING,
                                          "body_enc": self._c.encrypt(body), "created_at": now})

    async def copied(self, relay_message_id: int, chat_id: int,
                     telegram_message_id: int) -> None:
        """A student's message reached a staff member's chat as ``telegram_message_id``."""
        # one statement, which inserts nothing if the message was forgotten (/forgetme) while
        # it was on the way (was: read the message, then insert the copy)
        await flush_pending(self._s)
        await run_core(self._s, _COPIED, {"b_id": relay_message_id, "b_chat_id": chat_id,
                                          "b_telegram_id": telegram_message_id})

    async def said(self, chat_id: int, telegram_message_id: int) -> Said | None:
        """The student's message a staff member's message ``telegram_message_id`` (in their
        chat ``chat_id``) is the copy of; None if it is not one (or no longer stored)."""
        row = (await self._s.execute(
            select(RelayMessage, ChatSession)
            .join(RelayCopy, RelayCopy.relay_message_id == RelayMessage.id)
            .join(ChatSession, ChatSession.id == RelayMessage.session_id)
            .where(RelayCopy.chat_id == chat_id,
                   RelayCopy.telegram_message_id == telegram_message_id))).first()
        if row is None:
            return None
        message, chat = row
        return Said(message.id, chat, self._c.decrypt(message.body_enc))

    async def messages(self, session_id: int) -> list[tuple[str, str]]:
        rows = await self._s.scalars(
            select(RelayMessage).where(RelayMessage.session_id == session_id)
            .order_by(RelayMessage.id)
        )
        return [(r.sender, self._c.decrypt(r.body_enc)) for r in rows]

    async def handed_back(self, request_id: int) -> ChatSession | None:
        """The request's latest chat that ended because its supporter left (handed back to
        the queue), if any: what the next supporter reads first."""
        return (await self._s.scalars(_HANDED_BACK, {"b_request_id": request_id})).first()

    async def close(self, chat: ChatSession, ended_by: str, now: datetime) -> None:
        SESSION.fire(chat, "close")
        chat.ended_at, chat.ended_by = now, ended_by
        await self._s.flush()

    async def returned(self, request_ids: Sequence[int]) -> set[int]:
        """Which of these (queued) requests were in a chat before: handed back to the queue."""
        if not request_ids:
            return set()
        rows = await self._s.scalars(_RETURNED, {"b_request_ids": list(request_ids)})
        return set(rows)


@dataclass(frozen=True)
class Said:
    """One message a student wrote in a chat, decrypted."""

    relay_message_id: int
    chat: ChatSession
    text: str


@dataclass(frozen=True)
class ReportRow:
    """A risk report for the operator's lexicon review."""

    id: int
    kind: str
    level: int
    created_at: datetime
    pseudonym: str
    role: str
    text: str


class RiskReports:
    """What staff said the crisis detector missed or flagged wrongly (``/missed``,
    ``/falsealarm``)."""

    def __init__(self, session: AsyncSession, cipher: Cipher) -> None:
        self._s = session
        self._c = cipher

    async def add(self, relay_message_id: int, kind: str, level: int, member_id: int,
                  now: datetime) -> bool:
        """Record it; False when that message was already reported so."""
        exists = await self._s.scalar(select(RiskReport.id).where(
            RiskReport.relay_message_id == relay_message_id, RiskReport.kind == kind))
        if exists is not None:
            return False
        self._s.add(RiskReport(relay_message_id=relay_message_id, kind=kind, level=level,
                               member_id=member_id, created_at=now))
        await self._s.flush()
        return True

    async def all(self) -> list[ReportRow]:
        rows = await self._s.execute(
            select(RiskReport, RelayMessage, HelpRequest.pseudonym, Member.role)
            .join(RelayMessage, RelayMessage.id == RiskReport.relay_message_id)
            .join(ChatSession, ChatSession.id == RelayMessage.session_id)
            .join(HelpRequest, HelpRequest.id == ChatSession.request_id)
            .outerjoin(Member, Member.id == RiskReport.member_id)
            .order_by(RiskReport.id))
        return [ReportRow(report.id, report.kind, report.level, report.created_at, pseudonym,
                          role or "-", self._c.decrypt(message.body_enc))
                for report, message, pseudonym, role in rows.all()]


class Notes:
    def __init__(self, session: AsyncSession, cipher: Cipher) -> None:
        self._s = session
        self._c = cipher

    async def add(self, request_id: int, member_id: int, body: str, now: datetime) -> None:
        self._s.add(Note(request_id=request_id, member_id=member_id,
                         body_enc=self._c.encrypt(body), created_at=now))
        await self._s.flush()

    async def for_request(self, request_id: int) -> list[str]:
        rows = await self._s.scalars(_NOTES, {"b_request_id": request_id})
        return [self._c.decrypt(r.body_enc) for r in rows]


class FeedbackRepo:
    def __init__(self, session: AsyncSession, cipher: Cipher) -> None:
        self._s = session
        self._c = cipher

    async def add(self, request_id: int, rating: int | None, comment: str | None,
                  now: datetime) -> None:
        """One feedback per request: the rating as soon as it is given, the comment joins it
        (a rating or comment already there is not wiped by a later None)."""
        row = await self._s.scalar(select(Feedback).where(Feedback.request_id == request_id)
                                   .order_by(Feedback.id.desc()).limit(1))
        if row is None:
            row = Feedback(request_id=request_id, rating=None, comment_enc=None, created_at=now)
            self._s.add(row)
        if rating is not None:
            row.rating = rating
        if comment:
            row.comment_enc = self._c.encrypt(comment)
        await self._s.flush()

    async def ratings(self) -> list[int]:
        rows = await self._s.scalars(select(Feedback.rating).where(Feedback.rating.isnot(None)))
        return [r for r in rows if r is not None]


class Timers:
    def __init__(self, session: AsyncSession) -> None:
        self._s = session
        self.earliest_armed: datetime | None = None  # in this unit of work (storage.uow)

    async def set(self, kind: str, ref: str, due_at: datetime,
                  payload: dict[str, Any] | None = None) -> None:
        """Create or move the timer (kind, ref); a fired or cancelled one is re-armed.

        One atomic upsert, so two transactions arming the same timer cannot collide."""
        await flush_pending(self._s)
        await run_core(self._s, _arm_statement(self._s.get_bind().dialect.name), {
            "kind": kind, "ref": ref, "due_at": due_at, "payload": payload or {},
            "status": "pending", "fired_at": None})
        if self.earliest_armed is None or due_at < self.earliest_armed:
            self.earliest_armed = due_at

    async def get(self, kind: str, ref: str) -> Timer | None:
        """The timer (kind, ref) in whatever state it is (pending, fired, cancelled)."""
        return await self._s.scalar(select(Timer).where(Timer.kind == kind, Timer.ref == ref))

    async def cancel(self, kind: str, ref: str) -> None:
        await flush_pending(self._s)
        await run_core(self._s, _CANCEL, {"b_kind": kind, "b_ref": ref})
        for held in self._s.sync_session.identity_map.values():  # as the ORM's UPDATE would
            if isinstance(held, Timer) and held.kind == kind and held.ref == ref \
                    and held.status == "pending":
                set_committed_value(held, "status", "cancelled")

    async def due(self, now: datetime, limit: int = 50) -> Sequence[Timer]:
        return (await self._s.scalars(
            select(Timer).where(Timer.status == "pending", Timer.due_at <= now)
            .order_by(Timer.due_at, Timer.id).limit(limit)
        )).all()

    async def due_ids(self, now: datetime, limit: int = 50) -> list[tuple[int, str]]:
        """``due`` as (id, kind) pairs, read past the ORM (the sweeper's look: #14)."""
        return [(int(i), str(k)) for i, k in
                await run_core(self._s, _DUE, {"b_now": now, "b_limit": limit})]

    async def next_due(self) -> datetime | None:
        """When the earliest pending timer is due (None when nothing is armed)."""
        return await self._s.scalar(select(func.min(Timer.due_at)).where(Timer.status == "pending"))

    async def claim(self, timer_id: int, now: datetime) -> Timer | None:
        """Mark a due timer fired; None if someone else fired or cancelled it first, is
        firing it now (another worker: it is not waited for), or fired it and armed it again
        for later (a ladder's next rung: found by a review, another worker's claim waited for
        the first one's transaction and then fired the re-armed timer at once)."""
        due = (select(Timer.id)
               .where(Timer.id == timer_id, Timer.status == "pending", Timer.due_at <= now)
               .with_for_update(skip_locked=True).scalar_subquery())
        result = await self._s.execute(
            update(Timer).where(Timer.id == due).values(status="fired", fired_at=now)
        )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            return None
        return await self._s.get(Timer, timer_id)

    async def armed(self, kind: str, ref: str) -> Timer | None:
        """The pending timer (kind, ref), if armed."""
        return await self._s.scalar(
            select(Timer).where(Timer.kind == kind, Timer.ref == ref, Timer.status == "pending")
            .execution_options(populate_existing=True)
        )

    async def pending(self, kind: str | None = None) -> Sequence[Timer]:
        query = select(Timer).where(Timer.status == "pending").order_by(Timer.due_at)
        if kind is not None:
            query = query.where(Timer.kind == kind)
        return (await self._s.scalars(query)).all()


class StudentReports:
    """Supporters' reports about a student (``/report``) and the coordinators' decisions."""

    def __init__(self, session: AsyncSession, cipher: Cipher) -> None:
        self._s = session
        self._c = cipher

    async def add(self, person_id: int, session_id: int | None, reporter_id: int, reason: str,
                  note: str, now: datetime) -> StudentReport:
        report = StudentReport(person_id=person_id, session_id=session_id,
                               reporter_id=reporter_id, reason=reason,
                               note_enc=self._c.encrypt(note) if note else None,
                               status=REPORT.initial.value, created_at=now)
        self._s.add(report)
        await self._s.flush()
        return report

    async def get(self, report_id: int) -> StudentReport | None:
        return await self._s.get(StudentReport, report_id)

    async def open(self) -> Sequence[StudentReport]:
        """Reports waiting for a review, oldest first."""
        return (await self._s.scalars(
            select(StudentReport).where(StudentReport.status == ReportStatus.OPEN.value)
            .order_by(StudentReport.id))).all()

    async def open_about(self, person_id: int, session_id: int | None) -> StudentReport | None:
        """A report about this student in this chat still waiting for a review."""
        return await self._s.scalar(
            select(StudentReport).where(StudentReport.person_id == person_id,
                                        StudentReport.session_id == session_id,
                                        StudentReport.status == ReportStatus.OPEN.value))

    async def blocking(self, person_id: int) -> Sequence[StudentReport]:
        """The reports whose block stands for this student."""
        return (await self._s.scalars(
            select(StudentReport).where(StudentReport.person_id == person_id,
                                        StudentReport.status == ReportStatus.BLOCKED.value)
        )).all()

    async def fire(self, report: StudentReport, event: str, member_id: int,
                   now: datetime) -> None:
        REPORT.fire(report, event)
        report.decided_by, report.decided_at = member_id, now
        await self._s.flush()

    def note(self, report: StudentReport) -> str:
        return self._c.decrypt(report.note_enc) if report.note_enc else ""

    def add_words(self, report: StudentReport, words: str) -> None:
        """More of the reporter's own words, after what the report says already."""
        earlier = self.note(report)
        report.note_enc = self._c.encrypt(f"{earlier} / {words}" if earlier else words)
