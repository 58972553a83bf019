"""``make run`` without a token, stopped and started again: the sandbox Bot API server starts
afresh but the bot's database persists, and the bot still answers (the sandbox never hands out
an update id the bot already stored, as Telegram's ids never go back)."""

from __future__ import annotations

from collections.abc import Callable

from bot.config import Config
from sandbox.run import sandbox_running
from tests.e2e.e2e_support import WAIT

STUDENT = 5001


async def say_and_hear(config: Config) -> int:
    """One run of the sandbox: a student says /start and the bot answers; the update id."""
    async with sandbox_running(config, port=0, api_port=0) as running:
        api = running.api
        await api.create_user(STUDENT, first_name="Rara", language_code="id")
        ref = await api.send_text(STUDENT, "/start")
        await api.wait_for_message(STUDENT, timeout=WAIT)
        return int(ref.update_id)


async def test_the_bot_answers_after_the_sandbox_is_restarted_on_the_same_database(
    make_config: Callable[..., Config],
) -> None:
    config = make_config(sandbox={"host": "127.0.0.1", "port": 0, "api_port": 0})
    first = await say_and_hear(config)
    second = await say_and_hear(config)  # a new sandbox server, the same database file
    assert second > first
