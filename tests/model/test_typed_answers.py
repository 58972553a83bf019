"""Found in the newcomer hour (issue 10): a student who typed "iya" to "have you had thoughts of
killing yourself?" paged nobody and got the welcome again; the intake's screening refused a
typed "yes"; /cancel after a yes said "nothing was sent to anyone" while a counselor was being
paged; 🆘 in a chat a counselor had taken over never reached the counselor; a cheerful
"thanks for your feedback!" came with the screening question. On the whole program in-process;
every safety rule is checked at the end."""

from __future__ import annotations

import pytest

from flows.screening import typed_answer
from tests.model.invariants import check
from tests.model.test_regressions import BUDI, DIMAS, STUDENT, cases, intake, pings, press
from tests.model.test_screening_in_intake import answer, to_feeling
from tests.model.world import World

CONCERN = "kadang aku ngerasa jadi beban buat semua orang"


def render(world: World, key: str, lang: str = "id", **params: str | int) -> str:
    return world.running.services.catalog.render(lang, key, params)


@pytest.mark.parametrize(("text", "meant"), [
    ("iya", "yes"), ("Iya kak", "yes"), ("yes, every night lately", "yes"), ("Ya.", "yes"),
    ("pernah, tahun lalu", "yes"), ("iya sekarang", "now"), ("iya malam ini", "now"),
    ("yes right now", "now"), ("sekarang", "now"), ("nggak", "no"), ("belum pernah", "no"),
    ("no", "no"), ("ga tau", "unsure"), ("Nggak tahu juga", "unsure"), ("not sure", "unsure"),
    ("not rn", "no"), ("not really", "no"), ("yes rn", "now"), ("idk", "unsure"),
    ("ya ampun", None), ("ya udah lah", None), ("aku capek", None), ("halo", None), ("", None),
    # hedged (a trial: "kayaknya sih iya" was told to use the buttons): a probable yes is a yes,
    # a probable no is unsure
    ("kayaknya sih iya", "yes"), ("sepertinya iya", "yes"), ("mungkin iya", "yes"),
    ("maybe yes", "yes"), ("i think so", "yes"), ("kinda", "yes"), ("agak sih", "yes"),
    ("i guess yeah", "yes"), ("keknya iya malam ini", "now"), ("kayaknya nggak", "unsure"),
    ("i think not", "unsure"), ("mungkin", "unsure"), ("i think", None),
    ("kayak gitu deh", None),
    # a leading filler is not the answer (a trial: "hmm maybe" was told to use the buttons)
    ("hmm maybe", "unsure"), ("emm iya", "yes"), ("eh nggak", "no"), ("uh yes", "yes"),
    ("ehm ga tau", "unsure"), ("hmmm... kayaknya sih iya", "yes"), ("umm not rn", "no"),
    ("hmm", None), ("eh", None), ("hmm aku capek", None),
])
def test_what_reads_as_a_typed_answer(text: str, meant: str | None) -> None:
    assert typed_answer(text) == meant


async def ask_after_feedback(world: World) -> None:
    """A chat ends; the student's feedback comment raises a concern: the direct screening
    question is asked."""
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    await world.end(DIMAS)
    await press(world, STUDENT, "fb:rate:1")
    before = len(world.telegram.messages)
    await world.say(STUDENT, CONCERN)
    said = world.texts(STUDENT, before)
    assert said[-1] == render(world, "screening-question")
    assert render(world, "feedback-thanks") not in said, "no cheerful thanks before the question"


async def test_a_typed_yes_to_the_screening_question_pages_a_counselor(world: World) -> None:
    await ask_after_feedback(world)
    before = len(world.telegram.messages)
    await world.say(STUDENT, "iya")
    assert pings(world, BUDI, before), "a typed yes is a yes: a counselor is paged"
    said = "\n".join(world.texts(STUDENT, before))
    assert "Kamu paham dan mau lanjut" not in said, "not the welcome and consent again"
    [case] = await cases(world)
    assert case.level == 2  # HIGH, as the Yes button
    assert await check(world) == []


async def test_a_typed_now_is_imminent_and_a_typed_no_is_a_no(world: World) -> None:
    await ask_after_feedback(world)
    await world.say(STUDENT, "nggak kok")
    assert pings(world, BUDI) == []
    assert not [d for _, d in world.buttons(STUDENT) if d.startswith("sc:")], \
        "(a trial) the question answered by typing keeps no buttons"
    # nobody is with them: no "your supporter will keep this in mind"
    assert render(world, "screening-thanks-alone") in world.texts(STUDENT)
    # answered: "iya" now is just words again (the welcome for someone with no conversation)
    before = len(world.telegram.messages)
    await world.say(STUDENT, "iya sekarang")
    assert pings(world, BUDI, before) == []
    assert await check(world) == []


async def test_a_typed_answer_to_a_supporters_screen_is_taken_and_still_reaches_them(
    world: World,
) -> None:
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    await world.command(DIMAS, "/screen")
    assert any(d.startswith("aq:wish-dead:") for _, d in world.latest_buttons(STUDENT))
    before = len(world.telegram.messages)
    await world.say(STUDENT, "iya kak")
    [case] = await cases(world)
    assert case.level == 2  # a yes to question 1: HIGH, a counselor paged at once
    assert pings(world, BUDI, before)
    assert any(d.startswith("aq:better-off-dead:") for _, d in world.latest_buttons(STUDENT))
    assert any("iya kak" in t for t in world.texts(DIMAS, before))
    assert await check(world) == []


async def test_the_intakes_screening_takes_a_typed_yes(world: World) -> None:
    await to_feeling(world)
    await press(world, STUDENT, "in:feeling:1")
    await answer(world, "no")
    before = len(world.telegram.messages)
    await world.say(STUDENT, "yes, every night lately")
    assert render(world, "intake-use-buttons") not in world.texts(STUDENT, before)
    [ping] = pings(world, BUDI, before)
    assert "better off dead: YES" in ping
    assert any(d.startswith("in:asq-thoughts:") for _, d in world.latest_buttons(STUDENT))
    assert await check(world) == []


async def test_the_intakes_screening_takes_a_hedged_yes_as_a_yes(world: World) -> None:
    await to_feeling(world)
    await press(world, STUDENT, "in:feeling:1")
    before = len(world.telegram.messages)
    await world.say(STUDENT, "kayaknya sih iya")
    assert render(world, "intake-use-buttons") not in world.texts(STUDENT, before)
    [ping] = pings(world, BUDI, before)
    assert "wished dead: YES" in ping, ping
    assert await check(world) == []


async def test_a_typed_idk_reaches_the_counselor_as_not_sure_not_as_rather_not_say(
    world: World,
) -> None:
    """Seen (newcomer hour): a student typed "idk" to the first question and the counselor's
    ping said she would "rather not say"."""
    await to_feeling(world)
    await press(world, STUDENT, "in:feeling:1")
    await world.say(STUDENT, "idk")
    await answer(world, "yes")
    [ping] = pings(world, BUDI)
    assert "wished dead: not sure" in ping, ping
    assert "better off dead: YES" in ping
    assert await check(world) == []


async def test_cancelling_after_a_yes_does_not_say_nothing_was_sent(world: World) -> None:
    await to_feeling(world)
    await press(world, STUDENT, "in:feeling:1")
    await answer(world, "yes")
    before = len(world.telegram.messages)
    await world.command(STUDENT, "/cancel")
    said = world.texts(STUDENT, before)
    assert render(world, "intake-cancelled") not in said
    assert render(world, "intake-cancelled-case-open") in said
    assert await check(world) == []


async def test_sos_in_a_chat_the_counselor_took_over_reaches_the_counselor(world: World) -> None:
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    await world.say(STUDENT, "aku mau bunuh diri malam ini")
    await press(world, BUDI, "es:take:")
    before = len(world.telegram.messages)
    keys = world.telegram.keyboards.get(STUDENT)
    assert keys
    await world.say(STUDENT, keys[0])  # the 🆘 key
    assert render(world, "counselor-already-here") in world.texts(STUDENT, before)
    assert any("just pressed" in t for t in world.texts(BUDI, before))
    assert await check(world) == []


async def test_a_feeling_typed_as_a_digit_is_the_answer(world: World) -> None:
    """(newcomer hour, round 3) "3" typed to "how do you feel, 1 to 5?" was told to use the
    buttons."""
    await intake(world, STUDENT, until="in:feeling:3")
    await world.say(STUDENT, " 3 ")
    async with world.running.store() as uow:
        saved = await uow.conversations.get(STUDENT)
    assert saved is not None
    assert saved.state == "anonymity"
    assert saved.data["feeling"] == 3
    assert await check(world) == []


async def test_a_rating_is_kept_even_without_a_comment(world: World) -> None:
    """(newcomer hour, round 3) A rating followed by /start instead of a comment was lost
    from the program's numbers."""
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    await world.end(DIMAS)
    await press(world, STUDENT, "fb:rate:5")
    await world.command(STUDENT, "/start")
    async with world.running.store() as uow:
        assert await uow.feedback.ratings() == [5]
    assert await check(world) == []


async def typed_before_it_arrived(world: World, text: str) -> None:
    """The student taps *No* to the first screening question and, before the second one has
    reached their phone, types ``text`` (the bot is still sending it)."""
    app = world.running
    await app.dispatcher.submit(world.press_update(STUDENT, "in:asq-wish-dead:no"))
    await app.dispatcher.idle(30)  # processed; its next question not delivered yet
    await world.say(STUDENT, text)


def shown_times(world: World, question: str) -> int:
    return sum(1 for m in world.telegram.to(STUDENT)
               if any(d.startswith(f"in:asq-{question}:") for d in m.buttons))


async def test_a_yes_typed_before_the_next_question_arrived_is_for_the_one_seen(
    world: World,
) -> None:
    """(A newcomer trial: "iya" typed fast after tapping *No* became a yes to "better off
    dead", a question the student had not seen.) It is a yes to the question they saw, and
    the next one is shown once."""
    await to_feeling(world)
    await press(world, STUDENT, "in:feeling:1")
    await typed_before_it_arrived(world, "iya")
    [ping] = pings(world, BUDI)
    assert "wished dead: YES" in ping, ping
    assert "better off dead: YES" not in ping
    assert render(world, "intake-asq-early-yes") in world.texts(STUDENT)
    assert shown_times(world, "better-off-dead") == 1, "not twice"
    await answer(world, "no", "no", "no")  # the rest, then the acuity question after a yes
    assert shown_times(world, "now") == 1
    assert await check(world) == []


async def test_a_no_typed_before_the_next_question_arrived_asks_to_answer_it(
    world: World,
) -> None:
    await to_feeling(world)
    await press(world, STUDENT, "in:feeling:1")
    await typed_before_it_arrived(world, "nggak")
    assert world.texts(STUDENT)[-1] == render(world, "intake-asq-early")
    async with world.running.store() as uow:
        conversation = await uow.conversations.get(STUDENT)
        assert conversation is not None
        assert conversation.state == "asq-better-off-dead", "not taken for a question unseen"
    assert pings(world, BUDI) == []
    await answer(world, "no", "no", "no")
    assert await check(world) == []


async def test_a_question_answered_by_typing_keeps_no_buttons_and_a_late_yes_leaves_one_copy(
    world: World,
) -> None:
    """(A trial: "not sure" typed to the first screening question left its Yes / No / Rather
    not say live; its Yes, tapped later, opened a case and showed the next question again,
    and both copies kept their buttons.)"""
    await to_feeling(world)
    await press(world, STUDENT, "in:feeling:1")
    [(first, _), *_] = [(m, d) for m, d in world.buttons(STUDENT) if d.startswith("in:asq-")]
    await world.say(STUDENT, "ga tau")
    live = {m for m, d in world.buttons(STUDENT) if d.startswith("in:asq-")}
    assert first not in live, "the question answered by typing keeps no buttons"
    assert len(live) == 1, "only the next question"
    [yes] = [d for d in world.telegram.by_id[first].buttons if d.endswith(":yes")]
    before = len(world.telegram.messages)
    await world.press(STUDENT, first, yes)  # the old message's Yes, tapped late
    assert pings(world, BUDI, before), "a yes is a yes: a counselor is paged"
    questions = {m for m, d in world.buttons(STUDENT) if d.startswith("in:asq-")}
    assert len(questions) == 1, [world.telegram.by_id[m].text[:40] for m in questions]
    assert await check(world) == []


async def test_a_leading_filler_before_a_typed_answer_is_not_the_answer(world: World) -> None:
    """(A trial: "hmm maybe" typed to a screening question got "Please choose one of the
    buttons below.", plain "maybe" was taken.)"""
    await to_feeling(world)
    await press(world, STUDENT, "in:feeling:1")
    before = len(world.telegram.messages)
    await world.say(STUDENT, "hmm maybe")
    assert render(world, "intake-use-buttons") not in world.texts(STUDENT, before)
    assert any(d.startswith("in:asq-better-off-dead:") for _, d in world.latest_buttons(STUDENT))
    await answer(world, "yes")
    [ping] = pings(world, BUDI)
    assert "wished dead: not sure" in ping, ping
    assert await check(world) == []
