"""Joining the program through an invite link: check the code, then the onboarding flow."""

from __future__ import annotations

from datetime import timedelta

from flows.onboarding import FLOW, ONBOARDING
from flows.types import ClearButtons, Effect, Inbound, JoinProgram, Reply
from handlers import journey, menus
from handlers.context import Services, machine_context
from handlers.events import to_event
from storage.models import Person
from storage.repositories import ConversationState
from storage.uow import UnitOfWork


def looks_like_invite(payload: str) -> bool:
    """Invite codes are 24 url-safe characters; other deep-link payloads start intake."""
    code = payload.strip()
    return len(code) >= 20 and all(c.isalnum() or c in "-_" for c in code)


async def begin(uow: UnitOfWork, services: Services, inbound: Inbound,
                person: Person) -> list[Effect]:
    """``/start <code>`` from someone who is not a member yet."""
    now = services.clock()
    actor = f"person:{person.id}"
    limit = services.config.roles.invite_attempts_per_hour
    if await uow.audit.count(actor, "invite.failed", now - timedelta(hours=1)) >= limit:
        return [Reply("invite-rate-limited")]
    invite = await uow.invites.find(inbound.text.strip())
    if invite is None or invite.used_at is not None or invite.expires_at <= now:
        await uow.audit.add(actor, "invite.failed", actor, {}, now)
        return [Reply("invite-invalid")]
    if not await journey.may(uow, inbound.chat_id, "join"):
        return [Reply("invite-finish-chat-first")]
    step = ONBOARDING.enter(machine_context(services, person.language),
                            {"invite": invite.id, "role": invite.role})
    await journey.move(uow, inbound.chat_id, "join", now, step.data, step.state)
    return list(step.effects)


async def continue_onboarding(uow: UnitOfWork, services: Services, inbound: Inbound,
                              person: Person, saved: ConversationState) -> list[Effect]:
    ctx = machine_context(services, person.language)
    step = ONBOARDING.step(saved.state, saved.data, to_event(inbound, FLOW), ctx)
    effects: list[Effect] = []
    if step.changed and inbound.kind == "button":
        effects.append(ClearButtons(inbound.message_id))
    for effect in step.effects:
        if isinstance(effect, JoinProgram):
            effects += await _join(uow, services, inbound, step.data)
        else:
            effects.append(effect)
    if step.state == "closed":
        await uow.conversations.delete(inbound.chat_id)
    elif step.changed:
        await uow.conversations.save(inbound.chat_id, "onboarding", step.state, step.data,
                                     services.clock())
    return effects


def _list(value: object) -> list[object]:
    return list(value) if isinstance(value, list) else []


async def _join(uow: UnitOfWork, services: Services, inbound: Inbound,
                data: dict[str, object]) -> list[Effect]:
    now = services.clock()
    invite = await uow.invites.get(int(str(data["invite"])))
    if invite is None or invite.used_at is not None or invite.expires_at <= now:
        return [Reply("invite-invalid")]
    invite.used_at, invite.used_by = now, inbound.sender_id
    languages = [str(x) for x in _list(data.get("languages"))]
    topics = [str(x) for x in _list(data.get("topics"))]
    member = await uow.members.add(
        inbound.sender_id, invite.role, str(data.get("name", "")), now, languages=languages,
        topics=topics, capacity=services.config.routing.default_capacity,
    )
    await uow.audit.add(f"member:{member.id}", "member.joined", f"invite:{invite.id}",
                        {"role": member.role}, now)
    effects: list[Effect] = [Reply(f"onboarding-done-{member.role}"), menus.menu(member)]
    for coordinator in await uow.members.all("coordinator"):
        if coordinator.active:
            effects.append(Reply("member-joined", {"name": member.name,
                                                   "role_key": f"role-{member.role}"},
                                 to=coordinator.telegram_id))
    return effects
