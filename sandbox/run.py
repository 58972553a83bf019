"""``sejawat sandbox`` (and ``sejawat run`` without a token): the whole experience offline.

Starts the sandbox Bot API server, the bot against it, demo staff (a coordinator, two trained
supporters on duty, a counselor on duty, weekday shifts) and the simulator page, whose
timeline shows what the system did (from the audit log: never message text).
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pydantic import SecretStr

from bot.app import App
from bot.config import Config, DatabaseConfig
from bot.outbox import queue_effects
from sandbox.botapi import SandboxBotApi
from sandbox.demo import DEMO_SHIFT, DEMO_STAFF
from sandbox.web import PracticeHook, TimeHook, Timeline, WebServer, start_web
from storage.crypto import generate_key

SANDBOX_TOKEN = "1000000001:SANDBOX-sejawat-local-token-000000000"
DATA_DIR = Path("data")


def sandbox_key(path: Path = DATA_DIR / "sandbox.key") -> str:
    """The sandbox's own data key, generated once and kept beside its database."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(generate_key() + "\n", encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


def sandbox_config(config: Config, api_base: str) -> Config:
    """The same config, pointed at the sandbox, with its own database and key."""
    database = config.database
    if database.url == DatabaseConfig().url:
        database = DatabaseConfig(url="sqlite+aiosqlite:///./data/sandbox.sqlite3")
    privacy = config.privacy
    if not privacy.data_key.get_secret_value():
        privacy = privacy.model_copy(update={"data_key": SecretStr(sandbox_key())})
    telegram = config.telegram.model_copy(
        update={"token": SecretStr(SANDBOX_TOKEN), "api_base": api_base, "mode": "polling"}
    )
    return config.model_copy(update={"telegram": telegram, "database": database,
                                     "privacy": privacy})


async def seed_demo(app: App, api: SandboxBotApi, language: str = "id") -> None:
    """Demo staff in the sandbox and the database (idempotent), ready to take requests; the
    bot speaks ``language`` to them (the first time they are created)."""
    from handlers.shifts import plan_shift

    now = app.services.clock()
    async with app.store() as uow:
        for telegram_id, role, name in DEMO_STAFF:
            await api.create_user(telegram_id, first_name=name, language_code=language)
            await uow.people.get_or_create(telegram_id, language, now)
            if await uow.members.by_telegram_id(telegram_id) is not None:
                continue
            member = await uow.members.add(telegram_id, role, name, now, trained=True,
                                           languages=["id", "en"])
            member.on_duty = role != "coordinator"
            if role == "supporter":
                shift = await uow.shifts.add(member.id, *DEMO_SHIFT, source="demo")
                await plan_shift(uow, app.services, shift)
        await uow.commit()


async def continue_update_ids(app: App, api: SandboxBotApi) -> None:
    """The sandbox server starts afresh on every run, but the bot's database persists: its
    update ids continue above the highest the bot stored, as Telegram's would (the bot takes
    an id it already stored for a repeated delivery of that update, and ignores it), and a new
    user is never given the id of someone the bot already knows."""
    async with app.store() as uow:
        seen = await uow.inbox.highest_update_id()
        known = await uow.people.highest_telegram_id()
    if seen is not None:
        api.state.continue_update_ids(seen)
    if known is not None:  # (seen) a new student got an earlier run's id, and its name
        api.state.continue_user_ids(known)


class _Practice:
    def __init__(self, app: App) -> None:
        self.app = app

    async def begin(self, student_id: int, trainee_id: int, language: str) -> None:
        from handlers import practice

        app = self.app
        async with app.store() as uow:
            await practice.begin(uow, student_id, trainee_id, language, app.services.clock())
            await uow.commit()

    async def finish(self, student_id: int) -> None:
        from handlers import sessions

        app = self.app
        async with app.store() as uow:
            effects = await sessions.end_practice(uow, app.services, student_id)
            await queue_effects(uow, app.catalog, effects, 0, app.services.clock())
            await uow.commit()
        app.sender.wake()


class SkippedClock:
    """The sandbox bot's clock: real time plus the minutes the page skipped, kept in
    ``path`` so that a restarted sandbox does not go back in time (its database remembers
    the later times)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.skipped = timedelta(0)
        with contextlib.suppress(OSError, ValueError):
            self.skipped = timedelta(seconds=float(path.read_text(encoding="utf-8")))

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.skipped

    def skip(self, minutes: int) -> datetime:
        self.skipped += timedelta(minutes=minutes)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(f"{self.skipped.total_seconds()}\n", encoding="utf-8")
        return self()


def clock_path(config: Config) -> Path:
    """Where the skipped minutes are kept: beside the sandbox's SQLite database (each
    database its own), else in the sandbox's data folder."""
    from sqlalchemy.engine import make_url

    from storage.db import is_sqlite

    database = make_url(config.database.url).database
    if is_sqlite(config.database.url) and database and database != ":memory:":
        return Path(f"{database}.clock")
    return DATA_DIR / "sandbox.clock"


class _Skip:
    def __init__(self, app: App, clock: SkippedClock) -> None:
        self.app, self.clock = app, clock

    async def skip(self, minutes: int) -> datetime:
        now = self.clock.skip(minutes)
        self.app.timers.wake_now()  # whatever fell due meanwhile happens now
        self.app.sender.wake()  # (and a message waiting to be retried goes)
        return now


def time_hook(app: App, clock: SkippedClock) -> TimeHook:
    """The page's "skip ahead" buttons move this bot's clock."""
    return _Skip(app, clock)


def practice_hook(app: App) -> PracticeHook:
    """The training's scripted student is a practice student of the trainee (the bot offers
    its request to them only, pages nobody for it, and keeps it out of /stats); when the
    training is over (*Finish*, or the scenario's end) its chat ends on the bot's side too."""
    return _Practice(app)


async def feed_timeline(app: App, timeline: Timeline, stop: asyncio.Event) -> None:
    """Publish each new audit entry (who did what; never text) to the page's timeline."""
    last = 0
    while not stop.is_set():
        async with app.store() as uow:
            entries = list(await uow.audit.recent(last))
            members = {m.id: m.telegram_id for m in await uow.members.all()}
            people = {p.id: p.telegram_id for p in await uow.people.all()} if entries else {}
        for entry in entries:
            last = entry.id
            data: dict[str, object] = {"actor": entry.actor, "subject": entry.subject,
                                       **entry.details}
            kind, _, ident = entry.subject.partition(":")
            data["n"] = ident  # the page says "case #12" in its own language (ev_<action>)
            if kind == "person" and ident.isdigit() and int(ident) in people:
                data["chat_id"] = people[int(ident)]  # the sandbox page rings that phone
            paged = entry.details.get("members") if isinstance(entry.details, dict) else None
            if isinstance(paged, list) and paged:
                data["counselor_id"] = members.get(int(paged[0]), 0)
            timeline.publish(entry.action, f"{entry.action} · {entry.subject}", data)
        with contextlib.suppress(TimeoutError):  # (not wait_for: see bot.outbox)
            async with asyncio.timeout(0.5):
                await stop.wait()


@dataclass(frozen=True)
class RunningSandbox:
    api: SandboxBotApi
    app: App
    web: WebServer


@contextlib.asynccontextmanager
async def sandbox_running(config: Config, port: int | None,
                          api_port: int | None) -> AsyncIterator[RunningSandbox]:
    """The sandbox Bot API server, the bot against it (its own database, which persists
    between runs), the demo staff and the simulator page, all stopped on leaving."""
    from bot.app import bootstrap

    api = SandboxBotApi(token=SANDBOX_TOKEN, per_chat_limit=None, global_limit=30)
    await api.start(config.sandbox.host,
                    api_port if api_port is not None else config.sandbox.api_port)
    settings = sandbox_config(config, api.base_url)
    clock = SkippedClock(clock_path(settings))
    api.state.clock = lambda: clock().timestamp()  # the phones show the skipped time too
    app = bootstrap(settings, clock=clock)
    timeline = Timeline()
    stop = asyncio.Event()
    web = None
    feeder: asyncio.Task[None] | None = None
    try:
        await app.worker_lock.acquire()  # (a second sandbox on the same data is refused
        await app.prepare()              # before it changes anything)
        await continue_update_ids(app, api)
        await seed_demo(app, api)
        web = await start_web(api, config.sandbox.host,
                              port if port is not None else config.sandbox.port,
                              timeline=timeline, languages=tuple(config.program.languages),
                              practice=practice_hook(app), clock=time_hook(app, clock))
        await app.start()
        feeder = asyncio.create_task(feed_timeline(app, timeline, stop))
        yield RunningSandbox(api, app, web)
    finally:
        stop.set()
        if feeder is not None:
            await feeder
        if web is not None:  # first: a training still running ends its chat in the bot
            await web.stop()
        await app.stop()
        await api.stop()


async def run_sandbox(config: Config, port: int | None, api_port: int | None) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    async with sandbox_running(config, port, api_port) as running:
        print(_banner(running.web.url, running.api.base_url), flush=True)
        await stop.wait()


def _banner(page: str, base: str) -> str:
    return f"""
Sejawat is running against the local sandbox (no Telegram token configured).

  Open the simulator in your browser:  {page}
    a student, a peer supporter, a counselor and a coordinator side by side; add students,
    click buttons, chat; the timeline shows what the system did. Training scenarios too.

  Sandbox Bot API server: {base}  (control API for scripts: POST {base}/control/<operation>)
    curl -s -X POST {base}/control/create_user -d '{{"user_id": 5001, "first_name": "Rara"}}'
    curl -s -X POST {base}/control/send_text -d '{{"user_id": 5001, "text": "/start"}}'
  Press Ctrl-C to stop.
"""
