"""help_requests.wait_told: what the student last heard about their wait

Revision ID: 0005_wait_told
Revises: 0004_inbox_quarantine
Create Date: 2026-11-26 05:20:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005_wait_told'
down_revision = '0004_inbox_quarantine'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('help_requests', schema=None) as batch_op:
        batch_op.add_column(sa.Column('wait_told', sa.String(length=8), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('help_requests', schema=None) as batch_op:
        batch_op.drop_column('wait_told')
