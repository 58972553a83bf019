# Routing: where a request goes when nobody takes it, alerts to coordinators, and chats handed
# back when someone leaves. Same keys and placeables as locales/id/routing.ftl.

## Students: waiting with nobody on duty
queue-nobody-on-duty =
    No peer supporter who can take your request is on duty right now. Your request is saved and goes to the first supporter who comes on duty. You'll get a message here. You don't need to do anything.

    If you need help now, please contact:
    { $resources }
queue-taking-long =
    Sorry, finding a supporter is taking longer than usual. 🙏 You're still { queue-place } in line{ $told ->
        [yes] , and the program's coordinators have been told
       *[no] {""}
    }. You'll get a message here as soon as someone joins. You don't need to do anything.

    If you need help now, please contact:
    { $resources }

## Team: an offer you did not take (the truth about where it went)
offer-expired-again = ⏰ You didn't answer the offer for { $pseudonym } in time. Nobody else can take it right now, so it has just been offered to you again (below).
offer-expired-waiting = ⏰ You didn't answer the offer for { $pseudonym } in time. Nobody else can take it right now, so it is back in the queue and will be offered again as soon as someone can.
offer-declined-waiting = Okay. Nobody else can take { $pseudonym } right now, so the request waits in the queue and goes to the first supporter who can (maybe you again, later).
offer-handoff-ended = The handover of { $pseudonym } did not happen; the chat stays with the supporter who has it.

## Team: a request nobody has taken (for coordinators)
unattended-alert =
    ⚠️ { $pseudonym } has been waiting { $waited } min and nobody has taken the request yet.
    Topic: { $topic } · Language: { $language }
    Why: { $why }{ $case ->
        [0] {""}
       *[other] {""}
            🆘 This student also has crisis case #{ $case } open: see /cases.
    }
    This is the only alert about this request.
unattended-why-nobody-on-duty = no supporter who speaks this language is on duty.
unattended-why-all-busy = every supporter on duty is at capacity.
unattended-why-not-accepted = it was offered, but declined or not answered yet.
unattended-why-offered-late = no supporter on duty could take it until { $offered_ago ->
        [0] just now
       *[other] { $offered_ago } min ago
    } (resting, at capacity or off duty); it has been offered since, not answered yet.

## Students: their supporter had to leave
handback-student =
    Sorry, { $who ->
        [counselor] the counselor who was with you
       *[supporter] your supporter
    } had to leave. 🙏 { $wait ->
        [nobody] No other supporter who can take your request is on duty right now. Your request is saved and you're first in line: the first supporter who comes on duty will read it and the notes from your chat, so you don't have to start from zero. You'll get a message here when they join.
        [closed] The program is closed now, so no other supporter can join until it opens again ({ $opens }). Your request is saved and you're first in line: the next supporter will read it and the notes from your chat, so you don't have to start from zero. You'll get a message here when they join.
       *[open] You're now first in line. The next supporter will read your request and the notes from your chat, so you don't have to start from zero. You'll get a message here when they join.
    }

    If you need help now, please contact:
    { $resources }
handback-student-case =
    Sorry, { $who ->
        [counselor] the counselor who was with you
       *[supporter] your supporter
    } had to leave. 🙏 { $case ->
        [held] The counselor who knows what you're going through has been told you're waiting again, and can write to you here.
        [seen] Someone from the school's support team who has seen your message has been told you're waiting again.
       *[paging] { $who ->
            [counselor] We're contacting a counselor for you again right now, and they will write to you here.
           *[supporter] A counselor is still being contacted for you and will write to you here.
        }
    } { $wait ->
        [nobody] No other supporter who can take your request is on duty right now; you're first in line for the first one who comes on duty, who will read your request and the notes from your chat.
        [closed] The program is closed now, so no other supporter can join until it opens again ({ $opens }); you're first in line for the next one, who will read your request and the notes from your chat.
       *[open] You're also first in line for the next supporter, who will read your request and the notes from your chat.
    }

    If you are in danger right now, please contact:
    { $resources }
handback-student-stays = Sorry, the { $role } you were talking with had to leave the chat, but the { $stays } is still here. Just keep writing here.

## Team: chats handed back when someone left
handback-done = The chat with { $pseudonym } went back to the team because you are off duty. Thank you for being there for them. 💛
handback-kept = You are back on duty: your { $chats } open chat(s) stay with you.
handback-colleague = Heads-up: the { $role } has left the chat with { $pseudonym }. The chat stays with you.

## Team: looking after yourself (limits and a break after a crisis chat)
wellbeing-cooldown =
    That was a heavy chat. 💛 Take a breather: you won't get new requests for the next { $minutes } min (your other open chats go on). You'll get a message when requests come again.

    How are you after that chat? 1 (heavy) to 5 (fine). If it's weighing on you, press “Talk to a counselor”. After you answer, you can add a few words with /checkin.
wellbeing-cooldown-over = You can get new requests again from now. Take care of yourself. 💛
wellbeing-limit-day = You've had { $limit } chats today, the most the program asks of anyone in one day. You won't get new requests until tomorrow. Thank you for today. 💛
wellbeing-limit-week = You've spent { $limit } hours in chats this week, the most the program asks of anyone in one week. You won't get new requests until Monday. Thank you for this week. 💛
wellbeing-on-duty-resting = You won't get new requests just yet: { $why ->
        [crisis] you're with a student in crisis right now. Stay with them; new requests come again once their case is closed.
        [cooldown] you're taking a break after a heavy chat. You'll get a message when it's over.
        [week] you've reached this week's hours. They start again on Monday.
       *[day] you've reached today's number of chats. It starts again tomorrow.
    }
unattended-why-resting = the supporters on duty are resting (a daily or weekly limit, or a break after a crisis chat) or are with a student in crisis.
wellbeing-checkin-thanks = Thank you for telling us. Take your break; you'll get a message when requests come again. 💛
wellbeing-checkin-low = Thank you for saying so. 💛 { $talk ->
        [yes] A counselor has been told you'd like to talk it through
       *[no] A counselor has been told your check-in was low, so they can check on you
    } (only that, not what was said in the chat); they'll reach out to you. Take your break.
wellbeing-checkin-nobody = Thank you for saying so. 💛 No counselor or coordinator can be told right now; please reach out to your counselor directly when you can. Take your break.
wellbeing-checkin-already = You've already answered this check-in. Thank you. 💛
wellbeing-checkin-old = That check-in is from an earlier chat; nothing was changed.
wellbeing-debrief-wanted = 💛 { $name } (peer supporter) had a heavy chat and { $talk ->
        [yes] would like to talk it through.
       *[no] answered { $score } of 5 on the check-in after it.
    } Please reach out to them when you can. They shared only that, not what was said in the chat.
btn-wellbeing-talk = 💬 Talk to a counselor
wellbeing-note-none = There is no check-in open right now. If you'd like to talk about a chat, tell a counselor. 💛
wellbeing-note-first = First choose how you are, 1 to 5, on the check-in message; then you can add a word with /checkin.
wellbeing-note-usage = Write your words after the command, for example: /checkin I keep thinking about that chat
wellbeing-note-thanks = Thank you for sharing that. 💛 It stays with you; if you'd like to talk after all, press "Talk to a counselor".
wellbeing-note-passed = Thank you. 💛 Your words went to the counselor who was told you'd like to talk.
wellbeing-debrief-note = 💛 { $name } (peer supporter) added a word to their check-in: “{ $words }”
