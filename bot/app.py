"""The composition root: config in, a running bot out. Nothing is built at import time."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncEngine

from bot import logs
from bot.config import Config
from bot.i18n import Catalog
from bot.inbox import Dispatcher
from bot.messenger import Blocked, Rejected, SendResult
from bot.metrics import Metrics
from bot.outbox import Sender, queue_effects
from bot.scheduler import TimerSweeper
from bot.status import StatusServer
from bot.transport.base import (
    CommandMenu,
    Health,
    Quarantine,
    Scrape,
    Submit,
    SubmitMany,
    Transport,
)
from escalation.detector import Detector
from handlers import escalations, menus, presence
from handlers.context import BotInfo, Clock, Services
from handlers.pseudonyms import Pseudonyms, load_words
from handlers.shifts import sync_config
from storage.crypto import Cipher
from storage.db import check_data_key, create_engine, is_sqlite, migrate, sessionmaker
from storage.gate import Gate
from storage.listen import Listener
from storage.repositories import Outgoing
from storage.uow import TIMERS_CHANNEL, Store
from storage.worker_lock import LostWorkerLock, WorkerLock

log = logging.getLogger("sejawat")

TransportFactory = Callable[[Config, Submit], Transport]
MENU_COMMANDS = ("start", "help", "selfhelp", "friend", "myplan", "cancel", "back",
                 "forgetme")


def utc_now() -> datetime:
    return datetime.now(UTC)


class Signal:
    """Calls every connected listener: breaks the dispatcher <-> sender construction cycle."""

    def __init__(self) -> None:
        self._listeners: list[Callable[[], None]] = []

    def connect(self, listener: Callable[[], None]) -> None:
        self._listeners.append(listener)

    def __call__(self) -> None:
        for listener in self._listeners:
            listener()


def default_transport(config: Config, submit: Submit, quarantine: Quarantine | None = None,
                      health: Health | None = None, metrics: Scrape | None = None,
                      submit_many: SubmitMany | None = None) -> Transport:
    if config.telegram.transport == "ptb":
        from bot.transport.ptb import PtbTransport

        return PtbTransport(config.telegram, submit, quarantine=quarantine, health=health,
                            metrics=metrics, submit_many=submit_many)
    from bot.transport.aiogram import AiogramTransport

    return AiogramTransport(config.telegram, submit, quarantine=quarantine, health=health,
                            metrics=metrics, submit_many=submit_many)


def command_menu(catalog: Catalog) -> CommandMenu:
    menu: CommandMenu = {}
    for language in ("", *catalog.languages):
        lang = language or catalog.default
        menu[language] = [(c, catalog.render(lang, f"cmd-{c}")) for c in MENU_COMMANDS]
    return menu


@dataclass
class App:
    config: Config
    engine: AsyncEngine
    store: Store
    services: Services
    dispatcher: Dispatcher
    sender: Sender
    transport: Transport
    timers: TimerSweeper
    catalog: Catalog  # the same as services.catalog, which handlers see as handlers.ports.Catalog
    worker_lock: WorkerLock  # who serves the database (storage.worker_lock)
    metrics: Metrics  # /metrics (bot.metrics), on the webhook's port or on status
    # /healthz and /metrics in polling mode (observability.listen_port), else None
    status: StatusServer | None = None
    _tasks: list[asyncio.Task[None]] = field(default_factory=list)
    # set when this worker must stop at once (storage.worker_lock.LostWorkerLock)
    lost: asyncio.Event = field(default_factory=asyncio.Event)
    _listener: Listener | None = None  # PostgreSQL: timers armed by other workers

    async def prepare(self) -> None:
        """Migrate, check the data key, load config members and shifts (before any update)."""
        await migrate(self.engine)
        if await check_data_key(self.engine, self.store.cipher):  # (a mistyped SQLite path
            # started an empty program without a word: the operator must be able to tell)
            log.warning("database.url %s: a new, empty database (no members, requests or "
                        "cases yet); if the program's data should be there, check the path",
                        self.engine.url.render_as_string(hide_password=True))
        async with self.store() as uow:
            await sync_config(uow, self.services)
            await uow.commit()

    async def start(self) -> None:
        """Refused (storage.worker_lock.AnotherWorker) while another worker runs on the same
        SQLite database, and on PostgreSQL unless every worker uses a webhook. /healthz and
        /metrics (polling mode) come first: a port in use stops the start before anything."""
        if self.status is not None:
            await self.status.start()
        await self.worker_lock.acquire()
        await self.prepare()
        await self.worker_lock.register(self.config.telegram.mode, self.services.clock())
        self._tasks.append(asyncio.create_task(self.sender.run(), name="outbox-sender"))
        self._tasks.append(asyncio.create_task(self._housekeeping(), name="housekeeping"))
        if self.worker_lock.server:
            self._tasks.append(asyncio.create_task(self._census(), name="workers"))
        recovered = await self.dispatcher.recover()
        if recovered:
            log.info("resuming %d chat(s) with updates stored before the last stop", recovered)
        await self.transport.start()
        self.services.bot.username = self.transport.username
        await self.transport.set_commands(command_menu(self.catalog))
        async with self.store() as uow:  # each member's own menu, in their language
            await queue_effects(uow, self.catalog, menus.menus(await uow.members.all()), 0,
                                self.services.clock())
            await uow.commit()
        self.sender.wake()
        self.timers.start()
        if self.store.notify:  # a timer armed by another worker: swept when due
            self._listener = Listener(self.engine, TIMERS_CHANNEL, self.timers.wake_now)
            await self._listener.start()
        log.info("Sejawat is running (%s, %s)", self.config.telegram.transport,
                 self.config.telegram.mode)

    async def _housekeeping(self) -> None:
        """Every half minute: pick up stored updates no worker is handling (after errors)."""
        while True:
            await asyncio.sleep(30)
            try:
                await self.dispatcher.recover()
            except Exception:
                log.exception("housekeeping: recovering stored updates failed")

    async def _census(self, every: float = 2.0) -> None:
        """Several workers (PostgreSQL): each sends its share of the overall rate; when one
        dies, its claims end and its chats' stored updates are taken over at once."""
        while True:
            try:
                census = await self.worker_lock.beat()
            except LostWorkerLock:
                log.critical("workers: this worker's lock on the database is gone (its "
                             "connection dropped, or the server restarted): stopping now, "
                             "so that nothing it claimed is sent twice")
                self.sender.halt()
                self.lost.set()
                return
            except Exception:
                log.exception("workers: checking the other workers failed")
                await asyncio.sleep(every)
                continue
            try:
                self.sender.share(census.alive)
                if census.gone:
                    log.warning("workers: %d worker(s) stopped without saying so; taking "
                                "over their work", census.gone)
                    self.sender.wake()
                    await self.dispatcher.recover()
            except Exception:
                log.exception("workers: checking the other workers failed")
            await asyncio.sleep(every)

    async def stop(self) -> None:
        """Stop sending first, then receiving: the transport's HTTP session is closed last,
        when nothing can use it any more. Every step is bounded, so a stuck step (a database
        lock, a hung connection) cannot keep the process from exiting; everything not done is
        durable and continues after the next start."""
        if self.status is not None:
            await _bounded(self.status.stop(), 5, "stopping /healthz and /metrics")
        await _bounded(self.timers.stop(), 15, "stopping the timers")
        if self._listener is not None:
            await _bounded(self._listener.stop(), 5, "stopping the timer listener")
            self._listener = None
        # sender.stop() marks the sender stopping (its loop ends at its next turn, even if the
        # cancellation below is lost: Python 3.11's wait_for drops a cancellation that arrives
        # as the awaited event is set) and waits for the deliveries in flight.
        await _bounded(self.sender.stop(), 15, "stopping the sender")
        tasks, self._tasks = self._tasks, []
        for task in tasks:
            task.cancel()
        if tasks:  # asyncio.wait, not gather: a timeout must not cancel them a second time,
            # mid-rollback, which left a connection checked out with its transaction open
            await _bounded(asyncio.wait(tasks), 10, "stopping background tasks")
        # Once more, now that the loop has ended: a delivery it started after the first call
        # took its list of those in flight (it was reading the outbox) would otherwise still
        # be using the transport while its HTTP session was closed.
        await _bounded(self.sender.stop(), 15, "stopping the sender")
        await _bounded(self.transport.stop(), 15, "stopping the transport")
        await self.dispatcher.idle(5)
        await _bounded(self.dispatcher.stop(), 10, "stopping the dispatcher")
        await _bounded(self.worker_lock.release(), 10, "releasing the worker lock")
        await _bounded(self.engine.dispose(), 10, "closing the database")


async def _bounded(step: Awaitable[object], seconds: float, what: str) -> None:
    try:
        await asyncio.wait_for(step, seconds)
    except TimeoutError:
        log.error("shutdown: %s took longer than %ss; continuing", what, seconds)
    except Exception:
        log.exception("shutdown: %s failed; continuing", what)


def bootstrap(
    config: Config,
    *,
    clock: Clock | None = None,
    transport: TransportFactory | None = None,
    new_pseudonym: Callable[[], str] | None = None,
    detector: Detector | None = None,
) -> App:
    logs.install()  # whoever embeds the app: no update content in any log record
    cipher = Cipher(config.privacy.data_key.get_secret_value())
    engine = create_engine(config.database.url, echo=config.database.echo)
    # SQLite: one transaction at a time, storing updates and the crisis fast lane first
    store = Store(sessionmaker(engine), cipher,
                  Gate() if is_sqlite(config.database.url) else None)
    catalog = Catalog(
        config.program.languages, config.program.default_language, config.program.name,
        config.resources,
    )
    services = Services(
        config=config, catalog=catalog, clock=clock or utc_now,
        new_pseudonym=new_pseudonym or Pseudonyms(load_words()),
        detector=detector or Detector.load(), bot=BotInfo(),
    )
    outbox_filled = Signal()
    dispatcher = Dispatcher(store, services, on_outbox=outbox_filled)
    worker_lock = WorkerLock(engine, config.database.url)
    metrics = Metrics(store, services.clock, dispatcher.health, worker=worker_lock.worker_id)
    if transport is None:
        carrier = default_transport(config, dispatcher.submit, dispatcher.quarantine,
                                    dispatcher.health, metrics.scrape, dispatcher.submit_many)
    else:
        carrier = transport(config, dispatcher.submit)

    async def undeliverable(item: Outgoing, result: SendResult) -> None:
        """A crisis ping Telegram refused or could not take: the ladder pages the next person
        at once. A relay Telegram refused for good: its sender is told in words."""
        meta = item.payload["meta"]
        async with store() as uow:
            if "escalation" in meta:
                effects = await escalations.on_delivery_failed(
                    uow, services, int(meta["escalation"]), int(meta["member"]),
                    isinstance(result, Blocked | Rejected))
            elif "relay_from" in meta and isinstance(result, Blocked | Rejected):
                effects = await presence.relay_refused(
                    uow, services, item.chat_id, int(meta["relay_from"]),
                    blocked=isinstance(result, Blocked))
            else:
                return
            await queue_effects(uow, catalog, effects, 0, services.clock())
            await uow.commit()
        outbox_filled()

    async def blocked(item: Outgoing) -> None:
        """The first 403 from someone: handled like Telegram's my_chat_member update (a staff
        member goes off duty at once), through the inbox, in that chat's order. The id is
        negative: no Telegram update has it, and each outbox message gives at most one."""
        await dispatcher.submit(presence.status_inbound(-item.id, item.chat_id, presence.BLOCKED))

    sender = Sender(store, carrier, services.clock, config.outbox, undeliverable, blocked,
                    worker=worker_lock.worker_id)
    outbox_filled.connect(sender.wake)
    sweeper = TimerSweeper(store, services, outbox_filled)
    store.on_timer = sweeper.wake  # a timer armed here: swept when due
    metrics.counter("updates_processed", "updates this worker processed",
                    lambda: dispatcher.processed)
    metrics.counter("outbox_sent", "messages this worker sent", lambda: sender.sent_count)
    metrics.counter("telegram_retry_after", "Telegram's 429 answers (retry_after) to this "
                    "worker's sends", lambda: sender.retry_after_count)
    metrics.counter("timers_fired", "durable timers this worker fired", lambda: sweeper.fired)
    seen = config.observability
    status = StatusServer(seen.listen_host, seen.listen_port, dispatcher.health,
                          metrics.scrape) if seen.listen_port else None
    return App(config, engine, store, services, dispatcher, sender, carrier, sweeper, catalog,
               worker_lock, metrics, status)
