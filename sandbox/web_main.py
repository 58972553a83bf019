"""``python -m sandbox.web_main``: the bot, the sandbox Bot API and the simulator page, for demos.

Until ``sejawat sandbox`` serves the page itself this starts everything in one process::

    .venv/bin/python -m sandbox.web_main --port 8080 --api-port 8081 [--config config.toml]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
from pathlib import Path

from sandbox.botapi import SandboxBotApi
from sandbox.web import Timeline, start_web

DEMO_USERS = (
    (9001, "Bu Sari (koordinator)", "id"),
    (9101, "Dimas (pendamping)", "id"),
    (9102, "Ayu (pendamping)", "id"),
    (9201, "Pak Budi (konselor)", "id"),
)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m sandbox.web_main", description=__doc__)
    parser.add_argument("--config", type=Path, default=None)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080, help="web page port")
    parser.add_argument("--api-port", type=int, default=8081, help="Bot API server port")
    parser.add_argument("--no-bot", action="store_true", help="only the sandbox and the page")
    return parser.parse_args(argv)


async def serve(args: argparse.Namespace) -> None:
    from bot.app import bootstrap
    from bot.config import load_config
    from sandbox.run import SANDBOX_TOKEN, sandbox_config

    example = Path(__file__).resolve().parents[1] / "config.example.toml"
    config = load_config(args.config or (example if example.exists() else None))
    api = SandboxBotApi(token=SANDBOX_TOKEN, per_chat_limit=None, global_limit=30)
    await api.start(args.host, args.api_port)
    for user_id, name, lang in DEMO_USERS:
        await api.create_user(user_id, first_name=name, language_code=lang)
    app = None if args.no_bot else bootstrap(sandbox_config(config, api.base_url))
    web = await start_web(api, args.host, args.port, timeline=Timeline(),
                          languages=tuple(config.program.languages))
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    try:
        if app is not None:
            await app.start()
        print(f"Sejawat sandbox page: {web.url}  (Bot API {api.base_url})", flush=True)
        await stop.wait()
    finally:
        if app is not None:
            await app.stop()
        await web.stop()
        await api.stop()


def main(argv: list[str] | None = None) -> None:
    asyncio.run(serve(parse_args(argv)))


if __name__ == "__main__":
    main()
