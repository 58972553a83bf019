"""python-telegram-bot 22 transport: the same behaviour as the aiogram adapter, without PTB's
Application/Updater.

PTB's ``Updater`` confirms the getUpdates offset before handlers finish and its webhook server
answers before handling, so this adapter runs its own thin polling loop: each update is
translated and handed to the core (``submit`` returns only once it is stored) before the offset
moves past it. Webhook mode uses the shared ``webhook_app``, which answers Telegram only after
``feed`` returned. No ConversationHandler, no PTB persistence: the core owns all state.

PTB parses a getUpdates answer as a whole, so one update it cannot parse would fail every
poll: this adapter fetches the answer as JSON and parses each update on its own; one that fails
(in polling or webhook mode) is set aside, quarantined by the core, and the offset moves on.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import datetime as dt
import logging
import os
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from aiohttp import web
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeChat,
    CallbackQuery,
    ChatMemberUpdated,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    Update,
)
from telegram.error import BadRequest, Forbidden, InvalidToken, TelegramError
from telegram.error import RetryAfter as PtbRetryAfter
from telegram.request import HTTPXRequest

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

# Opt in to PTB's future behaviour (time periods as timedelta). Without it PTB 22 warns with a
# PTBDeprecationWarning whenever it builds a RetryAfter for a 429 answer.
os.environ.setdefault("PTB_TIMEDELTA", "true")

log = logging.getLogger("sejawat.transport.ptb")

POLL_TIMEOUT = 10  # seconds Telegram holds a getUpdates request open
BACKOFF_START = 0.5
BACKOFF_MAX = 30.0
STOP_GRACE = 5.0  # seconds stop() lets an update in progress finish storing

# aiogram's Message.content_type, in aiogram's order: the first field set names the kind, so
# both transports give the same media_kind for the same message (e.g. an animation also has
# `document`, and is "animation").
CONTENT_TYPES: tuple[str, ...] = (
    "audio", "animation", "document", "game", "live_photo", "photo", "sticker", "video",
    "video_note", "voice", "checklist", "contact", "venue", "location", "new_chat_members",
    "left_chat_member", "chat_owner_left", "chat_owner_changed", "invoice",
    "successful_payment", "users_shared", "connected_website", "migrate_from_chat_id",
    "migrate_to_chat_id", "pinned_message", "new_chat_title", "new_chat_photo",
    "delete_chat_photo", "group_chat_created", "supergroup_chat_created",
    "channel_chat_created", "paid_media", "passport_data", "proximity_alert_triggered", "poll",
    "dice", "message_auto_delete_timer_changed", "forum_topic_created", "forum_topic_edited",
    "forum_topic_closed", "forum_topic_reopened", "general_forum_topic_hidden",
    "general_forum_topic_unhidden", "giveaway_created", "giveaway", "giveaway_completed",
    "giveaway_winners", "video_chat_scheduled", "video_chat_started", "video_chat_ended",
    "video_chat_participants_invited", "web_app_data", "user_shared", "chat_shared", "story",
    "write_access_allowed", "chat_background_set", "boost_added", "checklist_tasks_done",
    "checklist_tasks_added", "direct_message_price_changed", "refunded_payment", "gift",
    "unique_gift", "gift_upgrade_sent", "paid_message_price_changed",
    "suggested_post_approved", "suggested_post_approval_failed", "suggested_post_declined",
    "suggested_post_paid", "suggested_post_refunded", "managed_bot_created",
    "poll_option_added", "poll_option_deleted", "rich_message", "community_chat_added",
    "community_chat_removed", "community_chat_joined",
)


def media_kind(message: Message) -> str:
    """The Bot API field naming what a non-text message carries ("photo", "voice", ...)."""
    for name in CONTENT_TYPES:
        # fields this PTB version does not know yet end up in api_kwargs
        if getattr(message, name, None) or message.api_kwargs.get(name):
            return name
    return "unknown"


def from_message(update_id: int, message: Message) -> Inbound:
    sender = message.from_user
    inbound = Inbound(
        update_id=update_id, chat_id=message.chat.id, chat_type=str(message.chat.type),
        sender_id=sender.id if sender else message.chat.id,
        language_code=sender.language_code if sender else None,
        kind="text", message_id=message.message_id,
        reply_to=message.reply_to_message.message_id if message.reply_to_message else 0,
    )
    text = message.text
    if text is None:
        return dataclasses.replace(inbound, kind="media", media_kind=media_kind(message),
                                   text=message.caption or "")
    entity = message.entities[0] if message.entities else None
    if text.startswith("/") and entity is not None and entity.type == "bot_command" \
            and entity.offset == 0:
        name = text[1:entity.length].split("@")[0].lower()
        args = text[entity.length:].strip()
        return dataclasses.replace(inbound, kind="command", command=name, text=args)
    return dataclasses.replace(inbound, text=text)


def from_callback(update_id: int, query: CallbackQuery) -> Inbound:
    message = query.message
    chat_id = message.chat.id if message is not None else query.from_user.id
    chat_type = str(message.chat.type) if message is not None else "private"
    return Inbound(
        update_id=update_id, chat_id=chat_id, chat_type=chat_type, sender_id=query.from_user.id,
        language_code=query.from_user.language_code, kind="button", button=query.data or "",
        callback_id=query.id, message_id=message.message_id if message is not None else 0,
    )


def from_member(update_id: int, change: ChatMemberUpdated) -> Inbound | None:
    """A private chat's user blocked (kicked/left) or unblocked (member) the bot."""
    status = member_status(str(change.new_chat_member.status))
    if str(change.chat.type) != "private" or status is None:
        return None
    return Inbound(
        update_id=update_id, chat_id=change.chat.id, chat_type="private",
        sender_id=change.from_user.id, language_code=change.from_user.language_code,
        kind="member_status", text=status,
    )


def translate(update: Update) -> Inbound | None:
    """The Inbound for a message, callback query or (private) my_chat_member update; None for
    any other update."""
    if update.message is not None:
        return from_message(update.update_id, update.message)
    if update.callback_query is not None:
        return from_callback(update.update_id, update.callback_query)
    if update.my_chat_member is not None:
        return from_member(update.update_id, update.my_chat_member)
    return None


def parse_update(raw: Any, bot: Bot) -> Update:
    """One update from its JSON; raises if PTB cannot make sense of it."""
    if not isinstance(raw, dict):
        raise TypeError("an update must be a JSON object")
    update = Update.de_json(raw, bot)
    if update is None:
        raise ValueError("empty update")
    return update


class RawUpdatesBot(Bot):
    """A Bot that can fetch getUpdates answers as JSON, to parse each update on its own."""

    async def raw_updates(self, offset: int | None, timeout: int,
                          allowed_updates: Sequence[str]) -> list[Any]:
        result = await self._post(
            "getUpdates",
            {"offset": offset, "timeout": timeout, "allowed_updates": list(allowed_updates)},
            read_timeout=POLL_TIMEOUT + timeout,
        )
        return list(result) if isinstance(result, list) else []


def _inline(buttons: ButtonRows) -> InlineKeyboardMarkup | None:
    """The buttons on a message (none: None)."""
    if not buttons:
        return None
    return InlineKeyboardMarkup([
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
        return ReplyKeyboardRemove()
    return ReplyKeyboardMarkup([[k] for k in keys], resize_keyboard=True, is_persistent=True)


def _seconds(value: int | float | dt.timedelta) -> float:
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    return float(value)


def _quiet_libraries() -> None:
    """PTB logs request parameters (message text) at DEBUG and httpx logs URLs (with the
    token) at INFO: keep both above that, whatever the root level."""
    for name, level in (("telegram", logging.INFO), ("httpx", logging.WARNING)):
        logger = logging.getLogger(name)
        if logger.getEffectiveLevel() < level:
            logger.setLevel(level)


class PtbTransport:
    def __init__(self, config: TelegramConfig, submit: Submit, *,
                 quarantine: Quarantine | None = None, health: Health | None = None,
                 metrics: Scrape | None = None, submit_many: SubmitMany | None = None) -> None:
        _quiet_libraries()
        self.username = ""
        self._config = config
        self._submit = submit
        self._submit_many = submit_many
        self._quarantine = quarantine
        self._health = health
        self._metrics = metrics
        base = config.api_base
        self._request = HTTPXRequest(connection_pool_size=64, pool_timeout=5.0)
        # PTB adds the long-poll timeout to this read timeout for getUpdates
        self._poll_request = HTTPXRequest(connection_pool_size=1, read_timeout=POLL_TIMEOUT)
        self.bot = RawUpdatesBot(
            config.token.get_secret_value(), base_url=f"{base}/bot",
            base_file_url=f"{base}/file/bot", request=self._request,
            get_updates_request=self._poll_request,
        )
        self._runner: web.AppRunner | None = None
        self._polling: asyncio.Task[None] | None = None
        self._stopping = False
        self._fetching = False
        self._offset = 0
        self._confirmed = 0  # the offset Telegram has last been told

    # -- handing updates to the core --------------------------------------------------------

    async def _handle(self, update: Update) -> None:
        """Store one update (returns only once it is stored); answer a pressed button."""
        try:
            inbound = translate(update)
        except Exception as exc:  # a malformed update must not stop anyone: set it aside
            await set_aside(self._quarantine, update.update_id, update.to_dict(), reason(exc))
            return
        if inbound is None:
            return
        await self._submit(inbound)
        await self._answer(update)

    # -- polling ----------------------------------------------------------------------------

    async def _poll(self) -> None:
        backoff = BACKOFF_START
        while not self._stopping:
            self._fetching = True
            try:
                updates = await self.bot.raw_updates(
                    offset=self._offset or None, timeout=POLL_TIMEOUT,
                    allowed_updates=UPDATE_TYPES,
                )
            except Exception as exc:  # network trouble, 409, 5xx: never crash the loop
                log.warning("polling: getUpdates failed (%s: %s); retrying in %.1fs",
                            type(exc).__name__, exc if isinstance(exc, TelegramError) else "",
                            backoff)
                await asyncio.sleep(backoff)
                backoff = min(BACKOFF_MAX, backoff * 2)
                continue
            finally:
                self._fetching = False
            backoff = BACKOFF_START
            self._confirmed = self._offset
            await self._take(updates)

    async def _take(self, updates: Sequence[Any]) -> None:
        """One getUpdates answer: what cannot be parsed or translated is set aside, the rest
        is stored in one transaction (``submit_many``), and only then does the offset move
        past them. Anything not kept is fetched again (a stored one is then a duplicate)."""
        ready: list[tuple[Update, Inbound]] = []
        offset = self._offset
        for raw in updates:
            raw_id = raw.get("update_id") if isinstance(raw, dict) else None
            try:
                update = parse_update(raw, self.bot)
                inbound = translate(update)
            except Exception as exc:  # noqa: BLE001 - set aside, never retried forever
                update_id = raw_id if isinstance(raw_id, int) else None
                try:
                    await set_aside(self._quarantine, update_id, raw, reason(exc))
                except Exception as failure:  # keep the offset: fetched and tried again
                    log.error("polling: setting update %s aside failed (%s)", update_id,
                              type(failure).__name__)
                    await asyncio.sleep(BACKOFF_START)
                    break
                if update_id is not None:
                    offset = update_id + 1
                continue
            if inbound is not None:
                ready.append((update, inbound))
            offset = update.update_id + 1
        if ready:
            try:
                await self._store([inbound for _, inbound in ready])
            except Exception as exc:  # keep the offset: they are fetched and stored again
                log.error("polling: handing %d update(s) to the core failed (%s)", len(ready),
                          type(exc).__name__)
                await asyncio.sleep(BACKOFF_START)
                return
            await asyncio.gather(*(self._answer(update) for update, _ in ready))
        self._offset = offset

    async def _store(self, inbounds: list[Inbound]) -> None:
        if self._submit_many is not None and len(inbounds) > 1:
            await self._submit_many(inbounds)
            return
        for inbound in inbounds:
            await self._submit(inbound)

    @staticmethod
    async def _answer(update: Update) -> None:
        if update.callback_query is not None:
            with contextlib.suppress(Exception):  # stored: the spinner may stop now
                await update.callback_query.answer()

    async def _confirm(self) -> None:
        """Tell Telegram about updates stored since the last getUpdates (as PTB does on stop)."""
        if self._offset <= self._confirmed:
            return
        with contextlib.suppress(Exception):
            await self.bot.get_updates(offset=self._offset, limit=1, timeout=0,
                                       allowed_updates=UPDATE_TYPES)
            self._confirmed = self._offset

    # -- lifecycle ----------------------------------------------------------------------------

    async def start(self) -> None:
        self._stopping = False
        await self.bot.initialize()  # getMe
        self.username = self.bot.username or ""
        if self._config.mode == "webhook":
            await self._start_webhook()
        else:
            await self.bot.delete_webhook(drop_pending_updates=False)
            self._polling = asyncio.create_task(self._poll(), name="sejawat-ptb-polling")

    async def _start_webhook(self) -> None:
        hook = self._config.webhook

        async def feed(body: bytes) -> None:
            raw, problem = parse_body(body)
            if problem is None:
                try:
                    update = parse_update(raw, self.bot)
                except Exception as exc:  # noqa: BLE001 - set aside, never redelivered forever
                    problem = reason(exc)
            if problem is not None:
                raw_id = raw.get("update_id") if isinstance(raw, dict) else None
                await set_aside(self._quarantine, raw_id if isinstance(raw_id, int) else None,
                                raw if raw is not None else body.decode("utf-8", "replace"),
                                problem)
                return
            await self._handle(update)

        self._runner = web.AppRunner(webhook_app(hook.path, hook.secret.get_secret_value(), feed,
                                                 self._health, self._metrics))
        await self._runner.setup()
        await web.TCPSite(self._runner, hook.host, hook.port).start()
        await self.bot.set_webhook(
            hook.url, secret_token=hook.secret.get_secret_value(),
            allowed_updates=UPDATE_TYPES, drop_pending_updates=False,
        )

    async def stop(self) -> None:
        self._stopping = True
        try:
            task, self._polling = self._polling, None
            if task is not None:
                if self._fetching:  # idle in a long poll: nothing is half-handled
                    task.cancel()
                await _finish(task, STOP_GRACE)
                await self._confirm()
            if self._runner is not None:
                runner, self._runner = self._runner, None
                await runner.cleanup()
            with contextlib.suppress(Exception):
                await self.bot.shutdown()
        finally:  # the HTTP clients are closed whatever failed (or was cancelled) above
            await self._request.shutdown()
            await self._poll_request.shutdown()

    # -- Messenger ----------------------------------------------------------------------------

    async def set_commands(self, menu: CommandMenu) -> None:
        for language, commands in menu.items():
            await self.bot.set_my_commands(
                [BotCommand(command=c, description=d) for c, d in commands],
                scope=BotCommandScopeAllPrivateChats(), language_code=language or None,
            )

    async def send_text(self, chat_id: int, text: str, buttons: ButtonRows,
                        keyboard: list[str] | None = None) -> SendResult:
        return await _call(lambda: self.bot.send_message(
            chat_id, text, reply_markup=_keyboard(buttons, keyboard)))

    async def copy_message(self, chat_id: int, from_chat_id: int,
                           message_id: int) -> SendResult:
        return await _call(lambda: self.bot.copy_message(
            chat_id=chat_id, from_chat_id=from_chat_id, message_id=message_id))

    async def set_menu(self, chat_id: int, commands: list[tuple[str, str]]) -> SendResult:
        scope = BotCommandScopeChat(chat_id=chat_id)
        if not commands:
            return await _call(lambda: self.bot.delete_my_commands(scope=scope))
        return await _call(lambda: self.bot.set_my_commands(
            [BotCommand(command=c, description=d) for c, d in commands], scope=scope))

    async def clear_buttons(self, chat_id: int, message_id: int) -> SendResult:
        return await _call(lambda: self.bot.edit_message_reply_markup(
            chat_id=chat_id, message_id=message_id, reply_markup=None))

    async def edit_text(self, chat_id: int, message_id: int, text: str,
                        buttons: ButtonRows) -> SendResult:
        return await _call(lambda: self.bot.edit_message_text(
            text, chat_id=chat_id, message_id=message_id, reply_markup=_inline(buttons)))


async def _finish(task: asyncio.Task[None], grace: float) -> None:
    """Let the polling task end on its own for ``grace`` seconds, else cancel it; either way
    wait until it has ended, so that no transaction of it is left open (asyncio.wait, unlike
    wait_for, neither swallows a cancellation of stop() itself nor cancels the task twice)."""
    _, running = await asyncio.wait({task}, timeout=grace)
    if running:
        task.cancel()
        await asyncio.wait({task})
    if not task.cancelled() and task.exception() is not None:
        log.error("polling ended with %s", type(task.exception()).__name__)


async def _call(request: Callable[[], Awaitable[object]]) -> SendResult:
    try:
        result = await request()
    except PtbRetryAfter as exc:
        return RetryAfter(_seconds(exc.retry_after))
    except Forbidden:
        return Blocked()
    except BadRequest as exc:
        return Rejected(exc.message)
    except InvalidToken as exc:  # PTB raises this for 404 too; aiogram's adapter rejects a 404
        if "not found" in exc.message.lower():
            return Rejected(exc.message)
        return Transient(type(exc).__name__)
    except Exception as exc:  # network errors, 5xx, timeouts: try again later
        return Transient(type(exc).__name__)
    return Sent(getattr(result, "message_id", None))
