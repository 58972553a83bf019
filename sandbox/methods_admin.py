"""Bot API methods for the bot itself: getMe, updates, webhooks, commands, misc."""

from __future__ import annotations

import json
import re
from typing import Any

from sandbox.errors import WEBHOOK_CONFLICT, ApiError, bad_request
from sandbox.methods import MESSAGE_METHODS, Handler, Params, chat_or_404
from sandbox.params import get_bool, get_chat_id, get_float, get_int, get_str
from sandbox.state import SandboxState, WebhookConfig, update_type

_SECRET_RE = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
_COMMAND_RE = re.compile(r"^[a-z0-9_]{1,32}$")
MAX_POLL_TIMEOUT = 50.0


async def get_me(state: SandboxState, params: Params) -> Any:
    return {
        **state.bot_user(),
        "can_join_groups": True,
        "can_read_all_group_messages": False,
        "supports_inline_queries": False,
        "can_connect_to_business": False,
        "has_main_web_app": False,
    }


def _allowed_list(params: Params) -> list[str] | None:
    allowed = params.get("allowed_updates")
    if allowed is None:
        return None
    if not isinstance(allowed, list) or not all(isinstance(a, str) for a in allowed):
        raise bad_request("can't parse allowed_updates JSON array")
    return list(allowed)


async def get_updates(state: SandboxState, params: Params) -> Any:
    if state.webhook is not None:
        raise ApiError(409, WEBHOOK_CONFLICT)
    offset = get_int(params, "offset", 0) or 0
    limit = min(100, max(1, get_int(params, "limit", 100) or 100))
    timeout = min(MAX_POLL_TIMEOUT, max(0.0, get_float(params, "timeout", 0.0)))
    allowed = _allowed_list(params)
    if allowed is not None:
        state.allowed_updates = allowed or None
    state.confirm(offset)

    def probe() -> list[Any] | None:
        state.pending = [
            p for p in state.pending if p.duplicate or state.is_allowed(update_type(p.update))
        ]
        return state.pending[:limit] or None

    batch = await state.wait_until(probe, timeout)
    if not batch or state.webhook is not None:
        return []
    for item in batch:
        item.sent = True
    return [item.update for item in batch]


async def set_webhook(state: SandboxState, params: Params) -> Any:
    url = get_str(params, "url") or ""
    if not url:
        return await delete_webhook(state, params)
    if not url.startswith(("http://", "https://")):
        raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
    secret = get_str(params, "secret_token")
    if secret is not None and not _SECRET_RE.match(secret):
        raise bad_request("secret token contains unallowed characters")
    if get_bool(params, "drop_pending_updates"):
        state.pending.clear()
    state.webhook = WebhookConfig(
        url=url,
        secret_token=secret,
        allowed_updates=_allowed_list(params) or None,
        max_connections=get_int(params, "max_connections", 40) or 40,
    )
    state.emit("webhook_set", url=url)
    return True


async def delete_webhook(state: SandboxState, params: Params) -> Any:
    if get_bool(params, "drop_pending_updates"):
        state.pending.clear()
    if state.webhook is not None:
        state.webhook = None
        state.emit("webhook_deleted")
    return True


async def get_webhook_info(state: SandboxState, params: Params) -> Any:
    hook = state.webhook
    info: dict[str, Any] = {
        "url": hook.url if hook else "",
        "has_custom_certificate": False,
        "pending_update_count": len(state.pending),
    }
    if hook is not None:
        info["max_connections"] = hook.max_connections
        info["ip_address"] = "127.0.0.1"
        if hook.allowed_updates:
            info["allowed_updates"] = hook.allowed_updates
        if hook.last_error_date is not None:
            info["last_error_date"] = hook.last_error_date
            info["last_error_message"] = hook.last_error_message or ""
    return info


def _scope_key(params: Params, state: SandboxState | None = None) -> tuple[str, str]:
    """(With ``state``: a chat scope must name a chat the bot knows, as Telegram checks.)"""
    scope = params.get("scope") or {"type": "default"}
    if not isinstance(scope, dict) or "type" not in scope:
        raise bad_request("can't parse BotCommandScope JSON object")
    if state is not None and scope["type"] == "chat" and \
            state.chat_json(get_chat_id(scope)) is None:
        raise bad_request("chat not found")
    return json.dumps(scope, sort_keys=True), get_str(params, "language_code") or ""


async def set_my_commands(state: SandboxState, params: Params) -> Any:
    commands = params.get("commands")
    if not isinstance(commands, list):
        raise bad_request("can't parse commands JSON array")
    if len(commands) > 100:
        raise bad_request("too many commands specified")
    clean: list[dict[str, Any]] = []
    for command in commands:
        if not isinstance(command, dict):
            raise bad_request("can't parse BotCommand JSON object")
        name = str(command.get("command", "")).removeprefix("/")
        description = str(command.get("description", ""))
        if not _COMMAND_RE.match(name):
            raise bad_request("BOT_COMMAND_INVALID")
        if not 1 <= len(description) <= 256:
            raise bad_request("command description is empty" if not description
                              else "BOT_COMMAND_DESCRIPTION_INVALID")
        clean.append({"command": name, "description": description})
    key = _scope_key(params, state)
    state.commands[key] = clean
    state.emit("commands_set", scope=key[0], language_code=key[1], commands=clean)
    return True


async def get_my_commands(state: SandboxState, params: Params) -> Any:
    return state.commands.get(_scope_key(params), [])


async def delete_my_commands(state: SandboxState, params: Params) -> Any:
    state.commands.pop(_scope_key(params, state), None)
    state.emit("commands_deleted")
    return True


async def set_chat_menu_button(state: SandboxState, params: Params) -> Any:
    chat_id = get_int(params, "chat_id")
    button = params.get("menu_button") or {"type": "default"}
    if not isinstance(button, dict):
        raise bad_request("can't parse MenuButton JSON object")
    state.menu_buttons[chat_id] = button
    return True


async def get_chat_menu_button(state: SandboxState, params: Params) -> Any:
    chat_id = get_int(params, "chat_id")
    return state.menu_buttons.get(chat_id) or state.menu_buttons.get(None) or {"type": "default"}


async def get_chat(state: SandboxState, params: Params) -> Any:
    chat = chat_or_404(state, get_chat_id(params))
    return {**chat, "accent_color_id": 0, "max_reaction_count": 11,
            "accepted_gift_types": {"unlimited_gifts": False, "limited_gifts": False,
                                    "unique_gifts": False, "premium_subscription": False}}


async def accept(state: SandboxState, params: Params) -> Any:
    return True


METHODS: dict[str, Handler] = {
    **MESSAGE_METHODS,
    "getMe": get_me,
    "getUpdates": get_updates,
    "setWebhook": set_webhook,
    "deleteWebhook": delete_webhook,
    "getWebhookInfo": get_webhook_info,
    "setMyCommands": set_my_commands,
    "getMyCommands": get_my_commands,
    "deleteMyCommands": delete_my_commands,
    "setChatMenuButton": set_chat_menu_button,
    "getChatMenuButton": get_chat_menu_button,
    "getChat": get_chat,
    "close": accept,
    "logOut": accept,
    "setMyDescription": accept,
    "setMyShortDescription": accept,
    "setMyName": accept,
    "setMyDefaultAdministratorRights": accept,
}
CANONICAL: dict[str, str] = {name.lower(): name for name in METHODS}
