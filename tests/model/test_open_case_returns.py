"""A student whose crisis case is still open comes back to a peer supporter, and a chat goes
back to the team while a case is open, on the whole program in-process (tests/model/world.py).
Found in a newcomer trial: the supporter accepting a returning student whose case a counselor
held (the student had ended that chat, the case had no outcome) was told only "risiko SEGERA
(kasus #2 masih terbuka)" in the offer, and the counselor was not told at all."""

from __future__ import annotations

from tests.model.invariants import check
from tests.model.test_regressions import BUDI, DIMAS, RINA, STUDENT, cases, intake, press
from tests.model.world import World


async def _held_case_then_asks_again(world: World, *, budi_active: bool = True) -> int:
    """Dimas chats with the student, who writes something grave; Budi takes the case over;
    the student ends the chat (the case has no outcome); the next day the student asks again
    and Dimas accepts. Returns the message count just before he does."""
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    await world.say(STUDENT, "aku mau bunuh diri malam ini")
    await press(world, BUDI, "es:take:")
    await world.end(STUDENT)
    await world.advance(24 * 3600)
    await intake(world, STUDENT)
    if not budi_active:
        async with world.running.store() as uow:
            budi = await uow.members.by_telegram_id(BUDI)
            assert budi is not None
            budi.active = False
            await uow.commit()
    before = len(world.telegram.messages)
    await press(world, DIMAS, "of:accept:")
    return before


async def test_a_returning_student_with_a_held_case_is_briefed_and_the_counselor_told(
    world: World,
) -> None:
    before = await _held_case_then_asks_again(world)
    [case] = await cases(world)
    assert case.status == "taken_over"
    [briefed] = [t for t in world.texts(DIMAS, before) if "open crisis case #1" in t]
    assert "aku mau bunuh diri malam ini" in briefed, "their words"
    assert "Pak Budi took the case over and still has it" in briefed, briefed
    [told] = [m for m in world.telegram.to(BUDI, before) if "peer supporter" in m.text]
    assert "now chatting with a peer supporter (Dimas" in told.text, told.text
    assert any(b.startswith("es:take:") for b in told.buttons), "he can join the chat"
    assert any(b.startswith("es:out:") for b in told.buttons), "or record the outcome"
    assert await check(world) == []
    joined = len(world.telegram.messages)
    await press(world, BUDI, "es:take:")
    await world.say(BUDI, "halo, aku masih di sini")
    assert any("halo, aku masih di sini" in t for t in world.texts(STUDENT, joined))
    assert await check(world) == []


async def test_a_returning_student_whose_counselor_is_gone_is_paged_again(
    world: World,
) -> None:
    """The counselor holding the case is no longer active: the supporter is not told a
    counselor is being told (nobody would read it); the case pages again, and says so."""
    before = await _held_case_then_asks_again(world, budi_active=False)
    [case] = await cases(world)
    assert case.status == "open"
    [briefed] = [t for t in world.texts(DIMAS, before) if "open crisis case #1" in t]
    assert "the counselors are being paged" in briefed, briefed
    assert "Pak Budi" not in briefed
    assert any("es:take:1" in m.buttons for m in world.telegram.to(RINA, before))
    assert await check(world) == []


async def test_a_supporter_leaving_a_student_with_a_held_case_says_who_knows(
    world: World,
) -> None:
    """(Continuing the trial: Dimas went off duty without handing over; after the hand-back
    the student read "a counselor is still being contacted for you", while nobody was paged:
    the case only reminded Pak Budi of its outcome.)"""
    await _held_case_then_asks_again(world)
    await world.command(DIMAS, "/duty")
    await press(world, DIMAS, "dt:off:")
    before = len(world.telegram.messages)
    await world.advance(world.config.routing.handback_after + 60)
    [said] = [t for t in world.texts(STUDENT, before) if "pendampingmu harus pergi" in t]
    assert "lagi dihubungi" not in said, said
    assert "Konselor yang udah tahu soal keadaanmu udah dikabarin" in said, said
    [told] = [m for m in world.telegram.to(BUDI, before) if "waiting in line again" in m.text]
    assert "Escalation #1" in told.text
    assert any(b.startswith("es:take:") for b in told.buttons), "he can join them"
    [case] = await cases(world)
    assert case.status == "taken_over"
    assert await check(world) == []
    joined = len(world.telegram.messages)
    await press(world, BUDI, "es:take:")
    await world.say(BUDI, "aku di sini ya")
    assert any("aku di sini ya" in t for t in world.texts(STUDENT, joined))
    assert await check(world) == []


async def test_a_held_case_whose_counselor_is_gone_pages_when_the_supporter_leaves(
    world: World,
) -> None:
    """The counselor holding the case is no longer active: nobody would read "the student is
    waiting again", so the case goes back to the ladder, and the student hears a counselor is
    being contacted, which is now true."""
    await _held_case_then_asks_again(world)
    async with world.running.store() as uow:
        budi = await uow.members.by_telegram_id(BUDI)
        assert budi is not None
        budi.active = False
        await uow.commit()
    await world.command(DIMAS, "/duty")
    await press(world, DIMAS, "dt:off:")
    before = len(world.telegram.messages)
    await world.advance(world.config.routing.handback_after + 60)
    [said] = [t for t in world.texts(STUDENT, before) if "pendampingmu harus pergi" in t]
    assert "Konselor tetap lagi dihubungi" in said, said
    [case] = await cases(world)
    assert case.status == "open"
    assert any("es:take:1" in m.buttons for m in world.telegram.to(RINA, before)), \
        "another counselor is paged"
    assert await check(world) == []


async def test_a_supporter_leaving_a_student_whose_case_is_paged_says_so(world: World) -> None:
    """The case still paging: "a counselor is still being contacted" is true, and said."""
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    await world.say(STUDENT, "aku mau bunuh diri malam ini")
    await world.command(DIMAS, "/duty")
    await press(world, DIMAS, "dt:off:")
    before = len(world.telegram.messages)
    await world.advance(world.config.routing.handback_after + 1)
    [said] = [t for t in world.texts(STUDENT, before) if "pendampingmu harus pergi" in t]
    assert "Konselor tetap lagi dihubungi" in said, said
    assert await check(world) == []
