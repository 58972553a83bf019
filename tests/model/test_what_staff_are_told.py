"""What staff are told about a student in crisis, on the whole program in-process
(tests/model/world.py). Found in a sandbox trial: /end promised "a short goodbye" where the chat
could not end; the roster showed a counselor alone with a student as "chats: 0"; a case whose
outcome nobody recorded was only ever reminded to its counselor; a counselor coming on duty
heard nothing of cases still waiting for one."""

from __future__ import annotations

from storage.models import CRISIS_TOPIC
from tests.model.invariants import check
from tests.model.test_friend import to_friend_route
from tests.model.test_regressions import (
    BUDI,
    DIMAS,
    EN_STUDENT,
    RINA,
    SARI,
    STUDENT,
    cases,
    deactivate,
    intake,
    pings,
    press,
)
from tests.model.world import World


async def _in_chat_with_a_case(world: World) -> None:
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    await world.say(STUDENT, "aku pengen mati aja")


async def test_a_supporters_end_says_the_chat_goes_on_while_a_case_is_open(
    world: World,
) -> None:
    await _in_chat_with_a_case(world)
    before = len(world.telegram.messages)
    await world.command(DIMAS, "/end")
    [question] = world.telegram.to(DIMAS, before)
    assert "Case #1 is still open, so the chat will not end" in question.text
    assert "short goodbye" not in question.text
    await world.end(DIMAS)  # yes
    assert not any("selesai" in t for t in world.texts(STUDENT, before)), "no goodbye"
    assert (await cases(world))[0].status == "open"
    assert await check(world) == []


async def test_a_supporters_end_says_the_counselor_stays_when_one_is_in_the_chat(
    world: World,
) -> None:
    await _in_chat_with_a_case(world)
    await press(world, BUDI, "es:take:")
    before = len(world.telegram.messages)
    await world.command(DIMAS, "/end")
    [question] = world.telegram.to(DIMAS, before)
    assert question.text.startswith("Leave your chat with Awan-")
    assert "Pak Budi (counselor) stays with them" in question.text
    await world.end(DIMAS)
    said = len(world.telegram.messages)
    await world.say(STUDENT, "masih ada orang?")
    assert any("masih ada orang?" in t for t in world.texts(BUDI, said))
    assert await check(world) == []


async def test_the_roster_counts_a_counselors_chat(world: World) -> None:
    await _in_chat_with_a_case(world)
    await press(world, BUDI, "es:take:")
    before = len(world.telegram.messages)
    await world.command(SARI, "/roster")
    [budi] = [t for t in world.texts(SARI, before) if t.startswith("Pak Budi")]
    assert "chats: 1" in budi
    assert await check(world) == []


async def test_coordinators_hear_once_of_a_case_whose_outcome_nobody_records(
    world: World,
) -> None:
    await _in_chat_with_a_case(world)
    await press(world, BUDI, "es:take:")
    await world.end(STUDENT)
    before = len(world.telegram.messages)
    for _ in range(4):
        await world.advance(world.config.escalation.ack_followup + 5)
    assert sum("still has no outcome" in t for t in world.texts(BUDI, before)) == 4
    told = [m for m in world.telegram.to(SARI, before) if "no outcome has been recorded" in m.text]
    assert len(told) == 1, "once, after the counselor's second reminder"
    assert "Pak Budi" in told[0].text
    assert any(b.startswith("es:out:1:") for b in told[0].buttons)
    await press(world, SARI, "es:out:1:safe")
    assert (await cases(world))[0].status == "resolved"
    assert await check(world) == []


async def test_a_counselor_coming_on_duty_hears_of_cases_that_need_one(world: World) -> None:
    await world.say(STUDENT, "aku pengen mati aja")
    await press(world, BUDI, "es:ack:")
    before = len(world.telegram.messages)
    await world.command(RINA, "/duty")
    await press(world, RINA, "dt:on:")
    assert any("1 crisis case still needs a counselor" in t and "/cases" in t
               for t in world.texts(RINA, before))
    await press(world, BUDI, "es:take:")
    await world.command(RINA, "/duty")
    await press(world, RINA, "dt:off:")
    again = len(world.telegram.messages)
    await world.command(RINA, "/duty")
    await press(world, RINA, "dt:on:")
    assert not any("still needs" in t for t in world.texts(RINA, again)), "taken over: none"
    assert await check(world) == []


async def test_a_ping_with_no_words_names_the_students_case_just_before(world: World) -> None:
    """Seen: a student pressed 🆘 minutes after their case was closed as safe; the new ping
    said only '(nothing written yet)'."""
    await _in_chat_with_a_case(world)
    await press(world, BUDI, "es:take:")
    await press(world, BUDI, "es:out:1:safe")
    await world.command(BUDI, "/skip")
    await world.end(BUDI)
    await world.advance(600)
    before = len(world.telegram.messages)
    await world.say(STUDENT, "🆘 Aku butuh konselor sekarang")
    [ping] = [m for m in world.telegram.to(BUDI, before) if m.text.startswith("🆘")]
    assert "(nothing written yet)" in ping.text
    assert "their case before this, #1, 10 min ago (closed then: the student is safe)" in ping.text
    assert "aku pengen mati aja" in ping.text
    assert await check(world) == []


async def test_a_ping_with_no_words_goes_first_to_the_counselor_who_had_the_case_before(
    world: World,
) -> None:
    """Seen: Bu Rina closed the case as safe and ended the chat; a minute later the student
    pressed 🆘 and only Pak Budi was paged, with "22 min ago" (when the case had opened)."""
    await world.command(BUDI, "/duty")
    await press(world, BUDI, "dt:off:")
    await world.command(RINA, "/duty")
    await press(world, RINA, "dt:on:")
    await world.say(STUDENT, "aku pengen mati aja")
    await press(world, RINA, "es:take:")
    await world.advance(20 * 60)
    await press(world, RINA, "es:out:1:safe")
    await world.command(RINA, "/skip")
    await world.end(RINA)
    await world.command(BUDI, "/duty")  # Pak Budi back, first in line otherwise (he was
    await press(world, BUDI, "dt:on:")  # paged least recently)
    await world.advance(60)
    before = len(world.telegram.messages)
    await world.say(STUDENT, "🆘 Aku butuh konselor sekarang")
    assert pings(world, RINA, before), "the counselor who knows the student is paged first"
    assert not pings(world, BUDI, before)
    [ping] = pings(world, RINA, before)
    assert "#1, 1 min ago (closed then: the student is safe)" in ping
    assert await check(world) == []


async def test_a_student_who_told_about_a_friend_hears_about_the_friend_while_paging_climbs(
    world: World,
) -> None:
    await to_friend_route(world)
    await press(world, STUDENT, "in:friend:alert")
    await world.say(STUDENT, "temenku bilang mau loncat dari lantai 4 sekolah pulang nanti")
    await world.say(STUDENT, "XI IPS 2")
    await press(world, STUDENT, "in:urgency:now")
    before = len(world.telegram.messages)
    await world.advance(130)  # imminent: the ladder climbs after 2 minutes
    told = world.texts(STUDENT, before)
    assert any("soal temanmu" in t for t in told), told
    assert not any("nyapa kamu" in t for t in told)
    [broadcast] = [t for t in world.texts(RINA, before) if t.startswith("🆘")]
    assert "Topic: Worried about a friend" in broadcast
    assert await check(world) == []


async def test_a_referral_quotes_the_students_words_not_their_no_answers(world: World) -> None:
    """Seen: after /screen, "nope / not rn / never" were quoted to the counselor as the
    student's words."""
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    await world.say(STUDENT, "aku ngerasa sendirian terus akhir-akhir ini")
    for answer in ("nggak", "ga tau", "never"):
        await world.say(STUDENT, answer)
    before = len(world.telegram.messages)
    await world.command(DIMAS, "/refer mungkin dia mau menyakiti diri")
    [ping] = pings(world, BUDI, before)
    assert "aku ngerasa sendirian terus akhir-akhir ini" in ping
    assert "ga tau" not in ping
    assert "never" not in ping
    assert await check(world) == []


async def test_a_supporter_hears_who_ended_their_chat(world: World) -> None:
    """(A trial: the counselor ended the chat and the supporter only read "the chat ended".)"""
    await _in_chat_with_a_case(world)
    await press(world, BUDI, "es:take:")
    await press(world, BUDI, "es:out:")  # the outcome recorded: the counselor may end it
    await world.command(BUDI, "/end")
    before = len(world.telegram.messages)
    await world.end(BUDI)
    told = world.texts(DIMAS, before)
    assert "Pak Budi (counselor) ended the chat with Awan-100." in told, told
    assert not any("ended the chat with" in t for t in world.texts(BUDI, before))
    assert await check(world) == []


async def taken_over_before_a_topic(world: World) -> None:
    """A student writes words of risk before choosing a topic; Pak Budi takes them over."""
    await world.command(STUDENT, "/start")
    await press(world, STUDENT, "in:consent:yes")
    await press(world, STUDENT, "in:lang:id")
    await world.say(STUDENT, "aku pengen mati aja")
    await press(world, BUDI, "es:take:")


async def _stats(world: World) -> str:
    before = len(world.telegram.messages)
    await world.command(SARI, "/stats")
    [stats] = world.texts(SARI, before)
    return stats


async def test_a_counselors_chat_with_a_student_who_asked_nobody_is_not_a_peer_request(
    world: World,
) -> None:
    """(A trial: a counselor who took over a student who had asked for nobody made a request
    with the topic "Something else", and /stats counted it as a request and a peer chat.)"""
    await taken_over_before_a_topic(world)
    stats = await _stats(world)
    assert "Requests: 0 (waiting: 0)" in stats
    assert "Chats with a supporter: 0 open, 0 finished" in stats
    assert "Chats with a counselor only: 1 open, 0 finished" in stats
    await press(world, BUDI, "es:out:")
    await world.command(BUDI, "/end")
    await world.end(BUDI)
    await intake(world, STUDENT)  # later, the student asks for a peer: that is a request
    await press(world, DIMAS, "of:accept:")
    stats = await _stats(world)
    assert "Requests: 1 (waiting: 0)" in stats
    assert "Chats with a supporter: 1 open, 0 finished" in stats
    assert "Chats with a counselor only: 0 open, 1 finished" in stats
    assert await check(world) == []


async def test_a_counselor_taking_over_before_any_topic_records_a_crisis_not_something_else(
    world: World,
) -> None:
    await taken_over_before_a_topic(world)
    async with world.running.store() as uow:
        person = await uow.people.by_telegram_id(STUDENT)
        assert person is not None
        request = await uow.requests.latest_for(person.id)
    assert request is not None
    assert request.topic == CRISIS_TOPIC
    catalog = world.running.services.catalog
    assert catalog.render("en", f"topic-{request.topic}") == "A crisis (no request made)"
    assert await check(world) == []


async def test_a_command_while_joining_the_team_says_it_works_once_joined(
    world: World,
) -> None:
    """(A trial: a counselor's /duty while joining got the students' "hmm, that command
    doesn't exist", in their slang.)"""
    await world.command(SARI, "/invite counselor")
    code = next(t for t in reversed(world.texts(SARI)) if "?start=" in t).split("?start=")[1]
    invitee = 700200001
    await world.command(invitee, f"/start {code.split()[0]}")
    await press(world, invitee, "ob:join:yes")
    before = len(world.telegram.messages)
    await world.command(invitee, "/duty")
    said = world.texts(invitee, before)
    assert said[0] == "Perintah itu bisa dipakai setelah pendaftaran selesai. Jawab dulu " \
        "pertanyaan terakhir di atas.", said
    assert not any("nggak" in t for t in said)
    assert said[-1].startswith("Nama apa yang akan dilihat"), "the question again"
    assert await check(world) == []


async def test_a_peer_supporters_own_risk_is_told_as_kamu_a_counselors_as_anda(
    world: World,
) -> None:
    """The team's register follows the reader (locales/VOICE.md): a supporter is a student."""
    async with world.running.store() as uow:  # both read the bot in Indonesian
        for who in (DIMAS, BUDI):
            person = await uow.people.get_or_create(who, "id", world.clock())
            person.language = "id"
        await uow.commit()
    told: dict[int, str] = {}
    for who in (DIMAS, BUDI):
        before = len(world.telegram.messages)
        await world.say(who, "aku sendiri pengen mati aja rasanya")
        [told[who]] = [t for t in world.texts(who, before) if "lebih penting dari obrolan" in t]
    assert "Kamu lebih penting" in told[DIMAS]
    assert "Anda" not in told[DIMAS]
    assert "Anda lebih penting" in told[BUDI]
    assert "kamu" not in told[BUDI].lower()
    assert await check(world) == []


async def test_a_supporter_is_not_told_a_coordinator_who_saw_the_case_will_join(
    world: World,
) -> None:
    """(A trial: a coordinator's acknowledgement was briefed as "Bu Sari has it in hand and
    may join this chat"; coordinators take nobody over, a counselor is still being found.)"""
    await world.command(DIMAS, "/duty")
    await press(world, DIMAS, "dt:off")
    await intake(world, STUDENT)
    await world.say(STUDENT, "aku pengen mati aja")
    for _ in range(6):  # the ladder climbs to the coordinators
        if any(d.startswith("es:ack:") for _, d in world.buttons(SARI)):
            break
        await world.advance(world.config.escalation.ack_timeout_high + 5)
    await press(world, SARI, "es:ack:")
    await world.command(DIMAS, "/duty")
    before = len(world.telegram.messages)
    await press(world, DIMAS, "dt:on")
    await press(world, DIMAS, "of:accept:")
    said = "\n".join(world.texts(DIMAS, before))
    assert "Bu Sari has seen it, and a counselor is being found to join this chat." in said, \
        said
    assert "has it in hand" not in said
    assert await check(world) == []


async def test_a_student_whose_supporter_leaves_during_a_case_hears_a_counselor_is_coming(
    world: World,
) -> None:
    """(A trial: "the next supporter will read your request", and not a word of the
    counselor being paged for them.)"""
    await _in_chat_with_a_case(world)
    before = len(world.telegram.messages)
    await world.command(DIMAS, "/end")
    await world.end(DIMAS)
    said = world.texts(STUDENT, before)
    assert any(t.startswith("Maaf ya, pendampingmu harus pergi dulu. 🙏 Konselor tetap lagi "
                            "dihubungi buat kamu") for t in said), said
    assert await check(world) == []


async def test_a_waiting_student_hears_at_once_when_nobody_is_being_asked_any_more(
    world: World,
) -> None:
    """(A trial: a supporter declined; the student's "a supporter is being asked right now"
    stood for ten minutes with nobody asked.)"""
    await intake(world, STUDENT)
    assert any("Permintaanmu lagi kami kasih ke pendamping" in t
               for t in world.texts(STUDENT)[-3:]), world.texts(STUDENT)[-3:]
    before = len(world.telegram.messages)
    await press(world, DIMAS, "of:decline:")
    said = world.texts(STUDENT, before)
    assert any(t.startswith("Kamu di urutan pertama antrean.") and "lagi kami kasih" not in t
               for t in said), said
    assert await check(world) == []


async def test_a_counselor_taking_over_reads_what_was_said_to_a_supporter_who_left(
    world: World,
) -> None:
    """(A trial: the student told the first supporter "aku takut banget gagal", the supporter
    went off duty, another took the chat; the counselor taking over read only the new chat.)"""
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    await world.say(STUDENT, "kak aku takut banget gagal, nanti ortu marah")
    await world.command(DIMAS, "/duty")
    await press(world, DIMAS, "dt:off")  # off duty: the chat goes back to the line
    await world.advance(world.config.routing.handback_after + 5)
    await world.command(DIMAS, "/duty")
    await press(world, DIMAS, "dt:on")
    await press(world, DIMAS, "of:accept:")  # a new chat, with the one on duty again
    await world.say(STUDENT, "aku pengen mati aja")
    before = len(world.telegram.messages)
    await press(world, BUDI, "es:take:")
    joined = "\n".join(world.texts(BUDI, before))
    assert "aku takut banget gagal" in joined, joined
    assert "aku pengen mati aja" in joined
    assert await check(world) == []


async def _back_in_line_and_writing(world: World) -> None:
    """The student tells the supporter something, the supporter goes off duty and the chat
    goes back to the line; the student writes while nobody is in the chat."""
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    await world.say(STUDENT, "kak aku takut banget gagal, nanti ortu marah")
    await world.command(DIMAS, "/duty")
    await press(world, DIMAS, "dt:off")
    await world.advance(world.config.routing.handback_after + 5)
    before = len(world.telegram.messages)
    await world.say(STUDENT, "halo kak? masih ada orang nggak")
    assert any("belum ada yang baca" in t or "nobody" in t.lower()
               for t in world.texts(STUDENT, before)), world.texts(STUDENT, before)


async def test_a_counselor_taking_over_reads_what_the_student_wrote_while_nobody_was_there(
    world: World,
) -> None:
    """(A newcomer trial: the student wrote while their chat was back in the line, told nobody
    reads it yet; the counselor who took the case over in the next chat never read it.)"""
    await _back_in_line_and_writing(world)
    await world.command(DIMAS, "/duty")
    await press(world, DIMAS, "dt:on")
    await press(world, DIMAS, "of:accept:")  # a new chat
    await world.say(STUDENT, "aku pengen mati aja")
    before = len(world.telegram.messages)
    await press(world, BUDI, "es:take:")
    [taken] = [t for t in world.texts(BUDI, before) if t.startswith("You are now in the chat")]
    said = [line for line in taken.splitlines() if line.startswith("Student")]
    assert said == ["Student: kak aku takut banget gagal, nanti ortu marah",
                    "Student (while nobody was in the chat): halo kak? masih ada orang nggak",
                    "Student: aku pengen mati aja"], taken
    assert await check(world) == []


async def test_a_counselor_taking_over_a_student_still_waiting_reads_it_too(
    world: World,
) -> None:
    await _back_in_line_and_writing(world)
    await world.say(STUDENT, "aku pengen mati aja")  # still waiting: nobody in the chat
    before = len(world.telegram.messages)
    await press(world, BUDI, "es:take:")
    [taken] = [t for t in world.texts(BUDI, before) if t.startswith("You are now in the chat")]
    said = [line for line in taken.splitlines() if line.startswith(("Student", "The student"))]
    assert said == ["Student: kak aku takut banget gagal, nanti ortu marah",
                    "Student (while nobody was in the chat): halo kak? masih ada orang nggak",
                    "Student (while nobody was in the chat): aku pengen mati aja"], taken
    assert await check(world) == []


async def test_stats_count_a_chat_its_supporter_left_as_a_chat_with_a_supporter(
    world: World,
) -> None:
    """(A trial: /stats said "with a supporter: 1 finished, with a counselor only: 7" after
    five chats with supporters: a chat a supporter left, handed back or saw taken over by a
    counselor was counted as the counselor's, its supporter cleared when they left.)"""
    await _in_chat_with_a_case(world)
    await press(world, BUDI, "es:take:")
    await world.end(DIMAS)  # Dimas leaves; Pak Budi stays with the student
    stats = await _stats(world)
    assert "Chats with a supporter: 1 open, 0 finished" in stats, stats
    assert "Chats with a counselor only: 0 open, 0 finished" in stats, stats
    await press(world, BUDI, "es:out:")
    await world.end(BUDI)
    await world.advance(31 * 60)  # Dimas's rest after a crisis chat
    # another student's supporter is deactivated mid-chat: their chat goes back to the queue
    await intake(world, EN_STUDENT, "en")
    await press(world, DIMAS, "of:accept:")
    await deactivate(world)
    stats = await _stats(world)
    assert "Chats with a supporter: 0 open, 2 finished" in stats, stats
    assert "Chats with a counselor only: 0 open, 0 finished" in stats, stats
    assert await check(world) == []
