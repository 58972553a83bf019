"""Report and block (issue: looking after the supporters).

A supporter (or counselor) reports a student who was abusive or sexual in a chat: ``/report``
in that chat (or within a day after it ended), with the reason as a button (``rp:<reason>:<chat>``)
or as the first word (``/report kasar ...``, ``/report sexual ...``; any other words are
"something else"), the rest kept, encrypted, as their own words. Every active coordinator gets
the report with *Review*. The review (``rv:show:<report>``, or ``/reports``) shows the student's
pseudonym, the reason, the reporter's words and the student's own messages in that chat, with
*Block 7 days* / *Block for good* / *Dismiss*; a block shows *Lift the block*. Each card changes
in place; a button pressed twice acts once. Status: ``routing.lifecycles.REPORT``.

A blocked student is only never offered to a supporter again until the block ends: their peer
chat ends (a counselor in it stays), a request waiting is withdrawn, a new one is not taken, and
they are told so with the emergency numbers and 🆘. Their words are still screened, 🆘 still
pages, a case still climbs its ladder: crisis handling never stops for anyone. Everything is
audited.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from flows import buttons
from flows.buttons import ButtonData
from flows.types import SOS, Button, ClearButtons, Effect, Inbound, Reply
from handlers import escalations, journey
from handlers.context import Services
from handlers.dispatch import dispatch, leave_queue, withdraw_pending_offer
from handlers.sessions import BLOCKED, chat_in_view, end_by_member, end_session, hand_back
from handlers.when import elapsed
from routing.lifecycles import REPORT, ReportStatus, RequestStatus
from storage.models import FOREVER, Person
from storage.program_models import ChatSession, Member, StudentReport
from storage.uow import UnitOfWork

REPORT_PREFIX, REVIEW = "rp", "rv"
REASONS = ("abusive", "sexual", "other")
# the reason as a first word, as a supporter may write it in either language
REASON_WORDS = {"abusive": "abusive", "kasar": "abusive", "abuse": "abusive",
                "sexual": "sexual", "seksual": "sexual", "sex": "sexual", "mesum": "sexual",
                "other": "other", "lain": "other", "lainnya": "other"}
REPORT_AFTER_CHAT = timedelta(hours=24)  # a chat that hurt is often reported once it is over
BLOCK_DAYS = 7
REVIEW_MESSAGES = 10  # the student's last messages in that chat, shown to the reviewer


def blocked_reply(services: Services, person: Person) -> Reply:
    """What a blocked student is told when a peer chat is not possible: until when, and that a
    counselor (🆘) and the emergency numbers are always there."""
    return Reply("blocked-student", _until(services, person.blocked_until),
                 to=person.telegram_id, keyboard=SOS)


def _until(services: Services, until: datetime | None) -> dict[str, str | int]:
    if until is None or until >= FOREVER:
        return {"until": "-", "for_good": "yes"}
    local = until.astimezone(ZoneInfo(services.config.program.timezone))
    return {"until": local.strftime("%d/%m %H:%M"), "for_good": "no"}


# ---- the supporter --------------------------------------------------------------------------


async def report(uow: UnitOfWork, services: Services, inbound: Inbound,
                 member: Member) -> list[Effect]:
    """``/report`` [reason] [what happened]: about the student of the chat they are in (or the
    one that ended last, within a day)."""
    chat = await chat_in_view(uow, member, services.clock() - REPORT_AFTER_CHAT)
    if isinstance(chat, Reply):
        return [chat]
    if chat is None:
        return [Reply("report-no-chat")]
    words = inbound.text.split(maxsplit=1)
    reason = REASON_WORDS.get(words[0].lower()) if words else None
    if reason is None and not words:
        rows = tuple((buttons.button(REPORT_PREFIX, f"btn-report-{r}", r, str(chat.id)),)
                     for r in REASONS)
        return [Reply("report-why", {"pseudonym": await _pseudonym(uow, chat)}, rows)]
    note = (words[1] if len(words) > 1 else "") if reason is not None else inbound.text.strip()
    return await _file(uow, services, member, chat, reason or "other", note)


async def reason_button(uow: UnitOfWork, services: Services, inbound: Inbound,
                        member: Member, data: ButtonData) -> list[Effect]:
    """``rp:<abusive|sexual|other>:<chat>`` under "why are you reporting them?"."""
    chat_id = data.id(1)
    chat = await uow.sessions.get(chat_id) if chat_id is not None else None
    if data.event not in REASONS or chat is None or \
            member.id not in (chat.supporter_id, chat.counselor_id) and \
            not await _was_in(uow, member, chat):
        return [Reply("error-stale-button")]
    return [ClearButtons(inbound.message_id),
            *await _file(uow, services, member, chat, data.event, "")]


async def _was_in(uow: UnitOfWork, member: Member, chat: ChatSession) -> bool:
    """The member was in this chat (it ended, or they left it)."""
    return any(m.id == member.id for m in await uow.sessions.staff(chat)) or \
        chat.ended_by == f"member:{member.id}"


async def _file(uow: UnitOfWork, services: Services, member: Member, chat: ChatSession,
                reason: str, note: str) -> list[Effect]:
    person = await uow.people.by_telegram_id(chat.student_chat_id)
    if person is None:
        return [Reply("report-no-chat")]
    pseudonym = await _pseudonym(uow, chat)
    already = await uow.student_reports.open_about(person.id, chat.id)
    if already is not None and note:  # (seen) words after a reason button were dropped:
        uow.student_reports.add_words(already, note)  # they join the report under review
        return [Reply("report-words-added", {"pseudonym": pseudonym})]
    if already is not None:
        return [Reply("report-already", {"pseudonym": pseudonym})]  # pressed twice
    now = services.clock()
    filed = await uow.student_reports.add(person.id, chat.id, member.id, reason, note, now)
    await uow.audit.add(f"member:{member.id}", "report.filed", f"person:{person.id}",
                        {"report": filed.id, "reason": reason}, now)
    effects: list[Effect] = [Reply("report-filed", {"pseudonym": pseudonym})]
    if note:  # words that record risk ("he said he would end it") page a counselor, as a note's
        effects += await escalations.screen_note(uow, services, chat.student_chat_id, note)
    row = ((buttons.button(REVIEW, "btn-report-review", "show", str(filed.id)),),)
    for coordinator in await uow.members.all("coordinator"):
        if coordinator.active and coordinator.id != member.id:
            effects.append(Reply("report-for-review", {
                "id": filed.id, "pseudonym": pseudonym, "name": member.name,
                "reason_key": f"report-reason-{reason}"}, row, to=coordinator.telegram_id))
    return effects


async def _pseudonym(uow: UnitOfWork, chat: ChatSession) -> str:
    request = await uow.requests.get(chat.request_id)
    return request.pseudonym if request is not None else "?"


# ---- the coordinators ------------------------------------------------------------------------


async def reports(uow: UnitOfWork, services: Services, inbound: Inbound,
                  member: Member) -> list[Effect]:
    """``/reports``: every report waiting for a review, a card each."""
    waiting = await uow.student_reports.open()
    if not waiting:
        return [Reply("reports-none")]
    effects: list[Effect] = [Reply("reports-title", {"count": len(waiting)})]
    for item in waiting:
        effects.append(await _card(uow, services, member, item))
    return effects


async def review_button(uow: UnitOfWork, services: Services, inbound: Inbound,
                        member: Member, data: ButtonData) -> list[Effect]:
    """``rv:<show|block7|block|dismiss|lift>:<report>``; the card changes in place."""
    report_id = data.id(1)
    item = await uow.student_reports.get(report_id) if report_id is not None else None
    if item is None or data.event not in ("show", "block7", "block", "dismiss", "lift"):
        return [Reply("error-stale-button")]
    edit = inbound.message_id or None
    event = {"block7": "block"}.get(data.event, data.event)
    if data.event == "show":
        return [await _card(uow, services, member, item, edit)]
    if not REPORT.can(item, event):  # pressed twice, or another coordinator was first
        return [await _card(uow, services, member, item, edit),
                Reply("report-unchanged", {"id": item.id})]
    person = await uow.people.get(item.person_id)
    assert person is not None  # (the report goes with the student on /forgetme)
    now = services.clock()
    await uow.student_reports.fire(item, event, member.id, now)
    effects: list[Effect] = []
    if event == "block":
        until = now + timedelta(days=BLOCK_DAYS) if data.event == "block7" else FOREVER
        person.blocked_until = max(until, person.blocked_until or until)
        await uow.audit.add(f"member:{member.id}", "student.blocked", f"person:{person.id}",
                            {"report": item.id, "days": BLOCK_DAYS if until < FOREVER else 0},
                            now)
        effects += await _block(uow, services, person)
    elif event == "lift":
        others = [r for r in await uow.student_reports.blocking(person.id) if r.id != item.id]
        if not others:
            person.blocked_until = None
            effects.append(Reply("unblocked-student", to=person.telegram_id))
        await uow.audit.add(f"member:{member.id}", "student.unblocked", f"person:{person.id}",
                            {"report": item.id}, now)
    else:
        await uow.audit.add(f"member:{member.id}", "report.dismissed", f"person:{person.id}",
                            {"report": item.id}, now)
    reporter = await uow.members.get(item.reporter_id or 0)
    if reporter is not None and reporter.active and event in ("block", "dismiss"):
        effects.append(Reply("report-decided", {
            "id": item.id, "decision": event, **_until(services, person.blocked_until)},
            to=reporter.telegram_id))
    return [await _card(uow, services, member, item, edit), *effects]


async def _block(uow: UnitOfWork, services: Services, person: Person) -> list[Effect]:
    """The student is no longer offered to supporters: their peer chat ends (a counselor in
    it stays with them), a waiting request is withdrawn, an intake is cleared; they are told,
    with the numbers and 🆘. A case about them goes on untouched."""
    now = services.clock()
    effects: list[Effect] = []
    chat = await uow.sessions.active_for_student(person.telegram_id)
    if chat is not None:
        supporter = await uow.members.get(chat.supporter_id or 0)
        if chat.counselor_id is not None and supporter is not None:
            effects += await hand_back(uow, services, chat, supporter)
        elif supporter is not None:
            effects += await end_by_member(uow, services, chat, supporter) \
                if await uow.escalations.unresolved_for_chat(person.telegram_id) else \
                await end_session(uow, services, chat, BLOCKED)
    request = await uow.requests.open_for(person.id)
    if request is not None and request.status == RequestStatus.QUEUED:
        await leave_queue(uow, request, "withdraw", now)
        effects += await withdraw_pending_offer(uow, request.id, now)
    if await journey.may(uow, person.telegram_id, "blocked"):
        await journey.move(uow, person.telegram_id, "blocked", now)
    return [*effects, blocked_reply(services, person), *await dispatch(uow, services)]


async def _card(uow: UnitOfWork, services: Services, reader: Member, item: StudentReport,
                edit: int | None = None) -> Reply:
    person = await uow.people.get(item.person_id)
    chat = await uow.sessions.get(item.session_id) if item.session_id is not None else None
    said = [text for who, text in await uow.sessions.messages(chat.id) if who == "student"] \
        if chat is not None else []
    reporter = await uow.members.get(item.reporter_id or 0)
    age, unit = elapsed(services.clock() - item.created_at)
    status = REPORT.state_of(item)
    params: dict[str, str | int] = {
        "id": item.id, "pseudonym": await _pseudonym(uow, chat) if chat is not None else "?",
        "name": reporter.name if reporter is not None else "-",
        "reason_key": f"report-reason-{item.reason}", "age": age, "age_unit": unit,
        "note": uow.student_reports.note(item) or "-",
        "said": "\n".join(f"• {text}" for text in said[-REVIEW_MESSAGES:]) or "-",
        "status": status.value, **_until(services, person.blocked_until if person else None)}
    rows: tuple[tuple[Button, ...], ...] = ()
    if status == ReportStatus.OPEN:
        rows = ((buttons.button(REVIEW, "btn-block-week", "block7", str(item.id)),
                 buttons.button(REVIEW, "btn-block-forever", "block", str(item.id))),
                (buttons.button(REVIEW, "btn-report-dismiss", "dismiss", str(item.id)),))
    elif status == ReportStatus.BLOCKED:
        rows = ((buttons.button(REVIEW, "btn-block-lift", "lift", str(item.id)),),)
    return Reply("report-card", params, rows, to=reader.telegram_id, edit=edit)
