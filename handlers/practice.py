"""Practice: a scripted student (the sandbox's training plays it) chats with one trainee.

Practice should feel like the real thing to the trainee and take nobody else's attention or
numbers. So a practice student's request is offered to its trainee only (on duty or not,
trained or not: practice is how they get trained), and to nobody else; its risky words, a
screening yes, 🆘 or the trainee's /refer page no counselor: the trainee is told, labelled as
practice, what would happen in a real chat (and never that a counselor is being contacted);
the scripted student is told nothing of a counselor either (none of a real student's "a
counselor is coming" messages); the briefing and the student's messages are labelled 🎓 too;
it is never in a real student's queue position or a coordinator's "nobody has taken this"
alert; it gets no feedback survey or next-day check-in; /stats does not count it. When the
training is over the practice chat (or its offer) ends at once
(handlers.sessions.end_practice), freeing the trainee's place. The trainee's own words that
read as risk to themselves are theirs, not practice: the real path (handlers.staff.write,
handlers.escalations.own_words).
"""

from __future__ import annotations

from datetime import datetime

from escalation.detector import RiskLevel
from flows.types import Effect, Reply
from storage.models import HelpRequest, Person
from storage.program_models import Member
from storage.uow import UnitOfWork

# what the trainee is told instead of a page, by who asked for a counselor: the trainee's own
# /refer (their only answer to it: no "a counselor is being contacted"), the student's 🆘;
# anything else is risk the program saw
WOULD_PAGE = {"refer": "practice-would-page-refer", "student": "practice-would-page-asked"}
# what showed it, for "practice-would-page": the trainee's own note, a screening answer, or
# (anything else) the student's words
WHY = {"note": "note", "screening": "answered", "screening-now": "answered",
       "screening-unsure": "answered", "asq": "answered", "asq-now": "answered"}


class NoPractice(ValueError):
    """No practice: the trainee is not an active member, or the student is not new."""


async def begin(uow: UnitOfWork, student_chat_id: int, trainee_telegram_id: int,
                language: str, now: datetime) -> Person:
    """Make ``student_chat_id`` a practice student of the trainee. Only someone who has never
    written to the bot can be one: a real student's words must never stop paging."""
    trainee = await uow.members.by_telegram_id(trainee_telegram_id)
    if trainee is None or not trainee.active:
        raise NoPractice(f"no active member with Telegram id {trainee_telegram_id}")
    if await uow.people.by_telegram_id(student_chat_id) is not None or \
            await uow.members.by_telegram_id(student_chat_id) is not None:
        raise NoPractice(f"{student_chat_id} has written to the bot before: not a practice "
                         "student")
    person = await uow.people.get_or_create(student_chat_id, language, now)
    person.practice_with = trainee.id
    await uow.audit.add(f"member:{trainee.id}", "practice.started", f"person:{person.id}",
                        {}, now)
    return person


async def trainee_of(uow: UnitOfWork, person: Person | None) -> Member | None:
    if person is None or person.practice_with is None:
        return None
    member = await uow.members.get(person.practice_with)
    return member if member is not None and member.active else None


async def for_request(uow: UnitOfWork, request: HelpRequest) -> Member | None:
    """The trainee of a practice request; None for a real one (or a trainee who left)."""
    return await trainee_of(uow, await uow.people.get(request.person_id))


async def would_page(uow: UnitOfWork, person: Person, level: RiskLevel, source: str,
                     now: datetime) -> list[Effect]:
    """In a real chat a counselor would be paged now: say so to the trainee, page nobody."""
    trainee = await trainee_of(uow, person)
    await uow.audit.add(f"person:{person.id}", "practice.would_page", f"person:{person.id}",
                        {"level": level.name.lower(), "source": source}, now)
    if trainee is None:
        return []
    key = WOULD_PAGE.get(source, "practice-would-page")
    chat = await uow.sessions.active_for_student(person.telegram_id)
    params: dict[str, str | int] = {"level_key": f"risk-{int(level)}",
                                    "why": WHY.get(source, "wrote"),
                                    "chat": "yes" if chat is not None else "no"}
    name = await _name(uow, person)
    if name:
        params["pseudonym"] = name
    else:  # before the intake gave it a name (a training started without the intake)
        params["pseudonym_key"] = "practice-student-unnamed"
    return [Reply(key, params, to=trainee.telegram_id)]


async def _name(uow: UnitOfWork, person: Person) -> str:
    """The practice student's name as the trainee knows it: its request's, else the one
    drafted in the intake; '' before it has one."""
    request = await uow.requests.latest_for(person.id)
    if request is not None and request.pseudonym:
        return request.pseudonym
    conversation = await uow.conversations.get(person.telegram_id)
    drafted = conversation.data.get("pseudonym") if conversation is not None else None
    return person.pseudonym or str(drafted or "")
