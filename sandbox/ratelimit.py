"""Token-bucket flood control similar to Telegram's (per chat and global)."""

from __future__ import annotations

import math
import time


class TokenBucket:
    def __init__(self, rate: float, burst: float) -> None:
        self.rate = rate
        self.burst = max(1.0, burst)
        self.tokens = self.burst
        self.stamp = time.monotonic()

    def _refill(self, now: float) -> None:
        if now > self.stamp:
            self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
            self.stamp = now

    def wait_time(self, now: float) -> float:
        """Seconds until one token is available (0 if available now)."""
        self._refill(now)
        if self.tokens >= 1.0:
            return 0.0
        return (1.0 - self.tokens) / self.rate

    def take(self) -> None:
        self.tokens -= 1.0


class RateLimiter:
    """Checks a send against the per-chat and the global bucket; consumes only if both allow."""

    def __init__(
        self,
        per_chat_limit: float | None = None,
        global_limit: float | None = None,
        per_chat_burst: float = 3.0,
        global_burst: float | None = None,
    ) -> None:
        self.per_chat_limit = per_chat_limit
        self.global_limit = global_limit
        self.per_chat_burst = per_chat_burst
        self.global_burst = global_burst
        self._chats: dict[int, TokenBucket] = {}
        self._global: TokenBucket | None = None
        self.configure(per_chat_limit, global_limit, per_chat_burst, global_burst)

    def configure(
        self,
        per_chat_limit: float | None,
        global_limit: float | None,
        per_chat_burst: float = 3.0,
        global_burst: float | None = None,
    ) -> None:
        self.per_chat_limit = per_chat_limit if per_chat_limit and per_chat_limit > 0 else None
        self.global_limit = global_limit if global_limit and global_limit > 0 else None
        self.per_chat_burst = per_chat_burst
        self.global_burst = global_burst
        self._chats.clear()
        self._global = None
        if self.global_limit is not None:
            self._global = TokenBucket(self.global_limit, global_burst or self.global_limit)

    def check(self, chat_id: int) -> int | None:
        """``None`` if the send may go; otherwise the retry_after seconds (>= 1)."""
        now = time.monotonic()
        wait = 0.0
        chat_bucket: TokenBucket | None = None
        if self.per_chat_limit is not None:
            chat_bucket = self._chats.get(chat_id)
            if chat_bucket is None:
                chat_bucket = TokenBucket(self.per_chat_limit, self.per_chat_burst)
                self._chats[chat_id] = chat_bucket
            wait = max(wait, chat_bucket.wait_time(now))
        if self._global is not None:
            wait = max(wait, self._global.wait_time(now))
        if wait > 0:
            return max(1, math.ceil(wait))
        if chat_bucket is not None:
            chat_bucket.take()
        if self._global is not None:
            self._global.take()
        return None
