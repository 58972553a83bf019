"""What the shipped scripted students say back (``Scenario.say``): a direct safety question is
always answered, honestly for the scenario; unsolicited advice or minimizing always makes the
student pull back, on every turn, held once already or not; the story still goes on."""

from __future__ import annotations

import pytest

from sandbox.training_skills import classify
from sandbox.web_training import REACT_SKILLS, Said, Scenario, load_scenarios

SCENARIOS = load_scenarios()
SAFETY = {"id": "kamu kepikiran bunuh diri?", "en": "are you thinking about suicide?"}
ADVICE = {"id": "kamu coba aja olahraga", "en": "you should try exercising"}
PULL_BACK = {"id": ("iya deh", "iya sih", "ya udah"),
             "en": ("yeah, okay", "yeah, i guess", "whatever")}
TURNS = [(s.id, turn, held) for s in SCENARIOS.values() for turn in range(len(s.turns))
         for held in (False, True)]


def said(scenario: Scenario, turn: int, text: str, held: bool = False) -> Said:
    return scenario.say(turn, classify(text).skills, held)


@pytest.mark.parametrize(("scenario_id", "turn", "held"), TURNS)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_direct_safety_question_is_always_answered(
    scenario_id: str, turn: int, held: bool, lang: str
) -> None:
    scenario = SCENARIOS[scenario_id]
    answer = said(scenario, turn, SAFETY[lang], held)
    assert answer.skill == "safety"
    assert answer.text != scenario.turns[turn], "not the script's own turn, as if unheard"
    own = dict(scenario.reactions[turn].when).get("safety")
    expected = own.text[lang] if own is not None else scenario.react["safety"][lang]
    assert answer.text[lang].startswith(expected[:20]), answer.text[lang]


@pytest.mark.parametrize(("scenario_id", "turn", "held"), TURNS)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_unsolicited_advice_always_makes_the_student_pull_back(
    scenario_id: str, turn: int, held: bool, lang: str
) -> None:
    scenario = SCENARIOS[scenario_id]
    answer = said(scenario, turn, ADVICE[lang], held)
    assert answer.skill == "advice"
    assert answer.text[lang].lower().startswith(PULL_BACK[lang]), answer.text[lang]
    assert not (held and answer.hold), "a turn is held back once at most"


def test_a_low_risk_student_says_no_honestly_and_goes_on() -> None:
    exam = SCENARIOS["exam-stress"]
    answer = said(exam, 1, "Kamu kepikiran bunuh diri?")
    assert answer == Said({lang: f"{exam.react['safety'][lang]} {exam.turns[1][lang]}"
                           for lang in ("id", "en")}, "safety")
    assert answer.text["id"].startswith("Nggak kok")
    assert "cuma capek" in answer.text["id"].lower()


def test_the_safety_answer_comes_first_whatever_else_the_reply_called_for() -> None:
    exam = SCENARIOS["exam-stress"]
    reflected = dict(exam.reactions[1].when)["reflection"].text["id"]
    answer = said(exam, 1, "Kedengarannya berat banget ya. Kamu kepikiran bunuh diri?")
    assert answer.text["id"] == f"{exam.react['safety']['id']} {reflected}"
    assert answer.skill == "reflection"  # what the turn's own variant reacted to


def test_advice_on_a_turn_without_its_own_variant_gets_the_scenarios_pull_back() -> None:
    exam = SCENARIOS["exam-stress"]
    answer = said(exam, 0, "Halo! Kamu coba aja olahraga.")
    assert answer.text["id"] == "Iya sih, kak… tapi bukan itu masalahnya. " + exam.turns[0]["id"]
    assert not answer.hold


def test_a_hold_on_a_turn_held_once_is_said_before_the_turn() -> None:
    exam = SCENARIOS["exam-stress"]
    first = said(exam, 1, "Kamu harus bikin jadwal.")
    assert first.hold  # held back: the worry comes after the next reply
    again = said(exam, 1, "Kamu harus bikin jadwal.", held=True)
    assert again == Said({lang: f"{first.text[lang]} {exam.turns[1][lang]}"
                          for lang in ("id", "en")}, "advice")


def test_every_shipped_scenario_says_how_its_student_reacts() -> None:
    for scenario in SCENARIOS.values():
        assert set(scenario.react) == set(REACT_SKILLS), scenario.id
