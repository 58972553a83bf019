"""What a transport hands the core (Inbound) and what the core asks for (effects).

Plain values only: no Telegram library and no database here.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

InboundKind = Literal["text", "command", "button", "media", "member_status"]


@dataclass(frozen=True)
class Inbound:
    """One update from Telegram, translated by a transport adapter."""

    update_id: int
    chat_id: int
    chat_type: str  # "private", "group", "supergroup", "channel"
    sender_id: int
    language_code: str | None
    kind: InboundKind
    text: str = ""  # message text, command arguments (command) or caption (media);
    # member_status: "blocked" (the person blocked the bot) or "unblocked"
    command: str = ""  # lower-case command name without the slash, e.g. "start"
    button: str = ""  # callback data of a pressed inline button
    callback_id: str = ""  # id of the callback query, to answer it
    message_id: int = 0  # the message pressed (button) or sent (text/media)
    media_kind: str = ""  # photo, sticker, voice, video, document, ...
    reply_to: int = 0  # the message this one answers (Telegram's "reply"); 0 if none
    # a button press read from what the student typed ("iya", "3": handlers.router): their
    # message has no buttons to clear, and the question it answers keeps none
    typed: bool = False

    @property
    def is_private(self) -> bool:
        return self.chat_type == "private"


class Priority(enum.IntEnum):
    """Outbox order across chats: lower is sent first."""

    CRISIS = 0
    HIGH = 1
    NORMAL = 5


@dataclass(frozen=True)
class Button:
    """An inline button: a catalog key for its label and short opaque callback data."""

    label: str
    data: str
    params: Mapping[str, str | int] = field(default_factory=dict)


Keyboard = tuple[tuple[Button, ...], ...]


SOS, NO_SOS = "sos", "remove"  # Reply.keyboard


@dataclass(frozen=True)
class Reply:
    """Send a message rendered from catalog key `key` in the recipient's language.

    `to` is a chat id; None means the chat the event came from.
    """

    key: str
    params: Mapping[str, str | int | float] = field(default_factory=dict)  # float: 1 decimal
    buttons: Keyboard = ()
    to: int | None = None
    priority: Priority = Priority.NORMAL
    meta: Mapping[str, int] = field(default_factory=dict)  # e.g. the escalation a ping is for
    language: str = ""  # render in this language ("": the recipient's, looked up when queued)
    # the keyboard under the typing field (not on a message, unlike ``buttons``): "sos" shows
    # the 🆘 I need a counselor now key and keeps it there; "remove" takes it away. Only on a
    # message without buttons (Telegram allows one or the other)
    keyboard: str = ""
    # the id of a message the bot sent to this chat earlier: show this text and these buttons
    # there, in place, instead of a new message (a card that changes, a question whose answer
    # is ticked); if Telegram will not edit it any more, it is sent as a new message
    edit: int | None = None


@dataclass(frozen=True)
class ClearButtons:
    """Remove the inline keyboard from a message the bot sent earlier."""

    message_id: int
    to: int | None = None


@dataclass(frozen=True)
class Copy:
    """Forward a user's photo/voice/file without its sender (only if the config allows)."""

    from_chat_id: int
    message_id: int
    to: int | None = None


@dataclass(frozen=True)
class SetMenu:
    """Set the person's command menu (Telegram's ``/`` list): ``commands``, each described by
    the catalog's ``cmd-team-<command>`` in their language; none: back to the menu everyone
    else has (a student's)."""

    commands: tuple[str, ...]
    to: int | None = None


@dataclass(frozen=True)
class SetLanguage:
    """The student chose a language: later replies are rendered in it."""

    language: str


@dataclass(frozen=True)
class AlertFriend:
    """A student is worried about a friend: what they know, the friend's class or year (may
    be empty) and how urgent it feels (``now``, ``soon``, ``unsure``): a counselor is paged."""

    what: str
    where: str
    urgency: str


@dataclass(frozen=True)
class SavePlan:
    """Keep the student's safety plan (flows.safety_plan): its parts in their words, and
    whether a counselor with them may see it (None: not asked yet). ``done``: the last step."""

    parts: Mapping[str, str]
    share: bool | None
    done: bool


@dataclass(frozen=True)
class SubmitRequest:
    """Intake finished: store the help request as queued (data comes from the flow)."""


@dataclass(frozen=True)
class CancelRequest:
    """The student withdrew a queued request."""


@dataclass(frozen=True)
class Screened:
    """The student answered one screening question (flows.screening): ``answers`` are all
    their answers so far (``question=answer,...``); ``done`` when the screening ends with it."""

    question: str
    answer: str
    answers: str
    done: bool


@dataclass(frozen=True)
class Relay:
    """Pass the sender's text to the other side of their session."""

    text: str


@dataclass(frozen=True)
class RelayMedia:
    """The sender sent a photo/voice/sticker in a session (forwarded only if allowed)."""

    kind: str
    message_id: int


@dataclass(frozen=True)
class EndSession:
    """End the sender's session; both sides are told."""


@dataclass(frozen=True)
class RecordFeedback:
    rating: int | None
    comment: str | None


@dataclass(frozen=True)
class JoinProgram:
    """An invitee finished onboarding: become a member with the chosen details."""


@dataclass(frozen=True)
class AskCounselor:
    """The student asked for a counselor now (opens an escalation)."""

    reason: str = "student"


ProgramEffect = Relay | RelayMedia | EndSession | RecordFeedback | JoinProgram | AskCounselor

Effect = (
    Reply | ClearButtons | Copy | SetMenu | SetLanguage | SubmitRequest | CancelRequest
    | Screened | Relay | RelayMedia | EndSession | RecordFeedback | JoinProgram | AskCounselor
    | SavePlan | AlertFriend
)
