"""Inline-button callback data: ``<flow>:<event>:<value>``, short and opaque (≤ 64 bytes)."""

from __future__ import annotations

from collections.abc import Mapping

from flows.machine import Event
from flows.types import Button


def button(flow: str, label: str, event: str, value: str = "",
           params: Mapping[str, str | int] | None = None) -> Button:
    return Button(label, f"{flow}:{event}:{value}", dict(params or {}))


def parse(flow: str, data: str) -> Event:
    """``ss:end:`` -> Event("end"); data of another flow is a stale button."""
    parts = data.split(":", 2)
    if len(parts) != 3 or parts[0] != flow:
        return Event("stale-button", source="button")
    return Event(parts[1], parts[2], source="button")


MAX_ID = 2**53 - 1  # fits every integer column (SQLite, PostgreSQL BIGINT) and JSON


def ident(value: str) -> int | None:
    """An id carried in button data (or typed, like /shifts remove 3): plain ASCII digits
    that fit a database column; None for anything else (forged, stale, '²', 10**20)."""
    if not value.isascii() or not value.isdigit() or int(value) > MAX_ID:
        return None
    return int(value)
