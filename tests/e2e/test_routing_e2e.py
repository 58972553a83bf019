"""Routing and the supporter's side, end to end over the sandbox (both transports)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot.app import App
from handlers.menus import MENUS
from handlers.shifts import plan_shift
from sandbox.botapi import SandboxBotApi
from storage.models import HelpRequest
from storage.program_models import ChatSession, Feedback, Member
from tests.e2e.e2e_support import (
    COORDINATOR,
    SUPPORTER_A,
    OffsetClock,
    Staff,
    User,
    complete_intake,
    shown,
)

pytestmark = pytest.mark.e2e

ON_DUTY_A = Staff(9101, "supporter", "Dimas", on_duty=True)
ON_DUTY_B = Staff(9102, "supporter", "Ayu", on_duty=True)
STUDENT_IDENTITY = ("Rara", "Wijaya", "rara_w", "5001")


async def member_id(app: App, telegram_id: int) -> int:
    async with app.store() as uow:
        member = await uow.members.by_telegram_id(telegram_id)
        assert member is not None
        return member.id


async def staff_user(sandbox: SandboxBotApi, staff: Staff) -> User:
    await sandbox.create_user(staff.telegram_id, first_name=staff.name, language_code="en")
    return User(sandbox, staff.telegram_id)


async def assert_no_identity_leak(sandbox: SandboxBotApi, staff_ids: list[int]) -> None:
    """Property: nothing sent to any staff chat carries the student's Telegram identity."""
    for chat in staff_ids:
        for message in await sandbox.messages(chat):
            for secret in STUDENT_IDENTITY:
                assert secret not in (message.text or ""), (chat, message.text)


async def chat_menu(sandbox: SandboxBotApi, chat_id: int) -> list[tuple[str, str]] | None:
    """The command menu set for one chat (None: it has the default one)."""
    for entry in await sandbox.commands():
        if entry["scope"].get("type") == "chat" and str(entry["scope"].get("chat_id")) == \
                str(chat_id):
            return [(c["command"], c["description"]) for c in entry["commands"]]
    return None


async def test_invite_onboarding_training_and_duty(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi
) -> None:
    app = await run_bot(roles={"coordinators": [COORDINATOR.telegram_id]})
    coordinator = await staff_user(sandbox, COORDINATOR)
    await coordinator.say("/invite supporter")
    link = await coordinator.expect("?start=")
    code = (link.text or "").split("?start=")[1].split()[0]

    newcomer = User(sandbox, 9103)
    await sandbox.create_user(9103, first_name="Rina", language_code="en")
    await newcomer.say(f"/start {code}")
    await newcomer.press("ob:join:yes")
    await newcomer.expect(shown(app, "en", "onboarding-name"))
    await newcomer.say("Rina")
    await newcomer.press("ob:lang:id")
    await newcomer.press("ob:lang-done:")
    await newcomer.press("ob:topic:academic")
    await newcomer.press("ob:topic-done:")
    await newcomer.expect(shown(app, "en", "onboarding-done-supporter"))
    await coordinator.expect(shown(app, "en", "member-joined", name="Rina"))
    await app.sender.drain(5)  # her own command menu, in English
    assert await chat_menu(sandbox, 9103) == [
        (c, app.catalog.render("en", f"cmd-team-{c}")) for c in MENUS["supporter"]]

    await newcomer.say("/duty")
    await newcomer.expect(shown(app, "en", "duty-needs-training"))
    rina = await member_id(app, 9103)
    await coordinator.say("/roster")
    await coordinator.press(f"ro:trained:{rina}")
    await newcomer.expect(shown(app, "en", "member-trained"))
    await newcomer.say("/duty")
    await newcomer.press("dt:on:")
    await newcomer.expect(shown(app, "en", "duty-on-supporter"))

    intruder = User(sandbox, 9104)
    await sandbox.create_user(9104, first_name="X", language_code="en")
    await intruder.say(f"/start {code}")  # the link was used: refused, nothing changes
    await intruder.expect(shown(app, "en", "invite-invalid"))
    async with app.store() as uow:
        assert await uow.members.by_telegram_id(9104) is None
        member = await uow.members.by_telegram_id(9103)
        assert member is not None
        assert (member.role, member.trained, member.on_duty) == ("supporter", True, True)
        assert (member.languages, member.topics) == (["id"], ["academic"])


async def test_offer_decline_reoffer_accept_relay_handoff_end_feedback_followup(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi, student: User
) -> None:
    clock = OffsetClock()
    app = await run_bot(staff=[ON_DUTY_A, ON_DUTY_B], clock=clock)
    dimas, ayu = User(sandbox, 9101), User(sandbox, 9102)
    await complete_intake(app, student, "id")

    await dimas.expect(shown(app, "en", "offer"))  # least loaded, never assigned: first
    await dimas.press_starting("of:decline:")
    await dimas.expect(shown(app, "en", "offer-declined"))
    await ayu.expect(shown(app, "en", "offer"))
    await ayu.press_starting("of:accept:")
    await student.expect(shown(app, "id", "session-started-student"))
    await ayu.expect(shown(app, "en", "session-started-supporter"))

    for text in ("halo kak", "aku capek banget sama tugas", "makasih udah mau dengar"):
        await student.say(text)
    for text in ("halo kak", "aku capek banget sama tugas", "makasih udah mau dengar"):
        await ayu.expect(text)  # in order: each after the previous
    await ayu.say("Hai, aku di sini. Cerita aja pelan-pelan ya.")
    await student.expect(shown(app, "id", "relay-from-supporter",
                               text="Hai, aku di sini. Cerita aja pelan-pelan ya."))
    await ayu.say("/note cemas soal ujian, butuh teknik belajar")
    await ayu.expect(shown(app, "en", "note-saved"))

    await ayu.say("/handoff")
    await ayu.press_starting(f"ho:{await session_id(app)}:{await member_id(app, 9101)}")
    await dimas.expect(shown(app, "en", "offer", kind="handover"))  # not "New request"
    await dimas.press_starting("of:accept:")
    await student.expect(shown(app, "id", "session-handed-over-student"))
    briefing = await dimas.expect(shown(app, "en", "session-started-supporter"))
    assert "cemas soal ujian" in (briefing.text or "")  # the notes travel with the chat
    await ayu.expect(shown(app, "en", "handoff-done"))
    await student.say("masih di sini")
    await dimas.expect("masih di sini")

    await dimas.say("/end")  # asks first
    await dimas.expect(shown(app, "en", "staff-end-confirm", pseudonym="x").split("x")[0])
    await dimas.press_starting(f"en:{await session_id(app)}:")
    await student.expect(shown(app, "id", "session-ended-student"))
    await dimas.expect(shown(app, "en", "session-ended-staff"))
    await student.press("fb:rate:5")
    await student.say("Terima kasih banyak kak")
    await student.expect(shown(app, "id", "feedback-thanks"))
    async with app.store() as uow:
        [feedback] = (await uow.session.scalars(select(Feedback))).all()
        assert feedback.rating == 5
        assert feedback.comment_enc is not None
        assert b"Terima" not in feedback.comment_enc

    clock.advance(24 * 3600 + 5)
    await app.timers.sweep()
    await student.expect(shown(app, "id", "followup-check"))
    await student.press("fu:ok:")
    await student.expect(shown(app, "id", "followup-glad"))
    await assert_no_identity_leak(sandbox, [9101, 9102])


async def session_id(app: App) -> int:
    async with app.store() as uow:
        chat = await uow.session.scalar(select(ChatSession).where(ChatSession.status == "active"))
        assert chat is not None
        return chat.id


async def test_offer_timeout_goes_to_the_next_supporter(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi, student: User
) -> None:
    clock = OffsetClock()
    app = await run_bot(staff=[ON_DUTY_A, ON_DUTY_B], clock=clock)
    dimas, ayu = User(sandbox, 9101), User(sandbox, 9102)
    await complete_intake(app, student, "en")
    await dimas.expect(shown(app, "en", "offer"))
    clock.advance(121)
    assert await app.timers.sweep() >= 1
    await dimas.expect(shown(app, "en", "offer-expired"))
    await ayu.expect(shown(app, "en", "offer"))
    await ayu.press_starting("of:accept:")
    await student.expect(shown(app, "en", "session-started-student"))


async def test_two_supporters_racing_for_one_request_exactly_one_gets_it(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi, student: User
) -> None:
    clock = OffsetClock()
    app = await run_bot(staff=[ON_DUTY_A, ON_DUTY_B], clock=clock)
    dimas, ayu = User(sandbox, 9101), User(sandbox, 9102)
    await complete_intake(app, student, "en")
    dimas_offer = await dimas.expect(shown(app, "en", "offer"))  # as he saw it, with buttons
    clock.advance(121)
    await app.timers.sweep()  # it expires (its buttons are cleared) and goes to Ayu; Dimas
    await ayu.expect(shown(app, "en", "offer"))  # presses the old one all the same
    ayu_offer = [m for m in await sandbox.messages(9102) if m.button_data()][-1]
    accept = [d for d in dimas_offer.button_data() if d.startswith("of:accept:")][0]
    accept_b = [d for d in ayu_offer.button_data() if d.startswith("of:accept:")][0]
    await asyncio.gather(  # both press at the same moment
        sandbox.press_button(9101, dimas_offer.message_id, accept, force=True),
        sandbox.press_button(9102, ayu_offer.message_id, accept_b),
    )
    await student.expect(shown(app, "en", "session-started-student"))
    await dimas.expect(shown(app, "en", "offer-gone"))
    await app.dispatcher.idle(5)
    ayu_id = await member_id(app, 9102)
    async with app.store() as uow:
        chats = (await uow.session.scalars(select(ChatSession))).all()
        assert len(chats) == 1
        assert chats[0].supporter_id == ayu_id


async def test_forged_accept_from_a_student_is_refused(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi, student: User
) -> None:
    app = await run_bot(staff=[ON_DUTY_A])
    await complete_intake(app, student, "id")
    offer = await User(sandbox, 9101).expect(shown(app, "en", "offer"))
    accept = [d for d in offer.button_data() if d.startswith("of:accept:")][0]
    last = (await sandbox.messages(student.id))[-1]
    await sandbox.press_button(student.id, last.message_id, accept, force=True)
    await student.expect(shown(app, "id", "error-stale-button"))
    async with app.store() as uow:
        assert (await uow.session.scalars(select(ChatSession))).all() == []


async def test_going_off_duty_with_an_open_chat_asks_to_hand_over_or_end(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi, student: User
) -> None:
    app = await run_bot(staff=[ON_DUTY_A])
    dimas = User(sandbox, 9101)
    await complete_intake(app, student, "en")
    await dimas.press_starting("of:accept:")
    await student.expect(shown(app, "en", "session-started-student"))
    await dimas.say("/duty")
    await dimas.press("dt:off:")
    await dimas.expect(shown(app, "en", "duty-off", chats=1))
    await dimas.press_starting("en:")
    await student.expect(shown(app, "en", "session-ended-student"))
    async with app.store() as uow:
        member = await uow.session.scalar(select(Member).where(Member.telegram_id == 9101))
        assert member is not None
        assert member.on_duty is False


async def test_out_of_hours_then_offered_when_the_shift_starts(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi, student: User
) -> None:
    clock = OffsetClock()
    closed = {"days": ["mon"], "start": "00:00", "end": "00:01"}
    app = await run_bot(staff=[SUPPORTER_A], clock=clock, program={"hours": [closed]})
    dimas = User(sandbox, 9101)
    async with app.store() as uow:  # Dimas's shift starts in an hour
        start = (clock() + timedelta(hours=1)).astimezone(ZoneInfo("Asia/Jakarta"))
        day = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[start.weekday()]
        shift = await uow.shifts.add(await member_id(app, 9101), [day],
                                     start.strftime("%H:%M"), "23:59")
        await plan_shift(uow, app.services, shift)
        await uow.commit()
    await complete_intake(app, student, "id")
    await student.expect(shown(app, "id", "queue-closed"))
    assert not [m for m in await sandbox.messages(9101) if m.button_data()]
    clock.advance(3600 + 60)
    await app.timers.sweep()
    await dimas.expect(shown(app, "en", "duty-on-supporter"))
    await dimas.expect(shown(app, "en", "offer"))


async def test_pending_timers_survive_a_restart_and_fire_once(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi, student: User
) -> None:
    clock = OffsetClock()
    first = await run_bot(staff=[ON_DUTY_A], clock=clock)
    dimas = User(sandbox, 9101)
    await complete_intake(first, student, "en")
    await dimas.expect(shown(first, "en", "offer"))
    await first.stop()
    second = await run_bot(clock=clock)
    clock.advance(125)
    assert await second.timers.sweep() >= 1
    assert await second.timers.sweep() == 0
    expired_text = shown(second, "en", "offer-expired-again", pseudonym=await pseudonym(second))
    await dimas.expect(expired_text)  # the only supporter: offered to them again
    await second.sender.drain(5)
    expired = [m for m in await sandbox.messages(9101) if expired_text in (m.text or "")]
    assert len(expired) == 1


async def test_idle_chat_gets_a_gentle_check_then_closes(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi, student: User
) -> None:
    clock = OffsetClock()
    app = await run_bot(staff=[ON_DUTY_A], clock=clock)
    dimas = User(sandbox, 9101)
    await complete_intake(app, student, "en")
    await dimas.press_starting("of:accept:")
    await student.expect(shown(app, "en", "session-started-student"))
    clock.advance(2 * 3600 + 5)
    await app.timers.sweep()
    await student.expect(shown(app, "en", "session-idle-check", minutes=15))
    await dimas.expect(shown(app, "en", "session-idle-check-staff"))
    clock.advance(15 * 60 + 5)
    await app.timers.sweep()
    await student.expect(shown(app, "en", "session-ended-idle-student"))
    await dimas.expect(shown(app, "en", "session-ended-staff"))


async def test_deactivating_a_supporter_puts_their_student_back_in_line(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi, student: User
) -> None:
    app = await run_bot(staff=[COORDINATOR, ON_DUTY_A])
    dimas, sari = User(sandbox, 9101), User(sandbox, 9001)
    await complete_intake(app, student, "en")
    await dimas.press_starting("of:accept:")
    await student.expect(shown(app, "en", "session-started-student"))
    await sari.say("/roster")
    await sari.press(f"ro:confirm:{await member_id(app, 9101)}")  # asked first, on the card
    await sari.press(f"ro:active:{await member_id(app, 9101)}:0")
    await student.expect(shown(app, "en", "session-supporter-unavailable", wait="nobody"))
    await app.sender.drain(5)
    assert await chat_menu(sandbox, 9101) is None  # paused: the default (student) menu
    await student.say("hello? are you there")
    await student.expect(shown(app, "en", "intake-queued-waiting"))
    await app.sender.drain(5)
    assert not [m for m in await sandbox.messages(9101) if "are you there" in (m.text or "")]
    async with app.store() as uow:
        [request] = await uow.requests.queued()
        assert request.status == "queued"


async def test_a_deep_link_that_is_not_an_invite_starts_intake(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi, student: User
) -> None:
    app = await run_bot()
    await student.say("/start poster-kantin")
    await student.expect(shown(app, "id", "intake-consent"))


@pytest.mark.parametrize("allow_media", [False, True])
async def test_photos_in_a_chat_are_explained_or_forwarded_without_their_sender(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi, student: User, allow_media: bool
) -> None:
    app = await run_bot(staff=[ON_DUTY_A], routing={"allow_media": allow_media})
    dimas = User(sandbox, 9101)
    await complete_intake(app, student, "en")
    await dimas.press_starting("of:accept:")
    await student.expect(shown(app, "en", "session-started-student"))
    await sandbox.send_media(student.id, "photo")
    if not allow_media:
        await student.expect(shown(app, "en", "relay-media-unsupported"))
        # the supporter knows something came that they cannot see (in their language)
        await dimas.expect("sent a photo. It was not forwarded")
        await app.sender.drain(5)
        assert not [m for m in await sandbox.messages(9101) if m.kind == "copy"]
        return
    await dimas.expect(shown(app, "en", "relay-media-from-student"))
    copies = [m for m in await sandbox.messages(9101) if m.kind == "copy"]
    for _ in range(50):
        if copies:
            break
        await asyncio.sleep(0.1)
        copies = [m for m in await sandbox.messages(9101) if m.kind == "copy"]
    assert len(copies) == 1  # a copy: Telegram shows no "forwarded from" the student


# ---- S2: no student waits unseen -------------------------------------------------------------


async def pseudonym(app: App) -> str:
    async with app.store() as uow:
        request = await uow.session.scalar(select(HelpRequest).order_by(HelpRequest.id.desc()))
        assert request is not None
        return request.pseudonym


async def test_an_offer_nobody_answers_goes_again_to_the_only_supporter_who_is_told_so(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi, student: User
) -> None:
    clock = OffsetClock()
    app = await run_bot(staff=[ON_DUTY_A], clock=clock)
    dimas = User(sandbox, 9101)
    await complete_intake(app, student, "en")
    await dimas.expect(shown(app, "en", "offer"))
    clock.advance(121)  # routing.offer_timeout is 120 s
    await app.timers.sweep()
    name = await pseudonym(app)
    await dimas.expect(shown(app, "en", "offer-expired-again", pseudonym=name))
    await dimas.expect(shown(app, "en", "offer"))  # at once, not after the decline pause
    await dimas.press_starting("of:accept:")
    await student.expect(shown(app, "en", "session-started-student"))


async def test_coordinators_get_one_alert_about_a_request_nobody_takes(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi, student: User
) -> None:
    clock = OffsetClock()
    app = await run_bot(staff=[COORDINATOR, SUPPORTER_A], clock=clock,
                        routing={"unattended_alert": 300})
    sari = User(sandbox, COORDINATOR.telegram_id)
    await complete_intake(app, student, "en")
    await student.expect(shown(app, "en", "queue-nobody-on-duty"))  # honest, with resources
    clock.advance(240)
    await app.timers.sweep()
    clock.advance(61)
    await app.timers.sweep()
    name = await pseudonym(app)
    alert = await sari.expect(shown(app, "en", "unattended-alert", pseudonym=name, waited=5))
    assert shown(app, "en", "unattended-why-nobody-on-duty") in (alert.text or "")
    assert "Rara" not in (alert.text or "")  # the pseudonym only
    for _ in range(3):  # it keeps waiting: still one alert
        clock.advance(400)
        await app.timers.sweep()
    await app.sender.drain(5)
    alerts = [t for t in await sari.texts() if t.startswith(shown(app, "en", "unattended-alert"))]
    assert len(alerts) == 1
    # told at the start that nobody can take it now, with the numbers: not told again that it
    # takes longer than usual (a trial: the numbers three times in three minutes)
    longer = shown(app, "en", "queue-taking-long", position=1, told="yes")
    assert not any(longer in t for t in await student.texts())


# ---- S3: no chat left with someone who left --------------------------------------------------


async def accepted_by_dimas(app: App, dimas: User, student: User) -> None:
    await complete_intake(app, student, "en")
    await dimas.press_starting("of:accept:")
    await student.expect(shown(app, "en", "session-started-student"))
    await dimas.say("/note worried about exams, sleeps badly")
    await dimas.expect(shown(app, "en", "note-saved"))
    await dimas.say("/duty")
    await dimas.press("dt:off:")
    await dimas.expect(shown(app, "en", "duty-off-open-chat", pseudonym=await pseudonym(app),
                             minutes=5))


async def test_a_chat_left_with_an_off_duty_supporter_goes_to_the_next_one_with_the_notes(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi, student: User
) -> None:
    clock = OffsetClock()
    app = await run_bot(staff=[ON_DUTY_A, ON_DUTY_B], clock=clock)
    dimas, ayu = User(sandbox, 9101), User(sandbox, 9102)
    await accepted_by_dimas(app, dimas, student)
    clock.advance(301)  # routing.handback_after is 300 s; Dimas did not answer
    await app.timers.sweep()
    await student.expect(shown(app, "en", "handback-student"))
    await dimas.expect(shown(app, "en", "handback-done"))
    await ayu.expect(shown(app, "en", "offer", kind="returned"))  # says it is not a new one
    await ayu.press_starting("of:accept:")
    briefing = await ayu.expect(shown(app, "en", "session-started-supporter"))
    assert "worried about exams" in (briefing.text or "")  # the notes so far
    await ayu.expect(shown(app, "en", "handback-history"))  # and what was said
    await student.say("hello, anyone?")
    await ayu.expect("hello, anyone?")


async def test_going_back_on_duty_in_time_keeps_the_chat(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi, student: User
) -> None:
    clock = OffsetClock()
    app = await run_bot(staff=[ON_DUTY_A, ON_DUTY_B], clock=clock)
    dimas = User(sandbox, 9101)
    await accepted_by_dimas(app, dimas, student)
    clock.advance(120)
    await dimas.say("/duty")
    await dimas.press("dt:on:")
    await dimas.expect(shown(app, "en", "handback-kept", chats=1))
    clock.advance(600)
    await app.timers.sweep()
    await student.say("still there?")
    await dimas.expect("still there?")
    assert not [t for t in await student.texts()
                if t.startswith(shown(app, "en", "handback-student"))]
    assert not [m for m in await sandbox.messages(9102) if m.button_data()]  # nobody offered


async def test_a_counselor_in_the_chat_keeps_it_when_the_supporter_leaves(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi, student: User
) -> None:
    clock = OffsetClock()
    counselor = Staff(9201, "counselor", "Pak Budi", on_duty=True)
    app = await run_bot(staff=[ON_DUTY_A, ON_DUTY_B, counselor], clock=clock)
    dimas, budi = User(sandbox, 9101), User(sandbox, 9201)
    await complete_intake(app, student, "en")
    await dimas.press_starting("of:accept:")
    await student.expect(shown(app, "en", "session-started-student"))
    await student.say("I want to die")
    await budi.expect(shown(app, "en", "escalation-ping", id=1, level_key="risk-2"))
    await budi.press("es:take:1")
    await student.expect(shown(app, "en", "counselor-joined-student"))
    await dimas.say("/duty")
    await dimas.press("dt:off:")
    await dimas.expect(shown(app, "en", "duty-off-open-chat"))
    clock.advance(301)
    await app.timers.sweep()
    await student.expect(shown(app, "en", "handback-student-stays",
                               role_key="role-supporter", stays_key="role-counselor"))
    await budi.expect(shown(app, "en", "handback-colleague", pseudonym=await pseudonym(app),
                            role_key="role-supporter"))
    await student.say("are you still here")
    await budi.expect("are you still here")
    await app.sender.drain(5)
    assert not [m for m in await sandbox.messages(9101) if "still here" in (m.text or "")]
    assert not [m for m in await sandbox.messages(9102) if m.button_data()]  # not re-queued
