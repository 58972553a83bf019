"""Help a friend (flows.intake's friend route, handlers.friend): guidance in the student's
language, a supporter about the friend, or a counselor alerted with what they know, from the
intake's first choice or /friend. On the whole program in-process (tests/model/world.py), with
the safety invariants checked at the end."""

from __future__ import annotations

from tests.model.invariants import check
from tests.model.test_regressions import BUDI, DIMAS, EN_STUDENT, STUDENT, intake, pings, press
from tests.model.world import World

WORRY = "temenku bilang dia udah nggak kuat dan mau ngilang aja, dia juga ngasih barang-barangnya"


async def to_friend_route(world: World, who: int = STUDENT, lang: str = "id") -> None:
    await world.command(who, "/start")
    await press(world, who, "in:consent:friend")
    await press(world, who, f"in:lang:{lang}")


async def test_the_friend_route_gives_guidance_with_the_numbers_and_can_end_there(
    world: World,
) -> None:
    await to_friend_route(world, EN_STUDENT, "en")
    said = "\n".join(world.texts(EN_STUDENT))
    assert "Don't promise to keep a secret about danger" in said
    assert "112" in said
    await press(world, EN_STUDENT, "in:friend:done")
    assert "Thank you for looking out for your friend" in world.texts(EN_STUDENT)[-1]
    assert pings(world, BUDI) == []
    assert await check(world) == []


async def test_alerting_a_counselor_pages_with_what_they_know_and_never_asks_them_to_do_more(
    world: World,
) -> None:
    await to_friend_route(world)
    await press(world, STUDENT, "in:friend:alert")
    await world.say(STUDENT, WORRY)
    await world.say(STUDENT, "kelas 11 IPS 2")
    world.signals.append((STUDENT, world.clock(), "friend alert, now"))
    before = len(world.telegram.messages)
    await press(world, STUDENT, "in:urgency:now")
    [ping] = pings(world, BUDI, before)
    assert "IMMINENT" in ping, ping
    assert "worried about a friend" in ping
    assert "ngasih barang-barangnya" in ping, "what they know"
    assert "kelas 11 IPS 2" in ping
    told = world.texts(STUDENT, before)
    assert any("bukan tugasmu buat nyelesaiin ini" in t and "112" in t for t in told), told
    await press(world, BUDI, "es:take:")  # taking over is a chat with the student who told
    await world.say(BUDI, "Halo, makasih udah cerita soal temanmu.")
    assert any("makasih udah cerita soal temanmu" in t for t in world.texts(STUDENT))
    assert await check(world) == []


async def test_a_worry_that_is_not_urgent_is_still_a_case_a_counselor_must_answer(
    world: World,
) -> None:
    await to_friend_route(world)
    await press(world, STUDENT, "in:friend:alert")
    await world.say(STUDENT, "temenku akhir-akhir ini murung terus")
    await press(world, STUDENT, "in:skip")
    world.signals.append((STUDENT, world.clock(), "friend alert"))
    await press(world, STUDENT, "in:urgency:unsure")
    [ping] = pings(world, BUDI)
    assert "HIGH" in ping
    assert await check(world) == []


async def test_talking_to_a_supporter_about_a_friend_is_a_request_on_that_topic(
    world: World,
) -> None:
    await to_friend_route(world)
    await press(world, STUDENT, "in:friend:talk")
    await world.say(STUDENT, "aku bingung gimana ngomong sama temenku yang lagi sedih banget")
    for step in ("in:feeling:3", "in:name:keep", "in:confirm:"):
        await press(world, STUDENT, step)
    offer = [t for t in world.texts(DIMAS) if "Worried about a friend" in t]
    assert offer, world.texts(DIMAS)
    assert await check(world) == []


async def test_friend_in_a_chat_alerts_a_counselor_and_tells_the_supporter_why(
    world: World,
) -> None:
    await intake(world, STUDENT)
    await press(world, DIMAS, "of:accept:")
    await world.say(STUDENT, WORRY)
    await world.command(STUDENT, "/friend")
    assert any("Jangan janji nyimpen rahasia" in t for t in world.texts(STUDENT)[-2:])
    world.signals.append((STUDENT, world.clock(), "/friend alert"))
    before = len(world.telegram.messages)
    await press(world, STUDENT, "fr:alert:")
    assert pings(world, BUDI, before)
    assert any("a friend they are worried about" in t for t in world.texts(DIMAS, before))
    assert await check(world) == []


async def test_friend_when_free_goes_straight_to_the_friend_route(world: World) -> None:
    await world.command(STUDENT, "/friend")
    assert any(d == "in:friend:alert" for _, d in world.latest_buttons(STUDENT))
    await press(world, STUDENT, "in:friend:done")
    assert await check(world) == []


async def test_control_characters_in_what_they_know_do_not_blank_the_pings_words(
    world: World,
) -> None:
    """(found by the model, S7) What a student typed about a friend began with a control
    character; the ping's "Their words:" line showed it, and read as empty."""
    await to_friend_route(world, EN_STUDENT, "en")
    await press(world, EN_STUDENT, "in:friend:alert")
    await world.say(EN_STUDENT, "\x1fNýÝã\U000f0149HH}T")
    await press(world, EN_STUDENT, "in:skip")
    await press(world, EN_STUDENT, "in:urgency:soon")
    [ping] = pings(world, BUDI)
    assert "Their words: NýÝã" in ping, ping
    assert "\x1f" not in ping
    assert await check(world) == []


async def test_a_very_long_friend_alert_pings_in_one_message_with_its_beginning_and_end(
    world: World,
) -> None:
    """(found by the model, S7) A friend alert of 4 000 characters, and a class line as long,
    made a ping longer than one Telegram message: its first part had no "Their words" at all.
    The ping quotes the beginning and the end of what they wrote (where and when often come
    last), the cut marked, in one message."""
    await to_friend_route(world)
    await press(world, STUDENT, "in:friend:alert")
    story = "dia cerita panjang soal rumahnya. " * 110 + "dia sekarang di jembatan dekat sekolah"
    await world.say(STUDENT, story)
    await world.say(STUDENT, "kelas 11 IPS 2, " + "dia duduk di belakang. " * 150)
    before = len(world.telegram.messages)
    await press(world, STUDENT, "in:urgency:now")
    [ping] = pings(world, BUDI, before)
    assert len(ping) <= 4096
    assert "Escalation #" in ping, "one message, its buttons with it"
    assert "Their words: dia cerita panjang soal rumahnya." in ping, ping[:400]
    assert "dia sekarang di jembatan dekat sekolah" in ping, "the end of what they wrote"
    assert "[…]" in ping
    assert "kelas 11 IPS 2" in ping
    assert await check(world) == []


async def test_a_friends_words_of_risk_page_as_a_friend_not_as_the_reporters_own_crisis(
    world: World,
) -> None:
    """(A trial: a friend's goodbye typed in the friend route was paged as the reporter's own
    crisis, "words about suicide", and the reporter was told "what you're feeling matters".)"""
    await to_friend_route(world, EN_STUDENT, "en")
    await press(world, EN_STUDENT, "in:friend:alert")
    heard = len(world.telegram.messages)
    await world.say(EN_STUDENT, "my friend posted that he's saying goodbye to everyone and "
                                "wants to kill himself tonight, he gave away his guitar")
    [ping] = pings(world, BUDI, heard)
    assert "worried about a friend" in ping, ping
    told = "\n".join(world.texts(EN_STUDENT, heard))
    assert "Thank you for telling us about your friend" in told, told
    assert "What you're feeling matters" not in told
    await world.say(EN_STUDENT, "grade 11")
    world.signals.append((EN_STUDENT, world.clock(), "friend alert, not now"))
    await press(world, EN_STUDENT, "in:urgency:unsure")
    assert any("grade 11" in t for t in world.texts(BUDI, heard)), "the class reaches them"
    assert await check(world) == []


async def test_friend_in_the_middle_of_the_intake_turns_it_to_the_friend_route(
    world: World,
) -> None:
    """(A trial: /friend at the welcome showed the in-chat guidance, "tell your supporter
    here", with no supporter, and its button opened a case with nothing in it.)"""
    await world.command(STUDENT, "/start")
    await world.command(STUDENT, "/friend")
    assert any(d == "in:friend:alert" for _, d in world.latest_buttons(STUDENT))
    assert not any("pendampingmu di sini" in t for t in world.texts(STUDENT))
    await press(world, STUDENT, "in:friend:alert")
    await world.say(STUDENT, "temenku murung terus seminggu ini, nggak mau makan")
    await press(world, STUDENT, "in:skip")
    await press(world, STUDENT, "in:urgency:unsure")
    world.signals.append((STUDENT, world.clock(), "friend alert"))
    [ping] = pings(world, BUDI)
    assert "nggak mau makan" in ping, "with what they know"
    assert await check(world) == []


async def test_a_friends_worry_at_a_concern_asks_the_reporter_nothing_about_themselves(
    world: World,
) -> None:
    """(A trial: a student telling of a friend's "capek idup" in the friend questions was asked
    "kamu pernah nggak kepikiran buat bunuh diri?", then told to send /start mid-flow.) The
    questions about the friend go on; the counselor hears of it with the alert."""
    await to_friend_route(world)
    await press(world, STUDENT, "in:friend:alert")
    before = len(world.telegram.messages)
    await world.say(STUDENT, "temenku bilang di grup dia udah capek idup")
    told = world.texts(STUDENT, before)
    assert not any("kepikiran buat bunuh diri" in t for t in told), told
    assert any(t.startswith("Kelas atau angkatannya") for t in told), told
    await world.say(STUDENT, "kelas 10")
    before = len(world.telegram.messages)
    await press(world, STUDENT, "in:urgency:soon")
    [ping] = pings(world, BUDI, before)
    assert "capek idup" in ping, ping
    assert await check(world) == []
