"""The student's side: intake, the chat with a supporter, feedback, follow-up check-ins."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

from escalation.detector import RiskLevel
from flows import screening
from flows.buttons import ButtonData
from flows.intake import ASQ, INTAKE, NAME_FIXED
from flows.journey import RISK, Place, place_of
from flows.machine import Event, Machine, Step
from flows.safety_plan import PLAN, SAFETY_PLAN
from flows.session import FEEDBACK, FEEDBACK_MACHINE, SESSION, SESSION_MACHINE
from flows.types import (
    SOS,
    AlertFriend,
    AskCounselor,
    CancelRequest,
    ClearButtons,
    Effect,
    EndSession,
    Inbound,
    RecordFeedback,
    Relay,
    RelayMedia,
    Reply,
    SavePlan,
    Screened,
    SetLanguage,
    SubmitRequest,
)
from handlers import blocks, escalations, journey, plans, pseudonyms, selfhelp
from handlers.context import KEYBOARDS_KEPT, MAX_TEXT, Services, machine_context
from handlers.dispatch import (
    RISK_MEMORY,
    able_on_duty,
    arm_unattended,
    available,
    dispatch,
    is_open,
    leave_queue,
    opens_at,
    withdraw_pending_offer,
)
from handlers.events import to_event
from handlers.sessions import FOLLOWUP as FOLLOWUP  # fu: one prefix, built in both modules
from handlers.sessions import (
    blocked_now,
    end_session,
    keep_while_waiting,
    passed_as_text,
    relay_media,
    relay_to_supporters,
)
from routing.lifecycles import RequestStatus
from storage.models import HelpRequest, Person
from storage.uow import UnitOfWork

FEEDBACK_KEPT = timedelta(days=7)  # and a chat's feedback question, skipped by "talk again"
MACHINES: dict[str, tuple[Machine, str]] = {
    "intake": (INTAKE, "in"),
    "session": (SESSION_MACHINE, SESSION),
    "feedback": (FEEDBACK_MACHINE, FEEDBACK),
    "plan": (SAFETY_PLAN, PLAN),
}


async def _counselor_in_chat(uow: UnitOfWork, student_chat_id: int) -> bool:
    chat = await uow.sessions.active_for_student(student_chat_id)
    return chat is not None and chat.counselor_id is not None


async def converse(
    uow: UnitOfWork, services: Services, inbound: Inbound, person: Person
) -> list[Effect]:
    """Whatever the student sends that no row of handlers.registry claims goes to the
    conversation they are in (intake, the chat with a supporter, feedback), or starts intake."""
    if inbound.kind == "text" and len(inbound.text) > MAX_TEXT:
        return [Reply("error-too-long", {"max": MAX_TEXT})]
    ctx = machine_context(services, person.language)
    saved = await uow.conversations.get(inbound.chat_id)
    if inbound.kind == "text" and saved is not None and saved.flow == "intake" and \
            saved.state == "queued":  # waiting: nobody reads it yet, the next one will
        await keep_while_waiting(uow, services, person, inbound.text)
    if (person.pseudonym is None and (saved is None or saved.flow not in MACHINES)) or \
            inbound.button.startswith("in:name:"):  # a new name: unlike the others now
        taken = await uow.requests.open_pseudonyms()
        ctx = dataclasses.replace(
            ctx, new_pseudonym=lambda: pseudonyms.unlike(services.new_pseudonym, taken))
    if saved is not None and saved.flow == "feedback" and inbound.command == "start":
        await journey.move(uow, inbound.chat_id, "skip_feedback", services.clock())
        saved = None
    if (saved is None or saved.flow not in MACHINES) and inbound.kind == "button":
        # a button of an intake (or chat, or feedback) that is over: it changes nothing and
        # goes (a trial: a topic tapped a day later began a whole new intake). Every new
        # request begins with /start or a button its own handler claims.
        return [ClearButtons(inbound.message_id), Reply("error-stale-button")]
    if saved is None or saved.flow not in MACHINES:
        event = to_event(inbound, "in")
        if event.name in ("/help", "/cancel", "unknown-command", "back"):
            return [Reply(_idle_reply(event), {"max": MAX_TEXT})]
        if event.name in ("text", "media") and \
                await escalations.live_for_chat(uow, inbound.chat_id) is not None:
            # a counselor is coming: not a welcome and the consent question (the words that
            # opened the case were answered with the numbers; /start still begins a request)
            if _raised_it(services, inbound):
                return []  # (in the case already, with its update)
            return [Reply("case-open-waiting"), *await escalations.student_wrote(
                uow, services, inbound.chat_id, inbound.text)]
        if blocked_now(person, services.clock()):  # no peer chat for now: told why, with
            return [blocks.blocked_reply(services, person)]  # the numbers and 🆘
        flow = "intake"
        step = INTAKE.enter(ctx, {"lang": person.language,
                                  "pseudonym": person.pseudonym or ctx.new_pseudonym()})
    else:
        flow = saved.flow
        machine, prefix = MACHINES[flow]
        data = saved.data
        if flow == "intake" and person.pseudonym and saved.state != "queued":
            # while a case is open, counselors know the student by one name: it stays, and
            # the intake says so before they pick one (a trial: told after they sent it)
            fixed = await escalations.unresolved_for_chat(uow, person.telegram_id) is not None
            if fixed or data.get(NAME_FIXED):
                data = {**data, NAME_FIXED: fixed,
                        "pseudonym": person.pseudonym if fixed else data.get("pseudonym")}
        step = machine.step(saved.state, data, to_event(inbound, prefix), ctx)
    machine = MACHINES[flow][0]
    effects = await _apply(uow, services, inbound, person, step)
    if flow == "feedback" and inbound.kind == "text" and any(
            isinstance(e, Reply) and e.key == "intake-use-buttons" for e in effects) and \
            await escalations.live_for_chat(uow, inbound.chat_id) is not None:
        # (a trial: after a late screening yes opened a case, "eh maaf kepencet, aku gapapa
        # kok" was told to rate the chat, and never reached the ping) their words go to the
        # case, as with nothing open
        return [] if _raised_it(services, inbound) else [
            Reply("case-open-waiting"),
            *await escalations.student_wrote(uow, services, inbound.chat_id, inbound.text)]
    if any(isinstance(e, Reply) and e.key == "intake-cancelled" for e in effects) and \
            await escalations.live_for_chat(uow, inbound.chat_id) is not None:
        # not "nothing was sent to anyone": a screening answer already asked a counselor
        effects = [Reply("intake-cancelled-case-open")
                   if isinstance(e, Reply) and e.key == "intake-cancelled" else e
                   for e in effects]
    if saved is not None and saved.flow == "intake" and any(
            isinstance(e, Reply) and e.key == "intake-cancelled" for e in effects) and (
            int(saved.data.get("feeling") or 5) <= 2 or int(saved.data.get(RISK, 0)) >= 1):
        # (seen) a student who rated 1 of 5 and cancelled got only "nothing was sent"
        effects.append(Reply("withdrawn-at-risk", keyboard=SOS))
    if any(isinstance(e, Reply) and e.key == "intake-queued-waiting" for e in effects) and \
            await escalations.live_for_chat(uow, inbound.chat_id) is not None:
        # (seen) "nobody is reading messages here yet" and the numbers again, right after
        # "a counselor is coming": the counselor will read them
        effects = [Reply("case-open-waiting-short") if isinstance(e, Reply)
                   and e.key == "intake-queued-waiting" else e for e in effects]
    if any(isinstance(e, Reply) and e.key == "help-session" for e in effects) and \
            await _counselor_in_chat(uow, inbound.chat_id):
        # (a trial: "press 🆘 if you need a counselor" with the counselor in the chat)
        effects = [Reply("help-session-counselor") if isinstance(e, Reply)
                   and e.key == "help-session" else e for e in effects]
    if step.changed and inbound.kind == "button" and not inbound.typed:
        effects.insert(0, ClearButtons(inbound.message_id))
    if flow == "intake" and saved is not None and saved.flow == "intake":  # (a new intake
        # has no old keyboard: the last one's went as it ended)
        effects = await _one_keyboard(uow, services, inbound, step.changed,
                                      step.state == saved.state, effects)
    current = await uow.conversations.get(inbound.chat_id)
    ongoing = saved is not None and saved.flow in MACHINES
    if (current is not None and current.flow != flow) or (ongoing and current is None):
        return effects  # an effect moved the student on (the session ended, to feedback or
        # to nothing after a crisis): their old flow's step is not saved back
    if machine.states[step.state].final and step.state == "closed":
        await uow.conversations.delete(inbound.chat_id)
    elif saved is None or saved.flow not in MACHINES:  # a new intake
        await journey.move(uow, inbound.chat_id, "begin", services.clock(), step.data,
                           step.state)
    elif step.changed:
        data = step.data
        raised = int(current.data.get(RISK, 0)) if current is not None else 0
        if raised > int(data.get(RISK, 0)):  # an effect (a screening answer) raised the risk
            data = {**data, RISK: raised}
        await uow.conversations.save(inbound.chat_id, flow, step.state, data,
                                     services.clock())
        # the one place a student's place changes outside the journey table (waiting, then
        # "start over": telling the bot again): an exercise stops there too
        await journey.stop_exercise_if_moved(uow, inbound.chat_id, services.clock(),
                                             place_of(flow, step.state))
    return effects


async def _one_keyboard(uow: UnitOfWork, services: Services, inbound: Inbound, changed: bool,
                        same_state: bool, effects: list[Effect]) -> list[Effect]:
    """Only the question the intake is at keeps its buttons (a trial: after "choose one of
    the buttons" the old question's buttons stayed live above the new one; a typed answer
    left its question's Back tappable). A tap on the current question clears that message
    itself; a typed answer, a command or a question shown again clears the earlier ones."""
    shows = any(isinstance(e, Reply) and e.edit is None and e.to in (None, inbound.chat_id)
                and any(b.data.startswith("in:") for row in e.buttons for b in row)
                for e in effects)
    if inbound.kind == "button" and not inbound.typed and \
            not (shows and (not changed or same_state)):
        # (a tap on the question it is at clears that message itself; a tap on an older one,
        # a yes taken late, that shows the question it is at again clears the earlier copy:
        # a trial, two copies of one question with live buttons)
        return effects
    if not (shows or changed):
        return effects
    cleared = {e.message_id for e in effects if isinstance(e, ClearButtons)}
    live = await uow.outbox.live_buttons(inbound.chat_id, "in:",
                                         services.clock() - KEYBOARDS_KEPT)
    # after the new question, so that it is not kept waiting behind the clearing
    return [*effects, *(ClearButtons(m) for m in live if m not in cleared)]


def _raised_it(services: Services, inbound: Inbound) -> bool:
    """These words are a high or imminent signal: the crisis answer already went out."""
    return services.detector.assess(inbound.text).level >= RiskLevel.HIGH


def _idle_reply(event: Event) -> str:
    return {"/help": "help-general", "/cancel": "nothing-to-cancel",
            "back": "nothing-to-cancel"}.get(event.name, "error-unknown-command")


async def counselor_now(uow: UnitOfWork, services: Services, inbound: Inbound,
                        person: Person, data: ButtonData) -> list[Effect]:
    """``ss:counselor:``, the 🆘 button: it works wherever it was shown, at any time."""
    return await escalations.ask_for_counselor(uow, services, inbound.chat_id)


async def followup_answer(uow: UnitOfWork, services: Services, inbound: Inbound,
                          person: Person, data: ButtonData) -> list[Effect]:
    """``fu:<again|ok>:`` under the check-in a day after a chat; ``fu:peer:<request>`` and
    ``fu:nopeer:`` under the goodbye of a chat only a counselor had."""
    event = data.flow_event(FOLLOWUP)
    cleared: list[Effect] = [ClearButtons(inbound.message_id)]
    if event.name == "again":
        if blocked_now(person, services.clock()):
            return cleared + [blocks.blocked_reply(services, person)]
        return cleared + await _talk_again(uow, services, inbound, person)
    if event.name == "ok":
        return cleared + [Reply("followup-glad")]
    if data.event == "peer":
        return await _peer_again(uow, services, inbound, person, data.id(1))
    if data.event == "nopeer":
        return cleared + [Reply("peer-not-wanted")]
    return [Reply("error-stale-button")]


async def _talk_again(uow: UnitOfWork, services: Services, inbound: Inbound,
                      person: Person) -> list[Effect]:
    """*I want to talk again* under the check-in: a new request, begun at its topic (they said
    yes and chose a language before; the welcome is said again in one line). A trial: a
    student still on the last chat's feedback question heard "your request or chat is still
    going" with nothing going; the feedback is skipped as /start skips it."""
    now = services.clock()
    saved = await uow.conversations.get(inbound.chat_id)
    cleared: list[Effect] = []
    if saved is not None and saved.flow == "feedback":
        await journey.move(uow, inbound.chat_id, "skip_feedback", now)
        cleared = [ClearButtons(m) for m in await uow.outbox.live_buttons(
            inbound.chat_id, "fb:", now - FEEDBACK_KEPT)]
        saved = None
    if saved is not None:  # still telling us, waiting, in a chat, or writing their plan
        place = place_of(saved.flow, saved.state)
        return [Reply(_STILL.get(place, "intake-restart-offer-simple"))]
    ctx = machine_context(services, person.language)
    step = INTAKE.enter(ctx, {"lang": person.language,
                              "pseudonym": person.pseudonym or ctx.new_pseudonym()}, at="topic")
    await journey.move(uow, inbound.chat_id, "begin", now, step.data, step.state)
    return [*cleared, Reply("intake-welcome-back"), *step.effects]


# where the student is when they tap *I want to talk again*: what is true to say
_STILL = {Place.QUEUED: "intake-already-queued", Place.SESSION: "talk-again-in-chat",
          Place.INTAKE: "talk-again-in-intake", Place.PLAN: "talk-again-in-plan"}


async def _peer_again(uow: UnitOfWork, services: Services, inbound: Inbound, person: Person,
                      request_id: int | None) -> list[Effect]:
    """``fu:peer:<request>`` under the goodbye of a chat that only a counselor had: the
    student still wants the peer supporter they asked for. The same request words go back in
    the queue (nobody makes them tell it all again); twice is the same as once."""
    earlier = await uow.requests.get(request_id or 0)
    if earlier is None or earlier.person_id != person.id or \
            earlier.status != RequestStatus.CLOSED:
        return [Reply("error-stale-button")]
    if await uow.requests.open_for(person.id) is not None:
        return [ClearButtons(inbound.message_id), Reply("intake-already-queued")]
    if blocked_now(person, services.clock()):
        return [ClearButtons(inbound.message_id), blocks.blocked_reply(services, person)]
    if not await journey.may(uow, inbound.chat_id, "ask_again"):  # telling a new request
        return [ClearButtons(inbound.message_id), Reply("peer-not-now")]
    now = services.clock()
    request = await uow.requests.again(earlier, person.language, now)
    request.screening = earlier.screening
    recent = await uow.escalations.highest_since(person.telegram_id, now - RISK_MEMORY)
    request.risk_level = max(earlier.risk_level, recent)
    await journey.move(uow, inbound.chat_id, "ask_again", now,
                       {"lang": person.language, "pseudonym": earlier.pseudonym})
    return [ClearButtons(inbound.message_id), Reply("intake-queued", keyboard=SOS),
            *await _queue(uow, services, person, request)]


async def _apply(uow: UnitOfWork, services: Services, inbound: Inbound, person: Person,
                 step: Step) -> list[Effect]:
    """Carry out the domain effects; return the messages to send."""
    now = services.clock()
    messages: list[Effect] = []
    for effect in step.effects:
        if isinstance(effect, SetLanguage):
            person.language = effect.language
        elif isinstance(effect, SubmitRequest):
            messages += await _submit(uow, services, person, step)
        elif isinstance(effect, CancelRequest):
            withdrawn = await uow.requests.open_for(person.id)
            if withdrawn is not None and withdrawn.status == RequestStatus.QUEUED:
                await leave_queue(uow, withdrawn, "withdraw", now)
                messages += await withdraw_pending_offer(uow, withdrawn.id, now)
                await uow.audit.add(f"person:{person.id}", "request.withdrawn",
                                    f"request:{withdrawn.id}", {}, now)
                if withdrawn.risk_level >= RiskLevel.CONCERN or withdrawn.feeling <= 2:
                    # (seen) a student who felt 1/5 and wrote of being a burden withdrew and
                    # got "take care": the numbers and 🆘, once more, on the way out
                    messages.append(Reply("withdrawn-at-risk", keyboard=SOS))
                messages += await escalations.tell_case_staff(
                    uow, person.telegram_id, "escalation-student-withdrew")
                messages += await dispatch(uow, services)
        elif isinstance(effect, Relay | RelayMedia | EndSession):
            messages += await _in_session(uow, services, inbound, effect)
        elif isinstance(effect, RecordFeedback):
            request = await uow.requests.latest_for(person.id)
            if request is not None:
                await uow.feedback.add(request.id, effect.rating, effect.comment, now)
        elif isinstance(effect, AskCounselor):
            messages += await escalations.ask_for_counselor(uow, services, inbound.chat_id)
        elif isinstance(effect, Screened):
            messages += await escalations.screened(uow, services, person, effect)
        elif isinstance(effect, SavePlan):
            messages += await plans.save(uow, services, person, effect)
        elif isinstance(effect, AlertFriend):
            messages += await escalations.about_a_friend(uow, services, inbound.chat_id,
                                                         person, effect)
        else:
            messages.append(effect)
    return messages


async def _submit(uow: UnitOfWork, services: Services, person: Person,
                  step: Step) -> list[Effect]:
    now = services.clock()
    if blocked_now(person, now):  # blocked while telling the bot: nothing is queued
        await journey.move(uow, person.telegram_id, "blocked", now)
        return [blocks.blocked_reply(services, person)]
    data = step.data
    unresolved = await escalations.unresolved_for_chat(uow, person.telegram_id)
    told: list[Effect] = []
    if unresolved is None or not person.pseudonym:  # while a case is open, counselors know
        person.pseudonym = str(data["pseudonym"])  # the student by one name: it stays
    elif person.pseudonym != data["pseudonym"]:  # (seen) they chose another: say so, truly
        told.append(Reply("intake-name-kept-case", {"pseudonym": person.pseudonym}))
    request = await uow.requests.create(
        person.id, topic=str(data["topic"]), language=person.language,
        feeling=int(data["feeling"]), pseudonym=person.pseudonym,
        description=str(data["description"]), now=now,
    )
    request.screening = screening.encode(data.get(ASQ) or {}) or None
    # a student who was in crisis recently is not "no risk" the next time they ask
    recent = await uow.escalations.highest_since(person.telegram_id, now - RISK_MEMORY)
    request.risk_level = max(int(data.get(journey.RISK, 0)), recent,
                             unresolved.level if unresolved is not None else 0)
    if unresolved is not None and unresolved.request_id is None:
        unresolved.request_id = request.id  # the counselor's ping and the request meet
    return told + await _queue(uow, services, person, request)


async def _queue(uow: UnitOfWork, services: Services, person: Person,
                 request: HelpRequest) -> list[Effect]:
    """The request joins the queue: told honestly when nobody could take it now."""
    now = services.clock()
    await uow.audit.add(f"person:{person.id}", "request.queued", f"request:{request.id}",
                        {"topic": request.topic, "risk": request.risk_level}, now)
    await arm_unattended(uow, services, request, now)
    on_duty = await available(uow, services, now)  # (not those resting: see wellbeing)
    messages: list[Effect] = []
    when = "waiting"
    if not is_open(services, now):
        request.last_position, request.position_told_at, request.wait_told = 1, now, "closed"
        messages.append(Reply("queue-closed", {"opens": opens_at(services, now)}))
        when = "closed"
    elif not able_on_duty(on_duty, request):  # honest: nobody could take it right now
        request.last_position, request.position_told_at, request.wait_told = 1, now, "nobody"
        messages.append(Reply("queue-nobody-on-duty"))
        when = "nobody"
    offered = await dispatch(uow, services, on_duty)  # (nothing changed who may be offered)
    if await uow.sessions.active_for_student(person.telegram_id) is None:  # still waiting:
        messages.append(selfhelp.offer(when))  # something to do meanwhile
    return messages + offered


async def _in_session(uow: UnitOfWork, services: Services, inbound: Inbound,
                      effect: Effect) -> list[Effect]:
    chat = await uow.sessions.active_for_student(inbound.chat_id, staff=True)
    if chat is None:
        await journey.move(uow, inbound.chat_id, "lost", services.clock())
        return [Reply("session-not-active")]
    if isinstance(effect, Relay):
        return await relay_to_supporters(uow, services, chat, effect.text)
    if isinstance(effect, RelayMedia):
        told = await relay_media(uow, services, chat, "student", inbound.chat_id,
                                 inbound.message_id, effect.kind)
        caption = inbound.text.strip()
        if caption and not services.config.routing.allow_media:  # the words go on as text (a
            # trial: "this is my old class" under a photo was lost, the supporter saw nothing)
            told = [*passed_as_text(told, "relay-media-caption-passed"),
                    *await relay_to_supporters(uow, services, chat, caption)]
        return told
    return await end_session(uow, services, chat, "student")
