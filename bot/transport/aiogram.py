"""aiogram 3 transport: translate updates into Inbound, hand them to the core, return.

Updates are handled one at a time (``handle_as_tasks=False``) and stored before the handler
returns, so aiogram only confirms the offset (polling) or answers the webhook after storing.

An update aiogram cannot parse would fail a whole getUpdates answer (and polling would retry
it forever) or the webhook request (Telegram would redeliver it forever): ``GuardedSession``
parses a getUpdates answer one update at a time instead, sets aside the ones that fail
(quarantined by the core before the offset moves past them), and the webhook does the same.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any, cast

from aiogram import Bot, Dispatcher, Router
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import (
    ClientDecodeError,
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNotFound,
    TelegramRetryAfter,
)
from aiogram.methods import GetUpdates, TelegramMethod
from aiogram.methods.base import Response, TelegramType
from aiogram.types import (
    BotCommand,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeChat,
    CallbackQuery,
    ChatMemberUpdated,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    Message,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    Update,
    User,
    WebhookInfo,
)
from aiohttp import web
from pydantic import ValidationError

from bot.config import TelegramConfig
from bot.messenger import Blocked, ButtonRows, Rejected, RetryAfter, SendResult, Sent, Transient
from bot.transport.base import (
    UPDATE_TYPES,
    CommandMenu,
    Health,
    Quarantine,
    Scrape,
    Submit,
    SubmitMany,
    member_status,
    parse_body,
    reason,
    set_aside,
    webhook_app,
)
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
        reply_to=message.reply_to_message.message_id if message.reply_to_message else 0,
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


def _from_member(update_id: int, change: ChatMemberUpdated) -> Inbound | None:
    """A private chat's user blocked (kicked/left) or unblocked (member) the bot."""
    status = member_status(str(change.new_chat_member.status))
    if change.chat.type != "private" or status is None:
        return None
    return Inbound(
        update_id=update_id, chat_id=change.chat.id, chat_type="private",
        sender_id=change.from_user.id, language_code=change.from_user.language_code,
        kind="member_status", text=status,
    )


def _translate(update: Update) -> Inbound | None:
    """What the router's handlers translate, for an update taken as a whole."""
    if update.message is not None:
        return _from_message(update.update_id, update.message)
    if update.callback_query is not None:
        return _from_callback(update.update_id, update.callback_query)
    if update.my_chat_member is not None:
        return _from_member(update.update_id, update.my_chat_member)
    return None


class GuardedSession(AiohttpSession):
    """An aiohttp session whose getUpdates answers are parsed one update at a time: one that
    fails is set aside (handed to ``quarantine`` before the answer is returned) instead of
    failing the whole answer, and the next getUpdates confirms it."""

    def __init__(self, quarantine: Quarantine | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.quarantine = quarantine
        # a getUpdates answer, before aiogram hands its updates to the router one at a time
        self.on_updates: Callable[[list[Update]], Awaitable[None]] | None = None
        self._aside: list[tuple[int | None, Any, str]] = []
        self._skip_to = 0  # the offset that confirms every update set aside so far

    def check_response(self, bot: Bot, method: TelegramMethod[TelegramType],
                       status_code: int, content: str) -> Response[TelegramType]:
        try:
            return super().check_response(bot, method, status_code, content)
        except ClientDecodeError:
            if method.__api_method__ != "getUpdates":
                raise
            screened = self._screen(bot, content)  # only when the batch failed: no cost else
            if screened == content:
                raise
            return super().check_response(bot, method, status_code, screened)

    def _screen(self, bot: Bot, content: str) -> str:
        try:
            data = json.loads(content)
        except ValueError:
            return content  # not an answer at all: aiogram reports it and retries
        if not isinstance(data, dict) or not isinstance(data.get("result"), list):
            return content
        kept: list[Any] = []
        for item in data["result"]:
            try:
                Update.model_validate(item, context={"bot": bot})
            except (ValidationError, ValueError, TypeError) as exc:
                update_id = item.get("update_id") if isinstance(item, dict) else None
                self._aside.append((update_id if isinstance(update_id, int) else None,
                                    item, reason(exc)))
                continue
            kept.append(item)
        if len(kept) == len(data["result"]):
            return content
        return json.dumps({**data, "result": kept})

    async def make_request(self, bot: Bot, method: TelegramMethod[TelegramType],
                           timeout: int | None = None) -> TelegramType:
        if isinstance(method, GetUpdates) and self._skip_to > (method.offset or 0):
            method.offset = self._skip_to  # confirm updates set aside after the last good one
        result = await super().make_request(bot, method, timeout)
        aside, self._aside = self._aside, []
        for update_id, item, why in aside:  # kept before their offset is ever confirmed
            await set_aside(self.quarantine, update_id, item, why)
            if update_id is not None:
                self._skip_to = max(self._skip_to, update_id + 1)
        if isinstance(method, GetUpdates) and self.on_updates is not None and result:
            await self.on_updates(cast(list[Update], result))
        return result


def _inline(buttons: ButtonRows) -> InlineKeyboardMarkup | None:
    """The buttons on a message (none: None)."""
    if not buttons:
        return None
    return InlineKeyboardMarkup(inline_keyboard=[
        [InlineKeyboardButton(text=b["text"], callback_data=b["data"]) for b in row]
        for row in buttons
    ])


def _keyboard(buttons: ButtonRows, keys: list[str] | None = None
              ) -> InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | None:
    """Buttons on the message; else (``keys``) the keyboard under the typing field."""
    if buttons:
        return _inline(buttons)
    if keys is None:
        return None
    if not keys:
        return ReplyKeyboardRemove(remove_keyboard=True)
    return ReplyKeyboardMarkup(keyboard=[[KeyboardButton(text=k)] for k in keys],
                               resize_keyboard=True, is_persistent=True)


class AiogramTransport:
    def __init__(self, config: TelegramConfig, submit: Submit, *,
                 quarantine: Quarantine | None = None, health: Health | None = None,
                 metrics: Scrape | None = None, submit_many: SubmitMany | None = None) -> None:
        self._config = config
        self._submit = submit
        self._submit_many = submit_many
        self._stored: set[int] = set()  # stored with their getUpdates answer (_store_answer)
        self._quarantine = quarantine
        self._health = health
        self._metrics = metrics
        session = GuardedSession(quarantine, api=TelegramAPIServer.from_base(config.api_base))
        session.on_updates = self._store_answer
        self.bot = Bot(config.token.get_secret_value(), session=session)
        self.dp = Dispatcher()
        self.dp.include_router(self._router())
        self._runner: web.AppRunner | None = None
        self._polling: asyncio.Task[None] | None = None
        self._closed = False
        self._answering: set[asyncio.Task[None]] = set()  # button presses being answered
        self.username = ""

    def _router(self) -> Router:
        router = Router(name="sejawat")

        @router.message()
        async def on_message(message: Message, event_update: Update) -> None:
            await self._translated(event_update, _from_message, message)

        @router.callback_query()
        async def on_callback(query: CallbackQuery, event_update: Update) -> None:
            await self._translated(event_update, _from_callback, query)
            # stored: the spinner may stop now, while the next update is taken (answered one
            # after another, a getUpdates answer of forty presses held the next poll, and a
            # risky message in it, a second under load: found by bench_escalation)
            answer = asyncio.create_task(self._answer(query))
            self._answering.add(answer)
            answer.add_done_callback(self._answering.discard)

        @router.my_chat_member()
        async def on_member(change: ChatMemberUpdated, event_update: Update) -> None:
            await self._translated(event_update, _from_member, change)

        return router

    async def _translated(self, update: Update, translate: Callable[[int, Any], Inbound | None],
                          event: Any) -> None:
        """Hand the update to the core; one that cannot be translated is set aside."""
        try:
            inbound = translate(update.update_id, event)
        except Exception as exc:  # noqa: BLE001 - a malformed update must not stop anyone
            await set_aside(self._quarantine, update.update_id,
                            update.model_dump(mode="json", exclude_unset=True), reason(exc))
            return
        if inbound is None:
            return
        if inbound.update_id in self._stored:
            self._stored.discard(inbound.update_id)
            return
        await self._submit(inbound)

    @staticmethod
    async def _answer(query: CallbackQuery) -> None:
        with contextlib.suppress(Exception):
            await query.answer()

    async def _store_answer(self, updates: list[Update]) -> None:
        """A whole getUpdates answer stored in one transaction (#14), before aiogram hands
        its updates to the router one at a time (which then only answers buttons). One that
        cannot be translated is left to the router's path, which sets it aside."""
        if self._submit_many is None or len(updates) < 2:
            return
        inbounds: list[Inbound] = []
        for update in updates:
            with contextlib.suppress(Exception):
                inbound = _translate(update)
                if inbound is not None:
                    inbounds.append(inbound)
        if len(inbounds) > 1:
            await self._submit_many(inbounds)
            self._stored.update(inbound.update_id for inbound in inbounds)

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
            # feed_update waits for the handler (stored) however long it takes, unlike
            # feed_webhook_update, which answers Telegram after 55 s even if not stored yet
            raw, problem = parse_body(body)
            if problem is None:
                try:
                    update = Update.model_validate(raw, context={"bot": self.bot})
                except (ValidationError, ValueError, TypeError) as exc:
                    problem = reason(exc)
            if problem is not None:
                update_id = raw.get("update_id") if isinstance(raw, dict) else None
                await set_aside(self._quarantine,
                                update_id if isinstance(update_id, int) else None,
                                raw if raw is not None else body.decode("utf-8", "replace"),
                                problem)
                return
            await self.dp.feed_update(self.bot, update)

        self._runner = web.AppRunner(webhook_app(hook.path, hook.secret.get_secret_value(), feed,
                                                 self._health, self._metrics))
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
            if self._answering:  # before the session closes
                await asyncio.wait(set(self._answering), timeout=STOP_GRACE)
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

    async def send_text(self, chat_id: int, text: str, buttons: ButtonRows,
                        keyboard: list[str] | None = None) -> SendResult:
        return await self._call(lambda: self.bot.send_message(
            chat_id, text, reply_markup=_keyboard(buttons, keyboard)))

    async def copy_message(self, chat_id: int, from_chat_id: int,
                           message_id: int) -> SendResult:
        return await self._call(lambda: self.bot.copy_message(
            chat_id=chat_id, from_chat_id=from_chat_id, message_id=message_id))

    async def set_menu(self, chat_id: int, commands: list[tuple[str, str]]) -> SendResult:
        scope = BotCommandScopeChat(chat_id=chat_id)
        if not commands:
            return await self._call(lambda: self.bot.delete_my_commands(scope=scope))
        return await self._call(lambda: self.bot.set_my_commands(
            [BotCommand(command=c, description=d) for c, d in commands], scope=scope))

    async def clear_buttons(self, chat_id: int, message_id: int) -> SendResult:
        return await self._call(lambda: self.bot.edit_message_reply_markup(
            chat_id=chat_id, message_id=message_id, reply_markup=None))

    async def edit_text(self, chat_id: int, message_id: int, text: str,
                        buttons: ButtonRows) -> SendResult:
        return await self._call(lambda: self.bot.edit_message_text(
            text, chat_id=chat_id, message_id=message_id, reply_markup=_inline(buttons)))

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
