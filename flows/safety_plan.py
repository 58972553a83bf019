"""A safety plan, built step by step in the chat (Stanley & Brown's Safety Planning
Intervention): the student's own words for each part, in order.

warning -> alone -> distract -> people -> pros -> safer -> reasons -> share -> closed

Each part takes free text (kept, up to ``MAX_PART`` characters), or *Skip* (``sp:skip:``;
when the student edits a plan they have, *Skip* keeps what the part says now), or *Stop for
now* (``sp:stop:``: what they wrote so far is kept). "Professionals and services" starts from
the configured resources; what the student adds goes with them. At the end: may a counselor
who is with them see it (``sp:share:yes|no``)? Saving is the ``SavePlan`` effect; the
application layer stores it encrypted (handlers.plans).

Typed text is screened like any other (handlers.router, before the flow): a warning sign such
as "when I start thinking about ending it" pages a counselor, as it would anywhere.
"""

from __future__ import annotations

from collections.abc import Sequence

from flows.buttons import button
from flows.machine import Action, Context, Data, Event, Machine, On, Prompt, State
from flows.types import Effect, Reply, SavePlan

PLAN = "sp"
PARTS = ("warning", "alone", "distract", "people", "pros", "safer", "reasons")
MAX_PART = 800


def _ask(part: str) -> Prompt:
    def prompt(ctx: Context, data: Data) -> Sequence[Effect]:
        plan = dict(data.get("plan") or {})
        now = str(plan.get(part) or "")
        rows = ((button(PLAN, "btn-plan-keep" if now else "btn-plan-skip", "skip"),
                 button(PLAN, "btn-plan-stop", "stop")),)
        number = PARTS.index(part) + 1
        return (Reply(f"plan-ask-{part}", {"step": number, "steps": len(PARTS),
                                            "now": now or "-", "has": "yes" if now else "no"},
                      rows),)
    return prompt


def _keep(part: str) -> Action:
    def action(ctx: Context, data: Data, event: Event) -> tuple[Data, Sequence[Effect]]:
        plan = {**dict(data.get("plan") or {}), part: event.value.strip()[:MAX_PART]}
        return {**data, "plan": plan}, ()
    return action


def _ask_share(ctx: Context, data: Data) -> Sequence[Effect]:
    row = (button(PLAN, "btn-plan-share-yes", "share", "yes"),
           button(PLAN, "btn-plan-share-no", "share", "no"))
    return (Reply("plan-ask-share", {}, (row,)),)


def _save(ctx: Context, data: Data, event: Event) -> tuple[Data, Sequence[Effect]]:
    """*Stop for now*, /cancel or /start: what they wrote so far is kept."""
    plan = {k: str(v) for k, v in dict(data.get("plan") or {}).items() if v}
    shared = data.get("share")
    return data, (SavePlan(plan, bool(shared) if shared is not None else None, done=False),)


def _share(ctx: Context, data: Data, event: Event) -> tuple[Data, Sequence[Effect]]:
    plan = {k: str(v) for k, v in dict(data.get("plan") or {}).items() if v}
    return {**data, "share": event.value == "yes"}, (
        SavePlan(plan, event.value == "yes", done=True),)


def _states() -> dict[str, State]:
    states: dict[str, State] = {}
    for here, after in zip(PARTS, (*PARTS[1:], "share"), strict=True):
        states[here] = State(here, _ask(here), expects_text=True, on=(
            On("text", to=after, guard="said-something", do=_keep(here)),
            On("skip", to=after),
        ))
    states["share"] = State("share", _ask_share, on=(
        On("share", to="closed", guard="yes-or-no", do=_share),
    ))
    states["closed"] = State("closed", lambda ctx, data: (), final=True)
    return states


SAFETY_PLAN = Machine(
    name="plan",
    initial=PARTS[0],
    guards={"yes-or-no": lambda ctx, data, event: event.value in ("yes", "no"),
            "said-something": lambda ctx, data, event: bool(event.value.strip())},
    states=_states(),
    everywhere=(
        On("stop", to="closed", do=_save, reply="plan-stopped"),
        On("/cancel", to="closed", do=_save, reply="plan-stopped"),
        On("/start", to="closed", do=_save, reply="plan-stopped-start"),
        On("/help", reply="plan-help"),
    ),
    rejections={"text-not-expected": "intake-use-buttons", "media": "plan-text-only",
                "button": "error-stale-button", "unknown-command": "error-unknown-command",
                "*": "error-does-not-fit"},
)
