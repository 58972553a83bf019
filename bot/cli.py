"""The ``sejawat`` command: run, migrate, config check, keygen, sandbox, risk scan,
members, quarantine list."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import errno
import logging
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from bot import admin
from bot.config import Config, load_config
from bot.errors import SejawatError, StartFailed, why_start_failed

log = logging.getLogger("sejawat")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sejawat", description="Peer-support bot for schools")
    parser.add_argument("--config", type=Path, default=None,
                        help="config file (default: $SEJAWAT_CONFIG, else built-in defaults)")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("run", help="run the bot (no telegram.token: the local sandbox)")
    commands.add_parser("migrate", help="apply database migrations")
    config = commands.add_parser("config", help="configuration tools")
    config.add_subparsers(dest="config_command", required=True).add_parser(
        "check", help="validate the configuration and exit non-zero on errors")
    commands.add_parser("keygen", help="print a new privacy.data_key")
    sandbox = commands.add_parser("sandbox", help="run the bot against the local sandbox")
    sandbox.add_argument("--port", type=int, default=None, help="web page port")
    sandbox.add_argument("--api-port", type=int, default=None, help="Bot API server port")
    risk = commands.add_parser("risk", help="crisis-risk detector tools")
    risk_commands = risk.add_subparsers(dest="risk_command", required=True)
    risk_commands.add_parser(
        "scan", help="read lines on stdin, print one JSON risk assessment per line")
    risk_commands.add_parser(
        "false-alarms", help="escalations resolved as false alarms (for lexicon review)")
    risk_commands.add_parser(
        "misses", help="student messages staff marked with /missed or /falsealarm "
                       "(for lexicon review; decrypted here only)")
    admin.add_parsers(commands)
    return parser


def _logging(verbose: bool, log_format: str = "text") -> None:
    from bot import logs

    logs.install()  # no update content (texts, names) in any log record
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        handlers=[logs.handler(log_format)],  # observability.log_format: text or JSON lines
    )
    for noisy in ("aiogram.event", "httpx", "aiohttp.access", "alembic", "apscheduler"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


async def _serve(config: Config) -> None:
    from bot.app import bootstrap
    from storage.worker_lock import LostWorkerLock

    app = bootstrap(config)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    def on_signal(sig: signal.Signals) -> None:  # an operator sees why it stopped
        log.info("%s received: stopping (what is queued stays in the database)", sig.name)
        stop.set()

    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, on_signal, sig)
    try:
        await app.start()
    except Exception as exc:
        why = why_start_failed(exc, config.telegram.api_base, config.database.url)
        await app.stop()  # (closes what was opened: no "unclosed session" after it)
        if why is None:
            raise
        raise StartFailed(why) from None
    try:
        stopping = asyncio.create_task(stop.wait())
        lost = asyncio.create_task(app.lost.wait())
        await asyncio.wait({stopping, lost}, return_when=asyncio.FIRST_COMPLETED)
        stopping.cancel()
        lost.cancel()
    finally:
        await app.stop()
        log.info("stopped")
    if app.lost.is_set():  # the others took over its work: exit, to be started again
        raise LostWorkerLock("this worker's lock on the database was lost; it stopped so "
                             "that nothing is sent twice: start it again")


async def _migrate(config: Config) -> None:
    from storage.db import create_engine, current_revision, migrate

    engine = create_engine(config.database.url)
    try:
        await migrate(engine)
        print(f"database is at revision {await current_revision(engine)}")
    finally:
        await engine.dispose()


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "keygen":
            from storage.crypto import generate_key

            print(generate_key())
            return 0
        if args.command == "risk" and args.risk_command == "scan":
            from escalation.scan import run as scan

            return scan(sys.stdin, sys.stdout)
        config = load_config(args.config)
        if args.command == "members":
            return asyncio.run(admin.members(config, args))
        if args.command == "risk" and args.risk_command == "misses":
            return asyncio.run(admin.misses(config))
        if args.command == "risk":
            return asyncio.run(admin.false_alarms(config))
        if args.command == "quarantine":
            return asyncio.run(admin.quarantine(config))
        if args.command == "config":
            if config.telegram.token.get_secret_value():
                from storage.crypto import Cipher

                Cipher(config.privacy.data_key.get_secret_value())
            print("configuration is valid")
            return 0
        _logging(args.verbose, config.observability.log_format)
        if args.command == "migrate":
            asyncio.run(_migrate(config))
            return 0
        if args.command == "sandbox" or not config.telegram.token.get_secret_value():
            from sandbox.run import run_sandbox

            asyncio.run(run_sandbox(config, getattr(args, "port", None),
                                    getattr(args, "api_port", None)))
            return 0
        asyncio.run(_serve(config))
        return 0
    except SejawatError as exc:
        print(f"sejawat: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        if exc.errno != errno.EADDRINUSE:
            raise
        print(f"sejawat: a port is already in use ({exc.strerror}): is another Sejawat "
              "(or sandbox) running? Stop it, or choose other ports.", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
