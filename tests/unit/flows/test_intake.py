"""The intake machine: every transition, every rejected input, rendered in both languages."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.config import Resource
from bot.i18n import Catalog
from flows.intake import INTAKE, TOPICS, parse_button
from flows.machine import Context, Data, Event, Step
from flows.types import SOS, CancelRequest, Reply, SetLanguage, SubmitRequest

LANGS = ["id", "en"]


def ctx(language: str = "id") -> Context:
    names = iter(f"Awan-{n}" for n in range(100, 999))
    return Context(language=language, now=datetime(2026, 11, 22, tzinfo=UTC),
                   settings={"description_min": 20, "description_max": 300},
                   new_pseudonym=lambda: next(names))


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    resources = {lang: [Resource(name="Darurat", contact="112")] for lang in LANGS}
    return Catalog(LANGS, "id", "Sejawat", resources)


def keys(step: Step) -> list[str]:
    return [e.key for e in step.effects if isinstance(e, Reply)]


def buttons(step: Step) -> list[str]:
    return [b.data for e in step.effects if isinstance(e, Reply) for row in e.buttons for b in row]


def press(state: str, data: Data, callback: str, c: Context | None = None) -> Step:
    return INTAKE.step(state, data, parse_button(callback), c or ctx())


def say(state: str, data: Data, text: str, c: Context | None = None) -> Step:
    return INTAKE.step(state, data, Event("text", text, source="text"), c or ctx())


DESCRIPTION = "Aku stres banget sama ujian minggu depan dan susah tidur."
FULL: Data = {"lang": "id", "pseudonym": "Awan-1", "topic": "academic",
              "description": DESCRIPTION, "feeling": 2}


def test_start_shows_welcome_with_resources_then_consent(catalog: Catalog) -> None:
    step = INTAKE.enter(ctx(), {"lang": "id", "pseudonym": "Awan-1"})
    assert step.state == "consent"
    assert keys(step) == ["intake-welcome", "intake-consent"]
    assert buttons(step) == ["in:consent:yes", "in:consent:friend", "in:consent:no"]
    for lang in LANGS:
        welcome = catalog.render(lang, "intake-welcome")
        assert "112" in welcome
        assert "Sejawat" in welcome


def test_happy_path_reaches_queued_with_a_submit() -> None:
    data: Data = {"lang": "id", "pseudonym": "Awan-1"}
    step = press("consent", data, "in:consent:yes")
    assert (step.state, keys(step)) == ("language", ["intake-language"])
    step = press(step.state, step.data, "in:lang:en")
    assert step.state == "topic"
    assert SetLanguage("en") in step.effects
    assert step.data["lang"] == "en"
    assert buttons(step)[:len(TOPICS)] == [f"in:topic:{t}" for t in TOPICS]
    step = press(step.state, step.data, "in:topic:bullying")
    assert (step.state, step.data["topic"]) == ("description", "bullying")
    step = say(step.state, step.data, "  " + DESCRIPTION + "  ")
    assert (step.state, step.data["description"]) == ("feeling", DESCRIPTION)
    step = press(step.state, step.data, "in:feeling:4")
    assert (step.state, step.data["feeling"]) == ("anonymity", 4)
    step = press(step.state, step.data, "in:name:keep")
    assert step.state == "summary"
    assert keys(step) == ["intake-summary"]
    step = press(step.state, step.data, "in:confirm:")
    assert step.state == "queued"
    assert SubmitRequest() in step.effects
    assert "intake-queued" in keys(step)


def test_declining_consent_ends_politely() -> None:
    step = press("consent", {"lang": "id"}, "in:consent:no")
    assert (step.state, keys(step)) == ("closed", ["intake-declined"])


@pytest.mark.parametrize(("text", "key"), [
    ("pendek", "intake-description-too-short"),
    ("   " + "a" * 5 + "   ", "intake-description-too-short"),
    ("😭" * 22, "intake-description-no-words"),  # long enough, not a word in it
    ("😭 " * 200, "intake-description-no-words"),  # not cut and kept either
])
def test_description_length_is_validated(text: str, key: str) -> None:
    data: Data = {"lang": "id", "pseudonym": "A", "topic": "other"}
    step = say("description", data, text)
    assert step.state == "description"
    assert step.data == data
    assert keys(step) == [key, "intake-description"]


def test_a_long_description_keeps_the_first_part_between_words_and_moves_on() -> None:
    """Seen (newcomer hour): a student's long message was refused; they had to write it all
    again, shorter."""
    data: Data = {"lang": "id", "pseudonym": "A", "topic": "other"}
    text = "aku capek banget " * 30  # 510 characters; the limit here is 300
    step = say("description", data, text)
    assert step.state == "feeling"
    assert keys(step) == ["intake-description-kept-part", "intake-feeling"]
    assert step.data["description"].endswith("…"), "the supporter sees it was cut"
    kept = step.data["description"].removesuffix("…")
    assert 280 < len(kept) <= 300
    assert text.startswith(kept)
    assert kept.endswith(("aku", "capek", "banget")), "cut between words"
    edited = say("description", {**FULL, "editing": True}, "z" * 400)  # one long word
    assert (edited.state, edited.data["description"]) == ("summary", "z" * 300 + "…")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("text", ["pendek", " " * 40, "a" * 19])
def test_a_rejected_description_renders_with_its_limits(
    catalog: Catalog, lang: str, text: str
) -> None:
    """Regression: the hint was rendered without min/max and crashed the handler."""
    data: Data = {"lang": lang, "pseudonym": "A", "topic": "other"}
    step = say("description", data, text, ctx(lang))
    rendered = [catalog.render(lang, e.key, e.params) for e in step.effects
                if isinstance(e, Reply)]
    assert any("20" in r or "300" in r for r in rendered[:1])


@pytest.mark.parametrize(("state", "previous"), [
    ("language", "consent"), ("topic", "language"), ("description", "topic"),
    ("feeling", "description"), ("anonymity", "feeling"), ("summary", "anonymity"),
    ("edit_menu", "summary"),
])
def test_back_goes_one_step_back(state: str, previous: str) -> None:
    step = INTAKE.step(state, FULL, Event("back", source="button"), ctx())
    assert step.state == previous
    assert step.data == FULL


@pytest.mark.parametrize("state", ["consent", "language", "topic", "feeling", "anonymity",
                                   "summary", "edit_menu"])
def test_text_where_a_button_is_expected_changes_nothing(state: str) -> None:
    step = say(state, FULL, "halo?")
    assert (step.state, step.data, step.changed) == (state, FULL, False)
    assert keys(step)[0] == "intake-use-buttons"
    assert len(keys(step)) >= 2  # the question is asked again, with its buttons


@pytest.mark.parametrize("state", ["consent", "topic", "description", "summary"])
@pytest.mark.parametrize(("event", "key"), [
    (Event("unknown-command", "foo", source="command"), "error-unknown-command"),
    (Event("stale-button", source="button"), "error-stale-button"),
    (Event("feeling", "9", source="button"), "error-stale-button"),
    (Event("topic", "astrology", source="button"), "error-stale-button"),
])
def test_bad_input_gets_a_clear_reply_and_changes_nothing(
    state: str, event: Event, key: str
) -> None:
    step = INTAKE.step(state, FULL, event, ctx())
    assert (step.state, step.data, step.changed) == (state, FULL, False)
    assert keys(step)[0] == key


@pytest.mark.parametrize(("state", "key"), [
    ("consent", "intake-use-buttons"), ("topic", "intake-use-buttons"),
    ("summary", "intake-use-buttons"), ("description", "error-media"),
])
def test_media_is_pointed_to_the_buttons_or_asked_for_words(state: str, key: str) -> None:
    """A sticker at a question with buttons is pointed to them (a trial: it was told "please
    write what you want to say"); where words are asked for, it is asked for words."""
    step = INTAKE.step(state, FULL, Event("media", "sticker", source="media"), ctx())
    assert (step.state, step.data, step.changed) == (state, FULL, False)
    assert keys(step)[0] == key


@pytest.mark.parametrize("state", ["consent", "language", "topic", "description", "summary"])
def test_cancel_and_help_work_everywhere(state: str) -> None:
    cancelled = INTAKE.step(state, FULL, Event("/cancel", source="command"), ctx())
    assert (cancelled.state, keys(cancelled)) == ("closed", ["intake-cancelled"])
    helped = INTAKE.step(state, FULL, Event("/help", source="command"), ctx())
    # the help, then the step they are at again (seen in the newcomer hour: help, and then
    # nothing to tap); at the consent step the question alone, not the welcome again
    assert helped.state == state
    assert keys(helped)[0] == "help-intake"
    assert keys(helped)[1] == ("intake-consent" if state == "consent" else
                               "intake-summary" if state == "summary" else
                               # a description already written is shown to keep or replace
                               "intake-description-again" if state == "description" else
                               f"intake-{state}")
    assert "intake-welcome" not in keys(helped)


def test_help_while_waiting_says_how_to_withdraw_and_shows_the_counselor_key() -> None:
    # seen in a newcomer hour: /help in the queue listed /start and /back, not 🆘
    helped = INTAKE.step("queued", FULL, Event("/help", source="command"), ctx())
    assert helped.state == "queued"
    [reply] = helped.effects
    assert isinstance(reply, Reply)
    assert (reply.key, reply.keyboard) == ("help-queued", SOS)


def test_second_start_offers_to_continue_or_start_over() -> None:
    offer = INTAKE.step("feeling", FULL, Event("/start", source="command"), ctx())
    assert offer.state == "feeling"
    assert keys(offer) == ["intake-restart-offer"]
    assert buttons(offer) == ["in:resume:", "in:restart:"]
    resumed = press("feeling", FULL, "in:resume:")
    assert resumed.state == "feeling"
    assert keys(resumed) == ["intake-feeling"]
    restarted = press("feeling", FULL, "in:restart:")
    assert restarted.state == "consent"
    assert "topic" not in restarted.data
    assert restarted.data["lang"] == "id"


def test_edit_returns_to_the_summary_after_one_field() -> None:
    step = press("summary", FULL, "in:edit:")
    assert step.state == "edit_menu"
    step = press(step.state, step.data, "in:edit-field:topic")
    assert step.state == "topic"
    step = press(step.state, step.data, "in:topic:family")
    assert (step.state, step.data["topic"]) == ("summary", "family")
    step = press("summary", {**FULL}, "in:edit:")
    step = press(step.state, step.data, "in:edit-field:description")
    step = say(step.state, step.data, "Sebenarnya ini soal orang tuaku yang sering bertengkar.")
    assert step.state == "summary"


def test_another_name_rerolls_the_pseudonym() -> None:
    step = press("anonymity", FULL, "in:name:another")
    assert step.state == "anonymity"
    assert step.data["pseudonym"] != FULL["pseudonym"]
    assert keys(step) == ["intake-anonymity"]


def test_queued_state_explains_waiting_and_can_withdraw() -> None:
    waiting = say("queued", FULL, "halo, ada orang?")
    assert (waiting.state, keys(waiting)) == ("queued", ["intake-queued-waiting"])
    again = INTAKE.step("queued", FULL, Event("/start", source="command"), ctx())
    assert keys(again) == ["intake-already-queued"]
    asked = INTAKE.step("queued", FULL, Event("/cancel", source="command"), ctx())
    assert (asked.state, keys(asked)) == ("queued", ["intake-withdraw-confirm"])
    assert CancelRequest() not in asked.effects, "asked first"
    kept = press("queued", FULL, "in:keep:")
    assert (kept.state, keys(kept)) == ("queued", ["intake-withdraw-kept"])
    withdrawn = press("queued", FULL, "in:withdraw:")
    assert withdrawn.state == "closed"
    assert CancelRequest() in withdrawn.effects
    stale = press("queued", FULL, "in:restart:")
    assert stale.state == "queued"
    assert not stale.changed


def test_every_message_and_button_of_every_state_renders_in_both_languages(
    catalog: Catalog,
) -> None:
    data: Data = {**FULL}
    for state in INTAKE.states.values():
        for effect in state.prompt(ctx(), data):
            assert isinstance(effect, Reply)
            for lang in LANGS:
                assert catalog.render(lang, effect.key, effect.params)
                for row in effect.buttons:
                    for button in row:
                        assert catalog.render(lang, button.label, button.params)
                        assert len(button.data.encode()) <= 64
    summary = catalog.render("en", "intake-summary", {"topic_key": "topic-academic",
                                                      "feeling": 2, "pseudonym": "Awan-1",
                                                      "description": DESCRIPTION})
    assert "Academic stress" in summary
    assert DESCRIPTION in summary
    assert "Tekanan sekolah" in catalog.render("id", "intake-summary", {
        "topic_key": "topic-academic", "feeling": 2, "pseudonym": "A", "description": "d"})


def test_rejection_and_reply_keys_exist_in_both_languages(catalog: Catalog) -> None:
    used = set(INTAKE.rejections.values())
    for state in INTAKE.states.values():
        used |= {on.reply for on in state.on if on.reply}
    used |= {on.reply for on in INTAKE.everywhere if on.reply}
    for key in used:
        for lang in LANGS:
            assert catalog.render(lang, key, {"max": 4096, "min": 20})


@pytest.mark.parametrize(("state", "again", "not_again"), [
    ("consent", "intake-consent", "intake-welcome"),
    ("asq-wish-dead", "asq-wish-dead", "asq-intro"),
])
def test_a_stray_message_gets_the_question_again_not_the_whole_welcome(
    state: str, again: str, not_again: str,
) -> None:
    """Seen (newcomer hour): every stray word at the consent step re-sent the whole welcome
    with the emergency numbers; at the first screening question, its introduction."""
    data: Data = {"lang": "id", "pseudonym": "Awan-100"}
    step = INTAKE.step(state, data, Event("text", "halo?", source="text"), ctx())
    assert not step.changed
    assert keys(step) == ["intake-use-buttons", again]
    assert not_again not in keys(step)
    assert buttons(step)  # the buttons are right there again
