"""Unit tests for sandbox building blocks (no sockets)."""

from __future__ import annotations

import time
from typing import Any

import pytest

from sandbox.errors import ApiError
from sandbox.formatting import EntityParseError, check_markdown_v2, parse_html, render
from sandbox.methods import validate_markup
from sandbox.methods_admin import METHODS
from sandbox.ratelimit import RateLimiter, TokenBucket
from sandbox.simulate import SimulationError, command_entities, ensure_user, press_button, send_text
from sandbox.state import SandboxState


def test_parse_html_entities_and_errors() -> None:
    plain, entities = parse_html('<b>Halo</b> &lt;3 <a href="https://x.id">sini</a> 😀<i>x</i>')
    assert plain == "Halo <3 sini 😀x"
    assert entities[0] == {"type": "bold", "offset": 0, "length": 4}
    assert entities[1] == {"type": "text_link", "url": "https://x.id", "offset": 8, "length": 4}
    assert entities[2] == {"type": "italic", "offset": 15, "length": 1}  # emoji is 2 UTF-16 units
    with pytest.raises(EntityParseError, match='Unsupported start tag "br"'):
        parse_html("a<br>b")
    with pytest.raises(EntityParseError, match="end tag"):
        parse_html("<b>a")
    with pytest.raises(EntityParseError, match="Unmatched end tag"):
        parse_html("<b>a</i>")
    _, pre = parse_html('<pre><code class="language-python">x</code></pre>')
    assert pre == [{"type": "pre", "language": "python", "offset": 0, "length": 1}]


def test_markdown_v2_reserved_characters() -> None:
    assert check_markdown_v2("Halo *Sari*\\!") == "Halo Sari!"
    assert check_markdown_v2("`1.5` ok") == "1.5 ok"
    with pytest.raises(EntityParseError, match="'.' is reserved"):
        check_markdown_v2("versi 1.5")
    assert render("1.5 *x*", "Markdown") == ("1.5 *x*", [])
    assert render("plain", None) == ("plain", [])


def test_command_entities() -> None:
    assert command_entities("/start abc") == [{"type": "bot_command", "offset": 0, "length": 6}]
    assert command_entities("/start@bot") == [{"type": "bot_command", "offset": 0, "length": 10}]
    assert command_entities("hello /start") == []
    assert command_entities("/") == []


def test_token_bucket_and_limiter() -> None:
    bucket = TokenBucket(rate=1.0, burst=2)
    now = time.monotonic()
    assert bucket.wait_time(now) == 0
    bucket.take()
    bucket.take()
    assert bucket.wait_time(now) > 0
    limiter = RateLimiter(per_chat_limit=1.0, per_chat_burst=1)
    assert limiter.check(1) is None
    assert limiter.check(1) == 1
    assert limiter.check(2) is None
    limiter.configure(None, None)
    assert all(limiter.check(1) is None for _ in range(100))


def test_validate_markup() -> None:
    ok: dict[str, Any] = {"inline_keyboard": [[{"text": "A", "callback_data": "a" * 64}]]}
    assert validate_markup(ok) == ok
    assert validate_markup({"remove_keyboard": True}) == {"remove_keyboard": True}
    with pytest.raises(ApiError, match="BUTTON_DATA_INVALID"):
        validate_markup({"inline_keyboard": [[{"text": "A", "callback_data": "a" * 65}]]})
    with pytest.raises(ApiError, match="BUTTON_DATA_INVALID"):
        validate_markup({"inline_keyboard": [[{"text": "A", "callback_data": ""}]]})
    with pytest.raises(ApiError, match="unallowed"):
        validate_markup({"inline_keyboard": [[{"text": "A"}]]})
    with pytest.raises(ApiError):
        validate_markup("nope")


async def test_update_queue_offsets_and_allowed_updates() -> None:
    state = SandboxState("1:t")
    user = ensure_user(state, first_name="A")
    refs = [send_text(state, user.id, str(i)) for i in range(3)]
    get_updates = METHODS["getUpdates"]
    got = await get_updates(state, {"limit": "2"})
    assert [u["update_id"] for u in got] == [refs[0].update_id, refs[1].update_id]
    got = await get_updates(state, {"offset": str(refs[1].update_id)})
    assert [u["update_id"] for u in got] == [refs[1].update_id, refs[2].update_id]
    got = await get_updates(state, {"offset": -1})
    assert [u["update_id"] for u in got] == [refs[2].update_id]
    assert await get_updates(state, {"offset": refs[2].update_id + 1}) == []
    # callback queries are filtered when only messages are allowed
    sent = await METHODS["sendMessage"](state, {
        "chat_id": user.id, "text": "x",
        "reply_markup": {"inline_keyboard": [[{"text": "A", "callback_data": "a"}]]},
    })
    press_button(state, user.id, sent["message_id"], "a")
    text = send_text(state, user.id, "y")
    got = await get_updates(state, {"allowed_updates": ["message"], "timeout": 0})
    assert [u["update_id"] for u in got] == [text.update_id]
    with pytest.raises(SimulationError):
        press_button(state, user.id, 999, "a")


def test_update_ids_never_go_back() -> None:
    """As Telegram's: not after a reset, and not below what a bot stored before this server
    started (``sejawat run`` continues above the highest id in the bot's inbox)."""
    state = SandboxState("1:t")
    user = ensure_user(state, first_name="A")
    first = send_text(state, user.id, "a").update_id
    state.reset()
    user = ensure_user(state, first_name="A")
    assert send_text(state, user.id, "b").update_id == first + 1
    state.continue_update_ids(first + 100)
    assert send_text(state, user.id, "c").update_id == first + 101
    state.continue_update_ids(5)  # never back
    assert send_text(state, user.id, "d").update_id == first + 102


async def test_wait_until_times_out_and_wakes() -> None:
    state = SandboxState("1:t")
    started = time.monotonic()
    def never() -> int | None:
        return None

    assert await state.wait_until(never, 0.05) is None
    assert time.monotonic() - started >= 0.05
    assert await state.wait_until(lambda: 5, 10) == 5


async def test_edit_rules() -> None:
    state = SandboxState("1:t")
    user = ensure_user(state)
    user_msg = send_text(state, user.id, "hi")
    with pytest.raises(ApiError, match="message can't be edited"):
        await METHODS["editMessageText"](state, {"chat_id": user.id,
                                                 "message_id": user_msg.message_id, "text": "x"})
    sent = await METHODS["sendMessage"](state, {"chat_id": user.id, "text": "a"})
    await METHODS["deleteMessage"](state, {"chat_id": user.id, "message_id": sent["message_id"]})
    with pytest.raises(ApiError, match="message to edit not found"):
        await METHODS["editMessageText"](state, {"chat_id": user.id,
                                                 "message_id": sent["message_id"], "text": "x"})


def test_every_audited_action_has_words_on_the_page_in_both_languages() -> None:
    """Seen (newcomer hour): new actions reached the sandbox timeline as "plan.saved ·
    person:5". Every action the program audits (a literal in handlers/, bot/ or escalation/)
    has the page's own words in both page languages (sandbox/static/i18n, ``ev_<action>``)."""
    import json
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    actions = {m.group(1) for folder in ("handlers", "bot", "escalation")
               for path in (root / folder).glob("*.py")
               for m in re.finditer(r'audit\.add\(\s*[^,]+,\s*"([a-z_]+\.[a-z_]+)"',
                                    path.read_text())}
    assert len(actions) > 40
    for lang in ("en", "id"):
        words = json.loads((root / "sandbox" / "static" / "i18n" / f"{lang}.json").read_text())
        assert sorted(a for a in actions if f"ev_{a}" not in words) == [], lang
