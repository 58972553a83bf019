"""The sandbox control operations, callable in-process (and exposed over /control/<op>)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable

from sandbox import simulate
from sandbox.state import SandboxState
from sandbox.types import (
    BotMessage,
    CallbackAnswer,
    ChatAction,
    Event,
    Fault,
    FaultAction,
    JsonDict,
    Stats,
    UpdateRef,
    UserInfo,
)

MessagePredicate = Callable[[BotMessage], bool]


def chat_signature(state: SandboxState, chat_id: int) -> str:
    records = state.bot_messages.get(chat_id, [])
    edits = sum(r.edit_count for r in records)
    deleted = sum(1 for r in records if r.deleted)
    return f"{len(records)}:{edits}:{deleted}"


def message_matches(
    record: BotMessage, text_contains: str | None, after_message_id: int,
    predicate: MessagePredicate | None,
) -> bool:
    if record.deleted or record.message_id <= after_message_id:
        return False
    if text_contains is not None and text_contains not in (record.text or ""):
        return False
    return predicate is None or predicate(record)


class SandboxOperations:
    """Everything a test can do to / read from the sandbox. All methods are coroutines."""

    state: SandboxState

    # -- users, chats, simulated user actions ---------------------------------------------

    async def create_user(
        self, user_id: int | None = None, first_name: str | None = None,
        last_name: str | None = None, username: str | None = None,
        language_code: str | None = "en", has_started: bool = True,
    ) -> UserInfo:
        return simulate.ensure_user(self.state, user_id, first_name, last_name, username,
                                    language_code, has_started)

    async def users(self) -> list[UserInfo]:
        return list(self.state.users.values())

    async def create_group(self, title: str = "Sandbox group", chat_id: int | None = None) -> int:
        return int(simulate.create_group(self.state, title, chat_id)["id"])

    async def send_text(
        self, user_id: int, text: str, chat_id: int | None = None,
        reply_to_message_id: int | None = None,
    ) -> UpdateRef:
        return simulate.send_text(self.state, user_id, text, chat_id, reply_to_message_id)

    async def send_media(
        self, user_id: int, kind: str, caption: str | None = None, chat_id: int | None = None
    ) -> UpdateRef:
        return simulate.send_media(self.state, user_id, kind, caption, chat_id)

    async def press_button(
        self, user_id: int, message_id: int, data: str, chat_id: int | None = None,
        force: bool = False,
    ) -> UpdateRef:
        return simulate.press_button(self.state, user_id, message_id, data, chat_id, force)

    async def redeliver(self, update_id: int) -> None:
        try:
            self.state.redeliver(update_id)
        except KeyError as exc:
            raise simulate.SimulationError(str(exc)) from None

    async def send_raw_update(self, update: JsonDict) -> int:
        """Queue any update body as given (a fresh update_id is added): e.g. one a library
        cannot parse, to test that it is set aside without holding up anything else."""
        if not isinstance(update, dict) or not update:
            raise simulate.SimulationError("update must be a non-empty JSON object")
        body = {k: v for k, v in update.items() if k != "update_id"}
        return int(self.state.enqueue(body)["update_id"])

    async def block(self, user_id: int, emit_update: bool = True) -> UserInfo:
        """User blocks the bot: sends get 403; the bot gets a my_chat_member update."""
        return simulate.set_blocked(self.state, user_id, True, emit_update)

    async def unblock(self, user_id: int, emit_update: bool = True) -> UserInfo:
        return simulate.set_blocked(self.state, user_id, False, emit_update)

    # -- reading what happened ------------------------------------------------------------

    async def messages(self, chat_id: int, include_deleted: bool = True) -> list[BotMessage]:
        """Bot messages in ``chat_id`` in send order, as they look now (after edits)."""
        records = self.state.bot_messages.get(chat_id, [])
        return [r for r in records if include_deleted or not r.deleted]

    async def transcript(self, chat_id: int) -> list[JsonDict]:
        """All live messages of the chat (user and bot) as Bot API Message JSON."""
        items = [m for (c, _), m in self.state.messages.items() if c == chat_id]
        return sorted(items, key=lambda m: int(m["message_id"]))

    async def callback_answers(self, user_id: int | None = None) -> list[CallbackAnswer]:
        return [a for a in self.state.callback_answers if user_id in (None, a.user_id)]

    async def chat_actions(self, chat_id: int | None = None) -> list[ChatAction]:
        return [a for a in self.state.chat_actions if chat_id in (None, a.chat_id)]

    async def events(self, since: int = 0, type: str | None = None) -> list[Event]:
        return [e for e in self.state.events[since:] if type in (None, e.type)]

    async def updates(self) -> list[JsonDict]:
        """Every update ever produced (redeliveries are not repeated here)."""
        return list(self.state.history)

    async def commands(self) -> list[JsonDict]:
        """``[{"scope": {...}, "language_code": "", "commands": [...]}, ...]``."""
        return [
            {"scope": json.loads(scope), "language_code": lang, "commands": cmds}
            for (scope, lang), cmds in self.state.commands.items()
        ]

    async def webhook_info(self) -> JsonDict:
        hook = self.state.webhook
        return {
            "url": hook.url if hook else "",
            "secret_token": hook.secret_token if hook else None,
            "pending_update_count": len(self.state.pending),
            "last_error_date": hook.last_error_date if hook else None,
            "last_error_message": hook.last_error_message if hook else None,
        }

    async def stats(self) -> Stats:
        return self.state.stats()

    # -- waiting ----------------------------------------------------------------------------

    async def wait_for_message(
        self, chat_id: int, text_contains: str | None = None, after_message_id: int = 0,
        timeout: float = 5.0, predicate: MessagePredicate | None = None,
    ) -> BotMessage:
        """First live bot message in the chat with id > after_message_id that matches.

        Already-sent messages count, so call it after triggering the bot without racing.
        Raises ``TimeoutError`` listing the chat's messages.
        """

        def probe() -> BotMessage | None:
            return self.state.find_bot_message(
                chat_id, lambda r: message_matches(r, text_contains, 0, predicate),
                after_message_id,
            )

        found = await self.state.wait_until(probe, timeout)
        if found is None:
            texts = [(r.message_id, r.text) for r in self.state.bot_messages.get(chat_id, [])]
            raise TimeoutError(
                f"no bot message in chat {chat_id} after #{after_message_id} matching "
                f"{text_contains!r} within {timeout}s; messages: {texts!r}"
            )
        return found

    async def wait_chat_change(self, chat_id: int, signature: str, timeout: float = 5.0) -> str:
        """Wait until the chat's bot messages differ from ``signature``; return the new one."""

        def probe() -> str | None:
            current = chat_signature(self.state, chat_id)
            return current if current != signature else None

        return await self.state.wait_until(probe, timeout) or signature

    async def wait_for_callback_answer(
        self, callback_query_id: str, timeout: float = 5.0
    ) -> CallbackAnswer:
        def probe() -> CallbackAnswer | None:
            answers = self.state.callback_answers
            return next((a for a in answers if a.callback_query_id == callback_query_id), None)

        found = await self.state.wait_until(probe, timeout)
        if found is None:
            raise TimeoutError(f"callback query {callback_query_id} not answered in {timeout}s")
        return found

    async def wait_for_event(self, type: str, since: int = 0, timeout: float = 5.0) -> Event:
        def probe() -> Event | None:
            return next((e for e in self.state.events[since:] if e.type == type), None)

        found = await self.state.wait_until(probe, timeout)
        if found is None:
            raise TimeoutError(f"no {type!r} event after seq {since} within {timeout}s")
        return found

    async def wait_updates_consumed(self, timeout: float = 5.0) -> None:
        """Wait until every queued update was handed to the bot (polling) or delivered."""

        def probe() -> bool | None:
            pending = self.state.pending
            if self.state.webhook is None:
                return True if all(p.sent for p in pending) else None
            return True if not pending else None

        if await self.state.wait_until(probe, timeout) is None:
            raise TimeoutError(f"{len(self.state.pending)} updates still pending")

    # -- faults, limits, reset ------------------------------------------------------------

    async def add_fault(
        self, method: str, count: int = 1, status: int = 500, retry_after: int | None = None,
        description: str | None = None, chat_id: int | None = None,
        action: FaultAction = "error", delay: float = 0.0,
    ) -> Fault:
        if action not in ("error", "drop", "drop_after", "delay"):
            raise simulate.SimulationError(f"unknown fault action {action!r}")
        return self.state.add_fault(Fault(method, count, status, retry_after, description,
                                          chat_id, action, delay))

    async def faults(self) -> list[Fault]:
        return list(self.state.faults)

    async def clear_faults(self) -> None:
        self.state.faults.clear()

    async def set_rate_limits(
        self, per_chat_limit: float | None = None, global_limit: float | None = None,
        per_chat_burst: float = 3.0,
    ) -> None:
        self.state.limiter.configure(per_chat_limit, global_limit, per_chat_burst)

    async def reset(self) -> None:
        """Forget users, messages, updates, events, stats, faults, webhook and commands."""
        self.state.reset()
        self.state.emit("reset", at_wall=time.time())
