"""Delivers queued updates to the webhook URL, in order, one at a time, with retries."""

from __future__ import annotations

import asyncio
import contextlib
import time

import aiohttp

from sandbox.state import PendingUpdate, SandboxState

BACKOFF_START = 0.1
BACKOFF_MAX = 2.0


class WebhookDeliverer:
    def __init__(self, state: SandboxState, request_timeout: float = 10.0) -> None:
        self.state = state
        self.request_timeout = request_timeout
        self._task: asyncio.Task[None] | None = None
        self._session: aiohttp.ClientSession | None = None

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="sandbox-webhook")

    async def stop(self) -> None:
        task, self._task = self._task, None
        try:
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        finally:  # closed even if the delivery loop had failed
            if self._session is not None:
                await self._session.close()
                self._session = None

    def _next(self) -> PendingUpdate | None:
        if self.state.webhook is None or not self.state.pending:
            return None
        return self.state.pending[0]

    async def _run(self) -> None:
        backoff = BACKOFF_START
        self._session = aiohttp.ClientSession(
            timeout=aiohttp.ClientTimeout(total=self.request_timeout)
        )
        while not self.state.closing:
            item = await self.state.wait_until(self._next, 3600.0)
            hook = self.state.webhook
            if item is None or hook is None:
                continue
            headers = {}
            if hook.secret_token:
                headers["X-Telegram-Bot-Api-Secret-Token"] = hook.secret_token
            update_id = item.update_id
            error: str | None = None
            try:
                async with self._session.post(hook.url, json=item.update, headers=headers) as resp:
                    await resp.read()
                    if not 200 <= resp.status < 300:
                        error = f"Wrong response from the webhook: {resp.status} {resp.reason}"
            except (aiohttp.ClientError, TimeoutError, OSError) as exc:
                error = f"Connection failed: {type(exc).__name__}: {exc}"[:200]
            if error is None:
                with contextlib.suppress(ValueError):
                    self.state.pending.remove(item)
                backoff = BACKOFF_START
                self.state.emit("webhook_delivered", update_id=update_id)
                continue
            hook.last_error_date = int(time.time())
            hook.last_error_message = error
            self.state.emit("webhook_failed", update_id=update_id, error=error, retry_in=backoff)
            await asyncio.sleep(backoff)
            backoff = min(BACKOFF_MAX, backoff * 2)
