"""Self-help while waiting, end to end over the sandbox on both transports: a breathing exercise
run to the end in one message the bot edits in place (the durable timer moves it on), an
exercise paused and stopped half-way, the request's place in the queue unchanged, and the
supporter who takes the request told which exercise was done (the student said yes)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from bot.app import App
from sandbox.botapi import SandboxBotApi
from sandbox.types import BotMessage
from storage.models import Exercise
from tests.e2e.e2e_support import WAIT, OffsetClock, Staff, User, complete_intake, shown

pytestmark = pytest.mark.e2e

SUPPORTER = Staff(9101, "supporter", "Dimas")  # off duty: the request waits


async def showing(sandbox: SandboxBotApi, user: User, message_id: int,
                  text: str) -> BotMessage:
    """The message ``message_id`` once it reads ``text`` (it is edited in place)."""
    return await sandbox.wait_for_message(
        user.id, timeout=WAIT,
        predicate=lambda m: m.message_id == message_id and text in (m.text or ""))


async def exercise_message(sandbox: SandboxBotApi, user: User) -> int:
    """The message the exercise lives in: the one that showed the menu."""
    found = [m for m in await sandbox.messages(user.id)
             if any(d.startswith("sf:") for d in m.button_data())]
    return found[-1].message_id


async def queued(app: App) -> list[tuple[int, str]]:
    async with app.store() as uow:
        return [(r.id, r.status) for r in await uow.requests.queued()]


async def test_box_breathing_runs_to_the_end_and_the_supporter_hears_of_it(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi, student: User
) -> None:
    clock = OffsetClock()
    app = await run_bot(staff=[SUPPORTER], clock=clock)
    dimas = User(sandbox, 9101)
    await complete_intake(app, student, "id")
    await student.expect(shown(app, "id", "selfhelp-offer", when="waiting"))
    waiting = await queued(app)
    await student.press("sf:menu:")
    here = await exercise_message(sandbox, student)
    await showing(sandbox, student, here, shown(app, "id", "selfhelp-menu"))
    await student.press("sf:pick:box")
    await student.press("sf:go:box:2")
    await showing(sandbox, student, here, "putaran 1 dari 2")
    for _ in range(8):  # 2 rounds of 4 steps of 4 seconds
        clock.advance(4)
        await asyncio.sleep(1.2)  # the timers' sweep runs every second
    await showing(sandbox, student, here, "Selesai: 2 putaran napas kotak.")
    await student.press("sf:share:yes")
    await student.expect(shown(app, "id", "selfhelp-share-thanks", share="yes"))
    assert await queued(app) == waiting, "the request kept its place"

    await dimas.say("/duty")
    await dimas.press("dt:on:")
    await dimas.press_starting("of:accept:")
    briefing = await dimas.expect("Before this chat")
    assert "box breathing (2 rounds, done)" in (briefing.text or "")


async def test_an_exercise_paused_then_stopped_half_way(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi, student: User
) -> None:
    clock = OffsetClock()
    app = await run_bot(staff=[SUPPORTER], clock=clock)
    await complete_intake(app, student, "id")
    await student.press("sf:menu:")
    here = await exercise_message(sandbox, student)
    await student.press("sf:pick:478")
    await student.press("sf:go:478:4")
    await showing(sandbox, student, here, "putaran 1 dari 4")
    await student.press_starting("sf:pause:")
    await showing(sandbox, student, here, "⏸ Dijeda")
    clock.advance(120)
    await asyncio.sleep(2.5)  # two sweeps: a paused exercise does not move
    [message] = [m for m in await sandbox.messages(student.id) if m.message_id == here]
    assert "⏸ Dijeda" in (message.text or "")
    await student.press_starting("sf:resume:")
    await showing(sandbox, student, here, "Tarik napas")
    await student.press_starting("sf:stop:")
    await showing(sandbox, student, here, "Udah berhenti")
    await student.expect(shown(app, "id", "selfhelp-share-ask"))
    async with app.store() as uow:
        [exercise] = (await uow.session.scalars(select(Exercise))).all()
    assert exercise.status == "stopped"
    assert exercise.step <= 2, "stopped at the start of the first round, as it was pressed"
    assert [status for _, status in await queued(app)] == ["queued"]
