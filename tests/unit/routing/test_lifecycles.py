"""The request, offer and chat-session lifecycles: complete tables, closed final states,
illegal transitions refused, and no status written anywhere else."""

from __future__ import annotations

import ast
import enum
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from escalation.case import CASE
from flows.errors import IllegalTransition
from flows.lifecycle import Lifecycle
from flows.selfhelp import EXERCISE
from routing.lifecycles import (
    OFFER,
    REQUEST,
    SESSION,
    OfferStatus,
    RequestStatus,
    SessionStatus,
)

LIFECYCLES: list[Lifecycle[Any]] = [REQUEST, OFFER, SESSION, CASE, EXERCISE]
ROOT = Path(__file__).resolve().parents[3]


@dataclass
class Thing:
    status: str


@pytest.mark.parametrize("lifecycle", LIFECYCLES, ids=lambda lc: lc.name)
def test_every_state_is_reachable_from_the_initial_one(lifecycle: Lifecycle[Any]) -> None:
    assert lifecycle.reachable() == set(lifecycle.states.__members__.values())


@pytest.mark.parametrize("lifecycle", LIFECYCLES, ids=lambda lc: lc.name)
def test_final_states_have_no_exits_and_the_others_have_one(lifecycle: Lifecycle[Any]) -> None:
    for state in lifecycle.states:
        if state in lifecycle.final:
            assert lifecycle.events(state) == set(), state
        else:
            assert lifecycle.events(state), f"{state} is a dead end but not final"


def test_stored_values_stay_what_they_were() -> None:
    assert {s.value for s in RequestStatus} >= {"queued", "active", "closed", "withdrawn"}
    assert {s.value for s in OfferStatus} == {"pending", "accepted", "declined", "expired",
                                              "withdrawn"}
    assert {s.value for s in SessionStatus} == {"active", "closed"}
    assert (REQUEST.initial, OFFER.initial, SESSION.initial) == (
        RequestStatus.QUEUED, OfferStatus.PENDING, SessionStatus.ACTIVE)


def test_a_request_waits_is_chatted_with_handed_back_and_closed() -> None:
    request = Thing("queued")
    assert REQUEST.fire(request, "assign") == RequestStatus.ACTIVE
    assert REQUEST.fire(request, "hand_back") == RequestStatus.QUEUED
    assert REQUEST.fire(request, "assign") == RequestStatus.ACTIVE
    assert REQUEST.fire(request, "close") == RequestStatus.CLOSED
    assert request.status == "closed"


@pytest.mark.parametrize(("lifecycle", "state", "event"), [
    (OFFER, "expired", "accept"),
    (OFFER, "accepted", "decline"),
    (OFFER, "withdrawn", "expire"),
    (REQUEST, "withdrawn", "assign"),
    (REQUEST, "active", "withdraw"),
    (REQUEST, "queued", "close"),
    (REQUEST, "closed", "hand_back"),
    (SESSION, "closed", "close"),
    (OFFER, "pending", "no-such-event"),
])
def test_illegal_transitions_raise_and_change_nothing(
    lifecycle: Lifecycle[Any], state: str, event: str
) -> None:
    thing = Thing(state)
    assert not lifecycle.can(thing, event)
    with pytest.raises(IllegalTransition) as raised:
        lifecycle.fire(thing, event)
    assert thing.status == state
    assert (raised.value.state, raised.value.event) == (state, event)


def test_the_refusal_names_the_thing_the_event_and_the_state() -> None:
    with pytest.raises(IllegalTransition, match="Can't accept an offer that is expired"):
        OFFER.fire(Thing("expired"), "accept")
    with pytest.raises(IllegalTransition, match="Can't close a chat session that is closed"):
        SESSION.fire(Thing("closed"), "close")


# ---- no status written outside the tables ----------------------------------------------------

_ROWS = {"HelpRequest", "Offer", "ChatSession", "Escalation"}
# Every status write goes through a lifecycle table (routing.lifecycles, escalation.case).
ALLOWED: set[tuple[str, str]] = set()


def _targets(node: ast.AST) -> list[ast.expr]:
    if isinstance(node, ast.Assign):
        found: list[ast.expr] = []
        for target in node.targets:
            found += list(target.elts) if isinstance(target, ast.Tuple) else [target]
        return found
    if isinstance(node, ast.AugAssign | ast.AnnAssign):
        return [node.target]
    return []


def _update_of(call: ast.Call) -> str | None:
    """``update(X)....values(...)``: the name X, else None."""
    node: ast.expr = call.func
    while isinstance(node, ast.Attribute | ast.Call):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id == "update" and node.args
                and isinstance(node.args[0], ast.Name)):
            return node.args[0].id
        node = node.func if isinstance(node, ast.Call) else node.value
    return None


def direct_status_writes(source: str) -> list[tuple[int, str]]:
    """Lines that set a status by hand: ``x.status = ...`` (also in a tuple), ``status="..."``
    in a HelpRequest/Offer/ChatSession row, ``update(<those>).values(status=...)``."""
    lines = source.splitlines()
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        for target in _targets(node):
            if isinstance(target, ast.Attribute) and target.attr == "status" \
                    and isinstance(node, ast.stmt):
                found.append((node.lineno, lines[node.lineno - 1].strip()))
        if isinstance(node, ast.Call):
            name = node.func.id if isinstance(node.func, ast.Name) else None
            is_values = isinstance(node.func, ast.Attribute) and node.func.attr == "values"
            row = name in _ROWS or (is_values and _update_of(node) in _ROWS)
            for keyword in node.keywords:
                literal = isinstance(keyword.value, ast.Constant)
                if row and keyword.arg == "status" and (literal or is_values):
                    found.append((node.lineno, lines[node.lineno - 1].strip()))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id == "setattr" and len(node.args) > 1 \
                and isinstance(node.args[1], ast.Constant) and node.args[1].value == "status":
            found.append((node.lineno, lines[node.lineno - 1].strip()))
    return found


def test_the_scanner_sees_each_way_of_writing_a_status() -> None:
    source = "\n".join([
        'request.status = "active"',
        'chat.status, chat.ended_at = "closed", now',
        'Offer(request_id=1, status="pending")',
        'update(HelpRequest).where(HelpRequest.id == 1).values(status="closed")',
        'setattr(offer, "status", "accepted")',
        "Offer(request_id=1, status=OFFER.initial.value)",  # creation from the table: fine
        'update(Timer).values(status="cancelled")',  # another table: fine
        'x = request.status == "queued"',  # a read: fine
    ])
    assert [line for line, _ in direct_status_writes(source)] == [1, 2, 3, 4, 5]


def test_no_handler_or_repository_writes_a_status_outside_the_lifecycle_tables() -> None:
    found = []
    for folder in ("handlers", "storage"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            for line, text in direct_status_writes(path.read_text(encoding="utf-8")):
                if (relative, text) not in ALLOWED:
                    found.append(f"{relative}:{line}: {text}")
    assert found == [], (
        "status written by hand; fire an event of routing.lifecycles instead "
        "(uow.requests.fire / uow.offers.decide / uow.sessions.close):\n" + "\n".join(found))


def test_every_lifecycle_state_enum_is_a_str_enum() -> None:
    for lifecycle in LIFECYCLES:
        assert issubclass(lifecycle.states, enum.StrEnum)


def status_compared_with_a_string(source: str) -> list[tuple[int, str]]:
    """``x.status == "queued"`` (or ``!=``, ``in``): a lifecycle state spelled as a raw string
    (timers are not one of the lifecycles: ``timer.status`` is allowed)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Compare):
            continue
        sides = [node.left, *node.comparators]
        status = [s for s in sides if isinstance(s, ast.Attribute) and s.attr == "status" and
                  not (isinstance(s.value, ast.Name) and s.value.id == "timer")]
        spelled = [s for s in sides if isinstance(s, ast.Constant) and isinstance(s.value, str)
                   or isinstance(s, ast.Tuple | ast.List | ast.Set) and any(
                       isinstance(e, ast.Constant) and isinstance(e.value, str) for e in s.elts)]
        if status and spelled:
            found.append((node.lineno, ast.unparse(node)))
    return found


def test_handlers_name_lifecycle_states_by_their_enum_not_a_string() -> None:
    """A state spelled as a string survives a renamed state silently; the Enum does not."""
    found = [f"{path.relative_to(ROOT).as_posix()}:{line}: {text}"
             for path in sorted((ROOT / "handlers").rglob("*.py"))
             for line, text in status_compared_with_a_string(path.read_text(encoding="utf-8"))]
    assert found == [], "compare with routing.lifecycles / escalation.case states:\n" + \
        "\n".join(found)


def test_the_string_comparison_check_sees_what_it_should() -> None:
    assert status_compared_with_a_string('if request.status == "queued": pass')
    assert status_compared_with_a_string('ok = chat.status in ("active",)')
    assert not status_compared_with_a_string("if request.status == RequestStatus.QUEUED: pass")
    assert not status_compared_with_a_string('if timer.status == "fired": pass')
