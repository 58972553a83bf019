# Sejawat — English catalog. Every key here must also exist in locales/id/sejawat.ftl.
# Plain text only (no HTML/Markdown): students' own words are inserted verbatim.

## Students: command menu (Telegram's "/" list; short: one line each)
cmd-start = Ask for support, or continue where you were
cmd-help = What this bot does and how to use it
cmd-cancel = Stop what you're doing
cmd-back = Go back one step
cmd-forgetme = Delete what you told us
cmd-friend = Worried about a friend? What to do, and who can help
cmd-selfhelp = Breathing, grounding and tips, on your own

## Everyone: languages and topics (the student's buttons, and labels on the team's cards)
btn-lang-id = Bahasa Indonesia
btn-lang-en = English
topic-academic = Academic stress
topic-anxiety = Anxiety and worry
topic-low_mood = Low mood
topic-family = Family or relationships
topic-bullying = Bullying
topic-loneliness = Loneliness
topic-friend = Worried about a friend
topic-other = Something else
topic-crisis = A crisis (no request made)

## Everyone: roles
role-supporter = peer supporter
role-counselor = counselor
role-coordinator = coordinator

## Everyone: errors and input that does not fit (students and the team both read these)
intake-use-buttons = Please choose one of the buttons below.
error-media = Sorry, we can only read text messages here. Please write what you want to say.
error-unknown-command = That command doesn't work here. Send /help to see the ones you can use.
error-stale-button = That button isn't active anymore, so nothing has changed. Just carry on from the latest message.
error-does-not-fit = That doesn't fit this step. Let's pick up where we left off:
error-generic =
    Sorry, something went wrong on our side with your last message. Please wait a moment, then send it again. If you need help right now:
    { $resources }
error-too-long = That message is too long (more than { $max } characters). Could you split it into shorter messages?
private-only = This bot only works in private chats. Message it directly to ask for support.
relay-media-unsupported = Only text is passed on here, not photos, voice messages, stickers or files, to protect everyone's privacy. Please write your message as text.
relay-media-caption-passed = Your words were passed on. 💬 The photo, voice message or file itself isn't, to protect everyone's privacy.
relay-media-caption-passed-team = The text was passed on to the student; the photo, voice message or file itself was not, to protect privacy.

## Everyone: the emergency numbers, one line each
resources-line = • { $name }: { $contact }
resources-line-note = • { $name }: { $contact } ({ $note })

## Students: buttons while making a request
btn-back = ◀ Back
btn-continue = Continue where I was
btn-start-over = Start over
btn-consent-yes = I understand, continue
btn-consent-friend = I'm worried about a friend
btn-consent-no = Not now, thanks
btn-feeling-1 = 1 😣
btn-feeling-2 = 2 🙁
btn-feeling-3 = 3 😐
btn-feeling-4 = 4 🙂
btn-feeling-5 = 5 😊
btn-name-keep = Use this name
btn-name-another = Give me another name
btn-confirm = ✅ Send my request
btn-edit = ✏️ Change something first
btn-edit-topic = Topic
btn-edit-description = What is going on
btn-edit-feeling = How I feel
btn-edit-name = My name in the chat

## Students: making a request
intake-welcome =
    Hi, welcome to { $program } 👋

    Here you can talk with a trained peer supporter: a fellow student who listens without judging. Your supporter won't see your name or your Telegram account.

    Before you start, here's what to know:
    • This is peer support, not therapy or counseling.
    • This is not an emergency service.

    If you're in danger, someone is hurting you, or you're afraid you might hurt yourself, contact now:
    { $resources }
intake-consent = Do you understand and want to continue?
intake-declined =
    That's okay. Whenever you want to come back, send /start.

    If you ever need help right away:
    { $resources }
intake-language = Which language would you like to use?
intake-topic = What would you like to talk about?
intake-description =
    What's going on? Tell us in a few sentences. Your supporter reads it. If your chat is handed to another supporter, or a counselor steps in, they read it too. Nobody else does.
    (At least { $min } characters, up to { $max }.)
intake-description-again =
    What you wrote:
    “{ $description }”
    Want to change it? Just write the new one. If it's right, tap “Keep this one”.
btn-description-keep = Keep this one
intake-description-no-words = Could you tell us in words too what's going on? 💛 A few words are enough (at least { $min } characters), so your supporter understands.
intake-description-too-short = That's a bit short. Could you add a little more, at least { $min } characters? It helps your supporter understand.
intake-description-kept-part = Thank you for telling us all this. 💛 Your request keeps the first { $max } characters; tell your supporter the rest once you're chatting, they'll have time to read it.
intake-feeling = How are you feeling right now, from 1 (very bad) to 5 (good)?
intake-anonymity =
    In the chat, your name is “{ $pseudonym }”. Your supporter won't see your real name, username or Telegram account.
    Is this name okay?
intake-anonymity-kept =
    In the chat, your name stays “{ $pseudonym }”: a counselor already knows you by it from what you told us earlier, so it can't be changed for now (one name, so nobody mixes you up). Your supporter won't see your real name, username or Telegram account.
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

    As soon as a supporter is free, they'll say hi to you in this chat. Changed your mind? Send /cancel.

    If things get harder while you wait, press “🆘 I need a counselor now” below. The emergency numbers are always in /help.
intake-already-queued = Your request has been sent and is waiting for a supporter. You'll get a message here when someone joins. Changed your mind? Send /cancel.
intake-asq-early = The next question just arrived below 👇 Please answer that one, so your answer doesn't get mixed up with the one before.
intake-asq-early-yes = Thank you for being honest. 💛 We took your "yes" for the question before. The next one is below 👇
intake-withdraw-confirm = Cancel your request? You'll leave the line, and if you want to talk later you'll start from the beginning.
btn-withdraw-yes = Yes, cancel it
btn-withdraw-no = No, keep waiting
intake-withdraw-kept = Okay, your request stays in line. You'll get a message here when a supporter joins.
intake-request-withdrawn = Your request has been withdrawn. Take care, and send /start whenever you want to talk.
withdrawn-at-risk =
    One more thing: if things get heavy, you don't have to wait. Press 🆘 any time for a counselor, or call:
    { $resources }
intake-name-kept-case = One thing: a counselor already knows you as { $pseudonym } from what you told us earlier, so that stays your name in this chat too (one name, so nobody mixes you up).
intake-queued-waiting =
    Your request is still waiting for a supporter, so nobody is reading messages here yet. You'll get a message when someone joins.

    If you need help right now:
    { $resources }
intake-cancelled = Okay, cancelled. Nothing was sent to anyone. Send /start whenever you want to begin again.
intake-cancelled-case-open = Okay, cancelled. Your request won't go to a peer supporter. But because of what you answered, a counselor was already asked to check on you, so they may still write to you here. 💛
intake-restart-offer = You already started a request. Continue where you were, or start over?
intake-restart-offer-simple = Your request or chat from before is still going. Send /start to continue it.

## Students: help
help-intake =
    { $program } connects you with a trained peer supporter, anonymously.
    • /start — ask for support
    • /back — go back one step
    • /cancel — stop and send nothing
    This is not an emergency service. If you are in danger:
    { $resources }
help-queued =
    Your request is waiting for a supporter. When someone is free, they'll say hi to you here.
    • /cancel — withdraw your request
    • /selfhelp — breathing, grounding and tips while you wait
    • “🆘 I need a counselor now” — the button below, any time
    If you are in danger:
    { $resources }
help-general =
    { $program } connects you with a trained peer supporter, anonymously. Send /start to begin.
    • /friend — worried about a friend? What to do, and who can help
    • /selfhelp — breathing, grounding and tips, on your own
    • /myplan — your safety plan: see it or change it
    • /end — finish a chat with a supporter
    • /forgetme — delete what you told us
    If you are in danger:
    { $resources }
nothing-to-cancel = There is nothing to cancel right now. Send /start whenever you want to ask for support.

## Students: the queue and waiting
queue-place = { $position ->
        [1] first
       *[other] number { $position }
    }
queue-position = { $asked ->
        [yes] You are { queue-place } in line, and a supporter is being asked right now. Hang on: you'll get a message here as soon as they join.
       *[no] { $minutes ->
            [0] You are { queue-place } in line. As soon as a supporter is free, they'll be asked. You'll get a message here when they join.
           *[other] You are { queue-place } in line. The wait is about { $minutes } minutes. You'll get a message here as soon as a supporter joins.
        }
    }
queue-closed =
    No peer supporter is available right now. Your request is saved and will be offered as soon as the program opens again ({ $opens }). You don't need to do anything.

    If you need help now, please contact:
    { $resources }

## Students: the chat with a supporter
btn-counselor-now = 🆘 I need a counselor now
btn-end-session-yes = Yes, end it
btn-end-session-no = No, keep chatting
session-started-student =
    A peer supporter has joined. 💛 From now on, everything you write here goes to them. They only see you as { $pseudonym }, never your name or your Telegram account.

    Remember: your supporter is a fellow student who has been trained, not a therapist. If you need a counselor, press 🆘 below. The emergency numbers are in /help.
session-already-active = You are already in a chat. Just write here; send /end to finish the chat.
session-use-end = To finish this chat, send /end.
session-end-confirm = End this chat? Whoever is with you here will be told, and you can start again any time with /start.
session-end-kept = OK, the chat goes on. Just write here.
session-not-active = That chat has already ended. Send /start if you want to talk again.
session-ended-student =
    The chat has ended. Thank you for being brave enough to talk. 💛 Whenever you want to talk again, send /start.
    If you ever need help right away:
    { $resources }
session-ended-after-crisis =
    { $by ->
        [idle] The chat was closed because it was quiet for a while.
       *[ended] The chat has ended.
    } Please take good care of yourself today. 💛 If things get heavy again, send /start any time.
    If you're in danger right now, contact:
    { $resources }{ $open ->
        [yes] {""}

        A counselor may still write to you here. If you need one right now, press 🆘 below.
       *[no] {""}
    }{ $peer ->
        [yes] {""}

        You also asked to talk with a peer supporter. Do you still want to?
       *[no] {""}
    }
btn-peer-yes = Yes, connect me with a peer supporter
btn-peer-no = No, I'm OK for now
peer-not-wanted = OK. 💛 If you want to talk later, send /start any time.
peer-not-now = You're already telling us what you need in a new request, so this button isn't needed anymore. Just carry on there.
session-ended-idle-student =
    The chat was closed because it was quiet for a while. You can start again any time with /start.
    If you ever need help right away:
    { $resources }
session-handed-over-student = Your peer supporter has handed this chat to another supporter. They can read your request and the notes from your chat so far, and they'll carry on with you here.
session-supporter-unavailable = Your supporter can't continue. You keep your place at the front of the line, and { $wait ->
        [nobody] the first supporter who comes on duty will join you here (nobody who can take your request is on duty right now).
        [closed] a supporter will join you here when the program opens again ({ $opens }).
       *[open] another supporter will join you here as soon as possible.
    } If you need help now:
    { $resources }
session-idle-check = Are you still there? 🙂 If we don't hear from you in { $minutes } minutes, this chat will close. You can always come back with /start.
help-session =
    You are in a chat. Just write here.
    • /end — finish the chat
    If you need a counselor right now, press 🆘 below. In an emergency:
    { $resources }
help-session-counselor =
    You are in a chat, and a counselor is already here with you. Just write here: they read what you send.
    • /end — finish the chat
    In an emergency:
    { $resources }
relay-from-supporter = 💬 Peer supporter: { $text }
relay-from-counselor = 💬 Counselor: { $text }
relay-media-from-supporter = Your supporter sent this:
relay-media-from-counselor = The counselor sent this:

## Students: feedback and the check-in after a chat
btn-skip = Skip
feedback-rating = Did this chat help? 1 = not at all, 5 = a lot.
feedback-comment = Anything you'd like to tell us? Write a few words, or press Skip.
feedback-thanks = Thank you! Your feedback helps us support other students better.
btn-followup-ok = I'm okay, thanks
btn-followup-again = I'd like to talk again
followup-check = Hi, it's { $program }. 💛 How have you been since your chat?
followup-glad = Glad to hear it. If you'd like to talk again, send /start any time.
intake-welcome-back = Okay, let's start again. 💛 Your supporter will be a trained fellow student, and they won't know who you are.
talk-again-in-chat = You're still in your chat. Just write here and your message will be read.
talk-again-in-intake = You're in the middle of a request. Answer the last question above, or send /start to begin again.
talk-again-in-plan = You're filling in your safety plan. Send /start to save what you've written so far, and we'll start talking.

## Students: crisis
escalation-closed-student = { $outcome ->
        [referred] { $asked ->
            [yes] A counselor knows you asked to talk with one
           *[no] A counselor read what you sent
        } and has arranged to follow up with you. If you need a counselor sooner, press 🆘 below any time, or call:
       *[other] { $asked ->
            [yes] A counselor knows you asked to talk with one. They haven't started a chat here for now. If you still want to talk with a counselor, press 🆘 below once more, or call:
           *[no] A counselor read what you sent. They haven't started a chat here for now, but you still can, any time: press 🆘 below to talk with a counselor, or call:
        }
    }
    { $resources }
case-open-waiting-short = A counselor is being asked to check on you and will write to you here. Until they join, nobody reads this chat yet, so if you're in danger now, call the numbers in /help. 💛
crisis-resources =
    Thank you for telling us. What you're feeling matters, and you don't have to face it alone. 💛
    We're contacting a counselor for you right now.

    If you're in danger, someone is hurting you, or you're afraid you might hurt yourself, contact now:
    { $resources }
case-open-waiting =
    We have your message, and we're calling a counselor. They'll write to you here, in this chat. You don't need to do anything else. 💛

    If you're in danger, someone is hurting you, or you're afraid you might hurt yourself, contact now:
    { $resources }

    (Send /start if you'd also like to talk with a peer supporter while you wait.)
crisis-resources-again = Thank you for telling us. 💛 A counselor is already being contacted for you and will write to you here. If you are in danger right now, the emergency numbers above are the fastest way: call them.
crisis-resources-counselor-here =
    Thank you for telling us. What you're feeling matters, and you don't have to face it alone. 💛
    The counselor in this chat is with you, so keep writing here.

    If you're in danger, someone is hurting you, or you're afraid you might hurt yourself, contact now:
    { $resources }
crisis-resources-asked =
    A counselor will be with you as soon as possible. You're not alone. 💛

    If you're in danger, someone is hurting you, or you're afraid you might hurt yourself, contact now:
    { $resources }
crisis-resources-referred =
    Your supporter has asked a counselor to join and help you. 💛

    If you're in danger, someone is hurting you, or you're afraid you might hurt yourself, contact now:
    { $resources }
crisis-still-here-friend =
    We're still making sure a counselor looks into what you told us about your friend. It's not on you to fix this.
    If your friend is in danger right now, contact:
    { $resources }
crisis-still-here =
    We're still here with you, and we're making sure a counselor reaches you soon.
    If you're in danger, contact now:
    { $resources }
crisis-counselor-aware = { $asked ->
        [yes] A counselor knows you asked to talk with one. 💛 You will hear here what happens next.
       *[no] A counselor has seen your message. 💛 You will hear here what happens next.
    }
crisis-team-aware = { $asked ->
        [yes] Someone from the school's support team knows you asked for a counselor and is finding one for you. 💛
       *[no] Someone from the school's support team has seen your message and is finding a counselor for you. 💛
    }
counselor-joined-student = A counselor has joined the chat. 💛 You can write to them here.
counselor-changed-student = Another counselor has taken over from the one you were talking with. 💛 You can keep writing here.
screening-question = Thank you for sharing. May we ask you directly: in the past few weeks, have you had thoughts of killing yourself?
waiting-concern-heard =
    Thank you for telling us. 💛 Nobody is reading messages here yet, so if it feels heavy right now, you don't have to wait: press 🆘 to talk with a counselor, or contact:
    { $resources }
btn-screen-yes = Yes
btn-screen-now = Yes, right now
btn-screen-no = No
btn-screen-unsure = I'm not sure
screening-thanks-alone = Thank you for answering. 💛 If things get heavy, send /start to talk with a peer supporter, or press 🆘 for a counselor, any time.
screening-thanks = Thank you for answering. 💛 It helps us support you in the right way.
asq-intro =
    Thank you for being honest about how you feel. We'd like to ask a few short questions, one at a time. We ask everyone who's going through a hard time, so we can help in the right way.
    If you'd rather not answer one, choose "I'd rather not say". That's okay.
asq-intro-chat = Your supporter would like to ask you a few short questions, one at a time. We ask everyone who's going through a hard time, so we can help in the right way. If you'd rather not answer one, choose "I'd rather not say". That's okay.
asq-wish-dead = In the past few weeks, have you wished you were dead?
asq-better-off-dead = In the past few weeks, have you felt that you or your family would be better off if you were dead?
asq-thoughts = In the past week, have you been having thoughts about killing yourself?
asq-tried = Have you ever tried to kill yourself?
asq-now = One more, and it matters: are you having thoughts of killing yourself right now?
btn-asq-yes = Yes
btn-asq-no = No
btn-asq-skip = I'd rather not say

## Students: deleting their data
btn-forget-yes = Yes, delete everything
btn-forget-no = No, keep it
forget-confirm = This deletes your requests, your chats and everything you wrote here from our system. Messages already delivered to a supporter's or counselor's Telegram can't be pulled back. This can't be undone. Delete everything?
forget-kept = Okay, nothing was deleted.
forget-not-now = We can't delete your data while someone is with you in a chat, or a counselor is still checking on you. Please try again once that's over.
forget-done = Done: what you told us has been deleted. You can always start again with /start. 💛

## Team: general
error-unknown-command-team = That command isn't known. Send /help for your commands.
error-stale-button-team = That button is no longer active, so nothing has changed. The latest message shows where things stand.
staff-welcome = Welcome, { $name }. You are registered as { $role }.
not-allowed = Sorry, that is not available for your role.
member-inactive = Your membership is paused. Please contact your coordinator.
member-trained = Your coordinator marked your training complete. You can now go on duty with /duty.
staff-no-chat = You have no open chat right now.
staff-choose-chat = You have several open chats. Send /chats, then choose who your messages go to.
staff-chats = Your open chats ({ $count }). Choose who your messages go to:
staff-focused = Okay: your messages now go to { $pseudonym }.
staff-reply-chat-ended = Your chat with { $pseudonym } has ended, so your message was not sent.
help-supporter =
    Peer supporter commands:
    • /duty — go on or off duty
    • /chats — your open chats: choose who your messages go to
    • /note text — a private note (only staff see it)
    • /handoff — hand the chat to another supporter
    • /refer reason — ask a counselor to step in
    • /screen — ask the student the screening questions (one at a time; a yes calls a counselor at once)
    • /end — end the current chat
    • /report — the student was abusive or sexual: a coordinator reviews it (and may block them from peer chats)
    • /missed, /falsealarm — as a reply to a student's message: the bot missed risk there, or flagged it wrongly (for the detector review)
    Anything else you write goes to the student you are chatting with; a reply to a student's message goes to that student.
help-counselor =
    Counselor commands:
    • /duty — go on or off escalation duty
    • /cases — open escalations (acknowledge, take over, resolve)
    • /casenote CASE note — a note on a case you resolved during a chat
    • /chats, /end — chats you have taken over
    • /report — the student was abusive or sexual: a coordinator reviews it
    • /missed, /falsealarm — as a reply to a student's message: the bot missed risk there, or flagged it wrongly (for the detector review)
help-coordinator =
    Coordinator commands:
    • /invite supporter or /invite counselor — a one-time invite link
    • /roster — members: mark trained, capacity, deactivate
    • /shifts — list shifts; /shifts add TELEGRAM_ID mon,tue 08:00-12:00; /shifts remove ID
    • /stats — how the program is doing
    • /reports — reports about students waiting for a review (block, dismiss, lift a block)
    • /cases — open escalations
    • /casenote CASE note — a note on a resolved case

## Team: on duty
btn-duty-on = Go on duty
btn-duty-off = Go off duty
duty-status-on = { $chats ->
        [0] You are on duty, with no open chats right now.
        [one] You are on duty, with one open chat.
       *[other] You are on duty, with { $chats } open chats.
    }
duty-status-off = { $chats ->
        [0] You are off duty. Go on duty?
        [one] You are off duty (one chat is still open). Go on duty?
       *[other] You are off duty ({ $chats } chats are still open). Go on duty?
    }
duty-needs-training = You can go on duty once your coordinator has marked your training complete.
duty-already = Nothing changed: you were already in that state.
duty-required = You need to be on duty (and trained) to accept a request. Send /duty.
duty-on-supporter =
    You are on duty. Thank you! 💛
    A reminder of your role: listen, don't judge, don't diagnose, don't promise secrecy about danger. You are a peer, not a therapist. If a student may be at risk, use /refer — a counselor will step in. Look after yourself too.
duty-on-counselor = You are on escalation duty. Crisis pings will come here with Acknowledge and Take over buttons. /cases lists open escalations.
duty-on-open-cases = { $count ->
        [one] 1 crisis case still needs a counselor
       *[other] { $count } crisis cases still need a counselor
    }: /cases lists them, with Take over.
duty-off = { $chats ->
        [0] { $cases ->
            [0] You are off duty now. Thank you for today. 💛
           *[other] You are off duty now, apart from the chat above: it stays yours until a colleague takes it over.
        }
        [one] You are off duty now. One chat is still open: please hand it over or end it.
       *[other] You are off duty now. { $chats } chats are still open: please hand each one over or end it.
    }
duty-off-open-chat = Open chat with { $pseudonym }: hand it over or end it? If you do neither within { $minutes } min, it goes back to the team automatically. To keep it, go back on duty with /duty.
duty-off-open-chat-counselor = Open chat with { $pseudonym }: end it when you are done. If you don't within { $minutes } min, you leave it automatically and the chat stays with the team. To keep it, go back on duty with /duty.
duty-off-counselor-case = Your crisis chat with { $pseudonym } (escalation #{ $id }) is still open. { $asked ->
        [0] { $others ->
            [0] Nobody else on the team can be reached right now: please stay with the student, or go back on duty.
           *[other] No other counselor is on duty: every counselor and the coordinators have been asked to find one to take it over.
        }
        [one] We've asked the counselor on duty to take it over.
       *[other] We've asked the { $asked } counselors on duty to take it over.
    } Until someone does, it is still yours: stay with the student if you can. If nobody has within { $minutes } min, you leave the chat and the case is paged as open again. To keep it, go back on duty.
duty-off-missed-offers = You didn't answer { $count } chat offers in a row, so we've set you off duty for now: no student should be left waiting for you. Ready again? Tap below or send /duty.
duty-off-missed-coordinator = ⚠️ { $name } was set off duty: { $count } chat offers in a row went unanswered. { $waiting ->
        [0] Nobody is waiting now.
        [one] 1 student is waiting
       *[other] { $waiting } students are waiting
    }{ $waiting ->
        [0] {""}
       *[other] { $others ->
            [0] , and no other supporter is on duty.
            [one] ; 1 other supporter is on duty.
           *[other] ; { $others } other supporters are on duty.
        }
    }
shift-reminder = Reminder: your shift starts soon ({ $start }–{ $end }).

## Team: offers and chats
btn-accept = ✅ Accept
btn-decline = Decline
offer =
    { $kind ->
        [handover] A colleague asks you to take over their chat with { $pseudonym }
        [returned] Back in line, their supporter had to leave: { $pseudonym }
        [returned-you] Back in line since you had to leave their chat: { $pseudonym }
        [practice] 🎓 Practice request (a scripted student, for you only): { $pseudonym }
       *[new] New request: { $pseudonym }
    }
    Topic: { $topic }
    Feeling now: { $feeling } of 5
    Language: { $language }
    Level: { $risk }{ $why ->
        [case] {" "}(case #{ $case } in the last 7 days)
        [case-open] {" "}(case #{ $case } open now)
        [screening] {" "}(from their screening answers)
        [words] {" "}(from what they wrote)
       *[none] {""}
    }
    Waiting: { $waited } min
    Accept within { $timeout } min?
offer-declined = Okay. { $pseudonym } has been offered to another supporter.
offer-expired = ⏰ You didn't answer the offer for { $pseudonym } in time, so it went to another supporter.
offer-offered-again = That offer timed out, but the same request was offered to you again: please use the newest message.
offer-already-yours = You already accepted this one: your chat with { $pseudonym } is open. Just write here.
offer-gone = This request is no longer available (someone else took it, or the offer expired).
offer-not-yours = This offer was not made to you.
offer-withdrawn = { $pseudonym }'s request is no longer waiting (it was cancelled, or a counselor has it), so the offer is closed. Nothing for you to do.
session-started-supporter =
    { $practice ->
        [yes] 🎓 Practice: you are now chatting with { $pseudonym }, a scripted student from training (not a real student).
       *[no] You are now chatting with { $pseudonym }.
    }
    Topic: { $topic } · Feeling now: { $feeling } of 5
    What is going on:
    { $description }
    { $noted ->
        [yes] Notes so far:
            { $notes }
       *[no] No notes yet.
    }
    Everything you write here goes to the student. /note for private notes, /refer if you are worried, /end to finish.
handoff-history =
    The chat so far:
    { $recent }
handoff-history-counselor =
    ⚠️ { $name }, a counselor, is in this chat too, with case #{ $id } open ({ $level }): follow their lead, and leave the crisis steps to them.
    The chat so far:
    { $recent }
handback-history =
    { $who ->
        [you] You were in a chat with this student before and had to leave. The student was told and is waiting for you.
       *[other] This student was in a chat with another supporter, who had to leave. The student was told and is waiting for you.
    }
    The chat so far:
    { $recent }
relay-from-student = { $practice ->
        [yes] 🎓 { $pseudonym } (practice)
       *[no] 💬 { $pseudonym }
    }: { $text }
relay-from-student-other =
    { $practice ->
        [yes] 🎓 { $pseudonym } (practice)
       *[no] 💬 { $pseudonym }
    }: { $text }
    (Your messages go to another student right now: tap below to answer { $pseudonym }.)
relay-media-withheld = { $pseudonym } sent { $kind ->
        [photo] a photo
        [voice] a voice message
        [video] a video
        [video_note] a video message
        [sticker] a sticker
        [document] a file
       *[other] something that isn't text
    }. It was not forwarded: only text is, to protect everyone's privacy. They were asked to write it as text; you could ask them what it was.
relay-media-withheld-caption = { $pseudonym } sent { $kind ->
        [photo] a photo
        [voice] a voice message
        [video] a video
        [video_note] a video message
        [sticker] a sticker
        [document] a file
       *[other] something that isn't text
    }. It was not forwarded: only text is, to protect everyone's privacy. The words they wrote with it follow.
relay-media-from-student = { $pseudonym } sent this:
relay-colleague = ({ $role }) { $text }
btn-focus = Chat with { $pseudonym }
btn-reply-to = ↩️ Answer { $pseudonym }
btn-focus-current = ▶ { $pseudonym } (current)
session-ended-staff = { $by ->
        [colleague] { $name } ({ $role }) ended the chat with { $pseudonym }.
        [student] { $pseudonym } ended the chat.
        [idle] The chat with { $pseudonym } was closed after a long silence.
       *[member] The chat with { $pseudonym } has ended.
    }
session-ended-case-open = { $by ->
        [idle] The chat with { $pseudonym } closed after a long silence
       *[student] { $pseudonym } ended the chat
    }, but escalation #{ $id } is still yours. If you are worried about them, open the chat again (they will see that you are back). Otherwise, record how it ended:
btn-rejoin = ↩️ Open the chat again
case-chat-ended = taken over by { $holder }, chat ended
btn-end-chat = End this chat
btn-end-yes = Yes, end the chat
btn-end-keep = No, keep chatting
staff-end-confirm = End your chat with { $pseudonym }? They get a short goodbye and can ask for support again any time.
staff-leave-confirm-counselor = Leave your chat with { $pseudonym }? { $name } (counselor) stays with them and will end the chat.
staff-leave-confirm-case = Case #{ $id } is still open, so the chat will not end: you would leave it, and { $pseudonym } stays with the team while the counselors are paged. If you can, stay with them until a counselor joins. Leave anyway?
btn-leave-yes = Yes, leave the chat
staff-end-kept = OK, your chat with { $pseudonym } goes on.
end-case-first = Case #{ $id } is still open. Record how it ended first (buttons below), then end the chat with /end.
end-left-counselor-stays = You left the chat with { $pseudonym }. { $name } (counselor) stays with them and will end the chat.
end-case-open-left = Case #{ $id } is still open, so the chat was not ended: you have left it, and { $pseudonym } stays with the team (the counselors are being paged). Thank you. 💛
session-idle-check-staff = The chat with { $pseudonym } has been quiet; it closes in { $minutes } minutes without a message.
note-saved = Note saved. Only staff can see it.
note-saved-ended = Note saved with your chat with { $pseudonym }, which has ended. Only staff can see it. A note that names a risk (thoughts of suicide, someone hurting them) also reaches a counselor.
note-usage = Write the note after the command, e.g. /note student is worried about exams
btn-handoff-any = Hand over to anyone available
btn-handoff-to = Hand over to { $name }
handoff-choose = Hand the chat over to whom? ({ $count } supporter(s) available)
handoff-offered = Asked { $name } to take over. The chat stays with you until they accept.
handoff-nobody = No other supporter is on duty with free capacity right now.
handoff-pending = A handover is already waiting for an answer.
handoff-done = { $pseudonym } is now with another supporter. Thank you!
handoff-failed = { $name } could not take over the chat with { $pseudonym }; it stays with you. Try /handoff again, or carry on with the chat.

## Team: screening and risk signs
briefing-case-earlier = 🛟 A counselor was with { $pseudonym } in the last 7 days (case #{ $id }: { $outcome }). Go gently, and if anything sounds risky again, /refer at once.
briefing-case-open =
    ⚠️ { $pseudonym } has an open crisis case #{ $id } ({ $level }): { $state ->
        [acked] { $acked } has seen it and may join this chat; nobody has joined yet.
        [reopened] { $acked } has seen it, but nobody has joined this chat yet, so the counselors are being paged again.
        [seen] { $acked } has seen it, and a counselor is being found to join this chat.
        [held] { $acked } took the case over and still has it (their chat with the student has ended); they are being told the student is in this chat, and may join it.
       *[paging] the counselors are being paged and one will join this chat.
    }
    Why: { $reason }{ $raised ->
        [yes] {"; then wrote: "}{ $raised_reason }
       *[no] {""}
    }
    Their words: { $excerpt }
    Stay with them warmly, don't end the chat, and use /note for anything the counselor should know.
briefing-asq = 📋 { $where ->
        [chat] Screening in the chat (/screen)
       *[intake] Screening in the intake
    } — { $answers }
screen-started = The screening questions are on their way to the student, one at a time. You will see every answer here when they are done; a yes calls a counselor at once.
screen-already = The student is already answering the screening questions.
screen-started-other = { $name } has started the screening questions with { $pseudonym }. You will see every answer here too when they are done; a yes calls a counselor at once.
screen-result = 📋 { $pseudonym } answered the screening questions — { $answers }
briefing-asq-gently = They weren't sure about, or preferred not to answer, some screening questions. Ask gently how they are doing, and use /refer if you are worried.
risk-report-how = Reply to the student's message with /{ $command } (swipe it, or press and hold it and choose Reply), so the bot knows which message you mean.
risk-report-not-student = That is not a student's message from a chat. Reply to the student's message itself with /{ $command }.
risk-report-not-flagged = The bot did not flag that message as risky, so there is no false alarm to record.
risk-report-already = That message is already marked. Thank you.
risk-report-missed = Thank you: marked for the detector review (the bot read it as: { $level }). This pages nobody; if you are worried about the student now, use /refer.
risk-report-wrong = Thank you: marked as a false alarm for the detector review (the bot read it as: { $level }).

## Team: escalation
risk-0 = no risk signs
risk-1 = some concern
risk-2 = HIGH risk
risk-3 = IMMINENT risk
btn-refer = 🆘 Refer to a counselor
btn-ack = ✋ Acknowledge
btn-take-over = 💬 Take over
btn-outcome-case = #{ $id }: { $outcome }
btn-outcome-safe = Student is safe
btn-outcome-referred = Referred for follow-up
btn-outcome-emergency = Emergency services contacted
btn-outcome-false_alarm = False alarm
concern-nudge =
    { $pseudonym } wrote something that may be a sign of risk: “{ $words }”
    Gently ask how they are doing, in your own words, or send /screen: they get the screening questions in their language, one at a time. If the answer worries you, refer them to a counselor.
crisis-acked-supporter = 🛟 { $name } has seen the crisis case for { $pseudonym } (#{ $id }), { $counselor ->
        [yes] but has not joined this chat yet.
       *[no] but no counselor has joined this chat yet.
    } Stay with them. If nobody has joined within { $minutes } min, the counselors are paged again, and you'll hear.
crisis-remind-supporter = ⏰ { $counselor ->
        [yes] { $name } has not joined the chat with { $pseudonym } yet,
       *[no] { $name } has seen the case, but no counselor has joined the chat with { $pseudonym } yet,
    } so the counselors are being paged again (case #{ $id }). Stay with them; they have the emergency numbers.
crisis-tell-supporter =
    ⚠️ { $how ->
        [unsure] { $pseudonym } answered “not sure” to a screening question, which counts as { $level } (their latest words: “{ $words }”)
        [answer] { $pseudonym } answered yes to a screening question, which shows { $level } (their latest words: “{ $words }”)
       *[words] { $pseudonym } wrote something that shows { $level }: “{ $words }”
    }
    A counselor is being contacted now and the student has the emergency numbers.
    Stay with them: listen, take them seriously, ask whether they are safe right now. Don't promise secrecy, don't leave the chat. A counselor may join.
crisis-tell-supporter-counselor-here =
    ⚠️ { $how ->
        [unsure] { $pseudonym } answered “not sure” to a screening question, which counts as { $level } (their latest words: “{ $words }”)
        [answer] { $pseudonym } answered yes to a screening question, which shows { $level } (their latest words: “{ $words }”)
       *[words] { $pseudonym } wrote something that shows { $level }: “{ $words }”
    }
    { $name }, the counselor in this chat, has the case and the student has the emergency numbers. Stay with them alongside the counselor.
escalation-in-your-chat =
    🆘 Escalation #{ $id } — { $level }, in your chat
    Student: { $pseudonym } · Topic: { $topic } · { $language }
    Why: { $reason }{ $raised ->
        [yes] {"; then wrote: "}{ $raised_reason }
       *[no] {""}
    }
    Their words: { $excerpt }
    The case is yours, since you are with them. Stay with them; when you are sure they are safe or referred, record how it ended:
escalation-ping =
    🆘 Escalation #{ $id } — { $level }
    { $who ->
        [invitee] Someone joining the team (invited as { $role })
        [member] Someone on the team ({ $role })
       *[student] Student: { $pseudonym } · Topic: { $topic } · { $language }
    }
    Why: { $reason }{ $more ->
        [yes] {", "}{ $also }
       *[no] {""}
    }{ $raised ->
        [yes] {"; then wrote: "}{ $raised_reason }
       *[no] {""}
    }{ $sos ->
        [yes] {" · "}🆘 the student also pressed "I need a counselor now"
       *[no] {""}
    }
    Their words: { $excerpt }
    Waiting: { $waited } min{ $seen ->
        [yes] {" · "}{ $seen_by } acknowledged it { $seen_ago } min ago, but nobody has joined the student yet
       *[no] {""}
    }
    { $reader ->
        [coordinator] Please acknowledge; a counselor takes the student over. (The buttons go once someone has.)
       *[counselor] Please acknowledge or take over. (The buttons go once someone has.)
    }
escalation-broadcast =
    🆘🆘 Escalation #{ $id } is NOT yet taken care of — { $level }
    { $who ->
        [invitee] Someone joining the team (invited as { $role })
        [member] Someone on the team ({ $role })
       *[student] Student: { $pseudonym } · Topic: { $topic } · { $language }
    }
    Why: { $reason }{ $more ->
        [yes] {", "}{ $also }
       *[no] {""}
    }{ $raised ->
        [yes] {"; then wrote: "}{ $raised_reason }
       *[no] {""}
    }{ $sos ->
        [yes] {" · "}🆘 the student also pressed "I need a counselor now"
       *[no] {""}
    }
    Their words: { $excerpt }
    Waiting: { $waited } min{ $seen ->
        [yes] {" · "}{ $seen_by } acknowledged it { $seen_ago } min ago, but nobody has joined the student yet
       *[no] {""}
    }
    { $reader ->
        [coordinator] Anyone who can: acknowledge now; a counselor takes the student over.
       *[counselor] Anyone who can: acknowledge or take over now.
    }
escalation-update =
    Update on escalation #{ $id } — { $level }
    Why: { $reason }{ $more ->
        [yes] {", "}{ $also }
       *[no] {""}
    }{ $raised ->
        [yes] {"; then wrote: "}{ $raised_reason }
       *[no] {""}
    }{ $sos ->
        [yes] {" · "}🆘 the student also pressed "I need a counselor now"
       *[no] {""}
    }
    Their words: { $excerpt }
escalation-acked = You acknowledged escalation #{ $id }. Take over to chat with the student, or resolve it with an outcome. If neither happens within { $minutes } min, the team is paged again.
escalation-acked-others-coordinator = { $name } (coordinator) has seen escalation #{ $id }. It still needs a counselor to take the student over.
escalation-acked-others = { $name } acknowledged escalation #{ $id }.
escalation-taken-others = { $name } has taken over escalation #{ $id } and is now in the chat with the student.
escalation-handed-over = { $name } has taken over escalation #{ $id }: the chat with { $pseudonym } is theirs now, and you have left it. Thank you. 💛
escalation-handover-off = { $name } is back on duty and keeps escalation #{ $id }: no need to take it over.
escalation-handover =
    🆘 Escalation #{ $id } — { $level }: { $name } went off duty and asks for a counselor to take over
    { $who ->
        [invitee] Someone joining the team (invited as { $role })
        [member] Someone on the team ({ $role })
       *[student] Student: { $pseudonym } · Topic: { $topic } · { $language }
    }
    Why: { $reason }{ $more ->
        [yes] {", "}{ $also }
       *[no] {""}
    }{ $raised ->
        [yes] {"; then wrote: "}{ $raised_reason }
       *[no] {""}
    }
    Their words: { $excerpt }
    { $name } stays in the chat for up to { $minutes } min; if nobody takes over by then, the case is paged as open again.
    { $reader ->
        [coordinator] No other counselor is on duty: if you can, reach one to take it over.
       *[counselor] Take over to join the student; the chat so far comes with it.
    }
escalation-acked-coordinator = You acknowledged escalation #{ $id }. A counselor takes the student over; you can record the outcome below. If nobody takes over or resolves it within { $minutes } min, the team is paged again.
escalation-you-acked = { $state ->
        [taken] You have already taken over escalation #{ $id }: record its outcome below.
        [coordinator] You have already acknowledged escalation #{ $id }. A counselor takes the student over; you can record the outcome below.
       *[counselor] You have already acknowledged escalation #{ $id }: take it over or record its outcome below.
    }
escalation-already-acked = { $name } is already handling this escalation.
escalation-already-seen = { $name } has already seen this escalation (nobody has taken it over yet).
escalation-closed = This escalation is already resolved.
escalation-taken =
    You are now in the chat with { $pseudonym }. Everything you write goes to the student.
    { $asked ->
        [yes] When they asked for help, they wrote: “{ $description }”
       *[no] They had not described why they asked for help.
    }
    { $screened ->
        [chat] 📋 Screening in the chat (/screen) — { $answers }
            The chat so far:
        [intake] 📋 Screening in the intake — { $answers }
            The chat so far:
       *[no] The chat so far:
    }
    { $recent }
    When done, resolve with an outcome:
escalation-note-ask = Escalation #{ $id } resolved as "{ $outcome }". Send a short case note now, or /skip.
escalation-note-ask-command = Escalation #{ $id } resolved as "{ $outcome }". You are still in a chat, so what you write next goes to the student. To add a case note: /casenote { $id } your note
escalation-resolved-no-note = Thank you. The case is closed (no note).
escalation-note-saved = The note for escalation #{ $id } is saved (encrypted).
casenote-usage = To add a note to a resolved case: /casenote CASE-NUMBER your note (for example: /casenote 12 called the parents). Only someone who handled the case, or a coordinator, can add it.
casenote-no-case = There is no case #{ $id }. /cases lists the open ones.
casenote-still-open = Case #{ $id } is still open: record how it ended with its buttons (/cases), then the note goes with it.
escalation-student-left = Escalation #{ $id }: { $pseudonym } has left the chat (the case is still open). You can still take over: they will see a counselor has joined.
escalation-student-withdrew = Escalation #{ $id }: { $pseudonym } withdrew their request for a peer supporter. The case is still open: please follow up.
escalation-student-with-supporter = Escalation #{ $id }: { $pseudonym } is now chatting with a peer supporter ({ $name }), who has been told about the case. The case is still open: you can join the chat, or record the outcome when you are sure they are safe or referred.
escalation-student-waiting-again = Escalation #{ $id }: the peer supporter who was chatting with { $pseudonym } had to leave, and they are waiting in line again. They were told you know. { $reader ->
        [counselor] The case is still open: you can join them now, or record the outcome when you are sure they are safe or referred.
       *[other] The case is still open and no counselor is with them: please make sure a counselor follows up.
    }
escalation-resolved = Thank you. The case is closed and the note is saved (encrypted).
escalation-resolve-held = { $name } (counselor) is with the student in escalation #{ $id } now: they record how it ended.
escalation-resolved-by = { $name } closed escalation #{ $id } as "{ $outcome }".
escalation-resolve-open = Escalation #{ $id } is open again and the team is being paged again, so it cannot be closed yet. Press “Acknowledge” on its newest message first; then its outcome can be recorded.
escalation-resolve-not-yours = Only the counselor who acknowledged or took over this escalation (or a coordinator, once it is acknowledged) can resolve it.
counselor-joined-supporter = Counselor { $name } has joined your chat. Stay with the student; follow the counselor's lead.
crisis-handover-off-supporter = { $name } (counselor) is back on duty and stays with { $pseudonym } (#{ $id }): nobody else needs to take over.
crisis-handover-supporter = { $name } (counselor) is going off duty; another counselor is being asked to take over the case of { $pseudonym } (#{ $id }). Stay with the student meanwhile; you'll hear who joins.
refer-usage = Write the reason after the command, e.g. /refer talks about not wanting to live
refer-already = A counselor is already being called for this student (case #{ $id }): nothing more to do. Stay with them.
refer-done = Thank you. A counselor is being contacted.
cases-none = There are no open escalations right now.
cases-title = Open escalations: { $count }
cases-line =
    #{ $id } · { $state } · { $level } · { $age_unit ->
        [day] { $age } d
        [hour] { $age } h
       *[min] { $age } min
    }
    { $pseudonym } · { $topic } · { $reason }{ $raised ->
        [yes] {"; then wrote: "}{ $raised_reason }
       *[no] {""}
    }{ $sos ->
        [yes] {" · "}🆘 the student also pressed "I need a counselor now"
       *[no] {""}
    }
    { $excerpt }
case-open = waiting for acknowledgement
case-acknowledged = acknowledged by { $holder }, not taken over yet
case-taken_over = taken over by { $holder }

## Team: coordinator
invite-usage = Use /invite supporter or /invite counselor.
invite-link = Invite link for a { $role } (valid for { $hours } hours, works only once):
    { $link }
member-joined = { $name } joined as { $role }. Mark their training complete in /roster when they are ready.
roster-last-coordinator = { $name } is the only active coordinator, so they stay active: without a coordinator nobody can run the program or let anyone back in. Add another coordinator first (sejawat members add --role coordinator), then deactivate.
roster-title = Members: { $count }
roster-line =
    { $name } — { $role } (id { $telegram_id })
    trained: { $trained } · on duty: { $duty }{ $off_why ->
        [missed] {" "}(set off by the program: offers left unanswered)
        [shift] {" "}(their shift ended)
        [blocked] {" "}(they blocked the bot)
        [self] {" "}(went off duty themselves)
       *[none] {""}
    } · active: { $active }
    languages: { $languages }{ $seat ->
        [supporter] {" · "}chats: { $load }/{ $capacity }
        [counselor] {" · "}chats: { $load }
       *[other] {""}
    }{ $seat ->
        [supporter] {""}
            this week: { $week_chats } { $week_chats ->
                [one] chat
               *[other] chats
            }, { $week_hours } h · last check-in: { $checkin ->
                [none] none yet
                [talk] asked to talk it through ({ $ago })
               *[other] { $checkin }/5 ({ $ago })
            }{ $resting ->
                [crisis] {" · "}with a student in crisis
                [cooldown] {" · "}resting after a heavy chat
                [day] {" · "}at today's chat limit
                [week] {" · "}at this week's hours limit
               *[no] {""}
            }
       *[other] {""}
    }
checkin-ago = { $checkin_unit ->
        [day] { $checkin_age } d ago
        [hour] { $checkin_age } h ago
       *[min] { $checkin_age } min ago
    }
yes = yes
no = no
btn-mark-trained = ✔ Mark training complete
btn-capacity-down = Capacity −1
btn-capacity-up = Capacity +1
btn-deactivate = Deactivate
btn-activate = Activate
btn-confirm-deactivate = Yes, deactivate
btn-keep-active = No, keep active
roster-unchanged = Nothing changed: { $name } is already set that way.
roster-updated = { $name } is deactivated and has been told. { $load ->
        [0] They had no open chats.
       *[other] { $seat ->
            [counselor] { $load ->
                [one] Their open chat stays with the peer supporter in it (a student they were alone with went back to the queue for a supporter), any crisis case they had taken over is being paged again, and the student was told.
               *[other] Their { $load } open chats stay with the peer supporters in them (students they were alone with went back to the queue for a supporter), any crisis cases they had taken over are being paged again, and each student was told.
            }
           *[other] { $load ->
                [one] Their open chat went back to the queue (or stays with the counselor in it) and the student was told.
               *[other] Their { $load } open chats went back to the queue (or stay with the counselor in them) and each student was told.
            }
        }
    }
member-deactivated = A coordinator has paused your membership: you won't get requests or crisis alerts for now{ $load ->
        [0] .
       *[other] { $went ->
            [colleague] , and your open chats go on with the colleagues in them (each student was told).
            [both] , and your open chats go on with the colleagues in them or, where there was none, went back to the front of the queue for the next supporter (each student was told).
           *[queue] , and your open chats went back to the front of the queue for the next supporter (each student was told).
        }
    } Thank you for what you have done. If you have questions, talk to your coordinator.
member-reactivated = A coordinator has made your membership active again. Welcome back! Go on duty with /duty when you're ready.
roster-confirm-deactivate =
    Deactivate { $name }? { $seat ->
        [counselor] They will get no crisis alerts or chats any more{ $load ->
            [0] .
            [one] . Their open chat stays with the peer supporter in it (a student they were alone with goes back to the queue for a supporter), and a crisis case they took over is paged again at once; the student is told.
           *[other] . Their { $load } open chats stay with the peer supporters in them (students they were alone with go back to the queue for a supporter), and crisis cases they took over are paged again at once; each student is told.
        }
       *[other] They will get no new requests{ $load ->
            [0] .
            [one] , and their open chat goes back to the queue (or stays with the counselor in it); the student is told.
           *[other] , and their { $load } open chats go back to the queue (or stay with the counselor in them); each student is told.
        }
    }
    { $last ->
        [counselor] ⚠️ { $name } is the only active counselor. Without one, crisis alerts go to coordinators only until you add or activate a counselor.
        [supporter] ⚠️ { $name } is the only peer supporter on duty. Without them, students who ask to talk wait in the queue until another supporter comes on duty.
       *[no] {""}
    }
    You can activate them again at any time.
shifts-title = Weekly shifts:
shifts-line = #{ $id } { $name }: { $days } { $start }–{ $end }
shifts-usage = Add: /shifts add TELEGRAM_ID mon,tue,wed 08:00-12:00 · Remove: /shifts remove ID
shifts-bad-days = I don't know these days: { $days }. Use mon, tue, wed, thu, fri, sat, sun, separated by commas.
shifts-add-parts = Adding a shift takes three things after "add": who (their id from /roster), the days, and the hours. You wrote { $count }.
shifts-bad-hours = "{ $hours }" is not a time range: write it like 08:00-12:00 (hours 00 to 23, or 24:00 for midnight at the end; minutes 00 to 59).
day-mon = Mon
day-tue = Tue
day-wed = Wed
day-thu = Thu
day-fri = Fri
day-sat = Sat
day-sun = Sun
shifts-added = Shift #{ $id } added for { $name }: { $days } { $start }–{ $end }.
shifts-added-overnight = Shift #{ $id } added for { $name }: it runs past midnight, from { $start } until { $end } the next day. If that is not what you meant: /shifts remove { $id }
shifts-removed = Shift #{ $id } removed.
shifts-confirm-remove = Remove shift #{ $id }: { $name }, { $days } { $start }–{ $end }? Its reminders stop too.
shifts-already-removed = Shift #{ $id } was already removed. Nothing else changed.
btn-shift-remove = 🗑 Remove
btn-shift-remove-yes = Yes, remove
btn-shift-keep = No, keep it
shifts-unknown = There is no shift with that number.
shifts-unknown-member = That Telegram id is not a supporter or counselor. Invite them first with /invite.
shifts-not-an-id = "{ $who }" is not a Telegram id: use the number shown after "id" in /roster.
shifts-overlap = { $name } already has shift #{ $id } ({ $days } { $start }–{ $end }), and this one overlaps it. Pick other hours, or remove that shift first: /shifts remove { $id }
stats =
    Program overview
    Requests: { $requests } (waiting: { $queued })
    Chats with a supporter: { $active } open, { $closed } finished
    Chats with a counselor only: { $counselor_active } open, { $counselor_closed } finished
    Escalations: { $escalations } (open: { $open_escalations })
    Supporters on duty: { $on_duty }
    Average feedback: { $ratings ->
        [0] no ratings yet
        [one] { $rating } of 5 (1 rating)
       *[other] { $rating } of 5 ({ $ratings } ratings)
    }

## Team: joining (someone who opens an invite link)
invite-invalid = This invite link is not valid: it may have been used already or expired. Please ask your coordinator for a new one.
invite-finish-chat-first = You are in a chat right now. Finish it first (/end), then open the invite link again: it still works.
invite-rate-limited = Too many attempts. Please wait an hour and try again, or ask your coordinator.
onboarding-confirm = You have been invited to join { $program } as a { $role }. Do you want to join?
btn-join-yes = Yes, join
btn-join-no = No, thanks
onboarding-declined = Okay, nothing was saved. You can use the invite link again while it is valid.
onboarding-name = What name should coordinators and counselors see for you? Just your name, for example Sari or Dimas: your role is already recorded. (Students never see it.)
onboarding-name-invalid = Please send a name of 2 to 64 characters.
onboarding-use-buttons = Please choose with the buttons under the last question above.
onboarding-media = Only text can be read at this step. Please type your answer.
onboarding-later = That command works once you have finished joining. Please answer the last question above first.
onboarding-does-not-fit = That doesn't fit this step. Let's go on from here:
onboarding-languages = Which languages can you support students in? Tap to select (✓), then Done. Selected: { $count }
onboarding-pick-language = Please select at least one language.
onboarding-topics = Which topics are you comfortable with? Tap to select (✓), then Done. Selected: { $count }
btn-done = Done ✔
onboarding-done-supporter = Welcome aboard! 💛 Your coordinator will mark your training complete; then you can go on duty with /duty. Send /help for your commands.
onboarding-done-counselor = Welcome! 💛 Your coordinator will confirm you; then go on escalation duty with /duty. Send /help for your commands.
help-onboarding = You are joining the program. Answer the questions above, or /cancel to stop.

## Team: command menus (Telegram's "/" list; short: one line each)
cmd-team-duty = Go on or off duty
cmd-team-chats = Your open chats: choose who your messages go to
cmd-team-end = End the current chat
cmd-team-note = A private note on this chat (staff only)
cmd-team-handoff = Hand this chat to another supporter
cmd-team-screen = Ask the student the screening questions
cmd-team-refer = Ask a counselor to step in (add the reason)
cmd-team-help = What you can do here
cmd-team-cases = Open crisis cases
cmd-team-casenote = A note for a case you closed (number, then the note)
cmd-team-roster = The team: training, capacity, deactivate
cmd-team-invite = A one-time invite link (supporter or counselor)
cmd-team-shifts = Shifts
cmd-team-stats = How the program is doing

## Team: practice (a scripted student from the sandbox's training; pages nobody)
practice-would-page =
    🎓 Practice: { $why ->
        [answered] { $pseudonym } answered a screening question in a way that shows { $level }.
        [note] your note about { $pseudonym } records { $level }.
       *[wrote] { $pseudonym } wrote something that shows { $level }.
    } In a real chat a counselor would be paged now and the student would get the emergency numbers. In practice nobody is paged.
    { $chat ->
        [no] They are not in a chat with you yet. Once they are: stay with them, ask directly whether they are safe, and use /refer.
       *[yes] What to do now: stay with them, ask directly whether they are safe, and use /refer.
    }
practice-student-unnamed = your practice student
practice-would-page-asked = 🎓 Practice: in a real chat a counselor would be paged now to join { $pseudonym }. In practice nobody is paged. Stay with them as you would until the counselor arrives.
practice-would-page-refer = 🎓 Practice: in a real chat, your referral would page a counselor now to join { $pseudonym }, and you would be told when they join. In practice nobody is paged and no counselor will come. Carry on with the chat as you would.
practice-finished = 🎓 Practice finished: { $state ->
        [offer] the practice request from { $pseudonym } is closed, so its offer is gone.
       *[chat] the practice chat with { $pseudonym } is closed.
    } Practice doesn't count as a real chat. Your feedback is on the training page; nothing to do here.

## Team: your own words (a member's words that read as being about themselves)
member-own-risk = { $practice ->
        [yes] 🎓 This one isn't practice: what you just wrote reads as being about you, not about the practice student.
       *[no] What you just wrote reads as being about you.
    } You matter more than any chat, so a counselor is being contacted for you now, and the emergency numbers are in the message before this one. If it wasn't about you, that's okay: just tell the counselor when they write to you.


## Team: report and block (a student who was abusive or sexual in a chat)
cmd-team-report = Report a student who was abusive or sexual in this chat
cmd-team-reports = Reports about students, waiting for a review
report-why = Why are you reporting { $pseudonym }? A coordinator will read their messages in this chat. (You can also write /report followed by what happened.)
btn-report-abusive = Abusive or threatening
btn-report-sexual = Sexual messages
btn-report-other = Something else
report-reason-abusive = abusive or threatening
report-reason-sexual = sexual messages
report-reason-other = something else
report-filed = Thank you. Your report about { $pseudonym } went to the coordinators; they will read the student's messages in this chat and decide. You don't have to stay in a chat that hurts you: /end ends it. If it shook you, tell a counselor.
report-words-added = Your words were added to your report about { $pseudonym }; the coordinators read them with it.
report-already = You already reported { $pseudonym } for this chat. A coordinator will look at it.
report-no-chat = There is no chat to report: send /report in the chat (or within a day after it ended).
report-for-review = 🚩 Report #{ $id }: { $name } reported { $pseudonym } ({ $reason }). Please review it.
btn-report-review = Review
reports-none = No reports are waiting for a review.
reports-title = Reports waiting for a review: { $count }
report-card =
    🚩 Report #{ $id } · { $pseudonym } · { $reason } · from { $name } · { $age_unit ->
        [day] { $age } d ago
        [hour] { $age } h ago
       *[min] { $age } min ago
    }
    Their words: { $note }
    The student's messages in that chat:
    { $said }
    { $status ->
        [blocked] { $for_good ->
            [yes] ⛔ Blocked from peer chats for good.
           *[no] ⛔ Blocked from peer chats until { $until }.
        }
        [dismissed] Dismissed: no block.
        [lifted] The block was lifted.
       *[open] Blocking ends their chat with a supporter now and stops new ones; a counselor in the chat stays. Their messages are still screened and a counselor is still paged if they are at risk.
    }
btn-block-week = ⛔ Block 7 days
btn-block-forever = ⛔ Block for good
btn-report-dismiss = Dismiss
btn-block-lift = Lift the block
report-unchanged = Report #{ $id } was already decided; the card shows how it stands.
report-decided = { $decision ->
        [block] Your report #{ $id } was reviewed: the student is blocked from peer chats { $for_good ->
            [yes] for good.
           *[no] until { $until }.
        } Thank you for telling us.
       *[dismiss] Your report #{ $id } was reviewed: no block this time. Thank you for telling us; if it happens again, report it again.
    }
## Students: no peer chat for now (a coordinator blocked them after a report)
blocked-student =
    { $for_good ->
        [yes] You can't be connected with a peer supporter any more, because of how an earlier chat went.
       *[no] For a while (until { $until }) you can't be connected with a peer supporter, because of how an earlier chat went.
    }
    If you are in danger or thinking about hurting yourself, you can still reach a counselor here any time: press 🆘. Or call:
    { $resources }
blocked-student-short = For now you can't be connected with another peer supporter. If you need a counselor, press 🆘 any time.
unblocked-student = You can ask for a peer supporter again: send /start whenever you want to talk.

## Students: the safety plan (flows.safety_plan)
cmd-myplan = My safety plan: see it or change it
btn-plan-make = 📝 Make my safety plan
btn-plan-change = ✏️ Change my plan
btn-plan-skip = Skip
btn-plan-keep = Keep it as it is
btn-plan-stop = Stop for now
btn-plan-share-yes = Yes, a counselor may see it
btn-plan-share-no = No, just for me
plan-intro = It has 7 short parts. Write as much or as little as you want; you can skip any part and change it later with /myplan.
plan-ask-warning = 1/7 · What are your warning signs? Thoughts, feelings or situations that tell you a hard moment may be coming.{ $has ->
        [yes] {""}
            Now: { $now }
       *[no] {""}
    }
plan-ask-alone = 2/7 · What can you do on your own to feel a bit calmer? (Music, a walk, a shower, breathing, drawing…){ $has ->
        [yes] {""}
            Now: { $now }
       *[no] {""}
    }
plan-ask-distract = 3/7 · Which people or places help take your mind off things?{ $has ->
        [yes] {""}
            Now: { $now }
       *[no] {""}
    }
plan-ask-people = 4/7 · Who can you ask for help when it gets heavy? (Names, and how to reach them){ $has ->
        [yes] {""}
            Now: { $now }
       *[no] {""}
    }
plan-ask-pros =
    5/7 · Professionals and services. These are already in your plan:
    { $resources }
    Anyone else, like your school counselor or a doctor?{ $has ->
        [yes] {""}
            Now: { $now }
       *[no] {""}
    }
plan-ask-safer = 6/7 · How can you make your surroundings safer when things get hard? (For example, asking someone to keep things you could hurt yourself with){ $has ->
        [yes] {""}
            Now: { $now }
       *[no] {""}
    }
plan-ask-reasons = 7/7 · What are your reasons for living? The people, hopes or things that matter to you.{ $has ->
        [yes] {""}
            Now: { $now }
       *[no] {""}
    }
plan-ask-share = Last question: if a counselor is chatting with you, may they see your plan? It helps them help you. You can change this later.
plan-saved =
    📝 Your safety plan is saved. Here it is:
    1. Warning signs: { $warning }
    2. On my own: { $alone }
    3. People and places that help me switch off: { $distract }
    4. People I can ask for help: { $people }
    5. Professionals and services:{ $has_pros ->
        [yes] {" "}{ $pros }
       *[no] {""}
    }
    { $resources }
    6. Making my surroundings safer: { $safer }
    7. My reasons for living: { $reasons }
    { $share ->
        [yes] A counselor who is chatting with you may see it.
       *[no] Only you can see it.
    } Send /myplan any time to see or change it. 💛
plan-show =
    📝 Your safety plan
    1. Warning signs: { $warning }
    2. On my own: { $alone }
    3. People and places that help me switch off: { $distract }
    4. People I can ask for help: { $people }
    5. Professionals and services:{ $has_pros ->
        [yes] {" "}{ $pros }
       *[no] {""}
    }
    { $resources }
    6. Making my surroundings safer: { $safer }
    7. My reasons for living: { $reasons }
    { $share ->
        [yes] A counselor who is chatting with you may see it.
       *[no] Only you can see it.
    }
plan-change = Want to change something? We'll go through the parts one by one; press "Keep it as it is" for the ones that are fine.
plan-none = You don't have a safety plan yet. It's a short list, in your own words, of what helps when things get really hard. Want to make one now? It takes about five minutes.
plan-none-not-now = You don't have a safety plan yet. You can make one once your request or chat is over (not while you're telling us, waiting for a supporter or chatting): just send /myplan then.
plan-not-now = You can make or change your plan once your request or chat is over (not while you're telling us, waiting for a supporter or chatting). Send /myplan then; the button works then too.
plan-already = You're already working on your plan: just answer the question above.
plan-stopped = Okay, stopped for now. Anything you wrote is kept: /myplan shows it, and you can change it there any time.
plan-stopped-start = Your plan so far is saved (/myplan shows it). Send /start again to ask for support.
plan-help = You're making your safety plan: write your answer to the question above, or press Skip or Stop for now. If you need a counselor now, press 🆘.
plan-text-only = Please write it as text, so it can go in your plan.
plan-offered = 💛 { $who ->
        [counselor] Your counselor
       *[supporter] Your supporter
    } suggests { $has ->
        [yes] going over your safety plan again, to see it still fits.
       *[no] making a safety plan: a short list, in your own words, of what helps when things get really hard.
    } Press the button when this chat is over (or send /myplan then).

## Team: the student's safety plan
cmd-team-checkin = A few words with your check-in after a heavy chat
cmd-team-offerplan = Offer the student a safety plan (a button for them)
cmd-team-theirplan = The student's safety plan, if they said a counselor may see it
plan-offer-sent = The student got a button to make a safety plan. It starts once your chat is over; if they say yes to it, a counselor with them can read it with /theirplan.
plan-staff-none = { $pseudonym } has no safety plan yet. You can offer one with /offerplan.
plan-staff-not-shared = { $pseudonym } has a safety plan but has not said a counselor may see it. Please respect that; you can ask them about it in the chat.
plan-staff-show =
    📝 { $pseudonym }'s safety plan (they said you may see it):
    1. Warning signs: { $warning }
    2. On their own: { $alone }
    3. People and places that help them switch off: { $distract }
    4. People they can ask for help: { $people }
    5. Professionals and services: { $pros }
    6. Making their surroundings safer: { $safer }
    7. Their reasons for living: { $reasons }

## Students: help a friend (flows.intake's friend route, /friend)
friend-guidance =
    💛 It's good that you care. Some things that help:
    • Signs to notice: they talk about being a burden or wanting to disappear, give things away, pull away from everyone, or suddenly seem calm after a very hard time.
    • Starting the talk: find a quiet moment, say what you've noticed ("I've seen you've been…, how are you really?"), listen more than you talk, and don't judge.
    • Don't promise to keep a secret about danger. If they might hurt themselves or someone is hurting them, telling a trusted adult is being a good friend.
    • Look after yourself too: you don't have to carry this alone, and it's not your job to fix it.
    If your friend is in danger right now, call:
    { $resources }
friend-choose = What would you like to do?
btn-friend-talk = 💬 Talk to a supporter about my friend
btn-friend-alert = 🆘 Alert a counselor about my friend
btn-friend-done = That's all, thanks
friend-take-care = Thank you for looking out for your friend. 💛 Send /friend or /start any time if you want to talk about it.
friend-what = What do you know? Tell us in your own words what worries you about your friend (you don't have to give their name).
friend-class = Their class or year, if you know it and are okay sharing it (or press Skip).
friend-urgency = How urgent does it feel?
btn-urgency-now = It's happening now / today
btn-urgency-soon = It worries me, but not right now
btn-urgency-unsure = I'm not sure
friend-alert-sent =
    Thank you for telling us. 💛 A counselor has been told and will take it from here; they may write to you here to ask what you know. You don't have to do anything else, and it's not on you to fix it.{ $now ->
        [yes] {" "}If your friend is in danger right now, call the emergency numbers:
            { $resources }
       *[no] {""}
    }
friend-words-heard =
    Thank you for telling us about your friend. 💛 What you wrote sounds serious, so a counselor has been told right away. Two more short questions help them reach your friend. If your friend is in danger right now, call the emergency numbers:
    { $resources }
friend-in-chat = If you'd like, a counselor can check in about your friend: press the button, and tell your supporter here what you know.

## Team: help a friend
friend-alert-staff = The student asked for a counselor to check on a friend they are worried about (not about themselves). A counselor is being paged; keep listening, and let them tell you what they know.

## Students: self-help while waiting and out of hours (flows.selfhelp, /selfhelp)
selfhelp-offer = { $when ->
        [closed] While the program is closed, here are a few things you can try on your own, only if you want: breathing exercises, grounding and short tips. Your request stays saved.
       *[other] While you wait, here are a few things you can try, only if you want: breathing exercises, grounding and short tips. Your place in line doesn't change. 🌿
    }
btn-selfhelp-open = 🌿 Show me what I can try
selfhelp-menu =
    🌿 Things you can try on your own. Each takes a minute or two.

    • Box breathing and 4-7-8 breathing: slow breaths that calm your body
    • 5-4-3-2-1 grounding: back to the here and now, through your senses
    • Tips: short cards about exam stress, worry, loneliness, trouble at home, bullying, feeling low

    If things get heavy, you don't have to wait: /help has the emergency numbers.
btn-selfhelp-box = 🌬️ Box breathing
btn-selfhelp-478 = 🌬️ 4-7-8 breathing
btn-selfhelp-ground = 🖐️ 5-4-3-2-1 grounding
btn-selfhelp-cards = 📇 Tips by topic
btn-selfhelp-menu = 🌿 Something else
btn-selfhelp-rounds = { $rounds } rounds
selfhelp-rounds = { $kind ->
        [box] 🌬️ Box breathing: in for 4 seconds, hold 4, out 4, hold 4. How many rounds? (One round is 16 seconds.)
       *[other] 🌬️ 4-7-8 breathing: in for 4 seconds, hold 7, out 8. How many rounds? (One round is 19 seconds.) If you feel dizzy, stop and breathe normally.
    }
selfhelp-breath =
    { $kind ->
        [box] 🌬️ Box breathing
       *[other] 🌬️ 4-7-8 breathing
    } · round { $round } of { $rounds }

    { $paused ->
        [yes] ⏸ Paused. Take your time, and tap Continue when you're ready.
       *[no] { $phase ->
            [in] Breathe in slowly through your nose… ({ $seconds } seconds)
            [hold] Hold your breath, gently… ({ $seconds } seconds)
            [out] Breathe out slowly through your mouth… ({ $seconds } seconds)
           *[rest] Stay still before the next breath… ({ $seconds } seconds)
        }
    }

    { $bar }
btn-selfhelp-pause = ⏸ Pause
btn-selfhelp-resume = ▶️ Continue
btn-selfhelp-stop = ⏹ Stop
selfhelp-ground =
    🖐️ 5-4-3-2-1 grounding · { $step }/{ $steps }

    { $sense ->
        [see] Look around you. Find 5 things you can see. Take a moment with each one: its colour, its shape.
        [touch] Notice 4 things you can touch or feel: your feet on the floor, the seat under you, your clothes, the air on your skin.
        [hear] Listen. Find 3 sounds you can hear, close by or far away.
        [smell] Find 2 things you can smell. If there's nothing, think of 2 smells you like.
       *[taste] Notice 1 taste in your mouth right now, or think of a taste you like.
    }

    You can type what you notice, or just tap Next. What you type isn't kept and your supporter won't see it. If it sounds like you might not be safe, we keep those words and send them to a counselor so they can help.
btn-selfhelp-next = Next ▶️
selfhelp-done =
    🌿 Done: { $kind ->
        [box] { $rounds } rounds of box breathing.
        [four] { $rounds } rounds of 4-7-8 breathing.
       *[ground] 5-4-3-2-1 grounding.
    }
    Notice how your body feels now. Even a little calmer counts. You can do it again any time with /selfhelp.
btn-selfhelp-again = 🔁 Again
selfhelp-stopped = { $kind ->
        [ground] ⏹ Stopped. That's okay: { $steps ->
            [0] even trying for a moment counts.
            [1] even one step helps.
           *[other] even a few steps help.
        } Come back any time with /selfhelp.
       *[other] ⏹ Stopped. That's okay: even a few slow breaths help. Come back any time with /selfhelp.
    }
selfhelp-interrupted = { $place ->
        [session] ⏹ The exercise stopped here because your chat has started. 💛
        [case] ⏹ The exercise stopped here: a counselor is being asked to check on you. 💛
        [intake] ⏹ The exercise stopped here because you're starting a new request. You can do it again later with /selfhelp.
        [plan] ⏹ The exercise stopped here because you're working on your safety plan. You can do it again later with /selfhelp.
       *[other] ⏹ The exercise stopped here. You can start it again any time with /selfhelp.
    }
selfhelp-step-done = That step is done already: you're on the next one. 👍
selfhelp-already-over = That exercise has already ended. Start one again with /selfhelp.
selfhelp-not-now = { $place ->
        [session] You're in a chat right now, so the exercises wait until it's over. Want to breathe together? Just tell the supporter or counselor you're chatting with. 💛
        [plan] Finish or pause your safety plan first (“Stop for now” keeps what you wrote), then send /selfhelp.
       *[other] Let's finish these questions first (or send /cancel if you've changed your mind). While you wait for a supporter, /selfhelp is there for you.
    }
selfhelp-share-ask = One question, asked only once: may the supporter who takes your request know which exercises you did while waiting? They'd see only the name (like “box breathing”), never what you typed.
btn-selfhelp-share-yes = Yes, they can know
btn-selfhelp-share-no = No, keep it to me
selfhelp-share-thanks = { $share ->
        [yes] Okay. Your supporter will see which exercises you did while waiting. 💛
       *[no] Okay, that stays with you.
    }
selfhelp-cards = 📇 Pick a topic:
btn-card-exams = Exam stress
btn-card-worry = Worry and overthinking
btn-card-lonely = Feeling lonely
btn-card-home = Trouble at home
btn-card-bullying = Bullying
btn-card-low = Feeling low
btn-selfhelp-more-cards = 📇 Other topics
card-exams =
    📇 Exam stress
    • Break it down: pick one small task for the next 25 minutes, then take a 5-minute break.
    • Sleep is part of studying: what you learn settles while you sleep.
    • “I'll fail everything” is a thought, not a fact. What would you say to a friend who thought that?
    • Before the exam: a few slow breaths, feet flat on the floor.
    • One grade doesn't decide who you are.
card-worry =
    📇 Worry and overthinking
    • Name it: “I'm having the thought that…”. A thought is not a fact.
    • Write the worry down, then ask: can I do something about it today? If yes, pick one small step. If not, put the paper away for now.
    • Give worry a slot: 15 minutes at a set time. When it comes earlier, tell it “later”.
    • Your body helps too: slow breaths (try 4-7-8 breathing) or 5-4-3-2-1 grounding.
    • Less caffeine and less scrolling at night make worry quieter.
card-lonely =
    📇 Feeling lonely
    • Lots of people feel this, even people who seem to have many friends.
    • Start small: a message to one person, a hello to a classmate, one club or activity.
    • Time doing something you like (music, drawing, a walk) is good company too.
    • Scrolling can make it worse: notice how you feel afterwards.
    • You reached out here, and that counts.
card-home =
    📇 Trouble at home
    • Other people's fights are not your fault.
    • Find a calmer place when you need one: your room, a friend's house, the school library.
    • Writing down what you feel helps get it out of your head.
    • Talk to an adult you trust: a relative, a teacher, a counselor.
    • If someone at home hurts you or you don't feel safe, that's not okay: tap 🆘 below to reach a counselor (the emergency numbers are in /help).
card-bullying =
    📇 Bullying
    • It's not your fault, and you don't have to deal with it alone.
    • Keep a record: screenshots, dates, who was there.
    • Stay near people you trust, and avoid being alone where it happens if you can.
    • Online, you can block, mute and report.
    • Tell an adult you trust, or tap 🆘 below to reach a counselor. Telling isn't snitching; it's staying safe.
card-low =
    📇 Feeling low
    • Do one small thing: a shower, a glass of water, a short walk, open a window.
    • Get some daylight and move a little, even 5 minutes.
    • Keep a simple routine: meals and sleep at about the same times.
    • Be as kind to yourself as you would be to a friend.
    • If it's been heavy for two weeks or more, or you think about not wanting to live, tap 🆘 below to reach a counselor (the emergency numbers are in /help).

## Team: self-help the student did while waiting (only with their yes)
briefing-selfhelp = 🌿 Before this chat, { $pseudonym } tried: { $did }. They said you may know; what they typed is never shown.
selfhelp-did = { $kind ->
        [box] box breathing ({ $rounds } rounds, { $how ->
            [done] done
           *[part] stopped partway
        })
        [four] 4-7-8 breathing ({ $rounds } rounds, { $how ->
            [done] done
           *[part] stopped partway
        })
       *[ground] 5-4-3-2-1 grounding ({ $how ->
            [done] done
           *[part] stopped partway
        })
    }
