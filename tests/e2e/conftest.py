"""End-to-end fixtures: the sandbox Bot API server and the whole bot, over real HTTP."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator, Callable, Sequence
from typing import Any

import pytest

from bot.app import App, bootstrap
from bot.config import Config
from sandbox.botapi import SandboxBotApi
from tests.e2e.e2e_support import TOKEN, OffsetClock, Staff, User, seed

TRANSPORTS = ["aiogram", "ptb"]
MODES = ["polling", "webhook"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(params=TRANSPORTS)
def transport(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(params=MODES)
def mode(request: pytest.FixtureRequest) -> str:
    """Every scenario runs with long polling and with a webhook (the conformance suite)."""
    return str(request.param)


STAFF_IDS = range(9000, 10000)  # the e2e tests' staff accounts; everyone else is a student


@pytest.fixture
async def sandbox() -> AsyncIterator[SandboxBotApi]:
    api = SandboxBotApi(token=TOKEN)
    await api.start()
    yield api
    await assert_no_student_identity_reached_staff(api)
    await api.stop()


async def assert_no_student_identity_reached_staff(api: SandboxBotApi) -> None:
    """Property, after every e2e test: no message the bot sent to a staff member carries a
    student's Telegram id, username or name (only pseudonyms cross over)."""
    secrets: set[str] = set()
    for user in await api.users():
        if user.id not in STAFF_IDS:
            names = (user.first_name, user.last_name, user.username, str(user.id))
            secrets |= {n for n in names if n and len(n) >= 4}
    for user in await api.users():
        if user.id in STAFF_IDS:
            for message in await api.messages(user.id):
                text = message.text or ""
                leaked = [s for s in secrets if s in text]
                assert not leaked, f"staff chat {user.id} got {leaked}: {text!r}"


@pytest.fixture
def bot_config(
    make_config: Callable[..., Config], sandbox: SandboxBotApi, transport: str, mode: str
) -> Callable[..., Config]:
    default_mode = mode

    def build(mode: str = default_mode, **sections: dict[str, Any]) -> Config:
        telegram: dict[str, Any] = {"token": TOKEN, "api_base": sandbox.base_url,
                                    "transport": transport, "mode": mode}
        if mode == "webhook":
            port = free_port()
            telegram["webhook"] = {"url": f"http://127.0.0.1:{port}/telegram",
                                   "host": "127.0.0.1", "port": port,
                                   "secret": "e2e-webhook-secret-0123456789"}
        return make_config(telegram=telegram, **sections)

    return build


@pytest.fixture
async def run_bot(
    bot_config: Callable[..., Config], sandbox: SandboxBotApi
) -> AsyncIterator[Callable[..., Any]]:
    """Start the bot (call again after stopping to simulate a restart).

    ``staff`` are added as members before the bot starts; ``clock`` replaces the real clock.
    """
    running: list[App] = []

    async def start(mode: str | None = None, *, staff: Sequence[Staff] = (),
                    clock: OffsetClock | None = None, **sections: dict[str, Any]) -> App:
        config = bot_config(mode, **sections) if mode else bot_config(**sections)
        app = bootstrap(config, clock=clock)
        running.append(app)  # stopped at teardown even if starting it fails half-way
        if staff:
            await app.prepare()
            await seed(app, sandbox, staff)
        await app.start()
        return app

    yield start
    try:
        for app in running:
            await app.stop()
    finally:
        # every app's engine is closed, even if stopping an earlier one failed
        for app in running:
            await app.engine.dispose()


@pytest.fixture
async def student(sandbox: SandboxBotApi) -> User:
    await sandbox.create_user(5001, first_name="Rara", last_name="Wijaya", username="rara_w",
                              language_code="id")
    return User(sandbox, 5001)
