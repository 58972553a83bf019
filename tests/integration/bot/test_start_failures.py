"""Starting fails for a reason outside the bot: the operator reads one line that names the
key to look at, not a traceback (found by an operator's trial: a wrong token, an unreachable
Telegram or a missing database gave 45-171 lines). Real `sejawat run` processes, against the
sandbox Bot API over loopback."""

from __future__ import annotations

import asyncio
import os
import socket
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from sandbox.botapi import SandboxBotApi
from storage.crypto import generate_key

ROOT = Path(__file__).resolve().parents[3]
TOKEN = "737373:start-failures-token"


@pytest.fixture
async def api() -> AsyncIterator[SandboxBotApi]:
    sandbox = SandboxBotApi(token=TOKEN)
    await sandbox.start()
    yield sandbox
    await sandbox.stop()


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def _run(tmp_path: Path, **env: str) -> tuple[int, list[str]]:
    environment = {
        **os.environ,
        "SEJAWAT_DATABASE__URL": f"sqlite+aiosqlite:///{tmp_path / 'bot.sqlite3'}",
        "SEJAWAT_PRIVACY__DATA_KEY": generate_key(),
        "SEJAWAT_RESOURCES__ID": '[{"name": "Darurat", "contact": "112"}]',
        "SEJAWAT_RESOURCES__EN": '[{"name": "Emergency", "contact": "112"}]',
        **env,
    }
    environment.pop("SEJAWAT_CONFIG", None)
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "run", cwd=ROOT, env=environment,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    _, err = await asyncio.wait_for(process.communicate(), 120)
    lines = [line for line in err.decode().splitlines() if line.startswith("sejawat: ")]
    return int(process.returncode or 0), lines


async def test_a_token_telegram_refuses_is_one_line(api: SandboxBotApi, tmp_path: Path) -> None:
    code, said = await _run(tmp_path, SEJAWAT_TELEGRAM__TOKEN="111111:not-this-bots-token",
                            SEJAWAT_TELEGRAM__API_BASE=api.base_url)
    assert code == 2
    assert said == ["sejawat: Telegram refused the bot token (telegram.token / "
                    "SEJAWAT_TELEGRAM__TOKEN): check it with @BotFather"]


async def test_telegram_out_of_reach_is_one_line(tmp_path: Path) -> None:
    base = f"http://127.0.0.1:{_closed_port()}"
    code, said = await _run(tmp_path, SEJAWAT_TELEGRAM__TOKEN=TOKEN,
                            SEJAWAT_TELEGRAM__API_BASE=base)
    assert code == 2
    assert len(said) == 1
    assert said[0].startswith(f"sejawat: cannot reach Telegram at {base} (")
    assert "school's web filter (telegram.api_base)" in said[0]


@pytest.mark.postgres
async def test_a_database_out_of_reach_is_one_line(api: SandboxBotApi, tmp_path: Path,
                                                   postgres_url: str) -> None:
    missing = postgres_url.rsplit("/", 1)[0] + "/sejawat_no_such_database"
    code, said = await _run(tmp_path, SEJAWAT_TELEGRAM__TOKEN=TOKEN,
                            SEJAWAT_TELEGRAM__API_BASE=api.base_url,
                            SEJAWAT_DATABASE__URL=missing)
    assert code == 2
    assert len(said) == 1
    assert said[0].startswith("sejawat: cannot open the database ")
    assert "sejawat_no_such_database" in said[0]
    assert "(database.url)" in said[0]
