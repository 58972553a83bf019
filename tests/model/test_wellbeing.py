"""Looking after the supporters (config ``wellbeing``): a break after a chat with a crisis, and
limits per day and per week. A supporter who rests gets no new requests (their open chats go
on) and is told why; a student nobody else can take is told so honestly; when the rest is
over, whoever waits is offered at once. On the whole program in-process (tests/model/world.py)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.model.invariants import check
from tests.model.test_regressions import BUDI, DIMAS, EN_STUDENT, STUDENT, intake, press
from tests.model.world import World

SARI = 9001


async def _world(template: tuple[Path, str], folder: Path, **wellbeing: Any) -> World:
    path, key = template
    return await World.create(path, folder, key, wellbeing=wellbeing)


@pytest.fixture
async def cooling(template: tuple[Path, str], tmp_path: Path) -> AsyncIterator[World]:
    built = await _world(template, tmp_path, cooldown_after_crisis=1800)
    yield built
    await built.close()


@pytest.fixture
async def two_a_day(template: tuple[Path, str], tmp_path: Path) -> AsyncIterator[World]:
    built = await _world(template, tmp_path, max_chats_per_day=2)
    yield built
    await built.close()


def offered(world: World, who: int, since: int = 0) -> bool:
    return any(b.startswith("of:accept:") for m in world.telegram.to(who, since)
               for b in m.buttons)


async def test_after_a_crisis_chat_the_supporter_rests_and_then_gets_requests_again(
    cooling: World,
) -> None:
    world = cooling
    await _heavy_chat(world)
    told = world.texts(DIMAS)
    assert any("That was a heavy chat" in t and "30 min" in t for t in told), told

    waiting = len(world.telegram.messages)
    await intake(world, EN_STUDENT, "en")
    assert not offered(world, DIMAS, waiting), "no new request while resting"
    assert any("No peer supporter who can take your request is on duty" in t
               for t in world.texts(EN_STUDENT, waiting)), "the student is told honestly"
    assert await check(world) == []

    rested = len(world.telegram.messages)
    await world.advance(1800)
    assert "You can get new requests again from now. Take care of yourself. 💛" in \
        world.texts(DIMAS, rested)
    assert offered(world, DIMAS, rested), "whoever waits is offered when the rest is over"
    assert await check(world) == []


async def test_going_on_duty_while_resting_says_why_no_request_comes(cooling: World) -> None:
    world = cooling
    await _heavy_chat(world)
    await world.command(DIMAS, "/duty")
    await press(world, DIMAS, "dt:off:")
    back = len(world.telegram.messages)
    await world.command(DIMAS, "/duty")
    await press(world, DIMAS, "dt:on:")
    assert any("you're taking a break after a heavy chat" in t
               for t in world.texts(DIMAS, back)), world.texts(DIMAS, back)
    assert await check(world) == []


async def test_an_ordinary_chat_brings_no_break(cooling: World) -> None:
    world = cooling
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    await world.end(DIMAS)
    waiting = len(world.telegram.messages)
    await intake(world, EN_STUDENT, "en")
    assert offered(world, DIMAS, waiting)
    assert not any("heavy chat" in t for t in world.texts(DIMAS))


async def test_the_days_limit_keeps_new_requests_away_until_tomorrow(two_a_day: World) -> None:
    world = two_a_day
    for student, lang in ((STUDENT, "id"), (EN_STUDENT, "en")):
        await intake(world, student, lang)
        await press(world, DIMAS, "of:accept:")
    await world.end(STUDENT)
    assert not any("chats today" in t for t in world.texts(DIMAS)), "not while a chat is open"
    ended = len(world.telegram.messages)
    await world.end(EN_STUDENT)
    assert any("You've had 2 chats today" in t for t in world.texts(DIMAS, ended))

    third = 700100003
    waiting = len(world.telegram.messages)
    await intake(world, third)
    assert not offered(world, DIMAS, waiting)
    await world.advance(world.config.routing.unattended_alert + 60)
    alert = [t for t in world.texts(SARI, waiting) if "nobody has taken" in t]
    assert alert, "the coordinator hears the request waits"
    assert "resting" in alert[0], alert[0]
    assert await check(world) == []

    local = world.clock().astimezone(__import__("zoneinfo").ZoneInfo("Asia/Jakarta"))
    midnight = (local + timedelta(days=1)).replace(hour=0, minute=1, second=0, microsecond=0)
    tomorrow = len(world.telegram.messages)
    await world.advance((midnight - local).total_seconds() + 5 * 60)
    assert offered(world, DIMAS, tomorrow), "a new day: offered again"
    assert await check(world) == []


async def test_the_weeks_hours_keep_new_requests_away_until_monday(
    template: tuple[Path, str], tmp_path: Path,
) -> None:
    world = await _world(template, tmp_path, max_hours_per_week=0.5)
    try:
        await intake(world, STUDENT)
        await press(world, DIMAS, "of:accept:")
        await world.advance(40 * 60)  # 40 minutes in the chat: over half an hour this week
        ended = len(world.telegram.messages)
        await world.end(DIMAS)
        assert any("You've spent 0.5 hours in chats this week" in t
                   for t in world.texts(DIMAS, ended)), world.texts(DIMAS, ended)
        waiting = len(world.telegram.messages)
        await intake(world, EN_STUDENT, "en")
        assert not offered(world, DIMAS, waiting)
        assert await check(world) == []
    finally:
        await world.close()


async def _heavy_chat(world: World) -> str:
    """A chat with a crisis, ended: the check-in's message to the supporter; its chat id."""
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    await world.say(STUDENT, "aku pengen mati aja, tadi aku cerita ke kamu soal ayahku")
    await press(world, BUDI, "es:take:")
    await press(world, BUDI, "es:out:")
    await world.command(BUDI, "/skip")
    await world.end(BUDI)
    [(_, data)] = [(m, d) for m, d in world.buttons(DIMAS) if d.startswith("wb:talk:")]
    return data.rsplit(":", 1)[1]


async def test_a_low_check_in_tells_a_counselor_the_supporter_would_like_to_talk(
    cooling: World,
) -> None:
    world = cooling
    chat = await _heavy_chat(world)
    [(message, _)] = [(m, d) for m, d in world.buttons(DIMAS) if d == f"wb:2:{chat}"]
    before = len(world.telegram.messages)
    await world.press(DIMAS, message, f"wb:2:{chat}")
    [told] = [t for t in world.texts(BUDI, before) if "answered 2 of 5 on the check-in" in t]
    assert "would like to talk" not in told, "(seen) a low score is not a wish to talk"
    assert "Dimas" in told
    assert "ayah" not in told, "never what was said in the chat"
    assert "mati" not in told
    assert any("told your check-in was low" in t for t in world.texts(DIMAS, before))
    again = len(world.telegram.messages)
    await world.press(DIMAS, message, f"wb:talk:{chat}")  # a second tap: once is enough
    assert world.texts(BUDI, again) == []
    assert any("already answered" in t for t in world.texts(DIMAS, again))
    assert await check(world) == []


async def test_a_good_check_in_is_thanked_and_tells_nobody(cooling: World) -> None:
    world = cooling
    chat = await _heavy_chat(world)
    [(message, _)] = [(m, d) for m, d in world.buttons(DIMAS) if d == f"wb:5:{chat}"]
    before = len(world.telegram.messages)
    await world.press(DIMAS, message, f"wb:5:{chat}")
    assert world.texts(BUDI, before) == []
    assert any("Thank you for telling us" in t for t in world.texts(DIMAS, before))
    assert await check(world) == []


def _card(world: World, name: str, since: int) -> str:
    [card] = [t for t in world.texts(SARI, since) if t.startswith(f"{name} — ")]
    return card


async def test_the_roster_shows_each_supporters_week_and_last_check_in_never_the_chat(
    cooling: World,
) -> None:
    world = cooling
    before = len(world.telegram.messages)
    await world.command(SARI, "/roster")
    assert "this week: 0 chats, 0 h · last check-in: none yet" in _card(world, "Dimas", before)
    chat = await _heavy_chat(world)
    [(message, _)] = [(m, d) for m, d in world.buttons(DIMAS) if d == f"wb:2:{chat}"]
    await world.press(DIMAS, message, f"wb:2:{chat}")
    await world.advance(600)
    later = len(world.telegram.messages)
    await world.command(SARI, "/roster")
    card = _card(world, "Dimas", later)
    assert "this week: 1 chat, " in card
    assert "last check-in: 2/5 (10 min ago)" in card
    assert "resting after a heavy chat" in card
    assert "ayah" not in card, "never what was said in the chat"
    assert "mati" not in card
    assert "check-in" not in _card(world, "Pak Budi", later), "supporters only"
    assert await check(world) == []


async def test_a_word_with_a_low_check_in_reaches_the_counselor_never_the_chat(
    cooling: World,
) -> None:
    world = cooling
    chat = await _heavy_chat(world)
    before = len(world.telegram.messages)
    await world.command(DIMAS, "/checkin aku masih kepikiran")
    assert any("First choose how you are" in t for t in world.texts(DIMAS, before))
    [(message, _)] = [(m, d) for m, d in world.buttons(DIMAS) if d == f"wb:1:{chat}"]
    await world.press(DIMAS, message, f"wb:1:{chat}")
    noted = len(world.telegram.messages)
    await world.command(DIMAS, "/checkin aku masih kepikiran")
    [told] = [t for t in world.texts(BUDI, noted) if "added a word" in t]
    assert "aku masih kepikiran" in told
    assert "Dimas" in told
    assert any("Your words went to the counselor" in t for t in world.texts(DIMAS, noted))
    await world.advance(1800)
    late = len(world.telegram.messages)
    await world.command(DIMAS, "/checkin lagi")
    assert any("no check-in open" in t for t in world.texts(DIMAS, late))
    assert world.texts(BUDI, late) == []
    assert await check(world) == []


async def test_a_word_with_a_good_check_in_stays_with_the_supporter(cooling: World) -> None:
    world = cooling
    chat = await _heavy_chat(world)
    [(message, _)] = [(m, d) for m, d in world.buttons(DIMAS) if d == f"wb:4:{chat}"]
    await world.press(DIMAS, message, f"wb:4:{chat}")
    before = len(world.telegram.messages)
    await world.command(DIMAS, "/checkin lumayan capek")
    assert any("It stays with you" in t for t in world.texts(DIMAS, before))
    assert world.texts(BUDI, before) == []
    assert await check(world) == []


async def test_a_supporter_who_leaves_a_crisis_chat_to_the_counselor_rests_too(
    cooling: World,
) -> None:
    world = cooling
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    await world.say(STUDENT, "aku pengen mati aja")
    await press(world, BUDI, "es:take:")
    before = len(world.telegram.messages)
    await world.end(DIMAS)  # the counselor stays with the student
    assert any("That was a heavy chat" in t for t in world.texts(DIMAS, before)), \
        world.texts(DIMAS, before)
    waiting = len(world.telegram.messages)
    await intake(world, EN_STUDENT, "en")
    assert not offered(world, DIMAS, waiting), "resting: no new request"
    assert await check(world) == []


async def test_practice_chats_do_not_count_towards_the_days_limit(two_a_day: World) -> None:
    from handlers import practice

    world = two_a_day
    scripted = 700100003
    async with world.running.store() as uow:
        await practice.begin(uow, scripted, DIMAS, "id", world.clock())
        await uow.commit()
    await intake(world, scripted)
    await press(world, DIMAS, "of:accept:")  # the practice chat
    await world.end(DIMAS)
    for student, lang in ((STUDENT, "id"), (EN_STUDENT, "en")):
        waiting = len(world.telegram.messages)
        await intake(world, student, lang)
        assert offered(world, DIMAS, waiting), "training is not a chat of the day"
        await press(world, DIMAS, "of:accept:")
        await world.end(student)
    assert any("You've had 2 chats today" in t for t in world.texts(DIMAS))
    assert await check(world) == []


async def test_a_supporter_with_a_student_in_crisis_gets_no_new_student_until_the_case_closes(
    world: World,
) -> None:
    """(A trial: a supporter with a student on a rooftop was offered the next student.) Their
    chat with that student goes on, the roster says why, and the case closed, whoever waits
    is offered to them at once."""
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    await world.say(STUDENT, "aku udah di atap sekolah, aku mau loncat sekarang")
    waiting = len(world.telegram.messages)
    await intake(world, EN_STUDENT, "en")
    assert not offered(world, DIMAS, waiting), "no new student while one is in crisis"
    await world.say(DIMAS, "aku di sini, kamu nggak sendirian")
    assert any("aku di sini, kamu nggak sendirian" in t for t in world.texts(STUDENT, waiting)), \
        "the chat in crisis goes on"
    roster = len(world.telegram.messages)
    await world.command(SARI, "/roster")
    assert "with a student in crisis" in _card(world, "Dimas", roster)
    assert await check(world) == []

    closed = len(world.telegram.messages)
    await press(world, BUDI, "es:ack:")
    await press(world, BUDI, "es:out:")
    assert offered(world, DIMAS, closed), "the case closed: the waiting student is offered"
    assert await check(world) == []


async def test_the_roster_counts_a_chat_the_supporter_left(world: World) -> None:
    """(A trial: a chat handed back when its supporter went off duty was left out of their
    "this week: N chats".)"""
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    await world.say(DIMAS, "hai, aku di sini")
    await world.command(DIMAS, "/duty")
    await press(world, DIMAS, "dt:off:")
    await world.advance(world.config.routing.handback_after + 5)  # handed back to the queue
    before = len(world.telegram.messages)
    await world.command(SARI, "/roster")
    assert "this week: 1 chat, " in _card(world, "Dimas", before)
    assert "this week: 0 chats, " in _card(world, "Ayu", before)
    assert await check(world) == []


@pytest.mark.parametrize("ender", [DIMAS, STUDENT])
async def test_an_ordinary_chat_with_a_student_whose_case_is_from_before_brings_no_rest(
    cooling: World, ender: int,
) -> None:
    """(A trial: a two-message chat, no case opened in it, put its supporter on a crisis rest:
    the student's case from the day before was still open.) Whoever ends it (the supporter
    only leaves it, the case being open)."""
    world = cooling
    await world.say(STUDENT, "aku pengen mati aja")
    await press(world, BUDI, "es:ack:")  # acknowledged, no outcome yet: the case stays open
    await world.advance(24 * 3600)
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    await world.say(STUDENT, "makasih ya udah mau dengerin")
    await world.say(DIMAS, "sama-sama, semangat ujiannya")
    before = len(world.telegram.messages)
    await world.end(ender)
    assert not any("That was a heavy chat" in t for t in world.texts(DIMAS, before)), \
        world.texts(DIMAS, before)
    waiting = len(world.telegram.messages)
    await intake(world, EN_STUDENT, "en")
    assert offered(world, DIMAS, waiting), "not resting"
    assert await check(world) == []


async def test_the_waiting_alert_says_nobody_could_take_it_when_the_offer_came_only_now(
    template: tuple[Path, str], tmp_path: Path,
) -> None:
    """(A trial: "the reason: offered, but declined or not answered yet" after 30 minutes in
    which nobody could take the student, one supporter resting and the other off duty; the
    offer was made as the rest ended, the same instant as the alert.)"""
    world = await World.create(template[0], tmp_path, template[1],
                               wellbeing={"cooldown_after_crisis": 1800},
                               routing={"unattended_alert": 1800})
    try:
        await _heavy_chat(world)  # Dimas rests 30 minutes; Ayu is off duty
        await intake(world, EN_STUDENT, "en")
        waiting = len(world.telegram.messages)
        await world.advance(1800)
        assert offered(world, DIMAS, waiting), "offered as the rest ends"
        [alert] = [t for t in world.texts(SARI, waiting) if "has been waiting" in t]
        assert "declined or not answered" not in alert, alert
        assert "no supporter on duty could take it until just now" in alert, alert
        assert await check(world) == []
    finally:
        await world.close()
