"""The sandbox HTTP server: Telegram Bot API at /bot<token>/<method>, control API at /control."""

from __future__ import annotations

import asyncio
from types import TracebackType
from typing import Any

from aiohttp import web

from sandbox.control import ControlApi
from sandbox.errors import NOT_FOUND, UNAUTHORIZED, ApiError, for_status
from sandbox.methods_admin import CANONICAL, METHODS
from sandbox.operations import SandboxOperations
from sandbox.params import read_params
from sandbox.state import SandboxState
from sandbox.types import Fault
from sandbox.webhook import WebhookDeliverer


def _chat_id_of(params: dict[str, Any]) -> int | None:
    value = params.get("chat_id")
    try:
        return int(str(value)) if value is not None else None
    except ValueError:
        return None


class SandboxBotApi(SandboxOperations):
    """A fake Telegram Bot API server with a control API for tests and the simulator.

    Usage::

        async with SandboxBotApi(token="123:ABC") as api:
            bot = Bot("123:ABC", session=AiohttpSession(
                api=TelegramAPIServer.from_base(api.base_url)))
    """

    def __init__(
        self,
        token: str,
        bot_username: str = "sejawat_sandbox_bot",
        per_chat_limit: float | None = None,
        global_limit: float | None = None,
        *,
        per_chat_burst: float = 3.0,
        bot_first_name: str = "Sejawat Sandbox",
        callback_query_ttl: float = 15.0,
    ) -> None:
        self.state = SandboxState(
            token, bot_username, bot_first_name, per_chat_limit, global_limit, per_chat_burst,
            callback_query_ttl,
        )
        self.control = ControlApi(self)
        self.webhook = WebhookDeliverer(self.state)
        self._runner: web.AppRunner | None = None
        self._site: web.TCPSite | None = None
        self._host = "127.0.0.1"
        self._port = 0

    @property
    def token(self) -> str:
        return self.state.token

    @property
    def bot_id(self) -> int:
        return self.state.bot_id

    @property
    def port(self) -> int:
        return self._port

    @property
    def base_url(self) -> str:
        if self._runner is None:
            raise RuntimeError("sandbox server is not started")
        return f"http://{self._host}:{self._port}"

    def make_app(self) -> web.Application:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_bot)
        app.router.add_routes(self.control.routes())
        app.router.add_get("/", self._index)
        return app

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> None:
        if self._runner is not None:
            return
        self.state.closing = False
        self._runner = web.AppRunner(self.make_app(), access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        self._site = web.TCPSite(self._runner, host, port)
        await self._site.start()
        server = self._site._server
        sockets = getattr(server, "sockets", None) or []
        self._host = host
        self._port = int(sockets[0].getsockname()[1]) if sockets else port
        self.webhook.start()

    async def stop(self) -> None:
        if self._runner is None:
            return
        self.state.closing = True
        self.state.notify()
        runner, self._runner, self._site = self._runner, None, None
        try:
            await self.webhook.stop()
            await self.control.close()
        finally:  # the listening socket is closed whatever failed above
            await runner.cleanup()

    async def __aenter__(self) -> SandboxBotApi:
        await self.start()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    async def _index(self, request: web.Request) -> web.Response:
        return web.json_response({"sandbox": "sejawat", "bot": self.state.bot_user()})

    async def _handle_bot(self, request: web.Request) -> web.StreamResponse:
        state = self.state
        if request.match_info["token"] != state.token:
            state.record_call("unauthorized", None, 401, UNAUTHORIZED.description)
            return web.json_response(UNAUTHORIZED.payload(), status=401)
        method = CANONICAL.get(request.match_info["method"].lower())
        if method is None:
            state.record_call(request.match_info["method"], None, 404, NOT_FOUND.description)
            return web.json_response(NOT_FOUND.payload(), status=404)
        try:
            params = await read_params(request)
        except ApiError as exc:
            state.record_call(method, None, exc.status, exc.description)
            return web.json_response(exc.payload(), status=exc.status)
        chat_id = _chat_id_of(params)
        fault = state.take_fault(method.lower(), chat_id)
        if fault is not None:
            early = await self._apply_fault(request, method, chat_id, fault)
            if early is not None:
                return early
        try:
            body: dict[str, Any] = {"ok": True, "result": await METHODS[method](state, params)}
            status, error = 200, None
        except ApiError as exc:
            body, status, error = exc.payload(), exc.status, exc.description
        if fault is not None and fault.action == "drop_after":
            state.record_call(method, chat_id, 0, "connection dropped after processing")
            return self._drop(request)
        state.record_call(method, chat_id, status, error)
        return web.json_response(body, status=status)

    async def _apply_fault(
        self, request: web.Request, method: str, chat_id: int | None, fault: Fault
    ) -> web.StreamResponse | None:
        if fault.delay > 0:
            await asyncio.sleep(fault.delay)
        if fault.action == "drop":
            self.state.record_call(method, chat_id, 0, "connection dropped")
            return self._drop(request)
        if fault.action == "error":
            exc = for_status(fault.status, fault.description, fault.retry_after)
            self.state.record_call(method, chat_id, exc.status, exc.description)
            return web.json_response(exc.payload(), status=exc.status)
        return None

    @staticmethod
    def _drop(request: web.Request) -> web.StreamResponse:
        transport = request.transport
        if transport is not None:
            transport.abort()
        raise asyncio.CancelledError
