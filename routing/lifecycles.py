"""The lifecycles of a help request, an offer, a chat session and a report about a student,
declared as tables.

These tables are the only place the status of a request, an offer or a chat session changes:
the application layer calls ``REQUEST.fire(request, "assign")`` (or the repository methods
that do, ``uow.requests.fire`` / ``uow.offers.decide`` / ``uow.sessions.close``) and gets
:class:`flows.errors.IllegalTransition` ("Can't accept an offer that is expired") for anything
the table does not list. Stored values are the Enum values (strings), unchanged from before.

Read each table top to bottom: event, from which states, to which state.
"""

from __future__ import annotations

import enum

from flows.lifecycle import Lifecycle, T

__all__ = ["OFFER", "REPORT", "REQUEST", "SESSION", "OfferStatus", "ReportStatus",
           "RequestStatus", "SessionStatus"]


# ---- a student's help request ----------------------------------------------------------------


class RequestStatus(enum.StrEnum):
    QUEUED = "queued"  # waiting for a supporter (offered or not: offers have their own table)
    ACTIVE = "active"  # in a chat with a supporter and/or a counselor
    CLOSED = "closed"  # the chat ended
    WITHDRAWN = "withdrawn"  # the student cancelled while waiting
    FORGOTTEN = "forgotten"  # /forgetme while waiting: out of the queue before the data goes


_Q, _A = RequestStatus.QUEUED, RequestStatus.ACTIVE

REQUEST: Lifecycle[RequestStatus] = Lifecycle(
    name="request",
    states=RequestStatus,
    initial=_Q,
    transitions=(
        # a supporter accepted an offer, or a counselor took the student over
        T("assign", (_Q,), _A),
        # nobody from the team can stay in the chat (left, deactivated, blocked the bot):
        # back to the front of the queue (routing.queue orders handed-back requests first)
        T("hand_back", (_A,), _Q),
        T("close", (_A,), RequestStatus.CLOSED),
        T("withdraw", (_Q,), RequestStatus.WITHDRAWN),
        T("forget", (_Q,), RequestStatus.FORGOTTEN),
    ),
    final=frozenset({RequestStatus.CLOSED, RequestStatus.WITHDRAWN, RequestStatus.FORGOTTEN}),
)


# ---- an offer of a request to one supporter --------------------------------------------------


class OfferStatus(enum.StrEnum):
    PENDING = "pending"  # sent with Accept / Decline, a timeout running
    ACCEPTED = "accepted"
    DECLINED = "declined"  # that supporter is not asked again for a while
    EXPIRED = "expired"  # no answer in time: offered again (that supporter included)
    WITHDRAWN = "withdrawn"  # the request or the supporter moved on before an answer


_P = OfferStatus.PENDING

OFFER: Lifecycle[OfferStatus] = Lifecycle(
    name="offer",
    states=OfferStatus,
    initial=_P,
    transitions=(
        T("accept", (_P,), OfferStatus.ACCEPTED),
        T("decline", (_P,), OfferStatus.DECLINED),
        T("expire", (_P,), OfferStatus.EXPIRED),
        T("withdraw", (_P,), OfferStatus.WITHDRAWN),
    ),
    final=frozenset({OfferStatus.ACCEPTED, OfferStatus.DECLINED, OfferStatus.EXPIRED,
                     OfferStatus.WITHDRAWN}),
)


# ---- a chat session (student <-> supporter, maybe a counselor) -------------------------------


class SessionStatus(enum.StrEnum):
    ACTIVE = "active"  # who is in it changes (handover, hand-back, take-over); the status not
    CLOSED = "closed"  # ended: by someone, idle, or handed back with nobody left in it


SESSION: Lifecycle[SessionStatus] = Lifecycle(
    name="chat session",
    states=SessionStatus,
    initial=SessionStatus.ACTIVE,
    transitions=(
        T("close", (SessionStatus.ACTIVE,), SessionStatus.CLOSED),
    ),
    final=frozenset({SessionStatus.CLOSED}),
)


# ---- a supporter's report about a student (abusive or sexual in a chat) ----------------------


class ReportStatus(enum.StrEnum):
    OPEN = "open"  # waiting for a coordinator's review
    BLOCKED = "blocked"  # the student may not be offered to supporters until people.blocked_until
    DISMISSED = "dismissed"  # reviewed: no block
    LIFTED = "lifted"  # the block was lifted by a coordinator (one that runs out is not)


REPORT: Lifecycle[ReportStatus] = Lifecycle(
    name="report",
    states=ReportStatus,
    initial=ReportStatus.OPEN,
    transitions=(
        T("block", (ReportStatus.OPEN,), ReportStatus.BLOCKED),
        T("dismiss", (ReportStatus.OPEN,), ReportStatus.DISMISSED),
        T("lift", (ReportStatus.BLOCKED,), ReportStatus.LIFTED),
    ),
    final=frozenset({ReportStatus.DISMISSED, ReportStatus.LIFTED}),
)
