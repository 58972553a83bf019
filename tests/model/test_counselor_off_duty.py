"""A counselor goes off duty while in the chat of a crisis case they took over, on the whole
program in-process (tests/model/world.py). Found in a sandbox trial: the case was paged to the
team as "NOT yet taken care of" at once while the counselor was still writing to the student,
their *Hand over* button answered "out of date", and when the chat went back to the team the
student read "we're getting a counselor" before "the counselor had to leave"."""

from __future__ import annotations

from tests.model.invariants import check
from tests.model.test_regressions import BUDI, DIMAS, RINA, SARI, STUDENT, cases, intake, press
from tests.model.world import World


async def _off_duty_in_a_crisis_chat(world: World, *, rina_on_duty: bool = True) -> int:
    """Dimas chats with the student, who writes something grave; Budi takes the case over,
    then goes off duty. Returns the message count just before he does."""
    if rina_on_duty:
        await world.command(RINA, "/duty")
        await press(world, RINA, "dt:on:")
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    await world.say(STUDENT, "aku pengen mati aja")
    await press(world, BUDI, "es:take:")
    before = len(world.telegram.messages)
    await world.command(BUDI, "/duty")
    await press(world, BUDI, "dt:off:")
    return before


async def test_going_off_duty_asks_a_colleague_and_the_case_stays_held_meanwhile(
    world: World,
) -> None:
    before = await _off_duty_in_a_crisis_chat(world)
    [case] = await cases(world)
    assert case.status == "taken_over", "Budi is still in the chat: not paged as unhandled"
    assert not any("NOT yet" in t or "BELUM" in t for who in (RINA, SARI, BUDI)
                   for t in world.texts(who, before))
    [asked] = [m for m in world.telegram.to(RINA, before) if "asks for a counselor" in m.text]
    assert "Pak Budi went off duty" in asked.text
    assert "aku pengen mati aja" in asked.text
    assert list(asked.buttons) == ["es:take:1"]
    assert not any("take over" in t for t in world.texts(SARI, before)), \
        "a counselor is on duty: the coordinator is not disturbed"
    [told] = [m for m in world.telegram.to(BUDI, before) if "crisis chat" in m.text]
    assert "asked the counselor on duty to take it over" in told.text
    assert not any("hand it over or end it" in t for t in world.texts(BUDI, before)), \
        "nothing to hand over or end by hand: the ask went out"
    assert not any(b.startswith("ho:") for b in told.buttons), "no hand-over that cannot work"
    assert "dt:on:" in told.buttons, "one tap keeps the case"
    assert any("another counselor is being asked" in t for t in world.texts(DIMAS, before))
    said = len(world.telegram.messages)
    await world.say(BUDI, "aku masih di sini ya")
    assert any("aku masih di sini ya" in t for t in world.texts(STUDENT, said)), \
        "until someone takes over, the counselor still reaches the student"
    assert await check(world) == []


async def test_a_colleague_takes_the_case_over_from_the_counselor_going_off_duty(
    world: World,
) -> None:
    await _off_duty_in_a_crisis_chat(world)
    await world.say(BUDI, "sebentar ya, ada konselor lain yang gantiin aku")
    taken = len(world.telegram.messages)
    await press(world, RINA, "es:take:")
    [case] = await cases(world)
    assert case.status == "taken_over"
    assert case.taken_over_by is not None
    assert case.taken_over_by != 3
    assert any("konselor lain" in t for t in world.texts(STUDENT, taken)), \
        "the student knows the counselor changed"
    assert any("Bu Rina has taken over escalation #1" in t and "you have left it" in t
               for t in world.texts(BUDI, taken))
    joined = "\n".join(world.texts(RINA, taken))
    assert "sebentar ya, ada konselor lain yang gantiin aku" in joined, "the chat so far"
    assert any("Bu Rina" in t for t in world.texts(DIMAS, taken))
    after = len(world.telegram.messages)
    await world.say(BUDI, "halo?")
    assert not any("halo?" in t for t in world.texts(STUDENT, after)), "Budi has left"
    await world.say(STUDENT, "makasih ya")
    assert any("makasih ya" in t for t in world.texts(RINA, after))
    assert not any("makasih ya" in t for t in world.texts(BUDI, after))
    await world.advance(20 * 60)  # his time to hand the chat back runs out: nothing happens
    assert (await cases(world))[0].taken_over_by == case.taken_over_by
    assert not any(b.startswith(("es:ack:", "es:take:")) for _, b in world.buttons(SARI))
    assert await check(world) == []


async def test_when_nobody_takes_it_over_the_case_is_released_and_paged_in_order(
    world: World,
) -> None:
    before = await _off_duty_in_a_crisis_chat(world, rina_on_duty=False)
    assert any("No other counselor is on duty" in t for t in world.texts(SARI, before)), \
        "with no other counselor on duty, whoever the ladder would page hears it"
    assert any("every counselor and the coordinators have been asked" in t
               for t in world.texts(BUDI, before))
    released = len(world.telegram.messages)
    await world.advance(world.config.routing.handback_after + 61)
    [case] = await cases(world)
    assert case.status == "open"
    assert case.taken_over_by is None
    assert any(b.startswith("es:ack:") for _, b in world.buttons(SARI)), "paged again"
    student = world.texts(STUDENT, released)
    left = next(i for i, t in enumerate(student) if "harus keluar" in t)
    assert not any("ngusahain" in t for t in student[:left]), \
        f"told the counselor left before anything about finding one: {student}"
    assert any("went back to the team" in t for t in world.texts(BUDI, released))
    assert await check(world) == []


async def test_back_on_duty_the_counselor_keeps_the_case_and_the_ask_is_withdrawn(
    world: World,
) -> None:
    await _off_duty_in_a_crisis_chat(world)
    back = len(world.telegram.messages)
    await press(world, BUDI, "dt:on:")
    assert any("back on duty and keeps escalation #1" in t for t in world.texts(RINA, back))
    assert any("is back on duty and stays with" in t for t in world.texts(DIMAS, back)), \
        "the supporter told 'another counselor is being asked' hears it is off"
    assert not any(d.startswith("es:take:") for _, d in world.buttons(RINA)), \
        "her Take over went with the ask"
    await world.advance(20 * 60)
    [case] = await cases(world)
    assert case.status == "taken_over"
    assert not any(b.startswith(("es:ack:", "es:take:")) for who in (RINA, SARI)
                   for _, b in world.buttons(who)), "nobody paged: Budi is with the student"
    assert await check(world) == []


async def test_a_counselor_whose_case_is_closed_leaves_the_chat_without_a_dead_button(
    world: World,
) -> None:
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    await world.say(STUDENT, "aku pengen mati aja")
    await press(world, BUDI, "es:take:")
    await press(world, BUDI, "es:out:")  # resolved: safe
    await world.command(BUDI, "/skip")
    before = len(world.telegram.messages)
    await world.command(BUDI, "/duty")
    await press(world, BUDI, "dt:off:")
    [open_chat] = [m for m in world.telegram.to(BUDI, before) if "Open chat" in m.text]
    assert open_chat.buttons
    assert all(b.startswith("en:") for b in open_chat.buttons)
    await world.advance(world.config.routing.handback_after + 61)
    assert any("stays with you" in t for t in world.texts(DIMAS, before))
    assert await check(world) == []


async def test_a_new_crisis_message_meanwhile_pages_the_team_and_the_taker_replaces_him(
    world: World,
) -> None:
    await _off_duty_in_a_crisis_chat(world)
    await world.say(STUDENT, "aku udah di atap, mau loncat sekarang")
    [case] = await cases(world)
    assert case.status == "open", "paged at once, not held for his five minutes"
    taken = len(world.telegram.messages)
    await press(world, RINA, "es:take:")
    assert any("you have left it" in t for t in world.texts(BUDI, taken)), \
        "the counselor going off duty is told he is out of the chat"
    after = len(world.telegram.messages)
    await world.say(STUDENT, "tolong")
    assert any("tolong" in t for t in world.texts(RINA, after))
    assert not any("tolong" in t for t in world.texts(BUDI, after))
    assert await check(world) == []


async def test_accepting_a_student_in_crisis_withdraws_the_supporters_other_offer(
    world: World,
) -> None:
    """Found by the model (S17): two students offered to Dimas in the same minute; he took the
    one whose case was open, and the other's offer stayed his."""
    other = 700100003
    await world.say(STUDENT, "aku pengen mati aja")
    await press(world, BUDI, "es:ack:")
    await intake(world, STUDENT)
    await intake(world, other)
    offers = [d for _, d in world.buttons(DIMAS) if d.startswith("of:accept:")]
    assert len(offers) == 2, offers
    first = [(m, d) for m, d in world.buttons(DIMAS) if d.startswith("of:accept:")][0]
    await world.press(DIMAS, *first)
    assert await check(world) == []


async def test_the_only_counselor_going_off_duty_alone_in_a_crisis_chat_is_said_as_such(
    world: World,
) -> None:
    """Seen (newcomer trial): a counselor who had taken over a crisis chat (the supporter had
    gone) went off duty without handing it over; the student read "your supporter had to
    leave ... the first supporter who comes on duty will read it", not a word of a counselor,
    and only the coordinator (who takes nobody over) was paged, for minutes."""
    async with world.running.store() as uow:  # Pak Budi is the only counselor
        rina = await uow.members.by_telegram_id(RINA)
        assert rina is not None
        rina.active = False
        await uow.commit()
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    await world.say(STUDENT, "aku pengen mati aja")
    await press(world, BUDI, "es:take:")
    await world.command(DIMAS, "/duty")
    await press(world, DIMAS, "dt:off:")
    await world.advance(world.config.routing.handback_after + 60)  # Dimas's chat: Budi's now
    await world.command(BUDI, "/duty")
    await press(world, BUDI, "dt:off:")
    before = len(world.telegram.messages)
    await world.advance(world.config.routing.handback_after + 60)
    [said] = [t for t in world.texts(STUDENT, before) if "harus pergi" in t]
    assert said.startswith("Maaf ya, konselor yang nemenin kamu harus pergi dulu."), said
    assert "kami langsung hubungin konselor lagi buat kamu" in said, said
    [case] = await cases(world)
    assert case.status == "open"
    paged = [m for m in world.telegram.to(BUDI, before) if "es:take:1" in m.buttons]
    assert paged, "a counselor is paged at once, not the coordinator alone"
    assert await check(world) == []
    back = len(world.telegram.messages)
    await press(world, BUDI, "es:take:")  # the page works: he can take the student again
    await world.say(BUDI, "aku balik lagi ya")
    assert any("aku balik lagi ya" in t for t in world.texts(STUDENT, back))
    assert await check(world) == []
