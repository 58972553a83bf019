"""Configuration: a TOML file overlaid by ``SEJAWAT_<SECTION>__<KEY>`` environment variables.

Validated at start; every error names the key (``config key telegram.mode: ...``).
"""

from __future__ import annotations

import json
import os
import re
import tomllib
import zoneinfo
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator

from bot.errors import ConfigError
from routing.schedule import DAYS, time_of_day, unknown_days

ENV_PREFIX = "SEJAWAT_"
CONFIG_ENV = "SEJAWAT_CONFIG"
TELEGRAM_API = "https://api.telegram.org"
_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")  # what Telegram accepts as a webhook secret
_TOKEN = re.compile(r"\d+:[A-Za-z0-9_-]+")  # what @BotFather gives: 123456789:AAE...


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _split_list(value: object) -> object:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


def _days(value: object) -> object:
    value = _split_list(value)
    if isinstance(value, list):
        unknown = unknown_days(value)
        if unknown:
            raise ValueError(f"unknown day(s) {unknown}; use {', '.join(DAYS)}")
    return value


class Hours(_Section):
    """Weekly opening hours: on these days, from start to end (program time zone)."""

    days: list[str]
    start: str
    end: str

    _d = field_validator("days", mode="before")(_days)
    _s = field_validator("start", "end")(time_of_day)


class ShiftConfig(Hours):
    """A member's weekly shift: on duty from start to end on these days."""

    telegram_id: int


class RolesConfig(_Section):
    coordinators: list[int] = []  # Telegram user ids that are always coordinators
    invite_ttl_hours: int = Field(default=72, ge=1, le=24 * 30)
    invite_attempts_per_hour: int = Field(default=5, ge=1)

    @field_validator("coordinators", mode="before")
    @classmethod
    def _ids(cls, value: object) -> object:
        return _split_list(value)


class RoutingConfig(_Section):
    offer_timeout: int = Field(default=120, ge=10)  # seconds a supporter has to accept
    followup: bool = True  # send a check-in after a session ends
    followup_after: int = Field(default=24 * 3600, ge=60)  # seconds
    idle_close: int = Field(default=2 * 3600, ge=60)  # seconds without messages
    idle_grace: int = Field(default=15 * 60, ge=30)  # after the gentle check, then close
    default_capacity: int = Field(default=2, ge=1, le=10)
    allow_media: bool = False  # forward photos/voice between student and supporter
    queue_update_interval: int = Field(default=60, ge=10)  # seconds between position updates
    shift_reminder: int = Field(default=15 * 60, ge=0)  # seconds before a shift starts
    # coordinators are alerted once about a request waiting this long in program hours
    unattended_alert: int = Field(default=600, ge=60)  # seconds
    # a chat left with a member who went off duty (or was deactivated, or blocked the bot)
    # goes back to the front of the queue this long after they were asked to hand it over
    handback_after: int = Field(default=300, ge=30)  # seconds
    # a supporter who lets this many offers in a row expire (and has no open chat) is set off
    # duty and told so, instead of being offered again every offer_timeout (0 = never)
    missed_offers_off_duty: int = Field(default=3, ge=0)


class WellbeingConfig(_Section):
    """Looking after the supporters: a supporter over a limit, or resting after a crisis
    chat, is offered no new requests and is told why. 0 turns each off."""
    max_chats_per_day: int = Field(default=0, ge=0)  # chats started per day (program time)
    max_hours_per_week: float = Field(default=0, ge=0)  # hours in chats, Monday to Sunday
    cooldown_after_crisis: int = Field(default=1800, ge=0)  # seconds after a chat with a crisis


class EscalationConfig(_Section):
    ack_timeout_imminent: int = Field(default=120, ge=10)  # seconds
    ack_timeout_high: int = Field(default=300, ge=10)  # seconds
    # acknowledged but nobody took over or resolved: page again after this, and keep climbing
    ack_followup: int = Field(default=600, ge=10)  # seconds


class WebhookConfig(_Section):
    url: str = ""  # public https URL Telegram posts to, e.g. https://bot.school.id/telegram
    host: str = "127.0.0.1"
    port: int = Field(default=8443, ge=1, le=65535)
    path: str = "/telegram"
    secret: SecretStr = SecretStr("")


class TelegramConfig(_Section):
    token: SecretStr = SecretStr("")
    api_base: str = TELEGRAM_API
    transport: Literal["aiogram", "ptb"] = "aiogram"
    mode: Literal["polling", "webhook"] = "polling"
    webhook: WebhookConfig = WebhookConfig()

    @field_validator("api_base")
    @classmethod
    def _url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must be an http:// or https:// URL")
        return value.rstrip("/")


class DatabaseConfig(_Section):
    url: str = "sqlite+aiosqlite:///./data/sejawat.sqlite3"
    echo: bool = False

    @field_validator("url")
    @classmethod
    def _driver(cls, value: str) -> str:
        if not value.startswith(("sqlite+aiosqlite://", "postgresql+asyncpg://")):
            raise ValueError("must start with sqlite+aiosqlite:// or postgresql+asyncpg://")
        return value


class ProgramConfig(_Section):
    name: str = "Sejawat"
    timezone: str = "Asia/Jakarta"
    languages: list[str] = ["id", "en"]
    default_language: str = "id"
    hours: list[Hours] = []  # empty: always open

    _languages = field_validator("languages", mode="before")(_split_list)

    @field_validator("timezone")
    @classmethod
    def _tz(cls, value: str) -> str:
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value

    @field_validator("languages")
    @classmethod
    def _known(cls, value: list[str]) -> list[str]:
        unknown = [code for code in value if code not in ("id", "en")]
        if unknown or not value:
            raise ValueError("must be a non-empty list of: id, en")
        return value


class Resource(_Section):
    name: str
    contact: str
    note: str = ""


class PrivacyConfig(_Section):
    data_key: SecretStr = SecretStr("")  # environment only: SEJAWAT_PRIVACY__DATA_KEY
    retention_days: int = Field(default=180, ge=1)


class IntakeConfig(_Section):
    description_min: int = Field(default=20, ge=1)
    description_max: int = Field(default=1500, ge=20, le=3500)


class OutboxConfig(_Section):
    global_rate: float = Field(default=29.0, gt=0)  # messages per second, whole bot
    per_chat_rate: float = Field(default=1.0, gt=0)  # messages per second, one chat
    max_backoff: float = Field(default=300.0, gt=0)  # seconds between retries, at most


class SandboxConfig(_Section):
    host: str = "127.0.0.1"
    port: int = Field(default=8080, ge=0, le=65535)  # web page
    api_port: int = Field(default=8081, ge=0, le=65535)  # Bot API server


class ObservabilityConfig(_Section):
    """What operators see: /healthz and /metrics, and the shape of the log lines."""

    # where /healthz and /metrics are served; 0 = not at all in polling mode (in webhook mode
    # they are always on the webhook's own port too)
    listen_host: str = "127.0.0.1"
    listen_port: int = Field(default=0, ge=0, le=65535)
    log_format: Literal["text", "json"] = "text"  # json: one object per line


class Config(_Section):
    telegram: TelegramConfig = TelegramConfig()
    database: DatabaseConfig = DatabaseConfig()
    program: ProgramConfig = ProgramConfig()
    resources: dict[str, list[Resource]] = Field(default_factory=dict)
    privacy: PrivacyConfig = PrivacyConfig()
    intake: IntakeConfig = IntakeConfig()
    outbox: OutboxConfig = OutboxConfig()
    sandbox: SandboxConfig = SandboxConfig()
    roles: RolesConfig = RolesConfig()
    routing: RoutingConfig = RoutingConfig()
    escalation: EscalationConfig = EscalationConfig()
    wellbeing: WellbeingConfig = WellbeingConfig()
    shifts: list[ShiftConfig] = Field(default_factory=list)
    observability: ObservabilityConfig = ObservabilityConfig()

    def check(self) -> None:
        """Cross-key rules pydantic cannot see on one field."""
        if self.program.default_language not in self.program.languages:
            raise ConfigError("program.default_language", "must be one of program.languages")
        for language in self.program.languages:
            if not self.resources.get(language):
                raise ConfigError(
                    f"resources.{language}",
                    "is missing: list at least one emergency number for this language",
                )
        token = self.telegram.token.get_secret_value()
        if token and not _TOKEN.fullmatch(token):
            raise ConfigError("telegram.token", "does not look like a bot token from "
                              "@BotFather (digits, a colon, then letters, digits, _ and -)")
        if self.telegram.mode == "webhook" and \
                self.observability.listen_port == self.telegram.webhook.port:
            raise ConfigError("observability.listen_port",
                              "must differ from telegram.webhook.port (the webhook's port "
                              "already serves /healthz and /metrics)")
        if self.telegram.mode == "webhook" and self.telegram.token.get_secret_value():
            url = self.telegram.webhook.url
            secure = url.startswith("https://")
            if not secure and (self.telegram.api_base == TELEGRAM_API or
                               not url.startswith("http://")):
                raise ConfigError("telegram.webhook.url", "must be an https:// URL in webhook mode")
            secret = self.telegram.webhook.secret.get_secret_value()
            if len(secret) < 16:
                raise ConfigError(
                    "telegram.webhook.secret", "must be at least 16 characters in webhook mode"
                )
            if not _SECRET.fullmatch(secret):
                raise ConfigError("telegram.webhook.secret",
                                  "may hold only letters A-Z and a-z, digits, _ and - "
                                  "(Telegram refuses anything else), at most 256")


def _env_overlay(env: Mapping[str, str]) -> dict[str, Any]:
    tree: dict[str, Any] = {}
    for name, raw in env.items():
        if not name.startswith(ENV_PREFIX) or name == CONFIG_ENV or "__" not in name:
            continue
        path = [part.lower() for part in name[len(ENV_PREFIX):].split("__")]
        value: Any = raw
        if raw[:1] in ("[", "{"):  # (an empty value is an empty string, not JSON)
            try:
                value = json.loads(raw)
            except json.JSONDecodeError as exc:
                raise ConfigError(".".join(path), f"is not valid JSON in {name}") from exc
        node = tree
        for part in path[:-1]:
            node = node.setdefault(part, {})
        node[path[-1]] = value
    return tree


def _merge(base: dict[str, Any], top: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in top.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _describe(error: Mapping[str, Any]) -> ConfigError:
    key = ".".join(str(part) for part in error["loc"])
    if error["type"] == "missing":
        return ConfigError(key, "is missing")
    if error["type"] == "extra_forbidden":
        return ConfigError(key, "is not a known key (check the spelling in config.example.toml)")
    message = str(error["msg"]).removeprefix("Value error, ")
    return ConfigError(key, message)


def load_config(path: Path | None = None, env: Mapping[str, str] | None = None) -> Config:
    """Read ``path`` (or $SEJAWAT_CONFIG, or nothing), overlay the environment, validate."""
    env = os.environ if env is None else env
    if path is None and env.get(CONFIG_ENV):
        path = Path(env[CONFIG_ENV])
    data: dict[str, Any] = {}
    if path is not None:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise ConfigError("(file)", f"{path} does not exist") from exc
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError("(file)", f"{path} is not valid TOML: {exc}") from exc
        if data.get("privacy", {}).get("data_key"):
            raise ConfigError(
                "privacy.data_key",
                "must come from the environment (SEJAWAT_PRIVACY__DATA_KEY), not the config file",
            )
    data = _merge(data, _env_overlay(env))
    try:
        config = Config.model_validate(data)
        config.check()
    except ConfigError as exc:
        if path is None:  # (a trial: a missing key, when the real cause was no file at all)
            raise ConfigError(exc.key, f"{exc.problem} (no config file was read: pass "
                              f"--config config.toml, set {CONFIG_ENV}, or run `make run`, "
                              "which makes config.toml from config.example.toml)") from None
        raise
    except ValidationError as exc:
        described = _describe(exc.errors()[0])
        if path is None:
            raise ConfigError(described.key, f"{described.problem} (no config file was read: "
                              f"pass --config config.toml or set {CONFIG_ENV})") from None
        raise described from None
    return config
