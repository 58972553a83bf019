"""Looking after the supporters, end to end over the sandbox on both transports: a break after
a crisis chat and the day's limit keep new requests away, and a student a coordinator blocked
after a report is offered to no supporter yet still reaches a counselor at once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from bot.app import App
from sandbox.botapi import SandboxBotApi
from tests.e2e.e2e_support import COORDINATOR, Staff, User, complete_intake, shown

pytestmark = pytest.mark.e2e

SUPPORTER = Staff(9101, "supporter", "Dimas", on_duty=True)
COUNSELOR = Staff(9201, "counselor", "Pak Budi", on_duty=True)
HIGH = "jujur aku pengen mati aja rasanya"


async def offered_to_dimas(app: App, sandbox: SandboxBotApi) -> bool:
    """A new student sends a request (told honestly that nobody can take it now): was it
    offered to Dimas?"""
    other = User(sandbox, 700900002)
    await sandbox.create_user(other.id, first_name="Sekar", language_code="en")
    await complete_intake(app, other, "en")
    await other.expect(shown(app, "en", "queue-nobody-on-duty"))
    messages = await sandbox.messages(SUPPORTER.telegram_id)
    return any(d.startswith("of:accept:") for m in messages[-3:] for d in m.button_data())


async def test_after_a_crisis_chat_the_supporter_rests_and_is_offered_nothing(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi, student: User
) -> None:
    app = await run_bot(staff=[SUPPORTER, COUNSELOR],
                        wellbeing={"cooldown_after_crisis": 1800})
    dimas, budi = User(sandbox, 9101), User(sandbox, 9201)
    await complete_intake(app, student, "id")
    await dimas.press_starting("of:accept:")
    await student.expect(shown(app, "id", "session-started-student"))
    await student.say(HIGH)
    await budi.press_starting("es:take:")
    await budi.press_starting("es:out:")
    await budi.say("/skip")
    await budi.say("/end")
    await budi.press_starting("en:")  # *Yes, end it*
    await dimas.expect(shown(app, "en", "wellbeing-cooldown", minutes=30))

    assert not await offered_to_dimas(app, sandbox), "no new request while resting"


async def test_the_days_limit_keeps_new_requests_away_and_says_so_kindly(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi, student: User
) -> None:
    app = await run_bot(staff=[SUPPORTER], wellbeing={"max_chats_per_day": 1})
    dimas = User(sandbox, 9101)
    await complete_intake(app, student, "id")
    await dimas.press_starting("of:accept:")
    await student.expect(shown(app, "id", "session-started-student"))
    await dimas.say("/end")
    await dimas.press_starting("en:")  # *Yes, end it*
    await dimas.expect(shown(app, "en", "wellbeing-limit-day", limit=1))

    assert not await offered_to_dimas(app, sandbox), "no new request over the day's limit"


async def test_a_blocked_student_is_offered_to_nobody_and_still_reaches_a_counselor(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi, student: User
) -> None:
    app = await run_bot(staff=[SUPPORTER, COUNSELOR, COORDINATOR])
    dimas, budi, sari = User(sandbox, 9101), User(sandbox, 9201), User(sandbox, 9001)
    await complete_intake(app, student, "id")
    await dimas.press_starting("of:accept:")
    await student.expect(shown(app, "id", "session-started-student"))
    await student.say("dasar pendamping bodoh, nggak guna lo")
    await dimas.expect("dasar pendamping bodoh")
    await dimas.say("/report")
    await dimas.press_starting("rp:abusive:")
    await dimas.expect(shown(app, "en", "report-filed"))
    await sari.press_starting("rv:show:")
    # the review (the ping's message, changed in place) reads the student's own words
    await sandbox.wait_for_message(9001, text_contains="dasar pendamping bodoh", timeout=30)
    await sari.press_starting("rv:block7:")
    await student.expect(shown(app, "id", "blocked-student"))
    await dimas.expect(shown(app, "en", "report-decided", decision="block", id=1))

    await student.say("/start")
    await student.expect(shown(app, "id", "blocked-student"))
    await student.say(HIGH)
    await student.expect(shown(app, "id", "crisis-resources"))
    await budi.expect(shown(app, "en", "escalation-ping", id=1, level_key="risk-2"))


async def test_a_safety_plan_is_built_retrieved_changed_and_forgotten(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi, student: User
) -> None:
    app = await run_bot(staff=[SUPPORTER])
    await student.say("/myplan")
    await student.press("sp:begin:")
    for text in ("kalau aku mulai ngurung diri", "dengerin lagu", "rumah nenek",
                 "kakakku", "Bu Wati guru BK", "minta kakak nyimpen obat", "adikku"):
        await student.say(text)
    await student.press("sp:share:no")
    await student.expect(shown(app, "id", "plan-saved"))
    await student.say("/myplan")
    await student.expect("rumah nenek")
    await student.press("sp:begin:")
    await student.press("sp:skip:")
    await student.say("nonton kartun")
    await student.press("sp:stop:")
    await student.expect(shown(app, "id", "plan-stopped"))
    await student.say("/myplan")
    await student.expect("nonton kartun")
    await student.say("/forgetme")
    await student.press_starting("fm:yes")
    await student.expect(shown(app, "id", "forget-done"))
    await student.say("/myplan")
    await student.expect(shown(app, "id", "plan-none"))


async def test_a_student_worried_about_a_friend_gets_guidance_and_a_counselor_is_alerted(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi, student: User
) -> None:
    app = await run_bot(staff=[COUNSELOR])
    budi = User(sandbox, 9201)
    await student.say("/start")
    await student.press("in:consent:friend")
    await student.press("in:lang:id")
    await student.expect(shown(app, "id", "friend-guidance"))
    await student.press("in:friend:alert")
    await student.say("temenku bilang mau ngilang aja malam ini")
    await student.press_starting("in:skip")
    await student.press("in:urgency:now")
    await student.expect(shown(app, "id", "friend-alert-sent"))
    ping = await budi.expect(shown(app, "en", "escalation-ping", id=1, level_key="risk-3"))
    assert "mau ngilang aja malam ini" in (ping.text or "")
