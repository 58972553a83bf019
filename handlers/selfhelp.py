"""Self-help while waiting and out of hours (flows.selfhelp): ``/selfhelp``, the offer under
a request that waits, guided exercises edited in place by a durable timer, coping cards.

What an exercise never does: move the student's request (it only reads it: their topic's card
first, and whether one waits when it asks about telling the supporter), keep what they typed
(grounding's words are screened like any text by the router, then dropped), or run while they
tell the bot something or chat (handlers.journey.stop_exercise_if_moved stops it). The
supporter who accepts their request hears which exercises they did only if the student said
yes to that, asked once.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from escalation.detector import RiskLevel
from flows import selfhelp
from flows.buttons import ButtonData, ident
from flows.selfhelp import (
    EXERCISE,
    GROUNDING,
    KINDS,
    ROUNDS,
    TIMER,
    ExerciseStatus,
)
from flows.types import ClearButtons, Effect, Inbound, Reply
from handlers import escalations, journey
from handlers.context import Services
from routing.lifecycles import RequestStatus
from storage.models import Exercise, HelpRequest, Person
from storage.uow import UnitOfWork

STALE = "error-stale-button"


async def command(uow: UnitOfWork, services: Services, inbound: Inbound,
                  person: Person) -> list[Effect]:
    """``/selfhelp``: the exercises and cards (not while telling the bot or chatting)."""
    place = await journey.where(uow, inbound.chat_id)
    if place not in selfhelp.ALLOWED:
        return [Reply("selfhelp-not-now", {"place": place.value})]
    return [Reply("selfhelp-menu", {}, selfhelp.menu())]


def offer(when: str) -> Reply:
    """Under a request that waits (``when``: waiting, closed, nobody): never forced."""
    return Reply("selfhelp-offer", {"when": when}, selfhelp.offer())


async def pressed(uow: UnitOfWork, services: Services, inbound: Inbound, person: Person,
                  data: ButtonData) -> list[Effect]:
    """Every ``sf:`` button: the menu and cards change the pressed message in place; an
    exercise's buttons act on that exercise only (and only the student's own)."""
    event = data.event
    here = inbound.message_id or None
    if event == "menu":
        return [Reply("selfhelp-menu", {}, selfhelp.menu(), edit=here)]
    if event == "pick" and data.part(1) in selfhelp.BREATHING:
        return [Reply("selfhelp-rounds", {"kind": selfhelp.NAMES[data.part(1)]},
                      selfhelp.rounds_for(data.part(1)), edit=here)]
    if event == "cards":
        request = await uow.requests.open_for(person.id)
        first = selfhelp.CARD_FOR_TOPIC.get(request.topic) if request is not None else None
        return [Reply("selfhelp-cards", {}, selfhelp.cards(first), edit=here)]
    if event == "card" and data.part(1) in selfhelp.CARDS:
        return [Reply(f"card-{data.part(1)}", {}, selfhelp.card_buttons(data.part(1)),
                      edit=here)]
    if event == "go":
        return await _start(uow, services, inbound, person, data.part(1), data.part(2),
                            new=data.part(3) == "new")
    if event == "share" and data.part(1) in ("yes", "no"):
        return await _share(uow, services, inbound, person, data.part(1) == "yes")
    if event in ("pause", "resume", "stop", "next"):
        exercise = await uow.exercises.lock(data.id(1) or 0)
        if exercise is None or exercise.chat_id != inbound.chat_id:
            return [Reply(STALE)]
        return await _act(uow, services, inbound, exercise, event, data.part(2))
    return [Reply(STALE)]


async def _start(uow: UnitOfWork, services: Services, inbound: Inbound, person: Person,
                 kind: str, rounds_text: str, new: bool = False) -> list[Effect]:
    """``new``: in a new message at the bottom of the chat (*Again*), else in the pressed
    one (the menu's)."""
    rounds = ident(rounds_text) or 0
    if kind not in KINDS or (kind != GROUNDING and rounds not in ROUNDS) or \
            (kind == GROUNDING and rounds != 1):
        return [Reply(STALE)]
    place = await journey.where(uow, inbound.chat_id)
    if place not in selfhelp.ALLOWED:  # (an old menu, pressed in a chat)
        return [Reply("selfhelp-not-now", {"place": place.value})]
    now = services.clock()
    effects: list[Effect] = []
    earlier = await uow.exercises.live(inbound.chat_id)
    if earlier is not None:  # one at a time: the one before stops (its message says so)
        effects += await _stop(uow, services, earlier, "stop", ask=False)
    exercise = await uow.exercises.start(person.id, inbound.chat_id, kind, rounds,
                                         0 if new else inbound.message_id, now)
    await uow.audit.add(f"person:{person.id}", "selfhelp.started", f"person:{person.id}",
                        {"kind": kind, "rounds": rounds}, now)
    await _arm(uow, exercise, now)
    return [*effects, _show(exercise)]


def _show(exercise: Exercise) -> Reply:
    """The exercise's message as it is now: an edit of the one it lives in, or (not sent
    yet) a new one whose id the outbox records when Telegram has it."""
    shown = selfhelp.screen(exercise.kind, exercise.rounds, exercise.step, exercise.status,
                            exercise.id)
    if exercise.message_id:
        return Reply(shown.key, shown.params, shown.buttons, to=exercise.chat_id,
                     edit=exercise.message_id)
    return Reply(shown.key, shown.params, shown.buttons, to=exercise.chat_id,
                 meta={"exercise": exercise.id, "step": exercise.step})


async def _arm(uow: UnitOfWork, exercise: Exercise, now: datetime) -> None:
    """A running breathing exercise moves on when its step's seconds are over."""
    length = selfhelp.seconds(exercise.kind, exercise.step)
    if exercise.status == ExerciseStatus.RUNNING and length:
        await uow.timers.set(TIMER, str(exercise.id), now + timedelta(seconds=length),
                             {"step": exercise.step})
    elif exercise.status == ExerciseStatus.RUNNING:  # grounding: it stops if left alone
        await uow.timers.set(TIMER, str(exercise.id),
                             now + timedelta(seconds=selfhelp.GROUNDING_IDLE),
                             {"idle": exercise.step})
    else:
        await uow.timers.cancel(TIMER, str(exercise.id))


async def _act(uow: UnitOfWork, services: Services, inbound: Inbound, exercise: Exercise,
               event: str, data_step: str) -> list[Effect]:
    """*Pause*, *Continue*, *Stop*, *Next* (``data_step``: the step its message showed)."""
    now = services.clock()
    if event == "stop":
        if not EXERCISE.can(exercise, "stop"):
            return [Reply("selfhelp-already-over")]
        return await _stop(uow, services, exercise, "stop", ask=True)
    if not exercise.message_id and inbound.message_id:  # its id was never recorded (a crash
        exercise.message_id = inbound.message_id      # between sending and recording): this is it
    if inbound.message_id != exercise.message_id:  # an older message of the same exercise
        return [Reply(STALE)]
    if event == "next" and exercise.kind == GROUNDING and \
            exercise.status == ExerciseStatus.RUNNING:
        if ident(data_step) != exercise.step:  # (seen) a double tap skipped a sense
            return [Reply("selfhelp-step-done")]
        return await _advance(uow, services, exercise)
    if event in ("pause", "resume") and EXERCISE.can(exercise, event):
        EXERCISE.fire(exercise, event)
        await _arm(uow, exercise, now)  # (resumed: the step they paused in, from its start)
        return [_show(exercise)]
    return [Reply("selfhelp-already-over") if exercise.status in EXERCISE.final else
            Reply(STALE)]


async def _advance(uow: UnitOfWork, services: Services, exercise: Exercise,
                   due: datetime | None = None) -> list[Effect]:
    """The next step, or the end. ``due``: when the step that ends now was due (its length
    counts from then, not from the sweep that noticed it: seen, "4 seconds" lasted 5)."""
    now = services.clock()
    if EXERCISE.can(exercise, "step"):
        EXERCISE.fire(exercise, "step")
        exercise.step += 1
        await _arm(uow, exercise, due if due is not None and due <= now else now)
        return [_show(exercise)]
    await _end(uow, exercise, "finish", now)
    return [_show(exercise), *await _ask_share(uow, exercise, now)]


async def _end(uow: UnitOfWork, exercise: Exercise, event: str, now: datetime) -> None:
    """``finish``, ``stop`` or ``interrupt``: ended now, its timer gone, audited."""
    EXERCISE.fire(exercise, event)
    exercise.ended_at = now
    await uow.timers.cancel(TIMER, str(exercise.id))
    action, details = ("selfhelp.finished", {"kind": exercise.kind}) if event == "finish" \
        else ("selfhelp.stopped", {"kind": exercise.kind, "step": exercise.step})
    await uow.audit.add(f"person:{exercise.person_id}", action,
                        f"person:{exercise.person_id}", details, now)


async def _stop(uow: UnitOfWork, services: Services, exercise: Exercise, event: str,
                ask: bool) -> list[Effect]:
    now = services.clock()
    await _end(uow, exercise, event, now)
    return [_show(exercise), *(await _ask_share(uow, exercise, now) if ask else [])]


async def _ask_share(uow: UnitOfWork, exercise: Exercise, now: datetime) -> list[Effect]:
    """Once ever, after their first exercise while a request waits: may the supporter know?
    (Not answered: nobody is told; the question's buttons still work later.)"""
    person = await uow.people.get(exercise.person_id)
    if person is None or person.selfhelp_asked_at is not None or \
            person.selfhelp_share is not None or await _waiting(uow, person) is None:
        return []
    person.selfhelp_asked_at = now
    return [Reply("selfhelp-share-ask", {}, selfhelp.share_question(), to=exercise.chat_id)]


async def _waiting(uow: UnitOfWork, person: Person) -> HelpRequest | None:
    request = await uow.requests.open_for(person.id)
    return request if request is not None and request.status == RequestStatus.QUEUED else None


async def _share(uow: UnitOfWork, services: Services, inbound: Inbound, person: Person,
                 yes: bool) -> list[Effect]:
    person.selfhelp_share = yes
    await uow.audit.add(f"person:{person.id}", "selfhelp.consent", f"person:{person.id}",
                        {"share": yes}, services.clock())
    return [ClearButtons(inbound.message_id),
            Reply("selfhelp-share-thanks", {"share": "yes" if yes else "no"})]


async def tick(uow: UnitOfWork, services: Services, exercise_id: int,
               payload: dict[str, object], due: datetime | None = None) -> list[Effect]:
    """The timer: a breathing exercise's next step; or, after a chat (or an intake) began,
    the stopped exercise's message says why."""
    exercise = await uow.exercises.lock(exercise_id, wait=False)
    if exercise is None:  # a press on it is being handled right now: a moment later (never
        if await uow.exercises.exists(exercise_id):  # waiting for it here: the press waits
            await uow.timers.set(TIMER, str(exercise_id),  # for this timer's row, so
                                 services.clock() + timedelta(seconds=1), payload)  # waiting
        return []  # the other way round would deadlock on PostgreSQL)
    if "interrupted" in payload:
        if exercise.status != ExerciseStatus.STOPPED:
            return []
        return [Reply("selfhelp-interrupted", {"place": str(payload["interrupted"])},
                      to=exercise.chat_id, edit=exercise.message_id or None)]
    if "idle" in payload:  # grounding left alone: it stops (words go where words go again)
        if exercise.status != ExerciseStatus.RUNNING or exercise.step != payload["idle"]:
            return []
        return await _stop(uow, services, exercise, "stop", ask=False)
    if exercise.status != ExerciseStatus.RUNNING or exercise.step != payload.get("step"):
        return []  # paused, stopped or moved on since it was set
    await journey.stop_exercise_if_moved(uow, exercise.chat_id, services.clock())
    if exercise.status != ExerciseStatus.RUNNING:
        return []  # (its interruption's message follows on the next sweep)
    if await escalations.live_for_chat(uow, exercise.chat_id) is not None:
        return await _give_way(uow, services, exercise)
    return await _advance(uow, services, exercise, due)


async def _give_way(uow: UnitOfWork, services: Services, exercise: Exercise) -> list[Effect]:
    """A counselor is being asked to check on the student: the exercise stops and says so."""
    await _end(uow, exercise, "interrupt", services.clock())
    return [Reply("selfhelp-interrupted", {"place": "case"}, to=exercise.chat_id,
                  edit=exercise.message_id or None)]


async def typed(uow: UnitOfWork, services: Services, inbound: Inbound,
                person: Person) -> list[Effect] | None:
    """Words typed during 5-4-3-2-1 grounding: what they notice. Already screened by the
    router; never stored. The next sense comes as a new message under their words (the old
    one's buttons go). Words of risk: the crisis answer stands alone; the step waits. None:
    no grounding is running here (the words go where words go)."""
    exercise = await uow.exercises.live(inbound.chat_id)
    if exercise is None or exercise.kind != GROUNDING or \
            exercise.status != ExerciseStatus.RUNNING or \
            await journey.where(uow, inbound.chat_id) not in selfhelp.TYPING:
        return None
    if await escalations.live_for_chat(uow, inbound.chat_id) is not None:
        return await _give_way(uow, services, exercise)  # (a counselor is coming: the words
    level = services.detector.assess(inbound.text).level  # are for the counselor's chat)
    if level >= RiskLevel.HIGH:  # a counselor is being asked: the exercise gives way (seen:
        return await _give_way(uow, services, exercise)  # its Next and "type what you
    if level >= RiskLevel.CONCERN:  # notice" stayed under "a counselor is coming")
        return []
    cleared: list[Effect] = [ClearButtons(exercise.message_id)] if exercise.message_id else []
    exercise.message_id = 0  # the next step is a new message (its id comes from the outbox)
    return cleared + await _advance(uow, services, exercise)


BRIEFING_WINDOW = timedelta(hours=12)  # exercises done this long before the request count
# (seen: a student's exercises before a crisis chat, then "yes, a peer supporter too", were
# not mentioned: the request that went back in the queue was newer than them)


async def briefing(uow: UnitOfWork, services: Services, person: Person | None,
                   since: datetime, pseudonym: str, to: int) -> list[Effect]:
    """For the supporter who accepts: each exercise the student did before the chat (from
    ``since``, less BRIEFING_WINDOW), if they said yes to that (never what they typed)."""
    if person is None or not person.selfhelp_share:
        return []
    did = [e for e in await uow.exercises.since(person.id, since - BRIEFING_WINDOW)
           if e.status in (ExerciseStatus.DONE, ExerciseStatus.STOPPED)][-5:]
    if not did:
        return []
    reader = await uow.people.by_telegram_id(to)
    language = reader.language if reader is not None else services.catalog.default
    items = [services.catalog.render(language, "selfhelp-did", {
        "kind": selfhelp.NAMES.get(e.kind, "ground"), "rounds": e.rounds,
        "how": "done" if e.status == ExerciseStatus.DONE else "part"}) for e in did]
    return [Reply("briefing-selfhelp", {"pseudonym": pseudonym, "did": ", ".join(items)},
                  to=to)]
