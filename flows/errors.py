"""The root of Sejawat's exceptions, and the domain's own: refusing a transition."""

from __future__ import annotations


class SejawatError(Exception):
    """Root of every error Sejawat raises on purpose."""


class IllegalTransition(SejawatError):
    """A lifecycle was asked for a transition its table does not have (or a guard refused).

    ``"Can't accept an offer that is expired"``: names the thing, the event and the state.
    """

    def __init__(self, lifecycle: str, state: str, event: str, reason: str = "") -> None:
        why = f" ({reason})" if reason else ""
        article = "an" if lifecycle[:1].lower() in "aeiou" else "a"
        super().__init__(f"Can't {event} {article} {lifecycle} that is {state}{why}")
        self.lifecycle = lifecycle
        self.state = state
        self.event = event
