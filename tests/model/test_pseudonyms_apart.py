"""Two students waiting at the same time never get pseudonyms a supporter could mix up (a
newcomer trial: "Senja-482" and "Senja-483" were offered to the same supporter). On the whole
program in-process (tests/model/world.py), with the safety invariants checked."""

from __future__ import annotations

from handlers.pseudonyms import look_alike
from tests.model.invariants import check
from tests.model.test_regressions import DIMAS, EN_STUDENT, STUDENT, intake, press
from tests.model.world import World


def test_what_looks_alike() -> None:
    assert look_alike("Senja-482", "Senja-483")
    assert look_alike("Senja-482", "Senja-917"), "the same word: read as the same student"
    assert look_alike("Bayu-482", "Bayu-48")
    assert not look_alike("Senja-482", "Bayu-715")
    assert not look_alike("Embun-120", "Awan-120")


async def test_a_second_student_waiting_gets_a_name_unlike_the_first(world: World) -> None:
    await world.command(DIMAS, "/duty")
    await press(world, DIMAS, "dt:off")  # both wait
    world.next_pseudonyms = ["Senja-482", "Senja-483", "Bayu-715"]
    await intake(world, STUDENT)
    await intake(world, EN_STUDENT, "en")
    assert any("Bayu-715" in t for t in world.texts(EN_STUDENT)), "the name they were shown"
    await world.command(DIMAS, "/duty")
    before = len(world.telegram.messages)
    await press(world, DIMAS, "dt:on")
    await press(world, DIMAS, "of:accept:")
    await world.advance(5)
    offered = "\n".join(world.texts(DIMAS, before))
    assert "Senja-482" in offered, offered
    assert "Senja-483" not in offered
    async with world.running.store() as uow:
        names = await uow.requests.open_pseudonyms()
    assert sorted(names) == ["Bayu-715", "Senja-482"], names
    assert await check(world) == []


async def test_another_name_is_unlike_the_names_waiting_too(world: World) -> None:
    await world.command(DIMAS, "/duty")
    await press(world, DIMAS, "dt:off")
    world.next_pseudonyms = ["Senja-482", "Embun-301", "Senja-428", "Bayu-715"]
    await intake(world, STUDENT)
    await intake(world, EN_STUDENT, "en", until="in:name:keep")
    await press(world, EN_STUDENT, "in:name:another")  # Embun-301 -> not Senja-428
    await press(world, EN_STUDENT, "in:name:keep")
    await press(world, EN_STUDENT, "in:confirm:")
    async with world.running.store() as uow:
        names = await uow.requests.open_pseudonyms()
    assert sorted(names) == ["Bayu-715", "Senja-482"], names
    assert await check(world) == []
