"""Reading Bot API parameters from JSON, urlencoded, multipart bodies and the query string."""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

from sandbox.errors import bad_request

# Parameters that carry JSON objects/arrays; form-encoded clients send them as JSON strings.
JSON_FIELDS = frozenset(
    {
        "reply_markup",
        "allowed_updates",
        "commands",
        "scope",
        "entities",
        "caption_entities",
        "link_preview_options",
        "reply_parameters",
        "menu_button",
        "media",
        "results",
        "rights",
    }
)


async def read_params(request: web.Request) -> dict[str, Any]:
    """Merge query string and body parameters (body wins); decode JSON-encoded fields."""
    params: dict[str, Any] = dict(request.query)
    if request.method == "POST" and request.can_read_body:
        ctype = request.content_type
        if ctype == "application/json":
            try:
                body = await request.json()
            except ValueError:
                raise bad_request("can't parse JSON object") from None
            if isinstance(body, dict):
                params.update(body)
        elif ctype in ("application/x-www-form-urlencoded", "multipart/form-data"):
            form = await request.post()
            for key, value in form.items():
                if isinstance(value, str):
                    params[key] = value
                # uploaded files are accepted and ignored
        else:
            raw = await request.read()
            if raw.strip().startswith(b"{"):
                try:
                    body = json.loads(raw)
                except ValueError:
                    body = None
                if isinstance(body, dict):
                    params.update(body)
    for key in JSON_FIELDS & params.keys():
        value = params[key]
        if isinstance(value, str):
            try:
                params[key] = json.loads(value)
            except ValueError:
                raise bad_request(f"can't parse {key} JSON object") from None
    return params


def get_int(params: dict[str, Any], name: str, default: int | None = None) -> int | None:
    value = params.get(name)
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    try:
        return int(str(value))
    except ValueError:
        raise bad_request(f"invalid {name} specified") from None


def require_int(params: dict[str, Any], name: str) -> int:
    value = get_int(params, name)
    if value is None:
        raise bad_request(f"{name} is empty")
    return value


def get_chat_id(params: dict[str, Any], name: str = "chat_id") -> int:
    value = params.get(name)
    if value is None or value == "":
        raise bad_request("chat_id is empty" if name == "chat_id" else f"{name} is empty")
    try:
        return int(str(value))
    except ValueError:
        raise bad_request("chat not found") from None


def get_str(params: dict[str, Any], name: str) -> str | None:
    value = params.get(name)
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def get_bool(params: dict[str, Any], name: str, default: bool = False) -> bool:
    value = params.get(name)
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("true", "1", "yes")


def get_float(params: dict[str, Any], name: str, default: float) -> float:
    value = params.get(name)
    if value is None or value == "":
        return default
    try:
        return float(value)
    except (TypeError, ValueError):
        raise bad_request(f"invalid {name} specified") from None
