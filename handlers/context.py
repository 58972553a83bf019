"""What handlers need from the world, built once by the composition root."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from escalation.detector import Detector
from flows.machine import Context
from handlers.ports import Catalog, Settings

Clock = Callable[[], datetime]

MAX_TEXT = 4096  # Telegram's limit for one message


@dataclass
class BotInfo:
    """Filled in when the transport has connected (getMe)."""

    username: str = "sejawat_bot"


@dataclass(frozen=True)
class Services:
    config: Settings  # the real Config, seen through handlers.ports
    catalog: Catalog
    clock: Clock
    new_pseudonym: Callable[[], str]
    detector: Detector
    bot: BotInfo


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
