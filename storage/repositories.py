"""Repositories: the only code that speaks SQL. Free text goes in and out through the Cipher."""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    Select,
    Update,
    and_,
    bindparam,
    delete,
    func,
    insert,
    inspect,
    or_,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.sql import Executable

from flows.selfhelp import EXERCISE, ExerciseStatus
from routing.lifecycles import REQUEST
from storage.crypto import Cipher, to_json
from storage.models import (
    AuditEntry,
    Conversation,
    Exercise,
    HelpRequest,
    InboxUpdate,
    OutboxMessage,
    Person,
    SafetyPlan,
)

# Statements the handlers run on most updates, built once (#14: building a statement cost more
# CPU than running it); run through the session, so the ORM treats them as before.
_PERSON = select(Person).where(Person.telegram_id == bindparam("b_telegram_id"))
_BLOCKED = select(Person.id).where(Person.blocked_until > bindparam("b_now"))
_LOCK_REQUEST = select(HelpRequest).where(HelpRequest.id == bindparam("b_id")).with_for_update()
_OPEN_REQUEST = (select(HelpRequest)
                 .where(HelpRequest.person_id == bindparam("b_person_id"),
                        HelpRequest.status.in_(("queued", "active")))
                 .order_by(HelpRequest.id.desc()))
_QUEUED = select(HelpRequest).where(HelpRequest.status == "queued").order_by(HelpRequest.id)
_MARK_SCREENED = (update(InboxUpdate).where(InboxUpdate.update_id == bindparam("b_update_id"))
                  .values(screened=True))
LIVE = (ExerciseStatus.RUNNING.value, ExerciseStatus.PAUSED.value)  # an exercise's live states
_LIVE_EXERCISE = (select(Exercise)
                  .where(Exercise.chat_id == bindparam("b_chat_id"), Exercise.status.in_(LIVE))
                  .order_by(Exercise.id.desc()).limit(1).with_for_update())


class People:
    def __init__(self, session: AsyncSession) -> None:
        self._s = session
        # telegram id -> the person, as read in this unit of work (an update asks several
        # times: the router, the handlers, the replies' language); never a deleted one
        self._known: dict[int, Person] = {}

    async def get(self, person_id: int) -> Person | None:
        person = await self._s.get(Person, person_id)
        if person is not None:  # then known by Telegram id too (their replies' language)
            self._known[person.telegram_id] = person
        return person

    async def by_telegram_id(self, telegram_id: int) -> Person | None:
        known = self._known.get(telegram_id)
        if known is not None and known in self._s and not inspect(known).deleted:
            return known
        person = await self._s.scalar(_PERSON, {"b_telegram_id": telegram_id})
        if person is not None:
            self._known[telegram_id] = person
        return person

    def known(self, person: Person) -> None:
        """Read already (storage.uow's first read of an update)."""
        self._known[person.telegram_id] = person

    async def get_or_create(self, telegram_id: int, language: str, now: datetime) -> Person:
        person = await self.by_telegram_id(telegram_id)
        if person is None:
            person = Person(telegram_id=telegram_id, language=language, created_at=now)
            self._s.add(person)
            await self._s.flush()
            self._known[telegram_id] = person
        return person

    async def all(self) -> Sequence[Person]:
        return (await self._s.scalars(select(Person).order_by(Person.id))).all()

    async def practising(self) -> dict[int, int]:
        """``{person id: trainee member id}`` for every practice student."""
        rows = await self._s.execute(select(Person.id, Person.practice_with)
                                     .where(Person.practice_with.is_not(None)))
        return {int(pid): int(mid) for pid, mid in rows.all() if mid is not None}

    async def highest_telegram_id(self) -> int | None:
        """The highest Telegram id of anyone who wrote to the bot (None: nobody has)."""
        value = await self._s.scalar(select(func.max(Person.telegram_id)))
        return None if value is None else int(value)

    async def blocked(self, now: datetime) -> set[int]:
        """The ids of people a coordinator blocked from peer chats, as of ``now``."""
        return set(await self._s.scalars(_BLOCKED, {"b_now": now}))

    async def mark_blocked(self, telegram_id: int, blocked: bool = True) -> None:
        await self._s.execute(
            update(Person).where(Person.telegram_id == telegram_id).values(blocked_bot=blocked)
        )


@dataclass
class ConversationState:
    flow: str
    state: str
    data: dict[str, Any]
    version: int


_CONVERSATION = select(Conversation.flow, Conversation.state, Conversation.data_enc,
                       Conversation.version).where(Conversation.chat_id == bindparam("b_chat_id"))
_ADD_CONVERSATION = insert(Conversation)
_SAVE_CONVERSATION = (
    update(Conversation)
    .where(Conversation.chat_id == bindparam("b_chat_id"),
           Conversation.version == bindparam("b_version"))
    .values(flow=bindparam("b_flow"), state=bindparam("b_state"),
            data_enc=bindparam("b_data_enc"), version=bindparam("b_next"),
            updated_at=bindparam("b_at"))
)
# a conversation as read or written in this unit of work: flow, state, data_enc, version
ConversationRow = tuple[str, str, bytes, int]


class Conversations:
    """Where each chat is in a flow, as rows (#14: read and written past the ORM, built once;
    an ORM object per conversation cost a load, a flush and its bookkeeping each update).
    ``version`` guards against lost updates as the ORM's version counter did: a save whose
    row changed since it was read raises StaleDataError (the inbox processes the update
    again)."""

    def __init__(self, session: AsyncSession, cipher: Cipher) -> None:
        self._s = session
        self._c = cipher
        # chat -> its row as read or written in this unit of work (None: it has none)
        self._rows: dict[int, ConversationRow | None] = {}
        # chat -> its data as stored and decrypted, in this unit of work: an update reads its
        # conversation three times on average, and each was a Fernet decryption (#14)
        self._plain: dict[int, tuple[bytes, str]] = {}

    def absent(self, chat_id: int) -> None:
        """Read already and not there (storage.uow's first read of an update)."""
        self._rows[chat_id] = None

    def known(self, chat_id: int, row: ConversationRow) -> None:
        """Read already (storage.uow's first read of an update)."""
        self._rows[chat_id] = row

    def forget(self, chat_id: int | None = None) -> None:
        """Deleted past this repository (storage.privacy_repo): read it again (None: all)."""
        if chat_id is None:
            self._rows.clear()
            self._plain.clear()
        else:
            self._rows.pop(chat_id, None)
            self._plain.pop(chat_id, None)

    async def _row(self, chat_id: int) -> ConversationRow | None:
        if chat_id in self._rows:
            return self._rows[chat_id]
        found = (await run_core(self._s, _CONVERSATION, {"b_chat_id": chat_id})).first()
        row = None if found is None else (found[0], found[1], found[2], found[3])
        self._rows[chat_id] = row
        return row

    async def get(self, chat_id: int) -> ConversationState | None:
        row = await self._row(chat_id)
        if row is None:
            return None
        flow, state, data_enc, version = row
        plain = self._plain.get(chat_id)
        if plain is None or plain[0] is not data_enc:
            plain = (data_enc, self._c.decrypt(data_enc))
            self._plain[chat_id] = plain
        return ConversationState(flow, state, json.loads(plain[1]), version)

    async def save(
        self, chat_id: int, flow: str, state: str, data: dict[str, Any], now: datetime
    ) -> None:
        row = await self._row(chat_id)
        text = to_json(data)
        data_enc = self._c.encrypt(text)
        if row is None:
            version = 1
            await run_core(self._s, _ADD_CONVERSATION, {
                "chat_id": chat_id, "flow": flow, "state": state, "data_enc": data_enc,
                "version": version, "updated_at": now})
        else:
            version = row[3] + 1
            result = await run_core(self._s, _SAVE_CONVERSATION, {
                "b_chat_id": chat_id, "b_version": row[3], "b_next": version,
                "b_flow": flow, "b_state": state, "b_data_enc": data_enc, "b_at": now})
            if result.rowcount != 1:
                self.forget(chat_id)
                raise StaleDataError(f"the conversation of chat {chat_id} changed since it "
                                     f"was read (version {row[3]})")
        self._rows[chat_id] = (flow, state, data_enc, version)
        self._plain[chat_id] = (data_enc, text)

    async def delete(self, chat_id: int) -> None:
        await self._s.execute(delete(Conversation).where(Conversation.chat_id == chat_id))
        self._rows[chat_id] = None
        self._plain.pop(chat_id, None)


class Requests:
    def __init__(self, session: AsyncSession, cipher: Cipher) -> None:
        self._s = session
        self._c = cipher

    async def create(
        self,
        person_id: int,
        *,
        topic: str,
        language: str,
        feeling: int,
        pseudonym: str,
        description: str,
        now: datetime,
    ) -> HelpRequest:
        request = HelpRequest(
            person_id=person_id, status=REQUEST.initial.value, topic=topic, language=language,
            feeling=feeling, pseudonym=pseudonym, description_enc=self._c.encrypt(description),
            risk_level=0, created_at=now, updated_at=now,
        )
        self._s.add(request)
        await self._s.flush()
        return request

    async def get(self, request_id: int) -> HelpRequest | None:
        return await self._s.get(HelpRequest, request_id)

    async def lock(self, request_id: int) -> HelpRequest | None:
        """The request, locked for this transaction (two supporters accepting at once)."""
        return await self._s.scalar(_LOCK_REQUEST, {"b_id": request_id})

    def description(self, request: HelpRequest) -> str:
        return self._c.decrypt(request.description_enc)

    async def again(self, earlier: HelpRequest, language: str, now: datetime) -> HelpRequest:
        """A new request in an earlier one's words (topic, feeling, name, what they wrote):
        the student is never asked to tell it all again."""
        return await self.create(
            earlier.person_id, topic=earlier.topic, language=language, feeling=earlier.feeling,
            pseudonym=earlier.pseudonym, description=self.description(earlier), now=now)

    async def open_for(self, person_id: int) -> HelpRequest | None:
        return await self._s.scalar(_OPEN_REQUEST, {"b_person_id": person_id})

    async def latest_for(self, person_id: int) -> HelpRequest | None:
        return await self._s.scalar(
            select(HelpRequest).where(HelpRequest.person_id == person_id)
            .order_by(HelpRequest.id.desc()).limit(1)
        )

    async def fire(self, request: HelpRequest, event: str, now: datetime) -> None:
        """Move the request along ``routing.lifecycles.REQUEST`` (IllegalTransition if not)."""
        REQUEST.fire(request, event)
        request.updated_at = now
        await self._s.flush()

    async def queued(self) -> Sequence[HelpRequest]:
        return (await self._s.scalars(_QUEUED)).all()

    async def open_pseudonyms(self) -> list[str]:
        """The pseudonyms of every request waiting or in a chat now."""
        return list(await self._s.scalars(
            select(HelpRequest.pseudonym).where(HelpRequest.status.in_(("queued", "active")))))


QUARANTINED = "quarantined"
CONNECTION = "sejawat_connection"  # a session's info: its transaction and connection (run_core)
# How long an update id identifies one update. Telegram keeps an update for at most 24 hours
# until the bot takes it, so a repeated delivery comes within a day of the first; and after a
# week with no updates, the next update's id is chosen at random (the ids may go back). An id
# stored longer ago than this belongs to an update long done: a new update may bring it again.
REDELIVERY_WINDOW = timedelta(days=2)


async def run_core(session: AsyncSession, statement: Executable,
                   params: dict[str, Any] | list[dict[str, Any]] | None = None) -> Any:
    """A statement built once (module level, bound parameters) run on the unit of work's
    connection, past the ORM (#14: on the hot paths, building a statement for each call and
    the ORM's handling of it cost two thirds of a simple UPDATE's CPU). For statements whose
    rows the unit of work has not loaded as objects, or does not read back."""
    held = session.sync_session.info.get(CONNECTION)
    transaction = session.sync_session.get_transaction()
    if held is not None and held[0] is transaction and transaction is not None \
            and transaction.is_active:
        connection = held[1]  # asking the session again cost as much as the statement
    else:
        connection = await session.connection()
        session.sync_session.info[CONNECTION] = (session.sync_session.get_transaction(),
                                                 connection)
    return await connection.execute(statement, params)


async def flush_pending(session: AsyncSession) -> None:
    """What the ORM would flush before a statement it runs itself (autoflush), for a
    statement run past it (``run_core``) on rows the unit of work may hold as objects."""
    if session.new or session.dirty or session.deleted:
        await session.flush()


@dataclass(frozen=True)
class Pending:
    """A stored update waiting in its chat's queue, as the dispatcher reads it."""

    update_id: int
    payload_enc: bytes
    screened: bool
    status: str


_FINISH = (update(InboxUpdate).where(InboxUpdate.update_id == bindparam("b_update_id"))
           .values(status=bindparam("b_status"), processed_at=bindparam("b_at"),
                   error=bindparam("b_error")))
_PENDING_HEAD = (select(InboxUpdate.update_id, InboxUpdate.payload_enc, InboxUpdate.screened,
                        InboxUpdate.status)
                 .where(InboxUpdate.status == "pending",
                        InboxUpdate.chat_id == bindparam("b_chat_id"))
                 .order_by(InboxUpdate.update_id).limit(2))
_INBOX_COLUMNS = ("update_id", "chat_id", "payload_enc", "status", "attempts", "error",
                  "received_at", "processed_at", "screened")


@functools.cache
def _store_statement(dialect: str) -> Executable:
    """Store-if-new (``Inbox.store_many``), built once per dialect: run with one parameter
    set per update (several in one statement: SQLAlchemy's insertmanyvalues)."""
    insert = (pg_insert if dialect == "postgresql" else sqlite_insert)(InboxUpdate)
    return insert.on_conflict_do_update(
        index_elements=[InboxUpdate.update_id],
        set_={k: insert.excluded[k] for k in _INBOX_COLUMNS if k != "update_id"},
        where=(InboxUpdate.status != "pending")
        & (InboxUpdate.received_at < bindparam("b_stale_before")),
    ).returning(InboxUpdate.update_id)


CHAT_LOCKS = 0x536A43  # the advisory lock space of chats (storage.worker_lock has its own)


class Inbox:
    def __init__(self, session: AsyncSession, cipher: Cipher) -> None:
        self._s = session
        self._c = cipher

    async def _free(self, update_id: int, now: datetime) -> tuple[bool, InboxUpdate | None]:
        """Whether ``update_id`` may be stored now, and the row to reuse for it if any: an id
        not stored, or stored more than REDELIVERY_WINDOW ago by an update that is no longer
        pending (a repeated delivery of that one cannot come any more)."""
        row = await self._s.get(InboxUpdate, update_id)
        if row is None:
            return True, None
        reused = row.status != "pending" and row.received_at < now - REDELIVERY_WINDOW
        return reused, row

    async def _put(self, row: InboxUpdate | None, **values: Any) -> None:
        """Store an update, in the row an old one with the same id had (see ``_free``)."""
        fresh: dict[str, Any] = {"attempts": 0, "error": None, "processed_at": None,
                                 "screened": False}
        if row is None:
            self._s.add(InboxUpdate(**{**fresh, **values}))
        else:
            for name, value in {**fresh, **values}.items():
                setattr(row, name, value)
        await self._s.flush()

    async def store(self, update_id: int, chat_id: int, payload: Any, now: datetime) -> bool:
        """Store an update once. False if it was already stored (a duplicate delivery); an
        id stored long ago (REDELIVERY_WINDOW) by an update that is done is a new update's."""
        return update_id in await self.store_many([(update_id, chat_id, payload)], now)

    async def store_many(self, updates: Sequence[tuple[int, int, Any]],
                         now: datetime) -> set[int]:
        """Store updates (update id, chat id, payload) once each, in one statement: an insert
        that, on an id already there, takes the row over only as ``store`` says (and returns
        nothing for it otherwise). Returns the ids stored now (the rest were duplicates)."""
        if not updates:
            return set()
        rows: dict[int, dict[str, Any]] = {}
        stale_before = now - REDELIVERY_WINDOW
        for update_id, chat_id, payload in updates:  # one row per id (a statement may not
            rows.setdefault(update_id, {  # touch a row twice)
                "update_id": update_id, "chat_id": chat_id,
                "payload_enc": self._c.encrypt_json(payload), "status": "pending",
                "attempts": 0, "error": None, "received_at": now, "processed_at": None,
                "screened": False, "b_stale_before": stale_before})
        statement = _store_statement(self._s.get_bind().dialect.name)
        result = await run_core(self._s, statement, list(rows.values()))
        return {int(update_id) for update_id in result.scalars().all()}

    async def quarantine(self, update_id: int, chat_id: int, raw: str, reason: str,
                         now: datetime) -> bool:
        """Keep an update that cannot be processed (encrypted, with the reason); it is never
        picked up. False if the update id is already stored (as ``store`` tells)."""
        free, row = await self._free(update_id, now)
        if not free:
            return False
        await self._put(row, update_id=update_id, chat_id=chat_id,
                        payload_enc=self._c.encrypt(raw), status=QUARANTINED,
                        error=reason[:200], received_at=now, processed_at=now)
        return True

    async def highest_update_id(self) -> int | None:
        """The highest update id stored (None: none is)."""
        value = await self._s.scalar(select(func.max(InboxUpdate.update_id)))
        return None if value is None else int(value)

    async def quarantined(self, limit: int = 1000) -> Sequence[InboxUpdate]:
        return (await self._s.scalars(
            select(InboxUpdate).where(InboxUpdate.status == QUARANTINED)
            .order_by(InboxUpdate.received_at, InboxUpdate.update_id).limit(limit)
        )).all()

    async def quarantined_count(self) -> int:
        return int(await self._s.scalar(
            select(func.count()).select_from(InboxUpdate)
            .where(InboxUpdate.status == QUARANTINED)
        ) or 0)

    def raw(self, row: InboxUpdate) -> str:
        """A quarantined update as it was received (JSON text, possibly not an Inbound)."""
        return self._c.decrypt(row.payload_enc)

    async def get(self, update_id: int) -> InboxUpdate:
        row = await self._s.get(InboxUpdate, update_id)
        assert row is not None, f"inbox update {update_id} vanished"
        return row

    def payload(self, row: InboxUpdate | Pending) -> Any:
        return self._c.decrypt_json(row.payload_enc)

    async def next_pending(self, chat_id: int) -> Pending | None:
        return (await self.pending_head(chat_id))[0]

    async def pending_head(self, chat_id: int) -> tuple[Pending | None, bool]:
        """The chat's first pending update, and whether another one waits behind it (so
        that the dispatcher need not look again when none does)."""
        rows = (await run_core(self._s, _PENDING_HEAD, {"b_chat_id": chat_id})).all()
        head = Pending(*rows[0]) if rows else None
        return head, len(rows) > 1

    async def pending_chats(self) -> list[int]:
        rows = await self._s.scalars(
            select(InboxUpdate.chat_id).where(InboxUpdate.status == "pending").distinct()
        )
        return list(rows)

    async def finish(self, update_id: int, now: datetime, status: str = "done",
                     error: str | None = None) -> None:
        await run_core(self._s, _FINISH, {"b_update_id": update_id, "b_status": status,
                                          "b_at": now, "b_error": error})

    async def lock_chat(self, chat_id: int) -> None:
        """Hold the chat for the rest of this transaction: on PostgreSQL, where several
        workers may serve one database, no other transaction processes or screens an update
        of this chat until this one ends (a transaction-scoped advisory lock; a worker that
        dies drops it with its connection). SQLite transactions are already serial."""
        if self._s.get_bind().dialect.name == "postgresql":
            await self._s.execute(select(func.pg_advisory_xact_lock(
                CHAT_LOCKS, chat_id % 2_147_483_647)))

    async def unscreened(self, update_id: int) -> bool:
        """Whether the update still waits to be processed and no one screened it yet."""
        row = await self._s.get(InboxUpdate, update_id, populate_existing=True)
        return row is not None and row.status == "pending" and not row.screened

    async def mark_screened(self, update_id: int) -> None:
        await self._s.execute(_MARK_SCREENED, {"b_update_id": update_id})

    async def count_attempt(self, update_id: int, error: str) -> int:
        row = await self._s.get(InboxUpdate, update_id)
        assert row is not None
        row.attempts += 1
        row.error = error[:200]
        await self._s.flush()
        return row.attempts


# How long a worker may take to send a message it claimed before another may take it. A worker
# that dies is noticed sooner (storage.worker_lock: its claims end when its lock goes).
CLAIM_LEASE = timedelta(seconds=120)


@dataclass(frozen=True)
class Outgoing:
    id: int
    chat_id: int
    method: str
    priority: int
    payload: dict[str, Any]
    attempts: int


def end_claims(workers: Sequence[str] | None = None) -> Update:
    """The statement that ends the claims on messages still to send of ``workers`` (None: of
    every worker), e.g. of a worker that died or stopped: what they held is anyone's at once.
    (A sent message's per-chat hold is left to run out: it lasts a pacing gap.)"""
    query = update(OutboxMessage).where(OutboxMessage.status == "pending",
                                        OutboxMessage.claimed_until.is_not(None))
    if workers is not None:
        query = query.where(OutboxMessage.claimed_by.in_(list(workers)))
    return query.values(claimed_until=None).execution_options(synchronize_session=False)


@functools.cache
def _due_query(excluding: bool, claiming: bool = False) -> Select[int, int, str, int, bytes, int]:
    """Outbox.due's statement, built once (the sender asks many times a second): the heads
    of each chat's pending messages per priority, due by ``now``, at most ``limit``.

    ``claiming``: only messages no other worker holds (an unexpired ``claimed_until``) in
    chats no other worker holds (a message it is sending, or sent less than a pacing gap ago;
    the worker's own chats in flight are ``exclude``), locked
    with SKIP LOCKED on PostgreSQL so that two workers claiming at once take different rows.
    """
    earlier = aliased(OutboxMessage)
    head = ~select(earlier.id).where(
        and_(earlier.chat_id == OutboxMessage.chat_id, earlier.status == "pending",
             earlier.id < OutboxMessage.id, earlier.priority <= OutboxMessage.priority)
    ).exists()
    query = (
        select(OutboxMessage.id, OutboxMessage.chat_id, OutboxMessage.method,
               OutboxMessage.priority, OutboxMessage.payload_enc, OutboxMessage.attempts)
        .where(OutboxMessage.status == "pending",
               OutboxMessage.not_before <= bindparam("now"), head)
        .order_by(OutboxMessage.priority, OutboxMessage.id)
        .limit(bindparam("limit"))
    )
    if excluding:
        query = query.where(OutboxMessage.chat_id.not_in(bindparam("exclude", expanding=True)))
    if claiming:
        held = aliased(OutboxMessage)
        query = query.where(
            or_(OutboxMessage.claimed_until.is_(None),
                OutboxMessage.claimed_until <= bindparam("now"),
                OutboxMessage.claimed_by == bindparam("worker")),  # its own: not in flight
            ~select(held.id).where(
                held.chat_id == OutboxMessage.chat_id, held.claimed_until > bindparam("now"),
                held.claimed_by != bindparam("worker"),
            ).exists(),
        ).with_for_update(skip_locked=True, of=OutboxMessage.__table__)
    return query


@functools.cache
def _claim_query(excluding: bool) -> Any:
    """Outbox.due's claim, built once: the messages ``_due_query(excluding, claiming=True)``
    finds are claimed in the same statement, which returns them (#14: one statement instead of
    a select and an update, in each of the sender's claims). The subquery holds the rows as
    before (SKIP LOCKED on PostgreSQL), so two workers claiming at once take different ones;
    RETURNING gives them in no particular order (``due`` sorts them)."""
    found = _due_query(excluding, claiming=True).with_only_columns(OutboxMessage.id)
    return (update(OutboxMessage)
            .where(OutboxMessage.id.in_(found.correlate(None)))
            .values(claimed_by=bindparam("worker"), claimed_until=bindparam("b_until"))
            .returning(OutboxMessage.id, OutboxMessage.chat_id, OutboxMessage.method,
                       OutboxMessage.priority, OutboxMessage.payload_enc,
                       OutboxMessage.attempts)
            .execution_options(synchronize_session=False))


_QUEUE = insert(OutboxMessage)
_MARK_SENT = (update(OutboxMessage).where(OutboxMessage.id == bindparam("b_id"))
              .values(status="sent", sent_at=bindparam("b_at"),
                      telegram_message_id=bindparam("b_telegram_id"), error=None,
                      claimed_until=bindparam("b_until")))


class Outbox:
    def __init__(self, session: AsyncSession, cipher: Cipher) -> None:
        self._s = session
        self._c = cipher

    def row(self, chat_id: int, method: str, priority: int, payload: dict[str, Any],
            now: datetime) -> dict[str, Any]:
        """A message to queue with ``add_all``."""
        return {"chat_id": chat_id, "method": method, "priority": priority,
                "payload_enc": self._c.encrypt_json(payload), "status": "pending",
                "attempts": 0, "not_before": now, "created_at": now}

    async def add_all(self, rows: Sequence[dict[str, Any]]) -> None:
        """Queue messages in one statement, in order (their ids increase: the order sent)."""
        if rows:
            await run_core(self._s, _QUEUE, list(rows))

    async def add(self, chat_id: int, method: str, priority: int, payload: dict[str, Any],
                  now: datetime) -> int:
        """Queue one message; its id."""
        row = OutboxMessage(**self.row(chat_id, method, priority, payload, now))
        self._s.add(row)
        await self._s.flush()
        return row.id

    async def due(self, now: datetime, limit: int, exclude: Sequence[int] = (),
                  claim_for: str | None = None,
                  lease: timedelta = CLAIM_LEASE) -> list[Outgoing]:
        """Messages ready to send, most urgent first.

        Order is kept within a chat per priority: a message waits for earlier pending messages
        of the same chat that are at least as urgent, so crisis messages never wait behind an
        ordinary backlog (or a backed-off ordinary message) to the same person.

        ``claim_for`` (a worker id): the messages are claimed for that worker until ``lease``
        has passed, so that no other worker sends them (see ``_due_query``); the worker then
        records each as sent, failed or retried later, which ends the claim.
        """
        params: dict[str, Any] = {"now": now, "limit": limit}
        if exclude:
            params["exclude"] = list(exclude)
        if claim_for is None:
            rows = (await run_core(self._s, _due_query(bool(exclude)), params)).all()
        else:
            params["worker"], params["b_until"] = claim_for, now + lease
            rows = sorted((await run_core(self._s, _claim_query(bool(exclude)), params)).all(),
                          key=lambda r: (r.priority, r.id))  # most urgent first, as selected
        return [
            Outgoing(r.id, r.chat_id, r.method, r.priority, self._c.decrypt_json(r.payload_enc),
                     r.attempts)
            for r in rows
        ]

    async def on_the_way(self, chat_id: int, prefix: str) -> bool:
        """Is a message to ``chat_id`` with buttons whose data starts with ``prefix`` still
        waiting to be sent (the person has not seen it yet)?"""
        rows = await self._s.scalars(
            select(OutboxMessage.payload_enc).where(OutboxMessage.chat_id == chat_id,
                                                    OutboxMessage.status == "pending",
                                                    OutboxMessage.method == "send"))
        return any(str(b.get("data", "")).startswith(prefix)
                   for payload_enc in rows
                   for row in self._c.decrypt_json(payload_enc).get("buttons") or []
                   for b in row)

    async def last_sent(self, chat_id: int) -> tuple[int, datetime, dict[str, Any]] | None:
        """The newest message sent to ``chat_id`` (not an edit): its Telegram id, when, and its
        ``meta``; None if none was sent yet (or the newest is still on its way)."""
        row = (await self._s.execute(
            select(OutboxMessage.status, OutboxMessage.telegram_message_id,
                   OutboxMessage.sent_at, OutboxMessage.payload_enc)
            .where(OutboxMessage.chat_id == chat_id, OutboxMessage.method == "send")
            .order_by(OutboxMessage.id.desc()).limit(1))).first()
        if row is None or row.status != "sent" or row.telegram_message_id is None or \
                row.sent_at is None:
            return None
        meta = self._c.decrypt_json(row.payload_enc).get("meta") or {}
        return int(row.telegram_message_id), row.sent_at, dict(meta)

    async def recent_meta(self, chat_id: int, count: int) -> list[dict[str, Any]]:
        """The ``meta`` of the newest ``count`` messages to ``chat_id`` (sent or on their
        way, newest first): what the student has in view at the bottom of their chat."""
        rows = (await self._s.scalars(
            select(OutboxMessage.payload_enc)
            .where(OutboxMessage.chat_id == chat_id,
                   OutboxMessage.method.in_(("send", "copy")))
            .order_by(OutboxMessage.id.desc()).limit(count))).all()
        return [dict(self._c.decrypt_json(payload).get("meta") or {}) for payload in rows]

    async def live_buttons(self, chat_id: int, prefix: str, since: datetime) -> list[int]:
        """The messages sent to ``chat_id`` since ``since`` whose buttons (data starting with
        ``prefix``) are still shown: neither cleared nor edited away since. Read from what was
        sent, so a flow can take an old keyboard away when it shows a new one."""
        rows = await self._s.execute(
            select(OutboxMessage.method, OutboxMessage.payload_enc,
                   OutboxMessage.telegram_message_id)
            .where(OutboxMessage.chat_id == chat_id, OutboxMessage.status == "sent",
                   OutboxMessage.created_at >= since,
                   OutboxMessage.method.in_(("send", "edit", "clear_buttons")))
            .order_by(OutboxMessage.id))
        live: dict[int, bool] = {}
        for method, payload_enc, sent_as in rows.all():
            payload = self._c.decrypt_json(payload_enc)
            target = sent_as if method == "send" else payload.get("message_id")
            if target is None:
                continue
            shows = any(str(b.get("data", "")).startswith(prefix)
                        for row in payload.get("buttons") or [] for b in row)
            if method == "clear_buttons" or not shows:
                live.pop(int(target), None)
            else:
                live[int(target)] = True
        return list(live)

    async def next_wakeup(self) -> datetime | None:
        return await self._s.scalar(
            select(func.min(OutboxMessage.not_before)).where(OutboxMessage.status == "pending")
        )

    async def next_change(self, now: datetime, worker: str) -> datetime | None:
        """When something ``worker`` cannot send now may become sendable without its own
        doing: a retry time, or the end of another worker's claim or per-chat hold. (What
        waits behind its own deliveries becomes sendable when they end, which wakes it.)
        Found by a benchmark: waking for every pending message already due, a worker whose
        due messages another worker held looked again every 10 ms."""
        retry = (select(func.min(OutboxMessage.not_before))
                 .where(OutboxMessage.status == "pending", OutboxMessage.not_before > now)
                 .scalar_subquery())
        held = (select(func.min(OutboxMessage.claimed_until))
                .where(OutboxMessage.claimed_until > now, OutboxMessage.claimed_by != worker)
                .scalar_subquery())
        row = (await self._s.execute(select(retry, held))).one()
        times = [t for t in row if t is not None]
        return min(times) if times else None

    async def mark_sent(self, message_id: int, telegram_message_id: int | None,
                        now: datetime, hold: timedelta = timedelta(0)) -> None:
        """``hold``: the chat stays with the worker that sent it for that long (a claimed
        message keeps its claimed_by), so another worker does not send to it sooner."""
        await run_core(self._s, _MARK_SENT, {
            "b_id": message_id, "b_at": now, "b_telegram_id": telegram_message_id,
            "b_until": now + hold if hold > timedelta(0) else None})

    async def mark_failed(self, message_id: int, error: str, now: datetime) -> None:
        await self._s.execute(
            update(OutboxMessage).where(OutboxMessage.id == message_id).values(
                status="failed", sent_at=now, error=error[:200], claimed_until=None
            )
        )

    async def retry_later(self, message_id: int, not_before: datetime, error: str,
                          count_attempt: bool) -> None:
        values: dict[str, Any] = {"not_before": not_before, "error": error[:200],
                                  "claimed_until": None}
        if count_attempt:
            values["attempts"] = OutboxMessage.attempts + 1
        await self._s.execute(
            update(OutboxMessage).where(OutboxMessage.id == message_id).values(**values)
        )

    async def pending_count(self) -> int:
        return int(await self._s.scalar(
            select(func.count()).select_from(OutboxMessage).where(OutboxMessage.status == "pending")
        ) or 0)

    async def release(self, workers: Sequence[str] | None = None) -> int:
        """End the claims of ``workers`` (None: of every worker); how many ended."""
        result = await self._s.execute(end_claims(workers))
        return int(result.rowcount)  # type: ignore[attr-defined]


_AUDIT = insert(AuditEntry)


class Audit:
    def __init__(self, session: AsyncSession) -> None:
        self._s = session

    async def count(self, actor: str, action: str, since: datetime) -> int:
        return int(await self._s.scalar(
            select(func.count()).select_from(AuditEntry).where(
                AuditEntry.actor == actor, AuditEntry.action == action, AuditEntry.at >= since)
        ) or 0)

    async def happened(self, action: str, subject: str) -> bool:
        """Whether ``action`` was ever recorded about ``subject``."""
        return await self._s.scalar(select(AuditEntry.id).where(
            AuditEntry.action == action, AuditEntry.subject == subject).limit(1)) is not None

    async def happened_since(self, actions: Sequence[str], subject: str,
                             since: datetime) -> bool:
        """Whether any of ``actions`` was recorded about ``subject`` at ``since`` or later."""
        return await self._s.scalar(select(AuditEntry.id).where(
            AuditEntry.action.in_(actions), AuditEntry.subject == subject,
            AuditEntry.at >= since).limit(1)) is not None

    async def latest(self, action: str) -> dict[str, AuditEntry]:
        """The newest entry of ``action`` for each actor who has one."""
        newest = select(func.max(AuditEntry.id)).where(AuditEntry.action == action) \
            .group_by(AuditEntry.actor)
        return {entry.actor: entry for entry in await self._s.scalars(
            select(AuditEntry).where(AuditEntry.id.in_(newest)))}

    async def latest_about(self, actions: Sequence[str]) -> dict[str, AuditEntry]:
        """The newest entry of any of ``actions`` for each subject that has one."""
        newest = select(func.max(AuditEntry.id)).where(AuditEntry.action.in_(actions)) \
            .group_by(AuditEntry.subject)
        return {entry.subject: entry for entry in await self._s.scalars(
            select(AuditEntry).where(AuditEntry.id.in_(newest)))}

    async def recent(self, after_id: int, limit: int = 200) -> Sequence[AuditEntry]:
        return (await self._s.scalars(
            select(AuditEntry).where(AuditEntry.id > after_id).order_by(AuditEntry.id)
            .limit(limit)
        )).all()

    async def add(self, actor: str, action: str, subject: str, details: dict[str, Any],
                  now: datetime) -> None:
        # one prebuilt INSERT past the ORM (#14: an object and a flush per entry); what
        # reads the audit back (happened, latest, ...) reads the table
        await run_core(self._s, _AUDIT, {"at": now, "actor": actor, "action": action,
                                         "subject": subject, "details": details})


class Exercises:
    """Self-help exercises (flows.selfhelp): which a student ran and how far; never words."""

    def __init__(self, session: AsyncSession) -> None:
        self._s = session
        # chats read with no live exercise in this unit of work (an update asks twice: the
        # journey's move and the handler); only start() makes one live
        self._none_live: set[int] = set()

    def none_live(self, chat_id: int) -> None:
        """Read already: the chat has no live exercise (storage.uow's first read)."""
        self._none_live.add(chat_id)

    async def start(self, person_id: int, chat_id: int, kind: str, rounds: int,
                    message_id: int, now: datetime) -> Exercise:
        self._none_live.discard(chat_id)
        exercise = Exercise(person_id=person_id, chat_id=chat_id, kind=kind, rounds=rounds,
                            step=0, status=EXERCISE.initial.value, message_id=message_id,
                            started_at=now)
        self._s.add(exercise)
        await self._s.flush()
        return exercise

    async def lock(self, exercise_id: int, wait: bool = True) -> Exercise | None:
        """The exercise, locked for this transaction (a timer and a press at once);
        ``wait=False``: None while another transaction holds it (PostgreSQL)."""
        return await self._s.scalar(
            select(Exercise).where(Exercise.id == exercise_id)
            .with_for_update(skip_locked=not wait)
            .execution_options(populate_existing=True))

    async def exists(self, exercise_id: int) -> bool:
        found = await self._s.scalar(select(Exercise.id).where(Exercise.id == exercise_id))
        return found is not None

    async def live(self, chat_id: int) -> Exercise | None:
        """The student's exercise that is running or paused, if any."""
        if chat_id in self._none_live:
            return None
        live = await self._s.scalar(_LIVE_EXERCISE, {"b_chat_id": chat_id})
        if live is None:
            self._none_live.add(chat_id)
        return live

    async def since(self, person_id: int, since: datetime) -> Sequence[Exercise]:
        """What they did from ``since`` on, oldest first."""
        return (await self._s.scalars(
            select(Exercise).where(Exercise.person_id == person_id,
                                   Exercise.started_at >= since).order_by(Exercise.id)
        )).all()

    async def shown(self, exercise_id: int, step: int, message_id: int) -> None:
        """The exercise's message for ``step`` reached Telegram as ``message_id``: later steps
        edit it (an older step's message that arrives late changes nothing)."""
        await self._s.execute(update(Exercise).where(Exercise.id == exercise_id,
                                                     Exercise.step == step)
                              .values(message_id=message_id))


class Plans:
    """Students' safety plans (flows.safety_plan), encrypted."""

    def __init__(self, session: AsyncSession, cipher: Cipher) -> None:
        self._s = session
        self._c = cipher

    async def get(self, person_id: int) -> tuple[dict[str, str], bool] | None:
        """The plan's parts and whether a counselor with them may see it; None: no plan."""
        plan = await self._s.scalar(select(SafetyPlan).where(SafetyPlan.person_id == person_id))
        if plan is None:
            return None
        return {str(k): str(v) for k, v in self._c.decrypt_json(plan.parts_enc).items()}, \
            plan.share

    async def save(self, person_id: int, parts: dict[str, str], share: bool | None,
                   now: datetime) -> None:
        """Store the plan (``share`` None: as it was, else not shared)."""
        plan = await self._s.scalar(select(SafetyPlan).where(SafetyPlan.person_id == person_id))
        if plan is None:
            plan = SafetyPlan(person_id=person_id, parts_enc=b"", share=False, updated_at=now)
            self._s.add(plan)
        plan.parts_enc = self._c.encrypt_json(parts)
        if share is not None:
            plan.share = share
        plan.updated_at = now
        await self._s.flush()
