"""Control API over HTTP (SandboxClient), rate limits, duplicates, faults, event stream."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import TelegramNetworkError, TelegramRetryAfter

from sandbox.botapi import SandboxBotApi
from sandbox.client import SandboxClient, SandboxControlError
from sandbox.types import Event

TOKEN = "717171:control-token"


@pytest.fixture
async def api() -> AsyncIterator[SandboxBotApi]:
    async with SandboxBotApi(token=TOKEN) as server:
        yield server


@pytest.fixture
async def client(api: SandboxBotApi) -> AsyncIterator[SandboxClient]:
    async with SandboxClient(api.base_url) as client:
        yield client


async def bot_call(api: SandboxBotApi, method: str, **params: Any) -> tuple[int, Any]:
    """Raw Bot API call with a JSON body."""
    async with aiohttp.ClientSession() as session, session.post(
        f"{api.base_url}/bot{TOKEN}/{method}", json=params
    ) as resp:
        return resp.status, await resp.json()


async def test_client_round_trip(api: SandboxBotApi, client: SandboxClient) -> None:
    user = await client.create_user(user_id=42, first_name="Ayu", language_code="id")
    assert user.id == 42
    assert user.language_code == "id"
    auto = await client.create_user()
    assert auto.id != 42
    ref = await client.send_text(42, "/mulai")
    assert ref.chat_id == 42
    assert ref.message_id == 1

    async def reply_later() -> None:
        await asyncio.sleep(0.1)
        markup = {"inline_keyboard": [[{"text": "A", "callback_data": "t:a"}]]}
        await bot_call(api, "sendMessage", chat_id=42, text="Pilih topik", reply_markup=markup)
        await asyncio.sleep(0.1)
        markup = {"inline_keyboard": [[{"text": "A", "callback_data": "t:a"}]]}
        await bot_call(api, "editMessageText", chat_id=42, message_id=2, text="Topik dipilih",
                       reply_markup=markup)

    task = asyncio.create_task(reply_later())
    msg = await client.wait_for_message(42, text_contains="Pilih", after_message_id=1)
    assert msg.message_id == 2
    assert msg.button_data() == ["t:a"]
    edited = await client.wait_for_message(42, predicate=lambda m: m.edited, timeout=10)
    assert edited.text == "Topik dipilih"
    await task
    with pytest.raises(TimeoutError):
        await client.wait_for_message(42, text_contains="never", timeout=0.2)
    with pytest.raises(TimeoutError):
        await client.wait_for_message(42, predicate=lambda m: False, timeout=0.2)

    press = await client.press_button(42, 2, "t:a")
    assert press.callback_query_id
    with pytest.raises(SandboxControlError, match="no button"):
        await client.press_button(42, 2, "forged")
    forged = await client.press_button(42, 2, "forged", force=True)
    status, body = await bot_call(api, "getUpdates")
    assert status == 200
    kinds = [next(k for k in u if k != "update_id") for u in body["result"]]
    assert kinds == ["message", "callback_query", "callback_query"]
    assert body["result"][-1]["callback_query"]["data"] == "forged"
    assert body["result"][-1]["update_id"] == forged.update_id
    await bot_call(api, "answerCallbackQuery", callback_query_id=press.callback_query_id,
                   text="ok")
    answer = await client.wait_for_callback_answer(press.callback_query_id or "")
    assert answer.text == "ok"
    assert answer.user_id == 42

    assert [m.text for m in await client.messages(42)] == ["Topik dipilih"]
    assert [m["message_id"] for m in await client.transcript(42)] == [1, 2]
    assert len(await client.updates()) == 3
    stats = await client.stats()
    assert stats.calls["sendMessage"] == 1
    assert stats.updates_produced == 3
    assert any(e.type == "message_edited" for e in await client.events())
    with pytest.raises(SandboxControlError, match="unknown user"):
        await client.send_text(999, "x")
    with pytest.raises(SandboxControlError, match="400"):
        await client.call("send_text", nonsense=1)
    await client.reset()
    assert await client.users() == []
    assert (await client.stats()).updates_produced == 0


async def test_duplicate_delivery_repeats_update(api: SandboxBotApi) -> None:
    user = await api.create_user()
    first = await api.send_text(user.id, "satu")
    status, body = await bot_call(api, "getUpdates")
    assert [u["update_id"] for u in body["result"]] == [first.update_id]
    second = await api.send_text(user.id, "dua")
    offset = second.update_id + 1
    await bot_call(api, "getUpdates", offset=second.update_id)
    await api.redeliver(first.update_id)
    status, body = await bot_call(api, "getUpdates", offset=offset)
    assert [u["update_id"] for u in body["result"]] == [first.update_id]
    assert body["result"][0]["message"]["text"] == "satu"
    status, body = await bot_call(api, "getUpdates", offset=first.update_id + 1, timeout=0)
    assert body["result"] == []
    assert len(await api.updates()) == 2


async def test_rate_limits_per_chat_and_global(api: SandboxBotApi) -> None:
    await api.set_rate_limits(per_chat_limit=1.0, per_chat_burst=3)
    user = await api.create_user()
    other = await api.create_user()
    statuses = [(await bot_call(api, "sendMessage", chat_id=user.id, text="x"))[0]
                for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    status, body = await bot_call(api, "sendMessage", chat_id=user.id, text="x")
    assert status == 429
    assert body["error_code"] == 429
    assert body["parameters"]["retry_after"] >= 1
    assert body["description"].startswith("Too Many Requests: retry after ")
    assert (await bot_call(api, "sendMessage", chat_id=other.id, text="x"))[0] == 200

    await api.set_rate_limits(global_limit=2.0)
    codes = [(await bot_call(api, "sendMessage", chat_id=c, text="y"))[0]
             for c in (user.id, other.id, user.id)]
    assert codes == [200, 200, 429]
    stats = await api.stats()
    assert stats.rate_limited == 3
    assert stats.statuses["429"] == 3
    limited = [e for e in await api.events(type="api_call") if e.data["status"] == 429]
    assert len(limited) == 3
    assert all(isinstance(e.at, float) for e in limited)


async def test_rate_limit_with_aiogram_retry_after(api: SandboxBotApi) -> None:
    limited = SandboxBotApi(token=TOKEN, per_chat_limit=1.0, global_limit=30.0)
    await limited.start()
    bot = Bot(TOKEN, session=AiohttpSession(api=TelegramAPIServer.from_base(limited.base_url)))
    try:
        user = await limited.create_user()
        for _ in range(3):
            await bot.send_message(user.id, "burst")
        with pytest.raises(TelegramRetryAfter) as caught:
            await bot.send_message(user.id, "too fast")
        assert caught.value.retry_after == 1
    finally:
        await bot.session.close()
        await limited.stop()


async def test_faults_drop_delay_and_chat_filter(api: SandboxBotApi) -> None:
    user = await api.create_user()
    other = await api.create_user()
    bot = Bot(TOKEN, session=AiohttpSession(api=TelegramAPIServer.from_base(api.base_url)))
    try:
        await api.add_fault("sendMessage", action="drop")
        with pytest.raises(TelegramNetworkError):
            await bot.send_message(user.id, "lost")
        assert await api.messages(user.id) == []

        await api.add_fault("sendMessage", action="drop_after")
        with pytest.raises(TelegramNetworkError):
            await bot.send_message(user.id, "sent but unacknowledged")
        assert [m.text for m in await api.messages(user.id)] == ["sent but unacknowledged"]

        await api.add_fault("sendMessage", action="delay", delay=0.3)
        started = time.monotonic()
        await bot.send_message(user.id, "slow")
        assert time.monotonic() - started >= 0.3

        await api.add_fault("sendMessage", status=403, chat_id=other.id, count=2)
        assert await bot.send_message(user.id, "unaffected")
        assert len(await api.faults()) == 1
        await api.clear_faults()
        assert await bot.send_message(other.id, "fine")
    finally:
        await bot.session.close()


async def test_event_websocket_streams_live_events(api: SandboxBotApi) -> None:
    user = await api.create_user()
    received: list[Event] = []

    async def consume() -> None:
        async with SandboxClient(api.base_url) as client:
            async for event in client.stream_events(since=0):
                received.append(event)
                if event.type == "message_sent":
                    return

    task = asyncio.create_task(consume())
    await asyncio.sleep(0.1)
    await api.send_text(user.id, "hai")
    await bot_call(api, "sendMessage", chat_id=user.id, text="balas")
    await asyncio.wait_for(task, 10)
    types = [e.type for e in received]
    assert types[0] == "user"
    assert types.index("update") < types.index("message_sent")
    assert received[-1].data["text"] == "balas"


async def test_block_emits_my_chat_member_and_input_encodings(api: SandboxBotApi) -> None:
    user = await api.create_user(has_started=False)
    status, body = await bot_call(api, "sendMessage", chat_id=user.id, text="hi")
    assert status == 403
    assert "can't initiate" in body["description"]
    await api.send_text(user.id, "/start")
    await api.block(user.id)
    _, body = await bot_call(api, "getUpdates")
    member = body["result"][-1]["my_chat_member"]
    assert member["new_chat_member"]["status"] == "kicked"
    await api.unblock(user.id)
    async with aiohttp.ClientSession() as session:
        url = f"{api.base_url}/bot{TOKEN}/SENDMESSAGE"
        markup = '{"inline_keyboard": [[{"text": "A", "callback_data": "a"}]]}'
        async with session.post(url, data={"chat_id": str(user.id), "text": "form",
                                           "reply_markup": markup}) as resp:
            assert resp.status == 200
            assert (await resp.json())["result"]["reply_markup"]["inline_keyboard"][0][0][
                "callback_data"] == "a"
        form = aiohttp.FormData()
        form.add_field("chat_id", str(user.id))
        form.add_field("text", "multipart")
        form.add_field("reply_markup", markup)
        form.add_field("thumbnail", b"\x89PNG", filename="x.png")  # forces multipart
        async with session.post(url, data=form) as resp:
            assert resp.status == 200
            result = (await resp.json())["result"]
            assert result["text"] == "multipart"
            assert result["reply_markup"]["inline_keyboard"][0][0]["text"] == "A"
        async with session.get(url, params={"chat_id": str(user.id), "text": "query"}) as resp:
            assert (await resp.json())["result"]["text"] == "query"
        async with session.post(f"{api.base_url}/bot{TOKEN}/nope") as resp:
            assert resp.status == 404
            assert await resp.json() == {"ok": False, "error_code": 404,
                                         "description": "Not Found"}
        async with session.post(f"{api.base_url}/botWRONG/getMe") as resp:
            assert resp.status == 401
            assert (await resp.json())["description"] == "Unauthorized"
