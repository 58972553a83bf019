"""How a chat a counselor took over ends, and what follows, on the whole program in-process
(tests/model/world.py). Found in a newcomer hour: a student could end the chat and leave the
counselor holding a case with no way back; the numbers came twice in the goodbye; a student who
asked for a peer supporter and got a counselor lost that request when the counselor finished."""

from __future__ import annotations

from tests.model.invariants import check
from tests.model.test_regressions import BUDI, DIMAS, STUDENT, cases, intake, pings, press
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
    assert "taken over by Pak Budi, chat ended" in line.text, "who to ask about it"
    assert await check(world) == []


async def test_cases_says_how_long_a_case_has_been_open_as_a_person_would(
    world: World,
) -> None:
    """Seen (wording review): a case open for three days read '4320 min' in /cases."""
    await world.say(STUDENT, "aku pengen mati aja")
    await press(world, BUDI, "es:ack:")
    for after, shown in ((30 * 60, "· 30 min"), (3 * 3600, "· 3 h")):  # days: tests/unit
        await world.advance(after - (world.clock() - (await cases(world))[0].created_at
                                     ).total_seconds())
        listed = len(world.telegram.messages)
        await world.command(BUDI, "/cases")
        [line] = [t for t in world.texts(BUDI, listed) if t.startswith("#1 ·")]
        assert shown in line, line
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


async def _counselor_only_chat_ended(world: World, outcome: str = "", idle: bool = False) -> int:
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
    if outcome:
        [(message_id, data)] = [(m, d) for m, d in world.buttons(BUDI)
                                if d.startswith("es:out:") and d.endswith(f":{outcome}")][-1:]
        await world.press(BUDI, message_id, data)
    else:
        await press(world, BUDI, "es:out:")
    await world.command(BUDI, "/skip")
    before = len(world.telegram.messages)
    if idle:  # nobody writes: the chat closes on its own
        await world.advance(2 * world.config.routing.idle_close)
    else:
        await world.end(BUDI)
    return before


async def test_the_supporter_after_a_counselor_hears_a_counselor_was_with_the_student(
    world: World,
) -> None:
    """(newcomer hour, round 3) After a crisis chat and "yes, a peer supporter too", the
    supporter's briefing did not say a counselor had just been with the student."""
    await _counselor_only_chat_ended(world, "safe")
    await press(world, STUDENT, "fu:peer:")
    accepted = len(world.telegram.messages)
    await press(world, DIMAS, "of:accept:")
    assert any(t.startswith("🛟 A counselor was with") and "Student is safe" in t
               for t in world.texts(DIMAS, accepted)), world.texts(DIMAS, accepted)
    assert await check(world) == []


async def test_a_counselor_only_chat_that_went_quiet_still_asks_about_the_peer_they_wanted(
    world: World,
) -> None:
    """(A trial: a student promised "the next supporter will read your request" met only a
    counselor; when that chat closed for inactivity the request was gone and nobody asked.)"""
    before = await _counselor_only_chat_ended(world, idle=True)
    goodbyes = [m for m in world.telegram.to(STUDENT, before)
                if any(d.startswith("fu:peer:") for d in m.buttons)]
    assert goodbyes, world.texts(STUDENT, before)
    assert await check(world) == []


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


async def test_a_crisis_in_the_middle_of_the_intake_did_not_ask_for_a_peer_supporter(
    world: World,
) -> None:
    """(sandbox trial) A student wrote of a plan while the intake asked how they felt; a
    counselor took them over and ended the chat; the goodbye said "you also asked for a peer
    supporter": they never sent the request. The goodbye still has the numbers."""
    await intake(world, STUDENT, until="in:feeling:3")
    await world.say(STUDENT, "aku mau bunuh diri malam ini")
    await press(world, BUDI, "es:take:")
    await world.say(BUDI, "halo, aku pak budi. kamu aman sekarang?")
    await press(world, BUDI, "es:out:")
    await world.command(BUDI, "/skip")
    before = len(world.telegram.messages)
    await world.end(BUDI)
    [goodbye] = [m for m in world.telegram.to(STUDENT, before) if "112" in m.text]
    assert "pendamping sebaya" not in goodbye.text, goodbye.text
    assert not any(d.startswith("fu:peer:") for d in goodbye.buttons)
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


async def test_a_student_who_left_her_supporter_is_not_offered_one_as_if_she_never_had(
    world: World,
) -> None:
    """Seen (newcomer hour): she left the chat with her supporter before the counselor came;
    the counselor's own chat with her ended with "want the peer supporter you asked for?"."""
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    await world.say(STUDENT, "aku pengen mati aja")
    await world.end(STUDENT)
    await press(world, BUDI, "es:take:")  # a chat of the counselor's own, with no supporter
    await press(world, BUDI, "es:out:")
    await world.command(BUDI, "/skip")
    before = len(world.telegram.messages)
    await world.end(BUDI)
    assert [m for m in world.telegram.to(STUDENT, before) if "112" in m.text], "the goodbye"
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


async def _asked_after_the_chat(world: World) -> None:
    """A chat ends; the student's feedback comment shows a concern: the bot asks the direct
    question, and nobody from the team is with the student any more."""
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    await world.end(STUDENT)
    await press(world, STUDENT, "fb:rate:")
    await world.say(STUDENT, "gak ngebantu, rasanya udah gak ada gunanya hidup")
    assert any(d.startswith("sc:") for _, d in world.latest_buttons(STUDENT)), \
        world.texts(STUDENT)[-2:]


async def test_not_sure_with_nobody_beside_them_pages_a_counselor(world: World) -> None:
    """Seen in a newcomer hour: "not sure" to "are you thinking of killing yourself?" after
    the chat had ended was answered "your supporter will keep this in mind", and nobody was
    told. Not a no (ASQ: a positive screen), and nobody is there to ask gently: a counselor
    follows up."""
    await _asked_after_the_chat(world)
    before = len(world.telegram.messages)
    await press(world, STUDENT, "sc:unsure:")
    [ping] = pings(world, BUDI, before)
    assert '"not sure" when asked directly' in ping
    said = world.texts(STUDENT, before)
    assert not any("Pendampingmu bakal ingat" in t for t in said), said
    assert any("112" in t for t in said), "the numbers, and a counselor is on the way"
    assert await check(world) == []


async def test_no_with_nobody_beside_them_claims_no_supporter(world: World) -> None:
    await _asked_after_the_chat(world)
    before = len(world.telegram.messages)
    await press(world, STUDENT, "sc:no:")
    assert pings(world, BUDI, before) == []
    said = world.texts(STUDENT, before)
    assert not any("Pendampingmu" in t for t in said), said
    assert any("/start" in t and "🆘" in t for t in said), said
    assert world.telegram.keyboards[STUDENT] == [SOS_ID], "🆘 is at hand"
    assert await check(world) == []


async def test_a_coordinator_cannot_close_a_case_a_counselor_is_handling_in_the_chat(
    world: World,
) -> None:
    """Seen in a newcomer hour: a coordinator closed, with one tap, a case the counselor was
    still chatting about; the counselor was told nothing, their buttons just went."""
    await _taken_over_in_a_chat(world)
    sari = 9001
    await world.command(sari, "/cases")
    before = len(world.telegram.messages)
    await press(world, sari, "es:out:1:false_alarm")
    assert any("is with the student" in t for t in world.texts(sari, before))
    [case] = await cases(world)
    assert case.status == "taken_over"
    await world.end(STUDENT)  # the chat ends: now the coordinator may close it
    closing = len(world.telegram.messages)
    await world.command(sari, "/cases")
    await press(world, sari, "es:out:1:safe")
    assert (await cases(world))[0].status == "resolved"
    assert any("closed escalation #1" in t for t in world.texts(BUDI, closing)), \
        "the counselor hears it from the system, not from their buttons vanishing"
    assert await check(world) == []


async def test_a_student_who_leaves_before_a_counselor_comes_is_not_lost(world: World) -> None:
    """Seen in a newcomer hour: a student told her supporter her father hits her, then ended
    the chat before a counselor took over. The paged counselor was not told she had left, her
    goodbye did not say a counselor might still write, and 🆘 was gone from her keyboard."""
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    await world.say(DIMAS, "aku di sini, ceritain aja pelan-pelan")
    await world.say(STUDENT, "aku pengen mati aja")
    before = len(world.telegram.messages)
    await world.end(STUDENT)
    assert any("has left the chat" in t for t in world.texts(BUDI, before))
    goodbye = world.texts(STUDENT, before)
    assert any("Konselor mungkin masih bakal nulis" in t for t in goodbye), goodbye
    assert world.telegram.keyboards[STUDENT] == [SOS_ID]
    assert not any(d.startswith("fb:") for _, d in world.latest_buttons(STUDENT)), \
        "no rating survey while a case is open"
    taking = len(world.telegram.messages)
    await press(world, BUDI, "es:take:")
    assert world.telegram.keyboards[STUDENT] == [SOS_ID]
    taken = "\n".join(world.texts(BUDI, taking))
    # what the student and the supporter said before she left, not only the case's words
    assert "aku di sini, ceritain aja pelan-pelan" in taken, taken
    assert "aku pengen mati aja" in taken
    assert await check(world) == []


async def test_a_coordinators_acknowledgement_does_not_tell_counselors_it_is_handled(
    world: World,
) -> None:
    """Seen in a newcomer hour: only the coordinator acknowledged; the counselor read "already
    handled by Bu Sari" while nobody could take the student over. And the coordinator's ping
    asked her to take over, which only a counselor can."""
    await world.say(STUDENT, "aku pengen mati aja")
    await world.advance(world.config.escalation.ack_timeout_high + 60)  # the ladder climbs
    sari = 9001
    [ping] = pings(world, sari)
    assert "a counselor takes the student over" in ping
    before = len(world.telegram.messages)
    await press(world, sari, "es:ack:")
    told = world.texts(BUDI, before)
    assert any("still needs a counselor" in t for t in told), told
    assert not any("acknowledged escalation" in t for t in told), told
    assert await check(world) == []


async def test_a_ping_says_which_language_to_answer_in(world: World) -> None:
    """Seen in a newcomer hour: an English-speaking student was paged to an Indonesian
    counselor with nothing saying she writes in English."""
    en_student = 700100002
    await intake(world, en_student, "en")
    await world.say(en_student, "i want to kill myself tonight")
    [ping] = pings(world, BUDI)
    assert "· English" in ping.splitlines()[1], ping
    assert await check(world) == []


async def test_a_chat_opened_again_shows_the_words_that_opened_the_case_before_its_last_lines(
    world: World,
) -> None:
    """(A trial: the counselor opening a chat again after the student ended it read its last
    ten lines, not the pills message that opened the case, said before them.)"""
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    pills = "aku mau minum semua obat tidur mama malam ini"
    await world.say(STUDENT, pills)
    for n in range(6):
        await world.say(DIMAS, f"aku di sini, kamu aman sekarang? ({n})")
        await world.say(STUDENT, f"iya kak, aku di kamar ({n})")
    await world.end(STUDENT)
    before = len(world.telegram.messages)
    await press(world, BUDI, "es:take:")
    [taken] = [t for t in world.texts(BUDI, before) if "The chat so far" in t]
    assert f"The student's message that opened the case: {pills}" in taken, taken
    assert taken.index(pills) < taken.index("iya kak, aku di kamar (5)")
    assert await check(world) == []


async def test_a_student_whose_open_case_keeps_their_name_is_told_the_name_the_supporter_sees(
    world: World,
) -> None:
    """(A trial: a name picked in the intake was overruled by the one an open case uses, and
    the supporter's join still said "they only see the name you picked".)"""
    await world.say(STUDENT, "aku pengen mati aja")
    assert len(await cases(world)) == 1, "a case: counselors know them by a name now"
    await world.command(STUDENT, "/start")
    for step in ("in:consent:yes", "in:lang:id", "in:topic:family"):
        await press(world, STUDENT, step)
    await world.say(STUDENT, "aku stres banget sama ujian minggu depan dan susah tidur")
    await press(world, STUDENT, "in:feeling:3")
    # no other name is offered while the case is open (a trial: offered, then taken back)
    assert not any(d.startswith("in:name:another") for _, d in world.buttons(STUDENT))
    await press(world, STUDENT, "in:name:keep")
    await press(world, STUDENT, "in:confirm:")
    async with world.running.store() as uow:
        person = await uow.people.by_telegram_id(STUDENT)
        assert person is not None
        kept = person.pseudonym
    joined = len(world.telegram.messages)
    await press(world, DIMAS, "of:accept:")
    [hello] = [t for t in world.texts(STUDENT, joined) if "Pendamping sebaya udah gabung" in t]
    assert f"Dia cuma kenal kamu sebagai {kept}," in hello, hello
    assert "nama yang kamu pilih" not in hello
    assert await check(world) == []


async def test_a_student_whose_supporter_left_the_crisis_chat_is_not_asked_for_a_peer_again(
    world: World,
) -> None:
    """(A trial: after a crisis chat, students who had talked with a peer supporter were asked
    "you also asked for a peer supporter: still want one?"; their supporter had left the chat
    to the counselor, so the chat no longer named one.)"""
    await _taken_over_in_a_chat(world)
    await world.say(DIMAS, "aku di sini, Pak Budi juga udah gabung ya")
    await world.end(DIMAS)  # Dimas leaves the chat to Pak Budi
    await press(world, BUDI, "es:out:")
    await world.command(BUDI, "/skip")
    before = len(world.telegram.messages)
    await world.end(BUDI)
    goodbye = world.texts(STUDENT, before)
    assert goodbye, "a goodbye"
    assert not any(d.startswith("fu:peer:") for m in world.telegram.to(STUDENT, before)
                   for d in m.buttons), goodbye
    assert not any("pendamping sebaya. Masih mau?" in t for t in goodbye), goodbye
    assert await check(world) == []
