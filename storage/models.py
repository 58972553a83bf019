"""SQLAlchemy 2 models. Free text is stored only as Fernet tokens (``*_enc`` columns)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    TypeDecorator,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC timestamps on every backend (SQLite returns naive values)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


# a block "for good" (people.blocked_until): a date no school year reaches
FOREVER = datetime(9999, 1, 1, tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime, dict[str, Any]: JSON}


class Meta(Base):
    """Small key/value facts about the database (e.g. the data-key check value)."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[bytes] = mapped_column(LargeBinary)


class Person(Base):
    """Anyone who has written to the bot. Students are known to staff only by pseudonym."""

    __tablename__ = "people"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    telegram_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    language: Mapped[str] = mapped_column(String(8))
    pseudonym: Mapped[str | None] = mapped_column(String(64))
    blocked_bot: Mapped[bool] = mapped_column(Boolean, default=False)
    # a practice student (the sandbox's training plays it): the member id of the trainee it
    # practises with. Its requests go to that trainee only, its risk pages nobody (the trainee
    # is told what would happen), and it is kept out of the program's numbers.
    practice_with: Mapped[int | None] = mapped_column(Integer)
    # a coordinator blocked them from peer chats after a supporter's report, until then
    # (handlers.blocks; storage.models.FOREVER for good). Crisis handling never stops.
    blocked_until: Mapped[datetime | None]
    # may the supporter who takes their request see which self-help exercises they did while
    # waiting (never what they typed)? None: not asked yet (it is asked once)
    selfhelp_share: Mapped[bool | None] = mapped_column(Boolean)
    selfhelp_asked_at: Mapped[datetime | None]  # when that was asked (it is asked once)
    created_at: Mapped[datetime]


class Conversation(Base):
    """Where a chat is in a flow. ``version`` guards against lost updates."""

    __tablename__ = "conversations"
    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    flow: Mapped[str] = mapped_column(String(32))
    state: Mapped[str] = mapped_column(String(32))
    data_enc: Mapped[bytes] = mapped_column(LargeBinary)
    version: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime]
    __mapper_args__ = {"version_id_col": version}


# the topic of the request a counselor's take-over opens for a student who had asked nobody
# (handlers.cases): not one a student picks, and not counted as a student's request
CRISIS_TOPIC = "crisis"


class HelpRequest(Base):
    __tablename__ = "help_requests"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(16))  # queued, active, closed, withdrawn
    topic: Mapped[str] = mapped_column(String(32))
    language: Mapped[str] = mapped_column(String(8))
    feeling: Mapped[int] = mapped_column(Integer)
    pseudonym: Mapped[str] = mapped_column(String(64))
    description_enc: Mapped[bytes] = mapped_column(LargeBinary)
    risk_level: Mapped[int] = mapped_column(Integer, default=0)
    last_position: Mapped[int | None] = mapped_column(Integer)  # queue position last told
    position_told_at: Mapped[datetime | None]
    # what the student last heard about their wait: "position" (someone on duty could take
    # it), "nobody" (nobody on duty who could), "closed" (outside program hours)
    wait_told: Mapped[str | None] = mapped_column(String(8))
    # the intake's screening answers (flows.screening.encode), for the supporter's briefing
    screening: Mapped[str | None] = mapped_column(String(120))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    __table_args__ = (Index("ix_help_requests_status_created", "status", "created_at"),)


class InboxUpdate(Base):
    """An update stored before it is acknowledged to Telegram; processed once, in order."""

    __tablename__ = "inbox"
    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    payload_enc: Mapped[bytes] = mapped_column(LargeBinary)
    # pending, done, failed (processing kept failing), quarantined (could not be parsed or
    # stored as an Inbound: kept encrypted with the reason in ``error``, never processed)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(String(200))
    received_at: Mapped[datetime]
    processed_at: Mapped[datetime | None]
    screened: Mapped[bool] = mapped_column(Boolean, default=False)  # by the crisis fast lane
    __table_args__ = (Index("ix_inbox_status_chat", "status", "chat_id", "update_id"),)


class OutboxMessage(Base):
    """A message the core decided to send; the sender delivers it, retrying until it lands."""

    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    method: Mapped[str] = mapped_column(String(16))  # send, clear_buttons
    priority: Mapped[int] = mapped_column(Integer)
    payload_enc: Mapped[bytes] = mapped_column(LargeBinary)
    status: Mapped[str] = mapped_column(String(8), default="pending")  # pending, sent, failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    not_before: Mapped[datetime]
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    telegram_message_id: Mapped[int | None] = mapped_column(BigInteger)
    error: Mapped[str | None] = mapped_column(String(200))
    # the worker delivering it (storage.worker_lock); a sent message keeps its chat with that
    # worker until claimed_until, so that no other worker sends to the chat sooner (pacing)
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    claimed_until: Mapped[datetime | None]
    __table_args__ = (
        Index("ix_outbox_status_chat", "status", "chat_id", "id"),
        Index("ix_outbox_status_priority", "status", "priority", "id"),
        Index("ix_outbox_chat_claim", "chat_id", "claimed_until"),
    )


class Worker(Base):
    """A ``sejawat run`` process serving this database (PostgreSQL; storage.worker_lock). It is
    alive while it holds the session advisory lock ``(WORKER_LOCKS, lock_key)``."""

    __tablename__ = "workers"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    lock_key: Mapped[int] = mapped_column(Integer)
    mode: Mapped[str] = mapped_column(String(8))  # polling, webhook, sandbox
    started_at: Mapped[datetime]


class AuditEntry(Base):
    """Who did what, when. Never message text."""

    __tablename__ = "audit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    subject: Mapped[str] = mapped_column(String(64))
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Exercise(Base):
    """A self-help exercise a student ran (flows.selfhelp): which, how far, and the message
    the bot edits in place. Nothing the student typed is kept. Goes with them on /forgetme."""

    __tablename__ = "exercises"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"),
                                           index=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(8))
    rounds: Mapped[int] = mapped_column(Integer)
    step: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(16))
    message_id: Mapped[int] = mapped_column(BigInteger, default=0)  # 0: not sent yet
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]
    # the live one of a chat is looked up after every update a student sends
    __table_args__ = (Index("ix_exercises_chat_id_status", "chat_id", "status"),)


class SafetyPlan(Base):
    """A student's safety plan (flows.safety_plan): its parts in their own words, encrypted as
    one JSON object; whether a counselor with them may see it. Goes with them on /forgetme."""

    __tablename__ = "safety_plans"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"),
                                           unique=True)
    parts_enc: Mapped[bytes] = mapped_column(LargeBinary)
    share: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime]
