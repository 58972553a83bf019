"""A student's place across flows (intake -> queue -> chat -> feedback) moves only through the
journey table: the table itself, moves it refuses, and the whole program following it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from flows.errors import IllegalTransition
from flows.journey import JOURNEY, Place, Where, place_of
from handlers import journey
from tests.model.invariants import check
from tests.model.test_regressions import intake, press
from tests.model.world import COORDINATORS, World, invite_code

ROOT = Path(__file__).resolve().parents[2]
STUDENT, DIMAS = 700100001, 9101


def test_every_place_can_be_reached_and_left() -> None:
    assert JOURNEY.reachable() == set(Place)
    for place in Place:
        assert JOURNEY.events(place), f"a student in {place} could never move on"


@pytest.mark.parametrize(("flow", "state", "place"), [
    (None, None, Place.NONE), ("intake", "topic", Place.INTAKE),
    ("intake", "queued", Place.QUEUED), ("session", "active", Place.SESSION),
    ("feedback", "rating", Place.FEEDBACK), ("onboarding", "name", Place.ONBOARDING),
    ("escalation-note", "note", Place.NONE),  # a staff step is no student's place
])
def test_saved_steps_map_to_one_place(flow: str | None, state: str | None,
                                      place: Place) -> None:
    assert place_of(flow, state) is place


@pytest.mark.parametrize(("place", "event"), [
    (Place.FEEDBACK, "end"), (Place.QUEUED, "hand_back"), (Place.SESSION, "connect"),
    (Place.SESSION, "join"), (Place.INTAKE, "lost"), (Place.ONBOARDING, "begin"),
])
def test_moves_the_table_does_not_list_are_refused_by_name(place: Place, event: str) -> None:
    with pytest.raises(IllegalTransition, match=event):
        JOURNEY.fire(Where(place.value), event)


def test_only_the_journey_moves_a_student_into_another_flows_steps() -> None:
    """No handler saves the chat, queue or feedback steps itself, nor starts an intake by
    writing its steps: it asks handlers.journey (a flow saves only its own next steps)."""
    own = {"onboarding.py": "onboarding"}
    offenders = []
    for path in sorted((ROOT / "handlers").glob("*.py")):
        if path.name == "journey.py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "save"
                    and isinstance(node.func.value, ast.Attribute)
                    and node.func.value.attr == "conversations"):
                continue
            flow = node.args[1] if len(node.args) > 1 else None
            if isinstance(flow, ast.Constant) and flow.value in (
                    "session", "feedback", "onboarding", "intake") and \
                    own.get(path.name) != flow.value:
                offenders.append(f"{path.name}:{node.lineno} saves {flow.value!r}")
    assert offenders == []


async def test_an_illegal_move_changes_nothing(world: World) -> None:
    await intake(world, STUDENT, until="in:confirm:")
    async with world.running.store() as uow:
        before = await uow.conversations.get(STUDENT)
        with pytest.raises(IllegalTransition):
            await journey.move(uow, STUDENT, "end", world.clock())
        assert await uow.conversations.get(STUDENT) == before


async def test_a_student_goes_from_queue_to_chat_to_feedback_through_the_table(
    world: World,
) -> None:
    async def place() -> Place:
        async with world.running.store() as uow:
            return await journey.where(uow, STUDENT)

    await intake(world, STUDENT)
    assert await place() is Place.QUEUED
    await press(world, DIMAS, "of:accept:")
    assert await place() is Place.SESSION
    await world.end(DIMAS)
    assert await place() is Place.FEEDBACK
    await world.command(STUDENT, "/start")  # skips the feedback, starts again
    assert await place() is Place.INTAKE
    assert await check(world) == []


async def test_an_invite_opened_mid_chat_does_not_tear_the_student_out_of_it(
    world: World,
) -> None:
    coordinator = COORDINATORS[0].telegram_id
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    await world.command(coordinator, "/invite supporter")
    code = invite_code(world.texts(coordinator))
    assert code is not None
    told = len(world.telegram.messages)
    await world.command(STUDENT, f"/start {code}")
    assert "/end" in world.texts(STUDENT, told)[-1]
    async with world.running.store() as uow:
        assert await journey.where(uow, STUDENT) is Place.SESSION
    await world.say(STUDENT, "masih di sini kak")
    assert any("masih di sini kak" in t for t in world.texts(DIMAS, told))
    assert await check(world) == []
