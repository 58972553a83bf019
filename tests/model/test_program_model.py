"""A model-based test of the whole program: random interleavings of what students, supporters,
counselors, coordinators, Telegram and the clock do, against the real application (storage,
handlers, inbox, outbox, timers), with every safety invariant checked after every step.

`make test` runs it with a fixed seed and a bounded budget (SEJAWAT_MODEL_EXAMPLES runs of
SEJAWAT_MODEL_STEPS steps); `make model-soak` runs it with random seeds for as long as asked.
Every counterexample it finds becomes a named test in tests/model/test_regressions.py.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)

from escalation.detector import RiskLevel
from flows import screening
from tests.model.invariants import INVARIANTS, check
from tests.model.world import (
    COORDINATORS,
    COUNSELORS,
    FAULTS,
    INVITEES,
    STAFF,
    STUDENTS,
    SUPPORTERS,
    World,
    invite_code,
)

EXAMPLES = int(os.environ.get("SEJAWAT_MODEL_EXAMPLES", "300"))
STEPS = int(os.environ.get("SEJAWAT_MODEL_STEPS", "40"))
PG_EXAMPLES = int(os.environ.get("SEJAWAT_MODEL_PG_EXAMPLES", "60"))
SOAK = bool(os.environ.get("SEJAWAT_MODEL_SOAK"))

RISKY = (
    "aku pengen mati aja", "aku mau bunuh diri malam ini", "I want to die",
    "I'm going to kill myself tonight", "udah nyiapin tali, malam ini aku gantung diri",
    "ayahku sering mukulin aku sampai memar", "aku mau nusuk dia besok di sekolah",
    "namaku Rara dan aku mau loncat dari atap sekolah sekarang",
)
CONCERN = (
    "pengen ngilang aja dari dunia", "kadang aku ngerasa jadi beban buat semua orang",
    "I wish I could sleep and not wake up", "aku udah pernah nyoba bunuh diri tahun lalu",
)
ORDINARY = (
    "halo", "aku stres banget sama ujian minggu depan dan susah tidur",
    "makasih ya kak, udah agak lega", "mati lampu di rumah", "this exam is killing me lol",
    "Aku", "😭😭😭", "   ", "in:topic:academic",
)
EDGES = ("a" * 19, "a" * 20, "b" * 1500, "c" * 1501, "d" * 2501, "e " * 2048, "x" * 5000)
TEXTS = st.one_of(
    st.sampled_from(RISKY), st.sampled_from(CONCERN), st.sampled_from(ORDINARY),
    st.sampled_from(EDGES), st.text(min_size=1, max_size=40),
)
STUDENT_COMMANDS = ("/start", "/cancel", "/help", "/end", "/forgetme", "/back", "/xyz",
                    "/start poster-kantin-fakultas-teknik", "/start aku pengen mati aja")
STAFF_COMMANDS = ("/duty", "/chats", "/cases", "/end", "/handoff", "/help", "/roster", "/reports",
                  "/offerplan", "/theirplan", "/checkin masih kepikiran",
                  "/shifts", "/stats", "/start", "/skip", "/casenote 1 sudah aman", "/casenote x",
                  "/screen", "/missed", "/falsealarm", "/shifts add 9102 sen,sel 08:00-12:00")
FORGED = ("es:ack:999", "es:take:1", "es:out:1:safe", "of:accept:1", "ro:active:1",
          "dt:on:", "in:confirm:", "ss:counselor:", "sc:now:", "fu:again:", "zz", "",
          "es:ack:-1", "of:accept:99999999999999999999", "fx:focus:1", "es:out:1:safe",
          "sh:remove:1", "sh:yes:1", "sh:keep:1", "sh:yes:x", "rv:block:1", "rv:lift:1",
          "rp:abusive:1", "rv:show:x", "sp:begin:", "sp:share:yes", "sp:skip:",
          "sf:pause:1", "sf:go:box:2", "sf:next:1", "sf:share:yes", "sf:go:ground:9")

SELFHELP_EVENTS = ("sf:pause:", "sf:resume:", "sf:stop:", "sf:next:", "sf:go:", "sf:cards:",
                   "sf:card:", "sf:menu:", "sf:share:yes", "sf:share:no")
NOTICED = ("kulihat jam dinding biru di kelas", "kerasa kursi kayu yang dingin",
           "kedengeran motor lewat di luar", "aku pengen mati aja, udah nggak kuat")
STUDENT_IDS = tuple(STUDENTS)
SERVING = tuple(s.telegram_id for s in (*SUPPORTERS, *COUNSELORS))
STAFF_IDS = tuple(s.telegram_id for s in STAFF)
EVERYONE = (*STUDENT_IDS, *STAFF_IDS, *INVITEES)


class ProgramModel(RuleBasedStateMachine):
    folder: ClassVar[Path]
    template: ClassVar[Path | str]  # a SQLite template file, or a PostgreSQL URL
    data_key: ClassVar[str]

    def __init__(self) -> None:
        super().__init__()
        self.runner = asyncio.Runner()
        self.world = self.runner.run(World.create(self.template, self.folder, self.data_key))
        self.checked: tuple[object, ...] = ()

    def teardown(self) -> None:
        self.runner.run(self.world.close())
        self.runner.close()

    def _do(self, action: object) -> None:
        self.runner.run(action)  # type: ignore[arg-type]

    def _signal(self, who: int, text: str, why: str) -> None:
        if self.world.running.services.detector.assess(text).level >= RiskLevel.HIGH:
            self.world.signals.append((who, self.world.clock(), why))

    # ---- students ----------------------------------------------------------------------

    @initialize(student=st.sampled_from(STUDENT_IDS))
    def a_student_starts(self, student: int) -> None:
        self._do(self.world.command(student, "/start"))

    @rule(student=st.sampled_from(STUDENT_IDS), text=TEXTS)
    def student_writes(self, student: int, text: str) -> None:
        self._signal(student, text, f"text {text[:30]!r}")
        self._do(self.world.say(student, text))

    @rule(student=st.sampled_from(STUDENT_IDS), line=st.sampled_from(STUDENT_COMMANDS))
    def student_command(self, student: int, line: str) -> None:
        self._signal(student, line.partition(" ")[2], f"command {line[:30]!r}")
        self._do(self.world.command(student, line))

    @rule(student=st.sampled_from(STUDENT_IDS), kind=st.sampled_from(("photo", "sticker")),
          caption=st.sampled_from(("", "aku pengen mati aja")))
    def student_sends_media(self, student: int, kind: str, caption: str) -> None:
        self._signal(student, caption, f"{kind} caption")
        self._do(self.world.media(student, kind, caption))

    @rule(student=st.sampled_from(STUDENT_IDS), lang=st.sampled_from(("id", "en")),
          feeling=st.sampled_from("12345"), risky=st.booleans(),
          answers=st.lists(st.sampled_from(("no", "yes", "skip")), min_size=5, max_size=5))
    def student_completes_intake(self, student: int, lang: str, feeling: str,
                                 risky: bool, answers: list[str]) -> None:
        """The whole intake at once (random presses alone rarely get that far)."""
        world = self.world
        description = ("aku pengen mati aja, udah capek sama semuanya di rumah" if risky
                       else "aku stres banget sama ujian minggu depan dan susah tidur")
        self._do(world.command(student, "/start"))
        for data in ("in:restart:", "in:consent:yes", f"in:lang:{lang}", "in:topic:family"):
            self._press_if_shown(student, data)
        if risky:
            self._signal(student, description, "intake description")
        self._do(world.say(student, description))
        self._press_if_shown(student, f"in:feeling:{feeling}")
        for question, answer in zip(ASQ_QUESTIONS, answers, strict=True):  # if asked
            self._answer_asq(student, f"in:asq-{question}:{answer}")
        for data in ("in:name:keep", "in:confirm:"):
            self._press_if_shown(student, data)

    @rule(student=st.sampled_from(STUDENT_IDS), answer=st.sampled_from(("yes", "no", "skip")))
    def student_answers_a_screening_question(self, student: int, answer: str) -> None:
        """The ASQ question on screen, if there is one: the intake's (in:asq-<question>:…)
        or one a supporter's /screen sent in the chat (aq:<question>:…)."""
        shown = [d for _, d in self.world.latest_buttons(student)
                 if d.startswith(("in:asq-", "aq:"))]
        if shown:
            self._answer_asq(student, shown[0].rpartition(":")[0] + f":{answer}")

    @rule(student=st.sampled_from(STUDENT_IDS),
          step=st.sampled_from(("/myplan", "sp:begin:", "sp:skip:", "sp:stop:", "sp:share:yes",
                                "sp:share:no")))
    def student_works_on_their_safety_plan(self, student: int, step: str) -> None:
        """/myplan, *Make my plan* / *Change my plan* (allowed only outside a request or a
        chat), a part skipped or kept, *Stop for now*, the last question (S14: the team sees
        a plan only with the student's yes); what they write is ``student_writes``."""
        if step.startswith("/"):
            self._do(self.world.command(student, step))
        else:
            self._press_if_shown(student, step)

    @rule(student=st.sampled_from(STUDENT_IDS), kind=st.sampled_from(("box", "478", "ground")),
          offered=st.booleans())
    def student_starts_an_exercise(self, student: int, kind: str, offered: bool) -> None:
        """From the offer under a waiting request (or /selfhelp): the menu, the exercise, its
        rounds. Allowed only beside a wait (S15); the queue does not move (checked here)."""
        def steps() -> None:
            if not (offered and self._press_newest(student, "sf:menu:")):
                self._do(self.world.command(student, "/selfhelp"))
            if kind == "ground":
                self._press_newest(student, "sf:go:ground:1")
            elif self._press_newest(student, f"sf:pick:{kind}"):
                self._press_newest(student, f"sf:go:{kind}:2")
        self._queue_stays(student, steps)

    @rule(student=st.sampled_from(STUDENT_IDS), event=st.sampled_from(SELFHELP_EVENTS),
          twice=st.booleans())
    def student_works_through_an_exercise(self, student: int, event: str,
                                          twice: bool) -> None:
        """*Pause*, *Continue*, *Stop*, *Next*, *Again*, the cards, the consent question:
        on whichever message shows it (old ones too). The queue does not move."""
        def steps() -> None:
            for _ in range(2 if twice else 1):
                self._press_newest(student, event)
        self._queue_stays(student, steps)

    @rule(student=st.sampled_from(STUDENT_IDS), words=st.sampled_from(NOTICED))
    def student_types_what_they_notice(self, student: int, words: str) -> None:
        """Grounding's words (only while a grounding exercise runs): screened like any text
        (S1), shown to nobody (S16)."""
        if not self.runner.run(self.world.grounding(student)):
            return
        self._signal(student, words, f"grounding {words[:30]!r}")
        if self.world.running.services.detector.assess(words).level == RiskLevel.NONE:
            self.world.noticed.add(words)  # (words of risk reach a counselor: S1, not S16)
        self._do(self.world.say(student, words))

    @rule(student=st.sampled_from(STUDENT_IDS), urgency=st.sampled_from(("now", "soon",
                                                                         "unsure")),
          what=TEXTS)
    def a_student_alerts_a_counselor_about_a_friend(self, student: int, urgency: str,
                                                    what: str) -> None:
        """/friend: free, the intake's friend route (what they know, class or Skip, how
        urgent); in a request or a chat, *Alert a counselor about my friend*. Either opens a
        case a counselor must answer (S1)."""
        self._do(self.world.command(student, "/friend"))
        shown = [d for _, d in self.world.latest_buttons(student)]
        if "fr:alert:" in shown:
            self.world.signals.append((student, self.world.clock(), "friend alert"))
            self._press_if_shown(student, "fr:alert:")
            return
        self._press_if_shown(student, "in:friend:alert")
        self._do(self.world.say(student, what))
        self._press_if_shown(student, "in:skip")
        if self.runner.run(self.world.asks(student, f"in:urgency:{urgency}")):
            self.world.signals.append((student, self.world.clock(), f"friend alert {urgency}"))
            self._press_if_shown(student, f"in:urgency:{urgency}")

    @rule(student=st.sampled_from(STUDENT_IDS))
    def student_asks_for_a_counselor(self, student: int) -> None:
        """The 🆘 button, wherever it was shown (pressed twice: S6 says twice = once)."""
        shown = [(m, d) for m, d in self.world.buttons(student) if d.startswith("ss:counselor")]
        if shown:
            message_id, data = shown[-1]
            self.world.signals.append((student, self.world.clock(), "🆘"))
            self._do(self.world.press(student, message_id, data))
            self._do(self.world.press(student, message_id, data))

    @rule(student=st.sampled_from(STUDENT_IDS))
    def student_presses_the_sos_key(self, student: int) -> None:
        """The 🆘 key under the typing field (shown while they wait or chat): Telegram sends
        its label as a message."""
        keys = self.world.telegram.keyboards.get(student)
        if keys:
            self.world.signals.append((student, self.world.clock(), "🆘 key"))
            self._do(self.world.say(student, keys[0]))

    @rule(student=st.sampled_from(STUDENT_IDS),
          typed=st.sampled_from(("iya", "iya sekarang", "nggak", "ga tau", "ya ampun")))
    def student_types_a_screening_answer(self, student: int, typed: str) -> None:
        """"iya" typed instead of tapping Yes: while a screening question waits for an answer,
        a yes is a high signal (S1)."""
        if typed.startswith("iya") and self.runner.run(self.world.awaits_answer(student)):
            self.world.signals.append((student, self.world.clock(), f"typed {typed!r}"))
        self._do(self.world.say(student, typed))

    @rule(student=st.sampled_from(STUDENT_IDS), answer=st.sampled_from(("yes", "now", "no",
                                                                         "unsure")))
    def student_answers_screening(self, student: int, answer: str) -> None:
        shown = [(m, d) for m, d in self.world.buttons(student) if d.startswith("sc:")]
        if shown:
            message_id = shown[-1][0]
            if answer in ("yes", "now") or \
                    answer == "unsure" and self.runner.run(self.world.alone(student)):
                # "not sure" with nobody beside them is not a no: a counselor follows up
                self.world.signals.append((student, self.world.clock(), f"screening {answer}"))
            self._do(self.world.press(student, message_id, f"sc:{answer}:"))

    # ---- anyone's buttons --------------------------------------------------------------

    @rule(who=st.sampled_from(EVERYONE), pick=st.integers(0, 1000), newest=st.booleans(),
          twice=st.booleans())
    def someone_presses_a_button(self, who: int, pick: int, newest: bool, twice: bool) -> None:
        shown = self.world.latest_buttons(who) if newest else self.world.buttons(who)
        if not shown:
            return
        message_id, data = shown[pick % len(shown)]
        if data.startswith("ss:counselor"):
            self.world.signals.append((who, self.world.clock(), "🆘"))
        if data in ("sc:yes:", "sc:now:"):
            self.world.signals.append((who, self.world.clock(), f"screening {data}"))
        if data == "fr:alert:" or data.startswith("in:urgency:") and \
                self.runner.run(self.world.asks(who, data)):  # about a friend: a case
            self.world.signals.append((who, self.world.clock(), f"friend {data}"))
        if data.startswith(("in:asq-", "aq:")) and data.endswith(":yes") and \
                self.runner.run(self.world.asks(who, data)):
            self.world.signals.append((who, self.world.clock(), f"screening {data}"))
        self._do(self.world.press(who, message_id, data))
        if twice:
            self._do(self.world.press(who, message_id, data))

    @rule(who=st.sampled_from(EVERYONE), data=st.sampled_from(FORGED))
    def someone_forges_a_button(self, who: int, data: str) -> None:
        latest = self.world.telegram.to(who)
        message_id = latest[-1].message_id if latest else 1
        self._do(self.world.press(who, message_id, data))

    @rule(student=st.sampled_from(STUDENT_IDS),
          trainee=st.sampled_from(tuple(s.telegram_id for s in SUPPORTERS)))
    def a_new_student_practises_with_a_trainee(self, student: int, trainee: int) -> None:
        """The sandbox's training: a scripted student who never wrote to the bot becomes a
        trainee's practice student (handlers.practice); one who has written never can."""
        self._do(self.world.practise(student, trainee))

    @rule(student=st.sampled_from(STUDENT_IDS))
    def a_training_is_over(self, student: int) -> None:
        """The sandbox's training ends (*Finish*, the scenario's end): a practice student's
        chat or offer ends at once (handlers.sessions.end_practice); anyone else's is never
        touched."""
        self._do(self.world.finish_practice(student))

    # ---- staff -------------------------------------------------------------------------

    @rule(member=st.sampled_from(STAFF_IDS), line=st.sampled_from(STAFF_COMMANDS))
    def staff_command(self, member: int, line: str) -> None:
        self._do(self.world.command(member, line))

    @rule(who=st.sampled_from((*STUDENT_IDS, *SERVING)), confirm=st.booleans())
    def someone_ends_their_chat(self, who: int, confirm: bool) -> None:
        """/end asks first: *Yes, end it* or *No, keep chatting*."""
        self._do(self.world.end(who, confirm))

    @rule(member=st.sampled_from(SERVING), on=st.booleans())
    def member_changes_duty(self, member: int, on: bool) -> None:
        self._do(self.world.command(member, "/duty"))
        self._press_if_shown(member, "dt:on:" if on else "dt:off:")

    @rule(member=st.sampled_from(tuple(s.telegram_id for s in SUPPORTERS)))
    def supporter_accepts_an_offer(self, member: int) -> None:
        shown = [(m, d) for m, d in self.world.buttons(member) if d.startswith("of:accept")]
        if shown:
            self._do(self.world.press(member, *shown[-1]))

    @rule(member=st.sampled_from(tuple(c.telegram_id for c in COUNSELORS + COORDINATORS)),
          action=st.sampled_from(("es:ack:", "es:take:", "es:out:")))
    def staff_handles_a_case(self, member: int, action: str) -> None:
        shown = [(m, d) for m, d in self.world.buttons(member) if d.startswith(action)]
        if shown:
            self._do(self.world.press(member, *shown[-1]))

    @rule(member=st.sampled_from(SERVING),
          how=st.sampled_from(("rp:abusive:", "rp:sexual:", "rp:other:",
                               "/report kasar dia ngatain aku terus", "/report sexual",
                               "/report aku pengen mati aja")))
    def a_supporter_reports_the_student(self, member: int, how: str) -> None:
        """``/report`` in their chat (or within a day after it): the reason as a button, or as
        the first word with what happened after it (screened as the member's own words)."""
        if how.startswith("/"):
            self._do(self.world.command(member, how))
        else:
            self._do(self.world.command(member, "/report"))
            self._press_if_shown(member, how)

    @rule(action=st.sampled_from(("rv:show:", "rv:block7:", "rv:block:", "rv:dismiss:",
                                  "rv:lift:")), newest=st.booleans())
    def a_coordinator_decides_a_report(self, action: str, newest: bool) -> None:
        """A report's card: *Review*, block for 7 days or for good, dismiss, lift the block
        (S13: a blocked student is offered to no supporter; S1 still holds for them)."""
        coordinator = COORDINATORS[0].telegram_id
        shown = [(m, d) for m, d in self.world.buttons(coordinator) if d.startswith(action)]
        if shown:
            self._do(self.world.press(coordinator, *(shown[-1] if newest else shown[0])))

    @rule(member=st.sampled_from(SERVING), text=TEXTS,
          how=st.sampled_from(("", "/note ", "/refer ")))
    def staff_writes(self, member: int, text: str, how: str) -> None:
        if how:
            self._do(self.world.command(member, how + text))
        else:
            self._do(self.world.say(member, text))

    @rule(member=st.sampled_from(SERVING), pick=st.integers(0, 4), text=TEXTS,
          how=st.sampled_from(("", "/missed", "/falsealarm")))
    def staff_replies(self, member: int, pick: int, text: str, how: str) -> None:
        """A member answers one of the last messages they got with Telegram's reply: words
        for a student (they go to that student's chat, never to another student), or
        /missed, /falsealarm for the detector review."""
        received = self.world.telegram.to(member)
        if not received:
            return
        target = received[-1 - pick % len(received)]
        if how:
            self._do(self.world.command(member, how, reply_to=target.message_id))
            return
        student = self.runner.run(self.world.replied_student(member, target.message_id))
        before = len(self.world.telegram.messages)
        self._do(self.world.say(member, text, reply_to=target.message_id))
        if len(text.strip()) >= 8:
            reached = {m.chat_id for m in self.world.telegram.messages[before:]
                       if m.chat_id in STUDENTS and text.strip() in m.text}
            assert reached <= ({student} if student else set()), \
                f"a reply to a message of {student} reached {reached}"

    @rule(invitee=st.sampled_from(tuple(INVITEES)), role=st.sampled_from(("supporter",
                                                                         "counselor")),
          name=TEXTS)
    def someone_is_invited(self, invitee: int, role: str, name: str) -> None:
        coordinator = COORDINATORS[0].telegram_id
        self._do(self.world.command(coordinator, f"/invite {role}"))
        code = invite_code(self.world.texts(coordinator))
        if code is None:
            return
        self._do(self.world.command(invitee, f"/start {code}"))
        self._press_if_shown(invitee, "ob:")
        self._signal(invitee, name, "onboarding text")
        self._do(self.world.say(invitee, name))

    # ---- Telegram, the clock, the process ------------------------------------------------

    @rule(seconds=st.sampled_from((1, 20, 61, 125, 301, 610, 1800, 7300, 90000)))
    def time_passes(self, seconds: int) -> None:
        self._do(self.world.advance(seconds))

    @rule()
    def the_process_crashes(self) -> None:
        self._do(self.world.crash())

    @rule(who=st.sampled_from(EVERYONE), tell=st.booleans())
    def someone_blocks_or_unblocks_the_bot(self, who: int, tell: bool) -> None:
        """Telegram usually tells the bot (my_chat_member); sometimes the bot only learns
        from a 403 when it next writes to them."""
        blocked = who not in self.world.telegram.blocked
        if tell:
            self._do(self.world.block(who, blocked))
        else:
            self.world.telegram.blocked.symmetric_difference_update({who})

    @rule(fault=st.sampled_from(tuple(FAULTS)), count=st.integers(1, 3))
    def telegram_misbehaves(self, fault: str, count: int) -> None:
        self.world.telegram.faults.extend([FAULTS[fault]] * count)

    @rule(kind=st.sampled_from(("relay", "ping")), count=st.integers(1, 3))
    def telegram_refuses(self, kind: str, count: int) -> None:
        """A 400 on the next relayed message(s) or crisis ping(s): the sender is told (S11);
        the next person is paged (S1)."""
        self.world.telegram.refuse.extend([kind] * count)

    # ---- after every step --------------------------------------------------------------

    @invariant()
    def safety_rules_hold(self) -> None:
        """Checked after every step that did something (a step that found nothing to press
        changed nothing: the rules read what they read after the step before)."""
        world = self.world
        seen = (world.update_id, world.clock(), world.opened, len(world.telegram.messages),
                frozenset(world.telegram.blocked), len(world.signals))
        if seen == self.checked:
            return
        wrong = self.runner.run(check(world, ENABLED))
        assert not wrong, "\n".join(wrong[:10])
        self.checked = seen

    # ---- helpers -----------------------------------------------------------------------

    def _answer_asq(self, student: int, data: str) -> None:
        """Press a screening answer if its question is on screen: a yes that the intake takes
        (its question is the one the student is at) is a high signal (S1)."""
        shown = [(m, d) for m, d in self.world.latest_buttons(student) if d == data]
        if not shown:
            return
        if data.endswith(":yes") and self.runner.run(self.world.asks(student, data)):
            self.world.signals.append((student, self.world.clock(), f"screening {data}"))
        self._do(self.world.press(student, *shown[0]))

    def _press_newest(self, who: int, prefix: str) -> bool:
        """Press the newest button (on any message still showing buttons) starting with
        ``prefix``; False when there is none."""
        shown = [(m, d) for m, d in self.world.buttons(who) if d.startswith(prefix)]
        if shown:
            self._do(self.world.press(who, *shown[-1]))
        return bool(shown)

    def _queue_stays(self, student: int, steps: Callable[[], None]) -> None:
        """Self-help never moves a request in the queue (when Telegram behaves and the student
        has not blocked the bot: a 403 is their leaving, which may)."""
        before = self.runner.run(self.world.queue())
        steps()
        if not self.world.telegram.faults and student not in self.world.telegram.blocked:
            assert self.runner.run(self.world.queue()) == before, "self-help moved the queue"

    def _press_if_shown(self, who: int, prefix: str) -> None:
        shown = [(m, d) for m, d in self.world.latest_buttons(who) if d.startswith(prefix)]
        if shown:
            self._do(self.world.press(who, *shown[0]))


ASQ_QUESTIONS = (*screening.QUESTIONS, screening.ACUITY)
ENABLED = tuple(INVARIANTS)  # every rule, after every step


def _run(examples: int) -> None:
    run_state_machine_as_test(ProgramModel, settings=settings(
        max_examples=examples, stateful_step_count=STEPS, deadline=None,
        derandomize=not SOAK, database=None, print_blob=True,
        suppress_health_check=list(HealthCheck),
    ))


@pytest.mark.timeout(3600)
def test_the_program_keeps_its_safety_rules(template: tuple[Path, str], tmp_path: Path) -> None:
    """On SQLite (the default deployment): the full budget."""
    ProgramModel.folder = tmp_path
    ProgramModel.template, ProgramModel.data_key = template
    _run(EXAMPLES)


@pytest.mark.postgres
@pytest.mark.timeout(3600)
def test_the_program_keeps_its_safety_rules_on_postgresql(
    model_postgres: str, template: tuple[Path, str], tmp_path: Path
) -> None:
    """On PostgreSQL (row locks, real concurrency semantics): a smaller budget, same rules."""
    ProgramModel.folder = tmp_path
    ProgramModel.template, ProgramModel.data_key = model_postgres, template[1]
    _run(PG_EXAMPLES)
