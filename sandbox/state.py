"""In-memory state of the sandbox: users, chats, messages, update queue, events, stats."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from sandbox.ratelimit import RateLimiter
from sandbox.types import (
    BotMessage,
    CallbackAnswer,
    ChatAction,
    Event,
    Fault,
    JsonDict,
    Stats,
    UserInfo,
)

T = TypeVar("T")

DEFAULT_EXCLUDED_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
FIRST_UPDATE_ID = 100_000_001
FIRST_USER_ID = 700_000_001
FIRST_GROUP_ID = -4_000_000_001


@dataclass
class PendingUpdate:
    update: JsonDict
    duplicate: bool = False
    sent: bool = False

    @property
    def update_id(self) -> int:
        return int(self.update["update_id"])


@dataclass
class WebhookConfig:
    url: str
    secret_token: str | None = None
    allowed_updates: list[str] | None = None
    max_connections: int = 40
    last_error_date: int | None = None
    last_error_message: str | None = None


@dataclass
class CallbackQueryRecord:
    user_id: int
    created: float
    answered: bool = False


@dataclass
class GroupInfo:
    id: int
    title: str
    members: set[int] = field(default_factory=set)


def update_type(update: JsonDict) -> str:
    return next((k for k in update if k != "update_id"), "")


class SandboxState:
    """All mutable sandbox data. Synchronous mutations; ``wait_until`` for async waiting."""

    def __init__(
        self,
        token: str,
        bot_username: str = "sejawat_sandbox_bot",
        bot_first_name: str = "Sejawat Sandbox",
        per_chat_limit: float | None = None,
        global_limit: float | None = None,
        per_chat_burst: float = 3.0,
        callback_query_ttl: float = 15.0,
    ) -> None:
        self.token = token
        prefix = token.split(":", 1)[0]
        self.bot_id = int(prefix) if prefix.isdigit() else 5_000_000_001
        self.bot_username = bot_username
        self.bot_first_name = bot_first_name
        self.callback_query_ttl = callback_query_ttl
        self.limiter = RateLimiter(per_chat_limit, global_limit, per_chat_burst)
        # what a message's date says (seconds since the epoch): the wall clock, or the bot's
        # clock when the page skipped ahead (sandbox.run), so the phones show the bot's time
        self.clock: Callable[[], float] = time.time
        self.listeners: list[Callable[[Event], None]] = []
        self.closing = False
        self.version = 0
        self._changed: asyncio.Event | None = None
        # Update ids only ever go up, as Telegram's do, even across a reset: a bot that
        # stored (or confirmed) an id would take a later update with the same id for a
        # repeated delivery, or skip it.
        self.next_update_id = FIRST_UPDATE_ID
        self.reset()

    def reset(self) -> None:
        """Forget users, chats, messages, queued updates, events and faults (update ids
        continue where they were)."""
        self.users: dict[int, UserInfo] = {}
        self.groups: dict[int, GroupInfo] = {}
        self.next_message_ids: dict[int, int] = {}
        self.messages: dict[tuple[int, int], JsonDict] = {}
        self.bot_messages: dict[int, list[BotMessage]] = {}
        self.bot_message_index: dict[tuple[int, int], BotMessage] = {}
        self.pending: list[PendingUpdate] = []
        self.history: list[JsonDict] = []
        self.next_user_id = FIRST_USER_ID
        self.next_group_id = FIRST_GROUP_ID
        self.allowed_updates: list[str] | None = None
        self.webhook: WebhookConfig | None = None
        self.commands: dict[tuple[str, str], list[JsonDict]] = {}
        self.menu_buttons: dict[int | None, JsonDict] = {}
        self.callback_queries: dict[str, CallbackQueryRecord] = {}
        self.callback_answers: list[CallbackAnswer] = []
        self.chat_actions: list[ChatAction] = []
        self.events: list[Event] = []
        self.calls: Counter[str] = Counter()
        self.statuses: Counter[str] = Counter()
        self.rate_limited = 0
        self.forbidden = 0
        self.faults: list[Fault] = []
        self.next_fault_id = 1
        self.notify()

    # -- change notification -------------------------------------------------------------

    def notify(self) -> None:
        self.version += 1
        event = self._changed
        self._changed = None
        if event is not None:
            event.set()

    async def wait_until(self, probe: Callable[[], T | None], timeout: float) -> T | None:
        """Return ``probe()`` as soon as it is not None; None after ``timeout`` seconds."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + max(0.0, timeout)
        while True:
            result = probe()
            if result is not None or self.closing:
                return result
            remaining = deadline - loop.time()
            if remaining <= 0:
                return None
            if self._changed is None:
                self._changed = asyncio.Event()
            try:  # (not wait_for: in 3.11 it can drop a cancellation; see bot.outbox)
                async with asyncio.timeout(remaining):
                    await self._changed.wait()
            except TimeoutError:
                return probe()

    def emit(self, type_: str, **data: object) -> Event:
        event = Event(seq=len(self.events) + 1, at=time.monotonic(), type=type_, data=dict(data))
        self.events.append(event)
        for listener in list(self.listeners):
            listener(event)
        self.notify()
        return event

    # -- users and chats -----------------------------------------------------------------

    def bot_user(self) -> JsonDict:
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": self.bot_first_name,
            "username": self.bot_username,
        }

    def chat_json(self, chat_id: int) -> JsonDict | None:
        user = self.users.get(chat_id)
        if user is not None:
            chat: JsonDict = {"id": user.id, "type": "private", "first_name": user.first_name}
            if user.last_name:
                chat["last_name"] = user.last_name
            if user.username:
                chat["username"] = user.username
            return chat
        group = self.groups.get(chat_id)
        if group is not None:
            return {"id": group.id, "type": "group", "title": group.title}
        return None

    def new_message_id(self, chat_id: int) -> int:
        value = self.next_message_ids.get(chat_id, 1)
        self.next_message_ids[chat_id] = value + 1
        return value

    # -- updates -------------------------------------------------------------------------

    def effective_allowed(self) -> set[str] | None:
        allowed = self.webhook.allowed_updates if self.webhook else self.allowed_updates
        return set(allowed) if allowed else None

    def is_allowed(self, kind: str) -> bool:
        allowed = self.effective_allowed()
        if allowed is None:
            return kind not in DEFAULT_EXCLUDED_UPDATES
        return kind in allowed

    def continue_update_ids(self, seen: int) -> None:
        """Hand out only ids above ``seen``: e.g. the highest a bot stored before this server
        started (a Telegram server that restarted would not send a bot ids it already saw)."""
        self.next_update_id = max(self.next_update_id, seen + 1)

    def continue_user_ids(self, known: int) -> None:
        """New users get ids above ``known`` (the highest the bot stored), never one of them."""
        self.next_user_id = max(self.next_user_id, known + 1)

    def enqueue(self, payload: JsonDict) -> JsonDict:
        """Give ``payload`` a fresh update_id, record it and queue it for the bot."""
        update: JsonDict = {"update_id": self.next_update_id, **payload}
        self.next_update_id += 1
        self.history.append(update)
        kind = update_type(update)
        queued = self.is_allowed(kind)
        if queued:
            self.pending.append(PendingUpdate(update))
        self.emit("update", update_id=update["update_id"], kind=kind, queued=queued, update=update)
        return update

    def redeliver(self, update_id: int) -> JsonDict:
        update = next((u for u in self.history if u["update_id"] == update_id), None)
        if update is None:
            raise KeyError(f"unknown update_id {update_id}")
        self.pending.append(PendingUpdate(update, duplicate=True))
        self.emit("update", update_id=update_id, kind=update_type(update), queued=True,
                  duplicate=True, update=update)
        return update

    def confirm(self, offset: int) -> None:
        """getUpdates offset semantics; redelivered duplicates go only once they were sent."""
        if offset > 0:
            self.pending = [
                p for p in self.pending
                if p.update_id >= offset or (p.duplicate and not p.sent)
            ]
        elif offset < 0:
            self.pending = self.pending[offset:]

    def drop_pending(self) -> None:
        self.pending.clear()
        self.notify()

    # -- bot messages --------------------------------------------------------------------

    def add_bot_message(self, record: BotMessage, message: JsonDict) -> None:
        self.messages[(record.chat_id, record.message_id)] = message
        self.bot_messages.setdefault(record.chat_id, []).append(record)
        self.bot_message_index[(record.chat_id, record.message_id)] = record

    def find_bot_message(
        self, chat_id: int, predicate: Callable[[BotMessage], bool], after_message_id: int = 0,
        include_deleted: bool = False,
    ) -> BotMessage | None:
        for record in self.bot_messages.get(chat_id, []):
            if record.message_id <= after_message_id:
                continue
            if record.deleted and not include_deleted:
                continue
            if predicate(record):
                return record
        return None

    # -- faults and stats ----------------------------------------------------------------

    def add_fault(self, fault: Fault) -> Fault:
        fault.id = self.next_fault_id
        fault.method = fault.method.lower()
        self.next_fault_id += 1
        self.faults.append(fault)
        return fault

    def take_fault(self, method: str, chat_id: int | None) -> Fault | None:
        for fault in self.faults:
            if fault.method not in (method, "*"):
                continue
            if fault.chat_id is not None and fault.chat_id != chat_id:
                continue
            fault.count -= 1
            if fault.count <= 0:
                self.faults.remove(fault)
            return fault
        return None

    def record_call(self, method: str, chat_id: int | None, status: int, error: str | None) -> None:
        self.calls[method] += 1
        self.statuses[str(status)] += 1
        if status == 429:
            self.rate_limited += 1
        elif status == 403:
            self.forbidden += 1
        self.emit("api_call", method=method, chat_id=chat_id, status=status, error=error)

    def stats(self) -> Stats:
        return Stats(
            calls=dict(self.calls),
            statuses=dict(self.statuses),
            rate_limited=self.rate_limited,
            forbidden=self.forbidden,
            updates_produced=len(self.history),
            pending_updates=len(self.pending),
        )
