"""The invariants themselves can fail: each is shown a world that breaks it."""

from __future__ import annotations

from tests.model.invariants import check
from tests.model.test_regressions import intake
from tests.model.world import Message, World

STUDENT, BUDI, SUPPORTER = 700100001, 9201, 9101


async def test_s7_accepts_a_real_ping_and_rejects_one_without_who_or_words(world: World) -> None:
    await world.say(STUDENT, "aku pengen mati aja")
    [ping] = [m for m in world.telegram.to(BUDI) if m.text.startswith("🆘")]
    assert await check(world, ("S7",)) == []
    forged = ping.text.replace("Awan-", "Awan-9").split("\n")
    for broken in ("\n".join(forged), "\n".join(line for line in ping.text.split("\n")
                                                if not line.startswith(("Kata", "Their")))):
        world.telegram.messages.append(Message(BUDI, 1, broken, ["es:ack:1"], world.clock()))
        assert [v[:3] for v in await check(world, ("S7",))] == ["S7:"]


async def test_s1_takes_an_acknowledgement_after_a_signal_and_not_one_before(
    world: World,
) -> None:
    """Found by the model: a signal while the case was being paged, acknowledged after it
    (from a ping sent before it), was taken for a signal on an acknowledged case that paged
    nobody. An acknowledgement before a signal still needs a fresh ping after it."""
    await world.say(STUDENT, "aku pengen mati aja")
    world.signals.append((STUDENT, world.clock(), "a signal while it is being paged"))
    await world.advance(5)
    [(message, data)] = [(m, d) for m, d in world.buttons(BUDI) if d.startswith("es:ack:")]
    await world.press(BUDI, message, data)
    assert await check(world, ("S1",)) == []
    await world.advance(5)
    world.signals.append((STUDENT, world.clock(), "a signal after the acknowledgement"))
    assert [v[:3] for v in await check(world, ("S1",))] == ["S1:"]


async def test_s2_rejects_a_student_left_believing_someone_is_coming(world: World) -> None:
    await intake(world, STUDENT)  # offered to the only supporter on duty (Dimas), then it is
    # as if he left without a word
    assert await check(world, ("S2",)) == []
    async with world.running.store() as uow:
        dimas = await uow.members.by_telegram_id(SUPPORTER)
        assert dimas is not None
        dimas.on_duty = False  # a bare write, past every handler: nobody tells the student
        for offer in await uow.offers.pending_for_member(dimas.id):
            offer.status = "withdrawn"
        await uow.commit()
    assert [v[:3] for v in await check(world, ("S2",))] == ["S2:", "S2:"]
