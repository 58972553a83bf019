"""The team members tests seed into a database (e2e and the model-based test alike)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Staff:
    telegram_id: int
    role: str
    name: str
    trained: bool = True
    on_duty: bool = False
    languages: tuple[str, ...] = ("id", "en")
    topics: tuple[str, ...] = ()
    capacity: int = 2
