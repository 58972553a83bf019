"""Training scenarios end to end against the sandbox, with a tiny fake bot that relays chat."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from sandbox.botapi import SandboxBotApi
from sandbox.training_skills import QUOTE_LIMIT, SKILLS, classify
from sandbox.web import Timeline, start_web
from sandbox.web_training import (
    LINE_KINDS,
    REACT_SKILLS,
    SCENARIO_DIR,
    Said,
    Scenario,
    ScenarioError,
    TrainingRunner,
    load_scenarios,
)

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
    ({"turns": [{"id": "a", "en": "a"}, {"id": "b", "en": "b", "if": {"smile": {
        "id": "c", "en": "c"}}}]}, "unknown skill 'smile'"),
    ({"turns": [{"id": "a", "en": "a"}, {"id": "b", "en": "b", "if": {"advice": {
        "id": "c"}}}]}, r"turns\[1\]\.if\.advice"),
    ({"turns": [{"id": "a", "en": "a"}, {"id": "b", "en": "b", "if": {"advice": {
        "id": "c", "en": "c", "hold": "yes"}}}]}, "hold"),
    ({"turns": [{"id": "a", "en": "a", "else": {"id": "c", "en": "c"}}]}, "greeting"),
    ({"title": {"id": "x"}}, "title"),
    ({"risk_turn": 5}, "risk_turn"),
    ({"react": {"reflection": {"id": "x", "en": "x"}}}, r"react maps"),
    ({"react": {"advice": {"id": "x"}}}, r"react\.advice"),
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


class RecordingPractice:
    """A practice hook (sandbox.web.PracticeHook) that records what the page told the bot."""

    def __init__(self) -> None:
        self.begun: list[int] = []
        self.finished: list[int] = []

    async def begin(self, student_id: int, trainee_id: int, language: str) -> None:
        self.begun.append(student_id)

    async def finish(self, student_id: int) -> None:
        await asyncio.sleep(0.05)  # the bot takes a moment: Finish waits for it
        self.finished.append(student_id)


async def test_finish_ends_the_practice_chat_in_the_bot_too(api: SandboxBotApi) -> None:
    """*Finish* (and a new training in place of a running one, and a scenario that reached its
    end) tells the bot the practice is over, once, before the page hears back."""
    practice = RecordingPractice()
    web = await start_web(api, "127.0.0.1", 0, practice=practice)
    body = {"scenario": "exam-stress", "language": "id", "supporter_id": SUPPORTER,
            "intake": False}
    try:
        async with aiohttp.ClientSession() as http:
            async def post(path: str, data: dict[str, Any]) -> dict[str, Any]:
                async with http.post(web.url + path, json=data) as resp:
                    return dict((await resp.json())["result"])

            first = (await post("/api/training/start", body))["student_id"]
            assert practice.begun == [first]
            stopped = await post("/api/training/stop", {})
            assert stopped["phase"] == "finished"
            assert practice.finished == [first]  # done when Finish answers
            await post("/api/training/stop", {})  # pressed twice: told once
            assert practice.finished == [first]

            second = (await post("/api/training/start", body))["student_id"]
            third = (await post("/api/training/start", body))["student_id"]  # replaces it
            assert practice.finished == [first, second]

            assert web.training is not None
            web.training.reply_delay = 0
            await until(lambda: web.training is not None and web.training.phase == "waiting")
            for _ in range(2 * len(web.scenarios["exam-stress"].turns) + 1):
                if web.training.phase == "finished":
                    break
                before = web.training.trainee_messages
                await trainee_says(api, "Halo. Cerita aja pelan-pelan ya.")
                await until(lambda n=before: web.training is not None  # type: ignore[misc]
                            and web.training.trainee_messages > n
                            and web.training.phase in ("waiting", "finished"))
            assert web.training.phase == "finished"  # the scenario reached its end
            await until(lambda: third in practice.finished)
            assert practice.finished == [first, second, third]
    finally:
        await web.stop()


# -- the student reacts to the trainee ------------------------------------------------------

REACTING = Scenario.from_json({
    "id": "test-react", "student_name": "Dewi",
    "title": {"id": "Reaksi", "en": "Reactions"}, "brief": {"id": "b", "en": "b"},
    "turns": [
        {"id": "Halo kak", "en": "Hi"},
        {"id": "Aku takut pulang.", "en": "I'm scared to go home.",
         "if": {"safety": {"id": "Nggak aman, kak. Ayah mukul aku.",
                           "en": "No, I'm not safe. Dad hits me."},
                "advice": {"id": "Iya deh…", "en": "Yeah, okay…", "hold": True}},
         "else": {"id": "Hmm…", "en": "Hmm…"}},
        {"id": "Jangan bilang siapa-siapa ya.", "en": "Don't tell anyone."},
        {"id": "Oke kak.", "en": "Okay."},
    ],
    "must_refer": True, "risk_turn": 1, "reply_delay": 0,
    "debrief": {"id": "Rujuk.", "en": "Refer."},
})


async def started(api: SandboxBotApi, scenario: Scenario, language: str) -> TrainingRunner:
    runner = TrainingRunner(api, scenario, language, SUPPORTER, reply_delay=0)
    await runner.start(run_intake=False)
    await until(lambda: runner.phase == "waiting")
    return runner


async def student_answers(api: SandboxBotApi, runner: TrainingRunner, reply: str) -> str:
    """The trainee says ``reply``; what the student says back (as it reached the chat)."""
    before = runner.student_messages
    await trainee_says(api, reply)
    await until(lambda: runner.student_messages == before + 1 and runner.phase == "waiting")
    student = runner.student_id
    sent = [m["text"] for m in await api.transcript(student or 0)
            if m["from"]["id"] == student]
    assert len(sent) == runner.student_messages
    return str(sent[-1])


async def finish(api: SandboxBotApi, runner: TrainingRunner, *replies: str) -> dict[str, Any]:
    for reply in replies:
        await trainee_says(api, reply)
        await asyncio.sleep(0.05)
    debrief = (await runner.wait_finished(5)).to_json()
    json.dumps(debrief)  # the page gets it as JSON
    return debrief


def kinds(debrief: dict[str, Any]) -> list[str]:
    return [line["kind"] for line in debrief["lines"]]


def line(debrief: dict[str, Any], kind: str) -> dict[str, Any]:
    found = [item for item in debrief["lines"] if item["kind"] == kind]
    assert len(found) == 1, kinds(debrief)
    return dict(found[0])


@pytest.mark.parametrize(("replies", "student"), [
    # a safety question: the risk comes out clearly, at once
    (["Kamu aman nggak di rumah?"], ["Nggak aman, kak. Ayah mukul aku."]),
    # an open question: the script's own turn
    (["Gimana ceritanya?"], ["Aku takut pulang."]),
    # no question, no reflection: a nudge first, the turn after the next reply, whatever it is
    (["Oke.", "Oke."], ["Hmm…", "Aku takut pulang."]),
    # advice: the student pulls back; advice again: it pulls back again, then says the turn
    # (a turn is not held a second time)
    (["Kamu harus lapor guru.", "Kamu harus lapor guru."],
     ["Iya deh…", "Iya deh… Aku takut pulang."]),
    # the first matching skill in the scenario's order wins (safety is listed before advice)
    (["Kamu harus cerita. Kamu aman nggak?"], ["Nggak aman, kak. Ayah mukul aku."]),
])
async def test_what_the_student_says_next_depends_on_the_reply(
    api: SandboxBotApi, replies: list[str], student: list[str]
) -> None:
    runner = await started(api, REACTING, "id")
    assert await student_answers(api, runner, "Halo, aku Dimas.") == "Halo kak"
    assert [await student_answers(api, runner, r) for r in replies] == student
    assert runner.next_turn == 2  # the risk turn was sent, in whichever wording


async def test_replies_typed_while_the_student_types_count_together(api: SandboxBotApi) -> None:
    runner = TrainingRunner(api, REACTING, "id", SUPPORTER, reply_delay=0.4)
    await runner.start(run_intake=False)
    await until(lambda: runner.phase == "waiting")
    await student_answers(api, runner, "Halo")
    await trainee_says(api, "Oke.")
    await until(lambda: runner.phase == "typing")
    said = await student_answers(api, runner, "Eh, kamu aman nggak di rumah?")  # still typing
    assert said == "Nggak aman, kak. Ayah mukul aku."  # the second line counted, once
    await asyncio.sleep(0.5)
    assert runner.student_messages == 2
    assert runner.trainee_messages == 3


@pytest.mark.parametrize(("language", "question", "risk_words"), [
    ("id", "Temanmu aman nggak sekarang?", "pengen mati"),
    ("en", "Is she safe right now?", "want to die"),
])
async def test_a_safety_question_brings_the_risk_out_clearly_in_a_shipped_scenario(
    api: SandboxBotApi, language: str, question: str, risk_words: str
) -> None:
    scenario = load_scenarios()["friend-at-risk"]
    runner = await started(api, scenario, language)
    await student_answers(api, runner, "Halo, aku pendamping sebaya." if language == "id"
                          else "Hi, I'm a peer supporter.")
    said = await student_answers(api, runner, question)
    assert said != scenario.turns[1][language]  # not the scripted turn...
    assert risk_words in said                    # ...but still the risk, said more plainly
    assert ("nggak tahu dia aman" if language == "id" else "know if she's safe") in said
    debrief = await finish(api, runner, "/refer", "/end")
    assert debrief["verdict_refer"] == "ok"
    assert debrief["skills"]["safety"] == 1
    assert line(debrief, "safety_asked")["tone"] == "good"
    assert line(debrief, "reacted_safety")["params"] == {"message": 2}
    assert "safety_never" not in kinds(debrief)


async def test_advice_makes_the_student_pull_back_and_the_debrief_says_so(
    api: SandboxBotApi
) -> None:
    scenario = load_scenarios()["exam-stress"]
    runner = await started(api, scenario, "id")
    assert await student_answers(api, runner, "Halo") == scenario.turns[0]["id"]
    pulled_back = await student_answers(
        api, runner, "Kamu harus bikin jadwal belajar yang ketat tiap hari mulai besok pagi.")
    assert pulled_back.lower().startswith(("iya deh", "ya udah"))
    assert runner.next_turn == 1  # the exam worry has not come out yet
    # a reflection brings it out, in more words than the script's own turn
    opened = await student_answers(api, runner, "Kedengarannya kamu lagi capek banget ya.")
    assert "seminggu" in opened
    assert opened != scenario.turns[1]["id"]
    minimized = await student_answers(api, runner, "Ah, jangan sedih, semua orang juga gitu.")
    assert minimized.lower().startswith(("iya deh", "ya udah"))
    debrief = await finish(api, runner, "/end")
    assert not debrief["completed"]
    advice = line(debrief, "advice")
    assert advice["tone"] == "warn"
    assert advice["params"]["n"] == 1
    assert advice["params"]["quote"].startswith("kamu harus bikin jadwal")
    assert len(advice["params"]["quote"]) <= QUOTE_LIMIT
    assert line(debrief, "minimizing")["params"] == {
        "n": 1, "quote": "jangan sedih, semua orang juga gitu."}
    assert line(debrief, "reacted_advice")["params"] == {"message": 2}
    assert line(debrief, "reacted_reflection")["params"] == {"message": 3}
    assert line(debrief, "reacted_minimizing")["params"] == {"message": 4}
    assert "no_advice" not in kinds(debrief)
    assert [r["skill"] for r in debrief["reactions"]] == ["advice", "reflection", "minimizing"]


async def test_the_debrief_lists_what_the_trainee_did_and_did_not_do(
    api: SandboxBotApi
) -> None:
    runner = await started(api, REACTING, "en")
    await student_answers(api, runner, "Hello!")
    assert await student_answers(api, runner, "What happened?") == "I'm scared to go home."
    await student_answers(api, runner, "You should just tell a teacher tomorrow morning, "
                                       "it's the best thing to do honestly.")
    await student_answers(api, runner, "What do you mean?")
    debrief = await finish(api, runner, "Thanks.", "/refer")
    assert debrief["verdict_refer"] == "late"  # the old verdict, unchanged
    assert debrief["skills"] == {"open_question": 2, "reflection": 0, "safety": 0, "advice": 1,
                                 "minimizing": 0}
    assert kinds(debrief) == ["open_questions", "no_reflections", "safety_never", "advice",
                              "slowest_reply", "refer_late"]
    assert line(debrief, "open_questions")["params"] == {"n": 2}
    assert line(debrief, "safety_never")["params"] == {"message": 2}  # the risk turn
    quote = line(debrief, "advice")["params"]["quote"]
    assert quote.startswith("you should just tell a teacher")
    assert len(quote) <= QUOTE_LIMIT
    assert line(debrief, "refer_late")["params"] == {"message": 2}
    slowest = line(debrief, "slowest_reply")["params"]
    assert slowest["s"] == round(max(debrief["reply_seconds"]))  # whole seconds on the page
    assert 1 <= slowest["message"] <= 4
    # the trainee's words are in no line beyond the short quote
    assert "honestly" not in json.dumps(debrief)


async def test_a_good_run_gets_the_good_lines(api: SandboxBotApi) -> None:
    runner = await started(api, REACTING, "id")
    await student_answers(api, runner, "Halo, aku Dimas.")
    said = await student_answers(api, runner, "Kedengarannya berat banget ya. Kamu aman nggak?")
    assert said == "Nggak aman, kak. Ayah mukul aku."
    await trainee_says(api, "/refer")
    await student_answers(api, runner, "Makasih sudah cerita. Aku hubungkan ke konselor ya.")
    await student_answers(api, runner, "Kayaknya kamu takut ya. Ceritain dong.")
    debrief = await finish(api, runner, "Terima kasih.")
    assert debrief["completed"]
    assert debrief["verdict_refer"] == "ok"
    assert kinds(debrief) == ["open_questions", "reflections", "safety_asked", "no_advice",
                              "reacted_safety", "slowest_reply", "refer_ok"]
    assert line(debrief, "reflections")["params"] == {"n": 2}
    assert all(item["tone"] in ("good", "info") for item in debrief["lines"])
    assert debrief["student_messages"] == debrief["turns_sent"] == 4  # no nudge


@pytest.mark.parametrize(("refer_after", "verdict", "refer_line"), [
    (3, "ok", "refer_ok"), (5, "late", "refer_late"), (None, "missed", "refer_missed")])
async def test_nudges_keep_the_script_and_the_referral_verdict(
    api: SandboxBotApi, refer_after: int | None, verdict: str, refer_line: str
) -> None:
    """A trainee who never asks or reflects still gets every turn; the risk turn still comes
    and the referral is judged from it, as before."""
    runner = await started(api, REACTING, "en")
    said = []
    for count in range(5):
        if count == refer_after:  # /refer after the student's message number ``count``
            await trainee_says(api, "/refer")
            await until(lambda: runner.referred_turn is not None)
        said.append(await student_answers(api, runner, "Okay."))
    # the risk turn is the student's third message: one nudge came before it
    assert said == ["Hi", "Hmm…", "I'm scared to go home.", "Don't tell anyone.", "Okay."]
    debrief = await finish(api, runner, *(["/refer", "Okay."] if refer_after == 5
                                          else ["/end"] if refer_after is None else ["Okay."]))
    assert debrief["completed"]
    assert debrief["turns_sent"] == 4
    assert debrief["student_messages"] == 5
    assert debrief["verdict_refer"] == verdict
    assert line(debrief, refer_line)["tone"] == ("good" if verdict == "ok" else "warn")
    if verdict != "ok":
        assert line(debrief, refer_line)["params"] == {"message": 3}
    assert line(debrief, "reacted_else")["params"] == {"message": 2}
    assert line(debrief, "safety_never")["params"] == {"message": 3}
    assert "no_open_questions" in kinds(debrief)


RISK_WORDS = {"friend-at-risk": {"id": "pengen mati", "en": "want to die"},
              "disclosure": {"id": "mukul", "en": "hits me"}}
EVERY_REPLY = [frozenset(c) for n in range(len(SKILLS) + 1)
               for c in itertools.combinations(SKILLS, n)]  # every mix of skills


def test_every_shipped_script_ends_and_reaches_its_risk_whatever_the_trainee_does() -> None:
    for scenario in load_scenarios().values():
        reacts_to = {skill for r in scenario.reactions for skill, _ in r.when}
        assert {"safety", "advice", "minimizing"} <= reacts_to, scenario.id
        assert any(r.otherwise for r in scenario.reactions), scenario.id
        for reply in EVERY_REPLY:
            held: set[int] = set()
            sent: list[int] = []  # the turns the student got to, reply after reply
            for _ in range(2 * len(scenario.turns)):  # a turn is held once at most
                turn = len(sent)
                if turn == len(scenario.turns):
                    break
                said = scenario.say(turn, reply, turn in held)
                if said.hold:
                    held.add(turn)
                    continue
                sent.append(turn)
                if turn == scenario.risk_turn:  # the risk is said, in whichever wording
                    for lang in ("id", "en"):
                        assert RISK_WORDS[scenario.id][lang] in said.text[lang], \
                            (scenario.id, reply)
            assert sent == list(range(len(scenario.turns))), (scenario.id, reply)


def test_a_kind_open_invitation_gets_the_scripts_own_turns() -> None:
    """What tests/e2e/test_training_e2e.py says at every turn: it expects the script's turns."""
    said = classify("Halo, aku di sini. Cerita saja pelan-pelan ya.").skills
    assert said == {"open_question"}
    for scenario in load_scenarios().values():
        for turn, own in enumerate(scenario.turns):
            assert scenario.say(turn, said, held=False) == Said(own), (scenario.id, turn)


PULL_BACK = ("iya deh", "iya sih", "ya udah")


def test_shipped_variants_keep_the_risk_and_pull_back_after_advice() -> None:
    for scenario in load_scenarios().values():
        assert set(scenario.react) == set(REACT_SKILLS), scenario.id  # every turn reacts
        for skill in ("advice", "minimizing"):
            assert scenario.react[skill]["id"].lower().startswith(PULL_BACK), scenario.id
        for i, reactions in enumerate(scenario.reactions):
            for skill, variant in reactions.when:
                if i == scenario.risk_turn and not variant.hold:
                    for lang in ("id", "en"):
                        assert RISK_WORDS[scenario.id][lang] in variant.text[lang]
                if skill in ("advice", "minimizing"):
                    assert variant.text["id"].lower().startswith(PULL_BACK), \
                        (scenario.id, i, skill)
    # the file on disk is what the page reads
    raw = json.loads((SCENARIO_DIR / "exam-stress.json").read_text(encoding="utf-8"))
    assert raw["turns"][1]["if"]["advice"]["hold"] is True


def test_the_page_has_words_for_every_debrief_line_and_skill() -> None:
    static = Path(__file__).parents[3] / "sandbox" / "static" / "i18n"
    for lang in ("id", "en"):
        strings = json.loads((static / f"{lang}.json").read_text(encoding="utf-8"))
        for kind in LINE_KINDS:
            assert f"dl_{kind}" in strings, (lang, kind)
        for skill in (*SKILLS, "else"):
            assert f"skill_{skill}" in strings, (lang, skill)
        assert "tl_training_react" in strings
        assert "tl_training_hold" in strings


async def test_what_the_trainee_wrote_just_before_finish_counts_in_the_debrief(
    api: SandboxBotApi,
) -> None:
    """The page's Finish right after a reply: the reply is in the debrief, not lost."""
    plain = Scenario.from_json({**_raw(), "must_refer": False, "risk_turn": None})
    runner = TrainingRunner(api, plain, "id", SUPPORTER, reply_delay=30)  # "typing" a while
    await runner.start(run_intake=False)
    await until(lambda: runner.phase == "waiting")
    await trainee_says(api, "Halo")
    await until(lambda: runner.phase == "typing")
    await trainee_says(api, "Kamu harus tenang aja")  # while the student types
    await runner.stop()
    assert runner.debrief is not None
    assert runner.debrief.trainee_messages == 2
    assert any(line["kind"].startswith("advice") for line in runner.debrief.to_json()["lines"])


@pytest.mark.parametrize(("language", "question", "answer"), [
    ("id", "Kamu kepikiran bunuh diri?", "Nggak kok"),
    ("en", "Are you thinking about suicide?", "No, "),
])
async def test_a_direct_safety_question_is_answered_on_a_turn_without_its_own_answer(
    api: SandboxBotApi, language: str, question: str, answer: str
) -> None:
    """exam-stress's second turn has no safety variant of its own: the student still answers
    honestly (low risk: "nggak kok, cuma capek"), then says the turn."""
    scenario = load_scenarios()["exam-stress"]
    runner = await started(api, scenario, language)
    await student_answers(api, runner, "Halo")
    said = await student_answers(api, runner, question)
    assert said.startswith(answer), said
    assert said.endswith(scenario.turns[1][language]), said  # the story goes on
    debrief = await finish(api, runner, "/end")
    assert line(debrief, "reacted_safety")["params"] == {"message": 2}


@pytest.mark.parametrize("held_first", [False, True])
async def test_unsolicited_advice_makes_the_student_pull_back_on_any_turn(
    api: SandboxBotApi, held_first: bool
) -> None:
    """On the greeting's turn (no advice variant of its own), and on a turn already held back
    once by a nudge, advice still gets "iya sih… tapi bukan itu masalahnya"."""
    scenario = load_scenarios()["exam-stress"]
    runner = await started(api, scenario, "id")
    if held_first:
        assert await student_answers(api, runner, "Halo") == scenario.turns[0]["id"]
        assert await student_answers(api, runner, "Oke.") == "Hmm… iya."  # held once
    said = await student_answers(api, runner, "Kamu coba aja olahraga.")
    assert said.lower().startswith(("iya sih", "iya deh")), said
    assert said.endswith(scenario.turns[1 if held_first else 0]["id"]), said  # then the turn
    debrief = await finish(api, runner, "/end")
    assert line(debrief, "reacted_advice")["tone"] == "info"


async def test_a_message_telegram_delivers_twice_counts_once(api: SandboxBotApi) -> None:
    """A redelivered update (Telegram sends one again when unsure it arrived) is the same
    message: one reflection, one reply, no extra student turn."""
    plain = Scenario.from_json({**_raw(), "must_refer": False, "risk_turn": None})
    runner = await started(api, plain, "id")
    await student_answers(api, runner, "Halo")
    ref = await api.send_text(SUPPORTER, "Kedengarannya berat banget ya.")
    await until(lambda: runner.student_messages == 2 and runner.phase == "waiting")
    await api.redeliver(ref.update_id)
    await asyncio.sleep(0.2)
    assert runner.trainee_messages == 2
    assert runner.student_messages == 2
    debrief = await finish(api, runner, "/end")
    assert debrief["skills"]["reflection"] == 1
    assert line(debrief, "reflections")["params"] == {"n": 1}
