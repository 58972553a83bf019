"""bench.proxy: the round-robin proxy bench_multiworker puts in front of webhook workers."""

from __future__ import annotations

import aiohttp
import pytest
from aiohttp import web

from bench.proxy import PATH, Rotation, RoundRobinProxy, free_port


def test_rotation_starts_one_further_each_time_and_tries_every_upstream() -> None:
    rotation = Rotation(["a", "b", "c"])
    assert [rotation.order() for _ in range(4)] == [
        ["a", "b", "c"], ["b", "c", "a"], ["c", "a", "b"], ["a", "b", "c"]]
    with pytest.raises(ValueError, match="at least one"):
        Rotation([])


async def _upstream(name: str, seen: list[tuple[str, str | None, bytes]]) -> web.AppRunner:
    async def receive(request: web.Request) -> web.Response:
        secret = request.headers.get("X-Telegram-Bot-Api-Secret-Token")
        seen.append((name, secret, await request.read()))
        return web.json_response({"ok": True, "by": name})

    app = web.Application()
    app.router.add_post(PATH, receive)
    runner = web.AppRunner(app)
    await runner.setup()
    return runner


async def test_requests_alternate_between_workers_and_a_dead_one_is_skipped() -> None:
    seen: list[tuple[str, str | None, bytes]] = []
    ports = [free_port() for _ in range(3)]  # the third: nobody listens there
    runners = [await _upstream(name, seen) for name in ("one", "two")]
    for runner, port in zip(runners, ports, strict=False):
        await web.TCPSite(runner, "127.0.0.1", port).start()
    upstreams = [f"http://127.0.0.1:{port}" for port in ports]
    proxy = RoundRobinProxy(upstreams)
    await proxy.start()
    try:
        async with aiohttp.ClientSession() as http:
            answers = []
            for n in range(6):
                async with http.post(proxy.url, json={"update_id": n},
                                     headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret"}
                                     ) as answer:
                    assert answer.status == 200
                    answers.append((await answer.json())["by"])
    finally:
        await proxy.stop()
        for runner in runners:
            await runner.cleanup()
    # turns: one, two, dead (-> one), one, two, dead (-> one)
    assert answers == ["one", "two", "one", "one", "two", "one"]
    assert proxy.served == {upstreams[0]: 4, upstreams[1]: 2, upstreams[2]: 0}
    assert proxy.skipped == 2
    assert proxy.failed == 0
    assert all(secret == "s3cret" for _, secret, _ in seen)
    assert [body for _, _, body in seen] == [b'{"update_id": %d}' % n for n in range(6)]


async def test_no_upstream_answering_is_a_502() -> None:
    proxy = RoundRobinProxy([f"http://127.0.0.1:{free_port()}"])
    await proxy.start()
    try:
        async with aiohttp.ClientSession() as http, http.post(proxy.url, data=b"{}") as answer:
            assert answer.status == 502
    finally:
        await proxy.stop()
    assert proxy.failed == 1
