"""Hand-back (invariant S3) and leaving the queue, in process: handlers called on a real
database, effects inspected.

The e2e suite covers the common paths over Telegram; these pin down the bookkeeping: two
people asked at different times each get their full time, hand_back_now at once, and
/forgetme while waiting leaves no offer or alert behind."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta

import pytest

from bot.app import App, bootstrap
from bot.config import Config
from flows import buttons
from flows.types import Effect, Inbound, Reply
from handlers import handback, privacy
from handlers.dispatch import arm_unattended
from handlers.duty import go_off_duty
from handlers.sessions import HANDBACK, hand_back_now
from storage.models import HelpRequest
from storage.program_models import ChatSession, Member
from storage.uow import UnitOfWork
from tests.integration.bot.test_reliability import FakeTransport

T0 = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)
STUDENT = 5001


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
async def app(make_config: Callable[..., Config]) -> AsyncIterator[tuple[App, Clock]]:
    clock = Clock()
    app = bootstrap(make_config(telegram={"token": "1:fake"}), clock=clock,
                    transport=FakeTransport)
    await app.prepare()
    yield app, clock
    await app.engine.dispose()


async def _chat_with_supporter_and_counselor(uow: UnitOfWork) -> tuple[int, int, int]:
    person = await uow.people.get_or_create(STUDENT, "id", T0)
    request = await uow.requests.create(person.id, topic="academic", language="id", feeling=2,
                                        pseudonym="Awan-1", description="ujian", now=T0)
    supporter = await uow.members.add(9101, "supporter", "Dimas", T0, languages=["id"],
                                      trained=True)
    counselor = await uow.members.add(9201, "counselor", "Pak Budi", T0, trained=True)
    supporter.on_duty = counselor.on_duty = True
    await uow.requests.fire(request, "assign", T0)
    chat = await uow.sessions.start(request, STUDENT, supporter.id, T0)
    chat.counselor_id = counselor.id
    await uow.session.flush()
    return chat.id, supporter.id, counselor.id


def keys_to(effects: list[Effect], chat_id: int) -> list[str]:
    return [e.key for e in effects if isinstance(e, Reply) and e.to == chat_id]


async def _off_duty(app: App, member_id: int) -> None:
    async with app.store() as uow:
        member = await uow.members.get(member_id)
        assert member is not None
        await go_off_duty(uow, app.services, member)
        await uow.commit()


async def _fire(app: App, chat_id: int) -> list[Effect]:
    async with app.store() as uow:
        effects = await handback.due(uow, app.services, chat_id)
        await uow.commit()
    return effects


async def test_two_people_asked_at_different_times_each_get_their_full_time(
    app: tuple[App, Clock],
) -> None:
    bot, clock = app
    async with bot.store() as uow:
        chat_id, supporter_id, counselor_id = await _chat_with_supporter_and_counselor(uow)
        await uow.commit()
    await _off_duty(bot, supporter_id)
    clock.now = T0 + timedelta(seconds=200)
    await _off_duty(bot, counselor_id)
    clock.now = T0 + timedelta(seconds=301)
    effects = await _fire(bot, chat_id)
    assert keys_to(effects, STUDENT) == ["handback-student-stays"]  # the counselor stays
    assert keys_to(effects, 9201) == ["handback-colleague"]
    async with bot.store() as uow:
        chat = await uow.sessions.get(chat_id)
        assert chat is not None
        assert (chat.status, chat.supporter_id, chat.counselor_id) == (
            "active", None, counselor_id)
        [timer] = await uow.timers.pending(HANDBACK)  # the counselor's time still runs
        assert timer.due_at == T0 + timedelta(seconds=500)
    clock.now = T0 + timedelta(seconds=501)
    effects = await _fire(bot, chat_id)
    assert keys_to(effects, STUDENT)[0] == "handback-student"
    async with bot.store() as uow:
        chat = await uow.sessions.get(chat_id)
        assert chat is not None
        assert chat.status == "closed"
        [request] = await uow.requests.queued()
        assert await uow.sessions.returned([request.id]) == {request.id}  # front of the line
        assert [t.ref for t in await uow.timers.pending("unattended")] == [str(request.id)]


async def test_hand_back_now_leaves_the_counselor_and_tells_everyone_but_the_member(
    app: tuple[App, Clock],
) -> None:
    bot, _ = app
    async with bot.store() as uow:
        chat_id, supporter_id, counselor_id = await _chat_with_supporter_and_counselor(uow)
        supporter = await uow.members.get(supporter_id)
        assert supporter is not None
        effects = await hand_back_now(uow, bot.services, supporter)
        await uow.commit()
    assert keys_to(effects, STUDENT) == ["handback-student-stays"]
    assert keys_to(effects, 9201) == ["handback-colleague"]
    assert keys_to(effects, 9101) == []  # they blocked the bot or were deactivated
    async with bot.store() as uow:
        chat = await uow.session.get(ChatSession, chat_id)
        member = await uow.session.get(Member, supporter_id)
        assert chat is not None
        assert member is not None
        assert (chat.supporter_id, chat.counselor_id, member.on_duty) == (
            None, counselor_id, False)
        request = await uow.session.get(HelpRequest, chat.request_id)
        assert request is not None
        assert request.status == "active"


async def test_forgetme_while_waiting_takes_the_request_out_of_the_queue_first(
    app: tuple[App, Clock],
) -> None:
    bot, _ = app
    async with bot.store() as uow:
        person = await uow.people.get_or_create(STUDENT, "id", T0)
        request = await uow.requests.create(person.id, topic="academic", language="id",
                                            feeling=2, pseudonym="Awan-1", description="ujian",
                                            now=T0)
        await arm_unattended(uow, bot.services, request, T0)
        supporter = await uow.members.add(9101, "supporter", "Dimas", T0, trained=True)
        offer = await uow.offers.create(request.id, supporter.id, T0)
        await uow.timers.set("offer_timeout", str(offer.id), T0 + timedelta(minutes=2))
        press = Inbound(1, STUDENT, "private", STUDENT, "id", "button", button="fm:yes:")
        effects = await privacy.answer(uow, bot.services, press, person,
                                       buttons.decode(press.button))
        assert [e.key for e in effects
                if isinstance(e, Reply) and e.to in (None, STUDENT)] == ["forget-done"]
        assert [e.key for e in effects  # the supporter is told the offer is closed
                if isinstance(e, Reply) and e.to == 9101] == ["offer-withdrawn"]
        assert await uow.timers.pending("offer_timeout") == []
        assert await uow.timers.pending("unattended") == []
        await uow.commit()
    async with bot.store() as uow:
        assert await uow.requests.queued() == []
        assert await uow.offers.pending_for_member(supporter.id) == []
