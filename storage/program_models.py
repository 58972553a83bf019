"""Tables for the program: staff, invites, shifts, offers, sessions, timers, escalations.

Free text (relay messages, notes, feedback comments, escalation excerpts and notes) is stored
only as Fernet tokens (``*_enc`` columns).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from storage.models import Base


class Member(Base):
    """A supporter, counselor or coordinator. Known to students only as a role."""

    __tablename__ = "members"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    telegram_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    role: Mapped[str] = mapped_column(String(16))  # supporter, counselor, coordinator
    name: Mapped[str] = mapped_column(String(64))
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    trained: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    capacity: Mapped[int] = mapped_column(Integer, default=2)
    on_duty: Mapped[bool] = mapped_column(Boolean, default=False)
    duty_changed_at: Mapped[datetime | None]
    last_assigned_at: Mapped[datetime | None]
    focus_session_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime]


class Invite(Base):
    __tablename__ = "invites"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    used_by: Mapped[int | None] = mapped_column(BigInteger)


class Shift(Base):
    """A weekly shift: this member is on duty on these days between start and end."""

    __tablename__ = "shifts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    days: Mapped[list[str]] = mapped_column(JSON)
    start: Mapped[str] = mapped_column(String(5))  # HH:MM, program time zone
    end: Mapped[str] = mapped_column(String(5))
    source: Mapped[str] = mapped_column(String(8), default="chat")  # config or chat


class Offer(Base):
    """A queued request offered to one supporter, who accepts or declines."""

    __tablename__ = "offers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("help_requests.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(10))  # pending accepted declined expired withdrawn
    message_id: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime]
    decided_at: Mapped[datetime | None]
    __table_args__ = (Index("ix_offers_request_status", "request_id", "status"),)


class ChatSession(Base):
    """A student and a supporter (and maybe a counselor) chatting through the bot."""

    __tablename__ = "sessions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("help_requests.id", ondelete="CASCADE"))
    student_chat_id: Mapped[int] = mapped_column(BigInteger)
    supporter_id: Mapped[int | None] = mapped_column(ForeignKey("members.id",
                                                                ondelete="SET NULL"))
    counselor_id: Mapped[int | None] = mapped_column(ForeignKey("members.id",
                                                                ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(10))  # active, closed
    started_at: Mapped[datetime]
    last_activity_at: Mapped[datetime]
    idle_warned: Mapped[bool] = mapped_column(Boolean, default=False)
    ended_at: Mapped[datetime | None]
    ended_by: Mapped[str | None] = mapped_column(String(16))
    __table_args__ = (Index("ix_sessions_status_supporter", "status", "supporter_id"),)


class RelayMessage(Base):
    __tablename__ = "relay_messages"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    sender: Mapped[str] = mapped_column(String(10))  # student, supporter, counselor
    body_enc: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime]


class RelayCopy(Base):
    """Where a student's message reached a staff member: a reply to that copy goes to the
    student's chat, and ``/missed`` / ``/falsealarm`` on it find the message."""

    __tablename__ = "relay_copies"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    relay_message_id: Mapped[int] = mapped_column(
        ForeignKey("relay_messages.id", ondelete="CASCADE"))
    chat_id: Mapped[int] = mapped_column(BigInteger)  # the staff member's chat
    telegram_message_id: Mapped[int] = mapped_column(BigInteger)
    __table_args__ = (Index("ix_relay_copies_chat_message", "chat_id", "telegram_message_id"),)


class RiskReport(Base):
    """A staff member's word on the crisis detector about one student message: it missed
    risk there (``missed``) or flagged risk that was not there (``wrong``). Read by the
    operator for the lexicon review (``sejawat risk misses``); goes with the message."""

    __tablename__ = "risk_reports"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    relay_message_id: Mapped[int] = mapped_column(
        ForeignKey("relay_messages.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(8))  # missed, wrong
    level: Mapped[int] = mapped_column(Integer)  # what the detector said of it at the time
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    created_at: Mapped[datetime]
    __table_args__ = (UniqueConstraint("relay_message_id", "kind",
                                       name="uq_risk_reports_message_kind"),)


class Note(Base):
    """A supporter's private note on a request (never shown to the student)."""

    __tablename__ = "notes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("help_requests.id", ondelete="CASCADE"))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    body_enc: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime]


class Feedback(Base):
    __tablename__ = "feedback"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("help_requests.id", ondelete="CASCADE"))
    rating: Mapped[int | None] = mapped_column(Integer)
    comment_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_at: Mapped[datetime]


class Timer(Base):
    """A durable timer: swept by the scheduler, fired once (survives restarts)."""

    __tablename__ = "timers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    ref: Mapped[str] = mapped_column(String(64))
    due_at: Mapped[datetime]
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(10), default="pending")  # pending fired cancelled
    fired_at: Mapped[datetime | None]
    __table_args__ = (
        UniqueConstraint("kind", "ref", name="uq_timers_kind_ref"),
        Index("ix_timers_status_due", "status", "due_at"),
    )


class Escalation(Base):
    """A crisis escalation: who was paged, who acknowledged, how it ended."""

    __tablename__ = "escalations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int | None] = mapped_column(ForeignKey("help_requests.id",
                                                              ondelete="CASCADE"))
    student_chat_id: Mapped[int] = mapped_column(BigInteger)
    level: Mapped[int] = mapped_column(Integer)  # escalation.detector.RiskLevel
    categories: Mapped[list[str]] = mapped_column(JSON, default=list)
    # detector, screening, screening-now, refer, student, onboarding
    source: Mapped[str] = mapped_column(String(16))
    excerpt_enc: Mapped[bytes | None] = mapped_column(LargeBinary)  # the student's own words
    detail_enc: Mapped[bytes | None] = mapped_column(LargeBinary)  # e.g. a referral's reason
    status: Mapped[str] = mapped_column(String(12))  # escalation.case.Case
    ladder: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # escalation.ladder state
    acknowledged_by: Mapped[int | None] = mapped_column(Integer)
    acknowledged_at: Mapped[datetime | None]
    # the student pressed 🆘 on this case (opened by their words, a screening answer or a
    # referral): every later ping says so
    asked_at: Mapped[datetime | None]
    taken_over_by: Mapped[int | None] = mapped_column(Integer)
    outcome: Mapped[str | None] = mapped_column(String(24))
    note_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_at: Mapped[datetime]
    resolved_at: Mapped[datetime | None]
    __table_args__ = (Index("ix_escalations_status", "status", "created_at"),)


class CaseMessage(Base):
    """A message that carries a case's buttons in a staff member's chat: its buttons are
    cleared when they stop meaning anything (``until``: ``taken``, the Acknowledge / Take over
    of a ping; ``resolved``, the outcome buttons), so nobody presses a case that is over."""

    __tablename__ = "case_messages"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    escalation_id: Mapped[int] = mapped_column(ForeignKey("escalations.id", ondelete="CASCADE"))
    chat_id: Mapped[int] = mapped_column(BigInteger)
    message_id: Mapped[int] = mapped_column(BigInteger)
    until: Mapped[str] = mapped_column(String(8))
    __table_args__ = (Index("ix_case_messages_escalation", "escalation_id"),)


class StudentReport(Base):
    """A supporter's (or counselor's) report that a student was abusive or sexual in a chat
    (``/report``). Coordinators review it (the student's pseudonym, the reason, the student's
    messages in that chat, read from the chat itself) and block the student from peer chats
    for a time or for good, or dismiss it. Status changes only through
    ``routing.lifecycles.REPORT``; goes with the student on /forgetme."""

    __tablename__ = "student_reports"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    session_id: Mapped[int | None] = mapped_column(ForeignKey("sessions.id",
                                                              ondelete="SET NULL"))
    reporter_id: Mapped[int | None] = mapped_column(ForeignKey("members.id",
                                                               ondelete="SET NULL"))
    reason: Mapped[str] = mapped_column(String(12))  # abusive, sexual, other
    note_enc: Mapped[bytes | None] = mapped_column(LargeBinary)  # the reporter's own words
    status: Mapped[str] = mapped_column(String(12))  # routing.lifecycles.ReportStatus
    decided_by: Mapped[int | None] = mapped_column(Integer)
    decided_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    __table_args__ = (Index("ix_student_reports_status", "status", "created_at"),)
