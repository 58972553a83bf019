"""Telegram replies from staff: a reply to a student's message answers that student, whatever
chat the member is focused on; ``/missed`` and ``/falsealarm`` as replies feed the detector
review (``sejawat risk misses``). On the whole program in-process (tests/model/world.py)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bot import admin
from storage.program_models import RiskReport
from tests.model.invariants import check
from tests.model.test_regressions import intake, press
from tests.model.world import World

STUDENT, OTHER = 700100001, 700100003
DIMAS = 9101


async def two_chats(world: World) -> None:
    """Dimas chats with STUDENT and then with OTHER (his plain text goes to OTHER)."""
    for student in (STUDENT, OTHER):
        await intake(world, student)
        await press(world, DIMAS, "of:accept:")


def copy_of(world: World, member: int, words: str) -> int:
    """The message id of the copy of a student's message ``words`` in the member's chat."""
    return next(m.message_id for m in reversed(world.telegram.to(member)) if words in m.text)


async def test_a_reply_to_a_students_message_goes_to_that_student(world: World) -> None:
    await two_chats(world)
    await world.say(STUDENT, "kak aku masih bingung soal jadwal ujian")
    await world.say(OTHER, "halo kak")
    before = len(world.telegram.messages)
    await world.say(DIMAS, "Jadwalnya ada di papan pengumuman ya",
                    reply_to=copy_of(world, DIMAS, "jadwal ujian"))
    assert any("papan pengumuman" in t for t in world.texts(STUDENT, before))
    assert not any("papan pengumuman" in t for t in world.texts(OTHER, before))
    before = len(world.telegram.messages)
    await world.say(DIMAS, "Kamu gimana kabarnya?")  # plain text: still the focused chat
    assert any("kabarnya" in t for t in world.texts(OTHER, before))
    assert await check(world) == []


async def test_a_reply_to_a_message_of_a_chat_that_ended_reaches_nobody(world: World) -> None:
    await two_chats(world)
    await world.say(STUDENT, "makasih kak, aku udah lega")
    copy = copy_of(world, DIMAS, "udah lega")
    await world.end(STUDENT)
    before = len(world.telegram.messages)
    await world.say(DIMAS, "Sama-sama, jaga diri ya", reply_to=copy)
    assert not any("jaga diri" in t for s in (STUDENT, OTHER) for t in world.texts(s, before))
    told = world.texts(DIMAS, before)
    assert any("has ended" in t for t in told), told
    assert await check(world) == []


async def reports(world: World) -> int:
    async with world.running.store() as uow:
        return int(await uow.session.scalar(select(func.count()).select_from(RiskReport)) or 0)


async def test_missed_and_false_alarm_are_recorded_once_and_listed_for_the_operator(
    world: World, capsys: pytest.CaptureFixture[str],
) -> None:
    await two_chats(world)
    unflagged = "rasanya semua orang bakal lebih tenang kalau aku gak ada"  # flagged too low
    await world.say(STUDENT, unflagged)
    await world.say(STUDENT, "kak aku boleh cerita soal tugas kelompok juga?")  # no risk
    before = len(world.telegram.messages)
    await world.command(DIMAS, "/missed")  # not a reply: how to use it
    await world.command(DIMAS, "/missed", reply_to=world.telegram.to(DIMAS)[0].message_id)
    assert await reports(world) == 0
    said = world.texts(DIMAS, before)
    assert any("Reply to the student's message" in t for t in said), said
    assert any("not a student's message" in t for t in said), said
    await world.command(DIMAS, "/falsealarm", reply_to=copy_of(world, DIMAS, "tugas kelompok"))
    assert await reports(world) == 0  # the bot did not flag it: no false alarm to record
    before = len(world.telegram.messages)
    for _ in range(2):  # twice is once
        await world.command(DIMAS, "/missed", reply_to=copy_of(world, DIMAS, "lebih tenang"))
    assert await reports(world) == 1
    said = world.texts(DIMAS, before)
    assert any("marked for the detector review" in t for t in said), said
    assert any("already marked" in t for t in said), said
    assert not any(t for t in world.texts(9201, before)), "nobody is paged by /missed"

    await admin.misses(world.config)
    listing = capsys.readouterr().out
    assert unflagged in listing  # decrypted for the operator only
    assert "\tmissed\t" in listing
    assert "1 missed, 0 false flag(s)" in listing
    assert str(STUDENT) not in listing  # pseudonymous
    assert await check(world) == []


async def test_a_student_who_is_forgotten_takes_the_reports_on_their_words_along(
    world: World,
) -> None:
    await two_chats(world)
    await world.say(OTHER, "gak tau lagi deh, hidup gini-gini aja")
    await world.command(DIMAS, "/missed", reply_to=copy_of(world, DIMAS, "gini-gini"))
    assert await reports(world) == 1
    await world.end(OTHER)
    await world.command(OTHER, "/forgetme")
    await press(world, OTHER, "fm:yes")
    assert await reports(world) == 0


async def test_a_reply_to_the_bots_own_message_goes_where_plain_text_goes(world: World) -> None:
    """Model counterexample 11 (the checker's, not the program's): a supporter's Telegram
    reply to the briefing (not a student's message) is plain text for the chat they are in."""
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    briefing = world.telegram.to(DIMAS)[-1].message_id
    assert await world.replied_student(DIMAS, briefing) == STUDENT
    before = len(world.telegram.messages)
    await world.say(DIMAS, "Halo, aku Dimas. Aku di sini buat dengerin", reply_to=briefing)
    assert any("buat dengerin" in t for t in world.texts(STUDENT, before))
    assert not any("buat dengerin" in t for t in world.texts(OTHER, before))
    assert await check(world) == []
