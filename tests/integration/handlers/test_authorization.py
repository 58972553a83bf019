"""Authorization declared once, checked on the whole program: for every row of the registry,
everyone whose role it does not allow gets the row's answer in words and nothing changes in the
database, even when the command's words and the button's ids point at real things (an offer
pending, a chat going on, a case being paged, a member on the roster).

The program runs in-process (tests.model.world: real storage and handlers, fake Telegram and
clock); each attempt goes through the router in its own unit of work, which is compared before
and after and never committed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from flows.types import ClearButtons, Effect, Inbound, Reply, SetMenu
from handlers import registry, router
from handlers.registry import A_STUDENT, BUTTONS, COMMANDS, STAFF, Button, Command
from storage.models import Base
from storage.program_models import ChatSession, Escalation, Offer
from tests.model.world import World

STUDENT, WAITING = 700100001, 700100002
DIMAS, BUDI, SARI = 9101, 9201, 9001  # on duty supporter, on duty counselor, coordinator
WHO = {"supporter": DIMAS, "counselor": BUDI, "coordinator": SARI, A_STUDENT: STUDENT}
# words a command would act on if it ran (nothing risky: students' words are screened)
ARGS = {"invite": "supporter", "shifts": "remove 1", "note": "catatan", "refer": "tolong",
        "start": "", "forgetme": ""}


@dataclass(frozen=True)
class Ids:
    offer: int  # pending, for Dimas
    chat: int  # Dimas with STUDENT
    case: int  # STUDENT's, being paged
    member: int  # Dimas on the roster
    report: int  # Dimas's report about STUDENT, waiting for a review


def sample(row: Button[Any], ids: Ids) -> str:
    """Data a real message could carry for this row, pointing at real things."""
    return {
        ("of", "accept"): f"of:accept:{ids.offer}", ("of", "decline"): f"of:decline:{ids.offer}",
        ("dt", "on"): "dt:on:", ("dt", "off"): "dt:off:",
        ("ho", None): f"ho:{ids.chat}:any", ("en", None): f"en:{ids.chat}:",
        ("fx", "focus"): f"fx:focus:{ids.chat}", ("es", "refer"): f"es:refer:{ids.chat}",
        ("es", "ack"): f"es:ack:{ids.case}", ("es", "take"): f"es:take:{ids.case}",
        ("es", "out"): f"es:out:{ids.case}:safe",
        ("ro", None): f"ro:active:{ids.member}", ("sh", None): f"sh:active:{ids.member}",
        ("sc", None): "sc:now:", ("ss", "counselor"): "ss:counselor:",
        ("fu", None): "fu:again:", ("fm", None): "fm:yes:", ("aq", None): "aq:wish-dead:yes",
        ("wb", None): f"wb:talk:{ids.chat}",
        ("rp", None): f"rp:abusive:{ids.chat}", ("rv", None): f"rv:block:{ids.report}",
        ("sp", "begin"): "sp:begin:", ("fr", "alert"): "fr:alert:",
        ("sf", None): "sf:go:box:2",
    }[(row.prefix, row.event)]


async def _press(world: World, who: int, prefix: str) -> None:
    message_id, data = [(m, d) for m, d in world.buttons(who) if d.startswith(prefix)][-1]
    await world.press(who, message_id, data)


async def _intake(world: World, who: int, lang: str) -> None:
    await world.command(who, "/start")
    for step in ("in:consent:yes", f"in:lang:{lang}", "in:topic:family"):
        await _press(world, who, step)
    await world.say(who, "aku stres banget sama ujian minggu depan dan susah tidur")
    for step in ("in:feeling:3", "in:name:keep", "in:confirm:"):
        await _press(world, who, step)


async def _things_going_on(world: World) -> Ids:
    await _intake(world, STUDENT, "id")
    await _press(world, DIMAS, "of:accept:")  # a chat
    await _intake(world, WAITING, "en")  # an offer, pending for Dimas
    await world.say(STUDENT, "aku pengen mati aja")  # a case, paging Budi
    async with world.running.store() as uow:
        offer = (await uow.session.scalars(select(Offer).where(Offer.status == "pending"))).one()
        chat = (await uow.session.scalars(select(ChatSession))).one()
        case = (await uow.session.scalars(select(Escalation))).one()
        dimas = await uow.members.by_telegram_id(DIMAS)
        assert dimas is not None
        assert chat.supporter_id == dimas.id == offer.member_id
        student = await uow.people.by_telegram_id(STUDENT)
        assert student is not None
        report = await uow.student_reports.add(student.id, chat.id, dimas.id, "abusive", "",
                                               world.clock())
        await uow.commit()
        return Ids(offer.id, chat.id, case.id, dimas.id, report.id)


async def _attempt(world: World, inbound: Inbound) -> tuple[list[Effect], bool]:
    """What the router answers, and whether the database is as it was (never committed)."""
    async with world.running.store() as uow:
        before = await _everything(uow.session)
        effects = await router.handle(uow, world.running.services, inbound, screened=False)
        return effects, await _everything(uow.session) == before


async def _everything(session: Any) -> dict[str, list[tuple[Any, ...]]]:
    return {table.name: sorted((tuple(row) for row in (await session.execute(
        select(table))).all()), key=repr) for table in Base.metadata.sorted_tables}


def _roles_refused(row: Command[Any] | Button[Any]) -> list[str]:
    """Everyone the row does not allow, but for a student's /start and a member's /start."""
    return [role for role in (*sorted(STAFF), A_STUDENT) if role not in row.roles
            and not (isinstance(row, Command)
                     and isinstance(registry.find_command(role, row.name), Command))]


def _in_words(effects: list[Effect]) -> list[str]:
    """The catalog keys of the answer: there is one, and it is only messages."""
    assert all(isinstance(e, Reply | ClearButtons | SetMenu) for e in effects), effects
    keys = [e.key for e in effects if isinstance(e, Reply)]
    assert keys, f"answered with no words: {effects}"
    return keys


async def test_every_command_refuses_every_role_outside_its_set_and_changes_nothing(
    world: World,
) -> None:
    await _things_going_on(world)
    tried = 0
    for row in COMMANDS:
        for role in _roles_refused(row):
            who = WHO[role]
            inbound = Inbound(10**6 + tried, who, "private", who, "id", "command",
                              text=ARGS.get(row.name, ""), command=row.name)
            effects, unchanged = await _attempt(world, inbound)
            tried += 1
            assert unchanged, f"/{row.name} from a {role} changed something"
            keys = _in_words(effects)
            if role == A_STUDENT:  # a team command is not a student's: their chat answers it
                assert registry.NOT_ALLOWED not in keys, (row.name, keys)
            elif row.roles <= STAFF:
                assert effects == [Reply(row.refused)], (row.name, role, effects)
            else:  # a student's command is none of the team's (said in the team's register)
                assert effects == [Reply("error-unknown-command-team")], (row.name, role, effects)
    assert tried >= 20


async def test_a_forged_button_of_every_prefix_from_a_wrong_role_changes_nothing(
    world: World,
) -> None:
    ids = await _things_going_on(world)
    tried = 0
    for row in BUTTONS:
        for role in _roles_refused(row):
            who = WHO[role]
            data = sample(row, ids)
            inbound = Inbound(2 * 10**6 + tried, who, "private", who, "id", "button",
                              button=data, callback_id="cb", message_id=1)
            effects, unchanged = await _attempt(world, inbound)
            tried += 1
            assert unchanged, f"{data} from a {role} changed something"
            keys = _in_words(effects)
            if role == A_STUDENT:  # the student's own chat says the button is not active
                assert registry.NOT_ALLOWED not in keys, (data, keys)
            elif row.roles <= STAFF:  # (the stale answer in the team's register)
                refused = router.STALE_TEAM if row.refused == registry.STALE else row.refused
                assert effects == [Reply(refused)], (data, role, effects)
            else:  # a student's button is none of the team's
                assert effects == [Reply(router.STALE_TEAM)], (data, role, effects)
    assert tried >= 30


async def test_the_samples_are_live_for_the_roles_that_may_press_them(world: World) -> None:
    """The refusals above are the registry's doing, not stale ids: the same data from the
    right person acts (shown on the rows that change something when pressed)."""
    ids = await _things_going_on(world)
    live = {("of", "decline"): DIMAS, ("es", "ack"): BUDI, ("ro", None): SARI,
            ("fx", "focus"): DIMAS}
    for row in BUTTONS:
        who = live.get((row.prefix, row.event))
        if who is None:
            continue
        inbound = Inbound(3 * 10**6, who, "private", who, "id", "button",
                          button=sample(row, ids), callback_id="cb", message_id=1)
        effects, unchanged = await _attempt(world, inbound)
        assert not unchanged or _in_words(effects) == ["staff-focused"], (row, effects)
        assert registry.STALE not in _in_words(effects)
