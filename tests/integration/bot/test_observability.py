"""/healthz and /metrics over loopback HTTP, against the real app on a real SQLite database:
in polling mode on observability.listen_port, in webhook mode on the webhook's own port."""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import aiohttp
import pytest
from prometheus_client.parser import text_string_to_metric_families

from bot.app import App, bootstrap
from bot.config import Config
from bot.metrics import read_snapshot
from sandbox.botapi import SandboxBotApi
from storage.program_models import Escalation
from tests.integration.bot.test_reliability import FakeTransport

TOKEN = "727272:observability_token"
SECRET = "observability-secret-0123456789"
STUDENT_IDS = (5101, 5102)  # write to the bot
WAITING_IDS = (7101, 7102, 7103)  # have a request in the queue


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


def parse(text: str) -> Samples:
    """Every sample of a Prometheus text page: (name, sorted labels) -> value."""
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(text) for s in family.samples}


async def get(url: str) -> tuple[int, str, str]:
    async with aiohttp.ClientSession() as http, http.get(url) as response:
        return response.status, response.content_type, await response.text()


async def eventually(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.02)


@pytest.fixture
async def sandbox() -> AsyncIterator[SandboxBotApi]:
    async with SandboxBotApi(token=TOKEN) as api:
        yield api


@pytest.fixture
async def running() -> AsyncIterator[Callable[[Config], Any]]:
    """Start apps; every one is stopped (and its engine closed) at the end."""
    apps: list[App] = []

    async def start(config: Config, **overrides: Any) -> App:
        app = bootstrap(config, **overrides)
        apps.append(app)
        await app.start()
        return app

    yield start
    for app in apps:
        await app.stop()
        await app.engine.dispose()


async def add_waiting(app: App, telegram_ids: tuple[int, ...], waited: timedelta) -> None:
    """Help requests in the queue, the oldest asked ``waited`` ago."""
    now = datetime.now(UTC)
    async with app.store() as uow:
        for index, telegram_id in enumerate(telegram_ids):
            asked = now - waited + timedelta(seconds=index)
            person = await uow.people.get_or_create(telegram_id, "id", asked)
            await uow.requests.create(person.id, topic="school", language="id", feeling=3,
                                      pseudonym=f"Awan-{index}",
                                      description="ujian bikin aku cemas sekali", now=asked)
        await uow.commit()


async def test_polling_mode_serves_metrics_with_the_queue_and_the_updates_processed(
    make_config: Callable[..., Config], sandbox: SandboxBotApi,
    running: Callable[..., Any],
) -> None:
    port = free_port()
    config = make_config(
        telegram={"token": TOKEN, "api_base": sandbox.base_url, "mode": "polling"},
        observability={"listen_port": port})
    app: App = await running(config)
    await add_waiting(app, WAITING_IDS, timedelta(minutes=5))
    for student in STUDENT_IDS:
        await sandbox.create_user(student, first_name="Rara", language_code="id")
        await sandbox.send_text(student, "/start")
    await eventually(lambda: app.dispatcher.processed >= len(STUDENT_IDS))
    await app.dispatcher.idle(10)

    status, content_type, body = await get(f"http://127.0.0.1:{port}/metrics")
    assert (status, content_type) == (200, "text/plain")
    samples = parse(body)
    worker = (("worker", app.metrics.worker),)
    assert samples[("sejawat_updates_processed_total", worker)] == len(STUDENT_IDS)
    assert samples[("sejawat_queue_waiting", ())] == len(WAITING_IDS)
    assert samples[("sejawat_queue_longest_wait_seconds", ())] >= 300
    assert samples[("sejawat_database_up", ())] == 1
    assert samples[("sejawat_updates_quarantined", ())] == 0
    assert samples[("sejawat_offers", (("status", "accepted"),))] == 0
    assert ("sejawat_telegram_retry_after_total", worker) in samples
    assert ("sejawat_outbox_lag_seconds", ()) in samples
    assert ("sejawat_escalation_ack_seconds_bucket", (("le", "+Inf"),)) in samples
    # no one's id, name or words (the worker's own label, host:pid:…, is left out: a pid of
    # 27101 held the student id 7101 and failed the full run once)
    scrubbed = body.replace(app.metrics.worker, "")
    for telegram_id in (*STUDENT_IDS, *WAITING_IDS):
        assert str(telegram_id) not in scrubbed
    assert "Rara" not in body
    assert "cemas" not in body

    status, _, health = await get(f"http://127.0.0.1:{port}/healthz")
    assert status == 200
    assert health == '{"status": "ok", "quarantined": 0}'


async def test_healthz_says_degraded_when_the_database_does_not_answer(
    make_config: Callable[..., Config],
) -> None:
    """A database that refuses connections (PostgreSQL on a loopback port nobody listens on):
    /healthz says 503 degraded, /metrics still answers with database_up 0 and the worker's own
    numbers. (Not SQLite with its file taken away: every failed connect there leaves an
    unclosed aiosqlite connection behind, which the test run reports as an error.)"""
    port, nobody = free_port(), free_port()
    config = make_config(
        telegram={"token": "1:fake"},
        database={"url": f"postgresql+asyncpg://sejawat:x@127.0.0.1:{nobody}/sejawat"},
        observability={"listen_port": port})
    app = bootstrap(config, transport=FakeTransport)
    assert app.status is not None
    await app.status.start()  # the first thing App.start does, before the database
    try:
        base = f"http://127.0.0.1:{port}"
        status, _, body = await get(base + "/healthz")
        assert status == 503
        assert json.loads(body)["status"] == "degraded"
        status, _, text = await get(base + "/metrics")
        assert status == 200
        samples = parse(text)
        assert samples[("sejawat_database_up", ())] == 0
        assert samples[("sejawat_updates_processed_total",
                        (("worker", app.metrics.worker),))] == 0
        assert ("sejawat_queue_waiting", ()) not in samples
    finally:
        await app.status.stop()
        await app.engine.dispose()


@pytest.mark.parametrize("transport", ["aiogram", "ptb"])
async def test_webhook_mode_serves_metrics_and_healthz_on_the_webhook_port(
    make_config: Callable[..., Config], sandbox: SandboxBotApi,
    running: Callable[..., Any], transport: str,
) -> None:
    port = free_port()
    config = make_config(telegram={
        "token": TOKEN, "api_base": sandbox.base_url, "transport": transport, "mode": "webhook",
        "webhook": {"url": f"http://127.0.0.1:{port}/telegram", "host": "127.0.0.1",
                    "port": port, "secret": SECRET}})
    app: App = await running(config)
    await add_waiting(app, WAITING_IDS[:1], timedelta(seconds=1))
    await sandbox.create_user(STUDENT_IDS[0], first_name="Rara", language_code="en")
    await sandbox.send_text(STUDENT_IDS[0], "/start")
    await eventually(lambda: app.dispatcher.processed >= 1)

    status, content_type, body = await get(f"http://127.0.0.1:{port}/metrics")
    assert (status, content_type) == (200, "text/plain")
    samples = parse(body)
    assert samples[("sejawat_updates_processed_total", (("worker", app.metrics.worker),))] == 1
    assert samples[("sejawat_queue_waiting", ())] == 1
    status, _, health = await get(f"http://127.0.0.1:{port}/healthz")
    assert (status, health) == (200, '{"status": "ok", "quarantined": 0}')


async def test_the_snapshot_reads_outbox_lag_429s_and_time_to_acknowledge(
    make_config: Callable[..., Config],
) -> None:
    """The numbers a scrape reads, at a fixed moment: the oldest due message's wait, messages
    held by a 429, and the time to acknowledge of the cases acknowledged in the last 24 h."""
    app = bootstrap(make_config(telegram={"token": "1:fake"}), transport=FakeTransport)
    try:
        await app.prepare()
        now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
        async with app.store() as uow:
            due = await uow.outbox.add(11, "send", 5, {"text": "x", "buttons": []},
                                       now - timedelta(seconds=120))
            await uow.outbox.add(11, "send", 5, {"text": "y", "buttons": []},
                                 now - timedelta(seconds=30))
            held = await uow.outbox.add(12, "send", 5, {"text": "z", "buttons": []}, now)
            await uow.outbox.retry_later(held, now + timedelta(seconds=9), "retry_after",
                                         count_attempt=False)
            await uow.outbox.mark_sent(due, 1, now)  # sent: no longer lagging
            for opened, acked, status in (
                    (now - timedelta(minutes=10), now - timedelta(minutes=9), "acknowledged"),
                    (now - timedelta(hours=2), now - timedelta(hours=2) + timedelta(seconds=45),
                     "resolved"),
                    (now - timedelta(days=3), now - timedelta(days=3), "resolved"),  # too old
                    (now - timedelta(minutes=4), None, "open")):
                uow.session.add(Escalation(
                    student_chat_id=21, level=3, categories=[], source="detector",
                    status=status, ladder={}, created_at=opened, acknowledged_at=acked))
            await uow.commit()
        async with app.store() as uow:
            snap = await read_snapshot(uow, now)
        assert snap.outbox_pending == 2
        assert snap.outbox_lag == 30.0  # the message due 30 s ago (the held one is not due)
        assert snap.outbox_retry_after == 1
        assert sorted(snap.ack_seconds) == [45.0, 60.0]
        assert (snap.unacknowledged, snap.oldest_unacknowledged) == (1, 240.0)
        assert snap.queued == 0
    finally:
        await app.engine.dispose()
