"""Pick the supporter for a request.

Pure domain code: plain frozen dataclasses in, plain values out. A supporter is *eligible*
when they are on duty, trained, active, below capacity, not resting (over a wellbeing limit or
cooling down after a crisis chat) and speak the request's language.
Eligible supporters are ranked by topic match, then least current load, then longest idle
(never assigned first, then the oldest ``last_assigned_at``: a fair round robin), then
``member_id`` so the order is deterministic.

A supporter who *declined* a request is excluded from it for a while (``exclude``); one who let
an offer of it *expire* is only *avoided*: asked again when nobody else is eligible, so a
student is never stranded behind a supporter who merely missed a message.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime

__all__ = ["SUPPORTER", "Candidate", "Need", "best", "eligible", "rank", "why_unmatched"]

SUPPORTER = "supporter"


@dataclass(frozen=True)
class Candidate:
    """A program member who might take a request."""

    member_id: int
    role: str  # "supporter" | "counselor" | "coordinator"
    languages: frozenset[str]  # e.g. {"id", "en"}
    topics: frozenset[str]  # topics they cover; empty = none declared
    trained: bool
    active: bool
    on_duty: bool
    load: int  # open sessions now
    capacity: int
    last_assigned_at: datetime | None  # aware UTC; None = never assigned
    resting: bool = False  # over a wellbeing limit, or cooling down after a crisis chat


@dataclass(frozen=True)
class Need:
    """What a waiting request needs from a supporter."""

    request_id: int
    language: str
    topic: str


def _speaks(candidate: Candidate, language: str) -> bool:
    wanted = language.strip().casefold()
    return any(lang.strip().casefold() == wanted for lang in candidate.languages)


def eligible(candidate: Candidate, need: Need) -> bool:
    """Supporter role, on duty, trained, active, not resting, below capacity, speaks the
    need's language."""
    return (
        candidate.role == SUPPORTER
        and candidate.on_duty
        and candidate.trained
        and candidate.active
        and not candidate.resting
        and candidate.load < candidate.capacity
        and _speaks(candidate, need.language)
    )


def _sort_key(candidate: Candidate, need: Need) -> tuple[bool, int, bool, float, int]:
    topic_miss = not (need.topic and need.topic in candidate.topics)
    last = candidate.last_assigned_at
    # Never assigned (False) sorts before assigned (True); then oldest assignment first.
    idle = (last is not None, last.timestamp() if last is not None else 0.0)
    return (topic_miss, candidate.load, idle[0], idle[1], candidate.member_id)


def rank(
    candidates: Iterable[Candidate], need: Need, exclude: Collection[int] = ()
) -> list[Candidate]:
    """Eligible candidates not in ``exclude`` (declined/expired for this request), best first.

    A member listed twice is kept once (the first occurrence).
    """
    excluded = frozenset(exclude)
    seen: set[int] = set()
    pool: list[Candidate] = []
    for candidate in candidates:
        if candidate.member_id in excluded or candidate.member_id in seen:
            continue
        seen.add(candidate.member_id)
        if eligible(candidate, need):
            pool.append(candidate)
    return sorted(pool, key=lambda c: _sort_key(c, need))


def best(
    candidates: Iterable[Candidate], need: Need, exclude: Collection[int] = (),
    avoid: Collection[int] = (),
) -> Candidate | None:
    """The top-ranked candidate not in ``avoid`` (e.g. let this request's offer expire), else
    the top-ranked one in ``avoid``; None when nobody outside ``exclude`` is eligible."""
    ranked = rank(candidates, need, exclude)
    preferred = [c for c in ranked if c.member_id not in avoid] or ranked
    return preferred[0] if preferred else None


def why_unmatched(candidates: Iterable[Candidate], need: Need) -> str:
    """Why a request that has waited is still without a supporter, in the order a coordinator
    can act on: ``"nobody-on-duty"`` (no trained, active supporter on duty speaks its
    language), ``"resting"`` (those who do all rest: over a wellbeing limit or after a crisis
    chat), ``"all-busy"`` (they all are at capacity), else ``"not-accepted"`` (someone could
    take it and was offered it, but declined or did not answer)."""
    able = [c for c in candidates if c.role == SUPPORTER and c.on_duty and c.trained
            and c.active and _speaks(c, need.language)]
    if not able:
        return "nobody-on-duty"
    able = [c for c in able if not c.resting]
    if not able:
        return "resting"
    if all(c.load >= c.capacity for c in able):
        return "all-busy"
    return "not-accepted"
