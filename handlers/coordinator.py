"""Coordinators: invites, the roster (trained, capacity, active), shifts and program stats."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from flows import buttons
from flows.buttons import ButtonData
from flows.types import Button, Effect, Inbound, Reply
from handlers import menus, wellbeing
from handlers.context import Services
from handlers.shifts import plan_shift
from routing.schedule import Weekly, overlap, time_of_day, unknown_days
from storage.program_models import Member, Shift
from storage.uow import UnitOfWork

ROSTER, SHIFTS = "ro", "sh"
INVITABLE = ("supporter", "counselor")
# roles and /shifts words as a coordinator may write them in Indonesian too
ROLE_NAMES = {"pendamping": "supporter", "pendamping-sebaya": "supporter",
              "konselor": "counselor", "peer-supporter": "supporter"}
ADD, REMOVE = ("add", "tambah"), ("remove", "hapus")


async def invite(uow: UnitOfWork, services: Services, inbound: Inbound,
                 member: Member) -> list[Effect]:
    role = ROLE_NAMES.get(inbound.text.strip().lower(), inbound.text.strip().lower())
    if role not in INVITABLE:
        return [Reply("invite-usage")]
    now = services.clock()
    code = secrets.token_urlsafe(18)
    hours = services.config.roles.invite_ttl_hours
    await uow.invites.create(code, role, member.id, now, now + timedelta(hours=hours))
    await uow.audit.add(f"member:{member.id}", "invite.created", f"role:{role}", {}, now)
    link = f"https://t.me/{services.bot.username}?start={code}"
    return [Reply("invite-link", {"role_key": f"role-{role}", "link": link, "hours": hours})]


def _member_line(member: Member, load: int, care: dict[str, str | int | float] | None = None
                 ) -> tuple[str, dict[str, str | int | float]]:
    """``care``: a supporter's wellbeing line and why anyone is off duty
    (handlers.wellbeing.roster_lines)."""
    off_why = (care or {}).get("off_why", "none")  # (never on duty: nothing to say)
    return "roster-line", {**(care or {}),
        "off_why": off_why if member.active and not member.on_duty else "none",
        "name": member.name, "role_key": f"role-{member.role}",
        "trained_key": "yes" if member.trained else "no",
        "duty_key": "yes" if member.on_duty else "no",
        "active_key": "yes" if member.active else "no",
        "languages": ", ".join(member.languages) or "-", "capacity": member.capacity,
        "load": load, "telegram_id": str(member.telegram_id),  # an id, not a number: no 9.101
        # a supporter's chats out of their capacity; a counselor's chats (no capacity); none
        "seat": member.role,
    }


def _roster_buttons(member: Member) -> tuple[tuple[Button, ...], ...]:
    rows: list[tuple[Button, ...]] = []
    if member.role in INVITABLE and not member.trained:
        rows.append((buttons.button(ROSTER, "btn-mark-trained", "trained", str(member.id)),))
    if member.role == "supporter":
        rows.append((buttons.button(ROSTER, "btn-capacity-down", "cap-", str(member.id)),
                     buttons.button(ROSTER, "btn-capacity-up", "cap+", str(member.id))))
    if member.active:  # deactivating ends chats: asked first (ro:confirm), then ro:active:…:0
        rows.append((buttons.button(ROSTER, "btn-deactivate", "confirm", str(member.id)),))
    else:
        rows.append((buttons.button(ROSTER, "btn-activate", "active", f"{member.id}:1"),))
    return tuple(rows)


def _confirm_buttons(member: Member) -> tuple[tuple[Button, ...], ...]:
    return ((buttons.button(ROSTER, "btn-confirm-deactivate", "active", f"{member.id}:0"),
             buttons.button(ROSTER, "btn-keep-active", "keep", str(member.id))),)


async def roster(uow: UnitOfWork, services: Services, inbound: Inbound,
                 member: Member) -> list[Effect]:
    members = await uow.members.all()
    loads = await uow.sessions.chats_per_member()
    care = await wellbeing.roster_lines(uow, services, services.clock())
    effects: list[Effect] = [Reply("roster-title", {"count": len(members)})]
    for other in members:
        key, params = _member_line(other, loads.get(other.id, 0), care.get(other.id))
        effects.append(Reply(key, params, _roster_buttons(other)))
    return effects


async def shifts(uow: UnitOfWork, services: Services, inbound: Inbound,
                 member: Member) -> list[Effect]:
    words = inbound.text.split()
    verb = words[0].lower() if words else ""
    if verb in ADD and len(words) == 4:
        return await _add_shift(uow, services, member, words[1], words[2], words[3])
    if verb in ADD:  # seen: "/shifts tambah 9101 sab" got only the usage line: what is missing
        return [Reply("shifts-add-parts", {"count": len(words) - 1}), Reply("shifts-usage")]
    if verb in REMOVE and len(words) == 2 and buttons.ident(words[1]) is not None:
        shift = await uow.shifts.get(int(words[1]))
        if shift is None:
            return [Reply("shifts-unknown")]
        return await _remove_shift(uow, member, shift, services.clock())
    if words:
        return [Reply("shifts-usage")]
    effects: list[Effect] = [Reply("shifts-title")]
    language = await _language(uow, services, member)
    for shift in await uow.shifts.all():  # a card each, with *Remove* (asked first)
        effects.append(Reply("shifts-line", await _shift_params(uow, services, language, shift),
                             ((buttons.button(SHIFTS, "btn-shift-remove", "remove",
                                              str(shift.id)),),)))
    effects.append(Reply("shifts-usage"))
    return effects


async def _shift_params(uow: UnitOfWork, services: Services, language: str,
                        shift: Shift) -> dict[str, str | int]:
    who = await uow.members.get(shift.member_id)
    return {"id": shift.id, "name": who.name if who else "?",
            "days": _days(services, language, shift.days), "start": shift.start,
            "end": shift.end}


async def _remove_shift(uow: UnitOfWork, member: Member, shift: Shift,
                        now: datetime, edit: int | None = None) -> list[Effect]:
    shift_id = shift.id
    await uow.shifts.delete(shift)
    for kind in ("shift_start", "shift_end", "shift_reminder"):
        await uow.timers.cancel(kind, str(shift_id))
    await uow.audit.add(f"member:{member.id}", "shift.removed", f"shift:{shift_id}", {}, now)
    return [Reply("shifts-removed", {"id": shift_id}, edit=edit)]


async def shift_button(uow: UnitOfWork, services: Services, inbound: Inbound, member: Member,
                       data: ButtonData) -> list[Effect]:
    """``sh:<remove|yes|keep>:<shift>`` on a /shifts card, which changes in place: *Remove*
    asks first (the card shows what goes, with *Yes, remove* and *No, keep it*); pressing
    *Yes* twice, or on a shift already gone, says so and removes nothing else."""
    shift_id = data.id(1) if len(data.parts) == 2 else None
    if data.event not in ("remove", "yes", "keep") or shift_id is None:
        return [Reply("error-stale-button")]
    here = inbound.message_id or None
    shift = await uow.shifts.get(shift_id)
    if shift is None:
        return [Reply("shifts-already-removed", {"id": shift_id}, edit=here)]
    params = await _shift_params(uow, services, await _language(uow, services, member), shift)
    if data.event == "yes":
        return await _remove_shift(uow, member, shift, services.clock(), edit=here)
    if data.event == "remove":
        return [Reply("shifts-confirm-remove", params, (
            (buttons.button(SHIFTS, "btn-shift-remove-yes", "yes", str(shift.id)),
             buttons.button(SHIFTS, "btn-shift-keep", "keep", str(shift.id))),), edit=here)]
    return [Reply("shifts-line", params, ((buttons.button(SHIFTS, "btn-shift-remove", "remove",
                                                          str(shift.id)),),), edit=here)]


async def _language(uow: UnitOfWork, services: Services, member: Member) -> str:
    person = await uow.people.by_telegram_id(member.telegram_id)
    return person.language if person is not None else services.catalog.default


def _days(services: Services, language: str, days: list[str]) -> str:
    """Day names in the reader's language ("Sen, Sel"), not as stored (mon, tue)."""
    return ", ".join(services.catalog.render(language, f"day-{d}") for d in days)


# days as a coordinator may write them, in either language (stored as mon..sun)
DAY_NAMES = {"sen": "mon", "senin": "mon", "sel": "tue", "selasa": "tue", "rab": "wed",
             "rabu": "wed", "kam": "thu", "kamis": "thu", "jum": "fri", "jumat": "fri",
             "sab": "sat", "sabtu": "sat", "min": "sun", "minggu": "sun", "monday": "mon",
             "tuesday": "tue", "wednesday": "wed", "thursday": "thu", "friday": "fri",
             "saturday": "sat", "sunday": "sun"}


def _typed_time(text: str) -> str:
    """A time as people type it: "20.00" (as Indonesians write it), "8:00", " 08:00 ", or a
    bare hour, "8" (seen: "senin 8-12")."""
    hours, sep, minutes = text.strip().replace(".", ":").partition(":")
    if not sep and hours.isdigit() and len(hours) <= 2:
        return f"{hours.zfill(2)}:00"
    return f"{hours.zfill(2)}{sep}{minutes}" if sep and hours.isdigit() else text.strip()


async def _add_shift(uow: UnitOfWork, services: Services, member: Member, who: str,
                     days_text: str, hours: str) -> list[Effect]:
    telegram_id = buttons.ident(who)
    if telegram_id is None:  # a name ("dimas"): the id is the number /roster shows
        return [Reply("shifts-not-an-id", {"who": who[:32]})]
    target = await uow.members.by_telegram_id(telegram_id)
    start, _, end = hours.replace("–", "-").replace("—", "-").partition("-")
    days = [DAY_NAMES.get(d.strip().lower(), d.strip().lower()) for d in days_text.split(",")]
    wrong: list[Effect] = []  # every part that is wrong, at once (days, then hours)
    if unknown_days(days):
        wrong.append(Reply("shifts-bad-days",
                           {"days": ", ".join(map(str, unknown_days(days)))}))
    try:
        start, end = time_of_day(_typed_time(start)), time_of_day(_typed_time(end))
    except ValueError:
        wrong.append(Reply("shifts-bad-hours", {"hours": hours}))
    if wrong:
        return [*wrong, Reply("shifts-usage")]
    if target is None or target.role not in INVITABLE:
        return [Reply("shifts-unknown-member")]
    wanted = Weekly(tuple(days), start, end)
    for other in await uow.shifts.all():
        if other.member_id == target.id and overlap(
                wanted, Weekly(tuple(other.days), other.start, other.end)):
            # someone cannot be on two shifts at once: which one is in the way, and what to do
            language = await _language(uow, services, member)
            return [Reply("shifts-overlap", {
                "name": target.name, "id": other.id,
                "days": _days(services, language, other.days), "start": other.start,
                "end": other.end})]
    shift = await uow.shifts.add(target.id, days, start, end)
    await plan_shift(uow, services, shift)
    await uow.audit.add(f"member:{member.id}", "shift.added", f"member:{target.id}",
                        {"shift": shift.id}, services.clock())
    if end <= start:  # past midnight (or 24 hours): said, in case it
        return [Reply("shifts-added-overnight", {  # was not meant
            "id": shift.id, "name": target.name, "start": start, "end": end})]
    language = await _language(uow, services, member)  # what was added, read back
    return [Reply("shifts-added", await _shift_params(uow, services, language, shift))]


async def stats(uow: UnitOfWork, services: Services, inbound: Inbound,
                member: Member) -> list[Effect]:
    ratings = await uow.feedback.ratings()
    on_duty = len([m for m in await uow.members.all("supporter") if m.on_duty])
    params: dict[str, str | int | float] = {
        **await uow.privacy.counts(),
        "on_duty": on_duty,  # the average as a number: the catalog writes it the reader's way
        "rating": sum(ratings) / len(ratings) if ratings else 0.0,
        "ratings": len(ratings),
    }
    return [Reply("stats", params)]


async def roster_button(uow: UnitOfWork, services: Services, inbound: Inbound,
                        member: Member, data: ButtonData) -> list[Effect]:
    """``ro:<trained|cap+|cap-|active|confirm|keep>:<member>`` from a /roster card, which
    changes in place (``active`` also names the state it leads to, ``ro:active:<member>:<0|1>``,
    so pressing it twice is pressing it once; without it, as in messages sent before, it
    toggles). *Deactivate* asks first (``confirm``): the card shows what it will do, with
    *Yes, deactivate* (``ro:active:<member>:0``) and *Keep active* (``keep``)."""
    action = data.event
    target_id = data.id(1) if len(data.parts) in (2, 3) else None
    other = await uow.members.get(target_id) if target_id is not None else None
    if other is None or (len(data.parts) == 3 and action != "active"):
        return [Reply("error-stale-button")]
    now = services.clock()
    loads = await uow.sessions.chats_per_member()
    care = (await wellbeing.roster_lines(uow, services, now)).get(other.id)
    key, params = _member_line(other, loads.get(other.id, 0), care)
    card = Reply(key, params, _roster_buttons(other), edit=inbound.message_id or None)
    wanted = data.parts[2] if len(data.parts) == 3 else None
    if action == "trained" and other.trained or \
            action == "active" and wanted is not None and other.active == (wanted == "1") or \
            action == "confirm" and not other.active:
        # pressed twice (or on an older card): done once; the card shows how things are
        return [card, Reply("roster-unchanged", {"name": other.name})]
    if action in ("confirm", "active") and other.active and other.role == "coordinator" and \
            not [m for m in await uow.members.all("coordinator")
                 if m.active and m.id != other.id]:
        # the last coordinator: nobody could run the program or let anyone back in
        return [card, Reply("roster-last-coordinator", {"name": other.name})]
    if action == "confirm":
        others = [m for m in await uow.members.all(other.role)
                  if m.active and m.id != other.id]
        last = "counselor" if other.role == "counselor" and not others else \
            "supporter" if other.role == "supporter" and other.on_duty and not [
                m for m in others if m.on_duty and m.trained] else "no"
        return [Reply("roster-confirm-deactivate", {
            "name": other.name, "load": loads.get(other.id, 0), "seat": other.role,
            # a counselor: crisis alerts would reach coordinators only; the supporter on
            # duty: nobody would take a student until someone comes on duty (a trial)
            "last": last,
        }, _confirm_buttons(other), edit=inbound.message_id or None)]
    if action == "keep":
        return [card]
    if action == "trained":
        other.trained = True
    elif action in ("cap+", "cap-"):
        other.capacity = max(1, min(10, other.capacity + (1 if action == "cap+" else -1)))
    elif action == "active":
        other.active = not other.active
        if not other.active:
            from handlers.sessions import withdraw_member

            had = loads.get(other.id, 0)
            # where their chats go: on with a colleague in them, or back to the queue (a
            # trial: "passed to a teammate" when nobody was on duty to take them)
            kept = [any(m.active and m.id != other.id for m in await uow.sessions.staff(c))
                    for c in await uow.sessions.active_for_member(other.id)]
            went = "colleague" if kept and all(kept) else "both" if any(kept) else "queue"
            moved = await withdraw_member(uow, services, other)
            await uow.audit.add(f"member:{member.id}", "member.deactivated",
                                f"member:{other.id}", {}, now)
            key, params = _member_line(other, 0, care)
            return [*moved, Reply(key, params, _roster_buttons(other),
                                  edit=inbound.message_id or None),
                    Reply("roster-updated", {"name": other.name, "load": had,
                                             "seat": other.role}),
                    # (seen) they learned it only from /duty: told, kindly
                    Reply("member-deactivated", {"load": had, "went": went},
                          to=other.telegram_id),
                    menus.menu(other)]
    else:
        return [Reply("error-stale-button")]
    await uow.audit.add(f"member:{member.id}", f"roster.{action}", f"member:{other.id}", {}, now)
    key, params = _member_line(other, loads.get(other.id, 0), care)
    effects: list[Effect] = [Reply(key, params, _roster_buttons(other),
                                   edit=inbound.message_id or None)]
    if action == "trained":
        effects.append(Reply("member-trained", to=other.telegram_id))
    if action == "active":  # back: told, and their menu again
        effects += [Reply("member-reactivated", to=other.telegram_id), menus.menu(other)]
    return effects
