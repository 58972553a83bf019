"""Local fake Telegram Bot API server ("sandbox") with a control API for tests and demos."""

from sandbox.botapi import SandboxBotApi
from sandbox.client import SandboxClient, SandboxControlError
from sandbox.simulate import SimulationError
from sandbox.types import (
    BotMessage,
    CallbackAnswer,
    ChatAction,
    Event,
    Fault,
    Stats,
    UpdateRef,
    UserInfo,
)

__all__ = [
    "BotMessage",
    "CallbackAnswer",
    "ChatAction",
    "Event",
    "Fault",
    "SandboxBotApi",
    "SandboxClient",
    "SandboxControlError",
    "SimulationError",
    "Stats",
    "UpdateRef",
    "UserInfo",
]
