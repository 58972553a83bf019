"""Webhook delivery: secret header, retry after a failure, ordering, getWebhookInfo errors."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import unused_port

from sandbox.botapi import SandboxBotApi
from sandbox.client import SandboxClient

TOKEN = "616161:webhook-token"


class Receiver:
    def __init__(self, fail_first: int = 0) -> None:
        self.fail_first = fail_first
        self.received: list[dict[str, Any]] = []
        self.attempts: list[int] = []
        self.secrets: list[str | None] = []
        self.got = asyncio.Event()

    async def handle(self, request: web.Request) -> web.Response:
        update = await request.json()
        self.attempts.append(update["update_id"])
        self.secrets.append(request.headers.get("X-Telegram-Bot-Api-Secret-Token"))
        if self.fail_first > 0:
            self.fail_first -= 1
            return web.Response(status=500, text="boom")
        self.received.append(update)
        self.got.set()
        return web.Response(text="ok")


@pytest.fixture
async def api() -> AsyncIterator[SandboxBotApi]:
    async with SandboxBotApi(token=TOKEN) as server:
        yield server


async def start_receiver(receiver: Receiver) -> tuple[web.AppRunner, str]:
    app = web.Application()
    app.router.add_post("/hook", receiver.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    return runner, f"http://127.0.0.1:{port}/hook"


async def set_webhook(api: SandboxBotApi, url: str, **extra: str) -> None:
    async with SandboxClient(api.base_url) as client:
        session = client._get_session()
        async with session.post(
            f"{api.base_url}/bot{TOKEN}/setWebhook", data={"url": url, **extra}
        ) as resp:
            assert (await resp.json()) == {"ok": True, "result": True}


async def test_webhook_delivers_in_order_with_secret_and_retries(api: SandboxBotApi) -> None:
    receiver = Receiver(fail_first=1)
    runner, url = await start_receiver(receiver)
    try:
        await set_webhook(api, url, secret_token="top-secret_1")
        user = await api.create_user()
        refs = [await api.send_text(user.id, f"m{i}") for i in range(5)]
        seen = 0
        for _ in range(5):
            seen = (await api.wait_for_event("webhook_delivered", since=seen, timeout=5)).seq
        expected = [r.update_id for r in refs]
        assert [u["update_id"] for u in receiver.received] == expected
        assert [u["message"]["text"] for u in receiver.received] == [f"m{i}" for i in range(5)]
        # the first update failed once with 500 and was retried before the second one
        assert receiver.attempts[:2] == [expected[0], expected[0]]
        assert set(receiver.secrets) == {"top-secret_1"}
        info = await api.webhook_info()
        assert info["pending_update_count"] == 0
        assert "500" in str(info["last_error_message"])
        failures = await api.events(type="webhook_failed")
        assert len(failures) == 1
    finally:
        await runner.cleanup()


async def test_webhook_keeps_updates_while_receiver_is_down(api: SandboxBotApi) -> None:
    url = f"http://127.0.0.1:{unused_port()}/hook"
    await set_webhook(api, url)
    user = await api.create_user()
    await api.send_text(user.id, "hello?")
    await api.wait_for_event("webhook_failed", timeout=3)
    async with SandboxClient(api.base_url) as client:
        async with client._get_session().get(f"{api.base_url}/bot{TOKEN}/getWebhookInfo") as r:
            info = (await r.json())["result"]
    assert info["url"] == url
    assert info["pending_update_count"] == 1
    assert info["last_error_message"]
    assert isinstance(info["last_error_date"], int)
    await api.redeliver((await api.updates())[0]["update_id"])
    assert (await api.stats()).pending_updates == 2
