"""The acknowledgement ladder: who is paged when, refusals, acknowledgement, repeats."""

from __future__ import annotations

from datetime import timedelta

import pytest

from escalation.detector import RiskLevel
from escalation.ladder import (
    COORDINATOR,
    COUNSELOR,
    LadderState,
    Page,
    Staff,
    Timeouts,
    ack_timeout,
    on_acknowledged,
    on_delivery_failed,
    on_timeout,
    start,
)

HIGH, IMMINENT = RiskLevel.HIGH, RiskLevel.IMMINENT
T = Timeouts()  # 2 min imminent, 5 min high, repeats capped at 15 min
Step = tuple[tuple[int, ...], int | None, bool, bool]  # ids, minutes, broadcast, notify


def minutes(m: int) -> timedelta:
    return timedelta(minutes=m)


def team(on_duty: int) -> list[Staff]:
    """Counselors 1-3 (the first ``on_duty`` on duty), an on-duty but inactive counselor 5,
    an active coordinator 8 and an inactive coordinator 9. Everyone reachable: 1, 2, 3, 8."""
    return [
        *(Staff(i, COUNSELOR, i <= on_duty, True) for i in (1, 2, 3)),
        Staff(5, COUNSELOR, True, False),
        Staff(8, COORDINATOR, False, True),
        Staff(9, COORDINATOR, True, False),
    ]


def summary(page: Page) -> Step:
    mins = None if page.next_check_in is None else int(page.next_check_in / minutes(1))
    return page.member_ids, mins, page.broadcast, page.notify_student_again


def run(level: RiskLevel, staff: list[Staff], timeouts: int) -> tuple[LadderState, list[Step]]:
    state, page = start(level, staff, T)
    pages = [summary(page)]
    for _ in range(timeouts):
        state, page = on_timeout(state, level, staff, T)
        pages.append(summary(page))
    return state, pages


@pytest.mark.parametrize(
    ("level", "imminent", "high", "expected"),
    [
        (IMMINENT, 2, 5, 2),
        (HIGH, 2, 5, 5),
        (RiskLevel.CONCERN, 2, 5, 5),  # a manual referral is HIGH; never shorter than HIGH
        (RiskLevel.NONE, 2, 5, 5),
        (IMMINENT, 1, 10, 1),
        (HIGH, 1, 10, 10),
    ],
)
def test_ack_timeout(level: RiskLevel, imminent: int, high: int, expected: int) -> None:
    assert ack_timeout(level, minutes(imminent), minutes(high)) == minutes(expected)


@pytest.mark.parametrize(
    "timeouts",
    [
        {"imminent": timedelta(0)},
        {"high": minutes(-1)},
        {"repeat_cap": timedelta(0)},
    ],
)
def test_timeouts_must_be_positive(timeouts: dict[str, timedelta]) -> None:
    with pytest.raises(ValueError, match="positive"):
        Timeouts(**timeouts)


EVERYONE = (1, 2, 3, 8)


@pytest.mark.parametrize(
    ("level", "on_duty", "expected"),
    [
        # no counselor on duty: everyone at once (broadcast), then repeats with back-off
        (HIGH, 0, [(EVERYONE, 5, True, False), (EVERYONE, 10, True, True)]),
        (IMMINENT, 0, [(EVERYONE, 2, True, False), (EVERYONE, 4, True, True)]),
        # one on duty: that counselor, then everyone
        (HIGH, 1, [((1,), 5, False, False), (EVERYONE, 5, True, True), (EVERYONE, 10, True, True)]),
        # two: counselor, next counselor, everyone
        (
            IMMINENT,
            2,
            [((1,), 2, False, False), ((2,), 2, False, True), (EVERYONE, 2, True, True)],
        ),
        # three: still only two individual rungs, the third counselor is in the broadcast
        (HIGH, 3, [((1,), 5, False, False), ((2,), 5, False, True), (EVERYONE, 5, True, True)]),
    ],
)
def test_progression(level: RiskLevel, on_duty: int, expected: list[Step]) -> None:
    _, pages = run(level, team(on_duty), len(expected) - 1)
    assert pages == expected


@pytest.mark.parametrize(
    ("level", "intervals"),
    [
        (HIGH, [5, 5, 5, 10, 15, 15, 15]),  # 2 rungs, broadcast, then 10, capped at 15
        (IMMINENT, [2, 2, 2, 4, 8, 15, 15]),
    ],
)
def test_repeats_back_off_but_never_stop(level: RiskLevel, intervals: list[int]) -> None:
    state, pages = run(level, team(2), len(intervals) - 1)
    assert [p[1] for p in pages] == intervals
    assert all(ids == EVERYONE and notify for ids, _, _, notify in pages[2:])
    assert state.paged == EVERYONE  # each member recorded once, in paging order
    assert state.step == len(intervals)


def test_repeat_interval_is_never_below_the_timeout() -> None:
    timeouts = Timeouts(imminent=minutes(20), high=minutes(30), repeat_cap=minutes(15))
    state, page = start(HIGH, team(0), timeouts)
    for _ in range(3):
        state, page = on_timeout(state, HIGH, team(0), timeouts)
    assert page.next_check_in == minutes(30)


@pytest.mark.parametrize(
    ("staff", "expected"),
    [
        ([Staff(4, COUNSELOR, True, True), Staff(1, COUNSELOR, True, True)], ((4,), False)),
        ([Staff(1, COUNSELOR, True, False), Staff(2, COUNSELOR, True, True)], ((2,), False)),
        ([Staff(1, COUNSELOR, False, True), Staff(2, COUNSELOR, True, True)], ((2,), False)),
        ([Staff(1, COUNSELOR, False, True), Staff(8, COORDINATOR, True, True)], ((1, 8), True)),
        ([Staff(8, COORDINATOR, True, True), Staff(7, COORDINATOR, False, True)], ((8, 7), True)),
        ([Staff(8, COORDINATOR, True, True), Staff(8, COUNSELOR, False, True)], ((8,), True)),
        ([Staff(8, COORDINATOR, True, True), Staff(6, "supporter", True, True)], ((8,), True)),
    ],
)
def test_start_picks(staff: list[Staff], expected: tuple[tuple[int, ...], bool]) -> None:
    state, page = start(HIGH, staff, T)
    assert (page.member_ids, page.broadcast) == expected
    assert (page.step, page.next_check_in, page.notify_student_again) == (1, minutes(5), False)
    assert state == LadderState(1, expected[0], (), None, 1 if expected[1] else 0)


@pytest.mark.parametrize(
    "staff",
    [
        [],
        [Staff(1, COUNSELOR, True, False), Staff(8, COORDINATOR, True, False)],
        [Staff(6, "supporter", True, True)],
    ],
)
def test_nobody_to_page_keeps_trying_and_reassures(staff: list[Staff]) -> None:
    state, page = start(IMMINENT, staff, T)
    assert page == Page((), minutes(2), 1, broadcast=True, notify_student_again=True)
    state, page = on_timeout(state, IMMINENT, staff, T)
    assert page == Page((), minutes(4), 2, broadcast=True, notify_student_again=True)
    # staff show up later: the next check pages them
    state, page = on_timeout(state, IMMINENT, [Staff(8, COORDINATOR, False, True)], T)
    assert (page.member_ids, page.next_check_in) == ((8,), minutes(8))
    assert state.paged == (8,)


def test_timeout_before_start_starts() -> None:
    assert on_timeout(LadderState(), HIGH, team(1), T) == start(HIGH, team(1), T)


def test_level_raised_mid_ladder_uses_the_shorter_timeout() -> None:
    state, page = start(HIGH, team(2), T)
    assert page.next_check_in == minutes(5)
    _, page = on_timeout(state, IMMINENT, team(2), T)
    assert (page.member_ids, page.next_check_in) == ((2,), minutes(2))


# ---- refused pings ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("on_duty", "events", "expected"),
    [
        # the only on-duty counselor blocked the bot: everyone else at once
        (1, ["fail 1"], [((2, 3, 8), 5, True, True)]),
        # c1 refused: c2 at once, refusals don't use up a rung, so c3 before the broadcast
        (
            3,
            ["fail 1", "timeout", "timeout"],
            [((2,), 5, False, True), ((3,), 5, False, True), ((2, 3, 8), 5, True, True)],
        ),
        # a late refusal from c1 after c2 was paged still moves on at once
        (3, ["timeout", "fail 1"], [((2,), 5, False, True), ((3,), 5, False, True)]),
        # during the broadcast one refusal pages nobody new; the repeat leaves them out
        (
            0,
            ["fail 8", "timeout"],
            [((), 5, False, False), ((1, 2, 3), 10, True, True)],
        ),
        # everyone refused: nobody is reached, reassure the student, keep the timer
        (
            0,
            ["fail 1", "fail 2", "fail 3", "fail 8", "timeout"],
            [
                ((), 5, False, False),
                ((), 5, False, False),
                ((), 5, False, False),
                ((), 5, False, True),
                ((), 10, True, True),
            ],
        ),
        # duplicate and unknown reports change nothing
        (
            2,
            ["fail 1", "fail 1", "fail 7"],
            [((2,), 5, False, True), ((), 5, False, False), ((), 5, False, False)],
        ),
    ],
)
def test_delivery_failures(on_duty: int, events: list[str], expected: list[Step]) -> None:
    staff = team(on_duty)
    state, _ = start(HIGH, staff, T)
    pages = []
    for event in events:
        before = state
        if event == "timeout":
            state, page = on_timeout(state, HIGH, staff, T)
        else:
            member = int(event.split()[1])
            state, page = on_delivery_failed(state, member, HIGH, staff, T)
            if not page.member_ids and not page.notify_student_again:
                assert page.step == before.step  # no-op: same step, same interval
        pages.append(summary(page))
    assert pages == expected


def test_failed_members_are_recorded_once() -> None:
    state, _ = start(HIGH, team(2), T)
    state, _ = on_delivery_failed(state, 1, HIGH, team(2), T)
    again, page = on_delivery_failed(state, 1, HIGH, team(2), T)
    assert again == state
    assert state.failed == (1,)
    assert state.paged == (1, 2)
    assert page.member_ids == ()


def test_delivery_failure_before_start_does_nothing() -> None:
    state, page = on_delivery_failed(LadderState(), 1, HIGH, team(1), T)
    assert state == LadderState()
    assert page.member_ids == ()


# ---- acknowledgement --------------------------------------------------------------------------
STOPPED = ((), None, False, False)


@pytest.mark.parametrize(("on_duty", "timeouts_before_ack"), [(0, 0), (1, 0), (2, 1), (2, 4)])
def test_acknowledgement_stops_the_ladder(on_duty: int, timeouts_before_ack: int) -> None:
    staff = team(on_duty)
    state, _ = run(HIGH, staff, timeouts_before_ack)
    acked = on_acknowledged(state, 3)
    assert acked.acknowledged_by == 3
    for _ in range(3):  # idempotent: timers that still fire do nothing
        after, page = on_timeout(acked, HIGH, staff, T)
        assert after == acked
        assert summary(page) == STOPPED
        assert page.step == state.step
    after, page = on_delivery_failed(acked, 1, HIGH, staff, T)
    assert (after, summary(page)) == (acked, STOPPED)


def test_first_acknowledgement_wins() -> None:
    state, _ = start(IMMINENT, team(2), T)
    state = on_acknowledged(state, 1)
    assert on_acknowledged(state, 2) == state
    assert state.acknowledged_by == 1


def test_states_and_pages_are_frozen() -> None:
    state, page = start(HIGH, team(1), T)
    with pytest.raises(AttributeError):
        state.step = 5  # type: ignore[misc]
    with pytest.raises(AttributeError):
        page.member_ids = ()  # type: ignore[misc]


def test_a_ping_delayed_by_an_outage_pages_the_next_but_keeps_the_first_in_the_ladder() -> None:
    """A 5xx is not a refusal: the next counselor is paged now, and the first, whose ping is
    still being retried, stays reachable for the broadcast (it was dropped from it before)."""
    staff = team(3)
    state, _ = start(HIGH, staff, T)
    state, page = on_delivery_failed(state, 1, HIGH, staff, T, permanent=False)
    assert page.member_ids == (2,)
    assert state.failed == ()
    state, page = on_timeout(state, HIGH, staff, T)
    assert page.broadcast
    assert 1 in page.member_ids
