"""Entry point of the application layer: who is writing, and which handler gets the update.

Roles come from the database on every update (a member is whoever the members table says);
everyone else is a student. Which role may run which command or press which button is declared
in handlers.registry and checked here, once, before the handler runs. A student's text is
screened for crisis risk before anything else. A change of someone's status towards the bot
(blocked, unblocked) comes before all of that and never gets a reply.
"""

from __future__ import annotations

import dataclasses

from escalation.detector import RiskLevel
from flows import buttons, screening
from flows.intake import ASQ, FEELINGS, INTAKE, LANGUAGES
from flows.types import Effect, Inbound, Reply
from handlers import (
    cases,
    escalations,
    onboarding,
    presence,
    registry,
    screen,
    selfhelp,
    staff,
)
from handlers.context import Services
from handlers.registry import A_STUDENT
from handlers.student import converse
from storage.models import Person
from storage.program_models import Member
from storage.repositories import ConversationState
from storage.uow import UnitOfWork


async def screen_first(uow: UnitOfWork, services: Services,
                       inbound: Inbound) -> list[Effect] | None:
    """The crisis fast lane, run when an update is stored, before the chat's queue: the crisis
    part of what a student (or someone joining the team) wrote. None when it is not theirs to
    screen (staff, groups); the ordinary path then does everything else, without screening
    again."""
    if not inbound.is_private:
        return None
    language = services.catalog.language_for(inbound.language_code)
    person = await uow.people.get_or_create(inbound.sender_id, language, services.clock())
    member = await uow.members.by_telegram_id(inbound.sender_id)
    if member is not None and member.active:
        return None
    saved = await uow.conversations.get(inbound.chat_id)
    return await escalations.screen(uow, services, inbound, person, _whose(saved))


FRIEND_STATES = ("friend_what", "friend_class")  # the intake asks what they know of a friend


def _whose(saved: ConversationState | None) -> str:
    """Whose risk a student's words tell: someone joining the team's, a friend's (typed in
    the intake's questions about a friend: a trial, a friend's goodbye was paged as the
    reporter's own crisis, and the reporter told "what you're feeling matters"), else their
    own."""
    if saved is not None and saved.flow == "onboarding":
        return "onboarding"
    if saved is not None and saved.flow == "intake" and saved.state in FRIEND_STATES:
        return "friend"
    return "detector"


STALE = frozenset({"error-stale-button", "error-stale-button-team"})


async def handle(uow: UnitOfWork, services: Services, inbound: Inbound, *,
                 screened: bool = False) -> list[Effect]:
    """``screened``: the fast lane already screened this update (nothing is screened twice).
    A button tapped twice in a row: the second tap, which finds it no longer active, says
    nothing (the first one's answer is on its way)."""
    effects = await _handle(uow, services, inbound, screened=screened)
    if inbound.kind != "button" or not inbound.message_id:
        return effects
    key, now = (inbound.chat_id, inbound.message_id, inbound.button), services.clock()
    if any(isinstance(e, Reply) and e.key in STALE for e in effects):
        # a double tap says nothing: neither "no longer active" nor the question it is at
        # again (a trial: a double tap on "Bahasa Indonesia" asked for the topic twice)
        return [e for e in effects if not isinstance(e, Reply)] \
            if services.presses.just_handled(key, now) else effects
    services.presses.note(key, now)
    return effects


async def _handle(uow: UnitOfWork, services: Services, inbound: Inbound, *,
                  screened: bool) -> list[Effect]:
    if inbound.kind == "member_status":
        return await presence.handle(uow, services, inbound)
    if not inbound.is_private:
        return [Reply("private-only")]
    await uow.prime(inbound.sender_id, inbound.chat_id)  # person, member, conversation: once
    language = services.catalog.language_for(inbound.language_code)
    person = await uow.people.get_or_create(inbound.sender_id, language, services.clock())
    if person.blocked_bot:
        await uow.people.mark_blocked(inbound.sender_id, blocked=False)  # they are back
        person.blocked_bot = False
    if inbound.kind == "button":  # about themselves, whatever step or role they are at: an
        data = buttons.decode(inbound.button)  # answer to the screening question is never stale
        press = registry.find_button(A_STUDENT, data)
        if isinstance(press, registry.Button) and press.roles == registry.ANYONE:
            return await press.handler(uow, services, inbound, person, data)
    member = await uow.members.by_telegram_id(inbound.sender_id)
    if member is not None and member.active:
        return await _staff(uow, services, inbound, member)
    # an inactive member is helped like any student (they may need support themselves)
    if inbound.kind == "command" and inbound.command == "start" and \
            onboarding.looks_like_invite(inbound.text) and member is None:
        return await onboarding.begin(uow, services, inbound, person)
    saved = await uow.conversations.get(inbound.chat_id)
    if saved is not None and saved.flow == "onboarding":  # joining the team: screened too
        crisis = [] if screened else await escalations.screen(uow, services, inbound, person,
                                                              "onboarding")
        return crisis + await onboarding.continue_onboarding(uow, services, inbound, person,
                                                             saved)
    if inbound.kind == "text" and _is_sos_key(services, inbound.text):  # the 🆘 key under
        return await escalations.ask_for_counselor(uow, services, inbound.chat_id)  # typing
    if inbound.kind == "text" and saved is not None and saved.flow == "intake" and \
            saved.state == "feeling" and inbound.text.strip() in FEELINGS:
        # (seen) "3" typed to "how do you feel, 1 to 5?" was told to use the buttons
        tapped = dataclasses.replace(inbound, kind="button", text="", typed=True,
                                     button=f"in:feeling:{inbound.text.strip()}")
        return await converse(uow, services, tapped, person)
    if inbound.kind == "text":  # "iya" typed to a screening question is its answer
        answered = await _typed_answer(uow, services, inbound, person, saved, screened)
        if answered is not None:
            return answered
    if inbound.kind == "button" and _late_yes(inbound, saved):  # (seen) a yes to a screening
        # question tapped after /cancel started the welcome again and told nobody: every yes
        # is taken, whenever it comes
        data = buttons.decode(inbound.button)
        return await escalations.screening_yes_later(
            uow, services, inbound, person, "now" if data.event == "asq-now" else "yes",
            question=data.event.removeprefix("asq-"))
    if inbound.kind == "button":  # a press carries no words to screen
        data = buttons.decode(inbound.button)
        press = registry.find_button(A_STUDENT, data)
        if isinstance(press, registry.Button):
            return await press.handler(uow, services, inbound, person, data)
    crisis = [] if screened else await escalations.screen(uow, services, inbound, person,
                                                          _whose(saved))
    if inbound.kind == "command":
        command = registry.find_command(A_STUDENT, inbound.command)
        if isinstance(command, registry.Command):
            return crisis + await command.handler(uow, services, inbound, person)
        if member is not None and registry.find_command(member.role, inbound.command):
            return crisis + [Reply("member-inactive")]  # a team command from someone paused
    if inbound.kind == "text":  # what they notice, during 5-4-3-2-1 grounding
        noticed = await selfhelp.typed(uow, services, inbound, person)
        if noticed is not None:
            return crisis + noticed
    return crisis + _after_risk(services, inbound, await converse(uow, services, inbound,
                                                                  person))


# a typed answer as the intake's screening buttons name it
_ASQ_ANSWER = {"yes": "yes", "now": "yes", "no": "no", "unsure": "unsure"}


async def _typed_answer(uow: UnitOfWork, services: Services, inbound: Inbound, person: Person,
                        saved: ConversationState | None, screened: bool) -> list[Effect] | None:
    """Seen (newcomer hour): a student who typed "iya" to "have you had thoughts of killing
    yourself?" was told to use the buttons (intake), or sent back to the welcome with nobody
    paged (the direct question after a concern). A typed yes / no / not sure to a question
    waiting for one is its answer; the words are screened as always, and in a chat they still
    reach the supporter. None: not an answer (the text goes where text goes)."""
    typed = screening.typed_answer(inbound.text)
    if typed is None:
        return None

    async def words() -> list[Effect]:  # what the words show, screened once as always
        return [] if screened else await escalations.screen(uow, services, inbound, person)

    if saved is not None and saved.flow == "intake" and saved.state.startswith("asq-"):
        crisis = await words()
        if await uow.outbox.on_the_way(inbound.chat_id, f"in:{saved.state}:"):  # typed
            # before the question was shown
            return crisis + await _typed_early(uow, services, inbound, person, saved, typed)
        press = dataclasses.replace(inbound, kind="button", text="", typed=True,
                                    button=f"in:{saved.state}:{_ASQ_ANSWER[typed]}")
        return crisis + await converse(uow, services, press, person)
    if saved is not None and saved.flow == "session" and saved.data.get(screen.AT):
        # a supporter's /screen question on screen: its answer, and the words are relayed
        crisis = await words()
        data = buttons.ButtonData(screen.PREFIX, (str(saved.data[screen.AT]),
                                                  _ASQ_ANSWER[typed]))
        answered = await screen.answer(uow, services, inbound, person, data)
        return crisis + answered + await converse(uow, services, inbound, person)
    direct = await escalations.typed_screening_answer(uow, services, inbound, person)
    if direct is None:
        return None
    crisis = await words()
    in_chat = await uow.sessions.active_for_student(inbound.chat_id) is not None
    relayed = await converse(uow, services, inbound, person) if in_chat else []
    return crisis + direct + relayed


async def _typed_early(uow: UnitOfWork, services: Services, inbound: Inbound, person: Person,
                       saved: ConversationState, typed: str) -> list[Effect]:
    """A typed answer while the intake's next screening question is still on its way (a
    trial: "iya" typed fast after tapping *No* became a yes to a question the student had not
    seen). The student saw the question before: a yes is a yes to that one (never lost; its
    answer was taken already, a yes stays a yes), and the next question, arriving, is not
    shown twice; anything else was answered there already: they are asked to answer the new
    question below. Before the first question (they saw how they feel), they are asked too."""
    order = [f"asq-{q}" for q in screening.ALL]
    seen = order[order.index(saved.state) - 1] if saved.state in order[1:] else None
    if typed not in ("yes", "now") or seen is None:
        return [Reply("intake-asq-early")]
    press = dataclasses.replace(inbound, kind="button", text="", typed=True,
                                button=f"in:{seen}:yes")
    answered = await converse(uow, services, press, person)
    again = f"in:{saved.state}:"  # the question on its way, shown again: once is enough
    return [Reply("intake-asq-early-yes"), *(
        e for e in answered if not (isinstance(e, Reply) and any(
            b.data.startswith(again) for row in e.buttons for b in row)))]


async def _in_own_chat(uow: UnitOfWork, inbound: Inbound) -> bool:
    """A member's text or media goes to the counselor who took over a case about them (their
    own words, a screening answer), as a student's would, while that chat is open; a reply to
    a student's message still goes to that student."""
    if inbound.kind not in ("text", "media") or \
            await uow.sessions.active_for_student(inbound.chat_id) is None:
        return False
    return not inbound.reply_to or \
        await uow.sessions.said(inbound.chat_id, inbound.reply_to) is None


def _late_yes(inbound: Inbound, saved: ConversationState | None) -> bool:
    """An intake screening question's *Yes* (``in:asq-<question>:yes``) pressed when the
    intake is no longer at that question and cannot take it (cancelled, sent, or a new one
    begun)."""
    data = buttons.decode(inbound.button)
    if data.prefix != "in" or not data.event.startswith("asq-") or \
            data.parts[1:2] != ("yes",):
        return False
    if saved is None or saved.flow != "intake" or saved.state == data.event:
        return saved is None or saved.flow != "intake"
    # this intake's own screening takes it (flows.intake: into its answers, the acuity
    # question next); an intake sent, or begun again, has none to take it into
    return ASQ not in saved.data or INTAKE.states[saved.state].final


def _is_sos_key(services: Services, text: str) -> bool:
    """The text Telegram sends when the 🆘 key of the student's keyboard is pressed (its
    label, in any language the bot speaks)."""
    said = text.strip()
    return said.startswith("🆘") and any(
        said == services.catalog.render(lang, "btn-counselor-now")
        for lang in LANGUAGES)


# what a flow says to text it did not expect; after words of risk (already answered with care
# and the numbers) these read as cold, so they are left out
# (and a cheerful "thanks for your feedback!" after a comment that raised a concern: the
# screening question that follows already begins with thanks)
NAGS = frozenset({"intake-use-buttons", "intake-queued-waiting", "error-does-not-fit",
                  "feedback-thanks", "case-open-waiting-short"})


def _after_risk(services: Services, inbound: Inbound, effects: list[Effect]) -> list[Effect]:
    if inbound.kind != "text" or not any(isinstance(e, Reply) and e.key in NAGS
                                         for e in effects):
        return effects
    if services.detector.assess(inbound.text).level == RiskLevel.NONE:
        return effects
    return [e for e in effects if not (isinstance(e, Reply) and e.key in NAGS)]


STALE_TEAM = "error-stale-button-team"


def _in_team_voice(effects: list[Effect]) -> list[Effect]:
    """(seen) A member got the students' "that button isn't active anymore ... aja ya": the
    same answer, in the team's register."""
    return [dataclasses.replace(e, key=STALE_TEAM)
            if isinstance(e, Reply) and e.key == registry.STALE and e.to is None else e
            for e in effects]


async def _staff(uow: UnitOfWork, services: Services, inbound: Inbound,
                 member: Member) -> list[Effect]:
    """An active member: buttons, then the note that closes a case, then commands; what they
    write goes to the student they are chatting with."""
    if inbound.kind == "button":
        data = buttons.decode(inbound.button)
        press = registry.find_button(member.role, data)
        if press is None:
            return [Reply(STALE_TEAM)]
        if isinstance(press, registry.Refused):
            return [Reply(STALE_TEAM if press.reply == registry.STALE else press.reply)]
        return _in_team_voice(await press.handler(uow, services, inbound, member, data))
    noted = await cases.case_note(uow, services, inbound, member)
    if noted is not None:
        return noted
    if await _in_own_chat(uow, inbound):  # a counselor took over a case about them
        person = await uow.people.get_or_create(
            inbound.sender_id, services.catalog.language_for(inbound.language_code),
            services.clock())
        crisis = await escalations.screen(uow, services, inbound, person)
        return crisis + await converse(uow, services, inbound, person)
    if inbound.kind == "command":
        command = registry.find_command(member.role, inbound.command)
        if command is None:
            return [Reply("error-unknown-command-team")]
        if isinstance(command, registry.Refused):
            return [Reply(command.reply)]
        return await command.handler(uow, services, inbound, member)
    return await staff.write(uow, services, inbound, member)
