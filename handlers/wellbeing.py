"""The check-in after a heavy chat (issue: looking after the supporters).

A supporter whose chat had a crisis rests for ``wellbeing.cooldown_after_crisis`` (see
handlers.dispatch.resting); the message that says so asks how they are, 1 (heavy) to 5 (fine),
with *Talk to a counselor*: ``wb:<1-5>:<chat>`` and ``wb:talk:<chat>``. A low answer (1 or 2)
or *Talk to a counselor* tells the counselors on duty (else the active coordinators) that this
supporter would like to talk it through: their name only, never what was said in the chat.
Answered once: the answer is kept with the rest's timer (``payload["answer"]``), so a second
press, or a press on an older check-in, says so and tells nobody again.
"""

from __future__ import annotations

from datetime import datetime

from flows.buttons import ButtonData, button, ident
from flows.types import Button, ClearButtons, Effect, Inbound, Reply
from handlers.context import Services
from handlers.dispatch import COOLDOWN, resting
from handlers.when import elapsed, week_start
from storage.program_models import Member
from storage.uow import UnitOfWork

PREFIX = "wb"
SCORES = ("1", "2", "3", "4", "5")
LOW = ("1", "2")


def checkin_buttons(chat_id: int) -> tuple[tuple[Button, ...], ...]:
    """1 (heavy) to 5 (fine) in one row, *Talk to a counselor* under it."""
    return (tuple(button(PREFIX, f"btn-feeling-{s}", s, str(chat_id)) for s in SCORES),
            (button(PREFIX, "btn-wellbeing-talk", "talk", str(chat_id)),))


async def checkin(uow: UnitOfWork, services: Services, inbound: Inbound, member: Member,
                  data: ButtonData) -> list[Effect]:
    chat_id = data.id(1)
    answer = data.event
    if chat_id is None or len(data.parts) != 2 or answer not in (*SCORES, "talk"):
        return [Reply("error-stale-button")]
    timer = await uow.timers.get(COOLDOWN, str(member.id))
    if timer is None or timer.payload.get("chat") != chat_id:
        return [ClearButtons(inbound.message_id), Reply("wellbeing-checkin-old")]
    if timer.payload.get("answer"):
        return [ClearButtons(inbound.message_id), Reply("wellbeing-checkin-already")]
    timer.payload = {**timer.payload, "answer": answer}  # (a new dict: the JSON is saved)
    now = services.clock()
    await uow.audit.add(f"member:{member.id}", "wellbeing.checkin", f"member:{member.id}",
                        {"score": answer} if answer != "talk" else {"talk": True}, now)
    effects: list[Effect] = [ClearButtons(inbound.message_id)]
    if answer not in (*LOW, "talk"):
        return [*effects, Reply("wellbeing-checkin-thanks")]
    told = await _who_hears(uow, member)
    said: dict[str, str | int] = {"talk": "yes" if answer == "talk" else "no", "score": answer}
    effects += [Reply("wellbeing-debrief-wanted", {"name": member.name, **said},
                      to=m.telegram_id) for m in told]
    return [*effects, Reply("wellbeing-checkin-low", said) if told else
            Reply("wellbeing-checkin-nobody")]


async def _who_hears(uow: UnitOfWork, member: Member) -> list[Member]:
    """The counselors on duty, else the active coordinators (never the member themselves)."""
    counselors = [m for m in await uow.members.all("counselor")
                  if m.active and m.on_duty and m.id != member.id]
    return counselors or [m for m in await uow.members.all("coordinator")
                          if m.active and m.id != member.id]


async def note(uow: UnitOfWork, services: Services, inbound: Inbound,
               member: Member) -> list[Effect]:
    """``/checkin <a few words>``: the optional note with the check-in, while the break lasts.
    After a low answer (or *Talk to a counselor*) the words go to whoever was told, with the
    member's name; after a good one they are only thanked. Never stored."""
    words = inbound.text.strip()
    timer = await uow.timers.get(COOLDOWN, str(member.id))
    if timer is None or timer.status != "pending":  # (the break is over)
        return [Reply("wellbeing-note-none")]
    answer = str(timer.payload.get("answer") or "")
    if not answer:
        return [Reply("wellbeing-note-first")]
    if not words:
        return [Reply("wellbeing-note-usage")]
    await uow.audit.add(f"member:{member.id}", "wellbeing.note", f"member:{member.id}", {},
                        services.clock())
    if answer not in (*LOW, "talk"):
        return [Reply("wellbeing-note-thanks")]
    told = await _who_hears(uow, member)
    return [*[Reply("wellbeing-debrief-note", {"name": member.name, "words": words[:500]},
                    to=m.telegram_id) for m in told],
            Reply("wellbeing-note-passed" if told else "wellbeing-checkin-nobody")]


OFF_DUTY = ("duty.off", "member.unreachable")  # the audit's entries that take someone off duty


async def roster_lines(uow: UnitOfWork, services: Services, now: datetime
                       ) -> dict[int, dict[str, str | int | float]]:
    """Per supporter, for the coordinators' /roster: chats joined this week (those they left
    too) and hours spent in chats, the last check-in (its score, or that they asked to talk,
    and how long ago) and whether they rest now. Numbers only, never what was said."""
    monday = week_start(services, now)
    chats = await uow.offers.joined_since(monday)  # (those they left too: a trial)
    hours = await uow.sessions.time_since(monday, now)
    rest = await resting(uow, services, now)
    checkins = await uow.audit.latest("wellbeing.checkin")
    lines: dict[int, dict[str, str | int | float]] = {}
    for member in await uow.members.all("supporter"):
        line: dict[str, str | int | float] = {
            "week_chats": chats.get(member.id, 0),
            "week_hours": round(hours.get(member.id, 0.0) / 3600, 1),
            "resting": rest.get(member.id, "no"), "checkin": "none"}
        entry = checkins.get(f"member:{member.id}")
        if entry is not None:
            line["checkin"] = "talk" if entry.details.get("talk") else \
                str(entry.details.get("score", "none"))
            line["checkin_age"], line["checkin_unit"] = elapsed(now - entry.at)
            line["ago_key"] = "checkin-ago"
        lines[member.id] = line
    # why someone active is off duty (a trial: the card did not say)
    for subject, entry in (await uow.audit.latest_about(OFF_DUTY)).items():
        member_id = ident(subject.removeprefix("member:"))
        if member_id is not None:
            lines.setdefault(member_id, {})["off_why"] = "blocked" \
                if entry.action == "member.unreachable" else str(entry.details.get("why", "self"))
    return lines
