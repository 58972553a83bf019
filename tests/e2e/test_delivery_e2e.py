"""Nothing is dropped silently (S8), end to end over the sandbox (both transports, polling and
webhook): a supporter who blocks the bot mid-chat, relays Telegram refuses, crisis traffic
after an outage, and updates that cannot be parsed or stored."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Any

import aiohttp
import pytest
from sqlalchemy import select

from bot.app import App
from sandbox.botapi import SandboxBotApi
from storage.models import HelpRequest, InboxUpdate
from tests.e2e.e2e_support import Staff, User, complete_intake, shown

pytestmark = pytest.mark.e2e

DIMAS = Staff(9101, "supporter", "Dimas", on_duty=True)
AYU = Staff(9102, "supporter", "Ayu", on_duty=True)
COUNSELOR = Staff(9201, "counselor", "Pak Budi", on_duty=True)
SECRET_TEXT = "Zanzibar kerapu tujuh puluh tujuh"
SECRET_NAME = "Quillonia"


async def chat_with_dimas(app: App, sandbox: SandboxBotApi, student: User) -> User:
    """The student's request is accepted by Dimas (offered first: never assigned yet)."""
    dimas = User(sandbox, DIMAS.telegram_id)
    await complete_intake(app, student, "id")
    await dimas.press_starting("of:accept:")
    await student.expect(shown(app, "id", "session-started-student"))
    await dimas.expect(shown(app, "en", "session-started-supporter"))
    return dimas


async def test_a_supporter_who_blocks_the_bot_mid_chat_is_replaced(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi, student: User
) -> None:
    app = await run_bot(staff=[DIMAS, AYU])
    dimas = await chat_with_dimas(app, sandbox, student)
    ayu = User(sandbox, AYU.telegram_id)
    await student.say("halo kak")
    await dimas.expect("halo kak")
    seen_by_dimas = len(await sandbox.messages(DIMAS.telegram_id))

    await sandbox.block(DIMAS.telegram_id)  # Telegram sends my_chat_member (kicked)
    await student.expect(shown(app, "id", "session-supporter-unavailable"))
    await ayu.press_starting("of:accept:")  # offered to the free supporter on duty
    await student.expect(shown(app, "id", "session-started-student"))
    await student.say("kak, masih ada?")
    await ayu.expect("kak, masih ada?")
    async with app.store() as uow:
        member = await uow.members.by_telegram_id(DIMAS.telegram_id)
        person = await uow.people.by_telegram_id(DIMAS.telegram_id)
        assert member is not None
        assert (member.active, member.on_duty) == (True, False)
        assert person is not None
        assert person.blocked_bot
    assert len(await sandbox.messages(DIMAS.telegram_id)) == seen_by_dimas  # no reply to him
    stats = await sandbox.stats()
    assert stats.forbidden == 0  # nothing was sent into the block


async def test_a_relay_telegram_refuses_tells_the_sender_both_ways(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi, student: User
) -> None:
    app = await run_bot(staff=[DIMAS])
    dimas = await chat_with_dimas(app, sandbox, student)
    await sandbox.add_fault("sendMessage", chat_id=DIMAS.telegram_id, status=400,
                            description="Bad Request: message is too long")
    await student.say("halo kak, aku mau cerita")
    await student.expect(shown(app, "id", "delivery-refused-student"))

    pseudonym = await current_pseudonym(app)
    await sandbox.add_fault("sendMessage", chat_id=student.id, status=400,
                            description="Bad Request: message is too long")
    await dimas.say("Hai, aku di sini. Cerita aja pelan-pelan.")
    await dimas.expect(shown(app, "en", "delivery-refused-staff", pseudonym=pseudonym))
    await dimas.say("Kamu masih di sana?")  # the next one goes through as usual
    await student.expect("Kamu masih di sana?")


async def current_pseudonym(app: App) -> str:
    async with app.store() as uow:
        request = await uow.session.scalar(select(HelpRequest))
        assert request is not None
        return str(request.pseudonym)


async def test_the_counselor_ping_goes_out_seconds_after_an_outage_ends(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi, student: User
) -> None:
    """The Bot API answers 502 to the counselor's chat for 10 s: the ping still arrives within
    a few seconds of recovery (max_backoff, 5 minutes, is for other traffic)."""
    app = await run_bot(staff=[COUNSELOR], outbox={"max_backoff": 300.0})
    counselor = User(sandbox, COUNSELOR.telegram_id)
    await sandbox.add_fault("sendMessage", chat_id=COUNSELOR.telegram_id, status=502,
                            count=100_000)
    await student.say("/start")
    await student.say("aku udah nggak kuat lagi, malam ini aku mau gantung diri")
    await student.expect(shown(app, "id", "crisis-resources"))
    await asyncio.sleep(10.0)  # the bot keeps retrying meanwhile
    await sandbox.clear_faults()
    recovered = time.monotonic()
    ping = await counselor.expect(shown(app, "en", "escalation-ping", id=1,
                                        level_key="risk-3"), timeout=15)
    assert ping.sent_at - recovered < 4.5


async def test_unparseable_and_unstorable_updates_hold_up_nobody_and_leave_no_content_in_logs(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi, student: User, mode: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    for name in (None, "aiogram", "telegram", "httpx", "aiohttp", "sejawat"):
        caplog.set_level(logging.DEBUG, logger=name)
    app = await run_bot()
    await sandbox.create_user(5002, first_name=SECRET_NAME, language_code="id")
    broken = await sandbox.send_raw_update({"message": {
        "message_id": 1, "date": "kemarin sore",
        "from": {"id": 5002, "is_bot": False, "first_name": SECRET_NAME},
        "chat": {"id": 5002, "type": "private", "first_name": SECRET_NAME},
        "text": SECRET_TEXT}})
    lone = await student.say("/start")
    surrogate = await student.say("aku bingung \ud800 banget")
    await student.say("/help")
    await student.expect(shown(app, "id", "help-intake"))  # nothing stalled, in order
    await sandbox.wait_updates_consumed(timeout=10)
    async with app.store() as uow:
        rows = {r.update_id: r for r in (await uow.session.scalars(select(InboxUpdate))).all()}
        assert rows[broken].status == "quarantined"
        assert (rows[broken].error or "").startswith("unparseable")
        assert SECRET_TEXT not in (rows[broken].error or "")
        assert SECRET_TEXT in uow.inbox.raw(rows[broken])  # kept, encrypted
        assert rows[lone].status == "done"
        assert rows[surrogate].status == "done"
        assert "\ufffd" in uow.inbox.payload(rows[surrogate])["text"]
    if mode == "webhook":
        hook = app.config.telegram.webhook
        async with aiohttp.ClientSession() as http, \
                http.get(f"http://{hook.host}:{hook.port}/healthz") as response:
            assert await response.json() == {"status": "ok", "quarantined": 1}
    formatter = logging.Formatter("%(name)s %(message)s")
    for record in caplog.records:
        shown_line = formatter.format(record) + (record.exc_text or "")
        assert SECRET_TEXT not in shown_line, record.name
        assert SECRET_NAME not in shown_line, record.name
    assert any("quarantined" in r.getMessage() for r in caplog.records)
