"""A round-robin reverse proxy for webhook workers (bench_multiworker), like the one in front of
several ``sejawat run`` processes in production (Caddy in compose.yaml).

Each POST to ``/telegram`` goes to the next worker in turn, with its body and the two headers a
webhook needs; the worker's answer (status and body) goes back to the caller. A worker that
refuses the connection is skipped for that request, as a proxy's health check would; if none
answers, 502 (Telegram then delivers the update again). Counts what each worker served.
"""

from __future__ import annotations

import socket
from collections.abc import Sequence

import aiohttp
from aiohttp import web

PATH = "/telegram"
FORWARDED = ("content-type", "x-telegram-bot-api-secret-token")


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nothing listens on right now (the OS's choice)."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


class Rotation:
    """The order in which upstreams are tried: each call starts one further along."""

    def __init__(self, upstreams: Sequence[str]) -> None:
        if not upstreams:
            raise ValueError("a proxy needs at least one upstream")
        self.upstreams = list(upstreams)
        self._next = 0

    def order(self) -> list[str]:
        """Every upstream once, starting with this request's turn."""
        start = self._next
        self._next = (start + 1) % len(self.upstreams)
        return self.upstreams[start:] + self.upstreams[:start]


class RoundRobinProxy:
    """``http://host:port/telegram`` -> ``<upstream>/telegram``, one upstream after the other."""

    def __init__(self, upstreams: Sequence[str], host: str = "127.0.0.1",
                 port: int | None = None, timeout: float = 60.0) -> None:
        self.rotation = Rotation(upstreams)
        self.host = host
        self.port = port or free_port(host)
        self.timeout = timeout
        self.served = dict.fromkeys(self.rotation.upstreams, 0)
        self.skipped = 0  # requests an upstream refused (tried the next one)
        self.failed = 0  # requests no upstream took (answered 502)
        self._runner: web.AppRunner | None = None
        self._http: aiohttp.ClientSession | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}{PATH}"

    async def start(self) -> None:
        self._http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=self.timeout))
        app = web.Application()
        app.router.add_post(PATH, self._forward)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, self.host, self.port).start()

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        if self._http is not None:
            await self._http.close()
            self._http = None

    async def _forward(self, request: web.Request) -> web.Response:
        assert self._http is not None
        body = await request.read()
        headers = {k: v for k, v in request.headers.items() if k.lower() in FORWARDED}
        for upstream in self.rotation.order():
            try:
                async with self._http.post(upstream + PATH, data=body, headers=headers) as answer:
                    payload = await answer.read()
                    self.served[upstream] += 1
                    return web.Response(status=answer.status, body=payload,
                                        content_type=answer.content_type)
            except aiohttp.ClientConnectionError:
                self.skipped += 1
                continue
        self.failed += 1
        return web.Response(status=502, text="no upstream answered")
