"""Prometheus metrics for operators, read when scraped.

Nothing here is counted on the way: a scrape reads the live numbers of this worker (updates
processed, messages sent, 429s, timers fired) and a few read-only counts from the database
(the queue, offers, the outbox, escalations, quarantined updates), then renders them. Each App
has its own registry (several apps in one process, as in the tests, never collide).

Labels are a worker id (storage.worker_lock) on this worker's own numbers and an offer's status:
never a message text, a name or a Telegram id. Numbers read from the database are the
program's, whichever worker is scraped, so they carry no worker label. Practice students (the
sandbox's training) are kept out of the queue and offer numbers, as out of every statistic.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import (
    CounterMetricFamily,
    GaugeHistogramMetricFamily,
    GaugeMetricFamily,
    Metric,
)
from prometheus_client.registry import Collector
from sqlalchemy import func, select

from storage.models import HelpRequest, OutboxMessage, Person
from storage.program_models import Escalation, Offer
from storage.uow import Store, UnitOfWork
from storage.worker_lock import new_worker_id

log = logging.getLogger("sejawat.metrics")

PREFIX = "sejawat_"
OFFER_STATUSES = ("pending", "accepted", "declined", "expired", "withdrawn")
ACK_WINDOW = timedelta(hours=24)
ACK_BUCKETS = (30.0, 60.0, 120.0, 300.0, 600.0, 1800.0, 3600.0)  # seconds
Clock = Callable[[], datetime]
Health = Callable[[], Awaitable[dict[str, object]]]


@dataclass
class Snapshot:
    """What the database said at one scrape."""

    queued: int = 0
    longest_wait: float = 0.0  # seconds the longest-waiting queued request has waited
    offers: dict[str, int] = field(default_factory=dict)
    outbox_pending: int = 0
    outbox_lag: float = 0.0  # seconds the oldest due, pending message has been due
    outbox_retry_after: int = 0  # pending messages held back by a 429 (their last error)
    ack_seconds: list[float] = field(default_factory=list)  # acknowledged in ACK_WINDOW
    unacknowledged: int = 0  # open cases nobody has acknowledged yet
    oldest_unacknowledged: float = 0.0  # seconds
    quarantined: int = 0


async def read_snapshot(uow: UnitOfWork, now: datetime) -> Snapshot:
    """The program's numbers, read-only, in one transaction."""
    s = uow.session
    snap = Snapshot()
    real = Person.practice_with.is_(None)
    queued = (await s.execute(
        select(func.count(), func.min(HelpRequest.created_at))
        .join(Person, Person.id == HelpRequest.person_id)
        .where(HelpRequest.status == "queued", real))).one()
    snap.queued = int(queued[0] or 0)
    snap.longest_wait = _age(now, queued[1])
    offers = await s.execute(
        select(Offer.status, func.count())
        .join(HelpRequest, HelpRequest.id == Offer.request_id)
        .join(Person, Person.id == HelpRequest.person_id)
        .where(real).group_by(Offer.status))
    snap.offers = {status: int(count) for status, count in offers.all()}
    pending = OutboxMessage.status == "pending"
    snap.outbox_pending = int(await s.scalar(
        select(func.count()).select_from(OutboxMessage).where(pending)) or 0)
    snap.outbox_lag = _age(now, await s.scalar(
        select(func.min(OutboxMessage.not_before)).where(pending,
                                                         OutboxMessage.not_before <= now)))
    snap.outbox_retry_after = int(await s.scalar(
        select(func.count()).select_from(OutboxMessage)
        .where(pending, OutboxMessage.error == "retry_after")) or 0)
    acked = await s.execute(
        select(Escalation.created_at, Escalation.acknowledged_at)
        .where(Escalation.acknowledged_at >= now - ACK_WINDOW))
    snap.ack_seconds = [_age(acked_at, created) for created, acked_at in acked.all()
                       if acked_at is not None]
    waiting = (await s.execute(
        select(func.count(), func.min(Escalation.created_at))
        .where(Escalation.status == "open", Escalation.acknowledged_at.is_(None)))).one()
    snap.unacknowledged = int(waiting[0] or 0)
    snap.oldest_unacknowledged = _age(now, waiting[1])
    return snap


def _age(now: datetime, since: datetime | None) -> float:
    return max(0.0, (now - since).total_seconds()) if since is not None else 0.0


class Metrics:
    """This App's metrics: ``await scrape()`` gives the Prometheus text (format 0.0.4)."""

    def __init__(self, store: Store, clock: Clock, health: Health | None = None,
                 worker: str | None = None) -> None:
        self._store = store
        self._clock = clock
        self._health = health
        self.worker = worker if worker is not None else new_worker_id()
        self._counters: list[tuple[str, str, Callable[[], float]]] = []
        self._snapshot: Snapshot | None = None
        self._lock = asyncio.Lock()
        self.registry = CollectorRegistry(auto_describe=False)
        self.registry.register(_Collector(self))

    def counter(self, name: str, documentation: str, read: Callable[[], float]) -> None:
        """A number of this worker that only grows, read live at each scrape."""
        self._counters.append((PREFIX + name, documentation, read))

    async def scrape(self) -> bytes:
        """Read the database, then render every metric. The database failing is a metric
        (``sejawat_database_up 0``), not an error: the worker's own numbers still come."""
        async with self._lock:
            try:
                async with self._store.read() as uow:
                    snapshot = await read_snapshot(uow, self._clock())
                if self._health is not None:
                    quarantined = (await self._health()).get("quarantined", 0)
                    snapshot.quarantined = int(quarantined) \
                        if isinstance(quarantined, int | float) else 0
                self._snapshot = snapshot
            except Exception as exc:  # noqa: BLE001 - reported as database_up 0
                log.warning("metrics: reading the database failed (%s)", type(exc).__name__)
                self._snapshot = None
            return generate_latest(self.registry)

    def families(self) -> Iterator[Metric]:
        worker = [self.worker]
        for name, documentation, read in self._counters:
            counter = CounterMetricFamily(name, documentation, labels=["worker"])
            counter.add_metric(worker, float(read()))
            yield counter
        snap = self._snapshot
        yield _gauge("database_up", "1 if the database answered this scrape, else 0",
                     1 if snap is not None else 0)
        if snap is None:
            return
        yield _gauge("queue_waiting", "help requests waiting in the queue", snap.queued)
        yield _gauge("queue_longest_wait_seconds",
                     "how long the longest-waiting queued request has waited", snap.longest_wait)
        offers = GaugeMetricFamily(
            PREFIX + "offers", "offers made to supporters, by status (rows in the database: "
            "they go with a student's /forgetme, so a gauge)", labels=["status"])
        for status in sorted({*OFFER_STATUSES, *snap.offers}):
            offers.add_metric([status], snap.offers.get(status, 0))
        yield offers
        yield _gauge("outbox_pending", "messages waiting to be sent", snap.outbox_pending)
        yield _gauge("outbox_lag_seconds",
                     "how long the oldest due message has been waiting to be sent",
                     snap.outbox_lag)
        yield _gauge("outbox_retry_after_pending",
                     "messages held back by Telegram's 429 (retry_after)",
                     snap.outbox_retry_after)
        yield _ack_histogram(snap.ack_seconds)
        yield _gauge("escalations_unacknowledged", "crisis cases paging, nobody acknowledged yet",
                     snap.unacknowledged)
        yield _gauge("escalation_oldest_unacknowledged_seconds",
                     "how long the oldest unacknowledged crisis case has been open",
                     snap.oldest_unacknowledged)
        yield _gauge("updates_quarantined", "updates set aside as unparseable or unstorable "
                     "(sejawat quarantine list)", snap.quarantined)


def _gauge(name: str, documentation: str, value: float) -> GaugeMetricFamily:
    return GaugeMetricFamily(PREFIX + name, documentation, value=value)


def _ack_histogram(seconds: list[float]) -> GaugeHistogramMetricFamily:
    buckets = [(str(bound), sum(1 for s in seconds if s <= bound)) for bound in ACK_BUCKETS]
    buckets.append(("+Inf", len(seconds)))
    return GaugeHistogramMetricFamily(
        PREFIX + "escalation_ack_seconds",
        "time from a crisis case opening to its first acknowledgement, over the cases "
        "acknowledged in the last 24 hours", buckets=buckets, gsum_value=sum(seconds))


class _Collector(Collector):
    def __init__(self, metrics: Metrics) -> None:
        self._metrics = metrics

    def collect(self) -> Iterator[Metric]:
        return self._metrics.families()
