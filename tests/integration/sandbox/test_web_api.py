"""The simulator page's HTTP/WebSocket API, without a browser and without the real bot."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest

from sandbox.botapi import SandboxBotApi
from sandbox.types import UserInfo
from sandbox.web import Timeline, WebServer, commands_for, start_web

TOKEN = "818181:web-token"
KEYBOARD = {"inline_keyboard": [[{"text": "Ya", "callback_data": "in:consent:yes"}]]}


@pytest.fixture
async def api() -> AsyncIterator[SandboxBotApi]:
    async with SandboxBotApi(token=TOKEN) as server:
        yield server


@pytest.fixture
async def web(api: SandboxBotApi) -> AsyncIterator[WebServer]:
    server = await start_web(api, "127.0.0.1", 0, timeline=Timeline())
    yield server
    await server.stop()


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


async def get(http: aiohttp.ClientSession, url: str) -> Any:
    async with http.get(url) as resp:
        body = await resp.json()
        assert body["ok"], body
        return body["result"]


async def post(http: aiohttp.ClientSession, url: str, status: int = 200, **data: Any) -> Any:
    async with http.post(url, json=data) as resp:
        body = await resp.json()
        assert resp.status == status, body
        return body["result"] if body["ok"] else body["error"]


async def bot_call(api: SandboxBotApi, method: str, **params: Any) -> Any:
    async with aiohttp.ClientSession() as session, session.post(
        f"{api.base_url}/bot{TOKEN}/{method}", json=params
    ) as resp:
        body = await resp.json()
        assert body["ok"], body
        return body["result"]


async def test_page_and_assets_are_local(web: WebServer, http: aiohttp.ClientSession) -> None:
    async with http.get(web.url + "/") as resp:
        html = await resp.text()
    assert resp.status == 200
    assert "/static/app.js" in html
    assert "http://" not in html
    assert "https://" not in html
    for lang in ("id", "en"):
        async with http.get(f"{web.url}/static/i18n/{lang}.json") as resp:
            strings = await resp.json()
        assert strings["role_supporter"]
    async with http.get(web.url + "/static/app.js") as resp:
        script = await resp.text()
    assert "https://" not in script


async def test_layout_defaults_and_query_overrides(
    api: SandboxBotApi, web: WebServer, http: aiohttp.ClientSession
) -> None:
    await api.create_user(9101, first_name="Dimas (pendamping)", language_code="id")
    layout = await get(http, web.url + "/api/layout")
    phones = {p["role"]: p for p in layout["phones"]}
    assert [p["role"] for p in layout["phones"]] == [
        "student", "supporter", "counselor", "coordinator"]
    assert phones["student"]["user_id"] is None
    assert phones["supporter"]["user"]["first_name"] == "Dimas (pendamping)"
    assert (phones["counselor"]["user_id"], phones["counselor"]["user"]) == (9201, None)
    assert phones["coordinator"]["user_id"] == 9001
    assert layout["languages"] == ["id", "en"]
    assert layout["staff_ids"] == [9001, 9101, 9102, 9201]
    # every demo member has a phone: a role's phone switches between that role's members
    assert layout["members"] == {"coordinator": [9001], "supporter": [9101, 9102],
                                 "counselor": [9201]}

    custom = await get(http, web.url + "/api/layout?supporter=9102&coordinator=none&student=5")
    assert [(p["role"], p["user_id"]) for p in custom["phones"]] == [
        ("student", 5), ("supporter", 9102), ("counselor", 9201)]
    other = await get(http, web.url + "/api/layout?counselor=9333")
    assert other["members"]["counselor"] == [9333, 9201]
    async with http.get(web.url + "/api/layout?counselor=abc") as resp:
        assert resp.status == 400


async def test_add_student_send_media_and_press(
    api: SandboxBotApi, web: WebServer, http: aiohttp.ClientSession
) -> None:
    student = await post(http, web.url + "/api/students", name="Rara", language="id")
    assert student["first_name"] == "Rara"
    assert student["language_code"] == "id"
    assert "language" in await post(http, web.url + "/api/students", 400, name="X",
                                    language="fr")
    assert "name" in await post(http, web.url + "/api/students", 400, name=" ")
    sid = student["id"]

    ref = await post(http, web.url + "/api/send", user_id=sid, text="/start")
    assert ref["chat_id"] == sid
    await bot_call(api, "sendMessage", chat_id=sid, text="Lanjut?", reply_markup=KEYBOARD)
    await bot_call(api, "sendMessage", chat_id=sid, text="Pilih",
                   reply_markup={"keyboard": [["A", "B"]], "resize_keyboard": True})
    await post(http, web.url + "/api/media", user_id=sid, kind="sticker")

    view = await get(http, f"{web.url}/api/chat/{sid}")
    bubbles = view["messages"]
    assert [(b["from"], b["text"], b["media"]) for b in bubbles] == [
        ("user", "/start", None), ("bot", "Lanjut?", None), ("bot", "Pilih", None),
        ("user", "", "sticker")]
    assert bubbles[1]["buttons"] == [[{"text": "Ya", "callback_data": "in:consent:yes"}]]
    assert bubbles[3]["emoji"]
    assert view["reply_keyboard"] == [[{"text": "A"}, {"text": "B"}]]

    pressed = await post(http, web.url + "/api/press", user_id=sid,
                         message_id=bubbles[1]["id"], data="in:consent:yes")
    assert pressed["callback_query_id"]
    [update] = [u for u in await api.updates() if "callback_query" in u]
    assert update["callback_query"]["data"] == "in:consent:yes"
    assert "no button" in await post(http, web.url + "/api/press", 400, user_id=sid,
                                     message_id=bubbles[1]["id"], data="forged")
    assert "unknown user" in await post(http, web.url + "/api/send", 400, user_id=424242,
                                        text="hi")

    # edits are shown in place, deleted messages disappear, the reply keyboard can be removed
    await bot_call(api, "editMessageText", chat_id=sid, message_id=bubbles[1]["id"],
                   text="Lanjut? Ya")
    await bot_call(api, "deleteMessage", chat_id=sid, message_id=bubbles[2]["id"])
    await bot_call(api, "sendMessage", chat_id=sid, text="Oke",
                   reply_markup={"remove_keyboard": True})
    view = await get(http, f"{web.url}/api/chat/{sid}")
    assert [(b["id"], b["text"], b["edited"]) for b in view["messages"] if b["from"] == "bot"] == [
        (bubbles[1]["id"], "Lanjut? Ya", True), (bubbles[3]["id"] + 1, "Oke", False)]
    assert view["messages"][1]["buttons"] == []
    assert view["reply_keyboard"] == []


async def test_commands_menu_follows_scope_and_language(
    api: SandboxBotApi, web: WebServer, http: aiohttp.ClientSession
) -> None:
    await api.create_user(1, first_name="Ana", language_code="en")
    await api.create_user(2, first_name="Budi", language_code="id")
    await api.create_user(3, first_name="Coco", language_code="fr")
    assert await get(http, web.url + "/api/commands/1") == []
    await bot_call(api, "setMyCommands", commands=[{"command": "start", "description": "Mulai"}])
    await bot_call(api, "setMyCommands", language_code="en",
                   commands=[{"command": "start", "description": "Start"}])
    await bot_call(api, "setMyCommands", scope={"type": "chat", "chat_id": 2},
                   commands=[{"command": "duty", "description": "Tugas"}])
    assert await get(http, web.url + "/api/commands/1") == [
        {"command": "start", "description": "Start"}]
    assert await get(http, web.url + "/api/commands/2") == [
        {"command": "duty", "description": "Tugas"}]
    assert await get(http, web.url + "/api/commands/3") == [
        {"command": "start", "description": "Mulai"}]
    async with http.get(web.url + "/api/commands/99") as resp:
        assert resp.status == 400
    assert commands_for([], UserInfo(5, "X")) == []


async def test_websocket_streams_events_and_timeline(
    api: SandboxBotApi, web: WebServer, http: aiohttp.ClientSession
) -> None:
    web.timeline.publish("escalation.pinged", "before the page opened", {"chat_id": 9201})
    async with http.ws_connect(web.url + "/api/ws?since=0") as ws:
        first = await ws.receive_json(timeout=5)
        assert first["type"] == "timeline"
        assert first["entry"]["kind"] == "escalation.pinged"

        await post(http, web.url + "/api/students", name="Rara", language="en")
        web.timeline.publish("request.queued", "request queued", {"request_id": 7})
        await bot_call(api, "sendChatAction", chat_id=api.state.next_user_id - 1,
                       action="typing")
        seen: list[dict[str, Any]] = []
        while not any(m["type"] == "event" and m["event"]["type"] == "chat_action"
                      for m in seen):
            seen.append(await ws.receive_json(timeout=5))
    kinds = [m["entry"]["kind"] for m in seen if m["type"] == "timeline"]
    assert "tg.user" in kinds
    assert "web.student" in kinds
    assert "request.queued" in kinds
    events = [m["event"]["type"] for m in seen if m["type"] == "event"]
    assert events[0] == "user"
    assert "api_call" not in events
    # the REST view of the timeline has the same entries
    entries = await get(http, web.url + "/api/timeline?since=1")
    assert [e["kind"] for e in entries][-1] == "request.queued"


async def test_timeline_narrates_sandbox_traffic(api: SandboxBotApi, web: WebServer) -> None:
    await api.create_user(77, first_name="Rara", language_code="id")
    await api.send_text(77, "halo " + "x" * 200)
    await bot_call(api, "sendMessage", chat_id=77, text="Hai Rara", reply_markup=KEYBOARD)
    await api.press_button(77, 2, "in:consent:yes")
    summaries = [(e.kind, e.summary) for e in web.timeline.since(0)]
    assert ("tg.user", "user Rara (77) is here") in summaries
    assert ("tg.message", "bot → Rara (77): Hai Rara") in summaries
    assert ("tg.button", "Rara (77) pressed [Ya]") in summaries, "the label read, not the data"
    [said] = [s for k, s in summaries if k == "tg.update"]
    assert said.startswith("Rara (77) → bot: halo xxx")
    assert len(said) < 120
    unsubscribe = web.timeline.subscribe(lambda entry: None)
    unsubscribe()
    unsubscribe()  # twice is harmless
