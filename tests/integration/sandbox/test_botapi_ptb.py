"""The real python-telegram-bot 22 client against the sandbox Bot API over loopback HTTP."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator

import pytest
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeAllPrivateChats,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    ReplyParameters,
)
from telegram.error import BadRequest, Conflict, Forbidden, InvalidToken, RetryAfter

from sandbox.botapi import SandboxBotApi

TOKEN = "515151:PTB-sandbox_token"


@pytest.fixture
async def api() -> AsyncIterator[SandboxBotApi]:
    async with SandboxBotApi(token=TOKEN) as server:
        yield server


@pytest.fixture
async def bot(api: SandboxBotApi) -> AsyncIterator[Bot]:
    async with Bot(TOKEN, base_url=f"{api.base_url}/bot") as bot:
        yield bot


def keyboard(*data: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(d.upper(), callback_data=d)] for d in data])


async def test_initialize_and_get_me(bot: Bot) -> None:
    assert bot.id == 515151
    assert bot.username == "sejawat_sandbox_bot"
    me = await bot.get_me()
    assert me.is_bot
    assert me.can_join_groups


async def test_send_edit_answer_and_commands(api: SandboxBotApi, bot: Bot) -> None:
    user = await api.create_user(first_name="Sari", language_code="id")
    ref = await api.send_text(user.id, "halo bot")
    sent = await bot.send_message(
        user.id, "Halo *Sari*\\!", parse_mode="MarkdownV2", reply_markup=keyboard("yes"),
        reply_parameters=ReplyParameters(ref.message_id or 0),
        link_preview_options=LinkPreviewOptions(is_disabled=True),
    )
    assert sent.text == "Halo Sari!"
    assert sent.reply_to_message is not None
    assert sent.reply_to_message.text == "halo bot"
    assert sent.reply_markup is not None
    assert sent.reply_markup.inline_keyboard[0][0].callback_data == "yes"
    with pytest.raises(BadRequest, match="reserved"):
        await bot.send_message(user.id, "1.5", parse_mode="MarkdownV2")

    edited = await bot.edit_message_text("Baru", chat_id=user.id, message_id=sent.message_id)
    assert not isinstance(edited, bool)
    assert edited.text == "Baru"
    assert edited.edit_date is not None
    assert edited.reply_markup is None
    markup_edit = await bot.edit_message_reply_markup(
        chat_id=user.id, message_id=sent.message_id, reply_markup=keyboard("again")
    )
    assert not isinstance(markup_edit, bool)
    assert markup_edit.reply_markup is not None
    with pytest.raises(BadRequest, match="not modified"):
        await bot.edit_message_reply_markup(
            chat_id=user.id, message_id=sent.message_id, reply_markup=keyboard("again")
        )
    record = await api.wait_for_message(user.id, text_contains="Baru")
    assert record.edit_count == 2
    assert record.button_data() == ["again"]

    press = await api.press_button(user.id, sent.message_id, "again")
    updates = await bot.get_updates(timeout=1)
    query = updates[-1].callback_query
    assert query is not None
    assert query.data == "again"
    assert query.id == press.callback_query_id
    assert await query.answer("ok")
    assert (await api.callback_answers(user.id))[0].text == "ok"

    scope = BotCommandScopeAllPrivateChats()
    assert await bot.set_my_commands([BotCommand("mulai", "Mulai")], scope=scope,
                                     language_code="id")
    assert [c.command for c in await bot.get_my_commands(scope=scope, language_code="id")] == [
        "mulai"
    ]
    assert await bot.delete_my_commands(scope=scope, language_code="id")
    assert await bot.get_my_commands(scope=scope, language_code="id") == ()
    assert await bot.send_chat_action(user.id, "typing")


async def test_polling_updates_and_media(api: SandboxBotApi, bot: Bot) -> None:
    user = await api.create_user(first_name="Budi", username="budi")
    group = await api.create_group("Konselor")
    await api.send_text(user.id, "/start abc")
    await api.send_media(user.id, "voice")
    await api.send_media(user.id, "sticker")
    await api.send_media(user.id, "photo")
    await api.send_text(user.id, "halo grup", chat_id=group)
    updates = await bot.get_updates(timeout=1, allowed_updates=["message", "callback_query"])
    assert len(updates) == 5
    first = updates[0].message
    assert first is not None
    assert first.text == "/start abc"
    assert first.entities[0].type == "bot_command"
    assert first.entities[0].length == 6
    assert first.from_user is not None
    assert first.from_user.username == "budi"
    assert updates[1].message is not None
    assert updates[1].message.voice is not None
    sticker = updates[2].message
    assert sticker is not None
    assert sticker.sticker is not None
    assert sticker.sticker.type == "regular"
    photo = updates[3].message
    assert photo is not None
    assert len(photo.photo) == 2
    in_group = updates[4].message
    assert in_group is not None
    assert in_group.chat.type == "group"
    assert in_group.chat.id == group
    assert in_group.chat.title == "Konselor"
    assert await bot.send_message(group, "halo semua")


async def test_errors_map_to_ptb_exceptions(
    api: SandboxBotApi, bot: Bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "1")  # opt in to timedelta retry_after (no warning)
    user = await api.create_user()
    with pytest.raises(BadRequest, match="too long"):
        await bot.send_message(user.id, "y" * 4097)
    with pytest.raises(BadRequest, match="Button_data_invalid|BUTTON_DATA_INVALID"):
        await bot.send_message(user.id, "x", reply_markup=keyboard("d" * 65))
    await api.block(user.id)
    with pytest.raises(Forbidden, match="blocked"):
        await bot.send_message(user.id, "x")
    await api.unblock(user.id)
    await api.add_fault("sendMessage", status=429, retry_after=3)
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(user.id, "x")
    assert caught.value.retry_after == dt.timedelta(seconds=3)
    assert await bot.send_message(user.id, "x")
    with pytest.raises(BadRequest, match="[Qq]uery is too old"):
        await bot.answer_callback_query("12345")
    assert await bot.set_webhook("http://127.0.0.1:9/hook")
    with pytest.raises(Conflict):
        await bot.get_updates()
    assert await bot.delete_webhook()
    wrong = Bot("515151:nope", base_url=f"{api.base_url}/bot")
    try:
        with pytest.raises(InvalidToken, match="rejected by the server"):
            await wrong.initialize()
    finally:
        await wrong.shutdown()
