"""The SQLite gate (storage.gate): one unit of work at a time, handed straight to the next,
storing updates and the crisis fast lane before anything else, arrival order otherwise."""

from __future__ import annotations

import asyncio

import pytest

from storage.gate import Gate, urgent


async def _hold(gate: Gate, name: str, order: list[str], release: asyncio.Event | None = None,
                is_urgent: bool = False) -> None:
    if is_urgent:
        with urgent():
            await gate.acquire()
    else:
        await gate.acquire()
    order.append(name)
    try:
        if release is not None:
            await release.wait()
        await asyncio.sleep(0)
    finally:
        gate.release()


async def test_the_most_urgent_goes_next_then_in_arrival_order() -> None:
    gate, order, go = Gate(), list[str](), asyncio.Event()
    first = asyncio.create_task(_hold(gate, "processing 1", order, go))
    await asyncio.sleep(0)
    waiting = [asyncio.create_task(_hold(gate, name, order, is_urgent=name.startswith("store")))
               for name in ("processing 2", "store 1", "processing 3", "store 2")]
    await asyncio.sleep(0.01)
    assert order == ["processing 1"]  # one at a time
    go.set()
    await asyncio.gather(first, *waiting)
    assert order == ["processing 1", "store 1", "store 2", "processing 2", "processing 3"]


async def test_a_cancelled_waiter_does_not_keep_the_gate() -> None:
    gate, order, go = Gate(), list[str](), asyncio.Event()
    holder = asyncio.create_task(_hold(gate, "holder", order, go))
    await asyncio.sleep(0)
    gone = asyncio.create_task(_hold(gate, "gone", order))
    later = asyncio.create_task(_hold(gate, "later", order))
    await asyncio.sleep(0.01)
    gone.cancel()
    go.set()
    await asyncio.gather(holder, later)
    with pytest.raises(asyncio.CancelledError):
        await gone
    assert order == ["holder", "later"]
    await asyncio.wait_for(gate.acquire(), 1)  # free again
    gate.release()


async def test_a_holder_that_fails_hands_the_gate_on() -> None:
    gate, order = Gate(), list[str]()

    async def fails() -> None:
        await gate.acquire()
        try:
            raise RuntimeError("the transaction failed")
        finally:
            gate.release()

    with pytest.raises(RuntimeError):
        await fails()
    await asyncio.wait_for(_hold(gate, "next", order), 1)
    assert order == ["next"]


async def test_nested_in_one_task_does_not_wait_for_itself() -> None:
    gate = Gate()
    await gate.acquire()
    async with asyncio.timeout(1):  # (in this task: wait_for would run it in another)
        await gate.acquire()
    gate.release()
    gate.release()
    await asyncio.wait_for(gate.acquire(), 1)
    gate.release()
