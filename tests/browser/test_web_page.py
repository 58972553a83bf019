"""The simulator page in headless Chromium, against the whole bot running in-process."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import skip_without_chromium

skip_without_chromium()

from playwright.async_api import expect  # noqa: E402

from bot.app import App  # noqa: E402
from sandbox.botapi import SandboxBotApi  # noqa: E402
from sandbox.web import WebServer  # noqa: E402
from tests.browser.conftest import shot  # noqa: E402

pytestmark = pytest.mark.browser

DESCRIPTION = "Aku stres banget karena ujian dan tidak bisa tidur beberapa hari ini."


def first_line(app: App, lang: str, key: str, **params: Any) -> str:
    return app.services.catalog.render(lang, key, params).splitlines()[0]


def phone(page: Any, role: str) -> Any:
    return page.locator(f".phone[data-role='{role}']")


async def press(page: Any, role: str, data: str) -> None:
    button = phone(page, role).locator(f".ikb[data-data='{data}']").last
    await expect(button).to_be_visible(timeout=10_000)
    await button.click()


async def say(page: Any, role: str, text: str) -> None:
    await phone(page, role).locator(".composer .text").fill(text)
    await phone(page, role).locator(".send-btn").click()


async def sees(page: Any, role: str, text: str, timeout: float = 10_000) -> None:
    bubble = phone(page, role).locator(".bubble.bot", has_text=text).last
    await expect(bubble).to_be_visible(timeout=timeout)


async def add_student(page: Any, name: str, lang: str) -> None:
    await page.fill("#student-name", name)
    await page.select_option("#student-lang", lang)
    await page.click("#add-student-btn")
    await expect(phone(page, "student").locator(".name")).to_have_text(name)


async def intake(page: Any, app: App, lang: str, description: str = DESCRIPTION) -> None:
    await phone(page, "student").locator(".menu-btn").click()
    await phone(page, "student").locator(".cmd[data-command='start']").click()
    await sees(page, "student", first_line(app, lang, "intake-consent"))
    await shot(page, "01-welcome")
    await press(page, "student", "in:consent:yes")
    await press(page, "student", f"in:lang:{lang}")
    await press(page, "student", "in:topic:academic")
    await sees(page, "student", first_line(app, lang, "intake-description", min=20, max=1500))
    await say(page, "student", description)
    await press(page, "student", "in:feeling:3")
    await shot(page, "02-feeling")
    await press(page, "student", "in:name:keep")
    await press(page, "student", "in:confirm:")


async def test_student_completes_intake_by_clicking(
    page: Any, bot: App, sandbox: SandboxBotApi, web: WebServer
) -> None:
    await expect(phone(page, "supporter").locator(".name")).to_have_text("Dimas")
    await expect(page.locator(".phone")).to_have_count(4)
    await add_student(page, "Rara", "en")
    await intake(page, bot, "en")
    await sees(page, "student", first_line(bot, "en", "intake-queued"))
    await shot(page, "03-queued")

    student = phone(page, "student")
    # pressed keyboards were edited away in place: no stale buttons remain on the page
    await expect(student.locator(".ikb[data-data='in:consent:yes']")).to_have_count(0)
    await expect(student.locator(".bubble .meta", has_text="diedit").first).to_be_visible()
    await expect(student.locator(".bubble.user", has_text=DESCRIPTION)).to_have_count(1)
    # the timeline narrated it
    await expect(page.locator("#timeline-list li[data-kind='tg.button']").first).to_be_visible()
    # a sticker gets the bot's clear "text only" reply in the student's language
    await student.locator(".attach-btn").click()
    await student.locator(".attach-kind[data-kind='sticker']").click()
    await expect(student.locator(".bubble.user .sticker")).to_have_count(1)
    # the UI switches language without a reload
    await page.select_option("#ui-lang", "en")
    await expect(student.locator(".role")).to_have_text("Student")
    await expect(phone(page, "counselor").locator(".role")).to_have_text("Counselor")
    [user] = [u for u in await sandbox.users() if u.first_name == "Rara"]
    assert user.language_code == "en"


async def test_layout_from_query_and_commands_menu(
    page: Any, bot: App, web: WebServer
) -> None:
    await page.goto(web.url + "/?supporter=9102&coordinator=none")
    await page.wait_for_selector("body[data-ready='1'][data-live='1']")
    await expect(page.locator(".phone")).to_have_count(3)
    await expect(phone(page, "supporter").locator(".name")).to_have_text("Ayu")
    await expect(phone(page, "student").locator(".placeholder")).to_be_visible()
    await add_student(page, "Bima", "id")
    await phone(page, "student").locator(".menu-btn").click()
    commands = phone(page, "student").locator(".menu-list .cmd")
    await expect(commands.first).to_be_visible()
    assert await commands.count() >= 2
    await expect(commands.first).to_contain_text("/start")


async def test_supporter_is_matched_and_chats_through_the_page(
    page: Any, bot: App, sandbox: SandboxBotApi, demo_staff: None
) -> None:
    await add_student(page, "Rara", "id")
    await intake(page, bot, "id")
    offer = phone(page, "supporter").locator(".bubble.bot .ikb").first
    await expect(offer).to_be_visible(timeout=5_000)
    await offer.click()
    await say(page, "supporter", "Halo, aku Dimas, pendamping sebaya. Mau cerita?")
    await expect(phone(page, "student").locator(".bubble.bot", has_text="aku Dimas")).to_be_visible(
        timeout=5_000)
    await say(page, "student", "Iya kak, makasih sudah mau dengar.")
    await expect(phone(page, "supporter").locator(".bubble.bot", has_text="makasih sudah")
                 ).to_be_visible(timeout=5_000)
    await shot(page, "04-matched")


async def test_risky_message_rings_the_counselor_who_acknowledges(
    page: Any, bot: App, sandbox: SandboxBotApi, demo_staff: None
) -> None:
    await add_student(page, "Rara", "id")
    await intake(page, bot, "id")
    offer = phone(page, "supporter").locator(".bubble.bot .ikb").first
    await expect(offer).to_be_visible(timeout=5_000)
    await offer.click()
    await say(page, "student", "aku pengen mati aja kak")
    ping = phone(page, "counselor").locator(".bubble.bot .ikb").first
    await expect(ping).to_be_visible(timeout=5_000)
    await shot(page, "05-escalation")
    await ping.click()
    await expect(page.locator("#timeline-list li.risk").first).to_be_visible(timeout=5_000)
    await shot(page, "06-acknowledged")


async def test_skipping_ahead_moves_the_bots_clock_and_what_fell_due_happens(
    page: Any, bot: App, sandbox: SandboxBotApi, demo_staff: None
) -> None:
    """(A trial had to shorten timers with SEJAWAT_* variables to see the crisis ladder.)"""
    await add_student(page, "Rara", "id")
    await say(page, "student", "aku mau minum semua obat tidur mama malam ini")
    await sees(page, "counselor", "#1")
    assert await phone(page, "coordinator").locator(".bubble.bot", has_text="#1").count() == 0
    await page.locator(".skip button[data-minutes='5']").click()
    await expect(page.locator("#toast")).to_contain_text("Jam bot sekarang")
    await expect(page.locator("#timeline-list li[data-kind='clock']")).to_contain_text(
        "Jam bot dimajukan 5 menit")
    await sees(page, "coordinator", "#1")  # nobody acknowledged: everyone is paged now
    await shot(page, "09-skipped-ahead")
