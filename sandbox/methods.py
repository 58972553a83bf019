"""Bot API methods that send, edit and delete messages."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Any

from sandbox.errors import (
    BLOCKED,
    CANT_INITIATE,
    NOT_MODIFIED,
    QUERY_TOO_OLD,
    bad_request,
    forbidden,
    too_many_requests,
)
from sandbox.formatting import EntityParseError, render
from sandbox.params import get_bool, get_chat_id, get_int, get_str, require_int
from sandbox.state import SandboxState
from sandbox.types import BotMessage, CallbackAnswer, ChatAction, JsonDict

Params = dict[str, Any]
Handler = Callable[[SandboxState, Params], Awaitable[Any]]
MAX_TEXT = 4096
MAX_CALLBACK_DATA = 64
CHAT_ACTIONS = frozenset({
    "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
    "upload_document", "choose_sticker", "find_location", "record_video_note",
    "upload_video_note",
})


def chat_or_404(state: SandboxState, chat_id: int) -> JsonDict:
    chat = state.chat_json(chat_id)
    if chat is None:
        raise bad_request("chat not found")
    return chat


def check_can_send(state: SandboxState, chat_id: int, rate_limited: bool = True) -> JsonDict:
    chat = chat_or_404(state, chat_id)
    user = state.users.get(chat_id)
    if user is not None:
        if user.blocked:
            raise forbidden(BLOCKED)
        if not user.has_started:
            raise forbidden(CANT_INITIATE)
    if rate_limited:
        retry_after = state.limiter.check(chat_id)
        if retry_after is not None:
            raise too_many_requests(retry_after)
    return chat


def validate_markup(markup: Any) -> JsonDict | None:
    if markup is None or markup == "":
        return None
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in markup:
        rows = markup["inline_keyboard"]
        if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
            raise bad_request("can't parse inline keyboard button: InlineKeyboardButton must "
                              "be an Object")
        for row in rows:
            for button in row:
                if not isinstance(button, dict) or not button.get("text"):
                    raise bad_request("can't parse inline keyboard button: Text buttons are "
                                      "unallowed in the inline keyboard")
                data = button.get("callback_data")
                if data is not None and (
                    not isinstance(data, str)
                    or not 1 <= len(data.encode("utf-8")) <= MAX_CALLBACK_DATA
                ):
                    raise bad_request("BUTTON_DATA_INVALID")
                if len(button) < 2:
                    raise bad_request("can't parse inline keyboard button: Text buttons are "
                                      "unallowed in the inline keyboard")
    elif "keyboard" in markup:
        if not isinstance(markup["keyboard"], list):
            raise bad_request("field \"keyboard\" must be of type Array")
    elif not ({"remove_keyboard", "force_reply"} & markup.keys()):
        raise bad_request("can't parse reply keyboard markup JSON object")
    return markup


def render_text(text: str | None, parse_mode: str | None, empty: str) -> tuple[str, list[JsonDict]]:
    if text is None or text == "":
        raise bad_request(empty)
    if parse_mode and parse_mode.lower() not in ("html", "markdown", "markdownv2"):
        raise bad_request("unsupported parse_mode")
    try:
        plain, entities = render(text, parse_mode)
    except EntityParseError as exc:
        raise bad_request(f"can't parse entities: {exc}") from None
    if not plain.strip():
        raise bad_request(empty)
    if len(plain) > MAX_TEXT:
        raise bad_request("message is too long")
    return plain, entities


def reply_target(state: SandboxState, params: Params, chat_id: int) -> JsonDict | None:
    reply = params.get("reply_parameters")
    reply_id: int | None
    allow_missing = get_bool(params, "allow_sending_without_reply")
    if isinstance(reply, dict):
        reply_id = get_int(reply, "message_id")
        allow_missing = get_bool(reply, "allow_sending_without_reply", allow_missing)
    else:
        reply_id = get_int(params, "reply_to_message_id")
    if reply_id is None:
        return None
    original = state.messages.get((chat_id, reply_id))
    if original is None and not allow_missing:
        raise bad_request("message to be replied not found")
    return original


def store_bot_message(
    state: SandboxState, chat: JsonDict, params: Params, plain: str, entities: list[JsonDict],
    kind: str = "text",
) -> JsonDict:
    chat_id = int(chat["id"])
    markup = validate_markup(params.get("reply_markup"))
    reply_to = reply_target(state, params, chat_id)
    now = int(state.clock())
    message: JsonDict = {
        "message_id": state.new_message_id(chat_id),
        "from": state.bot_user(),
        "chat": chat,
        "date": now,
        "text": plain,
    }
    if entities:
        message["entities"] = entities
    if reply_to is not None:
        message["reply_to_message"] = reply_to
    if markup and "inline_keyboard" in markup:
        message["reply_markup"] = markup
    record = BotMessage(
        chat_id=chat_id, message_id=message["message_id"], text=plain, date=now,
        sent_at=time.monotonic(), raw_text=get_str(params, "text"),
        parse_mode=get_str(params, "parse_mode"), kind=kind, reply_markup=markup,
        reply_to_message_id=reply_to["message_id"] if reply_to else None, texts=[plain],
    )
    state.add_bot_message(record, message)
    state.emit("message_sent", chat_id=chat_id, message_id=record.message_id, text=plain,
               kind=kind, message=record.to_json())
    return message


async def send_message(state: SandboxState, params: Params) -> Any:
    chat_id = get_chat_id(params)
    plain, entities = render_text(get_str(params, "text"), get_str(params, "parse_mode"),
                                  "message text is empty")
    validate_markup(params.get("reply_markup"))
    chat = check_can_send(state, chat_id)
    return store_bot_message(state, chat, params, plain, entities)


async def copy_message(state: SandboxState, params: Params) -> Any:
    chat_id = get_chat_id(params)
    from_chat_id = get_chat_id(params, "from_chat_id")
    source = state.messages.get((from_chat_id, require_int(params, "message_id")))
    if source is None:
        raise bad_request("message to copy not found")
    chat = check_can_send(state, chat_id)
    text = source.get("text") or source.get("caption") or ""
    caption = get_str(params, "caption")
    if caption is not None:
        text, entities = render_text(caption, get_str(params, "parse_mode"), "message is empty")
    else:
        entities = list(source.get("entities") or [])
    message = store_bot_message(state, chat, params, text, entities, kind="copy")
    return {"message_id": message["message_id"]}


def editable(state: SandboxState, params: Params, verb: str) -> tuple[BotMessage, JsonDict]:
    if params.get("inline_message_id"):
        raise bad_request("MESSAGE_ID_INVALID")
    chat_id = get_chat_id(params)
    chat_or_404(state, chat_id)
    message_id = require_int(params, "message_id")
    record = state.bot_message_index.get((chat_id, message_id))
    if record is None or record.deleted:
        if (chat_id, message_id) in state.messages and not (record and record.deleted):
            raise bad_request(f"message can't be {verb}ed")
        raise bad_request(f"message to {verb} not found")
    return record, state.messages[(chat_id, message_id)]


def apply_edit(
    state: SandboxState, record: BotMessage, message: JsonDict, text: str | None,
    entities: list[JsonDict] | None, params: Params,
) -> JsonDict:
    markup = validate_markup(params.get("reply_markup"))
    if markup is not None and "inline_keyboard" not in markup:
        raise bad_request("inline keyboard expected")
    new_text = record.text if text is None else text
    old_inline = record.reply_markup if "inline_keyboard" in (record.reply_markup or {}) else None
    if new_text == record.text and markup == old_inline and (
        text is None or entities == message.get("entities", [])
    ):
        raise bad_request(NOT_MODIFIED)
    now = int(state.clock())
    record.edit_count += 1
    record.edit_date = now
    if markup is not None or old_inline is not None:  # reply keyboards are not editable
        record.reply_markup = markup
    if text is not None:
        record.text = text
        record.raw_text = get_str(params, "text")
        record.parse_mode = get_str(params, "parse_mode")
        record.texts.append(text)
        message["text"] = text
        if entities:
            message["entities"] = entities
        else:
            message.pop("entities", None)
    if markup:
        message["reply_markup"] = markup
    else:
        message.pop("reply_markup", None)
    message["edit_date"] = now
    state.emit("message_edited", chat_id=record.chat_id, message_id=record.message_id,
               text=record.text, message=record.to_json())
    return message


async def edit_message_text(state: SandboxState, params: Params) -> Any:
    record, message = editable(state, params, "edit")
    plain, entities = render_text(get_str(params, "text"), get_str(params, "parse_mode"),
                                  "message text is empty")
    check_can_send(state, record.chat_id)
    return apply_edit(state, record, message, plain, entities, params)


async def edit_message_reply_markup(state: SandboxState, params: Params) -> Any:
    record, message = editable(state, params, "edit")
    return apply_edit(state, record, message, None, None, params)


async def delete_message(state: SandboxState, params: Params) -> Any:
    chat_id = get_chat_id(params)
    message_id = require_int(params, "message_id")
    record = state.bot_message_index.get((chat_id, message_id))
    if (chat_id, message_id) not in state.messages or (record and record.deleted):
        raise bad_request("message to delete not found")
    state.messages.pop((chat_id, message_id))
    if record is not None:
        record.deleted = True
    state.emit("message_deleted", chat_id=chat_id, message_id=message_id)
    return True


async def answer_callback_query(state: SandboxState, params: Params) -> Any:
    query_id = get_str(params, "callback_query_id") or ""
    query = state.callback_queries.get(query_id)
    if (
        query is None
        or query.answered
        or time.monotonic() - query.created > state.callback_query_ttl
    ):
        raise bad_request(QUERY_TOO_OLD)
    text = get_str(params, "text")
    if text is not None and len(text) > 200:
        raise bad_request("MESSAGE_TOO_LONG")
    query.answered = True
    answer = CallbackAnswer(
        callback_query_id=query_id, user_id=query.user_id, text=text,
        show_alert=get_bool(params, "show_alert"), url=get_str(params, "url"),
        cache_time=get_int(params, "cache_time", 0) or 0, at=time.monotonic(),
    )
    state.callback_answers.append(answer)
    state.emit("callback_answered", **answer.to_json())
    return True


async def send_chat_action(state: SandboxState, params: Params) -> Any:
    chat_id = get_chat_id(params)
    action = get_str(params, "action") or ""
    if action not in CHAT_ACTIONS:
        raise bad_request("wrong parameter action in request")
    check_can_send(state, chat_id, rate_limited=False)
    record = ChatAction(chat_id=chat_id, action=action, at=time.monotonic())
    state.chat_actions.append(record)
    state.emit("chat_action", **record.to_json())
    return True


MESSAGE_METHODS: dict[str, Handler] = {
    "sendMessage": send_message,
    "copyMessage": copy_message,
    "editMessageText": edit_message_text,
    "editMessageReplyMarkup": edit_message_reply_markup,
    "deleteMessage": delete_message,
    "answerCallbackQuery": answer_callback_query,
    "sendChatAction": send_chat_action,
}

