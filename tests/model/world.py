"""The whole program in-process, for the model-based test: the real app (storage, handlers,
inbox, outbox sender, durable timers) with a fake Telegram and a clock the test moves.

Nothing here decides anything: it feeds updates the way a transport would, delivers what the
outbox says when the sender would, fires timers when the sweeper would, and keeps what every
person received so the invariants can look at it.
"""

from __future__ import annotations

import logging
import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import text

from bot.app import App, bootstrap
from bot.config import Config
from bot.messenger import Blocked, ButtonRows, Rejected, RetryAfter, SendResult, Sent, Transient
from bot.transport.base import CommandMenu, Submit
from escalation.detector import Detector
from flows.types import Inbound
from storage.db import create_engine, migrate
from storage.models import Base
from tests.people import Staff

START = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)  # Monday 10:00 in Jakarta


class FakeClock:
    def __init__(self, start: datetime = START) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@dataclass
class Message:
    """One message the bot sent to someone, as their Telegram app would show it."""

    chat_id: int
    message_id: int
    text: str
    buttons: list[str]  # callback data, row by row flattened
    at: datetime
    cleared: bool = False


class FakeTelegram:
    """Telegram as the outbox sees it: accepts, refuses (blocked), throttles or fails."""

    username = "sejawat_bot"

    def __init__(self, clock: FakeClock) -> None:
        self._clock = clock
        self.messages: list[Message] = []
        self.by_id: dict[int, Message] = {}
        self.blocked: set[int] = set()
        self.faults: list[SendResult] = []  # the next sends get these, in order
        # Telegram refuses (400) the next relayed message ("relay") or crisis ping ("ping"):
        # the kinds whose refusal the program must handle (a 400 on the bot's own ordinary
        # message would be the bot's defect, not Telegram's); what was refused, for S10
        self.refuse: list[str] = []
        self.refused: list[tuple[int, datetime, str]] = []  # recipient, when, kind
        self.menus: dict[int, list[str]] = {}  # chat -> its own command menu, if it has one
        self.keyboards: dict[int, list[str]] = {}  # chat -> the keys under its typing field
        # edits Telegram refused as "not modified": the message already showed those words
        # (a double tap on a button that changes its own message in place)
        self.unchanged: list[tuple[int, datetime]] = []
        self._next_id = 1000

    async def send_text(self, chat_id: int, text: str, buttons: ButtonRows,
                        keyboard: list[str] | None = None) -> SendResult:
        if chat_id in self.blocked:
            return Blocked()
        if self.refuse:
            kind = "relay" if text.startswith("💬") else "ping" if any(
                b["data"].startswith("es:ack:") for row in buttons for b in row) else ""
            if kind == self.refuse[0]:
                self.refuse.pop(0)
                self.refused.append((chat_id, self._clock(), kind))
                return Rejected("Bad Request: refused by the model")
        if self.faults:
            return self.faults.pop(0)
        if keyboard is not None:
            self.keyboards[chat_id] = keyboard
        self._next_id += 1
        message = Message(chat_id, self._next_id, text, [b["data"] for row in buttons
                                                          for b in row], self._clock())
        self.messages.append(message)
        self.by_id[message.message_id] = message
        return Sent(message.message_id)

    async def clear_buttons(self, chat_id: int, message_id: int) -> SendResult:
        if chat_id in self.blocked:
            return Blocked()
        message = self.by_id.get(message_id)
        if message is None or message.chat_id != chat_id:
            return Rejected("message to edit not found")
        message.cleared = True
        return Sent(None)

    async def edit_text(self, chat_id: int, message_id: int, text: str,
                        buttons: ButtonRows) -> SendResult:
        """The message now reads ``text``: kept here as a new entry with the same id (what the
        person sees from now on; the rules read it like a new message), the old one cleared."""
        if chat_id in self.blocked:
            return Blocked()
        if self.faults:
            return self.faults.pop(0)
        old = self.by_id.get(message_id)
        if old is None or old.chat_id != chat_id:
            return Rejected("message to edit not found")
        data = [b["data"] for row in buttons for b in row]
        if old.text == text and old.buttons == data and not old.cleared:
            self.unchanged.append((chat_id, self._clock()))  # it already shows the answer
            return Rejected("Bad Request: message is not modified")
        old.cleared = True
        message = Message(chat_id, message_id, text, data, self._clock())
        self.messages.append(message)
        self.by_id[message_id] = message
        return Sent(message_id)

    async def copy_message(self, chat_id: int, from_chat_id: int,
                           message_id: int) -> SendResult:
        return await self.send_text(chat_id, "[copy]", [])

    async def set_menu(self, chat_id: int, commands: list[tuple[str, str]]) -> SendResult:
        if chat_id in self.blocked:
            return Blocked()
        if self.faults:
            return self.faults.pop(0)
        self.menus[chat_id] = [c for c, _ in commands]  # [] is the default menu again
        return Sent(None)

    async def start(self) -> None:
        return None

    async def stop(self) -> None:
        return None

    async def set_commands(self, menu: CommandMenu) -> None:
        return None

    def to(self, chat_id: int, since: int = 0) -> list[Message]:
        """Messages to one person, after position ``since`` in the global list."""
        return [m for m in self.messages[since:] if m.chat_id == chat_id]


FAULTS: dict[str, SendResult] = {
    "429": RetryAfter(3.0),
    "5xx": Transient("502 Bad Gateway"),
}


class ErrorLog(logging.Handler):
    """Every exception the program logs is a defect here (S4): handlers must not raise."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if not record.exc_info:  # an alert for the operator (nobody reachable), not a crash
            return
        self.records.append(f"{record.name}: {record.getMessage()}"
                            + (f" [{record.exc_info[0].__name__}]" if record.exc_info and
                               record.exc_info[0] else ""))


SUPPORTERS = (Staff(9101, "supporter", "Dimas", on_duty=True),
              Staff(9102, "supporter", "Ayu"))
COUNSELORS = (Staff(9201, "counselor", "Pak Budi", on_duty=True),
              Staff(9202, "counselor", "Bu Rina"))
COORDINATORS = (Staff(9001, "coordinator", "Bu Sari"),)
STAFF = (*SUPPORTERS, *COUNSELORS, *COORDINATORS)
STUDENTS = {700100001: "id", 700100002: "en", 700100003: "id"}
INVITEES = {700200001: "id", 700200002: "en"}


def model_config(database: Path | str, data_key: str, **sections: dict[str, Any]) -> Config:
    """``database``: a SQLite file, or a PostgreSQL URL."""
    url = database if isinstance(database, str) else f"sqlite+aiosqlite:///{database}"
    raw: dict[str, Any] = {
        "database": {"url": url},
        "privacy": {"data_key": data_key},
        "resources": {"id": [{"name": "Darurat", "contact": "112"}],
                      "en": [{"name": "Emergency", "contact": "112"}]},
        "outbox": {"per_chat_rate": 10_000.0, "global_rate": 10_000.0, "max_backoff": 60.0},
    }
    for name, values in sections.items():
        raw[name] = {**raw.get(name, {}), **values}
    config = Config.model_validate(raw)
    config.check()
    return config


async def make_template(folder: Path, data_key: str) -> Path:
    """A migrated SQLite database with the staff in it, copied for every run (migrating is
    the slow part)."""
    path = folder / "template.sqlite3"
    await _migrate_and_seed(model_config(path, data_key))
    return path


async def reset_postgres(url: str, data_key: str) -> None:
    """The PostgreSQL database as a fresh run needs it: migrated, emptied, the staff in it."""
    engine = create_engine(url)
    await migrate(engine)
    tables = ", ".join(t.name for t in Base.metadata.sorted_tables)
    async with engine.begin() as conn:
        await conn.execute(text(f"TRUNCATE TABLE {tables} RESTART IDENTITY CASCADE"))
    await engine.dispose()
    await _migrate_and_seed(model_config(url, data_key))


async def _migrate_and_seed(config: Config) -> None:
    engine = create_engine(config.database.url)
    await migrate(engine)
    await engine.dispose()
    clock = FakeClock()
    app = bootstrap(config, clock=clock, transport=lambda c, s: FakeTelegram(clock),
                    detector=Detector.load())
    await app.prepare()
    async with app.store() as uow:
        for person in STAFF:
            member = await uow.members.add(
                person.telegram_id, person.role, person.name, clock(),
                languages=person.languages, trained=True)
            member.on_duty = person.on_duty
            await uow.people.get_or_create(person.telegram_id, "en", clock())
        await uow.commit()
    await app.engine.dispose()



@dataclass
class Press:
    """What the model remembers about one button press, for S6."""

    who: int
    data: str
    message_id: int
    position: int  # len(telegram.messages) before the press
    at: datetime


@dataclass
class World:
    config: Config
    clock: FakeClock
    telegram: FakeTelegram
    errors: ErrorLog
    app: App | None = None
    update_id: int = 0
    checked: int = 0  # messages already looked at by S5
    pseudonyms: int = 100
    next_pseudonyms: list[str] = field(default_factory=list)  # drawn before Awan-<n>
    opened: int = 0  # how many times the app was (re)built
    signals: list[tuple[int, datetime, str]] = field(default_factory=list)  # chat, when, why
    held_signals: set[tuple[int, datetime, int]] = field(default_factory=set)  # S1: chat, when,
    # case: a counselor held the case in the chat when the signal came
    presses: list[Press] = field(default_factory=list)
    noticed: set[str] = field(default_factory=set)  # words typed in grounding (S16)

    @classmethod
    async def create(cls, template: Path | str, folder: Path, data_key: str,
                     **sections: dict[str, Any]) -> World:
        """``template``: a SQLite template file (copied), or a PostgreSQL URL (reset)."""
        database: Path | str
        if isinstance(template, str):
            await reset_postgres(template, data_key)
            database = template
        else:
            database = folder / "model.sqlite3"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{database}{suffix}").unlink(missing_ok=True)
            shutil.copyfile(template, database)
        clock = FakeClock()
        world = cls(model_config(database, data_key, **sections), clock, FakeTelegram(clock),
                    ErrorLog())
        logging.getLogger("sejawat").addHandler(world.errors)
        await world.open()
        return world

    @property
    def running(self) -> App:
        assert self.app is not None
        return self.app

    async def open(self) -> None:
        def new_pseudonym() -> str:  # deterministic, so a failing run replays the same
            if self.next_pseudonyms:  # a test's own, first
                return self.next_pseudonyms.pop(0)
            self.pseudonyms += 1
            return f"Awan-{self.pseudonyms - 1}"

        app = bootstrap(self.config, clock=self.clock, transport=self._transport,
                        detector=Detector.load(), new_pseudonym=new_pseudonym)
        app.dispatcher.retry_delay = lambda attempts: 0.0
        await app.prepare()
        self.app = app
        self.opened += 1
        await app.dispatcher.recover()
        await self.settle()

    def _transport(self, config: Config, submit: Submit) -> FakeTelegram:
        return self.telegram

    async def crash(self) -> None:
        """The process dies between updates and starts again from the database."""
        app = self.running
        await app.dispatcher.stop()
        await app.engine.dispose()
        self.app = None
        await self.open()

    async def close(self) -> None:
        logging.getLogger("sejawat").removeHandler(self.errors)
        if self.app is not None:
            await self.app.dispatcher.stop()
            await self.app.engine.dispose()
            self.app = None

    # ---- what people do --------------------------------------------------------------------

    def _inbound(self, who: int, **fields: Any) -> Inbound:
        self.update_id += 1
        language = STUDENTS.get(who) or INVITEES.get(who) or "en"
        return Inbound(update_id=self.update_id, chat_id=who, chat_type="private",
                       sender_id=who, language_code=language, **fields)

    def text_update(self, who: int, text: str) -> Inbound:
        """``who`` writes ``text`` (a command when it starts with "/"), as an update not yet
        submitted: for whoever submits it and measures what it costs (the statement counts,
        bench/bench_hotpath.py)."""
        self.update_id += 1
        command = text[1:].split()[0] if text.startswith("/") else ""
        return Inbound(update_id=self.update_id, chat_id=who, chat_type="private",
                       sender_id=who, language_code="id", kind="command" if command else "text",
                       text=text, command=command, message_id=self.update_id)

    def press_update(self, who: int, prefix: str) -> Inbound:
        """``who`` presses the newest button whose data starts with ``prefix``, as an update
        not yet submitted (as ``text_update``)."""
        message_id, data = [(m, d) for m, d in self.buttons(who) if d.startswith(prefix)][-1]
        self.update_id += 1
        return Inbound(update_id=self.update_id, chat_id=who, chat_type="private",
                       sender_id=who, language_code="id", kind="button", button=data,
                       callback_id=f"cb{self.update_id}", message_id=message_id)

    async def say(self, who: int, text: str, reply_to: int = 0) -> None:
        """``who`` writes ``text`` (as a reply to message ``reply_to``, if given)."""
        await self.submit(self._inbound(who, kind="text", text=text, reply_to=reply_to,
                                        message_id=self.update_id + 1))

    async def command(self, who: int, line: str, reply_to: int = 0) -> None:
        name, _, args = line.lstrip("/").partition(" ")
        await self.submit(self._inbound(who, kind="command", command=name.lower(),
                                        text=args.strip(), reply_to=reply_to))

    async def end(self, who: int, confirm: bool = True) -> None:
        """``/end``, then the answer to the question it asks (*Yes, end it*, or with
        ``confirm=False`` *No, keep chatting*), if it asked one."""
        before = len(self.telegram.messages)
        await self.command(who, "/end")
        for message in self.telegram.to(who, before):
            for data in message.buttons:
                yes = data.startswith("ss:end:") or data.startswith("en:") and \
                    data.endswith(":")
                no = data.startswith("ss:keep:") or data.startswith("en:") and \
                    data.endswith(":keep")
                if (yes if confirm else no) and not message.cleared:
                    await self.press(who, message.message_id, data)
                    return

    async def withdraw(self, who: int) -> None:
        """``/cancel`` of a request sent, then *Yes, cancel it* to the question it asks (if it
        asked one)."""
        before = len(self.telegram.messages)
        await self.command(who, "/cancel")
        for message in self.telegram.to(who, before):
            if "in:withdraw:" in message.buttons and not message.cleared:
                await self.press(who, message.message_id, "in:withdraw:")
                return

    async def media(self, who: int, kind: str, caption: str = "") -> None:
        await self.submit(self._inbound(who, kind="media", media_kind=kind, text=caption,
                                        message_id=self.update_id + 1))

    async def asks(self, student: int, data: str) -> bool:
        """The student's intake is at the screening question this button answers
        (``in:asq-<question>:<answer>``): pressing it now is an answer the intake takes."""
        async with self.running.store() as uow:
            conversation = await uow.conversations.get(student)
            chat = await uow.sessions.active_for_student(student)
        if conversation is None:
            return False
        if data.startswith("aq:"):  # /screen in a chat: the question the chat is at
            return chat is not None and conversation.data.get("asq_at") == data.split(":")[1]
        if data.startswith("in:urgency:"):  # the friend route's last question
            return conversation.flow == "intake" and conversation.state == "friend_urgency"
        return conversation.flow == "intake" and conversation.state == data.split(":")[1]

    async def awaits_answer(self, student: int) -> bool:
        """A screening question waits for this student's answer, so a typed "iya" is a yes:
        the intake's, a supporter's /screen in a chat, or the direct question (its timer)."""
        async with self.running.store() as uow:
            conversation = await uow.conversations.get(student)
            chat = await uow.sessions.active_for_student(student)
            direct = await uow.timers.armed("screening_open", str(student))
        if conversation is not None and conversation.flow == "intake" and \
                conversation.state.startswith("asq-"):
            return True
        if conversation is not None and conversation.flow == "session" and chat is not None \
                and conversation.data.get("asq_at"):
            return True
        return direct is not None

    async def queue(self) -> list[tuple[int, str, datetime]]:
        """The requests waiting, in the order they are offered."""
        async with self.running.store() as uow:
            return [(r.id, r.status, r.created_at) for r in await uow.requests.queued()]

    async def grounding(self, student: int) -> bool:
        """A 5-4-3-2-1 grounding exercise is running in the student's chat."""
        async with self.running.store() as uow:
            live = await uow.exercises.live(student)
            return live is not None and live.kind == "ground" and live.status == "running"

    async def alone(self, student: int) -> bool:
        """Nobody is with this (real, not practice) student or coming to them: no chat, no
        request waiting. "Not sure" to the direct question then pages a counselor (S1)."""
        async with self.running.store() as uow:
            person = await uow.people.by_telegram_id(student)
            if person is None or person.practice_with is not None:
                return False
            return await uow.sessions.active_for_student(student) is None and \
                await uow.requests.open_for(person.id) is None

    async def replied_student(self, member: int, message_id: int) -> int | None:
        """Where the member's reply to ``message_id`` may go: the student whose message it is
        a copy of, if the member is still in an open chat with them (None if not); a reply to
        anything else is plain text, for the chat they focus on (or their only one)."""
        async with self.running.store() as uow:
            said = await uow.sessions.said(member, message_id)
            staff = await uow.members.by_telegram_id(member)
            if staff is None:
                return None
            if said is None:
                chats = list(await uow.sessions.active_for_member(staff.id))
                chosen = [c for c in chats if c.id == staff.focus_session_id] or \
                    (chats if len(chats) == 1 else [])
                return chosen[0].student_chat_id if chosen else None
            if said.chat.status != "active" or \
                    staff.id not in (said.chat.supporter_id, said.chat.counselor_id):
                return None
            return said.chat.student_chat_id

    async def press(self, who: int, message_id: int, data: str) -> Press:
        press = Press(who, data, message_id, len(self.telegram.messages), self.clock())
        self.presses.append(press)
        await self.submit(self._inbound(who, kind="button", button=data,
                                        callback_id=f"cb{self.update_id}",
                                        message_id=message_id))
        return press

    async def practise(self, student: int, trainee: int) -> bool:
        """Make ``student`` a practice student of ``trainee`` (as the sandbox's training
        does); False when it cannot be one (it wrote before, or the trainee is inactive)."""
        from handlers import practice

        async with self.running.store() as uow:
            try:
                await practice.begin(uow, student, trainee, STUDENTS.get(student, "id"),
                                     self.clock())
            except practice.NoPractice:
                return False
            await uow.commit()
        return True

    async def finish_practice(self, student: int) -> None:
        """The sandbox's training is over (its *Finish*, or the scenario's end): the page
        tells the bot through the same hook as ``sejawat sandbox`` (sandbox.run)."""
        from sandbox.run import practice_hook

        await practice_hook(self.running).finish(student)
        await self.settle()

    async def block(self, who: int, blocked: bool) -> None:
        """Someone blocks (or unblocks) the bot: Telegram refuses messages to them and tells
        the bot (my_chat_member)."""
        if blocked:
            self.telegram.blocked.add(who)
        else:
            self.telegram.blocked.discard(who)
        await self.submit(self._inbound(who, kind="member_status",
                                        text="blocked" if blocked else "unblocked"))

    async def submit(self, inbound: Inbound) -> None:
        if inbound.kind != "member_status":
            self.telegram.blocked.discard(inbound.sender_id)  # writing to a bot unblocks it
        app = self.running
        await app.dispatcher.submit(inbound)
        await app.dispatcher.idle(30)
        await self.settle()

    async def advance(self, seconds: float) -> None:
        """Time passes: the clock jumps from one wake-up (a due timer, a message whose retry
        time comes) to the next, so every timer fires exactly when it would."""
        target = self.clock() + timedelta(seconds=seconds)
        while True:
            now = self.clock()
            timer, message = await self._wakeups()
            later = [t for t in (timer, message) if t is not None and t > now]
            wakeup = min(later, default=target)
            if message is not None and message <= now:
                # still due after settling: it waits behind an earlier message to the same
                # chat until that one's retry time (at most max_backoff): step a little
                wakeup = min(wakeup, now + timedelta(seconds=5))
            if timer is not None and timer <= now:  # a timer that keeps failing (S4 reports
                wakeup = min(wakeup, now + timedelta(seconds=60))  # it): a minute at a time
            if wakeup >= target:
                self.clock.now = target
                await self.settle()
                return
            self.clock.now = wakeup
            await self.settle()

    async def _wakeups(self) -> tuple[datetime | None, datetime | None]:
        """When the next timer is due and when the next message may be sent."""
        async with self.running.store() as uow:
            return await uow.timers.next_due(), await uow.outbox.next_wakeup()

    async def settle(self) -> None:
        """Fire due timers and deliver due messages until nothing more is due now."""
        app = self.running
        for _ in range(100):
            fired = await app.timers.sweep()
            sent = await app.sender.deliver_due(in_order=True)
            # a 403 comes back through the inbox (a "blocked" status update): let it finish
            await app.dispatcher.idle(30)
            if not fired and not sent:
                return
        raise AssertionError("the program did not settle: timers or messages loop")

    # ---- what people see -------------------------------------------------------------------

    def buttons(self, who: int) -> list[tuple[int, str]]:
        """Every (message id, callback data) still pressable in a person's chat, oldest first."""
        return [(m.message_id, data) for m in self.telegram.messages
                if m.chat_id == who and not m.cleared for data in m.buttons]

    def latest_buttons(self, who: int) -> list[tuple[int, str]]:
        for message in reversed(self.telegram.to(who)):
            if message.buttons and not message.cleared:
                return [(message.message_id, d) for d in message.buttons]
        return []

    def texts(self, who: int, since: int = 0) -> list[str]:
        return [m.text for m in self.telegram.to(who, since)]


def invite_code(texts: Sequence[str]) -> str | None:
    for said in reversed(texts):
        found = re.search(r"\?start=([A-Za-z0-9_-]+)", said)
        if found:
            return found.group(1)
    return None
