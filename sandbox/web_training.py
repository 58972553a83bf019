"""Training mode: a simulated student plays a scripted scenario against a trainee supporter.

The runner acts only through the sandbox control operations: it creates the student, does the
intake by pressing the bot's buttons, then sends the scenario's messages one at a time, each
after the trainee (the supporter phone) replied. It reads each reply for the listening skills
of ``sandbox.training_skills`` and the student reacts: a turn may have a variant for a skill
(a safety question brings the risk out clearly, quick advice makes the student pull back) and a
nudge for a reply without a question or reflection; the scenario says how its student answers
a direct safety question and pulls back from advice or minimizing on a turn without a variant
of its own for it. Each message is counted once, even if Telegram delivers it twice. At the end
it reports a debrief: was
``/refer`` used when the scenario needed it, how fast the trainee replied, and feedback lines
(what the trainee did and did not do) that the page words in its own language.
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

from sandbox.training_skills import LISTENING, SKILLS, Shown, classify
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
SLOW_REPLY = 60.0  # seconds: a slower reply is worth a warning in the debrief


class ScenarioError(ValueError):
    """A scenario file that does not follow the format."""


def _localized(value: Any, where: str) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(value.get(k), str) for k in LANGUAGES):
        raise ScenarioError(f"{where} must have a string for each of {LANGUAGES}")
    return {k: str(value[k]) for k in LANGUAGES}


@dataclass(frozen=True)
class Variant:
    """What the student says instead of a turn. ``hold``: the turn itself still comes, after
    the trainee's next reply (a turn is held once at most, so the script always goes on)."""

    text: dict[str, str]
    hold: bool = False


REACT_SKILLS = ("safety", "advice", "minimizing")
"""The skills a scenario's ``react`` answers on a turn without a variant of its own for them."""


def _then(first: dict[str, str], then: dict[str, str]) -> dict[str, str]:
    """``first`` said, then ``then``, in one message."""
    return {lang: f"{first[lang]} {then[lang]}" for lang in LANGUAGES}


@dataclass(frozen=True)
class Said:
    """What the student says for a turn: ``skill`` is what it reacts to (None: the script's own
    turn, as written); ``hold``: the turn itself still comes after the trainee's next reply."""

    text: dict[str, str]
    skill: str | None = None
    hold: bool = False


@dataclass(frozen=True)
class Reactions:
    """A turn's reactions: ``when`` (skill → variant, in the scenario's order) and ``otherwise``
    (the ``else`` nudge, always a hold) for a reply with no question, reflection or safety."""

    when: tuple[tuple[str, Variant], ...] = ()
    otherwise: Variant | None = None

    def has(self, skill: str) -> bool:
        return any(s == skill for s, _ in self.when)

    def choose(self, skills: frozenset[str], held: bool) -> tuple[str, Variant] | None:
        """The (skill or ``"else"``, variant) for a reply showing ``skills``; None: the turn.
        The first listed skill the reply shows wins, a hold too on a turn already held once
        (``Scenario.say`` then says it before the turn instead of holding it again)."""
        for skill, variant in self.when:
            if skill in skills:
                return skill, variant
        if self.otherwise is not None and not held and not skills & LISTENING:
            return "else", self.otherwise
        return None

    @classmethod
    def from_json(cls, turn: JsonDict, where: str, first: bool) -> Reactions:
        when_raw = turn.get("if", {})
        if not isinstance(when_raw, dict):
            raise ScenarioError(f"{where}.if must map skills to variants")
        when: list[tuple[str, Variant]] = []
        for skill, value in when_raw.items():
            if skill not in SKILLS:
                raise ScenarioError(f"{where}.if: unknown skill {skill!r} (one of {SKILLS})")
            hold = value.get("hold", False) if isinstance(value, dict) else False
            if not isinstance(hold, bool):
                raise ScenarioError(f"{where}.if.{skill}.hold must be true or false")
            when.append((skill, Variant(_localized(value, f"{where}.if.{skill}"), hold)))
        otherwise = None
        if "else" in turn:
            if first:
                raise ScenarioError(f"{where}.else: the first turn answers the trainee's "
                                    "greeting, it has no else")
            otherwise = Variant(_localized(turn["else"], f"{where}.else"), hold=True)
        return cls(tuple(when), otherwise)


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
    reactions: list[Reactions] = field(default_factory=list)  # one per turn
    # how the student answers a direct safety question, and pulls back from advice or
    # minimizing, on a turn without a variant of its own for it (said before the turn)
    react: dict[str, dict[str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if len(self.reactions) < len(self.turns):
            self.reactions.extend(Reactions() for _ in range(len(self.turns)
                                                             - len(self.reactions)))

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
        react = data.get("react", {})
        if not isinstance(react, dict) or not set(react) <= set(REACT_SKILLS):
            raise ScenarioError(f"{sid}.react maps some of {REACT_SKILLS} to what the student "
                                "says")
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
            reactions=[Reactions.from_json(t, f"{sid}.turns[{i}]", first=i == 0)
                       for i, t in enumerate(turns)],
            react={skill: _localized(value, f"{sid}.react.{skill}")
                   for skill, value in react.items()},
        )

    def say(self, turn: int, skills: frozenset[str], held: bool) -> Said:
        """What the student says for ``turn`` after a reply showing ``skills`` (``held``: the
        turn was held back once already, so it is not held again).

        The turn's own variant for the first listed skill the reply shows; a hold on a held
        turn is said before the turn instead. Without one, advice or minimizing gets the
        scenario's ``react`` pull-back, before the turn. A direct safety question on a turn
        without its own ``safety`` variant is answered first with the scenario's
        ``react.safety``, whatever follows: a real student answers it."""
        own, reactions = self.turns[turn], self.reactions[turn]
        said = Said(own)
        choice = reactions.choose(skills, held)
        if choice is not None:
            skill, variant = choice
            if variant.hold and held:
                said = Said(_then(variant.text, own), skill)
            else:
                said = Said(variant.text, skill, variant.hold)
        else:
            for skill in ("advice", "minimizing"):
                if skill in skills and skill in self.react:
                    said = Said(_then(self.react[skill], own), skill)
                    break
        if "safety" in skills and "safety" in self.react and not reactions.has("safety"):
            said = Said(_then(self.react["safety"], said.text), said.skill or "safety",
                        said.hold)
        return said

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


LINE_KINDS = (
    "open_questions", "no_open_questions", "reflections", "no_reflections", "safety_asked",
    "safety_never", "advice", "minimizing", "no_advice",
    *(f"reacted_{skill}" for skill in (*SKILLS, "else")),
    "slowest_reply", "refer_done", "refer_ok", "refer_early", "refer_late", "refer_missed",
    "refer_extra",
)
"""Every kind of debrief line; the page words each as i18n ``dl_<kind>`` (``dl_<kind>_one``
when its ``n`` is 1 and the language has a singular)."""


def _whole(seconds: float) -> int:
    """Seconds as a trainee reads them: whole (a tenth adds nothing to "9 s", and the page
    writes a number as it comes, so 9.2 would show as "9.2 dtk" in Indonesian)."""
    return round(seconds)


def _line(kind: str, tone: str, **params: Any) -> JsonDict:
    """A debrief line: ``tone`` is good (✔), warn (✘, what to try) or info."""
    assert kind in LINE_KINDS
    return {"kind": kind, "tone": tone, "params": params}


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
    skills: dict[str, int] = field(default_factory=dict)  # replies that showed each skill
    lines: list[JsonDict] = field(default_factory=list)   # {kind, tone, params}: LINE_KINDS
    reactions: list[JsonDict] = field(default_factory=list)  # {message, turn, skill, hold}

    @property
    def average_reply(self) -> int | None:
        if not self.reply_seconds:
            return None
        return _whole(sum(self.reply_seconds) / len(self.reply_seconds))

    def to_json(self) -> JsonDict:
        data = dict(self.__dict__)
        data["average_reply"] = self.average_reply
        data["slowest_reply"] = _whole(max(self.reply_seconds)) if self.reply_seconds else None
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
        self.risk_message: int | None = None  # the student message that showed the risk
        self.student_messages = 0  # sent by the student, nudges included
        self.replies: list[Shown] = []  # the skills each trainee message showed
        self.reply_to: list[int] = []  # the student message each of reply_seconds answered
        self.pending: set[str] = set()  # skills shown since the student's last message
        self.held: set[int] = set()  # turns the student held back once
        self.seen: set[int] = set()  # update ids heard: a redelivered one is the same message
        self.reactions: list[JsonDict] = []
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
            self._drain()  # what the trainee wrote just before Finish counts in the debrief
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
            update = event.data.get("update") or {}
            message = update.get("message") or {}
            update_id = int(update.get("update_id", 0))
            if message.get("from", {}).get("id") == self.supporter_id and "text" in message \
                    and update_id not in self.seen:
                self.seen.add(update_id)
                self._events.put_nowait(event)

    def _detach(self) -> None:
        with contextlib.suppress(ValueError):
            self.api.state.listeners.remove(self._on_event)

    def _set_phase(self, phase: str) -> None:
        self.phase = phase
        if self.on_change is not None:
            self.on_change(self)

    def _publish(self, kind: str, summary: str, args: dict[str, str] | None = None,
                 say: str | None = None, **data: Any) -> None:
        """``args``: the values the page's own words for ``kind`` need (i18n ``tl_training_*``,
        ``say`` when the words are not ``kind``'s)."""
        if self.timeline is not None:
            self.timeline.publish(f"training.{kind}", summary,
                                  {"scenario": self.scenario.id,
                                   "say": f"training_{say or kind}",
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
        if text.strip().startswith("/"):
            self._command(text, at)
            return
        self._heard(text, at, measure=True)
        if self.next_turn >= len(self.scenario.turns):
            if not self.scenario.must_refer or self.referred_turn is not None:
                self._finish(completed=True)
            return
        self._set_phase("typing")
        await asyncio.sleep(self.reply_delay)
        self._drain()  # typed while the student was typing: part of the same reply
        if self.phase == "finished":
            return
        await self._send_turn()
        self._drain()  # replies that crossed the student's message count once
        if self.phase != "finished":
            self._set_phase("waiting")

    def _command(self, text: str, at: float) -> None:
        command = text.strip().split(maxsplit=1)[0].lower().split("@", 1)[0]
        if command in REFER_COMMANDS and self.referred_turn is None:
            self.referred_turn = max(0, self.next_turn - 1)
            self.refer_at = at
            self._publish("refer", f"{self.scenario.id}: the trainee referred (/refer)")
            if self.next_turn >= len(self.scenario.turns):
                self._finish(completed=True)
        elif command in END_COMMANDS:
            self._finish(completed=self.next_turn >= len(self.scenario.turns))

    def _heard(self, text: str, at: float, measure: bool) -> None:
        """One trainee message: counted, read for skills; ``measure``: it answers the student."""
        self.trainee_messages += 1
        shown = classify(text)
        self.replies.append(shown)
        self.pending |= shown.skills
        if measure and self.turn_sent_at is not None:
            self.reply_seconds.append(round(max(0.0, at - self.turn_sent_at), 1))
            self.reply_to.append(self.student_messages)
            self.turn_sent_at = None

    def _drain(self) -> None:
        while not self._events.empty() and self.phase != "finished":
            event = self._events.get_nowait()
            if event is None:
                continue
            text = self._text(event)
            if text.strip().startswith("/"):
                self._command(text, event.at)
            else:
                self._heard(text, event.at, measure=False)

    async def _send_turn(self) -> None:
        """The next turn, or the variant the trainee's reply calls for (see ``Reactions``)."""
        assert self.student_id is not None
        scenario, turn = self.scenario, self.next_turn
        said = scenario.say(turn, frozenset(self.pending), turn in self.held)
        self.pending.clear()
        skill = said.skill
        await self.api.send_text(self.student_id, said.text[self.language])
        self.student_messages += 1
        self.turn_sent_at = time.monotonic()
        total = str(len(scenario.turns))
        if skill is not None:
            self.reactions.append({"message": self.student_messages, "turn": turn,
                                   "skill": skill, "hold": said.hold})
        if said.hold:
            self.held.add(turn)
            self._publish("hold", f"{scenario.id}: the student holds back ({skill}), message "
                                  f"{turn + 1}/{total} still to come",
                          {"n": str(turn + 1), "total": total, "skill": str(skill)},
                          turn=turn, skill=skill)
            return
        self.next_turn += 1
        if turn == scenario.risk_turn:
            self.risk_sent_at = self.turn_sent_at
            self.risk_message = self.student_messages
        self._publish("turn", f"{scenario.id}: student message {turn + 1}/{total}"
                              + (f", reacting to {skill}" if skill else ""),
                      {"n": str(turn + 1), "total": total, "skill": skill or ""},
                      say="react" if skill else None, turn=turn, skill=skill)

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
            trainee_messages=self.trainee_messages, student_messages=self.student_messages,
            reply_seconds=list(self.reply_seconds), must_refer=scenario.must_refer,
            referred=referred, refer_turn=self.referred_turn,
            refer_seconds_after_risk=refer_after_risk, verdict_refer=verdict,
            tip=scenario.debrief.get(self.language, ""),
            skills=self._skill_counts(),
            lines=self._lines(verdict), reactions=list(self.reactions),
        )
        self._publish("debrief", f"{scenario.id}: debrief — referral {verdict}, "
                                 f"{self.trainee_messages} replies",
                      {"verdict": verdict, "replies": str(self.trainee_messages)},
                      debrief=self.debrief.to_json())
        self._set_phase(phase)
        self._events.put_nowait(None)

    def _skill_counts(self) -> dict[str, int]:
        return {skill: sum(skill in shown.skills for shown in self.replies) for skill in SKILLS}

    def _lines(self, verdict: str) -> list[JsonDict]:
        """What the trainee did and did not do, as structured lines (the page words them)."""
        lines: list[JsonDict] = []
        count = self._skill_counts()
        if self.replies:
            n = count["open_question"]
            lines.append(_line("open_questions", "good", n=n) if n
                         else _line("no_open_questions", "warn"))
            n = count["reflection"]
            lines.append(_line("reflections", "good", n=n) if n
                         else _line("no_reflections", "warn"))
            if count["safety"]:
                lines.append(_line("safety_asked", "good", n=count["safety"]))
            elif self.risk_message is not None:
                lines.append(_line("safety_never", "warn", message=self.risk_message))
            for skill in ("advice", "minimizing"):
                if count[skill]:
                    first = next(s.quotes[skill] for s in self.replies if skill in s.skills)
                    lines.append(_line(skill, "warn", n=count[skill], quote=first))
            if not count["advice"] and not count["minimizing"]:
                lines.append(_line("no_advice", "good"))
        for reaction in self.reactions:
            skill = reaction["skill"]
            tone = "good" if skill in LISTENING else "info"
            lines.append(_line(f"reacted_{skill}", tone, message=reaction["message"]))
        if self.reply_seconds:
            slowest = max(self.reply_seconds)
            answered = self.reply_to[self.reply_seconds.index(slowest)]
            lines.append(_line("slowest_reply", "warn" if slowest > SLOW_REPLY else "info",
                               s=_whole(slowest), message=answered))
        lines.extend(self._refer_lines(verdict))
        return lines

    def _refer_lines(self, verdict: str) -> list[JsonDict]:
        risk = self.risk_message
        if verdict == "ok" and self.scenario.risk_turn is None:
            return [_line("refer_done", "good")]
        if verdict == "ok":
            if self.risk_sent_at is None or (self.refer_at or 0.0) < self.risk_sent_at:
                return [_line("refer_early", "good")]
            return [_line("refer_ok", "good",
                          s=_whole(max(0.0, (self.refer_at or 0.0) - self.risk_sent_at)))]
        if verdict == "late":
            return [_line("refer_late", "warn", message=risk)]
        if verdict == "missed" and risk is not None:
            return [_line("refer_missed", "warn", message=risk)]
        if verdict == "extra":
            return [_line("refer_extra", "info")]
        return []
