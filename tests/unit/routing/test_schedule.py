"""Routing: weekly program hours and shifts in the program's time zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from routing.schedule import (
    DAYS,
    Weekly,
    current_window_end,
    edges,
    is_within,
    next_end,
    next_start,
    time_of_day,
    unknown_days,
)

JKT = ZoneInfo("Asia/Jakarta")  # UTC+7, no DST
AMS = ZoneInfo("Europe/Amsterdam")  # DST: 2025-03-30 01:00 UTC and 2025-10-26 01:00 UTC

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")
OFFICE = Weekly(WEEKDAYS, "08:00", "16:00")
FRI_NIGHT = Weekly(("fri",), "22:00", "02:00")
WEEKEND = Weekly(("sat", "sun"), "09:00", "17:00")
EVENING = Weekly(("sat", "sun"), "20:00", "24:00")
MON_24H = Weekly(("mon",), "10:00", "10:00")
WORKWEEK_ALLDAY = Weekly(WEEKDAYS, "00:00", "24:00")
ALWAYS = Weekly(DAYS, "00:00", "24:00")
NEVER = Weekly((), "08:00", "16:00")
DAILY = Weekly(DAYS, "09:00", "17:00")
NIGHT = Weekly(("sat", "sun"), "20:00", "08:00")
IN_GAP = Weekly(("sun",), "02:30", "03:30")


def j(day: int, hour: int = 0, minute: int = 0) -> datetime:
    """Jakarta local time in January 2025; 2025-01-06 is a Monday."""
    return datetime(2025, 1, day, hour, minute, tzinfo=JKT)


def u(month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(2025, month, day, hour, minute, tzinfo=UTC)


@pytest.mark.parametrize(
    ("windows", "now", "tz", "expected"),
    [
        ([], j(6, 3), JKT, True),
        ([OFFICE], j(6, 8), JKT, True),  # exactly at start: open
        ([OFFICE], j(6, 7, 59), JKT, False),
        ([OFFICE], j(6, 15, 59), JKT, True),
        ([OFFICE], j(6, 16), JKT, False),  # exactly at end: closed
        ([OFFICE], j(11, 10), JKT, False),  # Saturday
        ([OFFICE], u(1, 6, 1), JKT, True),  # 01:00 UTC is 08:00 in Jakarta
        ([OFFICE], u(1, 6, 0, 59), JKT, False),
        ([FRI_NIGHT], j(10, 23), JKT, True),
        ([FRI_NIGHT], j(11, 1, 59), JKT, True),  # Saturday, still Friday's shift
        ([FRI_NIGHT], j(11, 2), JKT, False),
        ([FRI_NIGHT], j(10, 21, 59), JKT, False),
        ([FRI_NIGHT], j(9, 23), JKT, False),  # Thursday
        ([FRI_NIGHT], j(6, 1), JKT, False),  # Monday early: no Sunday shift
        ([EVENING], j(12, 23, 59), JKT, True),
        ([EVENING], j(13, 0), JKT, False),  # "24:00" ends at Monday 00:00
        ([WEEKEND], j(11, 12), JKT, True),
        ([WEEKEND], j(12, 16, 59), JKT, True),
        ([WEEKEND], j(10, 12), JKT, False),
        ([MON_24H], j(7, 9, 59), JKT, True),
        ([MON_24H], j(7, 10), JKT, False),
        ([NEVER], j(6, 10), JKT, False),
        ([ALWAYS], j(8, 3), JKT, True),
        (
            [Weekly(("mon",), "08:00", "12:00"), Weekly(("mon",), "13:00", "17:00")],
            j(6, 12, 30),
            JKT,
            False,
        ),
        (
            [Weekly(("mon",), "08:00", "12:00"), Weekly(("mon",), "13:00", "17:00")],
            j(6, 13),
            JKT,
            True,
        ),
        # 09:00-17:00 in Amsterdam: 07:30 UTC is open in summer time only
        ([DAILY], u(3, 30, 7, 30), AMS, True),  # 09:30 CEST, the day clocks go forward
        ([DAILY], u(3, 30, 6, 30), AMS, False),  # 08:30 CEST
        ([DAILY], u(3, 29, 7, 30), AMS, False),  # 08:30 CET
        ([DAILY], u(10, 26, 7, 30), AMS, False),  # 08:30 CET, the day clocks go back
        ([DAILY], u(10, 26, 15, 30), AMS, True),  # 16:30 CET
    ],
)
def test_is_within(windows: list[Weekly], now: datetime, tz: ZoneInfo, expected: bool) -> None:
    assert is_within(windows, now, tz) is expected


@pytest.mark.parametrize(
    ("windows", "after", "tz", "expected"),
    [
        ([], j(6), JKT, None),
        ([NEVER], j(6), JKT, None),
        ([ALWAYS], j(6), JKT, None),  # never closes, so never opens
        ([OFFICE], j(6, 7), JKT, j(6, 8)),
        ([OFFICE], j(6, 8), JKT, j(7, 8)),  # strictly after an edge
        ([OFFICE], j(6, 7, 59), JKT, j(6, 8)),
        ([OFFICE], j(10, 16), JKT, j(13, 8)),  # Friday close -> Monday
        ([WEEKEND], j(6, 10), JKT, j(11, 9)),
        ([WEEKEND], j(11, 9), JKT, j(12, 9)),
        ([FRI_NIGHT], j(11, 1), JKT, j(17, 22)),
        ([EVENING], j(12, 23), JKT, j(18, 20)),
        ([MON_24H], j(6, 10), JKT, j(13, 10)),
        ([WORKWEEK_ALLDAY], j(7, 12), JKT, j(13, 0)),  # Mon 00:00 after the weekend
        # several windows: the earliest opening
        (
            [Weekly(("wed",), "10:00", "11:00"), Weekly(("tue",), "15:00", "16:00")],
            j(6),
            JKT,
            j(7, 15),
        ),
        # adjacent windows are one stretch: 12:00 is not an opening
        (
            [Weekly(("mon",), "08:00", "12:00"), Weekly(("mon",), "12:00", "16:00")],
            j(6, 10),
            JKT,
            j(13, 8),
        ),
        (
            [Weekly(("mon",), "08:00", "12:00"), Weekly(("mon",), "13:00", "16:00")],
            j(6, 10),
            JKT,
            j(6, 13),
        ),
        ([DAILY], u(3, 29, 17), AMS, u(3, 30, 7)),  # 09:00 CEST
        ([DAILY], u(3, 28, 17), AMS, u(3, 29, 8)),  # 09:00 CET
        ([DAILY], u(10, 25, 17), AMS, u(10, 26, 8)),  # 09:00 CET
        ([Weekly(("sun",), "02:30", "04:00")], u(3, 29), AMS, u(3, 30, 1, 30)),  # in the gap
    ],
)
def test_next_start(
    windows: list[Weekly], after: datetime, tz: ZoneInfo, expected: datetime | None
) -> None:
    got = next_start(windows, after, tz)
    assert got == expected
    assert got is None or got.tzinfo is UTC


@pytest.mark.parametrize(
    ("window", "after", "tz", "expected"),
    [
        (OFFICE, j(6, 10), JKT, j(6, 16)),
        (OFFICE, j(6, 7), JKT, j(6, 16)),  # before the start: the coming end
        (OFFICE, j(6, 16), JKT, j(7, 16)),  # strictly after an edge
        (OFFICE, j(10, 17), JKT, j(13, 16)),
        (FRI_NIGHT, j(10, 23), JKT, j(11, 2)),
        (FRI_NIGHT, j(11, 2), JKT, j(18, 2)),
        (EVENING, j(11, 21), JKT, j(12, 0)),
        (EVENING, j(12, 21), JKT, j(13, 0)),
        (MON_24H, j(6, 12), JKT, j(7, 10)),
        (WORKWEEK_ALLDAY, j(7, 10), JKT, j(11, 0)),  # merged: Saturday 00:00
        (WORKWEEK_ALLDAY, j(11, 10), JKT, j(18, 0)),
        (ALWAYS, j(7, 10), JKT, None),
        (Weekly(DAYS, "10:00", "10:00"), j(7, 10), JKT, None),
        (NEVER, j(7, 10), JKT, None),
        (NIGHT, u(3, 29, 20), AMS, u(3, 30, 6)),  # 08:00 CEST: an 11-hour night
        (NIGHT, u(10, 25, 19), AMS, u(10, 26, 7)),  # 08:00 CET: a 13-hour night
        (DAILY, u(3, 30, 9), AMS, u(3, 30, 15)),  # 17:00 CEST
    ],
)
def test_next_end(window: Weekly, after: datetime, tz: ZoneInfo, expected: datetime | None) -> None:
    got = next_end(window, after, tz)
    assert got == expected
    assert got is None or got.tzinfo is UTC


@pytest.mark.parametrize(
    ("windows", "now", "tz", "expected"),
    [
        ([], j(6, 10), JKT, None),  # always open, never ends
        ([OFFICE], j(6, 7), JKT, None),  # closed
        ([OFFICE], j(6, 16), JKT, None),  # closed exactly at the end
        ([OFFICE], j(6, 8), JKT, j(6, 16)),
        ([OFFICE], j(6, 10), JKT, j(6, 16)),
        ([FRI_NIGHT], j(11, 1), JKT, j(11, 2)),
        ([EVENING], j(12, 23), JKT, j(13, 0)),
        ([ALWAYS], j(6, 10), JKT, None),
        ([WORKWEEK_ALLDAY], j(9, 10), JKT, j(11, 0)),
        (
            [Weekly(("mon",), "08:00", "12:00"), Weekly(("mon",), "11:00", "14:00")],
            j(6, 9),
            JKT,
            j(6, 14),
        ),
        (
            [Weekly(("mon",), "08:00", "12:00"), Weekly(("mon",), "12:00", "16:00")],
            j(6, 9),
            JKT,
            j(6, 16),
        ),
        ([FRI_NIGHT, Weekly(("sat",), "02:00", "06:00")], j(10, 23), JKT, j(11, 6)),
        (
            [Weekly(("mon",), "08:00", "12:00"), Weekly(("mon",), "13:00", "16:00")],
            j(6, 9),
            JKT,
            j(6, 12),
        ),
        ([NIGHT], u(3, 29, 23), AMS, u(3, 30, 6)),
        ([DAILY], u(10, 26, 9), AMS, u(10, 26, 16)),  # 17:00 CET
    ],
)
def test_current_window_end(
    windows: list[Weekly], now: datetime, tz: ZoneInfo, expected: datetime | None
) -> None:
    assert current_window_end(windows, now, tz) == expected


@pytest.mark.parametrize(
    ("window", "after", "until", "tz", "expected"),
    [
        (OFFICE, j(6), j(7, 12), JKT, [("start", j(6, 8)), ("end", j(6, 16)), ("start", j(7, 8))]),
        (OFFICE, j(6, 8), j(6, 16), JKT, [("end", j(6, 16))]),  # (after, until]
        (OFFICE, j(6, 16), j(6, 20), JKT, []),
        (OFFICE, j(7), j(6), JKT, []),  # until before after
        (OFFICE, j(10, 12), j(13, 9), JKT, [("end", j(10, 16)), ("start", j(13, 8))]),
        (FRI_NIGHT, j(10), j(11, 12), JKT, [("start", j(10, 22)), ("end", j(11, 2))]),
        (FRI_NIGHT, j(11, 1), j(11, 12), JKT, [("end", j(11, 2))]),
        (
            EVENING,
            j(10),
            j(13, 12),
            JKT,
            [("start", j(11, 20)), ("end", j(12, 0)), ("start", j(12, 20)), ("end", j(13, 0))],
        ),
        (
            WEEKEND,
            j(6),
            j(13),
            JKT,
            [("start", j(11, 9)), ("end", j(11, 17)), ("start", j(12, 9)), ("end", j(12, 17))],
        ),
        # no edges at the midnights inside a merged stretch
        (WORKWEEK_ALLDAY, j(5, 12), j(12, 12), JKT, [("start", j(6)), ("end", j(11))]),
        (ALWAYS, j(5), j(20), JKT, []),
        (NEVER, j(5), j(20), JKT, []),
        (MON_24H, j(5), j(8), JKT, [("start", j(6, 10)), ("end", j(7, 10))]),
        (
            NIGHT,
            u(3, 29),
            u(3, 31, 12),
            AMS,
            [
                ("start", u(3, 29, 19)),
                ("end", u(3, 30, 6)),
                ("start", u(3, 30, 18)),
                ("end", u(3, 31, 6)),
            ],
        ),
        (IN_GAP, u(3, 29), u(3, 31), AMS, []),  # 02:30-03:30 does not exist that Sunday
        (
            IN_GAP,
            u(10, 25),
            u(10, 27),
            AMS,
            [("start", u(10, 26, 0, 30)), ("end", u(10, 26, 2, 30))],
        ),
    ],
)
def test_edges(
    window: Weekly,
    after: datetime,
    until: datetime,
    tz: ZoneInfo,
    expected: list[tuple[str, datetime]],
) -> None:
    got = edges(window, after, until, tz)
    assert got == expected
    assert all(moment.tzinfo is UTC for _, moment in got)


@pytest.mark.parametrize(
    ("window", "tz", "start"),
    [
        (OFFICE, JKT, j(5, 13)),
        (FRI_NIGHT, JKT, j(5, 13)),
        (EVENING, JKT, j(5, 13)),
        (MON_24H, JKT, j(5, 13)),
        (WORKWEEK_ALLDAY, JKT, j(5, 13)),
        (NIGHT, AMS, u(3, 24)),
        (DAILY, AMS, u(3, 24)),
        (DAILY, AMS, u(10, 20)),
        (Weekly(("sun",), "01:45", "02:45"), AMS, u(3, 24)),
        (Weekly(("sun",), "01:45", "02:45"), AMS, u(10, 20)),
    ],
)
def test_edges_agree_with_is_within(window: Weekly, tz: ZoneInfo, start: datetime) -> None:
    # edges over three weeks, checked against the first two (so a next edge is always known)
    found = edges(window, start, start + timedelta(days=21), tz)
    assert found, "expected edges within two weeks"
    kinds = [kind for kind, _ in found]
    assert all(a != b for a, b in zip(kinds, kinds[1:], strict=False))  # alternate
    open_now = is_within([window], start, tz)
    step = timedelta(minutes=15)
    checks = sorted(
        {start + step * i for i in range(14 * 96)}
        | {t for _, t in found if t < start + timedelta(days=14)}
    )
    pending = list(found)
    for moment in checks:
        while pending and pending[0][1] <= moment:
            open_now = pending.pop(0)[0] == "start"
        assert is_within([window], moment, tz) is open_now, moment
        if open_now:
            assert current_window_end([window], moment, tz) == next_end(window, moment, tz)
        else:
            assert next_start([window], moment, tz) == pending[0][1]


@pytest.mark.parametrize(
    ("days", "start", "end"),
    [
        (("monday",), "08:00", "16:00"),
        (("Mon",), "08:00", "16:00"),
        (("mon",), "8:00", "16:00"),
        (("mon",), "08:00", "16"),
        (("mon",), "24:00", "16:00"),
        (("mon",), "25:00", "16:00"),
        (("mon",), "08:60", "16:00"),
        (("mon",), "08:00", "24:01"),
        (("mon",), "08:00", "24:30"),
    ],
)
def test_weekly_rejects_bad_values(days: tuple[str, ...], start: str, end: str) -> None:
    with pytest.raises(ValueError, match="time|days"):
        Weekly(days, start, end)


def test_weekly_accepts_end_of_day() -> None:
    assert Weekly(("sun",), "00:00", "24:00").end == "24:00"


@pytest.mark.parametrize(
    "call",
    [
        lambda: is_within([OFFICE], datetime(2025, 1, 6, 9), JKT),
        lambda: next_start([OFFICE], datetime(2025, 1, 6, 9), JKT),
        lambda: next_end(OFFICE, datetime(2025, 1, 6, 9), JKT),
        lambda: edges(OFFICE, datetime(2025, 1, 6, 9), j(7), JKT),
        lambda: current_window_end([OFFICE], datetime(2025, 1, 6, 9), JKT),
    ],
)
def test_naive_datetimes_rejected(call: object) -> None:
    assert callable(call)
    with pytest.raises(ValueError, match="aware"):
        call()


@pytest.mark.parametrize(("typed", "stored"), [
    ("08:00", "08:00"), ("8:00", "08:00"), ("0:5", "00:05"), ("24:00", "24:00"),
])
def test_a_time_of_day_as_people_type_it(typed: str, stored: str) -> None:
    assert time_of_day(typed) == stored


@pytest.mark.parametrize("typed", ["24:01", "25:00", "12:60", "8", "8:00:00", "", "-1:00",
                                   "8.00"])
def test_anything_else_is_not_a_time_of_day(typed: str) -> None:
    with pytest.raises(ValueError, match="is not a time of day like 08:00"):
        time_of_day(typed)
    with pytest.raises(ValueError, match=r"²"):  # a digit, not one int() reads
        time_of_day("²:00")


def test_unknown_days_are_named() -> None:
    assert unknown_days(["mon", "sun"]) == []
    assert unknown_days(["mon", "Mon", "", "senin", 1]) == ["Mon", "", "senin", 1]
