"""How a chat a counselor took over ends, and what follows, on the whole program in-process
(tests/model/world.py). Found in a newcomer hour: a student could end the chat and leave the
counselor holding a case with no way back; the numbers came twice in the goodbye; a student who
asked for a peer supporter and got a counselor lost that request when the counselor finished."""

from __future__ import annotations

from tests.model.invariants import check
from tests.model.test_regressions import BUDI, DIMAS, STUDENT, cases, intake, press
from tests.model.world import World

SOS_ID = "🆘 Aku butuh konselor sekarang"


async def _taken_over_in_a_chat(world: World) -> None:
    """The student chats with Dimas, writes something grave; Budi (counselor) takes over."""
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    await world.say(STUDENT, "aku pengen mati aja")
    await press(world, BUDI, "es:take:")


async def test_a_student_who_ends_the_chat_leaves_the_counselor_a_way_back_in(
    world: World,
) -> None:
    await _taken_over_in_a_chat(world)
    before = len(world.telegram.messages)
    await world.end(STUDENT)
    told = [m for m in world.telegram.to(BUDI, before) if "ended the chat" in m.text]
    assert len(told) == 1, world.texts(BUDI, before)
    assert "still yours" in told[0].text
    assert any(d.startswith("es:take:") for d in told[0].buttons), "open the chat again"
    assert any(d.startswith("es:out:") for d in told[0].buttons), "or record the outcome"
    assert await check(world) == []

    listed = len(world.telegram.messages)
    await world.command(BUDI, "/cases")
    [line] = [m for m in world.telegram.to(BUDI, listed) if "chat ended" in m.text]
    assert any(d.startswith("es:take:") for d in line.buttons)

    back = len(world.telegram.messages)
    await press(world, BUDI, "es:take:")
    assert any("counselor" in t.lower() or "konselor" in t.lower()
               for t in world.texts(STUDENT, back)), "the student sees the counselor is back"
    await world.say(BUDI, "aku masih di sini, kamu aman sekarang?")
    assert any("kamu aman sekarang?" in t for t in world.texts(STUDENT, back))
    [case] = await cases(world)
    assert case.status == "taken_over"
    assert await check(world) == []


async def test_another_counselor_sees_the_ended_chat_but_cannot_reopen_it(world: World) -> None:
    await _taken_over_in_a_chat(world)
    await world.end(STUDENT)
    rina = 9202
    listed = len(world.telegram.messages)
    await world.command(rina, "/cases")
    [line] = [m for m in world.telegram.to(rina, listed) if "#" in m.text and "·" in m.text]
    assert not any(d.startswith("es:take:") for d in line.buttons)
    assert await check(world) == []


async def test_the_goodbye_after_a_crisis_gives_the_numbers_once(world: World) -> None:
    await _taken_over_in_a_chat(world)
    await press(world, BUDI, "es:out:")  # resolved: safe
    await world.command(BUDI, "/skip")
    before = len(world.telegram.messages)
    await world.end(BUDI)
    goodbye = world.texts(STUDENT, before)
    assert sum("112" in t for t in goodbye) == 1, goodbye
    assert any("selesai" in t for t in goodbye)
    assert await check(world) == []


async def _counselor_only_chat_ended(world: World) -> int:
    """A yes to the intake's screening, the request sent, a counselor takes the student over
    before any supporter does, resolves the case and ends the chat: the student only ever
    talked with a counselor. Returns the message count before the goodbye."""
    await world.command(STUDENT, "/start")
    for step in ("in:consent:yes", "in:lang:id", "in:topic:family"):
        await press(world, STUDENT, step)
    await world.say(STUDENT, "aku capek banget akhir-akhir ini, semuanya terasa berat di rumah")
    await press(world, STUDENT, "in:feeling:1")
    for _ in range(5):
        shown = [d for _, d in world.latest_buttons(STUDENT) if d.startswith("in:asq-")]
        if not shown:
            break
        await press(world, STUDENT, shown[0].rpartition(":")[0] + ":yes"
                    if "wish-dead" in shown[0] else shown[0].rpartition(":")[0] + ":no")
    for step in ("in:name:keep", "in:confirm:"):
        await press(world, STUDENT, step)
    await press(world, BUDI, "es:take:")
    await press(world, BUDI, "es:out:")
    await world.command(BUDI, "/skip")
    before = len(world.telegram.messages)
    await world.end(BUDI)
    return before


async def test_a_student_who_only_met_a_counselor_is_asked_about_the_peer_they_wanted(
    world: World,
) -> None:
    before = await _counselor_only_chat_ended(world)
    [goodbye] = [m for m in world.telegram.to(STUDENT, before) if "112" in m.text]
    assert "pendamping sebaya" in goodbye.text
    assert any(d.startswith("fu:peer:") for d in goodbye.buttons)
    asked = len(world.telegram.messages)
    data = await press(world, STUDENT, "fu:peer:")
    assert any("terkirim" in t for t in world.texts(STUDENT, asked)), "queued, and told so"
    offered = [m for m in world.telegram.to(DIMAS, asked)
               if any(d.startswith("of:accept:") for d in m.buttons)]
    assert offered, "the on-duty supporter is offered the same request"
    again = len(world.telegram.messages)
    await world.press(STUDENT, goodbye.message_id, data)  # twice is once
    assert not any(any(d.startswith("of:accept:") for d in m.buttons)
                   for m in world.telegram.to(DIMAS, again))
    accepted = len(world.telegram.messages)
    await press(world, DIMAS, "of:accept:")
    assert any("semuanya terasa berat" in t for t in world.texts(DIMAS, accepted)), \
        "the supporter reads what the student told at the start: nobody asks it all again"
    async with world.running.store() as uow:
        person = await uow.people.by_telegram_id(STUDENT)
        assert person is not None
        assert await uow.requests.open_for(person.id) is not None
    assert await check(world) == []


async def test_no_thanks_changes_nothing_and_says_how_to_come_back(world: World) -> None:
    before = await _counselor_only_chat_ended(world)
    assert [m for m in world.telegram.to(STUDENT, before) if "112" in m.text]
    asked = len(world.telegram.messages)
    await press(world, STUDENT, "fu:nopeer:")
    assert any("/start" in t for t in world.texts(STUDENT, asked))
    async with world.running.store() as uow:
        person = await uow.people.by_telegram_id(STUDENT)
        assert person is not None
        assert await uow.requests.open_for(person.id) is None
    assert await check(world) == []


async def test_a_chat_that_had_a_supporter_offers_no_second_request(world: World) -> None:
    await _taken_over_in_a_chat(world)
    await press(world, BUDI, "es:out:")
    await world.command(BUDI, "/skip")
    before = len(world.telegram.messages)
    await world.end(BUDI)
    assert not any(d.startswith("fu:peer:") for m in world.telegram.to(STUDENT, before)
                   for d in m.buttons)
    assert await check(world) == []


async def test_sos_after_an_acknowledgement_says_so_in_the_new_ping(world: World) -> None:
    await world.say(STUDENT, "aku pengen mati aja")
    await press(world, BUDI, "es:ack:")
    before = len(world.telegram.messages)
    await world.say(STUDENT, SOS_ID)
    told = [t for t in world.texts(BUDI, before) if "#" in t]
    assert told, "the acknowledger hears of it at once"
    assert all('pressed "I need a counselor now"' in t for t in told), told
    [case] = await cases(world)
    assert case.asked_at is not None
    assert case.status == "open", "paged again from the top"
    assert await check(world) == []
