"""The real aiogram client against the sandbox Bot API over loopback HTTP."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramConflictError,
    TelegramForbiddenError,
    TelegramNotFound,
    TelegramRetryAfter,
    TelegramServerError,
    TelegramUnauthorizedError,
)
from aiogram.methods import GetUpdates
from aiogram.types import (
    BotCommand,
    BotCommandScopeAllPrivateChats,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
)

from sandbox.botapi import SandboxBotApi

TOKEN = "424242:AAE-sandbox_aiogram_token"


@pytest.fixture
async def api() -> AsyncIterator[SandboxBotApi]:
    async with SandboxBotApi(token=TOKEN) as server:
        yield server


def make_bot(api: SandboxBotApi, token: str = TOKEN) -> Bot:
    return Bot(token, session=AiohttpSession(api=TelegramAPIServer.from_base(api.base_url)))


@pytest.fixture
async def bot(api: SandboxBotApi) -> AsyncIterator[Bot]:
    bot = make_bot(api)
    yield bot
    await bot.session.close()


def keyboard(*data: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text=d.upper(), callback_data=d)] for d in data]
    )


async def test_get_me(bot: Bot) -> None:
    me = await bot.get_me()
    assert me.id == 424242
    assert me.is_bot
    assert me.username == "sejawat_sandbox_bot"
    assert me.can_join_groups is True


async def test_send_edit_answer_and_commands(api: SandboxBotApi, bot: Bot) -> None:
    user = await api.create_user(first_name="Sari", language_code="id")
    sent = await bot.send_message(user.id, "<b>Halo</b> Sari", parse_mode="HTML",
                                  reply_markup=keyboard("yes", "no"))
    assert sent.text == "Halo Sari"
    assert sent.entities is not None
    assert sent.entities[0].type == "bold"
    assert sent.from_user is not None
    assert sent.from_user.id == api.bot_id
    assert sent.chat.type == "private"
    assert sent.chat.id == user.id
    assert sent.reply_markup is not None
    assert sent.reply_markup.inline_keyboard[1][0].callback_data == "no"

    edited = await bot.edit_message_text(text="Halo lagi", chat_id=user.id,
                                         message_id=sent.message_id,
                                         reply_markup=keyboard("ok"))
    assert not isinstance(edited, bool)
    assert edited.text == "Halo lagi"
    assert edited.edit_date is not None
    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await bot.edit_message_text(text="Halo lagi", chat_id=user.id,
                                    message_id=sent.message_id, reply_markup=keyboard("ok"))
    with pytest.raises(TelegramBadRequest, match="message to edit not found"):
        await bot.edit_message_text(text="x", chat_id=user.id, message_id=999)

    [record] = await api.messages(user.id)
    assert record.text == "Halo lagi"
    assert record.edit_count == 1
    assert record.button_data() == ["ok"]
    assert record.texts == ["Halo Sari", "Halo lagi"]

    press = await api.press_button(user.id, sent.message_id, "ok")
    assert press.callback_query_id is not None
    assert await bot.answer_callback_query(press.callback_query_id, text="Siap", show_alert=True)
    [answer] = await api.callback_answers(user.id)
    assert answer.text == "Siap"
    assert answer.show_alert
    with pytest.raises(TelegramBadRequest, match="query is too old"):
        await bot.answer_callback_query(press.callback_query_id)

    scope = BotCommandScopeAllPrivateChats()
    assert await bot.set_my_commands(
        [BotCommand(command="start", description="Mulai")], scope=scope, language_code="id"
    )
    assert await bot.set_my_commands([BotCommand(command="help", description="Help")])
    got = await bot.get_my_commands(scope=scope, language_code="id")
    assert [c.command for c in got] == ["start"]
    assert [c.command for c in await bot.get_my_commands()] == ["help"]
    stored = {(c["scope"]["type"], c["language_code"]) for c in await api.commands()}
    assert stored == {("all_private_chats", "id"), ("default", "")}

    assert await bot.send_chat_action(user.id, "typing")
    assert [a.action for a in await api.chat_actions(user.id)] == ["typing"]
    copied = await bot.copy_message(user.id, user.id, sent.message_id)
    assert copied.message_id > sent.message_id
    assert await bot.delete_message(user.id, sent.message_id)
    with pytest.raises(TelegramBadRequest, match="message to delete not found"):
        await bot.delete_message(user.id, sent.message_id)
    reply_kb = ReplyKeyboardMarkup(keyboard=[[KeyboardButton(text="Ya")]])
    plain = await bot.send_message(user.id, "pilih", reply_markup=reply_kb)
    assert plain.reply_markup is None  # Telegram echoes only inline keyboards
    assert (await api.messages(user.id))[-1].button_texts() == ["Ya"]


async def test_long_polling_receives_all_update_kinds(api: SandboxBotApi, bot: Bot) -> None:
    user = await api.create_user(first_name="Budi")
    text_ref = await api.send_text(user.id, "halo")
    cmd_ref = await api.send_text(user.id, "/start@sejawat_sandbox_bot payload")
    sent = await bot.send_message(user.id, "pilih", reply_markup=keyboard("a"))
    await api.press_button(user.id, sent.message_id, "a")
    for kind in ("photo", "sticker", "voice", "video", "document", "animation"):
        await api.send_media(user.id, kind, caption="cap" if kind == "photo" else None)

    updates = await bot.get_updates(timeout=1)
    assert [u.update_id for u in updates][:2] == [text_ref.update_id, cmd_ref.update_id]
    assert len(updates) == 9
    assert updates[0].message is not None
    assert updates[0].message.text == "halo"
    command = updates[1].message
    assert command is not None
    assert command.entities is not None
    assert command.entities[0].type == "bot_command"
    assert command.entities[0].length == len("/start@sejawat_sandbox_bot")
    query = updates[2].callback_query
    assert query is not None
    assert query.data == "a"
    assert query.chat_instance
    assert query.message is not None
    assert query.message.message_id == sent.message_id
    photo = updates[3].message
    assert photo is not None
    assert photo.photo is not None
    assert photo.caption == "cap"
    assert updates[4].message is not None
    assert updates[4].message.sticker is not None
    assert updates[5].message is not None
    assert updates[5].message.voice is not None
    assert updates[6].message is not None
    assert updates[6].message.video is not None
    assert updates[7].message is not None
    assert updates[7].message.document is not None
    assert updates[8].message is not None
    assert updates[8].message.animation is not None

    # confirming with offset drops them; the next long poll waits for a new update
    assert await bot.get_updates(offset=updates[-1].update_id + 1, timeout=0) == []
    late = await api.send_text(user.id, "lagi")
    again = await bot.get_updates(offset=updates[-1].update_id + 1, timeout=2)
    assert [u.update_id for u in again] == [late.update_id]


async def test_long_poll_wakes_up_on_new_update(api: SandboxBotApi, bot: Bot) -> None:
    import asyncio

    user = await api.create_user()
    poll = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.2)
    assert not poll.done()
    ref = await api.send_text(user.id, "hai")
    updates = await asyncio.wait_for(poll, 10)
    assert [u.update_id for u in updates] == [ref.update_id]


async def test_errors_map_to_aiogram_exceptions(api: SandboxBotApi, bot: Bot) -> None:
    user = await api.create_user()
    with pytest.raises(TelegramBadRequest, match="message is too long"):
        await bot.send_message(user.id, "x" * 4097)
    assert await bot.send_message(user.id, "x" * 4096)
    with pytest.raises(TelegramBadRequest, match="message text is empty"):
        await bot.send_message(user.id, "")
    with pytest.raises(TelegramBadRequest, match="BUTTON_DATA_INVALID"):
        await bot.send_message(user.id, "x", reply_markup=keyboard("é" * 33))
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.send_message(987654321, "x")
    with pytest.raises(TelegramBadRequest, match="can't parse entities"):
        await bot.send_message(user.id, "<b>x", parse_mode="HTML")

    await api.block(user.id)
    with pytest.raises(TelegramForbiddenError, match="bot was blocked by the user"):
        await bot.send_message(user.id, "x")
    await api.unblock(user.id)
    assert await bot.send_message(user.id, "x")

    await api.add_fault("sendMessage", status=429, retry_after=7, chat_id=user.id)
    with pytest.raises(TelegramRetryAfter) as caught:
        await bot.send_message(user.id, "x")
    assert caught.value.retry_after == 7
    await api.add_fault("sendmessage", status=500)
    with pytest.raises(TelegramServerError):
        await bot.send_message(user.id, "x")
    assert await bot.send_message(user.id, "fine again")

    stats = await api.stats()
    assert stats.rate_limited == 1
    assert stats.forbidden == 1
    assert stats.calls["sendMessage"] == 11

    wrong = make_bot(api, token="424242:wrong")
    try:
        with pytest.raises(TelegramUnauthorizedError):
            await wrong.get_me()
    finally:
        await wrong.session.close()


async def test_webhook_blocks_get_updates_and_unknown_method(api: SandboxBotApi, bot: Bot) -> None:
    assert await bot.set_webhook("http://127.0.0.1:9/hook", secret_token="s3cret")
    info = await bot.get_webhook_info()
    assert info.url == "http://127.0.0.1:9/hook"
    assert info.pending_update_count == 0
    with pytest.raises(TelegramConflictError):
        await bot.get_updates()
    assert await bot.delete_webhook()
    assert await bot.get_updates(timeout=0) == []

    class Bogus(GetUpdates):
        __api_method__ = "noSuchMethod"

    with pytest.raises(TelegramNotFound):
        await bot(Bogus())
