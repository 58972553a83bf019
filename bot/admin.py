"""Operator commands that touch the database: ``sejawat members ...``, false-alarm report."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.config import Config
from flows.intake import LANGUAGES, TOPICS
from storage.crypto import Cipher
from storage.db import check_data_key, create_engine, migrate, sessionmaker
from storage.program_models import Escalation
from storage.uow import Store

ROLES = ("supporter", "counselor", "coordinator")


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    members = commands.add_parser("members", help="manage staff (bootstrap without Telegram)")
    sub = members.add_subparsers(dest="members_command", required=True)
    add = sub.add_parser("add", help="add a supporter, counselor or coordinator")
    add.add_argument("--role", choices=ROLES, required=True)
    add.add_argument("--telegram-id", type=int, required=True)
    add.add_argument("--name", default="", help="shown to coordinators (default: the role)")
    add.add_argument("--trained", action="store_true", help="training already complete")
    add.add_argument("--languages", default="id,en", help="comma-separated: id,en")
    add.add_argument("--topics", default="", help=f"comma-separated: {','.join(TOPICS)}")
    add.add_argument("--capacity", type=int, default=None, help="chats at once (supporters)")
    sub.add_parser("list", help="list members")
    remove = sub.add_parser("remove", help="remove a member")
    remove.add_argument("--telegram-id", type=int, required=True)
    activate = sub.add_parser("activate", help="let a deactivated member back in")
    activate.add_argument("--telegram-id", type=int, required=True)
    quarantine = commands.add_parser(
        "quarantine", help="updates set aside because they could not be parsed or stored")
    quarantine.add_subparsers(dest="quarantine_command", required=True).add_parser(
        "list", help="list quarantined updates: id, when, chat, reason (never their content)")


def _split(text: str, allowed: Sequence[str], what: str) -> list[str]:
    items = [t.strip() for t in text.split(",") if t.strip()]
    unknown = [t for t in items if t not in allowed]
    if unknown:
        raise SystemExit(f"sejawat: unknown {what}: {', '.join(unknown)} "
                         f"(choose from {', '.join(allowed)})")
    return items


async def _store(config: Config) -> tuple[Store, AsyncEngine]:
    engine = create_engine(config.database.url)
    await migrate(engine)
    cipher = Cipher(config.privacy.data_key.get_secret_value())
    await check_data_key(engine, cipher)
    return Store(sessionmaker(engine), cipher), engine


async def members(config: Config, args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    store, engine = await _store(config)
    try:
        async with store() as uow:
            if args.members_command == "add":
                if await uow.members.by_telegram_id(args.telegram_id) is not None:
                    print(f"sejawat: telegram id {args.telegram_id} is already a member")
                    return 1
                member = await uow.members.add(
                    args.telegram_id, args.role, args.name or args.role.title(),
                    datetime.now(UTC), trained=args.trained or args.role == "coordinator",
                    languages=_split(args.languages, LANGUAGES, "language"),
                    topics=_split(args.topics, TOPICS, "topic"),
                    capacity=args.capacity or config.routing.default_capacity,
                )
                await uow.audit.add("cli", "member.added", f"member:{member.id}",
                                    {"role": member.role}, datetime.now(UTC))
                await uow.commit()
                print(f"added {member.role} {member.name} (telegram id {member.telegram_id})")
            elif args.members_command == "list":
                print(f"{'telegram id':>12}  {'role':<11} {'trained':<7} {'active':<6} "
                      f"{'duty':<5} {'cap':>3}  languages  name")
                for m in await uow.members.all():
                    print(f"{m.telegram_id:>12}  {m.role:<11} {_yes(m.trained):<7} "
                          f"{_yes(m.active):<6} {_yes(m.on_duty):<5} {m.capacity:>3}  "
                          f"{','.join(m.languages):<9}  {m.name}")
            elif args.members_command == "activate":
                found = await uow.members.by_telegram_id(args.telegram_id)
                if found is None:
                    print(f"sejawat: telegram id {args.telegram_id} is not a member")
                    return 1
                if found.active:
                    print(f"{found.name} is already active")
                    return 0
                found.active = True
                await uow.audit.add("cli", "member.activated", f"member:{found.id}", {},
                                    datetime.now(UTC))
                await uow.commit()
                print(f"activated {found.role} {found.name} (telegram id {found.telegram_id})")
            else:
                found = await uow.members.by_telegram_id(args.telegram_id)
                if found is None:
                    print(f"sejawat: telegram id {args.telegram_id} is not a member")
                    return 1
                chats = await uow.sessions.active_for_member(found.id)
                if chats:
                    print(f"sejawat: {found.name} still has {len(chats)} open chat(s) with "
                          "students; deactivate them in /roster first (their chats go back "
                          "to the queue), then remove")
                    return 1
                await uow.members.delete(found)
                await uow.audit.add("cli", "member.removed", f"telegram:{args.telegram_id}",
                                    {}, datetime.now(UTC))
                await uow.commit()
                print(f"removed telegram id {args.telegram_id}")
        return 0
    finally:
        await engine.dispose()


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


async def false_alarms(config: Config) -> int:
    """Escalations counselors resolved as false alarms: excerpts for lexicon review."""
    store, engine = await _store(config)
    try:
        async with store() as uow:
            rows = (await uow.session.scalars(
                select(Escalation).where(Escalation.outcome == "false_alarm")
                .order_by(Escalation.id))).all()
            for row in rows:
                excerpt = uow.cipher.decrypt(row.excerpt_enc) if row.excerpt_enc else ""
                print(f"#{row.id}\t{','.join(row.categories) or row.source}\t{excerpt}")
            print(f"{len(rows)} false alarm(s)")
        return 0
    finally:
        await engine.dispose()


async def misses(config: Config) -> int:
    """Student messages staff said the detector missed (``/missed``) or flagged wrongly
    (``/falsealarm``), with what it said of them then and what it says now: for the lexicon
    review. Pseudonyms only; the text is decrypted here, for the operator."""
    from escalation.detector import Detector, RiskLevel

    detector = Detector.load()
    store, engine = await _store(config)
    try:
        async with store() as uow:
            rows = await uow.risk_reports.all()
            for row in rows:
                now = detector.assess(row.text).level
                text = " ".join(row.text.split())
                print(f"#{row.id}\t{row.created_at:%Y-%m-%d}\t{row.kind}\t"
                      f"then={RiskLevel(row.level).name.lower()}\tnow={now.name.lower()}\t"
                      f"{row.pseudonym}\t{row.role}\t{text}")
            missed = sum(row.kind == "missed" for row in rows)
            print(f"{missed} missed, {len(rows) - missed} false flag(s)")
        return 0
    finally:
        await engine.dispose()


async def quarantine(config: Config) -> int:
    """``sejawat quarantine list``: what was set aside, and why (never the content)."""
    store, engine = await _store(config)
    try:
        async with store() as uow:
            rows = await uow.inbox.quarantined()
            if rows:
                print(f"{'update id':>12}  {'received (UTC)':<19}  {'chat':>12}  reason")
            for row in rows:
                print(f"{row.update_id:>12}  {row.received_at:%Y-%m-%d %H:%M:%S}  "
                      f"{row.chat_id:>12}  {row.error or '-'}")
            print(f"{len(rows)} quarantined update(s)")
        return 0
    finally:
        await engine.dispose()
