"""Typed async client for the sandbox control API (same methods as ``SandboxBotApi``)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from types import TracebackType
from typing import Any

import aiohttp

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


class SandboxControlError(RuntimeError):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(f"{status}: {message}")
        self.status = status
        self.message = message


class SandboxClient:
    """``async with SandboxClient("http://127.0.0.1:8081") as sb: await sb.send_text(...)``."""

    def __init__(self, base_url: str, session: aiohttp.ClientSession | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self._session = session
        self._own_session = session is None

    async def __aenter__(self) -> SandboxClient:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def close(self) -> None:
        if self._own_session and self._session is not None:
            await self._session.close()
        self._session = None

    def _get_session(self) -> aiohttp.ClientSession:
        if self._session is None:
            self._session = aiohttp.ClientSession()
            self._own_session = True
        return self._session

    async def call(self, op: str, **kwargs: Any) -> Any:
        """Invoke ``POST /control/<op>`` with the non-None kwargs; return ``result``."""
        body = {k: v for k, v in kwargs.items() if v is not None}
        timeout = float(body.get("timeout", 0)) + 30.0
        async with self._get_session().post(
            f"{self.base_url}/control/{op}", json=body,
            timeout=aiohttp.ClientTimeout(total=timeout),
        ) as resp:
            data = await resp.json()
        if resp.status == 408:
            raise TimeoutError(data.get("error", "timeout"))
        if not data.get("ok"):
            raise SandboxControlError(resp.status, str(data.get("error")))
        return data["result"]

    # -- users, chats, simulated user actions ---------------------------------------------

    async def create_user(
        self, user_id: int | None = None, first_name: str | None = None,
        last_name: str | None = None, username: str | None = None,
        language_code: str | None = "en", has_started: bool = True,
    ) -> UserInfo:
        return UserInfo.from_json(await self.call(
            "create_user", user_id=user_id, first_name=first_name, last_name=last_name,
            username=username, language_code=language_code, has_started=has_started))

    async def users(self) -> list[UserInfo]:
        return [UserInfo.from_json(u) for u in await self.call("users")]

    async def create_group(self, title: str = "Sandbox group", chat_id: int | None = None) -> int:
        return int(await self.call("create_group", title=title, chat_id=chat_id))

    async def send_text(
        self, user_id: int, text: str, chat_id: int | None = None,
        reply_to_message_id: int | None = None,
    ) -> UpdateRef:
        return UpdateRef.from_json(await self.call(
            "send_text", user_id=user_id, text=text, chat_id=chat_id,
            reply_to_message_id=reply_to_message_id))

    async def send_media(
        self, user_id: int, kind: str, caption: str | None = None, chat_id: int | None = None
    ) -> UpdateRef:
        return UpdateRef.from_json(await self.call(
            "send_media", user_id=user_id, kind=kind, caption=caption, chat_id=chat_id))

    async def press_button(
        self, user_id: int, message_id: int, data: str, chat_id: int | None = None,
        force: bool = False,
    ) -> UpdateRef:
        return UpdateRef.from_json(await self.call(
            "press_button", user_id=user_id, message_id=message_id, data=data,
            chat_id=chat_id, force=force))

    async def redeliver(self, update_id: int) -> None:
        await self.call("redeliver", update_id=update_id)

    async def send_raw_update(self, update: JsonDict) -> int:
        return int(await self.call("send_raw_update", update=update))

    async def block(self, user_id: int, emit_update: bool = True) -> UserInfo:
        return UserInfo.from_json(
            await self.call("block", user_id=user_id, emit_update=emit_update))

    async def unblock(self, user_id: int, emit_update: bool = True) -> UserInfo:
        return UserInfo.from_json(
            await self.call("unblock", user_id=user_id, emit_update=emit_update))

    # -- reading --------------------------------------------------------------------------

    async def messages(self, chat_id: int, include_deleted: bool = True) -> list[BotMessage]:
        result = await self.call("messages", chat_id=chat_id, include_deleted=include_deleted)
        return [BotMessage.from_json(m) for m in result]

    async def transcript(self, chat_id: int) -> list[JsonDict]:
        return list(await self.call("transcript", chat_id=chat_id))

    async def callback_answers(self, user_id: int | None = None) -> list[CallbackAnswer]:
        result = await self.call("callback_answers", user_id=user_id)
        return [CallbackAnswer.from_json(a) for a in result]

    async def chat_actions(self, chat_id: int | None = None) -> list[ChatAction]:
        return [ChatAction.from_json(a) for a in await self.call("chat_actions", chat_id=chat_id)]

    async def events(self, since: int = 0, type: str | None = None) -> list[Event]:
        return [Event.from_json(e) for e in await self.call("events", since=since, type=type)]

    async def updates(self) -> list[JsonDict]:
        return list(await self.call("updates"))

    async def commands(self) -> list[JsonDict]:
        return list(await self.call("commands"))

    async def webhook_info(self) -> JsonDict:
        return dict(await self.call("webhook_info"))

    async def stats(self) -> Stats:
        return Stats.from_json(await self.call("stats"))

    # -- waiting ----------------------------------------------------------------------------

    async def wait_for_message(
        self, chat_id: int, text_contains: str | None = None, after_message_id: int = 0,
        timeout: float = 5.0, predicate: MessagePredicate | None = None,
    ) -> BotMessage:
        """Same semantics as ``SandboxBotApi.wait_for_message``; the predicate runs locally."""
        if predicate is None:
            return BotMessage.from_json(await self.call(
                "wait_for_message", chat_id=chat_id, text_contains=text_contains,
                after_message_id=after_message_id, timeout=timeout))
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        snapshot = await self.call("chat_state", chat_id=chat_id)
        while True:
            for raw in snapshot["messages"]:
                message = BotMessage.from_json(raw)
                if (
                    not message.deleted
                    and message.message_id > after_message_id
                    and (text_contains is None or text_contains in (message.text or ""))
                    and predicate(message)
                ):
                    return message
            remaining = deadline - loop.time()
            if remaining <= 0:
                texts = [(m["message_id"], m["text"]) for m in snapshot["messages"]]
                raise TimeoutError(f"no matching bot message in chat {chat_id} within "
                                   f"{timeout}s; messages: {texts!r}")
            await self.call("wait_chat_change", chat_id=chat_id,
                            signature=snapshot["signature"], timeout=remaining)
            snapshot = await self.call("chat_state", chat_id=chat_id)

    async def wait_for_callback_answer(
        self, callback_query_id: str, timeout: float = 5.0
    ) -> CallbackAnswer:
        return CallbackAnswer.from_json(await self.call(
            "wait_for_callback_answer", callback_query_id=callback_query_id, timeout=timeout))

    async def wait_for_event(self, type: str, since: int = 0, timeout: float = 5.0) -> Event:
        return Event.from_json(await self.call(
            "wait_for_event", type=type, since=since, timeout=timeout))

    async def wait_updates_consumed(self, timeout: float = 5.0) -> None:
        await self.call("wait_updates_consumed", timeout=timeout)

    async def stream_events(self, since: int | None = None) -> AsyncIterator[Event]:
        """Live events from the ``/control/events`` WebSocket (optionally replaying from seq)."""
        url = f"{self.base_url}/control/events"
        params = {"since": str(since)} if since is not None else None
        async with self._get_session().ws_connect(url, params=params) as ws:
            async for msg in ws:
                if msg.type == aiohttp.WSMsgType.TEXT:
                    yield Event.from_json(msg.json())
                else:
                    break

    # -- faults, limits, reset ------------------------------------------------------------

    async def add_fault(
        self, method: str, count: int = 1, status: int = 500, retry_after: int | None = None,
        description: str | None = None, chat_id: int | None = None,
        action: FaultAction = "error", delay: float = 0.0,
    ) -> Fault:
        return Fault.from_json(await self.call(
            "add_fault", method=method, count=count, status=status, retry_after=retry_after,
            description=description, chat_id=chat_id, action=action, delay=delay))

    async def faults(self) -> list[Fault]:
        return [Fault.from_json(f) for f in await self.call("faults")]

    async def clear_faults(self) -> None:
        await self.call("clear_faults")

    async def set_rate_limits(
        self, per_chat_limit: float | None = None, global_limit: float | None = None,
        per_chat_burst: float = 3.0,
    ) -> None:
        await self.call("set_rate_limits", per_chat_limit=per_chat_limit,
                        global_limit=global_limit, per_chat_burst=per_chat_burst)

    async def reset(self) -> None:
        await self.call("reset")
