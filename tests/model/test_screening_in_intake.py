"""The intake's ASQ screening on the whole program in-process (tests/model/world.py): what the
counselor, the supporter and the student see, and that the safety rules hold around it."""

from __future__ import annotations

from tests.model.invariants import check
from tests.model.test_regressions import cases, pings, press
from tests.model.world import World

STUDENT, DIMAS, BUDI, SARI = 700100001, 9101, 9201, 9001
TIRED = "aku capek banget akhir-akhir ini, semuanya terasa berat di sekolah"


async def to_feeling(world: World, description: str = TIRED) -> None:
    await world.command(STUDENT, "/start")
    for step in ("in:consent:yes", "in:lang:id", "in:topic:family"):
        await press(world, STUDENT, step)
    await world.say(STUDENT, description)


async def answer(world: World, *answers: str) -> None:
    for value in answers:
        [data] = [d for _, d in world.latest_buttons(STUDENT) if d.startswith("in:asq-")][:1]
        await press(world, STUDENT, data.rpartition(":")[0] + f":{value}")


async def test_rather_not_say_flags_the_request_and_the_supporter_is_told_to_ask_gently(
    world: World,
) -> None:
    await to_feeling(world)
    await press(world, STUDENT, "in:feeling:2")
    await answer(world, "skip", "no", "no", "no")
    assert pings(world, BUDI) == [], "no yes: nobody is paged"
    for step in ("in:name:keep", "in:confirm:"):
        await press(world, STUDENT, step)
    async with world.running.store() as uow:
        person = await uow.people.by_telegram_id(STUDENT)
        assert person is not None
        request = await uow.requests.open_for(person.id)
        assert request is not None
        assert request.risk_level == 1  # a concern: rather not say is not a no
    before = len(world.telegram.messages)
    await press(world, DIMAS, "of:accept:")
    told = world.texts(DIMAS, before)
    assert any("rather not say" in t for t in told), told
    assert any("Ask gently" in t for t in told), told
    assert await check(world) == []


async def test_a_yes_then_cancelling_the_intake_leaves_the_case_with_the_counselors(
    world: World,
) -> None:
    await to_feeling(world)
    await press(world, STUDENT, "in:feeling:1")
    await answer(world, "no", "yes")
    [ping] = pings(world, BUDI)
    assert "better off dead: YES" in ping
    assert "wished dead: no" in ping
    await world.command(STUDENT, "/cancel")
    [case] = await cases(world)
    assert case.status == "open"
    await world.advance(130)  # still climbing the ladder
    assert await check(world) == []


async def test_a_concern_in_the_description_asks_the_screening_after_the_feeling_not_before(
    world: World,
) -> None:
    await to_feeling(world, "rasanya udah gak ada gunanya hidup, aku capek sama semuanya")
    assert not any(d.startswith("sc:") for _, d in world.buttons(STUDENT)), \
        "no separate screening question in the middle of the intake"
    await press(world, STUDENT, "in:feeling:4")
    assert any(d.startswith("in:asq-wish-dead:") for _, d in world.latest_buttons(STUDENT))
    assert await check(world) == []


async def test_the_first_yes_pings_with_the_rest_still_to_come_and_the_rest_follow(
    world: World,
) -> None:
    await to_feeling(world)
    await press(world, STUDENT, "in:feeling:1")
    await answer(world, "yes")
    [ping] = pings(world, BUDI)
    assert "wished dead: YES" in ping
    assert "not asked" not in ping, "the rest are being asked, not skipped"
    assert "better off dead: not answered yet" in ping
    before = len(world.telegram.messages)
    await answer(world, "no", "skip", "no", "no")  # 2-4, then "right now?"
    [complete] = [t for t in world.texts(BUDI, before) if "all the screening questions" in t]
    assert "better off dead: no" in complete
    assert "thoughts of suicide in the past week: rather not say" in complete
    assert "right now: no" in complete
    assert "not answered yet" not in complete
    assert await check(world) == []


async def test_a_student_whose_case_is_open_is_told_the_name_stays_before_picking_one(
    world: World,
) -> None:
    """Seen (newcomer hour): a screening yes opened a case under the first name; the student
    then pressed *Another name* and kept it, was told the supporter sees only the name they
    picked, and every offer, ping and relayed message used the first one."""
    await to_feeling(world)
    await press(world, STUDENT, "in:feeling:2")
    await answer(world, "yes", "no", "no", "no", "no")
    [ping] = pings(world, BUDI)
    # said where the name is shown, and no other name offered (a trial: *Another name*
    # offered, the new one shown in the summary, then taken back after sending)
    assert not any(d.startswith("in:name:another") for _, d in world.buttons(STUDENT))
    told = [t for t in world.texts(STUDENT) if "konselor udah kenal kamu" in t]
    await press(world, STUDENT, "in:name:keep")
    before = len(world.telegram.messages)
    await press(world, STUDENT, "in:confirm:")
    async with world.running.store() as uow:
        person = await uow.people.by_telegram_id(STUDENT)
        assert person is not None
        assert person.pseudonym is not None
    assert person.pseudonym in ping, "the name the counselor knows stays"
    assert len(told) == 1, world.texts(STUDENT)
    assert person.pseudonym in told[0]
    assert not any("konselor udah kenal kamu" in t for t in world.texts(STUDENT, before))
    assert await check(world) == []


async def test_a_yes_tapped_after_cancelling_still_reaches_a_counselor(world: World) -> None:
    """Seen (newcomer hour): after /cancel, the screening question's Yes (its buttons still
    live) started the welcome again and told nobody. Every yes is taken, whenever it comes;
    and a student who rated 1 of 5 and cancelled is shown where help is."""
    await to_feeling(world)
    await press(world, STUDENT, "in:feeling:1")
    [(message, data)] = [(m, d) for m, d in world.buttons(STUDENT)
                         if d.startswith("in:asq-") and d.endswith(":yes")]
    cancelled = len(world.telegram.messages)
    await world.command(STUDENT, "/cancel")
    assert any("🆘" in t for t in world.texts(STUDENT, cancelled)), \
        world.texts(STUDENT, cancelled)
    world.signals.append((STUDENT, world.clock(), "a late yes"))
    before = len(world.telegram.messages)
    await world.press(STUDENT, message, data)
    assert pings(world, BUDI, before), "a counselor is paged"
    assert not any("Kamu paham dan mau lanjut?" in t for t in world.texts(STUDENT, before))
    assert await check(world) == []


async def _tap_yes_on(world: World, question: str) -> None:
    """Tap Yes on that question's message, wherever the intake is now (its buttons may be
    gone already, answered by typing: a tap that raced the clearing still arrives)."""
    data = f"in:asq-{question}:yes"
    [message] = [m.message_id for m in world.telegram.to(STUDENT) if data in m.buttons][-1:]
    await world.press(STUDENT, message, data)


async def test_a_yes_tapped_later_on_a_question_first_answered_not_sure_pings_with_the_answers_and_asks_right_now(  # noqa: E501
    world: World,
) -> None:
    """(A trial: "ga tau" typed to the first question, then its Yes tapped: the counselor was
    paged with no answers, and "right now?" was never asked.)"""
    await to_feeling(world)
    await press(world, STUDENT, "in:feeling:1")
    await world.say(STUDENT, "ga tau")
    assert any(d.startswith("in:asq-better-off-dead:")
               for _, d in world.latest_buttons(STUDENT)), "on to the second question"
    await _tap_yes_on(world, "wish-dead")
    [ping] = pings(world, BUDI)
    assert "wished dead: YES" in ping, ping
    assert any(d.startswith("in:asq-better-off-dead:")
               for _, d in world.latest_buttons(STUDENT)), "the intake goes on where it was"
    assert await check(world) == []
    await answer(world, "no", "no", "no")
    assert any(d.startswith("in:asq-now:") for _, d in world.latest_buttons(STUDENT)), \
        "a yes so far: right now? is asked"
    await answer(world, "yes")
    [case] = await cases(world)
    assert case.level == 3, "yes right now: imminent"
    assert await check(world) == []


async def test_a_yes_tapped_after_the_screening_ended_asks_right_now_then_goes_on(
    world: World,
) -> None:
    await to_feeling(world)
    await press(world, STUDENT, "in:feeling:2")
    for _ in range(4):  # typed, so their buttons stay
        await world.say(STUDENT, "nggak")
    assert any(d.startswith("in:name:") for _, d in world.latest_buttons(STUDENT))
    await _tap_yes_on(world, "thoughts")
    [ping] = pings(world, BUDI)
    assert "thoughts of suicide in the past week: YES" in ping, ping
    assert "right now: not asked" not in ping, "it is being asked"
    assert any(d.startswith("in:asq-now:") for _, d in world.latest_buttons(STUDENT)), \
        "the acuity question is asked now"
    await answer(world, "no")
    assert any(d.startswith("in:name:") for _, d in world.latest_buttons(STUDENT)), \
        "then back to the name"
    for step in ("in:name:keep", "in:confirm:"):
        await press(world, STUDENT, step)
    [case] = await cases(world)
    assert case.level == 2
    assert await check(world) == []


async def test_words_that_raise_a_screening_case_are_in_its_reason_from_then_on(
    world: World,
) -> None:
    """(A newcomer trial: a screening case Pak Budi had seen was raised to imminent by "I
    have the pills ready, tonight I take them all"; the pings' reason still listed only the
    screening answers ("right now: no"), and the supporter's briefing only "answered yes to
    the screening questions".) The words' own reason follows the first one everywhere."""
    await world.command(DIMAS, "/duty")
    await press(world, DIMAS, "dt:off")
    await to_feeling(world)
    await press(world, STUDENT, "in:feeling:2")
    await answer(world, "yes", "no", "no", "no", "no")
    for step in ("in:name:keep", "in:confirm:"):
        await press(world, STUDENT, step)
    [first] = pings(world, BUDI)
    assert "then wrote" not in first, first
    await press(world, BUDI, "es:ack:")
    raised = len(world.telegram.messages)
    await world.say(STUDENT, "aku udah nyiapin obat, malam ini aku minum semuanya")
    paged = [p for who in (BUDI, SARI) for p in pings(world, who, raised)]
    assert paged, "raised: paged again"
    for ping in paged:
        [why] = [line for line in ping.splitlines() if line.startswith("Why:")]
        assert "answered yes to the screening questions (ASQ)" in why, why
        assert "; then wrote: words about" in why, why
    await world.command(DIMAS, "/duty")
    before = len(world.telegram.messages)
    await press(world, DIMAS, "dt:on")
    await press(world, DIMAS, "of:accept:")
    said = "\n".join(world.texts(DIMAS, before))
    assert "; then wrote: words about" in said, said
    assert await check(world) == []


async def test_a_yes_tapped_after_cancelling_is_paged_as_the_question_asked(
    world: World,
) -> None:
    """(A trial: a late "Iya" to "Seminggu terakhir ini, kamu ada kepikiran buat bunuh diri?"
    was paged as "thoughts of suicide in the past weeks", the direct question's words.)"""
    await to_feeling(world)
    await press(world, STUDENT, "in:feeling:1")
    await answer(world, "no", "no")
    at, yes = next((m, d) for m, d in world.buttons(STUDENT)
                   if d.startswith("in:asq-thoughts:") and d.endswith(":yes"))
    await world.command(STUDENT, "/cancel")
    before = len(world.telegram.messages)
    await world.press(STUDENT, at, yes)
    [ping] = pings(world, BUDI, before)
    assert "thoughts of suicide in the past week: YES" in ping, ping
    assert "past weeks" not in ping, ping
    assert await check(world) == []
