"""HTTP control API: ``POST /control/<op>`` (JSON kwargs) and the ``/control/events`` WebSocket."""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import json
from typing import Any, Protocol

from aiohttp import WSMsgType, web

from sandbox.operations import chat_signature
from sandbox.simulate import SimulationError
from sandbox.state import SandboxState
from sandbox.types import BotMessage, Event


class Controlled(Protocol):
    """What the control API drives: the sandbox Bot API server (its public methods are the
    operations in OPS, looked up by name) and its state."""

    state: SandboxState

    async def messages(self, chat_id: int, include_deleted: bool = True
                       ) -> list[BotMessage]: ...

OPS = frozenset({
    "create_user", "users", "create_group", "send_text", "send_media", "press_button",
    "redeliver", "send_raw_update", "block", "unblock", "messages", "transcript",
    "callback_answers", "chat_actions", "events", "updates", "commands", "webhook_info", "stats",
    "wait_for_message", "wait_chat_change", "wait_for_callback_answer", "wait_for_event",
    "wait_updates_consumed", "add_fault", "faults", "clear_faults", "set_rate_limits", "reset",
    "chat_state",
})


def to_jsonable(value: Any) -> Any:
    if hasattr(value, "to_json"):
        return value.to_json()
    if isinstance(value, list):
        return [to_jsonable(v) for v in value]
    return value


def _coerce(value: str) -> Any:
    try:
        return json.loads(value)
    except ValueError:
        return value


def _error(status: int, message: str) -> web.Response:
    return web.json_response({"ok": False, "error": message}, status=status)


class ControlApi:
    def __init__(self, api: Controlled) -> None:
        self.api = api
        self.sockets: set[web.WebSocketResponse] = set()

    def routes(self) -> list[web.RouteDef]:
        return [
            web.get("/control/events", self.events_or_ws),
            web.route("*", "/control/{op}", self.handle),
        ]

    async def events_or_ws(self, request: web.Request) -> web.StreamResponse:
        if request.headers.get("Upgrade", "").lower() == "websocket":
            return await self.websocket(request)
        return await self.handle(request)

    async def handle(self, request: web.Request) -> web.Response:
        op = request.match_info.get("op", "events")
        if op not in OPS:
            return _error(404, f"unknown control operation {op!r}")
        kwargs: dict[str, Any] = {k: _coerce(v) for k, v in request.query.items()}
        if request.method == "POST" and request.can_read_body:
            try:
                body = await request.json()
            except ValueError:
                return _error(400, "request body must be a JSON object")
            if not isinstance(body, dict):
                return _error(400, "request body must be a JSON object")
            kwargs.update(body)
        kwargs.pop("predicate", None)
        if op == "chat_state":
            return await self._chat_state(kwargs)
        func = getattr(self.api, op)
        try:
            inspect.signature(func).bind(**kwargs)
        except TypeError as exc:
            return _error(400, f"{op}: {exc}")
        try:
            result = await func(**kwargs)
        except SimulationError as exc:
            return _error(400, str(exc))
        except TimeoutError as exc:
            return _error(408, str(exc))
        return web.json_response({"ok": True, "result": to_jsonable(result)})

    async def _chat_state(self, kwargs: dict[str, Any]) -> web.Response:
        if not isinstance(kwargs.get("chat_id"), int):
            return _error(400, "chat_state: chat_id (int) is required")
        chat_id = int(kwargs["chat_id"])
        messages = await self.api.messages(chat_id)
        result = {
            "signature": chat_signature(self.api.state, chat_id),
            "messages": to_jsonable(messages),
        }
        return web.json_response({"ok": True, "result": result})

    async def websocket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(heartbeat=20.0)
        await ws.prepare(request)
        queue: asyncio.Queue[Event | None] = asyncio.Queue()
        state = self.api.state
        since = int(request.query.get("since", "-1"))
        if since >= 0:
            for past in state.events[since:]:
                queue.put_nowait(past)
        state.listeners.append(queue.put_nowait)
        self.sockets.add(ws)

        async def reader() -> None:
            async for msg in ws:
                if msg.type in (WSMsgType.CLOSE, WSMsgType.ERROR):
                    break
            queue.put_nowait(None)

        reader_task = asyncio.create_task(reader())
        try:
            while not ws.closed:
                item = await queue.get()
                if item is None:
                    break
                await ws.send_json(item.to_json())
        except (ConnectionError, RuntimeError):
            pass
        finally:
            with contextlib.suppress(ValueError):
                state.listeners.remove(queue.put_nowait)
            self.sockets.discard(ws)
            reader_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await reader_task
            await ws.close()
        return ws

    async def close(self) -> None:
        for ws in list(self.sockets):
            await ws.close()
