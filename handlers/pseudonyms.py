"""Random pseudonyms ("Senja-482"): what supporters see instead of a student's identity."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable
from pathlib import Path

WORDS_FILE = Path(__file__).resolve().parent.parent / "locales" / "pseudonyms.txt"


def load_words(path: Path = WORDS_FILE) -> tuple[str, ...]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


# a pseudonym's number is never an emergency number (a trial: "Tirta-119" read like the
# ambulance's): 110 police, 112, 113 fire, 115 search and rescue, 118 and 119 ambulance, 129
# SAPA (women and children), 911 and 999 seen abroad
EMERGENCY_NUMBERS = frozenset({110, 112, 113, 115, 118, 119, 129, 911, 999})
NUMBERS = tuple(n for n in range(100, 1000) if n not in EMERGENCY_NUMBERS)


class Pseudonyms:
    def __init__(self, words: tuple[str, ...]) -> None:
        self._words = words

    def __call__(self) -> str:
        return f"{secrets.choice(self._words)}-{secrets.choice(NUMBERS)}"


def look_alike(a: str, b: str) -> bool:
    """Two pseudonyms a supporter could mix up: the same word ("Senja-482", "Senja-917": a
    supporter with both reads "Senja" and answers the wrong one), or the same but for one
    letter or digit ("Bayu-482", "Bayu-483")."""
    a, b = a.casefold(), b.casefold()
    return a.rpartition("-")[0] == b.rpartition("-")[0] or _one_edit(a, b)


def _one_edit(a: str, b: str) -> bool:
    """``a`` becomes ``b`` by changing, adding or removing at most one character."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def unlike(new: Callable[[], str], taken: Iterable[str], tries: int = 30) -> str:
    """A new pseudonym that looks like none of ``taken`` (the students waiting or in a chat
    now: a trial gave "Senja-482" and "Senja-483" to two students waiting for the same
    supporter); after ``tries`` the last one drawn (the words may all be in use)."""
    names = [t for t in taken if t]
    drawn = new()
    for _ in range(tries):
        if not any(look_alike(drawn, t) for t in names):
            break
        drawn = new()
    return drawn
