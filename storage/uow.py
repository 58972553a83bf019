"""Unit of work: one transaction, all repositories on it; commit explicitly or roll back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from types import TracebackType
from typing import Any

from sqlalchemy import bindparam, exists, select, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from routing.lifecycles import SessionStatus
from storage.crypto import Cipher
from storage.db import HELD, READ_ONLY
from storage.escalation_repo import Escalations
from storage.gate import Gate
from storage.models import Conversation, Exercise, Person
from storage.privacy_repo import Privacy
from storage.program_models import ChatSession, Member
from storage.program_repos import (
    FeedbackRepo,
    Invites,
    Members,
    Notes,
    Offers,
    RiskReports,
    Sessions,
    Shifts,
    StudentReports,
    Timers,
)
from storage.repositories import (
    CONNECTION,
    LIVE,
    Audit,
    Conversations,
    Exercises,
    Inbox,
    Outbox,
    People,
    Plans,
    Requests,
)

_PRIME = (select(Person, Member, Conversation.flow, Conversation.state, Conversation.data_enc,
                 Conversation.version,
                 exists().where(Exercise.chat_id == bindparam("b_chat_id"),
                                Exercise.status.in_(LIVE)),
                 exists().where(ChatSession.student_chat_id == bindparam("b_chat_id"),
                                ChatSession.status == SessionStatus.ACTIVE.value))
          .select_from(Person)
          .outerjoin(Member, Member.telegram_id == Person.telegram_id)
          .outerjoin(Conversation, Conversation.chat_id == bindparam("b_chat_id"))
          .where(Person.telegram_id == bindparam("b_telegram_id")))
TIMERS_CHANNEL = "sejawat_timers"  # PostgreSQL NOTIFY: a timer was armed (bot.scheduler)
TimerArmed = Callable[[datetime], None]


class UnitOfWork:
    people: People
    conversations: Conversations
    requests: Requests
    inbox: Inbox
    outbox: Outbox
    audit: Audit
    members: Members
    invites: Invites
    shifts: Shifts
    offers: Offers
    sessions: Sessions
    notes: Notes
    feedback: FeedbackRepo
    timers: Timers
    escalations: Escalations
    privacy: Privacy
    risk_reports: RiskReports
    student_reports: StudentReports
    plans: Plans
    exercises: Exercises

    def __init__(self, sessions: async_sessionmaker[Any], cipher: Cipher,
                 gate: Gate | None = None, on_timer: TimerArmed | None = None,
                 notify: bool = False, read_only: bool = False) -> None:
        self._sessions = sessions
        self._cipher = cipher
        self._read_only = read_only
        self._gate = None if read_only else gate  # a reader waits for no writer (SQLite WAL)
        self._on_timer = on_timer
        self._notify = notify
        self._session: AsyncSession | None = None

    @property
    def cipher(self) -> Cipher:
        return self._cipher

    @property
    def session(self) -> AsyncSession:
        assert self._session is not None, "use `async with uow:`"
        return self._session

    async def __aenter__(self) -> UnitOfWork:
        if self._gate is not None:
            await self._gate.acquire()
        try:
            return await self._open()
        except BaseException:
            if self._gate is not None:
                self._gate.release()
            raise

    async def _open(self) -> UnitOfWork:
        session = self._sessions()
        self._session = session
        # The session's identity map holds rows only while something references them, so a
        # row read twice in one update (the person, the request, the member: often four or
        # five times) was read from the database each time. Held in the session's info for
        # the unit of work (storage.db.sessionmaker listens, once for all sessions).
        self.people = People(session)
        self.conversations = Conversations(session, self._cipher)
        self.requests = Requests(session, self._cipher)
        self.inbox = Inbox(session, self._cipher)
        self.outbox = Outbox(session, self._cipher)
        self.audit = Audit(session)
        self.members = Members(session)
        self.invites = Invites(session)
        self.shifts = Shifts(session)
        self.offers = Offers(session)
        self.sessions = Sessions(session, self._cipher, self.people, self.members)
        self.notes = Notes(session, self._cipher)
        self.feedback = FeedbackRepo(session, self._cipher)
        self.timers = Timers(session)
        self.escalations = Escalations(session, self._cipher)
        self.privacy = Privacy(session, self._cipher, self.conversations)
        self.risk_reports = RiskReports(session, self._cipher)
        self.student_reports = StudentReports(session, self._cipher)
        self.plans = Plans(session, self._cipher)
        self.exercises = Exercises(session)
        # (the session begins its transaction when first used: asking it here cost a
        # greenlet switch per unit of work and changed nothing; SQLite's BEGIN, storage.db,
        # came with the first statement either way)
        if self._read_only:
            await session.connection(execution_options={READ_ONLY: True})
        return self

    async def prime(self, telegram_id: int, chat_id: int) -> None:
        """What processing an update reads first, in one statement (#14): the person who
        wrote, whether they are a member, the chat's conversation, and whether the chat has
        a live exercise and an active chat with the student in it (each then known to its
        repository for the rest of the unit of work: a chat with neither is not looked up for
        them again). Nothing is known of someone who never wrote before: their first update
        reads as before."""
        row = (await self.session.execute(
            _PRIME, {"b_telegram_id": telegram_id, "b_chat_id": chat_id})).first()
        if row is None:
            return
        person, member, flow, state, data_enc, version, exercise, chatting = row
        self.people.known(person)
        self.members.known(telegram_id, member)
        if flow is None:
            self.conversations.absent(chat_id)
        else:
            self.conversations.known(chat_id, (flow, state, data_enc, version))
        if not exercise:
            self.exercises.none_live(chat_id)
        if not chatting:
            self.sessions.none_active(chat_id)

    async def commit(self) -> None:
        if self._read_only:
            raise RuntimeError("a unit of work opened to read (Store.read) cannot commit")
        armed = self.timers.earliest_armed
        if armed is not None and self._notify:  # every worker's sweeper (bot.scheduler)
            await self.session.execute(text(f"NOTIFY {TIMERS_CHANNEL}"))  # sent on commit
        await self.session.commit()
        if armed is not None and self._on_timer is not None:
            self._on_timer(armed)  # this process's sweeper

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        session = self.session
        self._session = None
        try:
            if session.in_transaction():
                if exc_type is None:
                    # read-only use: keep what was loaded usable after the transaction ends
                    # (a rollback would expire it); nothing uncommitted reaches the database
                    session.expunge_all()
                await session.rollback()
        finally:
            session.sync_session.info.pop(HELD, None)
            session.sync_session.info.pop(CONNECTION, None)
            try:
                await session.close()
            finally:
                if self._gate is not None:
                    self._gate.release()


class Store:
    """Factory of units of work over one engine and cipher (and, on SQLite, the gate that
    lets them in one at a time, the most urgent first: storage.gate)."""

    def __init__(self, sessions: async_sessionmaker[Any], cipher: Cipher,
                 gate: Gate | None = None) -> None:
        self.sessions = sessions
        self.cipher = cipher
        self.gate = gate
        # told, after a commit that armed a timer, when it is due (the sweeper: bot.scheduler)
        self.on_timer: TimerArmed | None = None
        # PostgreSQL: such a commit also notifies every worker listening on TIMERS_CHANNEL
        self.notify = sessions.kw.get("bind") is not None and \
            sessions.kw["bind"].dialect.name == "postgresql"

    def __call__(self) -> UnitOfWork:
        return UnitOfWork(self.sessions, self.cipher, self.gate, self.on_timer, self.notify)

    def read(self) -> UnitOfWork:
        """A unit of work that only reads: on SQLite it takes no write lock and does not queue
        at the gate (the sender's look at what is due next, /healthz, /metrics, the timers'
        next due time), so it never waits behind updates being processed."""
        return UnitOfWork(self.sessions, self.cipher, self.gate, read_only=True)
