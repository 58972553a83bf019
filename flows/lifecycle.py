"""Lifecycles of things that live longer than one update (request, offer, chat session,
escalation case), declared as tables: the only place their status changes.

A lifecycle is an Enum of states and a tuple of transitions ``T(event, sources, target,
guard)``, read top to bottom. ``fire(obj, event)`` moves ``obj.status`` along the table or
raises :class:`IllegalTransition`; it never writes a status the table does not allow.
Effects (messages, timers, audit) are the application layer's; the table decides whether.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

from flows.errors import IllegalTransition

S = TypeVar("S", bound=enum.StrEnum)


class HasStatus(Protocol):
    status: str


Guard = Callable[[Any], bool]


@dataclass(frozen=True)
class T(Generic[S]):
    """One row: ``event`` moves a thing in any of ``sources`` to ``target`` if ``guard``."""

    event: str
    sources: tuple[S, ...]
    target: S
    guard: str | None = None


@dataclass(frozen=True)
class Lifecycle(Generic[S]):
    name: str  # "offer": used in "Can't accept an offer that is expired"
    states: type[S]
    initial: S
    transitions: tuple[T[S], ...]
    final: frozenset[S] = frozenset()
    guards: Mapping[str, Guard] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for row in self.transitions:
            if row.guard is not None and row.guard not in self.guards:
                raise ValueError(f"{self.name}.{row.event}: unknown guard {row.guard!r}")
            for source in row.sources:
                if source in self.final:
                    raise ValueError(f"{self.name}.{row.event}: leaves final state {source}")

    def state_of(self, thing: HasStatus) -> S:
        return self.states(thing.status)

    def events(self, state: S) -> set[str]:
        """What may happen to a thing in ``state`` (for documentation, tests and buttons)."""
        return {row.event for row in self.transitions if state in row.sources}

    def target(self, thing: HasStatus, event: str) -> S | None:
        """Where ``event`` would take ``thing``, or None if the table does not allow it."""
        state = self.state_of(thing)
        for row in self.transitions:
            if row.event != event or state not in row.sources:
                continue
            if row.guard is not None and not self.guards[row.guard](thing):
                continue
            return row.target
        return None

    def can(self, thing: HasStatus, event: str) -> bool:
        return self.target(thing, event) is not None

    def fire(self, thing: HasStatus, event: str) -> S:
        """Move ``thing`` along the table; IllegalTransition if the table does not allow it."""
        target = self.target(thing, event)
        if target is None:
            raise IllegalTransition(self.name, thing.status, event)
        thing.status = target.value
        return target

    def reachable(self) -> set[S]:
        """States reachable from the initial one (every declared state should be)."""
        seen = {self.initial}
        frontier: Iterable[S] = [self.initial]
        while frontier:
            nxt = [row.target for row in self.transitions
                   if any(s in row.sources for s in frontier) and row.target not in seen]
            seen |= set(nxt)
            frontier = nxt
        return seen
