"""The port the outbox sender talks to; each transport implements it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

ButtonRows = list[list[dict[str, str]]]  # [[{"text": ..., "data": ...}, ...], ...]


@dataclass(frozen=True)
class Sent:
    message_id: int | None


@dataclass(frozen=True)
class RetryAfter:
    seconds: float


@dataclass(frozen=True)
class Blocked:
    """The user blocked the bot (403)."""


@dataclass(frozen=True)
class Rejected:
    """Telegram refused this request for good (400): retrying would not help."""

    reason: str


@dataclass(frozen=True)
class Transient:
    """Network trouble or a 5xx: try again later."""

    reason: str


SendResult = Sent | RetryAfter | Blocked | Rejected | Transient


class Messenger(Protocol):
    async def send_text(self, chat_id: int, text: str, buttons: ButtonRows,
                        keyboard: list[str] | None = None) -> SendResult:
        """``keyboard``: keys to keep under the typing field ([] takes them away; None leaves
        whatever is there); only without ``buttons``."""
        ...

    async def clear_buttons(self, chat_id: int, message_id: int) -> SendResult: ...

    async def edit_text(self, chat_id: int, message_id: int, text: str,
                        buttons: ButtonRows) -> SendResult:
        """Replace the text and buttons (none: no buttons) of a message the bot sent. Telegram's
        "message is not modified" comes back as ``Rejected`` like any 400: the sender reads it
        as done (the message already shows this)."""
        ...

    async def set_menu(self, chat_id: int, commands: list[tuple[str, str]]) -> SendResult:
        """This chat's command menu (``[(command, description)]``); empty: the default one."""
        ...

    async def copy_message(self, chat_id: int, from_chat_id: int,
                           message_id: int) -> SendResult: ...
