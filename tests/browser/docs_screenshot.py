"""Regenerate ``docs/sandbox.png``: all four phones mid-conversation (not a test).

    .venv/bin/python -m tests.browser.docs_screenshot
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from bot.app import bootstrap
from bot.config import Config
from sandbox.botapi import SandboxBotApi
from sandbox.web import Timeline, start_web
from storage.crypto import generate_key
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, STAFF
from tests.conftest import RESOURCES
from tests.e2e.e2e_support import TOKEN

OUT = Path(__file__).resolve().parents[2] / "docs" / "sandbox.png"
PRESSES = ("in:consent:yes", "in:lang:id", "in:topic:academic")


async def main() -> None:
    from playwright.async_api import async_playwright

    with tempfile.TemporaryDirectory() as tmp:
        api = SandboxBotApi(token=TOKEN)
        await api.start()
        for user_id, name in STAFF:
            await api.create_user(user_id, first_name=name, language_code="id")
        config = Config.model_validate({
            "telegram": {"token": TOKEN, "api_base": api.base_url, "mode": "polling"},
            "database": {"url": f"sqlite+aiosqlite:///{tmp}/demo.sqlite3"},
            "privacy": {"data_key": generate_key()}, "resources": RESOURCES,
        })
        app = bootstrap(config)
        await app.start()
        from sandbox import run

        seed = getattr(run, "seed_demo", None)
        if seed is not None:
            await seed(app, api)
        web = await start_web(api, "127.0.0.1", 0, timeline=Timeline())
        try:
            async with async_playwright() as pw:
                browser = await pw.chromium.launch(executable_path=str(CHROMIUM),
                                                   args=CHROMIUM_ARGS)
                page = await browser.new_page(viewport={"width": 1600, "height": 900})
                await page.goto(web.url)
                await page.wait_for_selector("body[data-ready='1'][data-live='1']")
                await page.fill("#student-name", "Rara")
                await page.click("#add-student-btn")

                async def say(role: str, text: str) -> None:
                    phone = page.locator(f".phone[data-role='{role}']")
                    await phone.locator(".composer .text").fill(text)
                    await phone.locator(".send-btn").click()
                    await asyncio.sleep(0.6)

                await say("coordinator", "/roster")
                await say("supporter", "/duty")
                await say("counselor", "/duty")
                await say("student", "/start")
                for data in PRESSES:
                    button = page.locator(f".phone[data-role='student'] .ikb[data-data='{data}']")
                    await button.last.click()
                    await asyncio.sleep(0.6)
                await page.locator(".phone[data-role='student'] .bubble.bot",
                                   has_text="Ceritain").wait_for()
                await say("student", "Aku stres banget karena ujian dan susah tidur.")
                await asyncio.sleep(1.0)
                OUT.parent.mkdir(parents=True, exist_ok=True)
                await page.screenshot(path=str(OUT))
                await browser.close()
        finally:
            await web.stop()
            await app.stop()
            await api.stop()
    print(f"wrote {OUT}")


if __name__ == "__main__":
    asyncio.run(main())
