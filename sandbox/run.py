"""``sejawat sandbox`` (and ``sejawat run`` without a token): the bot against a local Bot API."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from pathlib import Path

from pydantic import SecretStr

from bot.config import Config, DatabaseConfig
from sandbox.botapi import SandboxBotApi
from storage.crypto import generate_key

SANDBOX_TOKEN = "1000000001:SANDBOX-sejawat-local-token-000000000"
DATA_DIR = Path("data")


def sandbox_key(path: Path = DATA_DIR / "sandbox.key") -> str:
    """The sandbox's own data key, generated once and kept beside its database."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(generate_key() + "\n", encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


def sandbox_config(config: Config, api_base: str) -> Config:
    """The same config, pointed at the sandbox, with its own database and key."""
    database = config.database
    if database.url == DatabaseConfig().url:
        database = DatabaseConfig(url="sqlite+aiosqlite:///./data/sandbox.sqlite3")
    privacy = config.privacy
    if not privacy.data_key.get_secret_value():
        privacy = privacy.model_copy(update={"data_key": SecretStr(sandbox_key())})
    telegram = config.telegram.model_copy(
        update={"token": SecretStr(SANDBOX_TOKEN), "api_base": api_base, "mode": "polling"}
    )
    return config.model_copy(update={"telegram": telegram, "database": database,
                                     "privacy": privacy})


async def run_sandbox(config: Config, port: int | None, api_port: int | None) -> None:
    from bot.app import bootstrap

    api = SandboxBotApi(token=SANDBOX_TOKEN, per_chat_limit=None, global_limit=30)
    await api.start(config.sandbox.host, api_port if api_port is not None
                    else config.sandbox.api_port)
    app = bootstrap(sandbox_config(config, api.base_url))
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    try:
        await app.start()
        print(_banner(api.base_url), flush=True)
        await stop.wait()
    finally:
        await app.stop()
        await api.stop()


def _banner(base: str) -> str:
    return f"""
Sejawat is running against the local sandbox (no Telegram token configured).

  Sandbox Bot API server: {base}
  Act as a student through the control API (POST {base}/control/<operation>, JSON), e.g.:
    curl -s -X POST {base}/control/create_user \\
         -d '{{"user_id": 5001, "first_name": "Rara", "language_code": "id"}}'
    curl -s -X POST {base}/control/send_text -d '{{"user_id": 5001, "text": "/start"}}'
    curl -s -X POST {base}/control/messages -d '{{"chat_id": 5001}}'
    curl -s -X POST {base}/control/press_button \\
         -d '{{"user_id": 5001, "message_id": 3, "data": "in:consent:yes"}}'
  Press Ctrl-C to stop.
"""
