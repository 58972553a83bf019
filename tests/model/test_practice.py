"""Practice (the sandbox's training; handlers.practice): a scripted student's request goes to its
trainee only, on duty or not, trained or not; its risk, 🆘 and the trainee's /refer page no
counselor (the trainee is told, labelled, what would happen); no survey or check-in after it;
/stats and a real student's place in line do not count it. On the whole program in-process
(tests/model/world.py), with the safety invariants checked at the end."""

from __future__ import annotations

import pytest
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
    told = [t for t in world.texts(AYU, before) if "pengen mati" not in t]  # (not the relay)
    assert sum("🎓" in t for t in told) == 2
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


async def accepted_practice(world: World) -> int:
    """Ayu (trained, on duty, room for one chat) has accepted her practice request, and
    nobody else is on duty. Returns the message count right after she accepted."""
    async with world.running.store() as uow:
        for telegram_id in (DIMAS, AYU):
            member = await uow.members.by_telegram_id(telegram_id)
            assert member is not None
            member.on_duty, member.trained = telegram_id == AYU, True
            member.capacity = 1
        await practice.begin(uow, PRACTICE, AYU, "id", world.clock())
        await uow.commit()
    await intake(world, PRACTICE)
    before = len(world.telegram.messages)
    await press(world, AYU, "of:accept:")
    return before


async def finish_training(world: World) -> None:
    """The sandbox page's *Finish* (sandbox.web -> sandbox.run.practice_hook)."""
    await world.finish_practice(PRACTICE)


async def active_chats(world: World, telegram_id: int) -> int:
    async with world.running.store() as uow:
        member = await uow.members.by_telegram_id(telegram_id)
        assert member is not None
        return len(list(await uow.sessions.active_for_member(member.id)))


async def test_finish_ends_the_practice_chat_and_frees_the_trainee(world: World) -> None:
    await accepted_practice(world)
    await world.say(PRACTICE, "makasih kak udah dengerin")
    await intake(world, REAL)  # a real student: Ayu's one place is taken by the practice
    assert not [d for _, d in world.buttons(AYU) if d.startswith("of:")]
    ending = len(world.telegram.messages)
    await finish_training(world)
    assert await active_chats(world, AYU) == 0, "the practice chat is closed"
    told = world.texts(AYU, ending)
    finished = [t for t in told if "🎓" in t]
    assert len(finished) == 1, told  # told in words, once, labelled as practice
    assert any(d.startswith("of:") for m in world.telegram.to(AYU, ending)
               for d in m.buttons), "her place is free again: the real student is offered"
    assert not any(d.startswith("fb:") for m in world.telegram.to(PRACTICE, ending)
                   for d in m.buttons), "no survey for a scripted student"
    async with world.running.store() as uow:
        person = await uow.people.by_telegram_id(PRACTICE)
        assert person is not None
        request = await uow.requests.latest_for(person.id)
        assert request is not None
        assert request.status == "closed"
        assert await uow.timers.armed("followup", str(request.id)) is None, \
            "no next-day check-in"
        counted = await uow.privacy.counts()
    assert counted["closed"] == 0, "the practice is not counted as a chat"
    await finish_training(world)  # pressed again (or the scenario ended too): nothing more
    assert len([t for t in world.texts(AYU, ending) if "🎓" in t]) == 1
    assert await check(world) == []


async def test_finish_before_the_trainee_accepted_withdraws_the_practice_offer(
    world: World,
) -> None:
    await practise_with_ayu(world)
    await intake(world, PRACTICE)
    assert any(d.startswith("of:accept:") for _, d in world.buttons(AYU))
    ending = len(world.telegram.messages)
    await finish_training(world)
    assert not any(d.startswith("of:") for _, d in world.buttons(AYU)), \
        "the practice offer's buttons are gone"
    assert len([t for t in world.texts(AYU, ending) if "🎓" in t]) == 1
    await world.advance(3600)  # nothing offers it again
    assert not any(d.startswith("of:") for _, d in world.buttons(AYU))
    assert await check(world) == []


async def test_finish_never_touches_a_real_students_chat(world: World) -> None:
    await intake(world, REAL)
    await press(world, DIMAS, "of:accept:")
    await world.finish_practice(REAL)  # a wrong id: it is no practice
    assert await active_chats(world, DIMAS) == 1
    assert await check(world) == []


async def test_a_trainees_refer_in_practice_gets_one_truthful_reply(world: World) -> None:
    await accepted_practice(world)
    before = len(world.telegram.messages)
    await world.command(AYU, "/refer dia bilang pengen mati")
    told = world.texts(AYU, before)
    assert len(told) == 1, told
    assert "🎓" in told[0]
    catalog = world.running.services.catalog
    for lang in ("id", "en"):
        said = catalog.render(lang, "refer-done")
        assert all(said not in t for t in told), "no counselor is being contacted"
    assert pings(world, BUDI, before) == []
    assert await check(world) == []


async def test_the_one_tap_refer_in_practice_gets_one_truthful_reply(world: World) -> None:
    await accepted_practice(world)
    await world.say(PRACTICE, "aku nggak kuat lagi")  # a concern: the nudge, with Refer
    before = len(world.telegram.messages)
    await press(world, AYU, "es:refer:")
    told = world.texts(AYU, before)
    assert len(told) == 1, told
    assert "🎓" in told[0]
    assert pings(world, BUDI, before) == []
    assert await check(world) == []


async def test_the_practice_briefing_and_the_scripted_students_words_are_marked(
    world: World,
) -> None:
    before = await accepted_practice(world)
    briefing = world.texts(AYU, before)
    assert briefing, "the briefing"
    assert briefing[0].startswith("🎓"), briefing
    said = len(world.telegram.messages)
    await world.say(PRACTICE, "aku bingung mulai dari mana")
    relayed = [t for t in world.texts(AYU, said) if "bingung mulai" in t]
    assert len(relayed) == 1
    assert relayed[0].startswith("🎓"), relayed
    # a real student's chat is not marked
    await finish_training(world)
    await intake(world, REAL)
    real = len(world.telegram.messages)
    await press(world, AYU, "of:accept:")
    assert not any("🎓" in t for t in world.texts(AYU, real))
    await world.say(REAL, "aku bingung mulai dari mana")
    assert not any("🎓" in t for t in world.texts(AYU, real))
    assert await check(world) == []


# Seen (newcomer): after the trainee's /refer the scripted student was told "Pendampingmu minta
# konselor ikut gabung" (and, after its own risky words, "kami lagi ngehubungin konselor"):
# the real student's side of a page that never happens. Every way a practice chat would page
# a counselor tells the trainee, once and labelled, and the scripted student nothing.
SOS_ID = "🆘 Aku butuh konselor sekarang"
WOULD_PAGE = (("the trainee's /refer", AYU, "/refer dia bilang pengen mati"),
              ("the trainee's note of risk", AYU, "/note dia bilang mau bunuh diri malam ini"),
              ("the scripted student's words", PRACTICE, "aku pengen mati aja"),
              ("the scripted student's 🆘", PRACTICE, SOS_ID))


@pytest.mark.parametrize(("way", "who", "line"), WOULD_PAGE, ids=[w for w, _, _ in WOULD_PAGE])
async def test_what_would_page_in_practice_reaches_the_trainee_only(
    world: World, way: str, who: int, line: str,
) -> None:
    await accepted_practice(world)
    before = len(world.telegram.messages)
    if line.startswith("/"):
        await world.command(who, line)
    else:
        await world.say(who, line)
    relayed = [t for t in world.texts(PRACTICE, before) if t.startswith("💬")]
    assert world.texts(PRACTICE, before) == relayed, \
        f"{way}: the scripted student is told nothing of a counselor"
    practice_told = [t for t in world.texts(AYU, before) if t.startswith("🎓 Practice:")]
    assert len(practice_told) == 1, (way, world.texts(AYU, before))
    assert "nobody is paged" in practice_told[0]
    if "note" in way:
        assert "your note" in practice_told[0], "the note is the trainee's, not the student's"
    await world.advance(3600)
    for staff in (BUDI, RINA, SARI):
        assert pings(world, staff, before) == [], (way, staff)
    assert await cases(world) == 0
    assert await check(world) == []


async def test_a_practice_student_at_risk_before_any_chat_is_explained_to_the_trainee(
    world: World,
) -> None:
    """A training started without the intake: the scripted student writes its risky turn to
    the bot before any chat with the trainee (and before it has a name)."""
    await world.command(SARI, "/stats")
    stats_before = world.texts(SARI)[-1]
    await practise_with_ayu(world)
    before = len(world.telegram.messages)
    await world.say(PRACTICE, "aku pengen mati aja")
    told = [t for t in world.texts(AYU, before) if "🎓" in t]
    assert len(told) == 1, world.texts(AYU, before)
    assert "your practice student" in told[0], told  # not "-" for a name it has not got
    assert " - " not in told[0], told
    assert "not in a chat with you yet" in told[0], told
    assert not any("konselor" in t for t in world.texts(PRACTICE, before)), \
        "the scripted student is not told a counselor is coming"
    await world.advance(3600)
    for staff in (BUDI, RINA, SARI):
        assert pings(world, staff, before) == [], staff
    assert await cases(world) == 0
    await world.command(SARI, "/stats")
    assert world.texts(SARI)[-1] == stats_before
    assert await check(world) == []


# A trainee is a person too: words in practice that read as their own risk are theirs, not the
# scripted student's, and take the real path; what they say to or of the student does not.
async def test_a_trainees_own_risk_in_practice_pages_a_counselor_for_them(world: World) -> None:
    await accepted_practice(world)
    before = len(world.telegram.messages)
    await world.say(AYU, "jujur aku sendiri pengen mati")
    ping = pings(world, BUDI, before)
    assert ping, "a counselor is paged about the trainee"
    assert "Someone on the team (peer supporter)" in ping[-1]
    told = world.texts(AYU, before)
    assert any("112" in t for t in told), "the trainee gets the emergency numbers"
    assert any(t.startswith("🎓 This one isn't practice") for t in told), told
    assert not any("nobody is paged" in t for t in told), "not 'in practice nobody is paged'"
    async with world.running.store() as uow:
        opened = list((await uow.session.scalars(select(Escalation))).all())
    assert [c.student_chat_id for c in opened] == [AYU]
    assert await check(world) == []


TRAINEE_ASKS = ("apa kamu kepikiran pengen mati?", "kamu bilang pengen mati ya",
                "kalau kamu pengen mati, aku di sini", "aku ngerti kamu pengen mati aja",
                "kedengarannya kamu ngerasa pengen mati")


@pytest.mark.parametrize("line", TRAINEE_ASKS)
async def test_a_trainees_safety_question_or_reflection_pages_nobody(
    world: World, line: str,
) -> None:
    await accepted_practice(world)
    before = len(world.telegram.messages)
    await world.say(AYU, line)
    assert any(line in t for t in world.texts(PRACTICE, before)), "it reaches the student"
    assert world.texts(AYU, before) == []
    for staff in (BUDI, RINA, SARI):
        assert pings(world, staff, before) == [], staff
    assert await cases(world) == 0
    assert await check(world) == []


async def test_a_trainees_own_risk_with_no_chat_open_pages_a_counselor_for_them(
    world: World,
) -> None:
    """A training without the intake: the trainee writes to the bot with no chat open."""
    await practise_with_ayu(world)
    before = len(world.telegram.messages)
    await world.say(AYU, "aku sendiri pengen mati")
    assert pings(world, BUDI, before)
    told = world.texts(AYU, before)
    assert any("112" in t for t in told)
    assert any(t.startswith("What you just wrote reads as being about you") for t in told)
    assert not any("no open chat" in t.lower() for t in told), told
    assert await check(world) == []


async def test_a_counselors_own_risk_never_pages_that_counselor(world: World) -> None:
    """Budi is the counselor on duty, and the one it is about: someone else is paged."""
    before = len(world.telegram.messages)
    await world.say(BUDI, "aku sendiri pengen mati")
    assert pings(world, BUDI, before) == []
    assert pings(world, SARI, before), "with no other counselor on duty, the coordinator"
    await world.advance(3600)
    assert pings(world, BUDI, before) == []
    assert await check(world) == []


async def test_a_counselor_who_takes_over_a_trainees_own_case_hears_back_from_them(
    world: World,
) -> None:
    """Seen: the counselor's words reached the trainee, and the trainee's answer went to the
    scripted student (the chat their words go to as a supporter)."""
    await accepted_practice(world)
    await world.say(AYU, "jujur aku sendiri pengen mati")
    await press(world, BUDI, "es:take:")
    await world.say(BUDI, "halo, ini Pak Budi. kamu aman sekarang?")
    assert any("Pak Budi" in t for t in world.texts(AYU))
    before = len(world.telegram.messages)
    await world.say(AYU, "iya pak, makasih udah nanya")
    assert any("makasih udah nanya" in t for t in world.texts(BUDI, before)), \
        "the trainee's answer reaches the counselor"
    assert not any("makasih udah nanya" in t for t in world.texts(PRACTICE, before))
    said = len(world.telegram.messages)  # a reply to the practice student still reaches it
    await world.say(PRACTICE, "kak, masih di situ?")
    student = [m for m in world.telegram.to(AYU, said) if "masih di situ" in m.text]
    assert student
    await world.say(AYU, "masih kok", reply_to=student[-1].message_id)
    assert any("masih kok" in t for t in world.texts(PRACTICE, said))
    assert not any("masih kok" in t for t in world.texts(BUDI, said))
    assert await check(world) == []


@pytest.mark.parametrize("answer", ["now", "yes", "no"])
async def test_a_practice_students_screening_answer_is_answered_and_pages_nobody(
    world: World, answer: str
) -> None:
    """Found by the whole-program model: a scripted student asked the direct question, who
    answered "right now", was answered by nothing at all (its crisis reply is skipped, since no
    counselor is coming). It is thanked, as a student whose supporter keeps it in mind; the
    trainee hears what would happen; nobody is paged."""
    await practise_with_ayu(world)
    await world.say(PRACTICE, "aku udah pernah nyoba bunuh diri tahun lalu")
    before = len(world.telegram.messages)
    await press(world, PRACTICE, f"sc:{answer}:")
    said = world.texts(PRACTICE, before)
    assert said, "the press is answered"
    assert not any("ngehubungin konselor" in t for t in said), \
        "the scripted student is not told a counselor is coming"
    await world.advance(3600)
    for staff in (BUDI, RINA, SARI):
        assert pings(world, staff, before) == [], staff
    assert await cases(world) == 0
    assert await check(world) == []


async def test_a_practice_students_alert_about_a_friend_is_answered_and_pages_nobody(
    world: World,
) -> None:
    """Found by the whole-program model (S6): a scripted student's alert about a friend got
    no answer at all."""
    await practise_with_ayu(world)
    await world.command(PRACTICE, "/friend")
    await press(world, PRACTICE, "in:friend:alert")
    await world.say(PRACTICE, "pengen ngilang aja dari dunia")
    await press(world, PRACTICE, "in:skip")
    before = len(world.telegram.messages)
    await press(world, PRACTICE, "in:urgency:now")
    assert world.texts(PRACTICE, before), "the press is answered"
    for staff in (BUDI, RINA, SARI):
        assert pings(world, staff, before) == [], staff
    assert await cases(world) == 0
    assert await check(world) == []
