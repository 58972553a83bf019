"""The lifecycle of an escalation case, declared as a table: the only place its status changes.

    open ──acknowledge──▶ acknowledged ──take_over──▶ taken_over ──resolve──▶ resolved
      │                      │   ▲                        │
      └──────take_over───────┼───┼────────────────────────┘ (resolve also from acknowledged)
                             │   │
         reopen / remind ◀───┘   └── acknowledge again after the ladder re-opened
                                            release: the counselor who took over is gone

An *acknowledged* case is not a handled one: ``remind`` (``escalation.ack_followup`` after the
acknowledgement, nobody took over or resolved) and ``reopen`` (a new high or imminent signal)
put it back to *open*, and the acknowledgement ladder pages again. A case *taken over* whose
counselor is no longer there (deactivated, blocked the bot) is ``release``d to *open* the same
way. A resolved case stays resolved: new risk opens a new case. A counselor who goes off duty
with the chat open asks a colleague to take it over (``HANDOVER``): the case stays *taken
over*, and a colleague's take-over moves it from one counselor to the other.
"""

from __future__ import annotations

import enum

from flows.lifecycle import Lifecycle, T

# The key in a case's ladder record that says its counselor went off duty with the chat open
# and asked a colleague to take it over (handlers.escalations.hand_over): the case stays
# *taken over* until a colleague does, the counselor comes back on duty, or their time to
# hand the chat back runs out (then ``release``).
HANDOVER = "handover"


class Case(enum.StrEnum):
    OPEN = "open"  # paging: the acknowledgement ladder's timer is armed
    ACKNOWLEDGED = "acknowledged"  # someone has seen it; the follow-up timer is armed
    TAKEN_OVER = "taken_over"  # a counselor is in the chat with the student
    RESOLVED = "resolved"  # closed with an outcome


CASE: Lifecycle[Case] = Lifecycle(
    name="escalation case",
    states=Case,
    initial=Case.OPEN,
    transitions=(
        T("acknowledge", (Case.OPEN,), Case.ACKNOWLEDGED),
        T("take_over", (Case.OPEN, Case.ACKNOWLEDGED), Case.TAKEN_OVER),
        T("reopen", (Case.ACKNOWLEDGED,), Case.OPEN),
        T("remind", (Case.ACKNOWLEDGED,), Case.OPEN),
        T("release", (Case.TAKEN_OVER,), Case.OPEN),
        T("resolve", (Case.ACKNOWLEDGED, Case.TAKEN_OVER), Case.RESOLVED),
    ),
    final=frozenset({Case.RESOLVED}),
)
