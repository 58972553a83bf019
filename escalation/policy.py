"""What the bot does about one student message, given its assessed risk: a pure decision table.

``decide(Situation) -> Decision``. ``level`` is this message's level, ``sticky`` the highest level
seen on the request before it, "open" means an escalation for the student is open (unresolved).

| level           | open | in session | sticky before | actions                                  |
|-----------------|------|------------|---------------|------------------------------------------|
| IMMINENT / HIGH | no   | no         | any           | ESCALATE, SEND_RESOURCES                 |
| IMMINENT / HIGH | no   | yes        | any           | ESCALATE, SEND_RESOURCES, TELL_SUPPORTER |
| IMMINENT / HIGH | yes  | no         | any           | UPDATE_ESCALATION, SEND_RESOURCES        |
| IMMINENT / HIGH | yes  | yes        | any           | UPDATE_ESCALATION, SEND_RESOURCES,       |
|                 |      |            |               | TELL_SUPPORTER                           |
| CONCERN         | any  | yes        | any           | NUDGE_SUPPORTER                          |
| CONCERN         | no   | no         | < CONCERN     | ASK_SCREENING                            |
| CONCERN         | no   | no         | >= CONCERN    | - (already flagged: not asked again),    |
|                 |      |            |               | but ASK_SCREENING when ``waiting``       |
| CONCERN         | yes  | no         | any           | - (a counselor is already being paged)   |
| NONE            | any  | any        | any           | - (nothing)                              |

Always: ``new_sticky_level = max(level, sticky)`` (risk only goes up on a request; a denial is
applied by the detector, which may lower HIGH to CONCERN but never IMMINENT) and
``priority_boost = new_sticky_level >= HIGH or open`` (escalated requests jump the queue).

* ASK_SCREENING is used whenever the bot, not a supporter, is talking to the student (intake, or
  waiting in the queue): ``in_intake`` does not change the outcome; ``in_session`` wins if both.
* UPDATE_ESCALATION: re-notify the people already paged (new message, maybe a higher level; the
  caller re-reads ``new_sticky_level`` and uses the IMMINENT timeout if it rose) - no new ladder.
* Manual referrals (a supporter's /refer, the student's "I need a counselor now" button) go
  through :func:`decide_referral`: the same table at ``max(HIGH, detected level)``.
* The intake screening question's buttons are :data:`SCREENING_CHOICES`; the answer is mapped by
  :func:`screening_answer` and acted on by :func:`decide_screening` (never re-asks).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace

from escalation.detector import RiskLevel

__all__ = [
    "SCREENING_CHOICES",
    "Action",
    "Decision",
    "Situation",
    "decide",
    "decide_referral",
    "decide_screening",
    "referral_level",
    "screening_answer",
]


class Action(enum.StrEnum):
    ESCALATE = "escalate"  # open an escalation and start the acknowledgement ladder
    UPDATE_ESCALATION = "update_escalation"  # re-notify those already paged; no new ladder
    SEND_RESOURCES = "send_resources"  # caring message, emergency numbers, "a counselor is coming"
    TELL_SUPPORTER = "tell_supporter"  # the supporter in session is told, with guidance
    NUDGE_SUPPORTER = "nudge_supporter"  # private nudge: screening questions + one-tap refer
    ASK_SCREENING = "ask_screening"  # the bot asks the direct screening question


@dataclass(frozen=True)
class Situation:
    level: RiskLevel  # this message's assessed level
    sticky_level: RiskLevel  # highest level seen on this request so far (NONE if no request)
    in_session: bool  # the student is chatting with a supporter now
    in_intake: bool  # the student is in the intake conversation
    open_escalation: bool  # an escalation for this student is already open (not resolved)
    # waiting in the queue, where nobody reads what they write: a new concern there is asked
    # about again, however flagged the request already is (a trial: a student whose supporter
    # left wrote of not wanting to wake up and got no reply at all)
    waiting: bool = False


@dataclass(frozen=True)
class Decision:
    actions: tuple[Action, ...]  # in the order to perform them; () = nothing to do
    new_sticky_level: RiskLevel
    priority_boost: bool  # the request jumps the queue


def decide(s: Situation) -> Decision:
    """Apply the module's decision table to one message."""
    sticky = max(s.level, s.sticky_level)
    actions: tuple[Action, ...] = ()
    if s.level >= RiskLevel.HIGH:
        first = Action.UPDATE_ESCALATION if s.open_escalation else Action.ESCALATE
        actions = (first, Action.SEND_RESOURCES)
        if s.in_session:
            actions += (Action.TELL_SUPPORTER,)
    elif s.level == RiskLevel.CONCERN:
        if s.in_session:
            actions = (Action.NUDGE_SUPPORTER,)
        elif not s.open_escalation and (s.sticky_level < RiskLevel.CONCERN or s.waiting):
            actions = (Action.ASK_SCREENING,)
    return _decision(actions, sticky, s.open_escalation)


def referral_level(detected: RiskLevel) -> RiskLevel:
    """A manual referral is HIGH unless the detector says more."""
    return max(detected, RiskLevel.HIGH)


def decide_referral(s: Situation) -> Decision:
    """A supporter's /refer or the student's "I need a counselor now": escalate like HIGH."""
    return decide(replace(s, level=referral_level(s.level)))


# Buttons under the direct question (ASQ style, RESOURCES.md): any yes -> a counselor follows up
# (HIGH, escalates); yes to "right now" -> IMMINENT; "unsure" is not a no: the request stays
# flagged as CONCERN for the supporter; "no" changes nothing (the sticky level never drops).
SCREENING_CHOICES: tuple[str, ...] = ("yes", "now", "no", "unsure")
_SCREENING_LEVELS: dict[str, RiskLevel] = {
    "yes": RiskLevel.HIGH,
    "now": RiskLevel.IMMINENT,
    "no": RiskLevel.NONE,
    "unsure": RiskLevel.CONCERN,
}


def screening_answer(answer: str) -> RiskLevel:
    """The level meant by a screening button; ValueError for anything else (forged data)."""
    try:
        return _SCREENING_LEVELS[answer]
    except KeyError:
        raise ValueError(f"unknown screening answer: {answer!r}") from None


def decide_screening(s: Situation, answer: str) -> Decision:
    """Act on the screening answer: yes / now escalate; unsure / no only update the sticky level.

    ``s.level`` is ignored (the answer is the level); ValueError for an unknown answer.
    """
    level = screening_answer(answer)
    if level >= RiskLevel.HIGH:
        return decide(replace(s, level=level))
    return _decision((), max(level, s.sticky_level), s.open_escalation)


def _decision(actions: tuple[Action, ...], sticky: RiskLevel, open_escalation: bool) -> Decision:
    boost = sticky >= RiskLevel.HIGH or open_escalation
    return Decision(actions=actions, new_sticky_level=RiskLevel(sticky), priority_boost=boost)
