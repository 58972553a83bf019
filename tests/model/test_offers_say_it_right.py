"""What an offer and a briefing tell a supporter is true (a newcomer trial): where a screening
happened, whether a crisis case is still open, who the student was with before, and how long
they have waited this time. On the whole program in-process (tests/model/world.py), with the
safety invariants checked."""

from __future__ import annotations

from tests.model.invariants import check
from tests.model.test_regressions import DIMAS, STUDENT, cases, intake, press
from tests.model.world import World

AYU = 9102


async def answer(world: World, *values: str) -> None:
    for value in values:
        [data] = [d for _, d in world.latest_buttons(STUDENT) if d.startswith("aq:")][:1]
        await press(world, STUDENT, data.rpartition(":")[0] + f":{value}")


async def back_in_line(world: World) -> None:
    """Dimas goes off duty with the chat open and lets it go back to the queue."""
    await world.command(DIMAS, "/duty")
    await press(world, DIMAS, "dt:off")
    await world.advance(world.config.routing.handback_after + 30)


async def offer_on_coming_back(world: World) -> str:
    """Dimas comes back on duty: the one offer he is sent then."""
    await world.command(DIMAS, "/duty")
    before = len(world.telegram.messages)
    await press(world, DIMAS, "dt:on")
    [offer] = [t for t in world.texts(DIMAS, before) if t.startswith("New request")]
    return offer


async def test_a_screening_in_the_chat_is_labelled_as_the_chats(world: World) -> None:
    await world.command(AYU, "/duty")
    await press(world, AYU, "dt:on")
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    await world.command(DIMAS, "/screen")
    await answer(world, "no", "skip", "no", "no")
    await world.command(DIMAS, "/handoff")
    await press(world, DIMAS, "ho:")
    before = len(world.telegram.messages)
    await press(world, AYU, "of:accept:")
    [label] = [t for t in world.texts(AYU, before) if t.startswith("📋")]
    assert label.startswith("📋 Screening in the chat (/screen) — "), label
    assert "intake" not in label
    assert "better off dead: rather not say" in label
    assert await check(world) == []


async def test_a_screening_in_the_intake_is_still_labelled_as_the_intakes(
    world: World,
) -> None:
    await world.command(DIMAS, "/duty")
    await press(world, DIMAS, "dt:off")
    await world.command(STUDENT, "/start")
    for step in ("in:consent:yes", "in:lang:id", "in:topic:family"):
        await press(world, STUDENT, step)
    await world.say(STUDENT, "aku stres banget sama ujian minggu depan dan susah tidur")
    await press(world, STUDENT, "in:feeling:1")  # 1 of 5: the screening questions
    for question in ("wish-dead", "better-off-dead", "thoughts", "tried"):
        await press(world, STUDENT, f"in:asq-{question}:{'skip' if question == 'tried' else 'no'}")
    await press(world, STUDENT, "in:name:keep")
    await press(world, STUDENT, "in:confirm:")
    await world.command(DIMAS, "/duty")
    before = len(world.telegram.messages)
    await press(world, DIMAS, "dt:on")
    await press(world, DIMAS, "of:accept:")
    [label] = [t for t in world.texts(DIMAS, before) if t.startswith("📋")]
    assert label.startswith("📋 Screening in the intake — "), label
    assert await check(world) == []


async def test_an_offer_says_the_students_crisis_case_is_open_not_in_the_last_week(
    world: World,
) -> None:
    await world.command(DIMAS, "/duty")
    await press(world, DIMAS, "dt:off")
    await intake(world, STUDENT)
    await world.say(STUDENT, "aku pengen mati aja")
    offer = await offer_on_coming_back(world)
    assert "(case #1 open now)" in offer, offer
    assert "last 7 days" not in offer
    assert await check(world) == []


async def test_an_offer_after_the_case_closed_says_the_last_seven_days(world: World) -> None:
    budi = 9201
    await world.command(DIMAS, "/duty")
    await press(world, DIMAS, "dt:off")
    await intake(world, STUDENT)
    await world.say(STUDENT, "aku pengen mati aja")
    await press(world, budi, "es:ack:")
    await press(world, budi, "es:out:1:safe")  # the case is closed
    offer = await offer_on_coming_back(world)
    assert "(case #1 in the last 7 days)" in offer, offer
    assert await check(world) == []


async def test_offered_again_to_the_supporter_who_left_says_it_was_them(world: World) -> None:
    """The same supporter, back on duty, gets the chat they left: not "their supporter had
    to leave" / "another supporter". And the wait counts from when it came back."""
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    await world.advance(40 * 60)  # a long chat
    await back_in_line(world)
    await world.command(DIMAS, "/duty")
    before = len(world.telegram.messages)
    await press(world, DIMAS, "dt:on")
    [offer] = [t for t in world.texts(DIMAS, before) if t.startswith("Back in line")]
    assert offer.startswith("Back in line since you had to leave their chat: Awan-"), offer
    assert "Waiting: 0 min" in offer, "the 40 minutes in the chat are not a wait"
    await press(world, DIMAS, "of:accept:")
    said = "\n".join(world.texts(DIMAS, before))
    assert "You were in a chat with this student before and had to leave" in said, said
    assert "another supporter" not in said
    assert await check(world) == []


async def test_offered_to_a_colleague_it_is_their_supporter_and_the_wait_since_then(
    world: World,
) -> None:
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    await world.advance(40 * 60)
    await back_in_line(world)
    await world.advance(6 * 60)
    await world.command(AYU, "/duty")
    before = len(world.telegram.messages)
    await press(world, AYU, "dt:on")
    [offer] = [t for t in world.texts(AYU, before) if t.startswith("Back in line")]
    assert offer.startswith("Back in line, their supporter had to leave: Awan-"), offer
    assert "Waiting: 6 min" in offer, offer
    await press(world, AYU, "of:accept:")
    assert any("in a chat with another supporter, who had to leave" in t
               for t in world.texts(AYU, before))
    assert await check(world) == []


async def test_an_offer_names_the_most_serious_recent_case_with_its_own_level(
    world: World,
) -> None:
    """(A newcomer trial: a student whose imminent case #1 was the day before and whose high
    case #2 came after was offered as "Level: IMMINENT (case #2 in the last 7 days)": the
    level of one case beside the number of another.)"""
    budi = 9201
    await world.command(DIMAS, "/duty")
    await press(world, DIMAS, "dt:off")
    await world.say(STUDENT, "aku mau bunuh diri malam ini")  # imminent: case #1
    await press(world, budi, "es:ack:")
    await press(world, budi, "es:out:1:safe")
    await world.advance(24 * 3600)
    await world.say(STUDENT, "aku pengen mati aja")  # high: case #2, the latest
    await press(world, budi, "es:ack:")
    await press(world, budi, "es:out:2:safe")
    [first, second] = await cases(world)
    assert (first.level, second.level) == (3, 2)
    await intake(world, STUDENT)
    offer = await offer_on_coming_back(world)
    assert "Level: IMMINENT risk (case #1 in the last 7 days)" in offer, offer
    assert await check(world) == []
