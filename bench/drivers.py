"""Load drivers: simulated students (intake) and echo-bot users, acting through the sandbox.

Latency of one update = the sandbox's ``sent_at`` (time.monotonic, in this process) of the first
bot message in the chat after the update, minus ``time.monotonic()`` taken just before the
update was injected (``send_text`` / ``press_button`` return once it is queued).
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass

from bench.common import Collected, Tracker
from sandbox.botapi import SandboxBotApi

DESCRIPTION = "Aku stres banget karena ujian dan tidak bisa tidur beberapa hari ini."
STEP_TIMEOUT = 120.0
FIRST_STUDENT = 2_000_000_001


@dataclass(frozen=True)
class Step:
    kind: str  # "text" or "button"
    value: str  # the text, or the callback data to press
    then: str | None  # callback data the bot must offer before the next step (None: any reply)


def intake_steps(lang: str = "id", description: str = DESCRIPTION) -> list[Step]:
    """The whole intake, as ``tests/e2e/e2e_support.py::complete_intake`` does it."""
    return [
        Step("text", "/start", "in:consent:yes"),
        Step("button", "in:consent:yes", f"in:lang:{lang}"),
        Step("button", f"in:lang:{lang}", "in:topic:academic"),
        Step("button", "in:topic:academic", None),
        Step("text", description, "in:feeling:3"),
        Step("button", "in:feeling:3", "in:name:keep"),
        Step("button", "in:name:keep", "in:confirm:"),
        Step("button", "in:confirm:", None),
    ]


async def create_users(api: SandboxBotApi, ids: Sequence[int], language: str = "id") -> None:
    for user_id in ids:
        await api.create_user(user_id, first_name=f"S{user_id}", language_code=language)


async def run_step(
    api: SandboxBotApi, tracker: Tracker, user_id: int, step: Step, out: Collected | None,
) -> float:
    """Inject one update, wait for the reply (and what the next step needs); the latency."""
    index = len(tracker.messages(user_id))
    if step.kind == "text":
        injected = time.monotonic()
        await api.send_text(user_id, step.value)
    else:
        offer = await tracker.button(user_id, 0, step.value, STEP_TIMEOUT)
        injected = time.monotonic()
        await api.press_button(user_id, offer.message_id, step.value)
    reply = await tracker.next_message(user_id, index, STEP_TIMEOUT)
    if step.then is not None:
        await tracker.button(user_id, index, step.then, STEP_TIMEOUT)
    if out is not None:
        out.updates += 1
        out.mark(injected, reply.sent_at)
    return reply.sent_at - injected


async def student(
    api: SandboxBotApi, tracker: Tracker, user_id: int, steps: Sequence[Step], out: Collected,
    think: tuple[float, float] = (0.0, 0.0), rng: random.Random | None = None,
) -> None:
    for step in steps:
        if think[1] > 0:
            await asyncio.sleep((rng or random).uniform(*think))
        try:
            await run_step(api, tracker, user_id, step, out)
        except Exception as exc:  # counted and reported; the others go on
            out.errors.append(f"{user_id}: {type(exc).__name__}: {exc}"[:300])
            return


async def echo_user(
    api: SandboxBotApi, tracker: Tracker, user_id: int, count: int, out: Collected,
    think: tuple[float, float] = (0.0, 0.0), rng: random.Random | None = None,
) -> None:
    """Send ``count`` texts one after another, each once the previous one was echoed."""
    for n in range(count):
        if think[1] > 0:
            await asyncio.sleep((rng or random).uniform(*think))
        text = f"echo {user_id} {n} {DESCRIPTION[:40]}"
        index = len(tracker.messages(user_id))
        injected = time.monotonic()
        await api.send_text(user_id, text)
        try:
            reply = await tracker.next_message(user_id, index, STEP_TIMEOUT)
        except TimeoutError as exc:
            out.errors.append(f"{user_id}: {exc}")
            return
        out.updates += 1
        out.mark(injected, reply.sent_at)


async def gather_bounded(coros: Sequence[asyncio.Future[None] | asyncio.Task[None]],
                         timeout: float) -> bool:
    """Wait for all tasks up to ``timeout`` seconds; cancel the rest. True if all finished."""
    if not coros:
        return True
    done, pending = await asyncio.wait(coros, timeout=timeout)
    for task in pending:
        task.cancel()
    if pending:
        await asyncio.gather(*pending, return_exceptions=True)
    return not pending
