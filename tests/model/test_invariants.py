"""The invariants themselves can fail: each is shown a world that breaks it."""

from __future__ import annotations

from datetime import timedelta

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


async def test_s13_rejects_a_blocked_student_in_a_chat_with_a_supporter(world: World) -> None:
    await intake(world, STUDENT)
    [(message, data)] = [(m, d) for m, d in world.buttons(SUPPORTER)
                         if d.startswith("of:accept:")]
    await world.press(SUPPORTER, message, data)
    assert await check(world, ("S13",)) == []
    async with world.running.store() as uow:  # blocked behind the program's back: still in
        person = await uow.people.by_telegram_id(STUDENT)  # the chat
        assert person is not None
        person.blocked_until = world.clock() + timedelta(days=1)
        await uow.commit()
    assert [v[:4] for v in await check(world, ("S13",))] == ["S13:"]


async def test_s14_rejects_a_plan_shown_to_the_team_without_the_students_yes(
    world: World,
) -> None:
    await intake(world, STUDENT)
    async with world.running.store() as uow:
        person = await uow.people.by_telegram_id(STUDENT)
        assert person is not None
        pseudonym = person.pseudonym
        await uow.plans.save(person.id, {"reasons": "adikku"}, False, world.clock())
        await uow.commit()
    assert await check(world, ("S14",)) == []
    world.telegram.messages.append(Message(
        SUPPORTER, 1, f"📝 {pseudonym}'s safety plan (they said you may see it):\n7. adikku", [],
        world.clock()))
    assert [v[:4] for v in await check(world, ("S14",))] == ["S14:"]


async def test_s17_rejects_a_new_student_offered_to_a_supporter_whose_student_is_in_crisis(
    world: World,
) -> None:
    other = 700100002
    await intake(world, STUDENT)
    [(message, data)] = [(m, d) for m, d in world.buttons(SUPPORTER)
                         if d.startswith("of:accept:")]
    await world.press(SUPPORTER, message, data)
    await world.say(STUDENT, "aku udah di atap, mau loncat sekarang")
    await world.advance(5)
    await intake(world, other)
    assert await check(world, ("S17",)) == []
    async with world.running.store() as uow:  # offered behind the program's back
        dimas = await uow.members.by_telegram_id(SUPPORTER)
        person = await uow.people.by_telegram_id(other)
        assert dimas is not None
        assert person is not None
        request = await uow.requests.open_for(person.id)
        assert request is not None
        await uow.offers.create(request.id, dimas.id, world.clock())
        await uow.commit()
    assert [v[:4] for v in await check(world, ("S17",))] == ["S17:"]


async def test_s18_rejects_a_take_over_still_asked_for_when_its_time_is_up(world: World) -> None:
    await world.say(STUDENT, "aku pengen mati aja")
    [(message, data)] = [(m, d) for m, d in world.buttons(BUDI) if d.startswith("es:take:")]
    await world.press(BUDI, message, data)
    await world.command(BUDI, "/duty")
    [(message, data)] = [(m, d) for m, d in world.buttons(BUDI) if d.startswith("dt:off:")]
    await world.press(BUDI, message, data)
    assert await check(world, ("S18",)) == []
    async with world.running.store() as uow:  # the chat's hand-back timer lost
        await uow.timers.cancel("handback", "1")
        await uow.commit()
    await world.advance(world.config.routing.handback_after + 120)
    assert [v[:4] for v in await check(world, ("S18",))] == ["S18:"]
