"""Crisis detection and escalation to counselors, end to end over the sandbox."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from bot.app import App
from sandbox.botapi import SandboxBotApi
from storage.models import AuditEntry
from storage.program_models import Escalation
from tests.e2e.e2e_support import (
    COORDINATOR,
    OffsetClock,
    Staff,
    User,
    complete_intake,
    shown,
)

pytestmark = pytest.mark.e2e

COUNSELOR_A = Staff(9201, "counselor", "Pak Budi", on_duty=True)
COUNSELOR_B = Staff(9202, "counselor", "Bu Rina", on_duty=True)
SUPPORTER = Staff(9101, "supporter", "Dimas", on_duty=True)
IMMINENT = "aku udah nggak kuat lagi, malam ini aku mau gantung diri"
HIGH = "jujur aku pengen mati aja rasanya"
STUDENT_IDENTITY = ("Rara", "Wijaya", "rara_w", "5001")


async def start_intake(app: App, student: User) -> None:
    await student.say("/start")
    await student.press("in:consent:yes")
    await student.press("in:lang:id")
    await student.press("in:topic:low_mood")
    await student.expect(shown(app, "id", "intake-description", min=20, max=1500))


async def escalations(app: App) -> list[Escalation]:
    async with app.store() as uow:
        return list((await uow.session.scalars(select(Escalation))).all())


async def audit_actions(app: App) -> list[str]:
    async with app.store() as uow:
        return [a.action for a in (await uow.session.scalars(
            select(AuditEntry).order_by(AuditEntry.id))).all()]


async def test_imminent_risk_in_intake_reaches_student_and_counselor_within_a_second(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi, student: User
) -> None:
    app = await run_bot(staff=[COUNSELOR_A])
    counselor = User(sandbox, 9201)
    await start_intake(app, student)
    sent_at = time.monotonic()
    await student.say(IMMINENT)
    resources = await student.expect(shown(app, "id", "crisis-resources"), timeout=5)
    ping = await counselor.expect(shown(app, "en", "escalation-ping", id=1,
                                        level_key="risk-3"), timeout=5)
    assert resources.sent_at - sent_at < 1.0
    assert ping.sent_at - sent_at < 1.0
    assert "gantung diri" in (ping.text or "")  # the triggering excerpt
    assert {"es:ack:1", "es:take:1"} == set(ping.button_data())
    for secret in STUDENT_IDENTITY:
        assert secret not in (ping.text or "")
    await student.expect(shown(app, "id", "intake-feeling"))  # intake goes on, not stuck
    [escalation] = await escalations(app)
    assert (escalation.level, escalation.status, escalation.source) == (3, "open", "detector")
    assert {"risk.detected", "escalation.opened", "escalation.paged"} <= set(
        await audit_actions(app))


async def test_unacknowledged_ladder_next_counselor_then_everyone_then_acknowledge(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi, student: User
) -> None:
    clock = OffsetClock()
    app = await run_bot(staff=[COUNSELOR_A, COUNSELOR_B, COORDINATOR], clock=clock)
    budi, rina, sari = User(sandbox, 9201), User(sandbox, 9202), User(sandbox, 9001)
    await start_intake(app, student)
    await student.say(HIGH)
    await student.expect(shown(app, "id", "crisis-resources"))
    await budi.expect(shown(app, "en", "escalation-ping", id=1, level_key="risk-2"))
    assert not await sandbox.messages(9202)

    clock.advance(5 * 60 + 1)  # high: 5 minutes without acknowledgement
    await app.timers.sweep()
    await rina.expect(shown(app, "en", "escalation-ping", id=1, level_key="risk-2"))
    await student.expect(shown(app, "id", "crisis-still-here"))

    clock.advance(5 * 60 + 1)
    await app.timers.sweep()
    for person in (budi, rina, sari):
        await person.expect(shown(app, "en", "escalation-broadcast", id=1, level_key="risk-2"))

    await rina.press("es:ack:1")
    await rina.expect(shown(app, "en", "escalation-acked", id=1))
    await budi.expect(shown(app, "en", "escalation-acked-others", name="Bu Rina", id=1))
    await student.expect(shown(app, "id", "crisis-counselor-aware"))
    clock.advance(9 * 60)
    await app.timers.sweep()  # acknowledged: quiet until escalation.ack_followup (10 min)
    await app.sender.drain(5)
    assert not [m for m in await sandbox.messages(9202)
                if m.message_id > rina.seen and "🆘" in (m.text or "")]

    await rina.press("es:take:1")
    await student.expect(shown(app, "id", "counselor-joined-student"))
    await rina.expect(shown(app, "en", "escalation-taken"))
    await rina.say("Hai, aku Bu Rina, konselor sekolah. Kamu aman sekarang?")
    await student.expect(shown(app, "id", "relay-from-counselor",
                               text="Hai, aku Bu Rina, konselor sekolah. Kamu aman sekarang?"))
    await student.say("iya bu, aku di kamar")
    await rina.expect("iya bu, aku di kamar")
    await rina.press("es:out:1:safe")
    # still in the chat: her next words go to the student; the note comes by command
    await rina.expect(shown(app, "en", "escalation-note-ask-command", id=1))
    await rina.say("/casenote 1 Sudah bicara, siswa aman, janji temu besok pagi.")
    await rina.expect(shown(app, "en", "escalation-note-saved", id=1))
    [escalation] = await escalations(app)
    assert (escalation.status, escalation.outcome) == ("resolved", "safe")
    assert escalation.note_enc is not None
    assert b"janji" not in escalation.note_enc
    actions = await audit_actions(app)
    for step in ("escalation.opened", "escalation.unacknowledged", "escalation.acknowledged",
                 "escalation.taken_over", "escalation.resolved"):
        assert step in actions


async def test_no_counselor_on_duty_pages_coordinators_at_once(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi, student: User
) -> None:
    off_duty = Staff(9201, "counselor", "Pak Budi", on_duty=False)
    app = await run_bot(staff=[off_duty, COORDINATOR])
    await start_intake(app, student)
    await student.say(HIGH)
    await User(sandbox, 9001).expect(shown(app, "en", "escalation-broadcast", id=1,
                                           level_key="risk-2"))


async def test_refused_ping_pages_the_next_counselor_immediately(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi, student: User
) -> None:
    app = await run_bot(staff=[COUNSELOR_A, COUNSELOR_B])
    await sandbox.block(9201, emit_update=False)  # Pak Budi blocked the bot
    await start_intake(app, student)
    await student.say(HIGH)
    await User(sandbox, 9202).expect(shown(app, "en", "escalation-ping", id=1,
                                           level_key="risk-2"), timeout=5)
    assert "escalation.ping_failed" in await audit_actions(app)


async def test_risk_in_a_chat_tells_the_supporter_and_pings_the_counselor(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi, student: User
) -> None:
    app = await run_bot(staff=[SUPPORTER, COUNSELOR_A])
    dimas, budi = User(sandbox, 9101), User(sandbox, 9201)
    await complete_intake(app, student, "id")
    await dimas.press_starting("of:accept:")
    await student.expect(shown(app, "id", "session-started-student"))
    await student.say("kak aku barusan nyilet tangan lagi")
    await student.expect(shown(app, "id", "crisis-resources"))
    await dimas.expect(shown(app, "en", "crisis-tell-supporter"))
    await budi.expect(shown(app, "en", "escalation-ping", id=1, level_key="risk-2"))
    await dimas.expect("nyilet tangan")  # the message still reaches the supporter

    await budi.say("/cases")
    await budi.expect(shown(app, "en", "cases-title", count=1))
    await budi.press("es:take:1")
    await dimas.expect(shown(app, "en", "counselor-joined-supporter", name="Pak Budi"))
    await budi.say("Halo, aku Pak Budi.")
    await student.expect(shown(app, "id", "relay-from-counselor", text="Halo, aku Pak Budi."))
    await dimas.expect("Halo, aku Pak Budi.")  # the supporter sees what the counselor says


async def test_concern_in_a_chat_nudges_the_supporter_who_refers_in_one_tap(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi, student: User
) -> None:
    app = await run_bot(staff=[SUPPORTER, COUNSELOR_A])
    dimas, budi = User(sandbox, 9101), User(sandbox, 9201)
    await complete_intake(app, student, "id")
    await dimas.press_starting("of:accept:")
    await student.expect(shown(app, "id", "session-started-student"))
    await student.say("kadang aku pengen hilang aja dari dunia ini")
    await dimas.expect(shown(app, "en", "concern-nudge"))
    assert not await sandbox.messages(9201)  # concern alone does not page anyone
    await dimas.press_starting("es:refer:")
    await budi.expect(shown(app, "en", "escalation-ping", id=1, level_key="risk-2"))
    [escalation] = await escalations(app)
    assert escalation.source == "refer"


async def test_concern_in_intake_asks_the_screening_questions_and_escalates_on_yes(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi, student: User
) -> None:
    app = await run_bot(staff=[COUNSELOR_A])
    await start_intake(app, student)
    await student.say("aku ngerasa jadi beban buat semua orang di rumah")
    await student.press("in:feeling:4")  # a concern: asked whatever the feeling
    await student.expect(shown(app, "id", "asq-wish-dead"))
    await student.press("in:asq-wish-dead:yes")
    await student.expect(shown(app, "id", "crisis-resources"))
    await User(sandbox, 9201).expect(shown(app, "en", "escalation-ping", id=1,
                                           level_key="risk-2"))


async def test_student_button_i_need_a_counselor_now(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi, student: User
) -> None:
    app = await run_bot(staff=[SUPPORTER, COUNSELOR_A])
    await complete_intake(app, student, "id")
    await User(sandbox, 9101).press_starting("of:accept:")
    await student.press("ss:counselor:")
    await student.expect(shown(app, "id", "crisis-resources-asked"))
    await User(sandbox, 9201).expect(shown(app, "en", "escalation-ping", id=1,
                                           level_key="risk-2"))


async def test_supporter_refer_command_opens_an_escalation(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi, student: User
) -> None:
    app = await run_bot(staff=[SUPPORTER, COUNSELOR_A])
    dimas = User(sandbox, 9101)
    await complete_intake(app, student, "id")
    await dimas.press_starting("of:accept:")
    await dimas.say("/refer bilang tidak ingin hidup lagi")
    await dimas.expect(shown(app, "en", "refer-done"))
    ping = await User(sandbox, 9201).expect(shown(app, "en", "escalation-ping", id=1,
                                                  level_key="risk-2"))
    assert "tidak ingin hidup" in (ping.text or "")
    await student.expect(shown(app, "id", "crisis-resources-referred"))


async def test_escalated_requests_jump_the_queue(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi, student: User
) -> None:
    app = await run_bot(staff=[COUNSELOR_A])
    await sandbox.create_user(5002, first_name="Bima", language_code="id")
    calm = User(sandbox, 5002)
    await complete_intake(app, calm, "id")
    await complete_intake(app, student, "id",
                          description="aku capek hidup, pengen mati aja rasanya sekarang")
    async with app.store() as uow:
        queued = [(r.risk_level, r.pseudonym) for r in await uow.requests.queued()]
    assert sorted(queued, reverse=True)[0][0] >= 2
    from routing.queue import Waiting, ordered

    async with app.store() as uow:
        requests = list(await uow.requests.queued())
        order = ordered(Waiting(r.id, r.risk_level, r.feeling, r.created_at) for r in requests)
        first = next(r for r in requests if r.id == order[0].request_id)
        assert first.risk_level >= 2  # the later, riskier request is first in line


async def test_a_case_left_unresolved_does_not_swallow_a_new_crisis(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi, student: User
) -> None:
    app = await run_bot(staff=[SUPPORTER, COUNSELOR_A, COUNSELOR_B])
    budi, rina = User(sandbox, 9201), User(sandbox, 9202)
    await complete_intake(app, student, "id")
    await User(sandbox, 9101).press_starting("of:accept:")
    await student.say(HIGH)
    await budi.expect(shown(app, "en", "escalation-ping", id=1, level_key="risk-2"))
    await budi.press("es:take:1")
    await student.expect(shown(app, "id", "counselor-joined-student"))
    await budi.say("/end")  # a counselor records the outcome before ending a crisis chat
    await budi.expect(shown(app, "en", "end-case-first", id=1))
    await student.say("/end")  # the student leaves, no outcome chosen: the case stays open
    await student.press("ss:end:")  # "Yes, end it" (/end asks first)
    await student.expect(shown(app, "id", "session-ended-after-crisis"))
    # the counselor is told, with the way back in and the outcome (S12)
    await budi.expect(shown(app, "en", "session-ended-case-open", by="student", id=1))
    await budi.say("/duty")
    await budi.press("dt:off:")
    await student.say("/start")
    await student.say(IMMINENT)  # days later: a new crisis must page someone on duty
    await rina.expect(shown(app, "en", "escalation-ping", id=2, level_key="risk-3"))
    await student.expect(shown(app, "id", "crisis-resources"))


async def test_crisis_words_in_a_photo_caption_or_a_command_are_screened(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi, student: User
) -> None:
    app = await run_bot(staff=[COUNSELOR_A])
    budi = User(sandbox, 9201)
    await sandbox.send_media(student.id, "photo", caption="aku mau minum semua obat ini")
    await budi.expect(shown(app, "en", "escalation-ping", id=1))
    await student.expect(shown(app, "id", "crisis-resources"))
    await sandbox.create_user(5002, first_name="Bima", language_code="en")
    other = User(sandbox, 5002)
    await other.say("/help i want to kill myself")
    await budi.expect(shown(app, "en", "escalation-ping", id=2, level_key="risk-2"))
    await other.expect(shown(app, "en", "crisis-resources"))


async def test_rising_to_imminent_shortens_the_wait_for_acknowledgement(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi, student: User
) -> None:
    clock = OffsetClock()
    app = await run_bot(staff=[COUNSELOR_A, COUNSELOR_B], clock=clock)
    await start_intake(app, student)
    await student.say(HIGH)
    await student.expect(shown(app, "id", "crisis-resources"))
    await User(sandbox, 9201).expect(shown(app, "en", "escalation-ping", id=1,
                                           level_key="risk-2"))
    await student.say("malam ini aku mau gantung diri, ini pesan terakhirku")
    await student.expect(shown(app, "id", "crisis-resources"))
    await app.dispatcher.idle(5)
    clock.advance(2 * 60 + 1)  # the imminent timeout, well before the high one (5 min)
    await app.timers.sweep()
    await User(sandbox, 9202).expect(shown(app, "en", "escalation-ping", id=1,
                                           level_key="risk-3"))


async def test_only_the_handler_resolves_and_nobody_is_pulled_out_of_a_chat(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi, student: User
) -> None:
    app = await run_bot(staff=[COUNSELOR_A, COUNSELOR_B])
    budi, rina = User(sandbox, 9201), User(sandbox, 9202)
    await start_intake(app, student)
    await student.say(HIGH)
    await budi.expect(shown(app, "en", "escalation-ping", id=1, level_key="risk-2"))
    await rina.say("/cases")  # Rina sees the open case but was not paged for it
    await rina.expect(shown(app, "en", "cases-title", count=1))
    line = (await sandbox.messages(9202))[-1].message_id
    await sandbox.press_button(9202, line, "es:out:1:false_alarm", force=True)
    await rina.expect(shown(app, "en", "escalation-resolve-not-yours"))
    await budi.press("es:take:1")
    await student.expect(shown(app, "id", "counselor-joined-student"))
    await sandbox.press_button(9202, line, "es:take:1", force=True)
    await rina.expect(shown(app, "en", "escalation-already-acked", name="Pak Budi"))
    [escalation] = await escalations(app)
    assert (escalation.status, escalation.taken_over_by) == ("taken_over",
                                                             escalation.acknowledged_by)


async def test_a_ping_telegram_cannot_take_pages_the_next_counselor_and_is_retried(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi, student: User
) -> None:
    app = await run_bot(staff=[COUNSELOR_A, COUNSELOR_B])
    await sandbox.add_fault("sendMessage", count=1, status=502, chat_id=9201)
    await start_intake(app, student)
    await student.say(HIGH)
    await User(sandbox, 9202).expect(shown(app, "en", "escalation-ping", id=1,
                                           level_key="risk-2"), timeout=5)
    await User(sandbox, 9201).expect(shown(app, "en", "escalation-ping", id=1,
                                           level_key="risk-2"), timeout=10)


async def test_a_low_feeling_asks_the_screening_questions_and_a_yes_pages_a_counselor_at_once(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi, student: User
) -> None:
    """No risky word at all: the student rates their feeling 1, the intake asks the ASQ
    questions one at a time, and the first yes pages a counselor with the answer in the ping;
    yes to "right now" makes the case imminent."""
    app = await run_bot(staff=[COUNSELOR_A])
    counselor = User(sandbox, 9201)
    await start_intake(app, student)
    await student.say("Aku capek banget akhir-akhir ini, semuanya terasa berat di sekolah.")
    await student.press("in:feeling:1")
    await student.expect(shown(app, "id", "asq-wish-dead"))
    await student.press("in:asq-wish-dead:yes")
    ping = await counselor.expect(shown(app, "en", "escalation-ping", id=1,
                                        level_key="risk-2"), timeout=5)
    assert "wished dead: YES" in (ping.text or "")
    assert "screening questions" in (ping.text or "")
    await student.expect(shown(app, "id", "crisis-resources"))
    for question in ("better-off-dead", "thoughts", "tried"):
        await student.press(f"in:asq-{question}:no")
    await student.press("in:asq-now:yes")
    await counselor.expect("IMMINENT", timeout=5)
    # the counselor already knows the name from the ping: it is said to stay, none other offered
    await student.expect(shown(app, "id", "intake-anonymity-kept", pseudonym="")[:25])
    [case] = await escalations(app)
    assert (case.level, case.source) == (3, "asq")
