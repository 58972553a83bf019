"""The product's safety rules as code: each a small function that returns what is wrong.

They hold after every update and every timer (tests/model/test_program_model.py checks them
after every step of random whole-program runs). Each reads one snapshot of the database, taken
once per check, and what people received. A new flow adds its rules here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select

from escalation.case import HANDOVER
from flows.journey import place_of
from flows.selfhelp import ALLOWED, TIMER
from handlers.context import RecentPresses
from handlers.dispatch import able_on_duty, is_open
from handlers.menus import MENUS
from storage.models import Conversation, Exercise, HelpRequest, OutboxMessage, Person, SafetyPlan
from storage.program_models import ChatSession, Escalation, Member, Offer, Timer
from tests.model.world import STAFF, STUDENTS, World

Violations = list[str]

CASE_TIMERS = ("escalation_ack", "escalation_followup")
QUEUE_TIMERS = ("dispatch",)  # the queue is looked at again
SLACK = timedelta(seconds=61)  # timers fire on the next sweep; the model's clock steps a minute
STAFF_IDS = {s.telegram_id for s in STAFF}


@dataclass(frozen=True)
class Snapshot:
    """What the database says now, read in one transaction."""

    now: datetime
    cases: list[Escalation]
    timers: list[Timer]  # pending
    chats: list[ChatSession]  # active
    members: dict[int, Member]
    queued: list[HelpRequest]
    offered: set[int]  # request ids with a pending offer
    blocked: set[int]  # telegram ids the bot knows have blocked it
    outbox: list[tuple[int, datetime, dict[str, Any]]]  # pending sends: chat, queued at, payload
    pseudonyms: dict[int, str | None]  # telegram id -> the pseudonym staff know them by
    offers: dict[int, str]  # offer id -> status
    clearing: set[tuple[int, int]]  # (chat, message id) whose buttons the bot set out to clear
    menus_pending: set[int]  # chats whose command menu is waiting in the outbox
    practice: dict[int, int]  # a practice student's chat -> its trainee's member id
    practice_requests: dict[int, int]  # a practice request's id -> its trainee's member id
    pending_offers: list[tuple[int, int]]  # (request id, member id)
    offered_at: list[tuple[int, datetime]]  # pending offers: (member id, made at)
    edits: list[tuple[int, datetime]]  # pending edits in place: chat, queued at
    barred: set[int]  # telegram ids a coordinator blocked from peer chats (handlers.blocks)
    barred_requests: set[int]  # the ids of their requests
    plans: dict[int, bool]  # telegram id -> a counselor with them may see their safety plan
    exercises: list[Exercise]  # self-help exercises running or paused
    places: dict[int, str]  # chat -> where the student is (flows.journey.Place), if anywhere


async def snapshot(world: World) -> Snapshot:
    async with world.running.store() as uow:
        s = uow.session
        rows = (await s.scalars(select(OutboxMessage).where(
            OutboxMessage.status == "pending", OutboxMessage.method == "send"))).all()
        clears = (await s.scalars(select(OutboxMessage).where(
            OutboxMessage.method == "clear_buttons"))).all()
        edits = (await s.execute(select(OutboxMessage.chat_id, OutboxMessage.created_at).where(
            OutboxMessage.status == "pending", OutboxMessage.method == "edit"))).all()
        menus = (await s.scalars(select(OutboxMessage.chat_id).where(
            OutboxMessage.method == "menu", OutboxMessage.status == "pending"))).all()
        return Snapshot(
            now=world.clock(),
            cases=list((await s.scalars(select(Escalation).order_by(Escalation.id))).all()),
            timers=list((await s.scalars(select(Timer).where(Timer.status == "pending"))).all()),
            chats=list((await s.scalars(
                select(ChatSession).where(ChatSession.status == "active"))).all()),
            members={m.id: m for m in (await s.scalars(select(Member))).all()},
            queued=list(await uow.requests.queued()),
            offered=set((await s.scalars(
                select(Offer.request_id).where(Offer.status == "pending"))).all()),
            blocked=set((await s.scalars(
                select(Person.telegram_id).where(Person.blocked_bot.is_(True)))).all()),
            outbox=[(r.chat_id, r.created_at, uow.cipher.decrypt_json(r.payload_enc))
                    for r in rows],
            pseudonyms={p.telegram_id: p.pseudonym for p in (await s.scalars(
                select(Person).where(Person.telegram_id.in_(list(STUDENTS))))).all()},
            offers={i: st for i, st in (await s.execute(select(Offer.id, Offer.status))).all()},
            clearing={(r.chat_id, int(uow.cipher.decrypt_json(r.payload_enc)["message_id"]))
                      for r in clears},
            menus_pending=set(menus),
            practice={int(p.telegram_id): int(p.practice_with) for p in (await s.scalars(
                select(Person).where(Person.practice_with.is_not(None)))).all()
                if p.practice_with is not None},
            practice_requests={int(r): int(m) for r, m in (await s.execute(
                select(HelpRequest.id, Person.practice_with).join(
                    Person, Person.id == HelpRequest.person_id).where(
                    Person.practice_with.is_not(None)))).all() if m is not None},
            pending_offers=[(int(r), int(m)) for r, m in (await s.execute(
                select(Offer.request_id, Offer.member_id).where(
                    Offer.status == "pending"))).all()],
            offered_at=[(int(m), at) for m, at in (await s.execute(
                select(Offer.member_id, Offer.created_at).where(
                    Offer.status == "pending"))).all()],
            edits=[(int(chat), at) for chat, at in edits],
            barred=set((await s.scalars(select(Person.telegram_id).where(
                Person.blocked_until > world.clock()))).all()),
            plans={int(t): bool(share) for t, share in (await s.execute(
                select(Person.telegram_id, SafetyPlan.share).join(
                    SafetyPlan, SafetyPlan.person_id == Person.id))).all()},
            barred_requests=set((await s.scalars(select(HelpRequest.id).join(
                Person, Person.id == HelpRequest.person_id).where(
                Person.blocked_until > world.clock()))).all()),
            exercises=list((await s.scalars(select(Exercise).where(
                Exercise.status.in_(("running", "paused"))))).all()),
            places={int(chat): place_of(flow, state).value for chat, flow, state in (
                await s.execute(select(Conversation.chat_id, Conversation.flow,
                                       Conversation.state))).all()},
        )


def s1_every_signal_is_held(world: World, db: Snapshot) -> Violations:
    """Every high or imminent signal (detector, screening answer, 🆘, /refer) belongs to an
    escalation case that a counselor holds in the chat, that is resolved, or that has an armed
    timer that will page someone; a signal on a case someone only acknowledged pages again
    (someone got *Acknowledge* / *Take over* after it)."""
    armed = {t.ref for t in db.timers if t.kind in CASE_TIMERS}

    def held(case: Escalation) -> bool:
        return case.status == "taken_over" and any(
            c.student_chat_id == case.student_chat_id and c.counselor_id == case.taken_over_by
            for c in db.chats)

    def paged_after(case: Escalation, when: datetime) -> bool:
        def for_case(buttons: list[str]) -> bool:
            return any(b.startswith(("es:ack:", "es:take:")) and b.endswith(f":{case.id}")
                       for b in buttons)

        sent = any(m.chat_id in STAFF_IDS and m.at >= when and for_case(m.buttons)
                   for m in world.telegram.messages)
        waiting = any(chat in STAFF_IDS and at >= when and payload.get("buttons") and
                      payload.get("meta", {}).get("escalation") == case.id
                      for chat, at, payload in db.outbox)
        return sent or waiting

    wrong: Violations = []
    for case in db.cases:
        if case.status != "resolved" and not held(case) and str(case.id) not in armed:
            wrong.append(f"S1: case {case.id} ({case.status}) is held by nobody and no timer "
                         "will page anyone")
    for chat_id, when, why in world.signals:
        if chat_id in db.practice:
            continue  # practice pages nobody (S10)
        covering = [c for c in db.cases if c.student_chat_id == chat_id and
                    (c.resolved_at is None or c.resolved_at >= when)]
        if not covering:
            wrong.append(f"S1: {why} from {chat_id} at {when:%H:%M:%S} belongs to no case")
            continue
        case = covering[-1]
        if held(case):
            world.held_signals.add((chat_id, when, case.id))
        if case.status == "resolved" or held(case):
            continue
        if case.status == "open" and str(case.id) in armed:
            continue  # the ladder is paging: its timer pages the next person
        if case.status == "acknowledged" and str(case.id) in armed and \
                case.acknowledged_at is not None and case.acknowledged_at >= when:
            continue  # acknowledged after it came (page, then acknowledge: the usual way);
            # the follow-up timer pages again if nobody takes over
        if case.status == "taken_over" and str(case.id) in armed and \
                (chat_id, when, case.id) in world.held_signals:
            continue  # a counselor was with them when it came; the chat ended since, and the
            # follow-up timer asks that counselor for the outcome
        if not paged_after(case, when) and not _nobody_reachable(world):
            wrong.append(f"S1: {why} from {chat_id} at {when:%H:%M:%S}: case {case.id} "
                         f"({case.status}) paged nobody with buttons after it")
    return wrong


def _nobody_reachable(world: World) -> bool:
    return all(s.telegram_id in world.telegram.blocked for s in STAFF
               if s.role in ("counselor", "coordinator"))


def s2_no_student_waits_unseen(world: World, db: Snapshot) -> Violations:
    """A queued request has a pending offer or a timer that will look at the queue again; a
    student nobody on duty could take (in program hours) has been told so, at once, with the
    resources, also when the last one who could left after they were told their place."""
    looking = any(t.kind in QUEUE_TIMERS for t in db.timers)
    wrong = [f"S2: request {r.id} is queued with no offer and no timer to offer it"
             for r in db.queued if r.id not in db.offered and not looking]
    if not is_open(world.running.services, db.now):
        return wrong
    on_duty = [m for m in db.members.values() if m.role == "supporter" and m.on_duty]
    for request in db.queued:
        if request.id in db.practice_requests:
            continue  # its trainee's, on duty or not (S10)
        if not able_on_duty(on_duty, request) and request.wait_told != "nobody":
            wrong.append(f"S2: nobody on duty can take request {request.id}, but its student "
                         f"was last told {request.wait_told!r}")
    return wrong


def s3_no_chat_with_someone_who_left(world: World, db: Snapshot) -> Violations:
    """No open chat stays with a supporter who is off duty or deactivated for longer than
    routing.handback_after (plus one sweep) after they left."""
    limit = timedelta(seconds=world.config.routing.handback_after) + SLACK
    wrong: Violations = []
    for chat in db.chats:
        member = db.members.get(chat.supporter_id or 0)
        if member is None or (member.active and member.on_duty) or \
                member.active and db.practice.get(chat.student_chat_id) == member.id:
            continue  # (a trainee practises on duty or not)
        left = member.duty_changed_at or chat.started_at
        if db.now - left > limit:
            wrong.append(f"S3: chat {chat.id} is still with {member.name}, who left "
                         f"{int((db.now - left).total_seconds())} s ago")
    return wrong


def s4_no_handler_raises(world: World, db: Snapshot) -> Violations:
    """An exception in the application layer is a defect (logged by the inbox or the timer
    sweeper with its traceback)."""
    return [f"S4: {line}" for line in world.errors.records]


_LINK = re.compile(r"https?://\S+")
_INTERNAL = [
    re.compile(r"\{ ?\$"),  # an unfilled placeable
    re.compile(r"\b(topic|risk|btn|role|case|cmd|help|intake|error|reason)-[a-z0-9-]+\b"),
    re.compile(r"(?<![/\w.?=])[a-z]+_[a-z_]+\b"),  # an identifier (not in a link)
    re.compile(r"^(student|supporter|counselor):", re.MULTILINE),
    re.compile(r"(Signs|Tanda|Why|Alasan): (.*, )?(suicide|abuse|violence|hopeless|student|"
               r"refer|screening|detector|onboarding)(,|$)", re.MULTILINE),
    re.compile(r"(Student|Siswa): [-?] "),  # a ping that does not say who
    re.compile(r"screening: (yes|now|no|unsure)"),
]


def s5_messages_render_completely(world: World, db: Snapshot) -> Violations:
    """No catalog keys, unfilled placeables or internal names in any message; nothing that
    identifies a student in a message to staff."""
    wrong: Violations = []
    for message in world.telegram.messages[world.checked:]:
        text = _LINK.sub("", message.text)  # an invite code may look like anything
        for pattern in _INTERNAL:
            found = pattern.search(text)
            if found:
                wrong.append(f"S5: message to {message.chat_id} shows {found.group(0)!r}: "
                             f"{message.text[:120]!r}")
        if message.chat_id in STAFF_IDS:
            leaked = [str(s) for s in STUDENTS if str(s) in message.text]
            if leaked:
                wrong.append(f"S5: staff {message.chat_id} saw student id {leaked}")
    return wrong


_OVER = {  # buttons that mean nothing once their offer or case is in one of these states
    "of:accept": ("accepted", "declined", "expired", "withdrawn"),
    "of:decline": ("accepted", "declined", "expired", "withdrawn"),
    "es:ack": ("taken_over", "resolved"),
    "es:take": ("taken_over", "resolved"),
    "es:out": ("resolved",),
}


def s6_every_press_is_answered(world: World, db: Snapshot) -> Violations:
    """Every button press gets words back to the one who pressed it (delivered, or waiting in
    the outbox for Telegram to take it); the buttons of an offer or a case that is over are
    taken away (or the bot set out to, and Telegram has not taken the edit yet)."""
    wrong: Violations = []
    cases = {c.id: c.status for c in db.cases}
    handing = {c.id for c in db.cases  # a take-over asked for by a counselor going off
               if c.status == "taken_over" and (c.ladder or {}).get(HANDOVER)}  # duty (S18)
    for message in world.telegram.messages:
        if message.cleared or (message.chat_id, message.message_id) in db.clearing:
            continue
        # a message that also carries outcome buttons keeps its Take over until the case is
        # resolved (pressed after someone else took over, it says who did)
        outcomes = any(d.startswith("es:out:") for d in message.buttons)
        for data in message.buttons:
            parts = data.split(":")
            prefix, ident = ":".join(parts[:2]), parts[2] if len(parts) > 2 else ""
            if outcomes and prefix in ("es:ack", "es:take"):
                prefix = "es:out"
            if prefix == "es:take" and ident.isdigit() and int(ident) in handing:
                continue
            status = (db.offers if prefix.startswith("of:") else cases).get(
                int(ident) if ident.isdigit() else -1)
            if status in _OVER.get(prefix, ()):
                wrong.append(f"S6: {message.chat_id} still has {data!r} though it is {status}")
                break
    for index, press in enumerate(world.presses):
        answered = any(m.chat_id == press.who for m in world.telegram.messages[press.position:])
        answered = answered or any(  # the second tap of a double tap: the first one's answer
            (p.who, p.message_id, p.data) == (press.who, press.message_id, press.data)
            and timedelta(0) <= press.at - p.at <= RecentPresses.WINDOW
            for p in world.presses[:index])
        answered = answered or any(chat == press.who and at >= press.at
                                   for chat, at, _ in db.outbox)
        answered = answered or any(chat == press.who and at >= press.at  # the same message,
                                   for chat, at in db.edits)  # changed in place (Telegram busy)
        answered = answered or any(chat == press.who and at >= press.at  # or already showing
                                   for chat, at in world.telegram.unchanged)  # the answer
        if not answered and press.who not in world.telegram.blocked:
            wrong.append(f"S6: {press.who} pressed {press.data!r} and got no answer")
    return wrong


_PING = re.compile(r"^🆘+ (Escalation|Kasus) #(?P<id>\d+)")
_PING_PARTS = {
    "level": re.compile(r"#\d+ (is NOT yet taken care of |BELUM ada yang menangani )?— \S"),
    "who": re.compile(r"^((Student|Siswa): (?P<pseudonym>Awan-\d+) · (Topic|Topik): \S"
                      r"|Someone (joining|on) the team|(Calon a|A)nggota tim)", re.MULTILINE),
    "reason": re.compile(r"^(Why|Alasan): \S", re.MULTILINE),
    "words": re.compile(r"^(Their words|Kata-katanya): \S", re.MULTILINE),
}


def s7_a_ping_says_who_why_and_their_words(world: World, db: Snapshot) -> Violations:
    """Every ping carries the pseudonym (the student's own), the topic, the level, the reason
    and the student's own words (or says they wrote nothing yet)."""
    students = {c.id: c.student_chat_id for c in db.cases}
    wrong: Violations = []
    for message in world.telegram.messages[world.checked:]:
        head = _PING.match(message.text)
        if head is None or message.chat_id not in STAFF_IDS:
            continue
        missing = [part for part, pattern in _PING_PARTS.items()
                   if not pattern.search(message.text)]
        if missing:
            wrong.append(f"S7: ping {message.text[:60]!r} lacks {', '.join(missing)}")
            continue
        shown = _PING_PARTS["who"].search(message.text)
        student = students.get(int(head.group("id")))
        expected = db.pseudonyms.get(student) if student is not None else None
        if shown is not None and shown.group("pseudonym") and expected and \
                shown.group("pseudonym") != expected:
            wrong.append(f"S7: ping for case {head.group('id')} calls the student "
                         f"{shown.group('pseudonym')}, who is {expected}")
    return wrong


def s8_nobody_who_blocked_the_bot_is_on_duty(world: World, db: Snapshot) -> Violations:
    """A member who blocked the bot (Telegram told us, or refused a message with 403) is
    treated as off duty at once: nothing is offered to them, no chat waits for them."""
    return [f"S8: {m.name} blocked the bot and is still on duty"
            for m in db.members.values() if m.on_duty and m.telegram_id in db.blocked]


def s9_each_member_has_their_roles_menu(world: World, db: Snapshot) -> Violations:
    """A member whose command menu the bot set (they joined, were paused or came back) has
    their role's while active and the default one while paused (or a change is on its way)."""
    wrong: Violations = []
    for member in db.members.values():
        shown = world.telegram.menus.get(member.telegram_id)
        if shown is None or member.telegram_id in db.menus_pending or \
                member.telegram_id in world.telegram.blocked:
            continue
        expected = list(MENUS[member.role]) if member.active else []
        if shown != expected:
            wrong.append(f"S9: {member.name} ({member.role}, active={member.active}) has the "
                         f"menu {shown}")
    return wrong


def s10_practice_stays_with_its_trainee(world: World, db: Snapshot) -> Violations:
    """A practice student (the sandbox's training: handlers.practice) takes nobody else's
    attention: no case is opened for it (nobody is paged), its request is offered to its
    trainee only, and its chat is with its trainee only."""
    wrong = [f"S10: case {c.id} was opened for practice student {c.student_chat_id}"
             for c in db.cases if c.student_chat_id in db.practice]
    for request_id, member_id in db.pending_offers:
        trainee = db.practice_requests.get(request_id)
        if trainee is not None and member_id != trainee:
            wrong.append(f"S10: practice request {request_id} is offered to member {member_id}")
    for chat in db.chats:
        trainee = db.practice.get(chat.student_chat_id)
        if trainee is not None and (chat.supporter_id != trainee or chat.counselor_id):
            wrong.append(f"S10: practice chat {chat.id} is with {chat.supporter_id} / "
                         f"{chat.counselor_id}, not only its trainee {trainee}")
    return wrong


def s11_a_refused_relay_is_never_silent(world: World, db: Snapshot) -> Violations:
    """A relayed message Telegram refused (400): whoever wrote it is told in words that it did
    not arrive (student or staff), unless they blocked the bot themselves."""
    catalog = world.running.services.catalog
    notices = tuple(catalog.render(lang, key, {"pseudonym": "\x00"}).split("\x00")[0][:24]
                    for lang in ("id", "en")
                    for key in ("delivery-refused-student", "delivery-refused-staff"))
    wrong: Violations = []
    for recipient, at, kind in world.telegram.refused:
        if kind != "relay":
            continue
        told = any(m.at >= at and m.chat_id != recipient and m.text.startswith(notices)
                   for m in world.telegram.messages)
        waiting = any(chat != recipient and when >= at and
                      str(payload.get("text", "")).startswith(notices)
                      for chat, when, payload in db.outbox)
        if not (told or waiting or world.telegram.blocked - {recipient}):
            wrong.append(f"S11: a relay to {recipient} refused at {at:%H:%M:%S}: its sender "
                         "was never told")
    return wrong


def s12_a_counselor_is_never_shut_out_of_their_case(world: World,
                                                    db: Snapshot) -> Violations:
    """A case a counselor took over whose chat has ended (the student ended it, or it went
    quiet) is still theirs, and they can act on it: they have, live in their chat, the way
    back in (*Open the chat again*) and its outcome buttons, until it is resolved."""
    wrong: Violations = []
    for case in db.cases:
        if case.status != "taken_over" or any(
                c.student_chat_id == case.student_chat_id and c.counselor_id == case.taken_over_by
                for c in db.chats):
            continue
        holder = db.members.get(case.taken_over_by or 0)
        if holder is None or not holder.active or holder.telegram_id in world.telegram.blocked:
            continue  # S3's side: the case is released and pages again
        back, outcome = f"es:take:{case.id}", f"es:out:{case.id}:"
        live = [b for m in world.telegram.messages
                if m.chat_id == holder.telegram_id and not m.cleared for b in m.buttons]
        live += [str(b.get("data")) for chat, _, payload in db.outbox
                 if chat == holder.telegram_id for row in payload.get("buttons") or []
                 for b in row]
        if back not in live or not any(b.startswith(outcome) for b in live):
            wrong.append(f"S12: case {case.id}'s chat ended; its counselor "
                         f"{holder.telegram_id} has no way back in or no outcome buttons")
    return wrong


def s13_a_blocked_student_is_offered_to_no_supporter(world: World,
                                                    db: Snapshot) -> Violations:
    """A student a coordinator blocked after a report is offered to no supporter and is in no
    chat with one (a counselor may stay with them); their crisis handling is S1's, unchanged."""
    wrong: Violations = [f"S13: blocked student's request {request} is offered to member {member}"
                         for request, member in db.pending_offers
                         if request in db.barred_requests]
    wrong += [f"S13: blocked student {c.student_chat_id} is in a chat with supporter "
              f"{c.supporter_id}" for c in db.chats
              if c.student_chat_id in db.barred and c.supporter_id is not None]
    return wrong


def s17_a_supporter_with_a_student_in_crisis_is_offered_no_one_new(world: World,
                                                                   db: Snapshot) -> Violations:
    """A supporter in a chat whose student has a crisis case not yet resolved is offered no new
    student from the moment the case opened (or the chat began, if later): that student has
    their attention (a trial: a supporter with a student on a rooftop was offered the next)."""
    since: dict[int, datetime] = {}
    for chat in db.chats:
        for case in db.cases:
            if chat.supporter_id is not None and case.student_chat_id == chat.student_chat_id \
                    and case.status != "resolved":
                opened = max(case.created_at, chat.started_at)
                since[chat.supporter_id] = min(since.get(chat.supporter_id, opened), opened)
    return [f"S17: member {member} with a student in crisis was offered a new one at {at}"
            for member, at in db.offered_at if member in since and at >= since[member]]


def s18_a_counselor_going_off_duty_hands_the_case_on(world: World,
                                                     db: Snapshot) -> Violations:
    """A counselor who goes off duty while in the chat of a crisis case they took over asks
    colleagues to take it over (escalation.case.HANDOVER): while it is asked, the case is
    still theirs and they are off duty; and it is asked for at most routing.handback_after
    (plus one sweep) while the chat is open: then a colleague has it, or it is released and
    pages (S1), or they are back on duty. (A trial: going off duty paged the case as "NOT yet
    taken care of" while the counselor was still writing to the student.)"""
    limit = timedelta(seconds=world.config.routing.handback_after) + SLACK
    wrong: Violations = []
    for case in db.cases:
        asker = (case.ladder or {}).get(HANDOVER)
        if not asker or case.status == "resolved":
            continue
        member = db.members.get(int(asker))
        if case.status != "taken_over" or case.taken_over_by != asker:
            wrong.append(f"S18: case {case.id} asks for a take-over for {asker}, but it is "
                         f"{case.status} by {case.taken_over_by}")
        elif member is not None and member.active and member.on_duty:
            wrong.append(f"S18: case {case.id}: {member.name} is back on duty, and colleagues "
                         "are still asked to take it over")
        elif member is not None and any(c.counselor_id == member.id and
                                        c.student_chat_id == case.student_chat_id
                                        for c in db.chats) and \
                db.now - (member.duty_changed_at or case.created_at) > limit:
            wrong.append(f"S18: case {case.id} has waited for a take-over since "
                         f"{member.duty_changed_at} with {member.name} off duty in the chat")
    return wrong


_PLAN_SHOWN = re.compile(r"^📝 (?:(?P<en>\S+)'s safety plan|Rencana keselamatan (?P<id>\S+) \()")


def s14_a_plan_reaches_the_team_only_with_the_students_yes(world: World,
                                                          db: Snapshot) -> Violations:
    """A student's safety plan is shown to someone on the team only if the student said a
    counselor with them may see it (and it is shown to nobody else in the team's chats)."""
    shared = {db.pseudonyms.get(t): share for t, share in db.plans.items()}
    wrong: Violations = []
    for message in world.telegram.messages[world.checked:]:
        head = _PLAN_SHOWN.match(message.text)
        if head is None or message.chat_id not in STAFF_IDS:
            continue
        pseudonym = head.group("en") or head.group("id")
        if not shared.get(pseudonym):
            wrong.append(f"S14: {message.chat_id} was shown {pseudonym}'s plan without their yes")
    return wrong


def s15_an_exercise_runs_only_beside_a_wait(world: World, db: Snapshot) -> Violations:
    """A self-help exercise runs only where the student is not telling the bot anything or
    chatting (nothing in progress, waiting, feedback): a chat that starts stops it, so no
    exercise talks over a supporter or takes words meant for a request. A running breathing
    exercise always has its next step set (none hangs half-way); a paused one has none."""
    wrong: Violations = []
    stepping = {t.ref for t in db.timers if t.kind == TIMER and "step" in t.payload}
    for exercise in db.exercises:
        place = db.places.get(exercise.chat_id, "none")
        if place not in ALLOWED:
            wrong.append(f"S15: exercise {exercise.id} is {exercise.status} while "
                         f"{exercise.chat_id} is at {place}")
        timed = str(exercise.id) in stepping
        if exercise.kind != "ground" and timed != (exercise.status == "running"):
            wrong.append(f"S15: {exercise.status} exercise {exercise.id} "
                         f"{'has' if timed else 'has no'} next step set")
    return wrong


def s16_words_typed_in_an_exercise_reach_no_one(world: World, db: Snapshot) -> Violations:
    """What a student types during grounding (what they notice) is shown to no one in the
    team: it is screened (S1), then dropped."""
    return [f"S16: {m.chat_id} was shown words typed in an exercise: {m.text[:60]!r}"
            for m in world.telegram.messages[world.checked:]
            if m.chat_id in STAFF_IDS and any(w in m.text for w in world.noticed)]


INVARIANTS: dict[str, Callable[[World, Snapshot], Violations]] = {
    "S1": s1_every_signal_is_held,
    "S2": s2_no_student_waits_unseen,
    "S3": s3_no_chat_with_someone_who_left,
    "S4": s4_no_handler_raises,
    "S5": s5_messages_render_completely,
    "S6": s6_every_press_is_answered,
    "S7": s7_a_ping_says_who_why_and_their_words,
    "S8": s8_nobody_who_blocked_the_bot_is_on_duty,
    "S9": s9_each_member_has_their_roles_menu,
    "S10": s10_practice_stays_with_its_trainee,
    "S11": s11_a_refused_relay_is_never_silent,
    "S12": s12_a_counselor_is_never_shut_out_of_their_case,
    "S13": s13_a_blocked_student_is_offered_to_no_supporter,
    "S14": s14_a_plan_reaches_the_team_only_with_the_students_yes,
    "S15": s15_an_exercise_runs_only_beside_a_wait,
    "S16": s16_words_typed_in_an_exercise_reach_no_one,
    "S17": s17_a_supporter_with_a_student_in_crisis_is_offered_no_one_new,
    "S18": s18_a_counselor_going_off_duty_hands_the_case_on,
}


async def check(world: World, names: tuple[str, ...] = tuple(INVARIANTS)) -> Violations:
    db = await snapshot(world)
    wrong: Violations = []
    for name in names:
        wrong += INVARIANTS[name](world, db)
    world.checked = len(world.telegram.messages)  # S5 looks at each message once
    return wrong
