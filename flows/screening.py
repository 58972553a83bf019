"""The ASQ screening questions (NIMH Ask Suicide-Screening Questions, docs/SCREENING.md),
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
ANSWERS = ("yes", "no", "skip")  # the buttons; skip: "I'd rather not say"
# what is kept: the buttons' answers, and "unsure" for a typed "not sure" / "idk" / "ga tau"
# (like skip, not a no: a concern), shown to the team as "not sure", not "rather not say"
KEPT = (*ANSWERS, "unsure")
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
    if {"skip", "unsure"} & set(answers.values()):
        return RiskLevel.CONCERN
    return RiskLevel.NONE


IN_CHAT = "in=chat"  # kept after the answers when they were given in a chat (/screen)


def encode(answers: Mapping[str, str], *, chat: bool = False) -> str:
    """``wish-dead=yes,better-off-dead=no,...`` in question order (unknown names dropped);
    ``chat``: they were answered in a chat (``/screen``), not in the intake (``in_chat``)."""
    text = ",".join(f"{q}={answers[q]}" for q in ALL if answers.get(q) in KEPT)
    return f"{text},{IN_CHAT}" if chat and text else text


def in_chat(text: str | None) -> bool:
    """Were ``encode``'s answers given in a chat (a supporter's ``/screen``)? (A trial: the
    briefing after a hand-over labelled a chat's screening "in the intake".)"""
    return IN_CHAT in (text or "").split(",")


def decode(text: str | None) -> dict[str, str]:
    """The answers from ``encode``'s form; anything malformed is left out."""
    answers: dict[str, str] = {}
    for part in (text or "").split(","):
        question, _, answer = part.partition("=")
        if question in ALL and answer in KEPT:
            answers[question] = answer
    return answers


def params(answers: Mapping[str, str], asking: bool = False) -> dict[str, str | int]:
    """Message parameters ``asq_<n>`` (1-4, and 5 for the acuity question): the answer, or
    "-" when it was not asked, or "wait" when the student is still being asked (``asking``:
    the ping went out at the first yes, the rest follow); the catalogs word them once, in
    ``ANSWERS_KEY``."""
    unanswered = "wait" if asking else "-"
    return {f"asq_{i}": answers.get(q, unanswered) for i, q in enumerate(ALL, start=1)}


# A typed answer to a screening question (people type "iya" instead of tapping Yes): the first
# word says yes or no; "right now" words make a yes urgent; "don't know" phrases are unsure.
# Only read while a question waits for its answer; everything typed is screened anyway.
_YES = frozenset({"ya", "iya", "iyaa", "iyaaa", "iyah", "iye", "iy", "yes", "y", "yep", "yup",
                  "yeah", "yea", "pernah", "betul", "bener", "benar", "he'em", "hu'um",
                  "ho'oh", "heeh", "sering", "kadang", "kadang2", "kadang-kadang", "sometimes",
                  "often"})
_NOT_YES = frozenset({"ampun", "allah", "tuhan", "udah", "sudah", "gitu", "deh", "kan", "elah",
                      "ampun.", "god"})  # "ya ampun", "ya udah": exclamations, not answers
_NOW = frozenset({"sekarang", "skrg", "skrng", "now", "rn", "tonight"})
_NOW_PHRASES = ("malam ini", "hari ini", "right now")
_NO = frozenset({"tidak", "nggak", "ngga", "enggak", "engga", "gak", "ga", "gk", "ngak", "no",
                 "nope", "nah", "tdk", "belum", "blm", "ndak", "kagak", "tak", "never", "not",
                 "nggk"})  # "not rn", "not really" ("not sure" is unsure, read first)
_UNSURE = ("nggak tahu", "nggak tau", "ngga tau", "gak tau", "ga tau", "gatau", "gak tahu",
           "ga tahu", "tidak tahu", "nggak yakin", "ga yakin", "gak yakin", "tidak yakin",
           "kurang tahu", "entah", "not sure", "idk", "dunno", "don't know", "dont know",
           "maybe", "mungkin")
# a hedged answer (a trial: "kayaknya sih iya" was told to use the buttons): a probable yes
# is a yes (what the screening is for: any yes is a positive screen), a probable no is unsure
_HEDGES = frozenset({"kayaknya", "kyknya", "keknya", "kayanya", "sepertinya",
                     "rasanya", "sih", "si", "deh", "kali", "kayak", "i", "think", "guess",
                     "probably", "prob", "prolly", "maybe", "mostly", "like"})
_YES_HEDGED = ("i think so", "probably", "prolly", "kinda", "kind of", "sort of", "sorta",
               "a little", "a bit", "a lot", "agak", "dikit", "sedikit", "lumayan", "sometimes",
               "kayaknya", "sepertinya", "keknya", "kyknya", "kayanya")
TYPED = ("yes", "now", "no", "unsure")


def typed_answer(text: str) -> str | None:
    """"yes", "now" (yes, and right now), "no", "unsure", or None when ``text`` does not read
    as an answer to a yes/no question."""
    said = " ".join(text.lower().replace("’", "'").split())
    words = [w.strip(".,!?;:()\"") for w in said.split()]
    words = [w for w in words if w]
    if not words:
        return None
    if any(said.startswith(phrase) or said == phrase for phrase in _UNSURE) and \
            not _hedged_yes(words):
        return "unsure"
    hedged = _hedged(words)
    if hedged is not None:
        return hedged
    if words[0] in _NO:
        return "no"
    if words[0] in _YES and not (len(words) > 1 and words[1] in _NOT_YES):
        urgent = _NOW & set(words[1:]) or any(p in said for p in _NOW_PHRASES)
        return "now" if urgent else "yes"
    if words[0] in ("sekarang", "now", "skrg", "rn") and len(words) <= 3:
        return "now"
    return None


def _hedged_yes(words: list[str]) -> bool:
    """"maybe yes", "mungkin iya": a hedge and then a yes."""
    rest = [w for w in words if w not in _HEDGES and w != "mungkin"]
    return len(rest) < len(words) and bool(rest) and rest[0] in _YES


def _hedged(words: list[str]) -> str | None:
    """A hedged answer: hedge words first, then a yes ("yes"; "now" with a time) or a no
    ("unsure"); or a hedge that is itself a probable yes ("kinda", "i think so", "agak")."""
    said = " ".join(words)
    if said in _YES_HEDGED or any(said.startswith(f"{p} ") and
                                  words[len(p.split())] in ("sih", "si", "deh", "lah", "ya")
                                  for p in _YES_HEDGED if len(words) > len(p.split())):
        return "yes"
    lead = 0
    while lead < len(words) and (words[lead] in _HEDGES or words[lead] == "mungkin"):
        lead += 1
    if lead == 0 or lead == len(words):
        return None
    if words[lead] in _YES and not (lead + 1 < len(words) and words[lead + 1] in _NOT_YES):
        rest = set(words[lead + 1:])
        return "now" if _NOW & rest or any(p in said for p in _NOW_PHRASES) else "yes"
    if words[lead] in _NO:
        return "unsure"
    return None
