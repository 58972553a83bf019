"""What every transport adapter offers the composition root."""

from __future__ import annotations

import json
import logging
import secrets
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Protocol

from aiohttp import web

from bot import status
from bot.messenger import Messenger
from flows.types import Inbound

Submit = Callable[[Inbound], Awaitable[bool]]
# a whole getUpdates answer, stored in one transaction (returns once every one is stored)
SubmitMany = Callable[[Sequence[Inbound]], Awaitable[list[bool]]]
# an update the library cannot parse or translate: (update id if known, the raw update, reason);
# returns once it is kept, so the update may then be acknowledged
Quarantine = Callable[[int | None, Any, str], Awaitable[None]]
Health = status.Health
Scrape = status.Scrape  # the Prometheus text of /metrics
CommandMenu = dict[str, list[tuple[str, str]]]  # language ("" = default) -> [(command, text)]
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
UPDATE_TYPES = ["message", "callback_query", "my_chat_member"]
BLOCKED_STATUSES = ("kicked", "left")  # my_chat_member: the user blocked the bot

log = logging.getLogger("sejawat.transport")


def member_status(new_status: str) -> str | None:
    """A private chat's my_chat_member change as the core's member_status text."""
    if new_status in BLOCKED_STATUSES:
        return "blocked"
    if new_status == "member":
        return "unblocked"
    return None


def reason(exc: BaseException) -> str:
    """Why an update could not be parsed, without any of its content: the exception type and,
    for a validation error, the names of the fields that failed."""
    errors = getattr(exc, "errors", None)
    where = ""
    if callable(errors):
        try:
            where = ", ".join(".".join(str(p) for p in e.get("loc", ())) for e in errors()[:3])
        except Exception:  # noqa: BLE001 - a reason must never fail
            where = ""
    return f"unparseable: {type(exc).__name__}" + (f" at {where}" if where else "")


async def set_aside(quarantine: Quarantine | None, update_id: int | None, raw: Any,
                    why: str) -> None:
    """Quarantine an update (or, with no core attached, log it by id): it is skipped."""
    if quarantine is not None:
        await quarantine(update_id, raw, why)
    else:
        log.error("transport: update %s skipped (%s)", update_id, why)


class Transport(Messenger, Protocol):
    username: str  # the bot's @username, known after start()

    async def start(self) -> None:
        """Connect (getMe), register the command menu, begin receiving updates."""

    async def stop(self) -> None: ...

    async def set_commands(self, menu: CommandMenu) -> None: ...


def webhook_app(
    path: str, secret: str, feed: Callable[[bytes], Awaitable[None]],
    health: Health | None = None, metrics: Scrape | None = None,
) -> web.Application:
    """The aiohttp app serving the webhook (shared by both transports), /healthz and /metrics.

    Requests without the right secret token are refused (logged without their body); the
    answer to Telegram is sent only after ``feed`` has stored (or quarantined) the update.
    /healthz reports ``health()`` (e.g. how many updates are quarantined), 503 when the
    database does not answer; /metrics (when given) the Prometheus text (bot.status).
    """

    async def receive(request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "")
        if not secrets.compare_digest(given.encode(), secret.encode()):
            log.warning("webhook: refused a request from %s without the right secret token",
                        request.remote)
            return web.Response(status=401, text="Unauthorized")
        await feed(await request.read())
        return web.json_response({"ok": True})

    app = web.Application()
    app.router.add_post(path, receive)
    status.add_routes(app, health, metrics)
    return app


def parse_body(body: bytes) -> tuple[Any, str | None]:
    """A webhook body as JSON, or the reason it is not JSON."""
    try:
        return json.loads(body), None
    except (ValueError, UnicodeDecodeError) as exc:
        return None, f"unparseable: {type(exc).__name__}"
