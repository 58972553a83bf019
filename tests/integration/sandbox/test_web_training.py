"""Training scenarios end to end against the sandbox, with a tiny fake bot that relays chat."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from typing import Any

import aiohttp
import pytest

from sandbox.botapi import SandboxBotApi
from sandbox.web import Timeline, start_web
from sandbox.web_training import Scenario, ScenarioError, TrainingRunner, load_scenarios

TOKEN = "828282:training-token"
SUPPORTER = 9101
SCENARIO = Scenario.from_json({
    "id": "test-friend", "student_name": "Sinta",
    "title": {"id": "Teman", "en": "Friend"}, "brief": {"id": "b", "en": "b"},
    "intake": [{"send": "/start"}, {"press": "in:consent:yes"}, {"press": "in:lang:{lang}"}],
    "turns": [{"id": "Halo kak", "en": "Hi"},
              {"id": "Temanku bilang pengen mati", "en": "My friend says she wants to die"}],
    "must_refer": True, "risk_turn": 1,
    "debrief": {"id": "Rujuk segera.", "en": "Refer right away."},
    "reply_delay": 0,
})


class FakeBot:
    """Long-polls the sandbox like a bot: a two-button intake, then relays both ways."""

    def __init__(self, api: SandboxBotApi) -> None:
        self.base = f"{api.base_url}/bot{TOKEN}/"
        self.student: int | None = None
        self.session = aiohttp.ClientSession()
        self.task = asyncio.create_task(self.run())

    async def call(self, method: str, **params: Any) -> Any:
        async with self.session.post(self.base + method, json=params) as resp:
            return (await resp.json())["result"]

    async def run(self) -> None:
        offset = 0
        while True:
            for update in await self.call("getUpdates", offset=offset, timeout=1):
                offset = update["update_id"] + 1
                await self.handle(update)

    async def handle(self, update: dict[str, Any]) -> None:
        if "callback_query" in update:
            query = update["callback_query"]
            chat = query["message"]["chat"]["id"]
            await self.call("answerCallbackQuery", callback_query_id=query["id"])
            await self.call("editMessageReplyMarkup", chat_id=chat,
                            message_id=query["message"]["message_id"])
            if query["data"] == "in:consent:yes":
                lang = {"inline_keyboard": [[{"text": "ID", "callback_data": "in:lang:id"},
                                             {"text": "EN", "callback_data": "in:lang:en"}]]}
                await self.call("sendMessage", chat_id=chat, text="Bahasa?", reply_markup=lang)
            else:
                await self.call("sendMessage", chat_id=chat, text="Queued")
            return
        message = update["message"]
        sender, text = message["from"]["id"], message.get("text", "")
        if text == "/start":
            self.student = sender
            consent = {"inline_keyboard": [[{"text": "Ya", "callback_data": "in:consent:yes"}]]}
            await self.call("sendMessage", chat_id=sender, text="Setuju?", reply_markup=consent)
        elif sender == SUPPORTER and self.student is not None and not text.startswith("/"):
            await self.call("sendMessage", chat_id=self.student, text=f"Pendamping: {text}")
        elif sender == self.student:
            await self.call("sendMessage", chat_id=SUPPORTER, text=f"Siswa: {text}")

    async def close(self) -> None:
        self.task.cancel()
        try:
            with contextlib.suppress(asyncio.CancelledError):
                await self.task  # a failure of the fake bot is raised here...
        finally:
            await self.session.close()  # ...after its session is closed


@pytest.fixture
async def api() -> AsyncIterator[SandboxBotApi]:
    async with SandboxBotApi(token=TOKEN) as server:
        await server.create_user(SUPPORTER, first_name="Dimas", language_code="id")
        yield server


@pytest.fixture
async def fake_bot(api: SandboxBotApi) -> AsyncIterator[FakeBot]:
    bot = FakeBot(api)
    yield bot
    await bot.close()


async def until(check: Callable[[], bool], timeout: float = 30.0) -> None:
    async with asyncio.timeout(timeout):
        while not check():
            await asyncio.sleep(0.02)


async def trainee_says(api: SandboxBotApi, text: str) -> None:
    await api.send_text(SUPPORTER, text)


async def test_scenario_runs_through_intake_turns_and_refer(
    api: SandboxBotApi, fake_bot: FakeBot
) -> None:
    timeline = Timeline()
    changes: list[str] = []
    runner = TrainingRunner(api, SCENARIO, "id", SUPPORTER, timeline=timeline,
                            on_change=lambda r: changes.append(r.phase))
    await runner.start()
    await until(lambda: runner.phase == "waiting")
    student = runner.student_id
    assert student is not None
    # the runner pressed the last button; the bot's answer to it may still be on its way
    await api.wait_for_message(student, text_contains="Queued", timeout=30)
    texts = [m.text for m in await api.messages(student)]
    assert texts == ["Setuju?", "Bahasa?", "Queued"]  # the intake was done by pressing buttons

    await trainee_says(api, "Halo, aku Dimas, pendamping sebaya.")
    await api.wait_for_message(SUPPORTER, text_contains="Siswa: Halo kak", timeout=30)
    await trainee_says(api, "Aku dengar. Cerita saja pelan-pelan.")
    await api.wait_for_message(SUPPORTER, text_contains="pengen mati", timeout=30)
    await trainee_says(api, "/refer")
    debrief = await runner.wait_finished(5)

    assert debrief.completed
    assert (debrief.turns_sent, debrief.turns_total) == (2, 2)
    assert debrief.trainee_messages == 2
    assert len(debrief.reply_seconds) == 1
    assert debrief.referred
    assert debrief.verdict_refer == "ok"
    assert debrief.refer_seconds_after_risk is not None
    assert debrief.tip == "Rujuk segera."
    assert runner.status()["debrief"]["average_reply"] is not None
    assert changes[0] == "intake"
    assert changes[-1] == "finished"
    kinds = [e.kind for e in timeline.since(0)]
    assert kinds[:2] == ["training.intake", "training.ready"]
    assert kinds.count("training.turn") == 2
    assert kinds[-2:] == ["training.refer", "training.debrief"]
    # the student's messages reached the trainee through the bot, in order
    relayed = [m.text for m in await api.messages(SUPPORTER)]
    assert relayed == ["Siswa: Halo kak", "Siswa: Temanku bilang pengen mati"]


async def test_missed_referral_waits_for_end_and_says_so(
    api: SandboxBotApi, fake_bot: FakeBot
) -> None:
    runner = TrainingRunner(api, SCENARIO, "en", SUPPORTER)
    await runner.start(run_intake=False)
    await until(lambda: runner.phase == "waiting")
    for count, reply in enumerate(("Hello!", "I hear you.", "That sounds hard."), 1):
        await trainee_says(api, reply)
        await until(lambda n=count: runner.trainee_messages == n  # type: ignore[misc]
                    and runner.phase == "waiting")
    # all turns were sent and answered, but no /refer yet: the scenario keeps waiting
    assert runner.next_turn == 2
    assert runner.debrief is None
    await trainee_says(api, "/end")
    debrief = await runner.wait_finished(5)
    assert debrief.completed
    assert not debrief.referred
    assert debrief.verdict_refer == "missed"
    assert debrief.trainee_messages == 3
    assert len(debrief.reply_seconds) == 2
    assert debrief.tip == "Refer right away."


async def test_stopping_early_gives_an_incomplete_debrief(api: SandboxBotApi) -> None:
    plain = Scenario.from_json({**_raw(), "must_refer": False, "risk_turn": None})
    runner = TrainingRunner(api, plain, "id", SUPPORTER, reply_delay=0)
    await runner.start(run_intake=False)
    await until(lambda: runner.phase == "waiting")
    await trainee_says(api, "Halo")
    await until(lambda: runner.next_turn == 1 and runner.phase == "waiting")
    await trainee_says(api, "/refer")  # not needed here, but never wrong
    await until(lambda: runner.referred_turn is not None)
    await runner.stop()
    assert runner.debrief is not None
    assert not runner.debrief.completed
    assert runner.debrief.verdict_refer == "extra"
    assert runner.status()["phase"] == "finished"


async def test_a_failing_intake_ends_with_an_error(api: SandboxBotApi) -> None:
    runner = TrainingRunner(api, SCENARIO, "id", SUPPORTER, step_timeout=0.2)
    await runner.start()  # no bot answers: the consent button never appears
    await until(lambda: runner.phase == "failed")
    assert runner.error is not None
    assert "TimeoutError" in runner.error
    assert runner.debrief is not None
    assert not runner.debrief.completed


def _raw() -> dict[str, Any]:
    return {"id": "x", "title": {"id": "x", "en": "x"}, "brief": {"id": "x", "en": "x"},
            "turns": [{"id": "a", "en": "a"}, {"id": "b", "en": "b"}], "reply_delay": 0}


def test_shipped_scenarios_cover_the_required_cases() -> None:
    scenarios = load_scenarios()
    assert {"exam-stress", "loneliness", "friend-at-risk", "disclosure"} <= set(scenarios)
    for scenario in scenarios.values():
        assert scenario.title["id"] != scenario.title["en"]
        assert all(t["id"] and t["en"] for t in scenario.turns)
        assert scenario.intake[0] == {"send": "/start"}
        assert scenario.debrief["id"]
        assert scenario.debrief["en"]
    assert scenarios["friend-at-risk"].must_refer
    assert scenarios["disclosure"].must_refer
    assert not scenarios["exam-stress"].must_refer


@pytest.mark.parametrize(("change", "message"), [
    ({"turns": []}, "turns"),
    ({"title": {"id": "x"}}, "title"),
    ({"risk_turn": 5}, "risk_turn"),
    ({"intake": [{"send": "/start", "press": "x"}]}, "intake"),
    ({"id": ""}, "id"),
])
def test_bad_scenarios_are_refused(change: dict[str, Any], message: str) -> None:
    with pytest.raises(ScenarioError, match=message):
        Scenario.from_json({**_raw(), **change})


async def test_training_over_the_page_api(api: SandboxBotApi) -> None:
    web = await start_web(api, "127.0.0.1", 0)
    try:
        async with aiohttp.ClientSession() as http:
            async with http.get(web.url + "/api/scenarios") as resp:
                listed = (await resp.json())["result"]
            assert {s["id"] for s in listed} >= {"exam-stress", "disclosure"}
            async with http.ws_connect(web.url + "/api/ws") as ws:
                async with http.post(web.url + "/api/training/start", json={
                    "scenario": "exam-stress", "language": "en", "supporter_id": SUPPORTER,
                    "intake": False,
                }) as resp:
                    started = (await resp.json())["result"]
                assert started["scenario"] == "exam-stress"
                assert web.training is not None
                web.training.reply_delay = 0
                await until(lambda: web.training is not None and web.training.phase == "waiting")
                await trainee_says(api, "Hi, I'm Dimas.")
                await api.wait_for_event("update", timeout=5)
                await until(lambda: web.training is not None and web.training.next_turn == 1)
                async with http.post(web.url + "/api/training/stop", json={}) as resp:
                    stopped = (await resp.json())["result"]
                assert stopped["phase"] == "finished"
                assert stopped["debrief"]["verdict_refer"] == "not_needed"
                phases = []
                while "finished" not in phases:
                    item = await ws.receive_json(timeout=5)
                    if item["type"] == "training":
                        phases.append(item["status"]["phase"])
            student = started["student_id"]
            transcript = [m.get("text") for m in await api.transcript(student)]
            assert transcript == ["Hi... I don't really know where to start."]
            async with http.post(web.url + "/api/training/start",
                                 json={"scenario": "nope"}) as resp:
                assert resp.status == 400
    finally:
        await web.stop()
