"""A student whose request nobody takes is never left believing someone is about to come: at
``routing.unattended_alert`` they hear it takes longer, that the coordinators know, where they
are in line and the numbers; the coordinators hear why in words they can act on (an offer
still unanswered is not "everyone is full": found in a sandbox trial). On the whole program
in-process (tests/model/world.py), with the safety invariants checked."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.model.invariants import check
from tests.model.test_regressions import DIMAS, EN_STUDENT, STUDENT, intake, press
from tests.model.world import World

SARI = 9001


@pytest.fixture
async def slow_offers(template: tuple[Path, str], tmp_path: Path) -> AsyncIterator[World]:
    """Offers stay open 15 minutes: the alert at 10 comes while one is still unanswered."""
    path, key = template
    built = await World.create(path, tmp_path, key, routing={"offer_timeout": 900})
    yield built
    await built.close()


async def test_an_offer_nobody_answers_tells_the_student_and_the_coordinator_the_truth(
    slow_offers: World,
) -> None:
    world = slow_offers
    await intake(world, STUDENT)
    assert any(d.startswith("of:accept:") for _, d in world.latest_buttons(DIMAS))
    waiting = len(world.telegram.messages)
    await world.advance(world.config.routing.unattended_alert + 5)
    [alert] = [t for t in world.texts(SARI, waiting) if "nobody has taken" in t]
    assert "offered, but declined or not answered yet" in alert, alert
    assert "at capacity" not in alert
    assert "crisis case" not in alert, "no case: not a word about one"
    told = world.texts(STUDENT, waiting)
    assert any("lebih lama dari biasanya" in t and "di urutan pertama antrean" in t
               and "koordinator program udah dikabarin" in t and "112" in t
               for t in told), told
    # the offer is still open: taking it now still starts the chat
    await press(world, DIMAS, "of:accept:")
    assert any("Pendamping sebaya udah gabung" in t
               for t in world.texts(STUDENT, waiting)[len(told):]), world.texts(STUDENT)
    assert await check(world) == []


async def test_the_second_in_line_hears_their_place_in_english(slow_offers: World) -> None:
    world = slow_offers
    await intake(world, STUDENT)
    await intake(world, EN_STUDENT, "en")
    waiting = len(world.telegram.messages)
    await world.advance(world.config.routing.unattended_alert + 5)
    told = world.texts(EN_STUDENT, waiting)
    assert any("taking longer than usual" in t and "still number 2 in line" in t
               and "coordinators have been told" in t for t in told), told
    assert await check(world) == []


async def test_a_double_tap_is_one_tap_and_a_late_tap_is_told_it_is_stale(world: World) -> None:
    """(sandbox trial) Tapping *Send* twice told the student "that button isn't active
    anymore" right after it worked. A second tap within seconds says nothing; the same button
    tapped a minute later is told it no longer works, and nothing changes either way."""
    await intake(world, STUDENT, until="in:confirm:")
    message_id, data = next((m, d) for m, d in world.buttons(STUDENT)
                            if d.startswith("in:confirm:"))
    await world.press(STUDENT, message_id, data)
    tapped = len(world.telegram.messages)
    await world.press(STUDENT, message_id, data)
    assert world.texts(STUDENT, tapped) == [], "the second tap of a double tap says nothing"
    await world.advance(60)
    later = len(world.telegram.messages)
    await world.press(STUDENT, message_id, data)
    assert any(t.startswith("Tombol itu udah nggak berlaku") for t in world.texts(
        STUDENT, later)), world.texts(STUDENT, later)
    async with world.running.store() as uow:
        person = await uow.people.by_telegram_id(STUDENT)
        assert person is not None
        assert await uow.requests.open_for(person.id) is not None, "sent once"
    assert await check(world) == []


async def test_a_double_tap_on_a_choice_asks_the_next_question_once(world: World) -> None:
    """(sandbox trial) A double tap on "Bahasa Indonesia" asked for the topic twice: the
    second tap, rejected, came with the question the intake was at."""
    await world.command(STUDENT, "/start")
    await press(world, STUDENT, "in:consent:yes")
    message_id, data = next((m, d) for m, d in world.buttons(STUDENT) if d == "in:lang:id")
    await world.press(STUDENT, message_id, data)
    tapped = len(world.telegram.messages)
    await world.press(STUDENT, message_id, data)
    assert world.texts(STUDENT, tapped) == [], "the second tap says nothing, no second topic"
    assert await check(world) == []


async def test_the_coordinators_alert_says_the_waiting_student_has_a_crisis_case_open(
    slow_offers: World,
) -> None:
    """(A trial: the coordinator heard a request waited, not that its student had a crisis
    case open that nobody had acknowledged.)"""
    world = slow_offers
    await intake(world, STUDENT)
    await world.say(STUDENT, "udah capek banget nunggu, rasanya pengen mati aja")
    waiting = len(world.telegram.messages)
    await world.advance(world.config.routing.unattended_alert + 5)
    [alert] = [t for t in world.texts(SARI, waiting) if "nobody has taken" in t]
    assert "🆘 This student also has crisis case #1 open: see /cases." in alert, alert
    assert await check(world) == []
