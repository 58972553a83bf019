"""Training mode: a simulated student plays a scripted scenario against a trainee supporter.

The runner acts only through the sandbox control operations: it creates the student, does the
intake by pressing the bot's buttons, then sends the scenario's messages one at a time, each
after the trainee (the supporter phone) replied. At the end it reports a short debrief: was
``/refer`` used when the scenario needed it, how fast the trainee replied, how many messages.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from sandbox.types import Event, JsonDict

if TYPE_CHECKING:
    from sandbox.botapi import SandboxBotApi


class Timeline(Protocol):
    """Where the runner reports what happened (the simulator page's timeline)."""

    def publish(self, kind: str, summary: str, data: JsonDict | None = None) -> object: ...

SCENARIO_DIR = Path(__file__).with_name("static") / "scenarios"
LANGUAGES = ("id", "en")
END_COMMANDS = ("/end",)
REFER_COMMANDS = ("/refer",)


class ScenarioError(ValueError):
    """A scenario file that does not follow the format."""


def _localized(value: Any, where: str) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(value.get(k), str) for k in LANGUAGES):
        raise ScenarioError(f"{where} must have a string for each of {LANGUAGES}")
    return {k: str(value[k]) for k in LANGUAGES}


@dataclass(frozen=True)
class Scenario:
    """One practice scenario (see ``sandbox/static/scenarios/README.md`` for the format)."""

    id: str
    title: dict[str, str]
    brief: dict[str, str]
    student_name: str
    intake: list[JsonDict]
    turns: list[dict[str, str]]
    must_refer: bool = False
    risk_turn: int | None = None
    debrief: dict[str, str] = field(default_factory=dict)
    reply_delay: float = 1.2

    @classmethod
    def from_json(cls, data: JsonDict) -> Scenario:
        sid = data.get("id")
        if not isinstance(sid, str) or not sid:
            raise ScenarioError("scenario needs an id")
        turns = data.get("turns")
        if not isinstance(turns, list) or not turns:
            raise ScenarioError(f"{sid}: turns must be a non-empty list")
        intake = data.get("intake", [])
        if not isinstance(intake, list) or not all(
            isinstance(s, dict) and ("send" in s) != ("press" in s) for s in intake
        ):
            raise ScenarioError(f"{sid}: intake steps are {{'send': ...}} or {{'press': ...}}")
        risk_turn = data.get("risk_turn")
        if risk_turn is not None and not (isinstance(risk_turn, int)
                                          and 0 <= risk_turn < len(turns)):
            raise ScenarioError(f"{sid}: risk_turn must index turns")
        return cls(
            id=sid,
            title=_localized(data.get("title"), f"{sid}.title"),
            brief=_localized(data.get("brief"), f"{sid}.brief"),
            student_name=str(data.get("student_name") or "Siswa Latihan"),
            intake=[dict(s) for s in intake],
            turns=[_localized(t, f"{sid}.turns[{i}]") for i, t in enumerate(turns)],
            must_refer=bool(data.get("must_refer", False)),
            risk_turn=risk_turn,
            debrief=_localized(data["debrief"], f"{sid}.debrief") if "debrief" in data else {},
            reply_delay=float(data.get("reply_delay", 1.2)),
        )

    def summary(self) -> JsonDict:
        return {"id": self.id, "title": self.title, "brief": self.brief,
                "turns": len(self.turns), "must_refer": self.must_refer}


def load_scenarios(folder: Path = SCENARIO_DIR) -> dict[str, Scenario]:
    scenarios: dict[str, Scenario] = {}
    for path in sorted(folder.glob("*.json")):
        try:
            scenario = Scenario.from_json(json.loads(path.read_text(encoding="utf-8")))
        except (ValueError, KeyError) as exc:
            raise ScenarioError(f"{path.name}: {exc}") from exc
        scenarios[scenario.id] = scenario
    return scenarios


@dataclass
class Debrief:
    scenario: str
    language: str
    completed: bool
    turns_sent: int
    turns_total: int
    trainee_messages: int
    student_messages: int
    reply_seconds: list[float]
    must_refer: bool
    referred: bool
    refer_turn: int | None
    refer_seconds_after_risk: float | None
    verdict_refer: str  # "ok" | "missed" | "late" | "not_needed" | "extra"
    tip: str

    @property
    def average_reply(self) -> float | None:
        if not self.reply_seconds:
            return None
        return round(sum(self.reply_seconds) / len(self.reply_seconds), 1)

    def to_json(self) -> JsonDict:
        data = dict(self.__dict__)
        data["average_reply"] = self.average_reply
        data["slowest_reply"] = max(self.reply_seconds) if self.reply_seconds else None
        return data


ChangeHook = Callable[["TrainingRunner"], None]


class TrainingRunner:
    """Runs one scenario: ``await start()``, then it reacts to the trainee until finished."""

    def __init__(
        self, api: SandboxBotApi, scenario: Scenario, language: str, supporter_id: int, *,
        student_id: int | None = None, timeline: Timeline | None = None,
        on_change: ChangeHook | None = None, reply_delay: float | None = None,
        step_timeout: float = 10.0,
    ) -> None:
        if language not in LANGUAGES:
            raise ScenarioError(f"language must be one of {LANGUAGES}")
        self.api = api
        self.scenario = scenario
        self.language = language
        self.supporter_id = supporter_id
        self.student_id = student_id
        self.timeline = timeline
        self.on_change = on_change
        self.reply_delay = scenario.reply_delay if reply_delay is None else reply_delay
        self.step_timeout = step_timeout
        self.phase = "created"  # intake | waiting | typing | finished | failed
        self.error: str | None = None
        self.next_turn = 0
        self.turn_sent_at: float | None = None  # waiting for the trainee since
        self.reply_seconds: list[float] = []
        self.trainee_messages = 0
        self.referred_turn: int | None = None
        self.refer_at: float | None = None
        self.risk_sent_at: float | None = None
        self.debrief: Debrief | None = None
        self._events: asyncio.Queue[Event | None] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None

    # -- public -------------------------------------------------------------------------

    async def start(self, run_intake: bool = True) -> None:
        user = await self.api.create_user(
            self.student_id, first_name=self.scenario.student_name, language_code=self.language
        )
        self.student_id = user.id
        self.api.state.listeners.append(self._on_event)
        self._task = asyncio.create_task(self._run(run_intake), name=f"training-{user.id}")

    async def stop(self) -> None:
        """Finish now (the page's Finish button) and compute the debrief."""
        if self._task is not None and not self._task.done():
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        self._detach()
        if self.debrief is None:
            self._finish(completed=False)

    async def wait_finished(self, timeout: float = 30.0) -> Debrief:
        if self._task is not None:
            await asyncio.wait_for(asyncio.shield(self._task), timeout)
        assert self.debrief is not None
        return self.debrief

    def status(self) -> JsonDict:
        return {
            "scenario": self.scenario.id, "language": self.language, "phase": self.phase,
            "student_id": self.student_id, "supporter_id": self.supporter_id,
            "next_turn": self.next_turn, "turns": len(self.scenario.turns),
            "error": self.error,
            "debrief": self.debrief.to_json() if self.debrief else None,
        }

    # -- internals ------------------------------------------------------------------------

    def _on_event(self, event: Event) -> None:
        if event.type == "update":
            message = (event.data.get("update") or {}).get("message") or {}
            if message.get("from", {}).get("id") == self.supporter_id and "text" in message:
                self._events.put_nowait(event)

    def _detach(self) -> None:
        with contextlib.suppress(ValueError):
            self.api.state.listeners.remove(self._on_event)

    def _set_phase(self, phase: str) -> None:
        self.phase = phase
        if self.on_change is not None:
            self.on_change(self)

    def _publish(self, kind: str, summary: str, args: dict[str, str] | None = None,
                 **data: Any) -> None:
        """``args``: the values the page's own words for ``kind`` need (i18n ``tl_training_*``)."""
        if self.timeline is not None:
            self.timeline.publish(f"training.{kind}", summary,
                                  {"scenario": self.scenario.id, "say": f"training_{kind}",
                                   "args": args or {}, **data})

    async def _run(self, run_intake: bool) -> None:
        try:
            if run_intake and self.scenario.intake:
                self._set_phase("intake")
                await self._intake()
            self._set_phase("waiting")
            self._publish("ready", f"{self.scenario.id}: waiting for the trainee to say hello")
            while self.phase != "finished":
                event = await self._events.get()
                if event is None:
                    break
                await self._trainee_said(self._text(event), event.at)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # a broken run must still end with a debrief
            self.error = f"{type(exc).__name__}: {exc}"
            self._publish("error", f"{self.scenario.id}: {self.error}", {"error": self.error})
            self._finish(completed=False, phase="failed")
        finally:
            self._detach()

    @staticmethod
    def _text(event: Event) -> str:
        return str(event.data["update"]["message"]["text"])

    async def _intake(self) -> None:
        assert self.student_id is not None
        seen = max((m.message_id for m in await self.api.messages(self.student_id)), default=0)
        for step in self.scenario.intake:
            if "send" in step:
                value = step["send"]
                text = value[self.language] if isinstance(value, dict) else str(value)
                await self.api.send_text(self.student_id, text)
            else:
                data = str(step["press"]).replace("{lang}", self.language)
                found = await self.api.wait_for_message(
                    self.student_id, after_message_id=seen, timeout=self.step_timeout,
                    predicate=lambda m, d=data: d in m.button_data(),  # type: ignore[misc]
                )
                seen = found.message_id
                await self.api.press_button(self.student_id, found.message_id, data)
            await self.api.wait_updates_consumed(self.step_timeout)
        self._publish("intake", f"{self.scenario.id}: the student finished intake")

    async def _trainee_said(self, text: str, at: float) -> None:
        command = text.strip().split(maxsplit=1)[0].lower() if text.strip() else ""
        if command.startswith("/"):
            command = command.split("@", 1)[0]
            if command in REFER_COMMANDS and self.referred_turn is None:
                self.referred_turn = max(0, self.next_turn - 1)
                self.refer_at = at
                self._publish("refer", f"{self.scenario.id}: the trainee referred (/refer)")
                if self.next_turn >= len(self.scenario.turns):
                    self._finish(completed=True)
            elif command in END_COMMANDS:
                self._finish(completed=self.next_turn >= len(self.scenario.turns))
            return
        self.trainee_messages += 1
        if self.turn_sent_at is not None:
            self.reply_seconds.append(round(max(0.0, at - self.turn_sent_at), 1))
            self.turn_sent_at = None
        if self.next_turn >= len(self.scenario.turns):
            if not self.scenario.must_refer or self.referred_turn is not None:
                self._finish(completed=True)
            return
        self._set_phase("typing")
        assert self.student_id is not None
        await asyncio.sleep(self.reply_delay)
        turn = self.next_turn
        await self.api.send_text(self.student_id, self.scenario.turns[turn][self.language])
        self.next_turn += 1
        self.turn_sent_at = time.monotonic()
        if turn == self.scenario.risk_turn:
            self.risk_sent_at = self.turn_sent_at
        self._publish("turn", f"{self.scenario.id}: student message {turn + 1}/"
                              f"{len(self.scenario.turns)}",
                      {"n": str(turn + 1), "total": str(len(self.scenario.turns))}, turn=turn)
        while not self._events.empty():  # replies typed while the student was typing count once
            event = self._events.get_nowait()
            if event is None:
                continue
            if self._text(event).startswith("/"):
                await self._trainee_said(self._text(event), event.at)
            else:
                self.trainee_messages += 1
        if self.phase != "finished":
            self._set_phase("waiting")

    def _finish(self, completed: bool, phase: str = "finished") -> None:
        scenario = self.scenario
        referred = self.referred_turn is not None
        refer_after_risk: float | None = None
        if referred and self.risk_sent_at is not None and self.refer_at is not None:
            refer_after_risk = round(max(0.0, self.refer_at - self.risk_sent_at), 1)
        if scenario.must_refer:
            if not referred:
                verdict = "missed"
            elif scenario.risk_turn is not None and self.referred_turn is not None and (
                self.referred_turn > scenario.risk_turn + 1
            ):
                verdict = "late"
            else:
                verdict = "ok"
        else:
            verdict = "extra" if referred else "not_needed"
        self.debrief = Debrief(
            scenario=scenario.id, language=self.language, completed=completed,
            turns_sent=self.next_turn, turns_total=len(scenario.turns),
            trainee_messages=self.trainee_messages, student_messages=self.next_turn,
            reply_seconds=list(self.reply_seconds), must_refer=scenario.must_refer,
            referred=referred, refer_turn=self.referred_turn,
            refer_seconds_after_risk=refer_after_risk, verdict_refer=verdict,
            tip=scenario.debrief.get(self.language, ""),
        )
        self._publish("debrief", f"{scenario.id}: debrief — referral {verdict}, "
                                 f"{self.trainee_messages} replies",
                      {"verdict": verdict, "replies": str(self.trainee_messages)},
                      debrief=self.debrief.to_json())
        self._set_phase(phase)
        self._events.put_nowait(None)
