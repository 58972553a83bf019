"""/shifts add reads days and hours by the same rules as the config (routing.schedule), now that
handlers no longer borrow the config's model to check them."""

from __future__ import annotations

import pytest

from flows.types import Inbound, Reply
from handlers import router
from tests.model.world import World

SARI, AYU = 9001, 9102  # the coordinator, a supporter


async def _shifts(world: World, words: str) -> tuple[list[str], list[tuple[list[str], str, str]]]:
    """The reply to ``/shifts <words>`` from the coordinator, and the shifts kept (committed)."""
    async with world.running.store() as uow:
        inbound = Inbound(1, SARI, "private", SARI, "en", "command", text=words,
                          command="shifts")
        effects = await router.handle(uow, world.running.services, inbound)
        await uow.commit()
    async with world.running.store() as uow:
        kept = [(list(s.days), s.start, s.end) for s in await uow.shifts.all()]
    return [e.key for e in effects if isinstance(e, Reply)], kept


@pytest.mark.parametrize(("words", "days", "start", "end"), [
    (f"add {AYU} mon,tue 08:00-12:00", ["mon", "tue"], "08:00", "12:00"),
    (f"add {AYU} sat 8:00-9:30", ["sat"], "08:00", "09:30"),  # typed as people type it
    (f"add {AYU} sun 22:00-24:00", ["sun"], "22:00", "24:00"),
    (f"add {AYU} sen,Sel,rabu 08:00-12:00", ["mon", "tue", "wed"], "08:00", "12:00"),  # as
    (f"add {AYU} Mon,saturday 08:00-12:00", ["mon", "sat"], "08:00", "12:00"),  # written
    (f"tambah {AYU} sen 20.00-23.00", ["mon"], "20:00", "23:00"),  # as Indonesians write
    (f"add {AYU} jum 8.00–12.30", ["fri"], "08:00", "12:30"),  # times, with a typed dash
    (f"tambah {AYU} senin 8-12", ["mon"], "08:00", "12:00"),  # bare hours (newcomer hour)
])
async def test_a_shift_is_added_with_hours_as_the_config_stores_them(
    world: World, words: str, days: list[str], start: str, end: str,
) -> None:
    keys, kept = await _shifts(world, words)
    assert keys == ["shifts-added"]
    assert kept == [(days, start, end)]


@pytest.mark.parametrize(("words", "why"), [
    (f"add {AYU} mon, 08:00-12:00", "shifts-bad-days"), (f"add {AYU} mo 08:00-12:00",
                                                         "shifts-bad-days"),
    (f"add {AYU} mon 08:00-25:00", "shifts-bad-hours"), (f"add {AYU} mon 08:00",
                                                         "shifts-bad-hours"),
    (f"add {AYU} mon 8-", "shifts-bad-hours"), (f"add {AYU} mon 123-12", "shifts-bad-hours"),
    (f"tambah {AYU} sab", "shifts-add-parts"), (f"add {AYU}", "shifts-add-parts"),
])
async def test_days_or_hours_the_config_would_refuse_say_which_and_the_usage(
    world: World, words: str, why: str,
) -> None:
    assert await _shifts(world, words) == ([why, "shifts-usage"], [])


async def test_wrong_days_and_hours_are_both_said_at_once(world: World) -> None:
    """(A newcomer trial: a wrong day and a wrong time, and only the time was named.)"""
    assert await _shifts(world, f"add {AYU} xyz 25:00-12:00") == (
        ["shifts-bad-days", "shifts-bad-hours", "shifts-usage"], [])


async def test_a_shift_for_someone_not_on_the_team_is_refused(world: World) -> None:
    assert await _shifts(world, "add 123456 mon 08:00-12:00") == (
        ["shifts-unknown-member"], [])


async def test_the_list_names_days_in_the_readers_language_and_ids_stay_ids(
    world: World,
) -> None:
    """Seen (newcomer hour): '/shifts' showed 'mon,tue,wed' in the Indonesian interface and
    '/roster' showed telegram ids as numbers ('9.101'), which '/shifts add' then refused."""
    await world.command(SARI, f"/shifts add {AYU} sen,sel 08:00-12:00")
    before = len(world.telegram.messages)
    await world.command(SARI, "/shifts")
    listed = " ".join(world.texts(SARI, before))
    assert "Mon, Tue 08:00–12:00" in listed, listed
    before = len(world.telegram.messages)
    await world.command(SARI, "/roster")
    roster = " ".join(world.texts(SARI, before))
    assert f"id {AYU}" in roster, roster


async def test_the_roster_counts_chats_against_capacity_only_for_supporters(
    world: World,
) -> None:
    """Seen (newcomer hour): '/roster' showed 'chats: 0/2' for the coordinator and the
    counselors, who take no requests from the queue."""
    before = len(world.telegram.messages)
    await world.command(SARI, "/roster")
    lines = {t.split(" — ")[0]: t for t in world.texts(SARI, before) if " — " in t}
    assert "chats: 0/" in lines["Ayu"], lines["Ayu"]
    assert "chats: 0" in lines["Pak Budi"]
    assert "chats: 0/" not in lines["Pak Budi"]
    assert "chats" not in lines["Bu Sari"], lines["Bu Sari"]


@pytest.mark.parametrize(("first", "second", "refused"), [
    ("mon,tue 08:00-12:00", "tue 11:00-14:00", True),  # Tuesday 11-12 twice
    ("mon 08:00-12:00", "mon 12:00-14:00", False),  # one ends as the other starts
    ("mon 08:00-12:00", "wed 08:00-12:00", False),  # other days
    ("sen 22:00-02:00", "sel 01:00-03:00", True),  # past midnight into Tuesday
    ("min 22:00-06:00", "mon 05:00-07:00", True),  # Sunday night into Monday morning
    ("min 22:00-24:00", "mon 00:00-08:00", False),
])
async def test_a_shift_that_overlaps_one_the_member_has_is_refused_with_the_reason(
    world: World, first: str, second: str, refused: bool,
) -> None:
    """Seen (newcomer hour): overlapping shifts were accepted silently."""
    added = ["shifts-added"], ["shifts-added-overnight"]
    assert (await _shifts(world, f"add {AYU} {first}"))[0] in added
    keys, kept = await _shifts(world, f"add {AYU} {second}")
    assert keys == ["shifts-overlap"] if refused else keys in added
    assert len(kept) == (1 if refused else 2)


async def test_an_overlap_names_the_shift_in_the_way_and_how_to_remove_it(world: World) -> None:
    await world.command(SARI, f"/shifts add {AYU} sen,sel 08:00-12:00")
    await world.command(SARI, "/shifts add 9101 sel 10:00-14:00")  # someone else: fine
    before = len(world.telegram.messages)
    await world.command(SARI, f"/shifts add {AYU} sel 10:00-14:00")
    [said] = world.texts(SARI, before)
    assert said == ("Ayu already has shift #1 (Mon, Tue 08:00–12:00), and this one overlaps "
                    "it. Pick other hours, or remove that shift first: /shifts remove 1")


@pytest.mark.parametrize(("words", "keys", "kept"), [
    (f"tambah {AYU} sen 08:00-12:00", ["shifts-added"], 1),  # Indonesian words for add
    (f"add {AYU} sen 12:00-08:00", ["shifts-added-overnight"], 1),  # said: past midnight
    ("add dimas sen 08:00-12:00", ["shifts-not-an-id"], 0),  # a name is not an id
])
async def test_shifts_read_as_a_coordinator_writes_them(
    world: World, words: str, keys: list[str], kept: int,
) -> None:
    """Seen (newcomer hour): '/shifts hapus 3' got the usage line, 12:00-08:00 was taken
    without a word about midnight, 'dimas' was called a Telegram id that is not on the team."""
    got, shifts = await _shifts(world, words)
    assert (got, len(shifts)) == (keys, kept)


async def test_shifts_hapus_removes(world: World) -> None:
    await _shifts(world, f"add {AYU} sen 08:00-12:00")
    assert await _shifts(world, "hapus 1") == (["shifts-removed"], [])


@pytest.mark.parametrize(("role", "invited"), [
    ("pendamping", "supporter"), ("konselor", "counselor"), ("Supporter", "supporter"),
    ("teman", None),
])
async def test_invite_takes_the_role_in_either_language(
    world: World, role: str, invited: str | None,
) -> None:
    """Seen (newcomer hour): '/invite pendamping' was refused."""
    async with world.running.store() as uow:
        inbound = Inbound(1, SARI, "private", SARI, "id", "command", text=role,
                          command="invite")
        effects = await router.handle(uow, world.running.services, inbound)
        await uow.commit()
    [reply] = [e for e in effects if isinstance(e, Reply)]
    if invited is None:
        assert reply.key == "invite-usage"
    else:
        assert reply.key == "invite-link"
        assert reply.params["role_key"] == f"role-{invited}"


async def test_an_added_shift_is_read_back_in_the_coordinators_words(world: World) -> None:
    """Seen in a newcomer hour: "Shift #1 added for Ayu." said nothing of what was added."""
    async with world.running.store() as uow:
        inbound = Inbound(1, SARI, "private", SARI, "en", "command",
                          text=f"tambah {AYU} sen,rab 20.00-23.00", command="shifts")
        effects = await router.handle(uow, world.running.services, inbound)
        await uow.commit()
    [added] = [e for e in effects if isinstance(e, Reply)]
    text = world.running.services.catalog.render("en", added.key, added.params)
    assert text == "Shift #1 added for Ayu: Mon, Wed 20:00–23:00.", text
