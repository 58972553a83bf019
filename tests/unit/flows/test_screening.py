"""The intake's ASQ screening (flows.screening, flows.intake): who is asked, one question at a
time, what each answer means, and that an old question's button never answers a later one."""

from __future__ import annotations

import pytest

from escalation.detector import RiskLevel
from flows import screening
from flows.intake import INTAKE, parse_button
from flows.journey import RISK
from flows.machine import Data, Step
from flows.types import Reply, Screened
from tests.unit.flows.test_intake import DESCRIPTION, ctx

BEFORE: Data = {"lang": "id", "pseudonym": "Awan-1", "topic": "academic",
                "description": DESCRIPTION}


def press(state: str, data: Data, callback: str) -> Step:
    return INTAKE.step(state, data, parse_button(callback), ctx())


def screened(step: Step) -> list[Screened]:
    return [e for e in step.effects if isinstance(e, Screened)]


@pytest.mark.parametrize(("feeling", "risk", "asked"), [
    ("1", 0, True), ("2", 0, True), ("3", 0, False), ("5", 0, False), ("4", 1, True),
    ("5", 2, True),
])
def test_a_low_feeling_or_a_concern_asks_the_questions(feeling: str, risk: int,
                                                       asked: bool) -> None:
    step = press("feeling", {**BEFORE, RISK: risk}, f"in:feeling:{feeling}")
    assert (step.state == "asq-wish-dead") is asked
    if asked:
        assert [e.key for e in step.effects if isinstance(e, Reply)] == [
            "asq-intro", "asq-wish-dead"]
        assert [b.data for e in step.effects if isinstance(e, Reply) for r in e.buttons
                for b in r] == ["in:asq-wish-dead:yes", "in:asq-wish-dead:no",
                                "in:asq-wish-dead:skip", "in:back:"]


def walk(answers: list[str]) -> list[Step]:
    steps = [press("feeling", BEFORE, "in:feeling:1")]
    for answer in answers:
        state = steps[-1].state
        steps.append(press(state, steps[-1].data, f"in:{state}:{answer}"))
    return steps


def test_all_no_goes_on_to_the_name_without_the_acuity_question() -> None:
    steps = walk(["no", "no", "no", "no"])
    assert [s.state for s in steps] == ["asq-wish-dead", "asq-better-off-dead", "asq-thoughts",
                                        "asq-tried", "anonymity"]
    [last] = screened(steps[-1])
    assert last.done
    assert screening.level(screening.decode(last.answers)) == RiskLevel.NONE


def test_a_yes_is_handed_over_at_once_and_the_acuity_question_follows() -> None:
    steps = walk(["yes", "no", "skip", "no", "yes"])
    [first] = screened(steps[1])
    assert (first.question, first.answer, first.done) == ("wish-dead", "yes", False)
    assert steps[4].state == "asq-now"
    [now] = screened(steps[5])
    assert now.done
    assert steps[5].state == "anonymity"
    answers = screening.decode(now.answers)
    assert answers == {"wish-dead": "yes", "better-off-dead": "no", "thoughts": "skip",
                       "tried": "no", "now": "yes"}
    assert screening.level(answers) == RiskLevel.IMMINENT


def test_rather_not_say_without_a_yes_is_a_concern() -> None:
    steps = walk(["skip", "no", "no", "no"])
    [last] = screened(steps[-1])
    assert screening.level(screening.decode(last.answers)) == RiskLevel.CONCERN


def test_an_old_questions_button_does_not_answer_the_next_question() -> None:
    steps = walk(["no"])
    again = press(steps[-1].state, steps[-1].data, "in:asq-wish-dead:skip")  # a double tap
    assert again.state == "asq-better-off-dead"
    assert screened(again) == []
    said = [e.key for e in again.effects if isinstance(e, Reply)]
    assert said == ["error-stale-button", "asq-better-off-dead"]  # and the question again


def test_an_old_questions_yes_tapped_later_is_its_answer_and_the_intake_stays_put() -> None:
    """(A trial: "ga tau" typed to the first question, then its Yes tapped: every yes is
    taken, into this intake's answers, so the acuity question follows.)"""
    steps = walk(["no"])
    again = press(steps[-1].state, steps[-1].data, "in:asq-wish-dead:yes")
    assert again.state == "asq-better-off-dead"
    [yes] = screened(again)
    assert (yes.question, yes.answer, yes.done) == ("wish-dead", "yes", False)
    assert again.data["asq"]["wish-dead"] == "yes"
    said = [e.key for e in again.effects if isinstance(e, Reply)]
    assert said == ["asq-better-off-dead"]  # the question it is at, again
    last = again
    for _ in range(3):
        last = press(last.state, last.data, f"in:{last.state}:no")
    assert last.state == "asq-now", "a yes so far: the acuity question"


def test_a_yes_tapped_after_a_screening_with_no_yes_asks_the_acuity_question_now() -> None:
    steps = walk(["no", "no", "no", "no"])
    assert steps[-1].state == "anonymity"
    late = press("anonymity", steps[-1].data, "in:asq-tried:yes")
    assert late.state == "asq-now"
    assert [(s.question, s.answer) for s in screened(late)] == [("tried", "yes")]
    after = press("asq-now", late.data, "in:asq-now:no")
    assert after.state == "anonymity"
    assert [s.done for s in screened(after)] == [True]
    again = press("anonymity", after.data, "in:asq-wish-dead:yes")
    assert again.state == "anonymity", "right now? answered: not asked twice"


def test_screened_once_the_feeling_is_not_asked_again() -> None:
    steps = walk(["no", "no", "no", "no"])
    back = press("anonymity", steps[-1].data, "in:back:")
    assert back.state == "feeling"
    assert press("feeling", back.data, "in:feeling:1").state == "anonymity"


def test_encode_decode_keeps_only_known_answers() -> None:
    answers = {"wish-dead": "yes", "now": "skip", "bogus": "yes", "tried": "maybe"}
    assert screening.decode(screening.encode(answers)) == {"wish-dead": "yes", "now": "skip"}
    assert screening.decode("wish-dead=yes,,=,x") == {"wish-dead": "yes"}
    assert screening.params({"wish-dead": "no"})["asq_1"] == "no"
    assert screening.params({})["asq_5"] == "-"


def test_a_yes_stays_a_yes_after_back_and_the_acuity_question_still_comes() -> None:
    """(A trial: Yes, then Back, then "rather not say" to every question lost the yes and
    never asked "right now?".)"""
    steps = walk(["yes"])
    back = press(steps[-1].state, steps[-1].data, "in:back:")
    assert back.state == "asq-wish-dead"
    last = back
    for _ in range(4):
        last = press(last.state, last.data, f"in:{last.state}:skip")
    assert last.state == "asq-now"
    assert last.data["asq"]["wish-dead"] == "yes"
    assert [s.done for s in screened(last)] == [False]
