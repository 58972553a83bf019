"""Plain data records exposed by the sandbox (in-process and over the control API)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

JsonDict = dict[str, Any]

MediaKind = Literal["photo", "sticker", "voice", "video", "document", "animation"]
MEDIA_KINDS: tuple[str, ...] = ("photo", "sticker", "voice", "video", "document", "animation")

FaultAction = Literal["error", "drop", "drop_after", "delay"]


@dataclass
class UserInfo:
    id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = "en"
    blocked: bool = False
    has_started: bool = True

    def to_json(self) -> JsonDict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: JsonDict) -> UserInfo:
        return cls(**data)

    def telegram_user(self) -> JsonDict:
        """The Bot API ``User`` object for this user."""
        user: JsonDict = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        if self.last_name:
            user["last_name"] = self.last_name
        if self.username:
            user["username"] = self.username
        if self.language_code:
            user["language_code"] = self.language_code
        return user


@dataclass
class UpdateRef:
    """What a simulated user action produced."""

    update_id: int
    chat_id: int | None = None
    message_id: int | None = None
    callback_query_id: str | None = None

    def to_json(self) -> JsonDict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: JsonDict) -> UpdateRef:
        return cls(**data)


@dataclass
class BotMessage:
    """A message the bot sent, as it currently looks (after edits)."""

    chat_id: int
    message_id: int
    text: str | None
    date: int
    sent_at: float
    raw_text: str | None = None
    parse_mode: str | None = None
    caption: str | None = None
    kind: str = "text"
    reply_markup: JsonDict | None = None
    reply_to_message_id: int | None = None
    edit_count: int = 0
    edit_date: int | None = None
    deleted: bool = False
    texts: list[str] = field(default_factory=list)

    @property
    def edited(self) -> bool:
        return self.edit_count > 0

    def button_data(self) -> list[str]:
        """All callback_data values of the current inline keyboard, row by row."""
        rows = (self.reply_markup or {}).get("inline_keyboard") or []
        return [b["callback_data"] for row in rows for b in row if "callback_data" in b]

    def button_texts(self) -> list[str]:
        """Texts of all buttons (inline or reply keyboard) of the current markup."""
        markup = self.reply_markup or {}
        rows = markup.get("inline_keyboard") or markup.get("keyboard") or []
        return [b if isinstance(b, str) else str(b.get("text", "")) for row in rows for b in row]

    def to_json(self) -> JsonDict:
        data = asdict(self)
        data["edited"] = self.edited
        return data

    @classmethod
    def from_json(cls, data: JsonDict) -> BotMessage:
        data = dict(data)
        data.pop("edited", None)
        return cls(**data)


@dataclass
class CallbackAnswer:
    callback_query_id: str
    user_id: int
    text: str | None
    show_alert: bool
    url: str | None
    cache_time: int
    at: float

    def to_json(self) -> JsonDict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: JsonDict) -> CallbackAnswer:
        return cls(**data)


@dataclass
class ChatAction:
    chat_id: int
    action: str
    at: float

    def to_json(self) -> JsonDict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: JsonDict) -> ChatAction:
        return cls(**data)


@dataclass
class Event:
    """One entry of the global event log; ``at`` is ``time.monotonic()`` on the server."""

    seq: int
    at: float
    type: str
    data: JsonDict

    def to_json(self) -> JsonDict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: JsonDict) -> Event:
        return cls(**data)


@dataclass
class Fault:
    """Make the next ``count`` calls of ``method`` (optionally for ``chat_id``) misbehave."""

    method: str
    count: int = 1
    status: int = 500
    retry_after: int | None = None
    description: str | None = None
    chat_id: int | None = None
    action: FaultAction = "error"
    delay: float = 0.0
    id: int = 0

    def to_json(self) -> JsonDict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: JsonDict) -> Fault:
        return cls(**data)


@dataclass
class Stats:
    calls: dict[str, int]
    statuses: dict[str, int]
    rate_limited: int
    forbidden: int
    updates_produced: int
    pending_updates: int

    def to_json(self) -> JsonDict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: JsonDict) -> Stats:
        return cls(**data)
