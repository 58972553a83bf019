"""One small exception hierarchy; messages name the thing that is wrong."""

from __future__ import annotations

from flows.errors import SejawatError
from storage.crypto import DataKeyError

__all__ = ["ConfigError", "DataKeyError", "SejawatError"]


class ConfigError(SejawatError):
    def __init__(self, key: str, problem: str) -> None:
        super().__init__(f"config key {key}: {problem}" if problem else f"config key {key}")
        self.key = key
        self.problem = problem
