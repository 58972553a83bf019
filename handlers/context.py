"""What handlers need from the world, built once by the composition root."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from escalation.detector import Detector
from flows.machine import Context
from handlers.ports import Catalog, Settings

Clock = Callable[[], datetime]

MAX_TEXT = 4096  # Telegram's limit for one message
KEYBOARDS_KEPT = timedelta(days=1)  # how far back an intake's old keyboards are looked for


@dataclass
class BotInfo:
    """Filled in when the transport has connected (getMe)."""

    username: str = "sejawat_bot"


class RecentPresses:
    """Buttons this process handled in the last few seconds (chat, message, data): a second
    tap of the same button, a moment after the first did its work, is a double tap, not a
    stale button (a trial: "that button isn't active anymore" right after it worked)."""

    WINDOW = timedelta(seconds=15)
    SIZE = 4096

    def __init__(self) -> None:
        self._at: OrderedDict[tuple[int, int, str], datetime] = OrderedDict()

    def note(self, key: tuple[int, int, str], now: datetime) -> None:
        self._at[key] = now
        self._at.move_to_end(key)
        while len(self._at) > self.SIZE:
            self._at.popitem(last=False)

    def just_handled(self, key: tuple[int, int, str], now: datetime) -> bool:
        at = self._at.get(key)
        return at is not None and timedelta(0) <= now - at <= self.WINDOW


@dataclass(frozen=True)
class Services:
    config: Settings  # the real Config, seen through handlers.ports
    catalog: Catalog
    clock: Clock
    new_pseudonym: Callable[[], str]
    detector: Detector
    bot: BotInfo
    presses: RecentPresses = field(default_factory=RecentPresses)


def machine_context(services: Services, language: str) -> Context:
    """What a flow machine may know: language, time, limits, how to make a pseudonym."""
    intake = services.config.intake
    return Context(
        language=language,
        now=services.clock(),
        settings={"description_min": intake.description_min,
                  "description_max": intake.description_max},
        new_pseudonym=services.new_pseudonym,
    )
