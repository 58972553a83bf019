"""The student's side of a chat with a peer supporter (relay), then feedback.

session: text is relayed; media is explained (or forwarded if allowed); /end asks, then *Yes,
end it* ends it; the "I need a counselor now" button asks for a counselor.
feedback: rating 1-5 (or skip) -> optional comment (or skip) -> thanks.
"""

from __future__ import annotations

from collections.abc import Sequence

from flows.buttons import button
from flows.machine import Action, Context, Data, Event, Machine, On, State, silent
from flows.types import AskCounselor, Effect, EndSession, RecordFeedback, Relay, RelayMedia, Reply

SESSION = "ss"
FEEDBACK = "fb"
RATINGS = ("1", "2", "3", "4", "5")


def _relay(ctx: Context, data: Data, event: Event) -> tuple[Data, Sequence[Effect]]:
    return data, (Relay(event.value),)


def _media(ctx: Context, data: Data, event: Event) -> tuple[Data, Sequence[Effect]]:
    return data, (RelayMedia(event.value, int(data.get("message_id", 0))),)


def _end(ctx: Context, data: Data, event: Event) -> tuple[Data, Sequence[Effect]]:
    return data, (EndSession(),)


def _counselor(ctx: Context, data: Data, event: Event) -> tuple[Data, Sequence[Effect]]:
    return data, (AskCounselor(),)


def _confirm_end(ctx: Context, data: Data, event: Event) -> tuple[Data, Sequence[Effect]]:
    """/end asks first (one stray tap must not end a chat someone needed): *Yes, end it*
    (``ss:end:``) or *No, keep chatting* (``ss:keep:``)."""
    row = (button(SESSION, "btn-end-session-yes", "end"),
           button(SESSION, "btn-end-session-no", "keep"))
    return data, (Reply("session-end-confirm", {}, (row,)),)


def session_help(ctx: Context, data: Data) -> Sequence[Effect]:
    keyboard = ((button(SESSION, "btn-counselor-now", "counselor"),),)
    return (Reply("help-session", {}, keyboard),)


SESSION_MACHINE = Machine(
    name="session",
    initial="active",
    guards={},
    states={
        "active": State("active", silent, expects_text=True, on=(
            On("text", do=_relay),
            On("media", do=_media),
            On("/end", do=_confirm_end),
            On("end", do=_end),
            On("keep", reply="session-end-kept"),
            On("/cancel", reply="session-use-end"),
            On("/start", reply="session-already-active"),
            On("/help", do=lambda c, d, e: (d, session_help(c, d))),
            On("counselor", do=_counselor),
        )),
    },
    rejections={"button": "error-stale-button", "unknown-command": "error-unknown-command",
                "*": "error-does-not-fit"},
)


def _ask_rating(ctx: Context, data: Data) -> Sequence[Effect]:
    row = tuple(button(FEEDBACK, f"btn-feeling-{r}", "rate", r) for r in RATINGS)
    return (Reply("feedback-rating", {}, (row, (button(FEEDBACK, "btn-skip", "skip"),))),)


def _ask_comment(ctx: Context, data: Data) -> Sequence[Effect]:
    return (Reply("feedback-comment", {}, ((button(FEEDBACK, "btn-skip", "skip"),),)),)


def _rate(ctx: Context, data: Data, event: Event) -> tuple[Data, Sequence[Effect]]:
    """The rating is kept at once (seen: a rating followed by /start instead of a comment
    was lost); a comment after it joins the same feedback."""
    return {**data, "rating": int(event.value)}, (RecordFeedback(int(event.value), None),)


def _finish(with_comment: bool) -> Action:
    def action(ctx: Context, data: Data, event: Event) -> tuple[Data, Sequence[Effect]]:
        comment = event.value.strip()[:1000] if with_comment else None
        rating = data.get("rating")
        return data, (RecordFeedback(int(rating) if rating else None, comment or None),)

    return action


FEEDBACK_MACHINE = Machine(
    name="feedback",
    initial="rating",
    guards={"known-rating": lambda ctx, data, event: event.value in RATINGS},
    states={
        "rating": State("rating", _ask_rating, on=(
            On("rate", to="comment", guard="known-rating", do=_rate),
            On("skip", to="closed", do=_finish(False), reply="feedback-thanks"),
        )),
        "comment": State("comment", _ask_comment, expects_text=True, on=(
            On("text", to="closed", do=_finish(True), reply="feedback-thanks"),
            On("skip", to="closed", do=_finish(False), reply="feedback-thanks"),
        )),
        "closed": State("closed", silent, final=True),
    },
    everywhere=(On("/help", reply="help-general"),),
    rejections={"text-not-expected": "intake-use-buttons", "media": "error-media",
                "button": "error-stale-button", "unknown-command": "error-unknown-command",
                "*": "error-does-not-fit"},
)
