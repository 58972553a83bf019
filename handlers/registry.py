"""Every command and button of the bot, who may use it and which handler runs, read top to
bottom.

The router decodes a button's data once (flows.buttons), finds the row here by role and
command name or button prefix (and event), and checks the role ONCE, before the handler runs.
Someone whose role a row does not allow gets the row's ``refused`` answer and nothing changes:
``not-allowed`` for a command, the stale-button answer for a button (the roster and case
buttons say ``not-allowed``, as they always have). A command no staff row knows is an unknown
command; a button no staff row knows is a stale button.

Students are everyone who is not an active member. What a student sends that no STUDENT row
claims goes to the conversation they are in (handlers.student.converse): intake, the chat with
a supporter and feedback read their own buttons (``in:``, ``ss:``, ``fb:``) as flow events.

The data formats and command names are what operators and messages already sent rely on:
change them only together with everything that reads them (the prefixes are spelled out here
so the table reads on its own; tests check they are the ones the buttons are built with).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Generic, NamedTuple, TypeVar

from flows.buttons import ButtonData
from flows.types import Effect, Inbound
from handlers import (
    blocks,
    cases,
    coordinator,
    escalations,
    friend,
    plans,
    privacy,
    reports,
    screen,
    selfhelp,
    staff,
    student,
    wellbeing,
)
from handlers.context import Services
from storage.uow import UnitOfWork

Role = str  # a member's role in the database, or A_STUDENT for everyone else
A_STUDENT: Role = "student"
STUDENT: frozenset[Role] = frozenset({A_STUDENT})
SUPPORTER: frozenset[Role] = frozenset({"supporter"})
COUNSELOR: frozenset[Role] = frozenset({"counselor"})
COORDINATOR: frozenset[Role] = frozenset({"coordinator"})
ON_DUTY = SUPPORTER | COUNSELOR  # who goes on duty and chats with students
CASE_STAFF = COUNSELOR | COORDINATOR  # who is paged about escalations and handles cases
STAFF = SUPPORTER | COUNSELOR | COORDINATOR
# anyone, about themselves: handled as the person they are (handlers.router, before the role
# split), e.g. the answer to "are you thinking of killing yourself?" from a student, someone
# joining the team or a member of it
ANYONE = STUDENT | STAFF

NOT_ALLOWED, STALE = "not-allowed", "error-stale-button"

Actor = TypeVar("Actor")  # storage's Member for staff rows, Person for STUDENT rows


@dataclass(frozen=True)
class Command(Generic[Actor]):
    """``/name`` from someone whose role is in ``roles``."""

    name: str
    roles: frozenset[Role] = field(kw_only=True)
    handler: Callable[[UnitOfWork, Services, Inbound, Actor], Awaitable[list[Effect]]] = field(
        kw_only=True)
    refused: str = field(default=NOT_ALLOWED, kw_only=True)


@dataclass(frozen=True)
class Button(Generic[Actor]):
    """A press of a button whose data starts with ``prefix``; with ``event``, only data whose
    first part is that event (``of:accept:…``); without, any data of that prefix."""

    prefix: str
    event: str | None = None
    roles: frozenset[Role] = field(kw_only=True)
    handler: Callable[[UnitOfWork, Services, Inbound, Actor, ButtonData],
                      Awaitable[list[Effect]]] = field(kw_only=True)
    refused: str = field(default=STALE, kw_only=True)


COMMANDS: tuple[Command[Any], ...] = (
    # staff: everyone in the team
    Command("start", roles=STAFF, handler=staff.welcome),
    Command("help", roles=STAFF, handler=staff.help_),
    # a coordinator has no chats: these answer them that there is none
    Command("chats", roles=STAFF, handler=staff.chats),
    Command("end", roles=STAFF, handler=staff.end),
    Command("note", roles=STAFF, handler=staff.note),
    Command("handoff", roles=STAFF, handler=staff.handoff),
    Command("refer", roles=STAFF, handler=cases.refer),
    # as a reply to a student's message: the detector missed it / flagged it wrongly
    Command("missed", roles=STAFF, handler=reports.missed),
    Command("falsealarm", roles=STAFF, handler=reports.false_alarm),
    Command("screen", roles=ON_DUTY, handler=screen.start),  # the ASQ questions, in a chat
    # a student who was abusive or sexual in a chat: reported, and coordinators decide
    Command("report", roles=ON_DUTY, handler=blocks.report),
    Command("reports", roles=COORDINATOR, handler=blocks.reports),
    # the student's safety plan: offer it in the chat; read it if they said yes to that
    Command("offerplan", roles=ON_DUTY, handler=plans.offer),
    Command("theirplan", roles=COUNSELOR, handler=plans.theirs),  # (the student's yes is
    # for a counselor: seen, a supporter read a plan its student had shared with counselors)
    Command("duty", roles=ON_DUTY, handler=staff.duty),
    Command("checkin", roles=ON_DUTY, handler=wellbeing.note),  # a word with the check-in
    Command("cases", roles=CASE_STAFF, handler=cases.cases),
    Command("casenote", roles=CASE_STAFF, handler=cases.casenote),
    Command("invite", roles=COORDINATOR, handler=coordinator.invite),
    Command("roster", roles=COORDINATOR, handler=coordinator.roster),
    Command("shifts", roles=COORDINATOR, handler=coordinator.shifts),
    Command("stats", roles=COORDINATOR, handler=coordinator.stats),
    # students: the conversation they are in reads these (and answers any other command)
    Command("start", roles=STUDENT, handler=student.converse),
    Command("help", roles=STUDENT, handler=student.converse),
    Command("cancel", roles=STUDENT, handler=student.converse),
    Command("back", roles=STUDENT, handler=student.converse),
    Command("end", roles=STUDENT, handler=student.converse),
    Command("forgetme", roles=STUDENT, handler=privacy.ask),
    Command("myplan", roles=STUDENT, handler=plans.myplan),  # their safety plan
    Command("friend", roles=STUDENT, handler=friend.friend),  # worried about a friend
    Command("selfhelp", roles=STUDENT, handler=selfhelp.command),  # exercises, coping cards
)

BUTTONS: tuple[Button[Any], ...] = (
    # offers and duty
    Button("of", "accept", roles=SUPPORTER, handler=staff.answer_offer),
    Button("of", "decline", roles=SUPPORTER, handler=staff.answer_offer),
    Button("dt", "on", roles=ON_DUTY, handler=staff.duty_on),
    Button("dt", "off", roles=ON_DUTY, handler=staff.duty_off),
    # chats: ``ho:<chat>:<member|any>``, ``en:<chat>:``, ``fx:focus:<chat>``
    Button("ho", roles=ON_DUTY, handler=staff.hand_over),
    Button("en", roles=ON_DUTY, handler=staff.end_chat),
    Button("fx", "focus", roles=ON_DUTY, handler=staff.focus),
    # escalations: a supporter refers; counselors and coordinators handle the case (only a
    # counselor takes over: cases.take_over_button says so to a coordinator)
    Button("es", "refer", roles=SUPPORTER, handler=cases.refer_button),
    Button("es", "ack", roles=CASE_STAFF, handler=cases.acknowledge_button, refused=NOT_ALLOWED),
    Button("es", "take", roles=CASE_STAFF, handler=cases.take_over_button, refused=NOT_ALLOWED),
    Button("es", "out", roles=CASE_STAFF, handler=cases.outcome_button, refused=NOT_ALLOWED),
    # the roster; ``sh:`` has always been read like ``ro:`` (no message carries it)
    Button("ro", roles=COORDINATOR, handler=coordinator.roster_button, refused=NOT_ALLOWED),
    Button("sh", roles=COORDINATOR, handler=coordinator.shift_button, refused=NOT_ALLOWED),
    Button("wb", roles=ON_DUTY, handler=wellbeing.checkin),  # how are you after that chat?
    # report and block: ``rp:<reason>:<chat>``, ``rv:<show|block7|block|dismiss|lift>:<report>``
    Button("rp", roles=ON_DUTY, handler=blocks.reason_button),
    Button("rv", roles=COORDINATOR, handler=blocks.review_button, refused=NOT_ALLOWED),
    # students
    Button("sc", roles=ANYONE, handler=escalations.screening_answer),
    Button("aq", roles=STUDENT, handler=screen.answer),  # /screen's questions
    Button("ss", "counselor", roles=STUDENT, handler=student.counselor_now),
    Button("fu", roles=STUDENT, handler=student.followup_answer),
    Button("fm", roles=STUDENT, handler=privacy.answer),
    # *Make my safety plan*: the plan's own buttons (``sp:skip|stop|share``) are its flow's
    Button("sp", "begin", roles=STUDENT, handler=plans.begin_button),
    Button("fr", "alert", roles=STUDENT, handler=friend.alert_button),  # (from /friend)
    # self-help: ``sf:<menu|pick|cards|card|go|share|pause|resume|stop|next>:…``
    Button("sf", roles=STUDENT, handler=selfhelp.pressed),
)


class Refused(NamedTuple):
    """The row exists but the role may not use it: answer ``reply``, change nothing."""

    reply: str


def _side(role: Role) -> frozenset[Role]:
    return STUDENT if role == A_STUDENT else STAFF


def find_command(role: Role, name: str) -> Command[Any] | Refused | None:
    """The row ``role`` may run for ``/name``; Refused when only other roles of their side may;
    None when their side has no such command."""
    rows = [row for row in COMMANDS if row.name == name and row.roles & _side(role)]
    allowed = [row for row in rows if role in row.roles]
    if allowed:
        return allowed[0]
    return Refused(rows[0].refused) if rows else None


def find_button(role: Role, data: ButtonData) -> Button[Any] | Refused | None:
    """The row ``role`` may press for ``data`` (a row for its exact event before a row for any
    event of the prefix); Refused when only other roles of their side may; None when their
    side has no such button (or the data has nothing after the prefix)."""
    if not data.parts:
        return None
    rows = [row for row in BUTTONS if row.prefix == data.prefix and row.roles & _side(role)]
    exact = [row for row in rows if row.event == data.event]
    rows = exact or [row for row in rows if row.event is None]
    allowed = [row for row in rows if role in row.roles]
    if allowed:
        return allowed[0]
    return Refused(rows[0].refused) if rows else None
