"""Nothing is lost when parts fail: the sender outlives database errors, crisis messages skip
ordinary backlogs, and an update that cannot be processed still gets a crisis answer."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.exc import OperationalError

import bot.inbox
import handlers.router
from bot.app import App, bootstrap
from bot.config import Config
from bot.messenger import ButtonRows, SendResult, Sent
from bot.outbox import Sender
from bot.transport.base import CommandMenu, Submit
from flows.types import Inbound
from storage.models import InboxUpdate, OutboxMessage
from storage.program_models import Escalation
from storage.repositories import Outbox
from storage.uow import Store, UnitOfWork


class FakeTransport:
    """Records what would be sent; receives nothing (tests submit updates directly)."""

    def __init__(self, config: Config, submit: Submit) -> None:
        self.sent: list[tuple[int, str]] = []
        self.username = "fake_bot"

    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    async def set_commands(self, menu: CommandMenu) -> None: ...

    async def send_text(self, chat_id: int, text: str, buttons: ButtonRows,
                        keyboard: list[str] | None = None) -> SendResult:
        self.sent.append((chat_id, text))
        return Sent(len(self.sent))

    async def clear_buttons(self, chat_id: int, message_id: int) -> SendResult:
        return Sent(None)

    async def edit_text(self, chat_id: int, message_id: int, text: str,
                        buttons: ButtonRows) -> SendResult:
        return await self.send_text(chat_id, text, buttons)

    async def set_menu(self, chat_id: int, commands: list[tuple[str, str]]) -> SendResult:
        return Sent(None)

    async def copy_message(self, chat_id: int, from_chat_id: int,
                           message_id: int) -> SendResult:
        self.sent.append((chat_id, f"copy of {from_chat_id}/{message_id}"))
        return Sent(len(self.sent))


class FlakyStore(Store):
    """A store whose next ``failures`` units of work fail to open (database locked)."""

    def __init__(self, inner: Store, failures: int) -> None:
        super().__init__(inner.sessions, inner.cipher)
        self.failures = failures

    def __call__(self) -> UnitOfWork:
        if self.failures > 0:
            self.failures -= 1
            raise OperationalError("BEGIN IMMEDIATE", {}, Exception("database is locked"))
        return super().__call__()


@pytest.fixture
async def app(make_config: Callable[..., Config]) -> AsyncIterator[App]:
    config = make_config(telegram={"token": "1:fake"})
    application = bootstrap(config, transport=FakeTransport)
    await application.prepare()
    yield application
    await application.stop()  # also the dispatcher's workers, before the engine is closed


async def queue(app: App, chat_id: int, text: str, priority: int) -> None:
    async with app.store() as uow:
        await uow.outbox.add(chat_id, "send", priority, {"text": text, "buttons": []},
                             datetime.now(UTC))
        await uow.commit()


async def stop_sender(sender: Sender, task: asyncio.Task[None]) -> None:
    """As App.stop does: end the loop (no new deliveries), then let those in flight finish.
    The loop is awaited, so nothing of it still runs when the test's event loop closes."""
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    await sender.stop()


async def wait_sent(transport: FakeTransport, count: int) -> None:
    for _ in range(200):
        if len(transport.sent) >= count:
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"only {transport.sent!r} sent")


async def test_the_sender_stops_when_cancelled_as_it_is_woken(app: App) -> None:
    """Found on a loaded machine (a test hung until its 120 s timeout): the sender's loop
    waited with ``asyncio.wait_for``, which in Python 3.11 drops a cancellation that arrives
    as the wait ends (here: a delivery waking it), so the loop ran on and shutting down hung.
    Woken and cancelled in the same moment, it stops."""
    transport = app.transport
    assert isinstance(transport, FakeTransport)
    for _ in range(20):
        sender = Sender(app.store, transport, app.services.clock, app.config.outbox)
        task = asyncio.create_task(sender.run())
        await asyncio.sleep(0.05)  # the loop waits to be woken
        sender.wake()
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.wait_for(task, 5)  # TimeoutError: the cancellation was lost
        assert task.cancelled()
        await sender.stop()


async def test_sender_keeps_delivering_after_database_errors(app: App) -> None:
    transport = app.transport
    assert isinstance(transport, FakeTransport)
    sender = Sender(FlakyStore(app.store, failures=3), transport, app.services.clock,
                    app.config.outbox)
    await queue(app, 42, "crisis resources", 0)
    task = asyncio.create_task(sender.run())
    try:
        await wait_sent(transport, 1)
        assert not task.done()  # three failed reads did not kill it
        await queue(app, 43, "later message", 5)
        sender.wake()
        await wait_sent(transport, 2)
    finally:
        await stop_sender(sender, task)
    assert [t for _, t in transport.sent] == ["crisis resources", "later message"]


async def test_crisis_message_skips_an_ordinary_backlog_to_the_same_chat(app: App) -> None:
    transport = app.transport
    assert isinstance(transport, FakeTransport)
    for n in range(5):
        await queue(app, 42, f"roster line {n}", 5)
    await queue(app, 42, "🆘 escalation ping", 0)
    sender = Sender(app.store, transport, app.services.clock, app.config.outbox)
    task = asyncio.create_task(sender.run())
    try:
        await wait_sent(transport, 6)
    finally:
        await stop_sender(sender, task)
    texts = [t for _, t in transport.sent]
    assert texts[0] == "🆘 escalation ping"
    assert texts[1:] == [f"roster line {n}" for n in range(5)]  # their order is kept


async def test_an_update_that_keeps_failing_still_gets_the_crisis_answer(
    app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with app.store() as uow:  # a counselor on duty
        counselor = await uow.members.add(9201, "counselor", "Pak Budi", datetime.now(UTC),
                                          trained=True)
        counselor.on_duty = True
        await uow.commit()

    async def broken_handler(*args: object, **kwargs: object) -> list[object]:
        raise OperationalError("UPDATE ...", {}, Exception("disk I/O error"))

    monkeypatch.setattr(bot.inbox, "handle", broken_handler)
    app.dispatcher.retry_delay = lambda attempts: 0.0
    inbound = Inbound(update_id=1, chat_id=5001, chat_type="private", sender_id=5001,
                      language_code="id", kind="text",
                      text="aku udah gak kuat, malam ini aku mau gantung diri")
    await app.dispatcher.submit(inbound)
    assert await app.dispatcher.idle(10)
    async with app.store() as uow:
        row = await uow.session.get(InboxUpdate, 1)
        assert row is not None
        assert row.status == "failed"
        escalation = await uow.session.scalar(select(Escalation))
        assert escalation is not None
        assert escalation.level == 3
        outgoing = (await uow.session.scalars(select(OutboxMessage))).all()
        to_student = [uow.cipher.decrypt_json(o.payload_enc)["text"] for o in outgoing
                      if o.chat_id == 5001]
        pings = [o for o in outgoing if o.chat_id == 9201]
    resources = app.services.catalog.render("id", "crisis-resources").splitlines()[0]
    assert any(resources in text for text in to_student)
    assert len(pings) == 1
    assert dataclasses.asdict(inbound)["text"] not in repr(outgoing)  # stored encrypted


async def test_a_failing_update_never_delays_the_crisis_answer_to_a_later_one(
    app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    """S4: a student's update that keeps failing (a defect, a poisoned row) holds their queue,
    but a risky message after it is screened when it is stored: the resources and the ping are
    queued before the failing update has even given up, and nothing is screened twice."""
    async with app.store() as uow:
        counselor = await uow.members.add(9201, "counselor", "Pak Budi", datetime.now(UTC),
                                          trained=True)
        counselor.on_duty = True
        await uow.commit()
    real_handle = handlers.router.handle
    release = asyncio.Event()

    async def stuck_on_the_first(uow: UnitOfWork, services: object, inbound: Inbound,
                                 **kwargs: bool) -> list[object]:
        if inbound.update_id == 1 and not release.is_set():
            raise RuntimeError("a defect in some handler")
        return await real_handle(uow, app.services, inbound, **kwargs)  # type: ignore[return-value]

    monkeypatch.setattr(bot.inbox, "handle", stuck_on_the_first)
    app.dispatcher.retry_delay = lambda attempts: 0.5
    base = {"chat_id": 5001, "chat_type": "private", "sender_id": 5001, "language_code": "id",
            "kind": "text"}
    await app.dispatcher.submit(Inbound(update_id=1, text="halo", **base))  # type: ignore[arg-type]
    await app.dispatcher.submit(Inbound(update_id=2, text="aku mau bunuh diri malam ini",
                                        **base))  # type: ignore[arg-type]
    async with app.store() as uow:  # right after submit returned
        first = await uow.session.get(InboxUpdate, 1)
        assert first is not None
        assert first.status == "pending"
        outgoing = (await uow.session.scalars(select(OutboxMessage))).all()
        assert [o.chat_id for o in outgoing].count(9201) == 1, "the counselor is paged now"
        assert any(o.chat_id == 5001 and o.priority == 0 for o in outgoing)
    release.set()
    assert await app.dispatcher.idle(20)
    async with app.store() as uow:
        cases = (await uow.session.scalars(select(Escalation))).all()
        pings = [uow.cipher.decrypt(o.payload_enc) for o in (await uow.session.scalars(
            select(OutboxMessage).where(OutboxMessage.chat_id == 9201))).all()]
    assert len(cases) == 1
    paged = [p for p in pings if "🆘 Kasus #1" in p]
    assert len(paged) == 1, "screened once: the ordinary path did not page again"
    # the stuck "halo", handled after the case opened, reaches the paged counselor as the
    # case's update (what a student writes while their case waits), never as a second page
    assert all("Kabar terbaru kasus #1" in p for p in pings if p not in paged), pings


async def test_a_defect_is_retried_once_not_for_a_minute_and_a_half(
    app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    """S4: an exception in the application layer fails the same way every time; the inbox's
    patience is for the database failing. The student hears at once that something went
    wrong, and their next message is handled."""
    from handlers.router import handle as real_handle

    calls: list[int] = []

    async def broken_once(uow: Any, services: Any, inbound: Inbound,
                          **kwargs: Any) -> list[Any]:
        if inbound.update_id == 1:
            calls.append(1)
            raise KeyError("a defect")
        return list(await real_handle(uow, services, inbound, **kwargs))

    monkeypatch.setattr(bot.inbox, "handle", broken_once)
    app.dispatcher.retry_delay = lambda attempts: 0.0
    for update_id, text in ((1, "halo"), (2, "/help")):
        await app.dispatcher.submit(Inbound(
            update_id=update_id, chat_id=5001, chat_type="private", sender_id=5001,
            language_code="id", kind="command" if text.startswith("/") else "text",
            text=text, command="help" if text.startswith("/") else ""))
    assert await app.dispatcher.idle(10)
    assert len(calls) == bot.inbox.DEFECT_ATTEMPTS == 2
    async with app.store() as uow:
        statuses = [(await uow.session.get(InboxUpdate, n)) for n in (1, 2)]
        assert [row.status if row else None for row in statuses] == ["failed", "done"]
        outgoing = (await uow.session.scalars(select(OutboxMessage))).all()
        to_student = [uow.cipher.decrypt_json(o.payload_enc)["text"] for o in outgoing]
    sorry = app.services.catalog.render("id", "error-generic").split(":")[0]
    assert any(t.startswith(sorry) for t in to_student)


async def test_an_update_id_telegram_gives_again_after_a_quiet_week_is_a_new_update(
    make_config: Callable[..., Config],
) -> None:
    """After a week with no updates, Telegram chooses the next update id at random: one the
    bot stored long ago is then a new student's message, and it is answered; a repeated
    delivery (within a day) is still ignored."""
    now = [datetime(2026, 11, 2, 9, 0, tzinfo=UTC)]
    application = bootstrap(make_config(telegram={"token": "1:fake"}), transport=FakeTransport,
                            clock=lambda: now[0])
    await application.prepare()
    try:
        dispatcher = application.dispatcher
        first = Inbound(update_id=500, chat_id=5001, chat_type="private", sender_id=5001,
                        language_code="id", kind="command", text="", command="start")
        assert await dispatcher.submit(first)
        assert await dispatcher.idle(10)
        now[0] += timedelta(hours=20)
        assert not await dispatcher.submit(first)  # a repeated delivery
        now[0] += timedelta(days=8)
        assert await dispatcher.submit(dataclasses.replace(first, chat_id=5002, sender_id=5002))
        assert await dispatcher.idle(10)
        async with application.store() as uow:
            outgoing = (await uow.session.scalars(select(OutboxMessage))).all()
            row = await uow.inbox.get(500)
        assert row.chat_id == 5002
        assert row.status == "done"
        assert {o.chat_id for o in outgoing} >= {5001, 5002}, "both students were answered"
    finally:
        await application.stop()


async def test_a_failure_recorded_after_another_worker_processed_the_update_changes_nothing(
    app: App,
) -> None:
    """Found by a review of several workers: an attempt failed here while another worker
    then processed the same update (it took the chat's lock when this transaction rolled
    back); recording the failure here afterwards marked it failed, sent the student "something
    went wrong" and, for a risky text, paged a counselor a second time. Now the failure is
    recorded under the chat's lock and only for an update still waiting."""
    now = datetime.now(UTC)
    inbound = Inbound(update_id=77, chat_id=5001, chat_type="private", sender_id=5001,
                      language_code="id", kind="text", text="aku mau bunuh diri malam ini")
    async with app.store() as uow:
        await uow.inbox.store(77, 5001, dataclasses.asdict(inbound), now)
        await uow.inbox.finish(77, now)  # the other worker's processing, committed
        await uow.commit()
    for _ in range(bot.inbox.MAX_ATTEMPTS + 1):
        await app.dispatcher._failed(5001, 77, RuntimeError("a defect"))
    async with app.store() as uow:
        row = await uow.inbox.get(77)
        assert (row.status, row.attempts) == ("done", 0)
        assert await uow.outbox.pending_count() == 0  # no "something went wrong"
        assert (await uow.session.scalars(select(Escalation))).all() == []  # no second page


async def test_an_update_is_kept_when_every_connection_is_busy(
    app: App, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Found by a review: when the connection pool was exhausted (every connection waiting
    for a chat a stalled worker held), storing an update timed out with SQLAlchemy's pool
    TimeoutError, which was taken for the update's own fault: the update was set aside as
    unstorable and acknowledged to Telegram, so lost. Now it is retried until stored."""
    from sqlalchemy.exc import TimeoutError as PoolTimeout

    real, calls = app.dispatcher._store, 0

    def busy() -> UnitOfWork:
        nonlocal calls
        calls += 1
        if calls <= 2:
            raise PoolTimeout("QueuePool limit of size 10 overflow 10 reached")
        return real()

    monkeypatch.setattr(app.dispatcher, "_store", busy)
    inbound = Inbound(update_id=91, chat_id=5001, chat_type="private", sender_id=5001,
                      language_code="id", kind="text", text="halo kak")
    assert await app.dispatcher.submit(inbound)
    async with app.store() as uow:
        assert (await uow.inbox.get(91)).status in ("pending", "done")
        assert await uow.inbox.quarantined_count() == 0


async def test_a_getupdates_answer_is_stored_at_once_and_its_risky_message_paged_first(
    app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    """#14: a whole getUpdates answer is stored in one statement; a duplicate in it (an answer
    Telegram sent again) has no effect; its risky message is screened, with resources and the
    counselor's ping queued, before any chat is processed; every update is then processed."""
    async with app.store() as uow:
        counselor = await uow.members.add(9201, "counselor", "Pak Budi", datetime.now(UTC),
                                          trained=True)
        counselor.on_duty = True
        await uow.commit()
    processed: list[int] = []
    real_handle = handlers.router.handle

    async def recording(uow: UnitOfWork, services: object, inbound: Inbound,
                        **kwargs: bool) -> list[object]:
        processed.append(inbound.update_id)
        return await real_handle(uow, app.services, inbound, **kwargs)  # type: ignore[return-value]

    monkeypatch.setattr(bot.inbox, "handle", recording)
    base = {"chat_type": "private", "language_code": "id", "kind": "text"}
    first = Inbound(update_id=11, chat_id=5001, sender_id=5001, text="halo kak",
                    **base)  # type: ignore[arg-type]
    answer = [first,
              Inbound(update_id=12, chat_id=5002, sender_id=5002, text="/start",
                      **{**base, "kind": "command"}, command="start"),  # type: ignore[arg-type]
              Inbound(update_id=13, chat_id=5003, sender_id=5003,
                      text="aku mau loncat dari jembatan malam ini", **base)]  # type: ignore[arg-type]
    assert await app.dispatcher.submit(first)  # stored already by an earlier answer
    assert await app.dispatcher.idle(10)
    processed.clear()
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    engine = app.engine.sync_engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        assert await app.dispatcher.submit_many(answer) == [False, True, True]
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert sum(s.startswith("INSERT INTO inbox") for s in statements) == 1
    async with app.store() as uow:  # right after submit_many returned
        outgoing = (await uow.session.scalars(select(OutboxMessage))).all()
        assert [o.chat_id for o in outgoing].count(9201) == 1, "the counselor is paged now"
        assert any(o.chat_id == 5003 and o.priority == 0 for o in outgoing)
    assert await app.dispatcher.idle(10)
    assert sorted(processed) == [12, 13], "the duplicate was processed again"
    async with app.store() as uow:
        rows = (await uow.session.scalars(select(InboxUpdate))).all()
        assert {r.update_id: r.status for r in rows} == {11: "done", 12: "done", 13: "done"}
        pings = (await uow.session.scalars(
            select(OutboxMessage).where(OutboxMessage.chat_id == 9201))).all()
    assert len(pings) == 1, "screened once"


async def _deliver_all(app: App, count: int) -> int:
    """Queue one message to each of ``count`` chats and run a sender until all are sent;
    the number of commits the sender made."""
    transport = app.transport
    assert isinstance(transport, FakeTransport)
    for n in range(count):
        await queue(app, 600 + n, f"pesan {n}", 5)
    commits: list[int] = []

    def committed(_conn: Any) -> None:
        commits.append(1)

    event.listen(app.engine.sync_engine, "commit", committed)
    sender = Sender(app.store, transport, app.services.clock, app.config.outbox)
    task = asyncio.create_task(sender.run())
    try:
        await wait_sent(transport, count)
        await asyncio.sleep(0.2)  # the records are written
    finally:
        await stop_sender(sender, task)
        event.remove(app.engine.sync_engine, "commit", committed)
    return len(commits)


async def test_deliveries_that_end_together_are_recorded_in_one_transaction(app: App) -> None:
    """#14: twelve messages to twelve chats, sent at once: what became of them is written in
    one commit (it was one each), and every one is recorded as sent."""
    commits = await _deliver_all(app, 12)
    async with app.store() as uow:
        rows = (await uow.session.scalars(select(OutboxMessage))).all()
    assert [r.status for r in rows] == ["sent"] * 12
    assert commits <= 4, f"{commits} commits to claim and record 12 deliveries"


async def test_a_delivery_that_cannot_be_recorded_keeps_no_other_back(
    app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = Outbox.mark_sent
    failing: list[int] = []

    async def mark_sent(self: Outbox, message_id: int, *args: Any, **kwargs: Any) -> None:
        if failing and message_id == failing[0]:
            raise RuntimeError("a row this record cannot write")
        await real(self, message_id, *args, **kwargs)

    async with app.store() as uow:  # the fifth message of the twelve queued next
        last = await uow.session.scalar(select(func.max(OutboxMessage.id)))
    failing.append((last or 0) + 5)
    monkeypatch.setattr(Outbox, "mark_sent", mark_sent)
    await _deliver_all(app, 12)
    async with app.store() as uow:
        rows = (await uow.session.scalars(select(OutboxMessage))).all()
    status = {r.id: r.status for r in rows}
    assert status.pop(failing[0]) == "pending"  # sent, not recorded: kept to try again
    assert list(status.values()) == ["sent"] * 11
