"""aiogram 3 transport: translate updates into Inbound, hand them to the core, return.

Updates are handled one at a time (``handle_as_tasks=False``) and stored before the handler
returns, so aiogram only confirms the offset (polling) or answers the webhook after storing.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
import logging
from collections.abc import Awaitable, Callable

from aiogram import Bot, Dispatcher, Router
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNotFound,
    TelegramRetryAfter,
)
from aiogram.methods.base import Response
from aiogram.types import (
    BotCommand,
    BotCommandScopeAllPrivateChats,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    Update,
    User,
    WebhookInfo,
)
from aiohttp import web

from bot.config import TelegramConfig
from bot.messenger import Blocked, ButtonRows, Rejected, RetryAfter, SendResult, Sent, Transient
from bot.transport.base import UPDATE_TYPES, CommandMenu, Submit, webhook_app
from flows.types import Inbound

log = logging.getLogger("sejawat.transport.aiogram")
STOP_GRACE = 5.0  # seconds stop() lets an update in progress finish storing

# aiogram builds Response[<result type>] for every API call; pydantic caches these generic
# classes only weakly, so without a strong reference each call rebuilt the class (measured:
# ~10% of the bot's CPU under load). Keep the ones this bot uses alive.
_RESPONSE_MODELS = (
    Response[Message], Response[bool], Response[User], Response[list[Update]],
    Response[Message | bool], Response[WebhookInfo],
)


def _from_message(update_id: int, message: Message) -> Inbound:
    sender = message.from_user
    inbound = Inbound(
        update_id=update_id, chat_id=message.chat.id, chat_type=message.chat.type,
        sender_id=sender.id if sender else message.chat.id,
        language_code=sender.language_code if sender else None,
        kind="text", message_id=message.message_id,
    )
    text = message.text
    if text is None:
        kind = str(getattr(message.content_type, "value", message.content_type))
        return dataclasses.replace(inbound, kind="media", media_kind=kind,
                                   text=message.caption or "")
    entity = message.entities[0] if message.entities else None
    if text.startswith("/") and entity is not None and entity.type == "bot_command" \
            and entity.offset == 0:
        name = text[1:entity.length].split("@")[0].lower()
        args = text[entity.length:].strip()
        return dataclasses.replace(inbound, kind="command", command=name, text=args)
    return dataclasses.replace(inbound, text=text)


def _from_callback(update_id: int, query: CallbackQuery) -> Inbound:
    message = query.message
    chat_id = message.chat.id if message is not None else query.from_user.id
    chat_type = message.chat.type if message is not None else "private"
    return Inbound(
        update_id=update_id, chat_id=chat_id, chat_type=chat_type, sender_id=query.from_user.id,
        language_code=query.from_user.language_code, kind="button", button=query.data or "",
        callback_id=query.id, message_id=message.message_id if message is not None else 0,
    )


def _keyboard(buttons: ButtonRows) -> InlineKeyboardMarkup | None:
    if not buttons:
        return None
    return InlineKeyboardMarkup(inline_keyboard=[
        [InlineKeyboardButton(text=b["text"], callback_data=b["data"]) for b in row]
        for row in buttons
    ])


class AiogramTransport:
    def __init__(self, config: TelegramConfig, submit: Submit) -> None:
        self._config = config
        self._submit = submit
        session = AiohttpSession(api=TelegramAPIServer.from_base(config.api_base))
        self.bot = Bot(config.token.get_secret_value(), session=session)
        self.dp = Dispatcher()
        self.dp.include_router(self._router())
        self._runner: web.AppRunner | None = None
        self._polling: asyncio.Task[None] | None = None
        self._closed = False
        self.username = ""

    def _router(self) -> Router:
        router = Router(name="sejawat")

        @router.message()
        async def on_message(message: Message, event_update: Update) -> None:
            await self._submit(_from_message(event_update.update_id, message))

        @router.callback_query()
        async def on_callback(query: CallbackQuery, event_update: Update) -> None:
            await self._submit(_from_callback(event_update.update_id, query))
            with contextlib.suppress(Exception):  # stored: the spinner may stop now
                await query.answer()

        return router

    async def start(self) -> None:
        me = await self.bot.get_me()
        self.username = me.username or ""
        if self._config.mode == "webhook":
            await self._start_webhook()
        else:
            await self.bot.delete_webhook(drop_pending_updates=False)
            self._polling = asyncio.create_task(self.dp.start_polling(
                self.bot, handle_as_tasks=False, handle_signals=False,
                close_bot_session=False, allowed_updates=UPDATE_TYPES, polling_timeout=10,
            ))

    async def _start_webhook(self) -> None:
        hook = self._config.webhook

        async def feed(body: bytes) -> None:
            # feed_raw_update waits for the handler (stored) however long it takes, unlike
            # feed_webhook_update, which answers Telegram after 55 s even if not stored yet
            await self.dp.feed_raw_update(self.bot, json.loads(body))

        self._runner = web.AppRunner(webhook_app(hook.path, hook.secret.get_secret_value(), feed))
        await self._runner.setup()
        await web.TCPSite(self._runner, hook.host, hook.port).start()
        await self.bot.set_webhook(
            hook.url, secret_token=hook.secret.get_secret_value(),
            allowed_updates=UPDATE_TYPES, drop_pending_updates=False,
        )

    async def stop(self) -> None:
        try:
            polling, self._polling = self._polling, None
            if polling is not None:
                with contextlib.suppress(RuntimeError):  # "not started" yet: cancelled below
                    await self.dp.stop_polling()
                # the update in hand is stored first; asyncio.wait (unlike wait_for) neither
                # swallows a cancellation of stop() itself nor cancels the task twice
                _, running = await asyncio.wait({polling}, timeout=STOP_GRACE)
                if running:
                    polling.cancel()
                    await asyncio.wait({polling})
                if not polling.cancelled() and polling.exception() is not None:
                    log.error("polling ended with %s", type(polling.exception()).__name__)
            if self._runner is not None:
                runner, self._runner = self._runner, None
                await runner.cleanup()
        finally:
            # aiogram's session opens a new aiohttp ClientSession for any request made after
            # close(), which nothing would ever close: refuse requests from here on
            self._closed = True
            await self.bot.session.close()

    async def set_commands(self, menu: CommandMenu) -> None:
        for language, commands in menu.items():
            await self.bot.set_my_commands(
                [BotCommand(command=c, description=d) for c, d in commands],
                scope=BotCommandScopeAllPrivateChats(), language_code=language or None,
            )

    async def send_text(self, chat_id: int, text: str, buttons: ButtonRows) -> SendResult:
        return await self._call(lambda: self.bot.send_message(chat_id, text,
                                                              reply_markup=_keyboard(buttons)))

    async def copy_message(self, chat_id: int, from_chat_id: int,
                           message_id: int) -> SendResult:
        return await self._call(lambda: self.bot.copy_message(
            chat_id=chat_id, from_chat_id=from_chat_id, message_id=message_id))

    async def clear_buttons(self, chat_id: int, message_id: int) -> SendResult:
        return await self._call(lambda: self.bot.edit_message_reply_markup(
            chat_id=chat_id, message_id=message_id, reply_markup=None))

    async def _call(self, request: Callable[[], Awaitable[object]]) -> SendResult:
        if self._closed:  # stays in the outbox: sent after the next start
            return Transient("transport stopped")
        return await _call(request)


async def _call(request: Callable[[], Awaitable[object]]) -> SendResult:
    try:
        result = await request()
    except TelegramRetryAfter as exc:
        return RetryAfter(float(exc.retry_after))
    except TelegramForbiddenError:
        return Blocked()
    except (TelegramBadRequest, TelegramNotFound) as exc:
        return Rejected(exc.message)
    except Exception as exc:  # network errors, 5xx, timeouts: try again later
        return Transient(type(exc).__name__)
    return Sent(getattr(result, "message_id", None))
