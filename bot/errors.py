"""One small exception hierarchy; messages name the thing that is wrong."""

from __future__ import annotations

from flows.errors import SejawatError
from storage.crypto import DataKeyError

__all__ = ["ConfigError", "DataKeyError", "SejawatError", "StartFailed", "why_start_failed"]


class ConfigError(SejawatError):
    def __init__(self, key: str, problem: str) -> None:
        super().__init__(f"config key {key}: {problem}" if problem else f"config key {key}")
        self.key = key
        self.problem = problem


class StartFailed(SejawatError):
    """The bot could not start for a reason outside it (Telegram, the network, the database):
    said in one line, the key to look at named."""


def _first_line(exc: BaseException) -> str:
    reason = getattr(exc, "orig", None) or exc
    text = str(reason).strip().splitlines()
    return (text[0][:200] if text else "") or type(reason).__name__


def why_start_failed(exc: BaseException, api_base: str, database: str) -> str | None:
    """What an operator needs to hear when starting failed with ``exc``; None when it is not
    one of the usual outside causes (then the traceback is the honest answer). Found by an
    operator's trial: a wrong token, a web filter or a missing database gave 45-171 lines of
    traceback. Nothing a student wrote exists yet at start, so the reason may be shown."""
    names = {cls.__name__ for cls in type(exc).__mro__}
    module = type(exc).__module__.split(".")[0]
    if names & {"TelegramUnauthorizedError", "InvalidToken", "TelegramNotFound"} or \
            (module == "telegram" and "Unauthorized" in str(exc)):
        return ("Telegram refused the bot token (telegram.token / SEJAWAT_TELEGRAM__TOKEN): "
                "check it with @BotFather")
    if module in ("sqlalchemy", "asyncpg", "aiosqlite", "sqlite3") or \
            names & {"ConnectionRefusedError", "InvalidCatalogNameError"} and \
            "telegram" not in str(exc).lower():
        host = database.split("@")[-1] if "@" in database else database
        return (f"cannot open the database {host} (database.url): {_first_line(exc)}")
    if names & {"ClientConnectorError", "ClientConnectionError", "ServerTimeoutError",
                "ConnectError", "NetworkError", "TimedOut", "TelegramNetworkError"}:
        return (f"cannot reach Telegram at {api_base} ({type(exc).__name__}): check the "
                "network, a proxy or the school's web filter (telegram.api_base)")
    if names & {"TelegramBadRequest", "BadRequest"}:
        return f"Telegram refused a request at start: {_first_line(exc)}"
    return None
