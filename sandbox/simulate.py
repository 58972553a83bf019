"""Simulated user-side actions that produce updates for the bot."""

from __future__ import annotations

import hashlib
import secrets
import time

from sandbox.state import CallbackQueryRecord, GroupInfo, SandboxState
from sandbox.types import MEDIA_KINDS, JsonDict, UpdateRef, UserInfo


class SimulationError(ValueError):
    """A control request that makes no sense (unknown user, missing button, ...)."""


def ensure_user(
    state: SandboxState,
    user_id: int | None = None,
    first_name: str | None = None,
    last_name: str | None = None,
    username: str | None = None,
    language_code: str | None = "en",
    has_started: bool = True,
) -> UserInfo:
    """Create the user (or update the given fields of an existing one)."""
    if user_id is None:
        user_id = state.next_user_id
    state.next_user_id = max(state.next_user_id, user_id + 1)
    user = state.users.get(user_id)
    if user is None:
        user = UserInfo(
            id=user_id,
            first_name=first_name or f"User{user_id}",
            last_name=last_name,
            username=username,
            language_code=language_code,
            has_started=has_started,
        )
        state.users[user_id] = user
    else:
        if first_name:
            user.first_name = first_name
        if last_name is not None:
            user.last_name = last_name
        if username is not None:
            user.username = username
        if language_code is not None:
            user.language_code = language_code
    state.emit("user", user=user.to_json())
    return user


def create_group(
    state: SandboxState, title: str = "Sandbox group", chat_id: int | None = None
) -> JsonDict:
    if chat_id is None:
        chat_id = state.next_group_id
        state.next_group_id -= 1
    if chat_id >= 0:
        raise SimulationError("group chat ids must be negative")
    state.groups[chat_id] = GroupInfo(id=chat_id, title=title)
    chat = state.chat_json(chat_id)
    assert chat is not None
    state.emit("group", chat=chat)
    return chat


def _user(state: SandboxState, user_id: int) -> UserInfo:
    user = state.users.get(user_id)
    if user is None:
        raise SimulationError(f"unknown user {user_id}; create it first")
    return user


def _chat_for(state: SandboxState, user: UserInfo, chat_id: int | None) -> JsonDict:
    chat_id = user.id if chat_id is None else chat_id
    if chat_id != user.id and chat_id not in state.groups:
        raise SimulationError(f"unknown chat {chat_id}")
    if chat_id in state.groups:
        state.groups[chat_id].members.add(user.id)
    chat = state.chat_json(chat_id)
    assert chat is not None
    return chat


def command_entities(text: str) -> list[JsonDict]:
    if not text.startswith("/") or len(text) < 2:
        return []
    command = text.split(maxsplit=1)[0].split("\n", 1)[0]
    return [{"type": "bot_command", "offset": 0, "length": len(command.encode("utf-16-le")) // 2}]


def _base_message(
    state: SandboxState, user: UserInfo, chat: JsonDict, reply_to: int | None
) -> JsonDict:
    chat_id = int(chat["id"])
    message: JsonDict = {
        "message_id": state.new_message_id(chat_id),
        "from": user.telegram_user(),
        "chat": chat,
        "date": int(state.clock()),
    }
    if reply_to is not None:
        original = state.messages.get((chat_id, reply_to))
        if original is None:
            raise SimulationError(f"message {reply_to} not found in chat {chat_id}")
        message["reply_to_message"] = original
    return message


def _deliver_message(state: SandboxState, user: UserInfo, message: JsonDict) -> UpdateRef:
    chat_id = int(message["chat"]["id"])
    state.messages[(chat_id, int(message["message_id"]))] = message
    if chat_id == user.id:
        user.has_started = True
    update = state.enqueue({"message": message})
    return UpdateRef(update["update_id"], chat_id, int(message["message_id"]))


def send_text(
    state: SandboxState,
    user_id: int,
    text: str,
    chat_id: int | None = None,
    reply_to_message_id: int | None = None,
) -> UpdateRef:
    user = _user(state, user_id)
    message = _base_message(state, user, _chat_for(state, user, chat_id), reply_to_message_id)
    message["text"] = text
    entities = command_entities(text)
    if entities:
        message["entities"] = entities
    return _deliver_message(state, user, message)


def _file(kind: str, seq: int) -> JsonDict:
    token = hashlib.sha1(f"{kind}:{seq}".encode()).hexdigest()
    return {"file_id": f"{kind.upper()}_{token}", "file_unique_id": token[:16]}


def media_payload(kind: str, seq: int) -> JsonDict | list[JsonDict]:
    base = _file(kind, seq)
    if kind == "photo":
        return [
            {**_file("photo_s", seq), "width": 90, "height": 90, "file_size": 1_234},
            {**base, "width": 800, "height": 800, "file_size": 65_432},
        ]
    if kind == "sticker":
        return {**base, "type": "regular", "width": 512, "height": 512, "is_animated": False,
                "is_video": False, "emoji": "\U0001f642", "file_size": 20_480}
    if kind == "voice":
        return {**base, "duration": 3, "mime_type": "audio/ogg", "file_size": 9_876}
    if kind in ("video", "animation"):
        return {**base, "width": 640, "height": 360, "duration": 5, "mime_type": "video/mp4",
                "file_size": 300_000}
    if kind == "document":
        return {**base, "file_name": "document.pdf", "mime_type": "application/pdf",
                "file_size": 42_000}
    raise SimulationError(f"unknown media kind {kind!r}; use one of {', '.join(MEDIA_KINDS)}")


def send_media(
    state: SandboxState,
    user_id: int,
    kind: str,
    caption: str | None = None,
    chat_id: int | None = None,
) -> UpdateRef:
    user = _user(state, user_id)
    payload = media_payload(kind, state.next_update_id)
    message = _base_message(state, user, _chat_for(state, user, chat_id), None)
    message[kind] = payload
    if kind == "animation" and isinstance(payload, dict):  # Telegram also fills `document`
        keys = ("file_id", "file_unique_id", "mime_type", "file_size")
        message["document"] = {k: v for k, v in payload.items() if k in keys}
    if caption is not None:
        message["caption"] = caption
    return _deliver_message(state, user, message)


def chat_instance(chat_id: int) -> str:
    return str(int(hashlib.sha1(f"chat:{chat_id}".encode()).hexdigest()[:15], 16))


def press_button(
    state: SandboxState,
    user_id: int,
    message_id: int,
    data: str,
    chat_id: int | None = None,
    force: bool = False,
) -> UpdateRef:
    user = _user(state, user_id)
    chat_id = user.id if chat_id is None else chat_id
    record = state.bot_message_index.get((chat_id, message_id))
    if record is None or record.deleted:
        raise SimulationError(f"no bot message {message_id} in chat {chat_id}")
    if not force and data not in record.button_data():
        raise SimulationError(
            f"message {message_id} has no button with callback_data {data!r}; "
            f"buttons: {record.button_data()!r}"
        )
    message = state.messages[(chat_id, message_id)]
    query_id = str(secrets.randbits(62))
    state.callback_queries[query_id] = CallbackQueryRecord(user.id, time.monotonic())
    query: JsonDict = {
        "id": query_id,
        "from": user.telegram_user(),
        "message": message,
        "chat_instance": chat_instance(chat_id),
        "data": data,
    }
    update = state.enqueue({"callback_query": query})
    return UpdateRef(update["update_id"], chat_id, message_id, query_id)


def set_blocked(
    state: SandboxState, user_id: int, blocked: bool, emit_update: bool = True
) -> UserInfo:
    """Block/unblock; like Telegram, the bot gets a ``my_chat_member`` update."""
    user = _user(state, user_id)
    changed = user.blocked != blocked
    user.blocked = blocked
    state.emit("user_blocked" if blocked else "user_unblocked", user_id=user_id)
    if changed and emit_update:
        bot = state.bot_user()
        member: JsonDict = {"status": "member", "user": bot}
        kicked: JsonDict = {"status": "kicked", "user": bot, "until_date": 0}
        state.enqueue({"my_chat_member": {
            "chat": state.chat_json(user.id),
            "from": user.telegram_user(),
            "date": int(state.clock()),
            "old_chat_member": member if blocked else kicked,
            "new_chat_member": kicked if blocked else member,
        }})
    return user
