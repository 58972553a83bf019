"""What handlers need from the world, built once by the composition root."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from bot.config import Config
from bot.i18n import Catalog

Clock = Callable[[], datetime]

MAX_TEXT = 4096  # Telegram's limit for one message


@dataclass(frozen=True)
class Services:
    config: Config
    catalog: Catalog
    clock: Clock
    new_pseudonym: Callable[[], str]
