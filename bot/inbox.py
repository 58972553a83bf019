"""Durable inbox and per-chat dispatcher.

A transport calls ``submit``: the update is stored (idempotent by update_id) and only then may
the transport acknowledge it to Telegram. An id is one update only within
``storage.repositories.REDELIVERY_WINDOW`` (two days): Telegram repeats an update within a day,
and after a week with no updates its ids may start again anywhere. Each chat's updates are
processed one at a time in update order; processing an update, storing its replies in the outbox
and marking it done is a single transaction, so a crash at any point either redoes the update or
has fully done it. Several workers on one PostgreSQL database: that transaction first takes the
chat's advisory lock (``Inbox.lock_chat``), so whichever worker received an update, the chat's
updates are processed by one transaction at a time, in update order, each once.

A poisoned update never holds anyone up: lone UTF-16 surrogates (which no database stores) are
replaced with U+FFFD, so the message is still processed and screened; an update that still
cannot be stored for a reason other than a database outage, or that a transport could not
parse at all, is quarantined: kept encrypted with the reason, never processed, logged by id
and reason only, and counted on the health endpoint (``sejawat quarantine list`` shows them).
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
import re
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy.exc import DataError, DBAPIError, DisconnectionError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm.exc import StaleDataError

from bot.outbox import queue_effects
from escalation.detector import RiskLevel
from flows.types import Inbound, Priority, Reply
from handlers.context import Services
from handlers.escalations import open_escalation
from handlers.router import handle, screen_first
from storage.gate import urgent
from storage.uow import Store

log = logging.getLogger("sejawat.inbox")
CRISIS = Priority.CRISIS

MAX_ATTEMPTS = 8  # with the backoff below: about a minute and a half of retries
# A defect in the application layer (anything that is not the database failing or a write
# conflict) fails the same way every time: retried once, not for a minute and a half while
# that student's later updates wait. S4 (tests/model) holds that there are none.
DEFECT_ATTEMPTS = 2


def retry_delay(attempts: int) -> float:
    return float(min(30.0, 0.25 * 2.0 ** attempts))


_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(value: str) -> str:
    """``value`` with every lone UTF-16 surrogate replaced by U+FFFD (pairs are joined)."""
    if not _SURROGATE.search(value):
        return value
    return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def clean(inbound: Inbound) -> Inbound:
    """The Inbound with text that every database and JSON encoder accepts."""
    changes: dict[str, Any] = {f.name: clean_text(v) for f in dataclasses.fields(inbound)
               if isinstance(v := getattr(inbound, f.name), str) and _SURROGATE.search(v)}
    return dataclasses.replace(inbound, **changes) if changes else inbound


def is_outage(exc: BaseException) -> bool:
    """The database (or the way to it) is failing, as opposed to this one update's data:
    worth retrying until it works, never a reason to set an update aside."""
    if isinstance(exc, DataError):
        return False
    # PoolTimeout: every connection busy (e.g. waiting for a chat a stalled worker holds);
    # found by a review: it was taken for the update's own fault and the update set aside
    return isinstance(exc, DBAPIError | DisconnectionError | PoolTimeout | OSError |
                      TimeoutError)


def worth_retrying(exc: BaseException) -> bool:
    """The database failing or a write conflict with another worker: may work next time."""
    return is_outage(exc) or isinstance(exc, StaleDataError)


def _safe_json(raw: Any) -> str:
    """Whatever arrived, as JSON text that can always be encrypted (ASCII escapes)."""
    try:
        return json.dumps(raw, ensure_ascii=True, default=repr)
    except (TypeError, ValueError):
        return json.dumps(repr(raw), ensure_ascii=True)


def chat_of(raw: Any) -> int:
    """The chat an unparseable Bot API update came from, if it can be told (else 0)."""
    if not isinstance(raw, dict):
        return 0
    for value in raw.values():
        if isinstance(value, dict):
            chat = value.get("chat")
            if chat is None and isinstance(value.get("message"), dict):
                chat = value["message"].get("chat")
            if isinstance(chat, dict) and isinstance(chat.get("id"), int):
                return int(chat["id"])
    return 0


def update_id_of(raw: Any) -> int | None:
    if isinstance(raw, dict) and isinstance(raw.get("update_id"), int) and \
            not isinstance(raw.get("update_id"), bool):
        return int(raw["update_id"])
    return None


class Dispatcher:
    def __init__(
        self, store: Store, services: Services, on_outbox: Callable[[], None]
    ) -> None:
        self._store = store
        self._services = services
        self._on_outbox = on_outbox
        self._workers: dict[int, asyncio.Task[None]] = {}
        self._dirty: set[int] = set()
        self.processed = 0
        self.unkeyed_quarantined = 0  # set aside without an update id to keep them by
        self.retry_delay: Callable[[int], float] = retry_delay

    async def submit(self, inbound: Inbound) -> bool:
        """Store an update; retry until stored (never acknowledge what is not stored).

        Returns False for a duplicate delivery, which then has no further effect, and for an
        update that cannot be stored (it is quarantined instead: it never blocks the chat).
        """
        return (await self.submit_many([inbound]))[0]

    async def submit_many(self, inbounds: Sequence[Inbound]) -> list[bool]:
        """Store a whole getUpdates answer in one transaction (#14: one commit instead of one
        per update), then for each new one the crisis fast lane if it is risky, and its chat
        woken. Returns, per update, whether it was new. An answer that cannot be stored whole
        for another reason than an outage is stored one update at a time (the update at
        fault is then quarantined alone)."""
        cleaned = [clean(inbound) for inbound in inbounds]
        if not cleaned:
            return []
        fresh, problem = await self._store_all(cleaned)
        if problem is not None:
            if len(cleaned) == 1:
                inbound = cleaned[0]
                await self.quarantine(inbound.update_id, dataclasses.asdict(inbound),
                                      f"not storable: {problem}", inbound.chat_id)
                return [False]
            log.warning("inbox: %d updates could not be stored together (%s); one at a "
                        "time", len(cleaned), problem)
            return [await self.submit(inbound) for inbound in cleaned]
        new: list[bool] = []
        for inbound in cleaned:  # an id twice in one answer is new once
            new.append(inbound.update_id in fresh)
            fresh.discard(inbound.update_id)
        for inbound, is_new in zip(cleaned, new, strict=True):
            if is_new:  # every risky one screened before any chat is woken
                await self._screen_first(inbound)
        for inbound, is_new in zip(cleaned, new, strict=True):
            if is_new:
                self.kick(inbound.chat_id)
            else:
                log.info("inbox: duplicate update %s ignored", inbound.update_id)
        return new

    async def _store_all(self, cleaned: list[Inbound]) -> tuple[set[int], str | None]:
        """Store updates in one transaction, retrying through an outage: the ids stored now,
        or the kind of failure that is not an outage (nothing stored)."""
        delay = 0.05
        while True:
            try:
                with urgent():
                    async with self._store() as uow:
                        fresh = await uow.inbox.store_many(
                            [(i.update_id, i.chat_id, dataclasses.asdict(i)) for i in cleaned],
                            self._services.clock())
                        await uow.commit()
                return fresh, None
            except Exception as exc:
                if not is_outage(exc):
                    return set(), type(exc).__name__
                log.exception("inbox: storing update(s) %s failed; retrying",
                              ", ".join(str(i.update_id) for i in cleaned[:5]))
                await asyncio.sleep(delay)
                delay = min(delay * 2, 5.0)

    async def _screen_first(self, inbound: Inbound) -> None:
        """The crisis fast lane: a risky text gets its resources and its counselor ping at
        once, in its own transaction, however long the chat's queue is (an earlier update
        that keeps failing included). The update is marked screened so that the ordinary
        path, in order, does the rest without screening it again. If this fails, nothing is
        lost: the ordinary path screens it."""
        text = inbound.text if inbound.kind in ("text", "command", "media") else ""
        if not text.strip() or self._services.detector.assess(text).level < RiskLevel.HIGH:
            return
        try:
            with urgent():
                async with self._store() as uow:
                    await uow.inbox.lock_chat(inbound.chat_id)
                    if not await uow.inbox.unscreened(inbound.update_id):
                        return  # processed in order meanwhile (here or by another worker)
                    effects = await screen_first(uow, self._services, inbound)
                    if effects is None:
                        return
                    now = self._services.clock()
                    await queue_effects(uow, self._services.catalog, effects,
                                        inbound.chat_id, now)
                    await uow.inbox.mark_screened(inbound.update_id)
                    await uow.commit()
            self._on_outbox()
        except Exception:
            log.exception("inbox: the crisis fast lane failed for update %s; it is screened "
                          "in order instead", inbound.update_id)

    async def quarantine(self, update_id: int | None, raw: Any, reason: str,
                         chat_id: int | None = None) -> None:
        """Set aside an update that cannot be processed (a transport could not parse it, or it
        cannot be stored): kept encrypted with the reason, never processed, never retried.
        Returns once it is kept, so a transport may then acknowledge it; logs only the update
        id and the reason (no content)."""
        chat = chat_of(raw) if chat_id is None else chat_id
        log.error("inbox: update %s quarantined (%s); it is skipped", update_id, reason)
        if update_id is None:  # nothing to key it by: counted, and the operator told above
            self.unkeyed_quarantined += 1
            return
        delay = 0.05
        while True:
            try:
                with urgent():
                    async with self._store() as uow:
                        await uow.inbox.quarantine(update_id, chat, _safe_json(raw), reason,
                                                   self._services.clock())
                        await uow.commit()
                return
            except Exception as exc:
                if not is_outage(exc):
                    if chat != 0:  # e.g. a chat id no column holds: keep it without one
                        chat = 0
                        continue
                    log.error("inbox: update %s cannot even be quarantined (%s); skipped",
                              update_id, type(exc).__name__)
                    self.unkeyed_quarantined += 1
                    return
                log.exception("inbox: quarantining update %s failed; retrying", update_id)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 5.0)

    async def health(self) -> dict[str, object]:
        """What /healthz reports: quarantined updates are the operator's to look at."""
        async with self._store.read() as uow:
            count = await uow.inbox.quarantined_count()
        return {"status": "ok", "quarantined": count + self.unkeyed_quarantined}

    def kick(self, chat_id: int) -> None:
        self._dirty.add(chat_id)
        if chat_id not in self._workers:
            self._workers[chat_id] = asyncio.create_task(self._drain(chat_id))

    async def recover(self) -> int:
        """After a restart: process whatever was stored but not processed."""
        async with self._store.read() as uow:
            chats = await uow.inbox.pending_chats()
        for chat_id in chats:
            self.kick(chat_id)
        return len(chats)

    async def idle(self, timeout: float) -> bool:
        """Wait until every stored update has been processed (tests, shutdown)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while self._workers and loop.time() < deadline:
            await asyncio.wait(list(self._workers.values()), timeout=deadline - loop.time())
        return not self._workers

    async def stop(self) -> None:
        for task in list(self._workers.values()):
            task.cancel()
        await asyncio.gather(*self._workers.values(), return_exceptions=True)

    async def _drain(self, chat_id: int) -> None:
        try:
            while True:
                self._dirty.discard(chat_id)
                if not await self._process_next(chat_id) and chat_id not in self._dirty:
                    break
        finally:
            self._workers.pop(chat_id, None)

    async def _process_next(self, chat_id: int) -> bool:
        """Process the chat's next stored update. True: look again (another one waits, or
        this one failed); False: none waits (one stored since then marks the chat dirty)."""
        update_id: int | None = None
        more = True
        try:
            async with self._store() as uow:
                await uow.inbox.lock_chat(chat_id)  # other workers wait (PostgreSQL)
                row, more = await uow.inbox.pending_head(chat_id)
                if row is None:
                    return False
                update_id = row.update_id
                inbound = Inbound(**uow.inbox.payload(row))
                effects = await handle(uow, self._services, inbound, screened=row.screened)
                now = self._services.clock()
                await queue_effects(uow, self._services.catalog, effects, chat_id, now)
                await uow.inbox.finish(update_id, now)
                await uow.commit()
            self.processed += 1
            self._on_outbox()
            return more
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            if update_id is None:
                log.exception("inbox: reading chat %s failed", chat_id)
                await asyncio.sleep(0.5)
                return True
            try:
                await self._failed(chat_id, update_id, exc)
            except Exception:  # the database itself is failing: keep the update, try later
                log.exception("inbox: recording the failure of update %s failed", update_id)
                await asyncio.sleep(1.0)
        self._on_outbox()
        return True

    async def _failed(self, chat_id: int, update_id: int, exc: Exception) -> None:
        log.error("inbox: update %s failed: %s", update_id, type(exc).__name__,
                  exc_info=(type(exc), exc, exc.__traceback__))
        async with self._store() as uow:
            # under the chat's lock, as processing: another worker may have processed it
            # since this attempt failed (found by a review: it was then marked failed and
            # paged a second time)
            await uow.inbox.lock_chat(chat_id)
            row = await uow.inbox.get(update_id)
            if row.status != "pending":
                return
            attempts = await uow.inbox.count_attempt(update_id, type(exc).__name__)
            inbound, screened = Inbound(**uow.inbox.payload(row)), row.screened
            limit = MAX_ATTEMPTS if worth_retrying(exc) else DEFECT_ATTEMPTS
            if attempts >= limit:
                now = self._services.clock()
                await uow.inbox.finish(update_id, now, "failed", type(exc).__name__)
                await queue_effects(uow, self._services.catalog, [Reply("error-generic")],
                                    chat_id, now)
            await uow.commit()
        if attempts >= limit and not screened:
            await self._last_resort(inbound)
        else:
            await asyncio.sleep(self.retry_delay(attempts))

    async def _last_resort(self, inbound: Inbound) -> None:
        """An update that could not be processed: if it shows crisis risk, still send the
        student the emergency numbers and page a counselor, in a minimal transaction."""
        try:
            text = inbound.text if inbound.kind in ("text", "media", "command") else ""
            if not text or self._services.detector.assess(text).level < RiskLevel.HIGH:
                return
            log.critical("inbox: update %s failed for good and shows crisis risk: paging",
                         inbound.update_id)
            async with self._store() as uow:
                now = self._services.clock()
                language = self._services.catalog.language_for(inbound.language_code)
                person = await uow.people.get_or_create(inbound.sender_id, language, now)
                assessment = self._services.detector.assess(text)
                effects = [Reply("crisis-resources", to=inbound.chat_id, priority=CRISIS),
                           *await open_escalation(uow, self._services, inbound.chat_id, person,
                                                  assessment.level, assessment.categories,
                                                  "detector", assessment.excerpt(160))]
                await queue_effects(uow, self._services.catalog, effects, inbound.chat_id, now)
                await uow.commit()
        except Exception:
            log.critical("inbox: the last-resort crisis path failed for update %s",
                         inbound.update_id, exc_info=True)
