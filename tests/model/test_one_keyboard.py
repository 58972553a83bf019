"""Only the question the intake is at has live buttons (a newcomer trial): a student who types
instead of tapping gets "choose one of the buttons" and the question again, and the old
question's buttons go; a typed answer, /help or /start mid-way leave no Back or topic button
of an earlier question to tap. On the whole program in-process (tests/model/world.py)."""

from __future__ import annotations

from tests.model.invariants import check
from tests.model.test_regressions import DESCRIPTION, STUDENT, press
from tests.model.world import World


def live(world: World) -> list[tuple[int, str]]:
    return world.buttons(STUDENT)


def questions_with_buttons(world: World) -> set[int]:
    return {message_id for message_id, _ in live(world)}


async def test_typing_instead_of_tapping_leaves_one_set_of_buttons(world: World) -> None:
    await world.command(STUDENT, "/start")
    await world.say(STUDENT, "halo")
    assert world.texts(STUDENT)[-2] == "Pilih salah satu tombol di bawah ya."
    [question] = questions_with_buttons(world)
    assert world.telegram.by_id[question].text == world.texts(STUDENT)[-1], \
        "the buttons live are the question shown again, below the hint"
    await press(world, STUDENT, "in:consent:yes")
    await world.say(STUDENT, "indo")
    assert len(questions_with_buttons(world)) == 1
    assert {d for _, d in live(world)} == {"in:lang:id", "in:lang:en", "in:back:"}
    assert await check(world) == []


async def test_no_old_back_or_topic_button_stays_tappable(world: World) -> None:
    await world.command(STUDENT, "/start")
    await press(world, STUDENT, "in:consent:yes")
    await world.command(STUDENT, "/help")  # the question again, below the help
    assert len(questions_with_buttons(world)) == 1
    await press(world, STUDENT, "in:lang:id")
    await press(world, STUDENT, "in:topic:family")
    await world.say(STUDENT, DESCRIPTION)  # typed: its question's Back goes
    assert {d for _, d in live(world)} == {*(f"in:feeling:{n}" for n in range(1, 6)),
                                           "in:back:"}
    await world.command(STUDENT, "/start")  # mid-way: continue or start over
    assert {d for _, d in live(world)} == {"in:resume:", "in:restart:"}
    await press(world, STUDENT, "in:resume:")
    assert {d for _, d in live(world)} == {*(f"in:feeling:{n}" for n in range(1, 6)),
                                           "in:back:"}
    await world.command(STUDENT, "/cancel")
    assert live(world) == [], "a cancelled intake leaves nothing to tap"
    assert await check(world) == []


async def test_a_stale_intake_button_says_so_and_changes_nothing(world: World) -> None:
    """An old button that is still shown somewhere (it reached the phone after the intake
    moved on) is told it no longer works, and the intake stays where it was."""
    await world.command(STUDENT, "/start")
    await press(world, STUDENT, "in:consent:yes")
    await press(world, STUDENT, "in:lang:id")
    topic = next(m for m, _ in live(world))
    await press(world, STUDENT, "in:topic:family")
    before = len(world.telegram.messages)
    await world.press(STUDENT, topic, "in:topic:academic")
    said = world.texts(STUDENT, before)
    assert said[0].startswith("Tombol itu udah nggak berlaku"), said
    async with world.running.store() as uow:
        conversation = await uow.conversations.get(STUDENT)
        assert conversation is not None
        assert conversation.state == "description"
        assert conversation.data.get("topic") == "family"
    assert len(questions_with_buttons(world)) == 1
    assert await check(world) == []
