# Delivery: a message Telegram refuses, or someone who blocked the bot. Nothing is dropped
# silently: whoever wrote the message is told it did not arrive.

## Students: their message did not arrive
delivery-refused-student =
    Your last message didn't reach your supporter: Telegram wouldn't deliver it. Please send it again, maybe in other words. If you need help right now:
    { $resources }
delivery-blocked-student =
    Your last message didn't reach your supporter: they can't be reached on Telegram right now. We're sorting it out and will tell you here what happens next. If you need help right now:
    { $resources }

## Team: a message that did not arrive, or a student who blocked the bot
delivery-refused-staff = Your last message to { $pseudonym } was not delivered: Telegram refused it. Please send it again, maybe in other words.
delivery-blocked-staff = Your last message to { $pseudonym } was not delivered: they have blocked the bot and won't see anything until they unblock it. You can close the chat with /end.
delivery-student-blocked = { $pseudonym } has blocked the bot: your messages won't reach them until they unblock it. You can close the chat with /end.
