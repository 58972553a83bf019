"""The student's side: intake, and what happens to a student's message outside a flow."""

from __future__ import annotations

from flows.intake import INTAKE
from flows.machine import Context, Event, Step
from flows.types import (
    CancelRequest,
    ClearButtons,
    Effect,
    Inbound,
    Reply,
    SetLanguage,
    SubmitRequest,
)
from handlers.context import MAX_TEXT, Services
from handlers.events import to_event
from storage.models import Person
from storage.uow import UnitOfWork


def _context(services: Services, person: Person) -> Context:
    intake = services.config.intake
    return Context(
        language=person.language,
        now=services.clock(),
        settings={"description_min": intake.description_min,
                  "description_max": intake.description_max},
        new_pseudonym=services.new_pseudonym,
    )


async def handle_student(
    uow: UnitOfWork, services: Services, inbound: Inbound, person: Person
) -> list[Effect]:
    if inbound.kind == "text" and len(inbound.text) > MAX_TEXT:
        return [Reply("error-too-long", {"max": MAX_TEXT})]
    event = to_event(inbound)
    ctx = _context(services, person)
    saved = await uow.conversations.get(inbound.chat_id)
    if saved is None or saved.flow != INTAKE.name:
        step = _outside_flow(event, ctx, person)
        if step is None:
            return [Reply(_idle_reply(event), {"max": MAX_TEXT})]
    else:
        step = INTAKE.step(saved.state, saved.data, event, ctx)
    effects = await _apply(uow, services, person, step)
    if step.changed and inbound.kind == "button":
        effects.insert(0, ClearButtons(inbound.message_id))
    if step.state == "closed":
        await uow.conversations.delete(inbound.chat_id)
    elif step.changed:
        await uow.conversations.save(
            inbound.chat_id, INTAKE.name, step.state, step.data, services.clock()
        )
    return effects


def _outside_flow(event: Event, ctx: Context, person: Person) -> Step | None:
    """No conversation yet: /start or any message begins intake; other commands answer."""
    if event.name in ("/help", "/cancel", "unknown-command", "back"):
        return None
    return INTAKE.enter(ctx, {"lang": person.language, "pseudonym": ctx.new_pseudonym()})


def _idle_reply(event: Event) -> str:
    return {
        "/help": "help-general",
        "/cancel": "nothing-to-cancel",
        "back": "nothing-to-cancel",
    }.get(event.name, "error-unknown-command")


async def _apply(
    uow: UnitOfWork, services: Services, person: Person, step: Step
) -> list[Effect]:
    """Carry out the domain effects; return the messages to send."""
    now = services.clock()
    messages: list[Effect] = []
    for effect in step.effects:
        if isinstance(effect, SetLanguage):
            person.language = effect.language
        elif isinstance(effect, SubmitRequest):
            data = step.data
            person.pseudonym = str(data["pseudonym"])
            request = await uow.requests.create(
                person.id, topic=str(data["topic"]), language=person.language,
                feeling=int(data["feeling"]), pseudonym=str(data["pseudonym"]),
                description=str(data["description"]), now=now,
            )
            await uow.audit.add(f"person:{person.id}", "request.queued",
                                f"request:{request.id}", {"topic": request.topic}, now)
        elif isinstance(effect, CancelRequest):
            withdrawn = await uow.requests.open_for(person.id)
            if withdrawn is not None:
                await uow.requests.set_status(withdrawn, "withdrawn", now)
                await uow.audit.add(f"person:{person.id}", "request.withdrawn",
                                    f"request:{withdrawn.id}", {}, now)
        else:
            messages.append(effect)
    return messages
