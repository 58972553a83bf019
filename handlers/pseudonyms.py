"""Random pseudonyms ("Senja-482"): what supporters see instead of a student's identity."""

from __future__ import annotations

import secrets
from pathlib import Path

WORDS_FILE = Path(__file__).resolve().parent.parent / "locales" / "pseudonyms.txt"


def load_words(path: Path = WORDS_FILE) -> tuple[str, ...]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


class Pseudonyms:
    def __init__(self, words: tuple[str, ...]) -> None:
        self._words = words

    def __call__(self) -> str:
        return f"{secrets.choice(self._words)}-{secrets.randbelow(900) + 100}"
