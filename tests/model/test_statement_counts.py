"""How many SQL statements each kind of update costs (#14: "statement counts per update kind
measured by a test helper and reported"). Counted on the whole program in-process
(tests/model/world.py) on SQLite, for the update itself (stored, screened, processed, its
replies queued) and for delivering what it queued (the sender's claims and records), from the
first /start to a risky message in a chat. The ceilings are today's counts: a change that
adds statements to the hot path fails here and says where; one that removes some lowers them.
The README's benchmark section reports the same table (``python -m pytest
tests/model/test_statement_counts.py -s`` prints it; with SEJAWAT_SHOW_SQL=1, every statement)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event

from flows.types import Inbound
from tests.model.test_regressions import DESCRIPTION, DIMAS, STUDENT
from tests.model.world import World

# kind of update -> (statements to process it, statements to deliver what it queued), at most.
# Before #14's hot-path steps (2026-11-27): 21/18, 19/18, 19/11, 51/36, 53/20, 26/13, 20/11,
# 60/27; after the first: 13, 11, 12, 40, 41, 20, 17, 45 to process. Since the second, an
# update's person, member and conversation are read in one statement (storage.uow's prime):
# a person's very first update (the /start here) costs one more, every later one two or
# three fewer. Since the third (statements built once), a chat with no live exercise is looked
# up once per update (intake text, relayed student text, risky text: one fewer) and a relayed
# message's copy is recorded in one statement (one fewer to deliver it). Looking for who is
# with a student in crisis (no new student for them: S17) costs one more each time the queue
# is looked at: a request sent 38 -> 40, an accept 40 -> 41. Since the fourth, what the queue
# reads once is not read again in the same update (who may be offered, who came back, which
# requests are being offered; the declined and expired offers in one statement): a request
# sent 40 -> 34, an accept 41 -> 39; a student's text to a supporter whose focus is that chat
# does not look for their other chats (relayed and risky text: one fewer). The sender claims
# what is due in one statement (UPDATE … RETURNING; was a select, then an update): one fewer
# per claim, 1-4 fewer to deliver an update's replies. A chat's conversation is a row held by
# its repository for the unit of work: a chat found with none is not looked up again (/start
# 14 -> 13). Merged with the same session's other work: a typed intake answer looks up which
# earlier question still shows buttons, to take them away (one keyboard live at a time): intake
# text 9 -> 10 to process, 10 -> 16 to deliver (the typed description's question loses its Back
# button: one more message to Telegram); a new student's pseudonym is drawn unlike those of the
# students waiting or in a chat now (read once): /start 13 -> 14. Accepting a student asks
# whether they have a crisis case open (then the supporter's other offers are withdrawn: S17):
# an accept 39 -> 40. Since the fifth: a student's text in a chat reads the chat with its
# request, its supporter and counselor and their persons in one statement (relayed 16 -> 13,
# risky 40 -> 37); a person read by id is then known by Telegram id (their replies' language
# is not read again: a supporter's text 15 -> 14, an accept 40 -> 39). An update's first read
# also tells whether the chat has a live exercise and an active chat with the student in it:
# a student's text or button with neither looks for them no more (intake button 9 -> 8,
# description 10 -> 9, a request sent 34 -> 33, relayed 13 -> 12, risky 37 -> 36), nor does
# a supporter's text look for a chat of their own as a student (14 -> 13). A message in a
# chat that was not warned as idle cancels no idle closing (none is armed without the
# warning): relayed texts 12/13 -> 11/12, risky 36 -> 35; the chat's activity is one prebuilt
# UPDATE when it changes (was the ORM's flush; none here: the clock stands still). The fifth
# step in all (2026-11-28): a relayed student text 16 -> 11, a supporter's 15 -> 12, a risky
# text in a chat 40 -> 35, the intake's button and text and a request sent and an accept one
# fewer each; delivering unchanged (README: the fifth step, with CPU and calls per kind).
CEILINGS: dict[str, tuple[int, int]] = {
    "/start (a command)": (14, 16),
    "intake button (consent)": (8, 16),
    "intake text (the description)": (9, 16),
    "request sent (offered to a supporter)": (33, 32),
    "supporter accepts": (39, 18),
    "student text relayed": (11, 11),
    "supporter text relayed": (12, 10),
    "high-risk text in a chat": (35, 24),
}
SHOW = "SEJAWAT_SHOW_SQL"  # set it to see every statement of every update


@dataclass
class Counter:
    statements: list[str] = field(default_factory=list)
    on: bool = False

    def __call__(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if self.on:
            self.statements.append(" ".join(statement.split())[:160])

    @contextmanager
    def counting(self) -> Iterator[list[str]]:
        self.statements, self.on = [], True
        try:
            yield self.statements
        finally:
            self.on = False


async def _measure(world: World, counter: Counter, inbound: Inbound) -> tuple[int, int]:
    app = world.running
    with counter.counting() as processing:
        await app.dispatcher.submit(inbound)
        await app.dispatcher.idle(30)
    with counter.counting() as delivering:
        await world.settle()
    if os.environ.get(SHOW):
        print(f"\n{inbound.kind} {inbound.text or inbound.button}:", *processing, "--",
              *delivering, sep="\n  ")
    return len(processing), len(delivering)


async def test_statements_per_update_kind_stay_within_todays_counts(world: World) -> None:
    engine = world.running.engine.sync_engine
    counter = Counter()
    event.listen(engine, "before_cursor_execute", counter)
    counts: dict[str, tuple[int, int]] = {}
    try:
        counts["/start (a command)"] = await _measure(
            world, counter, world.text_update(STUDENT, "/start"))
        counts["intake button (consent)"] = await _measure(
            world, counter, world.press_update(STUDENT, "in:consent:yes"))
        for step in ("in:lang:id", "in:topic:family"):
            await world.submit(world.press_update(STUDENT, step))
        counts["intake text (the description)"] = await _measure(
            world, counter, world.text_update(STUDENT, DESCRIPTION))
        for step in ("in:feeling:3", "in:name:keep"):
            await world.submit(world.press_update(STUDENT, step))
        counts["request sent (offered to a supporter)"] = await _measure(
            world, counter, world.press_update(STUDENT, "in:confirm:"))
        counts["supporter accepts"] = await _measure(
            world, counter, world.press_update(DIMAS, "of:accept:"))
        counts["student text relayed"] = await _measure(
            world, counter, world.text_update(STUDENT, "makasih kak udah mau dengerin aku"))
        counts["supporter text relayed"] = await _measure(
            world, counter,
            world.text_update(DIMAS, "Sama-sama, aku di sini. Cerita aja pelan-pelan."))
        counts["high-risk text in a chat"] = await _measure(
            world, counter, world.text_update(STUDENT, "jujur aku pengen mati aja rasanya"))
    finally:
        event.remove(engine, "before_cursor_execute", counter)
    print("\nSQL statements per update (SQLite): processing the update / delivering its replies")
    for kind, (processing, delivering) in counts.items():
        print(f"  {kind:40} {processing:4} / {delivering:4}")
    for kind, (processing, delivering) in counts.items():
        ceiling = CEILINGS.get(kind)
        if ceiling is not None:
            assert processing <= ceiling[0], f"{kind}: {processing} statements to process " \
                f"(at most {ceiling[0]}; {SHOW}=1 shows them)"
            assert delivering <= ceiling[1], f"{kind}: {delivering} statements to deliver " \
                f"(at most {ceiling[1]}; {SHOW}=1 shows them)"
