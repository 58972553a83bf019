"""An invited supporter or counselor joins: confirm -> name -> languages -> topics -> done.

Started by opening an invite link (``/start <code>``); the handler checks the code first.
"""

from __future__ import annotations

from collections.abc import Sequence

from flows.buttons import button
from flows.intake import LANGUAGES, TOPICS
from flows.machine import Action, Context, Data, Event, Machine, On, State, silent
from flows.types import Effect, JoinProgram, Reply

FLOW = "ob"


def _confirm(ctx: Context, data: Data) -> Sequence[Effect]:
    keyboard = ((button(FLOW, "btn-join-yes", "join", "yes"),),
                (button(FLOW, "btn-join-no", "join", "no"),))
    return (Reply("onboarding-confirm", {"role_key": f"role-{data['role']}"}, keyboard),)


def _name(ctx: Context, data: Data) -> Sequence[Effect]:
    return (Reply("onboarding-name"),)


def _toggles(key: str, event: str, options: Sequence[str], chosen: Sequence[str],
             label: str) -> Sequence[Effect]:
    """One button per option, chosen ones marked ✓ (labels in the reader's language)."""
    rows = tuple(
        (button(FLOW, "btn-chosen", event, o, {"name_key": f"{label}-{o}"}) if o in chosen
         else button(FLOW, f"{label}-{o}", event, o),)
        for o in options
    )
    done = ((button(FLOW, "btn-done", f"{event}-done"),),)
    return (Reply(key, {"count": len(chosen)}, (*rows, *done)),)


def _languages(ctx: Context, data: Data) -> Sequence[Effect]:
    return _toggles("onboarding-languages", "lang", LANGUAGES, data.get("languages", []),
                    "btn-lang")


def _topics(ctx: Context, data: Data) -> Sequence[Effect]:
    return _toggles("onboarding-topics", "topic", TOPICS, data.get("topics", []), "topic")


def _toggle(field: str) -> Action:
    def action(ctx: Context, data: Data, event: Event) -> tuple[Data, Sequence[Effect]]:
        chosen = list(data.get(field, []))
        if event.value in chosen:
            chosen.remove(event.value)
        else:
            chosen.append(event.value)
        return {**data, field: chosen}, ()

    return action


def _set_name(ctx: Context, data: Data, event: Event) -> tuple[Data, Sequence[Effect]]:
    return {**data, "name": event.value.strip()[:64]}, ()


def _join(ctx: Context, data: Data, event: Event) -> tuple[Data, Sequence[Effect]]:
    return data, (JoinProgram(),)


def _name_ok(ctx: Context, data: Data, event: Event) -> bool:
    return 2 <= len(event.value.strip()) <= 64


ONBOARDING = Machine(
    name="onboarding",
    initial="confirm",
    guards={
        "yes": lambda ctx, data, event: event.value == "yes",
        "no": lambda ctx, data, event: event.value == "no",
        "name-ok": _name_ok,
        "known-language": lambda ctx, data, event: event.value in LANGUAGES,
        "known-topic": lambda ctx, data, event: event.value in TOPICS,
        "has-language": lambda ctx, data, event: bool(data.get("languages")),
    },
    states={
        "confirm": State("confirm", _confirm, on=(
            On("join", to="name", guard="yes"),
            On("join", to="closed", guard="no", reply="onboarding-declined"),
        )),
        "name": State("name", _name, back="confirm", expects_text=True, on=(
            On("text", to="languages", guard="name-ok", do=_set_name),
            On("text", reply="onboarding-name-invalid", reprompt=True),
        )),
        "languages": State("languages", _languages, back="name", on=(
            On("lang", guard="known-language", do=_toggle("languages"),
               reprompt=True, in_place=True),
            On("lang-done", to="topics", guard="has-language"),
            On("lang-done", reply="onboarding-pick-language", reprompt=True),
        )),
        "topics": State("topics", _topics, back="languages", on=(
            On("topic", guard="known-topic", do=_toggle("topics"),
               reprompt=True, in_place=True),
            On("topic-done", to="closed", do=_join),
        )),
        "closed": State("closed", silent, final=True),
    },
    everywhere=(
        On("/help", reply="help-onboarding"),
        On("/cancel", to="closed", reply="onboarding-declined"),
    ),
    # in the team's register, and a command says it works once they have joined (a trial:
    # a counselor's /duty mid-way got the students' "hmm, that command doesn't exist")
    rejections={"text-not-expected": "onboarding-use-buttons", "media": "onboarding-media",
                "button": "error-stale-button-team", "unknown-command": "onboarding-later",
                "*": "onboarding-does-not-fit"},
)
