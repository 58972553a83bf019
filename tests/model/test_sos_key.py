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


async def test_a_case_closed_right_after_it_was_seen_is_one_message_to_the_student(
    world: World,
) -> None:
    """(A newcomer trial: after 🆘, "the counselor has read your message" and, within three
    seconds, "the counselor has read your message. For now…" when the case was closed as
    safe.) The outcome is written over the first message: one message, with the key."""
    await world.command(DIMAS, "/duty")
    await press(world, DIMAS, "dt:off")
    await world.command(STUDENT, "/start")
    await press(world, STUDENT, "in:consent:yes")
    await world.say(STUDENT, SOS_ID)  # mid-intake: no key under the typing field yet
    acked = len(world.telegram.messages)
    await press(world, BUDI, "es:ack:")
    await world.advance(2)
    await press(world, BUDI, "es:out:1:safe")
    shown = world.telegram.to(STUDENT, acked)
    assert len({m.message_id for m in shown}) == 1, [m.text for m in shown]
    last = world.telegram.by_id[shown[0].message_id].text
    assert last.startswith(
        "Konselor udah tahu kamu pengen ngobrol sama konselor. Untuk sekarang"), last
    assert "112" in last
    assert "tekan 🆘 di bawah sekali lagi" in last, "(a trial: 'press 🆘' to one who had)"
    assert world.telegram.keyboards[STUDENT] == [SOS_ID], "🆘 at hand"
    assert await check(world) == []


async def test_a_case_closed_later_is_a_new_message(world: World) -> None:
    await intake(world, STUDENT)
    await world.say(STUDENT, SOS_ID)
    acked = len(world.telegram.messages)
    await press(world, BUDI, "es:ack:")
    await world.advance(5 * 60)  # read, then closed minutes later: news worth a notification
    await press(world, BUDI, "es:out:1:safe")
    shown = world.telegram.to(STUDENT, acked)
    assert len({m.message_id for m in shown}) == 2, [m.text for m in shown]
    assert await check(world) == []


async def test_a_key_pressed_with_no_words_is_seen_as_asked_not_as_a_message_read(
    world: World,
) -> None:
    """(A trial: after a wordless 🆘 the student read "a counselor has read your message".)"""
    await intake(world, STUDENT)
    before = len(world.telegram.messages)
    await world.say(STUDENT, SOS_ID)
    await press(world, BUDI, "es:ack:")
    said = world.texts(STUDENT, before)
    assert "Konselor udah tahu kamu pengen ngobrol sama konselor. 💛 Nanti kamu dikabarin di " \
        "sini soal langkah selanjutnya." in said, said
    assert not any("baca pesanmu" in t for t in said)
    assert await check(world) == []
