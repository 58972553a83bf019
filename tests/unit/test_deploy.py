"""The container files agree with the code: what would only break once deployed (a renamed
config key, a port the proxy no longer points at, a health path or CLI command that moved)
breaks here. No Docker engine is needed: the files are read, not built."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from bot.cli import _parser
from bot.config import ENV_PREFIX, Config, load_config
from bot.transport.base import webhook_app

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = ROOT / "compose.yaml"
CADDYFILE = ROOT / "deploy" / "Caddyfile"
ENV_EXAMPLE = ROOT / "deploy" / "env.example"
DOCKERFILE = ROOT / "Dockerfile"
# what .env would hold (deploy/env.example), filled in
SAMPLE_ENV = {
    "POSTGRES_PASSWORD": "0123456789abcdef", "BOT_DOMAIN": "bot.school.example",
    "SEJAWAT_TELEGRAM__TOKEN": "123456:abc", "SEJAWAT_PRIVACY__DATA_KEY": "",
    "SEJAWAT_TELEGRAM__WEBHOOK__SECRET": "0123456789abcdef0123",
}
_VARIABLE = re.compile(r"\$\{(\w+)(?::?[?-][^}]*)?\}")


def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    return loaded


def interpolate(value: str, env: dict[str, str]) -> str:
    """Compose's ${NAME}, ${NAME:?message} and ${NAME:-default}, from ``env``."""
    return _VARIABLE.sub(lambda m: env[m.group(1)], value)


def bot_environment(data_key: str) -> dict[str, str]:
    env = {**SAMPLE_ENV, "SEJAWAT_PRIVACY__DATA_KEY": data_key}
    service = compose()["services"]["bot"]
    return {**{k: v for k, v in env.items() if k.startswith(ENV_PREFIX)},
            **{k: interpolate(str(v), env) for k, v in service["environment"].items()}}


def env_example_names() -> list[str]:
    lines = ENV_EXAMPLE.read_text(encoding="utf-8").splitlines()
    return [line.split("=", 1)[0] for line in lines if line and not line.startswith("#")]


def config_key(name: str) -> list[str]:
    """The config key an environment variable names (bot.config._env_overlay's reading), or
    an assertion error naming the part that is not a key."""
    assert name.startswith(ENV_PREFIX), name
    assert "__" in name, name
    path = [part.lower() for part in name[len(ENV_PREFIX):].split("__")]
    model: type[BaseModel] = Config
    for depth, part in enumerate(path):
        field = model.model_fields.get(part)
        assert field is not None, f"{name}: {'.'.join(path[:depth + 1])} is not a config key"
        annotation = field.annotation
        if depth < len(path) - 1:
            section = annotation if isinstance(annotation, type) else None
            assert section is not None, f"{name}: {'.'.join(path[:depth + 1])} is not a section"
            assert issubclass(section, BaseModel), \
                f"{name}: {'.'.join(path[:depth + 1])} is not a section"
            model = section
    return path


def test_every_sejawat_variable_names_a_real_config_key() -> None:
    names = [*compose()["services"]["bot"]["environment"], *env_example_names()]
    sejawat = [n for n in names if n.startswith(ENV_PREFIX)]
    assert len(sejawat) >= 9
    for name in sejawat:
        config_key(name)


def test_the_compose_environment_makes_a_valid_webhook_config(data_key: str) -> None:
    config = load_config(ROOT / "config.example.toml", env=bot_environment(data_key))
    assert config.telegram.mode == "webhook"
    assert config.telegram.webhook.url == "https://bot.school.example/telegram"
    assert config.database.url == \
        "postgresql+asyncpg://sejawat:0123456789abcdef@postgres:5432/sejawat"
    assert config.observability.log_format == "json"
    assert set(env_example_names()) >= {"BOT_DOMAIN", "POSTGRES_PASSWORD", *(
        n for n in SAMPLE_ENV if n.startswith(ENV_PREFIX))}


def test_the_proxy_points_at_the_bots_webhook_port_path_and_health_check(
        data_key: str) -> None:
    config = load_config(ROOT / "config.example.toml", env=bot_environment(data_key))
    hook = config.telegram.webhook
    caddy = CADDYFILE.read_text(encoding="utf-8")
    upstream = re.search(r"handle (\S+) \{\s*reverse_proxy \{\s*dynamic a (\w+) (\d+)", caddy)
    assert upstream is not None
    path, service, port = upstream.groups()
    assert (path, int(port)) == (hook.path, hook.port)
    assert service in compose()["services"]
    assert str(hook.port) in compose()["services"][service]["expose"]
    assert "lb_try_duration" in caddy  # a worker that does not answer is skipped
    routes = {r.resource.canonical for r in webhook_app(
        hook.path, "x" * 16, _ignore, None, _scrape).router.routes() if r.resource}
    assert {"/healthz", "/metrics", hook.path} <= routes
    probe = " ".join(compose()["services"]["bot"]["healthcheck"]["test"])
    assert f"http://127.0.0.1:{hook.port}/healthz" in probe


def test_the_images_command_is_a_real_cli_command_on_the_mounted_config() -> None:
    text = DOCKERFILE.read_text(encoding="utf-8")
    command = re.search(r"^CMD (\[.*\])$", text, re.MULTILINE)
    assert command is not None
    argv = json.loads(command.group(1))
    assert argv[0] == "sejawat"
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["scripts"]["sejawat"] == "bot.cli:main"
    args = _parser().parse_args(argv[1:])
    assert args.command == "run"
    mounts = [m.split(":")[1] for m in compose()["services"]["bot"]["volumes"]]
    assert str(args.config) in mounts
    assert "FROM python:3.11-slim" in text
    assert re.search(r"^USER (?!root)\w+$", text, re.MULTILINE)


def test_the_image_holds_every_package_and_the_catalogs() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    copied = set(re.findall(r"^COPY (\w+) ", DOCKERFILE.read_text(encoding="utf-8"),
                            re.MULTILINE))
    assert copied >= {*pyproject["tool"]["importlinter"]["root_packages"], "locales"}
    for source in ("./deploy/Caddyfile",):
        assert (ROOT / source).exists()


@pytest.mark.parametrize("name", ["SEJAWAT_TELEGRAM__WEBHOOK__PORTT", "SEJAWAT_OBSERVE__X"])
def test_a_misspelt_variable_is_caught(name: str) -> None:
    with pytest.raises(AssertionError, match="is not a config key"):
        config_key(name)


async def _ignore(_body: bytes) -> None: ...


async def _scrape() -> bytes:
    return b""
