"""No update content ever reaches a log line: the libraries' own error paths (aiogram, PTB,
aiohttp) and the project's tracebacks are driven for real, with every logger at DEBUG."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
import telegram
from aiogram import Bot as AiogramBot
from aiogram import Dispatcher as AiogramDispatcher
from aiogram import Router
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import Message

import bot.inbox
from bot import logs
from bot.app import App, bootstrap
from bot.config import Config
from flows.types import Inbound
from sandbox.botapi import SandboxBotApi
from tests.integration.bot.test_reliability import FakeTransport

TOKEN = "424242:logs-test-token"
SECRET_TEXT = "Zanzibar kerapu tujuh puluh tujuh"
SECRET_NAME = "Quillonia"
SECRETS = (SECRET_TEXT, SECRET_NAME, "Zanzibar")


def poisoned(update_id: int | None = None) -> dict[str, Any]:
    """A message update no library can parse (the date is not a date), full of content."""
    user = {"id": 5001, "is_bot": False, "first_name": SECRET_NAME, "username": "quill_z"}
    update: dict[str, Any] = {"message": {
        "message_id": 1, "date": "kemarin sore", "from": user,
        "chat": {"id": 5001, "type": "private", "first_name": SECRET_NAME},
        "text": SECRET_TEXT,
    }}
    if update_id is not None:
        update["update_id"] = update_id
    return update


def parseable(update_id: int) -> dict[str, Any]:
    update = poisoned(update_id)
    update["message"]["date"] = 1_700_000_000
    return update


@pytest.fixture
def everything_logged(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    logs.install()
    for name in ("", "aiogram", "telegram", "httpx", "aiohttp", "sejawat", "asyncio"):
        caplog.set_level(logging.DEBUG, logger=name or None)
    return caplog


def assert_no_content(caplog: pytest.LogCaptureFixture) -> None:
    formatter = logging.Formatter("%(name)s %(message)s")
    assert caplog.records, "nothing was logged: the error paths were not reached"
    for record in caplog.records:
        shown = formatter.format(record) + str(record.exc_text or "")
        leaked = [s for s in SECRETS if s in shown]
        assert not leaked, f"{record.name} logged {leaked}: {shown!r}"
    assert not [s for s in SECRETS if s in caplog.text]


@pytest.fixture
async def api() -> AsyncIterator[SandboxBotApi]:
    async with SandboxBotApi(token=TOKEN) as server:
        yield server


async def test_ptb_parsing_error_logs_no_update(
    api: SandboxBotApi, everything_logged: pytest.LogCaptureFixture
) -> None:
    await api.send_raw_update(poisoned())
    ptb = telegram.Bot(TOKEN, base_url=f"{api.base_url}/bot")
    async with ptb:
        with pytest.raises(TypeError):  # PTB's own error path: it logs the data first
            await ptb.get_updates(timeout=0)
    assert any(r.levelno == logging.CRITICAL for r in everything_logged.records)
    assert_no_content(everything_logged)


async def test_aiogram_fetch_and_handler_errors_log_no_update(
    api: SandboxBotApi, everything_logged: pytest.LogCaptureFixture
) -> None:
    await api.send_raw_update(poisoned())
    session = AiohttpSession(api=TelegramAPIServer.from_base(api.base_url))
    aiogram_bot = AiogramBot(TOKEN, session=session)
    router = Router()

    @router.message()
    async def broken(message: Message) -> None:
        raise ValueError(f"cannot handle {message.text!r} from {message.chat.first_name}")

    dp = AiogramDispatcher()
    dp.include_router(router)
    try:
        # polling: the answer fails to parse; aiogram logs the error and backs off
        listen = dp._listen_updates(aiogram_bot, polling_timeout=0)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(anext(listen), 1.0)
        await listen.aclose()
        # a handler error: aiogram logs the exception with its message
        with pytest.raises(ValueError, match="cannot handle"):
            await dp.feed_raw_update(aiogram_bot, parseable(7))
    finally:
        await session.close()
    assert any(r.name.startswith("aiogram") and r.levelno >= logging.ERROR
               for r in everything_logged.records)
    assert_no_content(everything_logged)


async def test_the_projects_own_tracebacks_carry_no_payload(
    make_config: Callable[..., Config], monkeypatch: pytest.MonkeyPatch,
    everything_logged: pytest.LogCaptureFixture,
) -> None:
    app: App = bootstrap(make_config(telegram={"token": "1:fake"}), transport=FakeTransport)
    await app.prepare()

    async def broken_handler(uow: object, services: object, inbound: Inbound,
                             **kwargs: object) -> list[object]:
        raise ValueError(f"cannot handle {inbound.text!r}")

    monkeypatch.setattr(bot.inbox, "handle", broken_handler)
    monkeypatch.setattr(bot.inbox, "MAX_ATTEMPTS", 2)
    app.dispatcher.retry_delay = lambda attempts: 0.0
    try:
        await app.dispatcher.submit(Inbound(
            update_id=1, chat_id=5001, chat_type="private", sender_id=5001,
            language_code="id", kind="text", text=SECRET_TEXT))
        assert await app.dispatcher.idle(10)
    finally:
        await app.engine.dispose()
    failures = [r for r in everything_logged.records if r.name == "sejawat.inbox"]
    assert failures
    assert any("ValueError" in (r.exc_text or "") for r in failures)  # the type is kept
    assert_no_content(everything_logged)


async def test_a_new_empty_database_is_said_once_in_the_log(
    make_config: Callable[..., Config], caplog: pytest.LogCaptureFixture,
) -> None:
    """(A mistyped SQLite path started the program on an empty database without a word.)"""
    config = make_config(telegram={"token": "1:fake"})
    said: list[list[str]] = []
    for _ in range(2):  # new, then the same database again
        caplog.clear()
        app: App = bootstrap(config, transport=FakeTransport)
        with caplog.at_level(logging.WARNING, logger="sejawat"):
            await app.prepare()
        await app.engine.dispose()
        said.append([r.getMessage() for r in caplog.records
                     if "new, empty database" in r.getMessage()])
    [first], again = said
    assert config.database.url.split("///", 1)[-1] in first, first
    assert again == [], "the same database the next time: not new"
