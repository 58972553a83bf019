"""The simulator page's *skip ahead*: the sandbox bot's clock moves forward, so a tryout sees
what happens after minutes or hours (an offer expiring, the crisis ladder, a follow-up)
without waiting or shortening timers (a trial had to set SEJAWAT_* variables). Over real HTTP
against the page, with the real bot behind it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import aiohttp

from bot.config import Config
from sandbox.run import sandbox_running
from tests.e2e.e2e_support import WAIT

STUDENT, COUNSELOR, COORDINATOR = 5001, 9201, 9001


async def skip(page: str, minutes: object) -> tuple[int, dict[str, object]]:
    async with aiohttp.ClientSession() as http, http.post(
            f"{page}/api/time", json={"minutes": minutes}) as resp:
        return resp.status, await resp.json(content_type=None) if resp.status == 200 else {}


async def test_skipping_ahead_runs_what_fell_due_and_survives_a_restart(
    make_config: Callable[..., Config],
) -> None:
    config = make_config(sandbox={"host": "127.0.0.1", "port": 0, "api_port": 0})
    async with sandbox_running(config, port=0, api_port=0) as running:
        api, page = running.api, running.web.url.rstrip("/")
        await api.create_user(STUDENT, first_name="Rara", language_code="id")
        await api.send_text(STUDENT, "aku mau minum semua obat tidur mama malam ini")
        await api.wait_for_message(COUNSELOR, text_contains="#1", timeout=WAIT)
        assert not [m for m in api.state.bot_messages.get(COORDINATOR, [])
                    if "#1" in (m.text or "")], "the counselor first, not yet everyone"
        for wrong in (0, -5, 24 * 60 + 1, "soon"):
            status, _ = await skip(page, wrong)
            assert status == 400, wrong
        status, body = await skip(page, 5)
        assert status == 200, body
        await api.wait_for_message(COORDINATOR, text_contains="#1", timeout=WAIT)
        moved = running.app.services.clock() - datetime.now(UTC)
        assert timedelta(minutes=4) < moved < timedelta(minutes=6)
    async with sandbox_running(config, port=0, api_port=0) as running:
        moved = running.app.services.clock() - datetime.now(UTC)
        assert moved > timedelta(minutes=4), "a restart does not go back in time"


async def test_the_phones_show_the_skipped_clocks_time(
    make_config: Callable[..., Config],
) -> None:
    """(A newcomer trial: after +2 h the phones' message times had not moved.) What the page
    shows a phone (GET /api/chat/…) dates the messages after a skip at the bot's time, both
    the student's and the bot's; the ones before keep theirs."""
    config = make_config(sandbox={"host": "127.0.0.1", "port": 0, "api_port": 0})
    async with sandbox_running(config, port=0, api_port=0) as running:
        api, page = running.api, running.web.url.rstrip("/")
        await api.create_user(STUDENT, first_name="Rara", language_code="id")
        await api.send_text(STUDENT, "/start")
        first = await api.wait_for_message(STUDENT, timeout=WAIT)
        status, _ = await skip(page, 120)
        assert status == 200
        await api.send_text(STUDENT, "halo")
        later = await api.wait_for_message(STUDENT, after_message_id=first.message_id,
                                           timeout=WAIT)
        async with aiohttp.ClientSession() as http, \
                http.get(f"{page}/api/chat/{STUDENT}") as resp:
            view = (await resp.json())["result"]
        dates = {b["id"]: b["date"] for b in view["messages"]}
        now = datetime.now(UTC).timestamp()
        assert abs(dates[first.message_id] - now) < 60, "sent before the skip: as it was"
        assert abs(dates[later.message_id] - (now + 7200)) < 60, "after: the bot's time"
        typed = [b for b in view["messages"] if b["from"] == "user" and b["text"] == "halo"]
        assert typed, view["messages"]
        assert abs(typed[0]["date"] - (now + 7200)) < 60, "the student's message too"
