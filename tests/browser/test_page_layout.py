"""The simulator page's layout and chrome in headless Chromium: every phone on screen at 1280×720
and stacked at a phone's width, in both page languages (screenshots of each role's main screens
land in test-artifacts/screenshots/), a phone for every demo member, the timeline in the page's
language, no old alerts replayed on a reload, a favicon."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from tests.browser.conftest import skip_without_chromium

skip_without_chromium()

from playwright.async_api import expect  # noqa: E402

from bot.app import App  # noqa: E402
from sandbox.botapi import SandboxBotApi  # noqa: E402
from sandbox.run import feed_timeline, seed_demo  # noqa: E402
from sandbox.web import WebServer  # noqa: E402
from tests.browser.conftest import SCREENSHOTS, shot  # noqa: E402
from tests.browser.test_web_page import add_student, intake, phone, say  # noqa: E402

pytestmark = pytest.mark.browser
ROLES = ("student", "supporter", "counselor", "coordinator")
HELLO = {"id": "Halo, aku Dimas. Mau cerita pelan-pelan?", "en": "Hi, I'm Dimas. Want to talk?"}
RISK = {"id": "kak aku pengen mati aja", "en": "i want to die"}


async def boxes(page: Any) -> dict[str, dict[str, float]]:
    return {role: await phone(page, role).bounding_box() for role in ROLES}


@pytest.mark.parametrize("lang", ["id", "en"])
async def test_every_role_on_screen_at_1280x720_and_stacked_at_a_phones_width(
    page: Any, bot: App, sandbox: SandboxBotApi, web: WebServer, lang: str
) -> None:
    await seed_demo(bot, sandbox, lang)
    stop = asyncio.Event()
    feeder = asyncio.create_task(feed_timeline(bot, web.timeline, stop))
    try:
        await page.set_viewport_size({"width": 1280, "height": 720})
        await page.select_option("#ui-lang", lang)
        await say(page, "coordinator", "/roster")
        await add_student(page, "Rara", lang)
        await intake(page, bot, lang)
        offer = phone(page, "supporter").locator(".bubble.bot .ikb").first
        await expect(offer).to_be_visible(timeout=10_000)
        await offer.click()
        await say(page, "supporter", HELLO[lang])
        await expect(phone(page, "student").locator(".bubble.bot", has_text=HELLO[lang][:8])
                     ).to_be_visible(timeout=10_000)
        await say(page, "student", RISK[lang])
        await expect(phone(page, "counselor").locator(".ikb[data-data^='es:']").first
                     ).to_be_visible(timeout=10_000)
        await expect(page.locator("#timeline-list li.risk").first).to_be_visible(timeout=10_000)

        for role, box in (await boxes(page)).items():  # the whole of every phone is visible
            assert 0 <= box["x"] <= 1280 - box["width"], (role, box)
            assert 0 <= box["y"] <= 720 - box["height"], (role, box)
            assert min(box["width"] - 190, box["height"] - 400) >= 0, (role, box)
        await shot(page, f"{lang}-1280x720-all-roles")

        await page.set_viewport_size({"width": 420, "height": 860})
        stacked = await boxes(page)
        tops = [stacked[role]["y"] for role in ROLES]
        assert tops == sorted(set(tops)), stacked  # one below the other
        for role, box in stacked.items():
            assert 0 <= box["x"] <= 420 - box["width"], (role, box)
            assert box["height"] >= 500, (role, box)
            await phone(page, role).screenshot(path=str(SCREENSHOTS / f"{lang}-420-{role}.png"))
        assert await page.evaluate("document.documentElement.scrollWidth") <= 420
    finally:
        stop.set()
        await feeder


async def test_a_staff_phone_switches_between_the_members_of_its_role(
    page: Any, bot: App, sandbox: SandboxBotApi, demo_staff: None
) -> None:
    supporter = phone(page, "supporter")
    pick = supporter.locator(".student-pick")
    await expect(pick).to_be_visible()
    await expect(pick.locator("option")).to_have_count(2)  # Dimas and Ayu
    await expect(phone(page, "counselor").locator(".student-pick")).to_be_hidden()  # only Budi
    await pick.select_option("9102")
    await expect(supporter.locator(".name")).to_have_text("Ayu")
    await say(page, "supporter", "/duty")
    await expect(supporter.locator(".bubble.user", has_text="/duty")).to_be_visible()
    await expect(supporter.locator(".bubble.bot").last).to_be_visible(timeout=10_000)
    assert [m.text for m in await sandbox.messages(9102) if m.text], "Ayu's phone is Ayu's chat"
    await pick.select_option("9101")
    await expect(supporter.locator(".name")).to_have_text("Dimas")
    await expect(supporter.locator(".bubble.user", has_text="/duty")).to_have_count(0)


async def test_the_timeline_speaks_the_page_language_and_a_reload_replays_no_alert(
    page: Any, web: WebServer
) -> None:
    web.timeline.publish("escalation.paged", "escalation.paged · escalation:3",
                         {"counselor_id": 9201, "n": "3"})
    entry = web.timeline.publish("tg.update", "x", {"say": "tg_press",
                                                    "args": {"who": "Rara", "button": "in:x"}})
    await page.reload()
    await page.wait_for_selector(f"body[data-timeline='{entry.seq}']")
    paged = page.locator("#timeline-list li[data-kind='escalation.paged']")
    await expect(paged).to_contain_text("Konselor dipanggil untuk kasus #3")
    await expect(page.locator("#timeline-list li[data-kind='tg.update']")).to_contain_text(
        "Rara menekan [in:x]")
    assert await page.evaluate("document.body.dataset.rings || '0'") == "0", \
        "an alert from before the page opened does not ring a phone again"
    await page.select_option("#ui-lang", "en")
    await expect(paged).to_contain_text("A counselor was paged for case #3")
    await expect(paged.locator(".k")).to_have_text("Risk")

    web.timeline.publish("escalation.paged", "escalation.paged · escalation:4",
                         {"counselor_id": 9201, "n": "4"})
    await expect(phone(page, "counselor")).to_have_class("phone ringing")
    assert await page.evaluate("document.body.dataset.rings") == "1"


async def test_the_page_has_an_icon(page: Any, web: WebServer) -> None:
    response = await page.request.get(web.url + "/favicon.ico")
    assert response.status == 200
    assert response.headers["content-type"].startswith("image/svg+xml")
    icon = await page.locator("link[rel='icon']").get_attribute("href")
    assert (await page.request.get(web.url + icon)).status == 200


async def test_training_goes_to_the_trainee_on_the_supporter_phone_labelled_as_practice(
    page: Any, bot: App, sandbox: SandboxBotApi, demo_staff: None
) -> None:
    supporter = phone(page, "supporter")
    await supporter.locator(".student-pick").select_option("9102")  # Ayu trains today
    await expect(supporter.locator(".name")).to_have_text("Ayu")
    await page.select_option("#scenario", "exam-stress")
    await page.click("#training-start")
    offer = supporter.locator(".bubble.bot", has_text="🎓")
    await expect(offer).to_be_visible(timeout=20_000)
    await expect(offer).to_contain_text("latihan")
    assert not [m for m in await sandbox.messages(9101) if "🎓" in (m.text or "")], \
        "Dimas, on duty and free, is not offered the practice"
    await offer.locator(".ikb").first.click()
    briefing = supporter.locator(".bubble.bot", has_text="kamu sekarang mengobrol dengan")
    await expect(briefing).to_contain_text("🎓 Latihan", timeout=10_000)  # not a real student
    await say(page, "supporter", "Halo, aku Ayu. Gimana kabarmu hari ini?")
    student = phone(page, "student")
    await expect(student.locator(".bubble.bot", has_text="aku Ayu")).to_be_visible(
        timeout=10_000)
    await shot(page, "07-training-practice")
    student_words = student.locator(".bubble.user")
    await expect(student_words.first).to_be_visible(timeout=15_000)  # the student answers
    await expect(supporter.locator(".bubble.bot", has_text="(latihan):").first).to_contain_text(
        "🎓", timeout=10_000)  # and Ayu reads it marked as practice
    await say(page, "supporter", "Kamu harus tenang aja, jangan sedih.")
    await expect(student.locator(".bubble.bot", has_text="tenang aja")).to_be_visible(
        timeout=10_000)  # relayed: the scripted student has it
    await page.click("#training-stop")  # at once: what was just written still counts
    lines = page.locator("#debrief .debrief-lines li")
    await expect(lines.first).to_be_visible(timeout=10_000)
    text = " ".join(await lines.all_inner_texts())
    assert "Nasihat cepat" in text, text  # the page's own words for the advice it saw
    assert "kamu harus tenang aja" in text.lower(), text
    await shot(page, "08-training-debrief")
    # Finish ended the practice chat in the bot too: Ayu is told, and her place is free
    await expect(supporter.locator(".bubble.bot", has_text="Latihan selesai")).to_be_visible(
        timeout=10_000)
    async with bot.store() as uow:
        ayu = await uow.members.by_telegram_id(9102)
        assert ayu is not None
        assert list(await uow.sessions.active_for_member(ayu.id)) == []
