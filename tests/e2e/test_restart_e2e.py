"""The bot process is killed (SIGKILL) mid-intake and restarted: nothing lost, nothing twice."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.config import Config
from bot.i18n import Catalog
from sandbox.botapi import SandboxBotApi
from storage.crypto import Cipher
from storage.db import create_engine, migrate, sessionmaker
from storage.uow import Store
from tests.e2e.e2e_support import TOKEN, User
from tests.e2e.tests_support_paths import ROOT

pytestmark = pytest.mark.e2e

# A restart is a new Python process: imports, migrations, a first poll or webhook. On an idle
# machine the first reply after it comes in 3-7 s; on a loaded 2-core machine it has taken
# longer than 30 s. These waits say "eventually", not how fast (bench/ measures speed).
AFTER_RESTART = 60.0


class BotProcess:
    """`python -m bot.cli run` in a child process, configured only by environment variables."""

    def __init__(self, config: Config, log: Path) -> None:
        resources = {k: [r.model_dump() for r in v] for k, v in config.resources.items()}
        self.env = {
            **os.environ,
            "SEJAWAT_TELEGRAM__TOKEN": TOKEN,
            "SEJAWAT_TELEGRAM__API_BASE": config.telegram.api_base,
            "SEJAWAT_TELEGRAM__TRANSPORT": config.telegram.transport,
            "SEJAWAT_DATABASE__URL": config.database.url,
            "SEJAWAT_PRIVACY__DATA_KEY": config.privacy.data_key.get_secret_value(),
            "SEJAWAT_RESOURCES__ID": json.dumps(resources["id"]),
            "SEJAWAT_RESOURCES__EN": json.dumps(resources["en"]),
            "SEJAWAT_TELEGRAM__MODE": config.telegram.mode,
        }
        hook = config.telegram.webhook
        if config.telegram.mode == "webhook":
            self.env.update({
                "SEJAWAT_TELEGRAM__WEBHOOK__URL": hook.url,
                "SEJAWAT_TELEGRAM__WEBHOOK__HOST": hook.host,
                "SEJAWAT_TELEGRAM__WEBHOOK__PORT": str(hook.port),
                "SEJAWAT_TELEGRAM__WEBHOOK__PATH": hook.path,
                "SEJAWAT_TELEGRAM__WEBHOOK__SECRET": hook.secret.get_secret_value(),
            })
        self.env.pop("SEJAWAT_CONFIG", None)
        self.log = log
        self.process: asyncio.subprocess.Process | None = None

    async def start(self) -> None:
        with self.log.open("ab") as log:
            self.process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot.cli", "run", cwd=ROOT, env=self.env,
                stdout=log, stderr=log,
            )

    async def kill(self) -> None:
        assert self.process is not None
        self.process.kill()  # SIGKILL: no cleanup at all
        await self.process.wait()

    async def stop(self) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.terminate()
            try:
                await asyncio.wait_for(self.process.wait(), 10)
            except TimeoutError:
                self.process.kill()
                await self.process.wait()


@pytest.fixture
async def bot_process(
    bot_config: Callable[..., Config], tmp_path: Path
) -> AsyncIterator[BotProcess]:
    process = BotProcess(bot_config(), tmp_path / "bot.log")
    yield process
    await process.stop()
    if process.log.exists():  # pytest shows this only when the test failed
        print("--- the bot's log ---")
        print("\n".join(process.log.read_text(errors="replace").splitlines()[-80:]))


async def outbox_settled(config: Config, timeout: float = 10) -> None:
    """Wait until the bot recorded every outgoing message as sent."""
    engine = create_engine(config.database.url)
    store = Store(sessionmaker(engine), Cipher(config.privacy.data_key.get_secret_value()))
    try:
        for _ in range(int(timeout / 0.05)):
            async with store() as uow:
                if await uow.outbox.pending_count() == 0:
                    return
            await asyncio.sleep(0.05)
        raise TimeoutError("outbox did not settle")
    finally:
        await engine.dispose()


def first_line(catalog: Catalog, lang: str, key: str, **params: Any) -> str:
    return catalog.render(lang, key, params).splitlines()[0]


async def test_killed_mid_intake_resumes_at_the_same_step(
    bot_process: BotProcess, student: User, sandbox: SandboxBotApi,
    bot_config: Callable[..., Config],
) -> None:
    config = bot_config()
    catalog = Catalog(["id", "en"], "id", config.program.name, config.resources)

    def line(key: str, **params: Any) -> str:
        return first_line(catalog, "en", key, **params)

    await bot_process.start()
    await student.say("/start")
    await student.expect(first_line(catalog, "id", "intake-consent"), timeout=AFTER_RESTART)
    await student.press("in:consent:yes")
    await student.press("in:lang:en")
    await student.press("in:topic:loneliness")
    await student.expect(line("intake-description", min=20, max=1500))
    await outbox_settled(config)  # the prompt is recorded as sent (else it is sent again)

    await student.say("I have felt very alone since moving to this school last year.")
    await bot_process.kill()  # maybe before, during or after handling that message

    await bot_process.start()
    await student.expect(line("intake-feeling"), timeout=AFTER_RESTART)
    await student.press("in:feeling:3")
    await student.press("in:name:keep")
    await student.press("in:confirm:")
    await student.expect(line("intake-queued"), timeout=30)

    texts = await student.texts()
    for key, params in [("intake-welcome", {}), ("intake-consent", {}),
                        ("intake-description", {"min": 20, "max": 1500}),
                        ("intake-feeling", {}), ("intake-queued", {})]:
        lang = "id" if key in ("intake-welcome", "intake-consent") else "en"
        wanted = first_line(catalog, lang, key, **params)
        assert sum(wanted in t for t in texts) == 1, f"{key} was sent {texts!r}"
    # stopped the way a service manager does: the log says why it stopped, and that it did
    await bot_process.stop()
    said = bot_process.log.read_text(errors="replace")
    assert "SIGTERM received: stopping" in said, said[-2000:]
    assert said.rstrip().endswith("stopped"), said[-500:]


async def test_killed_right_after_a_risky_message_escalates_once_after_restart(
    bot_process: BotProcess, student: User, sandbox: SandboxBotApi,
    bot_config: Callable[..., Config],
) -> None:
    config = bot_config()
    catalog = Catalog(["id", "en"], "id", config.program.name, config.resources)
    engine = create_engine(config.database.url)
    await migrate(engine)
    store = Store(sessionmaker(engine), Cipher(config.privacy.data_key.get_secret_value()))
    async with store() as uow:  # a counselor on duty, as `sejawat members add` would make
        counselor = await uow.members.add(9201, "counselor", "Pak Budi", datetime.now(UTC),
                                          trained=True)
        counselor.on_duty = True
        await uow.people.get_or_create(9201, "en", datetime.now(UTC))
        await uow.commit()
    await engine.dispose()
    await sandbox.create_user(9201, first_name="Pak Budi", language_code="en")

    await bot_process.start()
    await student.say("/start")
    await student.expect(first_line(catalog, "id", "intake-consent"), timeout=AFTER_RESTART)
    await student.say("aku udah gak kuat lagi, malam ini aku mau gantung diri")
    await bot_process.kill()  # right after the risky message arrived

    await bot_process.start()
    ping_head = first_line(catalog, "en", "escalation-ping", id=1, pseudonym="-",
                           level_key="risk-3", topic_key="topic-other", who="student",
                           more="no", raised="no", sos="no", reader="counselor",
                           language_key="btn-lang-id",
                           reason_key="reason-suicide", excerpt="",
                           waited=0, seen="no")
    await User(sandbox, 9201).expect(ping_head, timeout=AFTER_RESTART)
    resources = first_line(catalog, "id", "crisis-resources")
    await student.expect(resources, timeout=AFTER_RESTART)
    await asyncio.sleep(2)  # anything sent twice would have arrived by now
    pings = [m for m in await sandbox.messages(9201) if ping_head in (m.text or "")]
    told = [m for m in await sandbox.messages(student.id) if resources in (m.text or "")]
    assert (len(pings), len(told)) == (1, 1)
