"""Shared benchmark plumbing: configs, databases, the bot in a child process, the sandbox tracker.

Layout of a run: the sandbox Bot API server and the load driver live in this (the parent)
process; the bot under test (Sejawat or a bare echo bot) runs in a child process started with
``python -m bench.botproc``. On a 2-core machine this gives the bot its own core, so the driver
and the sandbox (which a real deployment would not have on the same core) do not steal its CPU,
and the child's CPU time and RSS can be read from ``/proc`` without counting the driver.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import pathlib
import platform
import secrets
import signal
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sandbox.botapi import SandboxBotApi
from sandbox.types import BotMessage, Event
from storage.crypto import generate_key

T = TypeVar("T")

ROOT = pathlib.Path(__file__).resolve().parents[1]
RESULTS_DIR = pathlib.Path(__file__).with_name("results")
TOKEN = "1000000001:SANDBOX-bench-token-000000000000"
POSTGRES_ENV = "SEJAWAT_BENCH_POSTGRES_URL"
DEFAULT_POSTGRES = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
RESOURCES = {
    "id": [{"name": "Layanan darurat", "contact": "112"},
           {"name": "Konselor sekolah", "contact": "0812-0000-0000", "note": "jam sekolah"}],
    "en": [{"name": "Emergency", "contact": "112"},
           {"name": "School counselor", "contact": "0812-0000-0000", "note": "school hours"}],
}
# The sandbox enforces no limits in benches 1, 2, 4 and 6: the outbox pacing is raised so that
# what is measured is the bot's processing, not Telegram's (or the sender's) flood limits.
# Bench 3 measures delivery at the real limits with the default pacing.
UNPACED_OUTBOX = {"per_chat_rate": 1000.0, "global_rate": 100000.0}


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# -- statistics ---------------------------------------------------------------------------------


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100); NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, int(round(q / 100 * len(ordered) + 0.5)) - 1))
    return ordered[index]


def latency_summary(seconds: Sequence[float]) -> dict[str, float]:
    return {
        "count": float(len(seconds)),
        "p50_ms": percentile(seconds, 50) * 1000,
        "p99_ms": percentile(seconds, 99) * 1000,
        "max_ms": (max(seconds) * 1000) if seconds else float("nan"),
    }


def write_result(name: str, data: dict[str, Any]) -> pathlib.Path:
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = RESULTS_DIR / f"{name}.json"
    payload = {"python": platform.python_version(), "machine": platform.machine(),
               "cpus": os.cpu_count(), "written_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
               **data}
    path.write_text(json.dumps(payload, indent=2, default=str) + "\n", encoding="utf-8")
    return path


def read_result(name: str) -> dict[str, Any] | None:
    path = RESULTS_DIR / f"{name}.json"
    if not path.exists():
        return None
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    cells = [[_fmt(c) for c in row] for row in rows]
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) if i == 0 else h.rjust(w)
                    for i, (h, w) in enumerate(zip(headers, widths, strict=True))))
    for row in cells:
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                        for i, (c, w) in enumerate(zip(row, widths, strict=True))))
    sys.stdout.flush()


def _fmt(value: object) -> str:
    if isinstance(value, float):
        if value != value:  # NaN
            return "-"
        return f"{value:.0f}" if abs(value) >= 100 else f"{value:.2f}"
    return str(value)


# -- /proc readings of the bot process -----------------------------------------------------------


def proc_cpu_seconds(pid: int) -> float:
    """User + system CPU seconds used by ``pid`` so far."""
    fields = pathlib.Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks


def proc_memory_kib(pid: int) -> dict[str, int]:
    """VmRSS (now) and VmHWM (peak RSS) of ``pid`` in KiB."""
    out: dict[str, int] = {}
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            out[key] = int(rest.split()[0])
    return out


# -- databases ---------------------------------------------------------------------------------


def postgres_base_url() -> str:
    return os.environ.get(POSTGRES_ENV, DEFAULT_POSTGRES)


@contextlib.asynccontextmanager
async def database(backend: str) -> AsyncIterator[str]:
    """A fresh database URL: a SQLite file in a temporary folder, or a new PostgreSQL database
    named ``sejawat_bench_*`` (dropped afterwards)."""
    if backend == "sqlite":
        with tempfile.TemporaryDirectory(prefix="sejawat_bench_") as folder:
            yield f"sqlite+aiosqlite:///{folder}/bench.sqlite3"
        return
    import asyncpg
    from sqlalchemy.engine import make_url

    base = make_url(postgres_base_url())
    name = f"sejawat_bench_{secrets.token_hex(5)}"
    dsn = base.set(drivername="postgresql").render_as_string(hide_password=False)
    admin = await asyncpg.connect(dsn)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


async def postgres_available() -> str | None:
    """None if PostgreSQL answers; otherwise why not."""
    try:
        import asyncpg
        from sqlalchemy.engine import make_url

        dsn = make_url(postgres_base_url()).set(drivername="postgresql")
        conn = await asyncio.wait_for(
            asyncpg.connect(dsn.render_as_string(hide_password=False)), 5)
        await conn.close()
    except Exception as exc:  # reported in the tables, the other backends still run
        return f"{type(exc).__name__}: {exc}"
    return None


def raw_config(api_base: str, db_url: str, transport: str = "aiogram",
               outbox: dict[str, float] | None = None,
               **sections: dict[str, Any]) -> dict[str, Any]:
    """The config as plain data (like tests/conftest.py::make_config), for the child process."""
    raw: dict[str, Any] = {
        "telegram": {"token": TOKEN, "api_base": api_base, "transport": transport,
                     "mode": "polling"},
        "database": {"url": db_url},
        "privacy": {"data_key": generate_key()},
        "resources": RESOURCES,
        "outbox": dict(UNPACED_OUTBOX if outbox is None else outbox),
    }
    for name, values in sections.items():
        raw[name] = {**raw.get(name, {}), **values}
    return raw


# -- the bot in a child process ------------------------------------------------------------------


@dataclass(frozen=True)
class StaffSpec:
    telegram_id: int
    role: str
    name: str
    on_duty: bool = True
    capacity: int = 2

    def to_json(self) -> dict[str, Any]:
        return {"telegram_id": self.telegram_id, "role": self.role, "name": self.name,
                "on_duty": self.on_duty, "capacity": self.capacity}


class BotProcess:
    """``python -m bench.botproc`` running one bot; started, measured, stopped."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec
        self.proc: asyncio.subprocess.Process | None = None
        self.final: dict[str, Any] = {}
        self._spec_file: str | None = None

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    async def start(self, timeout: float = 60.0) -> None:
        fd, path = tempfile.mkstemp(prefix="sejawat_bench_", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(self.spec, handle)
        self._spec_file = path
        self.proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bench.botproc", path, cwd=str(ROOT),
            stdout=asyncio.subprocess.PIPE, stderr=None,
        )
        assert self.proc.stdout is not None
        line = await asyncio.wait_for(self.proc.stdout.readline(), timeout)
        if not line.startswith(b"READY"):
            await self.stop()
            raise RuntimeError(f"bot process did not start: {line!r}")

    def cpu_seconds(self) -> float:
        return proc_cpu_seconds(self.pid)

    async def probe(self, timeout: float = 10.0) -> dict[str, Any]:
        """SIGUSR1 -> the ``PROBE {json}`` line of a bot started with ``time_detector``."""
        assert self.proc is not None
        assert self.proc.stdout is not None
        self.proc.send_signal(signal.SIGUSR1)
        while True:
            line = await asyncio.wait_for(self.proc.stdout.readline(), timeout)
            if not line:
                raise RuntimeError("bot process ended before answering the probe")
            if line.startswith(b"PROBE "):
                data: dict[str, Any] = json.loads(line[6:])
                return data

    def memory_kib(self) -> dict[str, int]:
        return proc_memory_kib(self.pid)

    async def stop(self, timeout: float = 30.0) -> dict[str, Any]:
        proc = self.proc
        if proc is None:
            return self.final
        if proc.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                proc.send_signal(signal.SIGTERM)
        try:
            assert proc.stdout is not None
            out = await asyncio.wait_for(proc.stdout.read(), timeout)
            await asyncio.wait_for(proc.wait(), timeout)
        except TimeoutError:
            proc.kill()
            await proc.wait()
            out = b""
        for line in out.decode(errors="replace").splitlines():
            if line.startswith("STATS "):
                self.final = json.loads(line[6:])
        if self._spec_file:
            with contextlib.suppress(OSError):
                os.unlink(self._spec_file)
        self.proc = None
        return self.final


def sejawat_spec(config: dict[str, Any], staff: Sequence[StaffSpec] = (),
                 time_detector: bool = False) -> dict[str, Any]:
    return {"kind": "sejawat", "config": config, "staff": [s.to_json() for s in staff],
            "time_detector": time_detector}


def echo_spec(transport: str, api_base: str) -> dict[str, Any]:
    return {"kind": "echo", "transport": transport, "token": TOKEN, "api_base": api_base}


# -- watching the sandbox ------------------------------------------------------------------------


class Tracker:
    """Wakes per-chat waiters when the bot sends or edits a message in that chat.

    Hooks into ``SandboxState.listeners`` (called synchronously for every sandbox event), so
    waiting costs O(1) per event instead of every waiter re-probing on every change.
    """

    def __init__(self, api: SandboxBotApi) -> None:
        self.api = api
        self.state = api.state
        self._waiters: dict[int, list[asyncio.Event]] = {}
        self.on_sent: list[Callable[[BotMessage], None]] = []
        self.sent = 0
        self.state.listeners.append(self._on_event)

    def close(self) -> None:
        with contextlib.suppress(ValueError):
            self.state.listeners.remove(self._on_event)

    def _on_event(self, event: Event) -> None:
        if event.type not in ("message_sent", "message_edited"):
            return
        chat_id = int(event.data["chat_id"])
        if event.type == "message_sent":
            self.sent += 1
            if self.on_sent:
                record = self.state.bot_message_index.get((chat_id, int(event.data["message_id"])))
                if record is not None:
                    for hook in self.on_sent:
                        hook(record)
        for waiter in self._waiters.pop(chat_id, ()):
            waiter.set()

    def messages(self, chat_id: int) -> list[BotMessage]:
        return self.state.bot_messages.get(chat_id, [])

    async def wait(self, chat_id: int, probe: Callable[[], T | None], timeout: float) -> T:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            found = probe()
            if found is not None:
                return found
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError(f"chat {chat_id}: nothing expected within {timeout}s")
            waiter = asyncio.Event()
            self._waiters.setdefault(chat_id, []).append(waiter)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(waiter.wait(), remaining)

    async def next_message(self, chat_id: int, index: int, timeout: float) -> BotMessage:
        """The first bot message in the chat at position >= ``index`` (send order)."""

        def probe() -> BotMessage | None:
            records = self.messages(chat_id)
            return records[index] if len(records) > index else None

        return await self.wait(chat_id, probe, timeout)

    async def button(self, chat_id: int, index: int, data: str, timeout: float) -> BotMessage:
        """The newest bot message at position >= ``index`` currently offering ``data``."""

        def probe() -> BotMessage | None:
            for record in reversed(self.messages(chat_id)[index:]):
                if not record.deleted and data in record.button_data():
                    return record
            return None

        return await self.wait(chat_id, probe, timeout)


@dataclass
class Collected:
    """Latencies (seconds) and counts gathered by load drivers."""

    latencies: list[float] = field(default_factory=list)
    updates: int = 0
    errors: list[str] = field(default_factory=list)
    first_injection: float = 0.0
    last_reply: float = 0.0

    def mark(self, injected: float, replied: float) -> None:
        if not self.first_injection or injected < self.first_injection:
            self.first_injection = injected
        self.last_reply = max(self.last_reply, replied)
        self.latencies.append(replied - injected)

    @property
    def wall(self) -> float:
        return max(1e-9, self.last_reply - self.first_injection)


@contextlib.asynccontextmanager
async def sandbox_server(**limits: Any) -> AsyncIterator[SandboxBotApi]:
    api = SandboxBotApi(token=TOKEN, **limits)
    await api.start()
    try:
        yield api
    finally:
        await api.stop()


def prompt_head(raw: dict[str, Any], lang: str, key: str) -> str:
    """The start of what a user sees for ``key`` (up to its first parameter), to recognise it."""
    import re

    from bot.config import Config
    from bot.i18n import LOCALES_DIR, Catalog

    config = Config.model_validate(raw)
    catalog = Catalog(config.program.languages, config.program.default_language,
                      config.program.name, config.resources)
    sentinel = "\ue000"
    names = set(re.findall(r"\{ *\$(\w+)", (LOCALES_DIR / lang / "sejawat.ftl").read_text()))
    text = catalog.render(lang, key, {name: sentinel for name in names})
    head = text.split(sentinel, 1)[0].strip()
    return head.splitlines()[0] if head else text.replace(sentinel, "").strip()[:20]
