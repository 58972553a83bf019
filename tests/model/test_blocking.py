"""Report and block (handlers.blocks): a supporter reports a student who was abusive in a chat,
the coordinators review it with the student's own messages and block them from peer chats (for
a time or for good), dismiss it, or lift a block. A blocked student is never offered to a
supporter, and is never cut off from crisis handling: their words are still screened and a
counselor is still paged. On the whole program in-process (tests/model/world.py), with the
safety invariants checked at the end."""

from __future__ import annotations

from tests.model.invariants import check
from tests.model.test_regressions import (
    BUDI,
    DIMAS,
    SARI,
    STUDENT,
    intake,
    pings,
    press,
)
from tests.model.world import World

ABUSE = "dasar pendamping bodoh, nggak guna lo"


def offered(world: World, who: int, since: int = 0) -> bool:
    return any(b.startswith("of:accept:") for m in world.telegram.to(who, since)
               for b in m.buttons)


async def abusive_chat(world: World) -> None:
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    await world.say(DIMAS, "halo, aku Dimas. mau cerita apa?")
    await world.say(STUDENT, ABUSE)


async def reported(world: World, how: str = "rp:abusive:") -> None:
    """Dimas reports the student; Sari opens the review."""
    await world.command(DIMAS, "/report")
    await press(world, DIMAS, how)
    await press(world, SARI, "rv:show:")


async def test_a_report_reaches_the_coordinators_with_the_students_own_messages(
    world: World,
) -> None:
    await abusive_chat(world)
    before = len(world.telegram.messages)
    await world.command(DIMAS, "/report")
    assert any("Why are you reporting" in t or "dilaporkan?" in t
               for t in world.texts(DIMAS, before)), world.texts(DIMAS, before)
    [(message, data)] = [(m, d) for m, d in world.buttons(DIMAS) if d.startswith("rp:abusive:")]
    await world.press(DIMAS, message, data)
    assert any("report about" in t or "Laporan soal" in t for t in world.texts(DIMAS, before))
    [ping] = [t for t in world.texts(SARI, before) if t.startswith("🚩")]
    assert "Dimas" in ping
    assert ABUSE not in ping, "the words are for the review, not the ping"
    await press(world, SARI, "rv:show:")
    card = world.texts(SARI)[-1]
    assert ABUSE in card, "the reviewer reads what the student wrote"
    assert "halo, aku Dimas" not in card, "the student's messages only"
    assert "Block 7 days" not in card  # (buttons are not text)
    assert any(d.startswith("rv:block7:") for _, d in world.latest_buttons(SARI))
    again = len(world.telegram.messages)
    await world.press(DIMAS, message, data)  # a second tap files nothing new
    assert [t for t in world.texts(SARI, again) if t.startswith("🚩")] == []
    assert await check(world) == []


async def test_a_block_ends_the_peer_chat_and_no_supporter_is_offered_the_student(
    world: World,
) -> None:
    await abusive_chat(world)
    await reported(world)
    before = len(world.telegram.messages)
    [(card, block)] = [(m, d) for m, d in world.buttons(SARI) if d.startswith("rv:block7:")]
    await world.press(SARI, card, block)
    assert "Blocked from peer chats until" in world.texts(SARI)[-1] or \
        "Diblokir dari obrolan dengan pendamping sampai" in world.texts(SARI)[-1]
    told = world.texts(STUDENT, before)
    assert any("belum bisa ngobrol sama pendamping sebaya (sampai" in t and "🆘" in t
               for t in told), told
    assert not any("kirim /start" in t.lower() for t in told), \
        "(seen) no 'send /start whenever you want' beside the block"
    assert not any("Seberapa membantu" in t for t in told), "no survey after a block"
    assert any("#1" in t and ("blocked" in t or "diblokir" in t)
               for t in world.texts(DIMAS, before)), "the reporter hears the decision"
    assert not [c for c in world.buttons(DIMAS) if c[1].startswith("en:")]

    start = len(world.telegram.messages)
    await world.command(STUDENT, "/start")
    assert any("belum bisa ngobrol sama pendamping" in t for t in world.texts(STUDENT, start))
    assert not any("in:consent" in d for _, d in world.buttons(STUDENT)[-2:])
    assert not offered(world, DIMAS, start)

    again = len(world.telegram.messages)
    await world.press(SARI, card, block)  # pressed twice: once
    assert any("already decided" in t or "sudah diputuskan" in t
               for t in world.texts(SARI, again))
    assert world.texts(STUDENT, again) == []
    assert await check(world) == []


async def test_a_blocked_students_crisis_still_pages_a_counselor(world: World) -> None:
    await abusive_chat(world)
    await reported(world)
    await press(world, SARI, "rv:block:")
    before = len(world.telegram.messages)
    await world.say(STUDENT, "aku pengen mati aja")
    assert pings(world, BUDI, before), "a counselor is paged, blocked or not"
    assert any("112" in t for t in world.texts(STUDENT, before)), "the numbers, at once"
    sos = len(world.telegram.messages)
    await world.say(STUDENT, "🆘 Aku butuh konselor sekarang")
    assert world.texts(STUDENT, sos), "🆘 is answered"
    assert await check(world) == []


async def test_lifting_the_block_lets_the_student_ask_again(world: World) -> None:
    await abusive_chat(world)
    await reported(world)
    await press(world, SARI, "rv:block:")
    assert "for good" in world.texts(SARI)[-1] or "seterusnya" in world.texts(SARI)[-1]
    before = len(world.telegram.messages)
    await press(world, SARI, "rv:lift:")
    assert any("/start" in t for t in world.texts(STUDENT, before)), "told they can ask again"
    await world.command(STUDENT, "/start")
    assert any(d.startswith("in:consent:") for _, d in world.latest_buttons(STUDENT))
    assert await check(world) == []


async def test_a_dismissed_report_blocks_nothing(world: World) -> None:
    await abusive_chat(world)
    await reported(world, "rp:other:")
    before = len(world.telegram.messages)
    await press(world, SARI, "rv:dismiss:")
    assert any("no block" in t or "tidak diblokir" in t for t in world.texts(DIMAS, before))
    assert not any("belum bisa ngobrol sama pendamping" in t for t in world.texts(STUDENT, before))
    await world.say(STUDENT, "maaf ya tadi aku kesel")
    assert any("maaf ya tadi" in t for t in world.texts(DIMAS, before)), "the chat goes on"
    assert await check(world) == []


async def test_a_report_with_its_reason_as_a_word_keeps_what_the_supporter_wrote(
    world: World,
) -> None:
    await abusive_chat(world)
    await world.command(DIMAS, "/report kasar dia ngatain aku terus dari tadi")
    await press(world, SARI, "rv:show:")
    card = world.texts(SARI)[-1]
    assert "dia ngatain aku terus dari tadi" in card
    assert "abusive" in card or "kasar" in card
    assert await check(world) == []


async def test_a_chat_that_ended_can_be_reported_and_a_waiting_request_is_withdrawn(
    world: World,
) -> None:
    await abusive_chat(world)
    await world.end(DIMAS, True)
    await intake(world, STUDENT)  # asks again at once; Dimas is offered it
    await world.command(DIMAS, "/report sexual")
    before = len(world.telegram.messages)
    await press(world, SARI, "rv:show:")
    await press(world, SARI, "rv:block7:")
    assert any("belum bisa ngobrol sama pendamping" in t for t in world.texts(STUDENT, before))
    await world.advance(600)
    assert not offered(world, DIMAS, before + 1)
    assert await check(world) == []


async def test_words_after_a_reason_button_join_the_report(world: World) -> None:
    """Seen (newcomer hour): /report, *Something else*, then '/report kasar …' was told
    'already reported' and the words were dropped."""
    await abusive_chat(world)
    await world.command(DIMAS, "/report")
    await press(world, DIMAS, "rp:other:")
    await world.command(DIMAS, "/report kasar dia ngatain aku bego terus")
    assert any("were added to your report" in t or "sudah ditambahkan" in t
               for t in world.texts(DIMAS)[-1:])
    await press(world, SARI, "rv:show:")
    assert "dia ngatain aku bego terus" in world.texts(SARI)[-1]
    assert await check(world) == []


async def test_a_report_with_no_chat_says_so(world: World) -> None:
    await world.command(DIMAS, "/report")
    assert "no chat to report" in world.texts(DIMAS)[-1] or \
        "Tidak ada obrolan" in world.texts(DIMAS)[-1]
    assert await check(world) == []


async def test_forgetme_deletes_what_they_told_us_but_not_the_block(world: World) -> None:
    await abusive_chat(world)
    await reported(world)
    await press(world, SARI, "rv:block7:")
    await world.command(STUDENT, "/forgetme")
    await press(world, STUDENT, "fm:yes")
    assert any("dihapus" in t for t in world.texts(STUDENT)[-2:]), world.texts(STUDENT)[-2:]
    before = len(world.telegram.messages)
    await world.command(STUDENT, "/start")
    assert any("belum bisa ngobrol sama pendamping" in t for t in world.texts(STUDENT, before)), \
        "the block is not a thing /forgetme undoes"
    assert await check(world) == []
