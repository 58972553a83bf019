"""Self-help while waiting and out of hours (flows.selfhelp, handlers.selfhelp): exercises that
run in one message edited in place by a durable timer, pause and stop, grounding's typed words
screened and never kept or shown, a chat that starts stops them, the queue never moves, the
supporter hears which exercise was done only with the student's yes. On the whole program
in-process (tests/model/world.py), with the safety invariants checked at the end."""

from __future__ import annotations

from sqlalchemy import select

from storage.models import Exercise, HelpRequest
from storage.program_models import Feedback
from tests.model.invariants import check
from tests.model.test_regressions import BUDI, DIMAS, EN_STUDENT, STUDENT, intake, pings, press
from tests.model.world import World


async def _queue(world: World) -> list[tuple[int, str, object]]:
    async with world.running.store() as uow:
        return [(r.id, r.status, r.created_at)
                for r in await uow.requests.queued()]


def _versions(world: World, who: int, message_id: int) -> list[str]:
    """Every text one message showed, in order (each edit is kept as a new entry)."""
    return [m.text for m in world.telegram.to(who) if m.message_id == message_id]


async def _exercises(world: World) -> list[Exercise]:
    async with world.running.store() as uow:
        return list((await uow.session.scalars(select(Exercise).order_by(Exercise.id))).all())


async def test_box_breathing_runs_to_the_end_in_one_message_and_the_queue_stays(
    world: World,
) -> None:
    await world.command(DIMAS, "/duty")
    await press(world, DIMAS, "dt:off:")  # nobody on duty: the request waits
    await intake(world, STUDENT)
    offered = world.texts(STUDENT)[-1]
    assert offered.startswith("Sambil nunggu, ada beberapa hal"), offered
    queue = await _queue(world)
    await press(world, STUDENT, "sf:menu:")
    [(message_id, _)] = [(m, d) for m, d in world.buttons(STUDENT) if d == "sf:pick:box"]
    await press(world, STUDENT, "sf:pick:box")
    await press(world, STUDENT, "sf:go:box:2")
    assert world.texts(STUDENT)[-1].startswith("🌬️ Napas kotak · putaran 1 dari 2")
    assert "Tarik napas pelan-pelan" in world.texts(STUDENT)[-1]
    await world.advance(4)
    assert "Tahan napasnya" in world.texts(STUDENT)[-1], "the timer moved it on"
    await world.advance(60)
    shown = _versions(world, STUDENT, message_id)
    steps = [t for t in shown if t.startswith("🌬️ Napas kotak · putaran")]
    assert len(steps) == 8, "2 rounds of 4 steps, each an edit of the same message"
    assert "putaran 2 dari 2" in steps[-1]
    assert "●●●●" in steps[-1]
    assert shown[-1].startswith("🌿 Selesai: 2 putaran napas kotak."), shown[-1]
    assert world.texts(STUDENT)[-1].startswith("Satu pertanyaan, cuma sekali ini")
    await press(world, STUDENT, "sf:share:yes")
    assert await _queue(world) == queue, "an exercise never moves the request"
    await world.command(DIMAS, "/duty")
    await press(world, DIMAS, "dt:on:")
    before = len(world.telegram.messages)
    await press(world, DIMAS, "of:accept:")
    told = world.texts(DIMAS, before)
    assert any("Before this chat" in t and "box breathing (2 rounds, done)" in t for t in told), \
        told
    assert await check(world) == []


async def test_an_exercise_paused_resumed_and_stopped_halfway(world: World) -> None:
    await world.command(DIMAS, "/duty")
    await press(world, DIMAS, "dt:off:")
    await intake(world, STUDENT)
    await press(world, STUDENT, "sf:menu:")
    await press(world, STUDENT, "sf:pick:478")
    await press(world, STUDENT, "sf:go:478:4")
    await world.advance(4)
    assert "Tahan napasnya" in world.texts(STUDENT)[-1]
    await press(world, STUDENT, "sf:pause:")
    assert "⏸ Dijeda" in world.texts(STUDENT)[-1]
    count = len(world.telegram.messages)
    await world.advance(120)
    assert len(world.telegram.messages) == count, "paused: nothing moves"
    await press(world, STUDENT, "sf:resume:")
    assert "Tahan napasnya" in world.texts(STUDENT)[-1], "on from the step it paused in"
    await world.advance(7)
    assert "Buang napas" in world.texts(STUDENT)[-1]
    await press(world, STUDENT, "sf:stop:")
    assert any(t.startswith("⏹ Udah berhenti") for t in world.texts(STUDENT)[-2:])
    await press(world, STUDENT, "sf:share:no")
    count = len(world.telegram.messages)
    await world.advance(120)
    assert len(world.telegram.messages) == count, "stopped: nothing moves"
    [exercise] = await _exercises(world)
    assert (exercise.status, exercise.step) == ("stopped", 2)
    await world.command(DIMAS, "/duty")
    await press(world, DIMAS, "dt:on:")
    before = len(world.telegram.messages)
    await press(world, DIMAS, "of:accept:")
    assert not any("Before this chat" in t for t in world.texts(DIMAS, before)), \
        "the student said no"
    assert await check(world) == []


async def test_grounding_words_are_screened_and_never_reach_anyone(world: World) -> None:
    await world.command(DIMAS, "/duty")
    await press(world, DIMAS, "dt:off:")
    await intake(world, STUDENT)
    await world.command(STUDENT, "/selfhelp")
    assert world.texts(STUDENT)[-1].startswith("🌿 Beberapa hal yang bisa kamu coba sendiri")
    await press(world, STUDENT, "sf:go:ground:1")
    assert "Cari 5 benda" in world.texts(STUDENT)[-1]
    await world.say(STUDENT, "jam dinding biru, meja, pintu, buku, tas")
    assert "Rasain 4 hal" in world.texts(STUDENT)[-1], "the next sense, under their words"
    paged = len(world.telegram.messages)
    await world.say(STUDENT, "aku pengen mati aja")
    assert pings(world, BUDI, paged), "typed in an exercise, screened like any text"
    assert not any("Dengerin baik-baik" in t for t in world.texts(STUDENT, paged)), \
        "after words of risk the crisis answer stands alone"
    assert any("konselor lagi dihubungi buat ngecek kamu" in t
               for t in world.texts(STUDENT, paged)), "the exercise gives way to the counselor"
    assert not any(d.startswith("sf:next:") for _, d in world.buttons(STUDENT))
    waiting = len(world.telegram.messages)
    await world.say(STUDENT, "suara motor, kipas angin, burung")
    said = world.texts(STUDENT, waiting)
    assert len(said) == 1
    assert said[0].startswith("Konselor lagi dihubungi buat ngecek kamu"), said
    assert "112" not in said[0], "not the whole block of numbers again"
    await world.command(STUDENT, "/selfhelp")  # again, with Next only, to the end
    await press(world, STUDENT, "sf:go:ground:1")
    for _ in range(5):
        await press(world, STUDENT, "sf:next:")
    await press(world, STUDENT, "sf:share:yes")
    await world.command(DIMAS, "/duty")
    await press(world, DIMAS, "dt:on:")
    await press(world, DIMAS, "of:accept:")
    assert any("5-4-3-2-1 grounding (stopped partway), 5-4-3-2-1 grounding (done)" in t
               for t in world.texts(DIMAS)), world.texts(DIMAS)[-4:]
    for member in (BUDI, DIMAS):
        assert not any("jam dinding" in t for t in world.texts(member)), "never shown"
    assert await check(world) == []


async def test_grounding_left_alone_stops_and_words_go_where_words_go(world: World) -> None:
    """(review) A grounding exercise half done took, days later, "halo, aku butuh ngobrol":
    left alone for ten minutes it stops; feedback's comment is never grounding's either."""
    await world.command(STUDENT, "/selfhelp")
    await press(world, STUDENT, "sf:go:ground:1")
    await world.advance(601)
    assert any(t.startswith("⏹ Udah berhenti") for t in world.texts(STUDENT)[-2:])
    await world.say(STUDENT, "halo, aku butuh ngobrol sama seseorang")
    async with world.running.store() as uow:
        saved = await uow.conversations.get(STUDENT)
    assert saved is not None
    assert saved.flow == "intake", "the words began a request"


async def test_a_feedback_comment_is_not_taken_by_grounding(world: World) -> None:
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    await world.end(DIMAS)
    await world.command(STUDENT, "/selfhelp")
    await press(world, STUDENT, "sf:go:ground:1")
    await press(world, STUDENT, "fb:rate:4")
    await world.say(STUDENT, "kakaknya baik banget")
    async with world.running.store() as uow:
        rows = (await uow.session.scalars(select(Feedback))).all()
        comments = [uow.cipher.decrypt(f.comment_enc) for f in rows if f.comment_enc]
    assert "kakaknya baik banget" in comments, comments


async def test_a_chat_that_starts_stops_the_exercise_and_words_go_to_the_supporter(
    world: World,
) -> None:
    await world.command(DIMAS, "/duty")
    await press(world, DIMAS, "dt:off:")
    await intake(world, STUDENT)
    await press(world, STUDENT, "sf:menu:")
    await press(world, STUDENT, "sf:go:ground:1")
    await world.command(DIMAS, "/duty")
    await press(world, DIMAS, "dt:on:")
    await press(world, DIMAS, "of:accept:")
    await world.advance(1)
    assert any("berhenti di sini karena obrolanmu udah mulai" in t
               for t in world.texts(STUDENT)), world.texts(STUDENT)[-3:]
    await world.say(STUDENT, "halo kak, makasih udah mau dengerin")
    assert any("makasih udah mau dengerin" in t for t in world.texts(DIMAS)), \
        "in a chat, words go to the supporter, not to an exercise"
    await world.command(STUDENT, "/selfhelp")
    assert world.texts(STUDENT)[-1].startswith("Kamu lagi ngobrol di sini")
    assert await check(world) == []


async def test_a_new_request_stops_grounding_and_its_words_go_to_the_request(
    world: World,
) -> None:
    await world.command(STUDENT, "/selfhelp")
    await press(world, STUDENT, "sf:go:ground:1")
    await intake(world, STUDENT, until="in:feeling:3")
    [exercise] = await _exercises(world)
    assert exercise.status == "stopped"
    async with world.running.store() as uow:
        saved = await uow.conversations.get(STUDENT)
    assert saved is not None
    assert (saved.flow, saved.state) == ("intake", "feeling"), "the words went to the request"
    await world.command(STUDENT, "/selfhelp")
    assert world.texts(STUDENT)[-1].startswith("Kita beresin dulu pertanyaan-pertanyaannya")
    assert await check(world) == []


async def test_forged_and_old_exercise_buttons_change_nothing(world: World) -> None:
    await world.command(EN_STUDENT, "/selfhelp")
    await press(world, EN_STUDENT, "sf:go:ground:1")
    [theirs] = await _exercises(world)
    await world.command(STUDENT, "/selfhelp")
    await press(world, STUDENT, "sf:go:ground:1")
    await world.say(STUDENT, "meja, kursi, pintu, jendela, lampu")  # step 2: a new message
    [old] = [m.message_id for m in world.telegram.to(STUDENT)
             if m.text.startswith("🖐️ Grounding 5-4-3-2-1 · 1/5")]
    await world.press(STUDENT, old, f"sf:next:{theirs.id + 1}")  # its own, on an old message
    assert world.texts(STUDENT)[-1].startswith("Tombol itu udah nggak berlaku")
    await press(world, STUDENT, "sf:stop:")
    await world.command(STUDENT, "/selfhelp")
    await press(world, STUDENT, "sf:pick:box")
    await press(world, STUDENT, "sf:go:box:4")
    mine = (await _exercises(world))[-1]
    for forged in ("sf:pause:999", "sf:go:box:5", "sf:go:nope:2", "sf:card:nope", "sf:x",
                   "sf:go:box:²", "sf:go:box:٢", f"sf:pause:{theirs.id}", f"sf:stop:{theirs.id}",
                   "sf:pause:99999999999999999999", f"sf:pause:{theirs.id}", "sf:go:ground:²"):
        latest = world.telegram.to(STUDENT)[-1]
        await world.press(STUDENT, latest.message_id, forged)
        assert world.texts(STUDENT)[-1].startswith("Tombol itu udah nggak berlaku"), forged
    after = {e.id: (e.status, e.step) for e in await _exercises(world)}
    assert after[theirs.id] == ("running", 0), "another student's exercise is theirs alone"
    assert after[mine.id] == ("running", 0)
    await world.command(DIMAS, "/selfhelp")
    assert not any(t.startswith("🌿 Beberapa hal") for t in world.texts(DIMAS))
    assert await check(world) == []


async def test_the_question_about_telling_the_supporter_is_asked_once(world: World) -> None:
    await world.command(DIMAS, "/duty")
    await press(world, DIMAS, "dt:off:")
    await intake(world, STUDENT)
    asked = "Satu pertanyaan, cuma sekali ini"
    for _ in range(2):
        await world.command(STUDENT, "/selfhelp")
        await press(world, STUDENT, "sf:go:ground:1")
        await press(world, STUDENT, "sf:stop:")
    assert sum(t.startswith(asked) for t in world.texts(STUDENT)) == 1
    await world.command(STUDENT, "/selfhelp")
    await press(world, STUDENT, "sf:go:ground:1")
    grounding = (await _exercises(world))[-1]
    await world.press(STUDENT, grounding.message_id, f"sf:pause:{grounding.id}")
    assert (await _exercises(world))[-1].status == "running", "grounding has no pause"
    assert await check(world) == []


async def test_forgetme_takes_the_exercises_with_it(world: World) -> None:
    await world.command(STUDENT, "/selfhelp")
    await press(world, STUDENT, "sf:go:ground:1")
    await press(world, STUDENT, "sf:stop:")
    await world.command(STUDENT, "/forgetme")
    await press(world, STUDENT, "fm:yes")
    assert await _exercises(world) == []
    async with world.running.store() as uow:
        assert (await uow.session.scalars(select(HelpRequest))).all() == []
    assert await check(world) == []


async def test_a_double_tap_on_next_moves_one_step(world: World) -> None:
    """(seen) A double tap on *Next* at 2/5 jumped to 4/5, skipping a sense."""
    await world.command(STUDENT, "/selfhelp")
    await press(world, STUDENT, "sf:go:ground:1")
    [(message_id, data)] = [(m, d) for m, d in world.buttons(STUDENT) if d.startswith("sf:next:")]
    await world.press(STUDENT, message_id, data)
    await world.press(STUDENT, message_id, data)
    assert world.texts(STUDENT)[-1].startswith("Langkah itu udah lewat")
    [exercise] = await _exercises(world)
    assert exercise.step == 1


async def test_again_starts_at_the_bottom_and_heavy_cards_carry_the_sos_button(
    world: World,
) -> None:
    await world.command(STUDENT, "/selfhelp")
    await press(world, STUDENT, "sf:go:ground:1")
    menu_message = (await _exercises(world))[0].message_id
    for _ in range(5):
        await press(world, STUDENT, "sf:next:")
    await press(world, STUDENT, "sf:go:ground:1:new")  # *Again*
    again = (await _exercises(world))[-1]
    assert again.message_id > menu_message, "a new message, at the bottom of the chat"
    assert world.texts(STUDENT)[-1].startswith("🖐️ Grounding 5-4-3-2-1 · 1/5")
    await world.command(STUDENT, "/selfhelp")
    await press(world, STUDENT, "sf:cards:")
    await press(world, STUDENT, "sf:card:low")
    assert "ss:counselor:" in [d for _, d in world.latest_buttons(STUDENT)]
    before = len(world.telegram.messages)
    await press(world, STUDENT, "ss:counselor:")
    assert pings(world, BUDI, before), "the 🆘 under the card pages a counselor"
    await press(world, BUDI, "es:ack:")
    closed = len(world.telegram.messages)
    [(message_id, data)] = [(m, d) for m, d in world.buttons(BUDI)
                            if d.startswith("es:out:") and d.endswith(":false_alarm")][-1:]
    await world.press(BUDI, message_id, data)
    assert any(t.startswith("Konselor udah tahu kamu pengen ngobrol sama konselor. Untuk "
                            "sekarang dia belum ngajak")
               for t in world.texts(STUDENT, closed)), \
        "(newcomer hour) a case closed without a chat is told to the student, truly"
    assert any(k.startswith("🆘") for k in world.telegram.keyboards[STUDENT]), \
        "(a trial) the 🆘 it speaks of is under the typing field"
    assert await check(world) == []


async def test_four_seven_eight_is_called_by_its_name(world: World) -> None:
    """(newcomer hour) Finishing 4-7-8 said "Done: 5-4-3-2-1 grounding"; so did the
    briefing (a catalog variant "[478]" is a number and never matched)."""
    await world.command(STUDENT, "/selfhelp")
    await press(world, STUDENT, "sf:pick:478")
    await press(world, STUDENT, "sf:go:478:2")
    await world.advance(60)
    assert any(t.startswith("🌿 Selesai: 2 putaran napas 4-7-8.") for t in world.texts(STUDENT))
    assert await check(world) == []


async def test_a_double_tap_on_a_menu_button_is_answered_by_the_menu_on_screen(
    world: World,
) -> None:
    """(found by the model, S6) *Show me what I can try* tapped twice: the second tap's
    answer is the menu the message already shows (Telegram: "not modified"), not silence."""
    await world.command(DIMAS, "/duty")
    await press(world, DIMAS, "dt:off:")
    await intake(world, STUDENT)
    [(message_id, data)] = [(m, d) for m, d in world.buttons(STUDENT) if d == "sf:menu:"]
    await world.press(STUDENT, message_id, data)
    await world.press(STUDENT, message_id, data)
    assert world.telegram.unchanged, "the second tap's answer was already on screen"
    assert world.telegram.by_id[message_id].text.startswith("🌿 Beberapa hal")
    assert await check(world) == []
