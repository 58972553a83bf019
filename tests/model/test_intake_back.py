"""Going back in the intake to what was already written (tests/model/world.py). Found in a
sandbox trial: Back to the description asked for it as if new, and what was typed replaced the
old one without a word."""

from __future__ import annotations

from tests.model.invariants import check
from tests.model.test_regressions import DESCRIPTION, STUDENT, intake, press
from tests.model.world import World


async def _back_to_the_description(world: World) -> int:
    await intake(world, STUDENT, until="in:confirm:")
    for _ in range(3):  # the name, the feeling, the description
        await press(world, STUDENT, "in:back")
    return len(world.telegram.messages)


async def test_back_to_the_description_shows_it_and_keeps_it_with_one_tap(
    world: World,
) -> None:
    before = await _back_to_the_description(world)
    shown = world.texts(STUDENT, before - 1)[-1]
    assert shown.startswith("Ceritamu yang tadi:"), shown
    assert DESCRIPTION in shown
    await press(world, STUDENT, "in:keep-description")
    assert world.texts(STUDENT)[-1].startswith("Gimana perasaanmu sekarang?")
    for step in ("in:feeling:3", "in:name:keep"):
        await press(world, STUDENT, step)
    assert DESCRIPTION in world.texts(STUDENT)[-1], "the summary has the words kept"
    assert await check(world) == []


async def test_a_new_description_typed_there_replaces_the_old(world: World) -> None:
    await _back_to_the_description(world)
    await world.say(STUDENT, "sebenernya aku lagi berantem sama ortu soal kuliah")
    for step in ("in:feeling:3", "in:name:keep"):
        await press(world, STUDENT, step)
    summary = world.texts(STUDENT)[-1]
    assert "berantem sama ortu" in summary
    assert DESCRIPTION not in summary
    assert await check(world) == []


async def test_editing_the_description_from_the_summary_shows_it_too(world: World) -> None:
    await intake(world, STUDENT, until="in:confirm:")
    await press(world, STUDENT, "in:edit:")
    await press(world, STUDENT, "in:edit-field:description")
    assert world.texts(STUDENT)[-1].startswith("Ceritamu yang tadi:")
    await press(world, STUDENT, "in:keep-description")
    assert DESCRIPTION in world.texts(STUDENT)[-1], "straight back to the summary"
    assert any(d.startswith("in:confirm") for _, d in world.latest_buttons(STUDENT))
    assert await check(world) == []
