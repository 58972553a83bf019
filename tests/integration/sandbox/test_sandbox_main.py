"""``python -m sandbox`` serves the Bot API until terminated."""

from __future__ import annotations

import asyncio
import re
import sys

import aiohttp


async def test_python_m_sandbox_serves_get_me() -> None:
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "sandbox", "--port", "0", "--token", "999:main-token",
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    try:
        assert proc.stdout is not None
        line = (await asyncio.wait_for(proc.stdout.readline(), 20)).decode()
        match = re.search(r"(http://127\.0\.0\.1:\d+)/bot", line)
        assert match, line
        async with aiohttp.ClientSession() as session:
            async with session.get(f"{match.group(1)}/bot999:main-token/getMe") as resp:
                body = await resp.json()
        assert body["ok"] is True
        assert body["result"]["id"] == 999
    finally:
        proc.terminate()
        await proc.communicate()
