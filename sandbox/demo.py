"""The sandbox's demo team: who they are and what they do. The page gives each role a phone
and lets it switch between the members of that role (two supporters share one phone)."""

from __future__ import annotations

DEMO_STAFF = (
    (9001, "coordinator", "Bu Sari"),
    (9101, "supporter", "Dimas"),
    (9102, "supporter", "Ayu"),
    (9201, "counselor", "Pak Budi"),
)
DEMO_SHIFT = (["mon", "tue", "wed", "thu", "fri"], "07:00", "21:00")


def members_by_role() -> dict[str, list[int]]:
    """``{"supporter": [9101, 9102], ...}``: whom each staff phone can switch between."""
    roles: dict[str, list[int]] = {}
    for telegram_id, role, _ in DEMO_STAFF:
        roles.setdefault(role, []).append(telegram_id)
    return roles
