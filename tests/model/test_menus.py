"""Each member's command menu is their role's (Telegram's "/" list in their chat): set when they
join, taken back when they are paused, given back when they return. On the whole program
in-process (tests/model/world.py)."""

from __future__ import annotations

from handlers.menus import MENUS
from tests.model.invariants import check
from tests.model.test_regressions import press
from tests.model.world import World

SARI = 9001
INVITEE = 700200001


async def test_someone_who_joins_gets_their_roles_menu_and_loses_it_when_paused(
    world: World,
) -> None:
    await world.command(SARI, "/invite supporter")
    code = next(t for t in reversed(world.texts(SARI)) if "?start=" in t).split("?start=")[1]
    await world.command(INVITEE, f"/start {code.split()[0]}")
    await press(world, INVITEE, "ob:join:yes")
    assert INVITEE not in world.telegram.menus  # not on the team yet: the default menu
    await world.say(INVITEE, "Rina")
    await press(world, INVITEE, "ob:lang:id")
    await press(world, INVITEE, "ob:lang-done:")
    await press(world, INVITEE, "ob:topic:academic")
    await press(world, INVITEE, "ob:topic-done:")
    assert world.telegram.menus[INVITEE] == list(MENUS["supporter"])
    async with world.running.store() as uow:
        member = await uow.members.by_telegram_id(INVITEE)
        assert member is not None
    await world.command(SARI, "/roster")
    await press(world, SARI, f"ro:confirm:{member.id}")
    await press(world, SARI, f"ro:active:{member.id}:0")
    assert world.telegram.menus[INVITEE] == []  # paused: the default menu again
    await world.command(SARI, "/roster")
    await press(world, SARI, f"ro:active:{member.id}:1")
    assert world.telegram.menus[INVITEE] == list(MENUS["supporter"])
    assert await check(world) == []


async def test_a_menu_telegram_could_not_take_is_set_when_it_can(world: World) -> None:
    from tests.model.world import FAULTS

    await world.command(SARI, "/invite counselor")
    code = next(t for t in reversed(world.texts(SARI)) if "?start=" in t).split("?start=")[1]
    await world.command(INVITEE, f"/start {code.split()[0]}")
    await press(world, INVITEE, "ob:join:yes")
    await world.say(INVITEE, "Bu Wati")
    await press(world, INVITEE, "ob:lang:id")
    await press(world, INVITEE, "ob:lang-done:")
    await press(world, INVITEE, "ob:topic:academic")
    world.telegram.faults.extend([FAULTS["5xx"]] * 3)  # joining: Telegram is failing
    await press(world, INVITEE, "ob:topic-done:")
    assert INVITEE not in world.telegram.menus
    await world.advance(120)
    assert world.telegram.menus[INVITEE] == list(MENUS["counselor"])
    assert await check(world) == []
