"""The 🆘 key under the typing field: a student who waits or chats always has *I need a
counselor now* at hand (it does not scroll away), and pressing it is asking for a counselor,
never words relayed to the supporter. On the whole program in-process."""

from __future__ import annotations

from tests.model.invariants import check
from tests.model.test_regressions import BUDI, DIMAS, intake, pings, press
from tests.model.world import World

STUDENT = 700100001
SOS_ID = "🆘 Aku butuh konselor sekarang"


async def test_a_waiting_student_has_the_key_and_pressing_it_pages_a_counselor(
    world: World,
) -> None:
    await intake(world, STUDENT)
    assert world.telegram.keyboards[STUDENT] == [SOS_ID]
    await world.say(STUDENT, SOS_ID)
    assert pings(world, BUDI), "the on-duty counselor is paged"
    assert await check(world) == []


async def test_in_a_chat_the_key_is_a_request_not_words_for_the_supporter(world: World) -> None:
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    before = len(world.telegram.messages)
    await world.say(STUDENT, f"  {SOS_ID} ")
    assert not any(SOS_ID in t for t in world.texts(DIMAS, before))
    assert pings(world, BUDI, before)
    assert await check(world) == []


async def test_the_key_goes_when_the_chat_ends_or_the_request_is_withdrawn(world: World) -> None:
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    await world.end(STUDENT)
    assert world.telegram.keyboards[STUDENT] == []
    other = 700100003
    await intake(world, other)
    assert world.telegram.keyboards[other] == [SOS_ID]
    await world.withdraw(other)
    assert world.telegram.keyboards[other] == []
    assert await check(world) == []


async def test_the_same_words_typed_inside_a_sentence_are_just_words(world: World) -> None:
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    before = len(world.telegram.messages)
    await world.say(STUDENT, "kemarin temenku bilang '🆘 Aku butuh konselor sekarang' haha")
    assert any("temenku bilang" in t for t in world.texts(DIMAS, before))
    assert not pings(world, BUDI, before)
