"""The product's safety rules as code: each a small function that returns what is wrong.

They hold after every update and every timer (tests/model/test_program_model.py checks them
after every step of random whole-program runs). A new flow adds its rules here.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select

from storage.models import OutboxMessage
from storage.program_models import ChatSession, Escalation, Member, Offer, Timer
from tests.model.world import STAFF, STUDENTS, World

Violations = list[str]
Invariant = Callable[[World], Awaitable[Violations]]

CASE_TIMERS = ("escalation_ack", "escalation_followup")
QUEUE_TIMERS = ("dispatch",)
SLACK = timedelta(seconds=61)  # timers fire on the next sweep; the model's clock steps a minute
STAFF_IDS = {s.telegram_id for s in STAFF}


async def s1_every_signal_is_held(world: World) -> Violations:
    """Every high or imminent signal (detector, screening answer, 🆘, /refer) belongs to an
    escalation case that a counselor holds in the chat, that is resolved, or that has an armed
    timer that will page someone; and someone was paged after the signal unless a counselor
    who took over is in the chat."""
    app = world.running
    async with app.store() as uow:
        cases = list((await uow.session.scalars(select(Escalation))).all())
        timers = list((await uow.session.scalars(
            select(Timer).where(Timer.status == "pending", Timer.kind.in_(CASE_TIMERS))
        )).all())
        chats = list((await uow.session.scalars(
            select(ChatSession).where(ChatSession.status == "active"))).all())
    armed = {t.ref for t in timers}
    queued = await _outbox(world)

    def held(case: Escalation) -> bool:
        return case.status == "taken_over" and any(
            c.student_chat_id == case.student_chat_id and c.counselor_id == case.taken_over_by
            for c in chats)

    wrong: Violations = []
    for case in cases:
        if case.status != "resolved" and not held(case) and str(case.id) not in armed:
            wrong.append(f"S1: case {case.id} ({case.status}) is held by nobody and no timer "
                         "will page anyone")
    for chat_id, when, why in world.signals:
        covering = [c for c in cases if c.student_chat_id == chat_id and
                    (c.resolved_at is None or c.resolved_at >= when)]
        if not covering:
            wrong.append(f"S1: {why} from {chat_id} at {when:%H:%M:%S} belongs to no case")
            continue
        case = covering[-1]
        if case.status == "resolved" or held(case):
            continue
        paged = any(m.chat_id in STAFF_IDS and m.at >= when and
                    any(b.startswith(("es:ack:", "es:take:")) and b.endswith(f":{case.id}")
                        for b in m.buttons)
                    for m in world.telegram.messages)
        paged = paged or any(
            chat in STAFF_IDS and at >= when and payload.get("meta", {}).get("escalation")
            == case.id and payload.get("buttons") for chat, at, payload in queued)
        if not paged and not _nobody_reachable(world):
            wrong.append(f"S1: {why} from {chat_id} at {when:%H:%M:%S}: case {case.id} "
                         f"({case.status}) paged nobody with buttons after it")
    return wrong


async def _outbox(world: World) -> list[tuple[int, datetime, dict[str, Any]]]:
    """Messages waiting for Telegram to take them (throttled, or after a failure)."""
    async with world.running.store() as uow:
        rows = (await uow.session.scalars(
            select(OutboxMessage).where(OutboxMessage.status == "pending",
                                        OutboxMessage.method == "send"))).all()
        return [(r.chat_id, r.created_at, uow.cipher.decrypt_json(r.payload_enc)) for r in rows]


def _nobody_reachable(world: World) -> bool:
    return all(s.telegram_id in world.telegram.blocked for s in STAFF
               if s.role in ("counselor", "coordinator"))


async def s2_no_student_waits_unseen(world: World) -> Violations:
    """A queued request has a pending offer or a timer that will look again."""
    app = world.running
    async with app.store() as uow:
        queued = list(await uow.requests.queued())
        pending = set((await uow.session.scalars(
            select(Offer.request_id).where(Offer.status == "pending"))).all())
        timers = list((await uow.session.scalars(
            select(Timer).where(Timer.status == "pending", Timer.kind.in_(QUEUE_TIMERS))
        )).all())
    return [f"S2: request {r.id} is queued with no offer and no timer to offer it"
            for r in queued if r.id not in pending and not timers]


async def s3_no_chat_with_someone_who_left(world: World) -> Violations:
    """No open chat stays with a supporter who is off duty or deactivated for longer than
    routing.handback_after (plus one sweep) after they left."""
    app = world.running
    limit = timedelta(seconds=world.config.routing.handback_after) + SLACK
    now = world.clock()
    async with app.store() as uow:
        chats = list((await uow.session.scalars(
            select(ChatSession).where(ChatSession.status == "active"))).all())
        members = {m.id: m for m in (await uow.session.scalars(select(Member))).all()}
    wrong: Violations = []
    for chat in chats:
        member = members.get(chat.supporter_id or 0)
        if member is None or (member.active and member.on_duty):
            continue
        left = member.duty_changed_at or chat.started_at
        if now - left > limit:
            wrong.append(f"S3: chat {chat.id} is still with {member.name}, who left "
                         f"{int((now - left).total_seconds())} s ago")
    return wrong


async def s4_no_handler_raises(world: World) -> Violations:
    """An exception in the application layer is a defect (logged at ERROR by the inbox or
    the timer sweeper)."""
    return [f"S4: {line}" for line in world.errors.records]


_INTERNAL = [
    re.compile(r"\{ ?\$"),  # an unfilled placeable
    re.compile(r"\b(topic|risk|btn|role|case|cmd|help|intake|error)-[a-z0-9-]+\b"),
    re.compile(r"(?<![/\w.?=])[a-z]+_[a-z_]+\b"),  # an identifier (not in a link)
    re.compile(r"^(student|supporter|counselor):", re.MULTILINE),
    re.compile(r"(Signs|Tanda|Why|Alasan): (.*, )?(suicide|abuse|violence|hopeless|student|"
               r"refer|screening|detector|onboarding)(,|$)", re.MULTILINE),
    re.compile(r"(Student|Siswa): [-?] "),  # a ping that does not say who
    re.compile(r"screening: (yes|now|no|unsure)"),
]


async def s5_messages_render_completely(world: World) -> Violations:
    """No catalog keys, unfilled placeables or internal names in any message; nothing that
    identifies a student in a message to staff."""
    wrong: Violations = []
    for message in world.telegram.messages:
        for pattern in _INTERNAL:
            found = pattern.search(message.text)
            if found:
                wrong.append(f"S5: message to {message.chat_id} shows {found.group(0)!r}: "
                             f"{message.text[:120]!r}")
        if message.chat_id in STAFF_IDS:
            leaked = [str(s) for s in STUDENTS if str(s) in message.text]
            if leaked:
                wrong.append(f"S5: staff {message.chat_id} saw student id {leaked}")
    return wrong


async def s6_every_press_is_answered(world: World) -> Violations:
    """Every button press gets words back to the one who pressed it (delivered, or waiting in
    the outbox for Telegram to take it)."""
    waiting = [(chat, at) for chat, at, _ in await _outbox(world)]
    wrong: Violations = []
    for press in world.presses:
        answered = any(m.chat_id == press.who for m in world.telegram.messages[press.position:])
        answered = answered or any(chat == press.who and at >= press.at for chat, at in waiting)
        if not answered and press.who not in world.telegram.blocked:
            wrong.append(f"S6: {press.who} pressed {press.data!r} and got no answer")
    return wrong


INVARIANTS: dict[str, Invariant] = {
    "S1": s1_every_signal_is_held,
    "S2": s2_no_student_waits_unseen,
    "S3": s3_no_chat_with_someone_who_left,
    "S4": s4_no_handler_raises,
    "S5": s5_messages_render_completely,
    "S6": s6_every_press_is_answered,
}


async def check(world: World, names: tuple[str, ...] = tuple(INVARIANTS)) -> Violations:
    wrong: Violations = []
    for name in names:
        wrong += await INVARIANTS[name](world)
    return wrong

