"""Routing: who is eligible for a request and in which order supporters are offered it."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from routing.matching import Candidate, Need, best, eligible, rank, why_unmatched

NEED = Need(request_id=7, language="id", topic="school")
T0 = datetime(2025, 1, 6, 8, 0, tzinfo=UTC)


def cand(member_id: int, **changes: object) -> Candidate:
    base = Candidate(
        member_id=member_id,
        role="supporter",
        languages=frozenset({"id", "en"}),
        topics=frozenset(),
        trained=True,
        active=True,
        on_duty=True,
        load=0,
        capacity=2,
        last_assigned_at=None,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, True),
        ({"role": "counselor"}, False),
        ({"role": "coordinator"}, False),
        ({"on_duty": False}, False),
        ({"trained": False}, False),
        ({"active": False}, False),
        ({"load": 1}, True),
        ({"load": 2}, False),
        ({"load": 3}, False),
        ({"capacity": 0}, False),
        ({"languages": frozenset({"en"})}, False),
        ({"languages": frozenset()}, False),
        ({"languages": frozenset({"ID"})}, True),
        ({"topics": frozenset({"family"})}, True),
    ],
)
def test_eligible(changes: dict[str, object], expected: bool) -> None:
    assert eligible(cand(1, **changes), NEED) is expected


@pytest.mark.parametrize(
    ("candidates", "exclude", "expected"),
    [
        # topic match wins over lower load
        ([cand(1), cand(2, load=1, topics=frozenset({"school"}))], (), [2, 1]),
        # then least load
        ([cand(1, load=1), cand(2, load=0)], (), [2, 1]),
        # then never assigned before assigned, then oldest assignment first
        (
            [
                cand(1, last_assigned_at=T0.replace(hour=9)),
                cand(2, last_assigned_at=T0),
                cand(3),
            ],
            (),
            [3, 2, 1],
        ),
        # then member id
        ([cand(3), cand(1), cand(2)], (), [1, 2, 3]),
        # load beats idleness
        ([cand(1, load=1), cand(2, last_assigned_at=T0)], (), [2, 1]),
        # topic beats idleness
        ([cand(1), cand(2, topics=frozenset({"school"}), last_assigned_at=T0)], (), [2, 1]),
        # excluded (declined / expired) members are skipped
        ([cand(1), cand(2), cand(3)], (1, 3), [2]),
        # ineligible members are dropped
        ([cand(1, on_duty=False), cand(2, role="counselor"), cand(3)], (), [3]),
        ([cand(1, languages=frozenset({"en"}))], (), []),
        ([], (), []),
        # a member listed twice is offered once
        ([cand(1), cand(1), cand(2, load=1)], (), [1, 2]),
    ],
)
def test_rank(candidates: list[Candidate], exclude: tuple[int, ...], expected: list[int]) -> None:
    assert [c.member_id for c in rank(candidates, NEED, exclude)] == expected
    shuffled = list(reversed(candidates))
    assert [c.member_id for c in rank(shuffled, NEED, exclude)] == expected


@pytest.mark.parametrize(
    ("topic", "expected"),
    [
        ("school", [2, 1]),  # topic match first
        ("family", [1, 2]),  # nobody covers it: least load first
        ("", [1, 2]),  # no topic: no topic preference
    ],
)
def test_rank_topic(topic: str, expected: list[int]) -> None:
    candidates = [cand(1), cand(2, load=1, topics=frozenset({"school"}))]
    need = replace(NEED, topic=topic)
    assert [c.member_id for c in rank(candidates, need)] == expected


@pytest.mark.parametrize(
    ("candidates", "exclude", "expected"),
    [
        ([cand(1, load=1), cand(2)], (), 2),
        ([cand(1, load=1), cand(2)], (2,), 1),
        ([cand(1)], (1,), None),
        ([cand(1, active=False)], (), None),
        ([], (), None),
    ],
)
def test_best(candidates: list[Candidate], exclude: tuple[int, ...], expected: int | None) -> None:
    chosen = best(iter(candidates), NEED, exclude)
    assert (chosen.member_id if chosen else None) == expected


# ---- who let an offer expire is avoided, not excluded; why a request waits -----------------


def test_who_let_the_offer_expire_is_asked_again_only_when_nobody_else_is_eligible() -> None:
    dimas, ayu = cand(1), cand(2, load=1)
    assert best([dimas, ayu], NEED, avoid={1}) == ayu  # someone else first
    assert best([dimas], NEED, avoid={1}) == dimas  # nobody else: the same supporter again
    assert best([dimas, replace(ayu, on_duty=False)], NEED, avoid={1}) == dimas


def test_a_resting_supporter_is_not_offered_anything() -> None:
    """Over a wellbeing limit or cooling down after a crisis chat: never chosen, even when
    nobody else could take the request (the student is told so instead)."""
    assert best([cand(1, resting=True)], NEED) is None
    assert best([cand(1, resting=True), cand(2, load=1)], NEED) == cand(2, load=1)


def test_who_declined_stays_excluded_even_when_nobody_else_is_eligible() -> None:
    assert best([cand(1)], NEED, exclude={1}) is None
    assert best([cand(1)], NEED, exclude={1}, avoid={1}) is None


@pytest.mark.parametrize(
    ("candidates", "expected"),
    [
        ([], "nobody-on-duty"),
        ([cand(1, on_duty=False)], "nobody-on-duty"),
        ([cand(1, languages=frozenset({"en"}))], "nobody-on-duty"),  # nobody speaks it
        ([cand(1, trained=False), cand(2, role="counselor")], "nobody-on-duty"),
        ([cand(1, load=2), cand(2, load=3, capacity=3)], "all-busy"),
        ([cand(1, load=2), cand(2, load=1)], "not-accepted"),  # someone could: they didn't
        ([cand(1, resting=True), cand(2, resting=True, load=2)], "resting"),
        ([cand(1, resting=True), cand(2, load=2)], "all-busy"),  # the one free rests
    ],
)
def test_why_a_request_is_still_waiting(candidates: list[Candidate], expected: str) -> None:
    assert why_unmatched(candidates, NEED) == expected
