# Sejawat — English catalog. Every key here must also exist in locales/id/sejawat.ftl.
# Plain text only (no HTML/Markdown): students' own words are inserted verbatim.

## Commands menu
cmd-start = Start or continue asking for support
cmd-help = What this bot does and how to use it
cmd-cancel = Stop what you are doing now
cmd-back = Go back one step

## Buttons
btn-back = ◀ Back
btn-continue = Continue where I was
btn-start-over = Start over
btn-consent-yes = I understand, continue
btn-consent-no = No, thank you
btn-lang-id = Bahasa Indonesia
btn-lang-en = English
btn-feeling-1 = 1 😣
btn-feeling-2 = 2 🙁
btn-feeling-3 = 3 😐
btn-feeling-4 = 4 🙂
btn-feeling-5 = 5 😊
btn-name-keep = Use this name
btn-name-another = Give me another name
btn-confirm = ✅ Send my request
btn-edit = ✏️ Change something
btn-edit-topic = Topic
btn-edit-description = What is going on
btn-edit-feeling = How I feel
btn-edit-name = My name in the chat

## Topics
topic-academic = Academic stress
topic-anxiety = Anxiety and worry
topic-low_mood = Low mood
topic-family = Family or relationships
topic-bullying = Bullying
topic-loneliness = Loneliness
topic-other = Something else

## Intake
intake-welcome =
    Hi, welcome to { $program } 👋

    Here you can talk with a trained peer supporter: a fellow student who listens, without judging. Your supporter will not see your name or your Telegram account.

    Please know what this is and what it is not:
    • It is peer support, not therapy or counseling.
    • It is not an emergency service. If you are in danger or might hurt yourself, contact now:
    { $resources }
intake-consent = Do you understand and want to continue?
intake-declined =
    That's completely okay. You can come back any time by sending /start.

    If you ever need help right away:
    { $resources }
intake-language = Which language would you like to use?
intake-topic = What would you like to talk about?
intake-description =
    In a few sentences, tell us what is going on. Only your supporter will read it.
    (At least { $min } and at most { $max } characters.)
intake-description-too-short = That is a bit short. Could you write a little more, at least { $min } characters? It helps your supporter understand.
intake-description-too-long = That is longer than { $max } characters. Please shorten it a little; you can tell your supporter more once you are chatting.
intake-feeling = How are you feeling right now, from 1 (very bad) to 5 (good)?
intake-anonymity =
    Your supporter will see you only as “{ $pseudonym }”. They will not see your name, username or Telegram account.
    Is this name okay?
intake-summary =
    Here is your request:

    Topic: { $topic }
    How you feel: { $feeling } of 5
    Your name in the chat: { $pseudonym }
    What is going on:
    { $description }

    Send it?
intake-edit = What would you like to change?
intake-queued =
    Your request has been sent. 💛

    What happens next: the next available peer supporter will receive it and start a chat with you here, in this chat. You will get a message when they join. You can send /cancel to withdraw your request.

    If things get worse while you wait, please contact:
    { $resources }
intake-already-queued = Your request is already waiting for a supporter. You will get a message here when someone joins. Send /cancel if you want to withdraw it.
intake-request-withdrawn = Your request has been withdrawn. Take care, and send /start whenever you want to talk.
intake-queued-waiting =
    Your request is still waiting for a supporter; nobody is reading messages in this chat yet. You will get a message when someone joins.

    If you need help right now:
    { $resources }
intake-cancelled = Okay, stopped. Nothing was sent to anyone. Send /start whenever you want to begin again.
intake-restart-offer = You already started a request. Continue where you were, or start over?
intake-use-buttons = Please choose one of the buttons below.

## Help
help-intake =
    { $program } connects you with a trained peer supporter, anonymously.
    • /start — ask for support
    • /back — go back one step
    • /cancel — stop and send nothing
    This is not an emergency service. If you are in danger:
    { $resources }
help-general =
    { $program } connects students with trained peer supporters, anonymously. Send /start to begin.
    If you are in danger:
    { $resources }

## Errors and bad input
error-media = Sorry, I can only read text messages here. Please write what you want to say.
error-unknown-command = I don't know that command. Send /help to see what you can do.
error-stale-button = That button is no longer active. Here is where we are now:
error-does-not-fit = That doesn't fit here. Here is where we are now:
error-generic = Sorry, something went wrong on our side while handling your last message. Please try again in a moment. If you need help right now: { $resources }
error-too-long = That message is too long for me (more than { $max } characters). Please send it in shorter parts.
private-only = I only work in private chats. Please message me directly to ask for support.

## Resources
resources-line = • { $name }: { $contact }
resources-line-note = • { $name }: { $contact } ({ $note })
nothing-to-cancel = There is nothing to cancel right now. Send /start whenever you want to ask for support.
