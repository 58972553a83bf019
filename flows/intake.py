"""The student's intake conversation, declared as data (read it top to bottom).

welcome + boundaries -> consent -> language -> topic -> description -> feeling
[-> the ASQ screening questions, when the feeling is 1 or 2 or a concern showed: flows.screening]
-> anonymity -> summary (Confirm / Edit) -> queued. Back and /cancel work everywhere; /start
mid-way offers to continue or start over. Buttons carry ``in:<event>:<value>`` callback data
(a screening answer names its question: ``in:asq-thoughts:yes``, so an old question's button
never answers a later one).
"""

from __future__ import annotations

from collections.abc import Sequence

from flows import buttons, screening
from flows.journey import RISK
from flows.machine import Action, Context, Data, Event, Guard, Machine, On, Prompt, State, silent
from flows.types import (
    NO_SOS,
    SOS,
    AlertFriend,
    Button,
    CancelRequest,
    Effect,
    Keyboard,
    Reply,
    Screened,
    SetLanguage,
    SubmitRequest,
)

TOPICS = ("academic", "anxiety", "low_mood", "family", "bullying", "loneliness", "friend",
          "other")
URGENCY = ("now", "soon", "unsure")  # how urgent a worry about a friend feels
FEELINGS = ("1", "2", "3", "4", "5")
SCREEN_AT = 2  # a feeling this low (or a concern in what they wrote) asks the ASQ questions
ASQ = "asq"  # the answers so far, {question: answer}; ASQ_DONE once the screening ended
ASQ_DONE = "asq_done"
LANGUAGES = ("id", "en")
# the student's name must stay (a counselor knows them by it: an open case), set by the
# handler before each step (handlers.student): no other name is offered
NAME_FIXED = "name_fixed"
PREFIX = "in"


def button(label: str, event: str, value: str = "") -> Button:
    return buttons.button(PREFIX, label, event, value)


BACK = button("btn-back", "back")


def _queued_help(ctx: Context, data: Data, event: Event) -> tuple[Data, Sequence[Effect]]:
    """/help while waiting: how to withdraw, the 🆘 key (shown again), the numbers."""
    return data, (Reply("help-queued", keyboard=SOS),)


def parse_button(data: str) -> Event:
    """``in:topic:academic`` -> Event("topic", "academic"); anything else is a stale button."""
    return buttons.parse(PREFIX, data)


# ---- prompts: what the bot says on entering each state -------------------------------------


def _ask(key: str, keyboard: Keyboard, **params: str | int) -> Sequence[Effect]:
    return (Reply(key, params, keyboard),)


def _consent(ctx: Context, data: Data) -> Sequence[Effect]:
    return (Reply("intake-welcome"), *_consent_question(ctx, data))


def _consent_question(ctx: Context, data: Data) -> Sequence[Effect]:
    """The question alone: what a stray message gets (seen in the newcomer hour: the whole
    welcome, emergency numbers and all, again for every word typed)."""
    return _ask("intake-consent", ((button("btn-consent-yes", "consent", "yes"),),
                                   (button("btn-consent-friend", "consent", "friend"),),
                                   (button("btn-consent-no", "consent", "no"),)))


def _language(ctx: Context, data: Data) -> Sequence[Effect]:
    row = tuple(button(f"btn-lang-{code}", "lang", code) for code in LANGUAGES)
    return _ask("intake-language", (row, (BACK,)))


def _friend(ctx: Context, data: Data) -> Sequence[Effect]:
    """Help a friend: what to look for and say (and not promise), then talk to a supporter
    about them, alert a counselor, or that is all."""
    rows = tuple((button(f"btn-friend-{c}", "friend", c),) for c in ("talk", "alert", "done"))
    return (Reply("friend-guidance"), *_ask("friend-choose", (*rows, (BACK,))))


def _friend_what(ctx: Context, data: Data) -> Sequence[Effect]:
    return _ask("friend-what", ((BACK,),))


def _friend_class(ctx: Context, data: Data) -> Sequence[Effect]:
    return _ask("friend-class", ((button("btn-skip", "skip"),), (BACK,)))


def _friend_urgency(ctx: Context, data: Data) -> Sequence[Effect]:
    rows = tuple((button(f"btn-urgency-{u}", "urgency", u),) for u in URGENCY)
    return _ask("friend-urgency", (*rows, (BACK,)))


def _topic(ctx: Context, data: Data) -> Sequence[Effect]:
    rows = tuple((button(f"topic-{t}", "topic", t),) for t in TOPICS)
    return _ask("intake-topic", (*rows, (BACK,)))


def _description(ctx: Context, data: Data) -> Sequence[Effect]:
    if data.get("description"):  # back here, or editing: what they wrote, and keeping it is
        # one tap (a trial: going back and typing replaced it without a word)
        return _ask("intake-description-again",
                    ((button("btn-description-keep", "keep-description"),), (BACK,)),
                    description=str(data["description"]))
    return _ask(
        "intake-description",
        ((BACK,),),
        min=ctx.settings["description_min"],
        max=ctx.settings["description_max"],
    )


def _feeling(ctx: Context, data: Data) -> Sequence[Effect]:
    row = tuple(button(f"btn-feeling-{f}", "feeling", f) for f in FEELINGS)
    return _ask("intake-feeling", (row, (BACK,)))


def _asq(question: str, intro: bool = True) -> Prompt:
    """One screening question: Yes / No / I'd rather not say (the first comes with a word on
    why it is asked, unless ``intro`` is False: a reminder after a stray message)."""

    def prompt(ctx: Context, data: Data) -> Sequence[Effect]:
        rows = tuple((button(f"btn-asq-{a}", f"asq-{question}", a),) for a in screening.ANSWERS)
        first: tuple[Effect, ...] = ()
        if intro and question == screening.QUESTIONS[0]:
            first = (Reply("asq-intro"),)
        return (*first, *_ask(f"asq-{question}", (*rows, (BACK,))))

    return prompt


def _anonymity(ctx: Context, data: Data) -> Sequence[Effect]:
    if data.get(NAME_FIXED):  # said up front, not after they chose another (a trial)
        return _ask("intake-anonymity-kept",
                    ((button("btn-name-keep", "name", "keep"),), (BACK,)),
                    pseudonym=data["pseudonym"])
    return _ask(
        "intake-anonymity",
        ((button("btn-name-keep", "name", "keep"),),
         (button("btn-name-another", "name", "another"),),
         (BACK,)),
        pseudonym=data["pseudonym"],
    )


def _summary(ctx: Context, data: Data) -> Sequence[Effect]:
    return _ask(
        "intake-summary",
        ((button("btn-confirm", "confirm"),),
         (button("btn-edit", "edit"),),
         (BACK,)),
        topic_key=f"topic-{data['topic']}",
        description=data["description"],
        feeling=data["feeling"],
        pseudonym=data["pseudonym"],
    )


def _edit_menu(ctx: Context, data: Data) -> Sequence[Effect]:
    fields = ("topic", "description", "feeling") + (() if data.get(NAME_FIXED) else ("name",))
    rows = tuple((button(f"btn-edit-{f}", "edit-field", f),) for f in fields)
    return _ask("intake-edit", (*rows, (button("btn-back", "back"),)))


# ---- actions: how data changes ---------------------------------------------------------------


def _set(field: str) -> Action:
    def action(ctx: Context, data: Data, event: Event) -> tuple[Data, Sequence[Effect]]:
        value: str | int = event.value
        if field == "feeling":
            value = int(event.value)
        if field == "description":
            value = event.value.strip()
        return {**data, field: value}, ()

    return action


def _set_language(ctx: Context, data: Data, event: Event) -> tuple[Data, Sequence[Effect]]:
    return {**data, "lang": event.value}, (SetLanguage(event.value),)


def _new_name(ctx: Context, data: Data, event: Event) -> tuple[Data, Sequence[Effect]]:
    return {**data, "pseudonym": ctx.new_pseudonym()}, ()


def _unchanged(ctx: Context, data: Data, event: Event) -> tuple[Data, Sequence[Effect]]:
    return data, ()


def _start_editing(ctx: Context, data: Data, event: Event) -> tuple[Data, Sequence[Effect]]:
    return {**data, "editing": True}, ()


def _for_friend(ctx: Context, data: Data, event: Event) -> tuple[Data, Sequence[Effect]]:
    return {**data, "for": "friend", "topic": "friend"}, ()


def _alert_friend(ctx: Context, data: Data, event: Event) -> tuple[Data, Sequence[Effect]]:
    """The worry about a friend goes to a counselor (handlers.escalations.about_a_friend)."""
    return data, (AlertFriend(str(data.get("friend_what", "")),
                              str(data.get("friend_class", "")), event.value),)


def _submit(ctx: Context, data: Data, event: Event) -> tuple[Data, Sequence[Effect]]:
    return {**data, "editing": False}, (Reply("intake-queued", keyboard=SOS), SubmitRequest())


def _offer_restart(ctx: Context, data: Data, event: Event) -> tuple[Data, Sequence[Effect]]:
    keyboard = ((button("btn-continue", "resume"),), (button("btn-start-over", "restart"),))
    return data, (Reply("intake-restart-offer", {}, keyboard),)


def _restart(ctx: Context, data: Data, event: Event) -> tuple[Data, Sequence[Effect]]:
    # starting over keeps the name (counselors may already know the student by it)
    kept = {"lang": data.get("lang", ctx.language),
            "pseudonym": data.get("pseudonym") or ctx.new_pseudonym()}
    if RISK in data:
        kept[RISK] = data[RISK]  # risk is sticky: starting over does not forget it
    return kept, ()


def _length_hint(key: str) -> Action:
    """The description was too short or too long: say so with the limits filled in."""

    def action(ctx: Context, data: Data, event: Event) -> tuple[Data, Sequence[Effect]]:
        limits = {"min": ctx.settings["description_min"], "max": ctx.settings["description_max"]}
        return data, (Reply(key, limits),)

    return action


def _keep_first_part(ctx: Context, data: Data, event: Event) -> tuple[Data, Sequence[Effect]]:
    """Longer than the limit: seen (newcomer hour), a student's long message was refused and
    they had to write it again, shorter. The request keeps the first part (cut between words)
    and they are told the rest can go to their supporter in the chat; nothing is asked again."""
    most = ctx.settings["description_max"]
    text = event.value.strip()
    cut = text[:most]
    if len(text) > most and not text[most].isspace() and " " in cut[most // 2:]:
        cut = cut[:cut.rindex(" ")]  # between words, unless that loses more than half
    # "…": the supporter sees it was cut (seen: it ended mid-phrase with no sign of it)
    return {**data, "description": cut.rstrip() + ("…" if len(text) > most else "")}, (
        Reply("intake-description-kept-part", {"max": most}),)


def _confirm_withdraw(ctx: Context, data: Data,
                      event: Event) -> tuple[Data, Sequence[Effect]]:
    """/cancel of a request sent asks first, as /end does (a trial: a student who had waited
    long lost their place to one /cancel): *Yes, cancel it* (``in:withdraw:``) or *No, keep
    waiting* (``in:keep:``)."""
    row = (button("btn-withdraw-yes", "withdraw"), button("btn-withdraw-no", "keep"))
    return data, (Reply("intake-withdraw-confirm", {}, (row,)),)


def _withdraw(ctx: Context, data: Data, event: Event) -> tuple[Data, Sequence[Effect]]:
    return data, (Reply("intake-request-withdrawn", keyboard=NO_SOS), CancelRequest())


def _answer(question: str) -> Action:
    """A screening answer: kept with the others, and handed to the escalation handler at once
    (a yes opens a case right away, whatever the student does next)."""

    def action(ctx: Context, data: Data, event: Event) -> tuple[Data, Sequence[Effect]]:
        before = data.get(ASQ, {})
        # a yes stays a yes (a trial: Yes, then Back, then "rather not say" lost the yes, the
        # acuity question was never asked, and the counselor paged at the yes never heard
        # the rest); the new answer is still handed on
        kept = "yes" if before.get(question) == "yes" else event.value
        answers = {**before, question: kept}
        done = question == screening.ACUITY or (
            question == screening.QUESTIONS[-1] and not screening.any_yes(answers))
        new = {**data, ASQ: answers, ASQ_DONE: done or bool(data.get(ASQ_DONE))}
        return new, (Screened(question, event.value, screening.encode(answers), done),)

    return action


def _late_yes(question: str) -> Action:
    """A *Yes* tapped on an earlier screening question of this intake, after it moved on (a
    trial: "ga tau" typed to the first question, then its Yes tapped): kept with the other
    answers and handed to the escalation handler like any yes (a case with every answer so
    far), so the acuity question follows it (``_late_acuity``), asked now if the screening
    had ended without it."""

    def action(ctx: Context, data: Data, event: Event) -> tuple[Data, Sequence[Effect]]:
        answers = {**data.get(ASQ, {}), question: "yes"}
        done = question == screening.ACUITY and bool(data.get(ASQ_DONE))
        return {**data, ASQ: answers}, (
            Screened(question, "yes", screening.encode(answers), done),)

    return action


# ---- guards: named predicates ----------------------------------------------------------------


def _editing(ctx: Context, data: Data, event: Event) -> bool:
    return bool(data.get("editing"))


def _too_short(ctx: Context, data: Data, event: Event) -> bool:
    return len(event.value.strip()) < ctx.settings["description_min"]


def _no_words(ctx: Context, data: Data, event: Event) -> bool:
    """Not a letter in it (only emoji, signs or digits): however long, it says nothing a
    supporter can read (a trial: 22 × 😭 was taken as the description)."""
    return not any(ch.isalpha() for ch in event.value)


def _too_long(ctx: Context, data: Data, event: Event) -> bool:
    return len(event.value.strip()) > ctx.settings["description_max"]


def _screen(ctx: Context, data: Data, event: Event) -> bool:
    """The screening questions come next: a low feeling or a concern, not screened yet."""
    low = event.value in FEELINGS and int(event.value) <= SCREEN_AT
    return (low or int(data.get(RISK, 0)) >= 1) and not data.get(ASQ_DONE)


def _yes_so_far(ctx: Context, data: Data, event: Event) -> bool:
    """With this answer, a yes to one of questions 1-4: the acuity question comes next."""
    question = event.name.removeprefix("asq-")
    return screening.any_yes({**data.get(ASQ, {}), question: event.value})


def _late(ctx: Context, data: Data, event: Event) -> bool:
    """A *Yes* to a screening question of this intake, its screening begun, pressed in
    another state (the question's own state takes its answers first)."""
    return event.value == "yes" and ASQ in data


def _late_acuity(ctx: Context, data: Data, event: Event) -> bool:
    """With that late yes, the acuity question is due and nothing will ask it: the screening
    ended without a yes (the intake moved on to the name, the summary or an edit)."""
    return _late(ctx, data, event) and bool(data.get(ASQ_DONE)) and \
        screening.ACUITY not in data.get(ASQ, {})


def _is(choices: tuple[str, ...]) -> Guard:
    return lambda ctx, data, event: event.value in choices


def _value(expected: str) -> Guard:
    return lambda ctx, data, event: event.value == expected


# ---- the machine -----------------------------------------------------------------------------


def _field(event: str, next_state: str, action: Action, guard: str) -> tuple[On, On]:
    """A field answer: back to the summary when editing, else on to ``next_state``."""
    both = f"{guard}&editing"
    return (
        On(event, to="summary", guard=both, do=action),
        On(event, to=next_state, guard=guard, do=action),
    )


def _and(a: str, b: str) -> Guard:
    return lambda ctx, data, event: GUARDS[a](ctx, data, event) and GUARDS[b](ctx, data, event)


GUARDS: dict[str, Guard] = {
    "editing": _editing,
    "too-short": _too_short,
    "no-words": _no_words,
    "too-long": _too_long,
    "yes": _value("yes"),
    "no": _value("no"),
    "known-language": _is(LANGUAGES),
    "known-topic": _is(TOPICS),
    "known-feeling": _is(FEELINGS),
    "keep": _value("keep"),
    "another": _value("another"),
    "field-topic": _value("topic"),
    "field-description": _value("description"),
    "field-feeling": _value("feeling"),
    "field-name": _value("name"),
    "has-description": lambda ctx, data, event: bool(data.get("description")),
    "length-ok": lambda ctx, data, event: not _too_short(ctx, data, event)
    and not _too_long(ctx, data, event) and not _no_words(ctx, data, event),
    "screen": _screen,
    "known-answer": _is(screening.KEPT),
    "yes-so-far": _yes_so_far,
    "friend": _value("friend"),
    "for-friend": lambda ctx, data, event: data.get("for") == "friend",
    "talk": _value("talk"),
    "alert": _value("alert"),
    "done": _value("done"),
    "known-urgency": _is(URGENCY),
    "said-something": lambda ctx, data, event: bool(event.value.strip()),
    "late-yes": _late,
    "late-yes-acuity-due": _late_acuity,
}
GUARDS["known-language&for-friend"] = _and("known-language", "for-friend")
for _g in ("known-topic", "has-description", "length-ok", "too-long", "known-feeling", "keep",
           "known-answer"):
    GUARDS[f"{_g}&editing"] = _and(_g, "editing")
GUARDS["known-feeling&screen"] = _and("known-feeling", "screen")
GUARDS["known-answer&yes-so-far"] = _and("known-answer", "yes-so-far")
GUARDS["name-fixed"] = lambda ctx, data, event: bool(data.get(NAME_FIXED))
GUARDS["another&name-fixed"] = _and("another", "name-fixed")


def _asq_states() -> dict[str, State]:
    """The screening questions, one state each, then the acuity question after any yes; the
    last answer leads on to the name (or back to the summary when editing)."""
    states: dict[str, State] = {}
    questions = screening.QUESTIONS
    for index, question in enumerate(questions):
        name = f"asq-{question}"
        back = "feeling" if index == 0 else f"asq-{questions[index - 1]}"
        if index < len(questions) - 1:
            on: tuple[On, ...] = (On(name, to=f"asq-{questions[index + 1]}",
                                     guard="known-answer", do=_answer(question)),)
        else:
            on = (On(name, to="asq-now", guard="known-answer&yes-so-far", do=_answer(question)),
                  *_field(name, "anonymity", _answer(question), "known-answer"))
        states[name] = State(name, _asq(question), back=back, on=on,
                             reminder=_asq(question, intro=False))
    last = f"asq-{questions[-1]}"
    states["asq-now"] = State("asq-now", _asq(screening.ACUITY), back=last, on=(
        *_field("asq-now", "anonymity", _answer(screening.ACUITY), "known-answer"),
    ))
    return states


INTAKE = Machine(
    name="intake",
    initial="consent",
    guards=GUARDS,
    states={
        "consent": State("consent", _consent, reminder=_consent_question, on=(
            On("consent", to="language", guard="yes"),
            On("consent", to="language", guard="friend", do=_for_friend),
            On("consent", to="closed", guard="no", reply="intake-declined"),
        )),
        "language": State("language", _language, back="consent", on=(
            On("lang", to="friend", guard="known-language&for-friend", do=_set_language),
            On("lang", to="topic", guard="known-language", do=_set_language),
        )),
        # help a friend: guidance, then a supporter (a request about them), a counselor, or done
        "friend": State("friend", _friend, back="language", on=(
            On("friend", to="description", guard="talk"),
            On("friend", to="friend_what", guard="alert"),
            On("friend", to="closed", guard="done", reply="friend-take-care"),
        )),
        "friend_what": State("friend_what", _friend_what, back="friend", expects_text=True, on=(
            On("text", to="friend_class", guard="said-something", do=_set("friend_what")),
        )),
        "friend_class": State("friend_class", _friend_class, back="friend_what",
                              expects_text=True, on=(
            On("text", to="friend_urgency", do=_set("friend_class")),
            On("skip", to="friend_urgency"),
        )),
        "friend_urgency": State("friend_urgency", _friend_urgency, back="friend_class", on=(
            On("urgency", to="closed", guard="known-urgency", do=_alert_friend),
        )),
        "topic": State("topic", _topic, back="language", on=(
            *_field("topic", "description", _set("topic"), "known-topic"),
        )),
        "description": State("description", _description, back="topic", expects_text=True, on=(
            On("text", guard="no-words", do=_length_hint("intake-description-no-words"),
               reprompt=True),  # (before the lengths: emoji only, however many)
            On("text", guard="too-short", do=_length_hint("intake-description-too-short"),
               reprompt=True),
            *_field("text", "feeling", _keep_first_part, "too-long"),
            *_field("text", "feeling", _set("description"), "length-ok"),
            *_field("keep-description", "feeling", _unchanged, "has-description"),
        )),
        "feeling": State("feeling", _feeling, back="description", on=(
            On("feeling", to=f"asq-{screening.QUESTIONS[0]}", guard="known-feeling&screen",
               do=_set("feeling")),
            *_field("feeling", "anonymity", _set("feeling"), "known-feeling"),
        )),
        **_asq_states(),
        "anonymity": State("anonymity", _anonymity, back="feeling", on=(
            On("name", to="summary", guard="keep"),
            On("name", guard="another&name-fixed", reprompt=True),  # (an older button)
            On("name", guard="another", do=_new_name, reprompt=True),
        )),
        "summary": State("summary", _summary, back="anonymity", on=(
            On("confirm", to="queued", do=_submit),
            On("edit", to="edit_menu", do=_start_editing),
        )),
        "edit_menu": State("edit_menu", _edit_menu, back="summary", on=(
            On("edit-field", to="topic", guard="field-topic"),
            On("edit-field", to="description", guard="field-description"),
            On("edit-field", to="feeling", guard="field-feeling"),
            On("edit-field", to="anonymity", guard="field-name"),
        )),
        "queued": State("queued", silent, final=True, on=(
            On("/start", reply="intake-already-queued"),
            On("/cancel", do=_confirm_withdraw),
            On("withdraw", to="closed", do=_withdraw),
            On("keep", reply="intake-withdraw-kept"),
            On("/help", do=_queued_help),
            On("text", reply="intake-queued-waiting"),
        )),
        "closed": State("closed", silent, final=True),
    },
    everywhere=(
        # a Yes to an earlier screening question, tapped later: every yes is taken
        *(On(f"asq-{question}", to="asq-now", guard="late-yes-acuity-due",
             do=_late_yes(question)) for question in screening.QUESTIONS),
        *(On(f"asq-{question}", guard="late-yes", do=_late_yes(question), reprompt=True)
          for question in screening.ALL),
        On("/help", reply="help-intake", reprompt=True),  # and where they are
        On("/cancel", to="closed", reply="intake-cancelled"),
        On("/start", do=_offer_restart),
        On("resume", reprompt=True),
        On("restart", to="consent", do=_restart),
    ),
    rejections={
        "text-not-expected": "intake-use-buttons",
        "media": "error-media",
        "media-not-expected": "intake-use-buttons",
        "unknown-command": "error-unknown-command",
        "button": "error-stale-button",
        "*": "error-does-not-fit",
    },
)
