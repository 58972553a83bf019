"""Practice (the sandbox's training; handlers.practice): a scripted student's request goes to its
trainee only, on duty or not, trained or not; its risk, 🆘 and the trainee's /refer page no
counselor (the trainee is told, labelled, what would happen); no survey or check-in after it;
/stats and a real student's place in line do not count it. On the whole program in-process
(tests/model/world.py), with the safety invariants checked at the end."""

from __future__ import annotations

from sqlalchemy import func, select

from handlers import practice
from storage.program_models import Escalation
from tests.model.invariants import check
from tests.model.test_regressions import intake, pings, press
from tests.model.world import World

PRACTICE, REAL = 700100001, 700100003
DIMAS, AYU, BUDI, RINA, SARI = 9101, 9102, 9201, 9202, 9001


async def practise_with_ayu(world: World, *, trained: bool = False) -> None:
    """Ayu is off duty (and, unless ``trained``, not trained yet): she practises."""
    async with world.running.store() as uow:
        ayu = await uow.members.by_telegram_id(AYU)
        assert ayu is not None
        ayu.trained, ayu.on_duty = trained, False
        await practice.begin(uow, PRACTICE, AYU, "id", world.clock())
        await uow.commit()


async def cases(world: World) -> int:
    async with world.running.store() as uow:
        return int(await uow.session.scalar(select(func.count()).select_from(Escalation)) or 0)


async def test_a_practice_request_goes_to_its_trainee_only(world: World) -> None:
    await practise_with_ayu(world)
    await intake(world, PRACTICE)
    offers = [t for t in world.texts(AYU) if "🎓" in t]
    assert offers, "the trainee, off duty and not trained yet, is offered the practice request"
    assert not any(d.startswith("of:") for _, d in world.buttons(DIMAS)), \
        "a free supporter on duty is not offered it"
    await press(world, AYU, "of:accept:")
    await world.say(AYU, "halo, aku Ayu. mau cerita apa?")
    assert any("aku Ayu" in t for t in world.texts(PRACTICE))
    assert await check(world) == []


async def test_practice_risk_and_refer_page_nobody_and_tell_the_trainee(world: World) -> None:
    await practise_with_ayu(world)
    await intake(world, PRACTICE)
    await press(world, AYU, "of:accept:")
    before = len(world.telegram.messages)
    await world.say(PRACTICE, "aku pengen mati aja")
    told = world.texts(AYU, before)
    assert any("🎓" in t and "nobody is paged" in t.replace("tidak ada yang dipanggil",
                                                           "nobody is paged") for t in told)
    assert not any("konselor sedang dihubungi" in t.lower() for t in told), \
        "the trainee is not told a counselor is coming when none is"
    await world.command(AYU, "/refer dia bilang pengen mati")
    assert sum("🎓" in t for t in world.texts(AYU, before)) == 2
    await world.advance(3600)  # an hour: no ladder climbs
    for staff in (BUDI, RINA, SARI):
        assert pings(world, staff, before) == [], staff
    assert await cases(world) == 0
    assert await check(world) == []


async def test_practice_is_not_counted_and_gets_no_survey(world: World) -> None:
    await world.command(SARI, "/stats")
    stats_before = world.texts(SARI)[-1]
    await practise_with_ayu(world, trained=True)
    await intake(world, PRACTICE)
    await press(world, AYU, "of:accept:")
    await world.say(PRACTICE, "makasih kak udah dengerin")
    ending = len(world.telegram.messages)
    await world.end(AYU)
    assert not any(d.startswith("fb:") for m in world.telegram.to(PRACTICE, ending)
                   for d in m.buttons), "no 'how helpful was this' for a scripted student"
    await world.advance(2 * 86400)
    assert not any("checking in" in t or "ngecek" in t or "kabarmu" in t
                   for t in world.texts(PRACTICE, ending)), "no next-day check-in"
    await world.command(SARI, "/stats")
    assert world.texts(SARI)[-1] == stats_before
    assert await check(world) == []


async def test_a_real_student_is_not_behind_a_practice_request(world: World) -> None:
    async with world.running.store() as uow:
        dimas = await uow.members.by_telegram_id(DIMAS)
        assert dimas is not None
        dimas.on_duty = False  # nobody on duty: the real student waits, and learns where
        await uow.commit()
    await practise_with_ayu(world, trained=True)
    await intake(world, PRACTICE)
    await intake(world, REAL)
    assert not any("🎓" in t for t in world.texts(REAL))
    assert not any(d.startswith("of:") for _, d in world.buttons(DIMAS))
    said = " ".join(world.texts(REAL))
    assert "nomor 2" not in said, said
    assert "number 2" not in said, said
    assert await check(world) == []


async def test_a_student_who_has_written_can_never_become_a_practice_student(
    world: World,
) -> None:
    await world.say(REAL, "aku pengen mati aja")
    assert not await world.practise(REAL, AYU), "a real student's words must never stop paging"
    assert not await world.practise(DIMAS, AYU), "nor a member's"
    assert await world.practise(PRACTICE, AYU)
    assert pings(world, BUDI), "the real student's case pages as ever"
    assert await check(world) == []
