"""A student waiting in the line again (their supporter was deactivated mid-chat) who shows a
concern in what they write: every message gets a reply, the concern starts the screening
question (README: while the student waits in the queue the bot asks a direct screening
question), and the next supporter is told of it as a concern, not only in the transcript."""

from __future__ import annotations

from tests.model.invariants import check
from tests.model.test_regressions import DIMAS, STUDENT, deactivate, intake, press
from tests.model.world import World

AYU = 9102
CONCERN = "capek banget, pengen tidur terus ga usah bangun lagi"


async def screened_intake(world: World) -> None:
    """A request whose words showed a concern: the intake's screening, answered No."""
    await world.command(STUDENT, "/start")
    for step in ("in:consent:yes", "in:lang:id", "in:topic:family"):
        await press(world, STUDENT, step)
    await world.say(STUDENT, "aku capek banget sama semuanya di rumah, rasanya pengen "
                             "menghilang aja")
    await press(world, STUDENT, "in:feeling:3")
    for question in ("wish-dead", "better-off-dead", "thoughts", "tried"):
        await press(world, STUDENT, f"in:asq-{question}:no")
    for step in ("in:name:keep", "in:confirm:"):
        await press(world, STUDENT, step)


async def test_a_waiting_students_concern_is_answered_asked_about_and_passed_on(
    world: World,
) -> None:
    await screened_intake(world)
    await press(world, DIMAS, "of:accept:")
    await deactivate(world)
    before = len(world.telegram.messages)
    await world.say(STUDENT, "halo? kok ilang")
    assert any("belum ada yang baca" in t for t in world.texts(STUDENT, before))
    before = len(world.telegram.messages)
    await world.say(STUDENT, CONCERN)
    said = world.texts(STUDENT, before)
    assert any("kepikiran buat bunuh diri" in t for t in said), \
        f"the concern starts the screening question: {said}"
    assert any(d.startswith("sc:") for _, d in world.latest_buttons(STUDENT)), said
    before = len(world.telegram.messages)
    await world.say(STUDENT, CONCERN)  # again, its question not answered yet
    said = world.texts(STUDENT, before)
    assert said, "every message from a waiting student gets a reply"
    assert not any("kepikiran buat bunuh diri" in t for t in said), "not asked twice"
    assert any("🆘" in t and "112" in t for t in said), said

    await world.command(AYU, "/duty")
    await press(world, AYU, "dt:on")
    before = len(world.telegram.messages)
    await press(world, AYU, "of:accept:")
    told = world.texts(AYU, before)
    assert any("may be a sign of risk" in t and "ga usah bangun lagi" in t for t in told), \
        f"the next supporter is told of the concern: {told}"
    assert await check(world) == []


async def test_a_new_requests_concern_while_waiting_reaches_the_supporter_who_takes_it(
    world: World,
) -> None:
    """The same for a request that was never in a chat: nobody reads the words while it
    waits, so the supporter who accepts it is nudged with them."""
    await intake(world, STUDENT)
    await world.say(STUDENT, CONCERN)
    assert any("kepikiran buat bunuh diri" in t for t in world.texts(STUDENT)[-2:])
    await world.say(STUDENT, "nggak")  # the screening question, answered No
    before = len(world.telegram.messages)
    await press(world, DIMAS, "of:accept:")
    told = world.texts(DIMAS, before)
    assert any("may be a sign of risk" in t and "ga usah bangun lagi" in t for t in told), \
        f"the supporter is told of the concern: {told}"
    assert await check(world) == []
