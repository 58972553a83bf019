"""A small declarative state machine: states, the events each accepts, named guards, effects.

A machine is a pure function ``step(state, data, event, ctx) -> Step``. It never touches I/O:
the caller loads ``state``/``data`` from the database and persists the result with its effects.
An event a state does not accept gets a clear "that doesn't fit here" reply and changes nothing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from flows.types import Effect, Reply

Data = dict[str, Any]


@dataclass(frozen=True)
class Event:
    """What happened, as the machine sees it: a name and an optional value.

    Names: ``text`` (value = the text), ``media`` (value = kind), ``/cmd`` for a command,
    ``unknown-command``, ``stale-button``, or a button's event name (value = its choice).
    """

    name: str
    value: str = ""
    source: str = ""  # text, command, button, media: picks the rejection reply
    message_id: int = 0  # a button's: the message it is on (0: not a button, or unknown)


@dataclass(frozen=True)
class Context:
    """What a machine may know about the world besides its own data."""

    language: str
    now: datetime
    settings: Mapping[str, int]
    new_pseudonym: Callable[[], str]


Guard = Callable[[Context, Data, Event], bool]
Action = Callable[[Context, Data, Event], tuple[Data, Sequence[Effect]]]
Prompt = Callable[[Context, Data], Sequence[Effect]]


def silent(ctx: Context, data: Data) -> Sequence[Effect]:
    """The prompt of a state that says nothing when it is entered."""
    return ()


@dataclass(frozen=True)
class On:
    """One accepted event: if ``guard`` holds, run ``do``, reply ``reply``, go to ``to``.

    ``to=None`` stays in the state (``reprompt`` re-sends the state's prompt; with
    ``in_place``, a button's prompt is shown again on the message whose button was pressed,
    edited, instead of as a new message: a multi-select ticks its choices where they are).
    """

    event: str
    to: str | None = None
    guard: str | None = None
    do: Action | None = None
    reply: str | None = None
    reprompt: bool = False
    in_place: bool = False


@dataclass(frozen=True)
class State:
    name: str
    prompt: Prompt
    on: tuple[On, ...] = ()
    back: str | None = None  # where the Back button leads
    expects_text: bool = False  # free text is this state's input (else buttons are)
    final: bool = False  # the conversation ends here
    # what a rejected event re-shows, when not the whole prompt (the question and its buttons
    # without the welcome and the emergency numbers again)
    reminder: Prompt | None = None


@dataclass(frozen=True)
class Step:
    state: str
    data: Data
    effects: tuple[Effect, ...]
    changed: bool  # False when the event was rejected and nothing changed


@dataclass(frozen=True)
class Machine:
    name: str
    initial: str
    states: Mapping[str, State]
    guards: Mapping[str, Guard]
    everywhere: tuple[On, ...] = ()  # accepted in every non-final state, after the state's own
    rejections: Mapping[str, str] = field(default_factory=dict)  # event name -> catalog key

    def __post_init__(self) -> None:
        for state in self.states.values():
            for on in (*state.on, *self.everywhere):
                if on.to is not None and on.to not in self.states:
                    raise ValueError(f"{self.name}.{state.name}: unknown target state {on.to!r}")
                if on.guard is not None and on.guard not in self.guards:
                    raise ValueError(f"{self.name}.{state.name}: unknown guard {on.guard!r}")
            if state.back is not None and state.back not in self.states:
                raise ValueError(f"{self.name}.{state.name}: unknown back state {state.back!r}")

    def accepts(self, state: str) -> set[str]:
        """Event names the state accepts (for documentation and tests)."""
        return {on.event for on in (*self.states[state].on, *self.everywhere)}

    def enter(self, ctx: Context, data: Data, at: str | None = None) -> Step:
        """Start the machine: the initial state's prompt (or, ``at`` a later state, that
        state's: a student coming back who already said yes and chose a language)."""
        first = self.states[at or self.initial]
        return Step(first.name, data, tuple(first.prompt(ctx, data)), True)

    def step(self, state: str, data: Data, event: Event, ctx: Context) -> Step:
        current = self.states[state]
        if event.name == "back" and current.back is not None and not current.final:
            target = self.states[current.back]
            return Step(target.name, data, tuple(target.prompt(ctx, data)), True)
        accepted = current.on if current.final else (*current.on, *self.everywhere)
        for on in accepted:
            if on.event != event.name:
                continue
            if on.guard is not None and not self.guards[on.guard](ctx, data, event):
                continue
            return self._take(current, on, data, event, ctx)
        return self._reject(current, data, event, ctx)

    def _take(self, current: State, on: On, data: Data, event: Event, ctx: Context) -> Step:
        effects: list[Effect] = []
        new_data = dict(data)
        if on.do is not None:
            new_data, done = on.do(ctx, new_data, event)
            effects.extend(done)
        if on.reply is not None:
            effects.append(Reply(on.reply))
        target = current if on.to is None else self.states[on.to]
        if on.to is not None or on.reprompt:
            # staying (help, resume): the question again, not the welcome it came with
            again = target.reminder if on.to is None and target.reminder else target.prompt
            prompt = again(ctx, new_data)
            if on.in_place and on.to is None and event.message_id:
                prompt = [dataclasses.replace(e, edit=event.message_id)
                          if isinstance(e, Reply) else e for e in prompt]
            effects.extend(prompt)
        return Step(target.name, new_data, tuple(effects), True)

    def _reject(self, current: State, data: Data, event: Event, ctx: Context) -> Step:
        name = event.name
        if name == "text" and not current.expects_text:
            name = "text-not-expected"
        elif name == "media" and not current.expects_text and "media-not-expected" in \
                self.rejections:  # a sticker at a question with buttons: the buttons (a
            name = "media-not-expected"  # trial: "please write what you want to say")
        key = (
            self.rejections.get(name)
            or self.rejections.get(event.source)
            or self.rejections.get("*", "error-does-not-fit")
        )
        effects: list[Effect] = [Reply(key, {"event": event.name})]
        if not current.final:
            effects.extend((current.reminder or current.prompt)(ctx, data))
        return Step(current.name, data, tuple(effects), False)
