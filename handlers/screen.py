"""``/screen``: a supporter (or the counselor) in a chat asks the student the ASQ screening
questions (flows.screening), one message at a time, the same questions and meaning as in the
intake. The answers go to the escalation handler as they come (a yes pages a counselor at
once); at the end the staff in the chat get every answer ("rather not say": ask gently).

The questions' buttons are ``aq:<question>:<answer>``; the student's chat remembers which
question is on screen (``asq_at`` in the chat's saved data), so an older question's button
never answers a later one.
"""

from __future__ import annotations

from escalation.detector import RiskLevel
from flows import buttons, screening
from flows.buttons import ButtonData
from flows.types import ClearButtons, Effect, Inbound, Reply, Screened
from handlers import escalations
from handlers.context import Services
from handlers.sessions import focused
from storage.models import Person
from storage.program_models import ChatSession, Member
from storage.uow import UnitOfWork

PREFIX = "aq"
AT, ANSWERS = "asq_at", "asq_answers"  # in the student's chat conversation data


def question(name: str, to: int) -> Reply:
    rows = tuple((buttons.button(PREFIX, f"btn-asq-{a}", name, a),) for a in screening.ANSWERS)
    return Reply(f"asq-{name}", {}, rows, to=to)


async def start(uow: UnitOfWork, services: Services, inbound: Inbound,
                member: Member) -> list[Effect]:
    """``/screen`` from a member in a chat."""
    chat = await focused(uow, member)
    if chat is None:
        chats = await uow.sessions.active_for_member(member.id)
        return [Reply("staff-choose-chat" if chats else "staff-no-chat")]
    saved = await uow.conversations.get(chat.student_chat_id)
    if saved is None or saved.flow != "session":
        return [Reply("staff-no-chat")]
    if saved.data.get(AT):
        return [Reply("screen-already")]
    first = screening.QUESTIONS[0]
    await uow.conversations.save(chat.student_chat_id, saved.flow, saved.state,
                                 {**saved.data, AT: first, ANSWERS: {}}, services.clock())
    await uow.audit.add(f"member:{member.id}", "screening.started", f"session:{chat.id}", {},
                        services.clock())
    request = await uow.requests.get(chat.request_id)
    # whoever else is in the chat knows the questions are being asked (a trial: a supporter's
    # /screen reached the student while the counselor in the chat heard nothing of it)
    others = [Reply("screen-started-other", {
        "name": member.name, "pseudonym": request.pseudonym if request else "?"},
        to=other.telegram_id) for other in await uow.sessions.staff(chat)
        if other.id != member.id and other.active]
    return [Reply("screen-started"), *others, Reply("asq-intro-chat", to=chat.student_chat_id),
            question(first, chat.student_chat_id)]


async def answer(uow: UnitOfWork, services: Services, inbound: Inbound, person: Person,
                 data: ButtonData) -> list[Effect]:
    """``aq:<question>:<answer>`` from the student."""
    name, value = data.part(0), data.part(1)
    saved = await uow.conversations.get(inbound.chat_id)
    chat = await uow.sessions.active_for_student(inbound.chat_id)
    if saved is None or chat is None or saved.data.get(AT) != name or \
            value not in screening.KEPT:
        if value == "yes" and name in screening.ALL and \
                (chat is not None or not await _answered(uow, person, name)):
            # a yes in the chat, or to a question never answered, is never stale (a trial: a
            # yes pressed nine seconds after the chat ended was "that button isn't active"): a
            # counselor is paged, about that question
            return await escalations.screening_yes_later(
                uow, services, inbound, person, "now" if name == screening.ACUITY else "yes",
                question=name)
        # (a trial: a question answered by typing kept its buttons; its "Iya", tapped the next
        # day, opened a new case) a screening that is over: nothing changes
        return [ClearButtons(inbound.message_id), Reply("error-stale-button")]
    answers = {**saved.data.get(ANSWERS, {}), name: value}
    # in the chat's history, where it was given: whoever reads it later (a counselor taking
    # over) sees the question beside the answer (a trial: "Student: iya", and no question)
    await uow.sessions.record_screening(chat, name, value, services.clock())
    following = _next(name, answers)
    await uow.conversations.save(inbound.chat_id, saved.flow, saved.state,
                                 {**saved.data, AT: following or None, ANSWERS: answers},
                                 services.clock())
    done = following == ""
    if done:  # kept with the request: whoever takes the chat over is briefed with them
        request = await uow.requests.get(chat.request_id)
        if request is not None:
            request.screening = screening.encode(
                {**screening.decode(request.screening), **answers}, chat=True)
    # the question answered loses its buttons, tapped or typed (a trial: typed answers left
    # them live into the next day)
    shown = await uow.outbox.live_buttons(inbound.chat_id, f"{PREFIX}:", chat.started_at)
    tapped = [inbound.message_id] if inbound.kind == "button" else []
    effects: list[Effect] = [ClearButtons(m) for m in dict.fromkeys([*tapped, *shown])]
    effects += await escalations.screened(
        uow, services, person, Screened(name, value, screening.encode(answers), done))
    if not done:
        return [*effects, question(following, inbound.chat_id)]
    if not any(isinstance(e, Reply) and e.to in (None, inbound.chat_id) for e in effects):
        effects.append(Reply("screening-thanks"))  # every answer is answered (S6)
    return effects + await _tell_staff(uow, chat, answers)


async def so_far(uow: UnitOfWork, chat: ChatSession) -> dict[str, str | int]:
    """The screening answers kept with the chat's request, and those of a ``/screen`` still
    being asked (the rest "not answered yet"): message parameters ``screened`` ("chat",
    "intake" or "no"), ``answers_key`` and ``asq_<n>`` (a trial: a counselor who took over a
    case opened by a /screen answer never saw the answers)."""
    request = await uow.requests.get(chat.request_id)
    kept = request.screening if request is not None else None
    saved = await uow.conversations.get(chat.student_chat_id)
    asking = saved is not None and saved.flow == "session" and bool(saved.data.get(AT))
    answers = {**screening.decode(kept), **(saved.data.get(ANSWERS, {}) if asking and
                                            saved is not None else {})}
    if not answers:
        return {"screened": "no"}
    where = "chat" if asking or screening.in_chat(kept) else "intake"
    return {"screened": where, "answers_key": screening.ANSWERS_KEY,
            **screening.params(answers, asking=asking)}


async def _answered(uow: UnitOfWork, person: Person, name: str) -> bool:
    """Was ``name`` answered in the screening of the student's chat that is over (kept with
    their latest request)? Then that screening is over, and its buttons are stale."""
    request = await uow.requests.latest_for(person.id)
    return request is not None and screening.in_chat(request.screening) and \
        name in screening.decode(request.screening)


def _next(name: str, answers: dict[str, str]) -> str:
    """The question after ``name`` ("" when the screening is over)."""
    questions = screening.QUESTIONS
    if name in questions[:-1]:
        return questions[questions.index(name) + 1]
    if name == questions[-1] and screening.any_yes(answers):
        return screening.ACUITY
    return ""


async def _tell_staff(uow: UnitOfWork, chat: ChatSession,
                      answers: dict[str, str]) -> list[Effect]:
    request = await uow.requests.get(chat.request_id)
    params: dict[str, str | int] = {**screening.params(answers),
                                    "answers_key": screening.ANSWERS_KEY,
                                    "pseudonym": request.pseudonym if request else "?"}
    gently = screening.level(answers) == RiskLevel.CONCERN
    effects: list[Effect] = []
    for member in await uow.sessions.staff(chat):
        effects.append(Reply("screen-result", params, to=member.telegram_id))
        if gently:
            effects.append(Reply("briefing-asq-gently", to=member.telegram_id))
    return effects
