"""The emergency numbers are shown once at the start of an ordinary request and again only where
they matter: risk, out of hours, a long wait, the end, or when the student asks (/help). Shown on
every step, a student stops reading them. On the whole program in-process (tests/model/world.py).
"""

from __future__ import annotations

from tests.model.invariants import check
from tests.model.test_regressions import intake, press
from tests.model.world import World

STUDENT = 700100001
DIMAS, BUDI = 9101, 9201
NUMBER = ": 112"  # "• Darurat: 112", the emergency line in the model's resources


def shown(world: World, since: int = 0) -> int:
    return sum(NUMBER in t for t in world.texts(STUDENT, since))


async def test_an_ordinary_request_shows_the_numbers_at_the_start_and_at_the_end(
    world: World,
) -> None:
    await intake(world, STUDENT)
    assert shown(world) == 1, "the welcome shows them; the next steps do not repeat them"
    queued = len(world.telegram.messages)
    await press(world, DIMAS, "of:accept:")
    await world.say(STUDENT, "makasih kak udah mau dengerin")
    await world.say(DIMAS, "sama-sama, cerita aja pelan-pelan")
    assert shown(world, queued) == 0, "a supporter joining is not a reason to repeat them"
    assert any("🆘" in t or "/help" in t for t in world.texts(STUDENT, queued)), \
        "the student is told where help is, in one line"
    ending = len(world.telegram.messages)
    await world.end(STUDENT)
    assert shown(world, ending) == 1, "the end of a chat shows them once more"
    assert await check(world) == []


async def test_help_and_risk_show_the_numbers_whenever_they_are_needed(world: World) -> None:
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    asked = len(world.telegram.messages)
    await world.command(STUDENT, "/help")
    assert shown(world, asked) == 1
    risk = len(world.telegram.messages)
    await world.say(STUDENT, "aku pengen mati aja")
    assert shown(world, risk) == 1
    assert await check(world) == []


async def test_an_english_request_follows_the_same_rule(world: World) -> None:
    await intake(world, STUDENT, "en")
    assert shown(world) == 1
    queued = len(world.telegram.messages)
    await press(world, DIMAS, "of:accept:")
    assert shown(world, queued) == 0
    assert any("/help" in t for t in world.texts(STUDENT, queued))


async def test_a_second_signal_on_a_case_just_opened_points_to_the_numbers_not_repeats_them(
    world: World,
) -> None:
    """Seen (newcomer hour): the same block with every number came twice within a minute (a
    screening yes, then a second one), then a third time. Once a case is open the student is
    answered each time, briefly, and the numbers come in full again after half an hour."""
    await intake(world, STUDENT)
    before = len(world.telegram.messages)
    await world.say(STUDENT, "aku pengen mati aja")
    assert shown(world, before) == 1
    again = len(world.telegram.messages)
    await world.say(STUDENT, "beneran, aku udah nggak mau hidup lagi")
    said = world.texts(STUDENT, again)
    assert shown(world, again) == 0, said
    assert any("nomor darurat di atas" in t for t in said), "answered, pointing to them"
    later = len(world.telegram.messages)
    await world.advance(31 * 60)
    await world.say(STUDENT, "aku pengen mati aja")
    assert shown(world, later) >= 1, "half an hour on, in full again"
    assert await check(world) == []


async def test_a_student_who_felt_low_and_withdraws_is_shown_where_help_is(
    world: World,
) -> None:
    """Seen (newcomer hour): a student who rated 1 of 5 withdrew and got only "take care";
    a student who felt fine withdraws with no numbers."""
    await world.command(DIMAS, "/duty")
    await press(world, DIMAS, "dt:off")  # nobody takes it: it waits
    await intake(world, STUDENT, until="in:feeling:3")
    await press(world, STUDENT, "in:feeling:1")
    while any(d.startswith("in:asq-") for _, d in world.latest_buttons(STUDENT)):
        [data] = [d for _, d in world.latest_buttons(STUDENT) if d.startswith("in:asq-")][:1]
        await press(world, STUDENT, data.rpartition(":")[0] + ":no")
    await press(world, STUDENT, "in:name:keep")
    await press(world, STUDENT, "in:confirm:")
    before = len(world.telegram.messages)
    await world.withdraw(STUDENT)
    said = world.texts(STUDENT, before)
    assert shown(world, before) == 1, said
    assert any("🆘" in t for t in said), said
    assert world.telegram.keyboards.get(STUDENT), "the 🆘 key stays at hand"
    assert await check(world) == []


async def test_a_student_who_felt_fine_withdraws_without_the_numbers_again(
    world: World,
) -> None:
    await world.command(DIMAS, "/duty")
    await press(world, DIMAS, "dt:off")
    await intake(world, STUDENT)
    before = len(world.telegram.messages)
    await world.withdraw(STUDENT)
    assert shown(world, before) == 0, world.texts(STUDENT, before)
    assert await check(world) == []


async def test_a_rise_to_imminent_shows_the_numbers_in_full_again(world: World) -> None:
    await intake(world, STUDENT)
    await world.say(STUDENT, "aku pengen mati aja")
    rise = len(world.telegram.messages)
    await world.say(STUDENT, "malam ini aku mau gantung diri, ini pesan terakhirku")
    assert shown(world, rise) == 1, world.texts(STUDENT, rise)
    assert await check(world) == []


async def test_numbers_scrolled_away_since_the_case_opened_come_again_in_full(
    world: World,
) -> None:
    """(A trial: the description opened a case and showed the numbers; eight messages later,
    in the chat, "aku mau minum semuanya malam ini" was answered with "the numbers above",
    and the supporter was told the student had them.)"""
    await world.command(STUDENT, "/start")
    for step in ("in:consent:yes", "in:lang:id", "in:topic:family"):
        await press(world, STUDENT, step)
    told = len(world.telegram.messages)
    await world.say(STUDENT, "aku udah beli obat tidur banyak, malam ini aku minum semuanya")
    assert shown(world, told) == 1, "the case opens with the numbers"
    await press(world, STUDENT, "in:feeling:2")
    while asked := [d for _, d in world.latest_buttons(STUDENT)
                    if d.startswith("in:asq-") and d.endswith(":no")]:
        await press(world, STUDENT, asked[0])  # the screening questions: no to each
    for step in ("in:name:keep", "in:confirm:"):
        await press(world, STUDENT, step)
    await press(world, DIMAS, "of:accept:")
    await world.say(DIMAS, "hai, aku di sini. gimana kabarmu?")
    before = len(world.telegram.messages)
    await world.say(STUDENT, "aku udah nyiapin obat di kamar, malam ini aku minum semuanya")
    said = world.texts(STUDENT, before)
    assert shown(world, before) == 1, said
    assert not any("nomor darurat di atas" in t for t in said)
    assert await check(world) == []


async def test_a_supporter_leaving_a_crisis_chat_with_nobody_else_on_duty_shows_them_once(
    world: World,
) -> None:
    """(A trial: the supporter left a crisis chat while nobody else was on duty; the student
    got the numbers twice back to back, the second time from "no supporter is on duty".)"""
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    await world.say(STUDENT, "aku pengen mati aja")
    left = len(world.telegram.messages)
    await world.end(DIMAS)  # the case is open: Dimas leaves the chat, nobody else on duty
    said = world.texts(STUDENT, left)
    assert shown(world, left) == 1, said
    assert any("nggak ada pendamping" in t.lower() for t in said), \
        "told truly that no other supporter is on duty now"
    nobody = world.running.services.catalog.render(
        "id", "queue-nobody-on-duty", {}).splitlines()[0]
    later = len(world.telegram.messages)
    await world.advance(30 * 60)  # (the case's own reassurances go on: not this news again)
    assert not any(nobody in t for t in world.texts(STUDENT, later)), "said once, not again"
    assert await check(world) == []
