"""Inline-button callback data: ``<flow>:<event>:<value>``, short and opaque (≤ 64 bytes).

One codec for all of it: :func:`decode` turns the data of a press into a :class:`ButtonData`
(the prefix and the parts after it), once, where the update comes in; handlers read the parts
and ids from it instead of splitting strings. :func:`encode` is its inverse.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from flows.machine import Event
from flows.types import Button

SEPARATOR = ":"
MAX_ID = 2**31 - 1  # fits every id column (INTEGER on PostgreSQL; seen: a forged 3000000000
# was an 'out of int32 range' error, retried as an outage while the chat waited)


def ident(value: str) -> int | None:
    """An id carried in button data (or typed, like /shifts remove 3): plain ASCII digits
    that fit a database column; None for anything else (forged, stale, '²', 10**20)."""
    if not value.isascii() or not value.isdigit() or int(value) > MAX_ID:
        return None
    return int(value)


@dataclass(frozen=True)
class ButtonData:
    """The parsed data of one press: ``ro:cap+:7`` is prefix "ro", parts ("cap+", "7")."""

    prefix: str
    parts: tuple[str, ...] = ()

    @property
    def event(self) -> str:
        """The first part after the prefix: the action (``accept``) or, for some prefixes,
        an id (``en:12:``)."""
        return self.part(0)

    def part(self, index: int) -> str:
        """The part at ``index`` after the prefix; "" when the data has fewer parts."""
        return self.parts[index] if 0 <= index < len(self.parts) else ""

    def id(self, index: int) -> int | None:
        """The part at ``index`` as an id (the :func:`ident` rule), None when it is not one."""
        return ident(self.part(index))

    def flow_event(self, flow: str) -> Event:
        """What a flow machine receives: ``ss:end:`` -> Event("end"); data of another flow,
        or without a value part, is a stale button."""
        if self.prefix != flow or len(self.parts) < 2:
            return Event("stale-button", source="button")
        return Event(self.parts[0], SEPARATOR.join(self.parts[1:]), source="button")


def encode(data: ButtonData) -> str:
    return SEPARATOR.join((data.prefix, *data.parts))


def decode(raw: str) -> ButtonData:
    """Any string decodes (``encode(decode(raw)) == raw``); whether it means something is
    for the registry to say (unknown prefixes and events are stale buttons)."""
    prefix, *parts = raw.split(SEPARATOR)
    return ButtonData(prefix, tuple(parts))


def button(flow: str, label: str, event: str, value: str = "",
           params: Mapping[str, str | int] | None = None) -> Button:
    return Button(label, encode(ButtonData(flow, (event, value))), dict(params or {}))


def parse(flow: str, data: str) -> Event:
    """``ss:end:`` -> Event("end"); data of another flow is a stale button."""
    return decode(data).flow_event(flow)
