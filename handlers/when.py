"""Time as people say it and as the program counts it (the program's time zone)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from handlers.context import Services


def elapsed(age: timedelta) -> tuple[int, str]:
    """How long ago, as a person says it: minutes up to two hours, then hours up to two days,
    then days (a case open three days read "4320 min")."""
    minutes = max(0, int(age.total_seconds() // 60))
    if minutes < 120:
        return minutes, "min"
    if minutes < 48 * 60:
        return minutes // 60, "hour"
    return minutes // (24 * 60), "day"


def day_start(services: Services, now: datetime) -> datetime:
    """Today 00:00, in the program's time zone."""
    local = now.astimezone(ZoneInfo(services.config.program.timezone))
    return local.replace(hour=0, minute=0, second=0, microsecond=0)


def week_start(services: Services, now: datetime) -> datetime:
    """Monday 00:00 of this week, in the program's time zone."""
    midnight = day_start(services, now)
    return midnight - timedelta(days=midnight.weekday())
