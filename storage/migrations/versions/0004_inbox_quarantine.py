"""inbox status wide enough for "quarantined"

Revision ID: 0004_inbox_quarantine
Revises: 0003_escalation_detail
Create Date: 2026-11-25 21:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004_inbox_quarantine'
down_revision = '0003_escalation_detail'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('inbox', schema=None) as batch_op:
        batch_op.alter_column('status', existing_type=sa.String(length=8),
                              type_=sa.String(length=16), existing_nullable=False)


def downgrade() -> None:
    op.execute("UPDATE inbox SET status = 'failed' WHERE status = 'quarantined'")
    with op.batch_alter_table('inbox', schema=None) as batch_op:
        batch_op.alter_column('status', existing_type=sa.String(length=16),
                              type_=sa.String(length=8), existing_nullable=False)
