"""Pseudonyms (handlers.pseudonyms): a word and a number, never an emergency number."""

from __future__ import annotations

from handlers.pseudonyms import EMERGENCY_NUMBERS, Pseudonyms


def test_a_pseudonym_never_carries_an_emergency_number() -> None:
    """(A trial: "Tirta-119" read like the ambulance's number.) Drawn many times, no pseudonym
    ends in 110, 112, 113, 115, 118, 119 or 129, and the other three-digit numbers still come."""
    draw = Pseudonyms(("Tirta",))
    numbers = {int(draw().rpartition("-")[2]) for _ in range(20000)}
    assert not numbers & EMERGENCY_NUMBERS
    assert {112, 119} <= EMERGENCY_NUMBERS
    assert len(numbers) > 850  # (of 891: the rest are drawn, spread over 100-999)
    assert min(numbers) >= 100
    assert max(numbers) <= 999
