"""Repositories and migrations, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.config import Config
from bot.errors import DataKeyError
from flows.errors import IllegalTransition
from routing.lifecycles import OfferStatus
from storage.crypto import Cipher, generate_key
from storage.db import check_data_key, create_engine, current_revision, migrate, sessionmaker
from storage.models import HelpRequest, InboxUpdate
from storage.program_models import RelayMessage
from storage.repositories import CLAIM_LEASE, REDELIVERY_WINDOW
from storage.uow import Store

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(database_url)
    await migrate(engine)
    yield engine
    await engine.dispose()


@pytest.fixture
def store(engine: AsyncEngine, data_key: str) -> Store:
    return Store(sessionmaker(engine), Cipher(data_key))


async def test_migrations_reach_head_and_are_idempotent(engine: AsyncEngine) -> None:
    first = await current_revision(engine)
    await migrate(engine)
    assert first is not None
    assert await current_revision(engine) == first
    async with engine.connect() as conn:
        tables = await conn.run_sync(
            lambda c: set(c.dialect.get_table_names(c))
        )
    assert {"people", "conversations", "help_requests", "inbox", "outbox", "audit"} <= tables


async def test_inbox_stores_each_update_once_and_hands_them_out_in_order(store: Store) -> None:
    async with store() as uow:
        assert await uow.inbox.store(12, 700, {"text": "kedua"}, NOW)
        assert await uow.inbox.store(11, 700, {"text": "pertama"}, NOW)
        assert await uow.inbox.store(13, 800, {"text": "lain"}, NOW)
        await uow.commit()
    async with store() as uow:
        assert not await uow.inbox.store(11, 700, {"text": "duplikat"}, NOW)
        first = await uow.inbox.next_pending(700)
        assert first is not None
        assert first.update_id == 11
        assert uow.inbox.payload(first) == {"text": "pertama"}
        await uow.inbox.finish(11, NOW)
        await uow.commit()
    async with store() as uow:
        nxt = await uow.inbox.next_pending(700)
        assert nxt is not None
        assert nxt.update_id == 12
        assert sorted(await uow.inbox.pending_chats()) == [700, 800]


async def test_an_update_id_is_one_update_only_within_the_redelivery_window(
    store: Store,
) -> None:
    """Telegram redelivers an update within a day; after a week with no updates its ids may
    start again anywhere. A done update's id, stored longer ago, is a new update's; a pending
    one is never replaced."""
    later = NOW + REDELIVERY_WINDOW + timedelta(minutes=1)
    async with store() as uow:
        assert await uow.inbox.store(11, 700, {"text": "lama"}, NOW)
        assert await uow.inbox.store(12, 700, {"text": "menunggu"}, NOW)
        assert await uow.inbox.store(13, 700, {"text": "rusak"}, NOW)
        await uow.inbox.finish(11, NOW)
        await uow.inbox.count_attempt(13, "KeyError")
        await uow.inbox.finish(13, NOW, "failed", "KeyError")
        await uow.inbox.mark_screened(13)
        await uow.commit()
    async with store() as uow:
        assert not await uow.inbox.store(11, 701, {"text": "lagi"}, later - timedelta(hours=1))
        assert not await uow.inbox.store(12, 701, {"text": "baru"}, later)  # still pending
        assert await uow.inbox.store(11, 702, {"text": "baru"}, later)
        assert await uow.inbox.quarantine(13, 703, "{}", "unparseable", later)
        await uow.commit()
    async with store() as uow:
        head = await uow.inbox.next_pending(702)
        assert head is not None
        assert uow.inbox.payload(head) == {"text": "baru"}
        reused = await uow.inbox.get(head.update_id)
        assert (reused.update_id, reused.status, reused.received_at) == (11, "pending", later)
        assert (reused.attempts, reused.error, reused.processed_at) == (0, None, None)
        assert not (await uow.inbox.get(13)).screened
        assert [r.update_id for r in await uow.inbox.quarantined()] == [13]
        assert uow.inbox.payload(await uow.inbox.get(12)) == {"text": "menunggu"}
        # the new update's own repeated delivery is a duplicate again
        assert not await uow.inbox.store(11, 702, {"text": "baru"}, later + timedelta(hours=1))
        assert await uow.inbox.highest_update_id() == 13


async def test_outbox_keeps_chat_order_and_sends_crisis_first(store: Store) -> None:
    async with store() as uow:
        a1 = await uow.outbox.add(1, "send", 5, {"text": "a1"}, NOW)
        a2 = await uow.outbox.add(1, "send", 5, {"text": "a2"}, NOW)
        a3 = await uow.outbox.add(1, "send", 0, {"text": "a3-crisis"}, NOW)
        b1 = await uow.outbox.add(2, "send", 5, {"text": "b1"}, NOW)
        c1 = await uow.outbox.add(3, "send", 0, {"text": "c1-crisis"}, NOW)
        await uow.commit()
    async with store() as uow:
        due = await uow.outbox.due(NOW, 10)
        # crisis first, even past an ordinary backlog to the same chat; else chat order
        assert [d.id for d in due] == [a3, c1, a1, b1]
        assert due[2].payload == {"text": "a1"}
        await uow.outbox.retry_later(a1, NOW + timedelta(seconds=30), "5xx", True)
        await uow.outbox.mark_sent(a3, 98, NOW)
        await uow.commit()
    async with store() as uow:
        due = await uow.outbox.due(NOW, 10)
        assert a2 not in [d.id for d in due]  # ordinary messages keep their order
        assert [d.payload["text"] for d in due] == ["c1-crisis", "b1"]
        later = await uow.outbox.due(NOW + timedelta(seconds=30), 10)
        assert [d.payload["text"] for d in later] == ["c1-crisis", "a1", "b1"]
        assert await uow.outbox.pending_count() == 4


async def test_each_outgoing_message_is_claimed_by_one_worker_and_a_chat_is_paced_across_them(
    store: Store,
) -> None:
    """Several workers (storage.worker_lock): what one claims, the other does not send; a chat
    one of them just sent to stays with it for the per-chat gap; what a worker retries later,
    or claimed and then lost track of, is free again."""
    async with store() as uow:
        a1 = await uow.outbox.add(1, "send", 5, {"text": "a1"}, NOW)
        a2 = await uow.outbox.add(1, "send", 5, {"text": "a2"}, NOW)
        b1 = await uow.outbox.add(2, "send", 5, {"text": "b1"}, NOW)
        c1 = await uow.outbox.add(3, "send", 5, {"text": "c1"}, NOW)
        await uow.commit()
    async with store() as uow:
        first = await uow.outbox.due(NOW, 2, claim_for="w1")
        await uow.commit()
    async with store() as uow:
        second = await uow.outbox.due(NOW, 10, claim_for="w2")
        await uow.commit()
    assert [m.id for m in first] == [a1, b1]
    assert [m.id for m in second] == [c1]  # not a2: its chat is w1's while a1 is on its way
    gap = timedelta(seconds=1)
    async with store() as uow:
        await uow.outbox.mark_sent(a1, 11, NOW, hold=gap)
        await uow.outbox.retry_later(b1, NOW, "5xx", count_attempt=True)
        await uow.commit()
    async with store() as uow:  # a2 waits out the gap for w2; b1, retried, is anyone's
        # (w2 is still sending c1: a sender leaves out the chats it has in flight)
        assert [m.id for m in await uow.outbox.due(NOW, 10, exclude=[3], claim_for="w2")] \
            == [b1]
        await uow.commit()
    async with store() as uow:  # w1 paces its own chat itself; w2 may after the gap
        assert [m.id for m in await uow.outbox.due(NOW, 10, exclude=[1], claim_for="w1")] \
            == []
        assert [m.id for m in await uow.outbox.due(NOW + gap, 10, exclude=[2, 3],
                                                   claim_for="w2")] == [a2]
        await uow.commit()
    async with store() as uow:  # w2 lost track of a2 (its delivery failed to record):
        again = await uow.outbox.due(NOW + gap, 10, exclude=[2, 3], claim_for="w2")
        assert [m.id for m in again] == [a2]  # its own claim, at once
        assert await uow.outbox.due(NOW + gap, 10, claim_for="w3") == []  # held by w2
        assert await uow.outbox.release(["w2"]) == 3  # a2, b1 and c1
        assert [m.id for m in await uow.outbox.due(NOW + gap, 10, claim_for="w3")] \
            == [a2, b1, c1]
        await uow.commit()


async def test_a_sender_waits_for_a_retry_time_or_another_workers_hold_not_for_what_is_due(
    store: Store,
) -> None:
    """Found by a benchmark: a worker woke for every pending message already due, so while
    another worker held those (or its own delivery to the chat was on the way) it looked
    again every 10 ms. It now wakes when a retry time comes or another worker's hold ends."""
    async with store() as uow:
        first = await uow.outbox.add(1, "send", 5, {"text": "a"}, NOW)
        await uow.outbox.add(2, "send", 5, {"text": "b"}, NOW + timedelta(seconds=300))
        assert [m.id for m in await uow.outbox.due(NOW, 10, claim_for="w1")] == [first]
        await uow.commit()
    async with store() as uow:
        assert await uow.outbox.next_change(NOW, "w1") == NOW + timedelta(seconds=300)
        assert await uow.outbox.next_change(NOW, "w2") == NOW + CLAIM_LEASE  # w1's claim
        await uow.outbox.mark_sent(first, 7, NOW, hold=timedelta(seconds=1))
        await uow.commit()
    async with store() as uow:  # w1's hold on chat 1 ends in a second
        assert await uow.outbox.next_change(NOW, "w2") == NOW + timedelta(seconds=1)
        assert await uow.outbox.next_change(NOW + timedelta(seconds=301), "w2") is None


async def test_free_text_is_encrypted_at_rest(store: Store, engine: AsyncEngine) -> None:
    secret = "aku capek banget sama ujian minggu ini"
    async with store() as uow:
        person = await uow.people.get_or_create(4242, "id", NOW)
        await uow.requests.create(person.id, topic="academic", language="id", feeling=2,
                                  pseudonym="Senja-101", description=secret, now=NOW)
        await uow.conversations.save(4242, "intake", "feeling", {"description": secret}, NOW)
        await uow.inbox.store(1, 4242, {"text": secret}, NOW)
        await uow.outbox.add(4242, "send", 5, {"text": secret}, NOW)
        await uow.commit()
    async with engine.connect() as conn:
        for table in ("help_requests", "conversations", "inbox", "outbox"):
            rows = (await conn.execute(text(f"SELECT * FROM {table}"))).all()
            dump = repr(rows)
            assert "capek" not in dump, table
    async with store() as uow:
        request = await uow.requests.open_for(person.id)
        assert request is not None
        assert uow.requests.description(request) == secret
        saved = await uow.conversations.get(4242)
        assert saved is not None
        assert saved.data == {"description": secret}


async def test_conversation_version_increases_on_every_save(store: Store) -> None:
    async with store() as uow:
        await uow.conversations.save(5, "intake", "consent", {}, NOW)
        await uow.commit()
    async with store() as uow:
        await uow.conversations.save(5, "intake", "language", {"lang": "en"}, NOW)
        await uow.commit()
    async with store() as uow:
        saved = await uow.conversations.get(5)
        assert saved is not None
        assert (saved.state, saved.version) == ("language", 2)


async def test_uncommitted_work_is_rolled_back(store: Store) -> None:
    async with store() as uow:
        await uow.people.get_or_create(777, "en", NOW)
    async with store() as uow:
        assert await uow.people.by_telegram_id(777) is None


async def test_a_different_data_key_is_refused(engine: AsyncEngine, data_key: str) -> None:
    await check_data_key(engine, Cipher(data_key))
    await check_data_key(engine, Cipher(data_key))  # same key: fine
    with pytest.raises(DataKeyError, match="does not match"):
        await check_data_key(engine, Cipher(generate_key()))
    rotated = Cipher(f"{generate_key()},{data_key}")  # rotation: old key still decrypts
    await check_data_key(engine, rotated)


async def test_a_timer_fired_and_armed_again_is_not_fired_again_by_another_worker(
    store: Store,
) -> None:
    """Found by a review: two workers sweep the same due ladder timer; the first fires it and,
    in the same transaction, arms it again for the next rung; the second one's claim (which
    waited for the first, or came just after) fired the re-armed timer at once, so the next
    counselor was paged with no time given to the first. Now the second finds nothing due;
    on PostgreSQL it does not even wait for the first one's transaction."""
    due = NOW + timedelta(minutes=2)
    async with store() as uow:
        await uow.timers.set("escalation_ack", "7", due, {"step": 1})
        await uow.commit()
    async with store() as first, store() as second:
        [timer] = await first.timers.due(due)
        assert await first.timers.claim(timer.id, due) is not None
        await first.timers.set("escalation_ack", "7", due + timedelta(minutes=3), {"step": 2})
        if first.session.get_bind().dialect.name == "postgresql":  # the second, meanwhile
            assert await second.timers.claim(timer.id, due) is None
        await first.commit()
    async with store() as uow:  # the second worker, just after
        assert await uow.timers.claim(timer.id, due) is None
        armed = await uow.timers.armed("escalation_ack", "7")
        assert armed is not None
        assert armed.payload == {"step": 2}
        assert await uow.timers.claim(timer.id, due + timedelta(minutes=3)) is not None


async def test_timers_fire_once_and_rearm_atomically(store: Store) -> None:
    async with store() as uow:
        await uow.timers.set("offer_timeout", "7", NOW + timedelta(minutes=2), {"a": 1})
        await uow.timers.set("offer_timeout", "7", NOW + timedelta(minutes=5), {"a": 2})
        await uow.commit()
    async with store() as uow:
        assert await uow.timers.due(NOW + timedelta(minutes=3)) == []  # moved, not duplicated
        [timer] = await uow.timers.due(NOW + timedelta(minutes=5))
        assert timer.payload == {"a": 2}
        assert await uow.timers.claim(timer.id, NOW + timedelta(minutes=4)) is None  # not due
        assert await uow.timers.claim(timer.id, NOW + timedelta(minutes=5)) is not None
        assert await uow.timers.claim(timer.id, NOW + timedelta(minutes=5)) is None  # once
        await uow.commit()
    async with store() as uow:
        await uow.timers.set("offer_timeout", "7", NOW + timedelta(minutes=9))  # re-armed
        await uow.commit()
    async with store() as uow:
        assert [t.ref for t in await uow.timers.due(NOW + timedelta(minutes=9))] == ["7"]


async def test_retention_purge_forgets_old_text_and_keeps_recent(
    store: Store, make_config: Callable[..., Config]
) -> None:
    from bot.i18n import Catalog
    from escalation.detector import Detector
    from handlers.context import BotInfo, Services
    from handlers.privacy import purge

    old, recent = NOW - timedelta(days=400), NOW - timedelta(days=1)
    async with store() as uow:
        person = await uow.people.get_or_create(1, "id", old)
        for when in (old, recent):
            request = await uow.requests.create(person.id, topic="other", language="id",
                                                feeling=3, pseudonym="A", description="rahasia",
                                                now=when)
            request.status = "closed"
            chat = await uow.sessions.start(request, 1, None, when)
            await uow.sessions.record(chat, "student", "pesan lama", when)
            await uow.inbox.store(int(when.timestamp()), 1, {"text": "x"}, when)
            await uow.inbox.finish(int(when.timestamp()), when)
        await uow.commit()
    config = make_config()
    services = Services(config=config, catalog=Catalog(["id", "en"], "id", "S", {}),
                        clock=lambda: NOW, new_pseudonym=lambda: "A",
                        detector=Detector.load(), bot=BotInfo())
    async with store() as uow:
        assert await purge(uow, services) >= 3
        await uow.commit()
    async with store() as uow:
        requests = (await uow.session.scalars(select(HelpRequest).order_by(HelpRequest.id))).all()
        assert [uow.requests.description(r) for r in requests] == ["", "rahasia"]
        messages = (await uow.session.scalars(select(RelayMessage))).all()
        assert len(messages) == 1  # only the recent one
        inbox = (await uow.session.scalars(select(InboxUpdate))).all()
        assert [r.received_at for r in inbox] == [recent]
        assert [t.ref for t in await uow.timers.pending("retention")] == ["daily"]


async def test_statuses_move_only_along_the_lifecycle_tables(store: Store) -> None:
    async with store() as uow:
        person = await uow.people.get_or_create(7001, "id", NOW)
        request = await uow.requests.create(
            person.id, topic="academic", language="id", feeling=2, pseudonym="Awan-1",
            description="ujian", now=NOW)
        member = await uow.members.add(9101, "supporter", "Dimas", NOW, trained=True)
        first = await uow.offers.create(request.id, member.id, NOW)
        second = await uow.offers.create(request.id, member.id, NOW)
        await uow.offers.decide(first, "expire", NOW)
        await uow.offers.decide(second, "withdrawn", NOW)  # the outcome's name still works
        with pytest.raises(IllegalTransition, match="Can't accept an offer that is expired"):
            await uow.offers.decide(first, "accept", NOW)
        await uow.requests.fire(request, "assign", NOW)
        chat = await uow.sessions.start(request, 7001, member.id, NOW)
        await uow.sessions.close(chat, "handback", NOW)
        await uow.requests.fire(request, "hand_back", NOW)
        assert await uow.sessions.returned([request.id]) == {request.id}
        with pytest.raises(IllegalTransition):
            await uow.sessions.close(chat, "student", NOW)
        await uow.commit()
    async with store() as uow:
        [waiting] = await uow.requests.queued()
        assert waiting.status == "queued"
        assert await uow.offers.recently(OfferStatus.EXPIRED, NOW) == {waiting.id: {member.id}}
        assert await uow.offers.recently(OfferStatus.DECLINED, NOW) == {}
