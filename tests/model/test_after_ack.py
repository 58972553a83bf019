"""After a counselor acknowledges a case and nobody follows through (found in a sandbox trial:
the student was told a counselor would greet them soon, then nothing; the supporter in the
chat heard nothing between "a counselor is being contacted" and the counselor; the re-page
read like a new case): the supporter hears who saw it and what comes next, and when the
follow-up comes with nobody in the chat, the student hears they are not forgotten, the
supporter that the counselors are paged again, and every ping of the new ladder says who
acknowledged it, how long ago, and that nobody has joined. On the whole program in-process
(tests/model/world.py), with the safety invariants checked."""

from __future__ import annotations

from tests.model.invariants import check
from tests.model.test_regressions import (
    BUDI,
    DIMAS,
    RINA,
    SARI,
    STUDENT,
    cases,
    intake,
    pings,
    press,
)
from tests.model.world import World


async def test_an_acknowledged_case_nobody_follows_through_keeps_everyone_told(
    world: World,
) -> None:
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    await world.say(STUDENT, "aku pengen mati aja, capek banget")
    [first] = pings(world, BUDI)
    assert "nobody has joined the student yet" not in first, "a new case says nothing of it"
    before = len(world.telegram.messages)
    await press(world, BUDI, "es:ack:")
    said = world.texts(DIMAS, before)  # seen is not joining (a trial: "will join this
    assert any("Pak Budi has seen the crisis case" in t and "has not joined this chat" in t
               for t in said), said  # chat soon", and he never came)
    assert not any("will join" in t for t in said), said
    assert any("Konselor udah baca pesanmu" in t for t in world.texts(STUDENT, before))

    acknowledged = len(world.telegram.messages)
    await world.advance(world.config.escalation.ack_followup + 5)
    minutes = world.config.escalation.ack_followup // 60
    for who in (BUDI, SARI):  # no other counselor on duty: everyone at once
        [paged] = pings(world, who, acknowledged)
        assert f"Pak Budi acknowledged it {minutes} min ago, but nobody has joined the " \
            "student yet" in paged, paged
    assert any("Pak Budi has not joined the chat" in t and "paged again" in t
               for t in world.texts(DIMAS, acknowledged)), world.texts(DIMAS, acknowledged)
    told = world.texts(STUDENT, acknowledged)
    assert any("Kami masih di sini sama kamu" in t and "112" in t for t in told), told

    paged_at = len(world.telegram.messages)
    await world.advance(world.config.escalation.ack_timeout_high + 5)  # the next step: all
    for who in (RINA, BUDI, SARI):
        [next_one] = pings(world, who, paged_at)
        assert "Pak Budi acknowledged it" in next_one, "every ping of the new ladder says so"
    taken = len(world.telegram.messages)
    await press(world, RINA, "es:take:")
    assert any("Konselor udah gabung" in t for t in world.texts(STUDENT, taken))
    assert await check(world) == []


async def _acknowledged_then_worse(world: World) -> int:
    """A student in a chat writes of a wish to die, Pak Budi acknowledges, then the student
    writes of a bridge; returns the message count before the bridge."""
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    await world.say(STUDENT, "aku capek banget, pengen mati aja")
    await press(world, BUDI, "es:ack:")
    worse = len(world.telegram.messages)
    await world.say(STUDENT, "aku udah di atas jembatan, titip salam buat mama ya")
    return worse


async def test_worse_words_on_an_acknowledged_case_page_the_others_at_once(
    world: World,
) -> None:
    """(sandbox trial) A bridge message on an acknowledged high case went to the acknowledger
    alone; the coordinator's phone said the case was seen for minutes. The acknowledger is
    reminded and the next counselor paged at the same moment; with no other counselor on
    duty, everyone (the coordinators too)."""
    await world.command(RINA, "/duty")
    await press(world, RINA, "dt:on:")
    worse = await _acknowledged_then_worse(world)
    [reminded] = pings(world, BUDI, worse)
    assert "it was acknowledged, but nobody has taken over" in reminded, "the acknowledger"
    [paged] = pings(world, RINA, worse)
    assert "IMMINENT" in paged
    assert "Pak Budi acknowledged it" in paged, paged
    assert await check(world) == []


async def test_with_one_counselor_on_duty_worse_words_page_the_coordinator_at_once(
    world: World,
) -> None:
    worse = await _acknowledged_then_worse(world)  # Pak Budi: the only counselor on duty
    [paged] = pings(world, SARI, worse)
    assert "IMMINENT" in paged
    assert "Pak Budi acknowledged it" in paged, paged
    assert await check(world) == []


async def test_a_case_acknowledged_by_a_counselor_who_takes_over_says_nothing_twice(
    world: World,
) -> None:
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    await world.say(STUDENT, "aku pengen mati aja, capek banget")
    before = len(world.telegram.messages)
    await press(world, BUDI, "es:take:")
    said = world.texts(DIMAS, before)
    assert not any("has seen the crisis case" in t for t in said), \
        "taking over says more than an acknowledgement, once"
    assert await check(world) == []


async def test_a_counselor_taking_over_reads_what_the_student_wrote_when_asking_for_help(
    world: World,
) -> None:
    """(sandbox trial) The take-over showed the chat so far, never what the student wrote
    when they asked for help, where the first words of risk often are."""
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    await world.say(STUDENT, "aku pengen mati aja, capek banget")
    before = len(world.telegram.messages)
    await press(world, BUDI, "es:take:")
    [taken] = [t for t in world.texts(BUDI, before) if t.startswith("You are now in the chat")]
    assert "When they asked for help, they wrote: “aku stres banget sama ujian minggu depan" \
        in taken, taken
    assert "Student: aku pengen mati aja" in taken, "and the chat so far"
    assert await check(world) == []


async def test_a_not_sure_after_a_feedback_comment_pings_with_those_words_and_the_topic(
    world: World,
) -> None:
    """(sandbox trial) After the chat, a feedback comment raised the direct question and a
    "not sure" opened a case whose ping said "(nothing written yet)" and "topic: not chosen
    yet": the words that raised the question and the topic they last asked about are in it."""
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    await world.end(STUDENT)
    await press(world, STUDENT, "fb:rate:2")
    await world.say(STUDENT, "percuma, mending aku ilang aja dari dunia ini")
    before = len(world.telegram.messages)
    await press(world, STUDENT, "sc:unsure")
    [ping] = pings(world, BUDI, before)
    assert "Their words: percuma, mending aku ilang aja dari dunia ini" in ping, ping
    assert "Topic: Family or relationships" in ping, ping
    assert await check(world) == []


async def test_the_others_hear_a_case_was_taken_over_not_only_seen(world: World) -> None:
    """(A trial: at the second Pak Budi took the case over, Bu Sari read "Pak Budi has seen
    case #1 (not taken over the chat)", and her own stale Seen told her he was "handling"
    it.)"""
    await world.say(STUDENT, "aku mau bunuh diri malam ini")
    await world.advance(12 * 60)  # nobody answers: in the end everyone is paged
    assert pings(world, SARI)
    before = len(world.telegram.messages)
    await press(world, BUDI, "es:take:1")
    told = world.texts(SARI, before)
    assert any("sudah mengambil alih kasus #1" in t or "has taken over escalation #1" in t
               for t in told), told
    assert not any("belum mengambil alih" in t or "acknowledged escalation #1" in t
                   for t in told), told
    assert await check(world) == []


async def test_a_stale_seen_after_someone_saw_it_says_seen_not_handled(world: World) -> None:
    await world.say(STUDENT, "aku mau bunuh diri malam ini")
    await world.advance(12 * 60)
    await press(world, BUDI, "es:ack:1")
    before = len(world.telegram.messages)
    await world.press(SARI, 1, "es:ack:1")  # her ping's button, pressed after his
    [said] = world.texts(SARI, before)
    assert "has already seen this escalation (nobody has taken it over yet)" in said or \
        "sudah lebih dulu melihat kasus ini" in said, said
    assert await check(world) == []


async def _seen_by_the_coordinator(world: World) -> int:
    """A student in Dimas's chat writes of a wish to die; nobody answers until everyone is
    paged, and Bu Sari (a coordinator) presses Seen; returns the count before her Seen."""
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    await world.say(STUDENT, "aku pengen mati aja, capek banget")
    await world.advance(12 * 60)  # nobody answers: in the end everyone is paged
    assert pings(world, SARI)
    before = len(world.telegram.messages)
    await press(world, SARI, "es:ack:")
    return before


async def test_a_coordinators_seen_is_not_said_as_her_not_joining_the_chat(
    world: World,
) -> None:
    """(A trial: "⏰ Bu Sari has not joined the chat with Bintang-847 yet": a coordinator
    joins no chat.)"""
    await _seen_by_the_coordinator(world)
    seen = len(world.telegram.messages)
    await world.advance(world.config.escalation.ack_followup + 5)
    said = world.texts(DIMAS, seen)
    assert not any("Bu Sari has not joined" in t for t in said), said
    assert any("Bu Sari has seen the case, but no counselor has joined the chat" in t
               and "paged again" in t for t in said), said
    assert await check(world) == []


async def test_a_case_open_again_takes_the_outcome_buttons_of_its_seen_away(
    world: World,
) -> None:
    """(A trial: Bu Sari's Seen offered the outcome buttons; after the re-page her "#1:
    Student is safe" was refused. Seen, the case can be closed; open again, its outcome
    buttons go, and the newest ping's Seen brings them back.)"""
    before = await _seen_by_the_coordinator(world)
    assert any(d.startswith("es:out:") for m in world.telegram.to(SARI, before)
               for d in m.buttons), "seen, a coordinator can record the outcome"
    await world.advance(world.config.escalation.ack_followup + 5)
    assert not any(d.startswith("es:out:") for _, d in world.buttons(SARI)), \
        world.buttons(SARI)
    assert not any(d.startswith("es:out:") for _, d in world.buttons(BUDI)), \
        "nobody is offered an outcome they may not record"
    await press(world, SARI, "es:ack:")
    closing = len(world.telegram.messages)
    await press(world, SARI, "es:out:")
    said = world.texts(SARI, closing)
    assert not any("Only the counselor" in t or "Hanya konselor" in t for t in said), said
    assert await check(world) == []


async def test_an_outcome_pressed_on_a_case_open_again_says_so_not_only_the_counselor(
    world: World,
) -> None:
    """(A trial: after the re-page, Bu Sari's "#1: Student is safe" from her Seen answered
    "Only the counselor who acknowledged or took over this escalation (or a coordinator, once
    it is acknowledged) can resolve it": she had. An outcome button still on its way is
    answered with how the case stands.)"""
    before = await _seen_by_the_coordinator(world)
    [(message_id, data)] = [(m.message_id, d) for m in world.telegram.to(SARI, before)
                            for d in m.buttons if d.endswith(":safe")]
    await world.advance(world.config.escalation.ack_followup + 5)
    pressed = len(world.telegram.messages)
    await world.press(SARI, message_id, data)
    said = world.texts(SARI, pressed)
    assert any("is open again" in t and "Acknowledge" in t for t in said), said
    assert not any("Only the counselor" in t for t in said), said
    [case] = await cases(world)
    assert case.status == "open"
    assert await check(world) == []


async def test_a_coordinator_who_saw_a_case_twice_is_not_told_to_take_it_over(
    world: World,
) -> None:
    """(A trial, after her Seen was refused an outcome: a coordinator's second Seen read
    "take it over or record its outcome below"; coordinators take nobody over.)"""
    await _seen_by_the_coordinator(world)
    [ping] = [m for m in world.telegram.to(SARI) if "es:ack:1" in m.buttons][-1:]
    again = len(world.telegram.messages)
    await world.press(SARI, ping.message_id, "es:ack:1")  # her ping's Seen, pressed again
    [said] = world.texts(SARI, again)
    assert "already acknowledged escalation #1" in said, said
    assert "take it over" not in said, said
    assert "A counselor takes the student over" in said, said
    assert await check(world) == []
