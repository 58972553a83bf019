"""What ends something asks first, and cards change in place (issue 12): /end from a student or
a supporter, deactivating a member from /roster. On the whole program in-process
(tests/model/world.py); every safety rule is checked at the end."""

from __future__ import annotations

from flows.types import Reply
from tests.model.invariants import check
from tests.model.test_regressions import (
    BUDI,
    DIMAS,
    RINA,
    SARI,
    STUDENT,
    deactivate,
    intake,
    open_card,
    press,
)
from tests.model.world import World


async def chat_status(world: World) -> str:
    async with world.running.store() as uow:
        [chat] = await uow.sessions.active_for_member(
            (await uow.members.by_telegram_id(DIMAS)).id)  # type: ignore[union-attr]
        return chat.status


async def in_chat(world: World) -> None:
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")


def render(world: World, lang: str, key: str, **params: str | int) -> str:
    return world.running.services.catalog.render(lang, key, params)


async def test_a_students_end_asks_first_and_no_keeps_the_chat(world: World) -> None:
    await in_chat(world)
    before = len(world.telegram.messages)
    await world.end(STUDENT, confirm=False)
    said = world.texts(STUDENT, before)
    assert said[0] == render(world, "id", "session-end-confirm")
    assert said[-1] == render(world, "id", "session-end-kept")
    assert world.texts(DIMAS, before) == [], "the supporter is not bothered by a question"
    await world.say(STUDENT, "eh tapi aku masih mau cerita dikit")
    assert "masih mau cerita" in world.texts(DIMAS)[-1]  # still relayed: the chat goes on

    await world.end(STUDENT)  # Yes, end it
    assert render(world, "id", "session-ended-student") in world.texts(STUDENT)
    assert world.texts(DIMAS)[-1].endswith(" ended the chat."), "the supporter knows who"
    assert await check(world) == []


async def test_a_supporters_end_asks_first_and_keep_edits_the_question(world: World) -> None:
    await in_chat(world)
    before = len(world.telegram.messages)
    await world.command(DIMAS, "/end")
    [question] = world.telegram.to(DIMAS, before)
    assert question.text.startswith(render(world, "en", "staff-end-confirm",
                                           pseudonym="x").split("x")[0])
    assert world.texts(STUDENT, before) == []
    await press(world, DIMAS, "en:")
    # the answer to "keep" is written over the question: no second message, no buttons left
    assert world.telegram.by_id[question.message_id].text.startswith("OK, your chat with")
    assert world.telegram.by_id[question.message_id].buttons == []
    assert len(world.telegram.to(DIMAS, before)) == 2  # the question, and its edited self
    assert await chat_status(world) == "active"

    await world.end(DIMAS)
    assert render(world, "id", "session-ended-student") in world.texts(STUDENT)
    assert await check(world) == []


async def test_deactivating_asks_on_the_card_and_keep_changes_nothing(world: World) -> None:
    await in_chat(world)
    await world.command(SARI, "/roster")
    cards = len(world.telegram.to(SARI))
    async with world.running.store() as uow:
        dimas = await uow.members.by_telegram_id(DIMAS)
        assert dimas is not None
        dimas_id = dimas.id
    await press(world, SARI, f"ro:confirm:{dimas_id}")
    card = world.telegram.to(SARI)[-1]
    assert card.text == render(world, "en", "roster-confirm-deactivate", name="Dimas", load=1,
                                    last="supporter", seat="supporter")
    assert "their open chat goes back to the queue" in card.text
    # (a trial) the only supporter on duty: said before she removes him
    assert "Dimas is the only peer supporter on duty" in card.text, card.text
    assert card.buttons == [f"ro:active:{dimas_id}:0", f"ro:keep:{dimas_id}"]
    await press(world, SARI, f"ro:keep:{dimas_id}")
    assert world.telegram.to(SARI)[-1].text.startswith("Dimas — peer supporter")
    async with world.running.store() as uow:
        assert (await uow.members.get(dimas_id)).active  # type: ignore[union-attr]
    assert await chat_status(world) == "active"
    # every press changed the card in place: no new cards in the coordinator's chat
    assert {m.message_id for m in world.telegram.to(SARI)[cards:]} == {card.message_id}

    await press(world, SARI, f"ro:confirm:{dimas_id}")
    told = len(world.telegram.messages)
    await press(world, SARI, f"ro:active:{dimas_id}:0")
    async with world.running.store() as uow:
        assert not (await uow.members.get(dimas_id)).active  # type: ignore[union-attr]
    assert any("paused your membership" in t for t in world.texts(DIMAS, told)), \
        "(seen) the member is told, not left to find out from /duty"
    # (a trial: "passed to a teammate", with nobody on duty to take it)
    assert any("your open chats went back to the front of the queue" in t
               for t in world.texts(DIMAS, told)), world.texts(DIMAS, told)
    assert not any("colleague" in t for t in world.texts(DIMAS, told))
    assert any("Their open chat went back" in t for t in world.texts(SARI, told))
    assert world.telegram.by_id[card.message_id].buttons[-1] == f"ro:active:{dimas_id}:1"
    assert render(world, "id", "session-supporter-unavailable", wait="nobody", opens="-",
                  resources="x").split("x")[0].strip() in "\n".join(world.texts(STUDENT))
    assert await check(world) == []


async def test_deactivating_the_last_counselor_warns_where_crisis_alerts_will_go(
    world: World,
) -> None:
    """Seen (newcomer hour): the only counselor could be deactivated without a word that
    crisis alerts would then reach coordinators only."""
    async with world.running.store() as uow:
        ids = {m.name: m.id for m in await uow.members.all("counselor")}
    await world.command(SARI, "/roster")
    await press(world, SARI, f"ro:confirm:{ids['Pak Budi']}")
    assert "only active counselor" not in world.telegram.to(SARI)[-1].text  # Bu Rina is there
    await press(world, SARI, f"ro:keep:{ids['Pak Budi']}")
    await press(world, SARI, f"ro:confirm:{ids['Bu Rina']}")
    await press(world, SARI, f"ro:active:{ids['Bu Rina']}:0")
    await press(world, SARI, f"ro:confirm:{ids['Pak Budi']}")
    card = world.telegram.to(SARI)[-1]
    assert "Pak Budi is the only active counselor" in card.text, card.text
    assert card.buttons == [f"ro:active:{ids['Pak Budi']}:0", f"ro:keep:{ids['Pak Budi']}"]
    assert await check(world) == []


async def test_deactivating_a_counselor_says_truly_where_their_chat_and_case_go(
    world: World,
) -> None:
    """(A trial: the card said a counselor's chat goes "back to the queue (or stays with the
    counselor in it)"; it stays with the supporter in it, and the case is paged again.)"""
    await in_chat(world)
    await world.say(STUDENT, "aku pengen mati aja")
    await press(world, BUDI, "es:take:")  # Pak Budi joins Dimas's chat with the case
    async with world.running.store() as uow:
        budi = (await uow.members.by_telegram_id(BUDI)).id  # type: ignore[union-attr]
    await world.command(SARI, "/roster")
    await press(world, SARI, f"ro:confirm:{budi}")
    card = world.telegram.to(SARI)[-1].text
    assert card == render(world, "en", "roster-confirm-deactivate", name="Pak Budi", load=1,
                          last="no", seat="counselor")
    assert "back to the queue (or stays with the counselor" not in card, card
    assert "stays with the peer supporter in it" in card, card
    assert "paged again" in card, card
    before = len(world.telegram.messages)
    await press(world, SARI, f"ro:active:{budi}:0")
    assert await chat_status(world) == "active", "what the card said: it stays with Dimas"
    assert any(t.startswith("🆘") for t in world.texts(RINA, before)), "and the case pages"
    told = world.texts(SARI, before)[-1]
    assert "stays with the peer supporter in it" in told, told
    assert "back to the queue (or stays with the counselor" not in told, told
    assert await check(world) == []


async def test_a_message_telegram_will_not_edit_is_sent_anew(world: World) -> None:
    """An edit of a message that is gone (deleted, too old): the same words arrive as a new
    message; nothing is lost."""
    await world.command(SARI, "/roster")
    from bot.outbox import queue_effects

    async with world.running.store() as uow:
        await queue_effects(uow, world.running.services.catalog,
                            [Reply("roster-unchanged", {"name": "Dimas"}, edit=999_999)],
                            SARI, world.clock())
        await uow.commit()
    before = len(world.telegram.messages)
    await world.settle()
    [anew] = world.telegram.to(SARI, before)
    assert anew.text == render(world, "en", "roster-unchanged", name="Dimas")
    assert anew.message_id != 999_999


async def joining_as_rina(world: World) -> int:
    """An invitee who has accepted the invite and given their name: at the languages step."""
    invitee = 700200001
    await world.command(SARI, "/invite supporter")
    code = next(t for t in reversed(world.texts(SARI)) if "?start=" in t).split("?start=")[1]
    await world.command(invitee, f"/start {code.split()[0]}")
    await press(world, invitee, "ob:join:yes")
    await world.say(invitee, "Rina")
    return invitee


async def test_onboarding_choices_are_ticked_on_the_same_message(world: World) -> None:
    """Seen (newcomer hour): every tap on a language or topic posted a new copy of the
    question. Now the question is edited: the choice is ticked where it was tapped."""
    invitee = await joining_as_rina(world)
    before = len(world.telegram.to(invitee))
    for choice in ("ob:lang:id", "ob:lang:en", "ob:lang:en"):  # en on, then off again
        await press(world, invitee, choice)
    shown = world.telegram.to(invitee)[before - 1:]
    assert len({m.message_id for m in shown}) == 1, "one question, edited in place"
    assert shown[-1].text == render(world, "id", "onboarding-languages", count=1)
    await press(world, invitee, "ob:lang-done:")
    await press(world, invitee, "ob:topic:academic")
    await press(world, invitee, "ob:topic:family")
    topics = [m for m in world.telegram.to(invitee) if "ob:topic-done:" in m.buttons]
    assert len({m.message_id for m in topics}) == 1
    assert topics[-1].text == render(world, "id", "onboarding-topics", count=2)
    assert await check(world) == []


async def test_who_takes_a_chat_handed_back_reads_what_was_said_and_that_the_student_knows(
    world: World,
) -> None:
    """Issue 12: after a hand-back the new supporter got the request and notes but not the
    chat so far."""
    ayu = 9102
    await in_chat(world)
    await world.say(STUDENT, "kak aku takut banget besok ujian matematika")
    await deactivate(world)  # Dimas leaves: back to the queue
    before = len(world.telegram.messages)
    await world.command(ayu, "/duty")
    await press(world, ayu, "dt:on:")
    await press(world, ayu, "of:accept:")
    told = "\n".join(world.texts(ayu, before))
    assert "Back in line, their supporter had to leave: " in told  # the offer says so
    assert render(world, "en", "handback-history", recent="x",
                  who="other").split("x")[0].strip() in told
    assert "takut banget besok ujian matematika" in told
    assert await check(world) == []


async def test_a_choice_ticked_while_telegram_is_busy_is_answered_when_it_lets_us(
    world: World,
) -> None:
    """Found by the model (counterexample #13; the rule was wrong, S6 now counts an edit in
    place waiting for Telegram as the answer): a tap on a language while Telegram said 429.
    The tick is the answer: it waits in the outbox, and arrives once Telegram takes it."""
    from tests.model.world import FAULTS

    invitee = await joining_as_rina(world)
    world.telegram.faults.append(FAULTS["429"])
    before = len(world.telegram.to(invitee))
    await press(world, invitee, "ob:lang:id")
    assert await check(world) == []  # answered: the edit waits for Telegram
    await world.advance(5)
    shown = world.telegram.to(invitee)[before:]
    assert shown[-1].text == render(world, "id", "onboarding-languages", count=1)
    assert await check(world) == []


async def test_a_shift_card_asks_before_removing_and_changes_in_place(world: World) -> None:
    """Each /shifts line is a card with *Remove*: asked first on the same card, then the card
    says it is gone; *Yes* pressed again removes nothing else; *No, keep it* puts it back."""
    await world.command(SARI, "/shifts add 9102 sen 08:00-12:00")
    await world.command(SARI, "/shifts add 9101 sel 13:00-15:00")
    await world.command(SARI, "/shifts")
    cards = [m for m in world.telegram.to(SARI) if any(b.startswith("sh:remove:")
                                                       for b in m.buttons)]
    assert len(cards) == 2
    first = cards[0]
    await world.press(SARI, first.message_id, first.buttons[0])
    [asked] = [m for m in world.telegram.to(SARI) if m.message_id == first.message_id
               and not m.cleared]
    assert set(asked.buttons) == {"sh:yes:1", "sh:keep:1"}
    assert "Ayu" in asked.text
    async with world.running.store() as uow:
        assert len(await uow.shifts.all()) == 2, "asking removes nothing"
    await world.press(SARI, first.message_id, "sh:yes:1")
    await world.press(SARI, first.message_id, "sh:yes:1")  # twice is once
    shown = [m for m in world.telegram.to(SARI) if m.message_id == first.message_id]
    assert shown[-1].text in (render(world, "id", "shifts-already-removed", id=1),
                              render(world, "en", "shifts-already-removed", id=1))
    async with world.running.store() as uow:
        assert [s.id for s in await uow.shifts.all()] == [2]
    second = cards[1]
    await world.press(SARI, second.message_id, "sh:remove:2")
    await world.press(SARI, second.message_id, "sh:keep:2")
    back = [m for m in world.telegram.to(SARI) if m.message_id == second.message_id][-1]
    assert back.buttons == ["sh:remove:2"]
    async with world.running.store() as uow:
        assert [s.id for s in await uow.shifts.all()] == [2]
    assert await check(world) == []


async def test_the_last_coordinator_cannot_deactivate_herself(world: World) -> None:
    """Seen in a newcomer hour: the only coordinator deactivated herself and nobody could run
    the program or let anyone back in. The card stays as it is and says why."""
    async with world.running.store() as uow:
        sari = await uow.members.by_telegram_id(SARI)
        assert sari is not None
        sari_id = sari.id
    await world.command(SARI, "/roster")
    for data in (f"ro:confirm:{sari_id}", f"ro:active:{sari_id}:0", f"ro:active:{sari_id}"):
        before = len(world.telegram.messages)
        await world.press(SARI, world.telegram.to(SARI)[-1].message_id, data)
        said = world.texts(SARI, before)
        assert any("only active coordinator" in t for t in said), said
        async with world.running.store() as uow:
            assert (await uow.members.get(sari_id)).active  # type: ignore[union-attr]
    assert await check(world) == []


async def test_accept_pressed_twice_says_the_chat_is_already_theirs(world: World) -> None:
    """Seen in a newcomer hour: the second tap on Accept said the request was "no longer
    available (someone else took it…)", just after the chat had opened for them."""
    await intake(world, STUDENT)
    data = await press(world, DIMAS, "of:accept:")
    before = len(world.telegram.messages)
    offer = next(m for m in world.telegram.to(DIMAS) if data in m.buttons)
    await world.press(DIMAS, offer.message_id, data)  # a quick second tap
    said = world.texts(DIMAS, before)
    assert any("already accepted" in t for t in said), said
    assert not any("no longer available" in t for t in said), said
    assert await chat_status(world) == "active"
    assert await check(world) == []


async def test_a_students_cancel_of_a_request_sent_asks_first_and_no_keeps_the_place(
    world: World,
) -> None:
    """(A newcomer trial: a student who had waited 40 minutes lost their place to a single
    /cancel.) It asks, as /end does; *No, keep waiting* keeps the request in line."""
    await world.command(DIMAS, "/duty")
    await press(world, DIMAS, "dt:off")  # nobody takes it: it waits
    await intake(world, STUDENT)
    await world.advance(40 * 60)

    async def waiting() -> bool:
        async with world.running.store() as uow:
            return [r.status for r in await uow.requests.queued()] == ["queued"]

    before = len(world.telegram.messages)
    await world.command(STUDENT, "/cancel")
    [question] = world.telegram.to(STUDENT, before)
    assert question.text == render(world, "id", "intake-withdraw-confirm")
    assert question.buttons == ["in:withdraw:", "in:keep:"]
    assert await waiting(), "asking changes nothing"
    await press(world, STUDENT, "in:keep:")
    assert world.texts(STUDENT)[-1] == render(world, "id", "intake-withdraw-kept")
    assert world.telegram.by_id[question.message_id].cleared, "answered: its buttons go"
    assert await waiting(), "still in line"

    await world.withdraw(STUDENT)  # Yes, cancel it
    assert render(world, "id", "intake-request-withdrawn") in world.texts(STUDENT)
    assert await world.queue() == []
    assert await check(world) == []


async def test_deactivating_a_supporter_says_truly_where_their_chat_went_and_who_is_on_duty(
    world: World,
) -> None:
    """(A trial: no warning about removing the only supporter on duty; the supporter read his
    chat was passed to a teammate.) With Ayu on duty there is no warning; a chat a counselor
    is in goes on with them."""
    ayu = 9102
    await in_chat(world)
    await world.say(STUDENT, "aku pengen mati aja")
    await press(world, BUDI, "es:take:")  # Pak Budi joins Dimas's chat
    await world.command(ayu, "/duty")
    await press(world, ayu, "dt:on")
    dimas_id = await open_card(world)
    card = world.telegram.to(SARI)[-1]
    assert "only peer supporter on duty" not in card.text, card.text
    told = len(world.telegram.messages)
    await press(world, SARI, f"ro:active:{dimas_id}:0")
    assert any("your open chats go on with the colleagues in them" in t
               for t in world.texts(DIMAS, told)), world.texts(DIMAS, told)
    assert await check(world) == []
