"""Where a student is with the bot, across flows, declared as a table.

Each flow (intake, the chat session, feedback) keeps its own saved steps; moving a student from
one flow to another (a supporter accepts: queued -> session; the chat ends: session ->
feedback; the supporter left: session -> queued again) goes through this table, never by one
flow writing another flow's saved data. The application layer calls
``handlers.journey.move(uow, chat_id, event, ...)``; a move the table does not list raises
:class:`flows.errors.IllegalTransition`.

Read the table top to bottom: event, from which places, to which place.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from flows.lifecycle import Lifecycle, T

__all__ = ["JOURNEY", "RISK", "SAVED_AS", "Place", "Where", "place_of"]

RISK = "risk"  # intake's data key: the highest risk seen before the request exists


class Place(enum.StrEnum):
    NONE = "none"  # nothing in progress (no saved conversation)
    INTAKE = "intake"  # telling the bot what they need (any intake step before queued)
    QUEUED = "queued"  # waiting for a supporter (intake's last step)
    SESSION = "session"  # chatting with a supporter and/or a counselor
    FEEDBACK = "feedback"  # asked how the chat was
    ONBOARDING = "onboarding"  # joining the team through an invite: not a student's journey
    PLAN = "plan"  # building or editing their safety plan (flows.safety_plan)


_N, _I, _Q, _S, _F = Place.NONE, Place.INTAKE, Place.QUEUED, Place.SESSION, Place.FEEDBACK

JOURNEY: Lifecycle[Place] = Lifecycle(
    name="student's place",
    states=Place,
    initial=_N,
    transitions=(
        # a student starts telling the bot what they need (/start, or "ask again")
        T("begin", (_N,), _I),
        # /friend while telling the bot what they need, before it is sent: the intake turns
        # to the friend route (a trial: it showed the in-chat guidance, "tell your supporter
        # here", with no supporter, and its button opened a case with nothing in it)
        T("to_friend", (_I,), _I),
        # someone opens an invite to join the team (not in the middle of a chat)
        T("join", (_N, _I, _Q, _F, Place.PLAN), Place.ONBOARDING),
        # a supporter accepted the request, or a counselor took the student over (from
        # wherever they were: mid-intake, waiting, even answering feedback on an older chat)
        # (someone joining the team who wrote something alarming: the chat comes first)
        T("connect", (_N, _I, _Q, _F, Place.ONBOARDING, Place.PLAN), _S),
        # everyone from the team left the chat: back to the front of the queue (also when the
        # student's saved steps are gone, e.g. restored from a backup: the chat decides)
        T("hand_back", (_S, _N), _Q),
        # after a chat only a counselor had, the student still wants a peer supporter: the
        # same request goes back in the queue (handlers.student, ``fu:peer:``)
        T("ask_again", (_N,), _Q),
        # the chat ended (either side, or idle): how was it?
        T("end", (_S, _N), _F),
        # a chat with a crisis in it ended: no rating survey, a caring goodbye instead
        T("end_after_crisis", (_S, _N), _N),
        # /start while answering feedback: the old chat's feedback is skipped
        T("skip_feedback", (_F,), _N),
        # the chat the student's steps point to is no longer active
        T("lost", (_S,), _N),
        # the sandbox's training is over before its scripted student got a chat
        # (handlers.sessions.end_practice): its steps are cleared
        T("practice_over", (_I, _Q), _N),
        # the student builds or edits their safety plan (/myplan, or the button a counselor
        # or supporter offered): not while telling the bot what they need, waiting or in a chat
        T("plan", (_N, _F), Place.PLAN),
        # the plan is saved (finished, or stopped for now)
        T("plan_done", (Place.PLAN,), _N),
        # a coordinator blocked them from peer chats after a report (handlers.blocks): their
        # intake or place in the queue is cleared (crisis handling goes on, outside the journey)
        T("blocked", (_I, _Q, _S), _N),
        # a risk signal while telling the bot what they need: remembered for the request
        T("raise_risk", (_I,), _I),
        T("raise_risk", (_Q,), _Q),
    ),
)

# how a place is saved (flow, state); where the state is None the flow gives its first step
SAVED_AS: dict[Place, tuple[str, str | None]] = {
    _I: ("intake", None),
    Place.ONBOARDING: ("onboarding", None),
    _Q: ("intake", "queued"),
    _S: ("session", "active"),
    _F: ("feedback", None),
    Place.PLAN: ("plan", None),
}


@dataclass
class Where:
    """The student's place, as the lifecycle engine moves it (``status``)."""

    status: str


def place_of(flow: str | None, state: str | None) -> Place:
    if flow is None:
        return _N
    if flow == "intake":
        return _Q if state == "queued" else _I
    if flow in ("session", "feedback", "onboarding", "plan"):
        return Place(flow)
    return _N
