# Escalation cases: who, why and their own words, in the counselor's language

## Students: a counselor is being called, or is already here
counselor-already-coming = We're already contacting a counselor for you. Stay here with us; they'll be with you as soon as they can. 💛
counselor-already-here = A counselor is already in this chat with you. Just write here. 💛

## Team: the escalation card (who, why and their own words)
topic-unknown = not chosen yet
ping-no-words = (nothing written yet)
ping-no-words-earlier = (nothing written yet) · their case before this, #{ $earlier_id }, { $earlier_ago } { $earlier_unit ->
        [day] d
        [hour] h
       *[min] min
    } ago ({ $earlier_state ->
        [safe] closed then: the student is safe
        [referred] closed then: referred for follow-up
        [emergency] closed then: emergency services contacted
        [false_alarm] closed then as a false alarm
       *[open] opened then, still open
    }): “{ $earlier_words }”
reason-suicide = words about suicide
reason-self_harm = words about hurting themselves
reason-abuse = words about being abused or hurt by someone
reason-violence = words about hurting someone else
reason-hopeless = words of hopelessness
reason-second_opinion = no rule matched, but the statistical second opinion found these words worrying (a concern, for a counselor to look at)
reason-words = risky words
reason-student = the student pressed "I need a counselor now"
reason-refer = their peer supporter referred them
reason-screening-unsure = answered "not sure" when asked directly about thoughts of suicide, with nobody from the team with them
reason-screening = answered yes: thoughts of suicide in the past weeks
reason-asq = answered yes to the screening questions (ASQ)
reason-asq-now = answered yes: thinking of killing themselves right now (ASQ)
asq-answers = wished dead: { $asq_1 ->
        [yes] YES
        [no] no
        [skip] rather not say
        [unsure] not sure
        [wait] not answered yet
       *[other] not asked
    } · better off dead: { $asq_2 ->
        [yes] YES
        [no] no
        [skip] rather not say
        [unsure] not sure
        [wait] not answered yet
       *[other] not asked
    } · thoughts of suicide in the past week: { $asq_3 ->
        [yes] YES
        [no] no
        [skip] rather not say
        [unsure] not sure
        [wait] not answered yet
       *[other] not asked
    } · ever tried: { $asq_4 ->
        [yes] YES
        [no] no
        [skip] rather not say
        [unsure] not sure
        [wait] not answered yet
       *[other] not asked
    } · right now: { $asq_5 ->
        [yes] YES
        [no] no
        [skip] rather not say
        [unsure] not sure
        [wait] not answered yet
       *[other] not asked
    }
reason-screening-now = answered yes: thinking of suicide right now
reason-note = their peer supporter wrote a note about risk
reason-friend = a student is worried about a friend (what they know is below; taking over is a chat with the student who told us)
history-student = Student
history-supporter = Supporter
history-counselor = Counselor
history-waiting = Student (while nobody was in the chat)
history-empty = (the student has not written anything yet)
history-opened = The student's message that opened the case
history-cut = …
history-asq = 📋 Screening question: { $question ->
        [wish-dead] wished they were dead, in the past few weeks?
        [better-off-dead] felt they or their family would be better off if they were dead, in the past few weeks?
        [thoughts] thoughts of killing themselves, in the past week?
        [tried] ever tried to kill themselves?
       *[now] thoughts of killing themselves right now?
    } Answer: { $answer ->
        [yes] YES
        [no] no
        [skip] rather not say
       *[unsure] not sure
    }

## Team: reminders, and news for whoever is in the chat
escalation-reminder =
    ⏰ Escalation #{ $id } — { $level } is still open: it was acknowledged, but nobody has taken over or resolved it.{ $sos ->
        [yes] {" "}🆘 The student has pressed "I need a counselor now".
       *[no] {""}
    }
    Student: { $pseudonym } · Topic: { $topic } · { $language }
    Their words: { $excerpt }
    Please take over or resolve it; the team is being paged again.
escalation-outcome-reminder = Escalation #{ $id } ({ $pseudonym }) still has no outcome. If you are worried about them, open the chat again; when you are sure they are safe or referred, resolve it:
escalation-outcome-coordinator = Escalation #{ $id } ({ $pseudonym }): { $name } took it over and the chat has ended, but no outcome has been recorded yet. Please check with { $name }; you can also record the outcome here:
escalation-already-yours = You are already in the chat for escalation #{ $id }.
escalation-asq-complete =
    Escalation #{ $id }: { $pseudonym } has answered all the screening questions.
    { $answers }
sos-pressed-counselor = 🆘 { $pseudonym } just pressed "I need a counselor now". You are in their chat; they were told you are here.
crisis-tell-supporter-asked =
    ⚠️ { $pseudonym } asked for a counselor. A counselor is being contacted and the student has the emergency numbers.
    Stay with them: listen, take it seriously, ask if they are safe right now. Don't promise to keep secrets and don't leave the chat. A counselor may join.

## Team: a choice already ticked while joining
btn-chosen = ✓ { $name }
