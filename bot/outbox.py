"""Effects become stored outgoing messages; a sender task delivers them.

Rendering happens when an effect is queued, in the recipient's language. The sender keeps
per-chat order, sends crisis traffic first, paces ~1 msg/s per chat and ~25/s overall, honours
429 ``retry_after``, backs off on 5xx/network errors, marks users who blocked the bot, and
resumes whatever was stored but not sent after a crash.

Several workers on one PostgreSQL database: a sender claims what it sends
(``Outbox.due(claim_for=...)``, SKIP LOCKED), so each message is sent by one worker; a chat it
sent to stays with it for the per-chat gap; each worker keeps to its share of the overall rate
(``share``); the claims of a worker that died end at once (storage.worker_lock).

Nothing is dropped silently: a message Telegram refuses for good is reported to the core
(``on_undeliverable``: a crisis ping pages the next person, a relay tells its sender in words),
and the first 403 from someone marks them as having blocked the bot and reports that
(``on_blocked``: a staff member is taken off duty at once). Crisis traffic retries a transient
failure every few seconds (``CRISIS_MAX_BACKOFF``), whatever the backoff of other traffic.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime, timedelta
from typing import Any

from aiolimiter import AsyncLimiter

from bot.config import OutboxConfig
from bot.messenger import Blocked, Messenger, Rejected, RetryAfter, SendResult, Sent, Transient
from flows.types import NO_SOS, SOS, ClearButtons, Copy, Effect, Priority, Reply, SetMenu
from handlers.context import MAX_TEXT, Clock
from handlers.ports import Catalog
from storage.gate import urgent
from storage.repositories import Outgoing
from storage.uow import Store, UnitOfWork

log = logging.getLogger("sejawat.outbox")

CRISIS_MAX_BACKOFF = 3.0  # seconds between retries of crisis traffic, at most
# With nothing to send, the sender sleeps until woken or until a stored message may go, and
# looks again after this long at most anyway (a message queued by an operator's command, in
# another process); with other workers, every second (what they queued and could not send).
IDLE_WAIT = 5.0
SHARED_IDLE_WAIT = 1.0
# Telegram's 400 to an edit that changes nothing (aiogram: "Bad Request: message is not
# modified: …", python-telegram-bot: "Message is not modified: …")
NOT_MODIFIED = "message is not modified"


def split_text(text: str, limit: int = MAX_TEXT) -> list[str]:
    """Split at line breaks (or spaces) so every part fits one Telegram message."""
    parts: list[str] = []
    while len(text) > limit:
        cut = text.rfind("\n", 0, limit)
        if cut <= 0:
            cut = text.rfind(" ", 0, limit)
        if cut <= 0:
            cut = limit
        parts.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    parts.append(text)
    return parts


async def queue_effects(
    uow: UnitOfWork, catalog: Catalog, effects: Sequence[Effect], chat_id: int, now: datetime
) -> None:
    """Render message effects in each recipient's language and store them for sending (in
    one statement, in the order queued)."""
    languages: dict[int, str] = {}
    rows: list[dict[str, Any]] = []
    queue = uow.outbox.row
    for effect in effects:
        if not isinstance(effect, Reply | ClearButtons | Copy | SetMenu):
            continue
        to = effect.to if effect.to is not None else chat_id
        if isinstance(effect, Reply | SetMenu) and to not in languages:  # what is rendered
            person = await uow.people.by_telegram_id(to)
            languages[to] = person.language if person is not None else catalog.default
        if isinstance(effect, SetMenu):
            commands = [[c, catalog.render(languages[to], f"cmd-team-{c}")]
                        for c in effect.commands]
            rows.append(queue(to, "menu", 5, {"commands": commands}, now))
            continue
        if isinstance(effect, ClearButtons):
            rows.append(queue(to, "clear_buttons", 5, {"message_id": effect.message_id}, now))
            continue
        if isinstance(effect, Copy):
            rows.append(queue(to, "copy", 5, {"from_chat_id": effect.from_chat_id,
                                              "message_id": effect.message_id}, now))
            continue
        lang = effect.language or languages[to]
        text = catalog.render(lang, effect.key, effect.params)
        buttons = [
            [{"text": catalog.render(lang, b.label, b.params), "data": b.data} for b in row]
            for row in effect.buttons
        ]
        parts = split_text(text)
        if effect.edit is not None and len(parts) == 1:  # in place (too long: new messages)
            rows.append(queue(to, "edit", int(effect.priority), {
                "message_id": effect.edit, "text": text, "buttons": buttons,
                **_meta(effect, True)}, now))
            continue
        keyboard: dict[str, list[str]] = (
            {"keyboard": [catalog.render(lang, "btn-counselor-now")]} if effect.keyboard == SOS
            else {"keyboard": []} if effect.keyboard == NO_SOS else {})
        for index, part in enumerate(parts):
            last = index == len(parts) - 1
            payload = {"text": part, "buttons": buttons if last else [], **_meta(effect, last),
                       **(keyboard if last and not buttons else {})}
            rows.append(queue(to, "send", int(effect.priority), payload, now))
    await uow.outbox.add_all(rows)


async def _stale_buttons(uow: UnitOfWork, meta: dict[str, Any], chat_id: int,
                         message_id: int) -> list[int]:
    """Record where an offer's or a case's buttons arrived (to clear them when it moves on);
    the messages in that chat whose buttons are to be cleared now: this one if its offer or
    case already moved on, the same case's earlier ones that it replaces."""
    if meta.get("offer") is not None:
        return [] if await uow.offers.shown(int(meta["offer"]), message_id) else [message_id]
    for key, until in (("case_open", "taken"), ("case_outcome", "resolved"),
                       ("case_handover", "handover")):
        if meta.get(key) is not None:
            meant, replaced = await uow.escalations.shown(
                int(meta[key]), chat_id, message_id, until,
                replace=not meta.get("listed"))  # a /cases line replaces nothing
            return replaced if meant else [message_id]
    return []


def _meta(effect: Reply, last: bool) -> dict[str, object]:
    return {"meta": dict(effect.meta)} if effect.meta and last else {}


Undeliverable = Callable[[Outgoing, SendResult], Awaitable[None]]
BlockedBy = Callable[[Outgoing], Awaitable[None]]


def retry_delay(priority: int, attempts: int, max_backoff: float) -> float:
    """Seconds until a transient failure is retried: exponential, capped; crisis traffic is
    capped at a few seconds so it goes out soon after Telegram is reachable again."""
    cap = min(max_backoff, CRISIS_MAX_BACKOFF) if priority <= Priority.CRISIS else max_backoff
    return float(min(cap, 0.5 * 2 ** min(attempts, 12)))


class Sender:
    """Delivers stored outgoing messages until stopped."""

    def __init__(
        self, store: Store, messenger: Messenger, clock: Clock, config: OutboxConfig,
        on_undeliverable: Undeliverable | None = None, on_blocked: BlockedBy | None = None,
        worker: str = "worker",
    ) -> None:
        self._on_undeliverable = on_undeliverable
        self._on_blocked = on_blocked
        self._store = store
        self._messenger = messenger
        self._clock = clock
        self._config = config
        self._wake = asyncio.Event()
        self.worker = worker  # the id its claims carry (storage.worker_lock)
        self._rate = config.global_rate  # this worker's share of Telegram's overall limit
        self._idle = IDLE_WAIT  # the longest sleep with nothing to send (``share``)
        self._global = AsyncLimiter(self._rate, 1)
        self._last_sent: dict[int, float] = {}
        self._in_flight: dict[int, asyncio.Task[None]] = {}
        self._results: list[tuple[Outgoing, SendResult, asyncio.Future[bool]]] = []
        self._writer: asyncio.Task[None] | None = None  # writes self._results (_record)
        self._stopping = False
        self.sent_count = 0
        self.retry_after_count = 0  # Telegram's 429 answers to this worker (/metrics)

    def wake(self) -> None:
        self._wake.set()

    def halt(self) -> None:
        """Claim nothing more (this worker is stopping: the others send what is left)."""
        self._stopping = True
        self._wake.set()

    def share(self, workers: int) -> None:
        """``workers`` send for this bot now: each keeps to its share of the overall rate,
        so that together they stay within Telegram's limit (per chat, the claims do it);
        with others, it also looks every second for what they queued and could not send."""
        self._idle = IDLE_WAIT if workers <= 1 else SHARED_IDLE_WAIT
        rate = self._config.global_rate / max(1, workers)
        if rate != self._rate:
            log.info("outbox: %d worker(s) sending; this one now sends at most %.1f/s",
                     workers, rate)
            self._rate = rate
            self._global = AsyncLimiter(rate, 1)

    async def run(self) -> None:
        """Deliver until stopped. A failing database never ends the loop: it backs off."""
        failures = 0
        while not self._stopping:
            try:
                self._wake.clear()
                batch = await self._due()
                self._start(batch)
                await self._sleep_until_needed(batch)
                failures = 0
            except asyncio.CancelledError:
                raise
            except Exception:
                failures += 1
                log.exception("outbox: reading due messages failed (%d in a row)", failures)
                await asyncio.sleep(min(5.0, 0.1 * 2 ** min(failures, 6)))

    def _start(self, batch: list[Outgoing]) -> list[asyncio.Task[None]]:
        """Most urgent first: one message per chat at a time."""
        started: list[asyncio.Task[None]] = []
        for item in batch:
            if item.chat_id not in self._in_flight:
                task = asyncio.create_task(self._deliver(item))
                self._in_flight[item.chat_id] = task
                started.append(task)
        return started

    async def deliver_due(self, *, in_order: bool = False) -> int:
        """One pass of the loop, awaited: deliver what is due now (a driver for the model-based
        test; the run loop does the same without waiting). ``in_order``: one message after
        another, most urgent first, so that a run replays exactly (concurrent deliveries to
        different chats finish in whatever order the database thread allows)."""
        if in_order:
            done: set[int] = set()
            for item in await self._due():
                if item.chat_id not in done:
                    done.add(item.chat_id)
                    await self._deliver(item)
            return len(done)
        started = self._start(await self._due())
        if started:
            await asyncio.gather(*started)
        return len(started)

    async def stop(self) -> None:
        self._stopping = True
        self._wake.set()
        tasks = list(self._in_flight.values())
        if tasks:
            await asyncio.wait(tasks, timeout=10)

    async def drain(self, timeout: float) -> bool:
        """Wait until nothing is pending (tests, shutdown). True if drained."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while loop.time() < deadline:
            async with self._store.read() as uow:
                if await uow.outbox.pending_count() == 0 and not self._in_flight:
                    return True
            await asyncio.sleep(0.05)
        return False

    async def _due(self) -> list[Outgoing]:
        """At most about one second's worth of messages in flight: whatever is most urgent
        when a slot frees up goes next (crisis first, even behind a large backlog)."""
        room = int(self._rate) + 2 - len(self._in_flight)
        if room <= 0:
            return []
        with urgent():  # SQLite: before processing (what is due to go out goes out)
            async with self._store() as uow:
                batch = await uow.outbox.due(self._clock(), room,
                                             exclude=list(self._in_flight),
                                             claim_for=self.worker)
                await uow.commit()
        return batch

    async def _sleep_until_needed(self, batch: list[Outgoing]) -> None:
        """Until woken (a message queued in this process, a delivery done) or until the next
        stored message may go (a retry time, a chat's gap), and at most ``self._idle``."""
        timeout = self._idle
        if not batch:
            async with self._store.read() as uow:
                wakeup = await uow.outbox.next_change(self._clock(), self.worker)
            if wakeup is not None:
                timeout = min(timeout, max(0.01, (wakeup - self._clock()).total_seconds()))
        # asyncio.timeout, not wait_for: in Python 3.11 wait_for drops a cancellation that
        # arrives as the wait ends (a delivery waking the loop), and the loop would run on
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(timeout):
                await self._wake.wait()

    async def _pace(self, chat_id: int) -> None:
        loop = asyncio.get_running_loop()
        gap = 1.0 / self._config.per_chat_rate
        last = self._last_sent.get(chat_id)
        if last is not None and loop.time() - last < gap:
            await asyncio.sleep(gap - (loop.time() - last))
        await self._global.acquire()
        self._last_sent[chat_id] = loop.time()
        if len(self._last_sent) > 10_000:
            horizon = loop.time() - 10 * gap
            self._last_sent = {c: t for c, t in self._last_sent.items() if t > horizon}

    async def _deliver(self, item: Outgoing) -> None:
        try:
            await self._pace(item.chat_id)
            result = await self._call(item)
            await self._record(item, result)
        except Exception:  # never lose the message: it stays pending and is retried
            log.exception("outbox: delivering message %s failed", item.id)
        finally:
            self._in_flight.pop(item.chat_id, None)
            self._wake.set()

    async def _call(self, item: Outgoing) -> SendResult:
        if item.method == "clear_buttons":
            return await self._messenger.clear_buttons(item.chat_id, item.payload["message_id"])
        if item.method == "menu":
            return await self._messenger.set_menu(
                item.chat_id, [(c, d) for c, d in item.payload["commands"]])
        if item.method == "edit":
            return await self._messenger.edit_text(
                item.chat_id, item.payload["message_id"], item.payload["text"],
                item.payload["buttons"])
        if item.method == "copy":
            return await self._messenger.copy_message(
                item.chat_id, item.payload["from_chat_id"], item.payload["message_id"])
        return await self._messenger.send_text(
            item.chat_id, item.payload["text"], item.payload["buttons"],
            item.payload.get("keyboard"))

    async def _record(self, item: Outgoing, result: SendResult) -> None:
        """Write down what became of a delivery, then tell the core what it must know.

        Results that come in while others are being written are written together next, in
        one transaction (#14: under load, one commit for many deliveries instead of one
        each); each delivery waits until its own is written."""
        written: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        self._results.append((item, result, written))
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._write_results())
        newly_blocked = await written
        with urgent():  # SQLite: before processing, as the record was
            if newly_blocked and self._on_blocked is not None:
                await self._on_blocked(item)  # e.g. a supporter: off duty, chats re-queued
            refused = isinstance(result, Blocked) or isinstance(result, Rejected) and \
                item.method not in ("clear_buttons", "edit")  # an edit was sent anew
            first_outage = isinstance(result, Transient) and item.attempts == 0
            if (refused or first_outage) and item.payload.get("meta") and \
                    self._on_undeliverable is not None:
                # a crisis ping Telegram refused (403/4xx) or could not take (5xx, network):
                # the next person in the ladder is paged now (an outage keeps retrying this
                # one); a relay Telegram refused: its sender is told
                await self._on_undeliverable(item, result)

    async def _write_results(self) -> None:
        while self._results:
            batch, self._results = self._results, []
            try:
                with urgent():  # SQLite: before processing; the sends already happened
                    async with self._store() as uow:
                        blocked = [await self._record_in(uow, item, result)
                                   for item, result, _ in batch]
                        await uow.commit()
            except Exception as exc:
                if len(batch) == 1:
                    batch[0][2].set_exception(exc)
                    continue
                # one at a time, so that one that cannot be written keeps no other back
                blocked = []
                for item, result, written in batch:
                    try:
                        with urgent():
                            async with self._store() as uow:
                                blocked.append(await self._record_in(uow, item, result))
                                await uow.commit()
                    except Exception as failure:
                        written.set_exception(failure)
                        blocked.append(False)
            for (_, _, written), newly_blocked in zip(batch, blocked, strict=True):
                if not written.done():
                    written.set_result(newly_blocked)

    async def _record_in(self, uow: UnitOfWork, item: Outgoing, result: SendResult) -> bool:
        """Record one delivery in ``uow``; True if it found the chat newly blocking the bot."""
        now = self._clock()
        newly_blocked = False
        if isinstance(result, Sent):
            hold = timedelta(seconds=1.0 / self._config.per_chat_rate)
            await uow.outbox.mark_sent(item.id, result.message_id, now, hold)
            self.sent_count += 1
            meta = item.payload.get("meta", {})
            if meta.get("said") is not None and result.message_id is not None:
                # a student's message reached a staff member: a reply to it finds it
                await uow.sessions.copied(int(meta["said"]), item.chat_id,
                                          result.message_id)
            if meta.get("exercise") is not None and result.message_id is not None:
                # a self-help exercise's message: its next steps are edits of this one
                await uow.exercises.shown(int(meta["exercise"]), int(meta.get("step", 0)),
                                          result.message_id)
            if result.message_id is not None:
                # the offer or the case moved on while its message was on the way (no
                # live buttons), or this ping replaces that person's earlier one
                for stale in await _stale_buttons(uow, meta, item.chat_id,
                                                  result.message_id):
                    await uow.outbox.add(item.chat_id, "clear_buttons", 5,
                                         {"message_id": stale}, now)
                    self.wake()
        elif isinstance(result, RetryAfter):
            self.retry_after_count += 1
            log.info("outbox: 429 for message %s, retry after %ss", item.id, result.seconds)
            later = now + timedelta(seconds=result.seconds)
            await uow.outbox.retry_later(item.id, later, "retry_after", count_attempt=False)
        elif isinstance(result, Blocked):
            log.info("outbox: chat %s blocked the bot; message %s dropped", item.chat_id,
                     item.id)
            await uow.outbox.mark_failed(item.id, "blocked", now)
            person = await uow.people.by_telegram_id(item.chat_id)
            newly_blocked = person is None or not person.blocked_bot
            await uow.people.mark_blocked(item.chat_id)
        elif isinstance(result, Rejected):
            if item.method == "clear_buttons":  # nothing to clear any more: fine
                await uow.outbox.mark_sent(item.id, None, now)
            elif item.method == "edit" and NOT_MODIFIED in result.reason.lower():
                await uow.outbox.mark_sent(item.id, item.payload["message_id"], now)
            elif item.method == "edit":  # too old, deleted: the same words, as a new one
                log.info("outbox: message %s not editable (%s), sent anew", item.id,
                         result.reason)
                await uow.outbox.mark_failed(item.id, result.reason, now)
                payload = {k: v for k, v in item.payload.items() if k != "message_id"}
                await uow.outbox.add(item.chat_id, "send", item.priority, payload, now)
                self.wake()
            else:
                log.warning("outbox: message %s rejected: %s", item.id, result.reason)
                await uow.outbox.mark_failed(item.id, result.reason, now)
        else:
            delay = retry_delay(item.priority, item.attempts, self._config.max_backoff)
            log.warning("outbox: message %s failed (%s), retry in %.1fs", item.id,
                        result.reason, delay)
            later = now + timedelta(seconds=delay)
            await uow.outbox.retry_later(item.id, later, result.reason, count_attempt=True)
        return newly_blocked
