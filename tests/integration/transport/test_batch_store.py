"""A whole getUpdates answer is handed to the core at once (#14: stored in one transaction
instead of one per update), by both transports, over real HTTP against the sandbox Bot API:
in Telegram's order, nothing twice, every button press still answered, and the offset moved
past them only once they were stored."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from typing import Any

import pytest
from pydantic import SecretStr

from bot.config import TelegramConfig
from bot.messenger import Sent
from bot.transport.aiogram import AiogramTransport
from bot.transport.ptb import PtbTransport
from flows.types import Inbound
from sandbox.botapi import SandboxBotApi

TOKEN = "737373:batch-store_token"


class Core:
    """``submit`` and ``submit_many`` as the dispatcher offers them, recording each call; a
    batch can be held to show the offset waits for it."""

    def __init__(self) -> None:
        self.singles: list[Inbound] = []
        self.batches: list[list[Inbound]] = []
        self.open = asyncio.Event()
        self.open.set()

    async def submit(self, inbound: Inbound) -> bool:
        self.singles.append(inbound)
        return True

    async def submit_many(self, inbounds: Sequence[Inbound]) -> list[bool]:
        await self.open.wait()
        self.batches.append(list(inbounds))
        return [True] * len(inbounds)

    def received(self) -> list[int]:
        return [i.update_id for batch in self.batches for i in batch] + \
            [i.update_id for i in self.singles]


def transport(kind: str, api: SandboxBotApi, core: Core) -> Any:
    config = TelegramConfig(token=SecretStr(TOKEN), api_base=api.base_url, transport=kind)
    if kind == "ptb":
        return PtbTransport(config, core.submit, submit_many=core.submit_many)
    return AiogramTransport(config, core.submit, submit_many=core.submit_many)


async def eventually(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.01)


def pending(api: SandboxBotApi) -> list[int]:
    return [p.update_id for p in api.state.pending]


@pytest.mark.parametrize("kind", ["aiogram", "ptb"])
async def test_a_getupdates_answer_reaches_the_core_at_once_in_order(kind: str) -> None:
    async with SandboxBotApi(token=TOKEN) as api:
        core = Core()
        carrier = transport(kind, api, core)
        dewi = await api.create_user(language_code="id")
        raka = await api.create_user(language_code="en")
        sent = await carrier.send_text(dewi.id, "Pilih:", [[{"text": "Ya", "data": "yes"}]])
        assert isinstance(sent, Sent)
        assert sent.message_id is not None
        # all waiting before the bot polls: one getUpdates answer holds them
        first = await api.send_text(dewi.id, "kak aku mau cerita")
        second = await api.send_text(raka.id, "/start")
        press = await api.press_button(dewi.id, sent.message_id, "yes")
        third = await api.send_text(dewi.id, "soalnya aku capek banget")
        expected = [first.update_id, second.update_id, press.update_id, third.update_id]
        core.open.clear()
        await carrier.start()
        try:
            await asyncio.sleep(0.5)
            assert core.batches == []  # the core is still storing them
            assert pending(api) == expected, "the offset moved before they were stored"
            core.open.set()
            await eventually(lambda: len(core.received()) >= len(expected))
            assert [[i.update_id for i in batch] for batch in core.batches] == [expected]
            assert core.singles == []
            assert [i.text for i in core.batches[0] if i.kind == "text"] == [
                "kak aku mau cerita", "soalnya aku capek banget"]
            assert press.callback_query_id is not None
            answer = await api.wait_for_callback_answer(press.callback_query_id)
            assert answer.user_id == dewi.id  # the button's spinner stopped
            # one update on its own goes the ordinary way, once
            later = await api.send_text(raka.id, "makasih")
            await eventually(lambda: later.update_id in core.received())
            await asyncio.sleep(0.3)
            assert core.received() == [*expected, later.update_id]
        finally:
            core.open.set()
            await carrier.stop()
        assert pending(api) == []
