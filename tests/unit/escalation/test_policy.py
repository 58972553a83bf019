"""Every row of the ``escalation.policy`` decision table, the sticky level and screening."""

from __future__ import annotations

import itertools

import pytest

from escalation.detector import RiskLevel
from escalation.policy import (
    SCREENING_CHOICES,
    Action,
    Decision,
    Situation,
    decide,
    decide_referral,
    decide_screening,
    referral_level,
    screening_answer,
)

N, C, H, IM = RiskLevel.NONE, RiskLevel.CONCERN, RiskLevel.HIGH, RiskLevel.IMMINENT
ESC, UPD, RES = Action.ESCALATE, Action.UPDATE_ESCALATION, Action.SEND_RESOURCES
TELL, NUDGE, ASK = Action.TELL_SUPPORTER, Action.NUDGE_SUPPORTER, Action.ASK_SCREENING


def sit(
    level: RiskLevel,
    sticky: RiskLevel = N,
    *,
    session: bool = False,
    intake: bool = False,
    open_: bool = False,
    waiting: bool = False,
) -> Situation:
    return Situation(level, sticky, session, intake, open_, waiting)


# (situation, actions, new sticky level, priority boost) - one line per table row and variant
ROWS: list[tuple[Situation, tuple[Action, ...], RiskLevel, bool]] = [
    # IMMINENT / HIGH, no open escalation
    (sit(IM), (ESC, RES), IM, True),
    (sit(H), (ESC, RES), H, True),
    (sit(H, intake=True), (ESC, RES), H, True),
    (sit(IM, C, intake=True), (ESC, RES), IM, True),
    (sit(IM, session=True), (ESC, RES, TELL), IM, True),
    (sit(H, C, session=True), (ESC, RES, TELL), H, True),
    (sit(H, IM), (ESC, RES), IM, True),  # an earlier escalation was resolved: escalate again
    # IMMINENT / HIGH, escalation already open: re-notify, no new ladder
    (sit(H, H, open_=True), (UPD, RES), H, True),
    (sit(IM, H, open_=True), (UPD, RES), IM, True),
    (sit(H, H, session=True, open_=True), (UPD, RES, TELL), H, True),
    (sit(IM, IM, session=True, open_=True), (UPD, RES, TELL), IM, True),
    # CONCERN in session: nudge the supporter, whatever else holds
    (sit(C, session=True), (NUDGE,), C, False),
    (sit(C, C, session=True), (NUDGE,), C, False),
    (sit(C, H, session=True), (NUDGE,), H, True),
    (sit(C, H, session=True, open_=True), (NUDGE,), H, True),
    (sit(C, session=True, intake=True), (NUDGE,), C, False),
    # CONCERN with the bot talking (intake or waiting): ask the screening question once
    (sit(C, intake=True), (ASK,), C, False),
    (sit(C), (ASK,), C, False),
    (sit(C, C, intake=True), (), C, False),
    (sit(C, H, intake=True), (), H, True),
    (sit(C, H, intake=True, open_=True), (), H, True),
    (sit(C, N, intake=True, open_=True), (), C, True),
    # waiting in the queue, where nobody reads them: asked again however flagged (a trial:
    # no reply at all), but not while a case is open (a counselor is coming)
    (sit(C, C, intake=True, waiting=True), (ASK,), C, False),
    (sit(C, H, intake=True, waiting=True), (ASK,), H, True),
    (sit(C, C, intake=True, open_=True, waiting=True), (), C, True),
    # NONE: nothing, the sticky level stays
    (sit(N), (), N, False),
    (sit(N, C, session=True), (), C, False),
    (sit(N, H, intake=True), (), H, True),
    (sit(N, IM, session=True, open_=True), (), IM, True),
    (sit(N, N, open_=True), (), N, True),
]


@pytest.mark.parametrize(("situation", "actions", "sticky", "boost"), ROWS)
def test_decision_table(
    situation: Situation, actions: tuple[Action, ...], sticky: RiskLevel, boost: bool
) -> None:
    assert decide(situation) == Decision(actions, sticky, boost)


_ALL = list(itertools.product(RiskLevel, RiskLevel, [False, True], [False, True], [False, True]))


@pytest.mark.parametrize(("level", "sticky", "session", "intake", "open_"), _ALL)
def test_invariants_over_every_situation(
    level: RiskLevel, sticky: RiskLevel, session: bool, intake: bool, open_: bool
) -> None:
    d = decide(Situation(level, sticky, session, intake, open_))
    assert d.new_sticky_level == max(level, sticky)  # sticky: only ever goes up
    assert d.priority_boost == (max(level, sticky) >= H or open_)
    assert len(set(d.actions)) == len(d.actions)
    escalates = ESC in d.actions or UPD in d.actions
    assert escalates == (level >= H)
    assert (ESC in d.actions) == (level >= H and not open_)  # never a second open escalation
    assert (RES in d.actions) == (level >= H)  # the student is never left without resources
    assert (TELL in d.actions) == (level >= H and session)
    assert not ({NUDGE, ASK} <= set(d.actions))


@pytest.mark.parametrize(("answer", "level"), [("yes", H), ("now", IM), ("no", N), ("unsure", C)])
def test_screening_answer(answer: str, level: RiskLevel) -> None:
    assert screening_answer(answer) == level


def test_screening_choices_all_mapped() -> None:
    assert SCREENING_CHOICES == ("yes", "now", "no", "unsure")
    assert {screening_answer(a) for a in SCREENING_CHOICES} == set(RiskLevel)


@pytest.mark.parametrize("answer", ["", "YES", " yes", "maybe", "escalate", "3"])
def test_screening_answer_rejects_forged_data(answer: str) -> None:
    with pytest.raises(ValueError, match="unknown screening answer"):
        screening_answer(answer)


@pytest.mark.parametrize(
    ("answer", "situation", "expected"),
    [
        ("yes", sit(N, C, intake=True), Decision((ESC, RES), H, True)),
        ("now", sit(N, C, intake=True), Decision((ESC, RES), IM, True)),
        ("now", sit(N, H, intake=True, open_=True), Decision((UPD, RES), IM, True)),
        ("no", sit(N, C, intake=True), Decision((), C, False)),
        ("unsure", sit(N, C, intake=True), Decision((), C, False)),
        ("unsure", sit(N, N, intake=True), Decision((), C, False)),  # never asks again
        ("no", sit(IM, H, intake=True), Decision((), H, True)),  # s.level is ignored
    ],
)
def test_decide_screening(answer: str, situation: Situation, expected: Decision) -> None:
    assert decide_screening(situation, answer) == expected


def test_decide_screening_rejects_forged_data() -> None:
    with pytest.raises(ValueError, match="unknown screening answer"):
        decide_screening(sit(N, C, intake=True), "now!")


@pytest.mark.parametrize(("detected", "level"), [(N, H), (C, H), (H, H), (IM, IM)])
def test_referral_level(detected: RiskLevel, level: RiskLevel) -> None:
    assert referral_level(detected) == level


@pytest.mark.parametrize(
    ("situation", "expected"),
    [
        (sit(N, session=True), Decision((ESC, RES, TELL), H, True)),  # supporter's /refer
        (sit(C), Decision((ESC, RES), H, True)),  # student's "I need a counselor now"
        (sit(IM, session=True), Decision((ESC, RES, TELL), IM, True)),
        (sit(N, H, open_=True), Decision((UPD, RES), H, True)),
    ],
)
def test_manual_referral_escalates_like_high(situation: Situation, expected: Decision) -> None:
    assert decide_referral(situation) == expected
