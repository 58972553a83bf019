"""Routing: queue order, positions, wait estimates and when to tell a student their position."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from routing.queue import Waiting, estimate_wait, ordered, positions, should_tell

T0 = datetime(2025, 1, 6, 8, 0, tzinfo=UTC)
MIN = timedelta(minutes=1)


def w(request_id: int, risk: int = 0, feeling: int = 3, age_min: int = 0) -> Waiting:
    return Waiting(request_id, risk, feeling, T0 - age_min * MIN)


@pytest.mark.parametrize(
    ("waiting", "expected"),
    [
        ([], []),
        # higher risk first, even if newer and feeling better
        ([w(1, risk=0, feeling=1, age_min=60), w(2, risk=3, feeling=5)], [2, 1]),
        ([w(1, risk=1), w(2, risk=2), w(3, risk=0), w(4, risk=3)], [4, 2, 1, 3]),
        # same risk: feeling worse first, even if newer
        ([w(1, feeling=4, age_min=60), w(2, feeling=1)], [2, 1]),
        # same risk and feeling: older first
        ([w(1, age_min=5), w(2, age_min=10), w(3, age_min=1)], [2, 1, 3]),
        # all equal: request id
        ([w(3), w(1), w(2)], [1, 2, 3]),
    ],
)
def test_ordered(waiting: list[Waiting], expected: list[int]) -> None:
    assert [x.request_id for x in ordered(iter(waiting))] == expected


@pytest.mark.parametrize(
    ("waiting", "expected"),
    [
        ([], {}),
        ([w(10)], {10: 1}),
        ([w(10, age_min=1), w(11, risk=2), w(12, age_min=5)], {11: 1, 12: 2, 10: 3}),
    ],
)
def test_positions(waiting: list[Waiting], expected: dict[int, int]) -> None:
    assert positions(waiting) == expected


@pytest.mark.parametrize(
    ("position", "free_slots", "anyone_on_duty", "expected_min"),
    [
        # nobody on duty and no free slot: out of hours
        (1, 0, False, None),
        (4, 0, False, None),
        # everyone on duty busy: one session ends per round
        (1, 0, True, 30),
        (3, 0, True, 90),
        # within the free slots: taken now (free slots imply someone on duty)
        (1, 1, False, 0),
        (2, 2, False, 0),
        (2, 3, True, 0),
        # ceil((position - free) / free) * typical
        (3, 2, False, 30),
        (4, 2, False, 30),
        (5, 2, False, 60),
        (2, 1, False, 30),
        (4, 1, True, 90),
        (7, 3, False, 60),
        (10, 3, False, 90),
    ],
)
def test_estimate_wait(
    position: int, free_slots: int, anyone_on_duty: bool, expected_min: int | None
) -> None:
    got = estimate_wait(position, free_slots, 30 * MIN, anyone_on_duty=anyone_on_duty)
    assert got == (None if expected_min is None else expected_min * MIN)


def test_estimate_wait_defaults_to_out_of_hours_when_nothing_free() -> None:
    assert estimate_wait(1, 0, 30 * MIN) is None


@pytest.mark.parametrize(
    ("position", "free_slots", "typical"),
    [(0, 1, 30 * MIN), (-1, 1, 30 * MIN), (1, -1, 30 * MIN), (1, 1, -MIN)],
)
def test_estimate_wait_rejects_bad_input(
    position: int, free_slots: int, typical: timedelta
) -> None:
    with pytest.raises(ValueError, match="must"):
        estimate_wait(position, free_slots, typical)


@pytest.mark.parametrize(
    ("old", "new", "told_min_ago", "expected"),
    [
        (None, 3, None, True),  # never told
        (None, 1, None, True),
        (3, 2, None, True),
        (3, 2, 5, True),  # changed, last update exactly the interval ago
        (3, 2, 6, True),
        (3, 2, 4, False),  # changed but told too recently
        (3, 3, 60, False),  # unchanged
        (3, 3, None, False),
        (2, 3, 10, True),  # moved back (a higher-risk request came in)
        (3, 2, -1, False),  # told_at in the future (clock skew): wait
    ],
)
def test_should_tell(old: int | None, new: int, told_min_ago: int | None, expected: bool) -> None:
    told_at = None if told_min_ago is None else T0 - told_min_ago * MIN
    assert should_tell(old, new, told_at, T0, 5 * MIN) is expected


def test_a_request_handed_back_from_a_chat_goes_to_the_front_but_risk_still_comes_first() -> None:
    back = Waiting(1, 0, 5, T0, handed_back=True)  # newest, feels best, but handed back
    waiting = [w(2, feeling=1, age_min=30), back, w(3, risk=2), w(4, age_min=60)]
    assert [item.request_id for item in ordered(waiting)] == [3, 1, 2, 4]
    assert positions(waiting)[1] == 2
