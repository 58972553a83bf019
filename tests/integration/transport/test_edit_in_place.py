"""Both transports edit a message in place over real HTTP against the sandbox Bot API server:
the text and buttons change on the message the person already has; an edit that changes
nothing and an edit of a message that is not there come back as Telegram's refusals, which
the outbox reads (tests/integration/bot/test_edit_fallback.py)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from pydantic import SecretStr

from bot.config import TelegramConfig
from bot.messenger import Rejected, Sent
from bot.outbox import NOT_MODIFIED
from bot.transport.aiogram import AiogramTransport
from bot.transport.ptb import PtbTransport
from flows.types import Inbound
from sandbox.botapi import SandboxBotApi

TOKEN = "727272:edit-in-place_token"


async def ignore(inbound: Inbound) -> bool:
    return True


@pytest.fixture
async def api() -> AsyncIterator[SandboxBotApi]:
    async with SandboxBotApi(token=TOKEN, bot_username="sejawat_edit_bot") as server:
        yield server


@pytest.fixture(params=["aiogram", "ptb"])
async def transport(request: pytest.FixtureRequest,
                    api: SandboxBotApi) -> AsyncIterator[AiogramTransport | PtbTransport]:
    config = TelegramConfig(token=SecretStr(TOKEN), api_base=api.base_url,
                            transport=request.param)
    carrier = (AiogramTransport if request.param == "aiogram" else PtbTransport)(config, ignore)
    await carrier.start()
    try:
        yield carrier
    finally:
        await carrier.stop()


async def test_a_message_is_edited_in_place(
    api: SandboxBotApi, transport: AiogramTransport | PtbTransport
) -> None:
    user = await api.create_user()
    sent = await transport.send_text(user.id, "Pilih topik (0 dipilih)",
                                     [[{"text": "Ujian", "data": "ob:t:exam"}]])
    assert isinstance(sent, Sent)
    assert sent.message_id is not None
    edited = await transport.edit_text(
        user.id, sent.message_id, "Pilih topik (1 dipilih)",
        [[{"text": "✓ Ujian", "data": "ob:t:exam"}], [{"text": "Selesai", "data": "ob:done"}]])
    assert edited == Sent(sent.message_id)
    [only] = await api.messages(user.id)  # the same message, not a second one
    assert only.text == "Pilih topik (1 dipilih)"
    assert only.button_data() == ["ob:t:exam", "ob:done"]

    same = await transport.edit_text(
        user.id, sent.message_id, "Pilih topik (1 dipilih)",
        [[{"text": "✓ Ujian", "data": "ob:t:exam"}], [{"text": "Selesai", "data": "ob:done"}]])
    assert isinstance(same, Rejected)
    assert NOT_MODIFIED in same.reason.lower()

    without = await transport.edit_text(user.id, sent.message_id, "Tersimpan.", [])
    assert without == Sent(sent.message_id)
    [only] = await api.messages(user.id)
    assert (only.text, only.button_data()) == ("Tersimpan.", [])

    missing = await transport.edit_text(user.id, 99999, "ke mana?", [])
    assert isinstance(missing, Rejected)
    assert NOT_MODIFIED not in missing.reason.lower()
