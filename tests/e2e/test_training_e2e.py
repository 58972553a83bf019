"""Every training scenario end to end against the real bot: the simulated student goes through
intake and sends its turns; the test plays the trainee (accepts, answers, refers when it must)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest

from sandbox.botapi import SandboxBotApi
from sandbox.web_training import TrainingRunner, load_scenarios
from tests.e2e.e2e_support import Staff, User, shown

pytestmark = pytest.mark.e2e

TRAINEE = Staff(9101, "supporter", "Dimas", on_duty=True)
COUNSELOR = Staff(9201, "counselor", "Pak Budi", on_duty=True)
SCENARIOS = load_scenarios()


@pytest.mark.parametrize("scenario_id", sorted(SCENARIOS))
async def test_training_scenario_with_the_real_bot(
    run_bot: Callable[..., Any], sandbox: SandboxBotApi, scenario_id: str, transport: str,
    mode: str,
) -> None:
    if (transport, mode) != ("aiogram", "polling"):
        pytest.skip("the scenarios exercise the flows, covered once; transports are covered "
                    "by the rest of the e2e suite")
    app = await run_bot(staff=[TRAINEE, COUNSELOR])
    scenario = SCENARIOS[scenario_id]
    runner = TrainingRunner(sandbox, scenario, "id", TRAINEE.telegram_id, reply_delay=0.0,
                            step_timeout=15.0)
    await runner.start()
    trainee = User(sandbox, TRAINEE.telegram_id)
    await trainee.press_starting("of:accept:", timeout=20)  # the trainee takes the request
    await trainee.expect(shown(app, "en", "session-started-supporter"))
    for turn in range(len(scenario.turns)):
        await trainee.say("Halo, aku di sini. Cerita saja pelan-pelan ya.")
        text = scenario.turns[turn]["id"]
        await trainee.expect(text[:25], timeout=15)  # the student's turn, relayed by the bot
        if scenario.must_refer and turn == scenario.risk_turn:  # refer as soon as risk shows
            await trainee.say("/refer perlu konselor, ada risiko")
            await User(sandbox, COUNSELOR.telegram_id).expect("#", timeout=15)  # pinged
    await trainee.say("Terima kasih sudah cerita. Aku tetap di sini.")
    debrief = await asyncio.wait_for(runner.wait_finished(20), 25)
    assert debrief.completed
    assert debrief.turns_sent == len(scenario.turns)
    assert debrief.verdict_refer == ("ok" if scenario.must_refer else "not_needed")
