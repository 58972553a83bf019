"""A student completes intake over real HTTP: the real aiogram stack against the sandbox."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import aiohttp
import pytest
from sqlalchemy import select

from bot.app import App
from sandbox.botapi import SandboxBotApi
from storage.models import HelpRequest, InboxUpdate
from tests.e2e.e2e_support import User

pytestmark = pytest.mark.e2e

DESCRIPTION = "Aku stres banget karena ujian dan tidak bisa tidur beberapa hari ini."


def text(app: App, lang: str, key: str, **params: Any) -> str:
    """The first line of a catalog message, as the user sees it."""
    return app.services.catalog.render(lang, key, params).splitlines()[0]


async def complete_intake(app: App, user: User, lang: str) -> None:
    await user.say("/start")
    await user.expect(text(app, "id", "intake-welcome"))
    await user.expect(text(app, "id", "intake-consent"))
    await user.press("in:consent:yes")
    await user.expect(text(app, "id", "intake-language"))
    await user.press(f"in:lang:{lang}")
    await user.expect(text(app, lang, "intake-topic"))
    await user.press("in:topic:academic")
    await user.expect(text(app, lang, "intake-description", min=20, max=1500))
    await user.say(DESCRIPTION)
    await user.expect(text(app, lang, "intake-feeling"))
    await user.press("in:feeling:3")
    await user.expect(text(app, lang, "intake-anonymity", pseudonym="")[:20])
    await user.press("in:name:keep")
    await user.expect(text(app, lang, "intake-summary", topic_key="topic-academic", feeling=3,
                           pseudonym="", description=""))
    await user.press("in:confirm:")
    await user.expect(text(app, lang, "intake-queued"))


async def stored_requests(app: App) -> list[dict[str, Any]]:
    async with app.store() as uow:
        rows = (await uow.session.scalars(select(HelpRequest))).all()
        return [{"status": r.status, "topic": r.topic, "feeling": r.feeling,
                 "language": r.language, "raw": r.description_enc,
                 "description": uow.requests.description(r)} for r in rows]


@pytest.mark.parametrize("lang", ["id", "en"])
async def test_student_completes_intake(
    run_bot: Callable[..., Any], student: User, sandbox: SandboxBotApi, lang: str
) -> None:
    app = await run_bot()
    await complete_intake(app, student, lang)
    [request] = await stored_requests(app)
    assert request == {"status": "queued", "topic": "academic", "feeling": 3, "language": lang,
                       "description": DESCRIPTION, "raw": request["raw"]}
    assert DESCRIPTION.encode() not in request["raw"]
    # pressed keyboards are cleared so old buttons cannot be pressed again
    pressed = [m for m in await sandbox.messages(student.id) if m.edited]
    assert pressed
    assert all(not m.button_data() for m in pressed)
    # the 🆘 key stays under the typing field while the student waits
    keys = [m.reply_markup["keyboard"] for m in await sandbox.messages(student.id)
            if m.reply_markup and "keyboard" in m.reply_markup]
    assert keys == [[[{"text": app.catalog.render(lang, "btn-counselor-now")}]]]
    # the command menu is registered per language
    menus = {c["language_code"]: c["commands"] for c in await sandbox.commands()}
    assert {"", "id", "en"} <= set(menus)
    assert [c["command"] for c in menus["en"]] == ["start", "help", "selfhelp", "friend",
                                                  "myplan", "cancel", "back", "forgetme"]


async def test_bad_input_gets_a_clear_reply_in_the_students_language(
    run_bot: Callable[..., Any], student: User, sandbox: SandboxBotApi
) -> None:
    app = await run_bot()
    await student.say("/start")
    await student.expect(text(app, "id", "intake-consent"))
    await student.send_media("sticker")
    await student.expect(text(app, "id", "intake-use-buttons"))  # a question with buttons
    await student.say("/astaga")
    await student.expect(text(app, "id", "error-unknown-command"))
    await student.say("ya")
    await student.expect(text(app, "id", "intake-use-buttons"))
    await student.say("x" * 5000)
    await student.expect(text(app, "id", "error-too-long", max=4096))
    await sandbox.press_button(student.id, student.seen, "in:topic:forged", force=True)
    await student.expect(text(app, "id", "error-stale-button"))
    # nothing changed: the consent question is still the current step
    await student.press("in:consent:yes")
    await student.expect(text(app, "id", "intake-language"))


async def test_second_start_offers_to_continue(
    run_bot: Callable[..., Any], student: User
) -> None:
    app = await run_bot()
    await student.say("/start")
    await student.press("in:consent:yes")
    await student.expect(text(app, "id", "intake-language"))
    await student.say("/start")
    await student.expect(text(app, "id", "intake-restart-offer"))
    await student.press("in:resume:")
    await student.expect(text(app, "id", "intake-language"))
    await student.say("/cancel")
    await student.expect(text(app, "id", "intake-cancelled"))
    assert await stored_requests(app) == []


async def test_group_chats_get_one_private_only_reply(
    run_bot: Callable[..., Any], student: User, sandbox: SandboxBotApi
) -> None:
    app = await run_bot()
    group = await sandbox.create_group("Kelas 12 IPA")
    await sandbox.send_text(student.id, "/start", chat_id=group)
    message = await sandbox.wait_for_message(group, timeout=10)
    assert message.text == app.services.catalog.render("id", "private-only")
    await app.dispatcher.idle(5)
    async with app.store() as uow:
        assert await uow.conversations.get(group) is None
        assert await uow.conversations.get(student.id) is None


async def test_duplicate_update_has_no_second_effect(
    run_bot: Callable[..., Any], student: User, sandbox: SandboxBotApi
) -> None:
    app = await run_bot()
    update_id = await student.say("/start")
    await student.expect(text(app, "id", "intake-consent"))
    before = len(await sandbox.messages(student.id))
    await sandbox.redeliver(update_id)
    await sandbox.wait_updates_consumed(10)
    await app.dispatcher.idle(5)
    assert await app.sender.drain(5)
    assert len(await sandbox.messages(student.id)) == before


async def test_429_delays_but_does_not_lose_a_message(
    run_bot: Callable[..., Any], student: User, sandbox: SandboxBotApi
) -> None:
    app = await run_bot()
    await sandbox.add_fault("sendMessage", count=2, status=429, retry_after=1)
    await student.say("/start")
    await student.expect(text(app, "id", "intake-welcome"), timeout=15)
    await student.expect(text(app, "id", "intake-consent"), timeout=15)
    stats = await sandbox.stats()
    assert stats.to_json()["rate_limited"] >= 2


async def test_webhook_mode_refuses_requests_without_the_secret(
    run_bot: Callable[..., Any], student: User, sandbox: SandboxBotApi
) -> None:
    app = await run_bot("webhook")
    hook = app.config.telegram.webhook
    assert (await sandbox.webhook_info())["url"] == hook.url
    await complete_intake(app, student, "en")
    assert len(await stored_requests(app)) == 1
    forged = {"update_id": 999999, "message": {
        "message_id": 1, "date": 0, "chat": {"id": 6, "type": "private"},
        "from": {"id": 6, "is_bot": False, "first_name": "X"}, "text": "/start"}}
    base = f"http://{hook.host}:{hook.port}"
    async with aiohttp.ClientSession() as http:
        async with http.post(base + hook.path, json=forged) as response:
            assert response.status == 401
        async with http.post(base + hook.path, json=forged,
                             headers={"X-Telegram-Bot-Api-Secret-Token": "wrong"}) as response:
            assert response.status == 401
        async with http.get(base + "/healthz") as response:
            assert response.status == 200
    async with app.store() as uow:
        assert await uow.inbox.next_pending(6) is None
        assert await uow.people.by_telegram_id(6) is None


async def test_forgetme_deletes_what_the_student_told_us(
    run_bot: Callable[..., Any], student: User, sandbox: SandboxBotApi
) -> None:
    app = await run_bot()
    await complete_intake(app, student, "id")
    await student.say("/forgetme")
    await student.press("fm:yes:")
    await student.expect(text(app, "id", "forget-done"))
    async with app.store() as uow:
        assert await uow.people.by_telegram_id(student.id) is None
        assert await uow.conversations.get(student.id) is None
        assert list(await uow.requests.queued()) == []
        rows = (await uow.session.scalars(select(InboxUpdate))).all()
        # only the /forgetme exchange itself was still being processed when it ran
        assert len([r for r in rows if r.chat_id == student.id]) <= 2
