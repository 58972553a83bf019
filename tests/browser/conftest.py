"""Browser fixtures: the whole bot against the sandbox, the simulator page, headless Chromium."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

from bot.app import App, bootstrap
from bot.config import Config
from sandbox.botapi import SandboxBotApi
from sandbox.run import SkippedClock, feed_timeline, practice_hook, seed_demo, time_hook
from sandbox.web import Timeline, WebServer, start_web
from tests.e2e.e2e_support import TOKEN

CHROMIUM = Path(os.environ.get("SEJAWAT_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


def skip_without_chromium() -> None:
    """At the top of a browser test module: skip it on a machine without Chromium, unless CI
    (``SEJAWAT_TEST_REQUIRE_BROWSER``) says the browser tests must run."""
    if not CHROMIUM.exists():
        if os.environ.get("SEJAWAT_TEST_REQUIRE_BROWSER"):
            raise RuntimeError(f"SEJAWAT_TEST_REQUIRE_BROWSER is set but {CHROMIUM} is missing")
        pytest.skip(f"browser tests need Chromium at {CHROMIUM} (apt-get install -y chromium)",
                    allow_module_level=True)
STAFF = (
    (9001, "Bu Sari"), (9101, "Dimas"),
    (9102, "Ayu"), (9201, "Pak Budi"),
)


@pytest.fixture
async def sandbox() -> AsyncIterator[SandboxBotApi]:
    api = SandboxBotApi(token=TOKEN)
    await api.start()
    for user_id, name in STAFF:
        await api.create_user(user_id, first_name=name, language_code="id")
    yield api
    await api.stop()


@pytest.fixture
async def bot(
    make_config: Callable[..., Config], sandbox: SandboxBotApi, tmp_path: Path,
) -> AsyncIterator[App]:
    config = make_config(telegram={"token": TOKEN, "api_base": sandbox.base_url,
                                   "transport": "aiogram", "mode": "polling"})
    app = bootstrap(config, clock=SkippedClock(tmp_path / "sandbox.clock"))  # as the sandbox
    await app.start()
    yield app
    await app.stop()


@pytest.fixture
async def web(sandbox: SandboxBotApi, bot: App) -> AsyncIterator[WebServer]:
    clock = bot.services.clock
    assert isinstance(clock, SkippedClock)
    server = await start_web(sandbox, "127.0.0.1", 0, timeline=Timeline(),
                             practice=practice_hook(bot), clock=time_hook(bot, clock))
    yield server
    await server.stop()


@pytest.fixture
async def demo_staff(bot: App, sandbox: SandboxBotApi, web: WebServer) -> AsyncIterator[None]:
    """The sandbox's demo staff (on duty), and the audit log streamed to the page's timeline."""
    await seed_demo(bot, sandbox)
    stop = asyncio.Event()
    feeder = asyncio.create_task(feed_timeline(bot, web.timeline, stop))
    yield
    stop.set()
    await feeder


@pytest.fixture
async def page(web: WebServer) -> AsyncIterator[Any]:
    """A Playwright page on the simulator, UI in Indonesian, already live."""
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = await browser.new_context(viewport={"width": 1600, "height": 900},
                                                locale="id-ID")
            tab = await context.new_page()
            errors: list[str] = []
            tab.on("pageerror", lambda exc: errors.append(str(exc)))
            await tab.goto(web.url)
            await tab.wait_for_selector("body[data-ready='1'][data-live='1']", timeout=10_000)
            yield tab
            await context.close()
            assert errors == [], errors
        finally:
            await browser.close()


async def shot(page: Any, name: str) -> None:
    """``page`` (or one phone on it) as test-artifacts/screenshots/<name>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))
