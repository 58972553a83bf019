"""Crisis screening and escalation to counselors.

Every text a student (or someone joining the team) writes is screened before anything else
happens to it. High or imminent risk opens an escalation case (escalation/case.py): the person
gets the emergency numbers at once, the on-duty counselor is pinged (Acknowledge / Take over),
and a durable timer walks the acknowledgement ladder (escalation/ladder.py). An acknowledgement
is not the end: ``escalation.ack_followup`` later, if nobody took over or resolved, the case is
open again and the ladder climbs; a new high or imminent signal on an acknowledged case re-opens
it at once. Every unresolved case always has a timer that will page someone. Concern nudges the
supporter or asks the student a direct screening question. Every step is audited; crisis
traffic is sent first.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import asdict, replace
from datetime import datetime, timedelta

from escalation import ladder
from escalation.case import CASE, HANDOVER, Case
from escalation.detector import RiskAssessment, RiskLevel
from escalation.policy import (
    SCREENING_CHOICES,
    Action,
    Decision,
    Situation,
    decide,
    decide_referral,
    decide_screening,
)
from flows import buttons, screening
from flows.buttons import ButtonData
from flows.intake import ASQ, ASQ_DONE
from flows.types import (
    SOS,
    AlertFriend,
    Button,
    ClearButtons,
    Effect,
    Inbound,
    Priority,
    Reply,
    Screened,
)
from handlers import journey, practice
from handlers.context import Services
from handlers.when import elapsed
from storage.models import Person
from storage.program_models import ChatSession, Escalation, Member
from storage.repositories import ConversationState
from storage.uow import UnitOfWork

log = logging.getLogger("sejawat.escalation")

ESC, SCREEN = "es", "sc"
SCREENING_OPEN = "screening_open"  # timer kind: the direct screening question awaits its answer
SCREENING_WINDOW = timedelta(hours=24)  # how long a typed answer is read as its answer
OUTCOMES = ("safe", "referred", "emergency", "false_alarm")
STAFF_ROLES = ("counselor", "coordinator")
CRISIS = Priority.CRISIS
ACK_TIMER, FOLLOWUP_TIMER = "escalation_ack", "escalation_followup"
# in a case's ladder: who acknowledged it before it was opened again, and when (every ping
# of the new ladder says so)
SEEN = ("seen_by", "seen_at")
EARLIER_SHOWN = timedelta(hours=24)  # a ping with no words names the student's case before
# sources whose reason is what the detector saw in the words (escalation.detector's category)
WORDS_SOURCES = ("detector", "onboarding")
# in a case's categories: the reason of later words that raised it, when it is not the first
# reason (e.g. "raised:suicide" on a screening case); every later ping says it
RAISED = "raised:"
REMINDED = "reminded"  # how often the counselor holding a case was reminded of its outcome
REMINDERS_BEFORE_COORDINATORS = 2  # (escalation.ack_followup apart) then coordinators hear
WORDS = 300  # characters of the student's own words in a ping
# what a ping quotes at most of a friend alert's words and of a reason beside the first one
# (a 4 000-character friend alert made a ping of two Telegram messages, the first without the
# words: found by the model test), head and tail kept
SHOWN_WORDS, SHOWN_DETAIL = 1200, 400
# what the staff in the chat are told, by what raised the case (a referral or a note came
# from them: they know already)
# what the student is told with the numbers: thanked for telling only when they told
RESOURCES = {"student": "crisis-resources-asked", "refer": "crisis-resources-referred",
             "note": "crisis-resources-referred", "friend": "friend-words-heard"}
NUMBERS = {"numbers": True}  # meta of a message that gave the student the emergency numbers
NUMBERS_IN_VIEW = 3  # the newest messages to a student that count as still on their screen
RESOURCES_AGAIN_AFTER = timedelta(minutes=30)  # the numbers again in full after this long
WAITING_CONCERN = "waiting_concern"  # in a waiting student's conversation: their words of risk
ASQ_DETAIL = "asq:"  # a case's detail that holds the screening's answers (flows.screening)
BEFORE_SCREENING = ("consent", "language", "topic", "description", "feeling")
TELL = {"detector": "crisis-tell-supporter", "screening": "crisis-tell-supporter",
        "screening-unsure": "crisis-tell-supporter",
        "screening-now": "crisis-tell-supporter", "student": "crisis-tell-supporter-asked",
        "asq": "crisis-tell-supporter", "asq-now": "crisis-tell-supporter"}


# ---- screening -------------------------------------------------------------------------------


async def screen(uow: UnitOfWork, services: Services, inbound: Inbound, person: Person,
                 source: str = "detector") -> list[Effect]:
    """Screen one text (a message, a caption, a command's words); return the crisis effects,
    to be sent before anything else."""
    if inbound.kind == "button" or not inbound.text.strip():
        return []
    assessment = services.detector.assess(inbound.text)
    if assessment.level == RiskLevel.NONE:
        return []
    situation = await _situation(uow, inbound.chat_id, person, assessment.level)
    await uow.audit.add(f"person:{person.id}", "risk.detected", f"person:{person.id}",
                        {"level": assessment.level.name.lower(),
                         "categories": list(assessment.categories)}, services.clock())
    decision = decide(situation)
    if source == "friend":  # a worry about a friend, told in the intake's friend questions: the
        # reporter is not asked about themselves (a trial: "kamu pernah kepikiran bunuh diri?"
        # to a student telling of a friend's "capek idup"); the alert at the end carries it
        decision = replace(decision, actions=tuple(
            a for a in decision.actions if a is not Action.ASK_SCREENING))
    effects = await act(uow, services, decision, inbound.chat_id, person,
                        assessment.level, assessment.categories, source,
                        assessment.excerpt(WORDS))
    if situation.waiting:  # kept for the supporter who takes them (``waiting_concern``)
        conversation = await uow.conversations.get(inbound.chat_id)
        if conversation is not None:
            kept = str(conversation.data.get(WAITING_CONCERN, ""))
            await uow.conversations.save(
                inbound.chat_id, conversation.flow, conversation.state,
                {**conversation.data,
                 WAITING_CONCERN: merge_words(kept, readable(inbound.text)[:WORDS])},
                services.clock())
    if situation.waiting and not any(isinstance(e, Reply) and e.to == inbound.chat_id
                                     for e in effects):
        # (a trial) waiting, their screening question already asked or a case open: words of
        # concern are never met with silence, nor with "nobody reads this yet" alone
        effects.append(Reply("waiting-concern-heard", to=inbound.chat_id,
                             priority=Priority.HIGH))
    return effects


# the nearest person before words of risk says whose they are: the writer's ("aku sendiri
# pengen mati"), or someone they speak to or of ("apa kamu kepikiran pengen mati?")
_SELF = frozenset({"aku", "saya", "gue", "gua", "gw", "i", "me", "my", "myself", "mine", "i'm",
                   "im", "i've", "ive"})
_OTHERS = frozenset({"kamu", "kau", "engkau", "lo", "lu", "elo", "elu", "anda", "kalian", "km",
                     "kmu", "dirimu", "you", "your", "yours", "yourself", "you're", "youre",
                     "u", "dia", "ia", "mereka", "he", "she", "they", "him", "her", "them",
                     "someone", "seseorang"})
_CLAUSE_END = re.compile(r"[.,;:!?\n]")
_WORD = re.compile(r"[\w']+")


def about_oneself(text: str, assessment: RiskAssessment) -> bool:
    """Words of high or imminent risk the writer says of themselves, in the first person:
    "aku sendiri pengen mati", "I want to die too"; not a safety question or a reflection
    ("kamu kepikiran pengen mati?", "kalau kamu pengen mati, aku di sini"), nor about someone
    else. Where no person is named before the words, they are not read as the writer's."""
    if assessment.level < RiskLevel.HIGH or assessment.third_party:
        return False
    for match in assessment.matches:
        clause = _CLAUSE_END.split(text[:match.end].lower().replace("\u2019", "'"))[-1]
        for word in reversed(_WORD.findall(clause)):
            if word in _SELF:
                return True
            if word in _OTHERS:
                break
    return False


async def own_words(uow: UnitOfWork, services: Services, inbound: Inbound,
                    in_practice: bool) -> list[Effect]:
    """A team member's text that no real student reads as theirs (in a practice chat, whose
    student is scripted, or with no chat open) is screened for risk to the member themselves:
    they are a person too. Words that read as their own high or imminent risk take the real
    path (the emergency numbers, a counselor paged about "someone on the team"), and they are
    told why, in the team's words; anything else (a safety question, a reflection) nothing."""
    if inbound.kind != "text" or not about_oneself(
            inbound.text, services.detector.assess(inbound.text)):
        return []
    person = await uow.people.get_or_create(
        inbound.sender_id, services.catalog.language_for(inbound.language_code),
        services.clock())
    effects = await screen(uow, services, inbound, person)
    if not effects:
        return []
    member = await uow.members.by_telegram_id(inbound.sender_id)
    return [*effects, Reply("member-own-risk", {  # a peer supporter (a student) is "kamu"
        "practice": "yes" if in_practice else "no",
        "peer": "yes" if member is not None and member.role == "supporter" else "no"},
        to=inbound.chat_id, priority=CRISIS)]


async def _situation(uow: UnitOfWork, chat_id: int, person: Person,
                     level: RiskLevel) -> Situation:
    request = await uow.requests.open_for(person.id)
    conversation = await uow.conversations.get(chat_id)
    sticky = RiskLevel(request.risk_level) if request is not None else RiskLevel(
        int(conversation.data.get(journey.RISK, 0)) if conversation is not None else 0)
    return Situation(
        level=level, sticky_level=sticky,
        in_session=await uow.sessions.active_for_student(chat_id) is not None,
        in_intake=conversation is not None and conversation.flow == "intake",
        open_escalation=await live_for_chat(uow, chat_id) is not None,
        waiting=_waiting(conversation),
    )


def _waiting(conversation: ConversationState | None) -> bool:
    """Waiting in the queue for a supporter: nobody reads what they write here yet."""
    return conversation is not None and conversation.flow == "intake" and \
        conversation.state == "queued"


async def unresolved_for_chat(uow: UnitOfWork, chat_id: int) -> Escalation | None:
    return await uow.escalations.unresolved_for_chat(chat_id)


async def live_for_chat(uow: UnitOfWork, chat_id: int) -> Escalation | None:
    """The case a new signal from this student belongs to: the newest unresolved one, unless
    it was taken over by a counselor who is no longer in a chat with the student (that case
    waits for its outcome; new risk opens a new case with a fresh ladder)."""
    case = await uow.escalations.unresolved_for_chat(chat_id)
    if case is None or CASE.state_of(case) != Case.TAKEN_OVER:
        return case
    return case if await held(uow, case) else None


async def held(uow: UnitOfWork, case: Escalation) -> bool:
    """A counselor who took the case over is active and in a chat with the student."""
    counselor = await uow.members.get(case.taken_over_by or 0)
    if counselor is None or not counselor.active:
        return False
    chat = await uow.sessions.active_for_student(case.student_chat_id)
    return chat is not None and chat.counselor_id == counselor.id


async def act(uow: UnitOfWork, services: Services, decision: Decision, chat_id: int,
              person: Person, level: RiskLevel, categories: tuple[str, ...], source: str,
              words: str, detail: str = "") -> list[Effect]:
    await _raise_sticky(uow, services, chat_id, person, decision.new_sticky_level)
    effects: list[Effect] = []
    chat = await uow.sessions.active_for_student(chat_id)
    here = await counselor_here(uow, chat)
    told = Action.UPDATE_ESCALATION in decision.actions and \
        await _told_lately(uow, services, chat_id, level)  # (before the update raises it)
    for action in decision.actions:
        if action == Action.ESCALATE:
            effects += await _open(uow, services, chat_id, person, level, categories,
                                   source, words, detail, here)
        elif action == Action.UPDATE_ESCALATION:  # (the words' own reason goes with them)
            signal = (categories[0] if categories else "words") \
                if source in WORDS_SOURCES else None
            effects += await _update(uow, services, chat_id, level, words, detail, signal)
        elif action == Action.SEND_RESOURCES and person.practice_with is not None:
            continue  # a scripted student: no counselor is coming (the trainee hears, from
            # _open, what a real student would have been told)
        elif action == Action.SEND_RESOURCES:  # "thank you for telling us" only if they did
            key = RESOURCES.get(source, "crisis-resources")
            if here is not None and key == "crisis-resources":  # not "we are contacting"
                key = "crisis-resources-counselor-here"
            elif key == "crisis-resources" and told and \
                    NUMBERS in await uow.outbox.recent_meta(chat_id, NUMBERS_IN_VIEW):
                # (seen) the same block with every number, twice in a minute: once is read;
                # pointed to only while it is still in view (a trial: "the numbers above",
                # eight messages up, from before the chat began)
                key = "crisis-resources-again"
            effects.append(Reply(key, to=chat_id, priority=CRISIS,
                                 meta=NUMBERS if key != "crisis-resources-again" else {}))
        elif action == Action.TELL_SUPPORTER and chat is not None and source in TELL and \
                person.practice_with is None:  # (practice: the trainee hears it from _open)
            effects += await _tell_staff(uow, chat, TELL[source], level, words, here,
                                         source=source)
        elif action == Action.NUDGE_SUPPORTER and chat is not None:
            effects += await _nudge(uow, chat, words)
        elif action == Action.ASK_SCREENING and not await _intake_will_screen(uow, chat_id) \
                and await uow.timers.armed(SCREENING_OPEN, str(chat_id)) is None:
            # (not asked twice while its answer is awaited)
            keyboard = tuple((buttons.button(SCREEN, f"btn-screen-{c}", c),)
                             for c in SCREENING_CHOICES)
            effects.append(Reply("screening-question", {}, keyboard, to=chat_id,
                                 priority=Priority.HIGH))
            # until answered (or a day has passed), a typed "iya" / "nggak" answers it too;
            # the words that raised it (encrypted) go with an answer that opens a case (a
            # trial: a feedback comment's words were not in the ping its "not sure" raised)
            await uow.timers.set(SCREENING_OPEN, str(chat_id),
                                 services.clock() + SCREENING_WINDOW,
                                 {"words": uow.cipher.encrypt(words).decode()} if words else {})
    return effects


async def _told_lately(uow: UnitOfWork, services: Services, chat_id: int,
                       level: RiskLevel) -> bool:
    """The student's open case began within ``RESOURCES_AGAIN_AFTER`` at this level or
    higher: they were given the numbers then, so a new signal gets a short word that points
    to them (a rise, to imminent, shows them again in full)."""
    case = await live_for_chat(uow, chat_id)
    return case is not None and case.level >= level and \
        services.clock() - case.created_at < RESOURCES_AGAIN_AFTER


async def _intake_will_screen(uow: UnitOfWork, chat_id: int) -> bool:
    """The student is in the intake before or in its screening questions, not screened yet:
    the concern just raised makes the intake ask them (flows.intake), not a question now."""
    conversation = await uow.conversations.get(chat_id)
    if conversation is None or conversation.flow != "intake":
        return False
    early = conversation.state in BEFORE_SCREENING or conversation.state.startswith("asq-")
    return early and not conversation.data.get(ASQ_DONE)


async def screened(uow: UnitOfWork, services: Services, person: Person,
                   effect: Screened) -> list[Effect]:
    """One answer to the intake's screening questions (flows.screening). The first yes to
    questions 1-4 opens a case at once (HIGH, the answers in the ping); a later yes to them
    only adds to the case's answers; yes to the acuity question makes it IMMINENT (a fresh
    ping). "Rather not say" with no yes flags the request as a CONCERN."""
    chat_id, now = person.telegram_id, services.clock()
    answers = screening.decode(effect.answers)
    await uow.audit.add(f"person:{person.id}", "screening.answered", f"person:{person.id}",
                        {"question": effect.question, "answer": effect.answer}, now)
    level = screening.level(answers)
    detail = ASQ_DETAIL + screening.encode(answers)
    case = await live_for_chat(uow, chat_id)
    if effect.answer != "yes":
        told: list[Effect] = []
        if case is not None and screening.any_yes(answers):
            uow.escalations.set_detail(case, detail)  # the counselor sees every answer
            if effect.done:  # the ping went out at the first yes: here are the rest
                told = await _screening_complete(uow, chat_id, answers)
        if effect.done and level == RiskLevel.CONCERN:
            await _raise_sticky(uow, services, chat_id, person, level)
        thanks = effect.done and level < RiskLevel.HIGH
        return [*told, Reply("screening-thanks")] if thanks else told
    if case is not None and effect.question != screening.ACUITY and case.level >= level:
        uow.escalations.set_detail(case, detail)  # a second yes: in hand already
        return await _screening_complete(uow, chat_id, answers) if effect.done else []
    source = "asq-now" if level == RiskLevel.IMMINENT else "asq"
    situation = await _situation(uow, chat_id, person, level)
    return await act(uow, services, decide(situation), chat_id, person, level, ("suicide",),
                     source, await recent_words(uow, chat_id, person), detail)


async def _screening_complete(uow: UnitOfWork, chat_id: int,
                              answers: dict[str, str]) -> list[Effect]:
    """Whoever was paged at the first yes (or holds the case) gets every answer once the
    student has answered them all."""
    return await tell_case_staff(uow, chat_id, "escalation-asq-complete",
                                 {**screening.params(answers),
                                  "answers_key": screening.ANSWERS_KEY})


async def _raise_sticky(uow: UnitOfWork, services: Services, chat_id: int, person: Person,
                        level: RiskLevel) -> None:
    """Risk is sticky for the request: it only goes up (and escalated requests jump the queue)."""
    request = await uow.requests.open_for(person.id)
    if request is not None:
        request.risk_level = max(request.risk_level, int(level))
        return
    await journey.raise_risk(uow, chat_id, int(level), services.clock())


async def _tell_staff(uow: UnitOfWork, chat: ChatSession, key: str, level: RiskLevel,
                      words: str, here: Member | None = None, *, source: str = ""
                      ) -> list[Effect]:
    """The staff in the chat hear of the risk, with the words that showed it (the notice may
    reach them before the message itself: crisis traffic goes first); with a counselor in it
    (``here``), who holds the case, the supporter is told the counselor has it."""
    request = await uow.requests.get(chat.request_id)
    name = request.pseudonym if request else "?"
    params: dict[str, str | int] = {"pseudonym": name, "level_key": _level_key(level),
                                    "words": shown(words, SHOWN_WORDS) or "-",
                                    # a screening yes is not something they wrote (seen)
                                    "how": "unsure" if source == "screening-unsure" else
                                    "answer" if source.startswith(("screening", "asq")) else
                                    "words"}
    if here is not None:
        key, params["name"] = "crisis-tell-supporter-counselor-here", here.name
    return [Reply(key, params, to=member.telegram_id, priority=CRISIS)
            for member in await uow.sessions.staff(chat) if here is None or member.id != here.id]


async def counselor_here(uow: UnitOfWork, chat: ChatSession | None) -> Member | None:
    """The counselor in the student's chat, when they are on duty: new risk there is theirs."""
    if chat is None or chat.counselor_id is None:
        return None
    counselor = await uow.members.get(chat.counselor_id)
    if counselor is None or not counselor.active or not counselor.on_duty:
        return None
    return counselor


async def _nudge(uow: UnitOfWork, chat: ChatSession, words: str) -> list[Effect]:
    supporter = await uow.members.get(chat.supporter_id) if chat.supporter_id else None
    request = await uow.requests.get(chat.request_id)
    if supporter is None or request is None:
        return []
    keyboard = ((buttons.button(ESC, "btn-refer", "refer", str(chat.id)),),)
    return [Reply("concern-nudge", {"pseudonym": request.pseudonym,
                                    "words": shown(words, SHOWN_WORDS) or "-"},
                  keyboard,
                  to=supporter.telegram_id, priority=Priority.HIGH)]


async def waiting_concern(uow: UnitOfWork, chat: ChatSession, words: str) -> list[Effect]:
    """The supporter who takes a student from the line is nudged about the words of concern
    they wrote while waiting (``WAITING_CONCERN``), as in a chat (a trial: "pengen tidur terus
    ga usah bangun lagi", written while waiting, reached the next supporter only inside the
    transcript). A case open is said by the briefing instead."""
    if not words or await uow.escalations.unresolved_for_chat(chat.student_chat_id) is not None:
        return []
    return await _nudge(uow, chat, words)


def _still_here(case: Escalation) -> str:
    """What the student hears while the ladder climbs: a student who told us about a friend
    hears about their friend, not that a counselor is coming for them (a trial)."""
    return "crisis-still-here-friend" if case.source == "friend" else "crisis-still-here"


def _level_key(level: RiskLevel) -> str:
    return f"risk-{int(level)}"


# ---- the case and its ladder -----------------------------------------------------------------


def _timeouts(services: Services) -> ladder.Timeouts:
    config = services.config.escalation
    return ladder.Timeouts(imminent=timedelta(seconds=config.ack_timeout_imminent),
                           high=timedelta(seconds=config.ack_timeout_high))


async def _staff(uow: UnitOfWork, case: Escalation, first: int | None = None
                 ) -> tuple[list[ladder.Staff], dict[int, Member]]:
    """Who can be paged about the case, least recently paged first (``first`` before
    everyone); never the one it is about (a counselor's own words, or a screening answer)."""
    members = [m for m in await uow.members.all()
               if m.role in STAFF_ROLES and m.telegram_id != case.student_chat_id]
    members.sort(key=lambda m: (m.id != first, m.last_assigned_at is not None,
                                m.last_assigned_at, m.id))
    staff = [ladder.Staff(m.id, m.role, m.on_duty, m.active) for m in members]
    return staff, {m.id: m for m in members}


async def tell_case_staff(uow: UnitOfWork, chat_id: int, key: str,
                          extra: dict[str, str | int] | None = None) -> list[Effect]:
    """Everyone paged about (or holding) the student's open case hears ``key`` (the case
    itself goes on: only a counselor closes it); ``extra``: more of the message's parameters."""
    case = await uow.escalations.unresolved_for_chat(chat_id)
    if case is None:
        return []
    state = ladder_state(case)
    ids = {m for m in state.paged if m not in state.failed}
    ids |= {i for i in (case.acknowledged_by, case.taken_over_by) if i is not None}
    request = await uow.requests.get(case.request_id) if case.request_id else None
    person = await uow.people.by_telegram_id(chat_id)
    name = (request.pseudonym if request else None) or (person.pseudonym if person else None)
    effects: list[Effect] = []
    for member_id in sorted(ids):
        member = await uow.members.get(member_id)
        if member is not None and member.active:
            effects.append(Reply(key, {"id": case.id, "pseudonym": name or "?", **(extra or {})},
                                 to=member.telegram_id, priority=Priority.HIGH))
    return effects


def ladder_state(case: Escalation) -> ladder.LadderState:
    raw = case.ladder or {}
    return ladder.LadderState(
        step=int(raw.get("step", 0)), paged=tuple(raw.get("paged", ())),
        failed=tuple(raw.get("failed", ())), acknowledged_by=raw.get("acknowledged_by"),
        broadcast_step=int(raw.get("broadcast_step", 0)),
    )


async def open_escalation(uow: UnitOfWork, services: Services, chat_id: int, person: Person,
                          level: RiskLevel, categories: tuple[str, ...], source: str,
                          words: str, detail: str = "") -> list[Effect]:
    """Open a case for the student's signal (the inbox's last resort calls this)."""
    here = await counselor_here(uow, await uow.sessions.active_for_student(chat_id))
    return await _open(uow, services, chat_id, person, level, categories, source, words,
                       detail, here)


async def _open(uow: UnitOfWork, services: Services, chat_id: int, person: Person,
                level: RiskLevel, categories: tuple[str, ...], source: str, words: str,
                detail: str, here: Member | None) -> list[Effect]:
    """A counselor in the student's chat (``here``) holds the new case at once; else the
    ladder starts. A practice student's pages nobody (handlers.practice)."""
    now = services.clock()
    if person.practice_with is not None:
        return await practice.would_page(uow, person, level, source, now)
    request = await uow.requests.open_for(person.id)
    conversation = await uow.conversations.get(chat_id)
    if not person.pseudonym:  # counselors need a name to call them by, from the first ping
        drafted = conversation.data.get("pseudonym") if conversation is not None else None
        person.pseudonym = str(drafted or services.new_pseudonym())
    if source in ("detector", "onboarding", "friend") and words:
        own = words  # the words that showed the risk
    else:  # (a screening answer: the words that raised the question, when nothing since)
        own = await recent_words(uow, chat_id, person) or words
    case = await uow.escalations.open(
        chat_id=chat_id, request_id=request.id if request else None, level=int(level),
        categories=categories, source=source, words=own, detail=detail, now=now)
    await uow.audit.add(f"person:{person.id}", "escalation.opened", f"escalation:{case.id}",
                        {"level": level.name.lower(), "source": source}, now)
    if here is not None:  # a counselor is in the chat: the case is theirs, no ladder
        CASE.fire(case, "take_over")
        case.taken_over_by = here.id
        await arm_followup(uow, services, case)  # checks they are still there
        await uow.audit.add(f"member:{here.id}", "escalation.taken_over",
                            f"escalation:{case.id}", {"in_chat": True}, now)
        rows = outcome_rows(case)
        return [Reply("escalation-in-your-chat", await ping_params(uow, case, now), rows,
                      to=here.telegram_id, priority=CRISIS, meta=case_meta(case, rows))]
    knew = None  # nothing written yet (🆘): the counselor who had their case just before is
    if not own:  # paged first, if on duty (a trial: they had closed it a minute before)
        earlier = await uow.escalations.earlier(case)
        knew = earlier.taken_over_by if earlier is not None and \
            now - earlier.created_at <= EARLIER_SHOWN else None
    staff, members = await _staff(uow, case, first=knew)
    state, page = ladder.start(level, staff, _timeouts(services))
    return await _carry_out(uow, services, case, state, page, members)


def merge_words(earlier: str, later: str) -> str:
    """The case's words after a new signal: what showed the risk first stays in the ping
    (a later "makasih, aku takut" must not replace "pengen ngilang aja"), the new words after
    it, within ``WORDS`` characters."""
    if not later or later in earlier:
        return earlier
    if not earlier or earlier in later:
        return later[:WORDS]
    half = WORDS // 2
    head = earlier if len(earlier) <= half else earlier[: half - 1] + "…"
    room = WORDS - len(head) - 3
    tail = later if len(later) <= room else "…" + later[-(room - 1):]
    return f"{head} / {tail}"


async def recent_words(uow: UnitOfWork, chat_id: int, person: Person) -> str:
    """What the student said most recently in their own words: their last messages in the
    chat, else what they wrote in the intake; '' if they have written nothing yet."""
    chat = await uow.sessions.active_for_student(chat_id)
    if chat is not None:  # (a short "no" / "not sure" is an answer, not words of risk: a
        # trial's /refer after /screen quoted "nope / not rn / never" as the student's words)
        said = [w for w in await uow.escalations.student_words(chat.id, limit=8)
                if not (len(w.split()) <= 3 and screening.typed_answer(w) in ("no", "unsure"))]
        if said:
            return " / ".join(said[-3:])[-WORDS:]
    request = await uow.requests.open_for(person.id)
    if request is not None:
        return uow.requests.description(request)[:WORDS]
    conversation = await uow.conversations.get(chat_id)
    if conversation is not None:
        return str(conversation.data.get("description", ""))[:WORDS]
    return ""


RISKY_WORDS_KEPT = timedelta(days=7)  # how far back a screening's ping looks for words of risk


async def _risky_lately(uow: UnitOfWork, services: Services, chat_id: int) -> str:
    """The student's words of risk in their last chat, if it ended within
    ``RISKY_WORDS_KEPT`` (a trial: a late screening yes paged "(nothing written yet)" although
    the student had written a plan the day before); '' when there are none."""
    ended = await uow.sessions.ended_for_student_since(
        chat_id, services.clock() - RISKY_WORDS_KEPT)
    if ended is None:
        return ""
    risky = [w for w in await uow.escalations.student_words(ended.id, limit=20)
             if services.detector.assess(w).level >= RiskLevel.CONCERN]
    return " / ".join(risky[-3:])[-WORDS:]


def case_buttons(case: Escalation, role: str = "counselor",
                 held: bool = True) -> tuple[tuple[Button, ...], ...]:
    """What this member can do with the case now: only a counselor takes a student over (a
    coordinator sees it, acknowledges and can record the outcome). ``held=False``: the case
    was taken over and its chat has ended; the counselor who has it can open the chat again."""
    ident = str(case.id)
    state = CASE.state_of(case)
    take = (buttons.button(ESC, "btn-take-over", "take", ident),) if role == "counselor" else ()
    if state == Case.OPEN:
        return ((buttons.button(ESC, "btn-ack", "ack", ident), *take),)
    rows: tuple[tuple[Button, ...], ...] = ()
    if state == Case.ACKNOWLEDGED and take:
        rows = (take,)
    if state == Case.TAKEN_OVER and not held and take:
        rows = ((buttons.button(ESC, "btn-rejoin", "take", ident),),)
    if state in (Case.ACKNOWLEDGED, Case.TAKEN_OVER):
        rows += outcome_rows(case)
    return rows


def case_meta(case: Escalation, rows: tuple[tuple[Button, ...], ...],
              listed: bool = False) -> dict[str, int]:
    """What the outbox records about a message that shows ``rows`` of the case's buttons,
    so they are cleared when the case moves past them (handlers/cases.py): Acknowledge /
    Take over at take-over, outcome buttons at resolution. ``listed``: a line of /cases,
    which replaces no earlier message's buttons (a trial: /cases took the ping's away); a
    later ping replaces it as any earlier one."""
    if not rows:
        return {}
    outcome = any(b.data.startswith(f"{ESC}:out:") for row in rows for b in row)
    return {"case_outcome" if outcome else "case_open": case.id} | (
        {"listed": 1} if listed else {})


async def clear_stale(uow: UnitOfWork, case: Escalation) -> list[Effect]:
    """The case was taken over or resolved: its buttons still shown elsewhere go."""
    return [ClearButtons(message_id, to=chat_id)
            for chat_id, message_id in await uow.escalations.stale_messages(case)]


def outcome_rows(case: Escalation) -> tuple[tuple[Button, ...], ...]:
    """One button per outcome, each naming the case (a counselor may hold several)."""
    return tuple((buttons.button(ESC, "btn-outcome-case", "out", f"{case.id}:{o}",
                                 {"id": case.id, "outcome_key": f"btn-outcome-{o}"}),)
                 for o in OUTCOMES)


async def _carry_out(uow: UnitOfWork, services: Services, case: Escalation,
                     state: ladder.LadderState, page: ladder.Page,
                     members: dict[int, Member]) -> list[Effect]:
    """Persist the ladder, ping who the page names, arm the next check."""
    now = services.clock()
    case.ladder = asdict(state) | {k: v for k, v in (case.ladder or {}).items() if k in SEEN}
    effects: list[Effect] = []
    params = await ping_params(uow, case, now)
    key = "escalation-broadcast" if page.broadcast else "escalation-ping"
    for member_id in page.member_ids:
        member = members.get(member_id)
        if member is not None:
            if not page.broadcast:
                member.last_assigned_at = now  # rotate who is paged first next time
            rows = case_buttons(case, member.role)
            effects.append(Reply(key, {**params, "reader": member.role}, rows,
                                 to=member.telegram_id, priority=CRISIS,
                                 meta={"escalation": case.id, "member": member.id,
                                       **case_meta(case, rows)}))
    if page.member_ids:
        await uow.audit.add("system", "escalation.paged", f"escalation:{case.id}",
                            {"step": page.step, "members": list(page.member_ids)}, now)
    elif page.next_check_in is not None:
        log.error("escalation %s: NOBODY could be paged (no counselor or coordinator "
                  "reachable); the student has the emergency numbers; retrying", case.id)
        await uow.audit.add("system", "escalation.unreachable", f"escalation:{case.id}",
                            {"step": page.step}, now)
    if page.notify_student_again:
        effects.append(Reply(_still_here(case), to=case.student_chat_id, priority=CRISIS))
    if page.next_check_in is not None:
        await uow.timers.set(ACK_TIMER, str(case.id), now + page.next_check_in,
                             {"step": page.step})
    return effects


async def ping_params(uow: UnitOfWork, case: Escalation, now: datetime) -> dict[str, str | int]:
    """Who, what, why and their own words, in the counselor's language (never identity)."""
    request = await uow.requests.get(case.request_id) if case.request_id else None
    person = await uow.people.by_telegram_id(case.student_chat_id)
    conversation = await uow.conversations.get(case.student_chat_id)
    draft = conversation.data if conversation is not None else {}
    pseudonym = (request.pseudonym if request else None) or (
        person.pseudonym if person and person.pseudonym else "") or str(
        draft.get("pseudonym") or "")
    topic = (request.topic if request else None) or str(draft.get("topic") or "") or (
        "friend" if case.source == "friend" else "")  # (the friend route's draft is gone)
    if not topic and person is not None:  # after their chat ended (a feedback comment, a
        # check-in): the topic of what they last asked about (a trial: "not chosen yet")
        latest = await uow.requests.latest_for(person.id)
        topic = latest.topic if latest is not None else ""
    language = (request.language if request else None) or str(draft.get("lang") or "") or (
        person.language if person is not None else "")
    words = readable(uow.escalations.words(case))
    categories = [c for c in case.categories if c and not c.startswith(RAISED)]
    raised = [c.removeprefix(RAISED) for c in case.categories if c.startswith(RAISED)]
    member = await uow.members.by_telegram_id(case.student_chat_id)
    who, role = ("member", member.role) if member is not None and member.active else (
        "invitee" if case.source == "onboarding" or (
            conversation is not None and conversation.flow == "onboarding") else "student",
        str(draft.get("role", "supporter")))
    params: dict[str, str | int] = {
        "id": case.id,
        "who": who,
        "role_key": f"role-{role}",
        "pseudonym": pseudonym or "?",
        "topic_key": f"topic-{topic}" if topic else "topic-unknown",
        # a counselor may need to answer in the student's language
        "language_key": f"btn-lang-{language}" if language in ("id", "en") else "btn-lang-id",
        "level_key": _level_key(RiskLevel(case.level)),
        "reason_key": _reason_key(case.source, categories),
        # the latest words that raised the case, when their reason is not the first one (a
        # trial: a screening case re-opened as imminent by "I have the pills ready" still
        # read only "answered yes to a screening question")
        "raised": "yes" if raised else "no",
        **({"raised_reason_key": f"reason-{raised[-1]}"} if raised else {}),
        "more": "no",
        "waited": max(0, int((now - case.created_at).total_seconds() // 60)),  # for help
        "seen": "no",
    }
    seen_by, seen_at = (case.ladder or {}).get(SEEN[0]), (case.ladder or {}).get(SEEN[1])
    if seen_by and seen_at and CASE.state_of(case) == Case.OPEN:  # acknowledged before, and
        # opened again: the ones paged now know it was seen, and that seen was not enough
        acked = await uow.members.get(int(seen_by))  # (a trial: it read like a new case)
        params |= {"seen": "yes", "seen_by": acked.name if acked else "?", "seen_ago": max(
            1, int((now - datetime.fromisoformat(str(seen_at))).total_seconds() // 60))}
    # the student pressed 🆘 on a case their words (a screening answer, a referral) opened
    params["sos"] = "yes" if case.asked_at is not None and case.source != "student" else "no"
    detail = uow.escalations.detail(case)
    if detail.startswith(ASQ_DETAIL):  # the screening's answers, worded in the catalogs
        asking = conversation is not None and (  # the rest are still being asked: in the
            conversation.flow == "intake" and conversation.state.startswith("asq-")  # intake,
            or conversation.flow == "session" and bool(conversation.data.get("asq_at"))  # /screen
            or conversation.flow == "intake" and bool(conversation.data.get(ASQ_DONE))  # a yes
            and screening.ACUITY not in conversation.data.get(ASQ, {}))  # tapped later: the
        # acuity question comes now (flows.intake: a screening that ended with no yes)
        params |= screening.params(screening.decode(detail.removeprefix(ASQ_DETAIL)), asking)
        params["more"], params["also_key"] = "yes", screening.ANSWERS_KEY
    elif detail:  # the referral's reason, in the supporter's words
        params["more"], params["also"] = "yes", shown(readable(detail), SHOWN_DETAIL)
    elif len(categories) > 1 and case.source in ("detector", "onboarding"):
        params["more"], params["also_key"] = "yes", f"reason-{categories[1]}"
    if words:
        params["excerpt"] = shown(words, SHOWN_WORDS)
        return params
    params["excerpt_key"] = "ping-no-words"
    earlier = await uow.escalations.earlier(case)  # nothing written yet (🆘): the case just
    if earlier is not None and now - earlier.created_at <= EARLIER_SHOWN:  # before it (a
        # trial: the ping said "nothing written yet" minutes after a case closed as safe)
        said = readable(uow.escalations.words(earlier))
        # since it closed (a trial: "22 min ago" was when it opened, closed a minute before)
        ago, unit = elapsed(now - (earlier.resolved_at or earlier.created_at))
        params |= {"excerpt_key": "ping-no-words-earlier", "earlier_id": earlier.id,
                   "earlier_ago": max(1, ago), "earlier_unit": unit,
                   "earlier_state": earlier.outcome or "open",
                   "earlier_words": shown(said, SHOWN_DETAIL) if said else "-"}
    return params


def shown(text: str, limit: int) -> str:
    """At most ``limit`` characters of ``text`` to quote in one message: its beginning and its
    end (where a friend alert often says where and when), the cut marked."""
    if len(text) <= limit:
        return text
    head = limit * 2 // 3
    return f"{text[:head].rstrip()} […] {text[-(limit - head - 5):].lstrip()}"


def readable(text: str) -> str:
    """Words as a person reads them: control characters (never typed on purpose; seen, a
    ping whose words began with one read as empty) dropped, line breaks and tabs kept."""
    return "".join(c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc").strip()


def _reason_key(source: str, categories: list[str]) -> str:
    if source in WORDS_SOURCES:
        return f"reason-{categories[0]}" if categories else "reason-words"
    return f"reason-{source}"


async def _update(uow: UnitOfWork, services: Services, chat_id: int, level: RiskLevel,
                  words: str, detail: str = "", signal: str | None = None) -> list[Effect]:
    """A new high or imminent signal on the student's live case (``detail``: a referral's or
    a note's reason, shown in the ping beside the case's first reason; ``signal``: the
    reason the detector saw in new words, shown after it when it is not that reason)."""
    now = services.clock()
    case = await live_for_chat(uow, chat_id)
    if case is None:
        return []
    first = [c for c in case.categories if c and not c.startswith(RAISED)]
    if signal is not None and not (case.source in WORDS_SOURCES and  # (the same reason
                                   (first[0] if first else "words") == signal):  # as before)
        case.categories = [*(c for c in case.categories if c != RAISED + signal),
                           RAISED + signal]  # (the latest last)
    case.level = max(case.level, int(level))
    uow.escalations.set_words(case, merge_words(uow.escalations.words(case), words))
    if detail:
        uow.escalations.set_detail(case, detail)
    await uow.audit.add("system", "escalation.updated", f"escalation:{case.id}",
                        {"level": RiskLevel(case.level).name.lower()}, now)
    state = CASE.state_of(case)
    if state == Case.ACKNOWLEDGED:  # seen is not handled: page again, from the top
        return await _reopen(uow, services, case, "reopen")
    params = await ping_params(uow, case, now)
    if state == Case.TAKEN_OVER:
        counselor = await uow.members.get(case.taken_over_by or 0)
        told: list[Effect] = [Reply("escalation-update", params, to=counselor.telegram_id,
                                    priority=CRISIS)] if counselor is not None else []
        if (case.ladder or {}).get(HANDOVER) == case.taken_over_by:  # and they are going
            # off duty: the team is paged now, not told in their time to hand it back (a
            # trial: for five minutes only the leaving counselor heard the next message)
            told += await _reopen(uow, services, case, "release")
        return told
    # still paging: the ladder speeds up to the new level's timeout; the paged are told
    sooner = now + ladder.ack_timeout(RiskLevel(case.level), *_timeout_pair(services))
    current = await uow.timers.armed(ACK_TIMER, str(case.id))
    if current is None or current.due_at > sooner:
        await uow.timers.set(ACK_TIMER, str(case.id), sooner,
                             dict(current.payload) if current else {})
    paged = ladder_state(case)
    return await _updates(uow, case, params, [m for m in paged.paged if m not in paged.failed])


async def _updates(uow: UnitOfWork, case: Escalation, params: dict[str, str | int],
                   member_ids: list[int]) -> list[Effect]:
    """The case's update ping to each of ``member_ids``, with the case's buttons."""
    effects: list[Effect] = []
    for member_id in member_ids:
        member = await uow.members.get(member_id)
        if member is not None:
            rows = case_buttons(case, member.role)
            effects.append(Reply("escalation-update", params, rows, to=member.telegram_id,
                                 priority=CRISIS, meta={"escalation": case.id,
                                                        "member": member.id,
                                                        **case_meta(case, rows)}))
    return effects


async def student_wrote(uow: UnitOfWork, services: Services, chat_id: int,
                        text: str) -> list[Effect]:
    """Words the student writes while their case waits for a counselor, with no chat open,
    that raised nothing new (a trial: "eh maaf kepencet, aku gapapa kok", after a late yes
    opened a case, never reached the ping): added to the case's words, and whoever was paged
    (or acknowledged it) gets the update, nobody paged anew."""
    case = await live_for_chat(uow, chat_id)
    said = readable(text)
    if case is None or not said:
        return []
    uow.escalations.set_words(case, merge_words(uow.escalations.words(case), said[:WORDS]))
    state = CASE.state_of(case)
    if state == Case.OPEN:
        paged = ladder_state(case)
        told = [m for m in paged.paged if m not in paged.failed]
    elif state == Case.ACKNOWLEDGED and case.acknowledged_by is not None:
        told = [case.acknowledged_by]
    else:
        return []
    return await _updates(uow, case, await ping_params(uow, case, services.clock()), told)


def _timeout_pair(services: Services) -> tuple[timedelta, timedelta]:
    timeouts = _timeouts(services)
    return timeouts.imminent, timeouts.high


async def _reopen(uow: UnitOfWork, services: Services, case: Escalation,
                  event: str) -> list[Effect]:
    """The case is open again (reopen, remind, release): a fresh ladder, the one who knows
    the case first, the tier's timer armed; then the next counselor, then everyone."""
    previous = case.taken_over_by if event == "release" else case.acknowledged_by
    CASE.fire(case, event)
    case.taken_over_by = None if event == "release" else case.taken_over_by
    await uow.timers.cancel(FOLLOWUP_TIMER, str(case.id))
    await uow.audit.add("system", f"escalation.{event}", f"escalation:{case.id}", {},
                        services.clock())
    staff, members = await _staff(uow, case)
    reminded = None
    if event == "release" and any(s.role == "counselor" and s.active and s.member_id != previous
                                  for s in staff):
        # who just left the case (off duty, handed back) is not paged, unless no other
        # counselor could be: a coordinator takes nobody over (a trial: the coordinator
        # alone was paged, for minutes, after the only counselor went off duty)
        staff = [s for s in staff if s.member_id != previous]
    elif previous in members:  # who acknowledged it and did not follow through, or whose
        # case got worse, is reminded below while the ladder pages the others at once (a
        # trial: an imminent message on an acknowledged case went to the acknowledger alone
        # for minutes, the coordinator's phone still saying it was seen)
        reminded = previous
    state, page = ladder.start(RiskLevel(case.level), staff, _timeouts(services), reminded)
    acked = await uow.members.get(case.acknowledged_by or 0)
    kept = {k: v for k, v in (case.ladder or {}).items() if k not in SEEN}
    if event != "release" and acked is not None and case.acknowledged_at is not None:
        kept |= {SEEN[0]: acked.id, SEEN[1]: case.acknowledged_at.isoformat()}  # (pings say)
    case.ladder = kept
    # the outcome buttons of its Seen (or of the take-over) go: an open case is not closed
    effects = [*await clear_stale(uow, case),
               *await _carry_out(uow, services, case, state, page, members)]
    if event == "remind" and acked is not None:  # told "a counselor will be with you soon",
        # and nobody came: the student is not left waiting on that promise, nor the team in
        # the chat on the counselor
        effects.append(Reply(_still_here(case), to=case.student_chat_id, priority=CRISIS))
        effects += await tell_chat_staff(uow, case, "crisis-remind-supporter", {
            "name": acked.name,  # a coordinator joins no chat: "has not joined" is not
            "counselor": "yes" if acked.role == "counselor" else "no"},  # said of them
            but=acked.id)
    knows = members.get(previous or 0)  # (who just left the case needs no reminder of it)
    if knows is not None and knows.active and knows.id not in page.member_ids and \
            event != "release":
        params = await ping_params(uow, case, services.clock())
        rows = case_buttons(case, knows.role)
        effects.append(Reply("escalation-reminder", params, rows, to=knows.telegram_id,
                             priority=CRISIS, meta=case_meta(case, rows)))
    return effects


async def tell_chat_staff(uow: UnitOfWork, case: Escalation, key: str,
                           params: dict[str, str | int], *, but: int) -> list[Effect]:
    """The staff in the student's chat (the supporter; not ``but``) hear how the case
    stands: ``params`` with the case and the student's pseudonym."""
    chat = await uow.sessions.active_for_student(case.student_chat_id)
    if chat is None:
        return []
    request = await uow.requests.get(chat.request_id)
    about = {**params, "id": case.id, "pseudonym": request.pseudonym if request else "?"}
    return [Reply(key, about, to=member.telegram_id, priority=CRISIS)
            for member in await uow.sessions.staff(chat) if member.id != but]


async def counselor_left(uow: UnitOfWork, services: Services, chat_id: int,
                         member: Member) -> list[Effect]:
    """The counselor who took the student's case over left the chat (off duty and handed
    back, deactivated, blocked the bot): the case is open again and the ladder pages."""
    case = await uow.escalations.unresolved_for_chat(chat_id)
    if case is None or CASE.state_of(case) != Case.TAKEN_OVER or case.taken_over_by != member.id:
        return []
    return await _reopen(uow, services, case, "release")


async def hand_over(uow: UnitOfWork, services: Services, chat: ChatSession, member: Member,
                    minutes: int) -> tuple[Escalation, int, int, list[Effect]] | None:
    """``member`` went off duty with the chat of the case they took over still open: the
    case stays theirs until a colleague takes it over (handlers.cases), they come back on
    duty (:func:`handover_kept`), or their time to hand the chat back runs out (then it is
    released and the ladder pages: handlers.handback). The on-duty counselors are asked now,
    or, with none on duty, whoever the ladder would page. Returns the case, how many
    counselors on duty were asked, how many were asked in all, and what they and the
    supporter in the chat are told; None if ``member`` holds no such case.
    (A trial: going off duty paged the case as "NOT yet taken care of" while the counselor
    was still writing to the student, and their "hand over" button answered "out of date".)"""
    case = await uow.escalations.unresolved_for_chat(chat.student_chat_id)
    if case is None or CASE.state_of(case) != Case.TAKEN_OVER or \
            case.taken_over_by != member.id:
        return None
    staff, members = await _staff(uow, case)
    staff = [s for s in staff if s.member_id != member.id]
    asked = [s.member_id for s in staff if s.role == "counselor" and s.on_duty and s.active]
    on_duty = len(asked)
    if not asked:  # no other counselor on duty: whoever the ladder would page (everyone)
        asked = list(ladder.start(RiskLevel(case.level), staff, _timeouts(services))[1]
                     .member_ids)
    now = services.clock()
    before = ladder_state(case).paged
    paged = [*before, *(i for i in asked if i not in before)]
    case.ladder = {**(case.ladder or {}), HANDOVER: member.id, "paged": paged}
    await uow.audit.add(f"member:{member.id}", "escalation.handover", f"escalation:{case.id}",
                        {"asked": asked}, now)
    params = await ping_params(uow, case, now) | {"name": member.name, "minutes": minutes}
    effects: list[Effect] = []
    for member_id in asked:
        other = members[member_id]
        rows = ((buttons.button(ESC, "btn-take-over", "take", str(case.id)),),) \
            if other.role == "counselor" else ()
        effects.append(Reply("escalation-handover", {**params, "reader": other.role}, rows,
                             to=other.telegram_id, priority=CRISIS,
                             meta={"case_handover": case.id} if rows else {}))
    return case, on_duty, len(asked), effects + await tell_chat_staff(
        uow, case, "crisis-handover-supporter", {"name": member.name}, but=member.id)


async def handover_kept(uow: UnitOfWork, member: Member) -> list[Effect]:
    """``member`` is back on duty: a take-over they asked for is off, and whoever was asked
    hears so (their Take over buttons go)."""
    effects: list[Effect] = []
    for chat in await uow.sessions.active_for_member(member.id):
        case = await uow.escalations.unresolved_for_chat(chat.student_chat_id)
        if case is None or (case.ladder or {}).get(HANDOVER) != member.id:
            continue
        case.ladder = {k: v for k, v in (case.ladder or {}).items() if k != HANDOVER}
        effects += await clear_stale(uow, case)
        effects += await tell_chat_staff(uow, case, "crisis-handover-off-supporter",
                                         {"name": member.name}, but=member.id)
        for other_id in ladder_state(case).paged:
            other = await uow.members.get(other_id)
            if other is not None and other.active and other.id != member.id:
                effects.append(Reply("escalation-handover-off", {"name": member.name,
                                                                 "id": case.id},
                                     to=other.telegram_id, priority=CRISIS))
    return effects


async def arm_followup(uow: UnitOfWork, services: Services, case: Escalation) -> None:
    due = services.clock() + timedelta(seconds=services.config.escalation.ack_followup)
    await uow.timers.set(FOLLOWUP_TIMER, str(case.id), due)


async def on_timeout(uow: UnitOfWork, services: Services, escalation_id: int) -> list[Effect]:
    """Nobody acknowledged in time: the next step of the ladder."""
    case = await uow.escalations.get(escalation_id)
    if case is None or CASE.state_of(case) != Case.OPEN:
        return []
    staff, members = await _staff(uow, case)
    state, page = ladder.on_timeout(ladder_state(case), RiskLevel(case.level), staff,
                                    _timeouts(services))
    await uow.audit.add("system", "escalation.unacknowledged", f"escalation:{case.id}",
                        {"step": page.step}, services.clock())
    return await _carry_out(uow, services, case, state, page, members)


async def on_followup(uow: UnitOfWork, services: Services, escalation_id: int) -> list[Effect]:
    """``escalation.ack_followup`` after an acknowledgement or take-over: acknowledged and
    still nobody with the student -> open again and page; taken over by someone who is no
    longer there -> open again; taken over and the chat ended -> ask for the outcome."""
    case = await uow.escalations.get(escalation_id)
    if case is None:
        return []
    state = CASE.state_of(case)
    if state == Case.ACKNOWLEDGED:
        return await _reopen(uow, services, case, "remind")
    if state != Case.TAKEN_OVER:
        return []
    counselor = await uow.members.get(case.taken_over_by or 0)
    if counselor is None or not counselor.active:
        return await _reopen(uow, services, case, "release")
    await arm_followup(uow, services, case)
    if await held(uow, case):
        return []
    params = await ping_params(uow, case, services.clock())
    rows = case_buttons(case, counselor.role, held=False)  # the way back in, and the outcome
    effects: list[Effect] = [Reply("escalation-outcome-reminder", params, rows,
                                   to=counselor.telegram_id, priority=Priority.HIGH,
                                   meta=case_meta(case, rows))]
    reminded = int((case.ladder or {}).get(REMINDED, 0)) + 1
    case.ladder = {**(case.ladder or {}), REMINDED: reminded}
    if reminded == REMINDERS_BEFORE_COORDINATORS:  # still no outcome: the coordinators hear
        # it once, and can record it (a trial: only the counselor was ever reminded, and a
        # case stayed open for days with nobody else knowing)
        for coordinator in await uow.members.all("coordinator"):
            if coordinator.active and coordinator.id != counselor.id:
                told = case_buttons(case, coordinator.role, held=False)
                effects.append(Reply("escalation-outcome-coordinator",
                                     {**params, "name": counselor.name}, told,
                                     to=coordinator.telegram_id, priority=Priority.HIGH,
                                     meta=case_meta(case, told)))
    return effects


async def on_delivery_failed(uow: UnitOfWork, services: Services, escalation_id: int,
                             member_id: int, permanent: bool = True) -> list[Effect]:
    """Telegram refused a ping (blocked, a permanent error) or could not take it yet (an
    outage: it is retried): page the next person now."""
    case = await uow.escalations.get(escalation_id)
    if case is None or CASE.state_of(case) != Case.OPEN:
        return []
    staff, members = await _staff(uow, case)
    await uow.audit.add("system", "escalation.ping_failed", f"escalation:{case.id}",
                        {"member": member_id}, services.clock())
    state, page = ladder.on_delivery_failed(ladder_state(case), member_id,
                                            RiskLevel(case.level), staff, _timeouts(services),
                                            permanent)
    return await _carry_out(uow, services, case, state, page, members)


# ---- asking for a counselor ------------------------------------------------------------------


async def ask_for_counselor(uow: UnitOfWork, services: Services,
                            chat_id: int) -> list[Effect]:
    """The student's 🆘 *I need a counselor now*, from wherever it was shown. Pressing it while
    counselors are already being paged says so (twice is the same as once); pressing it on a
    case someone only acknowledged pages again."""
    person = await uow.people.by_telegram_id(chat_id)
    if person is None:
        return []
    case = await live_for_chat(uow, chat_id)
    if case is not None and case.asked_at is None:  # every ping from now on says so
        case.asked_at = services.clock()
    if case is not None and CASE.state_of(case) == Case.OPEN:
        return [Reply("counselor-already-coming", to=chat_id, priority=CRISIS)]
    if case is not None and CASE.state_of(case) == Case.TAKEN_OVER:
        effects: list[Effect] = [Reply("counselor-already-here", to=chat_id, priority=CRISIS)]
        counselor = await uow.members.get(case.taken_over_by) if case.taken_over_by else None
        if counselor is not None:  # seen (newcomer hour): the counselor in the chat never knew
            chat = await uow.sessions.active_for_student(chat_id)
            request = await uow.requests.get(chat.request_id) if chat is not None else None
            effects.append(Reply("sos-pressed-counselor", {
                "pseudonym": request.pseudonym if request else person.pseudonym or "-"},
                to=counselor.telegram_id, priority=CRISIS))
        return effects
    return await open_manual(uow, services, chat_id, "student", "")


async def about_a_friend(uow: UnitOfWork, services: Services, chat_id: int, person: Person,
                         alert: AlertFriend) -> list[Effect]:
    """A student alerts a counselor about a friend (the intake's friend route, or /friend in a
    chat): a case in the reporting student's chat (taking it over is a chat with them), with
    what they know as its words and the friend's class or year beside the reason. "It is
    happening now" is imminent, anything else high: a counselor must answer either way, and
    the ladder goes on until one does. The student is told what happens next, and that it is
    not on them to fix it."""
    assessed = services.detector.assess(alert.what)
    level = max(RiskLevel.IMMINENT if alert.urgency == "now" else RiskLevel.HIGH,
                assessed.level)
    await uow.audit.add(f"person:{person.id}", "friend.alert", f"person:{person.id}",
                        {"urgency": alert.urgency}, services.clock())
    if await live_for_chat(uow, chat_id) is not None:
        effects = await _update(uow, services, chat_id, level, alert.what, alert.where)
    else:
        effects = await _open(uow, services, chat_id, person, level,
                              tuple(assessed.categories), "friend", alert.what, alert.where,
                              await counselor_here(uow, await uow.sessions.active_for_student(
                                  chat_id)))
    if person.practice_with is not None:  # a scripted student: nobody is paged (the trainee
        # hears what would happen); thanked, never told a counselor is coming (found by the
        # model: S6, the press got no answer)
        return [*effects, Reply("friend-take-care", to=chat_id)]
    return [*effects, Reply("friend-alert-sent", {"now": "yes" if alert.urgency == "now"
                                                  else "no"}, to=chat_id, priority=CRISIS)]


async def open_manual(uow: UnitOfWork, services: Services, chat_id: int, source: str,
                      reason: str) -> list[Effect]:
    """A supporter's /refer (``reason`` is theirs) or the student's 🆘."""
    person = await uow.people.by_telegram_id(chat_id)
    if person is None:
        return []
    situation = await _situation(uow, chat_id, person, RiskLevel.NONE)
    decision = decide_referral(situation)
    await uow.audit.add(f"person:{person.id}", "escalation.requested", f"person:{person.id}",
                        {"source": source}, services.clock())
    return await act(uow, services, decision, chat_id, person, RiskLevel.HIGH, (), source,
                     await recent_words(uow, chat_id, person), reason)


async def screen_note(uow: UnitOfWork, services: Services, chat_id: int,
                      note: str) -> list[Effect]:
    """A staff member's note about the student is screened: high or imminent risk written
    down is escalated like a referral (the note is the reason; the student's own words are
    shown beside it). Concern changes nothing: the one who wrote it already knows."""
    assessment = services.detector.assess(note)
    person = await uow.people.by_telegram_id(chat_id)
    if assessment.level < RiskLevel.HIGH or person is None:
        return []
    situation = await _situation(uow, chat_id, person, assessment.level)
    return await act(uow, services, decide(situation), chat_id, person, assessment.level,
                     assessment.categories, "note", await recent_words(uow, chat_id, person),
                     note.strip()[:WORDS])


async def screening_answer(uow: UnitOfWork, services: Services, inbound: Inbound,
                           person: Person, data: ButtonData) -> list[Effect]:
    """``sc:<answer>:``: the student answered the direct screening question."""
    answer = data.flow_event(SCREEN).name
    if answer not in SCREENING_CHOICES:
        return [Reply("error-stale-button")]
    return await _screening_answer(uow, services, inbound, person, answer)


async def screening_yes_later(uow: UnitOfWork, services: Services, inbound: Inbound,
                              person: Person, answer: str, question: str = ""
                              ) -> list[Effect]:
    """A *Yes* to a screening question (``question``, flows.screening) pressed after its
    screening left it: a counselor follows up, as the button would have had one; the ping
    names the question asked (a trial: "in the past weeks" for "in the past week")."""
    return await _screening_answer(uow, services, inbound, person, answer, question=question)


async def typed_screening_answer(uow: UnitOfWork, services: Services, inbound: Inbound,
                                 person: Person) -> list[Effect] | None:
    """A typed answer ("iya", "nggak", "iya sekarang", "ga tau") to the direct screening
    question while it waits for one: taken as the button would be. None when no question
    waits or the text does not read as an answer (it goes where text goes)."""
    typed = screening.typed_answer(inbound.text)
    if typed is None or await uow.timers.armed(SCREENING_OPEN, str(inbound.chat_id)) is None:
        return None
    answer = {"yes": "yes", "now": "now", "no": "no", "unsure": "unsure"}[typed]
    return await _screening_answer(uow, services, inbound, person, answer, typed=True)


async def _screening_answer(uow: UnitOfWork, services: Services, inbound: Inbound,
                            person: Person, answer: str, *, typed: bool = False,
                            question: str = "") -> list[Effect]:
    asked = await uow.timers.armed(SCREENING_OPEN, str(inbound.chat_id))
    raised = uow.cipher.decrypt(str(asked.payload["words"]).encode()) \
        if asked is not None and asked.payload.get("words") else ""
    await uow.timers.cancel(SCREENING_OPEN, str(inbound.chat_id))
    # the question answered loses its buttons, pressed or typed (a trial: a question answered
    # by typing kept them into the next day)
    clear: list[Effect] = [] if typed else [ClearButtons(inbound.message_id)]
    if typed:
        since = asked.due_at - SCREENING_WINDOW if asked is not None else \
            services.clock() - SCREENING_WINDOW
        clear = [ClearButtons(m) for m in await uow.outbox.live_buttons(
            inbound.chat_id, f"{SCREEN}:", since)]
    level = RiskLevel.IMMINENT if answer == "now" else RiskLevel.HIGH
    case = await live_for_chat(uow, inbound.chat_id)
    if case is not None and CASE.state_of(case) == Case.OPEN and answer in ("yes", "now") \
            and case.level >= level:  # answered already (a double tap): it is in hand
        return [*clear, Reply("counselor-already-coming", priority=CRISIS)]
    situation = await _situation(uow, inbound.chat_id, person, RiskLevel.NONE)
    decision = decide_screening(situation, answer)
    await uow.audit.add(f"person:{person.id}", "screening.answered", f"person:{person.id}",
                        {"answer": answer}, services.clock())
    source = "screening-now" if answer == "now" else "screening"
    detail = ""
    if question in screening.ALL:  # an ASQ question's yes: worded as that question
        source = "asq-now" if answer == "now" else "asq"
        detail = ASQ_DETAIL + screening.encode({question: "yes"})
    effects: list[Effect] = list(clear)
    alone = await uow.sessions.active_for_student(inbound.chat_id) is None and \
        await uow.requests.open_for(person.id) is None
    if answer == "unsure" and alone and case is None and person.practice_with is None:
        # not a no (ASQ: a positive screen), and no supporter is with them or coming to ask
        # gently: a counselor follows up, as for a yes
        decision = decide(replace(situation, level=RiskLevel.HIGH))
        source = "screening-unsure"
    effects += await act(uow, services, decision, inbound.chat_id, person, level,
                         ("suicide",), source,
                         await recent_words(uow, inbound.chat_id, person) or raised or
                         await _risky_lately(uow, services, inbound.chat_id), detail)
    if not decision.actions or person.practice_with is not None:
        # never "your supporter will keep this in mind" to nobody's; a scripted student's
        # crisis reply is skipped (no counselor is coming), so it is thanked as the others
        effects.append(Reply("screening-thanks-alone", keyboard=SOS) if alone else
                       Reply("screening-thanks"))
    return effects
