"""What staff tell the crisis detector: ``/missed`` (as a reply to a student's message the bot
did not flag, or flagged too low) and ``/falsealarm`` (as a reply to one it flagged wrongly).

Each becomes a risk report the operator reads with ``sejawat risk misses`` for the lexicon
review. Neither pages anyone: a member worried about a student now uses ``/refer``.
"""

from __future__ import annotations

from escalation.detector import RiskLevel
from flows.types import Effect, Inbound, Reply
from handlers.context import Services
from storage.program_models import Member
from storage.uow import UnitOfWork

MISSED, WRONG = "missed", "wrong"


async def missed(uow: UnitOfWork, services: Services, inbound: Inbound,
                 member: Member) -> list[Effect]:
    return await _report(uow, services, inbound, member, MISSED)


async def false_alarm(uow: UnitOfWork, services: Services, inbound: Inbound,
                      member: Member) -> list[Effect]:
    return await _report(uow, services, inbound, member, WRONG)


async def _report(uow: UnitOfWork, services: Services, inbound: Inbound, member: Member,
                  kind: str) -> list[Effect]:
    command = "missed" if kind == MISSED else "falsealarm"
    if not inbound.reply_to:
        return [Reply("risk-report-how", {"command": command})]
    said = await uow.sessions.said(inbound.chat_id, inbound.reply_to)
    if said is None:  # a reply to something that is not a student's message in a chat
        return [Reply("risk-report-not-student", {"command": command})]
    level = services.detector.assess(said.text).level
    if kind == WRONG and level == RiskLevel.NONE:
        return [Reply("risk-report-not-flagged")]
    now = services.clock()
    if not await uow.risk_reports.add(said.relay_message_id, kind, int(level), member.id, now):
        return [Reply("risk-report-already")]
    await uow.audit.add(f"member:{member.id}", f"risk.reported_{kind}",
                        f"session:{said.chat.id}", {"level": level.name.lower()}, now)
    return [Reply(f"risk-report-{kind}", {"level_key": f"risk-{int(level)}"})]
