"""The sandbox web simulator: several Telegram-like phones on one page, a timeline, training.

``start_web(api, host, port)`` serves the page (``sandbox/static``) and a small JSON/WebSocket
API that drives the in-process :class:`SandboxBotApi` through its control operations. Nothing
is fetched from the network: HTML, CSS, JS, UI strings and scenarios are local files.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from aiohttp import WSMsgType, web

from sandbox.demo import DEMO_STAFF, members_by_role
from sandbox.simulate import SimulationError
from sandbox.types import MEDIA_KINDS, Event, JsonDict, UserInfo

if TYPE_CHECKING:
    from sandbox.botapi import SandboxBotApi
    from sandbox.web_training import TrainingRunner

STATIC_DIR = Path(__file__).with_name("static")
ROLES = ("student", "supporter", "counselor", "coordinator")
DEFAULT_LAYOUT: dict[str, int | None] = {
    "student": None, "supporter": 9101, "counselor": 9201, "coordinator": 9001,
}
DEMO_STAFF_IDS = frozenset(i for i, _, _ in DEMO_STAFF)  # never offered as "the student"
QUIET_EVENTS = frozenset({"api_call", "webhook_delivered"})
SUMMARY_LIMIT = 80
log = logging.getLogger("sejawat.sandbox")


def _label(query: JsonDict) -> str:
    """The text of the pressed button, from the message it was on (its data if not found)."""
    data = str(query.get("data"))
    markup = (query.get("message") or {}).get("reply_markup") or {}
    for row in markup.get("inline_keyboard") or []:
        for key in row:
            if key.get("callback_data") == data and key.get("text"):
                return str(key["text"])
    return data


class PracticeHook(Protocol):
    """What the page tells the bot about a training's scripted student (handlers.practice);
    ``sandbox.run.practice_hook(app)`` is one."""

    async def begin(self, student_id: int, trainee_id: int, language: str) -> None:
        """Before it writes: the student is a practice student of that trainee."""

    async def finish(self, student_id: int) -> None:
        """The training is over: its practice chat (or the offer of it) ends on the bot's
        side too, so the trainee's place for a chat is free again."""


class TimeHook(Protocol):
    """Moves the bot's clock forward, so a tryout sees what happens in ten minutes or an hour
    (an offer expiring, the unattended alert, the crisis ladder, a follow-up) without waiting
    or shortening timers; ``sandbox.run.time_hook(app)`` is one."""

    async def skip(self, minutes: int) -> datetime:
        """The clock ``minutes`` later; whatever fell due meanwhile happens now. The new time."""


MAX_SKIP = 24 * 60  # minutes in one step


# -- timeline --------------------------------------------------------------------------------


@dataclass
class TimelineEntry:
    seq: int
    at: float  # wall clock (time.time())
    kind: str
    summary: str
    data: JsonDict = field(default_factory=dict)

    def to_json(self) -> JsonDict:
        return asdict(self)


Subscriber = Callable[[TimelineEntry], None]


class Timeline:
    """In-process pub/sub of "what the system did", streamed to the page.

    The bot side calls ``publish("risk_detected", "high risk in a student message", {...})``;
    the web server adds summaries of sandbox traffic (updates, messages, edits, ...).
    Subscribers are plain callables run synchronously in ``publish``; keep them cheap.
    """

    def __init__(self, keep: int = 2000) -> None:
        self.entries: deque[TimelineEntry] = deque(maxlen=keep)
        self._subscribers: list[Subscriber] = []
        self._seq = 0

    def publish(self, kind: str, summary: str, data: JsonDict | None = None) -> TimelineEntry:
        self._seq += 1
        entry = TimelineEntry(self._seq, time.time(), kind, summary, dict(data or {}))
        self.entries.append(entry)
        for subscriber in list(self._subscribers):
            subscriber(entry)
        return entry

    def subscribe(self, subscriber: Subscriber) -> Callable[[], None]:
        """Call ``subscriber`` for every new entry; returns the unsubscribe function."""
        self._subscribers.append(subscriber)

        def unsubscribe() -> None:
            with contextlib.suppress(ValueError):
                self._subscribers.remove(subscriber)

        return unsubscribe

    def since(self, seq: int = 0) -> list[TimelineEntry]:
        return [e for e in self.entries if e.seq > seq]


def _short(text: object) -> str:
    value = " ".join(str(text or "").split())
    return value if len(value) <= SUMMARY_LIMIT else value[: SUMMARY_LIMIT - 1] + "…"


def _media_kind(message: JsonDict) -> str | None:
    return next((k for k in MEDIA_KINDS if k in message), None)


class Narrator:
    """Turns sandbox events into short timeline entries (kind ``tg.*``)."""

    def __init__(self, api: SandboxBotApi, timeline: Timeline) -> None:
        self.api = api
        self.timeline = timeline

    def name(self, user_id: object) -> str:
        user = self.api.state.users.get(int(str(user_id))) if user_id is not None else None
        return f"{user.first_name} ({user.id})" if user else str(user_id)

    def __call__(self, event: Event) -> None:
        data = event.data
        kind, summary = "", ""
        # ``say``: the page's own words for the entry (sandbox/static/i18n, key ``tl_<say>``)
        say, args = "", {}
        if event.type == "update":
            update: JsonDict = data.get("update") or {}
            if "message" in update:
                message = update["message"]
                body = message.get("text") or f"[{_media_kind(message) or 'message'}]"
                kind = "tg.update"
                who, text = self.name(message["from"]["id"]), _short(body)
                summary, say, args = f"{who} → bot: {text}", "tg_in", {"who": who, "text": text}
            elif "callback_query" in update:
                query = update["callback_query"]
                kind = "tg.button"
                # the label the person read, not the callback data (seen: "[of:accept:1]")
                who, button = self.name(query["from"]["id"]), _label(query)
                summary = f"{who} pressed [{button}]"
                say, args = "tg_press", {"who": who, "button": button}
            else:
                kind, summary = "tg.update", f"update {data.get('kind')}"
                say, args = "tg_other", {"kind": str(data.get("kind"))}
            if data.get("duplicate"):
                summary += " (redelivered)"
                args["again"] = "1"
        elif event.type == "message_sent":
            kind = "tg.message"
            who, text = self.name(data.get("chat_id")), _short(data.get("text"))
            summary, say, args = f"bot → {who}: {text}", "tg_out", {"who": who, "text": text}
        elif event.type in ("message_edited", "message_deleted"):
            verb = "edited" if event.type == "message_edited" else "deleted"
            kind = "tg.edit" if verb == "edited" else "tg.delete"
            who, n = self.name(data.get("chat_id")), str(data.get("message_id"))
            summary = f"bot {verb} #{n} for {who}"
            say, args = f"tg_{verb}", {"who": who, "n": n}
        elif event.type == "callback_answered" and data.get("text"):
            kind = "tg.answer"
            who, text = self.name(data.get("user_id")), _short(data.get("text"))
            summary, say, args = f"bot answered {who}: {text}", "tg_answer", \
                {"who": who, "text": text}
        elif event.type == "commands_set":
            lang = data.get("language_code") or "default"
            kind = "tg.commands"
            commands = " ".join("/" + str(c["command"]) for c in data.get("commands", []))
            summary = f"command menu set ({lang}): {commands}"
            say, args = "tg_menu", {"lang": str(lang), "commands": commands}
        elif event.type == "user":
            user = data.get("user") or {}
            kind = "tg.user"
            who = f"{user.get('first_name')} ({user.get('id')})"
            summary, say, args = f"user {who} is here", "tg_user", {"who": who}
        elif event.type in ("user_blocked", "user_unblocked"):
            kind = "tg.user"
            who, verb = self.name(data.get("user_id")), event.type.removeprefix("user_")
            summary, say, args = f"{who} {verb} the bot", f"tg_{verb}", {"who": who}
        if kind:
            self.timeline.publish(kind, summary, {"event_seq": event.seq, "type": event.type,
                                                  "chat_id": data.get("chat_id"),
                                                  "say": say, "args": args})


# -- chat views ------------------------------------------------------------------------------


def _keyboard(markup: JsonDict | None, key: str) -> list[list[JsonDict]]:
    rows = (markup or {}).get(key) or []
    return [[b if isinstance(b, dict) else {"text": str(b)} for b in row] for row in rows]


async def chat_view(api: SandboxBotApi, chat_id: int) -> JsonDict:
    """Everything a phone shows for a private chat: bubbles, inline and reply keyboards."""
    records = {r.message_id: r for r in await api.messages(chat_id)}
    bubbles: list[JsonDict] = []
    reply_keyboard: list[list[JsonDict]] = []
    for message in await api.transcript(chat_id):
        mid = int(message["message_id"])
        record = records.get(mid)
        media = _media_kind(message)
        bubble: JsonDict = {
            "id": mid,
            "from": "bot" if record is not None else "user",
            "text": message.get("text") or message.get("caption") or "",
            "media": media,
            "date": message.get("date"),
            "edited": bool(record and record.edited),
            "buttons": [],
        }
        if record is not None:
            bubble["buttons"] = _keyboard(record.reply_markup, "inline_keyboard")
            markup = record.reply_markup or {}
            if "keyboard" in markup:
                reply_keyboard = _keyboard(markup, "keyboard")
            elif markup.get("remove_keyboard"):
                reply_keyboard = []
        if media == "sticker":
            bubble["emoji"] = (message.get("sticker") or {}).get("emoji", "")
        bubbles.append(bubble)
    return {"chat_id": chat_id, "messages": bubbles, "reply_keyboard": reply_keyboard}


def commands_for(entries: Iterable[JsonDict], user: UserInfo) -> list[JsonDict]:
    """The command menu Telegram would show this user in the private chat (scope resolution)."""
    table = {(json.dumps(e["scope"], sort_keys=True), e["language_code"]): e["commands"]
             for e in entries}
    scopes = [
        {"type": "chat", "chat_id": user.id},
        {"type": "all_private_chats"},
        {"type": "default"},
    ]
    lang = (user.language_code or "").split("-")[0]
    for scope in scopes:
        key = json.dumps(scope, sort_keys=True)
        for language in (lang, ""):
            commands = table.get((key, language))
            if commands:
                return list(commands)
    return []


def parse_layout(query: dict[str, str] | Any, users: Iterable[UserInfo]) -> list[JsonDict]:
    """Phones to show: defaults overridden by ``?supporter=9102&student=5001`` (or ``none``)."""
    known = {u.id: u for u in users}
    phones: list[JsonDict] = []
    for role in ROLES:
        user_id = DEFAULT_LAYOUT[role]
        raw = query.get(role)
        if raw is not None:
            if raw in ("", "none", "hide"):
                continue
            try:
                user_id = int(raw)
            except ValueError:
                raise web.HTTPBadRequest(text=f"{role} must be a user id") from None
        user = known.get(user_id) if user_id is not None else None
        phones.append({"role": role, "user_id": user_id,
                       "user": user.to_json() if user else None})
    return phones


# -- the server ------------------------------------------------------------------------------


def _int(value: object, name: str) -> int:
    try:
        return int(str(value))
    except ValueError:
        raise web.HTTPBadRequest(text=f"{name} must be an integer") from None


async def _body(request: web.Request) -> JsonDict:
    try:
        body = await request.json()
    except ValueError:
        raise web.HTTPBadRequest(text="request body must be a JSON object") from None
    if not isinstance(body, dict):
        raise web.HTTPBadRequest(text="request body must be a JSON object")
    return body


def _ok(result: Any) -> web.Response:
    return web.json_response({"ok": True, "result": result})


@web.middleware
async def _errors(
    request: web.Request, handler: Callable[[web.Request], Any]
) -> web.StreamResponse:
    try:
        response: web.StreamResponse = await handler(request)
        return response
    except (SimulationError, ValueError) as exc:
        return web.json_response({"ok": False, "error": str(exc)}, status=400)
    except web.HTTPBadRequest as exc:
        return web.json_response({"ok": False, "error": exc.text}, status=400)


class WebServer:
    """The running page; ``url`` to open it, ``await stop()`` to end it."""

    def __init__(
        self, api: SandboxBotApi, timeline: Timeline, languages: tuple[str, ...],
        practice: PracticeHook | None = None, clock: TimeHook | None = None,
    ) -> None:
        from sandbox.web_training import TrainingRunner, load_scenarios

        self.api = api
        self.practice = practice
        self.clock = clock
        self.timeline = timeline
        self.languages = languages
        self.scenarios = load_scenarios()
        self.training: TrainingRunner | None = None
        self._runner_factory = TrainingRunner
        self._practice_over: dict[int, asyncio.Task[None]] = {}  # by scripted student id
        self.sockets: dict[web.WebSocketResponse, asyncio.Queue[JsonDict | None]] = {}
        self._narrator = Narrator(api, timeline)
        self._runner: web.AppRunner | None = None
        self.url = ""

    # lifecycle

    def make_app(self) -> web.Application:
        app = web.Application(middlewares=[_errors])
        app.router.add_get("/", self.index)
        app.router.add_get("/favicon.ico", self.favicon)
        app.router.add_get("/api/layout", self.layout)
        app.router.add_get("/api/users", self.users)
        app.router.add_get("/api/chat/{user_id}", self.chat)
        app.router.add_get("/api/commands/{user_id}", self.commands)
        app.router.add_post("/api/students", self.add_student)
        app.router.add_post("/api/send", self.send)
        app.router.add_post("/api/media", self.media)
        app.router.add_post("/api/press", self.press)
        app.router.add_post("/api/time", self.skip_time)
        app.router.add_get("/api/timeline", self.timeline_entries)
        app.router.add_get("/api/scenarios", self.list_scenarios)
        app.router.add_post("/api/training/start", self.training_start)
        app.router.add_post("/api/training/stop", self.training_stop)
        app.router.add_get("/api/training", self.training_status)
        app.router.add_get("/api/ws", self.websocket)
        app.router.add_static("/static", STATIC_DIR, follow_symlinks=False)
        return app

    async def start(self, host: str, port: int) -> None:
        self.api.state.listeners.append(self._narrator)
        self._runner = web.AppRunner(self.make_app(), access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        sockets = getattr(site._server, "sockets", None) or []
        bound = int(sockets[0].getsockname()[1]) if sockets else port
        self.url = f"http://{host}:{bound}"

    async def stop(self) -> None:
        with contextlib.suppress(ValueError):
            self.api.state.listeners.remove(self._narrator)
        if self.training is not None:
            await self.training.stop()
        ending = [t for t in self._practice_over.values() if not t.done()]
        if ending:  # a training that just ended: its practice chat is being closed
            await asyncio.wait(ending, timeout=5)
        for ws in list(self.sockets):
            await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # pages and reads

    async def index(self, request: web.Request) -> web.StreamResponse:
        return web.FileResponse(STATIC_DIR / "index.html")

    async def favicon(self, request: web.Request) -> web.StreamResponse:
        return web.FileResponse(STATIC_DIR / "favicon.svg",
                                headers={"Content-Type": "image/svg+xml"})

    async def layout(self, request: web.Request) -> web.Response:
        phones = parse_layout(request.query, await self.api.users())
        staff = DEMO_STAFF_IDS | {p["user_id"] for p in phones
                              if p["role"] != "student" and p["user_id"] is not None}
        members = members_by_role()
        for p in phones:  # a phone shown for someone outside the demo team switches to them too
            if p["role"] != "student" and p["user_id"] is not None and \
                    p["user_id"] not in members.get(p["role"], []):
                members.setdefault(p["role"], []).insert(0, p["user_id"])
        return _ok({"phones": phones, "languages": list(self.languages),
                    "staff_ids": sorted(staff), "members": members,
                    "bot": self.api.state.bot_user()})

    async def users(self, request: web.Request) -> web.Response:
        return _ok([u.to_json() for u in await self.api.users()])

    async def chat(self, request: web.Request) -> web.Response:
        return _ok(await chat_view(self.api, _int(request.match_info["user_id"], "user_id")))

    async def commands(self, request: web.Request) -> web.Response:
        user_id = _int(request.match_info["user_id"], "user_id")
        user = self.api.state.users.get(user_id)
        if user is None:
            raise SimulationError(f"unknown user {user_id}")
        return _ok(commands_for(await self.api.commands(), user))

    async def timeline_entries(self, request: web.Request) -> web.Response:
        since = _int(request.query.get("since", "0"), "since")
        return _ok([e.to_json() for e in self.timeline.since(since)])

    # user actions

    async def add_student(self, request: web.Request) -> web.Response:
        body = await _body(request)
        name = str(body.get("name") or "").strip()
        if not name:
            raise SimulationError("a student needs a name")
        language = str(body.get("language") or self.languages[0])
        if language not in self.languages:
            raise SimulationError(f"language must be one of {', '.join(self.languages)}")
        user_id = body.get("user_id")
        user = await self.api.create_user(
            _int(user_id, "user_id") if user_id is not None else None,
            first_name=name, language_code=language,
        )
        who = f"{name} ({user.id})"
        self.timeline.publish("web.student", f"student {who} added, {language}",
                              {"user_id": user.id, "say": "web_student",
                               "args": {"who": who, "lang": language}})
        return _ok(user.to_json())

    async def send(self, request: web.Request) -> web.Response:
        body = await _body(request)
        text = str(body.get("text") or "")
        if not text.strip():
            raise SimulationError("empty message")
        ref = await self.api.send_text(_int(body.get("user_id"), "user_id"), text)
        return _ok(ref.to_json())

    async def media(self, request: web.Request) -> web.Response:
        body = await _body(request)
        kind = str(body.get("kind") or "sticker")
        caption = body.get("caption")
        ref = await self.api.send_media(_int(body.get("user_id"), "user_id"), kind,
                                        str(caption) if caption else None)
        return _ok(ref.to_json())

    async def press(self, request: web.Request) -> web.Response:
        body = await _body(request)
        ref = await self.api.press_button(
            _int(body.get("user_id"), "user_id"), _int(body.get("message_id"), "message_id"),
            str(body.get("data") or ""),
        )
        return _ok(ref.to_json())

    async def skip_time(self, request: web.Request) -> web.Response:
        """``{"minutes": n}``: the bot's clock n minutes later (1 to a day at a time)."""
        minutes = _int((await _body(request)).get("minutes"), "minutes")
        if not 1 <= minutes <= MAX_SKIP:
            raise web.HTTPBadRequest(text=f"minutes must be between 1 and {MAX_SKIP}")
        if self.clock is None:
            raise web.HTTPConflict(text="this page has no bot clock to move")
        now = await self.clock.skip(minutes)
        self.timeline.publish("clock", f"clock +{minutes} min", {"n": minutes,
                                                                   "now": now.isoformat()})
        return _ok({"now": now.isoformat()})

    # training

    async def list_scenarios(self, request: web.Request) -> web.Response:
        return _ok([s.summary() for s in self.scenarios.values()])

    async def training_start(self, request: web.Request) -> web.Response:
        body = await _body(request)
        scenario = self.scenarios.get(str(body.get("scenario")))
        if scenario is None:
            raise SimulationError(f"unknown scenario {body.get('scenario')!r}")
        language = str(body.get("language") or self.languages[0])
        supporter = _int(body.get("supporter_id", DEFAULT_LAYOUT["supporter"]), "supporter_id")
        if self.training is not None:
            await self._stop_training(self.training)
        student = await self.api.create_user(None, first_name=scenario.student_name,
                                             language_code=language)
        if self.practice is not None:  # its request goes to the trainee, its risk pages nobody
            await self.practice.begin(student.id, supporter, language)
        self.training = self._runner_factory(
            self.api, scenario, language, supporter, student_id=student.id,
            timeline=self.timeline, on_change=self._training_changed,
        )
        await self.training.start(run_intake=bool(body.get("intake", True)))
        return _ok(self.training.status())

    async def training_stop(self, request: web.Request) -> web.Response:
        if self.training is None:
            raise SimulationError("no training is running")
        await self._stop_training(self.training)
        return _ok(self.training.status())

    async def training_status(self, request: web.Request) -> web.Response:
        return _ok(self.training.status() if self.training else None)

    async def _stop_training(self, runner: TrainingRunner) -> None:
        """*Finish* (or a new training): the runner stops with its debrief, and the practice
        chat ends on the bot's side before this returns."""
        await runner.stop()
        ending = self._end_practice(runner)
        if ending is not None:
            await asyncio.shield(ending)

    def _training_changed(self, runner: TrainingRunner) -> None:
        message = {"type": "training", "status": runner.status()}
        for queue in list(self.sockets.values()):
            queue.put_nowait(message)
        if runner.phase in ("finished", "failed"):  # however it ended: nothing left open
            self._end_practice(runner)

    def _end_practice(self, runner: TrainingRunner) -> asyncio.Task[None] | None:
        """Tell the bot this training is over (once per scripted student)."""
        student = runner.student_id
        if self.practice is None or student is None:
            return None
        if student not in self._practice_over:
            self._practice_over[student] = asyncio.get_running_loop().create_task(
                self._finish_practice(self.practice, student), name=f"practice-over-{student}")
        return self._practice_over[student]

    @staticmethod
    async def _finish_practice(practice: PracticeHook, student: int) -> None:
        try:
            await practice.finish(student)
        except Exception:  # the page goes on; the bot's idle timeout still ends the chat
            log.exception("ending the practice chat of scripted student %s failed", student)

    # live stream

    async def websocket(self, request: web.Request) -> web.WebSocketResponse:
        """``{"type": "event"|"timeline"|"training", ...}`` messages, oldest first.

        ``?since=<timeline seq>`` replays timeline entries after that seq first, marked
        ``"replay": true`` (the page does not ring a phone again for an old alert).
        """
        ws = web.WebSocketResponse(heartbeat=20.0)
        await ws.prepare(request)
        queue: asyncio.Queue[JsonDict | None] = asyncio.Queue()
        since = request.query.get("since")
        if since is not None:
            for entry in self.timeline.since(_int(since, "since")):
                queue.put_nowait({"type": "timeline", "entry": entry.to_json(), "replay": True})

        def on_event(event: Event) -> None:
            if event.type not in QUIET_EVENTS:
                data = {k: v for k, v in event.data.items() if k != "message"}
                queue.put_nowait({"type": "event", "event": {**event.to_json(), "data": data}})

        def on_entry(entry: TimelineEntry) -> None:
            queue.put_nowait({"type": "timeline", "entry": entry.to_json()})

        state = self.api.state
        state.listeners.append(on_event)
        unsubscribe = self.timeline.subscribe(on_entry)
        self.sockets[ws] = queue

        async def reader() -> None:
            async for msg in ws:
                if msg.type in (WSMsgType.CLOSE, WSMsgType.ERROR):
                    break
            queue.put_nowait(None)

        reader_task = asyncio.create_task(reader())
        try:
            while not ws.closed:
                item = await queue.get()
                if item is None:
                    break
                await ws.send_json(item)
        except (ConnectionError, RuntimeError):
            pass
        finally:
            with contextlib.suppress(ValueError):
                state.listeners.remove(on_event)
            unsubscribe()
            self.sockets.pop(ws, None)
            reader_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await reader_task
            await ws.close()
        return ws


async def start_web(
    api: SandboxBotApi, host: str, port: int, *, languages: tuple[str, ...] = ("id", "en"),
    timeline: Timeline | None = None, practice: PracticeHook | None = None,
    clock: TimeHook | None = None,
) -> WebServer:
    """Serve the simulator page for ``api`` on ``host:port`` (0 = any free port); with
    ``practice``, a training's scripted student is the trainee's practice student."""
    server = WebServer(api, timeline or Timeline(), tuple(languages), practice, clock)
    await server.start(host, port)
    return server
