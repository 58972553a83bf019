"""The safety plan (flows.safety_plan, handlers.plans): built step by step, kept encrypted,
shown with /myplan, changed, shared with a counselor only with the student's yes, gone with
/forgetme, offered after a crisis chat and by a supporter. On the whole program in-process
(tests/model/world.py), with the safety invariants checked at the end."""

from __future__ import annotations

from sqlalchemy import select

from storage.models import SafetyPlan
from tests.model.invariants import check
from tests.model.test_regressions import BUDI, DIMAS, STUDENT, intake, pings, press
from tests.model.world import World

ANSWERS = ("kalau aku mulai ngurung diri di kamar", "dengerin lagu, mandi air anget",
           "main ke rumah nenek", "kakakku, 0812-1111-2222", "Bu Wati guru BK",
           "minta kakak nyimpen obat-obatan", "adikku dan kucingku")


async def make_plan(world: World, share: str = "no", answers: tuple[str, ...] = ANSWERS
                    ) -> None:
    await world.command(STUDENT, "/myplan")
    await press(world, STUDENT, "sp:begin:")
    for text in answers:
        await world.say(STUDENT, text)
    await press(world, STUDENT, f"sp:share:{share}")


async def test_a_plan_is_built_step_by_step_kept_encrypted_and_shown_with_myplan(
    world: World,
) -> None:
    await world.command(STUDENT, "/myplan")
    assert any("belum punya rencana keselamatan" in t for t in world.texts(STUDENT))
    before = len(world.telegram.messages)
    await make_plan(world)
    said = world.texts(STUDENT, before)
    assert any(t.startswith("1/7") for t in said)
    assert any(t.startswith("5/7") and "112" in t for t in said), "the numbers are already in it"
    [saved] = [t for t in said if t.startswith("📝 Rencana keselamatanmu udah disimpan")]
    for answer in ANSWERS:
        assert answer in saved
    assert "Cuma kamu yang bisa lihat" in saved
    async with world.running.store() as uow:
        row = (await uow.session.scalars(select(SafetyPlan))).one()
    assert b"nenek" not in row.parts_enc, "stored encrypted"
    again = len(world.telegram.messages)
    await world.command(STUDENT, "/myplan")
    assert any("main ke rumah nenek" in t for t in world.texts(STUDENT, again))
    assert await check(world) == []


async def test_changing_the_plan_keeps_the_parts_that_are_fine(world: World) -> None:
    await make_plan(world)
    await world.command(STUDENT, "/myplan")
    await press(world, STUDENT, "sp:begin:")
    assert any("Sekarang: kalau aku mulai ngurung diri" in t for t in world.texts(STUDENT)[-2:])
    await press(world, STUDENT, "sp:skip:")  # keep the warning signs
    await world.say(STUDENT, "nonton kartun")  # a new answer for part 2
    await press(world, STUDENT, "sp:stop:")
    await world.command(STUDENT, "/myplan")
    shown = world.texts(STUDENT)[-2]
    assert "kalau aku mulai ngurung diri" in shown, shown
    assert "nonton kartun" in shown
    assert "dengerin lagu" not in shown
    assert "adikku dan kucingku" in shown, "the parts not reached are kept"
    assert await check(world) == []


async def test_a_counselor_sees_the_plan_only_with_the_students_yes(world: World) -> None:
    """The student's yes is for a counselor with them (seen: a peer supporter read a plan
    its student had shared with counselors)."""
    await make_plan(world, share="no")
    await intake(world, STUDENT)
    await world.say(STUDENT, "aku pengen mati aja")
    await press(world, BUDI, "es:take:")
    before = len(world.telegram.messages)
    await world.command(BUDI, "/theirplan")
    said = world.texts(BUDI, before)
    assert any("has not said a counselor may see it" in t for t in said), said
    assert not any("rumah nenek" in t for t in world.texts(BUDI)), "never without their yes"
    await press(world, BUDI, "es:out:")
    await world.command(BUDI, "/skip")
    await world.end(BUDI)
    await make_plan(world, share="yes")
    shared = len(world.telegram.messages)
    await world.command(BUDI, "/theirplan")  # the chat that ended, within a day
    assert any("main ke rumah nenek" in t for t in world.texts(BUDI, shared))
    await world.command(DIMAS, "/theirplan")
    assert not any("rumah nenek" in t for t in world.texts(DIMAS)), "counselors only"
    assert await check(world) == []


async def test_myplan_while_making_it_says_so_and_a_chat_keeps_what_was_written(
    world: World,
) -> None:
    """Seen (newcomer hour): /myplan mid-plan said "you don't have a plan yet"; a counselor who
    took the student over mid-plan (their plan answer was risky) lost what they had written."""
    await world.command(STUDENT, "/myplan")
    await press(world, STUDENT, "sp:begin:")
    await world.say(STUDENT, "kalau aku ngurung diri terus")
    await world.command(STUDENT, "/myplan")
    assert any("already working on your plan" in t or "lagi ngisi rencanamu" in t
               for t in world.texts(STUDENT)[-1:])
    await world.say(STUDENT, "kalau aku mulai kepikiran bunuh diri malam ini")
    await press(world, BUDI, "es:take:")
    async with world.running.store() as uow:
        person = await uow.people.by_telegram_id(STUDENT)
        assert person is not None
        saved = await uow.plans.get(person.id)
    assert saved is not None
    assert saved[0]["warning"] == "kalau aku ngurung diri terus"
    assert await check(world) == []


async def test_a_plan_is_offered_after_a_crisis_chat_and_by_a_supporter(world: World) -> None:
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    await world.command(DIMAS, "/offerplan")
    assert any(d == "sp:begin:" for _, d in world.buttons(STUDENT))
    before = len(world.telegram.messages)
    await press(world, STUDENT, "sp:begin:")  # in the chat: not now, and nothing changes
    assert any("setelah permintaan atau obrolanmu selesai" in t
               for t in world.texts(STUDENT, before))
    await world.say(STUDENT, "aku pengen mati aja")
    assert pings(world, BUDI)
    await press(world, BUDI, "es:take:")
    await press(world, BUDI, "es:out:")
    await world.command(BUDI, "/skip")
    await world.end(BUDI)
    goodbye = [m for m in world.telegram.to(STUDENT) if "sp:begin:" in m.buttons]
    assert goodbye, "the goodbye after a crisis offers the plan"
    await press(world, STUDENT, "sp:begin:")
    assert any(t.startswith("1/7") for t in world.texts(STUDENT)[-2:])
    assert await check(world) == []


async def test_risk_written_into_the_plan_is_screened_like_any_other_text(world: World) -> None:
    await world.command(STUDENT, "/myplan")
    await press(world, STUDENT, "sp:begin:")
    before = len(world.telegram.messages)
    await world.say(STUDENT, "kalau aku mulai kepikiran bunuh diri malam ini")
    assert pings(world, BUDI, before), "a counselor is paged, plan or not"
    assert any(t.startswith("2/7") for t in world.texts(STUDENT, before)), "the plan goes on"
    assert await check(world) == []


async def test_forgetme_deletes_the_plan(world: World) -> None:
    await make_plan(world)
    await world.command(STUDENT, "/forgetme")
    await press(world, STUDENT, "fm:yes")
    async with world.running.store() as uow:
        assert (await uow.session.scalars(select(SafetyPlan))).all() == []
    assert await check(world) == []


async def test_a_student_who_has_a_plan_is_offered_to_go_over_it_not_to_make_one(
    world: World,
) -> None:
    await make_plan(world)
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    before = len(world.telegram.messages)
    await world.command(DIMAS, "/offerplan")
    [offer] = [m for m in world.telegram.to(STUDENT, before) if "sp:begin:" in m.buttons]
    assert "lihat lagi rencana keselamatanmu" in offer.text
    assert await check(world) == []
