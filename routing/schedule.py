"""Weekly program hours and shifts in the program's time zone.

Pure domain code (stdlib ``zoneinfo``). A ``Weekly`` window opens on each listed local day at
``start`` and closes at ``end`` the same day, or the next day when ``end <= start`` (so
``start == end`` is a 24-hour window); ``"24:00"`` means the following midnight. Windows are
half-open: open at ``start``, closed at ``end``.

Occurrences that touch or overlap are merged, so a ``mon``-``fri`` ``00:00``-``24:00`` window
is one stretch that ends on Saturday 00:00, with no edges at the midnights in between. Across
several windows, functions reason about their union (when the program is open at all).

All datetimes in and out are aware; results are in UTC. Local times that do not exist (the
spring-forward gap) shift forward by the gap; ambiguous ones (fall-back) take the first
occurrence, as ``zoneinfo`` does with ``fold=0``; an occurrence left empty by the gap is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

__all__ = [
    "DAYS",
    "Weekly",
    "current_window_end",
    "edges",
    "is_within",
    "next_end",
    "next_start",
    "overlap",
    "time_of_day",
    "unknown_days",
]

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_HHMM = re.compile(r"(\d{2}):(\d{2})")
_DAY = timedelta(days=1)
# Merged stretches are searched this many local days ahead; a weekly schedule that is still
# open after that never closes. Occurrences are generated from two days back because a window
# lasts at most 24 wall-clock hours (25 real hours across a DST change).
_AHEAD = 9
_BACK = 2


def time_of_day(value: str) -> str:
    """A time of day as people type it ("8:00", "08:00", "24:00"), as "HH:MM"; ValueError
    naming the value otherwise. The rule for program hours and shifts in the config and in
    /shifts add."""
    parts = value.split(":")
    if len(parts) != 2 or not all(p.isdigit() for p in parts):
        raise ValueError(f"{value!r} is not a time of day like 08:00")
    hour, minute = int(parts[0]), int(parts[1])
    if not (0 <= hour <= 24 and 0 <= minute < 60) or (hour == 24 and minute):
        raise ValueError(f"{value!r} is not a time of day like 08:00")
    return f"{hour:02d}:{minute:02d}"


def overlap(a: Weekly, b: Weekly) -> bool:
    """True when the two weekly windows share some time in the week (local wall clock;
    windows that only touch, one ending as the other starts, do not overlap). A window that
    runs past midnight counts into the next day, Sunday's into Monday."""
    week = 7 * 24 * 60

    def spans(window: Weekly) -> list[tuple[int, int]]:
        start = _minutes(window.start, allow_24=False)
        end = _minutes(window.end, allow_24=True)
        if end <= start:
            end += 24 * 60
        return [(DAYS.index(d) * 24 * 60 + start, DAYS.index(d) * 24 * 60 + end)
                for d in window.days]

    return any(begin < other_end + shift and other_begin + shift < end
               for begin, end in spans(a) for other_begin, other_end in spans(b)
               for shift in (-week, 0, week))


def unknown_days(days: Iterable[object]) -> list[object]:
    """The entries of ``days`` that are not one of ``DAYS``."""
    return [day for day in days if day not in DAYS]


def _minutes(value: str, *, allow_24: bool) -> int:
    match = _HHMM.fullmatch(value)
    if match is None:
        raise ValueError(f"time must be HH:MM, got {value!r}")
    hours, minutes = int(match[1]), int(match[2])
    if allow_24 and (hours, minutes) == (24, 0):
        return 24 * 60
    if hours > 23 or minutes > 59:
        raise ValueError(f"time out of range: {value!r}")
    return hours * 60 + minutes


@dataclass(frozen=True)
class Weekly:
    """Open on ``days`` (subset of ``DAYS``) from ``start`` to ``end`` ("HH:MM" local)."""

    days: tuple[str, ...]
    start: str
    end: str  # "24:00" allowed; end <= start runs past midnight into the next day

    def __post_init__(self) -> None:
        unknown = [day for day in self.days if day not in DAYS]
        if unknown:
            raise ValueError(f"unknown days {unknown}; use {DAYS}")
        _minutes(self.start, allow_24=False)
        _minutes(self.end, allow_24=True)


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("datetime must be timezone-aware")
    return moment.astimezone(UTC)


def _at(day: date, minutes: int, tz: ZoneInfo) -> datetime:
    day += timedelta(days=minutes // (24 * 60))
    minutes %= 24 * 60
    local = datetime.combine(day, time(minutes // 60, minutes % 60), tzinfo=tz)
    return local.astimezone(UTC)


def _stretches(
    windows: Sequence[Weekly], first: date, last: date, tz: ZoneInfo
) -> list[tuple[datetime, datetime]]:
    """Merged UTC ``(start, end)`` of occurrences starting on local dates ``first..last``."""
    spans: list[tuple[datetime, datetime]] = []
    for window in windows:
        start = _minutes(window.start, allow_24=False)
        end = _minutes(window.end, allow_24=True)
        if end <= start:
            end += 24 * 60
        day = first
        while day <= last:
            if DAYS[day.weekday()] in window.days:
                begin, finish = _at(day, start, tz), _at(day, end, tz)
                if begin < finish:  # a window inside a DST gap does not happen that day
                    spans.append((begin, finish))
            day += _DAY
    spans.sort()
    merged: list[tuple[datetime, datetime]] = []
    for begin, finish in spans:
        if merged and begin <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], finish))
        else:
            merged.append((begin, finish))
    return merged


def _around(
    windows: Sequence[Weekly], moment: datetime, tz: ZoneInfo, ahead: int = _AHEAD
) -> tuple[datetime, list[tuple[datetime, datetime]]]:
    moment = _utc(moment)
    today = moment.astimezone(tz).date()
    return moment, _stretches(windows, today - timedelta(days=_BACK), today + timedelta(ahead), tz)


def _horizon(moment: datetime, tz: ZoneInfo) -> datetime:
    """Ends before this instant are real ends (not cut off by the generated range)."""
    today = moment.astimezone(tz).date()
    return _at(today + timedelta(days=_AHEAD - 1), 0, tz)


def is_within(windows: Sequence[Weekly], now: datetime, tz: ZoneInfo) -> bool:
    """True when ``now`` falls inside some window; no windows means always open."""
    if not windows:
        return True
    now, stretches = _around(windows, now, tz, ahead=0)
    return any(begin <= now < finish for begin, finish in stretches)


def next_start(windows: Sequence[Weekly], after: datetime, tz: ZoneInfo) -> datetime | None:
    """The first moment strictly after ``after`` at which the schedule opens.

    None when there are no windows, no window has days, or the schedule never closes.
    """
    after, stretches = _around(windows, after, tz)
    return next((begin for begin, _ in stretches if begin > after), None)


def _end_after(windows: Sequence[Weekly], after: datetime, tz: ZoneInfo) -> datetime | None:
    after, stretches = _around(windows, after, tz)
    horizon = _horizon(after, tz)
    return next((end for _, end in stretches if after < end <= horizon), None)


def next_end(window: Weekly, after: datetime, tz: ZoneInfo) -> datetime | None:
    """The first moment strictly after ``after`` at which ``window`` closes.

    None when the window has no days or never closes (every day, ``start == end``).
    """
    return _end_after([window], after, tz)


def current_window_end(windows: Sequence[Weekly], now: datetime, tz: ZoneInfo) -> datetime | None:
    """If open at ``now``, the moment the schedule closes; None if closed or it never closes."""
    if not windows or not is_within(windows, now, tz):
        return None
    return _end_after(windows, now, tz)


def edges(
    window: Weekly, after: datetime, until: datetime, tz: ZoneInfo
) -> list[tuple[str, datetime]]:
    """``("start", t)`` and ``("end", t)`` of ``window`` with ``after < t <= until``, in order."""
    after, until = _utc(after), _utc(until)
    if until <= after:
        return []
    first = after.astimezone(tz).date() - timedelta(days=_BACK)
    last = until.astimezone(tz).date() + timedelta(days=1)
    found: list[tuple[str, datetime]] = []
    for begin, finish in _stretches([window], first, last, tz):
        for kind, moment in (("start", begin), ("end", finish)):
            if after < moment <= until:
                found.append((kind, moment))
    return found
