"""What handlers need of the configuration and the message catalog, as small protocols.

The composition root (bot.app) passes the real pydantic Config and the Fluent Catalog, which
satisfy these structurally (mypy checks it there); tests may pass anything shaped the same.
Only what some handler reads is here: a setting a handler starts to read is added here first.
Members are read-only properties, so a section may be any object with those attributes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol


class Catalog(Protocol):
    """Message catalogs: the default language, the language for a Telegram language code,
    and a message rendered in a language (the outbox renders every Reply through this)."""

    @property
    def default(self) -> str: ...

    def language_for(self, code: str | None) -> str: ...

    def render(self, lang: str, key: str,
               params: Mapping[str, str | int | float] | None = None) -> str: ...


class Weekly(Protocol):
    """Days ("mon".."sun") and local times ("HH:MM") of program hours or of a shift."""

    @property
    def days(self) -> Sequence[str]: ...

    @property
    def start(self) -> str: ...

    @property
    def end(self) -> str: ...


class ShiftEntry(Weekly, Protocol):
    """A weekly shift listed in the config, for the member with this Telegram id."""

    @property
    def telegram_id(self) -> int: ...


class ProgramSettings(Protocol):
    @property
    def timezone(self) -> str: ...

    @property
    def hours(self) -> Sequence[Weekly]: ...  # empty: always open


class IntakeSettings(Protocol):
    @property
    def description_min(self) -> int: ...

    @property
    def description_max(self) -> int: ...


class RoutingSettings(Protocol):
    """Seconds, but for the flags and the default capacity."""

    @property
    def offer_timeout(self) -> int: ...

    @property
    def missed_offers_off_duty(self) -> int: ...

    @property
    def followup(self) -> bool: ...

    @property
    def followup_after(self) -> int: ...

    @property
    def idle_close(self) -> int: ...

    @property
    def idle_grace(self) -> int: ...

    @property
    def default_capacity(self) -> int: ...

    @property
    def allow_media(self) -> bool: ...

    @property
    def queue_update_interval(self) -> int: ...

    @property
    def shift_reminder(self) -> int: ...

    @property
    def unattended_alert(self) -> int: ...

    @property
    def handback_after(self) -> int: ...


class EscalationSettings(Protocol):
    """Seconds."""

    @property
    def ack_timeout_imminent(self) -> int: ...

    @property
    def ack_timeout_high(self) -> int: ...

    @property
    def ack_followup(self) -> int: ...


class WellbeingSettings(Protocol):
    """0 turns each off."""

    @property
    def max_chats_per_day(self) -> int: ...

    @property
    def max_hours_per_week(self) -> float: ...

    @property
    def cooldown_after_crisis(self) -> int: ...  # seconds


class RolesSettings(Protocol):
    @property
    def coordinators(self) -> Sequence[int]: ...  # Telegram ids that are always coordinators

    @property
    def invite_ttl_hours(self) -> int: ...

    @property
    def invite_attempts_per_hour(self) -> int: ...


class PrivacySettings(Protocol):
    @property
    def retention_days(self) -> int: ...


class Settings(Protocol):
    """The configuration sections handlers read."""

    @property
    def program(self) -> ProgramSettings: ...

    @property
    def intake(self) -> IntakeSettings: ...

    @property
    def routing(self) -> RoutingSettings: ...

    @property
    def escalation(self) -> EscalationSettings: ...

    @property
    def wellbeing(self) -> WellbeingSettings: ...

    @property
    def roles(self) -> RolesSettings: ...

    @property
    def privacy(self) -> PrivacySettings: ...

    @property
    def shifts(self) -> Sequence[ShiftEntry]: ...
