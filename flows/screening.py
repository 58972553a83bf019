"""The ASQ screening questions (NIMH Ask Suicide-Screening Questions, ../shared/RESOURCES.md),
asked in the intake one at a time when a student rates how they feel as 1 or 2, or when a
concern shows in what they wrote.

Any yes to questions 1-4 means a counselor follows up (HIGH: a case is opened at the first yes,
with the answers so far) and the acuity question is asked; yes to it means IMMINENT. "I'd rather
not say" is not a no: with no yes, the request is flagged as a CONCERN and the supporter is told
to ask gently. Answers are kept as ``question=answer`` pairs (``encode``/``decode``).
"""

from __future__ import annotations

from collections.abc import Mapping

from escalation.detector import RiskLevel

QUESTIONS = ("wish-dead", "better-off-dead", "thoughts", "tried")  # ASQ 1-4
ACUITY = "now"  # "are you having thoughts of killing yourself right now?"
ANSWERS = ("yes", "no", "skip")  # skip: "I'd rather not say"
ALL = (*QUESTIONS, ACUITY)
ANSWERS_KEY = "asq-answers"  # the catalog message that words every answer (from ``params``)


def any_yes(answers: Mapping[str, str]) -> bool:
    """A yes to any of questions 1-4."""
    return any(answers.get(q) == "yes" for q in QUESTIONS)


def level(answers: Mapping[str, str]) -> RiskLevel:
    """What the answers so far mean."""
    if answers.get(ACUITY) == "yes":
        return RiskLevel.IMMINENT
    if any_yes(answers):
        return RiskLevel.HIGH
    if "skip" in answers.values():
        return RiskLevel.CONCERN
    return RiskLevel.NONE


def encode(answers: Mapping[str, str]) -> str:
    """``wish-dead=yes,better-off-dead=no,...`` in question order (unknown names dropped)."""
    return ",".join(f"{q}={answers[q]}" for q in ALL if answers.get(q) in ANSWERS)


def decode(text: str | None) -> dict[str, str]:
    """The answers from ``encode``'s form; anything malformed is left out."""
    answers: dict[str, str] = {}
    for part in (text or "").split(","):
        question, _, answer = part.partition("=")
        if question in ALL and answer in ANSWERS:
            answers[question] = answer
    return answers


def params(answers: Mapping[str, str]) -> dict[str, str | int]:
    """Message parameters ``asq_<n>`` (1-4, and 5 for the acuity question): the answer, or
    "-" when it was not asked; the catalogs word them once, in ``ANSWERS_KEY``."""
    return {f"asq_{i}": answers.get(q, "-") for i, q in enumerate(ALL, start=1)}
