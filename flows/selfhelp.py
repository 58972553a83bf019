"""Self-help while waiting and out of hours: guided exercises and coping cards.

An exercise runs in ONE message that the bot edits in place, step by step:

- *box breathing* (in 4 s, hold 4 s, out 4 s, hold 4 s) and *4-7-8 breathing* (in 4 s, hold
  7 s, out 8 s), for the number of rounds the student chose; a durable timer moves it on, one
  edit per step; *Pause* and *Stop* are always under it (*Continue* and *Stop* while paused);
- *5-4-3-2-1 grounding*: one sense per step (5 things you can see, 4 you can touch, 3 you can
  hear, 2 you can smell, 1 you can taste), moved on by the student: *Next*, or by typing what
  they notice (screened like any text, never stored, never shown to anyone).

An exercise is never forced and never touches the student's request: it only runs where the
student is not telling the bot anything or chatting (nothing in progress, waiting in the queue,
answering feedback); a chat that starts stops it (``interrupt``). Its status changes only
through the lifecycle below. Coping cards are short texts per topic, in the catalog.

Plain values only: the application layer (handlers.selfhelp) stores, times and sends.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from flows.buttons import button
from flows.journey import Place
from flows.lifecycle import Lifecycle, T
from flows.types import Button, Keyboard

PREFIX = "sf"  # sf:menu: sf:pick:<kind> sf:go:<kind>:<rounds> sf:<pause|resume|stop|next>:<id>
TIMER = "selfhelp"  # a breathing exercise's next step (ref: the exercise id)
# grounding left alone this long stops (its words would otherwise take what they type days
# later, meant for a new request)
GROUNDING_IDLE = 600
# typed words are grounding's only here: not feedback's comment, not a chat's (ALLOWED below)
TYPING = frozenset({Place.NONE, Place.QUEUED})

BOX, FOUR_SEVEN_EIGHT, GROUNDING = "box", "478", "ground"
KINDS = (BOX, FOUR_SEVEN_EIGHT, GROUNDING)
BREATHING: dict[str, tuple[tuple[str, int], ...]] = {  # (what to do, seconds), one round
    BOX: (("in", 4), ("hold", 4), ("out", 4), ("rest", 4)),
    FOUR_SEVEN_EIGHT: (("in", 4), ("hold", 7), ("out", 8)),
}
# how the catalog names each (a variant key must be an identifier: seen, "[478]" never
# matched the string "478", and 4-7-8 breathing was called grounding)
NAMES = {BOX: "box", FOUR_SEVEN_EIGHT: "four", GROUNDING: "ground"}
ROUNDS = (2, 4, 6)  # what a student may choose
SENSES = (("see", 5), ("touch", 4), ("hear", 3), ("smell", 2), ("taste", 1))
CARDS = ("exams", "worry", "lonely", "home", "bullying", "low")
# the cards that point to a counselor: the 🆘 button is under them
HEAVY = frozenset({"home", "bullying", "low"})
# the card for a request's topic (intake.TOPICS), offered first while they wait
CARD_FOR_TOPIC = {"academic": "exams", "anxiety": "worry", "loneliness": "lonely",
                  "family": "home", "bullying": "bullying", "low_mood": "low"}
# where an exercise may run: not while telling the bot what they need, chatting, or building
# a plan (typed words belong there), nor while joining the team
ALLOWED = frozenset({Place.NONE, Place.QUEUED, Place.FEEDBACK})


class ExerciseStatus(enum.StrEnum):
    RUNNING = "running"
    PAUSED = "paused"
    DONE = "done"  # run to the end
    STOPPED = "stopped"  # *Stop*, another exercise begun, or a chat started


_R, _P = ExerciseStatus.RUNNING, ExerciseStatus.PAUSED

EXERCISE: Lifecycle[ExerciseStatus] = Lifecycle(
    name="exercise",
    states=ExerciseStatus,
    initial=_R,
    transitions=(
        # the next step (the timer, or *Next* / typed words in grounding), not the last one
        T("step", (_R,), _R, guard="more"),
        # the last step is done
        T("finish", (_R,), ExerciseStatus.DONE, guard="last"),
        # (breathing only: grounding waits for the student anyway)
        T("pause", (_R,), _P, guard="timed"),
        T("resume", (_P,), _R),
        # *Stop*, or another exercise begun
        T("stop", (_R, _P), ExerciseStatus.STOPPED),
        # a chat started, they began telling the bot something, or left (journey): it stops
        T("interrupt", (_R, _P), ExerciseStatus.STOPPED),
    ),
    final=frozenset({ExerciseStatus.DONE, ExerciseStatus.STOPPED}),
    guards={"more": lambda e: e.step + 1 < steps(e.kind, e.rounds),
            "timed": lambda e: e.kind in BREATHING,
            "last": lambda e: e.step + 1 >= steps(e.kind, e.rounds)},
)


def steps(kind: str, rounds: int) -> int:
    """How many steps the whole exercise has."""
    if kind == GROUNDING:
        return len(SENSES)
    return len(BREATHING[kind]) * rounds


def seconds(kind: str, step: int) -> int:
    """How long breathing step ``step`` lasts (grounding: the student moves it on)."""
    if kind == GROUNDING:
        return 0
    phases = BREATHING[kind]
    return phases[step % len(phases)][1]


@dataclass(frozen=True)
class Screen:
    """What the exercise message shows: a catalog key, its parameters and buttons."""

    key: str
    params: dict[str, str | int]
    buttons: Keyboard


def screen(kind: str, rounds: int, step: int, status: str, ident: int) -> Screen:
    """The exercise message at ``step`` in ``status``."""
    value = str(ident)
    if status == ExerciseStatus.DONE:
        return Screen("selfhelp-done", {"kind": NAMES[kind], "rounds": rounds},
                      _after(kind, rounds))
    if status == ExerciseStatus.STOPPED:
        return Screen("selfhelp-stopped", {"kind": NAMES[kind], "steps": step},
                      ((_menu_button(),),))
    paused = status == ExerciseStatus.PAUSED
    stop = button(PREFIX, "btn-selfhelp-stop", "stop", value)
    if kind == GROUNDING:
        sense, count = SENSES[step]
        return Screen("selfhelp-ground", {"sense": sense, "count": count, "step": step + 1,
                                          "steps": len(SENSES)},
                      ((button(PREFIX, "btn-selfhelp-next", "next", f"{value}:{step}"), stop),))
    phases = BREATHING[kind]
    phase, length = phases[step % len(phases)]
    here = step % len(phases)
    bar = "".join("●" if i <= here else "○" for i in range(len(phases)))
    middle = button(PREFIX, "btn-selfhelp-resume" if paused else "btn-selfhelp-pause",
                    "resume" if paused else "pause", value)
    return Screen("selfhelp-breath", {
        "kind": NAMES[kind], "phase": phase, "seconds": length, "round": step // len(phases) + 1,
        "rounds": rounds, "bar": bar, "paused": "yes" if paused else "no",
    }, ((middle, stop),))


def _menu_button() -> Button:
    return button(PREFIX, "btn-selfhelp-menu", "menu")


def _after(kind: str, rounds: int) -> Keyboard:
    # (seen) *Again* on a message far up the chat restarted it there, out of view: it starts
    # in a new message at the bottom
    again = button(PREFIX, "btn-selfhelp-again", "go", f"{kind}:{rounds}:new")
    return ((again, _menu_button()),)


def menu() -> Keyboard:
    """The exercises and the cards to choose from."""
    return ((button(PREFIX, "btn-selfhelp-box", "pick", BOX),),
            (button(PREFIX, "btn-selfhelp-478", "pick", FOUR_SEVEN_EIGHT),),
            (button(PREFIX, "btn-selfhelp-ground", "go", f"{GROUNDING}:1"),),
            (button(PREFIX, "btn-selfhelp-cards", "cards"),))


def rounds_for(kind: str) -> Keyboard:
    """How many rounds of ``kind`` (a breathing exercise)."""
    row = tuple(button(PREFIX, "btn-selfhelp-rounds", "go", f"{kind}:{n}", {"rounds": n})
                for n in ROUNDS)
    return (row, (_menu_button(),))


def cards(first: str | None = None) -> Keyboard:
    """The coping cards to choose from (the one for their topic first, when there is one)."""
    order = ((first,) if first in CARDS else ()) + tuple(c for c in CARDS if c != first)
    return (*((button(PREFIX, f"btn-card-{c}", "card", c),) for c in order),
            (_menu_button(),))


def card_buttons(card: str) -> Keyboard:
    rows: Keyboard = ((button(PREFIX, "btn-selfhelp-more-cards", "cards"), _menu_button()),)
    if card in HEAVY:  # (seen) "talk to a counselor (/help has the numbers)": /help has none
        rows = ((button("ss", "btn-counselor-now", "counselor"),), *rows)
    return rows


def offer() -> Keyboard:
    """Under the message that offers self-help while waiting or out of hours."""
    return ((button(PREFIX, "btn-selfhelp-open", "menu"),),)


def share_question() -> Keyboard:
    return ((button(PREFIX, "btn-selfhelp-share-yes", "share", "yes"),
             button(PREFIX, "btn-selfhelp-share-no", "share", "no")),)
