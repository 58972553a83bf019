"""Helpers for end-to-end tests: a Telegram user acting through the sandbox Bot API."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from bot.app import App
from bot.i18n import LOCALES_DIR
from sandbox.botapi import SandboxBotApi
from sandbox.types import BotMessage
from tests.people import Staff as Staff

TOKEN = "1000000001:SANDBOX-e2e-test-token-0000000000"
# How long a user waits for the bot before the test fails. Generous: on a busy machine a reply
# can take seconds; a bot that works answers long before, one that does not still fails.
WAIT = 30.0


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

    async def expect(self, contains: str, timeout: float = WAIT) -> BotMessage:
        """The next bot message (after those already seen) containing ``contains``."""
        message = await self.api.wait_for_message(
            self.id, text_contains=contains, after_message_id=self.seen, timeout=timeout
        )
        self.seen = message.message_id
        return message

    async def press(self, data: str, timeout: float = WAIT) -> None:
        """Press the inline button with callback data ``data`` on the latest message having it."""
        message = await self.api.wait_for_message(
            self.id, timeout=timeout, predicate=lambda m: data in m.button_data()
        )
        found = [m for m in await self.api.messages(self.id) if data in m.button_data()]
        await self.api.press_button(self.id, found[-1].message_id, data)
        self.seen = max(self.seen, message.message_id)

    async def press_starting(self, prefix: str, timeout: float = WAIT) -> str:
        """Press the newest button whose callback data starts with ``prefix``; returns the data."""

        def has(message: BotMessage) -> bool:
            return any(d.startswith(prefix) for d in message.button_data())

        await self.api.wait_for_message(self.id, timeout=timeout, predicate=has)
        message = [m for m in await self.api.messages(self.id) if has(m)][-1]
        data = next(d for d in message.button_data() if d.startswith(prefix))
        await self.api.press_button(self.id, message.message_id, data)
        self.seen = max(self.seen, message.message_id)
        return data

    async def texts(self) -> list[str]:
        return [m.text or "" for m in await self.api.messages(self.id)]


class OffsetClock:
    """Real time plus an offset the test moves forward (timers fire when it says so)."""

    def __init__(self) -> None:
        self.offset = timedelta(0)

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def advance(self, seconds: float) -> None:
        self.offset += timedelta(seconds=seconds)


SUPPORTER_A = Staff(9101, "supporter", "Dimas")
SUPPORTER_B = Staff(9102, "supporter", "Ayu")
COUNSELOR_A = Staff(9201, "counselor", "Pak Budi")
COUNSELOR_B = Staff(9202, "counselor", "Bu Rina")
COORDINATOR = Staff(9001, "coordinator", "Bu Sari")


async def seed(app: App, api: SandboxBotApi, staff: Sequence[Staff]) -> dict[int, User]:
    """Members in the database (as `sejawat members add` would) and as sandbox users."""
    users: dict[int, User] = {}
    async with app.store() as uow:
        for person in staff:
            member = await uow.members.add(
                person.telegram_id, person.role, person.name, app.services.clock(),
                languages=person.languages, topics=person.topics, trained=person.trained,
                capacity=person.capacity)
            member.on_duty = person.on_duty
            await uow.people.get_or_create(person.telegram_id, "en", app.services.clock())
            await api.create_user(person.telegram_id, first_name=person.name,
                                  language_code="en")
            users[person.telegram_id] = User(api, person.telegram_id)
        await uow.commit()
    return users


_SENTINEL = "\ue000"
_VARIABLES = sorted({
    name
    for lang in ("id", "en")
    for path in (LOCALES_DIR / lang).glob("*.ftl")
    for name in re.findall(r"\{ *\$(\w+)", path.read_text())
})


def shown(app: App, lang: str, key: str, **params: str | int) -> str:
    """The start of what a user sees for ``key``: the first line, up to an unknown parameter."""
    values: dict[str, str | int] = {name: _SENTINEL for name in _VARIABLES}
    values.update(params)
    text = app.services.catalog.render(lang, key, values)
    head = text.split(_SENTINEL, 1)[0].strip()
    return head.splitlines()[0] if head else text.replace(_SENTINEL, "").strip()[:20]


DESCRIPTION = "Aku stres banget karena ujian dan tidak bisa tidur beberapa hari ini."


async def complete_intake(app: App, user: User, lang: str,
                          description: str = DESCRIPTION) -> None:
    """A student goes through the whole intake and sends the request."""
    await user.say("/start")
    await user.press("in:consent:yes")
    await user.press(f"in:lang:{lang}")
    await user.press("in:topic:academic")
    await user.expect(shown(app, lang, "intake-description", min=20, max=1500))
    await user.say(description)
    await user.press("in:feeling:3")
    if app.services.detector.assess(description).level:  # a concern: the screening questions
        for question in ("wish-dead", "better-off-dead", "thoughts", "tried"):
            await user.press(f"in:asq-{question}:no")
    await user.press("in:name:keep")
    await user.press("in:confirm:")
    await user.expect(shown(app, lang, "intake-queued"))
