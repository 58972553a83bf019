"""``make run`` without a token, stopped and started again: the sandbox Bot API server starts
afresh but the bot's database persists, and the bot still answers (the sandbox never hands out
an update id the bot already stored, as Telegram's ids never go back)."""

from __future__ import annotations

from collections.abc import Callable

from bot.config import Config
from sandbox.run import sandbox_running
from sandbox.simulate import ensure_user
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


async def new_student_says_start(config: Config) -> int:
    """One run: a student the page creates (the next free id) says /start; their id."""
    async with sandbox_running(config, port=0, api_port=0) as running:
        api = running.api
        user = ensure_user(api.state, first_name="Bima", language_code="id")
        await api.send_text(user.id, "/start")
        await api.wait_for_message(user.id, timeout=WAIT)
        return user.id


async def test_a_new_student_after_a_restart_never_gets_an_earlier_students_id(
    make_config: Callable[..., Config],
) -> None:
    """Seen (newcomer hour): after a restart the page's new student got the first run's
    student's id, and with it that student's chat name and history."""
    config = make_config(sandbox={"host": "127.0.0.1", "port": 0, "api_port": 0})
    first = await new_student_says_start(config)
    second = await new_student_says_start(config)
    assert second > first
