"""Invariant S8, nothing is dropped silently: a member who blocks the bot goes off duty at once
and their students are told; a relay Telegram refuses tells its sender; crisis traffic retries
every few seconds; a poisoned update is quarantined and holds up nobody."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from bot import admin
from bot.app import App, bootstrap
from bot.config import Config
from bot.messenger import Blocked, ButtonRows, Rejected, SendResult, Sent, Transient
from bot.outbox import Sender
from bot.transport.base import CommandMenu, Submit
from flows.types import Inbound
from handlers.presence import status_inbound
from storage.models import AuditEntry, HelpRequest, InboxUpdate
from storage.program_models import ChatSession, Offer

STUDENT, SUPPORTER, SPARE = 5001, 9101, 9102


class ScriptedTransport:
    """A fake transport: each chat's answer comes from ``answers`` (default: sent)."""

    def __init__(self, config: Config, submit: Submit) -> None:
        self.sent: list[tuple[int, str]] = []
        self.refused: list[tuple[int, str]] = []
        self.answers: dict[int, Callable[[], SendResult]] = {}
        self.username = "fake_bot"

    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    async def set_commands(self, menu: CommandMenu) -> None: ...

    async def send_text(self, chat_id: int, text: str, buttons: ButtonRows,
                        keyboard: list[str] | None = None) -> SendResult:
        answer = self.answers.get(chat_id, lambda: Sent(0))()
        if isinstance(answer, Sent):
            self.sent.append((chat_id, text))
            return Sent(len(self.sent))
        self.refused.append((chat_id, text))
        return answer

    async def clear_buttons(self, chat_id: int, message_id: int) -> SendResult:
        return Sent(None)

    async def edit_text(self, chat_id: int, message_id: int, text: str,
                        buttons: ButtonRows) -> SendResult:
        return await self.send_text(chat_id, text, buttons)

    async def set_menu(self, chat_id: int, commands: list[tuple[str, str]]) -> SendResult:
        return Sent(None)

    async def copy_message(self, chat_id: int, from_chat_id: int,
                           message_id: int) -> SendResult:
        return Sent(None)

    def to(self, chat_id: int) -> list[str]:
        return [text for chat, text in self.sent if chat == chat_id]


@pytest.fixture
async def app(make_config: Callable[..., Config]) -> AsyncIterator[App]:
    config = make_config(telegram={"token": "1:fake"})
    application = bootstrap(config, transport=ScriptedTransport)
    await application.prepare()
    task = asyncio.create_task(application.sender.run())
    yield application
    await application.sender.stop()
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    await application.dispatcher.stop()
    await application.engine.dispose()


def fake(app: App) -> ScriptedTransport:
    assert isinstance(app.transport, ScriptedTransport)
    return app.transport


def first_line(app: App, lang: str, key: str, **params: str | int) -> str:
    return app.services.catalog.render(lang, key, params).splitlines()[0][:40]


async def in_chat(app: App, *, spare_on_duty: bool = False) -> int:
    """A student (Indonesian) in an active chat with supporter Dimas; returns the chat id."""
    now = datetime.now(UTC)
    async with app.store() as uow:
        supporter = await uow.members.add(SUPPORTER, "supporter", "Dimas", now,
                                          languages=["id", "en"], trained=True)
        supporter.on_duty = True
        spare = await uow.members.add(SPARE, "supporter", "Ayu", now, languages=["id", "en"],
                                      trained=True)
        spare.on_duty = spare_on_duty
        for telegram_id in (SUPPORTER, SPARE):
            await uow.people.get_or_create(telegram_id, "en", now)
        person = await uow.people.get_or_create(STUDENT, "id", now)
        request = await uow.requests.create(person.id, topic="academic", language="id",
                                            feeling=2, pseudonym="Kancil Biru",
                                            description="ujian bikin stres", now=now)
        request.status = "active"
        chat = await uow.sessions.start(request, STUDENT, supporter.id, now)
        await uow.conversations.save(STUDENT, "session", "active", {"session_id": chat.id}, now)
        await uow.commit()
        return chat.id


def text(update_id: int, chat: int, words: str) -> Inbound:
    return Inbound(update_id=update_id, chat_id=chat, chat_type="private", sender_id=chat,
                   language_code="id", kind="text", text=words)


async def settle(app: App) -> None:
    for _ in range(3):
        assert await app.dispatcher.idle(10)
        assert await app.sender.drain(10)


async def assert_supporter_withdrawn(app: App, chat_id: int) -> None:
    async with app.store() as uow:
        member = await uow.members.by_telegram_id(SUPPORTER)
        assert member is not None
        assert (member.active, member.on_duty) == (True, False)  # off duty, still a member
        person = await uow.people.by_telegram_id(SUPPORTER)
        assert person is not None
        assert person.blocked_bot
        chat = await uow.session.get(ChatSession, chat_id)
        assert chat is not None
        assert chat.status != "active"
        audit = (await uow.session.scalars(
            select(AuditEntry).where(AuditEntry.action == "member.unreachable"))).all()
        assert len(audit) == 1
        assert audit[0].details["reason"] == "blocked_bot"


# -- a supporter who blocks the bot ----------------------------------------------------------


async def test_supporter_who_blocks_the_bot_goes_off_duty_and_the_student_is_requeued(
    app: App,
) -> None:
    chat_id = await in_chat(app, spare_on_duty=True)
    await app.dispatcher.submit(status_inbound(900, SUPPORTER, "blocked"))
    await settle(app)
    await assert_supporter_withdrawn(app, chat_id)
    async with app.store() as uow:
        offer = await uow.session.scalar(select(Offer).where(Offer.status == "pending"))
        spare = await uow.members.by_telegram_id(SPARE)
        assert offer is not None
        assert spare is not None
        assert offer.member_id == spare.id
        request = await uow.session.scalar(select(HelpRequest))
        assert request is not None
        assert request.status == "queued"
    transport = fake(app)
    unavailable = first_line(app, "id", "session-supporter-unavailable", wait="open",
                             opens="-")
    assert any(unavailable in t for t in transport.to(STUDENT))
    assert transport.to(SUPPORTER) == []  # a status change never gets a reply
    assert transport.to(SPARE)  # the offer

    await app.dispatcher.submit(status_inbound(901, SUPPORTER, "blocked"))  # again: no change
    await app.dispatcher.submit(status_inbound(902, SUPPORTER, "unblocked"))
    await settle(app)
    async with app.store() as uow:
        person = await uow.people.by_telegram_id(SUPPORTER)
        member = await uow.members.by_telegram_id(SUPPORTER)
        assert person is not None
        assert not person.blocked_bot
        assert member is not None
        assert not member.on_duty
        assert len((await uow.session.scalars(select(AuditEntry).where(
            AuditEntry.action == "member.unreachable"))).all()) == 1
    assert transport.to(SUPPORTER) == []


async def test_a_403_from_a_supporter_is_handled_like_a_block(app: App) -> None:
    chat_id = await in_chat(app)
    fake(app).answers[SUPPORTER] = Blocked
    await app.dispatcher.submit(text(1, STUDENT, "kak, aku masih di sini"))
    await settle(app)
    await assert_supporter_withdrawn(app, chat_id)
    student_saw = fake(app).to(STUDENT)
    assert any(first_line(app, "id", "delivery-blocked-student") in t for t in student_saw)
    assert any(first_line(app, "id", "session-supporter-unavailable", wait="nobody",
                          opens="-") in t for t in student_saw)


async def test_a_403_from_a_member_who_never_wrote_to_the_bot_is_handled_too(app: App) -> None:
    """Members added with ``sejawat members add`` have no person row until they write."""
    async with app.store() as uow:
        member = await uow.members.add(9301, "counselor", "Bu Rina", datetime.now(UTC),
                                       trained=True)
        member.on_duty = True
        await uow.outbox.add(9301, "send", 5, {"text": "roster", "buttons": []},
                             datetime.now(UTC))
        await uow.commit()
    fake(app).answers[9301] = Blocked
    app.sender.wake()
    await settle(app)
    async with app.store() as uow:
        found = await uow.members.by_telegram_id(9301)
        person = await uow.people.by_telegram_id(9301)
        assert found is not None
        assert not found.on_duty
        assert person is not None
        assert person.blocked_bot


async def test_a_student_who_blocks_the_bot_is_known_to_their_supporter(app: App) -> None:
    await in_chat(app)
    fake(app).answers[STUDENT] = Blocked
    await app.dispatcher.submit(text(1, SUPPORTER, "Hai, aku di sini."))
    await settle(app)
    told = first_line(app, "en", "delivery-blocked-staff", pseudonym="Kancil Biru")
    assert any(told in t for t in fake(app).to(SUPPORTER))
    async with app.store() as uow:
        member = await uow.members.by_telegram_id(SUPPORTER)
        assert member is not None
        assert member.on_duty


# -- relays Telegram refuses -------------------------------------------------------------------


async def test_a_relay_telegram_refuses_tells_its_sender_both_ways(app: App) -> None:
    await in_chat(app)
    transport = fake(app)
    transport.answers[SUPPORTER] = lambda: Rejected("Bad Request: chat not found")
    await app.dispatcher.submit(text(1, STUDENT, "halo kak"))
    await settle(app)
    assert any(first_line(app, "id", "delivery-refused-student") in t
               for t in transport.to(STUDENT))

    transport.answers.pop(SUPPORTER)
    transport.answers[STUDENT] = lambda: Rejected("Bad Request: chat not found")
    await app.dispatcher.submit(text(2, SUPPORTER, "Hai, cerita aja pelan-pelan."))
    await settle(app)
    told = first_line(app, "en", "delivery-refused-staff", pseudonym="Kancil Biru")
    assert any(told in t for t in transport.to(SUPPORTER))


# -- crisis traffic during an outage -----------------------------------------------------------


async def test_crisis_traffic_retries_every_few_seconds_whatever_max_backoff_says(
    make_config: Callable[..., Config],
) -> None:
    """The Bot API fails (5xx) for 10 s, then recovers: the crisis message goes out within a
    few seconds, though max_backoff allows 5 minutes for other traffic."""
    config = make_config(telegram={"token": "1:fake"}, outbox={"max_backoff": 300.0})
    app = bootstrap(config, transport=ScriptedTransport)
    await app.prepare()
    outage_ends = time.monotonic() + 10.0
    sent_at: list[float] = []

    def answer() -> SendResult:
        if time.monotonic() < outage_ends:
            return Transient("TelegramServerError")
        sent_at.append(time.monotonic())
        return Sent(1)

    fake(app).answers[9201] = answer
    async with app.store() as uow:
        await uow.outbox.add(9201, "send", 0, {"text": "🆘 ping", "buttons": []},
                             datetime.now(UTC))
        await uow.commit()
    sender = Sender(app.store, app.transport, app.services.clock, config.outbox)
    task = asyncio.create_task(sender.run())
    try:
        assert await sender.drain(20)
    finally:
        await sender.stop()
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)  # before the engine goes
        await app.engine.dispose()
    assert sent_at, "never sent"
    assert sent_at[0] - outage_ends < 4.0  # the old backoff: 5.5 s and growing


# -- poisoned updates --------------------------------------------------------------------------


async def test_a_lone_surrogate_is_replaced_and_the_message_still_screened(app: App) -> None:
    async with app.store() as uow:
        counselor = await uow.members.add(9201, "counselor", "Pak Budi", datetime.now(UTC),
                                          trained=True)
        counselor.on_duty = True
        await uow.commit()
    poisoned = text(1, STUDENT, "aku mau bunuh diri malam ini \ud800")
    await asyncio.wait_for(app.dispatcher.submit(poisoned), 5)
    await asyncio.wait_for(app.dispatcher.submit(text(2, 5002, "/start")), 5)
    await settle(app)
    async with app.store() as uow:
        rows = {r.update_id: r for r in (await uow.session.scalars(select(InboxUpdate))).all()}
        assert rows[1].status == rows[2].status == "done"
        assert uow.inbox.payload(rows[1])["text"].endswith("\ufffd")
    resources = first_line(app, "id", "crisis-resources")
    assert any(resources in t for t in fake(app).to(STUDENT))  # screened all the same
    assert fake(app).to(9201)  # the counselor was paged


async def test_an_update_that_cannot_be_stored_is_quarantined_and_blocks_nobody(
    app: App,
) -> None:
    too_big = 2 ** 70  # no BIGINT column holds this chat id
    await asyncio.wait_for(app.dispatcher.submit(text(1, too_big, "rahasia")), 5)
    await asyncio.wait_for(app.dispatcher.submit(text(2, STUDENT, "/start")), 5)
    await settle(app)
    async with app.store() as uow:
        rows = {r.update_id: r for r in (await uow.session.scalars(select(InboxUpdate))).all()}
        assert rows[1].status == "quarantined"
        assert rows[1].error is not None
        assert rows[1].error.startswith("not storable")
        assert b"rahasia" not in rows[1].payload_enc  # kept encrypted
        assert "rahasia" in uow.inbox.raw(rows[1])
        assert rows[2].status == "done"
    assert fake(app).to(STUDENT)
    assert await app.dispatcher.health() == {"status": "ok", "quarantined": 1}


async def test_quarantine_keeps_an_unparseable_update_once(app: App) -> None:
    raw = {"update_id": 77, "message": {"chat": {"id": STUDENT}, "date": "kemarin",
                                        "text": "rahasia"}}
    await app.dispatcher.quarantine(77, raw, "unparseable: ValidationError at message.date")
    await app.dispatcher.quarantine(77, raw, "unparseable: ValidationError")  # redelivered
    async with app.store() as uow:
        rows = (await uow.inbox.quarantined())
        assert [(r.update_id, r.chat_id, r.status) for r in rows] == [
            (77, STUDENT, "quarantined")]
        assert rows[0].error == "unparseable: ValidationError at message.date"
    assert await app.dispatcher.health() == {"status": "ok", "quarantined": 1}


async def test_quarantine_list_shows_id_time_chat_and_reason_never_content(
    make_config: Callable[..., Config], capsys: pytest.CaptureFixture[str],
) -> None:
    config = make_config(telegram={"token": "1:fake"})
    app = bootstrap(config, transport=ScriptedTransport)
    await app.prepare()
    raw = {"update_id": 77, "message": {"chat": {"id": STUDENT}, "text": "rahasia"}}
    await app.dispatcher.quarantine(77, raw, "unparseable: TypeError")
    await app.engine.dispose()
    assert await admin.quarantine(config) == 0
    out = capsys.readouterr().out
    assert "77" in out
    assert str(STUDENT) in out
    assert "unparseable: TypeError" in out
    assert "1 quarantined update(s)" in out
    assert "rahasia" not in out


async def test_an_answer_with_an_update_that_cannot_be_stored_is_stored_one_at_a_time(
    app: App,
) -> None:
    """#14: a getUpdates answer is stored in one statement; one update in it that no column
    can hold fails that statement, so the answer is stored one update at a time: that one is
    quarantined, the others are processed as usual."""
    too_big = 2 ** 70
    answer = [text(1, STUDENT, "/start"), text(2, too_big, "rahasia"), text(3, 5002, "/start")]
    assert await asyncio.wait_for(app.dispatcher.submit_many(answer), 5) == [True, False, True]
    await settle(app)
    async with app.store() as uow:
        rows = {r.update_id: r for r in (await uow.session.scalars(select(InboxUpdate))).all()}
        assert rows[2].status == "quarantined"
        assert rows[1].status == rows[3].status == "done"
    assert fake(app).to(STUDENT)
    assert fake(app).to(5002)
