"""What every transport adapter offers the composition root."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Awaitable, Callable
from typing import Protocol

from aiohttp import web

from bot.messenger import Messenger
from flows.types import Inbound

Submit = Callable[[Inbound], Awaitable[bool]]
CommandMenu = dict[str, list[tuple[str, str]]]  # language ("" = default) -> [(command, text)]
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
UPDATE_TYPES = ["message", "callback_query"]

log = logging.getLogger("sejawat.transport")


class Transport(Messenger, Protocol):
    username: str  # the bot's @username, known after start()

    async def start(self) -> None:
        """Connect (getMe), register the command menu, begin receiving updates."""

    async def stop(self) -> None: ...

    async def set_commands(self, menu: CommandMenu) -> None: ...


def webhook_app(
    path: str, secret: str, feed: Callable[[bytes], Awaitable[None]]
) -> web.Application:
    """The aiohttp app serving the webhook (shared by both transports) and /healthz.

    Requests without the right secret token are refused (logged without their body); the
    answer to Telegram is sent only after ``feed`` has stored the update.
    """

    async def receive(request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "")
        if not secrets.compare_digest(given.encode(), secret.encode()):
            log.warning("webhook: refused a request from %s without the right secret token",
                        request.remote)
            return web.Response(status=401, text="Unauthorized")
        await feed(await request.read())
        return web.json_response({"ok": True})

    async def healthz(_request: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    app = web.Application()
    app.router.add_post(path, receive)
    app.router.add_get("/healthz", healthz)
    return app
