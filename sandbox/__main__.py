"""``python -m sandbox --port 8081 --token TOKEN``: serve the sandbox Bot API until Ctrl-C."""

from __future__ import annotations

import argparse
import asyncio
import contextlib

from sandbox.botapi import SandboxBotApi

DEFAULT_TOKEN = "123456789:SANDBOX-token_for-local-testing"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m sandbox", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--token", default=DEFAULT_TOKEN)
    parser.add_argument("--bot-username", default="sejawat_sandbox_bot")
    parser.add_argument("--per-chat-limit", type=float, default=None,
                        help="messages/second per chat (e.g. 1.0); default off")
    parser.add_argument("--global-limit", type=float, default=None,
                        help="messages/second for the whole bot (e.g. 30); default off")
    return parser.parse_args(argv)


async def serve(args: argparse.Namespace) -> None:
    api = SandboxBotApi(
        token=args.token, bot_username=args.bot_username,
        per_chat_limit=args.per_chat_limit, global_limit=args.global_limit,
    )
    await api.start(args.host, args.port)
    print(f"Sandbox Bot API on {api.base_url}/bot<token>/<method>", flush=True)
    print(f"Control API on {api.base_url}/control/<op>, events at ws {api.base_url}/control/events",
          flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        await api.stop()


def main(argv: list[str] | None = None) -> None:
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(parse_args(argv)))


if __name__ == "__main__":
    main()
