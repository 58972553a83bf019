"""/healthz and /metrics over HTTP: on the webhook's app in webhook mode, on a small server of
their own in polling mode (``observability.listen_port``)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from aiohttp import web

log = logging.getLogger("sejawat.status")

Health = Callable[[], Awaitable[dict[str, object]]]
Scrape = Callable[[], Awaitable[bytes]]
METRICS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"


def add_routes(app: web.Application, health: Health | None, scrape: Scrape | None) -> None:
    """GET /healthz: 200 ``health()`` while the database answers, else 503
    ``{"status": "degraded"}``. GET /metrics (when given): the Prometheus text."""

    async def healthz(_request: web.Request) -> web.Response:
        body: dict[str, object] = {"status": "ok"}
        if health is not None:
            try:
                body = await health()
            except Exception as exc:  # noqa: BLE001 - the database is down: say so
                return web.json_response({"status": "degraded", "error": type(exc).__name__},
                                         status=503)
        return web.json_response(body)

    async def metrics(_request: web.Request) -> web.Response:
        assert scrape is not None
        return web.Response(body=await scrape(),
                            headers={"Content-Type": METRICS_CONTENT_TYPE})

    app.router.add_get("/healthz", healthz)
    if scrape is not None:
        app.router.add_get("/metrics", metrics)


class StatusServer:
    """/healthz and /metrics on ``host:port`` (polling mode has no webhook app to carry them)."""

    def __init__(self, host: str, port: int, health: Health | None,
                 scrape: Scrape | None) -> None:
        self.host = host
        self.port = port
        self._health = health
        self._scrape = scrape
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        app = web.Application()
        add_routes(app, self._health, self._scrape)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        try:
            await web.TCPSite(runner, self.host, self.port).start()
        except BaseException:
            await runner.cleanup()
            raise
        self._runner = runner
        log.info("serving /healthz and /metrics on %s:%s", self.host, self.port)

    async def stop(self) -> None:
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()
