"""A case's buttons go when they stop meaning anything: once a counselor takes the student
over, nobody else's Acknowledge / Take over stays pressable; once the case is resolved, no
outcome button stays. On the whole program in-process (tests/model/world.py)."""

from __future__ import annotations

from tests.model.invariants import check
from tests.model.test_regressions import cases, press
from tests.model.world import World

STUDENT = 700100001
BUDI, RINA, SARI = 9201, 9202, 9001


def live(world: World, who: int, prefix: str) -> list[str]:
    return [d for _, d in world.buttons(who) if d.startswith(prefix)]


async def everyone_paged(world: World) -> None:
    """A high-risk message nobody answers: the ladder climbs to every counselor and the
    coordinator (Rina is on duty for it)."""
    await world.command(RINA, "/duty")
    await press(world, RINA, "dt:on:")
    await world.say(STUDENT, "aku pengen mati aja")
    await world.advance(3600)
    for member in (BUDI, RINA, SARI):
        assert live(world, member, "es:ack:"), f"{member} was paged"


async def test_once_a_counselor_takes_over_nobody_elses_case_buttons_stay(world: World) -> None:
    await everyone_paged(world)
    await press(world, RINA, "es:take:")
    for member in (BUDI, SARI):
        assert not live(world, member, "es:"), world.texts(member)[-2:]
    assert not live(world, RINA, "es:ack:")
    assert not live(world, RINA, "es:take:")
    assert live(world, RINA, "es:out:"), "the one who took over records the outcome"
    assert await check(world) == []


async def test_once_a_case_is_resolved_no_outcome_button_stays(world: World) -> None:
    await everyone_paged(world)
    await press(world, BUDI, "es:ack:")  # seen: Budi gets Take over and the outcomes
    assert live(world, BUDI, "es:out:")
    await world.command(SARI, "/cases")  # the coordinator's list: outcomes too
    assert live(world, SARI, "es:out:")
    await press(world, SARI, "es:out:")
    assert (await cases(world))[-1].status == "resolved"
    for member in (BUDI, RINA, SARI):
        assert not live(world, member, "es:"), (member, world.texts(member)[-2:])
    assert await check(world) == []


async def test_a_ping_that_arrives_after_the_take_over_comes_without_buttons(
    world: World,
) -> None:
    """Telegram was down for Sari's ping; Budi took over meanwhile: when it arrives, its
    buttons are taken away at once."""
    await world.command(RINA, "/duty")
    await press(world, RINA, "dt:on:")
    await world.say(STUDENT, "aku pengen mati aja")
    await world.advance(300)  # Budi did not answer: Rina is paged
    world.telegram.blocked.add(SARI)  # her app is unreachable for now (no 403 told yet)
    await world.advance(300)  # everyone: Sari's ping fails
    world.telegram.blocked.discard(SARI)
    await press(world, BUDI, "es:take:")
    await world.advance(60)
    assert not live(world, SARI, "es:")
    assert await check(world) == []


async def test_who_acknowledged_keeps_the_outcomes_when_a_colleague_takes_over(
    world: World,
) -> None:
    """Model counterexample 12 (the checker's): Budi acknowledged (his message has Take over
    and the outcomes), then Rina took the student over. His outcome buttons still mean
    something until the case is resolved; his Take over there says who has the student."""
    await everyone_paged(world)
    await press(world, BUDI, "es:ack:")
    await press(world, RINA, "es:take:")
    assert live(world, BUDI, "es:out:")
    before = len(world.telegram.messages)
    await press(world, BUDI, "es:take:")
    assert any("Bu Rina" in t for t in world.texts(BUDI, before)), world.texts(BUDI, before)
    assert await check(world) == []


async def test_cases_lists_without_taking_the_pings_buttons_away(world: World) -> None:
    """(A trial: a counselor who ran /cases found the ping's Acknowledge / Take over gone:
    the list's buttons replaced them.) The list's buttons go when the case moves on."""
    await world.say(STUDENT, "aku pengen mati aja")
    [ping] = {m for m, d in world.buttons(BUDI) if d.startswith("es:ack:")}
    await world.command(BUDI, "/cases")
    assert {m for m, d in world.buttons(BUDI) if d.startswith("es:ack:")} > {ping}, \
        "the ping keeps its buttons beside the list's"
    await world.press(BUDI, ping, next(d for m, d in world.buttons(BUDI)
                                       if m == ping and d.startswith("es:take:")))
    assert not live(world, BUDI, "es:ack:")
    assert not live(world, BUDI, "es:take:")
    assert await check(world) == []
