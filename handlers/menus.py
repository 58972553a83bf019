"""Each role's command menu (Telegram's ``/`` list, set for that member's chat): what they do
most, first. Everyone else (students, someone joining the team, a paused member) has the
default menu (bot.app.MENU_COMMANDS). Each command here is one the role may run
(handlers.registry; tests/unit/handlers/test_registry.py checks it)."""

from __future__ import annotations

from collections.abc import Sequence

from flows.types import SetMenu
from storage.program_models import Member

MENUS: dict[str, tuple[str, ...]] = {
    "supporter": ("duty", "chats", "end", "note", "handoff", "screen", "refer", "offerplan",
                  "report", "checkin", "help"),
    "counselor": ("cases", "duty", "chats", "end", "note", "screen", "refer", "casenote",
                  "offerplan", "theirplan", "report", "help"),
    "coordinator": ("cases", "reports", "roster", "invite", "shifts", "stats", "casenote",
                    "help"),
}


def menu(member: Member) -> SetMenu:
    """The member's menu now: their role's while active, the default one while paused."""
    return SetMenu(MENUS.get(member.role, ()) if member.active else (), to=member.telegram_id)


def menus(members: Sequence[Member]) -> list[SetMenu]:
    return [menu(m) for m in members]
