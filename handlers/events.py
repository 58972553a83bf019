"""Translate an Inbound into the event a flow understands."""

from __future__ import annotations

import dataclasses

from flows import buttons
from flows.machine import Event
from flows.types import Inbound

COMMANDS = {"start": "/start", "help": "/help", "cancel": "/cancel", "back": "back",
            "end": "/end"}


def to_event(inbound: Inbound, prefix: str) -> Event:
    """``prefix`` is the button namespace of the flow the chat is in (e.g. "in" for intake)."""
    if inbound.kind == "text":
        return Event("text", inbound.text, source="text")
    if inbound.kind == "media":
        return Event("media", inbound.media_kind, source="media")
    if inbound.kind == "button":
        return dataclasses.replace(buttons.parse(prefix, inbound.button),
                                   message_id=inbound.message_id)
    name = COMMANDS.get(inbound.command)
    if name is None:
        return Event("unknown-command", inbound.command, source="command")
    return Event(name, inbound.text, source="command")
