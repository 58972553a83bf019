"""A student coming back after a chat, on the whole program in-process (tests/model/world.py).
Found in a sandbox trial: "I want to talk again" under the next day's check-in answered "your
request or chat is still going" to a student with nothing going (they had left the last chat's
feedback question unanswered), and a new request began with the welcome and consent again."""

from __future__ import annotations

from tests.model.invariants import check
from tests.model.test_regressions import BUDI, DIMAS, STUDENT, intake, press
from tests.model.test_what_staff_are_told import taken_over_before_a_topic
from tests.model.world import World


async def _checked_in(world: World, *, rated: bool) -> None:
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    await world.end(STUDENT)
    if rated:
        await press(world, STUDENT, "fb:rate:")
    await world.advance(world.config.routing.followup_after + 120)
    assert any(d.startswith("fu:again") for _, d in world.buttons(STUDENT)), "the check-in came"


async def test_talk_again_with_the_feedback_unanswered_begins_a_request(world: World) -> None:
    await _checked_in(world, rated=True)  # the comment question after the rating: unanswered
    assert any(d.startswith("fb:") for _, d in world.buttons(STUDENT))
    before = len(world.telegram.messages)
    await press(world, STUDENT, "fu:again")
    said = world.texts(STUDENT, before)
    assert not any("masih jalan" in t for t in said), said
    assert said[0].startswith("Oke, kita mulai lagi ya.")
    assert said[-1] == "Kamu mau cerita soal apa?", "straight to the topic: no consent again"
    assert not any(d.startswith(("fb:", "fu:")) for _, d in world.buttons(STUDENT)), \
        "the old feedback and check-in buttons are gone"
    await press(world, STUDENT, "in:topic:academic")
    await world.say(STUDENT, "aku masih kepikiran soal nilai ujianku yang jelek kemarin")
    for step in ("in:feeling:3", "in:name:keep", "in:confirm:"):
        await press(world, STUDENT, step)
    assert [who for who, *_ in await world.queue()] == [STUDENT] or \
        any(d.startswith("of:accept") for _, d in world.buttons(DIMAS)), "the request is out"
    assert await check(world) == []


async def test_talk_again_after_everything_answered_goes_to_the_topic(world: World) -> None:
    await _checked_in(world, rated=True)
    await press(world, STUDENT, "fb:skip")
    before = len(world.telegram.messages)
    await press(world, STUDENT, "fu:again")
    assert world.texts(STUDENT, before)[-1] == "Kamu mau cerita soal apa?"
    before = len(world.telegram.messages)
    await press(world, STUDENT, "in:back")  # back to the language, as in any intake
    assert any(d.startswith("in:lang:") for _, d in world.buttons(STUDENT))
    assert await check(world) == []


async def test_talk_again_while_waiting_says_the_request_is_waiting(world: World) -> None:
    await _checked_in(world, rated=True)
    await press(world, STUDENT, "fb:skip")
    await world.command(DIMAS, "/duty")
    await intake(world, STUDENT)  # a new request through /start, waiting: nobody on duty
    before = len(world.telegram.messages)
    await press(world, STUDENT, "fu:again")  # the day-old check-in's button
    [said] = world.texts(STUDENT, before)
    assert said.startswith("Permintaanmu udah terkirim dan lagi nunggu pendamping.")
    assert await check(world) == []


async def test_an_intake_button_left_from_before_a_counselors_chat_changes_nothing(
    world: World,
) -> None:
    """(A trial: a counselor took over a student at the intake's topic question; the topic
    buttons stayed, and one tapped a day later began a whole new intake, welcome and all.)"""
    await taken_over_before_a_topic(world)
    topics = next(m.message_id for m in world.telegram.to(STUDENT)  # the first topic question
                  if any(d.startswith("in:topic") for d in m.buttons))
    assert not any(d.startswith("in:") for _, d in world.buttons(STUDENT)), \
        "the intake's buttons go when the counselor's chat begins"
    await press(world, BUDI, "es:out:")
    await world.command(BUDI, "/end")
    await world.end(BUDI)
    await world.advance(world.config.routing.followup_after + 120)
    before = len(world.telegram.messages)
    await world.press(STUDENT, topics, "in:topic:academic")  # an old message's tap arrives
    said = world.texts(STUDENT, before)
    assert said == ["Tombol itu udah nggak berlaku, jadi nggak ada yang berubah. Lanjut dari "
                    "pesan terakhir aja ya."], said
    assert any(d.startswith("fu:again") for _, d in world.buttons(STUDENT)), \
        "the check-in's buttons are still there"
    async with world.running.store() as uow:
        assert await uow.conversations.get(STUDENT) is None, "no intake began"
    assert await check(world) == []
