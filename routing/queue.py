"""Order the waiting queue, estimate waits and decide when to tell a student their position.

Pure domain code. The queue is ordered by risk level (highest first), then requests handed
back from a chat whose supporter left (the front of the line: they already waited once), then
how the student feels (worst first), then waiting time (oldest first), then request id for
determinism.

Wait estimate (``estimate_wait``): the first ``free_slots`` students in the queue are taken
now; everyone behind them waits for sessions to finish, ``free_slots`` at a time (at least
one at a time when every slot is busy)::

    None                                    if free_slots == 0 and nobody is on duty
    0                                       if position <= free_slots
    ceil((position - free_slots) / max(1, free_slots)) * typical_session   otherwise
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

__all__ = ["Waiting", "estimate_wait", "ordered", "positions", "should_tell"]


@dataclass(frozen=True)
class Waiting:
    """A request waiting for a supporter."""

    request_id: int
    risk_level: int  # 0 none, 1 concern, 2 high, 3 imminent (higher first)
    feeling: int  # 1 (very bad) .. 5 (good): lower first
    created_at: datetime  # aware UTC: older first
    handed_back: bool = False  # was in a chat that went back to the queue: front of the line


def _key(item: Waiting) -> tuple[int, bool, int, datetime, int]:
    return (-item.risk_level, not item.handed_back, item.feeling, item.created_at,
            item.request_id)


def ordered(waiting: Iterable[Waiting]) -> list[Waiting]:
    """Risk descending, handed back first, feeling ascending, created ascending, id."""
    return sorted(waiting, key=_key)


def positions(waiting: Iterable[Waiting]) -> dict[int, int]:
    """``request_id -> 1-based position`` in queue order."""
    return {item.request_id: index for index, item in enumerate(ordered(waiting), start=1)}


def estimate_wait(
    position: int,
    free_slots: int,
    typical_session: timedelta,
    *,
    anyone_on_duty: bool = False,
) -> timedelta | None:
    """Estimated wait for the student at ``position`` (1-based); see the module docstring.

    ``free_slots`` is the number of sessions on-duty supporters can still open now.
    ``free_slots > 0`` implies someone is on duty. With ``free_slots == 0`` the estimate is
    ``None`` (the caller shows the out-of-hours message with resources) unless the caller
    says ``anyone_on_duty=True``: everyone on duty is busy, so ``position`` sessions must end.
    """
    if position < 1:
        raise ValueError(f"position must be >= 1, got {position}")
    if free_slots < 0:
        raise ValueError(f"free_slots must be >= 0, got {free_slots}")
    if typical_session < timedelta(0):
        raise ValueError("typical_session must not be negative")
    if free_slots == 0 and not anyone_on_duty:
        return None
    if position <= free_slots:
        return timedelta(0)
    ahead = position - free_slots
    per_round = max(1, free_slots)
    rounds = -(-ahead // per_round)  # ceiling division on ints
    return rounds * typical_session


def should_tell(
    old_position: int | None,
    new_position: int,
    told_at: datetime | None,
    now: datetime,
    interval: timedelta,
) -> bool:
    """Tell the student when their position changed and the last update is ``interval`` old.

    ``old_position``/``told_at`` describe the last update the student got (None: never told).
    """
    if old_position == new_position:
        return False
    return told_at is None or now - told_at >= interval
