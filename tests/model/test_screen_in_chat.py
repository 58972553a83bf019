"""``/screen``: the ASQ questions asked in a chat, on the whole program in-process."""

from __future__ import annotations

import pytest

from tests.model.invariants import check
from tests.model.test_regressions import intake, pings, press
from tests.model.world import World

STUDENT, DIMAS, BUDI = 700100001, 9101, 9201


async def in_chat(world: World) -> None:
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")


async def answer(world: World, *values: str) -> None:
    for value in values:
        [data] = [d for _, d in world.latest_buttons(STUDENT) if d.startswith("aq:")][:1]
        await press(world, STUDENT, data.rpartition(":")[0] + f":{value}")


async def test_a_supporter_screens_in_the_chat_and_a_yes_pages_a_counselor(world: World) -> None:
    await in_chat(world)
    await world.command(DIMAS, "/screen")
    assert any(d.startswith("aq:wish-dead:") for _, d in world.latest_buttons(STUDENT))
    before = len(world.telegram.messages)
    await world.command(DIMAS, "/screen")  # twice is once
    assert any("already answering" in t for t in world.texts(DIMAS, before))
    await answer(world, "no", "yes")
    [ping] = pings(world, BUDI)
    assert "better off dead: YES" in ping
    warned = [t for t in world.texts(DIMAS) if t.startswith("⚠️")]
    assert any("answered yes to a screening question" in t for t in warned), warned
    assert not any("wrote something" in t for t in warned), "(seen) a yes is not their words"
    assert "thoughts of suicide in the past week: not answered yet" in ping, "still being asked"
    await answer(world, "no", "no", "no")
    told = " ".join(world.texts(DIMAS))
    assert "answered the screening questions" in told
    assert "right now: no" in told
    assert not [d for _, d in world.buttons(STUDENT) if d.startswith("aq:")], "all answered"
    assert await check(world) == []


async def test_rather_not_say_in_the_chat_tells_the_supporter_to_ask_gently(
    world: World,
) -> None:
    await in_chat(world)
    await world.command(DIMAS, "/screen")
    first = [(m, d) for m, d in world.latest_buttons(STUDENT) if d.startswith("aq:")][0]
    await answer(world, "skip", "no", "no", "no")
    told = " ".join(world.texts(DIMAS))
    assert "Ask gently" in told
    assert pings(world, BUDI) == [], "rather not say pages nobody"
    async with world.running.store() as uow:
        chat = await uow.sessions.active_for_student(STUDENT)
        assert chat is not None
        request = await uow.requests.get(chat.request_id)
        assert request is not None
        assert request.risk_level == 1
    # a yes pressed later on an old question's button (its buttons still showing) is a yes
    await world.press(STUDENT, first[0], first[1].rpartition(":")[0] + ":yes")
    assert pings(world, BUDI), "a yes is never stale"
    assert await check(world) == []


async def test_a_supporter_taking_the_chat_over_is_briefed_with_the_answers(
    world: World,
) -> None:
    """Seen in a newcomer hour: after a hand-over the new supporter read "Student: nah /
    Student: yeah kinda" with no questions beside them and no screening summary."""
    ayu = 9102
    await world.command(ayu, "/duty")
    await press(world, ayu, "dt:on")
    await in_chat(world)
    await world.command(DIMAS, "/screen")
    await answer(world, "no", "skip", "no", "no")
    await world.command(DIMAS, "/handoff")
    await press(world, DIMAS, "ho:")
    before = len(world.telegram.messages)
    await press(world, ayu, "of:accept:")
    said = "\n".join(world.texts(ayu, before))
    assert "better off dead: rather not say" in said, said
    assert "Ask gently" in said, said
    assert await check(world) == []


async def test_a_yes_pressed_after_the_chat_ended_still_pages_a_counselor(world: World) -> None:
    """(sandbox trial) The chat ended while a /screen question waited; the student's *Yes*
    nine seconds later was told "that button isn't active anymore" and nobody heard. A yes is
    never stale: a counselor is paged."""
    await in_chat(world)
    await world.command(DIMAS, "/screen")
    message_id, data = next((m, d) for m, d in world.buttons(STUDENT)
                            if d.startswith("aq:wish-dead:"))
    await world.end(DIMAS)
    before = len(world.telegram.messages)
    await world.press(STUDENT, message_id, data.rpartition(":")[0] + ":yes")
    assert not any(t.startswith("Tombol itu udah nggak berlaku")
                   for t in world.texts(STUDENT, before)), world.texts(STUDENT, before)
    assert pings(world, BUDI, before), "a counselor is paged"
    assert any("112" in t for t in world.texts(STUDENT, before)), "the numbers"
    assert await check(world) == []


async def test_a_counselor_in_the_chat_hears_that_the_supporter_started_the_screening(
    world: World,
) -> None:
    """(A trial: a supporter's /screen reached the student while the counselor in the same
    chat heard nothing of it.)"""
    await in_chat(world)
    await world.say(STUDENT, "aku pengen mati aja")
    await press(world, BUDI, "es:take:")
    before = len(world.telegram.messages)
    await world.command(DIMAS, "/screen")
    told = [t for t in world.texts(BUDI, before) if "started the screening questions" in t]
    assert told, world.texts(BUDI, before)
    assert told[0].startswith("Dimas has started the screening questions with Awan-"), told
    assert await check(world) == []


async def _screened_with_a_typed_yes(world: World) -> None:
    """/screen in a chat: *No* tapped, "iya" typed to the second question (a yes: a counselor
    is paged), then *No* to the rest."""
    await in_chat(world)
    await world.command(DIMAS, "/screen")
    await answer(world, "no")
    await world.say(STUDENT, "iya")
    await answer(world, "no", "no", "no")


async def test_a_counselor_taking_over_reads_the_screening_answers_with_their_questions(
    world: World,
) -> None:
    """(A newcomer trial: the counselor taking over a case opened by a /screen answer read
    "Student: iya" with no question beside it, and no screening answers at all.)"""
    await _screened_with_a_typed_yes(world)
    before = len(world.telegram.messages)
    await press(world, BUDI, "es:take:")
    [taken] = [t for t in world.texts(BUDI, before) if t.startswith("You are now in the chat")]
    assert "📋 Screening in the chat (/screen) — wished dead: no · better off dead: YES" \
        in taken, taken
    lines = taken.splitlines()
    asked = lines.index("📋 Screening question: felt they or their family would be better "
                        "off if they were dead, in the past few weeks? Answer: YES")
    assert lines[asked + 1] == "Student: iya", "the typed answer right after its question"
    assert "📋 Screening question: wished they were dead, in the past few weeks? Answer: no" \
        in lines[:asked], "a tapped answer too, in order"
    assert "📋 Screening question: thoughts of killing themselves right now? Answer: no" \
        in lines[asked:]
    assert await check(world) == []


async def test_the_screening_in_the_take_over_is_in_the_counselors_language(
    world: World,
) -> None:
    async with world.running.store() as uow:  # the counselor reads the bot in Indonesian
        person = await uow.people.get_or_create(BUDI, "id", world.clock())
        person.language = "id"
        await uow.commit()
    await _screened_with_a_typed_yes(world)
    before = len(world.telegram.messages)
    await press(world, BUDI, "es:take:")
    [taken] = [t for t in world.texts(BUDI, before) if t.startswith("Anda sekarang ada")]
    assert "📋 Skrining di obrolan (/screen) — berharap mati: tidak · merasa dia/keluarganya " \
        "lebih baik kalau dia mati: YA" \
        in taken, taken
    assert "📋 Pertanyaan skrining: pernah berharap dirinya mati, beberapa minggu terakhir? " \
        "Jawaban: tidak\n" in taken, taken
    assert "Screening" not in taken
    assert await check(world) == []


async def test_typed_answers_take_the_buttons_away_and_a_stale_yes_changes_nothing(
    world: World,
) -> None:
    """(A trial: /screen questions answered by typing, "kayaknya sih iya", "ga tau", kept their
    Iya / Nggak / Aku nggak mau jawab into the next day; tapping "Iya" on one then opened a
    new case.) A question answered, typed or tapped, loses its buttons; a button of a screening
    that is over changes nothing and says it is out of date."""
    await in_chat(world)
    await world.command(DIMAS, "/screen")
    first, yes = next((m, d) for m, d in world.buttons(STUDENT)
                      if d.startswith("aq:wish-dead:") and d.endswith(":yes"))
    await world.say(STUDENT, "ga tau")
    assert not [d for m, d in world.buttons(STUDENT) if m == first], "typed: no buttons left"
    await answer(world, "no")  # tapped
    for said in ("nggak", "nggak"):
        await world.say(STUDENT, said)
    assert not [d for _, d in world.buttons(STUDENT) if d.startswith("aq:")], \
        [world.telegram.by_id[m].text for m, d in world.buttons(STUDENT) if d.startswith("aq:")]
    await world.end(DIMAS)
    await world.advance(20 * 3600)
    before = len(world.telegram.messages)
    await world.press(STUDENT, first, yes)  # the old message's Yes, the next day
    assert any(t.startswith("Tombol itu udah nggak berlaku") for t in world.texts(
        STUDENT, before)), world.texts(STUDENT, before)
    assert not pings(world, BUDI, before), "a screening that is over opens no case"
    assert await check(world) == []


async def test_a_late_yes_is_paged_with_the_question_asked_and_the_students_words(
    world: World,
) -> None:
    """(A trial: a late "Iya" to "Seminggu terakhir ini, kamu ada kepikiran buat bunuh diri?"
    paged "Reason: ... in the past weeks" and "(nothing written yet)", though the student had
    written of not wanting to wake up in the chat.) A yes to a question never answered is
    still a yes; its ping names that question and quotes the student's recent words."""
    await in_chat(world)
    await world.say(STUDENT, "kadang aku pengen tidur terus ga usah bangun lagi")
    await world.command(DIMAS, "/screen")
    await answer(world, "no", "no")
    at, yes = next((m, d) for m, d in world.buttons(STUDENT)
                   if d.startswith("aq:thoughts:") and d.endswith(":yes"))
    await world.end(DIMAS)
    await world.advance(3 * 3600)
    before = len(world.telegram.messages)
    await world.press(STUDENT, at, yes)
    [ping] = pings(world, BUDI, before)
    assert "thoughts of suicide in the past week: YES" in ping, ping
    assert "past weeks" not in ping, ping
    assert "ga usah bangun lagi" in ping, ping
    assert "nothing written yet" not in ping, ping
    assert await check(world) == []


@pytest.mark.parametrize("feedback", ["left", "skipped"])
async def test_what_the_student_writes_after_a_late_yes_reaches_whoever_was_paged(
    world: World, feedback: str,
) -> None:
    """(A trial: after a late "Iya" opened a case, the student's "eh maaf kepencet, aku gapapa
    kok" was not added to the ping.) Words written while their case waits for a counselor,
    with no chat open, go to whoever was paged, in the case's words."""
    await in_chat(world)
    await world.command(DIMAS, "/screen")
    await answer(world, "no", "no")
    at, yes = next((m, d) for m, d in world.buttons(STUDENT)
                   if d.startswith("aq:thoughts:") and d.endswith(":yes"))
    await world.end(DIMAS)
    if feedback == "skipped":  # nothing open any more, or the chat's feedback question
        await press(world, STUDENT, "fb:skip")
    await world.advance(20 * 3600)  # the next day
    await world.press(STUDENT, at, yes)
    assert pings(world, BUDI)
    before = len(world.telegram.messages)
    await world.say(STUDENT, "eh maaf kepencet, aku gapapa kok")
    [update] = pings(world, BUDI, before)
    assert "kepencet" in update, update
    told = world.texts(STUDENT, before)
    assert told, "the student hears a counselor is coming"
    assert not any("ngebantu" in t or "tombol" in t for t in told), \
        f"not the feedback question: {told}"
    assert await check(world) == []
