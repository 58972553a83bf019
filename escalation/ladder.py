"""The acknowledgement ladder of one escalation, as a pure state machine (no clock, no I/O).

The caller persists :class:`LadderState`, sends a ping with *Acknowledge* / *Take over* to each of
``Page.member_ids``, and arms one durable timer ``Page.next_check_in`` from now, remembering
``Page.step``; when it fires it calls :func:`on_timeout` unless the state's step has moved on (a
stale timer). ``next_check_in is None`` means the ladder is stopped (acknowledged).

Steps (``timeout`` = :func:`ack_timeout` of the current level, 2 min IMMINENT / 5 min HIGH):

1. the first on-duty active counselor, in the order the caller gives (least recently paged first);
2. the next on-duty counselor not yet paged - at most :data:`INDIVIDUAL_STEPS` counselors who were
   reached (a refused ping does not use up a rung);
3. broadcast: every active counselor (on duty or not) and every active coordinator, including
   the counselors already paged (a reminder), minus refused ones. Reached at once when no on-duty
   counselor is left, so at :func:`start` when none is on duty at all;
4. repeats: the same set (re-read from ``staff``) is paged again, never giving up silently. Repeat
   interval: ``timeout`` after the broadcast, then doubling (2, 4, 8 ... min for IMMINENT) up to
   ``Timeouts.repeat_cap`` (15 min by default; never below ``timeout``).

A refused ping (403 blocked, permanent failure) pages the next person at once while counselors are
still paged one by one; after the broadcast it pages nobody new (the rest were reached).
``notify_student_again`` asks the caller to repeat the resources / reassurance to the student: on
every step after the first (the first message already carried them, see ``policy``), and whenever a
page reaches nobody. A Page with no ``member_ids`` but ``next_check_in`` set means nobody could be
paged (no staff, or everyone refused): the caller must alert loudly (log at ERROR / operator alert)
and keep the timer - new staff are picked up on the next check.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import timedelta

from escalation.detector import RiskLevel

__all__ = [
    "COORDINATOR",
    "COUNSELOR",
    "INDIVIDUAL_STEPS",
    "LadderState",
    "Page",
    "Staff",
    "Timeouts",
    "ack_timeout",
    "on_acknowledged",
    "on_delivery_failed",
    "on_timeout",
    "start",
]

COUNSELOR = "counselor"
COORDINATOR = "coordinator"
INDIVIDUAL_STEPS = 2  # counselor -> next counselor -> everyone (DESIGN.md)
_MAX_DOUBLINGS = 16


@dataclass(frozen=True)
class Staff:
    member_id: int
    role: str  # COUNSELOR | COORDINATOR (anything else is never paged)
    on_duty: bool
    active: bool


@dataclass(frozen=True)
class Timeouts:
    imminent: timedelta = timedelta(minutes=2)  # escalation.ack_timeout_imminent
    high: timedelta = timedelta(minutes=5)  # escalation.ack_timeout_high
    repeat_cap: timedelta = timedelta(minutes=15)  # longest gap between repeats

    def __post_init__(self) -> None:
        if min(self.imminent, self.high, self.repeat_cap) <= timedelta(0):
            raise ValueError("ladder timeouts must be positive")


@dataclass(frozen=True)
class LadderState:
    step: int = 0  # 0 = not started
    paged: tuple[int, ...] = ()  # member ids paged so far, in order, each once
    failed: tuple[int, ...] = ()  # member ids whose ping Telegram refused
    acknowledged_by: int | None = None
    broadcast_step: int = 0  # the step of the broadcast; 0 = not reached yet


@dataclass(frozen=True)
class Page:
    member_ids: tuple[int, ...]  # page these people now
    next_check_in: timedelta | None  # arm the timer: check again after this (None = stopped)
    step: int
    broadcast: bool  # True on the "all counselors and coordinators" step and its repeats
    notify_student_again: bool  # repeat resources / reassure the student at this step


def ack_timeout(level: RiskLevel, imminent: timedelta, high: timedelta) -> timedelta:
    """The wait for an acknowledgement: ``imminent`` for IMMINENT, ``high`` otherwise."""
    return imminent if level >= RiskLevel.IMMINENT else high


def start(level: RiskLevel, staff: Sequence[Staff], timeouts: Timeouts,
          reminded: int | None = None) -> tuple[LadderState, Page]:
    """Open the ladder: the first on-duty counselor, else everyone at once. ``reminded``: who
    acknowledged the case before it opened again, reminded apart from the ladder; that
    counts as its first rung, so the next counselor is paged at once (everyone, when there is
    no other), and they are in every broadcast."""
    state = LadderState(paged=(reminded,)) if reminded is not None else LadderState()
    return _advance(state, level, staff, timeouts)


def on_timeout(
    state: LadderState, level: RiskLevel, staff: Sequence[Staff], timeouts: Timeouts
) -> tuple[LadderState, Page]:
    """Nobody acknowledged in time: the next step. Does nothing once acknowledged."""
    if state.acknowledged_by is not None:
        return state, _stopped(state)
    return _advance(state, level, staff, timeouts)


def on_delivery_failed(
    state: LadderState,
    member_id: int,
    level: RiskLevel,
    staff: Sequence[Staff],
    timeouts: Timeouts,
    permanent: bool = True,
) -> tuple[LadderState, Page]:
    """Telegram refused the ping to ``member_id``: page the next now. ``permanent`` (blocked,
    400): never page them again; otherwise (5xx, network) their ping is still being retried
    and they stay in the ladder.

    Unknown or repeated reports change nothing (the Page keeps the current step and interval).
    """
    if state.acknowledged_by is not None or state.step == 0:
        return state, _stopped(state)
    if member_id not in state.paged or member_id in state.failed:
        return state, _waiting(state, level, timeouts, notify=False)
    if not permanent:
        if state.broadcast_step:
            return state, _waiting(state, level, timeouts, notify=False)
        return _advance(state, level, staff, timeouts, delayed=True)
    state = replace(state, failed=(*state.failed, member_id))
    if state.broadcast_step == 0:
        return _advance(state, level, staff, timeouts)
    reached = [m for m in state.paged if m not in state.failed]
    return state, _waiting(state, level, timeouts, notify=not reached)


def on_acknowledged(state: LadderState, member_id: int) -> LadderState:
    """Stop the ladder; the first acknowledgement wins, later ones change nothing."""
    if state.acknowledged_by is not None:
        return state
    return replace(state, acknowledged_by=member_id)


def _advance(
    state: LadderState, level: RiskLevel, staff: Sequence[Staff], timeouts: Timeouts,
    delayed: bool = False,
) -> tuple[LadderState, Page]:
    """The next rung. ``delayed``: the last ping is only delayed by an outage (still being
    retried), so it does not use up one of the individual rungs."""
    step = state.step + 1
    timeout = ack_timeout(level, timeouts.imminent, timeouts.high)
    if state.broadcast_step == 0:
        reached = [m for m in state.paged if m not in state.failed]
        candidates = [
            s.member_id
            for s in staff
            if s.role == COUNSELOR and s.on_duty and s.active and s.member_id not in state.paged
        ]
        if len(reached) < INDIVIDUAL_STEPS + int(delayed) and candidates:
            nxt = candidates[0]
            new = replace(state, step=step, paged=(*state.paged, nxt))
            return new, Page((nxt,), timeout, step, broadcast=False, notify_student_again=step > 1)
    targets = tuple(m for m in _everyone(staff) if m not in state.failed)
    fresh = tuple(m for m in targets if m not in state.paged)
    first_broadcast = state.broadcast_step or step
    new = replace(state, step=step, paged=state.paged + fresh, broadcast_step=first_broadcast)
    page = Page(
        member_ids=targets,
        next_check_in=_interval(new, timeout, timeouts.repeat_cap),
        step=step,
        broadcast=True,
        notify_student_again=step > 1 or not targets,
    )
    return new, page


def _everyone(staff: Sequence[Staff]) -> tuple[int, ...]:
    """Active counselors, then active coordinators, each member once, in the given order."""
    ids = [s.member_id for s in staff if s.active and s.role == COUNSELOR]
    ids += [s.member_id for s in staff if s.active and s.role == COORDINATOR]
    return tuple(dict.fromkeys(ids))


def _interval(state: LadderState, timeout: timedelta, cap: timedelta) -> timedelta:
    """``timeout`` before the broadcast and right after it; then doubling up to the cap."""
    repeats = state.step - state.broadcast_step if state.broadcast_step else 0
    if repeats == 0:
        return timeout
    return min(timeout * (1 << min(repeats, _MAX_DOUBLINGS)), max(cap, timeout))


def _waiting(state: LadderState, level: RiskLevel, timeouts: Timeouts, notify: bool) -> Page:
    timeout = ack_timeout(level, timeouts.imminent, timeouts.high)
    interval = _interval(state, timeout, timeouts.repeat_cap)
    return Page((), interval, state.step, broadcast=False, notify_student_again=notify)


def _stopped(state: LadderState) -> Page:
    return Page((), None, state.step, broadcast=False, notify_student_again=False)
