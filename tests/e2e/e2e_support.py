"""Helpers for end-to-end tests: a Telegram user acting through the sandbox Bot API."""

from __future__ import annotations

from sandbox.botapi import SandboxBotApi
from sandbox.types import BotMessage

TOKEN = "1000000001:SANDBOX-e2e-test-token-0000000000"


class User:
    """One person chatting with the bot in a private chat (through the sandbox)."""

    def __init__(self, api: SandboxBotApi, user_id: int) -> None:
        self.api = api
        self.id = user_id
        self.seen = 0  # highest bot message id already looked at

    async def say(self, text: str) -> int:
        ref = await self.api.send_text(self.id, text)
        return int(ref.update_id)

    async def send_media(self, kind: str) -> None:
        await self.api.send_media(self.id, kind)

    async def expect(self, contains: str, timeout: float = 10.0) -> BotMessage:
        """The next bot message (after those already seen) containing ``contains``."""
        message = await self.api.wait_for_message(
            self.id, text_contains=contains, after_message_id=self.seen, timeout=timeout
        )
        self.seen = message.message_id
        return message

    async def press(self, data: str, timeout: float = 10.0) -> None:
        """Press the inline button with callback data ``data`` on the latest message having it."""
        message = await self.api.wait_for_message(
            self.id, timeout=timeout, predicate=lambda m: data in m.button_data()
        )
        found = [m for m in await self.api.messages(self.id) if data in m.button_data()]
        await self.api.press_button(self.id, found[-1].message_id, data)
        self.seen = max(self.seen, message.message_id)

    async def texts(self) -> list[str]:
        return [m.text or "" for m in await self.api.messages(self.id)]
