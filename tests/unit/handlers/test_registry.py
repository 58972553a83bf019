"""The registry as a table: one row per role and command or button, every command the team and
students are told about is in it, every button the bot builds is in it."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from bot.app import MENU_COMMANDS
from bot.i18n import Catalog
from flows.buttons import ButtonData, decode
from flows.onboarding import FLOW as ONBOARDING_FLOW
from flows.safety_plan import PLAN
from flows.selfhelp import PREFIX as SELFHELP
from flows.session import SESSION
from handlers import (
    blocks,
    coordinator,
    escalations,
    friend,
    privacy,
    registry,
    screen,
    staff,
    student,
    wellbeing,
)
from handlers.duty import DUTY, END, HANDOFF
from handlers.registry import (
    A_STUDENT,
    BUTTONS,
    COMMANDS,
    STAFF,
    STUDENT,
    Button,
    Command,
    Refused,
    find_button,
    find_command,
)
from handlers.sessions import FOCUS

ROLES = (*sorted(STAFF), A_STUDENT)
# every command the bot answers today; operators and help texts rely on the names
TEAM_COMMANDS = {"start", "help", "duty", "end", "note", "chats", "handoff", "cases",
                 "casenote", "refer", "invite", "roster", "shifts", "stats", "missed",
                 "falsealarm", "screen", "report", "reports", "offerplan", "theirplan",
                 "checkin"}
STUDENT_COMMANDS = {"start", "help", "cancel", "back", "end", "forgetme", "myplan",
                    "friend", "selfhelp"}
HELP = {"supporter": "help-supporter", "counselor": "help-counselor",
        "coordinator": "help-coordinator", A_STUDENT: "help-intake help-general help-session"}


def test_each_role_has_at_most_one_row_per_command_and_button() -> None:
    commands = Counter((role, row.name) for row in COMMANDS for role in row.roles)
    presses = Counter((role, row.prefix, row.event) for row in BUTTONS for role in row.roles)
    assert [key for key, n in commands.items() if n > 1] == []
    assert [key for key, n in presses.items() if n > 1] == []


@pytest.mark.parametrize("row", [*COMMANDS, *BUTTONS], ids=repr)
def test_a_row_is_for_students_or_for_the_team_never_both(
    row: Command[object] | Button[object],
) -> None:
    """(Or for anyone about themselves, as the person they are: the screening answer.)"""
    assert row.roles in (STUDENT, registry.ANYONE) or (row.roles and row.roles <= STAFF)
    if row.roles == registry.ANYONE:
        assert isinstance(row, Button)
        assert row.prefix == "sc"
    assert row.refused in (registry.NOT_ALLOWED, registry.STALE)


def test_every_command_of_today_is_registered_for_its_side() -> None:
    assert {row.name for row in COMMANDS if row.roles <= STAFF} == TEAM_COMMANDS
    assert {row.name for row in COMMANDS if row.roles == STUDENT} == STUDENT_COMMANDS
    assert set(MENU_COMMANDS) <= STUDENT_COMMANDS  # the commands menu Telegram shows


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("role", ROLES)
def test_every_command_a_help_text_names_is_registered_for_that_role(
    role: str, language: str,
) -> None:
    catalog = Catalog(["id", "en"], "id", "Sejawat", {})
    text = " ".join(catalog.render(language, key) for key in HELP[role].split())
    named = set(re.findall(r"/([a-z]+)", text))
    assert named, f"{HELP[role]} names no command"
    for name in named:
        assert isinstance(find_command(role, name), Command), f"/{name} for {role}"


@pytest.mark.parametrize("language", ["id", "en"])
def test_a_students_help_before_any_request_names_every_command_they_can_use(
    language: str,
) -> None:
    """(A trial: /help before a request left out /friend and /myplan.) /back and /cancel
    belong to the intake and are named in its help."""
    catalog = Catalog(["id", "en"], "id", "Sejawat", {})
    named = set(re.findall(r"/([a-z]+)", catalog.render(language, "help-general")))
    assert STUDENT_COMMANDS - {"help", "back", "cancel"} <= named
    assert {"back", "cancel"} <= set(re.findall(r"/([a-z]+)",
                                                catalog.render(language, "help-intake")))


def test_the_prefixes_buttons_are_built_with_are_the_registered_ones() -> None:
    built = {staff.OFFER, DUTY, HANDOFF, END, FOCUS, escalations.ESC, coordinator.ROSTER,
             coordinator.SHIFTS, escalations.SCREEN, student.FOLLOWUP, privacy.FORGET,
             SESSION, screen.PREFIX, wellbeing.PREFIX,  # ss:counselor: (sessions builds it)
             blocks.REPORT_PREFIX, blocks.REVIEW, PLAN, friend.FRIEND, SELFHELP}
    assert {row.prefix for row in BUTTONS} == built


@pytest.mark.parametrize("flow", sorted({prefix for _, prefix in student.MACHINES.values()}
                                         | {ONBOARDING_FLOW}))
def test_the_buttons_of_a_conversation_are_left_to_its_machine(flow: str) -> None:
    """Only the 🆘 button is taken out of the chat's own flow (it works anywhere)."""
    claimed = [row for row in BUTTONS if row.prefix == flow]
    assert all(row.event is not None for row in claimed)
    assert find_button(A_STUDENT, ButtonData(flow, ("end", ""))) is None


@pytest.mark.parametrize("role", sorted(STAFF))
def test_a_team_command_outside_a_role_is_refused_and_an_unknown_one_is_unknown(
    role: str,
) -> None:
    for row in COMMANDS:
        if row.roles <= STAFF and role not in row.roles:
            assert find_command(role, row.name) == Refused(registry.NOT_ALLOWED)
    assert find_command(role, "forgetme") is None  # a student's command is unknown to staff
    assert find_command(role, "xyz") is None


def test_a_student_is_never_refused_only_left_to_their_conversation() -> None:
    for row in COMMANDS:
        assert not isinstance(find_command(A_STUDENT, row.name), Refused)
    for press in BUTTONS:
        data = ButtonData(press.prefix, (press.event or "1", "1"))
        assert not isinstance(find_button(A_STUDENT, data), Refused)


@pytest.mark.parametrize("raw", ["of", "of:", "of:maybe:1", "zz:accept:1", "", ":::"])
def test_data_no_row_claims_is_nobodys(raw: str) -> None:
    for role in ROLES:
        assert find_button(role, decode(raw)) is None


@pytest.mark.parametrize("role", sorted(STAFF))
def test_each_roles_menu_lists_only_what_that_role_may_run_described_in_both_languages(
    role: str,
) -> None:
    from handlers.menus import MENUS

    catalog = Catalog(["id", "en"], "id", "Sejawat", {})
    assert "help" in MENUS[role]
    for name in MENUS[role]:
        assert isinstance(find_command(role, name), Command), (role, name)
        for lang in ("id", "en"):
            text = catalog.render(lang, f"cmd-team-{name}")
            assert 3 <= len(text) <= 256, (lang, name)  # Telegram's limit for a description
    assert {r for r in MENUS} == STAFF
