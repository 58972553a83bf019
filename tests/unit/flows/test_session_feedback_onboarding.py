"""The session (relay), feedback and onboarding machines: transitions and rejections."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from flows.buttons import parse
from flows.machine import Context, Data, Event, Machine, Step
from flows.onboarding import ONBOARDING
from flows.session import FEEDBACK_MACHINE, SESSION, SESSION_MACHINE
from flows.types import AskCounselor, EndSession, JoinProgram, RecordFeedback, Relay, Reply


def ctx() -> Context:
    return Context(language="id", now=datetime(2026, 11, 22, tzinfo=UTC),
                   settings={"description_min": 20, "description_max": 300},
                   new_pseudonym=lambda: "Awan-1")


def keys(step: Step) -> list[str]:
    return [e.key for e in step.effects if isinstance(e, Reply)]


def run(machine: Machine, state: str, data: Data, event: Event) -> Step:
    return machine.step(state, data, event, ctx())


TEXT = Event("text", "aku sedih hari ini", source="text")


# ---- session ---------------------------------------------------------------------------------

def test_session_relays_text_and_ends_on_request() -> None:
    relayed = run(SESSION_MACHINE, "active", {}, TEXT)
    assert relayed.effects == (Relay("aku sedih hari ini"),)
    assert relayed.state == "active"
    asked = run(SESSION_MACHINE, "active", {}, Event("/end", source="command"))
    [question] = asked.effects  # a stray tap of /end does not end a chat someone needed
    assert isinstance(question, Reply)
    assert question.key == "session-end-confirm"
    assert [b.data for row in question.buttons for b in row] == ["ss:end:", "ss:keep:"]
    assert asked.state == "active"
    kept = run(SESSION_MACHINE, "active", {}, parse(SESSION, "ss:keep:"))
    assert kept.effects == (Reply("session-end-kept"),)
    assert kept.state == "active"
    ended = run(SESSION_MACHINE, "active", {}, parse(SESSION, "ss:end:"))
    assert ended.effects == (EndSession(),)
    asked = run(SESSION_MACHINE, "active", {}, parse("ss", "ss:counselor:"))
    assert asked.effects == (AskCounselor(),)


@pytest.mark.parametrize(("event", "key"), [
    (Event("/cancel", source="command"), "session-use-end"),
    (Event("/start", source="command"), "session-already-active"),
    (Event("unknown-command", "x", source="command"), "error-unknown-command"),
    (parse("ss", "in:topic:academic"), "error-stale-button"),
])
def test_session_explains_what_does_not_fit(event: Event, key: str) -> None:
    step = run(SESSION_MACHINE, "active", {"session_id": 3}, event)
    assert step.state == "active"
    assert step.data == {"session_id": 3}
    assert keys(step)[0] == key


def test_session_help_offers_the_counselor_button() -> None:
    step = run(SESSION_MACHINE, "active", {}, Event("/help", source="command"))
    [reply] = [e for e in step.effects if isinstance(e, Reply)]
    assert reply.key == "help-session"
    assert [b.data for row in reply.buttons for b in row] == ["ss:counselor:"]


# ---- feedback --------------------------------------------------------------------------------

def test_feedback_rating_then_comment() -> None:
    start = FEEDBACK_MACHINE.enter(ctx(), {})
    assert (start.state, keys(start)) == ("rating", ["feedback-rating"])
    rated = run(FEEDBACK_MACHINE, "rating", {}, parse("fb", "fb:rate:4"))
    assert (rated.state, rated.data["rating"]) == ("comment", 4)
    done = run(FEEDBACK_MACHINE, "comment", rated.data, TEXT)
    assert done.state == "closed"
    assert RecordFeedback(4, "aku sedih hari ini") in done.effects
    assert "feedback-thanks" in keys(done)


@pytest.mark.parametrize(("state", "data", "expected"), [
    ("rating", {}, RecordFeedback(None, None)),
    ("comment", {"rating": 2}, RecordFeedback(2, None)),
])
def test_feedback_can_be_skipped(state: str, data: Data, expected: RecordFeedback) -> None:
    step = run(FEEDBACK_MACHINE, state, data, parse("fb", "fb:skip:"))
    assert step.state == "closed"
    assert expected in step.effects


@pytest.mark.parametrize("event", [
    parse("fb", "fb:rate:9"), TEXT, Event("media", "sticker", source="media"),
])
def test_feedback_rejects_bad_ratings_and_text_instead_of_a_button(event: Event) -> None:
    step = run(FEEDBACK_MACHINE, "rating", {}, event)
    assert (step.state, step.changed) == ("rating", False)


# ---- onboarding ------------------------------------------------------------------------------

INVITE: Data = {"invite": 1, "role": "supporter"}


def test_onboarding_confirm_name_languages_topics_join() -> None:
    step = ONBOARDING.enter(ctx(), INVITE)
    assert (step.state, keys(step)) == ("confirm", ["onboarding-confirm"])
    step = run(ONBOARDING, "confirm", step.data, parse("ob", "ob:join:yes"))
    step = run(ONBOARDING, step.state, step.data, Event("text", "Rina", source="text"))
    assert (step.state, step.data["name"]) == ("languages", "Rina")
    step = run(ONBOARDING, step.state, step.data, parse("ob", "ob:lang:id"))
    step = run(ONBOARDING, step.state, step.data, parse("ob", "ob:lang:en"))
    step = run(ONBOARDING, step.state, step.data, parse("ob", "ob:lang:en"))  # toggled off
    assert step.data["languages"] == ["id"]
    step = run(ONBOARDING, step.state, step.data, parse("ob", "ob:lang-done:"))
    step = run(ONBOARDING, step.state, step.data, parse("ob", "ob:topic:bullying"))
    step = run(ONBOARDING, step.state, step.data, parse("ob", "ob:topic-done:"))
    assert step.state == "closed"
    assert JoinProgram() in step.effects
    assert step.data["topics"] == ["bullying"]


@pytest.mark.parametrize(("state", "data", "event", "key"), [
    ("name", INVITE, Event("text", "R", source="text"), "onboarding-name-invalid"),
    ("languages", INVITE, parse("ob", "ob:lang-done:"), "onboarding-pick-language"),
    ("languages", INVITE, parse("ob", "ob:lang:fr"), "error-stale-button-team"),
    ("topics", INVITE, parse("ob", "ob:topic:astrology"), "error-stale-button-team"),
])
def test_onboarding_rejects_invalid_answers(state: str, data: Data, event: Event,
                                            key: str) -> None:
    step = run(ONBOARDING, state, data, event)
    assert step.state == state
    assert keys(step)[0] == key


def test_declining_or_cancelling_onboarding_saves_nothing() -> None:
    declined = run(ONBOARDING, "confirm", INVITE, parse("ob", "ob:join:no"))
    cancelled = run(ONBOARDING, "topics", INVITE, Event("/cancel", source="command"))
    for step in (declined, cancelled):
        assert step.state == "closed"
        assert JoinProgram() not in step.effects
        assert keys(step) == ["onboarding-declined"]


def test_onboarding_marks_what_is_chosen_in_the_readers_language() -> None:
    from bot.config import Resource
    from bot.i18n import Catalog

    catalog = Catalog(["id", "en"], "id", "Sejawat",
                      {lang: [Resource(name="Darurat", contact="112")] for lang in ("id", "en")})
    step = run(ONBOARDING, "languages", {**INVITE, "name": "Rina", "languages": []},
               parse("ob", "ob:lang:id"))
    step = run(ONBOARDING, "topics", {**step.data, "topics": []}, parse("ob", "ob:topic:low_mood"))
    reply = next(e for e in step.effects if isinstance(e, Reply))
    labels = [catalog.render("en", b.label, b.params) for row in reply.buttons for b in row]
    assert "✓ Low mood" in labels
    text = catalog.render("en", reply.key, reply.params)
    assert "low_mood" not in text


@pytest.mark.parametrize(("value", "expected"), [
    ("42", 42), ("0", 0), ("2147483647", 2**31 - 1), ("2147483648", None),
    ("3000000000", None),  # (seen on PostgreSQL: out of int32 range, retried as an outage)
    ("99999999999999999999", None), ("²", None), ("٣", None), ("-1", None), ("", None),
    ("1e9", None), (" 1", None),
])
def test_ids_in_button_data_are_plain_digits_that_fit_a_column(
    value: str, expected: int | None
) -> None:
    from flows.buttons import ident

    assert ident(value) == expected
